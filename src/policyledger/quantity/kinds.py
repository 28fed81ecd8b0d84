"""A figure's kind, from the cues in its own clause: rule > target > forecast > change > share >
actual (claims-conventions.md), a target cue carrying over the later clauses of its sentence."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from policyledger.quantity.clauses import CLAUSE_BREAK, start_of_sentence
from policyledger.quantity.figures import Figure
from policyledger.quantity.qualifiers import CAP_BEFORE
from policyledger.textnorm import compact

_RULE = re.compile(
    r"上限|費率|(?<!得標)(?<!平均)利率|保證成數|成數|門檻|年限|期限|限期|補貼期間|補助期間|不得|明定|得申請|為限|申請資格|符合資格者|定義|持股|最高補助|補助比例|"
    r"補貼.{0,12}\d+\s*成|以上者|以下者|之艱困|一次性|計算方式|認定標準|補貼措施|應達|依法規定|條規定|基本工資|年息|罰鍰(?:提高|調高|調整|由|為)|"
    r"補助比率|補貼比率|一律|(?<!許)可申請|額度(?:最高|最多|上限)|(?:必須|須|應)(?:於|使|在|接受|完成|設置|提繳|提撥|達|為)|最低標準|最低實收資本額|"
    r"扣繳|代扣|稅率(?![^，。；]{0,4}(?:調降|調升|調高|降低|提高|下降))|免納|免稅|效期|有效期間|役期|服役期間|薪俸|"  # not 稅率進一步調降(4.1%-7.5%), a cut
    r"規定(?=[^，。；、]{0,24}(?:應|至少|不得|不少於|以上))|"
    # penalties a law sets, limits and standards, quarantine terms, tax and prize schedules
    r"有期徒刑|拘役|罰金|罰鍰額度|容許量|容許值|品質標準|排放標準|管制標準|範圍內|扣除額|免稅額|"
    r"分離課稅|兌獎期間|面額"
)
# A fee an agency sets ('申請規費 3,000 元'), not the fees it took in ('規費收入 16.84 億元', '商標規費 3.51 億元').
_FEE = re.compile(r"規費(?!收入|收繳|收益|總額|合計)|手續費(?!收入|收益)")
_SCALES_OF_TAKINGS = ("億", "兆")
_RATE_MOVED = re.compile(r"降息|升息|調降|調升|調高|調低|下調|上調|減碼|加碼")


def _moves_a_rate(text: str, figure: Figure, clause_start: int) -> bool:
    """'累計調降存款機制利率 1 個百分點', '連續降息，累計 2 碼': so many points a rate moved (not a law's
    yearly step, '依…規定每年調高 0.5 百分點', a rule)."""
    if figure.unit.spec.base_unit != "percentage_point":
        return False
    before = text[start_of_sentence(text, clause_start):figure.start]
    return _RATE_MOVED.search(before) is not None and _REGULATION.search(before) is None


# An entry of a schedule: '逾 2 年未逾 5 年者 35%', '按直轄市 61.76%、縣（市）24%' — the rate set for a class.
_SCHEDULE_ENTRY = re.compile(r"(?:年者|元者|歲者)$|按(?:直轄市|縣|鄉|每)[^，。；\d]{0,6}$")
# A threshold naming a class of things: 設置未達 2MW 再生能源發電設備 (not 出口未達 100 億元。).
_BELOW_CLASS = re.compile(r"未達\s*$")
_NOUN_AFTER = re.compile(r"\s*[\u4e00-\u9fff]")
# Relief, bonus and cost-share words set a rate (減免 80%, 電價可加成 6％, 由政府負擔…之 80%); the amount relieved
# (截至 110 年 2 月底，水費減免 7.1 億元) is what was given, an actual figure.
_RATE_RULE = re.compile(r"減免|免收|全免|減碼|減收|減半|加成|利息|負擔[^，。；]{0,24}之\s*$|(?:補貼|補助)[^，。；率\d]{0,12}$")
# A benefit paid right after the figure: the rate it is paid at ('按基本工資 60% 按月發給', '按…差額之
# 50% 發給') or how long ('分 3 個月按月發給').
_PAID_AFTER = re.compile(r"^\s*(?:按月|按日|按次)?(?:發給|計給|給付|補助|補貼)")
# A per-recipient amount, or a cap on one: '每人每月發給就業獎勵 1 萬元', '每家補助 30 萬元', '每團至少
# 15 人', '每月最高 100 小時': what a scheme grants or requires, not what it gave ('平均每人領取 1 萬 3,143 元').
_PER_RECIPIENT = re.compile(
    r"每(?:人|家|戶|團|房|輛|車|案|校|班|名|位|艘|頭|床|間|場|件|子女|員工|學員|公頃|公斤|單位)[^，。；、\d]{0,12}$"
    r"|每(?:月|日|週|季|小時|次)[\u4e00-\u9fff]{0,4}?(?:最高|最多|至多|至少|最低|上限|不超過|不得超過)[^，。；、\d]{0,4}$"  # 每月繳費不超過; not 每年至少 1 GW, a goal
    r"|每年(?:最高|最多|至多|上限)[^，。；、\d]{0,4}$"  # 修繕費每年最高 1 萬元
    r"|每[\u4e00-\u9fff]{1,2}(?:補助|補貼|發給|加發|獎勵|給付|補償|折抵|核發|減免|課徵|徵收)[^，。；、\d]{0,6}$"  # 每餐補助 6 元, 每千支課徵菸稅
    r"|(?:補貼|補助|發給|津貼|獎勵|給付)[^，。；、\d]{0,8}每(?:月|日|小時|次|季|週)$"  # 發給訓練津貼每小時 160 元
    r"|每(?![年月日週季])[\u4e00-\u9fff]{1,2}(?:最高|最多|至多|至少|最低|上限)[^，。；、\d]{0,4}$"  # 每部最高 3,000 萬元, 每杯至少折價 5 元
    r"|第\s*\d+\s*名(?:以[上後])?子女[^，。；、\d]{0,4}$"  # 第 3 名以後子女 4,500 元: a tier of a benefit
    r"|(?:調高|調整|提高|調升|調降)為每[\u4e00-\u9fff]{1,2}$"  # 起調高為每月 3,500 元: a rate's new level
    r"|(?:特別|特|[頭二三四五六])獎(?:另設)?$|專屬獎另設$"  # 每期開出特別獎 1,000 萬元: a prize schedule
)
# How long a benefit is paid: '最長 6 個月', '第 2 期延長為 6 個月' — not a wait shortened '從最長 2 個月';
# or a term the law sets: '入境後居家檢疫 14 天', '依法服 4 個月軍事訓練役'.
_GRANT_TERM = re.compile(r"(?:補貼|補助|發給|給付|核發|津貼|獎勵|獎助|延長為|(?<![從由])最長|得延長|居家檢疫|自主健康管理|依法服)[^，。；、\d]{0,8}$")
# '連署期間為 60 日', '閱覽期間 3 日': the term a procedure sets (not '平均審結期間為 4.4 個月', a measure)
_PROCEDURE_TERM = re.compile(r"期間(?:為|是)?$")
# Right after the figure: a loan or guarantee it parameterises, or a threshold used as an attribute
# ("50 萬元小額貸款", "十成保證", "20 萬元以下）之營利事業", "5 千萬元以上列管", "330 度以下不調漲").
_RULE_AFTER = re.compile(
    r"^\s*(?:[)）]\s*)?(?:小額貸款|貸款|保證|以[上下]\s*[)）]?\s*之|以下(?:不|免))"
    r"|^\s*[、及至~-]\s*(?:最高|最多|至多)?\s*[\d.]+\s*成\s*保證"  # 最低 8 成、最高 9 成保證
    r"|^\s*之\s*(?:全額)?利息"  # 政府補助 6 個月之全額利息
    r"|^\s*免(?:息|付息|還款)"  # 前 2 年免息: a loan's terms
    r"|^\s*(?:核)?計\s*(?=[)），,。；;]|$)"  # '（以…每度 0.495 公斤計）', '依每度回饋 2 元計', '按罰鍰金額 10% 核計': the basis of a sum
    r"|^\s*(?:以[上下])?\s*之?罰鍰"  # 處 18 萬元罰鍰: a penalty's scale (處罰鍰 8,735 萬元 is what was fined)
    r"|^\s*以上\s*[\d,.]+\s*[萬億千]?\s*元\s*以下\s*之?罰鍰"  # 處 3 萬元以上 12 萬元以下罰鍰
    r"|^\s*(?:以[上下])?\s*為原則"  # '照度以 50 勒克斯以下為原則': a standard
    r"|^\s*計收"  # '按定價之 10%計收': how a fee is charged
    r"|^\s*(?:以[上下])?\s*者"  # 超過 100 元者負擔…, 1.5 倍者: who or what a rule covers
    r"|^\s*內\s*第\s*[\d一二三]\s*次"  # 10 年內第 2 次違規者: the window a repeat offence is counted in
    r"|^\s*(?:並?得?延長\s*[\d.]+\s*年\s*)?之\s*(?:MOU|合作備忘錄|備忘錄|協議|協定|合約|契約)"  # 為期 5 年並得延長 5 年之 MOU: its term
)
# A service's promised time: '救助款於農民申請後 7~10 天內撥入帳戶'.
_AFTER_APPLYING = re.compile(r"申請後約?$")
# What a rule requires, named after the figures: "符合…業者 60 天及政府 30 天之安全存量規定".
_REQUIRED_BY = re.compile(r"^[^，。；]{0,16}?之[^，。；\d]{0,8}規定")
# A bracket defining the class named before it: "能源大用戶（用電契約容量超過 800 kW）".
_DEFINING_BRACKET = re.compile(r"[\u4e00-\u9fff][(（][^()（）\d，。；]{1,12}(?:超過|大於|逾|未達|低於|未滿)\s*$")
_BRACKET_CLOSE = re.compile(r"\s*(?:以上|以下)?\s*[)）]")
# A sentence stating a regulation (依法規定…108 年至少 7 天，116 年至少 14 天): its floors and caps are its parameters.
_REGULATION = re.compile(r"規定|依法|明定|要求|保障")  # 保障全職照顧服務員月薪至少 3 萬 2,000 元
# An amount or measure with 以上 before a noun names a class ("5 千萬元以上列管", "5MW 以上電力用戶");
# a count with it just says "more than" ("超過 20 個以上政府相關單位"), and so does a level kept
# ("備轉容量率維持在 10%以上水準").
_CLASS_ABOVE = re.compile(r"^\s*以上(?!之?水準)(?=[\u4e00-\u9fff、])")
# A measure bounding a class named after it: '總重量逾 3.5 公噸之新型式大貨車' (an attribute, then the
# bound; not '50,352 筆逾 173 萬公尺之工程地質探勘資料', an amount).
_CLASS_BEYOND = re.compile(r"(?:量|額|積|齡|模|重)\s*(?:逾|超過|未滿|未達|低於|大於|小於)\s*$")
_NOUN_AFTER_OF = re.compile(r"\s*之\s*[\u4e00-\u9fff]{2}")
# A spec or a set price: "500cc95%酒精", "350 毫升塑膠瓶裝(45 元/瓶)".
_PRODUCT_AFTER = re.compile(r"^\s*(?:[\d.]+\s*%\s*)?(?:酒精|瓶裝|塑膠瓶|玻璃瓶|包裝|罐裝)")
_TARGET = re.compile(
    r"目標|預計|預期|預定|可望|規劃|擬於|力拼|期能|期望|未來(?!\s*(?:[\d一二三四五六七八九十]|$))|爭取(?!到)|計畫期程|期程|總經費|"
    r"將(?:於|可|達|有|提供|再|持續|新增|增加|完成|擴大|推動|辦理|建置|投入|協助|創造|帶動|提升|開發|設置|興建|增建|擴建|改建|新建|啟用|逐步|陸續|成立)"
)
_BEING_BUILT = re.compile(r"正在(?:建置|興建|建造|施工)|(?:建置|興建|建造|施工)中")
_PLAN_DONE = re.compile(r"完成[^，。；]*$")  # before a 規劃 that is a noun: 完成…納檢規劃
_FORECAST = re.compile(r"預估|估計|推估|預測|(?<!盡)可能(?=\s*(?:上升|下降|增加|減少|升高|降低|高達|超過|達))")  # '本世紀末…溫度可能上升 1.4~3.4°C'
_TARGET_AFTER = re.compile(r"^\s*(?:為|之|的)?[^，。；\d]{0,4}目標")  # "以 114 年 20GW 為設置目標"
_BUDGETED = re.compile(r"預算數\s*$")  # '較預算數 2 兆 3,658 億元超徵 462 億元': what was budgeted, a target
# A change verb governs a figure a few words after it ("提升餐飲業營業額 1.6 億元"), not a noun
# phrase that merely contains it ("自我成長等多元化學習課程 155 班次").
_CHANGE = re.compile(
    r"(?<!新)(?:成長|增加|增供|減少|提升|提高|節省|省下|節電|節能|省能|省電|節水|下降|降低|衰退|增長|增幅|減幅|年增|年減|上升|縮減|減碳|下滑|縮短|調降|調升|調高|調漲|調增|調減|偏少|偏多|偏低|偏高|上漲|下跌|超徵|短徵|超收(?!比?率)|短收|減收|增收)"
    r"(?!至|到|為)[^，。；、等之的]{0,8}$"
    # '已增加各縣市淹水改善保護面積 51.36 平方公里': a longer object when it ends in what is measured
    r"|(?<!新)(?:增加|減少)(?!至|到|為)[^，。；、等之的\d]{6,14}(?:面積|容量|數量|長度)$"
)
# Nouns that name a change measure apply to every figure after them in the clause (增幅優於韓國(-5.4%)、日本(-9.3%)).
_CHANGE_MEASURE = re.compile(r"成長率|增幅|減幅|降幅|漲幅|升幅|跌幅|調幅|增加率|年增率|減少率|成長幅度|衰退幅度")
_SHARE = re.compile(r"占|佔|比重")
# A part named as such, right before its percentage: '其中 7 成案件', '其餘 11.7% 為…', '減少約占 4 成' (a
# share of the decrease), '其次為電影 24.1%、書店及出版品 21.6%' (the ranking of a breakdown).
_PART_OF_WHOLE = re.compile(r"(?:其中|其餘|[占佔])(?:約|近|逾|超過)?$|^(?:其次為|其次是)")
# What has been reached. 新增 also marks a figure as actual (the conventions), but it does not end a
# target's sentence: '預計投資 32.5 億元，新增產業空間 2.3 萬平方公尺' is still expected.
_DONE_WORDS = r"已|完成|達成|實際|共獲|獲得"  # what was done
_ACHIEVED_WORDS = _DONE_WORDS + r"|累計"  # or summed so far
_ACHIEVED = re.compile(_ACHIEVED_WORDS)
ACTUAL_CUE = re.compile(_ACHIEVED_WORDS + r"|新增")
# What was done stays actual under a later date ('截至 112 年底已完成…'); 累計 alone does not: '2030 年累計達
# 31GW' sums what is still to come.
DONE_CUE = re.compile(_DONE_WORDS + r"|新增")
# A clause that opens a new action: "，並依據…", "，另…" (a target cue before it does not carry over).
_NEW_ACTION = re.compile(r"^\s*(?:並|另|同時|且|此外|其中)")
_A_YEAR = re.compile(r"\d\s*年")
_AS_OF_NOW = re.compile(r"截至|截止")


def kind_of(text: str, figure: Figure, clause_start: int, clause_end: int, previous: Figure | None, plan: bool, now: date | None) -> str:
    """The kind from cues in the figure's own clause (rule > target > forecast > change > share > actual);
    a target cue carries over to later clauses of its sentence that add no cue of their own."""
    before = text[clause_start:figure.start]
    after = text[figure.end:clause_end]
    # A verb governs the figure right after it, not the next ones of a list (提升 A、B), except
    # numbers written with one unit (增加 120 萬及 155 萬立方公尺).
    shares_unit = previous is not None and previous.unit.core not in text[previous.start:previous.end]
    governed = text[clause_start if shares_unit else max(clause_start, previous.end if previous else 0):figure.start]
    listed = _list_after_respectively(text, figure, previous, clause_start, before)
    if listed is not None:
        governed = text[clause_start:listed]
    if _moves_a_rate(text, figure, clause_start):
        return "change"  # '累計調降存款機制利率 1 個百分點', '連續降息，累計 2 碼': a rate moved, not the rate set
    if _sets_a_rule(text, figure, before, after) or _floor_or_cap_of_a_regulation(text, figure, clause_start, before, after):
        return "rule"
    if _target_cue_last(before) or _TARGET_AFTER.match(after) or _BUDGETED.search(before):
        return "target"
    if figure.unit.spec.dimension == "money" and _budget_of_a_later_year(text, clause_start, before, now):
        return "target"
    if figure.unit.spec.dimension not in ("count", "money") and _BEING_BUILT.search(before):
        return "target"  # '目前正在建置年產 600 噸的…生產線': what it will make (not '興建中 97 案', a count of now)
    if _FORECAST.search(before) or _forecast_leads(text, clause_start, before, now):
        return "forecast"
    planned = plan and not ACTUAL_CUE.search(before) and not _A_YEAR.search(before) and not _so_far(text, clause_start, figure)
    if _target_carries(text, clause_start, before, now) or planned:
        return "target"
    if figure.unit.spec.dimension == "percent" and _PART_OF_WHOLE.search(compact(before)):
        return "share"
    if _CHANGE.search(compact(governed)) or _CHANGE_MEASURE.search(before) or _improved_by(figure, governed):
        return "change"
    if figure.unit.spec.dimension == "percent" and (_SHARE.search(before) or _parenthesised_after_figure(text, figure, previous)):
        return "share"
    return "actual"


def _so_far(text: str, clause_start: int, figure: Figure) -> bool:
    """A plan's '截至 8 月底執行 2,318.5 萬元，執行率 60.0%': what its sentence says was done by a date, no target."""
    return _AS_OF_NOW.search(text, start_of_sentence(text, clause_start), figure.start) is not None


_LIST_LINK = re.compile(r"\s*(?:、|及|與|和|以及)\s*")
_FIRST_NUMBER = re.compile(r"(?<![\d.,])\d[\d.,]*(?![\d.,]|\s*[年月日])")  # not the year of 分別較 108 年提升


def _list_after_respectively(text: str, figure: Figure, previous: Figure | None, clause_start: int, before: str) -> int | None:
    """Where the list of figures starts in '較 108 年分別改善 14.6％、12.9％及 11.7％', for a figure after
    its first: after 分別 the verb before the list governs every figure of it."""
    if previous is None or _LIST_LINK.fullmatch(text, previous.end, figure.start) is None:
        return None
    respectively = before.rfind("分別")
    if respectively < 0:
        return None
    first = _FIRST_NUMBER.search(text, clause_start + respectively + len("分別"), figure.start)
    return first.start() if first else None


# An age that is measured, not a threshold: '平均壽命 80 歲', '目標 120 年延長至 82 歲'.
MEASURED_AGE = re.compile(r"(?:壽命|餘命|年齡)[^，。；\d]{0,6}(?:為|達|是)?\s*$|(?:延長|提高|延後|提升|降低|增加)(?:至|到|為)\s*$")


def _sets_a_rule(text: str, figure: Figure, before: str, after: str) -> bool:
    """A parameter rather than an outcome: a cap, rate, threshold, term, price or spec."""
    dimension = figure.unit.spec.dimension
    squeezed = compact(before)
    return bool(
        (dimension == "age" and figure.value.is_integer() and not MEASURED_AGE.search(before))  # 年滿 65 歲, 45 歲以上: a threshold
        or any(_sets_for(dimension, cue) for cue in _RULE.finditer(before + " " + after))
        or (_FEE.search(before + " " + after) is not None and figure.unit.scale not in _SCALES_OF_TAKINGS)
        or (dimension not in ("count", "percent") and _CLASS_BEYOND.search(before) is not None and _NOUN_AFTER_OF.match(after) is not None)
        or (_PER_RECIPIENT.search(squeezed) is not None and "平均" not in squeezed)
        or (dimension in ("percent", "duration") and _PAID_AFTER.match(after) is not None)
        or (dimension == "duration" and _GRANT_TERM.search(squeezed) is not None)
        or (dimension == "duration" and _PROCEDURE_TERM.search(squeezed) is not None and "平均" not in squeezed and figure.value.is_integer())
        or (dimension == "duration" and _AFTER_APPLYING.search(squeezed) is not None and after.lstrip().startswith("內"))
        or _RULE_AFTER.match(after)
        or (dimension != "count" and _CLASS_ABOVE.match(after))
        or dimension == "price"
        or (dimension in ("money", "percent") and _PRICE_BEFORE.search(before) is not None)
        or _product_spec(text, figure)
        or (dimension == "percent" and _RATE_RULE.search(before))
        or (dimension in ("percent", "money") and _SCHEDULE_ENTRY.search(squeezed) is not None)
        or (_BELOW_CLASS.search(before) and _NOUN_AFTER.match(text, figure.end))
        or ("規定" in after and _REQUIRED_BY.match(after) is not None)
        or (_BRACKET_CLOSE.match(text, figure.end) is not None and _DEFINING_BRACKET.search(text, max(0, figure.start - 20), figure.start) is not None)
        or (dimension == "money" and (_OR_AMOUNT_AFTER.match(after) is not None or _AMOUNT_OR_BEFORE.search(before) is not None))
    )


def _sets_for(dimension: str, cue: re.Match[str]) -> bool:
    """A rate's name makes its own figure a rule, not a count of those it applies to: '適用優惠費率 A 者 37 家'
    (but '依…電價費率計算公式每年辦理 2 次': a schedule the formula sets)."""
    return not (dimension == "count" and cue.group(0) in _RATE_NAMES and "者" in cue.string[cue.end():cue.end() + 6])


_RATE_NAMES = frozenset(("費率", "利率", "稅率"))


# A price or fee an agency sets, named right before it: '全票 350 元', '每種授權費 5,000 元' (not '門票收入 4 億元').
_PRICE_BEFORE = re.compile(r"(?:票價|全票|半票|優待票|門票|授權費|權利金比率)[^，。；、\d收]{0,4}$")


# Amounts offered as alternatives are a scheme's terms: '提供 2 萬元或 6 萬元等值之數位貿易輔導服務'.
_OR_AMOUNT_AFTER = re.compile(r"\s*或\s*\d")
_AMOUNT_OR_BEFORE = re.compile(r"\d[\d,.]*\s*[萬億千]?\s*元\s*或\s*$")


def _floor_or_cap_of_a_regulation(text: str, figure: Figure, clause_start: int, before: str, after: str) -> bool:
    """'依法規定安全存量天數 108 年至少 7 天，116 年至少 14 天', '明定 2 年內需取得使用執照…，若 2 年內
    未完成使用，得強制…買回': every floor, cap and time limit of the sentence."""
    time_limit = figure.unit.spec.dimension == "duration" and after.lstrip().startswith(("內", "以內"))
    if not (time_limit or (_MAY_CAP.search(before) and CAP_BEFORE.search(compact(before)))):
        return False
    return bool(_REGULATION.search(text, start_of_sentence(text, clause_start), figure.start))


_MAY_CAP = re.compile("最|至多|上限|至少")  # a cheap test before CAP_BEFORE's
_IMPROVED = re.compile(r"改善[^，。；、等之的\d]{0,4}$")


def _improved_by(figure: Figure, governed: str) -> bool:
    """'相較 108 年改善約 2.5%': a percentage improved by is a change (改善 N 處 counts what was mended)."""
    return figure.unit.spec.dimension == "percent" and bool(_IMPROVED.search(compact(governed)))


_DONE = re.compile(r"已|實際|實績")


def _target_cue_last(before: str) -> bool:
    """A target cue not overridden by a later 已 ('預計 110 年累計完成 150 萬戶' is a target;
    '原預計…，已完成' is not)."""
    # '完成…納檢規劃': a plan that has been made is no target.
    targets = [m.start() for m in _TARGET.finditer(before) if not (m.group(0) == "規劃" and _PLAN_DONE.search(before, max(0, m.start() - 14), m.start()))]
    if not targets:
        return False
    done = [m.start() for m in _DONE.finditer(before)]
    return not done or max(done) < max(targets)


def _product_spec(text: str, figure: Figure) -> bool:
    return figure.unit.spec.dimension in ("volume", "percent") and bool(_PRODUCT_AFTER.match(text[figure.end:figure.end + 10]))


# A forecast verb ending its clause introduces what is forecast: '…報告預測，114 年全球經濟成長率為 3.1%'.
# So does a heading's label ending on one: '（二） 各季預測：第 1 季 3.05%、第 2 季 3.41%'.
_FORECAST_LEADS = re.compile(r"(?:預估|推估|預測)\s*(?:[，,]|(?P<label>[：:]))")


def _forecast_leads(text: str, clause_start: int, before: str, now: date | None) -> bool:
    """A figure after a clause that ends on a forecast verb, in the same statement (no ；between), is
    forecast where what follows the verb names the report's year or a later one ('預測，114 年…3.12%，
    其中上半年約 3.35%'), and the figure's own clause no year before it ('略低於 113 年之 3.2%': what was).
    ('導入 AI 需求預測，平均降低庫存 12%': a forecasting tool, no year forecast.)"""
    statement_start = max(start_of_sentence(text, clause_start), text.rfind("；", 0, clause_start) + 1)
    lead = next(reversed(list(_FORECAST_LEADS.finditer(text, statement_start, clause_start))), None)
    if lead is None or now is None or _ACHIEVED.search(before):
        return False
    forecast = _roc_years(text[lead.end():clause_start] + before)
    own = _roc_years(before)
    if own and min(own) < now.year:
        return False
    labelled = lead.group("label") is not None and _HEADING_LABEL.fullmatch(text, 0, lead.start()) is not None
    return labelled or (bool(forecast) and max(forecast) >= now.year)


_HEADING_LABEL = re.compile(r"\s*\S{1,4}\s*[^，,。；;：:\d]{1,10}")  # '（二） 各季' before 預測：


def _roc_years(text: str) -> list[int]:
    """The Gregorian years of the ROC years a clause names (50 年 and later: smaller numbers are durations)."""
    return [int(m.group(1)) + 1911 for m in _CLAUSE_YEAR.finditer(text) if int(m.group(1)) >= 50]


def _target_carries(text: str, clause_start: int, before: str, now: date | None) -> bool:
    """'預計可促成…14.47 億元，帶動…62 億元、創造…100 億元': later clauses of the sentence share the
    cue, and so do clauses dated in the future ('預計 110 年 8 月…，112 年底完成全期工程，可供水
    每日 1.55 萬噸'), until a clause opens a new action (並…, 另…), states an achievement or a past date."""
    if _ACHIEVED.search(before) or _years_in(before, now) == "past" or _NEW_ACTION.match(before):
        return False
    sentence_start = start_of_sentence(text, clause_start)
    semicolon = text.rfind("；", sentence_start, clause_start)
    if semicolon < 0:
        return _carried_over(text[sentence_start:clause_start], now) is True
    within = _carried_over(text[semicolon + 1:clause_start], now)
    if within is not None:
        return within
    # '預期…完成後可增供…，提升供水品質；改善淹水面積約 250 平方公里': a clause that opens with its
    # cue expects what the ；-clauses after it list, when nothing in between says otherwise.
    # ('引進…投資 382 億元，…預計創造年產值 252 億元…；引進…投資 45 億元': a ；-clause after a figure
    # that was done is a new action of its own.)
    earlier = text[sentence_start:semicolon]
    deciding = _deciding_clause(earlier, now)
    if deciding is None or deciding[1] is not True or not _OPENS_WITH_TARGET.match(deciding[0]):
        return False
    return not _A_FIGURE.search(earlier, 0, earlier.rfind(deciding[0]))


_OPENS_WITH_TARGET = re.compile(r"\s*(?:預期|預計|預定)")
_A_FIGURE = re.compile(r"\d[\d,.]*\s*(?:萬|億)?\s*(?![年月日])[\u4e00-\u9fff%％]")


def _carried_over(earlier: str, now: date | None) -> bool | None:
    """Whether the clauses before a figure's own pass a target on to it: the nearest clause that
    says anything decides (None: none says anything)."""
    deciding = _deciding_clause(earlier, now)
    return deciding[1] if deciding else None


@lru_cache(maxsize=1024)
def _deciding_clause(earlier: str, now: date | None) -> tuple[str, bool] | None:
    """The nearest clause of `earlier` that passes a target on or ends one, and which it does.
    Cached: the figures of a clause share them."""
    for clause in reversed(CLAUSE_BREAK.split(earlier)):
        carried = _carried(clause, now) if clause.strip() else None
        if carried is not None:
            return clause, carried
    return None


@lru_cache(maxsize=1024)
def _carried(clause: str, now: date | None) -> bool | None:
    """What an earlier clause of a sentence passes on to the figures after it: a target (True),
    the end of one (False: a new action, an achievement, a past year) or nothing (None).
    Cached, since every figure of a sentence asks about the clauses before it."""
    when = _years_in(clause, now)
    if _TARGET_REACHED.search(clause):
        return False  # '已於 110 年 1 月達到出水功能目標，可…增加備援水量每日 15 萬噸': what it now gives
    if _target_cue_last(clause) or when == "future":
        return True
    if _NEW_ACTION.match(clause) or _ACHIEVED.search(clause) or when == "past":
        return False
    return None


_TARGET_REACHED = re.compile(r"(?:達到|達成|超越|完成)[^，。；]{0,10}目標")
_CLAUSE_YEAR = re.compile(r"(?<!\d)(\d{2,3})\s*年")


def _budget_of_a_later_year(text: str, clause_start: int, before: str, now: date | None) -> bool:
    """'115 年度預算 108.6 億元' in a report of 114 年: what a year still to come is to spend, a plan's figure,
    its year perhaps earlier in the sentence ('115 年度基金來源預算…，其中公務預算撥充 627.0 億元'). (The
    current year's budget, still being spent, most writers read as actual, like a past year's: measured on
    the 90 reports, counting it a target lost 46 kinds.)"""
    if now is None or not _BUDGET.search(before) or _SPENT.search(before):
        return False
    fiscal = _FISCAL_YEAR.findall(before) or _FISCAL_YEAR.findall(text[start_of_sentence(text, clause_start):clause_start])
    return bool(fiscal) and int(fiscal[-1]) + 1911 > now.year


_BUDGET = re.compile(r"預算|編列")
_SPENT = re.compile(r"執行|決算|實支|支用|已撥|撥付|達成")
_FISCAL_YEAR = re.compile(r"(\d{2,3})\s*年度")


def _years_in(text: str, now: date | None) -> str | None:
    """'future' or 'past' for the ROC years a clause names (relative to the report's date)."""
    if "年" not in text:
        return None
    years = _roc_years(text)
    if not years:
        return None
    if now is not None and max(years) > now.year:
        return "future"
    return "past"


def _parenthesised_after_figure(text: str, figure: Figure, previous: Figure | None) -> bool:
    """'16 億美元（27.1％）': a percentage in brackets right after an amount is its share."""
    opening = text[max(0, figure.start - 2):figure.start].strip()
    if not opening.endswith(("(", "（")):
        return False
    return previous is not None and figure.start - previous.end <= 3
