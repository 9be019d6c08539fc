"""The office-scoped admin for publications.

What a member of staff sees and may do comes from `disclosure.permissions`:
the queryset, the list filters, search, autocomplete, the steps and every
object URL go through it, so no admin route shows one office another
office's unpublished work. The package holds the form (`forms`), its inlines,
the list filters, the workflow `steps` and the staff views of a document
(`views`: preview, files, history).
"""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from js_asset import Media

from disclosure import permissions
from disclosure.admin import dashboard
from disclosure.admin.base import ChangesPublicPages, OfficeScopedAdmin
from disclosure.admin.filters import as_id
from disclosure.admin.publications import views
from disclosure.admin.publications.filters import ItemFilter, OfficeFilter, StateFilter
from disclosure.admin.publications.forms import PublicationForm, fields_for
from disclosure.admin.publications.inlines import AttachmentInline, FeedbackDecisionInline
from disclosure.admin.publications.steps import STEPS
from disclosure.admin.workflow import step_links
from disclosure.exceptions import WorkflowError
from disclosure.lib.doc_numbers import normalise_doc_number
from disclosure.lib.html import safe_body
from disclosure.lib.legal import CONSULTATION_MIN_DAYS, INTERPRETATION_WORKING_DAYS
from disclosure.models import CatalogueItem, Comment, HolidaySchedule, Publication, PublicationEvent
from disclosure.selectors.annual_report_document import report_of
from disclosure.selectors.words import publication_findings
from disclosure.services.publications import publication_save_draft, publication_submit

Status = Publication.Status


@admin.register(Publication)
class PublicationAdmin(ChangesPublicPages, OfficeScopedAdmin):
    # Drafts are saved here; publishing is a workflow step, which records its change.
    public_on_save = False

    policy = permissions.publications
    steps = STEPS
    not_found = "没有这条信息，或者它不属于您的科室。"
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
    autocomplete_fields = ["related", "interprets"]
    inlines = [AttachmentInline]
    date_hierarchy = None
    list_per_page = 50
    ordering = ["-updated_at", "-id"]
    actions = None

    def has_add_permission(self, request):
        return permissions.publications.items(request.user).exists()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("item", "office")

    def get_search_results(self, request, queryset, search_term):
        """Autocomplete for 相关信息 also offers other offices' public documents.

        A 文号 is found whichever brackets and digits it is typed with.
        """
        if request.resolver_match and request.resolver_match.url_name == "autocomplete":
            queryset = Publication.objects.filter(
                Q(pk__in=queryset.values("pk"))
                | Q(pk__in=Publication.objects.public().values("pk"))
            ).filter(revision_of__isnull=True)
            if request.GET.get("field_name") == "interprets":
                # A 解读 names a published policy, not another 解读.
                queryset = queryset.filter(
                    status=Status.PUBLISHED,
                    item__in=CatalogueItem.objects.public(),
                    item__explains_policies=False,
                )
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
        return permissions.publications.items(request.user).filter(pk=pk).first()

    def get_fields(self, request, obj=None):
        item = self._item_for(request, obj)
        if item is None:
            return ["title"]
        fields = fields_for(item, obj, request.user, feedback=self._is_feedback(request, obj))
        if "interprets" in fields and obj is not None and obj.published_at and obj.interprets_id:
            fields.insert(fields.index("interprets") + 1, "interpretation_lag_display")
        if obj is not None and not permissions.publications.can(request.user, "edit", obj):
            shown_as_html = {"body": "body_display", "drafting_note": "drafting_note_display"}
            fields = [shown_as_html.get(field, field) for field in fields]
        if obj is not None and report_of(obj) is not None:
            # Composed on the report's page: the editor would drop the tables' captions and scopes.
            fields = [
                "report_body_display" if field in ("body", "body_display") else field
                for field in fields
            ]
        return fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "interprets" and field is not None:
            # The policy is chosen from published documents, not made or edited from here.
            field.widget.can_add_related = False
            field.widget.can_change_related = False
            field.widget.can_delete_related = False
        return field

    def get_readonly_fields(self, request, obj=None):
        return [
            "body_display",
            "drafting_note_display",
            "report_body_display",
            "interpretation_lag_display",
        ]

    @admin.display(description="解读发布时间")
    def interpretation_lag_display(self, obj):
        lag = obj.interpretation_lag(HolidaySchedule.objects.calendar())
        if lag is None:
            return "—"
        if lag > INTERPRETATION_WORKING_DAYS:
            return format_html(
                '<strong class="lag lag--late">政策文件发布后第{}个工作日发布，'
                "超过了{}个工作日的时限。</strong>",
                lag,
                INTERPRETATION_WORKING_DAYS,
            )
        if lag == 0:
            return "与政策文件同日发布。"
        return (
            f"政策文件发布后第{lag}个工作日发布，在{INTERPRETATION_WORKING_DAYS}个工作日的时限内。"
        )

    @admin.display(description="起草说明")
    def drafting_note_display(self, obj):
        return safe_body(obj.drafting_note)

    @admin.display(description="正文")
    def body_display(self, obj):
        return safe_body(obj.body, obj.body_image_urls(obj.attachments.all(), staff=True))

    @admin.display(description="正文")
    def report_body_display(self, obj):
        report = report_of(obj)
        url = reverse("admin:disclosure_annualreport_change", args=[report.pk])
        return format_html(
            '<p class="report-note">正文由年度报告的各部分和统计表生成，'
            '<a href="{}">在年度报告页面修改</a>。</p>{}',
            url,
            safe_body(obj.body),
        )

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
            items = permissions.publications.items(request.user).select_related("parent__parent")
            return self.render_page(
                request,
                "admin/disclosure/publication/choose_item.html",
                "选择要发布信息的目录事项",
                items=items.in_tree_order(),
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
            findings = publication_findings(obj)
            if findings.warnings:
                messages.warning(
                    request,
                    f"信息中有需要确认的错敏词提示{len(findings.warnings)}处，请查看下方的错敏词检查。",
                )
        return HttpResponseRedirect(change_url)

    def delete_model(self, request, obj):
        if not permissions.publications.can(request.user, "delete", obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    # -- workflow ----------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The editor's import map is an inline script: it runs under the page's CSP nonce.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        if obj is not None:
            user = request.user
            events = (obj.revision_of or obj).events.select_related("actor")
            context["workflow"] = {
                "publication": obj,
                "steps": step_links(self, request, obj),
                "events": events,
                "returned": events.filter(action=PublicationEvent.Action.RETURNED).last()
                if obj.is_returned
                else None,
                "pending_revision": Publication.objects.filter(revision_of=obj).first(),
                "is_author": permissions.publications.is_author(user, obj),
                # Checked words (错敏词) while the document is being written or reviewed.
                "findings": publication_findings(obj)
                if obj.status in (Status.DRAFT, Status.SUBMITTED)
                else None,
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
            and permissions.publications.items(request.user).filter(pk=obj.item_id).exists()
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

    def object_urls(self):
        return [
            (
                "<int:object_id>/preview/",
                partial(views.preview, self),
                "disclosure_publication_preview",
            ),
            (
                "<int:object_id>/preview/print/",
                partial(views.preview, self, template="disclosure/publication_print.html"),
                "disclosure_publication_preview_print",
            ),
            (
                "<int:object_id>/files/<int:attachment_id>/",
                partial(views.attachment, self),
                "disclosure_publication_attachment",
            ),
            ("<int:object_id>/photo/", partial(views.photo, self), "disclosure_publication_photo"),
            (
                "<int:object_id>/restore/<int:history_id>/",
                partial(views.restore, self),
                "disclosure_publication_restore",
            ),
            ("deadlines/", dashboard.deadlines_view, "disclosure_publication_deadlines"),
        ]

    def history_view(self, request, object_id, extra_context=None):
        return views.history(self, request, object_id)
