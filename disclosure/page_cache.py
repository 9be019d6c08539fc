"""Public pages kept whole for anonymous visitors, and never stale.

A page is kept under the content version (`ContentVersion`): every change of
what citizens see increases the number in the changing transaction, so a
page kept before the change is never found again once it commits. A visitor
who may see anything else than the public pages (a session, hence staff, or a
message waiting) always gets a fresh page, and a page that depends on the
visitor (a form with its CSRF token, a cookie set) is never kept.

The key holds the host, the path with its query string, the 长者模式
cookie and today's date (a consultation opens or closes with the date); the
number comes from the one query a kept page costs. When a scheduled document
has become public since the number last changed, the first request after
that moment increases it.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from disclosure.lib.display import MODE_COOKIE
from disclosure.selectors.content import current_content
from disclosure.services.content import content_changed

KEY_PREFIX = "page"
# An address longer than this is not kept (no page of the site needs one).
MAX_PATH_LENGTH = 1000
# Headers the pages' own middleware adds again to every response, kept or not.
_NOT_KEPT = {"set-cookie", "x-cache"}
_UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


@dataclass(frozen=True)
class KeptPage:
    status: int
    content: bytes
    headers: list[tuple[str, str]]


def _excluded(request) -> bool:
    """The admin, the API (which counts each client's requests), the health check, files."""
    if request.path_info.startswith((f"/{settings.ADMIN_URL}", "/api/", "/healthz")):
        return True
    # STATIC_URL and MEDIA_URL carry the site's path prefix, as request.path does.
    return request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))


def _may_use_cache(request) -> bool:
    """An anonymous visitor's GET or HEAD of a public page."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in request.COOKIES:
        return False
    if _excluded(request):
        return False
    return len(request.get_full_path()) <= MAX_PATH_LENGTH


def page_key(request, number: int) -> str:
    """The key of a page: host, path and query, 长者模式, today, and the content version."""
    parts = [
        request.get_host(),
        request.get_full_path(),
        request.COOKIES.get(MODE_COOKIE, ""),
        timezone.localdate().isoformat(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{KEY_PREFIX}:{number}:{digest}"


def _may_keep(request, response) -> bool:
    """The response is the same for every anonymous visitor who asks for this address."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in _UNCACHEABLE_DIRECTIVES):
        return False
    # The page shows a CSRF token (a form): each visitor needs their own.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= {"cookie", "accept-encoding"}


def _etag(content: bytes) -> str:
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def _mark_public(response) -> None:
    # Anyone may keep a copy, but must ask again each time: the ETag answers 304 cheaply.
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)


def _timeout(state) -> int:
    seconds = settings.PAGE_CACHE_SECONDS
    until_release = state.seconds_to_release()
    if until_release is not None:
        seconds = min(seconds, math.ceil(until_release))
    return int(seconds)


class PageCacheMiddleware:
    """Serve anonymous GET and HEAD requests of public pages from the cache (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        state = current_content()
        if state.release_due():
            # Also with the page cache off: the values and fragments kept
            # under the version are built anew until the number moves.
            with transaction.atomic():
                content_changed()
            state = current_content()
        if not settings.PAGE_CACHE:
            return self.get_response(request)
        key = page_key(request, state.number)
        kept = cache.get(key)
        if isinstance(kept, KeptPage):
            response = HttpResponse(kept.content, status=kept.status)
            for name, value in kept.headers:
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if not _may_keep(request, response):
            return response
        response["ETag"] = _etag(response.content)
        response["Last-Modified"] = http_date(time.time())
        _mark_public(response)
        timeout = _timeout(state)
        if timeout > 0:
            headers = [(n, v) for n, v in response.items() if n.lower() not in _NOT_KEPT]
            cache.set(key, KeptPage(response.status_code, response.content, headers), timeout)
        response["X-Cache"] = "miss"
        return response
