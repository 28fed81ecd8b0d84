"""The web app over HTTP (FastAPI's TestClient) against a real SQLite file: JSON shapes,
filters and downloads, uploads refused and accepted, read-only and token modes, escaping."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from tests.web_fixtures import FIGURES, figures_report, store, xss_report

from policyledger.records import CLAIM_FIELDS, OUTLINE_FIELDS
from policyledger.store.db import connect
from policyledger.store.repository import list_documents
from policyledger.web.app import create_app
from policyledger.web.services import features

SMALL_TEXT = "小型報告\n壹、工業\n一、推動創新\n(一) 促成 12 家廠商投資。\n".encode()


@pytest.fixture
def ledger(sqlite_url: str) -> dict[str, str]:
    engine = connect(sqlite_url)
    ids = {"figures": store(engine, figures_report()), "xss": store(engine, xss_report())}
    engine.dispose()
    return {"url": sqlite_url, **ids}


def client(url: str, **options: object) -> TestClient:
    return TestClient(create_app(url, **options))


def doc_count(url: str) -> int:
    engine = connect(url)
    try:
        return len(list_documents(engine))
    finally:
        engine.dispose()


# --- reading ------------------------------------------------------------------------------------


def test_docs_and_outline_have_the_cli_shapes(ledger):
    api = client(ledger["url"])
    docs = api.get("/api/docs").json()
    assert {d["id"] for d in docs} == {ledger["figures"], ledger["xss"]}
    assert {"id", "source_name", "kind", "title", "lines", "items", "claims"} <= set(docs[0])
    outline = api.get(f"/api/docs/{ledger['figures'][:6]}/outline").json()  # a unique prefix works
    assert set(OUTLINE_FIELDS) <= set(outline[0])
    assert [n["path"] for n in outline][:4] == ["", "壹", "壹/一", "壹/一/(一)"]
    assert api.get("/api/docs/figures-report/outline").status_code == 200  # the file stem too
    missing = api.get("/api/docs/zzzz/outline")
    assert missing.status_code == 404 and "zzzz" in missing.json()["detail"]


def test_claims_filters_match_the_selection(ledger):
    api = client(ledger["url"])
    doc = ledger["figures"]
    everything = api.get("/api/claims", params={"doc": doc}).json()
    assert len(everything) == len(FIGURES)
    assert set(CLAIM_FIELDS) <= set(everything[0])
    assert everything[2]["base_value"] == 26161000000 and everything[2]["base_unit"] == "TWD"

    def texts(**params: str) -> list[str]:
        response = api.get("/api/claims", params={"doc": doc, **params})
        assert response.status_code == 200, response.text
        return [row["text"] for row in response.json()]

    assert texts(kind="target") == ["20GW", "3億元"]
    assert texts(dimension="money") == ["261.61億元", "3億元"]
    assert texts(section="壹/一") == ["5,301臺", "17,797家", "261.61億元"]
    assert texts(section="貳") == ["3億元"]
    assert texts(qualifier="approx") == ["5,301臺"]
    assert texts(since="2021-01-01") == ["20GW", "3億元"]
    assert texts(until="2020") == ["5,301臺", "17,797家", "261.61億元"]
    assert texts(q="太陽光電") == ["20GW"]
    assert texts(unit="TWD", sort="base_value", order="desc") == ["261.61億元", "3億元"]
    bad = api.get("/api/claims", params={"since": "109年"})
    assert bad.status_code == 400 and "since" in bad.json()["detail"]
    assert api.get("/api/claims", params={"sort": "nonsense"}).status_code == 400


def test_claims_download_as_csv_and_parquet(ledger):
    api = client(ledger["url"])
    response = api.get("/api/claims", params={"doc": ledger["figures"], "dimension": "money", "format": "csv"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["text"], r["base_value"], r["kind"]) for r in rows] == [("261.61億元", "26161000000", "actual"), ("3億元", "300000000", "target")]
    parquet = api.get("/api/claims", params={"doc": ledger["figures"], "format": "parquet"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == len(FIGURES) and table.column("text").to_pylist()[0] == "5,301臺"


def test_pages_render_and_permalinks_accept_slashes_and_parentheses(ledger):
    api = client(ledger["url"])
    doc = ledger["figures"]
    assert "測試部業務報告" in api.get("/").text
    reader = api.get(f"/doc/{doc}").text
    assert 'class="fig kind-actual"' in reader and "261.61億元</button>" in reader
    assert f'href="/doc/{doc}/node/%E5%A3%B9/%E4%B8%80/(%E4%BA%8C)"' in reader  # 壹/一/(二), encoded, slashes kept
    item = api.get(f"/doc/{doc}/node/壹/一/(二)")
    assert item.status_code == 200 and "17,797家</button>" in item.text and "20GW</button>" not in item.text  # only its own text
    assert api.get(f"/doc/{doc}/node/%E5%A3%B9/%E4%B8%80/%28%E4%BA%8C%29").status_code == 200  # fully encoded too
    assert api.get(f"/doc/{doc}/node/壹/九").status_code == 404
    data = api.get("/data", params={"doc": doc, "dimension": "money"}).text
    assert "<svg" in data and "261.61億元" in data and "20GW" not in data
    english = api.get("/data?lang=en")
    assert "Figures" in english.text and english.cookies.get("lang") == "en"


def test_report_text_is_escaped_everywhere(ledger):
    api = client(ledger["url"])
    for url in (f"/doc/{ledger['xss']}", f"/doc/{ledger['xss']}/node/壹/一", "/", "/data"):
        page = api.get(url)
        assert page.status_code == 200
        assert "<script>window" not in page.text and "<img src" not in page.text and "<script>alert" not in page.text
        assert "Content-Security-Policy" in page.headers and "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "&lt;script&gt;window.__xss" in api.get(f"/doc/{ledger['xss']}").text
    assert "&amp;lt;b&amp;gt;" in api.get(f"/doc/{ledger['xss']}").text  # an entity in the source stays literal


def test_api_docs_are_served_without_a_cdn(ledger):
    api = client(ledger["url"])
    page = api.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page and "http" not in page.replace('lang="en"', "")
    assert api.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    paths = api.get("/openapi.json").json()["paths"]
    assert {"/api/docs", "/api/claims", "/api/search", "/api/ask"} <= set(paths)


# --- writing ------------------------------------------------------------------------------------


def test_upload_ingests_once_and_keeps_the_name_only_as_a_label(sqlite_url):
    app = create_app(sqlite_url)
    with TestClient(app) as api:
        first = api.post("/api/docs", files={"file": ("../../etc/小型報告.txt", SMALL_TEXT, "text/plain")})
        assert first.status_code == 201, first.text
        body = first.json()
        assert body["created"] is True and body["items"] == 4 and body["source_name"] == "小型報告.txt"
        again = api.post("/api/docs", files={"file": ("other-name.txt", SMALL_TEXT, "text/plain")})
        assert again.status_code == 200 and again.json()["created"] is False and again.json()["id"] == body["id"]
        assert list(Path(app.state.upload_dir).iterdir()) == []  # the stored copy is gone after ingest
        assert api.get(body["url"]).status_code == 200
    assert not Path(app.state.upload_dir).exists()  # and the upload folder at shutdown


@pytest.mark.parametrize(
    ("name", "data", "status", "words"),
    [
        ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, 422, "PNG"),
        ("report.pdf", "壹、工業\n".encode(), 422, "not a PDF"),
        ("report.docx", b"", 422, "empty"),
        ("archive.txt", None, 422, "zip"),
    ],
)
def test_refused_uploads_say_why_and_change_nothing(sqlite_url, name, data, status, words):
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("notes.txt", "hello")
        data = buffer.getvalue()
    api = client(sqlite_url)
    response = api.post("/api/docs", files={"file": (name, data, "application/octet-stream")})
    assert response.status_code == status
    assert name in response.json()["detail"] and words in response.json()["detail"]
    assert doc_count(sqlite_url) == 0


def test_upload_size_limit_and_missing_file(sqlite_url):
    api = client(sqlite_url, upload_limit_mb=1)
    big = ("壹、工業\n" + "促成 12 家廠商投資。" * 80_000).encode()
    assert len(big) > 1_000_000
    response = api.post("/api/docs", files={"file": ("big.txt", big, "text/plain")})
    assert response.status_code == 413 and "1 MB" in response.json()["detail"]
    assert api.post("/api/docs", data={"note": "no file"}).status_code == 400
    assert api.post("/api/docs", content=b"not a form", headers={"content-type": "text/plain"}).status_code == 400
    assert doc_count(sqlite_url) == 0


def test_plain_html_form_upload_redirects_to_the_report(sqlite_url):
    api = client(sqlite_url)
    response = api.post("/api/docs", files={"file": ("small.txt", SMALL_TEXT, "text/plain")}, headers={"accept": "text/html"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/doc/")
    refused = api.post("/api/docs", files={"file": ("x.pdf", b"plain", "text/plain")}, headers={"accept": "text/html"})
    assert refused.status_code == 422 and "text/html" in refused.headers["content-type"] and "x.pdf" in refused.text


def test_cross_origin_writes_are_refused(sqlite_url):
    api = client(sqlite_url)
    response = api.post("/api/docs", files={"file": ("s.txt", SMALL_TEXT, "text/plain")}, headers={"origin": "http://evil.example"})
    assert response.status_code == 403
    assert doc_count(sqlite_url) == 0


def test_read_only_serves_no_write_endpoint(ledger):
    api = client(ledger["url"], read_only=True)
    assert api.post("/api/docs", files={"file": ("s.txt", SMALL_TEXT, "text/plain")}).status_code == 405
    assert api.delete(f"/api/docs/{ledger['figures']}").status_code in (404, 405)
    assert api.post(f"/api/docs/{ledger['figures']}/delete").status_code in (404, 405)
    home = api.get("/").text
    assert 'id="upload-form"' not in home and "刪除" not in home
    assert "POST" not in json.dumps(api.get("/openapi.json").json()["paths"]).upper().replace("POSTAL", "")
    assert doc_count(ledger["url"]) == 2


def test_token_guards_upload_and_delete(ledger):
    api = client(ledger["url"], token="s3cret")
    files = {"file": ("s.txt", SMALL_TEXT, "text/plain")}
    assert api.post("/api/docs", files=files).status_code == 401
    assert api.post("/api/docs", files=files, headers={"X-PolicyLedger-Token": "wrong"}).status_code == 403
    assert api.delete(f"/api/docs/{ledger['xss']}").status_code == 401
    assert api.delete(f"/api/docs/{ledger['xss']}", headers={"Authorization": "Bearer nope"}).status_code == 403
    assert doc_count(ledger["url"]) == 2
    assert api.post("/api/docs", files=files, headers={"Authorization": "Bearer s3cret"}).status_code == 201
    assert api.post("/api/docs", files=files, data={"token": "s3cret"}).status_code == 200  # the form field works too
    assert api.delete(f"/api/docs/{ledger['xss']}", headers={"X-PolicyLedger-Token": "s3cret"}).status_code == 204
    assert doc_count(ledger["url"]) == 2
    assert 'id="token-input"' in api.get("/").text


# --- real PDF and DOCX files, made here --------------------------------------------------------

REPORT_LINES = ["文件測試報告", "壹、工業", "一、推動產業創新", "(一) 總計核准 17,797 家。"]


def pdf_bytes() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("MSung-Light", 12)
    for index, line in enumerate(REPORT_LINES):
        page.drawString(72, 760 - 20 * index, line)
    page.showPage()
    page.save()
    return buffer.getvalue()


def docx_bytes() -> bytes:
    from docx import Document

    document = Document()
    for line in REPORT_LINES:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "make", "kind"), [("report.pdf", pdf_bytes, "pdf"), ("report.docx", docx_bytes, "docx"), ("misnamed.txt", docx_bytes, "docx")])
def test_pdf_and_docx_uploads_are_read_by_content(sqlite_url, name, make, kind):
    api = client(sqlite_url)
    response = api.post("/api/docs", files={"file": (name, make(), "application/octet-stream")})
    assert response.status_code == 201, response.text
    doc = response.json()["id"]
    assert api.get("/api/docs").json()[0]["kind"] == kind
    paths = [node["path"] for node in api.get(f"/api/docs/{doc}/outline").json()]
    assert paths == ["", "壹", "壹/一", "壹/一/(一)"]


# --- search and ask ---------------------------------------------------------------------------


def test_search_records_with_highlights(ledger):
    api = client(ledger["url"])
    hits = api.get("/api/search", params={"q": "太陽光電"}).json()
    assert hits and {"doc", "path", "title", "snippet", "score", "line_start"} <= set(hits[0])
    first = hits[0]
    assert first["path"] == "壹/二/(一)"
    assert any(first["snippet"][start:end] == "太陽光電" for start, end in first["highlights"])
    page = api.get("/search", params={"q": "太陽光電"}).text
    assert "<mark>太陽光電</mark>" in page and 'href="/doc/' in page
    assert api.get("/api/search").status_code == 422  # q is required


def test_questions_get_an_answer_or_the_report_does_not_say(ledger):
    api = client(ledger["url"])
    asked = api.get("/api/ask", params={"q": "110年預計補助多少？", "doc": ledger["figures"]}).json()
    assert {"question", "answer", "citations", "confidence"} <= set(asked)
    assert asked["answer"]["base_value"] == 300000000 and asked["citations"][0]["path"] == "貳/一/(一)"
    page = api.get("/search", params={"q": "110年預計補助多少？"}).text
    assert 'class="answer-text"' in page and 'href="/doc/' in page and "3億元" in page
    unknown = api.get("/search", params={"q": "月球基地預算是多少？"}).text
    assert "報告中沒有提到" in unknown
    plain = api.get("/search", params={"q": "太陽光電"}).text  # not a question: a list of passages
    assert 'class="answer"' not in plain and 'class="hits"' in plain


def test_a_figure_stated_twice_shows_both_on_the_answer_page(sqlite_url):
    from policyledger.ingest import ingest_bytes

    report = "經濟部業務報告\n壹、中小企業\n一、數位學習\n109 年累計推動 72 萬 3,097 人次運用數位學習。\n" \
             "二、數位參與\n109 年計推動超過 70 萬人次運用數位學習。\n"
    engine = connect(sqlite_url)
    ingest_bytes(engine, report.encode("utf-8"), "twice.txt")
    engine.dispose()
    page = client(sqlite_url).get("/search", params={"q": "109 年推動多少人次運用數位學習？"}).text
    assert 'class="answer-text"' in page and 'class="also"' in page and "報告另一處寫" in page
    assert "72 萬 3,097 人次" in page and "70 萬人次" in page


# --- the pure helpers -------------------------------------------------------------------------


def test_marking_escapes_each_piece_and_ignores_bad_spans():
    from policyledger.web.highlight import mark_ranges

    marked = mark_ranges("<b>太陽光電</b> & 風電", [[3, 7], [5, 9], [40, 50], [14, 16]])
    assert str(marked) == "&lt;b&gt;<mark>太陽光電</mark>&lt;/b&gt; &amp; <mark>風電</mark>"


@pytest.mark.parametrize(
    ("text", "question"),
    [("太陽光電", False), ("109 年核准多少家", True), ("設置目標？", True), ("what is it?", True), ("何時完成", True), ("哪些縣市", True), ("幾座", True)],
)
def test_questions_are_told_from_searches(text, question):
    from policyledger.web.services import is_question

    assert is_question(text) is question


# --- `policyledger serve`, the real command ---------------------------------------------------


SERVER_PIDS: dict[str, int] = {}  # base URL → the serving process, for tests that look at its processes


@contextmanager
def served(db: str, *options: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """`policyledger serve` in a process of its own; yields its base URL (its pid is in SERVER_PIDS)."""
    from tests.web_fixtures import free_port

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "policyledger", "--db", db, "serve", "--port", str(port), *options],
        env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    SERVER_PIDS[base] = process.pid
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/api/docs", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"serve did not start: {process.stdout.read().decode() if process.stdout else ''}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_command_read_only(ledger):
    with served(ledger["url"], "--read-only") as base:
        assert len(httpx.get(base + "/api/docs").json()) == 2
        assert httpx.post(base + "/api/docs", files={"file": ("s.txt", SMALL_TEXT)}).status_code == 405
        assert 'id="upload-form"' not in httpx.get(base + "/").text


def test_serve_command_with_worker_processes(ledger):
    with served(ledger["url"], "--read-only", "--workers", "2") as base:
        answers = [httpx.get(base + "/api/docs") for _ in range(6)]
        assert all(answer.status_code == 200 and len(answer.json()) == 2 for answer in answers)
        assert httpx.post(base + "/api/docs", files={"file": ("s.txt", SMALL_TEXT)}).status_code == 405  # the settings reach every worker
        assert len(_children(SERVER_PIDS[base])) >= 2


def _children(pid: int) -> list[int]:
    """The process's children, read from /proc (the worker processes of a server)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def test_serve_command_token_from_the_environment_and_upload_limit(sqlite_url):
    with served(sqlite_url, "--upload-limit-mb", "1", env={"POLICYLEDGER_TOKEN": "s3cret"}) as base:
        assert httpx.post(base + "/api/docs", files={"file": ("s.txt", SMALL_TEXT)}).status_code == 401
        headers = {"Authorization": "Bearer s3cret"}
        assert httpx.post(base + "/api/docs", files={"file": ("big.txt", b"x" * 1_200_000)}, headers=headers).status_code == 413
        assert httpx.post(base + "/api/docs", files={"file": ("s.txt", SMALL_TEXT)}, headers=headers).status_code == 201


# --- both backends ----------------------------------------------------------------------------


def test_the_api_works_the_same_on_sqlite_and_postgresql(db_url):
    engine = connect(db_url)
    doc = store(engine, figures_report())
    engine.dispose()
    app = create_app(db_url)
    try:
        api = TestClient(app)
        assert [d["id"] for d in api.get("/api/docs").json()] == [doc]
        assert [c["text"] for c in api.get("/api/claims", params={"section": "壹/一", "kind": "actual", "since": "2020"}).json()] == ["5,301臺", "17,797家", "261.61億元"]
        assert api.get("/api/search", params={"q": "太陽光電"}).json()[0]["path"] == "壹/二/(一)"
        uploaded = api.post("/api/docs", files={"file": ("small.txt", SMALL_TEXT, "text/plain")}).json()["id"]
        assert api.get(f"/doc/{uploaded}/node/壹/一/(一)").status_code == 200
        assert api.delete(f"/api/docs/{uploaded}").status_code == 204
        assert [d["id"] for d in api.get("/api/docs").json()] == [doc]
    finally:
        app.state.config.engine.dispose()


# --- targets (when the tracking module is installed) -------------------------------------------


@pytest.mark.skipif(not features()["targets"], reason="policyledger.track is not installed yet")
def test_targets_checks_and_series_api_and_dashboard(ledger):
    api = client(ledger["url"])
    records = api.get("/api/targets", params={"doc": ledger["figures"]}).json()
    assert {"doc", "path", "indicator", "target", "actual", "progress", "due", "reason"} <= set(records[0])
    assert {r["target"]["text"] for r in records} == {"20GW", "3億元"}
    assert isinstance(api.get("/api/check", params={"doc": ledger["figures"]}).json(), list)
    assert isinstance(api.get("/api/series", params={"doc": ledger["figures"]}).json(), list)
    page = api.get("/targets", params={"doc": ledger["figures"]}).text
    assert page.count('class="target status-') == len(records) and "20GW" in page and 'href="/targets"' in page


@pytest.mark.skipif(not features()["targets"], reason="policyledger.track is not installed yet")
def test_editions_compared(sqlite_url):
    from tests.web_fixtures import FIGURES_REPORT, SECOND_EDITION

    api = client(sqlite_url)
    old = api.post("/api/docs", files={"file": ("edition-1.txt", FIGURES_REPORT.encode())}).json()["id"]
    new = api.post("/api/docs", files={"file": ("edition-2.txt", SECOND_EDITION.encode())}).json()["id"]
    changes = api.get("/api/diff", params={"a": old, "b": new}).json()
    kinds = {(c["change"], c["path_b"]) for c in changes}
    assert ("figure_changed", "壹/一/(二)") in kinds and ("item_added", "壹/二/(二)") in kinds
    assert {"doc_a", "doc_b", "change", "path_a", "path_b", "message"} <= set(changes[0])
    page = api.get("/diff").text  # the two latest reports, older first
    assert "18,020家" in page and "17,797家" in page and 'id="change-total"' in page
    assert api.get("/api/diff", params={"a": old}).status_code == 422


def test_no_tracking_no_targets_page(ledger):
    api = client(ledger["url"])
    listed = 'href="/targets"' in api.get("/").text
    assert listed is features()["targets"]
    assert (api.get("/targets").status_code == 200) is features()["targets"]


def test_large_pages_are_sent_compressed(ledger):
    api = client(ledger["url"])
    doc = ledger["figures"]
    page = api.get(f"/doc/{doc}", headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200 and page.headers.get("content-encoding") == "gzip"
    assert "<html" in page.text  # decoded as any browser does
    plain = api.get(f"/doc/{doc}", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.text == page.text
