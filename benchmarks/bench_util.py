"""Small helpers the benchmark scripts share: percentiles, a plain table, the run's context.

Benchmarks print what they measured together with where and when (date, commit, load
average), because a figure on a shared 2-core machine means little without its conditions."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "policyledger" / "demo" / "moea-business-report-ly10-3.txt"
GOLD = ROOT.parent / "shared" / "dev-gold"
SCRATCH = ROOT / "tmp" / "bench"


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def context_line() -> str:
    """Date, commit, Python, cores and the load average when the run started."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        commit = "?"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{when} · commit {commit} · Python {platform.python_version()} · {os.cpu_count()} cores · load avg {load}"


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process, and of the largest finished child process.

    Linux reports ru_maxrss in KiB; for RUSAGE_CHILDREN it is the peak of the largest child
    that has been waited for, not a sum — callers add the two for an upper bound of a moment."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table (it reads as well in a terminal as in docs/benchmarks.md)."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(_width(h), *(_width(row[i]) for row in cells)) for i, h in enumerate(headers)]
    line = lambda row: "| " + " | ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)) + " |"  # noqa: E731
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *(line(r) for r in cells)])


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"
