"""The publication workflow: draft → submitted → published → withdrawn.

Each step checks who is acting (see `disclosure.permissions`), changes the
publication in one transaction and records who did what and why as a
`PublicationEvent`; every saved state is also kept as a historical version.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from disclosure import permissions
from disclosure.exceptions import WorkflowError, require
from disclosure.lib.codes import index_number
from disclosure.lib.html import replace_images
from disclosure.models import (
    Attachment,
    FeedbackDecision,
    HolidaySchedule,
    IndexNumberSequence,
    Publication,
    PublicationEvent,
)
from disclosure.models.base import locked
from disclosure.selectors.annual_report_document import report_of, submit_refusals
from disclosure.selectors.words import publication_findings
from disclosure.services.content import content_changed
from disclosure.services.deadlines import record_timeliness, set_due_date
from disclosure.services.search import extract_attachment, index_publication

Status = Publication.Status
Action = PublicationEvent.Action

# The fields that carry a publication's content: what a revision edits and
# what a restored version brings back.
CONTENT_FIELDS = [
    "title",
    "doc_number",
    "written_on",
    "formed_on",
    "approved_on",
    "budget_year",
    "validity",
    "validity_changed_on",
    "replaced_by",
    "summary",
    "keywords",
    "position",
    "photo",
    "body",
    "order",
    "opens_on",
    "closes_on",
    "drafting_note",
    "comment_ways",
    "feedback_for",
    "interprets",
]


def _save(
    publication: Publication, actor, reason: str, *, published_on: date | None = None
) -> None:
    """Validate, date and save; `published_on` records whether publication was on time."""
    publication._history_user = actor
    publication._change_reason = reason
    publication.full_clean()
    calendar = HolidaySchedule.objects.calendar()
    set_due_date(publication, calendar)
    if published_on is not None:
        record_timeliness(publication, published_on, calendar)
    publication.save()


def _event(publication: Publication, action: str, actor, note: str = "") -> None:
    PublicationEvent.objects.create(publication=publication, action=action, actor=actor, note=note)


def read_attachments(publication: Publication) -> None:
    """Extract the text of attachments not read yet, for the word check (错敏词) and search."""
    for attachment in publication.attachments.filter(text__isnull=True):
        extract_attachment(attachment)


def _quoted(terms) -> str:
    return "、".join(
        f"“{term.term}”（应为“{term.correct}”）" if term.correct else f"“{term.term}”"
        for term in terms
    )


def checked_words_note(publication: Publication, confirmed: Collection[str]) -> str:
    """Refuse a document with a forbidden word or an unconfirmed warning; the note for the record."""
    read_attachments(publication)
    findings = publication_findings(publication)
    blocks = findings.block_terms()
    require(not blocks, f"信息中有禁止使用的词语：{_quoted(blocks)}，不能批准发布。请退回修改。")
    warnings = findings.warning_terms()
    missing = [term for term in warnings if term.term not in confirmed]
    require(not missing, f"请逐条确认错敏词提示后再批准：{_quoted(missing)}。")
    return f"确认错敏词提示：{_quoted(warnings)}" if warnings else ""


def next_index_number(when: datetime) -> str:
    """`<统一社会信用代码>/<year>-<five-digit serial>`; a serial is never handed out twice."""
    year = timezone.localtime(when).year
    return index_number(settings.CREDIT_CODE, year, IndexNumberSequence.take(year))


@transaction.atomic
def publication_save_draft(*, publication: Publication, actor) -> Publication:
    """Create a draft, or save changes to one."""
    creating = publication.pk is None
    if creating:
        require(
            permissions.publications.items(actor).filter(pk=publication.item_id).exists(),
            "您的科室不负责这个目录事项，不能在其下发布信息。",
        )
        staff = permissions.staff_of(actor)
        if staff is not None:
            publication.office = staff.office
        publication.created_by = actor
        publication.status = Status.DRAFT
    else:
        current = locked(publication)
        require(
            permissions.publications.can(actor, "edit", current), "只有本科室的信息员可以修改草稿。"
        )
        publication.status = current.status
    _save(publication, actor, "起草" if creating else "修改草稿")
    target = publication.revision_of or publication
    if creating and publication.revision_of_id is None:
        _event(target, Action.CREATED, actor)
    elif not creating:
        _event(target, Action.EDITED, actor, "修改稿" if publication.revision_of_id else "")
    return publication


@transaction.atomic
def publication_submit(*, publication: Publication, actor) -> Publication:
    """Send a draft for review: complete, without a forbidden word (错敏词, 禁止), and an
    annual report only with its figures checked and current."""
    publication = permissions.publications.locked_for(actor, "submit", publication)
    if publication.revision_of_id and not publication.change_note.strip():
        raise WorkflowError("修改已发布的信息，请先填写修改说明。")
    try:
        publication.full_clean()
    except ValidationError as error:
        raise WorkflowError("信息还不完整：" + "；".join(error.messages)) from error
    if publication.is_feedback:
        consultation = publication.feedback_for
        require(
            consultation.closes_on is not None and consultation.closes_on < timezone.localdate(),
            "征求意见结束后才能提交采纳情况反馈。",
        )
        require(publication.decisions.exists(), "请至少填写一条意见采纳情况。")
    report = report_of(publication)
    if report is not None:
        refusals = submit_refusals(report)
        require(not refusals, "".join(refusals))
    read_attachments(publication)
    blocks = publication_findings(publication).block_terms()
    require(not blocks, f"信息中有禁止使用的词语：{_quoted(blocks)}，请修改后再提交审核。")
    publication.status = Status.SUBMITTED
    publication.submitted_by = actor
    publication.submitted_at = timezone.now()
    publication.return_reason = ""
    _save(publication, actor, "提交审核")
    _event(publication.revision_of or publication, Action.SUBMITTED, actor, publication.change_note)
    return publication


@transaction.atomic
def publication_return(*, publication: Publication, actor, reason: str) -> Publication:
    publication = permissions.publications.locked_for(actor, "return", publication)
    require(bool(reason.strip()), "请填写退回原因。")
    publication.status = Status.DRAFT
    publication.return_reason = reason.strip()
    _save(publication, actor, f"退回修改：{reason}")
    _event(publication.revision_of or publication, Action.RETURNED, actor, reason)
    return publication


@transaction.atomic
def publication_approve(
    *,
    publication: Publication,
    actor,
    confidentiality_note: str,
    confirmed_words: Collection[str] = (),
) -> Publication:
    """Publish (now, or at a future 发布日期), after the confidentiality review.

    A document with a forbidden word (错敏词, 禁止) is not approved; each word
    warned about is approved only once the reviewer confirms it
    (`confirmed_words`, the terms), which the record keeps.
    Approving a revision merges it into the published document, which stays
    live throughout; the revision itself is then discarded.
    """
    publication = permissions.publications.locked_for(actor, "approve", publication)
    require(bool(confidentiality_note.strip()), "请填写保密审查意见。")
    words_note = checked_words_note(publication, set(confirmed_words))
    now = timezone.now()
    if publication.revision_of_id:
        return _merge_revision(publication, actor, confidentiality_note, now, words_note)
    if publication.published_at is None or publication.published_at < now:
        publication.published_at = now
    if publication.index_number is None:
        publication.index_number = next_index_number(publication.published_at)
    publication.status = Status.PUBLISHED
    publication.approved_by = actor
    publication.approved_at = now
    publication.confidentiality_note = confidentiality_note
    _save(publication, actor, "批准发布", published_on=timezone.localdate(publication.published_at))
    index_publication(publication)
    note = f"保密审查：{confidentiality_note}"
    if words_note:
        note += f"；{words_note}"
    if publication.published_at > now:
        note += f"；定时发布：{timezone.localtime(publication.published_at):%Y-%m-%d %H:%M}"
    _event(publication, Action.APPROVED, actor, note)
    content_changed()
    return publication


def _merge_revision(
    revision: Publication, actor, confidentiality_note: str, now, words_note: str
) -> Publication:
    live = locked(revision.revision_of)
    # The revision's attachments become the document's, under the document's address.
    live.attachments.all().delete()
    moved = list(revision.attachments.all())
    revision.attachments.update(publication=live)
    for field in CONTENT_FIELDS:
        setattr(live, field, getattr(revision, field))
    live.body = _images_moved(live.body, {(revision.pk, a.pk): (live.pk, a.pk) for a in moved})
    live.approved_by = actor
    live.approved_at = now
    live.confidentiality_note = confidentiality_note
    # A change is information changed: its own clock, counted to this approval.
    _save(live, actor, f"批准修改：{revision.change_note}", published_on=timezone.localdate(now))
    live.related.set(revision.related.all())
    live.decisions.all().delete()
    revision.decisions.update(publication=live)
    _event(
        live,
        Action.REVISION_APPROVED,
        actor,
        f"修改说明：{revision.change_note}；保密审查：{confidentiality_note}"
        + (f"；{words_note}" if words_note else ""),
    )
    revision.delete()
    index_publication(live)
    content_changed()
    return live


def _images_moved(body: str, moves: dict[tuple[int, int], tuple[int, int]]) -> str:
    """The body with its images pointing at their attachments' new places (document, attachment)."""

    def moved(image):
        if image.key not in moves:
            return image.tag()
        publication_id, attachment_id = moves[image.key]
        url = reverse(
            "disclosure:attachment", kwargs={"pk": publication_id, "attachment": attachment_id}
        )
        return image.tag(url)

    return replace_images(body, moved)


@transaction.atomic
def publication_withdraw(*, publication: Publication, actor, reason: str) -> Publication:
    publication = permissions.publications.locked_for(actor, "withdraw", publication)
    require(bool(reason.strip()), "请填写撤回原因，它会在网站上向公众说明。")
    Publication.objects.filter(revision_of=publication).delete()
    publication.status = Status.WITHDRAWN
    publication.withdrawal_reason = reason
    publication.withdrawn_at = timezone.now()
    _save(publication, actor, f"撤回：{reason}")
    index_publication(publication)
    _event(publication, Action.WITHDRAWN, actor, reason)
    content_changed()
    return publication


@transaction.atomic
def publication_start_revision(*, publication: Publication, actor) -> Publication:
    """A draft copy of a published document; the document stays live meanwhile."""
    live = locked(publication)
    require(
        permissions.publications.can(actor, "revise", live),
        "只有本科室的信息员可以修改已发布的信息。",
    )
    existing = Publication.objects.filter(revision_of=live).first()
    if existing is not None:
        return existing
    revision = Publication(
        item=live.item,
        office=live.office,
        revision_of=live,
        published_at=live.published_at,
        created_by=actor,
        status=Status.DRAFT,
        **{field: getattr(live, field) for field in CONTENT_FIELDS},
    )
    _save(revision, actor, "开始修改已发布信息")
    revision.related.set(live.related.all())
    originals = list(live.attachments.all())
    copies = Attachment.objects.bulk_create(
        Attachment(
            publication=revision,
            file=attachment.file.name,
            name=attachment.name,
            content_type=attachment.content_type,
            size=attachment.size,
            order=attachment.order,
            text=attachment.text,
        )
        for attachment in originals
    )
    # The copy's first save saw no attachments and dropped its images: they come
    # back showing the copy's own attachments, so that it stands alone in review.
    revision.body = _images_moved(
        live.body,
        {(live.pk, a.pk): (revision.pk, c.pk) for a, c in zip(originals, copies, strict=True)},
    )
    Publication.objects.filter(pk=revision.pk).update(body=revision.body)
    FeedbackDecision.objects.bulk_create(
        FeedbackDecision(
            publication=revision,
            opinion=decision.opinion,
            decision=decision.decision,
            reason=decision.reason,
            order=decision.order,
        )
        for decision in live.decisions.all()
    )
    _event(live, Action.REVISION_STARTED, actor)
    return revision


@transaction.atomic
def publication_restore(*, publication: Publication, history_id: int, actor) -> Publication:
    """Bring back an earlier version's content, through review like any edit.

    A draft takes the content directly; a published document gets a revision
    holding it, to be submitted and approved.
    """
    version = publication.history.filter(history_id=history_id).first()
    require(version is not None, "找不到这个历史版本。")
    if publication.status == Status.PUBLISHED:
        target = publication_start_revision(publication=publication, actor=actor)
    else:
        target = locked(publication)
        require(
            permissions.publications.can(actor, "edit", target),
            "只有本科室的信息员可以恢复草稿的历史版本。",
        )
    for field in CONTENT_FIELDS:
        setattr(target, field, getattr(version, field))
    when = timezone.localtime(version.history_date)
    note = f"恢复到{when:%Y-%m-%d %H:%M}的版本"
    if target.revision_of_id:
        target.change_note = target.change_note or note
    try:
        _save(target, actor, note)
    except ValidationError as error:
        # A version saved under older rules (say, a 解读 before it named its policy).
        raise WorkflowError(
            "这个历史版本缺少现在必填的内容，不能恢复：" + "；".join(error.messages)
        ) from error
    _event(publication, Action.RESTORED, actor, note)
    return target
