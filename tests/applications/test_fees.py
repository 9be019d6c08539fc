"""信息处理费 (国办函〔2020〕109号): the notice, the pieces counted, payment, lapse, the pages that show it."""

import datetime as dt
import uuid
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from disclosure.admin.applications.forms import AnswerForm
from disclosure.exceptions import WorkflowError
from disclosure.lib.deadlines import reply_due_date
from disclosure.lib.workdays import Calendar
from disclosure.models import (
    FeeNotice,
    HolidaySchedule,
    InformationRequest,
    ReplyType,
    RequestEvent,
)
from disclosure.selectors import compliance
from disclosure.selectors.applications import earlier_pieces
from disclosure.services.applications import (
    application_fee_lapse,
    application_fee_notice,
    application_fee_paid,
    application_receive,
    application_submit,
    close_lapsed_applications,
)
from tests.calendars import enter_2027
from tests.citizens import application_data, on, prepare_reply, received, submitted

Status = InformationRequest.Status
Action = RequestEvent.Action
Method = FeeNotice.Method
D = dt.date.fromisoformat
OTHER_ID_NUMBER = "110101198505121232"


def notify(application, actor, notified_on: str, method=Method.PER_VOLUME, quantity=120, **given):
    """`actor` records a fee notice the applicant received on `notified_on` (today then, too)."""
    with on(given.pop("today", notified_on)):
        return application_fee_notice(
            application=application,
            actor=actor,
            method=method,
            quantity=quantity,
            payment_way=given.pop("payment_way", FeeNotice.PaymentWay.ON_SITE),
            notified_on=D(notified_on),
            **given,
        )


def pay(application, actor, paid_on: str, today: str | None = None):
    with on(today or paid_on):
        return application_fee_paid(application=application, actor=actor, paid_on=D(paid_on))


# -- the pieces an applicant has applied for this month ---------------------------


def test_earlier_pieces_are_the_same_applicants_of_the_same_month(people):
    received("2026-02-27", people.editor)  # last month
    first = received("2026-03-02", people.editor)
    received("2026-03-05", people.editor, id_number=OTHER_ID_NUMBER)  # someone else
    submitted("2026-03-06")  # not received yet
    second = received("2026-03-10", people.editor)
    # The second counts three pieces by its own notice; the first is free, so it charges nothing.
    notify(second, people.editor, "2026-03-10", method=Method.PER_PIECE, quantity=3)
    same_day = received("2026-03-10", people.editor)
    this = received("2026-03-16", people.editor)
    received("2026-03-20", people.editor)  # after this one
    assert earlier_pieces(first) == 0
    assert earlier_pieces(second) == 1
    assert earlier_pieces(same_day) == 1 + 3
    assert earlier_pieces(this) == 1 + 3 + 1
    other = InformationRequest.objects.get(id_number=OTHER_ID_NUMBER)
    assert earlier_pieces(other) == 0
    notice = FeeNotice.objects.get(application=second)
    assert (notice.earlier_pieces, notice.computed, notice.amount) == (1, 0, 0)


def test_per_piece_fee_counts_on_from_the_applicants_month(people):
    for _ in range(9):
        received("2026-03-02", people.editor)
    this = received("2026-03-03", people.editor)
    # Pieces 10, 11 and 12 of March: the 10th free, two at 100 元.
    this = notify(this, people.editor, "2026-03-04", method=Method.PER_PIECE, quantity=3)
    notice = this.fee_notice
    assert (notice.earlier_pieces, notice.computed, notice.amount) == (
        9,
        Decimal(200),
        Decimal(200),
    )
    assert notice.basis == (
        "按件计收：本月第10件至第12件，其中第10件不收费，第11件至第12件每件100元"
    )
    assert this.status == Status.FEE


# -- notice, payment, lapse -------------------------------------------------------


def test_paying_stops_the_clock_for_exactly_the_working_days_waited(people):
    application = received("2026-03-02", people.editor)
    assert application.due_date == D("2026-03-30")
    application = notify(application, people.editor, "2026-03-04")
    notice = application.fee_notice
    # 120 pages: 70 at 10 元 and 20 at 20 元.
    assert (notice.computed, notice.amount) == (Decimal(1100), Decimal(1100))
    # 20 working days from 5 March: 5, 6, 9–13, 16–20, 23–27, 30, 31 March, 1 April.
    assert notice.pay_by == D("2026-04-01")
    assert application.status == Status.FEE and application.due_date is None
    assert application.events.last().action == Action.FEE_NOTIFIED
    application = pay(application, people.editor, "2026-03-18")
    # 5, 6, 9–13, 16, 17, 18 March: ten working days not counted.
    assert application.paused_days == 10
    assert application.status == Status.RECEIVED
    assert application.due_date == reply_due_date(D("2026-03-02"), Calendar(), paused_days=10)
    assert application.due_date == D("2026-04-14")
    application.fee_notice.refresh_from_db()
    assert application.fee_notice.paid_on == D("2026-03-18")
    assert application.events.last().action == Action.FEE_PAID


def test_unpaid_fee_lapses_after_twenty_working_days_across_the_spring_festival(people):
    enter_2027()
    application = received("2027-01-25", people.editor)
    application = notify(application, people.editor, "2027-01-29")
    # From 30 January (a Saturday worked): 30 Jan, 1–5 Feb, 14 Feb (a Sunday worked),
    # 15–19, 22–26 Feb, 1, 2, 3 March; 6–13 February are the holiday.
    assert application.fee_notice.pay_by == D("2027-03-03")
    for day in ("2027-03-01", "2027-03-03"):
        with on(day):
            assert close_lapsed_applications() == []
            with pytest.raises(WorkflowError, match="还没有过"):
                application_fee_lapse(application=application, actor=people.editor)
    with on("2027-03-04"):
        board = compliance.application_dashboard(
            InformationRequest.objects.all(), D("2027-03-04"), HolidaySchedule.objects.calendar()
        )
        assert board["fees_lapsed"] == [application]
        out = StringIO()
        call_command("close_lapsed_applications", stdout=out)
    application.refresh_from_db()
    assert application.status == Status.CLOSED
    assert application.reply_type == ReplyType.OTHER_NO_FEE
    assert application.closed_on == D("2027-03-04")
    assert "缴纳信息处理费" in application.close_note
    assert application.events.last().action == Action.FEE_LAPSED
    assert application.number in out.getvalue() and "共终止1件" in out.getvalue()


def test_payment_is_registered_only_up_to_the_last_day(people):
    late = notify(received("2026-03-02", people.editor), people.editor, "2026-03-04")
    with pytest.raises(WorkflowError, match="已过"):
        pay(late, people.editor, "2026-04-02")
    with pytest.raises(WorkflowError, match="不能早于"):
        pay(late, people.editor, "2026-03-03", today="2026-03-10")
    with pytest.raises(WorkflowError, match="不能晚于今天"):
        pay(late, people.editor, "2026-03-11", today="2026-03-10")
    # Paid on the last day, registered a day later: in time.
    in_time = pay(late, people.editor, "2026-04-01", today="2026-04-02")
    assert in_time.status == Status.RECEIVED
    with pytest.raises(WorkflowError, match="没有在等待"):
        pay(in_time, people.editor, "2026-04-02")


def test_the_notice_checks_its_date_reduction_and_reason(people):
    application = received("2026-03-02", people.editor)
    with pytest.raises(WorkflowError, match="不能早于答复期限起算日"):
        notify(application, people.editor, "2026-03-01", today="2026-03-04")
    with pytest.raises(WorkflowError, match="不能晚于今天"):
        notify(application, people.editor, "2026-03-05", today="2026-03-04")
    with pytest.raises(WorkflowError, match="不能超过按标准计算的费用（1100元）"):
        notify(
            application,
            people.editor,
            "2026-03-04",
            reduction=Decimal("1100.01"),
            reduction_reason="困难",
        )
    with pytest.raises(WorkflowError, match="减免理由"):
        notify(
            application, people.editor, "2026-03-04", reduction=Decimal(100), reduction_reason=" "
        )
    with pytest.raises(WorkflowError, match="计费数量"):
        notify(application, people.editor, "2026-03-04", quantity=0)
    assert not FeeNotice.objects.exists()
    application.refresh_from_db()
    assert application.status == Status.RECEIVED


def test_a_partial_reduction_is_charged_net(people):
    application = received("2026-03-02", people.editor)
    application = notify(
        application,
        people.editor,
        "2026-03-04",
        reduction=Decimal("600.50"),
        reduction_reason="申请人为低保户。",
    )
    notice = application.fee_notice
    assert (notice.computed, notice.amount) == (Decimal(1100), Decimal("499.50"))
    assert application.status == Status.FEE
    assert "减免600.50元" in application.events.last().note


def test_full_waiver_keeps_the_clock_running_and_the_notice_is_not_sent_twice(people):
    application = received("2026-03-02", people.editor)
    application = notify(
        application,
        people.editor,
        "2026-03-04",
        reduction=Decimal(1100),
        reduction_reason="申请人确有经济困难。",
    )
    assert application.status == Status.RECEIVED
    assert application.due_date == D("2026-03-30")
    notice = application.fee_notice
    assert (notice.amount, notice.pay_by, notice.is_waived) == (0, None, True)
    assert application.events.last().action == Action.FEE_WAIVED
    with pytest.raises(WorkflowError, match="只能发一次"):
        notify(application, people.editor, "2026-03-05")
    assert FeeNotice.objects.count() == 1


def test_nothing_chargeable_is_recorded_as_no_fee(people):
    application = notify(
        received("2026-03-02", people.editor), people.editor, "2026-03-04", quantity=30
    )
    assert application.status == Status.RECEIVED and application.due_date == D("2026-03-30")
    event = application.events.last()
    assert event.action == Action.FEE_NOTIFIED and "不收费" in event.note


def test_only_the_handling_office_and_only_while_in_hand(people):
    application = received("2026-03-02", people.editor)
    for outsider in (people.other_editor, people.other_reviewer, people.admin):
        with pytest.raises(WorkflowError, match="承办科室"):
            notify(application, outsider, "2026-03-04")
    charged = notify(application, people.editor, "2026-03-04")
    with pytest.raises(WorkflowError, match="承办科室"):
        pay(charged, people.other_editor, "2026-03-05")
    with pytest.raises(WorkflowError, match="只有办理中"):
        notify(submitted("2026-03-02"), people.editor, "2026-03-04")


def test_the_lapse_reply_is_for_the_system_alone(people):
    assert ReplyType.OTHER_NO_FEE not in dict(AnswerForm.base_fields["reply_type"].choices)
    application = received("2026-03-02", people.editor)
    with pytest.raises(WorkflowError, match="逾期未缴费"):
        prepare_reply(application, people.editor, ReplyType.OTHER_NO_FEE)


# -- the admin ----------------------------------------------------------------------


def fee_form(**fields) -> dict:
    return {
        "method": "per_volume",
        "quantity": "120",
        "reduction": "",
        "reduction_reason": "",
        "payment_way": "transfer",
        "payment_note": "收款单位：扎兰屯市人力资源和社会保障局",
        "notified_on": "2026-03-04",
        **fields,
    }


def test_staff_issue_a_notice_and_register_the_payment_in_the_admin(client, people):
    for _ in range(10):
        received("2026-03-02", people.editor)
    application = received("2026-03-02", people.editor)
    base = f"/admin/disclosure/informationrequest/{application.pk}"
    client.force_login(people.editor)
    with on("2026-03-04"):
        assert "收费通知" in client.get(f"{base}/change/").content.decode()
        form = client.get(f"{base}/do/fee_notice/").content.decode()
        assert "第11件至第30件每件100元" in form and "第201页起每页40元" in form
        assert "2026年3月在本件之前已申请10件" in form and "本件从第11件算起" in form
        # A reduction without its reason: the error in Chinese, and nothing typed is lost.
        bad = client.post(f"{base}/do/fee_notice/", fee_form(reduction="100"))
        page = bad.content.decode()
        assert bad.status_code == 200 and "请填写减免理由" in page
        assert 'value="120"' in page and "收款单位：扎兰屯市人力资源和社会保障局" in page
        too_much = client.post(
            f"{base}/do/fee_notice/", fee_form(reduction="2000", reduction_reason="困难")
        )
        assert "不能超过按标准计算的费用（1100元）" in too_much.content.decode()
        nonsense = client.post(f"{base}/do/fee_notice/", fee_form(quantity="十", notified_on="x"))
        page = nonsense.content.decode()
        assert "计费数量应为整数" in page and "请输入正确的日期" in page
        assert not FeeNotice.objects.exists()
        # Sent twice, by a double click: one notice.
        first = client.post(f"{base}/do/fee_notice/", fee_form())
        second = client.post(f"{base}/do/fee_notice/", fee_form())
        assert first.status_code == 302 and second.status_code == 302
        assert FeeNotice.objects.count() == 1
        change = client.get(f"{base}/change/").content.decode()
        fieldset = change[change.index(">信息处理费</h2>") : change.index(">答复</h2>")]
        for shown in ("按量计收：共120页", "应缴金额", "1100元", "2026-03-04", "2026-04-01"):
            assert shown in fieldset
        assert "银行转账（收款单位：扎兰屯市人力资源和社会保障局）" in fieldset
        listing = client.get("/admin/disclosure/informationrequest/").content.decode()
        assert "待缴费（2026-04-01前）" in listing
        waiting = client.get("/admin/disclosure/informationrequest/?due=open").content.decode()
        assert application.number in waiting
    with on("2026-03-18"):
        form = client.get(f"{base}/do/fee_paid/").content.decode()
        assert "应缴1100元" in form and "缴费期限2026-04-01" in form
        bad = client.post(f"{base}/do/fee_paid/", {"paid_on": "2026-03-19", "note": "票据001"})
        assert "缴费日期不能晚于今天" in bad.content.decode() and "票据001" in bad.content.decode()
        paid = client.post(f"{base}/do/fee_paid/", {"paid_on": "2026-03-18", "note": "票据001"})
        assert paid.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.paused_days) == (Status.RECEIVED, 10)
    assert application.events.last().note == "已缴纳1100元（10个工作日不计入答复期限）；票据001"
    assert "收费通知" not in [
        step["step"].title for step in client.get(f"{base}/change/").context["application_steps"]
    ]


def test_another_office_cannot_reach_the_fee_steps(client, people):
    application = received("2026-03-02", people.editor)
    base = f"/admin/disclosure/informationrequest/{application.pk}"
    client.force_login(people.other_editor)
    with on("2026-03-04"):
        assert client.get(f"{base}/do/fee_notice/").status_code == 404
        assert client.post(f"{base}/do/fee_notice/", fee_form()).status_code == 404
    assert not FeeNotice.objects.exists()


def test_the_dashboard_page_says_the_fee_deadline_has_passed(client, people):
    notify(received("2026-03-02", people.editor), people.editor, "2026-03-04")
    client.force_login(people.editor)
    with on("2026-04-02"):
        page = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    assert "缴费期限2026-04-01已过，将终止办理" in page


# -- what the applicant reads -------------------------------------------------------


def applied_with_code(day: str, actor) -> tuple[InformationRequest, str]:
    with on(day):
        application, code = application_submit(
            data=application_data(), client="test", token=uuid.uuid4()
        )
        return application_receive(application=application, actor=actor), code


def look_up(client, application, code: str, day: str) -> str:
    with on(day):
        response = client.post("/ysqgk/cx/", {"number": application.number, "code": code})
    assert response.status_code == 200
    return response.content.decode()


def test_the_applicant_sees_the_notice_and_whether_it_is_paid(client, people):
    application, code = applied_with_code("2026-03-02", people.editor)
    notify(
        application,
        people.editor,
        "2026-03-04",
        reduction=Decimal(100),
        reduction_reason="申请人确有经济困难。",
        payment_way=FeeNotice.PaymentWay.TRANSFER,
        payment_note="收款账号：1234567890",
    )
    page = look_up(client, application, code, "2026-03-05")
    assert "待缴纳信息处理费" in page
    assert "1000元" in page and "按量计收：共120页" in page
    assert "减免100元" in page and "申请人确有经济困难。" in page
    assert "银行转账" in page and "收款账号：1234567890" in page
    assert "2026年4月1日前" in page and "尚未缴纳" in page
    assert "缴费期间不计入答复期限" in page
    pay(application, people.editor, "2026-03-18")
    page = look_up(client, application, code, "2026-03-18")
    assert "已于2026年3月18日缴纳" in page and "办理中" in page


def test_the_applicant_sees_a_waived_fee_as_free(client, people):
    application, code = applied_with_code("2026-03-02", people.editor)
    notify(
        application,
        people.editor,
        "2026-03-04",
        reduction=Decimal(1100),
        reduction_reason="申请人确有经济困难。",
    )
    page = look_up(client, application, code, "2026-03-05")
    assert "免收" in page and "缴费期限" not in page


def test_the_guide_says_exactly_when_a_fee_is_charged(client, catalogue):
    page = client.get("/ysqgk/").content.decode()
    assert "申请免费" not in page
    assert "原则上不收费" in page and "数量、频次明显超过合理范围" in page
    assert "按件或者按量计收" in page
    assert "<caption>按件计收" in page and "<caption>按量计收" in page
    for words in (
        "第1件至第10件</td><td>不收费",
        "第11件至第30件</td><td>每件100元",
        "第31件至第40件</td><td>每件200元",
        "第41件至第50件</td><td>每件300元",
        "第51件至第60件每件400元",
        "第1页至第30页</td><td>不收费",
        "第31页至第100页</td><td>每页10元",
        "第101页至第200页</td><td>每页20元",
        "第201页起</td><td>每页40元",
    ):
        assert words in page
    assert "自收到收费通知次日起20个工作日内缴纳" in page and "视为放弃申请" in page
    assert "不计入答复期限" in page and "确有经济困难的，可以申请减免" in page
