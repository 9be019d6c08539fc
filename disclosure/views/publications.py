"""Published documents: each one's page and printable page, and an item's list of them.

A withdrawn document keeps its address and answers 410.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from disclosure.forms import CommentForm
from disclosure.models import CatalogueItem, DocumentField, Publication
from disclosure.selectors.catalogue import find_item, public_tree
from disclosure.selectors.content import kept
from disclosure.selectors.publications import consultation_context, links_context
from disclosure.views.filters import PublicationFilter, tell_about

PER_PAGE = 20
# What a row of an item's list shows (`includes/publication_list.html`).
LISTED = ("title", "doc_number", "validity", "published_at")


class CountedPaginator(Paginator):
    """A paginator told how many there are, so that it does not count them again."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.count = count


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
    filtered = (
        filterset.is_bound and filterset.is_valid() and any(filterset.form.cleaned_data.values())
    )
    # Page through ids alone (the listing index covers them), then fetch the
    # page's twenty rows with the columns the list shows: deep pages do not
    # read every row they skip. The whole list's count is kept under the
    # content version; a filtered one is counted each time.
    ids = documents.order_by("-published_at", "-id").values_list("pk", flat=True)
    if filtered:
        paginator = Paginator(ids, PER_PAGE)
    else:
        count = kept(f"document-count:{item.pk}", ids.count)
        paginator = CountedPaginator(ids, PER_PAGE, count=count)
    page = paginator.get_page(request.GET.get("page"))
    page_ids = page.object_list

    def rows() -> list[Publication]:
        ids = list(page_ids)
        found = Publication.objects.only(*LISTED).in_bulk(ids)
        return [found[pk] for pk in ids]

    # Read when the rows are rendered: an unfiltered page's rows are kept
    # rendered under the content version (`includes/publication_list.html`).
    page.object_list = SimpleLazyObject(rows)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter": filterset,
        "page_obj": page,
        "filtered": filtered,
        # Nothing typed or chosen: the form is the same for every visitor.
        "blank_form": not any(request.GET.get(name) for name in filterset.form.fields),
        "query": query.urlencode(),
    }


def read_document(pk: int) -> dict:
    """A public or withdrawn document with what its page shows of it but its consultation."""
    publication = get_object_or_404(
        Publication.objects.visible_or_withdrawn().select_related("item", "office"), pk=pk
    )
    withdrawn = publication.status == Publication.Status.WITHDRAWN
    document = {"publication": publication, "withdrawn": withdrawn}
    if not withdrawn:
        if publication.replaced_by_id and publication.is_no_longer_valid:
            document["replacement"] = (
                Publication.objects.public().filter(pk=publication.replaced_by_id).first()
            )
        document["attachments"] = list(publication.attachments.all())
        document["images"] = publication.body_image_urls(document["attachments"])
        document |= links_context(publication, Publication.objects.visible_or_withdrawn())
    return document


def document_context(pk: int) -> tuple[dict, int]:
    """A public or withdrawn document's page context, and the status to answer with.

    The document is read once per content version; its consultation (which
    opens and closes by date, and takes comments) each time.
    """
    tree = public_tree()
    context = kept(f"document:{pk}", lambda: read_document(pk))
    publication = context["publication"]
    node = find_item(tree, publication.item_id)
    if node is None:
        raise Http404("没有这个目录事项")
    context |= {
        "tree": tree,
        "item": node.item,
        "lineage": node.item.lineage(),
        "has_validity": node.item.requires(DocumentField.VALIDITY),
    }
    if not context["withdrawn"]:
        context |= consultation_context(publication)
    return context, 410 if context["withdrawn"] else 200


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
