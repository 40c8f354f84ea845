"""HTML tags left in a text dump ("<p>Rain fell.</p>.<p>“We are stuck,” …"): block tags end a
paragraph, inline tags go and character references are decoded. A dump with one stray tag is left
alone; it is prose that mentions a tag, not markup."""

from __future__ import annotations

import html
import re

_BLOCK_TAG = re.compile(
    r"[ \t]*</?(?:p|div|br|h[1-6]|li|ul|ol|blockquote|section|article|header|footer|figure|figcaption|tr|td|table)"
    r"\b[^<>]*>[ \t]*(?:\.(?=[ \t]*<))?",
    re.IGNORECASE,
)
_INLINE_TAG = re.compile(
    r"</?(?:a|strong|b|em|i|u|span|font|small|sup|sub|mark|abbr|cite|q|time)\b[^<>]*>", re.IGNORECASE
)
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
#: Fewer block tags than this is prose that mentions a tag.
MIN_BLOCK_TAGS = 3


def strip_markup(text: str) -> str:
    """``text`` with its HTML block tags turned into paragraph breaks and its inline tags removed."""
    if len(_BLOCK_TAG.findall(text)) < MIN_BLOCK_TAGS:
        return text
    # "</p>.<p>": some scrapers join paragraphs with a full stop
    text = _BLOCK_TAG.sub("\n\n", text)
    text = html.unescape(_INLINE_TAG.sub("", text))
    return _BLANK_LINES.sub("\n\n", text).strip("\n")
