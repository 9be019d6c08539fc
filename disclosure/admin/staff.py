from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from disclosure.admin.base import DeclaredLookupsOnly, person_column
from disclosure.models import StaffMember


class StaffMemberInline(admin.StackedInline):
    model = StaffMember
    can_delete = False
    verbose_name = "科室与角色"
    verbose_name_plural = "科室与角色"
    help_text = "管理员（超级用户）不需要填写。"


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(DeclaredLookupsOnly, UserAdmin):
    inlines = [StaffMemberInline]
    list_display = ["username", "full_name", "office", "role", "is_active", "is_superuser"]
    list_select_related = ["staff__office"]
    list_filter = ["staff__office", "staff__role", "is_active", "is_superuser"]

    full_name = person_column(None, "姓名")

    def get_fieldsets(self, request, obj=None):
        """Names in Chinese order: family name (姓) before given name (名)."""
        fieldsets = super().get_fieldsets(request, obj)
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        {"first_name": "last_name", "last_name": "first_name"}.get(f, f)
                        for f in options["fields"]
                    ],
                },
            )
            for name, options in fieldsets
        ]

    @admin.display(description="科室或单位", ordering="staff__office__name")
    def office(self, obj):
        staff = getattr(obj, "staff", None)
        return staff.office if staff else "—"

    @admin.display(description="角色")
    def role(self, obj):
        staff = getattr(obj, "staff", None)
        return staff.get_role_display() if staff else ("管理员" if obj.is_superuser else "—")
