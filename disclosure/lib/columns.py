"""How often a column must be updated, and when the website inspection counts it as stale or blank.

The numbers are those of the 单项否决 indicators of 《政府网站与政务新媒体检查指标》
(国办秘函〔2019〕19号), each written once:

- 首页不更新: no new information on the home page for 2 weeks;
- 栏目不更新 (1): 动态、要闻 columns not updated in the 2 weeks before the
  check, and 通知公告、政策文件 columns not updated in the 6 months before it,
  together 5 or more;
- 栏目不更新 (2): 10 or more columns that should be updated and have not
  been for long (应更新但长期未更新);
- 栏目不更新 (3): 5 or more blank columns (空白栏目), that is columns that
  never had any information.

A column's period is counted in calendar days. A column whose last update
is exactly its period old is still in time; one day more and it is stale.
"""

from __future__ import annotations

import datetime as dt
import math

from disclosure.lib.deadlines import AfterQuarter, MonthlyDate, Rule, YearlyDate

HOME_PAGE_STALE_DAYS = 14  # 19号 首页不更新: 监测2周，首页无信息更新的，即单项否决
NEWS_STALE_DAYS = 14  # 19号 栏目不更新 1: 动态、要闻类栏目，监测时间点前2周内
NOTICE_STALE_DAYS = 183  # 19号 栏目不更新 1: 通知公告、政策文件类栏目，监测时间点前6个月内
# 19号 栏目不更新 1: the columns above not updated, together 超过（含）5个. The
# portal counts every stale column against it, the stricter of this and
# 栏目不更新 2 (应更新但长期未更新的栏目超过（含）10个).
STALE_COLUMNS_VETO = 5
LONG_STALE_COLUMNS_VETO = 10  # 19号 栏目不更新 2, for reference
BLANK_COLUMNS_VETO = 5  # 19号 栏目不更新 3: 空白栏目数量超过（含）5个

# The periods a column may be given, in days.
TWO_WEEKS = NEWS_STALE_DAYS
MONTH = 31
QUARTER = 92
HALF_YEAR = NOTICE_STALE_DAYS
YEAR = 366


def derived_update_days(rule: Rule | None) -> int:
    """The longest gap between two updates that the column's 公开时限 allows.

    A periodic rule allows its period and then the time its deadline gives
    after the period's end: the report on one period may come out the day
    it ends and the next on the last day allowed. Information published
    within N days of an event (and 及时公开) has no period; the inspection
    expects such columns, like its 通知公告、政策文件, to be updated at least
    every 6 months.
    """
    if isinstance(rule, MonthlyDate):
        return MONTH + rule.day
    if isinstance(rule, AfterQuarter):
        return QUARTER + (math.ceil(rule.days * 7 / 5) if rule.working else rule.days)
    if isinstance(rule, YearlyDate):
        return YEAR + dt.date(2024, rule.month, rule.day).timetuple().tm_yday
    return HALF_YEAR


def is_stale(last_update: dt.date | None, period_days: int | None, today: dt.date) -> bool:
    """Whether a column last updated on `last_update` is overdue for another update today.

    A column without a period (checked only for being blank), and one never
    updated (blank, counted apart), is not stale.
    """
    if period_days is None or last_update is None:
        return False
    return (today - last_update).days > period_days
