"""Generate a load-test corpus: N report-sized documents made from the bundled sample.

Each document keeps the sample's preamble, then its top-level sections (壹、工業 … 拾貳、礦業)
in a shuffled order, renumbered 壹、貳、… so the outline stays well-formed, with every figure
perturbed (a 17,797 becomes, say, 15,240 — same shape: separators and decimals kept; years,
months and days left alone so periods still parse). The text is for load only: the figures
are false, so the files go to a scratch folder (default tmp/bench/, git-ignored) and are
never committed or shipped. The same seed always yields the same files.

    .venv/bin/python benchmarks/make_corpus.py --docs 1000 --seed 7
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "policyledger" / "demo" / "moea-business-report-ly10-3.txt"
DEFAULT_OUT = ROOT / "tmp" / "bench"

_FORMAL = ["壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖", "拾", "拾壹", "拾貳", "拾參", "拾肆", "拾伍"]
_SECTION = re.compile(r"^(\s*)(拾?[壹貳參参肆伍陸柒捌玖]|拾)、")
# a figure: digits with optional thousands separators and decimals, not part of a date
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d,]*\s*[年月日季])")


def split_sections(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """The preamble, and each top-level section as its list of lines."""
    starts = [i for i, line in enumerate(lines) if _SECTION.match(line)]
    preamble = lines[: starts[0]]
    sections = [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    return preamble, sections


def perturb_number(match: re.Match[str], rng: random.Random) -> str:
    whole, decimals = match.group(1), match.group(2) or ""
    value = int(whole.replace(",", ""))
    if value < 10 and not decimals:  # list markers (1、) and small counts keep their shape
        return match.group(0)
    new = max(1, round(value * rng.uniform(0.5, 1.5)))
    text = f"{new:,}" if "," in whole else str(new)
    if decimals:
        text += "." + "".join(rng.choice("0123456789") for _ in decimals[1:])
    return text


def make_document(preamble: list[str], sections: list[list[str]], rng: random.Random) -> str:
    order = sections[:]
    rng.shuffle(order)
    keep = order[: max(1, round(len(order) * rng.uniform(0.85, 1.0)))]  # sizes vary a little
    out = list(preamble)
    for number, section in enumerate(keep):
        head = _SECTION.sub(lambda m, n=number: f"{m.group(1)}{_FORMAL[n]}、", section[0], count=1)
        out.append(head)
        out.extend(_NUMBER.sub(lambda m: perturb_number(m, rng), line) for line in section[1:])
    return "".join(out)


def generate(count: int, seed: int, out: Path) -> list[Path]:
    """Write `count` documents under out/corpus-<count>-<seed>/ (reused if already complete)."""
    folder = out / f"corpus-{count}-{seed}"
    paths = [folder / f"report-{index:04d}.txt" for index in range(count)]
    if all(path.exists() for path in paths):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    preamble, sections = split_sections(SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True))
    for index, path in enumerate(paths):
        rng = random.Random(f"{seed}:{index}")
        path.write_text(make_document(preamble, sections, rng), encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="how many documents (default 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="scratch folder (default tmp/bench)")
    args = parser.parse_args(argv)
    paths = generate(args.docs, args.seed, args.out)
    size = sum(path.stat().st_size for path in paths)
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB in {paths[0].parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
