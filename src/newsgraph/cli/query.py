"""Read commands: ``articles``, ``show``, ``quotes``, ``search`` and ``export``.

Each command opens the store read-side (a missing database is a one-line error), calls one
``Store`` method and formats what comes back.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

import click
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from newsgraph.cli._common import db_option, format_option, main_group, translate_errors
from newsgraph.records import Article
from newsgraph.store import COLUMNS, EXPORT_TABLES, Store, open_store

#: Highlight styles for ``show``; applied in this order, so later ones win where spans overlap.
QUOTE_STYLE = "green"
ENTITY_STYLE = "bold magenta"
TIME_STYLE = "bold cyan"
SOURCE_STYLE = "underline"
CUE_STYLE = "bold blue"
SPEAKER_STYLE = "bold yellow"
MATCH_STYLE = "bold reverse"

# Control characters can't occur in stored text that is meant to be read, so they make
# unambiguous snippet markers that we turn into styles.
_MARK = ("\x02", "\x03")
_BATCH = 1000


def _open(db: str) -> Store:
    return open_store(db, create=False)


def _console() -> Console:
    # highlight=False: don't let rich colour numbers and URLs in article text on its own.
    return Console(highlight=False)


def _limit_option(default: int | None = None) -> Any:
    return click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=default,
        show_default=default is not None,
        help="Show at most N rows." if default is not None else "Show at most N rows (default: all).",
    )


def _echo_jsonl(items: Iterable[dict[str, Any]]) -> None:
    for item in items:
        click.echo(json.dumps(item, ensure_ascii=False))


def _echo_csv(items: Iterable[dict[str, Any]], columns: list[str]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(items)


# -- articles -------------------------------------------------------------------------------


@main_group.command("articles")
@db_option
@_limit_option()
@format_option("table", "jsonl", "csv")
@translate_errors
def articles_command(db: str, limit: int | None, fmt: str) -> None:
    """List stored articles (jsonl gives each full newsgraph/1 record)."""
    with _open(db) as store:
        if fmt == "jsonl":
            _echo_jsonl(article.as_dict() for article in store.articles(limit))
        elif fmt == "csv":
            _echo_csv(store.rows("articles", limit), [c for c, _ in COLUMNS["articles"]])
        else:
            table = Table("id", "published", "title", "outlet", "quotes", show_lines=False)
            for article in store.articles(limit):
                table.add_row(
                    article.id,
                    article.published or "",
                    article.title or "",
                    article.outlet or "",
                    str(len(article.quotes)),
                )
            _console().print(table)


# -- show -----------------------------------------------------------------------------------


def _stylize(text: Text, start: int | None, end: int | None, style: str) -> None:
    """Style one span, ignoring offsets that don't fit the text rather than failing."""
    if start is None or end is None or not 0 <= start < end <= len(text.plain):
        return
    text.stylize(style, start, end)


def highlighted_text(article: Article) -> Text:
    """The article body with quotes, entities, dates, sources, cues and speakers styled."""
    body = Text(article.text)
    for quote in article.quotes:
        for start, end in quote.parts or ((quote.start, quote.end),):
            _stylize(body, start, end, QUOTE_STYLE)
    for entity in article.entities:
        for start, end in entity.mentions:
            _stylize(body, start, end, ENTITY_STYLE)
    for time in article.times:
        _stylize(body, time.start, time.end, TIME_STYLE)
    for source in article.sources:
        _stylize(body, source.start, source.end, SOURCE_STYLE)
    for quote in article.quotes:
        if quote.cue is not None:
            _stylize(body, quote.cue.start, quote.cue.end, CUE_STYLE)
        _stylize(body, quote.speaker.start, quote.speaker.end, SPEAKER_STYLE)
    return body


def article_view(article: Article) -> RenderableType:
    """Everything ``show`` prints for one article."""
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column()
    for label, value in (
        ("id", article.id),
        ("published", article.published),
        ("outlet", article.outlet),
        ("authors", ", ".join(article.authors)),
        ("source", article.source),
    ):
        if value:
            meta.add_row(label, Text(value))
    legend = Text.assemble(
        ("quote", QUOTE_STYLE),
        "  ",
        ("speaker", SPEAKER_STYLE),
        "  ",
        ("cue", CUE_STYLE),
        "  ",
        ("entity", ENTITY_STYLE),
        "  ",
        ("date/time", TIME_STYLE),
        "  ",
        ("source", SOURCE_STYLE),
    )
    parts: list[RenderableType] = [
        Text(article.title or "(untitled)", style="bold"),
        meta,
        Rule(style="dim"),
        highlighted_text(article),
    ]
    for caption in article.captions:
        credit = f" ({caption.credit})" if caption.credit else ""
        parts.append(Text(f"caption: {caption.text}{credit}", style="dim italic"))
    parts.append(Rule(legend, style="dim"))
    if article.quotes:
        parts.append(Text(f"Quotes ({len(article.quotes)})", style="bold"))
        for number, quote in enumerate(article.quotes, start=1):
            line = Text(f"{number:>3}. ")
            line.append(quote.speaker.name or "(unknown speaker)", style=SPEAKER_STYLE)
            line.append(": ")
            line.append(f"“{quote.text}”", style=QUOTE_STYLE)
            details = [quote.kind]
            if quote.cue is not None:
                details.append(f"cue: {quote.cue.text}")
            if quote.via:
                details.append(f"via {quote.via}")
            line.append(f"  [{'; '.join(details)}]", style="dim")
            parts.append(line)
    else:
        parts.append(Text("No quotes.", style="dim"))
    return Group(*parts)


@main_group.command("show")
@db_option
@click.argument("article_id")
@translate_errors
def show_command(db: str, article_id: str) -> None:
    """Print one article (ID or a unique prefix of 6+ characters) with its facts highlighted."""
    with _open(db) as store:
        article = store.get(article_id)
    if article is None:
        raise click.ClickException(f"no article with id {article_id!r}")
    _console().print(article_view(article))


# -- quotes ---------------------------------------------------------------------------------

_QUOTE_KEYS = ["article_id", "title", "idx", "speaker", "text", "cue", "kind", "via", "start", "end"]


@main_group.command("quotes")
@db_option
@click.option("--speaker", help="Only quotes whose speaker name contains NAME (any case).", metavar="NAME")
@click.option("--search", help="Only quotes whose text matches these words.", metavar="TEXT")
@_limit_option()
@format_option("table", "jsonl", "csv")
@translate_errors
def quotes_command(db: str, speaker: str | None, search: str | None, limit: int | None, fmt: str) -> None:
    """List quotes with their speakers, optionally filtered."""
    with _open(db) as store:
        quotes = store.quotes(speaker=speaker, search=search, limit=limit)
        if fmt == "jsonl":
            _echo_jsonl(quotes)
        elif fmt == "csv":
            _echo_csv(quotes, _QUOTE_KEYS + ["speaker_entity"])
        else:
            table = Table("article", "speaker", "quote", "cue", "kind")
            for quote in quotes:
                table.add_row(
                    quote["article_id"],
                    Text(quote["speaker"] or "", style=SPEAKER_STYLE),
                    Text(quote["text"]),
                    Text(quote["cue"] or ""),
                    quote["kind"],
                )
            _console().print(table)


# -- events ---------------------------------------------------------------------------------


def _actor(event: dict[str, Any], role: str) -> str:
    name = event[f"{role}_name"] or ""
    code = " ".join(c for c in (event[f"{role}_country"], event[f"{role}_sector"]) if c)
    return f"{name} ({code})" if code else name


@main_group.command("events")
@db_option
@click.option("--actor", help="Only events whose source or target name contains NAME (any case).", metavar="NAME")
@click.option("--type", "type_", help="Only this PLOVER type (REJECT, REQUEST, …).", metavar="TYPE")
@click.option("--country", help="Only events with a source or target in this ISO3 country.", metavar="ISO3")
@click.option("--from", "date_from", help="Only events dated on or after this date.", metavar="YYYY[-MM[-DD]]")
@click.option("--to", "date_to", help="Only events dated on or before this date.", metavar="YYYY[-MM[-DD]]")
@_limit_option()
@format_option("table", "jsonl", "csv")
@translate_errors
def events_command(
    db: str,
    actor: str | None,
    type_: str | None,
    country: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List PLOVER events: who did what to whom, when and where."""
    with _open(db) as store:
        events = store.events(
            actor=actor, type=type_, country=country, date_from=date_from, date_to=date_to, limit=limit
        )
        if fmt == "jsonl":
            _echo_jsonl(events)
        elif fmt == "csv":
            _echo_csv(events, [c for c, _ in COLUMNS["events"]] + ["title"])
        else:
            table = Table("article", "date", "type", "source", "target", "flags")
            for event in events:
                flags = " ".join(f for f in ("negated", "hypothetical") if event[f])
                table.add_row(
                    event["article_id"], event["date"] or "", event["type"],
                    _actor(event, "source"), _actor(event, "target"), flags,
                )  # fmt: skip
            _console().print(table)


# -- search ---------------------------------------------------------------------------------


def _snippet(snippet: str) -> Text:
    """Turn the marked snippet into rich Text with the matches styled."""
    text = Text()
    rest = snippet
    while _MARK[0] in rest:
        before, _, rest = rest.partition(_MARK[0])
        match, _, rest = rest.partition(_MARK[1])
        text.append(before)
        text.append(match, style=MATCH_STYLE)
    text.append(rest)
    return text


@main_group.command("search")
@db_option
@click.argument("text")
@_limit_option(default=20)
@translate_errors
def search_command(db: str, text: str, limit: int) -> None:
    """Full-text search over article titles and bodies, best match first."""
    with _open(db) as store:
        hits = list(store.search(text, limit=limit, mark=_MARK))
    if not hits:
        click.echo(f"no articles match {text!r}")
        return
    table = Table("id", "title", "snippet")
    for hit in hits:
        table.add_row(hit["id"], Text(hit["title"] or ""), _snippet(hit["snippet"] or ""))
    _console().print(table)


# -- export ---------------------------------------------------------------------------------


@contextmanager
def _output(out: str) -> Iterator[IO[str]]:
    """Write to ``out`` via a temporary file, so a failed export leaves no partial file."""
    if out == "-":
        yield sys.stdout
        return
    tmp = f"{out}.part"
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _batches(rows: Iterable[dict[str, Any]], size: int = _BATCH) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_parquet(rows: Iterable[dict[str, Any]], table: str, out: str) -> int:
    import pyarrow as pa  # imported here: only export needs it, and it is slow to import
    import pyarrow.parquet as pq

    types = {str: pa.string(), int: pa.int64(), float: pa.float64()}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])
    written = 0
    tmp = f"{out}.part"
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for batch in _batches(rows):
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                written += len(batch)
            if written == 0:
                writer.write_table(schema.empty_table())
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return written


@main_group.command("export")
@db_option
@format_option("jsonl", "csv", "parquet", default="jsonl")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write; - for stdout (jsonl and csv only).",
)
@click.option(
    "--table",
    type=click.Choice(EXPORT_TABLES),
    default=None,
    help="Flat table to write [default: articles]. jsonl without --table writes full records.",
)
@translate_errors
def export_command(db: str, fmt: str, out: str, table: str | None) -> None:
    """Export full article records (jsonl) or one flat table (csv, parquet)."""
    if fmt == "parquet" and out == "-":
        raise click.UsageError("parquet can't be written to stdout; give --out PATH")
    with _open(db) as store:
        name = table or "articles"
        if fmt == "parquet":
            written = _write_parquet(store.rows(name), name, out)
        else:
            written = 0
            with _output(out) as handle:
                if fmt == "jsonl":
                    items: Iterable[dict[str, Any]] = (
                        store.rows(name) if table else (a.as_dict() for a in store.articles())
                    )
                    for item in items:
                        handle.write(json.dumps(item, ensure_ascii=False) + "\n")
                        written += 1
                else:
                    writer = csv.DictWriter(handle, fieldnames=[c for c, _ in COLUMNS[name]])
                    writer.writeheader()
                    for row in store.rows(name):
                        writer.writerow(row)
                        written += 1
    what = "article records" if fmt == "jsonl" and not table else f"{name} rows"
    click.echo(f"wrote {written} {what} to {out}", err=True)
