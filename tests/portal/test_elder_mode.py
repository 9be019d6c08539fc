"""长者模式: the switch at the top of every page, its cookie, and the pages it changes."""

import re
import shutil
from io import StringIO
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.test import Client

from tests.crawling import crawl
from tests.factories import make_published

pytestmark = pytest.mark.django_db

ELDER_HTML = '<html lang="zh-CN" class="elder">'
STANDARD_HTML = '<html lang="zh-CN">'


def switch(client, mode: str, next_path: str):
    return client.get("/wza/", {"mode": mode, "next": next_path})


def test_turning_it_on_sets_a_cookie_for_a_year_and_goes_back(client, catalogue):
    response = switch(client, "elder", "/xxgk/zcfg/?page=2")
    assert response.status_code == 302
    assert response["Location"] == "/xxgk/zcfg/?page=2"
    cookie = response.cookies["mode"]
    assert cookie.value == "elder"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert "no-store" in response["Cache-Control"]
    page = client.get("/xxgk/zcfg/")
    assert ELDER_HTML in page.content.decode()
    assert "退出长者模式" in page.content.decode()


def test_turning_it_off_clears_the_cookie(client, catalogue):
    client.cookies["mode"] = "elder"
    response = switch(client, "standard", "/xxgk/")
    assert response.status_code == 302
    assert response["Location"] == "/xxgk/"
    assert response.cookies["mode"].value == ""
    assert response.cookies["mode"]["max-age"] == 0
    page = client.get("/xxgk/").content.decode()
    assert STANDARD_HTML in page and ">长者模式</a>" in page


@pytest.mark.parametrize("mode", ["", "ELDER", "large", "<script>", "elder" * 500])
def test_an_unknown_mode_changes_nothing_and_goes_back(client, catalogue, mode):
    client.cookies["mode"] = "elder"
    response = switch(client, mode, "/xxgk/")
    assert response.status_code == 302
    assert response["Location"] == "/xxgk/"
    assert "mode" not in response.cookies


@pytest.mark.parametrize(
    "next_path",
    [
        "",
        "//evil.example/",
        "///evil.example/",
        "https://evil.example/",
        "http:/evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        " //evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "/\r\nSet-Cookie: mode=x",
        "xxgk/",
        "http://testserver.evil.example/",
        "/" + "a" * 3000,
    ],
)
def test_a_return_address_off_the_site_goes_home(client, catalogue, next_path):
    response = switch(client, "elder", next_path)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies["mode"].value == "elder"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "mode=elder",
        "next=/xxgk/",
        "mode=elder&mode=standard&next=/a/&next=//evil.example",
        "mode=%E9%95%BF%E8%80%85&next=%E9%95%BF%E8%80%85",
        "mode=elder&next=/search/?q=%E5%B0%B1%E4%B8%9A%26year%3D2026",
        "next=" + "%2F" * 5000,
        "mode[]=elder&next[]=/",
    ],
)
def test_odd_queries_never_fail(client, catalogue, query):
    response = client.get(f"/wza/?{query}")
    assert response.status_code == 302
    assert response["Location"].startswith("/")
    assert not response["Location"].startswith("//")


def test_the_switch_only_answers_get_and_head(client, catalogue):
    assert client.post("/wza/", {"mode": "elder", "next": "/"}).status_code == 405
    assert client.head("/wza/?mode=elder").status_code == 302


@pytest.fixture
def document(people):
    return make_published(people, title="对就业工作建议的答复")


def page_types(document) -> list[str]:
    return [
        "/",
        "/xxgk/",
        "/xxgk/zcfg/",
        "/xxgk/zcfg/zcwj/",
        "/xxgk/jgjj/ldjj/",
        document.get_absolute_url(),
        f"{document.get_absolute_url()}print/",
        "/search/",
        "/search/?q=%E5%B0%B1%E4%B8%9A",
        "/ysqgk/",
        "/ysqgk/sq/",
        "/ysqgk/cx/",
        "/wzdt/",
        "/no-such-page/",
    ]


def test_every_page_type_is_in_the_mode_its_cookie_says(client, document):
    for path in page_types(document):
        standard = client.get(path)
        assert standard.status_code in (200, 404), path
        assert STANDARD_HTML in standard.content.decode(), path
        assert "Cookie" in standard["Vary"], path
    client.cookies["mode"] = "elder"
    for path in page_types(document):
        elder = client.get(path)
        assert ELDER_HTML in elder.content.decode(), path
        assert "Cookie" in elder["Vary"], path
    client.cookies["mode"] = "something-else"
    assert STANDARD_HTML in client.get("/").content.decode()


def test_every_page_links_to_the_switch_with_its_own_address(client, document):
    for path in page_types(document):
        response = client.get(path)
        html = response.content.decode()
        own = response.wsgi_request.get_full_path()
        expected = f'href="/wza/?mode=elder&amp;next={quote(own, safe="")}"'
        assert expected in html, path
        assert ">长者模式</a>" in html, path
    # The address as the browser sent it, percent-encoded, comes back the same.
    html = client.get("/search/?q=%E5%B0%B1%E4%B8%9A").content.decode()
    assert "next=%2Fsearch%2F%3Fq%3D%25E5%25B0%25B1%25E4%25B8%259A" in html
    response = switch(client, "elder", "/search/?q=%E5%B0%B1%E4%B8%9A")
    assert response["Location"] == "/search/?q=%E5%B0%B1%E4%B8%9A"
    client.cookies["mode"] = "elder"
    html = client.get("/xxgk/?a=1&b=%3Cscript%3E").content.decode()
    assert 'href="/wza/?mode=standard&amp;next=%2Fxxgk%2F%3Fa%3D1%26b%3D%253Cscript%253E"' in html
    assert ">退出长者模式</a>" in html


@pytest.mark.parametrize(
    ("query", "size"),
    [
        ("", "medium"),
        ("?size=large", "large"),
        ("?size=small", "small"),
        ("?size=medium", "medium"),
        ("?size=huge", "medium"),
        ("?size=%3Cscript%3E", "medium"),
        ("?size=large&size=small", "small"),
    ],
)
def test_a_document_is_shown_in_the_text_size_its_address_asks_for(client, document, query, size):
    response = client.get(f"{document.get_absolute_url()}{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"document--text-{size}" in html
    current = re.findall(r'data-text-size="(\w+)" aria-current="true"', html)
    assert current == [size]
    assert f'href="{document.get_absolute_url()}?size=large"' in html
    assert f'href="{document.get_absolute_url()}print/">打印本页</a>' in html


def test_the_print_view_follows_the_mode(client, document):
    client.cookies["mode"] = "elder"
    html = client.get(f"{document.get_absolute_url()}print/").content.decode()
    assert ELDER_HTML in html and "css/elder.css" in html


@pytest.mark.skipif(
    shutil.which("java") is None,
    reason="the validator needs Java: apt-get install -y default-jre-headless",
)
def test_every_public_page_is_valid_html_in_elder_mode(catalogue, tmp_path):
    from tests.portal.test_html_validity import vnu_errors

    call_command("seed_demo", accounts_file=str(tmp_path / "accounts.json"), stdout=StringIO())
    citizen = Client()
    citizen.cookies["mode"] = "elder"
    pages = {
        path: body for path, body in crawl(citizen).items() if body.lstrip().startswith("<!doctype")
    }
    assert len(pages) > 40
    assert all(ELDER_HTML in body for body in pages.values())
    document = next(path for path in pages if re.fullmatch(r"/xxgk/doc/\d+/", path))
    for size in ("large", "small"):
        pages[f"{document}?size={size}"] = citizen.get(f"{document}?size={size}").content.decode()
    folder = tmp_path / "pages"
    folder.mkdir()
    errors = vnu_errors(pages, folder)
    assert errors == [], "\n".join(errors)
