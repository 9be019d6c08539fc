"""The catalogue as a tree, and as the rows of the 公开目录 table.

The public tree is read in one go (items, then their channels and offices)
and kept in the cache under the content version, each item's address
computed once; a node is found in it by its path of slugs or by its item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import F

from disclosure.models import MAX_LEVEL, CatalogueItem, Channel
from disclosure.selectors.content import current_content, kept

# Kept under the content version, so a change shows at once; the time only
# bounds how long an old version's copy stays in memory.


@dataclass
class Node:
    item: CatalogueItem
    children: list[Node] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def leaves(self) -> list[Node]:
        if self.is_leaf:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]


def build_tree(items: Iterable[CatalogueItem]) -> list[Node]:
    """Nodes for items given in tree order; an item whose parent is absent is dropped.

    Each item's `parent` is set to the parent object from the same list, so
    walking up a node's lineage asks the database nothing more.
    """
    nodes: dict[int, Node] = {}
    roots: list[Node] = []
    for item in items:
        if item.parent_id is None:
            roots.append(nodes.setdefault(item.id, Node(item)))
        elif item.parent_id in nodes:
            parent = nodes[item.parent_id]
            item.parent = parent.item
            parent.children.append(nodes.setdefault(item.id, Node(item)))
    return roots


def read_public_tree() -> tuple[list[Node], list[Channel]]:
    """The public catalogue from the database, and every channel: three queries (the items,
    their offices, the channels with the items they serve); each item knows its address."""
    items = list(CatalogueItem.objects.public().in_tree_order().prefetch_related("offices"))
    channels: dict[int, Channel] = {}
    serving: dict[int, list[Channel]] = defaultdict(list)
    for channel in Channel.objects.annotate(item_id=F("catalogueitem")).order_by("order", "id"):
        kept = channels.setdefault(channel.pk, channel)
        if channel.item_id is not None:
            serving[channel.item_id].append(kept)
    for item in items:
        known = item.channels.all()
        known._result_cache = serving.get(item.pk, [])
        known._prefetch_done = True
        item._prefetched_objects_cache["channels"] = known
    tree = build_tree(items)
    stack = list(tree)
    while stack:
        node = stack.pop()
        node.item.remember_url()
        stack.extend(node.children)
    return tree, list(channels.values())


# The tree and channels of the latest version this process has seen: taking
# them out of the cache (unpickling) costs a page more than its navigation.
_in_process: dict[int, tuple[list[Node], list[Channel]]] = {}


def forget_catalogue_in_process() -> None:
    """For tests, whose databases all start again at the same version."""
    _in_process.clear()


def _kept_catalogue(part: int):
    number = current_content().number
    held = _in_process.get(number)
    if held is None:
        held = kept("catalogue", read_public_tree)
        _in_process.clear()
        _in_process[number] = held
    return held[part]


def public_tree() -> list[Node]:
    """The public catalogue, from the cache under the content version (read once a request)."""
    return _kept_catalogue(0)


def all_channels() -> list[Channel]:
    """Every publication channel, in order, kept with the public tree."""
    return _kept_catalogue(1)


def find_path(roots: list[Node], slugs: list[str]) -> Node | None:
    """The node at this path of slugs (`["zfxxgk", "ndbg"]`), if there is one."""
    nodes, node = roots, None
    for slug in slugs:
        node = next((n for n in nodes if n.item.slug == slug), None)
        if node is None:
            return None
        nodes = node.children
    return node


def find_item(roots: list[Node], item_id: int) -> Node | None:
    """The node of this item, anywhere in the tree, if it is there."""
    stack = list(roots)
    while stack:
        node = stack.pop()
        if node.item.id == item_id:
            return node
        stack.extend(node.children)
    return None


@dataclass
class Cell:
    item: CatalogueItem
    rowspan: int
    colspan: int


@dataclass
class Row:
    """One row of the directory table: the level cells that start here, and the leaf."""

    level_cells: list[Cell]
    leaf: CatalogueItem


def directory_rows(roots: list[Node]) -> list[Row]:
    rows: list[Row] = []

    def walk(node: Node, pending: list[Cell]) -> None:
        cell = Cell(node.item, rowspan=len(node.leaves()), colspan=1)
        cells = [*pending, cell]
        if node.is_leaf:
            cell.colspan = MAX_LEVEL - node.item.level + 1
            rows.append(Row(level_cells=cells, leaf=node.item))
            return
        for index, child in enumerate(node.children):
            walk(child, cells if index == 0 else [])

    for root in roots:
        walk(root, [])
    return rows
