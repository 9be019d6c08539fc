"""Blank and stale columns, and the home page's freshness: what the website inspection vetoes.

A column is a public item at the end of its branch. Its last update is the
newest of its public documents' 发布日期 and its statements' dates (情况说明).
It is blank when it never had either (内设机构 and 所属单位: when there is no
such office), and stale when its last update is older than its period
(`CatalogueItem.expected_update_days`). The whole check takes a fixed
handful of queries, however many columns there are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import F, Max, Q, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from disclosure.lib import columns as rules
from disclosure.models import CatalogueItem, ItemStatement, Office, Publication
from disclosure.selectors.latest import LISTED

Presentation = CatalogueItem.Presentation
STATEMENTS_SHOWN = 3
OFFICE_LISTS = {Presentation.SECTIONS: Office.Kind.SECTION, Presentation.UNITS: Office.Kind.UNIT}


@dataclass
class Column:
    item: CatalogueItem
    last_update: dt.date | None
    days_since: int | None  # since the last update
    period_days: int | None
    blank: bool
    stale: bool

    @property
    def takes_statements(self) -> bool:
        return self.item.presentation not in OFFICE_LISTS

    def period_label(self) -> str:
        if self.period_days is None:
            return "只查空白"
        if self.item.update_period:
            return self.item.get_update_period_display()
        return f"{self.period_days}天（按公开时限推算）"


@dataclass
class ColumnCheck:
    today: dt.date
    blank: list[Column] = field(default_factory=list)
    stale: list[Column] = field(default_factory=list)
    home_last_update: dt.date | None = None
    checked: int = 0
    blank_veto: int = rules.BLANK_COLUMNS_VETO
    stale_veto: int = rules.STALE_COLUMNS_VETO
    home_days: int = rules.HOME_PAGE_STALE_DAYS
    can_state: bool = False  # whether the reader may publish statements (情况说明)

    @property
    def blank_vetoed(self) -> bool:
        return len(self.blank) >= self.blank_veto

    @property
    def stale_vetoed(self) -> bool:
        return len(self.stale) >= self.stale_veto

    @property
    def home_days_since(self) -> int | None:
        return None if self.home_last_update is None else (self.today - self.home_last_update).days

    @property
    def home_stale(self) -> bool:
        """The home page lists nothing newer than two weeks (or nothing at all)."""
        return self.home_last_update is None or rules.is_stale(
            self.home_last_update, self.home_days, self.today
        )


def column_items(office: Office | None = None):
    """Public items at the end of their branch; given an office, those it answers for."""
    public = CatalogueItem.objects.public()
    items = public.exclude(pk__in=public.filter(parent__isnull=False).values("parent_id"))
    if office is not None:
        items = items.filter(pk__in=CatalogueItem.objects.responsible(office).values("pk"))
    return items


def _local_date(value: dt.datetime | None) -> dt.date | None:
    return None if value is None else timezone.localdate(value)


def column_check(
    today: dt.date, office: Office | None = None, *, can_state: bool = False
) -> ColumnCheck:
    """Blank and stale columns (of `office`, or all), in tree order, and the home page's last update."""
    items = list(
        column_items(office)
        .in_tree_order()
        .select_related("parent__parent")
        .prefetch_related("offices")
    )
    ids = [item.pk for item in items]
    documents = {
        row["item"]: _local_date(row["last"])
        for row in Publication.objects.public()
        .filter(item__in=ids)
        .order_by()
        .values("item")
        .annotate(last=Max("published_at"))
    }
    statements = {
        row["item"]: row["last"]
        for row in ItemStatement.objects.filter(item__in=ids, stated_on__lte=today)
        .order_by()
        .values("item")
        .annotate(last=Max("stated_on"))
    }
    kinds = set()
    if any(item.presentation in OFFICE_LISTS for item in items):
        kinds = set(Office.objects.filter(is_active=True).values_list("kind", flat=True))
    home = Publication.objects.public().filter(item__presentation__in=LISTED)
    check = ColumnCheck(
        today=today,
        home_last_update=_local_date(home.aggregate(last=Max("published_at"))["last"]),
        checked=len(items),
        can_state=can_state,
    )
    for item in items:
        dates = [day for day in (documents.get(item.pk), statements.get(item.pk)) if day]
        last = max(dates) if dates else None
        if item.presentation in OFFICE_LISTS:
            blank = OFFICE_LISTS[item.presentation] not in kinds
        else:
            blank = last is None
        period = item.expected_update_days()
        since = None if last is None else (today - last).days
        column = Column(item, last, since, period, blank, rules.is_stale(last, period, today))
        if column.blank:
            check.blank.append(column)
        elif column.stale:
            check.stale.append(column)
    return check


def statements_to_show(item: CatalogueItem, documents) -> list[ItemStatement]:
    """The statements a column's page shows: its latest, when it has no public document;
    otherwise those newer than its newest document (`documents`: its public ones): dated
    after it, or on its day and published after it.

    One query: the newest document's date and time are subqueries.
    """
    newest = documents.order_by("-published_at")
    statements = (
        ItemStatement.objects.filter(item=item, stated_on__lte=timezone.localdate())
        .annotate(
            newest_at=Subquery(newest.values("published_at")[:1]),
            newest_on=Subquery(newest.annotate(day=TruncDate("published_at")).values("day")[:1]),
        )
        .filter(
            Q(newest_at__isnull=True)
            | Q(stated_on__gt=F("newest_on"))
            | Q(stated_on=F("newest_on"), created_at__gt=F("newest_at"))
        )
    )
    return list(statements.order_by("-stated_on", "-id")[:STATEMENTS_SHOWN])
