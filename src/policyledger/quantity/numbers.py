"""Numbers as Taiwanese reports write them: 17,797 / 1302.4 / 2,332 萬 / 72 萬 3,097 /
1萬0,677 / 1 億 2,545.6 萬 / 五千萬 / 百億 / 百分之三十 / 一一○ / 兩百.

`value_of_chinese` and `value_of_arabic` turn a numeral into a float; `scale_of` gives the
multiplier of a scale word (萬 1e4, 億 1e8, 兆 1e12, 千萬 1e7 …).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

CHINESE_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_POINT = "點点"

ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_ARABIC_RE = re.compile(rf"^[+-]?{ARABIC}$")


@lru_cache(maxsize=4096)  # a report writes the same numbers (1, 2, 109, 110 …) again and again
def value_of_arabic(text: str) -> float | None:
    """'17,797' → 17797.0; '-5.4' → -5.4; anything else → None."""
    cleaned = text.replace(" ", "")
    if not _ARABIC_RE.match(cleaned):
        return None
    return float(cleaned.replace(",", ""))


def scale_of(word: str) -> float:
    """Multiplier of a scale word as it stands before a unit: '萬' 1e4, '千萬' 1e7, '' 1."""
    value = 1.0
    for char in word:
        if char in BIG_UNITS:
            value *= BIG_UNITS[char]
        elif char in SMALL_UNITS:
            value *= SMALL_UNITS[char]
        else:
            raise ValueError(f"not a scale word: {word!r}")
    return value


def value_of_chinese(text: str) -> float | None:
    """A Chinese numeral: 三十 30, 一百二十三萬四千 1234000, 百 100, 兩千 2000, 一一○ 110,
    三點五 3.5. None when `text` is not a well-formed numeral."""
    if not text or any(char not in CHINESE_NUMERAL_CHARS + _POINT for char in text):
        return None
    if any(char in _POINT for char in text):
        whole, _, fraction = re.split(f"([{_POINT}])", text, maxsplit=1)
        integer = value_of_chinese(whole) if whole else 0.0
        if integer is None or not fraction or any(char not in CHINESE_DIGITS for char in fraction):
            return None
        return integer + float("0." + "".join(str(CHINESE_DIGITS[c]) for c in fraction))
    if all(char in CHINESE_DIGITS for char in text):
        # Positional digits: 一一○ = 110, 二○二○ = 2020.
        return float("".join(str(CHINESE_DIGITS[char]) for char in text))
    return _chinese_with_units(text)


def count_of(token: str) -> int:
    """A small count written in digits or a Chinese numeral (3, 三, 兩 → 3, 3, 2), 0 when unreadable."""
    return int(token) if token.isdigit() else int(value_of_chinese(token) or 0)


def _chinese_with_units(text: str) -> float | None:
    total = 0.0  # finished sections above the current big unit
    section = 0.0  # the part below the current big unit (below 萬)
    digit: float | None = None
    last_big = float("inf")
    for char in text:
        if char in CHINESE_DIGITS:
            if digit:
                return None  # two digits in a row without a unit: not a numeral
            digit = CHINESE_DIGITS[char]
        elif char in SMALL_UNITS:
            section += (digit if digit is not None else 1) * SMALL_UNITS[char]
            digit = None
        else:
            big = BIG_UNITS[char]
            if big >= last_big:
                return None
            section += digit or 0
            total += (section or 1) * big
            section, digit, last_big = 0.0, None, big
    return total + section + (digit or 0)


def combine_mixed(head: float, big_word: str, tail: float | None, tail_word: str = "") -> float:
    """72 萬 3,097 → 723097; 1 億 2,545.6 萬 → 125456000; 57.3 萬 (no tail) → 573000."""
    value = head * scale_of(big_word)
    if tail is not None:
        value += tail * (scale_of(tail_word) if tail_word else 1.0)
    return value


# --- Numerals as people write them, token by token (read by quantity.recognize) -----------------
# Beyond the report forms above: formal digits (壹貳參肆), 倆, abbreviated tails (四百五 = 450,
# 一萬三 = 13000, 千三 = 1300), 萬萬 and 萬億 (a bigger unit multiplies all before it), rough
# figures (十多萬, 二十幾億, 500 余萬 count as the round number), 半百, 打 (a dozen) and Arabic
# digits mixed in (7萬5千4百, 2千零30萬, 3萬4000). The functions above stay as they are.

NUMERAL_DIGITS: dict[str, int] = {
    **{char: value for char, value in CHINESE_DIGITS.items() if value},
    "倆": 2, "俩": 2, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "叄": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9,
}
NUMERAL_ZEROS = "零〇○Ｏ"
NUMERAL_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
NUMERAL_CHARS = "".join(NUMERAL_DIGITS) + NUMERAL_ZEROS + "".join(NUMERAL_SMALL_UNITS) + "".join(BIG_UNITS)
NOT_POSITIONAL = "兩两倆俩"  # 兩 counts things; it is never a digit of 一一○-style numbers

_DECIMAL_DIGITS = "".join(char for char in NUMERAL_DIGITS if char not in NOT_POSITIONAL) + NUMERAL_ZEROS
_DIGIT_VALUE = {**NUMERAL_DIGITS, **dict.fromkeys(NUMERAL_ZEROS, 0)}
_BIG = "".join(BIG_UNITS)
_TOKEN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("arabic", re.compile(r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|(?<![\d.])\.\d+")),
    ("digit", re.compile(f"[{''.join(NUMERAL_DIGITS)}]")),
    ("zero", re.compile(f"[{NUMERAL_ZEROS}]")),
    ("small", re.compile(r"[十拾千仟]|[百佰](?!\s*分\s*[點点比])")),  # 百分點 is a word, not 百 × 分點
    ("big", re.compile(f"[{_BIG}]")),
    ("approx", re.compile(rf"[多余餘几幾](?=\s*[{_BIG}])")),  # 十多萬: "ten-odd" ten-thousands
    ("half", re.compile(r"半(?=[百佰])")),
    ("decimal", re.compile(rf"[點点]\s*[{_DECIMAL_DIGITS}]+")),
    ("dozen", re.compile(r"打(?![折扣算造工開开擊击敗败破球卡])")),
)
_SCIENTIFIC = re.compile(
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|(?<![\d.])\.\d+)"
    r"(?:[eE](?P<exp>[+-]?\d+)|\^(?P<pow>[+-]*\d+(?:\.\d+)?))?(?:\s?(?P<suffix>[kKM])(?![A-Za-z]))?"
)
_SUFFIX = {"k": 1e3, "K": 1e3, "M": 1e6}


@dataclass(frozen=True)
class NumeralToken:
    """One piece of a written numeral. `kind`: arabic (a plain Arabic number), literal (a
    complete number that takes no units: 2e5, 2^5, 40k, 3/5), digit, zero, small (十百千),
    big (萬億兆), approx (多 余 幾 before a big unit), half (半 of 半百), decimal (點五), dozen (打)."""

    kind: str
    start: int
    end: int
    value: float
    char: str = ""  # the digit as written, for positional numerals (一一○)


def numeral_token_at(text: str, position: int) -> NumeralToken | None:
    """The numeral token that starts at `position` of `text` (half-width digits), or None."""
    scientific = _SCIENTIFIC.match(text, position)
    if scientific and any(scientific.group(name) for name in ("exp", "pow", "suffix")):
        value = _scientific_value(scientific)
        if value is not None:
            return NumeralToken("literal", position, scientific.end(), value)
    for kind, pattern in _TOKEN_PATTERNS:
        match = pattern.match(text, position)
        if match:
            return NumeralToken(kind, position, match.end(), _token_value(kind, match.group(0)), match.group(0))
    return None


def _scientific_value(match: re.Match[str]) -> float | None:
    """2e5, 2.5^-1, -1.1^--23 (the signs of the power multiply), 40k; None when out of range."""
    value = float(match.group("num").replace(",", ""))
    try:
        if match.group("exp"):
            value *= 10.0 ** int(match.group("exp"))
        if match.group("pow"):
            power = match.group("pow")
            sign = -1 if power.count("-") % 2 else 1
            value **= sign * float(power.lstrip("+-"))
    except (OverflowError, ZeroDivisionError):
        return None
    value *= _SUFFIX.get(match.group("suffix") or "", 1.0)
    return value if math.isfinite(value) else None


def _token_value(kind: str, written: str) -> float:
    if kind == "arabic":
        return float(written.replace(",", ""))
    if kind in ("digit", "zero"):
        return float(_DIGIT_VALUE[written])
    if kind == "small":
        return float(NUMERAL_SMALL_UNITS[written])
    if kind == "big":
        return float(BIG_UNITS[written])
    if kind == "half":
        return 0.5
    if kind == "decimal":
        digits = re.sub(r"[點点\s]", "", written)
        return float("0." + "".join(str(_DIGIT_VALUE[char]) for char in digits))
    return 12.0 if kind == "dozen" else 0.0  # approx counts as nothing: 十多萬 is 十萬


def value_of_numeral(text: str) -> float | None:
    """A whole numeral as people write it: 四百五 450, 7萬 5千 4百 75400, 壹佰伍拾 150,
    十多萬 100000, 兩千萬點五五 20000000.55. None when `text` is not one numeral."""
    tokens: list[NumeralToken] = []
    position = len(text) - len(text.lstrip())
    while position < len(text):
        token = numeral_token_at(text, position)
        if token is None:
            return None
        tokens.append(token)
        position = token.end
        while position < len(text) and text[position].isspace():
            position += 1
    return value_of_tokens(tokens)


def value_of_tokens(tokens: list[NumeralToken]) -> float | None:
    """The value of a sequence of numeral tokens, or None when they do not make one numeral."""
    longest = longest_numeral(tokens)
    return longest[1] if longest is not None and longest[0] == len(tokens) else None


def longest_numeral(tokens: list[NumeralToken]) -> tuple[int, float] | None:
    """The longest leading part of `tokens` that is one numeral, as (token count, value):
    五十千 → (2, 50.0), since 千 cannot follow 十. None when not even the first token is one."""
    if not tokens:
        return None
    if tokens[0].kind == "literal":
        return 1, tokens[0].value
    positional = _positional_length(tokens)
    if positional > 1:
        return positional, float("".join(str(_DIGIT_VALUE[token.char]) for token in tokens[:positional]))
    longest: tuple[int, float] | None = None
    reader = _NumeralReader()
    for count, token in enumerate(tokens, 1):
        if not reader.feed(token):
            break
        if math.isfinite(value := reader.result()):
            longest = count, value
    return longest


def _positional_length(tokens: list[NumeralToken]) -> int:
    """一一○ = 110, 二○二○ = 2020: how many digits stand side by side, no units, no 兩, at the start."""
    count = 0
    for token in tokens:
        contiguous = count == 0 or tokens[count - 1].end == token.start
        if token.kind not in ("digit", "zero") or token.char in NOT_POSITIONAL or not contiguous:
            break
        count += 1
    return count


class _NumeralReader:
    """Reads tokens left to right the way the numeral is spoken: sections below 萬 are summed,
    a big unit closes a section (or, when it is not smaller than the last one, multiplies
    everything so far: 萬億, 萬萬), a lone trailing digit after a unit is one step below it."""

    def __init__(self) -> None:
        self.total = 0.0  # closed sections
        self.section = 0.0  # the open section, below the last big unit
        self.digit: NumeralToken | None = None  # a number waiting for its unit
        self.unit_before_digit: float | None = None  # 百 in 四百五: the digit is 五十
        self.last_unit: float | None = None  # the unit token just read, if the last token was one
        self.last_small: float | None = None
        self.last_big: float | None = None
        self.closed = False  # after a decimal only a big unit may follow; after 打 nothing
        self.dozen = 1.0
        self.seen = False

    def feed(self, token: NumeralToken) -> bool:
        if self.dozen != 1.0 or (self.closed and token.kind not in ("big", "dozen")):
            return False
        accepted = getattr(self, f"_{token.kind}")(token)
        self.seen = True
        return accepted

    def result(self) -> float:
        """The value of what was read so far (reading may go on)."""
        return (self.total + self.section + self._digit_value()) * self.dozen

    def _number(self, token: NumeralToken) -> bool:
        if self.digit is not None:
            return False
        self.digit = token
        self.unit_before_digit = self.last_unit if token.kind == "digit" else None
        self.last_unit = None
        return True

    _digit = _arabic = _half = _number

    def _approx(self, token: NumeralToken) -> bool:
        """十多萬 (多 stands where a digit would), 500余萬 (a rough tail on a number): nothing to add."""
        return self._number(token) if self.digit is None else True

    def _literal(self, token: NumeralToken) -> bool:
        return False  # 2e5, 40k, 3/5 stand alone

    def _zero(self, token: NumeralToken) -> bool:
        if self.digit is not None:
            return False
        self.last_unit = None
        return True

    def _small(self, token: NumeralToken) -> bool:
        if self.last_small is not None and self.last_small <= token.value:
            return False  # 五十千 is not a numeral
        multiplier = self.digit.value if self.digit is not None else 1.0
        self.section += multiplier * token.value
        self.digit, self.last_small, self.last_unit = None, token.value, token.value
        return True

    def _big(self, token: NumeralToken) -> bool:
        count = self.section + (self.digit.value if self.digit is not None else 0.0)
        if self.last_big is None or token.value >= self.last_big:
            self.total = (self.total + count or 1.0) * token.value
        elif count:
            self.total += count * token.value
        else:
            return False
        self.section, self.digit, self.last_small, self.closed = 0.0, None, None, False
        self.last_big = self.last_unit = token.value
        return True

    def _decimal(self, token: NumeralToken) -> bool:
        if not self.seen:
            return False
        self._settle_digit()
        self.section += token.value
        self.closed = True
        return True

    def _dozen(self, token: NumeralToken) -> bool:
        if not self.seen:
            return False
        self._settle_digit()
        self.dozen = token.value
        return True

    def _settle_digit(self) -> None:
        self.section += self._digit_value()
        self.digit = None

    def _digit_value(self) -> float:
        if self.digit is None:
            return 0.0
        if self.unit_before_digit:  # 四百五: 五 after 百 is fifty
            return self.digit.value * self.unit_before_digit / 10
        return self.digit.value
