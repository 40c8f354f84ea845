"""The whole path for one input: read -> clean -> analyze, streamed one document at a time."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.analyze import analyze
from newsgraph.clean import clean_document
from newsgraph.errors import NewsgraphError, ReadError
from newsgraph.read import InputFile, iter_input_files, read_file
from newsgraph.records import Article, RawDocument

logger = logging.getLogger(__name__)


def articles_of(raw: RawDocument, *, as_is: bool = False, published: str | None = None) -> list[Article]:
    """Every article in one raw document, analysed. Raises ReadError when it holds no article text."""
    cleaned = [a for a in clean_document(raw, as_is=as_is) if a.text.strip()]
    if not cleaned:
        raise ReadError(raw.source, "no article text found")
    return [analyze(article, published=published) for article in cleaned]


def extract_file(
    item: InputFile, *, as_is: bool = False, published: str | None = None, debug: bool = False
) -> Iterator[list[Article] | NewsgraphError]:
    """For each document in one input: its articles, or the error that stopped it. Never raises on bad input."""
    try:
        for doc in read_file(item):
            if isinstance(doc, NewsgraphError):
                yield doc
                continue
            try:
                yield articles_of(doc, as_is=as_is, published=published)
            except NewsgraphError as exc:
                yield exc
            except Exception as exc:  # one bad document must not sink the batch
                if debug:
                    raise
                logger.debug("analysis failed for %s", doc.source, exc_info=True)
                yield ReadError(doc.source, f"analysis failed ({type(exc).__name__}: {exc})")
    except NewsgraphError as exc:
        yield exc
    except OSError as exc:
        yield ReadError(item.path, exc.strerror or str(exc))


def extract_paths(
    paths: Iterable[str], *, as_is: bool = False, published: str | None = None, debug: bool = False
) -> Iterator[tuple[InputFile | None, list[Article] | NewsgraphError]]:
    """``extract_file`` over every input under ``paths`` (folders recursively, ``-`` for stdin)."""
    for item in iter_input_files(paths):
        if isinstance(item, NewsgraphError):
            yield None, item
            continue
        for result in extract_file(item, as_is=as_is, published=published, debug=debug):
            yield item, result


def extract(text_or_path: str | Path, *, as_is: bool = False, published: str | None = None) -> list[Article]:
    """Articles from raw text, or from a file or folder path.

    >>> articles = extract("Plain text with no article in it? Not enough.")  # doctest: +SKIP
    """
    if isinstance(text_or_path, Path) or (
        isinstance(text_or_path, str) and "\n" not in text_or_path and len(text_or_path) < 4096
        and Path(text_or_path).exists()
    ):  # fmt: skip
        found: list[Article] = []
        for _, result in extract_paths([str(text_or_path)], as_is=as_is, published=published):
            if isinstance(result, NewsgraphError):
                raise result
            found += result
        return found
    return articles_of(RawDocument(source="<text>", text=text_or_path), as_is=as_is, published=published)
