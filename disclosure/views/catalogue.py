"""The catalogue's public pages: the home page, the 公开目录 table, each item's page.

The home page shows the newest public documents and the blocks of the
columns it names. A branch page lists its children and the newest documents
under them. An item at the end of a branch shows what its presentation says:
the offices (股室 or 局属单位), one page, the leaders, its consultations, or
its list of documents.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from disclosure.models import CatalogueItem, Office, Publication
from disclosure.selectors import latest
from disclosure.selectors.catalogue import all_channels, directory_rows, find_path, public_tree
from disclosure.selectors.columns import statements_to_show
from disclosure.selectors.content import kept
from disclosure.views.consultations import consultation_list
from disclosure.views.publications import document_list

Presentation = CatalogueItem.Presentation


@require_safe
def home(request):
    tree = public_tree()
    today = timezone.localdate()
    consultation_items = [
        node.item
        for root in tree
        for node in latest.subtree(root)
        if node.item.presentation == Presentation.CONSULTATIONS
    ]
    consultations_item = next(
        (
            leaf.item
            for root in tree
            for leaf in root.leaves()
            if leaf.item.presentation == Presentation.CONSULTATIONS
        ),
        None,
    )
    open_consultations = Publication.objects.none()
    if consultation_items:
        # By item first (the listing index): most documents are no consultation.
        open_consultations = (
            Publication.objects.public()
            .filter(
                item_id__in=[item.id for item in consultation_items],
                feedback_for__isnull=True,
                opens_on__lte=today,
                closes_on__gte=today,
            )
            .order_by("closes_on", "id")[:5]
        )
    # The page's content is kept for the day under the content version
    # (`{% kept %}` in the template): its lists are read only to build it.
    return render(
        request,
        "disclosure/home.html",
        {
            "tree": tree,
            "today": today,
            "consultations_item": consultations_item,
            "open_consultations": open_consultations,
            "latest": SimpleLazyObject(lambda: latest.latest(tree)),
            "blocks": SimpleLazyObject(lambda: latest.home_blocks(tree)),
        },
    )


@require_safe
def directory(request):
    tree = public_tree()
    return render(
        request, "disclosure/directory.html", {"tree": tree, "rows": directory_rows(tree)}
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
            (channel, channel in item.channels.all()) for channel in all_channels()
        ]
        context |= _item_content(request, item)
        if item.is_publishable:
            context["statements"] = kept(
                f"statements:{item.pk}:{timezone.localdate().isoformat()}",
                lambda: statements_to_show(item, Publication.objects.public().filter(item=item)),
            )
    else:
        context["latest"] = latest.latest(tree, under=node)
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
        return consultation_list(request, publications)
    return document_list(request, item, publications)
