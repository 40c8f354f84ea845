"""Score quotes on the hand-made seed gold (``seed-news.gold.json`` beside ``seed-news.txt``).

The input runs through normal extraction (``newsgraph.extract``); predicted articles pair with
gold articles in order. Within an article, each gold quote takes at most one predicted quote and
the other way round: exact text matches first, then the best token F1. A gold quote is:

* **found** when a predicted quote's text equals it after whitespace normalisation, or their
  case-folded ``\\w+`` token bags overlap with precision and recall both >= 0.5;
* **speaker** right when the resolved speaker name equals the gold one, case-insensitively,
  ignoring a leading "the" and the apostrophe style;
* **cue** right when either cue text contains the other (case-insensitive);
* **kind** right when the kinds are equal;
* **via** right (only counted when the gold has ``via``) when the names are equal as speakers are.

Stretch and non-stretch quotes are counted separately. Every gold quote with a problem is
listed in ``misses``.

>>> from pathlib import Path
>>> evaluate_quotes_seed(Path("../shared/samples"))["non_stretch"]["found"]  # doctest: +SKIP
18
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsgraph.errors import ReadError
from newsgraph.records import Article, Quote

__all__ = ["GOLD_FILE", "evaluate_quotes_seed", "judge_article", "same_name", "text_match"]

GOLD_FILE = "seed-news.gold.json"
_WORD = re.compile(r"\w+")
CHECKS = ("found", "speaker", "cue", "kind")


def _normal(text: str) -> str:
    return " ".join(text.split())


def _bag(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(text))


def text_match(predicted: str, gold: str) -> tuple[bool, float]:
    """Whether ``predicted`` finds ``gold``, and how well (1.0 for equal text, else token F1)."""
    if _normal(predicted) == _normal(gold):
        return True, 1.0
    pred, want = _bag(predicted), _bag(gold)
    shared = sum((pred & want).values())
    if not shared:
        return False, 0.0
    precision, recall = shared / sum(pred.values()), shared / sum(want.values())
    f1 = 2 * precision * recall / (precision + recall)
    return precision >= 0.5 and recall >= 0.5, min(f1, 0.999)


def _bare(name: str | None) -> str:
    name = " ".join((name or "").replace("’", "'").replace("‘", "'").casefold().split())
    return re.sub(r"^the\s+", "", name)


def same_name(predicted: str | None, gold: str | None) -> bool:
    """Speaker names agree: case-insensitive, without a leading "the", any apostrophe style."""
    return bool(predicted) and _bare(predicted) == _bare(gold)


def _same_cue(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    pred, want = _normal(predicted).casefold(), _normal(gold).casefold()
    return want in pred or pred in want


def _pair(predicted: Sequence[Quote], gold: Sequence[dict[str, Any]]) -> dict[int, int]:
    """Gold index -> predicted index, one-to-one, best matches first."""
    candidates = []
    for g, want in enumerate(gold):
        for p, quote in enumerate(predicted):
            ok, quality = text_match(quote.text, want["text"])
            if ok:
                candidates.append((-quality, g, p))
    candidates.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in candidates:
        if g not in pairs and p not in used:
            pairs[g] = p
            used.add(p)
    return pairs


def judge_article(article: Article, gold: dict[str, Any]) -> list[dict[str, Any]]:
    """One verdict per gold quote: the checks that passed or failed, and what was predicted."""
    quotes = gold.get("quotes") or []
    pairs = _pair(article.quotes, quotes)
    verdicts = []
    for g, want in enumerate(quotes):
        verdict: dict[str, Any] = {
            "text": want["text"],
            "gold_kind": want["kind"],
            "stretch": bool(want.get("stretch")),
        }
        found = article.quotes[pairs[g]] if g in pairs else None
        verdict["found"] = found is not None
        verdict["speaker"] = found is not None and same_name(found.speaker.name, want["speaker"])
        verdict["cue"] = found is not None and _same_cue(found.cue.text if found.cue else None, want["cue"])
        verdict["kind"] = found is not None and found.kind == want["kind"]
        if want.get("via"):
            verdict["via"] = found is not None and same_name(found.via, want["via"])
        problems = []
        if found is None:
            problems.append("not found")
        else:
            if not verdict["speaker"]:
                problems.append(f"speaker: got {found.speaker.name!r}, want {want['speaker']!r}")
            if not verdict["cue"]:
                problems.append(f"cue: got {found.cue.text if found.cue else None!r}, want {want['cue']!r}")
            if not verdict["kind"]:
                problems.append(f"kind: got {found.kind!r}, want {want['kind']!r}")
            if verdict.get("via") is False:
                problems.append(f"via: got {found.via!r}, want {want['via']!r}")
        verdict["problems"] = problems
        if found is not None and problems:
            verdict["predicted"] = found.text
        verdicts.append(verdict)
    return verdicts


def _totals(verdicts: list[dict[str, Any]]) -> dict[str, Any]:
    totals: dict[str, Any] = {"quotes": len(verdicts)}
    totals.update({check: sum(1 for v in verdicts if v[check]) for check in CHECKS})
    with_via = [v for v in verdicts if "via" in v]
    totals["via"] = {"gold": len(with_via), "right": sum(1 for v in with_via if v["via"])}
    kinds = sorted({v["gold_kind"] for v in verdicts})
    totals["by_kind"] = {
        kind: {
            check: sum(1 for v in verdicts if v["gold_kind"] == kind and (check == "quotes" or v[check]))
            for check in ("quotes", *CHECKS)
        }
        for kind in kinds
    }
    return totals


def evaluate_quotes_seed(data_dir: Path) -> dict[str, Any]:
    """Extract ``seed-news.txt`` and check every gold quote (see the module docstring)."""
    from newsgraph.pipeline import extract  # spaCy loads only when extraction runs

    gold_path = data_dir / GOLD_FILE
    if not gold_path.is_file():
        raise ReadError(str(data_dir), f"no {GOLD_FILE} here")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = data_dir / gold.get("source", "seed-news.txt")
    articles = extract(source)
    wanted = gold.get("articles") or []
    verdicts: list[dict[str, Any]] = []
    for index, want in enumerate(wanted):
        got = articles[index] if index < len(articles) else None
        if got is None:
            got = Article(id="", source=str(source), text="")
        for verdict in judge_article(got, want):
            verdicts.append({"article": index, **verdict})
    return {
        "articles": {"gold": len(wanted), "predicted": len(articles)},
        "non_stretch": _totals([v for v in verdicts if not v["stretch"]]),
        "stretch": _totals([v for v in verdicts if v["stretch"]]),
        "misses": [
            {
                k: v
                for k, v in verdict.items()
                if k in ("article", "text", "gold_kind", "stretch", "problems", "predicted")
            }
            for verdict in verdicts
            if verdict["problems"]
        ],
    }
