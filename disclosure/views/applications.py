"""依申请公开 for citizens: how to apply, the application form, the receipt, the status lookup.

The receipt and the lookup show the application's number, dates and state,
never the applicant's identity or contact details.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from disclosure.forms import LookupForm, OnlineApplicationForm
from disclosure.lib import fees
from disclosure.models import InformationRequest, RequestEvent
from disclosure.selectors.applications import fee_notice_of, find_application, receiving_office
from disclosure.services.applications import application_submit
from disclosure.services.ratelimit import client_key, give_back, take


@require_safe
def guide(request):
    """How to apply, the legal clocks, and when a 信息处理费 may be charged (with its tiers)."""
    bands = fees.piece_bands(5)
    context = {
        "office": receiving_office(),
        "piece_bands": bands[:-1],
        "next_piece_band": bands[-1],
        "page_bands": fees.page_bands(),
        "payment_working_days": fees.PAYMENT_WORKING_DAYS,
    }
    return render(request, "disclosure/applications/guide.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def apply(request):
    """The application form; a valid one is answered with the receipt itself.

    The receipt (number and query code) is the answer to the POST and is kept
    nowhere, not even in a session. The same form sent again, by a double
    click or a refresh, is answered with the same receipt.
    """
    if request.method != "POST":
        return render(
            request, "disclosure/applications/apply.html", {"form": OnlineApplicationForm()}
        )
    form = OnlineApplicationForm(request.POST)
    client = client_key(request)
    if form.is_valid():
        token = form.cleaned_data["token"]
        repeated = InformationRequest.objects.filter(token=token).exists()
        if repeated or take("application", client):
            application, code = application_submit(
                data=form.application_data(), client=client, token=token
            )
            return render(
                request,
                "disclosure/applications/receipt.html",
                {"application": application, "number": application.number, "code": code},
            )
        form.add_error(
            None,
            "今天从您的网络提交的申请已经较多，请明天再试，或者按公开指南以信函、当面等方式提交。",
        )
    return render(request, "disclosure/applications/apply.html", {"form": form})


@require_safe
def receipt(request):
    """The receipt is shown once, in answer to the form; this address leads to the lookup."""
    messages.info(request, "请使用提交申请后显示的申请编号和查询码查询办理进度。")
    return redirect("disclosure:application_lookup")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def lookup(request):
    form = LookupForm(request.POST or None)
    application = None
    if request.method == "POST" and form.is_valid():
        # Every lookup takes a place under the limit, and a successful one gives
        # it back: simultaneous wrong guesses cannot all slip under the limit.
        client = client_key(request)
        if not take("lookup", client):
            form.add_error(None, "查询失败次数过多，请一小时后再试。")
        else:
            application = find_application(form.cleaned_data["number"], form.cleaned_data["code"])
            if application is None:
                form.add_error(None, "申请编号或查询码不正确，请核对后重新输入。")
            else:
                give_back("lookup", client)
    context = {"form": form, "application": application}
    if application is not None:
        # The office's own review of a reply is not a step the applicant waits on.
        internal = [RequestEvent.Action.ANSWER_SUBMITTED, RequestEvent.Action.ANSWER_RETURNED]
        context["events"] = application.events.exclude(action__in=internal)
        context["fee_notice"] = fee_notice_of(application)
        context["payment_working_days"] = fees.PAYMENT_WORKING_DAYS
    return render(request, "disclosure/applications/lookup.html", context)
