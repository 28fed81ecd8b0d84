"""Reports of other ministries, written with their answers by helpers who never saw the code
(benchmarks/other-reports/): outline, figures and questions at least as good as measured after
the changes they called for. Each report is ingested into a real SQLite file of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyledger.ask import ask
from policyledger.evaluate import read_claim_items, read_jsonl, score_answers, score_claims, score_outline
from policyledger.ingest import ingest_path
from policyledger.pipeline import parse_source
from policyledger.read import read_bytes
from policyledger.records import claim_record
from policyledger.store.db import connect

REPORTS = Path(__file__).parent.parent / "benchmarks" / "other-reports"

# folder: (claims F1, kind, period, questions right) — first measured at b9df047 (see each README)
FLOORS = {
    "mol-2021": (0.98, 0.95, 0.93, 0.83),
    "motc-2021": (0.99, 0.96, 0.97, 0.83),  # its writer reads 減收 sums as actual; the sample's, as the dev gold reads 減少, change
    "ey-policy-2021": (0.99, 0.94, 0.98, 0.70),
    "coa-2021": (0.92, 0.95, 0.94, 0.79),
    "mohw-2021": (0.99, 0.97, 0.95, 0.83),  # held out: first measured at afd06c3
    "moe-2021": (0.99, 0.92, 0.96, 0.83),  # held out: first measured at afd06c3
    "moi-2021": (0.99, 0.96, 0.96, 0.95),  # held out: first measured at 9717289
    "epa-2021": (0.99, 0.95, 0.96, 0.75),  # held out: first measured at 9388d73
    "mof-2021": (0.99, 0.89, 0.90, 0.62),  # held out: first measured at 89a4929
    "moc-2021": (0.97, 0.93, 0.93, 0.79),  # held out: first measured at 89a4929
    # the session of 2026-11-30 (3): other years, other layouts (README of each)
    "fsc-2021": (0.99, 0.98, 0.95, 0.91),  # held out: first measured at aaddfe1
    "cip-2022": (0.98, 0.97, 0.97, 0.95),  # held out: first measured at aaddfe1
    "most-2023": (0.99, 0.92, 0.97, 0.83),  # held out: first measured at aaddfe1
    "ey-policy-2024": (0.99, 0.89, 0.88, 0.83),  # held out: first measured at aaddfe1
    "ndc-2023": (0.99, 0.95, 0.96, 0.91),  # held out: first measured at 2c1ee99 (pdftotext -layout, CRLF, form feeds)
    "oac-2022": (0.96, 0.94, 0.93, 0.83),  # held out: first measured at 2c1ee99
    "hakka-2024": (0.98, 0.93, 0.94, 0.83),  # held out: first measured at 1309487 (PDFium text, CRLF, full-width indents)
    "mohw-2023": (0.99, 0.92, 0.91, 0.75),  # held out: first measured at 1309487 (no 壹 level)
    # the session of 2026-11-30 (4)
    "moea-2023": (0.99, 0.93, 0.97, 0.83),  # held out: first measured at 4203ce5 (the sample's layout, 112 年)
    "moenv-2024": (0.99, 0.93, 0.96, 0.83),  # held out: first measured at 4203ce5 (pdfplumber, a flattened table)
    "moda-2024": (0.99, 0.93, 0.93, 0.91),  # held out: first measured at 4203ce5 (Word export, Mbps/TB/MHz)
    "mol-2024": (0.99, 0.95, 0.90, 0.91),  # held out: first measured at 9eda865 (PDFium, CRLF, footnotes)
    "mnd-2024": (0.99, 0.80, 0.92, 0.91),  # held out: first measured at 992f283 (pdftotext, form feeds, a table in 千元)
    "ey-policy-2025": (0.98, 0.83, 0.94, 0.95),  # held out: first measured at 4d14a50 (Word numbering ㈠ ⑴ ①)
    "moea-2024": (0.99, 0.95, 0.97, 0.87),  # held out: first measured at 5a97807 (the sample's layout, 113 年)
    "motc-2024": (0.98, 0.93, 0.92, 0.91),  # held out: first measured at f382174 (PDFium, ※ notes, 同期 column); since the evaluator
    # converts units, its minutes match too (延誤 5 分鐘, 每 10 分鐘更新), two read by its writer as rules and by us as not
    "moj-2024": (0.99, 0.95, 0.94, 0.87),  # held out: first measured at 2abbd2d (Word export, bullets, spaced brackets)
    # the session of 2026-11-30 (5)
    "moa-2024": (0.99, 0.93, 0.97, 0.91),  # held out: first measured at 463d833 (pdftotext -layout, a URL at a wrap, a table)
    "moe-2025": (0.99, 0.93, 0.95, 0.87),  # held out: first measured at 463d833 (PDFium, CRLF, wraps anywhere, 學年度)
    "fsc-2024": (0.99, 0.95, 0.95, 0.87),  # held out: first measured at 46f99f4 (the sample's layout, numbers cut by wraps)
    "mohw-2025": (0.98, 0.86, 0.91, 0.83),  # held out: first measured at 46f99f4 (pdftotext, form feeds, a table in 億元)
    "moea-2025": (0.99, 0.94, 0.93, 0.91),  # held out: first measured at a49c9a1 (the sample's layout, 114 年)
    # the session of 2026-11-30 (6)
    "mofa-2025": (0.99, 0.95, 0.95, 0.91),  # held out: first measured at dc97bdf (pdfplumber-like, a table headed by regions)
    "moi-2025": (0.97, 0.94, 0.87, 0.79),  # held out: first measured at dc97bdf (Word export, ㈠ ⑴, soft breaks inside clauses)
    # the session of 2026-11-30 (7)
    "nstc-2025": (0.99, 0.91, 0.89, 0.83),  # held out: first measured at 034b991 (pdftotext -layout, a table with units in its heads)
    "ndc-2025": (0.98, 0.93, 0.97, 0.83),  # held out: first measured at 8d747d5 (a web page's text, a table of targets)
    "ncc-2025": (0.99, 0.91, 0.94, 0.70),  # held out: first measured at 328e4bc (PDFium, CRLF, no blank lines, a flattened table)
    "vac-2025": (0.99, 0.92, 0.95, 0.70),  # held out: first measured at 328e4bc (an .odt's text, full-width digits and commas)
    "cga-2025": (0.99, 0.96, 0.95, 0.83),  # held out: first measured at 9b430fa (plain pdftotext, a table one cell a line)
    # the session of 2026-11-30 (8)
    "cbc-2025": (0.98, 0.90, 0.93, 0.66),  # held out: first measured at f05cb1e (Word export, tab-separated tables, rows of periods);
    # its writer leaves 同期間 undated, which since 6a111ca dates a sentence by the span named before it (period 0.950 → 0.932)
    "nusc-2025": (0.99, 0.89, 0.87, 0.83),  # held out: first measured at a3238c9 (pdftotext, form feeds, doses in 毫西弗)
    "mol-2025": (0.98, 0.87, 0.95, 0.83),  # held out: first measured at 7de5988 (pdfplumber, full-width indents, a flattened table)
    "ftc-2025": (0.99, 0.89, 0.89, 0.75),  # held out: first measured at cee10e1 (PDFium, CRLF, a table one cell a line)
    # the session of 2026-11-30 (9)
    "mac-2025": (0.99, 0.95, 0.88, 0.85),  # held out: first measured at 07436c8 (Word export, half-width markers, a table by quarter)
    "ocac-2025": (0.99, 0.93, 0.95, 0.90),  # held out: first measured at 07436c8 (pdfplumber, full-width indents, a table by continent)
    "pcc-2025": (0.99, 0.91, 0.91, 0.85),  # held out: first measured at 491d980 (pdftotext -layout, form feeds, a two-line column head)
    "dgbas-2025": (0.99, 0.91, 0.92, 0.90),  # held out: first measured at 491d980 (PDFium, CRLF, a table one cell a line)
    # the session of 2026-12-01 (2)
    "dgpa-2025": (0.98, 0.93, 0.93, 0.70),  # held out: first measured at 0e4467c (pdftotext -layout, a table over a page break)
    "npm-2025": (0.98, 0.92, 0.94, 0.79),  # held out: first measured at 0e4467c (the sample's layout, a page number inside a table)
    "cec-2025": (0.98, 0.88, 0.81, 0.70),  # held out: first measured at 0e4467c (Word export, tab tables; its writer dates an event's figures by its day)
    "ttsb-2025": (0.99, 0.89, 0.82, 0.75),  # held out: first measured at b989eab (pdfplumber, full-width indents, numbers cut after a comma)
    "sa-2025": (0.99, 0.88, 0.92, 0.79),  # held out: first measured at b989eab (PDFium, CRLF, 第 N 頁 footers, rows named by their year)
    "moc-2025": (0.99, 0.91, 0.95, 0.87),  # held out: first measured at b989eab (the sample's, full-width dashed page numbers)
    "moa-2025": (0.99, 0.92, 0.92, 0.79),  # held out: first measured at a7f45ad (plain pdftotext, N/M footers, a table over a page)
    "cdc-2025": (0.99, 0.84, 0.87, 0.83),  # held out: first measured at 236e686 (Word export, a sentence a line, full-width-space tables)
    # the session of 2026-12-01 (3)
    "wra-2025": (0.98, 0.94, 0.85, 0.83),  # held out: first measured at c6232e3 (pdftotext wraps, '- N -' page breaks, a table in 萬立方公尺)
    "nfa-2025": (0.99, 0.94, 0.94, 0.75),  # held out: first measured at c6232e3 (Word export, CRLF, a tab-separated table)
    "ta-2025": (0.99, 0.94, 0.94, 0.83),  # held out: first measured at c6232e3 (pdfplumber, N/M footers and dated headers)
    "mof-2025": (0.99, 0.89, 0.88, 0.66),  # held out: first measured at c6232e3 (an OCR'd PDF: bare page numbers, numbers cut in two)
    "cwa-2025": (0.99, 0.86, 0.91, 0.70),  # held out: first measured at 8d43b20 (pdftotext -layout, form feeds, rain in 毫米)
    "nia-2025": (0.99, 0.96, 0.90, 0.66),  # held out: first measured at 8d43b20 (Word export with a BOM, 1. under 1、, Ａ．)
    "osha-2025": (0.99, 0.94, 0.82, 0.66),  # held out: first measured at 8d43b20 (pdfplumber, '- 第 N 頁 -' footers, ‰)
    "fda-2025": (0.99, 0.93, 0.94, 0.66),  # held out: first measured at 8d43b20 (a report whose top level is 一、)
    "npa-2025": (0.99, 0.94, 0.81, 0.70),  # held out: first measured at 187d1e5 (pdftotext, a two-line header, 單位：件；%；人)
    "hpa-2025": (0.99, 0.90, 0.92, 0.79),  # held out: first measured at c10a494 (the sample's own layout)
    # the session of 2026-12-01 (4): ten more, in layouts not yet tried
    "ea-2025": (0.99, 0.87, 0.85, 0.79),  # held out: first measured at 9a73f5c (as printed in 立法院公報)
    "fa-2025": (0.99, 0.90, 0.88, 0.83),  # held out: first measured at 9a73f5c (pandoc plain: wraps at spaces, grid tables)
    "nhia-2025": (0.99, 0.88, 0.91, 0.62),  # held out: first measured at 9a73f5c (Markdown from a PDF converter, pipe tables)
    "tipo-2025": (0.99, 0.92, 0.91, 0.87),  # held out: first measured at 9a73f5c (Word list numbering: a marker, a tab)
    "wda-2025": (0.99, 0.95, 0.93, 0.70),  # held out: first measured at 9a73f5c (Big5, CRLF, form feeds)
    "cip-2025": (0.98, 0.93, 0.92, 0.91),  # held out: first measured at 9a73f5c (half-width punctuation)
    "caa-2025": (0.98, 0.91, 0.89, 0.83),  # held out: first measured at 09f9cd4 (each marker on a line of its own)
    "nlma-2025": (0.99, 0.84, 0.77, 0.70),  # held out: first measured at 09f9cd4 (OCR: a space between every two characters)
    "rb-2025": (0.99, 0.86, 0.85, 0.75),  # held out: first measured at 09f9cd4 (lynx -dump of a web page)
    "sfaa-2025": (0.94, 0.91, 0.93, 0.75),  # held out: first measured at 09f9cd4 (footnote marks; its footnotes' figures sit outside its items)
    "nao-2025": (0.98, 0.91, 0.97, 0.75),  # held out: first measured at 5b74c08 (公文 style: years, days and amounts in Chinese numerals)
    "cca-2025": (0.99, 0.91, 0.84, 0.83),  # held out: first measured at 5b74c08 (tCO2e, units cut by a wrap, a spaced table)
    "blf-2025": (0.99, 0.95, 0.95, 0.87),  # held out: first measured at 5b74c08 (pdftotext -layout, form feeds, a table whose rate column names no unit)
    "mpb-2025": (0.99, 0.96, 0.94, 0.95),  # held out: first measured at 5b74c08 (a PDF viewer's copy, slash dates, a table one cell a line in 萬 TEU)
    "thb-2025": (0.99, 0.94, 0.87, 0.70),  # held out: first measured at 04ccf89 (a briefing deck: bullets, a contents slide, continued slides)
    "boch-2025": (0.99, 0.92, 0.95, 0.79),  # held out: first measured at 04ccf89 (pasted from a web page: zero-width spaces, &nbsp;, soft hyphens)
    "ida-2025": (0.99, 0.93, 0.90, 0.79),  # held out: first measured at 04ccf89 (Chinese approximations: 數十家, 上百億元, 1 成 5, 兩成左右)
    "mjib-2025": (0.99, 0.93, 0.90, 0.75),  # held out: first measured at 04ccf89 (an oral report as 立法院公報 prints it)
    "tasa-2025": (0.99, 0.91, 0.96, 0.95),  # held out: first measured at 6cfc4f5 (Gregorian years and slash dates, kg)
    "oca-2025": (0.99, 0.92, 0.85, 0.62),  # held out: first measured at 6cfc4f5 (footnote marks glued on as digits: '47 處1', '34.6%2')
    "customs-2025": (0.98, 0.92, 0.91, 0.62),  # held out: first measured at 6cfc4f5 (OCR: O for 0, l for 1 inside numbers)
    "ardswc-2025": (0.99, 0.92, 0.89, 0.79),  # held out: first measured at 6cfc4f5 (bilingual: each paragraph then its English)
    "ltc-2025": (0.99, 0.88, 0.97, 0.91),  # held out: first measured at a4cc2bf (a 專案報告's cover, a table one cell a line with rows by year)
    "moenv-plan-2026": (0.99, 0.89, 0.93, 0.95),  # held out: first measured at a4cc2bf (a 施政計畫: tab tables of KPIs and budgets, μg/m3)
    "mol-perf-2024": (0.99, 0.96, 0.67, 0.79),  # held out: first measured at e093c23 (a 施政績效報告: KPI tables of 目標值, 實際值, 達成度)
    "taichung-2025": (0.99, 0.93, 0.97, 0.95),  # held out: first measured at e093c23 (a city's report to its council, a spaced table in 萬人次)
    "lybc-2026": (0.99, 0.74, 0.91, 0.75),  # held out: first measured at 8dfa3a7 (the Budget Center's evaluation of a year's budget, [註 1] marks)
    "taipower-2025": (0.99, 0.90, 0.92, 0.62),  # held out: first measured at 8dfa3a7 (a state enterprise's report: 元/度, 分鐘/戶, losses as -1,987.3)
    "ndc-bulletin-2025": (0.90, 0.94, 0.80, 0.83),  # held out: first measured at ec1f72a (a monthly bulletin: months without their year, a pipe table)
    "cy-report-2025": (0.98, 0.85, 0.79, 0.58),  # held out: first measured at ec1f72a (a Control Yuan report: lines of 28 characters, 附表)
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def report(request):
    folder = REPORTS / request.param
    data = (folder / "report.txt").read_bytes()
    return request.param, folder, parse_source(read_bytes(data, "report.txt"), data)


# 經濟部 112 年: its writer joined 會議 and 152 across a line break with a space, which the dev gold does not;
# 運動部 likewise keeps the space of a title wrapped inside a figure (活動 3,862 場次); 財政部 2025's writer
# ends a title at the first sentence's end, where the dev gold ends it at its first clause
# 審計部, 公路局 and 調查局: a title ended where their writers ended it a clause later (…分述如下), or cut by a slide's wrap;
# 海保署: a footnote's mark glued to a title's last word (鯨鯊及鬼蝠魟4)
OUTLINE_FLOORS = {"moea-2023": 0.98, "sa-2025": 0.98, "mof-2025": 0.97, "nlma-2025": 0.99, "sfaa-2025": 0.99, "nao-2025": 0.98, "thb-2025": 0.98,
                  "mjib-2025": 0.96, "oca-2025": 0.95, "cy-report-2025": 0.98}


def test_outline_of_other_reports(report):
    name, folder, document = report
    score = score_outline(document.nodes, read_jsonl(folder / "outline.jsonl"))
    assert min(score.precision, score.recall) >= OUTLINE_FLOORS.get(name, 1.0)


def test_figures_of_other_reports(report):
    name, folder, document = report
    least_f1, least_kind, least_period, _ = FLOORS[name]
    predicted = [claim_record(document.id, claim) for claim in document.claims]
    result = score_claims(predicted, read_jsonl(folder / "claims.jsonl"), read_claim_items(folder / "claims-items.txt"))
    assert result.score.f1 >= least_f1
    assert result.accuracy("qualifier") >= 0.95
    assert result.accuracy("kind") >= least_kind
    assert result.accuracy("period") >= least_period


def test_questions_on_other_reports(report, tmp_path: Path):
    name, folder, _ = report
    engine = connect(f"sqlite:///{tmp_path / 'ledger.db'}")
    doc_id = ingest_path(engine, folder / "report.txt").doc_id
    questions = read_jsonl(folder / "qa.jsonl")
    score = score_answers([(q, ask(engine, q["q"], doc_id=doc_id)) for q in questions])
    engine.dispose()
    assert score.accuracy >= FLOORS[name][3]
    assert score.confident_wrong <= 2
