from __future__ import annotations

from django.conf import settings
from django.db import models

from disclosure.models.catalogue import Office

# The public particulars of an office, shown on the 内设机构 and 所属单位 pages.
PROFILE_FIELDS = ["duties", "head", "address", "office_hours", "phone"]


class OfficeProfileChange(models.Model):
    """A proposed change to an office's public particulars, reviewed before it shows."""

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        SUBMITTED = "submitted", "待审核"
        APPROVED = "approved", "已生效"

    office = models.ForeignKey(
        Office, verbose_name="科室或单位", on_delete=models.PROTECT, related_name="profile_changes"
    )
    duties = models.TextField("主要职责", blank=True)
    head = models.CharField("负责人", max_length=50, blank=True)
    address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=50, blank=True)
    status = models.CharField(
        "状态", max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    return_reason = models.TextField("退回原因", blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="起草人",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "科室信息变更"
        verbose_name_plural = "科室信息变更"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.office}（{self.get_status_display()}）"
