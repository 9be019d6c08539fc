"""What the demo needs for a full 政府信息公开工作年度报告 on the current year.

Applications received last December and answered in January (上年结转),
more of this year's applications with other applicants and replies, a fee
notice paid and one lapsed, appeals with each result, and the offices'
yearly counts of 行政许可, 行政处罚, 行政强制 and 行政事业性收费. Everything
goes through the real services, on backdated days.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from demo.dates import midday
from demo.files import PDF
from demo.staff import Role, staff
from disclosure.lib.fees import PAYMENT_WORKING_DAYS as FEE_DAYS
from disclosure.models import (
    Appeal,
    FeeNotice,
    HolidaySchedule,
    InformationRequest,
    Office,
    ReplyType,
    YearlyFigures,
)
from disclosure.selectors.applications import receiving_office
from disclosure.services import applications as handling
from disclosure.services import reports

Kind = InformationRequest.ApplicantType


def report_year(today: dt.date) -> int:
    """The year the demo report is on: this one from September, before that the last."""
    return today.year if today >= dt.date(today.year, 9, 1) else today.year - 1


# (applicant type, name, id type, id number, what is asked for)
APPLICANTS = {
    Kind.PUBLIC_INTEREST: (
        "扎兰屯市某某公益服务中心（演示）",
        "credit_code",
        "52150783MJ0000000X",
        "本市农民工工资保证金缴存和返还情况。",
    ),
    Kind.OTHER_ORG: (
        "扎兰屯市某某专业合作社（演示）",
        "credit_code",
        "93150783MA0000000X",
        "本市农牧民专业合作社参加工伤保险的政策文件。",
    ),
    Kind.BUSINESS: (
        "扎兰屯市某某食品有限公司（演示）",
        "credit_code",
        "91150783MA0000001X",
        "本公司申请稳岗返还的审核结果及依据。",
    ),
    Kind.PERSON: (
        "孙丽华",
        "id_card",
        "150783198507070023",
        "本人2025年参加职业技能培训补贴的审核材料。",
    ),
}


def _data(kind: str, index: int) -> dict:
    name, id_type, id_number, wanted = APPLICANTS[kind]
    return {
        "applicant_type": kind,
        "name": name,
        "id_type": id_type,
        "id_number": id_number,
        "legal_representative": "" if kind == Kind.PERSON else "马经理",
        "contact_person": "",
        "phone": f"1380000{index:04d}",
        "email": f"report{index}@example.com",
        "address": f"内蒙古自治区扎兰屯市某某路{index}号（演示）",
        "postcode": "162650",
        "description": wanted,
        "doc_number": "",
        "form": "electronic",
        "delivery": "email",
    }


def create_report_material() -> list[tuple[str, str, str]]:
    """Add the material; returns (number, query code, state) for each new application."""
    office = receiving_office()
    editor, reviewer = staff(office, Role.EDITOR), staff(office, Role.REVIEWER)
    calendar = HolidaySchedule.objects.calendar()
    today = timezone.localdate()
    year = report_year(today)
    made: list[InformationRequest] = []

    def workday(day: dt.date) -> dt.date:
        return calendar.next_workday(day)

    def register(kind: str, index: int, on: dt.date) -> InformationRequest:
        application, code = handling.application_register(
            data=_data(kind, index),
            channel=InformationRequest.Channel.LETTER,
            received_on=on,
            actor=editor,
            token=uuid.uuid4(),
        )
        InformationRequest.objects.filter(pk=application.pk).update(submitted_at=midday(on))
        application.demo_code = code
        made.append(application)
        return application

    def answer(application, reply_type, note: str, on: dt.date) -> InformationRequest:
        reply = ContentFile(PDF, name=f"reply-{application.number}.pdf")
        handling.application_answer(
            application=application,
            actor=editor,
            reply_type=reply_type,
            note=note,
            reply_file=reply,
            on=on,
        )
        return handling.application_approve_answer(application=application, actor=reviewer, on=on)

    # Received last December, answered in January: 上年结转.
    december = workday(dt.date(year - 1, 12, 29))
    january = calendar.add_workdays(dt.date(year, 1, 1), 3)
    carried = [
        (Kind.BUSINESS, ReplyType.DISCLOSED, "予以公开，已通过电子邮件提供。"),
        (
            Kind.PUBLIC_INTEREST,
            ReplyType.REFUSED_THIRD_PARTY,
            "涉及企业经营信息，第三方不同意公开。",
        ),
        (Kind.OTHER_ORG, ReplyType.NOT_HANDLED_REPEATED, "与本年已答复的申请内容相同。"),
    ]
    for index, (kind, reply_type, note) in enumerate(carried, start=101):
        answer(register(kind, index, december), reply_type, note, january)

    # This year's: other applicants, other replies.
    spring = workday(dt.date(year, 3, 9))
    answered_in_spring = calendar.add_workdays(spring, 12)
    this_year = [
        (Kind.PUBLIC_INTEREST, ReplyType.DISCLOSED, "予以公开。"),
        (Kind.OTHER_ORG, ReplyType.UNAVAILABLE_NEEDS_MAKING, "需要另行制作，不予提供。"),
        (Kind.PERSON, ReplyType.REFUSED_ENFORCEMENT, "属于行政执法案卷，不予公开。"),
        (Kind.BUSINESS, ReplyType.NOT_HANDLED_CONFIRMATION, "要求确认已获取的信息，不予处理。"),
    ]
    for index, (kind, reply_type, note) in enumerate(this_year, start=111):
        answer(register(kind, index, spring), reply_type, note, answered_in_spring)

    # A fee paid: 按量计收, 120 pages.
    summer = workday(dt.date(year, 6, 8))
    paid = register(Kind.BUSINESS, 121, summer)
    notified = calendar.add_workdays(summer, 5)
    handling.application_fee_notice(
        application=paid,
        actor=editor,
        method=FeeNotice.Method.PER_VOLUME,
        quantity=120,
        payment_way=FeeNotice.PaymentWay.TRANSFER,
        payment_note="收款单位：扎兰屯市人力资源和社会保障局（演示）。",
        notified_on=notified,
        on=notified,
    )
    handling.application_fee_paid(
        application=paid, actor=editor, on=calendar.add_workdays(notified, 4)
    )
    answer(
        paid,
        ReplyType.DISCLOSED,
        "予以公开，已提供复制件120页。",
        calendar.add_workdays(notified, 10),
    )

    # A fee not paid: the application lapses.
    lapsing = register(Kind.PERSON, 122, workday(dt.date(year, 7, 1)))
    notified = calendar.add_workdays(lapsing.received_on, 6)
    handling.application_fee_notice(
        application=lapsing,
        actor=editor,
        method=FeeNotice.Method.PER_VOLUME,
        quantity=260,
        reduction=Decimal("500"),
        reduction_reason="申请人为低保对象，经申请减收部分费用。",
        payment_way=FeeNotice.PaymentWay.ON_SITE,
        payment_note="请到扎兰屯市人力资源和社会保障局行政办公室缴纳（演示）。",
        notified_on=notified,
        on=notified,
    )
    handling.application_fee_lapse(
        application=lapsing, on=calendar.add_workdays(notified, FEE_DAYS + 1)
    )

    appeals(office, editor, made, year)
    yearly_figures(editor, year)
    return [
        (
            application.number,
            application.demo_code,
            InformationRequest.objects.get(pk=application.pk).get_status_display(),
        )
        for application in made
    ]


def appeals(office: Office, actor, applications: list[InformationRequest], year: int) -> None:
    """An appeal with each result, one of them still open."""
    applications = list(InformationRequest.objects.filter(pk__in=[a.pk for a in applications]))
    refused = next(a for a in applications if a.reply_type == ReplyType.REFUSED_THIRD_PARTY)
    enforcement = next(a for a in applications if a.reply_type == ReplyType.REFUSED_ENFORCEMENT)
    making = next(a for a in applications if a.reply_type == ReplyType.UNAVAILABLE_NEEDS_MAKING)
    rows = [
        dict(
            kind=Appeal.Kind.REVIEW,
            application=refused,
            case_number=f"扎政复决字〔{year}〕3号",
            filed_on=dt.date(year, 2, 16),
            body="扎兰屯市人民政府",
            subject="对不予公开第三方经营信息的答复不服。",
            result=Appeal.Result.UPHELD,
            decided_on=dt.date(year, 4, 10),
        ),
        dict(
            kind=Appeal.Kind.REVIEW,
            application=making,
            case_number=f"扎政复决字〔{year}〕11号",
            filed_on=dt.date(year, 4, 20),
            body="扎兰屯市人民政府",
            subject="认为所需信息已经存在，无需另行制作。",
            result=Appeal.Result.CORRECTED,
            decided_on=dt.date(year, 6, 19),
        ),
        dict(
            kind=Appeal.Kind.SUIT,
            route=Appeal.Route.DIRECT,
            application=enforcement,
            case_number=f"（{year}）内0783行初5号",
            filed_on=dt.date(year, 5, 6),
            body="扎兰屯市人民法院",
            subject="对不予公开行政执法案卷的答复不服。",
            result=Appeal.Result.OTHER,
            decided_on=dt.date(year, 7, 15),
            note="原告撤回起诉。",
        ),
        dict(
            kind=Appeal.Kind.SUIT,
            route=Appeal.Route.AFTER_REVIEW,
            application=refused,
            case_number=f"（{year}）内0783行初9号",
            filed_on=dt.date(year, 5, 8),
            body="扎兰屯市人民法院",
            subject="对维持原答复的复议决定不服，提起诉讼。",
        ),
    ]
    for row in rows:
        reports.appeal_save(appeal=Appeal(office=office, **row), actor=actor)


def yearly_figures(actor, year: int) -> None:
    """The receiving office's counts of licences, penalties and coercion, that year and the one before."""
    office = receiving_office()
    counts = {year - 1: (12, 5, 0), year: (14, 6, 1)}
    for each_year, (licences, penalties, coercions) in counts.items():
        figures = YearlyFigures(
            year=each_year,
            office=office,
            licences=licences,
            penalties=penalties,
            coercions=coercions,
            fees=Decimal("0"),
            note="行政许可为人力资源服务许可和劳务派遣经营许可；行政处罚为劳动保障监察案件。",
        )
        reports.yearly_figures_save(figures=figures, actor=actor)
