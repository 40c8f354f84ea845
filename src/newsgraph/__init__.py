"""newsgraph: raw news scrapes in; clean articles and who-said-what facts out, stored and queryable.

>>> import newsgraph
>>> articles = newsgraph.extract("path/to/scrape.txt")  # doctest: +SKIP
>>> articles[0].quotes[0].speaker.name  # doctest: +SKIP
"""

from __future__ import annotations

import logging

from newsgraph._ingest import ingest_paths
from newsgraph.errors import NewsgraphError, ReadError, StoreError
from newsgraph.pipeline import extract
from newsgraph.records import (
    SCHEMA,
    Article,
    Caption,
    Cue,
    Entity,
    Quote,
    Removed,
    SourceCited,
    Speaker,
    TimeExpression,
)
from newsgraph.store import Store, open_store

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "SCHEMA",
    "Article",
    "Caption",
    "Cue",
    "Entity",
    "NewsgraphError",
    "Quote",
    "ReadError",
    "Removed",
    "SourceCited",
    "Speaker",
    "Store",
    "StoreError",
    "TimeExpression",
    "extract",
    "ingest",
    "open_store",
]


def ingest(paths: list[str] | str, db: str = "newsgraph.db") -> dict[str, int]:
    """Ingest files or folders into the store at ``db``; returns the run's counts."""
    return ingest_paths([paths] if isinstance(paths, str) else list(paths), db).as_dict()
