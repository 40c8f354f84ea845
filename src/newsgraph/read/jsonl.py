"""JSONL records (one article per line) to raw documents."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.errors import ReadError
from newsgraph.records import RawDocument

_JSON_KINDS = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}


def _authors(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value if v)
    return ()


def parse_record(line: str, source: str) -> RawDocument:
    """One JSONL line to a RawDocument; raises ReadError naming the line's problem."""
    try:
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        # json's messages may end in "at" already ("Unterminated string starting at").
        raise ReadError(source, f"malformed JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") from None
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), "value")
        raise ReadError(source, f"JSONL line is a JSON {kind}, not an object with 'text' or 'html'")
    text, html = _string(record, "text"), _string(record, "html")
    if text is None and html is None:
        raise ReadError(source, "record has neither 'text' nor 'html' (a non-empty string)")
    url = _string(record, "url")
    meta = {
        "title": _string(record, "title"),
        "published": _string(record, "published"),
        "authors": _authors(record.get("authors") or record.get("author")),
        "outlet": _string(record, "outlet"),
    }
    if text is None:
        # Only a page: extract its body as for an HTML file; the record's own fields win over the page's.
        from newsgraph.read.html import parse_html

        page = parse_html(html or "", source, url=url)
        meta = {key: value or getattr(page, key) for key, value in meta.items()}
        return RawDocument(source=url or source, text=page.text, url=url or page.url, extracted=True, **meta)
    return RawDocument(source=url or source, text=text, url=url, extracted=True, **meta)  # type: ignore[arg-type]


def _string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) and value.strip() else None


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
