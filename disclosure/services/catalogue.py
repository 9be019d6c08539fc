"""State changes of the catalogue, each in one transaction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from disclosure.catalogue_excel.layout import EXTRA_COLUMNS
from disclosure.catalogue_excel.rows import ROW_FIELDS, ImportRow
from disclosure.models import CatalogueItem, Publication
from disclosure.services.content import content_changed
from disclosure.services.deadlines import refresh_due_dates


@transaction.atomic
def catalogue_item_save(*, item: CatalogueItem) -> CatalogueItem:
    """Validate and save an item; moving it carries its descendants' levels along."""
    item.full_clean()
    item.save()
    _relevel_children(item)
    refresh_due_dates(item.publications.all())
    content_changed()
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
    count = CatalogueItem.objects.filter(pk__in=[item.pk for item in items]).update(
        is_active=active
    )
    content_changed()
    return count


@dataclass
class ImportSummary:
    """What an import does (or, before confirmation, would do) to the catalogue."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    added_items: list[str] = field(default_factory=list)
    changed_items: list[tuple[str, list[str]]] = field(default_factory=list)
    # Each item the file leaves out, with how many public documents it takes off the site.
    deactivated_items: list[tuple[str, int]] = field(default_factory=list)

    @property
    def hidden_documents(self) -> int:
        return sum(count for _, count in self.deactivated_items)

    def fingerprint(self) -> list:
        """Equal for equal effects: a preview is still right if its fingerprint is."""
        return [self.added_items, self.changed_items, self.deactivated_items]


class CatalogueImportError(Exception):
    """A row the catalogue cannot take; the message, with its row number, is for the administrator."""


# Read from the file only where it has these columns.
OPTIONAL_FIELDS = list(EXTRA_COLUMNS.values())


def catalogue_import(*, rows: list[ImportRow], apply: bool = True) -> ImportSummary:
    """Make the catalogue what the rows say; with `apply=False`, only say what that would do.

    Items are matched by their names under the same parent. Rows update the
    matching items or create new ones, in the rows' order; active items the
    rows do not name are deactivated, never deleted. A preview runs the very
    same changes and rolls them back.
    """
    with transaction.atomic():
        summary = _import(rows)
        content_changed()
        if not apply:
            transaction.set_rollback(True)
    return summary


def _import(rows: list[ImportRow]) -> ImportSummary:
    summary = ImportSummary()
    items = list(CatalogueItem.objects.all())
    by_key = {(item.parent_id, item.name): item for item in items}
    by_slug = {(item.parent_id, item.slug): item for item in items}
    seen: set[int] = set()
    positions: dict[int | None, int] = defaultdict(int)

    for row in rows:
        parent = None
        for depth, name in enumerate(row.path):
            parent_id = parent.id if parent else None
            leaf = depth == len(row.path) - 1
            # A row with its 网址标识 names its item by it: a new name is a rename.
            item = (
                by_slug.get((parent_id, row.slug)) if leaf and row.slug else None
            ) or by_key.get((parent_id, name))
            if item is not None and item.id in seen:
                parent = item
                continue
            positions[parent_id] += 1
            values = {"name": name, "order": positions[parent_id], "is_active": True}
            if item is not None and not leaf:
                values["order"] = item.order  # an item above the rows keeps its place
            related = {}
            if leaf:
                values |= {field: getattr(row, field) for field in ROW_FIELDS}
                values |= {
                    field: getattr(row, field)
                    for field in OPTIONAL_FIELDS
                    if getattr(row, field) is not None
                }
                related = {"channels": row.channels, "offices": row.offices}
            path = "/".join(row.path[: depth + 1])
            if item is None:
                item = CatalogueItem(parent=parent, name=name)
                summary.created += 1
                summary.added_items.append(path)
            else:
                changed = _changes(item, values, related)
                if changed:
                    summary.updated += 1
                    summary.changed_items.append((path, changed))
                else:
                    summary.unchanged += 1
            for field_name, value in values.items():
                setattr(item, field_name, value)
            taken = by_slug.get((parent_id, item.slug)) if item.slug else None
            if taken is not None and taken.pk != item.pk:
                raise CatalogueImportError(
                    f"第{row.number}行：网址标识“{item.slug}”已被同级事项“{taken.name}”使用。"
                )
            try:
                catalogue_item_save(item=item)
            except ValidationError as error:
                raise CatalogueImportError(
                    f"第{row.number}行：" + "；".join(error.messages).rstrip("。") + "。"
                ) from error
            for field_name, objects in related.items():
                getattr(item, field_name).set(objects)
            by_key[(parent_id, name)] = item
            by_slug[(parent_id, item.slug)] = item
            seen.add(item.id)
            parent = item

    leaving = CatalogueItem.objects.filter(is_active=True).exclude(id__in=seen)
    public = Publication.objects.public()
    for item in leaving.select_related("parent__parent").in_tree_order():
        summary.deactivated_items.append((str(item), public.filter(item=item).count()))
    summary.deactivated = leaving.update(is_active=False)
    return summary


def _changes(item: CatalogueItem, values: dict, related: dict) -> list[str]:
    """The names (as the admin shows them) of the fields the import would change."""
    changed = [
        str(CatalogueItem._meta.get_field(name).verbose_name)
        for name, value in values.items()
        if getattr(item, name) != value
    ]
    changed += [
        str(CatalogueItem._meta.get_field(name).verbose_name)
        for name, objects in related.items()
        if set(getattr(item, name).all()) != set(objects)
    ]
    return changed
