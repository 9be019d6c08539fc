"""文号 as citizens type them: 扎人社规[2022]2号, （2022）, (2022), ２０２２.

Every bracket variant is one bracket, full-width digits are digits and
spaces do not count, on both sides of a comparison: what is typed is
normalised here, and each document keeps its 文号 so normalised
(`Publication.doc_number_key`).
"""

from __future__ import annotations

OPENING = "[(（［【〖﹝"
CLOSING = "])）］】〗﹞"
FULL_WIDTH_DIGITS = "０１２３４５６７８９"
SPACES = " \u3000"

_REPLACEMENTS = [
    *((char, "〔") for char in OPENING),
    *((char, "〕") for char in CLOSING),
    *((char, str(digit)) for digit, char in enumerate(FULL_WIDTH_DIGITS)),
    *((char, "") for char in SPACES),
]


def normalise_doc_number(text: str) -> str:
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    return text
