"""Who may see and write the annual report and the figures staff enter for it."""

from __future__ import annotations

from django.db.models import QuerySet

from disclosure.models import AnnualReport, CatalogueItem, Publication
from disclosure.permissions.base import Policy, Role, has_role, is_admin, staff_of

# -- the annual report (政府信息公开工作年度报告) ---------------------------------


def report_item() -> CatalogueItem | None:
    """The catalogue item under which the annual report is published, if one is set."""
    return CatalogueItem.objects.filter(report_role=CatalogueItem.ReportRole.ANNUAL_REPORT).first()


def in_report_office(user) -> bool:
    """A member of staff of an office responsible for the annual-report item, or an administrator."""
    if is_admin(user):
        return True
    staff = staff_of(user)
    item = report_item()
    if staff is None or item is None:
        return False
    return CatalogueItem.objects.responsible(staff.office).filter(pk=item.pk).exists()


def can_generate_report(user) -> bool:
    """An editor (信息员) of an office responsible for the annual-report item, or an administrator."""
    return in_report_office(user) and has_role(user, Role.EDITOR)


class AnnualReportPolicy(Policy):
    """The report is the bureau's, not an office's: the offices responsible for its item write it.

    Staff of those offices see every year's report; their editors generate
    and write it while its document is a draft, and only the editors of the
    office the document belongs to once there is one.
    """

    model = AnnualReport

    def visible(self, user, queryset: QuerySet | None = None) -> QuerySet:
        queryset = AnnualReport.objects.all() if queryset is None else queryset
        return queryset if in_report_office(user) else queryset.none()

    def can_edit(self, user, report: AnnualReport) -> bool:
        """Write the sections and refresh the figures: while the document being written is a draft."""
        if not can_generate_report(user):
            return False
        publication = report.publication
        if publication is None or publication.status == Publication.Status.WITHDRAWN:
            return True
        draft = working_draft(publication)
        return draft is not None and has_role(user, Role.EDITOR, draft.office_id)

    def can_delete(self, user, report: AnnualReport) -> bool:
        return False


def working_draft(publication: Publication) -> Publication | None:
    """The draft a report writes into: its document while a draft, else that document's draft revision."""
    if publication.status == Publication.Status.DRAFT:
        return publication
    if publication.status == Publication.Status.PUBLISHED:
        return Publication.objects.filter(
            revision_of=publication, status=Publication.Status.DRAFT
        ).first()
    return None
