"""Microsoft Recognizers-Text's Chinese specs, run through our number recognizer.

The specs (../shared/external/recognizers-text-zh/) are another project's view of Chinese
numbers; we use them to measure, not as a rule book. Per file we count the cases its Python
implementation supports (NotSupported / NotSupportedByDesign not naming python), the cases
that differ from it by design (named below with the reason, counted apart), and the cases that
agree. The issue's bar: NumberModel and PercentModel agree on ≥ 95 % of the supported cases
that do not differ by design.

How a case is judged. Value agreement is what counts: a case agrees when we find exactly as
many numbers (percentages, amounts) as it expects, in the same order, each with the same
resolved value (relative tolerance 1e-9: the spec prints 15 significant digits). Text spans
are compared too but only reported: a span agrees when it starts at the same offset and reads
the same after folding full-width characters and case (the spec writes `２．２` as `2.2` and
`2.5 M` as `2.5 m`).

Currency and dimension cases are read with our units (quantity/units.py): the input is put
into Traditional characters for the unit words (万 → 萬, 币 → 幣 …), each number is followed
by `match_unit`, and amounts are compared after `normalize`. A case whose expected unit is not
in our registry (瑞士法郎, 奈拉, 公分, 畝 …) or which expects a currency with no amount is not
applicable, and named. No threshold there: the figures say how far our report-oriented units
reach into general Chinese text.

The summary is written to the terminal (whether or not pytest captures output) and to
artifacts/recognizers-text.txt.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from policyledger.quantity.numbers import scale_of
from policyledger.quantity.recognize import find_numbers, find_percentages, fold_width
from policyledger.quantity.units import CURRENCIES, match_unit, normalize

SPEC_FOLDER = Path("shared") / "external" / "recognizers-text-zh"
NUMBER_FILE = "Number-NumberModel.json"
PERCENT_FILE = "Number-PercentModel.json"
CURRENCY_FILE = "NumberWithUnit-CurrencyModel.json"
DIMENSION_FILE = "NumberWithUnit-DimensionModel.json"
ARTIFACT = Path(__file__).resolve().parents[1] / "artifacts" / "recognizers-text.txt"
THRESHOLD = 0.95

_LONE_DIGIT_BEFORE_A_UNIT = "{}: a lone Chinese digit before a unit is still a number to us; NumberModel keeps one only before its list of measure words"
_YUAN = "元 is the New Taiwan dollar in the reports we read (元 is TWD unless another currency is named); the spec's 元 is the Chinese yuan"

# Input → why we differ on purpose. Each entry must be a supported case that we do not agree
# with (test_the_design_table_names_real_differences keeps the table honest).
DIFFERS_BY_DESIGN: dict[str, dict[str, str]] = {
    NUMBER_FILE: {
        "一美元": _LONE_DIGIT_BEFORE_A_UNIT.format("一美元 is 1 (CurrencyModel reads 1 USD)"),
        "两美刀": _LONE_DIGIT_BEFORE_A_UNIT.format("两美刀 is 2"),
        "苹果折扣一美元": _LONE_DIGIT_BEFORE_A_UNIT.format("一美元 is 1"),
        "这台电脑两美刀": _LONE_DIGIT_BEFORE_A_UNIT.format("两美刀 is 2"),
        "苹果折扣一折": _LONE_DIGIT_BEFORE_A_UNIT.format("一折 has the numeral 1 (the file itself gives 6051 for 六千零五十一个百分点)"),
        "包括在金融市场中管理的基金管理业务在内的FILP总额也减少了二％，为四十九兆九千五百九十二億元，是有史以来最大的。": (
            _LONE_DIGIT_BEFORE_A_UNIT.format("二％ has the numeral 2")
        ),
    },
    CURRENCY_FILE: {
        "江苏彩民15元中大乐透1600万 奖池36.57亿": _YUAN,
        "其中，四川彩友中得1注1000万元基本头奖；": _YUAN,
        "本期开奖结束后，奖池金额攀升至36.57亿元。": _YUAN,
        "我有一千元": _YUAN,
        "包括在金融市场中管理的基金管理业务在内的FILP总额也减少了二％，为四十九兆九千五百九十二億元，是有史以来最大的。": _YUAN,
    },
}

# Unit words of the specs in the characters our unit registry is written in.
_TRADITIONAL = str.maketrans({"万": "萬", "亿": "億", "币": "幣", "欧": "歐", "圆": "圓", "吨": "噸", "台": "臺", "两": "兩", "块": "塊", "亩": "畝"})
# The spec's unit names that our registry has, as a unit we write (for normalize).
_DIMENSION_UNITS = {"Kilogram": "公斤", "Ton": "公噸", "Kilometer": "公里", "Meter": "公尺"}


@dataclass
class FileResult:
    name: str
    cases: int = 0
    supported: int = 0
    agreed: int = 0
    spans_agreed: int | None = None  # number and percent files only
    by_design: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    not_applicable: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    disagreed: list[tuple[str, str]] = field(default_factory=list)  # (input, expected vs found)

    @property
    def judged(self) -> int:
        return self.supported - len(self.by_design) - len(self.not_applicable)

    @property
    def agreement(self) -> float:
        return self.agreed / self.judged if self.judged else 0.0

    @property
    def strict(self) -> float:
        """Agreement with the by-design cases counted as disagreeing."""
        counted = self.judged + len(self.by_design)
        return self.agreed / counted if counted else 0.0


def find_spec_dir() -> Path | None:
    """The specs folder: $POLICYLEDGER_RECOGNIZERS_SPECS, or shared/external/… next to a parent
    of the working directory or of this file (as evaluate.find_gold_dir finds dev-gold)."""
    candidates = [os.environ.get("POLICYLEDGER_RECOGNIZERS_SPECS")]
    for base in (Path.cwd(), Path(__file__).resolve()):
        for parent in [base, *base.parents]:
            candidates += [str(parent / SPEC_FOLDER), str(parent / ".." / SPEC_FOLDER)]
    for candidate in candidates:
        if candidate and (Path(candidate) / NUMBER_FILE).is_file():
            return Path(candidate).resolve()
    return None


def load_cases(folder: Path, name: str) -> list[dict[str, Any]]:
    with open(folder / name, encoding="utf-8-sig") as handle:
        return json.load(handle)


def supported_by_python(case: dict[str, Any]) -> bool:
    refusals = f"{case.get('NotSupported', '')},{case.get('NotSupportedByDesign', '')}".lower()
    return "python" not in refusals


def same_value(expected: float, found: float) -> bool:
    return math.isclose(expected, found, rel_tol=1e-9, abs_tol=1e-12)


# --- Number and percent: one value per expected result ---------------------------------------


def judge_values(name: str, cases: list[dict[str, Any]], recognize: Callable[[str], list[Any]]) -> FileResult:
    result = FileResult(name, cases=len(cases))
    for case in filter(supported_by_python, cases):
        result.supported += 1
        text = case["Input"]
        expected = case["Results"]
        found = recognize(text)
        values = [float(str(item["Resolution"]["value"]).rstrip("%")) for item in expected]
        agrees = len(values) == len(found) and all(same_value(v, f.value) for v, f in zip(values, found, strict=True))
        if agrees:
            result.agreed += 1
            result.spans_agreed = (result.spans_agreed or 0) + all(same_span(item, f) for item, f in zip(expected, found, strict=True))
        elif text in DIFFERS_BY_DESIGN.get(name, {}):
            result.by_design.append((text, DIFFERS_BY_DESIGN[name][text]))
        else:
            result.disagreed.append((text, f"expected {[item['Text'] for item in expected]} = {values}, found {[(f.text, f.value) for f in found]}"))
    return result


def same_span(expected: dict[str, Any], found: Any) -> bool:
    return expected.get("Start") == found.start and fold_width(found.text).lower() == str(expected["Text"]).lower()


# --- Currency and dimension: amounts in our units ----------------------------------------------


def amounts_found(text: str, dimension: str) -> list[tuple[float, str]]:
    """(base value, base unit) of each number followed by a unit of `dimension` ('money' or physical)."""
    amounts = []
    for number in find_numbers(text):
        position = number.end
        while position < len(text) and text[position] in " \t":
            position += 1
        unit = match_unit(text, position)
        if unit is None:
            continue
        if dimension == "money" and unit.spec.dimension == "money":
            amounts.append((number.value * scale_of(unit.scale), unit.spec.base_unit))
        elif dimension == "physical" and unit.spec.pint_unit and unit.spec.dimension != "duration":
            _, value, base_unit = normalize(number.value, unit)
            amounts.append((value, base_unit))
    return amounts


def expected_currency(item: dict[str, Any]) -> tuple[float, str] | str:
    """The expected amount, or why it is not applicable to us."""
    resolution = item["Resolution"]
    iso = resolution.get("isoCurrency")
    if resolution.get("value") is None:
        return f"{item['Text']}: a currency named without an amount is not a figure"
    if iso not in set(CURRENCIES.values()):
        return f"{item['Text']}: {resolution.get('unit')} is not a currency units.py reads"
    return float(resolution["value"]), iso


def expected_dimension(item: dict[str, Any]) -> tuple[float, str] | str:
    unit_name = item["Resolution"].get("unit")
    written = _DIMENSION_UNITS.get(unit_name)
    unit = match_unit(written, 0) if written else None
    if unit is None:
        return f"{item['Text']}: {unit_name} is not a unit units.py reads"
    _, value, base_unit = normalize(float(item["Resolution"]["value"]), unit)
    return value, base_unit


def judge_amounts(name: str, cases: list[dict[str, Any]], dimension: str, expect: Callable[[dict[str, Any]], tuple[float, str] | str]) -> FileResult:
    result = FileResult(name, cases=len(cases))
    for case in filter(supported_by_python, cases):
        result.supported += 1
        text = case["Input"]
        expected = [expect(item) for item in case["Results"]]
        reasons = [item for item in expected if isinstance(item, str)]
        if reasons:
            result.not_applicable.append((text, "; ".join(reasons)))
            continue
        found = amounts_found(text.translate(_TRADITIONAL), dimension)
        agrees = len(found) == len(expected) and all(
            same_value(value, f_value) and unit == f_unit for (value, unit), (f_value, f_unit) in zip(expected, found, strict=True)  # type: ignore[misc]
        )
        if agrees:
            result.agreed += 1
        elif text in DIFFERS_BY_DESIGN.get(name, {}):
            result.by_design.append((text, DIFFERS_BY_DESIGN[name][text]))
        else:
            result.disagreed.append((text, f"expected {[item['Text'] for item in case['Results']]} = {expected}, found {found}"))
    return result


# --- Running and reporting ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def spec_dir() -> Path:
    folder = find_spec_dir()
    if folder is None:
        message = f"Recognizers-Text specs not found: no {SPEC_FOLDER} beside a parent of {Path.cwd()} (set POLICYLEDGER_RECOGNIZERS_SPECS)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return folder


@pytest.fixture(scope="module")
def results(spec_dir: Path, request: pytest.FixtureRequest) -> dict[str, FileResult]:
    judged = {
        NUMBER_FILE: judge_values(NUMBER_FILE, load_cases(spec_dir, NUMBER_FILE), find_numbers),
        PERCENT_FILE: judge_values(PERCENT_FILE, load_cases(spec_dir, PERCENT_FILE), find_percentages),
        CURRENCY_FILE: judge_amounts(CURRENCY_FILE, load_cases(spec_dir, CURRENCY_FILE), "money", expected_currency),
        DIMENSION_FILE: judge_amounts(DIMENSION_FILE, load_cases(spec_dir, DIMENSION_FILE), "physical", expected_dimension),
    }
    summary = render_summary(spec_dir, judged)
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(summary, encoding="utf-8")
    show_on_terminal(request.config, summary)
    return judged


def show_on_terminal(config: pytest.Config, text: str) -> None:
    """Write past pytest's output capture, so the summary shows with or without -s."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for line in text.splitlines():
            reporter.write_line(line)


def render_summary(spec_dir: Path, judged: dict[str, FileResult]) -> str:
    lines = [f"Recognizers-Text Chinese specs ({spec_dir}) through policyledger.quantity.recognize", ""]
    lines.append(f"{'file':<36} {'cases':>5} {'supported':>9} {'by design':>9} {'n/a':>4} {'agreed':>11} {'agreement':>9} {'strict':>7} {'spans':>6}")
    for result in judged.values():
        lines.append(
            f"{result.name:<36} {result.cases:>5} {result.supported:>9} {len(result.by_design):>9} {len(result.not_applicable):>4} "
            f"{f'{result.agreed}/{result.judged}':>11} {result.agreement:>9.1%} {result.strict:>7.1%} {'-' if result.spans_agreed is None else result.spans_agreed:>6}"
        )
    lines.append("agreement = agreed / (supported − by design − n/a); strict counts by-design cases as disagreeing;")
    lines.append("spans = agreed cases whose text spans (start, folded text) match too")
    for result in judged.values():
        for title, entries in (("differs by design", result.by_design), ("not applicable", result.not_applicable), ("disagrees", result.disagreed)):
            if entries:
                lines += ["", f"{result.name} — {title}:"]
                lines += [f"  {text!r}: {why}" for text, why in entries]
    return "\n".join(lines) + "\n"


# --- The tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [NUMBER_FILE, PERCENT_FILE])
def test_number_and_percent_models_agree(results: dict[str, FileResult], name: str):
    result = results[name]
    assert result.supported > 100, f"{name}: too few supported cases read ({result.supported})"
    assert result.agreement >= THRESHOLD, f"{name}: {result.agreed}/{result.judged} agree; disagreeing: {result.disagreed}"


def test_the_design_table_names_real_differences(results: dict[str, FileResult], spec_dir: Path):
    """Every DIFFERS_BY_DESIGN entry is a supported case of its file that we do differ on."""
    for name, table in DIFFERS_BY_DESIGN.items():
        inputs = {case["Input"] for case in load_cases(spec_dir, name) if supported_by_python(case)}
        assert set(table) <= inputs, f"{name}: not supported cases of the file: {set(table) - inputs}"
        differing = {text for text, _ in results[name].by_design}
        assert differing == set(table), f"{name}: listed as by design but agreeing: {set(table) - differing}"


def test_currency_differs_only_in_the_yuan(results: dict[str, FileResult], spec_dir: Path):
    """The 元 cases agree once 元 is read as TWD: the difference is the convention, nothing else."""
    cases = {case["Input"]: case for case in load_cases(spec_dir, CURRENCY_FILE)}
    for text, _ in results[CURRENCY_FILE].by_design:
        resolutions = [item["Resolution"] for item in cases[text]["Results"]]
        expected = [(float(r["value"]), {"CNY": "TWD"}.get(r["isoCurrency"], r["isoCurrency"])) for r in resolutions]
        found = amounts_found(text.translate(_TRADITIONAL), "money")
        assert len(found) == len(expected), (text, expected, found)
        assert all(same_value(v, fv) and u == fu for (v, u), (fv, fu) in zip(expected, found, strict=True)), (text, expected, found)


def test_unit_files_are_reported(results: dict[str, FileResult]):
    """Currency and dimension have no threshold; every supported case is counted somewhere and the
    amounts our units do read come out right for the named currencies (美元, 歐元, 港元, 日元)."""
    for name in (CURRENCY_FILE, DIMENSION_FILE):
        result = results[name]
        assert result.agreed + len(result.by_design) + len(result.not_applicable) + len(result.disagreed) == result.supported
    assert results[CURRENCY_FILE].agreed >= 1 and results[DIMENSION_FILE].agreed >= 1
    assert ARTIFACT.is_file() and NUMBER_FILE in ARTIFACT.read_text(encoding="utf-8")


# --- Beyond the spec: the forms Taiwanese reports write (none of these are in the spec files) -------


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("計 1萬0,677 家", [("1萬0,677", 10677)]),
        ("10 萬 6,162 人", [("10 萬 6,162", 106162)]),
        ("1 億 2,545.6 萬元", [("1 億 2,545.6 萬", 125_456_000)]),
        ("５千萬元與百億元", [("５千萬", 5e7), ("百億", 1e10)]),
        ("一一○ 年兩百家", [("一一○", 110), ("兩百", 200)]),
        ("壹仟貳佰參拾肆元", [("壹仟貳佰參拾肆", 1234)]),
        ("約二三十人、三四百萬", []),  # rough ranges, not numbers
        ("兩岸一切統一，萬一", []),
        ("TCE100 與 0800-589-168", []),
    ],
)
def test_report_forms(text: str, numbers: list[tuple[str, float]]):
    assert [(n.text, n.value) for n in find_numbers(text)] == numbers


@pytest.mark.parametrize(
    ("text", "percentages"),
    [
        ("增加 2.3 個百分點", [("2.3 個百分點", 2.3)]),
        ("提高至百分之三十，約 4 成", [("百分之三十", 30), ("4 成", 40)]),
        ("(-5.4%)，成長率 5.2％", [("-5.4%", -5.4), ("5.2％", 5.2)]),
        ("七成五、千分之三", [("七成五", 75), ("千分之三", 0.3)]),
        ("五百分之二", []),  # a fraction, 0.004
        ("見 https://www.moea.gov.tw/a?b=30%", []),
    ],
)
def test_report_percentages(text: str, percentages: list[tuple[str, float]]):
    assert [(p.text, p.value) for p in find_percentages(text)] == percentages
