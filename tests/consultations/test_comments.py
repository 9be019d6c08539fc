"""Consultations: the notice, comments and their moderation, the feedback and the states."""

import datetime as dt
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from disclosure.exceptions import WorkflowError
from disclosure.models import Comment, FeedbackDecision, Publication
from disclosure.services.consultations import comment_moderate, comment_submit
from disclosure.services.publications import (
    publication_save_draft,
    publication_start_revision,
    publication_submit,
)
from tests.citizens import citizen_form, comment_form, make_consultation, shown
from tests.conftest import item_by_path, publish

TODAY = timezone.localdate


def comment_url(consultation) -> str:
    return f"/xxgk/doc/{consultation.pk}/yj/"


def post_comment(client, consultation, **fields):
    return client.post(comment_url(consultation), comment_form(**fields))


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


# -- comments ----------------------------------------------------------------------


def test_a_citizen_comments_on_an_open_consultation(client, people):
    consultation = make_consultation(people)
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "征集中" in page and 'name="body"' in page and 'name="website"' in page
    response = post_comment(client, consultation, name="张先生", contact="13900000001")
    assert response.status_code == 302
    assert response["Location"].endswith("#comments")
    comment = Comment.objects.get()
    assert (comment.name, comment.contact, comment.status) == (
        "张先生",
        "13900000001",
        Comment.Status.PENDING,
    )
    # Pending comments are not public.
    assert (
        "建议冬季提供室内候工场所"
        not in client.get(consultation.get_absolute_url()).content.decode()
    )


def test_the_form_closes_by_itself_after_the_end_date(client, people):
    consultation = make_consultation(
        people, opens_on=TODAY() - timedelta(days=30), closes_on=TODAY()
    )
    assert 'name="body"' in client.get(consultation.get_absolute_url()).content.decode()
    tomorrow = timezone.now() + timedelta(days=1)
    with time_machine.travel(tomorrow, tick=False):
        page = client.get(consultation.get_absolute_url()).content.decode()
        assert 'name="body"' not in page
        assert "已结束" in page and "不再接收意见" in page
        response = post_comment(client, consultation)
        assert response.status_code == 302
        with pytest.raises(WorkflowError):
            comment_submit(
                consultation=consultation,
                name="",
                contact="",
                body="晚到的意见",
                client="x",
                token=uuid.uuid4(),
            )
    assert not Comment.objects.exists()


def test_no_comments_before_the_consultation_opens(client, people):
    consultation = make_consultation(
        people, opens_on=TODAY() + timedelta(days=2), closes_on=TODAY() + timedelta(days=40)
    )
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "未开始" in page and 'name="body"' not in page
    post_comment(client, consultation)
    assert not Comment.objects.exists()


def test_comments_are_only_for_consultations(client, people):
    from tests.conftest import make_draft

    document = publish(make_draft(people.editor), people.reviewer)
    response = client.post(comment_url(document), citizen_form(body="意见内容五个字"))
    assert response.status_code == 404
    assert client.get(comment_url(document)).status_code == 405


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": ""}, "请填写意见内容"),
        ({"body": "短"}, "至少要写5个字"),
        ({"body": "长" * 3001}, "不能超过3000个字"),
        ({"contact": "1" * 101}, "不能超过100个字"),
        ({"body": "看 http://a.cn http://b.cn http://c.cn http://d.cn"}, "网址不能超过3个"),
        ({"body": "含有\x00空字符的意见"}, "空"),
    ],
)
def test_bad_comments_are_refused_in_chinese_keeping_what_was_typed(
    client, people, fields, message
):
    consultation = make_consultation(people)
    data = comment_form(**{"name": "李女士", **fields})
    response = client.post(comment_url(consultation), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "李女士" in page
    if fields.get("body") and "\x00" not in fields["body"]:
        assert fields["body"][:20] in page
    assert not Comment.objects.exists()


def test_the_spam_guard_refuses_robots_but_lets_a_person_send_again(client, people, settings):
    settings.SPAM_MIN_SECONDS = 3
    consultation = make_consultation(people)
    trap = post_comment(client, consultation, website="http://spam.example")
    assert "请不要填写隐藏的" in trap.content.decode()
    too_fast = client.post(
        comment_url(consultation),
        {**citizen_form(body="机器人瞬间提交的意见"), "shown": shown(seconds_ago=0.5)},
    )
    page = too_fast.content.decode()
    assert "提交太快了" in page and "机器人瞬间提交的意见" in page
    forged = client.post(
        comment_url(consultation), {**citizen_form(body="伪造时间的意见内容"), "shown": "abc"}
    )
    assert "页面已失效" in forged.content.decode()
    stale = client.post(
        comment_url(consultation),
        {**citizen_form(body="放了两天才提交的意见"), "shown": shown(seconds_ago=2 * 86400)},
    )
    assert "页面打开时间过长" in stale.content.decode()
    assert not Comment.objects.exists()
    # The form that came back carries a fresh time: sent again later, it is accepted.
    resent = too_fast.context["comment_form"]
    data = {name: resent[name].value() for name in ("token", "shown", "body", "name", "contact")}
    data["website"] = ""
    data = {key: "" if value is None else str(value) for key, value in data.items()}
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        assert client.post(comment_url(consultation), data).status_code == 302
    assert Comment.objects.get().body == "机器人瞬间提交的意见"


def test_the_trap_field_is_hidden_from_people_and_screen_readers(client, people):
    consultation = make_consultation(people)
    page = client.get(consultation.get_absolute_url()).content.decode()
    start = page.index('<div class="trap" hidden>')
    assert 'name="website"' in page[start : start + 300]


def test_sending_the_same_comment_twice_records_it_once(client, people):
    consultation = make_consultation(people)
    data = citizen_form(body="只应记录一次的意见", name="", contact="")
    assert client.post(comment_url(consultation), data).status_code == 302
    assert client.post(comment_url(consultation), data).status_code == 302
    assert Comment.objects.count() == 1


def test_comments_are_rate_limited_per_client(client, people, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": (2, 3600)}
    consultation = make_consultation(people)
    for number in range(2):
        assert post_comment(client, consultation, body=f"第{number}条意见内容").status_code == 302
    blocked = post_comment(client, consultation, body="第三条意见内容")
    assert blocked.status_code == 200
    assert "提交过于频繁" in blocked.content.decode()
    assert "第三条意见内容" in blocked.content.decode()
    # Another address is not held back.
    other = client.post(
        comment_url(consultation),
        citizen_form(body="另一个地址的意见", name="", contact=""),
        REMOTE_ADDR="10.0.0.9",
    )
    assert other.status_code == 302
    assert Comment.objects.count() == 3
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1), tick=False):
        assert post_comment(client, consultation, body="一小时后的意见").status_code == 302


# -- moderation --------------------------------------------------------------------


def make_comment(consultation, body="建议延长开放时间", **fields):
    return Comment.objects.create(
        consultation=consultation, body=body, client="t", token=uuid.uuid4(), **fields
    )


def test_the_office_publishes_selected_comments_with_a_reply(client, people):
    consultation = make_consultation(people)
    shown_comment = make_comment(consultation, "请在冬季提供室内候工场所", name="张先生")
    hidden = make_comment(consultation, "这是一条广告内容")
    comment_moderate(
        comment=shown_comment, actor=people.reviewer, status="published", reply="将予研究。"
    )
    comment_moderate(comment=hidden, actor=people.editor, status="hidden")
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "请在冬季提供室内候工场所" in page and "将予研究。" in page and "张先生" in page
    assert "这是一条广告内容" not in page
    shown_comment.refresh_from_db()
    assert shown_comment.moderated_by == people.reviewer


def test_moderation_queue_belongs_to_the_consultations_office(client, people):
    consultation = make_consultation(people)
    comment = make_comment(consultation, contact="13900000001")
    with pytest.raises(WorkflowError):
        comment_moderate(comment=comment, actor=people.other_reviewer, status="published")
    client.force_login(people.other_editor)
    assert "建议延长开放时间" not in client.get("/admin/disclosure/comment/").content.decode()
    assert client.get(f"/admin/disclosure/comment/{comment.pk}/change/").status_code == 302
    client.force_login(people.editor)
    listing = client.get("/admin/disclosure/comment/").content.decode()
    assert "建议延长开放时间" in listing
    assert "13900000001" not in listing and "139*****001" not in listing
    assert "139****0001" in listing
    response = client.post(
        "/admin/disclosure/comment/",
        {"action": "publish_selected", "_selected_action": [comment.pk]},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED


def test_moderating_in_the_change_form_records_who_and_logs_the_contact_view(client, people):
    consultation = make_consultation(people)
    comment = make_comment(consultation, contact="13900000001")
    client.force_login(people.editor)
    page = client.get(f"/admin/disclosure/comment/{comment.pk}/change/").content.decode()
    assert "13900000001" in page
    assert comment.data_views.get().user == people.editor
    response = client.post(
        f"/admin/disclosure/comment/{comment.pk}/change/",
        {"status": "published", "reply": "感谢建议。"},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.reply, comment.moderated_by) == (
        "published",
        "感谢建议。",
        people.editor,
    )
    # Administrators moderate too, but see contact details masked.
    client.force_login(people.admin)
    page = client.get(f"/admin/disclosure/comment/{comment.pk}/change/").content.decode()
    assert "13900000001" not in page and "139****0001" in page


# -- feedback --------------------------------------------------------------------


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
        FeedbackDecision.objects.create(
            publication=feedback, opinion="简化材料", decision="adopted", order=1
        )
        FeedbackDecision.objects.create(
            publication=feedback,
            opinion="扩大范围",
            decision="not_adopted",
            reason="上级政策未规定",
            order=2,
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


@pytest.mark.parametrize(
    ("contact", "accepted"),
    [
        ("13700000000", True),
        ("0470-1234567", True),
        ("name@example.com", True),
        ("微信：abc", False),
        ("明天打电话", False),
    ],
)
def test_the_contact_is_a_phone_number_or_an_e_mail_address(client, people, contact, accepted):
    consultation = make_consultation(people)
    response = client.post(
        f"/xxgk/doc/{consultation.pk}/yj/", comment_form(contact=contact, name="李女士")
    )
    if accepted:
        assert response.status_code == 302
    else:
        page = response.content.decode()
        assert "请填写电话号码或电子邮箱" in page
        assert "李女士" in page and contact in page
