"""Split a text scrape into articles and sort every line into title, body, caption or removed.

The dump is first mended (``unwrap`` rejoins hard-wrapped paragraphs, ``unglue`` cuts glued ones),
then read top to bottom. Each line gets a role (``roles.py``) from its own shape, corrected by its
neighbours (a caption label names the next line a caption); then its place decides: a headline
that repeats, or that is followed by captions, a byline or a timestamp, starts a new article once
the current one has a body; a repeated line keeps one copy; after a footer (comment form, paywall,
wire credits) the rest of the article is page furniture.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgraph.clean import lines as ln
from newsgraph.clean.roles import (
    ARCHIVE,
    BODY,
    BYLINE,
    CAPTION,
    CREDIT,
    DEBRIS,
    FOOTER,
    HEADER_ROLES,
    HEADLINE,
    SET_ASIDE,
    TIMESTAMP,
    Shape,
    next_kept,
    shape_of,
    shapes_in_context,
)
from newsgraph.clean.unglue import unglue
from newsgraph.clean.unwrap import unwrap
from newsgraph.records import Caption, Removed

#: A title has at least this many words: shorter header lines are outlet names, sections and authors.
MIN_TITLE_WORDS = 4
#: A short headline-like line inside a body is a crosshead ("Budget and Taxes") and stays in it.
CROSSHEAD_WORDS = 6
#: On archive pages each headline may open a post, so only very short lines are crossheads.
ARCHIVE_CROSSHEAD_WORDS = 3


@dataclass
class Draft:
    """An article being assembled while the dump is read."""

    titles: list[tuple[ln.Line, int]] = field(default_factory=list)  # (line, times it occurs)
    body: list[ln.Line] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    #: Timestamp lines with whether the title had been seen: dates under a headline outrank a blog's date line.
    stamps: list[tuple[ln.Line, bool]] = field(default_factory=list)
    caption_dates: list[str] = field(default_factory=list)
    #: Set by a footer line: what follows, up to the next article, is page furniture.
    footer: bool = False

    @property
    def has_body(self) -> bool:
        return any(ln.is_substantial(line.text) for line in self.body)


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


def split_scrape(text: str, *, split: bool = True, known_title: str | None = None) -> list[Section]:
    """Sections (articles) of a text scrape. With ``split=False`` the whole text is one article."""
    lines = unglue(unwrap(list(iter_lines(text))))
    counts = Counter(line.key for line in lines)
    shapes = shapes_in_context(lines, [shape_of(line, counts[line.key]) for line in lines])
    usual_gap = _usual_paragraph_gap(lines, shapes)
    known_key = " ".join(known_title.split()).casefold() if known_title else None
    # Archive pages ("Tag Archives: X") list posts one after another with only a headline between them.
    archive = any(shape.role == ARCHIVE for shape in shapes)

    drafts: list[Draft] = [Draft()]
    seen: set[str] = set()
    for position, (line, shape) in enumerate(zip(lines, shapes, strict=True)):
        draft = drafts[-1]
        repeat = line.key in seen
        seen.add(line.key)
        role = shape.role
        if role == HEADLINE and known_key is not None and line.key == known_key:
            draft.removed.append(Removed(line.text, "repeated headline"))
        elif repeat and role in {HEADLINE, CAPTION, BODY}:
            if split and role == HEADLINE and _repeats_title(draft, line):
                _set_aside_teaser(draft)
            draft.removed.append(Removed(line.text, f"repeated {'line' if role == BODY else role}"))
        elif role == HEADLINE:
            n_words = len(ln.words(line.text))
            starts_article = (
                split
                and draft.has_body
                and (
                    counts[line.key] > 1
                    or _followed_by_header(shapes, position)
                    or line.blanks_before > max(usual_gap, 1)
                    or (archive and n_words >= MIN_TITLE_WORDS and _followed_by_text(shapes, position))
                )
            )
            if starts_article:
                drafts.append(Draft(titles=[(line, counts[line.key])]))
                _carry_header(draft, drafts[-1])
            elif draft.footer:
                draft.removed.append(Removed(line.text, "footer"))
            elif not draft.has_body and known_key is None:
                draft.titles.append((line, counts[line.key]))
            elif n_words <= (ARCHIVE_CROSSHEAD_WORDS if archive else CROSSHEAD_WORDS):
                draft.body.append(line)  # a crosshead
            elif ln.is_title_case(line.text, share=0.9):
                # A link to another story; a line cut off mid-sentence ("Rep. Jane Doe, who sits on the") is not one.
                draft.removed.append(Removed(line.text, "unrelated headline"))
            else:
                draft.body.append(line)  # a short paragraph
        elif role in SET_ASIDE:
            draft.removed.append(Removed(line.text, shape.reason))
        elif role == FOOTER:
            draft.removed.append(Removed(line.text, shape.reason))
            draft.footer = draft.footer or draft.has_body
        elif draft.footer and role in {BODY, CAPTION, CREDIT}:
            draft.removed.append(Removed(line.text, "footer"))
        elif role == BYLINE:
            draft.authors.extend(a for a in shape.authors if a not in draft.authors)
            draft.removed.append(Removed(line.text, shape.reason))
        elif role == TIMESTAMP and draft.has_body and not draft.footer and ln.is_time_only(line.text):
            draft.body.append(line)  # "5:10 p.m." between a live blog's entries belongs to its text
        elif role == TIMESTAMP:
            draft.stamps.append((line, bool(draft.titles)))
        elif role == CREDIT:
            _attach_credit(draft, line, shape, shapes[position - 1] if position else None)
        elif role == CAPTION:
            assert shape.caption is not None
            draft.captions.append(shape.caption)
            label = ln.credit_label(line.text, shape.caption.credit)
            if label:
                draft.removed.append(Removed(label, "photo credit"))
            date = ln.first_full_date(shape.caption.text)
            if date:
                draft.caption_dates.append(date)
        else:
            draft.body.append(line)
    if split:
        drafts = _fold_teaser(drafts)
    return [_finish(d, header=split) for d in _fold_bodiless(drafts)]


def _usual_paragraph_gap(lines: list[ln.Line], shapes: list[Shape]) -> int:
    gaps = [line.blanks_before for line, shape in zip(lines, shapes, strict=True) if shape.role == BODY]
    return int(statistics.median(gaps)) if gaps else 1


def _followed_by_header(shapes: list[Shape], position: int) -> bool:
    """A headline whose next non-debris lines are captions, credits, a byline or a timestamp opens an article."""
    for shape in shapes[position + 1 : position + 6]:
        if shape.role == DEBRIS:
            continue
        return shape.role in HEADER_ROLES
    return False


def _followed_by_text(shapes: list[Shape], position: int) -> bool:
    """A headline can only open a post if some text follows it (the last line of a cut-off page cannot)."""
    j = next_kept(shapes, position)
    return j is not None and shapes[j].role not in {FOOTER, ARCHIVE}


def _repeats_title(draft: Draft, line: ln.Line) -> bool:
    return any(title.key == line.key for title, _ in draft.titles)


def _set_aside_teaser(draft: Draft) -> None:
    """Paragraphs between a headline and its repeat are a teaser of the article, not its start."""
    if 1 <= len(draft.body) <= 2:
        draft.removed += [Removed(line.text, "teaser") for line in draft.body]
        draft.body = []


def _carry_header(previous: Draft, new: Draft) -> None:
    """Timestamps after the previous article's last paragraph (a blog's date line) head the new article."""
    last_body = previous.body[-1].index if previous.body else -1
    moving = [stamp for stamp in previous.stamps if stamp[0].index > last_body]
    previous.stamps = [stamp for stamp in previous.stamps if stamp[0].index <= last_body]
    new.stamps[:0] = [(line, False) for line, _ in moving]


def _attach_credit(draft: Draft, line: ln.Line, shape: Shape, previous: Shape | None) -> None:
    """A credit on its own line belongs to the caption just before it."""
    assert shape.caption is not None
    if previous is not None and previous.role == CAPTION and draft.captions and draft.captions[-1].credit is None:
        draft.captions[-1] = Caption(draft.captions[-1].text, shape.caption.credit)
        label = ln.credit_label(line.text, shape.caption.credit)
        if label:
            draft.removed.append(Removed(label, "photo credit"))
    else:
        draft.removed.append(Removed(line.text, "photo credit"))


def _fold_teaser(drafts: list[Draft]) -> list[Draft]:
    """A paragraph or two before the first headline, with no title of its own, is a teaser of that article."""
    if len(drafts) < 2 or drafts[0].titles or not drafts[1].titles or not 1 <= len(drafts[0].body) <= 2:
        return drafts
    teaser, first = drafts[0], drafts[1]
    first.removed[:0] = teaser.removed + [Removed(line.text, "teaser") for line in teaser.body]
    first.captions[:0] = teaser.captions
    first.stamps[:0] = [(line, False) for line, _ in teaser.stamps]
    first.authors[:0] = [a for a in teaser.authors if a not in first.authors]
    return drafts[1:]


def _fold_bodiless(drafts: list[Draft]) -> list[Draft]:
    """A stretch with no body (page header, trailing links) is not an article: its lines join a neighbour's removed."""
    kept: list[Draft] = []
    pending: list[Removed] = []
    for draft in drafts:
        leftovers = [Removed(line.text, "page furniture") for line, _ in draft.titles]
        leftovers += [
            Removed(c.text + (f" ({c.credit})" if c.credit else ""), "caption outside article") for c in draft.captions
        ]
        leftovers += [Removed(line.text, "timestamp") for line, _ in draft.stamps]
        # After an article, a stretch of link lines with a short sentence among them is no article either.
        if draft.body and (draft.has_body or not kept):
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


def _choose_title(titles: list[tuple[ln.Line, int]]) -> ln.Line | None:
    """The headline among the header's headline-like lines."""
    candidates = [(line, n) for line, n in titles if len(ln.words(line.text)) >= MIN_TITLE_WORDS]
    keys = {line.key for line, _ in candidates}
    # "Blog Name | Headline" above the bare "Headline": the bare one is the title.
    candidates = [(line, n) for line, n in candidates if not any(k != line.key and line.key.endswith(k) for k in keys)]
    if not candidates:
        return None
    # Repeated headlines are the surest; then headline case; then the first (a standfirst follows the title).
    return max(candidates, key=lambda t: (t[1] > 1, ln.is_title_case(t[0].text), -t[0].index))[0]


def _finish(draft: Draft, *, header: bool = True) -> Section:
    removed = list(draft.removed)
    title_line = _choose_title(draft.titles)
    body = list(draft.body)
    extra = [line for line, _ in draft.titles if line is not title_line]
    if title_line is None and body:
        # No headline: short lines among the opening lines ("Twitter and ... ?") are the text's own.
        back = [line for line in extra if line.index > body[0].index]
        extra = [line for line in extra if line not in back]
        body = sorted(body + back, key=lambda line: line.index)
    removed += [Removed(line.text, "extra headline") for line in extra]
    if header and title_line is not None:
        # Under a headline, short lines before the first real paragraph are page furniture: app promos,
        # sections, outlet names. Without one they may be the article's own opening, so they stay.
        first = next((i for i, line in enumerate(body) if ln.is_substantial(line.text)), 0)
        removed += [Removed(line.text, "page furniture") for line in body[:first]]
        body = body[first:]
    # Short non-sentences after the last paragraph are link lists and footers, not body.
    while body and not ln.is_body_like(body[-1].text) and _is_link_text(body[-1].text):
        removed.append(Removed(body.pop().text, "trailing headline"))
    removed += [Removed(line.text, "timestamp") for line, _ in draft.stamps]
    # A date stated under the headline is the article's; a blog's date line above it is the fallback.
    dated = [(not titled, ln.first_full_date(line.text)) for line, titled in draft.stamps]
    stated = [date for _, date in sorted(dated, key=lambda d: d[0]) if date]  # stable: page order within each
    return Section(
        title=title_line.text if title_line else None,
        paragraphs=tuple(line.text for line in body),
        captions=tuple(draft.captions),
        removed=tuple(removed),
        authors=tuple(draft.authors),
        stated_dates=tuple(stated),
        caption_dates=tuple(draft.caption_dates),
    )


def _is_link_text(text: str) -> bool:
    """A trailing line that reads like a link or a label rather than a paragraph cut short."""
    return not ln.ends_sentence(text) and (len(ln.words(text)) <= 4 or ln.is_title_case(text, share=0.9))
