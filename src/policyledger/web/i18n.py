"""The interface's two languages: Traditional Chinese (the default) and English.

Templates write their text in Chinese and wrap it in `_()`; English readers get the entry
of `ENGLISH` instead. A string without an entry stays Chinese, so nothing ever goes blank.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

LANGUAGES = {"zh-TW": "中文", "en": "English"}
DEFAULT = "zh-TW"

ENGLISH: dict[str, str] = {
    "政策帳本": "PolicyLedger",
    "報告": "Reports",
    "數據": "Figures",
    "搜尋 / 提問": "Search / Ask",
    "目標追蹤": "Targets",
    "版本比較": "Compare editions",
    "API 文件": "API docs",
    "跳到內容": "Skip to content",
    "主選單": "Main menu",
    "語言": "Language",
    "報告列表": "Reports",
    "尚無報告。請上傳 PDF、DOCX 或 TXT 檔。": "No reports yet. Upload a PDF, DOCX or TXT file.",
    "標題": "Title",
    "檔案": "File",
    "類型": "Kind",
    "行數": "Lines",
    "項目": "Items",
    "數據筆數": "Figures",
    "匯入時間": "Ingested",
    "上傳報告": "Upload a report",
    "選擇檔案（PDF、DOCX、TXT）": "Choose a file (PDF, DOCX, TXT)",
    "或把檔案拖到這裡": "or drop a file here",
    "上限": "limit",
    "存取權杖": "Access token",
    "上傳並匯入": "Upload and ingest",
    "上傳中…": "Uploading…",
    "處理中…": "Processing…",
    "已匯入": "Ingested",
    "已存在（內容相同）": "Already there (same content)",
    "無法匯入": "Cannot ingest",
    "檔案太大": "File too large",
    "請先選擇檔案": "Choose a file first",
    "開啟": "Open",
    "刪除": "Delete",
    "確定要刪除這份報告？": "Delete this report?",
    "此伺服器為唯讀模式。": "This server is read-only.",
    "大綱": "Outline",
    "全文": "Full text",
    "固定連結": "Permalink",
    "複製連結": "Copy link",
    "已複製": "Copied",
    "行": "line",
    "頁": "page",
    "上一項": "Previous",
    "下一項": "Next",
    "本項數據": "Figures in this item",
    "看整份報告": "Whole report",
    "原文": "As written",
    "數值": "Value",
    "單位": "Unit",
    "標準化": "Normalized",
    "期間": "Period",
    "性質": "Kind",
    "修飾": "Qualifier",
    "主體": "Subject",
    "來源行": "Source line",
    "章節": "Section",
    "維度": "Dimension",
    "起": "Since",
    "迄": "Until",
    "文字": "Text",
    "全部": "All",
    "全部報告": "All reports",
    "篩選": "Filter",
    "清除": "Clear",
    "下載": "Download",
    "筆": "rows",
    "共": "Total",
    "顯示": "showing",
    "下載檔案包含全部": "downloads hold the whole selection",
    "分頁": "Pages",
    "上一頁": "Previous page",
    "下一頁": "Next page",
    "沒有符合的數據。": "No figures match.",
    "圖表": "Chart",
    "金額（依章節合計，億元）": "Money by section (sum, 100 million TWD)",
    "數據筆數（依年度）": "Figures per year",
    "合計可能重複計算累計數與目標，僅供概覽。": "Sums may double-count cumulative figures and targets; an overview only.",
    "搜尋或提問": "Search or ask",
    "例如：太陽光電、109 年核准多少家？": "e.g. solar power, how many firms were approved in 2020?",
    "送出": "Go",
    "搜尋結果": "Results",
    "找不到符合的段落。": "No matching passages.",
    "回答": "Answer",
    "報告中沒有提到": "The report does not say",
    "最接近的段落": "Nearest passages",
    "出處": "Source",
    "信心": "Confidence",
    "搜尋功能尚未安裝。": "Search is not available in this installation yet.",
    "提問功能尚未安裝。": "Questions are not available in this installation yet.",
    "找不到": "Not found",
    "錯誤": "Error",
    "回首頁": "Back to reports",
    "實際": "actual",
    "目標": "target",
    "預估": "forecast",
    "規定": "rule",
    "變動": "change",
    "占比": "share",
    "精確": "exact",
    "約": "approx.",
    "逾": "more than",
    "至少": "at least",
    "近": "nearly",
    "最多": "up to",
    "範圍": "range",
    "排序": "Sort",
}


def choose_language(request: Request) -> str:
    """?lang= wins, then the cookie set by the language switch, then Chinese."""
    wanted = request.query_params.get("lang") or request.cookies.get("lang") or DEFAULT
    return wanted if wanted in LANGUAGES else DEFAULT


def translator(language: str) -> Callable[[str], str]:
    if language == "en":
        return lambda text: ENGLISH.get(text, text)
    return lambda text: text
