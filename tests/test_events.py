"""PLOVER event coding (``analyze/events.py``) on sentences written for these tests, and on the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.analyze.entities import find_entities
from newsgraph.analyze.events import LABELS, QUADS, TYPES, EventModel, find_events, quad, shipped_model
from newsgraph.analyze.nlp import get_nlp
from newsgraph.analyze.times import find_times
from newsgraph.records import Event

PUBLISHED = "2024-03-06"  # a Wednesday
SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


def events(text: str, published: str | None = PUBLISHED) -> list[Event]:
    doc = get_nlp()(text)
    return find_events(doc, find_entities(doc), find_times(text, published), published)


def only(text: str, trigger: str) -> Event:
    """The one event whose trigger span contains ``trigger``."""
    found = [e for e in events(text) if trigger in text[e.start : e.end]]
    assert len(found) == 1, [(e.type, text[e.start : e.end]) for e in events(text)]
    return found[0]


EXAMPLES = [
    ("The two countries agreed to cooperate on border security.", "agreed", "AGREE", "two countries", None),
    ("The Ruritanian foreign minister met his Freedonian counterpart in Geneva on Tuesday.", "met", "CONSULT",
     "Ruritanian foreign minister", "Freedonian counterpart"),
    ("President Ana Lopez praised the Freedonian government for its handling of the floods.", "praised", "SUPPORT",
     "Ana Lopez", "Freedonian"),
    ("The Freedonian government lifted the curfew in the northern provinces.", "lifted", "CONCEDE",
     "Freedonian government", "curfew"),
    ("Freedonian police shared evidence with Ruritanian investigators.", "shared", "COOPERATE", "Freedonian police",
     "Ruritanian investigators"),
    ("Japan sent humanitarian aid to Freedonia after the earthquake.", "sent", "AID", "Japan", "Freedonia"),
    ("The rebels released three hostages on Saturday.", "released", "RETREAT", "rebels", "hostages"),
    ("Freedonia asked the United Nations for emergency food supplies.", "asked", "REQUEST", "Freedonia",
     "United Nations"),
    ("Opposition leader Marta Kovac accused the government of rigging the election.", "accused", "ACCUSE",
     "Marta Kovac", "government"),
    ("The Ruritanian parliament rejected the Freedonian peace proposal.", "rejected", "REJECT",
     "Ruritanian parliament", "Freedonian"),
    ("The rebels threatened to attack the capital if the army advanced.", "threatened", "THREATEN", "rebels",
     "capital"),
    ("The government expelled two Freedonian diplomats.", "expelled", "SANCTION", "government", "diplomats"),
    ("Teachers protested against the education ministry in Springfield on Friday.", "protested", "PROTEST",
     "Teachers", "education ministry"),
    ("Freedonia deployed troops along its border with Ruritania.", "deployed", "MOBILIZE", "Freedonia", None),
    ("Police arrested twelve opposition activists in Springfield on Sunday.", "arrested", "COERCE", "Police",
     "opposition activists"),
    ("The Ruritanian military launched airstrikes against rebel positions in the north.", "airstrikes", "ASSAULT",
     "Ruritanian military", "rebel positions"),
]  # fmt: skip


def test_examples_cover_every_type() -> None:
    assert sorted({e[2] for e in EXAMPLES}) == sorted(TYPES)
    assert set(LABELS) == (set(TYPES) - {"CONCEDE", "RETREAT"}) | {"YIELD"}
    assert {quad(t) for t in TYPES} == {1, 2, 3, 4}
    assert QUADS["YIELD"] == QUADS["RETREAT"] == 2


@pytest.mark.parametrize(("text", "trigger", "type_", "source", "target"), EXAMPLES)
def test_each_type_with_source_and_target(text: str, trigger: str, type_: str, source: str, target: str) -> None:
    event = only(text, trigger)
    assert event.type == type_
    assert source in event.source.name
    assert text[event.source.start : event.source.end].endswith(event.source.name.split()[-1])
    if target:
        assert event.target is not None and target in event.target.name
    assert not event.negated and not event.hypothetical


def test_trigger_span_and_actor_offsets_index_the_text() -> None:
    text = "Police arrested twelve opposition activists in Springfield on Sunday."
    event = only(text, "arrested")
    assert text[event.start : event.end] == "arrested"
    assert text[event.source.start : event.source.end] == "Police"
    assert event.target is not None
    assert text[event.target.start : event.target.end] == "twelve opposition activists"


def test_modes_where_the_manual_defines_them() -> None:
    assert only("Police arrested twelve opposition activists in Springfield on Sunday.", "arrested").mode == "arrest"
    assert only("The rebels released three hostages on Saturday.", "released").mode == "release"
    assert only("The prime minister resigned on Wednesday.", "resigned").mode == "resign"
    assert only("The rebels threatened to attack the capital if the army advanced.", "threatened").mode == "violence"
    assert only("Opposition leader Marta Kovac accused the government of rigging the election.", "accused").mode == (
        "allege"
    )


def test_negation() -> None:
    event = only("Ruritania never attacked its neighbours.", "attacked")
    assert event.type == "ASSAULT" and event.negated
    # A refusal is the REJECT event itself, not a negated one.
    refusal = only("Ruritania refused to negotiate with the rebels.", "refused")
    assert refusal.type == "REJECT" and not refusal.negated
    assert refusal.target is not None and refusal.target.name == "rebels"


def test_hypothetical_future_modal_and_conditional() -> None:
    assert only("Freedonia could impose tariffs on Ruritanian steel.", "impose").hypothetical
    visit = only("Prime Minister Karl Vos said he would visit Ruritania in May.", "visit")
    assert visit.hypothetical and visit.type == "AGREE"  # a future meeting is an intention (PLOVER 3.2.1)
    assert visit.source.name == "Karl Vos" and visit.target is not None and visit.target.name == "Ruritania"
    # The threat itself happened; what was threatened is the threat's content.
    assert not only("The rebels threatened to attack the capital if the army advanced.", "threatened").hypothetical


def test_dates_come_from_the_clause_else_the_report_date() -> None:
    assert only("The rebels released three hostages on Saturday.", "released").date == "2024-03-02"
    assert only("Teachers protested against the education ministry in Springfield on Friday.", "protested").date == (
        "2024-03-01"
    )
    # "on Monday" belongs to "said", not to the rejection: the report date stands in.
    text = "President Ana Lopez said on Monday that she had rejected the offer from Freedonia."
    assert only(text, "rejected").date == PUBLISHED
    # A hypothetical event without a stated time has no date.
    assert only("Freedonia could impose tariffs on Ruritanian steel.", "impose").date is None
    assert events("The rebels released three hostages.", published=None)[0].date is None


def test_location() -> None:
    text = "Police arrested twelve opposition activists in Springfield on Sunday."
    assert only(text, "arrested").location == "Springfield"
    assert only("Japan sent humanitarian aid to Freedonia after the earthquake.", "sent").location is None


def test_pronoun_source_is_the_reporting_subject() -> None:
    event = only("President Ana Lopez said on Monday that she had rejected the offer from Freedonia.", "rejected")
    assert event.source.name == "Ana Lopez"
    assert event.source.entity == "person/ana-lopez"
    assert event.target is not None and event.target.name == "Freedonia"


def test_that_offer_points_back_to_whoever_made_it() -> None:
    event = only("Freedonia offered to mediate between the two sides. Ruritania rejected that offer.", "rejected")
    assert event.type == "REJECT"
    assert event.target is not None and event.target.name == "Freedonia"


def test_passive_agent_is_the_source() -> None:
    event = only("The journalist was arrested by military police in Springfield.", "arrested")
    assert event.type == "COERCE"
    assert event.source.name == "military police"
    assert event.target is not None and event.target.name == "journalist"


def test_speech_alone_is_no_event() -> None:
    assert events("The spokesman said the weather was mild.") == []


def test_lexicon_only_model_still_codes() -> None:
    doc = get_nlp()("Police arrested twelve activists.")
    found = find_events(doc, find_entities(doc), [], None, model=EventModel())
    assert [e.type for e in found] == ["COERCE"]


def test_shipped_model_is_small_and_complete() -> None:
    model = shipped_model()
    assert model.weights and model.dense and model.crosswalk and model.triggers
    path = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "analyze" / "data" / "events_model.json"
    assert path.stat().st_size < 1_000_000
    assert set(json.loads(path.read_text(encoding="utf-8"))["labels"]) == set(LABELS)


# --------------------------------------------------------------------------- the seed


def _bare(name: str | None) -> str:
    return (name or "").replace("’", "'").casefold()


@pytest.mark.skipif(not (SAMPLES / "seed-news.txt").exists(), reason="../shared/samples is absent")
def test_seed_events() -> None:
    """Every non-stretch seed event comes out of find_events on the cleaned article, with its type,
    source and target (and date where the gold gives one)."""
    from newsgraph.clean import clean_document
    from newsgraph.records import RawDocument

    gold = json.loads((SAMPLES / "seed-news.gold.json").read_text(encoding="utf-8"))
    raw = RawDocument(
        source=str(SAMPLES / "seed-news.txt"), text=(SAMPLES / "seed-news.txt").read_text(encoding="utf-8")
    )
    articles = clean_document(raw)
    assert len(articles) == len(gold["articles"])
    misses = []
    for article, want in zip(articles, gold["articles"], strict=True):
        published = want["published"]["value"]
        found = events(article.text, published)
        for wanted in want["events"]:
            if wanted.get("stretch"):
                continue
            match = [
                e
                for e in found
                if e.type in wanted["types_any"]
                and _bare(wanted["source"]) in _bare(e.source.name)
                and (
                    "target_contains" not in wanted
                    or (e.target is not None and _bare(wanted["target_contains"]) in _bare(e.target.name))
                )
                and ("date" not in wanted or (e.date or "").startswith(wanted["date"]))
            ]
            if not match:
                misses.append(wanted["about"])
    assert misses == []
