from django.contrib import admin, messages
from django.utils import timezone

from ..models import HolidaySchedule, HolidayScheduleDay, Publication
from ..services.deadlines import refresh_due_dates
from ..workdays import Source, load_calendar
from .base import DeclaredLookupsOnly


class HolidayScheduleDayInline(admin.TabularInline):
    model = HolidayScheduleDay
    extra = 5
    fields = ["date", "kind", "name"]


@admin.register(HolidaySchedule)
class HolidayScheduleAdmin(DeclaredLookupsOnly, admin.ModelAdmin):
    list_display = ["year", "notice_reference", "notice_date", "holiday_count", "workday_count"]
    inlines = [HolidayScheduleDayInline]

    @admin.display(description="放假天数")
    def holiday_count(self, obj):
        return obj.days.filter(kind=HolidayScheduleDay.Kind.HOLIDAY).count()

    @admin.display(description="调休上班天数")
    def workday_count(self, obj):
        return obj.days.filter(kind=HolidayScheduleDay.Kind.WORKDAY).count()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changed = refresh_due_dates(Publication.objects.all())
        if changed:
            messages.info(request, f"已按新的放假安排重新计算{changed}条未发布信息的公开期限。")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        refresh_due_dates(Publication.objects.all())

    def changelist_view(self, request, extra_context=None):
        calendar = load_calendar()
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
