from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand

from disclosure.services.site import site_bootstrap


class Command(BaseCommand):
    help = "在空数据库中载入主动公开事项目录，并确保管理员账号可以登录。"

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help="管理员用户名（默认 admin）。")
        parser.add_argument(
            "--password-file",
            default=str(Path(settings.BASE_DIR) / "var" / "admin-password.txt"),
            help="保存管理员密码的文件；再次运行时沿用其中的密码。",
        )

    def handle(self, *args, username: str, password_file: str, **options):
        done = site_bootstrap(username=username, password_file=Path(password_file))
        if done.items_loaded:
            self.stdout.write(f"已载入主动公开事项目录（{done.items_loaded}个事项）。")
        else:
            self.stdout.write("目录已存在，保留现有目录。")
        self.stdout.write(f"管理员账号：{done.username}　密码：{done.password}")
