from django.contrib import admin
from django.db import models
from django.shortcuts import redirect

from disclosure.admin.base import DeclaredLookupsOnly
from disclosure.models import SiteProfile
from disclosure.services.content import content_changed


@admin.register(SiteProfile)
class SiteProfileAdmin(DeclaredLookupsOnly, admin.ModelAdmin):
    # An address typed without its scheme is taken as https, as government sites are.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "address", "postcode", "phone", "email", "office_hours"]}),
        (
            "网站标识与备案信息",
            {"fields": ["domain", "website_code", "conac_url", "icp_record", "police_record"]},
        ),
        ("页脚链接", {"fields": ["portal_name", "portal_url", "hotline_url", "services_url"]}),
    ]

    def changelist_view(self, request, extra_context=None):
        profile, _ = SiteProfile.objects.get_or_create(id=1)
        return redirect("admin:disclosure_siteprofile_change", profile.pk)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        content_changed()

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
