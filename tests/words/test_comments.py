"""Checked words (错敏词) in citizens' comments: shown to the moderator, blocking publication."""

import pytest

from disclosure.exceptions import WorkflowError
from disclosure.models import Comment
from disclosure.services.consultations import comment_moderate
from tests.citizens import comment_form, make_comment, make_consultation

BLOCKED = "建议内蒙自治区统一零工市场的管理办法"
WARNED = "建议像原来劳动局那样设立窗口"


def change(comment) -> str:
    return f"/admin/disclosure/comment/{comment.pk}/change/"


def test_a_citizen_may_send_a_comment_with_a_forbidden_word(client, people):
    consultation = make_consultation(people)
    response = client.post(f"/xxgk/doc/{consultation.pk}/yj/", comment_form(body=BLOCKED))
    assert response.status_code == 302
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_a_comment_with_a_forbidden_word_cannot_be_published_but_can_be_hidden(people):
    comment = make_comment(make_consultation(people), body=BLOCKED)
    with pytest.raises(WorkflowError, match="“内蒙自治区”，不能公开"):
        comment_moderate(comment=comment, actor=people.editor, status=Comment.Status.PUBLISHED)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    comment_moderate(comment=comment, actor=people.editor, status=Comment.Status.HIDDEN)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN


def test_a_reply_with_a_forbidden_word_is_not_published_either(people):
    comment = make_comment(make_consultation(people))
    with pytest.raises(WorkflowError, match="扎兰屯县"):
        comment_moderate(
            comment=comment,
            actor=people.editor,
            status=Comment.Status.PUBLISHED,
            reply="扎兰屯县将予研究。",
        )
    comment_moderate(
        comment=comment, actor=people.editor, status=Comment.Status.PUBLISHED, reply="将予研究。"
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED


def test_a_comment_with_a_warning_can_be_published(people):
    comment = make_comment(make_consultation(people), body=WARNED)
    comment_moderate(comment=comment, actor=people.editor, status=Comment.Status.PUBLISHED)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED


def test_the_moderator_sees_the_hits_highlighted(client, people):
    consultation = make_consultation(people)
    blocked = make_comment(consultation, body=BLOCKED)
    warned = make_comment(consultation, body=WARNED)
    make_comment(consultation)
    client.force_login(people.editor)
    listing = client.get("/admin/disclosure/comment/").content.decode()
    assert "<strong>禁止1处</strong>" in listing
    assert "提示1处" in listing
    page = client.get(change(blocked)).content.decode()
    assert "建议<mark>内蒙自治区</mark>统一零工市场的管理办法" in page
    assert "内蒙古自治区" in page
    assert "不能公开：意见中有的，请设为不公开" in page
    assert "不能批准发布" not in page
    page = client.get(change(warned)).content.decode()
    assert "<mark>劳动局</mark>" in page


def test_publishing_a_forbidden_comment_in_the_form_is_refused_and_keeps_the_reply(client, people):
    comment = make_comment(make_consultation(people), body=BLOCKED)
    client.force_login(people.editor)
    response = client.post(change(comment), {"status": "published", "reply": "感谢您的建议。"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "不能公开。意见中有的，请设为不公开" in page
    assert "感谢您的建议。" in page
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    response = client.post(change(comment), {"status": "hidden", "reply": ""})
    assert response.status_code == 302


def test_publishing_in_bulk_skips_forbidden_comments_and_says_so(client, people):
    consultation = make_consultation(people)
    blocked = make_comment(consultation, body=BLOCKED)
    fine = make_comment(consultation)
    client.force_login(people.editor)
    response = client.post(
        "/admin/disclosure/comment/",
        {"action": "publish_selected", "_selected_action": [blocked.pk, fine.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "已将1条意见设为“已公开”" in page
    assert "另有1条意见含有禁止使用的词语，不能公开" in page
    blocked.refresh_from_db()
    fine.refresh_from_db()
    assert (blocked.status, fine.status) == (Comment.Status.PENDING, Comment.Status.PUBLISHED)


def test_another_office_cannot_see_the_comment_or_its_words(client, people):
    comment = make_comment(make_consultation(people), body=BLOCKED)
    client.force_login(people.other_editor)
    assert "内蒙自治区" not in client.get("/admin/disclosure/comment/").content.decode()
    assert client.get(change(comment)).status_code == 302
