"""The annual report in the admin: generate a year's report, write its sections, download its tables.

The report's document is an ordinary publication under the 年报 item: it is
submitted, reviewed and published on its own page. Its body is composed
here, from the sections staff write and the tables frozen when the report
was last generated, so the publication form shows it read-only.
"""

from __future__ import annotations

from urllib.parse import quote

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from js_asset import Media

from disclosure import permissions
from disclosure.admin.base import OfficeScopedAdmin, person_column
from disclosure.exceptions import WorkflowError
from disclosure.lib.annual_report_tables import sections, workbook, workbook_name
from disclosure.lib.html import safe_body
from disclosure.models import AnnualReport
from disclosure.models.reports import FIRST_YEAR
from disclosure.permissions.reports import can_generate_report, in_report_office, working_draft
from disclosure.selectors.annual_report_document import (
    STALE,
    UNFINISHED,
    frozen_figures,
    is_stale,
    is_unfinished,
)
from disclosure.services.reports import annual_report_generate, annual_report_save_sections

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SECTIONS = ["overview", "problems", "other_matters"]
IN_WORDS = (
    "生成时按统计数据写成。刷新统计数据时，没有改动过的这一部分随之更新；"
    "改动过的保留原样，请核对其中的数字与统计表一致。"
)


def _year_range() -> tuple[int, int]:
    return FIRST_YEAR, timezone.localdate().year


class GenerateForm(forms.Form):
    year = forms.CharField(
        label="年度", max_length=10, help_text="通常是上一年度；本年度的报告可先生成草稿预览。"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first, last = _year_range()
        self.fields["year"].widget = forms.NumberInput(attrs={"min": first, "max": last})
        self.fields["year"].error_messages |= {
            "required": "请填写年度。",
            "max_length": "年度请填写四位数字，例如2025。",
        }

    def clean_year(self) -> int:
        value = self.cleaned_data["year"].strip()
        first, last = _year_range()
        if not (value.isascii() and value.isdigit()):
            raise forms.ValidationError("年度请填写四位数字，例如2025。")
        year = int(value)
        if not first <= year <= last:
            raise forms.ValidationError(f"年度应在{first}年至{last}年之间。")
        return year


def _default_year(request) -> int:
    """The year asked for (?year=, from the dashboard), or last year."""
    form = GenerateForm({"year": request.GET.get("year", "")})
    if form.is_valid():
        return form.cleaned_data["year"]
    return timezone.localdate().year - 1


@admin.register(AnnualReport)
class AnnualReportAdmin(OfficeScopedAdmin):
    policy = permissions.annual_reports
    not_found = "没有这份年度报告，或者您的科室不负责年度报告。"
    fields = SECTIONS
    list_display = ["year_label", "document", "check_result", "generated_on", "generated_by_name"]
    list_display_links = ["year_label"]
    generated_by_name = person_column("generated_by", "生成人")
    change_form_template = "admin/disclosure/annualreport/change_form.html"
    change_list_template = "admin/disclosure/annualreport/change_list.html"
    actions = None

    class Media:
        css = {"all": ["admin_extra/report.css"]}
        js = ["admin_extra/prose-editor-zh.js"]

    def has_module_permission(self, request):
        return in_report_office(request.user)

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("publication", "generated_by")

    # -- list --------------------------------------------------------------

    @admin.display(description="年度", ordering="year")
    def year_label(self, obj):
        return f"{obj.year}年"

    @admin.display(description="年度报告文件")
    def document(self, obj):
        publication = obj.publication
        if publication is None:
            return "—"
        shown = working_draft(publication) or publication
        return format_html("{}（{}）", shown.title, shown.state_label())

    @admin.display(description="勾稽关系")
    def check_result(self, obj):
        figures = frozen_figures(obj)
        if figures is None:
            return "—"
        return "成立" if figures.check.ok else "不成立"

    @admin.display(description="生成时间", ordering="generated_at")
    def generated_on(self, obj):
        return f"{timezone.localtime(obj.generated_at):%Y-%m-%d %H:%M}" if obj.generated_at else "—"

    # -- the report's page -------------------------------------------------

    def get_fields(self, request, obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            return [f"{field}_display" for field in SECTIONS]
        return SECTIONS

    def get_form(self, request, obj=None, **kwargs):
        kwargs["help_texts"] = {"overview": IN_WORDS, "other_matters": IN_WORDS}
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return [f"{field}_display" for field in SECTIONS]

    @admin.display(description="一、总体情况")
    def overview_display(self, obj):
        return safe_body(obj.overview)

    @admin.display(description="五、存在的主要问题及改进情况")
    def problems_display(self, obj):
        return safe_body(obj.problems)

    @admin.display(description="六、其他需要报告的事项")
    def other_matters_display(self, obj):
        return safe_body(obj.other_matters)

    def save_model(self, request, obj, form, change):
        try:
            annual_report_save_sections(
                report=obj,
                actor=request.user,
                **{field: form.cleaned_data[field] for field in SECTIONS},
            )
        except WorkflowError as error:
            raise PermissionDenied(str(error)) from error

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The editor's import map is an inline script: it runs under the page's CSP nonce.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        if obj is not None:
            figures = frozen_figures(obj)
            publication = obj.publication
            context["report"] = {
                "sections": sections(figures) if figures else [],
                "check": figures.check if figures else None,
                "stale": STALE if figures and is_stale(obj) else "",
                "unfinished": UNFINISHED if is_unfinished(obj) else "",
                "publication": publication,
                "draft": working_draft(publication) if publication else None,
                "can_refresh": self.policy.can(request.user, "edit", obj),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    # -- generating, refreshing, downloading -------------------------------

    def object_urls(self):
        return [
            ("generate/", self.generate_view, "disclosure_annualreport_generate"),
            ("<int:object_id>/refresh/", self.refresh_view, "disclosure_annualreport_refresh"),
            ("<int:object_id>/excel/", self.excel_view, "disclosure_annualreport_excel"),
        ]

    def generate_view(self, request):
        if not can_generate_report(request.user):
            raise PermissionDenied("只有负责“政府信息公开年报”事项的科室的信息员可以生成年度报告。")
        if request.method == "POST":
            form = GenerateForm(request.POST)
            if form.is_valid():
                year = form.cleaned_data["year"]
                existed = AnnualReport.objects.filter(year=year).exists()
                try:
                    report = annual_report_generate(year=year, actor=request.user)
                except WorkflowError as error:
                    form.add_error(None, str(error))
                else:
                    done = "已刷新统计数据" if existed else "已生成年度报告草稿"
                    messages.success(request, f"{done}：{report}。请补充各部分内容后提交审核。")
                    return redirect("admin:disclosure_annualreport_change", report.pk)
        else:
            form = GenerateForm(initial={"year": _default_year(request)})
        return self.render_page(
            request,
            "admin/disclosure/annualreport/generate.html",
            "生成政府信息公开工作年度报告",
            form=form,
            reports=self.get_queryset(request),
        )

    def refresh_view(self, request, object_id):
        report = self.get_visible(request, object_id)
        if request.method == "POST":
            try:
                annual_report_generate(year=report.year, actor=request.user)
            except WorkflowError as error:
                messages.error(request, f"未能刷新统计数据：{error}")
            else:
                messages.success(request, f"已刷新统计数据：{report}。")
        return redirect("admin:disclosure_annualreport_change", report.pk)

    def excel_view(self, request, object_id):
        report = self.get_visible(request, object_id)
        figures = frozen_figures(report)
        if figures is None:
            raise Http404("这份年度报告还没有生成统计数据。")
        response = HttpResponse(workbook(figures), content_type=XLSX)
        name = workbook_name(report.year)
        response["Content-Disposition"] = (
            f"attachment; filename=\"annual-report-{report.year}.xlsx\"; filename*=UTF-8''{quote(name)}"
        )
        return response
