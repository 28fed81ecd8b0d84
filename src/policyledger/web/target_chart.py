"""One small chart per target, drawn on the server as SVG: what has been achieved and when (the
achieved figure's earlier values too, when the report gives them), the report's own date, and
the target at its due date, joined by the straight line of the pace still needed.

Colours are SVG presentation attributes (the Content-Security-Policy forbids inline styles);
every label comes from report text or the interface and is escaped by Markup.format.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

WIDTH, HEIGHT = 320, 130
LEFT, RIGHT, TOP, BOTTOM = 10, 10, 18, 24
ACHIEVED, NEEDED, TARGET, MUTED = "#2563eb", "#b7791f", "#2f8a4c", "#6b7280"


def target_chart(record: dict[str, Any], target_label: str = "目標", report_label: str = "報告日") -> Markup:
    """The chart of one targets record (GET /api/targets); empty when nothing was achieved yet
    or the target has no date."""
    points = _achieved(record)
    due = _date(record.get("due"))
    if not points or due is None or record["target"]["base_value"] is None:
        return Markup("")
    goal = float(record["target"]["base_value"])
    as_of = _date(record.get("as_of"))
    start = min(when for when, _ in points)
    end = max([due, *(when for when, _ in points), *([as_of] if as_of else [])])
    if end <= start:
        end = start + timedelta(days=365)
    top = max([goal, *(value for _, value in points)]) * 1.12 or 1.0

    def x(when: date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (when - start).days / (end - start).days

    def y(value: float) -> float:
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * max(value, 0.0) / top

    title = f"{record.get('indicator') or ''}: {record['actual']['text']} → {target_label} {record['target']['text']} ({record['due']})"
    parts = [Markup(
        '<svg class="target-chart" role="img" aria-label="{title}" viewBox="0 0 {w} {h}" width="100%" xmlns="http://www.w3.org/2000/svg">'
        '<title>{title}</title><line x1="{l}" y1="{base}" x2="{r}" y2="{base}" stroke="{muted}" stroke-width="1"/>'
    ).format(title=title, w=WIDTH, h=HEIGHT, l=LEFT, r=WIDTH - RIGHT, base=HEIGHT - BOTTOM, muted=MUTED)]
    parts.append(_goal_line(y(goal), f"{target_label} {record['target']['text']}"))
    if as_of and start <= as_of <= end:
        parts.append(_report_day(x(as_of), report_label))
    last_when, last_value = points[-1]
    parts.append(Markup('<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{c}" stroke-width="2" stroke-dasharray="5 4"/>').format(
        x1=x(last_when), y1=y(last_value), x2=x(due), y2=y(goal), c=NEEDED))
    if len(points) > 1:
        line = " ".join(f"{x(when):.1f},{y(value):.1f}" for when, value in points)
        parts.append(Markup('<polyline points="{p}" fill="none" stroke="{c}" stroke-width="2"/>').format(p=line, c=ACHIEVED))
    for (when, value), shown in zip(points, _texts(record), strict=True):
        parts.append(Markup('<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{c}"><title>{t} ({d})</title></circle>').format(
            cx=x(when), cy=y(value), c=ACHIEVED, t=shown, d=when.isoformat()))
    parts.append(Markup('<text x="{tx:.1f}" y="{ty:.1f}" font-size="11" fill="{c}">{t}</text>').format(
        tx=min(x(last_when) + 6, WIDTH - RIGHT - 60), ty=y(last_value) + 14 if y(last_value) < HEIGHT - BOTTOM - 16 else y(last_value) - 6,
        c=ACHIEVED, t=_texts(record)[-1]))
    diamond = '<rect x="{rx:.1f}" y="{ry:.1f}" width="9" height="9" fill="{c}" transform="rotate(45 {cx:.1f} {cy:.1f})"><title>{t} ({d})</title></rect>'
    parts.append(Markup(diamond).format(rx=x(due) - 4.5, ry=y(goal) - 4.5, cx=x(due), cy=y(goal), c=TARGET, t=record["target"]["text"], d=due.isoformat()))
    parts.append(_axis_labels(start, end))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _achieved(record: dict[str, Any]) -> list[tuple[date, float]]:
    """(date, value) of the achieved figure and the figures before it, oldest first."""
    history = [(_date(point.get("when")), point.get("base_value")) for point in record.get("history") or []]
    points = [(when, float(value)) for when, value in history if when and value is not None]
    actual = record.get("actual")
    if not points and actual and actual.get("base_value") is not None:
        when = _date(actual.get("period_end")) or _date(actual.get("period_start")) or _date(record.get("as_of"))
        if when:
            points = [(when, float(actual["base_value"]))]
    return sorted(points)


def _texts(record: dict[str, Any]) -> list[str]:
    history = record.get("history") or []
    if history:
        return [point["text"] for point in sorted(history, key=lambda p: p.get("when") or "")]
    return [record["actual"]["text"]]


def _goal_line(level: float, label: str) -> Markup:
    return Markup(
        '<line x1="{l}" y1="{y:.1f}" x2="{r}" y2="{y:.1f}" stroke="{c}" stroke-width="1" stroke-dasharray="2 3"/>'
        '<text x="{r}" y="{ty:.1f}" text-anchor="end" font-size="11" fill="{c}">{label}</text>'
    ).format(l=LEFT, r=WIDTH - RIGHT, y=level, ty=max(level - 4, 11), c=TARGET, label=label)


def _report_day(at: float, label: str) -> Markup:
    return Markup(
        '<line x1="{x:.1f}" y1="{t}" x2="{x:.1f}" y2="{b}" stroke="{c}" stroke-width="1"/>'
        '<text x="{tx:.1f}" y="{t}" font-size="10" fill="{c}">{label}</text>'
    ).format(x=at, tx=at + 3, t=TOP - 6, b=HEIGHT - BOTTOM, c=MUTED, label=label)


def _axis_labels(start: date, end: date) -> Markup:
    return Markup(
        '<text x="{l}" y="{y}" font-size="11" fill="{c}">{a}</text><text x="{r}" y="{y}" font-size="11" text-anchor="end" fill="{c}">{b}</text>'
    ).format(l=LEFT, r=WIDTH - RIGHT, y=HEIGHT - 8, c=MUTED, a=_month(start), b=_month(end))


def _month(when: date) -> str:
    return f"{when.year}-{when.month:02d}"


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None

