"""Comments on a consultation: the public form, its guards, and their moderation."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from disclosure.exceptions import WorkflowError
from disclosure.models import Comment
from disclosure.services.consultations import comment_moderate, comment_submit
from tests.citizens import citizen_form, comment_form, make_comment, make_consultation, shown
from tests.factories import make_published

TODAY = timezone.localdate


def comment_url(consultation) -> str:
    return f"/xxgk/doc/{consultation.pk}/yj/"


def post_comment(client, consultation, **fields):
    return client.post(comment_url(consultation), comment_form(**fields))


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

    document = make_published(people)
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
