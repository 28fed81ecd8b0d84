#!/usr/bin/env python3
"""Build report.txt and the gold files of benchmarks/other-reports/nao-2025 from source.txt.

source.txt: one output line per source line.
  'H ' prefix            the line is a heading (its marker starts the text)
  '{k=v;k=v}' prefix     line defaults for the figures on that line (p=period, k=kind, q=qualifier)
  [[TEXT|k=v;...]]       a figure, TEXT exactly as written (qualifier words stay outside)
  <<TEXT|cat>>           a number that is not a figure (date, year, law, ord, name, phone, url, list)
Period specs: n | yA | yA-B | eA (as of year end) | aA-MM-DD (as of) | qA.N | hA.N |
              rA-MM-DD..B-MM-DD ; followed by '/period text as written'.
"""
import json, re, sys, calendar
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / 'source.txt'
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent
OUT.mkdir(parents=True, exist_ok=True)

# ---------------------------------------------------------------- periods
def roc(y):
    return int(y) + 1911

def parse_period(spec):
    if spec == 'n':
        return None, None, None
    code, text = spec.split('/', 1)
    if code.startswith('y'):
        a, _, b = code[1:].partition('-')
        b = b or a
        return f'{roc(a)}-01-01', f'{roc(b)}-12-31', text
    if code.startswith('e'):
        return None, f'{roc(code[1:])}-12-31', text
    if code.startswith('a'):
        y, m, d = code[1:].split('-')
        return None, f'{roc(y)}-{m}-{d}', text
    if code.startswith('q'):
        y, q = code[1:].split('.')
        q = int(q)
        m1, m2 = 3 * q - 2, 3 * q
        last = calendar.monthrange(roc(y), m2)[1]
        return f'{roc(y)}-{m1:02d}-01', f'{roc(y)}-{m2:02d}-{last}', text
    if code.startswith('h'):
        y, h = code[1:].split('.')
        return ((f'{roc(y)}-01-01', f'{roc(y)}-06-30', text) if h == '1'
                else (f'{roc(y)}-07-01', f'{roc(y)}-12-31', text))
    if code.startswith('r'):
        a, b = code[1:].split('..')
        def iso(x):
            y, m, d = x.split('-')
            return f'{roc(y)}-{m}-{d}'
        return iso(a), iso(b), text
    raise ValueError(spec)

# ---------------------------------------------------------------- numbers
CDIG = {'〇': 0, '零': 0, '一': 1, '二': 2, '兩': 2, '三': 3, '四': 4, '五': 5,
        '六': 6, '七': 7, '八': 8, '九': 9}
CSMALL = {'十': 10, '百': 100, '千': 1000}
BIG = {'萬': Decimal(10) ** 4, '億': Decimal(10) ** 8, '兆': Decimal(10) ** 12}
FW = str.maketrans('０１２３４５６７８９．，％～', '0123456789.,%~')
NUMCH = set('0123456789,.') | set(CDIG) | set(CSMALL) | set(BIG) | {'點'}

def chinese_small(s):
    """Chinese numeral below 10,000 (may contain 點)."""
    if '點' in s:
        ip, fp = s.split('點')
        return chinese_small(ip) + Decimal('0.' + ''.join(str(CDIG[c]) for c in fp))
    total, cur = 0, 0
    for c in s:
        if c in CDIG:
            cur = CDIG[c]
        elif c in CSMALL:
            total += (cur if cur else 1) * CSMALL[c]
            cur = 0
    return Decimal(total + cur)

def coef(s):
    if re.fullmatch(r'[0-9,.]+', s):
        return Decimal(s.replace(',', ''))
    return chinese_small(s)

def split_number(t):
    """t (ASCII-folded) -> (groups [(coef, bigscale or None)], rest)."""
    i = 0
    while i < len(t) and t[i] in NUMCH:
        i += 1
    num, rest = t[:i], t[i:]
    # a unit word may begin with a big-scale char only if followed by nothing numeric: handled by groups
    groups, cur = [], ''
    for c in num:
        if c in BIG:
            groups.append((coef(cur), c))
            cur = ''
        else:
            cur += c
    if cur:
        groups.append((coef(cur), None))
    return groups, rest

UNITS = {
    # unit word: (base_unit, factor, dimension)
    '元': ('TWD', 1, 'money'), '度': ('kWh', 1, 'energy'), '立方公尺': ('m3', 1, 'volume'),
    '公噸': ('t', 1, 'mass'), '公頃': ('ha', 1, 'area'), '%': ('percent', 1, 'percent'),
    '個百分點': ('percentage_point', 1, 'percent'), '成': ('percent', 10, 'percent'),
    '年': ('year', 1, 'duration'), '個月': ('month', 1, 'duration'), '日': ('day', 1, 'duration'),
    '天': ('day', 1, 'duration'),
}
COUNT_NOUNS = ['人次', '場次', '個', '件', '案', '項', '人', '戶', '筆', '張', '輛', '家', '組',
               '次', '條']

def unit_info(unit):
    """unit as written (scale word included) -> (base_unit, factor, dimension)."""
    scale = Decimal(1)
    u = unit
    if u and u[0] in BIG:
        scale = BIG[u[0]]
        u = u[1:]
    if u in UNITS:
        b, f, d = UNITS[u]
        return b, scale * f, d
    if u in COUNT_NOUNS:
        return u, scale, 'count'
    raise ValueError(unit)

def num_out(d):
    if d is None:
        return None
    d = Decimal(d)
    if d == d.to_integral_value():
        return int(d)
    return float(d.normalize())

def parse_figure(text):
    t = text.translate(FW).replace(' ', '')
    if t.startswith('百分之'):
        g, rest = split_number(t[3:])
        assert rest == '' and len(g) == 1 and g[0][1] is None, text
        return g[0][0], None, '%'
    m = re.fullmatch(r'(.+?)~(.+)', t)
    if m:
        lo_g, lo_rest = split_number(m.group(1))
        hi_g, hi_rest = split_number(m.group(2))
        assert lo_rest == '' and len(lo_g) == 1 and len(hi_g) == 1, text
        unit = (hi_g[0][1] or '') + hi_rest
        return lo_g[0][0], hi_g[0][0], unit.replace('％', '%')
    g, rest = split_number(t)
    assert g, text
    if len(g) == 1:
        c, sc = g[0]
        return c, None, (sc or '') + rest
    # mixed numerals: the whole integer, bare noun
    total = sum(c * (BIG[sc] if sc else 1) for c, sc in g)
    return total, None, rest

# ---------------------------------------------------------------- markers
L1 = '壹貳參肆伍陸柒捌玖拾'
CN = '一二三四五六七八九十'
MARKERS = [
    (1, re.compile(rf'^([{L1}])、'), lambda m: m.group(1)),
    (2, re.compile(rf'^([{CN}]+)、'), lambda m: m.group(1)),
    (3, re.compile(rf'^[（(]([{CN}]+)[）)]'), lambda m: f'({m.group(1)})'),
    (4, re.compile(r'^(\d+)\.'), lambda m: m.group(1)),
    (5, re.compile(r'^[（(](\d+)[）)]'), lambda m: f'({m.group(1)})'),
    (6, re.compile(r'^([A-Z])\.'), lambda m: m.group(1)),
]

def heading_marker(line):
    for lvl, rx, canon in MARKERS:
        m = rx.match(line)
        if m:
            return lvl, m.group(0), canon(m)
    raise ValueError(line)

def title_of(rest):
    rest = rest.strip()
    if '：' in rest:
        return rest.split('：', 1)[0]
    m = re.search('[，：。；]', rest)
    if m:
        return rest[:m.start()]
    return rest

# ---------------------------------------------------------------- parse source
TOKEN = re.compile(r'\[\[(.+?)\]\]|<<(.+?)>>')

def parse_attrs(s):
    out = {}
    if not s:
        return out
    for part in s.split(';'):
        k, _, v = part.partition('=')
        out[k.strip()] = v
    return out

lines, heads, figs, nonfigs = [], [], [], []
for raw in SRC.read_text(encoding='utf-8').split('\n'):
    if raw == '':
        continue
    is_head = raw.startswith('H ')
    if is_head:
        raw = raw[2:]
    ldef = {}
    m = re.match(r'\{(.*?)\}', raw)
    if m:
        ldef = parse_attrs(m.group(1))
        raw = raw[m.end():]
    out, pos, lno = '', 0, len(lines) + 1
    for m in TOKEN.finditer(raw):
        out += raw[pos:m.start()]
        if m.group(1) is not None:
            text, _, a = m.group(1).partition('|')
            attrs = dict(ldef)
            attrs.update(parse_attrs(a))
            figs.append(dict(line=lno, start=len(out), text=text, attrs=attrs))
        else:
            text, _, cat = m.group(2).partition('|')
            nonfigs.append(dict(line=lno, start=len(out), text=text, cat=cat))
        out += text
        pos = m.end()
    out += raw[pos:]
    assert '[[' not in out and '<<' not in out and '{' not in out, out
    lines.append(out)
    if is_head:
        heads.append(lno)

# ---------------------------------------------------------------- outline
outline, stack = [], []
for ln in heads:
    text = lines[ln - 1]
    lvl, marker, canon = heading_marker(text)
    while stack and stack[-1][0] >= lvl:
        stack.pop()
    stack.append((lvl, canon))
    path = '/'.join(c for _, c in stack)
    outline.append(dict(line=ln, path=path, level=lvl, marker=marker,
                        title=title_of(text[len(marker):])))
# item ranges: heading line .. line before next heading
for i, o in enumerate(outline):
    o['_end'] = (outline[i + 1]['line'] - 1) if i + 1 < len(outline) else len(lines)

def item_of(ln):
    best = None
    for o in outline:
        if o['line'] <= ln <= o['_end']:
            best = o
    return best

# ---------------------------------------------------------------- claims
claims = []
for f in figs:
    a = f['attrs']
    value, high, unit = parse_figure(f['text'])
    base_unit, factor, dim = unit_info(unit)
    ps, pe, pt = parse_period(a.get('p', 'n'))
    q = a.get('q', 'exact')
    if high is not None:
        q = 'range'
    it = item_of(f['line'])
    c = dict(line=f['line'], path=it['path'], text=f['text'], value=num_out(value),
             value_high=num_out(high), unit=unit, base_value=num_out(value * factor),
             base_unit=base_unit, dimension=dim, qualifier=q, kind=a.get('k', 'actual'),
             period_start=ps, period_end=pe, period_text=pt)
    assert c['kind'] in {'actual', 'target', 'forecast', 'rule', 'change', 'share'}, c
    assert c['qualifier'] in {'exact', 'approx', 'more_than', 'at_least', 'nearly', 'up_to', 'range'}, c
    assert lines[f['line'] - 1][f['start']:f['start'] + len(f['text'])] == f['text']
    c['_start'] = f['start']
    claims.append(c)

# ---------------------------------------------------------------- internal consistency
def val(path, text, n=0):
    hits = [c for c in claims if c['path'] == path and c['text'] == text]
    return Decimal(str(hits[n]['base_value']))

def close(a, b, tol=Decimal('0.005')):
    assert abs(Decimal(a) - Decimal(b)) <= tol, (a, b)

def pct(part, whole):
    return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal('0.01'))

E = Decimal(10) ** 8
rev = val('壹/二/(一)', '3兆1,254.36億元'); revb = val('壹/二/(一)', '2兆8,062億元')
tax = val('壹/二/(二)/1', '二兆六千一百八十億四千五百萬元')
biz = val('壹/二/(二)/2', '2,310.27億元'); fee = val('壹/二/(二)/3', '1,215.40 億元')
prop = val('壹/二/(二)/4', '752.08億元'); oth = val('壹/二/(二)/4', '796.16億元')
assert tax + biz + fee + prop + oth == rev
assert rev - revb == val('壹/二/(一)', '3,192.36億元')
close(pct(rev, revb), Decimal('111.38'))
close(pct(tax, rev), Decimal('83.77')); close(pct(biz, rev), Decimal('7.39'))
close(pct(fee, rev), Decimal('3.89')); close(pct(prop + oth, rev), Decimal('4.95'))
exp = val('壹/三/(一)', '2兆7,932.18億元'); expb = val('壹/三/(一)', '2兆8,815.60億元')
close(pct(exp, expb), Decimal('96.93'))
close(pct(val('壹/三/(一)', '612.45億元'), expb), Decimal('2.13'))
parts = {'(1)': '7,901.33億元', '(2)': '5,312.06億元', '(3)': '4,408.72億元',
         '(4)': '3,920.15億元', '(5)': '3,010.44億元'}
shares = {'(1)': '28.29', '(2)': '19.02', '(3)': '15.78', '(4)': '14.03', '(5)': '10.78'}
tot = Decimal(0)
for k, t in parts.items():
    v = val('壹/三/(二)/1/' + k, t); tot += v
    close(pct(v, exp), Decimal(shares[k]))
p6 = '壹/三/(二)/1/(6)'
other = sum(val(p6, t) for t in ['1,780.29億元', '1,142.50億元', '254.82億元', '201.87億元'])
assert other == val(p6, '3,379.48億元'); close(pct(other, exp), Decimal('12.10'))
assert tot + other == exp
prev = exp - val('壹/三/(二)/2', '1,486.05億元'); close(pct(val('壹/三/(二)/2', '1,486.05億元'), prev), Decimal('5.62'))
close(pct(val('壹/三/(三)', '418.76億元'), val('壹/三/(一)', '612.45億元')), Decimal('68.37'))
surplus = val('壹/四/(一)', '3,322.18億元'); assert rev - exp == surplus
net = val('壹/四/(二)', '2,372億1,800萬元'); assert surplus - val('壹/四/(二)', '950億元') == net
assert net - val('壹/四/(二)', '1,842.57億元') == val('壹/四/(二)', '529.61億元')
assert val('壹/五/(一)', '十二億三千五百萬元') + val('壹/五/(二)', '八億四千七百萬元') == val('壹/五/(三)', '20.82億元')
# 貳
p = '貳/一/(一)'
sx = val(p, '2,157.84億元'); close(pct(sx, val(p, '2,298.60億元')), Decimal('93.88'))
assert sx - val(p, '12.60億元') == val(p, '2,145.24億元') == val(p, '2,100億元') + val(p, '45.24億元')
p = '貳/一/(二)'
cats = [('812.35億元', '37.65'), ('421.60億元', '19.54'), ('430.30億元', '19.94'),
        ('305.17億元', '14.14'), ('188.42億元', '8.73')]
assert sum(val(p, t) for t, _ in cats) == sx
for t, s_ in cats:
    close(pct(val(p, t), sx), Decimal(s_))
close(pct(val('貳/一/(三)/1', '11項'), val('貳/一/(三)/1', '226項')), Decimal('4.87'))
p = '貳/二/(一)'
close(pct(val(p, '3,598.41億元'), val(p, '3,720億元')), Decimal('96.73'))
assert val(p, '3,616.05億元') - val(p, '3,598.41億元') == val(p, '17.64億元')
p = '貳/二/(二)/1'
people = val(p, '1,412.33億元') / 6000
assert abs(people - val(p, '2,354萬人')) < 10000, people
close(pct(val(p, '2,354萬人'), val(p, '2,375萬人')), Decimal('99.1'), Decimal('0.05'))
p = '貳/二/(二)/2'
assert val(p, '1,236件') * 6000 == val(p, '741.6萬元')
assert val(p, '1,102件') + val(p, '134件') == val(p, '1,236件')
close(pct(val(p, '1,102件'), val(p, '1,236件')), Decimal('89.16'))
p = '貳/三/(一)'
assert val(p, '九百九十八億元') - val(p, '八百四十二億三千萬元') == val(p, '一百五十五億七千萬元')
close(pct(val(p, '八百四十二億三千萬元'), val(p, '九百九十八億元')), Decimal('84.4'), Decimal('0.05'))
# 參
p = '參/一/(一)'
assert val(p, '486個') + val(p, '1,932個') == val(p, '2,418個')
close(pct(val('壹/一/(三)', '186個'), val('壹/一/(二)', '一千零八十六個')), Decimal('17.13'))
a_, b_ = '參/一/(二)/1/(1)/A', '參/一/(二)/1/(1)/B'
assert val(a_, '1,498件') + val(b_, '1,717件') == val('參/一/(二)/1', '3,215件')
assert sum(val('參/一/(二)/1/(2)', t) for t in ['2,106件', '634件', '475件']) == val('參/一/(二)/1', '3,215件')
assert val(a_, '5,012.8萬元') + val(b_, '7,532.8萬元') == val('參/一/(二)/2', '1 億 2,545.6 萬元')
p = '參/二/(二)/1/(1)'
assert val(p + '/A', '412件') + val(p + '/B', '286件') + val(p + '/C', '173件') == val(p, '871件')
assert val(p + '/A', '1,863.27億元') + val(p + '/B', '421.58億元') + val(p + '/C', '95.06億元') == val(p, '2,379.91億元')
close(pct(val(p + '/A', '1,863.27億元'), val(p, '2,379.91億元')), Decimal('78.29'))
p = '參/二/(二)/1/(2)'
assert val(p, '21件') + val(p, '18件') + val(p, '25件') == val(p, '64件')
p = '參/二/(三)/2'
close(pct(val(p, '3,846輛'), val(p, '2萬1,372輛')), Decimal('18'), Decimal('0.01'))
close(val('參/二/(四)', '296項') / val('參/二/(四)', '118個'), Decimal('2.5'), Decimal('0.05'))
# 肆
p = '肆/一/(一)'
assert val(p, '4兆2,318.96億元') - val(p, '4兆1,987.40億元') == val(p, '331.56億元')
assert val('肆/一/(二)/1', '1,835.22億元') - val('肆/一/(二)/2', '1,503.66億元') == val(p, '331.56億元')
assert val('肆/一/(二)/1', '16個') + val('肆/一/(二)/2', '5個') == val(p, '21個') == val('壹/一/(二)', '二十一個')
close(pct(val('肆/一/(二)/2', '1,225.48億元'), val('肆/一/(二)/2', '1,503.66億元')), Decimal('81.50'))
assert val('肆/一/(二)/2', '1,225.48億元') == val('肆/二/(一)/1', '1,225.48億元')
assert val('肆/一/(三)', '1,186.40億元') == val('壹/二/(二)/2', '1,186.40億元')
close(pct(val('肆/一/(三)', '1,186.40億元'), val('肆/一/(三)', '1,150億元')), Decimal('103.17'))
close(pct(val('肆/二/(四)', '1萬2,350公頃'), val('肆/二/(四)', '4.7萬公頃')), Decimal('26.28'))
p = '肆/三/(一)'
assert val(p, '1兆9,876.54億元') - val(p, '1兆9,512.31億元') == val(p, '364.23億元')
assert val(p, '112個') == val('壹/一/(二)', '一百十二個')
# 伍
close(pct(val('伍/一/(一)', '26案'), val('伍/一/(一)', '45案')), Decimal('57.78'))
close(pct(val('伍/一/(二)/2', '6萬3,412戶'), val('伍/一/(二)/2', '12萬戶')), Decimal('52.84'))
p = '伍/一/(二)/3'
close(pct(val(p, '276.4億元'), val(p, '312億元')), Decimal('88.59'))
close(pct(val('伍/一/(二)/4', '9個'), val('伍/一/(二)/4', '42個')), Decimal('21.43'))
p = '伍/二/(一)'
ds = [('583件', '46.75'), ('402件', '32.24'), ('186件', '14.92'), ('76件', '6.09')]
assert sum(val(p, t) for t, _ in ds) == val(p, '1,247件')
for t, s_ in ds:
    close(pct(val(p, t), val(p, '1,247件')), Decimal(s_))
p = '伍/二/(二)/1'
tot = val(p, '二億三千四百五十六萬元')
close(pct(tot - val(p, '二億零八百三十一萬元'), val(p, '二億零八百三十一萬元')), Decimal('12.6'), Decimal('0.05'))
assert val('伍/二/(二)/2', '1億4,120萬元') + val('伍/二/(二)/2', '9,336萬元') == tot
close(pct(val('伍/二/(四)', '122項'), val('伍/二/(四)', '132項')), Decimal('92.42'))
close(pct(val('柒/三', '401件'), val('柒/三', '438件')), Decimal('91.55'))

# ---------------------------------------------------------------- write
(OUT / 'report.txt').write_text('\n'.join(lines) + '\n', encoding='utf-8')
with open(OUT / 'outline.jsonl', 'w', encoding='utf-8') as fh:
    for o in outline:
        fh.write(json.dumps({k: o[k] for k in ['line', 'path', 'level', 'marker', 'title']},
                            ensure_ascii=False) + '\n')
KEYS = ['line', 'path', 'text', 'value', 'value_high', 'unit', 'base_value', 'base_unit',
        'dimension', 'qualifier', 'kind', 'period_start', 'period_end', 'period_text']
claims.sort(key=lambda c: (c['line'], c['_start']))
with open(OUT / 'claims.jsonl', 'w', encoding='utf-8') as fh:
    for c in claims:
        fh.write(json.dumps({k: c[k] for k in KEYS}, ensure_ascii=False) + '\n')
with open(OUT / 'claims-items.txt', 'w', encoding='utf-8') as fh:
    for o in outline:
        if any(c['path'] == o['path'] for c in claims):
            fh.write(f"{o['line']}-{o['_end']}\t{o['path']}\t{o['marker']} {o['title']}\n")
with open(OUT / 'nonfigures.jsonl', 'w', encoding='utf-8') as fh:
    for n in nonfigs:
        it = item_of(n['line'])
        fh.write(json.dumps(dict(line=n['line'], path=it['path'] if it else None, text=n['text'],
                                 cat=n['cat']), ensure_ascii=False) + '\n')
print(f'{len(lines)} lines, {len(outline)} headings, {len(claims)} claims, {len(nonfigs)} non-figures')

# ---------------------------------------------------------------- qa
sys.path.insert(0, str(HERE))
from qa_src import QA
with open(OUT / 'qa.jsonl', 'w', encoding='utf-8') as fh:
    for q, at, av, unit, kind in QA:
        if kind == 'not_in_report':
            ev = []
        elif kind == 'name':
            ev = [i + 1 for i, l in enumerate(lines) if all(n in l for n in av)]
        elif kind == 'date':
            ev = [i + 1 for i, l in enumerate(lines) if at in l]
        else:
            ev = sorted({c['line'] for c in claims if c['text'] == at and c['base_value'] == av})
        assert kind == 'not_in_report' or ev, q
        fh.write(json.dumps(dict(q=q, answer_text=at, answer_value=av, unit=unit,
                                 evidence_lines=ev, kind=kind), ensure_ascii=False) + '\n')
