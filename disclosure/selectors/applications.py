"""Applications for information as citizens and staff look them up.

The office that receives applications, and an application found by its
number and query code (the citizen's status lookup).
"""

from __future__ import annotations

from django.contrib.auth.hashers import check_password, make_password

from disclosure.models import CatalogueItem, InformationRequest, Office


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
