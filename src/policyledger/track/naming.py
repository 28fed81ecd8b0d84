"""What names a figure, and whether a shared run of characters is a whole name.

Used by the checks (the same indicator stated twice) and by series (the same indicator over
time): both need to know that 林口新創園 in one sentence and 「林口新創園」 in another name the
same thing, while 型太陽光電 is only the tail of 屋頂型太陽光電 and 地面型太陽光電.
"""

from __future__ import annotations

import re

from policyledger.textnorm import fold
from policyledger.track.report import Figure, Report

_PARTICLES = re.escape(fold("的之及與和在於從由將已並且其各該全等達為以「」『』（）()、，。：；"))
_BEFORE_WORDS = "|".join(fold(word) for word in ("全臺", "全國", "目前", "打造", "推動", "降低", "提升", "辦理"))
_AFTER_WORDS = "|".join(fold(word) for word in ("已", "從", "達", "為", "共", "計", "於", "方面", "成"))
_CLAUSE_BREAK = re.compile(r"[，：；]|[,:;](?![0-9])")  # not the comma of 17,797
_WORD = re.compile(r"[^\W\d_]")
_BOUNDARY_BEFORE = re.compile(rf"(?:^|[\s\d{_PARTICLES}]|{_BEFORE_WORDS})$")
_BOUNDARY_AFTER = re.compile(rf"(?:$|[\s\d{_PARTICLES}a-z]|{_AFTER_WORDS})")


def naming_text(figure: Figure, report: Report) -> str:
    """What names a figure: its item's title, the clauses of its sentence before its own, and
    its own clause up to it — from the last list break 、 on, so that in 美國 41.9 億美元、香港
    9.1 億美元 the second figure is named 香港 alone (unless nothing but the figure follows the
    break) — and the words right after it."""
    node = report.nodes.get(figure.path)
    before = figure.before
    breaks = [match.end() for match in _CLAUSE_BREAK.finditer(before)]
    clause_start = breaks[-1] if breaks else 0
    lead, own_clause = before[:clause_start], before[clause_start:]
    named = own_clause.rsplit("、", 1)[-1]
    if not _WORD.search(named):  # 核准 17,797 家、261.61 億元: the second figure shares the first one's words
        named = own_clause
    own = named + figure.claim.text + figure.own.removeprefix(figure.claim.subject)
    return "\n".join(((node.title if node else ""), lead, own))


def whole_name(name: str, text: str) -> bool:
    """The shared run stands as a word somewhere in `text`: not the tail of a longer name
    (型太陽光電 of 屋頂型太陽光電) nor its head — bounded by punctuation, a number, a scope word
    or a particle on each side."""
    folded = fold(text)
    start = folded.find(name)
    while start >= 0:
        before, after = folded[:start], folded[start + len(name) :]
        if _BOUNDARY_BEFORE.search(before) and _BOUNDARY_AFTER.match(after):
            return True
        start = folded.find(name, start + 1)
    return False
