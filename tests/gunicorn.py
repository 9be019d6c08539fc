"""The portal under gunicorn, started as `make run` starts it, for tests that need a real server."""

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from typing import IO

import pytest
from django.conf import settings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], *, prefix: str = "", log: IO | None = None, seconds: int = 20
) -> Iterator[str]:
    """gunicorn with `portal.gunicorn_conf` and `env` on a free port, until the block ends.

    Yields the site's base address (with `prefix`, the URL_PREFIX in `env`) once
    its /healthz answers; `log` takes the server's output (none by default).
    """
    port = free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "portal.wsgi"),
            *("--config", "python:portal.gunicorn_conf", "--bind", f"127.0.0.1:{port}"),
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}{prefix}"
    try:
        deadline = time.monotonic() + seconds
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"gunicorn at {base} did not start")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
