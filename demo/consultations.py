"""Demo consultations (意见征集) with citizens' comments: one open, one ended
and waiting for its feedback, one with its feedback published.

Dates are set relative to today.
"""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from demo.dates import midday
from demo.staff import Role, publish, staff
from demo.texts import paragraphs
from disclosure.models import CatalogueItem, Comment, FeedbackDecision, Publication
from disclosure.services.consultations import comment_moderate
from disclosure.services.deadlines import record_timeliness
from disclosure.services.publications import publication_save_draft

COMMENT_WAYS = (
    "信函：寄至扎兰屯市人力资源和社会保障局行政办公室（演示地址），信封注明“征求意见”；\n"
    "电子邮箱：zlthrss@example.cn（演示）；传真：0470-0000000（演示号码）。"
)


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
    # The notice went out when the consultation opened.
    _published_on(publish(publication), opens_on)
    publication.refresh_from_db()
    return publication


def _published_on(publication: Publication, day: dt.date) -> None:
    """Move a publication's date back to `day`, on time or late by its item's rule."""
    publication.published_at = midday(day)
    record_timeliness(publication, day)
    Publication.objects.filter(pk=publication.pk).update(
        published_at=publication.published_at,
        on_time=publication.on_time,
        days_late=publication.days_late,
    )


def _comment(consultation, body, *, name="", contact="", on: dt.date, status=None, reply=""):
    comment = Comment.objects.create(
        consultation=consultation,
        name=name,
        contact=contact,
        body=body,
        client="demo",
        token=uuid.uuid4(),
    )
    Comment.objects.filter(pk=comment.pk).update(submitted_at=midday(on))
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
        paragraphs(
            "第一条　为规范零工市场管理，保障灵活就业人员和用工主体的合法权益，制定本办法。",
            "第二条　本办法适用于本市行政区域内公益性零工市场的设立、运营和管理。",
            "第三条　零工市场免费提供岗位信息发布、求职登记、就业指导等服务。",
        ),
        paragraphs(
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
        paragraphs("第一条　为做好高校毕业生等青年就业见习工作，制定本办法。"),
        paragraphs("根据上级有关文件要求，结合本市实际，起草了本办法。"),
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
        paragraphs("第一条　为规范失业保险稳岗返还经办工作，制定本规程。"),
        paragraphs("本规程依据上级关于失业保险稳岗返还政策的规定起草。"),
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
        body=paragraphs(
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
    # Published ten days after the consultation closed.
    _published_on(publish(feedback), answered.closes_on + timedelta(days=10))
    return 4
