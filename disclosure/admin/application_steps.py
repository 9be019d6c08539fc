"""The steps of handling an application in the admin: registering one, and each step's form.

`ACTIONS` says, for every step, its title, in which states and for whom it
is offered, the form it asks for, its help text and the service it runs.
"""

from __future__ import annotations

import uuid

from django import forms
from django.utils import timezone

from disclosure import permissions
from disclosure.forms import ApplicationForm
from disclosure.lib.deadlines import MAX_EXTENSION_WORKING_DAYS
from disclosure.lib.uploads import ALLOWED_NAMES
from disclosure.models import InformationRequest, ReplyType
from disclosure.services import (
    application_answer,
    application_approve_answer,
    application_ask_correction,
    application_close,
    application_consult_third_party,
    application_correction_received,
    application_extend,
    application_receive,
    application_return_answer,
    application_third_party_replied,
)
from disclosure.services.applications import answered_without_review

Status = InformationRequest.Status


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


def note_form(label: str, *, required: bool = True) -> type[forms.Form]:
    """The form of a step that asks for one text: a note, a reason."""
    note = forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    return type("NoteForm", (forms.Form,), {"note": note})


NoteForm = note_form("说明")
OptionalNoteForm = note_form("说明（可不填）", required=False)
ReasonForm = note_form("退回原因")


class ConfirmForm(forms.Form):
    pass


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
    return permissions.can_handle_application(user, application)


# action: title, who may, in which states, the form, and the step.
ACTIONS = {
    "receive": {
        "title": "确认收到",
        "button": "确认收到",
        "states": [Status.SUBMITTED],
        "check": _handler,
        "form": ConfirmForm,
        "help": "确认收到网上申请，以今天为收到申请之日，开始计算20个工作日的答复期限。",
        "perform": lambda a, u, d: application_receive(application=a, actor=u),
    },
    "correction": {
        "title": "要求补正",
        "states": [Status.RECEIVED],
        "check": lambda u, a: _handler(u, a) and a.correction_requested_on is None,
        "form": CorrectionForm,
        "help": "收到申请之日起7个工作日内，一次性告知需要补正的事项；答复期限从收到补正之日重新计算。",
        "perform": lambda a, u, d: application_ask_correction(
            application=a, actor=u, note=d["note"], deadline=d["deadline"]
        ),
    },
    "correction_received": {
        "title": "登记收到补正",
        "states": [Status.CORRECTION],
        "check": _handler,
        "form": OptionalNoteForm,
        "help": "以今天为收到补正之日，答复期限重新计算20个工作日。",
        "perform": lambda a, u, d: application_correction_received(
            application=a, actor=u, note=d["note"]
        ),
    },
    "third_party": {
        "title": "征求第三方意见",
        "states": [Status.RECEIVED],
        "check": _handler,
        "form": NoteForm,
        "help": "公开可能损害第三方合法权益的，书面征求第三方意见（条例第三十二条）；所需时间不计入答复期限。",
        "perform": lambda a, u, d: application_consult_third_party(
            application=a, actor=u, note=d["note"]
        ),
    },
    "third_party_replied": {
        "title": "登记第三方意见",
        "states": [Status.THIRD_PARTY],
        "check": _handler,
        "form": OptionalNoteForm,
        "help": "第三方已答复，或者逾期未提出意见；答复期限从今天起继续计算。",
        "perform": lambda a, u, d: application_third_party_replied(
            application=a, actor=u, note=d["note"]
        ),
    },
    "extend": {
        "title": "延长答复期限",
        "states": [Status.RECEIVED],
        "check": lambda u, a: permissions.can_approve_extension(u, a) and a.extension_days == 0,
        "form": ExtensionForm,
        "help": "经政府信息公开工作机构负责人同意，可以延长一次，最长不超过20个工作日，并告知申请人。由审核人操作，记为批准人。",
        "perform": lambda a, u, d: application_extend(
            application=a, actor=u, days=d["days"], reason=d["reason"]
        ),
    },
    "answer": {
        "title": "答复",
        "button": "提交答复",
        "done": "答复已提交",
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
        "perform": lambda a, u, d: application_answer(
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
        "done": "审核通过，答复已发出",
        "states": [Status.REPLY_REVIEW],
        "check": permissions.can_review_answer,
        "form": ConfirmForm,
        "help": "请先核对答复类型、答复要点和答复书（在申请页面下载）。审核通过后答复即发出，以今天为答复日期。",
        "perform": lambda a, u, d: application_approve_answer(application=a, actor=u),
    },
    "return_answer": {
        "title": "退回答复",
        "states": [Status.REPLY_REVIEW],
        "check": permissions.can_review_answer,
        "form": ReasonForm,
        "help": "退回后申请回到办理中，拟稿人按退回原因修改后重新提交；答复期限照常计算。",
        "perform": lambda a, u, d: application_return_answer(
            application=a, actor=u, reason=d["note"]
        ),
    },
    "close": {
        "title": "办结",
        "states": [Status.ANSWERED],
        "check": _handler,
        "form": NoteForm,
        "help": "答复书送达后办结。请写明送达方式和日期。",
        "perform": lambda a, u, d: application_close(application=a, actor=u, note=d["note"]),
    },
}
