"""Score article-body extraction on the Zyte (Scrapinghub) article-extraction benchmark.

The dataset folder holds ``html/<id>.html.gz`` and ``ground-truth.json``
(``{id: {"articleBody": ..., "url": ...}}``). The metric is the benchmark's own
(``scrapinghub/article-extraction-benchmark:evaluate.py``):

* tokens are ``\\w+`` runs (case kept); shingles are 4-token windows, counted as a multiset;
* per page, TP/FP/FN are normalised to sum to 1;
* precision is averaged over pages with a non-empty prediction (or a perfect empty match),
  recall over pages with a non-empty truth, so an empty output costs recall only;
* F1 is computed from the averaged precision and recall.

The trafilatura baseline is called exactly as the benchmark's ``run_trafilatura.py`` does:
``trafilatura.extract(html, include_comments=False)``.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import trafilatura

from newsgraph.clean import clean_document
from newsgraph.errors import ReadError
from newsgraph.read.html import parse_html

LOGGER = logging.getLogger(__name__)

GROUND_TRUTH = "ground-truth.json"
NGRAM = 4
_TOKEN = re.compile(r"\w+", re.UNICODE)

Counts = tuple[float, float, float]
Extractor = Callable[[str, str], str]


def _tokenize(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def _shingles(text: str | None, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    tokens = _tokenize(text)
    # Like the benchmark: a text shorter than n tokens still yields one (short) shingle.
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(gram for gram in grams if gram)


def shingle_counts(true: str | None, pred: str | None) -> Counts:
    """Normalised (TP, FP, FN) over 4-token shingles of one page."""
    t, p = _shingles(true), _shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    # Normalise so that long pages do not outweigh short ones.
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def scores(counts: list[Counts]) -> dict[str, float]:
    """Precision and recall averaged over pages, then F1 of the two averages."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _newsgraph(html: str, source: str) -> str:
    """The body newsgraph stores: the HTML reader's text after the clean stage."""
    try:
        return "\n".join(article.text for article in clean_document(parse_html(html, source)))
    except ReadError as exc:
        # The benchmark scores a missing body as empty output: no precision, zero recall.
        LOGGER.warning("no body: %s", exc)
        return ""


def _trafilatura(html: str, source: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


SYSTEMS: dict[str, Extractor] = {"newsgraph": _newsgraph, "trafilatura": _trafilatura}


def load_ground_truth(data_dir: Path) -> dict[str, dict[str, Any]]:
    path = data_dir / GROUND_TRUTH
    if not path.is_file():
        raise ReadError(str(data_dir), f"not a Zyte benchmark folder (no {GROUND_TRUTH})")
    with path.open(encoding="utf-8") as fh:
        data: dict[str, dict[str, Any]] = json.load(fh)
    return data


def iter_pages(data_dir: Path, ids: list[str]) -> Iterator[tuple[str, str]]:
    """Yield ``(id, html)`` one page at a time, so only one page is in memory."""
    for page_id in ids:
        path = data_dir / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            raise ReadError(str(path), "page listed in ground truth is missing")
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            yield page_id, fh.read()


def evaluate_zyte(data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Score newsgraph and plain trafilatura on the benchmark (first ``limit`` pages by id, or all).

    Returns ``{"pages", "newsgraph": {precision, recall, f1}, "trafilatura": {...}, "delta_f1"}``.
    """
    truth = load_ground_truth(data_dir)
    ids = sorted(truth)[:limit] if limit is not None else sorted(truth)
    counts: dict[str, list[Counts]] = {name: [] for name in SYSTEMS}
    for page_id, html in iter_pages(data_dir, ids):
        expected = truth[page_id].get("articleBody", "")
        for name, system in SYSTEMS.items():
            counts[name].append(shingle_counts(expected, system(html, page_id)))
    figures = {name: scores(c) for name, c in counts.items()}
    result: dict[str, Any] = {"pages": len(ids)}
    result.update({name: {k: round(v, 4) for k, v in f.items()} for name, f in figures.items()})
    result["delta_f1"] = round(figures["newsgraph"]["f1"] - figures["trafilatura"]["f1"], 4)
    return result
