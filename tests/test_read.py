"""The read stage: inputs, formats by content and extension, gzip, encodings and streaming.

These tests stop before analysis, so they run without spaCy. Every text is our own fictional writing.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import sys
from pathlib import Path

import pytest

from newsgraph.errors import ReadError
from newsgraph.read import InputFile, iter_input_files, read_file
from newsgraph.read import files as read_files
from newsgraph.read.decode import decode, looks_binary
from newsgraph.read.files import detect_format, read_text
from newsgraph.records import RawDocument

STORY = (
    "Ferry timetable changes for winter\n\n"
    "The Lakeholm ferry will run every forty minutes from November, the operator said on Monday.\n\n"
    '"Fewer crossings, same fares," spokeswoman Ines Moreau said.\n'
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Orchard wins county prize</title></head><body><article>"
    "<h1>Orchard wins county prize</h1>"
    "<p>The Elmford community orchard has won the county prize for green spaces, judges announced on Friday.</p>"
    "<p>&quot;Every tree here was planted by a volunteer,&quot; organiser Bruno Dahl said after the ceremony.</p>"
    "<p>The orchard, planted in 2009 on a former car park, now has ninety apple and pear trees.</p>"
    "</article></body></html>"
)
RECORDS = [
    {
        "text": "Night buses return to Ravensby from Friday, the transport office said.",
        "url": "https://example.test/night-buses",
        "title": "Night buses return",
        "published": "2031-02-14",
        "authors": ["Hana Brandt"],
    },
    {"text": "The Norbridge swimming pool will close for two weeks in March for new tiles."},
]
JSONL = "".join(json.dumps(r) + "\n" for r in RECORDS)
LATIN1_SENTENCE = "Müller said café prices rose"


def read_all(path: Path | str, **kwargs: bool) -> list[RawDocument | ReadError]:
    (item,) = iter_input_files([str(path)])
    assert isinstance(item, InputFile)
    return list(read_file(item, **kwargs))


def only_doc(path: Path | str) -> RawDocument:
    (doc,) = read_all(path)
    assert isinstance(doc, RawDocument), doc
    return doc


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# ---------------------------------------------------------------- inputs


def test_folders_are_walked_recursively_in_order_and_hidden_files_skipped(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", STORY)
    write(tmp_path / "a" / "deep" / "c.html", PAGE)
    write(tmp_path / "a" / "d.jsonl", JSONL)
    write(tmp_path / ".hidden.txt", STORY)
    write(tmp_path / ".cache" / "e.txt", STORY)
    found = list(iter_input_files([str(tmp_path)]))
    assert all(isinstance(f, InputFile) for f in found)
    names = [Path(f.path).relative_to(tmp_path).as_posix() for f in found]  # type: ignore[union-attr]
    assert names == ["a/d.jsonl", "a/deep/c.html", "b.txt"]


def test_missing_paths_and_empty_folders_are_errors_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    missing, empty = iter_input_files([str(tmp_path / "nope.txt"), str(tmp_path / "empty")])
    assert isinstance(missing, ReadError) and missing.reason == "no such file or folder"
    assert isinstance(empty, ReadError) and "no files" in empty.reason


def test_file_key_is_absolute_so_relative_paths_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "s.txt", STORY)
    (absolute,) = iter_input_files([str(tmp_path / "s.txt")])
    monkeypatch.chdir(tmp_path)
    (relative,) = iter_input_files(["s.txt"])
    assert isinstance(absolute, InputFile) and isinstance(relative, InputFile)
    assert relative.path == "s.txt"
    assert relative.key == absolute.key


class _Trickle(io.RawIOBase):
    """A pipe that hands over a few bytes per read, as stdin from a slow producer does."""

    def __init__(self, data: bytes, step: int = 3) -> None:
        self._data, self._step = data, step

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk, self._data = self._data[: self._step], self._data[self._step :]
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(_Trickle(data), buffer_size=16)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (STORY.encode(), "text"),
        (JSONL.encode(), "jsonl"),
        (gzip.compress(JSONL.encode()), "jsonl"),
    ],
)
def test_stdin_is_read_even_in_small_pieces(monkeypatch: pytest.MonkeyPatch, data: bytes, expected: str) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    docs = read_all("-")
    assert all(isinstance(d, RawDocument) for d in docs)
    if expected == "jsonl":
        assert [d.text for d in docs] == [r["text"] for r in RECORDS]  # type: ignore[union-attr]
    else:
        assert [d.text for d in docs] == [STORY]  # type: ignore[union-attr]


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (STORY, "story.txt", "text"),
        (STORY, "story.html", "text"),  # no markup at all: the extension is wrong
        (PAGE, "page.html", "html"),
        (PAGE, "page.txt", "html"),
        ("<p>One</p><p>Two</p><div>Three</div><p>Four</p><span>Five</span>", "frag.txt", "html"),
        ("Prose that mentions a <b> tag once.", "note.txt", "text"),
        (JSONL, "feed.jsonl", "jsonl"),
        (JSONL, "feed.txt", "jsonl"),
        (JSONL, "feed", "jsonl"),
        ('{"text": "cut off by the sniff win', "feed.jsonl", "jsonl"),
        ('{broken first line\n{"text": "fine"}\n', "feed.txt", "jsonl"),
        ("{Editor's note} A story\nthat opens with braces.\n", "note.txt", "text"),
        ("\ufeff" + JSONL, "feed.txt", "jsonl"),
        ('{\n  "text": "pretty"\n}\n', "feed.txt", "json"),
        ('[{"text": "an array"}]\n', "feed.json", "json"),
        ("[Updated] The ferry runs again.\n", "note.txt", "text"),
    ],
)
def test_detect_format_by_content_then_extension(head: str, name: str, expected: str) -> None:
    assert detect_format(head, name) == expected


def test_plain_text_is_read_unchanged(tmp_path: Path) -> None:
    doc = only_doc(write(tmp_path / "story.txt", STORY))
    assert doc.text == STORY and doc.source == str(tmp_path / "story.txt")


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt", "page"])
def test_html_is_found_by_content_or_extension(tmp_path: Path, name: str) -> None:
    doc = only_doc(write(tmp_path / name, PAGE))
    assert doc.title == "Orchard wins county prize"
    assert doc.text is not None and "ninety apple and pear trees" in doc.text
    assert "<p>" not in doc.text and doc.extracted


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.ndjson", "feed.txt", "feed"])
def test_jsonl_records_keep_their_fields(tmp_path: Path, name: str) -> None:
    first, second = read_all(write(tmp_path / name, JSONL))
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.text == RECORDS[0]["text"]
    assert (first.url, first.source, first.title, first.published, first.authors) == (
        "https://example.test/night-buses",
        "https://example.test/night-buses",
        "Night buses return",
        "2031-02-14",
        ("Hana Brandt",),
    )
    assert second.source == f"{tmp_path / name}:2" and second.url is None


def test_jsonl_html_records_are_extracted_and_record_fields_win(tmp_path: Path) -> None:
    line = json.dumps({"html": PAGE, "title": "Orchard prize", "url": "https://example.test/orchard"})
    (doc,) = read_all(write(tmp_path / "pages.jsonl", line + "\n"))
    assert isinstance(doc, RawDocument)
    assert doc.title == "Orchard prize" and doc.html is None
    assert doc.text is not None and "volunteer" in doc.text and "<p>" not in doc.text


def test_jsonl_blank_lines_are_skipped_and_numbering_kept(tmp_path: Path) -> None:
    docs = read_all(write(tmp_path / "f.jsonl", "\n" + JSONL.replace("\n", "\n\n", 1)))
    assert [d.source for d in docs] == ["https://example.test/night-buses", f"{tmp_path / 'f.jsonl'}:4"]


@pytest.mark.parametrize("inner", ["story.txt", "page.html", "feed.jsonl", "noext"])
def test_gzip_of_each_format_is_detected_with_or_without_inner_extension(tmp_path: Path, inner: str) -> None:
    content = {"story.txt": STORY, "page.html": PAGE, "feed.jsonl": JSONL, "noext": JSONL}[inner]
    for name in (inner + ".gz", "blob"):
        docs = read_all(write(tmp_path / name, gzip.compress(content.encode())))
        assert docs and all(isinstance(d, RawDocument) for d in docs), docs
        if inner == "story.txt":
            assert docs[0].text == STORY  # type: ignore[union-attr]
        elif inner == "page.html":
            assert docs[0].title == "Orchard wins county prize"  # type: ignore[union-attr]
        else:
            assert len(docs) == 2


def test_whole_reads_any_format_as_one_unchanged_text(tmp_path: Path) -> None:
    for name, content in (("page.html", PAGE), ("feed.jsonl", JSONL), ("crlf.txt", STORY.replace("\n", "\r\n"))):
        (doc,) = read_all(write(tmp_path / name, content.encode()), whole=True)
        assert isinstance(doc, RawDocument) and doc.text == content


def test_read_text_detects_formats_in_a_string() -> None:
    assert [d.text for d in read_text(STORY)] == [STORY]  # type: ignore[union-attr]
    assert len(list(read_text(JSONL))) == 2
    (page,) = read_text(PAGE)
    assert isinstance(page, RawDocument) and page.title == "Orchard wins county prize"


# ---------------------------------------------------------------- encodings


def test_latin1_text_comes_out_readable(tmp_path: Path) -> None:
    assert decode(LATIN1_SENTENCE.encode("latin-1"), "x") == LATIN1_SENTENCE
    doc = only_doc(write(tmp_path / "latin.txt", (LATIN1_SENTENCE + ".\n").encode("latin-1")))
    assert doc.text == LATIN1_SENTENCE + ".\n"


def test_cp1252_with_smart_quotes_comes_out_readable() -> None:
    text = "Ms Brandt said the “new” café opened – at last – on Friday, to the joy of Ørsted Street."
    assert decode(text.encode("cp1252"), "x") == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_name_the_encoding(tmp_path: Path, encoding: str) -> None:
    data = STORY.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    doc = only_doc(write(tmp_path / "bom.txt", data))
    assert doc.text == STORY


def test_utf16_jsonl_with_bom_is_streamed(tmp_path: Path) -> None:
    docs = read_all(write(tmp_path / "feed.jsonl", JSONL.encode("utf-16")))
    assert [d.text for d in docs] == [r["text"] for r in RECORDS]  # type: ignore[union-attr]


def test_mostly_utf8_with_a_stray_byte_stays_utf8() -> None:
    good = "Ørsted Street café: Müller, Søren and Zoë said the crêpes were überall. " * 3
    data = good.encode() + b"\xff" + "Élan.".encode()
    text = decode(data, "x")
    assert text.startswith(good) and text.endswith("\ufffdÉlan.")


def test_latin1_jsonl_line_is_decoded(tmp_path: Path) -> None:
    line = json.dumps({"text": LATIN1_SENTENCE}, ensure_ascii=False).encode("latin-1")
    (doc,) = read_all(write(tmp_path / "feed.jsonl", line + b"\n"))
    assert isinstance(doc, RawDocument) and doc.text == LATIN1_SENTENCE


def test_undecodable_bytes_raise_a_read_error() -> None:
    rng = random.Random(7)
    junk = bytes(rng.randrange(0x80, 0x100) for _ in range(600))
    with pytest.raises(ReadError, match="undecodable bytes"):
        decode(junk, "junk.txt")


def test_looks_binary() -> None:
    assert looks_binary(b"PK\x03\x04\x00\x00")
    assert looks_binary(bytes(range(1, 32)) * 4)
    assert not looks_binary(STORY.encode())
    assert not looks_binary(b"")


# ---------------------------------------------------------------- size caps and streaming


def test_oversized_document_is_refused_before_it_is_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_files, "MAX_DOCUMENT_BYTES", 1000)
    path = write(tmp_path / "big.txt", STORY * 50)
    with pytest.raises(ReadError, match=r"too large for one document \(over 1000 bytes\)"):
        read_all(path)
    with pytest.raises(ReadError, match="1000 bytes uncompressed"):
        read_all(write(tmp_path / "big.gz", gzip.compress((STORY * 50).encode())))


def test_jsonl_is_streamed_and_an_oversized_line_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_files, "MAX_DOCUMENT_BYTES", 1000)
    huge = json.dumps({"text": "word " * 1000})
    lines = [json.dumps(RECORDS[0]), huge, json.dumps(RECORDS[1])] * 40  # whole file far over the cap
    docs = read_all(write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n"))
    errors = [d for d in docs if isinstance(d, ReadError)]
    assert len(docs) == 120 and len(errors) == 40
    assert errors[0].path == f"{tmp_path / 'feed.jsonl'}:2"
    assert "line too large for one document" in errors[0].reason


def test_jsonl_reader_is_lazy(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", JSONL * 1000)
    (item,) = iter_input_files([str(path)])
    stream = read_file(item)  # type: ignore[arg-type]
    first = next(stream)
    assert isinstance(first, RawDocument) and first.title == "Night buses return"
    stream.close()  # type: ignore[attr-defined]


def test_stdin_is_not_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _Stdin(STORY.encode())
    monkeypatch.setattr(sys, "stdin", fake)
    read_all("-")
    assert not fake.buffer.closed


def test_only_newline_ends_a_jsonl_line(tmp_path: Path) -> None:
    text = "The quay\u2028reopened\x85on Monday\x0cafter repairs."
    line = json.dumps({"text": text}, ensure_ascii=False)
    for encoding in ("utf-8", "utf-16"):
        (doc,) = read_all(write(tmp_path / "odd.jsonl", (line + "\n").encode(encoding)))
        assert isinstance(doc, RawDocument) and doc.text == text
    (doc,) = read_text(line + "\n" + "\n")
    assert isinstance(doc, RawDocument) and doc.text == text


def test_a_json_document_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path / "articles.json", json.dumps(RECORDS, indent=2))
    with pytest.raises(ReadError, match="a JSON document, not JSONL; write one article object per line"):
        read_all(path)
