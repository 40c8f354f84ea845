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
@click.option("--model-out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Cue model path.")
@translate_errors
def train_quotes(data_dir: Path, out: Path | None, model_out: Path | None) -> None:
    """Learn the attribution-cue lexicon (analyze/data/cues.json) and the cue model
    (analyze/data/cue_model.json) from PolNeAR train."""
    from newsgraph.train.cuemodel import train_cue_model
    from newsgraph.train.cues import LEXICON, MODEL, learn_lexicon, parse_split, write_json

    parsed = parse_split(data_dir, progress=echo_progress if sys.stderr.isatty() else None)
    lexicon = learn_lexicon(parsed, data_dir.name)
    write_json(lexicon, out or LEXICON)
    click.echo(f"{len(lexicon['cues'])} cue words from {lexicon['articles']} articles -> {out or LEXICON}")
    model = train_cue_model(parsed, lexicon["cues"])
    write_json(model, model_out or MODEL)
    click.echo(
        f"cue model: {len(model['cue']['weights'])} cue and {len(model['anchor']['weights'])} anchor features "
        f"from {model['examples']['cue']} words -> {model_out or MODEL}"
    )


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
