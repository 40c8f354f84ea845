"""Learn the attribution cue model (``analyze/cuemodel.py``) from parsed PolNeAR train.

* **Cue examples.** Every candidate word (``is_candidate``: verbs, auxiliaries, "according",
  nouns the lexicon knows) of every article; positive when it is the head word of a gold ``Cue``.
* **Anchor examples.** For each gold cue head, each of its possible anchors (dependents and
  head); positive for the one that leads to the gold content's head word.
* **Weights.** Binary logistic regression, L2, full-batch Adam in numpy over sparse binary
  features (seen at least ``MIN_FEATURE_COUNT`` times) and, for cues, the parser's token vector.

The thresholds below were chosen on PolNeAR dev; ``newsgraph eval polnear`` measures them there.

Reproduce: ``newsgraph train quotes --data ../shared/datasets/polnear/train``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsgraph.analyze.cuemodel import Classifier, anchor_features, anchors, cue_features, inside_quotes, is_candidate
from newsgraph.train.cues import Annotated, gold_heads, key, relation

MIN_FEATURE_COUNT = 2
L2 = 1e-5
EPOCHS = 200
LEARNING_RATE = 0.05
#: Token vectors are scaled down so that one L2 weight suits them and the binary features.
DENSE_SCALE = 0.3
PRUNE = 0.005
THRESHOLD = 0.3
KEEP_BELOW = 0.3


def cue_examples(
    parsed: Sequence[Annotated], lexicon: dict[str, dict[str, Any]]
) -> tuple[list[list[str]], list[Any], list[int], list[list[tuple[list[str], int]]]]:
    """Cue rows (features, vector, label) and anchor groups (one list of (features, label) per gold cue)."""
    rows: list[list[str]] = []
    vectors: list[Any] = []
    labels: list[int] = []
    groups: list[list[tuple[list[str], int]]] = []
    for doc, gold in parsed:
        heads = {}
        for attribution in gold:
            found = gold_heads(doc, attribution)
            if found is not None:
                heads.setdefault(found[0].i, found[1])
        quoted = inside_quotes(doc)
        for token in doc:
            if not is_candidate(token, lexicon):
                continue
            entry = lexicon.get(key(token))
            rows.append(cue_features(token, quoted[token.i], entry["rate"] if entry else None))
            vectors.append(doc.tensor[token.i])
            labels.append(int(token.i in heads))
            if token.i in heads:
                group = _anchor_group(token, heads[token.i], entry)
                if any(label for _, label in group):
                    groups.append(group)
    return rows, vectors, labels, groups


def _anchor_group(cue: Any, content_root: Any, entry: dict[str, Any] | None) -> list[tuple[list[str], int]]:
    rel = relation(cue, content_root)
    if rel is None:
        target = None
    elif rel.startswith("^"):
        target = cue.head
    else:
        target = content_root.head if ">" in rel else content_root
    group = []
    for anchor, dep in anchors(cue):
        share = entry["relations"].get(dep, 0) / entry["cue"] if entry else None
        group.append((anchor_features(cue, anchor, dep, share), int(target is not None and anchor.i == target.i)))
    return group


def fit_binary(
    rows: Sequence[Sequence[str]], labels: Sequence[int], vectors: Sequence[Any] | None = None
) -> Classifier:
    """Logistic regression over sparse binary features (and dense vectors when given)."""
    counts = Counter(f for row in rows for f in set(row))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    columns: list[int] = []
    row_ids: list[int] = []
    for row_id, row in enumerate(rows):
        found = sorted({index[f] for f in row if f in index})  # sorted: the same sums in every run
        columns += found
        row_ids += [row_id] * len(found)
    col = np.asarray(columns, dtype=np.int64)
    row_of = np.asarray(row_ids, dtype=np.int64)
    y = np.asarray(labels, dtype=np.float32)
    n = len(y)
    dense = np.stack(vectors).astype(np.float32) * DENSE_SCALE if vectors is not None else None
    params = [np.zeros(len(vocabulary), np.float32), np.zeros(1, np.float32)]
    if dense is not None:
        params.append(np.zeros(dense.shape[1], np.float32))
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for step in range(1, EPOCHS + 1):
        z = np.bincount(row_of, weights=params[0][col], minlength=n) + params[1][0]
        if dense is not None:
            z += dense @ params[2]
        error = (1.0 / (1.0 + np.exp(-z)) - y) / n
        grads = [np.bincount(col, weights=error[row_of], minlength=len(vocabulary)) + L2 * params[0],
                 np.asarray([error.sum()])]  # fmt: skip
        if dense is not None:
            grads.append(dense.T @ error + L2 * params[2])
        for param, grad, (m, v) in zip(params, grads, moments, strict=True):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= (LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)).astype(
                np.float32
            )
    weights = {f: round(float(w), 4) for f, w in zip(vocabulary, params[0], strict=True) if abs(w) >= PRUNE}
    dense_weights = tuple(round(float(w) * DENSE_SCALE, 5) for w in params[2]) if dense is not None else ()
    return Classifier(weights, round(float(params[1][0]), 4), dense_weights)


def train_cue_model(parsed: Sequence[Annotated], lexicon: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Fit both classifiers; returns the JSON-ready model."""
    rows, vectors, labels, groups = cue_examples(parsed, lexicon)
    cue = fit_binary(rows, labels, vectors)
    anchor = fit_binary([f for group in groups for f, _ in group], [label for group in groups for _, label in group])
    return {
        "about": __doc__.strip().splitlines()[0],
        "examples": {"cue": len(rows), "cue_positive": sum(labels), "anchor_groups": len(groups)},
        "threshold": THRESHOLD,
        "keep_below": KEEP_BELOW,
        "cue": cue.as_dict(),
        "anchor": anchor.as_dict(),
    }
