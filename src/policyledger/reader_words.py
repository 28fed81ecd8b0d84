"""A reader's words → the report's words (reader_words.txt), applied to a question before it is
read: people ask 貿易順差 and 什麼時候簽的, reports write 出超 and 簽署."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

_RULE = re.compile(r"^(?P<reader>[^→]+)→(?P<report>.*)$")


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every reader's word, longest first, and what each becomes."""
    replacements: dict[str, str] = {}
    for line in files("policyledger").joinpath("reader_words.txt").read_text(encoding="utf-8").splitlines():
        rule = _RULE.match(line.split("#", 1)[0].strip())
        if rule is None:
            continue
        report = rule.group("report").strip()
        for word in rule.group("reader").split("|"):
            if word.strip():
                replacements[word.strip()] = report
    pattern = re.compile("|".join(re.escape(word) for word in sorted(replacements, key=len, reverse=True)))
    return pattern, replacements


def in_report_words(question: str) -> str:
    """The question with a reader's words put as the report writes them."""
    pattern, replacements = _rules()
    for _ in range(2):  # twice: 臺灣跟菲律賓 → 臺灣與菲律賓 → 臺菲
        question = pattern.sub(lambda match: replacements[match.group(0)] or " ", question)
    return question
