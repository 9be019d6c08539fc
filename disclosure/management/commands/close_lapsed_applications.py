from django.core.management.base import BaseCommand

from disclosure.services.applications import close_lapsed_applications


class Command(BaseCommand):
    help = "终止办理逾期未补正、逾期未缴纳信息处理费的政府信息公开申请（每天运行一次）。"

    def handle(self, *args, **options):
        closed = close_lapsed_applications()
        for application in closed:
            self.stdout.write(f"{application.number}\t{application.close_note}")
        self.stdout.write(f"共终止{len(closed)}件。")
