"""Handling applications for information, with the clocks of 政府信息公开条例 Art. 30–33.

submitted online → received (Art. 31: the day both sides confirm) → optionally
a correction asked for once, within 7 working days (Art. 30; the clock starts
again when it arrives, and lapses if it does not) → optionally a third party
consulted (Art. 32; the days waiting are not counted) → optionally a
信息处理费 notified once (国办函〔2020〕109号; the days until it is paid are
not counted, and unpaid it lapses) → optionally extended once by up to 20
working days, approved by a reviewer (Art. 33) → answered with one of
Art. 36's replies → closed.

Each step checks who is acting, changes the application in one transaction
and records an event; `on` is the day the step happened (today by default).
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from disclosure import permissions
from disclosure.exceptions import WorkflowError, require
from disclosure.lib import fees
from disclosure.lib.codes import application_number, query_code
from disclosure.lib.deadlines import correction_window_closes
from disclosure.lib.legal import CORRECTION_WINDOW_WORKING_DAYS, MAX_EXTENSION_WORKING_DAYS
from disclosure.lib.names import person_name
from disclosure.lib.uploads import check_attachment
from disclosure.lib.workdays import Calendar
from disclosure.models import (
    FeeNotice,
    HolidaySchedule,
    InformationRequest,
    Office,
    ReplyType,
    RequestEvent,
    RequestNumberSequence,
)
from disclosure.models.base import locked
from disclosure.selectors.applications import earlier_pieces, receiving_office

Status = InformationRequest.Status
Action = RequestEvent.Action

# A fee notice counts at most this many pieces or pages, and its fee fits its column.
MAX_FEE_QUANTITY = 10000
MAX_FEE = Decimal("99999999.99")


def _code_for(application: InformationRequest) -> str:
    """The code of an application already recorded, if its token still gives it."""
    code = query_code(settings.SECRET_KEY, application.token) if application.token else ""
    return code if code and check_password(code, application.code_hash) else ""


def next_application_number(today: dt.date) -> str:
    return application_number(today.year, RequestNumberSequence.take(today.year))


def _event(application, action: str, actor, on: dt.date, note: str = "") -> None:
    application.events.create(action=action, actor=actor, on=on, note=note)


def _save(application: InformationRequest, calendar: Calendar | None = None) -> None:
    application.set_due_date(calendar or HolidaySchedule.objects.calendar())
    application.save()


def _handling(application, actor, on: dt.date | None) -> tuple[InformationRequest, dt.date]:
    """The application, locked, if the actor handles it; and the day of the step."""
    application = locked(application)
    _handler(actor, application)
    return application, _today(on)


def _recorded(
    application, action: str, actor, on: dt.date, note: str = "", *, calendar=None
) -> InformationRequest:
    """Save the application with its due date, and record the step."""
    _save(application, calendar)
    _event(application, action, actor, on, note)
    return application


def _handler(actor, application: InformationRequest) -> None:
    require(
        permissions.applications.can(actor, "handle", application),
        "只有承办科室的工作人员可以办理这件申请。",
    )


def _today(on: dt.date | None) -> dt.date:
    return on or timezone.localdate()


def _new_application(
    data: dict, *, office: Office, token: uuid.UUID, **fields
) -> tuple[InformationRequest, str]:
    """An unsaved, validated application with the next number, and its query code."""
    code = query_code(settings.SECRET_KEY, token)
    application = InformationRequest(
        **data,
        **fields,
        number=next_application_number(timezone.localdate()),
        code_hash=make_password(code),
        office=office,
        token=token,
    )
    # The token's uniqueness is the database's to enforce: a second copy of the
    # form arriving at the same moment fails on insert, and is answered there.
    application.full_clean(validate_unique=False)
    return application, code


def application_submit(
    *, data: dict, client: str, token: uuid.UUID
) -> tuple[InformationRequest, str]:
    """Record an online application; returns it and its query code (kept only as a hash).

    Sending the same form twice, one after the other or at the same moment,
    records it once: every call returns the one application and its code.
    """
    existing = InformationRequest.objects.filter(token=token).first()
    if existing is not None:
        return existing, _code_for(existing)
    try:
        with transaction.atomic():
            application, code = _new_application(
                data,
                office=receiving_office(),
                token=token,
                channel=InformationRequest.Channel.ONLINE,
                status=Status.SUBMITTED,
                client=client,
            )
            application.save()
            _event(application, Action.SUBMITTED, None, timezone.localdate())
    except IntegrityError:
        existing = InformationRequest.objects.get(token=token)
        return existing, _code_for(existing)
    return application, code


def application_register(
    *, data: dict, channel: str, received_on: dt.date, actor, token: uuid.UUID
) -> tuple[InformationRequest, str]:
    """Record an application that came on paper, by letter, fax or in person.

    It is received on the day given (in person: that day; by letter: the day
    it was signed for; Art. 31), so its clock starts at once. Returns it and
    its query code, for the applicant; the same form sent twice records one
    application.
    """
    existing = InformationRequest.objects.filter(token=token).first()
    if existing is not None:
        return existing, _code_for(existing)
    office = receiving_office()
    require(permissions.in_office(actor, office.pk), f"政府信息公开申请由{office.name}登记和办理。")
    require(
        channel in InformationRequest.Channel.values
        and channel != InformationRequest.Channel.ONLINE,
        "网上申请由申请人在网站提交，请选择当面提交、信函或传真。",
    )
    require(received_on <= timezone.localdate(), "收到申请日期不能晚于今天。")
    try:
        with transaction.atomic():
            application, code = _new_application(
                data,
                office=office,
                token=token,
                channel=channel,
                status=Status.RECEIVED,
                received_on=received_on,
                clock_start=received_on,
            )
            _save(application)
            _event(
                application,
                Action.REGISTERED,
                actor,
                received_on,
                InformationRequest.Channel(channel).label,
            )
    except IntegrityError:
        existing = InformationRequest.objects.get(token=token)
        return existing, _code_for(existing)
    return application, code


@transaction.atomic
def application_receive(*, application, actor, on: dt.date | None = None) -> InformationRequest:
    """Confirm receipt of an online application: the reply clock starts that day."""
    application = locked(application)
    _handler(actor, application)
    require(application.status == Status.SUBMITTED, "这件申请已经确认收到。")
    on = _today(on)
    require(on >= timezone.localtime(application.submitted_at).date(), "确认日期不能早于提交日期。")
    application.status = Status.RECEIVED
    application.received_on = on
    application.clock_start = on
    return _recorded(application, Action.RECEIVED, actor, on)


@transaction.atomic
def application_ask_correction(
    *, application, actor, note: str, deadline: dt.date, on: dt.date | None = None
) -> InformationRequest:
    """Ask the applicant, once, to correct or complete the application (Art. 30)."""
    application, on = _handling(application, actor, on)
    calendar = HolidaySchedule.objects.calendar()
    require(application.status == Status.RECEIVED, "只有办理中的申请可以要求补正。")
    require(application.correction_requested_on is None, "补正只能要求一次。")
    last_day = correction_window_closes(application.received_on, calendar)
    require(
        on <= last_day,
        f"要求补正应在收到申请之日起{CORRECTION_WINDOW_WORKING_DAYS}个工作日内提出（最迟{last_day:%Y年%m月%d日}），已经超过。",
    )
    require(bool(note.strip()), "请写明需要补正的事项。")
    require(deadline > on, "补正期限应晚于今天。")
    application.status = Status.CORRECTION
    application.correction_requested_on = on
    application.correction_note = note.strip()
    application.correction_deadline = deadline
    return _recorded(
        application,
        Action.CORRECTION_REQUESTED,
        actor,
        on,
        f"{note.strip()}；补正期限：{deadline:%Y-%m-%d}",
        calendar=calendar,
    )


@transaction.atomic
def application_correction_received(
    *, application, actor, note: str = "", on: dt.date | None = None
) -> InformationRequest:
    """The correction arrived in time: the 20 working days start again from that day."""
    application, on = _handling(application, actor, on)
    require(application.status == Status.CORRECTION, "这件申请没有在等待补正。")
    require(
        on <= application.correction_deadline, "已经超过补正期限，申请人逾期未补正的，应终止办理。"
    )
    application.status = Status.RECEIVED
    application.correction_received_on = on
    application.clock_start = on
    application.paused_days = 0
    return _recorded(application, Action.CORRECTION_RECEIVED, actor, on, note.strip())


@transaction.atomic
def application_lapse(*, application, actor=None, on: dt.date | None = None) -> InformationRequest:
    """No correction within the period given: the application is no longer handled."""
    application = locked(application)
    if actor is not None:
        _handler(actor, application)
    on = _today(on)
    require(application.status == Status.CORRECTION, "这件申请没有在等待补正。")
    require(on > application.correction_deadline, "补正期限还没有到。")
    application.status = Status.CLOSED
    application.reply_type = ReplyType.OTHER_NO_CORRECTION
    application.closed_on = on
    application.close_note = (
        f"申请人未在{application.correction_deadline:%Y年%m月%d日}前补正，不再处理。"
    )
    return _recorded(application, Action.LAPSED, actor, on, application.close_note)


def close_lapsed_applications(today: dt.date | None = None) -> list[InformationRequest]:
    """Close every application whose correction, or fee, was not given in time."""
    today = _today(today)
    uncorrected = InformationRequest.objects.filter(
        status=Status.CORRECTION, correction_deadline__lt=today
    ).order_by("pk")
    unpaid = InformationRequest.objects.filter(
        status=Status.FEE, fee_notice__pay_by__lt=today
    ).order_by("pk")
    return [
        *(application_lapse(application=application, on=today) for application in uncorrected),
        *(application_fee_lapse(application=application, on=today) for application in unpaid),
    ]


@transaction.atomic
def application_consult_third_party(
    *, application, actor, note: str, on: dt.date | None = None
) -> InformationRequest:
    """Ask a third party's opinion (Art. 32); the clock stops until the answer comes."""
    application, on = _handling(application, actor, on)
    require(application.status == Status.RECEIVED, "只有办理中的申请可以征求第三方意见。")
    require(bool(note.strip()), "请写明征求哪一方的意见、涉及什么内容。")
    require(on >= application.clock_start, "征求意见日期不能早于收到申请之日。")
    application.status = Status.THIRD_PARTY
    application.third_party_sent_on = on
    application.third_party_replied_on = None
    application.third_party_note = note.strip()
    return _recorded(application, Action.THIRD_PARTY_SENT, actor, on, note.strip())


@transaction.atomic
def application_third_party_replied(
    *, application, actor, note: str = "", on: dt.date | None = None
) -> InformationRequest:
    """The third party answered (or its 15 working days passed): the clock runs again."""
    application, on = _handling(application, actor, on)
    require(application.status == Status.THIRD_PARTY, "这件申请没有在征求第三方意见。")
    require(on >= application.third_party_sent_on, "答复日期不能早于征求意见日期。")
    calendar = HolidaySchedule.objects.calendar()
    paused = calendar.workdays_between(application.third_party_sent_on, on)
    application.status = Status.RECEIVED
    application.third_party_replied_on = on
    application.paused_days += paused
    return _recorded(
        application,
        Action.THIRD_PARTY_REPLIED,
        actor,
        on,
        f"{note.strip()}（{paused}个工作日不计入答复期限）".lstrip(),
        calendar=calendar,
    )


def _pay_by(notified_on: dt.date) -> dt.date:
    """The last day to pay: the 20th working day counted from the day after the notice arrived."""
    calendar = HolidaySchedule.objects.calendar()
    return calendar.add_workdays(notified_on, fees.PAYMENT_WORKING_DAYS)


def _fee(method: str, quantity: int, earlier: int) -> Decimal:
    if method == FeeNotice.Method.PER_PIECE:
        return fees.per_piece_fee(earlier, quantity)
    return fees.per_volume_fee(quantity)


@transaction.atomic
def application_fee_notice(
    *,
    application,
    actor,
    method: str,
    quantity: int,
    reduction: Decimal = Decimal(0),
    reduction_reason: str = "",
    payment_way: str,
    payment_note: str = "",
    notified_on: dt.date,
    on: dt.date | None = None,
) -> InformationRequest:
    """Record the 收费通知 of 信息处理费, once; the clock stops until the fee is paid.

    The fee follows the national tiers (`disclosure.lib.fees`): per piece,
    counted on from the applicant's earlier applications of the month; per
    volume, by the pages provided. A reduction needs its reason. Where
    nothing is to be paid (the tiers give nothing, or all of it is waived)
    the notice is recorded and the clock keeps running. Otherwise the
    applicant pays within 20 working days from the day after receiving the
    notice (`notified_on`, the day the step is recorded under; `on` is the
    day it is entered), and the working days until payment are not counted.
    """
    application, today = _handling(application, actor, on)
    reduction = Decimal(reduction)
    require(application.status == Status.RECEIVED, "只有办理中的申请可以发出收费通知。")
    require(
        not FeeNotice.objects.filter(application=application).exists(),
        "这件申请已经登记过收费通知，收费通知只能发一次。",
    )
    require(method in FeeNotice.Method.values, "请选择计收方式。")
    require(
        1 <= quantity <= MAX_FEE_QUANTITY,
        f"计费数量应为1至{MAX_FEE_QUANTITY}（按件计收为件数，按量计收为页数）。",
    )
    require(payment_way in FeeNotice.PaymentWay.values, "请选择缴费方式。")
    require(
        notified_on >= application.clock_start,
        f"申请人收到收费通知的日期不能早于答复期限起算日（{application.clock_start:%Y-%m-%d}）。",
    )
    require(notified_on <= today, "申请人收到收费通知的日期不能晚于今天。")
    per_piece = method == FeeNotice.Method.PER_PIECE
    earlier = earlier_pieces(application) if per_piece else 0
    computed = _fee(method, quantity, earlier)
    require(computed <= MAX_FEE, "按标准计算的费用过大，请核对计费数量。")
    require(reduction >= 0, "减免金额不能为负数。")
    require(reduction <= computed, f"减免金额不能超过按标准计算的费用（{fees.yuan(computed)}）。")
    reason = reduction_reason.strip() if reduction > 0 else ""
    require(reduction == 0 or bool(reason), "减免信息处理费的，请填写减免理由。")
    amount = computed - reduction
    notice = FeeNotice.objects.create(
        application=application,
        method=method,
        quantity=quantity,
        earlier_pieces=earlier,
        computed=computed,
        reduction=reduction,
        reduction_reason=reason,
        amount=amount,
        payment_way=payment_way,
        payment_note=payment_note.strip(),
        notified_on=notified_on,
        pay_by=_pay_by(notified_on) if amount > 0 else None,
        issued_by=actor,
    )
    if computed == 0:
        return _recorded(
            application, Action.FEE_NOTIFIED, actor, notified_on, f"按标准不收费：{notice.basis}。"
        )
    if amount == 0:
        return _recorded(
            application,
            Action.FEE_WAIVED,
            actor,
            notified_on,
            f"按标准应缴{fees.yuan(computed)}，全部减免：{reason}（{notice.basis}）",
        )
    application.status = Status.FEE
    reduced = f"，减免{fees.yuan(reduction)}：{reason}" if reduction else ""
    return _recorded(
        application,
        Action.FEE_NOTIFIED,
        actor,
        notified_on,
        f"应缴{fees.yuan(amount)}（{notice.basis}{reduced}），缴费期限{notice.pay_by:%Y-%m-%d}",
    )


def _payable(application) -> FeeNotice:
    require(application.status == Status.FEE, "这件申请没有在等待缴纳信息处理费。")
    return FeeNotice.objects.select_for_update().get(application=application)


@transaction.atomic
def application_fee_paid(
    *, application, actor, paid_on: dt.date | None = None, note: str = "", on: dt.date | None = None
) -> InformationRequest:
    """The fee was paid in time: the days waiting for it are not counted, the clock runs again."""
    application, today = _handling(application, actor, on)
    notice = _payable(application)
    paid_on = paid_on or today
    require(paid_on <= today, "缴费日期不能晚于今天。")
    require(
        paid_on >= notice.notified_on,
        f"缴费日期不能早于申请人收到收费通知的日期（{notice.notified_on:%Y-%m-%d}）。",
    )
    require(
        paid_on <= notice.pay_by,
        f"缴费期限（{notice.pay_by:%Y-%m-%d}）已过，申请人逾期未缴纳的视为放弃申请，不能再登记缴费。",
    )
    calendar = HolidaySchedule.objects.calendar()
    paused = calendar.workdays_between(notice.notified_on, paid_on)
    notice.paid_on = paid_on
    notice.save(update_fields=["paid_on"])
    application.status = Status.RECEIVED
    application.paused_days += paused
    paid = f"已缴纳{fees.yuan(notice.amount)}（{paused}个工作日不计入答复期限）"
    return _recorded(
        application,
        Action.FEE_PAID,
        actor,
        paid_on,
        f"{paid}；{note.strip()}" if note.strip() else paid,
        calendar=calendar,
    )


@transaction.atomic
def application_fee_lapse(
    *, application, actor=None, on: dt.date | None = None
) -> InformationRequest:
    """The fee was not paid by its last day: the application is no longer handled."""
    application = locked(application)
    if actor is not None:
        _handler(actor, application)
    on = _today(on)
    notice = _payable(application)
    require(on > notice.pay_by, f"缴费期限（{notice.pay_by:%Y-%m-%d}）还没有过。")
    application.status = Status.CLOSED
    application.reply_type = ReplyType.OTHER_NO_FEE
    application.closed_on = on
    application.close_note = (
        f"申请人未在{notice.pay_by:%Y年%m月%d日}前缴纳信息处理费，视为放弃申请，不再处理。"
    )
    return _recorded(application, Action.FEE_LAPSED, actor, on, application.close_note)


@transaction.atomic
def application_extend(
    *, application, actor, days: int, reason: str, on: dt.date | None = None
) -> InformationRequest:
    """Extend the reply period once, by at most 20 working days, with a reviewer's approval."""
    application = locked(application)
    require(
        permissions.applications.is_reviewer(actor, application),
        "延长答复期限须经承办科室审核人同意，请由审核人操作。",
    )
    on = _today(on)
    require(application.status == Status.RECEIVED, "只有办理中的申请可以延长答复期限。")
    require(application.extension_days == 0, "答复期限只能延长一次。")
    require(
        1 <= days <= MAX_EXTENSION_WORKING_DAYS,
        f"延长的期限为1至{MAX_EXTENSION_WORKING_DAYS}个工作日。",
    )
    require(bool(reason.strip()), "请填写延期理由。")
    require(on <= application.due_date, "答复期限已过，不能再延长。")
    application.extension_days = days
    application.extension_reason = reason.strip()
    application.extended_on = on
    application.extension_approved_by = actor
    return _recorded(
        application, Action.EXTENDED, actor, on, f"延长{days}个工作日：{reason.strip()}"
    )


@transaction.atomic
def application_answer(
    *, application, actor, reply_type: str, note: str, reply_file, on: dt.date | None = None
) -> InformationRequest:
    """Prepare the reply (one of Art. 36's answers, and the reply document) for review.

    A reviewer of the office other than its author approves it before it goes
    out (`application_approve_answer`), as with publications; in an office of one
    member the reply goes out at once, and its event says so.
    """
    application, on = _handling(application, actor, on)
    require(application.status == Status.RECEIVED, "只有办理中的申请可以答复。")
    require(reply_type in ReplyType.values, "请选择答复类型。")
    require(
        reply_type != ReplyType.OTHER_NO_CORRECTION,
        "逾期未补正的申请由系统在补正期限过后终止办理。",
    )
    require(reply_type != ReplyType.OTHER_NO_FEE, "逾期未缴费的申请由系统在缴费期限过后终止办理。")
    require(reply_file is not None, "请上传答复书。")
    try:
        check_attachment(reply_file)
    except ValidationError as error:
        raise WorkflowError(error.messages[0]) from error
    require(on >= application.clock_start, "答复日期不能早于收到申请之日。")
    application.reply_type = reply_type
    application.reply_note = note.strip()
    application.reply_return_reason = ""
    application.reply_prepared_by = actor
    application.reply_file.save(reply_file.name, reply_file, save=False)
    if not permissions.applications.reply_needs_review(application):
        return _send_answer(application, actor, on, "本科室只有一名工作人员，答复未经他人审核。")
    application.status = Status.REPLY_REVIEW
    return _recorded(application, Action.ANSWER_SUBMITTED, actor, on, ReplyType(reply_type).label)


def _send_answer(application, actor, on: dt.date, note: str = "") -> InformationRequest:
    application.status = Status.ANSWERED
    application.replied_on = on
    _save(application)
    application.on_time = on <= application.due_date
    application.save(update_fields=["on_time"])
    label = ReplyType(application.reply_type).label
    _event(application, Action.ANSWERED, actor, on, f"{label}；{note}" if note else label)
    return application


def _reviewed(application, actor) -> InformationRequest:
    """The application, locked, if it has a reply the actor may review."""
    application = locked(application)
    require(application.status == Status.REPLY_REVIEW, "这件申请没有待审核的答复。")
    require(
        permissions.applications.can(actor, "review_answer", application),
        "答复须由承办科室的另一位审核人审核，拟稿人不能审核自己的答复。",
    )
    return application


@transaction.atomic
def application_approve_answer(
    *, application, actor, on: dt.date | None = None
) -> InformationRequest:
    """A reviewer of the office, not the reply's author, lets the reply go out."""
    application = _reviewed(application, actor)
    on = _today(on)
    application.reply_approved_by = actor
    return _send_answer(application, actor, on, f"审核人：{person_name(actor)}")


@transaction.atomic
def application_return_answer(
    *, application, actor, reason: str, on: dt.date | None = None
) -> InformationRequest:
    """Send the reply back to be redone; the application is in hand again, its clock running."""
    application = _reviewed(application, actor)
    require(bool(reason.strip()), "请填写退回原因。")
    on = _today(on)
    application.status = Status.RECEIVED
    application.reply_return_reason = reason.strip()
    application.reply_type = ""
    application.reply_note = ""
    if application.reply_file:
        application.reply_file.delete(save=False)
    return _recorded(application, Action.ANSWER_RETURNED, actor, on, reason.strip())


@transaction.atomic
def application_close(
    *, application, actor, note: str, on: dt.date | None = None
) -> InformationRequest:
    """Close an answered application once the reply has been delivered."""
    application, on = _handling(application, actor, on)
    require(application.status == Status.ANSWERED, "只有已答复的申请可以办结。")
    require(bool(note.strip()), "请写明答复书的送达方式和日期。")
    application.status = Status.CLOSED
    application.closed_on = on
    application.close_note = note.strip()
    return _recorded(application, Action.CLOSED, actor, on, note.strip())
