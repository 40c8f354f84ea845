"""From drafts to sections: fold stray stretches into their neighbours, choose each title, trim each end.

``split.py`` reads the dump into ``Draft`` articles; what only the whole article shows is decided here:
which header line is the headline, where the opening furniture stops, which trailing lines are links.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.clean import lines as ln
from newsgraph.records import Caption, Removed

#: A title has at least this many words: shorter header lines are outlet names, sections and authors.
MIN_TITLE_WORDS = 4


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
    #: Set by a "More News" heading after the body: headlines that follow link to other stories.
    related: bool = False

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


def fold_teaser(drafts: list[Draft]) -> list[Draft]:
    """A paragraph or two before the first headline, with no title of its own, is a teaser of that article."""
    if len(drafts) < 2 or drafts[0].titles or not drafts[1].titles or not 1 <= len(drafts[0].body) <= 2:
        return drafts
    teaser, first = drafts[0], drafts[1]
    first.removed[:0] = teaser.removed + [Removed(line.text, "teaser") for line in teaser.body]
    first.captions[:0] = teaser.captions
    first.stamps[:0] = [(line, False) for line, _ in teaser.stamps]
    first.authors[:0] = [a for a in teaser.authors if a not in first.authors]
    return drafts[1:]


def fold_bodiless(drafts: list[Draft]) -> list[Draft]:
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


def finish(draft: Draft, *, header: bool = True) -> Section:
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
    paragraphs = []
    for line in body:
        parts = ln.split_sign_off(line.text)
        if parts:
            removed.append(Removed(parts[1], "agency sign-off"))
        paragraphs.append(parts[0] if parts else line.text)
    removed += [Removed(line.text, "timestamp") for line, _ in draft.stamps]
    # A date stated under the headline is the article's; a blog's date line above it is the fallback.
    dated = [(not titled, ln.first_full_date(line.text)) for line, titled in draft.stamps]
    stated = [date for _, date in sorted(dated, key=lambda d: d[0]) if date]  # stable: page order within each
    return Section(
        title=title_line.text if title_line else None,
        paragraphs=tuple(paragraphs),
        captions=tuple(draft.captions),
        removed=tuple(removed),
        authors=tuple(draft.authors),
        stated_dates=tuple(stated),
        caption_dates=tuple(draft.caption_dates),
    )


def _is_link_text(text: str) -> bool:
    """A trailing line that reads like a link or a label rather than a paragraph cut short."""
    if ln.ends_sentence(text) or ln.ends_mid_sentence(text):
        return False  # "Koome was speaking at": a last paragraph cut off by the scrape
    return len(ln.words(text)) <= 4 or ln.is_title_case(text, share=0.9)
