import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone

from .models import CatalogueItem, DocumentField, Office, Publication

FIRST_YEAR = 2008  # the year the first disclosure regulation took effect


def year_choices() -> list[tuple[int, str]]:
    this_year = timezone.localdate().year
    return [(str(year), f"{year}年") for year in range(this_year, FIRST_YEAR - 1, -1)]


class PublicationFilter(django_filters.FilterSet):
    """The filters on an item's list of documents; those that do not apply are dropped."""

    q = django_filters.CharFilter(
        method="search", label="关键词", widget=forms.TextInput(attrs={"type": "search"})
    )
    year = django_filters.ChoiceFilter(
        method="filter_year", label="发布年份", empty_label="全部年份"
    )
    doc_number = django_filters.CharFilter(lookup_expr="icontains", label="文号")
    validity = django_filters.ChoiceFilter(
        choices=Publication.Validity.choices, label="有效性", empty_label="全部"
    )
    office = django_filters.ModelChoiceFilter(
        queryset=Office.objects.none(), label="发布科室", empty_label="全部科室"
    )

    class Meta:
        model = Publication
        fields = ["q", "year", "doc_number", "validity", "office"]

    def __init__(self, *args, item: CatalogueItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = year_choices()
        if not item.requires(DocumentField.DOC_NUMBER):
            del self.filters["doc_number"]
        if not item.requires(DocumentField.VALIDITY):
            del self.filters["validity"]
        if item.office_scope == CatalogueItem.OfficeScope.LISTED and len(item.offices.all()) <= 1:
            del self.filters["office"]
        else:
            self.filters["office"].queryset = item.responsible_office_queryset()

    def filter_year(self, queryset, name, value):
        return queryset.filter(published_at__year=int(value))

    def search(self, queryset, name, value):
        for word in value.split()[:5]:
            # Chinese has no letter case: a plain LIKE spares PostgreSQL an
            # UPPER() of every row, and only words with Latin letters need it.
            lookup = "icontains" if any(c.isascii() and c.isalpha() for c in word) else "contains"
            queryset = queryset.filter(
                Q(**{f"title__{lookup}": word})
                | Q(**{f"keywords__{lookup}": word})
                | Q(**{f"summary__{lookup}": word})
            )
        return queryset
