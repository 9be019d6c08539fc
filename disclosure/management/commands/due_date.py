import datetime as dt

from django.core.management import BaseCommand, CommandError

from disclosure.lib.deadlines import RuleError, due_date, parse_rule, uses_calendar
from disclosure.lib.workdays import Source
from disclosure.models import HolidaySchedule


class Command(BaseCommand):
    help = (
        "按公开时限和起算日期计算到期日，最后一行为 YYYY-MM-DD；"
        "所涉年份的放假安排尚未录入时，先输出一行警告。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rule", required=True, help="公开时限原文，例如“信息形成或者变更之日起20个工作日内”。"
        )
        parser.add_argument("--start", required=True, help="起算日期，格式 YYYY-MM-DD。")

    def handle(self, *args, rule: str, start: str, **options):
        try:
            start_date = dt.date.fromisoformat(start.strip())
        except ValueError:
            raise CommandError(
                f"开始日期“{start}”不是有效的日期，请按 YYYY-MM-DD 填写，例如 2026-03-02。"
            ) from None
        try:
            parsed = parse_rule(rule)
        except RuleError as error:
            raise CommandError(str(error)) from None
        calendar = HolidaySchedule.objects.calendar()
        due = due_date(parsed, start_date, calendar)
        guessed = calendar.guessed_years(start_date, due) if uses_calendar(parsed) else []
        if guessed:
            years = "、".join(f"{year}年" for year in guessed)
            self.stdout.write(
                f"警告：{years}的放假安排尚未录入，按{Source.GUESS.value.split('（')[0]}计算，结果可能不准确。"
            )
        self.stdout.write(due.isoformat())
