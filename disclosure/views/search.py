"""The site search page (条例第二十四条) and the OpenSearch description that lets a browser use it."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from disclosure.selectors.catalogue import public_tree
from disclosure.selectors.search import Sort, search
from disclosure.views.filters import SearchForm, tell_about


@require_safe
def search_page(request):
    tree = public_tree()
    form = SearchForm(request.GET or None, tree=tree)
    context = {"tree": tree, "form": form, "sort_choices": Sort.CHOICES}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        query = data["q"]
        tell_about(request, query)
        if query or form.filters_used:
            context["results"] = search(
                query,
                tree,
                column=data["column"],
                office=data["office"],
                year=data["year"],
                written_year=data["written_year"],
                doc_number=data["doc_number"],
                validity=data["validity"],
                sort=data["sort"] or Sort.RELEVANCE,
                page=request.GET.get("page"),
            )
            context["sort"] = data["sort"] or Sort.RELEVANCE
        params = request.GET.copy()
        params.pop("page", None)
        context["query"] = params.urlencode()
        without_column = params.copy()
        without_column.pop("column", None)
        context["query_without_column"] = without_column.urlencode()
        without_sort = params.copy()
        without_sort.pop("sort", None)
        context["query_without_sort"] = without_sort.urlencode()
    return render(request, "disclosure/search.html", context)


@require_safe
def opensearch(request):
    return render(
        request,
        "disclosure/opensearch.xml",
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
