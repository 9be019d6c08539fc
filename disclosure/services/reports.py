"""The annual report and the figures staff enter for it, each change in one transaction.

The figures staff enter (each office's yearly counts, and appeals): each
save checks that the row is the actor's office's (administrators may enter
any), records who entered it, and keeps the earlier version in the row's
history. The report itself: see its section below.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from disclosure import permissions
from disclosure.exceptions import WorkflowError, require
from disclosure.lib.annual_report import AnnualFigures
from disclosure.lib.annual_report_tables import sections
from disclosure.lib.html import sanitize_body
from disclosure.models import (
    BUREAU_NAME,
    AnnualReport,
    Appeal,
    CatalogueItem,
    Publication,
    PublicationEvent,
    YearlyFigures,
)
from disclosure.models.base import constraint_message, locked
from disclosure.models.reports import FIRST_YEAR
from disclosure.permissions.base import Role, has_role
from disclosure.permissions.reports import can_generate_report, report_item, working_draft
from disclosure.selectors.annual_report import annual_figures
from disclosure.selectors.annual_report_document import documents_published_in, frozen_figures
from disclosure.selectors.applications import receiving_office
from disclosure.services.publications import publication_save_draft

# -- the figures staff enter --------------------------------------------------


def _validated_save(row, actor, duplicate: str = "") -> None:
    """Validate and save `row` as `actor`; what is wrong becomes a `WorkflowError`."""
    row.updated_by = actor
    row._history_user = actor
    try:
        row.full_clean()
    except ValidationError as error:
        raise WorkflowError("；".join(error.messages)) from error
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        # The same row sent twice at the same moment: the second finds the first.
        raise WorkflowError(duplicate or "保存失败，请刷新后重试。") from error


@transaction.atomic
def yearly_figures_save(*, figures: YearlyFigures, actor) -> YearlyFigures:
    """Enter or correct an office's counts for one year: its own staff, or an administrator."""
    policy = permissions.yearly_figures
    if figures.pk is None:
        require(policy.can_add(actor), "只有科室或单位的工作人员可以填报年度统计数据。")
    else:
        require(policy.can_edit(actor, locked(figures)), "只能修改本科室或单位填报的年度统计数据。")
    require(
        figures.office_id is not None and policy.can_edit(actor, figures),
        "只能填报本科室或单位的年度统计数据。",
    )
    _validated_save(
        figures, actor, constraint_message(YearlyFigures, "yearly_figures_once_per_office")
    )
    return figures


@transaction.atomic
def appeal_save(*, appeal: Appeal, actor) -> Appeal:
    """Enter or update a 行政复议 or 行政诉讼: the office that handles applications, or an administrator."""
    policy = permissions.appeals
    office = receiving_office()
    if appeal.pk is None:
        require(
            policy.can_add(actor, office),
            f"行政复议和行政诉讼由{office.name}或系统管理员登记。"
            if office
            else "没有办理申请的科室。",
        )
    else:
        require(policy.can_edit(actor, locked(appeal)), "只能修改本科室登记的行政复议和行政诉讼。")
    require(
        appeal.office_id is not None and policy.can_edit(actor, appeal),
        "只能登记本科室承办的行政复议和行政诉讼。",
    )
    require(
        appeal.application_id is None or appeal.application.office_id == appeal.office_id,
        "所涉申请须是承办科室办理的申请。",
    )
    _validated_save(appeal, actor)
    return appeal


# -- the annual report (政府信息公开工作年度报告) ---------------------------------
#
# Generating a year's report computes its figures, freezes them in the
# report and composes its document, a draft under the 年报 item that goes
# through review like any other. While that draft (or a draft revision of the
# published report) is open, generating again refreshes the figures and the
# tables and keeps what staff wrote.

Status = Publication.Status

PROBLEMS_PROMPT = "<p>（请填写本年度政府信息公开工作存在的主要问题，以及上年度问题的改进情况和下一步的改进措施。）</p>"
OVERVIEW_PROMPTS = [
    (
        "（三）政府信息管理",
        "（请填写本年度政府信息管理情况，如公开属性认定、发布前保密审查、政策文件清理等。）",
    ),
    (
        "（四）平台建设",
        "（请填写本年度政府信息公开平台建设情况，如政府网站、政务新媒体的建设和维护等。）",
    ),
    (
        "（五）监督保障",
        "（请填写本年度政府信息公开监督保障情况，如工作机制、业务培训、考核和社会评议等。）",
    ),
]
OUTCOME = re.compile(r"^（[一二三四五六]）([^（]+)")


def report_title(year: int) -> str:
    return f"{BUREAU_NAME}{year}年政府信息公开工作年度报告"


def fee_sentence(figures: AnnualFigures) -> str:
    if figures.fee_notices or figures.fees_collected:
        return (
            f"本年度共发出收费通知{figures.fee_notices}件，"
            f"收取信息处理费{figures.fees_collected:.2f}元。"
        )
    return "全年未收取信息处理费。"


def _outcomes(figures: AnnualFigures) -> list[tuple[str, int]]:
    """本年度办理结果 in the 总计 column: （一）to（六）, each with its sub-rows summed."""
    counts: dict[str, int] = {}
    for row in figures.table3.rows:
        found = OUTCOME.match(row.group or row.label)
        if found:
            counts[found.group(1)] = counts.get(found.group(1), 0) + row.values[-1]
    return [(name, count) for name, count in counts.items() if count]


def overview_text(figures: AnnualFigures) -> str:
    """一、总体情况 as generated: the year's figures in sentences, and prompts for the rest."""
    t2 = figures.table2
    published = f"{figures.year}年，本局主动公开政府信息{documents_published_in(figures.year)}条。"
    for name, counts in (("规章", t2.rules), ("行政规范性文件", t2.normative)):
        if counts.issued or counts.repealed or counts.in_force or name == "行政规范性文件":
            published += (
                f"本年制发{name}{counts.issued}件，废止{counts.repealed}件，"
                f"截至年底现行有效{counts.in_force}件。"
            )
    total = figures.check.columns[-1]
    outcomes = "、".join(f"{name}{count}件" for name, count in _outcomes(figures))
    handled = (
        f"本年办结{total.handled}件，其中{outcomes}" if total.handled else "本年没有办结的申请"
    )
    requests = (
        f"本年新收政府信息公开申请{total.received}件，上年结转{total.carried_in}件。"
        f"{handled}；结转下年度继续办理{total.carried_out}件。{fee_sentence(figures)}"
    )
    parts = [
        "<h3>（一）主动公开</h3>",
        f"<p>{published}</p>",
        "<h3>（二）依申请公开</h3>",
        f"<p>{requests}</p>",
    ]
    for heading, prompt in OVERVIEW_PROMPTS:
        parts += [f"<h3>{heading}</h3>", f"<p>{prompt}</p>"]
    return "".join(parts)


def _generated_sections(figures: AnnualFigures) -> dict[str, str]:
    """The sections the figures write, as the database keeps them."""
    return {
        "overview": sanitize_body(overview_text(figures)),
        "other_matters": sanitize_body(f"<p>{fee_sentence(figures)}</p>"),
    }


def _write_figures_in_words(report: AnnualReport, figures: AnnualFigures) -> None:
    """Write the figures' sentences into the sections staff have not changed since.

    A section staff have edited is theirs: it is kept, and the report page
    asks them to check its figures against the tables.
    """
    before = frozen_figures(report) if report.figures else None
    generated = _generated_sections(before) if before is not None else {}
    for name, text in _generated_sections(figures).items():
        if not getattr(report, name) or getattr(report, name) == generated.get(name):
            setattr(report, name, text)


def compose_body(report: AnnualReport) -> str:
    """The document's body: the six sections, tables 二 to 四 from the frozen figures."""
    return render_to_string(
        "disclosure/annual_report/body.html",
        {"report": report, "sections": sections(frozen_figures(report))},
    )


def _draft_to_write(report: AnnualReport, actor) -> Publication | None:
    """The draft the report writes into now; None when a new document is to be drafted.

    A submitted document, or a published one without a draft revision, is
    refused: it is reviewed or public as it stands.
    """
    publication = report.publication
    if publication is None or publication.status == Status.WITHDRAWN:
        return None
    require(
        publication.status != Status.SUBMITTED,
        "年度报告已提交审核，不能刷新；如需修改，请审核人先退回修改。",
    )
    draft = working_draft(publication)
    if draft is None:
        revision = Publication.objects.filter(revision_of=publication).exists()
        raise WorkflowError(
            "年度报告的修改稿已提交审核，不能刷新；如需修改，请审核人先退回修改。"
            if revision
            else "年度报告已发布，不能直接刷新；请先在公开信息中“修改已发布信息”创建修改稿，"
            "或者撤回后重新生成。"
        )
    require(
        has_role(actor, Role.EDITOR, draft.office_id),
        f"年度报告由{draft.office}起草，只有该科室的信息员可以修改。",
    )
    return locked(draft)


def _event(publication: Publication, actor, note: str) -> None:
    PublicationEvent.objects.create(
        publication=publication.revision_of or publication,
        action=PublicationEvent.Action.REPORT_GENERATED,
        actor=actor,
        note=note,
    )


def _new_document(item: CatalogueItem, report: AnnualReport, actor) -> Publication:
    staff = permissions.staff_of(actor)
    office = staff.office if staff is not None else item.responsible_office_queryset().first()
    require(office is not None, "“政府信息公开年报”事项没有责任科室，请管理员先在目录中设置。")
    today = timezone.localdate()
    publication = Publication(
        item=item,
        office=office,
        title=report_title(report.year),
        formed_on=min(dt.date(report.year, 12, 31), today),
        body=compose_body(report),
    )
    return publication_save_draft(publication=publication, actor=actor)


@transaction.atomic
def annual_report_generate(*, year: int, actor) -> AnnualReport:
    """Generate the year's report, or refresh its figures while its document is a draft.

    The report on the current year may be generated as a preview; its
    document dates from today until the year is over.
    """
    require(
        can_generate_report(actor), "只有负责“政府信息公开年报”事项的科室的信息员可以生成年度报告。"
    )
    today = timezone.localdate()
    require(
        isinstance(year, int) and FIRST_YEAR <= year <= today.year,
        f"年度应在{FIRST_YEAR}年至{today.year}年之间。",
    )
    item = report_item()
    require(
        item is not None,
        "目录中没有设为“政府信息公开工作年度报告”的事项，请管理员在目录事项的“年度报告用途”中设置。",
    )
    item = locked(item)  # one generation at a time
    require(
        item.is_active and item.is_publishable,
        f"目录事项“{item.name}”已停用或不发布文件，不能在其下发布年度报告。",
    )
    report = AnnualReport.objects.select_for_update().filter(year=year).first()
    draft = _draft_to_write(report, actor) if report is not None else None
    figures = annual_figures(year)
    require(
        figures.has_data,
        f"{year}年没有任何统计数据（制发或废止的规范性文件、政府信息公开申请、各科室填报的年度统计数据、"
        "行政复议和行政诉讼），不能生成年度报告。",
    )
    refreshing = report is not None
    if report is None:
        report = AnnualReport(year=year, problems=PROBLEMS_PROMPT)
    _write_figures_in_words(report, figures)
    report.figures = figures.as_json()
    report.generated_at = timezone.now()
    report.generated_by = actor
    report.full_clean(exclude=["publication"])
    if draft is None:
        report.publication = _new_document(item, report, actor)
    else:
        draft.body = compose_body(report)
        draft.formed_on = min(dt.date(year, 12, 31), today)
        publication_save_draft(publication=draft, actor=actor)
    report.save()
    _event(draft or report.publication, actor, "刷新统计数据" if refreshing else "生成")
    return report


@transaction.atomic
def annual_report_save_sections(
    *, report: AnnualReport, actor, overview: str, problems: str, other_matters: str
) -> AnnualReport:
    """Save the sections staff write, and compose the draft's body again with them."""
    report = locked(report)
    require(
        permissions.annual_reports.can_edit(actor, report),
        "年度报告的文件已提交审核或已发布，不能修改；或者您不是起草科室的信息员。",
    )
    report.overview = overview
    report.problems = problems
    report.other_matters = other_matters
    report.save()
    draft = working_draft(report.publication) if report.publication_id else None
    if draft is not None and report.figures:
        draft = locked(draft)
        draft.body = compose_body(report)
        publication_save_draft(publication=draft, actor=actor)
    return report
