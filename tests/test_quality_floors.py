"""Quality gates: each benchmark must stay at or above the floor pinned in evaluate/floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate import plv, polnear, quotes_seed, tempeval, zyte

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FLOORS = json.loads((Path(polnear.__file__).parent / "floors.json").read_text(encoding="utf-8"))


def _data(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared lives outside the repo)")
    return path


def test_zyte_body_beats_plain_trafilatura_in_the_same_run() -> None:
    result = zyte.evaluate_zyte(_data("datasets/zyte-articles"))
    floor = FLOORS["zyte"]
    assert result["delta_f1"] >= floor["delta_f1_vs_trafilatura"], result
    assert result["newsgraph"]["f1"] >= floor["f1"], result


def test_tempeval_value_f1() -> None:
    result = tempeval.evaluate_tempeval(_data("datasets/tempeval3"))
    floor = FLOORS["tempeval"]
    assert result["value_f1"] >= floor["value_f1"], result
    assert result["relaxed_f1"] >= floor["relaxed_f1"], result


def test_polnear_dev_quotes() -> None:
    result = polnear.evaluate_polnear(_data("datasets/polnear/dev"))
    floor = FLOORS["polnear_dev"]
    assert result["content"]["f1"] >= floor["content_f1"], result["content"]
    assert result["source"]["f1"] >= floor["source_f1"], result["source"]
    assert result["direct_recall"]["recall"] >= floor["direct_recall"], result["direct_recall"]


def test_seed_direct_quotes() -> None:
    result = quotes_seed.evaluate_quotes_seed(_data("samples"))
    direct = result["non_stretch"]["by_kind"]["direct"]
    assert direct["found"] >= FLOORS["quotes_seed"]["direct_found"], result
    assert direct["speaker"] >= FLOORS["quotes_seed"]["direct_speaker"], result
    every = result["non_stretch"]
    assert every["found"] >= FLOORS["quotes_seed"]["found"], result
    assert every["speaker"] >= FLOORS["quotes_seed"]["speaker"], result
    assert every["via"]["right"] >= FLOORS["quotes_seed"]["via"], result


def test_plv_cross_validated_event_types() -> None:
    """PLOVER types on PLV train, 5-fold cross-validated (the PLOVER gold records join each training fold)."""
    data = _data("datasets/plv/train.tsv")
    gsr = SHARED / "datasets" / "plover" / "PLOVER_GSR_CAMEO.txt"
    result = plv.evaluate_plv(data, k=5, extra=gsr if gsr.exists() else None)
    assert result["accuracy"] >= FLOORS["plv_cv"]["accuracy"], result
    assert result["quad_accuracy"] >= FLOORS["plv_cv"]["quad_accuracy"], result
