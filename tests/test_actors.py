"""Actor resolution: mentions to PLOVER country, sector and canonical name (``analyze/actors.py``).

Every mention and context sentence here is our own writing.
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from pathlib import Path

import pycountry
import pytest

from newsgraph.analyze import actors
from newsgraph.analyze.actors import INTERNATIONAL_CODES, ActorCode, kb_info, resolve_actor

KB_PATH = Path(actors.__file__).parent / "data" / "actors.json"
#: PLOVER manual, table 5.2.
SECTORS = set(
    "GOV MIL COP JUD LEG PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split()
)


def code(name: str, date: str | None = None, context: str = "") -> tuple[str | None, str | None, str | None]:
    found = resolve_actor(name, context=context, date=date)
    return found.country, found.sector, found.canonical


# --- The examples the events layer relies on ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("mention", "date", "country", "sector"),
    [
        ("Mexican President Claudia Sheinbaum", None, "MEX", "GOV"),
        ("US troops", None, "USA", "MIL"),
        ("U.S. troops", None, "USA", "MIL"),
        ("the Sinaloa Cartel", None, "MEX", "CRM"),
        ("Iran's supreme leader", "2020-01-08", "IRN", "GOV"),
        ("Tehran", None, "IRN", "GOV"),
        ("Washington", None, "USA", "GOV"),
        ("UK", None, "GBR", None),
        ("Britain", None, "GBR", None),
        ("the Pentagon", None, "USA", "MIL"),
        ("the Kremlin", None, "RUS", "GOV"),
        ("the White House", None, "USA", "GOV"),
        ("Hamas", None, "PSE", "REB"),
        ("NATO", None, "IGO", None),
        ("protesters", None, None, "CVL"),
        ("police in Lagos", None, "NGA", "COP"),
    ],
)
def test_required_examples(mention, date, country, sector):
    found = resolve_actor(mention, date=date)
    assert (found.country, found.sector) == (country, sector)


def test_office_holder_comes_from_the_date():
    assert code("Iran's supreme leader", "2020-01-08") == ("IRN", "GOV", "Ali Khamenei")
    assert code("the Mexican president", "2025-05-03") == ("MEX", "GOV", "Claudia Sheinbaum")
    assert code("the Mexican president", "2020-03-01") == ("MEX", "GOV", "Andrés Manuel López Obrador")
    assert code("the British prime minister", "2022-10-01")[2] == "Liz Truss"
    assert code("the British prime minister", "2022-10-25")[2] == "Rishi Sunak"


def test_trump_in_office_and_out():
    assert code("Trump", "2020-06-01") == ("USA", "GOV", "Donald Trump")
    # Between his terms he held no office: PLOVER's ELI, a former government official.
    assert code("Trump", "2022-06-01") == ("USA", "ELI", "Donald Trump")
    assert code("Trump", "2025-03-01") == ("USA", "GOV", "Donald Trump")
    assert code("former President Donald Trump", "2026-01-10") == ("USA", "ELI", "Donald Trump")


def test_regions_get_no_country():
    assert code("the West") == (None, None, None)
    assert code("Western governments") == (None, "GOV", None)
    assert code("Gulf states")[0] is None
    assert code("the Gulf of Mexico")[0] is None


def test_pycountry_fuzzy_traps_are_not_used():
    # pycountry's fuzzy search maps these through subdivision names; the alias table must decide them.
    assert code("Tehran")[0] == "IRN"
    assert code("Washington")[0] == "USA"
    assert code("UK")[0] == "GBR"
    assert code("Georgia")[0] == "GEO"
    assert code("New Mexico police")[:2] == ("USA", "COP")


# --- Country codes the PLOVER way --------------------------------------------------------------------------
def test_international_codes():
    assert code("UN Security Council") == ("UNO", "GOV", "United Nations Security Council")
    assert code("the EU")[0] == "EUR"
    assert code("the European Commission")[:2] == ("EUR", "GOV")
    assert code("the African Union")[0] == "IGO"
    assert code("the Red Cross")[:2] == ("NGO", "MED")
    assert code("Islamic State fighters")[:2] == ("IMG", "REB")


def test_dependencies_fold_into_their_state_and_kosovo_is_kos():
    assert code("Puerto Rico")[0] == "USA"
    assert code("Greenland")[0] == "DNK"
    assert code("Hong Kong protesters")[:2] == ("HKG", "CVL")
    assert code("Kosovo")[0] == "KOS"


def test_partially_recognised_entities():
    assert code("the Donetsk People's Republic")[:2] == ("UKR", "PRE")
    assert code("Transnistria")[:2] == ("MDA", "PRE")


# --- Sector from role words ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("mention", "sector"),
    [
        ("government officials", "GOV"),
        ("the interior minister", "GOV"),
        ("Russian soldiers", "MIL"),
        ("army units", "MIL"),
        ("riot police", "COP"),
        ("rebels in the north", "REB"),
        ("armed militants", "REB"),
        ("a local gang", "CRM"),
        ("opposition lawmakers", "OPP"),
        ("anti-government protesters", "OPP"),
        ("a mining company", "BUS"),
        ("foreign journalists", "JRN"),
        ("a state-run newspaper", "JRN"),
        ("hospital staff", "MED"),
        ("university students", "EDU"),
        ("refugees", "REF"),
        ("the supreme court", "JUD"),
        ("senators", "LEG"),
        ("intelligence officials", "SPY"),
        ("unknown gunmen", "UAF"),
        ("farmers", "AGR"),
        ("a rights group", "SOC"),
        ("Catholic bishops", "REL"),
    ],
)
def test_role_words(mention, sector):
    assert resolve_actor(mention).sector == sector


def test_specific_role_beats_generic_head():
    assert code("government troops")[1] == "MIL"
    assert code("police chief")[1] == "COP"
    assert code("Hamas officials")[:2] == ("PSE", "REB")
    assert code("Iranian officials")[:2] == ("IRN", "GOV")
    assert code("Sinaloa cartel gunmen")[:2] == ("MEX", "CRM")
    assert code("the Syrian Democratic Forces")[:2] == ("SYR", "REB")


def test_former_officials_are_eli():
    assert code("former Pakistani Prime Minister Imran Khan", "2024-05-01") == ("PAK", "ELI", "Imran Khan")
    assert code("Imran Khan", "2024-05-01") == ("PAK", "ELI", "Imran Khan")
    assert code("ex-president Bolsonaro", "2024-01-01") == ("BRA", "ELI", "Jair Bolsonaro")
    assert code("former rebels")[1] == "REB"


def test_demonyms_alone_are_civilians_and_bare_countries_have_no_sector():
    assert code("Palestinians")[:2] == ("PSE", "CVL")
    assert code("Iran") == ("IRN", None, None)
    assert code("Lagos")[:2] == ("NGA", "CVL")


# --- Names, patrons and targets ---------------------------------------------------------------------------
def test_patron_and_target_countries_are_not_the_actor():
    assert code("Iran-backed Houthis") == ("YEM", "REB", "Houthis")
    assert code("the US envoy to Iran")[:2] == ("USA", "GOV")
    assert code("pro-Russian separatists")[:2] == (None, "REB")


def test_where_the_actor_is_does_not_override_who_it_is():
    assert code("Trump in Riyadh", "2025-05-13") == ("USA", "GOV", "Donald Trump")
    assert code("Iranian diplomats in Geneva")[:2] == ("IRN", "GOV")
    assert code("residents in Tehran")[:2] == ("IRN", "CVL")
    assert code("the president of Mexico", "2025-05-03") == ("MEX", "GOV", "Claudia Sheinbaum")


def test_a_name_used_as_modifier_is_not_the_canonical():
    assert code("Trump administration", "2019-03-01") == ("USA", "GOV", None)
    assert code("Putin's aides") == ("RUS", "GOV", None)
    assert code("the Hamas-run health ministry") == ("PSE", "GOV", None)
    assert code("Claudia Sheinbaum, Mexico's president")[2] == "Claudia Sheinbaum"


def test_a_known_surname_inside_another_name_is_someone_else():
    assert code("the film star Jiang Jinfu")[2] is None
    assert code("Chelsea Clinton") == (None, None, None)
    assert code("Secretary of State Rubio", "2025-06-01") == ("USA", "GOV", "Marco Rubio")
    assert code("Mr. Trump", "2019-01-01")[2] == "Donald Trump"
    assert code("Somalia's former president Sharif Ahmed")[:2] == ("SOM", "ELI")
    assert code("Somalia's former president Sharif Ahmed")[2] is None


def test_an_unknown_holder_named_after_a_title_is_not_looked_up():
    assert code("Egyptian President Omar Fictional", "2020-01-01") == ("EGY", "GOV", None)
    assert code("President Ana Placeholder") == (None, "GOV", None)


def test_compounds_take_the_first_named():
    assert code("Rubio and Hegseth", "2025-06-01")[2] == "Marco Rubio"
    assert code("Russian and Saudi oil ministers meeting at OPEC")[:3] == ("RUS", "GOV", None)


def test_a_body_followed_by_one_persons_role_is_not_the_canonical():
    assert code("a CIA official") == ("USA", "SPY", None)
    assert code("NATO troops") == ("IGO", "MIL", "North Atlantic Treaty Organization")
    assert code("US-based Human Rights Watch") == ("NGO", "SOC", "Human Rights Watch")


def test_subdivisions_are_a_last_resort_for_places():
    assert code("police in Camarines Norte")[:2] == ("PHL", "COP")
    assert code("soldiers in Borno")[:2] == ("NGA", "MIL")


def test_groups_and_bodies():
    assert code("Hezbollah fighters") == ("LBN", "REB", "Hezbollah")
    assert code("the Jalisco cartel")[:2] == ("MEX", "CRM")
    assert code("al-Shabaab")[:2] == ("SOM", "REB")
    assert code("Boko Haram")[:2] == ("NGA", "REB")
    assert code("Wagner mercenaries")[:2] == ("RUS", "PRM")
    assert code("the FBI")[:2] == ("USA", "COP")
    assert code("Chinese state media")[:2] == ("CHN", "JRN")


def test_groups_change_sector_with_the_date():
    assert code("the Taliban", "2019-05-01")[:2] == ("AFG", "REB")
    assert code("the Taliban", "2023-05-01")[:2] == ("AFG", "GOV")
    assert code("the RSF", "2020-01-01")[:2] == ("SDN", "PRM")
    assert code("the RSF", "2024-01-01")[:2] == ("SDN", "REB")


def test_office_of_an_organisation():
    assert code("the Hezbollah leader", "2020-01-01") == ("LBN", "REB", "Hassan Nasrallah")
    assert code("UN Secretary-General", "2010-05-01") == ("UNO", "GOV", "Ban Ki-moon")
    assert code("the EU's foreign policy chief", "2022-01-01") == ("EUR", "GOV", "Josep Borrell")
    assert code("NATO's Mark Rutte", "2025-01-01") == ("IGO", "GOV", "Mark Rutte")
    assert code("Pakistan's army chief", "2024-01-01") == ("PAK", "MIL", "Asim Munir")
    assert code("the pope", "2024-01-01") == ("VAT", "REL", "Pope Francis")


def test_blocked_titles_name_nobody():
    assert code("the deputy prime minister of Israel", "2020-01-01")[2] is None
    assert code("Mexico's opposition leader")[1:] == ("OPP", None)
    assert code("the Iranian military chief")[2] is None


def test_shared_surnames_resolve_by_date_and_country():
    assert code("Clinton", "2010-01-01")[2] == "Hillary Clinton"
    assert code("Clinton", "2005-01-01")[1:] == ("ELI", "Bill Clinton")
    assert code("Jordan's King Abdullah", "2010-01-01")[2] == "Abdullah II"
    assert code("King Abdullah", "2010-01-01", context="The Saudi monarch met envoys in Riyadh.")[2] == (
        "Abdullah bin Abdulaziz"
    )


def test_accents_and_quote_marks_fold():
    assert code("Erdogan", "2016-01-01") == code("Erdoğan", "2016-01-01") == ("TUR", "GOV", "Recep Tayyip Erdoğan")
    assert code("Iran\u2019s supreme leader", "2020-01-01")[2] == "Ali Khamenei"


# --- Context ------------------------------------------------------------------------------------------------
def test_context_fills_a_bare_title():
    context = "The Mexican president, Claudia Sheinbaum, told a morning briefing that she had turned the plan down."
    assert code("the president", "2025-05-03", context) == ("MEX", "GOV", "Claudia Sheinbaum")
    assert code("the president", "2025-05-03", "Officials in Nairobi said the vote would go ahead.") == (
        "KEN",
        "GOV",
        "William Ruto",
    )


def test_context_fills_a_bare_role():
    assert code("police", context="A crowd gathered outside a market in Kano on Friday.")[:2] == ("NGA", "COP")
    assert code("the West", context="Iran's foreign ministry spoke on Monday.") == (None, None, None)


# --- API shape ----------------------------------------------------------------------------------------------
def test_actor_code_is_a_frozen_dataclass():
    found = resolve_actor("Hamas")
    assert isinstance(found, ActorCode)
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.country = "ISR"  # type: ignore[misc]
    assert {found, resolve_actor("Hamas")} == {found}


@pytest.mark.parametrize("mention", ["", "   ", "the weather", "Who"])
def test_unknown_mentions_code_to_nothing(mention):
    assert resolve_actor(mention) == ActorCode()


def test_partial_dates_and_default_date():
    assert code("Trump", "2020")[1] == "GOV"
    assert code("Trump", "2022-03")[1] == "ELI"
    info = kb_info()
    assert code("the Mexican president")[2] == "Claudia Sheinbaum"  # default: the KB's as-of date
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", info["as_of"])


def test_resolution_is_fast():
    resolve_actor("warm up")
    start = time.perf_counter()
    for i in range(500):
        resolve_actor(f"senior Israeli military officials near Gaza number {i}", date="2024-01-01")
    assert time.perf_counter() - start < 2.0


# --- The knowledge base itself -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def kb() -> dict:
    return json.loads(KB_PATH.read_text(encoding="utf-8"))


def _valid_code(value: str) -> bool:
    return value in INTERNATIONAL_CODES or value == "KOS" or pycountry.countries.get(alpha_3=value) is not None


def test_kb_is_versioned_and_large_enough(kb):
    assert kb["version"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", kb["as_of"])
    info = kb_info()
    assert info["countries_with_offices"] >= 30
    assert info["igos"] >= 20
    assert info["armed_and_criminal_groups"] >= 30
    names = {org["name"] for org in kb["organizations"]}
    for required in [
        "United Nations",
        "North Atlantic Treaty Organization",
        "European Union",
        "African Union",
        "OPEC",
        "International Atomic Energy Agency",
        "World Health Organization",
        "International Monetary Fund",
        "World Bank",
        "Association of Southeast Asian Nations",
        "Arab League",
        "Hamas",
        "Hezbollah",
        "Houthis",
        "Taliban",
        "Islamic State",
        "al-Qaeda",
        "al-Shabaab",
        "Boko Haram",
        "Wagner Group",
        "Sinaloa Cartel",
        "Jalisco New Generation Cartel",
    ]:
        assert required in names


def test_kb_codes_and_sectors_are_valid(kb):
    for code_ in kb["countries"]:
        assert _valid_code(code_), code_
    for territory, owner in kb["territories"].items():
        assert pycountry.countries.get(alpha_3=territory) and _valid_code(owner)
    for org in kb["organizations"]:
        assert _valid_code(org["country"]), org["name"]
        assert org["sector"] is None or org["sector"] in SECTORS, org["name"]
    for person in kb["people"].values():
        assert all(role["sector"] in SECTORS for role in person.get("roles", ()))


def test_kb_terms_are_dated_and_ordered(kb):
    date = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
    title_keys = set(actors._TITLES)
    org_names = {org["name"] for org in kb["organizations"]}
    for office in kb["offices"]:
        assert office["of"] in org_names or _valid_code(office["of"]), office["office"]
        assert set(office["titles"]) <= title_keys, office["office"]
        previous_end = ""
        for holder, start, end in office["holders"]:
            assert date.fullmatch(start), (office["office"], holder)
            assert end is None or date.fullmatch(end), (office["office"], holder)
            assert end is None or start < end, (office["office"], holder)
            assert start >= previous_end[: len(start)], (office["office"], holder)  # no overlapping terms
            previous_end = end or "9999"
        assert all(end is not None for _, _, end in office["holders"][:-1]), office["office"]
