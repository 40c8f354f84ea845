"""Score ``find_times`` on TempEval-3 TimeML files (TimeBank and AQUAINT).

Each ``.tml`` file's ``<TEXT>`` becomes plain text (inner tags stripped, entities
decoded) and its DCT the publication date. Gold TIMEX3 spans are offsets into that
plain text. Matching is one-to-one: a prediction matches the gold expression it
overlaps most (relaxed) or spans exactly (strict).

>>> from pathlib import Path
>>> scores = evaluate_tempeval(Path("../shared/datasets/tempeval3"))  # doctest: +SKIP
>>> sorted(scores)  # doctest: +SKIP
['documents', 'gold', 'predicted', 'relaxed_f1', ..., 'value_accuracy', 'value_f1']
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.analyze.times import find_times

__all__ = ["GoldTimex", "evaluate_tempeval", "read_tml"]

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_SUBSETS = ("TimeBank", "AQUAINT")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, str | None, list[GoldTimex]]:
    """Plain ``<TEXT>`` content, the DCT value and the gold TIMEX3s of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]*)\"", raw)
    published = dct_match.group(1)[:10] if dct_match else None
    body_match = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = body_match.group(1) if body_match else ""
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    gold: list[GoldTimex] = []
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(tag.group(3)))))
        elif open_timex:
            start, attrs = open_timex.pop()
            gold.append(GoldTimex(start, length, "", attrs.get("type", ""), attrs.get("value", "")))
    parts.append(html.unescape(body[position:]))
    text = "".join(parts)
    gold = [GoldTimex(g.start, g.end, text[g.start : g.end], g.type, g.value) for g in gold]
    return text, published, gold


def _canonical(value: str) -> str:
    """Spellings of one TIMEX3 value that differ only in form: W7 vs W07, T22:00:00 vs T22:00."""
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    return re.sub(r"(T\d\d:\d\d):00$", r"\1", value)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _match(gold: list[GoldTimex], predicted: list[Any], strict: bool) -> list[tuple[GoldTimex, Any]]:
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if strict:
                if (g.start, g.end) == (p.start, p.end):
                    pairs.append((g.end - g.start, gi, pi))
            else:
                size = _overlap((g.start, g.end), (p.start, p.end))
                if size > 0:
                    pairs.append((size, gi, pi))
    pairs.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched: list[tuple[GoldTimex, Any]] = []
    for _size, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matched.append((gold[gi], predicted[pi]))
    return matched


def _f1(matched: int, gold: int, predicted: int) -> tuple[float, float, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate_tempeval(data_dir: Path, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Relaxed/strict span F1, value accuracy and value F1 of ``find_times`` on TempEval-3.

    ``data_dir`` holds ``TimeBank/`` and ``AQUAINT/``. Value F1 is relaxed F1 times
    value accuracy (the share of relaxed matches whose value is right). Pass a list as
    ``errors`` to collect the misses, spurious spans and wrong values for inspection.
    """
    files = sorted(p for subset in _SUBSETS for p in (Path(data_dir) / subset).glob("*.tml"))
    n_gold = n_pred = n_relaxed = n_strict = n_value = n_type = 0
    for path in files:
        text, published, gold = read_tml(path)
        predicted = find_times(text, published)
        relaxed = _match(gold, predicted, strict=False)
        n_gold += len(gold)
        n_pred += len(predicted)
        n_relaxed += len(relaxed)
        n_strict += len(_match(gold, predicted, strict=True))
        n_value += sum(_canonical(g.value) == _canonical(p.value) for g, p in relaxed)
        n_type += sum(g.type == p.type for g, p in relaxed)
        if errors is not None:
            _collect(errors, path, published, gold, predicted, relaxed)
    _, _, relaxed_f1 = _f1(n_relaxed, n_gold, n_pred)
    precision, recall, strict_f1 = _f1(n_strict, n_gold, n_pred)
    r_precision, r_recall, _ = _f1(n_relaxed, n_gold, n_pred)
    value_accuracy = n_value / n_relaxed if n_relaxed else 0.0
    return {
        "documents": len(files),
        "gold": n_gold,
        "predicted": n_pred,
        "relaxed_precision": round(r_precision, 4),
        "relaxed_recall": round(r_recall, 4),
        "relaxed_f1": round(relaxed_f1, 4),
        "strict_precision": round(precision, 4),
        "strict_recall": round(recall, 4),
        "strict_f1": round(strict_f1, 4),
        "type_accuracy": round(n_type / n_relaxed if n_relaxed else 0.0, 4),
        "value_accuracy": round(value_accuracy, 4),
        "value_f1": round(relaxed_f1 * value_accuracy, 4),
    }


def _collect(
    errors: list[dict[str, Any]],
    path: Path,
    published: str | None,
    gold: list[GoldTimex],
    predicted: list[Any],
    relaxed: list[tuple[GoldTimex, Any]],
) -> None:
    matched_gold = {id(g) for g, _ in relaxed}
    matched_pred = {id(p) for _, p in relaxed}
    for g in gold:
        if id(g) not in matched_gold:
            errors.append({"file": path.name, "dct": published, "kind": "missed", "gold": g.text, "value": g.value})
    for p in predicted:
        if id(p) not in matched_pred:
            errors.append({"file": path.name, "dct": published, "kind": "spurious", "text": p.text, "value": p.value})
    for g, p in relaxed:
        if _canonical(g.value) != _canonical(p.value):
            errors.append(
                {
                    "file": path.name,
                    "dct": published,
                    "kind": "value",
                    "gold": g.text,
                    "text": p.text,
                    "expected": g.value,
                    "got": p.value,
                }
            )
        elif (g.start, g.end) != (p.start, p.end):
            errors.append({"file": path.name, "dct": published, "kind": "span", "gold": g.text, "text": p.text})
