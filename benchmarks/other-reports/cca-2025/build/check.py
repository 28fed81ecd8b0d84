"""Independent check of the cca-2025 gold against report.txt.  Usage: check.py DIR
Reads only report.txt, outline.jsonl, claims.jsonl, claims-items.txt, qa.jsonl and README.md
(its non-figure table and its count tables).  Re-derives everything it checks; shares no code
with the builder.  Exit status 1 on any error."""

import itertools
import json
import re
import sys
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

D = Path(sys.argv[1])
errors, warnings = [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


raw = (D / "report.txt").read_bytes()
if raw.startswith(b"\xef\xbb\xbf"):
    err("BOM present")
if b"\r" in raw:
    err("CR present")
text = raw.decode("utf-8")
L = text.split("\n")  # LF only; \f is not a line separator
N = len(L)
HEADER = "氣候變遷署業務報告"


def W(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


# ------------------------------------------------------------------ page structure
noise = set()
pages, expect = [], 1
for i, l in enumerate(L, 1):
    if l.lstrip("\f") == HEADER:
        if (i == 1) != (not l.startswith("\f")):
            err(f"line {i}: form feed placement on header")
        noise.add(i)
        pages.append(i)
    elif l == "":
        noise.add(i)
    elif re.fullmatch(r" +- (\d+) -", l):
        n = int(re.search(r"\d+", l).group())
        if n != expect:
            err(f"line {i}: page number {n}, expected {expect}")
        expect += 1
        noise.add(i)
    elif l == "\f" and i == N:
        noise.add(i)
if L[-1] != "\f":
    err("file does not end with a lone form feed")
if len(pages) != expect - 1:
    err("headers and page numbers do not pair up")
page_len = [b - a for a, b in itertools.pairwise(pages)]
body = [i for i in range(1, N + 1) if i not in noise]
TABLE = {i for i in body if re.search(r"\S {4,}\S", L[i - 1])}
for i in body:
    if i not in TABLE and W(L[i - 1].rstrip(" ")) > 76:
        err(f"line {i} wider than 76 columns")
    if "\f" in L[i - 1]:
        err(f"stray form feed on line {i}")

# ------------------------------------------------------------------ headings (re-derived)
RX = [
    (1, re.compile(r"^([壹貳參肆伍陸柒捌玖拾])、")),
    (2, re.compile(r"^([一二三四五六七八九十]+)、")),
    (3, re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")),
    (4, re.compile(r"^(\d{1,2})[、.](?= )")),
    (5, re.compile(r"^[（(](\d{1,2})[）)]")),
    (6, re.compile(r"^([A-Z])\.(?= )")),
]
first_body = None
heads = []
for i in body:
    for lvl, rx in RX:
        m = rx.match(L[i - 1])
        if m:
            heads.append((i, lvl, m.group(0), m.group(1)))
            break
stack, derived = {}, []
for i, lvl, marker, num in heads:
    for k in [k for k in stack if k >= lvl]:
        del stack[k]
    stack[lvl] = f"({num})" if lvl in (3, 5) else num
    derived.append((i, "/".join(stack[k] for k in sorted(stack)), lvl, marker))
head_lines = [h[0] for h in derived]


def paragraph(start):
    """body lines of the paragraph that starts at `start`: continue while the line is full"""
    out, j = [start], body.index(start)
    while (
        W(L[out[-1] - 1]) >= 70
        and j + 1 < len(body)
        and body[j + 1] not in head_lines
        and body[j + 1] not in TABLE
        and out[-1] not in TABLE
    ):
        j += 1
        out.append(body[j])
    return out


def title_rule(start, marker):
    para = "".join(L[k - 1] for k in paragraph(start))
    rest = para[len(marker) :].lstrip(" ")
    if "：" in rest:
        return rest[: rest.index("：")]
    if len(paragraph(start)) == 1 and "，" not in rest and "。" not in rest:
        return rest
    cut = [rest.index(c) for c in "，：" if c in rest]
    return rest[: min(cut)] if cut else rest


outline = [
    json.loads(x)
    for x in (D / "outline.jsonl").read_text(encoding="utf-8").splitlines()
]
for o in outline:
    if list(o) != ["line", "path", "level", "marker", "title"]:
        err(f"outline keys {list(o)}")
if [(o["line"], o["path"], o["level"], o["marker"]) for o in outline] != derived:
    a = {(o["line"], o["path"], o["level"], o["marker"]) for o in outline}
    b = set(derived)
    err(
        f"outline differs from re-derived headings: gold-only {sorted(a - b)[:5]} derived-only {sorted(b - a)[:5]}"
    )
for o in outline:
    t = title_rule(o["line"], o["marker"])
    if t != o["title"]:
        err(f"title at {o['line']}: gold {o['title']!r} re-derived {t!r}")
paths = {o["path"]: o for o in outline}

# item spans: heading line .. last body line before the next heading
span = {}
for k, (i, p, lvl, mk) in enumerate(derived):
    nxt = derived[k + 1][0] if k + 1 < len(derived) else N + 1
    own = [b for b in body if i <= b < nxt]
    span[p] = own


def stream(lines):
    s, owner = "", []
    for n in lines:
        s += L[n - 1]
        owner += [n] * len(L[n - 1])
    return s, owner


# ------------------------------------------------------------------ value re-derivation
SCALE = {"萬": 10**4, "億": 10**8, "千": 10**3}
BASE = [  # (written unit regex, factor, base unit, dimension)
    (r"元/公噸", 1, "TWD/t", "price"),
    (r"(萬|億)?元", None, "TWD", "money"),
    (r"(萬)?美元", None, "USD", "money"),
    (r"(億)?歐元", None, "EUR", "money"),
    (r"(萬)?(公噸CO2e|公噸CO₂e|tCO2e)", None, "tCO2e", "mass"),
    (r"(萬)?公噸", None, "t", "mass"),
    (r"MW", 1000, "kW", "power"),
    (r"GWh", 10**6, "kWh", "energy"),
    (r"(萬|億)?度", None, "kWh", "energy"),
    (r"公頃", 1, "ha", "area"),
    (r"公里", 1, "km", "length"),
    (r"萬噸", 10**4, "m3/day", "volume"),
    (r"%", 1, "percent", "percent"),
    (r"成", 10, "percent", "percent"),
    (r"個?百分點", 1, "percentage_point", "percent"),
    (r"天", 1, "day", "duration"),
    (r"個月", 1, "month", "duration"),
    (r"年", 1, "year", "duration"),
    (r"小時", 1, "hour", "duration"),
    (r"分鐘", 1, "minute", "duration"),
    (r"倍", 1, "times", "ratio"),
    (
        r"(萬)?(家|人次|人|案|件|項|場|處|縣市|個|國|則|條|輛|點|筆|次)",
        None,
        None,
        "count",
    ),
]


def F(s):
    from fractions import Fraction

    return Fraction(s.replace(",", ""))


def rederive(t):
    m = re.fullmatch(r"([\d,.]+) (億|萬) ([\d,.]+)(?: (萬))? ?(.+)", t)
    if m and (m.group(2) == "萬" or m.group(4)):
        whole = F(m.group(1)) * SCALE[m.group(2)] + F(m.group(3)) * (
            SCALE[m.group(4)] if m.group(4) else 1
        )
        unit = m.group(5).replace(" ", "")
        lo, hi = whole, None
    else:
        m = re.fullmatch(r"([\d,.]+)(?:~([\d,.]+))? ?(.+)", t)
        lo, hi, unit = (
            F(m.group(1)),
            (F(m.group(2)) if m.group(2) else None),
            m.group(3).replace(" ", ""),
        )
    for rx, fac, bu, dim in BASE:
        mm = re.fullmatch(rx, unit)
        if mm:
            if fac is None:
                fac = SCALE.get(mm.group(1), 1) if mm.groups() and mm.group(1) else 1
            if bu is None:
                bu = mm.group(2)
            return lo, hi, unit, lo * fac, bu, dim
    raise ValueError(t)


def same(a, b):
    return a is not None and abs(float(a) - float(b)) < 1e-9 * max(1, abs(float(b)))


# ------------------------------------------------------------------ periods re-derivation
def roc(y):
    y = int(y)
    return y + 1911 if y < 1912 else y


def last_day(y, m):
    return (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).isoformat()


def period(t):
    if t is None:
        return None, None
    asof = False
    m = re.fullmatch(r"自 (.+)至 (.+)", t)
    if m:
        return period(m.group(1).strip())[0], period(m.group(2))[1]
    if t.startswith("截至 "):
        t, asof = t[3:], True
    if t.endswith("前"):
        t, asof = t[:-1], True
    nums = [int(x) for x in re.findall(r"\d+", t)]
    y = roc(nums[0])
    if re.fullmatch(r"\d+ 年(度)?", t):
        s, e = f"{y}-01-01", f"{y}-12-31"
    elif re.fullmatch(r"\d+ 年底", t):
        s, e, asof = None, f"{y}-12-31", True
    elif t.endswith("上半年"):
        s, e = f"{y}-01-01", f"{y}-06-30"
    elif t.endswith("下半年"):
        s, e = f"{y}-07-01", f"{y}-12-31"
    elif "季" in t:
        q = nums[1]
        s, e = f"{y}-{3 * q - 2:02d}-01", last_day(y, 3 * q)
    elif re.fullmatch(r"\d+ 年 \d+ 月底", t):
        s, e, asof = None, last_day(y, nums[1]), True
    elif re.fullmatch(r"\d+ 年 \d+ 月", t):
        s, e = f"{y}-{nums[1]:02d}-01", last_day(y, nums[1])
    elif re.fullmatch(r"\d+ 年 \d+ 月 \d+ 日", t):
        s = e = f"{y}-{nums[1]:02d}-{nums[2]:02d}"
    elif re.fullmatch(r"\d+ 年 \d+ 月 \d+ 日至 \d+ 日", t):
        s, e = f"{y}-{nums[1]:02d}-{nums[2]:02d}", f"{y}-{nums[1]:02d}-{nums[3]:02d}"
    elif re.fullmatch(r"\d+ 年 \d+( 月)? ?至 \d+ 月", t):
        s, e = f"{y}-{nums[1]:02d}-01", last_day(y, nums[2])
    elif re.fullmatch(r"\d+ 年至 \d+ 年", t):
        s, e = f"{y}-01-01", f"{roc(nums[1])}-12-31"
    else:
        raise ValueError(t)
    return (None if asof else s), e


# ------------------------------------------------------------------ claims
KEYS = [
    "line",
    "path",
    "text",
    "value",
    "value_high",
    "unit",
    "base_value",
    "base_unit",
    "dimension",
    "qualifier",
    "kind",
    "period_start",
    "period_end",
    "period_text",
]
claims = [
    json.loads(x) for x in (D / "claims.jsonl").read_text(encoding="utf-8").splitlines()
]
covered = {}  # path -> set of stream offsets
CUES_BEFORE = {
    "approx": r"約",
    "more_than": r"逾|(?<!不得)超過",
    "nearly": r"近",
    "at_least": r"至少",
    "up_to": r"上限|最高|不得超過",
}
CUES_AFTER = {"more_than": r"^ ?以上", "up_to": r"^ ?(以下|內)"}
KIND_CUES = {
    "rule": r"上限|至少|每|費率|門檻|扣除|以 |計入期|期限|為限|公噸|兌換|折抵|最高|不得|內補正",
    "target": r"預計|目標|規劃|編列",
    "forecast": r"預估|推估",
    "change": r"增加|減少|成長|提高|縮短|減量|節電|減碳",
    "share": r"占",
}
for c in claims:
    if list(c) != KEYS:
        err(f"claim keys {list(c)}")
    p = c["path"]
    if p not in span:
        err(f"claim path {p} not in outline")
        continue
    s, owner = stream(span[p])
    hits = [
        m.start()
        for m in re.finditer(re.escape(c["text"]), s)
        if owner[m.start()] == c["line"]
    ]
    taken = covered.setdefault(p, set())
    hits = [h for h in hits if h not in taken]
    if not hits:
        err(f"{c['line']} {c['text']!r} not found starting on its line in {p}")
        continue
    h = hits[0]
    taken.update(range(h, h + len(c["text"])))
    lo, hi, unit, base, bu, dim = rederive(c["text"])
    if not (
        same(c["value"], lo)
        and (hi is None) == (c["value_high"] is None)
        and (hi is None or same(c["value_high"], hi))
        and c["unit"] == unit
        and same(c["base_value"], base)
        and c["base_unit"] == bu
        and c["dimension"] == dim
    ):
        err(
            f"{c['line']} {c['text']!r}: value/unit/base mismatch: {(lo, hi, unit, base, bu, dim)}"
        )
    # qualifier cue in the clause, right next to the figure
    cl_start = max(s.rfind(ch, 0, h) for ch in "，；。：") + 1
    before = s[max(cl_start, h - 3) : h].rstrip(" ")  # right before the figure
    prefix = s[cl_start:h]  # the clause up to the figure
    after = s[h + len(c["text"]) : h + len(c["text"]) + 4]
    q = c["qualifier"]
    if q == "range":
        if "~" not in c["text"]:
            err(f"{c['line']} range without ~")
    elif q == "exact":
        for qq, rx in CUES_BEFORE.items():
            if re.search(rf"({rx}) ?$", before):
                err(f"{c['line']} {c['text']!r}: exact but '{qq}' cue right before it")
        for qq, rx in CUES_AFTER.items():
            if re.search(rx, after):
                err(f"{c['line']} {c['text']!r}: exact but '{qq}' cue right after it")
    elif not (
        re.search(CUES_BEFORE.get(q, "^$x"), prefix)
        or re.search(CUES_AFTER.get(q, "^$x"), after)
    ):
        err(
            f"{c['line']} {c['text']!r}: qualifier {q} has no cue in its clause ({prefix!r}|{after!r})"
        )
    # kind cue: in the figure's clause (、 does not split clauses) or, for inherited targets, the item
    cl_end = min([x for x in (s.find(ch, h) for ch in "，；。") if x >= 0] + [len(s)])
    clause = s[cl_start:cl_end]
    k = c["kind"]
    future = (
        bool(re.match(r"\d+ 年", c["period_text"] or ""))
        and int(re.match(r"\d+", c["period_text"]).group()) >= 115
    )
    context_target = k == "target" and (
        re.search(KIND_CUES["target"], s[:h]) or future or p.startswith("貳/二")
    )
    if k != "actual" and not re.search(KIND_CUES[k], clause) and not context_target:
        warn(f"{c['line']} {c['text']!r}: kind {k} without a cue in clause {clause!r}")
    if k == "rule" and (c["period_start"] or c["period_end"]):
        err(f"{c['line']} rule with a period")
    # period
    try:
        ps, pe = period(c["period_text"])
    except ValueError:
        err(f"{c['line']} period_text {c['period_text']!r} not parsed")
        continue
    if c["period_text"] and (ps, pe) != (c["period_start"], c["period_end"]):
        if not (
            ps and c["period_start"] is None and pe == c["period_end"]
        ):  # 累計 as-of reading
            err(
                f"{c['line']} period {c['period_text']!r}: gold {(c['period_start'], c['period_end'])} re-derived {(ps, pe)}"
            )
        else:
            warn(
                f"{c['line']} {c['text']!r}: as-of reading of {c['period_text']!r} (cumulative)"
            )
    if c["period_text"]:
        anc = [q2 for q2 in paths if p == q2 or p.startswith(q2 + "/")]
        if not any(c["period_text"] in stream(span[a])[0] for a in anc):
            err(
                f"{c['line']} period_text {c['period_text']!r} not in the item or its ancestors"
            )

# ------------------------------------------------------------------ claims-items
rows = [
    l.split("\t")
    for l in (D / "claims-items.txt").read_text(encoding="utf-8").splitlines()
]
listed = {r[1]: r for r in rows}
with_figs = {c["path"] for c in claims}
if set(listed) != with_figs:
    err(f"claims-items mismatch: {sorted(set(listed) ^ with_figs)}")
for pth, r in listed.items():
    a, b = map(int, r[0].split("-"))
    own = span[pth]
    if a != own[0] or b != own[-1]:
        err(f"claims-items range {r[0]} for {pth}, re-derived {own[0]}-{own[-1]}")
    o = paths[pth]
    if r[2] != f"{o['marker']} {o['title']}":
        err(f"claims-items label for {pth}: {r[2]!r}")
order = [o["path"] for o in outline if o["path"] in listed]
if order != [r[1] for r in rows]:
    err("claims-items not in document order")

# ------------------------------------------------------------------ non-figures and coverage
readme = (D / "README.md").read_text(encoding="utf-8")
nonfig = []
for m in re.finditer(r"^\| (\d+) \| `([^`]+)` \| ([^|]+) \|", readme, re.MULTILINE):
    nonfig.append((int(m.group(1)), m.group(2), m.group(3).strip()))
if not nonfig:
    err("README has no non-figure table")
nf_by_path = {}
for ln, t, typ in nonfig:
    pth = None
    for p, own in span.items():
        if ln in own:
            pth = p
    nf_by_path.setdefault(pth, []).append((ln, t, typ))
for p, own in span.items():
    s, owner = stream(own)
    cov = set(covered.get(p, set()))
    mk = re.match(
        r"^(?:[壹貳參肆伍陸柒]、|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.]|[（(]\d+[）)]|[A-Z]\.)",
        s,
    )
    cov.update(range(mk.end()))
    for ln, t, typ in nf_by_path.get(p, []):
        hits = [
            m.start()
            for m in re.finditer(re.escape(t), s)
            if owner[m.start()] == ln and not set(range(m.start(), m.end())) & cov
        ]
        if not hits:
            err(f"non-figure {t!r} not found on line {ln} ({p})")
            continue
        cov.update(range(hits[0], hits[0] + len(t)))
    for i, ch in enumerate(s):
        if ch.isdigit() and i not in cov:
            err(
                f"unclaimed number on line {owner[i]} ({p}): ...{s[max(0, i - 12) : i + 8]}..."
            )
# the intro (before the first heading) holds no figures but only listed non-figures
intro = [b for b in body if b < derived[0][0]]
s, owner = stream(intro)
cov = set()
for ln, t, typ in nf_by_path.get(None, []):
    for m in re.finditer(re.escape(t), s):
        if owner[m.start()] == ln and not set(range(m.start(), m.end())) & cov:
            cov.update(range(m.start(), m.end()))
            break
for i, ch in enumerate(s):
    if ch.isdigit() and i not in cov:
        err(f"intro: unlisted number on line {owner[i]}")

# ------------------------------------------------------------------ QA
qa = [json.loads(x) for x in (D / "qa.jsonl").read_text(encoding="utf-8").splitlines()]
want = {
    "count": 6,
    "lookup": 5,
    "percentage": 2,
    "time_qualifier": 3,
    "date": 2,
    "name": 2,
    "not_in_report": 4,
}
if Counter(q["kind"] for q in qa) != Counter(want):
    err(f"qa kinds {Counter(q['kind'] for q in qa)}")
for q in qa:
    if list(q) != [
        "q",
        "answer_text",
        "answer_value",
        "unit",
        "evidence_lines",
        "kind",
    ]:
        err(f"qa keys {list(q)}")
    if q["kind"] == "not_in_report":
        if (
            q["answer_text"] != "not in report"
            or q["evidence_lines"]
            or q["answer_value"] is not None
        ):
            err(f"not_in_report malformed: {q['q']}")
        continue
    ev = "".join(L[n - 1] for n in q["evidence_lines"])
    if q["answer_text"] not in ev:
        err(
            f"qa answer {q['answer_text']!r} not in evidence lines {q['evidence_lines']}"
        )
    if len(
        re.findall(r"(?<![\d.,])" + re.escape(q["answer_text"]), stream(body)[0])
    ) != 1 and q["kind"] in ("count", "lookup", "percentage", "time_qualifier"):
        warn(f"qa answer {q['answer_text']!r} occurs more than once in the report")
    if q["kind"] in ("count", "lookup", "percentage", "time_qualifier"):
        cs = [
            c
            for c in claims
            if c["text"] == q["answer_text"] and c["line"] in q["evidence_lines"]
        ]
        if (
            len(cs) != 1
            or not same(q["answer_value"], cs[0]["base_value"])
            or q["unit"] != cs[0]["base_unit"]
        ):
            err(f"qa {q['answer_text']!r}: value/unit not those of its claim")
    if q["kind"] == "date":
        y, m_, d_ = map(int, re.findall(r"\d+", q["answer_text"]))
        if q["answer_value"] != f"{y + 1911}-{m_:02d}-{d_:02d}":
            err(f"qa date {q['answer_text']}")
    if q["kind"] == "name" and (
        "、".join(q["answer_value"][:-1]) + "及" + q["answer_value"][-1]
        != q["answer_text"]
    ):
        err(f"qa names {q['answer_value']}")


# ------------------------------------------------------------------ README counts
def table_counts(title):
    sec = readme.split(title, 1)[1].split("\n\n", 2)[1]
    got = {
        m.group(1): int(m.group(2))
        for m in re.finditer(r"^\| `?([^|`]+?)`? \| (\d+) \|", sec, re.MULTILINE)
    }
    total = got.pop("total", None)
    if total != sum(got.values()):
        err(f"README {title}: total {total} != {sum(got.values())}")
    return got


checks = {
    "Headings per level": Counter(str(o["level"]) for o in outline),
    "Claims per kind": Counter(c["kind"] for c in claims),
    "Claims per qualifier": Counter(c["qualifier"] for c in claims),
    "Claims per dimension": Counter(c["dimension"] for c in claims),
    "QA per kind": Counter(q["kind"] for q in qa),
}
for title, cnt in checks.items():
    try:
        got = table_counts("### " + title)
    except IndexError:
        err(f"README lacks table {title}")
        continue
    if got != dict(cnt):
        err(f"README {title}: {got} != {dict(cnt)}")

# ------------------------------------------------------------------ report
fig_lines = len({c["line"] for c in claims})
print(
    f"lines {N}, pages {len(pages)} (page lengths {page_len}), body lines {len(body)}, table lines {sorted(TABLE)}"
)
print(
    f"headings {len(outline)} {dict(sorted(Counter(o['level'] for o in outline).items()))}; "
    f"claims {len(claims)} in {len(with_figs)} items; non-figures {len(nonfig)}; qa {len(qa)}"
)
for w in warnings:
    print("warning:", w)
for e in errors:
    print("ERROR:", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
