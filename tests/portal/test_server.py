"""The server `make run` starts keeps answering while slow clients trickle in their requests."""

import os
import socket
import time
import urllib.request

import pytest

from tests.gunicorn import gunicorn

SLOW_CLIENTS = 6


@pytest.fixture
def server(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "0",
        "SECRET_KEY": "x" * 60,
        "SECURE_HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "LOG_LEVEL": "WARNING",
    }
    with gunicorn(env) as base:
        yield int(base.rsplit(":", 1)[1])


def test_slow_request_bodies_do_not_stall_the_site(server):
    slow = []
    try:
        for _ in range(SLOW_CLIENTS):
            connection = socket.create_connection(("127.0.0.1", server))
            connection.sendall(
                b"POST /ysqgk/sq/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                # With a CSRF cookie the token is looked for in the body, which is then awaited.
                b"Cookie: csrftoken=" + b"a" * 32 + b"\r\n"
                b"Content-Length: 100000\r\n\r\nname="
            )
            slow.append(connection)
        time.sleep(0.5)
        started = time.monotonic()
        with urllib.request.urlopen(f"http://127.0.0.1:{server}/healthz", timeout=10) as answer:
            assert answer.status == 200
        assert time.monotonic() - started < 2
    finally:
        for connection in slow:
            connection.close()
