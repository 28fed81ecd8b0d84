"""Every string the interface shows in Chinese has its English entry."""

from __future__ import annotations

import re
from pathlib import Path

from policyledger.web.i18n import ENGLISH

WEB = Path(__file__).parent.parent / "src" / "policyledger" / "web"
_MARKED = re.compile(r"""\b_\((['"])(.+?)\1\)""")


def test_every_marked_string_has_english():
    sources = [*WEB.glob("templates/*.html"), *WEB.glob("*.py")]
    marked = {m.group(2) for path in sources for m in _MARKED.finditer(path.read_text(encoding="utf-8"))}
    chinese = {text for text in marked if re.search(r"[\u4e00-\u9fff]", text)}
    assert len(chinese) > 50
    assert sorted(chinese - ENGLISH.keys()) == []
