"""What every model admin of the portal shares."""

from __future__ import annotations

import re

from django.contrib.admin import SimpleListFilter

from disclosure.lib.names import person_name

# What Django's own list filters put in the query string after the field's
# path: an exact value, an emptiness test or a date range.
_FILTER_SUFFIX = r"(?:__(?:id|pk))?__(?:exact|isnull|gte|lt)"
_DATE_PARTS = r"__(?:year|month|day)"


class DeclaredLookupsOnly:
    """Only the declared list filters (and date hierarchy) may filter a list.

    Django's admin lets any query parameter naming a field of the model filter
    its list, `?id_number__startswith=150` for instance. Masked data could be
    read back one character at a time that way; this admits only the
    parameters of the filters shown in the sidebar.
    """

    def lookup_allowed(self, lookup, value, request=None):
        names = set()
        patterns = []
        for spec in self.get_list_filter(request) if request else self.list_filter:
            if isinstance(spec, type) and issubclass(spec, SimpleListFilter):
                names.add(spec.parameter_name)
            else:
                path = spec[0] if isinstance(spec, list | tuple) else spec
                patterns.append(re.escape(path) + _FILTER_SUFFIX)
        if self.date_hierarchy:
            patterns.append(re.escape(self.date_hierarchy) + _DATE_PARTS)
        return lookup in names or any(re.fullmatch(pattern, lookup) for pattern in patterns)


def person_column(field: str | None, description: str):
    """A column naming a member of staff family name first (王芳): `field`'s user, or the row's."""

    def column(self, obj):
        return person_name(obj if field is None else getattr(obj, field)) or "—"

    column.short_description = description
    column.admin_order_field = "last_name" if field is None else f"{field}__last_name"
    column.__name__ = f"{field or 'user'}_name"
    return column
