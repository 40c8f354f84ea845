"""The role of each line of a scrape: first from its own shape (``lines.py``), then from its neighbours.

A role says what a line is (headline, body, caption, byline, debris…); ``split.py`` then decides,
from where the line stands, which article it belongs to and whether it is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.clean import lines as ln
from newsgraph.clean import patterns as p
from newsgraph.records import Caption

# Roles a line can get from its own shape and its neighbours.
DEBRIS, FOOTER, ARCHIVE, BYLINE, TIMESTAMP, CREDIT, CAPTION, HEADLINE, BODY = (
    "debris", "footer", "archive", "byline", "timestamp", "credit", "caption", "headline", "body",
)  # fmt: skip
LABEL, SOURCE, ALT, COPY = "caption label", "image source", "alt text", "caption copy"
#: Roles of the lines that head an article, under its headline.
HEADER_ROLES = {CAPTION, CREDIT, BYLINE, TIMESTAMP, LABEL, SOURCE, ALT}
#: Roles of lines that are set aside wherever they stand.
SET_ASIDE = {DEBRIS, ARCHIVE, LABEL, SOURCE, ALT, COPY}


@dataclass
class Shape:
    role: str
    reason: str = ""
    caption: Caption | None = None
    authors: tuple[str, ...] = ()
    #: The credit an "Image source," line gives to the labelled caption after it.
    credit: str | None = None


def shape_of(line: ln.Line, occurrences: int) -> Shape:
    text = line.text
    if ln.is_archive_header(text):
        return Shape(ARCHIVE, "archive header")
    if ln.caption_label(text):
        return Shape(LABEL, "caption label")
    credit = ln.image_source_credit(text)
    if credit:
        return Shape(SOURCE, "photo credit", credit=credit)
    reason = ln.footer_reason(text)
    if reason:
        return Shape(FOOTER, reason)
    reason = ln.debris_reason(text)
    if reason:
        return Shape(DEBRIS, reason)
    if ln.is_staff_byline(text):
        return Shape(BYLINE, "byline")
    authors = ln.byline_authors(text)
    if authors:
        return Shape(BYLINE, "byline", authors=authors)
    if ln.is_timestamp(text):
        return Shape(TIMESTAMP, "timestamp")
    credit = ln.credit_only(text)
    if credit:
        return Shape(CREDIT, "photo credit", caption=Caption("", credit))
    caption = ln.split_credit(text) or (ln.dash_credit(text) if occurrences > 1 else None)
    if caption:
        return Shape(CAPTION, caption=caption)
    if ln.looks_like_caption(text) or ln.has_photo_label(text):
        return Shape(CAPTION, caption=Caption(text, None))
    headline = ln.is_headline_like(text)
    # Body paragraphs are not repeated in a scrape; long repeated lines that describe a picture are captions.
    if occurrences > 1 and not headline and (ln.has_photo_words(text) or not ln.ends_sentence(text)):
        return Shape(CAPTION, caption=Caption(text, None))
    # A title-case line that ends on a quotation ("… a “War Crime”") is a headline, not a finished sentence.
    if headline and (not ln.is_body_like(text) or (ln.is_title_case(text) and p.BARE_QUOTE_END.search(text))):
        return Shape(HEADLINE)
    return Shape(BODY)


def shapes_in_context(lines: list[ln.Line], shapes: list[Shape]) -> list[Shape]:
    """Roles that only the neighbours reveal: alt text, labelled captions, a caption's bare copy, a name before its
    byline, a photo line or a pictured person's name under the headline."""
    shapes = list(shapes)
    for i, shape in enumerate(shapes):
        if shape.role == SOURCE and i and lines[i].glued and shapes[i - 1].role in {BODY, HEADLINE, CAPTION}:
            # "…with a flag in the background.Image source, Getty Images": the glued text describes the image.
            shapes[i - 1] = Shape(ALT, "image alt text")
        elif shape.role == LABEL:
            j = next_kept(shapes, i)
            if j is not None and shapes[j].role in {BODY, HEADLINE, CAPTION}:
                # An "Image caption," label takes the credit of the "Image source," line just above it.
                sources = [s for s in shapes[max(0, i - 3) : i] if s.role == SOURCE]
                credit = sources[-1].credit if sources and ln.caption_label(lines[i].text) == "image" else None
                held = shapes[j].caption
                if held is None or held.credit is None:
                    shapes[j] = Shape(CAPTION, caption=Caption(lines[j].text, credit))
        elif shape.role == CAPTION and shape.caption is not None and shape.caption.credit:
            # The caption shown bare next to its credited copy ("… today." then "… today.Credit: X"): one caption.
            key = " ".join(shape.caption.text.split()).casefold()
            for j in (previous_kept(shapes, i), next_kept(shapes, i)):
                if j is not None and shapes[j].role in {BODY, HEADLINE, CAPTION} and lines[j].key == key:
                    shapes[j] = Shape(COPY, "repeated caption")
        elif shape.role == BYLINE:
            names = {a.casefold() for a in shape.authors} | {" and ".join(shape.authors).casefold()}
            for j in range(max(0, i - 3), i):
                if shapes[j].role in {HEADLINE, BODY} and lines[j].key in names:
                    shapes[j] = Shape(BYLINE, "byline")
    for i, shape in enumerate(shapes):
        if shape.role != HEADLINE:
            continue
        # A one-sentence scene description right under a headline, before the lede, is a photo caption.
        j = next_kept(shapes, i)
        k = next_kept(shapes, j) if j is not None else None
        if (
            j is not None
            and k is not None
            and shapes[j].role == BODY
            and shapes[k].role == BODY
            and ln.is_scene_caption(lines[j].text)
            and ln.is_substantial(lines[k].text)
        ):
            shapes[j] = Shape(CAPTION, caption=Caption(lines[j].text, None))
    for k, shape in enumerate(shapes):
        # A line naming the person pictured, between the header and the lede that names them, is a caption.
        j = previous_kept(shapes, k) if shape.role == BODY and ln.is_substantial(lines[k].text) else None
        i = previous_kept(shapes, j) if j is not None else None
        if (
            i is not None
            and j is not None
            and shapes[j].role == HEADLINE
            and shapes[i].role in HEADER_ROLES | {HEADLINE, BODY}
            and not ln.is_substantial(lines[i].text)  # still in the header: no paragraph yet
            and ln.is_name_caption(lines[j].text, lines[k].text)
        ):
            shapes[j] = Shape(CAPTION, caption=Caption(lines[j].text, None))
    return shapes


def previous_kept(shapes: list[Shape], position: int) -> int | None:
    """The last line before ``position`` that is not debris."""
    for j in range(position - 1, max(-1, position - 4), -1):
        if shapes[j].role != DEBRIS:
            return j
    return None


def next_kept(shapes: list[Shape], position: int) -> int | None:
    """The next line after ``position`` that is not debris."""
    for j in range(position + 1, min(len(shapes), position + 4)):
        if shapes[j].role != DEBRIS:
            return j
    return None
