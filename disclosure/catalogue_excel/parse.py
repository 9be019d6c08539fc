"""An uploaded workbook read into checked rows, with every problem found in it."""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import load_workbook

from disclosure.catalogue_excel.layout import (
    ALL_OFFICES,
    BLANKS,
    CONTENT,
    DEADLINE,
    DERIVED_PERIOD,
    EXTRA_COLUMNS,
    FIRST_COLUMNS,
    GROUP,
    LEVEL_HEADERS,
    MAX_FILE_BYTES,
    NO_LEVEL,
    OFFICE,
    OFFICE_SEPARATORS,
    PUBLIC,
    PUBLISHER,
    SLUG,
    TICKS,
    UNITS_SUFFIXES,
)
from disclosure.catalogue_excel.rows import ImportRow, ParseResult, WorkbookError
from disclosure.lib.deadlines import RuleError, parse_rule
from disclosure.models import MAX_LEVEL, CatalogueItem, Channel, Office


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _grid(file) -> list[list[str]]:
    """The first sheet as text, merged cells filled down their first column.

    A merged block in the published table stands for one value over several
    rows (a level-1 item over its children, a deadline over its group); a
    block merged across level columns means the item has no lower level, so
    only the block's first column is filled.
    """
    data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise WorkbookError(f"文件超过{MAX_FILE_BYTES // 1024 // 1024}MB，请检查是否选错了文件。")
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise WorkbookError("无法读取文件：请上传由 Excel 或 WPS 保存的 .xlsx 工作簿。") from exc
    ws = wb.worksheets[0]
    grid = [[_text(cell.value) for cell in row] for row in ws.iter_rows()]
    for block in ws.merged_cells.ranges:
        value = grid[block.min_row - 1][block.min_col - 1]
        for r in range(block.min_row, block.max_row + 1):
            grid[r - 1][block.min_col - 1] = value
    return grid


def _tick(value: str) -> bool | None:
    """True for a tick, False for a blank or an empty box, None for anything else."""
    lowered = value.lower()
    if lowered in TICKS:
        return True
    if lowered in BLANKS:
        return False
    return None


def _offices(text: str, by_name: dict[str, Office]) -> tuple[str, list[Office], list[str]]:
    """(scope, listed offices, unknown names) for the 责任科室 words."""
    scope = CatalogueItem.OfficeScope
    if text in ALL_OFFICES:
        return scope.ALL, [], []
    kind = scope.LISTED
    for suffix in UNITS_SUFFIXES:
        if text.endswith(suffix):
            kind, text = scope.LISTED_AND_UNITS, text.removesuffix(suffix)
            break
    found, unknown = [], []
    for name in filter(None, OFFICE_SEPARATORS.split(text)):
        office = by_name.get(name) or by_name.get(name.removeprefix("局"))
        if office is None:
            unknown.append(name)
        elif office not in found:
            found.append(office)
    return kind, found, unknown


def parse_workbook(file) -> ParseResult:
    """Read and check every row; the result carries either rows or errors."""
    result = ParseResult()
    try:
        grid = _grid(file)
    except WorkbookError as exc:
        result.errors.append(str(exc))
        return result

    header = next((i for i, row in enumerate(grid[:10]) if row[:3] == LEVEL_HEADERS), None)
    if header is None or header == 0:
        result.errors.append(
            "表头不符合目录格式：应有两行表头，第二行前三列为“一级事项、二级事项、三级事项”。"
            "请先导出目录，在导出的文件上修改。"
        )
        return result
    above, names = grid[header - 1], grid[header]
    problems = [
        f"第{header}行第{col + 1}列应为“{label}”"
        for col, label in zip((3, 4, 5), (CONTENT, DEADLINE, PUBLISHER), strict=True)
        if col >= len(above) or above[col] != label
    ]
    try:
        public_col = names.index(PUBLIC, FIRST_COLUMNS)
    except ValueError:
        public_col = None
        problems.append(f"第{header + 1}行找不到“{PUBLIC}”列")
    if public_col is not None:
        if public_col + 1 >= len(names) or names[public_col + 1] != GROUP:
            problems.append(f"第{header + 1}行“{PUBLIC}”后应为“{GROUP}”列")
        office_col = public_col + 2
        if office_col >= len(above) or above[office_col] != OFFICE:
            problems.append(f"第{header}行第{office_col + 1}列应为“{OFFICE}”")
    if problems:
        result.errors.append("表头不符合目录格式：" + "；".join(problems) + "。")
        return result
    extra_cols = {
        EXTRA_COLUMNS[above[col]]: col
        for col in range(office_col + 1, len(above))
        if above[col] in EXTRA_COLUMNS
    }
    choices = {
        field: {label: value for value, label in CatalogueItem._meta.get_field(field).choices}
        for field in ("presentation", "mode", "levels", "update_period")
    }
    choices["update_period"][DERIVED_PERIOD] = ""

    channels_by_name = {channel.name: channel for channel in Channel.objects.all()}
    channel_cols = []
    for col in range(FIRST_COLUMNS, public_col):
        channel = channels_by_name.get(names[col])
        if channel is None:
            result.errors.append(
                f"第{header + 1}行：公开渠道“{names[col]}”不存在，请先在后台添加该渠道。"
            )
        channel_cols.append((col, channel))
    if result.errors:
        return result

    offices_by_name = {office.name: office for office in Office.objects.all()}
    seen: dict[tuple[str, ...], int] = {}
    width = max([office_col, *extra_cols.values()]) + 1
    slugs: dict[tuple[tuple[str, ...], str], int] = {}
    for index, raw in enumerate(grid[header + 1 :], start=header + 2):
        row = raw + [""] * (width - len(raw))
        if not any(row):
            continue
        errors = []
        levels = [value if value not in NO_LEVEL else "" for value in row[:MAX_LEVEL]]
        path = [name for name in levels if name]
        if not levels[0]:
            errors.append("一级事项不能为空")
        elif levels != path + [""] * (MAX_LEVEL - len(path)):
            errors.append("事项层级不连续：有三级事项就必须有二级事项")
        if any(len(name) > 100 for name in path):
            errors.append("事项名称不能超过100个字")
        content, deadline, publisher = row[3], row[4], row[5]
        for value, label in ((content, CONTENT), (deadline, DEADLINE), (publisher, PUBLISHER)):
            if not value:
                errors.append(f"“{label}”不能为空")
        if problem := _rule_problem(deadline, DEADLINE, 200):
            errors.append(problem)
        if len(publisher) > 100:
            errors.append("“公开主体”不能超过100个字")

        ticked = []
        for col, channel in channel_cols:
            mark = _tick(row[col])
            if mark is None:
                errors.append(
                    f"“{channel.name}”一栏的“{row[col]}”不是勾选标记（勾选用■或√，不勾选留空或□）"
                )
            elif mark:
                ticked.append(channel)

        public_mark, group_cell = _tick(row[public_col]), row[public_col + 1]
        group_mark = _tick(group_cell)
        group_note = "" if group_mark is not None else group_cell
        is_group = group_mark is True or bool(group_note)
        if public_mark is None:
            errors.append(f"“{PUBLIC}”一栏的“{row[public_col]}”不是勾选标记")
        elif public_mark and is_group:
            errors.append("公开对象只能勾选“全社会”或“特定群体”中的一个")
        elif not public_mark and not is_group:
            errors.append("请勾选公开对象：“全社会”或“特定群体”")
        elif group_mark is True:
            errors.append("公开对象为特定群体时，请在“特定群体”一栏写明是哪些群体")
        if len(group_note) > 200:
            errors.append("特定群体说明不能超过200个字")

        office_text = row[office_col]
        scope, offices, unknown = _offices(office_text, offices_by_name)
        if not office_text:
            errors.append("“责任科室”不能为空")
        elif unknown:
            errors.append(
                "责任科室“"
                + "、".join(unknown)
                + "”不存在，请先在“科室与单位”中添加，或改用已有的名称"
            )
        elif len(office_text) > 200:
            errors.append("“责任科室”不能超过200个字")

        extra = {name: row[col] for name, col in extra_cols.items()}
        extra_errors, extra_values = _extra_values(extra, choices)
        errors += extra_errors
        slug = extra_values.get("slug")
        if slug:
            sibling = (tuple(path[:-1]), slug)
            if sibling in slugs:
                errors.append(f"网址标识“{slug}”与第{slugs[sibling]}行的同级事项重复")
            slugs.setdefault(sibling, index)

        key = tuple(path)
        if path and key in seen:
            errors.append(f"与第{seen[key]}行是同一事项")
        elif path:
            seen[key] = index
        if errors:
            result.errors.append(f"第{index}行：" + "；".join(errors) + "。")
            continue
        result.rows.append(
            ImportRow(
                number=index,
                path=path,
                content=content,
                deadline_text=deadline,
                publisher=publisher,
                channels=ticked,
                audience=CatalogueItem.Audience.GROUP
                if is_group
                else CatalogueItem.Audience.PUBLIC,
                audience_note=group_note,
                office_scope=scope,
                offices=offices,
                office_text=office_text,
                **extra_values,
            )
        )

    parents_with_rows = {
        tuple(row.path[:depth]) for row in result.rows for depth in range(1, len(row.path))
    } & seen.keys()
    for prefix in parents_with_rows:
        result.errors.append(
            f"第{seen[prefix]}行：事项“{'/'.join(prefix)}”下面还有下级事项，"
            "有下级的事项不单独成行，其公开内容等写在最末一级事项的行中。"
        )
    if not result.rows and not result.errors:
        result.errors.append("文件中没有目录事项。")
    result.errors.sort(key=_row_number)
    return result


def _rule_problem(words: str, label: str, longest: int) -> str | None:
    """What is wrong with deadline words in a column, if anything (blank is for the caller)."""
    if len(words) > longest:
        return f"“{label}”不能超过{longest}个字"
    if words:
        try:
            parse_rule(words)
        except RuleError as error:
            return f"“{label}”{str(error).rstrip('。')}"
    return None


def _extra_values(cells: dict[str, str], choices: dict[str, dict[str, str]]) -> tuple[list, dict]:
    """The extra columns of one row: (errors, values); a blank cell keeps the item's own value,
    except 时限计算规则, where blank means none. `choices` maps each choice field's labels
    to its values."""
    errors, values = [], {}
    if "deadline_rule" in cells:
        rule = cells["deadline_rule"]
        if problem := _rule_problem(rule, "时限计算规则", 100):
            errors.append(problem)
        values["deadline_rule"] = rule
    order = cells.get("order", "")
    if order:
        if order.isascii() and order.isdigit() and int(order) < 2**31:
            values["order"] = int(order)
        else:
            errors.append(f"“排序”应为不小于0的整数，现在是“{order}”")
    slug = cells.get("slug", "").lower()
    if slug:
        if len(slug) <= 50 and SLUG.match(slug):
            values["slug"] = slug
        else:
            errors.append(f"“网址标识”只能由小写字母、数字和连字符组成，现在是“{cells['slug']}”")
    if cells.get("basis"):
        values["basis"] = cells["basis"]
    for field, labels in choices.items():
        label = cells.get(field, "")
        if not label:
            continue
        if label in labels:
            values[field] = labels[label]
        else:
            column = CatalogueItem._meta.get_field(field).verbose_name
            errors.append(f"“{column}”应为{'、'.join(labels)}之一，现在是“{label}”")
    return errors, values


def _row_number(message: str) -> int:
    match = re.match(r"第(\d+)行", message)
    return int(match.group(1)) if match else 0
