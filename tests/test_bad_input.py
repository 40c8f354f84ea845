"""Bad input: one clear ``skipped PATH: reason`` line each, the batch goes on, stored data stays whole.

Every bad file is built in code; the good article comes from ``test_ingest.article_text``.
"""

from __future__ import annotations

import gzip
import json
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import newsgraph.pipeline
from newsgraph.cli import cli
from newsgraph.read import files as read_files
from test_ingest import ENV, article_text, count, record

GOOD = article_text(40)
GOOD_TITLE = GOOD.split("\n")[0]


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=ENV, input=input)


def skipped_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("skipped ")]


def _junk(n: int) -> bytes:
    rng = random.Random(11)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(n))


def _long_gzip() -> bytes:
    rng = random.Random(5)
    words = ("harbour", "council", "budget", "ferry", "said", "river", "school", "Tuesday", "nurses")
    data = gzip.compress(" ".join(rng.choice(words) for _ in range(20000)).encode())
    return data[: len(data) // 2]


#: name, content, expected reason (the start of it). One file each, one line each.
BAD_FILES: list[tuple[str, bytes, str]] = [
    (
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "binary file, not text, HTML or JSONL",
    ),
    ("archive.jsonl", b"PK\x03\x04" + b"\x00" * 200, "binary file, not text, HTML or JSONL"),
    ("empty.txt", b"", "empty file"),
    ("blank.html", b"  \n\n\t \n", "empty file (only whitespace)"),
    ("empty.txt.gz", gzip.compress(b""), "empty file"),
    ("mojibake.txt", _junk(600), "undecodable bytes: not UTF-8"),
    ("nobody.html", b"<html><head><title>x</title></head><body><div><span></span></div></body></html>", ""),
    ("broken.gz", b"\x1f\x8b\x08\x00" + b"not really deflate data at all" * 3, "corrupt gzip data"),
    ("cut-off.txt.gz", _long_gzip(), "corrupt gzip data"),
    ("one-bad-record.jsonl", b"{this is not json\n", "malformed JSON ("),
]


def _write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return _write(tmp_path, "good.txt", GOOD.encode())


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_each_bad_file_is_one_line_and_the_batch_goes_on(
    tmp_path: Path, good: Path, name: str, content: bytes, reason: str
) -> None:
    bad = _write(tmp_path, name, content)
    db = tmp_path / "n.db"
    result = run("ingest", "--db", str(db), str(bad), str(good))
    assert result.exit_code == 0, result.output
    (line,) = skipped_lines(result)
    assert line.startswith(f"skipped {bad}") and reason in line, line
    assert len(line.split(": ", 1)[1]) > 5  # names the problem, not just the file
    assert "Traceback" not in result.output
    assert "1 files read, 1 articles stored" in result.stderr
    assert count(db, "articles") == 1 and count(db, "files") == 1


def test_html_without_a_body_says_so(tmp_path: Path) -> None:
    bad = _write(tmp_path, "nobody.html", BAD_FILES[6][1])
    (line,) = skipped_lines(run("extract", str(bad)))
    assert "body" in line or "text" in line, line


def test_malformed_jsonl_lines_name_the_line_and_the_rest_of_the_file_goes_on(tmp_path: Path) -> None:
    lines = [
        record(41),
        '{"text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"title": "A headline with no body"}),
        json.dumps({"text": 42}),
        "",
        record(42),
    ]
    feed = _write(tmp_path, "feed.jsonl", ("\n".join(lines) + "\n").encode())
    db = tmp_path / "n.db"
    result = run("ingest", "--db", str(db), str(feed))
    assert result.exit_code == 0, result.output
    assert skipped_lines(result) == [
        f"skipped {feed}:2: malformed JSON (Unterminated string starting at column 10)",
        f"skipped {feed}:3: JSONL line is a JSON array, not an object with 'text' or 'html'",
        f"skipped {feed}:4: record has neither 'text' nor 'html' (a non-empty string)",
        f"skipped {feed}:5: record has neither 'text' nor 'html' (a non-empty string)",
    ]
    assert count(db, "articles") == 2 and count(db, "files") == 1


def test_huge_documents_are_refused_and_huge_jsonl_is_streamed(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read_files, "MAX_DOCUMENT_BYTES", 4096)
    huge_text = _write(tmp_path, "huge.txt", (GOOD * 40).encode())
    huge_page = _write(tmp_path, "huge.html.gz", gzip.compress(("<html><body>" + "<p>x</p>" * 2000).encode()))
    # The JSONL file is far over the cap, and so is one of its lines; the other lines are stored.
    feed_lines = [record(43), json.dumps({"text": "word " * 5000}), record(44)] + [record(45 + i) for i in range(40)]
    feed = _write(tmp_path, "big.jsonl", ("\n".join(feed_lines) + "\n").encode())
    assert feed.stat().st_size > 10 * 4096
    db = tmp_path / "n.db"
    result = run("ingest", "--db", str(db), str(huge_text), str(huge_page), str(feed), str(good))
    assert result.exit_code == 0, result.output
    assert skipped_lines(result) == [
        f"skipped {huge_text}: too large for one document (over 4096 bytes); split it or use JSONL, which is streamed",
        f"skipped {huge_page}: too large for one document (over 4096 bytes uncompressed); "
        "split it or use JSONL, which is streamed",
        f"skipped {feed}:2: line too large for one document (over 4096 bytes)",
    ]
    assert count(db, "articles") == 43


def test_missing_paths_and_empty_folders(tmp_path: Path, good: Path) -> None:
    (tmp_path / "empty-folder").mkdir()
    result = run("ingest", "--db", str(tmp_path / "n.db"), str(tmp_path / "nope.txt"), str(tmp_path / "empty-folder"))
    assert result.exit_code == 1
    assert skipped_lines(result) == [
        f"skipped {tmp_path / 'nope.txt'}: no such file or folder",
        f"skipped {tmp_path / 'empty-folder'}: folder holds no files to read",
    ]


def test_empty_stdin(tmp_path: Path) -> None:
    result = run("ingest", "--db", str(tmp_path / "n.db"), "-", input=b"")
    assert result.exit_code == 1
    assert skipped_lines(result) == ["skipped -: empty file"]


def test_long_messages_stay_on_one_line(tmp_path: Path) -> None:
    deep = tmp_path / ("a-rather-long-folder-name-for-a-news-archive" * 2) / ("sub" * 30)
    deep.mkdir(parents=True)
    bad = _write(deep, "nothing.txt", b"")
    result = run("extract", str(bad))
    assert result.stderr.splitlines() == [f"skipped {bad}: empty file"]


# ---------------------------------------------------------------- exit status


def test_exit_status_is_nonzero_only_when_every_input_failed(tmp_path: Path, good: Path) -> None:
    empty = _write(tmp_path, "empty.txt", b"")
    binary = _write(tmp_path, "b.bin", b"\x00\x01\x02" * 100)
    db = tmp_path / "n.db"
    all_bad = run("ingest", "--db", str(db), str(empty), str(binary))
    assert all_bad.exit_code == 1
    assert len(skipped_lines(all_bad)) == 2 and "Traceback" not in all_bad.output
    assert count(db, "articles") == 0
    assert run("ingest", "--db", str(db), str(empty), str(good)).exit_code == 0
    # Already ingested counts as processed: a re-run of a finished batch succeeds.
    assert run("ingest", "--db", str(db), str(good)).exit_code == 0
    assert run("extract", str(empty), str(binary)).exit_code == 1
    assert run("extract", str(empty), str(good)).exit_code == 0


# ---------------------------------------------------------------- --debug


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_shows_the_traceback_in_either_position(tmp_path: Path, good: Path, where: str) -> None:
    empty = _write(tmp_path, "empty.txt", b"")
    args = ["ingest", "--db", str(tmp_path / "n.db"), str(empty), str(good)]
    args = ["--debug", *args] if where == "before" else [*args[:1], "--debug", *args[1:]]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert f"skipped {empty}: empty file" in result.stderr
    assert "Traceback" in result.stderr and "ReadError" in result.stderr
    assert "1 articles stored" in result.stderr


def test_debug_applies_to_store_errors_too(tmp_path: Path, good: Path) -> None:
    not_a_db = _write(tmp_path, "x.db", b"this is not an SQLite database, just some text" * 50)
    quiet = run("ingest", "--db", str(not_a_db), str(good))
    assert quiet.exit_code == 1
    assert quiet.stderr.strip().splitlines() == [f"Error: cannot open database {not_a_db}: file is not a database"]
    loud = run("ingest", "--debug", "--db", str(not_a_db), str(good))
    assert loud.exit_code == 1 and type(loud.exception).__name__ == "StoreError"


def _fail_on(needle: str, exc: Exception) -> Callable[..., object]:
    real = newsgraph.pipeline.analyze

    def analyze(article, **kwargs):  # type: ignore[no-untyped-def]
        if needle in article.text:
            raise exc
        return real(article, **kwargs)

    return analyze


def test_an_unexpected_failure_is_one_line_without_debug(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(newsgraph.pipeline, "analyze", _fail_on("Quarry Bay", RuntimeError("tagger exploded")))
    cursed = _write(tmp_path, "cursed.txt", article_text(47).encode())  # story 47 is set in Quarry Bay
    assert "Quarry Bay" in article_text(47) and "Quarry Bay" not in GOOD
    db = tmp_path / "n.db"
    result = run("ingest", "--db", str(db), str(cursed), str(good))
    assert result.exit_code == 0
    assert skipped_lines(result) == [f"skipped {cursed}: analysis failed (RuntimeError: tagger exploded)"]
    assert "Traceback" not in result.output
    debug = run("--debug", "ingest", "--db", str(db), str(cursed))
    assert isinstance(debug.exception, RuntimeError)


def test_a_reader_crash_is_one_line(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsgraph.read.html

    def explode(*_args: object, **_kwargs: object) -> None:
        raise ValueError("parser gave up")

    monkeypatch.setattr(newsgraph.read.html, "parse_html", explode)
    page = _write(tmp_path, "page.html", b"<html><body><p>One</p><p>Two</p></body></html>")
    result = run("ingest", "--db", str(tmp_path / "n.db"), str(page), str(good))
    assert result.exit_code == 0
    assert skipped_lines(result) == [f"skipped {page}: could not be read (ValueError: parser gave up)"]


# ---------------------------------------------------------------- stored data is never lost or half-written


def test_a_crash_mid_file_stores_nothing_of_that_file_and_a_rerun_completes_it(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "n.db"
    assert run("ingest", "--db", str(db), str(good)).exit_code == 0
    feed = _write(tmp_path, "feed.jsonl", "".join(record(i) + "\n" for i in (50, 51, 52, 55)).encode())
    # With --debug an unexpected error is raised, not skipped: the file's transaction must roll back.
    monkeypatch.setattr(newsgraph.pipeline, "analyze", _fail_on(article_text(55).split("\n\n")[1][:40], MemoryError()))
    crashed = run("--debug", "ingest", "--db", str(db), str(feed))
    assert isinstance(crashed.exception, MemoryError)
    assert count(db, "articles") == 1 and count(db, "files") == 1  # the earlier file, untouched
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    monkeypatch.undo()
    resumed = run("ingest", "--db", str(db), str(good), str(feed))
    assert resumed.exit_code == 0
    assert "1 files read, 4 articles stored, 0 skipped as duplicates, 1 files already ingested" in resumed.stderr
    assert count(db, "articles") == 5 and count(db, "files") == 2


def test_bad_files_do_not_touch_what_is_stored(tmp_path: Path, good: Path) -> None:
    db = tmp_path / "n.db"
    run("ingest", "--db", str(db), str(good))
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT id, record FROM articles").fetchall()
    bad = [_write(tmp_path, name, content) for name, content, _ in BAD_FILES]
    result = run("ingest", "--db", str(db), *map(str, bad))
    assert result.exit_code == 1 and len(skipped_lines(result)) == len(BAD_FILES)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT id, record FROM articles").fetchall() == before
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_crash_in_a_batched_jsonl_file_resumes_without_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsgraph._ingest

    real_analyze = newsgraph.pipeline.analyze
    db = tmp_path / "n.db"
    feed = _write(tmp_path, "feed.jsonl", "".join(record(i) + "\n" for i in range(60, 65)).encode())
    monkeypatch.setattr(newsgraph._ingest, "BATCH_SIZE", 2)
    monkeypatch.setattr(newsgraph.pipeline, "analyze", _fail_on(article_text(63).split("\n\n")[1][:40], MemoryError()))
    crashed = run("--debug", "ingest", "--db", str(db), str(feed))
    assert isinstance(crashed.exception, MemoryError)
    assert count(db, "articles") == 2 and count(db, "files") == 0  # one batch committed, file not done
    monkeypatch.setattr(newsgraph.pipeline, "analyze", real_analyze)
    resumed = run("ingest", "--db", str(db), str(feed))
    assert "1 files read, 3 articles stored, 2 skipped as duplicates" in resumed.stderr
    assert count(db, "articles") == 5 and count(db, "files") == 1
