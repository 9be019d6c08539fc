"""Staff draft, review and publish a document in Chromium; citizens find it, and its pages pass axe."""

import re

from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from disclosure.models import Publication

PASSWORD = "a-long-password-1"


def log_in(browser: Browser, base: str, username: str) -> Page:
    page = browser.new_context(timezone_id="Asia/Shanghai").new_page()
    page.goto(f"{base}/admin/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text("站点管理").or_(page.get_by_text("管理首页"))).to_be_visible()
    return page


def test_an_editor_drafts_a_reviewer_approves_and_a_citizen_finds_it(
    browser: Browser, live_server, transactional_db, people
):
    base = live_server.url

    editor = log_in(browser, base, "editor")
    editor.goto(f"{base}/admin/disclosure/publication/add/")
    editor.get_by_role("link", name=re.compile("人大建议、政协提案办理情况")).click()
    editor.get_by_label("标题").fill("对市人大代表第12号建议的答复")
    editor.locator("#id_formed_on").fill(timezone.localdate().isoformat())
    body = editor.locator(".ProseMirror[contenteditable=true]")
    body.click()
    editor.keyboard.type("您提出的关于加强零工市场建设的建议收悉，现答复如下。")
    editor.get_by_role("button", name="保存并继续编辑").click()
    expect(editor.get_by_text("流转：草稿")).to_be_visible()
    editor.get_by_role("button", name="保存并提交审核").click()
    expect(editor.get_by_text("流转：待审核")).to_be_visible()

    reviewer = log_in(browser, base, "reviewer")
    reviewer.goto(f"{base}/admin/disclosure/publication/?state=submitted")
    reviewer.get_by_role("link", name="对市人大代表第12号建议的答复").click()
    reviewer.get_by_role("link", name="批准发布").click()
    reviewer.get_by_label("保密审查意见").fill("经审查，不涉及国家秘密和个人隐私，同意公开。")
    reviewer.get_by_role("button", name="确认批准发布").click()
    expect(reviewer.get_by_text("流转：已发布")).to_be_visible()

    published = Publication.objects.get(title="对市人大代表第12号建议的答复")
    assert published.status == "published" and published.approved_by == people.reviewer

    citizen = browser.new_context().new_page()
    citizen.goto(f"{base}/")
    citizen.get_by_role("link", name="人大建议、政协提案办理情况").first.click()
    expect(citizen).to_have_url(f"{base}/xxgk/jyta/")
    assert Axe().run(citizen).violations_count == 0, Axe().run(citizen).generate_report()
    citizen.get_by_role("link", name="对市人大代表第12号建议的答复").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("对市人大代表第12号建议的答复")
    expect(citizen.get_by_text("您提出的关于加强零工市场建设的建议收悉")).to_be_visible()
    expect(citizen.locator("table.doc-meta")).to_contain_text(published.index_number)
    results = Axe().run(citizen)
    assert results.violations_count == 0, results.generate_report()


def test_filters_and_a_withdrawn_page_are_accessible(
    page: Page, live_server, transactional_db, people
):
    from disclosure.services.publications import publication_withdraw
    from tests.factories import make_published

    kept = make_published(people, title="仍然有效的答复")
    gone = make_published(people, title="撤回的答复")
    publication_withdraw(publication=gone, actor=people.reviewer, reason="答复内容已更新")
    page.goto(f"{live_server.url}/xxgk/jyta/?year=abc")
    expect(page.get_by_text("筛选条件有误")).to_be_visible()
    expect(page.get_by_role("link", name="仍然有效的答复")).to_be_visible()
    expect(page.get_by_role("link", name="撤回的答复")).to_have_count(0)
    assert Axe().run(page).violations_count == 0
    page.goto(f"{live_server.url}{gone.get_absolute_url()}")
    expect(page.get_by_text("答复内容已更新")).to_be_visible()
    assert Axe().run(page).violations_count == 0
    page.goto(f"{live_server.url}{kept.print_url()}")
    assert Axe().run(page).violations_count == 0
