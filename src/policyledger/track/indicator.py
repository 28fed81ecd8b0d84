"""Do two figures measure the same thing? Word overlap, weighted by how rare the words are.

Chinese has no spaces, so words are approximated by character pairs (bigrams) of the folded
text (policyledger.textnorm.fold: 臺/台 and full-/half-width are one), with numbers, dates and
the words that only say *how* a figure is stated (目標、預計、累計、完成…) removed. A pair that
appears in few sentences of the report (林口新創園, 漏水率) says more than one found everywhere
(推動, 計畫), so each is weighted by its inverse sentence frequency in that report.

A figure's profile mixes three layers: its own words (subject and the words right after it)
count fully, its sentence half, its headings less. Similarity is the cosine of two profiles.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from policyledger.textnorm import fold
from policyledger.track.report import SENTENCE_END, Figure, Report

OWN, SENTENCE, HEADING = 1.0, 0.5, 0.3
# Numbers and the dates they make, then the words that only say how a figure is stated.
_NUMBERS = re.compile(
    r"[0-9][0-9,.]*\s*(?:年底|年初|年|月底|月|日|季|%|[kmgt]?wh?(?![a-z])|kv(?![a-z])|"
    + fold(r"[萬億兆千百]?(?:瓩|元|美元|公頃|公噸|噸|戶|人次|人|家次|家|件|案|項|個|座|度)") + ")?"
)
# Matched against folded text, so the pattern is folded too (目標 → 目标).
_CUES = re.compile(fold(
    r"目標|預計|預期|預估|可望|規劃|累計|完成|達成|截至|截止|統計至|總計|合計|共計|其中|分別|以上|以下|至少|超過|"
    r"將可|可達|已達|已於|已經|持續|確保|推動|辦理|降到|降至|提升至|提高至|以前|之前|年前|俾利|約(?=\s)|共(?=\s)|[逾近達已將為以於之的及與和等並皆俾]"
))
_NOT_TEXT = re.compile(r"[\W_0-9]+")
_SENTENCES = re.compile("[" + re.escape(SENTENCE_END) + "]")


def words(text: str) -> str:
    """Folded text without numbers, dates and cue words; pieces kept apart by spaces."""
    folded = fold(text)
    return _NOT_TEXT.sub(" ", _CUES.sub(" ", _NUMBERS.sub(" ", folded))).strip()


def bigrams(text: str) -> list[str]:
    """Adjacent character pairs within each piece of `words(text)` (a lone character alone)."""
    found: list[str] = []
    for piece in words(text).split():
        found.extend(piece[i : i + 2] for i in range(len(piece) - 1)) if len(piece) > 1 else found.append(piece)
    return found


@dataclass(frozen=True)
class Profile:
    weights: dict[str, float]
    norm: float


class Indicators:
    """Profiles of a report's figures and the rarity of its words, computed once per report."""

    def __init__(self, report: Report) -> None:
        sentences = [part for node in report.nodes.values() for part in _SENTENCES.split(node.text) if part.strip()]
        self.sentence_count = max(1, len(sentences))
        self.frequency: Counter[str] = Counter()
        for sentence in sentences:
            self.frequency.update(set(bigrams(sentence)))
        self._full: dict[int, Profile] = {}
        self._own: dict[int, Profile] = {}

    def rarity(self, gram: str) -> float:
        """Inverse sentence frequency: log(N / df), at least a little for unseen pairs."""
        return math.log((self.sentence_count + 1) / (self.frequency.get(gram, 0) + 1)) + 0.1

    def profile(self, layers: Iterable[tuple[str, float]]) -> Profile:
        weights: dict[str, float] = {}
        for text, layer in layers:
            for gram in bigrams(text):
                weights[gram] = max(weights.get(gram, 0.0), layer * self.rarity(gram))
        return Profile(weights, math.sqrt(sum(w * w for w in weights.values())) or 1.0)

    def full(self, figure: Figure) -> Profile:
        """Own words, sentence and headings."""
        if figure.index not in self._full:
            self._full[figure.index] = self.profile([(figure.own, OWN), (figure.sentence, SENTENCE), (figure.heading, HEADING)])
        return self._full[figure.index]

    def own(self, figure: Figure) -> Profile:
        """Own words only: what the figure itself is called."""
        if figure.index not in self._own:
            self._own[figure.index] = self.profile([(figure.own, OWN)])
        return self._own[figure.index]

    def similarity(self, a: Figure, b: Figure) -> float:
        return cosine(self.full(a), self.full(b))

    def shared_name(self, a: str, b: str, *, min_length: int = 3, max_sentences: int = 6) -> str | None:
        """The longest run of characters both texts hold that is rare in the report (in at most
        `max_sentences` sentences): a name such as 林口新創園 or 漏水率, not a phrase like 推動."""
        left, right = words(a), words(b)
        best: str | None = None
        for piece in left.split():
            for size in range(len(piece), min_length - 1, -1):
                if best and size <= len(best):
                    break
                for start in range(len(piece) - size + 1):
                    run = piece[start : start + size]
                    if run in right and self._rare(run, max_sentences):
                        best = run
                        break
        return best

    def _rare(self, run: str, max_sentences: int) -> bool:
        pairs = [run[i : i + 2] for i in range(len(run) - 1)]
        return min(self.frequency.get(pair, 0) for pair in pairs) <= max_sentences


# Nouns that name what kind of quantity is measured, not whose: 裝置容量 of which plant, 投資 of
# which programme is said elsewhere (the heading, the sentence). Two figures named only by a
# measure word are not the same indicator across items; two with different measures never are.
MEASURES = {
    "investment": ("投資總額", "投資金額", "投資額", "投資"),
    "output": ("年產值", "產值", "年營收", "營收", "營業額", "銷售額", "銷售"),
    "jobs": ("就業機會", "就業人數", "就業人口", "就業", "人力"),
    "budget": ("總經費", "經費", "金額", "預算", "補助", "補貼"),
    "capacity": ("總裝置容量", "裝置容量", "設置量", "設置", "容量"),
    "area": ("面積", "產業空間", "用地"),
    "water": ("供水量", "供水", "水量"),
    "households": ("受益戶",),
    "orders": ("訂單",),
    "trade": ("出口值", "出口", "進口"),
    "visits": ("人次",),
}
_MEASURE_OF = {fold(word): group for group, spelled in MEASURES.items() for word in spelled}
_MEASURES = re.compile("|".join(sorted(_MEASURE_OF, key=len, reverse=True)))
# Words that make a figure an amount added (a flow), not a level reached (a stock).
_FLOW = re.compile(fold(r"增加|新增|額外|增供|可增|每年|年增"))


@lru_cache(maxsize=16384)
def measures(text: str) -> frozenset[str]:
    """The kinds of measure `text` names (investment, capacity, …): 設置 and 裝置容量 are one."""
    return frozenset(_MEASURE_OF[word] for word in _MEASURES.findall(fold(text)))


@lru_cache(maxsize=16384)
def is_flow(text: str) -> bool:
    return bool(_FLOW.search(fold(text)))


def specific_name(text: str) -> str | None:
    """A figure's name when it says *what* is measured, beyond a measure word or a cue:
    屋頂型太陽光電 or 備用容量率, not 裝置容量 or 預計累計完成 (None)."""
    name = label(text)
    rest = _CUES.sub("", _MEASURES.sub("", fold(name)))
    rest = _NOT_TEXT.sub("", rest)
    return name if len(rest) >= 2 else None


def cosine(a: Profile, b: Profile) -> float:
    small, large = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
    dot = sum(weight * large.weights.get(gram, 0.0) for gram, weight in small.weights.items())
    return dot / (a.norm * b.norm)


_LEADING = re.compile(r"^(?:[成以於為將俾並另及再]|目前|預計|預期|規劃|持續|確保|推動|累計|完成|達成|配合|協助|設置量?已於)+")
_TRAILING = re.compile(r"(?:目標|為|以|達|之|的|皆可|可|已於|已從|從|已|前|約|計|方面|部分|等)+$")


def label(text: str) -> str:
    """A short readable name from a figure's words or a title: numbers, leading cue words and
    trailing particles dropped, spaces closed; the text before a colon or comma only."""
    cleaned = re.split(r"[：:，,；;。]", _NUMBERS.sub(" ", text), maxsplit=1)[0]
    cleaned = re.sub(r"\s+", "", cleaned)
    return _TRAILING.sub("", _LEADING.sub("", cleaned))
