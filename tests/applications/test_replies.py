"""Replies to applications: the reply document, its review by another reviewer, closing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.exceptions import WorkflowError
from disclosure.models import InformationRequest, ReplyType
from disclosure.services.applications import (
    application_approve_answer,
    application_close,
    application_return_answer,
)
from tests.citizens import on, prepare_reply, received

Status = InformationRequest.Status


def answer(application, people, reply_type=ReplyType.DISCLOSED, note=""):
    """The editor prepares the reply, the office's reviewer lets it go out."""
    prepare_reply(application, people.editor, reply_type, note)
    return application_approve_answer(application=application, actor=people.reviewer)


def test_answer_records_the_reply_type_and_whether_it_was_on_time(people):
    application = received("2026-09-25", people.editor)
    with on("2026-10-29"):
        application = answer(
            application, people, ReplyType.REFUSED_THIRD_PARTY, "涉及第三方商业秘密"
        )
    assert application.status == Status.ANSWERED
    assert application.on_time is True
    assert application.reply_file.name.startswith("replies/")
    assert ReplyType(application.reply_type).report_group == "不予公开"
    late = received("2026-09-25", people.editor)
    with on("2026-10-30"):
        late = answer(late, people)
    assert late.on_time is False


def test_a_reply_goes_out_only_after_another_reviewer_approves_it(people):
    application = received("2026-11-02", people.editor)
    with on("2026-11-10"):
        prepared = prepare_reply(application, people.editor, ReplyType.DISCLOSED, "予以公开")
    assert prepared.status == Status.REPLY_REVIEW
    assert prepared.replied_on is None and prepared.due_date is not None
    assert prepared.public_status_label() == "办理中"
    with pytest.raises(WorkflowError, match="另一位审核人"):
        application_approve_answer(application=prepared, actor=people.editor)
    with pytest.raises(WorkflowError, match="另一位审核人"):
        application_approve_answer(application=prepared, actor=people.other_reviewer)
    with on("2026-11-11"):
        sent = application_approve_answer(application=prepared, actor=people.reviewer)
    assert sent.status == Status.ANSWERED
    assert (sent.replied_on, sent.reply_approved_by) == (dt.date(2026, 11, 11), people.reviewer)
    assert list(sent.events.values_list("action", flat=True))[-2:] == [
        "answer_submitted",
        "answered",
    ]


def test_a_reviewer_cannot_approve_the_reply_they_prepared(people):
    application = received("2026-11-02", people.editor)
    prepared = prepare_reply(application, people.reviewer)
    with pytest.raises(WorkflowError, match="拟稿人不能审核自己的答复"):
        application_approve_answer(application=prepared, actor=people.reviewer)


def test_a_returned_reply_is_in_hand_again_with_its_reason(people):
    application = received("2026-11-02", people.editor)
    prepare_reply(application, people.editor)
    back = application_return_answer(
        application=application, actor=people.reviewer, reason="答复书漏了救济途径。"
    )
    assert back.status == Status.RECEIVED
    assert (back.reply_type, back.reply_return_reason) == ("", "答复书漏了救济途径。")
    assert not back.reply_file


def test_an_office_of_one_answers_without_review_and_says_so(people):
    from disclosure.models import StaffMember

    StaffMember.objects.filter(office=people.admin_office).exclude(user=people.editor).delete()
    application = received("2026-11-02", people.editor)
    with on("2026-11-10"):
        sent = prepare_reply(application, people.editor)
    assert sent.status == Status.ANSWERED
    assert "未经他人审核" in sent.events.last().note


def test_answer_needs_a_real_reply_document(people):
    application = received("2026-11-02", people.editor)
    fake = SimpleUploadedFile("答复书.pdf", b"not a pdf at all", content_type="application/pdf")
    with pytest.raises(WorkflowError, match="不符"):
        prepare_reply(application, people.editor, reply_file=fake)
    with pytest.raises(WorkflowError, match="答复书"):
        prepare_reply(application, people.editor, reply_file=None)


def test_close_after_the_answer_is_delivered(people):
    application = received("2026-11-02", people.editor)
    with pytest.raises(WorkflowError):
        application_close(application=application, actor=people.editor, note="已送达")
    with on("2026-11-10"):
        answer(application, people)
        application = application_close(
            application=application, actor=people.editor, note="已邮寄送达"
        )
    assert application.status == Status.CLOSED
    assert application.closed_on == dt.date(2026, 11, 10)


def test_every_reply_type_maps_to_one_row_of_the_annual_report():
    groups = {"予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"}
    counts = {group: 0 for group in groups}
    for reply in ReplyType:
        assert reply.report_group in groups
        counts[reply.report_group] += 1
    assert counts == {
        "予以公开": 1,
        "部分公开": 1,
        "不予公开": 8,
        "无法提供": 3,
        "不予处理": 5,
        "其他处理": 3,
    }
