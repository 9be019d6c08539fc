"""The active catalogue as an .xlsx workbook in the layout of the published table."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from disclosure.catalogue_excel.layout import (
    AUDIENCE,
    AUDIENCE_TICK,
    CHANNEL_TICKED,
    CHANNEL_UNTICKED,
    CHANNELS,
    CONTENT,
    DEADLINE,
    DERIVED_PERIOD,
    EXTRA_COLUMNS,
    FIRST_COLUMNS,
    GROUP,
    HEADER_ROW,
    LEVEL_HEADERS,
    OFFICE,
    PUBLIC,
    PUBLISHER,
    TITLE,
)
from disclosure.models import MAX_LEVEL, CatalogueItem, Channel
from disclosure.selectors.catalogue import build_tree


def export_workbook() -> bytes:
    """The active catalogue as .xlsx bytes."""
    channels = list(Channel.objects.all())
    items = CatalogueItem.objects.public().in_tree_order().prefetch_related("channels", "offices")
    leaves = [leaf for root in build_tree(items) for leaf in root.leaves()]

    wb = Workbook()
    ws = wb.active
    ws.title = "主动公开事项目录"
    office_col = FIRST_COLUMNS + len(channels) + 3
    last = office_col + len(EXTRA_COLUMNS)
    ws.cell(1, 1, TITLE).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)

    ws.cell(2, 1, "公开事项")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=3)
    for col, label in enumerate(LEVEL_HEADERS, start=1):
        ws.cell(3, col, label)
    for col, label in zip((4, 5, 6), (CONTENT, DEADLINE, PUBLISHER), strict=True):
        ws.cell(2, col, label)
        ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
    ws.cell(2, 7, CHANNELS)
    ws.merge_cells(start_row=2, start_column=7, end_row=2, end_column=6 + len(channels))
    for offset, channel in enumerate(channels):
        ws.cell(3, 7 + offset, channel.name)
    audience_col = 7 + len(channels)
    ws.cell(2, audience_col, AUDIENCE)
    ws.merge_cells(start_row=2, start_column=audience_col, end_row=2, end_column=audience_col + 1)
    ws.cell(3, audience_col, PUBLIC)
    ws.cell(3, audience_col + 1, GROUP)
    for col, label in enumerate([OFFICE, *EXTRA_COLUMNS], start=office_col):
        ws.cell(2, col, label)
        ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)

    for row, leaf in enumerate(leaves, start=HEADER_ROW + 1):
        item = leaf.item
        names = [ancestor.name for ancestor in item.lineage()]
        names += [""] * (MAX_LEVEL - len(names))
        ticked = {channel.id for channel in item.channels.all()}
        values = [
            *names,
            item.content,
            item.deadline_text,
            item.publisher,
            *(CHANNEL_TICKED if c.id in ticked else CHANNEL_UNTICKED for c in channels),
            AUDIENCE_TICK if item.audience == CatalogueItem.Audience.PUBLIC else "",
            item.audience_note if item.audience == CatalogueItem.Audience.GROUP else "",
            item.office_display(),
            item.deadline_rule,
            item.order,
            item.slug,
            item.get_presentation_display(),
            item.basis,
            item.get_mode_display(),
            item.get_levels_display(),
            item.get_update_period_display() if item.update_period else DERIVED_PERIOD,
        ]
        for col, value in enumerate(values, start=1):
            ws.cell(row, col, value)

    thin = Side(style="thin")
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=last):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if cell.row <= HEADER_ROW:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    widths = {1: 14, 2: 14, 3: 14, 4: 40, 5: 18, 6: 18, office_col: 18, office_col + 1: 18}
    widths |= {office_col + 3: 10, office_col + 4: 14, office_col + 5: 30, office_col + 6: 12}
    widths |= {office_col + 7: 12, office_col + 8: 14}
    for col in range(1, last + 1):
        ws.column_dimensions[get_column_letter(col)].width = widths.get(col, 6)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 4)

    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
