"""A reader's words → the report's words (reader_words.txt), applied to a question before it is
read: people ask 貿易順差 and 什麼時候簽的, reports write 出超 and 簽署. And words the reports
themselves use alike (開工 = 動工), matched as one in the question and in the report's text.

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
from policyledger.textnorm import fold

EXTRA_WORDS_ENVIRONMENT = "POLICYLEDGER_READER_WORDS"
_RULE = re.compile(r"^(?P<reader>[^→]+)→(?P<report>.*)$")
_SAME = re.compile(r"^(?P<first>[^=→|]+)=(?P<others>[^=→]+)$")  # 開工 = 動工: words the reports use alike


def in_report_words(question: str) -> str:
    """The question with a reader's words put as the report writes them."""
    pattern, replacements = _rules(words_in_force())
    for _ in range(2):  # twice: 臺灣跟菲律賓 → 臺灣與菲律賓 → 臺菲
        question = pattern.sub(lambda match: replacements[match.group(0)] or " ", question)
    return question


def words_in_force() -> str | None:
    """Which user's file of words is in force (None: the bundled words alone) — a key for caches of
    text these words were applied to."""
    return os.environ.get(EXTRA_WORDS_ENVIRONMENT) or None


def same_words(folded: str) -> str:
    """Folded text with each word the reports use alike put as the first of its rule (动工 → 开工):
    applied to a question's words and to the passages they are looked for in."""
    pattern, firsts = _same_rules(words_in_force())
    return pattern.sub(lambda match: firsts[match.group(0)], folded) if firsts else folded


def alike_forms(folded_word: str) -> tuple[str, ...]:
    """The other words used alike with `folded_word`, when it is the first of its rule (风电 →
    风力发电): what a search for it must also look for, since the search index holds the text as
    written."""
    return _others_of(words_in_force()).get(folded_word, ())


@lru_cache(maxsize=4)
def _others_of(extra: str | None) -> dict[str, tuple[str, ...]]:
    others: dict[str, list[str]] = {}
    for word, first in _same_rules(extra)[1].items():
        others.setdefault(first, []).append(word)
    return {first: tuple(words) for first, words in others.items()}


@lru_cache(maxsize=4)
def _rules(extra: str | None) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every reader's word, longest first, and what each becomes."""
    replacements = _tables(extra)[0]
    return _alternation(replacements), replacements


@lru_cache(maxsize=4)
def _same_rules(extra: str | None) -> tuple[re.Pattern[str], dict[str, str]]:
    """The same for the words used alike, folded (they are matched in folded text)."""
    folded = {fold(word): fold(first) for word, first in _tables(extra)[1].items()}
    return _alternation(folded), folded


@lru_cache(maxsize=4)
def _tables(extra: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """The bundled rules and then the user's file's (which override them), each file read once:
    (a reader's word → the report's, a word used alike → the first of its rule)."""
    replacements, same = _read(_bundled(), "reader_words.txt")
    if extra:
        extra_replacements, extra_same = _read(_extra_text(extra), extra)
        replacements.update(extra_replacements)
        same.update(extra_same)
    return replacements, same


def _bundled() -> str:
    return files("policyledger").joinpath("reader_words.txt").read_text(encoding="utf-8")


def _alternation(words: dict[str, str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) or "(?!)")


def _extra_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the reader's words named by {EXTRA_WORDS_ENVIRONMENT} ({exc.__class__.__name__})") from exc


def _read(text: str, source: str) -> tuple[dict[str, str], dict[str, str]]:
    """`reader | reader → report` per line, or `word = word | word` for words the reports use alike;
    '#' starts a comment; an empty right side drops the words. (replacements, each alike word's first)"""
    replacements: dict[str, str] = {}
    same: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.split("#", 1)[0].strip()
        if not content:
            continue
        alike = _SAME.match(content)
        if alike is not None:
            first = alike.group("first").strip()
            same.update({word.strip(): first for word in alike.group("others").split("|") if word.strip()})
            continue
        rule = _RULE.match(content)
        if rule is None:
            raise InputError(source, f"line {number} is no rule 'reader's words → report's word' nor 'word = word': {content[:40]!r}")
        report = rule.group("report").strip()
        for word in rule.group("reader").split("|"):
            if word.strip():
                replacements[word.strip()] = report
    return replacements, same
