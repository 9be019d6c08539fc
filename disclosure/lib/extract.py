"""Plain text from a document's attachments, for the site's search index.

The text is extracted once, when a document is published, and stored; none of this
runs at query time. What is read from each format:

- ``.pdf`` (pypdf): each page's text, in page order.
- ``.docx``: the text runs (``w:t``) of ``word/document.xml``, one paragraph (``w:p``)
  a line; table cells hold paragraphs, so tables are read too. Headers, footers,
  footnotes and comments are not read.
- ``.xlsx`` (openpyxl, the values Excel last saved, not formulas): every worksheet,
  one row a line, its non-empty cells separated by a space.
- ``.ofd`` (GB/T 33190, a zip of XML): the ``TextCode`` elements of each page's
  ``Content.xml``, in the order OFD.xml → DocRoot (``Doc_0/Document.xml``) → Pages
  lists them; codes on one baseline are joined into one line. Where that chain
  cannot be followed, every ``*/Pages/*/Content.xml`` is read, in name order.

Any other extension gives "": the old binary formats (.doc, .xls, .wps, .et) and
images are not extracted. A broken or hostile file gives "" too, with a warning
logged; nothing here raises. XML is parsed with defusedxml, and a zip whose members
would unpack to more than ``MAX_UNZIPPED`` bytes is refused. The result has its
control characters removed and its whitespace tidied, and is cut at ``limit``
characters.
"""

from __future__ import annotations

import contextlib
import logging
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from defusedxml import ElementTree

logger = logging.getLogger(__name__)

# What the members of one DOCX, XLSX or OFD may unpack to, in all.
MAX_UNZIPPED = 50 * 1024 * 1024


def attachment_text(file, extension: str, *, limit: int = 200_000) -> str:
    """The plain text of an attachment, at most `limit` characters; "" if none can be read.

    `file` is a seekable binary file (an opened Django File, io.BytesIO); `extension`
    is its name's, such as ".pdf".
    """
    reader = _READERS.get(extension.lower())
    if reader is None or limit <= 0:
        return ""
    parts: list[str] = []
    size = 0
    try:
        file.seek(0)
        with contextlib.closing(reader(file)) as chunks:
            for chunk in chunks:
                text = _tidy(chunk)
                if text:
                    parts.append(text)
                    size += len(text) + 1
                    if size > limit:
                        break
    except Exception:
        logger.warning("No text extracted from a %s attachment", extension, exc_info=True)
        return ""
    return _tidy("\n".join(parts))[:limit].rstrip()


def _pdf(file: BinaryIO) -> Iterator[str]:
    from pypdf import PdfReader

    for page in PdfReader(file).pages:
        yield page.extract_text()


def _docx(file: BinaryIO) -> Iterator[str]:
    with _open_zip(file) as archive, archive.open("word/document.xml") as xml:
        line: list[str] = []
        for _event, element in ElementTree.iterparse(xml):
            name = _local(element.tag)
            if name == "t":
                line.append(element.text or "")
            elif name == "tab":
                line.append("\t")
            elif name in ("br", "cr"):
                line.append("\n")
            elif name == "p":
                yield "".join(line)
                line.clear()
                element.clear()
        yield "".join(line)


def _xlsx(file: BinaryIO) -> Iterator[str]:
    from openpyxl import load_workbook

    _open_zip(file).close()  # Only to refuse a zip bomb before openpyxl unpacks it.
    file.seek(0)
    workbook = load_workbook(file, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                yield " ".join(str(value) for value in row if value is not None)
    finally:
        workbook.close()


def _ofd(file: BinaryIO) -> Iterator[str]:
    with _open_zip(file) as archive:
        for page in _ofd_pages(archive):
            yield _ofd_page_text(_parse(archive, page))


def _ofd_pages(archive: zipfile.ZipFile) -> list[str]:
    """The members holding the pages' content, in reading order."""
    names = set(archive.namelist())
    try:
        body = _parse(archive, "OFD.xml")
        document = _resolve("", next(e.text for e in body.iter() if _local(e.tag) == "DocRoot"))
        folder = posixpath.dirname(document)
        pages = [
            _resolve(folder, e.get("BaseLoc", ""))
            for e in _parse(archive, document).iter()
            if _local(e.tag) == "Page"
        ]
        # Some producers give a page's folder rather than its Content.xml.
        pages = [p if p in names else f"{p}/Content.xml" for p in pages]
        if pages and all(p in names for p in pages):
            return pages
    except (KeyError, StopIteration, AttributeError, ElementTree.ParseError):
        pass
    found = [n for n in names if re.fullmatch(r".*/Pages/[^/]+/Content\.xml", n)]
    return sorted(
        found, key=lambda n: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", n)]
    )


def _ofd_page_text(page) -> str:
    """A page's text codes; codes on the same baseline make one line."""
    lines: list[str] = []
    top = 0.0
    baseline = None
    for element in page.iter():
        name = _local(element.tag)
        if name == "TextObject":
            box = (element.get("Boundary") or "").split()
            top = _number(box[1]) if len(box) > 1 else 0.0
        elif name == "TextCode" and element.text:
            y = element.get("Y")
            here = top + _number(y) if y is not None else baseline
            if not lines or (
                here is not None and baseline is not None and abs(here - baseline) > 1
            ):
                lines.append("")
            lines[-1] += element.text
            baseline = here
    return "\n".join(lines)


def _open_zip(file: BinaryIO) -> zipfile.ZipFile:
    """The zip archive, if its members unpack to no more than MAX_UNZIPPED bytes.

    zipfile never unpacks a member past the size the archive declares for it, so the
    declared sizes are a true bound.
    """
    archive = zipfile.ZipFile(file)
    if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED:
        archive.close()
        raise ValueError("the archive unpacks to more than MAX_UNZIPPED bytes")
    return archive


def _parse(archive: zipfile.ZipFile, name: str):
    with archive.open(name) as xml:
        return ElementTree.parse(xml).getroot()


def _resolve(folder: str, location: str) -> str:
    """A member name from an OFD location, absolute (from the package root) or relative."""
    location = location.strip()
    path = location if location.startswith("/") else posixpath.join("/", folder, location)
    return posixpath.normpath(path).lstrip("/")


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


_DROPPED = {"Cc", "Cf", "Cs"}  # Control, format (zero-width, BOM) and lone surrogates.
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    """Text without control characters, with runs of spaces and of blank lines collapsed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in _DROPPED)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


_READERS = {".pdf": _pdf, ".docx": _docx, ".xlsx": _xlsx, ".ofd": _ofd}
