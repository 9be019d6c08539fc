from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError

from demo.seed import seed


class Command(BaseCommand):
    help = (
        "添加演示数据：网站和科室的联系信息，各科室的信息员和审核人，各种状态的信息，"
        "意见征集和政府信息公开申请。再次运行不会重复添加，并打印同样的账号。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--documents",
            type=int,
            default=0,
            metavar="N",
            help="另外新建N条已发布的信息（用于性能测试）。",
        )
        parser.add_argument(
            "--accounts-file",
            default=str(Path(settings.BASE_DIR) / "var" / "demo-accounts.json"),
            help="保存演示账号所生成密码的文件，再次运行时沿用其中的密码。",
        )

    def handle(self, *args, documents: int, accounts_file: str, **options):
        if documents < 0:
            raise CommandError("--documents 不能是负数。", returncode=2)
        seeded = seed(Path(accounts_file), documents)
        self.stderr.write(f"演示数据：填写了{seeded.filled}个空白字段，新建了{seeded.made}条信息。")
        if seeded.applications is not None:
            self.stderr.write("演示的政府信息公开申请（申请编号、查询码、状态），可在网站上查询：")
            self.stderr.write(seeded.applications)
        if documents:
            self.stderr.write(f"另外新建了{seeded.added}条已发布的信息。")
        self.stderr.write("演示账号（科室、用户名、密码、角色）：")
        for line in seeded.accounts:
            self.stdout.write("\t".join(line))
