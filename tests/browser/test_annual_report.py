"""An editor generates the annual report in Chromium; its admin page and its public page pass axe."""

from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import Browser, expect

from disclosure.models import AnnualReport, YearlyFigures
from tests.browser.accessibility import assert_accessible
from tests.browser.test_publishing_flow import log_in
from tests.citizens import a_year_of_applications
from tests.factories import publish_report, report_filled

YEAR = timezone.localdate().year - 1
TITLE = f"扎兰屯市人力资源和社会保障局{YEAR}年政府信息公开工作年度报告"


def test_an_editor_generates_the_report_and_a_citizen_reads_its_tables(
    browser: Browser, live_server, transactional_db, people
):
    base = live_server.url
    a_year_of_applications(YEAR, people)
    YearlyFigures.objects.create(
        year=YEAR, office=people.admin_office, licences=5, fees=Decimal("1.2345")
    )

    editor = log_in(browser, base, "editor")
    editor.goto(f"{base}/admin/disclosure/publication/deadlines/")
    editor.get_by_role("link", name="生成年度报告").first.click()
    expect(editor.get_by_label("年度")).to_have_value(str(YEAR))
    assert_accessible(editor)
    editor.get_by_label("年度").fill("1900")
    editor.get_by_role("button", name="生成").click()
    expect(editor.get_by_text("年度应在2008年至")).to_be_visible()
    editor.get_by_label("年度").fill(str(YEAR))
    editor.get_by_role("button", name="生成").click()
    expect(editor.get_by_text("已生成年度报告草稿")).to_be_visible()
    expect(editor.get_by_text("勾稽关系成立")).to_be_visible()
    expect(editor.get_by_role("table", name="收到和处理政府信息公开申请情况")).to_be_visible()
    expect(editor.get_by_role("button", name="刷新统计数据")).to_be_visible()
    assert_accessible(editor)

    report = report_filled(AnnualReport.objects.get(year=YEAR), people.editor)
    published = publish_report(report, people.editor, people.reviewer)

    citizen = browser.new_context().new_page()
    citizen.goto(f"{base}{published.get_absolute_url()}")
    expect(citizen.get_by_role("heading", level=1)).to_have_text(TITLE)
    table = citizen.get_by_role("table", name="收到和处理政府信息公开申请情况")
    expect(table.get_by_role("columnheader", name="法人或其他组织")).to_be_visible()
    expect(table.get_by_role("rowheader", name="三、本年度办理结果")).to_be_visible()
    assert_accessible(citizen)
