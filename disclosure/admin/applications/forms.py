"""The forms of handling an application: registering one that came on paper, and each step's."""

from __future__ import annotations

import uuid

from django import forms
from django.utils import timezone

from disclosure.admin.workflow import text_form
from disclosure.forms import ApplicationForm
from disclosure.lib.legal import MAX_EXTENSION_WORKING_DAYS
from disclosure.lib.uploads import ALLOWED_NAMES
from disclosure.models import InformationRequest, ReplyType


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
                if value != ReplyType.OTHER_NO_CORRECTION
            ],
        ],
    )
    note = forms.CharField(
        label="答复要点", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    reply_file = forms.FileField(label="答复书", help_text=f"可上传{ALLOWED_NAMES}文件。")
