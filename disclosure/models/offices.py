"""The offices (股室 and 局属单位), their staff, and changes to their public particulars."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from disclosure.models.fields import staff_field


class Office(models.Model):
    """A 股室 of the bureau or a 局属单位: staff belong to it and it answers for items."""

    class Kind(models.TextChoices):
        SECTION = "section", "局机关股室"
        UNIT = "unit", "局属单位"

    name = models.CharField("名称", max_length=100, unique=True)
    kind = models.CharField("类别", max_length=10, choices=Kind.choices)
    duties = models.TextField("主要职责", blank=True)
    head = models.CharField("负责人", max_length=50, blank=True)
    address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=50, blank=True)
    order = models.PositiveIntegerField("排序", default=0, help_text="数字小的排在前面。")
    is_active = models.BooleanField("启用", default=True)

    history = HistoricalRecords(verbose_name="科室与单位历史版本")

    class Meta:
        verbose_name = "科室与单位"
        verbose_name_plural = "科室与单位"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class StaffMember(models.Model):
    """A member of staff: the office they work for and what they may do there."""

    class Role(models.TextChoices):
        EDITOR = "editor", "信息员"
        REVIEWER = "reviewer", "审核人"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="staff",
    )
    office = models.ForeignKey(Office, verbose_name="科室或单位", on_delete=models.PROTECT)
    role = models.CharField(
        "角色",
        max_length=10,
        choices=Role.choices,
        help_text="信息员起草和提交本科室的信息；审核人审核、批准发布和撤回本科室的信息。",
    )

    class Meta:
        verbose_name = "工作人员"
        verbose_name_plural = "工作人员"

    def __str__(self) -> str:
        return f"{self.office} {self.get_role_display()} {self.user.get_username()}"


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
    created_by = staff_field("起草人", required=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True, editable=False)
    reviewed_by = staff_field("审核人")
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "科室信息变更"
        verbose_name_plural = "科室信息变更"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.office}（{self.get_status_display()}）"
