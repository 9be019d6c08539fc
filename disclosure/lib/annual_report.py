"""The annual report's figures as data (国办公开办函〔2021〕30号): tables 二, 三 and 四, the check, their JSON.

Pure: what the figures are and how they are written and read back, not
where they come from (`disclosure.selectors.annual_report` counts them).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

TOTAL = "总计"
# 申请人情况: 自然人, then the five kinds of 法人或其他组织, then their sum.
COLUMNS: tuple[str, ...] = (
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    TOTAL,
)

WAN = Decimal("0.0001")  # 万元 to four places: one 元
YUAN = Decimal("0.01")

RECEIVED = "一、本年新收政府信息公开申请数量"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
HANDLED = "（七）总计"
CARRIED_OUT = "四、结转下年度继续办理"


# -- the tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Regulations:
    """One row of table 二's 第二十条第（一）项."""

    issued: int
    repealed: int
    in_force: int


@dataclass(frozen=True)
class Table2:
    rules: Regulations
    normative: Regulations
    licences: int
    penalties: int
    coercions: int
    fees: Decimal  # 万元, four places


@dataclass(frozen=True)
class Table3Row:
    label: str
    group: str
    values: tuple[int, ...]  # seven, in COLUMNS order


@dataclass(frozen=True)
class Table3:
    rows: tuple[Table3Row, ...]

    def row(self, label: str) -> Table3Row:
        for row in self.rows:
            if row.label == label:
                return row
        raise KeyError(label)


@dataclass(frozen=True)
class Outcomes:
    """One block of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结."""

    upheld: int
    corrected: int
    other: int
    pending: int

    @property
    def total(self) -> int:
        return self.upheld + self.corrected + self.other + self.pending


@dataclass(frozen=True)
class Table4:
    review: Outcomes
    direct_suit: Outcomes
    suit_after_review: Outcomes


@dataclass(frozen=True)
class ColumnCheck:
    """The 勾稽 check of one column: 一 + 二 = 三（七） + 四."""

    column: str
    received: int
    carried_in: int
    handled: int
    carried_out: int

    @property
    def difference(self) -> int:
        return (self.received + self.carried_in) - (self.handled + self.carried_out)

    @property
    def ok(self) -> bool:
        return self.difference == 0

    def sentence(self) -> str:
        return (
            f"{self.column}一栏，一、二项之和为{self.received + self.carried_in}，"
            f"三（七）、四项之和为{self.handled + self.carried_out}，相差{abs(self.difference)}。"
        )


@dataclass(frozen=True)
class Check:
    columns: tuple[ColumnCheck, ...]

    @property
    def ok(self) -> bool:
        return all(column.ok for column in self.columns)

    @property
    def failures(self) -> tuple[ColumnCheck, ...]:
        return tuple(column for column in self.columns if not column.ok)

    def message(self) -> str:
        """What is wrong, for the member of staff; "" when every column balances."""
        if self.ok:
            return ""
        return "勾稽关系不成立：" + "".join(column.sentence() for column in self.failures)


# -- JSON keys: the format's own words ------------------------------------------------------

REGULATION_KEYS = ("本年制发件数", "本年废止件数", "现行有效件数")
DECISIONS = "本年处理决定数量"
FEE_AMOUNT = "本年收费金额（单位：万元）"
OUTCOME_KEYS = ("结果维持", "结果纠正", "其他结果", "尚未审结")


def _regulations_json(row: Regulations) -> dict:
    return dict(zip(REGULATION_KEYS, (row.issued, row.repealed, row.in_force), strict=True))


def _regulations(data: dict) -> Regulations:
    return Regulations(*(int(data[key]) for key in REGULATION_KEYS))


def _outcomes_json(block: Outcomes) -> dict:
    values = (block.upheld, block.corrected, block.other, block.pending)
    return {**dict(zip(OUTCOME_KEYS, values, strict=True)), TOTAL: block.total}


def _outcomes(data: dict) -> Outcomes:
    return Outcomes(*(int(data[key]) for key in OUTCOME_KEYS))


@dataclass(frozen=True)
class AnnualFigures:
    year: int
    table2: Table2
    table3: Table3
    table4: Table4
    check: Check
    fees_collected: Decimal  # 信息处理费 paid in the year, 元
    fee_notices: int  # 收费通知 the applicants received in the year
    has_data: bool

    def as_json(self) -> dict:
        """The figures as `manage.py annual_report --json` prints them and the report keeps them."""
        t2, t4 = self.table2, self.table4
        return {
            "year": self.year,
            "table2": {
                "规章": _regulations_json(t2.rules),
                "行政规范性文件": _regulations_json(t2.normative),
                "行政许可": {DECISIONS: t2.licences},
                "行政处罚": {DECISIONS: t2.penalties},
                "行政强制": {DECISIONS: t2.coercions},
                "行政事业性收费": {FEE_AMOUNT: str(t2.fees.quantize(WAN))},
            },
            "table3": {
                "columns": list(COLUMNS),
                "rows": [
                    {"label": row.label, "group": row.group, "values": list(row.values)}
                    for row in self.table3.rows
                ],
            },
            "table4": {
                "行政复议": _outcomes_json(t4.review),
                "行政诉讼": {
                    "未经复议直接起诉": _outcomes_json(t4.direct_suit),
                    "复议后起诉": _outcomes_json(t4.suit_after_review),
                },
            },
            "check": {
                "ok": self.check.ok,
                "columns": [
                    {
                        "column": column.column,
                        "一": column.received,
                        "二": column.carried_in,
                        "三（七）": column.handled,
                        "四": column.carried_out,
                        "差额": column.difference,
                    }
                    for column in self.check.columns
                ],
            },
            "fees_collected": str(self.fees_collected.quantize(YUAN)),
            "fee_notices": self.fee_notices,
        }

    @classmethod
    def from_json(cls, data: dict) -> AnnualFigures:
        """The figures again from `as_json()` (as frozen in a generated report)."""
        t2, t4 = data["table2"], data["table4"]
        table2 = Table2(
            rules=_regulations(t2["规章"]),
            normative=_regulations(t2["行政规范性文件"]),
            licences=int(t2["行政许可"][DECISIONS]),
            penalties=int(t2["行政处罚"][DECISIONS]),
            coercions=int(t2["行政强制"][DECISIONS]),
            fees=Decimal(t2["行政事业性收费"][FEE_AMOUNT]).quantize(WAN),
        )
        table3 = Table3(
            tuple(
                Table3Row(row["label"], row["group"], tuple(int(v) for v in row["values"]))
                for row in data["table3"]["rows"]
            )
        )
        table4 = Table4(
            review=_outcomes(t4["行政复议"]),
            direct_suit=_outcomes(t4["行政诉讼"]["未经复议直接起诉"]),
            suit_after_review=_outcomes(t4["行政诉讼"]["复议后起诉"]),
        )
        check = Check(
            tuple(
                ColumnCheck(
                    column["column"],
                    int(column["一"]),
                    int(column["二"]),
                    int(column["三（七）"]),
                    int(column["四"]),
                )
                for column in data["check"]["columns"]
            )
        )
        return figures_of(
            year=int(data["year"]),
            table2=table2,
            table3=table3,
            table4=table4,
            check=check,
            fees_collected=Decimal(data["fees_collected"]).quantize(YUAN),
            fee_notices=int(data["fee_notices"]),
        )


def figures_of(**parts) -> AnnualFigures:
    """The figures, with `has_data` said by the numbers themselves (so JSON gives it back)."""
    t2, t3, t4 = parts["table2"], parts["table3"], parts["table4"]
    numbers = [
        t2.rules.issued,
        t2.rules.repealed,
        t2.normative.issued,
        t2.normative.repealed,
        t2.licences,
        t2.penalties,
        t2.coercions,
        t2.fees,
        *(value for row in t3.rows for value in row.values),
        t4.review.total,
        t4.direct_suit.total,
        t4.suit_after_review.total,
        parts["fees_collected"],
        parts["fee_notices"],
    ]
    # 现行有效件数 alone is no sign of the year: it only carries earlier years forward.
    return AnnualFigures(**parts, has_data=any(numbers))
