"""Temporal expressions with TimeML TIMEX3 values, by rule.

``find_times`` runs a set of regular expressions over the text, keeps the longest
non-overlapping matches and normalises each one against the publication date (the
document creation time, DCT), e.g. ``"on Saturday"`` -> ``2025-05-03`` for a story
published that day. No spaCy: this runs on every article and must stay cheap.

``infer_published`` recovers a missing publication date from weekday mentions that
agree with explicit dates (see its docstring).

>>> [(t.text, t.type, t.value) for t in find_times("Talks resumed on Friday.", "2025-05-03")]
[('Friday', 'DATE', '2025-05-02')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsgraph.records import TimeExpression

__all__ = ["find_times", "infer_published"]

# --------------------------------------------------------------------------- lexicon

_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12, "hundred": 100, "thousand": 1000, "couple": 2, "half": 0.5,
}  # fmt: skip
_ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}  # fmt: skip
# TIMEX3 unit letters; "T" marks units below a day.
_UNITS: dict[str, str] = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W",
    "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE", "millennium": "ML", "millennia": "ML",
}  # fmt: skip
_SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SET_ADVERBS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M",
}  # fmt: skip


def _names(words: Sequence[str]) -> str:
    """Title-case and upper-case variants: month and weekday names are matched by case."""
    return "|".join(sorted({v for w in words for v in (w.capitalize(), w.upper())}, key=len, reverse=True))


_MONTH_FULL = _names([m for m in _MONTHS if len(m) > 4 or m in ("may", "june", "july")] + ["march", "april"])
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = f"(?:{_names(list(_WEEKDAYS))})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
_NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six"
    r"|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a|one)\s+hundred|a\s+dozen|a\s+couple(?:\s+of)?"
    r"|couple\s+of|an?)"
)
_NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2|½)?|{_NUMWORD}(?:\s+and\s+a\s+half)?|half\s+an?|a\s+few|few|several|many"
    r"|some|a\s+number\s+of|dozens\s+of|hundreds\s+of)"
)
_UNIT = (
    r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?"
    r"|century|centuries|millennium|millennia)"
)
_UNIT_CI = _UNIT.replace("(?P<unit>", "(?P<unit>(?i:") + ")"
_PRE_POINT = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+"
    r"|(?:early|late|mid|earlier|later)(?:\s+|-)|mid-)?"
)
_PRE_DUR = (
    r"(?:(?:nearly|almost|about|around|approximately|roughly|some|at\s+least|at\s+most|more\s+than"
    r"|less\s+than|fewer\s+than|no\s+more\s+than|well\s+over|over|up\s+to|as\s+many\s+as|as\s+long\s+as"
    r"|another|an\s+additional|a\s+full)\s+)?"
)
_REL = r"(?:last|next|this|this\s+past|this\s+coming|past|coming|previous|following)"
_TZ = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|CT|PT|local\s+time))?"

# --------------------------------------------------------------------------- context


@dataclass
class _Context:
    text: str
    dct: date | None
    #: Phase one only checks that a match is an expression; anaphora are resolved in phase two.
    provisional: bool = True
    #: (start, value) of accepted DATE expressions so far, for "the quarter", "a year earlier".
    refs: list[tuple[int, int, str]] = field(default_factory=list)

    def tense(self, start: int, end: int) -> str | None:
        return _tense(self.text, start, end)

    def ref(self, start: int, pattern: str, window: int = 100_000) -> str | None:
        """The latest earlier DATE value matching ``pattern`` within ``window`` characters."""
        for ref_start, _ref_end, value in reversed(self.refs):
            if ref_start < start and start - ref_start <= window and re.fullmatch(pattern, value):
                return value
        return None


_Handler = Callable[[re.Match[str], _Context], tuple[str, str] | None]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: _Handler


# --------------------------------------------------------------------------- tense

_CLAUSE_END = re.compile(r"[.;!?:\n]\s|[,()\"“”]")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_WORD = re.compile(r"[A-Za-z’']+")
_FUTURE = {
    "will", "'ll", "’ll", "shall", "wo", "won't", "won’t", "next", "upcoming", "scheduled", "planned", "plans",
    "plan", "expects", "expected", "expect", "intends", "intend", "going", "would", "tomorrow", "coming",
    "later",
}  # fmt: skip
_PAST = {
    "said", "was", "were", "had", "did", "ago", "last", "yesterday", "earlier", "told", "since", "took",
    "made", "came", "went", "gave", "began", "won", "lost", "fell", "rose", "met", "spoke", "held", "been",
    "saw", "left", "sent", "paid", "ended", "past", "former", "wrote",
}  # fmt: skip
_NOT_PAST_ED = {"hundred", "indeed", "speed", "proceed", "succeed", "exceed", "breed", "bleed", "greed"}


def _word_tense(word: str) -> str | None:
    w = word.lower()
    if w in _FUTURE:
        return "future"
    # Lower-case "-ed" words are mostly past verbs; "United" and "Ahmed" are not.
    if w in _PAST or (word[0].islower() and w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED):
        return "past"
    return None


def _scope(text: str, start: int, end: int, boundary: re.Pattern[str]) -> tuple[int, int]:
    left = max(0, start - 300)
    lo = left
    for m in boundary.finditer(text, left, start):
        lo = m.end()
    hi_m = boundary.search(text, end, min(len(text), end + 300))
    return lo, hi_m.start() if hi_m else min(len(text), end + 300)


def _tense(text: str, start: int, end: int) -> str | None:
    """Nearest tense marker (will/next vs said/was/-ed) in the clause, else in the sentence."""
    for boundary in (_CLAUSE_END, _SENTENCE_END):
        lo, hi = _scope(text, start, end, boundary)
        best: tuple[int, str] | None = None
        for m in _WORD.finditer(text, lo, hi):
            if start <= m.start() < end:
                continue
            tense = _word_tense(m.group())
            if tense is None:
                continue
            # Words to the left bind a little closer: "said on Friday" vs "Friday, when it will".
            distance = start - m.end() if m.end() <= start else (m.start() - end) * 1.5
            if best is None or distance < best[0]:
                best = (int(distance), tense)
        if best is not None:
            return best[1]
    return None


# --------------------------------------------------------------------------- value helpers


def _fmt(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _shift_quarter(year: int, q: int, delta: int) -> str:
    index = year * 4 + q - 1 + delta
    return f"{index // 4}-Q{index % 4 + 1}"


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    day = min(d.day, [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month])
    return date(year, month + 1, day)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_num(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")]


def _day_num(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _number(text: str) -> float | None:
    """A spelled or written quantity; None for vague ones ("several", "a few")."""
    t = " ".join(text.lower().replace("-", " ").split())
    if re.search(r"\b(?:few|several|many|some|number|dozens|hundreds)\b", t):
        return None
    extra = 0.0
    if t.endswith(" and a half") or t.endswith("½") or t.endswith(" 1/2"):
        extra = 0.5
        t = re.sub(r"(?: and a half|½| 1/2)$", "", t).strip()
    if t.startswith("half"):
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + extra
    words = t.replace(" of", "").split()
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]  # "a dozen", "a couple"
    total = 0.0
    for word in words:
        if word in ("hundred", "thousand"):
            total = max(total, 1.0) * _SMALL[word]
        elif word == "dozen":
            total = max(total, 1.0) * 12
        elif word in _SMALL:
            total += _SMALL[word]
        else:
            return None
    return total + extra


_SUBUNIT = {"Y": (12, "M"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM"), "TM": (60, "TS")}


def _unit_code(word: str) -> str:
    return _UNITS[word.lower().rstrip("s")]


def _period(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: 2 years -> P2Y, 5.5 hours -> PT5H30M, several days -> PXD."""
    if unit == "2W":  # fortnight
        n, unit = (None if n is None else n * 2), "W"
    if n is None:
        return f"PTX{unit[1:]}" if unit.startswith("T") else f"PX{unit}"
    if unit == "DE":
        n, unit = n * 10, "Y"
    elif unit == "CE":
        n, unit = n * 100, "Y"
    elif unit == "ML":
        n, unit = n * 1000, "Y"
    whole = int(n)
    frac = n - whole
    parts = [(whole, unit)] if whole else []
    if frac and unit in _SUBUNIT:
        factor, sub = _SUBUNIT[unit]
        parts.append((round(frac * factor), sub))
    elif frac:
        parts = [(n, unit)]  # type: ignore[list-item]
    body = ""
    in_time = False
    for amount, u in parts:
        if u.startswith("T"):
            if not in_time:
                body += "T"
                in_time = True
            u = u[1:]
        amount_text = f"{amount:g}"
        body += f"{amount_text}{u}"
    return "P" + (body or f"0{unit.lstrip('T')}")


def _resolve_month_day(ctx: _Context, month: int, day: int, start: int, end: int) -> str:
    """Month-day without a year: the year that puts it nearest the DCT, bent by tense."""
    if ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}"
    options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := _safe_date(y, month, day))]
    if not options:
        return f"XXXX-{month:02d}-{day:02d}"
    nearest = min(options, key=lambda d: abs((d - ctx.dct).days))  # type: ignore[operator]
    gap = (nearest - ctx.dct).days
    if abs(gap) > 45:  # only far-off dates are ambiguous enough for tense to decide
        tense = ctx.tense(start, end)
        past = max((d for d in options if d <= ctx.dct), default=nearest)
        future = min((d for d in options if d >= ctx.dct), default=nearest)
        if tense == "past":
            nearest = past
        elif tense == "future":
            nearest = future
    return _fmt(nearest)


def _resolve_month(ctx: _Context, month: int, rel: str | None, start: int, end: int) -> str:
    if ctx.dct is None:
        return f"XXXX-{month:02d}"
    y, m0 = ctx.dct.year, ctx.dct.month
    rel = (rel or "").lower().split()[-1] if rel else ""
    if rel in ("last", "past", "previous"):
        year = y if month < m0 else y - 1
    elif rel in ("next", "coming", "following"):
        year = y if month > m0 else y + 1
    elif rel == "this" or month == m0:
        year = y
    else:
        tense = ctx.tense(start, end)
        if tense == "future":
            year = y if month >= m0 else y + 1
        elif tense == "past":
            year = y if month <= m0 else y - 1
        else:  # nearest occurrence either side
            year = y if abs(month - m0) <= 6 else (y - 1 if month > m0 else y + 1)
    return f"{year}-{month:02d}"


def _resolve_weekday(ctx: _Context, weekday: int, rel: str | None, start: int, end: int) -> date | None:
    if ctx.dct is None:
        return None
    rel = rel.lower().split()[-1] if rel else ""
    back = (ctx.dct.weekday() - weekday) % 7
    ahead = (weekday - ctx.dct.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return ctx.dct - timedelta(days=back or 7)
    if rel in ("next", "coming", "following"):
        return ctx.dct + timedelta(days=ahead or 7)
    if ctx.tense(start, end) == "future" and ahead:
        return ctx.dct + timedelta(days=ahead)
    return ctx.dct - timedelta(days=back)


def _resolve_season(ctx: _Context, season: str, rel: str | None, start: int, end: int) -> str:
    if ctx.dct is None:
        return f"XXXX-{season}"
    y = ctx.dct.year
    begin = _SEASON_START[season]
    # Which year's season is running (or most recently began) at the DCT.
    current = y if ctx.dct.month >= begin else y - 1
    is_now = (ctx.dct.month - begin) % 12 < 3
    rel = rel.lower().split()[-1] if rel else ""
    if rel in ("last", "past", "previous"):
        year = current if not is_now else current - 1
        if season != "WI" and not is_now and ctx.dct.month < begin:
            year = y - 1
    elif rel in ("next", "coming", "following"):
        year = current + 1
    elif rel == "this":
        year = current if (is_now or ctx.tense(start, end) != "future") else current + 1
        year = y if season != "WI" else year
    else:
        tense = ctx.tense(start, end)
        year = current + 1 if tense == "future" and not is_now else current
    return f"{year}-{season}"


def _shift(d: date, n: int, unit: str) -> str | None:
    """DCT moved by n units, written at that unit's granularity ("two weeks ago" -> a week)."""
    if unit == "D":
        return _fmt(d + timedelta(days=n))
    if unit == "W":
        return _week(d + timedelta(weeks=n))
    if unit == "M":
        shifted = _add_months(d, n)
        return f"{shifted.year}-{shifted.month:02d}"
    if unit == "Q":
        return _shift_quarter(*_quarter(d), n)
    if unit == "Y":
        return str(d.year + n)
    if unit == "DE":
        return str(d.year + 10 * n)[:3]
    if unit == "CE":
        return str(d.year + 100 * n)[:2]
    return None


# --------------------------------------------------------------------------- handlers


def _h_iso(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    d = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return None
    if m["h"]:
        return "TIME", f"{_fmt(d)}T{m['h']}:{m['mi']}"
    return "DATE", _fmt(d)


def _h_numeric(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    year = int(m["y"])
    if year < 100:
        year += 1900 if year >= 50 else 2000
    d = _safe_date(year, int(m["mo"]), int(m["d"]))
    return ("DATE", _fmt(d)) if d else None


def _h_month_day(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    month, day = _month_num(m["mon"]), _day_num(m["day"])
    if m["y"]:
        d = _safe_date(int(m["y"]), month, day)
        return ("DATE", _fmt(d)) if d else None
    if month == 5 and m["mon"] in ("May", "MAY") and not _may_is_month(m, ctx):
        return None
    if _safe_date(2000, month, day) is None:
        return None
    return "DATE", _resolve_month_day(ctx, month, day, m.start(), m.end())


def _may_is_month(m: re.Match[str], ctx: _Context) -> bool:
    # "May 5" is usually a date, but "may 5" in text is the verb; the capital already filtered most.
    return True


def _h_month_year(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    return "DATE", f"{m['y']}-{_month_num(m['mon']):02d}"


_MONTH_PREP = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|through|from|of|early|late|mid|last|next|this|before|after"
    r"|between|and|or|to|on|past|coming|end|beginning|start|middle|for)[\s-]+)$"
)


def _h_month(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    name = m["mon"].rstrip(".")
    if not m["rel"] and not m["pre"]:
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        # "May" and "August" double as a verb and a name: need a preposition before them.
        if name.lower() in ("may", "august") and not _MONTH_PREP.search(before):
            return None
        if ctx.text[m.end() : m.end() + 2] in ("’s", "'s") and name.lower() in ("may", "june", "april", "august"):
            return None
    return "DATE", _resolve_month(ctx, _month_num(name), m["rel"], m.start(), m.end())


def _h_year(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    year = int(m["y"])
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    after = ctx.text[m.end() : m.end() + 25]
    if re.search(
        r"[$£€#]\s*$|\b(?:No|no|Nos|number|Number|page|Page|route|Route|flight|Flight|Section)\.?\s*$", before
    ):
        return None
    if re.match(r"\s*(?:-|to|and)\s*\d{4}\b", after) is None and re.match(
        r"\s+(?:[a-z]+s|people|men|women|feet|metres|meters|miles|km|kilometers|tons|tonnes|barrels|units)\b",
        after,
    ):
        # "2000 soldiers" is a count; "in 2018 prices fell" is rare enough to lose.
        word = re.match(r"\s+([a-z]+)", after)
        if word and word.group(1) not in ("was", "is", "has", "as", "this", "its", "his", "hers", "its", "less"):
            if not re.search(r"\b(?:in|since|of|by|until|from|during|before|after)\s+$", before):
                return None
    if year < 1900 and not re.search(r"(?i)\b(?:in|since|of|by|until|from|during|before|after|year)\s+$", before):
        return None
    if ctx.dct is not None and year > ctx.dct.year + 30:
        return None
    return "DATE", str(year)


def _h_decade(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    if m["cent"]:
        return "DATE", f"{m['cent']}{m['d']}"
    century = "19" if int(m["d"]) >= 3 or ctx.dct is None else str(ctx.dct.year)[:2]
    return "DATE", f"{century}{m['d']}"


def _h_century(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    if m["ord"]:
        n = int(re.match(r"\d+", m["ord"]).group()) if m["ord"][0].isdigit() else _ORD_CENT[m["ord"].lower()]  # type: ignore[union-attr]
        return "DATE", f"{n - 1:02d}"
    if ctx.dct is None:
        return "DATE", "XX"
    rel = m["rel"].lower()
    century = ctx.dct.year // 100 + (-1 if rel in ("last", "previous") else 1 if rel == "next" else 0)
    return "DATE", f"{century:02d}"


_ORD_CENT = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "eighteenth": 18}


def _h_quarter(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    word = (m["ord"] or "").lower().replace("-", " ")
    half = m["qunit"].lower().startswith("half")
    year_text = m["y"] or m["y2"]
    year = int(year_text) if year_text else None
    if m["yrel"]:
        if ctx.dct is None:
            year = None
        else:
            year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
    n = _ORDINALS.get(word.split()[-1] if word else "")
    if not word and not year_text and not m["yrel"] and not m.group().lower().startswith("the"):
        return None  # "a quarter of the vote"
    if n is None and year is not None and word in ("last", "final"):
        n = 4
    if half:
        if n is None or n > 2:
            return None
        if year is None:
            if ctx.dct is None:
                return "DATE", f"XXXX-H{n}"
            year = ctx.dct.year
            if n == 2 and ctx.dct.month <= 6 and ctx.tense(m.start(), m.end()) == "past":
                year -= 1
        return "DATE", f"{year}-H{n}"
    if n is not None:
        if year is None:
            if ctx.dct is None:
                return "DATE", f"XXXX-Q{n}"
            year, current = _quarter(ctx.dct)
            tense = ctx.tense(m.start(), m.end())
            if n > current and tense != "future":
                year -= 1
            elif n < current and tense == "future" and n < current - 1:
                year += 1
        return "DATE", f"{year}-Q{n}"
    # "the quarter", "the latest quarter", "the year-earlier quarter", "next quarter".
    if ctx.dct is None:
        return "DATE", "XXXX-QX"
    year, current = _quarter(ctx.dct)
    if word in ("this", "current", "the current"):
        return "DATE", f"{year}-Q{current}"
    if word in ("next", "coming"):
        return "DATE", _shift_quarter(year, current, 1)
    if word in ("last", "previous", "past", "prior", "preceding"):
        return "DATE", _shift_quarter(year, current, -1)
    ref = ctx.ref(m.start(), r"\d{4}-Q\d") or _shift_quarter(year, current, -1)
    if "year" in word or "comparable" in word:
        ref_year, ref_q = int(ref[:4]), int(ref[-1])
        return "DATE", f"{ref_year - 1}-Q{ref_q}"
    return "DATE", ref


def _h_season(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    season = _SEASONS[m["s"].lower()]
    if m["y"]:
        return "DATE", f"{m['y']}-{season}"
    rel = m["rel"]
    if not rel and not m["pre"]:
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"\b(?:in|during|over|this|by|until|through|since)\s+$", before):
            return None
    if rel and rel.lower() == "the" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "the fall of the wall"
    if m["s"].lower() == "fall" and not rel:
        return None
    return "DATE", _resolve_season(ctx, season, rel if rel and rel.lower() != "the" else None, m.start(), m.end())


def _h_weekday(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    weekday = _WEEKDAYS[m["wd"].lower()]
    d = _resolve_weekday(ctx, weekday, m["rel"], m.start(), m.end())
    pod = _PARTS_OF_DAY.get((m["pod"] or "").lower())
    base = _fmt(d) if d else f"XXXX-WXX-{weekday + 1}"
    if pod:
        return "TIME", f"{base}T{pod}"
    return "DATE", base


def _h_weekday_set(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    weekday = _WEEKDAYS[m["wd"].lower()]
    pod = _PARTS_OF_DAY.get((m["pod"] or "").lower().rstrip("s"))
    return "SET", f"XXXX-WXX-{weekday + 1}" + (f"T{pod}" if pod else "")


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _h_dayword(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    word = m["w"].lower()
    offset = _DAY_WORDS[word]
    if m["before"]:
        offset -= 1
    elif m["after"]:
        offset += 1
    pod = _PARTS_OF_DAY.get((m["pod"] or "").lower())
    if word == "tonight":
        pod = "NI"
    base = _fmt(ctx.dct + timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"
    if pod:
        return "TIME", f"{base}T{pod}"
    return "DATE", base


def _h_part_of_day(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    pod = _PARTS_OF_DAY[m["pod"].lower()]
    offset = -1 if m["rel"].lower() == "last" else 0
    if m["rel"].lower() == "last" and pod != "NI":
        return None  # "last morning" is not an expression
    base = _fmt(ctx.dct + timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"
    return "TIME", f"{base}T{pod}"


def _h_relunit(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    rel = " ".join(m["rel"].lower().split())
    unit = m["u"].lower()
    key = rel.split()[-1]
    offset = {
        "last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "this": 0, "current": 0,
        "next": 1, "coming": 1, "following": 1, "same": 0, "that": 0,
    }[key]  # fmt: skip
    anaphoric = key in ("same", "that", "following", "preceding", "prior") or rel == "the previous"
    code = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "weekend": "WE", "fortnight": "W"}[unit]
    if rel.startswith("the ") and key in ("past", "last", "next", "coming") and code != "WE":
        # "the past year" is a stretch of time, "last year" a calendar year.
        return "DURATION", _period(1, code)
    if ctx.dct is None:
        return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "WE": "XXXX-WXX-WE"}[code]
    base = ctx.dct
    if anaphoric and not ctx.provisional:
        granular = {"Y": r"\d{4}.*", "M": r"\d{4}-\d\d.*", "W": r"\d{4}-(?:\d\d-\d\d|W\d+)", "DE": r"\d{3}.*"}
        ref = ctx.ref(m.start(), granular.get(code, r"\d{4}-\d\d-\d\d"), window=1500)
        if ref is None:
            return None
        base = _ref_date(ref) or base
    if code == "WE":
        return "DATE", _weekend(base, key, ctx.tense(m.start(), m.end()))
    value = _shift(base, offset, code)
    return ("DATE", value) if value else None


def _ref_date(value: str) -> date | None:
    m = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
    if not m:
        return None
    return _safe_date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


def _weekend(base: date, key: str, tense: str | None) -> str:
    """ISO week of the weekend meant: the one just gone unless the text looks ahead."""
    saturday = base + timedelta(days=5 - base.weekday())  # Saturday of the DCT's ISO week
    if key in ("last", "past", "previous"):
        saturday -= timedelta(days=7)
    elif key in ("next", "coming", "following"):
        saturday += timedelta(days=7) if base.weekday() >= 5 else timedelta(0)
    elif base.weekday() < 5 and tense != "future":
        saturday -= timedelta(days=7)
    return f"{_week(saturday)}-WE"


def _h_weekend(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE"
    key = "past" if "past" in m.group().lower() else "this"
    return "DATE", _weekend(ctx.dct, key, ctx.tense(m.start(), m.end()))


def _h_ago(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    unit = _unit_code(m["unit"])
    n = _number(m["num"])
    direction = m["dir"].lower()
    sign = 1 if direction in ("later", "from now", "hence", "after") else -1
    if n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if ctx.dct is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if unit == "Y" and n == 1 and direction in ("earlier", "ago", "before"):
        # Results stories compare with the same quarter a year before.
        quarter = ctx.ref(m.start(), r"\d{4}-Q\d", window=400)
        if quarter and not ctx.provisional:
            return "DATE", f"{int(quarter[:4]) - 1}-Q{quarter[-1]}"
    if unit.startswith("T"):
        return "DATE", _fmt(ctx.dct)
    if int(n) != n:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    base = ctx.dct
    if direction in ("earlier", "later") and not ctx.provisional:
        # "Two years later" counts from the story's last date, not from the DCT.
        ref = ctx.ref(m.start(), r"\d{4}(?:-\d\d){0,2}", window=1500)
        base = (_ref_date(ref) if ref else None) or base
    value = _shift(base, sign * int(n), unit)
    return ("DATE", value) if value else None


def _h_duration(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    unit_word = m["unit"].lower()
    unit = _unit_code(unit_word)
    if unit_word in ("night", "nights") and m["num"] is None:
        return None
    num_text = m["num"]
    n = _number(num_text) if num_text else (None if unit_word.endswith(("s", "ies")) else 1.0)
    if num_text and num_text.lower() in ("some", "many") and not unit_word.endswith("s"):
        return None
    # "a year" after an amount is a rate ("$40,000 a year"): a SET.
    if num_text and num_text.lower() in ("a", "an") and not unit_word.endswith("s"):
        before = ctx.text[max(0, m.start() - 25) : m.start()]
        if re.search(r"(?:\d|\b(?:times|twice|once|percent|dollars|cents|hours|days|miles|pounds))[\s,]*$", before):
            return "SET", _period(1, unit)
    return "DURATION", _period(n, unit)


def _h_hyphen_duration(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    unit = _unit_code(m["unit"])
    return "DURATION", _period(_number(m["num"]), unit)


def _h_vague(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    unit = _unit_code(m["unit"])
    adj = (m["adj"] or "").lower()
    if adj == "recent" and unit == "Y":
        return "DATE", "PAST_REF"
    if not adj:
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        after = ctx.text[m.end() : m.end() + 8].lower()
        if not re.search(r"\b(?:for|in|over|within|took|takes|take)\s+$", before) or re.match(
            r"\s+(?:of|old|ago)\b", after
        ):
            return None
    return "DURATION", _period(None, unit)


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "current": "PRESENT_REF",
    "the present": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF", "the future": "FUTURE_REF",
    "future": "FUTURE_REF", "soon": "FUTURE_REF",
}  # fmt: skip


def _h_ref(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    word = " ".join(m.group().lower().split())
    after = ctx.text[m.end() : m.end() + 20]
    if word == "now" and re.match(r"[-‑]\w", after):
        return None  # "now-defunct"
    if word in ("current", "recent", "future", "the present") and re.match(
        r"\s+(?:account|accounts|affairs|events|tense|value)\b", after
    ):
        return None
    if word == "the past" and re.match(
        r"\s+(?:\d|few|several|two|three|four|five|six|year|month|week|decade|day)", after
    ):
        return None
    return "DATE", _REFS[word]


def _h_set(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    what = m["what"].lower()
    n = _number(m["num"]) if m["num"] else 1.0
    if m["other"]:
        n = (n or 1.0) * 2
    if what.rstrip("s") in _WEEKDAYS:
        return "SET", f"XXXX-WXX-{_WEEKDAYS[what.rstrip('s')] + 1}"
    if what in _MONTHS and len(what) > 3:
        return "SET", f"XXXX-{_MONTHS[what]:02d}"
    if what in _PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{_PARTS_OF_DAY[what]}"
    unit = _unit_code(what)
    return "SET", _period(n, unit)


def _h_set_adverb(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    return "SET", _SET_ADVERBS[m.group().lower()]


def _h_time(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    word = (m["word"] or "").lower()
    if word == "noon" or word == "midday":
        clock = "12:00"
    elif word == "midnight":
        clock = "24:00"
    else:
        hour = int(m["h"])
        minute = int(m["mi"] or 0)
        ampm = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 24 or minute > 59:
            return None
        clock = f"{hour:02d}:{minute:02d}"
    day = _attached_day(m["att"], ctx, m.start(), m.end()) if m["att"] else None
    if day is None and not ctx.provisional:
        # "on Friday at 3 p.m.": the date just before the clock time.
        for ref_start, ref_end, value in reversed(ctx.refs):
            if ref_end <= m.start() and m.start() - ref_end <= 8 and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
                day = value
            break
    if day is None:
        day = _fmt(ctx.dct) if ctx.dct else "XXXX-XX-XX"
    return "TIME", f"{day}T{clock}"


def _attached_day(att: str, ctx: _Context, start: int, end: int) -> str | None:
    """The day named after a clock time: "10 p.m. Wednesday", "5 p.m. EST Nov. 9"."""
    word = att.lower()
    if word in _DAY_WORDS:
        return _fmt(ctx.dct + timedelta(days=_DAY_WORDS[word])) if ctx.dct else None
    if word in _WEEKDAYS:
        d = _resolve_weekday(ctx, _WEEKDAYS[word], None, start, end)
        return _fmt(d) if d else None
    m = re.match(rf"(?P<mon>{_MONTH})\s+(?P<day>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?", att)
    if m is None:
        return None
    month, day_num = _month_num(m["mon"]), _day_num(m["day"])
    if m["y"]:
        d = _safe_date(int(m["y"]), month, day_num)
        return _fmt(d) if d else None
    value = _resolve_month_day(ctx, month, day_num, start, end)
    return None if value.startswith("X") else value


def _easter(year: int) -> date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * mm + 114, 31)
    return date(year, month, day + 1)


def _holiday(name: str, year: int) -> date | None:
    name = name.lower().replace("’", "'")
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
        "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
    }  # fmt: skip
    if name in fixed:
        return date(year, *fixed[name])
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        return _easter(year)
    return None


def _h_holiday(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    name = m["hol"]
    if m["y"]:
        d = _holiday(name, int(m["y"]))
        return ("DATE", _fmt(d)) if d else None
    if ctx.dct is None:
        return "DATE", "XXXX-XX-XX"
    d0 = _holiday(name, ctx.dct.year)
    if d0 is None:
        return None
    return "DATE", _resolve_month_day(ctx, d0.month, d0.day, m.start(), m.end()) if not name.lower().startswith(
        ("easter", "thanksgiving")
    ) else _fmt(d0)


# --------------------------------------------------------------------------- rules

_B = r"(?<![\w'’-])"  # left word boundary that also refuses "mid-" style glue
_E = r"(?![\w])"


def _rule(name: str, pattern: str, handler: _Handler) -> _Rule:
    return _Rule(name, re.compile(pattern), handler)


_DATE_RULES: list[_Rule] = [
    _rule(
        "iso",
        rf"{_B}(?P<y>\d{{4}})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::\d\d)?)?{_E}",
        _h_iso,
    ),
    _rule("numeric", rf"{_B}(?P<mo>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{{4}}|\d\d){_E}", _h_numeric),
    _rule(
        "month_day",
        rf"{_B}(?:{_WEEKDAY},?\s+)?(?:(?i:the\s+)?(?:(?i:early|late|mid)[\s-]+))?(?P<mon>{_MONTH})\s+(?P<day>{_DAY})"
        rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR}))?{_E}",
        _h_month_day,
    ),
    _rule(
        "day_month",
        rf"{_B}(?:{_WEEKDAY},?\s+)?(?i:the\s+)?(?P<day>{_DAY})(?:\s+(?i:of))?\s+(?P<mon>{_MONTH})"
        rf"(?:,?\s+(?P<y>{_YEAR}))?{_E}",
        _h_month_day,
    ),
    _rule(
        "month_year",
        rf"{_B}(?i:{_PRE_POINT})(?P<mon>{_MONTH}),?\s+(?i:of\s+)?(?P<y>{_YEAR}){_E}",
        _h_month_year,
    ),
    _rule(
        "month",
        rf"{_B}(?P<pre>(?i:{_PRE_POINT}))(?:(?P<rel>(?i:{_REL}))\s+)?(?P<mon>{_MONTH_FULL}|Sept\.){_E}",
        _h_month,
    ),
    _rule(
        "weekday",
        rf"{_B}(?i:{_PRE_POINT})(?:(?P<rel>(?i:{_REL}))\s+)?(?P<wd>{_WEEKDAY})"
        rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?{_E}",
        _h_weekday,
    ),
]

_RULES: list[_Rule] = [
    *_DATE_RULES,
    _rule(
        "time",
        rf"{_B}(?i:(?:around|about|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
        rf"(?:(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:[ap]\.\s?m\.?|[ap]m)(?!\w))"
        rf"|(?P<word>(?i:noon|midnight|midday)))"
        rf"{_TZ}(?:,?\s+(?:(?i:on)\s+)?(?P<att>{_WEEKDAY}|(?i:today|yesterday|tomorrow)|{_MONTH}\s+{_DAY}"
        rf"(?:,?\s+{_YEAR})?))?(?!\w)",
        _h_time,
    ),
    _rule(
        "year",
        rf"{_B}(?i:{_PRE_POINT}|fiscal\s+(?:year\s+)?|the\s+year\s+|calendar\s+)?(?P<y>{_YEAR})(?![-‑]\d)(?!['’]?s\b){_E}",
        _h_year,
    ),
    _rule(
        "decade",
        rf"{_B}(?i:the\s+)?(?i:(?:early|late|mid)[\s-]+)?(?:(?P<cent>1[6-9]|20)(?P<d>\d)0|['’](?P<d2>\d)0)['’]?s{_E}",
        lambda m, ctx: _h_decade(m, ctx) if m["cent"] else ("DATE", _decade_short(m["d2"], ctx)),
    ),
    _rule(
        "century",
        rf"{_B}(?i:the\s+)?(?:(?P<rel>(?i:this|last|next|previous))|(?P<ord>\d\d?(?:st|nd|rd|th)|"
        r"(?i:nineteenth|twentieth|twenty-first|twenty-second|eighteenth)))\s+(?i:century)" + _E,
        _h_century,
    ),
    _rule(
        "quarter",
        rf"{_B}(?i:(?:(?P<yrel>this|last|next)\s+year['’]s\s+)|(?:fiscal\s+)?(?P<y2>{_YEAR})['’]?s?\s+|the\s+)?"
        r"(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|this|next|previous"
        r"|past|prior|preceding|coming|same|year[-\s]earlier|year[-\s]ago|comparable|recent|just[-\s]ended"
        r"|fiscal|calendar|fiscal\s+first|fiscal\s+second|fiscal\s+third|fiscal\s+fourth))[-\s]+"
        r"(?i:(?:fiscal|calendar)[-\s]+)?)?(?P<qunit>(?i:quarter|half))(?![-\w])"
        rf"(?:\s+(?i:of\s+)?(?i:(?:fiscal|calendar)\s+)?(?P<y>{_YEAR}))?{_E}",
        _h_quarter,
    ),
    _rule(
        "season",
        rf"{_B}(?P<pre>(?i:{_PRE_POINT}))(?:(?P<rel>(?i:{_REL}|the))\s+)?(?P<s>(?i:spring|summer|fall|autumn|winter))"
        rf"(?:\s+(?i:of\s+)?(?P<y>{_YEAR}))?{_E}",
        _h_season,
    ),
    _rule(
        "dayword",
        rf"{_B}(?i:{_PRE_POINT})(?:(?P<before>(?i:the\s+day\s+before\s+))|(?P<after>(?i:the\s+day\s+after\s+)))?"
        r"(?P<w>(?i:today|tonight|yesterday|tomorrow))(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?" + _E,
        _h_dayword,
    ),
    _rule(
        "part_of_day",
        rf"{_B}(?i:(?:early|late|later|earlier)\s+)?(?P<rel>(?i:this|last))\s+(?P<pod>(?i:morning|afternoon|evening|night))"
        + _E,
        _h_part_of_day,
    ),
    _rule(
        "weekend",
        rf"{_B}(?i:the|this\s+past)\s+(?i:weekend){_E}",
        _h_weekend,
    ),
    _rule(
        "relunit",
        rf"{_B}(?i:{_PRE_POINT})(?P<rel>(?i:last|this|next|the\s+(?:current|previous|coming|following|same|past|next"
        r"|last|preceding|prior)|current|previous|coming|past|that))\s+(?P<u>(?i:week|month|year|decade|weekend"
        r"|fortnight))" + _E,
        _h_relunit,
    ),
    _rule(
        "ago",
        rf"{_B}(?i:{_PRE_DUR})(?i:the\s+)?(?P<num>(?i:{_NUM}))[\s-]+{_UNIT_CI}"
        r"\s+(?P<dir>(?i:ago|earlier|later|from\s+now|hence))" + _E,
        _h_ago,
    ),
    _rule(
        "duration",
        rf"{_B}(?i:{_PRE_DUR})(?i:(?:each\s+of\s+)?the\s+)?(?i:(?:past|last|next|first|coming|previous|final|latest"
        r"|following|remaining|prior|preceding|initial|same|ensuing|subsequent|year-earlier)\s+)?"
        rf"(?:(?P<num>(?i:{_NUM}))(?i:\s+(?:to|or)\s+{_NUM})?\s+(?i:(?:more|additional|straight|consecutive|full|trading"
        rf"|business|working|calendar|long)\s+)?)?{_UNIT_CI}"
        r"(?i:\s+or\s+so)?" + _E,
        lambda m, ctx: _h_duration(m, ctx) if (m["num"] or _has_det(m)) else None,
    ),
    _rule(
        "hyphen_duration",
        rf"{_B}(?P<num>\d+|(?i:{_NUMWORD}))-(?P<unit>(?i:second|minute|hour|day|week|month|year|decade|century))"
        r"(?:-(?i:long|old))?" + _E,
        _h_hyphen_duration,
    ),
    _rule(
        "vague",
        rf"{_B}(?:(?P<adj>(?i:recent|coming|the\s+coming|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few))\s+)?"
        r"(?P<unit>(?i:years|months|weeks|days|decades|centuries|hours|minutes|quarters))" + _E,
        _h_vague,
    ),
    _rule(
        "ref",
        rf"{_B}(?i:now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment|current|the\s+present"
        r"|recently|recent|the\s+past|previously|formerly|lately|the\s+future|future|soon)" + _E,
        _h_ref,
    ),
    _rule(
        "set",
        rf"{_B}(?i:every|each|per)\s+(?P<other>(?i:other)\s+)?(?:(?P<num>(?i:{_NUM}))\s+)?"
        rf"(?P<what>(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|quarters?|years?|decades?|centur(?:y|ies)"
        rf"|morning|afternoon|evening|night)|{_WEEKDAY}|{_MONTH_FULL})" + _E,
        _h_set,
    ),
    _rule(
        "set_adverb",
        rf"{_B}(?i:hourly|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly){_E}",
        _h_set_adverb,
    ),
    _rule(
        "weekday_set",
        rf"{_B}(?P<wd>{_WEEKDAY})(?:s|\s+(?P<pod>(?i:mornings|afternoons|evenings|nights))){_E}",
        _h_weekday_set,
    ),
    _rule(
        "holiday",
        rf"{_B}(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))|Independence\s+Day|Halloween"
        rf"|Valentine['’]s\s+Day|Boxing\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?)(?:\s+(?P<y>{_YEAR}))?{_E}",
        _h_holiday,
    ),
]


def _has_det(m: re.Match[str]) -> bool:
    # A bare unit is an expression only with a determiner that makes it one ("the past year").
    head = m.group()[: m.start("unit") - m.start()].lower().split()
    return len(head) >= 2 and head[0] == "the" and head[1] in ("past", "last", "next", "coming", "first")


def _decade_short(digit: str, ctx: _Context) -> str:
    century = "19" if int(digit) >= 3 or ctx.dct is None else str(ctx.dct.year)[:2]
    return f"{century}{digit}"


# --------------------------------------------------------------------------- search


def _parse_dct(published: str | None) -> date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", published.strip())
    return _safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rank: int
    rule: _Rule
    match: re.Match[str]


def _find(
    text: str,
    dct: date | None,
    rules: Sequence[_Rule],
    offset: int = 0,
    full_text: str | None = None,
) -> list[TimeExpression]:
    ctx = _Context(full_text if full_text is not None else text, dct)
    candidates: list[_Candidate] = []
    for rank, rule in enumerate(rules):
        for m in rule.pattern.finditer(text):
            if m.end() == m.start():
                continue
            shifted = rule.pattern.match(ctx.text, m.start() + offset) if offset else m
            if shifted is None or rule.handler(shifted, ctx) is None:
                continue
            candidates.append(_Candidate(m.start(), m.end(), rank, rule, shifted))
    # Longest match wins; ties go to the earlier (more specific) rule.
    candidates.sort(key=lambda c: (c.start - c.end, c.rank, c.start))
    taken = bytearray(len(text) + 1)
    chosen: list[_Candidate] = []
    for cand in candidates:
        if any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    ctx.provisional = False
    found: list[TimeExpression] = []
    for cand in chosen:
        result = cand.rule.handler(cand.match, ctx)
        if result is None:
            continue
        kind, value = result
        start, end = cand.start + offset, cand.end + offset
        if kind == "DATE" and value[:1].isdigit():
            ctx.refs.append((start, end, value))
        found.append(TimeExpression(text=ctx.text[start:end], start=start, end=end, type=kind, value=value))
    return found


def find_times(text: str, published: str | None) -> list[TimeExpression]:
    """Temporal expressions in ``text`` with TIMEX3 types and values, in text order.

    ``published`` ("YYYY-MM-DD") anchors relative expressions; without it they get
    underspecified values ("XXXX-02", "XXXX-WXX-6") while absolute dates still normalise.

    >>> [(t.text, t.value) for t in find_times("Two weeks ago, in April 2024, it rained.", "2024-05-15")]
    [('Two weeks ago', '2024-W18'), ('April 2024', '2024-04')]
    """
    return _find(text, _parse_dct(published), _RULES)


# --------------------------------------------------------------------------- publication date


def _hint_dates(hints: Sequence[str]) -> list[date]:
    dates: list[date] = []
    for hint in hints:
        d = _parse_dct(hint)
        if d is None:
            dates.extend(parsed for t in find_times(hint, None) if t.type == "DATE" and (parsed := _parse_dct(t.value)))
        else:
            dates.append(d)
    return dates


def infer_published(text: str, hint_dates: Sequence[str] = ()) -> str | None:
    """Infer a missing publication date from weekday mentions that agree with stated dates.

    Method:

    1. Anchors: full dates stated in the text or in ``hint_dates`` (captions, bylines;
       ISO or free text). The year is the latest stated year; month-day mentions
       without a year ("May 2") become anchors in that year.
    2. Candidates: each day D from the latest anchor to seven days after it (a story
       reports on events of the last few days; the latest stated date bounds it).
    3. Score: every weekday mention ("on Saturday", not "next Saturday") is resolved as
       it would be under D (the latest such weekday on or before D). It scores by
       recency (2 when it is D itself, 1 the day before, less further back) and 3 more
       when the resolved date equals an anchor: "reported on Friday" plus "a report
       published on May 2" pins Friday to May 2.
    4. The best-scoring D wins, the earliest on ties. Without an anchor or a weekday
       mention there is no evidence and the answer is None.

    >>> infer_published("She spoke on Saturday about a report published on Friday, May 2, 2025.")
    '2025-05-03'
    """
    found = find_times(text, None)
    anchors = _hint_dates(hint_dates)
    anchors += [d for t in found if t.type == "DATE" and (d := _parse_dct(t.value))]
    years = [d.year for d in anchors] + [int(t.value) for t in found if re.fullmatch(r"\d{4}", t.value)]
    if not years:
        return None
    year = max(d.year for d in anchors) if anchors else max(years)
    for t in found:
        m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", t.value)
        if m and (d := _safe_date(year, int(m[1]), int(m[2]))):
            anchors.append(d)
    weekdays = [
        int(t.value[-1]) - 1
        for t in found
        if re.fullmatch(r"XXXX-WXX-\d", t.value) and not re.match(r"(?i)(?:next|this\s+coming|coming)\b", t.text)
    ]
    if not anchors or not weekdays:
        return None
    latest = max(anchors)
    anchor_set = set(anchors)
    best: tuple[float, date] | None = None
    for shift in range(8):
        candidate = latest + timedelta(days=shift)
        score = 0.0
        for weekday in weekdays:
            back = (candidate.weekday() - weekday) % 7
            score += 2.0 / (1 + back) ** 1.0 if back else 2.0
            if candidate - timedelta(days=back) in anchor_set:
                score += 3.0
        if best is None or score > best[0]:
            best = (score, candidate)
    return _fmt(best[1]) if best else None
