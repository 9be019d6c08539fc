"""The list filters of the publication admin: state, item and office, each scoped to the user."""

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone

from disclosure import permissions
from disclosure.admin.filters import IdFilter
from disclosure.models import CatalogueItem, Office, Publication

Status = Publication.Status


class StateFilter(admin.SimpleListFilter):
    title = "状态"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "草稿"),
            ("returned", "已退回"),
            ("submitted", "待审核"),
            ("scheduled", "定时发布"),
            ("published", "已发布"),
            ("withdrawn", "已撤回"),
            ("revision", "修改稿"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        value = self.value()
        if value == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, published_at__gt=now)
        if value == "published":
            return queryset.filter(status=Status.PUBLISHED, published_at__lte=now)
        if value == "revision":
            return queryset.filter(revision_of__isnull=False)
        if value == "draft":
            return queryset.filter(status=Status.DRAFT, return_reason="")
        if value == "returned":
            return queryset.filter(status=Status.DRAFT).exclude(return_reason="")
        if value in (Status.SUBMITTED, Status.WITHDRAWN):
            return queryset.filter(status=value)
        return queryset


class ItemFilter(IdFilter):
    title = "目录事项"
    parameter_name = "item"
    field = "item_id"

    def lookups(self, request, model_admin):
        mine = permissions.publications.visible(request.user).values("item")
        items = CatalogueItem.objects.filter(
            Q(pk__in=mine) | Q(pk__in=permissions.publications.items(request.user).values("pk"))
        ).select_related("parent__parent")
        return [(str(item.pk), str(item)) for item in items.in_tree_order()]


class OfficeFilter(IdFilter):
    title = "发布科室"
    parameter_name = "office"
    field = "office_id"

    def lookups(self, request, model_admin):
        if not permissions.is_admin(request.user):
            return []
        return [(str(office.pk), office.name) for office in Office.objects.all()]
