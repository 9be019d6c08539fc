from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ..catalogue import Node, build_tree, directory_rows
from ..filters import PublicationFilter
from ..models import Attachment, CatalogueItem, Channel, Office, Publication

PER_PAGE = 20
Presentation = CatalogueItem.Presentation


def _public_tree() -> list[Node]:
    items = CatalogueItem.objects.public().in_tree_order().prefetch_related("channels", "offices")
    return build_tree(items)


def _find(roots: list[Node], slugs: list[str]) -> Node | None:
    nodes, node = roots, None
    for slug in slugs:
        node = next((n for n in nodes if n.item.slug == slug), None)
        if node is None:
            return None
        nodes = node.children
    return node


def _find_item(roots: list[Node], item_id: int) -> Node | None:
    stack = list(roots)
    while stack:
        node = stack.pop()
        if node.item.id == item_id:
            return node
        stack.extend(node.children)
    return None


@require_safe
def home(request):
    return render(request, "disclosure/home.html", {"tree": _public_tree()})


@require_safe
def directory(request):
    tree = _public_tree()
    return render(
        request,
        "disclosure/directory.html",
        {"tree": tree, "rows": directory_rows(tree)},
    )


@require_safe
def item_detail(request, path: str):
    tree = _public_tree()
    node = _find(tree, path.split("/"))
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


def _document_context(pk: int) -> tuple[dict, int]:
    publication = get_object_or_404(
        Publication.objects.visible_or_withdrawn().select_related("item", "office"), pk=pk
    )
    tree = _public_tree()
    node = _find_item(tree, publication.item_id)
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
    if not withdrawn:
        context["attachments"] = list(publication.attachments.all())
        context["related"] = list(
            publication.related.public().select_related("item").order_by("-published_at")
        )
    return context, 410 if withdrawn else 200


@require_safe
def publication_detail(request, pk: int):
    context, status = _document_context(pk)
    return render(request, "disclosure/publication.html", context, status=status)


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
    return _file_response(file.file, file.name, file.content_type, as_attachment=True)


@require_safe
def photo(request, pk: int):
    publication = get_object_or_404(Publication.objects.public().exclude(photo=""), pk=pk)
    content_type = "image/png" if publication.photo.name.lower().endswith(".png") else "image/jpeg"
    return _file_response(publication.photo, None, content_type, as_attachment=False)


def _file_response(field_file, name: str | None, content_type: str, *, as_attachment: bool):
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404("文件不存在") from None
    response = FileResponse(
        handle, as_attachment=as_attachment, filename=name or "", content_type=content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=300"
    return response


def preview_context(publication: Publication) -> dict:
    """The public page's context for any publication, for staff previews in the admin."""
    tree = build_tree(CatalogueItem.objects.in_tree_order().prefetch_related("channels", "offices"))
    node = _find_item(tree, publication.item_id)
    item = node.item if node else publication.item
    return {
        "tree": tree,
        "item": item,
        "lineage": item.lineage(),
        "publication": publication,
        "withdrawn": publication.status == Publication.Status.WITHDRAWN,
        "attachments": list(publication.attachments.all()),
        "related": list(publication.related.select_related("item")),
        "preview": True,
    }
