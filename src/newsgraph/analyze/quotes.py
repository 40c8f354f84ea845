"""Quotes: direct quotes (with nesting, split and run-on quotes), mixed quotes, and indirect
speech; each with its cue, speaker mention and resolved speaker.

Direct quotes come from quotation marks (``quotemarks.py``). The cue is the reporting verb nearest
the quote in its sentence, outside any quote; the speaker is that verb's subject, resolved to an
entity (``speakers.py``). Indirect speech comes from the cue lexicon and the learned cue model
(``cuemodel.py``), both trained on PolNeAR train by ``newsgraph train quotes``.
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
from newsgraph.analyze.entities import EntityIndex
from newsgraph.analyze.nlp import text_of
from newsgraph.analyze.quotemarks import MarkSpan, find_mark_spans
from newsgraph.analyze.sources import media_mentions
from newsgraph.analyze.speakers import SpeakerResolver, subject_of, subject_span
from newsgraph.records import Cue, Quote, Speaker

#: Lemmas of verbs that report speech or stated belief.
REPORTING_LEMMAS = frozenset(
    """say tell add warn argue insist deny claim explain note acknowledge believe announce state report
    write declare confirm reply respond ask urge stress emphasize emphasise suggest predict promise vow
    pledge admit concede allege assert contend maintain recall remark observe comment caution complain
    testify tweet post describe reiterate repeat continue conclude agree disagree point think estimate
    threaten accuse reveal disclose indicate signal hint propose demand tout lament concede answer
    counter retort quip joke muse mention chant shout yell scream cry plead whisper sing call""".split()
)
#: A learned cue must introduce content at least this often (PolNeAR train), and a relation must carry
#: at least this share of its cue uses. Tuned on PolNeAR dev.
MIN_CUE_RATE = 0.15
MIN_RELATION_SHARE = 0.1
STRONG_CUE_RATE = 0.5
MIN_RELATION_RATE = 0.2
#: A cue the model adds is dropped when more than this share of its content is already reported.
MAX_SHARED_CONTENT = 0.3
#: Cues whose object is the addressee: "told reporters", "assured voters".
_ADDRESSING = frozenset("tell assure inform remind brief reassure promise".split())
_CONTENT_RELATIONS = {"dobj", "dative", "ccomp", "xcomp", "oprd", "attr", "acomp", "appos", "conj"}
_NOT_CONTENT = {"punct", "nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "cc", "conj", "mark", "prt"}
_LEXICON = Path(__file__).parent / "data" / "cues.json"


@functools.cache
def cue_lexicon() -> dict[str, dict[str, Any]]:
    """The cue lexicon shipped with the package (``newsgraph train quotes`` rebuilds it)."""
    return json.loads(_LEXICON.read_text(encoding="utf-8"))["cues"]


_MIN_UNATTRIBUTED_WORDS = 4  # shorter quoted bits with no cue are scare quotes or titles
_WORD = re.compile(r"\w")
#: A quote signed with a dash and a name at the end of its paragraph: “…” ― Edwin G. Monroy
_DASH_SIGNATURE = re.compile(
    r"[^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*(?P<name>[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4})"
)
#: …or with the bare name closing the paragraph: “…” Ilse Varga.
_NAME_SIGNATURE = re.compile(r"[^\S\n]+(?P<name>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){1,3})\.?[^\S\n]*(?=\n|$)")
_ACCORDING = re.compile(r"\baccording\b", re.IGNORECASE)
#: "According to the sheriff's office, “…”": the lead of a quote that a source introduces.
_ACCORDING_LEAD = re.compile(r"(?P<cue>\b[Aa]ccording (?P<to>to))\s+(?P<who>[^,;:“”\"\n]{2,80}?)\s*,\s*$")
#: A speaker's name opening a line, then a colon and the quote: `Fonce-Olivas: "Right now …"`.
_SPEAKER_LABEL = re.compile(r"[^\S\n]*(?P<name>[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})(?P<colon>:)[^\S\n]*")
#: Where the short clause after a quote ends: its full stop or its paragraph.
_TAIL_END = re.compile(r"[.;]\s|\n")
_CHANTING = frozenset({"chant", "shout", "yell", "scream", "sing"})
_CLOSING_MARKS = {'"', "”", "’", "'", "''", "»"}
_CAPITALISED_CUES = frozenset(
    "said says added explained asked noted stated replied continued recalled insisted".split()
)
_OPENING_MARKS = {'"', "“", "”", "‘", "'", "''", "«", "„"}
#: Words whose full stop is not a sentence end: titles, initials, "U.S.".
_ABBREVIATION = re.compile(
    r"(?:^|[\s(\"“])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Prof|Rev|Hon|Pres|St|Jr|Sr|"
    r"Lt|Maj|Mt|Ft|No|Nos|vs|Inc|Co|Corp|Ltd|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|[A-Z]|[A-Z]\.[A-Z])\.$"
)


@dataclass
class _Found:
    """A quote before it becomes a record."""

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


def find_quotes(doc: Doc, entities: EntityIndex) -> list[Quote]:
    """Direct, mixed and indirect quotes in ``doc``, in text order."""
    text = text_of(doc)
    spans = find_mark_spans(text)
    quoted = [(s.outer_start, s.outer_end) for s in spans]
    found = list(_direct_quotes(doc, spans, 0, len(text)))
    indirect = list(_indirect_quotes(doc))
    for item in found:
        if item.kind == "mixed":
            _adopt_enclosing_report(item, indirect, text)
    # A report that holds a quote is told by that quote; one that holds only a title or a scare quote stands.
    marked = [(item.start - 1, item.end + 1) for item in found]
    found += [f for f in indirect if not _overlaps(f, marked)]
    found.sort(key=lambda f: f.start)
    resolver = SpeakerResolver(doc, entities, quoted)
    quotes: list[Quote] = []
    for item in found:
        speaker = resolver.resolve(item.speaker_span, item.start)
        if item.cue is None and item.speaker_span is None and item.kind == "direct" and quotes:
            speaker = _continued_speaker(text, quotes, item) or speaker
        quotes.append(_record(doc, item, speaker))
    return quotes


#: "Sheinbaum Says She Rejected Trump's Offer": a headline reporting speech, in headline case.
_HEADLINE_REPORT = re.compile(
    r"^(?P<speaker>[A-Z][^:]{1,60}?)\s+(?P<cue>Says|Said|Tells|Told|Warns|Claims|Denies|Insists|Vows|Urges|"
    r"Calls for|Admits|Argues|Believes|Thinks|Accuses|Pledges|Promises|Announces|Confirms)\s+(?P<content>\S.{5,})$"
)


def headline_quote(title: str, entities: EntityIndex) -> Quote | None:
    """The statement a headline reports ("X Says Y"), with X resolved to a person of the article.

    Headline case defeats the parser ("Rejected" reads as a noun), so the shape is matched instead.
    """
    match = _HEADLINE_REPORT.match(title.strip())
    if match is None:
        return None
    speaker_text = match.group("speaker")
    start, end = match.span("speaker")
    person = next(
        (e for e in entities.entities if e.type in {"PERSON", "ORG", "GPE"} and _names_entity(speaker_text, e.name)),
        None,
    )
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
    """ "Sheinbaum" or "Claudia Sheinbaum" names "Claudia Sheinbaum"."""
    words = mention.split()
    return mention == name or (len(words) == 1 and name.split()[-1] == words[0])


def _continued_speaker(text: str, quotes: list[Quote], item: _Found) -> Speaker | None:
    """A quote with no attribution goes on quoting whoever was last reported, in its own paragraph or
    the one just before: news style attributes a run of quoted paragraphs once, and follows a
    paraphrase with the words themselves ("Keane said they would stay the night.¶“We want …”")."""
    previous = next((q for q in reversed(quotes) if q.end <= item.start), None)
    if previous is None or previous.speaker.name is None:
        return None
    paragraph_start = text.rfind("\n", 0, item.start) + 1
    lead = text[max(paragraph_start, previous.end) : item.start].strip()
    if previous.end > paragraph_start:
        # The same paragraph: the quote opens a sentence that follows the report.
        return previous.speaker if lead[-1:] in {"", ".", *_OPENING_MARKS} else None
    if lead not in {"", *_OPENING_MARKS}:
        return None  # the quote does not open its paragraph
    if text[previous.end : paragraph_start].strip("\n").count("\n") > 0:
        return None  # not the paragraph right after
    return previous.speaker


def _adopt_enclosing_report(item: _Found, indirect: list[_Found], text: str) -> None:
    """A mixed quote inside a reported clause of a strong cue ("said that Clinton once described the
    deal as “the gold standard”"), or of any cue when it has no clause of its own ("criticized the
    law as a “crazy system”"), is attributed by that cue, and the clause is what was reported."""
    # Without a clause of its own, any learned report that holds the quote will do.
    unanchored = item.cue is None or _reported_clause(item.cue, item.start) is None
    # A clause's span stops before closing punctuation that the quoted words keep.
    core_end = item.start + len(text[item.start : item.end].rstrip(" .,;:!?…"))
    enclosing = [
        f for f in indirect
        if f.cue is not None and f.cue_span is None and f.start <= item.start and core_end <= f.end
        and (unanchored or _cue_rate(f.cue) >= STRONG_CUE_RATE)
    ]  # fmt: skip
    if enclosing:
        best = max(enclosing, key=lambda f: f.end - f.start)
        item.cue, item.speaker_span, item.clause = best.cue, best.speaker_span, best.parts[0]


def _cue_rate(token: Token) -> float:
    entry = cue_lexicon().get(f"{token.lemma_.lower()}/{token.pos_}")
    return entry["rate"] if entry else 0.0


def _overlaps(found: _Found, ranges: list[tuple[int, int]]) -> bool:
    return any(s < found.end and found.start < e for s, e in ranges)


def _record(doc: Doc, item: _Found, speaker: Speaker) -> Quote:
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


def _covering(clause: tuple[int, int] | None, item: _Found, doc: Doc) -> tuple[int, int] | None:
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
    dependents = [c for c in verb.children if c.dep_ not in _NOT_CONTENT and c.i > verb.i]
    for index, child in enumerate(dependents):
        tokens = list(child.subtree)
        if child.dep_ in {"dobj", "dative"}:
            if verb.lemma_.lower() in _ADDRESSING:
                continue  # "told the crowd he would …": the crowd is who heard it, not what was said
            tokens += [t for c in dependents[index + 1 :] if _says_of(c) for t in c.subtree]
        tokens.sort(key=lambda t: t.i)
        if tokens[0].idx <= position < tokens[-1].idx + len(tokens[-1].text):
            return _trimmed_span(tokens)
    return None


def _cue_record(verb: Token) -> Cue:
    """The cue verb with its auxiliaries and adverbs to the left ("has long said")."""
    left = [c for c in verb.children if c.i < verb.i and c.dep_ in {"aux", "auxpass", "neg", "advmod"}]
    first = min([verb, *left], key=lambda t: t.i)
    # Only take a contiguous run up to the verb.
    while first.i < verb.i and any(t.dep_ in {"nsubj", "nsubjpass", "punct"} for t in verb.doc[first.i : verb.i]):
        first = verb.doc[first.i + 1]
    start, end = first.idx, verb.idx + len(verb.text)
    return Cue(text_of(verb.doc)[start:end], start, end)


def _via(text: str, item: _Found, speaker: Speaker) -> str | None:
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


def _direct_quotes(doc: Doc, spans: list[MarkSpan], lo: int, hi: int) -> Iterator[_Found]:
    """Quotes among ``spans`` (siblings inside ``[lo, hi)``), then their nested quotes."""
    text = text_of(doc)
    bounds = _sentence_bounds(text, spans, lo, hi)
    pending: list[_Found] = []
    previous_cue: Token | None = None
    previous_end = lo
    for index, span in enumerate(spans):
        next_start = spans[index + 1].outer_start if index + 1 < len(spans) else hi
        before_lo = max(previous_end, max((b for b in bounds if b <= span.outer_start), default=lo))
        after_hi = min(next_start, min((b for b in bounds if b >= span.outer_end), default=hi))
        cue, where = _nearest_cue(doc, before_lo, span.outer_start, span.outer_end, after_hi, min(hi, next_start))
        previous_end = span.outer_end
        words = len(text[span.start : span.end].split())
        if (
            pending
            and _reopens(text, pending[-1], span)
            # “… ,” added Rep. Cole: a paragraph with an attribution of its own is a new quote
            and not (
                where == "after" and pending[-1].cue is not None and cue is not None and cue.i != pending[-1].cue.i
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
            and _is_title(text[span.start : span.end])
            and (cue is None or _reported_clause(cue, span.start) is None)
        ):
            pass  # the name of a show, a book, a slogan: "Face the Nation"
        else:
            kind = _kind(text, before_lo, span, cue, where)
            speaker = subject_span(cue) if cue is not None else None
            if cue is not None and speaker is not None and span.outer_start <= speaker[0] < span.outer_end:
                speaker = _name_between(doc, span.outer_end, cue)  # the parser took words of the quote
            previous = pending[-1] if pending else None
            if (
                cue is None
                and previous is not None
                and previous.cue is not None
                and previous.kind == "direct"
                and _same_paragraph(text, previous.end, span.start)
            ):
                # “…,” she said. “And more.” -- the same speaker goes on: one quote in more parts.
                previous.parts.append((span.start, span.end))
            elif according := _ACCORDING_LEAD.search(text, before_lo, span.outer_start):
                # According to the sheriff's office, “The pursuit ended …”
                pending.append(
                    _Found(
                        [(span.start, span.end)],
                        "direct",
                        _token_at(doc, according.start("to")),
                        according.span("who"),
                        cue_span=according.span("cue"),
                    )
                )
            elif cue is None and (
                label := _SPEAKER_LABEL.fullmatch(text, text.rfind("\n", 0, span.outer_start) + 1, span.outer_start)
            ):
                # An interview written as a transcript: KFOX: "Why can't …"  Fonce-Olivas: "Right now …"
                pending.append(
                    _Found([(span.start, span.end)], "direct", None, label.span("name"), cue_span=label.span("colon"))
                )
            elif cue is None and (signed := _DASH_SIGNATURE.match(text, span.outer_end, hi)) is not None:
                # “…” ― Edwin Monroy: a list of voices signs each quote with a dash.
                pending.append(
                    _Found([(span.start, span.end)], "direct", None, signed.span("name"), cue_span=signed.span("dash"))
                )
            elif cue is None and (signed := _NAME_SIGNATURE.match(text, span.outer_end, hi)) is not None:
                # “…” Ilse Varga. -- the same, with the dash left out
                pending.append(_Found([(span.start, span.end)], "direct", None, signed.span("name")))
            else:
                pending.append(_Found([(span.start, span.end)], kind, cue, speaker))
        previous_cue = cue
        # A quote left open runs on into the next paragraph when that one reopens it.
        if not span.closed:
            previous_end = span.end
        yield from _direct_quotes(doc, span.children, span.start, span.end)
    yield from pending


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


def _is_title(inner: str) -> bool:
    """Every word capitalised and no sentence punctuation: a name or title, not speech."""
    words = inner.split()
    if not 1 <= len(words) <= 8 or inner.rstrip()[-1:] in ".,!?;:…":
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content) and words[0][0].isupper()


def _utterance(inner: str) -> bool:
    """A short quote that is a whole sentence ("Back to the floor!") is speech, not a scare quote."""
    inner = inner.strip()
    return bool(inner) and inner[0].isupper() and inner[-1] in "!?" or (inner[0:1].isupper() and inner.endswith("."))


def _reopens(text: str, earlier: _Found, span: MarkSpan) -> bool:
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
    bounds = [lo, hi]
    for match in re.finditer(r"\n+|[.!?][)\]]?\s+(?=[A-Z“\"‘'(])", text[lo:hi]):
        position = lo + match.end()
        if _ABBREVIATION.search(text, max(0, lo + match.start() - 12), lo + match.start() + 1):
            continue  # "Mr. Obama said" does not end a sentence
        if not any(s <= lo + match.start() < e for s, e in inside):
            bounds.append(position)
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
    return lemma in REPORTING_LEMMAS


def _colon_introducer(doc: Doc, lo: int, open_at: int) -> Token | None:
    """The verb of the clause that ends in a colon right before the quote, when it has a subject."""
    text = text_of(doc)
    lead = text[lo:open_at].rstrip()
    if not lead.strip() and "\n" in text[max(0, lo - 2) : open_at]:
        # "He continued:" closing the paragraph before the one the quote opens.
        lead = text[:open_at].rstrip()
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
    token = _token_at(doc, open_at + 1)
    child = token
    for ancestor in list(token.ancestors)[:4] if token is not None else []:
        if open_at <= ancestor.idx < close_at:
            child = ancestor
            continue  # a verb inside the quote is the quoted speaker's, not the attribution
        if ancestor.idx < before_lo or ancestor.idx >= after_hi:
            break
        # Only through what the cue says: "called it “a disaster”", not "debated on “Morning Tide”".
        if _is_learned_cue(ancestor) and (child.dep_ in _CONTENT_RELATIONS or _says_of(child)):
            return ancestor, "governs"
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


def _token_at(doc: Doc, position: int) -> Token | None:
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_learned_cue(token: Token) -> bool:
    entry = cue_lexicon().get(f"{token.lemma_.lower()}/{token.pos_}")
    return entry is not None and entry["rate"] >= MIN_CUE_RATE and token.pos_ in {"VERB", "AUX"}


def _kind(text: str, before_lo: int, span: MarkSpan, cue: Token | None, where: str) -> str:
    """``direct`` when only the attribution stands beside the quote, ``mixed`` when it is woven into a paraphrase."""
    if cue is not None and cue.lemma_.lower() in _CHANTING:
        return "direct"  # chanted “pigs go home”: a chant is a whole utterance, whatever its case
    if where == "governs":
        return "mixed"  # the quoted words are a dependent of the cue: part of a paraphrase
    lead = text[before_lo : span.outer_start].rstrip()
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
    if _runs_on(cue.doc, span):
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


def _indirect_quotes(doc: Doc) -> Iterator[_Found]:
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
    found: list[_Found] = []
    for cue in doc:
        entry = lexicon.get(f"{cue.lemma_.lower()}/{cue.pos_}")
        if entry is None or entry["rate"] < MIN_CUE_RATE or cue.pos_ not in {"VERB", "AUX"} or cue.lemma_ == "quote":
            continue  # "X quoted Y as saying": the quote is what was said, not Y
        if entry["rate"] < STRONG_CUE_RATE and probability.get(cue.i, 1.0) < model.keep_below:
            continue  # a weak cue word the model rules out here
        parts = _learned_content(cue, entry, model if model.trained else None)
        if not parts or subject_of(cue) is None:
            continue
        taken.add(cue.i)
        found.append(_Found(parts, "indirect", cue, subject_span(cue)))
    found += _according_to(doc)
    starts = [t.idx for t in doc]
    covered = {i for item in found for start, end in item.parts for i in _token_range(starts, start, end)}
    for index, chance in sorted(probability.items()):
        cue = doc[index]
        if chance < model.threshold or index in taken or cue.lower_ == "according" or cue.lemma_ == "quote":
            continue
        anchor = model.best_anchor(cue, lexicon)
        parts = _runs(_content_along(cue, *anchor), cue) if anchor is not None else []
        inside = {i for start, end in parts for i in _token_range(starts, start, end)}
        if not inside or len(inside & covered) > MAX_SHARED_CONTENT * len(inside):
            continue
        covered |= inside
        found.append(_Found(parts, "indirect", cue, subject_span(cue)))
    yield from found


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
        if child.dep_ in _NOT_CONTENT or not _accepted(entry, child.dep_, share):
            continue
        if best is None or share > best[0]:
            best = (share, child, child.dep_)
    up = relations.get(f"^{cue.dep_}", 0) / entry["cue"]
    # "X, officials said": the content is the clause the cue hangs off, around it.
    reversed_report = entry["rate"] >= STRONG_CUE_RATE and cue.head.i < cue.i
    if (
        best is None
        and cue.dep_ in {"parataxis", "ccomp"}
        and (reversed_report or _accepted(entry, f"^{cue.dep_}", up))
    ):
        best = (up, cue.head, f"^{cue.dep_}")
    if best is None:
        return _extracted_clause(cue)
    anchor = model.best_anchor(cue, cue_lexicon()) if model is not None else None
    if anchor is not None and (parts := _runs(_content_along(cue, *anchor), cue)):
        return parts
    return _runs(_content_along(cue, best[1], best[2]), cue)


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
        inner = {t.i for t in cue.subtree}
        return [t for t in anchor.subtree if t.i not in inner]
    # "called for X": the preposition is part of the cue, not of what was called for.
    tokens = [t for t in anchor.subtree if not (relation == "prep" and t.i == anchor.i)]
    if relation in {"dobj", "dative"}:
        # "urged lawmakers to act", "called the plan a disaster": the object and what is said of it
        said_of = [c for c in cue.children if c.i > anchor.i and (_says_of(c) or _object_prep(c))]
        tokens += [t for c in said_of for t in c.subtree]
        complements = [c.right_edge.i for c in said_of if _says_of(c)]
        if complements and cue.i < anchor.left_edge.i:
            # "called her vote [in favor of the war] a mistake": what stands between belongs to the object
            tokens = list(cue.doc[anchor.left_edge.i : max(complements) + 1])
    elif relation in {"ccomp", "xcomp"}:
        # "said they had misgivings, but could not bear to …", "wants to cut taxes and raise wages":
        # the content goes on past a conjunction the parser hung on the cue.
        tokens += [t for c in cue.children if c.dep_ in {"conj", "cc"} and c.i > anchor.i and not _reports_again(c)
                   for t in c.subtree]  # fmt: skip
    return _without_asides(anchor, sorted(tokens, key=lambda t: t.i))


_DASHES = {"—", "–", "--", "-", "―"}
_WHEN_WHERE = {"during", "after", "before", "while", "when", "on", "at"}
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
        if _reports_again(token):
            # "said it was opposed and warned Y": a conjoined cue with no subject of its own reports anew.
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
            and (token.dep_ == "appos" or token.dep_ == "relcl" and token.left_edge.lower_ in _NON_RESTRICTIVE)
        ):
            # "backed the plan, which critics call …", "endorsed Smith, the latest chapter in …"
            dropped.update(t.i for t in token.subtree)
    kept = [t for t in tokens if t.i not in dropped]
    # "their support -- who cited …": one dash (not a pair) starts an aside the content does not hold.
    dashes = [t for t in kept if t.text in _DASHES and t.is_punct and t.whitespace_]
    if len(dashes) == 1 and kept.index(dashes[0]) >= 3:
        kept = [t for t in kept if t.i < dashes[0].i]
    return kept


def _reports_again(token: Token) -> bool:
    """A conjoined verb that is itself a cue starts a report of its own ("said X and added Y")."""
    return token.pos_ in {"VERB", "AUX"} and _cue_rate(token) >= STRONG_CUE_RATE


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
    spans = [_trimmed_span(run, min_tokens=1) for run in runs]
    return [span for span in spans if span is not None]


def _object_prep(child: Token) -> bool:
    """A preposition that completes what a cue says of its object: "accused X *of* Y", "linked X *to* Y"."""
    return child.dep_ == "prep" and child.lower_ in {"of", "from", "to", "with", "about", "into", "against", "over"}


def _says_of(child: Token) -> bool:
    """What a cue says of its object: "to act", "a disaster", "as a disgrace", "for failing"."""
    return child.dep_ in {"xcomp", "oprd", "ccomp"} or (child.dep_ == "prep" and child.lower_ in {"as", "for"})


def _accepted(entry: dict[str, Any], relation: str, share: float) -> bool:
    """A strong cue word takes content along any relation it often has as a cue; a weaker one only
    along relations that, in training, carried content often enough among all their uses."""
    if entry["rate"] >= STRONG_CUE_RATE and share >= MIN_RELATION_SHARE:
        return True
    total = entry.get("relation_totals", {}).get(relation, 0)
    return total > 0 and entry["relations"].get(relation, 0) / total >= MIN_RELATION_RATE


def _trimmed_span(tokens: list[Token], min_tokens: int = 3) -> tuple[int, int] | None:
    """Character span of the tokens without edge punctuation or a leading "that"; None when too short."""
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].lower_ == "that" and tokens[0].dep_ == "mark"):
        tokens.pop(0)
    if len(tokens) < min_tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _according_to(doc: Doc) -> Iterator[_Found]:
    """ "According to Reuters, X" and "X, according to the report": the rest of the sentence is reported."""
    for match in _ACCORDING.finditer(text_of(doc)):
        token = _token_at(doc, match.start())
        if token is None or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        # "according to show insiders": the tagger may read the source as a verb phrase
        source = next((c for c in to.children if c.dep_ in {"pobj", "pcomp"}), None)
        if source is None:
            continue
        sentence = token.sent
        if any(t.pos_ == "VERB" and _cue_rate(t) >= STRONG_CUE_RATE for t in sentence if t.i > to.i):
            continue  # "according to Reuters, analysts said …": the verb's own clause is the quote
        phrase_end = max(t.i for t in source.subtree) + 1
        before = [t for t in sentence if t.i < token.i]
        after = [t for t in sentence if t.i >= phrase_end]
        comma = next((t.i for t in sentence if t.i > source.i and t.text == ","), None)
        if comma is not None and not _trimmed_span(list(before)) and not _trimmed_span(list(after)):
            # "According to Rush Ames, the move reeks of …": the parser took the report into the source
            phrase_end, after = comma, [t for t in sentence if t.i > comma]
        body = after if len(after) >= len(before) else before
        span = _trimmed_span(body)
        if span is None:
            continue
        last = doc[min(source.right_edge.i, phrase_end - 1)]
        subject = (source.left_edge.idx, last.idx + len(last.text))
        yield _Found([span], "indirect", to, subject, cue_span=(token.idx, to.idx + len(to.text)))


__all__ = ["find_quotes", "REPORTING_LEMMAS"]
