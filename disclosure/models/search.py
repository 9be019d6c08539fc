"""The site search index: one entry per public document, read by both databases.

Each entry holds the document as search needs it (see
`disclosure.lib.search_text`): `heading`, its title and 文号 normalised, for
ranking; `pieces`, the distinct two- and three-character pieces of all its
text, which the database indexes; and `text`, the plain text that result
snippets are cut from. PostgreSQL indexes the pieces with GIN, SQLite with
an FTS5 table kept in step by triggers (migration 0015); either answers
which entries hold a set of pieces from its index alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models import BooleanField, F, Func, Value
from django.utils import timezone

from disclosure.models.catalogue import CatalogueItem
from disclosure.models.offices import Office
from disclosure.models.publications import Publication

FTS_TABLE = "disclosure_searchentry_fts"
# An SQL function over the pieces, so that PostgreSQL's GIN index is on the
# expression queries use (migration 0015).
PIECES_FUNCTION = "disclosure_search_pieces"


class HasPieces(Func):
    """True for documents whose entry holds every one of `wanted`; used on Publication querysets.

    Written as `id IN (<entries from the index>)` (on PostgreSQL, as the
    indexed expression when filtering the entries themselves), so the index
    answers it and no entry's text is read.
    """

    output_field = BooleanField()

    def __init__(self, wanted: list[str], *, per_row: bool = False):
        super().__init__(F("pk"))
        self.wanted = sorted(set(wanted))
        # Asked of every row (in an ORDER BY): always the subquery, which
        # PostgreSQL reads from the index once and keeps as a hash.
        self.per_row = per_row

    def as_sqlite(self, compiler, connection, **extra):
        key_sql, key_params = compiler.compile(self.source_expressions[0])
        match = " AND ".join(f'"{piece}"' for piece in self.wanted)
        sql = f"{key_sql} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
        return sql, [*key_params, match]

    def as_postgresql(self, compiler, connection, **extra):
        if compiler.query.model is SearchEntry and not self.per_row:
            # On the entries themselves, the indexed expression of the row.
            table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
            return f"{PIECES_FUNCTION}({table}.pieces) @> %s::text[]", [self.wanted]
        key_sql, key_params = compiler.compile(self.source_expressions[0])
        sql = (
            f"{key_sql} IN (SELECT publication_id FROM {SearchEntry._meta.db_table}"
            f" WHERE {PIECES_FUNCTION}(pieces) @> %s::text[])"
        )
        return sql, [*key_params, self.wanted]

    def as_sql(self, compiler, connection, **extra):
        raise NotImplementedError(f"站内检索不支持{connection.vendor}数据库。")


class Holds(Func):
    """True where a text column holds `text` as it is: a plain substring test, the same on both databases."""

    output_field = BooleanField()

    def __init__(self, column: str, text: str):
        super().__init__(F(column), Value(text))

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="instr(%(expressions)s) > 0")

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="strpos(%(expressions)s) > 0")


class SearchEntryQuerySet(models.QuerySet):
    def public(self, item_ids: Iterable[int] | None = None) -> SearchEntryQuerySet:
        """The entries of what `Publication.objects.public()` shows.

        Only published documents have entries; this keeps those due by now
        under an active item, as `Publication.objects.public()` does. A
        caller holding the public catalogue passes its items' ids.
        """
        items = CatalogueItem.objects.public() if item_ids is None else list(item_ids)
        return self.filter(published_at__lte=timezone.now(), item__in=items)


class SearchEntry(models.Model):
    """A public document as search reads it; written when it is published, revised or withdrawn.

    It carries the document's fields that searches filter and order by, so
    that a search reads this one table; the short columns come first, as
    SQLite reads a row from its start.
    """

    publication = models.OneToOneField(
        Publication,
        verbose_name="公开信息",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    item = models.ForeignKey(
        CatalogueItem, verbose_name="目录事项", on_delete=models.CASCADE, related_name="+"
    )
    office = models.ForeignKey(
        Office, verbose_name="发布科室", on_delete=models.CASCADE, related_name="+"
    )
    published_at = models.DateTimeField("发布日期")
    written_on = models.DateField("成文日期", null=True, blank=True)
    validity = models.CharField("有效性", max_length=10, blank=True)
    doc_number_key = models.CharField("文号（检索用）", max_length=100, blank=True)
    heading = models.TextField("标题和文号（规范化）", blank=True)
    text = models.TextField("正文文本", blank=True, help_text="摘要、正文和附件的文字，用于摘录。")
    pieces = models.TextField("检索索引", blank=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "检索索引条目"
        verbose_name_plural = "检索索引"

    def __str__(self) -> str:
        return str(self.publication_id)
