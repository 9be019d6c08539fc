"""The HTML that document bodies may contain, and the sanitizer that enforces it.

The editor and the sanitizer are configured from the same extension list
(django-prose-editor builds an nh3 allowlist from it), so what staff can
make in the editor is exactly what survives sanitization.
"""

from django.utils.safestring import SafeString, mark_safe
from django_prose_editor.fields import create_sanitizer

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
