"""The annual report's tables 二, 三 and 四 in the national layout, as cells, and as a workbook.

One layout serves the report's body, its admin page and its Excel
workbook: each table is a caption, header rows and body rows of cells, each
cell a header (with its `scope`) or a value, spanning columns and rows as
the national format (国办公开办函〔2021〕30号) merges them. The web page shows
the four parts of table 二 as four small tables, each with its caption; the
workbook stacks them on one sheet as the format prints them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from disclosure.lib.annual_report import COLUMNS, AnnualFigures, Outcomes

FEE_FORMAT = "0.0000"
CHECK_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ORGANISATIONS = COLUMNS[1:6]
OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
HANDLED = "三、本年度办理结果"


@dataclass(frozen=True)
class Cell:
    """A header cell (with its scope) or a value cell; `value` is words, a count or an amount."""

    value: str | int | Decimal
    scope: str = ""  # "col", "row", "colgroup" or "rowgroup" for a header; "" for a value
    colspan: int = 1
    rowspan: int = 1
    header: bool = True

    @property
    def text(self) -> str:
        if isinstance(self.value, Decimal):
            return f"{self.value:.4f}"
        return str(self.value)


def _head(value: str, scope: str = "col", colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(value, scope, colspan, rowspan)


def _value(value: int | Decimal, colspan: int = 1) -> Cell:
    return Cell(value, colspan=colspan, header=False)


@dataclass(frozen=True)
class Table:
    caption: str
    head: tuple[tuple[Cell, ...], ...]
    body: tuple[tuple[Cell, ...], ...]

    @property
    def width(self) -> int:
        """Columns: those of a full body row (the first one is)."""
        return sum(cell.colspan for cell in self.body[0])


@dataclass(frozen=True)
class Section:
    heading: str  # the report's own words: "二、主动公开政府信息情况"
    sheet: str  # the workbook's sheet: "表二"
    tables: tuple[Table, ...]


def _count_table(caption: str, label: str, rows: list[tuple[str, int | Decimal]]) -> Table:
    return Table(
        caption,
        ((_head("信息内容"), _head(label)),),
        tuple((_head(name, "row"), _value(value)) for name, value in rows),
    )


def table2(figures: AnnualFigures) -> Section:
    t = figures.table2
    regulations = Table(
        "第二十条第（一）项",
        ((_head("信息内容"), _head("本年制发件数"), _head("本年废止件数"), _head("现行有效件数")),),
        tuple(
            (_head(name, "row"), _value(r.issued), _value(r.repealed), _value(r.in_force))
            for name, r in (("规章", t.rules), ("行政规范性文件", t.normative))
        ),
    )
    decided = "本年处理决定数量"
    return Section(
        "二、主动公开政府信息情况",
        "表二",
        (
            regulations,
            _count_table("第二十条第（五）项", decided, [("行政许可", t.licences)]),
            _count_table(
                "第二十条第（六）项",
                decided,
                [("行政处罚", t.penalties), ("行政强制", t.coercions)],
            ),
            _count_table(
                "第二十条第（八）项", "本年收费金额（单位：万元）", [("行政事业性收费", t.fees)]
            ),
        ),
    )


def table3(figures: AnnualFigures) -> Section:
    head = (
        (
            Cell(CHECK_NOTE, colspan=3, rowspan=3, header=False),
            _head("申请人情况", "colgroup", colspan=len(COLUMNS)),
        ),
        (
            _head(COLUMNS[0], rowspan=2),
            _head("法人或其他组织", "colgroup", colspan=len(ORGANISATIONS)),
            _head(COLUMNS[-1], rowspan=2),
        ),
        tuple(_head(name) for name in ORGANISATIONS),
    )
    rows = figures.table3.rows
    handled = [row for row in rows if not row.label.startswith(("一、", "二、", "四、"))]
    group_sizes: dict[str, int] = {}
    for row in handled:
        if row.group:
            group_sizes[row.group] = group_sizes.get(row.group, 0) + 1
    body = []
    seen_groups: set[str] = set()
    for row in rows:
        cells = []
        if row not in handled:
            cells.append(_head(row.label, "row", colspan=3))
        else:
            if row is handled[0]:
                cells.append(_head(HANDLED, "rowgroup", rowspan=len(handled)))
            if not row.group:
                cells.append(_head(row.label, "row", colspan=2))
            else:
                if row.group not in seen_groups:
                    seen_groups.add(row.group)
                    cells.append(_head(row.group, "rowgroup", rowspan=group_sizes[row.group]))
                cells.append(_head(row.label, "row"))
        body.append((*cells, *(_value(value) for value in row.values)))
    return Section(
        "三、收到和处理政府信息公开申请情况",
        "表三",
        (Table("收到和处理政府信息公开申请情况", head, tuple(body)),),
    )


def _outcomes(outcomes: Outcomes) -> tuple[Cell, ...]:
    values = (outcomes.upheld, outcomes.corrected, outcomes.other, outcomes.pending, outcomes.total)
    return tuple(_value(value) for value in values)


def table4(figures: AnnualFigures) -> Section:
    t = figures.table4
    head = (
        (
            _head("行政复议", "colgroup", colspan=len(OUTCOMES)),
            _head("行政诉讼", "colgroup", colspan=2 * len(OUTCOMES)),
        ),
        (
            *(_head(name, rowspan=2) for name in OUTCOMES),
            _head("未经复议直接起诉", "colgroup", colspan=len(OUTCOMES)),
            _head("复议后起诉", "colgroup", colspan=len(OUTCOMES)),
        ),
        tuple(_head(name) for name in OUTCOMES * 2),
    )
    body = ((*_outcomes(t.review), *_outcomes(t.direct_suit), *_outcomes(t.suit_after_review)),)
    return Section(
        "四、政府信息公开行政复议、行政诉讼情况",
        "表四",
        (Table("政府信息公开行政复议、行政诉讼情况", head, body),),
    )


def sections(figures: AnnualFigures) -> tuple[Section, Section, Section]:
    """Tables 二, 三 and 四 of the report, in order."""
    return table2(figures), table3(figures), table4(figures)


# -- the workbook --------------------------------------------------------------

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _write_rows(ws, first_row: int, rows, width: int) -> int:
    """Write rows of cells from `first_row`, merging spans; return the next free row.

    A row narrower than the sheet (table 二's one-number tables) has its
    last cell stretched to the sheet's width, as the format prints it.
    """
    taken: set[tuple[int, int]] = set()
    for offset, cells in enumerate(rows):
        row = first_row + offset
        col = 1
        used = sum(cell.colspan for cell in cells) + sum(1 for r, _ in taken if r == row)
        for position, cell in enumerate(cells):
            while (row, col) in taken:
                col += 1
            colspan = cell.colspan
            if position == len(cells) - 1 and used < width:
                colspan += width - used
            target = ws.cell(row, col, cell.value)
            if isinstance(cell.value, Decimal):
                target.number_format = FEE_FORMAT
            if cell.header:
                target.font = Font(bold=True)
            if colspan > 1 or cell.rowspan > 1:
                ws.merge_cells(
                    start_row=row,
                    start_column=col,
                    end_row=row + cell.rowspan - 1,
                    end_column=col + colspan - 1,
                )
            for r in range(row, row + cell.rowspan):
                for c in range(col, col + colspan):
                    taken.add((r, c))
            col += colspan
    return first_row + len(rows)


def _sheet(wb: Workbook, section: Section) -> None:
    ws = wb.create_sheet(section.sheet)
    width = max(table.width for table in section.tables)
    ws.cell(1, 1, section.heading).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    row = 2
    for table in section.tables:
        if len(section.tables) > 1:
            row = _write_rows(ws, row, [(_head(table.caption, colspan=width),)], width)
        row = _write_rows(ws, row, [*table.head, *table.body], width)
    for line in ws.iter_rows(min_row=2, max_row=row - 1, max_col=width):
        for cell in line:
            cell.border = BORDER
            horizontal = "right" if isinstance(cell.value, int | float | Decimal) else "center"
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal=horizontal)
    for col in range(1, width + 1):
        ws.column_dimensions[get_column_letter(col)].width = 16 if col <= 3 else 11


def workbook(figures: AnnualFigures) -> bytes:
    """Tables 二, 三 and 四 as .xlsx bytes: one sheet each, headers merged as in the format."""
    wb = Workbook()
    wb.remove(wb.active)
    for section in sections(figures):
        _sheet(wb, section)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def workbook_name(year: int) -> str:
    return f"{year}年政府信息公开工作年度报告统计表.xlsx"
