"""Where the time of ingesting the sample goes: a pyinstrument profile, hot spots first.

Profiles `ingest_bytes` (read, parse, store into a fresh SQLite file) repeated --repeat times
so that short functions collect enough samples, then lists the functions with the most time
spent in their own code (self time), and the call tree down to the stages. With --cli it
profiles the real command instead (`policyledger ingest SAMPLE` in this process: imports,
database set-up and output included), which is what a user waits for.

    .venv/bin/python benchmarks/profile_ingest.py [--repeat 5] [--top 15] [--cli] [--html out.html]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from pyinstrument import Profiler

from bench_util import SAMPLE, context_line, table


def profile_library(repeat: int, scratch: Path) -> Profiler:
    from policyledger.ingest import ingest_bytes
    from policyledger.store.db import connect
    from policyledger.store.repository import delete_document

    engine = connect(f"sqlite:///{scratch / 'profile.db'}")
    data = SAMPLE.read_bytes()
    ingest_bytes(engine, data, SAMPLE.name)  # warm-up: imports, caches, schema
    delete_document(engine, ingest_bytes(engine, data, SAMPLE.name).doc_id)
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(repeat):
            result = ingest_bytes(engine, data, SAMPLE.name)
            delete_document(engine, result.doc_id)
    return profiler


def profile_cli(scratch: Path) -> Profiler:
    """The command as a user runs it, imports included (so it must run in a fresh process)."""
    os.environ["POLICYLEDGER_DB"] = f"sqlite:///{scratch / 'cli.db'}"
    sys.argv = ["policyledger", "ingest", str(SAMPLE)]
    profiler = Profiler(interval=0.0005)
    with profiler:
        from policyledger.cli import main

        with contextlib.suppress(SystemExit):
            main()
    return profiler


SELF_FRAME = "[self]"  # pyinstrument's synthetic child that holds a frame's own time


def self_times(profiler: Profiler) -> tuple[float, list[tuple[str, str, float]]]:
    """Total seconds, and (function, where, self seconds) summed over the whole call tree."""
    root = profiler.last_session.root_frame()
    totals: dict[tuple[str, str], float] = defaultdict(float)
    stack = [root]
    while stack:
        frame = stack.pop()
        calls = [child for child in frame.children if child.function != SELF_FRAME]
        where = f"{_short(frame.file_path)}:{frame.line_no}" if frame.file_path else ""
        totals[(frame.function or "?", where)] += frame.time - sum(child.time for child in calls)
        stack.extend(calls)
    ranked = sorted(((f, w, t) for (f, w), t in totals.items()), key=lambda item: -item[2])
    return root.time, ranked


def _short(path: str) -> str:
    for marker in ("/site-packages/", "/src/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile the ingest of the sample report.")
    parser.add_argument("--repeat", type=int, default=5, help="ingests profiled together (library mode)")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--cli", action="store_true", help="profile the real command, imports included")
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML report here")
    args = parser.parse_args(argv)
    print(context_line())
    with tempfile.TemporaryDirectory() as scratch:
        profiler = profile_cli(Path(scratch)) if args.cli else profile_library(args.repeat, Path(scratch))
    total, ranked = self_times(profiler)
    runs = 1 if args.cli else args.repeat
    what = "`policyledger ingest SAMPLE` (in-process, imports included)" if args.cli else f"ingest_bytes(sample) × {runs}"
    print(f"\n{what}: {total:.3f} s profiled, {total / runs * 1000:.0f} ms per ingest\n")
    rows = [[f"{t / runs * 1000:.1f} ms", f"{100 * t / total:.1f} %", function, where] for function, where, t in ranked[: args.top]]
    print(table(["self/ingest", "share", "function", "where"], rows))
    print("\nCall tree (frames under 2 % hidden):")
    print(profiler.output_text(unicode=True, color=False, show_all=False, time="percent_of_total").split("To view this report", 1)[0][:12000])
    if args.html:
        args.html.write_text(profiler.output_html(), encoding="utf-8")
        print(f"wrote {args.html}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
