"""The whole path for one input: read -> clean -> analyze, streamed one document at a time."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.analyze import analyze
from newsgraph.clean import clean_document
from newsgraph.errors import NewsgraphError, ReadError
from newsgraph.read import InputFile, iter_input_files, read_file, read_text
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
    """For each document in one input: its articles, or the error that stopped it.

    Never raises on bad input: an unexpected failure becomes a ``ReadError`` naming the input,
    unless ``debug`` is set, when it propagates with its traceback.
    """
    try:
        yield from _analysed(read_file(item, whole=as_is), as_is=as_is, published=published, debug=debug)
    except NewsgraphError as exc:
        yield exc
    except OSError as exc:
        yield ReadError(item.path, exc.strerror or str(exc))
    except Exception as exc:  # a reader bug or a parser crash on hostile input
        if debug:
            raise
        logger.debug("reading failed for %s", item.path, exc_info=True)
        yield ReadError(item.path, f"could not be read ({_describe(exc)})")


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


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


#: Extensions that make a one-line string a path, even when no such file exists.
_PATH_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".gz")


def extract(text_or_path: str | Path, *, as_is: bool = False, published: str | None = None) -> list[Article]:
    """Articles from raw text (plain, HTML or JSONL), or from a file or folder path.

    A one-line string that names an existing path, or that ends in a known extension and has no
    spaces, is a path. Bad files under a path are logged and skipped; when nothing at all could
    be read, the first error is raised (a ``ReadError`` naming the file and the problem).

    >>> articles = extract("scrapes/council.txt")  # doctest: +SKIP
    >>> articles[0].quotes[0].speaker.name  # doctest: +SKIP
    """
    found: list[Article] = []
    errors: list[NewsgraphError] = []
    if _is_path(text_or_path):
        results: Iterable[list[Article] | NewsgraphError] = (
            result for _, result in extract_paths([str(text_or_path)], as_is=as_is, published=published)
        )
    else:
        results = _extract_text(str(text_or_path), as_is=as_is, published=published)
    for result in results:
        if isinstance(result, NewsgraphError):
            logger.warning("skipped %s", result)
            errors.append(result)
        else:
            found += result
    if errors and not found:
        raise errors[0]
    return found


def _is_path(value: str | Path) -> bool:
    if isinstance(value, Path):
        return True
    if "\n" in value or len(value) >= 4096:
        return False
    try:
        if Path(value).exists():
            return True
    except (OSError, ValueError):  # a name too long or with a NUL byte is text, not a path
        return False
    return not any(ch.isspace() for ch in value) and value.lower().endswith(_PATH_SUFFIXES)


def _extract_text(text: str, *, as_is: bool, published: str | None) -> Iterator[list[Article] | NewsgraphError]:
    if as_is:
        docs: Iterable[RawDocument | NewsgraphError] = [RawDocument(source=_TEXT_SOURCE, text=text)]
    else:
        docs = read_text(text, _TEXT_SOURCE)
    try:
        yield from _analysed(docs, as_is=as_is, published=published, debug=True)
    except NewsgraphError as exc:
        yield exc


def _analysed(
    docs: Iterable[RawDocument | NewsgraphError], *, as_is: bool, published: str | None, debug: bool
) -> Iterator[list[Article] | NewsgraphError]:
    """Each document's articles, or its error; with ``debug``, unexpected failures propagate."""
    for doc in docs:
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
            yield ReadError(doc.source, f"analysis failed ({_describe(exc)})")


_TEXT_SOURCE = "<text>"
