"""The checked words (错敏词): maintained by administrators, seen by every member of staff."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from disclosure import permissions
from disclosure.admin.base import DeclaredLookupsOnly
from disclosure.models import CheckedWord


@admin.register(CheckedWord)
class CheckedWordAdmin(DeclaredLookupsOnly, SimpleHistoryAdmin):
    list_display = ["term", "correct", "severity", "note", "is_active"]
    list_filter = ["severity", "is_active"]
    search_fields = ["term", "correct", "note"]
    fields = ["term", "correct", "severity", "note", "is_active"]
    list_per_page = 100

    def has_module_permission(self, request):
        return permissions.is_office_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.is_office_staff(request.user)

    def has_add_permission(self, request):
        return permissions.is_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return permissions.is_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return permissions.is_admin(request.user)
