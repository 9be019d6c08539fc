"""Documents' due dates, the holiday schedules administrators enter and the deadlines dashboard."""

import datetime as dt
import re
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from disclosure.models import Office, Publication
from disclosure.services.catalogue import catalogue_item_save
from disclosure.services.publications import publication_submit
from tests.calendars import SCHEDULE_2027
from tests.factories import item_by_path, make_draft, make_published, make_staff, publish

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
TZ = "Asia/Shanghai"


@time_machine.travel(dt.datetime(2026, 11, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
def test_a_document_stores_its_due_date_from_its_item_and_event(people):
    draft = make_draft(people.editor, formed_on=D("2026-09-25"))
    assert draft.due_date == D("2026-10-29")
    draft.formed_on = D("2026-10-09")
    from disclosure.services.publications import publication_save_draft

    publication_save_draft(publication=draft, actor=people.editor)
    draft.refresh_from_db()
    assert draft.due_date == D("2026-11-05")  # 10 Oct is a 调休 Saturday


def test_budgets_count_from_the_approval(people):
    finance = Office.objects.get(name="财务规划办公室")
    editor = make_staff("finance_editor", finance, "editor")
    draft = make_draft(editor, "czyjs/czyjs/czyjs", budget_year=2026, approved_on=D("2026-09-14"))
    assert draft.due_date == D("2026-10-08")


def test_a_change_of_the_items_rule_recomputes_open_documents(people):
    draft = make_draft(people.editor, formed_on=D("2026-09-25"))
    item = draft.item
    item.timely_days = 5
    catalogue_item_save(item=item)
    draft.refresh_from_db()
    assert draft.due_date == D("2026-10-09")  # 28, 29, 30 Sep, 8, 9 Oct


@time_machine.travel(dt.datetime(2026, 10, 9, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
def test_publication_records_on_time(people):
    published = make_published(people, formed_on=D("2026-09-25"))
    assert (published.due_date, published.on_time, published.days_late) == (
        D("2026-10-29"),
        True,
        0,
    )


@time_machine.travel(dt.datetime(2026, 11, 3, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
def test_publication_records_how_many_working_days_late(people):
    published = make_published(people, formed_on=D("2026-09-25"))
    assert (published.on_time, published.days_late) == (False, 3)  # 30, 31 Oct... 2 and 3 Nov


def holiday_rows(*rows) -> dict:
    """The admin form's data for holidays given as (name, first day, last day, working days)."""
    data = {
        "holidays-TOTAL_FORMS": str(len(rows)),
        "holidays-INITIAL_FORMS": "0",
        "holidays-MIN_NUM_FORMS": "0",
        "holidays-MAX_NUM_FORMS": "1000",
    }
    for n, (name, first, last, workdays) in enumerate(rows):
        data |= {
            f"holidays-{n}-name": name,
            f"holidays-{n}-first_day": first,
            f"holidays-{n}-last_day": last,
            f"holidays-{n}-workdays": workdays,
        }
    return data


@time_machine.travel(dt.datetime(2026, 12, 21, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
def test_entering_a_holiday_schedule_recomputes_open_documents(client, people):
    client.force_login(people.admin)
    draft = make_draft(people.editor, formed_on=D("2026-12-20"))
    assert draft.due_date == D("2027-01-15")  # 1 January 2027 guessed a working day
    data = {
        "year": 2027,
        "notice_reference": SCHEDULE_2027.reference,
        **holiday_rows(("元旦", "2027-01-01", "2027-01-01", "")),
    }
    response = client.post("/admin/disclosure/holidayschedule/add/", data, follow=True)
    assert "重新计算1条未发布信息的公开期限" in response.content.decode()
    draft.refresh_from_db()
    assert draft.due_date == D("2027-01-18")


def test_a_holiday_is_entered_as_the_notice_gives_it(admin_client):
    data = {
        "year": 2027,
        "notice_reference": "测试",
        **holiday_rows(
            ("元旦", "2027-01-01", "2027-01-03", ""),
            ("春节", "2027-02-06", "2027-02-13", "1月30日、2月14日"),
        ),
    }
    response = admin_client.post("/admin/disclosure/holidayschedule/add/", data, follow=True)
    page = response.content.decode()
    assert "还缺少：清明节、劳动节、端午节、中秋节、国庆节" in page
    from disclosure.models import HolidaySchedule

    schedule = HolidaySchedule.objects.get(year=2027)
    spring = schedule.holidays.get(name="春节")
    assert spring.workdays == ["2027-01-30", "2027-02-14"]
    calendar = HolidaySchedule.objects.calendar()
    assert not calendar.is_workday(D("2027-02-08")) and calendar.is_workday(D("2027-02-14"))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("春节", "2027-02-06", "2027-02-13", "1月4日"), "1月4日不是周六或周日"),
        (("春节", "2027-02-06", "2027-02-13", "2月7日"), "2月7日在放假期间"),
        (("春节", "2027-02-06", "2027-02-13", "二月十四"), "不是日期"),
        (("春节", "2027-02-13", "2027-02-06", ""), "放假结束日期不能早于开始日期"),
        (("春节", "2028-02-06", "2028-02-08", ""), "放假日期应在2027年内"),
        (("春节", "2027-01-06", "2027-02-13", ""), "不会超过15天"),
    ],
)
def test_a_wrong_holiday_is_explained_in_chinese(admin_client, row, message):
    data = {"year": 2027, "notice_reference": "测试", **holiday_rows(row)}
    response = admin_client.post("/admin/disclosure/holidayschedule/add/", data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_overlapping_holidays_are_refused(admin_client):
    data = {
        "year": 2027,
        "notice_reference": "测试",
        **holiday_rows(
            ("中秋节", "2027-09-15", "2027-09-17", ""), ("国庆节", "2027-09-17", "2027-09-23", "")
        ),
    }
    response = admin_client.post("/admin/disclosure/holidayschedule/add/", data)
    assert "与“中秋节”的放假日期重叠" in response.content.decode()


def test_new_year_may_begin_in_december_of_the_year_before(admin_client):
    data = {
        "year": 2019,
        "notice_reference": "国办发明电〔2018〕15号",
        **holiday_rows(("元旦", "2018-12-30", "2019-01-01", "12月29日")),
    }
    response = admin_client.post("/admin/disclosure/holidayschedule/add/", data)
    assert response.status_code == 302
    from disclosure.models import Holiday

    assert Holiday.objects.get().workdays == ["2018-12-29"]


def test_the_year_is_shown_month_by_month(admin_client):
    from tests.calendars import enter_2027

    schedule = enter_2027()
    page = admin_client.get(f"/admin/disclosure/holidayschedule/{schedule.pk}/calendar/")
    html = page.content.decode()
    assert page.status_code == 200 and html.count('class="work-calendar__month"') == 12
    assert 'title="2月8日：春节"' in html
    assert 'title="2月14日：春节调休上班"' in html
    assert 'title="3月6日：休息日"' in html
    assert "还缺少：清明节、劳动节、端午节、中秋节" in html


@time_machine.travel(dt.datetime(2026, 11, 25, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
def test_the_dashboard_shows_each_office_its_own(client, people):
    overdue = make_draft(people.editor, title="逾期的草稿", formed_on=D("2026-10-09"))  # due 5 Nov
    soon = make_draft(people.editor, title="快到期的稿件", formed_on=D("2026-10-30"))  # due 27 Nov
    publication_submit(publication=soon, actor=people.editor)
    other = make_draft(
        people.other_editor, "zdly/wgjy/wgjy", title="别的科室逾期", formed_on=D("2026-10-09")
    )
    assert overdue.due_date < D("2026-11-25") <= Publication.objects.get(pk=soon.pk).due_date
    url = reverse("admin:disclosure_publication_deadlines")

    client.force_login(people.editor)
    html = client.get(url).content.decode()
    assert "逾期的草稿" in html and "快到期的稿件" in html and "别的科室逾期" not in html
    assert "2026年度" in html  # the annual report on 2026, expected before anyone drafted it
    client.force_login(people.other_reviewer)
    html = client.get(url).content.decode()
    assert "别的科室逾期" in html and "逾期的草稿" not in html
    assert "2026年度" not in html
    client.force_login(people.admin)
    html = client.get(url).content.decode()
    assert all(t in html for t in ("逾期的草稿", "快到期的稿件", other.title))


@time_machine.travel(dt.datetime(2026, 11, 25, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
def test_the_dashboard_lists_documents_published_late_this_year(admin_client, people):
    make_published(people, title="晚了的文件", formed_on=D("2026-09-25"))
    html = admin_client.get(reverse("admin:disclosure_publication_deadlines")).content.decode()
    assert "晚了的文件" in html


@time_machine.travel(dt.datetime(2026, 11, 25, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
def test_the_report_lists_overdue_and_due_soon_by_office(people):
    make_draft(people.editor, title="逾期的草稿", formed_on=D("2026-10-09"))
    make_draft(people.other_editor, "zdly/wgjy/wgjy", title="快到期", formed_on=D("2026-10-30"))
    out = StringIO()
    call_command("deadline_report", stdout=out)
    report = out.getvalue()
    assert report.index("行政办公室") < report.index("逾期的草稿")
    assert "就业服务中心" in report and "5个工作日内到期1条" in report
    assert "政府信息公开年报 2026年度：期限2027-01-31，待发布" in report
    again = StringIO()
    call_command("deadline_report", stdout=again)
    assert again.getvalue() == report


def test_people_without_an_office_cannot_open_the_dashboard(client, people):
    from django.contrib.auth.models import User

    client.force_login(
        User.objects.create_user("clerk", password="a-long-password-1", is_staff=True)
    )
    assert client.get(reverse("admin:disclosure_publication_deadlines")).status_code == 403


def test_the_seed_items_understand_their_rules(catalogue):
    assert item_by_path("zfxxgk/ndbg").deadline().describe().startswith("每年1月31日前")


def test_a_scheduled_document_is_not_counted_late_before_its_time(client, people):
    from django.utils import timezone

    from disclosure.selectors.compliance import published_late

    long_ago = timezone.localdate() - dt.timedelta(days=60)
    draft = make_draft(
        people.editor,
        title="定时发布的迟到答复",
        formed_on=long_ago,
        published_at=timezone.now() + dt.timedelta(days=2),
    )
    scheduled = publish(draft, people.reviewer)
    assert scheduled.on_time is False
    this_year = timezone.localdate().year
    assert not published_late(Publication.objects.all(), this_year).exists()
    client.force_login(people.editor)
    page = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    assert "定时发布的迟到答复" not in page
    with time_machine.travel(timezone.now() + dt.timedelta(days=3)):
        if timezone.localdate().year == this_year:
            assert published_late(Publication.objects.all(), this_year).get() == scheduled


def test_dates_on_the_deadlines_page_do_not_wrap(client, people):
    from django.utils import timezone

    make_draft(
        people.editor, title="逾期的答复", formed_on=timezone.localdate() - dt.timedelta(days=60)
    )
    client.force_login(people.editor)
    page = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    assert "逾期的答复" in page
    for date in re.findall(r"<td[^>]*>\d{4}-\d{2}-\d{2}</td>", page):
        assert 'class="nowrap"' in date
    assert 'class="table-scroll"' in page
