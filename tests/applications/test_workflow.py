"""Applications for information: receipt, correction, third parties, extension and their legal clocks."""

import datetime as dt
import uuid
from io import StringIO

import pytest
from django.core.management import call_command

from disclosure.exceptions import WorkflowError
from disclosure.lib.deadlines import correction_window_closes, reply_due_date
from disclosure.lib.workdays import Calendar
from disclosure.models import HolidaySchedule, InformationRequest, ReplyType, RequestEvent
from disclosure.selectors import compliance
from disclosure.selectors.applications import find_application
from disclosure.services.applications import (
    application_ask_correction,
    application_consult_third_party,
    application_correction_received,
    application_extend,
    application_receive,
    application_submit,
    application_third_party_replied,
    close_lapsed_applications,
)
from tests.calendars import PACKAGE_ONLY, WITH_2027
from tests.citizens import application_data, on, received, submitted

Status = InformationRequest.Status


def ask_correction(application, actor, note: str, deadline: str) -> InformationRequest:
    """`actor` asks the applicant to correct the application by `deadline`."""
    return application_ask_correction(
        application=application, actor=actor, note=note, deadline=dt.date.fromisoformat(deadline)
    )


# -- the arithmetic, by hand across the 2026 holidays --------------------------


@pytest.mark.parametrize(
    ("start", "due"),
    [
        # Spring Festival 2026: 15–23 February off, Saturdays 14 and 28 February worked.
        (dt.date(2026, 2, 6), dt.date(2026, 3, 12)),
        # National Day 2026: 1–7 October off, Saturday 10 October worked.
        (dt.date(2026, 9, 25), dt.date(2026, 10, 29)),
        # An ordinary stretch with Qingming (4–6 April) after it.
        (dt.date(2026, 3, 2), dt.date(2026, 3, 30)),
    ],
)
def test_reply_is_due_twenty_working_days_after_receipt(start, due):
    assert reply_due_date(start, Calendar()) == due


def test_correction_window_is_seven_working_days_across_national_day():
    # 29, 30 September, 8, 9, 10 (a Saturday worked), 12, 13 October.
    assert correction_window_closes(dt.date(2026, 9, 28), Calendar()) == dt.date(2026, 10, 13)


def test_reply_due_in_the_new_year_follows_the_schedule_entered_for_it():
    start = dt.date(2026, 12, 18)
    assert reply_due_date(start, PACKAGE_ONLY) == dt.date(2027, 1, 15)  # Monday to Friday
    # With 2027's New Year holiday (Friday 1 January) entered, one day later.
    assert reply_due_date(start, WITH_2027) == dt.date(2027, 1, 18)


# -- the steps -------------------------------------------------------------------


def test_online_application_waits_for_confirmation_then_the_clock_starts(people):
    application = submitted("2026-02-05")
    assert application.status == Status.SUBMITTED
    assert application.due_date is None
    assert application.number.startswith("YSQ2026-")
    with on("2026-02-06"):
        application = application_receive(application=application, actor=people.editor)
    assert application.received_on == dt.date(2026, 2, 6)
    assert application.due_date == dt.date(2026, 3, 12)
    actions = list(application.events.values_list("action", flat=True))
    assert actions == [RequestEvent.Action.SUBMITTED, RequestEvent.Action.RECEIVED]


def test_only_the_receiving_office_handles_an_application(people):
    application = submitted("2026-11-02")
    assert application.office == people.admin_office
    for outsider in (people.other_editor, people.other_reviewer, people.admin):
        with pytest.raises(WorkflowError):
            application_receive(application=application, actor=outsider)


def test_numbers_count_up_within_a_year_and_codes_are_kept_hashed(people):
    first = submitted("2026-11-02")
    second = submitted("2026-11-02")
    assert int(second.number[-5:]) == int(first.number[-5:]) + 1
    with on("2026-11-02"):
        application, code = application_submit(
            data=application_data(), client="test", token=uuid.uuid4()
        )
    assert len(code) == 8
    assert code not in application.code_hash
    assert find_application(application.number, code) == application
    assert find_application(application.number.lower(), f" {code.lower()} ") == application
    assert find_application(application.number, "WRONGCOD") is None
    assert find_application("YSQ2026-99999", code) is None


def test_the_same_form_sent_twice_records_one_application(people):
    token = uuid.uuid4()
    first, code = application_submit(data=application_data(), client="test", token=token)
    again, second_code = application_submit(data=application_data(), client="test", token=token)
    assert again == first
    assert code and second_code == code
    assert InformationRequest.objects.count() == 1


def test_correction_restarts_the_clock_from_the_day_it_arrives(people):
    application = received("2026-09-25", people.editor)
    assert application.due_date == dt.date(2026, 10, 29)
    with on("2026-09-28"):
        application = ask_correction(
            application, people.editor, "请写明所需信息的年度。", "2026-10-20"
        )
    assert application.status == Status.CORRECTION
    assert application.due_date is None
    with on("2026-10-12"):
        application = application_correction_received(application=application, actor=people.editor)
    assert application.clock_start == dt.date(2026, 10, 12)
    assert application.due_date == reply_due_date(dt.date(2026, 10, 12), Calendar())
    assert application.due_date == dt.date(2026, 11, 9)


def test_correction_may_be_asked_once_and_only_within_seven_working_days(people):
    application = received("2026-09-28", people.editor)
    with on("2026-10-14"), pytest.raises(WorkflowError, match="7个工作日"):
        ask_correction(application, people.editor, "请补充。", "2026-10-30")
    with on("2026-10-13"):
        application = ask_correction(application, people.editor, "请补充。", "2026-10-30")
    with on("2026-10-15"):
        application = application_correction_received(application=application, actor=people.editor)
        with pytest.raises(WorkflowError, match="只能要求一次"):
            ask_correction(application, people.editor, "再补充。", "2026-10-30")


def test_no_correction_within_the_period_given_closes_the_application(people):
    application = received("2026-11-02", people.editor)
    with on("2026-11-03"):
        ask_correction(application, people.editor, "请提供文号。", "2026-11-13")
    with on("2026-11-13"):
        assert close_lapsed_applications() == []  # the last day is still in time
    with on("2026-11-14"):
        with pytest.raises(WorkflowError, match="补正期限"):
            application_correction_received(application=application, actor=people.editor)
        out = StringIO()
        call_command("close_lapsed_applications", stdout=out)
    application.refresh_from_db()
    assert application.status == Status.CLOSED
    assert application.reply_type == ReplyType.OTHER_NO_CORRECTION
    assert application.closed_on == dt.date(2026, 11, 14)
    assert application.number in out.getvalue()


def test_waiting_for_a_third_party_is_not_counted(people):
    application = received("2026-03-02", people.editor)
    with on("2026-03-04"):
        application = application_consult_third_party(
            application=application, actor=people.editor, note="征求某企业意见"
        )
    assert application.status == Status.THIRD_PARTY
    assert application.due_date is None
    with on("2026-03-18"):
        application = application_third_party_replied(application=application, actor=people.editor)
    # 5, 6, 9–13, 16, 17, 18 March: ten working days waiting; Qingming falls in the new period.
    assert application.paused_days == 10
    assert application.due_date == dt.date(2026, 4, 14)


def test_extension_once_by_at_most_twenty_working_days_approved_by_a_reviewer(people):
    application = received("2026-09-25", people.editor)
    with on("2026-10-20"):
        with pytest.raises(WorkflowError, match="审核人"):
            application_extend(application=application, actor=people.editor, days=20, reason="量大")
        with pytest.raises(WorkflowError, match="1至20"):
            application_extend(
                application=application, actor=people.reviewer, days=21, reason="量大"
            )
        with pytest.raises(WorkflowError, match="理由"):
            application_extend(application=application, actor=people.reviewer, days=10, reason=" ")
        application = application_extend(
            application=application, actor=people.reviewer, days=20, reason="信息量大"
        )
        with pytest.raises(WorkflowError, match="只能延长一次"):
            application_extend(
                application=application, actor=people.reviewer, days=1, reason="再延"
            )
    assert application.extension_approved_by == people.reviewer
    assert application.due_date == reply_due_date(
        dt.date(2026, 9, 25), Calendar(), extension_days=20
    )
    assert application.due_date == dt.date(2026, 11, 26)


def test_no_extension_after_the_due_date(people):
    application = received("2026-09-25", people.editor)
    with on("2026-10-30"), pytest.raises(WorkflowError, match="已过"):
        application_extend(application=application, actor=people.reviewer, days=5, reason="量大")


# -- the compliance dashboard --------------------------------------------------


def test_dashboard_lists_requests_overdue_and_due_within_five_working_days(people):
    overdue = received("2026-09-25", people.editor)  # due 29 October
    soon = received("2026-10-08", people.editor)  # due 5 November
    later = received("2026-10-30", people.editor)  # due 27 November
    waiting = submitted("2026-10-30")
    with on("2026-10-30"):
        board = compliance.application_dashboard(
            InformationRequest.objects.all(),
            dt.date(2026, 10, 30),
            HolidaySchedule.objects.calendar(),
        )
    assert board["applications_overdue"] == [overdue]
    assert board["applications_overdue"][0].workdays_overdue == 1
    assert board["applications_due_soon"] == [soon]
    assert later not in board["applications_due_soon"]
    assert board["applications_to_confirm"] == [waiting]


def test_dashboard_page_shows_the_office_its_requests(client, people):
    received("2026-09-25", people.editor)
    client.force_login(people.editor)
    with on("2026-10-30"):
        page = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    assert "政府信息公开申请" in page
    assert "已逾期1个工作日" in page
    client.force_login(people.other_editor)
    with on("2026-10-30"):
        page = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    assert "没有逾期、即将到期或待确认的申请" in page


# -- applications that did not come through the website ---------------------------


def register_form(**fields) -> dict:
    from tests.citizens import application_form

    data = application_form(**fields)
    for key in ("shown", "website"):
        data.pop(key)
    return {"channel": "letter", "received_on": "2026-11-02", **data}


def test_staff_register_a_letter_received_on_the_day_it_was_signed_for(client, people):
    client.force_login(people.editor)
    with on("2026-11-04"):
        form = client.get("/admin/disclosure/informationrequest/add/")
        assert form.status_code == 200 and "登记" in form.content.decode()
        data = register_form()
        page = client.post("/admin/disclosure/informationrequest/add/", data)
        again = client.post("/admin/disclosure/informationrequest/add/", data)
    application = InformationRequest.objects.get()
    assert (application.channel, application.status) == ("letter", Status.RECEIVED)
    assert application.received_on == dt.date(2026, 11, 2)
    assert application.due_date == reply_due_date(dt.date(2026, 11, 2), Calendar())
    code = page.context["code"]
    assert code in page.content.decode()
    assert find_application(application.number, code) == application
    assert "已经登记过" in again.content.decode()
    assert application.events.get().action == RequestEvent.Action.REGISTERED


def test_registering_checks_the_form_the_date_and_the_office(client, people):
    client.force_login(people.editor)
    with on("2026-11-04"):
        future = client.post(
            "/admin/disclosure/informationrequest/add/",
            register_form(received_on="2026-11-05", id_number="123"),
        )
        page = future.content.decode()
        assert "收到申请日期不能晚于今天" in page or "居民身份证号码有误" in page
        assert "居民身份证号码有误" in page
        future = client.post(
            "/admin/disclosure/informationrequest/add/", register_form(received_on="2026-11-05")
        )
        assert "收到申请日期不能晚于今天" in future.content.decode()
        online = client.post(
            "/admin/disclosure/informationrequest/add/", register_form(channel="online")
        )
        assert online.status_code == 200
    assert not InformationRequest.objects.exists()
    client.force_login(people.other_editor)
    assert client.get("/admin/disclosure/informationrequest/add/").status_code == 403
    with pytest.raises(WorkflowError, match="行政办公室"):
        from disclosure.services.applications import application_register

        application_register(
            data=application_data(),
            channel="letter",
            received_on=dt.date(2026, 11, 2),
            actor=people.other_editor,
            token=uuid.uuid4(),
        )
