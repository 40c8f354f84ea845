"""``newsgraph eval pages``: direct quotes and speakers scored on annotated pages (an invented one here)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.evaluate.pages import evaluate_pages, looser_speaker, strict_speaker

PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.mark.parametrize(
    ("predicted", "gold", "strict", "looser"),
    [
        ("Marit Solberg-Quist", "marit solberg-quist", True, True),
        ("The council spokesman", "spokesman for the council", True, True),  # a body's role in either order
        ("Solberg-Quist", "Marit Solberg-Quist", False, True),
        ("resident", "Kestrel Bay resident", False, True),
        ("his colleague", "deckhand's colleague", False, True),
        ("Dev Arkwright", "Lena Arkwright", False, False),  # a relative is someone else
        (None, "Dev Arkwright", False, False),
    ],
)
def test_strict_and_looser_speaker_matches(predicted: str | None, gold: str, strict: bool, looser: bool) -> None:
    assert (strict_speaker(predicted, gold), looser_speaker(predicted, gold)) == (strict, looser)


def test_the_invented_page_scores_every_quote_and_lists_the_speaker_miss() -> None:
    result = evaluate_pages([PAGES])
    counts = {k: result[k] for k in ("pages", "found", "missed", "false_positives", "speakers", "strict", "looser")}
    assert counts == {
        "pages": 1, "found": 5, "missed": 0, "false_positives": 0, "speakers": 5, "strict": 4, "looser": 4,
    }  # fmt: skip
    (miss,) = result["misses"]
    assert (miss["problem"], miss["gold"]) == ("speaker", "ferry deckhand")
    assert miss["got"] == "deckhand who asked not to be named"
    assert (result["direct_precision"], result["direct_recall"], result["speaker_strict"]) == (1.0, 1.0, 0.8)


def _page_with(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    shutil.copy(PAGES / "01-harbour-ferry.txt", tmp_path / "01-harbour-ferry.txt")
    gold = json.loads((PAGES / "01-harbour-ferry.gold.json").read_text(encoding="utf-8"))
    edit(gold)
    (tmp_path / "01-harbour-ferry.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_a_quote_the_gold_lacks_is_a_false_positive_unless_the_stored_page_cut_it(tmp_path: Path) -> None:
    dropped = _page_with(tmp_path, lambda gold: gold["articles"][0]["quotes"].pop())
    result = evaluate_pages([dropped])
    assert (result["found"], result["false_positives"]) == (4, 1)

    def cut(gold: dict) -> None:  # type: ignore[type-arg]
        gold["omitted_truncated_quotes"] = [gold["articles"][0]["quotes"].pop()["text"]]

    result = evaluate_pages([_page_with(tmp_path, cut)])
    assert (result["found"], result["false_positives"]) == (4, 0)


def test_a_gold_quote_nothing_finds_is_missed(tmp_path: Path) -> None:
    def invent(gold: dict) -> None:  # type: ignore[type-arg]
        quote = {"text": "The timetable stays the same.", "kind": "direct", "speaker": "Dev Arkwright"}
        gold["articles"][0]["quotes"].append(quote)

    result = evaluate_pages([_page_with(tmp_path, invent)])
    assert (result["missed"], result["direct_recall"]) == (1, round(5 / 6, 4))


def test_a_broken_annotation_is_reported_and_the_other_pages_still_count(tmp_path: Path) -> None:
    shutil.copy(PAGES / "01-harbour-ferry.txt", tmp_path / "02-broken.txt")
    (tmp_path / "02-broken.gold.json").write_text("{not json", encoding="utf-8")
    result = evaluate_pages([PAGES, tmp_path])
    assert result["pages"] == 1 and result["found"] == 5
    (error,) = result["errors"]
    assert "02-broken.gold.json" in error


def test_the_command_prints_totals_and_misses() -> None:
    out = CliRunner().invoke(cli, ["eval", "pages", "--data", str(PAGES), "--misses"])
    assert out.exit_code == 0, out.output
    assert "1 pages: direct quotes P 1.0000 R 1.0000" in out.output
    assert "speaker 4/5 = 0.8000" in out.output
    assert "gold ferry deckhand" in out.output
    as_json = json.loads(CliRunner().invoke(cli, ["eval", "pages", "--data", str(PAGES), "--json"]).output)
    assert as_json["strict"] == 4
