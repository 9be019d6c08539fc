"""The confirmation page behind every workflow button in the admin."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from disclosure.services import WorkflowError


class TransitionForm(forms.Form):
    """Asks for the reason or note a step needs, or only for confirmation."""

    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, data=None, *, label: str | None):
        super().__init__(data)
        if label:
            self.fields["text"].label = label
        else:
            self.fields["text"].required = False
            self.fields["text"].widget = forms.HiddenInput()


def transition_view(model_admin, request, obj, action: str, spec: dict, perform: Callable):
    """Confirm a workflow step and run it.

    `spec` has the step's `title`, its permission `check(user, obj)` and the
    label of the text it asks for (`text`, or None); `perform(text)` runs
    the step and returns the object to show next.
    """
    opts = model_admin.model._meta
    change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    if not spec["check"](request.user, obj):
        messages.error(request, f"现在不能对“{obj}”执行“{spec['title']}”。")
        return redirect(change_url)
    form = TransitionForm(request.POST or None, label=spec["text"])
    if request.method == "POST" and form.is_valid():
        try:
            target = perform(form.cleaned_data["text"])
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{spec.get('done') or '已' + spec['title']}：{target}")
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", target.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"{spec['title']}：{obj}",
        "opts": opts,
        "original": obj,
        "form": form,
        "action": action,
        "spec": spec,
        "change_url": change_url,
        "changelist_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
    }
    return TemplateResponse(request, "admin/disclosure/transition.html", context)
