"""Asking other sites whether a link still answers: HEAD (GET when HEAD is refused), a few at a time.

Standard library only: each address is asked once per run, by a pool of
threads, with a timeout per request and a budget for the whole run;
redirects are followed by hand, so the checker knows a link moved.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.request import HTTPRedirectHandler, OpenerDirector, Request, build_opener

from django.utils.encoding import iri_to_uri

# The results a link can have; LinkCheck.Result names them in Chinese.
OK = "ok"
REDIRECTED = "redirected"
BROKEN = "broken"
TIMEOUT = "timeout"
UNCHECKED = "unchecked"

MAX_REDIRECTS = 5
REDIRECT_CODES = {301, 302, 303, 307, 308}
# Servers that do not take HEAD say so with these; the link is then asked with GET.
HEAD_REFUSED = {405, 501}

STATUS_MESSAGES = {
    400: "请求被拒绝（400）",
    401: "需要登录才能访问（401）",
    403: "拒绝访问（403）",
    404: "网页不存在（404）",
    410: "网页已删除或撤回（410）",
}


@dataclass(frozen=True)
class Answer:
    """What checking one link found."""

    result: str
    status: int | None = None
    final_url: str = ""
    error: str = ""


def status_message(status: int) -> str:
    if status in STATUS_MESSAGES:
        return STATUS_MESSAGES[status]
    if status >= 500:
        return f"对方服务器出错（{status}）"
    return f"无法正常打开（{status}）"


def answer_for_status(status: int, hops: int, url: str) -> Answer:
    """A final status, after `hops` redirects ending at `url`."""
    if 200 <= status < 300:
        return Answer(REDIRECTED, status, url) if hops else Answer(OK, status)
    return Answer(BROKEN, status, url if hops else "", status_message(status))


class _NoRedirect(HTTPRedirectHandler):
    """Hands a redirect back as it is, so each hop is counted."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def ascii_url(url: str) -> str:
    """An address with Chinese characters in its host or path, as a request line must carry it."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host.encode("idna").decode("ascii") if host and not host.isascii() else host
    if ":" in netloc:
        netloc = f"[{netloc}]"
    if parts.port:
        netloc += f":{parts.port}"
    return iri_to_uri(urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")))


def is_private_host(host: str) -> bool:
    """Whether a host is, or resolves to, an address citizens cannot reach (loopback, intranet).

    Addresses staff type are asked from the server, which may sit inside a
    government network; they are not asked when they lead there.
    """
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            return True
    return False


def _ask(opener: OpenerDirector, url: str, method: str, timeout: float, user_agent: str):
    """(status, Location) of one request; the body is never read."""
    request = Request(
        url,
        method=method,
        headers={"User-Agent": user_agent, "Accept": "*/*", "Connection": "close"},
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers.get("Location")
    except HTTPError as error:
        with error:
            return error.code, error.headers.get("Location") if error.headers else None


def _failure(error: BaseException, timeout: float) -> Answer:
    reason = error.reason if isinstance(error, URLError) else error
    if isinstance(reason, TimeoutError | socket.timeout):
        return Answer(TIMEOUT, error=f"{timeout:g}秒内没有响应")
    if isinstance(reason, socket.gaierror):
        return Answer(BROKEN, error="域名无法解析")
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return Answer(BROKEN, error="加密连接（HTTPS证书）有误")
    if isinstance(reason, ConnectionRefusedError):
        return Answer(BROKEN, error="对方服务器拒绝连接")
    if isinstance(reason, UnicodeError | ValueError | http.client.InvalidURL):
        return Answer(BROKEN, error="网址格式有误")
    return Answer(BROKEN, error="无法连接对方服务器")


def check_url(url: str, *, timeout: float, user_agent: str, allow_private: bool = False) -> Answer:
    """Ask one address, following up to MAX_REDIRECTS redirects.

    Unless `allow_private`, an address on a private network is not asked.
    """
    opener = build_opener(_NoRedirect)
    current = url
    for hops in range(MAX_REDIRECTS + 1):
        try:
            target = ascii_url(current)
            if not allow_private and is_private_host(urlsplit(target).hostname or ""):
                return Answer(
                    BROKEN, final_url=current if hops else "", error="内部网络地址，公众无法访问"
                )
            status, location = _ask(opener, target, "HEAD", timeout, user_agent)
            if status in HEAD_REFUSED:
                status, location = _ask(opener, target, "GET", timeout, user_agent)
        except (OSError, ValueError, http.client.HTTPException) as error:
            failure = _failure(error, timeout)
            return Answer(failure.result, final_url=current if hops else "", error=failure.error)
        if status not in REDIRECT_CODES:
            return answer_for_status(status, hops, current)
        if not location:
            return Answer(BROKEN, status, error=f"跳转缺少目标地址（{status}）")
        current = urljoin(current, location)
        if urlsplit(current).scheme not in {"http", "https"}:
            return Answer(BROKEN, status, current, "跳转到了无法打开的地址")
    return Answer(BROKEN, status, current, f"跳转超过{MAX_REDIRECTS}次")


def check_urls(
    urls: Iterable[str],
    *,
    timeout: float,
    concurrency: int,
    budget: float,
    user_agent: str,
    allow_private: bool = False,
) -> dict[str, Answer]:
    """Each distinct address asked once, `concurrency` at a time.

    Once `budget` seconds have passed, the addresses not yet started are
    left unchecked; those under way finish within their own timeout.
    """
    distinct = list(dict.fromkeys(urls))
    deadline = time.monotonic() + budget

    def one(url: str) -> Answer:
        if time.monotonic() >= deadline:
            return Answer(UNCHECKED, error="本次检查的总时限已到，未检查")
        return check_url(url, timeout=timeout, user_agent=user_agent, allow_private=allow_private)

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        return dict(zip(distinct, pool.map(one, distinct), strict=True))
