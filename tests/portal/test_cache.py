"""The shared Redis cache: what it stores every server sees, and a Redis that is gone costs no page."""

import shutil
import socket
import subprocess
import time
import uuid

import pytest
from django.core.cache import cache

from portal.cache import RedisCache

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_answers(port: int = 6379) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def use_redis(settings, location: str) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


@pytest.fixture
def dead_redis(settings):
    """REDIS_URL pointing where nothing listens."""
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/0")


@pytest.fixture
def live_redis(settings):
    if not redis_answers():
        pytest.skip("Redis does not answer on 127.0.0.1:6379")
    use_redis(settings, "redis://127.0.0.1:6379/0")


def test_values_go_to_redis_and_health_says_ok(live_redis, client):
    cache.set("greeting", "你好", 30)
    assert cache.get("greeting") == "你好"
    assert cache.get_many(["greeting", "missing"]) == {"greeting": "你好"}
    cache.delete("greeting")
    assert cache.get("greeting", "gone") == "gone"
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok\n")


def test_a_redis_that_is_gone_is_an_empty_cache_and_health_says_so(dead_redis, client, people):
    started = time.monotonic()
    assert cache.get("anything", "default") == "default"
    cache.set("anything", 1)
    assert cache.add("anything", 1) is False
    assert cache.get_or_set("computed", lambda: 42) == 42
    cache.delete_many(["anything", "computed"])
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "缓存（Redis）不可用" in response.content.decode()
    # Citizens and staff (whose sessions Redis also holds) are served from the database.
    assert client.get("/").status_code == 200
    assert client.get("/xxgk/").status_code == 200
    client.force_login(people.editor)
    assert client.get("/admin/").status_code == 200
    assert time.monotonic() - started < 5


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of the test's own, which it may stop and start again with its data."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    port = free_port()

    def start():
        process = subprocess.Popen(
            [
                *("redis-server", "--port", str(port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(tmp_path)),
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            if redis_answers(port):
                return process
            time.sleep(0.05)
        process.kill()
        pytest.fail("redis-server did not start")

    server = {"process": start(), "start": start, "port": port}
    yield server
    server["process"].kill()
    server["process"].wait()


def test_a_key_deleted_while_redis_was_away_is_deleted_when_it_is_back(own_redis):
    backend = RedisCache(
        f"redis://127.0.0.1:{own_redis['port']}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}},
    )
    backend.retry_after_seconds = 0
    backend.set("session", "logged in", 300)
    subprocess.run(
        ["redis-cli", "-p", str(own_redis["port"]), "save"], check=True, stdout=subprocess.DEVNULL
    )
    own_redis["process"].terminate()
    own_redis["process"].wait()
    # Logged out while Redis is away: the deletion cannot reach it.
    backend.delete("session")
    assert backend.is_reachable() is False
    own_redis["process"] = own_redis["start"]()  # back, with the saved value
    assert backend.is_reachable() is True
    assert backend.get("session") is None
