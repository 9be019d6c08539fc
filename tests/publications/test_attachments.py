"""Attachments are accepted only when their content is what their name says, within limits."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from disclosure.lib.uploads import OLE2, check_attachment
from tests.factories import PDF


def zipped(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


def image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format=fmt)
    return buffer.getvalue()


DOCX = zipped(**{"[Content_Types].xml": b"<Types/>", "word__document.xml": b"<w/>"})
XLSX = zipped(**{"[Content_Types].xml": b"<Types/>", "xl__workbook.xml": b"<x/>"})
OFD = zipped(**{"OFD.xml": b"<ofd:OFD/>", "Doc_0__Document.xml": b"<d/>"})
OLE = OLE2 + b"\x00" * 504


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("通知.pdf", PDF, "application/pdf"),
        ("通知.OFD", OFD, "application/ofd"),
        ("通知.doc", OLE, "application/msword"),
        (
            "通知.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("通知.wps", OLE, "application/vnd.ms-works"),
        ("通知.wps", DOCX, "application/vnd.ms-works"),
        ("表格.xls", OLE, "application/vnd.ms-excel"),
        ("表格.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("表格.et", OLE, "application/vnd.ms-excel"),
        ("照片.jpg", image("JPEG"), "image/jpeg"),
        ("照片.png", image("PNG"), "image/png"),
        ("照片.gif", image("GIF"), "image/gif"),
    ],
)
def test_real_files_of_each_kind_are_accepted(name, content, content_type):
    assert check_attachment(SimpleUploadedFile(name, content)) == content_type


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("脚本.html", b"<script>alert(1)</script>", "不支持"),
        ("图.svg", b"<svg onload=alert(1)/>", "不支持"),
        ("程序.exe", b"MZ\x90\x00", "不支持"),
        ("无扩展名", PDF, "无扩展名"),
        ("伪装.pdf", b"<html><script>alert(1)</script></html>", "文件内容与扩展名不符"),
        ("伪装.docx", PDF, "文件内容与扩展名不符"),
        ("伪装.docx", XLSX, "文件内容与扩展名不符"),
        ("伪装.xlsx", DOCX, "文件内容与扩展名不符"),
        ("伪装.ofd", DOCX, "文件内容与扩展名不符"),
        ("伪装.doc", DOCX, "文件内容与扩展名不符"),
        ("伪装.png", image("JPEG"), "文件内容与扩展名不符"),
        ("伪装.jpg", b"\xff\xd8\xff" + b"\x00" * 20, "文件内容与扩展名不符"),
        ("坏的.docx", b"PK\x03\x04broken", "文件内容与扩展名不符"),
        ("空的.pdf", b"", "空文件"),
    ],
)
def test_files_whose_content_is_not_what_the_name_says_are_refused(name, content, message):
    with pytest.raises(ValidationError) as error:
        check_attachment(SimpleUploadedFile(name, content))
    assert message in error.value.messages[0]


def test_files_over_the_size_limit_are_refused(settings):
    settings.ATTACHMENT_MAX_MB = 1
    big = PDF + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError, match="不能超过1MB"):
        check_attachment(SimpleUploadedFile("大.pdf", big))


def test_an_image_declaring_enormous_dimensions_is_refused_in_chinese():
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 40000, 40000, 8, 2, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
    with pytest.raises(ValidationError, match="像素尺寸过大"):
        check_attachment(SimpleUploadedFile("照片.png", bomb, content_type="image/png"))
