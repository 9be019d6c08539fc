from django.core.management.base import BaseCommand, CommandError

from disclosure.exceptions import WorkflowError
from disclosure.services.links import links_check


class Command(BaseCommand):
    help = (
        "检查公开信息正文、起草说明、附件和网站信息中的全部链接，记录结果；"
        "失效链接列在“公开时限”页。站内链接在本机检查，不经网络。可以重复运行（建议每天一次）。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout", type=float, default=10.0, help="每个站外链接的超时时间，单位秒（默认10）。"
        )
        parser.add_argument(
            "--concurrency", type=int, default=8, help="同时检查的站外链接数（默认8）。"
        )
        parser.add_argument(
            "--budget",
            type=float,
            default=1800.0,
            help="检查站外链接的总时限，单位秒（默认1800）；到时尚未检查的记为“未检查”。",
        )
        parser.add_argument(
            "--internal-only", action="store_true", help="只检查站内链接和附件，不访问其他网站。"
        )

    def handle(self, *args, timeout, concurrency, budget, internal_only, **options):
        try:
            summary = links_check(
                timeout=timeout, concurrency=concurrency, budget=budget, internal_only=internal_only
            )
        except WorkflowError as error:
            raise CommandError(str(error)) from None
        for row in summary.broken:
            where = row.publication.title if row.publication_id else row.get_place_display()
            self.stdout.write(
                f"{row.office_name}\t{where}\t{row.text}\t{row.url}\t{row.error or row.get_result_display()}"
            )
        external = (
            "站外链接未检查"
            if internal_only
            else f"站外{summary.external}个（{summary.addresses_asked}个不同地址）"
        )
        self.stdout.write(
            f"链接检查完成：共检查{summary.checked}个，站内{summary.internal}个，{external}；"
            f"失效{summary.count('broken', 'timeout')}个（其中超时{summary.count('timeout')}个），"
            f"跳转{summary.count('redirected')}个，未检查{summary.count('unchecked')}个。"
        )
