"""The forms of handling an application: registering one that came on paper, and each step's."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django import forms
from django.utils import timezone

from disclosure.admin.workflow import text_form
from disclosure.forms import ApplicationForm
from disclosure.lib.fees import PAYMENT_WORKING_DAYS
from disclosure.lib.legal import MAX_EXTENSION_WORKING_DAYS
from disclosure.lib.uploads import ALLOWED_NAMES
from disclosure.models import FeeNotice, InformationRequest, ReplyType
from disclosure.services.applications import MAX_FEE_QUANTITY


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


NoteForm = text_form("说明")
OptionalNoteForm = text_form("说明（可不填）", required=False)
ReasonForm = text_form("退回原因")


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
                if value not in (ReplyType.OTHER_NO_CORRECTION, ReplyType.OTHER_NO_FEE)
            ],
        ],
    )
    note = forms.CharField(
        label="答复要点", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    reply_file = forms.FileField(label="答复书", help_text=f"可上传{ALLOWED_NAMES}文件。")


def _date_field(label: str, required_message: str, **options) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": required_message,
            "invalid": "请输入正确的日期，例如2026-03-04。",
        },
        **options,
    )


class FeeNoticeForm(forms.Form):
    """The 收费通知 as sent: how the fee is counted, any reduction, how to pay."""

    method = forms.ChoiceField(
        label="计收方式",
        choices=[("", "请选择"), *FeeNotice.Method.choices],
        error_messages={"required": "请选择计收方式。"},
    )
    quantity = forms.IntegerField(
        label="计费数量",
        min_value=1,
        max_value=MAX_FEE_QUANTITY,
        help_text="按件计收：本申请计几件（通常为1）；按量计收：提供信息的页数。",
        error_messages={
            "required": "请填写计费数量。",
            "invalid": "计费数量应为整数。",
            "min_value": "计费数量至少为1。",
            "max_value": f"计费数量不能超过{MAX_FEE_QUANTITY}。",
        },
    )
    reduction = forms.DecimalField(
        label="减免金额（元）",
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        help_text="不减免的，不填或填0。",
        error_messages={
            "invalid": "减免金额应为数字，例如50或50.50。",
            "min_value": "减免金额不能为负数。",
            "max_digits": "减免金额过大，请核对。",
            "max_decimal_places": "减免金额最多保留两位小数。",
            "max_whole_digits": "减免金额过大，请核对。",
        },
    )
    reduction_reason = forms.CharField(
        label="减免理由",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="申请人确有经济困难等，减免的须填写。",
    )
    payment_way = forms.ChoiceField(
        label="缴费方式",
        choices=[("", "请选择"), *FeeNotice.PaymentWay.choices],
        error_messages={"required": "请选择缴费方式。"},
    )
    payment_note = forms.CharField(
        label="缴费说明",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="收款单位、账号或缴费地点等，申请人查询办理进度时可以看到。",
    )
    notified_on = _date_field(
        "申请人收到收费通知日期",
        "请填写申请人收到收费通知的日期。",
        help_text=f"缴费期限从这一天的次日起计算{PAYMENT_WORKING_DAYS}个工作日。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("notified_on", timezone.localdate())

    def clean_reduction(self):
        return self.cleaned_data["reduction"] or Decimal(0)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reduction") and not cleaned.get("reduction_reason", "").strip():
            self.add_error("reduction_reason", "减免信息处理费的，请填写减免理由。")
        return cleaned


class FeePaidForm(forms.Form):
    paid_on = _date_field("缴费日期", "请填写缴费日期。")
    note = forms.CharField(
        label="说明（可不填）",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="例如票据号码。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("paid_on", timezone.localdate())
