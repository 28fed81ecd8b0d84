"""The quick benchmarks in one go (`make bench`): a few minutes on the 2-core machine.

Runs, one after another so they do not compete for the cores: the sample's ingest speed by
stage, its profile's hot spots, and a small scale check (50 generated reports into SQLite, a
handful of queries). The long runs are left to be started by hand, as docs/benchmarks.md
records them: `scale.py --docs 1000` (both backends) and `peers.py` (needs
benchmarks/setup_peers.sh first); --with-peers adds peers.py here when its venvs exist.

    .venv/bin/python benchmarks/run_all.py [--with-peers]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

QUICK = [
    ["ingest_speed.py", "--runs", "5", "--e2e-runs", "3"],
    ["profile_ingest.py", "--repeat", "3", "--top", "12"],
    ["scale.py", "--docs", "50", "--backend", "sqlite", "--runs", "1", "--questions", "8"],
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the quick benchmarks.")
    parser.add_argument("--with-peers", action="store_true", help="also run peers.py (a few minutes; needs setup_peers.sh)")
    args = parser.parse_args(argv)
    plan = QUICK + ([["peers.py", "--runs", "3"]] if args.with_peers else [])
    failed = []
    for command in plan:
        print(f"\n===== {' '.join(command)}", flush=True)
        started = time.perf_counter()
        code = subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]], check=False).returncode
        print(f"===== {command[0]}: exit {code} after {time.perf_counter() - started:.0f} s", flush=True)
        if code:
            failed.append(command[0])
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
