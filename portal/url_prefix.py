"""The path the site lives under when it is not at the root of its host.

A county portal may publish the bureau's column at
https://www.zlt.gov.cn/xxgk/rsj/: URL_PREFIX=/xxgk/rsj. Every address the
site writes (pages, static files, uploads, cookies) then starts with it. This
module is read by the settings and by gunicorn's configuration, so it imports
nothing of Django's settings.
"""

import re

from django.core.exceptions import ImproperlyConfigured

# Path segments made of the characters an address needs no escaping for.
_SEGMENT = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*")


def normalise(raw: str) -> str:
    """ "/xxgk/rsj" from "xxgk/rsj/", " /xxgk/rsj " …; "" for the root ("" or "/")."""
    value = raw.strip()
    if value in ("", "/"):
        return ""
    if not value.startswith("/"):
        value = "/" + value
    value = value.removesuffix("/")
    segments = value.split("/")[1:]
    if not all(_SEGMENT.fullmatch(segment) for segment in segments):
        raise ImproperlyConfigured(
            f"URL_PREFIX must be a path such as /xxgk/rsj (letters, digits, - _ . ~ "
            f"between single slashes), got {raw!r}"
        )
    return value


def settings_for(prefix: str) -> dict:
    """The settings that carry the prefix, for the settings module and for tests."""
    return {
        # Django writes every address it reverses under this path, and takes the
        # rest of the path (PATH_INFO, which the server strips) to resolve.
        "FORCE_SCRIPT_NAME": prefix or None,
        "STATIC_URL": f"{prefix}/static/",
        "MEDIA_URL": f"{prefix}/media/",
        # Another application on the same host does not receive the site's cookies.
        "SESSION_COOKIE_PATH": f"{prefix}/",
        "CSRF_COOKIE_PATH": f"{prefix}/",
    }
