import json

from django.core.management import BaseCommand, CommandError
from django.utils import timezone

from disclosure.lib.annual_report import COLUMNS, AnnualFigures
from disclosure.models.reports import FIRST_YEAR
from disclosure.selectors.annual_report import annual_figures


def width(text: str) -> int:
    """Columns the text takes in a terminal: Chinese characters take two."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def pad(text: str, size: int, *, right: bool = False) -> str:
    space = " " * max(size - width(text), 0)
    return space + text if right else text + space


class Command(BaseCommand):
    help = (
        "计算政府信息公开工作年度报告的统计表（表二、表三、表四）和勾稽关系检查。"
        "加 --json 输出报告保存的JSON数据。勾稽关系不成立时照常输出，退出码仍为0："
        "文字输出在表三下方说明哪一栏不平；JSON中 check.ok 为 false，说明另写到标准错误输出。"
        "年度无效或该年度没有任何数据时以非零退出码结束。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="报告年度，例如 2026。")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="输出JSON，而不是文字表格。"
        )

    def handle(self, *args, year: str, as_json: bool = False, **options):
        figures = annual_figures(self._year(year))
        if not figures.has_data:
            raise CommandError(
                f"{figures.year}年度没有任何统计数据（申请、文件、填报数据或复议诉讼），无法生成统计表。"
            )
        if as_json:
            self.stdout.write(dumps(figures))
            if not figures.check.ok:
                self.stderr.write(figures.check.message())
        else:
            self.stdout.write("\n".join(text_tables(figures)))

    def _year(self, given: str) -> int:
        last = timezone.localdate().year + 1
        text = str(given).strip()
        if not (text.isascii() and text.isdigit()):
            raise CommandError(f"年度“{given}”不是数字，请填写四位数的年份，例如 2026。")
        year = int(text)
        if not FIRST_YEAR <= year <= last:
            raise CommandError(f"年度应在{FIRST_YEAR}年至{last}年之间，“{given}”不在其中。")
        return year


def dumps(figures: AnnualFigures) -> str:
    return json.dumps(figures.as_json(), ensure_ascii=False, indent=2)


def text_tables(figures: AnnualFigures) -> list[str]:
    """The three tables as a person reads them, columns aligned, and the check."""
    t2, t4 = figures.table2, figures.table4
    lines = [f"{figures.year}年政府信息公开工作年度报告统计表", "", "二、主动公开政府信息情况"]
    regulations = [("规章", t2.rules), ("行政规范性文件", t2.normative)]
    lines += _table(
        ["第二十条第（一）项", "本年制发件数", "本年废止件数", "现行有效件数"],
        [[name, row.issued, row.repealed, row.in_force] for name, row in regulations],
    )
    lines += _table(["第二十条第（五）项", "本年处理决定数量"], [["行政许可", t2.licences]])
    lines += _table(
        ["第二十条第（六）项", "本年处理决定数量"],
        [["行政处罚", t2.penalties], ["行政强制", t2.coercions]],
    )
    lines += _table(
        ["第二十条第（八）项", "本年收费金额（单位：万元）"], [["行政事业性收费", f"{t2.fees:.4f}"]]
    )
    lines += ["", "三、收到和处理政府信息公开申请情况"]
    lines += _table(["", *COLUMNS], _table3_rows(figures))
    lines.append(
        "勾稽关系：一、二项之和等于三（七）、四项之和，各栏均成立。"
        if figures.check.ok
        else figures.check.message()
    )
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况"]
    blocks = [
        ("行政复议", t4.review),
        ("行政诉讼（未经复议直接起诉）", t4.direct_suit),
        ("行政诉讼（复议后起诉）", t4.suit_after_review),
    ]
    lines += _table(
        ["", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        [
            [name, block.upheld, block.corrected, block.other, block.pending, block.total]
            for name, block in blocks
        ],
    )
    lines += [
        "",
        f"信息处理费：本年收取{figures.fees_collected:.2f}元，"
        f"申请人收到收费通知{figures.fee_notices}件。",
    ]
    return lines


def _table3_rows(figures: AnnualFigures) -> list[list]:
    """Table 三's rows as the format lays them out: headings of their own, sub-rows indented."""
    rows: list[list] = []
    group = None
    for row in figures.table3.rows:
        if row.label == "（一）予以公开":
            rows.append(["三、本年度办理结果"])
        if row.group and row.group != group:
            rows.append([f"\u3000\u3000{row.group}"])
        group = row.group
        indent = "\u3000" * (4 if row.group else 2 if row.label.startswith("（") else 0)
        rows.append([f"{indent}{row.label}", *row.values])
    return rows


def _table(head: list, rows: list[list]) -> list[str]:
    """Columns aligned: text to the left, numbers to the right; a heading row is its text alone."""
    cells = [[str(cell) for cell in row] + [""] * (len(head) - len(row)) for row in [head, *rows]]
    sizes = [max(width(row[i]) for row in cells) for i in range(len(head))]
    return [
        "  ".join(
            pad(cell, sizes[i], right=i > 0 and row is not cells[0]) for i, cell in enumerate(row)
        ).rstrip()
        for row in cells
    ]
