"""``newsgraph train ...``: rebuild the data-derived components shipped inside the package."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsgraph.cli._common import data_option, echo_progress, main_group, translate_errors


@main_group.group("train")
def train_group() -> None:
    """Train the data-derived components shipped inside the package."""


@train_group.command("quotes")
@data_option("PolNeAR train split (text/ and attributions/).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Lexicon path.")
@translate_errors
def train_quotes(data_dir: Path, out: Path | None) -> None:
    """Learn the attribution-cue lexicon (analyze/data/cues.json) from PolNeAR train."""
    from newsgraph.train.cues import LEXICON, train_cues, write_lexicon

    lexicon = train_cues(data_dir, progress=echo_progress if sys.stderr.isatty() else None)
    write_lexicon(lexicon, out or LEXICON)
    click.echo(f"{len(lexicon['cues'])} cue words from {lexicon['articles']} articles -> {out or LEXICON}")


@train_group.command("events")
@data_option("PLV train (../shared/datasets/plv/train.tsv).", file=True)
@click.option(
    "--crosswalk",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CAMEO -> PLOVER crosswalk (../shared/datasets/plover/CAMEO2PLOVER-2021.txt).",
)
@click.option(
    "--gsr",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="PLOVER GSR records to train on as well.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Model path.")
@translate_errors
def train_events_command(data_path: Path, crosswalk: Path, gsr: Path | None, out: Path | None) -> None:
    """Learn the event coder's model (analyze/data/events_model.json) from PLV train and the crosswalk."""
    from newsgraph.train.events import MODEL, train_events, write_model

    model = train_events(data_path, crosswalk, gsr, progress=lambda line: click.echo(line, err=True))
    write_model(model, out or MODEL)
    click.echo(
        f"{len(model['weights'])} features, {len(model['triggers'])} trigger words, "
        f"{len(model['crosswalk'])} crosswalk words from {model['sentences']} sentences -> {out or MODEL}"
    )
