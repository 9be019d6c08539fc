"""Who enters the figures of the annual report that only staff can give.

Each office enters its own yearly counts (行政许可, 处罚, 强制, 收费): its
staff see and change their office's rows, administrators all of them. The
行政复议 and 行政诉讼 are entered by the staff of the office that handles
applications for information, who know the cases, or by administrators.
"""

from __future__ import annotations

from django.db.models import QuerySet

from disclosure.models import Appeal, InformationRequest, Office, YearlyFigures
from disclosure.permissions.base import Policy, in_office, is_admin, staff_of


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
