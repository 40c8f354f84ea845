"""``newsgraph eval ...``: score newsgraph against public benchmarks.

Each benchmark is one subcommand on the ``eval`` group (``zyte``, ``polnear``, ``quotes-seed``, ``pages``,
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

from newsgraph.cli._common import data_option, echo_progress, main_group, translate_errors


@main_group.group("eval")
def eval_group() -> None:
    """Score newsgraph on benchmark datasets."""


def _echo_json(result: dict[str, Any]) -> None:
    click.echo(json.dumps(result, indent=2))


@eval_group.command("zyte")
@data_option("Zyte article-extraction benchmark folder (html/*.html.gz and ground-truth.json).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N pages by id.")
@translate_errors
def zyte(data_dir: Path, limit: int | None) -> None:
    """Article-body extraction vs plain trafilatura (4-gram shingle P/R/F1)."""
    from newsgraph.evaluate.zyte import evaluate_zyte  # heavy imports only when this command runs

    _echo_json(evaluate_zyte(data_dir, limit=limit))


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--json``: print the whole result dict as JSON instead of a short summary."""
    return click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")(func)


def _prf_line(label: str, figures: dict[str, Any]) -> str:
    return f"{label:<14} {figures['precision']:>6.3f} {figures['recall']:>6.3f} {figures['f1']:>6.3f}"


@eval_group.command("polnear")
@data_option("PolNeAR split folder (text/*.txt and attributions/*.ann), e.g. ../shared/datasets/polnear/dev.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles by name.")
@json_option
@translate_errors
def polnear(data_dir: Path, limit: int | None, as_json: bool) -> None:
    """Quote attribution on PolNeAR: content, source and cue P/R/F1, direct-quote recall."""
    from newsgraph.evaluate.polnear import evaluate_polnear  # spaCy loads only when this command runs

    progress = echo_progress if sys.stderr.isatty() else None
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


@eval_group.command("pages")
@click.option(
    "--data",
    "data_dirs",
    required=True,
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of pages (NAME.txt) with their annotations (NAME.gold.json); give it once per folder.",
)
@click.option("--misses", "show_misses", is_flag=True, help="List every miss, not only the totals.")
@json_option
@translate_errors
def pages(data_dirs: tuple[Path, ...], show_misses: bool, as_json: bool) -> None:
    """Direct quotes and speakers on hand-annotated real pages: precision, recall, speaker accuracy."""
    from newsgraph.evaluate.pages import evaluate_pages  # spaCy loads only when this command runs

    result = evaluate_pages(data_dirs)
    if as_json:
        _echo_json(result)
        return
    click.echo(
        f"{result['pages']} pages: direct quotes P {result['direct_precision']:.4f} R {result['direct_recall']:.4f}"
        f" ({result['found']} found, {result['false_positives']} false positives, {result['missed']} missed);"
        f" speaker {result['strict']}/{result['speakers']} = {result['speaker_strict']:.4f}"
        f" (looser: {result['looser']} = {result['speaker_looser']:.4f})"
    )
    for miss in result["misses"] if show_misses else ():
        wanted = f" | gold {miss['gold']}" if "gold" in miss else ""
        got = f" | got {miss['got']}" if "got" in miss else ""
        click.echo(f"- {miss['problem']}: {Path(miss['page']).name}: {miss['text'][:60]!r}{wanted}{got}")
    for error in result["errors"]:
        click.echo(f"error: {error}", err=True)


@eval_group.command("tempeval")
@data_option("TempEval-3 folder with TimeML .tml files (TimeBank/, AQUAINT/).")
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


def _gsr_beside(data: Path) -> Path | None:
    """The PLOVER GSR records where ../shared keeps them beside PLV (datasets/plover/)."""
    path = data.resolve().parent.parent / "plover" / "PLOVER_GSR_CAMEO.txt"
    return path if path.is_file() else None


def _quad_lines(result: dict[str, Any]) -> None:
    for quad, figures in result["by_quad"].items():
        click.echo(
            f"  quad {quad}: {figures['sentences']:>4} sentences, accuracy {figures['accuracy']:.4f}, "
            f"quad accuracy {figures['quad_accuracy']:.4f}"
        )
    worst = ", ".join(f"{c['gold']}->{c['predicted']} {c['count']}" for c in result["confusion"][:6])
    click.echo(f"worst confusions: {worst}")


@eval_group.command("plv")
@data_option("PLV file, e.g. ../shared/datasets/plv/train.tsv.", file=True)
@click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True, help="Cross-validation folds.")
@click.option(
    "--extra",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="PLOVER GSR records added to every fold's training data [default: datasets/plover/ beside --data].",
)
@click.option("--no-extra", is_flag=True, help="Train on the PLV folds alone.")
@json_option
@translate_errors
def plv(data_path: Path, folds: int, extra: Path | None, no_extra: bool, as_json: bool) -> None:
    """Event types on PLV, K-fold cross-validated: accuracy overall and by quad."""
    from newsgraph.evaluate.plv import evaluate_plv

    extra = None if no_extra else extra or _gsr_beside(data_path)
    progress = echo_progress if sys.stderr.isatty() else None
    result = evaluate_plv(data_path, k=folds, extra=extra, progress=progress)
    if as_json:
        _echo_json(result)
        return
    click.echo(
        f"{result['sentences']} sentences, {result['folds']}-fold CV"
        + (f" (+ {Path(extra).name} in training)" if extra else "")
    )
    click.echo(
        f"accuracy {result['accuracy']:.4f}  quad accuracy {result['quad_accuracy']:.4f}  no event {result['no_event']}"
    )
    _quad_lines(result)
    base = result["lexicon_only"]
    click.echo(f"lexicon only: accuracy {base['accuracy']:.4f}, quad accuracy {base['quad_accuracy']:.4f}")


@eval_group.command("plover-gsr")
@data_option("PLOVER gold records, e.g. ../shared/datasets/plover/PLOVER_GSR_CAMEO.txt.", file=True)
@click.option(
    "--plv",
    "plv_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="PLV train, added to every fold's training data [default: datasets/plv/train.tsv beside --data].",
)
@click.option(
    "--folds",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Cross-validation folds; 0 scores the shipped model as it is (trained on these records).",
)
@json_option
@translate_errors
def plover_gsr(data_path: Path, plv_path: Path | None, folds: int, as_json: bool) -> None:
    """Event types and actors on the PLOVER gold records, K-fold cross-validated."""
    from newsgraph.evaluate.plover_gsr import evaluate_plover_gsr

    beside = data_path.resolve().parent.parent / "plv" / "train.tsv"
    plv_path = plv_path or (beside if beside.is_file() else None)
    progress = echo_progress if sys.stderr.isatty() else None
    result = evaluate_plover_gsr(data_path, plv_path, k=folds, progress=progress)
    if as_json:
        _echo_json(result)
        return
    click.echo(f"{result['records']} records, " + (f"{folds}-fold CV" if folds else "shipped model (not held out)"))
    click.echo(
        f"accuracy {result['accuracy']:.4f} (16 types), {result['accuracy_yield']:.4f} (CONCEDE+RETREAT as YIELD), "
        f"quad accuracy {result['quad_accuracy']:.4f}, no event {result['no_event']}"
    )
    country = result["source_country"]
    click.echo(
        f"source found {result['source_found']:.4f}, target found {result['target_found']:.4f}, "
        f"source country {country['right']}/{country['checked']}"
    )
