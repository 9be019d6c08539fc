"""Uploaded files go only through Django's storage API, so any storage backend serves them.

Each test here runs with Django's in-memory storage instead of the media
folder (as an S3 bucket would replace it): uploading, reading the text for
search, serving to citizens and staff, and checking sizes all work, and
nothing reaches the file system.
"""

from pathlib import Path

import pytest
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.lib.search_text import parse_query
from disclosure.models import LinkCheck, Publication, SiteProfile
from disclosure.selectors.catalogue import public_tree
from disclosure.selectors.search import search
from disclosure.services.links import links_check
from disclosure.services.publications import publication_withdraw
from tests.factories import (
    item_by_path,
    make_leader,
    portrait,
    publication_form,
    publish,
    with_attachment,
)

pytestmark = pytest.mark.django_db

PDF_WITH_TEXT = (Path(__file__).parents[1] / "files" / "search_only_in_pdf.pdf").read_bytes()


@pytest.fixture(autouse=True)
def memory_storage(settings, media):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    yield
    # Not one file on disk: the media folder was never even created.
    assert not media.exists()


def read(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def uploaded(client, people) -> Publication:
    """A document an editor drafted with a PDF through the admin, published by the reviewer."""
    client.force_login(people.editor)
    data = publication_form(
        title="春季招聘会场地说明",
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-file": SimpleUploadedFile("场地说明.pdf", PDF_WITH_TEXT),
            "attachments-0-name": "",
            "attachments-0-order": "0",
        },
    )
    response = client.post(
        f"/admin/disclosure/publication/add/?item={item_by_path('jyta').pk}", data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    draft = Publication.objects.get(title="春季招聘会场地说明")
    return publish(draft, people.reviewer)


def test_an_upload_is_stored_in_the_configured_storage(client, people):
    document = uploaded(client, people)
    attachment = document.attachments.get()
    assert isinstance(attachment.file.storage._wrapped, InMemoryStorage)
    assert attachment.file.storage.exists(attachment.file.name)
    assert attachment.file.storage.size(attachment.file.name) == len(PDF_WITH_TEXT)
    assert attachment.size == len(PDF_WITH_TEXT)


def test_the_text_of_a_stored_pdf_is_found_by_search(client, people):
    document = uploaded(client, people)
    results = search(parse_query("鸿雁湖畔"), public_tree())
    assert [hit.publication.pk for hit in results.hits] == [document.pk]
    assert "鸿雁湖畔" in document.attachments.get().text


def test_citizens_and_staff_download_the_stored_file_through_the_portal(client, people):
    document = uploaded(client, people)
    attachment = document.attachments.get()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert read(response) == PDF_WITH_TEXT
    assert response["Content-Type"] == "application/pdf"
    client.force_login(people.reviewer)
    assert read(client.get(attachment.staff_url())) == PDF_WITH_TEXT


def test_a_withdrawn_documents_file_is_no_longer_served(client, people):
    document = uploaded(client, people)
    attachment = document.attachments.get()
    publication_withdraw(publication=document, actor=people.reviewer, reason="内容有误")
    assert client.get(attachment.get_absolute_url()).status_code == 404
    # The file itself is kept, for the record.
    assert attachment.file.storage.exists(attachment.file.name)


def test_a_file_missing_from_storage_is_a_chinese_404(client, people):
    document = uploaded(client, people)
    attachment = document.attachments.get()
    attachment.file.storage.delete(attachment.file.name)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 404


def test_the_link_check_reads_sizes_from_the_storage(client, people, settings):
    document = uploaded(client, people)
    good = document.attachments.get()
    second = uploaded_again(client, people, document)
    settings.ALLOWED_HOSTS = ["www.zlt.gov.cn"]
    SiteProfile.objects.create(id=1, domain="www.zlt.gov.cn/rsj")
    links_check(internal_only=True)
    rows = {row.attachment_id: row for row in LinkCheck.objects.filter(place="attachment")}
    assert rows[good.pk].result == LinkCheck.Result.OK
    assert rows[second.pk].result == LinkCheck.Result.OK

    second.file.storage.delete(second.file.name)
    type(good).objects.filter(pk=good.pk).update(size=1)
    links_check(internal_only=True)
    rows = {row.attachment_id: row for row in LinkCheck.objects.filter(place="attachment")}
    assert rows[second.pk].error == "附件文件已不在存储中"
    assert rows[good.pk].error.startswith("附件文件大小不符（应为1字节")


def uploaded_again(client, people, document):
    """A second attachment, saved through the storage as the demo content is."""
    return with_attachment(document, content=PDF_WITH_TEXT, name="场地说明（二）.pdf")


def test_a_leaders_photo_is_stored_and_served(client, people):
    leader = make_leader(people)
    assert isinstance(leader.photo.storage._wrapped, InMemoryStorage)
    photo = client.get(f"/xxgk/doc/{leader.pk}/photo/")
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"
    assert read(photo) == portrait(1)
