"""Who may see and write the annual report, and enter the figures only staff can give it.

Each office enters its own yearly counts (行政许可, 处罚, 强制, 收费): its
staff see and change their office's rows, administrators all of them. The
行政复议 and 行政诉讼 are entered by the staff of the office that handles
applications for information, who know the cases, or by administrators.
The report itself is written by the offices responsible for its item.
"""

from __future__ import annotations

from django.db.models import QuerySet

from disclosure.models import (
    AnnualReport,
    Appeal,
    CatalogueItem,
    InformationRequest,
    Office,
    Publication,
    YearlyFigures,
)
from disclosure.permissions.base import Policy, Role, has_role, in_office, is_admin, staff_of


class YearlyFiguresPolicy(Policy):
    model = YearlyFigures

    def can_add(self, user) -> bool:
        """Any member of staff, for their own office; administrators for any office."""
        return is_admin(user) or staff_of(user) is not None

    def can_edit(self, user, figures: YearlyFigures) -> bool:
        return is_admin(user) or in_office(user, figures.office_id)

    def offices(self, user) -> QuerySet:
        """The offices whose figures the user enters."""
        if is_admin(user):
            return Office.objects.all()
        staff = staff_of(user)
        return Office.objects.filter(pk=staff.office_id) if staff else Office.objects.none()


class AppealPolicy(Policy):
    model = Appeal

    def can_add(self, user, office: Office | None) -> bool:
        """Administrators, and the staff of `office`, the one that handles applications."""
        return is_admin(user) or (office is not None and in_office(user, office.pk))

    def can_edit(self, user, appeal: Appeal) -> bool:
        return is_admin(user) or in_office(user, appeal.office_id)

    def applications(self, user) -> QuerySet:
        """The applications an appeal of the user's may concern: their office's."""
        applications = InformationRequest.objects.all()
        if is_admin(user):
            return applications
        staff = staff_of(user)
        return applications.filter(office_id=staff.office_id) if staff else applications.none()


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
