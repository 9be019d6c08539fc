"""What the open-data API lists: the public catalogue and public documents, nothing else.

Documents start from `Publication.objects.public()`; a document counts as
changed at the later of its publication and its last save, so a scheduled
document shows as changed when it goes live. Withdrawn documents are listed
apart, by the time of their withdrawal, with what their page still shows.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Greatest

from disclosure.models import Attachment, Publication
from disclosure.selectors.catalogue import Node

SHOWN_FIELDS = [
    "index_number",
    "title",
    "doc_number",
    "written_on",
    "formed_on",
    "published_at",
    "validity",
    "validity_changed_on",
    "item_id",
    "office_id",
    "updated_at",
]


def subtree_ids(node: Node) -> list[int]:
    """The item's id and those of every item under it."""
    return [node.item.id, *(id_ for child in node.children for id_ in subtree_ids(child))]


def public_documents(
    *,
    item_ids: list[int] | None = None,
    office_id: int | None = None,
    changed_since: datetime | None = None,
) -> QuerySet[Publication]:
    """Public documents, newest first; changed at or after `changed_since`, oldest change first."""
    documents = Publication.objects.public().annotate(
        changed_at=Greatest("published_at", "updated_at")
    )
    if item_ids is not None:
        documents = documents.filter(item_id__in=item_ids)
    if office_id is not None:
        documents = documents.filter(office_id=office_id)
    if changed_since is not None:
        return documents.filter(changed_at__gte=changed_since).order_by("changed_at", "id")
    return documents.order_by("-published_at", "-id")


def documents_in_order(ids: list[int]) -> list[Publication]:
    """The documents of a page of ids, in that order, with what the API shows and no more.

    Lists page through ids alone (the listing index covers them), then read
    the page's rows: neither the body nor attachments' text is ever read.
    """
    rows = (
        Publication.objects.filter(pk__in=ids)
        .annotate(changed_at=Greatest("published_at", "updated_at"))
        .select_related("office")
        .only(*SHOWN_FIELDS, "office__name")
        .prefetch_related(
            Prefetch(
                "attachments",
                queryset=Attachment.objects.only(
                    "publication_id", "file", "name", "content_type", "size", "order"
                ),
            )
        )
        .in_bulk()
    )
    return [rows[pk] for pk in ids]


def withdrawn_documents(*, changed_since: datetime | None = None) -> QuerySet[Publication]:
    """Withdrawn documents still under a public item (their addresses answer 410), newest
    withdrawal first; withdrawn at or after `changed_since`, oldest withdrawal first."""
    documents = Publication.objects.visible_or_withdrawn().filter(
        status=Publication.Status.WITHDRAWN
    )
    if changed_since is not None:
        return documents.filter(withdrawn_at__gte=changed_since).order_by("withdrawn_at", "id")
    return documents.order_by("-withdrawn_at", "-id")


def withdrawn_document(pk: int) -> Publication | None:
    """A withdrawn document still under a public item, whose address answers 410."""
    return (
        Publication.objects.visible_or_withdrawn()
        .filter(pk=pk, status=Publication.Status.WITHDRAWN)
        .only("pk", "withdrawn_at")
        .first()
    )
