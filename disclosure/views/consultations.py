"""征求意见 on the public site: an item's consultations, and citizens' comments on an open one.

A comment is kept for the office's moderation; some are published on the
consultation's page.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from disclosure.exceptions import WorkflowError
from disclosure.forms import CommentForm
from disclosure.models import Comment
from disclosure.services.consultations import comment_submit as comment_submit_service
from disclosure.services.ratelimit import client_key, give_back, take
from disclosure.views.publications import PER_PAGE, document_context


def consultation_list(request, publications) -> dict:
    """Consultations newest first, each with its state and, once published, its feedback."""
    consultations = publications.filter(feedback_for__isnull=True).order_by("-opens_on", "-id")
    page = Paginator(consultations, PER_PAGE).get_page(request.GET.get("page"))
    feedback = {
        answer.feedback_for_id: answer
        for answer in publications.filter(feedback_for__in=list(page.object_list))
    }
    today = timezone.localdate()
    page.object_list = [
        {
            "publication": consultation,
            "state": consultation.consultation_state(
                today, has_feedback=consultation.pk in feedback
            ),
            "feedback": feedback.get(consultation.pk),
        }
        for consultation in page.object_list
    ]
    return {"consultations": page.object_list, "page_obj": page, "query": ""}


@require_POST
def comment_submit(request, pk: int):
    """A citizen's comment on an open consultation, kept for the office's moderation."""
    context, status = document_context(pk)
    publication = context["publication"]
    if status != 200 or not publication.is_consultation:
        raise Http404("没有这次征求意见")
    if not context["open_for_comments"]:
        messages.error(request, "本次征求意见不在征集期内，已不能在网上提交意见。")
        return redirect(publication.get_absolute_url())
    form = CommentForm(request.POST)
    client = client_key(request)
    if form.is_valid():
        repeated = Comment.objects.filter(token=form.cleaned_data["token"]).exists()
        if repeated or take("comment", client):
            try:
                comment_submit_service(
                    consultation=publication,
                    name=form.cleaned_data["name"],
                    contact=form.cleaned_data["contact"],
                    body=form.cleaned_data["body"],
                    client=client,
                    token=form.cleaned_data["token"],
                )
            except WorkflowError as error:
                if not repeated:
                    give_back("comment", client)
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, "您的意见已提交，感谢参与。承办科室审核后，部分意见可能在本页公开。"
                )
                return redirect(publication.get_absolute_url() + "#comments")
        else:
            form.add_error(None, "提交过于频繁，请一小时后再试，或通过页面所列的其他方式提交意见。")
    context["comment_form"] = form
    return render(request, "disclosure/publication.html", context)
