"""The figures of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号), computed from the data.

Table 二 counts the documents published under the items that stand for
规章 and 行政规范性文件, and sums what each office entered (`YearlyFigures`);
table 三 counts applications by the applicant's type and the reply; table
四 counts the 行政复议 and 行政诉讼 entered as `Appeal`. Each source is read
once, with a conditional count (or sum) per cell: five queries in all.

Every row of table 三 is counted from dates on its own, so that a record
whose dates do not fit (a reply before the receipt) shows in the 勾稽 check
rather than being balanced away.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from disclosure.lib.annual_report import (
    CARRIED_IN,
    CARRIED_OUT,
    COLUMNS,
    HANDLED,
    RECEIVED,
    WAN,
    YUAN,
    AnnualFigures,
    Check,
    ColumnCheck,
    Outcomes,
    Regulations,
    Table2,
    Table3,
    Table3Row,
    Table4,
    figures_of,
)
from disclosure.models import (
    Appeal,
    CatalogueItem,
    FeeNotice,
    InformationRequest,
    Publication,
    ReplyType,
    YearlyFigures,
)

ApplicantType = InformationRequest.ApplicantType
Role = CatalogueItem.ReportRole

# The 本年度办理结果 headings, numbered as the format numbers them.
GROUP_NUMBERS = {
    "予以公开": "（一）",
    "部分公开": "（二）",
    "不予公开": "（三）",
    "无法提供": "（四）",
    "不予处理": "（五）",
    "其他处理": "（六）",
}
# The one heading whose words in the format say more than the reply's name.
GROUP_WORDS = {"部分公开": "部分公开（区分处理的，只计这一情形，不计其他情形）"}


def _reply_rows() -> list[tuple[ReplyType, str, str]]:
    """Each reply with its row label and heading: ("1.属于国家秘密", "（三）不予公开")."""
    rows = []
    numbers: dict[str, int] = {}
    for reply in ReplyType:
        group = reply.report_group
        heading = GROUP_NUMBERS[group] + GROUP_WORDS.get(group, group)
        if reply.report_row == group:
            rows.append((reply, heading, ""))
            continue
        numbers[group] = numbers.get(group, 0) + 1
        rows.append((reply, f"{numbers[group]}.{reply.report_row}", heading))
    return rows


REPLY_ROWS = _reply_rows()


# -- computing them -------------------------------------------------------------------------


def annual_figures(year: int) -> AnnualFigures:
    """Tables 二, 三 and 四 of `year`'s report, the check under table 三, and the fees."""
    table3 = _table3(year)
    fees_collected, fee_notices = _fees(year)
    return figures_of(
        year=year,
        table2=_table2(year),
        table3=table3,
        table4=_table4(year),
        check=_check(table3),
        fees_collected=fees_collected,
        fee_notices=fee_notices,
    )


def _first_day(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def _last_day(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def _under(role: str) -> Q:
    """Documents under an item with `role`, or under one of its descendants."""
    return (
        Q(item__report_role=role)
        | Q(item__parent__report_role=role)
        | Q(item__parent__parent__report_role=role)
    )


def _table2(year: int) -> Table2:
    start = timezone.make_aware(dt.datetime(year, 1, 1))
    end = timezone.make_aware(dt.datetime(year + 1, 1, 1))
    first, last = _first_day(year), _last_day(year)
    issued = Q(published_at__gte=start, published_at__lt=end)
    repealed = Q(
        validity=Publication.Validity.REPEALED,
        validity_changed_on__gte=first,
        validity_changed_on__lte=last,
    )
    ended = Q(
        validity__in=[Publication.Validity.EXPIRED, Publication.Validity.REPEALED],
        validity_changed_on__lte=last,
    )
    in_force = Q(published_at__lt=end) & ~ended
    counts = {}
    for role in (Role.RULES, Role.NORMATIVE):
        counts |= {
            f"{role}_issued": Count("pk", filter=_under(role) & issued),
            f"{role}_repealed": Count("pk", filter=_under(role) & repealed),
            f"{role}_in_force": Count("pk", filter=_under(role) & in_force),
        }
    documents = Publication.objects.filter(
        status=Publication.Status.PUBLISHED, revision_of__isnull=True
    ).aggregate(**counts)
    entered = YearlyFigures.objects.filter(year=year).aggregate(
        licences=Coalesce(Sum("licences"), 0),
        penalties=Coalesce(Sum("penalties"), 0),
        coercions=Coalesce(Sum("coercions"), 0),
        fees=Coalesce(Sum("fees"), Decimal(0), output_field=DecimalField()),
    )

    def regulations(role: str) -> Regulations:
        return Regulations(*(documents[f"{role}_{n}"] for n in ("issued", "repealed", "in_force")))

    return Table2(
        rules=regulations(Role.RULES),
        normative=regulations(Role.NORMATIVE),
        licences=entered["licences"],
        penalties=entered["penalties"],
        coercions=entered["coercions"],
        fees=Decimal(entered["fees"]).quantize(WAN),
    )


def _open_at_end_of(day: dt.date) -> Q:
    """Not yet answered (replied, or closed without a reply) when `day` ended.

    An application marked answered that has no date at all counts as
    answered whatever the day, so it is never carried over: the year it was
    received then does not balance, and the check shows it. (Written without
    a negation: NOT over a missing date would leave open applications out.)
    """
    Status = InformationRequest.Status
    return Q(answered_on__gt=day) | (
        Q(answered_on__isnull=True) & ~Q(status__in=[Status.ANSWERED, Status.CLOSED])
    )


def _table3(year: int) -> Table3:
    first, last = _first_day(year), _last_day(year)
    received = Q(received_on__gte=first, received_on__lte=last)
    carried_in = Q(received_on__lt=first) & _open_at_end_of(first - dt.timedelta(days=1))
    carried_out = Q(received_on__lte=last) & _open_at_end_of(last)
    handled = Q(received_on__lte=last, answered_on__gte=first, answered_on__lte=last)
    counts = {
        "received": Count("pk", filter=received),
        "carried_in": Count("pk", filter=carried_in),
        "carried_out": Count("pk", filter=carried_out),
        **{
            f"reply_{reply.value}": Count("pk", filter=handled & Q(reply_type=reply))
            for reply, _, _ in REPLY_ROWS
        },
    }
    rows = (
        InformationRequest.objects.filter(received_on__isnull=False)
        .alias(answered_on=Coalesce("replied_on", "closed_on"))
        .order_by()
        .values("applicant_type")
        .annotate(**counts)
    )
    by_type = {row["applicant_type"]: row for row in rows}

    def values(key: str) -> tuple[int, ...]:
        cells = [by_type.get(kind, {}).get(key, 0) for kind in ApplicantType.values]
        return (*cells, sum(cells))

    replies = [
        Table3Row(label, group, values(f"reply_{reply.value}"))
        for reply, label, group in REPLY_ROWS
    ]
    totals = tuple(sum(column) for column in zip(*(row.values for row in replies), strict=True))
    return Table3(
        (
            Table3Row(RECEIVED, "", values("received")),
            Table3Row(CARRIED_IN, "", values("carried_in")),
            *replies,
            Table3Row(HANDLED, "", totals),
            Table3Row(CARRIED_OUT, "", values("carried_out")),
        )
    )


def _check(table3: Table3) -> Check:
    rows = [table3.row(label).values for label in (RECEIVED, CARRIED_IN, HANDLED, CARRIED_OUT)]
    return Check(
        tuple(
            ColumnCheck(column, *(row[index] for row in rows))
            for index, column in enumerate(COLUMNS)
        )
    )


def _table4(year: int) -> Table4:
    first, last = _first_day(year), _last_day(year)
    Kind, Route, Result = Appeal.Kind, Appeal.Route, Appeal.Result
    decided = Q(decided_on__gte=first, decided_on__lte=last)
    pending = Q(filed_on__lte=last) & (Q(decided_on__isnull=True) | Q(decided_on__gt=last))
    blocks = {
        "review": Q(kind=Kind.REVIEW),
        "direct": Q(kind=Kind.SUIT, route=Route.DIRECT),
        "after_review": Q(kind=Kind.SUIT, route=Route.AFTER_REVIEW),
    }
    outcomes = (Result.UPHELD, Result.CORRECTED, Result.OTHER)
    counts = {}
    for name, block in blocks.items():
        for result in outcomes:
            counts[f"{name}_{result}"] = Count("pk", filter=block & decided & Q(result=result))
        counts[f"{name}_pending"] = Count("pk", filter=block & pending)
    found = Appeal.objects.aggregate(**counts)

    def outcome(name: str) -> Outcomes:
        return Outcomes(*(found[f"{name}_{key}"] for key in [*outcomes, "pending"]))

    return Table4(
        review=outcome("review"),
        direct_suit=outcome("direct"),
        suit_after_review=outcome("after_review"),
    )


def _fees(year: int) -> tuple[Decimal, int]:
    """信息处理费 paid in the year (元), and the fee notices applicants received in it."""
    first, last = _first_day(year), _last_day(year)
    found = FeeNotice.objects.aggregate(
        paid=Coalesce(
            Sum("amount", filter=Q(paid_on__gte=first, paid_on__lte=last)),
            Decimal(0),
            output_field=DecimalField(),
        ),
        notices=Count("pk", filter=Q(notified_on__gte=first, notified_on__lte=last)),
    )
    return Decimal(found["paid"]).quantize(YUAN), found["notices"]
