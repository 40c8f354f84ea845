"""Quote evaluators: PolNeAR-style brat scoring and the seed gold check.

Fixture texts and annotations are our own (fictional news). Tests that need ``../shared`` skip
with a reason when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.evaluate.polnear import (
    Counts,
    GoldAttribution,
    Tokens,
    find_articles,
    match_contents,
    parse_ann,
    prf,
    score_article,
)
from newsgraph.evaluate.quotes_seed import judge_article, same_name, text_match
from newsgraph.records import Article, Cue, Quote, Speaker

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
POLNEAR_DEV = SHARED / "datasets" / "polnear" / "dev"
SAMPLES = SHARED / "samples"

TEXT = (
    'The mayor said the bridge would reopen in May. "We are not done yet," Ms. Vale told reporters, '
    'adding that "money is tight" and the budget would shrink. Critics believe the plan is late. '
    "Taxes are expected to rise."
)

# Four attributions: a plain one, one whose content has two roles (Content, Content2), one the
# system misses, and one without a source whose content is discontinuous. E5 has no content.
ANN = """\
T1\tSource 0 9\tThe mayor
T2\tCue 10 14\tsaid
T3\tContent 15 45\tthe bridge would reopen in May
T4\tAttribution 10 14\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 47 69\t"We are not done yet,"
T6\tSource 70 78\tMs. Vale
T7\tCue 79 83\ttold
T8\tContent 107 123\t"money is tight"
T9\tAttribution 79 83\ttold
E2\tAttribution:T9 Cue:T7 Source:T6 Content:T5 Content2:T8
T10\tSource 153 160\tCritics
T11\tCue 161 168\tbelieve
T12\tContent 169 185\tthe plan is late
T13\tAttribution 161 168\tbelieve
E3\tAttribution:T13 Content:T12 Cue:T11 Source:T10
T14\tCue 197 205\texpected
T15\tContent 187 196;206 213\tTaxes are to rise
T16\tAttribution-no-source 197 205\texpected
E4\tAttribution-no-source:T16 Content:T15 Cue:T14
T17\tDiscard 0 9\tThe mayor
E5\tAttribution-no-source:T16
"""


def quote(
    parts: tuple[tuple[int, int], ...],
    kind: str,
    speaker: tuple[int, int] | None = None,
    cue: tuple[int, int] | None = None,
    text: str = TEXT,
) -> Quote:
    return Quote(
        text=" ".join(text[s:e] for s, e in parts),
        start=parts[0][0],
        end=parts[-1][1],
        parts=parts,
        kind=kind,
        speaker=Speaker(name=None, start=speaker[0], end=speaker[1]) if speaker else Speaker(),
        cue=Cue(text[cue[0] : cue[1]], cue[0], cue[1]) if cue else None,
    )


PREDICTED = [
    # Exact content, right speaker and cue.
    quote(((15, 45),), "indirect", speaker=(0, 9), cue=(10, 14)),
    # Half of a two-part content (5 of 8 tokens): a match, not exact; wrong speaker, right cue.
    quote(((48, 67),), "direct", speaker=(84, 93), cue=(79, 83)),
    # Not in the gold: a false positive with a speaker and a cue.
    quote(((128, 151),), "indirect", speaker=(70, 78), cue=(95, 101)),
]


# --- PolNeAR: reading brat -------------------------------------------------------------------------------


def test_parse_ann_ties_roles_and_joins_spans() -> None:
    gold = parse_ann(ANN, TEXT)
    assert len(gold) == 4  # E5 has no content
    first, second, _, last = gold
    assert first == GoldAttribution(
        content=((15, 45),), cue=((10, 14),), source=((0, 9),), text="the bridge would reopen in May"
    )
    assert second.content == ((47, 69), (107, 123))  # Content and Content2 together
    assert second.is_direct and not first.is_direct
    assert last.source == ()
    assert last.content == ((187, 196), (206, 213))
    assert last.text == "Taxes are to rise"


def test_parse_ann_offsets_agree_with_the_text() -> None:
    for line in ANN.splitlines():
        if line.startswith("T"):
            _, where, words = line.split("\t")
            spans = [piece.split() for piece in where.partition(" ")[2].split(";")]
            assert " ".join(TEXT[int(s) : int(e)] for s, e in spans) == words


def test_parse_ann_without_text_uses_the_t_lines() -> None:
    assert parse_ann(ANN)[3].text == "Taxes are to rise"


def test_parse_ann_rejects_a_broken_line() -> None:
    with pytest.raises(ValueError, match="line 1"):
        parse_ann("T1\tContent twelve 15\tx\n")


def test_find_articles_takes_the_first_annotator(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for name in ("outlet_2016-01-01_alpha.txt", "beta.txt", "gamma.txt"):
        (tmp_path / "text" / name).write_text("x", encoding="utf-8")
    for name in ("outlet_2016-01-01_alpha_d473.ann", "outlet_2016-01-01_alpha_4b22.ann", "beta.ann"):
        (tmp_path / "attributions" / name).write_text("", encoding="utf-8")
    found = {text.name: ann.name if ann else None for text, ann in find_articles(tmp_path)}
    assert found == {
        "beta.txt": "beta.ann",
        "gamma.txt": None,
        "outlet_2016-01-01_alpha.txt": "outlet_2016-01-01_alpha_4b22.ann",
    }


# --- PolNeAR: scoring ------------------------------------------------------------------------------------


def test_tokens_are_positions_not_strings() -> None:
    tokens = Tokens("no, no -- no!")
    assert tokens.of([(0, 6)]) == {0, 1}
    assert tokens.of([(10, 12)]) == {2}
    assert tokens.of([(1, 5)]) == {0, 1}  # a span that cuts a word still covers it
    # The third "no" shares no position with the first two, however equal the strings.
    assert match_contents([tokens.of([(10, 12)])], [tokens.of([(0, 6)])]) == []


def test_one_match_one_false_positive_one_miss() -> None:
    text = "Ann said the vote was fair. Bob said the count was slow."
    gold = [GoldAttribution(content=((9, 26),), cue=((4, 8),), source=((0, 3),))]
    predicted = [quote(((9, 26),), "indirect", text=text), quote(((37, 55),), "indirect", text=text)]
    gold.append(GoldAttribution(content=((0, 3),)))  # a miss: nothing predicted there
    totals = Counts()
    totals.add(score_article("one", text, gold, predicted))
    result = totals.as_dict()
    assert result["content"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}


def test_every_metric_on_a_small_article() -> None:
    totals = Counts()
    score = score_article("fixture", TEXT, parse_ann(ANN, TEXT), PREDICTED)
    assert score.pairs == [(0, 0, True), (1, 1, False)]
    assert score.missed == [2, 3] and score.false_positives == [2]
    totals.add(score)
    result = totals.as_dict()
    third, half = 0.3333, 0.5
    assert (result["articles"], result["gold"], result["predicted"], result["matched"]) == (1, 4, 3, 2)
    assert result["content"] == {"precision": 0.6667, "recall": half, "f1": 0.5714}
    assert result["content_exact"] == {"precision": third, "recall": 0.25, "f1": 0.2857, "matched": 1}
    # Source: 3 predictions have a speaker span, 3 gold have a Source, only the first is right.
    assert result["source"] == {
        "precision": third,
        "recall": third,
        "f1": third,
        "correct": 1,
        "predicted": 3,
        "gold": 3,
    }
    # Cue: 3 predictions with a cue, 4 gold cues; the two matched ones are right.
    assert result["cue"] == {"precision": 0.6667, "recall": half, "f1": 0.5714, "correct": 2, "predicted": 3, "gold": 4}
    assert result["direct_recall"] == {"recall": 1.0, "matched": 1, "gold": 1}
    assert result["by_kind"] == {
        "direct": {"predicted": 1, "matched": 1, "precision": 1.0},
        "mixed": {"predicted": 0, "matched": 0, "precision": 0.0},
        "indirect": {"predicted": 2, "matched": 1, "precision": 0.5},
    }


def test_matching_is_one_to_one_and_greedy_by_overlap() -> None:
    gold = [frozenset(range(10))]
    # Both pass the thresholds; the one with more shared tokens takes the gold.
    assert match_contents([frozenset(range(6)), frozenset(range(8))], gold) == [(1, 0)]


def test_matching_thresholds() -> None:
    gold = [frozenset(range(4))]
    assert match_contents([frozenset(range(9))], gold) == []  # precision 4/9 < 0.5
    assert match_contents([frozenset(range(8))], gold) == [(0, 0)]  # precision exactly 0.5
    assert match_contents([frozenset(range(1))], gold) == []  # recall 1/4 < 0.5
    assert match_contents([frozenset(range(2))], gold) == [(0, 0)]  # recall exactly 0.5


def test_an_exact_pair_wins_a_tie_on_overlap() -> None:
    gold = [frozenset(range(4)), frozenset(range(6))]
    # The prediction shares 4 tokens with both; the exact pair goes first.
    assert match_contents([frozenset(range(4))], gold) == [(0, 0)]


def test_prf_is_zero_when_undefined() -> None:
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert prf(1, 2, 4) == {"precision": 0.5, "recall": 0.25, "f1": 0.3333}


# --- seed gold -------------------------------------------------------------------------------------------


def test_text_match_equal_after_whitespace_or_by_tokens() -> None:
    assert text_match("we  will\nwin", "we will win") == (True, 1.0)
    assert text_match("the council will vote on Monday", "council will vote")[0]  # P 3/6, R 1
    assert not text_match("the council will vote on Monday night", "council will vote")[0]  # P 3/7
    assert not text_match("the council", "the council will vote on Monday")[0]  # R 2/6


def test_same_name_ignores_case_article_and_apostrophes() -> None:
    assert same_name("Harbor Board’s chair", "the harbor board's chair")
    assert not same_name(None, "Harbor Board")
    assert not same_name("Harbor Board", "Harbor Board chair")


def test_judge_article_checks_each_gold_quote() -> None:
    text = "“We will win,” said Mara Quell. Officials said the port would close. The board spoke of delays."
    article = Article(
        id="x",
        source="fixture",
        text=text,
        quotes=(
            Quote(
                "We will win,", 1, 13, ((1, 13),), "direct", Speaker("Mara Quell", None, 20, 30), Cue("said", 15, 19)
            ),
            Quote("the port would close", 47, 67, ((47, 67),), "indirect", Speaker("Officials"), Cue("said", 42, 46)),
        ),
    )
    gold = {
        "quotes": [
            {"text": "We will win,", "kind": "direct", "speaker": "Mara Quell", "cue": "said"},
            {"text": "the port would close", "kind": "mixed", "speaker": "The officials", "cue": "said", "via": "Wire"},
            {"text": "delays", "kind": "mixed", "speaker": "the board", "cue": "spoke of", "stretch": True},
        ]
    }
    first, second, third = judge_article(article, gold)
    assert first["found"] and first["speaker"] and first["cue"] and first["kind"] and not first["problems"]
    assert second["found"] and second["speaker"] and second["cue"]
    assert not second["kind"] and second["via"] is False
    assert second["problems"] == ["kind: got 'indirect', want 'mixed'", "via: got None, want 'Wire'"]
    assert third["stretch"] and third["problems"] == ["not found"]


# --- on the real data (needs ../shared) ------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.skipif(
    not POLNEAR_DEV.is_dir(), reason="../shared/datasets/polnear/dev is absent (it lives outside the repo)"
)
def test_eval_polnear_on_three_dev_articles() -> None:
    run = CliRunner().invoke(cli, ["eval", "polnear", "--data", str(POLNEAR_DEV), "--limit", "3", "--json"])
    assert run.exit_code == 0, run.output
    result = json.loads(run.output)
    assert result["articles"] == 3
    assert result["gold"] > 0 and result["predicted"] > 0
    assert 0 <= result["matched"] <= min(result["gold"], result["predicted"])
    for key in ("content", "content_exact", "source", "cue"):
        assert set(result[key]) >= {"precision", "recall", "f1"}
        assert all(0.0 <= result[key][m] <= 1.0 for m in ("precision", "recall", "f1"))
    assert result["content_exact"]["matched"] <= result["matched"]
    assert 0.0 <= result["direct_recall"]["recall"] <= 1.0
    assert set(result["by_kind"]) >= {"direct", "mixed", "indirect"}
    assert sum(k["predicted"] for k in result["by_kind"].values()) == result["predicted"]
    assert sum(k["matched"] for k in result["by_kind"].values()) == result["matched"]
    summary = CliRunner().invoke(cli, ["eval", "polnear", "--data", str(POLNEAR_DEV), "--limit", "1"])
    assert summary.exit_code == 0 and "content" in summary.output


def test_eval_polnear_on_a_folder_that_is_not_polnear(tmp_path: Path) -> None:
    run = CliRunner().invoke(cli, ["eval", "polnear", "--data", str(tmp_path)])
    assert run.exit_code == 1
    assert "not a PolNeAR split" in run.output


@pytest.mark.shared
@pytest.mark.skipif(not (SAMPLES / "seed-news.gold.json").exists(), reason="../shared/samples is absent")
def test_eval_quotes_seed_finds_direct_quotes_with_speakers() -> None:
    run = CliRunner().invoke(cli, ["eval", "quotes-seed", "--data", str(SAMPLES), "--json"])
    assert run.exit_code == 0, run.output
    result = json.loads(run.output)
    direct = result["non_stretch"]["by_kind"]["direct"]
    assert direct["quotes"] > 0
    assert direct["found"] == direct["quotes"]
    assert direct["speaker"] == direct["quotes"]
    assert result["articles"]["predicted"] == result["articles"]["gold"]
    for miss in result["misses"]:
        assert miss["problems"]
        assert not (miss["gold_kind"] == "direct" and not miss["stretch"])
