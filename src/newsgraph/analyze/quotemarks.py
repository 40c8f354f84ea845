"""Quotation marks to quote spans: straight, curly, single and guillemet marks, nesting, and
quotes that run on over paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DOUBLE_OPEN = {"“": "”", "„": "“”", "«": "»", "»": "«"}
_DOUBLE_CLOSE = {"”", "»", "«", "“"}
_SINGLE_OPEN_CHARS = {"‘", "‹"}
_OPEN_CONTEXT = set(" \t([{—–-/\"″“„«‘'")
_CLOSE_CONTEXT = set(" \t.,;:!?)]}—–-\"″”»’'…")
#: Marks that both open and close: the straight double quote, and the double prime some archives use for it.
_STRAIGHT_DOUBLE = {'"', "″"}
_ANY_MARK = re.compile("[\"″“”„«»‘’'‹›`]")


@dataclass
class MarkSpan:
    """Text between a pair of quotation marks; ``start``/``end`` exclude the marks."""

    start: int
    end: int
    double: bool
    closed: bool = True
    children: list[MarkSpan] = field(default_factory=list)
    #: Characters of the opening mark: 2 for ``…'' and ''…''.
    opening: int = 1

    @property
    def outer_start(self) -> int:
        return self.start - self.opening

    @property
    def outer_end(self) -> int:
        return self.end + 1 if self.closed else self.end


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _opening(paragraph: str, start: int) -> int:
    """Characters of the opening mark ending at ``start``: two for a doubled single mark or backtick."""
    doubled = start > 0 and paragraph[start] in "'‘`" and paragraph[start - 1] == paragraph[start]
    return 2 if doubled else 1


def _opens_word(text: str, index: int) -> bool:
    """Whether a word (or an ellipsis before one) starts at ``index``."""
    return index < len(text) and (text[index].isalnum() or text[index] in ".…")


def _ellipsis_follows(text: str, index: int) -> bool:
    """Whether a spaced ellipsis opens the words after the mark at ``index``: “ … what I learned."""
    return text.startswith((" …", " ..."), index + 1)


def find_mark_spans(text: str) -> list[MarkSpan]:
    """Top-level quote spans of ``text`` (nested spans hang off ``children``), paragraph by paragraph.

    A quote left open at a paragraph's end runs to that end (``closed=False``): news style reopens
    it at the next paragraph instead of closing it.
    """
    spans: list[MarkSpan] = []
    offset = 0
    # Some scrapes print every opening mark as an apostrophe: 'We left,” she said.
    apostrophe_opens = bool(_APOSTROPHE_OPENED.search(text))
    for paragraph in text.split("\n"):
        spans += _paragraph_spans(paragraph, offset, apostrophe_opens)
        offset += len(paragraph) + 1
    return spans


#: "the early '80s": an elided century, not an opening mark.
_DECADE = re.compile(r"['’]\d0s\b")
_APOSTROPHE_OPENED = re.compile(r"(?:^|\n)'[A-Z][^\n'”]*”", re.MULTILINE)


def _paragraph_spans(paragraph: str, offset: int, apostrophe_opens: bool = False) -> list[MarkSpan]:
    top: list[MarkSpan] = []
    # Stack of (open index, is double, expected closers).
    stack: list[tuple[int, bool, str, list[MarkSpan]]] = []

    def close(index: int) -> None:
        start, double, _, children = stack.pop()
        span = MarkSpan(offset + start + 1, offset + index, double, True, children, _opening(paragraph, start))
        (stack[-1][3] if stack else top).append(span)

    skip = -1
    straight_closes = False
    for mark in _ANY_MARK.finditer(paragraph):  # only marks matter; looping over every character is slow
        index, ch = mark.start(), mark.group()
        if index == skip:
            continue
        before = paragraph[index - 1] if index else " "
        after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
        open_doubles = [entry for entry in stack if entry[1]]
        if ch == "`":
            if after == "`":
                # ``…'': a typewriter's double quote, opened with two backticks and closed with two apostrophes
                stack.append((index + 1, True, "'\"”", []))
                skip = index + 1
        elif (
            ch in "'‘"
            and after == ch
            and not open_doubles
            and before in _OPEN_CONTEXT
            and _opens_word(paragraph, index + 2)
        ):
            # ''…'' or ‘‘…’’: a double quote typed as two single marks, as some archives and wires print it
            stack.append((index + 1, True, "'’”\"", []))
            skip = index + 1
        elif ch in "'’" and after == ch and open_doubles:
            # ’’ or '' closing a double quote: “… enslave us,’’ the governor said.
            while stack and not stack[-1][1]:
                stack.pop()
            close(index)
            skip = index + 1
        elif ch in _STRAIGHT_DOUBLE:
            if open_doubles and before not in " \t(":
                while stack and not stack[-1][1]:
                    stack.pop()  # a single left open inside is dropped
                close(index)
                straight_closes = True
            elif not after.isspace() or not open_doubles:
                stack.append((index, True, '"”', []))  # scrapes mix styles: "And when he’s …”
        elif (
            ch == "”"
            and not open_doubles
            and (before in _OPEN_CONTEXT or before in ".,:" and after.isupper())
            and (after.isalnum() or after in "‘'…" or _ellipsis_follows(paragraph, index))
        ):
            # a right mark used to open: ”We will…,” he said. (also glued to the sentence before: said.”We)
            stack.append((index, True, "”“", []))
        elif ch == "”" and not open_doubles and any(paragraph[e[0]] == "'" for e in stack):
            # '…”: the opening mark printed as an apostrophe
            while paragraph[stack[-1][0]] != "'":
                stack.pop()
            start, _, _, children = stack.pop()
            stack.append((start, True, "”", children))
            close(index)
        elif ch in _DOUBLE_CLOSE and open_doubles and (ch in stack[-1][2] or any(ch in e[2] for e in open_doubles)):
            while stack and not (stack[-1][1] and ch in stack[-1][2]):
                stack.pop()
            close(index)
        elif ch in _DOUBLE_OPEN and (
            ch not in _DOUBLE_CLOSE
            or not after.isspace()
            or not open_doubles
            and _ellipsis_follows(paragraph, index)
            # “ No one is …”: a left mark with nothing open, spaced from its first word
            or ch == "“"
            and not open_doubles
            and before.isspace()
            and _opens_word(paragraph, index + 2)
        ):
            spaced = after.isspace()  # the quote starts at its first word, past the space
            stack.append((index + spaced, True, _DOUBLE_OPEN[ch], []))
        elif ch in _SINGLE_OPEN_CHARS and not after.isspace():
            stack.append((index, False, "’'›", []))
        elif ch in "'’›":
            if _is_letter(before) and _is_letter(after):
                continue  # an apostrophe: can't, Iran’s
            if stack and not stack[-1][1] and not before.isspace() and after in _CLOSE_CONTEXT:
                close(index)
            elif ch == "'" and before in _OPEN_CONTEXT and _is_letter(after) and not _DECADE.match(paragraph, index):
                stack.append((index, False, "'’", []))
    # Whatever is still open: an unclosed double quote runs to the paragraph end, and so does a single
    # one that opens a sentence, where single marks are the house style (‘We will …).
    while stack:
        start, double, _, children = stack.pop(0)
        curly = "“" in paragraph or "”" in paragraph
        if double and paragraph[start] in _STRAIGHT_DOUBLE and curly and not straight_closes:
            top.extend(children)  # a stray straight mark in a paragraph quoted with curly ones
            continue
        lead = paragraph[:start].rstrip()
        opens_as_quote = paragraph[start] == "‘" or apostrophe_opens and paragraph[start] == "'"
        if double or (opens_as_quote and (not lead or lead[-1] in ".!?")):
            end = len(paragraph.rstrip())
            top.append(MarkSpan(offset + start + 1, offset + end, double, False, children, _opening(paragraph, start)))
            break
        # a single mark never closed opens no quote ("Dr ‘Ana ‘Akau’ola"), but the quotes after it stand
        top.extend(children)
    top.sort(key=lambda s: s.start)
    return top
