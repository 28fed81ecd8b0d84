"""Build report.txt and its gold (outline, claims, claims-items, qa, README tables)
from the annotated source.  Usage: build.py SOURCE OUTDIR"""

import itertools
import json
import re
import sys
import unicodedata
from calendar import monthrange
from decimal import Decimal
from pathlib import Path

WIDTH = 38  # characters per wrapped line (len(), CJK and ASCII alike)
BODY_PER_PAGE = 43  # body lines per page; page = header + 43 + blank + page number = 46
HEADER = "氣候變遷署業務報告"

# ---------------------------------------------------------------- source parsing
FIG = re.compile(r"\[\[(.+?)\]\]")
NON = re.compile(r"\{\{(.+?)\}\}")
DEFP = re.compile(r"^<<(.+?)>>")


def parse_markup(src):
    """-> plain text, figures [(start,end,text,K,Q,P)], nonfigs [(start,end,text,type)], breaks {pos}"""
    out, figs, nons, breaks = [], [], [], set()
    i = 0
    pos = 0
    while i < len(src):
        if src.startswith("[[", i):
            j = src.index("]]", i)
            body = src[i + 2 : j]
            parts = body.split("|")
            raw = parts[0]
            start = pos
            for ch in raw:
                if ch == "¦":
                    breaks.add(pos)
                else:
                    out.append(ch)
                    pos += 1
            text = raw.replace("¦", "")
            k = parts[1] if len(parts) > 1 and parts[1] else "A"
            q = parts[2] if len(parts) > 2 and parts[2] else "e"
            p = parts[3] if len(parts) > 3 and parts[3] else None
            figs.append((start, pos, text, k, q, p))
            i = j + 2
        elif src.startswith("{{", i):
            j = src.index("}}", i)
            text, typ = src[i + 2 : j].split("|")
            nons.append((pos, pos + len(text), text, typ))
            out.append(text)
            pos += len(text)
            i = j + 2
        elif src[i] == "¦":
            breaks.add(pos)
            i += 1
        else:
            out.append(src[i])
            pos += 1
            i += 1
    return "".join(out), figs, nons, breaks


def read_source(path):
    blocks = []  # dicts: kind intro|para|table, text, figs, nons, breaks, defp, cells
    mode = None
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("="):
            mode = line[1:].strip()
            continue
        defp = None
        m = DEFP.match(line)
        if m:
            defp = m.group(1)
            line = line[m.end() :]
        if line.startswith("TABLE:"):
            cells = [c.strip() for c in line[6:].split("‖")]
            pcells = [parse_markup(c) for c in cells]
            blocks.append({"kind": "table", "cells": pcells, "defp": defp})
            continue
        text, figs, nons, breaks = parse_markup(line)
        blocks.append(
            {
                "kind": "intro" if mode == "INTRO" else "para",
                "text": text,
                "figs": figs,
                "nons": nons,
                "breaks": breaks,
                "defp": defp,
            }
        )
    return blocks


# ---------------------------------------------------------------- markers
CN = "一二三四五六七八九十"
L1 = "壹貳參肆伍陸柒捌玖拾"
MARKERS = [
    (1, re.compile(r"^([壹貳參肆伍陸柒捌玖拾])、")),
    (2, re.compile(r"^([一二三四五六七八九十]+)、")),
    (3, re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")),
    (4, re.compile(r"^(\d+)[、.](?=\s)")),
    (5, re.compile(r"^[（(](\d+)[）)]")),
    (6, re.compile(r"^([A-Z])\.(?=\s)")),
]
BAD_LINE_START = re.compile(
    r"^(?:[壹貳參肆伍陸柒捌玖拾]、|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|"
    r"\d+[、.]\s|\d+、|[（(]\d+[）)]|[A-Z]\.\s|\s)"
)


def marker_of(text):
    for lvl, rx in MARKERS:
        m = rx.match(text)
        if m:
            return lvl, m.group(0), m.group(1)
    return None


def canon(lvl, num):
    if lvl == 3:
        return f"({num})"
    if lvl == 5:
        return f"({num})"
    return num


def title_of(text, marker):
    rest = text[len(marker) :].lstrip(" ")
    if "：" in rest:
        return rest[: rest.index("：")]
    if "。" not in rest and "，" not in rest and dispw(text) <= 2 * WIDTH:
        return rest
    cut = min([rest.index(c) for c in "，：" if c in rest] or [len(rest)])
    return rest[:cut]


# ---------------------------------------------------------------- wrapping & layout


CLOSE = "，。、；：）」』％%)"
OPEN = "（「『("


def wrap(text, breaks):
    """greedy wrap at WIDTH full-width characters (display width 2*WIDTH, half-width counts 1);
    forced breaks; no line starts with closing punctuation, a space or a list-marker look-alike;
    no line ends with an opening bracket."""
    lines, start = [], 0
    while start < len(text):
        end, w = start, 0
        while end < len(text) and w + dispw(text[end]) <= 2 * WIDTH:
            w += dispw(text[end])
            end += 1
        forced = [b for b in breaks if start < b <= end]
        if forced:
            end = min(forced)
        elif end < len(text):
            while end < len(text) and text[end] == " ":
                end += 1
            for _ in range(10):
                if (
                    end < len(text)
                    and (text[end] in CLOSE or BAD_LINE_START.match(text[end:]))
                    or text[end - 1] in OPEN
                ):
                    end -= 1
                else:
                    break
        lines.append((start, text[start:end]))
        start = end
    return lines


def dispw(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def render_table(rows):
    ncol = len(rows[0])
    widths = [max(dispw(r[i][0]) for r in rows) for i in range(ncol)]
    out = []
    for r in rows:
        s, offs = "", []
        for i, (txt, figs, nons, br) in enumerate(r):
            offs.append(len(s))
            s += txt
            if i < ncol - 1:
                s += " " * (widths[i] - dispw(txt) + 4)
        out.append((s, offs))
    return out


# ---------------------------------------------------------------- periods


def roc(y):
    y = int(y)
    return y if y >= 1912 else y + 1911


def mend(y, m):
    return f"{y:04d}-{m:02d}-{monthrange(y, m)[1]:02d}"


def parse_period(t):
    """period text -> (start, end); None-able."""
    s = t.strip()
    if s.startswith("~"):
        return (None, parse_period(s[1:])[1])
    m = re.fullmatch(r"自 (.+?)至 (.+)", s)
    if m:
        return (parse_period(m.group(1))[0], parse_period(m.group(2))[1])
    if s.startswith("截至 "):
        return (None, parse_period(s[3:])[1])
    if s.endswith("前"):
        return (None, parse_period(s[:-1])[1])
    m = re.fullmatch(r"(\d+) 年(?:度)?", s)
    if m:
        y = roc(m.group(1))
        return (f"{y}-01-01", f"{y}-12-31")
    m = re.fullmatch(r"(\d+) 年底", s)
    if m:
        y = roc(m.group(1))
        return (None, f"{y}-12-31")
    m = re.fullmatch(r"(\d+) 年(上|下)半年", s)
    if m:
        y = roc(m.group(1))
        return (
            (f"{y}-01-01", f"{y}-06-30")
            if m.group(2) == "上"
            else (f"{y}-07-01", f"{y}-12-31")
        )
    m = re.fullmatch(r"(\d+) 年第 (\d) 季", s)
    if m:
        y, q = roc(m.group(1)), int(m.group(2))
        return (f"{y}-{3 * q - 2:02d}-01", mend(y, 3 * q))
    m = re.fullmatch(r"(\d+) 年 (\d+) 月底", s)
    if m:
        y = roc(m.group(1))
        return (None, mend(y, int(m.group(2))))
    m = re.fullmatch(r"(\d+) 年 (\d+) 月", s)
    if m:
        y, mo = roc(m.group(1)), int(m.group(2))
        return (f"{y}-{mo:02d}-01", mend(y, mo))
    m = re.fullmatch(r"(\d+) 年 (\d+) 月 (\d+) 日", s)
    if m:
        y, mo, d = roc(m.group(1)), int(m.group(2)), int(m.group(3))
        return (f"{y}-{mo:02d}-{d:02d}",) * 2
    m = re.fullmatch(r"(\d+) 年 (\d+) 月 (\d+) 日至 (\d+) 日", s)
    if m:
        y, mo, d1, d2 = (
            roc(m.group(1)),
            int(m.group(2)),
            int(m.group(3)),
            int(m.group(4)),
        )
        return (f"{y}-{mo:02d}-{d1:02d}", f"{y}-{mo:02d}-{d2:02d}")
    m = re.fullmatch(r"(\d+) 年 (\d+)(?: 月)? ?至 (\d+) 月", s)
    if m:
        y, a, b = roc(m.group(1)), int(m.group(2)), int(m.group(3))
        return (f"{y}-{a:02d}-01", mend(y, b))
    m = re.fullmatch(r"(\d+) 年至 (\d+) 年", s)
    if m:
        return (f"{roc(m.group(1))}-01-01", f"{roc(m.group(2))}-12-31")
    raise ValueError("period? " + t)


# ---------------------------------------------------------------- values & units
COUNT_NOUNS = [
    "家",
    "人次",
    "人",
    "案",
    "件",
    "項",
    "場",
    "處",
    "縣市",
    "個",
    "國",
    "則",
    "條",
    "輛",
    "點",
    "筆",
    "次",
]
UNITS = {
    "元": (1, "TWD", "money"),
    "萬元": (10**4, "TWD", "money"),
    "億元": (10**8, "TWD", "money"),
    "萬美元": (10**4, "USD", "money"),
    "億歐元": (10**8, "EUR", "money"),
    "元/公噸": (1, "TWD/t", "price"),
    "公噸CO2e": (1, "tCO2e", "mass"),
    "萬公噸CO2e": (10**4, "tCO2e", "mass"),
    "萬公噸CO₂e": (10**4, "tCO2e", "mass"),
    "tCO2e": (1, "tCO2e", "mass"),
    "萬tCO2e": (10**4, "tCO2e", "mass"),
    "MW": (1000, "kW", "power"),
    "GWh": (10**6, "kWh", "energy"),
    "萬度": (10**4, "kWh", "energy"),
    "億度": (10**8, "kWh", "energy"),
    "公頃": (1, "ha", "area"),
    "公里": (1, "km", "length"),
    "萬噸": (10**4, "m3/day", "volume"),
    "%": (1, "percent", "percent"),
    "成": (10, "percent", "percent"),
    "百分點": (1, "percentage_point", "percent"),
    "個百分點": (1, "percentage_point", "percent"),
    "公噸": (1, "t", "mass"),
    "倍": (1, "times", "ratio"),
    "小時": (1, "hour", "duration"),
    "分鐘": (1, "minute", "duration"),
    "天": (1, "day", "duration"),
    "個月": (1, "month", "duration"),
    "年": (1, "year", "duration"),
}
for n in COUNT_NOUNS:
    UNITS[n] = (1, n, "count")
    UNITS["萬" + n] = (10**4, n, "count")

NUM = r"[0-9][0-9,]*(?:\.[0-9]+)?"


def num(s):
    return Decimal(s.replace(",", ""))


def jnum(d):
    d = Decimal(d)
    if d == d.to_integral_value():
        return int(d)
    return float(d.normalize())


def parse_value(text):
    """figure text -> value, value_high, unit, base_value, base_unit, dimension"""
    t = text
    m = re.fullmatch(rf"({NUM}) 億 ({NUM}) 萬\s*(\S.*)", t) or re.fullmatch(
        rf"({NUM}) 萬 ({NUM})\s*(\S.*)", t
    )
    if m:
        if "億" in t:
            whole = num(m.group(1)) * 10**8 + num(m.group(2)) * 10**4
        else:
            whole = num(m.group(1)) * 10**4 + num(m.group(2))
        unit = m.group(3).replace(" ", "")
        f, bu, dim = UNITS[unit]
        return jnum(whole), None, unit, jnum(whole * f), bu, dim
    m = re.fullmatch(rf"({NUM})~({NUM})\s*(\S.*)", t)
    if m:
        unit = m.group(3).replace(" ", "")
        f, bu, dim = UNITS[unit]
        return (
            jnum(num(m.group(1))),
            jnum(num(m.group(2))),
            unit,
            jnum(num(m.group(1)) * f),
            bu,
            dim,
        )
    m = re.fullmatch(rf"({NUM})\s*(\S.*)", t)
    unit = m.group(2).replace(" ", "")
    f, bu, dim = UNITS[unit]
    return jnum(num(m.group(1))), None, unit, jnum(num(m.group(1)) * f), bu, dim


# ---------------------------------------------------------------- time expressions (non-figures)


TOK = r"(?:\d{1,4} ?(?:年(?:度|底|上半年|下半年)?|月底?|日)|第 \d 季|\d{1,2}(?= ?至 ?\d{1,2} ?月))"
RUN = re.compile(rf"{TOK}(?: ?(?:至 ?)?{TOK})*")


def plausible(run):
    for m in re.finditer(r"(\d+) ?(年|月|日)", run):
        v, u = int(m.group(1)), m.group(2)
        if u == "年" and not (80 <= v <= 130 or 1990 <= v <= 2100):
            return False
        if u == "月" and not 1 <= v <= 12:
            return False
        if u == "日" and not 1 <= v <= 31:
            return False
    return True


def time_spans(text):
    """(start, end, expr) of date/period expressions (ROC or Gregorian years, months, days, quarters);
    text must already have figures and listed non-figures masked."""
    return [
        (m.start(), m.end(), m.group())
        for m in RUN.finditer(text)
        if plausible(m.group())
    ]


# ---------------------------------------------------------------- main


def main(src, outdir):
    out = Path(outdir)
    blocks = read_source(src)
    # layout: body lines with provenance
    body = []  # (text, block_index, char_offset_in_block or table offsets)
    for bi, b in enumerate(blocks):
        if b["kind"] in ("intro", "para"):
            for off, s in wrap(b["text"], b["breaks"]):
                body.append((s, bi, off))
        # tables handled below (consecutive table blocks grouped)
    # regroup tables: insert in order
    body = []
    bi = 0
    while bi < len(blocks):
        b = blocks[bi]
        if b["kind"] == "table":
            grp = []
            while bi < len(blocks) and blocks[bi]["kind"] == "table":
                grp.append(bi)
                bi += 1
            rows = render_table([blocks[g]["cells"] for g in grp])
            for g, (s, offs) in zip(grp, rows):
                blocks[g]["text"] = s
                blocks[g]["offs"] = offs
                body.append((s, g, 0))
            continue
        for off, s in wrap(b["text"], b["breaks"]):
            body.append((s, bi, off))
        bi += 1
    # pages
    lines = []  # final lines (strings, without LF)
    body_line_no = []  # line numbers of body lines in order
    npages = (len(body) + BODY_PER_PAGE - 1) // BODY_PER_PAGE
    for p in range(npages):
        chunk = body[p * BODY_PER_PAGE : (p + 1) * BODY_PER_PAGE]
        lines.append(("\f" if p else "") + HEADER)
        for s, bidx, off in chunk:
            lines.append(s)
            body_line_no.append(len(lines))
        lines.append("")
        num_s = f"- {p + 1} -"
        lines.append(" " * ((2 * WIDTH - len(num_s)) // 2) + num_s)
    text = "\n".join(lines) + "\n\f"
    (out / "report.txt").write_text(text, encoding="utf-8")
    noise = {
        i + 1
        for i, l in enumerate(lines)
        if l in ("", "\f" + HEADER, HEADER) or re.fullmatch(r"\s*- \d+ -", l)
    }

    # map each block char offset -> line
    blines = {}  # block -> list of (offset, lineno)
    for (s, bidx, off), ln in zip(body, body_line_no):
        blines.setdefault(bidx, []).append((off, ln))

    def line_at(bidx, pos):
        best = None
        for off, ln in blines[bidx]:
            if off <= pos:
                best = ln
        return best

    def line_end(bidx, pos_end):
        return line_at(bidx, max(pos_end - 1, 0))

    # outline
    outline, stack, cur_path = [], {}, None
    items = {}  # path -> dict(first, last, marker, title)
    block_path = {}
    for bi, b in enumerate(blocks):
        if b["kind"] == "intro":
            block_path[bi] = None
            continue
        if b["kind"] == "para":
            mk = marker_of(b["text"])
            if mk:
                lvl, marker, n = mk
                for k in list(stack):
                    if k >= lvl:
                        del stack[k]
                stack[lvl] = canon(lvl, n)
                path = "/".join(stack[k] for k in sorted(stack))
                ln = line_at(bi, 0)
                title = title_of(b["text"], marker)
                outline.append(
                    {
                        "line": ln,
                        "path": path,
                        "level": lvl,
                        "marker": marker,
                        "title": title,
                    }
                )
                items[path] = {
                    "first": ln,
                    "last": ln,
                    "marker": marker,
                    "title": title,
                }
                cur_path = path
        block_path[bi] = cur_path
        if cur_path:
            last = max(ln for off, ln in blines[bi])
            items[cur_path]["last"] = max(items[cur_path]["last"], last)

    # claims
    claims, nonfig_rows = [], []
    for bi, b in enumerate(blocks):
        path = block_path[bi]
        if b["kind"] == "table":
            segs = [(b["offs"][i],) + c for i, c in enumerate(b["cells"])]
        else:
            segs = [(0, b["text"], b["figs"], b["nons"], b["breaks"])]
        full = b["text"]
        covered = [False] * len(full)
        if b["kind"] == "para" and marker_of(full):
            for i in range(len(marker_of(full)[1])):
                covered[i] = True
        for base, txt, figs, nons, br in segs:
            for s, e, ftxt, k, q, p in figs:
                assert full[base + s : base + e] == ftxt, (full, ftxt)
                for i in range(base + s, base + e):
                    covered[i] = True
                if path is None:
                    raise SystemExit("figure outside the outline: " + ftxt)
                v, vh, unit, bv, bu, dim = parse_value(ftxt)
                ptxt = p if p is not None else b.get("defp")
                if ptxt in (None, "-"):
                    ps = pe = pt = None
                else:
                    ps, pe = parse_period(ptxt)
                    pt = ptxt.lstrip("~")
                qual = {
                    "e": "exact",
                    "a": "approx",
                    "m": "more_than",
                    "l": "at_least",
                    "n": "nearly",
                    "u": "up_to",
                    "r": "range",
                }[q]
                kind = {
                    "A": "actual",
                    "T": "target",
                    "F": "forecast",
                    "R": "rule",
                    "C": "change",
                    "S": "share",
                }[k]
                if (vh is not None) != (qual == "range"):
                    raise SystemExit("range/qualifier mismatch " + ftxt)
                claims.append(
                    {
                        "line": line_at(bi, base + s),
                        "path": path,
                        "text": ftxt,
                        "value": v,
                        "value_high": vh,
                        "unit": unit,
                        "base_value": bv,
                        "base_unit": bu,
                        "dimension": dim,
                        "qualifier": qual,
                        "kind": kind,
                        "period_start": ps,
                        "period_end": pe,
                        "period_text": pt,
                    }
                )
            for s, e, ntxt, typ in nons:
                for i in range(base + s, base + e):
                    covered[i] = True
                nonfig_rows.append((line_at(bi, base + s), path, ntxt, typ))
        masked = "".join("□" if covered[i] else ch for i, ch in enumerate(full))
        for a, e, expr in time_spans(masked):
            for i in range(a, e):
                covered[i] = True
            nonfig_rows.append((line_at(bi, a), path, expr, "date/period"))
        for i, ch in enumerate(full):
            if ch.isdigit() and not covered[i]:
                raise SystemExit(
                    f"unclassified digit in block {bi}: ...{full[max(0, i - 15) : i + 10]}..."
                )
    claims.sort(key=lambda c: (c["line"],))
    nonfig_rows.sort(key=lambda r: r[0])
    # stable: already in document order; sort keeps it
    with open(out / "outline.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(o, ensure_ascii=False) + "\n" for o in outline)
    with open(out / "claims.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in claims)
    fig_paths = []
    for c in claims:
        if c["path"] not in fig_paths:
            fig_paths.append(c["path"])
    with open(out / "claims-items.txt", "w", encoding="utf-8") as f:
        for pth in [o["path"] for o in outline]:
            if pth in fig_paths:
                it = items[pth]
                last = it["last"]
                f.write(f"{it['first']}-{last}\t{pth}\t{it['marker']} {it['title']}\n")
    (out / "build-meta.json").write_text(
        json.dumps(
            {
                "nonfigures": nonfig_rows,
                "noise": sorted(noise),
                "pages": npages,
                "nlines": len(lines),
                "items": items,
            },
            ensure_ascii=False,
            indent=0,
        ),
        encoding="utf-8",
    )
    print(
        f"lines {len(lines)} pages {npages} headings {len(outline)} claims {len(claims)} items-with-figures {len(fig_paths)}"
    )


# ---------------------------------------------------------------- QA
QA = [
    (
        "到今年 8 月底為止，碳費徵收對象裡有幾家提出了自主減量計畫？",
        "158 家",
        "壹/一/(三)/1",
        "count",
    ),
    (
        "依 113 年盤查資料，碳費徵收對象中的半導體業者共有幾家？",
        "94 家",
        "壹/二/(一)/2/(4)/A",
        "count",
    ),
    (
        "已註冊的自願減量專案中，太陽光電專案有幾件？",
        "18 件",
        "參/一/(二)/1/(1)",
        "count",
    ),
    (
        "截至 114 年 8 月底，低碳永續家園認證拿到金級的村里有多少個？",
        "242 個",
        "伍/二/(一)",
        "count",
    ),
    ("113 年排放量依規定須盤查登錄的事業共有幾家？", "631 家", "貳/三/(一)", "count"),
    ("COP29 期間我國一共進行了幾場雙邊會談？", "34 場", "陸/一/(二)", "count"),
    ("碳費的一般費率是每公噸多少錢？", "300 元/公噸", "壹/一/(一)", "lookup"),
    (
        "115 年至 119 年國家氣候變遷調適行動計畫的總經費有多少？",
        "1,486.3 億元",
        "肆/一",
        "lookup",
    ),
    (
        "碳費徵收對象中，電力及燃氣供應業 113 年的排放量是多少？",
        "8,974.2 萬公噸CO2e",
        "壹/二/(一)/1",
        "lookup",
    ),
    (
        "臺灣碳權交易所的國外減量額度，到 114 年 8 月底平均成交價大約多少？",
        "129.7 元/公噸",
        "參/三/(一)",
        "lookup",
    ),
    (
        "114 年溫室氣體管理基金補助地方政府的金額是多少？",
        "1 億 2,545.6 萬元",
        "壹/三/(二)/2",
        "lookup",
    ),
    (
        "112 年我國溫室氣體淨排放量比 94 年基準年減少了百分之多少？",
        "5.3%",
        "貳/一/(一)",
        "percentage",
    ),
    (
        "114 年上半年電動機車占機車新領牌數的比率是多少？",
        "13.6%",
        "伍/三/3",
        "percentage",
    ),
    (
        "115 年度溫室氣體管理基金預算案的基金用途編列多少？",
        "312.4 億元",
        "壹/三/(一)",
        "time_qualifier",
    ),
    (
        "114 年 1 至 8 月新核發的自願減量額度是多少？",
        "38 萬 2,150 tCO2e",
        "參/一/(三)",
        "time_qualifier",
    ),
    (
        "環保集點在 114 年 1 到 8 月新增了多少會員？",
        "31 萬 2,755 人",
        "伍/一/(二)",
        "time_qualifier",
    ),
    ("氣候變遷署是哪一天公告碳費費率的？", "113 年 10 月 21 日", "壹/一/(一)", "date"),
    ("碳費申報繳費系統是哪一天上線的？", "114 年 9 月 1 日", "壹/二/(三)", "date"),
    (
        "哪些縣市已經完成氣候風險地圖？",
        "臺北市、新北市、桃園市、臺中市、臺南市、高雄市、宜蘭縣、屏東縣及花蓮縣",
        "肆/三/(一)",
        "name",
    ),
    (
        "今年 7 月的臺日氣候政策交流會議交換了哪些方面的經驗？",
        "碳定價、調適及碳權交易",
        "陸/二/(二)",
        "name",
    ),
    ("114 年的碳費到目前為止實際已收繳多少金額？", None, None, "not_in_report"),
    (
        "已註冊的農林碳匯類自願減量專案共核發了多少減量額度？",
        None,
        None,
        "not_in_report",
    ),
    ("COP30 代表團的出國經費編列了多少元？", None, None, "not_in_report"),
    ("清涼避暑據點在臺北市設置了幾處？", None, None, "not_in_report"),
]


def names(ans):
    return [x for x in re.split(r"、|及", ans) if x]


def build_qa(out, lines, items, claims, noise):
    res = []
    for q, ans, path, kind in QA:
        if ans is None:
            res.append(
                {
                    "q": q,
                    "answer_text": "not in report",
                    "answer_value": None,
                    "unit": None,
                    "evidence_lines": [],
                    "kind": kind,
                }
            )
            continue
        it = items[path]
        lns = [n for n in range(it["first"], it["last"] + 1) if n not in noise]
        joined, owner = "", []
        for n in lns:
            joined += lines[n - 1]
            owner += [n] * len(lines[n - 1])
        assert ans in joined, (ans, path, it, joined[:80])
        i = joined.index(ans)
        assert joined.count(ans) == 1, (ans, path)
        ev = sorted(set(owner[i : i + len(ans)]))
        if kind == "date":
            y, mo, d = map(int, re.findall(r"\d+", ans))
            val, unit = f"{y + 1911:04d}-{mo:02d}-{d:02d}", "date"
        elif kind == "name":
            val, unit = names(ans), None
        else:
            cs = [c for c in claims if c["path"] == path and c["text"] == ans]
            assert len(cs) == 1, ans
            val, unit = cs[0]["base_value"], cs[0]["base_unit"]
        res.append(
            {
                "q": q,
                "answer_text": ans,
                "answer_value": val,
                "unit": unit,
                "evidence_lines": ev,
                "kind": kind,
            }
        )
    with open(out / "qa.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in res)
    return res


def build_all(src, outdir):
    main(src, outdir)
    out = Path(outdir)
    meta = json.loads((out / "build-meta.json").read_text(encoding="utf-8"))
    lines = (out / "report.txt").read_text(encoding="utf-8").split("\n")
    claims = [
        json.loads(x)
        for x in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    qa = build_qa(out, lines, meta["items"], claims, set(meta["noise"]))
    build_readme(Path(src).with_name("README.in.md"), out, qa)
    (out / "build-meta.json").unlink()


def build_readme(template, out, qa):
    from collections import Counter

    meta = json.loads((out / "build-meta.json").read_text(encoding="utf-8"))
    lines = (out / "report.txt").read_text(encoding="utf-8").split("\n")
    outline = [
        json.loads(x)
        for x in (out / "outline.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    claims = [
        json.loads(x)
        for x in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    noise = set(meta["noise"])
    heads = [i for i, l in enumerate(lines, 1) if l.lstrip("\f") == HEADER]
    pagelens = [b - a for a, b in itertools.pairwise(heads)] + [
        len(lines) - 1 - heads[-1] + 1
    ]
    # items whose own text runs over a page break
    pb = []
    for it in meta["items"].values():
        rng = range(it["first"], it["last"] + 1)
        if any(n in noise for n in rng):
            pb.append(f"{it['first']}–{it['last']}")

    def table(title, head, cnt, order=None):
        keys = order or sorted(cnt, key=lambda k: (-cnt[k], str(k)))
        rows = "\n".join(f"| {k} | {cnt[k]} |" for k in keys)
        return f"### {title}\n\n| {head} | n |\n|---|---|\n{rows}\n| total | {sum(cnt.values())} |"

    lv = Counter(o["level"] for o in outline)
    counts = "\n\n".join(
        [
            (
                f"report.txt: {len(lines)} lines, {len(heads)} pages, {len(outline)} headings, "
                f"{len(claims)} claims in {len({c['path'] for c in claims})} items, {len(qa)} questions."
            ),
            table("Headings per level", "level", lv, sorted(lv)),
            table("Claims per kind", "kind", Counter(c["kind"] for c in claims)),
            table(
                "Claims per qualifier",
                "qualifier",
                Counter(c["qualifier"] for c in claims),
            ),
            table(
                "Claims per dimension",
                "dimension",
                Counter(c["dimension"] for c in claims),
            ),
            table(
                "Claims per base unit",
                "base_unit",
                Counter(c["base_unit"] for c in claims),
            ),
            table(
                "QA per kind",
                "kind",
                Counter(q["kind"] for q in qa),
                [
                    "count",
                    "lookup",
                    "percentage",
                    "time_qualifier",
                    "date",
                    "name",
                    "not_in_report",
                ],
            ),
        ]
    )
    nonfig = "\n".join(
        f"| {ln} | `{t}` | {typ} |" for ln, p, t, typ in meta["nonfigures"]
    )
    wrapped = []
    for c in claims:
        if c["text"] not in lines[c["line"] - 1]:
            nxt = c["line"] + 1
            while nxt in noise:
                nxt += 1
            a = lines[c["line"] - 1]
            b = lines[nxt - 1]
            wrapped.append(f"- {c['line']} `{c['text']}`: `…{a[-8:]}` / `{b[:8]}…`")
    t = Path(template).read_text(encoding="utf-8")
    for k, v in {
        "NPAGES": str(len(heads)),
        "NLINES": str(len(lines)),
        "BODY": str(BODY_PER_PAGE),
        "PAGELENS": ", ".join(map(str, pagelens)),
        "PBREAK": "; ".join(pb),
        "COUNTS": counts,
        "NONFIG": nonfig,
        "NWRAP": str(len(wrapped)),
        "WRAPPED": "\n".join(wrapped),
    }.items():
        t = t.replace(f"@@{k}@@", v)
    assert "@@" not in t
    (out / "README.md").write_text(t, encoding="utf-8")


if __name__ == "__main__":
    build_all(sys.argv[1], sys.argv[2])
