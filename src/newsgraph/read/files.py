"""Paths to raw documents: folders, stdin, gzip, and format detection by content and extension."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import ReadError
from newsgraph.read.decode import decode, looks_binary
from newsgraph.read.jsonl import iter_records
from newsgraph.records import RawDocument

logger = logging.getLogger(__name__)

#: A text or HTML page is one document and is read whole; past this size it is refused, not loaded.
MAX_DOCUMENT_BYTES = int(os.environ.get("NEWSGRAPH_MAX_DOCUMENT_BYTES", 20 * 1024 * 1024))
_SNIFF_BYTES = 8192
_GZIP_MAGIC = b"\x1f\x8b"
STDIN = "-"


@dataclass(frozen=True)
class InputFile:
    """One input to read. ``key`` identifies its content version for resumable ingest."""

    path: str
    size: int
    mtime: float

    @property
    def key(self) -> str:
        return f"{self.path}|{self.size}|{int(self.mtime)}"


def iter_input_files(paths: Iterable[str]) -> Iterator[InputFile | ReadError]:
    """Expand folders recursively (sorted, hidden files skipped); ``-`` stands for stdin."""
    for raw in paths:
        if raw == STDIN:
            yield InputFile(STDIN, 0, 0.0)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    yield _input_file(child)
        elif path.is_file():
            yield _input_file(path)
        elif path.exists():
            yield ReadError(raw, "not a regular file")
        else:
            yield ReadError(raw, "no such file or folder")


def _input_file(path: Path) -> InputFile:
    stat = path.stat()
    return InputFile(str(path), stat.st_size, stat.st_mtime)


def _open(path: str) -> BinaryIO:
    if path == STDIN:
        return sys.stdin.buffer
    return open(path, "rb")  # noqa: SIM115 - closed by the caller


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|span|a|article|section|h[1-6]|meta|script|title|br)\b[^>]*>", re.I)


def looks_like_html(head: str) -> bool:
    """An HTML start, or markup dense enough that the text is a page rather than prose about tags."""
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 5


def detect_format(head: str, name: str) -> str:
    """``jsonl``, ``html`` or ``text``: content decides where it is clear, the extension otherwise."""
    first_line = head.lstrip().split("\n", 1)[0]
    if first_line.startswith("{"):
        try:
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except json.JSONDecodeError:
            # A cut-off first line in the sniffed head still counts as JSONL if the name says so.
            if Path(name).suffix.lower() in {".jsonl", ".ndjson"}:
                return "jsonl"
    if looks_like_html(head):
        return "html"
    suffix = Path(name).suffix.lower()
    if suffix in {".jsonl", ".ndjson"} and first_line.startswith("{"):
        return "jsonl"
    if suffix in {".html", ".htm", ".xhtml"} and "<" in head:
        return "html"
    return "text"


def read_file(item: InputFile) -> Iterator[RawDocument | ReadError]:
    """Read one input. Errors about the whole file are raised; errors about one JSONL line are yielded."""
    name = _strip_gz(item.path)
    with _open(item.path) as raw_stream:
        stream: BinaryIO = raw_stream
        buffered = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream  # type: ignore[arg-type]
        if buffered.peek(2)[:2] == _GZIP_MAGIC:
            buffered = io.BufferedReader(gzip.GzipFile(fileobj=buffered))  # type: ignore[arg-type]
        try:
            head = buffered.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        except (OSError, EOFError) as exc:
            raise ReadError(item.path, f"corrupt gzip data ({exc})") from None
        if not head.strip():
            raise ReadError(item.path, "empty file")
        if looks_binary(head):
            raise ReadError(item.path, "binary file, not text, HTML or JSONL")
        fmt = detect_format(head.decode("utf-8", errors="replace"), name)
        if fmt == "jsonl":
            yield from iter_records(_decoded_lines(buffered, item.path), item.path)
            return
        data = _read_capped(buffered, item.path)
    text = decode(data, item.path)
    if fmt == "html":
        from newsgraph.read.html import parse_html

        yield parse_html(text, item.path)
    else:
        yield RawDocument(source=item.path, text=text)


def _read_capped(stream: BinaryIO, path: str) -> bytes:
    try:
        data = stream.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise ReadError(path, f"corrupt gzip data ({exc})") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ReadError(
            path,
            f"too large for one document (over {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB); "
            "split it or use JSONL, which is streamed",
        )
    return data


def _decoded_lines(stream: BinaryIO, path: str) -> Iterator[str | ReadError]:
    """Stream JSONL lines; a line that is not UTF-8 still goes through decode's fallback."""
    number = 0
    try:
        for number, line in enumerate(stream, start=1):  # noqa: B007
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    yield decode(line, f"{path}:{number}")
                except ReadError as exc:
                    yield exc
    except (OSError, EOFError) as exc:
        raise ReadError(path, f"corrupt gzip data after line {number} ({exc})") from None
