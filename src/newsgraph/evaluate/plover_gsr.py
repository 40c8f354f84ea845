"""Score event coding on the PLOVER gold records (``PLOVER_GSR_CAMEO.txt``, a JSON array).

Each record holds one sentence (``text``), its event type (v0.5 names remapped: DEMAND ->
REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT), and its actors as
``actorText`` strings with a country ``code``. The first record documents the file and is
skipped. The actor strings are located in the text (case-insensitively; "U.S. ... negotiators"
by its pieces) to give gold spans.

For each record the text runs through spaCy and ``find_events``; the predicted event is the one
whose source and target best overlap the gold actors (as for PLV), else the one whose trigger
shares a word with the record's ``eventText``. Reported:

* ``accuracy``: predicted type == gold type over all records (16 types; no event is wrong), and
  ``accuracy_yield`` with CONCEDE and RETREAT as one class (as PLV scores), and ``quad_accuracy``;
* ``source_found`` / ``target_found``: among records with an event, how often the event's
  source (target) overlaps the gold one (targets only where the record has one);
* ``source_country``: among matched sources with a gold ``code`` and a predicted country, how
  often they agree.

The records also serve as extra training data (``newsgraph train events``); the figures here
are then cross-validated: the model learns from PLV train plus K-1 folds of the records and is
scored on the held-out fold.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import ReadError
from newsgraph.evaluate.plv import PlvItem, best_match, folds, overlap, score
from newsgraph.records import Event

__all__ = ["RENAMES", "GsrRecord", "evaluate_plover_gsr", "read_gsr"]

RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
_WORD = re.compile(r"[A-Za-z]{3,}")


@dataclass(frozen=True)
class GsrRecord:
    id: str
    type: str
    item: PlvItem
    event_text: str
    source_codes: tuple[str, ...]


def _actors(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [a for a in value if isinstance(a, dict)]
    return []


def _locate(text: str, actor: str) -> list[tuple[int, int]]:
    """Spans of ``actor`` in ``text``: the whole string, else each piece around "...", case-insensitive."""
    folded = text.casefold()
    spans = []
    for piece in [actor, *actor.split("...")] if "..." in actor else [actor]:
        piece = piece.strip().casefold()
        if len(piece) < 2:
            continue
        at = folded.find(piece)
        if at >= 0:
            spans.append((at, at + len(piece)))
            if piece == actor.casefold():
                break
    return spans


def read_gsr(path: Path) -> list[GsrRecord]:
    """The event records of a PLOVER GSR file (the DOCUMENT header skipped)."""
    from newsgraph.analyze.events import QUADS, TYPES

    if not path.is_file():
        raise ReadError(str(path), "no such PLOVER GSR file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise ReadError(str(path), f"not JSON: {error}") from error
    records = []
    for raw in data if isinstance(data, list) else []:
        event = RENAMES.get(raw.get("event", ""), raw.get("event", ""))
        text = (raw.get("text") or "").strip().strip("{}").strip()
        if event not in TYPES or not text:
            continue
        sources = [s for a in _actors(raw.get("source")) for s in _locate(text, a.get("actorText") or "")]
        targets = [s for a in _actors(raw.get("target")) for s in _locate(text, a.get("actorText") or "")]
        label = "YIELD" if event in {"CONCEDE", "RETREAT"} else event
        item = PlvItem(text, tuple(sources), tuple(targets), label, QUADS[event])
        codes = tuple(a.get("code") for a in _actors(raw.get("source")) if a.get("code"))
        records.append(GsrRecord(raw.get("id", ""), event, item, raw.get("eventText") or "", codes))
    if not records:
        raise ReadError(str(path), "no PLOVER event records")
    return records


def _pick(events: Sequence[Event], record: GsrRecord, text: str) -> Event | None:
    index = best_match([(e.source, e.target, (e.start, e.end)) for e in events], record.item)
    if index is not None:
        return events[index]
    words = {w.casefold() for w in _WORD.findall(record.event_text)}
    return next((e for e in events if words & {w.casefold() for w in _WORD.findall(text[e.start : e.end])}), None)


def judge(records: Sequence[GsrRecord], docs: Sequence[Any], model: Any) -> list[dict[str, Any]]:
    """One verdict per record: the picked event's type and whether its actors match."""
    from newsgraph.analyze.entities import find_entities
    from newsgraph.analyze.events import find_events

    verdicts = []
    for record, doc in zip(records, docs, strict=True):
        events = find_events(doc, find_entities(doc), [], None, model=model)
        event = _pick(events, record, doc.text)
        verdict: dict[str, Any] = {"id": record.id, "gold": record.type, "predicted": event.type if event else None}
        if event is not None:
            verdict["source"] = overlap(event.source, record.item.sources) > 0
            if record.item.targets:
                verdict["target"] = overlap(event.target, record.item.targets) > 0
            if verdict["source"] and record.source_codes and event.source.country:
                verdict["country"] = event.source.country in record.source_codes
        verdicts.append(verdict)
    return verdicts


def summarise(records: Sequence[GsrRecord], verdicts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    from newsgraph.analyze.events import QUADS

    total = len(records)
    base = score([r.item for r in records], [v["predicted"] for v in verdicts])
    matched = [v for v in verdicts if v["predicted"]]
    with_target = [v for v in matched if "target" in v]
    with_country = [v for v in matched if "country" in v]
    return {
        "records": total,
        "accuracy": round(sum(1 for v in verdicts if v["predicted"] == v["gold"]) / total, 4),
        "accuracy_yield": base["accuracy"],
        "quad_accuracy": round(
            sum(1 for v in verdicts if v["predicted"] and QUADS[v["predicted"]] == QUADS[v["gold"]]) / total, 4
        ),
        "no_event": total - len(matched),
        "source_found": round(sum(1 for v in matched if v["source"]) / len(matched), 4) if matched else 0.0,
        "target_found": round(sum(1 for v in with_target if v["target"]) / len(with_target), 4) if with_target else 0.0,
        "source_country": {
            "checked": len(with_country),
            "right": sum(1 for v in with_country if v["country"]),
        },
        "by_type": base["by_type"],
        "confusion": base["confusion"],
    }


def evaluate_plover_gsr(
    path: Path,
    plv: Path | None = None,
    *,
    k: int = 5,
    seed: int = 0,
    progress: Callable[[int, int, str], None] | None = None,
) -> dict[str, Any]:
    """Cross-validated figures on the GSR records (see the module docstring). Without ``plv``
    (PLV train), the model learns from the K-1 folds of the records alone; with ``k`` 0, the
    shipped model is scored as it is (it was trained on these records: not a fair figure)."""
    from newsgraph.analyze.events import shipped_model
    from newsgraph.analyze.nlp import get_nlp
    from newsgraph.evaluate.plv import read_plv
    from newsgraph.train.events import train_model

    records = read_gsr(path)
    nlp = get_nlp()
    docs = list(nlp.pipe((r.item.sentence for r in records), batch_size=64))
    if k == 0:
        verdicts = judge(records, docs, shipped_model())
        return {"data": str(path), "folds": 0, **summarise(records, verdicts)}
    extra_items = read_plv(plv) if plv else []
    extra_docs = list(nlp.pipe((i.sentence for i in extra_items), batch_size=64)) if extra_items else []
    fold_of = folds(len(records), k, seed)
    verdicts: list[dict[str, Any]] = [{}] * len(records)
    crosswalk = shipped_model().crosswalk
    for fold in range(k):
        if progress:
            progress(fold + 1, k, f"fold {fold + 1}")
        train = [i for i in range(len(records)) if fold_of[i] != fold]
        held = [i for i in range(len(records)) if fold_of[i] == fold]
        model = train_model(
            extra_docs + [docs[i] for i in train], extra_items + [records[i].item for i in train], crosswalk
        )
        for i, verdict in zip(held, judge([records[i] for i in held], [docs[i] for i in held], model), strict=True):
            verdicts[i] = verdict
    return {"data": str(path), "folds": k, "trained_with": str(plv) if plv else None, **summarise(records, verdicts)}
