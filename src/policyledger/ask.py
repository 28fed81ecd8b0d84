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
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, Select, TextClause, func, select, text

from policyledger.date_answer import best_date
from policyledger.figure_score import score_figure
from policyledger.markers import first_sibling_marker, parse_marker
from policyledger.model import Claim, Node
from policyledger.name_answer import best_names
from policyledger.ordinal_answer import best_ordinal
from policyledger.passages import OPENING_SENTENCE, QUOTED, SUBJECTLESS, Item, citation
from policyledger.quantity.periods import REPORT_YEAR_WORDS
from policyledger.question import Question, authors_of, parse_question
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


@dataclass
class _Retrieved:
    items: list[Item]
    rankings: list[tuple[list[str], list[tuple[Candidate, float]]]]  # per search term: its query terms, its best items


def ask(engine: Engine, question: str, *, doc_id: str | None = None) -> dict[str, Any]:
    """The DESIGN.md ask object: {question, answer | null, citations, confidence}, with `nearest`
    passages when there is no answer and `also` — another item's different figure that answers
    as well — when the report states the thing twice."""
    with engine.connect() as connection:
        # the report's date reads 去年, a month named alone, and tells a year still to come (114 年初…可供水多少: a plan's figure)
        written = _report_date(connection, doc_id) if _RELATIVE_YEAR.search(question) or _A_YEAR.search(question) or _A_MONTH.search(question) else None
        parsed = parse_question(question, written and written.year, _authors(connection, doc_id), written and written.month)
        retrieved = _candidate_items(connection, parsed, doc_id)
        items = retrieved.items
        if parsed.wants == "date":
            best = best_date(parsed, items)
        elif parsed.wants == "names":
            best = best_names(parsed, items, _claims_of(connection, items))
        elif parsed.wants == "ordinal":
            best = best_ordinal(parsed, items)
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
_A_YEAR = re.compile(r"\d{2,3}\s*年")
_A_MONTH = re.compile(r"\d{1,2}\s*月")


def _report_date(connection: Connection, doc_id: str | None) -> date | None:
    """The newest report date among the reports asked about: 去年 is the year before its year."""
    query = select(func.max(documents_table.c.report_date))
    if doc_id is not None:
        query = query.where(documents_table.c.id == doc_id)
    return connection.execute(query).scalar_one_or_none()


def _authors(connection: Connection, doc_id: str | None) -> tuple[str, ...]:
    """Who wrote the reports asked about (勞動部, from 勞動部業務報告): the reports call themselves 本部."""
    query = select(documents_table.c.title).distinct()
    if doc_id is not None:
        query = query.where(documents_table.c.id == doc_id)
    return authors_of(list(connection.execute(query.limit(200)).scalars()))


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
    params = {key: value for n, (doc, prefix) in enumerate(parents) for key, value in ((f"d{n}", doc), (f"l{n}", len(prefix)), (f"p{n}", prefix))}
    found: list[tuple[str, int]] = []
    for row in connection.execute(_children_statement(len(parents)), params):
        key = (parents[row.parent][0], row.ordinal)
        if key not in found:
            found.append(key)
    return found[:CHILDREN]


@lru_cache(maxsize=8)
def _children_statement(parents: int) -> TextClause:
    union = " UNION ALL ".join(_CHILD.format(n=n, limit=CHILDREN) for n in range(parents))
    return text(f"SELECT parent, ordinal FROM ({union}) AS children ORDER BY parent, ordinal")


def _load_items(connection: Connection, keys: list[tuple[str, int]], scores: dict[tuple[str, int], float]) -> list[Item]:
    if not keys:
        return []
    rows = {(row.doc_id, row.ordinal): row_to_node(row) for row in _select(connection, select(nodes_table), "ordinal", keys)}
    titles = _ancestor_titles(connection, [(d, n) for (d, _), n in rows.items()])
    firsts = _first_items(connection, [(d, n) for (d, _), n in rows.items()])
    items = []
    for d, o in keys:
        if (d, o) in rows:
            node = rows[d, o]
            first = firsts.get((d, node.path), "")
            lead = first if _OPENS_WITH_A_YEAR.match(first) else ""
            topic = fold(_topic(first)) if first and _opens_without_subject(node.text) else ""
            items.append(Item(d, node, fold(titles.get((d, node.path), "")), scores[d, o], fold(node.text), lead, topic))
    return items


def _topic(text: str) -> str:
    """A list's first item's opening sentence when it only says what the list is about ('(1) 辦理受疫情影響
    標竿企業之研發輔導(產業創新平台特案補助)。'); '' when it states figures of its own ('1. 三倍券共有 3+1 方式
    領取，…信用卡等 3 種數位方式'): then its words are its own figures', not the later items'."""
    marker = parse_marker(text)
    sentence = OPENING_SENTENCE.match(marker.rest if marker else text)
    opening = sentence.group(0) if sentence else ""
    return "" if _A_DIGIT.search(opening) else opening


_A_DIGIT = re.compile(r"\d")


def _opens_without_subject(text: str) -> bool:
    """'(3) 截至 109 年底，完成簽約 117 案': an item that opens with its time or its verb goes on about what its
    list's first item named (not '二、 全般刑案發生 28 萬 5,300 件，破獲率 96.2%', which names its own)."""
    marker = parse_marker(text)
    return SUBJECTLESS.match(fold(marker.rest if marker else text)) is not None


def _first_items(connection: Connection, items: list[tuple[str, Node]]) -> dict[tuple[str, str], str]:
    """For each item after the first of its list, that first item's text. When it opens with a year ('1、
    109 年核准對中國大陸投資 475 件…') it gives the year the list's later items go on under ('2、 就業別觀之，…
    批發及零售業 14.1 億美元'); its opening sentence may name what they are about ('(1) 辦理受疫情影響標竿企業之
    研發輔導…' before '(3) 截至 109 年底，完成簽約 117 案')."""
    firsts = {}
    for doc, node in items:
        marker = first_sibling_marker(node.marker) if node.path else None
        if marker is not None:
            parent = node.path.rpartition("/")[0]
            firsts[doc, node.path] = (doc, f"{parent}/{marker}" if parent else marker)
    if not firsts:
        return {}
    columns = select(nodes_table.c.doc_id, nodes_table.c.path, nodes_table.c.text)
    found = {(row.doc_id, row.path): row.text for row in _select(connection, columns, "path", sorted(set(firsts.values())))}
    return {key: found[first] for key, first in firsts.items() if first in found}


# A list's first item that opens with its year frames the list: '1、 109 年核准對中國大陸投資…'.
_OPENS_WITH_A_YEAR = re.compile(r"\s*(?:[(（]?[\d一二三四五六七八九十]+[)）]?[、.．]?|[A-Za-z][.．])\s*\d{2,3}\s*年")


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


def _heading_words(title: str, text: str) -> str:
    opening = OPENING_SENTENCE.match(text)
    names = QUOTED.findall(opening.group(0)) if opening else []
    return " ".join([title, *names])


def _select(connection: Connection, query: Select[Any], column: str, keys: list[tuple[str, Any]]) -> Any:
    """`query` for the rows whose (doc_id, `column`) is one of `keys`: one IN list per document,
    so each document's rows are found through an index on (doc_id, column)."""
    by_doc: dict[str, list[Any]] = {}
    for doc, value in keys:
        by_doc.setdefault(doc, []).append(value)
    params: dict[str, Any] = {}
    for i, (doc, values) in enumerate(by_doc.items()):
        params[f"d{i}"] = doc
        params.update({f"v{i}_{j}": value for j, value in enumerate(values)})
    shape = tuple(len(values) for values in by_doc.values())
    return connection.execute(query.where(_in_lists(column, shape)), params)


@lru_cache(maxsize=256)
def _in_lists(column: str, shape: tuple[int, ...]) -> TextClause:
    """The WHERE clause of `_select` for documents with `shape[i]` values each (built once per
    shape: parsing a text clause's parameters costs more than running it on a small report)."""
    groups = (f"(doc_id = :d{i} AND {column} IN ({', '.join(f':v{i}_{j}' for j in range(count))}))" for i, count in enumerate(shape))
    return text(" OR ".join(groups))


def _ancestors(path: str) -> list[str]:
    parts = path.split("/") if path else []
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


# --- numbers ---------------------------------------------------------------------------------


def _best_claim(connection: Connection, parsed: Question, items: list[Item]) -> dict[str, Any] | None:
    by_key = {(item.doc, item.node.path): item for item in items}
    found = _claims_of(connection, items)
    neighbours: dict[tuple[str, str], list[Claim]] = {}
    for doc, claim in found:
        neighbours.setdefault((doc, claim.path), []).append(claim)
    rarity = parsed.rarity([item.folded for item in items])
    scored: list[tuple[float, Claim, Item]] = []
    for doc, claim in found:
        item = by_key.get((doc, claim.path))
        if item is None or not parsed.unit_matches(claim):
            continue
        scored.append((score_figure(parsed, claim, item, [c for c in neighbours[doc, claim.path] if c is not claim], rarity), claim, item))
    if not scored:
        return None
    scored.sort(key=lambda entry: -entry[0])  # stable: of equal scores, the first found
    score, claim, item = scored[0]
    highest = bool(_HIGHEST_ASKED.search(parsed.asked or parsed.text))  # '最高可達多少': the reader's words, which reading drops
    best = {"answer": _answer(claim, highest), "citation": citation(item, claim.start, claim.end), "confidence": score}
    rival = _rival(scored, highest)
    if rival is not None:
        best["also"] = rival
    return best


# How close another item's figure must score to be told as well: the report may state one
# thing twice, differently ('109 年累計推動 72 萬 3,097 人次運用數位學習' in one item, '109 年計推動
# 超過 70 萬人次運用數位學習' in another); a reader should see both rather than one at random.
RIVAL_MARGIN = 0.05


def _rival(scored: list[tuple[float, Claim, Item]], highest: bool) -> dict[str, Any] | None:
    """Another item's different figure in the same unit that scores within RIVAL_MARGIN of the best."""
    best_score, best, best_item = scored[0]
    for score, claim, item in scored[1:]:
        if score < ANSWER_THRESHOLD or best_score - score > RIVAL_MARGIN:
            return None
        other_item = (item.doc, claim.path) != (best_item.doc, best.path)
        if other_item and claim.base_unit == best.base_unit and claim.base_value != best.base_value:
            return {"answer": _answer(claim, highest), "citation": citation(item, claim.start, claim.end), "confidence": round(score, 3)}
    return None


# '每人每月最高是多少元', asked of '8,000 元至 1 萬 2,000 元': the top of the range is the value asked.
_HIGHEST_ASKED = re.compile(r"最高|最多|上限|至多")


def _answer(claim: Claim, highest: bool = False) -> dict[str, Any]:
    value, base_value = claim.value, claim.base_value
    if highest and claim.value_high is not None and claim.value:
        value, base_value = claim.value_high, claim.base_value * claim.value_high / claim.value
    return {
        "text": claim.text,
        "value": number(value),
        "base_value": number(base_value),
        "base_unit": claim.base_unit,
        "period_start": iso(claim.period_start),
        "period_end": iso(claim.period_end),
    }


def _claims_of(connection: Connection, items: list[Item]) -> list[tuple[str, Claim]]:
    """The items' claims, item by item in the items' order, each item's in document order."""
    if not items:
        return []
    order = {(item.doc, item.node.path): index for index, item in enumerate(items)}
    rows = _select(connection, select(claims_table), "path", list(order)).all()
    rows.sort(key=lambda row: (order[row.doc_id, row.path], row.ordinal))
    return [(row.doc_id, row_to_claim(row)) for row in rows]


# --- citations and the nearest passages --------------------------------------------------------


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
