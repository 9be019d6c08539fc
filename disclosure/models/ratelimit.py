"""Per-client counters and locks that limit how often the citizens' forms may be sent."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class ClientRecord(models.Model):
    """What one client did: the kind of attempt and who, by a hash of the address."""

    kind = models.CharField("类型", max_length=20)
    client = models.CharField("来源标识", max_length=64)

    class Meta:
        abstract = True


class ClientAttempt(ClientRecord):
    """A submission or lookup from one client, counted for rate limits."""

    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "提交记录"
        verbose_name_plural = "提交记录"
        indexes = [models.Index(fields=["kind", "client", "at"], name="client_attempt_lookup")]

    def __str__(self) -> str:
        return f"{self.kind} {timezone.localtime(self.at):%Y-%m-%d %H:%M}"


class ClientLock(ClientRecord):
    """One row per client and kind of attempt, locked while its attempts are counted."""

    at = models.DateTimeField("最近一次", auto_now=True)

    class Meta:
        verbose_name = "提交计数锁"
        verbose_name_plural = "提交计数锁"
        constraints = [
            models.UniqueConstraint(fields=["kind", "client"], name="client_lock_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.client[:8]}"
