"""What staff and citizens tripped over, tried again in Chromium."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from disclosure.models import Publication
from disclosure.services.publications import publication_submit
from tests.browser.accessibility import assert_accessible
from tests.citizens import make_consultation
from tests.factories import make_draft, submitted_draft, with_attachment

PASSWORD = "a-long-password-1"


@pytest.fixture
def log_in(browser: Browser, live_server):
    """Pages logged in as a member of staff, each in its own browser context, closed after."""
    contexts = []

    def open_page(username: str, width: int = 1366) -> Page:
        context = browser.new_context(
            timezone_id="Asia/Shanghai", viewport={"width": width, "height": 900}
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/login/")
        page.get_by_label("用户名").fill(username)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_role("heading", name="管理首页")).to_be_visible()
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_a_reviewer_opens_the_attachments_of_a_draft_under_review(log_in, live_server, people):
    draft = make_draft(people.editor, title="待审核的招聘公告")
    with_attachment(draft, name="招聘会岗位表")
    publication_submit(publication=draft, actor=people.editor)
    base = live_server.url

    reviewer = log_in("reviewer")
    reviewer.goto(f"{base}/admin/disclosure/publication/{draft.pk}/change/")
    with reviewer.expect_download() as from_form:
        reviewer.get_by_role("link", name="招聘会岗位表.pdf").click()
    assert from_form.value.suggested_filename == "招聘会岗位表.pdf"
    assert from_form.value.path().read_bytes().startswith(b"%PDF")

    reviewer.get_by_role("link", name="在站点上查看").click()
    expect(reviewer.get_by_role("note")).to_contain_text("尚未向公众公开")
    expect(reviewer.locator("table.doc-meta")).to_contain_text("待生成")
    with reviewer.expect_download() as from_preview:
        reviewer.get_by_role("link", name="招聘会岗位表.pdf").click()
    assert from_preview.value.suggested_filename == "招聘会岗位表.pdf"
    reviewer.get_by_role("link", name="打印本页").click()
    expect(reviewer.locator("main")).to_contain_text("招聘会岗位表.pdf")


def test_submitting_saves_what_was_typed(log_in, live_server, people):
    draft = make_draft(people.editor, title="旧的标题")
    editor = log_in("editor")
    editor.goto(f"{live_server.url}/admin/disclosure/publication/{draft.pk}/change/")
    editor.get_by_label("标题").fill("改过的新标题")
    editor.get_by_role("button", name="保存并提交审核").click()
    expect(editor.get_by_text("流转：待审核")).to_be_visible()
    expect(editor.locator(".messagelist")).to_contain_text("已保存并提交审核")
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("改过的新标题", "submitted")


def test_a_document_sent_back_says_why_and_each_queue_counts_it(log_in, live_server, people):
    submitted_draft(people.editor, title="关于零工市场的答复")

    reviewer = log_in("reviewer")
    expect(reviewer.locator("#queue-module")).to_contain_text("待审核的信息")
    expect(reviewer.locator("#queue-module tr", has_text="待审核的信息")).to_contain_text("1")
    reviewer.locator("#queue-module").get_by_role("link", name="待审核的信息").click()
    reviewer.get_by_role("link", name="关于零工市场的答复").click()
    reviewer.get_by_role("link", name="退回修改").click()
    reviewer.get_by_label("退回原因").fill("请写明零工市场的开放时间。")
    reviewer.get_by_role("button", name="确认退回修改").click()

    editor = log_in("editor")
    queue = editor.locator("#queue-module tr", has_text="被退回的信息")
    expect(queue).to_contain_text("1")
    queue.get_by_role("link").click()
    row = editor.locator("#result_list tr", has_text="关于零工市场的答复")
    expect(row).to_contain_text("已退回")
    row.get_by_role("link", name="关于零工市场的答复").click()
    banner = editor.locator(".returned-banner")
    expect(banner).to_contain_text("请写明零工市场的开放时间。")
    assert banner.bounding_box()["y"] < editor.locator("#workflow-title").bounding_box()["y"]


@pytest.mark.parametrize("width, height", [(1366, 768), (375, 812)])
def test_a_refused_comment_brings_its_errors_into_view(
    page: Page, live_server, people, settings, width, height
):
    settings.SPAM_MIN_SECONDS = 0
    consultation = make_consultation(people)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}{consultation.get_absolute_url()}")
    page.get_by_label("意见内容").fill("短")
    page.get_by_role("button", name="提交意见").click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("至少要写5个字")
    expect(summary).to_be_in_viewport()
    expect(summary).to_be_focused()
    expect(page.get_by_label(re.compile("^意见内容"))).to_have_value("短")


def test_staff_lists_fit_a_1366_pixel_screen(log_in, live_server, people):
    from disclosure.services.publications import publication_approve

    for n in range(3):
        draft = submitted_draft(people.editor, title=f"关于第{n}号建议的答复")
        publication_approve(publication=draft, actor=people.reviewer, confidentiality_note="不涉密")
    admin = log_in("boss")
    admin.goto(f"{live_server.url}/admin/disclosure/publication/")
    results = admin.locator("#changelist .results")
    assert results.evaluate("e => e.scrollWidth <= e.clientWidth")
    index = admin.locator("td.field-index_number").first
    number = Publication.objects.filter(index_number__isnull=False).first().index_number
    expect(index).to_have_text(number)
    line = index.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    assert index.bounding_box()["height"] < 2 * line + 20

    admin.goto(f"{live_server.url}/admin/disclosure/catalogueitem/")
    assert admin.locator("#changelist .results").evaluate("e => e.scrollWidth <= e.clientWidth")
    heights = admin.locator("#result_list tbody tr").evaluate_all(
        "rows => rows.map(r => r.getBoundingClientRect().height)"
    )
    assert max(heights) < 80, heights  # about two lines, not six


def test_the_application_form_shows_only_the_fields_that_apply(page: Page, live_server, catalogue):
    page.goto(f"{live_server.url}/ysqgk/sq/")
    representative = page.locator("#field-legal_representative")
    fax = page.locator("#field-fax")
    expect(representative).to_be_hidden()
    expect(fax).to_be_hidden()
    page.get_by_label("法人或其他组织：商业企业").check()
    expect(representative).to_be_visible()
    expect(page.locator("#field-contact_person")).to_be_visible()
    page.get_by_label("自然人").check()
    expect(representative).to_be_hidden()
    page.get_by_role("radio", name="传真").check()
    expect(fax).to_be_visible()
    phone = page.get_by_label("联系电话")
    assert phone.get_attribute("type") == "tel"
    # As wide as the other fields, though the browser would draw it narrower.
    width = page.get_by_label("通信地址").bounding_box()["width"]
    assert phone.bounding_box()["width"] == width
    assert page.get_by_label("传真号码").bounding_box()["width"] == width
    assert_accessible(page)
