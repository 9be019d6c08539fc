"""信息处理费 by the national tiers (国办函〔2020〕109号《政府信息公开信息处理费管理办法》).

Each tier is charged on the part of the quantity within it, like a tax band.

- 按件计收, per applicant per calendar month: the first 10 applications are
  free; the 11th to 30th cost 100 元 each; from the 31st, bands of 10, each
  100 元 dearer than the one before (31st–40th 200 元, 41st–50th 300 元 …).
- 按量计收, per application: pages 1–30 are free; 31–100 cost 10 元 a page,
  101–200 20 元, from 201 40 元.
"""

from __future__ import annotations

from decimal import Decimal

FREE_PIECES_PER_MONTH = 10
FREE_PAGES = 30
PAYMENT_WORKING_DAYS = 20


def piece_price(number: int) -> int:
    """The price in 元 of the applicant's `number`-th application in a calendar month."""
    if number <= FREE_PIECES_PER_MONTH:
        return 0
    if number <= 30:
        return 100
    return 100 * ((number - 31) // 10 + 2)


def per_piece_fee(earlier: int, pieces: int) -> Decimal:
    """The fee for `pieces` more applications after `earlier` in the same month."""
    if earlier < 0 or pieces < 0:
        raise ValueError("counts cannot be negative")
    return Decimal(sum(piece_price(n) for n in range(earlier + 1, earlier + pieces + 1)))


# (last page of the tier or None for no end, price per page in 元)
PAGE_TIERS = [(FREE_PAGES, 0), (100, 10), (200, 20), (None, 40)]


def per_volume_fee(pages: int) -> Decimal:
    """The fee for providing `pages` pages in reply to one application."""
    if pages < 0:
        raise ValueError("pages cannot be negative")
    total = 0
    first = 1
    for last, price in PAGE_TIERS:
        top = pages if last is None else min(pages, last)
        if top >= first:
            total += (top - first + 1) * price
        if last is None or pages <= last:
            break
        first = last + 1
    return Decimal(total)
