from __future__ import annotations

import os
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from simple_history.models import HistoricalRecords

from disclosure.lib.html import body_images, replace_images, sanitize_body
from disclosure.lib.legal import INTERPRETATION_WORKING_DAYS
from disclosure.lib.uploads import (
    IMAGE_EXTENSIONS,
    KINDS,
    attachment_path,
    file_size,
    name_without_extension,
    photo_path,
)
from disclosure.models.base import YearlySequence
from disclosure.models.catalogue import CatalogueItem, DocumentField
from disclosure.models.fields import DocNumberKeyField, SanitizedHTMLField, staff_field
from disclosure.models.offices import Office


def _published_by_now() -> Q:
    return Q(status=Publication.Status.PUBLISHED, published_at__lte=timezone.now())


class PublicationQuerySet(models.QuerySet):
    def public(self) -> PublicationQuerySet:
        """What citizens may see: published, due by now, under an active item.

        This is the only definition of public; every public view starts here.
        """
        return self.filter(_published_by_now(), item__in=CatalogueItem.objects.public())

    def visible_or_withdrawn(self) -> PublicationQuerySet:
        """Public documents and withdrawn ones, whose pages stay with a notice."""
        return self.filter(
            _published_by_now() | Q(status=Publication.Status.WITHDRAWN),
            item__in=CatalogueItem.objects.public(),
        )


class Publication(models.Model):
    """A document, page or entry published under a catalogue item."""

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        SUBMITTED = "submitted", "待审核"
        PUBLISHED = "published", "已发布"
        WITHDRAWN = "withdrawn", "已撤回"

    class Validity(models.TextChoices):
        VALID = "valid", "有效"
        EXPIRED = "expired", "失效"
        REPEALED = "repealed", "废止"

    item = models.ForeignKey(
        CatalogueItem,
        verbose_name="目录事项",
        on_delete=models.PROTECT,
        related_name="publications",
    )
    office = models.ForeignKey(
        Office, verbose_name="发布科室", on_delete=models.PROTECT, related_name="publications"
    )
    title = models.CharField("标题", max_length=200)
    index_number = models.CharField(
        "索引号", max_length=64, unique=True, null=True, blank=True, editable=False
    )
    doc_number = models.CharField(
        "文号", max_length=100, blank=True, help_text="例：扎人社发〔2026〕12号"
    )
    doc_number_key = DocNumberKeyField("文号（检索用）", source="doc_number")
    written_on = models.DateField("成文日期", null=True, blank=True, db_index=True)
    formed_on = models.DateField(
        "信息形成（变更）日期",
        null=True,
        blank=True,
        help_text="信息形成或者变更的日期，公开时限从这一天起算。",
    )
    approved_on = models.DateField(
        "批复日期", null=True, blank=True, help_text="预算、决算获批复的日期，公开时限从批复起算。"
    )
    budget_year = models.PositiveSmallIntegerField("预决算年度", null=True, blank=True)
    published_at = models.DateTimeField(
        "发布日期",
        null=True,
        blank=True,
        db_index=True,
        help_text="留空则在批准时立即发布；填写将来的时间则到时自动发布。",
    )
    due_date = models.DateField(
        "公开期限",
        null=True,
        blank=True,
        db_index=True,
        editable=False,
        help_text="按目录事项的公开时限和信息形成（或批复）日期计算。",
    )
    on_time = models.BooleanField("按时公开", null=True, editable=False)
    days_late = models.PositiveIntegerField("逾期工作日数", null=True, editable=False)
    validity = models.CharField("有效性", max_length=10, choices=Validity.choices, blank=True)
    validity_changed_on = models.DateField("有效性变更日期", null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name="替代文件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        help_text="文件失效或废止后，由哪一份已发布的文件替代；没有的可不填。网站上会在本文件页面提示并链接到替代文件。",
    )
    summary = models.TextField("摘要", blank=True)
    keywords = models.CharField(
        "主题词", max_length=200, blank=True, help_text="多个主题词用空格分隔。"
    )
    position = models.CharField("职务", max_length=100, blank=True)
    photo = models.ImageField(
        "照片",
        upload_to=photo_path,
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png"], "照片只能是JPG或PNG图片。")],
    )
    body = SanitizedHTMLField("正文", blank=True)
    related = models.ManyToManyField(
        "self",
        verbose_name="相关信息",
        blank=True,
        symmetrical=True,
        help_text="例如政策文件与它的政策解读；关联是双向的。",
    )
    interprets = models.ForeignKey(
        "self",
        verbose_name="解读的政策文件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="interpretations",
        help_text="本解读所解读的已发布政策文件，可按标题或文号查找。"
        f"政策解读应与政策文件同步发布，最迟不超过{INTERPRETATION_WORKING_DAYS}个工作日。",
    )
    order = models.PositiveIntegerField(
        "排序", default=0, help_text="领导简介等列表中数字小的排在前面。"
    )
    opens_on = models.DateField("征求意见开始日期", null=True, blank=True)
    closes_on = models.DateField(
        "征求意见截止日期", null=True, blank=True, help_text="截止日期当天仍可提交意见。"
    )
    drafting_note = SanitizedHTMLField("起草说明", blank=True)
    comment_ways = models.TextField(
        "其他提交意见方式",
        blank=True,
        help_text="除网上提交外，公众还可以怎样提交意见，例如信函地址、电子邮箱、传真。",
    )
    feedback_for = models.ForeignKey(
        "self",
        verbose_name="反馈的征求意见",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback",
        help_text="撰写意见采纳情况反馈时，选择对应的征求意见公告；发布征求意见公告时留空。",
    )

    status = models.CharField(
        "状态", max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    revision_of = models.OneToOneField(
        "self",
        verbose_name="修改的信息",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="pending_revision",
        editable=False,
        help_text="已发布信息的修改稿：批准后内容并入原信息，原信息在审核期间照常公开。",
    )
    change_note = models.TextField(
        "修改说明", blank=True, help_text="修改已发布的信息时必填，说明改了什么、为什么改。"
    )
    return_reason = models.TextField(
        "退回原因",
        blank=True,
        editable=False,
        help_text="审核人退回修改时写明的原因；再次提交时清除。",
    )
    withdrawal_reason = models.TextField("撤回原因", blank=True, editable=False)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True, editable=False)

    created_by = staff_field("起草人", required=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    submitted_by = staff_field("提交人")
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True, editable=False)
    approved_by = staff_field("审核人")
    approved_at = models.DateTimeField("审核时间", null=True, blank=True, editable=False)
    confidentiality_note = models.TextField("保密审查意见", blank=True, editable=False)

    objects = PublicationQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name="信息历史版本", m2m_fields=[related], excluded_fields=["updated_at"]
    )

    class Meta:
        verbose_name = "公开信息"
        verbose_name_plural = "公开信息"
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(
                fields=["item", "status", "published_at"], name="publication_item_listing"
            ),
            # An item's 成文年份 filter asks, for each year, whether a document was written in it.
            models.Index(fields=["item", "status", "written_on"], name="publication_item_written"),
            models.Index(fields=["office", "status"], name="publication_office_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="publication_published_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(index_number__isnull=False),
                name="publication_published_has_index_number",
            ),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | ~Q(withdrawal_reason=""),
                name="publication_withdrawn_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(revision_of__isnull=True) | Q(status__in=["draft", "submitted"]),
                name="publication_revision_is_unpublished",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("disclosure:publication", kwargs={"pk": self.pk})

    def print_url(self) -> str:
        return reverse("disclosure:publication_print", kwargs={"pk": self.pk})

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def is_returned(self) -> bool:
        """A draft that a reviewer sent back, until it is submitted again."""
        return self.status == self.Status.DRAFT and bool(self.return_reason)

    def state_label(self) -> str:
        status = "已退回" if self.is_returned else self.get_status_display()
        if self.revision_of_id:
            return f"修改稿（{status}）"
        if self.is_scheduled:
            return "定时发布"
        return status

    @property
    def is_no_longer_valid(self) -> bool:
        return self.validity in (self.Validity.EXPIRED, self.Validity.REPEALED)

    def required_fields(self) -> list[str]:
        """The metadata fields this document must carry, from its item."""
        return list(self.item.document_fields or []) if self.item_id else []

    def event_date(self) -> date | None:
        """The day the item's 公开时限 counts from: the approval for budgets, else the information's date."""
        if self.item_id and self.item.requires(DocumentField.APPROVED_ON):
            return self.approved_on
        return self.formed_on

    def clean(self) -> None:
        errors = {}
        if self.item_id and not self.item.is_publishable:
            errors["item"] = "这个目录事项不发布文件，请选择最末一级的事项。"
        for field in self.required_fields():
            value = getattr(self, field)
            if value in (None, "") or (field == DocumentField.PHOTO and not value):
                errors[field] = f"“{self.item.name}”下的信息必须填写{DocumentField(field).label}。"
        counts_from_formed = (
            self.item_id
            and self.item.deadline_text
            and not self.item.requires(DocumentField.APPROVED_ON)
        )
        if counts_from_formed and self.formed_on is None:
            errors["formed_on"] = "请填写信息形成（变更）日期，公开时限从这一天起算。"
        if self.formed_on and self.formed_on > timezone.localdate():
            errors["formed_on"] = "信息形成（变更）日期不能晚于今天。"
        if self.is_no_longer_valid and not self.validity_changed_on:
            errors["validity_changed_on"] = "文件失效或废止时，请填写有效性变更日期。"
        if self.replaced_by_id is not None:
            if not self.is_no_longer_valid:
                errors["replaced_by"] = "只有失效或废止的文件才填写替代文件。"
            elif self.replaced_by_id in (self.pk, self.revision_of_id):
                errors["replaced_by"] = "替代文件不能是本文件自己。"
        if self.is_consultation_item():
            errors |= self._consultation_errors()
        if self.status in (self.Status.DRAFT, self.Status.SUBMITTED):
            errors |= self._interpretation_errors()
        errors |= self._image_errors()
        if self.budget_year is not None and not 1949 <= self.budget_year <= 2100:
            errors["budget_year"] = "请填写四位数的年度，例如2026。"
        if errors:
            raise ValidationError(errors)

    # -- 政策解读 -------------------------------------------------------------

    def is_interpretation_item(self) -> bool:
        return bool(self.item_id) and self.item.explains_policies

    def _interpretation_errors(self) -> dict:
        """A 解读 names the published policy it explains; nothing else names one."""
        if not self.is_interpretation_item():
            if self.interprets_id is not None:
                return {"interprets": "只有政策解读才填写解读的政策文件，请清空。"}
            return {}
        if self.interprets_id is None:
            return {"interprets": f"“{self.item.name}”下的信息必须选择所解读的政策文件。"}
        # Read afresh: the policy may have been withdrawn since it was chosen.
        policy = Publication.objects.select_related("item").filter(pk=self.interprets_id).first()
        if policy is None:
            return {"interprets": "请选择已发布的政策文件。"}
        if policy.pk in (self.pk, self.revision_of_id) or policy.is_interpretation_item():
            return {"interprets": "请选择政策文件本身，不能选择本解读或另一份政策解读。"}
        published = (
            policy.status == self.Status.PUBLISHED
            and policy.revision_of_id is None
            and CatalogueItem.objects.public().filter(pk=policy.item_id).exists()
        )
        # A policy withdrawn after this 解读 named it stays named: the 解读 explains what it was.
        kept = (
            policy.status == self.Status.WITHDRAWN
            and Publication.objects.filter(
                pk__in=[pk for pk in (self.pk, self.revision_of_id) if pk], interprets_id=policy.pk
            ).exists()
        )
        if not (published or kept):
            return {"interprets": "请选择已发布的政策文件。"}
        return {}

    def interpretation_lag(self, calendar) -> int | None:
        """Working days from the policy's publication to this 解读's (0 if not later)."""
        policy = self.interprets
        if policy is None or self.published_at is None or policy.published_at is None:
            return None
        start = timezone.localdate(policy.published_at)
        end = timezone.localdate(self.published_at)
        return max(calendar.workdays_between(start, end), 0)

    # -- images in the body (图解) ----------------------------------------------

    def body_image_urls(self, attachments, *, staff: bool = False) -> dict[tuple[int, int], str]:
        """Where each image attachment is shown in the body: the public address or the staff one."""
        return {
            (self.pk, attachment.pk): attachment.staff_url()
            if staff
            else attachment.get_absolute_url()
            for attachment in attachments
            if attachment.is_image
        }

    def _image_errors(self) -> dict:
        """The body shows only this document's image attachments, each with its text alternative.

        An image of anything else is removed; one without alternative text is refused.
        """
        body = sanitize_body(self.body or "")
        images = body_images(body)
        if not images:
            return {}
        own = {a.pk: a for a in self.attachments.all() if a.is_image} if self.pk else {}

        def is_own(image) -> bool:
            return image.publication_id == self.pk and image.attachment_id in own

        self.body = replace_images(body, lambda image: image.tag() if is_own(image) else None)
        missing = [
            own[image.attachment_id].download_name
            for image in images
            if is_own(image) and not image.has_alt
        ]
        if missing:
            names = "、".join(f"“{name}”" for name in missing)
            return {
                "body": f"正文中的图片{names}没有图片说明（替代文字）。请在正文中选中这张图片，"
                "点工具栏的图片按钮，填写“替代文字”，供看不到图片的读者了解图片的内容。"
            }
        return {}

    # -- consultations (征求意见) ---------------------------------------------

    def is_consultation_item(self) -> bool:
        return (
            bool(self.item_id)
            and self.item.presentation == CatalogueItem.Presentation.CONSULTATIONS
        )

    @property
    def is_consultation(self) -> bool:
        """A consultation notice (as opposed to the feedback on one)."""
        return self.is_consultation_item() and self.feedback_for_id is None

    @property
    def is_feedback(self) -> bool:
        return self.is_consultation_item() and self.feedback_for_id is not None

    def consultation_days(self) -> int | None:
        if self.opens_on and self.closes_on:
            return (self.closes_on - self.opens_on).days + 1
        return None

    def is_open_for_comments(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return bool(
            self.is_consultation
            and self.opens_on
            and self.closes_on
            and self.opens_on <= today <= self.closes_on
        )

    def consultation_state(self, today: date | None = None, *, has_feedback: bool = False) -> str:
        """未开始, 征集中, 已结束 or 已反馈, as the public page shows it."""
        today = today or timezone.localdate()
        if has_feedback:
            return "已反馈"
        if self.opens_on and today < self.opens_on:
            return "未开始"
        if self.closes_on and today > self.closes_on:
            return "已结束"
        return "征集中"

    def _consultation_errors(self) -> dict:
        errors = {}
        if self.feedback_for_id is not None:
            target = self.feedback_for
            if target.item_id != self.item_id or target.feedback_for_id or target.pk == self.pk:
                errors["feedback_for"] = "请选择本栏目下的征求意见公告。"
            for name in ("opens_on", "closes_on"):
                if getattr(self, name):
                    errors[name] = "反馈不填写征求意见期，请清空。"
            return errors
        for name in ("opens_on", "closes_on"):
            if getattr(self, name) is None:
                errors[name] = "征求意见公告必须填写征求意见期。"
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = "截止日期不能早于开始日期。"
        if not strip_tags(self.drafting_note or "").strip():
            errors["drafting_note"] = "征求意见公告必须附起草说明。"
        if not self.comment_ways.strip():
            errors["comment_ways"] = "请写明其他提交意见的方式，例如信函地址或电子邮箱。"
        return errors


class Attachment(models.Model):
    """A file attached to a publication, checked by its content when uploaded."""

    publication = models.ForeignKey(
        Publication, verbose_name="所属信息", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField("文件", upload_to=attachment_path)
    name = models.CharField(
        "文件名",
        max_length=200,
        help_text="公众下载时看到的文件名，不含扩展名（扩展名按文件的实际类型自动加上）；留空则用上传文件的名称。",
    )
    content_type = models.CharField("文件类型", max_length=100, editable=False)
    size = models.PositiveBigIntegerField("大小（字节）", editable=False)
    order = models.PositiveIntegerField("排序", default=0)
    # None until read: "" is a file read that holds no text (a scan, an image).
    text = models.TextField(  # noqa: DJ001
        "文字内容",
        null=True,
        blank=True,
        editable=False,
        help_text="提交审核时从附件中提取的文字，用于错敏词检查和站内检索；未提取时为空值。",
    )

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.download_name

    def get_absolute_url(self) -> str:
        return reverse(
            "disclosure:attachment", kwargs={"pk": self.publication_id, "attachment": self.pk}
        )

    def staff_url(self) -> str:
        """The same file for staff who may see the unpublished document (保密审查)."""
        return reverse(
            "admin:disclosure_publication_attachment", args=[self.publication_id, self.pk]
        )

    @property
    def extension(self) -> str:
        """From the stored file, whose extension is the checked type's."""
        return os.path.splitext(self.file.name)[1].lower()

    @property
    def download_name(self) -> str:
        """招聘会岗位表.pdf: the name staff gave, with the checked type's extension."""
        return f"{name_without_extension(self.name)}{self.extension}"

    @property
    def is_image(self) -> bool:
        """Shown in the browser, and in the document's body where the body places it."""
        return self.extension in IMAGE_EXTENSIONS

    @property
    def type_label(self) -> str:
        return KINDS[self.extension].label if self.extension in KINDS else ""

    @property
    def size_label(self) -> str:
        return file_size(self.size)


class IndexNumberSequence(YearlySequence):
    """The last 索引号 serial handed out in a year; serials are never reused."""

    class Meta:
        verbose_name = "索引号序列"
        verbose_name_plural = "索引号序列"
