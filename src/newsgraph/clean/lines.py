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
#: Words a sentence or headline does not end on (lower case only: "The Year of the Cat" may end on a name).
_OPEN_ENDED = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "into",
    "its", "their", "his", "her", "our", "that", "which", "who", "whose", "was", "were", "is", "are", "be",
}  # fmt: skip


@dataclass(frozen=True)
class Line:
    """A non-blank line of the input, with the number of blank lines just before it."""

    index: int
    text: str
    blanks_before: int
    #: True for a piece cut from the end of the previous line (``unglue``): the two were one line.
    glued: bool = False

    @property
    def key(self) -> str:
        """Normalised form used to spot repeats."""
        return " ".join(self.text.split()).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def debris_reason(text: str) -> str | None:
    """Why this line is page furniture, or None when it may be content."""
    stripped = text.strip()
    n = len(words(stripped))
    # Banners and menus run long, so they are judged before the length limit below.
    if n <= 80 and p.COOKIE_NOTICE.match(stripped):
        return "debris"  # a cookie banner
    joins = len(p.CAMEL_GLUE.findall(stripped))
    # Menu items glued without spaces: many lower-to-upper joins for the words ("FiveThirtyEight" is one).
    if p.NAV_DATE_PREFIX.match(stripped) or (joins >= 3 and joins * 4 >= n and not ends_sentence(stripped)):
        return "debris"  # a glued menu
    if n <= 60 and p.CORRECTION_NOTE.match(stripped):
        return "correction note"
    if n <= 30 and (p.RELATED_LINK.match(stripped) or p.RELATED_LINK_BARE.match(stripped)):
        return "related link"
    if n > 14:
        return None
    if p.WIDGET.match(stripped):
        return "widget"
    if p.LOGO.match(stripped):
        return "debris"
    if p.DEBRIS.match(stripped.rstrip(" .:!>»›")):
        return "debris"
    if p.RELATIVE_TIMESTAMP.match(stripped):
        return "timestamp"
    return None


def is_related_heading(text: str) -> bool:
    """ "More News", "Related Stories": what follows links to other stories."""
    return bool(p.RELATED_HEADING.match(text.strip()))


_TRAILING_NAME = re.compile(r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+$")


def is_name_caption(text: str, following: str) -> bool:
    """A picture's caption that only names who is shown ("Regional police boss Jane Doe", "Jane Doe").

    Told from a headline by the name: it ends the line and the next paragraph names the same person.
    """
    stripped = text.strip()
    if ends_sentence(stripped) or ":" in stripped or not 2 <= len(words(stripped)) <= 10:
        return False
    match = _TRAILING_NAME.search(stripped)
    if match is None or (match.start() > 0 and is_title_case(stripped)):
        return False  # a title-case line is a headline unless it is the name alone
    return match.group(0) in following


def footer_reason(text: str) -> str | None:
    """Why this line closes an article (comment form, paywall, wire credits, post footer), or None."""
    stripped = text.strip()
    if len(words(stripped)) <= 30 and (p.FOOTER.match(stripped) or p.WIRE_CREDIT.match(stripped)):
        return "footer"
    return None


def is_archive_header(text: str) -> bool:
    """ "Tag Archives: X", "Showing posts with label X. Show all posts": a page listing several posts."""
    stripped = text.strip()
    return len(words(stripped)) <= 12 and not ends_sentence(stripped) and bool(p.ARCHIVE_HEADER.match(stripped))


def is_staff_byline(text: str) -> bool:
    return bool(p.STAFF_BYLINE.match(text.strip()))


def caption_label(text: str) -> str | None:
    """The kind ("image", "media") of a label line such as "Image caption," that announces the next line."""
    match = p.CAPTION_LABEL.match(text.strip())
    return match.group("kind").lower() if match else None


def image_source_credit(text: str) -> str | None:
    """The credit of an "Image source, Getty Images" line."""
    match = p.IMAGE_SOURCE.match(text.strip())
    return match.group("credit").strip() if match else None


def is_scene_caption(text: str) -> bool:
    """One short sentence describing a picture ("A border police vehicle parked at a checkpoint on March 3.").

    Only asked of the line right under a headline: there a lede would report ("said", quotes, "on Monday").
    """
    stripped = text.strip()
    return (
        4 <= len(words(stripped)) <= 20
        and stripped.endswith(".")
        and stripped.count(". ") == 0
        and bool(p.SCENE_CAPTION.match(stripped))
        and not p.REPORTING_VERB.search(stripped)
        and not p.WEEKDAY.search(stripped)
    )


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
    n = len(words(stripped))
    # A list of categories may follow the date: that line runs longer than a bare date line.
    return (n <= 14 and bool(p.TIMESTAMP.match(stripped) or p.TIME_ONLY.match(stripped))) or (
        n <= 30 and bool(p.DATED_CATEGORIES.match(stripped))
    )


def is_time_only(text: str) -> bool:
    """A clock time alone ("- 06:18", "0815 PM"): a header's publication time, or a live blog's entry time."""
    return bool(p.TIME_ONLY.match(text.strip()))


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
        return stripped if p.NAME_AGENCY_CREDIT.match(stripped) else None
    if match.group("label"):
        # As in LABELLED_CREDIT, "Credit: Name" credits Name.
        return re.sub(r"^[^:]*:\s*|^\w+(?:\s+credit)?\s+by\s+", "", match.group("label"), count=1).strip()
    return (match.group("paren") or match.group("agency") or match.group("slash")).strip()


def split_credit(text: str) -> Caption | None:
    """A caption with its trailing photo credit split off, or None when the line carries no credit."""
    stripped = text.strip()
    patterns = (
        p.TRAILING_CREDIT, p.BRACKET_CREDIT, p.LABELLED_CREDIT, p.AGENCY_SLASH_CREDIT, p.NAME_SLASH_CREDIT,
        p.PAREN_NAME_CREDIT,
    )  # fmt: skip
    for pattern in patterns:
        match = pattern.search(stripped)
        if match and match.start() > 0:
            caption = stripped[: match.start()].rstrip(" |•·—–-")
            # A bracketed name alone is a weaker sign: it needs a caption in prose in front of it, not a list item.
            if pattern is p.PAREN_NAME_CREDIT and not _is_prose(caption):
                continue
            if len(words(caption)) >= 3:
                return Caption(caption, match.group("credit").strip())
    return None


def dash_credit(text: str) -> Caption | None:
    """A caption whose credit follows a dash ("… in the square. - City Archive"); ask only of repeated lines."""
    stripped = text.strip()
    match = p.DASH_CREDIT.search(stripped)
    if match is None or len(words(stripped[: match.start()])) < 3:
        return None
    return Caption(stripped[: match.start()], match.group("credit"))


def split_photo_label(caption: Caption) -> tuple[Caption, str | None]:
    """A caption without its "- File photo" tail, and that label (None when it has none)."""
    match = p.PHOTO_LABEL.search(caption.text)
    if match is None or match.start() == 0:
        return caption, None
    return Caption(caption.text[: match.start()], caption.credit), match.group("dash") or match.group("paren")


def has_photo_label(text: str) -> bool:
    """Ends in "- File photo" or the like: the line describes a picture."""
    match = p.PHOTO_LABEL.search(text.strip())
    return match is not None and len(words(text[: match.start()])) >= 3


def split_sign_off(text: str) -> tuple[str, str] | None:
    """(paragraph, sign-off) when a paragraph ends in a wire agency's sign-off ("… — AFP")."""
    match = p.SIGN_OFF.search(text)
    if match is None:
        return None
    return text[: match.start()], text[match.start() :].strip()


def _is_prose(text: str) -> bool:
    """Starts with a capital and has several lower-case words: a sentence, not a name or a list entry."""
    lower = [w for w in words(text) if w[0].islower()]
    return text[:1].isupper() and len(words(text)) >= 5 and len(lower) >= 3


def credit_label(text: str, credit: str | None) -> str | None:
    """What a caption or credit line holds around its credit ("| Credit:"), when that has words in it.

    The label is set aside rather than dropped, so every word of the line lands somewhere.
    """
    stripped = text.strip()
    cut = stripped.rfind(credit) if credit else -1
    if cut < 0 or credit is None:
        return None
    rest = stripped[:cut].rstrip()
    # Only the stretch between the caption's last sentence and the credit is a label.
    label = re.split(r"(?<=[.!?”\"])\s*|\s+(?=[|•·—–-]\s)|\s+(?=\()", rest)[-1] if rest else ""
    label = label.strip()
    return label if re.search(r"\w", label) and len(words(label)) <= 3 else None


def looks_like_caption(text: str) -> bool:
    """A caption that says so: "FILE - …", "In this photo …", "… (R) speaking to …"."""
    return bool(p.CAPTION_LEAD.match(text.strip()))


def has_photo_words(text: str) -> bool:
    return bool(p.PHOTO_WORDS.search(text))


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.strip()))


def ends_mid_sentence(text: str) -> bool:
    """Ends on a word that cannot close a sentence or a headline ("… was speaking at"): the text was cut off."""
    last = words(text)[-1:]
    return bool(last) and last[0] in _OPEN_ENDED


#: A desk's tag in front of a headline: "[INTERVIEW]", "[VIDEO]".
_HEADLINE_TAG = re.compile(r"^\[[A-Z][A-Z ]{1,20}\]\s*")


def is_headline_like(text: str) -> bool:
    """Short, not a sentence, and starting with a capital: how headlines look in a text dump."""
    stripped = text.strip()
    n = len(words(stripped))
    if not 2 <= n <= 25 or len(stripped) > 220:
        return False
    opening = _HEADLINE_TAG.sub("", stripped)  # "[INTERVIEW] ‘…’ founder says"
    if not opening or not (opening[0].isupper() or opening[0].isdigit() or opening[0] in "\"“‘'"):
        return False
    return not stripped.endswith((".", ",", ";", ":")) or stripped.endswith("...")


def is_title_case(text: str, *, share: float = 0.75) -> bool:
    """Most content words capitalised, as in "Sheinbaum Says She Rejected Trump's Offer"."""
    content = [w for w in words(text) if w.lower() not in _SMALL_WORDS]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= share


def is_body_like(text: str) -> bool:
    """A paragraph of running text: a finished sentence, or long enough to be one."""
    n = len(words(text))
    return (n >= 6 and ends_sentence(text)) or n >= 25


def is_substantial(text: str) -> bool:
    """A paragraph that proves an article has begun: app promos and taglines are shorter."""
    n = len(words(text))
    return (n >= 10 and ends_sentence(text)) or n >= 25


def first_word(text: str) -> str:
    parts = text.split(None, 1)
    return parts[0] if parts else ""
