"""The cleaner on our original fixtures, each imitating the structure of a real messy page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsgraph.clean import clean_document
from newsgraph.records import CleanArticle, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "scrapes"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def _load(name: str) -> tuple[str, dict, list[CleanArticle]]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return text, expected, clean_document(RawDocument(source=name, text=text))


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_there_are_at_least_ten_fixtures() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("name", CASES)
def test_articles_titles_and_body_bounds(name: str) -> None:
    _, expected, articles = _load(name)
    assert len(articles) == expected["article_count"], [a.title for a in articles]
    for got, want in zip(articles, expected["articles"], strict=True):
        assert got.title == want["title"]
        starts = [want["text_starts_with"], want.get("text_starts_with_alt") or want["text_starts_with"]]
        assert any(got.text.startswith(s) for s in starts), got.text[:120]
        assert got.text.endswith(want["text_ends_with"]), got.text[-120:]
        for unwanted in want["text_must_not_include"]:
            assert unwanted not in got.text


@pytest.mark.parametrize("name", CASES)
def test_captions_once_with_credits_and_debris_removed(name: str) -> None:
    _, expected, articles = _load(name)
    for got, want in zip(articles, expected["articles"], strict=False):
        captions = [(_norm(c.text), c.credit) for c in got.captions]
        for caption in want["captions"]:
            assert (_norm(caption["text"]), caption.get("credit")) in captions, captions
            assert captions.count((_norm(caption["text"]), caption.get("credit"))) == 1
        removed = [_norm(r.text) for r in got.removed]
        for debris in want["removed_must_include"]:
            assert any(_norm(debris) == r or _norm(debris) in r for r in removed), (debris, removed)


@pytest.mark.parametrize("name", CASES)
def test_nothing_is_silently_lost(name: str) -> None:
    """Every input line ends up in a title, a body, a caption or `removed`."""
    text, _, articles = _load(name)
    parts: list[str] = []
    for article in articles:
        parts += [article.title or "", article.text]
        parts += [f"{c.text} {c.credit or ''}" for c in article.captions]
        parts += [r.text for r in article.removed]
    output = _norm("\n".join(parts))
    words = set(re.findall(r"\w+", output))
    for line in text.splitlines():
        if line.strip() and _norm(line) not in output:
            missing = [w for w in re.findall(r"\w+", line) if w not in words and not _glued_parts_kept(w, words)]
            assert not missing, (line, missing)


def _glued_parts_kept(token: str, words: set[str]) -> bool:
    """A token the scrape glued together ("captionMinister") is kept when each of its parts is."""
    parts = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", token)
    return len(parts) > 1 and all(part in words for part in parts)
