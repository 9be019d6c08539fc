"""The publication form and the attachment form.

The form follows the document's catalogue item: the metadata the item asks
for is shown and required, nothing else.
"""

from django import forms
from django.db.models import Q
from django.urls import reverse

from disclosure import permissions
from disclosure.admin.widgets import StaffFileInput, StaffLink
from disclosure.lib.legal import CONSULTATION_MIN_DAYS
from disclosure.lib.uploads import ALLOWED_NAMES, check_attachment, name_without_extension
from disclosure.models import Attachment, CatalogueItem, DocumentField, Publication

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


def fields_for(
    item: CatalogueItem, publication: Publication | None, user, *, feedback: bool = False
) -> list[str]:
    """The form's fields: the common ones and those the item asks for, nothing else.

    Under 意见征集及反馈 a document is either a consultation notice (its
    period, other ways to comment, 起草说明) or the feedback on one.
    """
    fields = ["title"]
    if item.explains_policies:
        fields.append("interprets")
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
            "interprets",
            *BASE_FIELDS,
        ]
        help_texts = {
            "opens_on": f"涉及公民、法人和其他组织权利义务的规范性文件，征求意见期一般不少于{CONSULTATION_MIN_DAYS}日。"
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
        if "interprets" in self.fields:
            # Published policies, and the one already named (it may have been withdrawn since).
            self.fields["interprets"].queryset = Publication.objects.filter(
                Q(status=Status.PUBLISHED, revision_of__isnull=True, item__explains_policies=False)
                | Q(pk=self.instance.interprets_id)
            )
            self.fields["interprets"].required = True
            self.fields["interprets"].error_messages["required"] = (
                f"“{item.name}”下的信息必须选择所解读的政策文件。"
            )
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
            # A new file: its text is read again, for the word check and for search.
            self.instance.text = None
            if not cleaned.get("name"):
                cleaned["name"] = upload.name
        elif not self.instance.pk and cleaned.get("name"):
            self.add_error("file", "请选择要上传的文件。")
        if cleaned.get("name"):
            cleaned["name"] = name_without_extension(cleaned["name"])
        return cleaned
