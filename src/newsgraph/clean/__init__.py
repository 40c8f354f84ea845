"""Clean stage: split scrapes into articles, keep one copy of repeated lines, set aside captions and debris."""

from __future__ import annotations

import re

from newsgraph.clean.dates import to_iso
from newsgraph.clean.extracted import clean_extracted
from newsgraph.clean.sections import Section
from newsgraph.clean.split import split_scrape
from newsgraph.records import CleanArticle, RawDocument

PARAGRAPH_SEPARATOR = "\n\n"
#: A scrape's runs of spaces inside a line ("The Prime  Minister  said"): the tagger reads each extra space as
#: a word of its own, which splits names and titles.
_SPACE_RUN = re.compile(r"[ \t]{2,}")


def _body(paragraphs: list[str] | tuple[str, ...]) -> str:
    return PARAGRAPH_SEPARATOR.join(_SPACE_RUN.sub(" ", paragraph) for paragraph in paragraphs)


def clean_document(raw: RawDocument, *, as_is: bool = False) -> list[CleanArticle]:
    """The articles in one raw document.

    Text dumps are split into articles; bodies already extracted (HTML, JSONL) are one article and
    only lose debris lines. With ``as_is`` the text is kept unchanged, so offsets index the input.
    """
    text = raw.text or ""
    if as_is:
        return [
            CleanArticle(
                source=raw.source, text=text, title=raw.title, published=to_iso(raw.published),
                authors=raw.authors, outlet=raw.outlet,
            )
        ]  # fmt: skip
    if raw.extracted:
        paragraphs, captions, removed = clean_extracted(text, raw.captions)
        return [
            CleanArticle(
                source=raw.source, text=_body(paragraphs), title=raw.title,
                published=to_iso(raw.published), authors=raw.authors, outlet=raw.outlet,
                captions=tuple(captions), removed=tuple(removed),
            )
        ]  # fmt: skip
    sections = split_scrape(text, split=raw.title is None, known_title=raw.title)
    return [_article(raw, section) for section in sections]


def _article(raw: RawDocument, section: Section) -> CleanArticle:
    stated = [iso for iso in map(to_iso, section.stated_dates) if iso]
    hints = [iso for iso in map(to_iso, section.caption_dates) if iso]
    return CleanArticle(
        source=raw.source,
        text=_body(section.paragraphs),
        title=raw.title or section.title,
        published=to_iso(raw.published) or (stated[0] if stated else None),
        authors=raw.authors or section.authors,
        outlet=raw.outlet,
        captions=section.captions,
        removed=section.removed,
        hint_dates=tuple(hints),
    )


__all__ = ["clean_document"]
