"""Attachment checks: the file's content must be what its name says.

The allowlist is small and fixed (the formats government documents come in:
PDF, OFD, Word, WPS, Excel, ET and images), so each format is recognised by
its own signature: PDF's header, the OLE2 compound-file header of .doc, .xls,
.wps and .et, the ZIP members of .docx, .xlsx and OFD, and Pillow for images.
"""

from __future__ import annotations

import os
import re
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str


def _zip_names(head: bytes, file) -> set[str] | None:
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _is_ooxml(names: set[str] | None, part: str) -> bool:
    return bool(names) and "[Content_Types].xml" in names and any(n.startswith(part) for n in names)


def _image_format(file) -> str | None:
    try:
        file.seek(0)
        with Image.open(file) as image:
            image.verify()
            return image.format
    except Image.DecompressionBombError:
        raise ValidationError(
            "图片的像素尺寸过大，可能无法正常打开，请缩小尺寸（例如宽高各不超过5000像素）后重新上传。"
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None


def _check(extension: str, head: bytes, file) -> bool:
    if extension == ".pdf":
        return head.startswith(b"%PDF-")
    if extension == ".ofd":
        names = _zip_names(head, file)
        return bool(names) and "OFD.xml" in names
    if extension in (".doc", ".xls"):
        return head.startswith(OLE2)
    if extension == ".docx":
        return _is_ooxml(_zip_names(head, file), "word/")
    if extension == ".xlsx":
        return _is_ooxml(_zip_names(head, file), "xl/")
    if extension == ".wps":
        return head.startswith(OLE2) or _is_ooxml(_zip_names(head, file), "word/")
    if extension == ".et":
        return head.startswith(OLE2) or _is_ooxml(_zip_names(head, file), "xl/")
    expected = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".gif": "GIF"}[extension]
    return _image_format(file) == expected


KINDS = {
    ".pdf": Kind("PDF", "application/pdf"),
    ".ofd": Kind("OFD", "application/ofd"),
    ".doc": Kind("Word", "application/msword"),
    ".docx": Kind(
        "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    ".wps": Kind("WPS文字", "application/vnd.ms-works"),
    ".xls": Kind("Excel", "application/vnd.ms-excel"),
    ".xlsx": Kind("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".et": Kind("WPS表格", "application/vnd.ms-excel"),
    ".jpg": Kind("图片", "image/jpeg"),
    ".jpeg": Kind("图片", "image/jpeg"),
    ".png": Kind("图片", "image/png"),
    ".gif": Kind("图片", "image/gif"),
}
# Images are shown in the browser (and may be shown in a document's body); the other kinds download.
IMAGE_EXTENSIONS = frozenset(
    ext for ext, kind in KINDS.items() if kind.content_type.startswith("image/")
)
ALLOWED_NAMES = "PDF、OFD、Word（doc/docx）、WPS、Excel（xls/xlsx）、ET、JPG、PNG、GIF"


def check_attachment(uploaded) -> str:
    """The content type of an acceptable upload; a ValidationError in Chinese otherwise."""
    name = uploaded.name or ""
    extension = os.path.splitext(name)[1].lower()
    if extension not in KINDS:
        raise ValidationError(
            f"不支持“{extension or '无扩展名'}”格式的附件，只能上传{ALLOWED_NAMES}文件。"
        )
    limit = settings.ATTACHMENT_MAX_MB * 1024 * 1024
    if uploaded.size > limit:
        raise ValidationError(
            f"附件不能超过{settings.ATTACHMENT_MAX_MB}MB，这个文件有{uploaded.size / 1024 / 1024:.1f}MB。"
        )
    if uploaded.size == 0:
        raise ValidationError("附件是空文件。")
    uploaded.seek(0)
    head = uploaded.read(8)
    ok = _check(extension, head, uploaded)
    uploaded.seek(0)
    if not ok:
        raise ValidationError(
            f"文件内容与扩展名不符：“{name}”不是有效的{KINDS[extension].label}文件，请检查后重新上传。"
        )
    return KINDS[extension].content_type


def attachment_path(instance, filename: str) -> str:
    """Stored under a random name; the real name is kept in the database."""
    extension = os.path.splitext(filename)[1].lower()
    return f"attachments/{uuid.uuid4().hex}{extension}"


def photo_path(instance, filename: str) -> str:
    extension = os.path.splitext(filename)[1].lower()
    return f"photos/{uuid.uuid4().hex}{extension}"


def reply_path(instance, filename: str) -> str:
    """Reply documents go to applicants only: stored apart, under a random name."""
    extension = os.path.splitext(filename)[1].lower()
    return f"replies/{uuid.uuid4().hex}{extension}"


# A trailing ".pdf", ".html", ".tar" and the like on a name typed by staff.
_TYPED_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def name_without_extension(name: str) -> str:
    """A file's name as staff type it, without an extension they may have added.

    The extension a file is served with always comes from its checked type.
    """
    stem = _TYPED_EXTENSION.sub("", name.strip())
    return stem.strip() or name.strip()


def file_size(size: int) -> str:
    """611 KB, 1.2 MB: the size as the public lists show it."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB"
