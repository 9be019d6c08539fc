"""Citizens' comments on consultations, and their moderation by the office."""

from __future__ import annotations

import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from disclosure import permissions
from disclosure.exceptions import WorkflowError, require
from disclosure.models import Comment, Publication
from disclosure.selectors.words import comment_findings
from disclosure.services.content import content_changed


def comment_submit(
    *, consultation: Publication, name: str, contact: str, body: str, client: str, token: uuid.UUID
) -> Comment:
    """Record a comment for moderation; sending the same form twice records it once."""
    existing = Comment.objects.filter(token=token).first()
    if existing is not None:
        return existing
    if not consultation.is_open_for_comments():
        raise WorkflowError("本次征求意见不在征集期内，不能再提交意见。")
    try:
        with transaction.atomic():
            return Comment.objects.create(
                consultation=consultation,
                name=name.strip(),
                contact=contact.strip(),
                body=body.strip(),
                client=client,
                token=token,
            )
    except IntegrityError:
        # The same form arrived twice at once: the other request recorded it.
        return Comment.objects.get(token=token)


@transaction.atomic
def comment_moderate(*, comment: Comment, actor, status: str, reply: str = "") -> Comment:
    """Publish a comment (with an optional reply), keep it unpublished, or set it back.

    A comment or reply with a forbidden word (错敏词, 禁止) is not published;
    it may be kept unpublished.
    """
    comment = permissions.comments.locked_for(actor, "moderate", comment)
    require(status in Comment.Status.values, "处理状态不正确。")
    if status == Comment.Status.PUBLISHED:
        blocked = comment_findings(comment, reply=reply).block_terms()
        require(
            not blocked,
            "意见或答复中有禁止使用的词语："
            + "、".join(f"“{term.term}”" for term in blocked)
            + "，不能公开。意见中有的，请设为不公开；答复中有的，请修改答复。",
        )
    comment.status = status
    comment.reply = reply.strip()
    comment.moderated_by = actor
    comment.moderated_at = timezone.now()
    comment.full_clean()
    comment.save()
    content_changed()
    return comment
