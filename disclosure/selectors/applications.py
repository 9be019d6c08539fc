"""Applications for information as citizens and staff look them up.

The office that receives applications, an application found by its number
and query code (the citizen's status lookup), and what its 信息处理费 is
counted from.
"""

from __future__ import annotations

from django.contrib.auth.hashers import check_password, make_password
from django.db.models import Q

from disclosure.models import CatalogueItem, FeeNotice, InformationRequest, Office


def receiving_office() -> Office:
    """The office that answers for the 公开指南 (which tells citizens how to apply)."""
    offices = Office.objects.order_by("order", "id")
    guide = CatalogueItem.objects.filter(name="公开指南", is_active=True)
    return offices.filter(catalogueitem__in=guide).first() or offices.filter(is_active=True).first()


def normalise_code(code: str) -> str:
    """A query code as typed: without spaces, in capitals."""
    return "".join(code.split()).upper()


def find_application(number: str, code: str) -> InformationRequest | None:
    """The application with this number, if the query code matches."""
    application = InformationRequest.objects.filter(number=number.strip().upper()).first()
    if application is None:
        # Spend the same time as a wrong code, so numbers cannot be probed by timing.
        make_password(code)
        return None
    return application if check_password(normalise_code(code), application.code_hash) else None


def fee_notice_of(application: InformationRequest) -> FeeNotice | None:
    """The application's 收费通知, if one was issued."""
    return FeeNotice.objects.filter(application_id=application.pk).first()


def earlier_pieces(application: InformationRequest) -> int:
    """How many pieces the applicant applied for this month before this application (按件计收).

    The applicant is known by the identity document (type and number), the
    month is the calendar month the application was received in, and
    "before" is by the day of receipt (on one day, by the order of entry).
    Each earlier application counts as one piece, or as many as its own
    per-piece fee notice counted.
    """
    received_on = application.received_on
    if received_on is None:
        return 0
    earlier = (
        InformationRequest.objects.filter(
            id_type=application.id_type,
            id_number=application.id_number,
            received_on__gte=received_on.replace(day=1),
        )
        .filter(Q(received_on__lt=received_on) | Q(received_on=received_on, pk__lt=application.pk))
        .exclude(pk=application.pk)
    )
    counted = earlier.values_list("fee_notice__method", "fee_notice__quantity")
    return sum(
        quantity if method == FeeNotice.Method.PER_PIECE else 1 for method, quantity in counted
    )
