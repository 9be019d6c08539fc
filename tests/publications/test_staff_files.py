"""Staff open the files of documents they may see; file names keep their checked type."""

import re
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.services.publications import publication_submit
from tests.factories import (
    PDF,
    item_by_path,
    make_draft,
    publication_form,
    publish,
    with_attachment,
)

pytestmark = pytest.mark.django_db


def read(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def submitted_with_file(people):
    draft = make_draft(people.editor, title="待审核的招聘公告")
    attachment = with_attachment(draft, name="招聘会岗位表")
    publication_submit(publication=draft, actor=people.editor)
    return draft, attachment


def test_a_reviewer_opens_an_unpublished_documents_attachment(client, people):
    _, attachment = submitted_with_file(people)
    client.force_login(people.reviewer)
    response = client.get(attachment.staff_url())
    assert response.status_code == 200
    assert read(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert quote("招聘会岗位表.pdf") in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    # The public address stays closed until the document is public.
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_another_office_and_citizens_cannot_open_it(client, people):
    _, attachment = submitted_with_file(people)
    client.force_login(people.other_reviewer)
    assert client.get(attachment.staff_url()).status_code == 404
    client.logout()
    assert client.get(attachment.staff_url()).status_code == 302  # to the login page


def test_the_form_and_the_preview_link_the_staff_download_and_show_no_storage_path(client, people):
    draft, attachment = submitted_with_file(people)
    client.force_login(people.reviewer)
    form = client.get(f"/admin/disclosure/publication/{draft.pk}/change/").content.decode()
    preview = client.get(f"/admin/disclosure/publication/{draft.pk}/preview/").content.decode()
    printed = client.get(f"/admin/disclosure/publication/{draft.pk}/preview/print/")
    for page in (form, preview):
        assert attachment.file.name not in page
        assert "/media/" not in page
    assert f'href="{attachment.staff_url()}"' in preview
    assert "尚未向公众公开" in preview and "待生成" in preview and "None" not in preview
    assert printed.status_code == 200 and "招聘会岗位表.pdf" in printed.content.decode()
    assert f"/admin/disclosure/publication/{draft.pk}/preview/" in form  # 在站点上查看


def test_the_download_name_takes_its_extension_from_the_checked_type(client, people):
    client.force_login(people.editor)
    polyglot = PDF + b"<html><script>alert(1)</script></html>"
    data = publication_form(
        **{
            "attachments-TOTAL_FORMS": "2",
            "attachments-0-file": SimpleUploadedFile("岗位表.pdf", PDF),
            "attachments-0-name": "招聘会岗位表",
            "attachments-0-order": "0",
            "attachments-1-file": SimpleUploadedFile("通知.pdf", polyglot),
            "attachments-1-name": "通知.html",
            "attachments-1-order": "1",
        }
    )
    response = client.post(
        f"/admin/disclosure/publication/add/?item={item_by_path('jyta').pk}", data
    )
    assert response.status_code == 302
    table, notice = attachments_once_published(people, "关于某事的答复")
    assert table.download_name == "招聘会岗位表.pdf"
    assert notice.download_name == "通知.pdf"
    answer = client.get(notice.get_absolute_url())
    disposition = answer["Content-Disposition"]
    assert quote("通知.pdf") in disposition and ".html" not in disposition
    assert answer["Content-Type"] == "application/pdf"
    read(answer)
    page = client.get(table.publication.get_absolute_url()).content.decode()
    assert re.search(r"招聘会岗位表\.pdf</a>\s*<span[^>]*>（PDF，\d+ B）", page)


def attachments_once_published(people, title):
    """Publish the document titled `title` and return its attachments in order."""
    from disclosure.models import Publication

    publication = Publication.objects.get(title=title)
    publish(publication, people.reviewer)
    return list(publication.attachments.order_by("order"))
