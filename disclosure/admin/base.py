"""What every model admin of the portal shares."""

from __future__ import annotations

import re

from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from disclosure import permissions
from disclosure.admin.workflow import Step, step_view
from disclosure.lib.names import person_name
from disclosure.permissions.base import Policy
from disclosure.services.content import content_changed

# What Django's own list filters put in the query string after the field's
# path: an exact value, an emptiness test or a date range.
_FILTER_SUFFIX = r"(?:__(?:id|pk))?__(?:exact|isnull|gte|lt)"
_DATE_PARTS = r"__(?:year|month|day)"


class ChangesPublicPages:
    """Objects that public pages show: a save or deletion here changes the content version.

    With `public_on_save = False` only deletions do (a draft's saves change no public page;
    the services that publish record the change themselves).
    """

    public_on_save = True

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if self.public_on_save:
            content_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        content_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        content_changed()


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


class OfficeScopedAdmin(DeclaredLookupsOnly, admin.ModelAdmin):
    """A model admin that shows each member of staff what their office may see, and no more.

    The list, every object URL and the permissions come from `policy`
    (`disclosure.permissions`): `visible(user)` scopes the queryset, so an
    object of another office is not found at all; `can(user, "edit", obj)` and
    `can(user, "delete", obj)` answer for the change and delete views. The
    workflow `steps` get one URL each, `<id>/do/<step>/`, named
    `<app>_<model>_<step_url_name>`.
    """

    policy: Policy
    steps: list[Step] = []
    step_url_name = "transition"
    not_found = "没有这条记录，或者它不属于您的科室。"

    def get_queryset(self, request):
        return self.policy.visible(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return permissions.is_office_staff(request.user)

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return self.policy.visible(request.user).filter(pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return self.policy.can(request.user, "edit", obj)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and self.policy.can(request.user, "delete", obj)

    def render_page(self, request, template: str, title: str, **context):
        """One of this admin's own pages (a chooser, a form, a history)."""
        page = {**self.admin_site.each_context(request), "title": title, "opts": self.model._meta}
        return TemplateResponse(request, template, {**page, **context})

    def get_visible(self, request, object_id):
        """The object if the user may see it; otherwise 404, as if it did not exist."""
        obj = self.get_queryset(request).filter(pk=object_id).first()
        if obj is None:
            raise Http404(self.not_found)
        return obj

    def step_url(self, obj, step: Step) -> str:
        opts = self.model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}_{self.step_url_name}"
        return reverse(name, args=[obj.pk, step.name])

    def get_urls(self):
        opts = self.model._meta
        step_urls = [
            path(
                "<int:object_id>/do/<str:step>/",
                self.admin_site.admin_view(self.step_view),
                name=f"{opts.app_label}_{opts.model_name}_{self.step_url_name}",
            )
        ]
        return [
            *(step_urls if self.steps else []),
            *[
                path(route, self.admin_site.admin_view(view), name=name)
                for route, view, name in self.object_urls()
            ],
            *super().get_urls(),
        ]

    def object_urls(self) -> list[tuple]:
        """More views of this admin: (route, view, URL name) each."""
        return []

    def step_view(self, request, object_id, step):
        obj = self.get_visible(request, object_id)
        named = {each.name: each for each in self.steps}
        if step not in named:
            raise Http404("没有这个操作。")
        return step_view(self, request, obj, named[step])
