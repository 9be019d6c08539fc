from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..catalogue import Node, build_tree, directory_rows
from ..models import CatalogueItem, Channel, Office


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
    context = {
        "tree": tree,
        "node": node,
        "item": item,
        "lineage": item.lineage(),
        "channels": [
            (channel, channel in item.channels.all()) for channel in Channel.objects.all()
        ],
    }
    presentation = CatalogueItem.Presentation
    if item.presentation == presentation.SECTIONS:
        context["offices"] = Office.objects.filter(is_active=True, kind=Office.Kind.SECTION)
    elif item.presentation == presentation.UNITS:
        context["offices"] = Office.objects.filter(is_active=True, kind=Office.Kind.UNIT)
    return render(request, "disclosure/item.html", context)
