"""The SQLite store: schema, batches, lookups, full-text search and quotes.

Fixture articles are our own fictional writing, built in code with offsets computed from
the text, so every span indexes ``Article.text`` exactly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.records import (
    Actor,
    Article,
    Caption,
    Cue,
    Entity,
    Event,
    Quote,
    Removed,
    SourceCited,
    Speaker,
    TimeExpression,
    article_id,
)
from newsgraph.store import SQLiteStore, Store, article_rows, open_store
from newsgraph.store.sqlite import MIGRATIONS, fts_query


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of needle in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


PIER = (
    "The harbour council of Lindqvist Bay voted on Tuesday to close the old ferry pier. "
    '"The pier has served us for ninety years, but it is no longer safe," said Mayor Ottilie Varga. '
    "Engineer Bram Okafor told the council that repairs would cost more than a new pier, "
    "according to a report by the Coastal Works Office."
)

BAKERY = (
    "A rye bread festival filled the market square of Oskarsholm on Saturday. "
    '"We baked four hundred loaves before dawn," said baker Ines Marlowe, laughing. '
    "Varga, the mayor of nearby Lindqvist Bay, sent a letter of thanks."
)

PLAIN = "Heavy fog delayed trains along the northern coast line for most of the morning."


def pier_article() -> Article:
    text = PIER
    varga = span(text, "Ottilie Varga")
    okafor = span(text, "Bram Okafor")
    direct = span(text, "The pier has served us for ninety years, but it is no longer safe,")
    indirect = span(text, "repairs would cost more than a new pier")
    return Article(
        id=article_id(text),
        source="fixtures/pier.txt",
        text=text,
        title="Lindqvist Bay to close old ferry pier",
        published="2031-03-04",
        authors=("Tove Andersen",),
        outlet="The Coastal Courier",
        captions=(Caption(text="The ferry pier at dusk.", credit="C. Holm"),),
        removed=(Removed(text="Subscribe for more harbour news", reason="boilerplate"),),
        entities=(
            Entity(id="e1", name="Ottilie Varga", type="PERSON", titles=("Mayor",), mentions=(varga,)),
            Entity(id="e2", name="Bram Okafor", type="PERSON", titles=("Engineer",), mentions=(okafor,)),
            Entity(id="e3", name="Lindqvist Bay", type="GPE", mentions=(span(text, "Lindqvist Bay"),)),
            Entity(id="e4", name="Coastal Works Office", type="ORG", mentions=(span(text, "Coastal Works Office"),)),
        ),
        quotes=(
            Quote(
                text=text[direct[0] : direct[1]],
                start=direct[0],
                end=direct[1],
                parts=(direct,),
                kind="direct",
                speaker=Speaker(name="Ottilie Varga", entity="e1", start=varga[0], end=varga[1]),
                cue=Cue("said", *span(text, "said")),
            ),
            Quote(
                text=text[indirect[0] : indirect[1]],
                start=indirect[0],
                end=indirect[1],
                parts=(indirect,),
                kind="indirect",
                speaker=Speaker(name="Bram Okafor", entity="e2", start=okafor[0], end=okafor[1]),
                cue=Cue("told", *span(text, "told")),
                via="Coastal Works Office",
            ),
        ),
        sources=(SourceCited("Coastal Works Office", *span(text, "Coastal Works Office")),),
        times=(TimeExpression("Tuesday", *span(text, "Tuesday"), type="DATE", value="2031-03-04"),),
        events=(
            Event(
                "AGREE",
                Actor("harbour council", None, None, "GOV", *span(text, "harbour council")),
                *span(text, "voted"),
            ),
        ),
    )


def bakery_article() -> Article:
    text = BAKERY
    marlowe = span(text, "Ines Marlowe")
    quote = span(text, "We baked four hundred loaves before dawn,")
    return Article(
        id=article_id(text),
        source="fixtures/bakery.html",
        text=text,
        title="Rye festival draws crowds",
        published="2031-03-08",
        outlet="Oskarsholm Weekly",
        entities=(
            Entity(id="e1", name="Ines Marlowe", type="PERSON", titles=("baker",), mentions=(marlowe,)),
            Entity(id="e2", name="Ottilie Varga", type="PERSON", mentions=(span(text, "Varga"),)),
        ),
        quotes=(
            Quote(
                text=text[quote[0] : quote[1]],
                start=quote[0],
                end=quote[1],
                parts=(quote,),
                kind="direct",
                speaker=Speaker(name="Ines Marlowe", entity="e1", start=marlowe[0], end=marlowe[1]),
                cue=Cue("said", *span(text, "said")),
            ),
        ),
        times=(TimeExpression("Saturday", *span(text, "Saturday"), type="DATE", value="2031-03-08"),),
    )


def plain_article() -> Article:
    return Article(id=article_id(PLAIN), source="fixtures/fog.txt", text=PLAIN, title="Fog delays trains")


def all_articles() -> list[Article]:
    return [pier_article(), bakery_article(), plain_article()]


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store("sqlite:///:memory:") as opened:
        yield opened


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


def test_fixture_offsets_index_the_text() -> None:
    for article in all_articles():
        for quote in article.quotes:
            assert article.text[quote.start : quote.end] == quote.text
            if quote.speaker.start is not None:
                assert article.text[quote.speaker.start : quote.speaker.end] == quote.speaker.name
            if quote.cue:
                assert article.text[quote.cue.start : quote.cue.end] == quote.cue.text
        for time in article.times:
            assert article.text[time.start : time.end] == time.text
        for source in article.sources:
            assert article.text[source.start : source.end] == source.name


# -- opening --------------------------------------------------------------------------------


def test_open_store_accepts_paths_and_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for target in (str(tmp_path / "a.db"), tmp_path / "b.db", "sqlite:///c.db", f"sqlite:///{tmp_path}/d.db"):
        with open_store(target) as opened:
            assert isinstance(opened, SQLiteStore)
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["a.db", "b.db", "c.db", "d.db"]
    with open_store("sqlite:///:memory:") as opened:
        assert opened.counts()["articles"] == 0


def test_other_schemes_are_not_supported_yet() -> None:
    with pytest.raises(StoreError, match="'postgresql' is not supported yet"):
        open_store("postgresql://localhost/news")


def test_missing_database_without_create(db_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no database at .*news\.db; run `newsgraph ingest` first"):
        open_store(db_path, create=False)
    assert not db_path.exists()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("this is a shopping list, not a database\n" * 50)
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(bad)


def test_pragmas_and_migrations_recorded_once(db_path: Path) -> None:
    with open_store(db_path) as opened:
        assert isinstance(opened, SQLiteStore)
        first = opened.migrations()
        assert [name for name, _ in first] == [name for name, _ in MIGRATIONS]
    with open_store(db_path) as reopened:
        assert isinstance(reopened, SQLiteStore)
        assert reopened.migrations() == first  # re-open is a no-op: same rows, same times
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    expected = {"articles", "captions", "entities", "mentions", "quotes", "sources", "times", "files"}
    assert expected | {"_migrations", "articles_fts", "quotes_fts"} <= tables


def test_foreign_keys_are_on(store: Store) -> None:
    assert isinstance(store, SQLiteStore)
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store._conn.execute("INSERT INTO times VALUES ('nope', 0, 'x', 0, 1, 'DATE', 'x', NULL)")


def test_unknown_migration_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT INTO _migrations VALUES ('9999_from_the_future', 'later')")
    conn.close()
    with pytest.raises(StoreError, match="9999_from_the_future"):
        open_store(db_path)


# -- writing --------------------------------------------------------------------------------


def test_add_twice_stores_once(store: Store) -> None:
    pier, bakery, plain = all_articles()
    assert store.add_articles([pier, bakery]) == (2, 0)
    assert store.add_articles([pier, bakery, plain]) == (1, 2)
    assert store.add_articles([plain, plain]) == (0, 2)
    counts = store.counts()
    assert counts["articles"] == 3
    assert counts["quotes"] == 3
    assert counts["entities"] == 6
    assert counts["mentions"] == 6


def test_duplicates_within_one_batch(store: Store) -> None:
    pier = pier_article()
    assert store.add_articles(iter([pier, pier, pier])) == (1, 2)


def test_failed_batch_leaves_nothing(store: Store) -> None:
    def exploding() -> Iterator[Article]:
        yield pier_article()
        yield bakery_article()
        raise RuntimeError("reader broke mid-file")

    with pytest.raises(RuntimeError, match="mid-file"):
        store.add_articles(exploding(), file_key="broken.jsonl", file_info={"path": "broken.jsonl"})
    assert all(count == 0 for count in store.counts().values())
    assert not store.file_done("broken.jsonl")
    assert list(store.search("pier")) == []
    # The store is still usable afterwards.
    assert store.add_articles([pier_article()]) == (1, 0)


def test_file_done_after_add_with_file_key(store: Store) -> None:
    assert not store.file_done("pier.txt:123")
    info = {"path": "in/pier.txt", "size": 123, "mtime": 1.5}
    assert store.add_articles([pier_article()], file_key="pier.txt:123", file_info=info) == (1, 0)
    assert store.file_done("pier.txt:123")
    (row,) = store.rows("files")
    assert row["path"] == "in/pier.txt"
    assert row["size"] == 123
    assert row["mtime"] == 1.5
    assert row["articles"] == 1
    assert row["completed_at"]


def test_nested_transaction_rolls_back_to_savepoint(store: Store) -> None:
    with store.transaction():
        store.add_articles([pier_article()])  # nested: becomes a savepoint
        with pytest.raises(ValueError), store.transaction():
            store.add_articles([bakery_article()])
            raise ValueError("undo only the inner block")
    assert [a.title for a in store.articles()] == ["Lindqvist Bay to close old ferry pier"]


# -- reading --------------------------------------------------------------------------------


def test_round_trip_is_lossless(store: Store) -> None:
    originals = all_articles()
    store.add_articles(originals)
    for original in originals:
        assert Article.from_dict(original.as_dict()) == original
        assert store.get(original.id) == original
    assert list(store.articles()) == originals  # insertion order
    assert list(store.articles(limit=2)) == originals[:2]
    assert list(store.articles(limit=0)) == []


def test_get_by_prefix(store: Store) -> None:
    pier = pier_article()
    store.add_articles([pier])
    assert store.get(pier.id[:6]) == pier
    assert store.get(pier.id[:5]) is None  # too short to be a prefix
    assert store.get("zzzzzzzz") is None
    assert store.get("%%%%%%") is None  # not a LIKE pattern


def test_ambiguous_prefix_is_an_error(store: Store) -> None:
    store.add_articles(
        [
            Article(id="abcdef01", source="a", text="One short fictional note."),
            Article(id="abcdef02", source="b", text="Another short fictional note."),
        ]
    )
    assert store.get("abcdef01") is not None
    with pytest.raises(StoreError, match="matches several articles"):
        store.get("abcdef")


def test_flat_rows_match_the_record(store: Store) -> None:
    pier = pier_article()
    store.add_articles([pier])
    quotes = list(store.rows("quotes"))
    assert [q["text"] for q in quotes] == [q.text for q in pier.quotes]
    assert quotes[1]["via"] == "Coastal Works Office"
    assert quotes[0]["parts"] == f"[[{pier.quotes[0].start},{pier.quotes[0].end}]]"
    (article_row,) = store.rows("articles")
    assert "record" not in article_row
    assert article_row["authors"] == '["Tove Andersen"]'
    assert [r["name"] for r in store.rows("entities")] == [e.name for e in pier.entities]
    assert [(r["start"], r["end"]) for r in store.rows("times")] == [(pier.times[0].start, pier.times[0].end)]
    assert article_rows(pier)["mentions"][0]["start"] == pier.entities[0].mentions[0][0]
    with pytest.raises(StoreError, match="unknown table"):
        list(store.rows("nope"))


def test_search_finds_words(store: Store) -> None:
    store.add_articles(all_articles())
    hits = list(store.search("ferry"))
    assert [h["id"] for h in hits] == [pier_article().id]
    assert "[ferry]" in hits[0]["snippet"]
    assert isinstance(hits[0]["rank"], float)
    assert {h["title"] for h in store.search("Lindqvist")} == {
        "Lindqvist Bay to close old ferry pier",
        "Rye festival draws crowds",
    }
    assert [h["title"] for h in store.search("Fog")] == ["Fog delays trains"]  # title or body
    assert [h["title"] for h in store.search('"old ferry pier"')] == ["Lindqvist Bay to close old ferry pier"]
    assert [h["title"] for h in store.search("loav*")] == ["Rye festival draws crowds"]
    assert len(list(store.search("Lindqvist", limit=1))) == 1
    assert list(store.search("submarine")) == []


@pytest.mark.parametrize(
    "query",
    ['"foo', "AND (", "NEAR(", "pier OR", "-pier", "title:pier", "*", "^", "'", '""', "((", "pier)", "a:b:c"],
)
def test_search_tolerates_any_punctuation(store: Store, query: str) -> None:
    store.add_articles(all_articles())
    list(store.search(query))
    list(store.quotes(search=query))


def test_fts_query_quotes_everything() -> None:
    assert fts_query("AND (") == '"AND"'
    assert fts_query("((") is None
    assert fts_query('say "hi') == '"say" """hi"'


def test_quotes_filter_by_speaker_and_search(store: Store) -> None:
    store.add_articles(all_articles())
    everything = list(store.quotes())
    assert [q["speaker"] for q in everything] == ["Ottilie Varga", "Bram Okafor", "Ines Marlowe"]
    (varga,) = store.quotes(speaker="VARGA")
    assert varga["title"] == "Lindqvist Bay to close old ferry pier"
    assert varga["cue"] == "said"
    assert varga["kind"] == "direct"
    assert varga["article_id"] == pier_article().id
    assert PIER[varga["start"] : varga["end"]] == varga["text"]
    assert set(varga) >= {"article_id", "title", "text", "kind", "speaker", "cue", "via", "start", "end"}
    assert [q["speaker"] for q in store.quotes(search="loaves")] == ["Ines Marlowe"]
    assert {q["speaker"] for q in store.quotes(search="pier")} == {"Ottilie Varga", "Bram Okafor"}
    # search is over the quote text, not the speaker
    assert list(store.quotes(search="Marlowe")) == []
    assert list(store.quotes(speaker="okafor", search="loaves")) == []
    assert len(list(store.quotes(limit=1))) == 1


def test_counts(store: Store) -> None:
    store.add_articles(all_articles(), file_key="k")
    assert store.counts() == {
        "articles": 3,
        "captions": 1,
        "entities": 6,
        "mentions": 6,
        "quotes": 3,
        "sources": 1,
        "times": 2,
        "files": 1,
    }


def test_integrity_check(db_path: Path) -> None:
    with open_store(db_path) as opened:
        opened.add_articles(all_articles())
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # FTS5's own check compares each index with its content table; it raises if out of step.
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
    finally:
        conn.close()


def test_closed_twice_is_fine(db_path: Path) -> None:
    opened = open_store(db_path)
    opened.close()
    opened.close()
