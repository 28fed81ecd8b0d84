"""Reading a question: what it wants, the period it sets, and the words that must be matched.

    parse_question("109 年第 4 季製造業薪資補貼核准幾家？")
    → wants "number" of 家, period 2020-10-01..2020-12-31, content 製造業薪資補貼 核准
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from policyledger.entities import BODY_ALONE
from policyledger.model import Claim
from policyledger.quantity.figures import NOT_UNIT_BEFORE, begins_another_word
from policyledger.quantity.numbers import count_of
from policyledger.quantity.periods import SINCE_AFTER, find_time_expressions
from policyledger.quantity.units import COUNTERS, UnitMatch, match_unit
from policyledger.reader_words import alike_forms, in_report_words, same_words, words_in_force
from policyledger.textnorm import compact, fold, to_halfwidth_digits

# '哪兩個年度', '哪三年': years asked, as many as the question counts
_YEARS_COUNTED = r"哪[兩二三四五幾]個?年度?"
_DATE_WORDS = re.compile(rf"哪一天|哪天|哪[兩二幾]天|何時|什麼時候|何日|哪一日|日期|哪一年|哪年|哪一?個年度|{_YEARS_COUNTED}|哪些年|幾月|哪個月"
                         r"|(?:哪個|哪一個|什麼)時間點")
_YEAR_ASKED = re.compile(rf"(?:哪一年|哪年|哪一?個年度|{_YEARS_COUNTED}|哪些年)(?!\s*(?:哪一?個?|幾)\s*月)")  # not '哪一年哪一月': the month is asked too
YEARS_ASKED = re.compile(rf"{_YEARS_COUNTED}|哪些年")  # '推動期間是哪幾年': a span of years, '106 年至 109 年'
# A count of names and its measure word: 哪「3 家」, 哪「兩所」, 「10 種」器具是哪些.
_NAMES_COUNTED = r"([\d一二兩三四五六七八九十]+)\s*[家個位國項座種類所條場大檔部本款套]"  # 哪兩檔: which two exhibitions
_SITES_COUNTED = r"哪\s*([\d一二兩三四五六七八九十]+)\s*處"  # 哪兩處: which two sites
_NAME_WORDS = re.compile(
    rf"哪些|哪幾|哪裡|何處|什麼地方|哪\s*{_NAMES_COUNTED}|{_SITES_COUNTED}"
    r"|哪一家|哪家|哪個|哪一個|誰|哪間|哪一間|哪所|哪一所|哪座|哪一座|哪一?款|哪一?支|哪一?部|名稱|叫做?\s*(?:什麼|何)"
)
# "簽署的是什麼文件", "計畫名稱是什麼": one name, which a report writes in 「」.
_TITLE_NOUNS = r"文件|協定|協議|備忘錄|意向書|計畫|方案|專案|條例|法規|法案|辦法|名稱|活動|展覽|獎項|平臺|平台|系統|服務|措施|標準|網站|網頁|規範|指引|準則"
# '委請法人單位於高雄建置了什麼中心': a name the report writes after the verb, ending in its kind
# ('建置水下基礎產業人才技術訓練中心'), unquoted.
_KIND_ENDED_ASKED = re.compile(r"([\u4e00-\u9fff]{2})\s*了?\s*(?:什麼|何種|哪一?個)\s*(中心|基地|園區|聯盟|機制|學院|學苑|專區|實驗室|場域|工廠|獎(?=項))")
# '哪一項行動計畫的目標', '哪一份技術規範': the kind of title closes the phrase (not '哪個產業標準組織')
_TITLE_ASKED = re.compile(rf"(?:什麼|何種|哪一?[份項個部])\s*(?:{_TITLE_NOUNS}|[\u4e00-\u9fff]{{1,4}}?(?:{_TITLE_NOUNS})(?=\s*(?:的|是|為|[？?，,]|$)))"
                          r"|名稱\s*(?:是|為)?\s*(?:什麼|何)")
_CURRENCY_NAMED = re.compile(r"新[臺台]幣")
# '研討會的第一場是哪一天', '最後一場': which of a list of dates is asked (group 1 its number)
SESSION_ASKED = re.compile(r"(?:第\s*(\d+|[一二三四五六七八九十])|最後一)\s*[場次梯]")
_SESSION_OF_DATES = re.compile(r"(?:的)?" + SESSION_ASKED.pattern)
# "網址是什麼", "要連到哪個網址": a web address, which a report writes in brackets after what it is of.
_URL_ASKED = re.compile(r"網址|網站位址|網頁位址|網頁連結|連結網址|URL", re.IGNORECASE)
# "和哪家國際驗證機構共同成立": one body, which a report may name right after its kind (國際驗證機構 DNVGL).
BODY_KINDS = "機構|機關|公司|企業|廠商|銀行|大學|組織|業者|單位|部會"  # what a body asked for is called
_BODY_ASKED = re.compile(rf"哪一?[家間個所]\s*(?:[\u4e00-\u9fff]{{0,6}}?)({BODY_KINDS})")
_BODY_BEFORE_WHICH = re.compile(rf"({BODY_KINDS})\s*(?:是|為)\s*哪一?[家間個所位]")  # '…的國際驗證機構是哪一家
# "自動駕駛系統叫什麼名稱": the kind of thing (系統) whose name stands by it (WinBus 自動駕駛系統).
_KIND_NAMED = re.compile(r"([\u4e00-\u9fff]{2})(?:叫做?|的名稱|名稱)(?:是|為)?\s*(?:什麼|何)")
_COUNT_IN_NAMES = re.compile(rf"哪\s*{_NAMES_COUNTED}|{_SITES_COUNTED}")
_ONE_ASKED = re.compile(r"哪一?[家所座間款支部]|哪一?個|誰|在(?:哪裡|何處)|叫做?\s*(?:什麼|何)")  # one person, venue, site or name
# '…的 10 種器具是哪些': the count stated before what is asked for.
_COUNT_BEFORE_WHICH = re.compile(rf"{_NAMES_COUNTED}[\u4e00-\u9fff]{{0,8}}?(?:分別)?(?:是|有|為|包括)?哪些")
def _guarded(counter: str) -> str:
    """A measure word as a question asks it, not the first character of another word (多少營業額)."""
    after = NOT_UNIT_BEFORE.get(counter, "") if len(counter) == 1 else ""
    return re.escape(counter) + (f"(?![{after}])" if after else "")


_COUNTERS = "|".join(_guarded(counter) for counter in sorted(COUNTERS, key=len, reverse=True))  # longest first
_COUNTER_ASKED = re.compile(rf"(?:幾|多少)\s*(?:萬|億)?\s*({_COUNTERS})")
_MONEY = re.compile(
    r"多少\s*(?:千萬|百萬|萬|億|兆|千)?\s*(?:元|美元|錢)|金額|經費|[水電]費|營收|產值|營業額|出超|入超|總額|預算|投資多少|多少投資|承貸|資金|補助多少|多少美元"
    r"|多少融資|融資(?:金額|額度)|(?:交易|銷售|貿易|出口|進口)[額值]|多少(?:的)?補助(?!案|件|家)|月薪|年薪|時薪|薪水|工資"
    r"|補償金|獎勵金|獎金|補助金|技轉金|權利金|罰鍰|罰金|保險金|租金|規費|市值|市價|財物損失|財損|獲利|不法所得"  # 共核發多少補償金: money, not the hectares
    r"|多少(?:的)?(?:市場|商機)|(?:市場|商機)(?:規模)?(?:是|有|約)?多少"  # 創造了多少市場: 逾 1 億元市場
    r"|(?:執行|支用|動支)了?多少\s*[？?]?\s*$"  # '投入 3.7 億元，到年底實際已經執行了多少': a budget's part spent
)
_PERCENT = re.compile(
    r"百分比|百分之|多少\s*%|多少\s*％|幾\s*[%％]|占比|佔比|所占|所佔|比重|[增減降漲跌調]幅(?:是|為|有|約)?多少|幅度\s*(?:是|為|有|約)?\s*(?:多少|多大)"
    r"|比率|比例|幾成|成數|容量率|率(?:的)?(?:目標|預估|預計|最高|最低|上限|下限|平均|再加|加碼)?(?:是|為|有)?(?:多少|多高|多低)|合格率"
    r"|率(?:降|升|提高|提升|下降|減少|增加)(?:到|至|為)?多少(?!錢|元)"  # 漏水率降到多少
    r"|率[，,]?[^，,？?多的之]{0,12}?達到?\s*多少"  # 平均年節電率依規定應達多少以上, 節電率，規定至少要達到多少
    r"|[占佔][^，,？?]{0,12}?的?多少(?=\s*(?:以上|以下)?\s*[？?]?\s*$)"  # 合計約占投資總額的多少, 已占家庭夏季用電量多少以上
)
# A ratio named by its noun: 減容比, 男女比 (not 占比, 相比, 對比)
_RATIO_ASKED = re.compile(r"[\u4e00-\u9fff](?<![占佔所相對])比\s*(?:大約|大概|約)?\s*(?:是|為|有)?\s*(?:多少|幾)")
# "出口金額較 108 年增加了多少？" asks for a rate of change; "增加多少投資" names what increased
# (money); "營業額增加多少？" with no base of comparison may be either (35 億元 or 16%).
# '營收下降多少的艱困事業': how far a thing fell, as a condition, asks the same.
# '成長多少', '減少多少以上', '下降多少才算是艱困事業' (a threshold of change)
_CHANGE_ASKED = re.compile(
    r"(?:成長|減少|增加|改善|提升|提高|上升|下降|降低|下滑|衰退)了?(?:達|逾|超過|至少|最少)?多少(?:(?=\s*[？?]?\s*$)|以上|以下|(?=的)|(?=\s*[，,]?\s*才))"
)
_BASIS = re.compile(r"以([^，,？?（）()]{2,30}?)(?:來|去)?(?:估算|計算|推算|推估|換算)\s*(?=[，,])")
_SPAN_OF_CHANGE = re.compile(r"(?:[增減降漲跌]|成長|減少|增加|下降|上升)(?:的)?幅(?:度)?(?:是|為|有|約)?\s*(?:多少|多大)")
_COMPARED = re.compile(r"較|比|相較|同期|前一年|去年(?!度)|上年(?!度)")  # 去年度（109 年）dates, it does not compare
_DATA_RATE = re.compile(r"(?:下載|上傳|傳輸|連網|寬頻)?速率(?!.*(?:涵蓋|普及|使用|占)率)|網速")
_RELIEF_ASKED = re.compile(r"(?:減免|減收|折扣|優惠)(?:了)?(?:多少|幾)")
_ENERGY = re.compile(r"(?:發|用|售|節|省|購|供)電量|節電潛力|多少電(?![力網廠價費])|多少\s*(?:萬|億)?\s*度電")  # 發多少電: kWh, not kW
_POWER = re.compile(r"(?<![蓄庫水理])容量(?!率)|MW|GW|kW|瓩|(?:尖峰|用電)(?:負載|負荷)(?!率)")  # 裝置容量, 多少容量; not a reservoir's 蓄水容量 nor a plant's 處理容量
_AREA = re.compile(r"公頃|面積|平方公里|坪")
_DOSE = re.compile(r"劑量|西弗")
_LENGTH = re.compile(r"長度|多長(?!時間)")
_PRICE_NOUN = r"售價|單價|價格|價錢|票價|定價|成交價|交易價|均價"  # '平均成交價大約多少': a price, whatever else the question names
_PRICE_NAMED = re.compile(_PRICE_NOUN)
_PRICE_ASKED = re.compile(rf"{_PRICE_NOUN}|每\s*[瓶包盒罐支件個份張片月]|每\s*(?:公噸|公斤|公升)")  # '每瓶售價多少元': 45 元/瓶
_EMISSIONS = re.compile(r"減碳|碳排|排碳|二氧化碳|CO2|溫室氣體|排放量|減量額度|重量|體重|多重")  # '減碳量是多少', '清除多少廢棄物（重量）': so many tonnes
_VOLUME = re.compile(r"立方公尺|清淤量|淤積量|水量|供水|輸水|萬噸|噸|庫容|(?<=[蓄庫理])容量|多少水(?![庫準質費])")
# 將 of a thing handed on (中科院將軍品技術技轉民間) takes an object, as 把 does: not a future
_HANDED_ON = r"(?![^，,？?]{1,12}?(?:技轉|移轉|轉為|轉型為|納入|列入|改為|改成|交由|提供給|用於|作為))"
# a target or a forecast
_PLANNING = r"(?<!評估)(?<!整體)(?<!完整)規劃"  # not the noun: '作完整評估規劃' was done
# '預定進度 45.0%' plans; '落後預定進度多少百分點' asks how far behind the plan things are.
_PLANNED_NOT_BEHIND = r"(?<!落後)(?<!超前)(?<!落後於)(?<!超前於)預定"
_TARGET = re.compile(rf"目標|預計|預期|{_PLANNED_NOT_BEHIND}|預估|估計|"
                     rf"未來|總經費|{_PLANNING}|計畫將|將{_HANDED_ON}|(?:完成|完工|啟用|營運)之?後|(?:建置|興建)中|正在(?:建置|興建)")
_CONDITION_STATED = re.compile(r"[^，,？?]*\d[^，,？?]*(?:時|者|的話)\s*[，,]")
_ACTUAL = re.compile(r"實際|實績|已經|已達|已(?:投入|支出|撥付|執行|使用)")  # 已投入多少經費: spent, not a plan's budget
_PRESENT = re.compile(r"現行|目前|現在")  # '現行規定至少要幾天': now, whatever year the question names
# What a question sets aside in brackets is no part of what it asks: '現行規定至少要幾天（不是 116 年的目標）'.
_SETTING_ASIDE = "不是|並非|而非|非"
_SET_ASIDE_PART = re.compile(rf"[，,]\s*(?:{_SETTING_ASIDE})[^，,]*")
_SET_ASIDE = re.compile(rf"[（(]\s*(?:{_SETTING_ASIDE})[^（）()]*[）)]")
_TABLE_POINTED = re.compile(r"(?:依|根據|按照?|參照|參考|從)\s*表\s*\d{1,2}(?!\d)\s*(?:來看|所示|中|的)?\s*[，,]?")
_SET_ASIDE_IN_BRACKET = re.compile(rf"(?<=[（(])([^（）()]*?)[，,]\s*(?:{_SETTING_ASIDE})[^（）()]*(?=[）)])")
# '除紙本外，可用哪 3 種數位方式', '除了振興三倍券，各部會還發了哪些': what is set aside is not asked about.
_BESIDES = re.compile(r"除了?\s*(「[^」]{1,40}」|[^，,、？?\s]{1,10}?)\s*(?:之外|以外|外)|除了\s*(「[^」]{1,40}」|[^，,、？?]{1,10}?)\s*(?=[，,])")
_OTHERS_THAN = re.compile(r"([\u4e00-\u9fff]{2,8}?)以外的")  # '漢翔以外的國內供應商': the others, 漢翔 left out
# Words that only say which kind of figure is wanted, or which end of a change: the kind or ask's
# scoring captures them, the text need not hold them.
_KIND_WORDS = re.compile(r"設定的?目標|目標|預計|預期|預定|預估|估計|未來|實際|實績|已經|原本|原來|原先|起初|最初|當初")
_PLANNED_FOR = re.compile(r"規劃(?=\s*(?:到|於|在|要)?\s*\d)")  # '政府規劃到 120 年…': a plan's year, the report '以 120 年…為目標'
_STARTING = re.compile(r"開始|起(?=[\u4e00-\u9fff])")
# Words that restate the period asked (109 年全年, 第 4 季單季): a figure of that period has them,
# written or not; another figure lacks them (`Question.coverage`).
PERIOD_WORDS = frozenset(fold(word) for word in ("全年", "全年度", "整年", "整年度", "單季", "單月", "當季", "當月"))
# The body whose report it is: the report says 本部 (本會, 本院), the reader names it (勞動部, from
# the report's title: `authors_of`) or says 政府.
_SELF = r"本部|本會|本院|(?<!地方)政府(?!捐助|出資|負擔|所占|所佔|占|佔|部門)"  # not the part a share names: 政府捐助所占
_AUTHOR_IN_TITLE = re.compile(r"^\s*([^「」]{2,20}?)\s*(?:\d{2,3}\s*年度?)?\s*(?:「[^」]{1,40}」)?\s*(?:(?:業務|施政績效|施政|工作|專案)?報告|施政計畫)")


# How readers shorten the bodies that report to the Legislative Yuan (金融監督管理委員會 → 金管會).
_SHORT_NAMES = {
    "金融監督管理委員會": "金管會", "國家發展委員會": "國發會", "原住民族委員會": "原民會", "農業委員會": "農委會",
    "環境保護署": "環保署", "衛生福利部": "衛福部", "國家科學及技術委員會": "國科會", "海洋委員會": "海委會",
    "客家委員會": "客委會", "大陸委員會": "陸委會", "僑務委員會": "僑委會", "國軍退除役官兵輔導委員會": "退輔會",
    "公平交易委員會": "公平會", "國家通訊傳播委員會": "通傳會", "中央選舉委員會": "中選會", "數位發展部": "數發部",
    "核能安全委員會": "核安會", "原子能委員會": "原能會", "中央銀行": "央行", "公共工程委員會": "工程會",
    "人事行政總處": "人事總處", "國立故宮博物院": "故宮", "國家運輸安全調查委員會": "運安會", "不當黨產處理委員會": "黨產會",
    "國家安全局": "國安局", "國家災害防救科技中心": "災防中心",
    "疾病管制署": "疾管署", "食品藥物管理署": "食藥署", "中央健康保險署": "健保署", "國民健康署": "國健署",
    "動植物防疫檢疫署": "防檢署", "林業及自然保育署": "林保署", "農業金融署": "農金署",
}


_UNIT_UNDER_A_BODY = re.compile(r"(?:部|委員會|院)([\u4e00-\u9fff]{2,6}(?:署|局|處|所|中心))$")
_CENTRAL_OFFICE = re.compile(r"中央[\u4e00-\u9fff]{2,6}(?:署|局)")


def authors_of(titles: list[str]) -> tuple[str, ...]:
    """The names a reader may call the reports' authors by, read off their titles: 勞動部業務報告 →
    勞動部; 行政院農業委員會業務報告 → 行政院農業委員會, 農業委員會 and 農委會."""
    names: set[str] = set()
    for title in titles:
        title = re.sub(r"\s+", "", title)
        found = _AUTHOR_IN_TITLE.match(title + "報告" if BODY_ALONE.fullmatch(title) else title)  # a cover naming its body alone
        if found:
            names.add(found.group(1))
            if found.group(1).startswith("行政院") and len(found.group(1)) > 3:
                names.add(found.group(1).removeprefix("行政院"))
            short = _SHORT_NAMES.get(found.group(1).removeprefix("行政院"))
            if short is not None:
                names.add(short)
            unit = _UNIT_UNDER_A_BODY.search(found.group(1))
            if unit is not None:  # 海洋委員會海巡署 → 海巡署, 經濟部能源署 → 能源署: the body a reader names
                names.add(unit.group(1))
                if unit.group(1) in _SHORT_NAMES:  # 衛生福利部疾病管制署 → 疾管署
                    names.add(_SHORT_NAMES[unit.group(1)])
            names |= {name.removeprefix("中央") for name in names if _CENTRAL_OFFICE.fullmatch(name)}  # 中央氣象署 → 氣象署
    return tuple(sorted(names, key=lambda name: (-len(name), name)))  # longest first: 行政院農業委員會 before 行政院


@lru_cache(maxsize=64)
def _author_words(authors: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join([*map(re.escape, authors), _SELF]))


@lru_cache(maxsize=64)
def _authors_subject(authors: tuple[str, ...]) -> re.Pattern[str]:
    """What an author's name says it looks after, before the kind of office: 勞動基金 of 勞動基金運用局,
    疾病管制 of 疾病管制署 — the subject of every page of its report, which the report need not name again."""
    subjects = {found.group(1) for author in authors if (found := _SUBJECT_OF_OFFICE.fullmatch(author))}
    return re.compile("|".join(map(re.escape, sorted(subjects, key=len, reverse=True))) or r"(?!)")


_SUBJECT_OF_OFFICE = re.compile(r"(?:[\u4e00-\u9fff]{2,4}部)?([\u4e00-\u9fff]{4,6}?)(?:運用局|管理局|管理署|局|署)")  # 中央健康保險署 → 中央健康保險


def _without_authors_short_names(text: str, authors: tuple[str, ...]) -> str:
    """'民航局', '健保署', '勞發署': an author called as readers shorten it — its first character, then
    others of its name in order, then its last (民用航空局) — is the report itself, as its full name is."""
    def blank(found: re.Match[str]) -> str:
        word = found.group(0)
        return " " if any(_shortens(word, author) for author in authors) else word
    return _SHORT_OFFICE.sub(blank, text) if authors else text


def _shortens(word: str, name: str) -> bool:
    if len(word) >= 3 and len(word) < len(name) and name.endswith(word):
        return True  # '運用局' of 勞動基金運用局: the last words of a long name
    if word == name or len(word) >= len(name) or word[0] != name[0] or word[-1] != name[-1]:
        return False
    rest = iter(name[1:-1])
    return all(char in rest for char in word[1:-1])


_SHORT_OFFICE = re.compile(r"[\u4e00-\u9fff]{2,3}[局署部會處院]|[\u4e00-\u9fff]{2}中心")  # 太空中心 of 國家太空中心


# not 多少年產值, 多少天然氣, 多少日圓
_DURATION_ASKED = re.compile(r"(?:幾|多少)\s*(?:個月|天|日|週|小時|年)(?!度|底|初|[0-9]|產|營|薪|收|均|然|本|圓|幣)|多久|多長時間")
# '出口國一共只有幾個': the thing counted before the question's 幾個, the measure word it ends in
_NOUN_BEFORE = re.compile(r"([\u4e00-\u9fff])\s*(?:一共|總共|共|合計|只|僅|有|是|為|約)*\s*(?:幾|多少)\s*個\s*[？?]?\s*$")
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]{1,2}")
_NOUN_UP_TO_FOUR = re.compile(r"[\u4e00-\u9fff]{2,4}(?=\s*[？?]?\s*$)")
_CHANGE = re.compile(r"成長|增加|減少|提升|提高|上升|下降|降低|改善(?!建議|措施|計畫|方案|工程)|增幅|減幅|超收(?!比?率)|短收")  # not 改善建議, a noun
# '114 年度預算較 113 年度增加多少元': by how much, from a base — a change, not the level it reached
_CHANGE_BY_AN_AMOUNT = re.compile(
    r"(?:較|比|相較)[^，,？?]{0,12}?(?:成長|增加|減少|上升|下降|降低|超收|短收)了?\s*多少\s*(?:萬|億|兆|千)?\s*(?:元|美元|人|家|件)?\s*[？?]?\s*$"
)
# Words that ask rather than say: removed before matching.
_ASKING = re.compile(
    r"(?:有)?(?:幾|多少)\s*家\s*(?:企業|公司)(?!\s*[？?]?\s*$)|"  # '有幾家企業獲准': what 家 counts, the report's 核准 N 家 leaves unsaid
    r"(?:幾|多少)\s*個\s*(?:國家|縣市)|"  # '新南向幾個國家的駐臺單位': what is counted, which a report writes 6 國
    r"(?:多少|幾)\s*(?:萬|億)?\s*資金|"  # 募得多少資金: what is asked, not a word the text holds (募資 3,000 萬元)
    rf"(?:是|有|為)?(?:百分之)?(?:幾|多少)\s*(?:千萬(?=元)|百萬(?=元)|千(?=元)|萬|億|兆)?\s*(?:{_COUNTERS}|元|美元|錢)?(?:以內|內)?|"
    rf"請問|叫做?(?=\s*(?:什麼|何))|哪一?\s*[部個項條]\s*(?:法律|法規|法令)|哪一?條|第幾條|(?:哪一?個|幾)\s*月份?|(?:(?<![來各親獨])自)?(?:是什麼時候|什麼時候|哪一天|哪天|何時|哪一年|哪年|哪個年度|哪一個年度|{_YEARS_COUNTED}|(?:哪個|哪一個|什麼)時間點)起?|是什麼|什麼|多大(?:的)?總?規模|總?規模(?:有)?多大|總?規模(?=\s*(?:是|有|為)?\s*(?:多少|幾))|多久(?:的)?時間|多長(?:的)?時間|多久(?:以內|內)?|多大|多長|多高|多遠|多重|哪些|哪幾\s*[部家個座項位國種類]?|哪\s*{_NAMES_COUNTED}|哪一?[家所座間]|哪個|哪一個|哪|誰|嗎|呢|"
    r"[這那][兩二三四五六七八九十\d]+\s*(?:場|個|家|項|件|位|座|次)|[這那]一?\s*波|"  # 這兩場電商活動: pointing, not content
    r"為\s*對象|對象(?=\s*(?:是|為|有|包括)\s*(?:哪|誰|什麼))|"  # '以哪個國家為對象', '對象是哪幾個國家': who is asked, no word to find
    r"(?:上|數)[十百千萬]+\s*(?:家|人|件|個|場|次|案)(?:的)?|"  # '受理上萬家申請': so many, said loosely, no word to find
    r"(?<=[\u4e00-\u9fff])(?:辦|做|執行|推)下來(?=\s*[，,])|"  # '滷肉飯節辦下來，': once done, no word to find
    r"符合(?:資格|條件|規定|要件)的|"  # '符合資格的…廠商': who may, which the rule's own words say
    r"依(?:照)?(?:法)?規定(?=\s*(?:須|應|必須|要|得))|"  # '依規定須盤查登錄的事業': the report's 應
    r"(?:單看|光看|只看)(?=\s|\d)|"  # '單看 114 年第 2 季': the period asked, said again
    r"^\s*同一?(?:期間|時期|時間)\s*[，,]|"  # '同一期間，…': the period of the question before, no word to look for
    # '依來源地區排名居首的丹麥': how it was singled out, not words the text holds (its 地區 is: '就地區觀之')
    r"依(?=\s*[\u4e00-\u9fff]{1,6}?\s*(?:排名|排行|排序))|(?:排名|排行|排序)\s*(?:居首|居冠|最高|最多|第[一二三1-3])的(?!是)(?=[\u4e00-\u9fff]{2})|"
    # 超過多少家, 最少要維持幾天: the qualifier of the answer, not a word of it
    r"(?:超過|至少|最少|大於|低於|少於|未達|不到|接近|將近|逼近)(?=\s*(?:要|可|能)?\s*[\u4e00-\u9fff]{0,4}?(?:多少|幾|\s*[？?]?\s*$))|"
    r"(?:跟|和|與|比起)\s+(?:相)?比(?:較)?|"  # '跟 108 年比提高了多少' once its year is out: the base, not the thing
    r"(?:比|較|相較於?)\s*(?:上|前)(?:一?\s*年(?:度)?(?:同期)?|(?=\s))|"  # '比上一年增加了多少' (its 一年 read by then): the base too
    r"才\s*(?:可以|可|能|得)\s*申請(?=\s*[？?]?\s*$)|"  # '營收下降多少的艱困事業才可申請': who may apply, a condition asked
    r"才\s*算(?:是)?(?=\s*[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])的?對象(?=\s*[，,])|"  # '補貼的對象，營收要下降多少才算艱困事業': who is meant, a condition asked
    # '2,663 件等成果是統計到哪一天': an as-of date asked, and a stated figure's summary
    r"(?:是)?(?:統計|計算|算)(?:到|至)(?=\s*(?:哪|何|什麼))|(?<=\d)\s*[\u4e00-\u9fff]?\s*等(?:成果|成效|績效)|"
    r"一共|總共|共計|分別|是否|(?:的)?(?:數量|數目|件數|家數|人數)$|(?:的)?(?:數字|數據|成果|統計)(?=\s*[？?]?\s*$)|"
    r"(?:的成果|(?:[這此]一?項)?\s*成果(?:中|裡|當中|方面))(?=\s*[，,])|"  # '成交 58 件的成果，是累計到…', '…升級的成果中，': the result
    r"(?<=[\u4e00-\u9fff])(?:來看|觀之|而言|來說)(?=\s*[，,])|"  # '單就鳥嘴潭人工湖來看，': the part asked, then how to look
    r"(?:的)?過程(?:中|裡|當中)(?=\s*[，,])|"  # '制定…計畫的過程中，': when
    r"(?<=[\u4e00-\u9fff]{2})(?:完成|完工|啟用|上路)(?:以)?後(?=\s*[，,])|"  # '北側擴區完成後，': when what is asked will be
    r"到目前為止|目前|現在|現階段|迄今|至今|那裡|這裡|那邊|這邊|"
    r"(?:[這此](?:個|項|些)?)?(?:數字|數據)(?=\s*(?:是|為))|(?<=哪些)對象"  # '這個數字是統計到…': pointing back; '哪些對象' asks
)
_STOP_CHARS = re.compile(
    r"[\s？?，,。、；：:！!（）()「」『』\"“”／]+"
    r"|當中|之中|的|是|了|(?<![既現公私國])有(?![感效])|(?<![潛存所])在(?![地職])|於|(?<![參給授贈])與|(?<![普涉波顧奈埃])及(?![時格])|(?<![協溫緩調中百])和(?![平成])|或|跟(?![進隨蹤])|其|各地(?!方)|各|(?<!公)共(?![同生享識構])|(?<![合契簽條公規預節])約|達(?=\s*(?:到|多少|幾|[\d０-９]|約|逾|近|超過|百分|新[臺台]幣|成(?![率立果效])|[？?，,。]|$))|(?<!分)之|為|並|將|被|(?<!自)由|從|(?<!針)(?!(?<=一)對一)對(?![外內象應策])|(?<![方導面南動傾意])向|以(?!色列)|等(?![值級於同待候])|相較(?:於)?|較|後|(?<![即同及臨小暫當隨])時(?![間程期效段代機]|計酬)|中(?=[，,、\s？?]|$)|(?<=對象|項目|案件|業者|廠商|企業|單位|機關|名單|類別|國家|縣市)中(?=的)|(?<=[畫劃案策構制議例])下(?=[，,、\s？?的]|$)|(?<=[」畫劃案])底下"
    r"|(?<![供補配自])給(?![付予])|(?<!轉)讓(?![與渡售])"  # 技轉給幾家, 讓水回收系統…: not 供給, 轉讓
    r"|可以|(?<!市)[占佔](?![領據用有])"  # 金融機構占多少: the share is what is asked
    r"|(?<![許認寬不寧])可(?=創造|帶動|節省|發電|發多少|省下|吸引|帶來|促成|被|申請|獲得|領取)"  # a reader's modal: '預計可創造' is 創造
    r"|(?<![場住處研])所(?=辦理|舉辦|提供|推動|建置|設置|核定|完成|簽署|簽訂|要|需)"  # 投資環境所辦理的: which was held
    r"|(?<=方案|計畫|政策|架構|機制)下(?=\s*[，,])"  # 在…方案下，: under a programme
    # a reader's modal and light verbs: 能省, 要等多久, 把案子, 做診斷 (not 能源, 需要, 人才, 就業 …)
    r"|(?<![節產效功智動體性技熱核電太陽可綠儲光風水火原失職量])能(?![源力量效])|(?<![需主重必只想])要(?![求點件素項])"
    r"|做(?!法|為)|把(?!關)|也|(?<!人)才|(?<![首宏成])都(?!市|會)|就(?!業|學|醫|地|服(?!務))"
    r"|(?<![^\s，,後也還不])會(?![議展員計館談場所期商址])"  # ，會新增: a modal after a pause (not 會議, 會展)
    r"|(?<=會議)[上中](?!心)"  # 在國際標準組織會議上發表, 會議中提出 (the report: 會議中提案發表)
    r"|(?:業務|工作)(?:上|中|方面)(?=\s*[，,])"  # '在智慧財產權業務上，': the field, named by the words before it
    r"|(?<![代接交輪更])替(?![代換補])"  # 替餐飲業者帶來: for (not 代替, 替代)
    r"|(?<![行奔逃出送])走(?![廊向勢私道路過訪])"  # 走專利審查高速公路的案件: go by (not 走向, 走私)
    r"|必須|(?<![必需])須(?![知])"  # 必須附上: a modal
    r"|(?<!而)已(?:經)?(?![婚知])"  # '領航計畫已通過的案件': already, as 了 says it (not 而已)
    r"|(?<![通超經度難跨透錯越勝])過(?=的)"  # 服務過的企業: done before (not 通過的, 超過的)
    r"|方面(?=\s*[，,])"  # '新南向投資方面，…': the topic is the words before it
    r"|(?<=[\u4e00-\u9fff]{2})(?<!疫情)期間(?=的)"  # '訪團期間的媒合會': when, named by the visit before it
    r"|(?<![這那哪心])[裡裏](?![程])"  # 貿易救濟案件裡: in
    # 透過間接投資方式: by way of; 針對哪些產品: aimed at; 如果: if; 為配合離岸風電而加強: and so
    r"|透過|經由|藉由|針對|如果|假如|倘若|否則|(?:然|因|從|進|反)?而(?!言)"
    r"|投入(?=\s*(?:商轉|商業運轉|運轉|營運|使用|服務|生產))"  # '投入商轉': put to work, no money put in
    r"|(?<![^\s，,])依(?:照)?(?=[\u4e00-\u9fff]{2})"  # '依智慧電表推動規劃，': according to
    r"|(?<![達降提升增減收得找看回遇做辦受遭感直迄至遲算計領拿])到(?![期位達底])"  # 大廠到臺中港: to (not 達到, 降到, 到期)
)
# Words that name the kind of figure asked for, which the unit and kind already capture.
_MEASURE_WORDS = re.compile(
    r"(?<![再用])水量(?=\s*(?:是|有|為|約|達)?\s*(?:多少)?\s*[？?]?\s*$)|"  # '每日供應…多少水量': so much water, a volume
    r"(?<=[\u4e00-\u9fff]{2})(?<![方專提法草檔個答議標預本全每結])案(?=\s*[？?]?\s*$)|"  # '查到幾件毒品案': the cases counted, '毒品 186 件'
    r"(?<=[\s了的件個項])申請案?(?=\s*[？?]?\s*$)|"  # '受理了多少件申請': what is counted, '受理 7,740 件'
    r"累積|金額|總?經費|數量|數目|(?:案件|件|家|人|次|[類戶項案場班])數(?!位)|案件(?=[^\u4e00-\u9fff]|累計|共|有|數|中|$)|(?<=的)案件|百分比|比率|比例|所占|所佔|占比|佔比|比重|"
    r"(?:裝置|發電|機組)?(?<![蓄庫水])容量|面積|總?重量|總?長度|幅度|多少|總計|合計|共計|累計|成長|增加|減少|提升|下降"
)


# An ordinal of a recurring thing: 首屆, 第二屆, 第 2 期, 第三階段.
# A numbered unit is named the same way: 2 號機 (of a plant).
_ORDINAL = re.compile(r"(?:第\s*([一二三四五六七八九十兩\d]{1,3})|(首))\s*(屆|次|期|階段|批|輪)|(?<![\d.])(\d{1,2}(?:\s*[、及和與]\s*\d{1,2})*)\s*(號機)")  # 8、9 號機組
# '是第幾屆會議', '第幾次': a place in a series, which a report writes 第 32 屆 (not 第幾季: a date)
ORDINAL_COUNTERS = "屆|次|期|階段|批|輪|場|梯|名"  # the places in a series a question may ask, and `ordinal_answer` reads
ORDINAL_ASKED = re.compile(rf"第\s*幾\s*({ORDINAL_COUNTERS})")


def ordinals(text: str) -> dict[str, set[int]]:
    """{counter: {numbers}} of the ordinals `text` names ('首屆…第二屆' → {'屆': {1, 2}})."""
    found: dict[str, set[int]] = {}
    for match in _ORDINAL.finditer(text):
        if match.group(5):
            found.setdefault(match.group(5), set()).update(int(number) for number in re.findall(r"\d+", match.group(4)))
            continue
        number = 1 if match.group(2) else count_of(match.group(1))
        found.setdefault(match.group(3), set()).add(number)
    return found


def another_ordinal(asked: str, text: str) -> bool:
    """Whether `text` names only other ordinals of a counter the question names (asked 第二屆, '首屆…')."""
    wanted = ordinals(asked)
    if not wanted:
        return False
    named = ordinals(text)
    return any(counter in named and not (named[counter] & numbers) for counter, numbers in wanted.items())


# A name with its version: '地方創生 2.0', '工業 4.0', '水環境建設 2.0'.
_VERSIONED = re.compile(r"([\u4e00-\u9fff]{2,8})\s*(\d{1,2}\.\d)(?![\d.])")


def another_version(asked: str, text: str) -> bool:
    """Whether `text` names a versioned name the question asks ('地方創生 2.0') without its version:
    the figure of '地方創生…投入經費 148 億元' is the first programme's, not 2.0's."""
    for name, version in _VERSIONED.findall(asked):
        written = [found.group(1) for found in re.finditer(rf"{re.escape(name)}\s*(\d{{1,2}}\.\d)?", text)]
        if written and version not in written:
            return True
    return False


# A procedure's stages: asked about one ('最終調查報告'), the other's figure or date ('初步事實資料') answers something else.
STAGES = tuple((fold(first), fold(second)) for first, second in (("初步", "最終"), ("初稿", "定稿"), ("初審", "複審")))


@dataclass
class Question:
    text: str  # as read: in the report's words (`in_report_words`)
    wants: str  # "number", "date", "names" or "ordinal"
    asked: str = ""  # as the reader wrote it
    units: set[str] = field(default_factory=set)  # accepted base units (empty: any)
    dimensions: set[str] = field(default_factory=set)  # accepted dimensions (empty: any)
    period: tuple[date | None, date | None] | None = None
    as_of: bool = False
    count: int | None = None  # "哪 5 家": the list must have 5 names
    part: str | None = None  # "…中有多少件是新創企業": the part of a whole asked for (folded, compact)
    part_core: str | None = None  # the part without the whole's own words: 漁船 of '水路事故中，漁船事故有幾件'
    excluded: list[str] = field(default_factory=list)  # "電話服務（不含文字）": what the figure asked leaves out (folded)
    included: list[str] = field(default_factory=list)  # "總面積（含陸域與海域）": parts the figure asked sums (folded)
    basis: list[str] = field(default_factory=list)  # '以…販售量來估算，…': what the figure asked is reckoned from (folded)
    others_than: list[str] = field(default_factory=list)  # "漢翔以外的國內供應商": who the others asked leave out (folded)
    wants_places: bool = False  # "哪些國家", "哪些縣市": the names must be places
    wants_title: bool = False  # "簽署的是什麼文件": one name in 「」 will do
    wants_url: bool = False  # "查詢網站的網址是什麼": one web address
    kind_ended: tuple[str, str] | None = None  # "建置了什麼中心": (the verb, the kind), folded
    body_asked: str | None = None  # "和哪家國際驗證機構": the kind of body (機構), whose name follows it
    wants_target: bool = False
    wants_actual: bool = False
    wants_change: bool = False
    segments: list[str] = field(default_factory=list)  # folded content words
    anchors: list[str] = field(default_factory=list)  # the question's own dates and figures, compacted
    date_anchors: list[str] = field(default_factory=list)  # those of them that are dates
    asides: set[str] = field(default_factory=set)  # segments a bracket adds: '（受疫情影響標竿企業之研發輔導）'
    aliases: dict[str, str] = field(default_factory=dict)  # a name's abbreviation in brackets: '雙邊投資保障協定（BIA）' → {'bia': name}

    @property
    def ordinal_counter(self) -> str | None:
        """'是第幾屆': the counter of the place in a series asked (屆)."""
        asked = ORDINAL_ASKED.search(self.text)
        return asked.group(1) if asked else None

    @property
    def places_named(self) -> frozenset[str]:
        """The counties, countries and regions the question names (folded), glued to other words or not."""
        return _places_in(" ".join(self.segments))

    @property
    def wants_year(self) -> bool:
        """'是哪一年': a year will do, and is the answer even where the report gives the day."""
        return self.wants == "date" and bool(_YEAR_ASKED.search(self.text))

    @cached_property
    def folded(self) -> str:
        """The question's text folded as the report's text is for matching (臺/台, widths, 简/繁)."""
        return fold(self.text)

    @cached_property
    def folded_alike(self) -> str:
        """The folded question with words the reports use alike put as one (`reader_words.same_words`)."""
        return same_words(self.folded)

    @cached_property
    def counted_noun(self) -> str | None:
        """'共判釋出多少處潛在大規模崩塌區' → 潛在大規模崩塌區 (folded): what the count asked counts, named right after its counter."""
        found = _COUNTED_AFTER.search(self.text)
        return fold(found.group(1)) if found else None

    @cached_property
    def stated_counts(self) -> frozenset[str]:
        """The numbers of the counts and measures the question states ('11 件補助案' → 11), dates aside."""
        return frozenset(found.group(0) for anchor in self.anchors if anchor not in self.date_anchors if (found := _LEADING_NUMBER.match(anchor)))

    @cached_property
    def compacted(self) -> str:
        """The folded question without its spaces, as figures are looked for in it (435件)."""
        return compact(self.folded)

    @property
    def search_terms(self) -> list[str]:
        """Content words for retrieval, taken in turn from each segment: short segments and Latin
        words whole (a three-character one then as bigrams too: 毒品案 of '毒品 186 件'), long ones as
        bigrams (the report may split them: 製造業…薪資…補貼)."""
        queues = []
        for segment in self.segments:
            if segment in self.anchors:
                continue
            whole = len(segment) < 3 or segment.isascii()  # 'innovex' is one word, not 'in', 'nn', …
            pieces = [segment] if whole else [*([segment] if len(segment) == 3 else []), *bigrams(segment)]
            pieces = [form for piece in pieces for form in (piece, *alike_forms(piece))]  # 风电: also 风力发电
            queues.append([piece for piece in pieces if len(piece) >= 2])
        terms: list[str] = []
        while any(queues) and len(terms) < 14:
            for queue in queues:
                if queue:
                    piece = queue.pop(0)
                    if piece not in terms:
                        terms.append(piece)
        return terms[:14]

    def unit_matches(self, claim: Claim) -> bool:
        if self.units and claim.base_unit in self.units:
            return True
        if self.dimensions and claim.dimension in self.dimensions:
            return True
        return not self.units and not self.dimensions

    def coverage(self, windows: list[tuple[str, float]], rarity: dict[str, float] | None = None, period_matched: bool = False) -> float:
        """How well passages cover the question: each content bigram counts with the weight of the
        nearest window holding it (the figure's own words 1.0 … the rest of its item 0.35) and
        with its rarity (a rare word tells more than a common one); a content word found nowhere
        near the figure costs a third of the score: it is what tells a near miss from the answer."""
        texts = [(_window_words(text), weight) for text, weight in windows]
        asked_places = self.places_named
        total = found = 0.0
        penalty = 1.0
        for segment in self.segments:
            is_date = segment in self.date_anchors or (period_matched and segment in PERIOD_WORDS)
            best_in_segment = 0.0
            found_grams = []
            restated = _restated_count(segment, texts) if segment in self.anchors and not is_date else 0.0
            restated = max(restated, self._abbreviated(segment, texts))
            for gram in bigrams(segment):
                weight = max(max((w for text, w in texts if gram in text), default=0.0), restated)
                found_grams.append(weight > 0.0)
                if is_date and period_matched:
                    weight = 1.0  # the figure's own period is the one asked for, however it is written
                importance = (rarity or {}).get(gram, 1.0)
                if not weight and (segment in self.asides or segment == _HOME):
                    continue  # an aside, or the report's own country, is counted where the text has it, never held against a passage that lacks it
                total += importance
                found += weight * importance
                best_in_segment = max(best_in_segment, weight)
            # A place or organisation the question names must stand by the figure (對美國的出口).
            if is_date or segment in _UNSAID or segment in _own_offices() or segment in self.asides:
                continue  # a bracket's aside describes what is asked, perhaps in another item's words
            if segment == _HOME and not _names_another_place(asked_places, texts):
                continue  # '我國和奈及利亞合辦': the report's own country, unsaid unless another is named instead
            if is_place(segment) and best_in_segment < 0.85 and (best_in_segment < _SENTENCE or _names_another_place(asked_places, texts)):
                penalty *= 0.5  # about another place or body: a near miss, not the answer
            elif _about_another_company(segment, texts):
                penalty *= 0.5  # 台電公司 asked, 中油公司 by the figure: 公司 alone matches nothing
            elif _CODE_NAME.fullmatch(segment) and not any(_whole_code(segment).search(text) for text, _ in texts):
                penalty *= 0.5  # PM10 is not PM2.5, B5G not 5G: a code name matches whole or not at all
            elif best_in_segment < 0.5 and segment not in _VERBS_REPORTS_LEAVE_OUT and segment not in _NOUNS_REPORTS_LEAVE_OUT:
                penalty *= 0.67
            elif _longest_uncovered(found_grams) >= _MISSING_WORD:
                penalty *= 0.67  # a word of the question is nowhere in the item (專利「侵權訴訟」案件)
        if not total:
            return 0.0
        return (found / total) * penalty

    def words_said(self, text: str) -> str:
        """The question's content words that `text` says whole or nearly (three bigrams in four: '受疫情影響
        標竿企業研發輔導' in '…標竿企業之研發輔導'), joined: a window that lends a figure words, never a bigram of
        one ('犯罪' of 暴力犯罪)."""
        if not text:
            return ""
        words = _window_words(text)
        return "，".join(segment for segment in self.segments if _nearly_in(segment, words))

    def _abbreviated(self, segment: str, texts: list[tuple[str, float]]) -> float:
        """A name the question gives with its abbreviation, held where a window writes the abbreviation."""
        codes = [code for code, name in self.aliases.items() if segment and name.endswith(segment)]
        return max((w for code in codes for text, w in texts if re.search(rf"(?<![a-z]){re.escape(code)}(?![a-z])", text)), default=0.0)

    def rarity(self, texts: list[str]) -> dict[str, float]:
        """Inverse document frequency of each content bigram among `texts` (the candidate items)."""
        import math

        compacted = [same_words(compact(text)) for text in texts]
        weights = {}
        for segment in self.segments:
            for gram in bigrams(segment):
                frequency = sum(1 for text in compacted if gram in text)
                # A bigram in no candidate is usually the seam of two words ("構申" of 機構+申請).
                weights[gram] = math.log(1 + (len(compacted) + 1) / (frequency + 1)) if frequency else 0.3
        return weights


def _restated_count(segment: str, texts: list[tuple[str, float]]) -> float:
    """A count the question states in another measure word ('5 場線上臺灣形象展' of '總計 5 展'):
    its number, standing alone in a window, holds it a little less well than its words would."""
    number = _LEADING_NUMBER.match(segment)
    if number is None:
        return 0.0
    alone = re.compile(rf"(?<![\d.,]){re.escape(number.group(0))}(?![\d.,])")
    return 0.8 * max((w for text, w in texts if alone.search(text)), default=0.0)


_COUNTED_AFTER = re.compile(rf"(?:多少|幾)\s*(?:{_COUNTERS})\s*([A-Za-z][A-Za-z0-9]*\s*[\u4e00-\u9fff]{{2,}}|[\u4e00-\u9fff]{{4,}})(?=\s*[？?，,]|$)")  # 多少個 wifi 熱點
_LEADING_NUMBER = re.compile(r"\d[\d,.]*(?=[^\d,.])")


# Verbs a reader puts before a figure that reports often leave out ('可以創造多少就業機會' for
# '新增…就業機會 200 人'): missing, they count as any word does, but do not mark a near miss.
_VERBS_REPORTS_LEAVE_OUT = frozenset(
    fold(word) for word in (
        "創造", "帶動", "促成", "產生", "達成", "提供", "獲得", "取得", "舉行", "舉辦", "帶來", "新增", "分布", "處理", "造成", "進行", "找出",
        "施行", "實施", "生效", "上路", "適用", "收取", "決定", "運作", "發掘", "發掘出", "吸引",  # '從哪一天開始施行': a report writes '自 110 年 1 月 1 日起，…'
        "涵蓋", "包括", "包含", "涉及",  # '涵蓋哪 10 種器具': a list leads in with its own verb, or with none
        "開辦", "開設", "開課",  # '開辦多少班次': a report writes the classes, '課程 155 班次'
        "結束",  # '期程到何時結束': a span's end, '107 年 3 月至 116 年 12 月'
        "依據", "根據",  # '是依據哪一項計畫辦理': a report writes '依「…計畫」'
        "配合",  # '修正後須配合的法規命令': a report writes what must be 訂定、修正
        "制修訂", "制訂", "修訂",  # '標準檢驗局制修訂…國家標準': the standards are listed, '…等國家標準共 152 種'
        "參與", "參加",  # '約有多少人次參加': a report counts the people of an event, '約 700 人次配套訓練'
        "發掘",  # '發掘的節電潛力': a report writes the potential, '節電潛力 620.6 萬度'
        "領到", "拿到",  # '每人最多可以領到多少錢': a grant is written '最高發給…3 萬元'
    )
)

# Nouns a reader adds that a report leaves to its verb ('的工程是在何時完工': '107 年 8 月完工').
# '促成多少商機': a fair's '促成逾 1.3 億美元' leaves the opportunity unsaid.
# '100 年至 109 年期間' of '100 年至 109 年年均': the span is said by the figure's words.
# '核定的經費總額': the figure is the whole of what it counts ('核定經費 152 億 6,300 萬元'); '…認證的計畫': a reader's name for the work.
# '買方必須在多久內…': a rule names the deal, not its party ('土地出售時，明定 2 年內需取得使用執照').
_NOUNS_REPORTS_LEAVE_OUT = frozenset(fold(word) for word in ("工程", "工作", "買方", "商機", "規定", "每月", "每年", "期間", "總額", "總數", "計畫", "規模", "申請"))
# '一年大概幫多少家': a year's worth, which a report writes 每年 (not 第一年, 一年內, 哪一年)
_A_YEARS_WORTH = re.compile(r"(?<![第十同單前後哪])一年(?![期內半多以來])")

# Words a ministry's report mostly leaves unsaid: counted where the text has them (我國出口 …), no
# near miss where it does not.
# The country a report is about, and the times it reports on (疫情期間: the whole of 109 年), are mostly left unsaid.
_UNSAID = frozenset(fold(word) for word in ("我國", "我方", "全國", "全臺", "全臺灣", "國內", "疫情期間", "疫情下", "疫情期間內", "疫情前"))

_HOME = fold("臺灣")  # what 我國 becomes where a reader's words pair it with another country (我國和 → 臺灣與)

# A one-character insertion in brackets: '投(增)資金額', '核准(備)' are read as 投資金額, 核准.
_INSERTION = re.compile(r"[(（][\u4e00-\u9fff][)）]")
# A name completed in brackets: '臺宏(都拉斯)FTA' is read as 臺宏都拉斯, so 宏都拉斯 is found in it.
_COMPLETION = re.compile(r"(?<=[\u4e00-\u9fff])[(（]([\u4e00-\u9fff]{2,4})[)）]")


def _nearly_in(segment: str, words: str) -> bool:
    grams = bigrams(segment)
    return bool(grams) and sum(1 for gram in grams if gram in words) >= 0.75 * len(grams)


def _window_words(text: str) -> str:
    """A window as coverage reads it: compacted, insertions out, words used alike as one."""
    return _window_words_under(text, words_in_force())


@lru_cache(maxsize=4096)
def _window_words_under(text: str, _words: str | None) -> str:
    """Cached, per file of words in force: every figure of an item has the item's text and headings
    among its windows, and its sentence's figures share more."""
    return same_words(compact(_COMPLETION.sub(r"\1", _INSERTION.sub("", text))))


# Characters of a content word in no bigram found anywhere near: a seam between two words leaves
# none uncovered, a generic two-character word (案件) may; three in a row are a missing word.
_MISSING_WORD = 3


def _longest_uncovered(found_grams: list[bool]) -> int:
    """The longest run of characters that no found bigram covers (bigram i covers chars i and i+1)."""
    if len(found_grams) < 2:
        return 0
    covered = [False] * (len(found_grams) + 1)
    for i, found in enumerate(found_grams):
        if found:
            covered[i] = covered[i + 1] = True
    longest = run = 0
    for char_covered in covered:
        run = 0 if char_covered else run + 1
        longest = max(longest, run)
    return longest


def is_place(segment: str) -> bool:
    """Whether a (folded) segment of a question is a county, a country or a region."""
    return segment in _folded_names()


# The weight of the figure's sentence among coverage's windows: a place named there and nowhere
# nearer is still the figure's when the sentence names no other ('目前已提出雲林地區有才村試辦計畫，
# …，估計滯洪量 1.48 萬立方公尺').
_SENTENCE = 0.65


def _names_another_place(asked: frozenset[str], windows: list[tuple[str, float]]) -> bool:
    """Whether a window as near as the figure's sentence names a place other than those `asked`
    ('歐盟針對我國、中國大陸及印尼進口之…案': asked about all three, none is another's)."""
    return any(weight >= _SENTENCE and any(all(place not in other and other not in place for place in asked) for other in _places_in(text))
               for text, weight in windows)


# The companies a question names by their short name and 公司 (台電公司, 中油公司): their 公司 is
# shared, so what tells one from another is the short name, asked for by the figure or not at all.
_COMPANIES = tuple(fold(name) for name in ("台電", "中油", "台糖", "台水", "中鋼", "漢翔"))
_COMPANY_NAMED = re.compile("|".join(_COMPANIES))


def _about_another_company(segment: str, windows: list[tuple[str, float]]) -> bool:
    """Whether `segment` names a company (台电公司) that no window as near as the figure's sentence
    names, while such a window names another."""
    asked = _COMPANY_NAMED.match(segment)
    if asked is None:
        return False
    near = [text for text, weight in windows if weight >= _SENTENCE]
    return not any(asked.group(0) in text for text in near) and any(
        other != asked.group(0) for text in near for other in _COMPANY_NAMED.findall(text)
    )


@lru_cache(maxsize=4096)
def _places_in(text: str) -> frozenset[str]:
    return frozenset(_place_names().findall(text))


def place_spans(folded: str) -> list[tuple[int, int]]:
    """Where a (folded) text names a county, a country or a region."""
    return [match.span() for match in _place_names().finditer(folded)]


@lru_cache(maxsize=1)
def _place_names() -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, _folded_names()), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _folded_names() -> frozenset[str]:
    """The counties and countries entities.py knows, and the regions a reader names as places (對東協
    的出口), folded once (not per segment and window)."""
    from policyledger.entities import COUNTIES, COUNTRIES

    return frozenset(fold(name) for name in (*COUNTIES, *COUNTRIES, *_REGIONS, *_PARKS))


_REGIONS = ("東協", "中東", "東南亞", "北美", "拉丁美洲", "中南美洲", "非洲", "歐洲")
_PARKS = ("竹科", "中科", "南科")  # the science parks, as reader_words.txt writes each (中部科學園區 → 中科)


@lru_cache(maxsize=1)
def _own_offices() -> tuple[str, ...]:
    """The offices of a ministry entities.py knows (標準檢驗局, 水利署, 中小企業處, 商業司), folded,
    longest first: a report in the ministry's voice seldom says which office did a thing."""
    from policyledger.entities import KNOWN_ORGS

    offices = {name for name in KNOWN_ORGS if name.endswith(("局", "署", "處", "司"))} | set(_OFFICES_IN_FULL)
    return tuple(sorted((fold(name) for name in offices), key=len, reverse=True))


_OFFICES_IN_FULL = ("智慧財產局", "國際貿易局", "中小及新創企業署", "產業發展署", "產業園區管理局", "中央地質調查所", "地調所", "標檢局")


# A name made of Latin letters and digits (PM10, 5G, COVID-19): its bigrams say nothing of it.
# A name and its abbreviation in brackets, which a report may write alone: '臺越 BIA 已於 108 年 12 月簽署'.
_ABBREVIATED = re.compile(r"([\u4e00-\u9fff]{2,})\s*[（(]\s*([A-Z][A-Za-z&]{1,9})\s*[)）]")

_CODE_NAME = re.compile(r"(?=[a-z0-9.+-]*[a-z])(?=[a-z0-9.+-]*\d)[a-z0-9.+-]+")


@lru_cache(maxsize=256)
def _whole_code(code: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9.]){re.escape(code)}(?![a-z0-9]|\.\d)")


# '今年（110 年）1 到 2 月': the year named in the bracket is the one meant, and the months are of it.
_YEAR_NAMED = re.compile(r"(?:今年|去年|本年|明年)\s*[（(]\s*(\d{2,3}\s*年(?:度)?)\s*[）)]")
# A date followed by what was made then, a forecast or a survey, with the period asked after it.
_WHEN_FORECAST = re.compile(r"\s*(?:所?發布)?的?\s*(?:預測|預估|推估|調查|民調)")
# '民國 113 年': the era a reader writes before a year, which a report leaves out.
_ERA = re.compile(r"(?:中華)?民國\s*(?=\d{2,3}\s*年)")


_BRACKETED_WORDS = re.compile(r"[（(][^）)]*[）)]")


def bigrams(segment: str) -> list[str]:
    if len(segment) == 1:
        return [segment]
    return [segment[i:i + 2] for i in range(len(segment) - 1)]


_JUST_THEN = re.compile(r"(?:光是|單是|單單)(?=\s*(?:第\s*[1-4一二三四]\s*季|[上下]半年|\d{1,2}\s*月))")
# A month a question counts up to without any year ('到 8 月底受理了多少'): the last such month by the
# report's date. (A month naming when something happened, '7 月底颱風豪雨', is left to the words.)
_MONTH_ALONE = re.compile(r"(?<=到|至|止)\s*(\d{1,2})\s*月(?=底|份|\s*\d{1,2}\s*日)")
_ANY_YEAR = re.compile(r"\d{2,4}\s*年|年度|學年|今年|去年|本年|明年|前年")


def _with_the_months_year(question: str, report_year: int, report_month: int | None) -> str:
    month = _MONTH_ALONE.search(question)
    if month is None or _ANY_YEAR.search(question) or not 1 <= int(month.group(1)) <= 12:
        return question
    year = report_year - (report_month is not None and int(month.group(1)) > report_month)
    return f"{question[:month.start()]}{year - 1911} 年 {question[month.start():]}"


_COUNTED_UP_TO = re.compile(r"\s*(?:截至|截止|統計至|到|至|迄)")
_STARTING_THEN = re.compile(r"\s*開始(?=\s*[，,])")  # '從 116 年開始，': since then, as a report writes 116 年起


_YEAR_WORD_IN_PART = re.compile(
    r"(今年|本年|去年)(?=\s*(?:\d{1,2}\s*(?:[至到~-]\s*\d{1,2}\s*)?月|第\s*[1-4一二三四]\s*季|[上下]半年|前\s*\d{1,2}\s*個月|前\s*[1-3一二三]\s*季|底|初))",
)


def parse_question(text: str, report_year: int | None = None, authors: tuple[str, ...] = (), report_month: int | None = None) -> Question:
    """A question read: what it asks for, about what, when. `report_year` (the Gregorian year of
    the newest report asked about) says which year 去年 and 今年 are, and with `report_month` which
    year a month named alone is of; `authors` (`authors_of`) are the bodies whose reports are asked,
    which the reports call 本部: not words to look for."""
    normalized = _ERA.sub("", _YEAR_NAMED.sub(r"\1", in_report_words(to_halfwidth_digits(text.strip()))))
    if report_year is not None:  # '今年 1 至 8 月', '去年底': the report's year or the one before, as the report writes it (114 年 1 至 8 月)
        normalized = _YEAR_WORD_IN_PART.sub(lambda word: f"{report_year - 1911 - word.group(1).startswith('去')} 年", normalized)
        normalized = _with_the_months_year(normalized, report_year, report_month)
    normalized = _JUST_THEN.sub("", normalized)  # '114 年光是第 2 季': the quarter of that year
    normalized = _SET_ASIDE.sub(" ", normalized)
    normalized = _TABLE_POINTED.sub(" ", normalized)  # '依表 1，…': where to look, no word of what is asked
    normalized = _SET_ASIDE_IN_BRACKET.sub(r"\1", normalized)  # '（整體，不是電視台製播經費）': what is set aside is not asked
    besides = [word.strip("「」") for match in _BESIDES.finditer(normalized) for word in match.groups() if word]
    normalized = _BESIDES.sub(" ", normalized)
    others_than = [compact(fold(found.group(1))) for found in _OTHERS_THAN.finditer(normalized)]
    normalized = _OTHERS_THAN.sub(" ", normalized)
    normalized = _TYPE_OF.sub(r"\1", normalized)  # '哪些類型的礦場': the kind asked is 礦場
    question = Question(text=normalized, wants=_wants(normalized), asked=text)
    # what a bracket adds ('執行率（以預算數計）是多少') does not say what is asked, unless nothing else does
    _set_units(question, _BRACKETED_WORDS.sub("", normalized), compared=bool(_COMPARED.search(text)))  # the reader's words drop the base
    if not question.units and not question.dimensions:
        _set_units(question, normalized, compared=bool(_COMPARED.search(text)))
    question.wants_places = question.wants == "names" and bool(_PLACES_ASKED.search(normalized))
    question.wants_title = bool(_TITLE_ASKED.search(normalized))
    question.wants_url = bool(_URL_ASKED.search(normalized))
    kind_ended = _KIND_ENDED_ASKED.search(normalized)
    question.kind_ended = (fold(kind_ended.group(1)), fold(kind_ended.group(2))) if kind_ended else None
    body = _BODY_ASKED.search(normalized) or _BODY_BEFORE_WHICH.search(normalized) or _KIND_NAMED.search(normalized)
    question.body_asked = fold(body.group(1)) if body else None
    part = _PART_ASKED.search(normalized)
    question.part = _KIND_OF_PART.sub("", compact(fold(_PART_TAIL.sub("", next(group for group in part.groups() if group))))) if part else None
    question.part_core = _core_of_part(question.part, normalized[:part.start()]) if part and question.part else None
    # '（不含行銷、訓練活動）': each of a list set aside
    question.excluded = [compact(fold(word)) for found in [*_EXCLUDED.findall(normalized), *besides] for word in found.split("、") if word]
    # '（不分屋頂型或地面型）': the whole asked, so no one of its kinds is
    question.excluded += [compact(fold(word)) for found in _REGARDLESS.findall(normalized) for word in re.split("、|或|及|與|和", found) if len(word) >= 2]
    question.others_than = others_than
    question.included = [compact(fold(word)) for found in _INCLUDED.findall(normalized) for word in re.split("、|與|及|和", found) if word]
    question.wants_target = bool(_TARGET.search(normalized))
    question.wants_actual = bool(_ACTUAL.search(normalized)) and not question.wants_target
    asked_part = _CONDITION_STATED.sub("", normalized)  # '營業額減少 15% 以上時，…可以申請減免多少': the condition is not what is asked
    question.wants_change = bool(_CHANGE.search(asked_part)) and ("percent" in question.dimensions or bool(_CHANGE_BY_AN_AMOUNT.search(asked_part)))
    count = _COUNT_IN_NAMES.search(normalized) or (_COUNT_BEFORE_WHICH.search(normalized) if question.wants == "names" else None)
    if count:
        question.count = count_of(next(group for group in count.groups() if group)) or None
    elif question.wants == "names" and (_ONE_ASKED.search(normalized) or (
            (question.wants_title or question.kind_ended or question.wants_url) and "哪些" not in normalized)):
        question.count = 1  # '設置了哪一所示範幼兒園', '系統叫什麼名稱': one name, never a list
    remainder = _PLANNED_FOR.sub(lambda verb: " " * len(verb.group(0)), normalized)  # offsets kept
    # '114 年中選會撥給…': the author's name is no 年中 (mid-year); blanked, offsets kept
    searched = _author_words(authors).sub(lambda name: " " * len(name.group(0)), normalized)
    found = find_time_expressions(searched, None, report_year)
    # a month without its year is of the year the question names (今年減船計畫到 8 月底, 第 4 季（109 年第 4 季）)
    named_year = next((expr.year for expr in found if expr.year), None)
    if named_year is not None:
        found = find_time_expressions(searched, named_year, report_year)
    exprs = [e for e in found if e.role != "base"]
    if len(exprs) > 1 and _WHEN_FORECAST.match(normalized, exprs[0].end):
        exprs = exprs[1:]  # '114 年 2 月的預測中，114 年平均每人 GDP…': when it was forecast, not what for
    if exprs:
        first = exprs[0]
        question.period = (first.period_start, first.period_end)
        question.as_of = first.role == "as_of"
        until = next((e for e in exprs[1:] if e.role == "as_of"), None)
        if first.role == "open" and until is not None:  # '自 98 年開放陸資來臺投資至 109 年底': one span
            question.period, question.as_of = (first.period_start, until.period_end), False
        elif until is not None and _restates_the_end(normalized, first, until):
            pass  # '109 年第 4 季（統計到 109 年底）': a bracket counting the quarter to its end asks the quarter
        elif until is not None and first.period_end is not None and until.period_end is not None and (
                until.period_end >= first.period_end or (_COUNTED_UP_TO.match(until.text) and until.period_end >= (first.period_start or first.period_end))):
            # '109 年投入的經費，截至 109 年底已執行多少', '今年…到 8 月底收購了幾艘': the later 截至 dates what is asked
            question.period, question.as_of = (until.period_start, until.period_end), True
        when = first.period_start or first.period_end
        if report_year is not None and when is not None and when.year > report_year and not question.wants_actual and not _PRESENT.search(normalized):
            question.wants_target = True  # '114 年初開始供水後，每日可供水多少': a year still to come is a plan's
    for expr in sorted(found, key=lambda e: -e.start):
        end = SINCE_AFTER.match(remainder, expr.end) or _STARTING_THEN.match(remainder, expr.end)  # '從 110 年起調成': 起 belongs to the date
        remainder = remainder[:expr.start] + " " + remainder[end.end() if end else expr.end:]
    remainder = QUARTER_ALONE.sub(" ", remainder)  # '第 4 季申請': an anchor of its own, not glued to the words after it
    question.anchors = _anchors(normalized, exprs)
    if count and question.wants == "names":  # '6 個國家是哪些': the list's size, which '於 6 國（…）' need not write as asked
        stated = compact(fold(count.group(0)))
        question.anchors = [anchor for anchor in question.anchors if not stated.startswith(anchor)]
    question.date_anchors = [compact(fold(e.text)) for e in exprs]
    if question.wants == "date":  # '從哪一天開始接種': a report writes the start as 自 110 年 3 月 22 日起
        remainder = _STARTING.sub(" ", remainder)
        remainder = _SESSION_OF_DATES.sub(" ", remainder)  # '第一場是哪一天': which of the dates listed, no word to look for
    if question.wants == "ordinal":  # '是第幾屆': the place asked, no word to look for
        remainder = ORDINAL_ASKED.sub(" ", remainder)
    remainder = _COUNTED_BY.sub(r"（\g<0>）", remainder)  # '如果按指定類別計算': how to count, an aside
    remainder = _IN_RESPONSE_TO.sub(r"（\g<0>）", remainder)  # '因應 109 年旱象，': why, in the reader's words, an aside
    remainder = _authors_subject(authors).sub(r"（\g<0>）", remainder)  # '勞動基金' of 勞動基金運用局: what its report is all about
    if question.wants == "names":  # '是哪幾部新機組': the kind of the names, which a list need not write (林口新 3 號機、…)
        remainder = _KIND_CLOSING.sub(r"\1（\2）", remainder)
    # '以…販售量來估算，能提供多少砂石成品': what the figure asked is reckoned from, not the figure
    question.basis = [segment for found in _BASIS.finditer(remainder) for segment in _segments(found.group(1), authors) if len(segment) >= 3]
    remainder = _BASIS.sub(r"\1 ", remainder)  # how it is reckoned, no word to find
    question.segments = _segments(remainder, authors, year_named=question.period is not None) + question.anchors
    question.aliases = {fold(code).lower(): same_words(compact(fold(name))) for name, code in _ABBREVIATED.findall(normalized)}
    asides = _ASIDE.findall(remainder)
    if asides:  # what only a bracket says, not what the rest of the question says too
        question.asides = {segment for aside in asides for segment in _segments(aside, authors)} - set(_segments(_ASIDE.sub(" ", remainder), authors))
    question.asides |= set(question.basis)
    return question


def _restates_the_end(text: str, period, until) -> bool:
    """Whether `until` is a bracket's aside that dates the end of `period` (its last day), not another date."""
    opened = max(text.rfind("（", 0, until.start), text.rfind("(", 0, until.start))
    closed = max(text.rfind("）", 0, until.start), text.rfind(")", 0, until.start))
    return opened > closed and period.period_start is not None and until.period_end == period.period_end


_MEASURES = "公噸|噸|公頃|公里|立方公尺|公尺|瓩|毫升|公升|公斤|公克|cc"  # units a figure the question states may carry
# A duration or measure the question states ('提高到至少 14 天是在哪一年', '增供每日 21.1 萬噸'): words of
# the passage asked for, as a count is.
_MEASURE_STATED = re.compile(rf"\d[\d,.]*\s*(?:萬|億)?\s*(?:天|個月|週|小時|分鐘|度|{_MEASURES})")


QUARTER_ALONE = re.compile(r"(?<![年\d\s])\s*第\s*[1-4一二三四]\s*季(?!度)")


def _anchors(text: str, exprs: list) -> list[str]:
    """Words the passage should also hold: the question's own dates (109年第3季) and figures (52家)."""
    anchors = [compact(fold(e.text)) for e in exprs if re.search(r"\d", e.text)]
    # a count, not an ordinal: 第 1 部 names which unit, the report need not write 1 部
    # nor the size of the list asked for: 哪 4 個縣市
    counts = re.finditer(r"(?<![第哪\d,.])(?<![第哪]\s)\d[\d,.]*\s*(?:萬|億)?\s*(?:" + "|".join(COUNTERS) + ")", text)  # not 7 次 of 第 27 次
    measures = _MEASURE_STATED.finditer(text)
    # a number inside a date is no figure of its own: '前 8 個月' is part of '114 年前 8 個月'
    anchors += [compact(fold(m.group(0))) for m in (*counts, *measures) if not any(e.start <= m.start() < e.end for e in exprs)]
    anchors += [compact(fold(m.group(1))) for m in _YEARS_LONG.finditer(text)]  # '船齡超過 20 年': how old, no date
    # a quarter without its year ('補貼的第 4 季申請'): the report heads it with one (109 年第 4 季)
    anchors += [compact(fold(m.group(0))) for m in QUARTER_ALONE.finditer(text) if not any(e.start <= m.start() < e.end for e in exprs)]
    return [a for a in anchors if len(a) >= 2]


_YEARS_LONG = re.compile(r"(?:[船屋樓車機]齡|年資|超過|逾|未滿|長達)\s*(\d{1,2}\s*年)(?![度底初])")


# '涵蓋哪些類型的礦場': the members are named by the noun (地下礦場、露天礦場), not by 類型
_TYPE_OF = re.compile(r"(哪些|哪幾種|哪一種|哪種)\s*(?:類型|種類|類別)的")
# "哪些國家", "國家有哪些" ask for places; "國家標準…哪些國際組織" does not.
# '是在哪個地方驗證模組效能' asks one place (澎湖); '哪些地方的經貿團體' may list any names (和歌山、青森), '哪些地點' sites
_PLACES_ASKED = re.compile(r"哪(?:些|幾個?|一個?|個)\s*(?:國家|縣市|城市)|哪一?個\s*(?:地方|地點)|(?:國家|縣市|城市)\s*(?:有|是|為)?\s*哪|哪裡|何處|什麼地方")


# So much money for each hectare: a rate a report writes 元/公頃.
_PER_AREA = re.compile(r"每\s*(?:公頃|甲|平方公尺|坪)")
_PER_AREA_MONEY = re.compile(r"額度|補助|救助|給付|獎勵|津貼|金額|錢|元|租金|價")


# '發布了哪一個百分比門檻': a figure asked by which one it is, not a name.
_FIGURE_NAMED = re.compile(r"哪一?個?\s*(?:百分比|比例|比率|比重|數字|數值|金額)")


def _wants(text: str) -> str:
    if ORDINAL_ASKED.search(text):
        return "ordinal"
    if _URL_ASKED.search(text):
        return "names"
    if _DATE_WORDS.search(text):
        return "date"
    if _FIGURE_NAMED.search(text):
        return "number"
    if _NAME_WORDS.search(text) or _TITLE_ASKED.search(text) or _KIND_ENDED_ASKED.search(text):
        return "names"
    return "number"


def _set_units(question: Question, text: str, compared: bool = False) -> None:
    if _PER_AREA.search(text) and _PER_AREA_MONEY.search(text):  # '現金救助額度每公頃是多少': 20,000 元/公頃
        question.dimensions = {"price"}
        return
    if _DURATION_ASKED.search(text):
        question.dimensions = {"duration"}
        return
    if _SHARE_ASKED_LAST.search(text):  # "占領取人數的百分之多少": a share of a count, not the count
        question.dimensions = {"percent"}
        return
    counter = next((m for m in _COUNTER_ASKED.finditer(text) if not begins_another_word(m.group(1), text[m.end():m.end() + 1])), None)
    if counter and counter.group(1) == "個" and _JOBS_ASKED.search(text):  # "多少個工作": 137 人
        question.units = set(_JOBS_UNITS)
        return
    if counter and counter.group(1) == "個":
        # "幾個國家": the report counts in the noun's own measure word (13 國) as often as in 個.
        noun = _NOUN_AFTER.match(text, counter.end())
        question.units = {"個"} | ({noun.group(0), *_counted_in(noun.group(0)[0])} if noun else set())
        before = _NOUN_BEFORE.search(text, 0, counter.end())
        if not noun and before and before.group(1) in COUNTERS:  # 'LNG 出口國一共只有幾個': 21 國
            question.units |= _counted_in(before.group(1))
        # "多少個發電案場": or in a measure word the noun ends in (核發發電案場 167 案)
        whole = _NOUN_UP_TO_FOUR.match(text, counter.end())
        question.units |= {unit for char in (whole.group(0)[1:] if whole else "") if char in COUNTERS for unit in _counted_in(char)}
        return
    if counter:
        question.units = _counted_in(counter.group(1).replace("台", "臺"))
        return
    counted = _COUNT_NOUN.search(text)
    if counted:  # "多少就業人數", "核准家數是多少", "參觀人次是多少"
        question.units = _counted_in(next(group for group in counted.groups() if group))
        if compared and _CHANGE_ASKED.search(text):  # "件數比上年減少了多少？": by so many, or by so much
            question.dimensions = {"percent"}
        if _SPAN_OF_CHANGE.search(text):  # "件數比前一年減少的幅度是多少": by so much, a percentage
            question.units, question.dimensions = set(), {"percent"}
        return
    if _PEOPLE_ASKED.search(text):  # "投入多少研發人力？": people, counted in 人
        question.units = {"人", "人次"}
        return
    if _JOBS_ASKED.search(text):  # "創造多少就業機會？": 1,500 個 or 200 人
        question.units = set(_JOBS_UNITS)
        return
    written = _unit_written_after_asking(text)
    if written is not None:  # "多少度", "多少公噸", "幾 MW": the unit the answer is written in
        question.dimensions = {"volume", "mass", "rate"} if written in ("volume", "mass", "rate") else {written}
        return
    currency = _CURRENCY_ASKED.search(text)
    if currency:  # '多少歐元': an amount in another currency is no answer
        question.units = {_CURRENCIES[currency.group(1)]}
    elif _DATA_RATE.search(text):  # '平均下載速率是多少': so many Mbps, though 率 ends its name
        question.dimensions = {"data_rate"}
    elif _RATIO_ASKED.search(text):  # '減容比大約是多少': so many times, or a percentage
        question.dimensions = {"ratio", "percent"}
    elif _PERCENT.search(text):
        question.dimensions = {"percent"}
    elif _CHANGE_ASKED.search(text):
        question.dimensions = {"money", "percent"} if _MONEY.search(text) and not compared else {"percent"}
        if not compared and _VOLUME.search(text):  # '水庫容量增加了多少': so much water (每日 400 萬噸), or so many percent
            question.dimensions |= {"volume", "rate"}
    elif _RELIEF_ASKED.search(text):  # "可以申請減免多少": by so much money, or by so many percent
        question.dimensions = {"money", "percent"}
    elif _MONEY.search(text):
        question.dimensions = {"money", "price"} if _PRICE_ASKED.search(text) else {"money"}
    elif _PRICE_NAMED.search(text) and not _CHANGE.search(text):  # not '提高售價多少': by so many percent
        question.dimensions = {"money", "price"}
    elif _EMISSIONS.search(text):
        question.dimensions = {"mass"}
    elif _DOSE.search(text):  # '平均個人年有效劑量是多少': so many 毫西弗
        question.dimensions = {"dose"}
    elif _LENGTH.search(text):  # '沿線長度約為多少': so many 公里
        question.dimensions = {"length"}
    elif _ENERGY.search(text):
        question.dimensions = {"energy"}
    elif _POWER.search(text):
        question.dimensions = {"power"}
    elif _AREA.search(text):
        question.dimensions = {"area"}
    elif _VOLUME.search(text):
        question.dimensions = {"volume", "mass", "rate"}


_CURRENCIES = {"新臺幣": "TWD", "新台幣": "TWD", "美元": "USD", "美金": "USD", "歐元": "EUR", "日圓": "JPY", "日幣": "JPY", "日元": "JPY", "人民幣": "CNY"}
_CURRENCY_ASKED = re.compile("(" + "|".join(_CURRENCIES) + ")")

_SHARE_ASKED_LAST = re.compile(
    r"(?:百分之\s*(?:多少|幾)|(?:多少|幾)\s*(?:[%％]|個?百分比|個?百分點|比例|比重)|幾成"
    r"|(?:比例|比率|比重|占比|佔比)\s*(?:是|為|有|約)?\s*(?:多少|幾)|[占佔]\s*(?:了|約)?\s*多少)\s*[？?]?\s*$"  # 占領取人數的比例是多少; …中，機車使用者占多少
)
_PEOPLE = r"人力|人員|員工|人才|學員|民眾|學生|勞工|旅客|幼兒|兒童|病患|移工|志工|教師|新生"
_PEOPLE_ASKED = re.compile(
    rf"(?:幾|多少)[\u4e00-\u9fff]{{0,4}}?(?:{_PEOPLE})(?=\s*(?:參與|參加|受惠|受益)?\s*[？?]?\s*$)"
    rf"|(?:{_PEOPLE})的?(?:總數|總人數|人數)"  # '學生總數是多少？'
)
_JOBS_UNITS = frozenset({"個", "人", "人次"})  # jobs are counted as openings or as people
_JOBS_ASKED = re.compile(r"(?:幾|多少)\s*(?:個)?\s*(?:就業機會|工作機會|就業(?:人數)?(?=\s*[？?]?\s*$)|工作(?![坊天日]))")
# "核定的計畫中有多少件是新創企業？": a part of what the report counts, which must be named by the figure.
# What follows the part's name: '發電業的投資金額', '政府所占比例' name 發電業 and 政府.
_KIND_OF_PART = re.compile(fold(r"(?<=..)(?:類別|類)$"))  # '影像監控類的標準有幾項': the report lists '影像監控 3 項'
# '來自馬來西亞的': 馬來西亞, as a list of sources names it; '屬於採購方面的': 採購; '和防疫科技相關的': 防疫科技相關
_PART_TAIL = re.compile(r"^(?:由|來自|出自|屬於|和|與|跟)|(?:方面|部分)?(?:的|所[占佔]|[占佔]).*$|(?:方面|部分)$")
_PART_ASKED = re.compile(
    r"(?:幾|多少)\s*[\u4e00-\u9fff]?\s*(?:是|屬於|為)\s*([\u4e00-\u9fff]{2,10})\s*[？?]?\s*$"  # …中有多少件是新創企業
    r"|中\s*[，,]\s*([\u4e00-\u9fff]{2,10}?)\s*(?:大?約)?\s*有\s*(?:幾|多少)\s*[\u4e00-\u9fff]?\s*[？?]?\s*$"  # 435 件投資案中，外商投資案有幾件
    r"|經費中\s*[，,]\s*([\u4e00-\u9fff]{2,10}?)\s*的\s*(?:金額|經費)\s*(?:是|為)\s*多少\s*[？?]?\s*$"  # 總經費中，中央補助的金額是多少
    r"|(?:光是|單是|光就|單就|僅就)\s*([\u4e00-\u9fff]{2,8}?)(?=[\s，,到在的於有裝]|來看|觀之|而言|來說|$)"  # 地面型太陽光電裡面，光是漁電共生…
    r"|中\s*(?:屬於|是)\s*([\u4e00-\u9fff]{2,8}?)\s*的"  # 請求協處案件中屬於商標的案件有多少件
    r"|中\s*有\s*(?:幾|多少)\s*[\u4e00-\u9fff]?\s*已(?:經)?\s*([\u4e00-\u9fff]{2,6}?)\s*(?:了)?\s*[？?]?\s*$"  # 有重大進展者當中有幾件已經結案
    r"|並\s*已(?:經)?\s*([\u4e00-\u9fff]{2,6}?)\s*的\s*(?:有|共有)?\s*(?:幾|多少)"  # 有重大進展並已結案的有幾件
)


def _core_of_part(part: str, whole: str) -> str:
    """The part asked without what the whole says already: '水路事故中，漁船事故有幾件' asks of 漁船 (its list
    writes '其中漁船 10 件'), '解讀的飛航紀錄器中，替外國調查機關解讀的有幾具' of 外國調查機關."""
    whole = compact(fold(whole))
    if len(part) > 3 and part[-2:] in whole:
        part = part[:-2]
    return _ON_BEHALF.sub("", part) if len(part) > 3 else part


_ON_BEHALF = re.compile(fold(r"^(?:替|為|幫|向|對)"))


def _counted_in(noun: str) -> set[str]:
    """A measure word asked for, and its 次 form or the one without (場 and 場次, 人次 and 人): a
    report counts 101 場次徵才活動 where a reader asks 幾場."""
    once = noun[:-1] if len(noun) == 2 and noun.endswith("次") else noun
    counted = {noun} | {word for word in (once, once + "次") if word in COUNTERS}
    return counted | {alike for word in counted for alike in _COUNTED_ALIKE.get(word, ())}


# Measure words a reader uses for the report's: 幾個案子 for 17 件, 多少筆資料 for 1 億 42 萬餘件,
# 轉了幾次 for 329 案次, 多少名員工 for 375,468 人.
_COUNTED_ALIKE = {
    "案": ("件",), "件": ("案",), "筆": ("件",), "次": ("案次", "家次"), "名": ("人",), "位": ("人",),
    "家": ("所", "園", "校"),  # 幾家幼兒園: 1,358 園
}


_COUNT_NOUN = re.compile(
    r"(人|家|件|場|戶|案|項)(?:數(?![位據學字])|次數)|(?:幾|多少)[\u4e00-\u9fff]{1,8}?用?(戶)(?=\s*[？?]?\s*$)"  # 多少社區用戶, 多少供水受益戶
    r"|(人次|家次|場次|件次|案次)(?=\s*(?:是|為|有|共|達|約)?\s*(?:多少|幾))"  # 參觀人次是多少
)
_ASKING_WORD = re.compile(r"(?:幾|多少)\s*")


def _units_asked(text: str) -> Iterator[tuple[re.Match[str], UnitMatch]]:
    """Each unit written right after 多少/幾 (多少度), with its asking word; not the first character of
    another word ('多少天然氣', '多少歲出')."""
    for asking in _ASKING_WORD.finditer(text):
        unit = match_unit(text, asking.end())
        if unit is not None and not begins_another_word(unit.text, text[unit.end:unit.end + 1]):
            yield asking, unit


def _unit_written_after_asking(text: str) -> str | None:
    """The dimension of a physical unit named right after 多少/幾 (多少度 → energy), if any."""
    return next((unit.spec.dimension for _, unit in _units_asked(text) if unit.spec.dimension not in ("count", "money", "percent", "duration")), None)


def _without_asked_unit(text: str) -> str:
    """'超過幾公里': the unit asked in is what the answer's dimension says, not a word the passage
    must hold (it may write 173 萬公尺)."""
    for asking, unit in _units_asked(text):
        if unit.spec.dimension not in ("count", "money", "percent"):
            within = re.match(r"以內|內", text[unit.end:])  # 幾年內
            return text[:asking.start()] + " " + text[unit.end + (within.end() if within else 0):]
    return text


_ANSWER_TYPE = r"國家|邦交國|友邦|廠商|企業|公司|業者|臺商|台商|水庫|縣市|單位|機關|地區|地方|城市|項目|名稱|地點|場址"


def _segments(text: str, authors: tuple[str, ...] = (), year_named: bool = False) -> list[str]:
    """Content words: the question with asking words, particles, numbers and units removed.
    `year_named`: the question dates what it asks, so '一年' is that year's whole, not every year's."""
    text = _BRACKETED_WORDS.sub(_bracket_content, text)
    text = _A_YEARS_WORTH.sub(" " if year_named else "每年", text)
    # "…的國家有哪些", "哪些水庫…": the kind of name asked for is not a word to look for.
    # "停靠了哪些離島？": a noun closing the question after 哪些 is the kind asked for too.
    text = re.sub(
        rf"(?:{_ANSWER_TYPE})(?=\s*有?\s*(?:哪些|哪幾))|(?<=哪些)(?:{_ANSWER_TYPE}|[\u4e00-\u9fff]{{1,4}}(?=\s*[？?]?\s*$))"
        rf"|(?<=[家個位])(?:{_ANSWER_TYPE})(?=\s*[？?]?\s*$)"
        rf"|(?<=哪[個家位所間])[\u4e00-\u9fff]{{0,3}}?(?:{_ANSWER_TYPE})"  # 以哪個國家為對象
        rf"|(?<=哪[一幾兩二三四五六][個家位所間])[\u4e00-\u9fff]{{0,5}}?(?:{_ANSWER_TYPE})",  # 哪幾個單位, 哪兩個中南美洲邦交國
        " ", text,
    )
    text = _without_asked_unit(text)
    text = _TITLE_ASKED.sub(" ", text)  # the kind of name asked for, not a word to look for
    text = _URL_ASKED.sub(" ", text)  # a report writes the address, not the word 網址
    text = _CURRENCY_NAMED.sub(" ", text)  # '帶動了多少新臺幣投資': the currency asked is the unit, no word to look for
    text = _ASKING.sub(" ", text)
    text = _VERSION.sub(r"\1", text)  # 水環境建設 2.0 is a name: kept whole, not a number
    text = _PER_ONE.sub(" ", text)
    text = _SPAN_RESTATED.sub(" ", text)  # '在 104 年至 113 年這 10 年間': the span, said again
    text = _NUMBER.sub(_number_out, re.sub(r"第\s+(?=\d)", "第", text))  # '第 3 階段': the ordinal is one word
    text = _WORD_COUNT.sub(" ", text)
    text = _MEASURE_WORDS.sub(" ", text)
    text = _KIND_WORDS.sub(" ", text)
    text = _without_authors_short_names(_author_words(authors).sub(" ", text), authors)
    text = _STATISTICS_OF.sub(r" \1 ", text)  # '依經濟部統計，': whose count it is, not a word the figure stands by
    text = _SINCE_FOUNDED.sub(" ", text)  # '從設立累計到 109 年底': since a fund began, a report writes 累計
    text = _SAYING.sub(" ", text)
    text = _AFTER_A_PROGRAMME.sub(" ", text)
    pieces = []
    for piece in _STOP_CHARS.split(text):
        piece = piece.strip()
        if len(piece) >= 2 or (len(piece) == 1 and piece.isascii() and piece.isalnum()):
            pieces.extend(_place_apart(same_words(compact(fold(piece)))))
    return pieces


# '根留臺灣方案通過審查廠商': a programme's name ends where what was done under it begins.
_AFTER_A_PROGRAMME = re.compile(r"(?<=[\u4e00-\u9fff]{2}(?:方案|計畫|計劃))(?=(?:通過|核定|核准|完成|辦理|補助|協助|輔導|受理)[\u4e00-\u9fff])")
_STATISTICS_OF = re.compile(r"(?:依|根據|依據|據)\s*([\u4e00-\u9fff]{0,10}?)\s*(?:的)?統計(?:資料|數據|結果)?(?=\s*[，,])")
_SINCE_FOUNDED = re.compile(r"(?:從|自)\s*(?:設立|成立|創立|開辦)(?:以來|至今|起)?")


# '經濟部說…', '報告中提到…': who says it, not what is said ('說' once the author is out; not 說明會)
# '報告中民間專業仲介…', '計畫所報告的…', '報告所稱的…': where it is said, not what is said
_SAYING = re.compile(r"(?:報告中?)?(?:(?<![小演解傳學遊勸])說|表示|指出|提到|提及|宣稱|舉出|列舉|(?:具名|點名)?列出|具名|點名|舉了)(?![明服法])"
                     r"|(?<![\u4e00-\u9fff])報告(?:中|裡|所稱的?)|所報告的?")

# '一份藝 FUN 券的面額', '每張券多少錢': one of a thing asked of, which a report writes 每份 (or not at all)
_PER_ONE = re.compile(r"^\s*(?:請問)?\s*[一每]\s*(?:份|張|人|戶|位|名|輛|臺|台|個)")


# A number and its unit or measure word (an anchor holds '11座'); not F-16, 5G
_NUMBER = re.compile(
    rf"(?<![A-Za-z\d.-])\d+(?:\.\d+)?(?![A-Za-z])\s*(?:千萬|百萬|萬|億|兆|千(?=\s*(?:萬|億|元)))?\s*"
    rf"(?:元|美元|%|％|{_MEASURES}|(?:{_COUNTERS})(?![\u4e00-\u9fff]?[年月日]))?"
)
# '這 10 年間', '這四年間', '這三個月來': the span asked, said again in words; '本期' opening a clause, the span the
# report covers ('本期處分罰鍰總額'; not '占本期…總額', a report's own words)
_SPAN_RESTATED = re.compile(r"(?:這|那)?\s*\d+\s*年(?:之)?間|(?:這|那)\s*[兩二三四五六七八九十]{1,2}\s*(?:個\s*)?(?:年|月|季)(?:之?間|來|內|當中)"
                            r"|(?<![第前近])[兩二三四五六七八九十\d]{1,2}\s*年(?=\s*(?:總共|總經費|總計|合計|累計|共計|共))"  # '計畫四年總經費': its span, said again
                            r"|(?:^|(?<=[，,\s]))本期(?!間)")
# A count in words ('集集南岸兩座小水力發電機組', '這三項'): no content word either; not an ordinal (第二條)
# nor part of a name (核二廠, 核四廠).
_WORD_COUNT = re.compile(
    rf"(?:(?<!第)兩|(?:(?<![\u4e00-\u9fff])|(?<=[這那等共了有各前約近逾達的和與及、]))[二三四五六七八九])(?:{_COUNTERS})"
)
# A version after a name (水環境建設 2.0, 工業 4.0): no unit follows it.
_VERSION = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z])\s*(\d{1,2}\.0)(?![\d.])(?!\s*(?:萬|億|千|百|元|美元|%|％|倍|[a-zA-Z]))")


def _number_out(match: re.Match[str]) -> str:
    """A number is no content word; a version glued to its name (建設2.0) or an ordinal (第 2 階段) is."""
    glued = match.start() > 0 and re.match(r"[\u4e00-\u9fffA-Za-z]", match.string[match.start() - 1])
    if glued and re.fullmatch(r"\d{1,2}\.0", match.group(0).strip()):
        return match.group(0)
    ordinal = re.search(r"第\s*$", match.string[max(0, match.start() - 3):match.start()]) or _UNITS_NUMBER.match(match.string, match.end())
    return re.sub(r"\s+", "", match.group(0)) if ordinal and re.match(r"\d{1,2}(?!\d)", match.group(0).strip()) else " "  # 第 3 屆, 3 號機: one word


_UNITS_NUMBER = re.compile(r"\s*號機")  # '新 3 號機': which unit of a plant


# What the question leaves out of the figure it asks for ('電話服務（不含文字）有多少通次').
_INCLUDED = re.compile(r"(?<![不未])(?:含|包括|包含|連同)\s*([\u4e00-\u9fff、]{1,16}?)(?:在內)?(?=[）)])")
_REGARDLESS = re.compile(r"(?:不分|不論|無論)\s*([\u4e00-\u9fff、]{2,20}?(?:或|及|與|和|、)[\u4e00-\u9fff]{2,10}?)(?=[）)，,。？?]|$)")
_EXCLUDED = re.compile(r"(?:不含|不包括|不包含|不算|扣除|扣掉|不限於?|不只)\s*([\u4e00-\u9fff、]{1,16}?)(?:的|在內|部分|之?後)?(?=[）)，,。？?]|$)")  # 扣除債務還本後
_INSTRUCTION = re.compile(rf"\s*(?:請|列出|只列|依序|含|不含|{_SETTING_ASIDE}|不要|不限|不只|以.{{1,4}}為單位)")  # '（列出…）': said to the tool


# the kind of body or unit a names question asks for ('有哪幾部新機組陸續併聯商轉'), which the names need not write
# (not 條文 of 哪幾條條文: what tells the list asked from others)
# (a bare 單位, 國家 or 公司 is read as the kind asked already, its own way)
_KINDS_OF_UNITS = "機組|場館|業務|產業|行業|領域"
_KIND_CLOSING = re.compile(rf"(哪(?:些|幾)\s*[部家個座項位種類所間條場]?\s*)"
                           rf"(?![部家個座項位種類所間條])([\u4e00-\u9fff]{{1,2}}?(?:{BODY_KINDS}|國家|縣市|城市|{_KINDS_OF_UNITS})|(?:{_KINDS_OF_UNITS}))")
_ASIDE = re.compile(r"[（(][^）)]{2,}[）)]")
# How the reader would have a figure counted ('如果按指定類別計算', '以類計'): a report that counts so need not say so.
# A question opening with what the work answered ('因應 109 年旱象，', '為因應臺商回流，'), in a few words and naming
# no thing of its own ('因應疫情的商圈環境優化' names one; '因應疫情補助商圈進行環境優化' says what was done):
# the reader's words for the cause, which the item may not use.
_IN_RESPONSE_TO = re.compile(r"^\s*(?:為了?)?\s*因應(?:\s*[^，,？?（）()的\s]){1,8}\s*(?=[，,])")
_COUNTED_BY = re.compile(r"(?:(?:如果|若|假如)\s*|(?<![\u4e00-\u9fff]))(?:按|以|依)[^，,？?（）()]{1,8}?(?:來)?(?:計算|計)(?![\u4e00-\u9fff])")


def _bracket_content(match: re.Match[str]) -> str:
    """A bracket's content: one character is an insertion, left out as coverage leaves it out of
    the report's text (投(增)資 → 投資); more are words of their own (林口新創園(Startup Terrace))."""
    content = match.group(0).strip("（）()")
    if len(content) <= 1 or _INSTRUCTION.match(content):  # '（列出報告點名的單位）': said to the tool, not asked
        return ""
    content = _SET_ASIDE_PART.sub("", content)  # '（店家兌領，不是民眾領取）': what is set aside is not asked
    return f" {content} "


_TRADE = frozenset(fold(word) for word in ("投資", "出口", "進口", "輸入", "採購", "引進", "購買", "購入"))
# '自美國採購', '向日本進口', '對日本投資' (folded): the place goods come from or money goes to, glued to the trade
_FROM_A_PLACE = re.compile(rf"[自从向对赴]([\u4e00-\u9fff]{{2,4}}?)(?={'|'.join(sorted(_TRADE))})")


def _place_apart(segment: str) -> list[str]:
    """'在美國促成多少商機' → 美國, 促成; '在日本市場執行' → 日本, 市場執行; '在泰國辦的' → 泰國: a place
    glued to a verb or to its market is a name of its own, which must stand by the figure (`Question.coverage`).
    ('新竹抗旱井' stays whole: the place names the wells.)"""
    office = next((name for name in _own_offices() if segment.startswith(name) and len(segment) - len(name) >= 2), None)
    if office is not None:  # '標準檢驗局制修訂…': the office is left unsaid as the country is
        return [office, *_place_apart(segment[len(office):])]
    source = _FROM_A_PLACE.match(segment)
    if source is not None and source.group(1) in _folded_names() and len(segment) - len(source.group(0)) >= 2:
        return [source.group(1), *_place_apart(segment[len(source.group(0)):])]  # '自美國採購': where from (or to) is a name of its own
    for length in (4, 3, 2):
        head, rest = segment[:length], segment[length:]
        if head in _UNSAID and len(rest) >= 2:  # '我國企業投資…', '國內資源回收…': the country is left unsaid
            return [head, *_place_apart(rest)]
        if head in PERIOD_WORDS and len(rest) >= 2:  # '109 年全年我國農產品出口值': the year's whole, then what
            return [head, *_place_apart(rest)]
        if head in _UNSAID and len(rest) == 1:
            return [head]  # '我國已向…': a one-character particle after the country says nothing to look for
        if head in _folded_names() and (rest in _VERBS_REPORTS_LEAVE_OUT or rest in _TRADE or rest in _HELD or rest.startswith(_MARKET)):
            return [head, rest]  # '日本投資', '在印度辦理': the place is a name of its own
        if head in _folded_names() and len(rest) == 1:
            return [head]  # '在泰國辦的': a one-character verb after a place says nothing to look for
        if head in _folded_names() and length >= 3 and len(rest) >= 2:
            return [head, *_place_apart(rest)]  # '與奈及利亞合辦': a long place name glued to what it did
        if head in _folded_names() and rest[:2] in _ONE_PLACE:  # '在越南一地提供': the place alone
            return [head, *(_place_apart(rest[2:]) if len(rest) > 3 else [])]
    for length in (4, 3, 2):
        trade, place = segment[:-length], segment[-length:]
        if place in _folded_names() and trade.endswith((*_TRADE, _COMING_FROM)):
            trade = trade.removesuffix(_COMING_FROM)  # '投資日本的金額', '來自日本': where the money went or came from
            return [*(_place_apart(trade) if len(trade) >= 2 else []), place]
    here = segment.find(_COMING_HERE)
    place = next((segment[here - n:here] for n in (4, 3, 2) if here >= n and segment[here - n:here] in _folded_names()), None)
    if place is not None:  # '核准越南來臺投資': whose investment comes here is a name of its own
        before = segment[:here - len(place)]
        return [*([before] if len(before) >= 2 else []), place, segment[here:]]
    return _verb_apart(segment)


_COMING_HERE = fold("來臺")
_COMING_FROM = fold("來自")


_HELD = frozenset(fold(word) for word in ("辦理", "召開", "設立", "成立", "設置"))  # and 舉辦, 舉行 of the verbs reports leave out
_MARKET = (fold("市場"), fold("海域"))  # '在日本市場執行', '金門海域驅離…': the place is a name of its own
_ONE_PLACE = frozenset(fold(word) for word in ("一地", "一國", "當地", "境內", "一處"))


# An industry before what is measured of it ('零售業營業額'): the industry is a name of its own, which
# must stand by the figure — 餐飲業營業額 is not the answer.
_INDUSTRY_MEASURED = re.compile(fold(r"(?<=[\u4e00-\u9fff][^產]業)(?=營業額|營收|產值)"))  # not 資安產業產值: 產業 names no industry


_DONE_BY = re.compile(r"(?<=[\u4e00-\u9fff]{2})所(?=[\u4e00-\u9fff]{2}$)")


def _verb_apart(segment: str) -> list[str]:
    """'餐飲業者帶來', '獲得北美大廠訂單': a verb the report may leave out, glued to the words it goes
    with, is a word of its own (its absence then marks no near miss). The first such verb splits."""
    industry = _INDUSTRY_MEASURED.search(segment)
    if industry is not None:
        return [*_verb_apart(segment[:industry.start()]), *_verb_apart(segment[industry.start():])]
    done = _DONE_BY.search(segment)
    if done is not None:  # '亞洲‧矽谷計畫所成立(的)': who did it, then the verb — 所 only marks its object
        return [*_verb_apart(segment[:done.start()]), segment[done.end():]]
    for at, verb in sorted((at, verb) for verb in _VERBS_REPORTS_LEAVE_OUT if (at := segment.find(verb)) >= 0):
        before, after = segment[:at], segment[at + len(verb):]
        if before.endswith("所") and len(before) > 2:
            before = before[:-1]  # '技術移轉所收取的技轉金': 所 only marks the verb's object
        if (before and len(before) < 2) or (after and len(after) < 2) or not (before or after):
            continue
        return [piece for piece in (before, verb, after) if piece]
    return [segment]
