"""``newsgraph eval ...``: score newsgraph against public benchmarks.

Each benchmark is one subcommand on the ``eval`` group (``zyte``, ``polnear``, ``quotes-seed``,
``tempeval``) and prints the library's result dict as JSON (all but ``zyte`` print a short summary
unless given ``--json``). The floors each must keep are pinned in ``evaluate/floors.json``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from newsgraph.cli._common import main_group, translate_errors


@main_group.group("eval")
def eval_group() -> None:
    """Score newsgraph on benchmark datasets."""


def _echo_json(result: dict[str, Any]) -> None:
    click.echo(json.dumps(result, indent=2))


@eval_group.command("zyte")
@click.option(
    "--data",
    "data_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Zyte article-extraction benchmark folder (html/*.html.gz and ground-truth.json).",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N pages by id.")
@translate_errors
def zyte(data_dir: Path, limit: int | None) -> None:
    """Article-body extraction vs plain trafilatura (4-gram shingle P/R/F1)."""
    from newsgraph.evaluate.zyte import evaluate_zyte  # heavy imports only when this command runs

    _echo_json(evaluate_zyte(data_dir, limit=limit))


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--json``: print the whole result dict as JSON instead of a short summary."""
    return click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")(func)


def _progress(index: int, total: int, name: str) -> None:
    click.echo(f"\r[{index}/{total}] {name[:60]:<60}", err=True, nl=index == total)


def _prf_line(label: str, figures: dict[str, Any]) -> str:
    return f"{label:<14} {figures['precision']:>6.3f} {figures['recall']:>6.3f} {figures['f1']:>6.3f}"


@eval_group.command("polnear")
@click.option(
    "--data",
    "data_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="PolNeAR split folder (text/*.txt and attributions/*.ann), e.g. ../shared/datasets/polnear/dev.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles by name.")
@json_option
@translate_errors
def polnear(data_dir: Path, limit: int | None, as_json: bool) -> None:
    """Quote attribution on PolNeAR: content, source and cue P/R/F1, direct-quote recall."""
    from newsgraph.evaluate.polnear import evaluate_polnear  # spaCy loads only when this command runs

    progress = _progress if sys.stderr.isatty() else None
    result = evaluate_polnear(data_dir, limit=limit, progress=progress)
    if as_json:
        _echo_json(result)
        return
    click.echo(
        f"{result['articles']} articles, {result['gold']} gold attributions, "
        f"{result['predicted']} predicted quotes, {result['matched']} matched"
    )
    click.echo(f"{'':<14} {'P':>6} {'R':>6} {'F1':>6}")
    for label, key in (
        ("content", "content"),
        ("content exact", "content_exact"),
        ("source", "source"),
        ("cue", "cue"),
    ):
        click.echo(_prf_line(label, result[key]))
    direct = result["direct_recall"]
    click.echo(f"direct-quote recall {direct['recall']:.3f} ({direct['matched']}/{direct['gold']})")
    kinds = ", ".join(f"{kind} {c['matched']}/{c['predicted']}" for kind, c in result["by_kind"].items())
    click.echo(f"matched by kind: {kinds}")


@eval_group.command("quotes-seed")
@click.option(
    "--data",
    "data_dir",
    default="../shared/samples",
    show_default=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder holding seed-news.txt and seed-news.gold.json.",
)
@json_option
@translate_errors
def quotes_seed(data_dir: Path, as_json: bool) -> None:
    """Quotes on the hand-made seed gold: found, speaker, cue, kind and via, with every miss."""
    from newsgraph.evaluate.quotes_seed import evaluate_quotes_seed  # spaCy loads only when this command runs

    result = evaluate_quotes_seed(data_dir)
    if as_json:
        _echo_json(result)
        return
    for label in ("non_stretch", "stretch"):
        totals = result[label]
        checks = ", ".join(f"{check} {totals[check]}" for check in ("found", "speaker", "cue", "kind"))
        via = totals["via"]
        click.echo(f"{label}: {totals['quotes']} quotes; {checks}; via {via['right']}/{via['gold']}")
    for miss in result["misses"]:
        stretch = " (stretch)" if miss["stretch"] else ""
        click.echo(f"- article {miss['article']}{stretch}: {miss['text'][:70]!r}: {'; '.join(miss['problems'])}")


@eval_group.command("tempeval")
@click.option(
    "--data",
    "data_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="TempEval-3 folder with TimeML .tml files (TimeBank/, AQUAINT/).",
)
@json_option
@translate_errors
def tempeval(data_dir: Path, as_json: bool) -> None:
    """Temporal expressions vs TimeML gold: relaxed/strict timex F1, value accuracy and value F1."""
    from newsgraph.evaluate.tempeval import evaluate_tempeval

    result = evaluate_tempeval(data_dir)
    if as_json:
        _echo_json(result)
        return
    click.echo(f"{result['documents']} documents, {result['gold']} gold, {result['predicted']} predicted")
    for name in ("relaxed_f1", "strict_f1", "value_accuracy", "value_f1"):
        click.echo(f"{name:<16} {result[name]:.4f}")


@main_group.group("train")
def train_group() -> None:
    """Train the data-derived components shipped inside the package."""


@train_group.command("quotes")
@click.option(
    "--data",
    "data_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="PolNeAR train split (text/ and attributions/).",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Lexicon path.")
@translate_errors
def train_quotes(data_dir: Path, out: Path | None) -> None:
    """Learn the attribution-cue lexicon (analyze/data/cues.json) from PolNeAR train."""
    from newsgraph.train.cues import LEXICON, train_cues, write_lexicon

    lexicon = train_cues(data_dir, progress=_progress if sys.stderr.isatty() else None)
    write_lexicon(lexicon, out or LEXICON)
    click.echo(f"{len(lexicon['cues'])} cue words from {lexicon['articles']} articles -> {out or LEXICON}")
