"""Runs one peer tool inside its own venv (benchmarks/.venv-peers/<peer>/) for peers.py.

It imports nothing from policyledger: it reads texts as JSON, runs the peer, and writes what the
peer said, untouched, with timings — the mapping to our units is done by peers.py, in the open.
Set-up (building models, importing) is timed apart from the work on the texts.

    .venv-peers/recognizers/bin/python peer_runner.py recognizers IN.json OUT.json
IN.json: {"texts": ["…", …]} (recognizers, jionlp) or {"text": "…"} (unstructured).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any


def run_recognizers(texts: list[str]) -> dict[str, Any]:
    """Microsoft Recognizers-Text, Chinese culture: number, percentage, currency, dimension."""
    started = time.perf_counter()
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    numbers, units = NumberRecognizer(Culture.Chinese), NumberWithUnitRecognizer(Culture.Chinese)
    models = {
        "number": numbers.get_number_model(Culture.Chinese),
        "percentage": numbers.get_percentage_model(Culture.Chinese),
        "currency": units.get_currency_model(Culture.Chinese),
        "dimension": units.get_dimension_model(Culture.Chinese),
    }
    setup = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    spans = []
    for text in texts:
        found = []
        for name, model in models.items():
            for result in model.parse(text):
                found.append({"model": name, "start": result.start, "end": result.end + 1, "text": result.text, "resolution": result.resolution})
        spans.append(found)
    return {"setup_seconds": setup, "seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu, "spans": spans}


def run_jionlp(texts: list[str]) -> dict[str, Any]:
    """JioNLP's money extractor, on text first converted by its own tra2sim (char mode keeps offsets)."""
    started = time.perf_counter()
    import jionlp

    jionlp.ner.extract_money(jionlp.tra2sim("一億元", mode="char"), with_parsing=True)  # loads its dictionaries
    setup = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    spans = []
    for text in texts:
        simplified = jionlp.tra2sim(text, mode="char")
        if len(simplified) != len(text):  # offsets would not point into the original: use it as is
            simplified = text
        spans.append([
            {"model": "money", "start": item["offset"][0], "end": item["offset"][1], "text": item["text"], "resolution": item.get("detail")}
            for item in jionlp.ner.extract_money(simplified, with_parsing=True)
        ])
    return {"setup_seconds": setup, "seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu, "spans": spans}


def run_unstructured(text: str) -> dict[str, Any]:
    """unstructured's partition_text on the whole report.

    As shipped, unstructured downloads the spaCy model en_core_web_sm from GitHub the first time
    it counts sentences, and that model is not on PyPI: here, offline, the call fails. We put
    spaCy's rule-based sentencizer (part of spaCy, no download) in its place — the model is used
    only to count sentences and tag parts of speech in its Title/NarrativeText heuristics —
    and say so wherever the figures are shown. languages=["zho"] skips its per-element language
    detection (same elements; the default costs ~37 s on the sample)."""
    import os

    os.environ.setdefault("UNSTRUCTURED_DISABLE_NOTICE", "1")
    started = time.perf_counter()
    import unstructured.nlp.tokenize as tokenize
    from unstructured.partition.text import partition_text

    shipped_error = None
    try:
        tokenize._get_nlp()
    except Exception as exc:  # the download of en_core_web_sm, offline
        shipped_error = f"{type(exc).__name__}: {exc}"
        stand_in = _sentencizer()
        tokenize._get_nlp = lambda: stand_in
    setup = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    elements = partition_text(text=text, languages=["zho"])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "setup_seconds": setup,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "shipped_error": shipped_error,
        "elements": [{"type": type(element).__name__, "text": str(element), "depth": element.metadata.category_depth} for element in elements],
    }


def _sentencizer() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def main() -> int:
    peer, source, target = sys.argv[1:4]
    with open(source, encoding="utf-8") as handle:
        payload = json.load(handle)
    if peer == "recognizers":
        result = run_recognizers(payload["texts"])
    elif peer == "jionlp":
        result = run_jionlp(payload["texts"])
    elif peer == "unstructured":
        result = run_unstructured(payload["text"])
    else:
        raise SystemExit(f"unknown peer {peer!r}")
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
