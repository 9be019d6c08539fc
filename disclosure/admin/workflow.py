"""One shape for every workflow step in the admin, and one confirmation page.

A `Step` is a button on an object's page: `allowed(user, obj)` asks the
model's policy (`disclosure.permissions`), so the button shows exactly when
the service will accept the step; `perform(obj, user, data)` calls that
service with what the step's form asked for. Publications, office changes
and applications list their steps in their own admin modules; adding a step
is one `Step` there and one service function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from disclosure.exceptions import WorkflowError
from disclosure.permissions.base import Policy


class ConfirmForm(forms.Form):
    """A step that asks for nothing but the button."""


def text_form(label: str, *, field: str = "note", required: bool = True) -> type[forms.Form]:
    """The form of a step that asks for one text: a note, a reason, an opinion."""
    text = forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    return type("TextForm", (forms.Form,), {field: text})


@dataclass(frozen=True)
class Step:
    name: str  # the policy's action, and the step's part of the URL
    title: str
    # Takes the object (as `target`) and `actor`; returns the object to show next.
    service: Callable[..., Any]
    policy: Policy
    target: str  # the keyword under which the service takes the object
    form: type[forms.Form] = ConfirmForm
    # The service's keywords and the form fields that give them, e.g. (("reason", "text"),).
    arguments: tuple[tuple[str, str], ...] = ()
    help: str | Callable[[Any], str] = ""  # paragraphs, separated by blank lines
    button: str = ""
    done: str = ""
    # A button of the object's own form as well: it saves the form, then takes the step.
    in_form: str = ""
    in_form_help: str = ""
    # A form that depends on the object (the words a reviewer confirms): object → form class.
    form_for: Callable[[Any], type[forms.Form]] | None = None
    # Shown above the form: a template, and its context from the object.
    detail_template: str = ""
    detail: Callable[[Any], dict] | None = None

    def allowed(self, user, obj) -> bool:
        return self.policy.can(user, self.name, obj)

    def perform(self, obj, user, data: dict):
        values = {keyword: data[field] for keyword, field in self.arguments if field in data}
        return self.service(**{self.target: obj, "actor": user}, **values)

    def form_class(self, obj) -> type[forms.Form]:
        return self.form_for(obj) if self.form_for else self.form

    def detail_for(self, obj) -> dict:
        return self.detail(obj) if self.detail else {}

    def help_for(self, obj) -> str:
        return self.help(obj) if callable(self.help) else self.help

    @property
    def button_label(self) -> str:
        return self.button or f"确认{self.title}"

    def done_message(self, obj) -> str:
        return f"{self.done or '已' + self.title}：{obj}"


def step_links(model_admin, request, obj) -> list[dict]:
    """The steps the user may take on `obj` now, with the address of each."""
    return [
        {"step": step, "url": model_admin.step_url(obj, step)}
        for step in model_admin.steps
        if step.allowed(request.user, obj)
    ]


def step_view(model_admin, request, obj, step: Step):
    """Confirm a step, ask what it needs, and run it."""
    opts = model_admin.model._meta
    change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    if not step.allowed(request.user, obj):
        messages.error(request, f"现在不能对“{obj}”执行“{step.title}”。")
        return redirect(change_url)
    posted = request.method == "POST"
    form = step.form_class(obj)(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        try:
            target = step.perform(obj, request.user, form.cleaned_data)
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, step.done_message(target))
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", target.pk)
    return model_admin.render_page(
        request,
        "admin/disclosure/step.html",
        f"{step.title}：{obj}",
        original=obj,
        form=form,
        step=step,
        help=step.help_for(obj),
        change_url=change_url,
        **step.detail_for(obj),
    )
