"""Temporal expressions: spans, TIMEX3 types and values, and publication-date inference.

Fixture sentences are our own (fictional news); tests that need ``../shared`` skip
with a reason when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.analyze.times import find_times, infer_published
from newsgraph.evaluate.tempeval import evaluate_tempeval, read_tml
from newsgraph.records import TimeExpression

SHARED = Path(__file__).parents[1].parent / "shared"


def times(text: str, published: str | None) -> list[tuple[str, str, str]]:
    found = find_times(text, published)
    for t in found:
        assert text[t.start : t.end] == t.text  # offsets index the input exactly
        assert isinstance(t, TimeExpression)
    return [(t.text, t.type, t.value) for t in found]


# --------------------------------------------------------------------------- kinds of expression


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # absolute dates in several spellings
        (
            "The harbour authority reopened the pier on November 24, 2020, after a storm.",
            "2020-11-30",
            [("November 24, 2020", "DATE", "2020-11-24")],
        ),
        (
            "Lindgrove votes on April 2, 2025, the council said on 2 May 2024 in a filing dated 2024-05-02.",
            "2024-05-03",
            [
                ("April 2, 2025", "DATE", "2025-04-02"),
                ("2 May 2024", "DATE", "2024-05-02"),
                ("2024-05-02", "DATE", "2024-05-02"),
            ],
        ),
        ("The Alder mill closed in May 2024.", "2024-06-10", [("May 2024", "DATE", "2024-05")]),
        # bare years, but not counts
        (
            "The mill first opened in 2018 with 2000 workers and 1,990 looms.",
            "2024-06-10",
            [("2018", "DATE", "2018")],
        ),
        # month-day without a year takes the year nearest the publication date
        (
            "The ferry sank on May 2. Divers reached it on April 16.",
            "2024-05-10",
            [("May 2", "DATE", "2024-05-02"), ("April 16", "DATE", "2024-04-16")],
        ),
        (
            "Auditors said the ledger was last closed on December 30.",
            "2025-01-04",
            [("December 30", "DATE", "2024-12-30")],
        ),
        # a month alone: the past one, unless the sentence looks ahead
        (
            "In February, the board approved the plan. Work will start in August.",
            "2025-05-03",
            [("February", "DATE", "2025-02"), ("August", "DATE", "2025-08")],
        ),
        (
            "The festival was moved to November.",
            "2025-02-10",
            [("November", "DATE", "2024-11")],
        ),
        # weekdays: the latest such day on or before publication, the next one after "will"
        (
            "The mayor spoke on Saturday. She will return on Friday.",
            "2025-05-07",
            [("Saturday", "DATE", "2025-05-03"), ("Friday", "DATE", "2025-05-09")],
        ),
        ("The ferry docked on Wednesday.", "2025-05-07", [("Wednesday", "DATE", "2025-05-07")]),
        ("The ferry docked last Wednesday.", "2025-05-07", [("last Wednesday", "DATE", "2025-04-30")]),
        ("The ferry will sail next Monday.", "2025-05-07", [("next Monday", "DATE", "2025-05-12")]),
        # today, yesterday, tomorrow
        (
            "The bridge opened today, the tunnel closed yesterday and the museum reopens tomorrow.",
            "2024-05-02",
            [("today", "DATE", "2024-05-02"), ("yesterday", "DATE", "2024-05-01"), ("tomorrow", "DATE", "2024-05-03")],
        ),
        # calendar units relative to publication
        (
            "Prices rose last year, fell this week and may recover next month.",
            "2013-03-14",
            [("last year", "DATE", "2012"), ("this week", "DATE", "2013-W11"), ("next month", "DATE", "2013-04")],
        ),
        ("Landings doubled earlier this year.", "2013-03-14", [("earlier this year", "DATE", "2013")]),
        (
            "The dam burst two weeks ago after heavy rain last summer.",
            "2013-03-14",
            [("two weeks ago", "DATE", "2013-W09"), ("last summer", "DATE", "2012-SU")],
        ),
        ("The quarry shut three years ago.", "2013-03-14", [("three years ago", "DATE", "2010")]),
        ("Jazz clubs flourished in the 1990s.", "2024-05-02", [("the 1990s", "DATE", "199")]),
        (
            "Sales rose in the third quarter, the company said.",
            "2024-10-15",
            [("the third quarter", "DATE", "2024-Q3")],
        ),
        (
            "Exports fell 4% in the first quarter of 2023 and recovered in the second half.",
            "2024-10-15",
            [("the first quarter of 2023", "DATE", "2023-Q1"), ("the second half", "DATE", "2024-H2")],
        ),
        # durations
        (
            "The talks lasted several years. The strike took a month. The storm raged for three days.",
            "2024-05-02",
            [("several years", "DURATION", "PXY"), ("a month", "DURATION", "P1M"), ("three days", "DURATION", "P3D")],
        ),
        (
            "Crews worked 5 1/2 hours on a two-year contract over the past 20 years.",
            "2024-05-02",
            [
                ("5 1/2 hours", "DURATION", "PT5H30M"),
                ("two-year", "DURATION", "P2Y"),
                ("the past 20 years", "DURATION", "P20Y"),
            ],
        ),
        # times of day take the publication date, or the day named with them
        ("The quake struck at 3:14 p.m., officials said.", "2024-05-02", [("3:14 p.m.", "TIME", "2024-05-02T15:14")]),
        (
            "Polls close at 8 p.m. Thursday.",
            "2024-05-06",
            [("8 p.m. Thursday", "TIME", "2024-05-02T20:00")],
        ),
        ("Firefighters arrived this morning.", "2024-05-02", [("this morning", "TIME", "2024-05-02TMO")]),
        # present reference
        (
            "The mayor is now in talks and is currently in Geneva.",
            "2024-05-02",
            [("now", "DATE", "PRESENT_REF"), ("currently", "DATE", "PRESENT_REF")],
        ),
        # sets
        (
            "The council meets every week, publishes minutes daily and audits each year.",
            "2024-05-02",
            [("every week", "SET", "P1W"), ("daily", "SET", "P1D"), ("each year", "SET", "P1Y")],
        ),
        ("The market opens on Sundays.", "2024-05-02", [("Sundays", "SET", "XXXX-WXX-7")]),
        # holidays
        ("Shops closed for Christmas.", "2024-12-28", [("Christmas", "DATE", "2024-12-25")]),
    ],
)
def test_expression_values(text: str, published: str, expected: list[tuple[str, str, str]]) -> None:
    assert times(text, published) == expected


def test_offsets_index_the_text() -> None:
    text = "Late on Saturday, after a vote on March 3, 2024, the port reopened."
    found = find_times(text, "2024-03-04")
    assert [(t.start, t.end) for t in found] == [(8, 16), (34, 47)]
    assert [text[t.start : t.end] for t in found] == ["Saturday", "March 3, 2024"]


def test_without_publication_date_relative_values_are_underspecified() -> None:
    text = "In February, the council met on Saturday. The vote is on May 2, after a poll on June 5, 2023."
    assert times(text, None) == [
        ("February", "DATE", "XXXX-02"),
        ("Saturday", "DATE", "XXXX-WXX-6"),
        ("May 2", "DATE", "XXXX-05-02"),
        ("June 5, 2023", "DATE", "2023-06-05"),
    ]


def test_words_that_only_look_like_times() -> None:
    text = "Residents may object. A quarter of the vote went to Ms. March, who wrote 2000 letters."
    assert times(text, "2024-05-02") == []


def test_ages_are_not_durations() -> None:
    assert times("A 44-year-old fisherman was rescued.", "2024-05-02") == []


def test_results_story_quarters_follow_the_quarter_under_discussion() -> None:
    text = (
        "Harrow Mills said third-quarter profit rose to $4 million from $3 million a year earlier. "
        "Sales in the quarter climbed 8%."
    )
    assert times(text, "2024-10-20") == [
        ("third-quarter", "DATE", "2024-Q3"),
        ("a year earlier", "DATE", "2023-Q3"),
        ("the quarter", "DATE", "2024-Q3"),
    ]


# --------------------------------------------------------------------------- publication date

BAY_STORY = (
    "The harbour master of Port Alder said on Friday that the north quay would stay shut until repairs "
    "are done. Tide Watch reported on Thursday that cracks had spread along the sea wall, and a Tide Watch "
    "report published on March 7 said engineers had warned the council in January."
)
QUOTA_STORY = (
    "Fisheries minister Ana Roldan rejected calls for a new quota system on Tuesday, saying the 2016 rules "
    "had worked. In remarks broadcast on Tuesday, she said talks could resume next year."
)


def test_infer_published_from_a_weekday_that_matches_a_stated_date() -> None:
    # March 7, 2024 was a Thursday: "reported on Thursday" is that report, so "on Friday" is March 8.
    assert infer_published(BAY_STORY, ["February 27, 2024"]) == "2024-03-08"
    assert infer_published(BAY_STORY, ["2024-02-27"]) == "2024-03-08"


def test_infer_published_from_a_caption_date_on_the_named_weekday() -> None:
    # June 11, 2019 was a Tuesday, the day the minister spoke.
    caption = "A photo released by the ministry on June 11, 2019 shows Roldan at the port."
    assert infer_published(QUOTA_STORY, [caption]) == "2019-06-11"


@pytest.mark.parametrize(
    ("text", "hints"),
    [
        ("The minister said on Tuesday that talks would continue.", []),  # a weekday but no date
        ("The port reopened on March 7, 2024 after repairs.", ["2024-02-27"]),  # dates but no weekday
        ("", []),
    ],
)
def test_infer_published_needs_evidence(text: str, hints: list[str]) -> None:
    assert infer_published(text, hints) is None


# --------------------------------------------------------------------------- shared data


def _seed() -> tuple[str, dict]:
    text_path = SHARED / "samples" / "seed-news.txt"
    gold_path = SHARED / "samples" / "seed-news.gold.json"
    if not text_path.exists() or not gold_path.exists():
        pytest.skip(f"needs {text_path} and {gold_path}")
    return text_path.read_text(encoding="utf-8"), json.loads(gold_path.read_text(encoding="utf-8"))


def _seed_articles(raw: str, gold: dict) -> list[tuple[str, dict]]:
    # The second article starts at its first headline.
    second = raw.index(gold["articles"][1]["title"])
    return list(zip([raw[:second], raw[second:]], gold["articles"], strict=True))


@pytest.mark.shared
def test_seed_gold_times_are_found_with_their_values() -> None:
    raw, gold = _seed()
    for chunk, article in _seed_articles(raw, gold):
        found = {(t.text, t.value) for t in find_times(chunk, article["published"]["value"])}
        for expected in article["times"]:
            assert (expected["text"], expected["value"]) in found, (article["title"], expected)


@pytest.mark.shared
def test_seed_publication_dates_are_inferred() -> None:
    raw, gold = _seed()
    for chunk, article in _seed_articles(raw, gold):
        hints: list[str] = []
        body = chunk
        for caption in article["captions"]:
            hints += [t.value for t in find_times(caption["text"], None) if t.value[:1].isdigit()]
            body = body.replace(caption["text"], "")
        assert infer_published(body, hints) == article["published"]["value"], article["title"]


def test_read_tml_keeps_offsets_of_the_stripped_text(tmp_path: Path) -> None:
    tml = tmp_path / "story.tml"
    tml.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-02">05/02/2024</TIMEX3></DCT>\n'
        '<TEXT>Crews <EVENT>worked</EVENT> for <TIMEX3 tid="t1" type="DURATION" value="P3D">three days'
        '</TIMEX3> &amp; rested <TIMEX3 tid="t2" type="DATE" value="2024-05-01">yesterday</TIMEX3>.</TEXT>'
        "</TimeML>",
        encoding="utf-8",
    )
    text, published, gold = read_tml(tml)
    assert published == "2024-05-02"
    assert text == "Crews worked for three days & rested yesterday."
    assert [(g.text, g.type, g.value) for g in gold] == [
        ("three days", "DURATION", "P3D"),
        ("yesterday", "DATE", "2024-05-01"),
    ]
    assert all(text[g.start : g.end] == g.text for g in gold)


@pytest.mark.shared
def test_tempeval_floor() -> None:
    data = SHARED / "datasets" / "tempeval3"
    if not (data / "TimeBank").is_dir():
        pytest.skip(f"needs {data}")
    scores = evaluate_tempeval(data)
    # Floors sit a little under the measured figures (relaxed 0.93, value F1 0.81).
    assert scores["relaxed_f1"] >= 0.90
    assert scores["value_f1"] >= 0.78
