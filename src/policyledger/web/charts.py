"""Charts of a claims selection, drawn on the server as SVG: no script, no network, and the
picture is in the page even when it is saved or printed.

Labels come from report text: Markup.format escapes each one before it is placed in the markup.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from policyledger.model import Claim

HUNDRED_MILLION = 1e8


@dataclass(frozen=True)
class Chart:
    title: str  # a key of the i18n table
    note: str | None
    svg: Markup


def money_by_section(rows: list[tuple[str, Claim]], titles: dict[str, str]) -> list[tuple[str, float]]:
    """Sum of TWD figures per top-level section (壹, 貳, …), in 億元, in outline order."""
    sums: dict[str, float] = defaultdict(float)
    for _, claim in rows:
        if claim.base_unit == "TWD":
            sums[claim.path.split("/", 1)[0] or "—"] += claim.base_value / HUNDRED_MILLION
    return [(f"{section} {titles.get(section, '')}".strip(), total) for section, total in sums.items()]


def counts_by_year(rows: list[tuple[str, Claim]]) -> list[tuple[str, float]]:
    """How many figures refer to each year (the year their period ends, or starts)."""
    years = Counter(str((claim.period_end or claim.period_start).year) for _, claim in rows if claim.period_end or claim.period_start)
    return [(year, float(count)) for year, count in sorted(years.items())]


def charts_for(rows: list[tuple[str, Claim]], titles: dict[str, str]) -> list[Chart]:
    found: list[Chart] = []
    money = money_by_section(rows, titles)
    if money:
        found.append(Chart("金額（依章節合計，億元）", "合計可能重複計算累計數與目標，僅供概覽。", bar_chart(money, "億元")))
    years = counts_by_year(rows)
    if len(years) >= 2:
        found.append(Chart("數據筆數（依年度）", None, bar_chart(years, "")))
    return found


def bar_chart(items: list[tuple[str, float]], unit: str, width: int = 640, label_width: int = 220) -> Markup:
    """Horizontal bars, one row per item, the value written at the end of each bar."""
    row, gap = 26, 8
    height = row * len(items) + gap
    largest = max((value for _, value in items), default=0) or 1
    bar_room = width - label_width - 110
    svg = '<svg class="chart" role="img" viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
    parts = [Markup(svg).format(w=width, h=height)]
    for index, (label, value) in enumerate(items):
        y = gap + index * row
        length = max(1.0, bar_room * max(value, 0) / largest)
        shown = f"{value:,.0f}" if value >= 100 or value.is_integer() else f"{value:,.2f}"
        short = _short(label, label_width // 13)  # about 13 px a character at 12 px CJK
        parts.append(Markup('<text x="{x}" y="{ty}" text-anchor="end" class="chart-label">{label}</text>').format(x=label_width - 6, ty=y + 15, label=short))
        parts.append(Markup('<rect x="{x}" y="{y}" width="{w:.1f}" height="18" class="chart-bar"><title>{label}: {shown} {unit}</title></rect>').format(
            x=label_width, y=y, w=length, label=label, shown=shown, unit=unit))
        parts.append(Markup('<text x="{x:.1f}" y="{ty}" class="chart-value">{shown}</text>').format(x=label_width + length + 4, ty=y + 15, shown=shown))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _short(label: str, limit: int = 16) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"



def progress_bar(progress: float | None, label: str = "", met: bool = False) -> Markup:
    """One target's bar: the share achieved (capped at the end of the bar, the number says more)."""
    if progress is None:
        return Markup("")
    share = max(0.0, min(progress, 1.0))
    shown = f"{progress * 100:.0f}%"
    return Markup(
        '<svg class="progress-chart" role="img" aria-label="{label} {shown}" viewBox="0 0 300 22" width="100%" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">'
        '<rect x="0" y="3" width="300" height="16" rx="3" class="progress-track"></rect>'
        '<rect x="0" y="3" width="{width:.1f}" height="16" rx="3" class="progress-fill{done}"></rect></svg>'
    ).format(label=label, shown=shown, width=300 * share, done=" done" if met else "")
