"""Light cleaning for bodies an extractor already isolated (HTML through trafilatura).

The extractor has dropped page structure, so repetition and headline shape say nothing here
(recipes repeat lines, lists look like headlines). Only lines that are debris on their own, and
captions that carry a photo credit, come out.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.clean import lines as ln
from newsgraph.records import Caption, Removed

#: Widget-like lines that extractors keep on purpose: rules and bullets between sections.
_KEPT_WIDGETS = frozenset("_-–—*•·=~#")


def clean_extracted(text: str, found_captions: Sequence[str] = ()) -> tuple[list[str], list[Caption], list[Removed]]:
    """(paragraphs, captions, removed) of an extracted body; ``found_captions`` are captions the
    extractor saw outside the body (HTML ``<figcaption>``), with their credits still attached."""
    paragraphs: list[str] = []
    captions: list[Caption] = [ln.split_credit(c) or Caption(c, None) for c in found_captions]
    removed: list[Removed] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        reason = ln.debris_reason(line)
        if reason == "widget" and set(line) <= _KEPT_WIDGETS:
            reason = None
        caption = ln.split_credit(line) if reason is None else None
        if reason:
            removed.append(Removed(line, reason))
        elif ln.credit_only(line):
            removed.append(Removed(line, "photo credit"))
        elif caption is not None and not ln.ends_sentence(caption.text.rstrip(".")):
            captions.append(caption)
            label = ln.credit_label(line, caption.credit)
            if label:
                removed.append(Removed(label, "photo credit"))
        else:
            paragraphs.append(line)
    return paragraphs, captions, removed
