"""The site search form, and the filters on an item's public list of documents (django-filter).

Both read what is typed the same way: a query through the search index
(`disclosure.selectors.search`), a 文号 in any of its bracket forms.
"""

import django_filters
from django import forms
from django.contrib import messages

from disclosure.forms import PlainChineseForm
from disclosure.lib.search_text import MAX_QUERY_LENGTH, MAX_TERMS, parse_query, refused_characters
from disclosure.models import CatalogueItem, DocumentField, Office, Publication
from disclosure.selectors.publications import public_document_years
from disclosure.selectors.search import Sort, filter_doc_number, matching, year_range

REFUSED = "含有无法识别的字符（例如控制字符或乱码），请删除后重新输入。"


class PlainTextField(forms.CharField):
    """Text typed into a filter; characters no one types are refused, naming the field."""

    def refusal(self) -> str:
        return f"{self.label}{REFUSED}"

    def to_python(self, value):
        if isinstance(value, str) and refused_characters(value):
            raise forms.ValidationError(self.refusal())
        return super().to_python(value)


class SearchQueryField(PlainTextField):
    """What is typed into a search box, as a `Query`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "关键词")
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH})
        )
        super().__init__(**kwargs)

    def refusal(self) -> str:
        return f"检索词{REFUSED}"

    def clean(self, value):
        return parse_query(super().clean(value))


def tell_about(request, query) -> None:
    """Say plainly what of the query was not searched, and why."""
    if query.truncated:
        messages.info(request, f"检索词过长，只按前{MAX_QUERY_LENGTH}个字检索。")
    if query.too_short:
        words = "、".join(f"“{word}”" for word in query.too_short)
        messages.info(
            request, f"{words}只有一个字，不能单独检索；请输入两个字以上的词，例如“社保”“就业”。"
        )
    if query.dropped:
        words = "、".join(f"“{word}”" for word in query.dropped)
        messages.info(request, f"最多按{MAX_TERMS}个词检索，没有检索{words}。")


class QueryFilter(django_filters.CharFilter):
    field_class = SearchQueryField


class TextFilter(django_filters.CharFilter):
    field_class = PlainTextField


def _year_choices(years) -> list[tuple[str, str]]:
    return [(str(year), f"{year}年") for year in sorted(set(years), reverse=True)]


def _year_field(label: str, years: list[int]) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "全部年份"), *_year_choices(years)],
    )


class SearchForm(PlainChineseForm):
    """The site search page's form: the query, filters across the whole site, and the order."""

    q = SearchQueryField(label="检索词")
    column = forms.ChoiceField(label="栏目", required=False)
    office = forms.ModelChoiceField(
        label="发布机构",
        required=False,
        queryset=Office.objects.filter(is_active=True),
        empty_label="全部机构",
    )
    doc_number = PlainTextField(label="文号", required=False, max_length=100)
    validity = forms.ChoiceField(
        label="有效性", required=False, choices=[("", "全部"), *Publication.Validity.choices]
    )
    sort = forms.ChoiceField(label="排序", required=False, choices=Sort.CHOICES)

    def __init__(self, *args, tree, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["column"].choices = [
            ("", "全部栏目"),
            *((root.item.slug, root.item.name) for root in tree),
        ]
        years = year_range()
        self.fields["year"] = _year_field("发布年份", years)
        self.fields["written_year"] = _year_field("成文年份", years)
        self.order_fields(["q", "column", "office", "year", "written_year", "doc_number"])

    @property
    def filters_used(self) -> bool:
        data = self.cleaned_data
        return any(
            data.get(name) for name in ("office", "year", "written_year", "doc_number", "validity")
        )


class PublicationFilter(django_filters.FilterSet):
    """The filters on an item's list of documents; those that do not apply are dropped."""

    q = QueryFilter(method="search", label="关键词")
    year = django_filters.ChoiceFilter(
        method="filter_year", label="发布年份", empty_label="全部年份"
    )
    written_year = django_filters.ChoiceFilter(
        method="filter_written_year", label="成文年份", empty_label="全部年份"
    )
    doc_number = TextFilter(method="filter_doc_number", label="文号", max_length=100)
    validity = django_filters.ChoiceFilter(
        choices=Publication.Validity.choices, label="有效性", empty_label="全部"
    )
    office = django_filters.ModelChoiceFilter(
        queryset=Office.objects.none(), label="发布科室", empty_label="全部科室"
    )

    class Meta:
        model = Publication
        fields = ["q", "year", "written_year", "doc_number", "validity", "office"]

    def __init__(self, *args, item: CatalogueItem, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the years that have documents (in Beijing time, as the lists show dates).
        has_written = item.requires(DocumentField.WRITTEN_ON)
        published, written = public_document_years(item, written=has_written)
        self.filters["year"].extra["choices"] = _year_choices(published)
        if has_written:
            self.filters["written_year"].extra["choices"] = _year_choices(written)
        else:
            del self.filters["written_year"]
        if not item.requires(DocumentField.DOC_NUMBER):
            del self.filters["doc_number"]
        if not item.requires(DocumentField.VALIDITY):
            del self.filters["validity"]
        if item.office_scope == CatalogueItem.OfficeScope.LISTED and len(item.offices.all()) <= 1:
            del self.filters["office"]
        else:
            self.filters["office"].queryset = item.responsible_office_queryset()

    def filter_doc_number(self, queryset, name, value):
        return filter_doc_number(queryset, value)

    def filter_year(self, queryset, name, value):
        return queryset.filter(published_at__year=int(value))

    def filter_written_year(self, queryset, name, value):
        return queryset.filter(written_on__year=int(value))

    def search(self, queryset, name, query):
        """Through the site's search index, so words in the text and attachments are found too."""
        return matching(queryset, query) if query else queryset
