"""A reader's words → the report's words (reader_words.txt), applied to a question before it is
read: people ask 貿易順差 and 什麼時候簽的, reports write 出超 and 簽署.

A ministry's or a newsroom's own words can be added without touching the package: a file in the
same format named by POLICYLEDGER_READER_WORDS, whose rules are read after (and so override) the
bundled ones."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from policyledger.errors import InputError

EXTRA_WORDS_ENVIRONMENT = "POLICYLEDGER_READER_WORDS"
_RULE = re.compile(r"^(?P<reader>[^→]+)→(?P<report>.*)$")


def in_report_words(question: str) -> str:
    """The question with a reader's words put as the report writes them."""
    pattern, replacements = _rules(os.environ.get(EXTRA_WORDS_ENVIRONMENT) or None)
    for _ in range(2):  # twice: 臺灣跟菲律賓 → 臺灣與菲律賓 → 臺菲
        question = pattern.sub(lambda match: replacements[match.group(0)] or " ", question)
    return question


@lru_cache(maxsize=4)
def _rules(extra: str | None) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every reader's word, longest first, and what each becomes."""
    replacements = _read(files("policyledger").joinpath("reader_words.txt").read_text(encoding="utf-8"), "reader_words.txt")
    if extra:
        replacements.update(_read(_extra_text(extra), extra))
    pattern = re.compile("|".join(re.escape(word) for word in sorted(replacements, key=len, reverse=True)))
    return pattern, replacements


def _extra_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the reader's words named by {EXTRA_WORDS_ENVIRONMENT} ({exc.__class__.__name__})") from exc


def _read(text: str, source: str) -> dict[str, str]:
    """`reader | reader → report` per line; '#' starts a comment; an empty right side drops the words."""
    replacements: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.split("#", 1)[0].strip()
        if not content:
            continue
        rule = _RULE.match(content)
        if rule is None:
            raise InputError(source, f"line {number} is no rule 'reader's words → report's word': {content[:40]!r}")
        report = rule.group("report").strip()
        for word in rule.group("reader").split("|"):
            if word.strip():
                replacements[word.strip()] = report
    return replacements
