"""Documents in the admin: the form the item decides, attachments, review, history, deletion."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disclosure.models import Publication
from tests.factories import PDF, item_by_path, make_draft, make_published, publication_form, publish

pytestmark = pytest.mark.django_db
ADD = "/admin/disclosure/publication/add/"


def field_names(html: str) -> set[str]:
    return set(re.findall(r'name="([a-z_]+)"', html))


def test_the_item_decides_the_form(client, people):
    client.force_login(people.editor)
    rule_form = client.get(ADD, {"item": item_by_path("gfxwj/gfxwj/gfxwj").pk}).content.decode()
    reply_form = client.get(ADD, {"item": item_by_path("jyta").pk}).content.decode()
    assert {"doc_number", "written_on", "validity"} <= field_names(rule_form)
    assert {
        "doc_number",
        "written_on",
        "validity",
        "budget_year",
        "approved_on",
        "photo",
    }.isdisjoint(field_names(reply_form))
    assert re.search(r'<label class="required" for="id_doc_number">', rule_form)


def test_an_editor_drafts_with_an_attachment(client, people):
    client.force_login(people.editor)
    data = publication_form(
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-file": SimpleUploadedFile("答复.pdf", PDF),
            "attachments-0-name": "",
            "attachments-0-order": "0",
        }
    )
    response = client.post(f"{ADD}?item={item_by_path('jyta').pk}", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    publication = Publication.objects.get(title="关于某事的答复")
    assert publication.status == "draft" and publication.office == people.admin_office
    attachment = publication.attachments.get()
    assert (attachment.name, attachment.content_type, attachment.size) == (
        "答复",
        "application/pdf",
        len(PDF),
    )
    assert attachment.download_name == "答复.pdf"


def test_a_bad_attachment_is_refused_in_chinese_and_keeps_what_was_typed(client, people):
    client.force_login(people.editor)
    data = publication_form(
        title="我认真写的标题",
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-file": SimpleUploadedFile("病毒.pdf", b"<script>alert(1)</script>"),
            "attachments-0-name": "",
            "attachments-0-order": "0",
        },
    )
    response = client.post(f"{ADD}?item={item_by_path('jyta').pk}", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "文件内容与扩展名不符" in html
    assert 'value="我认真写的标题"' in html
    assert not Publication.objects.exists()


def test_missing_required_metadata_is_reported_next_to_the_field(client, people):
    client.force_login(people.editor)
    response = client.post(
        f"{ADD}?item={item_by_path('gfxwj/gfxwj/gfxwj').pk}", publication_form(title="办法")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "这个字段是必填项" in html
    assert 'value="办法"' in html


def test_an_editor_cannot_post_under_another_offices_item(client, people):
    client.force_login(people.other_editor)
    response = client.post(f"{ADD}?item={item_by_path('jyta').pk}", publication_form())
    assert response.status_code == 200  # back to the item chooser
    assert not Publication.objects.exists()


def test_review_in_the_admin_from_submission_to_withdrawal(client, people):
    draft = make_draft(people.editor)
    client.force_login(people.editor)

    def transition(name):
        return reverse("admin:disclosure_publication_transition", args=[draft.pk, name])

    assert client.post(transition("submit"), {"text": ""}).status_code == 302
    client.force_login(people.reviewer)
    page = client.get(
        reverse("admin:disclosure_publication_change", args=[draft.pk])
    ).content.decode()
    assert "批准发布" in page and "退回修改" in page
    response = client.post(transition("approve"), {"text": ""})
    assert "这个字段是必填项" in response.content.decode()
    assert client.post(transition("approve"), {"text": "不涉密"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published" and draft.confidentiality_note == "不涉密"
    assert client.post(transition("withdraw"), {"text": "政策调整"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == "withdrawn" and draft.withdrawal_reason == "政策调整"


def test_the_author_is_not_offered_the_review(client, people):
    draft = make_draft(people.admin, office=people.admin_office)
    client.force_login(people.admin)
    client.post(
        reverse("admin:disclosure_publication_transition", args=[draft.pk, "submit"]), {"text": ""}
    )
    page = client.get(
        reverse("admin:disclosure_publication_change", args=[draft.pk])
    ).content.decode()
    assert "需由本科室的其他审核人审核" in page
    assert "do/approve/" not in page


def test_published_documents_are_read_only_and_revised_through_review(client, people):
    live = make_published(people, title="原标题")
    client.force_login(people.editor)
    change = reverse("admin:disclosure_publication_change", args=[live.pk])
    page = client.get(change).content.decode()
    assert 'name="title"' not in page and "修改已发布信息" in page
    response = client.post(change, publication_form(title="直接改"))
    assert response.status_code == 403
    response = client.post(
        reverse("admin:disclosure_publication_transition", args=[live.pk, "revise"]), {"text": ""}
    )
    revision = Publication.objects.get(revision_of=live)
    assert response.url == reverse("admin:disclosure_publication_change", args=[revision.pk])
    form = client.get(response.url).content.decode()
    assert 'name="change_note"' in form and 'value="原标题"' in form
    live.refresh_from_db()
    assert live.title == "原标题"


def test_history_lists_versions_and_restores_through_review(client, people):
    draft = make_draft(people.editor, title="第一版")
    draft.title = "第二版"
    from disclosure.services.publications import publication_save_draft

    publication_save_draft(publication=draft, actor=people.editor)
    live = publish(draft, people.reviewer)
    client.force_login(people.editor)
    history = client.get(
        reverse("admin:disclosure_publication_history", args=[live.pk])
    ).content.decode()
    assert "第一版" in history and "第二版" in history and "批准发布" in history
    first = live.history.filter(title="第一版").earliest("history_date")
    response = client.post(
        reverse("admin:disclosure_publication_restore", args=[live.pk, first.history_id])
    )
    revision = Publication.objects.get(revision_of=live)
    assert response.url.endswith(f"/{revision.pk}/change/")
    assert revision.title == "第一版"
    live.refresh_from_db()
    assert live.title == "第二版"


def test_drafts_can_be_deleted_but_published_documents_cannot(client, people):
    draft = make_draft(people.editor)
    live = make_published(people, title="已发布")
    client.force_login(people.editor)
    assert (
        client.post(
            reverse("admin:disclosure_publication_delete", args=[draft.pk]), {"post": "yes"}
        ).status_code
        == 302
    )
    assert not Publication.objects.filter(pk=draft.pk).exists()
    assert (
        client.post(
            reverse("admin:disclosure_publication_delete", args=[live.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert Publication.objects.filter(pk=live.pk).exists()


def test_the_preview_shows_a_draft_to_its_office(client, people):
    draft = make_draft(people.editor, title="预览中的草稿")
    client.force_login(people.reviewer)
    assert (
        "预览中的草稿"
        in client.get(
            reverse("admin:disclosure_publication_preview", args=[draft.pk])
        ).content.decode()
    )
    client.force_login(people.other_reviewer)
    assert (
        client.get(reverse("admin:disclosure_publication_preview", args=[draft.pk])).status_code
        == 404
    )


def test_submitting_saves_the_edits_first(client, people):
    draft = make_draft(people.editor, title="旧标题")
    client.force_login(people.editor)
    url = f"/admin/disclosure/publication/{draft.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="_workflow" value="submit"' in page
    # Enter in a text box saves, as on every admin form: 保存 is the form's first button.
    form = page[page.index('id="publication_form"') :]
    first_submit = re.search(r'<(?:input|button)[^>]*type="submit"[^>]*>', form).group(0)
    assert 'name="_save"' in first_submit
    data = publication_form(title="新标题", _workflow="submit")
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == url
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("新标题", "submitted")
    assert draft.events.filter(action="submitted").exists()


def test_a_submission_that_does_not_validate_keeps_the_form_and_submits_nothing(client, people):
    draft = make_draft(people.editor, title="旧标题")
    client.force_login(people.editor)
    url = f"/admin/disclosure/publication/{draft.pk}/change/"
    response = client.post(url, publication_form(title="", _workflow="submit"))
    assert response.status_code == 200
    assert "这个字段是必填项" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("旧标题", "draft")
