"""Applications for information (依申请公开, 政府信息公开条例 Art. 27–45)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from disclosure.lib import fees, identity
from disclosure.lib.deadlines import reply_due_date
from disclosure.lib.uploads import reply_path
from disclosure.models.base import YearlySequence
from disclosure.models.fields import staff_field
from disclosure.models.offices import Office


class ReplyType(models.TextChoices):
    """Art. 36's replies, one per row of the annual report's table 三."""

    DISCLOSED = "disclosed", "予以公开"
    PARTLY = "partly", "部分公开"
    REFUSED_STATE_SECRET = "refused_secret", "不予公开：属于国家秘密"
    REFUSED_BY_LAW = "refused_law", "不予公开：其他法律行政法规禁止公开"
    REFUSED_SECURITY = "refused_security", "不予公开：危及“三安全一稳定”"
    REFUSED_THIRD_PARTY = "refused_third_party", "不予公开：保护第三方合法权益"
    REFUSED_INTERNAL = "refused_internal", "不予公开：属于三类内部事务信息"
    REFUSED_PROCESS = "refused_process", "不予公开：属于四类过程性信息"
    REFUSED_ENFORCEMENT = "refused_enforcement", "不予公开：属于行政执法案卷"
    REFUSED_QUERY = "refused_query", "不予公开：属于行政查询事项"
    UNAVAILABLE_NOT_HELD = "unavailable_not_held", "无法提供：本机关不掌握相关政府信息"
    UNAVAILABLE_NEEDS_MAKING = "unavailable_making", "无法提供：没有现成信息需要另行制作"
    UNAVAILABLE_UNCLEAR = "unavailable_unclear", "无法提供：补正后申请内容仍不明确"
    NOT_HANDLED_PETITION = "not_handled_petition", "不予处理：信访举报投诉类申请"
    NOT_HANDLED_REPEATED = "not_handled_repeated", "不予处理：重复申请"
    NOT_HANDLED_PUBLICATION = "not_handled_publication", "不予处理：要求提供公开出版物"
    NOT_HANDLED_EXCESSIVE = "not_handled_excessive", "不予处理：无正当理由大量反复申请"
    NOT_HANDLED_CONFIRMATION = (
        "not_handled_confirmation",
        "不予处理：要求行政机关确认或重新出具已获取信息",
    )
    OTHER_NO_CORRECTION = (
        "other_no_correction",
        "其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    )
    OTHER_NO_FEE = (
        "other_no_fee",
        "其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    )
    OTHER = "other", "其他处理：其他"

    @property
    def report_group(self) -> str:
        """The 本年度办理结果 heading of the annual report this reply is counted under."""
        label = str(self.label)
        return label.split("：", 1)[0]

    @property
    def report_row(self) -> str:
        """The row's own words in table 三 (the group's name where it has no sub-rows)."""
        label = str(self.label)
        return label.split("：", 1)[1] if "：" in label else label


class InformationRequest(models.Model):
    """One application and its handling, with the clocks Art. 30–33 set."""

    class ApplicantType(models.TextChoices):
        PERSON = "person", "自然人"
        BUSINESS = "business", "商业企业"
        RESEARCH = "research", "科研机构"
        PUBLIC_INTEREST = "public_interest", "社会公益组织"
        LEGAL_SERVICE = "legal_service", "法律服务机构"
        OTHER_ORG = "other_org", "其他"

    class IdType(models.TextChoices):
        ID_CARD = identity.ID_CARD, "居民身份证"
        PASSPORT = "passport", "护照"
        HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
        TAIWAN = "taiwan", "台湾居民来往大陆通行证"
        FOREIGN_RESIDENT = "foreign_resident", "外国人永久居留身份证"
        CREDIT_CODE = identity.CREDIT_CODE, "统一社会信用代码证书"
        OTHER = "other", "其他有效证件"

    class Form(models.TextChoices):
        PAPER = "paper", "纸质"
        ELECTRONIC = "electronic", "电子数据"
        OTHER = "other", "其他"

    class Delivery(models.TextChoices):
        POST = "post", "邮寄"
        EMAIL = "email", "电子邮件"
        PICKUP = "pickup", "当面领取"
        FAX = "fax", "传真"

    class Channel(models.TextChoices):
        ONLINE = "online", "网上申请"
        IN_PERSON = "in_person", "当面提交"
        LETTER = "letter", "信函"
        FAX = "fax", "传真"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "待确认收到"
        RECEIVED = "received", "办理中"
        CORRECTION = "correction", "待申请人补正"
        THIRD_PARTY = "third_party", "征求第三方意见"
        FEE = "fee", "待缴纳信息处理费"
        REPLY_REVIEW = "reply_review", "答复待审核"
        ANSWERED = "answered", "已答复"
        CLOSED = "closed", "已办结"

    number = models.CharField("申请编号", max_length=20, unique=True, editable=False)
    code_hash = models.CharField("查询码（加密）", max_length=128, editable=False)
    channel = models.CharField(
        "申请方式", max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )

    applicant_type = models.CharField("申请人类型", max_length=20, choices=ApplicantType.choices)
    name = models.CharField("姓名或名称", max_length=100)
    id_type = models.CharField("证件类型", max_length=20, choices=IdType.choices)
    id_number = models.CharField("证件号码", max_length=40)
    legal_representative = models.CharField("法定代表人或负责人", max_length=50, blank=True)
    contact_person = models.CharField("联系人", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30)
    email = models.EmailField("电子邮箱", max_length=100, blank=True)
    fax = models.CharField("传真号码", max_length=30, blank=True)
    address = models.CharField("通信地址", max_length=200)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)

    description = models.TextField(
        "所需信息的内容描述",
        max_length=2000,
        help_text="信息的名称、文号，或者便于查找的其他特征性描述。",
    )
    doc_number = models.CharField("文号", max_length=100, blank=True)
    form = models.CharField("获取信息的载体形式", max_length=12, choices=Form.choices)
    delivery = models.CharField("获取信息的方式", max_length=10, choices=Delivery.choices)

    office = models.ForeignKey(
        Office, verbose_name="承办科室", on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        "状态", max_length=12, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    received_on = models.DateField(
        "收到申请日期",
        null=True,
        blank=True,
        help_text="网上申请以双方确认之日为收到申请之日（条例第三十一条）。",
    )
    clock_start = models.DateField(
        "答复期限起算日",
        null=True,
        blank=True,
        editable=False,
        help_text="收到申请之日；补正的，为收到补正之日。",
    )
    due_date = models.DateField("答复期限", null=True, blank=True, db_index=True, editable=False)

    correction_requested_on = models.DateField(
        "要求补正日期", null=True, blank=True, editable=False
    )
    correction_note = models.TextField("需要补正的事项", blank=True, editable=False)
    correction_deadline = models.DateField("补正期限", null=True, blank=True, editable=False)
    correction_received_on = models.DateField("收到补正日期", null=True, blank=True, editable=False)

    third_party_sent_on = models.DateField(
        "征求第三方意见日期", null=True, blank=True, editable=False
    )
    third_party_replied_on = models.DateField(
        "第三方答复日期", null=True, blank=True, editable=False
    )
    third_party_note = models.TextField("征求意见情况", blank=True, editable=False)
    paused_days = models.PositiveSmallIntegerField("不计入期限的工作日", default=0, editable=False)

    extension_days = models.PositiveSmallIntegerField("延长工作日", default=0, editable=False)
    extension_reason = models.TextField("延期理由", blank=True, editable=False)
    extended_on = models.DateField("延期日期", null=True, blank=True, editable=False)
    extension_approved_by = staff_field("延期批准人")

    reply_type = models.CharField(
        "答复类型", max_length=30, choices=ReplyType.choices, blank=True, editable=False
    )
    replied_on = models.DateField("答复日期", null=True, blank=True, editable=False)
    reply_note = models.TextField("答复要点", blank=True, editable=False)
    reply_file = models.FileField("答复书", upload_to=reply_path, blank=True, editable=False)
    reply_prepared_by = staff_field("答复拟稿人")
    reply_approved_by = staff_field("答复审核人")
    reply_return_reason = models.TextField("答复退回原因", blank=True, editable=False)
    on_time = models.BooleanField("按时答复", null=True, editable=False)
    closed_on = models.DateField("办结日期", null=True, blank=True, editable=False)
    close_note = models.TextField("办结说明", blank=True, editable=False)

    client = models.CharField("来源标识", max_length=64, blank=True, editable=False, db_index=True)
    token = models.UUIDField("提交标识", unique=True, null=True, editable=False)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="submitted") | Q(received_on__isnull=False),
                name="request_received_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["answered", "closed"]) | ~Q(reply_type=""),
                name="request_answered_has_reply_type",
            ),
            models.CheckConstraint(
                condition=Q(extension_days__lte=20), name="request_extension_at_most_20"
            ),
        ]

    def __str__(self) -> str:
        return f"申请{self.number}"

    def set_due_date(self, calendar) -> None:
        """Due while the clock runs; none while waiting for a correction or a third party."""
        waiting = (
            self.Status.SUBMITTED,
            self.Status.CORRECTION,
            self.Status.THIRD_PARTY,
            self.Status.FEE,
        )
        if self.clock_start is None or self.status in waiting:
            self.due_date = None
            return
        self.due_date = reply_due_date(
            self.clock_start,
            calendar,
            extension_days=self.extension_days,
            paused_days=self.paused_days,
        )

    def clean(self):
        super().clean()
        if self.id_type and self.id_number:
            error = identity.id_number_error(self.id_type, self.id_number)
            if error:
                raise ValidationError({"id_number": error})

    @property
    def is_open(self) -> bool:
        return not self.is_answered

    @property
    def is_organisation(self) -> bool:
        return self.applicant_type != self.ApplicantType.PERSON

    def get_reply_type_label(self) -> str:
        return ReplyType(self.reply_type).label if self.reply_type else ""

    @property
    def is_answered(self) -> bool:
        """The reply has gone out (after its review, where there is one)."""
        return self.status in (self.Status.ANSWERED, self.Status.CLOSED)

    def public_status_label(self) -> str:
        """The state as the applicant sees it: a reply under review is still 办理中."""
        if self.status == self.Status.REPLY_REVIEW:
            return self.Status.RECEIVED.label
        return self.get_status_display()


class FeeNotice(models.Model):
    """The 收费通知 of 信息处理费 for one application (国办函〔2020〕109号).

    The fee is computed by the national tiers from its basis: per piece, the
    applicant's applications in the calendar month; per volume, the pages
    provided. A reduction or waiver is recorded with its reason. While a fee
    is payable the reply clock stops; unpaid 20 working days after the notice
    was received, the application is no longer handled.
    """

    class Method(models.TextChoices):
        PER_PIECE = "per_piece", "按件计收"
        PER_VOLUME = "per_volume", "按量计收"

    class PaymentWay(models.TextChoices):
        ON_SITE = "on_site", "到本机关当面缴纳"
        TRANSFER = "transfer", "银行转账"
        ONLINE = "online", "非税收入网上缴纳"

    application = models.OneToOneField(
        InformationRequest, verbose_name="申请", on_delete=models.CASCADE, related_name="fee_notice"
    )
    method = models.CharField("计收方式", max_length=12, choices=Method.choices)
    quantity = models.PositiveIntegerField(
        "计费数量", help_text="按件计收：本申请计几件；按量计收：提供信息的页数。"
    )
    earlier_pieces = models.PositiveIntegerField(
        "本月此前已申请件数", default=0, help_text="按件计收时，同一申请人当月此前累计申请的件数。"
    )
    computed = models.DecimalField("按标准计算的费用（元）", max_digits=10, decimal_places=2)
    reduction = models.DecimalField("减免金额（元）", max_digits=10, decimal_places=2, default=0)
    reduction_reason = models.TextField("减免理由", blank=True)
    amount = models.DecimalField("应缴金额（元）", max_digits=10, decimal_places=2)
    payment_way = models.CharField("缴费方式", max_length=12, choices=PaymentWay.choices)
    payment_note = models.TextField(
        "缴费说明", blank=True, help_text="收款单位、账号或缴费地点等。"
    )
    notified_on = models.DateField("申请人收到收费通知日期")
    pay_by = models.DateField("缴费期限", null=True, blank=True)
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    issued_by = staff_field("通知人")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "信息处理费收费通知"
        verbose_name_plural = "信息处理费收费通知"
        constraints = [
            models.CheckConstraint(
                condition=Q(reduction__gte=0) & Q(reduction__lte=models.F("computed")),
                name="fee_reduction_within_fee",
            ),
            models.CheckConstraint(
                condition=Q(reduction=0) | ~Q(reduction_reason=""), name="fee_reduction_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application}的收费通知"

    @property
    def basis(self) -> str:
        """How the fee was counted, in words: "按件计收：本月第11件至第12件，每件100元"."""
        if self.method == self.Method.PER_PIECE:
            words = fees.piece_basis(self.earlier_pieces, self.quantity)
        else:
            words = fees.page_basis(self.quantity)
        return f"{self.get_method_display()}：{words}"

    @property
    def is_waived(self) -> bool:
        """Nothing to pay: the tiers give nothing, or all of it was waived."""
        return self.amount == 0

    @property
    def is_paid(self) -> bool:
        return self.paid_on is not None


class RequestNumberSequence(YearlySequence):
    """The last application number handed out in a year."""

    class Meta:
        verbose_name = "申请编号序列"
        verbose_name_plural = "申请编号序列"
