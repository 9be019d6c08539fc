"""Site search: which public documents, columns and offices a query finds, and in what order.

Documents are found through the search index (`SearchEntry`, on both
databases), always from `SearchEntry.objects.public()`, which holds exactly
the documents `Publication.objects.public()` shows (the tests check it in
every workflow state), so nothing a citizen may not read is ever found. The catalogue's columns and the
offices' particulars are few and are matched as they are now, with the
same normalised text.

Order by relevance: the exact query in the title or 文号 first, then every
term in the title or 文号, then the terms run together in the text (for a
query of several terms), then the rest; newest first within each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, IntegerField, Min, Q, QuerySet, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import SafeString

from disclosure.lib.doc_numbers import normalise_doc_number
from disclosure.lib.search_text import Query, highlight, normalise, snippet, term_pieces
from disclosure.models import CatalogueItem, HasPieces, Holds, Office, Publication, SearchEntry
from disclosure.selectors.catalogue import Node

PER_PAGE = 20
Presentation = CatalogueItem.Presentation


class Sort:
    RELEVANCE = "relevance"
    DATE = "date"
    CHOICES = [(RELEVANCE, "按相关度"), (DATE, "按发布日期")]


def matching(documents: QuerySet, query: Query) -> QuerySet:
    """Documents (or their search entries) whose text holds every term (in one of its forms).

    Answered from the index alone.
    """
    for forms in query.alternatives:
        documents = documents.filter(
            reduce(or_, (Q(HasPieces(term_pieces(form))) for form in forms))
        )
    return documents


def _relevance(query: Query) -> Case:
    def in_heading(text: str) -> Holds:
        return Holds("heading", text)

    if len(query.terms) == 1:
        # Every document found holds the term in its text.
        return Case(When(in_heading(query.phrase), then=3), default=1, output_field=IntegerField())
    return Case(
        When(in_heading(query.phrase), then=3),
        When(reduce(and_, (in_heading(term) for term in query.terms)), then=2),
        When(HasPieces(term_pieces(query.phrase), per_row=True), then=1),
        default=0,
        output_field=IntegerField(),
    )


def filter_doc_number(publications: QuerySet, typed: str) -> QuerySet:
    """〔〕, [], 【】, （）, () and full-width digits are the same to citizens.

    For documents or their search entries, which both keep the 文号 so normalised.
    """
    return publications.filter(doc_number_key__contains=normalise_doc_number(typed))


@dataclass
class Column:
    """A first-level column of the catalogue and how many documents found are under it."""

    item: CatalogueItem
    count: int
    item_ids: list[int]


@dataclass
class Hit:
    publication: Publication
    column: CatalogueItem | None
    title: SafeString
    snippet: SafeString


@dataclass
class PageHit:
    """A catalogue column or an office whose own particulars hold the query."""

    kind: str
    title: SafeString
    url: str
    snippet: SafeString


class CountedPaginator(Paginator):
    """A paginator told its count, which the column counts already give."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count


@dataclass
class Results:
    query: Query
    columns: list[Column]
    column: Column | None
    page: Page | None
    hits: list[Hit] = field(default_factory=list)
    pages: list[PageHit] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(column.count for column in self.columns)


def _subtree(node: Node) -> list[Node]:
    return [node, *(below for child in node.children for below in _subtree(child))]


def columns_of(tree: list[Node]) -> dict[int, CatalogueItem]:
    """Each public item's first-level column, by item id."""
    return {node.item.id: root.item for root in tree for node in _subtree(root)}


def search(
    query: Query,
    tree: list[Node],
    *,
    column: str = "",
    office: Office | None = None,
    year: int | None = None,
    written_year: int | None = None,
    doc_number: str = "",
    validity: str = "",
    sort: str = Sort.RELEVANCE,
    page: str | int | None = 1,
) -> Results:
    """One page of the documents found, their counts per column, and matching columns and offices.

    With no terms, the filters alone choose (every document with a 文号, say),
    newest first. Everything is read from the search entries, which carry
    the fields filtered on; only the page's twenty documents are read.
    """
    found = SearchEntry.objects.public(item_ids=columns_of(tree))
    if query:
        found = matching(found, query)
    if office is not None:
        found = found.filter(office=office)
    if year:
        found = found.filter(published_at__year=year)
    if written_year:
        found = found.filter(written_on__year=written_year)
    if doc_number:
        found = filter_doc_number(found, doc_number)
    if validity:
        found = found.filter(validity=validity)

    roots = {root.item.slug: root for root in tree}
    counts: dict[int, int] = {}
    for row in found.order_by().values("item_id").annotate(n=Count("pk")):
        counts[row["item_id"]] = row["n"]
    columns = []
    for root in tree:
        item_ids = [node.item.id for node in _subtree(root)]
        total = sum(counts.get(pk, 0) for pk in item_ids)
        if total:
            columns.append(Column(root.item, total, item_ids))
    chosen = next((c for c in columns if c.item.slug == column), None)
    if column and chosen is None and column in roots:
        chosen = Column(roots[column].item, 0, [])
    if chosen is not None:
        found = found.filter(item_id__in=chosen.item_ids)
    results = Results(query=query, columns=columns, column=chosen, page=None)

    count = chosen.count if chosen else results.total
    ordering = ["-published_at", "-pk"]
    if query and sort != Sort.DATE:
        found = found.annotate(rank=_relevance(query))
        ordering.insert(0, "-rank")
    # Order and page through ids alone, then read the page's twenty documents.
    ids = found.order_by(*ordering).values_list("pk", flat=True)
    results.page = CountedPaginator(ids, PER_PAGE, count=count).get_page(page)
    rows = (
        Publication.objects.select_related("item", "office")
        .defer("body", "drafting_note", "summary", "comment_ways", "confidentiality_note")
        .annotate(found_text=F("search_entry__text"))
        .in_bulk(list(results.page.object_list))
    )
    results.page.object_list = [rows[pk] for pk in results.page.object_list]
    item_columns = columns_of(tree)
    results.hits = [
        Hit(
            publication=publication,
            column=item_columns.get(publication.item_id),
            title=highlight(publication.title, query.marked),
            snippet=snippet(publication.found_text, query.marked),
        )
        for publication in results.page.object_list
    ]
    filtered = any((column, office, year, written_year, doc_number, validity))
    if query and results.page.number == 1 and not filtered:
        results.pages = matching_pages(query, tree)
    return results


def _holds(query: Query, *texts: str) -> bool:
    normalised = " ".join(normalise(text) for text in texts)
    return all(any(form in normalised for form in forms) for forms in query.alternatives)


def matching_pages(query: Query, tree: list[Node]) -> list[PageHit]:
    """Columns whose name or 公开内容 holds the query, then offices whose particulars do."""
    hits: list[PageHit] = []
    office_items: dict[str, CatalogueItem] = {}
    stack = list(reversed(tree))
    while stack:
        node = stack.pop()
        item = node.item
        stack.extend(reversed(node.children))
        if item.presentation == Presentation.SECTIONS:
            office_items[Office.Kind.SECTION] = item
        elif item.presentation == Presentation.UNITS:
            office_items[Office.Kind.UNIT] = item
        if _holds(query, item.name, item.content):
            hits.append(
                PageHit(
                    kind="栏目",
                    title=highlight(" / ".join(i.name for i in item.lineage()), query.marked),
                    url=item.get_absolute_url(),
                    snippet=snippet(item.content, query.marked),
                )
            )
    offices = Office.objects.filter(is_active=True, kind__in=list(office_items))
    for office in offices:
        particulars = [office.duties, office.head, office.address, office.phone]
        if _holds(query, office.name, *particulars):
            hits.append(
                PageHit(
                    kind=office.get_kind_display(),
                    title=highlight(office.name, query.marked),
                    url=f"{office_items[office.kind].get_absolute_url()}#office-{office.pk}",
                    snippet=snippet("\n".join(filter(None, particulars)), query.marked),
                )
            )
    return hits


def year_range() -> list[int]:
    """The years citizens may pick: this year back to the earliest date of any document.

    Read from the indexes on both dates alone, without asking which documents are public.
    """
    span = Publication.objects.aggregate(published=Min("published_at"), written=Min("written_on"))
    this_year = timezone.localdate().year
    first = min(
        [this_year]
        + ([timezone.localtime(span["published"]).year] if span["published"] else [])
        + ([span["written"].year] if span["written"] else [])
    )
    return list(range(this_year, first - 1, -1))
