"""Checking every link citizens can follow, and keeping the last result of each.

The places: the body and 起草说明 of every public document, its
attachments, and the addresses of the site's footer (网站信息). A link to
the site itself is answered by the site, in process: the path is handed to
Django with an anonymous request, so a withdrawn document (410) or a
missing page (404) shows as broken without any network; a static file is
looked up where the static files are. An attachment is checked in the
file storage: the file is there and has the size recorded at upload.
Links to other sites are asked over HTTP(S) (`disclosure/lib/link_requests.py`).

Each run replaces the rows of the places it checks; the date a link was
first found broken carries over while it stays broken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.base import BaseHandler
from django.core.signals import request_finished
from django.db import close_old_connections, transaction
from django.http.request import validate_host
from django.test import RequestFactory
from django.urls import get_script_prefix, set_script_prefix
from django.utils import timezone

from disclosure.exceptions import require
from disclosure.lib.link_requests import (
    BROKEN,
    MAX_REDIRECTS,
    REDIRECT_CODES,
    REDIRECTED,
    Answer,
    answer_for_status,
    ascii_url,
    check_urls,
)
from disclosure.lib.links import Link, SiteAddress, extract_links
from disclosure.models import Attachment, LinkCheck, Publication, SiteProfile

Place = LinkCheck.Place
URL_LENGTH = LinkCheck._meta.get_field("url").max_length

# The footer's addresses, under the names the administrator sees them by.
SITE_LINKS = {
    "conac_url": "党政机关网站标识",
    "portal_url": "本级政府门户网站",
    "hotline_url": "12345统一互动平台",
    "services_url": "政务服务网",
    "error_report_url": "我为政府网站找错",
}


@dataclass
class Source:
    """One place that holds links, and the links it holds now."""

    place: str
    links: list[Link]
    publication: Publication | None = None
    attachment: Attachment | None = None
    field: str = ""

    def rows(self):
        return LinkCheck.objects.filter(
            publication=self.publication,
            attachment=self.attachment,
            place=self.place,
            field=self.field,
        )


@dataclass
class LinkSummary:
    """What one run found, counted by link (a link in two documents counts twice)."""

    internal: int = 0
    external: int = 0
    addresses_asked: int = 0
    results: dict[str, int] = field(default_factory=dict)
    broken: list[LinkCheck] = field(default_factory=list)

    @property
    def checked(self) -> int:
        return self.internal + self.external

    def count(self, *results: str) -> int:
        return sum(self.results.get(result, 0) for result in results)


def site_address() -> SiteAddress:
    return SiteAddress.build(SiteProfile.load().domain, settings.ALLOWED_HOSTS, get_script_prefix())


def user_agent(site: SiteAddress) -> str:
    """Names the checker and the site it checks for, so other sites' staff know who asks."""
    try:
        home = f"; +{ascii_url(site.root)}"
    except ValueError:
        # 网站域名 is free text; a malformed one leaves the address out, not the check.
        home = ""
    return f"Mozilla/5.0 (compatible; DisclosureLinkChecker/1.0{home})"


def link_sources(site: SiteAddress) -> Iterator[Source]:
    """Every place citizens see links: the site's footer, then each public document."""
    profile = SiteProfile.load()
    for name, label in SITE_LINKS.items():
        url = getattr(profile, name)
        yield Source(Place.SITE_PROFILE, [Link(url, label)] if url else [], field=name)
    publications = (
        Publication.objects.public()
        .select_related("office")
        .prefetch_related("attachments")
        .order_by("pk")
    )
    for publication in publications:
        base = site.page_url(publication.get_absolute_url())
        for place in (Place.BODY, Place.DRAFTING_NOTE):
            links = extract_links(getattr(publication, place), base)
            yield Source(place, links, publication=publication)
        for attachment in publication.attachments.all():
            link = Link(site.page_url(attachment.get_absolute_url()), attachment.download_name)
            yield Source(Place.ATTACHMENT, [link], publication=publication, attachment=attachment)


def attachment_answer(attachment: Attachment) -> Answer:
    """The stored file is there, with the size recorded when it was uploaded."""
    name = attachment.file.name
    storage = attachment.file.storage
    try:
        if not name or not storage.exists(name):
            return Answer(BROKEN, error="附件文件已不在存储中")
        size = storage.size(name)
    except (OSError, SuspiciousOperation):
        return Answer(BROKEN, error="附件文件无法读取")
    if size != attachment.size:
        return Answer(
            BROKEN, error=f"附件文件大小不符（应为{attachment.size}字节，实为{size}字节）"
        )
    return Answer("ok")


@contextmanager
def _connection_kept():
    """Closing a response ends a request, which would close the database connection mid-run."""
    connected = request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        if connected:
            request_finished.connect(close_old_connections)


class OwnSite:
    """Answers for the site's own addresses, asked of Django in process, each path once."""

    def __init__(self, site: SiteAddress) -> None:
        self.site = site
        self.handler = BaseHandler()
        self.handler.load_middleware()
        self.factory = RequestFactory()
        self.host = self._host()
        self.answers: dict[str, Answer] = {}

    def _host(self) -> str:
        """A host name the site accepts, so the request is not refused for its Host header."""
        allowed = settings.ALLOWED_HOSTS or (
            [".localhost", "127.0.0.1", "[::1]"] if settings.DEBUG else []
        )
        own = urlsplit(self.site.root).hostname or "localhost"
        candidates = [own, *(host for host in allowed if host != "*" and host[:1] != ".")]
        return next((host for host in candidates if validate_host(host, allowed)), own)

    def check(self, url: str) -> Answer:
        path = self.site.own_path(url)
        if path not in self.answers:
            self.answers[path] = self._follow(path)
        return self.answers[path]

    def _public(self, path: str) -> str:
        return urljoin(self.site.root, path.lstrip("/"))

    def _follow(self, path: str) -> Answer:
        for hops in range(MAX_REDIRECTS + 1):
            static = self._static(path)
            if static is not None:
                return static if not hops else Answer(REDIRECTED, final_url=self._public(path))
            status, location = self._get(path)
            if status not in REDIRECT_CODES:
                return answer_for_status(status, hops, self._public(path))
            if not location:
                return Answer(BROKEN, status, error=f"跳转缺少目标地址（{status}）")
            target = urljoin(self._public(path), location)
            if not self.site.is_own(target):
                return Answer(REDIRECTED, status, target)
            path = self.site.own_path(target)
        return Answer(BROKEN, status, self._public(path), f"跳转超过{MAX_REDIRECTS}次")

    def _static(self, path: str) -> Answer | None:
        """A static file's answer, found where the static files are; None for any other path."""
        prefix = urlsplit(settings.STATIC_URL).path
        plain = urlsplit(path).path
        if not plain.startswith(prefix):
            return None
        name = unquote(plain[len(prefix) :])
        try:
            found = bool(name) and bool(finders.find(name) or staticfiles_storage.exists(name))
        except (SuspiciousOperation, ValueError, OSError):
            found = False
        return Answer("ok", 200) if found else Answer(BROKEN, 404, error="网页不存在（404）")

    def _get(self, path: str) -> tuple[int, str | None]:
        # The site answers as it does under 网站域名's path, so its redirects carry that path.
        prefix = urlsplit(self.site.root).path
        try:
            request = self.factory.get(
                path, secure=True, HTTP_HOST=self.host, SCRIPT_NAME=prefix.rstrip("/")
            )
        except (ValueError, UnicodeError):
            return 400, None
        previous = get_script_prefix()
        set_script_prefix(prefix)
        try:
            response = self.handler.get_response(request)
        finally:
            set_script_prefix(previous)
        with _connection_kept():
            response.close()
        return response.status_code, response.get("Location")


def _store(source: Source, answers: list[Answer], internal: list[bool], on, kinds: set[bool]):
    """Replace the source's rows of the kinds checked (internal, external or both) with these."""
    urls = [link.url[:URL_LENGTH] for link in source.links]
    with transaction.atomic():
        previous = source.rows()
        existing = list(previous)
        if not existing and not urls:
            return []
        since = {row.url: row.broken_since for row in existing if row.broken_since}
        if existing:
            previous.filter(internal__in=kinds).delete()
            # Links no longer in the place go whatever their kind.
            previous.exclude(url__in=urls).delete()
        rows = [
            LinkCheck(
                publication=source.publication,
                attachment=source.attachment,
                place=source.place,
                field=source.field,
                url=url,
                text=link.text[:200],
                internal=own,
                result=answer.result,
                status_code=answer.status,
                error=answer.error[:300],
                final_url=answer.final_url[:URL_LENGTH],
                broken_since=(since.get(url) or on)
                if answer.result in LinkCheck.BROKEN_RESULTS
                else None,
                checked_at=on,
            )
            for link, url, answer, own in zip(source.links, urls, answers, internal, strict=True)
            if own in kinds
        ]
        return LinkCheck.objects.bulk_create(rows)


def links_check(
    *,
    timeout: float = 10.0,
    concurrency: int = 8,
    budget: float = 1800.0,
    internal_only: bool = False,
    on: dt.datetime | None = None,
) -> LinkSummary:
    """Check every link citizens can follow and keep the results; safe to run again."""
    require(0 < timeout <= 120, "每个链接的超时时间应在0到120秒之间。")
    require(1 <= concurrency <= 64, "同时检查的链接数应在1到64之间。")
    require(budget > 0, "检查的总时限必须大于0秒。")
    on = on or timezone.now()
    site = site_address()
    own_site = OwnSite(site)
    sources = list(link_sources(site))

    answers: dict[tuple[int, int], Answer] = {}
    internal: dict[tuple[int, int], bool] = {}
    external: dict[tuple[int, int], str] = {}
    for s, source in enumerate(sources):
        for n, link in enumerate(source.links):
            internal[s, n] = source.place == Place.ATTACHMENT or site.is_own(link.url)
            if source.place == Place.ATTACHMENT:
                answers[s, n] = attachment_answer(source.attachment)
            elif internal[s, n]:
                answers[s, n] = own_site.check(link.url)
            else:
                external[s, n] = link.url

    summary = LinkSummary()
    if not internal_only and external:
        asked = check_urls(
            external.values(),
            timeout=timeout,
            concurrency=concurrency,
            budget=budget,
            user_agent=user_agent(site),
            allow_private=settings.LINK_CHECK_PRIVATE_ADDRESSES,
        )
        summary.addresses_asked = len(asked)
        answers |= {key: asked[url] for key, url in external.items()}

    kinds = {True} if internal_only else {True, False}
    for s, source in enumerate(sources):
        keys = [(s, n) for n in range(len(source.links))]
        rows = _store(
            source,
            [answers.get(key, Answer(BROKEN)) for key in keys],
            [internal[key] for key in keys],
            on,
            kinds,
        )
        for row in rows:
            summary.results[row.result] = summary.results.get(row.result, 0) + 1
            if row.internal:
                summary.internal += 1
            else:
                summary.external += 1
            if row.is_broken:
                summary.broken.append(row)
    # Documents no longer public take their links with them.
    LinkCheck.objects.filter(publication__isnull=False).exclude(
        publication__in=Publication.objects.public()
    ).delete()
    return summary
