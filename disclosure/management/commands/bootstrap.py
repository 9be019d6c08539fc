import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command
from django.db import transaction

from disclosure.models import CatalogueItem


class Command(BaseCommand):
    help = "Load the catalogue into an empty database and make sure an administrator can log in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--password-file",
            default=str(Path(settings.BASE_DIR) / "var" / "admin-password.txt"),
            help="Where the administrator's generated password is kept between runs.",
        )

    def handle(self, *args, username: str, password_file: str, **options):
        if CatalogueItem.objects.exists():
            self.stdout.write("目录已存在，保留现有目录。")
        else:
            call_command("loaddata", "catalogue", verbosity=0)
            self.stdout.write(f"已载入主动公开事项目录（{CatalogueItem.objects.count()}个事项）。")
        password = self._ensure_admin(username, Path(password_file))
        self.stdout.write(f"管理员账号：{username}　密码：{password}")

    @transaction.atomic
    def _ensure_admin(self, username: str, password_file: Path) -> str:
        """Reuse the administrator and its saved password; make either anew if missing."""
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        saved = password_file.read_text().strip() if password_file.exists() else ""
        if user is not None and saved and user.check_password(saved):
            return saved
        password = secrets.token_urlsafe(12)
        if user is None:
            user = User(username=username, is_staff=True, is_superuser=True)
        user.is_active = user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
        return password
