"""The learned attribution model: which words are attribution cues, and which of a cue's dependents
holds what was reported.

Two logistic regressions trained on PolNeAR train (``train/cuemodel.py``), shipped as
``data/cue_model.json``:

* **cue**: for every verb and auxiliary, "according", and noun seen as a cue in training, the probability that it is the
  head word of an attribution cue. Features are the word, its parse neighbourhood, its subject,
  the cue lexicon's rate for it, and the parser's contextual token vector (``doc.tensor``), so
  the long tail of cues ("is doubling down on", "pooh-poohed") is scored by context, not by a list.
* **anchor**: for a cue, which dependent (or its head, for "X, officials said") roots the content.

Both score sparse binary features with one weight each; nothing here loads beyond the JSON file.
"""

from __future__ import annotations

import functools
import json
import math
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.analyze.nlp import text_of, tokens_of
from newsgraph.analyze.speakers import subject_of

_MODEL = Path(__file__).parent / "data" / "cue_model.json"
CANDIDATE_POS = frozenset({"VERB", "AUX"})
_SUBJECTS = {"nsubj", "nsubjpass", "agent", "csubj"}
#: Dependents that never hold content.
_NOT_ANCHORS = {"punct", "aux", "auxpass", "neg", "cc", "mark", "prt", "det", "case"} | _SUBJECTS
#: Dependents whose word matters, not just their part of speech ("called *for*", "*not*").
_WORDY = {"prep", "prt", "aux", "neg", "mark", "advmod"}
_SUMMARY_DEPS = {"ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "prep", "dative", "advcl"}
_QUOTE_CHARS = {'"', "“", "”"}
_MARK_OR_BREAK = re.compile(r'[“”"]|\n')


def is_candidate(token: Token, lexicon: dict[str, dict[str, Any]]) -> bool:
    """Verbs, "according", and nouns that were cues in training ("claims", "comment"): other nouns
    almost never head a cue, and skipping them keeps the model cheap."""
    if token.pos_ == "NOUN":
        return f"{token.lemma_.lower()}/NOUN" in lexicon
    return token.pos_ in CANDIDATE_POS or token.lower_ == "according"


def inside_quotes(doc: Doc) -> list[bool]:
    """Per token, whether it sits between double quotation marks (a cue inside a quote is rarely one).

    Only the tokens at marks and line breaks are looked at: building every token in Python is slow.
    """
    text = text_of(doc)
    starts = doc.to_array("IDX").tolist()
    inside = [False] * len(doc)
    state, filled = False, 0
    for match in _MARK_OR_BREAK.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        if index < filled:
            continue  # a second line break in the same whitespace token
        token_text = doc[index].text
        if match.group() != "\n" and token_text != match.group():
            continue  # a mark inside a longer token is not a quotation mark of its own
        inside[filled:index] = [state] * (index - filled)
        if token_text == "“":
            state = True
        elif token_text == "”":
            state = False
        elif token_text == '"':
            state = not state
        else:
            state = False  # quotes reopen at each paragraph
        inside[index] = state
        filled = index + 1
    inside[filled:] = [state] * (len(doc) - filled)
    return inside


def cue_features(token: Token, quoted: bool, lexicon_rate: float | None) -> list[str]:
    """Sparse features of ``token`` as a possible cue head."""
    lemma = token.lemma_.lower()
    doc = token.doc
    rate = "none" if lexicon_rate is None else str(min(9, int(lexicon_rate * 10)))
    features = [
        f"l={lemma}",
        f"p={token.pos_}",
        f"tg={token.tag_}",
        f"d={token.dep_}",
        f"ld={lemma}|{token.dep_}",
        f"r={rate}",
        f"rp={rate}|{token.pos_}",
        f"h={token.head.lemma_.lower()}",
        f"hd={token.head.dep_}|{token.dep_}",
        f"prev={doc[token.i - 1].lower_ if token.i else '<s>'}",
        f"next={doc[token.i + 1].lower_ if token.i + 1 < len(doc) else '</s>'}",
    ]
    if quoted:
        features.append("inq")
    deps = set()
    for child in token.children:
        deps.add(child.dep_)
        features += [
            f"c={child.dep_}",
            f"cl={child.dep_}|{child.lemma_.lower() if child.dep_ in _WORDY else child.pos_}",
            f"lc={lemma}|{child.dep_}",
        ]
        if child.dep_ in _SUBJECTS:
            features.append(f"se={child.ent_type_ or child.pos_}")
            if child.pos_ == "PRON":
                features.append(f"sp={child.lower_}")
    features.append("deps=" + ",".join(sorted(deps & _SUMMARY_DEPS)))
    subject = subject_of(token) if token.pos_ in {"VERB", "AUX"} else None
    features.append(f"subj={subject.ent_type_ or subject.pos_}" if subject is not None else "nosubj")
    return features


def anchors(cue: Token) -> list[tuple[Token, str]]:
    """Where the content may hang: each dependent by its relation, and the head as ``^relation``."""
    # A passive subject can be what was said: "the plan was *denounced* by …".
    found = [
        (child, child.dep_) for child in cue.children if child.dep_ not in _NOT_ANCHORS or child.dep_ == "nsubjpass"
    ]
    if cue.head.i != cue.i:
        found.append((cue.head, f"^{cue.dep_}"))
    return found


def anchor_features(cue: Token, anchor: Token, relation: str, relation_share: float | None) -> list[str]:
    """Sparse features of ``anchor`` as the root of ``cue``'s content."""
    lemma = cue.lemma_.lower()
    features = [
        f"k={relation}",
        f"lk={lemma}|{relation}",
        f"ap={anchor.pos_}",
        f"kap={relation}|{anchor.pos_}",
        f"al={anchor.lemma_.lower()}" if relation in {"prep", "advcl", "^prep"} else "al=-",
        f"dir={'r' if anchor.i > cue.i else 'l'}",
        f"n={min(4, (anchor.right_edge.i - anchor.left_edge.i + 1) // 5)}",
        f"ke={relation}|{anchor.ent_type_}",
    ]
    if relation_share is not None:
        features.append(f"sh={min(5, int(relation_share * 5))}")
    mark = next((c.lower_ for c in anchor.children if c.dep_ == "mark"), None)
    if mark:
        features.append(f"mark={mark}")
    words = text_of(anchor.doc)[anchor.left_edge.idx : anchor.right_edge.idx + len(anchor.right_edge)]
    if any(mark in words for mark in _QUOTE_CHARS):
        features.append(f"q={relation}")
    siblings = sorted({c.dep_ for c in cue.children if c.i != anchor.i and c.dep_ not in _NOT_ANCHORS})
    features += [f"sib={relation}|{','.join(siblings)}", f"cd={cue.dep_}|{relation}", f"at={anchor.tag_}"]
    return features


@dataclass(frozen=True)
class Classifier:
    """Binary logistic regression over sparse features, plus optional dense token-vector weights."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    dense: tuple[float, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Classifier:
        return cls(dict(data.get("weights") or {}), float(data.get("bias", 0.0)), tuple(data.get("dense") or ()))

    def as_dict(self) -> dict[str, Any]:
        return {"weights": self.weights, "bias": self.bias, "dense": list(self.dense)}

    @functools.cached_property
    def _dense(self) -> Any:
        import numpy

        return numpy.asarray(self.dense, dtype="float32") if self.dense else None

    def score(self, features: Iterable[str], dense_score: float = 0.0) -> float:
        """The logit of ``features``; ``dense_score`` is the token vector's part (see ``dense_scores``)."""
        return self.bias + dense_score + sum(map(self.weights.get, set(features), repeat(0.0)))

    def dense_scores(self, doc: Doc) -> Any:
        """Per token, the token vector's part of the logit (zeros without vectors)."""
        import numpy

        tensor = doc.tensor
        if self._dense is None or tensor is None or len(tensor) != len(doc) or tensor.shape[1] != len(self._dense):
            return numpy.zeros(len(doc), dtype="float32")
        return tensor @ self._dense


@dataclass(frozen=True)
class CueModel:
    cue: Classifier = field(default_factory=Classifier)
    anchor: Classifier = field(default_factory=Classifier)
    #: A word at or above this probability is a cue the model adds.
    threshold: float = 1.0
    #: A lexicon cue below this probability is dropped.
    keep_below: float = 0.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CueModel:
        return cls(
            Classifier.from_dict(data["cue"]),
            Classifier.from_dict(data["anchor"]),
            float(data["threshold"]),
            float(data["keep_below"]),
        )

    @property
    def trained(self) -> bool:
        return bool(self.cue.weights)

    def cue_probabilities(self, doc: Doc, lexicon: dict[str, dict[str, Any]]) -> dict[int, float]:
        """Token index -> cue probability, for every candidate token of ``doc``."""
        if not self.trained:
            return {}
        quoted = inside_quotes(doc)
        dense = self.cue.dense_scores(doc)
        found = {}
        for token in tokens_of(doc):
            if not is_candidate(token, lexicon):
                continue
            entry = lexicon.get(f"{token.lemma_.lower()}/{token.pos_}")
            features = cue_features(token, quoted[token.i], entry["rate"] if entry else None)
            found[token.i] = 1.0 / (1.0 + math.exp(-self.cue.score(features, float(dense[token.i]))))
        return found

    def best_anchor(self, cue: Token, lexicon: dict[str, dict[str, Any]]) -> tuple[Token, str] | None:
        """The dependent (or head) most likely to root ``cue``'s content."""
        entry = lexicon.get(f"{cue.lemma_.lower()}/{cue.pos_}")
        scored = []
        for anchor, relation in anchors(cue):
            share = entry["relations"].get(relation, 0) / entry["cue"] if entry else None
            scored.append((self.anchor.score(anchor_features(cue, anchor, relation, share)), anchor.i, relation))
        if not scored:
            return None
        _, index, relation = max(scored)
        return cue.doc[index], relation


@functools.cache
def shipped_cue_model() -> CueModel:
    """The model shipped in the package (``newsgraph train quotes`` rebuilds it); untrained if absent."""
    if not _MODEL.is_file():
        return CueModel()
    return CueModel.from_dict(json.loads(_MODEL.read_text(encoding="utf-8")))
