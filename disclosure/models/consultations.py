from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from disclosure.models.fields import staff_field
from disclosure.models.publications import Publication


class Comment(models.Model):
    """A citizen's comment on a consultation; the office decides what is published."""

    class Status(models.TextChoices):
        PENDING = "pending", "待处理"
        PUBLISHED = "published", "已公开"
        HIDDEN = "hidden", "不公开"

    consultation = models.ForeignKey(
        Publication, verbose_name="征求意见", on_delete=models.PROTECT, related_name="comments"
    )
    name = models.CharField(
        "署名",
        max_length=50,
        blank=True,
        help_text="可以不填；公开意见时显示署名，不填显示“网民”。",
    )
    contact = models.CharField(
        "联系方式", max_length=100, blank=True, help_text="电话或电子邮箱，只有承办科室可以看到。"
    )
    body = models.TextField("意见内容", max_length=3000)
    status = models.CharField(
        "处理状态", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reply = models.TextField(
        "答复", blank=True, max_length=3000, help_text="公开意见时一并公开的答复，可以不填。"
    )
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    moderated_by = staff_field("处理人")
    moderated_at = models.DateTimeField("处理时间", null=True, blank=True, editable=False)
    client = models.CharField("来源标识", max_length=64, editable=False, db_index=True)
    token = models.UUIDField("提交标识", unique=True, editable=False)

    class Meta:
        verbose_name = "公众意见"
        verbose_name_plural = "公众意见"
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return f"对《{self.consultation.title}》的意见（{timezone.localtime(self.submitted_at):%Y-%m-%d %H:%M}）"

    @property
    def display_name(self) -> str:
        return self.name or "网民"


class FeedbackDecision(models.Model):
    """One line of a consultation's feedback: a group of comments and what became of them."""

    class Decision(models.TextChoices):
        ADOPTED = "adopted", "采纳"
        PARTLY = "partly", "部分采纳"
        NOT_ADOPTED = "not_adopted", "未采纳"

    publication = models.ForeignKey(
        Publication, verbose_name="反馈", on_delete=models.CASCADE, related_name="decisions"
    )
    opinion = models.TextField("意见摘要", max_length=2000)
    decision = models.CharField("采纳情况", max_length=12, choices=Decision.choices)
    reason = models.TextField("理由", max_length=2000, blank=True)
    order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "意见采纳情况"
        verbose_name_plural = "意见采纳情况"
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision="adopted") | ~models.Q(reason=""),
                name="feedback_decision_reason_unless_adopted",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}：{self.opinion[:30]}"

    def clean(self) -> None:
        if self.decision and self.decision != self.Decision.ADOPTED and not self.reason.strip():
            raise ValidationError({"reason": "部分采纳或未采纳的意见，请说明理由。"})
