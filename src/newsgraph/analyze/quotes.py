"""Quotes: direct quotes (with nesting, split and run-on quotes), mixed quotes, and indirect
speech; each with its cue, speaker mention and resolved speaker.

Direct quotes come from quotation marks (``quotemarks.py``). The cue is the reporting verb nearest
the quote in its sentence, outside any quote; the speaker is that verb's subject, resolved to an
entity (``speakers.py``). Indirect speech comes from ``reported.py``; this module joins the two,
lets a mixed quote adopt the report around it, and resolves every speaker in text order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsgraph.analyze.entities import EntityIndex
from newsgraph.analyze.nlp import TITLE_ABBREVIATIONS, text_of
from newsgraph.analyze.quotemarks import MarkSpan, find_mark_spans
from newsgraph.analyze.reported import (
    MIN_CUE_RATE,
    NOT_CONTENT,
    STRONG_CUE_RATE,
    Found,
    cue_lexicon,
    cue_rate,
    indirect_quotes,
    nested,
    says_of,
    token_at,
    trimmed_span,
)
from newsgraph.analyze.sources import media_mentions
from newsgraph.analyze.speakers import (
    SpeakerResolver,
    misread_name_before,
    noun_phrase_span,
    subject_of,
    subject_span,
)
from newsgraph.analyze.titles import is_role_word
from newsgraph.records import Cue, Quote, Speaker

#: Lemmas of verbs that report speech or stated belief.
REPORTING_LEMMAS = frozenset(
    """say tell add warn argue insist deny claim explain note acknowledge believe announce state report
    write declare confirm reply respond ask urge stress emphasize emphasise suggest predict promise vow
    pledge admit concede allege assert contend maintain recall remark observe comment caution complain
    testify tweet post describe reiterate repeat continue conclude agree disagree point think estimate
    threaten accuse reveal disclose indicate signal hint propose demand tout lament concede answer
    counter retort quip joke muse mention chant shout yell scream cry plead whisper sing call laugh chuckle
    smile sigh chirp exclaim enthuse gush boast fume mutter murmur grumble bellow marvel rave""".split()
)
#: Nouns that name the quoted words as words: "coined the phrase “…”", "used the term “…”".
_NAMING_NOUNS = frozenset("phrase term word words slogan nickname label".split())
#: Cues whose object is the addressee: "told reporters", "assured voters".
_ADDRESSING = frozenset("tell assure inform remind brief reassure promise".split())
_CONTENT_RELATIONS = {"dobj", "dative", "ccomp", "xcomp", "oprd", "attr", "acomp", "appos", "conj"}
_MIN_UNATTRIBUTED_WORDS = 4  # shorter quoted bits with no cue are scare quotes or titles
_WORD = re.compile(r"\w")
#: A quote signed with a dash and a name at the end of its paragraph: “…” ― Edwin G. Monroy
_DASH_SIGNATURE = re.compile(
    r"[^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*(?P<name>[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4})"
)
#: …or in the sentence after it: “We are very sorry.” Those were the words of captain Ilse Varga …
_WORDS_OF = re.compile(
    r"[.,]?\s*(?:Those|These|That|This|Such) (?:were|was|are|is) (?:the|some of the) (?:[\w-]+ ){0,2}"
    r"(?:words|sentiments|comments|remarks|views|message|feelings|thoughts|reaction|verdict)\b"
    r"(?: \w+)? (?P<by>of|by|from) "
)
#: …or with the bare name closing the paragraph: “…” Ilse Varga.
_NAME_SIGNATURE = re.compile(r"[^\S\n]+(?P<name>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){1,3})\.?[^\S\n]*(?=\n|$)")
#: …or with the name and a role, the way TV stations write it: “…,” Ada Brandt, homeowner. “…”
_NAME_ROLE_SIGNATURE = re.compile(
    r"[^\S\n]*(?P<name>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){1,3}),[^\S\n]+[^.,;:!?“”\"\n]{2,60}\."
    r"(?=[^\S\n]*(?:[“\"]|\n|$))"
)
#: "According to the sheriff's office, “…”": the lead of a quote that a source introduces.
_ACCORDING_LEAD = re.compile(r"(?P<cue>\b[Aa]ccording (?P<to>to))\s+(?P<who>[^,;:“”\"\n]{2,80}?)\s*,\s*$")
#: A speaker's name opening a line, then a colon and the quote: `Fonce-Olivas: "Right now …"`.
_SPEAKER_LABEL = re.compile(r"[^\S\n]*(?P<name>[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})(?P<colon>:)[^\S\n]*")
#: A transcript quoted whole, each turn opening with its speaker's label: "TOLLIS: Well, look, …".
_TURN_LABEL = re.compile(r"(?P<name>[A-Z][A-Z.'’-]+(?:[^\S\n][A-Z][A-Z.'’-]+){0,2})(?P<colon>:)[^\S\n]+(?=\S)")
#: Where the short clause after a quote ends: its full stop or its paragraph.
_TAIL_END = re.compile(r"[.;]\s|\n")
_CHANTING = frozenset({"chant", "shout", "yell", "scream", "sing"})
_CLOSING_MARKS = {'"', "”", "’", "'", "''", "»"}
_CAPITALISED_CUES = frozenset(
    "said says added explained asked noted stated replied continued recalled insisted".split()
)
_OPENING_MARKS = {'"', "“", "”", "‘", "'", "''", "‘‘", "``", "«", "„"}
#: Double quotation marks: a paragraph with one of them quotes someone itself.
#: Pronouns that carry a paraphrase on from one paragraph to the next.
_REPORTED_PRONOUNS = {"he", "she", "they", "we"}
_DOUBLE_MARKS = {'"', "“", "”", "«", "»", "„", "''"}
#: Words whose full stop is not a sentence end: titles, initials, "U.S.".
_ABBREVIATION = re.compile(
    r"(?:^|[\s(\"“])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Adm|Prof|Rev|Pres|St|Jr|Sr|"
    r"Mt|Ft|No|Nos|vs|Inc|Co|Corp|Ltd|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|[A-Z]|[A-Z]\.[A-Z]|"
    + "|".join(re.escape(title.rstrip(".")) for title in TITLE_ABBREVIATIONS)
    + r")\.$"
)


def find_quotes(doc: Doc, entities: EntityIndex) -> list[Quote]:
    """Direct, mixed and indirect quotes in ``doc``, in text order."""
    text = text_of(doc)
    spans = find_mark_spans(text)
    quoted = [(s.outer_start, s.outer_end) for s in spans]
    found = list(_direct_quotes(doc, spans, 0, len(text)))
    indirect = list(indirect_quotes(doc))
    for item in found:
        if item.kind == "mixed":
            _adopt_enclosing_report(item, indirect, text)
    # A report that holds a quote is told by that quote; one that holds only a title or a scare quote stands.
    marked = [(item.start - 1, item.end + 1) for item in found]
    found += [
        f for f in indirect if not _overlaps(f, marked) and not nested(f, indirect) and not _reaches_out(f, quoted)
    ]
    found.sort(key=lambda f: f.start)
    resolver = SpeakerResolver(doc, entities, quoted)
    quotes: list[Quote] = []
    for item in found:
        # ("According to X" is a known cue, though its "to" weighs nothing)
        guessed = _guessed(item) and item.cue_span is None
        speaker = resolver.resolve(item.speaker_span, item.start, item.parts, guessed=guessed)
        if item.cue is None and item.speaker_span is None and item.kind == "direct":
            # a report only the cue model found ("will now be required to …") is too weak to carry on
            carried = [q for q, f in zip(quotes, found, strict=False) if not _guessed(f)]
            continued = _continued_speaker(doc, carried, item) if carried else None
            if continued is not None:
                speaker = continued
                resolver.carry_on(speaker, item.start, item.parts)
            elif (introduced := _introduced_person(doc, item)) is not None:
                speaker = resolver.resolve(introduced, item.start, item.parts, named_person=True)
            elif carried and (resumed := _resumed_speaker(doc, carried, item)) is not None:
                speaker = resumed
                resolver.carry_on(speaker, item.start, item.parts)
        quotes.append(_record(doc, item, speaker))
    return quotes


def _guessed(item: Found) -> bool:
    """A report only the cue model found, by a word rarely a cue ("allowed her to …")."""
    return item.kind == "indirect" and item.cue is not None and cue_rate(item.cue) < MIN_CUE_RATE


def _reaches_out(item: Found, quoted: list[tuple[int, int]]) -> bool:
    """A cue inside a quote ("…they should just say it”) reports only words inside that quote."""
    if item.cue is None:
        return False
    around = next(((s, e) for s, e in quoted if s <= item.cue.idx < e), None)
    return around is not None and any(start < around[0] or end > around[1] for start, end in item.parts)


#: "Sheinbaum Says She Rejected Trump's Offer": a headline reporting speech, in headline case or not.
_HEADLINE_REPORT = re.compile(
    r"(?P<speaker>[A-Z][^:]{1,60}?)\s+(?P<cue>(?i:says|said|tells|told|warns|claims|denies|insists|vows|urges|"
    r"calls for|calls|admits|argues|believes|thinks|accuses|pledges|promises|announces|confirms|endorses|"
    r"slams|blasts|praises|hails|rejects|defends|predicts|demands|speaks|questions))\s+"
    r"(?P<content>\S.{5,})$"
)
#: "Voss: Harbour Levy Must Go", "Poll: …", "Voss on the levy: …": a speaker, a colon, what they said.
_HEADLINE_LABEL = re.compile(
    r"(?P<speaker>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:\s+on\s+[^:]{2,40})?(?P<cue>:)\s+(?P<content>\S.{5,})$"
)
#: Words that head a headline's label without naming a speaker ("Watch: …", "Update: …").
_NOT_SPEAKERS = frozenset("watch update breaking live video photos opinion editorial analysis exclusive review".split())
#: Label words that report findings: "Poll: Clinton and Trump in dead heat".
_REPORTING_LABELS = frozenset("poll polls survey study report analysis".split())
#: The most words a headline has; a longer first line is a lead sentence.
_HEADLINE_WORDS = 15


def headline_quote(title: str, entities: EntityIndex) -> Quote | None:
    """The statement a headline reports ("X Says Y"), with X resolved to a person of the article.

    Headline case defeats the parser ("Rejected" reads as a noun), so the shape is matched instead.
    """
    first, last = len(title) - len(title.lstrip()), len(title.rstrip())  # offsets stay the title's own
    match = _HEADLINE_REPORT.match(title, first, last) or _HEADLINE_LABEL.match(title, first, last)
    if match is None:
        return None
    start, end = match.span("speaker")
    # "Alan Dorsey, director of the agency, said …": the name, not its description
    speaker_text = match.group("speaker").split(",")[0].rstrip()
    end = start + len(speaker_text)
    person = next(
        (e for e in entities.entities if e.type in {"PERSON", "ORG", "GPE"} and _names_entity(speaker_text, e.name)),
        None,
    )
    known = person is not None and person.type in {"PERSON", "ORG"}
    if match.group("cue") == ":" and not known and speaker_text.lower() not in _REPORTING_LABELS:
        return None  # "Watch: …", "Harbourton: …": a label speaks only as a person or body the article knows
    if speaker_text.lower() in _NOT_SPEAKERS:
        return None
    if match.group("cue") == ":" and speaker_text.isupper() and len(title.split()) > _HEADLINE_WORDS:
        return None  # "KARACHI: Former selector Ali Reza has criticised …": a dateline opens a lead sentence
    content_start, content_end = match.span("content")
    return Quote(
        text=match.group("content"),
        start=content_start,
        end=content_end,
        parts=((content_start, content_end),),
        kind="indirect",
        speaker=Speaker(person.name if person else speaker_text, person.id if person else None, start, end),
        cue=Cue(match.group("cue"), *match.span("cue")),
        location="title",
    )


def _names_entity(mention: str, name: str) -> bool:
    """ "Sheinbaum", "Claudia Sheinbaum" or "President Claudia Sheinbaum" names "Claudia Sheinbaum"."""
    words = mention.split()
    full = " " in name and mention.endswith(f" {name}")  # a title before a full name, not "Harbour [Town]"
    return mention == name or full or (len(words) == 1 and name.split()[-1] == words[0])


def _introduced_person(doc: Doc, item: Found) -> tuple[int, int] | None:
    """The person a one-sentence lead paragraph is about, when a quote with no attribution opens the next
    paragraph: "Tessa Marlowe is sweeping glass from her porch.¶“I heard brakes, then glass …”" is hers."""
    text = text_of(doc)
    paragraph_start = text.rfind("\n", 0, item.start) + 1
    if text[paragraph_start : item.start].strip() not in {"", *_OPENING_MARKS}:
        return None  # the quote does not open its paragraph
    lead_end = len(text[:paragraph_start].rstrip())
    lead_start = text.rfind("\n", 0, lead_end) + 1
    lead = doc.char_span(lead_start, lead_end, alignment_mode="contract")
    if lead is None or any(t.text in _DOUBLE_MARKS for t in lead):
        return None
    sentences = list(lead.sents)
    if len(sentences) != 1:
        return None
    root = sentences[0].root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    # The tagger often misses a bare surname ("Marlowe agrees."); the caller keeps only a known person.
    if subject is None or not (subject.ent_type_ == "PERSON" or subject.text[:1].isupper()):
        return None
    return subject_span(root)


def _continued_speaker(doc: Doc, quotes: list[Quote], item: Found) -> Speaker | None:
    """A quote with no attribution goes on quoting whoever was last reported, in its own paragraph or
    the one just before: news style attributes a run of quoted paragraphs once, and follows a
    paraphrase with the words themselves ("Keane said they would stay the night.¶“We want …”")."""
    previous = _last_attributed(quotes, item)
    if previous is None:
        return None
    text = text_of(doc)
    paragraph_start = text.rfind("\n", 0, item.start) + 1
    lead = text[max(paragraph_start, previous.end) : item.start].strip()
    if previous.end > paragraph_start:
        # The same paragraph: the quote opens a sentence that follows the report.
        return previous.speaker if lead[-1:] in {"", ".", *_OPENING_MARKS} else None
    if lead not in {"", *_OPENING_MARKS}:
        return None  # the quote does not open its paragraph
    between = _paragraphs_between(text, previous.end, paragraph_start)
    # One paragraph between that goes on with the report keeps the speaker: "Keane said the crew would
    # stay.¶They had not been told to leave.¶“We want answers.”"
    goes_on = between and _goes_on_reporting(doc, text.find(between[0], previous.end), between[0], previous.speaker)
    if between and (len(between) > 1 or not goes_on):
        return None
    return previous.speaker


def _resumed_speaker(doc: Doc, quotes: list[Quote], item: Found) -> Speaker | None:
    """A quoted paragraph with no attribution resumes the person quoted directly before a one-paragraph aside
    that names no one else: "“…,” said captain Ana Ruiz.¶The visitors had their own setbacks.¶“We lost …”"
    is still Ruiz. Only a person resumes so; a body's statement is not carried past the writer's words."""
    previous = _last_attributed(quotes, item)
    if previous is None or previous.kind != "direct" or not (previous.speaker.entity or "").startswith("person/"):
        return None  # a paraphrase before the aside may be only the writer's summary
    text = text_of(doc)
    paragraph_start = text.rfind("\n", 0, item.start) + 1
    if previous.end > paragraph_start or text[paragraph_start : item.start].strip() not in {"", *_OPENING_MARKS}:
        return None
    between = _paragraphs_between(text, previous.end, paragraph_start)
    if len(between) != 1 or any(mark in between[0] for mark in _DOUBLE_MARKS):
        return None
    start = text.find(between[0], previous.end)
    aside = doc.char_span(start, start + len(between[0]), alignment_mode="expand")
    names = set((previous.speaker.name or "").split())
    if aside is None or any(t.ent_type_ == "PERSON" and t.text not in names for t in aside):
        return None
    return previous.speaker


def _last_attributed(quotes: list[Quote], item: Found) -> Quote | None:
    """The last quote before ``item``, if it has a speaker."""
    previous = next((q for q in reversed(quotes) if q.end <= item.start), None)
    return previous if previous is not None and previous.speaker.name is not None else None


def _paragraphs_between(text: str, end: int, paragraph_start: int) -> list[str]:
    """The non-blank paragraphs after the one holding ``end`` and before the one at ``paragraph_start``."""
    return [p for p in text[end:paragraph_start].split("\n")[1:] if p.strip()]


def _goes_on_reporting(doc: Doc, start: int, paragraph: str, speaker: Speaker) -> bool:
    """A paragraph of the writer's own that carries a report on, its sentences led by a pronoun ("They
    would all be back at work in the morning.") or by the speaker's name ("Keane was concerned the crew
    was tired."), with no quote marks and no one else named."""
    span = doc.char_span(start, start + len(paragraph), alignment_mode="expand")
    if span is None or any(mark in paragraph for mark in _DOUBLE_MARKS):
        return False
    names = set((speaker.name or "").split())
    if any(t.ent_type_ in {"PERSON", "ORG"} and t.text not in names for t in span):
        return False
    subjects = [next((c for c in s.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) for s in span.sents]
    return all(
        subject is not None and (subject.lower_ in _REPORTED_PRONOUNS or subject.text in names) for subject in subjects
    )


def _adopt_enclosing_report(item: Found, indirect: list[Found], text: str) -> None:
    """A mixed quote inside a reported clause of a strong cue ("said that Clinton once described the
    deal as “the gold standard”"), or of any cue when it has no clause of its own ("criticized the
    law as a “crazy system”"), is attributed by that cue, and the clause is what was reported."""
    # Without a clause of its own, any learned report that holds the quote will do; so for "what he called
    # “a reckless gamble”" inside a report: the one who called it so is the one reporting.
    unanchored = item.cue is None or _reported_clause(item.cue, item.start) is None or _what_they_call(item.cue)
    # "Amberg condemned what she called a “reckless gamble”": the condemning is the statement, not the calling.
    naming = _naming_verb(item.cue) if item.cue is not None and _what_they_call(item.cue) else None
    # A clause's span stops before closing punctuation that the quoted words keep.
    core_end = item.start + len(text[item.start : item.end].rstrip(" .,;:!?…"))
    enclosing = [
        f for f in indirect
        if f.cue is not None and (f.cue_span is None or unanchored) and f.start <= item.start and core_end <= f.end
        and (unanchored or cue_rate(f.cue) >= STRONG_CUE_RATE) and not (naming is not None and f.cue.i == item.cue.i)
    ]  # fmt: skip
    if enclosing:
        best = max(enclosing, key=lambda f: f.end - f.start)
        item.cue, item.speaker_span, item.clause = best.cue, best.speaker_span, best.parts[0]
        item.cue_span = best.cue_span
    elif naming is not None:
        item.cue, item.speaker_span = naming, subject_span(naming)


def _naming_verb(call: Token) -> Token | None:
    """The verb whose object is "what X called …", when it has a subject of its own."""
    outer = call.head
    if call.dep_ != "ccomp" or outer.pos_ not in {"VERB", "AUX"} or subject_span(outer) is None:
        return None
    return outer


def _what_they_call(cue: Token) -> bool:
    """ "what it calls", "what he called": a pronoun's naming inside someone's report."""
    return (
        cue.lemma_ == "call"
        and any(c.lower_ == "what" for c in cue.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PRON" for c in cue.children)
    )


def _overlaps(found: Found, ranges: list[tuple[int, int]]) -> bool:
    return any(s < found.end and found.start < e for s, e in ranges)


def _record(doc: Doc, item: Found, speaker: Speaker) -> Quote:
    text = text_of(doc)
    if item.cue_span is not None:
        cue: Cue | None = Cue(text[item.cue_span[0] : item.cue_span[1]], *item.cue_span)
    else:
        cue = _cue_record(item.cue) if item.cue is not None else None
    return Quote(
        text=" ".join(text[s:e] for s, e in item.parts),
        start=item.start,
        end=item.end,
        parts=tuple(item.parts),
        kind=item.kind,
        speaker=speaker,
        cue=cue,
        via=_via(text, item, speaker),
        to=_addressee(item.cue) if item.cue is not None and item.cue_span is None else None,
        clause=_covering(
            item.clause
            or (_reported_clause(item.cue, item.start) if item.kind == "mixed" and item.cue is not None else None),
            item,
            doc,
        ),
    )


def _covering(clause: tuple[int, int] | None, item: Found, doc: Doc) -> tuple[int, int] | None:
    """A reported clause always holds the quoted words, whatever the parse cut off, and stops at
    their end when only a when or where follows: called it a “disgrace” [Wednesday on the radio]."""
    if clause is None:
        return None
    start, end = min(clause[0], item.start), max(clause[1], item.end)
    close = item.end + 1  # past the closing mark
    tail = doc.char_span(close, end, alignment_mode="contract") if close < end else None
    first = next((t for t in tail or () if not t.is_punct), None)
    if first is not None and (
        first.ent_type_ in {"DATE", "TIME"} or first.dep_ == "npadvmod" or first.lower_ in _WHEN_WHERE
    ):
        end = item.end
    return start, end


def _addressee(verb: Token) -> str | None:
    """ "told reporters", "said to the BBC": whom the speaker addressed."""
    target = None
    if verb.lemma_.lower() in {"tell", "assure", "inform", "brief", "remind", "warn", "urge"}:
        target = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i), None)
    if target is None:
        to = next((c for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"), None)
        target = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if target is None:
        return None
    tokens = [t for t in target.subtree if t.dep_ not in {"relcl", "acl"}]
    return text_of(verb.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _same_clause(verb: Token, position: int, other: int) -> bool:
    clause = _reported_clause(verb, position)
    return clause is not None and clause == _reported_clause(verb, other)


def _reported_clause(verb: Token, position: int) -> tuple[int, int] | None:
    """The dependent of ``verb`` that holds ``position``: what a mixed quote's speaker reported.

    An object joins the predicate that follows it: "called [Burma a "good news story"]".
    """
    dependents = [c for c in verb.children if c.dep_ not in NOT_CONTENT and c.i > verb.i]
    for index, child in enumerate(dependents):
        tokens = list(child.subtree)
        if child.dep_ in {"dobj", "dative"}:
            if verb.lemma_.lower() in _ADDRESSING:
                continue  # "told the crowd he would …": the crowd is who heard it, not what was said
            tokens += [t for c in dependents[index + 1 :] if says_of(c) for t in c.subtree]
        tokens.sort(key=lambda t: t.i)
        if tokens[0].idx <= position < tokens[-1].idx + len(tokens[-1].text):
            return trimmed_span(tokens)
    return None


def _cue_record(verb: Token) -> Cue:
    """The cue verb with its auxiliaries and adverbs to the left ("has long said")."""
    misread = misread_name_before(verb)  # "May said": May spoke
    left = [
        c
        for c in verb.children
        if c.i < verb.i and c.dep_ in {"aux", "auxpass", "neg", "advmod"} and (misread is None or c.i > misread.i)
    ]
    first = min([verb, *left], key=lambda t: t.i)
    # Only take a contiguous run up to the verb.
    while first.i < verb.i and any(t.dep_ in {"nsubj", "nsubjpass", "punct"} for t in verb.doc[first.i : verb.i]):
        first = verb.doc[first.i + 1]
    start, end = first.idx, verb.idx + len(verb.text)
    return Cue(text_of(verb.doc)[start:end], start, end)


def _via(text: str, item: Found, speaker: Speaker) -> str | None:
    """The medium that relayed the statement: a media name in the attribution, other than the speaker."""
    if item.cue is None:
        return None
    sentence = item.cue.sent
    lo, hi = sentence.start_char, sentence.end_char
    for start, end, name in media_mentions(text, lo, hi):
        if any(s < end and start < e for s, e in item.parts):
            continue
        if speaker.start is not None and speaker.start <= start < (speaker.end or 0):
            continue
        return name
    return None


# --- direct and mixed quotes -------------------------------------------------------------------------


def _direct_quotes(doc: Doc, spans: list[MarkSpan], lo: int, hi: int) -> Iterator[Found]:
    """Quotes among ``spans`` (siblings inside ``[lo, hi)``), then their nested quotes."""
    text = text_of(doc)
    bounds = _sentence_bounds(text, spans, lo, hi)
    pending: list[Found] = []
    previous_cue: Token | None = None
    previous_end = lo
    for index, span in enumerate(spans):
        next_start = spans[index + 1].outer_start if index + 1 < len(spans) else hi
        before_lo = max(previous_end, max((b for b in bounds if b <= span.outer_start), default=lo))
        after_hi = min(next_start, min((b for b in bounds if b >= span.outer_end), default=hi))
        cue, where = _nearest_cue(doc, before_lo, span.outer_start, span.outer_end, after_hi, min(hi, next_start))
        previous_end = span.outer_end
        words = len(text[span.start : span.end].split())
        turn = _TURN_LABEL.match(text, span.start, span.end)
        if (
            pending
            and not turn
            and _reopens(text, pending[-1], span)
            # “… ,” added Rep. Cole: a paragraph with an attribution of its own, to someone else named, is a
            # new quote; “…,” said the junior minister goes on quoting whoever opened it.
            and not (
                where == "after"
                and pending[-1].cue is not None
                and cue is not None
                and cue.i != pending[-1].cue.i
                and _names_another(doc, cue, pending[-1])
            )
        ):
            pending[-1].parts.append((span.start, span.end))
            if pending[-1].cue is None and pending[-1].speaker_span is None and cue is not None:
                # “… first paragraph. / “… second,” the governor said: the attribution comes at the end.
                pending[-1].cue, pending[-1].speaker_span = cue, subject_span(cue)
        elif (
            cue is not None
            and previous_cue is not None
            and cue.i == previous_cue.i
            and pending
            and not _is_title(text[span.start : span.end], _has_verb(doc, span.start, span.end))
            and (
                (
                    where == "before"
                    and pending[-1].kind == "direct"
                    and _only_attribution(doc, pending[-1].end, span, cue)
                )
                or _same_clause(cue, span.start, pending[-1].start)
            )
        ):
            # "We can," she said, "but not yet." -- one quote in two parts; so are two fragments of one
            # reported clause: said she was "honoured" and "humbled".
            pending[-1].parts.append((span.start, span.end))
        elif cue is None and words < _MIN_UNATTRIBUTED_WORDS and not _utterance(text[span.start : span.end]):
            pass  # a scare quote
        elif (
            where != "after"
            and _is_title(text[span.start : span.end], _has_verb(doc, span.start, span.end))
            and (cue is None or _reported_clause(cue, span.start) is None)
        ):
            pass  # the name of a show, a book, a slogan: "Face the Nation"
        else:
            kind = _kind(text, before_lo, span, cue, where)
            speaker = subject_span(cue) if cue is not None else None
            if (
                cue is not None
                and speaker is not None
                and any(s.outer_start <= speaker[0] < s.outer_end for s in spans)
            ):
                # the parser took words of a quote: this one, or a title after the cue (said on “Morning Tide Show.”)
                speaker = _name_between(doc, span.outer_end, cue)
            previous = pending[-1] if pending else None
            if (
                cue is None
                and previous is not None
                # “…,” Ada Brandt, homeowner. “…”: a name signing the quote before goes on speaking too
                and (previous.cue is not None or _signed_between(previous, span.outer_start))
                and previous.kind == "direct"
                and _same_paragraph(text, previous.end, span.start)
                and not _someone_else_reports(doc, previous, span.outer_start)
            ):
                # “…,” she said. “And more.” -- the same speaker goes on: one quote in more parts.
                previous.parts.append((span.start, span.end))
            elif turn:
                # "ARKWRIGHT: Let us start …" / "TOLLIS: Well, look …": the label speaks the turn.
                pending.append(
                    Found([(turn.end(), span.end)], "direct", None, turn.span("name"), cue_span=turn.span("colon"))
                )
            elif according := _ACCORDING_LEAD.search(text, before_lo, span.outer_start):
                # According to the sheriff's office, “The pursuit ended …”
                pending.append(
                    Found(
                        [(span.start, span.end)],
                        "direct",
                        token_at(doc, according.start("to")),
                        according.span("who"),
                        cue_span=according.span("cue"),
                    )
                )
            elif cue is None and (
                label := _SPEAKER_LABEL.fullmatch(
                    text,
                    max(text.rfind("\n", 0, span.outer_start) + 1, spans[index - 1].outer_end if index else lo),
                    span.outer_start,
                )
            ):
                # An interview written as a transcript: KFOX: "Why can't …"  Fonce-Olivas: "Right now …";
                # or voices set side by side: Marrow: "…" Quill: "…"
                pending.append(
                    Found([(span.start, span.end)], "direct", None, label.span("name"), cue_span=label.span("colon"))
                )
            elif cue is None and (echoed := _words_of(doc, span.outer_end, hi)) is not None:
                # “We are very sorry.” Those were the sentiments expressed by captain Ilse Varga …
                pending.append(Found([(span.start, span.end)], "direct", None, echoed))
            elif cue is None and (headed := _headline_speaker(doc, span)) is not None:
                # Mara Tollis Slams Harbour Board: ‘You Should Be Ashamed.’ -- a headline's person speaks
                pending.append(Found([(span.start, span.end)], "direct", None, headed))
            elif cue is None and (signed := _DASH_SIGNATURE.match(text, span.outer_end, hi)) is not None:
                # “…” ― Edwin Monroy: a list of voices signs each quote with a dash.
                pending.append(
                    Found([(span.start, span.end)], "direct", None, signed.span("name"), cue_span=signed.span("dash"))
                )
            elif cue is None and (
                (signed := _NAME_SIGNATURE.match(text, span.outer_end, hi)) is not None
                or (signed := _NAME_ROLE_SIGNATURE.match(text, span.outer_end, hi)) is not None
            ):
                # “…” Ilse Varga. / “…,” Ada Brandt, homeowner. -- the same, with the dash left out
                pending.append(Found([(span.start, span.end)], "direct", None, signed.span("name")))
            elif (run_on := _run_on_clause(text, span, cue, where)) is not None:
                # “We are frustrated and horrified” by the shooting, he said: the quote is part of a paraphrase
                pending.append(Found([(span.start, span.end)], "mixed", cue, speaker, clause=run_on))
            else:
                pending.append(Found([(span.start, span.end)], kind, cue, speaker))
        previous_cue = cue
        # A quote left open runs on into the next paragraph when that one reopens it.
        if not span.closed:
            previous_end = span.end
        yield from _direct_quotes(doc, span.children, span.start, span.end)
    yield from pending


def _run_on_clause(text: str, span: MarkSpan, cue: Token | None, where: str) -> tuple[int, int] | None:
    """The writer's sentence that a quote runs on into, up to the attribution after it: “You squeezed
    employees” to drive up the stock price, she said."""
    if cue is None or where != "after" or not _continues(text, span):
        return None
    comma = text.rfind(",", span.outer_end, cue.idx)
    if comma == -1 or re.search(r"[.!?]\s|\n", text[span.outer_end : comma]):
        return None
    return span.start, comma


def _continues(text: str, span: MarkSpan) -> bool:
    """The writer's sentence goes on past the closing mark: “…” by the mass shooting, “…” as their religion."""
    ends_clause = text[span.end - 1 : span.end] in {",", ".", "!", "?"}
    return span.closed and not ends_clause and _RUN_ON.match(text, span.outer_end) is not None


#: Words that carry a sentence on past a closing mark: ” by the mass shooting, ” to drive up the price.
_RUN_ON = re.compile(
    r"[^\S\n]+(?:to|by|for|from|in|with|because|over|against|of|and|but|if|that|which|as)[^\S\n]+[a-z]"
)


def _someone_else_reports(doc: Doc, previous: Found, start: int) -> bool:
    """Another person named reports between ``previous`` and ``start``: “…,” Reagan said. … Sgt. Ivo Lind
    said the car rolled. … “…” is not Reagan's any more; "Her bank told her …" does not stop Ms Skinner."""
    text = text_of(doc)
    speaker = text[previous.speaker_span[0] : previous.speaker_span[1]] if previous.speaker_span else ""
    for verb in _reporting_verbs(doc, previous.end, start):
        subject = subject_of(verb)
        if subject is not None and subject.pos_ == "PROPN" and subject.text not in speaker:
            return True
    return False


def _words_of(doc: Doc, close_at: int, limit: int) -> tuple[int, int] | None:
    """The speaker named in a sentence right after a quote that says whose words they were."""
    match = _WORDS_OF.match(text_of(doc), close_at, limit)
    by = token_at(doc, match.start("by")) if match is not None else None
    speaker = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return noun_phrase_span(speaker) if speaker is not None else None


def _names_another(doc: Doc, cue: Token, earlier: Found) -> bool:
    """The subject of ``cue`` is a name, not a role ("the Junior Minister") and not one in the speaker
    mention of ``earlier``."""
    subject = subject_of(cue)
    if subject is None or subject.pos_ != "PROPN" or is_role_word(subject.text):
        return False
    mention = text_of(doc)[earlier.speaker_span[0] : earlier.speaker_span[1]] if earlier.speaker_span else ""
    return subject.text not in mention


def _signed_between(previous: Found, start: int) -> bool:
    return previous.speaker_span is not None and previous.end <= previous.speaker_span[0] < start


def _headline_speaker(doc: Doc, span: MarkSpan) -> tuple[int, int] | None:
    """The last person named in a one-line lead that ends in a colon before a quote closing its line."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, span.outer_start) + 1
    line_end = text.find("\n", span.outer_end)
    if not text[line_start : span.outer_start].rstrip().endswith(":"):
        return None
    if text[span.outer_end : len(text) if line_end < 0 else line_end].strip():
        return None
    lead = doc.char_span(line_start, span.outer_start, alignment_mode="contract")
    people = [ent for ent in lead.ents if ent.label_ == "PERSON"] if lead is not None else []
    return (people[-1].start_char, people[-1].end_char) if people else None


def _only_attribution(doc: Doc, previous_end: int, span: MarkSpan, cue: Token) -> bool:
    """Between two quotes stands only their attribution: “We can,” she said, “but not yet.” —
    not “You winning?” she said, but Kevin was drifting off as Trump went on about “…”."""
    between = doc.char_span(previous_end + 1, span.outer_start, alignment_mode="contract") or []
    return not any(t.pos_ == "VERB" and t.i != cue.i for t in between)


def _name_between(doc: Doc, close_at: int, cue: Token) -> tuple[int, int] | None:
    """The noun phrase between a quote's end and its cue: “…,” Rep. Ann Cole (D-Md.) said."""
    run: list[Token] = []
    for token in doc.char_span(close_at, cue.idx, alignment_mode="contract") or []:
        if token.pos_ in {"PROPN", "NOUN", "PRON", "ADJ", "DET"} or (run and token.text == "."):
            run.append(token)
        elif run:
            break
    return (run[0].idx, run[-1].idx + len(run[-1].text)) if run else None


_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"}


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in doc.char_span(start, end, alignment_mode="contract") or ())


def _is_title(inner: str, has_verb: bool = False) -> bool:
    """Every word capitalised and no sentence punctuation: a name or title, not speech."""
    words = inner.split()
    if len(words) >= 3 and inner.rstrip()[-1:] in ".," and not has_verb:
        inner = inner.rstrip()[:-1]  # on “Morning Tide Show.”: American style keeps the sentence's stop inside
    if not 1 <= len(words) <= 8 or inner.rstrip()[-1:] in ".,!?;:…":
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content) and words[0][0].isupper()


def _utterance(inner: str) -> bool:
    """A short quote that is a whole sentence ("Back to the floor!") is speech, not a scare quote."""
    inner = inner.strip()
    return bool(inner) and inner[0].isupper() and inner[-1] in "!?" or (inner[0:1].isupper() and inner.endswith("."))


def _reopens(text: str, earlier: Found, span: MarkSpan) -> bool:
    """A quote left open at a paragraph end and reopened at the start of the next paragraph."""
    last_end = earlier.parts[-1][1]
    gap = text[last_end : span.outer_start]
    closed_before = last_end < len(text) and text[last_end : last_end + 1] in "\"”»'’"
    # A straight mark left open is not reopened by a curly one: the page mixes a stray mark with real quotes.
    same_marks = (text[earlier.parts[-1][0] - 1] == '"') == (text[span.outer_start] == '"')
    return not closed_before and same_marks and "\n" in gap and not gap.strip()


def _same_paragraph(text: str, start: int, end: int) -> bool:
    return "\n" not in text[start:end]


def _sentence_bounds(text: str, spans: list[MarkSpan], lo: int, hi: int) -> list[int]:
    """Sentence ends in ``text[lo:hi]`` outside the quotes, plus paragraph breaks."""
    inside = [(s.outer_start, s.outer_end) for s in spans]
    # A paragraph break is a bound even after an abbreviation ("… to the U.S.¶“Bad things …”").
    ends = [*re.finditer(r"\n+", text[lo:hi])] + [
        m
        for m in re.finditer(r"[.!?][)\]]?\s+(?=[A-Z“\"‘'(])", text[lo:hi])
        if not _ABBREVIATION.search(text, max(0, lo + m.start() - 12), lo + m.start() + 1)  # "Mr. Obama said"
    ]
    bounds = [lo, hi] + [lo + m.end() for m in ends if not any(s <= lo + m.start() < e for s, e in inside)]
    # A quote that ends its own sentence ("Is it?" He paused.) closes the attribution window too.
    for span in spans:
        tail = text[span.outer_end : span.outer_end + 3]
        if span.closed and text[span.end - 1 : span.end] in ".!?" and re.match(r"\s+[A-Z“\"]", tail):
            bounds.append(span.outer_end)
    return sorted(set(bounds))


def _reporting_verbs(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    return [t for t in span if _reports(t) and not _so_called(t)]


def _reports(token: Token) -> bool:
    """A reporting verb, also as the gerund the tagger sometimes calls a noun ("some chanting, …"), or
    capitalised after a quote, which the tagger calls a name: “…” Explained Representative Ann Cole."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma.endswith("ing") and token.dep_ in {"advcl", "acl", "conj", "xcomp", "appos"}:
        lemma = lemma[:-3]
    elif token.pos_ == "PROPN" and token.i > 0 and token.doc[token.i - 1].text in _CLOSING_MARKS:
        return token.lower_ in _CAPITALISED_CUES
    elif token.pos_ not in {"VERB", "AUX"}:
        return False
    elif token.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "det" for c in token.children):
        return False  # “…,” the accused said: a participle the tagger took for a verb names the speaker
    if lemma == "quote":
        return any(c.dep_ == "nsubjpass" for c in token.children)  # “…,” Mukasa is quoted by the Sentinel
    return lemma in REPORTING_LEMMAS


#: Some papers open a quoted answer with a dialogue dash: – “Yes, I trust him.”
_DIALOGUE_DASHES = frozenset("–—―-")


def _colon_introducer(doc: Doc, lo: int, open_at: int) -> Token | None:
    """The verb of the clause that ends in a colon right before the quote, when it has a subject."""
    text = text_of(doc)
    lead = text[lo:open_at].rstrip()
    if lead.strip() in {"", *_DIALOGUE_DASHES} and "\n" in text[max(0, lo - 2) : open_at]:
        # "He continued:" closing the paragraph before the one the quote opens, maybe after a dash: – “Yes, …”
        lead = text[: lo if lead.strip() else open_at].rstrip()
        lo = text.rfind("\n", 0, len(lead)) + 1
        lead = lead[lo:]
    if not lead.endswith(":"):
        return None
    colon_at = lo + len(lead) - 1
    verbs = [
        t
        for t in doc.char_span(lo, colon_at, alignment_mode="contract") or []
        if t.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
    ]
    return verbs[-1] if verbs else None


def _so_called(token: Token) -> bool:
    """ "so-called" names something; nobody is speaking."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "so"


def _nearest_cue(
    doc: Doc, before_lo: int, open_at: int, close_at: int, after_hi: int, limit: int
) -> tuple[Token | None, str]:
    """The reporting verb nearest the quote: right after it first ("…," he said), else before it."""
    text = text_of(doc)
    # “… kidding.” To which she said, “Thank God …”: after a finished sentence, a cue that opens the next
    # quote is that quote's.
    finished = text[open_at:close_at].rstrip(" ”\"’'»").endswith(".")
    after = [t for t in _reporting_verbs(doc, close_at, after_hi) if not (finished and _introduces(text, t, limit))]
    before = _reporting_verbs(doc, before_lo, open_at)
    # heard Rosfeld say, "Why …?" but said he …: a cue right before the mark introduces the quote.
    if before and text_of(doc)[before[-1].idx + len(before[-1]) : open_at].strip() in {",", ":"}:
        return before[-1], "before"
    if after and len(text_of(doc)[close_at : after[0].idx].split()) <= 6:
        return after[0], "after"
    if before:
        return before[-1], "before"
    # “… lies.” Rumaihi said, -- a quote ending its own sentence is still attributed right after it.
    glued = [
        t
        for t in _reporting_verbs(doc, close_at, min(limit, close_at + 60))
        if not (finished and _introduces(text, t, limit))
    ]
    if (
        not after
        and glued
        and len(text_of(doc)[close_at : glued[0].idx].split()) <= 4
        and "\n" not in text_of(doc)[close_at : glued[0].idx]
    ):
        return glued[0], "after"
    tail = _tail_attribution(doc, open_at, close_at, limit)
    if tail is not None:
        return tail, "after"
    # "Presenter Callum Reyes pressed her: “…”": whatever verb introduces a quote with a colon.
    introducer = _colon_introducer(doc, before_lo, open_at)
    if introducer is not None:
        return introducer, "before"
    if after:
        return after[0], "after"
    # No reporting verb around it: a learned cue that governs the quote ("called the plan "a disaster"").
    token = token_at(doc, open_at + 1)
    child = token
    for ancestor in list(token.ancestors)[:4] if token is not None else []:
        if open_at <= ancestor.idx < close_at:
            child = ancestor
            continue  # a verb inside the quote is the quoted speaker's, not the attribution
        if ancestor.idx < before_lo or ancestor.idx >= after_hi:
            break
        # Only through what the cue says: "called it “a disaster”", not "debated on “Morning Tide”".
        if _is_learned_cue(ancestor) and (child.dep_ in _CONTENT_RELATIONS or says_of(child)):
            return ancestor, "governs"
        if ancestor.pos_ == "VERB" and child.dep_ == "dobj" and child.lemma_.lower() in _NAMING_NOUNS:
            return ancestor, "governs"  # "has used the phrase “harbour tax”": whoever uses the words
        child = ancestor
    return None, ""


def _introduces(text: str, cue: Token, limit: int) -> bool:
    """``cue`` is followed by a comma or colon and the opening mark of the next quote."""
    rest = text[cue.idx + len(cue.text) : limit + 2].lstrip()
    return rest[:1] in {",", ":"} and rest[1:].lstrip()[:1] in _OPENING_MARKS


def _tail_attribution(doc: Doc, open_at: int, close_at: int, limit: int) -> Token | None:
    """“…?” he posed. / “…,” the release read.: a quote that ends on a comma, question or exclamation
    mark, then a short clause of its own -- a subject and any verb -- is attributed by that verb."""
    text = text_of(doc)
    inner = text[open_at:close_at].rstrip(" ”\"’'»")
    if not inner.endswith((",", "?", "!")) and not text[close_at:limit].lstrip(" ”\"’'»").startswith(","):
        return None
    end = _TAIL_END.search(text, close_at, limit)
    clause = doc.char_span(close_at, end.start() if end else limit, alignment_mode="contract")
    words = [t for t in clause or [] if not t.is_punct and not t.is_space]
    if not words or len(words) > 8:
        return None
    # The tagger may call the verb a noun ("the release read"); having a subject makes it the verb.
    verb = next((t for t in words[:5] if any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)), None)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb else None
    if subject is None or subject.i > verb.i or subject.pos_ not in {"PRON", "PROPN", "NOUN"}:
        return None
    return verb if all(t.i in {u.i for u in subject.subtree} for t in words if t.i < verb.i) else None


def _is_learned_cue(token: Token) -> bool:
    entry = cue_lexicon().get(f"{token.lemma_.lower()}/{token.pos_}")
    return entry is not None and entry["rate"] >= MIN_CUE_RATE and token.pos_ in {"VERB", "AUX"}


def _kind(text: str, before_lo: int, span: MarkSpan, cue: Token | None, where: str) -> str:
    """``direct`` when only the attribution stands beside the quote, ``mixed`` when it is woven into a paraphrase."""
    if cue is not None and cue.lemma_.lower() in _CHANTING:
        return "direct"  # chanted “pigs go home”: a chant is a whole utterance, whatever its case
    lead = text[before_lo : span.outer_start].rstrip()
    if where == "governs":
        # the quoted words are a dependent of the cue: part of a paraphrase, unless they open the sentence
        # and the cue follows them (“…,” reads a release from the weather office)
        return "direct" if not _WORD.search(lead) and cue is not None and cue.idx > span.end else "mixed"
    if lead.endswith(":"):
        return "direct"  # A chant went up: "Peaceful protest!"
    if cue is None or where == "after":
        return "mixed" if _WORD.search(lead) else "direct"
    # The attribution is the cue, its speaker and whom it was told to: "told ABC News, “…”".
    ends = [cue.idx + len(cue.text)] + [
        t.idx + len(t.text)
        for c in cue.rights
        if c.dep_ in {"nsubj", "dobj", "dative", "npadvmod", "advmod"} or (c.dep_ == "prep" and c.lower_ == "to")
        for t in c.subtree
        if t.idx < span.outer_start
    ]
    between = text[max(ends) : span.outer_start].strip()
    if _runs_on(cue.doc, span) or _continues(text, span):
        return "mixed"  # reported “2,521 shooting incidents” in the city: the quote is part of a longer phrase
    if between.endswith(":") or between == ",":
        return "direct"
    if between == "" or between.lower() == "that" and _whole_sentences(text[span.start : span.end]):
        # said "every embankment we build …": a lower-case quote run into the sentence is a paraphrase;
        # adding that “Nobody was spared. They insulted everyone.” quotes whole sentences.
        return "mixed" if text[span.start : span.start + 1].islower() else "direct"
    return "mixed" if _WORD.search(between) else "direct"


def _runs_on(doc: Doc, span: MarkSpan) -> bool:
    """The words right after the closing mark belong to a word inside the quote."""
    after = doc.char_span(span.outer_end, min(len(text_of(doc)), span.outer_end + 40), alignment_mode="expand")
    first = next((t for t in after or () if not t.is_space), None)
    if first is None or first.is_punct or first.idx < span.outer_end:
        return False
    return span.start <= first.head.idx < span.end


def _whole_sentences(inner: str) -> bool:
    """Quoted words that are one or more whole sentences: a capital first and a full stop at the end."""
    return inner[:1].isupper() and inner.rstrip(" ”\"’'").endswith((".", "!", "?")) and len(inner.split()) >= 6


# --- indirect quotes -----------------------------------------------------------------------------------


_WHEN_WHERE = {"during", "after", "before", "while", "when", "on", "at"}


__all__ = ["find_quotes", "REPORTING_LEMMAS"]
