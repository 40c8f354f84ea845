"""The read commands, run through click's CliRunner against a temporary database."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from newsgraph.cli import cli
from newsgraph.records import Article
from newsgraph.store import COLUMNS, open_store
from test_store import PIER, all_articles, bakery_article, pier_article

# A wide terminal so rich tables don't wrap or truncate what the tests look for.
ENV = {"COLUMNS": "250", "NO_COLOR": "1", "NEWSGRAPH_DB": "unused-default.db"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with open_store(path) as store:
        store.add_articles(all_articles())
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env=ENV, catch_exceptions=False)


def test_articles_table(db: Path) -> None:
    result = run("articles", "--db", str(db))
    assert result.exit_code == 0, result.output
    for article in all_articles():
        assert article.id in result.output
        assert article.title is not None and article.title in result.output
    assert "The Coastal Courier" in result.output
    assert "2031-03-04" in result.output


def test_articles_jsonl_is_every_full_record(db: Path) -> None:
    result = run("articles", "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [Article.from_dict(json.loads(line)) for line in lines] == all_articles()
    assert json.loads(lines[0])["schema"] == "newsgraph/1"
    limited = run("articles", "--db", str(db), "--format", "jsonl", "--limit", "1")
    assert len(limited.output.splitlines()) == 1


def test_articles_csv(db: Path) -> None:
    result = run("articles", "--db", str(db), "--format", "csv")
    rows = list(csv.DictReader(result.output.splitlines()))
    assert [r["id"] for r in rows] == [a.id for a in all_articles()]


def test_show_highlights_and_lists_quotes(db: Path) -> None:
    pier = pier_article()
    result = run("show", "--db", str(db), pier.id[:8])
    assert result.exit_code == 0, result.output
    out = result.output
    assert pier.title is not None and pier.title in out
    assert "The Coastal Courier" in out
    assert "Tove Andersen" in out
    assert "ninety years" in out
    assert "Quotes (2)" in out
    assert "Bram Okafor: “repairs would cost more than a new pier”" in out
    assert "cue: told" in out
    assert "via Coastal Works Office" in out


def test_show_styles_spans_differently() -> None:
    from newsgraph.cli.query import (
        CUE_STYLE,
        ENTITY_STYLE,
        QUOTE_STYLE,
        SPEAKER_STYLE,
        TIME_STYLE,
        highlighted_text,
    )

    pier = pier_article()
    text = highlighted_text(pier)

    def styles_at(needle: str) -> set[str]:
        start = PIER.index(needle)
        return {str(s.style) for s in text.spans if s.start <= start < s.end}

    assert QUOTE_STYLE in styles_at("ninety")
    assert SPEAKER_STYLE in styles_at("Ottilie")
    assert ENTITY_STYLE in styles_at("Coastal")
    assert TIME_STYLE in styles_at("Tuesday")
    assert CUE_STYLE in styles_at("told")
    assert len({QUOTE_STYLE, SPEAKER_STYLE, ENTITY_STYLE, TIME_STYLE, CUE_STYLE}) == 5


def test_show_unknown_id(db: Path) -> None:
    result = run("show", "--db", str(db), "ffffffffff")
    assert result.exit_code == 1
    assert result.output == "Error: no article with id 'ffffffffff'\n"


def test_quotes_filters(db: Path) -> None:
    result = run("quotes", "--db", str(db), "--speaker", "marlowe", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (quote,) = [json.loads(line) for line in result.output.splitlines()]
    assert quote["speaker"] == "Ines Marlowe"
    assert quote["article_id"] == bakery_article().id
    assert quote["cue"] == "said"
    table = run("quotes", "--db", str(db), "--search", "pier", "--limit", "5")
    assert table.exit_code == 0, table.output
    assert "Ottilie Varga" in table.output
    assert "Ines Marlowe" not in table.output
    csv_out = run("quotes", "--db", str(db), "--format", "csv")
    assert len(list(csv.DictReader(csv_out.output.splitlines()))) == 3


def test_events_filters(db: Path) -> None:
    result = run("events", "--db", str(db), "--type", "agree", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (event,) = [json.loads(line) for line in result.output.splitlines()]
    assert event["source_name"] == "harbour council" and event["source_sector"] == "GOV"
    assert event["article_id"] == pier_article().id
    assert run("events", "--db", str(db), "--type", "REJECT", "--format", "jsonl").output == ""
    assert run("events", "--db", str(db), "--actor", "COUNCIL", "--format", "csv").output.count("\n") == 2
    assert run("events", "--db", str(db), "--country", "MEX", "--format", "jsonl").output == ""
    table = run("events", "--db", str(db))
    assert "harbour council (GOV)" in table.output


def test_search(db: Path) -> None:
    result = run("search", "--db", str(db), "ferry")
    assert result.exit_code == 0, result.output
    assert "Lindqvist Bay to close old ferry pier" in result.output
    assert "Rye festival" not in result.output
    for awkward in ('"foo', "AND (", "NEAR(", "(("):
        odd = run("search", "--db", str(db), awkward)
        assert odd.exit_code == 0, odd.output
    assert run("search", "--db", str(db), "submarine").output == "no articles match 'submarine'\n"


def test_export_jsonl_full_records(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    result = run("export", "--db", str(db), "--format", "jsonl", "--out", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Article.from_dict(r) for r in records] == all_articles()
    assert f"wrote 3 article records to {out}" in result.output
    assert not Path(f"{out}.part").exists()


@pytest.mark.parametrize("table", ["articles", "quotes", "entities", "times", "sources"])
def test_export_csv_and_parquet(db: Path, tmp_path: Path, table: str) -> None:
    with open_store(db) as store:
        expected = list(store.rows(table))
    columns = [c for c, _ in COLUMNS[table]]

    csv_path = tmp_path / f"{table}.csv"
    result = run("export", "--db", str(db), "--format", "csv", "--table", table, "--out", str(csv_path))
    assert result.exit_code == 0, result.output
    with open(csv_path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and list(rows[0]) == columns
    assert len(rows) == len(expected)
    assert "record" not in rows[0]

    parquet_path = tmp_path / f"{table}.parquet"
    result = run("export", "--db", str(db), "--format", "parquet", "--table", table, "--out", str(parquet_path))
    assert result.exit_code == 0, result.output
    read = pq.read_table(parquet_path)
    assert read.column_names == columns
    assert read.to_pylist() == expected


def test_export_defaults_to_articles_table(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    assert run("export", "--db", str(db), "--format", "parquet", "--out", str(out)).exit_code == 0
    assert pq.read_table(out).column("title").to_pylist() == [a.title for a in all_articles()]


def test_export_parquet_of_empty_table(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    open_store(db).close()
    out = tmp_path / "q.parquet"
    assert run("export", "--db", str(db), "--format", "parquet", "--table", "quotes", "--out", str(out)).exit_code == 0
    assert pq.read_table(out).num_rows == 0


def test_export_parquet_to_stdout_is_refused(db: Path) -> None:
    result = run("export", "--db", str(db), "--format", "parquet", "--out", "-")
    assert result.exit_code == 2
    assert "parquet can't be written to stdout" in result.output


@pytest.mark.parametrize(
    "args",
    [["articles"], ["show", "abcdef12"], ["quotes"], ["search", "pier"], ["export", "--out", "x.jsonl"]],
)
def test_missing_database_is_one_line(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "nowhere.db"
    result = run(*args, "--db", str(missing))
    assert result.exit_code == 1
    assert result.output == f"Error: no database at {missing}; run `newsgraph ingest` first\n"
    assert not missing.exists()


def test_unsupported_url_is_one_line() -> None:
    result = run("articles", "--db", "postgresql://localhost/news")
    assert result.exit_code == 1
    assert "not supported yet" in result.output
    assert "Traceback" not in result.output
