import json
from urllib.parse import quote

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from disclosure.admin.base import ChangesPublicPages, DeclaredLookupsOnly
from disclosure.admin.filters import as_id
from disclosure.catalogue_excel.export import export_workbook
from disclosure.catalogue_excel.parse import parse_workbook
from disclosure.catalogue_excel.rows import ImportRow, WorkbookError
from disclosure.lib.deadlines import RuleError
from disclosure.models import MAX_LEVEL, CatalogueItem, DocumentField, Office, tree_ordering
from disclosure.services.catalogue import (
    CatalogueImportError,
    catalogue_import,
    catalogue_item_save,
    catalogue_items_set_active,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_SESSION_KEY = "catalogue_import"


class ParentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: CatalogueItem) -> str:
        return " / ".join(item.name for item in obj.lineage())


class CatalogueItemForm(forms.ModelForm):
    document_fields = forms.MultipleChoiceField(
        label="文件必填信息",
        choices=DocumentField.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="本事项下每份文件必须填写的信息：勾选的在文件表单中显示并且必填，未勾选的不显示。"
        "按“公开内容（要素）”勾选，例如行政规范性文件勾选文号、成文日期、有效性；"
        "勾选“批复日期”的，公开时限从批复日期起算。",
    )

    class Meta:
        model = CatalogueItem
        fields = [
            "parent",
            "name",
            "slug",
            "order",
            "presentation",
            "is_active",
            "document_fields",
            "report_role",
            "explains_policies",
            "content",
            "deadline_text",
            "deadline_rule",
            "timely_days",
            "update_period",
            "publisher",
            "basis",
            "mode",
            "levels",
            "beyond_seed",
            "channels",
            "audience",
            "audience_note",
            "office_scope",
            "offices",
            "office_text",
        ]
        field_classes = {"parent": ParentChoiceField}
        widgets = {
            "channels": forms.CheckboxSelectMultiple,
            "offices": forms.CheckboxSelectMultiple,
            "content": forms.Textarea(attrs={"rows": 4}),
            "basis": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = (
            CatalogueItem.objects.filter(level__lt=MAX_LEVEL)
            .in_tree_order()
            .select_related("parent__parent")
        )
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents

    def clean(self):
        cleaned = super().clean()
        publishes = cleaned.get("presentation") not in (
            CatalogueItem.Presentation.SECTIONS,
            CatalogueItem.Presentation.UNITS,
        )
        if cleaned.get("document_fields") and not publishes:
            self.add_error(
                "document_fields", "内设机构、所属单位列表不发布文件，不需要设置文件必填信息。"
            )
        has_row = cleaned.get("content") or cleaned.get("deadline_text")
        listed = cleaned.get("office_scope") == CatalogueItem.OfficeScope.LISTED
        if has_row and listed and not cleaned.get("offices"):
            self.add_error("offices", "请勾选负责本事项的科室或单位。")
        return cleaned


class ResponsibleOfficeFilter(admin.SimpleListFilter):
    title = "责任科室"
    parameter_name = "office"

    def lookups(self, request, model_admin):
        return [(str(office.pk), office.name) for office in Office.objects.all()]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        office_id = as_id(self.value())
        office = Office.objects.filter(pk=office_id).first() if office_id is not None else None
        if office is None:
            return queryset.none()
        return queryset.filter(pk__in=CatalogueItem.objects.responsible(office).values("pk"))


class ImportForm(forms.Form):
    file = forms.FileField(
        label="目录文件（.xlsx）",
        help_text="请在导出的目录文件上修改后导入。文件中没有的事项将被停用（不会删除）。",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


@admin.register(CatalogueItem)
class CatalogueItemAdmin(ChangesPublicPages, DeclaredLookupsOnly, admin.ModelAdmin):
    form = CatalogueItemForm

    class Media:
        css = {"all": ["admin_extra/catalogue.css"]}

    change_list_template = "admin/disclosure/catalogueitem/change_list.html"
    list_display = [
        "tree_name",
        "level",
        "deadline_text",
        "office_cell",
        "presentation",
        "order",
        "is_active",
    ]
    list_display_links = ["tree_name"]
    list_editable = ["order"]
    list_filter = [ResponsibleOfficeFilter, "level", "presentation", "report_role", "is_active"]
    search_fields = ["name", "content", "deadline_text", "office_text"]
    list_per_page = 200
    actions = ["deactivate", "activate"]
    readonly_fields = ["level", "deadline_summary", "update_summary"]
    fieldsets = [
        (
            "事项",
            {"fields": ["parent", "name", "slug", "level", "order", "presentation", "is_active"]},
        ),
        (
            "目录内容",
            {
                "fields": [
                    "content",
                    "deadline_text",
                    "deadline_rule",
                    "timely_days",
                    "deadline_summary",
                    "update_period",
                    "update_summary",
                    "publisher",
                ]
            },
        ),
        (
            "公开依据、方式和层级",
            {
                "fields": ["basis", "mode", "levels", "beyond_seed"],
                "description": "按基层政务公开标准目录填写。",
            },
        ),
        ("文件", {"fields": ["document_fields", "report_role", "explains_policies"]}),
        ("公开渠道和对象", {"fields": ["channels", "audience", "audience_note"]}),
        ("责任科室", {"fields": ["office_scope", "offices", "office_text"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("parent__parent")
            .prefetch_related("offices")
        )

    def get_ordering(self, request):
        return tree_ordering()

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.display(description="事项名称")
    def tree_name(self, obj: CatalogueItem):
        return format_html(
            '<span class="tree-level-{}">{}{}</span>',
            obj.level,
            "\u3000\u3000" * (obj.level - 1) + ("└ " if obj.level > 1 else ""),
            obj.name,
        )

    @admin.display(description="系统如何计算时限")
    def deadline_summary(self, obj: CatalogueItem) -> str:
        try:
            rule = obj.deadline()
        except RuleError as error:
            return f"无法识别：{error}"
        return rule.describe() if rule else "—"

    @admin.display(description="系统如何检查更新")
    def update_summary(self, obj: CatalogueItem) -> str:
        if obj.pk is None:
            return "保存后显示。"
        days = obj.expected_update_days()
        if days is None:
            return "只检查是否空白（没有任何信息或情况说明）。"
        source = "按所选周期" if obj.update_period else "按公开时限推算"
        return f"{source}，超过{days}天没有新信息或情况说明的，列为不更新栏目。"

    @admin.display(description="责任科室")
    def office_cell(self, obj: CatalogueItem) -> str:
        return obj.office_display()

    @admin.action(description="停用所选事项（网站不再显示，已有信息保留）")
    def deactivate(self, request, queryset):
        count = catalogue_items_set_active(items=queryset, active=False)
        self.message_user(request, f"已停用{count}个事项。", messages.SUCCESS)

    @admin.action(description="启用所选事项")
    def activate(self, request, queryset):
        count = catalogue_items_set_active(items=queryset, active=True)
        self.message_user(request, f"已启用{count}个事项。", messages.SUCCESS)

    def has_delete_permission(self, request, obj=None):
        # An item with children keeps them; one that has been public is only
        # ever deactivated, so that nothing hanging on it is lost.
        if obj is not None and obj.children.exists():
            return False
        return super().has_delete_permission(request, obj)

    # The service records the change of a saved item.
    public_on_save = False

    def save_model(self, request, obj, form, change):
        catalogue_item_save(item=obj)

    def get_urls(self):
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="disclosure_catalogueitem_export",
            ),
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="disclosure_catalogueitem_import",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request):
        if not self.has_view_permission(request):
            return redirect("admin:index")
        filename = f"主动公开事项目录-{timezone.localdate():%Y%m%d}.xlsx"
        response = HttpResponse(export_workbook(), content_type=XLSX)
        response["Content-Disposition"] = (
            f"attachment; filename=\"catalogue.xlsx\"; filename*=UTF-8''{quote(filename)}"
        )
        return response

    def import_view(self, request):
        """Upload, check, preview what would change, and apply only on confirmation.

        The checked rows wait in the session between the preview and the
        confirmation; confirming runs the import again, and applies it only if
        it still does what the preview showed.
        """
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            messages.error(request, "您没有导入目录的权限。")
            return redirect("admin:disclosure_catalogueitem_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": "导入主动公开事项目录",
            "opts": self.model._meta,
            "export_url": reverse("admin:disclosure_catalogueitem_export"),
            "errors": [],
        }
        form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
        if request.method == "POST" and "confirm" in request.POST:
            return self._confirm_import(request, context)
        if request.method == "POST" and form.is_valid():
            parsed = parse_workbook(form.cleaned_data["file"])
            context["errors"] = parsed.errors
            if not parsed.errors:
                return self._preview_import(request, context, parsed.rows)
        request.session.pop(IMPORT_SESSION_KEY, None)
        context["form"] = form
        return TemplateResponse(request, "admin/disclosure/catalogueitem/import.html", context)

    def _preview_import(self, request, context, rows, note: str = ""):
        try:
            summary = catalogue_import(rows=rows, apply=False)
        except CatalogueImportError as error:
            context |= {"errors": [str(error)], "form": ImportForm()}
            return TemplateResponse(request, "admin/disclosure/catalogueitem/import.html", context)
        request.session[IMPORT_SESSION_KEY] = {
            "rows": [row.to_json() for row in rows],
            "fingerprint": summary.fingerprint(),
        }
        context |= {"title": "导入目录：请确认", "summary": summary, "note": note}
        return TemplateResponse(
            request, "admin/disclosure/catalogueitem/import_preview.html", context
        )

    def _confirm_import(self, request, context):
        pending = request.session.get(IMPORT_SESSION_KEY)
        if not pending:
            messages.warning(request, "没有待确认的导入，或者已经导入过了，请重新上传文件。")
            return redirect("admin:disclosure_catalogueitem_import")
        try:
            rows = [ImportRow.from_json(data) for data in pending["rows"]]
        except WorkbookError as error:
            request.session.pop(IMPORT_SESSION_KEY, None)
            messages.error(request, str(error))
            return redirect("admin:disclosure_catalogueitem_import")
        try:
            with transaction.atomic():
                summary = catalogue_import(rows=rows)
                if json.loads(json.dumps(summary.fingerprint())) != pending["fingerprint"]:
                    transaction.set_rollback(True)
                    changed = True
                else:
                    changed = False
        except CatalogueImportError as error:
            request.session.pop(IMPORT_SESSION_KEY, None)
            messages.error(request, str(error))
            return redirect("admin:disclosure_catalogueitem_import")
        if changed:
            note = "预览之后目录有了变化，导入的效果与刚才不同，请重新核对。"
            return self._preview_import(request, context, rows, note)
        request.session.pop(IMPORT_SESSION_KEY, None)
        messages.success(
            request,
            f"导入完成：新增{summary.created}项，更新{summary.updated}项，"
            f"未变{summary.unchanged}项，停用{summary.deactivated}项。",
        )
        return redirect("admin:disclosure_catalogueitem_changelist")
