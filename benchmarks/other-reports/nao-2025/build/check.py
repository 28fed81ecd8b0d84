#!/usr/bin/env python3
"""Independent check of the nao-2025 gold: reads only the built files (report.txt, outline.jsonl,
claims.jsonl, claims-items.txt, qa.jsonl, nonfigures.jsonl), never source.txt or build.py."""
import json, re, sys, collections
from pathlib import Path

D = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
raw = (D / 'report.txt').read_bytes()
errors = []
def err(*a):
    errors.append(' '.join(str(x) for x in a))

# ------------------------------------------------------------ layout
text = raw.decode('utf-8')
assert not raw.startswith(b'\xef\xbb\xbf'), 'BOM'
assert b'\r' not in raw, 'CR found'
assert text.endswith('\n') and not text.endswith('\n\n')
L = text[:-1].split('\n')
for i, l in enumerate(L, 1):
    if not l.strip():
        err('blank line', i)
    if re.fullmatch(r'\s*[-－]?\s*\d+\s*[-－]?\s*', l):
        err('page number?', i)
    if l != l.strip():
        err('leading/trailing space', i)

# ------------------------------------------------------------ outline (re-derived)
RANK = [
    ('壹', r'[壹貳參肆伍陸柒捌玖拾]、'),
    ('一', r'[一二三四五六七八九十]{1,3}、'),
    ('(一)', r'（[一二三四五六七八九十]{1,3}）'),
    ('1', r'[0-9]{1,2}\.(?![0-9])'),
    ('(1)', r'（[0-9]{1,2}）'),
    ('A', r'[A-Z]\.'),
]
def canon(kind, m):
    core = m.strip('、.（）')
    return f'({core})' if kind.startswith('(') else core

heads = []
stack = []
for i, l in enumerate(L, 1):
    for lvl, (kind, rx) in enumerate(RANK, 1):
        m = re.match(rx, l)
        if m:
            mk = m.group(0)
            while stack and stack[-1][0] >= lvl:
                stack.pop()
            stack.append((lvl, canon(kind, mk)))
            rest = l[len(mk):]
            if '：' in rest:
                title = rest[:rest.index('：')]
            else:
                cut = [rest.find(ch) for ch in '，。；' if ch in rest]
                title = rest[:min(cut)] if cut else rest
            heads.append(dict(line=i, path='/'.join(c for _, c in stack), level=lvl, marker=mk,
                              title=title))
            break
gold_outline = [json.loads(x) for x in (D / 'outline.jsonl').read_text(encoding='utf-8').splitlines()]
if gold_outline != heads:
    for a, b in zip(gold_outline, heads):
        if a != b:
            err('outline mismatch', a, b)
    if len(gold_outline) != len(heads):
        err('outline length', len(gold_outline), len(heads))
depth = max(h['path'].count('/') + 1 for h in heads)
if depth < 5:
    err('outline depth', depth)
head_lines = [h['line'] for h in heads]
spans = collections.defaultdict(list)   # line -> [(start, end, label)]
for h in heads:
    spans[h['line']].append((0, len(h['marker']), 'marker'))
def ends():
    out = {}
    for k, h in enumerate(heads):
        out[h['path']] = (h['line'], head_lines[k + 1] - 1 if k + 1 < len(heads) else len(L))
    return out
RANGE = ends()
def path_at(ln):
    p = None
    for h in heads:
        if h['line'] <= ln:
            p = h['path']
    return p
def ancestors(path):
    parts = path.split('/')
    return ['/'.join(parts[:k]) for k in range(1, len(parts) + 1)]

# ------------------------------------------------------------ number re-derivation (independent)
DIG = dict(zip('〇零一二兩三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))
def cn_int(s):
    """Chinese numeral with 十百千 (no 萬億兆) -> int, by positional reading."""
    n, d = 0, None
    for ch in s:
        if ch in DIG:
            d = DIG[ch]
        else:
            mult = {'十': 10, '百': 100, '千': 1000}[ch]
            n += (1 if d is None else d) * mult
            d = None
    return n + (d or 0)
def cn_num(s):
    if '點' in s:
        a, b = s.split('點')
        return float(f"{cn_int(a)}.{''.join(str(DIG[c]) for c in b)}")
    return cn_int(s)
def ar(s):
    s = s.replace(',', '')
    return float(s) if '.' in s else int(s)
def anynum(s):
    return ar(s) if re.fullmatch(r'[0-9.,]+', s) else cn_num(s)

SCALE = {'萬': 10**4, '億': 10**8, '兆': 10**12}
BASE = {'元': ('TWD', 'money'), '%': ('percent', 'percent'), '個百分點': ('percentage_point', 'percent'),
        '成': ('percent', 'percent'), '公頃': ('ha', 'area'), '公噸': ('t', 'mass'),
        '立方公尺': ('m3', 'volume'), '度': ('kWh', 'energy'), '年': ('year', 'duration'),
        '個月': ('month', 'duration'), '日': ('day', 'duration'), '天': ('day', 'duration')}
NUMPART = r'[0-9.,〇零一二兩三四五六七八九十百千點]+'

def rederive(t):
    t = t.translate(str.maketrans('０１２３４５６７８９％', '0123456789%')).replace(' ', '')
    if t.startswith('百分之'):
        return anynum(t[3:]), None, '%'
    m = re.fullmatch(rf'({NUMPART})~({NUMPART})(.*)', t)
    if m:
        return anynum(m.group(1)), anynum(m.group(2)), m.group(3)
    groups = re.findall(rf'({NUMPART})([萬億兆]?)', t)
    m = re.fullmatch(rf'((?:{NUMPART}[萬億兆]?)+?)(\D*)', t)
    # split: greedy pieces of number+scale, then the unit
    pieces = []
    rest = t
    while True:
        m = re.match(rf'({NUMPART})([萬億兆]?)', rest)
        if not m or not m.group(1):
            break
        pieces.append((m.group(1), m.group(2)))
        rest = rest[m.end():]
    if len(pieces) == 1:
        n, sc = pieces[0]
        return anynum(n), None, sc + rest
    total = 0
    from decimal import Decimal
    for n, sc in pieces:
        total += Decimal(n.replace(',', '')) * SCALE.get(sc, 1) if re.fullmatch(r'[0-9.,]+', n) \
            else Decimal(str(cn_num(n))) * SCALE.get(sc, 1)
    return int(total), None, rest

def base_of(value, unit):
    sc = 1
    u = unit
    if u[:1] in SCALE:
        sc, u = SCALE[u[0]], u[1:]
    if u in BASE:
        b, dim = BASE[u]
        f = 10 if u == '成' else 1
        return value * sc * f, b, dim
    return value * sc, u, 'count'

def same(a, b):
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))

# ------------------------------------------------------------ claims
KEYS = ['line', 'path', 'text', 'value', 'value_high', 'unit', 'base_value', 'base_unit',
        'dimension', 'qualifier', 'kind', 'period_start', 'period_end', 'period_text']
claims = [json.loads(x) for x in (D / 'claims.jsonl').read_text(encoding='utf-8').splitlines()]
taken = collections.defaultdict(int)
for c in claims:
    if list(c) != KEYS:
        err('keys', c)
    ln, t = c['line'], c['text']
    line = L[ln - 1]
    # k-th occurrence of the same text on the line
    k = taken[(ln, t)]
    occ = [m.start() for m in re.finditer(r'(?<![0-9,.０-９〇零一二兩三四五六七八九十百千萬億兆點])' + re.escape(t), line)]
    pos = occ[k] if k < len(occ) else -1
    if pos < 0:
        err('text not on line', c)
        continue
    taken[(ln, t)] += 1
    spans[ln].append((pos, pos + len(t), 'claim'))
    c['_pos'] = pos
    if path_at(ln) != c['path']:
        err('path', c['path'], path_at(ln), ln)
    v, vh, unit = rederive(t)
    if not same(v, c['value']) or not same(vh, c['value_high']):
        err('value', t, v, vh, c['value'], c['value_high'])
    if unit != c['unit']:
        err('unit', t, unit, c['unit'])
    bv, bu, dim = base_of(v, unit)
    if not same(bv, c['base_value']) or bu != c['base_unit'] or dim != c['dimension']:
        err('base', t, bv, bu, dim, c['base_value'], c['base_unit'], c['dimension'])
    # qualifier cues
    before, after = line[max(0, pos - 3):pos], line[pos + len(t):pos + len(t) + 3]
    q = c['qualifier']
    cue_ok = {
        'exact': not re.search(r'(約|逾|近|超過|至少)$', before),
        'approx': before.endswith('約'),
        'more_than': bool(re.search(r'(逾|超過)$', before) or after.startswith('以上')
                          or after.startswith('）以上')),
        'up_to': bool(re.search(r'(上限|未達|低於)$', before) or re.match(r'(內|以下)', after)),
        'at_least': before.endswith('至少'),
        'nearly': before.endswith('近'),
        'range': '~' in t,
    }[q]
    if not cue_ok:
        err('qualifier cue', q, t, ln, repr(before), repr(after))
    # kind cues (in the figure's clause, looking back to the previous ，；。)
    clause = re.split(r'[，；。]', line[:pos])[-1]
    kd = c['kind']
    if kd == 'share' and not (re.search(r'占[^，；。]*$', clause) or line[pos - 1:pos] == '（'
                              or clause.endswith('逾') or clause.endswith('近')):
        err('share cue', t, ln, clause)
    if kd == 'change' and not re.search(r'(增加|成長|減少|降低|提升)', clause):
        err('change cue', t, ln, clause)
    if kd == 'target' and not re.search(r'(目標|預計|規劃)', line[:pos]):
        err('target cue', t, ln)
    if kd == 'forecast' and '預估' not in clause:
        err('forecast cue', t, ln)
    if kd == 'rule' and c['period_start'] is not None:
        err('rule with period', t)
    # periods
    ps, pe, pt = c['period_start'], c['period_end'], c['period_text']
    for d in (ps, pe):
        if d is not None and not re.fullmatch(r'20\d\d-\d\d-\d\d', d):
            err('date format', d)
    if ps and pe and ps > pe:
        err('period order', c)
    if (pt is None) != (ps is None and pe is None):
        err('period_text/null mismatch', c)
    if pt is not None:
        where = [L[ln - 1]] + [L[RANGE[a][0] - 1] for a in ancestors(c['path'])]
        if not any(all(piece in w for piece in pt.split('…')) for w in where):
            err('period_text not on line or ancestor headings', pt, ln)
        m = re.search(r'(\d{3})年', pt) or None
        if m and not (ps or pe).startswith(str(int(m.group(1)) + 1911)):
            err('period year', pt, ps, pe)

# ------------------------------------------------------------ claims-items
items = []
for row in (D / 'claims-items.txt').read_text(encoding='utf-8').splitlines():
    rng, path, label = row.split('\t')
    a, b = map(int, rng.split('-'))
    items.append((a, b, path))
    if RANGE.get(path) != (a, b):
        err('item range', row, RANGE.get(path))
if sorted(p for _, _, p in items) != sorted({c['path'] for c in claims}):
    err('items != paths with claims')
for c in claims:
    a, b = RANGE[c['path']]
    if not a <= c['line'] <= b:
        err('claim outside item', c)

# ------------------------------------------------------------ coverage: every number claimed or listed
nonfig = [json.loads(x) for x in (D / 'nonfigures.jsonl').read_text(encoding='utf-8').splitlines()]
ntaken = collections.defaultdict(int)
for n in nonfig:
    line = L[n['line'] - 1]
    ln_sp = spans[n['line']]
    occ = [m.start() for m in re.finditer(re.escape(n['text']), line)
           if not any(m.start() < b and a < m.start() + len(n['text']) for a, b, _ in ln_sp)]
    pos = occ[0] if occ else -1
    if pos < 0:
        err('non-figure not on line', n)
        continue
    ntaken[(n['line'], n['text'])] += 1
    spans[n['line']].append((pos, pos + len(n['text']), 'non-figure'))
# Chinese numeral words that are not numbers
NOT_NUM = ['一般', '統一', '進一步', '一併', '萬一', '千萬', '一致', '唯一', '之一', '淨零', '最近一次']
NUMRUN = re.compile(r'[0-9０-９]+(?:[.,][0-9０-９]+)*|[〇零一二兩三四五六七八九十百千萬億兆]+')
unclaimed = []
first_head = heads[0]['line']
for i, line in enumerate(L, 1):
    masked = line
    for w in NOT_NUM:
        masked = masked.replace(w, '＊' * len(w))
    for m in NUMRUN.finditer(masked):
        s, e = m.span()
        if m.group(0) in '萬億兆百千' and len(m.group(0)) == 1:
            # a bare scale char not attached to digits
            if not any(a <= s and e <= b for a, b, _ in spans[i]):
                unclaimed.append((i, m.group(0), line[max(0, s - 4):e + 4]))
            continue
        cov = [lab for a, b, lab in spans[i] if a <= s and e <= b]
        if not cov:
            unclaimed.append((i, m.group(0), line[max(0, s - 4):e + 4]))
for u in unclaimed:
    err('unclaimed number', *u)
# overlapping spans
for i, sp in spans.items():
    sp = sorted(sp)
    for (a1, b1, l1), (a2, b2, l2) in zip(sp, sp[1:]):
        if a2 < b1:
            err('overlapping spans', i, L[i - 1][a1:b1], L[i - 1][a2:b2])

# ------------------------------------------------------------ qa
qa = [json.loads(x) for x in (D / 'qa.jsonl').read_text(encoding='utf-8').splitlines()]
want = {'count': 6, 'lookup': 5, 'percentage': 2, 'time_qualifier': 3, 'date': 2, 'name': 2,
        'not_in_report': 4}
got = collections.Counter(q['kind'] for q in qa)
if dict(got) != want:
    err('qa kinds', got)
for q in qa:
    if list(q) != ['q', 'answer_text', 'answer_value', 'unit', 'evidence_lines', 'kind']:
        err('qa keys', q)
    if q['kind'] == 'not_in_report':
        if q['answer_text'] != 'not in report' or q['evidence_lines'] or q['answer_value'] is not None:
            err('nir', q)
        continue
    ev = ' '.join(L[i - 1] for i in q['evidence_lines'])
    if q['kind'] == 'name':
        for n in q['answer_value']:
            if n not in ev:
                err('qa name not in evidence', n)
        continue
    if q['answer_text'] not in ev:
        err('qa answer not in evidence', q)
    if q['kind'] == 'date':
        continue
    hits = [c for c in claims if c['line'] in q['evidence_lines'] and c['text'] == q['answer_text']]
    if not hits or not all(same(c['base_value'], q['answer_value']) and c['base_unit'] == q['unit']
                           for c in hits):
        err('qa value', q)
    # uniqueness: the same question words should not point at different values elsewhere
    if len({c['base_value'] for c in hits}) != 1:
        err('qa ambiguous', q)

# ------------------------------------------------------------ report
print(f'lines {len(L)}, headings {len(heads)} (depth {depth}), claims {len(claims)}, '
      f'items {len(items)}, non-figures {len(nonfig)}, qa {len(qa)}')
if errors:
    print(f'{len(errors)} problem(s):')
    for e in errors:
        print(' ', e)
    sys.exit(1)
print('all checks passed')
