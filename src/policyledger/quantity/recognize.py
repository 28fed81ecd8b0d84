"""Every number in free text, with or without a unit: 1,050,000 / ４，５６５ / 7万 5千 4百 /
壹佰伍拾 / 三百五又三分之一 / 2^5 / 40k / 负十二 — and every percentage: 25% / 百分之五十五点五 /
千分之二 / 六个百分点 / 九成 / 七五折.

`figures` finds only the figures a report states (a number with its unit); this module is the
plain recognizer under it that a question, a search box or a measurement can ask "which
numbers does this text write?". It reads numerals with `numbers.numeral_token_at` and
`numbers.longest_numeral`; what it adds is where a numeral begins and ends in running text,
fractions (五分之一, 3/5), signs, per-cent forms, and the words that only look like numerals
(一切, 四川, 兩岸, 入伍, 收拾).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from policyledger.quantity.figures import masked_spans
from policyledger.quantity.numbers import NUMERAL_CHARS, NUMERAL_DIGITS, NumeralToken, longest_numeral, numeral_token_at


@dataclass(frozen=True)
class RecognizedNumber:
    start: int  # offsets in the text as given
    end: int
    text: str  # the text as written, text[start:end]
    value: float  # for find_percentages: in percent (百分之五 → 5.0)


@dataclass(frozen=True)
class _Numeral:
    start: int
    end: int
    value: float
    bare: bool = False  # units only, no digit: 百, 萬萬 — a denominator of 百分之, never a number alone
    lone: str = ""  # the character, when the numeral is one Chinese character (一, 四, 伍, 拾)
    per: float | None = None  # 百分之五: the numeral 五 is a rate per 100 …
    lead: int | None = None  # … written from here (the 百 of 百分之)


# --- Width -------------------------------------------------------------------------------------

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if code != ord("Ｏ")}  # Ｏ is a zero (一一Ｏ)
_FULL_WIDTH[0x3000] = ord(" ")


def fold_width(text: str) -> str:
    """Full-width digits, letters and signs as half-width (１２．５％ → 12.5%), one character for
    one, so that offsets in the folded text are offsets in `text`."""
    return text.translate(_FULL_WIDTH)


# --- Numbers -----------------------------------------------------------------------------------


def find_numbers(text: str) -> list[RecognizedNumber]:
    """The numbers written in `text`, in order, none overlapping. A per-cent form contributes its
    numeral (百分之五 → 5 at 五); fractions are one number (五分之一 → 0.2)."""
    return [RecognizedNumber(n.start, n.end, text[n.start:n.end], n.value) for n in _numerals(fold_width(text))]


def _numerals(folded: str) -> list[_Numeral]:
    numerals = [numeral for run in _runs(folded) for numeral in _read_run(run)]
    numerals = _with_fractions(folded, [_with_sign(folded, numeral) for numeral in numerals])
    return [numeral for numeral in numerals if numeral.per is not None or not _only_looks_like_a_number(folded, numeral)]


_SPACES = " \t"
_STARTERS = frozenset("0123456789." + NUMERAL_CHARS + "多余餘几幾半打點点")
_SLASH_FRACTION = re.compile(r"(?<![\d/.])(?:(?P<whole>\d{1,9}) )?(?P<num>\d{1,9})/(?P<den>\d{1,9})(?![\d/])")
# Which token may follow which inside one numeral (spaces between them allowed).
_FOLLOWS: dict[str, set[str]] = {
    "arabic": {"small", "big", "approx", "dozen"},  # 1000 萬, 500余萬, 7 萬5 千 — never 12 34
    "digit": {"digit", "zero", "small", "big", "approx", "decimal", "dozen"},
    "zero": {"digit", "zero", "small", "approx", "decimal", "arabic"},
    "small": {"digit", "zero", "small", "big", "approx", "decimal", "arabic", "dozen"},
    "big": {"digit", "zero", "small", "big", "approx", "decimal", "arabic", "dozen"},
    "approx": {"small", "big"},
    "half": {"small"},
    "decimal": {"big", "dozen"},
    "dozen": set(),
    "literal": set(),
}


def _runs(folded: str) -> list[list[NumeralToken]]:
    """Maximal sequences of numeral tokens that may belong to one numeral."""
    blocked = masked_spans(folded)
    runs: list[list[NumeralToken]] = []
    position = 0
    while position < len(folded):
        if folded[position] not in _STARTERS:
            position += 1
            continue
        if folded[position].isdigit() and _glued_to_a_word(folded, position):
            while position < len(folded) and folded[position].isdigit():
                position += 1  # all of A2021…, not 021…
            continue
        token = _token_at(folded, position, blocked)
        if token is None:
            position += 1
            continue
        previous = runs[-1][-1] if runs else None
        if previous is not None and _joins(folded, previous, token):
            runs[-1].append(token)
        else:
            runs.append([token])
        position = token.end
    return runs


def _token_at(folded: str, position: int, blocked: list[tuple[int, int]]) -> NumeralToken | None:
    if any(a <= position < b for a, b in blocked):
        return None
    fraction = _SLASH_FRACTION.match(folded, position)
    if fraction and int(fraction.group("den")):
        whole = int(fraction.group("whole") or 0)
        return NumeralToken("literal", position, fraction.end(), whole + int(fraction.group("num")) / int(fraction.group("den")))
    if _inside_dotted_chain(folded, position):  # 2222.2222.22222: numbers between dots, not decimals
        end = position
        while end < len(folded) and folded[end].isdigit():
            end += 1
        return NumeralToken("arabic", position, end, float(folded[position:end]))
    return numeral_token_at(folded, position)


def _glued_to_a_word(folded: str, position: int) -> bool:
    """A2021… (an order number), B12: digits glued to a Latin word are part of it."""
    previous = folded[position - 1] if position else ""
    return previous.isascii() and (previous.isalpha() or previous == "_")


_DOTTED = re.compile(r"\d+\.\d+\.\d")


def _inside_dotted_chain(folded: str, position: int) -> bool:
    if not folded[position].isdigit():
        return False
    if _DOTTED.match(folded, position):
        return True
    return position >= 2 and folded[position - 1] == "." and folded[position - 2].isdigit()


def _joins(folded: str, previous: NumeralToken, token: NumeralToken) -> bool:
    gap = folded[previous.end:token.start]
    if gap.strip(_SPACES) or token.kind not in _FOLLOWS[previous.kind]:
        return False
    return not (gap and previous.kind == token.kind == "digit")  # 九 九: two numbers


_LONGEST = 48  # tokens in one numeral; 四千五百六十九萬八千三百一十一億… has 31


def _read_run(run: list[NumeralToken]) -> list[_Numeral]:
    """The numerals of one run: the whole run when it reads as one, else the longest readable
    pieces from the left (五十千 → 五十). Digits side by side before a unit (二三十, 三四百萬:
    "twenty or thirty") and 兩兩 are rough ranges, not numbers: the run gives nothing."""
    whole = longest_numeral(run[:_LONGEST])
    if whole is not None and whole[0] == len(run):
        return [_numeral(run, whole[1])]
    if any(a.kind == b.kind == "digit" and a.end == b.start for a, b in itertools.pairwise(run)):
        return []
    numerals: list[_Numeral] = []
    first = 0
    while first < len(run):
        found = longest_numeral(run[first:first + _LONGEST])
        if found is None:
            first += 1
            continue
        count, value = found
        numerals.append(_numeral(run[first:first + count], value))
        first += count
    return numerals


def _numeral(tokens: list[NumeralToken], value: float) -> _Numeral:
    bare = all(token.kind in ("small", "big") for token in tokens)
    lone = tokens[0].char if len(tokens) == 1 and tokens[0].kind in ("digit", "zero", "small") else ""
    return _Numeral(tokens[0].start, tokens[-1].end, value, bare=bare, lone=lone)


def _with_sign(folded: str, numeral: _Numeral) -> _Numeral:
    """负三十二, 負10000, -5.4: a minus sign just before the numeral. Not in 5-20 (a range), 46-1,
    --9 or A-3."""
    start = numeral.start
    before = folded[start - 1] if start else ""
    if not before:
        return numeral
    if before in "负負" or (before == "-" and (start == 1 or not (folded[start - 2].isalnum() or folded[start - 2] in "-+.,"))):
        return replace(numeral, start=start - 1, value=-numeral.value, lone="")
    return numeral


_OVER = re.compile(r"\s*分\s*之\s*$")  # between a denominator and its numerator: 五 分之 一
_AND = re.compile(r"\s*又\s*$")  # between a whole number and its fraction: 三百五 又 三分之一


def _with_fractions(folded: str, numerals: list[_Numeral]) -> list[_Numeral]:
    """Join 五分之一 into 0.2, 三百五又三分之一 into 350.33…; a bare denominator (百分之, 千分之,
    萬分之) makes the numerator a rate: 百分之五 stays 5, marked per 100."""
    joined: list[_Numeral] = []
    for numeral in numerals:
        denominator = joined[-1] if joined else None
        if denominator is None or not _OVER.match(folded[denominator.end:numeral.start]) or not denominator.value:
            joined.append(numeral)
            continue
        joined.pop()
        if denominator.bare:
            joined.append(replace(numeral, per=denominator.value, lead=denominator.start, lone=""))
            continue
        fraction = _Numeral(denominator.start, numeral.end, numeral.value / denominator.value)
        whole = joined[-1] if joined else None
        if whole is not None and not whole.bare and whole.per is None and _AND.match(folded[whole.end:denominator.start]):
            joined.pop()
            sign = -1.0 if whole.value < 0 else 1.0
            fraction = _Numeral(whole.start, numeral.end, sign * (abs(whole.value) + fraction.value))
        joined.append(fraction)
    return joined


# Words in which a digit character is no number. A lone digit is checked with its neighbours;
# 伍 拾 肆 陸 written alone are far more often words (入伍, 收拾, 放肆, 大陸) than numerals,
# a lone 百 or 千 is a fragment (百姓, 千萬要), a lone ○ a bullet.
NOT_NUMBERS = frozenset({
    "一切", "一看", "一般", "一些", "一直", "一定", "一致", "一起", "一樣", "一样", "一旦", "一律", "一同", "一再", "一向",
    "一邊", "一边", "一貫", "一贯", "一流", "一味", "一番", "統一", "统一", "唯一", "逐一", "四川", "兩岸", "两岸", "十足", "三明",
    "零售", "零件", "零組", "零组", "零星", "零碳", "淨零", "净零", "零用", "零食", "零散",
})
_FORMAL_WORD_CHARS = "伍拾肆陆陸"


def _only_looks_like_a_number(folded: str, numeral: _Numeral) -> bool:
    if numeral.lone:
        return _lone_word(folded, numeral)
    return folded[numeral.start] in "萬万億亿兆"  # 萬萬, 萬一: a numeral never opens with 萬


def _lone_word(folded: str, numeral: _Numeral) -> bool:
    """One numeral character standing alone: a number (十斤, 一隻, 答案是四) unless it is a word."""
    if numeral.lone in _FORMAL_WORD_CHARS or numeral.lone in "百佰千仟〇○Ｏ":  # ○ alone is a bullet
        return True
    plain = numeral.lone if numeral.lone in "十拾零" else "零一二三四五六七八九"[NUMERAL_DIGITS[numeral.lone]]  # 壹切 is 一切
    before = folded[numeral.start - 1:numeral.start] if numeral.start else ""
    after = folded[numeral.end:numeral.end + 1]
    return any(before + char in NOT_NUMBERS or char + after in NOT_NUMBERS for char in {numeral.lone, plain})


# --- Percentages -------------------------------------------------------------------------------

_DIGIT_CHARS = "".join(NUMERAL_DIGITS)  # 一…九, 兩, 壹…玖
_DISCOUNT = re.compile(  # 九折 90, 75折 75, 三八折 38, 9.9折 99, 三点一折 31; not 十折, not 折合/折舊
    rf"(?<![\d.{_DIGIT_CHARS}十百千萬万億亿點点])(?P<first>[1-9{_DIGIT_CHARS}])\s*(?:(?P<point>[.點点])\s*)?"
    rf"(?P<second>[0-9零{_DIGIT_CHARS}])?\s*折(?![合算舊旧扣射線线])"
)
_HALVES = re.compile(r"(?<=打)[對对]\s*折|半\s*折|半\s*成")  # 打對折 50, 半折 50, 半成 5
_PERCENT_SIGN = re.compile(r"[ \t]*%")
_POINTS = re.compile(r"\s*[个個]?\s*[百佰]\s*分\s*[點点]")  # 六個百分點, 2.4 百分点
_TENTHS = re.compile(rf"\s*成(?![長长立本果為为功效員员交熟型形品就績绩都])(?:(?P<half>半)|\s*(?P<extra>[{_DIGIT_CHARS}])(?![{_DIGIT_CHARS}零十百千萬万]))?")


def find_percentages(text: str) -> list[RecognizedNumber]:
    """The percentages written in `text`, value in percent: 25% 25, 百分之五 5, 千分之二 0.2,
    六個百分點 6, 九成 90, 七成六 76, 三成半 35, 九折 90, 七五折 75, 打對折 50. A fraction is not a
    percentage (五百分之二 is 0.004), nor is a rough range (百分之二三十)."""
    folded = fold_width(text)
    blocked = masked_spans(folded)
    candidates = [*_discounts(folded), *_from_numerals(folded, _numerals(folded))]
    chosen: list[_Numeral] = []
    for candidate in candidates:
        if not any(candidate.start < b and a < candidate.end for a, b in blocked + [(c.start, c.end) for c in chosen]):
            chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return [RecognizedNumber(c.start, c.end, text[c.start:c.end], c.value) for c in chosen]


def _discounts(folded: str) -> list[_Numeral]:
    found = [_Numeral(m.start(), m.end(), 5.0 if m.group(0).endswith("成") else 50.0) for m in _HALVES.finditer(folded)]
    for match in _DISCOUNT.finditer(folded):
        first, second = _digit_value(match.group("first")), match.group("second")
        if second is None:
            value = first * 10
        elif match.group("point"):
            value = (first + _digit_value(second) / 10) * 10
        else:
            value = first * 10 + _digit_value(second)
        found.append(_Numeral(match.start(), match.end(), value))
    return found


def _digit_value(char: str) -> float:
    return float(char) if char.isdigit() else float(NUMERAL_DIGITS.get(char, 0))


def _from_numerals(folded: str, numerals: list[_Numeral]) -> list[_Numeral]:
    found: list[_Numeral] = []
    for numeral in numerals:
        if numeral.per is not None and numeral.lead is not None:
            found.append(_Numeral(numeral.lead, numeral.end, numeral.value * 100 / numeral.per))
            continue
        for pattern in (_PERCENT_SIGN, _POINTS):
            match = pattern.match(folded, numeral.end)
            if match:
                found.append(_Numeral(numeral.start, match.end(), numeral.value))
                break
        else:
            tenths = _TENTHS.match(folded, numeral.end)
            if tenths and 0 < numeral.value <= 10:
                extra = 5.0 if tenths.group("half") else _digit_value(tenths.group("extra")) if tenths.group("extra") else 0.0
                found.append(_Numeral(numeral.start, tenths.end(), numeral.value * 10 + extra))
    return found
