"""Named entities with all their mentions: surnames merge into full names, titles attach to people."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pycountry
from spacy.tokens import Doc, Span, Token

from newsgraph.analyze.nlp import TITLE_ABBREVIATIONS, dictionary_words, text_of
from newsgraph.analyze.titles import (
    BODY_NOUNS,
    KIN_NOUNS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    is_role_noun,
    is_role_word,
    title_after,
    title_before,
)
from newsgraph.records import Entity

#: spaCy labels we keep, and the type we store.
TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_DET = re.compile(r"^(?:the|The)\s+")
_HONORIFIC_WORDS = frozenset(
    "Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Prof Rev Revd Fr Hon Honourable Honorable HE Alhaji Alhaja Datuk Dato "
    "Datin".split()
)
#: One honorific, or Malaysian titles of two words ("Datuk Seri", "Tan Sri").
_HONORIFIC = re.compile(
    rf"^(?:(?:Datuk|Dato'?|Datin|Tan|Puan) S(?:e)?ri|H\.? ?E|{'|'.join(sorted(_HONORIFIC_WORDS))})\.?\s+"
)  # "H E" and "H.E." are His Excellency
#: Verbs that follow a name in a headline, where capitals make them look like part of it ("Tollis Slams …").
HEADLINE_VERBS = frozenset(
    """says tells warns claims denies insists vows urges calls admits argues slams hammers blasts rips backs
    seeks defends rejects praises blames accuses pledges promises announces confirms unveils asks demands
    responds reveals explains""".split()
)
_TITLE_MODIFIERS = {
    "deputy",
    "acting",
    "interim",
    "former",
    "assistant",
    "associate",
    "senior",
    "vice",
    "chief",
    "pro",
    "tempore",
}
_GENERATION = re.compile(r"^(?:Jr|Sr|II|III|IV|V)\.?,?$")
_PARTICLE = re.compile(r"^(?:al|el|ul|ad|as|ash|ar|bin|ibn|abu)-", re.IGNORECASE)
#: Capital and small letters, with those of Latin-1 and Latin Extended-A: "Ó Briain", "Łukasz".
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž"
_NAME_TOKEN = re.compile(rf"^[{_UPPER}][\w'’.-]*$")


@dataclass
class _Cluster:
    name: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    caption_mentions: list[tuple[int, int, int]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EntityIndex:
    """Entities of one article and a lookup from character span to entity."""

    entities: tuple[Entity, ...]
    #: (start, end, entity id), sorted by start.
    spans: tuple[tuple[int, int, str], ...]

    def by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)``, the longest overlap first."""
        best, best_overlap = None, 0
        for s, e, entity_id in self.spans:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = entity_id, overlap
        return self.by_id(best) if best else None

    def mentions_before(self, position: int, types: Iterable[str] = ("PERSON",)) -> list[tuple[int, int, Entity]]:
        wanted = set(types)
        found = []
        for s, e, entity_id in self.spans:
            if e <= position:
                entity = self.by_id(entity_id)
                if entity and entity.type in wanted:
                    found.append((s, e, entity))
        return found


def entity_id(type_: str, name: str) -> str:
    slug = re.sub(r"[^\w]+", "-", name.casefold()).strip("-")
    return f"{type_.lower()}/{slug}"


#: Words of a ministry's portfolio, written between a title and a name.
_PORTFOLIO_WORDS = frozenset(
    """Information Affairs Foreign Home Interior Internal Defence Defense Finance Justice Health Education State
    Trade Commerce Energy Labour Labor Agriculture Transport Culture Economy Economic Planning Tourism Environment
    Security Public Works Water Youth Sports Housing Industry Communications Media Religious Social and the
    House Senate Assembly Parliament Commons Lords Council Representatives Lands Land Reform Management Mines
    Mining Fisheries Forestry Technology Welfare Women Children Power Roads Local Government Rural Urban Aviation
    Petroleum Investment Science Research Higher Relations Cooperation Employment Infrastructure Irrigation
    Livestock Sanitation Food Heritage Arts Development Resources Industries Sport Manpower Immigration Migration
    Citizenship Electricity Oil Gas Telecommunications Transportation Veterans Supply Supplies Consumer Protection
    Solidarity Equality Integration Diaspora Antiquities Endowments Wellness &""".split()
)


#: Honours and ranks of counsel written after a name.
POST_NOMINALS = frozenset("QC KC SC SAN OBE MBE CBE KBE DBE Advocate Esq".split())


def _joined(ents: tuple[Span, ...]) -> list[Span]:
    """The tagger's spans, with a name it cut apart joined again where the parser reads the first part as
    part of the second: two one-word names ("[Obinna]*GPE* [Chukwu]*GPE*") or two people ("[Mirza
    Fakhrul]*PERSON* [Islam Alamgir]*PERSON*")."""
    joined: list[Span] = []
    for ent in ents:
        last = joined[-1] if joined else None
        if (
            last is not None
            and (len(last) == len(ent) == 1 or last.label_ == ent.label_ == "PERSON")
            and last.end == ent.start
            and ent.start <= last.root.head.i < ent.end
            and last.root.dep_ == "compound"
            # "[Mohammed bin Abdulrahman]*PERSON* [bin Jassim Al-Thani]*PERSON*"
            and all(
                t.pos_ == "PROPN" and t.is_title or t.text in NAME_PARTICLES or t.text == "-" for t in (*last, *ent)
            )
            and not all(is_title_token(t) for t in last)  # "[Ceann Comhairle]*PERSON* [Verona Walsh]"
        ):
            joined[-1] = Span(ent.doc, last.start, ent.end, label=ent.label_)
        else:
            joined.append(ent)
    return joined


def _clean_name(span: Span) -> tuple[str, int, int]:
    """Entity text without a possessive tail, a leading "the" or an honorific, with adjusted offsets.

    spaCy often leaves a first name out of a PERSON span ("Ruben [Kask]"): capitalised proper
    nouns just before it on the same line join the name.
    """
    if span.label_ == "PERSON" or _misread_surname(span):
        first = span.start
        while first > 0 and _joins_name(span.doc[first - 1]):
            first -= 1
            # "Adam  Chapdelaine": a scrape's double space is a token of its own.
            if first > 1 and span.doc[first - 1].is_space and "\n" not in span.doc[first - 1].text:
                first -= 1
        joined = span.doc[max(0, first - 4) : first].text if first >= 4 else ""
        if _JOINED_NAME.match(f"{joined}{span.doc[first].text}") and not span.doc[first - 4].whitespace_:
            first -= 4  # "Shams-ul-[Hasan]": a name joined by a particle
        # An owner before the name is no part of it: "[Samsung’s Lee]"
        owned = [t.i for t in span.doc[first : span.end - 1] if t.tag_ == "POS"]
        if owned:
            first = owned[-1] + 1
        # A title inside the span is not part of the name: "[Deputy Sheriff Tomas Reinholt]", nor is
        # a capitalised cue: “…,” [Said Gordon].
        while first < span.end - 1 and (
            is_title_token(span.doc[first])
            or span.doc[first].pos_ == "VERB"
            or _opening_participle(span.doc[first])
            or _body_acronym(span, first)
            # "[Resident] Carol Smolinski", as TV sites write it
            or span.doc[first].lower_ in PERSON_NOUNS
            and span.doc[first + 1].pos_ == "PROPN"
        ):
            first += 1
        # ... nor the end of a body's name it cut at a hyphen: "CPN-[Unified Socialist Ramesh Thapa]" where the
        # article also names the "Unified Socialist Central Committee"
        if first > 1 and span.doc[first - 1].text == "-" and not span.doc[first - 2].whitespace_:
            bodies = _words_of_entities(span.doc, {"ORG"})
            while span.end - first > 2 and span.doc[first].text in bodies:
                first += 1
        # ... nor a team's or a body's name the article also sets before a role: "Kestrel [Hawks] Paul Okot"
        # with "Hawks skipper" elsewhere
        while span.end - first > 2 and _leads_a_role(span.doc[first]):
            first += 1
        # ... nor a title led by a word the article also writes in lower case: "[Fire Chief] Reg Hutton"
        if first + 4 <= span.end and is_title_token(span.doc[first + 1]) and _common_word(span.doc[first]):
            first += 2
        # ... nor a description of several words: "[Football Player] Watson Downs"
        described = [i for i in range(first, min(first + 3, span.end - 1)) if span.doc[i].lower_ in PERSON_NOUNS]
        if described and span.doc[described[-1] + 1].pos_ == "PROPN":
            first = described[-1] + 1
        # ... nor is a minister's portfolio: "Minister of [Information Affairs Ali al-Rumaihi]".
        of = first - 1
        while of > 0 and (span.doc[of].text in _PORTFOLIO_WORDS or span.doc[of].lower_ in _COMPASS):
            of -= 1  # "Speaker of the House", "Minister of Tourism and [Lands Harin Velu]", "member for west"
        holder = span.doc[of - 1] if of >= 1 else None  # "Minister of", "member for"
        if (
            holder is not None
            and span.doc[of].lower_ in {"of", "for"}
            and (is_role_word(holder.text) or holder.lower_ in PERSON_NOUNS)
        ):
            # ... or a place it is held for: "general manager of [Tasmania] Mike Patterson"
            # a word of a place the article names, or of a body's name: "of [Sri Lanka] Ada Perera" with
            # "Sri Lanka Cricket"
            places = _words_of_entities(span.doc, {"ORG", "GPE", "LOC"})
            while first < span.end - 1 and (
                span.doc[first].text in _PORTFOLIO_WORDS or span.end - first > 2 and span.doc[first].text in places
            ):
                first += 1
        # ... and a family name it left out joins it: "[Mohammed bin Abdulrahman] Al Thani", "[Carla] dos Reis".
        last = span.end
        while last < len(span.doc) and span.doc[last - 1].whitespace_:
            particles = last
            while particles < len(span.doc) - 1 and span.doc[particles].text in NAME_PARTICLES:
                particles += 1
            family = span.doc[particles]
            # after a particle, even a word the tagger took for a place: "dos [Santos]*GPE*"
            after_particle = particles > last and family.pos_ == "PROPN" and bool(_NAME_TOKEN.match(family.text))
            if not (_joins_name(family) or after_particle):
                break
            last = particles + 1
        # ... and so does a given name's lower-case half: "Rhee Chang[-yong]", and a name joined by a particle:
        # "[Shams]-ul-[Hasan]"
        while (
            last + 1 < len(span.doc)
            and span.doc[last].text == "-"
            and not span.doc[last - 1].whitespace_
            and not span.doc[last].whitespace_
            and span.doc[last + 1].is_alpha
            and (span.doc[last + 1].is_lower or span.doc[last - 1].is_lower)
        ):
            last += 2
        # ... and so does a surname after a quoted nickname the model cut the name at: "[Jomo “Wasu]” Kithinji"
        opened = any(t.text in _OPENING_QUOTES for t in span.doc[first:last])
        if opened and last + 1 < len(span.doc) and span.doc[last].text in _CLOSING_QUOTES:
            # ... after a particle too: "[Ronald “Bato]” dela Rosa"
            particle = span.doc[last + 1].lower_ in NAME_PARTICLES and last + 2 < len(span.doc)
            surname = span.doc[last + 2] if particle else span.doc[last + 1]
            if surname.pos_ == "PROPN" and _NAME_TOKEN.match(surname.text) and not is_title_token(surname):
                last = surname.i + 1
        last = _with_generation(span.doc, last)
        # ... nor is a headline's verb: "[Tollis Says]*PERSON* Pier Will …", nor the marks of a caption's quote:
        # "[Rona Pell: ‘]*PERSON*A kick in the teeth’".
        # ... nor an honour or a rank of counsel after it: "Gerald Pike QC", "Ada Obi SAN", "Ravi Rao Advocate".
        while last - 1 > first and (
            span.doc[last - 1].lower_ in HEADLINE_VERBS
            or span.doc[last - 1].is_punct
            or span.doc[last - 1].text.rstrip(".") in POST_NOMINALS
            and last - first > 2
        ):
            last -= 1
        span = span.doc[first:last]
    text, start = span.text, span.start_char
    stripped = _POSSESSIVE.sub("", text)
    end = start + len(stripped)
    for prefix in (_LEADING_DET, _HONORIFIC):
        match = prefix.match(stripped)
        if match:
            start += match.end()
            stripped = stripped[match.end() :]
    # "Francis “Chiz” Escudero": a nickname in quotation marks is not part of the name, nor are an editor's
    # brackets: "[Ruwan] Silva"
    return " ".join(_NICKNAME.sub(" ", stripped).replace("[", "").replace("]", "").split()), start, end


def _common_word(token: Token) -> bool:
    """A capitalised word its article also writes in lower case: a noun, not a name ("Fire" and "fire")."""
    lowered: set[str] | None = token.doc.user_data.get("newsgraph_lower_words")
    if lowered is None:
        lowered = token.doc.user_data["newsgraph_lower_words"] = {t.text for t in token.doc if t.is_lower}
    return token.lower_ in lowered


def _leads_a_role(token: Token) -> bool:
    """A capitalised word the article also writes right before a role in lower case: "Hawks skipper"."""
    leading: set[str] | None = token.doc.user_data.get("newsgraph_role_leads")
    if leading is None:
        doc = token.doc
        leading = {t.text for t in doc[:-1] if t.is_title and doc[t.i + 1].is_lower and is_role_noun(doc[t.i + 1].text)}
        doc.user_data["newsgraph_role_leads"] = leading
    return token.text in leading


def _body_acronym(span: Span, index: int) -> bool:
    """A body's acronym before a name in ordinary case: "steward of the [GMB] Denise Pye"."""
    word, rest = span.doc[index].text, span.doc[index + 1 : span.end]
    return len(rest) >= 2 and word.isalpha() and word.isupper() and len(word) > 2 and not rest.text.isupper()


_OPENING_QUOTES = frozenset('“"‘')
_CLOSING_QUOTES = frozenset('”"’')
_NICKNAME = re.compile(r"\s[“\"‘'][A-Z][\w.-]*[”\"’']\s")
_CALENDAR_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August "
    "September October November December".split()
)


_PORTFOLIO_HEADS = frozenset("minister ministry secretary department".split())


def _past_portfolio(doc: Doc, end: int) -> int:
    """Where the holder's name starts after a minister's title ending at ``end``: past "for Home Affairs"."""
    if not (0 < end < len(doc) - 1 and doc[end - 1].lower_ in _PORTFOLIO_HEADS and doc[end].lower_ in {"of", "for"}):
        return end
    start = end + 1
    while start < len(doc) and (doc[start].text in _PORTFOLIO_WORDS or doc[start].text == ","):
        start += 1
    after_and = doc[start - 1].text in {"and", "&", ",", "the"}
    return start if start > end + 1 and not after_and and doc[start - 1].text[:1].isupper() else end


_COMPASS = frozenset("north south east west central mid northern southern eastern western".split())


def _words_of_entities(doc: Doc, labels: set[str]) -> set[str]:
    """The words of the entities the tagger labelled with one of ``labels``."""
    return {t.text for e in doc.ents if e.label_ in labels for t in e}


def _holder_after_body(span: Span) -> Span | None:
    """The name at the end of "[Role] of [Body Name] [First Last]", or of "[Role] of [Place] [First Last]" where
    the place also stands alone in the article, or of "[Role for Place, First Last]", which the tagger took as
    one name."""
    doc = span.doc
    comma = next((t.i for t in reversed(span) if t.text == ","), None)
    if comma is not None and any(is_role_word(t.text) for t in doc[span.start : comma]):
        # "[Independent Councillor for Heath, Fenella Bowden]*ORG*": the role, then who holds it
        tail = doc[comma + 1 : span.end]
        places = _words_of_entities(doc, {"GPE", "LOC"})
        named = 2 <= len(tail) <= 3 and all(_name_word(t) and t.text not in places for t in tail)
        return tail if named else None  # not "Governor of the region, Lagos State"
    before = span.start - 1 if span.start and doc[span.start - 1].lower_ in _COMPASS else span.start
    if before < 2 or not is_role_word(doc[before - 2].text):
        return None
    # "Representative for north [Harwick Nell Tobin]": a part of a place before its member (a spokesman
    # "for" speaks for a body, named in full)
    if doc[before - 1].lower_ != "of" and not (doc[before - 1].lower_ == "for" and before < span.start):
        return None
    bodies = [t.i for t in span if t.lower_ in BODY_NOUNS]
    if not bodies and len(span) >= 3 and any(t.text == span[0].text for t in doc if not span.start <= t.i < span.end):
        bodies = [span.start]  # "Finance Minister of [Kestria Omar Valdi]*ORG*" … "doing business in Kestria"
    if not bodies or not 2 <= span.end - bodies[-1] - 1 <= 3:
        return None
    tail = doc[bodies[-1] + 1 : span.end]
    return tail if all(_name_word(t) for t in tail) else None


def _misread_lead(lead: Token, surname: Token, places: set[str], full_names: set[tuple[str, str]]) -> bool:
    """A day, or a place named on its own elsewhere (``places``), that the tagger took for the first name of
    someone the article names with another first name (``full_names``: first and last word of each)."""
    if lead.text not in _CALENDAR_WORDS and lead.text not in places:
        return False
    return any(last == surname.text and first != lead.text for first, last in full_names)


def without_honorific(name: str) -> str:
    """ "Ms. Beede" -> "Beede"."""
    return _HONORIFIC.sub("", name)


def _misread_surname(span: Span) -> bool:
    """A lone surname the model called a place or an organisation, with the first name just before it
    and the pair acting as a subject: "Ruben [Kask]*ORG*, the chairman, said"."""
    # "Ampry-Samuel" is three tokens: a hyphenated surname is still one word of a name
    one_word = len(span) == 1 or len(span) == 3 and span[1].text == "-" and not span[1].whitespace_
    return (
        span.label_ in {"ORG", "GPE"}
        and one_word
        and span.start > 0
        and _joins_name(span.doc[span.start - 1])
        and span.root.dep_ in {"nsubj", "nsubjpass"}
    )


#: Lower-case words that belong inside personal names: "Ali bin Mohammed", "Ursula von der Leyen",
#: "Samuel ole Tanui".
NAME_PARTICLES = frozenset(
    "bin ibn bint al el de da di del dela della der den van von le la du dos das ter ole wa arap".split()
)


#: The last words of a place's name that no one's name ends with: "[Tarn County]*PERSON*".
_DIVISIONS = frozenset("County Province District Township Borough Parish Municipality Prefecture Governorate".split())
#: Words of a body's or a building's name that no one's name holds: "[Salim International]*PERSON* calls itself".
_INSTITUTION_WORDS = frozenset(
    "International National Airport Airlines Airways Stadium University College Institute Academy Hospital "
    "Limited Ltd Inc Corporation Company Ministry Department Council Association Federation Foundation".split()
)


def _not_a_name_word(word: str) -> bool:
    return word[:1].islower() and word.lower() not in NAME_PARTICLES and not _PARTICLE.match(word)


_APOSTROPHES = re.compile(r"(?<=\w)['’](?=\w)")


def _which(span: Span) -> bool:
    """ "according to [TechCrunch]*PERSON*, which spotted …": a name the article once follows with ", which"
    is a thing, not a person."""
    return span.label_ == "PERSON" and f"{span.text}, which " in text_of(span.doc)


def _doubled(name: str) -> bool:
    """ "[Bafana Bafana]*PERSON*": a word said twice is a team's or a band's name; no one's given name is
    their surname."""
    words = name.split()
    return len(words) == 2 and words[0] == words[1]


def _dateline_place(span: Span) -> bool:
    """A town in capitals opening a paragraph before a comma, a colon or a dash: the dateline, not a person."""
    doc = span.doc
    at_line_start = span.start == 0 or "\n" in doc[span.start - 1].text or doc[span.start - 1].text.endswith("\n")
    followed = span.end < len(doc) and doc[span.end].text in {",", ":", "-", "–", "—", "--"}
    return span.text.isupper() and len(span.text) > 3 and at_line_start and followed


def is_title_token(token: Token) -> bool:
    return (
        is_role_word(token.text)
        # "Councillors Ada Ruiz and Tom Hale": a title for two
        or token.text[:1].isupper()
        and token.text.endswith("s")
        and is_role_noun(token.text[:-1])
        or token.text.rstrip(".") in _HONORIFIC_WORDS
        or token.lower_ in _TITLE_MODIFIERS
        or _ends_role(token)
        # "Datuk [Seri] Anwar Ibrahim": the second word of a Malaysian title
        or token.text in {"Seri", "Sri"}
        and token.i > 0
        and token.nbor(-1).text.rstrip("'") in _TWO_WORD_TITLES
        # "[Tan] Sri Muhyiddin Yassin": the first, where it is no surname ("Tan Wei Ming")
        or token.text in {"Tan", "Puan"}
        and token.i + 1 < len(token.doc)
        and token.nbor(1).text in {"Seri", "Sri"}
        # "H E Rashid Al Nuaimi": His Excellency in initials
        or token.text.rstrip(".") == "H"
        and token.i + 1 < len(token.doc)
        and token.nbor(1).text.rstrip(".") == "E"
        or token.text.rstrip(".") == "E"
        and token.i > 0
        and token.nbor(-1).text.rstrip(".") == "H"
        # "[Major] General Pirapong", "Major Ann Kiprop": the rank, which as a word is mostly an adjective
        or token.text == "Major"
        and token.i + 1 < len(token.doc)
        and token.nbor(1).pos_ == "PROPN"
        and (token.i == 0 or not token.nbor(-1).text[:1].isupper())
    )


_TWO_WORD_TITLES = frozenset({"Datuk", "Dato", "Datin", "Tan", "Puan"})


def _honorific_word(token: Token) -> bool:
    return token.text.rstrip(".'") in _HONORIFIC_WORDS | _TWO_WORD_TITLES or token.text in {"Seri", "Sri"}


#: Roles of several words by their last word: "peace" -> ("justice", "of", "the", "peace").
_LONG_ROLES: dict[str, list[tuple[str, ...]]] = {}
for _role in ROLE_NOUNS:
    if " " in _role:
        _LONG_ROLES.setdefault(_role.split()[-1], []).append(tuple(_role.split()))


def _ends_role(token: Token) -> bool:
    """The last word of a role of several words: "Peace" in "Justice of the Peace"."""
    doc = token.doc
    return any(
        tuple(t.lower_ for t in doc[max(0, token.i - len(words) + 1) : token.i + 1]) == words
        for words in _LONG_ROLES.get(token.lower_, ())
    )


def _opening_participle(token: Token) -> bool:
    """ "Convicting Tong, the judge ordered …": a participle opening the sentence is no first name."""
    return len(token.text) >= 7 and token.lower_.endswith("ing") and token.is_sent_start


def _joins_name(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and not _opening_participle(token)
        and token.text not in _CALENDAR_WORDS
        and bool(_NAME_TOKEN.match(token.text))
        and not any(ch.isdigit() for ch in token.text)  # "Dhaka Zone-6 Karim Hasan"
        # "the GMB Denise": a body's acronym; two capitals are initials ("KK Shailaja")
        and not (token.text.isupper() and len(token.text) > 2)
        and token.ent_iob_ == "O"
        and not is_title_token(token)
        # "Head of the Water Business Unit Carlos Mendes": the end of a body's name
        and token.lower_ not in BODY_NOUNS | _BODY_PARTS
    )


def _with_untagged_given_names(doc: Doc, name: str) -> str:
    """The fullest form of a full name, with the given names the tagger left out before it wherever it
    is written: "Harjeet [Bir Sandhu]*PERSON* took charge", "Dr 'Ofa [Lavaka Tonga]" (at most two words)."""
    text = text_of(doc)
    fullest = name
    for at in _occurrences(name, text):
        before = text[max(0, at - 40) : at]
        if not before.endswith(" ") or not before.rstrip(" ").rpartition(" ")[2].lstrip("'’")[:1].isupper():
            continue  # no capitalised word just before: the common case, and cheap to rule out
        first = doc.char_span(at, at + len(name), alignment_mode="expand")
        if first is None:
            continue
        lead = first.start
        while lead > 0 and first.start - lead < 2 and _leads_name(doc[lead - 1]):
            lead -= 1
        fuller = text[doc[lead].idx : at + len(name)]
        # A given name goes with its surname: "[Kilbarra] Mark Wade" is a place also written alone.
        alone = len(_occurrences(doc[lead].text, text)) > len(_occurrences(fuller, text))
        if len(fuller) > len(fullest) and "\n" not in fuller and not alone:
            fullest = fuller
    return fullest


def _occurrences(words: str, text: str) -> list[int]:
    """Where ``words`` stand in ``text`` as whole words (a plain search: a pattern per name costs more)."""
    found = []
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (at and _in_word(text[at - 1])) and not (end < len(text) and _in_word(text[end])):
            found.append(at)
        at = text.find(words, at + 1)
    return found


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "_'’-"


#: Titles written before a surname, as abbreviations or honorifics: "Cr", "Cllr.", "Mr".
_NAME_TITLES = _HONORIFIC_WORDS | {title.rstrip(".") for title in TITLE_ABBREVIATIONS}
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]*[’']?)?[A-Z][a-z’'-]+$")


def _titled_misread(where: int, type_: str, name: str, start: int, end: int) -> tuple[int, str, str, int, int]:
    """A title and a surname the tagger took for a body or a place is that person: "[Cr Dunlevy]*ORG*"."""
    title, _, rest = name.partition(" ")
    if (
        type_ != "PERSON"
        and title.rstrip(".") in _NAME_TITLES
        and 1 <= len(rest.split()) <= 2
        and all(_NAME_WORD.match(word) and word not in _INSTITUTION_WORDS for word in rest.split())
        and rest.split()[-1].lower() not in _COMPANY_SUFFIXES  # "Mr Price Group"
    ):
        return where, "PERSON", rest, end - len(rest), end
    return where, type_, name, start, end


def _leads_name(token: Token) -> bool:
    """A given name before a full name: no English word ("[Resident] Bill Barker"), untagged or tagged a
    person on its own ("[Kamau] Wa Njeri")."""
    words = dictionary_words()
    return (
        token.lower_ not in words
        and not (token.lower_.endswith("s") and token.lower_[:-1] in words)  # "Minister of [Lands] Ravi Perera"
        and not token.text.isupper()  # "[MLC] Rhys Varga": a rank's or a body's letters
        and token.lower_ not in PERSON_NOUNS  # "[Carer] Tina Roddy", a word WordNet lacks
        and (_joins_name(token) or token.ent_type_ == "PERSON" and token.pos_ == "PROPN")
        and not is_title_token(token)
    )


_BODY_PARTS = frozenset("unit division section bureau directorate desk department".split())


def _names(doc: Doc) -> list[tuple[str, str, int, int]]:
    """(type, name, start, end) for each usable entity span of ``doc``, plus titled names the model missed."""
    titled = _titled_names(doc)
    found = list(titled)
    places = {e.text for e in doc.ents if e.label_ in {"GPE", "LOC"}}
    full_names = {
        (e[0].text, e[-1].text)
        for e in doc.ents
        if (e.label_ == "PERSON" or _joined_to_person(e)) and len(e) >= 2 and not is_title_token(e[0])  # "Ms Murphy"
    }
    lone_names = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1}
    # bodies named in full: "[Delhi Police]*PERSON* has said little" where it is "the Delhi Police"*FAC* too
    bodies = {
        _LEADING_DET.sub("", e.text) for e in doc.ents if e.label_ in {"ORG", "FAC"} and e[-1].lower_ in BODY_NOUNS
    }
    # and those found by title, whatever the tagger called them: "[Councillor Nuala Donnelly]*ORG*"
    full_names |= {(name.split()[0], name.split()[-1]) for _, name, _, _ in titled if " " in name}
    for ent in _joined(doc.ents):
        if "\n" in ent.text or not (ent.label_ in TYPES or _misread_body(ent)):
            continue
        if all(is_title_token(t) or t.is_punct for t in ent):
            continue  # "[Datuk Seri]*PERSON* Anwar Ibrahim", "[Det.]*PERSON* Rona Pell": a title on its own
        if (
            len(ent) == 4
            and ent[1].lower_ == "and"
            and all(_name_word(t) for t in (ent[0], ent[2], ent[3]))
            and (ent.label_ == "PERSON" or ent[0].text in lone_names)
        ):
            # "[Rachel and Ryan Dissell]*ORG*", where "Rachel" alone is a person: two people of one surname
            found.append(("PERSON", f"{ent[0].text} {ent[3].text}", ent[0].idx, ent[0].idx + len(ent[0].text)))
            ent = Span(doc, ent.start + 2, ent.end, label="PERSON")
        holder = _holder_after_body(ent)
        if holder is not None:
            # "Chairman of [Harbour Ferry Trust Ines Tombe]*ORG*": the body, then the one who chairs it
            found.append(("PERSON", holder.text, holder.start_char, holder.end_char))
            if doc[holder.start - 1].text == ",":
                continue
            body = doc[holder.start - 1].lower_ in BODY_NOUNS
            ent = Span(doc, ent.start, holder.start, label="ORG" if body else "GPE")
        if ent.label_ in {"ORG", "GPE", "FAC", "LOC", "NORP"} and _titled_surname(ent, full_names):
            # "[Cllr. Moyne]*ORG*" and "[Sheriff Moyne]*FAC*" after "Pascal Moyne"
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        if len(ent) == 2 and _misread_lead(ent[0], ent[1], places, full_names):
            # "On [Wednesday Marsh] confirmed", "from mainland [China Marsh]*ORG* said": the article's Marsh
            ent = Span(doc, ent.start + 1, ent.end, label="PERSON")
        name, start, end = _clean_name(ent)
        if not name or is_role_word(name) or not any(ch.isalpha() for ch in name):
            continue
        if any(s < end and start < e for _, _, s, e in titled):
            continue  # "[Councillor Maren Holt]*ORG*" is the person found by title
        if any(t == "PERSON" and s <= start and end <= e for t, _, s, e in found):
            continue  # "Carla dos [Reis]*GPE*": inside a name already found
        if _dateline_place(ent):
            continue  # "[MAIDAN SHAR]*PERSON*, Afghanistan, July 24 (Xinhua) --"
        if ent.label_ == "PERSON" and any(_not_a_name_word(w) for w in name.split()):
            continue  # "the flood-[affected Takana village]*PERSON*": names are capitalised
        if ent.label_ == "PERSON" and " " not in name and _after_the(ent):
            continue  # "[The Bill]*PERSON* now heads to the president": a person's name takes no "the"
        person = _misread_surname(ent) or _titled_after(ent) or _apposed_to_role(ent) or _joined_to_person(ent)
        body = (
            _described_as_body(ent) or _ends_in_acronym(ent) or _listed(ent) or _doubled(name) or _which(ent)
            or ent.text in bodies or any(word in _INSTITUTION_WORDS for word in name.split())
        )  # fmt: skip
        type_ = "PERSON" if person else "ORG" if body else TYPES.get(ent.label_, "ORG")
        if type_ == "PERSON" and _placed(ent):
            type_ = "GPE"
        found.append((type_, name, start, end))
    return found


def _titled_surname(span: Span, full_names: set[tuple[str, str]]) -> bool:
    """A title and the surname of someone the article names in full: "Cllr. Moyne", "Insp. Brek"."""
    return (
        len(span) >= 2
        and all(is_title_token(t) and t.text[:1].isupper() for t in span[:-1])
        and any(last == span[-1].text for _, last in full_names)
    )


def _after_the(span: Span) -> bool:
    first = span[0] if span[0].lower_ == "the" else span.doc[span.start - 1] if span.start else None
    return first is not None and first.lower_ == "the"


#: Words that a place's name modifies: "Kembla village", "Kembla villagers".
_SETTLEMENT_WORDS = frozenset(
    "village villages villagers town townships township district county province region valley suburb city "
    "residents community".split()
)
_PLACED = re.compile(r"\b(?:north|south|east|west|north-east|north-west|south-east|south-west|outside|near)\s+of\s+$")


def _placed(span: Span) -> bool:
    """ "located south of [Kembla]*PERSON*", "[Kembla] village", "the [Kembla] villagers", "in Dunmore,
    [Kembla]": a place, whatever the tagger said; as is a country ("[Sri Lanka]*PERSON* may have needed a jolt")."""
    if " ".join(span.text.split()) in _country_names():
        return True
    if _PLACED.search(text_of(span.doc), max(0, span.start_char - 20), span.start_char):
        return True
    if len(span) == 1 and span.root.dep_ == "appos" and span.root.head.ent_type_ == "GPE":
        # "in Kiandoro, [Karimbu]*PERSON*, during …": the county of the town before it
        return span.root.head.i == span.start - 2 and span.doc[span.start - 1].text == ","
    head = span.root.head
    return span.root.dep_ == "compound" and head.lower_ in _SETTLEMENT_WORDS


@functools.cache
def _country_names() -> frozenset[str]:
    names = ((country.name, getattr(country, "common_name", None)) for country in pycountry.countries)
    return frozenset(name for pair in names for name in pair if name)


def _misread_body(span: Span) -> bool:
    """A name ending in a body's word that the model took for a title or a product: "[The Harbour Basin
    Authority]*WORK_OF_ART*"."""
    last = span[-1]
    titled = span.label_ in {"WORK_OF_ART", "PRODUCT", "LAW", "EVENT"}
    return titled and last.text[:1].isupper() and last.lower_ in BODY_NOUNS


_BODY_AFTER = re.compile(
    rf"\s*,\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{'|'.join(sorted(BODY_NOUNS))})\s*[,.]", re.IGNORECASE
)


def _described_as_body(span: Span) -> bool:
    """ "[An Fórsa Cósta]*PERSON*, the coastal rescue service, said": a body, whatever the tagger said."""
    return span.label_ == "PERSON" and bool(_BODY_AFTER.match(text_of(span.doc), span.end_char))


def _ends_in_acronym(span: Span) -> bool:
    """ "[Dunmore RCMP]*PERSON*": a name ending in an acronym that the article also uses outside any
    person's name ("local RCMP") is a body."""
    last = span[-1]
    if span.label_ != "PERSON" or len(span) < 2 or not (last.is_upper and last.is_alpha and 2 <= len(last) <= 6):
        return False
    return any(t.text == last.text and t.ent_type_ != "PERSON" for t in span.doc)


#: A stock ticker after a name: "(RIO)", "(ASX: RIO)", "(NYSE:GE)".
_TICKER = re.compile(r"\s*\((?:[A-Z]{2,6}:\s*)?(?P<ticker>[A-Z]{2,5})(?:\.[A-Z]{1,2})?\)")


def _listed(span: Span) -> bool:
    """ "[Rio Tinto]*PERSON* (RIO)": a name the article once gives a stock ticker is a company."""
    if span.label_ != "PERSON":
        return False
    doc, text = span.doc, text_of(span.doc)
    tickers = doc.user_data.get("newsgraph_tickers")
    if tickers is None:
        # "Ada Obi (SAN)" is counsel, not a company
        tickers = [m.start() for m in _TICKER.finditer(text) if m.group("ticker") not in POST_NOMINALS]
        doc.user_data["newsgraph_tickers"] = tickers
    return any(text.endswith(span.text, 0, start) for start in tickers)


def _titled_after(span: Span) -> bool:
    """A name of two or three words that a person's title follows: "[Obiora Ezenwa]*LOC*, chairman of
    the market, confirmed"; not "[Brent Council]*ORG*, the authority …"."""
    if span.label_ == "PERSON" or not 2 <= len(span) <= 3 or any(not _name_word(t) for t in span):
        return False
    title = title_after(text_of(span.doc), span.end_char)
    return title is not None and title.split()[-1].lower() not in BODY_NOUNS


def _apposed_to_role(span: Span) -> bool:
    """A name set beside a role, "the chairman of the commission [Ravi Perera]*ORG*", or set off by commas
    after a word for a person, "a second trader, [Obinna]*NORP*, said"."""
    head = span.root.head
    if span.label_ not in {"ORG", "GPE", "NORP"} or not 1 <= len(span) <= 3 or any(not _name_word(t) for t in span):
        return False
    if span[-1].lower_ in BODY_NOUNS or span[-1].text in _OUTLET_WORDS:
        return False  # "said the minister, [Kestrel News]*ORG* reported": a broadcaster
    doc = span.doc
    if (
        len(span) >= 2
        and span.start >= 2
        and doc[span.start - 1].text == ","
        and is_role_word(doc[span.start - 2].text)
    ):
        return True  # "Senate Chief Whip, [Tahir Monguno]*ORG* raised …", however the parser hung it
    if span.root.dep_ != "appos" or head.i >= span.start:
        return False
    set_off = span.start > 0 and span.doc[span.start - 1].text == "," and head.lemma_.lower() in PERSON_NOUNS
    return (len(span) >= 2 and is_role_word(head.text)) or set_off


def _joined_to_person(span: Span) -> bool:
    """A name joined by "and" to a person's: "councillors Colin Evans and [Irena Hopkins]*ORG*"."""
    root = span.root
    return (
        span.label_ in {"ORG", "GPE", "NORP", "FAC"}
        and 2 <= len(span) <= 3
        and all(_name_word(t) for t in span)
        and span[-1].lower_ not in BODY_NOUNS
        and span[-1].text not in _OUTLET_WORDS
        and root.dep_ == "conj"
        and root.head.ent_type_ == "PERSON"
        and root.head.i < span.start
    )


_OUTLET_WORDS = frozenset("News TV Radio Times Post Herald Tribune Gazette Journal Express Online Agency".split())
#: Roles that stand before a name in lower case too ("spokesperson Ko Min-ah"); not short or ambiguous ones.
_ROLE_WORDS = frozenset(
    r for r in ROLE_NOUNS if r.isalpha() and len(r) >= 5 and r not in {"general", "justice", "official", "executive"}
)


def _titled_names(doc: Doc) -> list[tuple[str, str, int, int]]:
    """Two or three capitalised proper nouns right after a title ("Regional Governor Solveig Amundsen"):
    a person, whatever label the model gave them (it often gives none, or ORG)."""
    found = []
    index = 0
    while index < len(doc):
        token = doc[index]
        # "Regional Governor Solveig Amundsen"; in lower case only a role of one word, where the tagger found
        # no person after it: "spokesperson [Ko Min-ah]*WORK_OF_ART*", not "lawmaker [Rafiq Anwar Sheikh]"
        lowered_role = (
            token.is_lower
            and token.lower_ in _ROLE_WORDS
            and index + 1 < len(doc)
            and doc[index + 1].is_title
            and doc[index + 1].ent_type_ != "PERSON"
        )
        if not (is_title_token(token) and (token.text[:1].isupper() or lowered_role)):
            index += 1
            continue
        end = index + 1
        while end < len(doc) and is_title_token(doc[end]) and doc[end].text[:1].isupper():
            end += 1
        role_end = end
        end = _past_portfolio(doc, end)  # "Minister for Land Reform and Management [Ravi Narayan Bhattarai]"
        name_end = end
        # up to three name words, or more where the tagger holds them in one name ("Tuala Aiono Saleni Maliotu")
        while (
            name_end < len(doc)
            and (name_end - end < 3 or doc[name_end].ent_iob_ == "I" and doc[name_end].ent_type_ == "PERSON")
            and _name_word(doc[name_end])
        ):
            name_end += 1
            # A hyphenated name is three tokens: "Sayed", "-", "Khaiyum".
            while (
                name_end + 1 < len(doc)
                and doc[name_end].text == "-"
                and not doc[name_end - 1].whitespace_
                # "Sayed-Khaiyum", and a given name's lower-case half: "Chang-yong"
                and (_name_word(doc[name_end + 1]) or doc[name_end + 1].is_lower and doc[name_end + 1].is_alpha)
            ):
                name_end += 2
        while role_end > index + 1 and _honorific_word(doc[role_end - 1]):
            role_end -= 1  # "Prime Minister [Tan Sri]": the role ends before the honorific
        title = doc[index:role_end].text.lower()
        full_role = is_role_noun(title.split()[-1]) or any(title == r or title.endswith(" " + r) for r in ROLE_NOUNS)
        name_words = {t.lower_ for t in doc[end:name_end]}
        if (
            full_role
            # one name word after a rank of two: "Major General Pirapong", not "General Motors"
            # (and not a place: "Chief Minister Punjab said")
            and (
                name_end - end >= 2
                or name_end - end == 1
                and role_end - index >= 2
                and doc[end].ent_type_ not in {"GPE", "LOC", "NORP"}
                # (and all of the name: not "Minister Prince [Faisal] bin Nawaf", "Minister [Paul] O’Dea")
                and (name_end == len(doc) or _ends_name(doc[end], doc[name_end]))
            )
            and not name_words & BODY_NOUNS
            # "Superintendent [Ross Kelleher]*WORK_OF_ART*" is a name; a date or a number ends none
            and doc[name_end - 1].ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}
        ):
            span = doc[end : _with_generation(doc, name_end)]
            text = _POSSESSIVE.sub("", span.text)
            if text not in _country_names():  # "Deputy Commissioner Kenya said"
                found.append(("PERSON", text, span.start_char, span.start_char + len(text)))
        index = max(name_end, index + 1)
    return found


def _ends_name(last: Token, following: Token) -> bool:
    """The name ends at ``last``: no particle, capitalised word or glued piece follows it."""
    return bool(last.whitespace_) and following.lower_ not in NAME_PARTICLES and not following.text[:1].isupper()


def _with_generation(doc: Doc, end: int) -> int:
    """The end of a name that ends at ``end``, past its generation: "Kenneth Okafor, Sr.", "Marco Quilty IV"."""
    for length in (1, 2):
        words = doc[end : end + length]
        if len(words) == length and _GENERATION.match(words[-1].text) and words[0].text in {",", words[-1].text}:
            return end + length
    return end


def _name_word(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.lower_ not in HEADLINE_VERBS
        and bool(_NAME_TOKEN.match(token.text))
        and token.text.rstrip(".") not in _HONORIFIC_WORDS
        and token.text.rstrip(".") not in POST_NOMINALS
        and not is_role_word(token.text)
        and "\n" not in token.text
    )


def find_entities(doc: Doc, caption_docs: Sequence[Doc] = (), name_docs: Sequence[Doc] = ()) -> EntityIndex:
    """Cluster the entities of the body ``doc`` and of the captions.

    A lone surname joins the person whose full name ends with it; titles come from the words
    around each mention. Caption mentions are kept apart, as (caption index, start, end).
    ``name_docs`` (the headline, a teaser the cleaner set aside) only lend full names: "Dr Ansel
    Corbin" in the headline makes the body's "Corbin" Ansel Corbin.
    """
    docs = [doc, *caption_docs]
    raw = [(where, *found) for where, d in enumerate(docs) for found in _names(d)]

    lone = {name for _, type_, name, _, _ in raw if type_ == "PERSON" and " " not in name}
    # "Rachel [Toche]*ORG*" … "Toche said": a surname the tagger took for a body or a place ("Fort [Toche]" is one)
    speaking = _speaking_subjects(doc)
    misread = {name for _, type_, name, _, _ in raw if type_ in _MISREAD_SURNAME_TYPES and name in speaking}
    places = {name for _, type_, name, _, _ in raw if type_ in {"GPE", "LOC"} and " " in name}
    # A full name the model called an organisation, whose surname it elsewhere calls a person or has speak:
    # "[Eli Manning]*ORG*" … "[Manning]*PERSON* said" or "[Manning]*ORG* said"; and a place it once called
    # a person: "[Sri Lanka]*PERSON*’s Prime Minister" in an article that has "[Sri Lanka]*GPE*" too.
    raw = [
        (
            where,
            "GPE" if name.split()[-1] in _DIVISIONS and type_ in {"PERSON", "ORG", "FAC", "GPE", "LOC"}
            else "PERSON" if type_ in {"ORG", "FAC", "GPE", "LOC", "NORP"} and _misread_full_name(name, lone | misread)
            else "GPE" if type_ == "PERSON" and name in places
            else type_,
            name,
            start,
            end,
        )
        for where, type_, name, start, end in raw
    ]  # fmt: skip
    raw = [_titled_misread(*found) for found in raw]
    raw = _overlapping_names(text_of(doc), raw)
    people: dict[str, _Cluster] = {}
    for _, type_, name, _, _ in raw:
        if type_ == "PERSON" and len(name.split()) >= 2:
            people.setdefault(name, _Cluster(name, "PERSON"))
    # A surname whose full name the model never tagged: "Ruben Kask, the chairman" … "Kask said".
    for token in doc:
        if (
            token.i > 0
            and (token.text in lone or token.text in misread and not any(n.split()[-1] == token.text for n in people))
            and _joins_name(doc[token.i - 1])
            and doc[token.i - 1].lower_ not in PERSON_NOUNS  # "Resident Marlene", as TV sites write it
            and (token.text in lone or doc[token.i - 1].text not in _PLACE_LEADS)
        ):
            full = f"{doc[token.i - 1].text} {token.text}"
            # A second first name with a known surname is another person: Dale Robie and Doreen Robie.
            if full not in people and not any(f"{known} ".startswith(f"{full} ") for known in people):
                people[full] = _Cluster(full, "PERSON")
                raw.append((0, "PERSON", full, doc[token.i - 1].idx, token.idx + len(token.text)))
    surnames = _surname_table(people)
    short_names = _short_names(people)
    for full, start, end in _kin_named(doc, raw):
        # "her husband Tom": later, "Tom" alone is him; "Mr Chacon" is still whoever it was before
        if full not in people:
            people[full] = _Cluster(full, "PERSON")
            raw.append((0, "PERSON", full, start, end))
            surnames.setdefault(full.split()[0], full)
    for surname, full in _lent_names(name_docs, {name.split()[-1] for name in people}).items():
        # "Kwame Boateng" in the headline is the "Kwame Boateng Mensah" of the text
        full = next((name for name in people if name.startswith(f"{full} ")), full)
        people.setdefault(full, _Cluster(full, "PERSON"))
        surnames[surname] = full
    clusters: dict[tuple[str, str], _Cluster] = {("PERSON", n): c for n, c in people.items()}

    def add(cluster: _Cluster, where: int, start: int, end: int) -> None:
        if where == 0:
            cluster.mentions.append((start, end))
        else:
            cluster.caption_mentions.append((where - 1, start, end))
        for title in (title_before(text_of(docs[where]), start), title_after(text_of(docs[where]), end)):
            if title and title not in cluster.titles and cluster.type == "PERSON":
                cluster.titles.append(title)

    joined_names = {
        match.group(1): name
        for _, type_, name, _, _ in raw
        if type_ == "PERSON" and (match := _JOINED_NAME.match(name))
    }
    short_forms = _short_forms(text_of(doc), raw)
    # "Safaricom" is the "Safaricom PLC" named in full elsewhere
    short_forms.update(
        {
            name.rsplit(" ", 1)[0]: ("ORG", name)
            for _, type_, name, _, _ in raw
            if type_ == "ORG" and " " in name and name.rsplit(" ", 1)[1].rstrip(".").lower() in _COMPANY_SUFFIXES
        }
    )
    # "[Salim]*PERSON*’s halls" of "Salim International": a body's first word stands for it
    short_forms.update(
        {
            name.split()[0]: (type_, name)
            for _, type_, name, _, _ in raw
            if type_ in {"ORG", "FAC"} and any(word in _INSTITUTION_WORDS for word in name.split()[1:])
            and name.split()[0] not in speaking and name.split()[0] not in short_forms
        }
    )  # fmt: skip
    for where, type_, name, start, end in raw:
        # spaCy often calls a lone surname an ORG or GPE; a known surname is the person, also one with a
        # particle capitalised at the start of a sentence ("Dos Reis replied").
        full = _surname_of(name, surnames) if len(name.split()) == 1 else _particle_surname(name, people)
        if full is None and type_ == "PERSON":
            full = short_names.get(name)  # "Kamal Arif" of "Kamal Arif Rahmat"
        if full is None and (type_ == "PERSON" or name in speaking):
            # "[Bart]*GPE* said" of "Bartholomew Quist"; "Shams" alone of the "Shams-ul-Hasan" named before
            full = _short_first_name(name, people) or joined_names.get(name)
        if full is None and type_ != "PERSON" and name in lone and name in speaking:
            full = name  # "[Rahmatul]*PERSON* told …" and "[Rahmatul]*ORG* clarified": one person
        key = ("PERSON", full) if full else short_forms.get(name, (type_, name))
        add(clusters.setdefault(key, _Cluster(key[1], key[0])), where, start, end)
    # Surnames spaCy did not tag at all, e.g. "(Trump) said", and one-word names it tagged elsewhere.
    surnames.update(
        {name: name for type_, name in clusters if type_ == "PERSON" and " " not in name and name not in surnames}
    )
    surnames.update({first: name for first, name in joined_names.items() if first not in surnames})
    for where, d in enumerate(docs):
        # a word inside a name already found is no mention of its own ("Cruz" of "Ted Cruz")
        named = {i for _, _, start, end in (r[1:] for r in raw if r[0] == where) for i in range(start, end)}
        for token in d:
            # "Matiang’i" is the "Fred Matiangi" named before: some copy drops a name's apostrophe
            full = surnames.get(token.text)
            if full is None and ("’" in token.text or "'" in token.text):
                full = surnames.get(_APOSTROPHES.sub("", token.text))
            if full is None and token.pos_ == "PROPN":
                full = _short_first_name(token.text, people)
            body = short_forms.get(token.text) if token.text.isupper() and len(token.text) > 1 else None
            if (token.ent_iob_ != "O" and token.ent_type_ in TYPES) or token.idx in named:
                continue
            if full is None and body in clusters:
                add(clusters[body], where, token.idx, token.idx + len(token.text))  # "said HPF", untagged
                continue
            if not full:
                continue
            first = d[token.i - 1] if token.i else None
            if first is not None and _other_first_name(first, full):
                # "[Doreen Morvik]*WORK_OF_ART*" after "Dale Morvik": another person with that surname
                other = f"{first.text} {token.text}"
                cluster = clusters.setdefault(("PERSON", other), _Cluster(other, "PERSON"))
                add(cluster, where, first.idx, token.idx + len(token.text))
                continue
            add(clusters[("PERSON", full)], where, token.idx, token.idx + len(token.text))

    entities = []
    spans = []
    for cluster in clusters.values():
        if not cluster.mentions and not cluster.caption_mentions:
            continue
        if cluster.type == "PERSON" and " " in cluster.name:
            cluster.name = _with_untagged_given_names(doc, cluster.name)
        eid = entity_id(cluster.type, cluster.name)
        mentions = tuple(sorted(set(cluster.mentions)))
        entities.append(
            Entity(eid, cluster.name, cluster.type, tuple(cluster.titles), mentions,
                   tuple(sorted(set(cluster.caption_mentions))))
        )  # fmt: skip
        spans += [(s, e, eid) for s, e in mentions]
    entities.sort(key=lambda e: (not e.mentions, e.mentions[0] if e.mentions else e.caption_mentions[0]))
    return EntityIndex(tuple(entities), tuple(sorted(spans)))


_CREDIT_WORDS = re.compile(
    r"\b(?:Photo|Photos|Photograph|Image|Images|Picture|Credit|Courtesy|File|Pool|Handout|via|by|Staff|"
    r"AP|AFP|Reuters|Getty|EPA|EFE|Bloomberg|Xinhua|Press|Agency|News|Images|Shutterstock|Alamy|Wire)\b",
    re.IGNORECASE,
)
_PERSON_NAME = re.compile(r"^[A-Z][a-z’'.-]+(?:\s+[A-Z][a-z’'.-]+){1,2}$")


_MISREAD_SURNAME_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
#: Words that lead a place's or a station's name, not a person's: "Fort Kwenda", "Radio Kwenda".
_PLACE_LEADS = frozenset(
    """Lake Port Mount Mt Fort Ft North South East West Upper Lower Greater Saint St San Santa Camp New Old
    Radio Club Cape Bay River Glen Point Little Great Central""".split()
)
_SPEAKING = frozenset(
    "say tell add explain note insist urge stress warn claim ask reply recall admit state clarify ascertain concede "
    "remark quip respond acknowledge".split()
)
_COMPANY_SUFFIXES = frozenset("plc ltd limited inc corp corporation co llc group holdings ag sa nv bhd".split())
_SHORT_FORM = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z&]{1,9})\)")


#: A name joined by a lower-case particle: "Shams-ul-Hasan", "Inzamam-ul-Haq".
_JOINED_NAME = re.compile(r"^([A-Z][a-z]{2,})-(?:ul|ud|ur|al|el|ud-din)-[A-Z][a-z]+$")
_GIVEN_NAME_AFTER = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def _short_first_name(word: str, people: dict[str, _Cluster]) -> str | None:
    """The one person whose given name ``word`` shortens: "Bart" of "Bartholomew Quist", "Chris" of
    "Christopher Vell"."""
    if len(word) < 4 or not word.isalpha() or not word.istitle():
        return None
    found = [full for full in people if " " in full and (first := full.split()[0]).startswith(word)
             and len(first) >= len(word) + 2]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _overlapping_names(text: str, raw: list[tuple[int, str, str, int, int]]) -> list[tuple[int, str, str, int, int]]:
    """ "[Ama Kofi] Boateng" where "Kofi Boateng" is a name too: the tagger cut one name of three words in
    two overlapping ones, so the word after the first completes it."""
    pairs = {tuple(name.split()) for _, type_, name, _, _ in raw if type_ == "PERSON" and len(name.split()) == 2}
    out = []
    for where, type_, name, start, end in raw:
        after = _NEXT_WORD.match(text, end) if where == 0 and type_ == "PERSON" and " " in name else None
        if after is not None and (name.split()[-1], after.group(1)) in pairs:
            name, end = f"{name} {after.group(1)}", after.end()
        out.append((where, type_, name, start, end))
    return out


_NEXT_WORD = re.compile(r" ([A-Z][\w'’-]+)")


def _lent_names(name_docs: Sequence[Doc], taken: set[str]) -> dict[str, str]:
    """Surname -> "First Last" for the two-word names of the headline and set-aside lines, keyed by the
    surname only (headline case misleads the tagger: "[Okoth Hails Amina]*PERSON*"). A surname the text
    already gives a first name, or that these lines give two first names ("Kaya Deo and Ravi Deo"), lends none."""
    lent: dict[str, str] = {}
    firsts: dict[str, set[str]] = {}
    for d in name_docs:
        for type_, name, _, _ in _names(d):
            words = name.split()
            # "Cheng Mei-ling": a hyphenated given name follows the family name
            family = 0 if _GIVEN_NAME_AFTER.match(words[-1]) else -1
            if type_ == "PERSON" and len(words) == 2 and words[family] not in taken:
                lent[words[family]] = name
        for token in d[1:]:
            before = d[token.i - 1]
            if before.is_alpha and before.is_title and not is_title_token(before):
                firsts.setdefault(token.text, set()).add(before.text)
    return {surname: full for surname, full in lent.items() if not firsts.get(surname, set()) - set(full.split())}


def _short_forms(text: str, raw: list[tuple[int, str, str, int, int]]) -> dict[str, tuple[str, str]]:
    """Abbreviations an article defines in brackets: "the Coastal Fire and Rescue Authority (CFRA)" makes
    a later "CFRA" the same organisation."""
    found: dict[str, tuple[str, str]] = {}
    for where, type_, name, _, end in raw:
        match = _SHORT_FORM.match(text, end) if where == 0 and type_ != "PERSON" and " " in name else None
        if match is not None and _abbreviates(match.group("short"), name):
            found.setdefault(match.group("short"), (type_, name))
    return found


def _abbreviates(short: str, name: str) -> bool:
    """ "CFRA" abbreviates anything; a short form in ordinary case only the initials of the name it follows:
    "Independent Communications Authority of South Africa (Icasa)"."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return short.isupper() or short.upper() == initials.upper()


def credited_people(credits: Iterable[str | None]) -> list[Entity]:
    """Photographers named in photo credits ("AP Photo/Marco Ugarte, File"). They have no mentions in
    the body; the title "photographer" says where they come from."""
    people: dict[str, Entity] = {}
    for credit in credits:
        for piece in re.split(r"[/,;|]|\bby\b|:", credit or ""):
            name = _CREDIT_WORDS.sub("", piece).strip()
            if _PERSON_NAME.match(name) and name == piece.strip() and name not in people:
                people[name] = Entity(entity_id("PERSON", name), name, "PERSON", ("photographer",))
    return list(people.values())


_GROUPS = frozenset("owners parents couple spouses siblings brothers sisters twins founders family".split())


def _names_a_group(token: Token) -> bool:
    """Whether ``token`` ends a word for people named next: "Owners", "her parents,"."""
    if token.text == "," and token.i > 0:
        token = token.nbor(-1)
    return token.lower_ in _GROUPS


def _kin_named(doc: Doc, raw: list[tuple[int, str, str, int, int]]) -> list[tuple[str, int, int]]:
    """(full name, start, end) of a relative named by a first name: after the person last named ("Lucille
    Chacon … Her husband Tom said" is Tom Chacon), or before a full name ("Jacques and Lynne Roy")."""
    found = []
    people = sorted((start, name) for where, type_, name, start, _ in raw if where == 0 and type_ == "PERSON")
    full_at = {start: name for start, name in people if len(name.split()) == 2}
    surnames = {name.split()[-1] for _, name in people if " " in name}
    for first in doc[1:-2]:
        partner = doc[first.i + 2]
        if (
            first.nbor(1).lower_ == "and"
            and partner.idx in full_at
            and first.pos_ == "PROPN"
            and _NAME_TOKEN.match(first.text)
            # a name on its own, not the end of one ("Ann Lee and Tom Roy"), that opens a couple or a family:
            # not "between Clinton and Tim Kaine"
            and first.ent_iob_ != "I"
            and (first.is_sent_start or _names_a_group(first.nbor(-1)))
            and first.text not in surnames
            and not is_title_token(first)
        ):
            found.append((f"{first.text} {full_at[partner.idx].split()[-1]}", first.idx, first.idx + len(first.text)))
    for kin in doc[1:-1]:
        if kin.lower_ not in KIN_NOUNS:
            continue
        token, owner = kin.nbor(1), kin.nbor(-1)
        if not (
            owner.lower_ in {"his", "her", "their"}
            and token.pos_ == "PROPN"
            and _NAME_TOKEN.match(token.text)
            and (token.i + 1 == len(doc) or doc[token.i + 1].pos_ != "PROPN")
        ):
            continue
        named = [(start, name) for start, name in people if start < owner.idx]
        if not named:
            continue
        start, name = named[-1]
        # a full name, or a surname after an honorific: "Mrs Guest and her husband Sam"
        before = text_of(doc)[max(0, start - 8) : start].split()[-1:]
        surname = " " in name or any(word.rstrip(".") in _HONORIFIC_WORDS for word in before)
        if surname and token.text not in name.split():
            found.append((f"{token.text} {name.split()[-1]}", token.idx, token.idx + len(token.text)))
    return found


def _speaking_subjects(doc: Doc) -> set[str]:
    """The words that are somewhere the subject of a verb of speaking ("Toche" of "Toche said"), and never
    a body's name: one people speak to or through ("told Reuters", "according to Reuters"), or one that
    describes its staff ("Reuters journalists")."""
    subjects = {t.text for t in doc if t.dep_ == "nsubj" and t.head.lemma_ in _SPEAKING and _NAME_TOKEN.match(t.text)}
    media = {
        t.text
        for t in doc
        if t.text in subjects
        and (
            (t.dep_ == "dobj" and t.head.lemma_ == "tell")
            or (t.dep_ == "pobj" and t.head.head.lower_ == "according")
            or (t.dep_ == "compound" and t.head.tag_ == "NNS")
        )
    }
    return subjects - media


def _other_first_name(token: Token, full: str) -> bool:
    """A capitalised name word before a known surname that is not that person's: "Doreen" of "Doreen
    Morvik" when the surname stands for Dale Morvik."""
    return (
        token.pos_ == "PROPN"
        and bool(_NAME_TOKEN.match(token.text))
        and not is_title_token(token)
        and token.text not in _CALENDAR_WORDS
        and token.ent_type_ not in TYPES
        and token.text not in full.split()
        and token.whitespace_ == " "
    )


def _misread_full_name(name: str, lone_names: set[str]) -> bool:
    """A full name whose surname, or first name ("[Eddie Palmer]*ORG*" … "says [Eddie]*PERSON*"), the
    tagger calls a person on its own elsewhere."""
    words = name.split()
    titled = is_role_word(words[0]) or words[0].rstrip(".") in _HONORIFIC_WORDS  # "Cr Mackenzie" is no full name
    titled = titled or words[0] in _PLACE_LEADS  # nor is "Radio Tasca"
    return (
        len(words) in {2, 3}
        and (words[-1] in lone_names or words[0] in lone_names)
        and all(_NAME_TOKEN.match(w) or w in NAME_PARTICLES for w in words[1:-1])
        and _NAME_TOKEN.match(words[0])
        and _NAME_TOKEN.match(words[-1])
        and not titled
        and not any(word in _INSTITUTION_WORDS for word in words)  # "[Salim International]*ORG*" after "Salim"
    )


def _surname_of(name: str, surnames: dict[str, str]) -> str | None:
    """The full name for a surname, forgiving one wrong letter in a long one ("Sayed-Kaiyum" for
    "Sayed-Khaiyum"): scraped copy is full of such typos."""
    for form in (name, _PARTICLE.sub("", name)):  # "al-Harthy" is listed as "Harthy"
        if form in surnames:
            return surnames[form]
    # "Mackay" for "Derek MacKay", "Mcbride" for "Ann McBride": the same name in other capitals
    cased = {full for known, full in surnames.items() if known.lower() == name.lower()}
    if len(cased) == 1:
        return cased.pop()
    if len(name) < 6:
        return None
    near = {full for known, full in surnames.items() if len(known) >= 6 and _one_edit(name, known)}
    return near.pop() if len(near) == 1 else None


def _particle_surname(name: str, people: dict[str, _Cluster]) -> str | None:
    """The one full name that ends in ``name``, a surname with a particle: "Dos Reis" for "Carla dos Reis"."""
    if name.split()[0].lower() not in NAME_PARTICLES:
        return None
    tail = f" {name.lower()}"
    found = {full for full in people if full.lower().endswith(tail)}
    return found.pop() if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i:] == b[i + 1 :] if len(a) < len(b) else a[i + 1 :] == b[i + 1 :]


def _short_names(people: dict[str, _Cluster]) -> dict[str, str]:
    """A name of several words that begins or ends exactly one longer name -> that name: "Kamal Arif" is
    the "Kamal Arif Rahmat" named in full elsewhere, "Kofi Addo" the "Kofi Mensah-Addo"."""
    found = {}
    for name in people:
        words = name.split()
        longer = []
        for other in people:
            more = other.split()
            if len(more) > len(words) and words in (more[: len(words)], more[-len(words) :]):
                extra = more[len(words) :] if more[: len(words)] == words else more[: -len(words)]
                # only by more name words: not "PM Imran Khan" or a scrape's "Camera IconPremier Mark McGowan"
                if all(_PLAIN_NAME_WORD.fullmatch(w) and not is_role_word(w) for w in extra):
                    longer.append(other)
            elif len(more) == len(words) and more[:-1] == words[:-1] and more[-1].endswith(f"-{words[-1]}"):
                longer.append(other)  # "Kofi Addo" is "Kofi Mensah-Addo", by the last part of the surname
        if len(words) >= 2 and len(longer) == 1:
            found[name] = longer[0]
    return found


#: A word of a name: "Kamal", "Mensah-Addo", an initial "K." or initials written together ("RK Devan Pillai").
_PLAIN_NAME_WORD = re.compile(rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}]?[{_LOWER}'’]+)*|[A-Z]\.|[{_UPPER}]{{1,2}}")


def _surname_table(people: dict[str, _Cluster]) -> dict[str, str]:
    """Last name (or, failing that, first name: "Sir Keir", or a middle name: "Idrin" of "Musa Idrin
    Kolawe") -> full name, where unambiguous in the article."""
    table: dict[str, str] = {}
    for position in (-1, 0, slice(1, -1)):
        names: dict[str, set[str]] = {}
        for full in people:
            words = [word.rstrip(",") for word in full.split()]
            while len(words) > 2 and _GENERATION.match(words[-1]):
                words.pop()  # "Marco Quilty IV" is "Quilty"
            parts = words[position] if isinstance(position, slice) else [words[position]]
            # "al-Khalifa" is also written "Khalifa".
            for form in {form for part in parts for form in (part, _PARTICLE.sub("", part))}:
                if _NAME_TOKEN.match(form) and form not in _HONORIFIC_WORDS:
                    names.setdefault(form, set()).add(full)
        for part, fulls in names.items():
            if len(fulls) == 1 and part not in table:
                table[part] = next(iter(fulls))
    return table
