"""Applications for information in the admin: handled by the receiving office's staff.

The applicant's name, identity number, phone, e-mail and address are shown
in full only to the staff of the handling office, and each such view is
recorded; lists and everyone else see them masked.
"""

from __future__ import annotations

import os

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from disclosure import permissions
from disclosure.admin.applications.forms import RegisterForm
from disclosure.admin.applications.steps import STEPS
from disclosure.admin.base import DeclaredLookupsOnly, OfficeScopedAdmin, person_column
from disclosure.admin.workflow import step_links
from disclosure.exceptions import WorkflowError
from disclosure.lib.fees import yuan
from disclosure.lib.files import file_response
from disclosure.lib.masking import mask_address, mask_contact, mask_name, mask_number, mask_phone
from disclosure.models import InformationRequest, PersonalDataView
from disclosure.selectors import compliance
from disclosure.selectors.applications import fee_notice_of, receiving_office
from disclosure.services.applications import application_register
from disclosure.services.audit import log_view

Status = InformationRequest.Status

# Personal fields, and how each is masked for those who may not see it.
PERSONAL = {
    "name": mask_name,
    "id_number": mask_number,
    "legal_representative": mask_name,
    "contact_person": mask_name,
    "phone": mask_phone,
    "email": mask_contact,
    "fax": mask_phone,
    "address": mask_address,
    "postcode": lambda value: "******" if value else "",
}


def _masked_display(field: str):
    def display(self, obj):
        value = getattr(obj, field)
        return PERSONAL[field](value) if value else "—"

    display.short_description = InformationRequest._meta.get_field(field).verbose_name
    display.__name__ = f"{field}_masked"
    return display


CLOCK_FIELDS = [
    "received_on",
    "clock_start",
    "due_date",
    "correction_requested_on",
    "correction_note",
    "correction_deadline",
    "correction_received_on",
    "third_party_sent_on",
    "third_party_note",
    "third_party_replied_on",
    "paused_days",
    "extension_days",
    "extension_reason",
    "extended_on",
    "extension_approved_by_name",
]
REPLY_FIELDS = [
    "reply_type",
    "replied_on",
    "on_time",
    "reply_note",
    "reply_link",
    "reply_prepared_by_name",
    "reply_approved_by_name",
    "reply_return_reason",
    "closed_on",
    "close_note",
]
# The 收费通知, shown once there is one.
FEE_FIELDS = [
    "fee_basis",
    "fee_computed",
    "fee_reduction",
    "fee_amount",
    "fee_payment",
    "fee_notified_on",
    "fee_pay_by",
    "fee_paid_on",
]
# Read-only columns and the fields they show, for deciding whether a field says anything.
SHOWN_AS = {
    "reply_link": "reply_file",
    "extension_approved_by_name": "extension_approved_by",
    "reply_prepared_by_name": "reply_prepared_by",
    "reply_approved_by_name": "reply_approved_by",
}
# Shown even while empty: where the application stands.
ALWAYS_SHOWN = {"received_on", "due_date", "reply_type"}


def _present(application: InformationRequest | None, names: list[str]) -> list[str]:
    """The fields that say something about this application: the steps it has been through."""
    if application is None:
        return names
    shown = []
    for name in names:
        value = getattr(application, SHOWN_AS.get(name, name))
        if name in ALWAYS_SHOWN or value not in (None, "", 0):
            shown.append(name)
    return shown


class DueFilter(admin.SimpleListFilter):
    title = "答复期限"
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [("overdue", "已逾期"), ("open", "办理中（全部）")]

    def queryset(self, request, queryset):
        open_states = [
            Status.SUBMITTED,
            Status.RECEIVED,
            Status.CORRECTION,
            Status.THIRD_PARTY,
            Status.FEE,
            Status.REPLY_REVIEW,
        ]
        if self.value() == "overdue":
            return compliance.applications_overdue(queryset, timezone.localdate())
        if self.value() == "open":
            return queryset.filter(status__in=open_states)
        return queryset


@admin.register(InformationRequest)
class InformationRequestAdmin(OfficeScopedAdmin):
    policy = permissions.applications
    steps = STEPS
    step_url_name = "action"
    not_found = "没有这件申请，或者它不由您的科室办理。"

    class Media:
        css = {"all": ["admin_extra/publication.css"]}

    change_form_template = "admin/disclosure/informationrequest/change_form.html"
    list_display = [
        "number",
        "applicant_type",
        "name_masked",
        "status",
        "submitted_at",
        "received_on",
        "due_display",
        "office",
    ]
    list_filter = [DueFilter, "status", "applicant_type", "reply_type"]
    list_select_related = ["office", "fee_notice"]
    search_fields = ["number"]
    ordering = ["-submitted_at", "-id"]
    actions = None
    list_per_page = 50

    extension_approved_by_name = person_column("extension_approved_by", "延期批准人")
    reply_prepared_by_name = person_column("reply_prepared_by", "答复拟稿人")
    reply_approved_by_name = person_column("reply_approved_by", "答复审核人")
    name_masked = _masked_display("name")
    id_number_masked = _masked_display("id_number")
    legal_representative_masked = _masked_display("legal_representative")
    contact_person_masked = _masked_display("contact_person")
    phone_masked = _masked_display("phone")
    email_masked = _masked_display("email")
    fax_masked = _masked_display("fax")
    address_masked = _masked_display("address")
    postcode_masked = _masked_display("postcode")

    def has_add_permission(self, request):
        return permissions.applications.can_register(request.user, receiving_office())

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        """登记 an application that did not come through the website."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = RegisterForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            token = form.cleaned_data["token"]
            repeated = InformationRequest.objects.filter(token=token).exists()
            try:
                application, code = application_register(
                    data=form.application_data(),
                    channel=form.cleaned_data["channel"],
                    received_on=form.cleaned_data["received_on"],
                    actor=request.user,
                    token=token,
                )
            except WorkflowError as error:
                form.add_error(None, str(error))
            else:
                return self.render_page(
                    request,
                    "admin/disclosure/informationrequest/registered.html",
                    "申请已登记",
                    form=form,
                    application=application,
                    code=code,
                    repeated=repeated,
                )
        return self.render_page(
            request,
            "admin/disclosure/informationrequest/register.html",
            "登记政府信息公开申请",
            form=form,
        )

    @admin.display(description="答复期限", ordering="due_date")
    def due_display(self, obj):
        if obj.status == Status.THIRD_PARTY:
            return "暂停计算"
        if obj.status == Status.CORRECTION:
            return f"待补正（{obj.correction_deadline:%Y-%m-%d}前）"
        if obj.status == Status.FEE:
            return f"待缴费（{obj.fee_notice.pay_by:%Y-%m-%d}前）"
        if obj.due_date is None:
            return "—"
        if obj.is_open and obj.due_date < timezone.localdate():
            return format_html(
                '<strong class="overdue">{}（已逾期）</strong>', f"{obj.due_date:%Y-%m-%d}"
            )
        return f"{obj.due_date:%Y-%m-%d}"

    def get_fieldsets(self, request, obj=None):
        personal = list(PERSONAL)
        if obj is None or not permissions.applications.can(request.user, "handle", obj):
            personal = [f"{name}_masked" for name in personal]
        fieldsets = [
            ("申请", {"fields": ["number", "channel", "status", "office", "submitted_at"]}),
            ("申请人（个人信息）", {"fields": ["applicant_type", "id_type", *personal]}),
            ("所需信息", {"fields": ["description", "doc_number", "form", "delivery"]}),
            ("期限", {"fields": _present(obj, CLOCK_FIELDS)}),
        ]
        if obj is not None and fee_notice_of(obj) is not None:
            fieldsets.append(("信息处理费", {"fields": FEE_FIELDS}))
        fieldsets.append(("答复", {"fields": _present(obj, REPLY_FIELDS)}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        fields = [
            name for fieldset in self.get_fieldsets(request, obj) for name in fieldset[1]["fields"]
        ]
        return fields

    @admin.display(description="计收依据")
    def fee_basis(self, obj):
        return obj.fee_notice.basis

    @admin.display(description="按标准计算的费用")
    def fee_computed(self, obj):
        return yuan(obj.fee_notice.computed)

    @admin.display(description="减免")
    def fee_reduction(self, obj):
        notice = obj.fee_notice
        if not notice.reduction:
            return "—"
        return f"{yuan(notice.reduction)}（{notice.reduction_reason}）"

    @admin.display(description="应缴金额")
    def fee_amount(self, obj):
        notice = obj.fee_notice
        return yuan(notice.amount) if notice.amount else "免收"

    @admin.display(description="缴费方式")
    def fee_payment(self, obj):
        notice = obj.fee_notice
        way = notice.get_payment_way_display()
        return f"{way}（{notice.payment_note}）" if notice.payment_note else way

    @admin.display(description="申请人收到收费通知日期")
    def fee_notified_on(self, obj):
        return f"{obj.fee_notice.notified_on:%Y-%m-%d}"

    @admin.display(description="缴费期限")
    def fee_pay_by(self, obj):
        pay_by = obj.fee_notice.pay_by
        return f"{pay_by:%Y-%m-%d}" if pay_by else "—（无应缴费用）"

    @admin.display(description="缴费日期")
    def fee_paid_on(self, obj):
        paid_on = obj.fee_notice.paid_on
        return f"{paid_on:%Y-%m-%d}" if paid_on else "—"

    @admin.display(description="答复书")
    def reply_link(self, obj):
        if not obj.reply_file:
            return "—"
        url = reverse("admin:disclosure_informationrequest_reply", args=[obj.pk])
        return format_html('<a href="{}">下载答复书</a>', url)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        application = self.get_queryset(request).filter(pk=object_id).first()
        extra_context = extra_context or {}
        if application is not None:
            user = request.user
            if request.method == "GET" and permissions.applications.can(
                user, "handle", application
            ):
                log_view(
                    user,
                    application=application,
                    fields="姓名、证件号码、联系电话、电子邮箱、传真号码、通信地址",
                    path=request.path,
                )
            extra_context["application_steps"] = step_links(self, request, application)
            extra_context["events"] = application.events.select_related("actor")
            extra_context["is_handler"] = permissions.applications.can(user, "handle", application)
        return super().change_view(request, object_id, form_url, extra_context)

    def object_urls(self):
        return [("<int:object_id>/reply/", self.reply_view, "disclosure_informationrequest_reply")]

    def reply_view(self, request, object_id):
        application = self.get_visible(request, object_id)
        if (
            not permissions.applications.can(request.user, "handle", application)
            or not application.reply_file
        ):
            raise PermissionDenied
        extension = os.path.splitext(application.reply_file.name)[1]
        return file_response(
            application.reply_file,
            f"{application.number}答复书{extension}",
            "application/octet-stream",
            as_attachment=True,
        )


@admin.register(PersonalDataView)
class PersonalDataViewAdmin(DeclaredLookupsOnly, admin.ModelAdmin):
    """Administrators check who looked at citizens' personal data."""

    list_display = ["at", "user_name", "application", "comment", "fields", "path"]
    user_name = person_column("user", "查看人")
    list_filter = ["user"]
    date_hierarchy = "at"
    actions = None

    def has_module_permission(self, request):
        return permissions.is_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.is_admin(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
