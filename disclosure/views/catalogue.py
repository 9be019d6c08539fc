from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from disclosure.forms import CommentForm
from disclosure.lib.files import file_response, photo_response
from disclosure.models import (
    Attachment,
    CatalogueItem,
    Channel,
    Comment,
    DocumentField,
    Office,
    Publication,
)
from disclosure.ratelimit import client_key, give_back, take
from disclosure.selectors.catalogue import directory_rows, find_item, find_path, public_tree
from disclosure.selectors.publications import consultation_context
from disclosure.services import WorkflowError
from disclosure.services import comment_submit as comment_submit_service
from disclosure.views.filters import PublicationFilter

PER_PAGE = 20
Presentation = CatalogueItem.Presentation


@require_safe
def home(request):
    tree = public_tree()
    today = timezone.localdate()
    consultations_item = next(
        (
            leaf.item
            for root in tree
            for leaf in root.leaves()
            if leaf.item.presentation == Presentation.CONSULTATIONS
        ),
        None,
    )
    open_consultations = (
        Publication.objects.public()
        .filter(
            item__presentation=Presentation.CONSULTATIONS,
            feedback_for__isnull=True,
            opens_on__lte=today,
            closes_on__gte=today,
        )
        .order_by("closes_on", "id")[:5]
    )
    return render(
        request,
        "disclosure/home.html",
        {
            "tree": tree,
            "consultations_item": consultations_item,
            "open_consultations": list(open_consultations),
        },
    )


@require_safe
def directory(request):
    tree = public_tree()
    return render(
        request,
        "disclosure/directory.html",
        {"tree": tree, "rows": directory_rows(tree)},
    )


@require_safe
def item_detail(request, path: str):
    tree = public_tree()
    node = find_path(tree, path.split("/"))
    if node is None:
        raise Http404("没有这个目录事项")
    item = node.item
    context = {"tree": tree, "node": node, "item": item, "lineage": item.lineage()}
    if node.is_leaf:
        context["channels"] = [
            (channel, channel in item.channels.all()) for channel in Channel.objects.all()
        ]
        context |= _item_content(request, item)
    return render(request, "disclosure/item.html", context)


def _item_content(request, item: CatalogueItem) -> dict:
    publications = Publication.objects.public().filter(item=item)
    if item.presentation == Presentation.SECTIONS:
        return {"offices": Office.objects.filter(is_active=True, kind=Office.Kind.SECTION)}
    if item.presentation == Presentation.UNITS:
        return {"offices": Office.objects.filter(is_active=True, kind=Office.Kind.UNIT)}
    if item.presentation == Presentation.PAGE:
        return {"page": publications.order_by("-published_at", "-id").first()}
    if item.presentation == Presentation.LEADERS:
        return {"leaders": list(publications.order_by("order", "id"))}
    if item.presentation == Presentation.CONSULTATIONS:
        return _consultation_list(request, publications)
    filterset = PublicationFilter(request.GET or None, queryset=publications, item=item)
    if filterset.is_bound and not filterset.is_valid():
        messages.warning(request, "筛选条件有误，已显示全部信息，请重新选择。")
        documents = publications
    else:
        documents = filterset.qs
    # Page through ids alone (the listing index covers them), then fetch the
    # page's twenty rows: deep pages do not read every row they skip.
    ids = documents.order_by("-published_at", "-id").values_list("pk", flat=True)
    page = Paginator(ids, PER_PAGE).get_page(request.GET.get("page"))
    rows = Publication.objects.in_bulk(list(page.object_list))
    page.object_list = [rows[pk] for pk in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter": filterset,
        "page_obj": page,
        "filtered": filterset.is_bound
        and filterset.is_valid()
        and any(filterset.form.cleaned_data.values()),
        "query": query.urlencode(),
    }


def _consultation_list(request, publications) -> dict:
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


def _document_context(pk: int) -> tuple[dict, int]:
    publication = get_object_or_404(
        Publication.objects.visible_or_withdrawn().select_related("item", "office"), pk=pk
    )
    tree = public_tree()
    node = find_item(tree, publication.item_id)
    if node is None:
        raise Http404("没有这个目录事项")
    withdrawn = publication.status == Publication.Status.WITHDRAWN
    context = {
        "tree": tree,
        "item": node.item,
        "lineage": node.item.lineage(),
        "publication": publication,
        "withdrawn": withdrawn,
    }
    context["has_validity"] = node.item.requires(DocumentField.VALIDITY)
    if not withdrawn:
        if publication.replaced_by_id and publication.is_no_longer_valid:
            context["replacement"] = (
                Publication.objects.public().filter(pk=publication.replaced_by_id).first()
            )
        context["attachments"] = list(publication.attachments.all())
        context["related"] = list(
            publication.related.public().select_related("item").order_by("-published_at")
        )
        context |= consultation_context(publication)
    return context, 410 if withdrawn else 200


@require_safe
def publication_detail(request, pk: int):
    context, status = _document_context(pk)
    if context.get("open_for_comments"):
        context["comment_form"] = CommentForm()
    return render(request, "disclosure/publication.html", context, status=status)


@require_POST
def comment_submit(request, pk: int):
    """A citizen's comment on an open consultation, kept for the office's moderation."""
    context, status = _document_context(pk)
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


@require_safe
def publication_print(request, pk: int):
    context, status = _document_context(pk)
    return render(request, "disclosure/publication_print.html", context, status=status)


@require_safe
def attachment_download(request, pk: int, attachment: int):
    """A published document's attachment, always as a download under its own name."""
    file = get_object_or_404(
        Attachment.objects.filter(publication__in=Publication.objects.public()),
        pk=attachment,
        publication_id=pk,
    )
    return file_response(file.file, file.download_name, file.content_type, as_attachment=True)


@require_safe
def photo(request, pk: int):
    publication = get_object_or_404(Publication.objects.public().exclude(photo=""), pk=pk)
    return photo_response(publication)
