"""Write-side commands: ``ingest`` (into the store) and ``extract`` (to stdout, no database)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsgraph.cli._common import db_option, is_debug, main_group, translate_errors
from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import extract_file, extract_paths
from newsgraph.read import InputFile, iter_input_files
from newsgraph.records import Article
from newsgraph.store import open_store

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Articles written per transaction while a large file (JSONL) is still being read.
BATCH_SIZE = 200


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise click.BadParameter("use YYYY-MM-DD")
    return value


def _shared_options(func):  # type: ignore[no-untyped-def]
    func = click.option("--debug", "debug_flag", is_flag=True, help="Show tracebacks.")(func)
    func = click.option(
        "--published", callback=_check_date, metavar="YYYY-MM-DD", help="Reference date for inputs that state none."
    )(func)
    func = click.option("--as-is", is_flag=True, help="Each file is one article whose text is the file, unchanged.")(
        func
    )
    return click.argument("paths", nargs=-1, required=True)(func)


def _err(console: Console, error: NewsgraphError) -> None:
    console.print(f"skipped {error}", markup=False, highlight=False)


@dataclass
class Summary:
    files: int = 0
    already: int = 0
    stored: int = 0
    duplicates: int = 0
    errors: int = 0
    failed_files: int = 0

    def line(self) -> str:
        return (
            f"{self.files} files read, {self.stored} articles stored, {self.duplicates} skipped as duplicates, "
            f"{self.already} files already ingested, {self.errors} errors"
        )


@main_group.command("ingest")
@_shared_options
@db_option
@translate_errors
def ingest_command(paths: tuple[str, ...], db: str, as_is: bool, published: str | None, debug_flag: bool) -> None:
    """Read, clean and analyse PATHS (files, folders, or - for stdin) into the database.

    Each file is one transaction: re-running the same command after an interruption skips the
    files already stored and completes the rest, and an article already stored is never stored twice.
    """
    debug = debug_flag or is_debug()
    stderr = Console(stderr=True, highlight=False)
    summary = Summary()
    inputs = list(iter_input_files(paths))  # paths and sizes only, for the progress total
    with open_store(db) as store, Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=stderr, transient=True, disable=not stderr.is_terminal,
    ) as progress:  # fmt: skip
        task = progress.add_task("ingesting", total=len(inputs))
        for item in inputs:
            progress.update(task, description=_short(item))
            if isinstance(item, NewsgraphError):
                summary.errors += 1
                summary.failed_files += 1
                _err(stderr, item)
            elif item.path != "-" and store.file_done(item.key):
                summary.already += 1
            else:
                _ingest_file(store, item, summary, stderr, as_is=as_is, published=published, debug=debug)
            progress.advance(task)
    click.echo(summary.line(), err=True)
    if summary.failed_files == len(inputs):
        raise SystemExit(1)


def _short(item: InputFile | NewsgraphError) -> str:
    name = item.path if isinstance(item, InputFile) else "?"
    return name if len(name) <= 40 else "…" + name[-39:]


def _ingest_file(store, item: InputFile, summary: Summary, stderr: Console, **options) -> None:  # type: ignore[no-untyped-def]
    batch: list[Article] = []
    documents = 0
    for result in extract_file(item, **options):
        if isinstance(result, NewsgraphError):
            summary.errors += 1
            _err(stderr, result)
            continue
        documents += 1
        batch += result
        if len(batch) >= BATCH_SIZE:
            _write(store, batch, summary)
            batch = []
    if documents == 0:
        summary.failed_files += 1
        return
    summary.files += 1
    key = None if item.path == "-" else item.key
    info = {"path": item.path, "size": item.size, "mtime": item.mtime, "articles": documents}
    _write(store, batch, summary, file_key=key, file_info=info)


def _write(store, batch: list[Article], summary: Summary, **kwargs) -> None:  # type: ignore[no-untyped-def]
    stored, duplicates = store.add_articles(batch, **kwargs)
    summary.stored += stored
    summary.duplicates += duplicates


@main_group.command("extract")
@_shared_options
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@translate_errors
def extract_command(paths: tuple[str, ...], as_is: bool, published: str | None, debug_flag: bool, fmt: str) -> None:
    """Print one newsgraph/1 JSON object per article found in PATHS, without touching any database."""
    stderr = Console(stderr=True, highlight=False)
    ok = failed = 0
    debug = debug_flag or is_debug()
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
