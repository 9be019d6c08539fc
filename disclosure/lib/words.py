"""Finding checked words (错敏词) in a text: exact matching on normalised text.

A text and the terms are normalised alike, one character at a time: NFKC (so
full-width and half-width forms, compatibility ideographs and Kangxi radicals
copied from PDFs are one), case folded, format characters such as zero-width
spaces dropped, and whitespace dropped next to a CJK character (a PDF's
line breaks and stray spaces inside a name, the space some put between
Chinese and Latin words), while a run of it between two Latin letters or
digits becomes one space. Each normalised character remembers the character of the
original text it came from, so every hit points at the original words and
can be highlighted in them.

All terms go into one Aho–Corasick automaton (pyahocorasick): a text is read
once, whatever the number of terms. A hit inside a longer hit (a term that is
part of another term found at the same place) is not reported apart.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

BLOCK = "block"
WARN = "warn"
# Characters shown on each side of a hit.
CONTEXT = 20


@dataclass(frozen=True)
class Term:
    term: str
    correct: str = ""
    severity: str = WARN
    note: str = ""


@dataclass(frozen=True)
class Hit:
    """A term found in one field of a text: where, and the words around it."""

    term: Term
    field: str  # what the reviewer reads as the field's name: 标题, 正文, 附件“…”
    start: int  # in the original text
    end: int
    before: str
    found: str
    after: str

    @property
    def is_block(self) -> bool:
        return self.term.severity == BLOCK


def _is_wide(char: str) -> bool:
    """CJK radicals, punctuation, kana and ideographs onwards: scripts written without spaces."""
    return ord(char) >= 0x2E80


@lru_cache(maxsize=65536)
def _fold(char: str) -> str:
    """One character normalised: "" to drop it, " " for any whitespace."""
    if unicodedata.category(char) == "Cf":
        return ""
    folded = unicodedata.normalize("NFKC", char).casefold()
    return " " if folded.isspace() else folded


def normalise(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for each of its characters the index of its original one."""
    out: list[str] = []
    origin: list[int] = []
    space_at: int | None = None
    for index, char in enumerate(text):
        folded = _fold(char)
        if not folded:
            continue
        if folded == " ":
            if out and space_at is None:
                space_at = index
            continue
        if space_at is not None:
            if not (_is_wide(out[-1]) or _is_wide(folded[0])):
                out.append(" ")
                origin.append(space_at)
            space_at = None
        if len(folded) == 1:
            out.append(folded)
            origin.append(index)
        else:
            out.extend(folded)
            origin.extend([index] * len(folded))
    return "".join(out), origin


def normalised(text: str) -> str:
    return normalise(text)[0]


class WordList:
    """Terms ready to be found; build one per version of the list and keep it."""

    def __init__(self, terms: Iterable[Term]):
        self._automaton = ahocorasick.Automaton()
        self.size = 0
        for term in terms:
            key = normalised(term.term)
            if key:
                self._automaton.add_word(key, (len(key), term))
                self.size += 1
        if self.size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self.size

    def find(self, text: str, field: str = "") -> list[Hit]:
        """Every term in `text`, in order; one inside a longer hit is left out."""
        if not self.size or not text:
            return []
        flat, origin = normalise(text)
        spans = sorted(
            (
                (end - length + 1, end + 1, term)
                for end, (length, term) in self._automaton.iter(flat)
            ),
            key=lambda span: (span[0], -span[1]),
        )
        hits: list[Hit] = []
        reach = -1
        for first, last, term in spans:
            if last <= reach:
                continue
            reach = last
            start, end = origin[first], origin[last - 1] + 1
            hits.append(
                Hit(
                    term=term,
                    field=field,
                    start=start,
                    end=end,
                    before=text[max(0, start - CONTEXT) : start],
                    found=text[start:end],
                    after=text[end : end + CONTEXT],
                )
            )
        return hits


class WordLineError(ValueError):
    """Lines of a pasted list that cannot be read, each with its number and reason."""

    def __init__(self, errors: list[str]):
        super().__init__("；".join(errors))
        self.errors = errors


def parse_word_lines(text: str) -> list[tuple[str, str, str]]:
    """(term, correct, note) from lines "错误写法<Tab>正确写法<Tab>说明", as Excel copies them.

    A vertical bar (| or ｜) separates too; the correct form and the note may
    be left out. Blank lines are skipped; a term listed twice is refused.
    """
    rows: list[tuple[str, str, str]] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.replace("｜", "\t").replace("|", "\t").split("\t")]
        if len(cells) > 3 and any(cells[3:]):
            errors.append(f"第{number}行多于三栏（错误写法、正确写法、说明）")
            continue
        term, correct, note = [*cells, "", ""][:3]
        key = normalised(term)
        if not key:
            errors.append(f"第{number}行没有错误写法")
        elif key in seen:
            errors.append(f"第{number}行的“{term}”与第{seen[key]}行重复")
        else:
            seen[key] = number
            rows.append((term, correct, note))
    if errors:
        raise WordLineError(errors)
    return rows
