"""Office staff propose changes to the 内设机构 / 所属单位 particulars; a reviewer approves them."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html_join

from disclosure import permissions
from disclosure.admin.base import DeclaredLookupsOnly, person_column
from disclosure.admin.filters import as_id
from disclosure.admin.transitions import transition_view
from disclosure.models import PROFILE_FIELDS, Office, OfficeProfileChange
from disclosure.services import (
    WorkflowError,
    office_change_approve,
    office_change_return,
    office_change_save_draft,
    office_change_submit,
)

Status = OfficeProfileChange.Status

ACTIONS = {
    "submit": {"title": "提交审核", "check": permissions.can_edit_profile_change, "text": None},
    "return": {
        "title": "退回修改",
        "check": permissions.can_review_profile_change,
        "text": "退回原因",
    },
    "approve_profile": {
        "title": "批准生效",
        "check": permissions.can_review_profile_change,
        "text": None,
    },
}


@admin.register(OfficeProfileChange)
class OfficeProfileChangeAdmin(DeclaredLookupsOnly, admin.ModelAdmin):
    list_display = ["office", "status", "created_by_name", "created_at", "reviewed_by_name"]
    created_by_name = person_column("created_by", "起草人")
    reviewed_by_name = person_column("reviewed_by", "审核人")
    list_filter = ["status"]
    fields = ["office", *PROFILE_FIELDS]
    change_form_template = "admin/disclosure/officeprofilechange/change_form.html"

    def has_module_permission(self, request):
        return permissions.profile_offices(request.user).exists()

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return permissions.profile_changes_for(request.user).filter(pk=obj.pk).exists()

    def has_add_permission(self, request):
        return permissions.has_role(request.user, None, "editor") and self.has_module_permission(
            request
        )

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return permissions.can_edit_profile_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and permissions.can_edit_profile_change(request.user, obj)

    def get_queryset(self, request):
        queryset = (
            super().get_queryset(request).select_related("office", "created_by", "reviewed_by")
        )
        return permissions.profile_changes_for(request.user, queryset)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "office":
            kwargs["queryset"] = permissions.profile_offices(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        """A new change starts from the office's current particulars."""
        initial = super().get_changeform_initial_data(request)
        office_id = as_id(request.GET.get("office"))
        office = (
            permissions.profile_offices(request.user).filter(pk=office_id).first()
            if office_id is not None
            else None
        )
        if office is not None:
            initial |= {field: getattr(office, field) for field in PROFILE_FIELDS}
        return initial

    def add_view(self, request, form_url="", extra_context=None):
        if "office" not in request.GET and request.method == "GET":
            if not self.has_add_permission(request):
                raise PermissionDenied
            context = {
                **self.admin_site.each_context(request),
                "title": "选择要变更信息的科室或单位",
                "opts": self.model._meta,
                "offices": permissions.profile_offices(request.user),
            }
            return TemplateResponse(
                request, "admin/disclosure/officeprofilechange/choose_office.html", context
            )
        return super().add_view(request, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        try:
            office_change_save_draft(change=obj, actor=request.user)
        except WorkflowError as error:
            raise PermissionDenied(str(error)) from error

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["workflow"] = {
                "change": obj,
                "actions": [
                    (name, spec["title"])
                    for name, spec in ACTIONS.items()
                    if spec["check"](request.user, obj)
                ],
                "differences": _differences(obj),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [
            path(
                "<int:object_id>/do/<str:action>/",
                self.admin_site.admin_view(self.transition_view),
                name="disclosure_officeprofilechange_transition",
            ),
            *super().get_urls(),
        ]

    def transition_view(self, request, object_id, action):
        change = self.get_queryset(request).filter(pk=object_id).first()
        spec = ACTIONS.get(action)
        if change is None or spec is None:
            raise Http404("没有这条变更，或者它不归您的科室管理。")

        def perform(text: str) -> OfficeProfileChange:
            if action == "submit":
                return office_change_submit(change=change, actor=request.user)
            if action == "return":
                return office_change_return(change=change, actor=request.user, reason=text)
            return office_change_approve(change=change, actor=request.user)

        return transition_view(self, request, change, action, spec, perform)


def _differences(change: OfficeProfileChange):
    """The fields the change would alter, with the values now shown and proposed."""
    office: Office = change.office
    rows = [
        (
            str(OfficeProfileChange._meta.get_field(field).verbose_name),
            getattr(office, field) or "—",
            getattr(change, field) or "—",
        )
        for field in PROFILE_FIELDS
        if getattr(office, field) != getattr(change, field)
    ]
    return format_html_join("", "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>", rows)
