"""The annual report's workbook: one sheet a table, headers merged as the national format prints them."""

import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from disclosure.lib.annual_report_tables import workbook, workbook_name
from disclosure.models import Appeal, YearlyFigures
from disclosure.selectors.annual_report import annual_figures
from tests.citizens import a_year_of_applications

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year - 1


@pytest.fixture
def book(people):
    a_year_of_applications(YEAR, people)
    YearlyFigures.objects.create(
        year=YEAR, office=people.admin_office, licences=5, coercions=2, fees=Decimal("1.2345")
    )
    Appeal.objects.create(
        kind=Appeal.Kind.REVIEW,
        office=people.admin_office,
        filed_on=f"{YEAR}-04-01",
        body="扎兰屯市人民政府",
        subject="不服答复",
        result=Appeal.Result.UPHELD,
        decided_on=f"{YEAR}-05-20",
    )
    return load_workbook(io.BytesIO(workbook(annual_figures(YEAR))))


def merged(sheet) -> set[str]:
    return {str(cell_range) for cell_range in sheet.merged_cells.ranges}


def test_one_sheet_a_table(book):
    assert book.sheetnames == ["表二", "表三", "表四"]
    assert book["表二"]["A1"].value == "二、主动公开政府信息情况"
    assert book["表三"]["A1"].value == "三、收到和处理政府信息公开申请情况"
    assert book["表四"]["A1"].value == "四、政府信息公开行政复议、行政诉讼情况"


def test_table_two_stacks_its_four_parts(book):
    sheet = book["表二"]
    assert {"A1:D1", "A2:D2", "A6:D6", "B7:D7", "B8:D8", "B15:D15"} <= merged(sheet)
    assert [sheet.cell(3, col).value for col in range(1, 5)] == [
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]
    assert (sheet["A2"].value, sheet["A6"].value) == ("第二十条第（一）项", "第二十条第（五）项")
    assert (sheet["A5"].value, sheet["B5"].value) == ("行政规范性文件", 0)
    assert (sheet["A8"].value, sheet["B8"].value) == ("行政许可", 5)
    assert (sheet["A12"].value, sheet["B12"].value) == ("行政强制", 2)
    fee = sheet["B15"]
    assert sheet["A15"].value == "行政事业性收费"
    assert sheet["B14"].value == "本年收费金额（单位：万元）"
    assert fee.value == pytest.approx(1.2345) and fee.number_format == "0.0000"


def test_table_three_has_the_formats_merged_headers(book):
    sheet = book["表三"]
    assert {
        "A2:C4",  # the corner, with the check's wording
        "D2:J2",  # 申请人情况
        "D3:D4",  # 自然人
        "E3:I3",  # 法人或其他组织
        "J3:J4",  # 总计
        "A5:C5",  # 一、本年新收
        "A7:A28",  # 三、本年度办理结果
        "B7:C7",  # （一）予以公开
        "B9:B16",  # （三）不予公开, eight rows
        "B17:B19",  # （四）无法提供
        "B20:B24",  # （五）不予处理
        "B25:B27",  # （六）其他处理
        "B28:C28",  # （七）总计
        "A29:C29",  # 四、结转下年度继续办理
    } <= merged(sheet)
    assert sheet["A2"].value.startswith("（本列数据的勾稽关系为")
    assert (sheet["D2"].value, sheet["E3"].value, sheet["J3"].value) == (
        "申请人情况",
        "法人或其他组织",
        "总计",
    )
    assert [sheet.cell(4, col).value for col in range(5, 10)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert sheet["A7"].value == "三、本年度办理结果"
    assert (sheet["B9"].value, sheet["C9"].value) == ("（三）不予公开", "1.属于国家秘密")
    assert [sheet.cell(5, col).value for col in range(4, 11)] == [2, 0, 0, 0, 0, 0, 2]
    assert (sheet["D7"].value, sheet["J28"].value, sheet["J29"].value) == (1, 1, 1)
    assert isinstance(sheet["D5"].value, int)


def test_table_four_is_one_row_of_fifteen_numbers(book):
    sheet = book["表四"]
    assert {"A2:E2", "F2:O2", "A3:A4", "E3:E4", "F3:J3", "K3:O3"} <= merged(sheet)
    assert (sheet["A2"].value, sheet["F2"].value) == ("行政复议", "行政诉讼")
    assert (sheet["F3"].value, sheet["K3"].value) == ("未经复议直接起诉", "复议后起诉")
    assert [sheet.cell(3, col).value for col in range(1, 6)] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]
    assert [sheet.cell(5, col).value for col in range(1, 16)] == [1, 0, 0, 0, 1] + [0] * 10


def test_the_file_name():
    assert workbook_name(2026) == "2026年政府信息公开工作年度报告统计表.xlsx"
