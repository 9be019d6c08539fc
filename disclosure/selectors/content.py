"""The version of what citizens see (see `ContentVersion`)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from asgiref.local import Local
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from disclosure.models import ContentVersion


@dataclass(frozen=True)
class ContentState:
    number: int
    next_release_at: datetime | None

    def release_due(self, now: datetime | None = None) -> bool:
        """A scheduled document has become public since the number last changed."""
        return self.next_release_at is not None and (now or timezone.now()) >= self.next_release_at

    def seconds_to_release(self, now: datetime | None = None) -> float | None:
        """How long anything kept under this number stays true, if a release is scheduled."""
        if self.next_release_at is None:
            return None
        return max((self.next_release_at - (now or timezone.now())).total_seconds(), 0.0)


def _state_sql() -> str:
    quote = connection.ops.quote_name
    meta = ContentVersion._meta
    number, release = (quote(meta.get_field(name).column) for name in ("number", "next_release_at"))
    return f"SELECT {number}, {release} FROM {quote(meta.db_table)} WHERE {quote('id')} = 1"


def _aware(value) -> datetime | None:
    """A time as the database gives it: aware from PostgreSQL, UTC text from SQLite."""
    if value is None or isinstance(value, datetime):
        return value if value is None or timezone.is_aware(value) else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def content_state() -> ContentState:
    """The current version, in one query (version 1 before anything has changed).

    Every page kept in the cache costs this query and little else, so it is
    one plain statement rather than a queryset built anew for each request.
    """
    with connection.cursor() as cursor:
        cursor.execute(_state_sql())
        row = cursor.fetchone()
    if row is None:
        return ContentState(number=1, next_release_at=None)
    return ContentState(number=row[0], next_release_at=_aware(row[1]))


# The state as read once in the current request; unset outside requests, where
# every call reads the database.
_request = Local()


def request_started(**kwargs) -> None:
    _request.state = None
    _request.active = True


def request_finished(**kwargs) -> None:
    _request.state = None
    _request.active = False


def forget_request_state() -> None:
    """Read the version again at the next call (after a change in this request)."""
    _request.state = None


def current_content() -> ContentState:
    """The content version, read at most once per request.

    Everything kept in the cache under the number (the catalogue tree, the
    site profile, ...) asks this, so a page reads the version once.
    """
    if not getattr(_request, "active", False):
        return content_state()
    state = getattr(_request, "state", None)
    if state is None:
        state = _request.state = content_state()
    return state


# How long a value kept under a version may stay unread in the cache.
KEPT_SECONDS = 24 * 60 * 60
_MISSING = object()
T = TypeVar("T")


def kept(name: str, build: Callable[[], T]) -> T:
    """What `build()` returns, kept in the cache under the content version.

    `name` says what it is and of which object (e.g. `latest:12:6`). Only for
    what depends on nothing but the public content (and what `name` holds):
    a change moves the version and the next call builds it again. While a
    scheduled document is due and the version has not moved yet, it is built
    each time.
    """
    state = current_content()
    if state.release_due():
        return build()
    key = f"disclosure:{name}:{state.number}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        with _building(key):
            value = cache.get(key, _MISSING)
            if value is _MISSING:
                value = build()
                cache.set(key, value, KEPT_SECONDS)
    return value


# Rendered parts of the version this process last read, by key: a string
# needs no unpickling, and whoever reads it cannot change it. At most
# TEXTS_IN_PROCESS of them; the next version starts afresh.
TEXTS_IN_PROCESS = 1000
_texts: dict[str, str] = {}
_texts_number: list[int] = [0]


def kept_text(name: str, build: Callable[[], str]) -> str:
    """`kept()` for a rendered part, held in this process's memory as well."""
    state = current_content()
    if state.release_due():
        return build()
    if _texts_number[0] != state.number or len(_texts) >= TEXTS_IN_PROCESS:
        _texts.clear()
        _texts_number[0] = state.number
    text = _texts.get(name)
    if text is None:
        text = _texts[name] = kept(name, build)
    return text


def forget_texts_in_process() -> None:
    """For tests, whose databases all start again at the same version."""
    _texts.clear()


# One lock per value being built in this process, so that the threads of a
# worker that all miss the same value (after a change, or at start) wait for
# one of them to build it rather than each building it.
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


@contextmanager
def _building(key: str) -> Iterator[None]:
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        try:
            yield
        finally:
            with _locks_guard:
                if _locks.get(key) is lock:
                    del _locks[key]
