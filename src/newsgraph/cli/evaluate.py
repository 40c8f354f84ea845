"""``newsgraph eval ...``: score newsgraph against public benchmarks.

Each benchmark is one subcommand on the ``eval`` group (``zyte`` now; ``polnear`` and
``tempeval`` belong here too) and prints the library's result dict as JSON.
"""

from __future__ import annotations

import json
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
