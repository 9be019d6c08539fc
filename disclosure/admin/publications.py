"""The office-scoped admin for publications.

What a member of staff sees and may do comes from `disclosure.permissions`:
the queryset, the list filters, search, autocomplete, the actions and every
object URL go through it, so no admin route shows one office another
office's unpublished work.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode

from disclosure import permissions
from disclosure.admin.base import DeclaredLookupsOnly
from disclosure.admin.filters import as_id
from disclosure.admin.publication_forms import (
    CONSULTATION_MIN_DAYS,
    AttachmentInline,
    FeedbackDecisionInline,
    ItemFilter,
    OfficeFilter,
    PublicationForm,
    StateFilter,
    fields_for,
)
from disclosure.admin.transitions import transition_view
from disclosure.lib.doc_numbers import normalise_doc_number
from disclosure.lib.files import file_response, photo_response
from disclosure.lib.html import safe_body
from disclosure.models import CatalogueItem, Comment, Publication, PublicationEvent
from disclosure.selectors import compliance
from disclosure.selectors.publications import preview_context
from disclosure.services import (
    WorkflowError,
    publication_approve,
    publication_restore,
    publication_return,
    publication_save_draft,
    publication_start_revision,
    publication_submit,
    publication_withdraw,
)

Status = Publication.Status


TRANSITIONS = {
    "submit": {"title": "提交审核", "check": permissions.can_submit, "text": None},
    "return": {"title": "退回修改", "check": permissions.can_review, "text": "退回原因"},
    "approve": {"title": "批准发布", "check": permissions.can_review, "text": "保密审查意见"},
    "withdraw": {
        "title": "撤回",
        "check": permissions.can_withdraw,
        "text": "撤回原因（将在网站上向公众显示）",
    },
    "revise": {
        "title": "修改已发布信息",
        "check": permissions.can_revise,
        "text": None,
        "button": "创建修改稿",
        "done": "已创建修改稿，修改后请提交审核",
    },
}


@admin.register(Publication)
class PublicationAdmin(DeclaredLookupsOnly, admin.ModelAdmin):
    form = PublicationForm
    change_form_template = "admin/disclosure/publication/change_form.html"
    change_list_template = "admin/disclosure/publication/change_list.html"

    class Media:
        css = {"all": ["admin_extra/publication.css"]}
        js = ["admin_extra/prose-editor-zh.js"]

    list_display = [
        "title",
        "item_name",
        "office",
        "state",
        "published_on",
        "index_number",
        "updated_on",
    ]
    list_select_related = ["item", "office"]
    list_filter = [StateFilter, ItemFilter, OfficeFilter]
    search_fields = ["title", "doc_number", "index_number", "keywords"]
    autocomplete_fields = ["related"]
    inlines = [AttachmentInline]
    date_hierarchy = None
    list_per_page = 50
    ordering = ["-updated_at", "-id"]
    actions = None

    # -- who may do what -------------------------------------------------

    def has_module_permission(self, request):
        return permissions.is_office_staff(request.user)

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return permissions.is_office_staff(request.user)
        return permissions.publications_for(request.user).filter(pk=obj.pk).exists()

    def has_add_permission(self, request):
        return permissions.items_for(request.user).exists()

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return permissions.is_office_staff(request.user)
        return permissions.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and permissions.can_delete(request.user, obj)

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("item", "office")
        return permissions.publications_for(request.user, queryset)

    def get_search_results(self, request, queryset, search_term):
        """Autocomplete for 相关信息 also offers other offices' public documents.

        A 文号 is found whichever brackets and digits it is typed with.
        """
        if request.resolver_match and request.resolver_match.url_name == "autocomplete":
            queryset = Publication.objects.filter(
                Q(pk__in=queryset.values("pk"))
                | Q(pk__in=Publication.objects.public().values("pk"))
            ).filter(revision_of__isnull=True)
        results, duplicates = super().get_search_results(request, queryset, search_term)
        key = normalise_doc_number(search_term.strip())
        if key:
            results = results | queryset.filter(doc_number_key__contains=key)
        return results, duplicates

    def view_on_site(self, obj):
        """The public page once it is public; until then the preview, which staff may see."""
        if Publication.objects.public().filter(pk=obj.pk).exists():
            return obj.get_absolute_url()
        return reverse("admin:disclosure_publication_preview", args=[obj.pk])

    # -- list --------------------------------------------------------------

    @admin.display(description="目录事项", ordering="item__name")
    def item_name(self, obj):
        return obj.item.name

    @admin.display(description="发布日期", ordering="published_at")
    def published_on(self, obj):
        return f"{timezone.localtime(obj.published_at):%Y-%m-%d %H:%M}" if obj.published_at else "—"

    @admin.display(description="修改时间", ordering="updated_at")
    def updated_on(self, obj):
        return f"{timezone.localtime(obj.updated_at):%Y-%m-%d %H:%M}"

    @admin.display(description="状态")
    def state(self, obj):
        kind = "returned" if obj.is_returned else obj.status
        return format_html('<span class="state state--{}">{}</span>', kind, obj.state_label())

    # -- the form follows the item -----------------------------------------

    def _item_for(self, request, obj) -> CatalogueItem | None:
        if obj is not None:
            return obj.item
        pk = as_id(request.GET.get("item"))
        if pk is None:
            return None
        return permissions.items_for(request.user).filter(pk=pk).first()

    def get_fields(self, request, obj=None):
        item = self._item_for(request, obj)
        if item is None:
            return ["title"]
        fields = fields_for(item, obj, request.user, feedback=self._is_feedback(request, obj))
        if obj is not None and not permissions.can_edit(request.user, obj):
            shown_as_html = {"body": "body_display", "drafting_note": "drafting_note_display"}
            fields = [shown_as_html.get(field, field) for field in fields]
        return fields

    def get_readonly_fields(self, request, obj=None):
        return ["body_display", "drafting_note_display"]

    @admin.display(description="起草说明")
    def drafting_note_display(self, obj):
        return safe_body(obj.drafting_note)

    @admin.display(description="正文")
    def body_display(self, obj):
        return safe_body(obj.body)

    def _is_feedback(self, request, obj) -> bool:
        if obj is not None:
            return obj.is_feedback
        item = self._item_for(request, None)
        return (
            item is not None
            and item.presentation == CatalogueItem.Presentation.CONSULTATIONS
            and as_id(request.GET.get("feedback_for")) is not None
        )

    def get_inlines(self, request, obj):
        if self._is_feedback(request, obj):
            return [FeedbackDecisionInline, AttachmentInline]
        return [AttachmentInline]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.item = self._item_for(request, obj)
        return form

    def add_view(self, request, form_url="", extra_context=None):
        if self._item_for(request, None) is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
            items = permissions.items_for(request.user).select_related("parent__parent")
            context = {
                **self.admin_site.each_context(request),
                "title": "选择要发布信息的目录事项",
                "opts": self.model._meta,
                "items": items.in_tree_order(),
            }
            return TemplateResponse(
                request, "admin/disclosure/publication/choose_item.html", context
            )
        return super().add_view(request, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        try:
            publication_save_draft(publication=obj, actor=request.user)
        except WorkflowError as error:
            raise PermissionDenied(str(error)) from error
        days = obj.consultation_days() if obj.is_consultation else None
        if days is not None and days < CONSULTATION_MIN_DAYS:
            messages.warning(
                request,
                f"征求意见期只有{days}天。涉及公民、法人和其他组织权利义务的规范性文件，"
                f"征求意见期一般不少于{CONSULTATION_MIN_DAYS}日；确需缩短的，请在公告中说明理由。",
            )

    def response_change(self, request, obj):
        """保存并提交审核: the edits are saved (the form was valid), then submitted."""
        if request.POST.get("_workflow") != "submit":
            return super().response_change(request, obj)
        change_url = reverse("admin:disclosure_publication_change", args=[obj.pk])
        try:
            publication_submit(publication=obj, actor=request.user)
        except WorkflowError as error:
            messages.error(request, f"修改已保存，但未能提交审核：{error}")
        else:
            messages.success(request, f"已保存并提交审核：{obj}")
        return HttpResponseRedirect(change_url)

    def delete_model(self, request, obj):
        if not permissions.can_delete(request.user, obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    # -- workflow ----------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        from js_asset import Media

        # The editor's import map is an inline script: it runs under the page's CSP nonce.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        if obj is not None:
            user = request.user
            events = (obj.revision_of or obj).events.select_related("actor")
            context["workflow"] = {
                "publication": obj,
                "actions": [
                    (name, spec["title"])
                    for name, spec in TRANSITIONS.items()
                    if spec["check"](user, obj)
                ],
                "events": events,
                "returned": events.filter(action=PublicationEvent.Action.RETURNED).last()
                if obj.is_returned
                else None,
                "pending_revision": Publication.objects.filter(revision_of=obj).first(),
                "is_author": permissions.is_author(user, obj),
                **self._consultation_tools(request, obj),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _consultation_tools(self, request, obj: Publication) -> dict:
        """On a consultation: its comments waiting, and the way to write its feedback."""
        if not obj.is_consultation or obj.revision_of_id:
            return {}
        comments = Comment.objects.filter(consultation=obj)
        tools = {
            "consultation_state": obj.consultation_state(
                has_feedback=obj.feedback.filter(status=Status.PUBLISHED).exists()
            ),
            "comments_total": comments.count(),
            "comments_pending": comments.filter(status=Comment.Status.PENDING).count(),
            "feedback": obj.feedback.filter(revision_of__isnull=True).first(),
        }
        closed = obj.closes_on is not None and obj.closes_on < timezone.localdate()
        if (
            closed
            and obj.status == Status.PUBLISHED
            and tools["feedback"] is None
            and permissions.items_for(request.user).filter(pk=obj.item_id).exists()
        ):
            query = urlencode(
                {
                    "item": obj.item_id,
                    "feedback_for": obj.pk,
                    "title": f"关于《{obj.title}》征求意见采纳情况的反馈"[:200],
                }
            )
            tools["write_feedback"] = reverse("admin:disclosure_publication_add") + "?" + query
        return tools

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(view)

        return [
            path(
                "<int:object_id>/do/<str:action>/",
                wrap(self.transition_view),
                name="disclosure_publication_transition",
            ),
            path(
                "<int:object_id>/preview/",
                wrap(self.preview_view),
                name="disclosure_publication_preview",
            ),
            path(
                "<int:object_id>/preview/print/",
                wrap(self.preview_print_view),
                name="disclosure_publication_preview_print",
            ),
            path(
                "<int:object_id>/files/<int:attachment_id>/",
                wrap(self.attachment_view),
                name="disclosure_publication_attachment",
            ),
            path(
                "<int:object_id>/photo/",
                wrap(self.photo_view),
                name="disclosure_publication_photo",
            ),
            path(
                "<int:object_id>/restore/<int:history_id>/",
                wrap(self.restore_view),
                name="disclosure_publication_restore",
            ),
            path("deadlines/", wrap(self.deadlines_view), name="disclosure_publication_deadlines"),
            *super().get_urls(),
        ]

    def _get_visible(self, request, object_id) -> Publication:
        publication = self.get_queryset(request).filter(pk=object_id).first()
        if publication is None:
            raise Http404("没有这条信息，或者它不属于您的科室。")
        return publication

    def transition_view(self, request, object_id, action):
        publication = self._get_visible(request, object_id)
        spec = TRANSITIONS.get(action)
        if spec is None:
            raise Http404

        def perform(text: str) -> Publication:
            return self._perform(action, publication, request.user, text)

        return transition_view(self, request, publication, action, spec, perform)

    def _perform(self, action: str, publication: Publication, actor, text: str) -> Publication:
        if action == "submit":
            return publication_submit(publication=publication, actor=actor)
        if action == "return":
            return publication_return(publication=publication, actor=actor, reason=text)
        if action == "approve":
            return publication_approve(
                publication=publication, actor=actor, confidentiality_note=text
            )
        if action == "withdraw":
            return publication_withdraw(publication=publication, actor=actor, reason=text)
        return publication_start_revision(publication=publication, actor=actor)

    def deadlines_view(self, request):
        """The compliance dashboard: each office its own, administrators everything."""
        if not permissions.is_office_staff(request.user):
            raise PermissionDenied
        staff = permissions.staff_of(request.user)
        office = None if permissions.is_admin(request.user) else staff.office
        context = {
            **self.admin_site.each_context(request),
            "title": "公开时限",
            "opts": self.model._meta,
            **compliance.dashboard(
                permissions.publications_for(request.user),
                compliance.items_with_deadlines(office),
                timezone.localdate(),
                applications=permissions.applications_for(request.user),
            ),
        }
        return TemplateResponse(request, "admin/disclosure/publication/deadlines.html", context)

    def preview_view(self, request, object_id, template="disclosure/publication.html"):
        """The document as citizens will see it, whatever its state, for those who may see it."""
        publication = self._get_visible(request, object_id)
        return TemplateResponse(request, template, preview_context(publication))

    def preview_print_view(self, request, object_id):
        return self.preview_view(request, object_id, "disclosure/publication_print.html")

    def attachment_view(self, request, object_id, attachment_id):
        """An attachment of a document the user may see, with the public download's checks."""
        publication = self._get_visible(request, object_id)
        attachment = publication.attachments.filter(pk=attachment_id).first()
        if attachment is None:
            raise Http404("没有这个附件。")
        return file_response(
            attachment.file, attachment.download_name, attachment.content_type, as_attachment=True
        )

    def photo_view(self, request, object_id):
        publication = self._get_visible(request, object_id)
        if not publication.photo:
            raise Http404("这条信息没有照片。")
        return photo_response(publication)

    def history_view(self, request, object_id, extra_context=None):
        publication = self._get_visible(request, object_id)
        versions = list(
            publication.history.select_related("history_user").order_by("-history_date")
        )
        rows = []
        for newer, older in zip(versions, [*versions[1:], None], strict=True):
            changed = []
            if older is not None:
                delta = newer.diff_against(older)
                changed = [
                    str(Publication._meta.get_field(change.field).verbose_name)
                    for change in delta.changes
                    if change.field != "related"
                ]
            rows.append({"version": newer, "changed": changed})
        can_restore = permissions.can_edit(request.user, publication) or permissions.can_revise(
            request.user, publication
        )
        context = {
            **self.admin_site.each_context(request),
            "title": f"历史版本：{publication.title}",
            "opts": self.model._meta,
            "original": publication,
            "rows": rows,
            "events": publication.events.select_related("actor"),
            "can_restore": can_restore,
        }
        return TemplateResponse(request, "admin/disclosure/publication/history.html", context)

    def restore_view(self, request, object_id, history_id):
        publication = self._get_visible(request, object_id)
        if request.method != "POST":
            return redirect("admin:disclosure_publication_history", publication.pk)
        try:
            target = publication_restore(
                publication=publication, history_id=history_id, actor=request.user
            )
        except WorkflowError as error:
            messages.error(request, str(error))
            return redirect("admin:disclosure_publication_history", publication.pk)
        if target.pk != publication.pk:
            messages.success(
                request, "已用该历史版本生成修改稿，请检查后提交审核；原信息在审核期间照常公开。"
            )
        else:
            messages.success(request, "已恢复该历史版本，请检查后提交审核。")
        return HttpResponseRedirect(
            reverse("admin:disclosure_publication_change", args=[target.pk])
        )
