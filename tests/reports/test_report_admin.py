"""The annual report's admin pages: generating, the report's page, refreshing, and its document's form."""

import re
from decimal import Decimal

import pytest
from django.utils import timezone

from disclosure.models import AnnualReport, InformationRequest, Publication, YearlyFigures
from disclosure.services.publications import publication_submit
from tests.citizens import a_year_of_applications, received
from tests.factories import publication_form, publish_report, report_filled

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year - 1
LIST = "/admin/disclosure/annualreport/"
GENERATE = f"{LIST}generate/"


@pytest.fixture
def data(people):
    a_year_of_applications(YEAR, people)
    YearlyFigures.objects.create(
        year=YEAR, office=people.admin_office, licences=5, fees=Decimal("1.2345")
    )


def generate(client, year) -> object:
    return client.post(GENERATE, {"year": year})


def change_url(report: AnnualReport) -> str:
    return f"{LIST}{report.pk}/change/"


def test_an_editor_generates_last_years_report(client, people, data):
    client.force_login(people.editor)
    page = client.get(GENERATE).content.decode()
    assert f'value="{YEAR}"' in page
    response = generate(client, str(YEAR))
    report = AnnualReport.objects.get(year=YEAR)
    assert response.status_code == 302 and response.url == change_url(report)
    assert report.publication.status == Publication.Status.DRAFT


def test_the_dashboard_reminder_leads_to_the_generate_page(client, people, data):
    client.force_login(people.editor)
    dashboard = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    assert f'href="{GENERATE}?year={YEAR}">生成年度报告</a>' in dashboard
    page = client.get(GENERATE, {"year": str(YEAR - 2)}).content.decode()
    assert f'value="{YEAR - 2}"' in page
    report = report_filled(
        AnnualReport.objects.get(pk=_generated(client, people).pk), people.editor
    )
    publish_report(report, people.editor, people.reviewer)
    dashboard = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    assert f"?year={YEAR}" not in dashboard


def _generated(client, people) -> AnnualReport:
    generate(client, str(YEAR))
    return AnnualReport.objects.get(year=YEAR)


@pytest.mark.parametrize(
    ("year", "error"),
    [
        ("abc", "年度请填写四位数字，例如2025。"),
        ("", "请填写年度。"),
        ("２０２５", "年度请填写四位数字，例如2025。"),
        ("-1", "年度请填写四位数字，例如2025。"),
        ("1900", "年度应在2008年至"),
        ("3000", "年度应在2008年至"),
        ("99999999999999999999", "年度请填写四位数字，例如2025。"),
    ],
)
def test_odd_years_are_refused_in_chinese(client, people, data, year, error):
    client.force_login(people.editor)
    response = generate(client, year)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not AnnualReport.objects.exists()


@pytest.mark.parametrize("query", ["abc", "1900", "3000", "", "%00"])
def test_an_odd_year_in_the_address_falls_back_to_last_year(client, people, query):
    client.force_login(people.editor)
    response = client.get(GENERATE, {"year": query})
    assert response.status_code == 200
    assert f'value="{YEAR}"' in response.content.decode()


def test_a_year_without_data_is_refused_on_the_page(client, people, data):
    client.force_login(people.editor)
    response = generate(client, str(YEAR - 3))
    assert f"{YEAR - 3}年没有任何统计数据" in response.content.decode()
    assert f'value="{YEAR - 3}"' in response.content.decode()


def test_other_offices_and_reviewers_cannot_generate(client, people, data):
    for user in (people.other_editor, people.other_reviewer, people.reviewer):
        client.force_login(user)
        assert client.get(GENERATE).status_code == 403
        assert generate(client, str(YEAR)).status_code == 403
    assert not AnnualReport.objects.exists()


def test_other_offices_do_not_see_the_reports(client, people, data):
    client.force_login(people.editor)
    report = _generated(client, people)
    client.force_login(people.other_editor)
    assert client.get(LIST).status_code == 403
    assert client.get(change_url(report)).status_code == 403
    assert client.get(f"{LIST}{report.pk}/excel/").status_code == 404
    assert client.post(f"{LIST}{report.pk}/refresh/").status_code == 404


def test_the_reports_list_shows_each_years_document(client, people, data):
    client.force_login(people.editor)
    _generated(client, people)
    page = client.get(LIST).content.decode()
    assert f"{YEAR}年" in page and "（草稿）" in page and "成立" in page
    client.force_login(people.reviewer)
    assert client.get(LIST).status_code == 200


def test_the_report_page_shows_the_tables_the_check_and_the_buttons(client, people, data):
    client.force_login(people.editor)
    report = _generated(client, people)
    page = client.get(change_url(report)).content.decode()
    assert "<caption>收到和处理政府信息公开申请情况</caption>" in page
    assert "report-check--ok" in page and "勾稽关系成立" in page
    assert "刷新统计数据" in page and f"{LIST}{report.pk}/excel/" in page
    assert f"/admin/disclosure/publication/{report.publication_id}/change/" in page
    assert 'name="overview"' in page and 'name="problems"' in page


def test_the_report_page_shows_a_failed_check_and_changed_figures_in_red(client, people, data):
    answered = InformationRequest.objects.filter(status="answered").get()
    InformationRequest.objects.filter(pk=answered.pk).update(replied_on=f"{YEAR - 1}-12-01")
    client.force_login(people.editor)
    report = _generated(client, people)
    received(f"{YEAR}-06-01", people.editor)
    page = client.get(change_url(report)).content.decode()
    assert re.search(r'report-check--failed">勾稽关系不成立：自然人一栏，[^<]*相差1。', page)
    assert "统计数据在生成后有变化，请先刷新年度报告。" in page


def test_saving_the_sections_recomposes_the_body(client, people, data):
    client.force_login(people.editor)
    report = _generated(client, people)
    response = client.post(
        change_url(report),
        {"overview": "<p>新的总体情况</p>", "problems": "<p>新的问题</p>", "other_matters": ""},
    )
    assert response.status_code == 302
    body = Publication.objects.get(pk=report.publication_id).body
    assert "<p>新的总体情况</p>" in body and "<caption>" in body


def test_refreshing_from_the_page(client, people, data):
    client.force_login(people.editor)
    report = _generated(client, people)
    received(f"{YEAR}-06-01", people.editor)
    assert client.get(f"{LIST}{report.pk}/refresh/").status_code == 302
    response = client.post(f"{LIST}{report.pk}/refresh/", follow=True)
    assert "已刷新统计数据" in response.content.decode()
    report.refresh_from_db()
    assert report.figures["table3"]["rows"][0]["values"][-1] == 3


def test_a_submitted_report_is_read_only_and_not_refreshed(client, people, data):
    client.force_login(people.editor)
    report = report_filled(_generated(client, people), people.editor)
    publication_submit(publication=report.publication, actor=people.editor)
    page = client.get(change_url(report)).content.decode()
    assert 'name="overview"' not in page and "刷新统计数据" not in page
    assert "公开内容还不够全面" in page
    response = client.post(f"{LIST}{report.pk}/refresh/", follow=True)
    assert "已提交审核，不能刷新" in response.content.decode()
    response = client.post(change_url(report), {"overview": "<p>改</p>"})
    assert response.status_code == 403
    assert AnnualReport.objects.get(pk=report.pk).overview != "<p>改</p>"


def test_the_document_form_shows_the_body_read_only_with_a_link(client, people, data):
    client.force_login(people.editor)
    report = _generated(client, people)
    url = f"/admin/disclosure/publication/{report.publication_id}/change/"
    page = client.get(url).content.decode()
    assert 'name="body"' not in page
    assert f'<a href="{change_url(report)}">在年度报告页面修改</a>' in page
    assert "<caption>收到和处理政府信息公开申请情况</caption>" in page
    before = Publication.objects.get(pk=report.publication_id).body
    response = client.post(
        url, publication_form(title=report.publication.title, body="<p>覆盖表格</p>")
    )
    assert response.status_code == 302
    assert Publication.objects.get(pk=report.publication_id).body == before


def test_the_workbook_downloads_with_its_chinese_name(client, people, data):
    client.force_login(people.editor)
    report = _generated(client, people)
    client.force_login(people.reviewer)
    response = client.get(f"{LIST}{report.pk}/excel/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    assert f"{YEAR}" in response["Content-Disposition"]
    assert response.content[:2] == b"PK"


def test_there_is_no_add_or_delete(client, people, data):
    client.force_login(people.admin)
    report = _generated(client, people)
    assert client.get(f"{LIST}add/").status_code == 403
    assert client.post(f"{LIST}{report.pk}/delete/").status_code == 403
