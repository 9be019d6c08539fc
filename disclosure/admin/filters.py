"""List filters shared by the admin pages."""

from __future__ import annotations

import re

from django.contrib import admin

_ID = re.compile(r"[0-9]{1,18}")


def as_id(value: str | None) -> int | None:
    """A database id from a query parameter, or None for anything else ("²", "1e3", "")."""
    return int(value) if value is not None and _ID.fullmatch(value) else None


class IdFilter(admin.SimpleListFilter):
    """A filter on one foreign key, by id; an odd value filters everything out."""

    field: str

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        pk = as_id(value)
        return queryset.filter(**{self.field: pk}) if pk is not None else queryset.none()
