"""Model fields of the portal."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django_prose_editor.fields import ProseEditorField

from disclosure.lib.doc_numbers import normalise_doc_number
from disclosure.lib.html import BODY_EXTENSIONS, sanitize_body


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


class SanitizedHTMLField(ProseEditorField):
    """A prose-editor field that sanitizes on every write to the database.

    The form and `full_clean()` sanitize too, but a save from the shell, a
    data import or a queryset `update()` does not pass through them; this
    field does not let any of those store markup the allowlist forbids. It
    sanitizes as the pages do (`disclosure.lib.html.sanitize_body`).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS)
        kwargs["sanitize"] = sanitize_body
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = self.sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str):
            value = self.sanitize(value)
        return super().get_db_prep_save(value, connection)


def staff_field(verbose_name: str, *, required: bool = False, editable: bool = False):
    """The member of staff who took a step. Accounts are never deleted while they are named."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=not required,
        blank=not required,
        on_delete=models.PROTECT,
        related_name="+",
        editable=editable,
    )
