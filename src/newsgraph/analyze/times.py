"""Temporal expressions with TimeML TIMEX3 values, by rule.

``find_times`` runs a set of regular expressions over the text, keeps the longest
non-overlapping matches and normalises each one against the publication date (the
document creation time, DCT), e.g. ``"on Saturday"`` -> ``2025-05-03`` for a story
published that day. No spaCy: this runs on every article and must stay cheap.

``infer_published`` recovers a missing publication date from weekday mentions that
agree with stated dates (see its docstring).

>>> [(t.text, t.type, t.value) for t in find_times("Talks resumed on Friday.", "2025-05-03")]
[('Friday', 'DATE', '2025-05-02')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
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
_SMALL: dict[str, float] = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12, "hundred": 100, "thousand": 1000, "couple": 2, "half": 0.5,
}  # fmt: skip
_ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}  # fmt: skip
# TIMEX3 unit letters; a leading "T" marks units below a day.
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
    "monthly": "P1M", "yearly": "P1Y",
}  # fmt: skip
_REFS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "current": "PRESENT_REF",
    "the present": "PRESENT_REF", "recently": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
    "lately": "PAST_REF", "the future": "FUTURE_REF",
}  # fmt: skip
_DAY_WORDS: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_BACK = ("last", "past", "previous", "prior", "preceding")
_AHEAD = ("next", "coming", "following")


def _names(words: Sequence[str]) -> str:
    """Title-case and upper-case variants: month and weekday names are matched by case."""
    return "|".join(sorted({v for w in words for v in (w.capitalize(), w.upper())}, key=len, reverse=True))


_MONTH_FULL = _names([m for m in _MONTHS if len(m) > 3 or m == "may"])
_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_MONTH = rf"(?:{_MONTH_FULL}|{_ABBR}\.|{_ABBR})"
_WEEKDAY = f"(?:{_names(list(_WEEKDAYS))})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
_UNITWORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMWORD = (
    rf"(?:{_TENS}(?:[- ]{_UNITWORD})?|zero|{_UNITWORD}|{_TEENS}|(?:a|one)\s+hundred|a\s+dozen"
    r"|a\s+couple(?:\s+of)?|couple\s+of|an?)"
)
_NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2|½)?|{_NUMWORD}(?:\s+and\s+a\s+half)?|half\s+an?|a\s+few|few|several|many"
    r"|some|a\s+number\s+of|dozens\s+of|hundreds\s+of)"
)
_UNIT = (
    r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
    r"|decades?|century|centuries|millennium|millennia))"
)
# "the end of", "early", "mid-": they narrow a point in time and belong to its span.
_PRE_POINT = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+"
    r"|(?:early|late|mid|earlier|later)(?:\s+|-)|mid-)?"
)
# "nearly", "at least": they qualify an amount of time and belong to its span. "over" and
# "about" usually stay outside in TimeML ("over [the past two years]").
_PRE_DUR = (
    r"(?:(?:nearly|almost|approximately|roughly|some|at\s+least|at\s+most|more\s+than|less\s+than"
    r"|fewer\s+than|no\s+more\s+than|up\s+to|as\s+many\s+as|another|an\s+additional|a\s+full)\s+)?"
)
_REL = r"(?:last|next|this|this\s+past|this\s+coming|past|coming|previous|following)"
_TZ = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|CT|PT|local\s+time))?"
_SPELLED_YEAR = (
    rf"(?:nineteen(?:\s+hundred(?:\s+and)?)?\s+(?:{_TENS}(?:[-\s]{_UNITWORD})?|{_TEENS}|oh[-\s]{_UNITWORD})"
    rf"|two\s+thousand(?:(?:\s+and)?\s+(?:{_UNITWORD}|{_TEENS}))?)"
)

# --------------------------------------------------------------------------- context


@dataclass
class _Context:
    text: str
    dct: date | None
    #: Phase one only checks that a match is an expression; anaphora are resolved in phase two.
    provisional: bool = True
    #: (start, end, value) of accepted DATE expressions so far, for "the quarter", "a year earlier".
    refs: list[tuple[int, int, str]] = field(default_factory=list)
    #: Set by a handler whose value came from another expression, which then is no reference.
    derived: bool = False

    def tense(self, start: int, end: int) -> str | None:
        return _tense(self.text, start, end)

    def ref(self, start: int, pattern: str, window: int = 100_000) -> str | None:
        """The latest earlier reference value matching ``pattern`` within ``window`` characters."""
        if self.provisional:
            return None
        for ref_start, _end, value in reversed(self.refs):
            if ref_start < start and start - ref_start <= window and re.fullmatch(pattern, value):
                return value
        return None

    def before(self, start: int, size: int = 20) -> str:
        return self.text[max(0, start - size) : start]

    def after(self, end: int, size: int = 20) -> str:
        return self.text[end : end + size]


_Result = tuple[str, str] | None
_Handler = Callable[[re.Match[str], _Context], _Result]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: _Handler
    #: A cheap pattern inside every match, and how far before it a match can start.
    anchor: re.Pattern[str] | None = None
    reach: int = 0
    anchor_keeps_case: bool = False

    def matches(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        if self.anchor is None:
            yield from self.pattern.finditer(text)
            return
        tried: set[int] = set()
        for anchor in self.anchor.finditer(text if self.anchor_keeps_case else lowered):
            for start in _WORD_START.finditer(text, max(0, anchor.start() - self.reach), anchor.start() + 1):
                if start.start() in tried:
                    continue
                tried.add(start.start())
                if m := self.pattern.match(text, start.start()):
                    yield m


# --------------------------------------------------------------------------- tense

_CLAUSE_END = re.compile(r"[.;!?:\n]\s|[,()\"“”]|``|''")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_WORD = re.compile(r"[A-Za-z’']+")
_FUTURE = {
    "will", "'ll", "’ll", "shall", "wo", "won't", "won’t", "next", "upcoming", "scheduled", "slated",
    "planning", "expects", "expected", "expect", "intends", "intend", "would", "tomorrow", "coming", "later",
    "payable", "until", "till",
}  # fmt: skip
_PAST = {
    "said", "was", "were", "had", "did", "ago", "last", "yesterday", "earlier", "told", "since", "took",
    "made", "came", "went", "gave", "began", "won", "lost", "fell", "rose", "met", "spoke", "held", "been",
    "saw", "left", "sent", "paid", "ended", "past", "former", "wrote",
}  # fmt: skip
_NOT_PAST_ED = {"hundred", "indeed", "speed", "proceed", "succeed", "exceed", "breed", "bleed", "greed"}
_MODALS = {"will", "would", "shall", "'ll", "’ll", "wo", "won't", "won’t", "to"}
# Phrases that put what follows ahead of the speaker: "as early as Tuesday", "set to resume Monday".
_FUTURE_LEFT = re.compile(
    r"(?i)\b(?:as\s+(?:early|soon)\s+as|set\s+to|is\s+to|are\s+to|due\s+to\s+\w+|going\s+to|plan(?:s|ned)?\s+to)"
    r"\s+(?:\w+\s+){0,4}$"
)


def _word_tense(word: str) -> str | None:
    w = word.lower()
    if w in _FUTURE:
        return "future"
    # Lower-case "-ed" words are mostly past verbs; "United" and "Ahmed" are not.
    if w in _PAST or (word[0].islower() and w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED):
        return "past"
    return None


def _scope(text: str, start: int, end: int, boundary: re.Pattern[str]) -> tuple[int, int]:
    lo = max(0, start - 300)
    for m in boundary.finditer(text, lo, start):
        lo = m.end()
    hi = boundary.search(text, end, min(len(text), end + 300))
    return lo, hi.start() if hi else min(len(text), end + 300)


def _side_tense(words: list[str], leftward: bool) -> str | None:
    """Tense of the nearest marker in ``words`` (nearest first); "will be paid" is future.

    ``leftward`` lists run right to left, so a marker's own left context follows it."""
    for i, word in enumerate(words):
        tense = _word_tense(word)
        if tense is None:
            continue
        context = words[i + 1 : i + 4] if leftward else words[max(0, i - 3) : i]
        if tense == "past" and any(w.lower() in _MODALS for w in context):
            return "future"
        return tense
    return None


def _tense(text: str, start: int, end: int) -> str | None:
    """Tense around an expression: the nearest marker to its left in the clause, else to its
    right, then the same over the sentence. None when nothing marks it."""
    for boundary in (_CLAUSE_END, _SENTENCE_END):
        lo, hi = _scope(text, start, end, boundary)
        left_text = text[lo:start]
        if _FUTURE_LEFT.search(left_text):
            return "future"
        tense = _side_tense([w.group() for w in _WORD.finditer(left_text)][::-1], leftward=True)
        if tense is None:
            tense = _side_tense([w.group() for w in _WORD.finditer(text, end, hi)], leftward=False)
        if tense is not None:
            return tense
    return None


# --------------------------------------------------------------------------- values


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


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_months(d: date, months: int) -> date:
    year, month = divmod(d.year * 12 + d.month - 1 + months, 12)
    for day in (d.day, 30, 29, 28):  # Jan 31 + 1 month is the end of February
        if shifted := _safe_date(year, month + 1, day):
            return shifted
    raise ValueError(d)


def _month_num(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")]


def _day_num(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _unit_code(word: str) -> str:
    return _UNITS[word.lower().rstrip("s")]


def _number(text: str) -> float | None:
    """A spelled or written quantity; None for vague ones ("several", "a few")."""
    t = " ".join(text.lower().replace("-", " ").split())
    if re.search(r"\b(?:few|several|many|some|number|dozens|hundreds)\b", t):
        return None
    extra = 0.0
    if re.search(r"(?: and a half|½| 1/2)$", t):
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
        if word in ("hundred", "thousand", "dozen"):
            total = max(total, 1.0) * _SMALL[word]
        elif word in _SMALL:
            total += _SMALL[word]
        else:
            return None
    return total + extra


def _spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = text.lower().replace("-", " ").replace(" and", "").split()
    if words[:2] == ["two", "thousand"]:
        rest = _number(" ".join(words[2:])) if words[2:] else 0.0
        return None if rest is None else 2000 + int(rest)
    if words[0] != "nineteen":
        return None
    rest_words = [w for w in words[1:] if w != "hundred"]
    if rest_words[:1] == ["oh"]:
        rest_words = rest_words[1:]
    rest = _number(" ".join(rest_words)) if rest_words else 0.0
    return None if rest is None else 1900 + int(rest)


_SUBUNIT = {"Y": (12, "M"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM"), "TM": (60, "TS")}


def _period(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: 2 years -> P2Y, 5.5 hours -> PT5H30M, several days -> PXD."""
    if unit == "2W":  # fortnight
        n, unit = (None if n is None else n * 2), "W"
    if n is None:
        return f"PTX{unit[1:]}" if unit.startswith("T") else f"PX{unit}"
    scale = {"DE": 10, "CE": 100, "ML": 1000}
    if unit in scale:
        n, unit = n * scale[unit], "Y"
    whole = int(n)
    parts: list[tuple[float, str]] = [(whole, unit)] if whole else []
    if n != whole:
        if unit in _SUBUNIT:
            factor, sub = _SUBUNIT[unit]
            parts.append((round((n - whole) * factor), sub))
        else:
            parts = [(n, unit)]
    body = ""
    for amount, u in parts:
        if u.startswith("T"):
            body += "" if "T" in body else "T"
            u = u[1:]
        body += f"{amount:g}{u}"
    return "P" + body


def _shift(d: date, n: int, unit: str) -> str | None:
    """``d`` moved by n units, written at that unit's granularity ("two weeks ago" -> a week)."""
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


def _ref_date(value: str) -> date | None:
    m = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
    return _safe_date(int(m[1]), int(m[2] or 1), int(m[3] or 1)) if m else None


# --------------------------------------------------------------------------- resolution against the DCT


def _rel_key(rel: str | None) -> str:
    return rel.lower().split()[-1] if rel else ""


def _resolve_month_day(ctx: _Context, month: int, day: int, start: int, end: int, rel: str | None = None) -> str:
    """Month-day without a year: the occurrence nearest the DCT, or the one on the side the
    tense points to when the nearest is over six weeks the other way ("will be paid Dec. 14")."""
    if ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}"
    dct = ctx.dct
    options = [d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := _safe_date(y, month, day))]
    if not options:
        return f"XXXX-{month:02d}-{day:02d}"
    key = _rel_key(rel)
    if key in _BACK:
        return _fmt(max(d for d in options if d < dct))
    if key in _AHEAD:
        return _fmt(min(d for d in options if d > dct))
    nearest = min(options, key=lambda d: abs((d - dct).days))
    # Tense only overrides the nearest date when that date is well on the other side:
    # the tense guess is noisy, and dates close to the DCT are nearly always the near ones.
    if abs((nearest - dct).days) > 45:
        tense = ctx.tense(start, end)
        if tense == "future" and nearest < dct:
            nearest = min(d for d in options if d >= dct)
        elif tense == "past" and nearest > dct:
            nearest = max(d for d in options if d <= dct)
    return _fmt(nearest)


def _resolve_month(ctx: _Context, month: int, rel: str | None, start: int, end: int) -> str:
    if ctx.dct is None:
        return f"XXXX-{month:02d}"
    y, m0 = ctx.dct.year, ctx.dct.month
    key = _rel_key(rel)
    if key in _BACK:
        year = y if month < m0 else y - 1
    elif key in _AHEAD:
        year = y if month > m0 else y + 1
    elif key == "this" or month == m0:
        year = y
    else:
        # The nearest occurrence, or the one the tense points to when the nearest lies
        # over two months the other way.
        year = y if abs(month - m0) <= 6 else (y - 1 if month > m0 else y + 1)
        gap = (year - y) * 12 + month - m0
        if abs(gap) > 2:
            tense = ctx.tense(start, end)
            if tense == "future" and gap < 0:
                year += 1
            elif tense == "past" and gap > 0:
                year -= 1
    return f"{year}-{month:02d}"


def _resolve_weekday(ctx: _Context, weekday: int, rel: str | None, start: int, end: int) -> date | None:
    """A bare weekday is the latest such day on or before the DCT, or the next one when
    the clause looks ahead; "last"/"next" exclude the DCT itself."""
    if ctx.dct is None:
        return None
    key = _rel_key(rel)
    back = (ctx.dct.weekday() - weekday) % 7
    ahead = (weekday - ctx.dct.weekday()) % 7
    if key in _BACK:
        return ctx.dct - timedelta(days=back or 7)
    if key in _AHEAD:
        return ctx.dct + timedelta(days=ahead or 7)
    # "Friday's close", "Tuesday's ruling": news uses the possessive for what has happened.
    possessive = ctx.after(end, 2) in ("'s", "’s")
    if ahead and not possessive and ctx.tense(start, end) == "future":
        return ctx.dct + timedelta(days=ahead)
    return ctx.dct - timedelta(days=back)


def _resolve_season(ctx: _Context, season: str, rel: str | None, start: int, end: int) -> str:
    if ctx.dct is None:
        return f"XXXX-{season}"
    begin = _SEASON_START[season]
    # The year of the latest such season to have begun by the DCT (winter starts in December).
    current = ctx.dct.year if ctx.dct.month >= begin else ctx.dct.year - 1
    running = (ctx.dct.month - begin) % 12 < 3
    key = _rel_key(rel)
    if key in _BACK:
        year = current - 1 if running else current
    elif key in _AHEAD:
        year = current + 1
    elif running:
        year = current
    elif key == "this":
        year = ctx.dct.year  # "this summer" is this calendar year's, gone or to come
    else:
        year = current + 1 if ctx.tense(start, end) == "future" else current
    return f"{year}-{season}"


def _weekend(base: date, key: str, tense: str | None) -> str:
    """ISO week of the weekend meant: the one just gone unless the text looks ahead."""
    saturday = base + timedelta(days=5 - base.weekday())  # Saturday of the DCT's ISO week
    if key in _BACK:
        saturday -= timedelta(days=7)
    elif key in _AHEAD:
        saturday += timedelta(days=7) if base.weekday() >= 5 else timedelta(0)
    elif base.weekday() < 5 and tense != "future":
        saturday -= timedelta(days=7)
    return f"{_week(saturday)}-WE"


# --------------------------------------------------------------------------- handlers: calendar dates


def _h_iso(m: re.Match[str], ctx: _Context) -> _Result:
    d = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return None
    return ("TIME", f"{_fmt(d)}T{m['h']}:{m['mi']}") if m["h"] else ("DATE", _fmt(d))


def _h_numeric(m: re.Match[str], ctx: _Context) -> _Result:
    year = int(m["y"])
    if year < 100:
        year += 1900 if year >= 50 else 2000
    d = _safe_date(year, int(m["mo"]), int(m["d"]))
    return ("DATE", _fmt(d)) if d else None


def _h_month_day(m: re.Match[str], ctx: _Context) -> _Result:
    month, day = _month_num(m["mon"]), _day_num(m["day"])
    year = int(m["y"]) if m["y"] else (_spelled_year(m["sy"]) if m["sy"] else None)
    if year is not None:
        d = _safe_date(year, month, day)
        return ("DATE", _fmt(d)) if d else None
    if _safe_date(2000, month, day) is None:
        return None
    return "DATE", _resolve_month_day(ctx, month, day, m.start(), m.end(), m["rel"])


def _h_month_year(m: re.Match[str], ctx: _Context) -> _Result:
    month = _month_num(m["mon"])
    if m["y"]:
        return "DATE", f"{m['y']}-{month:02d}"
    if m["sy"]:
        year = _spelled_year(m["sy"])
        return ("DATE", f"{year}-{month:02d}") if year else None
    # "July last year", "January this year".
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    offset = {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    return "DATE", f"{ctx.dct.year + offset}-{month:02d}"


_MONTH_PREP = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|through|from|of|early|late|mid|last|next|this|before|after"
    r"|between|and|or|to|on|past|coming|end|beginning|start|middle|for)[\s-]+)$"
)


def _h_month(m: re.Match[str], ctx: _Context) -> _Result:
    name = m["mon"].rstrip(".").lower()
    if not m["rel"] and not m["pre"]:
        before = ctx.before(m.start())
        if re.search(r"\b(?:Mr|Ms|Mrs|Dr|Miss|Gen|Sen|Rep)\.?\s+$", before):
            return None  # "Ms. March" is a person
        prep = _MONTH_PREP.search(before)
        # "May" and "August" double as a verb and a name: they need a preposition before them.
        if name in ("may", "august") and not prep:
            return None
        if not prep and re.match(r"\s+[A-Z][a-z]", ctx.after(m.end(), 4)):
            return None  # "April Jones", "March Madness"
        if ctx.after(m.end(), 2) in ("’s", "'s") and name in ("may", "june", "april", "august"):
            return None
    return "DATE", _resolve_month(ctx, _month_num(name), m["rel"], m.start(), m.end())


_COUNTED = re.compile(r"\s+(?:[a-z]+s|people|men|women|feet|metres|meters|miles|km|tons|tonnes|barrels|units|acres)\b")


def _h_year(m: re.Match[str], ctx: _Context) -> _Result:
    year = int(m["y"])
    before = ctx.before(m.start(), 12)
    after = ctx.after(m.end(), 25)
    if re.search(r"[$£€#]\s*$|\b(?:No|Nos|[Nn]umber|[Pp]age|[Rr]oute|[Ff]light|Section|[Rr]oom)\.?\s*$", before):
        return None
    prep = re.search(r"(?i)\b(?:in|since|of|by|until|from|during|before|after|year|fiscal)\s+$", before)
    word = re.match(r"\s+([a-z]+)", after)
    if _COUNTED.match(after) and not prep and word and word.group(1) not in ("was", "is", "has", "as", "this", "its"):
        return None  # "2000 soldiers" is a count
    if year < 1900 and not prep:
        return None
    if ctx.dct is not None and year > ctx.dct.year + 30:
        return None
    return "DATE", str(year)


def _h_spelled_year(m: re.Match[str], ctx: _Context) -> _Result:
    year = _spelled_year(m["sy"])
    if year is None:
        return None
    if m["sy"].lower().startswith("two") and not m["the"]:
        before = ctx.before(m.start(), 12)
        if not re.search(r"(?i)\b(?:in|since|of|by|until|from|during|before|after)\s+$", before):
            return None  # "two thousand troops"
    return "DATE", str(year)


def _h_decade(m: re.Match[str], ctx: _Context) -> _Result:
    if m["cent"]:
        return "DATE", f"{m['cent']}{m['d']}"
    century = "19" if int(m["d2"]) >= 3 or ctx.dct is None else str(ctx.dct.year)[:2]
    return "DATE", f"{century}{m['d2']}"


_ORD_CENT = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22}


def _h_century(m: re.Match[str], ctx: _Context) -> _Result:
    if m["ord"]:
        word = m["ord"].lower()
        n = int(re.sub(r"\D", "", word)) if word[0].isdigit() else _ORD_CENT[word]
        return "DATE", f"{n - 1:02d}"
    if ctx.dct is None:
        return "DATE", "XX"
    key = m["rel"].lower()
    return "DATE", f"{ctx.dct.year // 100 + (-1 if key in _BACK else 1 if key in _AHEAD else 0):02d}"


def _h_quarter(m: re.Match[str], ctx: _Context) -> _Result:
    word = " ".join((m["ord"] or "").lower().replace("-", " ").split())
    qunit = m["qunit"].lower()
    year_text = m["y"] or m["y2"]
    year = int(year_text) if year_text else None
    if m["yrel"] and ctx.dct is not None:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
    has_det = m.group().lower().startswith(("the", "that", "this"))
    if not (word or year_text or m["yrel"] or m["ago"] or has_det):
        return None  # "a quarter of the vote"
    if qunit == "period" and not (m["ago"] or word in ("latest", "recent", "same", "comparable") or year_text):
        return None  # "the period" alone can be any stretch
    n = _ORDINALS.get(word.split()[-1] if word else "")
    if n is None and year is not None and word in ("last", "final"):
        n = 4
    if qunit == "half":
        if n is None or n > 2:
            return None
        if year is None:
            if ctx.dct is None:
                return "DATE", f"XXXX-H{n}"
            year = ctx.dct.year
            if n == 2 and ctx.dct.month <= 6 and ctx.tense(m.start(), m.end()) != "future":
                year -= 1
        return "DATE", f"{year}-H{n}"
    if n is not None:
        if year is None:
            if ctx.dct is None:
                return "DATE", f"XXXX-Q{n}"
            year, current = _quarter(ctx.dct)
            tense = ctx.tense(m.start(), m.end())
            if m["ago"]:
                ctx.derived = True  # "the year-ago third quarter"
                year -= 1 + (n > current)
            elif n > current and tense != "future":
                year -= 1  # results are reported after the quarter ends
            elif n < current - 1 and tense == "future":
                year += 1  # "the first quarter" seen from October, looking ahead
        return "DATE", f"{year}-Q{n}"
    # "the quarter", "the latest quarter", "the year-earlier period", "next quarter".
    if ctx.dct is None:
        return "DATE", "XXXX-QX"
    year, current = _quarter(ctx.dct)
    previous = _shift_quarter(year, current, -1)
    if word in ("this", "current"):
        return "DATE", f"{year}-Q{current}"
    if word in _AHEAD:
        return "DATE", _shift_quarter(year, current, 1)
    if word in _BACK:
        return "DATE", previous
    if word in ("latest", "recent", "just ended"):
        return "DATE", previous  # the last quarter reported
    ref = ctx.ref(m.start(), r"\d{4}-Q\d") or previous
    if year_text:  # "the 1988 quarter": the quarter under discussion, in that year
        ctx.derived = True
        return "DATE", f"{year_text}-Q{ref[-1]}"
    if m["ago"]:
        ctx.derived = True
        return "DATE", f"{int(ref[:4]) - 1}-Q{ref[-1]}"
    return "DATE", ref  # "the quarter": the one under discussion


def _h_year_ago(m: re.Match[str], ctx: _Context) -> _Result:
    """The adjective "year-earlier" ("from year-earlier levels"): the quarter under
    discussion a year back, else the previous year."""
    if ctx.dct is None:
        return "DATE", "XXXX"
    ctx.derived = True
    quarter = ctx.ref(m.start(), r"\d{4}-Q\d", window=600)
    if quarter:
        return "DATE", f"{int(quarter[:4]) - 1}-Q{quarter[-1]}"
    return "DATE", str(ctx.dct.year - 1)


def _h_season(m: re.Match[str], ctx: _Context) -> _Result:
    season = _SEASONS[m["s"].lower()]
    if m["y"]:
        return "DATE", f"{m['y']}-{season}"
    rel = m["rel"]
    if rel and rel.lower() == "the":
        if re.match(r"\s+of\b", ctx.after(m.end(), 4)):
            return None  # "the fall of the wall"
        rel = None
    elif not rel and not m["pre"]:
        prep = re.search(r"(?i)\b(?:in|during|over|this|by|until|through|since)\s+$", ctx.before(m.start(), 12))
        if m["s"].lower() == "fall" or not prep:
            return None  # "prices fall", "a winter storm"
    return "DATE", _resolve_season(ctx, season, rel, m.start(), m.end())


def _h_holiday(m: re.Match[str], ctx: _Context) -> _Result:
    name = m["hol"]
    if m["y"]:
        d = _holiday(name, int(m["y"]))
        return ("DATE", _fmt(d)) if d else None
    if ctx.dct is None:
        return "DATE", "XXXX-XX-XX"
    this_year = _holiday(name, ctx.dct.year)
    if this_year is None:
        return None
    # Movable feasts differ by year: pick the year as for a month-day, then recompute.
    year = int(_resolve_month_day(ctx, this_year.month, this_year.day, m.start(), m.end())[:4])
    d = _holiday(name, year)
    return ("DATE", _fmt(d)) if d else None


def _easter(year: int) -> date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    shift = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def _holiday(name: str, year: int) -> date | None:
    name = " ".join(name.lower().replace("’", "'").split())
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
        "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
    }  # fmt: skip
    if name in fixed:
        return date(year, *fixed[name])
    if name.startswith("thanksgiving"):  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        return _easter(year)
    return None


# --------------------------------------------------------------------------- handlers: days and times


def _h_weekday(m: re.Match[str], ctx: _Context) -> _Result:
    weekday = _WEEKDAYS[m["wd"].lower()]
    d = _resolve_weekday(ctx, weekday, m["rel"], m.start(), m.end())
    base = _fmt(d) if d else f"XXXX-WXX-{weekday + 1}"
    pod = _PARTS_OF_DAY.get((m["pod"] or "").lower())
    return ("TIME", f"{base}T{pod}") if pod else ("DATE", base)


def _h_weekday_set(m: re.Match[str], ctx: _Context) -> _Result:
    weekday = _WEEKDAYS[m["wd"].lower()]
    pod = _PARTS_OF_DAY.get((m["pod"] or "").lower().rstrip("s"))
    return "SET", f"XXXX-WXX-{weekday + 1}" + (f"T{pod}" if pod else "")


def _h_dayword(m: re.Match[str], ctx: _Context) -> _Result:
    word = m["w"].lower()
    offset = _DAY_WORDS[word] - (1 if m["before"] else 0) + (1 if m["after"] else 0)
    pod = "NI" if word == "tonight" else _PARTS_OF_DAY.get((m["pod"] or m["pod2"] or "").lower())
    base = _fmt(ctx.dct + timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"
    return ("TIME", f"{base}T{pod}") if pod else ("DATE", base)


def _h_part_of_day(m: re.Match[str], ctx: _Context) -> _Result:
    pod = _PARTS_OF_DAY[m["pod"].lower()]
    key = (m["rel"] or "this").lower()
    if key == "last" and pod != "NI":
        return None  # "last morning" is not an expression
    if not m["rel"] and not m["pre"]:
        return None
    base = _fmt(ctx.dct - timedelta(days=key == "last")) if ctx.dct else "XXXX-XX-XX"
    return "TIME", f"{base}T{pod}"


def _h_time(m: re.Match[str], ctx: _Context) -> _Result:
    word = (m["word"] or "").lower()
    if word in ("noon", "midday"):
        clock = "12:00"
    elif word == "midnight":
        clock = "24:00"
    else:
        hour, minute = int(m["h"] or m["h2"]), int(m["mi"] or 0)
        ampm = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12 or (m["h2"] and (m["half"] or "").lower() in ("afternoon", "evening")):
            hour += 12 if hour < 12 else 0
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 24 or minute > 59:
            return None
        clock = f"{hour:02d}:{minute:02d}"
    day = _attached_day(m["att"], ctx, m.start(), m.end()) if m["att"] else None
    if day is None and not ctx.provisional and ctx.refs:
        # "on Friday at 3 p.m.": a full date just before the clock time names its day.
        _start, ref_end, value = ctx.refs[-1]
        if ref_end <= m.start() and m.start() - ref_end <= 8 and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            day = value
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
    month, day = _month_num(m["mon"]), _day_num(m["day"])
    if m["y"]:
        d = _safe_date(int(m["y"]), month, day)
        return _fmt(d) if d else None
    value = _resolve_month_day(ctx, month, day, start, end)
    return None if value.startswith("X") else value


# --------------------------------------------------------------------------- handlers: relative, durations, sets


def _h_relunit(m: re.Match[str], ctx: _Context) -> _Result:
    """ "last year", "this week", "the following month", "earlier this year"."""
    key = _rel_key(m["rel"])
    code = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "weekend": "WE", "fortnight": "W"}[m["u"].lower()]
    if m["fiscal"] and code != "Y":
        return None
    if ctx.dct is None:
        return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "WE": "XXXX-WXX-WE"}[code]
    offset = -1 if key in _BACK else 1 if key in _AHEAD else 0
    base = ctx.dct
    # "that year", "the following month": counted from the last date in the story.
    if key in ("same", "that", "following", "preceding", "prior") or m["rel"].lower().startswith("the previous"):
        ref = ctx.ref(m.start(), r"\d{4}(?:-\d\d){0,2}", window=1500)
        if ref is None:
            # Phase one cannot see references yet: keep the match, decide in phase two.
            return ("DATE", "") if ctx.provisional else None
        base = _ref_date(ref) or base
        ctx.derived = True
    if code == "WE":
        return "DATE", _weekend(base, key, ctx.tense(m.start(), m.end()))
    value = _shift(base, offset, code)
    return ("DATE", value) if value else None


def _h_weekend(m: re.Match[str], ctx: _Context) -> _Result:
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE"
    key = "past" if "past" in m.group().lower() else "this"
    return "DATE", _weekend(ctx.dct, key, ctx.tense(m.start(), m.end()))


def _h_the_unit(m: re.Match[str], ctx: _Context) -> _Result:
    """ "the end of the year", "earlier in the month": the DCT's year or month."""
    if ctx.dct is None:
        return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[m["u"].lower()]
    return "DATE", _shift(ctx.dct, 0, {"year": "Y", "month": "M", "week": "W"}[m["u"].lower()]) or ""


def _h_ago(m: re.Match[str], ctx: _Context) -> _Result:
    """ "two weeks ago", "a year earlier", "three days from now"."""
    unit = _unit_code(m["unit"])
    n = _number(m["num"])
    direction = " ".join(m["dir"].lower().split())
    sign = 1 if direction in ("from now", "hence") else -1
    vague = "PAST_REF" if sign < 0 else "FUTURE_REF"
    if n is None or ctx.dct is None or n != int(n):
        return "DATE", vague
    if unit.startswith("T"):
        return "DATE", _fmt(ctx.dct)
    base = ctx.dct
    if direction == "earlier":
        ctx.derived = True
    if unit == "Y" and n == 1 and direction in ("earlier", "ago"):
        # Results stories compare with the same quarter a year before.
        quarter = ctx.ref(m.start(), r"\d{4}-Q\d", window=400)
        if quarter:
            ctx.derived = True
            return "DATE", f"{int(quarter[:4]) - 1}-Q{quarter[-1]}"
    if direction == "earlier":
        # "Two days earlier" counts back from the story's last date, not from the DCT.
        ref = ctx.ref(m.start(), r"\d{4}(?:-\d\d){0,2}", window=1500)
        base = (_ref_date(ref) if ref else None) or base
    value = _shift(base, sign * int(n), unit)
    return ("DATE", value) if value else None


def _h_duration(m: re.Match[str], ctx: _Context) -> _Result:
    unit_word = m["unit"].lower()
    num_text = m["num"]
    if not num_text and not _has_det(m):
        return None
    if unit_word in ("night", "nights") and not num_text:
        return None
    if re.match(r"\s+old\b|[-‑]old\b", ctx.after(m.end(), 5)):
        return None  # an age
    if num_text and re.fullmatch(r"1[6-9]\d\d|20\d\d", num_text):
        return None  # "the 1988 quarter" is a year
    if num_text and num_text.lower() in ("some", "many") and not unit_word.endswith("s"):
        return None
    # "a quarter of the vote", "a second term": fractions and ordinals, not time.
    single = bool(num_text) and num_text.lower() in ("a", "an")
    if (
        single
        and unit_word in ("quarter", "second")
        and not re.match(r"\s*(?:[.,;)]|later|earlier|ago|$)", ctx.after(m.end(), 8))
    ):
        return None
    unit = _unit_code(unit_word)
    n = _number(num_text) if num_text else (None if unit_word.endswith("s") else 1.0)
    # "a year" after an amount is a rate ("$40,000 a year", "twice a week"): a SET.
    if single and re.search(
        r"(?:\d|%|\b(?:times|twice|once|percent|dollars|cents|euros|pounds))\s*$", ctx.before(m.start(), 25)
    ):
        return "SET", _period(1, unit)
    return "DURATION", _period(n, unit)


def _has_det(m: re.Match[str]) -> bool:
    # A bare unit is a duration only after "the past"/"the first" ("the past decade").
    head = m.group()[: m.start("unit") - m.start()].lower().split()
    return len(head) >= 2 and head[-2] == "the" and head[-1] in ("past", "last", "next", "coming", "first")


def _h_hyphen_duration(m: re.Match[str], ctx: _Context) -> _Result:
    if m.group().lower().endswith("-old"):
        return None  # ages ("a 44-year-old man") are not times in news
    return "DURATION", _period(_number(m["num"]), _unit_code(m["unit"]))


def _h_vague(m: re.Match[str], ctx: _Context) -> _Result:
    """Unquantified plurals: "recent years", "for months", "the coming weeks"."""
    unit = _unit_code(m["unit"])
    adj = " ".join((m["adj"] or "").lower().split())
    if adj == "recent" and unit == "Y":
        return "DATE", "PAST_REF"
    if not adj:
        if not re.search(r"(?i)\b(?:for|in|over|within|took|takes|take)\s+$", ctx.before(m.start(), 12)):
            return None
        if re.match(r"(?i)\s+(?:of|old|ago|to\s+come)\b", ctx.after(m.end(), 10)):
            return None
    return "DURATION", _period(None, unit)


def _h_ref(m: re.Match[str], ctx: _Context) -> _Result:
    word = " ".join(m.group().lower().split())
    after = ctx.after(m.end())
    if word == "now" and re.match(r"[-‑]\w", after):
        return None  # "now-defunct"
    if word in ("current", "the present") and re.match(r"\s+(?:account|accounts|affairs|events|tense)\b", after):
        return None
    if word == "the past" and re.match(r"(?i)\s+(?:\d|few|several|two|three|four|five|six|year|month|week|day)", after):
        return None
    return "DATE", _REFS[word]


def _h_set(m: re.Match[str], ctx: _Context) -> _Result:
    what = m["what"].lower()
    n = _number(m["num"]) if m["num"] else 1.0
    if m["other"]:
        n = (n or 1.0) * 2
    if what.rstrip("s") in _WEEKDAYS:
        return "SET", f"XXXX-WXX-{_WEEKDAYS[what.rstrip('s')] + 1}"
    if what in _MONTHS:
        return "SET", f"XXXX-{_MONTHS[what]:02d}"
    if what in _PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{_PARTS_OF_DAY[what]}"
    return "SET", _period(n, _unit_code(what))


def _h_set_adverb(m: re.Match[str], ctx: _Context) -> _Result:
    return "SET", _SET_ADVERBS[m.group().lower()]


# --------------------------------------------------------------------------- rules

_B = r"(?<![\w'’-])"  # left word boundary that also refuses "mid-" style glue
_E = r"(?!\w)"


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
_WEEKDAY_WORD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_UNIT_WORD = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni)"
# Python's re tries a rule at every position of the text, which is slow for patterns that
# open with optional words. So each rule names an anchor that every match contains and how
# far before it a match can start; the rule is then tried only at word starts that close
# to an anchor. Anchors are lower case and searched in a lower-cased copy of the text,
# which is much faster than case-insensitive search; month names keep their case.
_ANCHORS: dict[str, tuple[str, int]] = {
    "iso": (r"\d{4}-\d\d-\d\d", 0),
    "numeric": (r"\d/\d", 2),
    "month_day": (_MONTH_WORD, 45),
    "day_month": (_MONTH_WORD, 45),
    "month_year": (_MONTH_WORD, 30),
    "month": (_MONTH_WORD, 40),
    "weekday": (_WEEKDAY_WORD, 40),
    "time": (r"(?:[ap]\.?\s?m\b|noon|midnight|midday|in\s+the\s+(?:morning|afternoon|evening))", 30),
    "year": (r"1[6-9]\d\d|20\d\d", 30),
    "spelled_year": (r"(?:nineteen|two\s+thousand)", 12),
    "decade": (r"\d0['’]?s\b", 20),
    "century": (r"century", 30),
    "quarter": (r"(?:quarter|half|period)", 60),
    "year_ago": (r"(?:year[-\s](?:earlier|ago))", 0),
    "season": (r"(?:spring|summer|fall|autumn|winter)", 40),
    "dayword": (r"(?:today|tonight|yesterday|tomorrow)", 40),
    "part_of_day": (r"(?:morning|afternoon|evening|night)", 25),
    "weekend": (r"weekend", 12),
    "relunit": (r"(?:week|month|year|decade|fortnight)", 50),
    "the_unit": (r"(?:the\s+(?:year|month|week))", 30),
    "ago": (r"(?:\b(?:ago|earlier|from\s+now|hence)\b)", 80),
    "duration": (_UNIT_WORD, 100),
    "the_year_ended": (r"(?:year\s+end)", 20),
    "hyphen_duration": (_UNIT_WORD, 20),
    "vague": (_UNIT_WORD, 25),
    "set": (r"(?:\b(?:every|each|per)\b)", 0),
    "set_adverb": (r"ly\b", 12),
    "weekday_set": (_WEEKDAY_WORD, 0),
    "holiday": (r"christmas|new\s+year|independence|halloween|valentine|boxing|thanksgiving|easter", 0),
}
_WORD_START = re.compile(r"(?<![\w'’-])[\w'’]")


def _rule(name: str, pattern: str, handler: _Handler) -> _Rule:
    anchor, reach = _ANCHORS.get(name, (None, 0))
    compiled = re.compile(anchor) if anchor else None
    return _Rule(name, re.compile(pattern), handler, compiled, reach, anchor == _MONTH_WORD)


_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"
_RULES: list[_Rule] = [
    _rule(
        "iso",
        rf"{_B}(?P<y>\d{{4}})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::\d\d)?)?{_E}",
        _h_iso,
    ),
    _rule("numeric", rf"{_B}(?P<mo>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{{4}}|\d\d){_E}", _h_numeric),
    _rule(
        "month_day",
        rf"{_B}{_WD_PREFIX}(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming))\s+)?"
        rf"(?i:(?:the\s+)?(?:early|late|mid)[\s-]+)?(?P<mon>{_MONTH})\s+(?P<day>{_DAY})"
        rf"(?:(?:,\s*|\s+)(?:(?P<y>{_YEAR})|(?P<sy>(?i:{_SPELLED_YEAR}))))?{_E}",
        _h_month_day,
    ),
    _rule(
        "day_month",
        rf"{_B}{_WD_PREFIX}(?P<rel>)(?i:the\s+)?(?P<day>{_DAY})(?:\s+(?i:of))?\s+(?P<mon>{_MONTH})"
        rf"(?:,?\s+(?:(?P<y>{_YEAR})|(?P<sy>(?i:{_SPELLED_YEAR}))))?{_E}",
        _h_month_day,
    ),
    _rule(
        "month_year",
        rf"{_B}(?i:{_PRE_POINT})(?P<mon>{_MONTH}),?\s+(?:(?i:of\s+)?(?P<y>{_YEAR})|(?P<sy>(?i:{_SPELLED_YEAR}))"
        r"|(?P<yrel>(?i:last|this|next))\s+(?i:year))" + _E,
        _h_month_year,
    ),
    _rule(
        "month",
        rf"{_B}(?P<pre>(?i:{_PRE_POINT}))(?:(?P<rel>(?i:{_REL}))\s+)?(?P<mon>{_MONTH_FULL}|Sept\.){_E}",
        _h_month,
    ),
    _rule(
        "weekday",
        rf"{_B}(?i:{_PRE_POINT})(?:(?P<rel>(?i:{_REL}|the\s+previous|the\s+following))\s+)?(?P<wd>{_WEEKDAY})"
        rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?{_E}",
        _h_weekday,
    ),
    _rule(
        "time",
        rf"{_B}(?i:(?:around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
        rf"(?:(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:[ap]\.\s?m\.?|[ap]m)(?!\w))"
        rf"|(?P<h2>[01]?\d)(?:\s+(?i:o['’]clock))?\s+(?i:in\s+the\s+(?P<half>morning|afternoon|evening))"
        rf"|(?P<word>(?i:noon|midnight|midday)))"
        rf"{_TZ}(?:,?\s+(?:(?i:on)\s+)?(?P<att>{_WEEKDAY}|(?i:today|yesterday|tomorrow)|{_MONTH}\s+{_DAY}"
        rf"(?:,?\s+{_YEAR})?))?(?!\w)",
        _h_time,
    ),
    _rule(
        "year",
        rf"{_B}(?i:{_PRE_POINT}|fiscal\s+(?:year\s+)?|the\s+year\s+|calendar\s+)?(?P<y>{_YEAR})(?![-‑]\d)"
        rf"(?!['’]?s\b){_E}",
        _h_year,
    ),
    _rule(
        "spelled_year",
        rf"{_B}(?P<the>(?i:the\s+year\s+))?(?P<sy>(?i:{_SPELLED_YEAR})){_E}",
        _h_spelled_year,
    ),
    _rule(
        "decade",
        rf"{_B}(?i:the\s+)?(?i:(?:early|late|mid)[\s-]+)?(?:(?P<cent>1[6-9]|20)(?P<d>\d)0|['’](?P<d2>\d)0)['’]?s{_E}",
        _h_decade,
    ),
    _rule(
        "century",
        rf"{_B}(?i:the\s+)?(?:(?P<rel>(?i:this|last|next|previous))|(?P<ord>\d\d?(?:st|nd|rd|th)"
        r"|(?i:eighteenth|nineteenth|twentieth|twenty-first|twenty-second)))\s+(?i:century)" + _E,
        _h_century,
    ),
    _rule(
        "quarter",
        # "the" stays out of "the third-quarter results": there it belongs to the noun.
        rf"{_B}(?i:(?:the|that)\s+(?![\w-]+-quarter\s+[a-z]))?(?i:(?P<yrel>this|last|next)\s+year['’]s\s+|(?:fiscal\s+)?(?P<y2>{_YEAR})"
        r"(?:['’]s)?\s+)?(?P<ago>(?i:(?:comparable|corresponding|same)\s+)?(?i:year[-\s](?:earlier|ago|before)"
        r"|prior[-\s]year|comparable|corresponding)[-\s]+)?"
        r"(?:(?P<ord>(?i:(?:fiscal\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)|final|last|latest|current"
        r"|this|next|previous|past|prior|preceding|coming|same|recent|just[-\s]ended|fiscal|calendar))[-\s]+"
        r"(?i:(?:fiscal|calendar)[-\s]+)?)?(?P<qunit>(?i:quarter|half|period))(?![-\w])"
        rf"(?:\s+(?i:of\s+)?(?i:(?:fiscal|calendar)\s+)?(?P<y>{_YEAR}))?{_E}",
        _h_quarter,
    ),
    _rule("year_ago", rf"{_B}(?i:year[-\s](?:earlier|ago))(?=[\s,.;])", _h_year_ago),
    _rule(
        "season",
        rf"{_B}(?P<pre>(?i:{_PRE_POINT}))(?:(?P<rel>(?i:{_REL}|the))\s+)?(?P<s>(?i:spring|summer|fall|autumn|winter))"
        rf"(?:\s+(?i:of\s+)?(?P<y>{_YEAR}))?{_E}",
        _h_season,
    ),
    _rule(
        "dayword",
        rf"{_B}(?i:{_PRE_POINT})(?:(?P<pod2>(?i:morning|afternoon|evening))\s+)?"
        r"(?:(?P<before>(?i:the\s+day\s+before\s+))|(?P<after>(?i:the\s+day\s+after\s+)))?"
        r"(?P<w>(?i:today|tonight|yesterday|tomorrow))(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?" + _E,
        _h_dayword,
    ),
    _rule(
        "part_of_day",
        rf"{_B}(?P<pre>(?i:(?:early|late|later|earlier)\s+|mid[-\s]?))?(?:(?P<rel>(?i:this|last))\s+)?"
        r"(?P<pod>(?i:morning|afternoon|evening|night))" + _E,
        _h_part_of_day,
    ),
    _rule("weekend", rf"{_B}(?i:the|this\s+past)\s+(?i:weekend){_E}", _h_weekend),
    _rule(
        "relunit",
        rf"{_B}(?i:{_PRE_POINT})(?P<rel>(?i:last|this|next|the\s+(?:current|previous|coming|following|same|past"
        r"|next|last|preceding|prior)|current|previous|coming|past|that))\s+(?P<fiscal>(?i:fiscal\s+))?"
        r"(?P<u>(?i:week|month|year|decade|weekend|fortnight))" + _E,
        _h_relunit,
    ),
    _rule(
        "the_unit",
        r"(?i:(?:(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|close)\s+of|(?:earlier|later)\s+in)"
        r"\s+the\s+(?P<u>year|month|week))" + _E,
        _h_the_unit,
    ),
    _rule(
        "ago",
        rf"{_B}(?i:{_PRE_DUR})(?P<num>(?i:{_NUM}))[\s-]+{_UNIT}(?i:\s+or\s+so)?"
        r"\s+(?P<dir>(?i:ago|earlier|from\s+now|hence))" + _E,
        _h_ago,
    ),
    _rule(
        "duration",
        rf"{_B}(?i:{_PRE_DUR})(?i:(?:each\s+of\s+)?the\s+)?(?i:(?:past|last|next|first|coming|previous|final|latest"
        r"|following|remaining|prior|preceding|initial|same|ensuing|subsequent|year-earlier)\s+)?"
        rf"(?:(?P<num>(?i:{_NUM}))(?i:\s+(?:to|or)\s+{_NUM})?\s+(?i:(?:more|additional|straight|consecutive|full"
        rf"|trading|business|working|calendar|long)\s+)?)?{_UNIT}(?i:\s+or\s+so)?{_E}",
        _h_duration,
    ),
    _rule(
        "the_year_ended",
        r"(?i:the\s+(?:fiscal\s+|full\s+|calendar\s+)?year)(?=\s+(?i:ended|ending|through)\b)",
        lambda m, ctx: ("DURATION", "P1Y"),
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
        r"|recently|the\s+past|formerly|lately|the\s+future)" + _E,
        _h_ref,
    ),
    _rule(
        "set",
        rf"{_B}(?i:every|each|per)\s+(?P<other>(?i:other)\s+)?(?:(?P<num>(?i:{_NUM}))\s+)?"
        r"(?P<what>(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|quarters?|years?|decades?"
        rf"|century|centuries|morning|afternoon|evening|night)|{_WEEKDAY}|{_MONTH_FULL})" + _E,
        _h_set,
    ),
    # "quarterly" and "annually" mostly qualify payments ("a quarterly dividend"), so they stay out.
    _rule("set_adverb", rf"{_B}(?i:hourly|daily|nightly|weekly|biweekly|monthly|yearly){_E}", _h_set_adverb),
    _rule(
        "weekday_set",
        rf"{_B}(?P<wd>{_WEEKDAY})(?:s|\s+(?P<pod>(?i:mornings|afternoons|evenings|nights))){_E}",
        _h_weekday_set,
    ),
    _rule(
        "holiday",
        rf"{_B}(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Independence\s+Day|Halloween"
        rf"|Valentine['’]s\s+Day|Boxing\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?)(?:\s+(?P<y>{_YEAR}))?{_E}",
        _h_holiday,
    ),
]


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


def _find(text: str, dct: date | None) -> list[TimeExpression]:
    ctx = _Context(text, dct)
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lowered ("İ")
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    candidates = [
        _Candidate(m.start(), m.end(), rank, rule, m)
        for rank, rule in enumerate(_RULES)
        for m in rule.matches(text, lowered)
        if m.end() > m.start() and rule.handler(m, ctx) is not None
    ]
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
    # Phase two, in text order, so that anaphora ("the quarter") see the references before them.
    ctx.provisional = False
    found: list[TimeExpression] = []
    for cand in chosen:
        ctx.derived = False
        result = cand.rule.handler(cand.match, ctx)
        if result is None:
            continue
        kind, value = result
        if kind == "DATE" and value[:1].isdigit() and not ctx.derived:
            ctx.refs.append((cand.start, cand.end, value))
        found.append(TimeExpression(text=cand.match.group(), start=cand.start, end=cand.end, type=kind, value=value))
    return found


def find_times(text: str, published: str | None) -> list[TimeExpression]:
    """Temporal expressions in ``text`` with TIMEX3 types and values, in text order.

    ``published`` ("YYYY-MM-DD") anchors relative expressions; without it they get
    underspecified values ("XXXX-02", "XXXX-WXX-6") while absolute dates still normalise.

    >>> [(t.text, t.value) for t in find_times("Two weeks ago, in April 2024, it rained.", "2024-05-15")]
    [('Two weeks ago', '2024-W18'), ('April 2024', '2024-04')]
    """
    return _find(text, _parse_dct(published))


# --------------------------------------------------------------------------- publication date


def _hint_dates(hints: Sequence[str]) -> list[date]:
    dates: list[date] = []
    for hint in hints:
        d = _parse_dct(hint)
        if d is not None:
            dates.append(d)
            continue
        dates.extend(parsed for t in find_times(hint, None) if t.type == "DATE" and (parsed := _parse_dct(t.value)))
    return dates


_BARE_WEEKDAY = re.compile(r"XXXX-WXX-(\d)(?:T\w\w)?")


def infer_published(text: str, hint_dates: Sequence[str] = ()) -> str | None:
    """Infer a missing publication date from weekday mentions that agree with stated dates.

    Method:

    1. Anchors: full dates stated in the text or in ``hint_dates`` (captions, bylines;
       ISO or free text). Month-day mentions without a year ("May 2") become anchors in
       the year that puts them nearest the latest full date; with no full date at all,
       the latest bare year ("in 2024") supplies the year.
    2. Candidates: each day D from the latest anchor to seven days after it (a story
       reports the last few days' events, and the latest stated date bounds it below).
    3. Score: every bare weekday mention ("on Saturday"; not "next Saturday") is resolved
       as it would be under D, to the latest such weekday on or before D. It scores by
       recency (2 when it is D itself, 1 the day before, 2/3 two days before, ...) and 3
       more when the resolved date equals an anchor: "reported on Friday" plus "a report
       published on May 2" pins that Friday to May 2.
    4. The best-scoring D wins, the earliest on ties. Without an anchor and a weekday
       mention there is no evidence, and the answer is None.

    >>> infer_published("She spoke on Saturday about a report published on Friday, May 2, 2025.")
    '2025-05-03'
    """
    found = find_times(text, None)
    full = _hint_dates(hint_dates) + [d for t in found if t.type == "DATE" and (d := _parse_dct(t.value))]
    years = [int(t.value) for t in found if re.fullmatch(r"\d{4}", t.value)]
    anchors = list(full)
    for t in found:
        m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", t.value)
        if not m or not (full or years):
            continue
        month, day = int(m[1]), int(m[2])
        if full:
            latest = max(full)
            options = [d for y in (latest.year - 1, latest.year, latest.year + 1) if (d := _safe_date(y, month, day))]
            chosen = min(options, key=lambda d: abs((d - latest).days), default=None)
        else:
            chosen = _safe_date(max(years), month, day)
        if chosen:
            anchors.append(chosen)
    weekdays = [
        int(m[1]) - 1
        for t in found
        if t.type in ("DATE", "TIME")
        and (m := _BARE_WEEKDAY.fullmatch(t.value))
        and not re.match(r"(?i)(?:next|last|this|past|coming|the)\b", t.text)
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
            score += 2.0 / (1 + back) if back else 2.0
            if candidate - timedelta(days=back) in anchor_set:
                score += 3.0
        if best is None or score > best[0]:
            best = (score, candidate)
    return _fmt(best[1]) if best else None
