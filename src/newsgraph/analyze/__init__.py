"""Analyze stage: a cleaned article to entities, quotes, sources and times, all as offsets into its text.

No spaCy object leaves this package: ``analyze`` returns a plain ``Article``.
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.analyze.entities import credited_people, find_entities
from newsgraph.analyze.nlp import get_nlp
from newsgraph.analyze.quotes import find_quotes
from newsgraph.analyze.sources import find_sources
from newsgraph.analyze.times import find_times, infer_published
from newsgraph.records import Article, CleanArticle, Entity, TimeExpression, article_id


def analyze(article: CleanArticle, *, published: str | None = None) -> Article:
    """Analyse one cleaned article. ``published`` is the reference date when the article states none."""
    nlp = get_nlp()
    doc = nlp(article.text)
    caption_docs = list(nlp.pipe(c.text for c in article.captions))
    entities = find_entities(doc, caption_docs)
    date = article.published or infer_published(article.text, article.hint_dates) or published
    return Article(
        id=article_id(article.text),
        source=article.source,
        text=article.text,
        title=article.title,
        published=date,
        authors=article.authors,
        outlet=article.outlet,
        captions=article.captions,
        removed=article.removed,
        entities=_with_photographers(entities.entities, article),
        quotes=tuple(find_quotes(doc, entities)),
        sources=tuple(find_sources(article.text, entities, article.captions)),
        times=tuple(_times(article, date)),
    )


def _with_photographers(entities: tuple[Entity, ...], article: CleanArticle) -> tuple[Entity, ...]:
    known = {e.id for e in entities}
    credited = credited_people(c.credit for c in article.captions)
    return entities + tuple(e for e in credited if e.id not in known)


def _times(article: CleanArticle, published: str | None) -> list[TimeExpression]:
    """Times in the body, then in each caption (marked with its caption index)."""
    found = find_times(article.text, published)
    for index, caption in enumerate(article.captions):
        found += [replace(t, caption=index) for t in find_times(caption.text, published)]
    return found


__all__ = ["analyze", "get_nlp"]
