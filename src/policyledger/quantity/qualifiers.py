"""A figure's qualifier: the word that directly governs it — just before it (約, 逾, 約占), a cap a
few words before with no other figure between (最高, 上限, 至少), or after it (以上, 內)
(claims-conventions.md: exact, approx, more_than, at_least, nearly, up_to; range is the figure's own)."""

from __future__ import annotations

import re

from policyledger.quantity.clauses import CLAUSE_BREAK
from policyledger.quantity.figures import Figure
from policyledger.quantity.units import CURRENCY_BEFORE
from policyledger.textnorm import compact

_YUE = r"(?<![合契條預節公規簽履解違制邀特誓])約"
_QUALIFIER_BEFORE = (
    # 約, not the 約 of a word (委製合約 686 億元, 契約, 條約, 節約)
    (re.compile(rf"(?:大約|約達|達約|共約|計約|約為|{_YUE})(?:占|佔|為|達)?$|{_YUE}(?:占|佔)[^\d，。；]{{0,14}}的?$|{_YUE}可[\u4e00-\u9fff]{{0,3}}$"), "approx"),
    (re.compile(r"(?:(?<!不)(?<!不[得可應能])超過|(?<!未)逾|高於|大於|多於)$"), "more_than"),  # not 不(得)超過 or 未逾, at most
    (re.compile(r"(?:將近|接近|近)$"), "nearly"),
    (re.compile(r"(?:至少|最少|最低|不[得可應能]?少於|不[得可應能]?低於|年滿|(?<!未)滿)$"), "at_least"),
    (re.compile(r"(?:上限為?|最高為?|最多為?|最長為?|至多|不[得可應能]?超過|未逾|低於|少於|未滿|未達|不到|不足|(?<![無不])限(?:用|購|領|申請)?)$"), "up_to"),
)
# Any of them: most figures have none, and one search says so for all five.
_ANY_QUALIFIER_BEFORE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _QUALIFIER_BEFORE))
_QUALIFIER_AFTER = (
    (re.compile(r"^(?:以上|之上)"), "more_than"),
    (re.compile(r"^左右"), "approx"),  # 兩成左右
    (re.compile(r"^(?:以下|以內|之內|內|範圍內|為限)"), "up_to"),
)
# '平均電價 3%之調幅上限', '以 3 萬元為上限': a cap named after the figure.
_CAP_AFTER = re.compile(r"\s*(?:之|為)\s*[\u4e00-\u9fff]{0,4}上限(?!為)")
CAP_BEFORE = re.compile(r"(最高|最多|最大|最長|至多|上限|不得超過|不超過|至少|最低(?!工資)|不得低於|不得少於)[^\d，。；、]{0,8}$")  # 最低工資: a wage's name
_CAPS = ("最高", "最多", "最大", "最長", "至多", "上限", "不得超過", "不超過")
# '每季至多補貼該企業正職員工 3 個月經常性薪資費用 4 成': the cap is on the rate; the months
# only say what the rate is of (claims-conventions.md, case 5).
_CAP_OVER_A_PERIOD = re.compile(r"(?:最高|最多|至多|上限)[^\d，。；、]{0,12}$")


def _capped_rate_of_a_period(text: str, figure: Figure, previous: Figure | None) -> bool:
    if previous is None or figure.unit.spec.dimension != "percent" or previous.unit.spec.dimension != "duration":
        return False
    if CLAUSE_BREAK.search(text, previous.end, figure.start):
        return False
    return bool(_CAP_OVER_A_PERIOD.search(compact(text[max(0, previous.start - 16):previous.start])))


_CAPPED_RATE = re.compile(r"(?:最高|最多|至多|上限)[^，。；]{0,30}利率\s*(?:加)?$")


def _capped_rate(text: str, figure: Figure, previous: Figure | None) -> bool:
    """'最高按中華郵政 1 年期定期儲金機動利率 0.81%': the cap reaches over the rate's name."""
    if figure.unit.spec.dimension != "percent":
        return False
    start = max(previous.end if previous else 0, figure.start - 40)
    window = text[start:figure.start]
    return "利率" in window and _CAPPED_RATE.search(compact(window)) is not None


_SOME_SCORE = re.compile(r"(?<![無以])[數上]$")  # 數十, 上百 (not 無數, 以上)
_A_ROUND_SCORE = re.compile(r"[十百千萬](?![分])")  # not 總人數百分之一
_ODD_FIGURE = re.compile(r"[\d十萬億千百]\s*(?:餘|多)\s*\S+$")  # 20 餘家, 3 多萬人, 三十餘國


def qualifier_of(text: str, figure: Figure, previous: Figure | None) -> str:
    """The word that directly governs the figure: just before it (約, 逾, 約占), or a cap word
    (最高, 上限, 至少) a few words before with no other figure between; or after it (以上, 內)."""
    if _SOME_SCORE.search(text, max(0, figure.start - 1), figure.start) and _A_ROUND_SCORE.match(text, figure.start):
        return "more_than" if text[figure.start - 1] == "數" else "at_least"  # 數十家: over ten; 上百億元: a hundred and up
    wide = text[max(0, figure.start - 24):figure.start]  # 約占本期核准對中國大陸投資總額的 86.6％
    before = CURRENCY_BEFORE.sub("", compact(wide if "占" in wide or "佔" in wide else wide[-12:]))  # 約新臺幣 46 億元
    if _ANY_QUALIFIER_BEFORE.search(before):
        for pattern, name in _QUALIFIER_BEFORE:
            if pattern.search(before):
                return name
    previous_end = previous.end if previous else 0
    window = compact(text[max(previous_end, figure.start - 12):figure.start])
    cap = CAP_BEFORE.search(window)
    if cap:
        return "up_to" if cap.group(1) in _CAPS else "at_least"
    if _capped_rate_of_a_period(text, figure, previous) or _capped_rate(text, figure, previous):
        return "up_to"
    after = text[figure.end:figure.end + 4].lstrip()
    for pattern, name in _QUALIFIER_AFTER:
        if pattern.match(after):
            if name == "up_to" and after.startswith("內") and figure.unit.spec.dimension != "duration":
                continue
            return name
    if _CAP_AFTER.match(text, figure.end, figure.end + 12):
        return "up_to"
    if _ODD_FIGURE.search(text, figure.start, figure.end):
        return "more_than"
    if figure.unit.spec.dimension == "duration" and after[:1] in ("多", "餘"):
        return "more_than"  # 歷經 2 年多時間
    return "exact"
