"""The SQLite store: plain ``sqlite3``, WAL, named migrations and FTS5 search.

Every SQL statement for SQLite lives in this module so another backend can implement
``Store`` without touching the rest of newsgraph.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.records import Article
from newsgraph.store.base import COLUMNS, MIN_PREFIX, Store, article_rows

logger = logging.getLogger(__name__)

#: Tables ``counts()`` reports, in a stable order.
TABLES: tuple[str, ...] = (
    "articles",
    "captions",
    "entities",
    "mentions",
    "quotes",
    "sources",
    "times",
    "files",
)

_INITIAL: tuple[str, ...] = (
    # ``seq`` is an explicit integer key: FTS5 external content needs a stable integer row
    # id, and VACUUM may renumber the implicit rowid of a table with a TEXT primary key.
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        source TEXT NOT NULL,
        title TEXT,
        published TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        outlet TEXT,
        text TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]',
        record TEXT NOT NULL
    )""",
    """CREATE TABLE captions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        credit TEXT,
        PRIMARY KEY (article_id, idx)
    )""",
    """CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        titles TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (article_id, entity_id)
    )""",
    "CREATE INDEX entities_name ON entities(name)",
    """CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    )""",
    "CREATE INDEX mentions_article ON mentions(article_id, entity_id)",
    # ``qid`` is the stable integer key for the quote FTS index, as ``seq`` is for articles.
    """CREATE TABLE quotes (
        qid INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind TEXT NOT NULL,
        speaker_name TEXT,
        speaker_entity TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue_text TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        via TEXT,
        parts TEXT NOT NULL DEFAULT '[]',
        addressee TEXT,
        clause TEXT,
        location TEXT NOT NULL DEFAULT 'body',
        caption INTEGER,
        UNIQUE (article_id, idx)
    )""",
    "CREATE INDEX quotes_speaker ON quotes(speaker_name)",
    """CREATE TABLE sources (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        name TEXT NOT NULL,
        start INTEGER,
        "end" INTEGER,
        PRIMARY KEY (article_id, idx)
    )""",
    """CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT NOT NULL,
        value TEXT,
        caption INTEGER,
        PRIMARY KEY (article_id, idx)
    )""",
    """CREATE TABLE files (
        key TEXT PRIMARY KEY,
        path TEXT,
        size INTEGER,
        mtime REAL,
        articles INTEGER NOT NULL DEFAULT 0,
        completed_at TEXT NOT NULL
    )""",
    # External-content FTS: the text is stored once, in ``articles``/``quotes``; triggers
    # keep the indexes in step on every insert, update and delete.
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq'
    )""",
    """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, speaker_name, content='quotes', content_rowid='qid'
    )""",
    """CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.qid, new.text, new.speaker_name);
    END""",
    """CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
        VALUES ('delete', old.qid, old.text, old.speaker_name);
    END""",
    """CREATE TRIGGER quotes_fts_au AFTER UPDATE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
        VALUES ('delete', old.qid, old.text, old.speaker_name);
        INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.qid, new.text, new.speaker_name);
    END""",
)

#: Named migrations, applied in order, each once and in its own transaction. Append only:
#: never edit or reorder one that has shipped.
_EVENTS: tuple[str, ...] = (
    """CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        source_name TEXT,
        source_entity TEXT,
        source_country TEXT,
        source_sector TEXT,
        target_name TEXT,
        target_entity TEXT,
        target_country TEXT,
        target_sector TEXT,
        date TEXT,
        location TEXT,
        negated INTEGER NOT NULL DEFAULT 0,
        hypothetical INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX events_type ON events(type)",
    "CREATE INDEX events_date ON events(date)",
)

MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (("0001_initial", _INITIAL), ("0002_events", _EVENTS))

_WORD = re.compile(r"\w", re.UNICODE)
_CHUNK = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(text: str) -> str | None:
    """Turn arbitrary user text into a safe FTS5 query, or None when it has no words.

    Every chunk becomes a double-quoted FTS5 string, so operators (AND, NEAR, ``(``, ``:``,
    ``-``) and stray quotes are plain text. Balanced ``"..."`` stays a phrase and a trailing
    ``*`` on a bare word keeps prefix search. Chunks are ANDed.

    >>> fts_query('ferry AND ( pier:')
    '"ferry" "AND" "pier:"'
    >>> fts_query('"old pier" harb*')
    '"old pier" "harb"*'
    """
    terms: list[str] = []
    for match in _CHUNK.finditer(text):
        phrase, bare = match.group(1), match.group(2)
        chunk = phrase if phrase is not None else bare
        prefix = False
        if bare is not None and bare.endswith("*"):
            chunk, prefix = bare.rstrip("*"), True
        if not _WORD.search(chunk):
            continue  # nothing FTS would index: "(" alone would make an empty phrase
        term = '"' + chunk.replace('"', '""') + '"'
        terms.append(term + "*" if prefix else term)
    return " ".join(terms) if terms else None


def _casefold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _insert_sql(table: str, columns: Iterable[str], verb: str = "INSERT") -> str:
    cols = list(columns)
    return f"{verb} INTO {_ident(table)} ({', '.join(_ident(c) for c in cols)}) VALUES ({', '.join('?' for _ in cols)})"


_CHILD_TABLES: tuple[str, ...] = ("captions", "entities", "mentions", "quotes", "sources", "times", "events")
_ARTICLE_COLUMNS: tuple[str, ...] = (*(c for c, _ in COLUMNS["articles"]), "record", "seq")
_INSERT: dict[str, str] = {
    "articles": _insert_sql("articles", _ARTICLE_COLUMNS),
    **{t: _insert_sql(t, (c for c, _ in COLUMNS[t])) for t in _CHILD_TABLES},
    # A repeated entity id in one article is an analyser slip; the record JSON still keeps
    # it losslessly, so don't let it fail the whole batch.
    "entities": _insert_sql("entities", (c for c, _ in COLUMNS["entities"]), "INSERT OR IGNORE"),
}
_ORDER: dict[str, str] = {"articles": "seq", "quotes": "qid"}


class SQLiteStore(Store):
    """``Store`` on one SQLite connection (WAL, foreign keys on, schema migrated on open).

    The connection is used from the thread that opened it; open one store per thread.
    """

    def __init__(self, path: str | os.PathLike[str], *, url: str | None = None) -> None:
        self.path = os.fspath(path)
        self.url = url or self.path
        self._depth = 0
        self._closed = False
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves (see ``transaction``).
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        try:
            self._conn.create_function("ng_casefold", 1, _casefold, deterministic=True)
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
                # With WAL, NORMAL is durable across application crashes and much faster.
                self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

    # -- schema ---------------------------------------------------------------------------

    def _applied(self) -> set[str]:
        rows = self._conn.execute("SELECT name FROM _migrations").fetchall()
        return {name for (name,) in rows}

    def _migrate(self) -> None:
        self._conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        known = {name for name, _ in MIGRATIONS}
        unknown = self._applied() - known
        if unknown:
            raise StoreError(
                f"database {self.path} has migrations this newsgraph does not know "
                f"({', '.join(sorted(unknown))}); upgrade newsgraph"
            )
        for number, (name, statements) in enumerate(MIGRATIONS, start=1):
            if name in self._applied():
                continue
            with self.transaction():
                # Checked again under the write lock: another process may have just applied it.
                if name in self._applied():
                    continue
                for statement in statements:
                    self._conn.execute(statement)
                self._conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (name, _now()))
                self._conn.execute(f"PRAGMA user_version = {number}")
            logger.info("applied migration %s to %s", name, self.path)

    def migrations(self) -> list[tuple[str, str]]:
        """Applied migrations as ``(name, applied_at)``, oldest first."""
        return list(self._conn.execute("SELECT name, applied_at FROM _migrations ORDER BY rowid"))

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        depth = self._depth
        savepoint = f"ng_sp{depth}"
        try:
            # IMMEDIATE takes the write lock up front, so a batch can't fail half-way on SQLITE_BUSY.
            self._conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {savepoint}")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot start a transaction on {self.path}: {exc}") from exc
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if depth == 0:
                self._conn.execute("ROLLBACK")
            else:
                self._conn.execute(f"ROLLBACK TO {savepoint}")
                self._conn.execute(f"RELEASE {savepoint}")
            raise
        self._depth -= 1
        try:
            self._conn.execute("COMMIT" if depth == 0 else f"RELEASE {savepoint}")
        except sqlite3.Error as exc:
            if depth == 0 and self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise StoreError(f"cannot commit to {self.path}: {exc}") from exc

    # -- writing --------------------------------------------------------------------------

    def add_articles(
        self,
        articles: Iterable[Article],
        file_key: str | None = None,
        file_info: Mapping[str, Any] | None = None,
    ) -> tuple[int, int]:
        stored = duplicates = 0
        conn = self._conn
        try:
            with self.transaction():
                (seq,) = conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()
                for article in articles:
                    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                        duplicates += 1
                        continue
                    seq += 1
                    self._insert(article, seq)
                    stored += 1
                if file_key is not None:
                    self._record_file(file_key, file_info or {}, stored + duplicates)
        except sqlite3.Error as exc:
            raise StoreError(f"could not store articles in {self.path}: {exc}") from exc
        return stored, duplicates

    def _insert(self, article: Article, seq: int) -> None:
        rows = article_rows(article)
        head = {**rows["articles"][0], "seq": seq}
        self._conn.execute(_INSERT["articles"], [head[c] for c in _ARTICLE_COLUMNS])
        for table in _CHILD_TABLES:
            if rows[table]:
                columns = [c for c, _ in COLUMNS[table]]
                self._conn.executemany(_INSERT[table], ([row[c] for c in columns] for row in rows[table]))

    def _record_file(self, key: str, info: Mapping[str, Any], seen: int) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO files (key, path, size, mtime, articles, completed_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                key,
                str(info.get("path", key)),
                info.get("size"),
                info.get("mtime"),
                int(info.get("articles", seen)),
                _now(),
            ),
        )

    # -- reading --------------------------------------------------------------------------

    def file_done(self, file_key: str) -> bool:
        return self._conn.execute("SELECT 1 FROM files WHERE key = ?", (file_key,)).fetchone() is not None

    def get(self, article_id: str) -> Article | None:
        row = self._conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None and len(article_id) >= MIN_PREFIX:
            # A range scan on the primary key instead of LIKE, which treats % and _ as wildcards.
            rows = self._conn.execute(
                "SELECT record FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                (article_id, article_id + "\U0010ffff"),
            ).fetchall()
            if len(rows) > 1:
                raise StoreError(f"id prefix {article_id!r} matches several articles; give more of it")
            row = rows[0] if rows else None
        return _article(row[0]) if row else None

    def articles(self, limit: int | None = None) -> Iterator[Article]:
        cursor = self._conn.execute("SELECT record FROM articles ORDER BY seq LIMIT ?", (_limit(limit),))
        for (record,) in cursor:
            yield _article(record)

    def quotes(
        self, speaker: str | None = None, search: str | None = None, limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        where: list[str] = []
        params: list[Any] = []
        joins = ""
        order = "a.seq, q.idx"
        if speaker:
            where.append("instr(ng_casefold(q.speaker_name), ?) > 0")
            params.append(speaker.casefold())
        if search is not None:
            query = fts_query(search)
            if query is None:
                return
            joins = "JOIN quotes_fts f ON f.rowid = q.qid"
            where.append("f.text MATCH ?")  # column filter: the quote text, not the speaker
            params.append(query)
            order = "f.rank, a.seq, q.idx"
        sql = (
            "SELECT q.article_id, a.title, q.idx, q.text, q.kind, q.speaker_name, q.speaker_entity, "
            f'q.cue_text, q.via, q.start, q."end" FROM quotes q JOIN articles a ON a.id = q.article_id {joins} '
            f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order} LIMIT ?"
        )
        params.append(_limit(limit))
        keys = ("article_id", "title", "idx", "text", "kind", "speaker", "speaker_entity", "cue", "via", "start", "end")
        for row in self._execute(sql, params):
            yield dict(zip(keys, row, strict=True))

    def events(
        self,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002
        country: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        where: list[str] = []
        params: list[Any] = []
        if actor:
            where.append("(instr(ng_casefold(e.source_name), ?) > 0 OR instr(ng_casefold(e.target_name), ?) > 0)")
            params += [actor.casefold()] * 2
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if country:
            where.append("(e.source_country = ? OR e.target_country = ?)")
            params += [country.upper()] * 2
        if date_from:
            where.append("e.date >= ?")
            params.append(date_from)
        if date_to:
            # "2025-02" and "2025-02-14" both fall on or before a bound of 2025-02-28.
            where.append("substr(e.date, 1, length(?)) <= ?")
            params += [date_to, date_to]
        columns = ", ".join(f'e."{c}"' for c, _ in COLUMNS["events"])
        sql = (
            f"SELECT {columns}, a.title FROM events e JOIN articles a ON a.id = e.article_id "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY a.seq, e.idx LIMIT ?"
        )
        params.append(_limit(limit))
        keys = [c for c, _ in COLUMNS["events"]] + ["title"]
        for row in self._execute(sql, params):
            yield dict(zip(keys, row, strict=True))

    def search(self, text: str, limit: int = 20, *, mark: tuple[str, str] = ("[", "]")) -> Iterator[dict[str, Any]]:
        query = fts_query(text)
        if query is None:
            return
        sql = (
            "SELECT a.id, a.title, snippet(articles_fts, -1, ?, ?, '…', 16), articles_fts.rank "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY articles_fts.rank LIMIT ?"
        )
        for id_, title, snippet, rank in self._execute(sql, (mark[0], mark[1], query, _limit(limit))):
            yield {"id": id_, "title": title, "snippet": snippet, "rank": rank}

    def rows(self, table: str, limit: int | None = None) -> Iterator[dict[str, Any]]:
        if table not in COLUMNS:
            raise StoreError(f"unknown table {table!r}; available: {', '.join(COLUMNS)}")
        columns = [c for c, _ in COLUMNS[table]]
        sql = (
            f"SELECT {', '.join(_ident(c) for c in columns)} FROM {_ident(table)} "
            f"ORDER BY {_ORDER.get(table, 'rowid')} LIMIT ?"
        )
        for row in self._execute(sql, (_limit(limit),)):
            yield dict(zip(columns, row, strict=True))

    def counts(self) -> dict[str, int]:
        return {t: self._conn.execute(f"SELECT count(*) FROM {_ident(t)}").fetchone()[0] for t in TABLES}

    def _execute(self, sql: str, params: Iterable[Any]) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc

    # -- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._conn.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.url!r})"


def _article(record: str) -> Article:
    return Article.from_dict(json.loads(record))


def _limit(limit: int | None) -> int:
    """SQLite reads ``LIMIT -1`` as no limit."""
    if limit is None:
        return -1
    if limit < 0:
        raise StoreError(f"limit must be 0 or more, not {limit}")
    return limit


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
