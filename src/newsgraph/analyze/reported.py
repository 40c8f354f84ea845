"""Reported speech without quotation marks: indirect quotes found through the cue lexicon and the
learned cue model (``cuemodel.py``), both trained on PolNeAR train by ``newsgraph train quotes``,
and "according to X" reports; with the parse helpers that bound a report's content.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.analyze.cuemodel import CueModel, shipped_cue_model
from newsgraph.analyze.nlp import text_of, tokens_of
from newsgraph.analyze.speakers import subject_of, subject_span
from newsgraph.analyze.titles import is_role_word

#: A learned cue must introduce content at least this often (PolNeAR train), and a relation must carry
#: at least this share of its cue uses. Tuned on PolNeAR dev.
MIN_CUE_RATE = 0.15
MIN_RELATION_SHARE = 0.1
STRONG_CUE_RATE = 0.5
MIN_RELATION_RATE = 0.2
#: A cue the model adds is dropped when more than this share of its content is already reported.
MAX_SHARED_CONTENT = 0.3
#: Dependents of a cue that never hold what was reported.
NOT_CONTENT = {"punct", "nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "cc", "conj", "mark", "prt"}
_LEXICON = Path(__file__).parent / "data" / "cues.json"


@functools.cache
def cue_lexicon() -> dict[str, dict[str, Any]]:
    """The cue lexicon shipped with the package (``newsgraph train quotes`` rebuilds it)."""
    return json.loads(_LEXICON.read_text(encoding="utf-8"))["cues"]


_ACCORDING = re.compile(r"\baccording\b", re.IGNORECASE)


@dataclass
class Found:
    """A quote, direct or reported, before it becomes a record: its parts, kind, cue and speaker mention."""

    parts: list[tuple[int, int]]
    kind: str
    cue: Token | None
    speaker_span: tuple[int, int] | None
    #: A cue that is not one verb ("according to"); the verb token is kept for its sentence.
    cue_span: tuple[int, int] | None = None
    #: For a mixed quote, the reported clause when it is known from an enclosing indirect quote.
    clause: tuple[int, int] | None = None

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def cue_rate(token: Token) -> float:
    entry = cue_lexicon().get(f"{token.lemma_.lower()}/{token.pos_}")
    return entry["rate"] if entry else 0.0


def token_at(doc: Doc, position: int) -> Token | None:
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def indirect_quotes(doc: Doc) -> Iterator[Found]:
    """Reported speech without quotation marks, through the cue lexicon and the cue model, both
    learned from PolNeAR train.

    A word is a lexicon cue where its learned cue rate is high enough (a weak one only where the
    cue model agrees); its content is the dependent it most often governs as a cue (the clause of "said
    (that) X", the object and infinitive of "urged lawmakers to X"), or the clause it interrupts
    ("X, officials said, Y"). Words the model scores as cues but the lexicon misses ("is doubling
    down on X") take their content from the dependent the model picks. "According to Y, X" has its
    own rule.
    """
    lexicon = cue_lexicon()
    model = shipped_cue_model()
    probability = model.cue_probabilities(doc, lexicon)
    taken: set[int] = set()
    found: list[Found] = []
    for cue in tokens_of(doc):
        entry = lexicon.get(f"{cue.lemma_.lower()}/{cue.pos_}")
        if entry is None or entry["rate"] < MIN_CUE_RATE or cue.pos_ not in {"VERB", "AUX"} or cue.lemma_ == "quote":
            continue  # "X quoted Y as saying": the quote is what was said, not Y
        if _phrasal(cue) or _expletive(cue):
            continue
        if entry["rate"] < STRONG_CUE_RATE and probability.get(cue.i, 1.0) < model.keep_below:
            continue  # a weak cue word the model rules out here
        parts = _learned_content(cue, entry, model if model.trained else None)
        speaker = subject_of(cue)
        if not parts or speaker is None or _holds(parts, speaker):
            continue
        taken.add(cue.i)
        found.append(Found(parts, "indirect", cue, subject_span(cue)))
    found += _according_to(doc)
    starts = [t.idx for t in tokens_of(doc)]
    covered = {i for item in found for start, end in item.parts for i in _token_range(starts, start, end)}
    for index, chance in sorted(probability.items()):
        cue = doc[index]
        if chance < model.threshold or index in taken or cue.lower_ == "according" or cue.lemma_ == "quote":
            continue
        if _phrasal(cue) or _expletive(cue):
            continue
        anchor = model.best_anchor(cue, lexicon)
        parts = _runs(_content_along(cue, *anchor), cue) if anchor is not None and not _circumstance(*anchor) else []
        inside = {i for start, end in parts for i in _token_range(starts, start, end)}
        if not inside or len(inside & covered) > MAX_SHARED_CONTENT * len(inside):
            continue
        speaker = subject_of(cue)
        if speaker is not None and _holds(parts, speaker):
            continue
        covered |= inside
        found.append(Found(parts, "indirect", cue, subject_span(cue)))
    yield from found


def nested(item: Found, found: list[Found]) -> bool:
    """A report whose cue and content lie inside what a speech cue reports: "he said he [would order] a
    review". Most are the outer speaker's paraphrase, not a statement of their own; inside what a weaker
    cue holds ("approved a levy, which shop owners have warned …") the inner report stands."""
    if item.cue is None:
        return False
    return any(
        other is not item
        and other.start <= item.cue.idx
        and item.end <= other.end
        and other.start <= item.start
        and (other.cue_span is not None or other.cue is not None and cue_rate(other.cue) >= STRONG_CUE_RATE)
        for other in found
    )


def _expletive(cue: Token) -> bool:
    """ "It's unclear whether …", "it was whether the judges …": "be" with an empty subject reports nothing."""
    subject = next((c for c in cue.children if c.dep_ in {"nsubj", "expl"}), None)
    return cue.lemma_ == "be" and subject is not None and subject.lower_ in {"it", "there"}


def _phrasal(cue: Token) -> bool:
    """ "called off the search", "called up reservists": a particle that makes "call" no report."""
    return cue.lemma_ == "call" and any(c.dep_ == "prt" and c.lower_ in _NOT_SPEECH_PARTICLES for c in cue.children)


def _holds(parts: list[tuple[int, int]], token: Token) -> bool:
    """Whether ``token`` lies in ``parts``: “…,” read the council's statement: who speaks is not what was said."""
    return any(start <= token.idx < end for start, end in parts)


def _token_range(starts: list[int], start: int, end: int) -> range:
    """Indices of the tokens starting inside ``[start, end)``, given every token's start offset."""
    return range(bisect_left(starts, start), bisect_left(starts, end))


def _learned_content(cue: Token, entry: dict[str, Any], model: CueModel | None = None) -> list[tuple[int, int]]:
    """The content of ``cue`` along the relation the lexicon saw most for it, as one or more parts.
    The lexicon decides whether ``cue`` has content here; the cue ``model``, when given, decides
    where it hangs."""
    relations: dict[str, int] = entry["relations"]
    best: tuple[float, Token, str] | None = None
    for child in cue.children:
        share = relations.get(child.dep_, 0) / entry["cue"]
        if child.dep_ in NOT_CONTENT or not _accepted(entry, child.dep_, share):
            continue
        if best is None or share > best[0]:
            best = (share, child, child.dep_)
    up = relations.get(f"^{cue.dep_}", 0) / entry["cue"]
    # "X, officials said": the content is the clause the cue hangs off, around it.
    reversed_report = entry["rate"] >= STRONG_CUE_RATE and cue.head.i < cue.i
    if (
        best is None
        and cue.dep_ in {"parataxis", "ccomp"}
        # "X said they had been told …": what the head reports holds this cue, not the other way round
        and not (cue.head.i < cue.i and cue_rate(cue.head) >= STRONG_CUE_RATE and _has_subject(cue.head))
        and (reversed_report or _accepted(entry, f"^{cue.dep_}", up))
    ):
        best = (up, cue.head, f"^{cue.dep_}")
    if best is None:
        return _extracted_clause(cue)
    anchor = model.best_anchor(cue, cue_lexicon()) if model is not None else None
    if anchor is not None and not _circumstance(*anchor) and (parts := _runs(_content_along(cue, *anchor), cue)):
        return parts
    if _circumstance(best[1], best[2]):
        return []
    return _runs(_content_along(cue, best[1], best[2]), cue)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _circumstance(anchor: Token, relation: str) -> bool:
    """ "said in a phone interview", "told reporters at the rally": where or when, not what was said;
    "declined to be named": a wish not to be named, not a report."""
    if anchor.lemma_ in {"name", "identify"} and any(c.dep_ == "auxpass" for c in anchor.children):
        return True
    return relation == "prep" and anchor.lower_ in _CIRCUMSTANCE_PREPOSITIONS and anchor.head.lemma_ in {"say", "tell"}


def _extracted_clause(cue: Token) -> list[tuple[int, int]]:
    """ "…, which analysts have warned could be a first step": the relative pronoun is the subject of
    the reported clause that follows the cue, which the parser often hangs elsewhere."""
    subjects = [c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if cue.dep_ != "relcl" or len(subjects) < 2 or cue.i + 1 >= len(cue.doc):
        return []
    clause = cue.doc[cue.i + 1].head
    if clause.i <= cue.i or clause.pos_ not in {"VERB", "AUX"}:
        return []
    return _runs(list(cue.doc[cue.i + 1 : clause.right_edge.i + 1]), cue)


def _content_along(cue: Token, anchor: Token, relation: str) -> list[Token]:
    """The content words of ``cue`` rooted at ``anchor`` (a dependent, or the head for "^relation")."""
    if relation.startswith("^"):
        if _described_speaker(cue, anchor):
            return []
        inner = {t.i for t in cue.subtree}
        return [t for t in anchor.subtree if t.i not in inner]
    # "called for X": the preposition is part of the cue, not of what was called for.
    tokens = [t for t in anchor.subtree if not (relation == "prep" and t.i == anchor.i)]
    if relation in {"dobj", "dative"} and anchor.i < cue.i and anchor.tag_ == "WDT":
        tokens = []  # "a blast that the mayor described as X": the relative pronoun stands for the blast
    if relation in {"dobj", "dative"}:
        # "urged lawmakers to act", "called the plan a disaster": the object and what is said of it
        said_of = [c for c in cue.children if c.i > anchor.i and (says_of(c) or _object_prep(c))]
        tokens += [t for c in said_of for t in c.subtree]
        complements = [c.right_edge.i for c in said_of if says_of(c)]
        if complements and cue.i < anchor.left_edge.i:
            # "called her vote [in favor of the war] a mistake": what stands between belongs to the object
            tokens = list(cue.doc[anchor.left_edge.i : max(complements) + 1])
    elif relation in {"ccomp", "xcomp"}:
        # "wants to cut taxes and raise wages": the content goes on past an "and" the parser hung on the
        # cue; after a "but" it is mostly the writer's own turn ("vowed to X, but are likely to draw fire"),
        # unless it quotes the speaker ("hopes to win, but knows that “the king stays king”").
        contrary = any(c.dep_ == "cc" and c.lower_ in _CONTRARY for c in cue.children)
        tokens += [t for c in cue.children if c.dep_ in {"conj", "cc"} and c.i > anchor.i and not _reports_again(c)
                   and (not contrary or _quotes(c)) for t in c.subtree]  # fmt: skip
        # "said they had been told [the building] [was to be demolished]": one clause the parser split in two
        tokens += [t for c in cue.children if c.dep_ == relation and c.i > anchor.i and not _reports_again(c)
                   for t in c.subtree]  # fmt: skip
    return _without_asides(anchor, sorted(tokens, key=lambda t: t.i))


def _described_speaker(cue: Token, head: Token) -> bool:
    """ "…,” said Darren Pask, reeve for the district": the parser made the speaker's description the
    cue's head, but it is who spoke, not what was said."""
    doc = cue.doc
    return (
        head.i > cue.i + 2
        and is_role_word(head.text)
        and doc[head.i - 1].text == ","
        and doc[head.i - 2].dep_ in {"nsubj", "nsubjpass"}
        and doc[head.i - 2].head.i == cue.i
    )


_CIRCUMSTANCE_PREPOSITIONS = {"in", "at", "on", "during", "after", "before", "since", "while", "from"}
_NOT_SPEECH_PARTICLES = {"off", "up", "in"}
_DASHES = {"—", "–", "--", "-", "―"}
_CONTRARY = {"but", "although", "though", "yet"}

_NON_RESTRICTIVE = {"which", "who", "whom", "whose", "where"}


def _without_asides(anchor: Token, tokens: list[Token]) -> list[Token]:
    """``tokens`` without what starts a report of its own or an aside that the content does not hold."""
    dropped: set[int] = set()
    doc = anchor.doc
    last = max((t.i for t in tokens if not t.is_punct), default=-1)
    for token in tokens:
        if token.i == anchor.i:
            continue
        after_comma = token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ","
        # "said it was opposed and warned Y": a conjoined cue with no subject of its own reports anew, and
        # so does a weaker one with words of its own quoted ("… and encouraged Americans to “check out” …")
        quoting = token.pos_ == "VERB" and cue_rate(token) >= MIN_CUE_RATE and _quotes(token)
        if _reports_again(token) or quoting:
            conjoined = (
                token.dep_ == "conj"
                and token.head.i == anchor.i
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
            )
            # "said he would not, arguing that …": a participle cue after a comma.
            if conjoined or (token.tag_ == "VBG" and after_comma):
                dropped.update(t.i for t in token.subtree)
        elif (
            after_comma
            and token.right_edge.i >= last
            and (
                token.dep_ == "appos"
                or token.dep_ == "relcl"
                and token.left_edge.lower_ in _NON_RESTRICTIVE
                # "would consider it an insult, implicitly putting his name on the line": the writer's gloss
                or token.dep_ == "advcl"
                and token.tag_ == "VBG"
                and token.left_edge.i >= token.i - 1
            )
        ):
            # "backed the plan, which critics call …", "endorsed Smith, the latest chapter in …"
            dropped.update(t.i for t in token.subtree)
    kept = [t for t in tokens if t.i not in dropped]
    # "their support -- who cited …": one dash (not a pair) starts an aside the content does not hold.
    dashes = [t for t in kept if t.text in _DASHES and t.is_punct and t.whitespace_]
    if len(dashes) == 1 and kept.index(dashes[0]) >= 3:
        kept = [t for t in kept if t.i < dashes[0].i]
    return kept


def _quotes(token: Token) -> bool:
    """Whether the phrase of ``token`` holds quoted words."""
    return any(t.is_quote for t in token.subtree)


def _reports_again(token: Token) -> bool:
    """A conjoined verb that is itself a cue starts a report of its own ("said X and added Y")."""
    return token.pos_ in {"VERB", "AUX"} and cue_rate(token) >= STRONG_CUE_RATE


def _runs(tokens: list[Token], cue: Token) -> list[tuple[int, int]]:
    """Stretches of ``tokens`` split where the cue or its own dependents sit between them, each
    trimmed: "The museum, [Mr. Obama said,] would make …" is one content in two parts, while
    "called her vote [in the Senate] a mistake" is one."""
    # Reported content stays in the cue's paragraph, whatever the parser joined across the break.
    text = text_of(cue.doc)
    first, last = text.rfind("\n", 0, cue.idx), text.find("\n", cue.idx)
    last = len(text) if last < 0 else last
    runs: list[list[Token]] = []
    for token in (t for t in tokens if first < t.idx < last):
        gap = token.doc[runs[-1][-1].i + 1 : token.i] if runs and token.i - runs[-1][-1].i > 1 else ()
        if runs and (runs[-1][-1].i < cue.i < token.i or any(t.head.i == cue.i and not t.is_punct for t in gap)):
            runs.append([token])
        elif runs:
            runs[-1] += token.doc[runs[-1][-1].i + 1 : token.i + 1]
        else:
            runs.append([token])
    if sum(len(run) for run in runs) < 3:
        return []
    spans = [trimmed_span(run, min_tokens=1) for run in runs]
    return [span for span in spans if span is not None]


def _object_prep(child: Token) -> bool:
    """A preposition that completes what a cue says of its object: "accused X *of* Y", "linked X *to* Y"."""
    return child.dep_ == "prep" and child.lower_ in {"of", "from", "to", "with", "about", "into", "against", "over"}


def says_of(child: Token) -> bool:
    """What a cue says of its object: "to act", "a disaster", "as a disgrace", "for failing"."""
    return child.dep_ in {"xcomp", "oprd", "ccomp"} or (child.dep_ == "prep" and child.lower_ in {"as", "for"})


def _accepted(entry: dict[str, Any], relation: str, share: float) -> bool:
    """A strong cue word takes content along any relation it often has as a cue; a weaker one only
    along relations that, in training, carried content often enough among all their uses."""
    if entry["rate"] >= STRONG_CUE_RATE and share >= MIN_RELATION_SHARE:
        return True
    total = entry.get("relation_totals", {}).get(relation, 0)
    return total > 0 and entry["relations"].get(relation, 0) / total >= MIN_RELATION_RATE


def trimmed_span(tokens: list[Token], min_tokens: int = 3) -> tuple[int, int] | None:
    """Character span of the tokens without edge punctuation or a leading "that"; None when too short."""
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].lower_ == "that" and tokens[0].dep_ == "mark"):
        tokens.pop(0)
    if len(tokens) < min_tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _according_to(doc: Doc) -> Iterator[Found]:
    """ "According to Reuters, X" and "X, according to the report": the rest of the sentence is reported."""
    for match in _ACCORDING.finditer(text_of(doc)):
        token = token_at(doc, match.start())
        if token is None or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        # "according to show insiders": the tagger may read the source as a verb phrase
        source = next((c for c in to.children if c.dep_ in {"pobj", "pcomp"}), None)
        if source is None:
            continue
        sentence = token.sent
        if any(t.pos_ == "VERB" and cue_rate(t) >= STRONG_CUE_RATE for t in sentence if t.i > to.i):
            continue  # "according to Reuters, analysts said …": the verb's own clause is the quote
        phrase_end = max(t.i for t in source.subtree) + 1
        before = [t for t in sentence if t.i < token.i]
        after = [t for t in sentence if t.i >= phrase_end]
        comma = next((t.i for t in sentence if t.i > source.i and t.text == ","), None)
        if comma is not None and not trimmed_span(list(before)) and not trimmed_span(list(after)):
            # "According to Rush Ames, the move reeks of …": the parser took the report into the source
            phrase_end, after = comma, [t for t in sentence if t.i > comma]
        body = after if len(after) >= len(before) else before
        span = trimmed_span(body)
        if span is None:
            continue
        last = doc[min(source.right_edge.i, phrase_end - 1)]
        subject = (source.left_edge.idx, last.idx + len(last.text))
        yield Found([span], "indirect", to, subject, cue_span=(token.idx, to.idx + len(to.text)))
