"""Questions asking a place in a series: '臺歐盟經貿對話會議是第幾屆' → 第 32 屆.

    best_ordinal(parsed, items)   # {answer, citation, confidence} or None

An ordinal is no figure (the claims leave 第 32 屆 out), so it is read here, off the sentences of
the candidate items: each 第 N <counter> of the counter asked, scored by how much of the question
the words it opens (第 32 屆「臺歐盟經貿對話會議」) and its sentence cover.
"""

from __future__ import annotations

import re
from typing import Any

from policyledger.passages import SENTENCE, Item, citation, clause_span
from policyledger.quantity.numbers import count_of
from policyledger.question import ORDINAL_COUNTERS, Question
from policyledger.textnorm import fold

_ORDINAL_WRITTEN = re.compile(rf"第\s*([一二三四五六七八九十兩〇○零百\d]{{1,4}})\s*({ORDINAL_COUNTERS})|(首)\s*(屆|次|期|批|輪|場|梯)")


def best_ordinal(parsed: Question, items: list[Item]) -> dict[str, Any] | None:
    counter = parsed.ordinal_counter
    rarity = parsed.rarity([item.folded for item in items])
    best: tuple[float, Item, int, int, str, int] | None = None
    for item in items:
        text = item.node.text
        for sentence in SENTENCE.finditer(text):
            for found in _ORDINAL_WRITTEN.finditer(text, sentence.start(), sentence.end()):
                written_counter = found.group(2) or found.group(4)
                number = 1 if found.group(3) else count_of(found.group(1))
                if written_counter != counter or not number:
                    continue
                own_end = clause_span(text, found.start(), found.end())[1]
                windows = [(fold(text[found.start():own_end]), 1.0), (fold(sentence.group(0)), 0.9), (item.context, 0.85), (item.folded, 0.35)]
                score = parsed.coverage(windows, rarity)
                if best is None or score > best[0]:
                    best = (score, item, found.start(), found.end(), found.group(0), number)
    if best is None:
        return None
    score, item, start, end, written, number = best
    answer = {"text": written.strip(), "value": number, "base_value": number, "base_unit": counter, "period_start": None, "period_end": None}
    return {"answer": answer, "citation": citation(item, start, end), "confidence": score}
