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

from django.db import models
from django.db.models import BooleanField, F, Func, Value

from disclosure.models.publications import Publication

FTS_TABLE = "disclosure_searchentry_fts"
# An SQL function over the pieces, so that PostgreSQL's GIN index is on the
# expression queries use (migration 0015).
PIECES_FUNCTION = "disclosure_search_pieces"


class HasPieces(Func):
    """True for documents whose entry holds every one of `wanted`; used on Publication querysets.

    Written as `id IN (<entries from the index>)` on both databases, so
    the index answers it and no entry's text is read.
    """

    output_field = BooleanField()

    def __init__(self, wanted: list[str]):
        super().__init__(F("pk"))
        self.wanted = sorted(set(wanted))

    def as_sqlite(self, compiler, connection, **extra):
        key_sql, key_params = compiler.compile(self.source_expressions[0])
        match = " AND ".join(f'"{piece}"' for piece in self.wanted)
        sql = f"{key_sql} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
        return sql, [*key_params, match]

    def as_postgresql(self, compiler, connection, **extra):
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


class SearchEntry(models.Model):
    """A public document as search reads it; written when it is published, revised or withdrawn.

    The short column a search reads comes first: SQLite reads a row from its start.
    """

    publication = models.OneToOneField(
        Publication,
        verbose_name="公开信息",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    heading = models.TextField("标题和文号（规范化）", blank=True)
    text = models.TextField("正文文本", blank=True, help_text="摘要、正文和附件的文字，用于摘录。")
    pieces = models.TextField("检索索引", blank=True)

    class Meta:
        verbose_name = "检索索引条目"
        verbose_name_plural = "检索索引"

    def __str__(self) -> str:
        return str(self.publication_id)
