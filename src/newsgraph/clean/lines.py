"""What one line of a scrape is, judged on its own: debris, byline, timestamp, credit, caption, headline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.clean import patterns as p
from newsgraph.records import Caption

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_WORD = re.compile(r"[\w’'-]+")
_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as",
    "is", "vs", "via", "into", "over", "after", "about", "its", "their", "his", "her", "be", "are", "was",
}  # fmt: skip


@dataclass(frozen=True)
class Line:
    """A non-blank line of the input, with the number of blank lines just before it."""

    index: int
    text: str
    blanks_before: int

    @property
    def key(self) -> str:
        """Normalised form used to spot repeats."""
        return " ".join(self.text.split()).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def debris_reason(text: str) -> str | None:
    """Why this line is page furniture, or None when it may be content."""
    stripped = text.strip()
    if len(words(stripped)) > 14:
        return None
    if p.WIDGET.match(stripped):
        return "widget"
    if p.DEBRIS.match(stripped.rstrip(" .:!>»›")):
        return "debris"
    if p.RELATED_LINK.match(stripped):
        return "related link"
    if p.RELATIVE_TIMESTAMP.match(stripped):
        return "timestamp"
    return None


def byline_authors(text: str) -> tuple[str, ...] | None:
    """Authors named by a byline line ("By Jane Doe and John Roe, Reuters"), or None if it is no byline."""
    match = p.BYLINE.match(text.strip())
    if not match or len(words(text)) > 16:
        return None
    names = match.group("names")
    # Drop a trailing date or outlet tail after a pipe or bullet: "By Jane Doe | May 2, 2024".
    names = re.split(r"\s+[|•·]\s+|\s+[-–—]\s+", names)[0]
    parts = [part.strip(" .") for part in p.AUTHOR_SPLIT.split(names) if part.strip(" .")]
    people = tuple(part for part in parts if re.match(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$", part))
    return people or None


def is_timestamp(text: str) -> bool:
    stripped = text.strip()
    return len(words(stripped)) <= 14 and bool(p.TIMESTAMP.match(stripped))


def first_full_date(text: str) -> str | None:
    match = p.FULL_DATE.search(text)
    return match.group(0) if match else None


def credit_only(text: str) -> str | None:
    """The credit when the line is nothing but a photo credit."""
    stripped = text.strip()
    if len(words(stripped)) > 10:
        return None
    match = p.CREDIT_ONLY.match(stripped)
    if not match:
        return None
    return (match.group("paren") or match.group("label") or match.group("agency")).strip()


def split_credit(text: str) -> Caption | None:
    """A caption with its trailing photo credit split off, or None when the line carries no credit."""
    stripped = text.strip()
    for pattern in (p.TRAILING_CREDIT, p.LABELLED_CREDIT, p.AGENCY_SLASH_CREDIT):
        match = pattern.search(stripped)
        if match and match.start() > 0:
            caption = stripped[: match.start()].rstrip(" |•·—–-")
            if len(words(caption)) >= 3:
                return Caption(caption, match.group("credit").strip())
    return None


def looks_like_caption(text: str) -> bool:
    """A caption that says so: "FILE - …", "In this photo …", "… (R) speaking to …"."""
    return bool(p.CAPTION_LEAD.match(text.strip()))


def has_photo_words(text: str) -> bool:
    return bool(p.PHOTO_WORDS.search(text))


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.strip()))


def is_headline_like(text: str) -> bool:
    """Short, not a sentence, and starting with a capital: how headlines look in a text dump."""
    stripped = text.strip()
    n = len(words(stripped))
    if not 2 <= n <= 25 or len(stripped) > 220:
        return False
    if not (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "\"“‘'"):
        return False
    return not stripped.endswith((".", ",", ";", ":")) or stripped.endswith("...")


def is_title_case(text: str) -> bool:
    """Most content words capitalised, as in "Sheinbaum Says She Rejected Trump's Offer"."""
    content = [w for w in words(text) if w.lower() not in _SMALL_WORDS]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= 0.75


def is_body_like(text: str) -> bool:
    """A paragraph of running text: a finished sentence, or long enough to be one."""
    n = len(words(text))
    return (n >= 6 and ends_sentence(text)) or n >= 25
