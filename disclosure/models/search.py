"""The site search index: one entry per public document, read by both databases.

Each entry holds the document's text as search needs it (see
`disclosure.lib.search_text`): `heading` (title and 文号) and `content`
(everything citizens can read, attachments included) normalised, and
`pairs`, the distinct two-character pieces of `content`. The database
indexes `pairs`: PostgreSQL with a GIN index over the pieces as an array,
SQLite with an FTS5 table kept in step by triggers (migration 0015). A
query narrows to the entries holding every piece of its terms through that
index, then keeps those whose `content` holds each term itself.
"""

from __future__ import annotations

from django.db import models
from django.db.models import BooleanField, F, Func

from disclosure.models.publications import Publication

FTS_TABLE = "disclosure_searchentry_fts"


class HasPairs(Func):
    """True where an entry's indexed pieces include every one of `wanted`.

    Used on Publication querysets; `entry` is the relation to the entry.
    Both databases answer it from their index.
    """

    output_field = BooleanField()

    def __init__(self, wanted: list[str], *, entry: str = "search_entry"):
        super().__init__(F("pk"), F(f"{entry}__pairs"))
        self.wanted = sorted(set(wanted))

    def as_sqlite(self, compiler, connection, **extra):
        key, _ = self.source_expressions
        key_sql, key_params = compiler.compile(key)
        match = " AND ".join(f'"{piece}"' for piece in self.wanted)
        sql = f"{key_sql} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
        return sql, [*key_params, match]

    def as_postgresql(self, compiler, connection, **extra):
        _, pairs = self.source_expressions
        pairs_sql, pairs_params = compiler.compile(pairs)
        return f"string_to_array({pairs_sql}, ' ') @> %s::text[]", [*pairs_params, self.wanted]

    def as_sql(self, compiler, connection, **extra):
        raise NotImplementedError(f"站内检索不支持{connection.vendor}数据库。")


class SearchEntry(models.Model):
    """A public document as search reads it; written when it is published, revised or withdrawn."""

    publication = models.OneToOneField(
        Publication,
        verbose_name="公开信息",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    text = models.TextField("正文文本", blank=True, help_text="摘要、正文和附件的文字，用于摘录。")
    heading = models.TextField("标题和文号（规范化）", blank=True)
    content = models.TextField("全部文字（规范化）", blank=True)
    pairs = models.TextField("检索索引", blank=True)

    class Meta:
        verbose_name = "检索索引条目"
        verbose_name_plural = "检索索引"

    def __str__(self) -> str:
        return str(self.publication_id)
