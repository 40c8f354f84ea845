"""JSONL records (one article per line) to raw documents."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.errors import ReadError
from newsgraph.records import RawDocument


def _authors(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value if v)
    return ()


def parse_record(line: str, source: str) -> RawDocument:
    """One JSONL line to a RawDocument; raises ReadError naming the line's problem."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ReadError(source, f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise ReadError(source, "JSONL line is not an object")
    text, html = record.get("text"), record.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise ReadError(source, "record has neither 'text' nor 'html'")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return RawDocument(
        source=url or source,
        text=text if isinstance(text, str) and text.strip() else None,
        html=html if isinstance(html, str) and html.strip() and not (isinstance(text, str) and text.strip()) else None,
        url=url,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        published=record.get("published") if isinstance(record.get("published"), str) else None,
        authors=_authors(record.get("authors") or record.get("author")),
        outlet=record.get("outlet") if isinstance(record.get("outlet"), str) else None,
    )


def iter_records(lines: Iterable[str | ReadError], source: str) -> Iterator[RawDocument | ReadError]:
    """Stream records; a bad line becomes a ReadError naming ``source:line`` and the rest go on."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, ReadError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            yield parse_record(line, f"{source}:{number}")
        except ReadError as exc:
            yield exc
