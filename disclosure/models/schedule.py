"""The daily jobs the site runs itself: the day each last ran, one row per job."""

from django.db import models


class ScheduledRun(models.Model):
    """A daily job's last run. Locked while the job runs, so two servers never run it the same day."""

    name = models.CharField("任务", max_length=64, unique=True)
    last_run_on = models.DateField("最近运行日期", null=True, blank=True)
    finished_at = models.DateTimeField("最近完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "每日任务"
        verbose_name_plural = "每日任务"

    def __str__(self) -> str:
        return self.name
