"""Units as reports write them, and what each one means.

Physical units are converted by pint, from our own small registry (`units.txt`: pint's
definition format, with the Chinese names). Money, percentages and counting nouns are not
physical quantities: they are tables here. A written unit may carry a scale word in front
(萬瓩, 億美元, 千萬元, 萬人次): `match_unit` splits it off and `normalize` applies it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from policyledger.quantity.numbers import scale_of

if TYPE_CHECKING:
    import pint

REGISTRY_FILE = Path(__file__).with_name("units.txt")


@dataclass(frozen=True)
class UnitSpec:
    dimension: str  # money, count, power, energy, area, mass, volume, length, duration, age, percent, ratio, price, rate,
    # data_rate, data, frequency, dose, radioactivity
    base_unit: str  # TWD, kW, ha, 家 …
    pint_unit: str | None = None  # converted to `pint_target` by pint
    pint_target: str | None = None
    factor: float = 1.0  # for non-physical units (成 → 10 percent)


# Money: currency words after an optional scale (元 is TWD unless another currency is named).
CURRENCIES: dict[str, str] = {
    "元": "TWD", "新臺幣元": "TWD", "臺幣": "TWD", "美元": "USD", "美金": "USD", "歐元": "EUR",
    "日圓": "JPY", "日元": "JPY", "日幣": "JPY", "人民幣": "CNY", "港幣": "HKD", "港元": "HKD",
    "英鎊": "GBP", "新加坡幣": "SGD", "澳幣": "AUD", "韓元": "KRW", "澳門幣": "MOP",
}
# A currency named before its amount, which then ends in 元: '人民幣 134.9 兆元', '約新臺幣 46 億元'.
CURRENCIES_BEFORE: dict[str, str] = {
    "新臺幣": "TWD", "新台幣": "TWD", "臺幣": "TWD", "台幣": "TWD", "人民幣": "CNY", "港幣": "HKD", "澳門幣": "MOP",
    "美金": "USD", "日幣": "JPY", "新加坡幣": "SGD", "澳幣": "AUD",
}
CURRENCY_BEFORE = re.compile(rf"(?:{'|'.join(sorted(CURRENCIES_BEFORE, key=len, reverse=True))})\s*$")

PERCENT: dict[str, UnitSpec] = {
    "%": UnitSpec("percent", "percent"),
    "成": UnitSpec("percent", "percent", factor=10.0),
    "折": UnitSpec("percent", "percent", factor=10.0),  # 票價 5 折: half the price
    "百分點": UnitSpec("percent", "percentage_point"),
    "個百分點": UnitSpec("percent", "percentage_point"),
    "碼": UnitSpec("percent", "percentage_point", factor=0.25),  # a central bank's quarter point: 降息 1 碼
    "倍": UnitSpec("ratio", "times"),
    "ppm": UnitSpec("ratio", "ppm"),
    "‰": UnitSpec("percent", "percent", factor=0.1),
}


def _physical(dimension: str, target: str, *names: str) -> dict[str, UnitSpec]:
    return {name: UnitSpec(dimension, target, name, target) for name in names}


PHYSICAL: dict[str, UnitSpec] = {
    **_physical("power", "kW", "kW", "MW", "GW", "TW", "瓩", "千瓩", "千瓦", "W"),
    **_physical("energy", "kWh", "kWh", "MWh", "GWh", "TWh", "度", "度電", "千瓦時"),
    **_physical("area", "ha", "公頃", "ha"),
    **{"平方公里": UnitSpec("area", "ha", "平方公里", "ha")},
    **_physical("area", "m2", "坪", "平方公尺", "平方米", "m2"),
    **_physical("mass", "t", "公噸", "噸", "tCO2e", "公斤", "千克", "kg", "公克", "毫克", "微克", "mg", "μg"),
    **_physical("volume", "m3", "立方公尺", "立方米", "公秉", "公升", "毫升", "cc", "c.c.", "m3", "Nm3"),  # 12 μg/m3, 50 mg/Nm3: concentrations
    **_physical("length", "km", "公里", "km", "千米", "公尺", "海浬", "浬", "公分", "毫米", "公釐", "mm"),  # one base unit a dimension: 173 萬公尺 = 1,730 km
    **_physical("duration", "year", "年"),
    **_physical("duration", "month", "個月", "個多月"),
    **_physical("duration", "day", "天", "日", "週", "周", "工作天", "個工作天", "工作日", "個工作日"),
    **_physical("duration", "hour", "小時", "個小時"),
    **_physical("duration", "hour", "分鐘"),  # 48 分鐘 = 0.8 hour: hour is the base of the conventions
    **_physical("duration", "second", "秒"),
    **_physical("age", "year", "歲"),  # 年滿 65 歲: an age, in years
    **_physical("data_rate", "bit/s", "bps", "kbps", "Kbps", "Mbps", "Gbps", "Tbps"),
    **_physical("data", "B", "KB", "MB", "GB", "TB", "PB"),
    **_physical("frequency", "Hz", "Hz", "kHz", "MHz", "GHz"),
    **_physical("dose", "mSv", "毫西弗", "微西弗", "西弗", "mSv", "μSv"),
    **_physical("radioactivity", "Bq", "貝克", "Bq"),
    **_physical("illuminance", "lux", "勒克斯", "lux"),
    **_physical("temperature", "degC", "℃", "°C"),  # 高溫 38℃ 以上: a threshold of heat, never converted
}

# Counting nouns keep their noun as unit; 台 is written 臺.
COUNTERS: tuple[str, ...] = (
    "家次", "人次", "場次", "班次", "項次", "通次", "件次", "案次", "車次", "梯次", "架次", "航次", "戶次", "團次", "期次",
    "縣市", "鄉鎮市區", "鄉鎮市", "鄉鎮", "家", "人", "案", "件", "項", "座", "臺", "台", "戶", "場", "班", "處", "套", "筆", "次",
    "個", "部", "間", "份", "位", "式", "國", "所", "種", "類", "批", "艘", "架", "輛", "棟", "名", "張", "條",
    "支", "隻", "株", "團", "堂", "校", "站", "組", "篇", "本", "冊", "則", "款", "檔", "瓶", "包", "箱", "片",
    "顆", "頁", "枚", "具", "口", "座次", "隊", "面", "只", "只次", "門", "科", "項目", "區", "廠", "層", "床",
    "礦次", "礦", "幅", "系列", "領域", "點", "展", "通", "職類", "頭", "尾", "列", "旅次", "間夜", "TEU", "例", "劑", "房", "園",
    "艘次", "起", "對", "枝", "站日", "輛次", "席", "批次", "處次", "根", "櫃",
    "劑次", "族", "課", "節", "位元", "集", "營", "人日", "人月", "段", "屆", "封", "餐", "錠", "村里", "回合", "站次",
    # 64 束 (fuel bundles), 25 萬 3,539 桶 (drums of waste), 2 孔 (boreholes), 3,250 題 (exam questions), 7 港 (ports)
    "束", "桶", "孔", "件組", "票", "人份", "里次", "則次", "報", "題", "港", "趟", "趟次", "圈", "景", "點次", "格", "回線",
)
_COUNTER_CANON = {"台": "臺"}

SCALE_WORDS = ("千萬", "百萬", "千億", "百億", "十億", "萬", "億", "兆", "千", "百")


@dataclass(frozen=True)
class UnitMatch:
    text: str  # the unit as written, e.g. "億美元", "萬瓩", "元/瓶"
    scale: str  # the scale word in it, e.g. "億"
    core: str  # the unit without scale, e.g. "美元"
    spec: UnitSpec
    end: int  # offset just past the unit in the searched text


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


_MONEY_CORE = _alternation(list(CURRENCIES))
_PHYSICAL_CORE = _alternation(list(PHYSICAL))
_PERCENT_CORE = _alternation(list(PERCENT))
_COUNTER_CORE = _alternation(list(COUNTERS))
_SCALE = _alternation(list(SCALE_WORDS))
# A ratio of two quantities written as one unit (4.3 公升油當量/千元, 16.842 分鐘/戶, 0.187 次/戶): kept as written.
_INTENSITY_RE = re.compile(rf"(?:{_PHYSICAL_CORE})[\u4e00-\u9fff]{{0,4}}/(?:{_SCALE})?(?:{_MONEY_CORE}|{_PHYSICAL_CORE})"
                           rf"|(?:{_PHYSICAL_CORE}|{_COUNTER_CORE})/(?:{_COUNTER_CORE})")
_INTENSITY_SLASH_WITHIN = max(map(len, PHYSICAL)) + 4 + 1  # its / comes after a unit and 4 characters at most
# A price per physical unit keeps a denominator a reader knows (元/公斤 → TWD/kg, 元/公頃 → TWD/ha).
PRICE_DENOMINATORS: dict[str, str] = {
    "公斤": "kg", "公頃": "ha", "公噸": "t", "噸": "t", "度": "kWh", "公升": "L", "立方公尺": "m3", "平方公尺": "m2", "坪": "坪", "公里": "km",
}
_PER_PHYSICAL = _alternation(list(PRICE_DENOMINATORS))
_UNIT_RE = re.compile(
    rf"(?P<scale>{_SCALE})?\s?(?:(?P<money>{_MONEY_CORE})(?:/(?:(?P<per_measure>{_PER_PHYSICAL})|(?P<per>{_COUNTER_CORE})|(?P<per_period>月|年|日|天|小時)))?"
    rf"|(?P<physical>{_PHYSICAL_CORE})(?:/(?P<per_time>日|天|年|月))?"
    rf"|(?P<percent>{_PERCENT_CORE})|(?P<counter>{_COUNTER_CORE}))"
)


_NEXT_IN_RANK = re.compile(r"之\s*[，,。；;、]")


def match_unit(text: str, position: int) -> UnitMatch | None:
    """The unit written at `position` of `text` (after the number and its spaces), or None."""
    intensity = _INTENSITY_RE.match(text, position) if text.find("/", position, position + _INTENSITY_SLASH_WITHIN) >= 0 else None
    if intensity:
        written = intensity.group(0)
        return UnitMatch(written, "", written, UnitSpec("intensity", written), intensity.end())
    match = _UNIT_RE.match(text, position)
    if match and match.group("counter") and match.group(0).endswith("次") and _NEXT_IN_RANK.match(text, match.end()):
        match = _UNIT_RE.match(text, position, match.end() - 1)  # '警察 3 萬 1,240 人次之，': 人, then 次之 (second to it)
    if match and _RUNS_ON_IN_LETTERS.match(text, match.end()) and match.group(0)[-1:].isascii() and match.group(0)[-1:].isalpha():
        return None  # '436 had been restored': no ha, a word of a line in English
    read = _read_unit(match.group(0)) if match else None
    return UnitMatch(*read, match.end()) if match and read else None


_RUNS_ON_IN_LETTERS = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1024)
def _read_unit(written: str) -> tuple[str, str, str, UnitSpec] | None:
    """(text without spaces, scale, core, spec) of a unit as `_UNIT_RE` matched it, or None where
    it is no unit. A report writes the same few units again and again: each is read once."""
    match = _UNIT_RE.match(written)
    assert match is not None
    scale = match.group("scale") or ""
    if match.group("money"):
        core = match.group("money")
        currency = CURRENCIES[core]
        per = match.group("per")
        if match.group("per_measure"):
            core = f"{core}/{match.group('per_measure')}"
            spec = UnitSpec("price", f"{currency}/{PRICE_DENOMINATORS[match.group('per_measure')]}")
        elif per:
            core = f"{core}/{per}"
            spec = UnitSpec("price", f"{currency}/{_canon_counter(per)}")
        elif match.group("per_period"):  # 6,480 元/月: so much a month
            core = f"{core}/{match.group('per_period')}"
            spec = UnitSpec("price", f"{currency}/{match.group('per_period')}")
        else:
            spec = UnitSpec("money", currency)
    elif match.group("physical"):
        core = match.group("physical")
        spec = PHYSICAL[core]
        if match.group("per_time"):
            core = f"{core}/{match.group('per_time')}"
            spec = UnitSpec("rate", f"{spec.base_unit}/day", spec.pint_unit, spec.pint_target)
    elif match.group("percent"):
        core = match.group("percent")
        spec = PERCENT[core]
        if scale:  # "百分點" is not 百 × 分點; scales never go before percentages
            return None
    else:
        core = match.group("counter")
        spec = UnitSpec("count", _canon_counter(core))
    return re.sub(r"\s", "", written), scale, core, spec


def _canon_counter(noun: str) -> str:
    return "".join(_COUNTER_CANON.get(char, char) for char in noun)


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """pint and its registry are loaded on the first conversion, not on import (a tenth of a second)."""
    import pint

    return pint.UnitRegistry(filename=str(REGISTRY_FILE))


@lru_cache(maxsize=256)
def conversion_factor(unit: str, target: str) -> float:
    """How many `target` one `unit` is, by pint (e.g. 坪 → m2: 3.305785)."""
    known = _remembered_factors().get(f"{unit}>{target}")
    if known is not None:
        return known
    return _pint_factor(unit, target)


def _pint_factor(unit: str, target: str) -> float:
    return float(registry().Quantity(1.0, _pint_name(unit)).to(_pint_name(target)).magnitude)


@lru_cache(maxsize=1)
def _remembered_factors() -> dict[str, float]:
    """Every factor the units table needs, computed by pint once per version of the registry
    and remembered in the user's cache folder: importing pint costs each new process about
    0.14 s CPU, more than parsing a report's figures. Any trouble with the cache: pint."""
    cache = _factor_cache_file()
    try:
        return {key: float(value) for key, value in json.loads(cache.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, AttributeError):
        pass
    pairs = {(spec.pint_unit, spec.pint_target) for spec in PHYSICAL.values() if spec.pint_unit and spec.pint_target}
    pairs |= {(spec.pint_unit, "m3") for spec in PHYSICAL.values() if spec.pint_unit and spec.base_unit == "m3"}
    factors = {f"{unit}>{target}": _pint_factor(unit, target) for unit, target in sorted(pairs)}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(factors, ensure_ascii=False), encoding="utf-8")
        partial.replace(cache)  # atomic: a concurrent reader sees the old file or the whole new one
    except OSError:
        pass  # a read-only home: pint again next time
    return factors


def _factor_cache_file() -> Path:
    digest = hashlib.sha256(REGISTRY_FILE.read_bytes() + repr(sorted((k, v.pint_unit, v.pint_target) for k, v in PHYSICAL.items())).encode()).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "policyledger" / f"unit-factors-{digest}.json"


_PINT_NAMES = {
    "c.c.": "cc", "個多月": "個月", "個小時": "小時", "周": "週", "度電": "度", "千瓩": "MW",
    "m2": "square_meter", "m3": "cubic_meter", "℃": "degC", "°C": "degC",
}


def _pint_name(unit: str) -> str:
    return _PINT_NAMES.get(unit, unit)


# The base units that water changes: 噸 of water is a cubic metre, a daily amount of it a flow.
WATER_BASE_UNITS = ("t", "m3", "t/day", "m3/day")


def reads_water(unit: UnitMatch) -> bool:
    """Whether `normalize` reads `unit` differently for water (its `water` and `per_day`). A metric
    tonne written as such (公噸: 削減生化需氧量 3 萬 4,800 公噸; tCO2e) is a mass even beside water."""
    physical = bool(unit.spec.pint_unit and unit.spec.pint_target)
    return physical and unit.spec.base_unit in WATER_BASE_UNITS and not unit.core.startswith(("公噸", "公斤", "千克", "kg", "tCO2e"))


def normalize(value: float, unit: UnitMatch, *, water: bool = False, per_day: bool = False) -> tuple[str, float, str]:
    """(dimension, base value, base unit) of `value` written with `unit`.

    `water`: the clause is about water, where 噸 means a cubic metre of water; `per_day`: the
    amount is a daily one (每日 4 萬噸), a flow in m3/day."""
    dimension, base_value, base_unit = _in_base_unit(value, unit, water=water, per_day=per_day)
    return dimension, _significant(base_value), base_unit


def _significant(value: float) -> float:
    """Binary floating point's noise taken off a product (277.6 × 10⁸ = 27760000000.000004):
    twelve significant digits are more than any report writes."""
    return float(f"{value:.12g}")


def _in_base_unit(value: float, unit: UnitMatch, *, water: bool, per_day: bool) -> tuple[str, float, str]:
    spec = unit.spec
    scaled = value * scale_of(unit.scale)
    if spec.pint_unit and spec.pint_target:
        if water and spec.base_unit in WATER_BASE_UNITS:
            factor = 1.0 if spec.base_unit.startswith("t") else conversion_factor(spec.pint_unit, "m3")
            if per_day or spec.dimension == "rate":
                return "rate", scaled * factor, "m3/day"
            return "volume", scaled * factor, "m3"
        factor = conversion_factor(spec.pint_unit, spec.pint_target)
        return spec.dimension, scaled * factor, spec.base_unit
    return spec.dimension, scaled * spec.factor, spec.base_unit
