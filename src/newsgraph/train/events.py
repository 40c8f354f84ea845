"""Learn the event coder's model from PLV train and the CAMEO -> PLOVER crosswalk.

* **Crosswalk words.** The action word of each CAMEO description (its first verb or noun:
  "*Impose* embargo", "Engage in *negotiation*") votes for the line's PLOVER type, and a word
  whose votes agree (at least two thirds) is kept as a crosswalk word of that type. Lines that
  only "Express intent to ..." say nothing about their word.
* **Examples.** For every PLV sentence, the candidate predicates of its parse (ungated) are
  matched to the gold ``<s>``/``<t>`` spans; the best-overlapping one is the sentence's event
  and its features get the gold label.
* **Trigger words.** A predicate word that was the event at least ``MIN_TRIGGER`` times becomes a
  trigger, so that predicates with it are coded even when the hand lexicon lacks it.
* **Weights.** Multinomial logistic regression (softmax, L2, full-batch Adam in numpy) over the
  predicates' sparse binary features; weights under ``PRUNE`` are dropped from the shipped file.

Reproduce: ``newsgraph train events --data ../shared/datasets/plv/train.tsv
--crosswalk ../shared/datasets/plover/CAMEO2PLOVER-2021.txt
--gsr ../shared/datasets/plover/PLOVER_GSR_CAMEO.txt``.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from newsgraph.analyze.entities import find_entities
from newsgraph.analyze.events import LABELS, LEXICON, TYPES, EventModel, actors
from newsgraph.analyze.nlp import get_nlp
from newsgraph.evaluate.plv import PlvItem, best_match, read_plv

MODEL = Path(__file__).resolve().parents[1] / "analyze" / "data" / "events_model.json"
MIN_TRIGGER = 1
MIN_TRIGGER_RATE = 0.3
#: Verbs too general to mark an event on their own.
_NEVER = frozenset({"be", "have", "do", "get", "go", "come", "make", "take", "use", "include", "become"})
L2 = 0.001
EPOCHS = 300
LEARNING_RATE = 0.05
PRUNE = 0.01
#: Token vectors are scaled down so that one L2 weight suits them and the binary features.
DENSE_SCALE = 0.3
_LINE = re.compile(r"^(\d+):\s*([A-Z]+)\s*,[^#]*#\s*(.+)$")
#: Description words that say nothing about the type.
_GENERIC = frozenset({"engage", "use", "conduct", "carry", "make", "intent"})


@dataclass(frozen=True, eq=False)
class Example:
    features: tuple[str, ...]
    label: str
    triggers: tuple[str, ...]
    vector: Any = None


def crosswalk_words(path: Path) -> dict[str, str]:
    """Lemma -> label from the CAMEO descriptions (see the module docstring)."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(raw.strip())
        if match and match.group(2) in TYPES:
            lines.append((match.group(2), match.group(3)))
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    # As a clause with a subject, so that the tagger reads the description's first word as a verb.
    texts = (f"They {text[0].lower()}{text[1:]}" for _, text in lines)
    for (type_, _), doc in zip(lines, get_nlp().pipe(texts), strict=True):
        label = "YIELD" if type_ in {"CONCEDE", "RETREAT"} else type_
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or root.lemma_.lower() == "express":
            continue
        word = root
        if root.lemma_.lower() in _GENERIC:  # "Engage in negotiation" -> negotiation
            word = next((t for t in root.subtree if t.dep_ in {"dobj", "pobj"} and t.pos_ == "NOUN"), root)
        lemma = word.lemma_.lower()
        if word.is_alpha and word.pos_ in {"VERB", "NOUN"} and lemma not in _GENERIC:
            votes[lemma][label] += 1
    out = {}
    for lemma, counts in sorted(votes.items()):
        label, count = counts.most_common(1)[0]
        if count * 3 >= 2 * sum(counts.values()):
            out[lemma] = label
    return out


def examples(docs: Sequence[Doc], items: Sequence[PlvItem], model: EventModel) -> list[Example | None]:
    """One training example per PLV item (None where no predicate touches its gold actors)."""
    found: list[Example | None] = []
    for doc, item in zip(docs, items, strict=True):
        coded = list(actors(doc, find_entities(doc), model, gated=False))
        index = best_match([(source, target, p.span) for p, source, target in coded], item)
        if index is None:
            found.append(None)
            continue
        predicate = coded[index][0]
        words = tuple(dict.fromkeys(t.lemma_.lower() for t in predicate.chain))
        found.append(Example(tuple(predicate.features), item.label, words, predicate.vector))
    return found


def learn_triggers(train: Sequence[Example], docs: Sequence[Doc]) -> list[str]:
    """Words that were the event's word at least ``MIN_TRIGGER`` times and in at least
    ``MIN_TRIGGER_RATE`` of the predicates they head or complete."""
    counts: Counter[str] = Counter()
    for example in train:
        counts.update(example.triggers)
    seen: Counter[str] = Counter()
    for doc in docs:
        seen.update(t.lemma_.lower() for t in doc if t.pos_ in {"VERB", "NOUN"})
    return sorted(
        word
        for word, count in counts.items()
        if count >= MIN_TRIGGER and count >= MIN_TRIGGER_RATE * seen[word] and word not in _NEVER
    )


def fit(
    train: Sequence[Example], *, l2: float = L2, epochs: int = EPOCHS, dense: bool = True
) -> tuple[dict, dict, list]:
    """Softmax regression over binary features and the token vectors; returns (weights by feature,
    bias by label, vector weights)."""
    vocabulary = sorted({f for example in train for f in example.features if f != "bias"})
    index = {f: i for i, f in enumerate(vocabulary)}
    width = next((len(e.vector) for e in train if e.vector is not None), 0) if dense else 0
    x = np.zeros((len(train), len(vocabulary) + width), dtype=np.float32)
    for row, example in enumerate(train):
        for feature in example.features:
            if feature in index:
                x[row, index[feature]] = 1.0
        if width and example.vector is not None:
            x[row, len(vocabulary) :] = example.vector * DENSE_SCALE
    labels = list(LABELS)
    y = np.zeros((len(train), len(labels)), dtype=np.float32)
    for row, example in enumerate(train):
        y[row, labels.index(example.label)] = 1.0
    w = np.zeros((x.shape[1], len(labels)), dtype=np.float32)
    b = np.zeros(len(labels), dtype=np.float32)
    moments = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    for step in range(1, epochs + 1):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - y) / len(train)
        gw = x.T @ grad + l2 * w
        gb = grad.sum(axis=0)
        for param, g, m, v in ((w, gw, moments[0], moments[1]), (b, gb, moments[2], moments[3])):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            param -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    weights = {}
    for feature, row in zip(vocabulary, w[: len(vocabulary)], strict=True):
        kept = {label: round(float(value), 3) for label, value in zip(labels, row, strict=True) if abs(value) >= PRUNE}
        if kept:
            weights[feature] = kept
    bias = {label: round(float(value), 3) for label, value in zip(labels, b, strict=True)}
    vectors = [[round(float(v) * DENSE_SCALE, 4) for v in row] for row in w[len(vocabulary) :]]
    return weights, bias, vectors


def lexicon_examples() -> list[Example]:
    """One made-up example per hand-lexicon word: "h=word, l=word, xh=TYPE, xl=TYPE" labelled TYPE,
    so that the model trusts the lexicon for words its training sentences lack."""
    return [
        Example(("bias", f"h={word}", f"l={word}", f"xh={label}", f"xl={label}"), label, ())
        for word, label in sorted(LEXICON.items())
        if " " not in word
    ]


def train_model(
    docs: Sequence[Doc],
    items: Sequence[PlvItem],
    crosswalk: dict[str, str],
    *,
    l2: float = L2,
    dense: bool = True,
    lexicon: bool = True,
) -> EventModel:
    """The model learned from ``items`` (with their parsed ``docs``) and the hand lexicon."""
    base = EventModel(crosswalk=crosswalk)
    train = [e for e in examples(docs, items, base) if e is not None]
    if lexicon:
        train += lexicon_examples()
    weights, bias, vectors = fit(train, l2=l2, dense=dense)
    return EventModel(
        weights=weights,
        bias=bias,
        triggers=frozenset(learn_triggers(train, docs)),
        crosswalk=crosswalk,
        dense=tuple(tuple(row) for row in vectors),
    )


def train_events(
    plv: Path, crosswalk: Path, gsr: Path | None = None, progress: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Learn the shipped model from all of PLV train (and the GSR records); returns the JSON dict."""
    items = read_plv(plv)
    if gsr is not None:
        from newsgraph.evaluate.plover_gsr import read_gsr

        items += [record.item for record in read_gsr(gsr)]
    words = crosswalk_words(crosswalk)
    if progress:
        progress(f"{len(words)} crosswalk words; parsing {len(items)} sentences")
    docs = list(get_nlp().pipe((item.sentence for item in items), batch_size=64))
    model = train_model(docs, items, words)
    sources = [f"{plv.name}", crosswalk.name] + ([gsr.name] if gsr else [])
    return {
        "about": __doc__.strip().splitlines()[0],
        "source": ", ".join(sources),
        "sentences": len(items),
        "labels": list(LABELS),
        "crosswalk": model.crosswalk,
        "triggers": sorted(model.triggers),
        "bias": model.bias,
        "weights": model.weights,
        "dense": [list(row) for row in model.dense],
    }


def write_model(data: dict[str, Any], out: Path = MODEL) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
