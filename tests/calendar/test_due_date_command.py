"""The due_date command, the calendar check and the deadline words the admin accepts."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from disclosure.checks import next_years_holidays_are_entered
from disclosure.models import CatalogueItem
from tests.calendars import enter_2027
from tests.factories import item_by_path

pytestmark = pytest.mark.django_db


def due(rule: str, start: str) -> list[str]:
    out = StringIO()
    call_command("due_date", rule=rule, start=start, stdout=out)
    return out.getvalue().strip().splitlines()


def test_it_prints_the_due_date_on_the_last_line():
    assert due("信息形成或者变更之日起20个工作日内", "2026-09-25") == ["2026-10-29"]
    assert due("批复后20日内", "2026-09-14") == ["2026-10-08"]
    assert due("每年1月31日前", "2026-06-30") == ["2027-01-31"]


def test_it_warns_first_where_the_calendar_is_a_guess():
    lines = due("及时公开", "2026-12-20")
    assert len(lines) == 2 and "2027年" in lines[0] and "尚未录入" in lines[0]
    assert lines[-1] == "2027-01-15"


def test_a_schedule_entered_in_the_admin_is_used_and_silences_the_warning():
    enter_2027()
    assert due("及时公开", "2026-12-20") == ["2027-01-18"]


@pytest.mark.parametrize(
    "rule, start, message",
    [
        ("尽快公开", "2026-03-01", "无法识别公开时限"),
        ("及时公开", "2026-02-30", "不是有效的日期"),
        ("及时公开", "yesterday", "不是有效的日期"),
        ("每年2月30日前", "2026-03-01", "不是一个有效的日期"),
    ],
)
def test_bad_rules_and_impossible_dates_exit_non_zero(rule, start, message):
    with pytest.raises(CommandError, match=message):
        call_command("due_date", rule=rule, start=start, stdout=StringIO())


def test_the_check_warns_from_november_until_every_holiday_of_next_year_is_entered():
    assert next_years_holidays_are_entered(None, today=dt.date(2026, 10, 31)) == []
    warnings = next_years_holidays_are_entered(None, today=dt.date(2026, 11, 1))
    assert [w.id for w in warnings] == ["disclosure.W002"]
    schedule = enter_2027()
    warnings = next_years_holidays_are_entered(None, today=dt.date(2026, 11, 28))
    assert [w.id for w in warnings] == ["disclosure.W002"]
    assert "清明节、劳动节、端午节、中秋节" in warnings[0].msg
    for name, first, last in [
        ("清明节", "2027-04-03", "2027-04-05"),
        ("劳动节", "2027-05-01", "2027-05-05"),
        ("端午节、中秋节", "2027-06-09", "2027-06-11"),
    ]:
        schedule.holidays.create(name=name, first_day=first, last_day=last)
    assert next_years_holidays_are_entered(None, today=dt.date(2026, 11, 28)) == []
    # 2025 in November: 2026 is in chinesecalendar, nothing to enter.
    assert next_years_holidays_are_entered(None, today=dt.date(2025, 11, 28)) == []


def test_unparseable_deadline_words_are_refused_in_the_admin_with_a_way_out(client, catalogue):
    client.force_login(User.objects.create_superuser("root", password="a-long-password-1"))
    item = item_by_path("jyta")
    url = f"/admin/disclosure/catalogueitem/{item.pk}/change/"
    data = {
        "name": item.name,
        "slug": item.slug,
        "order": item.order,
        "presentation": item.presentation,
        "is_active": "on",
        "content": item.content,
        "deadline_text": "收到建议后尽快答复",
        "publisher": item.publisher,
        "mode": item.mode,
        "levels": item.levels,
        "channels": [1],
        "audience": "public",
        "office_scope": "listed",
        "offices": [o.pk for o in item.offices.all()],
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "无法识别公开时限" in response.content.decode()
    assert 'value="收到建议后尽快答复"' in response.content.decode()
    response = client.post(url, data | {"deadline_rule": "信息形成之日起15个工作日内"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.deadline_text == "收到建议后尽快答复"
    assert item.deadline() == CatalogueItem(deadline_rule="15个工作日内").deadline()


def test_every_seed_deadline_is_understood(catalogue):
    for item in CatalogueItem.objects.exclude(deadline_text=""):
        assert item.deadline() is not None
