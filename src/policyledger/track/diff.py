"""Two editions of a report compared: what changed since the last one?

Outlines are aligned by what the items say, not by their numbers, so an item inserted or
dropped (which renumbers everything after it) does not make the rest look new:

1. each item gets a key — its title folded, without numbers, spaces or punctuation — and the
   two sequences of keys, in document order, are aligned (difflib's longest matching blocks);
2. items left over are paired by the similarity of their titles and opening words (≥ 0.6),
   best pairs first, so a reworded title still finds its item.

Aligned items whose path differs were renumbered (or moved). Within aligned items, figures
are aligned the same way (by unit and the words before them): a different value is a changed
figure; a target whose date moved is a moved target. Items and figures left over were added
or dropped — an added or dropped item is reported once, not again for each item under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from policyledger.model import Claim, Node
from policyledger.records import claim_record
from policyledger.textnorm import fold
from policyledger.track.indicator import label
from policyledger.track.report import Report

FUZZY_MATCH = 0.6
_NOT_KEY = re.compile(r"[\W\d_]+")
CHANGES = ("item_added", "item_dropped", "item_renumbered", "figure_changed", "figure_added", "figure_dropped", "target_moved")


@dataclass(frozen=True)
class Change:
    change: str
    doc_a: str
    doc_b: str
    path_a: str | None
    path_b: str | None
    title: str
    message: str
    before: Claim | None = None
    after: Claim | None = None

    def record(self) -> dict[str, Any]:
        return {
            "doc_a": self.doc_a,
            "doc_b": self.doc_b,
            "change": self.change,
            "path_a": self.path_a,
            "path_b": self.path_b,
            "title": self.title,
            "message": self.message,
            "before": claim_record(self.doc_a, self.before) if self.before else None,
            "after": claim_record(self.doc_b, self.after) if self.after else None,
        }


def compare(old: Report, new: Report) -> list[Change]:
    """Every change from `old` to `new`, in the order of the new edition (dropped items where
    they stood in the old one)."""
    old_nodes = [node for node in old.nodes.values() if node.path]
    new_nodes = [node for node in new.nodes.values() if node.path]
    pairs = align_outlines(old_nodes, new_nodes)
    changes: list[Change] = []
    matched_old = set(pairs)
    matched_new = set(pairs.values())
    old_claims, new_claims = _claims_by_path(old), _claims_by_path(new)
    for node in new_nodes:
        before = next((o for o, n in pairs.items() if n == node.path), None)
        if before is None:
            if (node.parent_path or "") in matched_new or not node.parent_path:
                changes.append(Change("item_added", old.doc_id, new.doc_id, None, node.path, node.title, f"new item {node.path} 「{node.title}」"))
            continue
        if _renumbered(before, node.path, pairs):
            changes.append(Change("item_renumbered", old.doc_id, new.doc_id, before, node.path, node.title,
                                  f"「{node.title}」 was {before}, is now {node.path}"))
        changes.extend(_figure_changes(old, new, before, node.path, node.title, old_claims.get(before, []), new_claims.get(node.path, [])))
    for node in old_nodes:
        if node.path not in matched_old and ((node.parent_path or "") in matched_old or not node.parent_path):
            changes.append(Change("item_dropped", old.doc_id, new.doc_id, node.path, None, node.title, f"item {node.path} 「{node.title}」 is gone"))
    return changes


def _renumbered(before: str, after: str, pairs: dict[str, str]) -> bool:
    """The item's own number changed, or it moved under another item; not when it only follows
    its parent's new number (五/(一) → 四/(一) is told by 五 → 四)."""
    old_parent, _, old_marker = before.rpartition("/")
    new_parent, _, new_marker = after.rpartition("/")
    return old_marker != new_marker or pairs.get(old_parent, old_parent) != new_parent


def align_outlines(old: list[Node], new: list[Node]) -> dict[str, str]:
    """Old path → new path for the items that correspond."""
    old_keys, new_keys = [_key(node.title) for node in old], [_key(node.title) for node in new]
    pairs: dict[str, str] = {}
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            pairs[old[block.a + offset].path] = new[block.b + offset].path
    taken = set(pairs.values())
    left_old = [node for node in old if node.path not in pairs]
    left_new = [node for node in new if node.path not in taken]
    scored = sorted(
        ((_likeness(a, b), index_a, index_b) for index_a, a in enumerate(left_old) for index_b, b in enumerate(left_new)),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, index_a, index_b in scored:
        if score < FUZZY_MATCH:
            break
        if index_a not in used_old and index_b not in used_new:
            used_old.add(index_a)
            used_new.add(index_b)
            pairs[left_old[index_a].path] = left_new[index_b].path
    return pairs


def _key(text: str) -> str:
    return _NOT_KEY.sub("", fold(text))


def _likeness(a: Node, b: Node) -> float:
    """Similarity of titles and the first words of the items (numbers ignored)."""
    title = SequenceMatcher(None, _key(a.title), _key(b.title), autojunk=False).ratio()
    opening = SequenceMatcher(None, _key(a.text)[:80], _key(b.text)[:80], autojunk=False).ratio()
    return 0.5 * title + 0.5 * opening


def _claims_by_path(report: Report) -> dict[str, list[Claim]]:
    grouped: dict[str, list[Claim]] = {}
    for figure in report.figures:
        grouped.setdefault(figure.claim.path, []).append(figure.claim)
    return grouped


def _figure_changes(old: Report, new: Report, path_a: str, path_b: str, title: str, before: list[Claim], after: list[Claim]) -> list[Change]:
    def key(claim: Claim) -> str:
        return f"{claim.base_unit}|{_key(label(claim.subject))}"

    changes: list[Change] = []
    matcher = SequenceMatcher(None, [key(c) for c in before], [key(c) for c in after], autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        olds, news = before[a_start:a_end], after[b_start:b_end]
        if tag == "equal":
            for was, now in zip(olds, news, strict=True):
                changes.extend(_compare_figure(old, new, path_a, path_b, title, was, now))
            continue
        for was, now in zip(olds, news, strict=False):  # replaced one for one: same place, other words
            if was.base_unit == now.base_unit:
                changes.extend(_compare_figure(old, new, path_a, path_b, title, was, now))
            else:
                changes.append(_figure_gone(old, new, path_a, path_b, title, was))
                changes.append(_figure_new(old, new, path_a, path_b, title, now))
        changes.extend(_figure_gone(old, new, path_a, path_b, title, was) for was in olds[len(news) :])
        changes.extend(_figure_new(old, new, path_a, path_b, title, now) for now in news[len(olds) :])
    return changes


def _compare_figure(old: Report, new: Report, path_a: str, path_b: str, title: str, was: Claim, now: Claim) -> list[Change]:
    found: list[Change] = []
    if was.base_value != now.base_value or was.value_high != now.value_high:
        found.append(Change("figure_changed", old.doc_id, new.doc_id, path_a, path_b, title,
                            f"{label(now.subject) or title}: {was.text} → {now.text}", was, now))
    if was.kind == "target" and now.kind == "target" and was.period_end != now.period_end:
        found.append(Change("target_moved", old.doc_id, new.doc_id, path_a, path_b, title,
                            f"target {now.text} ({label(now.subject) or title}) was due {was.period_end}, now {now.period_end}", was, now))
    return found


def _figure_gone(old: Report, new: Report, path_a: str, path_b: str, title: str, was: Claim) -> Change:
    return Change("figure_dropped", old.doc_id, new.doc_id, path_a, path_b, title, f"{was.text} ({label(was.subject) or title}) no longer stated", was, None)


def _figure_new(old: Report, new: Report, path_a: str, path_b: str, title: str, now: Claim) -> Change:
    return Change("figure_added", old.doc_id, new.doc_id, path_a, path_b, title, f"{now.text} ({label(now.subject) or title}) newly stated", None, now)
