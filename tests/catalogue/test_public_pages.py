"""The public directory and item pages, their structure, security headers and queries."""

import itertools
import re
import subprocess
import sys

import pytest
from django.conf import settings

from disclosure.models import CatalogueItem, Office, SiteProfile
from disclosure.services.catalogue import catalogue_items_set_active
from tests.factories import ROWS, item_by_path, leaves

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    """The page's text without tags, whitespace collapsed."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_home_page_names_the_bureau_and_links_every_top_item(client, catalogue):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "扎兰屯市人力资源和社会保障局" in html
    for item in CatalogueItem.objects.filter(level=1):
        assert f'href="{item.get_absolute_url()}"' in html


def test_directory_shows_every_row_with_all_its_columns(client, catalogue):
    response = client.get("/xxgk/")
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert len([item for item in leaves() if not item.beyond_seed]) == len(ROWS)
    for item in leaves():
        for ancestor in item.lineage():
            assert f'href="{ancestor.get_absolute_url()}"' in html
        for words in (item.content, item.deadline_text, item.publisher, item.office_display()):
            assert words in text, words
        if item.basis:
            assert item.basis in text, item.basis
    assert text.count("政府网站") >= len(leaves())
    assert text.count("全社会") >= len(leaves())
    assert text.count("主动公开") >= len(leaves())
    assert text.count("县级") >= len(leaves())


def test_directory_merges_level_cells_like_the_published_table(client, catalogue):
    html = client.get("/xxgk/").content.decode()
    # 机关简介 covers five rows; 人大建议 stands alone over the three level columns.
    assert re.search(r'rowspan="5"[^>]*>\s*<a href="/xxgk/jgjj/">机关简介</a>', html)
    assert re.search(r'colspan="3"[^>]*>\s*<a href="/xxgk/jyta/">', html)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: "/".join(row[0]))
def test_each_leaf_has_its_own_page_with_breadcrumbs_and_empty_state(client, catalogue, row):
    names = row[0]
    item = next(leaf for leaf in leaves() if tuple(a.name for a in leaf.lineage()) == names)
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    breadcrumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    for ancestor in item.lineage()[:-1]:
        assert ancestor.name in breadcrumbs
    assert f'<span aria-current="page">{item.name}</span>' in breadcrumbs
    assert f"<h1>{item.name}</h1>" in html
    assert item.deadline_text in html
    if item.presentation in (item.Presentation.SECTIONS, item.Presentation.UNITS):
        assert "office-list" in html
    else:
        assert "本栏目暂无公开信息" in html


def test_a_branch_page_lists_its_children(client, catalogue):
    response = client.get("/xxgk/jgjj/")
    html = response.content.decode()
    assert "下级事项" in html
    for child in item_by_path("jgjj").children.all():
        assert child.get_absolute_url() in html


def test_structured_lists_show_the_offices_of_their_kind(client, catalogue):
    Office.objects.filter(name="就业服务中心").update(head="张三", phone="0470-1234567")
    units = client.get("/xxgk/jgjj/ssdw/").content.decode()
    sections = client.get("/xxgk/jgjj/znjg/nsjg/").content.decode()
    assert "就业服务中心" in units and "张三" in units and "0470-1234567" in units
    assert "行政办公室" not in re.search(r'<ul class="office-list">.*?</ul>', units, re.S).group(0)
    assert "行政办公室" in sections


def test_unknown_and_inactive_items_are_not_found(client, catalogue):
    assert client.get("/xxgk/nothing/").status_code == 404
    assert client.get("/xxgk/jgjj/jbxx/extra/").status_code == 404
    assert client.get("/xxgk/a/b/c/d/").status_code == 404
    catalogue_items_set_active(items=[item_by_path("jgjj/znjg")], active=False)
    assert client.get("/xxgk/jgjj/znjg/nsjg/").status_code == 404
    assert "机关职能及内设机构" not in client.get("/xxgk/").content.decode()


def test_not_found_page_is_in_chinese_and_has_the_site_layout(client, catalogue):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html and 'lang="zh-CN"' in html


def test_footer_shows_the_configured_record_numbers(client, catalogue):
    SiteProfile.objects.update_or_create(
        id=1,
        defaults={
            "address": "扎兰屯市某路1号",
            "phone": "0470-3333333",
            "website_code": "1507830012",
            "icp_record": "蒙ICP备12345678号",
            "police_record": "蒙公网安备 15078302000123号",
        },
    )
    footer = re.search(r"<footer.*</footer>", client.get("/xxgk/").content.decode(), re.S)
    for words in (
        "扎兰屯市某路1号",
        "0470-3333333",
        "1507830012",
        "蒙ICP备12345678号",
        "15078302000123",
    ):
        assert words in footer.group(0)


PAGES = ["/", "/xxgk/", "/xxgk/zcfg/", "/xxgk/zcfg/zcwj/", "/xxgk/jgjj/ssdw/", "/no-such-page/"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_load_nothing_from_another_host(client, catalogue, url):
    html = client.get(url).content.decode()
    for match in re.finditer(r"<(script|link|img|iframe|source|video|audio)\b[^>]*>", html):
        assert "//" not in re.sub(r'\b(src|href)="/[^/][^"]*"', "", match.group(0)), match.group(0)


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_accessible_structure(client, catalogue, url):
    html = client.get(url).content.decode()
    assert '<html lang="zh-CN">' in html
    assert '<a class="skip-link" href="#main">' in html and 'id="main"' in html
    assert html.count("<h1") == 1
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_public_pages_send_a_strict_content_security_policy(client, catalogue):
    response = client.get("/xxgk/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_change_in_the_catalogue_shows_on_the_public_pages(client, catalogue):
    item = item_by_path("zcfg/zcwj")
    item.name = "规范性政策文件"
    item.deadline_text = "信息形成之日起10个工作日内"
    item.save()
    html = client.get("/xxgk/").content.decode()
    assert "规范性政策文件" in html and "信息形成之日起10个工作日内" in html


@pytest.mark.usefixtures("uncached_pages")
def test_public_pages_run_a_constant_number_of_queries(
    client, catalogue, django_assert_max_num_queries
):
    for url in ("/", "/xxgk/", "/xxgk/zcfg/zcwj/", "/xxgk/jgjj/ssdw/"):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.parametrize(
    "database_url",
    ["postgres://postgres@127.0.0.1:9/none", "sqlite:////nonexistent-dir/db.sqlite3"],
)
def test_healthz_answers_503_when_the_database_does_not(database_url):
    """Run in a separate process, against a database that cannot be reached."""
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "print(Client().get('/healthz').status_code)"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "1",
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] == "503", result.stderr


def test_directory_shows_the_standard_catalogue_columns(client, catalogue):
    CatalogueItem.objects.filter(name="政策解读").update(mode="on_request", levels="both")
    html = client.get("/xxgk/").content.decode()
    for label in ("公开依据", "公开方式", "公开层级"):
        assert f'<th scope="col" rowspan="2">{label}</th>' in html
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    row = next(row for row in rows if ">政策解读</a>" in row)
    assert '<td data-label="公开依据">—</td>' in row
    assert '<td data-label="公开方式">依申请公开</td>' in row
    assert '<td data-label="公开层级">县级和乡级</td>' in row
    row = next(row for row in rows if ">政府信息公开年报</a>" in row)
    assert "《中华人民共和国政府信息公开条例》第四十九条、第五十条" in row
    assert '<td data-label="公开方式">主动公开</td>' in row
    assert '<td data-label="公开层级">县级</td>' in row
