"""Generating the annual report: its document under the 年报 item, refreshing it, and its review."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from disclosure.exceptions import WorkflowError
from disclosure.models import (
    AnnualReport,
    InformationRequest,
    Publication,
    PublicationEvent,
    YearlyFigures,
)
from disclosure.selectors.annual_report_document import STALE, UNFINISHED
from disclosure.services.publications import (
    publication_start_revision,
    publication_submit,
    publication_withdraw,
)
from disclosure.services.reports import annual_report_generate, annual_report_save_sections
from tests.citizens import a_year_of_applications, received
from tests.factories import item_by_path, publish_report, report_filled

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year - 1
TITLE = f"扎兰屯市人力资源和社会保障局{YEAR}年政府信息公开工作年度报告"
Status = Publication.Status


@pytest.fixture
def data(people):
    """Last year: two applications (one answered, one carried over) and one office's figures."""
    applications = a_year_of_applications(YEAR, people)
    YearlyFigures.objects.create(
        year=YEAR, office=people.admin_office, licences=5, fees=Decimal("1.2345")
    )
    return applications


def generated(people) -> AnnualReport:
    return annual_report_generate(year=YEAR, actor=people.editor)


def test_generating_drafts_the_report_under_the_annual_report_item(people, data):
    report = generated(people)
    publication = report.publication
    assert report.year == YEAR and report.generated_by == people.editor
    assert (publication.title, publication.status) == (TITLE, Status.DRAFT)
    assert publication.item == item_by_path("zfxxgk/ndbg")
    assert publication.office == people.admin_office
    assert publication.formed_on == dt.date(YEAR, 12, 31)
    assert report.figures["table3"]["rows"][0]["values"][-1] == 2
    assert report.figures["check"]["ok"] is True
    actions = list(publication.events.values_list("action", flat=True))
    assert actions == [PublicationEvent.Action.CREATED, PublicationEvent.Action.REPORT_GENERATED]


def test_the_overview_and_other_matters_start_from_the_figures(people, data):
    report = generated(people)
    assert "本年新收政府信息公开申请2件，上年结转0件。本年办结1件，其中予以公开1件；" in (
        report.overview
    )
    assert "结转下年度继续办理1件。" in report.overview
    assert "本年制发行政规范性文件0件" in report.overview
    assert "（请填写本年度政府信息管理情况" in report.overview
    assert report.other_matters == "<p>全年未收取信息处理费。</p>"
    assert "（请填写" in report.problems


def test_the_body_has_the_six_sections_and_accessible_tables(people, data):
    body = generated(people).publication.body
    for heading in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert f"<h2>{heading}</h2>" in body
    assert "<caption>第二十条第（一）项</caption>" in body
    assert "<caption>收到和处理政府信息公开申请情况</caption>" in body
    assert '<th scope="colgroup" colspan="7">申请人情况</th>' in body
    assert '<th scope="colgroup" colspan="5">法人或其他组织</th>' in body
    assert '<th scope="rowgroup" rowspan="22">三、本年度办理结果</th>' in body
    assert '<th scope="rowgroup" rowspan="8">（三）不予公开</th>' in body
    assert '<th scope="row">1.属于国家秘密</th>' in body
    assert "<td>1.2345</td>" in body  # 行政事业性收费, 万元 to four places


def test_refreshing_keeps_what_staff_wrote_and_recomputes_the_tables(people, data):
    report = report_filled(generated(people), people.editor)
    publication_pk = report.publication_id
    received(f"{YEAR}-06-01", people.editor)
    refreshed = generated(people)
    assert refreshed.pk == report.pk and refreshed.publication_id == publication_pk
    assert refreshed.overview == report.overview and refreshed.problems == report.problems
    assert refreshed.figures["table3"]["rows"][0]["values"][-1] == 3
    body = Publication.objects.get(pk=publication_pk).body
    assert "公开内容还不够全面，明年改进。" in body
    assert (
        PublicationEvent.objects.filter(
            publication_id=publication_pk, action="report_generated"
        ).count()
        == 2
    )


def test_refreshing_rewrites_the_figures_in_words_staff_left_as_generated(people, data):
    report = generated(people)
    assert "本年新收政府信息公开申请2件" in report.overview
    received(f"{YEAR}-06-01", people.editor)
    refreshed = generated(people)
    assert "本年新收政府信息公开申请3件" in refreshed.overview
    assert refreshed.other_matters == "<p>全年未收取信息处理费。</p>"


def test_refreshing_keeps_a_section_staff_changed_even_when_its_figures_are_old(people, data):
    report = generated(people)
    changed = report.overview.replace("（请填写本年度政府信息管理情况", "（已改写")
    annual_report_save_sections(
        report=report,
        actor=people.editor,
        overview=changed,
        problems=report.problems,
        other_matters=report.other_matters,
    )
    received(f"{YEAR}-06-01", people.editor)
    refreshed = generated(people)
    assert refreshed.overview == AnnualReport.objects.get(pk=report.pk).overview
    assert "本年新收政府信息公开申请2件" in refreshed.overview


def test_saving_the_sections_recomposes_the_draft(people, data):
    report = generated(people)
    annual_report_save_sections(
        report=report,
        actor=people.editor,
        overview="<p>总体<script>alert(1)</script>情况</p>",
        problems="<p>问题</p>",
        other_matters="<p>其他</p>",
    )
    body = Publication.objects.get(pk=report.publication_id).body
    assert "<p>总体情况</p>" in body and "<script" not in body
    assert "<caption>" in body and 'scope="rowgroup"' in body


def test_a_submitted_report_is_not_refreshed(people, data):
    report = report_filled(generated(people), people.editor)
    publication_submit(publication=report.publication, actor=people.editor)
    with pytest.raises(WorkflowError, match="已提交审核，不能刷新"):
        generated(people)
    with pytest.raises(WorkflowError):
        report_filled(report, people.editor)


def test_a_published_report_is_refreshed_only_through_a_revision(people, data):
    report = report_filled(generated(people), people.editor)
    live = publish_report(report, people.editor, people.reviewer)
    with pytest.raises(WorkflowError, match="已发布，不能直接刷新"):
        generated(people)
    revision = publication_start_revision(publication=live, actor=people.editor)
    received(f"{YEAR}-06-01", people.editor)
    generated(people)
    revision.refresh_from_db()
    live.refresh_from_db()
    assert "<td>3</td>" in revision.body and "<td>3</td>" not in live.body


def test_a_withdrawn_report_is_generated_again_as_a_new_draft(people, data):
    report = report_filled(generated(people), people.editor)
    live = publish_report(report, people.editor, people.reviewer)
    publication_withdraw(publication=live, actor=people.reviewer, reason="数据有误")
    again = generated(people)
    assert again.publication_id != live.pk and again.publication.status == Status.DRAFT
    assert again.overview == report.overview


def test_only_editors_of_the_responsible_office_generate(people, data):
    for actor in (people.other_editor, people.other_reviewer, people.reviewer):
        with pytest.raises(WorkflowError, match="只有负责"):
            annual_report_generate(year=YEAR, actor=actor)
    assert not AnnualReport.objects.exists()
    report = annual_report_generate(year=YEAR, actor=people.admin)
    assert report.publication.office == people.admin_office


def test_another_office_cannot_write_the_sections(people, data):
    report = generated(people)
    with pytest.raises(WorkflowError):
        report_filled(report, people.other_editor)


@pytest.mark.parametrize("year", [2007, timezone.localdate().year + 1, "2025", None])
def test_a_year_out_of_range_is_refused(people, data, year):
    with pytest.raises(WorkflowError, match="年度应在2008年至"):
        annual_report_generate(year=year, actor=people.editor)


def test_a_year_without_data_is_refused(people, data):
    with pytest.raises(WorkflowError, match=f"{YEAR - 3}年没有任何统计数据"):
        annual_report_generate(year=YEAR - 3, actor=people.editor)
    assert not AnnualReport.objects.exists()


def test_the_current_year_is_a_preview_dated_today(people):
    today = timezone.localdate()
    YearlyFigures.objects.create(year=today.year, office=people.admin_office, licences=1)
    report = annual_report_generate(year=today.year, actor=people.editor)
    assert report.publication.formed_on == min(today, dt.date(today.year, 12, 31))


def test_a_forged_record_blocks_submission_with_the_check(people, data):
    answered, _ = data
    # Replied before it was received: last year's columns no longer balance.
    InformationRequest.objects.filter(pk=answered.pk).update(replied_on=dt.date(YEAR - 1, 12, 1))
    report = report_filled(generated(people), people.editor)
    assert report.figures["check"]["ok"] is False
    with pytest.raises(WorkflowError) as refused:
        publication_submit(publication=report.publication, actor=people.editor)
    assert str(refused.value) == (
        "勾稽关系不成立：自然人一栏，一、二项之和为2，三（七）、四项之和为1，相差1。"
        "总计一栏，一、二项之和为2，三（七）、四项之和为1，相差1。"
    )
    assert Publication.objects.get(pk=report.publication_id).status == Status.DRAFT


def test_figures_changed_since_generation_block_submission(people, data):
    report = report_filled(generated(people), people.editor)
    received(f"{YEAR}-06-01", people.editor)
    with pytest.raises(WorkflowError, match=STALE):
        publication_submit(publication=report.publication, actor=people.editor)
    generated(people)
    publication_submit(publication=report.publication, actor=people.editor)


def test_prompts_left_in_the_sections_block_submission(people, data):
    report = generated(people)
    with pytest.raises(WorkflowError, match=UNFINISHED):
        publication_submit(publication=report.publication, actor=people.editor)


def test_the_approved_report_is_public_under_the_annual_report_item(client, people, data):
    report = report_filled(generated(people), people.editor)
    live = publish_report(report, people.editor, people.reviewer)
    listing = client.get(item_by_path("zfxxgk/ndbg").get_absolute_url()).content.decode()
    assert TITLE in listing
    page = client.get(live.get_absolute_url()).content.decode()
    prose = page[page.index('<div class="prose">') :]
    assert "<caption>收到和处理政府信息公开申请情况</caption>" in prose
    assert '<th scope="colgroup" colspan="5">法人或其他组织</th>' in prose
    assert '<th scope="rowgroup" rowspan="22">三、本年度办理结果</th>' in prose
    assert '<th scope="col" rowspan="2">自然人</th>' in prose
