"""Sources an article cites: news agencies and media ("according to Reuters", "told Reuters",
"state television") and bodies that answered or spoke ("a spokesperson for the US National
Security Council", "The White House did not immediately respond")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsgraph.analyze.entities import EntityIndex
from newsgraph.records import Caption, SourceCited

_MEDIA_NAMES = [
    r"(?:The )?Wall Street Journal", r"(?:The )?New York Times", r"(?:The )?Washington Post",
    r"(?:The )?Financial Times", r"(?:The )?Guardian", r"(?:The )?Times of India", r"(?:The )?Economist",
    r"(?:The )?Associated Press", r"(?:The )?Hill", r"(?:The )?Atlantic", r"(?:The )?Telegraph",
    r"(?:The )?Independent", r"(?:The )?Hindu", r"Reuters", r"AP", r"AFP", r"Agence France-Presse",
    r"Bloomberg(?: News)?",
    r"BBC(?: News)?", r"CNN", r"Fox News", r"NBC(?: News)?", r"CBS(?: News)?", r"ABC(?: News)?", r"MSNBC", r"NPR",
    r"PBS", r"Al Jazeera", r"Axios", r"Politico", r"Xinhua", r"TASS", r"RIA Novosti", r"Interfax", r"IRNA",
    r"Fars(?: news agency)?", r"Tasnim", r"ISNA", r"Kyodo(?: News)?", r"Yonhap", r"Anadolu(?: Agency)?",
    r"Deutsche Welle", r"DW", r"Le Monde", r"Der Spiegel", r"El País", r"Haaretz", r"(?:The )?Times of Israel",
    r"(?:The )?Jerusalem Post", r"(?:The )?South China Morning Post", r"Nikkei(?: Asia)?", r"Sky News",
    r"(?:The )?Daily Mail", r"USA Today", r"(?:The )?Los Angeles Times", r"CNBC", r"Newsweek", r"Time magazine",
    r"(?:The )?Globe and Mail", r"CBC(?: News)?", r"ABC", r"Press TV", r"RT", r"Sputnik", r"Yomiuri Shimbun",
    r"Asahi Shimbun", r"Dawn", r"Punch", r"Xinhua News Agency", r"Korean Central News Agency", r"KCNA",
    r"(?:state|state-run|state-owned|official|local|national|public|semi-official|government-run)\s+"
    r"(?:television|TV|media|news agency|broadcaster|radio|newspaper|press|outlet)s?",
]  # fmt: skip
MEDIA = re.compile(r"(?<![\w-])(?:" + "|".join(_MEDIA_NAMES) + r")(?![\w-])")

_NAME = r"(?:the |The )?(?:[A-Z][\w.&’'-]*|of|for|and)(?:\s+(?:[A-Z][\w.&’'-]*|of|for|and|the)){0,7}"
#: Bodies cited by their role in the sentence, not by being media.
CITED = [
    re.compile(rf"\baccording to (?P<name>{_NAME})"),
    re.compile(rf"\bspokes(?:person|man|woman) (?:for|of|at) (?P<name>{_NAME})"),
    re.compile(rf"(?P<name>{_NAME})(?:'s|’s)? spokes(?:person|man|woman)\b"),
    re.compile(rf"(?P<name>{_NAME}) (?:did not|didn't|declined to|could not be reached|has not|had not) "
               r"(?:immediately )?(?:respond|comment|reply|return)"),
    re.compile(rf"(?P<name>{_NAME}) said in a statement"),
    re.compile(rf"\bin a statement(?: released| issued)? by (?P<name>{_NAME})"),
    re.compile(rf"\b(?:told|reported by|asked by|quoted by|cited by) (?P<name>{_NAME})"),
]  # fmt: skip
_CITING_TYPES = {"ORG", "GPE", "NORP"}
_AGENCY_IN_CREDIT = re.compile(r"\b(AP|Reuters|AFP|Getty Images|EPA|Bloomberg|Xinhua|Anadolu|Kyodo|Yonhap|TASS)\b")


def find_sources(text: str, entities: EntityIndex, captions: Sequence[Caption] = ()) -> list[SourceCited]:
    """Every citation of a source in ``text``, plus agencies credited for photos (offsets null)."""
    found: dict[tuple[int, int], str] = {}
    for match in MEDIA.finditer(text):
        found[(match.start(), match.end())] = match.group(0)
    for pattern in CITED:
        for match in pattern.finditer(text):
            start, end = match.span("name")
            entity = entities.at(start, end)
            # Only organisations count here; "according to the plan" cites nothing.
            if entity is None or entity.type not in _CITING_TYPES:
                continue
            name = _trim(match.group("name"))
            offset = match.start("name") + match.group("name").find(name)
            if not any(s <= offset < e for s, e in found):
                found[(offset, offset + len(name))] = name
    sources = [SourceCited(name, start, end) for (start, end), name in sorted(found.items())]
    sources += [SourceCited(agency, None, None) for agency in _credited_agencies(c.credit for c in captions)]
    return sources


def _trim(name: str) -> str:
    """The name without a leading article, cut at the first lowercase word after its capitalised run."""
    words = name.split()
    if words and words[0] in {"the", "The"}:
        words = words[1:]
    kept: list[str] = []
    for index, word in enumerate(words):
        if index > 0 and not word[0].isupper() and word not in {"of", "for", "and"}:
            break
        kept.append(word)
    while kept and kept[-1] in {"of", "for", "and", "the"}:
        kept.pop()
    return " ".join(kept)


def _credited_agencies(credits: Iterable[str | None]) -> list[str]:
    agencies: list[str] = []
    for credit in credits:
        for match in _AGENCY_IN_CREDIT.finditer(credit or ""):
            if match.group(1) not in agencies:
                agencies.append(match.group(1))
    return agencies


def media_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Media named in ``text[start:end]``: the medium that relayed a statement (``via``)."""
    return [(start + m.start(), start + m.end(), m.group(0)) for m in MEDIA.finditer(text[start:end])]
