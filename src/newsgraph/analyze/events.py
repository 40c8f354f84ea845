"""PLOVER events: who did what to whom, when and where, from the dependency parse.

A *predicate* is a verb with the verbs and nouns that complete its meaning folded in:
"agreed to release", "threatened to close", "held talks", "went on strike". Each predicate
whose words are event words (a hand-written lexicon from the PLOVER manual, the CAMEO
crosswalk, and trigger words learned from PLV train) becomes a candidate. Its type comes
from a linear model over the predicate's words, object, prepositions, negation and modality
(``newsgraph train events`` learns it from ``plv/train.tsv``; ``data/events_model.json``);
its actors from the parse:

* **source**: the subject (borrowed up through ``xcomp``/``conj``/participle clauses, the
  agent of a passive, the possessor of an event noun); a pronoun takes the subject of the
  clause that reports it ("Sheinbaum said *she* rejected") or the last fitting entity before it;
* **target**: the indirect or direct object (an offer's, decision's or sanction's owner
  instead of the noun itself: "rejected *Trump's* decision", "lifted sanctions on *India*"),
  else the object of a preposition (against, on, with, to, ...), else the subject of a
  requested clause ("demanded that *the US* ease ...").

Flags, dates and places:

* ``negated``: "not", "n't", "never", or a refusal ("refused/declined/failed to") on the
  predicate, unless the type is REJECT, where the refusal *is* the event;
* ``hypothetical``: a future or modal auxiliary (will, would, could, may, might, shall,
  should, 'll, "going to") or an if/unless clause on the predicate's head. Intentions
  expressed by the verb itself ("threatened to", "agreed to") are not hypothetical: they are
  the THREATEN or AGREE event;
* ``date``: the value of the nearest DATE/TIME expression inside the predicate's clause (not
  inside a nested clause); else, for an event that is not hypothetical, the publication date,
  i.e. the date the event was *reported*, as GDELT and ICEWS do; else None;
* ``location``: a place entity (GPE, LOC, FAC) after "in", "at", "near" on the predicate.

>>> from newsgraph.analyze.nlp import get_nlp
>>> from newsgraph.analyze.entities import find_entities
>>> doc = get_nlp()("Rebels attacked a police station in Kandahar on Sunday.")  # doctest: +SKIP
>>> [(e.type, e.source.name, e.target.name) for e in find_events(doc, find_entities(doc), [], None)]  # doctest: +SKIP
[('ASSAULT', 'Rebels', 'police station')]
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.analyze.entities import EntityIndex
from newsgraph.analyze.nlp import text_of
from newsgraph.records import Actor, Event, TimeExpression

__all__ = [
    "LABELS",
    "QUADS",
    "TYPES",
    "EventModel",
    "Predicate",
    "actors",
    "find_events",
    "predicates",
    "quad",
]

#: PLOVER's 16 event types.
TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
#: The classes the model predicts: CONCEDE and RETREAT are one class, YIELD, as in PLV.
LABELS = tuple(t for t in TYPES if t not in {"CONCEDE", "RETREAT"}) + ("YIELD",)
#: Quad class of each type: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
#: 4 material conflict (PLV's ``gold_penta``; the manual's chapter 3 puts SANCTION in 4 too).
QUADS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "CONCEDE": 2, "RETREAT": 2, "YIELD": 2, "COOPERATE": 2, "AID": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "SANCTION": 4, "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


def quad(event_type: str) -> int:
    return QUADS[event_type]


def _words(table: dict[str, str]) -> dict[str, str]:
    """``{"TYPE": "word word ..."}`` -> ``{word: TYPE}``; a word listed twice keeps its first type."""
    out: dict[str, str] = {}
    for type_, words in table.items():
        for word in words.split():
            out.setdefault(word.replace("_", " "), type_)
    return out


#: Event words by type, from the PLOVER manual's definitions and the CAMEO descriptions, with
#: common synonyms. Lemmas; nouns and verbs alike. The model learns how far to trust them.
LEXICON = _words(
    {
        "AGREE": """agree promise pledge offer propose commit consent accept ready willing prepared
            agreement deal accord pact settle settlement invite invitation proposal offer undertake
            guarantee assure vow""",
        "CONSULT": """meet talk discuss negotiate consult visit host confer mediate meeting talks discussion
            negotiation summit mediation consultation conversation telephone phone call dialogue
            receive tour trip arrive travel""",
        "SUPPORT": """support praise endorse commend welcome hail applaud back defend congratulate thank
            recognize recognise sign approve laud appreciate apologize apologise forgive sympathize
            salute celebrate reaffirm solidarity backing endorsement praise recognition condolence
            ratify""",
        "YIELD": """release free lift ease withdraw retreat pull resign surrender return repatriate pardon
            amnesty cede disarm demobilize ceasefire truce concede yield relax drop reopen unblock
            relent acquiesce regret withdrawal resignation release handover restore reinstate
            reverse rescind revoke cancel exonerate acquit decommission dismantle evacuate""",
        "COOPERATE": """cooperate collaborate cooperation partner partnership exercise drill share extradite
            coordinate team ally alliance collaboration joint trade exchange""",
        "AID": """aid help assist assistance provide give donate send supply deliver fund finance grant
            loan lend contribute rescue shelter asylum donation funding relief pay award subsidize
            equip train invest""",
        "REQUEST": """ask request demand urge appeal press pressure push seek plead order require insist
            petition lobby implore beg exhort summon want call encourage demand appeal request plea
            instruct direct""",
        "ACCUSE": """accuse allege blame condemn criticize criticise denounce decry slam blast charge sue
            indict investigate probe complain deplore censure rebuke chide lambast accusation
            condemnation criticism complaint lawsuit investigation inquiry probe indictment
            allegation denunciation fault question prosecute impeach disapprove protest""",
        "REJECT": """reject refuse decline deny dismiss oppose veto rebuff spurn snub resist defy refusal
            rejection object disagree overrule ignore shun rebut refute repudiate obstruct boycott
            postpone abandon renege scrap quit""",
        "THREATEN": """threaten warn threat warning ultimatum menace intimidate brandish""",
        "PROTEST": """demonstrate rally march strike picket riot protest demonstration sit walkout
            protester demonstrator boycott""",
        "SANCTION": """sanction embargo suspend sever expel downgrade halt freeze blacklist designate
            penalize penalise tariff terminate cut recall convict fine suspension""",
        "MOBILIZE": """mobilize mobilise deploy mass alert reinforce station dispatch patrol buildup
            deployment mobilization intensify bolster""",
        "COERCE": """arrest detain jail imprison seize confiscate raid search ban outlaw censor deport curfew
            restrict crackdown repress suppress besiege blockade siege shut confine sentence
            evict hack annex occupy detention custody apprehend kidnap""",
        "ASSAULT": """attack kill bomb shell airstrike fire shoot assault clash fight battle storm ambush
            invade massacre execute assassinate abduct hijack torture beat rape wound injure destroy
            burn explode target hit pound behead stab lynch murder slaughter rocket missile offensive
            incursion violence combat bombing shooting killing airstrike strike explosion gunfire""",
    }
)

#: Nouns that name an act on their own, so that "Russia's attack on Ukraine" is an event.
_EVENT_NOUNS = frozenset(
    """attack airstrike strike bombing shooting killing assault invasion offensive raid massacre
    abduction kidnapping arrest detention crackdown sanction embargo tariff ban threat warning ultimatum
    protest demonstration rally boycott accusation criticism condemnation complaint lawsuit investigation
    probe inquiry indictment allegation visit talks meeting negotiation summit call agreement deal
    support praise endorsement aid assistance donation loan release withdrawal ceasefire truce pardon
    amnesty demand request appeal plea refusal rejection veto deployment mobilization expulsion
    deportation seizure blockade siege cooperation partnership exercise""".split()
)
#: Verbs that only report speech: never a predicate of their own (the reported clause may be).
_REPORTING = frozenset(
    """say tell add report state note write quote explain mention reply respond recall remark comment
    tweet post stress emphasize emphasise insist_that argue believe think know hope expect
    feel learn read""".split()
)
#: Verbs that report when they take a clause, and are light verbs when they take a noun.
_ANNOUNCING = frozenset(
    """announce declare confirm insist reveal indicate reiterate reaffirm stress acknowledge admit
    decide""".split()
)
#: Nouns whose infinitive complement is the act: "its commitment to support", "a decision to lift".
_COMPLEMENT_NOUNS = frozenset(
    """commitment decision plan offer promise pledge threat agreement call effort bid move order permission
    approval deadline ultimatum readiness willingness intention intent proposal request demand appeal
    attempt deal vow warning invitation refusal right authority""".split()
)
#: Verbs whose direct object names the event: "held talks", "launched an attack".
_LIGHT = frozenset(
    """hold carry launch stage conduct impose issue express make give take begin start open file lodge
    mount reach sign level voice extend deliver pay announce initiate undertake unleash wage order
    declare call step reiterate reaffirm renew lead""".split()
)
#: Verbs of refusal: negation of what follows them.
_REFUSAL = frozenset({"refuse", "decline", "fail", "reject"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "'ll", "wo", "ca"})
_OBLIGATIONS = frozenset({"must", "should"})
_BLAME = frozenset({"responsible", "guilty", "culpable", "behind", "liable"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
#: Nouns that stand for another actor's act: the target is their owner ("Trump's offer").
_CARRIERS = frozenset(
    """decision offer proposal plan call demand request decree move policy statement remark comment
    resolution bid sanction restriction ban aid help support assistance embargo measure action
    declaration initiative order law rule regime government administration program programme
    deal agreement position stance claim accusation threat attack invitation report""".split()
)
#: Prepositions that introduce a target, best first.
_TARGET_PREPS = ("against", "on", "upon", "with", "to", "toward", "towards", "into", "from", "at", "over",
                 "for", "of", "in")  # fmt: skip
#: Verbs of giving: their recipient is the "to" object, not the thing given.
_TRANSFER = frozenset(
    """give send return provide deliver hand supply grant offer sell donate lend pay transfer ship deploy
    extradite deport repatriate release""".split()
)
#: Nouns for people and bodies, which can act in events.
_GROUPS = frozenset(
    """government authority official police army military troop force soldier rebel militant fighter
    insurgent protester demonstrator activist people civilian citizen resident student worker employee
    leader president minister party opposition group court judge parliament lawmaker legislator senator
    regime administration embassy ambassador diplomat delegation envoy company firm bank organization
    organisation union refugee migrant prisoner detainee journalist reporter member council committee
    agency ministry country nation state community family child woman man victim suspect gang cartel
    militia coalition alliance side faction tribe prosecutor investigator officer guard commander chief
    spokesman spokeswoman spokesperson monarch king queen prince premier chancellor mayor governor
    counterpart partner ally neighbor neighbour donor operator hacker terrorist jihadist separatist
    secessionist dissident critic voter supporter crowd mob villager farmer""".split()
)
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")
_NOT_AGENTS = frozenset(
    """order border number water quarter letter matter center centre power paper winter summer corner
    manner error sector factor motor monitor floor door mirror interior exterior favor favour honor
    honour labor labour rumor rumour terror horror tremor vapor harbor meter register chapter character
    cancer member-state agent parent talent event content extent percent statement agreement movement
    government department investment argument element moment comment incident accident president
    resident opponent component segment payment treatment settlement development equipment management
    requirement announcement commitment involvement enforcement deployment engagement""".split()
)
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PHRASE_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "cc", "conj", "advmod", "prep",
     "pobj", "punct", "predet", "npadvmod"}
)  # fmt: skip
_PRONOUNS = {
    "he": "person", "him": "person", "she": "person", "her": "person",
    "his": "person", "it": "thing", "its": "thing", "they": "group", "them": "group", "their": "group",
}  # fmt: skip
_SELF = frozenset({"i", "me", "we", "us", "you", "my", "our", "your"})
_LEADING = re.compile(r"^(?:the|a|an|The|A|An)\s+")
_TRAILING = re.compile(r"(?:\s*[,;:.]|\s+(?:and|or))+$")
#: Drop a coded event whose source names no one ("sanctions were lifted", "sovereignty is defended").
#: Costs about half a point of PLV accuracy; keeps junk out of real articles.
REQUIRE_ACTOR = True
_MODEL = Path(__file__).parent / "data" / "events_model.json"
_DATED = re.compile(r"^\d{4}(?:-\d\d){0,2}(?:T[\d:]+)?$|^\d{4}-(?:W\d\d|Q\d|SU|SP|FA|WI)$")


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True, eq=False)
class EventModel:
    """The learned part: trigger words and feature weights per label (see ``train/events.py``)."""

    weights: dict[str, dict[str, float]] = field(default_factory=dict)
    bias: dict[str, float] = field(default_factory=dict)
    triggers: frozenset[str] = frozenset()
    crosswalk: dict[str, str] = field(default_factory=dict)
    #: Weights of the parser's token vectors (head word, last word) per label: ``[dimension][label]``.
    dense: tuple[tuple[float, ...], ...] = ()
    #: Lexicon weight used when ``weights`` is empty (the untrained, lexicon-only coder).
    prior: float = 1.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventModel:
        return cls(
            weights={f: dict(w) for f, w in (data.get("weights") or {}).items()},
            bias=dict(data.get("bias") or {}),
            triggers=frozenset(data.get("triggers") or ()),
            crosswalk=dict(data.get("crosswalk") or {}),
            dense=tuple(tuple(row) for row in data.get("dense") or ()),
        )

    @functools.cached_property
    def _dense(self) -> Any:
        import numpy

        return numpy.asarray(self.dense, dtype="float32") if self.dense else None

    def is_trigger(self, lemma: str) -> bool:
        return lemma in LEXICON or lemma in self.triggers or lemma in self.crosswalk

    def scores(self, features: Iterable[str], vector: Any = None) -> dict[str, float]:
        scores = dict.fromkeys(LABELS, 0.0)
        if vector is not None and self._dense is not None and len(vector) == len(self._dense):
            for label, value in zip(LABELS, vector @ self._dense, strict=True):
                scores[label] += float(value)
        for label, value in self.bias.items():
            scores[label] += value
        if not self.weights:  # lexicon only: vote by the words' lexicon types
            for feature in features:
                if feature.startswith(("xl=", "xh=", "xo=")):
                    scores[feature[3:]] += self.prior * (1.5 if feature.startswith("xl=") else 1.0)
            return scores
        for feature in features:
            for label, value in self.weights.get(feature, {}).items():
                scores[label] += value
        return scores

    def classify(self, features: Sequence[str], vector: Any = None) -> tuple[str, float]:
        """The best label and its probability under the model."""
        scores = self.scores(features, vector)
        best = max(scores, key=lambda k: scores[k])
        top = scores[best]
        total = sum(math.exp(v - top) for v in scores.values())
        return best, 1.0 / total


@functools.cache
def shipped_model() -> EventModel:
    """The model shipped in the package (``newsgraph train events`` rebuilds it)."""
    if not _MODEL.is_file():
        return EventModel()
    return EventModel.from_dict(json.loads(_MODEL.read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- predicates


@dataclass
class Predicate:
    """One candidate event in the parse: its words, its actors' head tokens and its flags."""

    head: Token
    chain: list[Token]
    source: Token | None = None
    target: Token | None = None
    negated: bool = False
    refusal: bool = False
    modal: bool = False
    passive: bool = False
    features: list[str] = field(default_factory=list)
    #: Purpose clauses folded in: "provided aid *to help* refugees".
    purpose: list[Token] = field(default_factory=list)

    @property
    def vector(self) -> Any:
        """The parser's vectors of the head word and the last word, side by side (None without them)."""
        tensor = self.head.doc.tensor
        if tensor is None or len(tensor) != len(self.head.doc):
            return None
        import numpy

        return numpy.concatenate([tensor[self.head.i], tensor[self.chain[-1].i]])

    @property
    def lemmas(self) -> list[str]:
        return [t.lemma_.lower() for t in self.chain]

    @property
    def span(self) -> tuple[int, int]:
        first, last = min(t.i for t in self.chain), max(t.i for t in self.chain)
        doc = self.head.doc
        return doc[first].idx, doc[last].idx + len(doc[last].text)


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _obligation(token: Token) -> Token | None:
    """The clause a reporting verb reports as an obligation or a blame: "says Israel *must end*
    attacks", "said the Taliban *were responsible*"."""
    clause = _child(token, "ccomp")
    if clause is None or _child(clause, "nsubj", "nsubjpass") is None:
        return None
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGATIONS for c in clause.children):
        return clause
    if clause.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in _BLAME for c in clause.children):
        return clause
    return None


def _is_predicate_head(token: Token) -> bool:
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma in _REPORTING:
        return _obligation(token) is not None
    # "announced (that) they will return ...": the announced clause is the event.
    if lemma in _ANNOUNCING and _child(token, "ccomp") is not None and _child(token, "dobj") is None:
        return False
    # An infinitive complement folds into its governor: "agreed [to release]".
    return not (token.dep_ == "xcomp" and token.head.pos_ in {"VERB", "AUX"} and token.head.lemma_ != "be")


def _chain(head: Token) -> list[Token]:
    """The head verb and what completes it: xcomp verbs, a light verb's event noun, "go on strike"."""
    chain = [head]
    current = head
    if head.lemma_.lower() in _REPORTING:
        clause = _obligation(head)
        return [head, clause] if clause is not None else chain
    for _ in range(4):
        lemma = current.lemma_.lower()
        xcomp = next((c for c in current.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "ADJ"}), None)
        if xcomp is not None:
            chain.append(xcomp)
            current = xcomp
            continue
        if lemma in _LIGHT or current.pos_ == "ADJ":
            noun = _child(current, "dobj", "attr")
            if noun is not None and noun.pos_ == "NOUN":
                chain.append(noun)
                current = noun
                continue
        if current.pos_ == "NOUN" and lemma in _COMPLEMENT_NOUNS:  # "its commitment to supporting X"
            verb = _child(current, "acl")
            if verb is None:
                prep = next((c for c in current.children if c.dep_ == "prep" and c.lower_ == "to"), None)
                verb = _child(prep, "pcomp") if prep is not None else None
            if verb is not None and verb.pos_ == "VERB":
                chain.append(verb)
                current = verb
                continue
        if lemma in {"go", "come", "be", "remain", "stay"}:
            prep = next((c for c in current.children if c.dep_ == "prep" and c.lower_ in {"on", "under"}), None)
            noun = _child(prep, "pobj") if prep is not None else None
            if noun is not None and noun.pos_ == "NOUN":
                chain.append(noun)
                current = noun
                continue
        break
    # The noun's own conjuncts: "expressed its rejection and condemnation of".
    if chain[-1].pos_ == "NOUN":
        chain += [c for c in chain[-1].children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    return chain


def _subject(token: Token) -> Token | None:
    """The subject of ``token``'s clause, borrowed from governing clauses when it has none."""
    current = token
    for _ in range(5):
        subject = _child(current, "nsubj", "csubj")
        if subject is not None and subject.dep_ != "csubj":
            if subject.lower_ in {"who", "which", "that"} and current.dep_ == "relcl":
                return current.head
            if subject.lower_ in {"there"}:
                return None
            return subject
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ == "acl" and current.tag_ == "VBG":
            # "passed a resolution criticizing X": the one who passed it; "a raid targeting X": the raid.
            noun = current.head
            if noun.dep_ in {"dobj", "pobj"} and noun.head.pos_ == "VERB":
                return _subject(noun.head) or noun
            return noun
        if current.dep_ not in {"xcomp", "conj", "advcl", "acomp", "ccomp"} or current.head.i == current.i:
            return None
        if current.dep_ in {"advcl", "ccomp"} and _child(current, "mark") is not None:
            return None
        current = current.head
    return None


def _agent(token: Token) -> Token | None:
    agent = _child(token, "agent")
    return _child(agent, "pobj") if agent is not None else None


def _carrier_owner(noun: Token) -> Token | None:
    """ "Trump's offer" -> Trump; "sanctions on India" -> India; "the release of X" -> X."""
    poss = _child(noun, "poss")
    if poss is not None and poss.pos_ != "PRON":
        return poss
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"on", "against", "from", "by", "of", "to", "for", "with", "into"}:
            pobj = _child(prep, "pobj")
            if pobj is not None and pobj.pos_ in {"PROPN", "NOUN", "PRON"}:
                return pobj
    compound = next(
        (
            c
            for c in noun.children
            if c.dep_ in {"compound", "amod"} and c.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}
        ),
        None,
    )
    return compound


def _prep_objects(tokens: Sequence[Token], skip: set[int]) -> list[Token]:
    """Objects of the target-introducing prepositions on ``tokens``, best preposition first; an
    event noun stands for its owner ("called for sanctions against X": X)."""
    found: list[tuple[int, int, Token]] = []
    for token in tokens:
        for prep in token.children:
            if prep.dep_ not in {"prep", "dative"} or prep.lower_ not in _TARGET_PREPS:
                continue
            pobj = _child(prep, "pobj")
            if pobj is None or pobj.i in skip or pobj.like_num or pobj.ent_type_ in {"DATE", "TIME", "MONEY"}:
                continue
            if prep.lower_ == "in" and pobj.ent_type_ not in _PLACE_TYPES:
                continue
            if pobj.lemma_.lower() in _CARRIERS or pobj.lemma_.lower() in _EVENT_NOUNS:
                pobj = _carrier_owner(pobj) or pobj
                if pobj.i in skip:
                    continue
            found.append((_TARGET_PREPS.index(prep.lower_), len(found), pobj))
    return [pobj for _, _, pobj in sorted(found, key=lambda f: f[:2])]


def _actor_like(token: Token) -> bool:
    """A person, group, organisation or place rather than a thing: what PLOVER calls an actor."""
    if token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or token.pos_ == "PROPN":
        return True
    if token.pos_ == "PRON":
        return token.lower_ in _PRONOUNS
    lemma = token.lemma_.lower()
    if lemma in _GROUPS or (token.is_upper and len(token.text) > 1 and token.is_alpha):
        return True
    if token.is_title and token.pos_ == "NOUN" and not token.is_sent_start:  # a name the tagger missed
        return True
    # Agent nouns: "strikers", "a suicide bomber", "teachers".
    if token.pos_ == "NOUN" and lemma.endswith(_AGENT_SUFFIXES) and lemma not in _NOT_AGENTS:
        return True
    return any(c.dep_ in {"amod", "compound", "poss"} and c.ent_type_ in {"NORP", "GPE", "ORG"} for c in token.children)


def _instrument_agent(noun: Token) -> Token | None:
    """Who is behind an attack or a weapon named as the subject: "an attack *by* X", "X's strike",
    "missiles fired by X"."""
    if noun.pos_ != "NOUN":
        return None
    found = _noun_source(noun)
    if found is None:
        verb = _child(noun, "acl")
        found = _agent(verb) if verb is not None else None
    return found if found is not None and _actor_like(found) else None


def _names_actor(head: Token) -> bool:
    """Whether the phrase headed by ``head`` names someone: an actor-like word anywhere in it
    ("Australian aid", "a Saudi-led strike"), not a bare thing ("sanctions", "sovereignty")."""
    first, last = _phrase(head)
    return any(_actor_like(t) or t.lemma_.lower() in _GROUPS for t in head.doc[first : last + 1])


def _inner_actors(noun: Token, skip: set[int]) -> list[Token]:
    """Actors reached from ``noun`` through prepositions: "the prospect of talks with *the West*"."""
    found = []
    frontier = [noun]
    for _ in range(3):
        nxt = []
        for token in frontier:
            for prep in token.children:
                pobj = _child(prep, "pobj") if prep.dep_ == "prep" else None
                if pobj is not None and pobj.i not in skip:
                    found.append(pobj)
                    nxt.append(pobj)
        frontier = nxt
    return [t for t in found if _actor_like(t)]


def _target(predicate: Predicate, skip: set[int]) -> Token | None:
    """The recipient: the first actor-like of the candidates below, else the first candidate."""
    chain = predicate.chain
    if chain[0].lemma_.lower() in _REPORTING:  # "says Israel must end ...": Israel
        return _child(chain[-1], "nsubj", "nsubjpass")
    if predicate.passive:
        subject = _child(predicate.head, "nsubjpass")
        if subject is not None:
            return subject
    candidates: list[Token] = []
    for token in chain:
        dative = _child(token, "dative")
        if dative is not None and dative.pos_ in {"PROPN", "NOUN", "PRON"}:
            candidates.append(dative)
    nouns = [t for t in chain if t.pos_ == "NOUN"]
    verbs = [t for t in chain if t.pos_ != "NOUN"]
    # "sent troops to Mexico", "returned the artifacts to Peru": the recipient, not the thing sent.
    transfers = [t for t in verbs if t.lemma_.lower() in _TRANSFER]
    candidates += [t for t in _prep_objects(transfers, skip) if t.head.lower_ == "to"]
    for noun in reversed(nouns):  # "imposed sanctions on X", "held talks with X"
        candidates += _prep_objects([noun], skip)
        owner = _carrier_owner(noun)
        if owner is not None:
            candidates.append(owner)
    objects = []
    for verb in reversed(verbs):
        obj = _child(verb, "dobj")
        if obj is None or obj.i in skip or obj in chain:
            continue
        objects.append(obj)
        if obj.lemma_.lower() in _CARRIERS or obj.lemma_.lower() in LEXICON:
            owner = _carrier_owner(obj)
            if owner is not None:
                candidates.append(owner)
            candidates += _prep_objects([verb], skip | {obj.i})
        candidates.append(obj)
    for verb in predicate.purpose:  # "gave aid to help refugees": refugees
        obj = _child(verb, "dobj")
        if obj is not None:
            candidates.append(obj)
    candidates += _prep_objects(list(reversed(chain)) + predicate.purpose, skip)
    # "demanded that the US ease sanctions", "wants Iran to curb": the requested clause's subject.
    for verb in reversed(verbs):
        clause = _child(verb, "ccomp")
        subject = _child(clause, "nsubj", "nsubjpass") if clause is not None else None
        if subject is not None:
            candidates.append(subject)
    for obj in objects:
        candidates += _inner_actors(obj, skip)
    candidates = [c for c in candidates if c.i not in skip]
    return next((c for c in candidates if _actor_like(c)), candidates[0] if candidates else None)


def _place_actor(verb: Token) -> Token | None:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "from", "by"}:
            pobj = _child(prep, "pobj")
            if pobj is not None and pobj.ent_type_ == "GPE":
                return pobj
    return None


def _noun_source(noun: Token) -> Token | None:
    poss = _child(noun, "poss")
    if poss is not None:
        return poss
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            return _child(prep, "pobj")
    return next(
        (c for c in noun.children if c.dep_ in {"compound", "amod"} and c.ent_type_ in {"GPE", "NORP", "ORG"}), None
    )


def _flags(predicate: Predicate) -> None:
    head = predicate.head
    for token in predicate.chain:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                predicate.negated = True
            if child.dep_ == "auxpass":
                predicate.passive = token is head or predicate.passive
        if token.lemma_.lower() in _REFUSAL and token is not predicate.chain[-1]:
            predicate.refusal = True
    if _child(head, "agent") is not None:  # "when asked by Reuters"
        predicate.passive = True
    for child in head.children:
        if child.dep_ == "aux" and (child.lower_ in _MODALS or child.lemma_.lower() in _MODALS):
            predicate.modal = True
        if child.dep_ == "aux" and child.lower_ == "going":
            predicate.modal = True
    # "is going to attack", "if X attacks", "unless Y".
    mark = _child(head, "mark")
    if mark is not None and mark.lower_ in _CONDITIONS:
        predicate.modal = True
    if head.head.lower_ == "going" and head.dep_ == "xcomp":
        predicate.modal = True


def _features(predicate: Predicate, model: EventModel) -> list[str]:
    lemmas = predicate.lemmas
    head, last = lemmas[0], lemmas[-1]
    features = ["bias", f"h={head}", f"l={last}"]
    if head in _REPORTING:
        blame = any(c.dep_ == "acomp" and c.lower_ in _BLAME for c in predicate.chain[-1].children)
        features.append("blame" if blame else "obligation")
    features += [f"c={lemma}" for lemma in lemmas[1:-1]]
    if len(lemmas) > 1:
        features.append(f"hl={head}_{last}")
    for index, lemma in enumerate(lemmas):
        kind = LEXICON.get(lemma)
        where = "h" if index == 0 else "l" if index == len(lemmas) - 1 else "c"
        if kind:
            features.append(f"x{where}={kind}")
        cross = model.crosswalk.get(lemma)
        if cross:
            features.append(f"w{where}={cross}")
    for token in predicate.chain:
        obj = _child(token, "dobj")
        if obj is not None and obj not in predicate.chain:
            lemma = obj.lemma_.lower()
            features.append(f"o={lemma}")
            if lemma in LEXICON:
                features.append(f"xo={LEXICON[lemma]}")
        for prep in token.children:
            if prep.dep_ in {"prep", "agent"}:
                features.append(f"p={prep.lower_}")
                features.append(f"lp={token.lemma_.lower()}_{prep.lower_}")
                pobj = _child(prep, "pobj")
                if pobj is not None and pobj.pos_ == "NOUN":
                    features.append(f"pn={pobj.lemma_.lower()}")
            elif prep.dep_ == "prt":
                features.append(f"lp={token.lemma_.lower()}_{prep.lower_}")
    for token in predicate.purpose:
        lemma = token.lemma_.lower()
        features.append(f"pu={lemma}")
        if lemma in LEXICON:
            features.append(f"xpu={LEXICON[lemma]}")
    ends = LEXICON.get(last, "none")
    for flag in ("negated", "refusal", "modal", "passive"):
        if getattr(predicate, flag):
            features += [flag, f"{flag}&{ends}", f"{flag}&l={last}"]
    if predicate.target is None:
        features.append("notarget")
    else:
        features.append(f"tt={predicate.target.ent_type_ or predicate.target.pos_}")
    return features


def _purpose_of(head: Token) -> Token | None:
    """The token a to-infinitive purpose clause hangs off ("gave aid [to help]"), if ``head`` is one."""
    if head.dep_ not in {"advcl", "acl"} or _child(head, "nsubj", "nsubjpass") is not None:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return None
    return head.head


def _fold_purposes(found: list[Predicate]) -> list[Predicate]:
    """Purpose clauses join the predicate they serve; their objects can be its target."""
    owner: dict[int, Predicate] = {}
    for predicate in found:
        for token in predicate.chain:
            owner[token.i] = predicate
            obj = _child(token, "dobj")
            if obj is not None:
                owner.setdefault(obj.i, predicate)
    kept = []
    for predicate in found:
        governor = _purpose_of(predicate.head)
        host = owner.get(governor.i) if governor is not None else None
        if host is not None and host is not predicate:
            host.purpose += predicate.chain
            continue
        kept.append(predicate)
    return kept


def predicates(doc: Doc, model: EventModel | None = None, *, gated: bool = True) -> Iterator[Predicate]:
    """Candidate events of ``doc``; with ``gated``, only those with an event word (``model.is_trigger``)."""
    model = model or shipped_model()
    absorbed: set[int] = set()
    heads: list[Token] = [t for t in doc if _is_predicate_head(t)]
    found: list[Predicate] = []
    for head in heads:
        chain = _chain(head)
        reports = head.lemma_.lower() in _REPORTING
        if gated and not reports and not any(model.is_trigger(t.lemma_.lower()) for t in chain):
            continue
        absorbed.update(t.i for t in chain)
        found.append(Predicate(head, chain))
    found = _fold_purposes(found)
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.i in absorbed or noun.lemma_.lower() not in _EVENT_NOUNS:
            continue
        # The object of a predicate is part of it: "lifted its embargo", "called for sanctions".
        governor = noun.head.head if noun.head.dep_ == "prep" else noun.head
        if noun.dep_ == "compound" or governor.i in absorbed or noun.head.i in absorbed:
            continue
        source = _noun_source(noun)
        if source is None:
            continue
        found.append(Predicate(noun, [noun], source=source))
    for predicate in found:
        _flags(predicate)
        head = predicate.head
        if predicate.source is None:
            predicate.source = _agent(head) if predicate.passive else _subject(head)
            if predicate.passive and predicate.source is None:
                # "was arrested in Rwanda", "expelled from North Korea": the place's authorities.
                predicate.source = _place_actor(head)
        skip = (
            set(range(predicate.source.left_edge.i, predicate.source.right_edge.i + 1)) if predicate.source else set()
        )
        predicate.target = _target(predicate, skip | {t.i for t in predicate.chain})
        if predicate.source is None:
            continue
        predicate.features = _features(predicate, model)
        yield predicate


# --------------------------------------------------------------------------- actors


def _phrase(head: Token) -> tuple[int, int]:
    """Token range [first, last] of the noun phrase headed by ``head``: no clauses, no appositions."""
    keep = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ not in _PHRASE_DEPS:
                continue
            if child.dep_ == "prep" and (child.i < token.i or child.lower_ not in {"of", "in", "from", "at"}):
                continue
            if child.dep_ == "prep" and token.pos_ == "PROPN" and child.lower_ != "of":
                continue
            if child.dep_ == "npadvmod" and child.ent_type_ in {"DATE", "TIME"}:
                continue
            keep.append(child)
            stack.append(child)
    indices = sorted(t.i for t in keep)
    # The contiguous run around the head.
    first = last = head.i
    for i in reversed([i for i in indices if i < head.i]):
        if i != first - 1:
            break
        first = i
    for i in [i for i in indices if i > head.i]:
        if i != last + 1:
            break
        last = i
    doc = head.doc
    while last > first and (doc[last].is_punct or doc[last].dep_ in {"cc", "case"}):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].dep_ == "cc"):
        first += 1
    return first, last


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    head: Token


def _mention(head: Token) -> _Mention:
    first, last = _phrase(head)
    doc = head.doc
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    text = text_of(doc)[start:end]
    lead = _LEADING.match(text)
    if lead and end - start > lead.end():
        start += lead.end()
        text = text[lead.end() :]
    trail = _TRAILING.search(text)
    if trail and trail.start() > 0:
        end -= len(text) - trail.start()
        text = text[: trail.start()]
    if text.endswith(("'s", "’s")):
        text, end = text[:-2], end - 2
    return _Mention(start, end, text, head)


def _antecedent(pronoun: Token, entities: EntityIndex) -> _Mention | None:
    """What a third-person pronoun stands for: the reporting clause's subject, else the last fitting entity."""
    kind = _PRONOUNS.get(pronoun.lower_)
    if kind is None:
        return None
    # "Sheinbaum said she ...", "Sheinbaum went on to explain that she ...".
    current = pronoun.head
    for _ in range(6):
        if current.head.i == current.i:
            break
        current = current.head
        subject = _child(current, "nsubj")
        if (
            subject is not None
            and subject.i < pronoun.i
            and subject.lower_ not in _PRONOUNS
            and subject.lower_ not in _SELF
            and _fits(subject, kind)
        ):
            return _mention(subject)
    wanted = {"person": ("PERSON",), "thing": ("ORG", "GPE", "NORP"), "group": ("ORG", "GPE", "NORP", "PERSON")}[kind]
    before = entities.mentions_before(pronoun.idx, wanted)
    if not before:
        return None
    start, end, entity = before[-1]
    doc = pronoun.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    head = span.root if span is not None else pronoun
    return _Mention(start, end, text_of(doc)[start:end], head)


def _fits(token: Token, kind: str) -> bool:
    if kind == "person":
        return token.ent_type_ not in {"GPE", "ORG", "NORP", "LOC"}
    if kind == "thing":
        return token.ent_type_ != "PERSON"
    return True


def _entity_for(mention: _Mention, entities: EntityIndex) -> str | None:
    """The entity of the mention's head word ("Mexican President [Claudia Sheinbaum]"), if any."""
    head_start = mention.head.idx
    return next((entity_id for start, end, entity_id in entities.spans if start <= head_start < end), None)


@functools.cache
def _resolver() -> Any:
    try:
        from newsgraph.analyze.actors import resolve_actor
    except ImportError:  # the actor knowledge base is optional
        return None
    return resolve_actor


@functools.lru_cache(maxsize=4096)
def _resolve(name: str, context: str, date: str | None) -> tuple[str | None, str | None, str | None]:
    resolve = _resolver()
    if resolve is None:
        return None, None, None
    try:
        found = resolve(name, context=context, date=date)
    except Exception:  # noqa: BLE001 - a knowledge-base failure must not lose the event
        return None, None, None
    if found is None:
        return None, None, None
    return getattr(found, "country", None), getattr(found, "sector", None), getattr(found, "canonical", None)


def _actor(head: Token, entities: EntityIndex, date: str | None) -> Actor | None:
    mention: _Mention | None = None
    if head.lower_ in _PRONOUNS and head.pos_ == "PRON":
        mention = _antecedent(head, entities)
        if mention is None:
            return None
    elif head.lower_ in _SELF and head.pos_ == "PRON" and head.text != "US":
        return None
    else:
        mention = _mention(head)
    entity_id = _entity_for(mention, entities)
    entity = entities.by_id(entity_id) if entity_id else None
    sentence = ""
    if head.doc.has_annotation("SENT_START") or head.doc.has_annotation("DEP"):
        sent = head.sent
        sentence = text_of(head.doc)[sent.start_char : sent.end_char]
    country, sector, canonical = _resolve(mention.text, sentence, date)
    name = entity.name if entity is not None and entity.type == "PERSON" else mention.text
    if entity is None and canonical:
        known = next((e for e in entities.entities if e.name == canonical), None)
        if known is not None:
            entity_id, name = known.id, known.name
        elif " " in canonical and mention.head.pos_ != "PROPN":
            name = canonical  # "Iran's supreme leader" -> the office holder on that date
    return Actor(name=name, entity=entity_id, country=country, sector=sector, start=mention.start, end=mention.end)


# --------------------------------------------------------------------------- type, mode, date, place


_MATERIAL_YIELD = frozenset(
    """release free withdraw retreat pull resign surrender return repatriate disarm demobilize evacuate cede
    reopen handover hand exchange step""".split()
)


def _type(label: str, predicate: Predicate) -> str:
    """PLV's YIELD split back into PLOVER's RETREAT (done) and CONCEDE (verbal, or announced)."""
    if label != "YIELD":
        return label
    if predicate.modal or not _MATERIAL_YIELD & set(predicate.lemmas):
        return "CONCEDE"
    return "RETREAT"


#: (type, word) -> mode, for the types whose modes the manual defines.
_MODES = {
    "CONSULT": {"visit": "visit", "tour": "visit", "trip": "visit", "host": "visit", "arrive": "visit",
                "phone": "phone", "telephone": "phone", "call": "phone", "summit": "multilateral"},
    "RETREAT": {"withdraw": "withdraw", "retreat": "withdraw", "pull": "withdraw", "withdrawal": "withdraw",
                "release": "release", "free": "release", "return": "release", "repatriate": "release",
                "disarm": "disarm", "demobilize": "disarm", "surrender": "disarm", "ceasefire": "ceasefire",
                "truce": "ceasefire", "allow": "access", "reopen": "access", "resign": "resign", "step": "resign",
                "resignation": "resign"},
    "ACCUSE": {"investigate": "investigate", "investigation": "investigate", "probe": "investigate",
               "inquiry": "investigate", "accuse": "allege", "allege": "allege", "charge": "allege", "sue": "allege",
               "indict": "allege", "lawsuit": "allege", "prosecute": "allege", "accusation": "allege",
               "allegation": "allege", "indictment": "allege"},
    "THREATEN": {"attack": "violence", "kill": "violence", "strike": "violence", "war": "violence",
                 "bomb": "violence", "retaliate": "violence", "force": "violence", "arrest": "arrest",
                 "jail": "arrest", "detain": "arrest", "expel": "expel", "boycott": "relations", "cut": "relations",
                 "sever": "relations", "suspend": "relations", "halt": "relations", "sanction": "restrict",
                 "blockade": "restrict", "tariff": "restrict", "embargo": "restrict", "close": "restrict",
                 "annex": "territory", "occupy": "territory", "seize": "territory", "invade": "territory"},
    "PROTEST": {"demonstrate": "demo", "demonstration": "demo", "rally": "demo", "march": "demo", "protest": "demo",
                "riot": "riot", "strike": "strike", "walkout": "strike", "hunger": "hunger", "boycott": "boycott",
                "block": "obstruct", "blockade": "obstruct", "obstruct": "obstruct", "vandalize": "vandalize"},
    "SANCTION": {"convict": "convict", "expel": "expel", "withdraw": "withdraw", "recall": "withdraw",
                 "sanction": "discontinue", "embargo": "discontinue", "suspend": "discontinue",
                 "cut": "discontinue", "halt": "discontinue", "freeze": "discontinue", "sever": "discontinue"},
    "MOBILIZE": {"troop": "troops", "soldier": "troops", "force": "troops", "army": "troops", "military": "troops",
                 "missile": "weapons", "warship": "weapons", "weapon": "weapons", "police": "police",
                 "militia": "militia"},
    "COERCE": {"seize": "seize", "confiscate": "seize", "raid": "seize", "search": "seize", "occupy": "seize",
               "annex": "seize", "restrict": "restrict", "ban": "restrict", "outlaw": "restrict",
               "designate": "restrict", "censor": "censor", "curfew": "curfew", "emergency": "martial-law",
               "arrest": "arrest", "detain": "arrest", "jail": "arrest", "imprison": "arrest", "sentence": "arrest",
               "detention": "arrest", "deport": "deport", "expel": "deport", "hack": "cyber", "cyber": "cyber",
               "cut": "withhold", "shut": "withhold"},
    "ASSAULT": {"abduct": "abduct", "kidnap": "abduct", "hijack": "abduct", "beat": "beat", "torture": "torture",
                "rape": "sexual", "assassinate": "targeted", "execute": "targeted", "massacre": "targeted",
                "destroy": "destroy", "demolish": "destroy", "burn": "primitive", "stab": "primitive",
                "shoot": "firearms", "gunfire": "firearms", "gun": "firearms", "bomb": "explosives",
                "explosive": "explosives", "explosion": "explosives", "airstrike": "aerial", "jet": "aerial",
                "warplane": "aerial", "aircraft": "aerial", "drone": "drone", "shell": "heavy-weapons",
                "artillery": "heavy-weapons", "rocket": "heavy-weapons", "missile": "heavy-weapons",
                "tank": "heavy-weapons", "tear": "crowd-control", "chemical": "unconventional"},
}  # fmt: skip
_YIELD_MODES = {"release": "yield", "sanction": "yield", "ceasefire": "yield", "truce": "yield", "meet": "meet",
                "negotiate": "meet", "talk": "meet", "talks": "meet", "negotiation": "meet", "aid": "assist",
                "help": "assist", "assistance": "assist", "troop": "assist", "support": "assist",
                "resign": "change", "reform": "change", "policy": "change", "step": "change"}  # fmt: skip


def _mode(event_type: str, predicate: Predicate) -> str | None:
    words = list(reversed(predicate.lemmas))
    for token in predicate.chain:
        words += [
            c.lemma_.lower() for c in token.subtree if c.pos_ in {"NOUN", "VERB", "ADJ"} and c not in predicate.chain
        ]
    if event_type in {"REQUEST", "REJECT"}:
        return next((_YIELD_MODES[w] for w in words if w in _YIELD_MODES), None)
    table = _MODES.get(event_type)
    if not table:
        return None
    return next((table[w] for w in words if w in table), None)


def _clause_range(predicate: Predicate) -> tuple[int, int, list[tuple[int, int]]]:
    """Character range of the predicate's clause and the nested clauses inside it to leave out."""
    head = predicate.head
    doc = head.doc
    start, end = head.left_edge.idx, doc[head.right_edge.i].idx + len(doc[head.right_edge.i].text)
    holes = []
    for token in head.subtree:
        if token is head or token in predicate.chain:
            continue
        if token.dep_ in {"ccomp", "advcl", "relcl", "acl", "conj"} and token.pos_ in {"VERB", "AUX"}:
            holes.append((token.left_edge.idx, doc[token.right_edge.i].idx + len(doc[token.right_edge.i].text)))
    return start, end, holes


def _date(predicate: Predicate, times: Sequence[TimeExpression], published: str | None) -> str | None:
    start, end, holes = _clause_range(predicate)
    trigger = predicate.span[0]
    best: tuple[int, str] | None = None
    for time in times:
        if time.caption is not None or time.type not in {"DATE", "TIME"} or not _DATED.match(time.value):
            continue
        if time.start < start or time.end > end or any(s <= time.start and time.end <= e for s, e in holes):
            continue
        distance = abs(time.start - trigger)
        if best is None or distance < best[0]:
            best = (distance, time.value)
    if best is not None:
        return best[1]
    return None if predicate.modal else published


def _location(predicate: Predicate, target: Token | None) -> str | None:
    for token in predicate.chain:
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
                continue
            pobj = _child(prep, "pobj")
            if pobj is not None and pobj.ent_type_ in _PLACE_TYPES:
                span = next((e for e in pobj.doc.ents if e.start <= pobj.i < e.end), None)
                text = span.text if span is not None else pobj.text
                return _LEADING.sub("", text)
    return None


# --------------------------------------------------------------------------- entry point


def actors(
    doc: Doc, entities: EntityIndex, model: EventModel, published: str | None = None, *, gated: bool = True
) -> Iterator[tuple[Predicate, Actor, Actor | None]]:
    """Each candidate predicate with its resolved source and target (no type yet)."""
    for predicate in predicates(doc, model, gated=gated):
        if predicate.source is not None and not _names_actor(predicate.source):
            # "A car bombing by the Islamic State killed ...": the bomber acts.
            agent = _instrument_agent(predicate.source)
            if agent is not None:
                predicate.source = agent
            elif REQUIRE_ACTOR and gated:
                continue
        source = _actor(predicate.source, entities, published) if predicate.source is not None else None
        if source is None:
            continue
        target = _actor(predicate.target, entities, published) if predicate.target is not None else None
        if target is not None and (target.start, target.end) == (source.start, source.end):
            target = None
        yield predicate, source, target


#: What an anaphoric "that offer" points back to: the event words that made the offer.
_ANAPHORA = {
    "offer": {"offer", "propose", "proposal", "promise"},
    "proposal": {"propose", "offer", "suggest"},
    "plan": {"plan", "propose"},
    "idea": {"propose", "suggest"},
    "demand": {"demand", "insist"},
    "request": {"request", "ask", "seek"},
    "call": {"call", "urge"},
    "threat": {"threaten", "warn"},
    "ultimatum": {"threaten", "warn"},
    "accusation": {"accuse", "allege", "blame"},
    "invitation": {"invite"},
}


def _referent(predicate: Predicate, earlier: Sequence[tuple[Predicate, Actor]]) -> Actor | None:
    """For "rejected *that offer*": the source of the earlier event that made the offer."""
    noun = predicate.target
    if noun is None or noun.pos_ != "NOUN" or _carrier_owner(noun) is not None:
        return None
    words = _ANAPHORA.get(noun.lemma_.lower())
    if not words or not any(c.dep_ == "det" and c.lower_ in {"that", "this", "the", "such"} for c in noun.children):
        return None
    for other, source in reversed(earlier):
        if words & set(other.lemmas) or other.head.lemma_.lower() in words:
            return source
    return None


def find_events(
    doc: Doc,
    entities: EntityIndex,
    times: Sequence[TimeExpression],
    published: str | None,
    *,
    model: EventModel | None = None,
) -> list[Event]:
    """PLOVER events of ``doc`` in text order; offsets index ``doc.text`` (see the module docstring)."""
    model = model or shipped_model()
    events = []
    earlier: list[tuple[Predicate, Actor]] = []
    for predicate, source, target in sorted(actors(doc, entities, model, published), key=lambda a: a[0].span):
        label, _ = model.classify(predicate.features, predicate.vector if model.dense else None)
        event_type = _type(label, predicate)
        referent = _referent(predicate, earlier)
        if referent is not None and (referent.start, referent.end) != (source.start, source.end):
            target = referent
        earlier.append((predicate, source))
        start, end = predicate.span
        events.append(
            Event(
                type=event_type,
                source=source,
                start=start,
                end=end,
                target=target,
                mode=_mode(event_type, predicate),
                date=_date(predicate, times, published),
                location=_location(predicate, predicate.target),
                negated=(predicate.negated or predicate.refusal) and label != "REJECT",
                hypothetical=predicate.modal,
            )
        )
    return events
