"""Checked words (错敏词) in the publication workflow: forbidden ones refused at submission and approval, warnings confirmed at approval."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from disclosure.exceptions import WorkflowError
from disclosure.models import Attachment, CheckedWord, Publication, PublicationEvent
from disclosure.services.publications import (
    publication_approve,
    publication_start_revision,
    publication_submit,
)
from tests.factories import make_draft, publication_form, publish, submitted_draft

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NOTE = "经审查，不涉密"


def docx(*paragraphs: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
    return buffer.getvalue()


def attach_docx(publication, *paragraphs: str) -> Attachment:
    content = docx(*paragraphs)
    attachment = Attachment(
        publication=publication,
        name="附件一",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        size=len(content),
    )
    attachment.file.save("x.docx", ContentFile(content), save=False)
    attachment.save()
    return attachment


def step(publication, name: str) -> str:
    return reverse("admin:disclosure_publication_transition", args=[publication.pk, name])


def change(publication) -> str:
    return reverse("admin:disclosure_publication_change", args=[publication.pk])


WARNED = "<p>请各单位再接再励，按照劳动和社会保障局的要求做好工作。</p>"
BLOCKED = "<p>依据《中华人民共合国劳动法》的规定。</p>"


# -- the services ------------------------------------------------------------


def test_a_document_with_warnings_is_approved_only_once_each_is_confirmed(people):
    draft = submitted_draft(people.editor, body=WARNED)
    with pytest.raises(WorkflowError, match="请逐条确认错敏词提示") as refusal:
        publication_approve(
            publication=draft,
            actor=people.reviewer,
            confidentiality_note=NOTE,
            confirmed_words=["再接再励"],
        )
    assert "劳动和社会保障局" in str(refusal.value)
    assert "再接再励" not in str(refusal.value)
    draft.refresh_from_db()
    assert draft.status == Publication.Status.SUBMITTED

    published = publication_approve(
        publication=draft,
        actor=people.reviewer,
        confidentiality_note=NOTE,
        confirmed_words=["再接再励", "劳动和社会保障局"],
    )
    assert published.status == Publication.Status.PUBLISHED
    event = published.events.get(action=PublicationEvent.Action.APPROVED)
    assert "确认错敏词提示：“再接再励”（应为“再接再厉”）、“劳动和社会保障局”" in event.note


def test_a_document_with_a_forbidden_word_is_not_submitted(people):
    draft = make_draft(people.editor, title="关于中华人民共合国成立纪念日的通知")
    with pytest.raises(
        WorkflowError,
        match="禁止使用的词语：“中华人民共合国”（应为“中华人民共和国”），请修改后再提交审核",
    ):
        publication_submit(publication=draft, actor=people.editor)
    draft.refresh_from_db()
    assert draft.status == Publication.Status.DRAFT


def test_a_word_forbidden_after_submission_refuses_approval(people):
    draft = submitted_draft(people.editor, title="关于做好冬季供暖补贴发放工作的通知")
    CheckedWord.objects.create(
        term="冬季供暖补贴", severity=CheckedWord.Severity.BLOCK, note="测试用词"
    )
    with pytest.raises(WorkflowError, match="禁止使用的词语：“冬季供暖补贴”，不能批准发布"):
        publication_approve(
            publication=draft,
            actor=people.reviewer,
            confidentiality_note=NOTE,
            confirmed_words=["冬季供暖补贴"],
        )
    draft.refresh_from_db()
    assert draft.status == Publication.Status.SUBMITTED
    assert draft.index_number is None


def test_a_clean_document_is_approved_as_before(people):
    published = publish(make_draft(people.editor), people.reviewer)
    assert published.status == Publication.Status.PUBLISHED
    assert "错敏词" not in published.events.get(action=PublicationEvent.Action.APPROVED).note


def test_attachments_are_read_at_submission_and_their_words_checked(people):
    draft = make_draft(people.editor)
    attachment = attach_docx(draft, "各旗市区人力资源与", "社会保障局：")
    assert attachment.text is None
    with pytest.raises(WorkflowError, match="人力资源与社会保障局"):
        publication_submit(publication=draft, actor=people.editor)
    draft.refresh_from_db()
    assert draft.status == Publication.Status.DRAFT

    clean = make_draft(people.editor)
    attachment = attach_docx(clean, "各旗市区人力资源和", "社会保障局：")
    publication_submit(publication=clean, actor=people.editor)
    attachment.refresh_from_db()
    assert "人力资源和" in attachment.text


def test_a_revision_is_checked_before_it_replaces_the_live_document(people):
    live = publish(make_draft(people.editor), people.reviewer)
    revision = publication_start_revision(publication=live, actor=people.editor)
    revision.summary = "本文件由国务院办公室转发。"
    revision.change_note = "补充摘要"
    revision.save()
    with pytest.raises(WorkflowError, match="国务院办公室"):
        publication_submit(publication=revision, actor=people.editor)
    live.refresh_from_db()
    assert live.summary == ""


# -- the admin ---------------------------------------------------------------


def test_the_editor_sees_the_words_before_and_after_submitting(client, people):
    draft = make_draft(people.editor, body=WARNED)
    client.force_login(people.editor)
    page = client.get(change(draft)).content.decode()
    assert "错敏词检查：需要确认的提示2处" in page
    assert "<mark>再接再励</mark>" in page
    page = client.get(step(draft, "submit")).content.decode()
    assert "<mark>劳动和社会保障局</mark>" in page

    form = publication_form(body=WARNED, _workflow="submit")
    response = client.post(change(draft), form, follow=True)
    draft.refresh_from_db()
    assert draft.status == Publication.Status.SUBMITTED
    assert "需要确认的错敏词提示2处" in response.content.decode()


def test_the_reviewer_sees_each_hit_and_must_tick_each_warning(client, people):
    draft = submitted_draft(people.editor, body=WARNED)
    client.force_login(people.reviewer)
    page = client.get(step(draft, "approve")).content.decode()
    assert "…请各单位<mark>再接再励</mark>，按照劳动和社会保障局的要求做好工作。…" in page
    assert 'type="checkbox" name="confirmed" value="再接再励"' in page
    assert 'type="checkbox" name="confirmed" value="劳动和社会保障局"' in page

    response = client.post(
        step(draft, "approve"), {"text": "经审查不涉密", "confirmed": ["再接再励"]}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "请逐条确认错敏词提示后再批准：“劳动和社会保障局”" in page
    assert "经审查不涉密" in page, "what the reviewer typed is kept"
    assert 'value="再接再励" checked' in page.replace('id="id_confirmed_0" ', "")
    draft.refresh_from_db()
    assert draft.status == Publication.Status.SUBMITTED

    response = client.post(
        step(draft, "approve"),
        {"text": "经审查不涉密", "confirmed": ["再接再励", "劳动和社会保障局"]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Publication.Status.PUBLISHED


def test_a_forbidden_word_refuses_submission_and_approval_in_the_admin(client, people):
    draft = make_draft(people.editor)
    client.force_login(people.editor)
    response = client.post(
        change(draft), publication_form(body=BLOCKED, _workflow="submit"), follow=True
    )
    page = response.content.decode()
    assert "修改已保存，但未能提交审核：信息中有禁止使用的词语" in page
    assert "中华人民共合国劳动法" in page, "what the editor typed is kept"
    draft.refresh_from_db()
    assert draft.status == Publication.Status.DRAFT

    # A word the list forbids after submission stops the reviewer.
    client.post(
        change(draft),
        publication_form(body="<p>做好冬季供暖补贴发放工作。</p>", _workflow="submit"),
    )
    draft.refresh_from_db()
    assert draft.status == Publication.Status.SUBMITTED
    CheckedWord.objects.create(term="冬季供暖补贴", severity=CheckedWord.Severity.BLOCK)
    client.force_login(people.reviewer)
    page = client.get(step(draft, "approve")).content.decode()
    assert "禁止使用的词语1处" in page
    assert "<mark>冬季供暖补贴</mark>" in page
    response = client.post(step(draft, "approve"), {"text": "不涉密"})
    assert response.status_code == 200
    assert "不能批准发布。请退回修改。" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Publication.Status.SUBMITTED


def test_a_clean_document_shows_no_words_and_asks_for_no_confirmation(client, people):
    draft = submitted_draft(people.editor)
    client.force_login(people.reviewer)
    page = client.get(step(draft, "approve")).content.decode()
    assert "未发现错敏词" in page
    assert 'name="confirmed"' not in page


def test_another_office_sees_neither_the_document_nor_its_words(client, people):
    draft = submitted_draft(people.editor, body=WARNED)
    client.force_login(people.other_reviewer)
    response = client.get(step(draft, "approve"))
    assert response.status_code == 404
    response = client.post(
        step(draft, "approve"), {"text": "不涉密", "confirmed": ["再接再励", "劳动和社会保障局"]}
    )
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.status == Publication.Status.SUBMITTED


def test_hostile_confirmations_are_ignored(client, people):
    draft = submitted_draft(people.editor, body=WARNED)
    client.force_login(people.reviewer)
    response = client.post(
        step(draft, "approve"), {"text": "不涉密", "confirmed": ["<script>", "x" * 5000]}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "选择一个有效的选项。 &lt;script&gt; 不在可用的选项中。" in page
    assert "<script>" not in page.split("<main", 1)[-1].split("</main>")[0]
    draft.refresh_from_db()
    assert draft.status == Publication.Status.SUBMITTED
