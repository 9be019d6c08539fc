"""Who may handle an application for information, step by step.

Applications are handled by the staff of the receiving office: they act on
them and see the applicant's details in full; administrators see the
records, masked. An extension is approved, and a reply reviewed, by a
reviewer of that office who did not prepare the reply (four eyes).
"""

from __future__ import annotations

from disclosure.models import FeeNotice, InformationRequest, Office
from disclosure.permissions.base import Policy, Role, in_office, office_members, staff_of

Status = InformationRequest.Status


class ApplicationPolicy(Policy):
    model = InformationRequest

    def can_register(self, user, office: Office | None) -> bool:
        """Enter an application that came on paper: the receiving office's staff."""
        return office is not None and in_office(user, office.pk)

    def can_handle(self, user, application: InformationRequest) -> bool:
        """The staff of the handling office: they act on it and see the applicant's details."""
        return in_office(user, application.office_id)

    def is_reviewer(self, user, application: InformationRequest) -> bool:
        """A reviewer of the handling office, who approves extensions and reviews replies."""
        staff = staff_of(user)
        return (
            staff is not None
            and staff.office_id == application.office_id
            and staff.role == Role.REVIEWER
        )

    def reply_needs_review(self, application: InformationRequest) -> bool:
        """A reply is reviewed by another member of the office; an office of one has nobody."""
        return office_members(application.office_id) > 1

    def can_receive(self, user, application: InformationRequest) -> bool:
        return application.status == Status.SUBMITTED and self.can_handle(user, application)

    def can_correction(self, user, application: InformationRequest) -> bool:
        return (
            application.status == Status.RECEIVED
            and application.correction_requested_on is None
            and self.can_handle(user, application)
        )

    def can_correction_received(self, user, application: InformationRequest) -> bool:
        return application.status == Status.CORRECTION and self.can_handle(user, application)

    def can_third_party(self, user, application: InformationRequest) -> bool:
        return application.status == Status.RECEIVED and self.can_handle(user, application)

    def can_third_party_replied(self, user, application: InformationRequest) -> bool:
        return application.status == Status.THIRD_PARTY and self.can_handle(user, application)

    def can_fee_notice(self, user, application: InformationRequest) -> bool:
        """A 收费通知 is issued once, while the application is in hand."""
        return (
            application.status == Status.RECEIVED
            and not FeeNotice.objects.filter(application_id=application.pk).exists()
            and self.can_handle(user, application)
        )

    def can_fee_paid(self, user, application: InformationRequest) -> bool:
        return application.status == Status.FEE and self.can_handle(user, application)

    def can_extend(self, user, application: InformationRequest) -> bool:
        return (
            application.status == Status.RECEIVED
            and application.extension_days == 0
            and self.is_reviewer(user, application)
        )

    def can_answer(self, user, application: InformationRequest) -> bool:
        return application.status == Status.RECEIVED and self.can_handle(user, application)

    def can_review_answer(self, user, application: InformationRequest) -> bool:
        return (
            application.status == Status.REPLY_REVIEW
            and self.is_reviewer(user, application)
            and user.pk != application.reply_prepared_by_id
        )

    def can_approve_answer(self, user, application: InformationRequest) -> bool:
        return self.can_review_answer(user, application)

    def can_return_answer(self, user, application: InformationRequest) -> bool:
        return self.can_review_answer(user, application)

    def can_close(self, user, application: InformationRequest) -> bool:
        return application.status == Status.ANSWERED and self.can_handle(user, application)
