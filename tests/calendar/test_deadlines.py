"""Deadline words of the catalogue become rules, and rules give due dates across the holidays."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure.lib.deadlines import (
    AfterQuarter,
    CalendarDays,
    MonthlyDate,
    RuleError,
    WorkingDays,
    YearlyDate,
    due_date,
    parse_rule,
)
from tests.calendars import PACKAGE_ONLY, WITH_2027

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    "words, rule",
    [
        # every phrasing of the seed catalogue
        ("信息形成或者变更之日起20个工作日内", WorkingDays(20)),
        ("每年1月31日前", YearlyDate(1, 31)),
        ("批复后20日内", CalendarDays(20)),
        ("及时公开", WorkingDays(20, timely=True)),
        # common variants
        ("20个工作日内", WorkingDays(20)),
        ("自信息形成之日起15个工作日内", WorkingDays(15)),
        ("信息形成或变更之日起二十个工作日内", WorkingDays(20)),
        ("自收到申请之日起２０个工作日内", WorkingDays(20)),
        ("批复后20个工作日内", WorkingDays(20)),
        ("批复之日起30日内", CalendarDays(30)),
        ("批复后十五日内", CalendarDays(15)),
        ("每年3月31日之前", YearlyDate(3, 31)),
        ("每年的1月31日以前", YearlyDate(1, 31)),
        ("每季度结束后15日内", AfterQuarter(15, working=False)),
        ("每季度结束后10个工作日内", AfterQuarter(10, working=True)),
        ("每月10日前", MonthlyDate(10)),
        ("  信息形成或者变更之日起 20 个工作日内。 ", WorkingDays(20)),
    ],
)
def test_phrasings_are_parsed(words, rule):
    assert parse_rule(words) == rule


def test_an_item_may_set_a_shorter_bound_for_timely():
    assert parse_rule("及时公开", timely_days=5) == WorkingDays(5, timely=True)
    with pytest.raises(RuleError, match="不能超过20个工作日"):
        parse_rule("及时公开", timely_days=30)


@pytest.mark.parametrize(
    "words, message",
    [
        ("", "不能为空"),
        ("尽快", "无法识别"),
        ("每年2月30日前", "不是一个有效的日期"),
        ("每年13月1日前", "不是一个有效的日期"),
        ("0个工作日内", "1到366"),
        ("信息形成之日起400个工作日内", "1到366"),
        ("每月31日前", "1到28"),
        ("20个工作日", "无法识别"),
        ("信息形成之日起十十个工作日内", "不是一个能识别的数字"),
        ("每月十十日前", "不是一个能识别的数字"),
    ],
)
def test_words_that_are_not_a_rule_are_refused_in_chinese(words, message):
    with pytest.raises(RuleError, match=message):
        parse_rule(words)


# Worked out by hand against the State Council's notices (see test_workdays).
CASES = [
    # 20 working days across National Day 2026 and its 调休 Saturday (10 Oct)
    ("信息形成或者变更之日起20个工作日内", "2026-09-25", "2026-10-29"),
    # across Spring Festival 2026 with two 调休 Saturdays (14 and 28 Feb)
    ("信息形成或者变更之日起20个工作日内", "2026-01-30", "2026-03-05"),
    # across Spring Festival 2025 with 调休 Sunday 26 Jan and Saturday 8 Feb
    ("信息形成或者变更之日起20个工作日内", "2025-01-20", "2025-02-21"),
    # Labour Day 2025 and its 调休 Sunday (27 Apr)
    ("及时公开", "2025-04-25", "2025-05-27"),
    # the last calendar day a holiday: moved to the next working day
    ("批复后20日内", "2026-09-14", "2026-10-08"),
    # Dragon Boat 2025: 1 June is a Sunday in the holiday, 2 June a Monday off
    ("批复后20日内", "2025-05-12", "2025-06-03"),
    # an ordinary Sunday
    ("批复后20日内", "2026-03-02", "2026-03-23"),
    # a working last day stays
    ("批复后20日内", "2026-03-03", "2026-03-23"),
    # the annual report on 2026 is due on 31 January 2027, a Sunday, as the rule says
    ("每年1月31日前", "2026-06-30", "2027-01-31"),
    ("每年1月31日前", "2025-12-31", "2026-01-31"),
    ("每季度结束后15日内", "2026-08-10", "2026-10-15"),
    # Q3 2025 ends in National Day week; 11 Oct is a 调休 Saturday
    ("每季度结束后15个工作日内", "2025-09-10", "2025-10-28"),
    ("每月10日前", "2026-12-05", "2027-01-10"),
    ("每月10日前", "2026-02-28", "2026-03-10"),
    # the event on a rest day: counting starts the day after all the same
    ("20个工作日内", "2026-10-03", "2026-11-03"),
]


@pytest.mark.parametrize("words, start, due", CASES)
def test_due_dates_across_the_holidays(words, start, due):
    assert due_date(parse_rule(words), D(start), PACKAGE_ONLY) == D(due)


def test_timely_with_a_shorter_bound_across_dragon_boat_2026():
    assert due_date(parse_rule("及时公开", timely_days=5), D("2026-06-17"), PACKAGE_ONLY) == D(
        "2026-06-25"
    )


def test_the_end_of_the_package_years_and_a_schedule_entered_for_2027():
    rule = parse_rule("信息形成或者变更之日起20个工作日内")
    # Without 2027 only Monday to Friday is known: 1 January counts as a working day.
    assert due_date(rule, D("2026-12-20"), PACKAGE_ONLY) == D("2027-01-15")
    assert PACKAGE_ONLY.guessed_years(D("2026-12-20"), D("2027-01-15")) == [2027]
    # With the 2027 schedule New Year (1–3 January) is off.
    assert due_date(rule, D("2026-12-20"), WITH_2027) == D("2027-01-18")
    # Spring Festival 2027 of the entered schedule, and its 调休 Saturday 30 Jan and Sunday 14 Feb.
    assert due_date(rule, D("2027-01-25"), WITH_2027) == D("2027-02-25")
    assert due_date(parse_rule("批复后20日内"), D("2027-01-20"), WITH_2027) == D("2027-02-14")


RULES = [
    WorkingDays(20),
    WorkingDays(1),
    WorkingDays(5, timely=True),
    CalendarDays(20),
    CalendarDays(1),
    YearlyDate(1, 31),
    YearlyDate(2, 29),
    AfterQuarter(15, working=False),
    AfterQuarter(10, working=True),
    MonthlyDate(10),
]
dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 10, 31))


@settings(max_examples=300, deadline=None)
@given(rule=st.sampled_from(RULES), first=dates, second=dates)
def test_a_later_start_never_gives_an_earlier_due_date(rule, first, second):
    early, late = sorted((first, second))
    assert due_date(rule, early, WITH_2027) <= due_date(rule, late, WITH_2027)


@settings(max_examples=300, deadline=None)
@given(
    rule=st.sampled_from([r for r in RULES if not isinstance(r, YearlyDate | MonthlyDate)]),
    start=dates,
)
def test_working_day_rules_always_land_on_a_working_day_after_the_start(rule, start):
    due = due_date(rule, start, WITH_2027)
    assert WITH_2027.is_workday(due)
    assert due > start


@settings(max_examples=200, deadline=None)
@given(days=st.integers(min_value=1, max_value=60), start=dates)
def test_n_working_days_means_exactly_n_working_days(days, start):
    due = due_date(WorkingDays(days), start, WITH_2027)
    assert WITH_2027.workdays_between(start, due) == days
