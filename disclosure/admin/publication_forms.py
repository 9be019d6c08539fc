"""The publication form, its inlines and the list filters of the publication admin.

The form follows the document's catalogue item: the metadata the item asks
for is shown and required, nothing else.
"""

from django import forms
from django.contrib import admin
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from disclosure import permissions
from disclosure.admin.filters import IdFilter
from disclosure.admin.widgets import StaffFileInput, StaffLink
from disclosure.lib.uploads import ALLOWED_NAMES, check_attachment, name_without_extension
from disclosure.models import (
    Attachment,
    CatalogueItem,
    DocumentField,
    FeedbackDecision,
    Office,
    Publication,
)

Status = Publication.Status

BASE_FIELDS = ["title", "summary", "keywords", "formed_on", "published_at", "body", "related"]
ITEM_FIELDS = {
    DocumentField.DOC_NUMBER: ["doc_number"],
    DocumentField.WRITTEN_ON: ["written_on"],
    DocumentField.VALIDITY: ["validity", "validity_changed_on", "replaced_by"],
    DocumentField.BUDGET_YEAR: ["budget_year"],
    DocumentField.APPROVED_ON: ["approved_on"],
    DocumentField.POSITION: ["position", "order"],
    DocumentField.PHOTO: ["photo"],
}


NOTICE_FIELDS = ["opens_on", "closes_on", "comment_ways", "drafting_note"]
CONSULTATION_FIELDS = ["feedback_for", *NOTICE_FIELDS]
CONSULTATION_MIN_DAYS = 30


def fields_for(
    item: CatalogueItem, publication: Publication | None, user, *, feedback: bool = False
) -> list[str]:
    """The form's fields: the common ones and those the item asks for, nothing else.

    Under 意见征集及反馈 a document is either a consultation notice (its
    period, other ways to comment, 起草说明) or the feedback on one.
    """
    fields = ["title"]
    if item.presentation == CatalogueItem.Presentation.CONSULTATIONS:
        fields += ["feedback_for"] if feedback else NOTICE_FIELDS
    for field in item.document_fields or []:
        fields += ITEM_FIELDS.get(field, [])
    fields += [f for f in BASE_FIELDS if f not in fields]
    if publication is not None and publication.revision_of_id:
        fields.insert(0, "change_note")
    if permissions.is_admin(user) and (publication is None or publication.pk is None):
        fields.insert(0, "office")
    return fields


class PublicationForm(forms.ModelForm):
    """The publication form; `item` is set on the class the admin builds per request."""

    item: CatalogueItem | None = None

    class Meta:
        model = Publication
        fields = [
            "office",
            "change_note",
            *(name for names in ITEM_FIELDS.values() for name in names),
            *CONSULTATION_FIELDS,
            *BASE_FIELDS,
        ]
        help_texts = {
            "opens_on": "涉及公民、法人和其他组织权利义务的规范性文件，征求意见期一般不少于30日。",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        item = self.instance.item if self.instance.item_id else self.item
        if item is None:
            return
        self.instance.item = item
        for field in item.document_fields or []:
            name = ITEM_FIELDS[field][0]
            if name in self.fields:
                self.fields[name].required = True
        if "change_note" in self.fields:
            self.fields["change_note"].required = True
        counts_from_formed = item.deadline_text and not item.requires(DocumentField.APPROVED_ON)
        if counts_from_formed and "formed_on" in self.fields:
            self.fields["formed_on"].required = True
        if "office" in self.fields:
            self.fields["office"].queryset = item.responsible_office_queryset()
        if "photo" in self.fields and self.instance.pk and self.instance.photo:
            url = reverse("admin:disclosure_publication_photo", args=[self.instance.pk])
            self.fields["photo"].widget = StaffFileInput(link=StaffLink(url, "查看照片"))
        if "replaced_by" in self.fields:
            self.fields["replaced_by"].queryset = (
                Publication.objects.public()
                .filter(item=item, revision_of__isnull=True)
                .exclude(pk__in=[self.instance.pk, self.instance.revision_of_id])
                .order_by("-published_at")
            )
        if "feedback_for" in self.fields:
            consultations = Publication.objects.filter(
                item=item,
                feedback_for__isnull=True,
                revision_of__isnull=True,
                status=Status.PUBLISHED,
            )
            if self.instance.office_id:
                consultations = consultations.filter(office_id=self.instance.office_id)
            self.fields["feedback_for"].queryset = consultations
            self.fields["feedback_for"].required = True
            self.fields["body"].help_text = "意见采纳情况的总体说明；逐条情况在下方填写。"
        elif "opens_on" in self.fields:
            self.fields["body"].help_text = "征求意见稿全文。"


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["file", "name", "order"]
        help_texts = {"file": f"可上传{ALLOWED_NAMES}文件。"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "name" in self.fields:
            self.fields["name"].required = False
        if self.instance.pk and "file" in self.fields:
            link = StaffLink(self.instance.staff_url(), self.instance.download_name)
            self.fields["file"].widget = StaffFileInput(link=link)

    def clean(self):
        cleaned = super().clean()
        upload = self.files.get(self.add_prefix("file"))
        if upload is not None:
            try:
                self.instance.content_type = check_attachment(upload)
            except forms.ValidationError as error:
                self.add_error("file", error)
                return cleaned
            self.instance.size = upload.size
            if not cleaned.get("name"):
                cleaned["name"] = upload.name
        elif not self.instance.pk and cleaned.get("name"):
            self.add_error("file", "请选择要上传的文件。")
        if cleaned.get("name"):
            cleaned["name"] = name_without_extension(cleaned["name"])
        return cleaned


class AttachmentInline(admin.TabularInline):
    model = Attachment
    form = AttachmentForm
    extra = 1
    # The file links to the staff download already; the public address opens only once public.
    view_on_site = False
    fields = ["file", "name", "order", "size_display"]
    readonly_fields = ["file_link", "size_display"]

    def get_fields(self, request, obj=None):
        if obj is not None and not self._editable(request, obj):
            return ["file_link", "order", "size_display"]
        return self.fields

    @admin.display(description="文件")
    def file_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.staff_url(), obj.download_name)

    @admin.display(description="类型和大小")
    def size_display(self, obj):
        return f"{obj.type_label}，{obj.size_label}" if obj.pk else "—"

    def _editable(self, request, obj) -> bool:
        return obj is not None and permissions.can_edit(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return obj is None or permissions.publications_for(request.user).filter(pk=obj.pk).exists()

    def has_add_permission(self, request, obj=None):
        if obj is None:
            return permissions.items_for(request.user).exists()
        return self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)


class FeedbackDecisionInline(admin.TabularInline):
    """The lines of a consultation's feedback: which comments, adopted or not, and why."""

    model = FeedbackDecision
    extra = 1
    fields = ["opinion", "decision", "reason", "order"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("opinion", "reason"):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 40})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def _editable(self, request, obj) -> bool:
        return obj is None or permissions.can_edit(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return obj is None or permissions.publications_for(request.user).filter(pk=obj.pk).exists()

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)


class StateFilter(admin.SimpleListFilter):
    title = "状态"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "草稿"),
            ("returned", "已退回"),
            ("submitted", "待审核"),
            ("scheduled", "定时发布"),
            ("published", "已发布"),
            ("withdrawn", "已撤回"),
            ("revision", "修改稿"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        value = self.value()
        if value == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, published_at__gt=now)
        if value == "published":
            return queryset.filter(status=Status.PUBLISHED, published_at__lte=now)
        if value == "revision":
            return queryset.filter(revision_of__isnull=False)
        if value == "draft":
            return queryset.filter(status=Status.DRAFT, return_reason="")
        if value == "returned":
            return queryset.filter(status=Status.DRAFT).exclude(return_reason="")
        if value in (Status.SUBMITTED, Status.WITHDRAWN):
            return queryset.filter(status=value)
        return queryset


class ItemFilter(IdFilter):
    title = "目录事项"
    parameter_name = "item"
    field = "item_id"

    def lookups(self, request, model_admin):
        mine = permissions.publications_for(request.user).values("item")
        items = CatalogueItem.objects.filter(
            Q(pk__in=mine) | Q(pk__in=permissions.items_for(request.user).values("pk"))
        ).select_related("parent__parent")
        return [(str(item.pk), str(item)) for item in items.in_tree_order()]


class OfficeFilter(IdFilter):
    title = "发布科室"
    parameter_name = "office"
    field = "office_id"

    def lookups(self, request, model_admin):
        if not permissions.is_admin(request.user):
            return []
        return [(str(office.pk), office.name) for office in Office.objects.all()]
