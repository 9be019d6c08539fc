"""How a reader has chosen to see the public pages: 长者模式 and the 字号 of a document.

长者模式 (适老化 and 无障碍: larger type, high contrast, wider spacing, a large
cursor) is kept in a cookie that the server reads, so that it works without
JavaScript and without the browser's own settings. A document's 字号 is part of
its address (?size=large), so that a page is the same for everyone who asks
for the same address in the same mode.
"""

from urllib.parse import unquote

from django.utils.http import url_has_allowed_host_and_scheme

MODE_COOKIE = "mode"
ELDER = "elder"
STANDARD = "standard"
MODE_COOKIE_AGE = 365 * 24 * 60 * 60

# Choice in the address -> label, largest first, as the page lists them.
TEXT_SIZES = {"large": "大", "medium": "中", "small": "小"}
DEFAULT_TEXT_SIZE = "medium"

# Longer return addresses are not pages of this site.
NEXT_MAX_LENGTH = 2000


def is_elder(cookie: str | None) -> bool:
    """Whether the mode cookie's value asks for 长者模式."""
    return cookie == ELDER


def text_size(value: str | None) -> str:
    """A document's 字号 from the address; anything unknown is the default."""
    return value if value in TEXT_SIZES else DEFAULT_TEXT_SIZE


def safe_return_path(
    value: str | None, *, host: str, secure: bool, prefix: str = "/"
) -> str | None:
    """The page to go back to, if it is a path on this site; otherwise None.

    Only a path is accepted ("/xxgk/?page=2"): no scheme, no other host, no
    "//host" or "/\\host", nothing a browser could read as another site. A site
    served under a prefix ("/xxgk/rsj/") accepts only paths under it.
    """
    if not value or len(value) > NEXT_MAX_LENGTH:
        return None
    if not value.startswith("/") or value.startswith(("//", "/\\")):
        return None
    # Browsers resolve "..", "%2e%2e" and "\\" before they ask: nothing may climb out of the prefix.
    path = value.split("?")[0].split("#")[0]
    if not value.startswith(prefix) or "\\" in path:
        return None
    if any(unquote(segment) in (".", "..") for segment in path.split("/")):
        return None
    if any(ord(character) < 32 or ord(character) == 127 for character in value):
        return None
    if not url_has_allowed_host_and_scheme(value, allowed_hosts={host}, require_https=secure):
        return None
    return value
