"""The annual report as a document: its frozen figures, whether it may go for review, what it says.

A report's tables are frozen when it is generated; before its document is
submitted, the frozen figures must pass the 勾稽 check and still be the
figures the data gives now, and no "（请填写……）" prompt may be left in the
sections staff write.
"""

from __future__ import annotations

from django.utils import timezone

from disclosure.lib.annual_report import AnnualFigures
from disclosure.models import AnnualReport, Publication
from disclosure.selectors.annual_report import annual_figures

PROMPT = "（请填写"
STALE = "统计数据在生成后有变化，请先刷新年度报告。"
UNFINISHED = "年度报告中还有“（请填写……）”的提示没有替换，请先在年度报告页面补充。"


def report_of(publication: Publication) -> AnnualReport | None:
    """The annual report a document (or a revision of it) belongs to, if any."""
    ids = [pk for pk in (publication.pk, publication.revision_of_id) if pk is not None]
    if not ids:
        return None
    return AnnualReport.objects.filter(publication__in=ids).first()


def frozen_figures(report: AnnualReport) -> AnnualFigures | None:
    """The figures as the report was last generated (None before it was)."""
    return AnnualFigures.from_json(report.figures) if report.figures else None


def is_stale(report: AnnualReport) -> bool:
    """Whether the data gives other figures now than the report froze."""
    return annual_figures(report.year).as_json() != report.figures


def is_unfinished(report: AnnualReport) -> bool:
    return any(PROMPT in text for text in (report.overview, report.problems, report.other_matters))


def submit_refusals(report: AnnualReport) -> list[str]:
    """Why the report's document may not go for review now; empty when it may."""
    figures = frozen_figures(report)
    if figures is None:
        return ["年度报告还没有生成统计数据，请先生成。"]
    refusals = []
    if not figures.check.ok:
        refusals.append(figures.check.message())
    if is_stale(report):
        refusals.append(STALE)
    if is_unfinished(report):
        refusals.append(UNFINISHED)
    return refusals


def documents_published_in(year: int) -> int:
    """Documents published in the year under every column, withdrawn ones not counted."""
    return Publication.objects.filter(
        status=Publication.Status.PUBLISHED,
        published_at__year=year,
        published_at__lte=timezone.now(),
        revision_of__isnull=True,
    ).count()
