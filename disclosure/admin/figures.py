"""The figures of the annual report that staff enter: each office's yearly counts, and appeals.

An office's staff enter their own office's 行政许可, 处罚, 强制 and 收费 of a
year (the office is theirs, not a choice); the office that handles
applications enters the 行政复议 and 行政诉讼. Every change is kept in the
row's history.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from disclosure import permissions
from disclosure.admin.base import OfficeScopedAdmin, person_column
from disclosure.exceptions import WorkflowError
from disclosure.models import Appeal, InformationRequest, Office, YearlyFigures
from disclosure.models.base import constraint_message
from disclosure.selectors.applications import receiving_office
from disclosure.services.reports import appeal_save, yearly_figures_save

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class YearlyFiguresForm(forms.ModelForm):
    class Meta:
        model = YearlyFigures
        fields = ["year", "office", "licences", "penalties", "coercions", "fees", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class ApplicationChoiceField(forms.ModelChoiceField):
    """An application by its number and the day it was received: no personal data."""

    def label_from_instance(self, obj: InformationRequest) -> str:
        received = f"（{obj.received_on:%Y-%m-%d}收到）" if obj.received_on else ""
        return f"{obj.number}{received}"


class AppealForm(forms.ModelForm):
    class Meta:
        model = Appeal
        fields = [
            "kind",
            "route",
            "office",
            "application",
            "case_number",
            "filed_on",
            "body",
            "subject",
            "result",
            "decided_on",
            "note",
        ]
        field_classes = {"application": ApplicationChoiceField}
        widgets = {
            "filed_on": DATE,
            "decided_on": DATE,
            "subject": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        """The model's rules, each said on the field it is about."""
        cleaned = super().clean()
        kind, route = cleaned.get("kind"), cleaned.get("route")
        if kind and (route if kind == Appeal.Kind.REVIEW else not route):
            self.add_error("route", constraint_message(Appeal, "appeal_suit_has_route"))
        result, decided_on = cleaned.get("result"), cleaned.get("decided_on")
        if result and (decided_on is None) != (result == Appeal.Result.PENDING):
            self.add_error("decided_on", constraint_message(Appeal, "appeal_decided_has_date"))
        filed_on = cleaned.get("filed_on")
        if filed_on and decided_on and decided_on < filed_on:
            self.add_error("decided_on", constraint_message(Appeal, "appeal_decided_after_filed"))
        application, office = cleaned.get("application"), cleaned.get("office")
        if application and office and application.office_id != office.pk:
            self.add_error("application", "所涉申请须是承办科室办理的申请。")
        self._refuse_repeats(cleaned)
        return cleaned

    def _refuse_repeats(self, cleaned: dict) -> None:
        """The same case entered twice (the form sent again, or entered by two people)."""
        others = Appeal.objects.exclude(pk=self.instance.pk).filter(kind=cleaned.get("kind"))
        case_number = (cleaned.get("case_number") or "").strip()
        if case_number:
            if others.filter(case_number=case_number).exists():
                self.add_error("case_number", "这个案号已经登记过，请修改原记录。")
            return
        same = {name: cleaned.get(name) for name in ("route", "filed_on", "body", "subject")}
        if None not in same.values() and others.filter(case_number="", **same).exists():
            self.add_error(None, "同样的行政复议或行政诉讼已经登记过，请勿重复提交。")


class OwnOfficeAdmin(OfficeScopedAdmin, SimpleHistoryAdmin):
    """Rows of one office each, entered by its staff (whose office is not a choice) or administrators.

    Nothing is deleted: a wrong figure is corrected, and its history kept.
    """

    office_initial = None  # the office an administrator's new row starts with

    def has_delete_permission(self, request, obj=None):
        return False

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        return (
            filters if permissions.is_admin(request.user) else [f for f in filters if f != "office"]
        )

    def _own_office(self, request) -> Office | None:
        staff = permissions.staff_of(request.user)
        return None if permissions.is_admin(request.user) or staff is None else staff.office

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "office":
            own = self._own_office(request)
            if own is not None:
                # Disabled: the posted value is ignored, a new row takes the initial office.
                kwargs |= {
                    "queryset": Office.objects.filter(pk=own.pk),
                    "initial": own.pk,
                    "disabled": True,
                    "help_text": "本人所在的科室或单位，不能选择其他科室。",
                }
            else:
                kwargs["queryset"] = Office.objects.all()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        own = self._own_office(request)
        if own is not None:
            initial["office"] = own.pk
        elif "office" not in initial and self.office_initial is not None:
            office = self.office_initial()
            if office is not None:
                initial["office"] = office.pk
        return initial

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # Offices and applications are chosen here, not added or changed from this page.
        for field in form.base_fields.values():
            widget = field.widget
            if hasattr(widget, "can_add_related"):
                widget.can_add_related = widget.can_change_related = False
                widget.can_delete_related = widget.can_view_related = False
        return form

    def save_row(self, obj, actor) -> None:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        try:
            self.save_row(obj, request.user)
        except WorkflowError as error:
            raise PermissionDenied(str(error)) from error


@admin.register(YearlyFigures)
class YearlyFiguresAdmin(OwnOfficeAdmin):
    policy = permissions.yearly_figures
    form = YearlyFiguresForm
    not_found = "没有这条年度统计数据，或者它不属于您的科室或单位。"
    list_display = [
        "year",
        "office",
        "licences",
        "penalties",
        "coercions",
        "fees",
        "updated_by_name",
        "updated_at",
    ]
    list_display_links = ["year", "office"]
    list_filter = ["year", "office"]
    list_select_related = ["office", "updated_by"]
    updated_by_name = person_column("updated_by", "填报人")

    def has_add_permission(self, request):
        return self.policy.can_add(request.user)

    def get_changeform_initial_data(self, request):
        """A new row is for last year: the report is written in January on the year before."""
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("year", timezone.localdate().year - 1)
        return initial

    def save_row(self, obj, actor) -> None:
        yearly_figures_save(figures=obj, actor=actor)


@admin.register(Appeal)
class AppealAdmin(OwnOfficeAdmin):
    policy = permissions.appeals
    form = AppealForm
    not_found = "没有这件行政复议或行政诉讼，或者它不由您的科室承办。"
    office_initial = staticmethod(receiving_office)
    list_display = [
        "kind",
        "route",
        "case_number",
        "filed_on",
        "body",
        "result",
        "decided_on",
        "application",
        "office",
    ]
    list_display_links = ["kind", "case_number"]
    list_filter = ["kind", "route", "result", "office"]
    list_select_related = ["office", "application"]
    search_fields = ["case_number", "body", "subject"]
    date_hierarchy = "filed_on"

    def has_module_permission(self, request):
        user = request.user
        return self.has_add_permission(request) or (
            permissions.is_office_staff(user) and self.policy.visible(user).exists()
        )

    def has_add_permission(self, request):
        return self.policy.can_add(request.user, receiving_office())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "application":
            kwargs["queryset"] = (
                self.policy.applications(request.user)
                .filter(received_on__isnull=False)
                .order_by("-received_on", "-id")
            )
            kwargs["help_text"] = (
                "因答复政府信息公开申请引起的，选择所涉申请（按申请编号）；其他的不选。"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_row(self, obj, actor) -> None:
        appeal_save(appeal=obj, actor=actor)
