"""Two years of a bureau's work, as the annual report's tests count it.

Applications of all six applicant types and every reply, across the ends of
2025 and 2026; 行政规范性文件 published, repealed and expired; two offices'
yearly figures; appeals of each result and route. Everything goes through
the services on the day it happened, except the fee that lapsed (whose
services are not written yet). The numbers the tests expect are worked out
by hand from the comments here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import time_machine

from disclosure.models import (
    Appeal,
    CatalogueItem,
    FeeNotice,
    InformationRequest,
    Office,
    Publication,
    ReplyType,
    YearlyFigures,
)
from disclosure.services.applications import (
    application_approve_answer,
    application_ask_correction,
    application_close,
    application_consult_third_party,
    application_correction_received,
    application_lapse,
    application_receive,
    application_register,
)
from disclosure.services.publications import (
    publication_save_draft,
    publication_start_revision,
    publication_withdraw,
)
from disclosure.services.reports import appeal_save, yearly_figures_save
from tests.citizens import application_data, on, prepare_reply, submitted
from tests.factories import make_draft, publish

Type = InformationRequest.ApplicantType
Status = InformationRequest.Status
P, B, R, G, L, O = (  # noqa: E741 (the six columns, in order)
    Type.PERSON,
    Type.BUSINESS,
    Type.RESEARCH,
    Type.PUBLIC_INTEREST,
    Type.LEGAL_SERVICE,
    Type.OTHER_ORG,
)
NORMATIVE = "gfxwj/gfxwj/gfxwj"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def applicant(kind: str) -> dict:
    """An applicant of `kind`: a person by identity card, an organisation by credit code."""
    if kind == P:
        return {"applicant_type": kind}
    return {
        "applicant_type": kind,
        "name": f"{Type(kind).label}申请单位",
        "id_type": "credit_code",
        "id_number": "91150783MA0N12345X",
        "legal_representative": "赵法人",
    }


def register(people, kind: str, received: str) -> InformationRequest:
    """An application by letter, signed for on `received`."""
    with on(received):
        application, _ = application_register(
            data=application_data(**applicant(kind)),
            channel=InformationRequest.Channel.LETTER,
            received_on=day(received),
            actor=people.editor,
            token=uuid.uuid4(),
        )
    return application


def online(people, kind: str, sent: str, received: str | None = None) -> InformationRequest:
    """An application through the website, confirmed as received on `received` (if at all)."""
    application = submitted(sent, **applicant(kind))
    if received:
        with on(received):
            application = application_receive(
                application=application, actor=people.editor, on=day(received)
            )
    return application


def reply(people, application, reply_type: str, prepared: str, sent: str | None = None):
    """The editor prepares the reply on `prepared`; the reviewer lets it go out on `sent`."""
    with on(prepared):
        prepare_reply(application, people.editor, reply_type, on=day(prepared))
    if sent is None:
        return application
    with on(sent):
        return application_approve_answer(
            application=application, actor=people.reviewer, on=day(sent)
        )


def ask_correction(people, application, asked: str, deadline: str):
    with on(asked):
        return application_ask_correction(
            application=application,
            actor=people.editor,
            note="请写明所需信息的年度。",
            deadline=day(deadline),
            on=day(asked),
        )


def lapse(people, application, asked: str, deadline: str, closed: str):
    """A correction asked for and never given: closed when its period has passed."""
    ask_correction(people, application, asked, deadline)
    with on(closed):
        return application_lapse(application=application, actor=people.editor, on=day(closed))


def fee_notice(people, application, notified: str, amount: str, paid: str | None = None):
    """A 收费通知 recorded as the fee services will record it."""
    return FeeNotice.objects.create(
        application=application,
        method=FeeNotice.Method.PER_PIECE,
        quantity=1,
        earlier_pieces=10,
        computed=Decimal(amount),
        amount=Decimal(amount),
        payment_way=FeeNotice.PaymentWay.ON_SITE,
        notified_on=day(notified),
        pay_by=day(notified) + dt.timedelta(days=28),
        paid_on=day(paid) if paid else None,
        issued_by=people.editor,
    )


def applications(people) -> SimpleNamespace:
    """Forty-one applications; the comment on each says where 2025's and 2026's tables count it."""
    a = SimpleNamespace()
    # -- received in 2025 ----------------------------------------------------------------
    # 2025: 一, 四.  2026: 二, （一）.
    a.p_new_year = register(people, P, "2025-12-31")
    reply(people, a.p_new_year, ReplyType.DISCLOSED, "2025-12-31", "2026-01-02")
    # 2025: 一, （二）.
    a.b_2025 = register(people, B, "2025-11-10")
    reply(people, a.b_2025, ReplyType.PARTLY, "2025-11-19", "2025-11-20")
    # 2025: 一, 四.  2026: 二, （六）1.
    a.r_lapsed = register(people, R, "2025-12-29")
    lapse(people, a.r_lapsed, "2025-12-30", "2026-01-09", "2026-01-12")
    # 2025: 一, （三）1 (answered on the last day of the year).
    a.g_2025 = register(people, G, "2025-12-15")
    reply(people, a.g_2025, ReplyType.REFUSED_STATE_SECRET, "2025-12-30", "2025-12-31")
    # 2025: 一, 四.  2026: 二, （四）1.  A fee notified in 2025, paid in 2026 (30.00 元).
    a.l_fee = register(people, L, "2025-12-30")
    fee_notice(people, a.l_fee, "2025-12-31", "30.00", paid="2026-01-04")
    reply(people, a.l_fee, ReplyType.UNAVAILABLE_NOT_HELD, "2026-01-05", "2026-01-06")
    # Sent online on 31 December, confirmed on 4 January.  2025: nothing.  2026: 一, （一）.
    a.o_online = online(people, O, "2025-12-31", "2026-01-04")
    reply(people, a.o_online, ReplyType.DISCLOSED, "2026-01-19", "2026-01-20")
    # Waiting for a third party since 2025.  2025: 一, 四.  2026: 二, 四.
    a.p_third_party = register(people, P, "2025-12-24")
    with on("2025-12-26"):
        application_consult_third_party(
            application=a.p_third_party,
            actor=people.editor,
            note="征求某企业意见",
            on=day("2025-12-26"),
        )

    # -- received in 2026, one row of table 三 after another -----------------------------------
    # Received on New Year's Day.
    a.p_1 = register(people, P, "2026-01-01")
    reply(people, a.p_1, ReplyType.DISCLOSED, "2026-01-14", "2026-01-15")
    replies = [
        (B, ReplyType.DISCLOSED),
        (P, ReplyType.PARTLY),
        (B, ReplyType.PARTLY),
        (R, ReplyType.REFUSED_STATE_SECRET),
        (G, ReplyType.REFUSED_BY_LAW),
        (L, ReplyType.REFUSED_SECURITY),
        (O, ReplyType.REFUSED_THIRD_PARTY),
        (P, ReplyType.REFUSED_INTERNAL),
        (B, ReplyType.REFUSED_PROCESS),
        (R, ReplyType.REFUSED_ENFORCEMENT),
        (G, ReplyType.REFUSED_QUERY),
        (L, ReplyType.UNAVAILABLE_NOT_HELD),
        (O, ReplyType.UNAVAILABLE_NEEDS_MAKING),
        (B, ReplyType.NOT_HANDLED_PETITION),
        (R, ReplyType.NOT_HANDLED_REPEATED),
        (G, ReplyType.NOT_HANDLED_PUBLICATION),
        (L, ReplyType.NOT_HANDLED_EXCESSIVE),
        (O, ReplyType.NOT_HANDLED_CONFIRMATION),
        (R, ReplyType.OTHER),
        (L, ReplyType.DISCLOSED),
        (O, ReplyType.PARTLY),
    ]
    a.replied = []
    for index, (kind, reply_type) in enumerate(replies):
        # Received every nine days from 2 February, answered a fortnight later.
        received = day("2026-02-02") + dt.timedelta(days=9 * index)
        application = register(people, kind, received.isoformat())
        answered = (received + dt.timedelta(days=14)).isoformat()
        a.replied.append(reply(people, application, reply_type, answered, answered))
    # Unclear even after the correction.
    a.p_unclear = register(people, P, "2026-03-02")
    ask_correction(people, a.p_unclear, "2026-03-04", "2026-03-20")
    with on("2026-03-16"):
        application_correction_received(
            application=a.p_unclear, actor=people.editor, on=day("2026-03-16")
        )
    reply(people, a.p_unclear, ReplyType.UNAVAILABLE_UNCLEAR, "2026-03-30", "2026-03-31")
    # No correction given.
    a.p_lapsed = register(people, P, "2026-05-06")
    lapse(people, a.p_lapsed, "2026-05-07", "2026-05-21", "2026-05-22")
    # The fee not paid in time: closed on 8 April (recorded directly, see the docstring).
    a.b_no_fee = register(people, B, "2026-03-09")
    fee_notice(people, a.b_no_fee, "2026-03-10", "100.00")
    InformationRequest.objects.filter(pk=a.b_no_fee.pk).update(
        status=Status.CLOSED,
        reply_type=ReplyType.OTHER_NO_FEE,
        closed_on=day("2026-04-08"),
        close_note="申请人逾期未缴纳信息处理费，不再处理。",
    )
    # The fee paid (150.00 元), then disclosed.
    a.g_paid = register(people, G, "2026-04-01")
    fee_notice(people, a.g_paid, "2026-04-02", "150.00", paid="2026-04-10")
    reply(people, a.g_paid, ReplyType.DISCLOSED, "2026-04-20", "2026-04-21")
    # Answered in December, closed in January: counted by the reply.
    a.p_december = register(people, P, "2026-12-01")
    reply(people, a.p_december, ReplyType.DISCLOSED, "2026-12-28", "2026-12-29")
    with on("2027-01-06"):
        application_close(
            application=a.p_december, actor=people.editor, note="邮寄送达", on=day("2027-01-06")
        )
    # Received and answered in December.
    a.p_quick = register(people, P, "2026-12-20")
    reply(people, a.p_quick, ReplyType.DISCLOSED, "2026-12-30", "2026-12-30")

    # -- open at the end of 2026: 一 and 四 of 2026 ----------------------------------------
    a.p_answered_in_january = register(people, P, "2026-12-10")
    reply(people, a.p_answered_in_january, ReplyType.DISCLOSED, "2027-01-04", "2027-01-05")
    a.b_open = register(people, B, "2026-12-14")
    a.r_correction = register(people, R, "2026-12-16")
    ask_correction(people, a.r_correction, "2026-12-17", "2027-01-08")
    # The reply written in December, approved in January: not yet answered at the year end.
    a.g_in_review = register(people, G, "2026-12-21")
    reply(people, a.g_in_review, ReplyType.DISCLOSED, "2026-12-29", "2027-01-04")

    # -- sent on 31 December 2026, not received in 2026: counted nowhere in 2026 -----------
    a.l_unconfirmed = online(people, L, "2026-12-31")
    a.o_confirmed_in_2027 = online(people, O, "2026-12-31", "2027-01-04")
    return a


def change_validity(people, document: Publication, validity: str, changed: str) -> Publication:
    """A revision saying the document expired or was repealed, reviewed and merged."""
    with on(changed):
        revision = publication_start_revision(publication=document, actor=people.editor)
        revision.validity = validity
        revision.validity_changed_on = day(changed)
        revision.change_note = f"{Publication.Validity(validity).label}"
        publication_save_draft(publication=revision, actor=people.editor)
        return publish(revision, people.reviewer)


def normative(people, title: str, published: str, *, item_path: str = NORMATIVE) -> Publication:
    with on(published):
        return published_document(people, title, published, item_path)


def published_document(people, title: str, formed: str, item_path: str) -> Publication:
    fields = {
        "title": title,
        "formed_on": day(formed),
        "doc_number": f"扎人社规〔{formed[:4]}〕{len(title)}号",
    }
    if item_path == NORMATIVE:
        fields |= {"written_on": day(formed), "validity": Publication.Validity.VALID}
    else:
        fields |= {"written_on": day(formed)}
    return publish(make_draft(people.editor, item_path, **fields), people.reviewer)


def documents(people) -> SimpleNamespace:
    """行政规范性文件 of 2024 to 2027, and one 规章 (政策法规 standing for 规章 here).

    2025: issued 1 (repealed_2026), repealed 0, in force 2 (valid_2024, repealed_2026).
    2026: issued 3, repealed 1, in force 4 (valid_2024 and the three of 2026).
    """
    d = SimpleNamespace()
    d.valid_2024 = normative(people, "关于规范就业补助资金管理的通知", "2024-06-10")
    d.expired_2025 = normative(people, "关于2024年度技能培训补贴标准的通知", "2024-09-02")
    change_validity(people, d.expired_2025, Publication.Validity.EXPIRED, "2025-12-31")
    d.repealed_2026 = normative(people, "关于失业保险金申领办法的通知", "2025-03-03")
    change_validity(people, d.repealed_2026, Publication.Validity.REPEALED, "2026-05-20")
    d.issued_2026 = [
        normative(people, "关于零工市场管理的规定", "2026-02-10"),
        normative(people, "关于公益性岗位管理的办法", "2026-06-15"),
        # At 23:30 on 31 December, Beijing time (15:30 UTC): still 2026.
        _at(
            dt.datetime(2026, 12, 31, 23, 30, tzinfo=SHANGHAI),
            lambda: published_document(people, "关于创业担保贷款的办法", "2026-12-31", NORMATIVE),
        ),
    ]
    # A revision not yet approved is not a second document.
    with on("2026-07-01"):
        pending = publication_start_revision(publication=d.issued_2026[0], actor=people.editor)
        pending.change_note = "修改联系电话"
        publication_save_draft(publication=pending, actor=people.editor)
    # Published and withdrawn in 2026: not counted.
    d.withdrawn = normative(people, "关于某事项的通知（已撤回）", "2026-03-03")
    with on("2026-03-05"):
        publication_withdraw(publication=d.withdrawn, actor=people.reviewer, reason="发布有误")
    # At half past midnight on 1 January 2027, Beijing time (16:30 UTC on 31 December): 2027.
    d.next_year = _at(
        dt.datetime(2027, 1, 1, 0, 30, tzinfo=SHANGHAI),
        lambda: published_document(people, "关于2027年就业工作的通知", "2027-01-01", NORMATIVE),
    )
    # Not a regulation at all.
    d.other = normative(people, "关于政协提案的答复", "2026-04-01", item_path="jyta")
    # A 规章, under an item below the one marked as 规章.
    CatalogueItem.objects.filter(slug="zcfg", parent=None).update(
        report_role=CatalogueItem.ReportRole.RULES
    )
    d.rule = normative(people, "扎兰屯市就业促进办法", "2026-08-03", item_path="zcfg/zcwj")
    return d


def _at(moment: dt.datetime, action):
    with time_machine.travel(moment, tick=False):
        return action()


def figures(people) -> list[YearlyFigures]:
    """2026: 许可 12 + 30, 处罚 3 + 0, 强制 1 + 2, 收费 1.2345 + 0.5 万元; and 2025's of one office."""
    employment = Office.objects.get(name="就业服务中心")
    rows = [
        (people.editor, 2026, people.admin_office, 12, 3, 1, "1.2345"),
        (people.other_editor, 2026, employment, 30, 0, 2, "0.5"),
        (people.editor, 2025, people.admin_office, 7, 1, 0, "0.0100"),
    ]
    saved = []
    for actor, year, office, licences, penalties, coercions, fees in rows:
        row = YearlyFigures(
            year=year,
            office=office,
            licences=licences,
            penalties=penalties,
            coercions=coercions,
            fees=Decimal(fees),
        )
        saved.append(yearly_figures_save(figures=row, actor=actor))
    return saved


def appeals(people, applications: SimpleNamespace | None = None) -> list[Appeal]:
    """Each result of each kind; one decided in 2027, one filed in 2025 and decided in 2026.

    2026 复议: 维持 1, 纠正 2, 其他 1, 尚未审结 2.  直接起诉: 维持 1, 尚未审结 1.
    复议后起诉: 纠正 1, 其他 1.  2025 复议: 尚未审结 1; 直接起诉: 维持 1.
    """
    Kind, Route, Result = Appeal.Kind, Appeal.Route, Appeal.Result
    concerned = applications.replied[4] if applications else None
    rows = [
        (Kind.REVIEW, "", "2026-02-10", Result.UPHELD, "2026-04-10", concerned),
        (Kind.REVIEW, "", "2026-03-01", Result.CORRECTED, "2026-05-20", None),
        (Kind.REVIEW, "", "2026-05-01", Result.OTHER, "2026-06-30", None),
        (Kind.REVIEW, "", "2026-11-01", Result.PENDING, None, None),
        (Kind.REVIEW, "", "2026-10-10", Result.UPHELD, "2027-01-15", None),
        (Kind.REVIEW, "", "2025-11-20", Result.CORRECTED, "2026-01-20", None),
        (Kind.SUIT, Route.DIRECT, "2026-03-15", Result.UPHELD, "2026-09-01", None),
        (Kind.SUIT, Route.DIRECT, "2026-06-01", Result.PENDING, None, None),
        (Kind.SUIT, Route.AFTER_REVIEW, "2026-06-15", Result.CORRECTED, "2026-10-20", None),
        (Kind.SUIT, Route.AFTER_REVIEW, "2026-12-01", Result.OTHER, "2026-12-28", None),
        (Kind.SUIT, Route.DIRECT, "2025-06-01", Result.UPHELD, "2025-10-01", None),
    ]
    saved = []
    for number, (kind, route, filed, result, decided, application) in enumerate(rows, start=1):
        appeal = Appeal(
            kind=kind,
            route=route,
            office=people.admin_office,
            application=application,
            case_number=f"扎政复〔{filed[:4]}〕{number}号",
            filed_on=day(filed),
            body="扎兰屯市人民政府" if kind == Kind.REVIEW else "扎兰屯市人民法院",
            subject="对政府信息公开答复不服",
            result=result,
            decided_on=day(decided) if decided else None,
        )
        saved.append(appeal_save(appeal=appeal, actor=people.editor))
    return saved


def two_years(people) -> SimpleNamespace:
    """Everything above."""
    found = applications(people)
    return SimpleNamespace(
        applications=found,
        documents=documents(people),
        figures=figures(people),
        appeals=appeals(people, found),
    )
