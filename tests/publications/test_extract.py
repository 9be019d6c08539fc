"""Text extracted from attachments for the search index: each format, broken files, the limit."""

import io
import logging
import random
import zipfile
from pathlib import Path

import pytest
from django.core.files import File
from openpyxl import Workbook

from disclosure.lib import extract
from disclosure.lib.extract import attachment_text

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFD = "http://www.ofdspec.org/2016"


def zipped(members: dict[str, str | bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def docx(body: str) -> io.BytesIO:
    return zipped(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        }
    )


def paragraph(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r><w:t>{run}</w:t></w:r>" for run in runs) + "</w:p>"


def xlsx(sheets: dict[str, list[list]]) -> io.BytesIO:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def ofd_page(*objects: tuple[float, str]) -> str:
    """A page's Content.xml with a text object at each (top, text); baselines 4 mm lower."""
    texts = "".join(
        f'<ofd:TextObject ID="{i + 10}" Boundary="20 {top} 170 6" Font="1" Size="4">'
        f'<ofd:TextCode X="0" Y="4">{text}</ofd:TextCode></ofd:TextObject>'
        for i, (top, text) in enumerate(objects)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD}"><ofd:Content>'
        f'<ofd:Layer ID="2">{texts}</ofd:Layer></ofd:Content></ofd:Page>'
    )


def ofd(pages: dict[str, str], order: list[str], *, with_index: bool = True) -> io.BytesIO:
    """An OFD package: `pages` maps a page folder to its Content.xml, `order` lists them."""
    members: dict[str, str] = {}
    if with_index:
        members["OFD.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD}" Version="1.0">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
        )
        listed = "".join(
            f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/{name}/Content.xml"/>'
            for i, name in enumerate(order)
        )
        members["Doc_0/Document.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD}">'
            f"<ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
            f"</ofd:PageArea></ofd:CommonData><ofd:Pages>{listed}</ofd:Pages></ofd:Document>"
        )
    for name, content in pages.items():
        members[f"Doc_0/Pages/{name}/Content.xml"] = content
    return zipped(members)


def test_pdf_text_is_extracted_with_its_chinese():
    with File(open(ROOT / "tests/files/search_only_in_pdf.pdf", "rb")) as file:
        text = attachment_text(file, ".pdf")
    assert "鸿雁湖畔" in text
    assert "招聘会" in text
    assert text.startswith("2026年春季招聘会场地说明\n")


def test_the_demo_notice_pdf_is_readable():
    with open(ROOT / "demo/zhaopinhui.pdf", "rb") as file:
        text = attachment_text(file, ".pdf")
    assert "扎兰屯市2026年春风行动专场招聘会岗位信息表" in text
    assert "扎兰屯市人力资源和社会保障局" in text
    assert "0470-3212345" in text


def test_docx_paragraphs_and_tables_are_read_one_paragraph_a_line():
    table = "<w:tbl><w:tr><w:tc>" + paragraph("岗位：", "讲解员") + "</w:tc></w:tr></w:tbl>"
    body = paragraph("关于举办", "鸿雁湖畔", "招聘会的通知") + "<w:p/><w:p/>" + table
    assert attachment_text(docx(body), ".docx") == "关于举办鸿雁湖畔招聘会的通知\n岗位：讲解员"


def test_docx_whitespace_and_invisible_characters_are_tidied():
    body = paragraph("  咨询\u3000\u3000电话\u200b： ", "0470-3212345\t ") + paragraph("第二段")
    assert attachment_text(docx(body), ".docx") == "咨询 电话： 0470-3212345\n第二段"


def test_xlsx_gives_every_sheet_one_row_a_line():
    workbook = xlsx(
        {
            "岗位": [["单位", "岗位", "人数"], ["秀水养老院", "护理员", 6], [None, None, None]],
            "说明": [["地点", "鸿雁湖畔"]],
        }
    )
    assert attachment_text(workbook, ".xlsx") == (
        "单位 岗位 人数\n秀水养老院 护理员 6\n地点 鸿雁湖畔"
    )


def test_ofd_pages_are_read_in_the_order_the_document_lists_them():
    pages = {
        "Page_0": ofd_page((20, "第一页"), (30, "鸿雁"), (30, "湖畔")),
        "Page_1": ofd_page((20, "第二页")),
        "Page_10": ofd_page((20, "第三页")),
    }
    text = attachment_text(ofd(pages, ["Page_0", "Page_1", "Page_10"]), ".ofd")
    # Codes on one baseline make one line; a word split over two codes is whole again.
    assert text == "第一页\n鸿雁湖畔\n第二页\n第三页"
    reordered = attachment_text(ofd(pages, ["Page_10", "Page_0"]), ".ofd")
    assert reordered == "第三页\n第一页\n鸿雁湖畔"


def test_ofd_without_its_index_falls_back_to_the_page_files_in_order():
    pages = {
        "Page_10": ofd_page((20, "第十一页")),
        "Page_2": ofd_page((20, "第三页")),
        "Page_0": ofd_page((20, "鸿雁湖畔")),
    }
    text = attachment_text(ofd(pages, [], with_index=False), ".ofd")
    assert text == "鸿雁湖畔\n第三页\n第十一页"


@pytest.mark.parametrize("extension", [".doc", ".xls", ".wps", ".et", ".jpg", ".txt", ""])
def test_other_formats_give_nothing(extension, caplog):
    assert attachment_text(io.BytesIO(b"\xd0\xcf\x11\xe0 old binary"), extension) == ""
    assert not caplog.records


def broken_files():
    whole = docx(paragraph("鸿雁湖畔")).getvalue()
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    pdf = (ROOT / "tests/files/search_only_in_pdf.pdf").read_bytes()
    noise = random.Random(7).randbytes(2048)
    return {
        "random bytes as pdf": (noise, ".pdf"),
        "truncated pdf": (pdf[: len(pdf) // 3], ".pdf"),
        "random bytes as docx": (noise, ".docx"),
        "random bytes as xlsx": (noise, ".xlsx"),
        "random bytes as ofd": (noise, ".ofd"),
        "truncated docx": (whole[: len(whole) // 2], ".docx"),
        "docx without its document": (zipped({"word/other.xml": "<x/>"}).getvalue(), ".docx"),
        "docx with entities": (zipped({"word/document.xml": laughs}).getvalue(), ".docx"),
        "docx as xlsx": (whole, ".xlsx"),
        "empty file": (b"", ".ofd"),
    }


@pytest.mark.parametrize("case", list(broken_files()))
def test_a_broken_file_gives_nothing_and_a_logged_warning(case, caplog):
    data, extension = broken_files()[case]
    with caplog.at_level(logging.WARNING, logger="disclosure.lib.extract"):
        assert attachment_text(io.BytesIO(data), extension) == ""
    assert [r.levelname for r in caplog.records if r.name == "disclosure.lib.extract"] == [
        "WARNING"
    ]


@pytest.mark.parametrize(
    "readable",
    [
        pytest.param(lambda: (docx(paragraph("鸿雁湖畔")), ".docx"), id="docx"),
        pytest.param(lambda: (xlsx({"说明": [["鸿雁湖畔"]]}), ".xlsx"), id="xlsx"),
        pytest.param(
            lambda: (ofd({"Page_0": ofd_page((20, "鸿雁湖畔"))}, ["Page_0"]), ".ofd"), id="ofd"
        ),
    ],
)
def test_a_zip_that_unpacks_too_large_is_refused(readable, monkeypatch, caplog):
    file, extension = readable()
    assert attachment_text(file, extension) == "鸿雁湖畔"
    monkeypatch.setattr(extract, "MAX_UNZIPPED", 1024 * 1024)
    with zipfile.ZipFile(file, "a", zipfile.ZIP_DEFLATED) as archive:
        # Two megabytes of spaces pack into a few kilobytes.
        archive.writestr("padding.xml", " " * (2 * 1024 * 1024))
    assert len(file.getvalue()) < 64 * 1024
    assert attachment_text(file, extension) == ""
    (record,) = [r for r in caplog.records if r.name == "disclosure.lib.extract"]
    assert "MAX_UNZIPPED" in str(record.exc_info[1])


def test_the_text_is_cut_at_the_limit():
    body = "".join(paragraph(f"第{n}条　鸿雁湖畔招聘会") for n in range(1, 1001))
    text = attachment_text(docx(body), ".docx", limit=30)
    assert len(text) <= 30
    assert text.startswith("第1条 鸿雁湖畔招聘会\n第2条")
    with open(ROOT / "tests/files/search_only_in_pdf.pdf", "rb") as file:
        assert attachment_text(file, ".pdf", limit=5) == "2026年"


def test_control_characters_are_removed_but_lines_kept():
    raw = "标题\x00\x07\r\n\r\n\r\n\n正文\ufeff第一行\r第二行\x0c"
    assert extract._tidy(raw) == "标题\n\n正文第一行\n第二行"
