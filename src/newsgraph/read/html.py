"""Read one HTML page into a :class:`~newsgraph.records.RawDocument`.

trafilatura finds the article body; we clean around it at two depths:

1. **DOM pruning** before trafilatura sees the tree: captions and credits,
   related/teaser/newsletter boxes, ad slots, hover cards, link-only lists.
   A guard keeps any matched node that holds a large share of the page text,
   because class names like ``entry-content-read-more`` also sit on real bodies.
2. **Line filtering** after extraction: repeated headline/dek at the top, teaser
   headlines, "Advertisement", "Related: ...", newsletter and follow-us lines,
   photo credits. Length caps keep these rules off real paragraphs.

Every rule is generic (tag names, common class-name words, common boilerplate
phrases); none names a site. ``evaluate/zyte.py`` measures the effect.

The body keeps one paragraph per line (``"\\n"`` between paragraphs, no markup).

>>> doc = parse_html(page, "page.html", url="https://example.org/story")  # doctest: +SKIP
>>> doc.title, doc.published, doc.text.split("\\n")[0]                   # doctest: +SKIP
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterable
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsgraph.errors import ReadError
from newsgraph.records import RawDocument

LOGGER = logging.getLogger(__name__)

# ---------------------------------------------------------------- detection

_SNIFF_CHARS = 4096
_DOC_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_DOC_TAG = re.compile(r"<(?:html|head|body)\b", re.I)
_COMMON_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|ul|ol|li|table|tr|td|article|section|main|meta|title|script|img|em|strong)\b[^>]*>",
    re.I,
)
#: How many common tags a fragment needs before we call it HTML (one stray "<b>" in prose is not enough).
_MIN_FRAGMENT_TAGS = 3


def looks_like_html(text: str) -> bool:
    """True when ``text`` is HTML by content: a doctype/``<html>`` start, or several common tags early on."""
    head = text[:_SNIFF_CHARS].lstrip("\ufeff")
    if _DOC_START.match(head) or _DOC_TAG.search(head):
        return True
    return len(_COMMON_TAG.findall(head)) >= _MIN_FRAGMENT_TAGS


# ---------------------------------------------------------------- DOM pruning

# Class/id words, matched inside single class tokens so "wp-caption-text" and "photo-credit" hit.
_CAPTION_TOKEN = re.compile(r"caption|credit", re.I)
_RELATED_TOKEN = re.compile(r"related|recirc|more-stories|read-?more|promo|teaser|newsletter|subscribe|sign-?up", re.I)
# Whole-token ad names only: "-ad-" inside a token also names layout ("non-ad-column", "Page-ad-margins").
_AD_TOKEN = re.compile(
    r"^(?:ads?|advert\w*|sponsor(?:ed)?|dfp-\w+|gpt-ad\w*|ad-(?:slot|unit|container|wrapper|label|placeholder)\w*)$",
    re.I,
)
# Hover cards ride inside running text; only their innermost box is debris, the wrapper holds the link.
_POPUP_TOKEN = re.compile(r"tooltip|popover|hovercard|rollover", re.I)
# Headline and dek (standfirst) boxes: their text is dropped only when it opens the body.
_DEK_TOKEN = re.compile(
    r"(?:^|[-_])(?:deck|dek|subline|sub-?title|sub-?head(?:line)?|standfirst|kicker|strapline|headline"
    r"|article-?title|entry-title|post-title)(?:[-_]|$)",
    re.I,
)
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
#: A matched node holding this many paragraphs, or this share of the page text, is a body, not a box.
_GUARD_PARAGRAPHS = 3
_GUARD_SHARE = 0.25


def _tokens(el: HtmlElement) -> list[str]:
    return (el.get("class") or "").split() + (el.get("id") or "").split()


def _any_token(el: HtmlElement, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(tok) for tok in _tokens(el))


def _is_link_only_list(el: HtmlElement) -> bool:
    """A ``ul``/``ol`` whose every item is nothing but a link: a teaser list, not prose."""
    items = [child for child in el if child.tag == "li"]
    if not items:
        return False
    for item in items:
        text = item.text_content().strip()
        if not text or "".join(a.text_content() for a in item.iter("a")).strip() != text:
            return False
    return True


def _prune_reason(el: HtmlElement) -> str | None:
    if el.tag == "figcaption" or _any_token(el, _CAPTION_TOKEN):
        return "caption"
    if _any_token(el, _RELATED_TOKEN):
        return "related"
    if _any_token(el, _AD_TOKEN):
        return "advert"
    if el.tag != "a" and _any_token(el, _POPUP_TOKEN):
        inner = (d for d in el.iterdescendants() if isinstance(d.tag, str))
        if not any(_any_token(d, _POPUP_TOKEN) for d in inner):
            return "popup"
    if el.tag in ("ul", "ol") and _is_link_only_list(el):
        return "link list"
    return None


def _remove_keep_tail(el: HtmlElement) -> None:
    """Drop an element but keep the text that follows it (its ``tail`` belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def prune_tree(tree: HtmlElement) -> HtmlElement:
    """Remove caption, teaser, ad and hover-card nodes in place, and return the tree."""
    total = len(tree.text_content()) or 1
    doomed: list[tuple[HtmlElement, str]] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "head", "body"):
            continue
        reason = _prune_reason(el)
        if reason:
            doomed.append((el, reason))
    for el, reason in doomed:
        if el.getparent() is None or not _is_descendant_of_root(el, tree):
            continue  # already gone with an ancestor
        if len(el.findall(".//p")) >= _GUARD_PARAGRAPHS or len(el.text_content()) > _GUARD_SHARE * total:
            continue
        LOGGER.debug("pruned %s <%s class=%r>", reason, el.tag, el.get("class"))
        _remove_keep_tail(el)
    _unwrap_link_spans(tree)
    return tree


def _is_descendant_of_root(el: HtmlElement, root: HtmlElement) -> bool:
    return any(anc is root for anc in el.iterancestors())


def _unwrap_link_spans(tree: HtmlElement) -> None:
    """Unwrap ``<span>`` wrappers that only hold links inside a paragraph.

    trafilatura's precision mode drops ``span.link`` and similar wrappers, which cuts
    words out of the middle of sentences; inside a ``<p>`` such a span is running text.
    """
    for span in list(tree.iter("span")):
        kids = [c for c in span if isinstance(c.tag, str)]
        if not kids or any(c.tag != "a" for c in kids) or (span.text or "").strip():
            continue
        if any((c.tail or "").strip() for c in kids[:-1]):
            continue
        if next(span.iterancestors("p"), None) is not None:
            span.drop_tag()


# ---------------------------------------------------------------- line filtering


def _words(text: str | None) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", (text or "").casefold()))


# (name, pattern, longest line it may remove). Length caps keep phrases like "newsletter" from
# removing a real paragraph that happens to mention one.
_LINE_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    (
        "advert",
        re.compile(
            r"^\W*(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?"
            r"|continue reading(?: below)?|scroll to continue.*)\W*$",
            re.I,
        ),
        80,
    ),
    (
        "related",
        re.compile(
            r"^\W*(?:related(?: news| stories| articles| posts| coverage| content| links| reading| topics)?"
            r"|read more|see more|more|also|see also|also read|read also|read next|must read"
            r"|recommended(?: reading| for you)?|you (?:may|might) also like|more from [^:]{1,40}"
            r"|don'?t miss|trending|popular|watch|listen)\b\s*(?::|\.\.\.|…|$)",
            re.I,
        ),
        150,
    ),
    (
        "related",
        re.compile(r"^\W*(?:most (?:read|popular|viewed|shared|watched)|top stories|latest news)\b[^.!?]{0,50}$", re.I),
        80,
    ),
    # Tabloid teaser links end in a bracketed all-caps tag: "... [VIDEO]", "... [INSIGHT]".
    ("related", re.compile(r"\[[A-Z][A-Z ]{2,20}\]\W*$"), 160),
    ("newsletter", re.compile(r"\b(?:newsletters?|(?:in|to) your inbox)\b", re.I), 200),
    (
        "social",
        re.compile(
            r"\bfollow (?:us|him|her|them|me|[A-Z][\w.]*(?: [A-Z][\w.]*)?) on "
            r"(?:twitter|facebook|instagram|linkedin|youtube)|^\W*(?:like|follow) us\b",
            re.I,
        ),
        250,
    ),
    (
        "share",
        re.compile(
            r"^\W*(?:share|tweet|email|print|pin|save)(?: this(?: article| story| page)?)?(?: on \w+| via \w+)?\W*$"
            r"|^\W*\d*\s*comments?\W*$"
            r"|^\W*(?:tell us what you think|leave a (?:comment|reply)|join the conversation)\b",
            re.I,
        ),
        120,
    ),
    (
        "credit",
        re.compile(
            r"©|\(c\) ?\d{4}|\bcopyright\b.{0,40}\d{4}|all rights reserved"
            r"|^\W*(?:photo|image|picture|video|graphic)s?(?: credit)?\s*(?::|by\b)"
            r"|\((?:photo|image|picture)s?\b[^)]*\)\s*$|\b(?:getty images|shutterstock|ap photo)\b",
            re.I,
        ),
        160,
    ),
    (
        "meta",
        re.compile(r"^\W*(?:updated|published|posted|last updated|first published)(?: at| on)?\b.{0,40}$", re.I),
        60,
    ),
    ("meta", re.compile(r"^\W*(?:filed under|tags?|topics?|categories|category|posted in)\s*:", re.I), 200),
    (
        "meta",
        re.compile(r"^\W*by [A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3}(?:,? and [A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3})?\W*$"),
        100,
    ),
    # Unrendered WordPress-style shortcodes: "[button link=...]Send us...[/button]".
    ("markup", re.compile(r"\[(\w+)\b[^\]]*\].*\[/\1\]"), 400),
)
#: Headline/dek lines are only removed while they open the body, within this many lines.
_LEAD_LINES = 3


def _headline_keys(tree: HtmlElement, title: str | None) -> set[tuple[str, ...]]:
    """Word sequences of the page's headline(s) and dek, as they may open the extracted body."""
    keys: set[tuple[str, ...]] = set()
    if title:
        keys.add(_words(title))
        # "Headline - Site Name": the headline alone can open the body too.
        keys.update(_words(part) for part in re.split(r"\s[-|–—:]\s", title))
    for el in tree.iter("h1"):
        keys.add(_words(el.text_content()))
    for el in tree.iter():
        if isinstance(el.tag, str) and _any_token(el, _DEK_TOKEN):
            text = el.text_content()
            if len(text) < 400:
                keys.add(_words(text))
    keys.discard(())
    return keys


def _teaser_keys(tree: HtmlElement) -> set[tuple[str, ...]]:
    """Word sequences of headings that are wholly links: teaser cards for other articles."""
    keys: set[tuple[str, ...]] = set()
    for el in tree.iter(*_HEADINGS):
        text = el.text_content().strip()
        linked = "".join(a.text_content() for a in el.iter("a")).strip()
        if text and (linked == text or next(el.iterancestors("a"), None) is not None):
            keys.add(_words(text))
    keys.discard(())
    return keys


def filter_lines(
    text: str,
    headlines: Iterable[tuple[str, ...]] = (),
    teasers: Iterable[tuple[str, ...]] = (),
) -> str:
    """Drop boilerplate lines from an extracted body; ``headlines``/``teasers`` are word tuples."""
    headline_set, teaser_set = set(headlines), set(teasers)
    kept: list[str] = []
    for index, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if not stripped:
            continue
        key = _words(stripped)
        if not kept and index < _LEAD_LINES and key in headline_set:
            LOGGER.debug("dropped headline line: %s", stripped)
            continue
        reason = "teaser" if key in teaser_set else _line_reason(stripped)
        if reason:
            LOGGER.debug("dropped %s line: %s", reason, stripped)
            continue
        kept.append(stripped)
    return "\n".join(kept)


def _line_reason(line: str) -> str | None:
    for name, pattern, max_len in _LINE_RULES:
        if len(line) <= max_len and pattern.search(line):
            return name
    return None


# ---------------------------------------------------------------- entry point

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Fewer words than this is a menu or a stray label that trafilatura fell back to, not an article.
_MIN_BODY_WORDS = 10


def _load(html: str, source: str) -> HtmlElement:
    if not html or not html.strip():
        raise ReadError(source, "empty HTML document")
    if "\x00" in html[:_SNIFF_CHARS]:
        raise ReadError(source, "binary data, not HTML markup")
    if not looks_like_html(html):
        raise ReadError(source, "no HTML markup found (no <html> element or common tags in the first 4 KB)")
    if not _DOC_TAG.search(html[:_SNIFF_CHARS]):
        # trafilatura rejects bare fragments; give them a document around them.
        html = f"<html><body><div>{html}</div></body></html>"
    try:
        tree = load_html(html)
    except (ValueError, TypeError) as exc:
        raise ReadError(source, f"unusable HTML markup ({exc})") from exc
    if tree is None:
        raise ReadError(source, "unusable HTML markup (the parser built no document tree)")
    return tree


def _metadata(tree: HtmlElement, url: str | None) -> dict[str, Any]:
    meta = trafilatura.extract_metadata(copy.deepcopy(tree), default_url=url)
    authors = tuple(a.strip() for a in (meta.author or "").split(";") if a.strip())
    published = meta.date if meta.date and _DATE.match(meta.date) else None
    return {
        "title": meta.title or None,
        "published": published,
        "authors": authors,
        "outlet": meta.sitename or None,
        "url": meta.url or url,
    }


def extract_body(tree: HtmlElement, title: str | None = None) -> str:
    """Cleaned article body of a parsed page ("" when there is none). Prunes ``tree`` in place."""
    headlines = _headline_keys(tree, title)
    teasers = _teaser_keys(tree)
    prune_tree(tree)
    # favor_precision measured best on the Zyte benchmark; falling back to the default
    # mode (on short or partial bodies) brought back more debris than text.
    body = trafilatura.extract(tree, favor_precision=True, include_comments=False) or ""
    return filter_lines(body, headlines, teasers)


def parse_html(html: str, source: str, url: str | None = None) -> RawDocument:
    """Extract the article body and metadata of one HTML page.

    Raises :class:`~newsgraph.errors.ReadError` when the markup is unusable or has no body.
    """
    tree = _load(html, source)
    meta = _metadata(tree, url)
    captions = photo_captions(tree)
    text = extract_body(tree, meta["title"])
    if not text:
        raise ReadError(source, "no extractable article body (the page has no main text)")
    n_words = len(_words(text))
    if n_words < _MIN_BODY_WORDS:
        raise ReadError(source, f"no extractable article body (only {n_words} words of main text)")
    return RawDocument(source=source, text=text, html=None, extracted=True, captions=captions, **meta)


def photo_captions(tree: HtmlElement) -> tuple[str, ...]:
    """The text of each distinct ``<figcaption>``, read before pruning drops them from the body."""
    found: list[str] = []
    for node in tree.iter("figcaption"):
        text = " ".join(node.text_content().split())
        if text and text not in found:
            found.append(text)
    return tuple(found)
