"""The 公开时限 dashboard's 失效链接: each office sees its own, administrators all."""

import html

import pytest
from django.urls import reverse

from disclosure.models import SiteProfile
from disclosure.services.links import links_check
from tests.factories import make_draft, make_published, publish

URL = reverse("admin:disclosure_publication_deadlines")


@pytest.fixture
def checked(people, settings):
    """A broken link in a document of each office and one in the site's footer, checked."""
    settings.ALLOWED_HOSTS = ["www.zlt.gov.cn", "testserver"]
    SiteProfile.objects.create(
        id=1, domain="www.zlt.gov.cn", portal_url="https://www.zlt.gov.cn/no-portal/"
    )
    own = make_published(
        people,
        title="行政办公室的通知",
        body='<p><a href="/no-such-page/">旧的办事指南</a><a href="/xxgk/">信息公开</a></p>',
    )
    other = publish(
        make_draft(
            people.other_editor,
            "zdly/wgjy/wgjy",
            title="就业服务中心的通知",
            body='<p><a href="/xxgk/doc/999999/">招聘会名单</a></p>',
        ),
        people.other_reviewer,
    )
    links_check(internal_only=True)
    return own, other


def page(client, user) -> str:
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_an_office_sees_its_own_broken_links_with_document_text_and_since(client, people, checked):
    own, other = checked
    content = page(client, people.editor)
    assert "失效链接（1）" in content
    assert "<h3>行政办公室（1）</h3>" in content
    assert reverse("admin:disclosure_publication_change", args=[own.pk]) in content
    assert "旧的办事指南" in content
    assert "https://www.zlt.gov.cn/no-such-page/" in content
    assert "失效：网页不存在（404）" in content
    # A working link is not listed; nor another office's document or the site's footer.
    assert "信息公开</td>" not in content
    assert "招聘会名单" not in content and other.title not in content
    assert "no-portal" not in content


def test_another_office_sees_only_its_own(client, people, checked):
    content = page(client, people.other_reviewer)
    assert "失效链接（1）" in content
    assert "招聘会名单" in content and "旧的办事指南" not in content


def test_an_administrator_sees_every_office_and_the_sites_footer_first(client, people, checked):
    content = page(client, people.admin)
    assert "失效链接（3）" in content
    footer = content.index("<h3>网站信息（1）</h3>")
    assert (
        footer
        < content.index("<h3>行政办公室（1）</h3>")
        < content.index("<h3>就业服务中心（1）</h3>")
    )
    assert "本级政府门户网站" in content
    assert reverse("admin:disclosure_siteprofile_changelist") in content


def test_with_nothing_broken_the_section_says_so(client, people):
    assert "最近一次检查没有发现失效链接。" in page(client, people.editor)
