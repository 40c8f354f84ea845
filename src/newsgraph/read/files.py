"""Paths to raw documents: folders, stdin, gzip, and format detection by content and extension.

Nothing here holds more than one document in memory: folders are walked lazily, JSONL is
streamed line by line, and a text or HTML document is read up to ``MAX_DOCUMENT_BYTES``
and refused past it.

>>> item = next(iter_input_files(["scrape.txt"]))       # doctest: +SKIP
>>> [doc.text[:20] for doc in read_file(item)]          # doctest: +SKIP
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import ReadError
from newsgraph.read.decode import bom_encoding, decode, looks_binary
from newsgraph.read.html import looks_like_html
from newsgraph.read.jsonl import iter_records
from newsgraph.records import RawDocument

logger = logging.getLogger(__name__)

#: A text or HTML page is one document and is read whole; past this size it is refused, not loaded.
#: A JSONL line is one document too, so the same cap applies to each line.
MAX_DOCUMENT_BYTES = int(os.environ.get("NEWSGRAPH_MAX_DOCUMENT_BYTES", 20 * 1024 * 1024))
_SNIFF_BYTES = 8192
_GZIP_MAGIC = b"\x1f\x8b"
_SKIP_CHUNK = 1024 * 1024
STDIN = "-"
#: What reading a (possibly compressed) stream may raise besides our own errors.
_STREAM_ERRORS = (OSError, EOFError, zlib.error)


@dataclass(frozen=True)
class InputFile:
    """One input to read. ``key`` identifies its content version for resumable ingest."""

    path: str
    size: int
    mtime: float

    @property
    def key(self) -> str:
        """Absolute path, size and mtime: the same file reached by another relative path is the same key."""
        path = self.path if self.path == STDIN else os.path.abspath(self.path)
        return f"{path}|{self.size}|{int(self.mtime)}"


def iter_input_files(paths: Iterable[str]) -> Iterator[InputFile | ReadError]:
    """Expand folders recursively (sorted, hidden files skipped); ``-`` stands for stdin."""
    for raw in paths:
        if raw == STDIN:
            yield InputFile(STDIN, 0, 0.0)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    found = True
                    yield _input_file(child)
            if not found:
                yield ReadError(raw, "folder holds no files to read")
        elif path.is_file():
            yield _input_file(path)
        elif path.exists():
            yield ReadError(raw, "not a regular file")
        else:
            yield ReadError(raw, "no such file or folder")


def _input_file(path: Path) -> InputFile:
    stat = path.stat()
    return InputFile(str(path), stat.st_size, stat.st_mtime)


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_NOT_JSONL = "a JSON document, not JSONL; write one article object per line"


def detect_format(head: str, name: str) -> str:
    """``jsonl``, ``html`` or ``text``: content decides where it is clear, the extension otherwise.

    ``json`` (one JSON document that is not one object per line) is named so it can be refused.

    >>> detect_format('{"text": "A story."}\\n', "feed.txt")
    'jsonl'
    >>> detect_format("<!doctype html><p>Hi</p>", "page.txt")
    'html'
    >>> detect_format("Headline\\n\\nBody.", "page.html")
    'text'
    """
    lines = [line.strip() for line in head.lstrip("\ufeff").lstrip().split("\n")]
    first_line = lines[0]
    suffix = Path(name).suffix.lower()
    # One object per line: the first line, or (when the first record is broken or cut off by
    # the sniff window) another whole line of the head; a lone "{..." line is cut-off JSONL too.
    if first_line.startswith("{") and (
        len(lines) == 1 or suffix in _JSONL_SUFFIXES or any(_is_object(line) for line in lines[:-1])
    ):
        return "jsonl"
    if first_line[:1] in ("{", "[") and (suffix == ".json" or first_line in ("{", "[")):
        return "json"  # a pretty-printed object or an array: refused, not read as prose
    if looks_like_html(head):
        return "html"
    if suffix in _HTML_SUFFIXES and "<" in head:
        return "html"
    return "text"


def _is_object(line: str) -> bool:
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def read_file(item: InputFile, *, whole: bool = False) -> Iterator[RawDocument | ReadError]:
    """Read one input. Errors about the whole file are raised; errors about one JSONL line are yielded.

    With ``whole`` the decoded file is one plain-text document whatever its format (``--as-is``).
    """
    compressed = False
    # stdin is not ours to close: a second ``-`` or the caller may still want it.
    opener = nullcontext(sys.stdin.buffer) if item.path == STDIN else open(item.path, "rb")  # noqa: SIM115
    with opener as raw:
        try:
            magic = _read_exact(raw, 2)
            stream: BinaryIO = io.BufferedReader(_Rewound(magic, raw))  # type: ignore[arg-type]
            if magic == _GZIP_MAGIC:
                compressed = True
                stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
            head = _read_exact(stream, _SNIFF_BYTES)
        except _STREAM_ERRORS as exc:
            raise _stream_error(item.path, compressed, exc) from exc
        if not head.strip():
            raise ReadError(item.path, "empty file" if not head else "empty file (only whitespace)")
        bom = bom_encoding(head)
        if bom is None and looks_binary(head):
            raise ReadError(item.path, "binary file, not text, HTML or JSONL")
        body: BinaryIO = io.BufferedReader(_Rewound(head, stream))  # type: ignore[arg-type]
        fmt = "text" if whole else detect_format(head.decode(bom or "utf-8", errors="replace"), _strip_gz(item.path))
        if fmt == "json":
            raise ReadError(item.path, _NOT_JSONL)
        if fmt == "jsonl":
            lines = _decoded_lines(body, item.path, compressed, bom)
            yield from iter_records(lines, item.path)
            return
        data = _read_capped(body, item.path, compressed)
    text = decode(data, item.path)
    if fmt == "html":
        from newsgraph.read.html import parse_html

        yield parse_html(text, item.path)
    else:
        yield RawDocument(source=item.path, text=text)


def read_text(text: str, source: str = "<text>") -> Iterator[RawDocument | ReadError]:
    """Documents in a string already in memory, detected as JSONL, HTML or plain text like a file."""
    fmt = detect_format(text[:_SNIFF_BYTES], source)
    if fmt == "json":
        raise ReadError(source, _NOT_JSONL)
    if fmt == "jsonl":
        yield from iter_records(text.split("\n"), source)
    elif fmt == "html":
        from newsgraph.read.html import parse_html

        yield parse_html(text, source)
    else:
        yield RawDocument(source=source, text=text)


class _Rewound(io.RawIOBase):
    """A stream with the bytes already read from it put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._read = getattr(rest, "read1", rest.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_exact(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, fewer only at the end of the stream (pipes and gzip return short reads)."""
    parts: list[bytes] = []
    missing = size
    while missing > 0:
        chunk = stream.read(missing)
        if not chunk:
            break
        parts.append(chunk)
        missing -= len(chunk)
    return b"".join(parts)


def _stream_error(path: str, compressed: bool, exc: BaseException, where: str = "") -> ReadError:
    if compressed:
        return ReadError(path, f"corrupt gzip data{where} ({exc})")
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return ReadError(path, f"read failed{where} ({reason})")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MiB" if size >= 1024 * 1024 else f"{size} bytes"


def _read_capped(stream: BinaryIO, path: str, compressed: bool) -> bytes:
    try:
        data = _read_exact(stream, MAX_DOCUMENT_BYTES + 1)
    except _STREAM_ERRORS as exc:
        raise _stream_error(path, compressed, exc) from exc
    if len(data) > MAX_DOCUMENT_BYTES:
        size = _megabytes(MAX_DOCUMENT_BYTES) + (" uncompressed" if compressed else "")
        raise ReadError(path, f"too large for one document (over {size}); split it or use JSONL, which is streamed")
    return data


def _decoded_lines(stream: BinaryIO, path: str, compressed: bool, bom: str | None) -> Iterator[str | ReadError]:
    """Stream JSONL lines, each capped at ``MAX_DOCUMENT_BYTES``; a line that is not UTF-8 goes through decode.

    Only ``\\n`` ends a line: JSON strings may hold U+2028 and other characters ``splitlines`` breaks on.
    """
    # UTF-16/32 (byte-order mark) text is decoded as a whole stream; everything else line by line.
    reader: BinaryIO | io.TextIOWrapper = (
        stream if bom is None else io.TextIOWrapper(stream, encoding=bom, errors="replace", newline="\n")
    )
    newline: str | bytes = "\n" if bom else b"\n"
    number = 0
    try:
        while line := reader.readline(MAX_DOCUMENT_BYTES + 1):
            number += 1
            if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(newline):  # type: ignore[arg-type]
                while (rest := reader.readline(_SKIP_CHUNK)) and not rest.endswith(newline):  # type: ignore[arg-type]
                    pass  # skip the rest of the oversized line without holding it
                size = _megabytes(MAX_DOCUMENT_BYTES)
                yield ReadError(f"{path}:{number}", f"line too large for one document (over {size})")
                continue
            if isinstance(line, str):
                yield line
                continue
            try:
                yield line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                try:
                    yield decode(line, f"{path}:{number}")
                except ReadError as exc:
                    yield exc
    except _STREAM_ERRORS as exc:
        raise _stream_error(path, compressed, exc, f" after line {number}") from exc
