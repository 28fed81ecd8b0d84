"""Tracking: targets against achievements, consistency checks, series, editions compared.

The stored report is read once into a `Report` (figures in their sentences and under their
headings, see `report`), and each concern is a pure function of it: `targets.pair_targets`,
`checks.run_checks`, `series.find_series`, `diff.compare`. The functions below are the doors
the CLI and the web app use: they take a database and give DESIGN.md's JSON records.

Note: `targets` here is the function (the web app's entry point, `track.targets(engine,
doc_id)`); the module of the same name is reached as `policyledger.track.targets` imports.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Engine

from policyledger.store.repository import list_documents
from policyledger.track.checks import SEVERITIES, run_checks
from policyledger.track.diff import compare
from policyledger.track.indicator import Indicators
from policyledger.track.report import Report, load_report
from policyledger.track.series import find_series
from policyledger.track.targets import pair_targets

__all__ = ["Report", "check", "diff", "load_report", "series", "stats", "targets"]


def _documents(engine: Engine, doc_id: str | None) -> list[str]:
    return [doc_id] if doc_id else [summary.id for summary in list_documents(engine)]


def targets(engine: Engine, doc_id: str | None = None) -> list[dict[str, Any]]:
    """Every target with its achieved figure, progress and the achieved figure's history (all
    documents when doc_id is None)."""
    found: list[dict[str, Any]] = []
    for doc in _documents(engine, doc_id):
        report = load_report(engine, doc)
        indicators = Indicators(report)
        found.extend(pair.record() for pair in pair_targets(report, indicators, find_series(report, indicators)))
    return found


def check(engine: Engine, doc_id: str | None = None) -> list[dict[str, Any]]:
    """Consistency findings, consistent ones (severity `ok`) included."""
    return [finding for doc in _documents(engine, doc_id) for finding in run_checks(load_report(engine, doc)).records()]


def series(engine: Engine, doc_id: str | None = None) -> list[dict[str, Any]]:
    return [found.record() for doc in _documents(engine, doc_id) for found in find_series(load_report(engine, doc))]


def diff(engine: Engine, doc_a: str, doc_b: str) -> list[dict[str, Any]]:
    """The changes from edition `doc_a` to edition `doc_b`."""
    return [change.record() for change in compare(load_report(engine, doc_a), load_report(engine, doc_b))]


def stats(engine: Engine, doc_id: str) -> dict[str, Any]:
    """How many targets were paired (and where the pair was found), how many checks ran and
    fired per rule, how many series: the figures docs/tracking.md records."""
    report = load_report(engine, doc_id)
    indicators = Indicators(report)
    pairs = pair_targets(report, indicators)
    run = run_checks(report, indicators)
    bases = Counter(pair.basis for pair in pairs)
    severities = Counter(finding.severity for finding in run.findings)
    fired = run.fired()
    return {
        "doc": doc_id,
        "report_date": report.report_date.isoformat() if report.report_date else None,
        "claims": len(report.figures),
        "targets": len(pairs),
        "paired": len(pairs) - bases.get("none", 0),
        "paired_by": {basis: bases.get(basis, 0) for basis in ("sentence", "item", "section", "report")},
        "with_progress": sum(1 for pair in pairs if pair.progress is not None),
        "met": sum(1 for pair in pairs if pair.status == "met"),
        "checks": {rule: {"ran": ran, "fired": fired.get(rule, 0)} for rule, ran in run.ran.items()},
        "findings": {severity: severities.get(severity, 0) for severity in SEVERITIES},
        "series": len(find_series(report, indicators)),
    }
