"""Search over the ingested sample, on a real SQLite file and a real PostgreSQL database:
short and long queries, folded variants, phrases, filters, snippets, lines, hostile input,
and the same hits from both backends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from tests.conftest import fresh_pg_database, run_cli
from tests.ledger_rows import parsed

from policyledger.ingest import ingest_bytes, ingest_path
from policyledger.search import SearchHit, hits, rank, search
from policyledger.search.terms import query_terms
from policyledger.store.db import connect
from policyledger.store.migrate import upgrade
from policyledger.store.repository import delete_document, load_nodes, save_document
from policyledger.textnorm import fold

QUERIES = json.loads((Path(__file__).resolve().parents[1] / "benchmarks" / "queries.json").read_text(encoding="utf-8"))["queries"]
HOSTILE = [
    '"', '""', '"離岸', "*", "電*", "OR", "離岸 OR 風電", "NOT 電", "NEAR(離岸 風電)", "-電", "terms:電", "^電",
    "'", "';--", "\\", "%", "_", "a:*", "(", ")", "{}", "\x00", "🙂", " ", "電 " * 300,
]


@pytest.fixture(scope="module")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory, sample_path: Path) -> Engine:
    engine = connect(f"sqlite:///{tmp_path_factory.mktemp('search') / 'ledger.db'}")
    ingest_path(engine, sample_path)
    return engine


@pytest.fixture(scope="module")
def pg_engine(pg_server: str, sample_path: Path) -> Iterator[Engine]:
    with fresh_pg_database(pg_server) as url:
        engine = connect(url)
        ingest_path(engine, sample_path)
        yield engine
        engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("pg", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest) -> Engine:
    """The sample on each backend in turn."""
    return request.getfixturevalue(f"{request.param}_engine")


def paths(hits: list[SearchHit]) -> list[str]:
    return [hit.path for hit in hits]


def marked(hit: SearchHit) -> list[str]:
    return [hit.snippet[start:end] for start, end in hit.highlights]


# --- queries of every length ------------------------------------------------------------------------


def test_one_character_query(engine: Engine):
    hits = search(engine, "煤")
    assert set(paths(hits)) == {"肆/四/(五)/1/(2)", "拾/一/(一)", "拾/二/(二)"}
    assert all(marked(hit) and set(marked(hit)) == {"煤"} for hit in hits)


def test_two_character_queries(engine: Engine):
    relief = paths(search(engine, "紓困"))
    assert {"壹/六/(一)", "肆/八/(二)", "陸/七"} <= set(relief)
    assert len(relief) == 11
    assert "壹/一/(二)/6" in paths(search(engine, "聯網"))  # inside 物聯網: a substring, not a word


def test_long_query_finds_its_item_first(engine: Engine):
    hits = search(engine, "興達電廠燃氣機組改建計畫")
    assert paths(hits) == ["肆/一/(二)"]
    assert marked(hits[0]) == ["興達電廠燃氣機組改建計畫"]


def test_heading_matches_rank_first(engine: Engine):
    hits = search(engine, "未登記工廠", limit=3)
    assert hits[0].path.startswith("壹/三") and "未登記工廠" in hits[0].title
    assert hits == sorted(hits, key=lambda hit: -hit.score)


# --- folding: typed one way, shown as written ---------------------------------------------------------


def test_tai_and_simplified_input_find_the_traditional_text(engine: Engine):
    hits = search(engine, "台湾")
    assert hits and all(span == "臺灣" or span == "台灣" for hit in hits for span in marked(hit))
    assert any("臺灣" in marked(hit) for hit in hits)
    assert paths(search(engine, "离岸风电")) == paths(search(engine, "離岸風電"))
    assert paths(search(engine, "台商回台")) == paths(search(engine, "臺商回臺"))


def test_full_width_input(engine: Engine):
    assert paths(search(engine, "５Ｇ")) == paths(search(engine, "5G")) != []
    assert paths(search(engine, "ＡＩｏＴ")) == paths(search(engine, "aiot")) != []


def test_snippets_keep_the_original_characters(engine: Engine):
    nodes = {node.path: node for node in load_nodes(engine, search(engine, "台湾")[0].doc)}
    for hit in search(engine, "台湾会展"):
        body = hit.snippet.strip("…")
        assert body in nodes[hit.path].text.replace("\n", " ")
        assert "台湾" not in hit.snippet and "臺灣" in hit.snippet
        assert all(fold(span) == fold("臺灣會展") for span in marked(hit))


# --- phrases, AND, lines ----------------------------------------------------------------------------


def test_phrase_matches_across_the_reports_spaces(engine: Engine):
    quoted = search(engine, '"109 年第 4 季"')
    assert set(paths(quoted)) == {"壹/六/(一)/1/(2)/C", "陸/七/(二)/3", "玖/五/(七)"}
    assert paths(search(engine, "109年第4季")) == paths(quoted)
    hit = next(hit for hit in quoted if hit.path == "壹/六/(一)/1/(2)/C")
    assert hit.line_start == 850 and marked(hit) == ["109 年第 4 季"]


def test_spaces_separate_terms_that_must_all_occur(engine: Engine):
    hits = search(engine, "口罩 進口")
    assert set(paths(hits)) == {"陸/八/(五)", "陸/八/(五)/1"}
    assert all("口罩" in " ".join(marked(hit)) and "進口" in " ".join(marked(hit)) for hit in hits)
    assert search(engine, "口罩 台積電") == []


def test_hit_line_is_the_line_of_the_match(engine: Engine, sample_path: Path):
    """樞紐 ends a four-line item: the hit cites the line it is on, not the item's first line."""
    source = sample_path.read_text(encoding="utf-8").splitlines()
    [hit] = search(engine, "亞太離岸風電產業樞紐")
    first = next(number for number, line in enumerate(source, 1) if "亞太離岸" in line)
    assert hit.line_start == first > load_item(engine, hit).line_start
    assert hit.line_end >= hit.line_start and "樞紐" in "".join(source[hit.line_start - 1 : hit.line_end])


def load_item(engine: Engine, hit: SearchHit):
    return next(node for node in load_nodes(engine, hit.doc) if node.path == hit.path)


# --- filters ----------------------------------------------------------------------------------------


def test_section_filter_is_a_path_prefix(engine: Engine):
    everywhere = paths(search(engine, "水", limit=1000))
    under_ten = paths(search(engine, "水", section="拾", limit=1000))
    assert any(path.startswith("拾壹/") for path in everywhere)
    assert under_ten and all(path == "拾" or path.startswith("拾/") for path in under_ten)
    assert under_ten == [path for path in everywhere if path.split("/")[0] == "拾"]
    assert paths(search(engine, "太陽光電", section="拾/一/（二）")) == paths(search(engine, "太陽光電", section="拾/一/(二)")) != []
    assert search(engine, "水庫", section="貳") == []


def test_document_filter(tmp_path: Path, sample_bytes: bytes):
    engine = connect(f"sqlite:///{tmp_path / 'two.db'}")
    first = ingest_bytes(engine, sample_bytes, "report.txt").doc_id
    second = ingest_bytes(engine, "經濟部補充報告\n\n壹、能源\n一、離岸風電浮動式基礎示範說明。\n".encode(), "supplement.txt").doc_id
    assert {hit.doc for hit in search(engine, "離岸風電")} == {first, second}
    assert [hit.doc for hit in search(engine, "離岸風電", doc_id=second)] == [second]
    assert search(engine, "浮動式基礎", doc_id=first) == []
    assert len(search(engine, "浮動式基礎", doc_id=second)) == 1


# --- odd input ----------------------------------------------------------------------------------------


def test_no_hits(engine: Engine):
    assert search(engine, "台積電") == []
    assert search(engine, "") == []
    assert search(engine, "離岸風電", limit=0) == []


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_error(engine: Engine, query: str):
    hits = search(engine, query, section=query, doc_id=query)
    assert isinstance(hits, list)


def test_search_syntax_is_not_interpreted(engine: Engine):
    """FTS5 and tsquery operators are characters: 電* is 電, OR is the letters o and r."""
    assert paths(search(engine, "電*")) == paths(search(engine, "電"))
    assert search(engine, "離岸 OR 台積電") == []


# --- both backends --------------------------------------------------------------------------------------


@pytest.mark.postgres
def test_both_backends_return_the_same_hits(sqlite_engine: Engine, pg_engine: Engine):
    for query in [entry["query"] for entry in QUERIES] + ["電", "計畫", "台湾", "口罩 進口"]:
        on_sqlite = [hit.record() for hit in search(sqlite_engine, query, limit=50)]
        on_postgresql = [hit.record() for hit in search(pg_engine, query, limit=50)]
        assert on_sqlite == on_postgresql, query
    for query, section in [("水", "拾"), ("紓困", "壹/六"), ("太陽光電", "拾/一/（二）")]:
        on_sqlite = [hit.record() for hit in search(sqlite_engine, query, section=section)]
        assert on_sqlite and on_sqlite == [hit.record() for hit in search(pg_engine, query, section=section)], (query, section)


def test_expected_hits_are_found(engine: Engine):
    """The benchmark's fixed queries: every expected item within the first ten hits."""
    for entry in QUERIES:
        found = paths(search(engine, entry["query"], limit=10))
        assert set(entry["expected"]) <= set(found), entry["query"]


# --- the index follows the documents -----------------------------------------------------------------------


def test_long_item_is_searchable_to_its_end(tmp_path: Path):
    """An item longer than an index chunk: a term near its end is found, on its own line."""
    filler = "".join(f"第{i}項工作持續辦理中。\n" for i in range(400))
    engine = connect(f"sqlite:///{tmp_path / 'long.db'}")
    ingest_bytes(engine, f"報告\n\n壹、長項目\n{filler}最後完成氫能示範場域。\n".encode(), "long.txt")
    [hit] = search(engine, "氫能示範")
    assert hit.path == "壹" and hit.line_start == 404
    assert hit.snippet.endswith("氫能示範場域。")


def test_deleting_a_document_removes_it_from_the_index(db_url: str):
    engine = connect(db_url)
    document, source = parsed()
    save_document(engine, document, source)
    solar = [node.path for node in document.nodes if "太陽光電" in node.text]
    assert solar and paths(search(engine, "太陽光電")) == solar
    delete_document(engine, document.id)
    assert search(engine, "太陽光電") == []
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM search_items")).scalar() == 0
    save_document(engine, document, source)
    assert paths(search(engine, "太陽光電")) == solar


def test_delete_leaves_no_token_in_the_fts5_index(sqlite_url: str):
    """A contentless FTS5 table forgets a row only when given its tokens again: all of them."""
    engine = connect(sqlite_url)
    document, source = parsed()
    save_document(engine, document, source)
    delete_document(engine, document.id)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, search_fts, 'row')")
        assert connection.exec_driver_sql("SELECT count(*) FROM temp.vocabulary WHERE doc > 0").scalar() == 0


def test_upgrade_indexes_documents_stored_before_search(db_url: str):
    old = connect(db_url, create=False)
    upgrade(old, "0002")
    document, source = parsed()
    save_document(old, document, source)
    upgrade(old)
    linked = [node.path for node in document.nodes if "聯網" in node.text]
    assert linked and paths(search(connect(db_url), "聯網")) == linked


# --- the command ----------------------------------------------------------------------------------------


def test_search_command(sqlite_engine: Engine):
    url = sqlite_engine.url.render_as_string(hide_password=False)
    result = run_cli("search", "離岸風電", "--format", "json", "--limit", "3", db=url)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == 3
    assert all({"doc", "path", "title", "snippet", "score", "line_start", "line_end", "highlights"} <= set(record) for record in records)
    table = run_cli("search", "台湾会展", "--section", "陸/六", db=url)
    assert table.returncode == 0 and "陸/六/(二)/1" in table.stdout and "臺灣會展" in table.stdout
    empty = run_cli("search", '"*"', db=url)
    assert empty.returncode == 1 and "nothing to search for" in empty.stderr and "Traceback" not in empty.stderr
    missing = run_cli("search", "電", "--doc", "no-such-report", db=url)
    assert missing.returncode == 1 and "no document matches" in missing.stderr


def test_ranking_without_snippets_is_the_search_ranking(engine: Engine):
    """`rank` (what ask uses: scores, no nodes loaded) orders items exactly as `search` does,
    and `hits` makes the same hits from it."""
    for query in ["離岸風電", "電", "口罩 進口", "109年第4季"]:
        terms = query_terms(query)
        with engine.connect() as connection:
            ranked = rank(connection, terms)
            assert hits(connection, terms, ranked[:20]) == search(engine, query)
        assert [(candidate.doc_id, candidate.ordinal) for candidate, _ in ranked] == [(hit.doc, hit.ordinal) for hit in search(engine, query, limit=1000)]


@pytest.mark.parametrize("query", ["計畫", "補助", "離岸風電", "家"])
def test_a_limited_ranking_is_the_full_ranking_cut(engine: Engine, query: str):
    terms = query_terms(query)
    with engine.connect() as connection:
        full = rank(connection, terms)
        for limit in (1, 7, 40):
            assert rank(connection, terms, limit=limit) == full[:limit]
