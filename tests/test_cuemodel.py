"""The learned cue model: scoring, candidates and anchors, training on a toy set, and how quotes use it."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.analyze import reported as reported_module
from newsgraph.analyze.cuemodel import Classifier, CueModel, anchors, cue_features, shipped_cue_model
from newsgraph.analyze.nlp import get_nlp
from newsgraph.analyze.reported import cue_lexicon
from newsgraph.analyze.speakers import subject_of
from newsgraph.evaluate.polnear import GoldAttribution
from newsgraph.train.cuemodel import cue_examples, fit_binary


def _token(doc, text: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == text)


def test_classifier_counts_each_feature_once_and_adds_the_bias() -> None:
    model = Classifier(weights={"a": 1.5, "b": -0.5}, bias=0.25)
    assert model.score(["a", "a", "b", "unseen"]) == pytest.approx(1.25)
    assert model.score(["a"], dense_score=1.0) == pytest.approx(2.75)


def test_dense_scores_are_zero_without_token_vectors() -> None:
    doc = get_nlp().make_doc("No parse, no vectors here.")
    assert list(Classifier(dense=(1.0, 2.0)).dense_scores(doc)) == [0.0] * len(doc)


def test_fit_binary_learns_which_feature_marks_a_cue() -> None:
    rows = [["said", "x"], ["said", "y"], ["ate", "x"], ["ate", "y"]] * 5
    labels = [1, 1, 0, 0] * 5
    model = fit_binary(rows, labels)
    assert model.weights["said"] > 0 > model.weights["ate"]
    assert model.score(["said"]) > 0 > model.score(["ate"])


def test_untrained_model_scores_nothing() -> None:
    doc = get_nlp()("The mayor said the bridge would open in May.")
    assert CueModel().cue_probabilities(doc, cue_lexicon()) == {}


def test_shipped_model_tells_a_report_from_a_noun_around_it() -> None:
    model = shipped_cue_model()
    assert model.trained and 0 < model.threshold < 1 and 0 <= model.keep_below < 1
    doc = get_nlp()("Harbour master Ilse Varga said the ferry schedule would change in March.")
    chances = model.cue_probabilities(doc, cue_lexicon())
    said, change, schedule = _token(doc, "said"), _token(doc, "change"), _token(doc, "schedule")
    assert chances[said.i] > model.threshold > chances[change.i]
    assert schedule.i not in chances  # a noun never seen as a cue is not scored
    anchor, relation = model.best_anchor(said, cue_lexicon())
    assert relation == "ccomp" and anchor.text == "change"


def test_anchors_include_passive_subjects_and_the_head_but_not_agents_or_punctuation() -> None:
    doc = get_nlp()("The audit, officials said, was rejected by the board.")
    rejected = _token(doc, "rejected")
    relations = {relation for _, relation in anchors(rejected)}
    assert "nsubjpass" in relations and "punct" not in relations and "agent" not in relations
    said = _token(doc, "said")
    assert any(relation.startswith("^") for _, relation in anchors(said))


def test_cue_features_describe_the_word_and_its_subject() -> None:
    doc = get_nlp()("She said nothing.")
    features = cue_features(_token(doc, "said"), quoted=True, lexicon_rate=0.85)
    assert {"l=say", "p=VERB", "r=8", "inq", "sp=she"} <= set(features)


def test_training_examples_label_the_gold_cue_head_and_its_content_anchor() -> None:
    text = "The mayor said the bridge would open in May."
    doc = get_nlp()(text)
    gold = GoldAttribution(
        content=((text.index("the bridge"), len(text) - 1),),
        cue=((text.index("said"), text.index("said") + 4),),
        source=((0, 9),),
        text=text[text.index("the bridge") : -1],
    )
    rows, vectors, labels, groups = cue_examples([(doc, [gold])], cue_lexicon())
    assert sum(labels) == 1 and len(rows) == len(vectors) == len(labels)
    positive = rows[labels.index(1)]
    assert "l=say" in positive
    (group,) = groups
    assert [label for features, label in group if "k=ccomp" in features] == [1]


def test_model_adds_a_cue_the_lexicon_lacks(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Councillor Ana Brenner lampooned the parking plan for the harbour district."
    assert "lampoon/VERB" not in cue_lexicon()
    model = CueModel(
        cue=Classifier(weights={"l=lampoon": 10.0}, bias=-5.0),
        anchor=Classifier(weights={"k=dobj": 5.0}),
        threshold=0.5,
        keep_below=0.0,
    )
    monkeypatch.setattr(reported_module, "shipped_cue_model", lambda: model)
    (article,) = newsgraph.extract(text, as_is=True)
    (quote,) = [q for q in article.quotes if q.cue is not None and q.cue.text == "lampooned"]
    assert quote.text == "the parking plan for the harbour district"
    assert quote.speaker.name == "Ana Brenner"


def test_model_vetoes_a_weak_lexicon_cue_but_not_a_strong_one(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = cue_lexicon()
    weak = next(
        key.split("/")[0]
        for key in ("hope/VERB", "expect/VERB", "want/VERB", "plan/VERB")
        if key in lexicon and 0.15 <= lexicon[key]["rate"] < 0.5
    )
    never = CueModel(cue=Classifier(weights={"never": 1.0}, bias=-20.0), threshold=0.99, keep_below=0.5)
    text = (
        f"The mayor said the bridge would open in May. The engineers {weak} that the bridge will carry trams by June."
    )
    (plain,) = newsgraph.extract(text, as_is=True)
    monkeypatch.setattr(reported_module, "shipped_cue_model", lambda: never)
    (vetoed,) = newsgraph.extract(text, as_is=True)
    before = {q.cue.text for q in plain.quotes if q.cue is not None}
    after = {q.cue.text for q in vetoed.quotes if q.cue is not None}
    assert weak in before
    assert after == before - {weak}


def test_speakers_of_passive_reports_statement_nouns_and_relative_clauses() -> None:
    nlp = get_nlp()
    doc = nlp("The closure was first reported by the Harbour Gazette.")
    assert subject_of(_token(doc, "reported")).text == "Gazette"
    doc = nlp("Nervo's conclusion that judges should stay out of it was widely shared.")
    assert subject_of(_token(doc, "conclusion")).text == "Nervo"
    doc = nlp("The council issued a statement calling for calm.")
    assert subject_of(_token(doc, "calling")).text == "council"
    doc = nlp("They approved the levy, which several economists have argued would hurt exporters.")
    assert subject_of(_token(doc, "argued")).text == "economists"


def test_a_participle_after_a_preposition_takes_the_subject_of_the_clause() -> None:
    doc = get_nlp()("The governor began her speech by thanking the volunteers who rebuilt the pier.")
    assert subject_of(_token(doc, "thanking")).text == "governor"
