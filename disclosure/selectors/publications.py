"""A publication's page as it is read: its consultation part, and the admin's preview.

The public document page and the staff preview show the same template; the
preview builds its context from the whole catalogue, whatever the
publication's state.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, IntegerField, Subquery, Value
from django.utils import timezone

from disclosure.models import CatalogueItem, Comment, DocumentField, Publication
from disclosure.selectors.catalogue import build_tree, find_item
from disclosure.selectors.content import kept

Status = Publication.Status


# Years looked at in the first query; older (or later) ones cost a second query.
YEARS_AT_ONCE = 30


def document_years(item: CatalogueItem, documents, *, written: bool) -> tuple[list[int], list[int]]:
    """The years of `documents` (an item's) 发布日期, in Beijing time, and, if `written`,
    of their 成文日期, newest first.

    One query whatever the number of documents: for each of the last thirty
    years, whether a document falls in it (an index range each), with the
    first and last dates (index lookups); a second only when a date lies
    outside those years.
    """
    zone = timezone.get_current_timezone()
    documents = documents.order_by()
    dated = documents.filter(written_on__isnull=False)

    def published_in(year: int) -> Exists:
        start = dt.datetime(year, 1, 1, tzinfo=zone)
        end = dt.datetime(year + 1, 1, 1, tzinfo=zone)
        return Exists(documents.filter(published_at__gte=start, published_at__lt=end))

    def written_in(year: int) -> Exists:
        start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        return Exists(dated.filter(written_on__gte=start, written_on__lt=end))

    this_year = timezone.localdate().year
    window = range(this_year - YEARS_AT_ONCE + 1, this_year + 1)
    fields = {
        "published_first": Subquery(documents.order_by("published_at").values("published_at")[:1]),
        "published_last": Subquery(documents.order_by("-published_at").values("published_at")[:1]),
        **{f"p{year}": published_in(year) for year in window},
    }
    if written:
        fields["written_first"] = Subquery(dated.order_by("written_on").values("written_on")[:1])
        fields["written_last"] = Subquery(dated.order_by("-written_on").values("written_on")[:1])
        fields |= {f"w{year}": written_in(year) for year in window}
    carrier = CatalogueItem.objects.filter(pk=item.pk)
    found = carrier.annotate(**fields).values(*fields).first() or {}

    def outside(first, last) -> list[int]:
        return [year for year in range(first, last + 1) if year not in window]

    more = {}
    if found.get("published_first"):
        first = timezone.localtime(found["published_first"], zone).year
        last = timezone.localtime(found["published_last"], zone).year
        more |= {f"p{year}": published_in(year) for year in outside(first, last)}
    if found.get("written_first"):
        first, last = found["written_first"].year, found["written_last"].year
        more |= {f"w{year}": written_in(year) for year in outside(first, last)}
    if more:
        found |= carrier.annotate(**more).values(*more).first() or {}
    years = [(name[0], int(name[1:])) for name, has in found.items() if name[1:].isdigit() and has]
    return (
        sorted((year for kind, year in years if kind == "p"), reverse=True),
        sorted((year for kind, year in years if kind == "w"), reverse=True),
    )


def public_document_years(item: CatalogueItem, *, written: bool) -> tuple[list[int], list[int]]:
    """`document_years` of the item's public documents, kept under the content version."""
    return kept(
        f"document-years:{item.pk}:{int(written)}",
        lambda: document_years(
            item, Publication.objects.public().filter(item=item), written=written
        ),
    )


def consultation_context(publication: Publication) -> dict:
    """A consultation's state, published comments and feedback; a feedback's decisions."""
    if publication.is_feedback:
        return {
            "decisions": list(publication.decisions.all()),
            "consultation": Publication.objects.public()
            .filter(pk=publication.feedback_for_id)
            .first(),
        }
    if not publication.is_consultation:
        return {}
    feedback = (
        Publication.objects.public()
        .filter(feedback_for=publication)
        .order_by("-published_at")
        .first()
    )
    return {
        "consultation_state": publication.consultation_state(has_feedback=feedback is not None),
        "feedback": feedback,
        "decisions": list(feedback.decisions.all()) if feedback else [],
        "comments": list(
            publication.comments.filter(status=Comment.Status.PUBLISHED).order_by(
                "submitted_at", "id"
            )
        ),
        "open_for_comments": publication.is_open_for_comments(),
    }


def links_context(publication: Publication, shown) -> dict:
    """The documents a page links to, of those in `shown`: the policy a 解读 explains,
    the 解读 of a policy, and the other related documents: their keys in one query,
    then, if there are any, the documents in a second.

    Public pages pass the public documents (and a withdrawn policy, whose page
    stays with its notice); the preview passes them all.
    """
    live = publication.revision_of_id or publication.pk
    # The candidates' keys first, from the `interprets` index and the link
    # table: most documents link to nothing and need no more; the others are
    # read by key, not by looking through every shown document.
    # `revision_of` is read, not filtered on: asked for "IS NULL", SQLite would
    # walk that index (every document) instead of the `interprets` one.
    explaining = Publication.objects.filter(interprets=live).values_list("pk", "revision_of")
    Link = Publication.related.through
    linked = (
        Link.objects.filter(from_publication=publication.pk)
        .annotate(revision_of=Value(None, output_field=IntegerField()))
        .values_list("to_publication", "revision_of")
    )
    rows = explaining.order_by().union(linked.order_by())
    keys = {pk for pk, revision_of in rows if revision_of is None}
    if publication.interprets_id:
        keys.add(publication.interprets_id)
    keys -= {publication.pk, live}
    linked = []
    if keys:
        linked = list(
            shown.filter(pk__in=keys).select_related("item").order_by("-published_at", "-id")
        )
    policy = next((doc for doc in linked if doc.pk == publication.interprets_id), None)
    others = [doc for doc in linked if doc is not policy and doc.status != Status.WITHDRAWN]
    interpretations = [doc for doc in others if doc.interprets_id == live]
    return {
        "policy": policy,
        "interpretations": interpretations,
        "related": [doc for doc in others if doc.interprets_id != live],
    }


def preview_context(publication: Publication) -> dict:
    """The public page's context for any publication, for staff previews in the admin."""
    tree = build_tree(CatalogueItem.objects.in_tree_order().prefetch_related("channels", "offices"))
    node = find_item(tree, publication.item_id)
    item = node.item if node else publication.item
    attachments = list(publication.attachments.all())
    return {
        "tree": tree,
        "item": item,
        "lineage": item.lineage(),
        "publication": publication,
        "withdrawn": publication.status == Publication.Status.WITHDRAWN,
        "has_validity": item.requires(DocumentField.VALIDITY),
        "replacement": publication.replaced_by if publication.is_no_longer_valid else None,
        "attachments": attachments,
        "images": publication.body_image_urls(attachments, staff=True),
        **links_context(publication, Publication.objects.filter(revision_of__isnull=True)),
        "preview": True,
        "preview_is_public": Publication.objects.public().filter(pk=publication.pk).exists(),
        **consultation_context(publication),
    }
