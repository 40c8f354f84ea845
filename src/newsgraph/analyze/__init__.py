"""Analyze stage: a cleaned article to entities, quotes, sources, times and events, as offsets into its text.

No spaCy object leaves this package: ``analyze`` returns a plain ``Article``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from newsgraph.analyze.entities import EntityIndex, credited_people, find_entities
from newsgraph.analyze.events import find_events
from newsgraph.analyze.nlp import get_nlp
from newsgraph.analyze.quotes import find_quotes, headline_quote
from newsgraph.analyze.sources import find_sources
from newsgraph.analyze.times import find_times, infer_published
from newsgraph.analyze.titles import role_head
from newsgraph.records import Article, CleanArticle, Entity, Quote, Speaker, TimeExpression, article_id


def analyze(article: CleanArticle, *, published: str | None = None) -> Article:
    """Analyse one cleaned article. ``published`` is the reference date when the article states none."""
    nlp = get_nlp()
    doc = nlp(article.text)
    caption_docs = list(nlp.pipe(c.text for c in article.captions))
    entities = find_entities(doc, caption_docs, list(nlp.pipe(_name_sources(article))))
    date = article.published or infer_published(article.text, article.hint_dates) or published
    times = tuple(_times(article, date))
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
        quotes=tuple(_quotes(article, doc, caption_docs, entities)),
        sources=tuple(find_sources(article.text, entities, article.captions)),
        times=times,
        events=tuple(find_events(doc, entities, [t for t in times if t.caption is None], date)),
    )


#: What the cleaner set aside that still names the article's people in full.
_NAMING_REMOVALS = frozenset({"teaser", "repeated headline", "extra headline", "image alt text"})


def _name_sources(article: CleanArticle) -> list[str]:
    """The headline and set-aside lines that may give a full name the body shortens ("Dr Ansel Corbin")."""
    lines = [article.title, *(r.text for r in article.removed if r.reason in _NAMING_REMOVALS)]
    return [line for line in lines if line]


def _headline_line(text: str) -> str | None:
    """The first line, when it stands alone as a paragraph a headline's length (at most 15 words), in
    headline case ("Voss Says Levy Must Go") or as a label and a colon ("Voss: levy must go"); a lead
    sentence is left to the parser."""
    line, _, rest = text.partition("\n")
    words = line.split()
    if not rest.startswith("\n") or not 2 <= len(words) <= 25:
        return None
    long_words = [w for w in words if len(w.strip("‘’'\"“”")) > 3]
    capitalised = sum(w.strip("‘’'\"“”")[:1].isupper() for w in long_words)
    labelled = ":" in " ".join(words[:5])
    headline_case = bool(long_words) and capitalised >= 0.6 * len(long_words)
    return line if labelled or headline_case or len(words) <= 15 else None


def _with_photographers(entities: tuple[Entity, ...], article: CleanArticle) -> tuple[Entity, ...]:
    known = {e.id for e in entities}
    credited = credited_people(c.credit for c in article.captions)
    return entities + tuple(e for e in credited if e.id not in known)


def _quotes(article: CleanArticle, doc: Doc, caption_docs: list[Doc], entities: EntityIndex) -> list[Quote]:
    """Quotes in the body, then the headline's ("X Says Y"), then each caption's, marked with where they are."""
    found = find_quotes(doc, entities)
    headline = headline_quote(article.title, entities) if article.title else None
    if headline is not None:
        found.append(headline)
    elif article.title is None and (lead := _headline_line(article.text)):
        # Text taken as it is keeps its headline as its first line: read it as a headline.
        lead_quote = headline_quote(lead, entities)
        in_lead = [q for q in found if q.start < len(lead)]
        # A whole quote the lead gives someone ("Tollis Slams Board: ‘…’") stands; fragments give way.
        whole = [q for q in in_lead if q.kind == "direct" and q.speaker.name and len(q.text.split()) >= 4]
        if lead_quote is not None and not whole:
            found = [replace(lead_quote, location="body"), *(q for q in found if q.start >= len(lead))]
    for index, caption_doc in enumerate(caption_docs):
        # Only quoted words: a caption "shows" a scene, it does not report speech.
        for quote in find_quotes(caption_doc, find_entities(caption_doc)):
            if quote.kind != "indirect":
                found.append(
                    replace(quote, location="caption", caption=index, speaker=_relink(quote.speaker, entities))
                )
    return found


def _relink(speaker: Speaker, entities: EntityIndex) -> Speaker:
    """A caption names "Okafor" or "the minister"; the article knows "Rasmus Okafor", Water Minister."""
    if speaker.name is None or speaker.entity is not None and speaker.entity in {e.id for e in entities.entities}:
        return speaker
    last = speaker.name.split()[-1]
    role = role_head(speaker.name)
    people = [e for e in entities.entities if e.type == "PERSON" and e.mentions]
    match = next((e for e in people if e.name.split()[-1] == last), None) or next(
        (e for e in people if role and any(role in t.lower() for t in e.titles)), None
    )
    return replace(speaker, name=match.name, entity=match.id) if match else speaker


def _times(article: CleanArticle, published: str | None) -> list[TimeExpression]:
    """Times in the body, then in each caption (marked with its caption index)."""
    found = find_times(article.text, published)
    for index, caption in enumerate(article.captions):
        found += [replace(t, caption=index) for t in find_times(caption.text, published)]
    return found


__all__ = ["analyze", "get_nlp"]
