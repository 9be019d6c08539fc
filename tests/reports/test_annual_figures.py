"""The annual report's tables, counted from two years of work and checked cell by cell.

The expected numbers are written out by hand from the comments in
`tests/annual.py`, not computed: each application is placed in its row and
column by its dates, its applicant and its reply.
"""

import datetime as dt
import json
from decimal import Decimal

import pytest

from disclosure.lib.annual_report import COLUMNS, AnnualFigures, Outcomes, Regulations
from disclosure.models import InformationRequest, ReplyType
from disclosure.selectors.annual_report import annual_figures
from tests.annual import two_years

Status = InformationRequest.Status


@pytest.fixture
def data(people):
    return two_years(people)


# The rows of table 三 in the format's order, with their headings, and 2026's numbers:
# 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
TABLE_3_2026 = [
    ("一、本年新收政府信息公开申请数量", "", (8, 6, 5, 5, 4, 5, 33)),
    ("二、上年结转政府信息公开申请数量", "", (2, 0, 1, 0, 1, 0, 4)),
    ("（一）予以公开", "", (4, 1, 0, 1, 1, 1, 8)),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", (1, 1, 0, 0, 0, 1, 3)),
    ("1.属于国家秘密", "（三）不予公开", (0, 0, 1, 0, 0, 0, 1)),
    ("2.其他法律行政法规禁止公开", "（三）不予公开", (0, 0, 0, 1, 0, 0, 1)),
    ("3.危及“三安全一稳定”", "（三）不予公开", (0, 0, 0, 0, 1, 0, 1)),
    ("4.保护第三方合法权益", "（三）不予公开", (0, 0, 0, 0, 0, 1, 1)),
    ("5.属于三类内部事务信息", "（三）不予公开", (1, 0, 0, 0, 0, 0, 1)),
    ("6.属于四类过程性信息", "（三）不予公开", (0, 1, 0, 0, 0, 0, 1)),
    ("7.属于行政执法案卷", "（三）不予公开", (0, 0, 1, 0, 0, 0, 1)),
    ("8.属于行政查询事项", "（三）不予公开", (0, 0, 0, 1, 0, 0, 1)),
    ("1.本机关不掌握相关政府信息", "（四）无法提供", (0, 0, 0, 0, 2, 0, 2)),
    ("2.没有现成信息需要另行制作", "（四）无法提供", (0, 0, 0, 0, 0, 1, 1)),
    ("3.补正后申请内容仍不明确", "（四）无法提供", (1, 0, 0, 0, 0, 0, 1)),
    ("1.信访举报投诉类申请", "（五）不予处理", (0, 1, 0, 0, 0, 0, 1)),
    ("2.重复申请", "（五）不予处理", (0, 0, 1, 0, 0, 0, 1)),
    ("3.要求提供公开出版物", "（五）不予处理", (0, 0, 0, 1, 0, 0, 1)),
    ("4.无正当理由大量反复申请", "（五）不予处理", (0, 0, 0, 0, 1, 0, 1)),
    ("5.要求行政机关确认或重新出具已获取信息", "（五）不予处理", (0, 0, 0, 0, 0, 1, 1)),
    (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "（六）其他处理",
        (1, 0, 1, 0, 0, 0, 2),
    ),
    (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "（六）其他处理",
        (0, 1, 0, 0, 0, 0, 1),
    ),
    ("3.其他", "（六）其他处理", (0, 0, 1, 0, 0, 0, 1)),
    ("（七）总计", "", (8, 5, 5, 4, 5, 5, 32)),
    ("四、结转下年度继续办理", "", (2, 1, 1, 1, 0, 0, 5)),
]


def test_the_report_columns_are_the_applicant_types_in_their_order():
    assert (*InformationRequest.ApplicantType.labels, "总计") == COLUMNS


def test_the_fixture_covers_every_applicant_type_and_every_reply(data):
    applications = InformationRequest.objects.all()
    assert applications.count() == 41
    types = set(applications.values_list("applicant_type", flat=True))
    assert types == set(InformationRequest.ApplicantType.values)
    replies = set(applications.exclude(reply_type="").values_list("reply_type", flat=True))
    assert replies == set(ReplyType.values)


def test_every_cell_of_table_three_for_2026(data):
    table = annual_figures(2026).table3
    assert [(row.label, row.group, row.values) for row in table.rows] == TABLE_3_2026


def test_table_three_for_2025_counts_the_year_end_by_the_dates(data):
    table = annual_figures(2025).table3
    # Received in 2025: two people (one on 31 December), and one of each organisation
    # but 其他, whose online application of 31 December was confirmed on 4 January.
    assert table.row("一、本年新收政府信息公开申请数量").values == (2, 1, 1, 1, 1, 0, 6)
    assert table.row("二、上年结转政府信息公开申请数量").values == (0, 0, 0, 0, 0, 0, 0)
    partly = table.row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    assert partly.values == (0, 1, 0, 0, 0, 0, 1)
    assert table.row("1.属于国家秘密").values == (0, 0, 0, 1, 0, 0, 1)
    assert table.row("（一）予以公开").values == (0, 0, 0, 0, 0, 0, 0)
    assert table.row("（七）总计").values == (0, 1, 0, 1, 0, 0, 2)
    # Answered on 2 January, lapsed on 12 January, answered on 6 January, waiting for a third party.
    assert table.row("四、结转下年度继续办理").values == (2, 0, 1, 0, 1, 0, 4)


def test_the_check_holds_in_every_column_of_both_years(data):
    for year, (received, carried_in, handled, carried_out) in {
        2025: (6, 0, 2, 4),
        2026: (33, 4, 32, 5),
    }.items():
        check = annual_figures(year).check
        assert check.ok and check.failures == () and check.message() == ""
        assert [column.column for column in check.columns] == list(COLUMNS)
        total = check.columns[-1]
        assert (total.received, total.carried_in, total.handled, total.carried_out) == (
            received,
            carried_in,
            handled,
            carried_out,
        )


def test_table_two_counts_regulations_and_sums_the_offices_figures(data):
    table = annual_figures(2026).table2
    # Issued: two in the year and one at 23:30 on 31 December; not the one at 00:30 on
    # 1 January 2027, nor the withdrawn one, nor the pending revision. Repealed: one.
    # In force: the one of 2024 and the three of 2026 (one expired in 2025, one repealed).
    assert table.normative == Regulations(issued=3, repealed=1, in_force=4)
    assert table.rules == Regulations(issued=1, repealed=0, in_force=1)
    assert (table.licences, table.penalties, table.coercions) == (42, 3, 3)
    assert table.fees == Decimal("1.7345")
    assert str(table.fees) == "1.7345"

    before = annual_figures(2025).table2
    assert before.normative == Regulations(issued=1, repealed=0, in_force=2)
    assert before.rules == Regulations(issued=0, repealed=0, in_force=0)
    assert (before.licences, before.penalties, before.coercions) == (7, 1, 0)
    assert str(before.fees) == "0.0100"

    after = annual_figures(2027).table2
    assert after.normative == Regulations(issued=1, repealed=0, in_force=5)


def test_fees_collected_and_notices_by_their_own_dates(data):
    figures = annual_figures(2026)
    # Paid in 2026: 30.00 (notified in 2025) and 150.00; the unpaid 100.00 is not money.
    assert figures.fees_collected == Decimal("180.00")
    assert figures.fee_notices == 2
    before = annual_figures(2025)
    assert (before.fees_collected, before.fee_notices) == (Decimal("0.00"), 1)


def test_table_four_counts_decisions_in_the_year_and_what_was_open_at_its_end(data):
    table = annual_figures(2026).table4
    # Pending: one not decided, one decided in January 2027. Corrected: one of them
    # filed in November 2025.
    assert table.review == Outcomes(upheld=1, corrected=2, other=1, pending=2)
    assert table.review.total == 6
    assert table.direct_suit == Outcomes(upheld=1, corrected=0, other=0, pending=1)
    assert table.direct_suit.total == 2
    assert table.suit_after_review == Outcomes(upheld=0, corrected=1, other=1, pending=0)
    assert table.suit_after_review.total == 2

    before = annual_figures(2025).table4
    assert before.review == Outcomes(upheld=0, corrected=0, other=0, pending=1)
    assert before.direct_suit == Outcomes(upheld=1, corrected=0, other=0, pending=0)
    assert before.suit_after_review.total == 0


def test_the_json_gives_the_same_figures_back(data):
    for year in (2025, 2026, 2027):
        figures = annual_figures(year)
        through_text = json.loads(json.dumps(figures.as_json(), ensure_ascii=False))
        assert AnnualFigures.from_json(through_text) == figures


def test_the_json_has_the_formats_words(data):
    shown = annual_figures(2026).as_json()
    assert shown["year"] == 2026
    assert shown["table2"]["行政规范性文件"] == {
        "本年制发件数": 3,
        "本年废止件数": 1,
        "现行有效件数": 4,
    }
    assert shown["table2"]["行政许可"] == {"本年处理决定数量": 42}
    assert shown["table2"]["行政事业性收费"] == {"本年收费金额（单位：万元）": "1.7345"}
    assert shown["table3"]["columns"] == list(COLUMNS)
    assert shown["table3"]["rows"][0] == {
        "label": "一、本年新收政府信息公开申请数量",
        "group": "",
        "values": [8, 6, 5, 5, 4, 5, 33],
    }
    assert shown["table4"]["行政复议"] == {
        "结果维持": 1,
        "结果纠正": 2,
        "其他结果": 1,
        "尚未审结": 2,
        "总计": 6,
    }
    assert shown["table4"]["行政诉讼"]["复议后起诉"]["总计"] == 2
    assert shown["check"]["ok"] is True
    assert shown["check"]["columns"][0] == {
        "column": "自然人",
        "一": 8,
        "二": 2,
        "三（七）": 8,
        "四": 2,
        "差额": 0,
    }
    assert (shown["fees_collected"], shown["fee_notices"]) == ("180.00", 2)


def test_a_reply_dated_before_the_receipt_fails_the_check(data):
    # Received on 31 December 2025, answered on 2 January 2026; forged as received on
    # 3 January 2026 and answered on 30 December 2025.
    InformationRequest.objects.filter(pk=data.applications.p_new_year.pk).update(
        received_on=dt.date(2026, 1, 3), replied_on=dt.date(2025, 12, 30)
    )
    check = annual_figures(2026).check
    assert not check.ok
    assert [column.column for column in check.failures] == ["自然人", "总计"]
    assert check.failures[0].difference == 1
    assert check.message() == (
        "勾稽关系不成立：自然人一栏，一、二项之和为10，三（七）、四项之和为9，相差1。"
        "总计一栏，一、二项之和为37，三（七）、四项之和为36，相差1。"
    )
    shown = annual_figures(2026).as_json()["check"]
    assert shown["ok"] is False
    assert shown["columns"][0]["差额"] == 1


def test_an_application_closed_without_a_date_fails_the_check(data):
    InformationRequest.objects.filter(pk=data.applications.b_open.pk).update(
        status=Status.CLOSED, reply_type=ReplyType.OTHER
    )
    check = annual_figures(2026).check
    assert check.message() == (
        "勾稽关系不成立：商业企业一栏，一、二项之和为6，三（七）、四项之和为5，相差1。"
        "总计一栏，一、二项之和为37，三（七）、四项之和为36，相差1。"
    )
    # It is carried into no later year either.
    assert annual_figures(2027).table3.row("二、上年结转政府信息公开申请数量").values[1] == 0


def test_a_year_with_nothing_in_it_has_no_data(data):
    figures = annual_figures(2023)
    assert not figures.has_data
    assert figures.check.ok
    assert all(value == 0 for row in figures.table3.rows for value in row.values)
    assert annual_figures(2026).has_data and annual_figures(2025).has_data


def test_the_figures_take_one_query_a_table(data, django_assert_num_queries):
    # Documents, offices' figures, applications, appeals, fees.
    with django_assert_num_queries(5):
        annual_figures(2026)
