"""`policyledger eval …`: scores against the development gold, printed for people."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policyledger.cli.common import console, err_console
from policyledger.evaluate import DEMO_REPORT, find_gold_dir, read_jsonl

eval_app = typer.Typer(help="Measure against hand-checked answers (../shared/dev-gold).", no_args_is_help=True)

GoldOption = Annotated[str | None, typer.Option("--gold", help="Folder with outline.jsonl, claims.jsonl, qa.jsonl.")]
SourceOption = Annotated[Path, typer.Option("--source", help="The report the gold was made from.")]


def gold_dir(gold: str | None) -> Path:
    found = find_gold_dir(gold)
    if found is None:
        err_console.print("error: no gold folder found; pass --gold DIR or set POLICYLEDGER_GOLD")
        raise typer.Exit(2)
    return found


@eval_app.command("outline")
def eval_outline(gold: GoldOption = None, source: SourceOption = DEMO_REPORT, show: Annotated[int, typer.Option(help="Differences to list.")] = 20) -> None:
    """Precision and recall of headings (path + line + title) against outline.jsonl."""
    from policyledger.evaluate import score_outline
    from policyledger.layout import analyse
    from policyledger.outline import build_outline
    from policyledger.read import read_path

    folder = gold_dir(gold)
    nodes = build_outline(analyse(read_path(source)))
    score = score_outline(nodes, read_jsonl(folder / "outline.jsonl"))
    console.print(f"outline headings vs {folder / 'outline.jsonl'}")
    console.print(f"  expected {score.expected}, found {score.predicted}, matched {score.true_positives}")
    console.print(f"  precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
    for miss in score.misses[:show]:
        console.print(f"  [red]missed[/] {miss}", highlight=False)
    for extra in score.extras[:show]:
        console.print(f"  [yellow]extra[/]  {extra}", highlight=False)


@eval_app.command("claims")
def eval_claims(
    gold: GoldOption = None,
    source: SourceOption = DEMO_REPORT,
    show: Annotated[int, typer.Option(help="Differences to list per kind.")] = 15,
) -> None:
    """Precision, recall and F1 of figures against claims.jsonl (inside claims-items.txt), then
    accuracy of qualifier, kind and period on the matched ones."""
    from policyledger.evaluate import read_claim_items, score_claims
    from policyledger.layout import analyse
    from policyledger.outline import build_outline
    from policyledger.quantity.claims import extract_claims
    from policyledger.read import read_path
    from policyledger.records import claim_record

    folder = gold_dir(gold)
    nodes = build_outline(analyse(read_path(source)))
    predicted = [claim_record("sample", claim) for claim in extract_claims(nodes)]
    result = score_claims(predicted, read_jsonl(folder / "claims.jsonl"), read_claim_items(folder / "claims-items.txt"))
    score = result.score
    console.print(f"claims vs {folder / 'claims.jsonl'} (items of claims-items.txt)")
    console.print(f"  expected {score.expected}, found {score.predicted}, matched {score.true_positives}")
    console.print(f"  precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
    for name in ("qualifier", "kind", "period"):
        console.print(f"  {name} accuracy on matched: {result.accuracy(name):.3f}")
    for miss in score.misses[:show]:
        console.print(f"  [red]missed[/] L{miss['line']} {miss['text']} ({miss['base_value']} {miss['base_unit']})", highlight=False)
    for extra in score.extras[:show]:
        console.print(f"  [yellow]extra[/]  L{extra['line']} {extra['text']} ({extra['base_value']} {extra['base_unit']})  «{extra['clause'][:40]}»", highlight=False)
    for name in ("qualifier", "kind", "period"):
        wrong = [(g, o) for g, o in result.pairs if not _same_field(name, g, o)]
        for g, o in wrong[:show]:
            gv = (g["period_start"], g["period_end"]) if name == "period" else g[name]
            ov = (o["period_start"], o["period_end"]) if name == "period" else o[name]
            console.print(f"  [magenta]{name}[/] L{g['line']} {g['text']}: gold {gv} ours {ov}  «{o['clause'][:50]}»", highlight=False)


def _same_field(name: str, gold: dict, ours: dict) -> bool:
    from policyledger.evaluate import _same

    return _same(name, gold, ours)


@eval_app.command("ask")
def eval_ask(gold: GoldOption = None, source: SourceOption = DEMO_REPORT, show: Annotated[bool, typer.Option(help="List every question.")] = True) -> None:
    """Accuracy of answers and citations on qa.jsonl, and wrong figures given where the report is silent."""
    import tempfile
    import time

    from policyledger.ask import ask
    from policyledger.evaluate import score_answers
    from policyledger.ingest import ingest_path
    from policyledger.store.db import connect

    folder = gold_dir(gold)
    questions = read_jsonl(folder / "qa.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        engine = connect(f"sqlite:///{tmp}/eval.db")
        doc_id = ingest_path(engine, source).doc_id
        started = time.perf_counter()
        pairs = [(q, ask(engine, q["q"], doc_id=doc_id)) for q in questions]
        elapsed = time.perf_counter() - started
        engine.dispose()
    score = score_answers(pairs)
    console.print(f"questions vs {folder / 'qa.jsonl'}: {score.total} in {elapsed:.2f} s")
    console.print(f"  answers right {score.right}/{score.total} = {score.accuracy:.3f}")
    console.print(f"  citations overlapping the evidence {score.cited}/{score.citable} = {score.citation_accuracy:.3f}")
    console.print(f"  not-in-report questions answered with a figure anyway: {score.confident_wrong}/{score.not_in_report}")
    if show:
        for q, result, right in score.rows:
            answer = result["answer"]
            shown = f"{answer['text']} ({answer.get('base_value')} {answer.get('base_unit')})" if answer else "報告中沒有提到"
            cite = result["citations"][0] if result["citations"] else None
            where = f" {cite['path']} L{cite['line_start']}-{cite['line_end']}" if cite else ""
            mark = "[green]✓[/]" if right else "[red]✗[/]"
            console.print(f"  {mark} {q['q']} → {shown}{where} conf {result['confidence']} (gold {q['answer_text']} L{q['evidence_lines']})", highlight=False)
