"""Write-side commands: ``ingest`` (into the store) and ``extract`` (to stdout, no database)."""

from __future__ import annotations

import json
import re
import traceback
from datetime import date

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsgraph._ingest import ingest_paths
from newsgraph.cli._common import db_option, debug_option, is_debug, main_group, translate_errors
from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import extract_paths

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        if _DATE.match(value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2024-03-01")


def _shared_options(func):  # type: ignore[no-untyped-def]
    func = debug_option(func)
    func = click.option(
        "--published", callback=_check_date, metavar="YYYY-MM-DD", help="Reference date for inputs that state none."
    )(func)
    func = click.option("--as-is", is_flag=True, help="Each file is one article whose text is the file, unchanged.")(
        func
    )
    return click.argument("paths", nargs=-1, required=True)(func)


def _err(console: Console, error: NewsgraphError) -> None:
    """One line per skipped input (never wrapped to the terminal width); with --debug, its traceback too."""
    console.print(f"skipped {error}", markup=False, highlight=False, soft_wrap=True)
    if is_debug() and error.__traceback__ is not None:
        console.print("".join(traceback.format_exception(error)), markup=False, highlight=False, soft_wrap=True)


@main_group.command("ingest")
@_shared_options
@db_option
@translate_errors
def ingest_command(paths: tuple[str, ...], db: str, as_is: bool, published: str | None) -> None:
    """Read, clean and analyse PATHS (files, folders, or - for stdin) into the database.

    Each file is one transaction: re-running the same command after an interruption skips the
    files already stored and completes the rest, and an article already stored is never stored twice.
    """
    stderr = Console(stderr=True, highlight=False)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_progress(done: int, total: int, name: str) -> None:
            progress.update(task, completed=done, total=total, description=name[-40:])

        summary = ingest_paths(
            paths, db, as_is=as_is, published=published, debug=is_debug(),
            on_error=lambda error: _err(stderr, error), on_progress=on_progress,
        )  # fmt: skip
    click.echo(summary.line(), err=True)
    if summary.all_failed:
        raise SystemExit(1)


@main_group.command("extract")
@_shared_options
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@translate_errors
def extract_command(paths: tuple[str, ...], as_is: bool, published: str | None, fmt: str) -> None:
    """Print one newsgraph/1 JSON object per article found in PATHS, without touching any database."""
    stderr = Console(stderr=True, highlight=False)
    ok = failed = 0
    debug = is_debug()
    for _, result in extract_paths(paths, as_is=as_is, published=published, debug=debug):
        if isinstance(result, NewsgraphError):
            failed += 1
            _err(stderr, result)
            continue
        ok += 1
        for article in result:
            click.echo(json.dumps(article.as_dict(), ensure_ascii=False))
    if ok == 0 and failed:
        raise SystemExit(1)
