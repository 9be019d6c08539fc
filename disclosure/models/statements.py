"""Dated statements (情况说明) for columns that have nothing to publish for a while.

"本单位2026年度无行政许可事项。" tells citizens, and the inspection, that a
column is empty on purpose: from its date it counts as an update of its
column, and the column's page shows it instead of an empty list.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from disclosure.models.catalogue import CatalogueItem
from disclosure.models.fields import staff_field
from disclosure.models.offices import Office

STATEMENT_MAX_LENGTH = 300


class ItemStatement(models.Model):
    """An office's dated word on a column it answers for: why there is nothing new in it."""

    item = models.ForeignKey(
        CatalogueItem,
        verbose_name="目录事项",
        on_delete=models.PROTECT,
        related_name="statements",
        help_text="本科室或单位负责的、发布信息的末级事项。",
    )
    office = models.ForeignKey(
        Office, verbose_name="说明单位", on_delete=models.PROTECT, related_name="statements"
    )
    text = models.TextField(
        "说明内容",
        max_length=STATEMENT_MAX_LENGTH,
        help_text=f"纯文字，不超过{STATEMENT_MAX_LENGTH}字，例如“本单位2026年度无行政许可事项。”。"
        "发布后在网站本栏目显示，并计为本栏目的一次更新。",
    )
    stated_on = models.DateField(
        "说明日期", help_text="网站上显示的日期，从这一天起计为本栏目已更新；不能晚于今天。"
    )
    created_by = staff_field("发布人", required=True)
    created_at = models.DateTimeField("发布时间", auto_now_add=True)

    history = HistoricalRecords(verbose_name="情况说明历史版本")

    class Meta:
        verbose_name = "情况说明"
        verbose_name_plural = "情况说明（栏目无信息可发布时）"
        ordering = ["-stated_on", "-id"]
        indexes = [models.Index(fields=["item", "stated_on"], name="statement_item_date")]

    def __str__(self) -> str:
        return f"{self.item.name}（{self.stated_on:%Y-%m-%d}）"
