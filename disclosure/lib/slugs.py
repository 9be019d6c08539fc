"""URL slugs for catalogue items, from the pinyin initials of their names."""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

MAX_SLUG = 50


def pinyin_initials(name: str) -> str:
    """基本信息 -> jbxx; letters and digits in the name are kept as they are."""
    letters = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default"))
    slug = re.sub(r"[^a-z0-9]+", "", letters.lower())
    return slug[:MAX_SLUG] or "item"


def unique_slug(name: str, taken: set[str]) -> str:
    """A slug for the name that is not in `taken` (the slugs its siblings use)."""
    base = pinyin_initials(name)
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug = base[: MAX_SLUG - len(suffix)] + suffix
        n += 1
    return slug
