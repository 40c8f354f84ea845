"""Titles and roles written next to a name: "Mexican President", "Iran's Supreme Leader", "spokesperson"."""

from __future__ import annotations

import re

#: Family ties written like titles: "sister Orla Quinlan told reporters", "her sister said".
KIN_NOUNS = (
    "sister", "brother", "mother", "father", "wife", "husband", "son", "daughter", "aunt", "uncle", "cousin",
    "grandmother", "grandfather", "niece", "nephew", "fiancée", "fiancé", "fiancee", "fiance",
)  # fmt: skip
#: Nouns for a person that are no title: "the dejected man recalled", "a second trader, Obinna, said".
PERSON_NOUNS = frozenset(
    """man woman boy girl father mother husband wife son daughter widow widower villager survivor victim
    teenager grandmother grandfather person employee worker resident patient parent neighbour neighbor witness
    passenger driver customer shopper trader member volunteer voter mum mom dad partner friend colleague relative
    pal fan supporter spectator contractor refugee grower commuter pensioner migrant shopkeeper vendor motorist
    cyclist pedestrian player carer caregiver student pupil homeowner tenant landlord eyewitness bystander
    onlooker tailor operator mechanic labourer laborer cleaner guard hawker artisan welder plumber electrician
    cashier clerk servant ratepayer taxpayer applicant veteran youngster newcomer debutant""".split()
)
#: The parties a court report names by role: "the accused said" is someone "he" can refer back to, though
#: never someone to look for among the people named ("the accused" is rarely the last man named).
PARTY_NOUNS = frozenset("accused defendant complainant plaintiff appellant respondent".split())
#: Head nouns of titles and roles. Multi-word ones first so the longest wins.
ROLE_NOUNS = [
    "supreme leader", "prime minister", "foreign minister", "defence minister", "defense minister",
    "interior minister", "finance minister", "health minister", "secretary of state", "secretary-general",
    "secretary general", "attorney general", "vice president", "vice-president", "national security adviser",
    "press secretary", "chief executive", "chief of staff", "crown prince", "head of state", "party leader",
    "opposition leader", "army chief", "police chief", "central bank governor", "foreign secretary",
    "home secretary", "undersecretary", "under-secretary",
    "chancellor", "president", "premier", "minister", "secretary", "senator", "sen.",
    "congressman", "congresswoman", "representative", "rep.", "governor", "gov.", "mayor", "king", "queen",
    "prince", "princess", "emperor", "ayatollah", "leader", "chairman", "chairwoman", "chairperson", "chair", "ceo",
    "director", "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "judge", "justice",
    "general", "gen.", "commander", "colonel", "col.", "lieutenant", "lt.", "admiral", "sheikh", "shaikh", "pope",
    "cardinal", "archbishop", "bishop", "rabbi", "imam", "professor", "prof.", "dr.", "economist", "analyst",
    "adviser", "advisor", "official", "diplomat", "lawmaker", "councillor", "councilor", "commissioner",
    "chief", "head", "founder", "coach", "captain", "skipper", "striker", "midfielder", "defender", "winger",
    "goalkeeper", "batsman", "bowler", "all-rounder", "allrounder", "selector", "manager", "editor", "reporter",
    "gp", "taoiseach", "tánaiste", "tanaiste",
    "climatologist", "meteorologist", "forecaster", "astronomer", "geologist", "epidemiologist", "virologist",
    "psychologist", "physician", "pharmacist", "dentist", "veterinarian", "architect", "planner", "trustee",
    "headteacher", "headmaster", "headmistress",
    "correspondent", "photographer", "lawyer", "attorney", "prosecutor", "sheriff", "inspector", "officer",
    "treasurer", "executive", "harbour master", "harbormaster", "superintendent", "councilman", "councilwoman",
    "alderman", "mp", "owner", "president-elect", "vice chancellor", "curator", "organiser", "organizer",
    "engineer", "teacher", "doctor", "nurse", "farmer", "fisherman", "scientist", "researcher", "expert",
    "activist", "historian", "author", "writer", "artist", "singer", "actor", "priest", "pastor", "economist",
    "actress", "rapper", "musician", "comedian", "filmmaker", "producer", "dancer", "designer", "chef",
    "strategist", "pollster", "consultant", "candidate", "boss", "gaffer", "recorder",
    "lecturer", "principal", "surgeon", "pilot", "captain",
    "presenter", "host", "anchor", "broadcaster", "commentator", "columnist", "speaker",
    "detective", "det.", "sergeant", "sgt.", "constable", "const.", "insp.", "barrister", "solicitor", "counsel",
    "advocate",
    "magistrate", "justice of the peace", "paramedic", "firefighter", "cllr", "cllr.", "cr", "cr.", "cs", "coun",
    "coun.", "clr",
    "geologist", "biologist", "astronomer", "physicist", "chemist", "meteorologist", "forecaster",
    "archaeologist", "ecologist", "psychologist", "epidemiologist", "architect", "planner", "surveyor",
    "council member", "board member", "assembly member", "assemblyman", "assemblywoman", "trustee",
    "councilperson", "councilmember", "selectman", "selectwoman", "supervisor", "legislator",
    "deputy", "dep", "dep.", "td", "msp", "mla", "am", "mep", "collector", "chief whip", "whip",
    # a member of a South African province's executive council; a chief justice, a chief minister and a prime
    # minister as South Asian papers write them
    "mec", "cj", "cm", "pm",
    # rugby positions written like titles: "Lock Ali Varley", "flanker Tom Ruane"
    "lock", "flanker", "fly-half", "scrum-half", "fullback",
    # police and military ranks as British and Irish papers abbreviate them, with no full stop
    "supt", "supt.", "sgt", "insp", "det", "dci", "dc", "ds", "pc", "pcso", "gda", "comdt", "capt", "capt.",
    "lt", "col", "gen", "cmdr", "cmdr.", "cpl", "cpl.", "corporal", "brigadier", "brig", "brig.", "maj.", "garda",
    # police ranks as South Asian and Caribbean papers write them; a coroner and a coordinator
    "dsp", "asp", "ssp", "dig", "igp", "coroner", "coordinator", "co-ordinator",
    # the head of a Canadian rural municipality; the chair of an Irish council
    "reeve", "cathaoirleach", "ceann comhairle",
    *KIN_NOUNS,
]  # fmt: skip
_ROLE_SET = frozenset(ROLE_NOUNS)
_ROLE_FIRST_WORDS = frozenset(role.split()[0] for role in ROLE_NOUNS if " " in role)
_ROLE = "|".join(re.escape(r) for r in sorted(ROLE_NOUNS, key=len, reverse=True))
_MODIFIER = (
    r"(?:former|then|ex|acting|interim|deputy|vice|chief|senior|top|incoming|outgoing|newly elected|"
    r"(?-i:U\.S\.|[A-Z]{2,6}|[A-Z][a-z]+(?:an|ian|ese|ish|ic|i|ch|al)|[A-Z][\w.-]+(?:'s|’s)))"
)
#: A title right before a name: "Iran's Supreme Leader ", "US President ", "President-elect ".
TITLE_BEFORE = re.compile(
    rf"(?<![\w-])(?P<title>(?:(?:{_MODIFIER}|{_ROLE})[\s-]+){{0,4}}(?:{_ROLE})(?:-elect|s)?)\s+$",
    re.IGNORECASE,
)
#: A title set off by a comma before a name: "The city treasurer, Ingrid Solberg", "The Ashanti Regional Minister, …".
TITLE_BEFORE_COMMA = re.compile(
    rf"(?:\b(?:the|its|their|his|her)\s+|^)(?P<title>(?:[\w’'-]+\s+){{0,3}}(?:{_ROLE})),\s+$", re.IGNORECASE
)
#: An appositive title right after a name: ", the former vice president,", ", the trust's director".
TITLE_AFTER = re.compile(
    rf"^\s*,\s+(?:the\s+|a\s+|an\s+)?(?P<title>(?:(?:{_MODIFIER}|[a-z]+(?:'s|’s))[\s-]+){{0,3}}"
    rf"(?:{_ROLE})(?:-elect)?)\b",
    re.IGNORECASE,
)
#: A role noun used as a speaker: "the president", "the council spokesperson", "the ministry".
#: Nouns for organisations that speak: "the ministry said", "the station said in a statement".
BODY_NOUNS = frozenset(
    """ministry government council agency department company court police army military station channel
    broadcaster network newspaper paper party group organisation organization office embassy union
    committee commission board bank firm campaign authority authorities administration parliament
    cabinet club federation association foundation university hospital airline regulator force service
    trust""".split()
)
ROLE_MENTION = re.compile(
    rf"^(?:the|a|an|this|that)\s+(?:[\w.’'-]+\s+){{0,3}}?(?P<role>{_ROLE}|{'|'.join(sorted(BODY_NOUNS))})$",
    re.IGNORECASE,
)


def title_before(text: str, start: int) -> str | None:
    """The title written just before ``text[start:]``, looking back at most 80 characters."""
    window = text[max(0, start - 80) : start]
    window = window.split("\n")[-1]
    match = TITLE_BEFORE.search(window) or TITLE_BEFORE_COMMA.search(window)
    if not match:
        return None
    return match.group("title").strip()


#: A speech verb right after a role: "… Ravi Kulkarni, the chief minister said" names a new speaker.
_SPEAKS_NEXT = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:said|says|told|tells|added|adds|noted|asked|replied|stated|explained|insisted|"
    r"argued|warned|wrote)\b"
)


def title_after(text: str, end: int) -> str | None:
    window = text[end : end + 100]
    match = TITLE_AFTER.match(window)
    if not match or _SPEAKS_NEXT.match(window, match.end()) or _ACTS_NEXT.match(window, match.end()):
        return None
    return match.group("title").strip()


#: Any other verb right after the role: "Convicting Tong, the judge ordered …" names who acted, not Tong's title.
_ACTS_NEXT = re.compile(r"\s+(?!(?:of|for|at|in|on|from|with|since|and|or|who|whose|which)\b)[a-z]+(?:ed|s)\b")


def role_head(mention: str) -> str | None:
    """The role noun of a speaker description ("the council spokesperson" -> "spokesperson")."""
    match = ROLE_MENTION.match(mention.strip())
    return match.group("role").lower() if match else None


def is_role_noun(word: str) -> bool:
    """A role noun of one word ("speaker", "Minister", "seismologist"), not the first word of a longer one."""
    return word.lower() in _ROLE_SET or bool(_PROFESSION.match(word.lower()))


def is_role_word(word: str) -> bool:
    """A role noun, or the first word of one ("Supreme" of "Supreme Leader"), which spaCy tags as an ORG."""
    lowered = word.lower()
    return is_role_noun(word) or lowered in _ROLE_FIRST_WORDS


#: Professions by their ending: seismologist, agronomist, oceanographer, paediatrician, psychiatrist.
_PROFESSION = re.compile(r"^[a-z]{3,}(?:ologist|onomist|ographer|ician|iatrist)$")
