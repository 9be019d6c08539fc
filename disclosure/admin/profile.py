from django.contrib import admin
from django.shortcuts import redirect

from disclosure.admin.base import DeclaredLookupsOnly
from disclosure.models import SiteProfile


@admin.register(SiteProfile)
class SiteProfileAdmin(DeclaredLookupsOnly, admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["name", "address", "postcode", "phone", "email", "office_hours"]}),
        ("网站备案信息", {"fields": ["website_code", "icp_record", "police_record"]}),
    ]

    def changelist_view(self, request, extra_context=None):
        profile, _ = SiteProfile.objects.get_or_create(id=1)
        return redirect("admin:disclosure_siteprofile_change", profile.pk)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
