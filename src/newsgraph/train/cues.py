"""Learn the attribution-cue lexicon from PolNeAR train: which words introduce reported content,
and through which dependency their content hangs off them.

For every gold attribution, the cue's head word (its highest token in the parse) and the
relation from that word to the content's root are counted; every occurrence of each word in the
training texts is counted too. A word's cue rate is ``cue / total``. The extractor reads the
result (``analyze/data/cues.json``) and treats a word as a cue where its rate is high enough,
taking the content through the relations seen for it.

The learned cue model (``train/cuemodel.py``) is trained on the same parse.

Reproduce: ``newsgraph train quotes --data ../shared/datasets/polnear/train``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.analyze.nlp import get_nlp
from newsgraph.evaluate.polnear import GoldAttribution, find_articles, parse_ann

LEXICON = Path(__file__).resolve().parents[1] / "analyze" / "data" / "cues.json"
MODEL = LEXICON.with_name("cue_model.json")
#: Parts of speech a cue head may have; the key is "lemma/POS".
CUE_POS = {"VERB", "NOUN", "ADP", "AUX"}
MIN_CUE_COUNT = 2
Annotated = tuple[Doc, list[GoldAttribution]]


def _head(span: Span) -> Token:
    """The token of ``span`` whose head lies outside it (the highest one)."""
    return min(span, key=lambda t: len(list(t.ancestors)))


def relation(cue: Token, content_root: Token) -> str | None:
    """How the content hangs off the cue: "ccomp", "xcomp", "dobj", "prep>pobj", "^nsubj" (content above
    the cue, as in "X, officials said"), or None when they are not linked within two steps."""
    if content_root.head == cue and content_root != cue:
        return content_root.dep_
    if content_root.head.head == cue and content_root.head != cue:
        return f"{content_root.head.dep_}>{content_root.dep_}"
    if cue.head == content_root:
        return f"^{cue.dep_}"
    return None


def key(token: Token) -> str:
    return f"{token.lemma_.lower()}/{token.pos_}"


def gold_heads(doc: Doc, attribution: GoldAttribution) -> tuple[Token, Token] | None:
    """The head words of an attribution's cue and content in ``doc``, or None without a cue."""
    if not attribution.cue:
        return None
    start, end = attribution.cue[0]
    cue_span = doc.char_span(start, end, alignment_mode="expand")
    content_start, content_end = attribution.content[0][0], attribution.content[-1][1]
    content_span = doc.char_span(content_start, content_end, alignment_mode="expand")
    if cue_span is None or content_span is None or len(cue_span) == 0 or len(content_span) == 0:
        return None
    return _head(cue_span), _head(content_span)


def _attribution_cues(doc: Doc, attribution: GoldAttribution) -> list[tuple[str, str | None]]:
    heads = gold_heads(doc, attribution)
    if heads is None or heads[0].pos_ not in CUE_POS:
        return []
    cue, content_root = heads
    return [(key(cue), relation(cue, content_root))]


def parse_split(data_dir: Path, progress: Callable[[int, int, str], None] | None = None) -> list[Annotated]:
    """Parse every article of a PolNeAR split once, with its gold attributions.

    Training holds the parsed split in memory (about 1 GB for the 840 train articles) so that the
    lexicon and the model, which needs the lexicon, share one parse.
    """
    nlp = get_nlp()
    articles = find_articles(data_dir)
    texts = (path.read_text(encoding="utf-8") for path, _ in articles)
    parsed: list[Annotated] = []
    for index, (doc, (path, ann)) in enumerate(zip(nlp.pipe(texts, batch_size=16), articles, strict=True)):
        if progress:
            progress(index + 1, len(articles), path.name)
        parsed.append((doc, parse_ann(ann.read_text(encoding="utf-8"), doc.text) if ann else []))
    return parsed


def learn_lexicon(parsed: list[Annotated], source: str) -> dict[str, Any]:
    """Count cue heads and their content relations over parsed articles; returns the lexicon dict."""
    cue_counts: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    relations: dict[str, Counter[str]] = defaultdict(Counter)
    relation_totals: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, gold in parsed:
        for token in doc:
            if token.pos_ not in CUE_POS:
                continue
            totals[key(token)] += 1
            seen = {child.dep_ for child in token.children} | {f"^{token.dep_}"}
            relation_totals[key(token)].update(seen)
        for attribution in gold:
            for word, rel in _attribution_cues(doc, attribution):
                cue_counts[word] += 1
                if rel:
                    relations[word][rel] += 1
    cues = {
        word: {
            "cue": count,
            "total": max(totals[word], count),
            "rate": round(count / max(totals[word], count), 4),
            "relations": dict(relations[word].most_common()),
            # How often the word has each relation at all, for the rate of content along it.
            "relation_totals": {rel: relation_totals[word][rel] for rel in relations[word]},
        }
        for word, count in sorted(cue_counts.items())
        if count >= MIN_CUE_COUNT
    }
    return {"about": __doc__.strip().splitlines()[0], "source": source, "articles": len(parsed), "cues": cues}


def write_json(data: dict[str, Any], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
