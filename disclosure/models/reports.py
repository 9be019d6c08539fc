"""The 政府信息公开工作年度报告 (条例 Art. 49–50) and the figures only staff can give it.

Tables 二 and 三 are computed from documents and applications; what the
portal does not hold is entered here: each office's yearly counts of
行政许可, 行政处罚, 行政强制 and 行政事业性收费, and the 行政复议 and 行政诉讼
brought against the bureau's disclosure work (table 四).
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from disclosure.models.applications import InformationRequest
from disclosure.models.fields import SanitizedHTMLField, staff_field
from disclosure.models.offices import Office
from disclosure.models.publications import Publication

FIRST_YEAR = 2008  # 政府信息公开条例 took effect on 1 May 2008.
LAST_YEAR = 2100


def year_field(verbose_name: str = "年度", **kwargs) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        validators=[
            MinValueValidator(FIRST_YEAR, f"年度不能早于{FIRST_YEAR}年。"),
            MaxValueValidator(LAST_YEAR, f"年度不能晚于{LAST_YEAR}年。"),
        ],
        **kwargs,
    )


class YearlyFigures(models.Model):
    """One office's counts for table 二 that only the office knows, for one year."""

    year = year_field()
    office = models.ForeignKey(
        Office, verbose_name="科室或单位", on_delete=models.PROTECT, related_name="yearly_figures"
    )
    licences = models.PositiveIntegerField(
        "行政许可处理决定数量", default=0, help_text="本年作出的行政许可处理决定件数。"
    )
    penalties = models.PositiveIntegerField(
        "行政处罚处理决定数量", default=0, help_text="本年作出的行政处罚决定件数。"
    )
    coercions = models.PositiveIntegerField(
        "行政强制处理决定数量", default=0, help_text="本年作出的行政强制决定件数。"
    )
    fees = models.DecimalField(
        "行政事业性收费金额（万元）",
        max_digits=12,
        decimal_places=4,
        default=0,
        validators=[MinValueValidator(0, "收费金额不能为负数。")],
        help_text="本年收取的行政事业性收费，以万元为单位，保留四位小数（精确到元）。",
    )
    note = models.TextField("说明", blank=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = staff_field("填报人")

    history = HistoricalRecords(verbose_name="年度统计数据历史版本", excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "年度统计数据"
        verbose_name_plural = "年度统计数据（许可、处罚、强制、收费）"
        ordering = ["-year", "office__order", "office__id"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "office"],
                name="yearly_figures_once_per_office",
                violation_error_message="这个科室或单位这一年度的数据已经填报，请修改原记录。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.year}年度统计数据"


class Appeal(models.Model):
    """A 行政复议 or 行政诉讼 brought against the bureau's disclosure work."""

    class Kind(models.TextChoices):
        REVIEW = "review", "行政复议"
        SUIT = "suit", "行政诉讼"

    class Route(models.TextChoices):
        DIRECT = "direct", "未经复议直接起诉"
        AFTER_REVIEW = "after_review", "复议后起诉"

    class Result(models.TextChoices):
        UPHELD = "upheld", "结果维持"
        CORRECTED = "corrected", "结果纠正"
        OTHER = "other", "其他结果"
        PENDING = "pending", "尚未审结"

    kind = models.CharField("类别", max_length=10, choices=Kind.choices)
    route = models.CharField(
        "起诉方式",
        max_length=20,
        choices=Route.choices,
        blank=True,
        help_text="行政诉讼必填：未经复议直接起诉，或者复议后起诉。",
    )
    office = models.ForeignKey(
        Office, verbose_name="承办科室", on_delete=models.PROTECT, related_name="appeals"
    )
    application = models.ForeignKey(
        InformationRequest,
        verbose_name="所涉申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
        help_text="因答复政府信息公开申请引起的，选择所涉申请。",
    )
    case_number = models.CharField("案号", max_length=100, blank=True)
    filed_on = models.DateField("申请复议或起诉日期")
    body = models.CharField("复议机关或人民法院", max_length=100)
    subject = models.TextField("事由", max_length=2000)
    result = models.CharField("结果", max_length=10, choices=Result.choices, default=Result.PENDING)
    decided_on = models.DateField("作出决定或裁判日期", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = staff_field("登记人")

    history = HistoricalRecords(verbose_name="复议诉讼历史版本", excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "行政复议或行政诉讼"
        verbose_name_plural = "行政复议和行政诉讼"
        ordering = ["-filed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="suit", route__in=["direct", "after_review"])
                | Q(kind="review", route=""),
                name="appeal_suit_has_route",
                violation_error_message="行政诉讼须选择起诉方式；行政复议不选。",
            ),
            models.CheckConstraint(
                condition=Q(result="pending", decided_on__isnull=True)
                | (~Q(result="pending") & Q(decided_on__isnull=False)),
                name="appeal_decided_has_date",
                violation_error_message="已审结的须填写作出决定或裁判日期；尚未审结的不填。",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=models.F("filed_on")),
                name="appeal_decided_after_filed",
                violation_error_message="作出决定或裁判日期不能早于申请复议或起诉日期。",
            ),
        ]

    def __str__(self) -> str:
        label = self.get_kind_display()
        if self.route:
            label = f"{label}（{self.get_route_display()}）"
        return f"{label} {self.case_number or f'{self.filed_on:%Y-%m-%d}'}"


class AnnualReport(models.Model):
    """The year's report: the words staff write, and the tables as they were generated.

    The tables are computed from the data and frozen in `figures` each time
    the report is generated; the document published under the 年报 item is
    composed from both and goes through the normal review.
    """

    year = year_field(unique=True)
    publication = models.OneToOneField(
        Publication,
        verbose_name="年度报告文件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="annual_report",
    )
    overview = SanitizedHTMLField("一、总体情况", blank=True)
    problems = SanitizedHTMLField("五、存在的主要问题及改进情况", blank=True)
    other_matters = SanitizedHTMLField("六、其他需要报告的事项", blank=True)
    figures = models.JSONField("统计表数据", default=dict, editable=False)
    generated_at = models.DateTimeField("生成时间", null=True, blank=True, editable=False)
    generated_by = staff_field("生成人")

    class Meta:
        verbose_name = "政府信息公开工作年度报告"
        verbose_name_plural = "政府信息公开工作年度报告"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年政府信息公开工作年度报告"
