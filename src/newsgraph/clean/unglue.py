"""Cut lines that a scrape glued together with no separator into the pieces they were.

Scrapers that drop tags without adding a break glue a paragraph to the next ("weapon.He said"),
an image's alt text to its credit ("…background.Image source, Getty Images"), a label to its
caption ("Media captionPM on …"), a photo credit to the dateline ("…/AFP/Getty Images(PARIS) --") or to
the lede ("Ann Roe/FOXMira Holt, …"), a related link to the sentence after it ("Live: Reaction to the
interviewAsked …") and a page's date stamp to the lead ("date 2025-02-04 Ilse Varga said …").
Every character stays in exactly one piece, so nothing is lost.
"""

from __future__ import annotations

import re

from newsgraph.clean import patterns as p
from newsgraph.clean.lines import Line

# Sentence end glued to a capitalised word: "Monday.He", "deal”.He", "found.”He", "offer”.”We".
_SENTENCE_GLUE = re.compile(r"(?:(?<=[a-z]{2})|(?<=[a-z0-9%][”’\")]))[.!?](?=[“”\"‘’]?[A-Z][a-z’'])")
_QUOTES = '“”"‘’'
# A label glued to the caption it introduces: "Media captionPM on …".
_LABEL_GLUE = re.compile(r"^(?:image|media|video|photo) caption,?(?=[^\s,])", re.IGNORECASE)
# Alt text glued to the image credit line that follows it.
_SOURCE_GLUE = re.compile(r"(?<=\S)(?=(?:Image|Picture|Photo) source\s*[,:])")
# A related-story link glued to the next sentence: the link text runs up to the first lower-to-upper join.
_LINK_LEAD = re.compile(
    r"^(?:live|read more|read also|also read|related|see also|watch|listen|more on this story)\s*:", re.IGNORECASE
)
# A credit glued to its caption ("… today.Credit: Jane Doe") stays on the caption's line: split_credit takes it off.
_CREDIT_AHEAD = re.compile(r"(?:Credit|Photo(?: credit)?|Picture|Pic)\s*:")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_URL_WORD = re.compile(r"(?:www|https?|/|@)\S*$")


def unglue(lines: list[Line]) -> list[Line]:
    """Each line cut into its glued pieces; pieces after the first are marked ``glued``."""
    out: list[Line] = []
    for line in lines:
        for number, piece in enumerate(cut(line.text)):
            out.append(Line(line.index, piece, line.blanks_before if number == 0 else 0, glued=number > 0))
    return out


def cut(text: str) -> list[str]:
    """The pieces of one line, in order; one piece when nothing was glued."""
    pieces: list[str] = []
    rest = text
    while rest:
        head, rest = _first_piece(rest)
        pieces.append(head)
    return [piece.strip() for piece in pieces if piece.strip()]


def _first_piece(text: str) -> tuple[str, str]:
    """The first glued piece of ``text`` and what follows it."""
    credit = p.GLUED_CREDIT.match(text) or p.GLUED_NAME_CREDIT.match(text)
    if credit:
        return text[: credit.end()], text[credit.end() :]
    dated = p.NAV_DATE_PREFIX.match(text.lstrip())
    if dated and len(p.CAMEL_GLUE.findall(text)) < 3:
        # "date 2025-02-04 Ilse Varga said …": a page's date stamp glued to the lead, not to a menu
        end = len(text) - len(text.lstrip()) + dated.end()
        return text[:end], text[end:]
    label = _LABEL_GLUE.match(text)
    if label:
        return text[: label.end()], text[label.end() :]
    link = _LINK_LEAD.match(text)
    if link:
        join = _CAMEL.search(text, link.end())
        stop = _sentence_cut(text)
        # The link text has a space in it: "Live: McDonald’s" is no join.
        if join and " " in text[link.end() : join.start()].strip() and (stop is None or join.start() < stop):
            return text[: join.start()], text[join.start() :]
    cuts = [c for c in (_sentence_cut(text), _source_cut(text)) if c is not None]
    if not cuts:
        return text, ""
    end = min(cuts)
    return text[:end], text[end:]


def _source_cut(text: str) -> int | None:
    match = _SOURCE_GLUE.search(text)
    return match.start() if match else None


def _sentence_cut(text: str) -> int | None:
    """Where the first glued sentence boundary falls: after the stop, or after a closing quote that follows it."""
    for match in _SENTENCE_GLUE.finditer(text):
        before = text[: match.start()]
        if _URL_WORD.search(before):
            continue  # "www.Example" is an address, not two sentences
        if _CREDIT_AHEAD.match(text, match.end()):
            continue
        after = match.end()
        if text[after] in _QUOTES and _quote_open(before):
            after += 1  # the quote closes the sentence: "found.”He"
        return after
    return None


def _quote_open(text: str) -> bool:
    """Whether a quotation opened in ``text`` is still open at its end."""
    if text.count("“") > text.count("”"):
        return True
    if text.count('"') % 2 == 1:
        return True
    # Right single marks double as apostrophes ("Let’s"): count only those not inside a word.
    closing = len(re.findall(r"’(?!\w)", text))
    return text.count("‘") > closing
