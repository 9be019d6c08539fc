"""The filters on an item's public list of documents (django-filter)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone

from disclosure.lib.doc_numbers import normalise_doc_number
from disclosure.models import CatalogueItem, DocumentField, Office, Publication


def _year_choices(years) -> list[tuple[str, str]]:
    return [(str(year), f"{year}年") for year in sorted(set(years), reverse=True)]


class PublicationFilter(django_filters.FilterSet):
    """The filters on an item's list of documents; those that do not apply are dropped."""

    q = django_filters.CharFilter(
        method="search", label="关键词", widget=forms.TextInput(attrs={"type": "search"})
    )
    year = django_filters.ChoiceFilter(
        method="filter_year", label="发布年份", empty_label="全部年份"
    )
    written_year = django_filters.ChoiceFilter(
        method="filter_written_year", label="成文年份", empty_label="全部年份"
    )
    doc_number = django_filters.CharFilter(method="filter_doc_number", label="文号")
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
        zone = timezone.get_current_timezone()
        published = self.queryset.datetimes("published_at", "year", tzinfo=zone)
        self.filters["year"].extra["choices"] = _year_choices(when.year for when in published)
        if item.requires(DocumentField.WRITTEN_ON):
            written = self.queryset.dates("written_on", "year")
            self.filters["written_year"].extra["choices"] = _year_choices(d.year for d in written)
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
        """〔〕, [], 【】, （）, () and full-width digits are the same to citizens."""
        return queryset.filter(doc_number_key__contains=normalise_doc_number(value))

    def filter_year(self, queryset, name, value):
        return queryset.filter(published_at__year=int(value))

    def filter_written_year(self, queryset, name, value):
        return queryset.filter(written_on__year=int(value))

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
