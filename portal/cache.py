"""Django's Redis cache, which a Redis that does not answer turns into an empty cache.

Django's own RedisCache raises whenever Redis cannot be reached, so every
page that reads the cache, and every staff request (the cached_db sessions
write to the cache after reading the database), would fail until Redis is
back. Here a read then misses, a write is dropped and the page is built from
the database as if nothing were cached. After a failure the process leaves
Redis alone for a few seconds, so that an unreachable Redis does not cost
each request a timeout.

A key whose write or deletion was dropped may hold an older value when Redis
comes back (a session logged out meanwhile, say): the process deletes such
keys first thing once Redis answers again. /healthz reports the outage (503).
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# Keys remembered for deletion while Redis is away, at most (then the oldest go).
PENDING_LIMIT = 10_000


class RedisCache(DjangoRedisCache):
    # How long a process leaves Redis alone after it failed to answer.
    retry_after_seconds = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._stale: dict[str, None] = {}

    def _call(self, method, fallback, *args, stale=(), **kwargs):
        if time.monotonic() >= self._down_until:
            try:
                if self._stale:
                    self._cache.delete_many(list(self._stale))
                    self._stale.clear()
                return getattr(super(), method)(*args, **kwargs)
            except UNREACHABLE as error:
                self._down_until = time.monotonic() + self.retry_after_seconds
                logger.warning("Redis does not answer (%s); the cache is bypassed for now", error)
        for key in stale:
            self._stale[key] = None
        while len(self._stale) > PENDING_LIMIT:
            del self._stale[next(iter(self._stale))]
        return fallback

    def _keys(self, keys, version):
        return [self.make_and_validate_key(key, version=version) for key in keys]

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        stale = self._keys([key], version)
        return self._call("set", None, key, value, timeout, version, stale=stale)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        stale = self._keys([key], version)
        return self._call("add", False, key, value, timeout, version, stale=stale)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        stale = self._keys(data, version)
        return self._call("set_many", list(data), data, timeout, version, stale=stale)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version, stale=self._keys([key], version))

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self._call("delete_many", None, keys, version, stale=self._keys(keys, version))

    def clear(self):
        return self._call("clear", False)

    def is_reachable(self) -> bool:
        """Whether Redis answers a ping now (for /healthz); never raises."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except UNREACHABLE:
            self._down_until = time.monotonic() + self.retry_after_seconds
            return False
