"""Split a text scrape into articles and sort every line into title, body, caption or removed.

The dump is first mended (``strip_markup`` turns stray HTML tags into paragraph breaks, ``unwrap``
rejoins hard-wrapped paragraphs, ``unglue`` cuts glued ones), then read top to bottom. Each line
gets a role (``roles.py``) from its own shape, corrected by its neighbours (a caption label names
the next line a caption); then its place decides: a headline that repeats, or that is followed by
captions, a byline or a timestamp, starts a new article once the current one has a body; a repeated
line keeps one copy; after a footer (comment form, paywall, wire credits) the rest of the article
is page furniture. ``sections.py`` then finishes each article.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator

from newsgraph.clean import lines as ln
from newsgraph.clean.markup import strip_markup
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
    previous_kept,
    shape_of,
    shapes_in_context,
)
from newsgraph.clean.sections import MIN_TITLE_WORDS, Draft, Section, finish, fold_bodiless, fold_teaser
from newsgraph.clean.unglue import unglue
from newsgraph.clean.unwrap import unwrap
from newsgraph.records import Caption, Removed

#: A short headline-like line inside a body is a crosshead ("Budget and Taxes") and stays in it.
CROSSHEAD_WORDS = 6
#: On archive pages each headline may open a post, so only very short lines are crossheads.
ARCHIVE_CROSSHEAD_WORDS = 3


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
    lines = unglue(unwrap(list(iter_lines(strip_markup(text)))))
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
        elif repeat and role == BODY and _set_aside_as_teaser(draft, line):
            draft.body.append(line)  # the lede the page also showed as a teaser above the repeated headline
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
                    # Related links are often shown twice: under "More News" a repeat opens an article only
                    # when a paragraph follows it.
                    (counts[line.key] > 1 and (not draft.related or _followed_by_paragraph(lines, shapes, position)))
                    or _followed_by_header(shapes, position)
                    or line.blanks_before > max(usual_gap, 1)
                    or (archive and n_words >= MIN_TITLE_WORDS and _followed_by_text(shapes, position))
                )
            )
            if starts_article and (
                _titles_a_picture(lines, shapes, position) or _story_goes_on(lines, shapes, position)
            ):
                # "Pedestrians wear masks in the city centre" right above a credited caption, in the middle
                # of a story: the picture's own title, not a new article's headline
                draft.removed.append(Removed(line.text, "caption title"))
            elif starts_article:
                drafts.append(Draft(titles=[(line, counts[line.key])]))
                _carry_header(draft, drafts[-1])
            elif draft.footer:
                draft.removed.append(Removed(line.text, "footer"))
            elif not draft.has_body and known_key is None:
                draft.titles.append((line, counts[line.key]))
            elif draft.related:
                draft.removed.append(Removed(line.text, "related headline"))
            elif n_words <= (ARCHIVE_CROSSHEAD_WORDS if archive else CROSSHEAD_WORDS):
                draft.body.append(line)  # a crosshead
            elif ln.is_title_case(line.text, share=0.9) or _between_paragraphs(lines, shapes, position):
                # A link to another story; a line cut off mid-sentence ("Rep. Jane Doe, who sits on the") is not one.
                draft.removed.append(Removed(line.text, "unrelated headline"))
            else:
                draft.body.append(line)  # a short paragraph
        elif role in SET_ASIDE:
            draft.removed.append(Removed(line.text, shape.reason))
            draft.related = draft.related or (draft.has_body and ln.is_related_heading(line.text))
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
            caption, photo_label = ln.split_photo_label(shape.caption)
            draft.captions.append(caption)
            label = ln.credit_label(line.text, shape.caption.credit)
            if label:
                draft.removed.append(Removed(label, "photo credit"))
            if photo_label:
                draft.removed.append(Removed(photo_label, "caption label"))
            date = ln.first_full_date(shape.caption.text)
            if date:
                draft.caption_dates.append(date)
        else:
            draft.body.append(line)
            draft.related = False
    if split:
        drafts = fold_teaser(drafts)
    return [finish(d, header=split) for d in fold_bodiless(drafts)]


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


def _titles_a_picture(lines: list[ln.Line], shapes: list[Shape], position: int) -> bool:
    """A short line set right on top of a credited caption, with a paragraph straight after the caption
    and no byline or timestamp of its own: a picture's title inside a story."""
    caption = position + 1
    if caption >= len(lines) or shapes[caption].role != CAPTION or lines[caption].blanks_before:
        return False
    caption_shape = shapes[caption].caption
    after = next_kept(shapes, caption)
    return (
        caption_shape is not None
        and caption_shape.credit is not None
        and len(ln.words(lines[position].text)) <= _PICTURE_TITLE_WORDS
        and after is not None
        and shapes[after].role == BODY
    )


def _story_goes_on(lines: list[ln.Line], shapes: list[Shape], position: int) -> bool:
    """A line followed by "She continued: …" is a caption inside the story: no article opens so."""
    after = next_kept(shapes, position)
    return after is not None and shapes[after].role == BODY and _GOES_ON.match(lines[after].text) is not None


_GOES_ON = re.compile(r"(?:He|She|They)\s+(?:\w+\s+)?(?:said|says|added|adds|continued|explained|went on)\b")
#: A picture's title is a short line: "Pedestrians wear masks in the city centre".
_PICTURE_TITLE_WORDS = 10


def _between_paragraphs(lines: list[ln.Line], shapes: list[Shape], position: int) -> bool:
    """A sentence-case headline alone between two finished paragraphs is a link to another story.

    A line of the text itself would end in a stop, or be cut off ("… who sits on the"), or be one of a list.
    """
    text = lines[position].text
    if ln.ends_sentence(text) or ln.ends_mid_sentence(text):
        return False
    i, j = previous_kept(shapes, position), next_kept(shapes, position)
    return (
        i is not None
        and j is not None
        and shapes[i].role == BODY == shapes[j].role
        and ln.is_body_like(lines[i].text)
        and ln.ends_sentence(lines[i].text)
        and ln.is_substantial(lines[j].text)
        and lines[j].text[:1].isupper()
    )


def _followed_by_paragraph(lines: list[ln.Line], shapes: list[Shape], position: int) -> bool:
    j = next_kept(shapes, position)
    return j is not None and shapes[j].role == BODY and ln.is_substantial(lines[j].text)


def _followed_by_text(shapes: list[Shape], position: int) -> bool:
    """A headline can only open a post if some text follows it (the last line of a cut-off page cannot)."""
    j = next_kept(shapes, position)
    return j is not None and shapes[j].role not in {FOOTER, ARCHIVE}


def _repeats_title(draft: Draft, line: ln.Line) -> bool:
    return any(title.key == line.key for title, _ in draft.titles)


def _set_aside_as_teaser(draft: Draft, line: ln.Line) -> bool:
    return any(r.reason == "teaser" and " ".join(r.text.split()).casefold() == line.key for r in draft.removed)


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
