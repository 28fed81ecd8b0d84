"""Reports for the web tests: parsed by the real pipeline, with figures placed by hand.

The claim extractor may find nothing (or something different) in these small texts; the web
tests need figures at known places, so `figures_report` sets its claims explicitly, each
at the offsets of its text in its item. `xss_report` carries markup that must never run.
Also: a real uvicorn server on a free port, in a thread, for the browser tests.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import uvicorn
from sqlalchemy import Engine

from policyledger.model import Claim, Document
from policyledger.pipeline import parse_source, source_text
from policyledger.read import read_bytes
from policyledger.store.repository import save_document

FIGURES_REPORT = """測試部業務報告
壹、工業
一、推動產業創新
(一) 截至109年底累計促成約5,301臺設備聯網。
(二) 總計核准17,797家、261.61億元。
二、能源轉型
(一) 太陽光電以114年20GW為設置目標。
貳、商業
一、商業服務業
(一) 110年預計補助3億元，協助業者數位轉型。
"""

# A later edition of FIGURES_REPORT: one figure changed, one item added (for 版本比較).
SECOND_EDITION = FIGURES_REPORT.replace("17,797家", "18,020家").replace(
    "(一) 太陽光電以114年20GW為設置目標。\n", "(一) 太陽光電以114年20GW為設置目標。\n(二) 離岸風電以114年5.7GW為設置目標。\n"
)

XSS_REPORT = """惡意測試報告
壹、<script>window.__xss = 1; alert(1)</script>標題
一、圖片<img src=x onerror="window.__xss = 2; alert(2)">說明，補助 5 億元。
二、連結<a href="javascript:alert(3)">點我</a>與 &lt;b&gt; 實體
"""

# (path, figure as written, value, unit, dimension, base value, base unit, qualifier, kind, period start, period end, period text)
FIGURES = [
    ("壹/一/(一)", "5,301臺", 5301, "臺", "count", 5301, "臺", "approx", "actual", None, date(2020, 12, 31), "截至109年底"),
    ("壹/一/(二)", "17,797家", 17797, "家", "count", 17797, "家", "exact", "actual", None, date(2020, 12, 31), None),
    ("壹/一/(二)", "261.61億元", 261.61, "億元", "money", 26161000000, "TWD", "exact", "actual", None, date(2020, 12, 31), None),
    ("壹/二/(一)", "20GW", 20, "GW", "power", 20000000, "kW", "exact", "target", date(2025, 1, 1), date(2025, 12, 31), "114年"),
    ("貳/一/(一)", "3億元", 3, "億元", "money", 300000000, "TWD", "exact", "target", date(2021, 1, 1), date(2021, 12, 31), "110年"),
]


def parsed(text: str, name: str) -> tuple[Document, str]:
    data = text.encode("utf-8")
    source = read_bytes(data, name)
    return parse_source(source, data), source_text(source)


def place(document: Document, path: str, written: str) -> tuple[int, int, int]:
    """(start, end, line) of `written` in the item at `path`."""
    node = next(node for node in document.nodes if node.path == path)
    start = node.text.index(written)
    return start, start + len(written), node.line_at(start)


def figures_report() -> tuple[Document, str]:
    document, text = parsed(FIGURES_REPORT, "figures-report.txt")
    claims = []
    for path, written, value, unit, dimension, base, base_unit, qualifier, kind, start_date, end_date, period_text in FIGURES:
        start, end, line = place(document, path, written)
        node = next(node for node in document.nodes if node.path == path)
        claims.append(Claim(path, written, value, None, unit, dimension, base, base_unit, qualifier, kind, start_date, end_date,
                            period_text, node.title[:12], node.text, line, start, end, []))
    document.claims = claims
    return document, text


def xss_report() -> tuple[Document, str]:
    document, text = parsed(XSS_REPORT, "xss-<b>report</b>.txt")
    start, end, line = place(document, "壹/一", "5 億元")
    document.claims = [Claim("壹/一", "5 億元", 5, None, "億元", "money", 500000000, "TWD", "exact", "actual", None, None, None,
                             "<script>alert(4)</script>", "<img src=x onerror=alert(5)>", line, start, end, [])]
    return document, text


def store(engine: Engine, report: tuple[Document, str]) -> str:
    document, text = report
    save_document(engine, document, text)
    return document.id


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running(app: object) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port; yield its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
