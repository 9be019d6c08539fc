"""The site served under a path prefix (URL_PREFIX=/xxgk/rsj): every address it writes keeps it."""

import json
import re
from collections import deque
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.urls import set_script_prefix

from disclosure.models import Publication
from portal import url_prefix
from tests.crawling import Links
from tests.factories import with_attachment
from tests.portal.test_settings import run_settings

PREFIX = "/xxgk/rsj"


@pytest.mark.parametrize(
    ("raw", "prefix"),
    [
        ("", ""),
        ("/", ""),
        ("/xxgk/rsj", "/xxgk/rsj"),
        ("/xxgk/rsj/", "/xxgk/rsj"),
        ("xxgk/rsj", "/xxgk/rsj"),
        (" /rsj ", "/rsj"),
        ("/zlt.rsj/gk_2~x", "/zlt.rsj/gk_2~x"),
    ],
)
def test_the_prefix_is_normalised(raw, prefix):
    assert url_prefix.normalise(raw) == prefix


@pytest.mark.parametrize(
    "raw",
    [
        "//xxgk",
        "/xxgk//rsj",
        "/xxgk/../admin",
        "/./x",
        "https://www.zlt.gov.cn/xxgk",
        "/x?y",
        "/x#y",
        "/人社局",
        "/a b",
        "/x%2F",
    ],
)
def test_a_prefix_that_is_not_a_plain_path_is_refused(raw):
    with pytest.raises(ImproperlyConfigured, match="URL_PREFIX"):
        url_prefix.normalise(raw)


def test_the_settings_carry_the_prefix():
    result = run_settings(
        "import portal.settings as s; print(s.FORCE_SCRIPT_NAME, s.STATIC_URL, s.MEDIA_URL,"
        " s.SESSION_COOKIE_PATH, s.CSRF_COOKIE_PATH)",
        DEBUG="1",
        URL_PREFIX="xxgk/rsj/",
    )
    assert result.stdout.split() == [
        "/xxgk/rsj",
        "/xxgk/rsj/static/",
        "/xxgk/rsj/media/",
        "/xxgk/rsj/",
        "/xxgk/rsj/",
    ]
    at_root = run_settings(
        "import portal.settings as s; print(s.FORCE_SCRIPT_NAME, s.STATIC_URL, s.SESSION_COOKIE_PATH)",
        DEBUG="1",
    )
    assert at_root.stdout.split() == ["None", "/static/", "/"]
    bad = run_settings("import portal.settings", DEBUG="1", URL_PREFIX="/xxgk/../admin")
    assert bad.returncode != 0 and "ImproperlyConfigured: URL_PREFIX" in bad.stderr


@pytest.fixture
def prefixed(settings):
    """Settings as URL_PREFIX=/xxgk/rsj gives them; the server has taken the prefix off PATH_INFO.

    Django's WSGI handler sets the script prefix for each request; the test
    client's does not, so it is set here.
    """
    for name, value in url_prefix.settings_for(PREFIX).items():
        setattr(settings, name, value)
    set_script_prefix(PREFIX)
    yield
    set_script_prefix("/")


def inside(path: str) -> str:
    """The path the server passes on (PATH_INFO) for an address under the prefix."""
    assert path == PREFIX or path.startswith(f"{PREFIX}/"), path
    return path[len(PREFIX) :] or "/"


def own_address(link: str) -> str | None:
    """The path of a link to this site; None for other sites, anchors, mail and phone links."""
    parts = urlsplit(link)
    if parts.scheme in ("mailto", "tel", "javascript", "data"):
        return None
    if parts.netloc and parts.netloc != "testserver":
        return None
    if not parts.path:
        return None  # "#top", "?page=2": the page's own address
    assert parts.path.startswith("/"), f"a relative link: {link}"
    return parts.path + (f"?{parts.query}" if parts.query else "")


ABSOLUTE = re.compile(r"https?://testserver[^\s\"'<>]*")


def absolute_addresses(body: str) -> list[str]:
    return [own_address(url) for url in ABSOLUTE.findall(body)]


@pytest.mark.django_db
def test_every_address_of_the_public_site_is_under_the_prefix(prefixed, catalogue, tmp_path):
    call_command("seed_demo", accounts_file=str(tmp_path / "accounts.json"), stdout=StringIO())
    document = Publication.objects.public().order_by("-pk").first()
    with_attachment(document)
    citizen = Client()
    home = citizen.get("/")
    assert home.status_code == 200
    assert home.request["PATH_INFO"] == "/"

    seen, queue, checked = {"/"}, deque(["/"]), 0
    static, others = set(), set()
    while queue:
        path = queue.popleft()
        response = citizen.get(path)
        assert response.status_code < 500, path
        if response.streaming:
            b"".join(response.streaming_content)
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        body = response.content.decode()
        parser = Links()
        parser.feed(body)
        for link in parser.links:
            address = own_address(urldefrag(link)[0])
            if address is None:
                continue
            checked += 1
            assert address.startswith(f"{PREFIX}/"), (path, link)
            within = inside(address)
            if within.startswith("/static/"):
                static.add(within)
            elif within.startswith(("/admin/", "/wza/")):
                others.add(within)
            elif within not in seen:
                seen.add(within)
                queue.append(within)
        for address in absolute_addresses(body):
            inside(address)
    assert len(seen) > 40 and checked > 1000
    assert any(re.fullmatch(r"/xxgk/doc/\d+/files/\d+/", path) for path in seen)

    # Static files are served where the pages say they are.
    assert "/static/css/site.css" in {path.split("?")[0] for path in static}
    for path in static:
        answer = citizen.get(path)
        assert answer.status_code == 200, path
        assert b"".join(answer.streaming_content), path

    # The feeds, the sitemap, robots.txt and the open-data API write absolute addresses.
    for path in ("/feeds/rss.xml", "/feeds/atom.xml", "/sitemap.xml", "/robots.txt"):
        body = citizen.get(path).content.decode()
        addresses = absolute_addresses(body)
        assert addresses, path
        for address in addresses:
            inside(address)
    robots = citizen.get("/robots.txt").content.decode()
    assert f"Disallow: {PREFIX}/admin/" in robots
    assert f"Sitemap: http://testserver{PREFIX}/sitemap.xml" in robots
    for path in (
        "/api/v1/",
        "/api/v1/items/",
        "/api/v1/documents/",
        f"/api/v1/documents/{document.pk}/",
    ):
        answer = citizen.get(path)
        assert answer.status_code == 200, path
        text = json.dumps(answer.json(), ensure_ascii=False)
        addresses = absolute_addresses(text)
        assert addresses, path
        for address in addresses:
            inside(address)

    # The error pages lead home, under the prefix.
    missing = citizen.get("/no-such-page/")
    assert missing.status_code == 404
    assert f'href="{PREFIX}/"' in missing.content.decode()


@pytest.mark.django_db
def test_cookies_are_kept_to_the_prefix(prefixed, catalogue, people):
    citizen = Client()
    form = citizen.get("/ysqgk/sq/")
    assert form.cookies["csrftoken"]["path"] == f"{PREFIX}/"
    assert f'action="{PREFIX}/ysqgk/sq/"' in form.content.decode() or (
        'action=""' in form.content.decode()
    )

    staff = Client()
    login = staff.get("/admin/login/")
    assert f'action="{PREFIX}/admin/login/' in login.content.decode()
    staff.force_login(people.admin)
    answer = staff.get("/admin/")
    assert answer.status_code == 200
    assert f'href="{PREFIX}/admin/disclosure/' in answer.content.decode()
    # Public pages keep their strict style policy; the admin's are matched without the prefix.
    assert "'unsafe-inline'" in answer["Content-Security-Policy"]
    assert "'unsafe-inline'" not in citizen.get("/")["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_elder_mode_switch_stays_under_the_prefix(prefixed, catalogue):
    citizen = Client()
    page = f"{PREFIX}/xxgk/?page=2"
    on = citizen.get("/wza/", {"mode": "elder", "next": page})
    assert on.status_code == 302 and on["Location"] == page
    assert on.cookies["mode"]["path"] == f"{PREFIX}/"
    assert 'class="elder"' in citizen.get("/xxgk/").content.decode()
    html = citizen.get("/").content.decode()
    assert f'data-cookie-path="{PREFIX}/"' in html
    assert f"next={PREFIX.replace('/', '%2F')}%2F" in html

    off = citizen.get("/wza/", {"mode": "standard", "next": page})
    assert off["Location"] == page
    assert off.cookies["mode"]["path"] == f"{PREFIX}/" and off.cookies["mode"]["max-age"] == 0

    for elsewhere in (
        "/xxgk/",  # the same host, outside the prefix: another bureau's column
        f"{PREFIX}/../../admin/",
        f"{PREFIX}/%2e%2e/%2E%2E/admin/",
        f"{PREFIX}/..\\..\\admin/",
        f"{PREFIX}x/",
        "//evil.example/",
        "https://evil.example/",
    ):
        answer = citizen.get("/wza/", {"mode": "elder", "next": elsewhere})
        assert answer["Location"] == f"{PREFIX}/", elsewhere


def test_under_the_prefix_the_admin_is_never_kept_and_public_pages_are(
    prefixed, catalogue, settings
):
    settings.PAGE_CACHE = True
    client = Client()
    for path in ("/admin/login/", "/api/v1/items/"):
        client.get(path)
        assert "X-Cache" not in client.get(path), path
    client.get("/xxgk/")
    assert client.get("/xxgk/")["X-Cache"] == "hit"
