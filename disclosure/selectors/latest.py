"""The latest public documents: the home page's lists and a branch page's.

Each list is one query, kept under the content version. A document's item is taken from the public tree,
whose items already know their parents, so linking to its column asks the
database nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass

from disclosure.models import CatalogueItem, Publication
from disclosure.selectors.catalogue import Node, find_path
from disclosure.selectors.content import kept

LATEST = 10
PER_BLOCK = 6

# Lists show documents: a leader's profile or a standing page is no news.
LISTED = (CatalogueItem.Presentation.DOCUMENTS, CatalogueItem.Presentation.CONSULTATIONS)

# The home page's blocks: a heading and the items that may fill it, by path.
# The first path the public tree has gives the block; a block none of whose
# items is public is left out. The catalogue has no 通知公告 column: its
# notices and 公示 are published under 重点领域与民生信息.
HOME_BLOCKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("通知公告", ("tzgg", "zdly")),
    ("政策文件", ("zcfg/zcwj",)),
    ("政策解读", ("zcfg/zcjd",)),
)


@dataclass
class Block:
    title: str
    item: CatalogueItem
    documents: list[Publication]


def subtree(node: Node) -> list[Node]:
    """The node and every node below it."""
    return [node, *(below for child in node.children for below in subtree(child))]


def latest(tree: list[Node], under: Node | None = None, count: int = LATEST) -> list[Publication]:
    """The newest public documents of the whole tree, or under one node, newest first.

    Kept under the content version."""
    name = f"latest:{under.item.pk if under else 'all'}:{count}"
    return kept(name, lambda: _latest(tree, under, count))


def _latest(tree: list[Node], under: Node | None, count: int) -> list[Publication]:
    nodes = subtree(under) if under else [below for root in tree for below in subtree(root)]
    items = {node.item.id: node.item for node in nodes if node.item.presentation in LISTED}
    documents = list(
        Publication.objects.public()
        .filter(item__in=list(items))
        .order_by("-published_at", "-id")[:count]
    )
    for document in documents:
        document.item = items[document.item_id]
    return documents


def home_blocks(tree: list[Node]) -> list[Block]:
    """The home page's blocks whose item is public, each with its newest documents."""
    blocks = []
    for title, paths in HOME_BLOCKS:
        node = next((node for path in paths if (node := find_path(tree, path.split("/")))), None)
        if node is not None:
            blocks.append(Block(title, node.item, latest(tree, under=node, count=PER_BLOCK)))
    return blocks
