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


# -- the tiers and a fee's basis in words, for the guide, the notice and the applicant --


def _runs(prices: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Numbered prices [(number, price)] as runs of one price: (first, last, price)."""
    runs: list[tuple[int, int, int]] = []
    for number, price in prices:
        if runs and runs[-1][2] == price and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number, price)
        else:
            runs.append((number, number, price))
    return runs


def piece_bands(count: int) -> list[tuple[int, int, int]]:
    """The first `count` bands of 按件计收: (first piece, last piece, price per piece in 元)."""
    bands: list[tuple[int, int, int]] = []
    first = 1
    while len(bands) < count:
        last = first
        while piece_price(last + 1) == piece_price(first):
            last += 1
        bands.append((first, last, piece_price(first)))
        first = last + 1
    return bands


def page_bands() -> list[tuple[int, int | None, int]]:
    """The tiers of 按量计收: (first page, last page or None for no end, price per page in 元)."""
    bands: list[tuple[int, int | None, int]] = []
    first = 1
    for last, price in PAGE_TIERS:
        bands.append((first, last, price))
        if last is not None:
            first = last + 1
    return bands


def piece_runs(earlier: int, pieces: int) -> list[tuple[int, int, int]]:
    """The pieces charged, numbered within the month, as runs of one price."""
    numbers = range(earlier + 1, earlier + pieces + 1)
    return _runs([(number, piece_price(number)) for number in numbers])


def page_runs(pages: int) -> list[tuple[int, int, int]]:
    """The pages provided as runs of one price."""
    runs = []
    for first, last, price in page_bands():
        top = pages if last is None else min(pages, last)
        if top >= first:
            runs.append((first, top, price))
    return runs


def _span(first: int, last: int, unit: str) -> str:
    return f"第{first}{unit}" if first == last else f"第{first}{unit}至第{last}{unit}"


def _price(price: int, unit: str) -> str:
    return "不收费" if price == 0 else f"每{unit}{price}元"


def _basis(head: str, runs: list[tuple[int, int, int]], unit: str) -> str:
    if len(runs) == 1:
        return f"{head}，{_price(runs[0][2], unit)}"
    parts = "，".join(
        f"{_span(first, last, unit)}{_price(price, unit)}" for first, last, price in runs
    )
    return f"{head}，其中{parts}"


def piece_basis(earlier: int, pieces: int) -> str:
    """按件计收 in words: "本月第11件至第12件，每件100元"."""
    return _basis(
        f"本月{_span(earlier + 1, earlier + pieces, '件')}", piece_runs(earlier, pieces), "件"
    )


def page_basis(pages: int) -> str:
    """按量计收 in words: "共120页，其中第1页至第30页不收费，第31页至第100页每页10元，……"."""
    return _basis(f"共{pages}页", page_runs(pages), "页")


def piece_tiers_in_words() -> str:
    """按件计收's tiers in one sentence, for staff checking a fee."""
    bands = "，".join(
        f"{_span(first, last, '件')}{_price(price, '件')}" for first, last, price in piece_bands(4)
    )
    return f"{bands}，此后每10件为一档，每档每件提高100元"


def page_tiers_in_words() -> str:
    """按量计收's tiers in one sentence."""
    return "，".join(
        f"第{first}页起{_price(price, '页')}"
        if last is None
        else f"{_span(first, last, '页')}{_price(price, '页')}"
        for first, last, price in page_bands()
    )


def yuan(amount: Decimal) -> str:
    """An amount of money as people write it: "1100元", "50.50元"."""
    if amount == amount.to_integral_value():
        return f"{int(amount)}元"
    return f"{amount:.2f}元"
