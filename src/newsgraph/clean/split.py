"""Split a text scrape into articles and sort every line into title, body, caption or removed.

The dump is read top to bottom. Each line first gets a role from its own shape (``lines.py``);
then its place decides: a headline that repeats, or that is followed by captions, a byline or a
timestamp, starts a new article once the current one has a body; a repeated line keeps one copy.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgraph.clean import lines as ln
from newsgraph.records import Caption, Removed

# Roles a line can get from its own shape.
DEBRIS, BYLINE, TIMESTAMP, CREDIT, CAPTION, HEADLINE, BODY = (
    "debris", "byline", "timestamp", "credit", "caption", "headline", "body",
)  # fmt: skip
_HEADER_ROLES = {CAPTION, CREDIT, BYLINE, TIMESTAMP}


@dataclass
class Shape:
    role: str
    reason: str = ""
    caption: Caption | None = None
    authors: tuple[str, ...] = ()


@dataclass
class Draft:
    """An article being assembled while the dump is read."""

    titles: list[tuple[ln.Line, int]] = field(default_factory=list)  # (line, times it occurs)
    body: list[ln.Line] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    caption_dates: list[str] = field(default_factory=list)

    @property
    def has_body(self) -> bool:
        return any(ln.is_body_like(line.text) for line in self.body)


@dataclass(frozen=True)
class Section:
    """One article found in a dump, before metadata is resolved."""

    title: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[Caption, ...]
    removed: tuple[Removed, ...]
    authors: tuple[str, ...]
    stated_dates: tuple[str, ...]
    caption_dates: tuple[str, ...]


def iter_lines(text: str) -> Iterator[ln.Line]:
    blanks = 0
    for index, raw in enumerate(text.splitlines()):
        stripped = raw.strip()
        if not stripped:
            blanks += 1
            continue
        yield ln.Line(index, stripped, blanks)
        blanks = 0


def shape_of(line: ln.Line, occurrences: int) -> Shape:
    text = line.text
    reason = ln.debris_reason(text)
    if reason:
        return Shape(DEBRIS, reason)
    authors = ln.byline_authors(text)
    if authors:
        return Shape(BYLINE, "byline", authors=authors)
    if ln.is_timestamp(text):
        return Shape(TIMESTAMP, "timestamp")
    credit = ln.credit_only(text)
    if credit:
        return Shape(CREDIT, "photo credit", caption=Caption("", credit))
    caption = ln.split_credit(text)
    if caption:
        return Shape(CAPTION, caption=caption)
    if ln.looks_like_caption(text):
        return Shape(CAPTION, caption=Caption(text, None))
    headline = ln.is_headline_like(text)
    # Body paragraphs are not repeated in a scrape; long repeated lines that describe a picture are captions.
    if occurrences > 1 and not headline and (ln.has_photo_words(text) or not ln.ends_sentence(text)):
        return Shape(CAPTION, caption=Caption(text, None))
    if headline and not ln.is_body_like(text):
        return Shape(HEADLINE)
    return Shape(BODY)


def split_scrape(text: str, *, split: bool = True, known_title: str | None = None) -> list[Section]:
    """Sections (articles) of a text scrape. With ``split=False`` the whole text is one article."""
    lines = list(iter_lines(text))
    counts = Counter(line.key for line in lines)
    shapes = [shape_of(line, counts[line.key]) for line in lines]
    usual_gap = _usual_paragraph_gap(lines, shapes)
    known_key = " ".join(known_title.split()).casefold() if known_title else None

    drafts: list[Draft] = [Draft()]
    seen: set[str] = set()
    for position, (line, shape) in enumerate(zip(lines, shapes, strict=True)):
        draft = drafts[-1]
        repeat = line.key in seen
        seen.add(line.key)
        if shape.role == HEADLINE and known_key is not None and line.key == known_key:
            draft.removed.append(Removed(line.text, "repeated headline"))
        elif repeat and shape.role in {HEADLINE, CAPTION, BODY}:
            draft.removed.append(Removed(line.text, f"repeated {'line' if shape.role == BODY else shape.role}"))
        elif shape.role == DEBRIS:
            draft.removed.append(Removed(line.text, shape.reason))
        elif shape.role == BYLINE:
            draft.authors.extend(a for a in shape.authors if a not in draft.authors)
            draft.removed.append(Removed(line.text, "byline"))
        elif shape.role == TIMESTAMP:
            date = ln.first_full_date(line.text)
            if date:
                draft.dates.append(date)
            draft.removed.append(Removed(line.text, "timestamp"))
        elif shape.role == CREDIT:
            _attach_credit(draft, line, shape, shapes[position - 1] if position else None)
        elif shape.role == CAPTION:
            assert shape.caption is not None
            draft.captions.append(shape.caption)
            date = ln.first_full_date(shape.caption.text)
            if date:
                draft.caption_dates.append(date)
        elif shape.role == HEADLINE:
            starts_article = (
                split
                and draft.has_body
                and (
                    counts[line.key] > 1
                    or _followed_by_header(shapes, position)
                    or line.blanks_before > max(usual_gap, 1)
                )
            )
            if starts_article:
                drafts.append(Draft(titles=[(line, counts[line.key])]))
            elif not draft.has_body and known_key is None:
                draft.titles.append((line, counts[line.key]))
            elif ln.is_title_case(line.text):
                draft.removed.append(Removed(line.text, "unrelated headline"))
            else:
                draft.body.append(line)  # a crosshead or a short paragraph
        else:
            draft.body.append(line)
    return [_finish(d) for d in _fold_bodiless(drafts)]


def _usual_paragraph_gap(lines: list[ln.Line], shapes: list[Shape]) -> int:
    gaps = [line.blanks_before for line, shape in zip(lines, shapes, strict=True) if shape.role == BODY]
    return int(statistics.median(gaps)) if gaps else 1


def _followed_by_header(shapes: list[Shape], position: int) -> bool:
    """A headline whose next non-debris lines are captions, credits, a byline or a timestamp opens an article."""
    for shape in shapes[position + 1 : position + 6]:
        if shape.role == DEBRIS:
            continue
        return shape.role in _HEADER_ROLES
    return False


def _attach_credit(draft: Draft, line: ln.Line, shape: Shape, previous: Shape | None) -> None:
    """A credit on its own line belongs to the caption just before it."""
    assert shape.caption is not None
    if previous is not None and previous.role == CAPTION and draft.captions and draft.captions[-1].credit is None:
        draft.captions[-1] = Caption(draft.captions[-1].text, shape.caption.credit)
    else:
        draft.removed.append(Removed(line.text, "photo credit"))


def _fold_bodiless(drafts: list[Draft]) -> list[Draft]:
    """A stretch with no body (page header, trailing links) is not an article: its lines join a neighbour's removed."""
    kept: list[Draft] = []
    pending: list[Removed] = []
    for draft in drafts:
        leftovers = [Removed(line.text, "page furniture") for line, _ in draft.titles]
        leftovers += [
            Removed(c.text + (f" ({c.credit})" if c.credit else ""), "caption outside article") for c in draft.captions
        ]
        if draft.body:
            draft.removed[:0] = pending
            pending = []
            kept.append(draft)
        else:
            pending += leftovers + [Removed(line.text, "page furniture") for line in draft.body] + draft.removed
    if pending:
        if kept:
            kept[-1].removed.extend(pending)
        else:
            kept.append(Draft(removed=pending))
    return kept


def _finish(draft: Draft) -> Section:
    title_line: ln.Line | None = None
    removed = list(draft.removed)
    if draft.titles:
        # Repeated headlines are the surest; then headline case; then length (site names are short).
        best = max(draft.titles, key=lambda t: (t[1] > 1, ln.is_title_case(t[0].text), len(ln.words(t[0].text))))
        title_line = best[0]
        removed += [Removed(line.text, "extra headline") for line, _ in draft.titles if line is not title_line]
    body = list(draft.body)
    # Short non-sentences after the last paragraph are link lists and footers, not body.
    while body and not ln.is_body_like(body[-1].text) and not ln.ends_sentence(body[-1].text):
        removed.append(Removed(body.pop().text, "trailing headline"))
    return Section(
        title=title_line.text if title_line else None,
        paragraphs=tuple(line.text for line in body),
        captions=tuple(draft.captions),
        removed=tuple(removed),
        authors=tuple(draft.authors),
        stated_dates=tuple(draft.dates),
        caption_dates=tuple(draft.caption_dates),
    )
