"""Applications for information in the admin: handled by the receiving office's staff.

The applicant's name, identity number, phone, e-mail and address are shown
in full only to the staff of the handling office, and each such view is
recorded; lists and everyone else see them masked.
"""

from __future__ import annotations

import os
import uuid

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from .. import compliance, permissions
from ..deadlines import MAX_EXTENSION_WORKING_DAYS
from ..forms import ApplicationForm
from ..models import InformationRequest, PersonalDataView, ReplyType
from ..privacy import log_view, mask_address, mask_contact, mask_name, mask_number, mask_phone
from ..services import (
    WorkflowError,
    request_answer,
    request_approve_answer,
    request_ask_correction,
    request_close,
    request_consult_third_party,
    request_correction_received,
    request_extend,
    request_receive,
    request_register,
    request_return_answer,
    request_third_party_replied,
)
from ..services.requests import answered_without_review, receiving_office
from ..uploads import ALLOWED_NAMES
from ..views.public import file_response
from .base import DeclaredLookupsOnly, person_column

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
# Shown even while empty: where the application stands.
ALWAYS_SHOWN = {"received_on", "due_date", "reply_type"}


def _present(application: InformationRequest | None, names: list[str]) -> list[str]:
    """The fields that say something about this application: the steps it has been through."""
    if application is None:
        return names
    shown = []
    for name in names:
        source = {
            "reply_link": "reply_file",
            "extension_approved_by_name": "extension_approved_by",
            "reply_prepared_by_name": "reply_prepared_by",
            "reply_approved_by_name": "reply_approved_by",
        }
        value = getattr(application, source.get(name, name))
        if name in ALWAYS_SHOWN or value not in (None, "", 0):
            shown.append(name)
    return shown


class RegisterForm(ApplicationForm):
    """An application received on paper, by letter, fax or in person, entered by staff."""

    channel = forms.ChoiceField(
        label="申请方式",
        choices=[
            (value, label)
            for value, label in InformationRequest.Channel.choices
            if value != InformationRequest.Channel.ONLINE
        ],
    )
    received_on = forms.DateField(
        label="收到申请日期",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="当面提交的，为提交之日；信函的，为签收之日；传真的，为双方确认之日。",
    )
    token = forms.UUIDField(widget=forms.HiddenInput)

    field_order = ["channel", "received_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("token", uuid.uuid4())
        self.initial.setdefault("received_on", timezone.localdate())


class NoteForm(forms.Form):
    note = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class OptionalNoteForm(forms.Form):
    note = forms.CharField(
        label="说明（可不填）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class ConfirmForm(forms.Form):
    pass


class ReasonForm(forms.Form):
    note = forms.CharField(
        label="退回原因", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class CorrectionForm(forms.Form):
    note = forms.CharField(
        label="需要补正的事项", widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    deadline = forms.DateField(
        label="补正期限",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="合理的补正期限，申请人逾期未补正的，视为放弃申请。",
    )


class ExtensionForm(forms.Form):
    days = forms.IntegerField(
        label="延长工作日",
        min_value=1,
        max_value=MAX_EXTENSION_WORKING_DAYS,
        initial=MAX_EXTENSION_WORKING_DAYS,
    )
    reason = forms.CharField(
        label="延期理由", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class AnswerForm(forms.Form):
    reply_type = forms.ChoiceField(
        label="答复类型",
        choices=[
            ("", "请选择"),
            *[
                (value, label)
                for value, label in ReplyType.choices
                if value != ReplyType.OTHER_NO_CORRECTION
            ],
        ],
    )
    note = forms.CharField(
        label="答复要点", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    reply_file = forms.FileField(label="答复书", help_text=f"可上传{ALLOWED_NAMES}文件。")


def _handler(user, application) -> bool:
    return permissions.can_handle_request(user, application)


# action: title, who may, in which states, the form, and the step.
ACTIONS = {
    "receive": {
        "title": "确认收到",
        "button": "确认收到",
        "states": [Status.SUBMITTED],
        "check": _handler,
        "form": ConfirmForm,
        "help": "确认收到网上申请，以今天为收到申请之日，开始计算20个工作日的答复期限。",
        "perform": lambda a, u, d: request_receive(application=a, actor=u),
    },
    "correction": {
        "title": "要求补正",
        "states": [Status.RECEIVED],
        "check": lambda u, a: _handler(u, a) and a.correction_requested_on is None,
        "form": CorrectionForm,
        "help": "收到申请之日起7个工作日内，一次性告知需要补正的事项；答复期限从收到补正之日重新计算。",
        "perform": lambda a, u, d: request_ask_correction(
            application=a, actor=u, note=d["note"], deadline=d["deadline"]
        ),
    },
    "correction_received": {
        "title": "登记收到补正",
        "states": [Status.CORRECTION],
        "check": _handler,
        "form": OptionalNoteForm,
        "help": "以今天为收到补正之日，答复期限重新计算20个工作日。",
        "perform": lambda a, u, d: request_correction_received(
            application=a, actor=u, note=d["note"]
        ),
    },
    "third_party": {
        "title": "征求第三方意见",
        "states": [Status.RECEIVED],
        "check": _handler,
        "form": NoteForm,
        "help": "公开可能损害第三方合法权益的，书面征求第三方意见（条例第三十二条）；所需时间不计入答复期限。",
        "perform": lambda a, u, d: request_consult_third_party(
            application=a, actor=u, note=d["note"]
        ),
    },
    "third_party_replied": {
        "title": "登记第三方意见",
        "states": [Status.THIRD_PARTY],
        "check": _handler,
        "form": OptionalNoteForm,
        "help": "第三方已答复，或者逾期未提出意见；答复期限从今天起继续计算。",
        "perform": lambda a, u, d: request_third_party_replied(
            application=a, actor=u, note=d["note"]
        ),
    },
    "extend": {
        "title": "延长答复期限",
        "states": [Status.RECEIVED],
        "check": lambda u, a: permissions.can_approve_extension(u, a) and a.extension_days == 0,
        "form": ExtensionForm,
        "help": "经政府信息公开工作机构负责人同意，可以延长一次，最长不超过20个工作日，并告知申请人。由审核人操作，记为批准人。",
        "perform": lambda a, u, d: request_extend(
            application=a, actor=u, days=d["days"], reason=d["reason"]
        ),
    },
    "answer": {
        "title": "答复",
        "button": "提交答复",
        "states": [Status.RECEIVED],
        "check": _handler,
        "form": AnswerForm,
        "help": lambda a: (
            "选择答复类型（与年度报告的统计口径一致），上传答复书。"
            + (
                "本科室只有一名工作人员，答复提交后直接发出，不经他人审核。"
                if answered_without_review(a)
                else "提交后由本科室另一位审核人审核，审核通过才发出。"
            )
        ),
        "perform": lambda a, u, d: request_answer(
            application=a,
            actor=u,
            reply_type=d["reply_type"],
            note=d["note"],
            reply_file=d["reply_file"],
        ),
    },
    "approve_answer": {
        "title": "审核答复",
        "button": "审核通过，发出答复",
        "states": [Status.REPLY_REVIEW],
        "check": permissions.can_review_answer,
        "form": ConfirmForm,
        "help": "请先核对答复类型、答复要点和答复书（在申请页面下载）。审核通过后答复即发出，以今天为答复日期。",
        "perform": lambda a, u, d: request_approve_answer(application=a, actor=u),
    },
    "return_answer": {
        "title": "退回答复",
        "states": [Status.REPLY_REVIEW],
        "check": permissions.can_review_answer,
        "form": ReasonForm,
        "help": "退回后申请回到办理中，拟稿人按退回原因修改后重新提交；答复期限照常计算。",
        "perform": lambda a, u, d: request_return_answer(application=a, actor=u, reason=d["note"]),
    },
    "close": {
        "title": "办结",
        "states": [Status.ANSWERED],
        "check": _handler,
        "form": NoteForm,
        "help": "答复书送达后办结。请写明送达方式和日期。",
        "perform": lambda a, u, d: request_close(application=a, actor=u, note=d["note"]),
    },
}


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
            Status.REPLY_REVIEW,
        ]
        if self.value() == "overdue":
            return compliance.requests_overdue(queryset, timezone.localdate())
        if self.value() == "open":
            return queryset.filter(status__in=open_states)
        return queryset


@admin.register(InformationRequest)
class InformationRequestAdmin(DeclaredLookupsOnly, admin.ModelAdmin):
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
    list_select_related = ["office"]
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

    def get_queryset(self, request):
        return permissions.requests_for(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return permissions.is_office_staff(request.user)

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return permissions.is_office_staff(request.user)
        return permissions.requests_for(request.user).filter(pk=obj.pk).exists()

    def has_add_permission(self, request):
        office = receiving_office()
        return office is not None and permissions.in_office(request.user, office.pk)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        """登记 an application that did not come through the website."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = RegisterForm(request.POST if request.method == "POST" else None)
        context = {
            **self.admin_site.each_context(request),
            "title": "登记政府信息公开申请",
            "opts": self.model._meta,
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            token = form.cleaned_data["token"]
            repeated = InformationRequest.objects.filter(token=token).exists()
            try:
                application, code = request_register(
                    data=form.application_data(),
                    channel=form.cleaned_data["channel"],
                    received_on=form.cleaned_data["received_on"],
                    actor=request.user,
                    token=token,
                )
            except WorkflowError as error:
                form.add_error(None, str(error))
            else:
                context |= {
                    "title": "申请已登记",
                    "application": application,
                    "code": code,
                    "repeated": repeated,
                }
                return TemplateResponse(
                    request, "admin/disclosure/informationrequest/registered.html", context
                )
        return TemplateResponse(
            request, "admin/disclosure/informationrequest/register.html", context
        )

    @admin.display(description="答复期限", ordering="due_date")
    def due_display(self, obj):
        if obj.status == Status.THIRD_PARTY:
            return "暂停计算"
        if obj.status == Status.CORRECTION:
            return f"待补正（{obj.correction_deadline:%Y-%m-%d}前）"
        if obj.due_date is None:
            return "—"
        if obj.is_open and obj.due_date < timezone.localdate():
            return format_html(
                '<strong class="overdue">{}（已逾期）</strong>', f"{obj.due_date:%Y-%m-%d}"
            )
        return f"{obj.due_date:%Y-%m-%d}"

    def get_fieldsets(self, request, obj=None):
        personal = list(PERSONAL)
        if obj is None or not permissions.can_handle_request(request.user, obj):
            personal = [f"{name}_masked" for name in personal]
        return [
            ("申请", {"fields": ["number", "channel", "status", "office", "submitted_at"]}),
            (
                "申请人（个人信息）",
                {"fields": ["applicant_type", "id_type", *personal]},
            ),
            ("所需信息", {"fields": ["description", "doc_number", "form", "delivery"]}),
            ("期限", {"fields": _present(obj, CLOCK_FIELDS)}),
            ("答复", {"fields": _present(obj, REPLY_FIELDS)}),
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = [
            name for fieldset in self.get_fieldsets(request, obj) for name in fieldset[1]["fields"]
        ]
        return fields

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
            if request.method == "GET" and permissions.can_handle_request(user, application):
                log_view(
                    user,
                    request=application,
                    fields="姓名、证件号码、联系电话、电子邮箱、传真号码、通信地址",
                    path=request.path,
                )
            extra_context["request_actions"] = [
                (name, spec["title"])
                for name, spec in ACTIONS.items()
                if application.status in spec["states"] and spec["check"](user, application)
            ]
            extra_context["events"] = application.events.select_related("actor")
            extra_context["is_handler"] = permissions.can_handle_request(user, application)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(view)

        return [
            path(
                "<int:object_id>/do/<str:action>/",
                wrap(self.action_view),
                name="disclosure_informationrequest_action",
            ),
            path(
                "<int:object_id>/reply/",
                wrap(self.reply_view),
                name="disclosure_informationrequest_reply",
            ),
            *super().get_urls(),
        ]

    def _get_visible(self, request, object_id) -> InformationRequest:
        application = self.get_queryset(request).filter(pk=object_id).first()
        if application is None:
            raise Http404("没有这件申请，或者它不由您的科室办理。")
        return application

    def action_view(self, request, object_id, action):
        application = self._get_visible(request, object_id)
        spec = ACTIONS.get(action)
        if spec is None:
            raise Http404
        change_url = reverse("admin:disclosure_informationrequest_change", args=[application.pk])
        if application.status not in spec["states"] or not spec["check"](request.user, application):
            messages.error(request, f"现在不能对{application}执行“{spec['title']}”。")
            return redirect(change_url)
        posted = request.method == "POST"
        form = spec["form"](request.POST if posted else None, request.FILES if posted else None)
        if posted and form.is_valid():
            try:
                spec["perform"](application, request.user, form.cleaned_data)
            except WorkflowError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"已{spec['title']}：{application}")
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"{spec['title']}：{application}",
            "opts": self.model._meta,
            "original": application,
            "form": form,
            "spec": spec,
            "help": spec["help"](application) if callable(spec["help"]) else spec["help"],
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/disclosure/informationrequest/action.html", context)

    def reply_view(self, request, object_id):
        application = self._get_visible(request, object_id)
        if (
            not permissions.can_handle_request(request.user, application)
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

    list_display = ["at", "user_name", "request", "comment", "fields", "path"]
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
