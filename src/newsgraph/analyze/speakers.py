"""Who is speaking: the subject of a cue verb, and its resolution to a named entity.

Pronouns take the most recent speaker or person; role nouns ("the president", "the council
spokesperson") take the most recent person or speaker holding that role; names take their entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.analyze.entities import (
    NAME_PARTICLES,
    POST_NOMINALS,
    EntityIndex,
    is_title_token,
    without_honorific,
)
from newsgraph.analyze.nlp import text_of, tokens_of
from newsgraph.analyze.titles import (
    BODY_NOUNS,
    KIN_NOUNS,
    PARTY_NOUNS,
    PERSON_NOUNS,
    is_role_noun,
    is_role_word,
    role_head,
)
from newsgraph.records import Entity, Speaker

_SUBJECTS = {"nsubj", "nsubjpass"}
#: Dependents that belong to a speaker phrase; relative clauses and appositions do not.
_KEEP = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "prep", "pobj", "conj", "cc", "flat", "quantmod"}
#: Heads that pass their subject to a subjectless cue: "the president said, adding …".
_CLIMB = {"conj", "advcl", "xcomp"}
_RELATIVE = {"that", "which", "who", "whom"}
_PERSONAL = {"he", "she", "him", "her", "i"}
#: Styles of address used in place of a name: "His Excellency said".
_STYLED = {
    **dict.fromkeys(["his excellency", "his majesty", "his highness", "his holiness", "his lordship"], "he"),
    **dict.fromkeys(["her excellency", "her majesty", "her highness", "her ladyship"], "she"),
}
#: Mentions that stand for one more of those last described: "said another", "a second added".
_ONE_MORE = {"one", "another", "a second", "a third", "a fourth"}
_AGED = re.compile(r"^\d+-year-old$")
_PRONOUN_GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}
_HONORIFIC = re.compile(r"\b(Mr|Ms|Mrs|Miss|Sir|Dame|Lady|Lord)\.?\s+$")
_HONORIFIC_GENDER = {"mr": "male", "sir": "male", "lord": "male", "ms": "female", "mrs": "female", "miss": "female",
                     "dame": "female", "lady": "female"}  # fmt: skip
#: Pronouns for a group or a body: the last speaker that is not one named person.
_PLURAL = {"they", "we", "it"}
_ROLE_OF_BODY = re.compile(
    r"^(?:a|an|the)\s+(?P<role>[\w-]+(?:\s+[\w-]+)?)\s+(?:for|of|at|from)\s+(?:the\s+)?(?P<body>.+)$", re.IGNORECASE
)
#: "the father of two children", "the mum-of-three": an epithet for a person already named ("the mum-of-two in
#: the car" describes someone not named).
_PARENT_OF_SOME = re.compile(
    r"^the (father|mother|dad|mum|mom|grandfather|grandmother)[- ]of[- ]"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)(?:[- ](?:children|kids|sons|daughters|boys|girls))?$"
)
_MOTHERS = frozenset({"mother", "mum", "mom", "grandmother"})
_RELATIVE_OF = re.compile(rf"^(?:the\s+)?(?:{'|'.join(KIN_NOUNS)})\s+of\s+", re.IGNORECASE)
_OWNED_ROLE = re.compile(
    r"^(?:(?:the|The|THE)\s+)?(?P<owner>(?i:his|her)(?=\s)|[A-Z][\w.-]*(?:['’][A-Z][\w.-]*)?(?:\s+[A-Z][\w.-]*){0,3}"
    r"(?=['’]s\s))(?:'s|’s)?\s+"
    r"(?P<role>(?:[a-z-]+\s+){0,2}(?:spokes(?:man|woman|person)|aide|adviser|advisor|lawyer|attorney|"
    r"office|campaign|spokespeople|representative|assistant|secretary|deputy|"
    rf"(?:{'|'.join(KIN_NOUNS)})(?:-in-law)?))$"
)
_KIN_MENTION = re.compile(rf"^(?:his|her|their)\s+(?P<kin>{'|'.join(KIN_NOUNS)})$", re.IGNORECASE)
#: People nouns that say which pronoun stands for them.
_GENDERED = {
    **dict.fromkeys(
        "man boy father husband son brother widower grandfather uncle nephew dad spokesman chairman".split(), "he"
    ),
    **dict.fromkeys(
        "woman girl mother wife daughter sister widow grandmother aunt niece mum mom spokeswoman chairwoman".split(),
        "she",
    ),
}
#: Roles that name someone other than the person just quoted: "Smith said … the spokesman said".
_SEPARATE_ROLES = frozenset(
    """spokesperson spokesman spokeswoman official analyst adviser advisor diplomat lawyer attorney prosecutor
    expert economist reporter correspondent photographer consultant strategist pollster doctor nurse surgeon
    officer inspector sheriff judge justice commentator columnist engineer researcher scientist historian""".split()
)
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
_WORK_OF_BODY = re.compile(
    r"^(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:statement|release|news release|press release|update|bulletin|report|"
    r"notice|advisory)\s+(?:from|by|of)\s+(?:the\s+)?(?P<body>[A-Z].*)$",
    re.IGNORECASE,
)
_OWNED_WORK = re.compile(
    r"^(?:(?P<owner>.+?)(?:'s|’s)|(?P<pronoun>(?i:his|her)))\s+(?:[\w-]+\s+){0,2}?(?:statement|release|update|"
    r"report|review|bulletin|advisory|ruling|judgment|judgement|decision|letter|post|message|email|memo)"
    r"(?:\s+(?:for|of|on)\s+[\w\s-]+)?$"  # "the bank's monthly review for August"
)
#: Writings that "read" a quote out: “…,” read the judge's ruling.
_WRITINGS = frozenset(
    "statement release update report bulletin advisory ruling judgment judgement decision letter post message email "
    "memo note sign notice caption tweet".split()
)
_ISSUED_STATEMENTS = frozenset({"statement", "release", "communique", "communiqué", "update", "bulletin", "advisory"})
#: What a body or person issues that then "says" something for them.
_ISSUED_WORKS = _ISSUED_STATEMENTS | {"report", "letter", "notice", "alert", "post", "tweet", "petition"}
_PUBLISHED_WORKS = frozenset(
    "report article story editorial statement poll survey study analysis investigation memo letter broadcast".split()
)
#: How a description's speaker spoke, at its end: "the high command [in a late afternoon media release]".
_BY_MEANS = re.compile(
    r"\s+(?:in|on|via|through)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:statement|release|"
    r"interview|post|tweet|letter|briefing|conference|message|video|broadcast)\b.*$",
    re.IGNORECASE,
)
_PARTITIVE = re.compile(
    r"^(?:many|some|most|several|few|all|one|two|three|dozens|hundreds|thousands|a few|a number|a group)\s+of\s+"
    r"(?:the\s+)?(?=\w)",
    re.IGNORECASE,
)
_PERSON_NAME = re.compile(r"^[A-Z][a-z’'-]+(?: [A-Z]\.)?(?: [A-Z][a-z’'-]+){1,2}$")
_PARAGRAPH_BREAK = re.compile(r"\n+")
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: Cue words the tagger sometimes reads as the noun ending a speaker's phrase.
_MISREAD_CUES = frozenset({"read", "reads", "says", "said", "added", "wrote", "writes"})
#: Participles that go on with what the reporter was saying ("…, adding that").
_GOING_ON = frozenset("add note stress insist continue explain conclude warn argue claim".split())
_LEADING_THE = re.compile(r"^(?:The|THE|the)\s+")
_POSSESSIVE = re.compile(r"\w['’]s?\s")
#: Nationalities as nouns, which the tagger may not call NORP: "said the Croat".
_DEMONYMS = frozenset(
    """Croat Serb Pole Dane Swede Finn Scot Briton Brit Czech Slovak Turk Greek Thai Swiss Dutchman Frenchman
    Englishman Irishman Welshman Scotsman Scotswoman Kiwi Aussie Argentine Filipino Filipina""".split()
)
#: How a writing comes from someone: "a letter written by …", "a statement issued by …".
_WRITING_VERBS = frozenset({"write", "sign", "issue", "author", "pen", "release"})
#: Verbs of a clause in which someone gives their name: "who gave only his first name as Obi".
_SELF_NAMING = frozenset({"introduce", "identify", "give", "call", "name"})
_ARTICLE = re.compile(r"^(?:a|an|one|another)\s+", re.IGNORECASE)


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, borrowed from its head when it has none ("…, adding that"); found once per
    verb, since the cue model and the quote finder both ask for it."""
    found: dict[int, int] = verb.doc.user_data.setdefault("newsgraph_subjects", {})
    index = found.get(verb.i)
    if index is None:
        subject = _find_subject(verb)
        found[verb.i] = -1 if subject is None else subject.i
        return subject
    return None if index < 0 else verb.doc[index]


def _find_subject(verb: Token) -> Token | None:
    # "X quoted the minister as saying": the one quoted speaks; X only relays.
    head = verb.head.head if verb.head.lower_ == "as" else verb.head
    if verb.lemma_ == "say" and head.lemma_ == "quote" and head.i != verb.i:
        quoted = next((c for c in head.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN" and verb.text[:1].isupper():
        return verb.head  # “…” [Explained] Representative Ann Cole, [Said] Okafor: a capitalised cue in a name
    if verb.pos_ in {"NOUN", "PROPN"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return _owner(verb)  # "Nervo's conclusion that …", "a claim by the ministry"
    # "was first reported by the Post": the agent speaks, not the passive subject; but "Mukasa is quoted by
    # the Sentinel" is Mukasa's, the paper only relays it.
    quoted = verb.lemma_ == "quote" and any(c.dep_ == "nsubjpass" for c in verb.children)
    agent = None if quoted else next((c for c in verb.children if c.dep_ == "agent"), None)
    by_whom = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if by_whom is not None:
        return by_whom
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.head.dep_ == "ccomp"
        and verb.head.head.pos_ in {"VERB", "AUX"}
        and verb.head.head.i < verb.head.i
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
        and (verb.lemma_ in _GOING_ON or not _could_speak(verb.head))
    ):
        # "X said the company understood, adding: …": the parser hangs the participle on the reported clause
        # ("said the officer stood there, saying …" may be the officer's, but not "said costs rose, citing …").
        verb = verb.head.head
    token: Token | None = verb
    for _ in range(3):
        if token is None:
            return None
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS and not c.is_punct]
        if len(subjects) > 1:
            # "…, which analysts have warned could …": the relative pronoun belongs to the reported clause;
            # “…,” said Dr. Hill: the nearer subject, not a word of the quote the parser also took.
            # "Isuma who sells bags at Tinubu Street, Lagos Island told …": a place does not speak.
            subjects.sort(key=lambda c: (c.lower_ in _RELATIVE, c.ent_type_ in _PLACES, abs(c.i - token.i)))
            # "The General Secretary of the party, Mr. Ama Boateng has announced": the name set off after the
            # role is the parser's second subject
            subjects.sort(key=lambda c, others=tuple(subjects): not _name_set_off(c, others))
        subject = _in_paragraph_of(subjects[0], verb) if subjects else None
        if subject is not None and _thing(subject):
            # "Paying tribute Mr Hale's partner Ada Roe said": a person set beside a thing speaks
            subject = next((c for c in subject.children if c.dep_ == "appos" and _person_noun(c)), subject)
        if subject is not None and _is_dateline(subject):
            # "OSLOVIK — The harbour master says …": the town is no speaker; "Kandor, Feb 21 (Daily Courier) -
            # Justifying …, Minister Harin Velu told": the name just before the verb is
            before = _word_before(verb)
            named = before is not None and before.i > subject.i + 1 and before.ent_type_ == "PERSON"
            subject = before if named else _after_dateline(subject)
        if subject is not None and subject.pos_ == "NOUN" and _person_noun(subject):
            subject = _name_after(subject) or subject  # "quipped [comedian] Tolly Braddock", misparsed
        if subject is not None:
            if subject.lower_ in _RELATIVE and token.dep_ == "relcl":
                return token.head  # "a report … that said": the report speaks
            return subject
        if token.dep_ == "xcomp" and (controller := _object_of(token.head, token)) is not None:
            return controller  # "urged the council to announce …", "led NATO to order …": the object does it
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":
            token = token.head.head  # "began his speech by marveling at …": the one who began
            continue
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            break
        token = token.head
    before = _word_before(verb)
    if before is not None and verb.tag_ in _FINITE and _could_be_subject(before) and before.head.i != verb.i:
        return before  # "… the editorial board of the Harbour Courier Varga said": the parser hung him elsewhere
    if before is not None and before.text == "," and verb.tag_ in _FINITE and before.i > 0:
        # "outside the courtroom, Leila Nasri, Haddad's mother, said": the parser set the name beside the room
        token: Token | None = verb.doc[before.i - 1]
        while token is not None and token.ent_type_ != "PERSON":
            token = token.head if token.dep_ == "appos" and token.head.i < token.i else None
        if token is not None:
            return token
        # "Pete Lachman, ward 4 resident, says": the name that opens the sentence, set off by a comma, whatever
        # the parser made of what describes him
        opening = next((e for e in verb.sent.ents if e.start == verb.sent.start and e.end < before.i), None)
        if opening is not None and opening.label_ == "PERSON" and verb.doc[opening.end].text == ",":
            return opening[-1]
        # "In a statement Harwick Town Council, where he worked, said": the name a relative clause describes
        clause = next((t for t in verb.doc[before.i - 1].ancestors if t.dep_ == "relcl"), None)
        if clause is not None and clause.head.ent_type_ in {"PERSON", "ORG"} and clause.head.i < clause.i:
            return clause.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ in {"pobj", "conj"} and _opens_quote(verb):
        # "He urged the union to be the bridge between the government and the youths saying: “…”": the parser
        # hung the participle on the last noun of a phrase; the sentence's subject speaks
        root = verb.sent.root
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and (subject.pos_ in {"PRON", "PROPN"} or _person_noun(subject)):
            return subject
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return _owner(verb.head)  # "issued a statement calling for …": who issued it
    if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" or verb.dep_ == "appos" and _opens_quote(verb):
        return verb.head  # "watching Rosfeld on the sidewalk saying …"; "Antony, a local said, “…”"
    if verb.lemma_ == "read":
        writing = next((c for c in verb.rights if c.dep_ == "dobj" and c.lemma_.lower() in _WRITINGS), None)
        if writing is not None:
            return writing  # “…,” read the judge's ruling: the writing speaks for whoever wrote it
    misread = misread_name_before(verb)
    if misread is not None:
        return misread
    # Inverted attribution the parser missed: "said Sheinbaum".
    right = next(
        (c for c in verb.rights if c.pos_ == "PROPN" and c.dep_ in {"dobj", "attr", "npadvmod", "appos"}), None
    )
    doc = verb.doc
    if right is None and verb.i > 0 and doc[verb.i - 1].is_quote:
        # “…,” remarked the chief justice: right after a quote the verb's object is who spoke
        right = next(
            (c for c in verb.rights if c.dep_ == "dobj" and c.pos_ == "NOUN" and _person_word(c.lemma_.lower())), None
        )
        if right is None:
            # “…,” said the minister, the broadcaster reported: the parser made the minister report
            after = next((t for t in doc[verb.i + 1 : verb.i + 5] if t.pos_ in {"NOUN", "PROPN"}), None)
            if (
                after is not None
                and after.dep_ in _SUBJECTS
                and after.head.i > after.i
                and after.left_edge.i == verb.i + 1
                and _person_word(after.lower_)
            ):
                right = after
    if right is None and verb.tag_ in _FINITE and verb.i + 1 < len(doc):
        # “…,” said Ansel Pruett, who lives …: the parser gave the name to the clause after it
        first = doc[verb.i + 1]
        if first.ent_iob_ == "B" and first.ent_type_ == "PERSON":
            end = first.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if not (end < len(doc) and doc[end].tag_ == "POS"):
                right = doc[first.i : end].root
    return right


def _name_set_off(subject: Token, subjects: Sequence[Token]) -> bool:
    """A name after a comma that follows another subject, a role: "The treasurer of the union, Ada Obi said"."""
    doc = subject.doc
    return (
        subject.pos_ == "PROPN"
        and any(t.ent_type_ == "PERSON" for t in subject.subtree)
        and subject.left_edge.i > 0
        and doc[subject.left_edge.i - 1].text == ","
        and any(
            other.i < subject.i
            and subject.left_edge.i - 2 <= other.right_edge.i < subject.left_edge.i  # the comma may be the role's
            and is_role_word(other.text)
            for other in subjects
        )
    )


def _opens_quote(verb: Token) -> bool:
    """Whether a quotation mark follows ``verb``, after a comma or colon at most: "saying: “…”"."""
    following = verb.doc[verb.i + 1 : verb.i + 3]
    return any(t.is_quote for t in following) and all(t.is_punct for t in following[:1])


def _name_after(noun: Token) -> Token | None:
    """A person's name right after ``noun`` that the parser did not hang on it: "quipped [comedian] Tolly
    Braddock", where "Braddock" went to the verb."""
    doc, first = noun.doc, noun.i + 1
    # "spokesperson Capt. Sarah Bigham": a rank between the role and the name
    while first < len(doc) and doc[first].ent_type_ != "PERSON" and is_title_token(doc[first]):
        first += 1
    end = first
    # capitalised: the tagger sometimes calls the verb after a noun a person ("brother [blamed]*PERSON*")
    while (
        end < len(doc)
        and doc[end].ent_type_ == "PERSON"
        and doc[end].text[:1].isupper()
        and (end == first or doc[end].ent_iob_ == "I")
    ):
        end += 1
    if end == first:
        return None
    name = doc[first:end]
    return name.root if name.root.head.i != noun.i else None


_DASHES = {"—", "–", "--", "―"}


def _is_dateline(subject: Token) -> bool:
    """A place in capitals that opens a paragraph before a dash: the dateline the parser made a subject."""
    doc = subject.doc
    first = subject.left_edge
    if first.i > 0 and "\n" not in doc[first.i - 1].text_with_ws:
        return False
    name = doc[first.i : subject.i + 1].text
    if name.isupper() and len(name) > 2 and subject.i + 1 < len(doc) and doc[subject.i + 1].text in _DASHES:
        return True
    # "Kandor, Feb 21 (Daily Courier) - …": a place, a date and an agency before the dash
    return subject.pos_ == "PROPN" and bool(_DATELINE_TAIL.match(text_of(doc), subject.idx + len(subject.text)))


_DATELINE_TAIL = re.compile(r",[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[-–—]+[ \t]")


def _after_dateline(place: Token) -> Token | None:
    """The head of the noun phrase right after a dateline's dash."""
    start = place.i + 2
    return next((chunk.root for chunk in place.doc.noun_chunks if chunk.start == start), None)


def _object_of(head: Token, complement: Token) -> Token | None:
    """The direct object of ``head`` written before its infinitive ``complement``, which controls it."""
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < complement.i), None)


def _could_speak(verb: Token) -> bool:
    """The subject of ``verb`` is someone who could be speaking: a person, a body, a role, a pronoun for one."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return False
    return (
        subject.lower_ in _PERSONAL | _PLURAL - {"it"}
        or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or is_role_word(subject.text)
        or subject.lemma_.lower() in BODY_NOUNS
    )


def _in_paragraph_of(subject: Token, verb: Token) -> Token | None:
    """``subject``, or where the parser joined a heading to it ("Budget and Taxes¶Voss said"), the
    word of its phrase that heads what stands in ``verb``'s paragraph."""
    low, high = sorted((subject.i, verb.i))
    doc = subject.doc
    if "\n" not in text_of(doc)[doc[low].idx : doc[high].idx]:
        return subject  # the usual case, found without a pass over the tokens between
    breaks = [t.i for t in doc[low:high] if "\n" in t.text]
    if not breaks:
        return subject
    if subject.i > verb.i:
        return None
    inside = [t for t in subject.subtree if breaks[-1] < t.i < verb.i]
    return next((t for t in inside if t.head.i not in {u.i for u in inside}), None)


def misread_name_before(verb: Token) -> Token | None:
    """ "“…,” May said", "“…,” Made said": a capitalised word between a closing quote and the verb that the
    parser read as a modal or a participle is the speaker's name."""
    if verb.i < 2 or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    name, mark = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if not (name.is_title and name.is_alpha and name.tag_ in {"MD", "VBN", "VBD", "VB"}):
        return None
    return name if mark.is_quote or mark.text == "," and verb.doc[mark.i - 1].is_quote else None


def _word_before(verb: Token) -> Token | None:
    """The word before ``verb`` and its own adverbs and auxiliaries ("Varga [apparently] disagrees")."""
    index = verb.i - 1
    while index >= 0 and verb.doc[index].head.i == verb.i and verb.doc[index].dep_ in {"advmod", "aux", "neg"}:
        index -= 1
    return verb.doc[index] if index >= 0 else None


def _could_be_subject(token: Token) -> bool:
    """A word that may be the subject the parser missed right before a finite verb: a name, a
    personal pronoun, or a plural noun ("experts say")."""
    if token.pos_ == "PROPN":
        return token.ent_type_ in {"PERSON", "ORG", "NORP", ""}
    return token.lower_ in {"he", "she", "they", "we", "i"} or token.tag_ == "NNS"


def _owner(noun: Token) -> Token | None:
    """Whose a statement noun is: its possessor, its "by" agent, the name before it ("Varga claims that"),
    or the subject of the verb that made it ("the council issued a statement", "unleashed a series of tweets")."""
    for child in noun.children:
        if child.dep_ == "poss" or (
            child.dep_ == "compound" and child.i == noun.i - 1 and child.ent_type_ in {"PERSON", "ORG"}
        ):
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    token = noun
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ == "of":
            token = token.head.head  # "a series of tweets"
            continue
        if token.dep_ in {"dobj", "attr"} and token.head.pos_ in {"VERB", "AUX"}:
            return subject_of(token.head)
        break
    return None


def _phrase(head: Token) -> list[Token]:
    tokens = [head]
    for child in head.children:
        # "two-year-old", "mum-of-two", "Leeds-based": the hyphens and the measure or count belong to the phrase
        measure = child.dep_ == "npadvmod" and (head.pos_ == "ADJ" or head.tag_ == "VBN")
        # "highly-placed": a word joined by a hyphen is part of the word it joins
        hyphened = not child.whitespace_ and child.i + 1 < len(child.doc) and child.doc[child.i + 1].tag_ == "HYPH"
        kept = child.dep_ in _KEEP or child.tag_ == "HYPH" or measure or hyphened
        # "The mayor of Port Halden [on Wednesday] rejected": when is no part of who
        kept = kept and not (child.lower_ == "on" and any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree))
        if (kept or child.dep_ == "appos" and child.tag_ == "CD" and child.nbor(-1).tag_ == "HYPH") and not (
            child.dep_ == "prep" and child.i < head.i
        ):
            tokens += _phrase(child)
        elif child.dep_ == "acl" and child.tag_ == "VBG" and head.pos_ == "NOUN" and child.i > head.i:
            tokens += list(child.subtree)  # "a student attending the protest": what sets this one apart
    return tokens


def _defining_clause(subject: Token, run: list[Token], verb: Token | None) -> list[Token]:
    """The short relative clause that tells an unnamed speaker apart: "a neighbour [who did not want to be
    named]", "a woman[, who requested anonymity]"; not one that holds the cue or a quote."""
    if subject.pos_ != "NOUN" or not run:
        return []
    clause = next((c for c in subject.children if c.dep_ == "relcl" and c.i > run[-1].i), None)
    if clause is None:
        return []
    words = list(clause.subtree)
    personal = _person_word(subject.lemma_.lower()) or words[0].lower_ in {"who", "whom", "whose"}
    doc = subject.doc
    set_off = words[0].i == run[-1].i + 2 and doc[run[-1].i + 1].text == ","
    if not personal or not (words[0].i == run[-1].i + 1 or set_off) or len(words) > _MAX_DEFINING_CLAUSE:
        return []
    if any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "another"} for c in subject.children):
        return []  # "the Indian engineer who …" speaks of someone already introduced
    if any(t.pos_ == "PROPN" for t in words):
        return []  # "a resident who asked to be called Tavi": the name says who
    if any(t.is_quote or verb is not None and t.i == verb.i for t in words):
        return []  # "a customer who added, “…”": the clause reports, it does not describe
    return [doc[run[-1].i + 1], *words] if set_off else words


_MAX_DEFINING_CLAUSE = 10
_SET_OFF_CLAUSE = re.compile(r",\s+(who|whom|whose)\b")


def subject_span(verb: Token | None) -> tuple[int, int] | None:
    """Character span of the speaker phrase of ``verb``, without relative clauses or brackets."""
    if verb is None:
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    relative = _relative_subject(verb, subject)
    if relative is not None:
        # "Ms. Hale, who said …": the mention is "who"; the resolver names its antecedent.
        return relative.idx, relative.idx + len(relative.text)
    return noun_phrase_span(subject, verb)


def _relative_subject(verb: Token, antecedent: Token) -> Token | None:
    """The relative pronoun through which ``antecedent`` is the subject of ``verb``'s clause
    ("the study, which left little doubt that …")."""
    token = verb
    for _ in range(4):
        if token.dep_ == "relcl" and token.head.i == antecedent.i:
            return next((c for c in token.children if c.dep_ in _SUBJECTS and c.lower_ in _RELATIVE), None)
        if token.head.i == token.i:
            break
        token = token.head
    return None


def _names_role(name: Token, subject: Token) -> bool:
    """``name`` says who ``subject`` is: a person, or any proper name after a role ("the chairman of the
    commission Ravi Perera said", where the tagger called him an organisation) or after a description set
    off by commas ("a second trader, Obinna, wants")."""
    if name.ent_type_ == "PERSON":
        return True
    if name.pos_ != "PROPN" or name.i < subject.i:
        return False
    comma_before = name.left_edge.i > 0 and name.doc[name.left_edge.i - 1].text == ","
    set_off = name.dep_ == "appos" and comma_before and _person_word(subject.lemma_.lower())
    if name.ent_type_ in {"GPE", "LOC"}:
        return set_off  # "His younger brother, [Obinna Chukwu]*GPE*, said": no place is set off so
    return name.ent_type_ in {"ORG", "NORP", ""} and (is_role_word(subject.text) or set_off)


def _set_off_name(subject: Token) -> Token | None:
    """A person's name set off by commas at the end of a role's phrase, however the parser hung it: "The
    treasurer of the Eastgate Market Traders Union, Ada Obi, has said", "A tailor at Idi-Oro, Musa Ade,
    said" (not a relative's: "the mother of the victim, Ada Obi," may name either)."""
    if not (is_role_word(subject.text) or _person_noun(subject) and subject.lower_ not in KIN_NOUNS):
        return None
    return next(
        (
            t for t in subject.subtree
            if t.i > subject.i and t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.left_edge.i > 0
            and t.doc[t.left_edge.i - 1].text == ","
        ),
        None,
    )  # fmt: skip


def _named_so(subject: Token) -> Token | None:
    """The name given to a person described: "a man named Ade Musa", "another victim, a man called Ade
    Musa"."""
    for head in [subject, *(c for c in subject.children if c.dep_ == "appos")]:
        if not (_person_noun(head) or is_role_word(head.text)):
            continue
        for acl in head.children:
            if acl.dep_ == "acl" and acl.lower_ in {"named", "called"}:
                name = next(
                    (c for c in acl.children if c.dep_ in {"oprd", "dobj", "attr"} and c.ent_type_ == "PERSON"), None
                )
                if name is not None:
                    return name
    return None


def noun_phrase_span(subject: Token, verb: Token | None = None) -> tuple[int, int] | None:
    """Character span of the noun phrase headed by ``subject``, without ``verb``, relative clauses or brackets."""
    # "Its chair, Peter Lomax, said": the apposed name says who.
    named = next((c for c in subject.children if c.dep_ in {"appos", "npadvmod"} and _names_role(c, subject)), None)
    named = named or _set_off_name(subject) or _named_so(subject)
    if named is not None and subject.ent_type_ != "PERSON":
        subject = named
    # "Said Gordon.": the cue itself is not part of who spoke.
    tokens = sorted((t for t in _phrase(subject) if verb is None or t.i != verb.i), key=lambda t: t.i)
    # Keep the contiguous run around the head: stop at brackets ("Council (NSC)").
    run = [subject]
    for token in reversed([t for t in tokens if t.i < subject.i]):
        if token.i != run[0].i - 1 or token.is_punct and token.tag_ not in {"HYPH", "POS"}:
            break  # "the 21-page ruling" keeps its hyphens, "the Tigers' skipper" its owner; "Council (NSC)" stops
        run.insert(0, token)
    for token in [t for t in tokens if t.i > subject.i]:
        if token.i != run[-1].i + 1 or token.text in "()[]":
            break
        run.append(token)
    while run and (run[-1].is_punct or run[-1].dep_ in {"cc", "case"} and run[-1].i != subject.i):
        run.pop()
    run += _defining_clause(subject, run, verb)
    if len(run) > 1 and run[-1].lower_ in _MISREAD_CUES and run[-1].pos_ == "NOUN":
        run.pop()  # “…,” the letter written by the district collector read: "read" is the cue, not a noun
    if not run:
        return None
    return run[0].idx, run[-1].idx + len(run[-1].text)


class SpeakerResolver:
    """Resolves speaker mentions in text order, remembering who spoke last."""

    def __init__(self, doc: Doc, entities: EntityIndex, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.entities = entities
        self.quoted = quoted
        self.history: list[Speaker] = []
        #: The words reported so far, as (start, end) parts of quotes.
        self.said: list[tuple[int, int]] = []
        #: Those of them reported by a known cue word, not only by the cue model's guess ("allowed her to …").
        self.surely_said: list[tuple[int, int]] = []
        #: Where the last speaker was last quoted, attributed or carried on: how recent they are.
        self.heard = 0
        #: Each part of a quote so far with whose voice it is: "my" in it is theirs.
        self.voices: list[tuple[tuple[int, int], Speaker]] = []
        #: The parts of the quote being resolved: no one named in them is who reports them.
        self.reporting: Sequence[tuple[int, int]] = ()

    def resolve(
        self,
        span: tuple[int, int] | None,
        position: int,
        parts: Sequence[tuple[int, int]] = (),
        named_person: bool = False,
        guessed: bool = False,
    ) -> Speaker:
        """The speaker whose mention is ``span``, of a quote at ``position`` made of ``parts``; with
        ``named_person``, only a person the article names, else no one; ``guessed`` for a report only the
        cue model found."""
        if span is None:
            return Speaker()
        start, end = span
        mention = text_of(self.doc)[start:end]
        # "Buses now run from Dhaka to Gazipur, he said": "he" is not someone named in what he said
        self.reporting = parts
        try:
            speaker = self._resolve(mention, start, end, position)
        finally:
            self.reporting = ()
        if named_person and not (speaker.entity or "").startswith("person/"):
            return Speaker()
        if speaker.name:
            self.history.append(speaker)
            self.said += parts
            self.surely_said += () if guessed else parts
            self.heard = position
            self.voices += [(part, speaker) for part in parts]
        return speaker

    def carry_on(self, speaker: Speaker, position: int, parts: Sequence[tuple[int, int]]) -> None:
        """A quote with no attribution of its own goes on quoting ``speaker``, the last one heard."""
        if self.history and self.history[-1].name == speaker.name:
            self.said += parts
            self.heard = position

    def _since(self, speaker: Speaker, position: int) -> int:
        """Paragraph breaks between ``speaker`` last being heard and ``position``."""
        heard = self.heard if self.history and speaker is self.history[-1] else speaker.start or 0
        return len(_PARAGRAPH_BREAK.findall(text_of(self.doc), max(heard, speaker.start or 0), position))

    def _resolve(self, mention: str, start: int, end: int, position: int) -> Speaker:
        lowered = mention.lower()
        if lowered in _PERSONAL:
            return self._pronoun(start, end)
        if lowered in _STYLED:
            # "His Excellency said": a style of address stands for the person, as "he" would
            return self._pronoun(start, end, _STYLED[lowered])
        if lowered in _ONE_MORE and self.history:
            # “…,” one resident said. … “…,” said another.: another of those last described
            described = next((h.name for h in reversed(self.history) if h.name and h.entity is None), None)
            if described is not None and described[:1].islower() and _person_word(described.split()[-1]):
                return Speaker(described, None, start, end)
        if lowered in _PLURAL:
            previous = next((s for s in reversed(self.history) if s.entity is None or "person/" not in s.entity), None)
            return Speaker(previous.name if previous else None, previous.entity if previous else None, start, end)
        if lowered in _RELATIVE:
            antecedent = self._antecedent(start)
            if antecedent is None:
                return Speaker(None, None, start, end)
            found = self._resolve(text_of(self.doc)[antecedent[0] : antecedent[1]], *antecedent, position)
            return Speaker(found.name, found.entity, start, end)
        called = self._introduced_as(start, end)
        if called is not None:
            return Speaker(*called, start, end)
        # A transcript's label in capitals ("TOLLIS:") names the person the article calls Mara Tollis.
        untagged = self._untagged_name(start, end) if mention.isupper() else None
        if untagged is not None and untagged[1] is not None:
            return Speaker(untagged[0], untagged[1], start, end)
        parent = _PARENT_OF_SOME.match(lowered)
        if parent is not None:
            # "said the father of two children, aged 13 and 8": the man just named, as "he" would be
            salient = self._pronoun(start, end, "she" if parent.group(1) in _MOTHERS else "he")
            if (salient.entity or "").startswith("person/") and self._last_named_as_subject(salient, start):
                return salient
        if _RELATIVE_OF.match(mention):
            # "the mother of Samir Dunn" speaks, not Samir Dunn
            return Speaker(_LEADING_THE.sub("", mention), None, start, end)
        entity = self._named(start, end)
        if entity is not None and " " not in entity.name and (entity.type == "PERSON" or entity.name[:1].isupper()):
            # "Tincher said" where Michelle and Taylor Tincher are both named: the Tincher who has been speaking;
            # also a surname the tagger took for a body ("[Dewal]*ORG* said" after "Holly Dewal" spoke)
            spoke = self._spoke_as(entity.name)
            if spoke is not None:
                return Speaker(spoke.name, spoke.entity, start, end)
        if entity is not None and (" " not in entity.name or entity.type != "PERSON"):
            # else the one of them named last: "the owner, Tina Priovolos, … Priovolos said"; also where the
            # tagger took the lone name for a body ("[Toche]*ORG* said", "[Van Aswegen]*ORG* added"), or it
            # is a first name ("Richard said")
            named = self._last_named_with(entity.name, start)
            if named is not None:
                return Speaker(named.name, named.id, start, end)
            rank, _, surname = entity.name.partition(" ")
            if entity.type != "PERSON" and rank.isupper() and surname and " " not in surname:
                # "[DSP Lama]*ORG*" after "Superintendent … Hari Lama said"
                spoke = self._spoke_before(surname)
                if spoke is not None:
                    return Speaker(*spoke, start, end)
        if entity is not None:
            return Speaker(entity.name, entity.id, start, end)
        untagged = untagged if mention.isupper() else self._untagged_name(start, end)
        if untagged is not None:
            return Speaker(untagged[0], untagged[1], start, end)
        words = lowered.split()
        voice = next((v for (s, e), v in reversed(self.voices) if s <= start < e), None)
        if voice is not None and len(words) == 2 and words[0] in {"my", "our"} and _person_word(words[1]):
            # “My daughter called and said, ‘…’,” said Rukhsana Bibi: the daughter is hers
            return Speaker(f"{voice.name}'s {mention.split()[1]}", None, start, end)
        kin = _KIN_MENTION.match(mention)
        if kin is not None:
            # "her sister said" after "sister Orla Quinlan told reporters"
            found = self._titled(kin.group("kin").lower(), [], start)
            if found is not None:
                return Speaker(found[0], found[1], start, end)
        owned = self._owned_role(mention, start)
        if owned is not None:
            return Speaker(owned, None, start, end)
        described = _ROLE_ACRONYM.sub(lambda m: _ROLE_ACRONYMS[m.group(0)], mention)  # "the PM"
        # "The mayor of Port Halden" is "the Port Halden mayor": the role last, as titles write it
        held = _ROLE_OF_PLACE.match(described)
        placed = held is not None and is_role_noun(held.group("role"))
        if held is not None and placed:
            described = f"the {held.group('where')} {held.group('role')}"
        role = role_head(described)
        of_body = _ROLE_OF_BODY.match(mention)
        if (
            role in BODY_NOUNS
            and of_body is not None
            and of_body.group("body").lower() == role
            and _person_word(of_body.group("role").split()[-1].lower())
        ):
            # "a spokesperson for the ministry": the ministry last named, and who speaks for it
            body = self._body(role, start)
            if body is not None:
                return Speaker(f"{body[0]} {of_body.group('role')}", None, start, end)
        if role:
            found = self._by_role(role, described, start, placed) or self._restated(role, described, start)
            if found is not None:
                return Speaker(found[0], found[1], start, end)
        bare = _bare_role(described)
        found = self._titled(bare, [], start) if bare is not None else None
        if found is not None:
            return Speaker(found[0], found[1], start, end)  # "KSSC Director": the one titled so
        office = (role or words[-1]).split()[-1]
        # "the filmmaker", "the England opener": a person restated by what they do, as "he" would be
        if (
            # ... and "Bangladesh skipper", a role with no article that no one named holds
            (words[0] == "the" and not _POSSESSIVE.search(lowered) or self._of_place(start, end) or bare)
            and (role or office in _OFFICES)
            and office not in BODY_NOUNS
            # "the spokesman" is rarely someone named, "the party spokesman" may well be
            and (office not in _SEPARATE_ROLES or len(words) >= 3)
        ):
            salient = self._pronoun(start, end)
            if (salient.entity or "").startswith("person/"):
                return salient
        owned_work = _OWNED_WORK.match(mention)
        if owned_work is not None:
            # "The park authority's update says", "His statement said": the owner speaks through it
            owner = "owner" if owned_work.group("owner") else "pronoun"
            owner_start, owner_end = start + owned_work.start(owner), start + owned_work.end(owner)
            pronoun = {"his": "he", "her": "she"}.get(owned_work.group(owner).lower())
            found = (
                self._pronoun(owner_start, owner_end, pronoun)
                if pronoun
                else self._resolve(owned_work.group(owner), owner_start, owner_end, position)
            )
            if found.name is not None:
                return Speaker(found.name, found.entity, start, end)
        work = _WORK_OF_BODY.match(mention)
        if work is not None:
            # "reads a release from the Coastal Weather Office": the body speaks through what it issued
            body_start = start + work.start("body")
            entity = self.entities.at(body_start, start + work.end("body"))
            return Speaker(entity.name if entity else work.group("body"), entity.id if entity else None, start, end)
        if role in _SPOKES and len(lowered.split()) == 2:
            # "The Coastal Rescue Agency said … A spokesperson added: “…”": the body that spoke last speaks again
            body = self._last_body(start)
            if body is not None:
                return Speaker(f"{body} {role}", None, start, end)
        # ("the victim's mother" is someone else: the victim's, not the one just quoted)
        if (
            len(words) >= 2
            and words[0] in {"the", "this"}
            # "the 56-year-old said", "said the Croat"
            and (words[-1] in PERSON_NOUNS or _AGED.match(words[-1]) or len(words) == 2 and self._demonym(end))
            and not _POSSESSIVE.search(lowered)
        ):
            # "A second woman emailed … “…,” the woman said": the one last described so; else "the dejected
            # man recalled" stands for the person just quoted or named
            described = self._last_subject(start, head=words[-1]) if len(words) == 2 else None
            if described:
                return Speaker(described, None, start, end)
            salient = self._pronoun(start, end)
            # with no one before who could be so described, the description itself ("the elderly man")
            return salient if _is_person(salient) else Speaker(_describe(mention), None, start, end)
        if len(words) == 2 and words[0] == "the":
            # "a currency dealer from a savings bank said … “…,” the dealer said": the one described so
            described = next(
                (h.name for h in reversed(self.history) if h.entity is None and _description_head(h.name) == words[1]),
                None,
            )
            # ("One Harbourton-based analyst said" describes too: its head is a common noun)
            if described is not None and (
                described[:1].islower()
                or (_description_head(described, lower=False).islower() and not _LEADING_THE.match(described))
            ):
                return Speaker(described, None, start, end)
        if len(words) == 2 and words[0] == "the" and words[-1] in _ISSUED_WORKS:
            # "an initial report by the rescue service … “…,” the report stated": whoever issued it
            issuer = self._issuer(words[-1], start, position)
            if issuer is not None and issuer.name is not None:
                return Speaker(issuer.name, issuer.entity, start, end)
        if len(words) == 2 and words[0] == "the" and words[-1] in _ISSUED_STATEMENTS and self.history:
            # "the hospital said in a statement … “…,” the statement said": whoever spoke last issued it
            return Speaker(self.history[-1].name, self.history[-1].entity, start, end)
        return Speaker(_describe(mention), None, start, end)

    def _spoke_as(self, surname: str) -> Speaker | None:
        """The last speaker whose full name ends with ``surname``."""
        return next((s for s in reversed(self.history) if _has_surname(s.name, surname)), None)

    def _placed_name(self, end: int) -> bool:
        """The name whose mention ends at ``end`` follows a preposition: "of [Ungwar Dawa]", "in [Kestrel Cove]"."""
        start = next((s for s, e, _ in self.entities.spans if s < end <= e), None)
        before = self.doc.char_span(start, start + 1, alignment_mode="expand") if start is not None else None
        return before is not None and before.start > 0 and self.doc[before.start - 1].pos_ == "ADP"

    def _introduced_as(self, start: int, end: int) -> tuple[str, str | None] | None:
        """The name a described person gives: "Another trader, who gave only his first name as Obi, said"."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.pos_ != "NOUN":
            return None
        for clause in span.root.children:
            if clause.dep_ != "relcl" or clause.lemma_ not in _SELF_NAMING:
                continue
            for prep in clause.children:
                name = next((t for t in prep.children if t.dep_ == "pobj"), None) if prep.lower_ == "as" else None
                if name is not None and name.pos_ == "PROPN" and name.text[:1].isupper():
                    words = self.doc[min(t.i for t in name.subtree) : name.i + 1]
                    entity = self.entities.at(words.start_char, words.end_char)
                    return (entity.name, entity.id) if entity is not None else (words.text, None)
        return None

    def _demonym(self, end: int) -> bool:
        """One person named by a nationality, the last word of a mention ending at ``end``: "the Croat"."""
        token = self.doc.char_span(end - 1, end, alignment_mode="expand")
        word = token[-1] if token is not None else None
        return word is not None and word.tag_ == "NNP" and (word.ent_type_ == "NORP" or word.text in _DEMONYMS)

    def _of_place(self, start: int, end: int) -> bool:
        """Whether the mention is a place's or a body's office: "Sri Lanka's Prime Minister"."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        mark = next((t for t in span or () if t.tag_ == "POS"), None)
        if mark is None or span is None or mark.i == span.start:
            return False
        owner = self.entities.at(start, mark.idx)
        return owner is not None and owner.type != "PERSON"  # also a team's: "the Tigers' skipper"

    def _issuer(self, noun: str, start: int, position: int) -> Speaker | None:
        """Who issued the last ``noun`` (a report, a letter) named before ``start``: "a report by X",
        "X's letter", "X issued a statement", "X said in a statement"."""
        before = self.doc.char_span(start, start + 1, alignment_mode="expand")
        for token in reversed(self.doc[: before.start if before is not None else 0]):
            if token.lower_ != noun or token.pos_ != "NOUN" or self._quoted(token.idx):
                continue
            issuer = next((c for c in token.children if c.dep_ == "poss"), None)
            if issuer is None:
                by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None)
                issuer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            writer = self._writer(token) if issuer is None else None
            if writer is not None:
                return Speaker(writer.name, writer.id)
            verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "in" else token.head
            if issuer is None and (token.dep_ == "dobj" or verb is not token.head) and verb.pos_ == "VERB":
                issuer = subject_of(verb)
            span = noun_phrase_span(issuer) if issuer is not None and issuer.pos_ in {"PROPN", "NOUN"} else None
            if span is None:
                return None
            return self._resolve(text_of(self.doc)[span[0] : span[1]], *span, position)
        return None

    def _writer(self, writing: Token) -> Entity | None:
        """The person named as who wrote ``writing``: "a letter written by Sergeant Ian Cole - co-ordinator …"."""
        made = next((c for c in writing.children if c.dep_ == "acl" and c.lemma_ in _WRITING_VERBS), None)
        agent = next((c for c in made.children if c.dep_ == "agent"), None) if made is not None else None
        if agent is None:
            return None
        lo, hi = agent.idx, max(t.idx + len(t) for t in agent.subtree)
        named = (entity for s, _, entity in self.entities.mentions_before(hi) if lo <= s)
        return next(named, None)

    def _last_named_with(self, name: str, position: int) -> Entity | None:
        """The person whose full name, ending with ``name`` or starting with it (one word), was written last
        before ``position``."""
        named = [
            (s, entity)
            for s, _, entity in self.entities.mentions_before(position)
            if (entity.name.endswith(f" {name}") or " " not in name and entity.name.startswith(f"{name} "))
            and (" " not in name or entity.type == "PERSON")
            and not self._quoted(s)
        ]
        return max(named, key=lambda m: m[0])[1] if named else None

    def _untagged_name(self, start: int, end: int) -> tuple[str, str | None] | None:
        """A name the tagger missed: "Judge Quill" is the article's Eamon Quill; a lone "Wexcombe"
        is the "Paul Wexcombe" written elsewhere in it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        words = [t for t in span or () if not t.is_punct]
        # "Ngozi Eze of 10 Ajao Street": a name, then where the person lives or comes from
        where = next((i for i, t in enumerate(words) if t.lower_ in {"of", "from"}), 0)
        placed = where in {2, 3} and all(t.pos_ == "PROPN" and not is_title_token(t) for t in words[:where])
        if placed:
            words = words[:where]
        # "National Assembly speaker Moses Okello": a full name follows the last role word
        # … or the body a role is of: "Deputy Superintendent of Police Hari Lama"
        role = max(
            (
                i
                for i, t in enumerate(words[:-2])
                if is_role_noun(t.text) or t.lower_ in PERSON_NOUNS or i and t.lower_ in BODY_NOUNS
            ),
            default=-1,
        )
        if role >= 0 and _full_name(words[role + 1 :]):
            words = words[role + 1 :]
        else:
            role = -1
        titled = False
        # "[Resident] Marlene", as TV sites write it
        while len(words) > 1 and (is_title_token(words[0]) or _person_noun_title(words[0])):
            words.pop(0)
            titled = True
        if not 1 <= len(words) <= 3 or any(not t.text[:1].isupper() and t.text not in NAME_PARTICLES for t in words):
            return None
        if not words[-1].text.isupper() and any(t.pos_ != "PROPN" and t.text not in NAME_PARTICLES for t in words):
            # "Pellow said", the tagger reading the surname as a noun, after "To Dora Pellow, …"
            lone = words[-1].text if len(words) == 1 else None
            return (self._spoke_before(lone) or self._with_first_name(lone)) if lone else None
        # "Parsons-Perez" is one surname, however the tokenizer cut it
        surname = text_of(self.doc)[words[0].idx : words[-1].idx + len(words[-1])].split()[-1]
        people = {
            e.id: e
            for e in self.entities.entities
            if e.type == "PERSON" and e.name.split()[-1].upper() == surname.upper()
        }
        if len(people) == 1:
            (person,) = people.values()
            return person.name, person.id
        if people:
            return None
        if len(words) > 1:
            # a name the tagger missed right after a role word or title: "speaker Moses Okello"
            return (" ".join(t.text for t in words), None) if role >= 0 or titled or placed else None
        named = self._with_first_name(surname)
        if named is not None:
            return named
        # "Major General Pirapong said": a name, known by no other
        return self._spoke_before(surname) or ((surname, None) if titled and not is_title_token(words[0]) else None)

    def _with_first_name(self, surname: str) -> tuple[str, str | None] | None:
        """The surname with the first name written before it somewhere: "Dora Pellow" for "Pellow"."""
        first = next(
            (
                t.nbor(-1).text
                for t in tokens_of(self.doc)
                if t.text == surname and t.i > 0 and t.nbor(-1).pos_ == "PROPN" and t.nbor(-1).text[:1].isupper()
                and not is_title_token(t.nbor(-1)) and not _opens_sentence(t.nbor(-1))
            ),
            None,
        )  # fmt: skip
        return (f"{first} {surname}", None) if first else None

    def _spoke_before(self, surname: str) -> tuple[str, str | None] | None:
        """The one speaker so far whose full name ends in ``surname``: "Cecil Dear said …" then "Mr Dear
        added", where the tagger knew neither as a name."""
        spoke = {
            (s.name, s.entity)
            for s in self.history
            if s.name and _PERSON_NAME.match(s.name) and s.name.split()[1:][-1:] == [surname]
        }
        return spoke.pop() if len(spoke) == 1 else None

    def _untagged_body(self, role: str, position: int) -> str | None:
        """The last name before ``position`` that ends in ``role``, capitalised, which the tagger did not
        take for an organisation: "the Harbour, Parks and Culture Ministry (Hapac)" for "the ministry"."""
        # within one line; a comma only inside a list of capitalised words ("Harbour, Parks and …", not "Earlier, the")
        word = r"\b[A-Z][\w'’&.-]*(?:,(?=[ \t]+[A-Z]))?[ \t]+(?:(?:and|of|for|the|&)[ \t]+)*"
        pattern = re.compile(rf"(?:{word}){{1,6}}{role.capitalize()}\b")
        names = [m for m in pattern.finditer(text_of(self.doc), 0, position) if not self._quoted(m.start())]
        for match in reversed(names):
            name = _LEADING_THE.sub("", match.group())
            if name.split()[0] != role.capitalize():
                return name
        return None

    def _last_body(self, position: int) -> str | None:
        """The organisation that was the last speaker, if it spoke in this paragraph or the one before."""
        last = next((s for s in reversed(self.history) if not self._reported_within(s)), None)
        entity = self.entities.by_id(last.entity) if last is not None and last.entity else None
        if entity is None or entity.type != "ORG" or last is None or last.start is None:
            return None
        if self._since(last, position) > 1:
            return None
        return entity.name

    def _antecedent(self, start: int) -> tuple[int, int] | None:
        """The span of the noun phrase a relative pronoun at ``start`` stands for."""
        pronoun = self.doc.char_span(start, start + 1, alignment_mode="expand")
        clause = pronoun.root.head if pronoun is not None else None
        if clause is None or clause.dep_ != "relcl":
            return None
        noun = clause.head
        if pronoun.root.lower_ in {"who", "whom"} and _thing(noun):
            # "the mother in the car who said": "who" is the mother, not the car
            person = next((t for t in reversed(self.doc[noun.sent.start : noun.i]) if _person_noun(t)), None)
            noun = person if person is not None else noun
        return noun_phrase_span(noun, clause)

    def _restated(self, role: str, mention: str, position: int) -> tuple[str, str | None] | None:
        """ "Brona Keady said …¶“…,” the county manager said": a definite role no one in the article
        holds describes again the untitled person who spoke last or, before anyone spoke, the one the
        article is about ("Peter Lomax's phone rang … “…,” said the city councillor")."""
        if not mention.lower().startswith("the ") or _POSSESSIVE.search(mention.lower()):
            return None  # "the victim's mother" is the victim's, not whoever spoke last
        if role in _SEPARATE_ROLES:
            # "the engineer" is rarely the one who just spoke, but "the Indian engineer" may well describe the
            # untitled person named since: "as in the case of resident Rajkumar. “…,” said the Indian engineer"
            named = [m for m in self.entities.mentions_before(position) if not self._quoted(m[0])]
            person = max(named, key=lambda m: m[0])[2] if named and len(mention.split()) >= 3 else None
            last = self.history[-1] if self.history else None
            fresh = person is not None and (last is None or not self._spoke_after(last, person, position))
            return (person.name, person.id) if fresh and person is not None and not person.titles else None
        if not self.history:
            person = self._recent_person(position)
            return (person.name, person.id) if person is not None and not person.titles else None
        last = self.history[-1]
        entity = self.entities.by_id(last.entity) if last.entity else None
        # A titled speaker is rarely "the governor" again, but an epithet may well describe them: "the veteran
        # party leader added".
        epithet = len(mention.split()) >= 3 and role not in BODY_NOUNS
        if entity is not None and (entity.type != "PERSON" or entity.titles and not epithet):
            return None
        # A name the model did not tag ("Brona Keady said") counts when it reads as a person's.
        if last.name is None or last.start is None or (entity is None and not _PERSON_NAME.match(last.name)):
            return None
        if self._since(last, position) > 2:
            return None  # not the last paragraphs
        return last.name, last.entity

    def _owned_role(self, mention: str, start: int) -> str | None:
        """ "Penhallow’s spokesman", "his spokesman": the role, named after its holder's fullest name."""
        match = _OWNED_ROLE.match(mention)
        if match is None:
            return None
        owner, role = match.group("owner"), match.group("role")
        offset = start + match.start("owner")
        if owner.lower() in {"his", "her"}:
            person = self._pronoun(start, start, {"his": "he", "her": "she"}[owner.lower()]).name
            if person and person.endswith(f"'s {role}"):
                return person  # "his brother" again, when his brother was the last to speak: not the brother's
        else:
            entity = self.entities.at(offset, offset + len(owner))
            holder = role_head(f"the {owner}")  # "the Prime Minister's spokesman"
            found = self._by_role(holder, owner, start) if entity is None and holder else None
            person = entity.name if entity is not None else found[0] if found else owner
        return f"{person}'s {role}" if person else None

    def _named(self, start: int, end: int) -> Entity | None:
        """The entity named by the head of the mention: "Mexican President Claudia Sheinbaum"."""
        head = self.doc.char_span(start, end, alignment_mode="expand")
        root = head.root if head is not None else None
        if root is not None and root.i > 0 and root.text.rstrip(".") in POST_NOMINALS:
            root = root.nbor(-1)  # "Judge Gerald Butler [QC]": the parser's head is the rank after the name
        # The entity at the head word first: "[Pigtown Main Street]*ORG* Executive Director [Ben Hyman]".
        at_root = self.entities.at(root.idx, root.idx + len(root)) if root is not None else None
        entity = at_root or self.entities.at(start, end)
        if entity is None:
            return None
        if at_root is None and root is not None and _untagged_head(root, entity, self.entities):
            return None  # "Grain SA CEO Jannie de Villiers": the name the tagger missed is who speaks
        if at_root is not None and root is not None and root.text[:1].isupper():
            return entity  # the head word is a mention, whatever the tagger calls it ("Banks" as a noun)
        # "a Wall Street Journal report said": the publication speaks through its report.
        if root is not None and root.lemma_.lower() in _PUBLISHED_WORKS and entity.type == "ORG":
            return entity
        # "Telstra general manager of Tasmania Mike Patterson": the role's holder, named after it
        last_word = self.entities.at(end - 1, end)
        if (
            root is not None
            and _person_word(root.lower_)
            and last_word is not None
            and last_word.type == "PERSON"
            and not self._placed_name(end)  # "a resident of [Ungwar Dawa]*PERSON*" is no one
        ):
            return last_word
        if root is not None and is_role_word(root.text) and at_root is None and entity.type != "PERSON":
            return None  # "the ACP MP" is a member, not the party
        # "A spokesperson for the NSC" is not the NSC itself; "Biden’s staff" is not Biden; "Fishermen in
        # the village of Kvarnes" are not Kvarnes, however the tagger reads a sentence's first word.
        if root is not None and (
            (root.pos_ != "PROPN" and not (root.ent_type_ and root.pos_ != "NOUN")) or _opens_sentence(root)
        ):
            return None
        return entity

    def _pronoun(self, start: int, end: int, pronoun: str | None = None) -> Speaker:
        # Someone reported inside another's report ("the barrister stressed that Ferris claims …") is not
        # who goes on speaking.
        # "Chief Minister Ines Aalto backed the laws. … “…,” he said": Ms Aalto is not "he".
        gender = _PRONOUN_GENDER.get(pronoun or text_of(self.doc)[start:end].lower())
        previous = next(
            (
                s
                for s in reversed(self.history)
                if _is_person(s) and not self._reported_within(s) and self._may_be(s, gender)
            ),
            None,
        )
        recent = self._recent_person(start, previous, gender)
        # The last speaker wins unless another person was named since.
        if previous is not None and (
            recent is None
            or recent.id == previous.entity
            # "Pruett is lucid" of the Lorna Pruett quoted, where a Walter Pruett is named too
            or (" " not in recent.name and _has_surname(previous.name, recent.name))
            or self._spoke_after(previous, recent, start)
            or self._leads(previous, recent, start)
            or self._named_in_reports(previous, recent, start)
        ):
            return Speaker(previous.name, previous.entity, start, end)
        if recent is not None:
            return Speaker(recent.name, recent.id, start, end)
        # No person entity at all (the model missed the name): the last named speaker, else the last
        # proper-noun subject before the pronoun ("Solveig Amundsen toured … she said").
        named = next((s for s in reversed(self.history) if s.name and s.name[:1].isupper()), None)
        if named is not None:
            return Speaker(named.name, named.entity, start, end)
        return Speaker(
            self._last_subject(start, pronoun=pronoun or text_of(self.doc)[start:end].lower()), None, start, end
        )

    def _last_subject(self, position: int, head: str | None = None, pronoun: str | None = None) -> str | None:
        """The last subject before ``position`` that can be a "he" or "she": a name the model did not tag
        ("Solveig Amundsen toured … she said") or a person described ("The father of a two-year-old …
        He said"). Of a ``head`` noun, the description that introduced the person, not a later "the trader"."""
        restated = None
        for token in reversed(self.doc[: self.doc.char_span(position, position + 1, alignment_mode="expand").start]):
            if token.dep_ not in _SUBJECTS or self._quoted(token.idx):
                continue
            if token.pos_ == "PROPN" and token.ent_type_ in {"", "PERSON"} and head is None:
                name = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
                while name and is_role_word(name[0].text):
                    name.pop(0)
                return " ".join(t.text for t in name) or None
            if head is not None and token.lemma_ != head:
                continue
            if pronoun is not None and _GENDERED.get(token.lemma_, pronoun) != pronoun:
                continue  # "she" is not "a man with internal bleeding"
            if token.pos_ == "NOUN" and (token.lemma_ in PERSON_NOUNS or is_role_word(token.text)):
                span = noun_phrase_span(token, token.head)
                if span is None:
                    return None
                if head is not None and any(t.dep_ == "det" and t.lower_ in {"the", "this"} for t in token.lefts):
                    restated = restated or _describe(text_of(self.doc)[span[0] : span[1]])
                    continue  # "the trader said" again: look back for "a foreign exchange trader from a local bank"
                return _describe(text_of(self.doc)[span[0] : span[1]])
        return restated

    def _may_be(self, speaker: Speaker, gender: str | None) -> bool:
        """Whether ``speaker`` may be called by a pronoun of ``gender``: unless the article gives them an
        honorific of the other ("Ms Aalto"), or they are described as one ("the mum-of-two")."""
        if gender is None:
            return True
        if speaker.entity is None:
            described = _GENDERED.get(_head_word(_description_head(speaker.name)))
            return described is None or _PRONOUN_GENDER[described] == gender
        person = self.entities.by_id(speaker.entity)
        if person is None:
            return True
        text = text_of(self.doc)
        for start, _ in person.mentions:
            honorific = _HONORIFIC.search(text, max(0, start - 8), start)
            if honorific is not None:
                return _HONORIFIC_GENDER[honorific.group(1).lower()] == gender
        return True

    def _spoke_after(self, previous: Speaker, recent: Entity, position: int) -> bool:
        """The last speaker's mention reaches the other person's last mention before ``position``
        (outside quotes), so it came later or holds it: "Penhallow's spokesman said … he said"."""
        last_mention = max((s for s, _ in recent.mentions if s < position and not self._quoted(s)), default=-1)
        if previous.start is None:
            return False
        if (previous.end or previous.start) > last_mention:
            return True
        # "Leila Nasri, Haddad's mother, said": Haddad is named only to say who she is
        owner = self.doc.char_span(last_mention, last_mention + 1, alignment_mode="expand")
        described = owner.root.head if owner is not None and owner.root.dep_ == "poss" else None
        return (
            described is not None
            and described.dep_ == "appos"
            and previous.start <= described.head.idx < (previous.end or previous.start)
        )

    def _last_named_as_subject(self, speaker: Speaker, position: int) -> bool:
        """Whether ``speaker`` was last named before ``position`` as the subject of a clause ("Omar Haddad, who
        works …, walked"), not as a word of a description ("The Great Cornard driver")."""
        entity = self.entities.by_id(speaker.entity) if speaker.entity else None
        last = max((m for m in entity.mentions if m[0] < position), default=None) if entity else None
        span = self.doc.char_span(*last, alignment_mode="expand") if last else None
        return span is not None and span.root.dep_ in _SUBJECTS

    def _named_in_reports(self, previous: Speaker, recent: Entity, position: int) -> bool:
        """Since the last speaker, the other person is named only in what was reported: "the principal, who
        said that Brenner had volunteered … “…,” she said"; "The party demands the return of Moravec … “…,” he
        said"."""
        if previous.start is None or previous.entity is None:
            return False
        since = [(s, e) for s, e in recent.mentions if previous.start < s < position and not self._quoted(s)]
        return bool(since) and all(
            any(a <= s < b for a, b in self.surely_said) and not self._addressed(s, e) for s, e in since
        )

    def _addressed(self, start: int, end: int) -> bool:
        """Whether the name at ``start:end`` is whom a verb addresses: "The magistrate asked Morrow about …"."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and span.root.dep_ in {"dobj", "dative"} and span.root.head.pos_ == "VERB"

    def _reported_within(self, speaker: Speaker) -> bool:
        return speaker.start is not None and any(s <= speaker.start < e for s, e in self.said)

    def _leads(self, previous: Speaker, recent: Entity, position: int) -> bool:
        """The last speaker is the main subject of the sentence that names the other person last, where
        that person is not: "A defence barrister stressed that Ferris claims … “…,” he said"."""
        last = max((s for s, _ in recent.mentions if s < position and not self._quoted(s)), default=None)
        if previous.start is None or previous.end is None or last is None:
            return False
        speaker = self.doc.char_span(previous.start, previous.end, alignment_mode="expand")
        other = self.doc.char_span(last, last + 1, alignment_mode="expand")
        return (
            speaker is not None
            and other is not None
            and speaker.sent.start == other.sent.start
            and _subject_role(speaker.root) == "main"
            and _subject_role(other.root) != "main"
        )

    def _quoted(self, position: int) -> bool:
        return any(qs <= position < qe for qs, qe in self.quoted) or any(s <= position < e for s, e in self.reporting)

    def _recent_person(
        self, position: int, previous: Speaker | None = None, gender: str | None = None
    ) -> Entity | None:
        """The person a pronoun at ``position`` (of ``gender``) most likely means among those last named.

        In the last sentences that name anyone, the latest subject of a main clause ("Harbour master Ilse
        Varga thanked diver Jonas Brek … Brek checked … He said" means Varga) or the last speaker as the
        subject of any clause ("Holt said … as Holt gave Brek the maximum sentence … she said"),
        else the latest named; never one of the other sex ("Magistrate Ines Calder asked Morrow … He said")."""
        mentions = sorted(
            ((s, e, entity) for s, e, entity in self.entities.mentions_before(position) if not self._quoted(s)),
            key=lambda m: m[:2],
        )
        named = {entity.id: entity for _, _, entity in mentions}
        fits = {key for key, entity in named.items() if self._may_be(Speaker(entity.name, key), gender)}
        if not fits:
            return None
        sentences: list[int] = []
        for s, e, entity in reversed(mentions):
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            if span.sent.start not in sentences:
                if len(sentences) == _SALIENCE_SENTENCES:
                    break
                sentences.append(span.sent.start)
            role = _subject_role(span.root)
            if entity.id not in fits:
                # the sentence's subject is of the other sex: the one they spoke to ("Ms Calder asked Morrow")
                addressed = self._addressed_by(span.root) if role == "main" else None
                if addressed is not None:
                    return addressed
                continue
            if role == "main" or (role and previous is not None and entity.id == previous.entity):
                return entity
        return next(entity for _, _, entity in reversed(mentions) if entity.id in fits)

    def _addressed_by(self, subject: Token) -> Entity | None:
        """The person named as the object of ``subject``'s verb: "Morrow" of "Ms Calder asked Morrow"."""
        verb = subject.head
        for child in verb.children:
            if child.dep_ in {"dobj", "dative"}:
                entity = self.entities.at(child.idx, child.idx + len(child.text))
                if entity is not None and entity.type == "PERSON":
                    return entity
        return None

    def _by_role(self, role: str, mention: str, position: int, placed: bool = False) -> tuple[str, str | None] | None:
        """Who holds ``role``: the last-mentioned entity with that title (or, for "the ministry", the last
        organisation), else the last unnamed speaker described by it ("the council spokesperson");
        ``placed`` for a role written as held of a place ("The mayor of Port Halden")."""
        qualifier = [w.lower() for w in mention.split()[1:-1]]
        found = self._body(role, position) if role in BODY_NOUNS else self._titled(role, qualifier, position, placed)
        if found is not None:
            return found
        for speaker in reversed(self.history):
            name = (speaker.name or "").lower()
            if role in name and all(q in name for q in qualifier):
                return speaker.name or "", speaker.entity
        return None

    def _titled(
        self, role: str, qualifier: list[str], position: int, placed: bool = False
    ) -> tuple[str, str | None] | None:
        """The person last named with ``role`` in a title, else the first named so after ``position``, else,
        for a role written as held of a place ("The mayor of Port Halden"), the one person the article titles so."""
        candidates = [
            (s, entity)
            for s, _, entity in self.entities.mentions_before(position)
            if not self._quoted(s) and any(role in _spelled_out(title) for title in entity.titles)
        ]
        # "the Regional Minister" is the one whose title says "regional", even if another minister spoke since.
        qualified = [c for c in candidates if any(_says_all(t, role, qualifier) for t in c[1].titles)]
        if qualifier and qualifier[-1] in _RANKS:
            # "the chief minister" is not someone titled "Prime Minister"
            candidates = [c for c in candidates if any(qualifier[-1] in _spelled_out(t) for t in c[1].titles)]
        if qualified or candidates:
            entity = max(qualified or candidates, key=lambda c: c[0])[1]
            return entity.name, entity.id
        # "a white police officer said …" before "Officer Michael Rosfeld" is named: the first one after
        # whose title says all the mention says ("the Bahraini foreign minister" is not the Turkish one).
        later = [
            (s, entity)
            for s, _, entity in self.entities.mentions_before(len(text_of(self.doc)))
            if s > position and any(_says_all(t, role, qualifier) for t in entity.titles)
        ]
        if later:
            entity = min(later, key=lambda c: c[0])[1]
            return entity.name, entity.id
        # "The mayor of Port Halden rejected …" before "Mayor Elena Voss told …": the one person the
        # article ever titles so, where the mention's place is no part of the title ("the deputy mayor" is not)
        holders = {e.id: e for e in self.entities.entities if any(role in _spelled_out(t) for t in e.titles)}
        if len(holders) == 1 and placed:
            (entity,) = holders.values()
            return entity.name, entity.id
        return None

    def _body(self, role: str, position: int) -> tuple[str, str | None] | None:
        """Which organisation "the ministry" is: the last one named with that word, else the first named so
        after it ("the hospital said" before "Greyfield Memorial Hospital"), else the last organisation."""
        # "the hospital" may be a building to the parser: Greyfield Memorial Hospital*FAC*.
        mentions = [
            (s, entity)
            for s, _, entity in self.entities.mentions_before(len(text_of(self.doc)), ("ORG", "FAC"))
            if not self._quoted(s)
        ]
        named = [(s, entity) for s, entity in mentions if role in entity.name.lower().split()]
        earlier = [m for m in named if m[0] < position]
        # A fuller name the tagger missed or cut short: "Harbour, Parks and [Culture Ministry]*ORG*".
        untagged = self._untagged_body(role, position)
        latest = max(earlier, key=lambda m: m[0])[1].name if earlier else ""
        if untagged is not None and untagged.endswith(latest) and len(untagged) > len(latest):
            return untagged, None
        later = [m for m in named if m[0] > position]
        if not earlier and not later:
            # "MPIC said … “…,” the company noted": the body that spoke last, before any other named since
            spoke = next((s for s in reversed(self.history) if (s.entity or "").startswith("org/")), None)
            if spoke is not None:
                return spoke.name or "", spoke.entity
        before = [m for m in mentions if m[0] < position]
        found = (
            max(earlier, key=lambda m: m[0]) if earlier
            else min(later, key=lambda m: m[0]) if later
            else max(before, key=lambda m: m[0]) if before
            else None
        )  # fmt: skip
        return (found[1].name, found[1].id) if found else None


#: Roles papers write as initials after "the": "the Marivan PM said".
_ROLE_ACRONYMS = {"PM": "Prime Minister", "CM": "Chief Minister", "CJ": "Chief Justice", "CS": "Cabinet Secretary"}
_ROLE_ACRONYM = re.compile(r"(?<=\w )(?:PM|CM|CJ|CS)$")
_ABBREVIATED_TITLES = {
    "gov.": "governor", "sen.": "senator", "rep.": "representative", "gen.": "general", "lt.": "lieutenant",
    "col.": "colonel", "prof.": "professor", "pres.": "president", "supt.": "superintendent", "sgt.": "sergeant",
    "capt.": "captain", "adm.": "admiral", "cmdr.": "commander", "det.": "detective", "atty.": "attorney",
    "cj": "chief justice",
}  # fmt: skip


#: Words that make another post of a role: a chief minister is no prime minister.
_RANKS = frozenset("chief prime deputy vice assistant junior senior state foreign".split())
#: Posts one person holds at a time, which a writer restates for someone named ("the party leader"), unlike
#: an occupation ("the nurse" is often someone never named).
_OFFICES = frozenset(
    """leader president premier chancellor minister secretary governor mayor chairman chairwoman chair ceo
    director spokesperson spokesman spokeswoman ambassador envoy commissioner chief head founder coach captain
    skipper manager tactician boss gaffer representative senator congressman congresswoman king queen prince
    princess emperor pope taoiseach principal headteacher superintendent sheriff striker midfielder defender
    winger goalkeeper batsman bowler opener""".split()
)
#: How many of the last sentences that name a person a pronoun looks back over for a main-clause subject.
_SALIENCE_SENTENCES = 2


def _subject_role(token: Token) -> str | None:
    """ "main" for the subject of its sentence's main verb (or of a verb conjoined to it), "sub" for the
    subject of another clause, None otherwise; a name in apposition counts as what it stands beside, and
    the owner of a thing as the thing."""
    if token.dep_ == "appos":
        # "One shop owner, Orla Keane, who …, lost"; "President of the Traders Alliance, Ilyas Memon, said"
        # (the parser often hangs the name on the last noun of the title)
        token = token.head
        while token.dep_ in {"pobj", "prep"} and token.head.i != token.i:
            token = token.head
    head = token.head
    if token.dep_ == "poss" and head.pos_ == "NOUN" and not (_person_noun(head) or is_role_word(head.text)):
        token = token.head  # "Ron Tebb's house was hit. He said": the owner of a thing that is the subject
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return "main" if verb.dep_ == "ROOT" else "sub"


#: A role held for a named place or body: "The mayor of Port Halden", "the governor of Lagos State".
_ROLE_OF_PLACE = re.compile(
    r"^(?:[Tt]he|[Aa]n?)\s+(?P<role>[a-z][a-z-]+)\s+of\s+(?P<where>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})$"
)


def _says_all(title: str, role: str, qualifier: list[str]) -> bool:
    """``title`` holds ``role`` and every qualifier word of the mention ("regional", "foreign")."""
    spelled = _spelled_out(title)
    return role in spelled and all(q in spelled for q in qualifier)


def _spelled_out(title: str) -> str:
    """A title with its abbreviations written out, lower-cased: "Gov." -> "governor"."""
    return " ".join(_ABBREVIATED_TITLES.get(word, word) for word in title.lower().split())


def _opens_sentence(token: Token) -> bool:
    """The first word of a sentence or paragraph, where capitals say nothing about names."""
    previous = token.doc[token.i - 1] if token.i else None
    return previous is None or token.is_sent_start or previous.is_space or previous.text in {".", "!", "?"}


def _untagged_head(root: Token, entity: Entity, entities: EntityIndex) -> bool:
    """The head of a mention is a capitalised name word after the entity found in it, in no entity itself."""
    last = max((e for s, e in entity.mentions if s <= root.idx), default=-1)
    return (
        root.pos_ == "PROPN"
        and root.text[:1].isupper()
        and not is_role_word(root.text)
        and last <= root.idx
        and entities.at(root.idx, root.idx + len(root.text)) is None
    )


def _full_name(words: list[Token]) -> bool:
    """Two or three capitalised proper nouns, none a role or a body's word; a particle may stand between
    them ("Jannie de Villiers")."""
    named = [t for t in words if t.text not in NAME_PARTICLES]
    return 2 <= len(named) <= 3 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and not is_role_word(t.text) and t.lower_ not in BODY_NOUNS
        for t in named
    )


def _thing(noun: Token) -> bool:
    """A common noun that names no person: "car", not "mother", "minister" or a name."""
    return noun.pos_ == "NOUN" and not _person_word(noun.lower_) and not noun.ent_type_


def _bare_role(mention: str) -> str | None:
    """The role of a body's role written with no article: "KSSC Director", "Harbour Board spokesperson"."""
    words = mention.split()
    named = 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words[:-1])
    if not named or words[0].lower() in {"a", "an", "the", "one", "another", "this", "that"}:
        return None
    return words[-1].lower() if is_role_noun(words[-1]) else None


def _person_noun_title(token: Token) -> bool:
    """ "[Resident] Marlene": a capitalised person noun used as a title."""
    return token.text.istitle() and token.lower_ in PERSON_NOUNS


def _person_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and _person_word(token.lower_) or token.ent_type_ == "PERSON"


def _head_word(word: str) -> str:
    """ "mum-of-two" -> "mum", "father-in-law" -> "father"."""
    return re.split(r"-(?:of|in)-", word)[0]


def _person_word(word: str) -> bool:
    word = _head_word(word)
    return (is_role_word(word) and word not in BODY_NOUNS) or word in PERSON_NOUNS or word in PARTY_NOUNS


def _is_person(speaker: Speaker) -> bool:
    """A named person, or a person described by role ("Penhallow's spokesman"): "he" can refer to either."""
    if speaker.entity:
        return speaker.entity.startswith("person/")
    words = [w for w in (speaker.name or "").split() if w not in NAME_PARTICLES]
    if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[-1].lower() not in BODY_NOUNS:
        return True  # a full name the tagger missed: "Moses Okello"
    return _person_word(_description_head(speaker.name))


def _has_surname(name: str | None, surname: str) -> bool:
    """``name`` is a full name ending in ``surname``: "Lorna Pruett" has "Pruett"."""
    return (name or "").split()[1:][-1:] == [surname]


def _description_head(name: str | None, lower: bool = True) -> str:
    """The head noun of a description, lower-cased unless ``lower`` is false: "former employee of the
    mine" -> "employee", "retailer who declined to be named" -> "retailer"."""
    words = re.split(r"\s+(?:of|for|with|from|at|in|who|whom|whose)\s+", name or "")[0].split()
    head = words[-1] if words else ""
    return head.lower() if lower else head


def _singular(phrase: str) -> str:
    """``phrase`` with its last word made singular: "protesting students" -> "protesting student"."""
    head, _, last = phrase.rpartition(" ")
    for plural, singular in (("ies", "y"), ("men", "man"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh")):
        if last.endswith(plural):
            return f"{head} {last[: -len(plural)]}{singular}".strip()
    if last.endswith("s") and not last.endswith("ss"):
        return f"{head} {last[:-1]}".strip()
    return phrase


def _describe(mention: str) -> str:
    """A speaker with no name: "A spokesperson for the US National Security Council (NSC)" ->
    "US National Security Council spokesperson"."""
    mention = re.sub(r"\s*\([^)]*\)", "", mention).strip()
    mention = _BY_MEANS.sub("", mention)  # "the high command in a media release": how, not who
    one = mention.lower().startswith("one of ")
    mention = _PARTITIVE.sub("", mention)  # "Many of the protesters" -> "protesters"
    if one:
        mention = _singular(mention)  # "one of the protesting students" -> "protesting student"
    mention = without_honorific(mention)  # "Ms. Beede" -> "Beede"
    mention = _SET_OFF_CLAUSE.sub(r" \1", mention).rstrip(",")  # "a neighbour, who asked …" -> "neighbour who asked …"
    match = _ROLE_OF_BODY.match(mention)
    if match and match.group("body")[:1].isupper():  # not "the father of a two-year-old"
        return f"{match.group('body')} {match.group('role')}"
    return _ARTICLE.sub("", mention)
