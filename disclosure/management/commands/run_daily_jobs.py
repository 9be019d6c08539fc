from django.core.management.base import BaseCommand

from disclosure.services.schedule import DAILY_JOBS, daily_jobs_run


class Command(BaseCommand):
    help = (
        "运行今天尚未运行的每日任务（终止逾期未补正、未缴费的申请，清理过期会话）。"
        "网站每天收到第一个请求时会自行运行，定时任务可选。"
    )

    def handle(self, *args, **options):
        ran = daily_jobs_run()
        for name in DAILY_JOBS:
            self.stdout.write(f"{name}\t{'已运行' if name in ran else '今天已运行过'}")
