from django.core.management import BaseCommand
from django.utils import timezone

from disclosure.models import Publication
from disclosure.selectors import compliance


class Command(BaseCommand):
    help = "按科室列出已逾期和即将到期的信息。只读，可由定时任务随时运行。"

    def handle(self, *args, **options):
        today = timezone.localdate()
        data = compliance.dashboard(
            Publication.objects.all(), compliance.items_with_deadlines(), today
        )
        out = self.stdout
        out.write(f"公开时限报告（{today:%Y-%m-%d}）")
        for year in data["guessed_years"]:
            out.write(f"警告：{year}年的放假安排尚未录入，期限按周一至周五计算。")
        offices = {p.office for p in [*data["overdue"], *data["due_soon"]]}
        if not offices and not data["expected"]:
            out.write("没有逾期或即将到期的信息。")
            return
        for office in sorted(offices, key=lambda o: (o.order, o.id)):
            out.write(f"\n{office.name}")
            for label, rows in (
                ("已逾期", data["overdue"]),
                (f"{data['due_soon_days']}个工作日内到期", data["due_soon"]),
            ):
                mine = [p for p in rows if p.office_id == office.id]
                if mine:
                    out.write(f"  {label}{len(mine)}条：")
                    for p in mine:
                        late = (
                            f"，逾期{p.workdays_overdue}个工作日"
                            if hasattr(p, "workdays_overdue")
                            else ""
                        )
                        out.write(
                            f"    {p.due_date:%Y-%m-%d}{late}  {p.title}（{p.item.name}，{p.state_label()}）"
                        )
        if data["expected"]:
            out.write("\n定期公开事项（尚未发布）：")
            for entry in data["expected"]:
                state = "已逾期" if entry.due < today else "待发布"
                out.write(f"  {entry.item.name} {entry.period}：期限{entry.due:%Y-%m-%d}，{state}")
