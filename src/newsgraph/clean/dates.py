"""Stated dates ("May 2, 2025", "2 May 2025", ISO) to ``YYYY-MM-DD``."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


@functools.lru_cache(maxsize=4096)
def to_iso(text: str | None) -> str | None:
    """Normalise one stated date; None when it is not a full calendar date."""
    if not text:
        return None
    match = _ISO.match(text.strip())
    if match:
        return _valid(*map(int, match.groups()))
    match = _NUMERIC.match(text.strip())
    if match:
        first, second, year = map(int, match.groups())
        # Day first ("Published: 12/07/2024" on a UK site) unless only month-first can be a date.
        if first <= 12 < second:
            return _valid(year, first, second)
        return _valid(year, second, first)
    import dateparser  # imported lazily: it is slow to load and most inputs never need it

    parsed: datetime | None = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
