"""A citizen finds items and documents on the public site in Chromium, and every page passes axe."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.accessibility import assert_accessible


def test_a_citizen_finds_an_item_from_the_directory(page: Page, site):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site}/")
    page.get_by_role("link", name="政府信息公开", exact=True).first.click()
    expect(page).to_have_url(f"{site}/xxgk/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("主动公开事项目录")
    expect(page.locator("table.directory tbody tr")).to_have_count(
        16
    )  # the seed's 15 rows and 政府信息公开制度

    page.get_by_role("link", name="政策解读").first.click()
    expect(page).to_have_url(f"{site}/xxgk/zcfg/zcjd/")
    expect(page.get_by_role("heading", level=1)).to_have_text("政策解读")
    breadcrumbs = page.get_by_role("navigation", name="当前位置")
    expect(breadcrumbs).to_contain_text("政策法规")
    expect(page.get_by_role("status").filter(has_text="共信息")).to_be_visible()
    page.get_by_role("link", name=re.compile("政策解读$")).first.click()
    expect(page.locator("table.doc-meta")).to_contain_text("索引号")
    assert all(url.startswith(site) for url in requests), requests


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/xxgk/",
        "/xxgk/jgjj/",
        "/xxgk/zcfg/",
        "/xxgk/zcfg/zcwj/",
        "/xxgk/jgjj/ssdw/",
        "/xxgk/gfxwj/gfxwj/gfxwj/",
        "/xxgk/jgjj/ldjj/",
        "/xxgk/zfxxgk/gkzn/",
        "/xxgk/doc/1/",
        "/wzdt/",
        "/no-such-page/",
    ],
)
def test_every_page_type_has_no_axe_violations(page: Page, site, path):
    page.goto(f"{site}{path}")
    assert_accessible(page)


def test_the_directory_is_readable_on_a_phone(page: Page, site):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{site}/xxgk/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    label = page.evaluate(
        "getComputedStyle(document.querySelector('td[data-label=\"公开时限\"]'), '::before').content"
    )
    assert "公开时限" in label
    assert_accessible(page)


def test_the_skip_link_is_first_and_visible_on_focus(page: Page, site):
    page.goto(f"{site}/xxgk/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到主要内容")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_no_csp_violations_in_the_console(page: Page, site):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    for path in ("/", "/xxgk/", "/xxgk/zcfg/zcwj/"):
        page.goto(f"{site}{path}")
    assert not [m for m in messages if "Content Security Policy" in m], messages


def test_the_footer_with_the_sites_identity_is_accessible_and_local(page: Page, site):
    from disclosure.models import SiteProfile
    from tests.factories import SITE_IDENTITY

    SiteProfile.objects.update_or_create(id=1, defaults=SITE_IDENTITY)
    requests, messages = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: messages.append(message.text))
    page.goto(f"{site}/wzdt/")
    footer = page.locator("footer")
    expect(footer.get_by_role("link", name="党政机关")).to_be_visible()
    expect(footer.get_by_role("link", name="我为政府网站找错")).to_be_visible()
    for image in footer.locator("img").all():
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert all(url.startswith(site) for url in requests), requests
    assert not [m for m in messages if "Content Security Policy" in m], messages
    assert_accessible(page)
