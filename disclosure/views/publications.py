"""Published documents: each one's page and printable page, and an item's list of them.

A withdrawn document keeps its address and answers 410.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from disclosure.forms import CommentForm
from disclosure.models import CatalogueItem, DocumentField, Publication
from disclosure.selectors.catalogue import find_item, public_tree
from disclosure.selectors.content import kept
from disclosure.selectors.publications import consultation_context, links_context
from disclosure.views.filters import PublicationFilter, tell_about

PER_PAGE = 20


def document_list(request, item: CatalogueItem, publications) -> dict:
    """An item's documents, newest first, filtered and twenty to a page."""
    filterset = PublicationFilter(request.GET or None, queryset=publications, item=item)
    if filterset.is_bound and not filterset.is_valid():
        messages.warning(request, "筛选条件有误，已显示全部信息，请重新选择。")
        documents = publications
    else:
        documents = filterset.qs
        if filterset.is_bound and filterset.form.cleaned_data.get("q") is not None:
            tell_about(request, filterset.form.cleaned_data["q"])
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


def document_context(pk: int) -> tuple[dict, int]:
    """A public or withdrawn document's page context, and the status to answer with."""
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
        context["images"] = publication.body_image_urls(context["attachments"])
        context |= kept(
            f"links:{publication.pk}",
            lambda: links_context(publication, Publication.objects.visible_or_withdrawn()),
        )
        context |= consultation_context(publication)
    return context, 410 if withdrawn else 200


@require_safe
def publication_detail(request, pk: int):
    context, status = document_context(pk)
    if context.get("open_for_comments"):
        context["comment_form"] = CommentForm()
    return render(request, "disclosure/publication.html", context, status=status)


@require_safe
def publication_print(request, pk: int):
    context, status = document_context(pk)
    return render(request, "disclosure/publication_print.html", context, status=status)
