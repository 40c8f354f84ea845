"""Stated dates ("May 2, 2025", "2 May 2025", ISO) to ``YYYY-MM-DD``."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@functools.lru_cache(maxsize=4096)
def to_iso(text: str | None) -> str | None:
    """Normalise one stated date; None when it is not a full calendar date."""
    if not text:
        return None
    match = _ISO.match(text.strip())
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    import dateparser  # imported lazily: it is slow to load and most inputs never need it

    parsed: datetime | None = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None
