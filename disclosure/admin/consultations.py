"""The moderation queue: each office sees the comments on its own consultations."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.text import Truncator

from disclosure import permissions
from disclosure.admin.base import OfficeScopedAdmin, person_column
from disclosure.admin.filters import IdFilter
from disclosure.exceptions import WorkflowError
from disclosure.lib.masking import mask_contact
from disclosure.models import Comment, Publication
from disclosure.selectors.words import comment_findings
from disclosure.services.audit import log_view
from disclosure.services.consultations import comment_moderate


class ConsultationFilter(IdFilter):
    title = "征求意见"
    parameter_name = "consultation"
    field = "consultation_id"

    def lookups(self, request, model_admin):
        mine = permissions.comments.visible(request.user).values("consultation")
        return [
            (str(publication.pk), Truncator(publication.title).chars(30))
            for publication in Publication.objects.filter(pk__in=mine).order_by("-opens_on")
        ]


class CommentForm(forms.ModelForm):
    """Moderation: a comment with a forbidden word (错敏词, 禁止) is not published."""

    class Meta:
        model = Comment
        fields = ["status", "reply"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Comment.Status.PUBLISHED:
            reply = cleaned.get("reply", "")
            blocked = comment_findings(self.instance, reply=reply).block_terms()
            if blocked:
                words = "、".join(f"“{term.term}”" for term in blocked)
                self.add_error(
                    "status",
                    f"意见或答复中有禁止使用的词语：{words}，不能公开。"
                    "意见中有的，请设为不公开；答复中有的，请修改答复。",
                )
        return cleaned


@admin.register(Comment)
class CommentAdmin(OfficeScopedAdmin):
    policy = permissions.comments
    form = CommentForm
    list_display = [
        "excerpt",
        "consultation_title",
        "display_name",
        "contact_masked",
        "submitted_at",
        "status",
        "word_summary",
    ]
    list_filter = ["status", ConsultationFilter]
    list_select_related = ["consultation"]
    search_fields = ["body", "name"]
    readonly_fields = [
        "consultation",
        "name",
        "contact",
        "contact_masked",
        "body",
        "word_check",
        "submitted_at",
        "moderated_by_name",
        "moderated_at",
    ]
    moderated_by_name = person_column("moderated_by", "处理人")
    actions = ["publish_selected", "hide_selected"]
    list_per_page = 50

    def get_fields(self, request, obj=None):
        contact = (
            "contact"
            if obj and permissions.comments.can(request.user, "see_contact", obj)
            else "contact_masked"
        )
        return [
            "consultation",
            "name",
            contact,
            "body",
            "word_check",
            "submitted_at",
            "status",
            "reply",
            "moderated_by_name",
            "moderated_at",
        ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.display(description="意见内容")
    def excerpt(self, obj):
        return Truncator(obj.body).chars(40)

    @admin.display(description="征求意见", ordering="consultation__title")
    def consultation_title(self, obj):
        return Truncator(obj.consultation.title).chars(24)

    @admin.display(description="署名")
    def display_name(self, obj):
        return obj.display_name

    @admin.display(description="错敏词检查")
    def word_check(self, obj):
        findings = comment_findings(obj)
        return render_to_string(
            "admin/disclosure/includes/word_hits.html",
            {
                "findings": findings,
                "word_check": True,
                "block_note": "有禁止使用的词语，不能公开：意见中有的，请设为不公开；答复中有的，请修改答复。",
                "warn_note": "提示的词语请核对后再决定是否公开。",
            },
        )

    @admin.display(description="错敏词")
    def word_summary(self, obj):
        findings = comment_findings(obj)
        if findings.blocks:
            return format_html("<strong>禁止{}处</strong>", len(findings.blocks))
        if findings.warnings:
            return f"提示{len(findings.warnings)}处"
        return "—"

    @admin.display(description="联系方式")
    def contact_masked(self, obj):
        return mask_contact(obj.contact) if obj.contact else "—"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        comment = self.get_queryset(request).filter(pk=object_id).first()
        if (
            comment is not None
            and comment.contact
            and permissions.comments.can(request.user, "see_contact", comment)
        ):
            log_view(request.user, comment=comment, fields="联系方式", path=request.path)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        try:
            comment_moderate(comment=obj, actor=request.user, status=obj.status, reply=obj.reply)
        except WorkflowError as error:
            raise PermissionDenied(str(error)) from error

    def _moderate(self, request, queryset, status: str, done: str):
        count = refused = 0
        for comment in queryset.select_related("consultation"):
            if permissions.comments.can(request.user, "moderate", comment):
                try:
                    comment_moderate(
                        comment=comment, actor=request.user, status=status, reply=comment.reply
                    )
                except WorkflowError:
                    refused += 1
                else:
                    count += 1
        messages.success(request, f"已将{count}条意见设为“{done}”。")
        if refused:
            messages.error(
                request, f"另有{refused}条意见含有禁止使用的词语，不能公开，请逐条查看处理。"
            )

    @admin.action(description="公开所选意见")
    def publish_selected(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.PUBLISHED, "已公开")

    @admin.action(description="不公开所选意见")
    def hide_selected(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.HIDDEN, "不公开")
