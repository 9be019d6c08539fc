"""URL slugs for catalogue items, from the pinyin initials of their names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pypinyin import Style, lazy_pinyin

if TYPE_CHECKING:
    from disclosure.models import CatalogueItem

MAX_SLUG = 50


def pinyin_initials(name: str) -> str:
    """基本信息 -> jbxx; letters and digits in the name are kept as they are."""
    letters = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default"))
    slug = re.sub(r"[^a-z0-9]+", "", letters.lower())
    return slug[:MAX_SLUG] or "item"


def unique_sibling_slug(item: CatalogueItem) -> str:
    """A slug for the item that no sibling uses yet."""
    base = pinyin_initials(item.name)
    siblings = type(item).objects.filter(parent=item.parent_id).exclude(pk=item.pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug = base[: MAX_SLUG - len(suffix)] + suffix
        n += 1
    return slug
