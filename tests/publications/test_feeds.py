"""RSS and Atom feeds: public documents only, newest first, valid XML, linked from the pages."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from disclosure.models import CatalogueItem, Office, Publication
from disclosure.services.publications import publication_withdraw
from tests.factories import make_draft, make_published, publish, submitted_draft

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss(client, url: str) -> ET.Element:
    """The feed's <channel>, after checking it is RSS 2.0 served as such."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root.find("channel")


def atom(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def rss_titles(channel: ET.Element) -> list[str]:
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


@pytest.fixture
def documents(people):
    """Documents in every state, from two offices; the public ones published in this order."""
    now = timezone.now()
    make_draft(people.editor, title="草稿的信息")
    submitted_draft(people.editor, title="待审核的信息")
    make_published(people, title="定时的信息", published_at=now + timedelta(days=1))
    withdrawn = make_published(people, title="撤回的信息")
    publication_withdraw(publication=withdrawn, actor=people.reviewer, reason="内容有误")
    hidden = make_published(people, "zfxxgk/ndbg", title="停用栏目下的信息")
    CatalogueItem.objects.filter(pk=hidden.item.parent_id).update(is_active=False)
    older = make_published(people, title="较早的答复")
    policy = make_draft(
        people.other_editor,
        "zcfg/zcwj",
        title="政策文件一",
        office=people.employment,
        summary="关于就业补贴的通知摘要",
        doc_number="扎人社发〔2026〕1号",
        written_on=timezone.localdate(),
    )
    policy = publish(policy, people.other_reviewer)
    newest = make_published(people, title="最新的答复")
    return {"newest": newest, "policy": policy, "older": older}


def test_site_feed_lists_public_documents_newest_first(client, documents):
    channel = rss(client, "/feeds/rss.xml")
    assert channel.findtext("title") == "扎兰屯市人力资源和社会保障局 — 最新公开信息"
    assert channel.findtext("link") == "http://testserver/"
    assert rss_titles(channel) == ["最新的答复", "政策文件一", "较早的答复"]
    assert atom_titles(atom(client, "/feeds/atom.xml")) == [
        "最新的答复",
        "政策文件一",
        "较早的答复",
    ]


def test_an_entry_carries_link_dates_office_column_and_guid(client, documents):
    policy = documents["policy"]
    channel = rss(client, "/feeds/rss.xml")
    item = next(i for i in channel.findall("item") if i.findtext("title") == "政策文件一")
    url = f"http://testserver/xxgk/doc/{policy.pk}/"
    assert item.findtext("link") == url
    assert item.findtext("guid") == url
    assert item.find("guid").get("isPermaLink") == "true"
    assert item.findtext("description") == "关于就业补贴的通知摘要"
    assert item.findtext("category") == "政策文件"
    assert item.findtext("pubDate")
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "就业服务中心"

    feed = atom(client, "/feeds/atom.xml")
    entry = next(
        e for e in feed.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "政策文件一"
    )
    assert entry.find(f"{ATOM}link").get("href") == url
    assert entry.findtext(f"{ATOM}id") == url
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "就业服务中心"
    assert entry.find(f"{ATOM}category").get("term") == "政策文件"
    assert entry.findtext(f"{ATOM}published")
    assert entry.findtext(f"{ATOM}updated")
    assert entry.find(f"{ATOM}summary").get("type") == "html"


def test_a_withdrawn_document_leaves_the_feeds_at_once(client, documents, people):
    publication_withdraw(publication=documents["newest"], actor=people.reviewer, reason="有误")
    assert "最新的答复" not in rss_titles(rss(client, "/feeds/rss.xml"))
    assert "最新的答复" not in rss_titles(rss(client, "/feeds/xxgk/jyta/rss.xml"))


def test_a_scheduled_document_joins_at_its_time(client, documents, time_machine):
    scheduled = Publication.objects.get(title="定时的信息")
    assert "定时的信息" not in rss_titles(rss(client, "/feeds/rss.xml"))
    time_machine.move_to(scheduled.published_at + timedelta(seconds=1))
    assert rss_titles(rss(client, "/feeds/rss.xml")) == [
        "定时的信息",
        "最新的答复",
        "政策文件一",
        "较早的答复",
    ]


def test_column_feed_holds_the_item_and_its_descendants(client, documents):
    channel = rss(client, "/feeds/xxgk/zcfg/zcwj/rss.xml")
    assert channel.findtext("title") == "扎兰屯市人力资源和社会保障局 — 政策文件"
    assert channel.findtext("link") == "http://testserver/xxgk/zcfg/zcwj/"
    assert rss_titles(channel) == ["政策文件一"]
    assert rss_titles(rss(client, "/feeds/xxgk/zcfg/rss.xml")) == ["政策文件一"]
    assert rss_titles(rss(client, "/feeds/xxgk/jyta/rss.xml")) == ["最新的答复", "较早的答复"]
    assert atom_titles(atom(client, "/feeds/xxgk/zcfg/atom.xml")) == ["政策文件一"]


def test_office_feed_holds_what_the_office_published(client, documents, people):
    channel = rss(client, f"/feeds/office/{people.employment.pk}/rss.xml")
    assert channel.findtext("title") == "扎兰屯市人力资源和社会保障局 — 就业服务中心发布的信息"
    assert rss_titles(channel) == ["政策文件一"]
    own = atom(client, f"/feeds/office/{people.admin_office.pk}/atom.xml")
    assert atom_titles(own) == ["最新的答复", "较早的答复"]


def test_unknown_columns_and_offices_are_not_found(client, documents):
    retired = Office.objects.create(name="已撤销股", kind=Office.Kind.SECTION, is_active=False)
    for url in [
        "/feeds/xxgk/nosuch/rss.xml",
        "/feeds/xxgk/zcfg/nosuch/atom.xml",
        "/feeds/xxgk/zfxxgk/ndbg/rss.xml",  # under an inactive item
        "/feeds/office/999999/rss.xml",
        f"/feeds/office/{retired.pk}/atom.xml",
    ]:
        assert client.get(url).status_code == 404, url


def test_odd_characters_give_valid_feeds(client, people):
    body = "<p>第一段 &amp; <b>加粗</b></p><script>alert(1)</script><p>a &lt; b</p>"
    make_published(people, title="A & B <C> 引号\"'", body=body)
    Publication.objects.update(title="控制\x0b字符\x1f与&<>", summary="")
    channel = rss(client, "/feeds/rss.xml")
    item = channel.find("item")
    assert item.findtext("title") == "控制字符与&<>"
    # Plain text escaped as HTML: a reader shows "第一段 & 加粗" and "a < b", never markup.
    assert item.findtext("description") == "第一段 &amp; 加粗\na &lt; b"
    assert atom_titles(atom(client, "/feeds/atom.xml")) == ["控制字符与&<>"]


def test_pages_link_to_their_feeds(client, documents, people):
    home = client.get("/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" href="/feeds/rss.xml"'
        ' title="扎兰屯市人力资源和社会保障局 — 最新公开信息">'
    ) in home
    item = client.get("/xxgk/zcfg/zcwj/").content.decode()
    assert 'href="/feeds/rss.xml"' in item
    assert (
        '<link rel="alternate" type="application/rss+xml" href="/feeds/xxgk/zcfg/zcwj/rss.xml"'
        ' title="扎兰屯市人力资源和社会保障局 — 政策文件">'
    ) in item
    assert (
        '<a href="/feeds/xxgk/zcfg/zcwj/rss.xml" type="application/rss+xml">订阅（RSS）</a>' in item
    )
    sections = client.get("/xxgk/jgjj/znjg/nsjg/").content.decode()
    assert f'href="/feeds/office/{people.admin_office.pk}/rss.xml"' in sections
    assert "订阅（RSS）" not in sections
