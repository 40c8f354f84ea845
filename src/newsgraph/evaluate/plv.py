"""Score event coding on PLV (``plv/train.tsv``), one sentence per item, with K-fold cross-validation.

Each sentence runs as-is through spaCy and ``find_events`` (no entities beyond the sentence, no
times). Of the predicted events, the one whose source and target best overlap the gold ``<s>``
and ``<t>`` spans is the answer (character F1 of each actor against the gold span, summed; ties go
to the trigger nearest the gold spans; an event that overlaps neither does not count). Its type is
right when it equals ``gold_root``, with CONCEDE and RETREAT counted as YIELD. A sentence with no
matching event is wrong. Quad accuracy compares quad classes (``QUADS``) with ``gold_penta``.

The model is learned on K-1 folds (plus, optionally, the PLOVER GSR records, another data set)
and scored on the held-out fold, so every figure is on sentences the model never saw.
``lexicon_only`` is the same coder with no learned part (the hand lexicon and the crosswalk
words alone): the zero-shot baseline.

>>> evaluate_plv(Path("../shared/datasets/plv/train.tsv"))["accuracy"]  # doctest: +SKIP
0.8
"""

from __future__ import annotations

import csv
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import ReadError
from newsgraph.records import Actor, Event

__all__ = ["PlvItem", "best_match", "evaluate_plv", "folds", "overlap", "read_plv", "score"]

_MARK = re.compile(r"</?[st]>")
#: Placeholders PLV uses where a sentence states no source or no target.
_NOBODY = {"a recipient", "an actor", "a source", "a target"}


@dataclass(frozen=True)
class PlvItem:
    sentence: str
    sources: tuple[tuple[int, int], ...]
    targets: tuple[tuple[int, int], ...]
    label: str
    quad: int


def _spans(marked: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """Plain text and the character spans of each ``<s>``/``<t>`` pair."""
    plain: list[str] = []
    length = 0
    opened: dict[str, int] = {}
    spans: dict[str, list[tuple[int, int]]] = {"s": [], "t": []}
    position = 0
    for match in _MARK.finditer(marked):
        piece = marked[position : match.start()]
        plain.append(piece)
        length += len(piece)
        tag = match.group()
        kind = tag.strip("</>")
        if tag.startswith("</"):
            if kind in opened:
                start = opened.pop(kind)
                # Trim spaces inside the marks: "<s>The Army </s>".
                text = "".join(plain)[start:length]
                left = len(text) - len(text.lstrip())
                right = len(text.rstrip())
                if right > left:
                    spans[kind].append((start + left, start + right))
        else:
            opened[kind] = length
        position = match.end()
    plain.append(marked[position:])
    return "".join(plain), spans


def read_plv(path: Path) -> list[PlvItem]:
    """The items of a PLV ``.tsv`` file (see the module docstring)."""
    if not path.is_file():
        raise ReadError(str(path), "no such PLV file")
    items = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if not row.get("marked_sentence") or not row.get("gold_root"):
                continue
            text, spans = _spans(row["marked_sentence"])
            sources = () if row.get("source", "").strip().lower() in _NOBODY else tuple(spans["s"])
            targets = () if row.get("target", "").strip().lower() in _NOBODY else tuple(spans["t"])
            quad = int(row["gold_penta"]) if (row.get("gold_penta") or "").isdigit() else 0
            items.append(PlvItem(text, sources, targets, row["gold_root"].strip(), quad))
    if not items:
        raise ReadError(str(path), "no PLV rows (need marked_sentence and gold_root columns)")
    return items


def overlap(actor: Actor | None, spans: Sequence[tuple[int, int]]) -> float:
    """Character F1 of the actor's mention against the best gold span (0 when either is missing)."""
    if actor is None or actor.start is None or actor.end is None or not spans:
        return 0.0
    best = 0.0
    for start, end in spans:
        shared = min(end, actor.end) - max(start, actor.start)
        if shared > 0:
            best = max(best, 2 * shared / ((end - start) + (actor.end - actor.start)))
    return best


def best_match(candidates: Sequence[tuple[Actor, Actor | None, tuple[int, int]]], item: PlvItem) -> int | None:
    """Index of the (source, target, trigger span) that best overlaps the item's gold actors."""
    gold = [*item.sources, *item.targets]
    best: tuple[float, int, int] | None = None
    for index, (source, target, (start, _)) in enumerate(candidates):
        quality = overlap(source, item.sources) + overlap(target, item.targets)
        if quality <= 0:
            continue
        distance = min((abs(start - s) for s, _ in gold), default=0)
        key = (round(quality, 6), -distance, -index)
        if best is None or key > best:
            best = key
    return -best[2] if best else None


def folds(count: int, k: int, seed: int = 0) -> list[int]:
    """Fold number of each of ``count`` items: a seeded shuffle dealt round-robin."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    fold = [0] * count
    for position, index in enumerate(order):
        fold[index] = position % k
    return fold


def _label(event_type: str | None) -> str | None:
    return "YIELD" if event_type in {"CONCEDE", "RETREAT"} else event_type


def score(gold: Sequence[PlvItem], predicted: Sequence[str | None]) -> dict[str, Any]:
    """Accuracy, quad accuracy, per-quad and per-type figures and the worst confusions."""
    from newsgraph.analyze.events import QUADS

    total = len(gold)
    right = sum(1 for g, p in zip(gold, predicted, strict=True) if _label(p) == g.label)
    quad_right = sum(1 for g, p in zip(gold, predicted, strict=True) if p and QUADS[p] == g.quad)
    by_quad: dict[str, Any] = {}
    for quad in sorted({g.quad for g in gold}):
        pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if g.quad == quad]
        by_quad[str(quad)] = {
            "sentences": len(pairs),
            "accuracy": round(sum(1 for g, p in pairs if _label(p) == g.label) / len(pairs), 4),
            "quad_accuracy": round(sum(1 for g, p in pairs if p and QUADS[p] == g.quad) / len(pairs), 4),
        }
    by_type: dict[str, Any] = {}
    for label in sorted({g.label for g in gold}):
        gold_n = sum(1 for g in gold if g.label == label)
        predicted_n = sum(1 for p in predicted if _label(p) == label)
        correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g.label == label and _label(p) == label)
        by_type[label] = {
            "gold": gold_n,
            "predicted": predicted_n,
            "correct": correct,
            "recall": round(correct / gold_n, 4) if gold_n else 0.0,
            "precision": round(correct / predicted_n, 4) if predicted_n else 0.0,
        }
    confusion = Counter(
        (g.label, _label(p) or "none") for g, p in zip(gold, predicted, strict=True) if _label(p) != g.label
    )
    return {
        "sentences": total,
        "accuracy": round(right / total, 4) if total else 0.0,
        "quad_accuracy": round(quad_right / total, 4) if total else 0.0,
        "no_event": sum(1 for p in predicted if p is None),
        "by_quad": by_quad,
        "by_type": by_type,
        "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusion.most_common(12)],
    }


def predict(docs: Sequence[Any], items: Sequence[PlvItem], model: Any) -> list[str | None]:
    """The type of the best-matching predicted event of each sentence (None: no event matched)."""
    from newsgraph.analyze.entities import find_entities
    from newsgraph.analyze.events import find_events

    out: list[str | None] = []
    for doc, item in zip(docs, items, strict=True):
        events: list[Event] = find_events(doc, find_entities(doc), [], None, model=model)
        index = best_match([(e.source, e.target, (e.start, e.end)) for e in events], item)
        out.append(events[index].type if index is not None else None)
    return out


def evaluate_plv(
    path: Path,
    *,
    k: int = 5,
    seed: int = 0,
    extra: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> dict[str, Any]:
    """K-fold cross-validated accuracy on a PLV file, plus the lexicon-only baseline. ``extra`` (the
    PLOVER GSR records) joins every fold's training data; it is never scored here."""
    from newsgraph.analyze.events import EventModel, shipped_model
    from newsgraph.analyze.nlp import get_nlp
    from newsgraph.train.events import train_model

    items = read_plv(path)
    nlp = get_nlp()
    docs = list(nlp.pipe((item.sentence for item in items), batch_size=64))
    extra_items: list[PlvItem] = []
    if extra is not None:
        from newsgraph.evaluate.plover_gsr import read_gsr

        extra_items = [record.item for record in read_gsr(extra)]
    extra_docs = list(nlp.pipe((item.sentence for item in extra_items), batch_size=64))
    crosswalk = shipped_model().crosswalk
    fold_of = folds(len(items), k, seed)
    predicted: list[str | None] = [None] * len(items)
    for fold in range(k):
        if progress:
            progress(fold + 1, k, f"fold {fold + 1}")
        train = [i for i in range(len(items)) if fold_of[i] != fold]
        held = [i for i in range(len(items)) if fold_of[i] == fold]
        model = train_model([docs[i] for i in train] + extra_docs, [items[i] for i in train] + extra_items, crosswalk)
        for i, label in zip(held, predict([docs[i] for i in held], [items[i] for i in held], model), strict=True):
            predicted[i] = label
    result = {"data": str(path), "folds": k, "seed": seed, "extra_training": str(extra) if extra else None}
    result.update(score(items, predicted))
    baseline = score(items, predict(docs, items, EventModel(crosswalk=crosswalk)))
    result["lexicon_only"] = {key: baseline[key] for key in ("accuracy", "quad_accuracy", "no_event")}
    return result
