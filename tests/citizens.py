"""Helpers for tests of consultations and applications."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from disclosure.forms import SALT
from disclosure.models import Comment, InformationRequest, Office, Publication, ReplyType
from disclosure.services.applications import (
    application_answer,
    application_approve_answer,
    application_receive,
    application_submit,
)
from disclosure.services.publications import publication_save_draft
from tests.factories import PDF, item_by_path, publish

# Personal data the tests enter, to be looked for on every public page.
ID_NUMBER = "110101199003071233"
PHONE = "13912345678"
ADDRESS = "扎兰屯市隐私路88号"
EMAIL = "secret.applicant@example.com"
COMMENT_CONTACT = "13687654321"


def shown(seconds_ago: float = 10) -> str:
    """The signed time a citizen form carries, as if the form was shown `seconds_ago`."""
    with time_machine.travel(time.time() - seconds_ago, tick=False):
        return signing.dumps(time.time(), salt=SALT)


def citizen_form(**fields) -> dict:
    return {"token": str(uuid.uuid4()), "shown": shown(), "website": "", **fields}


def comment_form(**fields) -> dict:
    return citizen_form(
        **{"body": "建议冬季提供室内候工场所。", "name": "", "contact": "", **fields}
    )


def application_form(**fields) -> dict:
    return citizen_form(
        **{
            "applicant_type": "person",
            "name": "王小明",
            "id_type": "id_card",
            "id_number": ID_NUMBER,
            "phone": PHONE,
            "email": EMAIL,
            "address": ADDRESS,
            "postcode": "162650",
            "description": "2025年度就业补助资金使用情况的明细",
            "doc_number": "",
            "form": "electronic",
            "delivery": "email",
            **fields,
        }
    )


def application_data(**fields) -> dict:
    """What the application form hands to `application_submit`."""
    data = application_form(**fields)
    for key in ("token", "shown", "website"):
        data.pop(key)
    data.setdefault("legal_representative", "")
    data.setdefault("contact_person", "")
    return data


def make_consultation(
    people,
    *,
    opens_on: date | None = None,
    closes_on: date | None = None,
    title: str = "关于《扎兰屯市零工市场管理办法（征求意见稿）》公开征求意见的公告",
) -> Publication:
    """A published consultation of 行政办公室 under 意见征集及反馈."""
    today = timezone.localdate()
    opens_on = opens_on or today - timedelta(days=5)
    closes_on = closes_on or opens_on + timedelta(days=30)
    publication = Publication(
        item=item_by_path("yjzj"),
        office=Office.objects.get(name="行政办公室"),
        title=title,
        body="<p>第一条　征求意见稿全文。</p>",
        drafting_note="<p>起草说明正文。</p>",
        comment_ways="信函：扎兰屯市某路1号",
        opens_on=opens_on,
        closes_on=closes_on,
        formed_on=min(opens_on, today),
    )
    publication_save_draft(publication=publication, actor=people.editor)
    return publish(publication, people.reviewer)


def reply_upload(name: str = "答复书.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def make_comment(consultation, body: str = "建议延长开放时间", **fields) -> Comment:
    """A comment saved straight away, pending moderation unless `fields` say otherwise."""
    return Comment.objects.create(
        consultation=consultation, body=body, client="t", token=uuid.uuid4(), **fields
    )


SHANGHAI = ZoneInfo("Asia/Shanghai")


def on(day: str):
    """Travel to 10:00 in Zhalantun on that day."""
    return time_machine.travel(
        dt.datetime.fromisoformat(day).replace(hour=10, tzinfo=SHANGHAI), tick=False
    )


def submitted(day: str, **fields) -> InformationRequest:
    """An application sent through the website on `day`."""
    with on(day):
        application, _ = application_submit(
            data=application_data(**fields), client="test", token=uuid.uuid4()
        )
    return application


def received(day: str, actor, **fields) -> InformationRequest:
    """An application sent and confirmed as received by `actor` on `day`."""
    application = submitted(day, **fields)
    with on(day):
        return application_receive(application=application, actor=actor)


def prepare_reply(application, actor, reply_type=ReplyType.DISCLOSED, note="", **given):
    """`actor` prepares the reply: with a valid reply document unless `reply_file` is given."""
    if "reply_file" not in given:
        given["reply_file"] = reply_upload()
    return application_answer(
        application=application, actor=actor, reply_type=reply_type, note=note, **given
    )


def a_year_of_applications(year: int, people) -> tuple[InformationRequest, InformationRequest]:
    """Two applications received in `year`: one disclosed in March, one still open at the year's end."""
    answered = received(f"{year}-03-02", people.editor)
    prepare_reply(answered, people.editor, on=date(year, 3, 10))
    application_approve_answer(application=answered, actor=people.reviewer, on=date(year, 3, 11))
    return answered, received(f"{year}-12-21", people.editor)
