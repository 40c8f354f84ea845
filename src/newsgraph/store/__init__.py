"""Storage for analysed articles: one ``Store`` interface, SQLite now, PostgreSQL later.

>>> from newsgraph.store import open_store
>>> with open_store("sqlite:///:memory:") as store:
...     store.counts()["quotes"]
0
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from newsgraph.errors import StoreError
from newsgraph.store.base import COLUMNS, EXPORT_TABLES, MIN_PREFIX, Store, article_rows
from newsgraph.store.sqlite import SQLiteStore

__all__ = [
    "COLUMNS",
    "EXPORT_TABLES",
    "MIN_PREFIX",
    "SQLiteStore",
    "Store",
    "article_rows",
    "open_store",
]

_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<rest>.*)$")


def open_store(url_or_path: str | os.PathLike[str], *, create: bool = True) -> Store:
    """Open (and migrate) a store from a path, ``sqlite:///path.db`` or ``sqlite:///:memory:``.

    ``sqlite:///rel.db`` is relative and ``sqlite:////abs.db`` absolute, as in SQLAlchemy.
    With ``create=False`` a missing database file raises ``StoreError`` instead of being
    created, which is what read-only commands want.
    """
    text = os.fspath(url_or_path)
    match = _SCHEME.match(text)
    if match is None:
        target = text
    elif match["scheme"].lower() == "sqlite":
        rest = match["rest"]
        # "sqlite://" alone means in-memory; otherwise drop the one slash before the path.
        target = ":memory:" if rest == "" else rest[1:] if rest.startswith("/") else rest
        if not target:
            target = ":memory:"
    else:
        raise StoreError(
            f"store URL scheme {match['scheme']!r} is not supported yet; use a file path or sqlite:///path.db"
        )
    if target == ":memory:":
        return SQLiteStore(":memory:", url=text)
    path = Path(target).expanduser()
    if not create and not path.exists():
        raise StoreError(f"no database at {path}; run `newsgraph ingest` first")
    return SQLiteStore(path, url=text)
