"""The inlines of the publication form: attachments, and the lines of a consultation's feedback."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from disclosure import permissions
from disclosure.admin.publications.forms import AttachmentForm
from disclosure.models import Attachment, FeedbackDecision


class PublicationPartInline(admin.TabularInline):
    """Rows that belong to a publication: seen with it, changed while it is a draft."""

    def _editable(self, request, obj) -> bool:
        return obj is not None and permissions.publications.can(request.user, "edit", obj)

    def has_view_permission(self, request, obj=None):
        return (
            obj is None or permissions.publications.visible(request.user).filter(pk=obj.pk).exists()
        )

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)


class AttachmentInline(PublicationPartInline):
    model = Attachment
    form = AttachmentForm
    extra = 1
    # The file links to the staff download already; the public address opens only once public.
    view_on_site = False
    fields = ["file", "name", "order", "size_display", "body_address"]
    readonly_fields = ["file_link", "size_display", "body_address"]

    def get_fields(self, request, obj=None):
        if obj is not None and not self._editable(request, obj):
            return ["file_link", "order", "size_display"]
        return self.fields

    @admin.display(description="在正文中显示")
    def body_address(self, obj):
        """For an image: the address to give the editor's 插入图片 dialog."""
        if not obj.pk or not obj.is_image:
            return "—"
        return format_html(
            '<span class="body-address"><code>{}</code><br>在正文工具栏点“插入图片”，'
            "把这个地址粘贴到“图片网址”，并填写“替代文字”。</span>",
            obj.get_absolute_url(),
        )

    @admin.display(description="文件")
    def file_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.staff_url(), obj.download_name)

    @admin.display(description="类型和大小")
    def size_display(self, obj):
        return f"{obj.type_label}，{obj.size_label}" if obj.pk else "—"

    def has_add_permission(self, request, obj=None):
        if obj is None:
            return permissions.publications.items(request.user).exists()
        return self._editable(request, obj)


class FeedbackDecisionInline(PublicationPartInline):
    """The lines of a consultation's feedback: which comments, adopted or not, and why."""

    model = FeedbackDecision
    extra = 1
    fields = ["opinion", "decision", "reason", "order"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("opinion", "reason"):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 40})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def _editable(self, request, obj) -> bool:
        return obj is None or permissions.publications.can(request.user, "edit", obj)
