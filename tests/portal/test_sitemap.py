"""/sitemap.xml: every public page with its date, nothing a citizen may not see."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from disclosure.models import CatalogueItem
from disclosure.services.catalogue import catalogue_items_set_active
from disclosure.services.publications import publication_withdraw
from tests.factories import item_by_path, make_draft, make_published

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def entries(client) -> dict[str, str | None]:
    """The sitemap's addresses (paths on the test server), each with its lastmod if any."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    found = {}
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS).removeprefix("http://testserver")
        found[loc] = url.findtext("s:lastmod", namespaces=NS)
    return found


def test_the_sitemap_has_the_sections_and_every_public_item(client, catalogue):
    found = entries(client)
    for path in ("/", "/xxgk/", "/ysqgk/", "/wzdt/"):
        assert path in found
    for item in CatalogueItem.objects.public():
        assert item.get_absolute_url() in found, item.path()


def test_the_sitemap_leaves_out_inactive_items_and_their_documents(client, people):
    under_hidden = make_published(people, title="答复")
    assert under_hidden.get_absolute_url() in entries(client)
    hidden = item_by_path("jyta")
    branch = item_by_path("jgjj/znjg")
    catalogue_items_set_active(items=[hidden, branch], active=False)
    found = entries(client)
    assert "/xxgk/jyta/" not in found and under_hidden.get_absolute_url() not in found
    assert "/xxgk/jgjj/znjg/" not in found and "/xxgk/jgjj/znjg/nsjg/" not in found


def test_the_sitemap_has_public_documents_only_with_their_dates(client, people):
    published = make_published(people, title="已发布的信息")
    draft = make_draft(people.editor, title="草稿的信息")
    scheduled = make_published(
        people, title="定时的信息", published_at=timezone.now() + timedelta(days=1)
    )
    withdrawn = publication_withdraw(
        publication=make_published(people, title="撤回的信息"),
        actor=people.reviewer,
        reason="内容有误",
    )
    found = entries(client)
    published.refresh_from_db()
    changed = timezone.localtime(max(published.updated_at, published.published_at))
    assert found[published.get_absolute_url()] == changed.date().isoformat()
    for absent in (draft, scheduled, withdrawn):
        assert absent.get_absolute_url() not in found


def test_a_scheduled_document_enters_the_sitemap_at_its_time(client, people, time_machine):
    scheduled = make_published(
        people, title="定时的信息", published_at=timezone.now() + timedelta(days=1)
    )
    assert scheduled.get_absolute_url() not in entries(client)
    time_machine.move_to(scheduled.published_at + timedelta(minutes=1))
    assert scheduled.get_absolute_url() in entries(client)


def test_an_old_document_is_dated_by_its_last_change(client, people):
    published = make_published(people)
    long_ago = timezone.now() - timedelta(days=400)
    type(published).objects.filter(pk=published.pk).update(
        published_at=long_ago, updated_at=long_ago + timedelta(days=30)
    )
    expected = timezone.localtime(long_ago + timedelta(days=30)).date().isoformat()
    assert entries(client)[published.get_absolute_url()] == expected
