"""Rejoin paragraphs that a scrape hard-wrapped at a fixed width (~100 characters a line).

A wrapped dump has no line much longer than its width and many lines just under it. A line was
broken by the wrapper, not by the author, when the next line's first word would not have fitted
on it, or when the next line carries on in lower case.
"""

from __future__ import annotations

from newsgraph.clean.lines import Line, ends_sentence, first_word

#: Wrap widths seen in dumps; a text whose lines run longer was not wrapped.
MAX_WIDTH = 150
MIN_WIDTH = 50
#: Hand-wrapped or re-flowed text is ragged: a line may stop this share of the width early.
RAGGED = 0.85
#: A line this long is prose, not a headline, a menu item or a label.
_PROSE_CHARS = 80


def wrap_width(lines: list[Line]) -> int | None:
    """The width the text was wrapped at, or None when it was not wrapped."""
    lengths = [len(line.text) for line in lines]
    if len(lengths) < 4:
        return None
    fitting = [n for n in lengths if n <= MAX_WIDTH]
    # A few long lines (a caption, a menu) may escape the wrapper; most lines may not.
    if not fitting or len(lengths) - len(fitting) > max(1, len(lengths) // 10):
        return None
    width = max(fitting)
    near = {line.text for line in lines if RAGGED * width <= len(line.text) <= width}
    if width < MIN_WIDTH or len(near) < 3:
        return None
    return width


def unwrap(lines: list[Line]) -> list[Line]:
    """Lines with wrapped paragraphs joined back into one line each; also a sentence broken over
    paragraphs, which no width tells: "…, he said, declining to¶¶disclose the terms."."""
    width = wrap_width(lines)
    out: list[Line] = []
    tail = 0  # length of the last physical line of out[-1]: a joined paragraph is judged by where it last broke
    for line in lines:
        previous = out[-1] if out else None
        if previous is not None and (
            _broken_sentence(previous.text, line.text)
            or width is not None
            and line.blanks_before == 0
            and _was_wrapped(previous.text, tail, line.text, width)
        ):
            out[-1] = Line(previous.index, f"{previous.text} {line.text}", previous.blanks_before, previous.glued)
        else:
            out.append(line)
        tail = len(line.text)
    return out


def _broken_sentence(text: str, following: str) -> bool:
    """A line of prose that stops mid-sentence, and a next line that carries on in lower case."""
    return (
        following[:1].islower()
        and len(text) >= _PROSE_CHARS
        and (text.rstrip()[-1:].isalpha() or text.rstrip().endswith(","))
        and not ends_sentence(text)
    )


def _was_wrapped(text: str, tail: int, following: str, width: int) -> bool:
    if tail < width // 2 or tail > width:
        return False
    if following[:1].islower():
        return True
    needed = tail + 1 + len(first_word(following))
    if ends_sentence(text):
        # A break after a full stop is a paragraph end unless the next word really could not fit.
        return needed > width
    return needed > RAGGED * width
