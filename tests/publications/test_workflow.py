"""The publication workflow: drafts, review, index numbers, withdrawal, revisions and events."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from disclosure.exceptions import WorkflowError
from disclosure.models import Attachment, Publication, PublicationEvent
from disclosure.services.publications import (
    publication_approve,
    publication_restore,
    publication_return,
    publication_save_draft,
    publication_start_revision,
    publication_submit,
    publication_withdraw,
)
from tests.factories import item_by_path, make_draft, make_published, publish, submitted_draft

pytestmark = pytest.mark.django_db
Status = Publication.Status
NOTE = "经审查，不涉密"


def actions(publication) -> list[str]:
    return list(publication.events.values_list("action", flat=True))


def test_a_draft_belongs_to_the_editors_office(people):
    draft = make_draft(people.editor)
    assert draft.status == Status.DRAFT
    assert draft.office == people.admin_office
    assert draft.created_by == people.editor
    assert actions(draft) == ["created"]


def test_an_editor_cannot_draft_under_another_offices_item(people):
    with pytest.raises(WorkflowError, match="不负责这个目录事项"):
        make_draft(people.other_editor, "jyta")
    assert make_draft(people.other_editor, "zdly/wgjy/wgjy").office == people.employment


def test_reviewers_do_not_draft(people):
    with pytest.raises(WorkflowError):
        make_draft(people.reviewer)


def test_submit_approve_publishes_with_an_index_number(people):
    draft = submitted_draft(people.editor)
    published = publication_approve(
        publication=draft, actor=people.reviewer, confidentiality_note=NOTE
    )
    year = timezone.localtime(published.published_at).year
    assert published.status == Status.PUBLISHED
    assert published.index_number == f"{settings.CREDIT_CODE}/{year}-00001"
    assert published.approved_by == people.reviewer
    assert published.confidentiality_note == NOTE
    assert actions(published) == ["created", "submitted", "approved"]
    assert Publication.objects.public().filter(pk=published.pk).exists()


def test_index_numbers_are_never_reused(people):
    first = make_published(people, title="一")
    first.delete()  # even a row gone from the table does not free its serial
    second = make_published(people, title="二")
    assert first.index_number.endswith("-00001")
    assert second.index_number.endswith("-00002")


def test_the_reviewer_is_never_the_author(people):
    draft = submitted_draft(people.admin, office=people.admin_office)
    with pytest.raises(WorkflowError, match="不能审核自己"):
        publication_approve(publication=draft, actor=people.admin, confidentiality_note=NOTE)
    publication_approve(publication=draft, actor=people.reviewer, confidentiality_note=NOTE)


def test_approval_needs_the_confidentiality_review(people):
    draft = submitted_draft(people.editor)
    with pytest.raises(WorkflowError, match="保密审查"):
        publication_approve(publication=draft, actor=people.reviewer, confidentiality_note=" ")


def test_a_reviewer_of_another_office_cannot_review(people):
    draft = submitted_draft(people.editor)
    with pytest.raises(WorkflowError):
        publication_approve(
            publication=draft, actor=people.other_reviewer, confidentiality_note=NOTE
        )
    with pytest.raises(WorkflowError):
        publication_return(publication=draft, actor=people.other_reviewer, reason="不行")


def test_editors_cannot_approve(people):
    draft = submitted_draft(people.editor)
    with pytest.raises(WorkflowError):
        publication_approve(publication=draft, actor=people.editor, confidentiality_note=NOTE)


def test_return_sends_back_to_draft_with_a_reason(people):
    draft = submitted_draft(people.editor)
    with pytest.raises(WorkflowError, match="退回原因"):
        publication_return(publication=draft, actor=people.reviewer, reason="")
    returned = publication_return(publication=draft, actor=people.reviewer, reason="文号有误")
    assert returned.status == Status.DRAFT
    event = returned.events.last()
    assert (event.action, event.actor, event.note) == ("returned", people.reviewer, "文号有误")


def test_submitted_and_published_documents_cannot_be_edited_as_drafts(people):
    draft = submitted_draft(people.editor)
    draft.title = "偷偷改标题"
    with pytest.raises(WorkflowError):
        publication_save_draft(publication=draft, actor=people.editor)


def test_wrong_steps_are_refused(people):
    draft = make_draft(people.editor)
    with pytest.raises(WorkflowError):
        publication_approve(publication=draft, actor=people.reviewer, confidentiality_note=NOTE)
    with pytest.raises(WorkflowError):
        publication_withdraw(publication=draft, actor=people.reviewer, reason="x")
    with pytest.raises(WorkflowError):
        publication_start_revision(publication=draft, actor=people.editor)


def test_a_future_publication_date_schedules_without_a_job(people, time_machine):
    when = timezone.now() + timedelta(days=2)
    draft = make_draft(people.editor, published_at=when)
    published = publish(draft, people.reviewer)
    assert published.status == Status.PUBLISHED and published.is_scheduled
    assert not Publication.objects.public().filter(pk=published.pk).exists()
    time_machine.move_to(when + timedelta(minutes=1))
    assert Publication.objects.public().filter(pk=published.pk).exists()


def test_a_past_publication_date_becomes_now(people):
    draft = make_draft(people.editor, published_at=timezone.now() - timedelta(days=30))
    published = publish(draft, people.reviewer)
    assert timezone.now() - published.published_at < timedelta(minutes=1)


def test_withdrawal_needs_a_public_reason_and_leaves_public_lists(people):
    published = make_published(people)
    with pytest.raises(WorkflowError, match="撤回原因"):
        publication_withdraw(publication=published, actor=people.reviewer, reason="")
    with pytest.raises(WorkflowError):
        publication_withdraw(publication=published, actor=people.editor, reason="过期")
    withdrawn = publication_withdraw(
        publication=published, actor=people.reviewer, reason="政策已调整"
    )
    assert withdrawn.status == Status.WITHDRAWN and withdrawn.withdrawal_reason == "政策已调整"
    assert not Publication.objects.public().filter(pk=published.pk).exists()
    assert Publication.objects.visible_or_withdrawn().filter(pk=published.pk).exists()


def test_editing_a_published_document_goes_through_review_while_it_stays_live(people):
    live = make_published(people, title="原标题")
    revision = publication_start_revision(publication=live, actor=people.editor)
    assert publication_start_revision(publication=live, actor=people.editor) == revision
    revision.title = "新标题"
    publication_save_draft(publication=revision, actor=people.editor)
    with pytest.raises(WorkflowError, match="修改说明"):
        publication_submit(publication=revision, actor=people.editor)
    revision.change_note = "更正标题"
    revision.save()
    publication_submit(publication=revision, actor=people.editor)
    live.refresh_from_db()
    assert live.title == "原标题" and Publication.objects.public().filter(pk=live.pk).exists()
    assert not Publication.objects.public().filter(pk=revision.pk).exists()

    merged = publication_approve(
        publication=revision, actor=people.reviewer, confidentiality_note=NOTE
    )

    assert merged.pk == live.pk and merged.title == "新标题"
    assert merged.index_number == live.index_number
    assert not Publication.objects.filter(pk=revision.pk).exists()
    assert actions(merged)[-1] == "revision_approved"
    assert "更正标题" in merged.events.last().note
    assert merged.history.first().history_change_reason == "批准修改：更正标题"


def test_a_revision_carries_attachments_and_related_documents(people):
    other = make_published(people, title="相关文件")
    live = make_draft(people.editor)
    live.related.add(other)
    Attachment.objects.create(
        publication=live,
        file="attachments/a.pdf",
        name="a.pdf",
        content_type="application/pdf",
        size=10,
    )
    live = publish(live, people.reviewer)
    revision = publication_start_revision(publication=live, actor=people.editor)
    assert list(revision.related.all()) == [other]
    assert [a.name for a in revision.attachments.all()] == ["a.pdf"]
    revision.attachments.all().delete()
    revision.change_note = "删除附件"
    revision.save()
    publication_submit(publication=revision, actor=people.editor)
    merged = publication_approve(
        publication=revision, actor=people.reviewer, confidentiality_note=NOTE
    )
    assert merged.attachments.count() == 0
    assert list(merged.related.all()) == [other]
    assert list(other.related.all()) == [merged]


def test_every_version_is_kept_and_can_be_restored_through_review(people):
    draft = make_draft(people.editor, title="第一版")
    draft.title = "第二版"
    publication_save_draft(publication=draft, actor=people.editor)
    live = publish(draft, people.reviewer)
    first = live.history.filter(title="第一版").order_by("history_date").first()
    assert live.history.count() >= 4
    assert {h.history_user for h in live.history.all()} == {people.editor, people.reviewer}

    revision = publication_restore(
        publication=live, history_id=first.history_id, actor=people.editor
    )

    live.refresh_from_db()
    assert live.title == "第二版"
    assert revision.revision_of == live and revision.title == "第一版"
    assert revision.change_note.startswith("恢复到")
    assert actions(live)[-1] == "restored"


def test_withdrawing_discards_a_pending_revision(people):
    live = make_published(people)
    publication_start_revision(publication=live, actor=people.editor)
    publication_withdraw(publication=live, actor=people.reviewer, reason="停止执行")
    assert not Publication.objects.filter(revision_of=live).exists()


def test_the_item_decides_which_metadata_is_required(people):
    with pytest.raises(ValidationError) as error:
        make_draft(people.editor, "gfxwj/gfxwj/gfxwj")
    assert set(error.value.message_dict) == {"doc_number", "written_on", "validity"}
    draft = make_draft(
        people.editor,
        "gfxwj/gfxwj/gfxwj",
        doc_number="扎人社规〔2026〕1号",
        written_on=date(2026, 3, 1),
        validity=Publication.Validity.VALID,
    )
    assert draft.item == item_by_path("gfxwj/gfxwj/gfxwj")
    assert make_draft(people.editor, "jyta").doc_number == ""


def test_budget_documents_need_the_year_and_approval_date(people):
    from disclosure.models import Office

    finance = Office.objects.get(name="财务规划办公室")
    from tests.factories import make_staff

    editor = make_staff("finance_editor", finance, "editor")
    with pytest.raises(ValidationError) as error:
        make_draft(editor, "czyjs/czyjs/czyjs")
    assert set(error.value.message_dict) == {"budget_year", "approved_on"}
    with pytest.raises(ValidationError, match="四位数"):
        make_draft(editor, "czyjs/czyjs/czyjs", budget_year=26, approved_on=date(2026, 2, 1))


def test_events_record_who_when_what_and_why(people):
    draft = submitted_draft(people.editor)
    publication_return(publication=draft, actor=people.reviewer, reason="补充附件")
    events = list(PublicationEvent.objects.filter(publication=draft))
    assert [(e.action, e.actor.username) for e in events] == [
        ("created", "editor"),
        ("submitted", "editor"),
        ("returned", "reviewer"),
    ]
    assert all(e.at for e in events)
