"""manage.py annual_report: the tables as text or JSON, and the years it refuses."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from disclosure.management.commands.annual_report import width
from disclosure.models import InformationRequest
from disclosure.selectors.annual_report import annual_figures
from tests.annual import two_years


@pytest.fixture
def data(people):
    return two_years(people)


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("annual_report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_prints_the_figures_as_the_report_keeps_them(data):
    out, err = run("--year", "2026", "--json")
    printed = json.loads(out)
    assert printed == annual_figures(2026).as_json()
    assert printed["table3"]["rows"][-1] == {
        "label": "四、结转下年度继续办理",
        "group": "",
        "values": [2, 1, 1, 1, 0, 0, 5],
    }
    assert printed["table2"]["行政事业性收费"]["本年收费金额（单位：万元）"] == "1.7345"
    assert printed["table4"]["行政诉讼"]["未经复议直接起诉"]["尚未审结"] == 1
    assert printed["check"]["ok"] is True
    assert "自然人" in out  # Chinese as it is, not escaped
    assert err == ""


def test_text_prints_the_three_tables_aligned_and_the_check(data):
    out, _ = run("--year", "2026")
    lines = out.splitlines()
    assert lines[0] == "2026年政府信息公开工作年度报告统计表"
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("勾稽关系：一、二项之和等于三（七）、四项之和，各栏均成立。")
    table = lines[start + 1 : end]
    heads = "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
    assert table[0].split() == heads.split()
    assert table[1].split() == [
        "一、本年新收政府信息公开申请数量",
        "8",
        "6",
        "5",
        "5",
        "4",
        "5",
        "33",
    ]
    assert table[3] == "三、本年度办理结果"
    assert table[6] == "\u3000\u3000（三）不予公开"
    assert table[7].split() == ["1.属于国家秘密", "0", "0", "1", "0", "0", "0", "1"]
    assert table[-1].split() == ["四、结转下年度继续办理", "2", "1", "1", "1", "0", "0", "5"]
    # 25 rows of numbers, and the numbers stand in columns: each such row ends where the heads end.
    numbered = [line for line in table if line[-1].isdigit()]
    assert len(numbered) == 25
    assert {width(line) for line in numbered} == {width(table[0])}
    assert "行政规范性文件                 3             1             4" in lines
    assert "行政事业性收费                          1.7345" in lines
    assert "行政复议                             1         2         1         2     6" in lines
    assert "信息处理费：本年收取180.00元，申请人收到收费通知2件。" in lines


def test_a_failing_check_is_printed_and_the_json_still_comes(data):
    InformationRequest.objects.filter(pk=data.applications.p_new_year.pk).update(
        received_on=dt.date(2026, 1, 3), replied_on=dt.date(2025, 12, 30)
    )
    message = (
        "勾稽关系不成立：自然人一栏，一、二项之和为10，三（七）、四项之和为9，相差1。"
        "总计一栏，一、二项之和为37，三（七）、四项之和为36，相差1。"
    )
    out, _ = run("--year", "2026")
    assert message in out.splitlines()
    out, err = run("--year", "2026", "--json")
    assert json.loads(out)["check"]["ok"] is False
    assert err.strip() == message


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("二〇二六", "不是数字"),
        ("２０２６", "不是数字"),
        ("2026.0", "不是数字"),
        ("", "不是数字"),
        ("2007", "应在2008年至"),
        ("2100", "应在2008年至"),
        ("-2026", "不是数字"),
    ],
)
def test_a_bad_year_exits_non_zero_in_chinese(db, year, message):
    with pytest.raises(CommandError, match=message):
        run("--year", year)


def test_a_year_without_data_exits_non_zero(data):
    with pytest.raises(CommandError, match="2023年度没有任何统计数据"):
        run("--year", "2023", "--json")


def test_an_empty_database_has_no_year_with_data(db):
    with pytest.raises(CommandError, match="没有任何统计数据"):
        run("--year", str(dt.date.today().year))
