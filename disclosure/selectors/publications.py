"""A publication's page as it is read: its consultation part, and the admin's preview.

The public document page and the staff preview show the same template; the
preview builds its context from the whole catalogue, whatever the
publication's state.
"""

from __future__ import annotations

from disclosure.models import CatalogueItem, Comment, DocumentField, Publication
from disclosure.selectors.catalogue import build_tree, find_item


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


def preview_context(publication: Publication) -> dict:
    """The public page's context for any publication, for staff previews in the admin."""
    tree = build_tree(CatalogueItem.objects.in_tree_order().prefetch_related("channels", "offices"))
    node = find_item(tree, publication.item_id)
    item = node.item if node else publication.item
    return {
        "tree": tree,
        "item": item,
        "lineage": item.lineage(),
        "publication": publication,
        "withdrawn": publication.status == Publication.Status.WITHDRAWN,
        "has_validity": item.requires(DocumentField.VALIDITY),
        "replacement": publication.replaced_by if publication.is_no_longer_valid else None,
        "attachments": list(publication.attachments.all()),
        "related": list(publication.related.select_related("item")),
        "preview": True,
        "preview_is_public": Publication.objects.public().filter(pk=publication.pk).exists(),
        **consultation_context(publication),
    }
