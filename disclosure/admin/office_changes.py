"""Office staff propose changes to the 内设机构 / 所属单位 particulars; a reviewer approves them."""

from functools import partial

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html_join

from disclosure import permissions
from disclosure.admin.base import OfficeScopedAdmin, person_column
from disclosure.admin.filters import as_id
from disclosure.admin.workflow import Step, step_links, text_form
from disclosure.exceptions import WorkflowError
from disclosure.models import PROFILE_FIELDS, Office, OfficeProfileChange
from disclosure.services.offices import (
    office_change_approve,
    office_change_return,
    office_change_save_draft,
    office_change_submit,
)

SUBMIT = "提交后由本科室审核人审核，审核期间不能修改。"
APPROVE = "批准后，网站“内设机构”“所属单位”页面立即显示变更后的信息，原信息保留在历史记录中。"

step = partial(Step, policy=permissions.office_changes, target="change")

# One row a step: its name (the URL's and the policy's), title and service; then what it asks and says.
# fmt: off
STEPS = [
    step("submit", "提交审核", office_change_submit, help=SUBMIT),
    step("return", "退回修改", office_change_return, form=text_form("退回原因", field="text"), arguments=(("reason", "text"),)),
    step("approve_profile", "批准生效", office_change_approve, help=APPROVE),
]
# fmt: on


@admin.register(OfficeProfileChange)
class OfficeProfileChangeAdmin(OfficeScopedAdmin):
    policy = permissions.office_changes
    steps = STEPS
    not_found = "没有这条变更，或者它不归您的科室管理。"
    list_display = ["office", "status", "created_by_name", "created_at", "reviewed_by_name"]
    created_by_name = person_column("created_by", "起草人")
    reviewed_by_name = person_column("reviewed_by", "审核人")
    list_filter = ["status"]
    fields = ["office", *PROFILE_FIELDS]
    change_form_template = "admin/disclosure/officeprofilechange/change_form.html"

    def has_module_permission(self, request):
        return permissions.office_changes.offices(request.user).exists()

    def has_add_permission(self, request):
        return permissions.office_changes.can_add(request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("office", "created_by", "reviewed_by")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "office":
            kwargs["queryset"] = permissions.office_changes.offices(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        """A new change starts from the office's current particulars."""
        initial = super().get_changeform_initial_data(request)
        office_id = as_id(request.GET.get("office"))
        office = (
            permissions.office_changes.offices(request.user).filter(pk=office_id).first()
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
            return self.render_page(
                request,
                "admin/disclosure/officeprofilechange/choose_office.html",
                "选择要变更信息的科室或单位",
                offices=permissions.office_changes.offices(request.user),
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
                "steps": step_links(self, request, obj),
                "differences": _differences(obj),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)


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
