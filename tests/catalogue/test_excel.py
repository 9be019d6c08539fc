"""The catalogue exported to and imported from Excel, with every error reported by row."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from disclosure.catalogue_excel.export import export_workbook
from disclosure.catalogue_excel.parse import parse_workbook
from disclosure.models import CatalogueItem
from disclosure.services.catalogue import catalogue_import
from tests.factories import CHANNELS, dump, item_by_path, leaves, make_published

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/disclosure/catalogueitem/import/"
FIRST_ROW = 4  # rows 1-3 are the title and the two header rows


def exported():
    return load_workbook(io.BytesIO(export_workbook()))


def as_file(wb, name="目录.xlsx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def find_row(ws, name: str) -> int:
    for row in range(FIRST_ROW, ws.max_row + 1):
        if name in [ws.cell(row, col).value for col in (1, 2, 3)]:
            return row
    raise LookupError(name)


def import_file(file):
    parsed = parse_workbook(file)
    assert parsed.errors == []
    return catalogue_import(rows=parsed.rows)


def test_export_has_the_seed_layout(catalogue):
    ws = exported().active
    header = [ws.cell(3, col).value for col in range(1, 3 + 1)]
    assert header == ["一级事项", "二级事项", "三级事项"]
    assert [ws.cell(2, col).value for col in (4, 5, 6)] == [
        "公开内容（要素）",
        "公开时限",
        "公开主体",
    ]
    assert [ws.cell(3, col).value for col in range(7, 7 + 13)] == CHANNELS
    assert [ws.cell(3, 20).value, ws.cell(3, 21).value, ws.cell(2, 22).value] == [
        "全社会",
        "特定群体",
        "责任科室",
    ]
    assert ws.max_row == FIRST_ROW - 1 + len(leaves())
    row = find_row(ws, "人大建议、政协提案办理情况")
    assert [ws.cell(row, col).value for col in (2, 3)] == [None, None]
    assert ws.cell(row, 7).value == "■" and ws.cell(row, 8).value == "□"
    assert ws.cell(row, 20).value == "√" and ws.cell(row, 22).value == "行政办公室"


def test_export_then_import_changes_nothing(catalogue):
    before = dump()
    summary = import_file(as_file(exported()))
    assert (summary.created, summary.updated, summary.deactivated) == (0, 0, 0)
    assert summary.unchanged == CatalogueItem.objects.count()
    assert dump() == before


def test_import_updates_adds_and_deactivates(catalogue):
    wb = exported()
    ws = wb.active
    ws.cell(find_row(ws, "政策解读"), 4).value = "重大政策的解读"
    gone = find_row(ws, "社会保险")
    for col in range(1, ws.max_column + 1):
        ws.cell(gone, col).value = None
    new = ws.max_row + 1
    values = [
        "政策法规",
        "政策问答",
        "",
        "常见问题解答",
        "及时公开",
        "扎兰屯市人力资源和社会保障局",
    ]
    for col, value in enumerate(values, start=1):
        ws.cell(new, col).value = value
    ws.cell(new, 7).value = "√"
    ws.cell(new, 21).value = "参保单位"
    ws.cell(new, 22).value = "局社会保险服务中心、就业服务中心"

    summary = import_file(as_file(wb))

    assert (summary.created, summary.updated) == (1, 1)
    # 社会保险 at levels 2 and 3 leave the catalogue; they are kept, inactive.
    assert summary.deactivated == 2
    assert item_by_path("zcfg/zcjd").content == "重大政策的解读"
    social = CatalogueItem.objects.filter(name="社会保险")
    assert social.count() == 2 and not social.filter(is_active=True).exists()
    added = CatalogueItem.objects.get(name="政策问答")
    assert added.parent == item_by_path("zcfg") and added.order == 3
    assert added.audience == CatalogueItem.Audience.GROUP and added.audience_note == "参保单位"
    assert [o.name for o in added.offices.all()] == ["就业服务中心", "社会保险服务中心"]
    assert [c.name for c in added.channels.all()] == ["政府网站"]


def test_import_reads_merged_cells_like_the_published_table(catalogue):
    wb = Workbook()
    ws = wb.active
    source = exported().active
    for row in (1, 2, 3):
        for col in range(1, 23):
            ws.cell(row, col).value = source.cell(row, col).value
    rows = [
        ["机关简介", "基本信息", None, "办公地址、办公时间、联系方式"],
        [None, "领导简介", None, "领导姓名、照片、职务、分工等信息"],
        ["意见征集及反馈", None, None, "征求意见公告及起草说明、征求意见稿全文"],
    ]
    for offset, values in enumerate(rows):
        row = FIRST_ROW + offset
        for col, value in enumerate(values, start=1):
            ws.cell(row, col).value = value
    ws.merge_cells("A4:A5")  # 机关简介 over its two children
    ws.merge_cells("A6:C6")  # a level-1 item with no lower levels
    ws.cell(4, 5).value = "信息形成或者变更之日起20个工作日内"
    ws.merge_cells("E4:E6")  # one deadline for the group
    ws.cell(4, 6).value = "扎兰屯市人力资源和社会保障局"
    ws.merge_cells("F4:F6")
    ws.cell(4, 7).value = "■"
    ws.merge_cells("G4:G6")
    ws.cell(4, 20).value = "√"
    ws.merge_cells("T4:T6")
    ws.cell(4, 22).value = "行政办公室"
    ws.merge_cells("V4:V6")

    parsed = parse_workbook(as_file(wb))

    assert parsed.errors == []
    assert [row.path for row in parsed.rows] == [
        ["机关简介", "基本信息"],
        ["机关简介", "领导简介"],
        ["意见征集及反馈"],
    ]
    assert {row.deadline_text for row in parsed.rows} == {"信息形成或者变更之日起20个工作日内"}


def test_every_bad_row_is_reported_with_its_number_and_nothing_changes(catalogue):
    wb = exported()
    ws = wb.active
    ws.cell(4, 1).value = None  # no level 1
    ws.cell(5, 2).value = None  # a level 3 without a level 2
    ws.cell(5, 3).value = "孤立的三级"
    ws.cell(6, 22).value = "人才开发股"
    ws.cell(7, 8).value = "也许"
    ws.cell(8, 21).value = "√"
    ws.cell(9, 4).value = None
    ws.cell(10, 1).value, ws.cell(10, 2).value = ws.cell(11, 1).value, ws.cell(11, 2).value
    ws.cell(10, 3).value = ws.cell(11, 3).value
    before = dump()

    parsed = parse_workbook(as_file(wb))

    messages = "\n".join(parsed.errors)
    assert "第4行：一级事项不能为空" in messages
    assert "第5行：事项层级不连续" in messages
    assert "第6行：责任科室“人才开发股”不存在" in messages
    assert "第7行：“政府公报”一栏的“也许”不是勾选标记" in messages
    assert "第8行：公开对象只能勾选“全社会”或“特定群体”中的一个" in messages
    assert "第9行：“公开内容（要素）”不能为空" in messages
    assert "与第10行是同一事项" in messages
    assert parsed.rows and len(parsed.errors) == 7
    assert dump() == before


def test_a_row_for_an_item_that_has_children_is_refused(catalogue):
    wb = exported()
    ws = wb.active
    row = find_row(ws, "公开指南")
    ws.cell(row, 2).value = None  # now a row for 政府信息公开 itself, which has 年报 below it
    errors = parse_workbook(as_file(wb)).errors
    assert any(f"第{row}行" in e and "还有下级事项" in e for e in errors), errors


@pytest.mark.parametrize(
    "content, message",
    [(b"not a spreadsheet", "无法读取文件"), (b"PK\x03\x04broken zip", "无法读取文件")],
)
def test_a_file_that_is_not_a_workbook_is_refused(catalogue, content, message):
    errors = parse_workbook(SimpleUploadedFile("x.xlsx", content)).errors
    assert len(errors) == 1 and message in errors[0]


def test_a_workbook_in_another_layout_is_refused(catalogue):
    wb = Workbook()
    wb.active.append(["名称", "内容"])
    wb.active.append(["政策文件", "文件"])
    errors = parse_workbook(as_file(wb)).errors
    assert len(errors) == 1 and "表头不符合目录格式" in errors[0]


def test_a_workbook_with_only_headers_is_refused(catalogue):
    wb = exported()
    wb.active.delete_rows(FIRST_ROW, 100)
    assert parse_workbook(as_file(wb)).errors == ["文件中没有目录事项。"]


def test_admin_import_reports_errors_and_keeps_the_catalogue(admin_client, catalogue):
    wb = exported()
    wb.active.cell(6, 22).value = "不存在的科室"
    before = dump()
    response = admin_client.post(IMPORT_URL, {"file": as_file(wb)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "文件未导入" in html and "第6行" in html and "不存在的科室" in html
    assert dump() == before


def test_admin_import_previews_and_applies_only_on_confirmation(admin_client, catalogue):
    wb = exported()
    ws = wb.active
    ws.cell(find_row(ws, "政策文件"), 5).value = "信息形成之日起15个工作日内"
    preview = admin_client.post(IMPORT_URL, {"file": as_file(wb)})
    page = preview.content.decode()
    assert preview.status_code == 200 and "还没有导入" in page
    assert "政策法规/政策文件" in page and "公开时限" in page
    assert item_by_path("zcfg/zcwj").deadline_text == "信息形成或者变更之日起20个工作日内"
    response = admin_client.post(IMPORT_URL, {"confirm": "1"}, follow=True)
    assert "导入完成：新增0项，更新1项" in response.content.decode()
    assert item_by_path("zcfg/zcwj").deadline_text == "信息形成之日起15个工作日内"
    # Confirming twice does not import twice.
    again = admin_client.post(IMPORT_URL, {"confirm": "1"}, follow=True)
    assert "没有待确认的导入" in again.content.decode()


def replies_published(people, count=2):

    for n in range(count):
        make_published(people, title=f"提案答复{n}")


def test_a_rename_without_the_url_column_previews_the_documents_it_hides(admin_client, people):
    replies_published(people)
    wb = exported()
    ws = wb.active
    ws.delete_cols(23, 4)  # the published table's layout: no 网址标识 to match by
    ws.cell(find_row(ws, "人大建议、政协提案办理情况"), 1).value = "建议提案办理"
    before = dump()
    preview = admin_client.post(IMPORT_URL, {"file": as_file(wb)}).content.decode()
    assert "停用（1项，网站上将不再显示2条已公开信息）" in preview
    assert "人大建议、政协提案办理情况" in preview and "2条将不再显示" in preview
    assert "建议提案办理" in preview  # the new name, added
    assert dump() == before
    admin_client.get(IMPORT_URL)  # leaving the preview: nothing waits any more
    assert (
        "没有待确认的导入"
        in admin_client.post(IMPORT_URL, {"confirm": "1"}, follow=True).content.decode()
    )
    assert dump() == before


def test_a_preview_that_no_longer_holds_is_shown_again(admin_client, catalogue):
    wb = exported()
    ws = wb.active
    ws.cell(find_row(ws, "政策解读"), 4).value = "重大政策的解读"
    admin_client.post(IMPORT_URL, {"file": as_file(wb)})
    CatalogueItem.objects.filter(name="政策解读").update(content="重大政策的解读")
    response = admin_client.post(IMPORT_URL, {"confirm": "1"})
    assert "预览之后目录有了变化" in response.content.decode()


def test_the_export_carries_every_column_the_import_reads(catalogue):
    ws = exported().active
    assert [ws.cell(2, col).value for col in range(23, 30)] == [
        "时限计算规则",
        "排序",
        "网址标识",
        "展示方式",
        "公开依据",
        "公开方式",
        "公开层级",
    ]
    row = find_row(ws, "公开指南")
    assert [ws.cell(row, col).value for col in range(24, 27)] == [
        item_by_path("zfxxgk/gkzn").order,
        "gkzn",
        "单页",
    ]


def test_the_extra_columns_are_read_and_checked(catalogue):
    wb = exported()
    ws = wb.active
    row = find_row(ws, "政策解读")
    ws.cell(row, 23).value = "批复后20日内"
    ws.cell(row, 24).value = "7"
    ws.cell(row, 25).value = "jiedu"
    ws.cell(row, 26).value = "单页"
    import_file(as_file(wb))
    item = CatalogueItem.objects.get(name="政策解读")
    assert (item.deadline_rule, item.order, item.slug, item.presentation) == (
        "批复后20日内",
        7,
        "jiedu",
        "page",
    )
    ws.cell(row, 23).value = "尽快"
    ws.cell(row, 24).value = "第一"
    ws.cell(row, 25).value = "解读"
    ws.cell(row, 26).value = "幻灯片"
    errors = parse_workbook(as_file(wb)).errors
    assert len(errors) == 1
    for words in ("时限计算规则", "“排序”应为不小于0的整数", "“网址标识”只能由", "“展示方式”应为"):
        assert words in errors[0]


def test_admin_import_without_a_file_asks_for_one(admin_client, catalogue):
    response = admin_client.post(IMPORT_URL, {})
    assert response.status_code == 200
    assert "这个字段是必填项" in response.content.decode()


def test_admin_export_downloads_a_workbook(admin_client, catalogue):
    response = admin_client.get("/admin/disclosure/catalogueitem/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment;" in response["Content-Disposition"]
    assert load_workbook(io.BytesIO(response.content)).active.cell(3, 1).value == "一级事项"


def test_deadline_words_the_portal_cannot_count_are_refused(catalogue):
    wb = exported()
    ws = wb.active
    row = find_row(ws, "政策解读")
    ws.cell(row, 5).value = "尽快公开"
    errors = parse_workbook(as_file(wb)).errors
    assert len(errors) == 1 and errors[0].startswith(
        f"第{row}行：“公开时限”无法识别公开时限“尽快公开”"
    )


def test_a_rename_with_the_url_column_renames_the_item_and_keeps_its_documents(
    admin_client, people
):
    replies_published(people)
    wb = exported()
    ws = wb.active
    ws.cell(find_row(ws, "人大建议、政协提案办理情况"), 1).value = "建议提案办理复文"
    preview = admin_client.post(IMPORT_URL, {"file": as_file(wb)}).content.decode()
    assert "停用0项" in preview and "<h2>停用" not in preview
    assert "事项名称" in preview
    admin_client.post(IMPORT_URL, {"confirm": "1"})
    item = item_by_path("jyta")
    assert item.name == "建议提案办理复文" and item.is_active
    assert item.publications.count() == 2


def test_the_standard_catalogue_columns_go_out_and_come_back(catalogue):
    CatalogueItem.objects.filter(name="政策解读").update(
        basis="《关于全面推进政务公开工作的意见》", mode="on_request", levels="both"
    )
    before = dump()
    wb = exported()
    ws = wb.active
    row = find_row(ws, "政策解读")
    assert [ws.cell(row, col).value for col in (27, 28, 29)] == [
        "《关于全面推进政务公开工作的意见》",
        "依申请公开",
        "县级和乡级",
    ]
    annual = find_row(ws, "政府信息公开年报")
    assert [ws.cell(annual, col).value for col in (27, 28, 29)] == [
        "《中华人民共和国政府信息公开条例》第四十九条、第五十条",
        "主动公开",
        "县级",
    ]
    summary = import_file(as_file(wb))
    assert summary.updated == 0 and dump() == before

    ws.cell(row, 27).value = "《中华人民共和国政府信息公开条例》第二十条"
    ws.cell(row, 28).value = "主动公开"
    ws.cell(row, 29).value = "乡级"
    import_file(as_file(wb))
    item = CatalogueItem.objects.get(name="政策解读")
    assert (item.basis, item.mode, item.levels) == (
        "《中华人民共和国政府信息公开条例》第二十条",
        "proactive",
        "township",
    )


def test_blank_standard_catalogue_cells_keep_the_items_values(catalogue):
    CatalogueItem.objects.filter(name="政策解读").update(
        basis="某文件", mode="on_request", levels="both"
    )
    wb = exported()
    ws = wb.active
    row = find_row(ws, "政策解读")
    for col in (27, 28, 29):
        ws.cell(row, col).value = None
    import_file(as_file(wb))
    item = CatalogueItem.objects.get(name="政策解读")
    assert (item.basis, item.mode, item.levels) == ("某文件", "on_request", "both")


def test_a_bad_mode_or_level_names_the_row_and_imports_nothing(admin_client, catalogue):
    before = dump()
    wb = exported()
    ws = wb.active
    row = find_row(ws, "政策解读")
    ws.cell(row, 28).value = "不公开"
    ws.cell(find_row(ws, "社会保险"), 29).value = "市级"
    errors = parse_workbook(as_file(wb)).errors
    assert errors == [
        f"第{row}行：“公开方式”应为主动公开、依申请公开之一，现在是“不公开”。",
        f"第{find_row(ws, '社会保险')}行：“公开层级”应为县级、乡级、县级和乡级之一，现在是“市级”。",
    ]
    response = admin_client.post(IMPORT_URL, {"file": as_file(wb)})
    assert response.status_code == 200
    assert "“公开方式”应为主动公开、依申请公开之一" in response.content.decode()
    admin_client.post(IMPORT_URL, {"confirm": "1"})
    assert dump() == before


def test_the_update_period_goes_out_and_comes_back(catalogue):
    CatalogueItem.objects.filter(name="政策解读").update(update_period="two_weeks")
    before = dump()
    wb = exported()
    ws = wb.active
    assert ws.cell(2, 30).value == "更新周期"
    row, annual = find_row(ws, "政策解读"), find_row(ws, "政府信息公开年报")
    assert [ws.cell(row, 30).value, ws.cell(annual, 30).value] == ["两周", "按公开时限推算"]
    assert import_file(as_file(wb)).updated == 0 and dump() == before

    ws.cell(row, 30).value = "按公开时限推算"
    ws.cell(annual, 30).value = "一年"
    import_file(as_file(wb))
    assert item_by_path("zcfg/zcjd").update_period == ""
    assert item_by_path("zfxxgk/ndbg").update_period == "year"


def test_a_blank_update_period_cell_keeps_the_items_period_and_a_bad_one_is_named(catalogue):
    CatalogueItem.objects.filter(name="政策解读").update(update_period="quarter")
    wb = exported()
    ws = wb.active
    row = find_row(ws, "政策解读")
    ws.cell(row, 30).value = None
    import_file(as_file(wb))
    assert item_by_path("zcfg/zcjd").update_period == "quarter"
    ws.cell(row, 30).value = "每天"
    assert parse_workbook(as_file(wb)).errors == [
        f"第{row}行：“更新周期”应为两周、一个月、一个季度、半年、一年、不定期（只查空白）、"
        "按公开时限推算之一，现在是“每天”。"
    ]
