"""Plain records that travel between stages.

Every offset (``start``/``end``) indexes ``Article.text``. ``as_dict()`` gives the
``newsgraph/1`` JSON object documented in ``docs/schema.md``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "newsgraph/1"


@dataclass(frozen=True)
class RawDocument:
    """One unit of input as read from disk: a text dump, an HTML page or a JSONL record.

    ``text`` is set for plain text; ``html`` for HTML. Metadata fields come from
    JSONL records or HTML metadata when present.
    """

    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    #: True when the body was already extracted (HTML, JSONL ``text``): only light cleaning applies.
    extracted: bool = False
    #: Photo captions the extractor found outside the body (HTML ``<figcaption>``), credits included.
    captions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(frozen=True)
class Removed:
    text: str
    reason: str


@dataclass(frozen=True)
class CleanArticle:
    """Output of ``clean``: one article's body and what was taken out of it."""

    source: str
    text: str
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removed, ...] = ()
    #: Dates stated on the page outside the body (captions, bylines) that help infer ``published``.
    hint_dates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    titles: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    #: Mentions in captions, as (caption index, start, end) into ``captions[i].text``.
    caption_mentions: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True)
class Speaker:
    name: str | None = None
    entity: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    kind: str  # "direct" | "indirect" | "mixed"
    speaker: Speaker = field(default_factory=Speaker)
    cue: Cue | None = None
    via: str | None = None
    #: Who was addressed, where stated ("told reporters" -> "reporters").
    to: str | None = None
    #: For a mixed quote: the reported clause the quoted words sit in, as [start, end].
    clause: tuple[int, int] | None = None
    #: "body", "title" or "caption": the text the offsets index (``captions[caption].text`` for captions).
    location: str = "body"
    caption: int | None = None


@dataclass(frozen=True)
class SourceCited:
    """A cited source. Offsets are null when it is cited outside the body (a photo credit)."""

    name: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class TimeExpression:
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    #: Set when the expression is in ``captions[caption]``; offsets then index that caption's text.
    caption: int | None = None


@dataclass(frozen=True)
class Actor:
    """Who acts in an event: a mention resolved, where possible, to an entity, a country (ISO 3166
    alpha-3) and a sector code (GOV, MIL, COP, REB, CRM, OPP, BUS, MED, IGO, …)."""

    name: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Event:
    """A PLOVER event: who did what to whom, when and where; ``start``/``end`` is the trigger span."""

    type: str
    source: Actor
    start: int
    end: int
    target: Actor | None = None
    mode: str | None = None
    date: str | None = None
    location: str | None = None
    negated: bool = False
    hypothetical: bool = False


@dataclass(frozen=True, kw_only=True)
class Article:
    """One analysed article: the ``newsgraph/1`` record (fields in schema order)."""

    id: str
    source: str
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    text: str
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removed, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[SourceCited, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {"schema": SCHEMA, **_lists(data)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"],
            source=data["source"],
            text=data["text"],
            title=data.get("title"),
            published=data.get("published"),
            authors=tuple(data.get("authors") or ()),
            outlet=data.get("outlet"),
            captions=tuple(Caption(**c) for c in data.get("captions") or ()),
            removed=tuple(Removed(**r) for r in data.get("removed") or ()),
            entities=tuple(
                Entity(
                    id=e["id"],
                    name=e["name"],
                    type=e["type"],
                    titles=tuple(e.get("titles") or ()),
                    mentions=tuple(tuple(m) for m in e.get("mentions") or ()),
                    caption_mentions=tuple(tuple(m) for m in e.get("caption_mentions") or ()),
                )
                for e in data.get("entities") or ()
            ),
            quotes=tuple(
                Quote(
                    text=q["text"],
                    start=q["start"],
                    end=q["end"],
                    parts=tuple(tuple(p) for p in q.get("parts") or ()),
                    kind=q["kind"],
                    speaker=Speaker(**(q.get("speaker") or {})),
                    cue=Cue(**q["cue"]) if q.get("cue") else None,
                    via=q.get("via"),
                    to=q.get("to"),
                    clause=tuple(q["clause"]) if q.get("clause") else None,
                    location=q.get("location") or "body",
                    caption=q.get("caption"),
                )
                for q in data.get("quotes") or ()
            ),
            sources=tuple(SourceCited(**s) for s in data.get("sources") or ()),
            times=tuple(TimeExpression(**t) for t in data.get("times") or ()),
            events=tuple(_event(e) for e in data.get("events") or ()),
        )


def _event(data: dict[str, Any]) -> Event:
    target = data.get("target")
    return Event(
        type=data["type"],
        source=Actor(**data["source"]),
        start=data["start"],
        end=data["end"],
        target=Actor(**target) if target else None,
        mode=data.get("mode"),
        date=data.get("date"),
        location=data.get("location"),
        negated=bool(data.get("negated")),
        hypothetical=bool(data.get("hypothetical")),
    )


def _lists(value: Any) -> Any:
    """Tuples become lists so the JSON shape is stable whatever the dataclass holds."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def article_id(text: str) -> str:
    """Stable content hash of the normalised body: the same article twice gets one id."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]
