"""Images in a document's body: its own image attachments, each with its text alternative."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from disclosure.exceptions import WorkflowError
from disclosure.lib.html import body_images, sanitize_body
from disclosure.models import Attachment, Publication
from disclosure.services.publications import (
    publication_approve,
    publication_save_draft,
    publication_start_revision,
    publication_submit,
)
from tests.factories import PDF, make_draft, portrait, publication_form, publish, with_attachment

pytestmark = pytest.mark.django_db
PNG = portrait(1)


def with_image(publication, name="就业政策图解") -> Attachment:
    attachment = Attachment(
        publication=publication, name=name, content_type="image/png", size=len(PNG)
    )
    attachment.file.save("x.png", ContentFile(PNG), save=False)
    attachment.save()
    return attachment


def figure(attachment, alt="图解：三步办理就业登记") -> str:
    return (
        f'<figure><img src="{attachment.get_absolute_url()}" alt="{alt}">'
        "<figcaption>就业登记流程</figcaption></figure><p>正文</p>"
    )


def illustrated(people, alt="图解：三步办理就业登记"):
    """A draft whose body shows its own image attachment."""
    draft = make_draft(people.editor, title="一图读懂就业登记")
    picture = with_image(draft)
    draft.body = figure(picture, alt)
    return publication_save_draft(publication=draft, actor=people.editor), picture


# -- the sanitizer ---------------------------------------------------------


def test_the_sanitizer_keeps_an_attachment_image_with_its_alt_and_nothing_else():
    body = (
        '<figure><img src="/xxgk/doc/3/files/7/" alt="图解" width="900" class="big" '
        'data-file="7" onerror="alert(1)"><figcaption>说明</figcaption></figure>'
    )
    assert sanitize_body(body) == (
        '<figure><img src="/xxgk/doc/3/files/7/" alt="图解"><figcaption>说明</figcaption></figure>'
    )


def test_the_sanitizer_keeps_an_attachment_image_under_a_path_prefix():
    assert body_images(sanitize_body('<img src="/rsj/xxgk/doc/3/files/7/" alt="图">'))[0].key == (
        3,
        7,
    )


@pytest.mark.parametrize(
    "src",
    [
        "https://example.com/xxgk/doc/3/files/7/",
        "//example.com/xxgk/doc/3/files/7/",
        "data:image/png;base64,iVBORw0KGgo=",
        "javascript:alert(1)",
        "/media/attachments/abc.png",
        "/xxgk/doc/3/files/7/?x=1",
        "/xxgk/doc/3/files/7/../../../admin/",
        "/../admin/xxgk/doc/3/files/7/",
        "/xxgk/doc/3/files/7",
        "",
    ],
)
def test_the_sanitizer_removes_images_from_anywhere_else(src):
    assert sanitize_body(f'<p>前<img src="{src}" alt="图">后</p>') == "<p>前后</p>"


def test_an_alt_with_markup_stays_text():
    body = sanitize_body('<img src="/xxgk/doc/3/files/7/" alt="a&quot;>b<script>x</script>">')
    image = body_images(body)[0]
    assert image.alt == 'a">b<script>x</script>'
    assert "<script" not in body


# -- the document ------------------------------------------------------------


def test_a_document_keeps_its_own_image_with_alt(people):
    draft, picture = illustrated(people)
    draft.refresh_from_db()
    assert [(image.key, image.alt) for image in body_images(draft.body)] == [
        ((draft.pk, picture.pk), "图解：三步办理就业登记")
    ]


def test_another_documents_image_is_removed(people):
    other = make_draft(people.editor, title="别的信息")
    foreign = with_image(other)
    draft = make_draft(people.editor, body=figure(foreign))
    draft.refresh_from_db()
    assert "<img" not in draft.body and "就业登记流程" in draft.body


def test_a_pdf_attachment_is_not_an_image(people):
    draft = make_draft(people.editor)
    pdf = with_attachment(draft)
    draft.body = f'<p><img src="{pdf.get_absolute_url()}" alt="附件"></p>'
    publication_save_draft(publication=draft, actor=people.editor)
    draft.refresh_from_db()
    assert "<img" not in draft.body


def test_an_image_without_alt_is_refused_in_chinese_naming_it(people):
    draft = make_draft(people.editor)
    picture = with_image(draft, name="欠薪举报流程图")
    draft.body = figure(picture, alt=" ")
    with pytest.raises(ValidationError) as refused:
        publication_save_draft(publication=draft, actor=people.editor)
    assert "正文中的图片“欠薪举报流程图.png”没有图片说明（替代文字）" in str(refused.value)


def test_submission_refuses_an_image_without_alt(people):
    draft = make_draft(people.editor)
    picture = with_image(draft)
    # Stored without passing the document's checks, as an import might.
    Publication.objects.filter(pk=draft.pk).update(body=figure(picture, alt=""))
    with pytest.raises(WorkflowError, match="没有图片说明"):
        publication_submit(publication=draft, actor=people.editor)


def test_the_form_refuses_an_image_without_alt_and_keeps_the_text(client, people):
    draft = make_draft(people.editor)
    picture = with_image(draft)
    client.force_login(people.editor)
    data = publication_form(
        title="保留的标题",
        body=figure(picture, alt=""),
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-INITIAL_FORMS": "1",
            "attachments-0-id": str(picture.pk),
            "attachments-0-publication": str(draft.pk),
            "attachments-0-name": picture.name,
            "attachments-0-order": "0",
        },
    )
    response = client.post(f"/admin/disclosure/publication/{draft.pk}/change/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "没有图片说明（替代文字）" in html and 'value="保留的标题"' in html


# -- pages and files ---------------------------------------------------------


def test_the_public_page_shows_the_image_with_its_alt(client, people):
    draft, picture = illustrated(people)
    published = publish(draft, people.reviewer)
    html = client.get(published.get_absolute_url()).content.decode()
    assert f'<img src="{picture.get_absolute_url()}" alt="图解：三步办理就业登记">' in html
    assert "<figcaption>就业登记流程</figcaption>" in html
    # Listed among the attachments, it opens in the browser rather than downloading.
    assert f'<a href="{picture.get_absolute_url()}">就业政策图解.png</a>' in html


def test_the_preview_shows_the_image_from_the_staff_address(client, people):
    draft, picture = illustrated(people)
    client.force_login(people.reviewer)
    html = client.get(f"/admin/disclosure/publication/{draft.pk}/preview/").content.decode()
    assert f'<img src="{picture.staff_url()}" alt="图解：三步办理就业登记"' in html


def test_an_image_attachment_is_shown_inline_and_a_pdf_still_downloads(client, people):
    draft, picture = illustrated(people)
    pdf = with_attachment(draft)
    publish(draft, people.reviewer)
    image = client.get(picture.get_absolute_url())
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    assert image["Content-Disposition"].startswith("inline;")
    assert image["X-Content-Type-Options"] == "nosniff"
    assert b"".join(image.streaming_content) == PNG
    download = client.get(pdf.get_absolute_url())
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF


def test_the_staff_address_shows_an_image_inline_too(client, people):
    _draft, picture = illustrated(people)
    client.force_login(people.reviewer)
    response = client.get(picture.staff_url())
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG


def test_a_drafts_image_shows_in_the_editor_of_its_office_only(client, people):
    draft, picture = illustrated(people)
    pdf = with_attachment(draft)
    assert client.get(picture.get_absolute_url()).status_code == 404
    client.force_login(people.other_editor)
    assert client.get(picture.get_absolute_url()).status_code == 404
    client.force_login(people.editor)
    shown = client.get(picture.get_absolute_url())
    assert shown.status_code == 200 and shown["Content-Type"] == "image/png"
    assert b"".join(shown.streaming_content) == PNG
    # Other files of a draft stay behind the staff address.
    assert client.get(pdf.get_absolute_url()).status_code == 404


def test_the_attachment_row_gives_the_images_address_for_the_editor(client, people):
    draft, picture = illustrated(people)
    pdf = with_attachment(draft)
    client.force_login(people.editor)
    page = client.get(f"/admin/disclosure/publication/{draft.pk}/change/").content.decode()
    assert f"<code>{picture.get_absolute_url()}</code>" in page
    assert f"<code>{pdf.get_absolute_url()}</code>" not in page


def test_a_revision_shows_its_copy_of_the_image_and_the_approval_brings_it_back(client, people):
    draft, _picture = illustrated(people)
    live = publish(draft, people.reviewer)
    revision = publication_start_revision(publication=live, actor=people.editor)
    revision.refresh_from_db()
    copy = revision.attachments.get()
    assert [image.key for image in body_images(revision.body)] == [(revision.pk, copy.pk)]
    revision.change_note = "更新图解说明。"
    revision.body = revision.body.replace("三步办理", "三个步骤办理")
    publication_save_draft(publication=revision, actor=people.editor)
    publication_submit(publication=revision, actor=people.editor)
    merged = publication_approve(
        publication=revision, actor=people.reviewer, confidentiality_note="不涉密"
    )
    assert [(image.key, image.alt) for image in body_images(merged.body)] == [
        ((live.pk, copy.pk), "图解：三个步骤办理就业登记")
    ]
    html = client.get(live.get_absolute_url()).content.decode()
    assert f'<img src="/xxgk/doc/{live.pk}/files/{copy.pk}/"' in html
    image = client.get(f"/xxgk/doc/{live.pk}/files/{copy.pk}/")
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert b"".join(image.streaming_content) == PNG


def test_the_public_page_does_not_show_an_image_stored_from_elsewhere(client, people):
    draft, _picture = illustrated(people)
    published = publish(draft, people.reviewer)
    other = make_draft(people.editor, title="别的信息")
    foreign = with_image(other)
    Publication.objects.filter(pk=published.pk).update(
        body=figure(foreign), updated_at=timezone.now()
    )
    html = client.get(published.get_absolute_url()).content.decode()
    assert foreign.get_absolute_url() not in html
