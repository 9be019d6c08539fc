"""The site's identity as the 网页设计规范 asks: meta tags, the footer's marks and links, robots.txt,
the favicon, the HTML 网站地图 and the deploy check."""

import re
from html import unescape

import pytest
from django.core.checks import Warning
from django.utils import timezone

from disclosure.checks import site_identity_is_complete
from disclosure.models import SiteProfile
from disclosure.services.publications import publication_withdraw
from tests.factories import SITE_IDENTITY, item_by_path, make_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def identity(catalogue):
    profile, _ = SiteProfile.objects.update_or_create(id=1, defaults=SITE_IDENTITY)
    return profile


def metas(html: str) -> dict[str, str]:
    """The page's <meta name=… content=…> tags, unescaped."""
    return {
        name: unescape(content)
        for name, content in re.findall(r'<meta name="([^"]+)" content="([^"]*)">', html)
    }


def footer(html: str) -> str:
    return re.search(r"<footer.*</footer>", html, re.S).group(0)


def test_every_page_names_the_site_its_domain_and_code(client, identity):
    for url in ("/", "/xxgk/", "/ysqgk/", "/wzdt/", "/search/"):
        tags = metas(client.get(url).content.decode())
        assert tags["SiteName"] == "扎兰屯市人力资源和社会保障局", url
        assert tags["SiteDomain"] == "www.zlt.gov.cn/rsj", url
        assert tags["SiteIDCode"] == "1507830012", url


def test_unset_identity_leaves_its_tags_and_links_out(client, catalogue):
    html = client.get("/").content.decode()
    tags = metas(html)
    assert tags["SiteName"] == "扎兰屯市人力资源和社会保障局"
    assert "SiteDomain" not in tags and "SiteIDCode" not in tags
    bottom = footer(html)
    for absent in (
        "zfwzzc.www.gov.cn",
        "beian.miit.gov.cn",
        "beian.mps.gov.cn",
        "党政机关",
        "网站标识码",
        "12345",
        "政务服务网",
    ):
        assert absent not in bottom
    assert 'href="/wzdt/"' in bottom and 'href="#lxwm"' in bottom and 'id="lxwm"' in bottom


def test_a_column_page_describes_its_column(client, identity):
    item = item_by_path("zcfg/zcwj")
    tags = metas(client.get("/xxgk/zcfg/zcwj/").content.decode())
    assert tags["ColumnName"] == item.name
    assert tags["ColumnDescription"] == item.content
    assert tags["ColumnKeywords"] == f"{item.parent.name} {item.name}"
    assert tags["ColumnType"] == "信息公开"
    assert "ArticleTitle" not in tags


def test_a_document_page_describes_its_document(client, identity, people):
    published = make_published(
        people, title="关于“就业”补贴<申领>的通知", keywords="就业 补贴", summary="申领条件与材料。"
    )
    published.refresh_from_db()
    tags = metas(client.get(published.get_absolute_url()).content.decode())
    assert tags["ArticleTitle"] == "关于“就业”补贴<申领>的通知"
    local = timezone.localtime(published.published_at)
    assert tags["PubDate"] == local.strftime("%Y-%m-%d %H:%M")
    assert tags["ContentSource"] == (published.item.publisher or "扎兰屯市人力资源和社会保障局")
    assert tags["Keywords"] == "就业 补贴"
    assert tags["Description"] == "申领条件与材料。"
    assert tags["Url"] == f"http://testserver/xxgk/doc/{published.pk}/"
    assert tags["ColumnName"] == published.item.name


def test_a_document_without_keywords_or_summary_has_no_such_tags(client, identity, people):
    published = make_published(people, keywords="", summary="")
    tags = metas(client.get(published.get_absolute_url()).content.decode())
    assert "ArticleTitle" in tags
    assert "Keywords" not in tags and "Description" not in tags


def test_a_withdrawn_document_has_no_article_tags(client, identity, people):
    withdrawn = publication_withdraw(
        publication=make_published(people), actor=people.reviewer, reason="内容有误"
    )
    tags = metas(client.get(withdrawn.get_absolute_url()).content.decode())
    assert "ArticleTitle" not in tags and "Url" not in tags
    assert tags["SiteIDCode"] == "1507830012"


def test_the_footer_carries_the_marks_records_and_links(client, identity):
    bottom = footer(client.get("/xxgk/").content.decode())
    assert (
        '<a class="site-footer__conac" href="https://bszs.conac.cn/sitename?method=show&amp;id=ABC123"'
        in bottom
    )
    assert 'src="/static/img/dzjg.svg" alt="党政机关"' in bottom
    assert "网站标识码：1507830012" in bottom
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">蒙ICP备12345678号</a>' in bottom
    assert 'href="https://beian.mps.gov.cn/#/query/webSearch?code=15078302000123"' in bottom
    assert 'src="/static/img/gaba.svg"' in bottom and "蒙公网安备 15078302000123号" in bottom
    assert (
        'href="https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfoNew?webCode=1507830012"'
        in bottom
    )
    assert ">我为政府网站找错<" in bottom
    assert '<a href="https://www.zlt.gov.cn/" rel="noopener">扎兰屯市人民政府</a>' in bottom
    assert 'href="https://12345.example.gov.cn/"' in bottom
    assert 'href="https://zwfw.nmg.gov.cn/"' in bottom
    assert 'href="/wzdt/">网站地图<' in bottom and 'href="#lxwm">联系我们<' in bottom


def test_the_footer_images_are_local_files(client, identity):
    from django.contrib.staticfiles import finders

    for name in ("img/dzjg.svg", "img/gaba.svg", "favicon.ico", "favicon.svg"):
        assert finders.find(name), name


def test_the_police_record_code_is_the_record_numbers_digits():
    assert SiteProfile(police_record="蒙公网安备 15078302000123号").police_record_code == (
        "15078302000123"
    )
    assert SiteProfile(police_record="").police_record_code == ""


def test_the_error_report_link_needs_the_site_code():
    assert SiteProfile(website_code="").error_report_url == ""
    assert SiteProfile(website_code="1507830012").error_report_url.endswith("webCode=1507830012")


def test_robots_allows_the_site_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines and "Allow: /" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_the_favicon_answers_at_the_root(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/favicon.ico"
    assert 'rel="icon"' in client.get("/wzdt/").content.decode()


def test_the_html_sitemap_lists_the_sections_and_the_public_catalogue(client, catalogue):
    from disclosure.models import CatalogueItem

    hidden = item_by_path("jgjj/znjg")
    hidden.is_active = False
    hidden.save()
    response = client.get("/wzdt/")
    html = response.content.decode()
    assert response.status_code == 200
    for url in ("/xxgk/", "/ysqgk/", "/ysqgk/sq/", "/ysqgk/cx/", "/search/"):
        assert f'href="{url}"' in html
    for item in CatalogueItem.objects.public():
        assert f'href="{item.get_absolute_url()}"' in html, item.path()
    assert 'href="/xxgk/jgjj/znjg/"' not in html


def test_the_html_sitemap_lists_the_related_links_once_set(client, identity):
    html = client.get("/wzdt/").content.decode()
    main = re.search(r"<main.*</main>", html, re.S).group(0)
    assert "https://12345.example.gov.cn/" in main and "webCode=1507830012" in main


def test_the_deploy_check_warns_for_each_missing_part(catalogue):
    warnings = site_identity_is_complete(None)
    assert len(warnings) == 8
    assert all(isinstance(w, Warning) and w.id == "disclosure.W004" for w in warnings)
    SiteProfile.objects.update_or_create(id=1, defaults=SITE_IDENTITY | {"hotline_url": ""})
    [warning] = site_identity_is_complete(None)
    assert "12345" in warning.msg
    SiteProfile.objects.filter(id=1).update(hotline_url=SITE_IDENTITY["hotline_url"])
    assert site_identity_is_complete(None) == []


def test_the_deploy_check_messages_are_in_english(catalogue):
    for warning in site_identity_is_complete(None):
        assert not re.search(r"[\u4e00-\u9fff]", warning.msg), warning.msg


def test_the_identity_is_entered_under_site_profile_in_the_admin(admin_client, catalogue, client):
    url = admin_client.get("/admin/disclosure/siteprofile/").url
    form = {"name": "扎兰屯市人力资源和社会保障局"} | SITE_IDENTITY
    response = admin_client.post(
        url, form | {"hotline_url": "不是网址", "portal_url": "www.zlt.gov.cn"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "有效的" in html and "www.zlt.gov.cn/rsj" in html and "不是网址" in html
    assert SiteProfile.load().domain == ""
    response = admin_client.post(url, form | {"portal_url": "www.zlt.gov.cn"})
    assert response.status_code == 302
    profile = SiteProfile.load()
    assert profile.portal_url == "https://www.zlt.gov.cn"
    assert profile.conac_url == SITE_IDENTITY["conac_url"]
    assert 'href="https://www.zlt.gov.cn"' in footer(client.get("/").content.decode())
