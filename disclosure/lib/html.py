"""The HTML that document bodies may contain, and the sanitizer that enforces it.

The editor and the sanitizer are configured from the same extension list
(django-prose-editor builds an nh3 allowlist from it), so what staff can
make in the editor survives sanitization. The sanitizer also keeps what
generated bodies need to stay accessible and the editor cannot make: a
table's <caption> and the `scope` of its header cells (the annual report's
tables). Neither can carry script.

Images are a document's own image attachments shown in its body (a 图解):
the sanitizer keeps an <img> only with a local attachment address as its
`src` and only its `alt`; which document's attachments a body may show is
checked by the document (`Publication.clean`) and again as it is shown.
"""

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

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
    "Figure": True,
    "Caption": True,
    "Image": True,
}

# What generated tables add to the editor's allowlist.
TABLE_TAGS = {"caption"}
TABLE_ATTRIBUTES = {"th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}}


# An image keeps its address and its text alternative, nothing else (no
# size, no class, no data-file of the editor's upload picker).
IMAGE_ATTRIBUTES = {"img": {"src", "alt"}, "figure": set()}

# The public address of a document's attachment (`xxgk/doc/<pk>/files/<id>/`),
# under whatever path prefix the site has: the only source an image may have.
ATTACHMENT_SOURCE = re.compile(r"/(?:\w[-\w.~]*/)*xxgk/doc/(\d+)/files/(\d+)/")
# An <img> as the sanitizer writes it: attribute values in double quotes, with
# any quote inside escaped.
IMG_TAG = re.compile(r'<img((?:\s+[\w-]+="[^"]*")*)\s*/?>')
IMG_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def _allowlist() -> dict:
    allowed = allowlist_from_extensions(expand_extensions(BODY_EXTENSIONS))
    allowed["tags"] = set(allowed["tags"]) | TABLE_TAGS
    attributes = {tag: set(names) for tag, names in allowed["attributes"].items()}
    for tag, names in TABLE_ATTRIBUTES.items():
        attributes[tag] = attributes.get(tag, set()) | names
    attributes |= IMAGE_ATTRIBUTES
    return allowed | {"attributes": attributes}


def _local_sources_only(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        return value if ATTACHMENT_SOURCE.fullmatch(value) else None
    return value


_cleaner = nh3.Cleaner(**_allowlist(), attribute_filter=_local_sources_only)


@dataclass(frozen=True)
class BodyImage:
    """An image in a sanitized body: the attachment it shows, and its text alternative."""

    src: str
    publication_id: int
    attachment_id: int
    alt: str

    @property
    def key(self) -> tuple[int, int]:
        return (self.publication_id, self.attachment_id)

    @property
    def has_alt(self) -> bool:
        return bool(self.alt.strip())

    def tag(self, src: str | None = None) -> str:
        """The <img> showing this image at `src` (by default where the body points)."""
        return f'<img src="{escape(src or self.src)}" alt="{escape(self.alt)}">'


def _image(tag: re.Match) -> BodyImage | None:
    attributes = dict(IMG_ATTRIBUTE.findall(tag.group(1)))
    src = html.unescape(attributes.get("src", ""))
    source = ATTACHMENT_SOURCE.fullmatch(src)
    if source is None:
        return None
    alt = html.unescape(attributes.get("alt", ""))
    return BodyImage(src, int(source.group(1)), int(source.group(2)), alt)


def body_images(body: str) -> list[BodyImage]:
    """The images of a sanitized body, in their order; an <img> without a source is left out."""
    return [image for tag in IMG_TAG.finditer(body or "") if (image := _image(tag)) is not None]


def replace_images(body: str, replace: Callable[[BodyImage], str | None]) -> str:
    """The sanitized body with each image's tag given by `replace`: None removes the
    image, as is any <img> without an attachment's address."""

    def one(tag: re.Match) -> str:
        image = _image(tag)
        return (replace(image) if image is not None else None) or ""

    return IMG_TAG.sub(one, body)


def sanitize_body(body: str) -> str:
    """The body with only the allowed markup; an empty element (the editor's empty paragraph) is nothing.

    An image whose source is not an attachment's address is removed.
    """
    clean = replace_images(_cleaner.clean(body), BodyImage.tag)
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


def safe_body(body: str, images: Mapping[tuple[int, int], str] | None = None) -> SafeString:
    """Sanitized once more on the way out, whatever the database holds; tables scroll in their box.

    Given `images`, the addresses to show the document's own images at (by
    document and attachment), any other image is removed.
    """
    clean = sanitize_body(body or "")
    if images is not None:
        clean = replace_images(
            clean, lambda image: image.tag(images[image.key]) if image.key in images else None
        )
    return mark_safe(scrollable_tables(clean))


# Block ends become line ends, so that paragraphs and cells do not run together.
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|td|th|tr|blockquote)>|<br\s*/?>|<hr\s*/?>", re.I)
# Bodies are sanitised HTML (nh3 writes every tag whole), so a tag is what stands between < and >.
_TAG = re.compile(r"<[^>]*>")


def plain_text(body: str) -> str:
    """The words of a sanitised body, a line for each paragraph, cell or list item."""
    return html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", body or ""))).strip()
