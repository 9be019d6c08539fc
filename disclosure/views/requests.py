"""依申请公开 for citizens: how to apply, the application form, the receipt, the status lookup.

The receipt and the lookup show the application's number, dates and state,
never the applicant's identity or contact details.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from ..deadlines import (
    CORRECTION_WINDOW_WORKING_DAYS,
    MAX_EXTENSION_WORKING_DAYS,
    REPLY_WORKING_DAYS,
)
from ..forms import LookupForm, RequestForm
from ..models import InformationRequest
from ..ratelimit import allowed, client_key, record
from ..services import find_request, request_submit
from ..services.requests import receiving_office

RECEIPT = "information_request_receipt"


def _legal_numbers() -> dict:
    return {
        "reply_days": REPLY_WORKING_DAYS,
        "extension_days": MAX_EXTENSION_WORKING_DAYS,
        "correction_days": CORRECTION_WINDOW_WORKING_DAYS,
    }


@require_safe
def guide(request):
    return render(
        request,
        "disclosure/requests/guide.html",
        {"office": receiving_office(), **_legal_numbers()},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def apply(request):
    if request.method != "POST":
        return render(request, "disclosure/requests/apply.html", {"form": RequestForm()})
    form = RequestForm(request.POST)
    client = client_key(request)
    if form.is_valid():
        token = form.cleaned_data["token"]
        repeated = InformationRequest.objects.filter(token=token).exists()
        if repeated or allowed("request", client):
            application, code = request_submit(
                data=form.application_data(), client=client, token=token
            )
            if code:
                record("request", client)
                request.session[RECEIPT] = {"number": application.number, "code": code}
            return redirect("disclosure:request_receipt")
        form.add_error(
            None,
            "今天从您的网络提交的申请已经较多，请明天再试，或者按公开指南以信函、当面等方式提交。",
        )
    return render(request, "disclosure/requests/apply.html", {"form": form})


@never_cache
@require_safe
def receipt(request):
    """The number and query code, shown to the applicant's own browser session only."""
    data = request.session.get(RECEIPT)
    if not data:
        messages.info(request, "请使用提交申请后显示的申请编号和查询码查询办理进度。")
        return redirect("disclosure:request_lookup")
    application = InformationRequest.objects.filter(number=data["number"]).first()
    return render(
        request,
        "disclosure/requests/receipt.html",
        {"number": data["number"], "code": data["code"], "application": application},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def lookup(request):
    form = LookupForm(request.POST or None)
    application = None
    if request.method == "POST" and form.is_valid():
        client = client_key(request)
        if not allowed("lookup", client):
            form.add_error(None, "查询失败次数过多，请一小时后再试。")
        else:
            application = find_request(form.cleaned_data["number"], form.cleaned_data["code"])
            if application is None:
                record("lookup", client)
                form.add_error(None, "申请编号或查询码不正确，请核对后重新输入。")
    context = {"form": form, "application": application}
    if application is not None:
        context["events"] = application.events.all()
    return render(request, "disclosure/requests/lookup.html", context)
