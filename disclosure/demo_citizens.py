"""Demo consultations, comments and applications, through the real services.

Dates are set relative to today: an open consultation, one that has ended
and waits for its feedback, one with published feedback, and applications
in every state of their handling.
"""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from disclosure.demo import PDF, Role, _p, _publish, staff
from disclosure.models import (
    CatalogueItem,
    Comment,
    FeedbackDecision,
    HolidaySchedule,
    InformationRequest,
    Publication,
    ReplyType,
)
from disclosure.services.applications import (
    application_answer,
    application_approve_answer,
    application_ask_correction,
    application_close,
    application_consult_third_party,
    application_correction_received,
    application_extend,
    application_lapse,
    application_receive,
    application_register,
    application_submit,
    receiving_office,
)
from disclosure.services.consultations import comment_moderate
from disclosure.services.publications import publication_save_draft

COMMENT_WAYS = (
    "信函：寄至扎兰屯市人力资源和社会保障局行政办公室（演示地址），信封注明“征求意见”；\n"
    "电子邮箱：zlthrss@example.cn（演示）；传真：0470-0000000（演示号码）。"
)


def _midday(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def _consultation(item, office, title, opens_on, closes_on, body, note) -> Publication:
    publication = Publication(
        item=item,
        office=office,
        title=title,
        formed_on=min(opens_on, timezone.localdate()) - timedelta(days=1),
        opens_on=opens_on,
        closes_on=closes_on,
        comment_ways=COMMENT_WAYS,
        drafting_note=note,
        body=body,
        keywords="征求意见",
    )
    publication_save_draft(publication=publication, actor=staff(office, Role.EDITOR))
    _publish(publication)
    # The notice went out, on time, when the consultation opened.
    Publication.objects.filter(pk=publication.pk).update(
        published_at=_midday(opens_on), on_time=True, days_late=0
    )
    publication.refresh_from_db()
    return publication


def _comment(consultation, body, *, name="", contact="", on: dt.date, status=None, reply=""):
    comment = Comment.objects.create(
        consultation=consultation,
        name=name,
        contact=contact,
        body=body,
        client="demo",
        token=uuid.uuid4(),
    )
    Comment.objects.filter(pk=comment.pk).update(submitted_at=_midday(on))
    if status:
        comment_moderate(
            comment=comment,
            actor=staff(consultation.office, Role.REVIEWER),
            status=status,
            reply=reply,
        )
    return comment


@transaction.atomic
def create_consultations() -> int:
    item = CatalogueItem.objects.filter(
        presentation=CatalogueItem.Presentation.CONSULTATIONS, is_active=True
    ).first()
    if item is None:
        return 0
    office = item.responsible_offices()[0]
    today = timezone.localdate()
    published = Comment.Status.PUBLISHED

    current = _consultation(
        item,
        office,
        "关于《扎兰屯市零工市场管理办法（征求意见稿）》公开征求意见的公告",
        today - timedelta(days=10),
        today + timedelta(days=20),
        _p(
            "第一条　为规范零工市场管理，保障灵活就业人员和用工主体的合法权益，制定本办法。",
            "第二条　本办法适用于本市行政区域内公益性零工市场的设立、运营和管理。",
            "第三条　零工市场免费提供岗位信息发布、求职登记、就业指导等服务。",
        ),
        _p(
            "一、起草背景：我市灵活就业人员逐年增加，自发形成的零工聚集点缺乏规范管理。",
            "二、主要内容：明确零工市场的设立条件、服务内容、运营规范和监督管理。",
        ),
    )
    _comment(
        current,
        "建议零工市场在冬季提供室内候工场所，并延长早间开放时间。",
        name="张先生",
        contact="13900000001",
        on=today - timedelta(days=8),
        status=published,
        reply="感谢您的建议，我们将在正式文件中予以研究。",
    )
    _comment(
        current,
        "希望明确平台对用工主体的资质审核要求，防止拖欠工资。",
        on=today - timedelta(days=5),
        status=published,
    )
    _comment(
        current,
        "第三条能否增加技能培训信息的发布？",
        name="李女士",
        contact="lnvshi@example.com",
        on=today - timedelta(days=2),
    )

    ended = _consultation(
        item,
        office,
        "关于《扎兰屯市就业见习管理办法（征求意见稿）》公开征求意见的公告",
        today - timedelta(days=40),
        today - timedelta(days=5),
        _p("第一条　为做好高校毕业生等青年就业见习工作，制定本办法。"),
        _p("根据上级有关文件要求，结合本市实际，起草了本办法。"),
    )
    _comment(ended, "建议提高见习补贴标准。", on=today - timedelta(days=20))
    _comment(
        ended,
        "见习期满留用的，能否给予单位奖励？",
        contact="0470-1111111",
        on=today - timedelta(days=12),
        status=Comment.Status.HIDDEN,
    )

    answered = _consultation(
        item,
        office,
        "关于《扎兰屯市失业保险稳岗返还经办规程（征求意见稿）》公开征求意见的公告",
        today - timedelta(days=90),
        today - timedelta(days=59),
        _p("第一条　为规范失业保险稳岗返还经办工作，制定本规程。"),
        _p("本规程依据上级关于失业保险稳岗返还政策的规定起草。"),
    )
    for number, (text, when) in enumerate(
        [
            ("建议简化申领材料，实行免申即享。", 85),
            ("建议返还资金到账时间不超过15个工作日。", 80),
            ("建议把个体工商户纳入返还范围。", 70),
        ]
    ):
        _comment(
            answered,
            text,
            name="" if number else "某企业",
            on=today - timedelta(days=when),
            status=published,
        )
    feedback = Publication(
        item=item,
        office=office,
        title="关于《扎兰屯市失业保险稳岗返还经办规程（征求意见稿）》征求意见采纳情况的反馈",
        feedback_for=answered,
        formed_on=answered.closes_on + timedelta(days=5),
        body=_p(
            "征求意见期间，共收到意见3条。经认真研究，采纳1条，部分采纳1条，未采纳1条。具体情况如下。"
        ),
    )
    publication_save_draft(publication=feedback, actor=staff(office, Role.EDITOR))
    FeedbackDecision.objects.bulk_create(
        [
            FeedbackDecision(
                publication=feedback,
                opinion="简化申领材料，实行免申即享。",
                decision=FeedbackDecision.Decision.ADOPTED,
                order=1,
            ),
            FeedbackDecision(
                publication=feedback,
                opinion="返还资金到账时间不超过15个工作日。",
                decision=FeedbackDecision.Decision.PARTLY,
                reason="资金拨付需经财政部门审核，规定为20个工作日内到账。",
                order=2,
            ),
            FeedbackDecision(
                publication=feedback,
                opinion="把个体工商户纳入返还范围。",
                decision=FeedbackDecision.Decision.NOT_ADOPTED,
                reason="返还范围由上级政策确定，本规程无权扩大。",
                order=3,
            ),
        ]
    )
    _publish(feedback)
    # Published ten days after the consultation closed.
    Publication.objects.filter(pk=feedback.pk).update(
        published_at=_midday(answered.closes_on + timedelta(days=10)), on_time=True, days_late=0
    )
    return 4


def _application(data: dict, submitted_on: dt.date) -> InformationRequest:
    application, code = application_submit(data=data, client="demo", token=uuid.uuid4())
    InformationRequest.objects.filter(pk=application.pk).update(submitted_at=_midday(submitted_on))
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
        return application_receive(application=application, actor=editor, on=day)

    made.append(_application(_data(0), today))  # waiting for confirmation
    received(1, 3)  # being handled, plenty of time
    received(2, 17)  # due within five working days
    received(3, 23)  # overdue
    waiting = received(4, 4)
    application_ask_correction(
        application=waiting,
        actor=editor,
        note="请写明所需信息的年度和具体项目名称。",
        deadline=today + timedelta(days=10),
        on=workdays_ago(2),
    )
    corrected = received(5, 15)
    application_ask_correction(
        application=corrected,
        actor=editor,
        note="请说明所需文件的大致形成时间。",
        deadline=workdays_ago(8) + timedelta(days=5),
        on=workdays_ago(12),
    )
    application_correction_received(application=corrected, actor=editor, on=workdays_ago(9))
    consulting = received(6, 8)
    application_consult_third_party(
        application=consulting,
        actor=editor,
        note="涉及某企业的经营信息，书面征求该企业意见。",
        on=workdays_ago(5),
    )
    extended = received(7, 19)
    application_extend(
        application=extended,
        actor=reviewer,
        days=15,
        reason="申请公开的信息量大，需要逐件进行保密审查。",
        on=workdays_ago(1),
    )
    answered = received(8, 14)
    application_answer(
        application=answered,
        actor=editor,
        reply_type=ReplyType.DISCLOSED,
        note="予以公开，答复书及所需信息已通过电子邮件发送。",
        reply_file=_reply_file(8),
        on=workdays_ago(3),
    )
    application_approve_answer(application=answered, actor=reviewer, on=workdays_ago(2))
    closed = received(9, 30)
    application_answer(
        application=closed,
        actor=editor,
        reply_type=ReplyType.PARTLY,
        note="其中涉及个人隐私的部分不予公开。",
        reply_file=_reply_file(9),
        on=workdays_ago(12),
    )
    application_approve_answer(application=closed, actor=reviewer, on=workdays_ago(12))
    application_close(
        application=closed, actor=editor, note="答复书已于当日邮寄送达。", on=workdays_ago(10)
    )
    lapsed = received(10, 25)
    application_ask_correction(
        application=lapsed,
        actor=editor,
        note="请提供所需信息的文号或名称。",
        deadline=workdays_ago(20) + timedelta(days=10),
        on=workdays_ago(21),
    )
    application_lapse(application=lapsed, on=workdays_ago(20) + timedelta(days=11))
    letter, code = application_register(
        data=_data(11),
        channel=InformationRequest.Channel.LETTER,
        received_on=workdays_ago(6),
        actor=editor,
        token=uuid.uuid4(),
    )
    letter.demo_code = code
    made.append(letter)
    in_review = received(12, 10)
    application_answer(
        application=in_review,
        actor=editor,
        reply_type=ReplyType.UNAVAILABLE_NOT_HELD,
        note="本机关不掌握该信息，已告知可向市财政局咨询。",
        reply_file=_reply_file(12),
        on=workdays_ago(1),
    )
    return [
        (
            application.number,
            getattr(application, "demo_code", ""),
            InformationRequest.objects.get(pk=application.pk).get_status_display(),
        )
        for application in made
    ]
