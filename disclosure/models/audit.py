"""Who did what and when: workflow events of documents and applications, and views of personal data."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from disclosure.lib.names import person_name
from disclosure.models.applications import InformationRequest
from disclosure.models.fields import staff_field
from disclosure.models.publications import Publication


class PublicationEvent(models.Model):
    """One step of a publication's workflow: who did what, when and why."""

    class Action(models.TextChoices):
        CREATED = "created", "起草"
        EDITED = "edited", "修改"
        REPORT_GENERATED = "report_generated", "生成年度报告"
        SUBMITTED = "submitted", "提交审核"
        RETURNED = "returned", "退回修改"
        APPROVED = "approved", "批准发布"
        REVISION_STARTED = "revision_started", "开始修改已发布信息"
        REVISION_APPROVED = "revision_approved", "批准修改"
        WITHDRAWN = "withdrawn", "撤回"
        RESTORED = "restored", "恢复历史版本"

    publication = models.ForeignKey(
        Publication, verbose_name="信息", on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField("操作", max_length=20, choices=Action.choices)
    actor = staff_field("操作人", required=True, editable=True)
    at = models.DateTimeField("时间", default=timezone.now)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "流转记录"
        verbose_name_plural = "流转记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {timezone.localtime(self.at):%Y-%m-%d %H:%M}"


class RequestEvent(models.Model):
    """One step in handling an application: who, when, what."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", "网上提交"
        REGISTERED = "registered", "登记申请"
        RECEIVED = "received", "确认收到"
        CORRECTION_REQUESTED = "correction_requested", "要求补正"
        CORRECTION_RECEIVED = "correction_received", "收到补正"
        THIRD_PARTY_SENT = "third_party_sent", "征求第三方意见"
        THIRD_PARTY_REPLIED = "third_party_replied", "第三方意见返回"
        EXTENDED = "extended", "延长答复期限"
        FEE_NOTIFIED = "fee_notified", "收费通知"
        FEE_WAIVED = "fee_waived", "免收信息处理费"
        FEE_PAID = "fee_paid", "缴纳信息处理费"
        FEE_LAPSED = "fee_lapsed", "逾期未缴费终止办理"
        ANSWER_SUBMITTED = "answer_submitted", "提交答复审核"
        ANSWER_RETURNED = "answer_returned", "退回答复"
        ANSWERED = "answered", "答复"
        CLOSED = "closed", "办结"
        LAPSED = "lapsed", "逾期未补正，终止办理"

    application = models.ForeignKey(
        InformationRequest, verbose_name="申请", on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField("操作", max_length=30, choices=Action.choices)
    actor = staff_field("操作人", editable=True)
    on = models.DateField("日期")
    at = models.DateTimeField("记录时间", auto_now_add=True)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.on:%Y-%m-%d}"


class PersonalDataView(models.Model):
    """Who saw a citizen's personal data, when: every unmasked view is recorded."""

    user = staff_field("查看人", required=True, editable=True)
    at = models.DateTimeField("查看时间", auto_now_add=True, db_index=True)
    application = models.ForeignKey(
        InformationRequest,
        verbose_name="申请",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="data_views",
    )
    comment = models.ForeignKey(
        "disclosure.Comment",
        verbose_name="公众意见",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="data_views",
    )
    fields = models.CharField("查看的内容", max_length=200)
    path = models.CharField("页面", max_length=300)

    class Meta:
        verbose_name = "个人信息查看记录"
        verbose_name_plural = "个人信息查看记录"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return (
            f"{person_name(self.user)} {timezone.localtime(self.at):%Y-%m-%d %H:%M} {self.fields}"
        )
