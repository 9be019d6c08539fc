"""A reviewer finds a blank column on the 公开时限 page and gives it a dated statement that citizens read."""

from playwright.sync_api import Browser, expect

from tests.browser.accessibility import assert_accessible
from tests.browser.test_publishing_flow import log_in
from tests.factories import item_by_path

TEXT = "本中心2026年度无新增稳岗返还政策，有新政策将及时公开。"


def test_a_reviewer_states_why_a_blank_column_is_empty_and_a_citizen_reads_it(
    browser: Browser, live_server, transactional_db, people
):
    base = live_server.url
    reviewer = log_in(browser, base, "other_reviewer")
    reviewer.goto(f"{base}/admin/disclosure/publication/deadlines/")
    section = reviewer.locator(".columns-check")
    expect(section.get_by_text("空白栏目")).not_to_have_count(0)
    row = section.get_by_role("row").filter(has_text="稳岗就业")
    expect(row).to_have_class("columns-check--veto")
    assert_accessible(reviewer)

    row.get_by_role("link", name="添加情况说明").click()
    item = item_by_path("zdly/wgjy/wgjy")
    expect(reviewer.get_by_label("目录事项")).to_have_value(str(item.pk))
    reviewer.get_by_label("说明内容").fill(TEXT)
    assert_accessible(reviewer)
    reviewer.get_by_role("button", name="保存", exact=True).click()
    expect(reviewer.get_by_text("成功添加了")).to_be_visible()

    reviewer.goto(f"{base}/admin/disclosure/publication/deadlines/")
    expect(
        reviewer.locator(".columns-check").get_by_role("row").filter(has_text="稳岗就业")
    ).to_have_count(0)

    citizen = browser.new_context().new_page()
    citizen.goto(f"{base}/xxgk/zdly/wgjy/wgjy/")
    statement = citizen.locator(".statement")
    expect(statement).to_contain_text("情况说明（")
    expect(statement).to_contain_text(TEXT)
    expect(citizen.get_by_text("本栏目暂无公开信息。")).to_have_count(0)
    assert_accessible(citizen)
