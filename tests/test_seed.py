"""The reference input: every non-stretch item of ../shared/samples/seed-news.gold.json."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import newsgraph
from newsgraph.records import Article

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
pytestmark = pytest.mark.skipif(
    not (SAMPLES / "seed-news.txt").exists(), reason="../shared/samples is absent (it lives outside the repo)"
)


def _bare(name: str | None) -> str:
    """Case-folded, without a leading article and with one kind of apostrophe."""
    name = (name or "").replace("’", "'").casefold().strip()
    return re.sub(r"^the\s+", "", name)


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((SAMPLES / "seed-news.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return newsgraph.extract(SAMPLES / "seed-news.txt")


def _pairs(articles: list[Article], gold: dict) -> list[tuple[Article, dict]]:
    assert len(articles) == gold["article_count"]
    return list(zip(articles, gold["articles"], strict=True))


def test_titles_body_bounds_captions_and_debris(articles: list[Article], gold: dict) -> None:
    for got, want in _pairs(articles, gold):
        assert got.title == want["title"]
        assert got.text.startswith(want["text_starts_with"])
        assert got.text.endswith(want["text_ends_with"])
        for unwanted in want["text_must_not_include"]:
            assert unwanted not in got.text
        assert [(c.text, c.credit) for c in got.captions] == [(c["text"], c["credit"]) for c in want["captions"]]
        removed = [r.text for r in got.removed]
        for debris in want["removed_must_include"]:
            assert debris in removed


def test_direct_quotes_with_resolved_speakers(articles: list[Article], gold: dict) -> None:
    for got, want in _pairs(articles, gold):
        for quote in want["quotes"]:
            if quote["kind"] != "direct" or quote.get("stretch"):
                continue
            match = [q for q in got.quotes if q.text == quote["text"]]
            assert match, quote["text"]
            found = match[0]
            assert found.kind == "direct"
            assert found.speaker.name == quote["speaker"]
            assert found.cue is not None and found.cue.text == quote["cue"]
            if "speaker_mention" in quote:
                assert got.text[found.speaker.start : found.speaker.end] == quote["speaker_mention"]


def test_people_with_titles(articles: list[Article], gold: dict) -> None:
    for got, want in _pairs(articles, gold):
        people = {e.name: e for e in got.entities if e.type == "PERSON"}
        for person in want["people"]:
            assert person["name"] in people, sorted(people)
            titles = [_bare(t) for t in people[person["name"]].titles]
            if person["titles_any"]:
                wanted = [_bare(t) for t in person["titles_any"]]
                assert any(w == t or t.endswith(w) for w in wanted for t in titles), (person["name"], titles)


def test_sources_cited(articles: list[Article], gold: dict) -> None:
    for got, want in _pairs(articles, gold):
        names = {_bare(s.name) for s in got.sources}
        for source in want["sources_cited"]:
            assert _bare(source) in names, (source, names)


def test_dated_times(articles: list[Article], gold: dict) -> None:
    for got, want in _pairs(articles, gold):
        found = {(t.text, t.value) for t in got.times}
        for time in want["times"]:
            if not time.get("stretch"):
                assert (time["text"], time["value"]) in found, (time, found)


def test_stretch_publication_dates_are_inferred(articles: list[Article], gold: dict) -> None:
    assert [a.published for a in articles] == [w["published"]["value"] for w in gold["articles"]]
