from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models


class HolidaySchedule(models.Model):
    """One year of the State Council's holiday notice (国务院办公厅关于某年部分节假日安排的通知)."""

    year = models.PositiveSmallIntegerField("年份", unique=True)
    notice_reference = models.CharField(
        "通知文号", max_length=100, help_text="例：国办发明电〔2025〕7号"
    )
    notice_date = models.DateField("通知日期", null=True, blank=True)

    class Meta:
        verbose_name = "节假日安排"
        verbose_name_plural = "节假日安排"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年节假日安排（{self.notice_reference}）"


class HolidayScheduleDay(models.Model):
    """A day the notice gives off, or a weekend day it makes a working day (调休)."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", "放假"
        WORKDAY = "workday", "调休上班"

    schedule = models.ForeignKey(
        HolidaySchedule, verbose_name="节假日安排", on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类别", max_length=10, choices=Kind.choices)
    name = models.CharField("节日", max_length=50, blank=True, help_text="例：春节、国庆节")

    class Meta:
        verbose_name = "放假或调休日"
        verbose_name_plural = "放假和调休日"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.name}"

    def clean(self) -> None:
        schedule = getattr(self, "schedule", None)  # unsaved while its schedule is being added
        if schedule is not None and self.date and self.date.year != schedule.year:
            raise ValidationError({"date": f"日期应在{schedule.year}年内。"})
        if self.date and self.kind == self.Kind.WORKDAY and self.date.weekday() < 5:
            raise ValidationError({"kind": "调休上班的日期应是周六或周日。"})
