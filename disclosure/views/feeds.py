"""RSS 2.0 and Atom feeds of public documents: the whole site, one column, one office.

Every feed starts from `Publication.objects.public()`, so a withdrawn
document leaves at once, a scheduled one joins at its time and documents
under inactive items never show. An entry's description is plain text (the
summary, or the start of the body) escaped as HTML, never the body's markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from disclosure.models import Office, Publication
from disclosure.selectors.catalogue import Node, find_path, public_tree
from disclosure.selectors.site import site_profile
from disclosure.services.search import plain_text

FEED_LENGTH = 50
DESCRIPTION_LENGTH = 200
# Characters XML 1.0 cannot carry (old data has some); the feed generator refuses them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text or "")


@dataclass
class Subject:
    """What a feed is about: its title, description, page and documents."""

    title: str
    description: str
    link: str
    publications: QuerySet[Publication]


def _titled(name: str) -> str:
    return f"{site_profile().name} — {name}"


class PublicationFeed(Feed):
    """The newest public documents of a subject, as RSS 2.0 or, given `Atom1Feed`, as Atom."""

    language = "zh-CN"
    item_guid_is_permalink = True

    def __init__(self, feed_type=Rss201rev2Feed):
        self.feed_type = feed_type

    def title(self, subject: Subject) -> str:
        return xml_text(subject.title)

    def description(self, subject: Subject) -> str:
        return xml_text(subject.description)

    def subtitle(self, subject: Subject) -> str:
        return self.description(subject)

    def link(self, subject: Subject) -> str:
        return subject.link

    def items(self, subject: Subject) -> list[Publication]:
        # The newest keys first (the listing index), then only those rows with
        # their item and office: sorting whole rows, bodies included, is slow.
        newest = subject.publications.order_by("-published_at", "-id")
        keys = list(newest.values_list("pk", flat=True)[:FEED_LENGTH])
        if not keys:
            return []
        rows = Publication.objects.select_related("office", "item").in_bulk(keys)
        return [rows[pk] for pk in keys]

    def item_title(self, publication: Publication) -> str:
        return xml_text(publication.title)

    def item_description(self, publication: Publication) -> str:
        text = publication.summary.strip() or plain_text(publication.body)
        return escape(xml_text(Truncator(text).chars(DESCRIPTION_LENGTH)))

    def item_pubdate(self, publication: Publication):
        return publication.published_at

    def item_updateddate(self, publication: Publication):
        return max(publication.published_at, publication.updated_at)

    def item_author_name(self, publication: Publication) -> str:
        return xml_text(publication.office.name)

    def item_categories(self, publication: Publication) -> list[str]:
        return [xml_text(publication.item.name)]


class SiteFeed(PublicationFeed):
    def get_object(self, request) -> Subject:
        return Subject(
            title=_titled("最新公开信息"),
            description="本局最新公开的政府信息。",
            link=reverse("disclosure:home"),
            publications=Publication.objects.public(),
        )


class ColumnFeed(PublicationFeed):
    """A column (catalogue item) and everything under it, found by its path like its page."""

    def get_object(self, request, path: str) -> Subject:
        node = find_path(public_tree(), path.split("/"))
        if node is None:
            raise Http404("没有这个目录事项")
        item = node.item
        return Subject(
            title=_titled(item.name),
            description=f"“{item.name}”栏目最新公开的政府信息。",
            link=item.get_absolute_url(),
            publications=Publication.objects.public().filter(item_id__in=_item_ids(node)),
        )


def _item_ids(node: Node) -> list[int]:
    return [node.item.id, *(id_ for child in node.children for id_ in _item_ids(child))]


class OfficeFeed(PublicationFeed):
    """The documents an active office (发布科室) published, as the search's office filter offers them."""

    def get_object(self, request, pk: int) -> Subject:
        office = get_object_or_404(Office, pk=pk, is_active=True)
        return Subject(
            title=_titled(f"{office.name}发布的信息"),
            description=f"{office.name}最新公开的政府信息。",
            link=f"{reverse('disclosure:search')}?office={office.pk}",
            publications=Publication.objects.public().filter(office=office),
        )


site_rss = require_safe(SiteFeed())
site_atom = require_safe(SiteFeed(Atom1Feed))
column_rss = require_safe(ColumnFeed())
column_atom = require_safe(ColumnFeed(Atom1Feed))
office_rss = require_safe(OfficeFeed())
office_atom = require_safe(OfficeFeed(Atom1Feed))
