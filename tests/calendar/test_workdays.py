"""Which days are working days: the package's calendar, the week and schedules entered by hand."""

import datetime as dt

import pytest

from disclosure.lib.workdays import Calendar, Source, YearSchedule
from disclosure.models import HolidaySchedule
from tests.calendars import PACKAGE_ONLY, SCHEDULE_2027, WITH_2027, days

D = dt.date.fromisoformat

# The State Council's notices for 2025 (国办发明电〔2024〕12号) and 2026 (国办发明电〔2025〕7号).
HOLIDAYS = {
    2025: days(
        ("2025-01-01", "2025-01-01"),
        ("2025-01-28", "2025-02-04"),
        ("2025-04-04", "2025-04-06"),
        ("2025-05-01", "2025-05-05"),
        ("2025-05-31", "2025-06-02"),
        ("2025-10-01", "2025-10-08"),
    ),
    2026: days(
        ("2026-01-01", "2026-01-03"),
        ("2026-02-15", "2026-02-23"),
        ("2026-04-04", "2026-04-06"),
        ("2026-05-01", "2026-05-05"),
        ("2026-06-19", "2026-06-21"),
        ("2026-09-25", "2026-09-27"),
        ("2026-10-01", "2026-10-07"),
    ),
}
ADJUSTED_WORKDAYS = {
    2025: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
    2026: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
}


@pytest.mark.parametrize("day", sorted(HOLIDAYS[2025] | HOLIDAYS[2026]), ids=str)
def test_every_holiday_of_2025_and_2026_is_a_rest_day(day):
    assert not PACKAGE_ONLY.is_workday(day)


@pytest.mark.parametrize("day", ADJUSTED_WORKDAYS[2025] + ADJUSTED_WORKDAYS[2026])
def test_every_adjusted_weekend_day_is_a_working_day(day):
    assert D(day).weekday() >= 5
    assert PACKAGE_ONLY.is_workday(D(day))


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_other_day_follows_the_week(year):
    adjusted = {D(day) for day in ADJUSTED_WORKDAYS[year]}
    day = dt.date(year, 1, 1)
    while day.year == year:
        if day not in HOLIDAYS[year] and day not in adjusted:
            assert PACKAGE_ONLY.is_workday(day) == (day.weekday() < 5), day
        day += dt.timedelta(days=1)


def test_sources_by_year():
    assert PACKAGE_ONLY.source(2026) is Source.PACKAGE
    assert PACKAGE_ONLY.source(2027) is Source.GUESS
    assert WITH_2027.source(2027) is Source.TABLE
    assert PACKAGE_ONLY.guessed_years(D("2026-12-20"), D("2027-01-15")) == [2027]
    assert WITH_2027.guessed_years(D("2026-12-20"), D("2027-01-15")) == []


def test_beyond_the_package_a_year_is_monday_to_friday():
    assert PACKAGE_ONLY.is_workday(D("2027-01-01"))  # a Friday: the guess cannot know New Year
    assert not PACKAGE_ONLY.is_workday(D("2027-01-02"))


def test_a_schedule_entered_by_hand_decides_its_year():
    assert not WITH_2027.is_workday(D("2027-01-01"))
    assert not WITH_2027.is_workday(D("2027-02-08"))  # a Monday in the Spring Festival week
    assert WITH_2027.is_workday(D("2027-02-14"))  # a Sunday made a working day
    assert WITH_2027.is_workday(D("2027-03-01"))
    assert not WITH_2027.is_workday(D("2027-03-06"))


def test_the_table_overrides_the_package_for_a_year_it_knows():
    extra_day_off = YearSchedule(2026, holidays=frozenset({D("2026-03-02")}), reference="更正")
    calendar = Calendar({2026: extra_day_off})
    assert not calendar.is_workday(D("2026-03-02"))
    assert calendar.is_workday(D("2026-02-16"))  # the table for 2026 lists only what it lists


def test_counting_working_days():
    assert PACKAGE_ONLY.add_workdays(D("2026-09-30"), 1) == D("2026-10-08")
    assert PACKAGE_ONLY.next_workday(D("2026-10-03")) == D("2026-10-08")
    assert PACKAGE_ONLY.next_workday(D("2026-10-08")) == D("2026-10-08")
    assert PACKAGE_ONLY.workdays_between(D("2026-09-30"), D("2026-10-12")) == 4
    assert PACKAGE_ONLY.workdays_between(D("2026-10-12"), D("2026-09-30")) == -4


@pytest.mark.django_db
def test_load_calendar_reads_the_administrators_table():
    from tests.calendars import enter_2027

    enter_2027()
    calendar = HolidaySchedule.objects.calendar()
    assert calendar.schedules[2027] == SCHEDULE_2027
    assert calendar.source(2027) is Source.TABLE
