"""Scoring and training of the event coder: PLV and PLOVER GSR readers, overlap, matching, folds,
scores, the crosswalk words and the classifier, on tiny files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.evaluate.plover_gsr import read_gsr
from newsgraph.evaluate.plv import PlvItem, best_match, folds, overlap, read_plv, score
from newsgraph.records import Actor
from newsgraph.train.events import Example, crosswalk_words, fit

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PLV = SHARED / "datasets" / "plv" / "train.tsv"
COLUMNS = ["", "sentence_id", "sentence", "marked_sentence", "source", "target", "gold_penta", "gold_root"]
ROWS = [
    ("<s>Freedonia</s> asked <t>the United Nations</t> for food.", "Freedonia", "the United Nations", "3", "REQUEST"),
    ("<s>Police</s> arrested <t>twelve activists</t> on Sunday.", "Police", "twelve activists", "4", "COERCE"),
    ("<s>The rebels </s>released <t>three hostages</t>.", "The rebels", "three hostages", "2", "YIELD"),
    ("<s>The minister</s> resigned.", "The minister", "a recipient", "2", "YIELD"),
    ("<s>Japan</s> sent aid to <t>Freedonia</t> and <t>Freedonia</t>'s people.", "Japan", "Freedonia", "2", "AID"),
    ("<s>Ruritania</s> rejected <t>the plan</t>.", "Ruritania", "the plan", "3", "REJECT"),
]


def _write_plv(path: Path) -> Path:
    lines = ["\t".join(COLUMNS)]
    for n, (marked, source, target, penta, root) in enumerate(ROWS):
        plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
        lines.append("\t".join([str(n), str(n), plain, marked, source, target, penta, root]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_plv_spans_and_placeholders(tmp_path: Path) -> None:
    items = read_plv(_write_plv(tmp_path / "plv.tsv"))
    assert len(items) == len(ROWS)
    first = items[0]
    assert first.sentence == "Freedonia asked the United Nations for food."
    assert [first.sentence[s:e] for s, e in first.sources] == ["Freedonia"]
    assert [first.sentence[s:e] for s, e in first.targets] == ["the United Nations"]
    assert (first.label, first.quad) == ("REQUEST", 3)
    assert [items[2].sentence[s:e] for s, e in items[2].sources] == ["The rebels"]  # space inside the mark
    assert items[3].targets == ()  # "a recipient": no target stated
    assert len(items[4].targets) == 2


def test_read_plv_rejects_other_files(tmp_path: Path) -> None:
    from newsgraph.errors import ReadError

    (tmp_path / "x.tsv").write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(ReadError):
        read_plv(tmp_path / "x.tsv")


def test_overlap_is_character_f1_against_the_best_span() -> None:
    actor = Actor(name="United Nations", start=10, end=24)
    assert overlap(actor, [(10, 24)]) == 1.0
    assert overlap(actor, [(6, 24)]) == pytest.approx(2 * 14 / (18 + 14))
    assert overlap(actor, [(0, 5), (10, 24)]) == 1.0
    assert overlap(actor, []) == 0.0
    assert overlap(None, [(0, 5)]) == 0.0


def test_best_match_prefers_actor_overlap_then_the_nearest_trigger() -> None:
    item = PlvItem("x" * 40, ((0, 5),), ((20, 30),), "ASSAULT", 4)
    right = (Actor("a", start=0, end=5), Actor("b", start=20, end=30), (10, 15))
    half = (Actor("a", start=0, end=5), Actor("c", start=32, end=38), (8, 9))
    none = (Actor("d", start=35, end=38), None, (36, 37))
    assert best_match([none, half, right], item) == 2
    assert best_match([none], item) is None
    far = (Actor("a", start=0, end=5), None, (39, 40))
    near = (Actor("a", start=0, end=5), None, (6, 7))
    assert best_match([far, near], item) == 1


def test_folds_are_balanced_and_seeded() -> None:
    assignment = folds(10, 5, seed=1)
    assert sorted(assignment.count(f) for f in range(5)) == [2] * 5
    assert assignment == folds(10, 5, seed=1)


def test_score_counts_no_event_as_wrong_and_yield_as_one_class() -> None:
    gold = [
        PlvItem("a", (), (), "YIELD", 2),
        PlvItem("b", (), (), "ACCUSE", 3),
        PlvItem("c", (), (), "ASSAULT", 4),
        PlvItem("d", (), (), "AGREE", 1),
    ]
    result = score(gold, ["RETREAT", "REJECT", None, "AGREE"])
    assert result["accuracy"] == 0.5
    assert result["quad_accuracy"] == 0.75  # REJECT is verbal conflict like ACCUSE
    assert result["no_event"] == 1
    assert result["by_quad"]["3"] == {"sentences": 1, "accuracy": 0.0, "quad_accuracy": 1.0}
    assert result["by_type"]["YIELD"]["correct"] == 1
    assert {"gold": "ACCUSE", "predicted": "REJECT", "count": 1} in result["confusion"]


def test_read_gsr_remaps_old_names_and_locates_actors(tmp_path: Path) -> None:
    records = [
        {"id": "HEADER", "event": "DOCUMENT", "eventText": "about this file"},
        {"id": "1", "event": "DISAPPROVE", "text": "{Ruritania blamed Freedonia for the blackout.}",
         "source": [{"actorText": "Ruritania", "code": "RUR"}], "target": [{"actorText": "Freedonia"}],
         "eventText": "blamed"},
        {"id": "2", "event": "FIGHT", "text": "Rebel units and army troops clashed near the river.",
         "source": [{"actorText": "Rebel ... units"}], "target": "", "eventText": "clashed"},
        {"id": "3", "event": "RETREAT", "text": "The rebels freed two hostages.",
         "source": [{"actorText": "rebels"}], "target": None, "eventText": "freed"},
    ]  # fmt: skip
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    found = read_gsr(path)
    assert [r.type for r in found] == ["ACCUSE", "ASSAULT", "RETREAT"]
    first = found[0].item
    assert first.sentence == "Ruritania blamed Freedonia for the blackout."
    assert [first.sentence[s:e] for s, e in first.targets] == ["Freedonia"]
    assert found[0].source_codes == ("RUR",)
    assert [found[1].item.sentence[s:e] for s, e in found[1].item.sources] == ["Rebel", "units"]
    assert found[2].item.label == "YIELD" and found[2].item.targets == ()


def test_crosswalk_words_take_each_descriptions_action_word(tmp_path: Path) -> None:
    path = tmp_path / "crosswalk.txt"
    path.write_text(
        "# header\n"
        "173: COERCE, arrest, legal # Arrest, detain, or charge with legal action\n"
        "1823: ASSAULT, , # Kill by physical assault\n"
        "046: CONSULT, , diplomatic # Engage in negotiation\n"
        "030: AGREE, , diplomatic # Express intent to cooperate\n",
        encoding="utf-8",
    )
    words = crosswalk_words(path)
    assert words.get("arrest") == "COERCE"
    assert words.get("kill") == "ASSAULT"
    assert words.get("negotiation") == "CONSULT"
    assert "cooperate" not in words and "express" not in words


def test_fit_learns_a_separable_toy_problem() -> None:
    train = [Example(("bias", "h=kill"), "ASSAULT", ()), Example(("bias", "h=meet"), "CONSULT", ())] * 5
    weights, bias, dense = fit(train, dense=False)
    assert max(weights["h=kill"], key=lambda k: weights["h=kill"][k]) == "ASSAULT"
    assert max(weights["h=meet"], key=lambda k: weights["h=meet"][k]) == "CONSULT"
    assert set(bias) and dense == []


def test_cli_eval_plv_on_a_tiny_file(tmp_path: Path) -> None:
    path = _write_plv(tmp_path / "plv.tsv")
    result = CliRunner().invoke(cli, ["eval", "plv", "--data", str(path), "--folds", "2", "--no-extra", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["sentences"] == len(ROWS) and figures["folds"] == 2
    assert 0.0 <= figures["accuracy"] <= 1.0 and set(figures["by_quad"]) == {"2", "3", "4"}
