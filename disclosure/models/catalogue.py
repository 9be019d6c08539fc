from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse

from disclosure.lib import columns
from disclosure.lib.deadlines import RuleError, parse_rule
from disclosure.lib.legal import INTERPRETATION_WORKING_DAYS, PUBLISH_WORKING_DAYS
from disclosure.lib.slugs import unique_slug
from disclosure.models.offices import Office
from disclosure.models.site import BUREAU_NAME

MAX_LEVEL = 3


class Channel(models.Model):
    """A 公开渠道和载体 (the seed's 13 check boxes)."""

    name = models.CharField("名称", max_length=50, unique=True)
    order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "公开渠道和载体"
        verbose_name_plural = "公开渠道和载体"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


def tree_ordering() -> list[Case]:
    """Each item's place in the tree: (root, level-2 ancestor, level-3 item), each
    ranked by (order, id). The tree is at most three levels deep, so three
    ranks say it all, and -1 stands for "no item at this level" so that a
    parent sorts before its children."""
    return [
        Case(
            When(level=1, then=F("order")),
            When(level=2, then=F("parent__order")),
            default=F("parent__parent__order"),
            output_field=models.IntegerField(),
        ),
        Case(
            When(level=1, then=F("id")),
            When(level=2, then=F("parent_id")),
            default=F("parent__parent_id"),
            output_field=models.BigIntegerField(),
        ),
        Case(
            When(level=1, then=Value(-1)),
            When(level=2, then=F("order")),
            default=F("parent__order"),
            output_field=models.IntegerField(),
        ),
        Case(
            When(level=1, then=Value(-1)),
            When(level=2, then=F("id")),
            default=F("parent_id"),
            output_field=models.BigIntegerField(),
        ),
        Case(When(level=3, then=F("order")), default=Value(-1), output_field=models.IntegerField()),
        Case(When(level=3, then=F("id")), default=Value(-1), output_field=models.BigIntegerField()),
    ]


class DocumentField(models.TextChoices):
    """Metadata that an item may require of every document under it."""

    DOC_NUMBER = "doc_number", "文号"
    WRITTEN_ON = "written_on", "成文日期"
    VALIDITY = "validity", "有效性"
    BUDGET_YEAR = "budget_year", "预决算年度"
    APPROVED_ON = "approved_on", "批复日期"
    POSITION = "position", "职务"
    PHOTO = "photo", "照片"


class CatalogueItemQuerySet(models.QuerySet):
    def public(self) -> CatalogueItemQuerySet:
        """Items citizens may see: active, under active ancestors."""
        return self.filter(is_active=True).exclude(
            Q(parent__is_active=False) | Q(parent__parent__is_active=False)
        )

    def get_by_path(self, path: str) -> CatalogueItem:
        """The item at a slug path such as "zcfg/zcwj" (DoesNotExist if there is none)."""
        slugs = path.strip("/").split("/")
        lookup = {"__".join(["parent"] * len(slugs) + ["isnull"]): True}
        for depth, slug in enumerate(reversed(slugs)):
            lookup["__".join(["parent"] * depth + ["slug"])] = slug
        return self.get(**lookup)

    def in_tree_order(self) -> CatalogueItemQuerySet:
        """Depth-first order: each item right after its parent, siblings by `order`."""
        return self.order_by(*tree_ordering())

    def responsible(self, office: Office) -> CatalogueItemQuerySet:
        """Items the office answers for, including those given to every office."""
        scope = CatalogueItem.OfficeScope
        q = Q(offices=office) | Q(office_scope=scope.ALL)
        if office.kind == Office.Kind.UNIT:
            q |= Q(office_scope=scope.LISTED_AND_UNITS)
        return self.filter(q).distinct()


class CatalogueItem(models.Model):
    """A node of the 主动公开事项目录: three levels, the row on each node that has one."""

    class Audience(models.TextChoices):
        PUBLIC = "public", "全社会"
        GROUP = "group", "特定群体"

    class OfficeScope(models.TextChoices):
        LISTED = "listed", "所列科室"
        ALL = "all", "局机关各股室及局属各单位"
        LISTED_AND_UNITS = "listed_and_units", "所列科室及局属各单位"

    class ReportRole(models.TextChoices):
        """What an item stands for in the 政府信息公开工作年度报告."""

        RULES = "rules", "规章（计入年度报告表二）"
        NORMATIVE = "normative", "行政规范性文件（计入年度报告表二）"
        ANNUAL_REPORT = "annual_report", "政府信息公开工作年度报告（在本事项下发布）"

    class Presentation(models.TextChoices):
        DOCUMENTS = "documents", "文件列表"
        PAGE = "page", "单页"
        LEADERS = "leaders", "结构化列表：领导简介"
        SECTIONS = "sections", "结构化列表：内设机构"
        UNITS = "units", "结构化列表：所属单位"
        CONSULTATIONS = "consultations", "征求意见及反馈"

    class UpdatePeriod(models.TextChoices):
        """How often the column must show something new; blank: as its 公开时限 implies."""

        TWO_WEEKS = "two_weeks", "两周"
        MONTH = "month", "一个月"
        QUARTER = "quarter", "一个季度"
        HALF_YEAR = "half_year", "半年"
        YEAR = "year", "一年"
        NONE = "none", "不定期（只查空白）"

    class Mode(models.TextChoices):
        """公开方式, as the 基层政务公开标准目录 names it."""

        PROACTIVE = "proactive", "主动公开"
        ON_REQUEST = "on_request", "依申请公开"

    class Levels(models.TextChoices):
        """公开层级: which level of government discloses the item."""

        COUNTY = "county", "县级"
        TOWNSHIP = "township", "乡级"
        BOTH = "both", "县级和乡级"

    parent = models.ForeignKey(
        "self",
        verbose_name="上级事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="留空即为一级事项。目录最多三级。",
    )
    level = models.PositiveSmallIntegerField("层级", editable=False)
    order = models.PositiveIntegerField("排序", default=0, help_text="同级事项中数字小的排在前面。")
    name = models.CharField("事项名称", max_length=100)
    slug = models.SlugField(
        "网址标识",
        max_length=50,
        blank=True,
        help_text="用于网址的小写字母、数字或连字符，同级事项中唯一；留空则按名称拼音首字母生成。"
        "事项公开后请勿修改，以免原网址失效。",
    )
    content = models.TextField("公开内容（要素）", blank=True)
    deadline_text = models.CharField(
        "公开时限",
        max_length=200,
        blank=True,
        help_text="照录目录原文，例如“信息形成或者变更之日起20个工作日内”。",
    )
    deadline_rule = models.CharField(
        "时限计算规则",
        max_length=100,
        blank=True,
        help_text="公开时限原文无法自动识别时，在此用标准写法填写，例如“批复后20日内”“每年1月31日前”；留空则按原文计算。",
    )
    timely_days = models.PositiveSmallIntegerField(
        "“及时公开”时限（工作日）",
        null=True,
        blank=True,
        help_text=f"公开时限为“及时公开”时，本事项最迟几个工作日内公开；留空为条例规定的{PUBLISH_WORKING_DAYS}个工作日。",
    )
    update_period = models.CharField(
        "更新周期",
        max_length=20,
        choices=UpdatePeriod.choices,
        blank=True,
        help_text="本栏目最长多久必须有新信息（或情况说明），超过即在“公开时限”页列为不更新栏目。"
        "留空则按公开时限推算：每月、每季度、每年公开的，按其周期加上公开期限；"
        "其他的（如“形成之日起20个工作日内”“及时公开”）按半年，与网站检查对通知公告、政策文件类栏目的要求一致。"
        "单页、领导简介、内设机构、所属单位留空时只检查是否空白。",
    )
    publisher = models.CharField("公开主体", max_length=100, blank=True, default=BUREAU_NAME)
    channels = models.ManyToManyField(Channel, verbose_name="公开渠道和载体", blank=True)
    audience = models.CharField(
        "公开对象", max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    audience_note = models.CharField(
        "特定群体说明",
        max_length=200,
        blank=True,
        help_text="公开对象为特定群体时必填，例如“失业登记人员”。",
    )
    office_scope = models.CharField(
        "责任范围",
        max_length=20,
        choices=OfficeScope.choices,
        default=OfficeScope.LISTED,
        help_text="“局机关各股室及局属各单位”表示所有科室和单位都负责本事项。",
    )
    offices = models.ManyToManyField(Office, verbose_name="责任科室", blank=True)
    office_text = models.CharField(
        "责任科室（目录原文）", max_length=200, blank=True, help_text="目录中“责任科室”一栏的原文。"
    )
    basis = models.TextField(
        "公开依据",
        blank=True,
        help_text="要求公开本事项的法律法规或文件，例如“《中华人民共和国政府信息公开条例》第二十条”。",
    )
    mode = models.CharField("公开方式", max_length=20, choices=Mode.choices, default=Mode.PROACTIVE)
    levels = models.CharField(
        "公开层级", max_length=20, choices=Levels.choices, default=Levels.COUNTY
    )
    beyond_seed = models.BooleanField(
        "目录外增设",
        default=False,
        help_text="本事项不在本局公布的主动公开事项目录原表中，是按上级要求在目录之外增设的。",
    )
    presentation = models.CharField(
        "展示方式", max_length=20, choices=Presentation.choices, default=Presentation.DOCUMENTS
    )
    document_fields = models.JSONField(
        "文件必填信息",
        default=list,
        blank=True,
        help_text="本事项下每份文件必须填写的信息，由“公开内容（要素）”决定；未勾选的信息在文件表单中不显示。",
    )
    report_role = models.CharField(
        "年度报告用途",
        max_length=20,
        choices=ReportRole.choices,
        blank=True,
        help_text="本事项及其下级发布的文件在政府信息公开工作年度报告中怎样统计；"
        "“规章”“行政规范性文件”的制发、废止和现行有效件数计入表二。"
        "年度报告只能在一个事项下发布。",
    )
    explains_policies = models.BooleanField(
        "本事项发布政策解读",
        default=False,
        help_text="本事项下的每份文件都是对一份已发布政策文件的解读，必须选择所解读的政策文件；"
        f"解读应与政策文件同步发布，最迟不超过{INTERPRETATION_WORKING_DAYS}个工作日。",
    )
    is_active = models.BooleanField(
        "启用", default=True, help_text="停用的事项及其下级不在网站上显示，已有信息保留。"
    )

    objects = CatalogueItemQuerySet.as_manager()

    class Meta:
        verbose_name = "目录事项"
        verbose_name_plural = "主动公开事项目录"
        ordering = ["level", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=MAX_LEVEL), name="catalogueitem_level_1_to_3"
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True, level=1) | Q(parent__isnull=False, level__gt=1),
                name="catalogueitem_root_iff_level_1",
            ),
            models.CheckConstraint(
                condition=Q(audience="public") | ~Q(audience_note=""),
                name="catalogueitem_group_audience_described",
            ),
            models.UniqueConstraint(
                fields=["parent", "slug"], name="catalogueitem_slug_among_siblings"
            ),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(parent__isnull=True), name="catalogueitem_root_slug"
            ),
            models.UniqueConstraint(
                fields=["report_role"],
                condition=Q(report_role="annual_report"),
                name="catalogueitem_one_annual_report_item",
                violation_error_message="年度报告只能在一个事项下发布，已有事项设为“政府信息公开工作年度报告”。",
            ),
        ]

    def __str__(self) -> str:
        return " / ".join(item.name for item in self.lineage())

    def get_absolute_url(self) -> str:
        known = self.__dict__.get("_known_url")
        return known or reverse("disclosure:item", kwargs={"path": self.path()})

    def remember_url(self) -> None:
        """Keep the address on this instance, for a tree whose lineage will not change."""
        self._known_url = reverse("disclosure:item", kwargs={"path": self.path()})

    def lineage(self) -> list[CatalogueItem]:
        """The item and its ancestors, root first."""
        chain = [self]
        while chain[0].parent_id is not None:
            chain.insert(0, chain[0].parent)
        return chain

    def path(self) -> str:
        return "/".join(item.slug for item in self.lineage())

    def height(self) -> int:
        """Levels below this item (0 for a leaf)."""
        children = list(self.children.all()) if self.pk else []
        return 1 + max(child.height() for child in children) if children else 0

    def clean(self) -> None:
        errors = {}
        parent = self.parent
        if parent is not None:
            ancestor = parent
            while ancestor is not None:
                if self.pk is not None and ancestor.pk == self.pk:
                    errors["parent"] = "不能把事项移到它自己或它的下级之下。"
                    break
                ancestor = ancestor.parent
        self.level = parent.level + 1 if parent is not None else 1
        if not self.slug and self.name:
            siblings = CatalogueItem.objects.filter(parent=self.parent_id).exclude(pk=self.pk)
            self.slug = unique_slug(self.name, set(siblings.values_list("slug", flat=True)))
        if "parent" not in errors and self.level + self.height() > MAX_LEVEL:
            errors["parent"] = (
                f"目录最多{MAX_LEVEL}级，移到这里后本事项或其下级会超过{MAX_LEVEL}级。"
            )
        errors.update(self._deadline_errors())
        unknown = set(self.document_fields or []) - set(DocumentField.values)
        if not isinstance(self.document_fields, list) or unknown:
            errors["document_fields"] = "文件必填信息只能从列出的选项中选择。"
        if self.audience == self.Audience.GROUP and not self.audience_note.strip():
            errors["audience_note"] = "公开对象为特定群体时，请说明是哪些群体。"
        if errors:
            raise ValidationError(errors)

    def deadline(self):
        """The parsed 公开时限 (a `deadlines` rule), or None for an item without one."""
        words = self.deadline_rule or self.deadline_text
        return parse_rule(words, timely_days=self.timely_days) if words else None

    STANDING = (Presentation.PAGE, Presentation.LEADERS, Presentation.SECTIONS, Presentation.UNITS)

    def expected_update_days(self) -> int | None:
        """The longest the column may go without an update, in days; None: checked only for blank.

        A set period says it; otherwise a standing page (单页, leaders,
        offices) is only checked for being blank, and other columns take the
        period their 公开时限 implies.
        """
        period = self.UpdatePeriod
        days = {
            period.TWO_WEEKS: columns.TWO_WEEKS,
            period.MONTH: columns.MONTH,
            period.QUARTER: columns.QUARTER,
            period.HALF_YEAR: columns.HALF_YEAR,
            period.YEAR: columns.YEAR,
        }
        if self.update_period:
            return days.get(self.update_period)
        if self.presentation in self.STANDING:
            return None
        try:
            rule = self.deadline()
        except RuleError:
            rule = None
        return columns.derived_update_days(rule)

    def _deadline_errors(self) -> dict[str, str]:
        field = "deadline_rule" if self.deadline_rule else "deadline_text"
        words = self.deadline_rule or self.deadline_text
        if not words:
            return {}
        try:
            parse_rule(words, timely_days=self.timely_days)
        except RuleError as error:
            hint = "" if self.deadline_rule else "请改写，或在“时限计算规则”中用标准写法填写。"
            return {field: f"{error}{hint}"}
        return {}

    @property
    def is_publishable(self) -> bool:
        """Whether documents are published under this item (standing pages and leaders too)."""
        return self.presentation in (
            self.Presentation.DOCUMENTS,
            self.Presentation.PAGE,
            self.Presentation.LEADERS,
            self.Presentation.CONSULTATIONS,
        )

    def document_field_labels(self) -> list[str]:
        return [DocumentField(field).label for field in self.document_fields or []]

    def requires(self, field: str) -> bool:
        return field in (self.document_fields or [])

    def responsible_office_queryset(self) -> models.QuerySet:
        """The offices that answer for this item, as a query not yet run."""
        if self.office_scope == self.OfficeScope.ALL:
            return Office.objects.filter(is_active=True)
        listed = Q(pk__in=[office.pk for office in self.offices.all()])
        if self.office_scope == self.OfficeScope.LISTED_AND_UNITS:
            listed |= Q(is_active=True, kind=Office.Kind.UNIT)
        return Office.objects.filter(listed)

    def responsible_offices(self) -> list[Office]:
        """The offices that answer for this item, in their display order."""
        return list(self.responsible_office_queryset())

    def office_display(self) -> str:
        """The 责任科室 cell as a citizen reads it."""
        if self.office_text:
            return self.office_text
        if self.office_scope == self.OfficeScope.ALL:
            return self.OfficeScope.ALL.label
        names = "、".join(office.name for office in self.offices.all())
        if self.office_scope == self.OfficeScope.LISTED_AND_UNITS:
            return f"{names}及局属各单位" if names else "局属各单位"
        return names

    def audience_display(self) -> str:
        if self.audience == self.Audience.GROUP:
            return f"特定群体（{self.audience_note}）"
        return self.get_audience_display()
