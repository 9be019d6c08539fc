"""The working-day calendar: each year's holiday notice, entered as the notice gives it."""

from __future__ import annotations

import calendar as months
import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.forms.models import BaseInlineFormSet
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from disclosure.admin.base import DeclaredLookupsOnly
from disclosure.lib.workdays import DayListError, Source, parse_day_list
from disclosure.models import STATUTORY_HOLIDAYS, Holiday, HolidaySchedule, Publication
from disclosure.services.deadlines import refresh_due_dates

WEEKDAYS = "一二三四五六日"


class HolidayForm(forms.ModelForm):
    workdays = forms.CharField(
        label="调休上班日期",
        required=False,
        help_text="通知中“上班”的周六、周日，例如“2月14日、2月28日”；没有的留空。",
        widget=forms.TextInput(attrs={"size": 28}),
    )

    class Meta:
        model = Holiday
        fields = ["name", "first_day", "last_day", "workdays"]
        widgets = {
            "first_day": forms.DateInput(attrs={"type": "date"}),
            "last_day": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["workdays"] = "、".join(
                f"{day:%Y-%m-%d}" for day in self.instance.working_days()
            )

    def clean_workdays(self):
        text = self.cleaned_data["workdays"]
        near = self.cleaned_data.get("first_day") or self._schedule_start()
        try:
            days = parse_day_list(text, near)
        except DayListError as error:
            raise forms.ValidationError(str(error)) from None
        return [day.isoformat() for day in days]

    def _schedule_start(self) -> dt.date:
        schedule = getattr(self.instance, "schedule", None)
        year = schedule.year if schedule and schedule.year else timezone.localdate().year
        return dt.date(year, 1, 1)


class HolidayFormSet(BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The blank rows are named after the statutory holidays still to enter.
        missing = self.instance.missing_holidays() if self.instance.pk else STATUTORY_HOLIDAYS
        self.initial_extra = [{"name": name} for name in missing]

    def clean(self):
        super().clean()
        taken: list[tuple[dt.date, dt.date, str]] = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if (
                not data
                or data.get("DELETE")
                or not data.get("first_day")
                or not data.get("last_day")
            ):
                continue
            first, last = data["first_day"], data["last_day"]
            for other_first, other_last, other_name in taken:
                if first <= other_last and other_first <= last:
                    form.add_error("first_day", f"与“{other_name}”的放假日期重叠。")
            taken.append((first, last, data.get("name", "")))


class HolidayInline(admin.TabularInline):
    model = Holiday
    form = HolidayForm
    formset = HolidayFormSet
    extra = 7
    fields = ["name", "first_day", "last_day", "workdays"]

    def get_extra(self, request, obj=None, **kwargs):
        return max(len(STATUTORY_HOLIDAYS) - (obj.holidays.count() if obj else 0), 1)


@admin.register(HolidaySchedule)
class HolidayScheduleAdmin(DeclaredLookupsOnly, admin.ModelAdmin):
    list_display = [
        "year",
        "notice_reference",
        "notice_date",
        "days_off",
        "weekend_workdays",
        "completeness",
        "calendar_link",
    ]
    inlines = [HolidayInline]
    change_form_template = "admin/disclosure/holidayschedule/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("holidays")

    @admin.display(description="放假天数")
    def days_off(self, obj):
        return sum(len(holiday.days_off()) for holiday in obj.holidays.all())

    @admin.display(description="调休上班天数")
    def weekend_workdays(self, obj):
        return sum(len(holiday.working_days()) for holiday in obj.holidays.all())

    @admin.display(description="法定节日")
    def completeness(self, obj):
        missing = obj.missing_holidays(list(obj.holidays.all()))
        if missing:
            return format_html('<strong class="overdue">缺少：{}</strong>', "、".join(missing))
        return "齐全"

    @admin.display(description="日历")
    def calendar_link(self, obj):
        url = reverse("admin:disclosure_holidayschedule_calendar", args=[obj.pk])
        return format_html('<a href="{}">按月查看</a>', url)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        missing = form.instance.missing_holidays()
        if missing:
            messages.warning(
                request,
                f"{form.instance.year}年的放假安排还缺少：{'、'.join(missing)}。"
                "请按国务院办公厅的通知录入全部节日，录入齐全前系统会持续提醒。",
            )
        changed = refresh_due_dates(Publication.objects.all())
        if changed:
            messages.info(request, f"已按新的放假安排重新计算{changed}条未发布信息的公开期限。")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        refresh_due_dates(Publication.objects.all())

    def changelist_view(self, request, extra_context=None):
        calendar = HolidaySchedule.objects.calendar()
        this_year = timezone.localdate().year
        for year in (this_year, this_year + 1):
            source = calendar.source(year)
            if source is Source.GUESS:
                messages.warning(
                    request,
                    f"{year}年的放假安排尚未录入：该年的公开时限暂按周一至周五为工作日计算，"
                    "请在国务院办公厅发布通知后录入。",
                )
            elif source is Source.PACKAGE:
                messages.info(
                    request, f"{year}年按chinesecalendar内置的放假安排计算；在此录入后以录入为准。"
                )
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        return [
            path(
                "<int:object_id>/calendar/",
                self.admin_site.admin_view(self.calendar_view),
                name="disclosure_holidayschedule_calendar",
            ),
            *super().get_urls(),
        ]

    def calendar_view(self, request, object_id):
        """The year month by month, as the deadlines will count it, to check against the notice."""
        schedule = self.get_queryset(request).filter(pk=object_id).first()
        if schedule is None or not self.has_view_permission(request, schedule):
            raise Http404("没有这一年的放假安排。")
        holidays = list(schedule.holidays.all())
        context = {
            **self.admin_site.each_context(request),
            "title": f"{schedule.year}年工作日历",
            "opts": self.model._meta,
            "original": schedule,
            "weekdays": WEEKDAYS,
            "months": year_grid(schedule.year, holidays),
            "holidays": holidays,
            "missing": schedule.missing_holidays(holidays),
        }
        return TemplateResponse(request, "admin/disclosure/holidayschedule/calendar.html", context)


def year_grid(year: int, holidays: list[Holiday]) -> list[dict]:
    """Twelve months of weeks; each day with what the calendar makes of it."""
    calendar = HolidaySchedule.objects.calendar()
    names = {day: holiday.name for holiday in holidays for day in holiday.days_off()}
    adjusted = {day: holiday.name for holiday in holidays for day in holiday.working_days()}
    grid = []
    for month in range(1, 13):
        weeks = []
        for week in months.Calendar(firstweekday=0).monthdatescalendar(year, month):
            row = []
            for day in week:
                if day.month != month:
                    row.append(None)
                    continue
                working = calendar.is_workday(day)
                if day in adjusted:
                    kind, note = "adjusted", f"{adjusted[day]}调休上班"
                elif not working and day in names:
                    kind, note = "holiday", names[day]
                elif not working:
                    kind, note = "weekend", "休息日"
                else:
                    kind, note = "workday", "工作日"
                row.append({"day": day, "kind": kind, "note": note})
            weeks.append(row)
        grid.append({"month": month, "weeks": weeks})
    return grid
