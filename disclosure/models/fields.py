"""Model fields of the portal."""

from __future__ import annotations

from django.db import models

from disclosure.doc_numbers import normalise_doc_number


class DocNumberKeyField(models.CharField):
    """A 文号 as searches compare it, kept in step with its source field on every save.

    Normalised in Python, stored, and compared with a plain LIKE: SQLite
    cannot nest the two dozen REPLACE calls it would take at query time.
    """

    def __init__(self, *args, source: str = "doc_number", **kwargs):
        self.source = source
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = normalise_doc_number(getattr(model_instance, self.source) or "")
        setattr(model_instance, self.attname, value)
        return value
