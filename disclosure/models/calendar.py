from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from disclosure.lib.workdays import Calendar, YearSchedule

# The holidays every year's notice of the State Council sets (全体公民放假的节日).
STATUTORY_HOLIDAYS = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]
LONGEST_HOLIDAY_DAYS = 15


class HolidayScheduleManager(models.Manager):
    def calendar(self) -> Calendar:
        """The calendar with the administrators' schedules: the only read of the table."""
        schedules = {}
        for schedule in self.prefetch_related("holidays"):
            holidays = list(schedule.holidays.all())
            schedules[schedule.year] = YearSchedule(
                year=schedule.year,
                holidays=frozenset(day for holiday in holidays for day in holiday.days_off()),
                workdays=frozenset(day for holiday in holidays for day in holiday.working_days()),
                reference=schedule.notice_reference,
            )
        return Calendar(schedules)


class HolidaySchedule(models.Model):
    """One year of the State Council's holiday notice (国务院办公厅关于某年部分节假日安排的通知)."""

    year = models.PositiveSmallIntegerField("年份", unique=True)
    notice_reference = models.CharField(
        "通知文号", max_length=100, help_text="例：国办发明电〔2025〕7号"
    )
    notice_date = models.DateField("通知日期", null=True, blank=True)

    objects = HolidayScheduleManager()

    class Meta:
        verbose_name = "节假日安排"
        verbose_name_plural = "节假日安排"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年节假日安排（{self.notice_reference}）"

    def first_allowed_day(self) -> dt.date:
        """New Year may begin in the last days of the year before (e.g. 2018-12-30 for 2019)."""
        return dt.date(self.year - 1, 12, 1)

    def last_allowed_day(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    def missing_holidays(self, holidays: list[Holiday] | None = None) -> list[str]:
        """The statutory holidays this schedule has no entry for yet."""
        names = " ".join(h.name for h in (self.holidays.all() if holidays is None else holidays))
        return [name for name in STATUTORY_HOLIDAYS if name not in names]


class Holiday(models.Model):
    """One holiday as the notice gives it: the days off, and the weekend days worked for it."""

    schedule = models.ForeignKey(
        HolidaySchedule,
        verbose_name="节假日安排",
        on_delete=models.CASCADE,
        related_name="holidays",
    )
    name = models.CharField(
        "节日",
        max_length=50,
        help_text="元旦、春节、清明节、劳动节、端午节、中秋节、国庆节；合并放假的写“国庆节、中秋节”。",
    )
    first_day = models.DateField("放假开始")
    last_day = models.DateField("放假结束", help_text="放假的最后一天（含）。")
    workdays = models.JSONField(
        "调休上班日期", default=list, blank=True, help_text="通知中“上班”的周六、周日，可以有多天。"
    )

    class Meta:
        verbose_name = "节日"
        verbose_name_plural = "节日"
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")), name="holiday_ends_after_it_begins"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.first_day:%Y-%m-%d}至{self.last_day:%Y-%m-%d}）"

    def days_off(self) -> list[dt.date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + dt.timedelta(days=n) for n in range(max(count, 0))]

    def working_days(self) -> list[dt.date]:
        return [dt.date.fromisoformat(day) for day in self.workdays or []]

    def clean(self) -> None:
        errors = {}
        schedule = getattr(self, "schedule", None)  # unsaved while its schedule is being added
        low = schedule.first_allowed_day() if schedule else None
        high = schedule.last_allowed_day() if schedule else None
        if self.first_day and self.last_day:
            if self.last_day < self.first_day:
                errors["last_day"] = "放假结束日期不能早于开始日期。"
            elif (self.last_day - self.first_day).days + 1 > LONGEST_HOLIDAY_DAYS:
                errors["last_day"] = f"一个节日的假期不会超过{LONGEST_HOLIDAY_DAYS}天，请检查日期。"
            elif schedule and not (low <= self.first_day and self.last_day <= high):
                errors["first_day"] = f"放假日期应在{schedule.year}年内（元旦可从上一年12月开始）。"
        wrong = []
        for day in self.working_days():
            if day.weekday() < 5:
                wrong.append(f"{day:%-m月%-d日}不是周六或周日")
            elif schedule and not low <= day <= high:
                wrong.append(f"{day:%Y年%-m月%-d日}不在{schedule.year}年内")
            elif self.first_day and self.last_day and self.first_day <= day <= self.last_day:
                wrong.append(f"{day:%-m月%-d日}在放假期间")
        if wrong:
            errors["workdays"] = "调休上班日期有误：" + "；".join(wrong) + "。"
        if errors:
            raise ValidationError(errors)
