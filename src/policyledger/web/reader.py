"""What the report reader shows: the outline as a tree, and each item's text with its figures.

Pure functions from stored nodes and claims to small view objects the templates walk.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from policyledger.model import Claim, Node
from policyledger.web.highlight import Piece, pieces


@dataclass
class TreeItem:
    node: Node
    anchor: str
    children: list[TreeItem] = field(default_factory=list)
    open: bool = False  # shown expanded
    current: bool = False  # the item the page is about


@dataclass
class Section:
    """One outline item in the text column: its pieces (figures marked) and its claims."""

    node: Node
    anchor: str
    pieces: list[Piece[Claim]]
    claims: list[Claim]
    heading: bool  # the item is a bare heading (no body): shown as one


def anchor(node: Node) -> str:
    return f"n{node.ordinal}"


def build_tree(nodes: list[Node], current: str | None = None, open_depth: int = 1) -> list[TreeItem]:
    """Nested items in outline order; the current item's ancestors are opened."""
    roots: list[TreeItem] = []
    by_path: dict[str, TreeItem] = {}
    for node in nodes:
        if not node.path:
            continue
        item = TreeItem(node, anchor(node), open=node.depth <= open_depth)
        if current is not None and (current == node.path or current.startswith(node.path + "/")):
            item.open = True
            item.current = current == node.path
        by_path[node.path] = item
        parent = by_path.get(node.parent_path or "")
        (parent.children if parent else roots).append(item)
    return roots


def subtree(nodes: list[Node], path: str) -> list[Node]:
    return [node for node in nodes if node.path == path or node.path.startswith(path + "/")]


def claims_by_path(claims: list[Claim]) -> dict[str, list[Claim]]:
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[claim.path].append(claim)
    return grouped


def sections(nodes: list[Node], grouped: dict[str, list[Claim]]) -> list[Section]:
    """Each item with its figures marked; an item with children and no body of its own is a heading."""
    parents = {node.parent_path for node in nodes}
    result = []
    for node in nodes:
        own = grouped.get(node.path, [])
        spans = [(claim.start, claim.end, claim) for claim in own if claim.end > claim.start]
        bare = "\n" not in node.text and len(node.text) <= len(node.marker) + len(node.title) + 4
        result.append(Section(node, anchor(node), pieces(node.text, spans), own, heading=bool(node.path) and bare and node.path in parents))
    return result


def neighbours(nodes: list[Node], path: str) -> tuple[Node | None, Node | None]:
    """The items before and after `path` in document order (skipping the preamble)."""
    items = [node for node in nodes if node.path]
    for index, node in enumerate(items):
        if node.path == path:
            return (items[index - 1] if index else None, items[index + 1] if index + 1 < len(items) else None)
    return None, None


def breadcrumb(nodes: list[Node], path: str) -> list[Node]:
    by_path = {node.path: node for node in nodes}
    parts = path.split("/")
    return [by_path[prefix] for prefix in ("/".join(parts[: i + 1]) for i in range(len(parts))) if prefix in by_path]
