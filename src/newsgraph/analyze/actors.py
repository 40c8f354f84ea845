"""Actors: a mention as written ("US troops", "Iran's supreme leader") to a PLOVER country, sector and name.

>>> resolve_actor("Mexican President Claudia Sheinbaum")
ActorCode(country='MEX', sector='GOV', canonical='Claudia Sheinbaum')
>>> resolve_actor("the Mexican president", date="2025-05-03")
ActorCode(country='MEX', sector='GOV', canonical='Claudia Sheinbaum')
>>> resolve_actor("Trump", date="2022-06-01")
ActorCode(country='USA', sector='ELI', canonical='Donald Trump')

Codes follow the PLOVER manual, chapter 5:

- ``country`` is an ISO 3166-1 alpha-3 code, ``KOS`` for Kosovo, or one of the manual's international codes
  ``UNO`` (United Nations bodies), ``EUR`` (European Union bodies), ``IGO`` (other intergovernmental
  organisations), ``NGO``, ``IMG`` (transnational militarized group), ``ISM``, ``MNC``. Dependencies fold into
  their controlling state (Puerto Rico is USA). A regional construct ("the West", "Gulf states") gets none.
- ``sector`` is one of the manual's codes: GOV MIL COP JUD LEG PRM PTY REB SPY UAF AGR BUS CRM CVL EDU ELI JRN
  LAB MED (health, not media) REF OPP PRE REL SOC. A bare country ("Iran") has none, as in the PLOVER gold
  standard; a capital or seat of government ("Tehran", "the Kremlin") is GOV; a person who once held an
  office in the knowledge base but holds none on ``date`` is ELI (former official).
- ``canonical`` is the full name of a known person or body, when the mention is about that person or body.

How: the mention is folded (accents, quote marks) and scanned once with precompiled trie regexes built from
``data/actors.json`` (a curated, dated knowledge base) and pycountry's country names, plus small lexicons of
role words; ``date`` picks the office holder in force then. Results are cached per mention.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pycountry

_DATA = Path(__file__).parent / "data" / "actors.json"

#: PLOVER's international non-state "country" codes (manual, table 5.1).
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


@dataclass(frozen=True)
class ActorCode:
    """An actor mention coded the PLOVER way; every field is ``None`` when unknown."""

    country: str | None = None
    sector: str | None = None
    canonical: str | None = None


# --- Role words -------------------------------------------------------------------------------------------
#: Words that fix the sector wherever they stand (the last one in the mention wins: "government troops" is MIL).
_STRONG = {
    "GOV": """government, governments, administration, cabinet, ministry, ministries, minister, ministers,
        president, presidents, presidency, prime minister, premier, chancellor, king, queen, monarch, emir, sultan,
        crown prince, supreme leader, regime, junta, governor, governors, mayor, mayors, diplomat, diplomats,
        ambassador, ambassadors, envoy, envoys, embassy, consulate, secretary, secretaries, secretary-general,
        secretary general, attorney general, central bank, treasury, negotiator, negotiators, delegation,
        ruling party, vice president, vice-president, state counsellor, chief adviser, top diplomat, emperor,
        councillor, councilor, state councillor, state councilor, foreign ministry""",
    "MIL": """military, militaries, army, armies, troops, soldier, soldiers, navy, naval forces, air force,
        marines, armed forces, defense forces, defence forces, generals, warplanes, warplane, fighter jets,
        warships, warship, tanks, paratroopers, special forces, peacekeepers, peacekeeping force, national guard,
        coast guard, battalion, garrison, sailors, army chief, commander-in-chief, military chief""",
    "COP": """police, policeman, policemen, policewoman, police officer, police officers, police department,
        security forces, riot police, border guard, border guards, border police, gendarmes, gendarmerie,
        sheriff, law enforcement, detectives, constabulary""",
    "SPY": """intelligence, spy, spies, spy agency, spymaster, intelligence agency, intelligence service,
        intelligence services""",
    "JUD": """court, courts, judge, judges, judiciary, justice, justices, chief justice, prosecutor, prosecutors,
        prosecution, tribunal, magistrate, magistrates""",
    "LEG": """parliament, parliaments, parliamentary, lawmaker, lawmakers, legislator, legislators, legislature,
        congressman, congresswoman, congressional, senate, senator, senators, house of representatives,
        lower house, upper house, national assembly, MP, MPs, deputies, speaker""",
    "PTY": "party, parties, political party",
    "OPP": "dissident, dissidents, opposition party, opposition parties",
    "REB": """rebel, rebels, insurgent, insurgents, militant, militants, guerrilla, guerrillas, guerilla,
        guerillas, jihadist, jihadists, separatist, separatists, terrorist, terrorists, extremist, extremists,
        militia, militias, militiamen, armed group, armed groups, insurgency""",
    "PRM": "paramilitary, paramilitaries, pro-government militia, pro-government militias, mercenary, mercenaries",
    "UAF": "unknown gunmen, unidentified gunmen, unidentified attackers, unknown assailants",
    "CRM": """cartel, cartels, gang, gangs, gangster, gangsters, criminal, criminals, smuggler, smugglers,
        trafficker, traffickers, drug lord, drug lords, kingpin, mafia, pirates, kidnappers, hostage-takers,
        hackers, thieves, robbers, organized crime, organised crime""",
    "CVL": """civilian, civilians, residents, villagers, citizens, protester, protesters, protestors,
        demonstrators, activist, activists, crowd, crowds, voters, passengers, settlers, hostages, victims,
        prisoners, migrants, nationals, tourists, pilgrims, worshippers""",
    "BUS": """company, companies, firm, firms, business, businesses, businessman, businessmen, businesswoman,
        corporation, corporations, conglomerate, executive, executives, CEO, investors, bank, banks, manufacturer,
        manufacturers, retailer, airline, airlines, industry, shareholders, traders, exporters, importers,
        automaker, oil company, tech giant, startup""",
    "JRN": """journalist, journalists, reporter, reporters, newspaper, newspapers, media, broadcaster,
        broadcasters, television, TV, radio, news agency, editor, editors, correspondent, correspondents,
        state media, news outlet, outlet, magazine, website, websites, web sites, blogger, bloggers""",
    "MED": """doctor, doctors, nurse, nurses, medic, medics, hospital, hospitals, health worker, health workers,
        medical workers, physicians, paramedics, surgeons, medical staff""",
    "EDU": """student, students, teacher, teachers, school, schools, university, universities, professor,
        professors, academics, schoolchildren""",
    "REL": """church, churches, clergy, cleric, clerics, bishop, bishops, archbishop, priest, priests, imam,
        imams, rabbi, rabbis, pope, monks, religious leader, religious leaders, mosque""",
    "LAB": """union, unions, trade union, trade unions, labor union, labor unions, labour union, labour unions,
        strikers, miners, dockworkers""",
    "AGR": "farmer, farmers, peasant, peasants, herders, agricultural workers",
    "REF": "refugee, refugees, displaced, asylum seekers, asylum-seekers, internally displaced",
    "SOC": """aid group, aid groups, aid agency, aid agencies, charity, charities, non-governmental organization,
        non-governmental organizations, NGO, NGOs, human rights group, human rights groups, rights group,
        rights groups, civil society, aid workers, humanitarian groups, advocacy group""",
}
#: Generic heads: they give a sector only when nothing more specific does ("Hamas officials" stay REB).
_WEAK = {
    "GOV": """official, officials, authorities, leader, leaders, leadership, chief, head, spokesman, spokeswoman,
        spokesperson, aide, aides, adviser, advisers, advisor, advisors""",
    "MIL": "forces, commander, commanders",
    "REB": "fighters",
    "UAF": "gunmen, gunman, assailants, attackers, bomber, bombers",
    "CVL": "people, families, supporters",
    "LAB": "workers, employees",
    "REL": "ayatollah",
    "PTY": "campaign",
}
#: One person's role after a body's name: then the actor is that person, not the body ("CIA official").
_PERSON_ROLES = frozenset(
    """official, spokesman, spokeswoman, spokesperson, minister, secretary, president, envoy, ambassador, chief,
    head, leader, commander, director, chairman, chairwoman, adviser, advisor, aide, negotiator, diplomat""".replace(
        ",", " "
    ).split()
)
#: Words that may stand right before a bare surname without making it someone else's name.
_HONORIFICS = frozenset(
    "mr mrs ms miss dr sir dame lord lady sen rep gov gen lt col maj capt sgt adm cmdr sheikh ayatollah mullah "
    "prince princess imam rabbi father brother judge justice".split()
)
#: Before a government role these make a former official (PLOVER's ELI).
_FORMER = re.compile(r"\b(?:former|ex|ousted|deposed|exiled|retired|one-time|onetime|erstwhile)\b", re.I)
#: These make the actor the political opposition whatever the head noun ("opposition lawmakers").
_OPPOSITION = re.compile(r"(?<![\w-])(?:opposition|anti-government|anti-regime)(?![\w-])", re.I)
_ELI_FROM = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

#: Office title keys (as used in ``actors.json``) -> the ways news text writes them.
_TITLES = {
    "president": "president",
    "prime minister": "prime minister, prime-minister, premier, PM",
    "chancellor": "chancellor",
    "supreme leader": "supreme leader",
    "leader": "leader",
    "king": "king",
    "queen": "queen",
    "monarch": "monarch",
    "emir": "emir",
    "emperor": "emperor",
    "crown prince": "crown prince",
    "pope": "pope",
    "foreign minister": """foreign minister, foreign secretary, minister of foreign affairs,
        external affairs minister, top diplomat""",
    "secretary of state": "secretary of state",
    "defense minister": """defense minister, defence minister, defense secretary, defence secretary,
        secretary of defense, secretary of war, war secretary, pentagon chief""",
    "vice president": "vice president, vice-president",
    "army chief": """army chief, chief of army staff, army chief of staff, military chief, commander-in-chief,
        commander in chief""",
    "secretary-general": "secretary-general, secretary general, general secretary",
    "party chief": "party chief",
    "director-general": "director-general, director general",
    "managing director": "managing director",
    "chief": "chief, head",
    "foreign policy chief": "foreign policy chief, high representative",
    "chief adviser": "chief adviser",
    "state counsellor": "state counsellor",
    "junta chief": "junta chief, junta leader, military ruler",
    "prosecutor": "prosecutor, chief prosecutor",
    "political chief": "political chief",
}
#: Titles that name one office anywhere: "the pope" needs no country.
_IMPLIED_ENTITY = {"pope": "VAT"}
#: Role words that count only in lower case: "Union" is part of a name ("Civil Liberties Union").
_LOWER_ONLY = frozenset({"union", "unions"})
#: Titles so generic that a modifier in front ("military chief", "rebel leader") means another office.
_GENERIC_TITLES = frozenset({"leader", "chief"})
#: A word just before a title that means the title is not the office holder in force.
_TITLE_BLOCK = re.compile(
    r"\b(?:former|ex|ousted|deposed|exiled|late|deputy|vice|acting|interim|caretaker|shadow|future|next|incoming|"
    r"would-be|assistant|junior|state|provincial|regional|opposition|self-declared|self-proclaimed|rival)[\s-]+$",
    re.I,
)
#: A name right after one of these is what the actor acts on, not the actor ("the US envoy to Iran").
_SECONDARY_BEFORE = re.compile(
    r"\b(?:to|against|toward|towards|with|on|over|into|at|versus|vs\.?|near|than|about|for|by|between)\s+(?:the\s+)?$",
    re.I,
)
#: A place after one of these is where the actor is ("police in Lagos", "Trump in Riyadh"): it gives the
#: country only when nothing else in the mention does, and a capital there is no seat of government.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|from|near|outside|around|across|inside)\s+(?:the\s+)?$", re.I)
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
#: Names in these compounds are someone else's patron or foe ("Iran-backed", "anti-Western").
_EXCLUDED_BEFORE = re.compile(r"\b(?:pro|anti|non|ex)-$", re.I)
_EXCLUDED_AFTER = re.compile(
    r"^-(?:backed|allied|aligned|supported|funded|sponsored|linked|affiliated|inspired|friendly|leaning|"
    r"sympathetic|style|born|bound|based|headquartered)\b",
    re.I,
)
_POSSESSIVE_AFTER = re.compile(r"^'s?\s+\w")
#: A body named in one of these compounds only qualifies the actor ("Hamas-run ministry", "US-led coalition").
_MODIFIER_AFTER = re.compile(r"^-(?:run|led|controlled|held|owned|ruled|dominated|appointed)\b", re.I)

_FOLD = str.maketrans(
    "\u2019\u2018\u02bc\u00b4`\u201c\u201d\u2010\u2011\u2012\u2013\u00a0\u0131\u0142\u0141\u00f8\u00d8\u0111",
    "'''''\"\"---- ilLoOd",
)


def _fold(text: str) -> str:
    """Accents and typographic quotes folded away, so "Erdoğan" matches "Erdogan"."""
    text = text.translate(_FOLD).replace("\u00df", "ss")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation for many literal strings, factored as a trie so matching stays linear."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """Role words and titles: case-insensitive, except all-caps abbreviations ("MP", "TV")."""
    alternatives = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = re.escape(phrase)
        alternatives.append(f"(?-i:{escaped})" if any(c.isupper() for c in phrase) else escaped)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)


def _words(table: dict[str, str], strong: bool) -> dict[str, tuple[str, bool]]:
    return {w.strip(): (sector, strong) for sector, words in table.items() for w in words.split(",") if w.strip()}


#: Role word as written in the lexicon (lower case, or an abbreviation) -> (sector, strong).
_CUE_WORDS = {**_words(_WEAK, False), **_words(_STRONG, True)}
_CUE_RE = _phrase_regex(_CUE_WORDS)
#: Words before a generic title that leave it the entity's own office ("the leader", "its chief").
_DETERMINERS = frozenset("the a an its their his her our whose top new".split())
#: Title as written (lower case) -> title key.
_TITLE_KEYS = {w.strip().lower(): key for key, words in _TITLES.items() for w in words.split(",") if w.strip()}
_TITLE_RE = _phrase_regex(w.strip() for words in _TITLES.values() for w in words.split(",") if w.strip())
_DAY_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _bound(date: str | None, *, end: bool) -> str:
    """A KB date as a sortable day; a missing start is the distant past, a missing end the distant future."""
    if not date:
        return "9999-12-31" if end else "0000-01-01"
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


# --- Knowledge base ---------------------------------------------------------------------------------------
class _Ref(NamedTuple):
    kind: str  # country | demonym | capital | place | region | org | person
    code: str | None = None  # country code, for the geographic kinds
    target: str | None = None  # org or person name


class _Term(NamedTuple):
    person: str
    start: str
    end: str
    office: _Office


@dataclass
class _Office:
    name: str
    of: str  # a country code or an organisation name
    country: str | None
    titles: frozenset[str]
    sector: str | None
    leader: tuple[str, str] | None
    terms: list[_Term]

    def leads(self, day: str) -> bool:
        if self.leader is not None:
            return self.leader[0] <= day < self.leader[1]
        return "leader" in self.titles


@dataclass
class _Org:
    name: str
    country: str | None
    sector: str | None
    periods: tuple[tuple[str, str, str], ...] = ()

    def sector_at(self, day: str) -> str | None:
        for start, end, sector in self.periods:
            if start <= day < end:
                return sector
        return self.sector


@dataclass
class _Person:
    name: str
    country: str | None = None
    roles: tuple[tuple[str, str, str], ...] = ()
    terms: list[_Term] = field(default_factory=list)


class _Hit(NamedTuple):
    start: int
    end: int
    refs: tuple[_Ref, ...]
    primary: bool


class _KB:
    """``actors.json`` and pycountry compiled into alias tables and two trie regexes."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.version: str = data["version"]
        self.as_of: str = data["as_of"]
        self.exact: dict[str, list[_Ref]] = {}
        self.folded: dict[str, list[_Ref]] = {}  # lower-cased keys: multi-word organisation names
        self.orgs: dict[str, _Org] = {}
        self.people: dict[str, _Person] = {}
        self.offices: dict[tuple[str, str], list[_Office]] = {}
        self.offices_of: dict[str, list[_Office]] = {}
        self._load_geography(data)
        self._load_orgs(data["organizations"])
        self._load_offices(data["offices"])
        self._load_people(data["people"])
        self.territories: dict[str, str] = data["territories"]
        self._load_pycountry(data["territories"])
        self.exact_re = re.compile(r"(?<!\w)(?:" + _trie_pattern(self.exact) + r")(?!\w)")
        self.folded_re = re.compile(r"(?<!\w)(?:" + _trie_pattern(self.folded) + r")(?!\w)", re.I)

    def _add(self, alias: str, ref: _Ref) -> None:
        alias = " ".join(_fold(alias).split())
        if not alias:
            return
        if ref.kind == "org" and " " in alias:
            refs = self.folded.setdefault(alias.lower(), [])
        else:
            refs = self.exact.setdefault(alias, [])
        if ref not in refs:
            refs.append(ref)

    def _load_geography(self, data: dict[str, Any]) -> None:
        for code, entry in data["countries"].items():
            for name in entry.get("names", ()):
                self._add(name, _Ref("country", code))
            for demonym in entry.get("demonyms", ()):
                self._add(demonym, _Ref("demonym", code))
                if demonym.endswith(("an", "i")):
                    self._add(demonym + "s", _Ref("demonym", code))
            for capital in entry.get("capitals", ()):
                self._add(capital, _Ref("capital", code))
            for place in entry.get("places", ()):
                self._add(place, _Ref("place", code))
        for region in data["regions"]:
            self._add(region, _Ref("region"))

    def _load_pycountry(self, territories: dict[str, str]) -> None:
        """ISO names the curated table lacks; dependencies fold into their controlling state (PLOVER 5.1.2)."""
        for country in pycountry.countries:
            code = territories.get(country.alpha_3, country.alpha_3)
            names = {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}
            for name in names:
                name = re.sub(r"\s*\(.*\)$", "", name).removeprefix("the ").strip()
                if name and "," not in name and " ".join(_fold(name).split()) not in self.exact:
                    self._add(name, _Ref("country", code))

    def _load_orgs(self, orgs: list[dict[str, Any]]) -> None:
        for entry in orgs:
            periods = tuple(
                (_bound(p.get("start"), end=False), _bound(p.get("end"), end=True), p["sector"])
                for p in entry.get("periods", ())
            )
            org = _Org(entry["name"], entry["country"], entry.get("sector"), periods)
            self.orgs[org.name] = org
            for alias in (org.name, *entry.get("aliases", ())):
                self._add(alias, _Ref("org", target=org.name))

    def _load_offices(self, offices: list[dict[str, Any]]) -> None:
        for entry in offices:
            of = entry["of"]
            country = self.orgs[of].country if of in self.orgs else of
            leader = entry.get("leader")
            office = _Office(
                name=entry["office"],
                of=of,
                country=country,
                titles=frozenset(_TITLE_KEYS.get(t, t) for t in entry["titles"]),
                sector=entry.get("sector"),
                leader=(_bound(leader[0], end=False), _bound(leader[1], end=True)) if leader else None,
                terms=[],
            )
            for person, start, end in entry["holders"]:
                term = _Term(person, _bound(start, end=False), _bound(end, end=True), office)
                office.terms.append(term)
                holder = self.people.setdefault(person, _Person(person))
                holder.terms.append(term)
            self.offices_of.setdefault(of, []).append(office)
            for title in office.titles:
                self.offices.setdefault((of, title), []).append(office)

    def _load_people(self, people: dict[str, dict[str, Any]]) -> None:
        for name, entry in people.items():
            person = self.people.setdefault(name, _Person(name))
            person.country = entry.get("country")
            person.roles = tuple(
                (_bound(r.get("start"), end=False), _bound(r.get("end"), end=True), r["sector"])
                for r in entry.get("roles", ())
            )
            for alias in entry.get("aliases", ()):
                self._add(alias, _Ref("person", target=name))
        for name in self.people:
            self._add(name, _Ref("person", target=name))

    # -- lookups --
    def scan(self, text: str) -> list[_Hit]:
        """Known names in ``text`` (folded), longest first where they overlap, in text order."""
        spans: dict[tuple[int, int], list[_Ref]] = {}
        for match in self.exact_re.finditer(text):
            spans.setdefault(match.span(), []).extend(self.exact.get(match.group(), ()))
        for match in self.folded_re.finditer(text):
            spans.setdefault(match.span(), []).extend(self.folded.get(match.group().lower(), ()))
        kept: list[tuple[int, int]] = []
        for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            if spans[(start, end)] and all(end <= a or start >= b for a, b in kept):
                kept.append((start, end))
        hits = []
        for start, end in sorted(kept):
            before, after = text[:start], text[end:]
            if _EXCLUDED_BEFORE.search(before) or _EXCLUDED_AFTER.match(after):
                continue
            primary = not _SECONDARY_BEFORE.search(before)
            hits.append(_Hit(start, end, tuple(spans[(start, end)]), primary))
        return hits

    def holder(self, of: str, title: str, day: str) -> _Term | None:
        """Who held the office called ``title`` of ``of`` (a country code or an organisation) on ``day``."""
        if title == "leader":
            offices = [o for o in self.offices_of.get(of, ()) if o.leads(day)]
        else:
            offices = self.offices.get((of, title), [])
        for office in offices:
            for term in office.terms:
                if term.start <= day < term.end:
                    return term
        return None

    def countries_of(self, name: str) -> set[str | None]:
        """Every country a known person is tied to: their offices' and their own."""
        person = self.people[name]
        return {person.country, *(t.office.country for t in person.terms)}

    def office_sector(self, office: _Office, day: str) -> str:
        if office.sector:
            return office.sector
        org = self.orgs.get(office.of)
        return (org.sector_at(day) if org else None) or "GOV"

    def person_state(self, name: str, day: str) -> tuple[str | None, str | None, bool]:
        """(country, sector, active) of a known person on ``day``; ELI once every office is behind them."""
        person = self.people[name]
        terms = person.terms
        for term in terms:
            if term.start <= day < term.end:
                return term.office.country, self.office_sector(term.office, day), True
        for start, end, sector in person.roles:
            if start <= day < end:
                return person.country or (terms[0].office.country if terms else None), sector, True
        past = [t for t in terms if t.end <= day]
        if past:
            latest = max(past, key=lambda t: t.end)
            return latest.office.country, "ELI", False
        return person.country or (terms[0].office.country if terms else None), None, False


@functools.cache
def _kb() -> _KB:
    return _KB(json.loads(_DATA.read_text(encoding="utf-8")))


def kb_info() -> dict[str, Any]:
    """Version, as-of date and size of the shipped actor knowledge base."""
    kb = _kb()
    offices = [o for group in kb.offices_of.values() for o in group]
    countries = {o.of for o in offices if o.of not in kb.orgs}
    armed = {"REB", "CRM", "PRM"}
    groups = [o for o in kb.orgs.values() if o.sector in armed or any(p[2] in armed for p in o.periods)]
    return {
        "version": kb.version,
        "as_of": kb.as_of,
        "countries_with_offices": len(countries),
        "offices": len(offices),
        "terms": sum(len(o.terms) for o in offices),
        "people": len(kb.people),
        "igos": sum(1 for o in kb.orgs.values() if o.country in {"IGO", "UNO", "EUR"}),
        "armed_and_criminal_groups": len(groups),
        "organizations": len(kb.orgs),
    }


# --- Parsing a mention ------------------------------------------------------------------------------------
class _Cue(NamedTuple):
    start: int
    end: int
    sector: str
    strong: bool
    word: str


@dataclass(frozen=True)
class _Parsed:
    hits: tuple[_Hit, ...]
    cues: tuple[_Cue, ...]
    title: tuple[int, int, str] | None  # start, end, key: the office named, unless blocked
    former: bool
    opposition: bool
    text: str


@functools.lru_cache(maxsize=8192)
def _parse(name: str) -> _Parsed:
    text = " ".join(_fold(name).split())
    hits = tuple(h for h in _kb().scan(text) if not _someone_else(text, h))
    inside = [(h.start, h.end) for h in hits if any(r.kind in {"org", "person"} for r in h.refs)]
    cue_text = re.sub(r"\bex-", "ex ", text, flags=re.I)
    cues = []
    for match in _CUE_RE.finditer(cue_text):
        if any(a <= match.start() < b for a, b in inside):
            continue  # "Sinaloa Cartel", "Israel Defense Forces": the body's own name, not a role word
        if match.group().lower() in _LOWER_ONLY and not match.group().islower():
            continue
        sector, strong = _CUE_WORDS.get(match.group()) or _CUE_WORDS[match.group().lower()]
        cues.append(_Cue(match.start(), match.end(), sector, strong, match.group().lower()))
    title = None
    for match in _TITLE_RE.finditer(cue_text):
        if any(a <= match.start() < b for a, b in inside):
            continue
        key = _TITLE_KEYS[match.group().lower()]
        before = cue_text[: match.start()]
        blocked = bool(_TITLE_BLOCK.search(before)) or cue_text[match.end() :].startswith("-elect")
        previous = before.split()[-1] if before.split() else ""
        if key in _GENERIC_TITLES and previous[:1].islower() and previous not in _DETERMINERS:
            blocked = True  # "military chief", "rebel leader": another office than the entity's own
        named = re.match(r"\s+(?=[A-Z])", cue_text[match.end() :])
        if named and not any(h.start == match.end() + named.end() for h in hits):
            blocked = True  # "President Maithripala Sirisena": the holder is named, and not someone we know
        title = None if blocked else (match.start(), match.end(), key)
    former = False
    for match in _FORMER.finditer(cue_text):
        later_cue = any(c.start > match.start() and c.sector in _ELI_FROM and c.strong for c in cues)
        later_person = any(h.start > match.start() and h.refs[0].kind == "person" for h in hits)
        former = former or later_cue or later_person
    opposition = bool(_OPPOSITION.search(cue_text))
    return _Parsed(hits, tuple(cues), title, former, opposition, text)


def _someone_else(text: str, hit: _Hit) -> bool:
    """A bare surname inside another full name: "Jiang" in "actor Jiang Jinfu", "Clinton" in "Chelsea Clinton"."""
    if any(r.kind != "person" for r in hit.refs) or " " in text[hit.start : hit.end]:
        return False
    following = re.match(r"\s+([A-Z][\w'-]*)", text[hit.end :])
    if following and following.group(1).lower() not in _CUE_WORDS:
        return True
    before = text[: hit.start].rstrip()
    preceding = re.search(r"[A-Z][\w'.-]*$", before)
    if preceding is None or preceding.group().rstrip(".").lower() in _HONORIFICS:
        return False
    roles = [*_CUE_RE.finditer(before), *_TITLE_RE.finditer(before)]  # "Secretary of State Rubio"
    return not any(m.end() == len(before) for m in roles) and not _kb().scan(preceding.group())


def _day(date: str | None) -> str:
    """The query date as YYYY-MM-DD; a bare year means mid-year, a month its middle; none means the KB's as-of."""
    match = _DAY_RE.match(date.strip()) if date else None
    if not match:
        return _kb().as_of
    year, month, day = match.groups()
    return f"{year}-{month}-{day}" if day else f"{year}-{month}-15" if month else f"{year}-07-01"


def _geo(hit: _Hit) -> _Ref | None:
    return next((r for r in hit.refs if r.kind in {"country", "demonym", "capital", "place"}), None)


def _choose_person(candidates: list[str], day: str, countries: Iterable[str]) -> str:
    """One person among those sharing a name: the mention's or article's country, then office on ``day``."""
    kb = _kb()
    if len(candidates) == 1:
        return candidates[0]
    wanted = set(countries)

    def rank(name: str) -> tuple[int, int, str]:
        country, _, active = kb.person_state(name, day)
        past = [t.end for t in kb.people[name].terms if t.end <= day]
        return (country in wanted, active, max(past, default=""))

    return max(candidates, key=rank)


@functools.lru_cache(maxsize=32)
def _context(context: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Country codes and person candidates named in the surrounding text, in order."""
    kb = _kb()
    countries: list[str] = []
    people: list[tuple[str, ...]] = []
    text = " ".join(_fold(context).split())
    for hit in kb.scan(text):
        if not hit.primary or _someone_else(text, hit):
            continue
        persons = tuple(r.target for r in hit.refs if r.kind == "person" and r.target)
        if persons:
            people.append(persons)
            continue
        geo = _geo(hit)
        org = next((kb.orgs[r.target] for r in hit.refs if r.kind == "org" and r.target), None)
        code = geo.code if geo else org.country if org else None
        if code and code not in INTERNATIONAL_CODES:
            countries.append(code)
    return tuple(countries), tuple(people)


def resolve_actor(name: str, *, context: str = "", date: str | None = None) -> ActorCode:
    """Code an actor mention: PLOVER country, sector and, for a known person or body, its canonical name.

    ``context`` (the sentence or article) fills in the country of a bare role ("the president", "police")
    and separates people who share a surname; ``date`` (YYYY-MM-DD) picks the office holder in force then
    and defaults to the knowledge base's as-of date.

    >>> resolve_actor("Iran's supreme leader", date="2020-01-08")
    ActorCode(country='IRN', sector='GOV', canonical='Ali Khamenei')
    """
    if not name or not name.strip():
        return ActorCode()
    kb = _kb()
    parsed = _parse(name)
    day = _day(date)
    text = parsed.text
    primary = [h for h in parsed.hits if h.primary]
    region = any(r.kind == "region" for h in primary for r in h.refs)
    orgs = [(h, kb.orgs[r.target]) for h in primary for r in h.refs if r.kind == "org" and r.target]
    geos = [(h, ref) for h in primary if (ref := _geo(h)) is not None]
    located = [g for g in geos if _LOCATIVE_BEFORE.search(text[: g[0].start])]
    geos = [g for g in geos if g not in located]
    person_hits = [h for h in primary if any(r.kind == "person" for r in h.refs)]
    org_hit, org = orgs[-1] if orgs else (None, None)
    if org_hit and geos and geos[0][0].start < org_hit.start and geos[0][1].code != org.country:
        org_hit, org = None, None  # "Russian and Saudi ministers at OPEC": the first-named country acts
    org_is_head = org_hit is not None and not _MODIFIER_AFTER.match(text[org_hit.end :])
    org_names_person = org_hit is not None and (
        any(c.start >= org_hit.end and c.word in _PERSON_ROLES for c in parsed.cues)
        or (parsed.title is not None and parsed.title[0] >= org_hit.end)
    )
    explicit = org.country if org else geos[0][1].code if geos else None

    def after(position: int) -> bool:
        """Whether a role word follows ``position`` in the same phrase ("Trump administration", "Putin's
        aides"): then the name there is a modifier, not the actor. An apposition after a comma is not."""
        following = any(c.start >= position and "," not in text[position : c.start] for c in parsed.cues)
        return following or bool(_POSSESSIVE_AFTER.match(text[position:]))

    person: str | None = None
    person_is_head = False
    if person_hits:
        hit = person_hits[0]  # "Rubio and Hegseth": the first named acts
        candidates = [r.target for r in hit.refs if r.kind == "person" and r.target]
        if explicit:  # a known surname under another flag is someone else ("Somali president ... Sharif")
            candidates = [c for c in candidates if explicit in kb.countries_of(c)]
        hints = [explicit] if explicit else list(_context(context)[0]) if context else []
        person = _choose_person(candidates, day, hints) if candidates else None
        person_is_head = not after(hit.end)

    # The office named by a title, held by someone on ``day``.
    office_term: _Term | None = None
    title_is_head = False
    if person is None and parsed.title and not region:
        _, end, key = parsed.title
        title_is_head = not after(end)
        entity = org.name if org else explicit or (located[0][1].code if located else _IMPLIED_ENTITY.get(key))
        if entity is None and context:
            office_term = _from_context(key, day, context)
        elif entity is not None:
            office_term = kb.holder(entity, key, day)
            if office_term is None and org and org.country and org.country not in INTERNATIONAL_CODES:
                office_term = kb.holder(org.country, key, day)
        if office_term is not None:
            person = office_term.person
            person_is_head = title_is_head

    # Country.
    country = explicit
    person_country = person_sector = None
    person_active = False
    if person is not None:
        person_country, person_sector, person_active = kb.person_state(person, day)
        if office_term is not None:
            person_country = office_term.office.country
            person_sector, person_active = kb.office_sector(office_term.office, day), True
        country = country or person_country
    if country is None and located:
        country = located[0][1].code
    if country is None and not region:
        country = _subdivision_country(text)
    if country is None and not region and context and (parsed.cues or parsed.title):
        found = _context(context)[0]
        country = Counter(found).most_common(1)[0][0] if found else None

    # Sector: opposition / former, then the last specific role word, then the entity, then generic words.
    strong = [c for c in parsed.cues if c.strong]
    weak = [c for c in parsed.cues if not c.strong]
    if parsed.former:
        sector: str | None = "ELI"
    elif parsed.opposition and not any(c.sector == "REB" for c in parsed.cues):
        sector = "OPP"
    elif strong:
        sector = strong[-1].sector
    else:
        sector = None
        if person is not None and (person_active or org is None):
            sector = person_sector
        elif org is not None and org_is_head:
            sector = org.sector_at(day)
        elif geos and geos[0][1].kind == "capital" and not _OF_BEFORE.search(text[: geos[0][0].start]):
            sector = "GOV"  # "Tehran", "Washington": the capital stands for the government
        if sector is None and weak:
            sector = weak[-1].sector
        places = geos or located
        if sector is None and places and places[0][1].kind in {"demonym", "place", "capital"}:
            sector = "CVL"  # "Palestinians", "Lagos": the people of a place
    if org is not None and org.sector_at(day) == "PRE" and sector in {None, "GOV"}:
        sector = "PRE"  # a partially recognised entity keeps its tag (PLOVER 5.1.3)

    canonical = None
    if person is not None and person_is_head:
        canonical = person
    elif org is not None and org_is_head and not org_names_person and (person is None or not person_is_head):
        canonical = org.name
    return ActorCode(country=country, sector=sector, canonical=canonical)


@functools.cache
def _subdivisions() -> dict[str, str]:
    """ISO 3166-2 subdivision names that belong to one country only: the last resort for "police in Kano"."""
    kb = _kb()
    owners: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        name = " ".join(_fold(sub.name).split())
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None and name not in kb.exact:
            owners.setdefault(name, set()).add(kb.territories.get(country.alpha_3, country.alpha_3))
    return {name: codes.pop() for name, codes in owners.items() if len(codes) == 1}


_IN_PLACE = re.compile(r"\b(?:in|from|of|near)\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})")


def _subdivision_country(text: str) -> str | None:
    for match in _IN_PLACE.finditer(text):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            code = _subdivisions().get(" ".join(words[:size]))
            if code:
                return code
    return None


def _from_context(title: str, day: str, context: str) -> _Term | None:
    """A bare title ("the president"): someone named in the context who holds it, else the main country's."""
    kb = _kb()
    countries, people = _context(context)
    for candidates in people:
        for name in candidates:
            for term in kb.people[name].terms:
                if term.start <= day < term.end and (
                    title in term.office.titles or (title == "leader" and term.office.leads(day))
                ):
                    return term
    for code, _ in Counter(countries).most_common():
        term = kb.holder(code, title, day)
        if term is not None:
            return term
    return None
