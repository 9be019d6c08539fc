"""The HTML that document bodies may contain, and the sanitizer that enforces it.

The editor and the sanitizer are configured from the same extension list
(django-prose-editor builds an nh3 allowlist from it), so what staff can
make in the editor survives sanitization. The sanitizer also keeps what
generated bodies need to stay accessible and the editor cannot make: a
table's <caption> and the `scope` of its header cells (the annual report's
tables). Neither can carry script.
"""

import html
import re

import nh3
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django_prose_editor.config import allowlist_from_extensions, expand_extensions

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

# What generated tables add to the editor's allowlist.
TABLE_TAGS = {"caption"}
TABLE_ATTRIBUTES = {"th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}}


def _allowlist() -> dict:
    allowed = allowlist_from_extensions(expand_extensions(BODY_EXTENSIONS))
    allowed["tags"] = set(allowed["tags"]) | TABLE_TAGS
    attributes = {tag: set(names) for tag, names in allowed["attributes"].items()}
    for tag, names in TABLE_ATTRIBUTES.items():
        attributes[tag] = attributes.get(tag, set()) | names
    return allowed | {"attributes": attributes}


_cleaner = nh3.Cleaner(**_allowlist())


def sanitize_body(body: str) -> str:
    """The body with only the allowed markup; an empty element (the editor's empty paragraph) is nothing."""
    clean = _cleaner.clean(body)
    return "" if re.fullmatch(r"<(\w+)></\1>", clean) else clean


TABLE_START = re.compile(r"<table\b[^>]*>(?:\s*<caption>(.*?)</caption>)?", re.S)


def scrollable_tables(body: str) -> str:
    """Each table in a box of its own that scrolls sideways on a narrow screen.

    The box can take the keyboard's focus, to be scrolled with the arrow
    keys, and is named after the table's caption.
    """

    def boxed(match: re.Match) -> str:
        label = html.unescape(strip_tags(match.group(1) or "")).strip() or "表格"
        return (
            f'<div class="table-scroll" tabindex="0" role="region" aria-label="{escape(label)}">'
            f"{match.group(0)}"
        )

    return TABLE_START.sub(boxed, body).replace("</table>", "</table></div>")


def safe_body(body: str) -> SafeString:
    """Sanitized once more on the way out, whatever the database holds; tables scroll in their box."""
    return mark_safe(scrollable_tables(sanitize_body(body or "")))


# Block ends become line ends, so that paragraphs and cells do not run together.
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|td|th|tr|blockquote)>|<br\s*/?>|<hr\s*/?>", re.I)
# Bodies are sanitised HTML (nh3 writes every tag whole), so a tag is what stands between < and >.
_TAG = re.compile(r"<[^>]*>")


def plain_text(body: str) -> str:
    """The words of a sanitised body, a line for each paragraph, cell or list item."""
    return html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", body or ""))).strip()
