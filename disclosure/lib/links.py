"""The links a page holds, and which of them lead to the site itself.

Pure functions over strings: the link checker (`disclosure/services/links.py`)
finds the links of document bodies here and asks the network
(`disclosure/lib/link_requests.py`) only about those that leave the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.http.request import split_domain_port, validate_host

# Links that lead to no page: mail, phone, script, inline data.
NO_PAGE_SCHEMES = {"mailto", "tel", "sms", "javascript", "data", "about"}
CHECKED_SCHEMES = {"http", "https"}
TEXT_LENGTH = 200


@dataclass(frozen=True)
class Link:
    """An absolute http(s) address, without its fragment, and the words that lead to it."""

    url: str
    text: str


class _LinkParser(HTMLParser):
    """Collects (address, text) pairs: an <a>'s href and words, an <img>'s src and alt."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and "href" in values:
            self._open.append((values["href"], []))
        elif tag == "img" and "src" in values:
            self.found.append((values["src"], values.get("alt", "") or "图片"))
            for _, words in self._open:
                words.append(values.get("alt", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            href, words = self._open.pop()
            self.found.append((href, "".join(words)))

    def handle_data(self, data: str) -> None:
        for _, words in self._open:
            words.append(data)

    def close(self) -> None:
        super().close()
        # An <a> left open at the end still counts, with the words it had.
        while self._open:
            self.handle_endtag("a")


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_LENGTH else text[: TEXT_LENGTH - 1] + "…"


def absolute_url(href: str, base_url: str) -> str | None:
    """`href` as an absolute http(s) address without fragment, or None when it names no page."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        if urlsplit(href).scheme.lower() in NO_PAGE_SCHEMES:
            return None
        url, _ = urldefrag(urljoin(base_url, href))
        return url if urlsplit(url).scheme.lower() in CHECKED_SCHEMES else None
    except ValueError:
        # A malformed address (an unclosed IPv6 bracket) is kept as written, to be reported.
        return href


def extract_links(html: str, base_url: str) -> list[Link]:
    """Every distinct link of an HTML fragment, in order, resolved against `base_url`."""
    parser = _LinkParser()
    parser.feed(html or "")
    parser.close()
    links: dict[tuple[str, str], Link] = {}
    for href, text in parser.found:
        url = absolute_url(href, base_url)
        if url is not None:
            link = Link(url, _tidy(text))
            links.setdefault((link.url, link.text), link)
    return list(links.values())


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is: its public root (with any path prefix) and the hosts that are its own."""

    root: str
    hosts: tuple[str, ...]
    script_prefix: str = "/"

    @classmethod
    def build(cls, domain: str, allowed_hosts: list[str], script_prefix: str = "/") -> SiteAddress:
        """From 网站域名 (host and path, e.g. www.zlt.gov.cn/rsj) and ALLOWED_HOSTS.

        A wildcard host would make every address the site's own, so it is left out.
        """
        domain = domain.strip().strip("/")
        if "://" in domain:
            domain = domain.split("://", 1)[1]
        concrete = [host for host in allowed_hosts if host and host != "*"]
        host, port = split_domain_port(domain.split("/", 1)[0])
        if host:
            own_host = f"{host}:{port}" if port else host
        else:
            # No 网站域名, or one that names no host: the first host the site answers to.
            own_host = concrete[0].lstrip(".") if concrete else "localhost"
        root = f"https://{own_host}/"
        if "/" in domain:
            root += domain.split("/", 1)[1].strip("/") + "/"
        return cls(root=root, hosts=(own_host, *concrete), script_prefix=script_prefix or "/")

    def page_url(self, path: str) -> str:
        """The public address of a path Django reversed (which starts with the script prefix)."""
        if path.startswith(self.script_prefix):
            path = path[len(self.script_prefix) :]
        return urljoin(self.root, path.lstrip("/"))

    def is_own(self, url: str) -> bool:
        """On the host of 网站域名 and under its path; or on another host the site answers to."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return False
        host, _ = split_domain_port(parts.netloc.rsplit("@", 1)[-1])
        if not host:
            return False
        root = urlsplit(self.root)
        if host == root.hostname:
            # A site published as a column of the county portal owns only its own path there.
            return (parts.path + "/").startswith(root.path)
        return validate_host(host, list(self.hosts))

    def own_path(self, url: str) -> str:
        """The path (and query) of one of the site's own addresses as its URLconf sees it."""
        parts = urlsplit(url)
        path = parts.path or "/"
        for prefix in sorted({urlsplit(self.root).path, self.script_prefix}, key=len, reverse=True):
            if prefix != "/" and (path + "/").startswith(prefix):
                path = "/" + path[len(prefix) :]
                break
        return path + (f"?{parts.query}" if parts.query else "")
