"""A citizen searches the whole site from the header on a phone, and the pages pass axe."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.accessibility import assert_accessible


def test_searching_from_the_header_on_a_phone(page: Page, site):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{site}/xxgk/")
    header = page.get_by_role("search", name="全站检索")
    # A word that stands only in the PDF attached to the employment notice.
    header.get_by_role("searchbox", name="检索全站信息").fill("雅鲁河食品")
    header.get_by_role("button", name="搜索").click()
    expect(page).to_have_url(f"{site}/search/?q=%E9%9B%85%E9%B2%81%E6%B2%B3%E9%A3%9F%E5%93%81")
    expect(page.get_by_role("status")).to_contain_text("共找到信息1条")
    hit = page.locator(".search-results li").first
    expect(hit.get_by_role("link")).to_contain_text("高校毕业生等青年就业创业工作的通知")
    expect(hit.locator("mark")).to_have_text("雅鲁河食品")
    expect(hit).to_contain_text("文号：扎人社发〔")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert_accessible(page)

    hit.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("就业创业工作的通知")


def test_grouped_results_narrow_to_a_column(page: Page, site):
    page.goto(f"{site}/search/?q=就业")
    columns = page.get_by_role("navigation", name="按栏目查看检索结果")
    columns.get_by_role("link", name="政策法规").click()
    expect(page.get_by_role("status")).to_contain_text("其中“政策法规”栏目")
    for text in page.locator(".search-results__meta").all_inner_texts():
        assert "政策法规" in text
    assert_accessible(page)


@pytest.mark.parametrize("query", ["", "?q=就业", "?q=没有这个词语", "?q=社", "?q=就业&year=1900"])
def test_search_pages_have_no_axe_violations(page: Page, site, query):
    page.goto(f"{site}/search/{query}")
    assert_accessible(page)
