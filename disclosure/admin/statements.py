"""Dated statements (情况说明) in the admin: published by an office's reviewer, withdrawn by the same.

A statement is public once saved and never changed afterwards; a wrong one
is withdrawn (deleted, with its history kept) and published again.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from disclosure import permissions
from disclosure.admin.base import person_column
from disclosure.admin.figures import DATE, OwnOfficeAdmin
from disclosure.admin.filters import as_id
from disclosure.exceptions import WorkflowError
from disclosure.models import STATEMENT_MAX_LENGTH, CatalogueItem, ItemStatement
from disclosure.services.statements import (
    item_statement_publish,
    item_statement_withdraw,
    statement_problems,
)


class ItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: CatalogueItem) -> str:
        return " / ".join(item.name for item in obj.lineage())


class ItemStatementForm(forms.ModelForm):
    actor = None  # the member of staff filling the form, set per request by the admin

    class Meta:
        model = ItemStatement
        fields = ["item", "office", "text", "stated_on"]
        field_classes = {"item": ItemChoiceField}
        widgets = {
            "stated_on": DATE,
            "text": forms.Textarea(attrs={"rows": 3, "maxlength": STATEMENT_MAX_LENGTH}),
        }
        error_messages = {
            "text": {
                "required": "请填写说明内容。",
                "max_length": f"说明内容不能超过{STATEMENT_MAX_LENGTH}字。",
            },
            "stated_on": {
                "required": "请填写说明日期。",
                "invalid": "请按“2026-01-05”的格式填写日期。",
            },
            "office": {"required": "请选择说明单位。"},
        }

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            return cleaned
        statement = ItemStatement(
            item=cleaned.get("item"),
            office=cleaned.get("office"),
            text=cleaned.get("text") or "",
            stated_on=cleaned.get("stated_on"),
        )
        problems = statement_problems(statement, self.actor, timezone.localdate())
        for name, message in problems.items():
            if name == "text" and "text" not in cleaned:
                continue  # already said by the field
            self.add_error(name or None, message)
        return cleaned


@admin.register(ItemStatement)
class ItemStatementAdmin(OwnOfficeAdmin):
    policy = permissions.statements
    form = ItemStatementForm
    not_found = "没有这条情况说明，或者它不属于您的科室或单位。"
    list_display = ["item_path", "office", "text", "stated_on", "created_by_name", "created_at"]
    list_display_links = ["item_path"]
    list_filter = ["office"]
    list_select_related = ["item__parent__parent", "office", "created_by"]
    search_fields = ["text", "item__name"]
    date_hierarchy = "stated_on"
    actions = None
    created_by_name = person_column("created_by", "发布人")

    @admin.display(description="目录事项", ordering="item__name")
    def item_path(self, obj: ItemStatement) -> str:
        return " / ".join(item.name for item in obj.item.lineage())

    def has_add_permission(self, request):
        return self.policy.can_add(request.user)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and self.policy.can(request.user, "delete", obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.actor = request.user
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "item":
            kwargs["queryset"] = (
                self.policy.items(request.user).in_tree_order().select_related("parent__parent")
            )
            kwargs["error_messages"] = {
                "required": "请选择目录事项。",
                "invalid_choice": "请选择本科室或单位负责的、发布信息的目录事项。",
            }
        if db_field.name == "office" and permissions.is_admin(request.user):
            kwargs["queryset"] = self.policy.offices(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        """From the dashboard's link: the item given, its first office, today."""
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("stated_on", timezone.localdate())
        item_id = as_id(initial.get("item"))
        item = self.policy.items(request.user).filter(pk=item_id).first() if item_id else None
        if item is None:
            initial.pop("item", None)
        elif "office" not in initial:
            office = item.responsible_office_queryset().order_by("order", "id").first()
            if office is not None:
                initial["office"] = office.pk
        return initial

    def save_row(self, obj, actor) -> None:
        item_statement_publish(statement=obj, actor=actor)

    def delete_model(self, request, obj):
        try:
            item_statement_withdraw(statement=obj, actor=request.user)
        except WorkflowError as error:
            raise PermissionDenied(str(error)) from error
