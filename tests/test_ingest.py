"""Ingest and extract end to end: formats, stdin, idempotence, resuming after ``kill -9``, and the Python API.

Articles are fictional and generated in code (``article_text``), so each is distinct and ours.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import newsgraph
from newsgraph.cli import cli
from newsgraph.errors import ReadError
from newsgraph.records import Article

ENV = {"COLUMNS": "250", "NO_COLOR": "1", "NEWSGRAPH_DB": "unused-default.db"}
#: Runs the CLI in a fresh interpreter, as a user's shell would.
CLI = [sys.executable, "-c", "from newsgraph.cli import main; main()"]

FIRST = ("Anna", "Tomas", "Mirela", "Oskar", "Ines", "Pavel", "Greta", "Luka", "Sofia", "Emil", "Hana", "Bruno")
LAST = ("Kovac", "Lindqvist", "Petrescu", "Dahl", "Moreau", "Novak", "Brandt", "Sorensen", "Varga", "Holm", "Rossi")
TOWNS = ("Westmere", "Eastfield", "Norbridge", "Lakeholm", "Southwick", "Ravensby", "Elmford", "Quarry Bay")
WORKS = ("bridge", "library", "ferry pier", "school roof", "tram depot", "water main", "sports hall", "market hall")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def mayor(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i * 5) % len(LAST)]}"


def article_text(i: int) -> str:
    """A short fictional news story: a headline, a blank line, paragraphs and quotes; distinct for each ``i``."""
    town, work = TOWNS[i % len(TOWNS)], WORKS[(i // 2) % len(WORKS)]
    engineer = f"{FIRST[(i + 5) % len(FIRST)]} {LAST[(i * 3 + 1) % len(LAST)]}"
    cost, weeks, people = 2 + i % 9, 6 + i, 1200 + 37 * i
    return (
        f"{town} {work} to reopen after {weeks} weeks of repairs\n\n"
        f"The {work} in {town} will reopen on {DAYS[i % 5]} after {weeks} weeks of repairs that cost "
        f"{cost}.{i % 10} million crowns, the town council said.\n\n"
        f'"We will rebuild," Mayor {mayor(i)} said. "About {people} people use the {work} every day, '
        'and they have waited long enough."\n\n'
        f"Site engineer {engineer} said crews had replaced {10 + i} damaged supports and that the work "
        f"would carry a guarantee of {20 + i} years.\n\n"
        f"Residents of {town} said they were relieved. Shop owner {FIRST[(i + 3) % len(FIRST)]} "
        f"{LAST[(i + 7) % len(LAST)]} said trade had fallen by {5 + i % 20} percent during the closure.\n"
    )


def page(i: int) -> str:
    """The ``i``-th story as an HTML page."""
    head, *paragraphs = article_text(i).strip().split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{head}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{head}</h1>{body}</article></body></html>"
    )


def record(i: int, **extra: str) -> str:
    head, body = article_text(i).split("\n\n", 1)
    return json.dumps({"text": body, "title": head, "url": f"https://example.test/story/{i}", **extra})


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=ENV, input=input, catch_exceptions=False)


def db_rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(sql).fetchall()


def count(db: Path, table: str) -> int:
    return int(db_rows(db, f"SELECT count(*) FROM {table}")[0][0])


# ---------------------------------------------------------------- one mixed corpus, ingested once


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight distinct articles in every supported shape, nested in folders."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "wire" / "2031").mkdir(parents=True)
    (root / "pages").mkdir()
    (root / "story0.txt").write_text(article_text(0), encoding="utf-8")
    (root / "wire" / "2031" / "story1.txt.gz").write_bytes(gzip.compress(article_text(1).encode()))
    (root / "pages" / "story2.html").write_text(page(2), encoding="utf-8")
    (root / "pages" / "story3.htm.gz").write_bytes(gzip.compress(page(3).encode()))
    (root / "feed.jsonl").write_text(record(4) + "\n" + record(5, published="2031-02-14") + "\n", encoding="utf-8")
    (root / "feed-archive").write_bytes(gzip.compress((record(6) + "\n").encode()))  # .gz with no extension
    (root / "page-named.txt").write_text(page(7), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def ingested(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    db = tmp_path_factory.mktemp("db") / "news.db"
    return db, run("ingest", "--db", str(db), str(corpus))


@pytest.fixture
def db_copy(ingested: tuple[Path, Result], tmp_path: Path) -> Path:
    """A private copy of the ingested database, for tests that write to it."""
    copy = tmp_path / "copy.db"
    with sqlite3.connect(ingested[0]) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    return copy


def test_ingest_reads_every_format_in_nested_folders(ingested: tuple[Path, Result]) -> None:
    db, result = ingested
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines()[-1] == (
        "7 files read, 8 articles stored, 0 skipped as duplicates, 0 files already ingested, 0 errors"
    )
    assert count(db, "articles") == 8 and count(db, "files") == 7
    titles = {t for (t,) in db_rows(db, "SELECT title FROM articles")}
    assert titles == {article_text(i).split("\n")[0] for i in range(8)}
    speakers = [str(s) for (s,) in db_rows(db, "SELECT speaker_name FROM quotes WHERE text LIKE 'We will rebuild,%'")]
    assert len(speakers) == 8
    assert all(any(mayor(i) in s for s in speakers) for i in range(8)), speakers  # some keep "Mayor" in the name


def test_jsonl_fields_are_kept(ingested: tuple[Path, Result]) -> None:
    db = ingested[0]
    rows = db_rows(db, "SELECT source, title, published FROM articles WHERE source LIKE 'https://%' ORDER BY source")
    assert rows == [
        ("https://example.test/story/4", article_text(4).split("\n")[0], None),
        ("https://example.test/story/5", article_text(5).split("\n")[0], "2031-02-14"),
        ("https://example.test/story/6", article_text(6).split("\n")[0], None),
    ]


def test_html_named_txt_is_parsed_as_html(ingested: tuple[Path, Result]) -> None:
    (text,) = db_rows(ingested[0], "SELECT text FROM articles WHERE source LIKE '%page-named.txt'")[0]
    assert "<p>" not in str(text) and "Home" not in str(text) and mayor(7) in str(text)


def test_ingesting_the_same_paths_again_stores_nothing_new(corpus: Path, db_copy: Path) -> None:
    result = run("ingest", "--db", str(db_copy), str(corpus))
    assert result.exit_code == 0
    assert "0 articles stored" in result.stderr and "7 files already ingested" in result.stderr
    assert count(db_copy, "articles") == 8 and count(db_copy, "files") == 7


def test_same_content_under_other_names_is_counted_as_duplicate(corpus: Path, db_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "renamed"
    other.mkdir()
    shutil.copy(corpus / "story0.txt", other / "copy-of-story0.txt")
    (other / "story0-again.gz").write_bytes(gzip.compress(article_text(0).encode()))
    (other / "record4.jsonl").write_text(record(4) + "\n", encoding="utf-8")
    result = run("ingest", "--db", str(db_copy), str(other))
    assert result.exit_code == 0, result.output
    assert "3 files read, 0 articles stored, 3 skipped as duplicates" in result.stderr
    assert count(db_copy, "articles") == 8 and count(db_copy, "files") == 10


def test_a_changed_file_is_read_again_without_duplicates(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text(article_text(20), encoding="utf-8")
    db = tmp_path / "n.db"
    assert run("ingest", "--db", str(db), str(story)).exit_code == 0
    story.write_text(article_text(20) + "\n" + article_text(21), encoding="utf-8")
    result = run("ingest", "--db", str(db), str(story))
    assert "1 files read" in result.stderr
    assert count(db, "articles") == 2


def test_ingest_from_stdin(tmp_path: Path) -> None:
    db = tmp_path / "stdin.db"
    data = (record(8) + "\n" + record(9) + "\n").encode()
    proc = subprocess.run([*CLI, "ingest", "--db", str(db), "-"], input=data, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"2 articles stored" in proc.stderr
    assert count(db, "articles") == 2
    # stdin is never recorded as done: the same input again is read and found duplicate.
    again = subprocess.run([*CLI, "ingest", "--db", str(db), "-"], input=data, capture_output=True, timeout=120)
    assert b"0 articles stored, 2 skipped as duplicates" in again.stderr
    assert count(db, "files") == 0


# ---------------------------------------------------------------- extract


def test_extract_prints_jsonl_and_touches_no_database(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("extract", str(corpus / "story0.txt"), str(corpus / "feed.jsonl"), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3
    assert {line["schema"] for line in lines} == {"newsgraph/1"}
    assert Article.from_dict(lines[0]).title == article_text(0).split("\n")[0]
    direct = [q for q in lines[0]["quotes"] if q["kind"] == "direct"]
    assert direct[0]["speaker"]["name"] == mayor(0)
    assert list(tmp_path.iterdir()) == []  # no newsgraph.db, no $NEWSGRAPH_DB


def test_extract_from_stdin_with_debug_after_the_command(tmp_path: Path) -> None:
    proc = subprocess.run(
        [*CLI, "extract", "--debug", "-"], input=article_text(10).encode(), capture_output=True, timeout=120,
        cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    (line,) = proc.stdout.decode().splitlines()
    assert json.loads(line)["title"] == article_text(10).split("\n")[0]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["story.txt", "page.html", "feed.jsonl"])
def test_extract_as_is_keeps_each_file_whole_and_unchanged(tmp_path: Path, name: str) -> None:
    content = {"story.txt": article_text(11), "page.html": page(11), "feed.jsonl": record(11) + "\n" + record(12)}
    path = tmp_path / name
    path.write_bytes(content[name].encode())
    result = run("extract", "--as-is", str(path))
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    article = json.loads(line)
    assert article["text"] == content[name]
    for quote in article["quotes"]:
        assert " ".join(article["text"][start:end] for start, end in quote["parts"]) == quote["text"]


def test_ingest_as_is_stores_each_file_whole(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(page(18), encoding="utf-8")
    (tmp_path / "f.jsonl").write_text(record(18) + "\n" + record(19) + "\n", encoding="utf-8")
    db = tmp_path / "n.db"
    result = run("ingest", "--as-is", "--db", str(db), str(tmp_path / "p.html"), str(tmp_path / "f.jsonl"))
    assert result.exit_code == 0, result.output
    texts = sorted(str(t) for (t,) in db_rows(db, "SELECT text FROM articles"))
    assert texts == sorted([page(18), record(18) + "\n" + record(19) + "\n"])


def test_extract_as_is_keeps_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(article_text(13).replace("\n", "\r\n").encode())
    (line,) = run("extract", "--as-is", str(path)).stdout.splitlines()
    assert json.loads(line)["text"] == article_text(13).replace("\n", "\r\n")


def test_published_is_the_reference_date_when_the_input_has_none(corpus: Path) -> None:
    result = run("extract", "--published", "2031-06-02", str(corpus / "story0.txt"), str(corpus / "feed.jsonl"))
    published = [json.loads(line)["published"] for line in result.stdout.splitlines()]
    assert published == ["2031-06-02", "2031-06-02", "2031-02-14"]  # the record's own date wins
    weekday = DAYS[0]  # story 0 says it reopens on Monday: resolved against the reference date
    times = json.loads(result.stdout.splitlines()[0])["times"]
    assert any(t["text"] == weekday and t["value"].startswith("2031-06") for t in times), times


@pytest.mark.parametrize("value", ["2031-02-30", "June 2", "2031-6-2", "20310602", ""])
def test_invalid_published_is_a_usage_error(corpus: Path, value: str) -> None:
    for command in ("extract", "ingest"):
        result = run(command, "--published", value, str(corpus / "story0.txt"))
        assert result.exit_code == 2
        assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.output


# ---------------------------------------------------------------- Python API


def test_api_extract_from_text() -> None:
    (article,) = newsgraph.extract(article_text(14))
    assert isinstance(article, newsgraph.Article)
    assert article.title == article_text(14).split("\n")[0]
    assert article.source == "<text>"
    assert any(q.speaker.name == mayor(14) for q in article.quotes)


def test_api_extract_from_html_and_jsonl_strings() -> None:
    (from_html,) = newsgraph.extract(page(15))
    assert from_html.title == article_text(15).split("\n")[0] and "<p>" not in from_html.text
    assert len(newsgraph.extract(record(15) + "\n" + record(16) + "\n")) == 2


def test_api_extract_from_path(corpus: Path) -> None:
    for path in (corpus / "story0.txt", str(corpus / "story0.txt")):
        (article,) = newsgraph.extract(path)
        assert article.source == str(corpus / "story0.txt")
        assert article.title == article_text(0).split("\n")[0]
    assert len(newsgraph.extract(corpus)) == 8


def test_api_extract_missing_path_raises_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file or folder"):
        newsgraph.extract(str(tmp_path / "missing.txt"))


def test_api_extract_skips_bad_files_but_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(article_text(17), encoding="utf-8")
    (tmp_path / "blank.txt").write_text("", encoding="utf-8")
    assert [a.title for a in newsgraph.extract(tmp_path)] == [article_text(17).split("\n")[0]]


def test_api_extract_as_is_and_published() -> None:
    text = "No headline here. The pier closed on Friday, the harbour master said."
    (article,) = newsgraph.extract(text, as_is=True, published="2031-03-07")
    assert article.text == text and article.published == "2031-03-07"


API_INGEST = """
import json, sys
import newsgraph
first = newsgraph.ingest(sys.argv[1], sys.argv[2])
again = newsgraph.ingest([sys.argv[1]], sys.argv[2])
with newsgraph.open_store(sys.argv[2]) as store:
    print(json.dumps([first, again, store.counts()["articles"]]))
"""


def test_api_ingest_returns_counts(corpus: Path, tmp_path: Path) -> None:
    # A fresh interpreter, as a user's script: the first call imports the submodule.
    proc = subprocess.run(
        [sys.executable, "-c", API_INGEST, str(corpus), str(tmp_path / "api.db")], capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr.decode()
    first, again, stored = json.loads(proc.stdout)
    assert first["stored"] == 8 and first["files"] == 7 and first["errors"] == 0
    assert again["stored"] == 0 and again["already"] == 7
    assert stored == 8


def test_api_ingest_after_the_cli_was_imported(corpus: Path, tmp_path: Path) -> None:
    from newsgraph._ingest import ingest_paths

    counts = ingest_paths([str(corpus)], str(tmp_path / "api.db")).as_dict()
    assert counts["stored"] == 8 and counts["files"] == 7 and counts["errors"] == 0


# ---------------------------------------------------------------- kill -9 mid-ingest, then resume


def _write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(article_text(100 + i), encoding="utf-8")


def _files_done(db: Path) -> int:
    try:
        return count(db, "files")
    except sqlite3.Error:  # not created or not migrated yet
        return -1


def _start_and_kill(command: list[str], db: Path, total: int) -> bool:
    """Start ``command``; SIGKILL it once some but not all files are stored. False when it finished first."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = _files_done(db)
            if proc.poll() is not None:
                return False
            if 0 < done < total:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)
                return True
            time.sleep(0.002)
        raise AssertionError("ingest neither progressed nor finished in 120 s")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_kill_9_mid_ingest_then_resume(tmp_path: Path) -> None:
    for attempt, total in enumerate((30, 90, 270)):
        folder, db = tmp_path / f"articles{attempt}", tmp_path / f"kill{attempt}.db"
        _write_articles(folder, total)
        # Two extra files repeat articles under other names: stored once, counted as duplicates.
        shutil.copy(folder / "000.txt", folder / "zz-copy-of-000.txt")
        shutil.copy(folder / "001.txt", folder / "zz-copy-of-001.txt")
        command = [*CLI, "ingest", "--db", str(db), str(folder)]
        if _start_and_kill(command, db, total + 2):
            break
    else:
        pytest.fail("ingest always finished before it could be killed")

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    done_before = count(db, "files")
    assert 0 < done_before < total + 2

    resumed = subprocess.run(command, capture_output=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert f"{done_before} files already ingested".encode() in resumed.stderr

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert count(db, "files") == total + 2
    paths = [str(p) for (p,) in db_rows(db, "SELECT path FROM files")]
    assert sorted(paths) == sorted(str(p) for p in folder.iterdir())  # every file exactly once
    assert count(db, "articles") == total
    ids = [i for (i,) in db_rows(db, "SELECT id FROM articles")]
    assert len(set(ids)) == total
    stored_titles = {t for (t,) in db_rows(db, "SELECT title FROM articles")}
    assert stored_titles == {article_text(100 + i).split("\n")[0] for i in range(total)}
    # Child rows belong to stored articles only: nothing half-written survived the kill.
    assert count(db, "quotes") == int(db_rows(db, "SELECT count(*) FROM quotes JOIN articles ON id = article_id")[0][0])
