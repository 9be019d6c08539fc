import datetime as dt
import re
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from disclosure.models import Office, Publication
from disclosure.services import catalogue_item_save, publication_submit

from .calendars import SCHEDULE_2027
from .conftest import item_by_path, make_draft, make_staff, publish

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
TZ = "Asia/Shanghai"


@time_machine.travel(dt.datetime(2026, 11, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
def test_a_document_stores_its_due_date_from_its_item_and_event(people):
    draft = make_draft(people.editor, formed_on=D("2026-09-25"))
    assert draft.due_date == D("2026-10-29")
    draft.formed_on = D("2026-10-09")
    from disclosure.services import publication_save_draft

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
    published = publish(make_draft(people.editor, formed_on=D("2026-09-25")), people.reviewer)
    assert (published.due_date, published.on_time, published.days_late) == (
        D("2026-10-29"),
        True,
        0,
    )


@time_machine.travel(dt.datetime(2026, 11, 3, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
def test_publication_records_how_many_working_days_late(people):
    published = publish(make_draft(people.editor, formed_on=D("2026-09-25")), people.reviewer)
    assert (published.on_time, published.days_late) == (False, 3)  # 30, 31 Oct... 2 and 3 Nov


@time_machine.travel(dt.datetime(2026, 12, 21, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
def test_entering_a_holiday_schedule_recomputes_open_documents(client, people):
    client.force_login(people.admin)
    draft = make_draft(people.editor, formed_on=D("2026-12-20"))
    assert draft.due_date == D("2027-01-15")  # 1 January 2027 guessed a working day
    data = {
        "year": 2027,
        "notice_reference": SCHEDULE_2027.reference,
        "days-TOTAL_FORMS": "1",
        "days-INITIAL_FORMS": "0",
        "days-MIN_NUM_FORMS": "0",
        "days-MAX_NUM_FORMS": "1000",
        "days-0-date": "2027-01-01",
        "days-0-kind": "holiday",
        "days-0-name": "元旦",
    }
    response = client.post("/admin/disclosure/holidayschedule/add/", data, follow=True)
    assert "重新计算1条未发布信息的公开期限" in response.content.decode()
    draft.refresh_from_db()
    assert draft.due_date == D("2027-01-18")


def test_a_saturday_entered_as_a_working_day_must_be_a_weekend_day(admin_client):
    data = {
        "year": 2027,
        "notice_reference": "测试",
        "days-TOTAL_FORMS": "1",
        "days-INITIAL_FORMS": "0",
        "days-MIN_NUM_FORMS": "0",
        "days-MAX_NUM_FORMS": "1000",
        "days-0-date": "2027-01-04",
        "days-0-kind": "workday",
        "days-0-name": "",
    }
    response = admin_client.post("/admin/disclosure/holidayschedule/add/", data)
    assert "调休上班的日期应是周六或周日" in response.content.decode()
    data |= {"days-0-date": "2028-01-01", "days-0-kind": "holiday"}
    response = admin_client.post("/admin/disclosure/holidayschedule/add/", data)
    assert "日期应在2027年内" in response.content.decode()


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
    publish(
        make_draft(people.editor, title="晚了的文件", formed_on=D("2026-09-25")), people.reviewer
    )
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

    from disclosure.compliance import published_late

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
