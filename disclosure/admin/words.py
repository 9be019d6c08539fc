"""The checked words (错敏词): maintained by administrators, seen by every member of staff."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin

from disclosure import permissions
from disclosure.admin.base import DeclaredLookupsOnly
from disclosure.exceptions import WorkflowError
from disclosure.models import CheckedWord
from disclosure.services.words import checked_words_import


class ImportForm(forms.Form):
    lines = forms.CharField(
        label="错敏词",
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 80}),
        help_text="每行一个：错误写法、正确写法、说明，之间用制表符（从Excel复制即可）或竖线“|”分隔；正确写法和说明可以不写。",
    )
    severity = forms.ChoiceField(
        label="处理方式", choices=CheckedWord.Severity.choices, initial=CheckedWord.Severity.WARN
    )


@admin.register(CheckedWord)
class CheckedWordAdmin(DeclaredLookupsOnly, SimpleHistoryAdmin):
    list_display = ["term", "correct", "severity", "note", "is_active"]
    list_filter = ["severity", "is_active"]
    search_fields = ["term", "correct", "note"]
    fields = ["term", "correct", "severity", "note", "is_active"]
    list_per_page = 100
    change_list_template = "admin/disclosure/checkedword/change_list.html"

    def has_module_permission(self, request):
        return permissions.is_office_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.is_office_staff(request.user)

    def has_add_permission(self, request):
        return permissions.is_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return permissions.is_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return permissions.is_admin(request.user)

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="disclosure_checkedword_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Many words at once, pasted from a list; all are added or none."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                added, skipped = checked_words_import(
                    text=form.cleaned_data["lines"],
                    severity=form.cleaned_data["severity"],
                    actor=request.user,
                )
            except WorkflowError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"已导入{added}个错敏词。")
                if skipped:
                    shown = "、".join(skipped[:20]) + ("等" if len(skipped) > 20 else "")
                    messages.info(request, f"{len(skipped)}个词已在列表中，未改动：{shown}。")
                return redirect("admin:disclosure_checkedword_changelist")
        return self.render_import(request, form)

    def render_import(self, request, form):
        context = {
            **self.admin_site.each_context(request),
            "title": "批量导入错敏词",
            "opts": self.model._meta,
            "form": form,
        }
        return TemplateResponse(request, "admin/disclosure/checkedword/import.html", context)
