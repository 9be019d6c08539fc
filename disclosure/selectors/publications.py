"""A publication's page as it is read: its consultation part, and the admin's preview.

The public document page and the staff preview show the same template; the
preview builds its context from the whole catalogue, whatever the
publication's state.
"""

from __future__ import annotations

from django.db.models import Q

from disclosure.models import CatalogueItem, Comment, DocumentField, Publication
from disclosure.selectors.catalogue import build_tree, find_item

Status = Publication.Status


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
    the 解读 of a policy, and the other related documents, read in one query.

    Public pages pass the public documents (and a withdrawn policy, whose page
    stays with its notice); the preview passes them all.
    """
    live = publication.revision_of_id or publication.pk
    linked = list(
        shown.filter(
            Q(pk=publication.interprets_id)
            | Q(interprets=live, revision_of__isnull=True)
            | Q(pk__in=publication.related.values("pk"))
        )
        .exclude(pk__in=[publication.pk, live])
        .select_related("item")
        .order_by("-published_at", "-id")
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
