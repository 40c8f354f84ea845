"""Entity names: what belongs to a name and how later mentions join it."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

import newsgraph
from newsgraph.analyze import analyze
from newsgraph.analyze.entities import find_entities
from newsgraph.analyze.nlp import get_nlp
from newsgraph.records import CleanArticle, Entity, Removed


def _tagged(text: str, *spans: tuple[int, int, str]) -> list[Entity]:
    """The entities of ``text`` when the tagger labels exactly ``spans`` (token start, end, label)."""
    return list(find_entities(_doc_tagged(text, *spans)).entities)


def _doc_tagged(text: str, *spans: tuple[int, int, str]) -> Doc:
    doc = get_nlp()(text)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


def _types(text: str, *spans: tuple[int, int, str]) -> dict[str, str]:
    return {e.name: e.type for e in _tagged(text, *spans)}


def test_a_generation_suffix_is_part_of_the_name_and_not_the_surname() -> None:
    (article,) = newsgraph.extract(
        "Senator Marco Quilty IV voted against the harbour bill on Monday.\n\n"
        "“The bill fails every harbour town on the coast,” Quilty said.\n\n"
        "Since 2019, Kenneth Okafor, Sr. has run the pier.",
        as_is=True,
    )
    names = {e.name for e in article.entities if e.type == "PERSON"}
    assert "Marco Quilty IV" in names
    assert any(name.startswith("Kenneth Okafor, Sr") for name in names)
    (quote,) = [q for q in article.quotes if q.text.startswith("The bill fails")]
    assert quote.speaker.name == "Marco Quilty IV"


def test_a_surname_the_tagger_reads_as_a_common_noun_still_names_the_speaker() -> None:
    (article,) = newsgraph.extract(
        "Nora Banks, shop steward for the dockers, said managers called her to a meeting on Thursday.\n\n"
        '"The closure came three weeks early for the night shift," Banks said. "Nobody warned them."',
        as_is=True,
    )
    (quote,) = [q for q in article.quotes if q.kind == "direct"]
    assert quote.speaker.name == "Nora Banks"


def test_honorifics_of_one_and_two_words_are_not_part_of_a_name() -> None:
    (article,) = newsgraph.extract(
        "Prime Minister Datuk Seri Anwar Salleh opened the harbour on Monday. "
        "Hon. Kofi Mensah Boateng, the regional minister, attended.",
        as_is=True,
    )
    names = {e.name for e in article.entities if e.type == "PERSON"}
    assert "Anwar Salleh" in names
    assert "Kofi Mensah Boateng" in names


def test_a_name_with_a_persons_title_after_it_is_a_person_whatever_the_tagger_said() -> None:
    types = _types(
        "Obiora Ezenwa, chairman of the market, confirmed the fire. Brent Council, the authority, agreed.",
        (0, 2, "LOC"),
        (12, 14, "ORG"),
    )
    assert types["Obiora Ezenwa"] == "PERSON"
    assert types["Brent Council"] == "ORG"


def test_a_name_ending_in_a_bodys_word_is_an_organisation_whatever_the_tagger_said() -> None:
    types = _types(
        "The Harbour Basin Authority has blamed the warm water. Blue Harbour Nights opened on Friday.",
        (0, 4, "WORK_OF_ART"),
        (10, 13, "WORK_OF_ART"),
    )
    assert types == {"Harbour Basin Authority": "ORG"}


def test_a_name_described_as_a_body_is_an_organisation_whatever_the_tagger_said() -> None:
    types = _types(
        "An Fórsa Cósta, the coastal rescue service, said a man was held. Ivo Brandt, the pilot, agreed.",
        (0, 3, "PERSON"),
        (15, 17, "PERSON"),
    )
    assert types["An Fórsa Cósta"] == "ORG"
    assert types["Ivo Brandt"] == "PERSON"


def test_a_name_placed_south_of_is_a_place_whatever_the_tagger_said() -> None:
    types = _types("The school is located south of Kembla. Ivo Brandt runs it.", (6, 7, "PERSON"), (8, 10, "PERSON"))
    assert types == {"Kembla": "GPE", "Ivo Brandt": "PERSON"}


def test_a_full_name_the_tagger_called_a_place_is_a_person_when_its_surname_is_one() -> None:
    people = {
        e.name: len(e.mentions)
        for e in _tagged(
            "Jazz legend Tomas Okafor died on Tuesday. Okafor played for fifty years.", (2, 4, "FAC"), (8, 9, "PERSON")
        )
        if e.type == "PERSON"
    }
    assert people == {"Tomas Okafor": 2}


def test_a_name_set_beside_a_role_is_a_person_whatever_the_tagger_said() -> None:
    text = "“We cannot hold the vote in April,” the chairman of the harbour board Ravindu Pelawatte said on Thursday."
    assert _types(text, (17, 19, "ORG"))["Ravindu Pelawatte"] == "PERSON"


def test_a_day_or_a_place_run_into_a_known_surname_is_not_a_first_name() -> None:
    text = (
        "Health secretary Owen Marsh expects more cases.\n\n"
        "On Wednesday Marsh confirmed two cases in Harbourton.\n\n"
        "Asked how travellers could leave mainland Veloria Marsh said flights were still running. "
        "Veloria has closed its ports."
    )
    # As the tagger labels them: "[Wednesday]*DATE* [Marsh]*PERSON*", "[Veloria Marsh]*ORG*", "[Veloria]*GPE*".
    entities = _tagged(text, (2, 4, "PERSON"), (10, 11, "DATE"), (11, 12, "PERSON"), (25, 27, "ORG"), (33, 34, "GPE"))
    people = [e for e in entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Owen Marsh"]
    assert len(people[0].mentions) == 3


def test_the_holder_of_a_role_of_a_body_is_split_from_the_body() -> None:
    text = "Chairman of Harbour Ferry Trust Ines Tombe said the news was a relief."
    types = _types(text, (2, 7, "ORG"))
    assert types.get("Ines Tombe") == "PERSON"
    assert types.get("Harbour Ferry Trust") == "ORG"


def test_a_particle_joins_a_family_name_the_tagger_took_for_a_place() -> None:
    text = "“We have to cut jobs,” said Carla dos Reis, the chain’s chief executive."
    # As the tagger labels it: "[Carla]*PERSON* dos [Reis]*GPE*".
    types = _types(text, (9, 10, "PERSON"), (11, 12, "GPE"))
    assert types == {"Carla dos Reis": "PERSON"}


def test_a_bodys_acronym_before_a_name_is_not_part_of_it() -> None:
    text = (
        "Deputy steward of the TGU Marit Solheim, 41, has been told she will finish in May.\n\n"
        "Marit, who has worked at the plant for nine years, said the staff were in shock."
    )
    # As the tagger labels it: "[TGU Marit Solheim]*PERSON*" and "[Marit]*PERSON*".
    (person,) = [e for e in _tagged(text, (4, 7, "PERSON"), (20, 21, "PERSON")) if e.type == "PERSON"]
    assert person.name == "Marit Solheim"
    assert len(person.mentions) == 2


def test_a_malaysian_two_word_title_after_a_role_is_not_part_of_the_name() -> None:
    text = "KUALA LUMPUR: Prime Minister Tan Sri Razlan Hamzah congratulated the candidates on Thursday."
    people = [e.name for e in find_entities(get_nlp()(text)).entities if e.type == "PERSON"]
    assert people == ["Razlan Hamzah"]


def test_a_descriptor_before_a_full_name_is_not_part_of_it() -> None:
    text = "Resident Carla Mendes lives on the third floor.\n\n“I saw sparks falling past my window,” Mendes said."
    # As the tagger labels it: "[Resident Carla Mendes]*PERSON*".
    (person,) = [e for e in _tagged(text, (0, 3, "PERSON")) if e.type == "PERSON"]
    assert person.name == "Carla Mendes"


def test_a_single_name_after_the_is_no_person() -> None:
    text = "The Bill now heads to the president. Members voted for the Bill on Tuesday."
    # As the tagger labels it: "The [Bill]*PERSON*".
    assert not [e for e in _tagged(text, (0, 2, "PERSON")) if e.type == "PERSON"]


def test_a_name_set_beside_a_whip_is_a_person() -> None:
    text = "Senate Chief Whip, Tahir Bulama raised a point of order. Bulama said the rules were clear."
    # As the tagger labels it: "[Tahir Bulama]*ORG*", "[Bulama]*ORG*".
    types = _types(text, (4, 6, "ORG"), (11, 12, "ORG"))
    assert types == {"Tahir Bulama": "PERSON"}


def test_a_hyphenated_surname_the_tagger_called_a_body_is_a_person() -> None:
    text = "“We fought for every budget line,” said Alina Varga-Holt of the 41st District."
    doc = get_nlp()(text)
    start = next(t.i for t in doc if t.text == "Varga")
    doc.ents = [Span(doc, start, start + 3, label="ORG")]  # "Alina [Varga-Holt]*ORG*"
    assert [(e.name, e.type) for e in find_entities(doc).entities] == [("Alina Varga-Holt", "PERSON")]


def test_a_full_name_the_tagger_called_a_body_is_a_person_when_its_first_name_is_one() -> None:
    text = "One cold morning, Edda Palmquist went to check the sett.\n\n“They stay for ever,” says Edda."
    # As the tagger labels it: "[Edda Palmquist]*ORG*" … "[Edda]*PERSON*".
    doc = get_nlp()(text)
    first = next(t.i for t in doc if t.text == "Edda")
    last = next(t.i for t in doc if t.text == "Edda" and t.i > first)
    doc.ents = [Span(doc, first, first + 2, label="ORG"), Span(doc, last, last + 1, label="PERSON")]
    (person,) = find_entities(doc).entities
    assert (person.name, person.type, len(person.mentions)) == ("Edda Palmquist", "PERSON", 2)


def test_a_full_name_right_after_a_role_and_a_comma_is_a_person() -> None:
    text = "At this point, Senate Chief Whip, Ibrahim Mongudu raised a point of order, citing sections of the rulebook."
    doc = get_nlp()(text)
    assert doc[9].dep_ != "appos"  # the parser hangs the name elsewhere than on the role
    start = next(t.i for t in doc if t.text == "Ibrahim")
    doc.ents = [Span(doc, start, start + 2, label="ORG")]  # "[Tahir Bulama]*ORG*", whatever the parse
    assert [(e.name, e.type) for e in find_entities(doc).entities] == [("Ibrahim Mongudu", "PERSON")]


def test_a_short_form_in_ordinary_case_names_the_body_it_abbreviates() -> None:
    text = (
        "The Independent Harbour Authority of South Halden (Ihash) has closed the auction.\n\n"
        "Ihash said the next round starts in May."
    )
    # As the tagger labels it: "The [Independent Harbour Authority of South Halden]*ORG* (Ihash)" … "[Ihash]*ORG*"
    bodies = [e for e in _tagged(text, (1, 7, "ORG"), (16, 17, "ORG")) if e.type == "ORG"]
    assert [(e.name, len(e.mentions)) for e in bodies] == [("Independent Harbour Authority of South Halden", 2)]


def test_a_company_named_without_its_suffix_is_the_same_company() -> None:
    text = "Harbourcom PLC has restored its payment service. Harbourcom said the fault lasted six hours."
    doc = get_nlp()(text)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 8, 9, label="ORG")]
    (company,) = find_entities(doc).entities
    assert (company.name, len(company.mentions)) == ("Harbourcom PLC", 2)


def test_a_descriptor_before_a_single_name_is_not_part_of_it() -> None:
    text = "“We lost everything at the border,” said Refugee Aqil, 34."
    doc = get_nlp()(text)
    start = next(t.i for t in doc if t.text == "Refugee")
    (person,) = [e for e in _tagged(text, (start, start + 2, "PERSON")) if e.type == "PERSON"]
    assert person.name == "Aqil"


def test_a_name_that_modifies_village_is_a_place() -> None:
    text = "Nagesh farms at Kembalur village. Kembalur villagers fetch water from the next district."
    doc = get_nlp()(text)
    spans = [(t.i, t.i + 1, "PERSON") for t in doc if t.text == "Kembalur"]
    assert _types(text, *spans) == {"Kembalur": "GPE"}


def test_a_name_with_counsel_after_it_is_a_person() -> None:
    text = "The case was adjourned after Kanu Obiora, counsel to the senator, asked for more time. Obiora said so."
    doc = get_nlp()(text)
    start = next(t.i for t in doc if t.text == "Kanu")
    later = next(t.i for t in doc if t.text == "Obiora" and t.i > start + 1)
    # As the tagger labels it: "[Kanu Obiora]*ORG*" … "[Obiora]*GPE*"
    doc.ents = [Span(doc, start, start + 2, label="ORG"), Span(doc, later, later + 1, label="GPE")]
    (person,) = [e for e in find_entities(doc).entities if e.type == "PERSON"]
    assert (person.name, len(person.mentions)) == ("Kanu Obiora", 2)


def test_a_participle_opening_the_sentence_is_not_a_first_name() -> None:
    text = (
        "Wiremu Tane, 23, had admitted careless driving.\n\n"
        "Convicting Tane, the judge ordered payment of $10,000 reparation."
    )
    doc = get_nlp()(text)
    start = next(t.i for t in doc if t.text == "Convicting")
    first = next(t.i for t in doc if t.text == "Wiremu")
    people = _tagged(text, (first, first + 2, "PERSON"), (start, start + 2, "PERSON"))
    assert [(e.name, len(e.mentions), e.titles) for e in people] == [("Wiremu Tane", 2, ())]


def test_a_surname_in_other_capitals_is_the_same_person() -> None:
    text = "Finance Secretary Derek McRae said the package was fair. Mcrae said councils must explain it."
    doc = get_nlp()(text)
    first = next(t.i for t in doc if t.text == "Derek")
    later = next(t.i for t in doc if t.text == "Mcrae")
    (person,) = _tagged(text, (first, first + 2, "PERSON"), (later, later + 1, "PERSON"))
    assert (person.name, len(person.mentions)) == ("Derek McRae", 2)


def test_a_quoted_nickname_and_a_latin_title_are_not_part_of_a_name() -> None:
    text = (
        "Senator Marco “Chito” Villareal said the petition was their right.\n\n"
        "Senate President Pro Tempore Ramon Arcilla said he expected little from it."
    )
    doc = get_nlp()(text)
    marco = next(t.i for t in doc if t.text == "Marco")
    pro = next(t.i for t in doc if t.text == "Pro")
    people = _tagged(text, (marco, marco + 4, "PERSON"), (pro, pro + 4, "PERSON"))
    assert sorted(e.name for e in people) == ["Marco Villareal", "Ramon Arcilla"]


def test_a_middle_name_alone_is_the_person_whose_full_name_holds_it() -> None:
    text = "Senate spokesman Musa Idrin Kolawe briefed reporters. Idrin said the nomination was rejected."
    doc = get_nlp()(text)
    first = next(t.i for t in doc if t.text == "Musa")
    later = next(t.i for t in doc if t.text == "Idrin" and t.i > first + 1)
    entities = _tagged(text, (first, first + 3, "PERSON"), (later, later + 1, "ORG"))
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [("Musa Idrin Kolawe", "PERSON", 2)]


def test_a_generation_after_a_titled_name_stays_with_it() -> None:
    text = "PRESIDENT Aurelio T. Banzon, Jr. on Wednesday said the agency would change. Mr. Banzon chairs its board."
    doc = get_nlp()(text)
    banzon = [t.i for t in doc if t.text == "Banzon"]
    people = [e for e in _tagged(text, (1, banzon[0] + 1, "PERSON"), (banzon[1], banzon[1] + 1, "PERSON"))]
    assert [(e.name, len(e.mentions)) for e in people] == [("Aurelio T. Banzon, Jr.", 2)]


def test_the_place_a_role_is_held_for_is_not_part_of_the_holders_name() -> None:
    text = "Finance Minister of Kestria Omar Valdi on Saturday said doing business in Kestria had become dear."
    doc = get_nlp()(text)
    first = next(t.i for t in doc if t.text == "Kestria")
    types = _types(text, (first, first + 3, "ORG"))
    assert types == {"Kestria": "GPE", "Omar Valdi": "PERSON"}


def test_a_surname_after_a_quoted_nickname_the_tagger_cut_off_joins_the_name() -> None:
    text = "Board member Jomo “Wasu” Kithinji said farmers will get their dues in July. Kithinji said so again."
    doc = get_nlp()(text)
    first = next(t.i for t in doc if t.text == "Jomo")
    later = [t.i for t in doc if t.text == "Kithinji"]
    spans = [(first, first + 3, "PERSON"), (later[0], later[0] + 1, "ORG"), (later[1], later[1] + 1, "ORG")]
    assert [(e.name, e.type, len(e.mentions)) for e in _tagged(text, *spans)] == [("Jomo Kithinji", "PERSON", 2)]


def test_a_county_set_beside_its_town_is_a_place() -> None:
    text = "Speaking on Thursday in Kiandoro, Karimbu, during a medical camp, the director said bonuses would rise."
    doc = get_nlp()(text)
    town = next(t.i for t in doc if t.text == "Kiandoro")
    assert _types(text, (town, town + 1, "GPE"), (town + 2, town + 3, "PERSON")) == {
        "Kiandoro": "GPE",
        "Karimbu": "GPE",
    }


def test_a_numbered_zone_is_not_a_first_name() -> None:
    # Built by hand: the tagger reads "Zone-6" as a proper noun only in some sentences.
    words = ["Engineer", "of", "Dhaka", "Zone-6", "Karim", "Uddin", "Hasan", "said", "so", "."]
    pos = ["PROPN", "ADP", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"]
    doc = Doc(
        get_nlp().vocab, words=words, pos=pos, ents=["O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON"] + ["O"] * 3
    )
    assert [e.name for e in find_entities(doc).entities] == ["Karim Uddin Hasan"]


def test_a_short_form_of_several_words_is_the_one_longer_name_it_begins() -> None:
    text = "Minister Datuk Seri Kamal Arif Rahmat said the firm was hired. Kamal Arif said the report would follow."
    doc = get_nlp()(text)
    first = next(t.i for t in doc if t.text == "Kamal")
    later = next(t.i for t in doc if t.text == "Kamal" and t.i > first)
    people = _tagged(text, (first, first + 3, "PERSON"), (later, later + 2, "PERSON"))
    assert [(e.name, len(e.mentions)) for e in people] == [("Kamal Arif Rahmat", 2)]


def test_a_titled_name_of_four_words_the_tagger_holds_together_stays_whole() -> None:
    text = "Prime Minister Tuala Aiono Saleni Maliotu said the council had apologised."
    doc = get_nlp()(text)
    first = next(t.i for t in doc if t.text == "Tuala")
    people = [e for e in _tagged(text, (first, first + 4, "PERSON")) if e.type == "PERSON"]
    assert [e.name for e in people] == ["Tuala Aiono Saleni Maliotu"]


def test_the_words_of_a_name_already_found_are_not_mentions_of_their_own() -> None:
    text = "Ada Brisk Hanna Voss will speak at noon.\n\nVoss said so."
    index = find_entities(_doc_tagged(text, (0, 2, "PERSON")))  # the tagger stops short; the name runs on
    voss = text.rindex("Voss")
    assert [(s, e) for s, e, _ in index.spans] == [(0, len("Ada Brisk Hanna Voss")), (voss, voss + 4)]


def test_a_title_and_a_known_surname_the_tagger_called_a_body_is_the_person() -> None:
    text = "Councillor Pascal Moyne spoke first. To this, Cllr. Moyne said the houses were promised."
    doc = get_nlp()(text)
    first = next(t.i for t in doc if t.text == "Pascal")
    cllr = next(t.i for t in doc if t.text == "Cllr.")
    people = _tagged(text, (first, first + 2, "PERSON"), (cllr, cllr + 2, "ORG"))
    assert [(e.name, e.type, len(e.mentions)) for e in people] == [("Pascal Moyne", "PERSON", 2)]


def test_an_untagged_acronym_is_the_body_it_abbreviates() -> None:
    text = "The Harbour Police Force (HPF) said it was investigating. The man was calm, said HPF in a release."
    doc = get_nlp()(text)
    first = next(t.i for t in doc if t.text == "Harbour")
    (body,) = [e for e in _tagged(text, (first, first + 3, "ORG")) if e.type == "ORG"]
    assert (body.name, len(body.mentions)) == ("Harbour Police Force", 3)


def test_a_titled_name_whose_surname_the_tagger_read_as_a_nationality_stays_whole() -> None:
    text = "Environment Minister Ciaran P Dolan is urging everyone to slow down."
    doc = get_nlp()(text)
    first = next(t.i for t in doc if t.text == "Ciaran")
    people = [
        e for e in _tagged(text, (first, first + 2, "PERSON"), (first + 2, first + 3, "NORP")) if e.type == "PERSON"
    ]
    assert [e.name for e in people] == ["Ciaran P Dolan"]


def _speakers(title: str, text: str, *removed: Removed) -> dict[str, str | None]:
    article = analyze(CleanArticle(source="t.txt", text=text, title=title, removed=removed))
    return {q.text.split()[0]: q.speaker.name for q in article.quotes if q.kind == "direct"}


def test_a_full_name_only_the_headline_or_a_set_aside_teaser_gives_names_the_body_surname() -> None:
    body = (
        "“The port will reopen on Monday,” Tavener said.\n\n"
        "“Nobody will lose a day’s pay,” said Tavener, speaking outside the depot."
    )
    assert set(_speakers("Port will reopen, says Mayor Ilse Tavener", body).values()) == {"Ilse Tavener"}
    teaser = Removed("Mayor Ilse Tavener has said the port will reopen after the strike.", "teaser")
    assert set(_speakers("Port to reopen", body, teaser).values()) == {"Ilse Tavener"}
    # A related story's headline is another article's: it lends no name.
    related = Removed("Ilse Tavener opens new ferry terminal", "related headline")
    assert set(_speakers("Port to reopen", body, related).values()) == {"Tavener"}


def test_a_headline_lends_no_name_the_body_already_gives_or_that_it_gives_two_first_names() -> None:
    body = "Councillor Rhea Tavener chaired the meeting.\n\n“We vote next week,” Tavener said."
    assert set(_speakers("Harbour plan backed, says Mayor Ilse Tavener", body).values()) == {"Rhea Tavener"}
    body = "“We vote next week,” Tavener said."
    assert set(_speakers("Ilse Tavener and Sergeant Ola Tavener back harbour plan", body).values()) == {"Tavener"}


def test_a_headline_in_title_case_lends_a_surname_not_a_verb_run_into_a_name() -> None:
    nlp = get_nlp()
    doc = nlp("“We will rebuild the market,” Okoth said.")
    headline = _doc_tagged("Okoth Hails Amina Over Market Plan", (0, 3, "PERSON"))
    people = {e.name for e in find_entities(doc, name_docs=[headline]).entities if e.type == "PERSON"}
    assert people == {"Okoth"}


def test_a_hyphenated_given_name_after_the_family_name_lends_the_family_name() -> None:
    body = "“I will not resign,” Cheng said."
    assert set(_speakers("Legislator Cheng Mei-ling apologises", body).values()) == {"Cheng Mei-ling"}


def test_a_member_after_a_part_of_a_place_is_split_from_the_place() -> None:
    text = "Representative for north Harwick Nell Tobin said the road will close. Harwick voted on Monday."
    types = _types(text, (3, 6, "PERSON"))
    assert types.get("Nell Tobin") == "PERSON"
    assert "Harwick Nell Tobin" not in types


def test_a_titled_name_the_tagger_called_a_work_is_a_person() -> None:
    text = "“We are looking for one car,” Superintendent Ross Kelleher of Bray Garda Station said."
    assert _types(text, (9, 12, "WORK_OF_ART")).get("Ross Kelleher") == "PERSON"


def test_ranks_with_a_full_stop_and_a_reeve_are_titles_not_names() -> None:
    assert "Anna Ferris" in _types("“The fire is contained,” said RCMP Cpl. Anna Ferris.", (9, 12, "PERSON"))
    assert "Darren Pask" in _types("Area Reeve Darren Pask said the road is shut.", (1, 4, "PERSON"))


def test_a_name_ending_in_an_acronym_the_article_uses_alone_is_a_body() -> None:
    text = "Officers from Dunmore RCMP closed the road. Local RCMP asked people to stay home."
    assert _types(text, (2, 4, "PERSON")) == {"Dunmore RCMP": "ORG"}


def test_two_one_word_names_the_tagger_cut_apart_are_one_name() -> None:
    text = "His younger brother, Obinna Chukwu, blamed officials for the demolition."
    assert _types(text, (4, 5, "GPE"), (5, 6, "GPE")) == {"Obinna Chukwu": "PERSON"}


def test_a_maasai_or_kalenjin_particle_is_inside_the_name() -> None:
    (article,) = newsgraph.extract(
        "Narok Governor Samuel ole Tanui has asked traders to reopen their stalls.\n\n"
        "“Nobody will be harmed at the market,” said Tanui.",
        as_is=True,
    )
    assert [q.speaker.name for q in article.quotes if q.kind == "direct"] == ["Samuel ole Tanui"]


def test_a_first_name_and_the_last_part_of_a_hyphenated_surname_are_the_person() -> None:
    (article,) = newsgraph.extract(
        "President Kofi Mensah-Addo has expressed concern about the filth in the city.\n\n"
        "Speaking at the durbar, Kofi Addo noted, “We have to bring back the glory of this city.”",
        as_is=True,
    )
    assert [q.speaker.name for q in article.quotes if q.kind == "direct"] == ["Kofi Mensah-Addo"]


def test_a_ministers_portfolio_is_not_part_of_the_holders_name() -> None:
    text = "Justifying the remark, Minister of Tourism and Lands Harin Velu told Parliament that the isle is grateful."
    assert _types(text, (9, 12, "PERSON")).get("Harin Velu") == "PERSON"
    text = "Minister for Land Reform and Management Ravi Narayan Bhattarai today said that the state should act."
    assert _types(text, (9, 10, "ORG")).get("Ravi Narayan Bhattarai") == "PERSON"


def test_a_lower_case_role_before_a_name_the_tagger_missed_makes_it_a_person() -> None:
    text = "“No conclusion is appropriate yet,” palace spokesperson Ko Min-ah said at a briefing."
    assert _types(text, (10, 14, "WORK_OF_ART")).get("Ko Min-ah") == "PERSON"
    # a person the tagger found is left as it found it
    text = "“Only the army came,” said party lawmaker Rafiq Anwar Sheikh, who visited the area."
    assert "Rafiq Anwar Sheikh" in _types(text, (10, 13, "PERSON"))


def test_a_profession_by_its_ending_is_a_title() -> None:
    (article,) = newsgraph.extract(
        "“The magma has nowhere to go yet,” Seismologist Bryndis Varsdottir told reporters.", as_is=True
    )
    assert [q.speaker.name for q in article.quotes] == ["Bryndis Varsdottir"]


def test_an_honour_or_a_rank_of_counsel_after_a_name_is_not_part_of_it() -> None:
    (article,) = newsgraph.extract(
        "Mr Gerald Pike QC, defending, said the officer was of good character.\n\n"
        "“A deterrent sentence is not needed here,” said prosecutor Ada Obi KC.",
        as_is=True,
    )
    assert {e.name for e in article.entities if e.type == "PERSON"} >= {"Gerald Pike", "Ada Obi"}


def test_a_ratepayer_before_a_name_is_a_description_not_part_of_it() -> None:
    text = "“He treated us like school children,” Ratepayer Moira Kell said after the meeting."
    assert "Moira Kell" in _types(text, (9, 12, "PERSON"))


def test_a_name_with_a_stock_ticker_is_a_company_everywhere_but_counsel_keeps_a_rank() -> None:
    text = "Harbor Minerals (HBM) chief executive Ada Kell spoke on Monday. Harbor Minerals kept its forecasts."
    assert _types(text, (0, 2, "PERSON"), (10, 12, "PERSON"), (14, 16, "PERSON"))["Harbor Minerals"] == "ORG"
    text = "Counsel Ada Obi (SAN) began the cross-examination."
    assert _types(text, (1, 3, "PERSON")) == {"Ada Obi": "PERSON"}


def test_a_title_and_surname_tagged_as_a_place_or_building_is_the_person() -> None:
    text = "Sheriff Tomas Arevalo spoke on Monday. Sheriff Arevalo said more later."
    entities = _tagged(text, (1, 3, "PERSON"), (7, 9, "FAC"))
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [("Tomas Arevalo", "PERSON", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Councillors Dana Whitlow and Amir Baskar voted against the budget.",
        "Chairperson Dana Whitlow and Amir Baskar voted against the budget.",
        "Cathaoirleach Dana Whitlow and Amir Baskar voted against the budget.",
    ],
)
def test_plural_and_council_chair_titles_are_no_part_of_the_name(text: str) -> None:
    names = {e.name for e in _tagged(text, (0, 3, "PERSON"), (4, 6, "PERSON"))}
    assert names == {"Dana Whitlow", "Amir Baskar"}


def test_a_name_the_tagger_cut_into_two_people_is_one_unless_the_first_is_a_title() -> None:
    text = "BNP secretary general Mirza Nadim Islam Karim spoke on Thursday."
    assert [e.name for e in _tagged(text, (3, 5, "PERSON"), (5, 7, "PERSON"))] == ["Mirza Nadim Islam Karim"]
    text = "Ceann Comhairle Verona Walsh spoke on Thursday."
    assert [e.name for e in _tagged(text, (0, 2, "PERSON"), (2, 4, "PERSON"))] == ["Verona Walsh"]


def test_a_word_said_twice_is_no_persons_name() -> None:
    assert _types("Nigeria beat Kanga Kanga on Wednesday.", (2, 4, "PERSON")) == {"Kanga Kanga": "ORG"}


def test_a_candidate_is_a_title_before_the_name() -> None:
    assert {e.name for e in _tagged("Candidate Tom Brannagh spoke first.", (0, 3, "PERSON"))} == {"Tom Brannagh"}


@pytest.mark.parametrize("title", ["Recorder", "Boss", "CM", "Lock", "Flanker", "Coroner", "Coordinator"])
def test_more_titles_before_a_name(title: str) -> None:
    assert {e.name for e in _tagged(f"{title} Ivo Brannagh spoke first.", (0, 3, "PERSON"))} == {"Ivo Brannagh"}


def test_a_place_the_tagger_once_calls_a_person_is_the_place() -> None:
    text = "Port Alvara was calm. Port Alvara's mayor spoke later."
    assert _types(text, (0, 2, "GPE"), (5, 7, "PERSON")) == {"Port Alvara": "GPE"}


def test_a_name_followed_by_which_is_a_thing_not_a_person() -> None:
    text = "The singer told Lumen about her tour. Lumen, which ran the interview, called it candid."
    assert _types(text, (3, 4, "PERSON"), (8, 9, "PERSON"))["Lumen"] == "ORG"


@pytest.mark.parametrize(("lead", "kept"), [("fire", "Reg Hutton"), ("cold", "Fire Chief Reg Hutton")])
def test_a_title_led_by_a_word_the_article_writes_in_lower_case_is_no_part_of_the_name(lead: str, kept: str) -> None:
    text = f"A {lead} night in Kestrel River.\n\n“Everyone made it out,” said Fire Chief Reg Hutton."
    doc = get_nlp()(text)
    start = next(t.i for t in doc if t.text == "Fire")
    doc[start + 2].pos_, doc[start + 2].tag_ = "ADJ", "JJ"  # as the tagger may read "Reg"
    doc.ents = [Span(doc, start, start + 4, label="PERSON")]  # "[Fire Chief Reg Hutton]*PERSON*"
    assert [e.name for e in find_entities(doc).entities] == [kept]


def test_a_lone_name_the_tagger_calls_a_person_once_and_a_body_where_it_speaks_is_one_person() -> None:
    text = "“The wicket is no excuse,” Rahmatul told journalists.\n\nRahmatul clarified the choice of opener."
    doc = get_nlp()(text)
    first, second = (t.i for t in doc if t.text == "Rahmatul")
    doc.ents = [Span(doc, first, first + 1, label="PERSON"), Span(doc, second, second + 1, label="ORG")]
    (person,) = find_entities(doc).entities
    assert (person.name, person.type, len(person.mentions)) == ("Rahmatul", "PERSON", 2)


def test_given_names_the_tagger_left_out_join_the_full_name() -> None:
    # "Harjeet Bir Sandhu took charge": the tagger knows only the "Bir Sandhu" of the later sentence.
    text = "Harjeet Bir Sandhu took charge of the force on Monday. Bir Sandhu said the march would be policed."
    names = [e.name for e in _tagged(text, (11, 13, "PERSON"))]
    assert "Harjeet Bir Sandhu" in names and "Bir Sandhu" not in names
    # ... and through the whole pipeline, the speaker of a quote
    article = newsgraph.extract(
        "Deepak Jot Singh took charge as the head of the force on Monday.\n\n"
        '"We will ensure that the protest ends," Jot Singh said.',
        as_is=True,
    )[0]
    assert [q.speaker.name for q in article.quotes] == ["Deepak Jot Singh", "Deepak Jot Singh"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # an English word before a name is a description, capitalised or not
        ("Homeowner Steve Dunmore watched the fire. Steve Dunmore said it was too late.", [(7, 9, "PERSON")]),
        # a word the article also writes alone is a place, not a given name
        ("Councillor for Kilbarra Mark Wade spoke. Kilbarra people are decent, Mark Wade said.", [(12, 14, "PERSON")]),
    ],
)
def test_a_word_before_a_full_name_that_is_no_given_name_stays_out(
    text: str, spans: list[tuple[int, int, str]]
) -> None:
    full_name = " ".join(text.split(" said")[0].split()[-2:])
    names = [e.name for e in _tagged(text, *spans)]
    assert full_name in names and not any(name.endswith(f" {full_name}") for name in names)


def test_a_title_and_surname_the_tagger_calls_a_body_is_a_person() -> None:
    text = "Cr Dunlevy said the budget was late. Lord Howe Island was quiet."
    types = _types(text, (0, 2, "ORG"), (8, 11, "GPE"))
    assert types.pop("Dunlevy") == "PERSON"
    assert set(types.values()) == {"GPE"}  # a place is not one, whatever its first word


def test_a_surname_with_an_accented_particle_joins_the_full_name() -> None:
    text = "Judge Seán Ó Briain opened the case. Later Judge Ó Briain adjourned it."
    people = [e for e in _tagged(text, (1, 4, "PERSON"), (10, 12, "PERSON")) if e.type == "PERSON"]
    assert [(e.name, len(e.mentions)) for e in people] == [("Seán Ó Briain", 2)]


def test_a_dateline_before_a_colon_and_a_county_are_no_people() -> None:
    text = "KESTREL BAY: Residents want the water back.\nThe storm hit Tarn County on Sunday. Tarn was dark."
    types = _types(text, (0, 2, "PERSON"), (13, 15, "PERSON"), (18, 19, "PERSON"))
    assert "KESTREL BAY" not in types and types["Tarn County"] == "GPE"
