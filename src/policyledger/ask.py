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
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, Select, TextClause, func, select, text

from policyledger.entities import names_a_place
from policyledger.figure_score import score_figure
from policyledger.model import Claim, Node
from policyledger.passages import OPENING_SENTENCE, QUOTED, SENTENCE, Item, clause_span, counted_lists, lists_in, names_of, ranked_lists, sentence_span
from policyledger.quantity.periods import REPORT_YEAR_WORDS, find_time_expressions
from policyledger.question import Question, authors_of, compact, parse_question
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
        year = _report_year(connection, doc_id) if _RELATIVE_YEAR.search(question) else None
        parsed = parse_question(question, year, _authors(connection, doc_id))
        retrieved = _candidate_items(connection, parsed, doc_id)
        items = retrieved.items
        if parsed.wants == "date":
            best = _best_date(parsed, items)
        elif parsed.wants == "names":
            best = _best_names(parsed, items, _claims_of(connection, items))
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
    items = []
    for d, o in keys:
        if (d, o) in rows:
            node = rows[d, o]
            items.append(Item(d, node, fold(titles.get((d, node.path), "")), scores[d, o], fold(node.text)))
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
    best = {"answer": _answer(claim), "citation": _citation(item, claim.start, claim.end), "confidence": score}
    rival = _rival(scored)
    if rival is not None:
        best["also"] = rival
    return best


# How close another item's figure must score to be told as well: the report may state one
# thing twice, differently ('109 年累計推動 72 萬 3,097 人次運用數位學習' in one item, '109 年計推動
# 超過 70 萬人次運用數位學習' in another); a reader should see both rather than one at random.
RIVAL_MARGIN = 0.05


def _rival(scored: list[tuple[float, Claim, Item]]) -> dict[str, Any] | None:
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


def _claims_of(connection: Connection, items: list[Item]) -> list[tuple[str, Claim]]:
    """The items' claims, item by item in the items' order, each item's in document order."""
    if not items:
        return []
    order = {(item.doc, item.node.path): index for index, item in enumerate(items)}
    rows = _select(connection, select(claims_table), "path", list(order)).all()
    rows.sort(key=lambda row: (order[row.doc_id, row.path], row.ordinal))
    return [(row.doc_id, row_to_claim(row)) for row in rows]


# --- dates and names -------------------------------------------------------------------------


# A clause that is a date and little else ('從 109 年 9 月 16 日起'): what happened then follows.
_DATE_ALONE = re.compile(r"\s*(?:從|自|於|至|截至)?\s*[\d\s年月日、及至]+(?:起|開始|止)?\s*")


# A date's clause that opens with 已/並 and the date goes on from the clause before: '增訂…第 46-1 條
# 閒置土地「罰款、拍賣」規定，已於 106 年 11 月 22 日公告'.
_GOES_ON_DATE = re.compile(r"\s*(?:已|並|且|亦|另|則)\s*(?:於|在|自)?\s*$")


def _subject_clause_start(sentence: str, expressions: list, index: int, clause_start: int) -> int:
    """Where a date's clause starts, or the clause before it when the date's clause goes on from it
    (and that clause holds no date of its own)."""
    expr = expressions[index]
    if clause_start == 0 or not _GOES_ON_DATE.fullmatch(sentence, clause_start, expr.start):
        return clause_start
    previous_start, _ = clause_span(sentence, clause_start - 1, clause_start - 1)
    if index > 0 and expressions[index - 1].end > previous_start:
        return clause_start
    return previous_start


_AS_OF = re.compile(r"\s*(?:截至|截止|迄)")
_AS_OF_ASKED = re.compile(r"截至|截止|迄|統計到|算到")


def _best_date(parsed: Question, items: list[Item]) -> dict[str, Any] | None:
    rarity = parsed.rarity([item.folded for item in items])
    best = None
    for item in items:
        for match in SENTENCE.finditer(item.node.text):
            sentence = match.group(0)
            folded = fold(sentence)
            expressions = find_time_expressions(sentence)
            for index, expr in enumerate(expressions):
                if (expr.period_start is None and expr.period_end is None) or not (parsed.wants_year or re.search(r"日|月|底", expr.text)):
                    continue
                exact = "日" in expr.text or parsed.wants_year
                windows = _date_windows(item, sentence, folded, expressions, index)
                score = parsed.coverage(windows, rarity) * (1.0 if exact else 0.9) * _stated_figure_factor(parsed, windows)
                score *= _heading_period_factor(parsed, item) * _superseded_factor(parsed, windows)
                if _AS_OF.match(expr.text) and not _AS_OF_ASKED.search(parsed.text):
                    score *= 0.9  # '截至 110 年 2 月 23 日，提供…': the day counted to, not the day it happened
                if best is None or score > best[0]:
                    when = expr.period_end if expr.period_start is None else expr.period_start
                    text, precision = expr.text.strip(), "year" if parsed.wants_year else _precision(expr.text)
                    respective = _respective_date(parsed, sentence, expr)
                    if respective is not None:
                        (text, when), precision = respective, "day"
                    best = (score, item, match.start() + expr.start, match.start() + expr.end, text, when, precision)
    if best is None:
        return None
    score, item, start, end, text, when, precision = best
    first, last = _span_of(when, precision)
    answer = {"text": re.sub(r"^(?:截至|自|於|至)\s*", "", text), "value": _as_written(when, precision), "base_value": None,
              "base_unit": "date", "period_start": iso(first), "period_end": iso(last)}
    return {"answer": answer, "citation": _citation(item, start, end), "confidence": score}


_NEW_ASKED = re.compile(r"新的|調整後|延後後|修正後|最新")
_ORIGINAL_PLAN = re.compile(fold(r"原(?:規劃|訂|定|預定|計畫|排定)"))


def _superseded_factor(parsed: Question, windows: list[tuple[str, float]]) -> float:
    """Asked for the new date ('滾動檢討後，新的商轉日期'), the date an original plan gave ('原規劃於 114
    年 1 月 1 日…商轉，…將滾動檢討') is the one replaced."""
    own = "".join(text for text, weight in windows if weight >= 1.0)
    return 0.7 if _NEW_ASKED.search(parsed.text) and _ORIGINAL_PLAN.search(compact(own)) else 1.0


def _heading_period_factor(parsed: Question, item: Item) -> float:
    """An item headed by another period than the one asked about ('B. 109 年第 3 季：109 年 10 月 31 日
    截止受理申請', asked about 第 4 季) tells the dates of that period, even one that falls in it."""
    if parsed.period is None:
        return 1.0
    headed = find_time_expressions(item.node.title)
    if not headed or headed[0].period_start is None or headed[0].period_end is None:
        return 1.0
    start, end = parsed.period
    overlaps = (start is None or start <= headed[0].period_end) and (end is None or headed[0].period_start <= end)
    return 1.0 if overlaps else 0.7


def _stated_figure_factor(parsed: Question, windows: list[tuple[str, float]]) -> float:
    """A figure the question states ('提高到至少 14 天是在哪一年') stands by the date asked for: '108 年至少
    7 天，116 年至少 14 天' — 116 年, though 108 年's clause holds the rest of the question's words."""
    stated = [anchor for anchor in parsed.anchors if anchor not in parsed.date_anchors]
    own = "".join(compact(text) for text, weight in windows if weight >= 1.0)
    return 0.9 if stated and not any(anchor in own for anchor in stated) else 1.0


def _precision(written: str) -> str:
    """How exactly a report dates a thing: '109 年 12 月底' and '108 年 3 月 4 日' to the day, '106 年 4 月'
    to the month, '112 年' to the year."""
    if re.search(r"日|底|初", written):
        return "day"
    return "month" if "月" in written else "year"


def _as_written(when: date, precision: str) -> str:
    """An ISO 8601 date only as exact as the report: 2020-12-31, 2017-04, 2023."""
    return {"day": when.isoformat(), "month": when.isoformat()[:7], "year": when.isoformat()[:4]}[precision]


def _span_of(when: date, precision: str) -> tuple[date, date]:
    """The days a date as exact as `precision` covers: 2017-04 is 2017-04-01 to 2017-04-30."""
    if precision == "year":
        return date(when.year, 1, 1), date(when.year, 12, 31)
    if precision == "month":
        following = date(when.year + when.month // 12, when.month % 12 + 1, 1)
        return date(when.year, when.month, 1), following - timedelta(days=1)
    return when, when


# '第 8、9 號機組預定於 111 年 6 月 30 日及 112 年 6 月 30 日商轉': members numbered before, their dates in turn.
_NUMBERED_MEMBERS = re.compile(r"(\d+(?:\s*[、及和]\s*\d+)+)\s*號")
_COUNTED_MEMBERS = re.compile(r"(\d+)\s*[部座台臺]機")
_ORDINAL_ASKED = re.compile(r"第\s*(\d+)\s*[部座台臺號]")
_LAST_ASKED = re.compile(r"最後一[部座台臺]")
_DATE_JOINER = re.compile(r"\s*(?:及|、|和|與)\s*")


def _respective_date(parsed: Question, sentence: str, expr: Any) -> tuple[str, date] | None:
    """The one date of a list that belongs to the member the question names (9 號機組 → the second)."""
    pieces = _DATE_JOINER.split(expr.text.strip())
    if len(pieces) < 2:
        return None
    members = list(_NUMBERED_MEMBERS.finditer(sentence, 0, expr.start))
    if members:
        numbers = re.findall(r"\d+", members[-1].group(1))
        count = len(numbers)
        asked = [index for index, number in enumerate(numbers) if re.search(rf"(?<!\d){number}\s*號", parsed.text)]
    else:  # '2 部機原規劃於 A、B 商轉', asked about 第 2 部: the second
        counted = _COUNTED_MEMBERS.findall(sentence, 0, expr.start)
        ordinal = _ORDINAL_ASKED.search(parsed.text)
        count = int(counted[-1]) if counted else 0
        asked = [int(ordinal.group(1)) - 1] if ordinal and 0 < int(ordinal.group(1)) <= count else []
        if not asked and count and _LAST_ASKED.search(parsed.text):  # '3 部機組中最後一部': the third
            asked = [count - 1]
    if count != len(pieces) or len(asked) != 1:
        return None
    year = expr.year
    for index, piece in enumerate(pieces):
        found = find_time_expressions(piece, year)
        if found and (found[0].period_start or found[0].period_end):
            year = found[0].year or year
            if index == asked[0]:
                day = found[0].period_end if found[0].period_start is None else found[0].period_start
                return piece, day
    return None


def _date_windows(item: Item, sentence: str, folded: str, expressions: list, index: int) -> list[tuple[str, float]]:
    """The text around the index-th date of a sentence (`folded` is the sentence folded), each window
    weighted as coverage wants: the date's own clause first — '…發布「方案」，並自 110 年 1 月 5 日起
    試行': asked when it 試行, the date of that clause, not the sentence's first."""
    expr = expressions[index]
    clause_start, clause_end = clause_span(sentence, expr.start, expr.end)
    if _DATE_ALONE.fullmatch(sentence, clause_start, clause_end):
        # '從 109 年 9 月 16 日起，進口口罩須向本部貿易局申請…': the date governs the next clause
        clause_end = clause_span(sentence, clause_end + 1, clause_end + 1)[1]
    # A quoted name's words are matched in the sentence; in the clause they would tie the clause of
    # a name that holds the verb (「…試行作業方案」) with the verb's own.
    own_clause = QUOTED.sub(" ", folded[_subject_clause_start(sentence, expressions, index, clause_start):clause_end])
    windows = [(own_clause, 1.0), (folded, 0.9), (item.context, 0.85), (item.folded, 0.35)]
    following = expressions[index + 1].start if index + 1 < len(expressions) else len(sentence)
    preceding = expressions[index - 1].end if index > 0 else -1
    if following < clause_end or preceding > clause_start:
        # Dates listed in one clause: what follows each up to the next is what happened then, names
        # and all ('107 年 3 月 1 日生效之新版「臺菲…協定」、…及 109 年 5 月 24 日生效之新版「臺越…協定」');
        # the clause alone would tie them.
        windows.insert(1, (folded[expr.end:min(following, clause_end)], 1.0))
    return windows


def _best_names(parsed: Question, items: list[Item], figures: list[tuple[str, Claim]]) -> dict[str, Any] | None:
    rarity = parsed.rarity([item.folded for item in items])
    figures_of: dict[tuple[str, str], list[Claim]] = {}
    for doc, claim in figures:
        figures_of.setdefault((doc, claim.path), []).append(claim)
    best = None
    for item in items:
        rankings = ranked_lists(item.node.text, figures_of.get((item.doc, item.node.path), []))
        for match in SENTENCE.finditer(item.node.text):
            sentence = match.group(0)
            folded = fold(sentence)
            coverage = parsed.coverage([(folded, 1.0), (item.context, 0.85), (item.folded, 0.35)], rarity)
            if parsed.wants_title:
                for title, score in _titles(parsed, item, sentence, rarity):
                    if best is None or score > best[0]:
                        best = (score, item, match.start() + title.start(), match.start() + title.end(), [title.group(1)])
            if parsed.body_asked:
                for start, end, score in _bodies(parsed, item, sentence, rarity):
                    if best is None or score > best[0]:
                        best = (score, item, match.start() + start, match.start() + end, [sentence[start:end]])
            found = [(enum.start(), enum.end(), weight, names_of(enum.group(0)), coverage) for enum, weight in lists_in(sentence)]
            found += [(start, end, 1.0, names, coverage) for start, end, names in counted_lists(sentence)]
            found += [(start - match.start(), end - match.start(), RANKING_WEIGHT, names,
                       _ranking_coverage(parsed, item, folded, len(names), rarity, _dated_as_asked(parsed, figures_of.get((item.doc, item.node.path), []), start, end)))
                      for start, end, names in rankings if match.start() <= start and end <= match.end() and len(names) >= 3]
            found = [entry for entry in found if not _fragment(entry, found)]
            candidates = []
            for start, end, weight, names, coverage in found:
                if len(names) < 2 or (parsed.count is not None and len(names) != parsed.count):
                    continue
                if parsed.wants_places and sum(map(names_a_place, names)) * 2 < len(names):
                    continue  # asked for countries, a list of anything else is no answer
                candidates.append((start, end, weight, names, coverage, _list_clause_coverage(parsed, item, sentence, folded, start, end, rarity)))
            best_own = max((own for *_, own in candidates), default=0.0)
            of_kind = [_of_kind_asked(parsed, names) for _, _, _, names, _, _ in candidates]
            for (start, end, weight, names, coverage, own), fits in zip(candidates, of_kind, strict=True):
                # of two lists in one sentence, the one whose own clause the question describes, or
                # whose names are of the kind asked ('哪些節日前夕': 春節、端午節、中秋節, not the places after)
                nearer = 1.0 if (fits if any(of_kind) else own >= best_own) else 0.85
                score = coverage * weight * min(1.0, 0.85 + 0.05 * len(names)) * nearer
                if best is None or score > best[0]:
                    best = (score, item, match.start() + start, match.start() + end, names)
    if best is None:
        return None
    score, item, start, end, names = best
    answer = {"text": "、".join(names), "value": names, "base_value": None, "base_unit": None, "period_start": None, "period_end": None}
    return {"answer": answer, "citation": _citation(item, start, end), "confidence": score}


_KIND_ASKED = re.compile(r"哪(?:些|幾[種個項類]?)\s*([\u4e00-\u9fff]{2})")


def _of_kind_asked(parsed: Question, names: list[str]) -> bool:
    """Whether most names end as the kind of thing asked for does ('哪些節日': 春節、端午節)."""
    kind = _KIND_ASKED.search(parsed.text)
    if kind is None:
        return False
    head = kind.group(1)[0]
    return sum(name.endswith(head) for name in names) * 2 > len(names)


def _fragment(entry: tuple, found: list[tuple]) -> bool:
    """Whether a list found lies inside another with more names ('3項、智慧巴士' inside the ranking
    '影像監控 3 項、智慧巴士 2 項、…'): a piece of that list, not a list of its own."""
    start, end, _, names, _ = entry
    return any(other is not entry and other[0] <= start and end <= other[1] and len(other[3]) > len(names) for other in found)


# A ranking's names are read off the figures between them, a little less surely than a list's.
RANKING_WEIGHT = 0.95


def _ranking_coverage(parsed: Question, item: Item, folded: str, size: int, rarity: dict[str, float], dated: bool) -> float:
    """How well a sentence holding a ranking of `size` names covers the question, the ranking
    being what a reader calls 排名前 5 名 or 前五大 however the report puts it (分居前 5 名), and
    its figures' period, when it is the one asked, being what the question's date says."""
    said = fold("".join(f"排名前{n}名前{n}大排前{n}名" for n in (str(size), "零一二三四五六七八九十"[size] if size <= 10 else "")))
    return parsed.coverage([(folded + said, 1.0), (item.context, 0.85), (item.folded, 0.35)], rarity, period_matched=dated)


def _dated_as_asked(parsed: Question, figures: list[Claim], start: int, end: int) -> bool:
    """Whether the figures between `start` and `end` have the period the question asks about
    ('截至 109 年底' opening their item dates them all)."""
    if parsed.period is None:
        return False
    ends = {claim.period_end for claim in figures if start <= claim.start < end}
    return ends == {parsed.period[1]}


def _list_clause_coverage(parsed: Question, item: Item, sentence: str, folded: str, start: int, end: int, rarity: dict[str, float]) -> float:
    """How well the clause a list stands in (sentence[start:end], with the words leading into it)
    covers the question (`folded` is the sentence folded)."""
    clause_start, clause_end = clause_span(sentence, start, end)
    return parsed.coverage([(folded[clause_start:clause_end], 1.0), (folded, 0.8), (item.context, 0.85), (item.folded, 0.35)], rarity)


_TITLE = re.compile(r"「([^」]{2,40})」")
TITLE_WEIGHT = 0.95


def _titles(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[re.Match[str], float]]:
    """Each 「name」 of a sentence, scored by the words of its own clause first: '109 年完成與巴拉圭
    簽署「促進技術合作意向書」，及與以色列重新簽署「一般性合作協定」' — asked about 巴拉圭, the first."""
    folded = fold(sentence)
    scored = []
    for title in _TITLE.finditer(sentence):
        clause_start, clause_end = clause_span(sentence, title.start(), title.end())
        windows = [(folded[clause_start:clause_end], 1.0), (item.context, 0.85), (folded, 0.65), (item.folded, 0.35)]
        scored.append((title, parsed.coverage(windows, rarity) * TITLE_WEIGHT))
    return scored


# A body's name in Latin letters right after its kind: '與國際驗證機構 DNVGL 共同成立'.
_LATIN_NAME = r"\s*([A-Za-z][A-Za-z0-9&.\-]*(?:\s[A-Za-z0-9&.\-]+)*)"


def _bodies(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    """The span of each name in Latin letters that follows the kind of body asked for (機構 DNVGL)
    or comes before it (WinBus 自動駕駛系統), scored as a 「name」 is (fold keeps every character's
    place, so the span is the sentence's as written)."""
    folded = fold(sentence)
    scored = []
    kind = re.escape(parsed.body_asked or "")
    for name in (*re.finditer(kind + _LATIN_NAME, folded), *re.finditer(_LATIN_NAME + rf"\s*[\u4e00-\u9fff]{{0,6}}?{kind}", folded)):
        clause_start, clause_end = clause_span(sentence, name.start(), name.end())
        windows = [(folded[clause_start:clause_end], 1.0), (item.context, 0.85), (folded, 0.65), (item.folded, 0.35)]
        scored.append((name.start(1), name.end(1), parsed.coverage(windows, rarity) * TITLE_WEIGHT))
    return scored


# --- citations and the nearest passages --------------------------------------------------------


def _citation(item: Item, start: int, end: int) -> dict[str, Any]:
    """Where the answer stands: from the start of its sentence to the end of its clause, and the
    lines from the quote's first to the figure's own."""
    node = item.node
    sentence_start, _ = sentence_span(node.text, start)
    _, clause_end = clause_span(node.text, start, end)
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
