from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from disclosure.admin.base import DeclaredLookupsOnly
from disclosure.models import Channel, Office
from disclosure.services.content import content_changed


@admin.register(Office)
class OfficeAdmin(DeclaredLookupsOnly, SimpleHistoryAdmin):
    list_display = ["name", "kind", "head", "phone", "order", "is_active"]
    list_editable = ["order"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "duties", "head"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "order", "is_active"]}),
        ("公开信息", {"fields": ["duties", "head", "address", "office_hours", "phone"]}),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        content_changed()

    def has_delete_permission(self, request, obj=None):
        # Offices are deactivated, not deleted: items and staff refer to them.
        return False


@admin.register(Channel)
class ChannelAdmin(DeclaredLookupsOnly, admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        content_changed()
