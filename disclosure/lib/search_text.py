"""How search reads Chinese: text normalised, cut into pieces of two and three characters.

Chinese has no spaces between words and no dictionary knows every name,
place or 文号, so the index does not look for words. Text is normalised
(NFKC, so full-width and half-width forms are one; case folded; everything
that is not a letter or a digit dropped, so 〔〕, [], 【】, （） and () are all
nothing) and the normalised text is cut into its distinct overlapping
pieces of two and of three characters: 扎兰屯 → 扎兰 兰屯 扎兰屯.

A two-character term is found where it is a piece of the text: exactly
where it stands in it. A longer term is found where every three-character
piece of it is: 社会保险 needs 社会保 and 会保险, which a text about 社会保障
and 失业保险 does not have. So any run of two or more characters that stands
in the text is found, and a term whose pieces stand apart in a text is
found only when all of them do, which in Chinese prose hardly happens. A
single character is no piece and is not searched.

Both databases index the same pieces (`SearchEntry.pieces`) and answer from
their index alone, which is why a query finds the same documents on SQLite
and on PostgreSQL.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MIN_TERM_LENGTH = 2
MAX_QUERY_LENGTH = 100
MAX_TERMS = 5

# Short forms citizens type for what the bureau's documents and catalogue
# spell out: a term in the left column also finds the right one.
SHORT_FORMS = {
    "社保": ["社会保险", "社会保障"],
    "医保": ["医疗保险", "医疗保障"],
    "养老金": ["养老保险"],
    "失业金": ["失业保险金"],
    "人社": ["人力资源和社会保障"],
    "社保卡": ["社会保障卡"],
    "低保": ["最低生活保障"],
    "年报": ["年度报告"],
}

_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
# Characters no one types: controls (tabs and newlines aside), surrogates,
# private use, unassigned code points, and the replacement character that
# stands for bytes that were not UTF-8.
_REFUSED_CATEGORIES = {"Cc", "Cs", "Co", "Cn"}
_ALLOWED_CONTROLS = "\t\n\r"


def normalise(text: str) -> str:
    """扎人社规［２０２２］２号 → 扎人社规20222号; OFD → ofd."""
    return _NOT_LETTER_OR_DIGIT.sub("", unicodedata.normalize("NFKC", text).casefold())


def pieces(normalised: str) -> set[str]:
    """The distinct two- and three-character pieces of normalised text."""
    found = {normalised[i : i + 2] for i in range(len(normalised) - 1)}
    found.update(normalised[i : i + 3] for i in range(len(normalised) - 2))
    return found


def term_pieces(term: str) -> list[str]:
    """What the index must hold for a normalised term to be found: itself, or its three-character pieces."""
    if len(term) <= 3:
        return [term]
    return sorted({term[i : i + 3] for i in range(len(term) - 2)})


def index_pieces(*texts: str) -> str:
    """The pieces of some texts, each on its own, space-separated, as the index column holds them."""
    found: set[str] = set()
    for text in texts:
        found.update(pieces(normalise(text)))
    return " ".join(found)


def refused_characters(text: str) -> bool:
    return any(
        (unicodedata.category(char) in _REFUSED_CATEGORIES and char not in _ALLOWED_CONTROLS)
        or char == "\ufffd"
        for char in text
    )


@dataclass
class Query:
    """What was typed, as search uses it: terms, and what was left out and why."""

    text: str
    terms: list[str] = field(default_factory=list)
    too_short: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    truncated: bool = False

    @property
    def phrase(self) -> str:
        """The terms run together, for ranking an exact phrase above scattered terms."""
        return "".join(self.terms)

    @property
    def alternatives(self) -> list[list[str]]:
        """Each term with the long forms it also finds (`SHORT_FORMS`)."""
        return [
            [term, *(normalise(form) for form in SHORT_FORMS.get(term, []))] for term in self.terms
        ]

    @property
    def marked(self) -> list[str]:
        """Every form of every term, for marking in titles and snippets."""
        return [form for forms in self.alternatives for form in forms]

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(text: str) -> Query:
    """Terms are separated by spaces; each must stand in a text as typed.

    Operators and punctuation of either database (& | ! : * ( ) ' " \\ -
    NEAR OR <->) are nothing special: they are dropped or searched as text.
    """
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    query = Query(text=text, truncated=truncated)
    for word in unicodedata.normalize("NFKC", text).split():
        term = normalise(word)
        if not term or term in query.terms:
            continue
        if len(term) < MIN_TERM_LENGTH:
            query.too_short.append(word)
        elif len(query.terms) >= MAX_TERMS:
            query.dropped.append(word)
        else:
            query.terms.append(term)
    return query


@lru_cache(maxsize=4096)
def _normalised_char(char: str) -> str:
    return normalise(char)


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where in `text` the terms stand, as (start, end) offsets of the original text."""
    normalised: list[str] = []
    origin: list[int] = []
    for position, char in enumerate(text):
        for piece in _normalised_char(char):
            normalised.append(piece)
            origin.append(position)
    flat = "".join(normalised)
    spans = []
    for term in terms:
        start = flat.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((origin[start], origin[end - 1] + 1))
            start = flat.find(term, end)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _first_match(text: str, terms: list[str]) -> int | None:
    """Where the first term first stands, looked for as typed first (as it mostly is)."""
    found = [at for at in (text.find(term) for term in terms) if at != -1]
    if found:
        return min(found)
    spans = _spans(text, terms)
    return spans[0][0] if spans else None


def _mark(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """text[start:end], escaped, with the spans inside it marked."""
    parts, position = [], start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        parts += [
            escape(text[position:span_start]),
            f"<mark>{escape(text[span_start:span_end])}</mark>",
        ]
        position = span_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text: str, terms: list[str]) -> SafeString:
    """The whole text, escaped, with every term marked."""
    return mark_safe(_mark(text, _spans(text, terms), 0, len(text)))


def snippet(text: str, terms: list[str], width: int = 120, scan: int = 20_000) -> SafeString:
    """About `width` characters of the text around its first match, escaped, terms marked."""
    text = " ".join(text[:scan].split())
    first = _first_match(text, terms)
    start = max(0, first - width // 4) if first is not None else 0
    end = min(len(text), start + width)
    # Marked within the window alone (a term cut by its edge is left unmarked).
    window = text[start:end]
    marked = _mark(window, _spans(window, terms), 0, len(window))
    return mark_safe(("…" if start else "") + marked + ("…" if end < len(text) else ""))
