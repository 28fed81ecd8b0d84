"""Questions answered with a cited figure — or "the report does not say".

    ask(engine, "109 年第 4 季製造業薪資補貼核准幾家？")

1. Read the question (`question.py`): what it wants (a number of some unit, a date, a list of
   names), the period it sets, and the content words left once those are taken out.
2. Retrieve candidate items with the search index (any content word), then candidate claims in
   them of the wanted unit.
3. Score each candidate by how much of the question its own sentence and headings cover, with the
   period and the kind (target or achieved) as constraints.
4. Answer only when the best candidate covers the question well; otherwise answer null and offer
   the nearest passages. A confident wrong figure is the worst outcome for a journalist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, select, text

from policyledger.entities import names_a_place
from policyledger.model import Claim, Node
from policyledger.quantity.changes import CHANGE_VERB, FROM, FROM_LEAD, TO
from policyledger.quantity.periods import REPORT_YEAR_WORDS, find_time_expressions
from policyledger.question import Question, compact, parse_question
from policyledger.records import iso, number
from policyledger.search import SearchHit, collection_of, hits, rank_each
from policyledger.search.retrieval import Candidate
from policyledger.search.terms import query_terms
from policyledger.store.repository import row_to_claim, row_to_node
from policyledger.store.schema import claims as claims_table
from policyledger.store.schema import documents as documents_table
from policyledger.store.schema import nodes as nodes_table
from policyledger.textnorm import fold

ANSWER_THRESHOLD = 0.6  # share of the question's content a passage must cover to be answered
CANDIDATE_ITEMS = 40
_SENTENCE = re.compile(r"[^。；;\n]+[。；;]?")


@dataclass
class _Item:
    doc: str
    node: Node
    context: str  # folded: the item's title and the titles above it
    score: float  # retrieval score
    folded: str = ""  # the node's text, folded (set on load)


@dataclass
class _Retrieved:
    items: list[_Item]
    rankings: list[tuple[list[str], list[tuple[Candidate, float]]]]  # per search term: its query terms, its best items


def ask(engine: Engine, question: str, *, doc_id: str | None = None) -> dict[str, Any]:
    """The DESIGN.md ask object: {question, answer | null, citations, confidence}, with `nearest`
    passages when there is no answer and `also` — another item's different figure that answers
    as well — when the report states the thing twice."""
    with engine.connect() as connection:
        parsed = parse_question(question, _report_year(connection, doc_id) if _RELATIVE_YEAR.search(question) else None)
        retrieved = _candidate_items(connection, parsed, doc_id)
        items = retrieved.items
        if parsed.wants == "date":
            best = _best_date(parsed, items)
        elif parsed.wants == "names":
            best = _best_names(parsed, items)
        else:
            best = _best_claim(connection, parsed, items)
        if best is None or best["confidence"] < ANSWER_THRESHOLD:
            confidence = best["confidence"] if best else 0.0
            return {"question": question, "answer": None, "citations": [], "confidence": round(confidence, 3),
                    "nearest": [hit.record() for hit in _nearest(connection, retrieved)]}
    result = {"question": question, "answer": best["answer"], "citations": [best["citation"]], "confidence": round(best["confidence"], 3)}
    if "also" in best:  # the report states the thing twice, differently: both are shown
        result["also"] = [best["also"]]
    return result


_RELATIVE_YEAR = re.compile("|".join(REPORT_YEAR_WORDS))


def _report_year(connection: Connection, doc_id: str | None) -> int | None:
    """The year of the newest report date among the reports asked about: 去年 is the one before."""
    query = select(func.max(documents_table.c.report_date))
    if doc_id is not None:
        query = query.where(documents_table.c.id == doc_id)
    newest = connection.execute(query).scalar_one_or_none()
    return newest.year if newest is not None else None


# --- retrieval -------------------------------------------------------------------------------


def _candidate_items(connection: Connection, parsed: Question, doc_id: str | None) -> _Retrieved:
    """Items that hold any content word of the question, best first (search index, OR): each
    term ranked as `search` ranks it, on one connection, without the hits' snippets."""
    scores: dict[tuple[str, int], float] = {}
    paths: dict[tuple[str, int], str] = {}
    queries = [query_terms(term) for term in parsed.search_terms]
    collection = collection_of(connection) if any(queries) else None
    ranked_each = rank_each(connection, queries, doc_id=doc_id, collection=collection, limit=CANDIDATE_ITEMS)
    rankings = list(zip(queries, ranked_each, strict=True))
    for term, (_, ranked) in zip(parsed.search_terms, rankings, strict=True):
        top = round(ranked[0][1], 4) if ranked else 0.0
        for candidate, score in ranked:
            key = (candidate.doc_id, candidate.ordinal)
            scores[key] = scores.get(key, 0.0) + (round(score, 4) / top if top else 0.0) * len(term)
            paths[key] = candidate.path
    ranked_keys = sorted(scores, key=lambda k: -scores[k])[:CANDIDATE_ITEMS]
    ranked_keys += [key for key in _children_of_best(connection, [(key, paths[key]) for key in ranked_keys[:5]]) if key not in ranked_keys]
    for key in ranked_keys:
        scores.setdefault(key, 0.0)
    return _Retrieved(_load_items(connection, ranked_keys, scores), rankings)


CHILDREN = 60  # sub-items of the best items taken at most
_CHILD = "SELECT {n} AS parent, ordinal FROM (SELECT ordinal FROM nodes WHERE doc_id = :d{n} AND substr(path, 1, :l{n}) = :p{n} ORDER BY ordinal LIMIT {limit}) AS c{n}"


def _children_of_best(connection: Connection, best: list[tuple[tuple[str, int], str]]) -> list[tuple[str, int]]:
    """The sub-items of the best items, the first item's first, each item's in document order
    (one query): a question names a section's topic (會展業…紓困補貼), the figure stands in one
    of its sub-items (3、 109 年第 4 季：…2.36 億元)."""
    parents = [(doc, path + "/") for (doc, _), path in best if path]
    if not parents:
        return []
    union = " UNION ALL ".join(_CHILD.format(n=n, limit=CHILDREN) for n in range(len(parents)))
    params = {key: value for n, (doc, prefix) in enumerate(parents) for key, value in ((f"d{n}", doc), (f"l{n}", len(prefix)), (f"p{n}", prefix))}
    found: list[tuple[str, int]] = []
    for row in connection.execute(text(f"SELECT parent, ordinal FROM ({union}) AS children ORDER BY parent, ordinal"), params):
        key = (parents[row.parent][0], row.ordinal)
        if key not in found:
            found.append(key)
    return found[:CHILDREN]


def _load_items(connection: Connection, keys: list[tuple[str, int]], scores: dict[tuple[str, int], float]) -> list[_Item]:
    if not keys:
        return []
    rows = {(row.doc_id, row.ordinal): row_to_node(row) for row in _select(connection, select(nodes_table), "ordinal", keys)}
    titles = _ancestor_titles(connection, [(d, n) for (d, _), n in rows.items()])
    items = []
    for d, o in keys:
        if (d, o) in rows:
            node = rows[d, o]
            items.append(_Item(d, node, fold(titles.get((d, node.path), "")), scores[d, o], fold(node.text)))
    return items


def _ancestor_titles(connection: Connection, items: list[tuple[str, Node]]) -> dict[tuple[str, str], str]:
    """For each item, its own title and the titles of the items above it, joined, with the names in
    「」 of their opening sentences ('六、 辦理內需型商家振興輔導方案：以「中小型店家數位轉型補助」措施…'
    names what every item under it is about)."""
    needed = {(doc, ancestor) for doc, node in items for ancestor in _ancestors(node.path)}
    if not needed:
        return {}
    columns = select(nodes_table.c.doc_id, nodes_table.c.path, nodes_table.c.title, nodes_table.c.text)
    found = {(row.doc_id, row.path): _heading_words(row.title, row.text) for row in _select(connection, columns, "path", sorted(needed))}
    return {(doc, node.path): " ".join(found.get((doc, p), "") for p in _ancestors(node.path)) for doc, node in items}


_OPENING_SENTENCE = re.compile(r"[^。；;]*")  # over line breaks: a heading may wrap


# A sentence that opens with its time or an adverb has no subject of its own: it goes on about
# what the item's opening sentence named.
_SUBJECTLESS = re.compile(fold(r"\s*(?:\d+\s*年|截至|迄今|目前|已|並|另|累計|總計|共|計)"))


def _topic_of_subjectless(text: str, sentence_start: int) -> str:
    """'…建立國產空品感測器技術自主能力…。109 年已技轉國內 3 家廠商': for a figure in a later
    sentence without a subject, the item's opening sentence and the sentence just before
    ('…已辦理 6 場…主題行銷活動…；共計吸引超過 214.8 萬人次參與')."""
    opening = _OPENING_SENTENCE.match(text)
    if opening is None or sentence_start < opening.end() or not _SUBJECTLESS.match(text, sentence_start):
        return ""
    previous_start = max(text.rfind(end, 0, max(0, sentence_start - 1)) for end in "。；;") + 1
    return opening.group(0) + " " + text[max(previous_start, opening.end()):sentence_start]


def _heading_words(title: str, text: str) -> str:
    opening = _OPENING_SENTENCE.match(text)
    names = _QUOTED.findall(opening.group(0)) if opening else []
    return " ".join([title, *names])


def _select(connection: Connection, query: Select[Any], column: str, keys: list[tuple[str, Any]]) -> Any:
    """`query` for the rows whose (doc_id, `column`) is one of `keys`: one IN list per document,
    so each document's rows are found through an index on (doc_id, column)."""
    by_doc: dict[str, list[Any]] = {}
    for doc, value in keys:
        by_doc.setdefault(doc, []).append(value)
    params: dict[str, Any] = {}
    groups = []
    for i, (doc, values) in enumerate(by_doc.items()):
        params[f"d{i}"] = doc
        params.update({f"v{i}_{j}": value for j, value in enumerate(values)})
        groups.append(f"(doc_id = :d{i} AND {column} IN ({', '.join(f':v{i}_{j}' for j in range(len(values)))}))")
    return connection.execute(query.where(text(" OR ".join(groups))), params)


def _ancestors(path: str) -> list[str]:
    parts = path.split("/") if path else []
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


# --- numbers ---------------------------------------------------------------------------------


def _best_claim(connection: Connection, parsed: Question, items: list[_Item]) -> dict[str, Any] | None:
    by_key = {(item.doc, item.node.path): item for item in items}
    found = _claims_of(connection, items)
    neighbours: dict[tuple[str, str], list[Claim]] = {}
    for doc, claim in found:
        neighbours.setdefault((doc, claim.path), []).append(claim)
    rarity = parsed.rarity([item.folded for item in items])
    scored: list[tuple[float, Claim, _Item]] = []
    for doc, claim in found:
        item = by_key.get((doc, claim.path))
        if item is None or not parsed.unit_matches(claim):
            continue
        scored.append((_claim_score(parsed, claim, item, [c for c in neighbours[doc, claim.path] if c is not claim], rarity), claim, item))
    if not scored:
        return None
    scored.sort(key=lambda entry: -entry[0])  # stable: of equal scores, the first found
    score, claim, item = scored[0]
    best = {"answer": _answer(claim), "citation": _citation(item, claim.start, claim.end), "confidence": score}
    rival = _rival(scored)
    if rival is not None:
        best["also"] = rival
    return best


# How close another item's figure must score to be told as well: the report may state one
# thing twice, differently ('109 年累計推動 72 萬 3,097 人次運用數位學習' in one item, '109 年計推動
# 超過 70 萬人次運用數位學習' in another); a reader should see both rather than one at random.
RIVAL_MARGIN = 0.05


def _rival(scored: list[tuple[float, Claim, _Item]]) -> dict[str, Any] | None:
    """Another item's different figure in the same unit that scores within RIVAL_MARGIN of the best."""
    best_score, best, best_item = scored[0]
    for score, claim, item in scored[1:]:
        if score < ANSWER_THRESHOLD or best_score - score > RIVAL_MARGIN:
            return None
        other_item = (item.doc, claim.path) != (best_item.doc, best.path)
        if other_item and claim.base_unit == best.base_unit and claim.base_value != best.base_value:
            return {"answer": _answer(claim), "citation": _citation(item, claim.start, claim.end), "confidence": round(score, 3)}
    return None


def _answer(claim: Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "value": number(claim.value),
        "base_value": number(claim.base_value),
        "base_unit": claim.base_unit,
        "period_start": iso(claim.period_start),
        "period_end": iso(claim.period_end),
    }


def _claims_of(connection: Connection, items: list[_Item]) -> list[tuple[str, Claim]]:
    """The items' claims, item by item in the items' order, each item's in document order."""
    if not items:
        return []
    order = {(item.doc, item.node.path): index for index, item in enumerate(items)}
    rows = _select(connection, select(claims_table), "path", list(order)).all()
    rows.sort(key=lambda row: (order[row.doc_id, row.path], row.ordinal))
    return [(row.doc_id, row_to_claim(row)) for row in rows]


def _claim_score(parsed: Question, claim: Claim, item: _Item, neighbours: list[Claim], rarity: dict[str, float]) -> float:
    text = item.folded
    sentence_start, sentence_end = _sentence_span(item.node.text, claim.start)
    clause_start, clause_end = _clause_span(item.node.text, claim.start, claim.end)
    before, after = _own_words(text, claim, neighbours, clause_start, clause_end)
    start_of_change = _start_of_change(text, claim, neighbours)
    if start_of_change is not None:  # the end of a change is named by the words before its start
        before = min(before, _own_words(text, start_of_change, neighbours, clause_start, clause_end)[0])
    respective = _respective_item(text, claim, clause_start)
    windows = [
        (text[before:after] + respective, 1.0),
        (text[clause_start:clause_end], 0.9),
        (item.context, 0.85),
        (text[sentence_start:sentence_end], 0.65),
        (_topic_of_subjectless(text, sentence_start), 0.65),
        (text, 0.35),
    ]
    # A date later in the sentence than the figure's own clause dates what follows it, not the figure.
    period = _period_factor(parsed, claim, item.node.text[sentence_start:clause_end])
    joined = [m.end() for m in _JOINS.finditer(text, before, claim.start)]
    own = text[max([before, *joined]):after] + respective
    sentence = text[sentence_start:sentence_end]
    factors = period * _kind_factor(parsed, claim) * _contrast_factor(parsed, own) * _subset_factor(parsed, own, sentence)
    factors *= _own_words_factor(parsed, own, claim) * _end_of_change_factor(parsed, text, claim, neighbours)
    factors *= _breakdown_factor(parsed, text, claim, neighbours, own, clause_start, clause_end)
    factors *= _named_elsewhere_factor(parsed, text, sentence)
    factors *= _part_factor(parsed, text[clause_start:clause_end]) * _list_member_factor(parsed, own, sentence, claim)
    return parsed.coverage(windows, rarity, period_matched=period >= 0.95) * factors


_FUNCTION_WORDS = re.compile(
    r"其中|共计|合计|总计|累计|分别|达到|已达|计有|共有|完成|增加|成长|减少|提升|提高|下降|降低|"
    r"约|达|计|共|为|之|的|及|与|和|并|已|至|将|于|在|[^\u4e00-\u9fff]"
)


def _own_words_factor(parsed: Question, own: str, claim: Claim) -> float:
    """How much of what names the figure the question also says: a figure named 受益人數 does not
    answer a question about 審查人員, a total named 再生能源 not one about its part 太陽光電."""
    chars = _FUNCTION_WORDS.sub("", own.replace(fold(claim.text), ""))
    if not chars:
        return 1.0
    asked = parsed.folded
    return 0.9 + 0.1 * sum(1 for char in chars if char in asked) / len(chars)


# Words whose opposite, standing by a figure, marks the figure of the other half of a pair
# ('2.8 萬戶高壓及 100 萬戶低壓智慧電表': asked for 高壓, 100 萬戶 is the wrong one).
_OPPOSITES = [(fold(a), fold(b)) for a, b in (
    ("高壓", "低壓"), ("出口", "進口"), ("輸出", "輸入"), ("出超", "入超"), ("國內", "國外"), ("公營", "民營"),
    ("屋頂型", "地面型"), ("陸域", "離岸"), ("專利", "商標"), ("最高", "最低"), ("上半年", "下半年"),
)]


_JOINS = re.compile(r"及|与|和|、")


def _contrast_factor(parsed: Question, own_words: str) -> float:
    asked = parsed.folded
    own = own_words.replace(" ", "")
    for first, second in _OPPOSITES:
        for wanted, other in ((first, second), (second, first)):
            if wanted in asked and other not in asked and other in own and wanted not in own:
                return 0.6
    return 1.0


# Words that mark a part of a counted whole: the failures among the inspected, the cases still
# open, the accepted among the proposed. '檢定 466 萬具，不合格者 1 萬 0,677 具': asked how many
# 不合格, the total is the wrong figure.
_SUBSET_WORDS = [fold(word) for word in (
    "不合格", "不符合", "不符", "未通過", "未達", "未完成", "未結", "違規", "違法", "失敗", "逾期", "退件", "駁回", "撤銷", "淘汰", "虧損",
    "被接受", "獲接受", "被採納", "獲採納", "獲選", "入選", "獲獎", "得獎",  # the accepted among those proposed
    "上年同期", "去年同期", "前一年同期",  # the base of a comparison: '98.1%(高於上年同期 95.5%)'
)]


def _subset_factor(parsed: Question, own_words: str, sentence: str) -> float:
    """A figure without the asked subset word beside it, in a sentence where that word stands
    by another figure, counts the whole, not the part asked for."""
    asked = parsed.folded
    own = own_words.replace(" ", "")
    sentence = sentence.replace(" ", "")
    for word in _SUBSET_WORDS:
        if word in asked and word not in own and word in sentence:
            return 0.6
    return 1.0


_SUBJECT_NAME = re.compile(r"\s*(?:[(（]\w{1,3}[)）])?\s*「([^」]*)」")


def _named_elsewhere_factor(parsed: Question, text: str, sentence: str) -> float:
    """'「傳統產業創新研發」…受理 1,261 案…;「中小型製造業即時輔導」…受理 728 案': asked about the
    second 「name」, a figure in a sentence whose subject is another is the other's. (A name the
    sentence counts — 完成公告「輪椅…」等 10 項 — is no subject.)"""
    asked = compact(parsed.folded)
    subject = _SUBJECT_NAME.match(sentence)
    if subject is None or compact(subject.group(1)) in asked:
        return 1.0
    elsewhere = (compact(name[1:-1]) for name in _QUOTED.findall(text))
    return 0.7 if any(name and name in asked for name in elsewhere) else 1.0


def _part_factor(parsed: Question, clause: str) -> float:
    """Asked how many of a whole are something (…中有多少件是新創企業), a figure whose clause does
    not name that something counts the whole."""
    return 0.6 if parsed.part and parsed.part not in compact(clause) else 1.0


def _list_member_factor(parsed: Question, own: str, sentence: str, claim: Claim) -> float:
    """'緊急抗旱水源計畫投入 14 億元，透過抗旱水井、埤塘水源…及新竹緊急海淡機組等多元開發': asked
    about one member of a list, a figure outside the list is the whole's, not the member's."""
    own_words = compact(own)
    compacted = compact(sentence)
    for enumeration in _ENUMERATION.finditer(compacted):
        head, comma, rest = enumeration.group(0).partition("、")
        clause_end = _CLAUSE_BREAK.search(compacted, enumeration.end())
        # the first name without what leads into the list (台電公司規劃於…), the last one on to
        # the end of its clause (names are cut at 14 characters) but not past 等, after which
        # the whole is named (…等宣導說明會)
        tail = compacted[enumeration.end():clause_end.start() if clause_end else None].split("等")[0]
        listed = _FOLDED_LEAD.sub("", head) + comma + rest.split("等")[0] + tail
        names = listed.split("、")
        if len(names) < 3 or any(len(name) < 2 for name in names) or compact(fold(claim.text)) in listed:
            continue  # not a list of things ('1、完成…檢定計 466 萬…' is an item marker)
        for segment in parsed.segments:
            grams = [segment[i:i + 2] for i in range(len(segment) - 1)]
            if len(grams) < 3 or segment in parsed.anchors:
                continue
            in_list = sum(gram in listed for gram in grams) / len(grams)
            in_own = sum(gram in own_words for gram in grams) / len(grams)
            if in_list >= 0.6 and in_own < 0.3:
                return 0.8
    return 1.0


_OPENING = re.compile(r"\s*[（(]")
_CLOSING = re.compile(r"[）)]")
_PART_NAME = re.compile(r"[\u4e00-\u9fff]{2,}")


def _breakdown_factor(parsed: Question, text: str, claim: Claim, neighbours: list[Claim], own: str, clause_start: int, clause_end: int) -> float:
    """'延攬海外科技人才 931 人（海外人才 534 人、僑外生 397 人）': asked for 僑外生, a part named in
    the bracket after a total, the total is the wrong figure."""
    opening = _OPENING.match(text, claim.end)
    if opening is None:
        return 1.0
    closing = _CLOSING.search(text, opening.end())
    end = closing.start() if closing else clause_end
    parts = [c for c in neighbours if opening.end() <= c.start < end]
    asked = parsed.folded
    for part in parts:
        others = [claim, *(c for c in neighbours if c is not part)]
        start, stop = _own_words(text, part, others, clause_start, clause_end)
        names = _PART_NAME.findall(text[start:stop].replace(fold(part.text), " "))
        if any(name in asked and name not in own for name in names):
            return 0.6
    return 1.0


# '由 538 公頃增加為 835 公頃': the first figure is where a change started, the second where it
# ended. A reader asking how large something is (or what it grew to) wants the end, unless the
# question asks where it started.
_CHANGE_FROM = re.compile(fold(rf"{FROM}\s*{FROM_LEAD}\s*$"))
_CHANGE_TO = re.compile(fold(rf"^\s*{CHANGE_VERB}?\s*{TO}\s*$"))
_ASKS_START = re.compile(fold(r"原本|原來|原先|起初|之前|由多少|從多少"))


def _start_of_change(text: str, claim: Claim, neighbours: list[Claim]) -> Claim | None:
    """The figure a change started from, when `claim` is where it ended."""
    earlier = [c for c in neighbours if c.end <= claim.start]
    if not earlier:
        return None
    start = max(earlier, key=lambda c: c.end)
    linked = _CHANGE_FROM.search(text, max(0, start.start - 6), start.start) and _CHANGE_TO.match(text[start.end:claim.start])
    return start if linked else None


def _end_of_change_factor(parsed: Question, text: str, claim: Claim, neighbours: list[Claim]) -> float:
    """The figure of a change's two ends that the question does not ask for counts less."""
    if _ASKS_START.search(parsed.folded):
        return 0.85 if _start_of_change(text, claim, neighbours) is not None else 1.0
    later = [c for c in neighbours if c.start >= claim.end]
    if not later:
        return 1.0
    return 0.85 if _start_of_change(text, min(later, key=lambda c: c.start), [claim]) is claim else 1.0


_NUMBER = re.compile(r"\d[\d,.]*")
_RESPECTIVELY = fold("分別")  # windows are searched in folded text


def _respective_item(text: str, claim: Claim, clause_start: int) -> str:
    """'專利、商標新申請案電子申請比率分別攀升至 85.8％、84％': the k-th figure after 分別 belongs
    to the k-th thing listed before it (84％ → 商標新申請案…)."""
    marker = text.rfind(_RESPECTIVELY, clause_start, claim.start)
    if marker < 0:
        return ""
    position = len(_NUMBER.findall(text[marker:claim.start]))
    listed = re.split(r"、|及|与|和", text[clause_start:marker])
    if len(listed) < 2 or position >= len(listed):
        return ""
    return " " + listed[position]


_OWN_START = re.compile(r"[、(（]")
_OWN_END = re.compile(r"[、)）(（]|及|與|与|和|以及")


def _own_words(text: str, claim: Claim, neighbours: list[Claim], clause_start: int, clause_end: int) -> tuple[int, int]:
    """The words that belong to this figure in a list or a bracket: back to the previous figure,
    、 or opening bracket, and on to the next 、, 及, closing bracket or figure
    ('7,000 家餐飲業者…、958 家零售業者…'; '保險 7,789件(承保金額約 588.9億元)及利息補貼 268件')."""
    before = max([clause_start] + [_past_name(text, c.end, claim.start) for c in neighbours if c.end <= claim.start])
    respectively = text.rfind(_RESPECTIVELY, before, claim.start)
    if respectively >= 0:
        before = respectively + 2  # what comes before 分別 is shared out by _respective_item
    starts = list(_OWN_START.finditer(text, before, claim.start))
    if starts:
        before = starts[-1].end()
    after = min([clause_end] + [c.start for c in neighbours if c.start >= claim.end])
    end = _OWN_END.search(text, _past_name(text, claim.end, after), after)
    if end:
        after = end.start()
    return before, after


_NAME_AFTER = re.compile(r"\s*「[^」]*」")


def _past_name(text: str, end: int, limit: int) -> int:
    """Where a figure's words may end: past the 「name」 that follows it, which names what it
    counts ('4 場「臺日經貿媒合與技術交流線上商談會」與 2 場「臺日經貿研討會」')."""
    name = _NAME_AFTER.match(text, end, limit)
    return name.end() if name else end


_CLAUSE_BREAK = re.compile(r"[，。；：;:\n]|,(?!\d)")


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    right = _CLAUSE_BREAK.search(text, end)
    return left, right.start() if right else len(text)


def _sentence_span(text: str, offset: int) -> tuple[int, int]:
    for match in _SENTENCE.finditer(text):
        if match.start() <= offset < match.end():
            return match.start(), match.end()
    return 0, len(text)


def _period_factor(parsed: Question, claim: Claim, sentence: str) -> float:
    if parsed.period is None:
        return 1.0
    start, end = parsed.period
    claim_start, claim_end = claim.period_start, claim.period_end
    if claim_start is None and claim_end is None:
        mentioned = _sentence_mentions(sentence, start, end)
        return 1.0 if mentioned else 0.8
    if parsed.as_of and claim_end == end:
        return 1.0
    if (claim_start, claim_end) == (start, end):
        return 1.0
    if claim_end is not None and start is not None and end is not None and start <= claim_end <= end:
        return 0.95
    if claim_start is not None and start is not None and end is not None and start <= claim_start <= end:
        return 0.9
    return 0.45


def _sentence_mentions(sentence: str, start: date | None, end: date | None) -> bool:
    return any(expr.period_end == end or (start is not None and expr.period_start == start) for expr in find_time_expressions(sentence))


# Words that ask for a cap, a floor or a threshold — what a rule figure states.
_ASKS_RULE = re.compile(fold(r"上限|下限|最多|最高|最少|最低|至少|以上|以下|門檻|規定|須|需|可以|可"))


def _kind_factor(parsed: Question, claim: Claim) -> float:
    if claim.kind == "rule" and not _ASKS_RULE.search(parsed.folded):
        return 0.85  # '5 億元以上之民間新增投資案件…投資金額 1.5 兆元': the class's threshold is no amount of it
    if parsed.wants_target:
        return 1.0 if claim.kind in ("target", "forecast") else 0.85
    if parsed.wants_change:
        return 1.0 if claim.kind == "change" else 0.8
    if parsed.wants_actual:
        return 0.6 if claim.kind in ("target", "forecast") else 1.0
    return 0.8 if claim.kind in ("target", "forecast") else 1.0


# --- dates and names -------------------------------------------------------------------------


_QUOTED = re.compile(r"「[^」]*」")


def _best_date(parsed: Question, items: list[_Item]) -> dict[str, Any] | None:
    rarity = parsed.rarity([item.folded for item in items])
    best = None
    for item in items:
        for match in _SENTENCE.finditer(item.node.text):
            sentence = match.group(0)
            folded = fold(sentence)
            for expr in find_time_expressions(sentence):
                if (expr.period_start is None and expr.period_end is None) or not re.search(r"日|月", expr.text):
                    continue
                # The date's own clause first: '…發布「方案」，並自 110 年 1 月 5 日起試行' — asked when it
                # 試行, the date of that clause, not the sentence's first.
                clause_start, clause_end = _clause_span(sentence, expr.start, expr.end)
                # A quoted name's words are matched in the sentence; in the clause they would tie the
                # clause of a name that holds the verb (「…試行作業方案」) with the verb's own.
                own_clause = _QUOTED.sub(" ", folded[clause_start:clause_end])
                windows = [(own_clause, 1.0), (folded, 0.9), (item.context, 0.85), (item.folded, 0.35)]
                score = parsed.coverage(windows, rarity) * (1.0 if "日" in expr.text else 0.9)
                if best is None or score > best[0]:
                    when = expr.period_end if expr.period_start is None else expr.period_start
                    best = (score, item, match.start() + expr.start, match.start() + expr.end, expr.text.strip(), when)
    if best is None:
        return None
    score, item, start, end, text, when = best
    answer = {"text": re.sub(r"^(?:截至|自|於|至)\s*", "", text), "value": iso(when), "base_value": None, "base_unit": "date",
              "period_start": iso(when), "period_end": iso(when)}
    return {"answer": answer, "citation": _citation(item, start, end), "confidence": score}


# A list: names of up to 14 characters joined by 、 (the last perhaps by 及/與/和/暨), each
# perhaps followed by a bracketed note: '越南(6 月 8 日)、印尼(6 月 18 日)…及泰國(10 月 16 日)'.
_LIST_NAME = r"[^、，,。；;：:\s（）()「」]{1,14}(?:[（(][^（）()]{0,24}[）)])?"
_ENUMERATION = re.compile(rf"{_LIST_NAME}(?:、{_LIST_NAME}){{1,}}(?:(?:及|與|和|暨){_LIST_NAME})?")
# Two names joined by a conjunction ('取得馬國吉隆坡國際機場與沙巴公家機關合作共識'): a list too,
# but a weaker one, since 'A 與 B' also joins things that are no answer.
_PAIR = re.compile(rf"{_LIST_NAME}(?:及|與|和|暨){_LIST_NAME}")
PAIR_WEIGHT = 0.9
_NOTE = re.compile(r"[（(][^（）()]*[）)]")
_ITEM_LEAD = re.compile(r"^.*(?:包括|包含|計有|共有|例如|如|於|與|在|有|辦理|赴|向|取得)")
_FOLDED_LEAD = re.compile(fold(_ITEM_LEAD.pattern))
_ITEM_TAIL = re.compile(r"(?:等|合作|辦理|達成|進駐|執行|共同|各|兩|\d).*$")


def _best_names(parsed: Question, items: list[_Item]) -> dict[str, Any] | None:
    rarity = parsed.rarity([item.folded for item in items])
    best = None
    for item in items:
        for match in _SENTENCE.finditer(item.node.text):
            sentence = match.group(0)
            coverage = parsed.coverage([(fold(sentence), 1.0), (item.context, 0.85), (item.folded, 0.35)], rarity)
            if parsed.wants_title:
                for title, score in _titles(parsed, item, sentence, rarity):
                    if best is None or score > best[0]:
                        best = (score, item, match.start() + title.start(), match.start() + title.end(), [title.group(1)])
            for enum, weight in _lists(sentence):
                names = _names(enum.group(0))
                if len(names) < 2 or (parsed.count is not None and len(names) != parsed.count):
                    continue
                if parsed.wants_places and sum(map(names_a_place, names)) * 2 < len(names):
                    continue  # asked for countries, a list of anything else is no answer
                score = coverage * weight * min(1.0, 0.85 + 0.05 * len(names))
                if best is None or score > best[0]:
                    best = (score, item, match.start() + enum.start(), match.start() + enum.end(), names)
    if best is None:
        return None
    score, item, start, end, names = best
    answer = {"text": "、".join(names), "value": names, "base_value": None, "base_unit": None, "period_start": None, "period_end": None}
    return {"answer": answer, "citation": _citation(item, start, end), "confidence": score}


_TITLE = re.compile(r"「([^」]{2,40})」")
TITLE_WEIGHT = 0.95


def _titles(parsed: Question, item: _Item, sentence: str, rarity: dict[str, float]) -> list[tuple[re.Match[str], float]]:
    """Each 「name」 of a sentence, scored by the words of its own clause first: '109 年完成與巴拉圭
    簽署「促進技術合作意向書」，及與以色列重新簽署「一般性合作協定」' — asked about 巴拉圭, the first."""
    folded = fold(sentence)
    scored = []
    for title in _TITLE.finditer(sentence):
        clause_start, clause_end = _clause_span(sentence, title.start(), title.end())
        windows = [(folded[clause_start:clause_end], 1.0), (item.context, 0.85), (folded, 0.65), (item.folded, 0.35)]
        scored.append((title, parsed.coverage(windows, rarity) * TITLE_WEIGHT))
    return scored


def _lists(sentence: str) -> list[tuple[re.Match[str], float]]:
    """A sentence's 、-lists, or where it has none, its pairs joined by a conjunction."""
    lists = [(match, 1.0) for match in _ENUMERATION.finditer(sentence)]
    return lists or [(match, PAIR_WEIGHT) for match in _PAIR.finditer(sentence)]


def _names(enumeration: str) -> list[str]:
    """The names of a list, without their bracketed notes. Only the last 、-part is split at a
    conjunction: 和 inside a name (台灣百和) is no 'and'."""
    parts = _NOTE.sub("", enumeration).split("、")
    parts[-1:] = re.split(r"及|與|和|暨", parts[-1], maxsplit=1)
    parts[0] = _ITEM_LEAD.sub("", parts[0])
    parts[-1] = _ITEM_TAIL.sub("", parts[-1])
    return [part.strip() for part in parts if part.strip()]


# --- citations and the nearest passages --------------------------------------------------------


def _citation(item: _Item, start: int, end: int) -> dict[str, Any]:
    """Where the answer stands: from the start of its sentence to the end of its clause, and the
    lines from the quote's first to the figure's own."""
    node = item.node
    sentence_start, _ = _sentence_span(node.text, start)
    _, clause_end = _clause_span(node.text, start, end)
    quote = re.sub(r"\s*\n\s*", "", node.text[sentence_start:clause_end]).strip()
    first = sentence_start + (len(node.text[sentence_start:]) - len(node.text[sentence_start:].lstrip()))
    return {"doc": item.doc, "path": node.path, "line_start": node.line_at(first), "line_end": node.line_at(max(start, end - 1)), "quote": quote}


def _nearest(connection: Connection, retrieved: _Retrieved) -> list[SearchHit]:
    """The three best items of each of the first three search terms, best first, each once."""
    found = []
    for terms, ranked in retrieved.rankings[:3]:
        found += hits(connection, terms, ranked[:3])
    seen = set()
    unique = []
    for hit in sorted(found, key=lambda h: -h.score):
        if (hit.doc, hit.path) not in seen:
            seen.add((hit.doc, hit.path))
            unique.append(hit)
    return unique[:5]
