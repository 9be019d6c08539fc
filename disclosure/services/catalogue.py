"""State changes of the catalogue, each in one transaction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from ..catalogue_excel import ImportRow
from ..models import CatalogueItem
from .deadlines import refresh_due_dates


@transaction.atomic
def catalogue_item_save(*, item: CatalogueItem) -> CatalogueItem:
    """Validate and save an item; moving it carries its descendants' levels along."""
    item.full_clean()
    item.save()
    _relevel_children(item)
    refresh_due_dates(item.publications.all())
    return item


def _relevel_children(item: CatalogueItem) -> None:
    for child in item.children.all():
        if child.level != item.level + 1:
            child.level = item.level + 1
            child.save(update_fields=["level"])
        _relevel_children(child)


@transaction.atomic
def catalogue_items_set_active(*, items: Iterable[CatalogueItem], active: bool) -> int:
    """Activate or deactivate items. Nothing is deleted: documents keep their item."""
    return CatalogueItem.objects.filter(pk__in=[item.pk for item in items]).update(is_active=active)


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0


ROW_FIELDS = [
    "content",
    "deadline_text",
    "publisher",
    "audience",
    "audience_note",
    "office_scope",
    "office_text",
]


@transaction.atomic
def catalogue_import(*, rows: list[ImportRow]) -> ImportSummary:
    """Make the catalogue what the rows say.

    Items are matched by their names under the same parent. Rows update the
    matching items or create new ones, in the rows' order; active items the
    rows do not name are deactivated, never deleted.
    """
    summary = ImportSummary()
    by_key = {(item.parent_id, item.name): item for item in CatalogueItem.objects.all()}
    seen: set[int] = set()
    positions: dict[int | None, int] = defaultdict(int)

    for row in rows:
        parent = None
        for depth, name in enumerate(row.path):
            parent_id = parent.id if parent else None
            item = by_key.get((parent_id, name))
            if item is not None and item.id in seen:
                parent = item
                continue
            positions[parent_id] += 1
            values = {"order": positions[parent_id], "is_active": True}
            related = {}
            if depth == len(row.path) - 1:
                values |= {field: getattr(row, field) for field in ROW_FIELDS}
                related = {"channels": row.channels, "offices": row.offices}
            if item is None:
                item = CatalogueItem(parent=parent, name=name)
                summary.created += 1
            elif _differs(item, values, related):
                summary.updated += 1
            else:
                summary.unchanged += 1
            for field, value in values.items():
                setattr(item, field, value)
            catalogue_item_save(item=item)
            for field, objects in related.items():
                getattr(item, field).set(objects)
            by_key[(parent_id, name)] = item
            seen.add(item.id)
            parent = item

    summary.deactivated = (
        CatalogueItem.objects.filter(is_active=True).exclude(id__in=seen).update(is_active=False)
    )
    return summary


def _differs(item: CatalogueItem, values: dict, related: dict) -> bool:
    if any(getattr(item, field) != value for field, value in values.items()):
        return True
    return any(
        set(getattr(item, field).all()) != set(objects) for field, objects in related.items()
    )
