"""Everything `manage.py seed_demo` adds, in one call that is safe to repeat."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from demo.applications import create_applications
from demo.bulk import create_bulk_documents
from demo.consultations import create_consultations
from demo.documents import create_documents
from demo.reports import create_report_material
from demo.site import fill_contact_details
from demo.staff import Accounts, ensure_staff
from demo.statements import create_statements
from disclosure.models import InformationRequest, ItemStatement, Publication
from disclosure.services.content import content_changed


@dataclass(frozen=True)
class Seeded:
    filled: int  # blank contact fields filled in
    made: int  # documents, consultations and statements created
    # The demo applications as (number, query code, state) lines, kept in a
    # file beside the accounts; None until there is such a file.
    applications: str | None
    added: int  # published documents added for benchmarks
    accounts: list[tuple[str, str, str, str]]  # (office, username, password, role)


def seed(accounts_file: Path, documents: int = 0) -> Seeded:
    """Demo content, added once: contact details, staff, documents, consultations,
    statements, applications; then `documents` more published documents, every time."""
    with transaction.atomic():
        filled = fill_contact_details()
        accounts = Accounts(accounts_file)
        lines = ensure_staff(accounts)
        accounts.save()
        demo_users = User.objects.filter(username__in=[line[1] for line in lines])
        if Publication.objects.filter(created_by__in=demo_users).exists():
            made = 0
        else:
            made = create_documents()
        applications_file = accounts_file.with_name("demo-applications.tsv")
        if not Publication.objects.filter(opens_on__isnull=False).exists():
            made += create_consultations()
        if not ItemStatement.objects.exists():
            made += create_statements()
        if not InformationRequest.objects.exists():
            lines_made = create_applications() + create_report_material()
            applications_file.parent.mkdir(parents=True, exist_ok=True)
            applications_file.write_text(
                "".join("\t".join(line) + "\n" for line in lines_made), encoding="utf-8"
            )
    applications = (
        applications_file.read_text(encoding="utf-8").rstrip()
        if applications_file.exists()
        else None
    )
    added = create_bulk_documents(documents) if documents else 0
    with transaction.atomic():
        content_changed()
    return Seeded(filled, made, applications, added, lines)
