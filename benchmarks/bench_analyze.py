"""How much newsgraph's analysis adds to the bare spaCy pipeline, as ratios measured in one process.

    .venv/bin/python benchmarks/bench_analyze.py [FOLDER_OF_TXT] [--repeat N]

Defaults to PolNeAR dev texts when ../shared is present, else the repo's own fixtures. Each stage
is timed over the same parsed docs; the baseline is ``nlp.pipe`` over the texts. Ratios, not
seconds, are what to compare across machines.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from newsgraph.analyze.entities import find_entities  # noqa: E402
from newsgraph.analyze.events import find_events  # noqa: E402
from newsgraph.analyze.nlp import get_nlp  # noqa: E402
from newsgraph.analyze.quotes import find_quotes  # noqa: E402
from newsgraph.analyze.sources import find_sources  # noqa: E402
from newsgraph.analyze.times import find_times  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "datasets" / "polnear" / "dev" / "text"


def _best(run, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT if DEFAULT.exists() else ROOT / "tests")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.rglob("*.txt"))]
    nlp = get_nlp()
    nlp("warm up")
    docs = []

    def parse() -> None:
        docs[:] = list(nlp.pipe(texts, batch_size=16))

    baseline = _best(parse, args.repeat)
    entities = [find_entities(doc) for doc in docs]
    stages = {
        "entities": lambda: [find_entities(doc) for doc in docs],
        "quotes": lambda: [find_quotes(doc, ents) for doc, ents in zip(docs, entities, strict=True)],
        "sources": lambda: [find_sources(doc.text, ents) for doc, ents in zip(docs, entities, strict=True)],
        "times": lambda: [find_times(doc.text, "2016-09-30") for doc in docs],
        "events": lambda: [
            find_events(doc, ents, find_times(doc.text, "2016-09-30"), "2016-09-30")
            for doc, ents in zip(docs, entities, strict=True)
        ],
    }
    result = {
        "texts": len(texts),
        "characters": sum(map(len, texts)),
        "spacy_seconds": round(baseline, 3),
        "added_fraction": {name: round(_best(run, args.repeat) / baseline, 4) for name, run in stages.items()},
    }
    added = result["added_fraction"]
    # The events stage re-finds times for itself here, so "all" counts times once.
    added["all"] = round(sum(added.values()) - added["times"], 4)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
