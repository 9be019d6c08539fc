"""The forms citizens fill in: comments, applications and status lookups.

Every citizen form carries three hidden things: a one-time token, so that
sending it twice records it once; a signed time, so that a form sent back
within seconds of being shown (as robots do) is refused; and a field hidden
from people and from screen readers alike, which only robots fill in.
"""

from __future__ import annotations

import re
import time
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import validate_email

from disclosure.lib.identity import id_number_error, normalise_id_number
from disclosure.models import Comment, InformationRequest

SALT = "disclosure.citizen-form"
MAX_AGE = 24 * 60 * 60
MAX_LINKS = 3
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
PHONE = re.compile(r"^\+?[0-9][0-9\- ]{5,18}[0-9]$")
POSTCODE = re.compile(r"^[0-9]{6}$")
DJANGO_REQUIRED = forms.Field.default_error_messages["required"]
LENGTH_MESSAGES = {
    "max_length": "不能超过%(limit_value)d个字（现在是%(show_value)d个字）。",
    "min_length": "至少要写%(limit_value)d个字（现在是%(show_value)d个字）。",
}


def _is_email(text: str) -> bool:
    try:
        validate_email(text)
    except forms.ValidationError:
        return False
    return True


class PlainChineseForm(forms.Form):
    """Errors in plain Chinese: lengths in characters (字), and what to fill in or choose."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["max_length"] = LENGTH_MESSAGES["max_length"]
            field.error_messages["min_length"] = LENGTH_MESSAGES["min_length"]
            if str(field.error_messages["required"]) == str(DJANGO_REQUIRED):
                verb = "选择" if isinstance(field, forms.ChoiceField) else "填写"
                field.error_messages["required"] = f"请{verb}{field.label}。"


class CitizenForm(PlainChineseForm):
    """The token, the signed time and the trap shared by every citizen form."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    shown = forms.CharField(widget=forms.HiddenInput)
    website = forms.CharField(required=False, label="网址（请勿填写）", max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = uuid.uuid4()
        # A fresh signed time on every showing: a person told to wait a moment
        # sends the same form again, with everything they typed, and it passes.
        fresh = signing.dumps(time.time(), salt=SALT)
        self.initial["shown"] = fresh
        self.sent_shown = ""
        if self.is_bound:
            key = self.add_prefix("shown")
            self.sent_shown = str(self.data.get(key, ""))
            self.data = self.data.copy()
            self.data[key] = fresh
            # A missing or mangled token is replaced: the form still records once from here on.
            token_key = self.add_prefix("token")
            try:
                uuid.UUID(str(self.data.get(token_key, "")))
            except ValueError:
                self.data[token_key] = str(uuid.uuid4())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            self.add_error(None, "提交未成功：请不要填写隐藏的“网址”一栏。")
        try:
            started = float(signing.loads(self.sent_shown, salt=SALT, max_age=MAX_AGE))
        except signing.SignatureExpired:
            self.add_error(None, "页面打开时间过长，为安全起见，请核对内容后再提交一次。")
        except (signing.BadSignature, TypeError, ValueError):
            self.add_error(None, "页面已失效，请核对内容后再提交一次。")
        else:
            if time.time() - started < settings.SPAM_MIN_SECONDS:
                self.add_error(None, "提交太快了，请核对内容后再提交一次。")
        return cleaned


class CommentForm(CitizenForm):
    name = forms.CharField(
        label="署名（可不填）",
        required=False,
        max_length=Comment._meta.get_field("name").max_length,
        help_text="公开意见时显示署名；不填写则显示为“网民”。",
    )
    contact = forms.CharField(
        label="联系方式（可不填）",
        required=False,
        max_length=Comment._meta.get_field("contact").max_length,
        help_text="电话或电子邮箱，仅供承办科室联系您，不会公开。",
    )

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip()
        if contact and not (PHONE.match(contact) or _is_email(contact)):
            raise forms.ValidationError(
                "请填写电话号码或电子邮箱，例如 13800000000 或 name@example.com。"
            )
        return contact

    body = forms.CharField(
        label="意见内容",
        max_length=Comment._meta.get_field("body").max_length,
        min_length=5,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="5至3000字。",
    )

    field_order = ["body", "name", "contact"]

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(LINK.findall(body)) > MAX_LINKS:
            raise forms.ValidationError(f"意见中的网址不能超过{MAX_LINKS}个。")
        return body


class ApplicationForm(PlainChineseForm):
    """政府信息公开申请表: what 政府信息公开条例 Art. 29 asks of an application."""

    Model = InformationRequest

    applicant_type = forms.ChoiceField(
        label="申请人类型",
        choices=[
            (value, label if value == "person" else f"法人或其他组织：{label}")
            for value, label in Model.ApplicantType.choices
        ],
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label="姓名或名称", max_length=100, help_text="自然人填写姓名；法人或其他组织填写名称。"
    )
    id_type = forms.ChoiceField(label="证件类型", choices=[("", "请选择"), *Model.IdType.choices])
    id_number = forms.CharField(
        label="证件号码",
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    legal_representative = forms.CharField(
        label="法定代表人或负责人", max_length=50, required=False, help_text="法人或其他组织填写。"
    )
    contact_person = forms.CharField(
        label="联系人", max_length=50, required=False, help_text="法人或其他组织填写。"
    )
    phone = forms.CharField(
        label="联系电话",
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label="电子邮箱",
        max_length=100,
        required=False,
        help_text="选择以电子邮件获取信息的，必须填写。",
        error_messages={"invalid": "电子邮箱格式不正确，例如 name@example.com。"},
    )
    address = forms.CharField(
        label="通信地址", max_length=200, error_messages={"required": "请填写通信地址。"}
    )
    postcode = forms.CharField(
        label="邮政编码",
        max_length=6,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    description = forms.CharField(
        label="所需信息的内容描述",
        max_length=2000,
        min_length=5,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="请写明所需信息的名称、文号，或者便于查找的其他特征性描述（5至2000字）。",
        error_messages={"required": "请描述您需要的政府信息。"},
    )
    doc_number = forms.CharField(
        label="文号（如知道）", max_length=100, required=False, help_text="例：扎人社发〔2026〕12号"
    )
    form = forms.ChoiceField(
        label="获取信息的载体形式", choices=Model.Form.choices, widget=forms.RadioSelect
    )
    delivery = forms.ChoiceField(
        label="获取信息的方式", choices=Model.Delivery.choices, widget=forms.RadioSelect
    )
    fax = forms.CharField(
        label="传真号码",
        max_length=30,
        required=False,
        help_text="选择以传真获取信息的，必须填写。",
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Shown only when they apply (static/js/forms.js); all shown without scripts.
        organisations = ",".join(
            value for value in self.Model.ApplicantType.values if value != "person"
        )
        self.fields["legal_representative"].shown_when = f"applicant_type={organisations}"
        self.fields["contact_person"].shown_when = f"applicant_type={organisations}"
        self.fields["fax"].shown_when = f"delivery={self.Model.Delivery.FAX}"

    def clean_id_number(self):
        return normalise_id_number(self.cleaned_data["id_number"])

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not PHONE.match(phone):
            raise forms.ValidationError("请填写有效的联系电话，例如 13800000000 或 0470-1234567。")
        return phone

    def clean_fax(self):
        fax = self.cleaned_data["fax"].strip()
        if fax and not PHONE.match(fax):
            raise forms.ValidationError("请填写有效的传真号码，例如 0470-1234567。")
        return fax

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if postcode and not POSTCODE.match(postcode):
            raise forms.ValidationError("邮政编码是6位数字。")
        return postcode

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("applicant_type")
        id_type = cleaned.get("id_type")
        number = cleaned.get("id_number")
        person = kind == self.Model.ApplicantType.PERSON
        if kind and id_type:
            if person and id_type == self.Model.IdType.CREDIT_CODE:
                self.add_error("id_type", "自然人请选择身份证件。")
            if kind and not person and id_type != self.Model.IdType.CREDIT_CODE:
                self.add_error("id_type", "法人或其他组织请选择统一社会信用代码证书。")
        if id_type and number and (error := id_number_error(id_type, number)):
            self.add_error("id_number", error)
        if kind and not person:
            for name, label in [
                ("legal_representative", "法定代表人或负责人"),
                ("contact_person", "联系人"),
            ]:
                if not cleaned.get(name, "").strip():
                    self.add_error(name, f"法人或其他组织请填写{label}。")
        if cleaned.get("delivery") == self.Model.Delivery.EMAIL and not cleaned.get("email"):
            self.add_error("email", "选择以电子邮件获取信息，请填写电子邮箱。")
        if (
            cleaned.get("delivery") == self.Model.Delivery.FAX
            and not cleaned.get("fax")
            and "fax" not in self.errors
        ):
            self.add_error("fax", "选择以传真获取信息，请填写传真号码。")
        return cleaned

    def application_data(self) -> dict:
        fields = [
            "applicant_type",
            "name",
            "id_type",
            "id_number",
            "legal_representative",
            "contact_person",
            "phone",
            "email",
            "fax",
            "address",
            "postcode",
            "description",
            "doc_number",
            "form",
            "delivery",
        ]
        data = {name: self.cleaned_data[name] for name in fields}
        if data["applicant_type"] == self.Model.ApplicantType.PERSON:
            data["legal_representative"] = data["contact_person"] = ""
        if data["delivery"] != self.Model.Delivery.FAX:
            data["fax"] = ""
        return data


class OnlineApplicationForm(ApplicationForm, CitizenForm):
    """The application form citizens fill in online."""


class LookupForm(PlainChineseForm):
    number = forms.CharField(
        label="申请编号", max_length=20, help_text="提交申请后显示的编号，例如 YSQ2026-00001。"
    )
    code = forms.CharField(label="查询码", max_length=20, help_text="提交申请后显示的8位查询码。")
