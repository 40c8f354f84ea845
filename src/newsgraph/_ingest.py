"""Ingest: the pipeline into a store, one transaction per file, resumable and idempotent.

A file's articles and its ``files`` row are written in the same transaction, so after a crash
a re-run skips the files already complete and redoes the one that was cut off; articles are
keyed by a content hash, so nothing is stored twice. A JSONL file with more than ``BATCH_SIZE``
articles is committed in batches to bound memory; its ``files`` row comes with the last batch,
so an interrupted one is read again and the articles it already stored count as duplicates.

>>> summary = ingest_paths(["scrapes/"], "news.db")  # doctest: +SKIP
>>> summary.line()  # doctest: +SKIP
'12 files read, 14 articles stored, 0 skipped as duplicates, 0 files already ingested, 0 errors'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import extract_file
from newsgraph.read import InputFile, iter_input_files
from newsgraph.records import Article
from newsgraph.store import Store, open_store

#: Articles written per transaction while a large file (JSONL) is still being read.
BATCH_SIZE = 200


@dataclass
class IngestSummary:
    files: int = 0
    already: int = 0
    stored: int = 0
    duplicates: int = 0
    errors: int = 0
    failed_files: int = 0
    inputs: int = 0

    def line(self) -> str:
        return (
            f"{self.files} files read, {self.stored} articles stored, {self.duplicates} skipped as duplicates, "
            f"{self.already} files already ingested, {self.errors} errors"
        )

    @property
    def all_failed(self) -> bool:
        return self.inputs > 0 and self.failed_files == self.inputs

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def ingest_paths(
    paths: Iterable[str],
    db: str | Store,
    *,
    as_is: bool = False,
    published: str | None = None,
    debug: bool = False,
    on_error: Callable[[NewsgraphError], None] = lambda error: None,
    on_progress: Callable[[int, int, str], None] = lambda done, total, name: None,
) -> IngestSummary:
    """Ingest every input under ``paths`` into ``db`` (a Store, a path or a URL)."""
    summary = IngestSummary()
    inputs = list(iter_input_files(paths))  # paths and sizes only, for progress totals
    summary.inputs = len(inputs)
    store = db if isinstance(db, Store) else open_store(db)
    try:
        for done, item in enumerate(inputs):
            on_progress(done, len(inputs), item.path if isinstance(item, InputFile) else "")
            if isinstance(item, NewsgraphError):
                summary.errors += 1
                summary.failed_files += 1
                on_error(item)
            elif item.path != "-" and store.file_done(item.key):
                summary.already += 1
            else:
                _ingest_file(store, item, summary, on_error, as_is=as_is, published=published, debug=debug)
        on_progress(len(inputs), len(inputs), "")
    finally:
        if not isinstance(db, Store):
            store.close()
    return summary


def _ingest_file(
    store: Store,
    item: InputFile,
    summary: IngestSummary,
    on_error: Callable[[NewsgraphError], None],
    **options: bool | str | None,
) -> None:
    batch: list[Article] = []
    documents = 0
    for result in extract_file(item, **options):  # type: ignore[arg-type]
        if isinstance(result, NewsgraphError):
            summary.errors += 1
            on_error(result)
            continue
        documents += 1
        batch += result
        if len(batch) >= BATCH_SIZE:
            _write(store, batch, summary)
            batch = []
    if documents == 0:
        summary.failed_files += 1
        return
    summary.files += 1
    key = None if item.path == "-" else item.key
    info = {"path": item.path, "size": item.size, "mtime": item.mtime, "articles": documents}
    _write(store, batch, summary, file_key=key, file_info=info)


def _write(store: Store, batch: list[Article], summary: IngestSummary, **kwargs: object) -> None:
    stored, duplicates = store.add_articles(batch, **kwargs)  # type: ignore[arg-type]
    summary.stored += stored
    summary.duplicates += duplicates
