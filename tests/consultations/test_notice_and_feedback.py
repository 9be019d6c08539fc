"""Consultation notices and their feedback: the period, the states, the decisions."""

import datetime as dt
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from disclosure.exceptions import WorkflowError
from disclosure.models import FeedbackDecision, Publication
from disclosure.services.consultations import comment_moderate
from disclosure.services.publications import (
    publication_save_draft,
    publication_start_revision,
    publication_submit,
)
from tests.citizens import make_comment, make_consultation
from tests.factories import item_by_path, publish

TODAY = timezone.localdate


# -- the notice ------------------------------------------------------------------


def test_a_notice_needs_its_period_drafting_note_and_other_ways(people):
    notice = Publication(
        item=item_by_path("yjzj"),
        office=people.admin_office,
        title="征求意见公告",
        body="<p>全文</p>",
        formed_on=TODAY(),
    )
    with pytest.raises(ValidationError) as error:
        publication_save_draft(publication=notice, actor=people.editor)
    assert set(error.value.message_dict) >= {
        "opens_on",
        "closes_on",
        "drafting_note",
        "comment_ways",
    }
    notice.opens_on, notice.closes_on = TODAY(), TODAY() - timedelta(days=1)
    notice.drafting_note, notice.comment_ways = "<p>说明</p>", "信函"
    with pytest.raises(ValidationError, match="截止日期不能早于开始日期"):
        publication_save_draft(publication=notice, actor=people.editor)


def test_states_follow_the_calendar_and_the_feedback(people):
    consultation = make_consultation(
        people, opens_on=TODAY() + timedelta(days=1), closes_on=TODAY() + timedelta(days=31)
    )
    assert consultation.consultation_state() == "未开始"
    assert consultation.consultation_state(TODAY() + timedelta(days=1)) == "征集中"
    assert consultation.consultation_state(TODAY() + timedelta(days=31)) == "征集中"
    assert consultation.consultation_state(TODAY() + timedelta(days=32)) == "已结束"
    assert consultation.consultation_state(has_feedback=True) == "已反馈"
    assert consultation.consultation_days() == 31


def test_admin_warns_when_the_period_is_shorter_than_thirty_days(client, people):
    client.force_login(people.editor)
    item = item_by_path("yjzj")
    data = {
        "title": "短期征求意见",
        "feedback_for": "",
        "opens_on": TODAY().isoformat(),
        "closes_on": (TODAY() + timedelta(days=14)).isoformat(),
        "comment_ways": "信函",
        "drafting_note": "<p>说明</p>",
        "summary": "",
        "keywords": "",
        "formed_on": TODAY().isoformat(),
        "published_at_0": "",
        "published_at_1": "",
        "body": "<p>全文</p>",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    response = client.post(f"/admin/disclosure/publication/add/?item={item.pk}", data, follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert any("只有15天" in message and "不少于30日" in message for message in messages)
    assert Publication.objects.filter(title="短期征求意见").exists()


# -- feedback --------------------------------------------------------------------


# (opinion, decision, reason) of the two comments a feedback answers.
DECISIONS = [("简化材料", "adopted", ""), ("扩大范围", "not_adopted", "上级政策未规定")]


def make_feedback(people, consultation, decisions=True):
    feedback = Publication(
        item=consultation.item,
        office=consultation.office,
        title=f"关于《{consultation.title}》征求意见采纳情况的反馈",
        feedback_for=consultation,
        body="<p>共收到意见2条。</p>",
        formed_on=TODAY(),
    )
    publication_save_draft(publication=feedback, actor=people.editor)
    if decisions:
        for order, (opinion, decision, reason) in enumerate(DECISIONS, start=1):
            FeedbackDecision.objects.create(
                publication=feedback, opinion=opinion, decision=decision, reason=reason, order=order
            )
    return feedback


def test_feedback_goes_through_review_and_marks_the_consultation_answered(client, people):
    consultation = make_consultation(
        people, opens_on=TODAY() - timedelta(days=40), closes_on=TODAY() - timedelta(days=5)
    )
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "已结束" in page
    feedback = make_feedback(people, consultation)
    assert "已反馈" not in client.get(consultation.get_absolute_url()).content.decode()
    publish(feedback, people.reviewer)
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "已反馈" in page and "上级政策未规定" in page and "未采纳" in page
    listing = client.get("/xxgk/yjzj/").content.decode()
    assert "已反馈" in listing and "查看意见采纳情况" in listing
    feedback_page = client.get(feedback.get_absolute_url()).content.decode()
    assert "简化材料" in feedback_page and consultation.title in feedback_page


def test_feedback_waits_for_the_end_and_needs_decisions(people):
    open_one = make_consultation(people)
    feedback = make_feedback(people, open_one)
    with pytest.raises(WorkflowError, match="结束后"):
        publication_submit(publication=feedback, actor=people.editor)
    ended = make_consultation(
        people,
        opens_on=TODAY() - timedelta(days=40),
        closes_on=TODAY() - timedelta(days=5),
        title="已结束的征求意见",
    )
    empty = make_feedback(people, ended, decisions=False)
    with pytest.raises(WorkflowError, match="采纳情况"):
        publication_submit(publication=empty, actor=people.editor)
    with pytest.raises(ValidationError, match="理由"):
        FeedbackDecision(publication=empty, opinion="x", decision="partly").full_clean()


def test_a_revision_of_feedback_keeps_its_decisions(people):
    consultation = make_consultation(
        people, opens_on=TODAY() - timedelta(days=40), closes_on=TODAY() - timedelta(days=5)
    )
    feedback = publish(make_feedback(people, consultation), people.reviewer)
    revision = publication_start_revision(publication=feedback, actor=people.editor)
    assert revision.feedback_for == consultation
    assert list(revision.decisions.values_list("opinion", flat=True)) == ["简化材料", "扩大范围"]
    revision.decisions.filter(opinion="扩大范围").update(decision="partly")
    revision.change_note = "更正采纳情况"
    revision.save()
    publish(revision, people.reviewer)
    feedback.refresh_from_db()
    assert sorted(feedback.decisions.values_list("decision", flat=True)) == ["adopted", "partly"]


def test_admin_offers_to_write_the_feedback_once_the_consultation_ends(client, people):
    consultation = make_consultation(
        people, opens_on=TODAY() - timedelta(days=40), closes_on=TODAY() - timedelta(days=5)
    )
    client.force_login(people.editor)
    page = client.get(f"/admin/disclosure/publication/{consultation.pk}/change/").content.decode()
    assert "撰写意见采纳情况反馈" in page
    add = client.get(
        f"/admin/disclosure/publication/add/?item={consultation.item_id}&feedback_for={consultation.pk}"
    ).content.decode()
    assert "decisions-TOTAL_FORMS" in add
    assert f'<option value="{consultation.pk}" selected' in add


def test_consultation_dates_are_in_the_zhalantun_day(people):
    # The end date is a whole local day: 23:30 on it still counts.
    consultation = make_consultation(
        people, opens_on=dt.date(2026, 11, 1), closes_on=dt.date(2026, 11, 30)
    )
    late_evening = dt.datetime(2026, 11, 30, 15, 30, tzinfo=dt.UTC)  # 23:30 in Zhalantun
    with time_machine.travel(late_evening, tick=False):
        assert consultation.is_open_for_comments()
    with time_machine.travel(late_evening + timedelta(hours=1), tick=False):
        assert not consultation.is_open_for_comments()


def test_the_office_writes_the_feedback_in_the_admin(client, people):
    consultation = make_consultation(
        people, opens_on=TODAY() - timedelta(days=40), closes_on=TODAY() - timedelta(days=5)
    )
    client.force_login(people.editor)
    url = (
        f"/admin/disclosure/publication/add/?item={consultation.item_id}"
        f"&feedback_for={consultation.pk}"
    )
    data = {
        "title": "采纳情况的反馈",
        "feedback_for": str(consultation.pk),
        "summary": "",
        "keywords": "",
        "formed_on": TODAY().isoformat(),
        "published_at_0": "",
        "published_at_1": "",
        "body": "<p>共收到意见2条。</p>",
        "decisions-TOTAL_FORMS": "2",
        "decisions-INITIAL_FORMS": "0",
        "decisions-0-opinion": "简化材料",
        "decisions-0-decision": "adopted",
        "decisions-0-reason": "",
        "decisions-0-order": "1",
        "decisions-1-opinion": "扩大范围",
        "decisions-1-decision": "not_adopted",
        "decisions-1-reason": "",
        "decisions-1-order": "2",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "部分采纳或未采纳的意见，请说明理由" in refused.content.decode()
    data["decisions-1-reason"] = "上级政策未规定"
    assert client.post(url, data).status_code == 302
    feedback = Publication.objects.get(title="采纳情况的反馈")
    assert feedback.feedback_for == consultation
    assert feedback.decisions.count() == 2
    page = client.get(f"/admin/disclosure/publication/{feedback.pk}/change/").content.decode()
    assert 'name="opens_on"' not in page and "decisions-TOTAL_FORMS" in page


@pytest.mark.usefixtures("uncached_pages")
def test_consultation_pages_stay_within_ten_queries(client, people, django_assert_max_num_queries):
    consultation = make_consultation(
        people, opens_on=TODAY() - timedelta(days=40), closes_on=TODAY() - timedelta(days=5)
    )
    for number in range(12):
        comment = make_comment(consultation, f"第{number}条意见")
        comment_moderate(comment=comment, actor=people.reviewer, status="published")
    feedback = publish(make_feedback(people, consultation), people.reviewer)
    make_consultation(people, title="正在征求意见的公告")
    for url in ("/", "/xxgk/yjzj/", consultation.get_absolute_url(), feedback.get_absolute_url()):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200
