"""Score direct quotes and their speakers on hand-annotated real pages.

Each page is a text file (``NAME.txt``, a scrape as it was stored) with its annotation beside it
(``NAME.gold.json``); text files without one are skipped. The annotation lists every quote with its
speaker as a careful reader resolves it::

    {"url": "...", "truncated": false,
     "articles": [{"title": "...", "quotes": [
         {"text": "words inside the marks", "kind": "direct", "speaker": "Maria Lopez"}]}],
     "omitted_truncated_quotes": ["a quote the stored page cuts off"]}

Only ``direct`` quotes of the body count (not ``mixed`` ones, nor those with a ``location`` such as a
title or a caption). A gold quote is **found** by the first predicted direct quote whose text, as
lower-case words, equals it, or holds it (starting with it, being at most twice as long, or at any
place for a quote the gold marks as a ``part``, ``split`` or ``continuation``), or is more than half
of it. A predicted quote no gold quote finds is a false positive, unless it is one the annotation
leaves out because the stored page cuts it off. Among found quotes with a gold speaker:

* **strict** (the figure issue 3's done-line uses): the names are equal as lower-case words after a
  leading "the", "a", "an", "one" or "another"; a role of a body matches in either order
  ("spokesman for X" = "X spokesman");
* **looser**: also when one name's words hold the other's, articles, "his", "these" and the like,
  and "of", "for", "and" aside ("Te Rito" in "Tai Te Rito", "resident" in "Soweto resident", "his
  colleague" in "car wash employee's colleague"). It still tells "Saraswati Humagain"
  from "Prakash Humagain".

The pages themselves are third-party text: they are kept outside the repository.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsgraph.errors import ReadError
from newsgraph.records import Article, Quote

__all__ = ["evaluate_pages", "looser_speaker", "strict_speaker"]

_SOME = re.compile(r"\s*\((?:anonymous|some)\)")
_LEADING = re.compile(r"^(?:the|a|an|one|another) ")
_FILLER = frozenset({"for", "of", "with", "at", "from", "the"})
_DETERMINER = re.compile(r"^(?:some|these|those|his|her|their|its) ")
_LOOSE_FILLER = frozenset({"the", "of", "for", "and", "in", "at", "from", "with", "a", "an"})


def _words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").replace("’", "'").lower()))


def _bare(name: str | None) -> str:
    return _LEADING.sub("", _words(_SOME.sub("", name or "")))


def strict_speaker(predicted: str | None, gold: str | None) -> bool:
    """The done-line's match: equal names, a body's role in either order."""
    if _bare(predicted) == _bare(gold):
        return True
    if not predicted or not gold:
        return False
    return sorted(w for w in _bare(predicted).split() if w not in _FILLER) == sorted(
        w for w in _bare(gold).split() if w not in _FILLER
    )


def looser_speaker(predicted: str | None, gold: str | None) -> bool:
    """``strict_speaker``, or one name's words holding the other's."""
    if strict_speaker(predicted, gold):
        return True
    mine = {w for w in _DETERMINER.sub("", _bare(predicted)).split() if w not in _LOOSE_FILLER}
    theirs = {w for w in _DETERMINER.sub("", _bare(gold)).split() if w not in _LOOSE_FILLER}
    return bool(mine) and bool(theirs) and (mine <= theirs or theirs <= mine)


def _finds(gold: dict[str, Any], predicted: str) -> bool:
    want, got = _words(gold["text"]), _words(predicted)
    if not want:
        return False
    piece = gold.get("part") or gold.get("split") or gold.get("continuation")
    if want == got:
        return True
    if want in got and (piece or got.startswith(want) or len(want) > 0.5 * len(got)):
        return True
    return got in want and len(got) > 0.5 * len(want)


def _gold_quotes(gold: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        q
        for article in gold.get("articles", [])
        for q in article.get("quotes", [])
        if q.get("kind") == "direct" and not q.get("location")
    ]


def _omitted(gold: dict[str, Any]) -> list[str]:
    cut = list(gold.get("omitted_truncated_quotes", []))
    cut += [q for article in gold.get("articles", []) for q in article.get("omitted_truncated_quotes", [])]
    return [_words(q) for q in cut]


def score_page(articles: Iterable[Article], gold: dict[str, Any], page: str) -> dict[str, Any]:
    """Counts and misses for one page's extracted ``articles`` against its annotation."""
    predicted: list[Quote] = [q for article in articles for q in article.quotes if q.kind == "direct"]
    counts = {"found": 0, "missed": 0, "false_positives": 0, "speakers": 0, "strict": 0, "looser": 0}
    misses: list[dict[str, Any]] = []
    used: set[int] = set()
    for quote in _gold_quotes(gold):
        piece = quote.get("part") or quote.get("split") or quote.get("continuation")
        at = next(
            (i for i, q in enumerate(predicted) if (piece or i not in used) and _finds(quote, q.text)),
            None,
        )
        if at is None:
            counts["missed"] += 1
            misses.append({"page": page, "problem": "missed", "text": quote["text"], "gold": quote.get("speaker")})
            continue
        used.add(at)
        counts["found"] += 1
        if quote.get("speaker") is None:
            continue
        name = predicted[at].speaker.name
        counts["speakers"] += 1
        counts["strict"] += strict_speaker(name, quote["speaker"])
        counts["looser"] += looser_speaker(name, quote["speaker"])
        if not strict_speaker(name, quote["speaker"]):
            misses.append({"page": page, "problem": "speaker", "text": quote["text"], "gold": quote["speaker"],
                           "got": name})  # fmt: skip
    omitted = _omitted(gold)
    for i, quote in enumerate(predicted):
        words = _words(quote.text)
        if i in used or any(o and (words[:40] in o or o[:40] in words) for o in omitted):
            continue
        counts["false_positives"] += 1
        misses.append({"page": page, "problem": "false positive", "text": quote.text, "got": quote.speaker.name})
    return {**counts, "misses": misses}


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def evaluate_pages(folders: Iterable[Path]) -> dict[str, Any]:
    """Direct-quote precision and recall and speaker accuracy over every annotated page in ``folders``."""
    import newsgraph  # spaCy loads only when pages are scored

    totals = {"pages": 0, "found": 0, "missed": 0, "false_positives": 0, "speakers": 0, "strict": 0, "looser": 0}
    misses: list[dict[str, Any]] = []
    errors: list[str] = []
    for folder in folders:
        for text_path in sorted(folder.rglob("*.txt")):
            gold_path = text_path.with_name(text_path.name[: -len(".txt")] + ".gold.json")
            if not gold_path.exists():
                continue
            try:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                articles = newsgraph.extract(text_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                # one unreadable page is reported and skipped; the others still count
                errors.append(str(ReadError(str(gold_path), f"could not be scored ({exc})")))
                continue
            page = str(text_path)
            result = score_page(articles, gold, page)
            misses += result.pop("misses")
            totals["pages"] += 1
            for key, value in result.items():
                totals[key] += value
    found, predicted_total = totals["found"], totals["found"] + totals["false_positives"]
    return {
        **totals,
        "direct_precision": _ratio(found, predicted_total),
        "direct_recall": _ratio(found, found + totals["missed"]),
        "speaker_strict": _ratio(totals["strict"], totals["speakers"]),
        "speaker_looser": _ratio(totals["looser"], totals["speakers"]),
        "misses": misses,
        "errors": errors,
    }
