"""Demo applications for information (依申请公开) in every state of their
handling, each taken through the real services on backdated working days."""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from demo.dates import midday
from demo.files import PDF
from demo.staff import Role, staff
from disclosure.models import HolidaySchedule, InformationRequest, ReplyType
from disclosure.selectors.applications import receiving_office
from disclosure.services import applications as handling


def _application(data: dict, submitted_on: dt.date) -> InformationRequest:
    application, code = handling.application_submit(data=data, client="demo", token=uuid.uuid4())
    InformationRequest.objects.filter(pk=application.pk).update(submitted_at=midday(submitted_on))
    application.events.update(on=submitted_on)
    application.refresh_from_db()
    application.demo_code = code
    return application


PEOPLE = [
    ("person", "赵国庆", "id_card", "150783198001010015", "", ""),
    (
        "business",
        "扎兰屯市某某建筑有限公司（演示）",
        "credit_code",
        "91150783MA0000000X",
        "钱经理",
        "孙会计",
    ),
    ("person", "周晓梅", "id_card", "150783199205050021", "", ""),
    (
        "legal_service",
        "某某律师事务所（演示）",
        "credit_code",
        "31150000MD0000000X",
        "吴律师",
        "郑助理",
    ),
    (
        "research",
        "某某大学社会保障研究中心（演示）",
        "credit_code",
        "12150000MB0000000X",
        "冯主任",
        "韩老师",
    ),
]
WANTS = [
    "2025年度本市就业补助资金使用情况的明细。",
    "本公司2024年度工伤认定决定书（扎人社工伤认〔2024〕15号）的相关材料。",
    "关于灵活就业人员参加职工养老保险缴费基数的文件。",
    "2025年本市劳动保障监察案件的统计数据。",
    "近三年本市失业保险基金收支情况。",
]


def _data(index: int) -> dict:
    kind, name, id_type, id_number, representative, contact = PEOPLE[index % len(PEOPLE)]
    return {
        "applicant_type": kind,
        "name": name,
        "id_type": id_type,
        "id_number": id_number,
        "legal_representative": representative,
        "contact_person": contact,
        "phone": f"1390000{index:04d}",
        "email": f"applicant{index}@example.com",
        "address": f"内蒙古自治区扎兰屯市某某街道{index + 1}号（演示）",
        "postcode": "162650",
        "description": WANTS[index % len(WANTS)],
        "doc_number": "",
        "form": "electronic" if index % 2 else "paper",
        "delivery": "email" if index % 2 else "post",
    }


def _reply_file(number: int) -> ContentFile:
    return ContentFile(PDF, name=f"reply-{number}.pdf")


@transaction.atomic
def create_applications() -> list[tuple[str, str, str]]:
    """Applications in every state; returns (number, query code, state) for each."""
    office = receiving_office()
    editor, reviewer = staff(office, Role.EDITOR), staff(office, Role.REVIEWER)
    calendar = HolidaySchedule.objects.calendar()
    today = timezone.localdate()

    def workdays_ago(count: int) -> dt.date:
        day = today
        while count > 0:
            day -= timedelta(days=1)
            if calendar.is_workday(day):
                count -= 1
        return day

    made = []

    def received(index: int, days_ago: int) -> InformationRequest:
        day = workdays_ago(days_ago)
        application = _application(_data(index), day)
        made.append(application)
        return handling.application_receive(application=application, actor=editor, on=day)

    def ask_correction(application, note: str, deadline: dt.date, on: dt.date) -> None:
        when = {"deadline": deadline, "on": on}
        handling.application_ask_correction(
            application=application, actor=editor, note=note, **when
        )

    made.append(_application(_data(0), today))  # waiting for confirmation
    received(1, 3)  # being handled, plenty of time
    received(2, 17)  # due within five working days
    received(3, 23)  # overdue
    waiting = received(4, 4)
    ask_correction(
        waiting, "请写明所需信息的年度和具体项目名称。", today + timedelta(days=10), workdays_ago(2)
    )
    corrected = received(5, 15)
    ask_correction(
        corrected,
        "请说明所需文件的大致形成时间。",
        workdays_ago(8) + timedelta(days=5),
        workdays_ago(12),
    )
    handling.application_correction_received(
        application=corrected, actor=editor, on=workdays_ago(9)
    )
    consulting = received(6, 8)
    handling.application_consult_third_party(
        application=consulting,
        actor=editor,
        note="涉及某企业的经营信息，书面征求该企业意见。",
        on=workdays_ago(5),
    )
    extended = received(7, 19)
    handling.application_extend(
        application=extended,
        actor=reviewer,
        days=15,
        reason="申请公开的信息量大，需要逐件进行保密审查。",
        on=workdays_ago(1),
    )

    def answer(application, number: int, reply_type, note: str, on: dt.date) -> None:
        reply = {"reply_type": reply_type, "note": note, "reply_file": _reply_file(number)}
        handling.application_answer(application=application, actor=editor, on=on, **reply)

    answered = received(8, 14)
    answer(
        answered,
        8,
        ReplyType.DISCLOSED,
        "予以公开，答复书及所需信息已通过电子邮件发送。",
        workdays_ago(3),
    )
    handling.application_approve_answer(application=answered, actor=reviewer, on=workdays_ago(2))
    closed = received(9, 30)
    answer(closed, 9, ReplyType.PARTLY, "其中涉及个人隐私的部分不予公开。", workdays_ago(12))
    handling.application_approve_answer(application=closed, actor=reviewer, on=workdays_ago(12))
    handling.application_close(
        application=closed, actor=editor, note="答复书已于当日邮寄送达。", on=workdays_ago(10)
    )
    lapsed = received(10, 25)
    ask_correction(
        lapsed,
        "请提供所需信息的文号或名称。",
        workdays_ago(20) + timedelta(days=10),
        workdays_ago(21),
    )
    handling.application_lapse(application=lapsed, on=workdays_ago(20) + timedelta(days=11))
    letter, code = handling.application_register(
        data=_data(11),
        channel=InformationRequest.Channel.LETTER,
        received_on=workdays_ago(6),
        actor=editor,
        token=uuid.uuid4(),
    )
    letter.demo_code = code
    made.append(letter)
    in_review = received(12, 10)
    answer(
        in_review,
        12,
        ReplyType.UNAVAILABLE_NOT_HELD,
        "本机关不掌握该信息，已告知可向市财政局咨询。",
        workdays_ago(1),
    )
    return [
        (
            application.number,
            getattr(application, "demo_code", ""),
            InformationRequest.objects.get(pk=application.pk).get_status_display(),
        )
        for application in made
    ]
