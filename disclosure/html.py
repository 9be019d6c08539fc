"""The HTML that document bodies may contain, and the sanitizer that enforces it.

The editor and the sanitizer are configured from the same extension list
(django-prose-editor builds an nh3 allowlist from it), so what staff can
make in the editor is exactly what survives sanitization.
"""

from django.utils.safestring import SafeString, mark_safe
from django_prose_editor.fields import ProseEditorField, create_sanitizer

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
}

sanitize_body = create_sanitizer(BODY_EXTENSIONS)


def safe_body(html: str) -> SafeString:
    """Sanitized once more on the way out, whatever the database holds."""
    return mark_safe(sanitize_body(html or ""))


class SanitizedHTMLField(ProseEditorField):
    """A prose-editor field that sanitizes on every write to the database.

    The form and `full_clean()` sanitize too, but a save from the shell, a
    data import or a queryset `update()` does not pass through them; this
    field does not let any of those store markup the allowlist forbids.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS)
        kwargs["sanitize"] = True
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = self.sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str):
            value = self.sanitize(value)
        return super().get_db_prep_save(value, connection)
