"""The backend-neutral ``Store`` interface and the flat-table layout every backend shares.

A store holds analysed ``Article`` records. Besides the full ``newsgraph/1`` record, each
article is flattened into small tables (quotes, entities, mentions, ...) so they can be
queried and exported without parsing JSON. ``article_rows`` does that flattening once for
every backend; the SQL lives in the backend modules.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Self

from newsgraph.records import Actor, Article

#: Shortest id prefix ``Store.get`` resolves; shorter ones would match too much to be useful.
MIN_PREFIX = 6

#: Column names and Python types of each flat table, in order. Exporters build their schemas
#: from this, so a parquet column keeps one type however the rows are batched.
COLUMNS: dict[str, tuple[tuple[str, type], ...]] = {
    "articles": (
        ("id", str),
        ("source", str),
        ("title", str),
        ("published", str),
        ("authors", str),  # JSON list
        ("outlet", str),
        ("text", str),
        ("removed", str),  # JSON list of {text, reason}
    ),
    "captions": (("article_id", str), ("idx", int), ("text", str), ("credit", str)),
    "entities": (
        ("article_id", str),
        ("entity_id", str),
        ("name", str),
        ("type", str),
        ("titles", str),  # JSON list
    ),
    "mentions": (("article_id", str), ("entity_id", str), ("start", int), ("end", int)),
    "quotes": (
        ("article_id", str),
        ("idx", int),
        ("text", str),
        ("start", int),
        ("end", int),
        ("kind", str),
        ("speaker_name", str),
        ("speaker_entity", str),
        ("speaker_start", int),
        ("speaker_end", int),
        ("cue_text", str),
        ("cue_start", int),
        ("cue_end", int),
        ("via", str),
        ("parts", str),  # JSON list of [start, end]
        ("addressee", str),
        ("clause", str),  # JSON [start, end] or null
        ("location", str),  # body | title | caption
        ("caption", int),
    ),
    "sources": (("article_id", str), ("idx", int), ("name", str), ("start", int), ("end", int)),
    "times": (
        ("article_id", str),
        ("idx", int),
        ("text", str),
        ("start", int),
        ("end", int),
        ("type", str),
        ("value", str),
        ("caption", int),
    ),
    "events": (
        ("article_id", str),
        ("idx", int),
        ("type", str),
        ("mode", str),
        ("start", int),
        ("end", int),
        ("source_name", str),
        ("source_entity", str),
        ("source_country", str),
        ("source_sector", str),
        ("target_name", str),
        ("target_entity", str),
        ("target_country", str),
        ("target_sector", str),
        ("date", str),
        ("location", str),
        ("negated", int),
        ("hypothetical", int),
    ),
    "files": (
        ("key", str),
        ("path", str),
        ("size", int),
        ("mtime", float),
        ("articles", int),
        ("completed_at", str),
    ),
}

#: Tables ``newsgraph export --table`` offers.
EXPORT_TABLES: tuple[str, ...] = ("articles", "quotes", "entities", "times", "sources", "events")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def article_rows(article: Article) -> dict[str, list[dict[str, Any]]]:
    """Flatten one article into rows for each table; ``articles`` also carries ``record``.

    >>> from newsgraph.records import Article
    >>> rows = article_rows(Article(id="a1", source="x.txt", text="Hi."))
    >>> rows["articles"][0]["id"], rows["quotes"]
    ('a1', [])
    """
    data = article.as_dict()
    aid = article.id
    head = {
        "id": aid,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "authors": _json(data["authors"]),
        "outlet": article.outlet,
        "text": article.text,
        "removed": _json(data["removed"]),
        "record": _json(data),
    }
    return {
        "articles": [head],
        "captions": [
            {"article_id": aid, "idx": i, "text": c.text, "credit": c.credit} for i, c in enumerate(article.captions)
        ],
        "entities": [
            {
                "article_id": aid,
                "entity_id": e.id,
                "name": e.name,
                "type": e.type,
                "titles": _json(list(e.titles)),
            }
            for e in article.entities
        ],
        "mentions": [
            {"article_id": aid, "entity_id": e.id, "start": start, "end": end}
            for e in article.entities
            for start, end in e.mentions
        ],
        "quotes": [
            {
                "article_id": aid,
                "idx": i,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker_name": q.speaker.name,
                "speaker_entity": q.speaker.entity,
                "speaker_start": q.speaker.start,
                "speaker_end": q.speaker.end,
                "cue_text": q.cue.text if q.cue else None,
                "cue_start": q.cue.start if q.cue else None,
                "cue_end": q.cue.end if q.cue else None,
                "via": q.via,
                "parts": _json([list(p) for p in q.parts]),
                "addressee": q.to,
                "clause": _json(list(q.clause)) if q.clause else None,
                "location": q.location,
                "caption": q.caption,
            }
            for i, q in enumerate(article.quotes)
        ],
        "sources": [
            {"article_id": aid, "idx": i, "name": s.name, "start": s.start, "end": s.end}
            for i, s in enumerate(article.sources)
        ],
        "times": [
            {
                "article_id": aid,
                "idx": i,
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "type": t.type,
                "value": t.value,
                "caption": t.caption,
            }
            for i, t in enumerate(article.times)
        ],
        "events": [
            {
                "article_id": aid,
                "idx": i,
                "type": e.type,
                "mode": e.mode,
                "start": e.start,
                "end": e.end,
                **_actor_columns("source", e.source),
                **_actor_columns("target", e.target),
                "date": e.date,
                "location": e.location,
                "negated": int(e.negated),
                "hypothetical": int(e.hypothetical),
            }
            for i, e in enumerate(article.events)
        ],
    }


def _actor_columns(role: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{role}_name": actor.name if actor else None,
        f"{role}_entity": actor.entity if actor else None,
        f"{role}_country": actor.country if actor else None,
        f"{role}_sector": actor.sector if actor else None,
    }


class Store(ABC):
    """Where analysed articles live. Open one with ``newsgraph.store.open_store``.

    >>> from newsgraph.store import open_store
    >>> with open_store("sqlite:///:memory:") as store:
    ...     store.counts()["articles"]
    0
    """

    #: The path or URL the store was opened from, for messages.
    url: str

    @abstractmethod
    def add_articles(
        self,
        articles: Iterable[Article],
        file_key: str | None = None,
        file_info: Mapping[str, Any] | None = None,
    ) -> tuple[int, int]:
        """Store a batch in one transaction; return ``(stored, duplicates)``.

        An article whose id is already stored (or repeated in the batch) is skipped and
        counted as a duplicate. If anything fails, including the iterable raising, nothing of
        the batch is kept. With ``file_key``, the ``files`` row (``file_info`` may give
        ``path``, ``size``, ``mtime``, ``articles``) is written in the same transaction, so
        pass it with the last batch of a file.
        """

    @abstractmethod
    def file_done(self, file_key: str) -> bool:
        """Whether a file was recorded as completely ingested."""

    @abstractmethod
    def get(self, article_id: str) -> Article | None:
        """The article with this id, or with this unique id prefix of ``MIN_PREFIX``+ chars.

        Raises ``StoreError`` when a prefix matches several articles.
        """

    @abstractmethod
    def articles(self, limit: int | None = None) -> Iterator[Article]:
        """Stream stored articles in insertion order."""

    @abstractmethod
    def quotes(
        self, speaker: str | None = None, search: str | None = None, limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Stream quotes as dicts.

        ``speaker`` matches a case-insensitive substring of the speaker name; ``search`` is
        full-text over the quote text. Keys: article_id, title, idx, text, kind, speaker,
        speaker_entity, cue, via, start, end.
        """

    @abstractmethod
    def events(
        self,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002 - the CLI option's name
        country: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Stream events as flat dicts (``COLUMNS["events"]`` plus the article title).

        ``actor`` matches a case-insensitive substring of the source or target name; ``country``
        an ISO3 code of either actor; ``date_from``/``date_to`` bound the event date (inclusive,
        compared as TIMEX3 strings, so "2025-02" falls within 2025-02-01..2025-02-28 by prefix).
        """

    @abstractmethod
    def search(self, text: str, limit: int = 20, *, mark: tuple[str, str] = ("[", "]")) -> Iterator[dict[str, Any]]:
        """Full-text search over article title and text, best first.

        Any user text is safe: it is matched as words, never parsed as query syntax.
        Dicts have id, title, snippet (matches wrapped in ``mark``) and rank (lower is better).
        """

    @abstractmethod
    def rows(self, table: str, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Stream one flat table (see ``COLUMNS``) as dicts, in insertion order."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Row count of every table."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Commit on success, roll back on error; nested blocks become savepoints."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection. Safe to call twice."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
