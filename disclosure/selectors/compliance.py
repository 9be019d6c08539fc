"""What is due, overdue and late: the reads behind the compliance dashboard and report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from disclosure.lib.deadlines import (
    AfterQuarter,
    MonthlyDate,
    RuleError,
    YearlyDate,
    due_date,
    quarter_end,
)
from disclosure.lib.workdays import Calendar
from disclosure.models import (
    CatalogueItem,
    HolidaySchedule,
    InformationRequest,
    Office,
    Publication,
)

Status = Publication.Status
DUE_SOON_WORKDAYS = 5
OPEN = [Status.DRAFT, Status.SUBMITTED]


def overdue(rows: QuerySet, today: dt.date, *, open_states=OPEN) -> QuerySet:
    """Still open (documents: not yet published), and past their due date."""
    return rows.filter(status__in=open_states, due_date__lt=today)


def due_soon(rows: QuerySet, today: dt.date, calendar: Calendar, *, open_states=OPEN) -> QuerySet:
    """Still open, due today or within the next few working days."""
    horizon = calendar.add_workdays(today, DUE_SOON_WORKDAYS)
    return rows.filter(status__in=open_states, due_date__gte=today, due_date__lte=horizon)


def published_late(publications: QuerySet, year: int) -> QuerySet:
    """Published this year after their due date; a scheduled one only once its time has come."""
    return publications.filter(
        status=Status.PUBLISHED,
        on_time=False,
        published_at__year=year,
        published_at__lte=timezone.now(),
    )


ApplicationStatus = InformationRequest.Status


# The reply clock runs while an application is in hand, its reply under review included.
CLOCK_RUNNING = [ApplicationStatus.RECEIVED, ApplicationStatus.REPLY_REVIEW]


def applications_overdue(applications: QuerySet, today: dt.date) -> QuerySet:
    """Applications whose reply clock is running and has run out."""
    return overdue(applications, today, open_states=CLOCK_RUNNING)


def applications_due_soon(applications: QuerySet, today: dt.date, calendar: Calendar) -> QuerySet:
    return due_soon(applications, today, calendar, open_states=CLOCK_RUNNING)


def applications_to_confirm(applications: QuerySet) -> QuerySet:
    """Online applications nobody has confirmed receiving yet."""
    return applications.filter(status=ApplicationStatus.SUBMITTED)


def corrections_lapsed(applications: QuerySet, today: dt.date) -> QuerySet:
    return applications.filter(status=ApplicationStatus.CORRECTION, correction_deadline__lt=today)


def fees_lapsed(applications: QuerySet, today: dt.date) -> QuerySet:
    """Waiting for a 信息处理费 whose last day to pay has passed."""
    return applications.filter(
        status=ApplicationStatus.FEE, fee_notice__pay_by__lt=today
    ).select_related("fee_notice")


@dataclass
class Expected:
    """A periodic publication the rule calls for, and whether it has been published."""

    item: CatalogueItem
    period: str
    start: dt.date
    end: dt.date
    due: dt.date
    publication: Publication | None


def _periods(rule, today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """The period just ended and the current one, as (label, first day, last day)."""
    if isinstance(rule, YearlyDate):
        return [
            (f"{year}年度", dt.date(year, 1, 1), dt.date(year, 12, 31))
            for year in (today.year - 1, today.year)
        ]
    if isinstance(rule, AfterQuarter):
        quarter = (today.month - 1) // 3
        previous = (today.year, quarter - 1) if quarter else (today.year - 1, 3)
        periods = []
        for year, q in (previous, (today.year, quarter)):
            first = dt.date(year, q * 3 + 1, 1)
            periods.append((f"{year}年第{q + 1}季度", first, quarter_end(first)))
        return periods
    if isinstance(rule, MonthlyDate):
        this_month = today.replace(day=1)
        last_month = (this_month - dt.timedelta(days=1)).replace(day=1)
        next_month = (this_month + dt.timedelta(days=32)).replace(day=1)
        return [
            (
                f"{last_month.year}年{last_month.month}月",
                last_month,
                this_month - dt.timedelta(days=1),
            ),
            (
                f"{this_month.year}年{this_month.month}月",
                this_month,
                next_month - dt.timedelta(days=1),
            ),
        ]
    return []


def expected_publications(
    items, publications: QuerySet, today: dt.date, calendar: Calendar
) -> list[Expected]:
    """For items with a yearly, quarterly or monthly rule: the last and current periods.

    A period counts as published when a public document under the item has
    its information date in the period; otherwise it shows as due (or overdue)
    even before anyone has drafted it.
    """
    expected = []
    for item in items:
        try:
            rule = item.deadline()
        except RuleError:
            continue
        for label, first, last in _periods(rule, today):
            found = (
                publications.filter(item=item, status=Status.PUBLISHED)
                .filter(Q(formed_on__range=(first, last)) | Q(approved_on__range=(first, last)))
                .first()
            )
            expected.append(
                Expected(item, label, first, last, due_date(rule, last, calendar), found)
            )
    return expected


def items_with_deadlines(office: Office | None = None) -> QuerySet:
    """Active leaf items with a deadline rule; given an office, those it answers for."""
    items = CatalogueItem.objects.filter(is_active=True, children__isnull=True).exclude(
        deadline_text=""
    )
    if office is not None:
        items = items.filter(pk__in=CatalogueItem.objects.responsible(office).values("pk"))
    return items


def application_dashboard(applications: QuerySet, today: dt.date, calendar: Calendar) -> dict:
    """Applications overdue, due within five working days, unconfirmed, or lapsed (correction or fee)."""
    applications = applications.select_related("office")
    late = list(applications_overdue(applications, today).order_by("due_date"))
    for application in late:
        application.workdays_overdue = calendar.workdays_between(application.due_date, today)
    return {
        "applications_overdue": late,
        "applications_due_soon": list(
            applications_due_soon(applications, today, calendar).order_by("due_date")
        ),
        "applications_to_confirm": list(
            applications_to_confirm(applications).order_by("submitted_at")
        ),
        "corrections_lapsed": list(corrections_lapsed(applications, today)),
        "fees_lapsed": list(fees_lapsed(applications, today).order_by("fee_notice__pay_by")),
    }


def dashboard(
    publications: QuerySet, items: QuerySet, today: dt.date, applications: QuerySet | None = None
) -> dict:
    """What is overdue, due soon, expected and published late, grouped by office."""

    calendar = HolidaySchedule.objects.calendar()
    application_part = application_dashboard(
        InformationRequest.objects.none() if applications is None else applications, today, calendar
    )
    publications = publications.select_related("item", "office")
    late = list(overdue(publications, today).order_by("due_date"))
    soon = list(due_soon(publications, today, calendar).order_by("due_date"))
    for publication in late:
        publication.workdays_overdue = calendar.workdays_between(publication.due_date, today)
    expected = [
        entry
        for entry in expected_publications(items, Publication.objects.all(), today, calendar)
        if entry.publication is None
    ]
    published = list(published_late(publications, today.year).order_by("-published_at"))
    offices = sorted(
        {p.office for p in [*late, *soon, *published]}, key=lambda office: (office.order, office.id)
    )
    summary = [
        {
            "office": office,
            "overdue": sum(p.office_id == office.id for p in late),
            "due_soon": sum(p.office_id == office.id for p in soon),
            "published_late": sum(p.office_id == office.id for p in published),
        }
        for office in offices
    ]
    return {
        **application_part,
        "today": today,
        "horizon": calendar.add_workdays(today, DUE_SOON_WORKDAYS),
        "due_soon_days": DUE_SOON_WORKDAYS,
        "overdue": late,
        "due_soon": soon,
        "expected": expected,
        "published_late": published,
        "summary": summary,
        "guessed_years": calendar.guessed_years(today, calendar.add_workdays(today, 30)),
    }
