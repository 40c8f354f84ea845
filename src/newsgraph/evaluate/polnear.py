"""Score quote extraction on PolNeAR (Political News Attribution Relations).

A split folder holds ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann``
(brat standoff; a few articles may have a plain ``<article>.ann``). The first ``.ann`` file per
article in sorted order is the gold. In it, ``T`` lines are spans labelled ``Source``, ``Cue``,
``Content`` (also ``Attribution``, ``Discuss``, ``Discard``), each ``start end`` or discontinuous
``start end;start end``; an ``E`` line ties one attribution together, e.g.
``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``. A role may repeat (``Content2``): its spans
are joined. Attributions without a ``Content`` are skipped; ``Attribution-no-source`` ones have
no ``Source``.

Extraction runs ``as_is`` so that every predicted offset indexes the ``.txt`` file.

Metrics (counts are summed over articles, then turned into micro P/R/F1):

* Tokens are the character spans of ``\\w+`` runs in the file, so punctuation is ignored and a
  word repeated in a text counts once per position. A span set covers a token when it overlaps it.
* **content**: a predicted quote (its ``parts``) and a gold ``Content`` are a candidate pair when
  the shared tokens are at least half of the predicted tokens (token precision >= 0.5) and at
  least half of the gold tokens (token recall >= 0.5). Pairs are taken greedily, most shared
  tokens first (ties: higher token F1, then text order), each prediction and gold at most once.
  P = matched / predicted quotes, R = matched / gold attributions.
* **content_exact**: matched pairs whose token sets are equal. The greedy order puts an exact
  pair ahead of any other pair with the same overlap, so no exact pair is lost to a looser one.
* **source**: a matched pair is correct when the predicted ``speaker.start/end`` span shares a
  token with the gold ``Source``. P = correct / predicted quotes that have a speaker span (all
  of them, matched or not), R = correct / gold attributions that have a ``Source``.
* **cue**: the same with the predicted ``cue`` span and the gold ``Cue``.
* **direct_recall**: among gold attributions whose content text holds a double quotation mark
  (``"``, ``“`` or ``”``), the share matched on content.
* **by_kind**: for each predicted kind (direct, mixed, indirect), how many were predicted and
  how many matched a gold attribution.

>>> from pathlib import Path
>>> result = evaluate_polnear(Path("../shared/datasets/polnear/dev"), limit=3)  # doctest: +SKIP
>>> sorted(result["content"])  # doctest: +SKIP
['f1', 'precision', 'recall']
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import ReadError
from newsgraph.records import Quote, RawDocument

__all__ = [
    "ArticleScore",
    "Counts",
    "GoldAttribution",
    "Tokens",
    "evaluate_polnear",
    "find_articles",
    "parse_ann",
    "score_article",
]

LOGGER = logging.getLogger(__name__)

Spans = tuple[tuple[int, int], ...]
Progress = Callable[[int, int, str], None]

_WORD = re.compile(r"\w+")
_ANN_LINE = re.compile(r"^(?:[TERAMN]\d+|#\d*|\*)\t")
_DIRECT_MARKS = ('"', "“", "”")
_ROLES = ("Source", "Cue", "Content")
KINDS = ("direct", "mixed", "indirect")


# --- gold ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution: its content, cue and source spans (``()`` when absent)."""

    content: Spans
    cue: Spans = ()
    source: Spans = ()
    #: The content's text, its pieces joined by a space.
    text: str = ""

    @property
    def is_direct(self) -> bool:
        return any(mark in self.text for mark in _DIRECT_MARKS)


def _spans(field_text: str) -> Spans:
    pieces = []
    for piece in field_text.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(sorted(pieces))


def parse_ann(ann: str, text: str = "") -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file, in ``E`` line order.

    ``text`` is the article the offsets index; it supplies the content text (else the ``T``
    line's own text is used).
    """
    spans: dict[str, tuple[str, Spans, str]] = {}
    events: list[list[tuple[str, str]]] = []
    for number, line in enumerate(ann.splitlines(), 1):
        if not line.strip() or not _ANN_LINE.match(line):
            continue  # blank, or the continuation of a span text that holds a line break
        fields = line.split("\t")
        try:
            if line.startswith("T"):
                label, _, where = fields[1].partition(" ")
                spans[fields[0]] = (label, _spans(where), fields[2] if len(fields) > 2 else "")
            elif line.startswith("E"):
                args = [arg.split(":", 1) for arg in fields[1].split()]
                events.append([(re.sub(r"\d+$", "", role), ref) for role, ref in args])
        except (IndexError, ValueError) as exc:
            raise ValueError(f"line {number}: not brat standoff ({line[:60]!r})") from exc
    found = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {role: [] for role in _ROLES}
        for role, ref in args:
            if role in roles and ref in spans:
                roles[role] += spans[ref][1]
        if not roles["Content"]:
            continue
        content = tuple(sorted(roles["Content"]))
        content_text = (
            " ".join(text[s:e] for s, e in content)
            if text
            else " ".join(spans[ref][2] for role, ref in args if role == "Content" and ref in spans)
        )
        found.append(
            GoldAttribution(
                content=content,
                cue=tuple(sorted(roles["Cue"])),
                source=tuple(sorted(roles["Source"])),
                text=content_text,
            )
        )
    return found


def find_articles(data_dir: Path) -> list[tuple[Path, Path | None]]:
    """``(text file, gold .ann or None)`` per article, sorted by name; the first annotator's file wins."""
    text_dir, ann_dir = data_dir / "text", data_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise ReadError(str(data_dir), "not a PolNeAR split (needs text/ and attributions/)")
    texts = sorted(text_dir.glob("*.txt"))
    stems = {path.stem for path in texts}
    by_stem: dict[str, list[Path]] = {}
    for ann in ann_dir.glob("*.ann"):
        # ``<article>.ann`` or ``<article>_<annotator>.ann`` (article names hold "_" too).
        stem = ann.stem if ann.stem in stems else ann.stem.rpartition("_")[0]
        by_stem.setdefault(stem, []).append(ann)
    pairs = []
    for path in texts:
        candidates = sorted(by_stem.get(path.stem, []), key=lambda p: p.name)
        pairs.append((path, candidates[0] if candidates else None))
    return pairs


# --- scoring ------------------------------------------------------------------------------------------


class Tokens:
    """The ``\\w+`` tokens of one text, to turn character spans into token positions."""

    def __init__(self, text: str) -> None:
        matches = list(_WORD.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def of(self, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
        """Positions of the tokens that overlap any of ``spans``."""
        found: set[int] = set()
        for start, end in spans:
            if end <= start:
                continue
            first = bisect_right(self.ends, start)  # first token ending after ``start``
            last = bisect_left(self.starts, end)  # tokens starting before ``end``
            found.update(range(first, last))
        return frozenset(found)


def _quote_spans(quote: Quote) -> Spans:
    """The content spans: for a mixed quote, the reported clause it sits in (PolNeAR's content)."""
    if quote.clause is not None:
        return (quote.clause,)
    return tuple(quote.parts) or ((quote.start, quote.end),)


def _speaker_spans(quote: Quote) -> Spans:
    speaker = quote.speaker
    if speaker.start is None or speaker.end is None:
        return ()
    return ((speaker.start, speaker.end),)


def _cue_spans(quote: Quote) -> Spans:
    return ((quote.cue.start, quote.cue.end),) if quote.cue is not None else ()


@dataclass
class ArticleScore:
    """One article's matching: pairs ``(predicted index, gold index, exact)``, plus what is left over."""

    name: str
    gold: list[GoldAttribution]
    predicted: list[Quote]
    pairs: list[tuple[int, int, bool]] = field(default_factory=list)
    source_ok: set[int] = field(default_factory=set)  # predicted indices with the right source
    cue_ok: set[int] = field(default_factory=set)  # predicted indices with the right cue

    @property
    def missed(self) -> list[int]:
        used = {g for _, g, _ in self.pairs}
        return [g for g in range(len(self.gold)) if g not in used]

    @property
    def false_positives(self) -> list[int]:
        used = {p for p, _, _ in self.pairs}
        return [p for p in range(len(self.predicted)) if p not in used]


def match_contents(predicted: Sequence[frozenset[int]], gold: Sequence[frozenset[int]]) -> list[tuple[int, int]]:
    """One-to-one greedy pairs ``(predicted, gold)`` with token precision and recall both >= 0.5."""
    candidates = []
    for p, pred in enumerate(predicted):
        for g, want in enumerate(gold):
            shared = len(pred & want)
            if not shared or 2 * shared < len(pred) or 2 * shared < len(want):
                continue
            f1 = 2 * shared / (len(pred) + len(want))
            candidates.append((-shared, -f1, p, g))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, p, g in candidates:
        if p in used_p or g in used_g:
            continue
        used_p.add(p)
        used_g.add(g)
        pairs.append((p, g))
    return sorted(pairs)


def score_article(name: str, text: str, gold: list[GoldAttribution], predicted: Sequence[Quote]) -> ArticleScore:
    """Match one article's predicted quotes to its gold attributions (offsets index ``text``)."""
    tokens = Tokens(text)
    pred_content = [tokens.of(_quote_spans(q)) for q in predicted]
    gold_content = [tokens.of(a.content) for a in gold]
    score = ArticleScore(name, list(gold), list(predicted))
    for p, g in match_contents(pred_content, gold_content):
        score.pairs.append((p, g, pred_content[p] == gold_content[g]))
        quote, want = predicted[p], gold[g]
        if want.source and tokens.of(_speaker_spans(quote)) & tokens.of(want.source):
            score.source_ok.add(p)
        if want.cue and tokens.of(_cue_spans(quote)) & tokens.of(want.cue):
            score.cue_ok.add(p)
    return score


@dataclass
class Counts:
    """Running totals over articles; ``as_dict`` turns them into the reported figures."""

    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    gold_with_source: int = 0
    predicted_with_speaker: int = 0
    source_correct: int = 0
    gold_with_cue: int = 0
    predicted_with_cue: int = 0
    cue_correct: int = 0
    gold_direct: int = 0
    gold_direct_matched: int = 0
    by_kind: dict[str, dict[str, int]] = field(
        default_factory=lambda: {kind: {"predicted": 0, "matched": 0} for kind in KINDS}
    )

    def add(self, score: ArticleScore) -> None:
        matched_gold = {g for _, g, _ in score.pairs}
        matched_pred = {p for p, _, _ in score.pairs}
        self.articles += 1
        self.gold += len(score.gold)
        self.predicted += len(score.predicted)
        self.matched += len(score.pairs)
        self.exact += sum(1 for *_, exact in score.pairs if exact)
        self.gold_with_source += sum(1 for a in score.gold if a.source)
        self.gold_with_cue += sum(1 for a in score.gold if a.cue)
        self.predicted_with_speaker += sum(1 for q in score.predicted if _speaker_spans(q))
        self.predicted_with_cue += sum(1 for q in score.predicted if q.cue is not None)
        self.source_correct += len(score.source_ok)
        self.cue_correct += len(score.cue_ok)
        self.gold_direct += sum(1 for a in score.gold if a.is_direct)
        self.gold_direct_matched += sum(1 for g, a in enumerate(score.gold) if a.is_direct and g in matched_gold)
        for p, quote in enumerate(score.predicted):
            kind = self.by_kind.setdefault(quote.kind, {"predicted": 0, "matched": 0})
            kind["predicted"] += 1
            kind["matched"] += p in matched_pred

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "content": prf(self.matched, self.predicted, self.gold),
            "content_exact": {**prf(self.exact, self.predicted, self.gold), "matched": self.exact},
            "source": {
                **prf(self.source_correct, self.predicted_with_speaker, self.gold_with_source),
                "correct": self.source_correct,
                "predicted": self.predicted_with_speaker,
                "gold": self.gold_with_source,
            },
            "cue": {
                **prf(self.cue_correct, self.predicted_with_cue, self.gold_with_cue),
                "correct": self.cue_correct,
                "predicted": self.predicted_with_cue,
                "gold": self.gold_with_cue,
            },
            "direct_recall": {
                "recall": _ratio(self.gold_direct_matched, self.gold_direct),
                "matched": self.gold_direct_matched,
                "gold": self.gold_direct,
            },
            "by_kind": {
                kind: {**counts, "precision": _ratio(counts["matched"], counts["predicted"])}
                for kind, counts in self.by_kind.items()
            },
        }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 (rounded to 4 places; 0.0 when undefined)."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


# --- running ------------------------------------------------------------------------------------------


def _read(path: Path) -> str:
    # newline="" keeps "\r" so that offsets stay those of the file.
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def predict(path: Path, text: str) -> list[Quote]:
    """newsgraph's quotes for one file, extracted as-is so offsets index ``text``."""
    from newsgraph.pipeline import articles_of  # spaCy loads only when extraction runs

    quotes: list[Quote] = []
    for article in articles_of(RawDocument(source=str(path), text=text), as_is=True):
        if article.text != text:
            raise ReadError(str(path), "as-is extraction changed the text, so offsets would not match")
        quotes += article.quotes
    return quotes


def iter_scores(
    data_dir: Path, *, limit: int | None = None, progress: Progress | None = None
) -> Iterator[ArticleScore]:
    """Score one article at a time (the first ``limit`` by name, or all). Articles without gold are skipped."""
    articles = []
    for text_path, ann_path in find_articles(data_dir):
        if ann_path is None:
            LOGGER.warning("skipped %s: no attributions/*.ann for it", text_path.name)
        else:
            articles.append((text_path, ann_path))
    if limit is not None:
        articles = articles[:limit]
    for index, (text_path, ann_path) in enumerate(articles, 1):
        if progress is not None:
            progress(index, len(articles), text_path.stem)
        text = _read(text_path)
        try:
            gold = parse_ann(_read(ann_path), text)
        except ValueError as exc:
            raise ReadError(str(ann_path), str(exc)) from exc
        yield score_article(text_path.stem, text, gold, predict(text_path, text))


def evaluate_polnear(data_dir: Path, *, limit: int | None = None, progress: Progress | None = None) -> dict[str, Any]:
    """Content, exact, source and cue P/R/F1, direct-quote recall and per-kind counts over a split."""
    totals = Counts()
    for score in iter_scores(data_dir, limit=limit, progress=progress):
        totals.add(score)
    if not totals.articles:
        raise ReadError(str(data_dir), "no article with both text/*.txt and attributions/*.ann")
    return totals.as_dict()
