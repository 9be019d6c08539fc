"""A database that refuses connections or does not answer: Chinese 503 pages within seconds.

The portal runs in a separate process against a PostgreSQL address where
nothing listens, or where a server accepts the connection and then says
nothing (as a hung database does).
"""

import os
import socket
import subprocess
import sys
import threading

import pytest
from django.conf import settings

PAGES = ["/healthz", "/", "/xxgk/zcfg/zcwj/", "/xxgk/doc/1/"]

SCRIPT = """
import time
import django
django.setup()
from django.test import Client

client = Client(raise_request_exception=False)
for url in {pages!r}:
    started = time.monotonic()
    response = client.get(url)
    seconds = time.monotonic() - started
    chinese = "暂时无法访问" in response.content.decode() or url == "/healthz"
    print(url, response.status_code, response.get("Retry-After"), f"{{seconds:.1f}}", chinese)
"""


def run_portal_against(port: int) -> list[list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(pages=PAGES)],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DEBUG": "0",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "testserver",
            "SECURE_HTTPS": "0",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/portal",
            "LOG_LEVEL": "CRITICAL",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [line.split() for line in result.stdout.splitlines()]


def assert_unavailable(rows: list[list[str]]) -> None:
    assert [row[0] for row in rows] == PAGES
    for url, status, retry_after, seconds, chinese in rows:
        assert status == "503", (url, status)
        assert float(seconds) < 5, (url, seconds)
        assert chinese == "True", url
        if url != "/healthz":
            assert retry_after.isdigit(), url


@pytest.fixture
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_database_that_refuses_connections_gives_503_pages(free_port):
    assert_unavailable(run_portal_against(free_port))


def test_a_database_that_does_not_answer_gives_503_pages_within_seconds():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted = []

    def accept_and_say_nothing():
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept_and_say_nothing, daemon=True).start()
    try:
        rows = run_portal_against(listener.getsockname()[1])
    finally:
        listener.close()
        for connection in accepted:
            connection.close()
    assert accepted, "the portal never tried to connect"
    assert_unavailable(rows)
