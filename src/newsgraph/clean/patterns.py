"""Line patterns for cleaning text scrapes: debris, bylines, timestamps and photo credits.

Kept in one module, like trafilatura keeps its XPath expressions, so rules are easy to review.
Every pattern is matched against a whole, stripped line.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: "May 2, 2025", "2 May 2025", "2025-05-02", "05/02/2025".
FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    r"\d{1,2}/\d{1,2}/\d{4})\b",
    re.IGNORECASE,
)

# Page furniture that is never article text. Matched case-insensitively against the whole line.
_DEBRIS_PHRASES = [
    r"advert(?:isement|isment)?s?",
    r"ads?",
    r"sponsored(?: content| stories| links)?",
    r"promoted(?: content| stories)?",
    r"paid (?:content|post|partner content)",
    r"story continues(?: below)?(?: advertisement)?",
    r"(?:article )?continues (?:below|after (?:this )?advertisement)",
    r"scroll (?:down )?to (?:continue|read more)",
    r"dark mode(?: light mode)?|light mode(?: dark mode)?",
    r"skip to(?: main)? (?:content|navigation)",
    r"(?:main )?menu|search|close|home|back to top|top of page|more|next|previous",
    r"(?:log|sign) ?in|register|my account|log ?out|sign out",
    r"(?:share|tweet|email|e-mail|print|copy(?: the)? link|link copied|save|bookmark|comment|comments|"
    r"facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|messenger|flipboard|threads|bluesky)"
    r"(?:[\s,|/·•]+(?:share|tweet|email|e-mail|print|copy(?: the)? link|link copied|save|bookmark|comment|"
    r"comments|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|messenger|flipboard|threads|"
    r"bluesky))*",
    r"share (?:this|the) (?:article|story|page|post)(?: on .*)?",
    r"share (?:on|via) \w+",
    r"(?:click|tap) (?:here )?to (?:share|subscribe|read more|enlarge|expand)",
    r"\d+ ?(?:min(?:ute)?s?|m) read",
    r"listen(?: to (?:this|the) (?:article|story))?(?: \d+ min(?:ute)?s?)?",
    r"\d+ comments?|view comments|show comments|leave a comment|join the conversation",
    r"(?:read|see|view|show|load) (?:more|all|the full story|full article|next)(?: stories| articles| news)?:?",
    r"related(?: articles| stories| content| coverage| topics| news| links)?:?",
    r"(?:recommended|trending|most read|most popular|popular|latest|top stories|editor'?s picks|"
    r"more (?:from|on) [\w .'-]{1,40}|you may also like|you might also like|more stories|in other news|"
    r"don'?t miss|must read|related video|watch|video|watch now|play video|photos?|gallery|"
    r"view gallery|open gallery|image \d+ of \d+|\d+ of \d+|\d+ photos?)(?: ?:)?",
    r"(?:subscribe|sign up|signup|join|get|follow)\b.{0,80}(?:newsletter|updates|alerts|inbox|"
    r"subscription|briefing|us|free|now|today|here|daily|weekly)[.!]?",
    r"(?:subscribe|subscribe now|subscribe today|newsletter|sign up|sign up now)[.!]?",
    r"(?:this|our) (?:site|website) uses cookies.*|we use cookies.*|.*\bcookies?\b.{0,60}"
    r"(?:accept|consent|settings|policy|preferences|experience).*|accept(?: all)?(?: cookies)?|"
    r"reject(?: all)?|manage (?:cookies|preferences|consent)|cookie (?:settings|policy|preferences)",
    r"(?:©|\(c\)|copyright)\s.*|all rights reserved\.?",
    r"(?:terms of (?:use|service)|privacy policy|contact us|about us)(?:[\s|·•]+.*)?",
    r"download (?:our|the) app.*|get (?:the|our) app.*",
    r"(?:follow|like) us on .*",
    r"(?:breaking|live|exclusive|analysis|opinion|updated|new)",
    r"(?:image|photo|video|caption) (?:source|caption)?:?",
    r"enlarge (?:this )?image|expand|toggle caption|hide caption|show caption",
]
DEBRIS = re.compile(r"^(?:" + "|".join(_DEBRIS_PHRASES) + r")$", re.IGNORECASE)

#: Short tokens with no sentence in them: widget counters and glyph labels ("TT", "20", "A+", "1/12").
WIDGET = re.compile(r"^(?:[\W_]*[A-Za-z]{1,2}[\W_]*|[\W_]*\d{1,5}[\W_]*(?:/\s*\d{1,5})?[\W_]*|[\W_]+)$")

#: "READ MORE: headline", "Related: headline", "ALSO READ | headline" — links to other stories.
RELATED_LINK = re.compile(
    r"^(?:read more|read also|also read|related|see also|more|watch|listen|recommended|opinion|analysis|"
    r"explainer|live|latest|more on this story|related story|related article)\s*[:|>»\-–—]\s*\S.*$",
    re.IGNORECASE,
)

#: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Jane Doe | Reuters".
BYLINE = re.compile(
    r"^(?:by|written by|words by|reporting by|story by)\s+(?P<names>[^\n]{2,120})$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
AUTHOR_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\|)\s*")

#: "Updated 3:14 PM EDT, May 2, 2024", "Published: 2 May 2024", "Posted on May 2, 2024 at 10:00".
TIMESTAMP = re.compile(
    r"^(?:(?:first )?(?:published|updated|posted|last updated|last modified|modified|date)\s*(?:on|at)?\s*:?\s*)?"
    r"(?:[\w,:.\s/-]{0,40})?" + FULL_DATE.pattern + r"(?:[\w,:.\s/()+-]{0,40})$",
    re.IGNORECASE,
)
RELATIVE_TIMESTAMP = re.compile(
    r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:\d+|an?|one)\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago$",
    re.IGNORECASE,
)

# Photo credits. The credit may close a caption "(AP Photo/Jane Doe)" or stand on its own line.
_AGENCY = (
    r"AP|Associated Press|Reuters|AFP|Getty(?: Images)?|EPA(?:-EFE)?|EFE|Bloomberg|Xinhua|ANSA|DPA|"
    r"Shutterstock|Alamy|PA(?: Images| Wire)?|SIPA|Anadolu(?: Agency)?|NurPhoto|ZUMA(?: Press)?|IANS|PTI|"
    r"Kyodo|Yonhap|TASS|WANA|Handout|Pool|File|Courtesy|Supplied|UPI|Imago|Sputnik"
)
_CREDIT_BODY = (
    rf"(?:(?:{_AGENCY})\b[^()]*|[^()]*\b(?:Photo|Photograph|Image|Picture|Pic|Credit|Courtesy)s?\b[^()]*|"
    rf"[^()]*/\s*(?:{_AGENCY})\b[^()]*)"
)
#: Trailing credit in parentheses: "… in Mexico City. (AP Photo/Marco Ugarte, File)".
TRAILING_CREDIT = re.compile(rf"\s*\((?P<credit>{_CREDIT_BODY})\)\s*$", re.IGNORECASE)
#: Trailing labelled credit: "… in Lagos. Photo: Jane Doe/Reuters", "… | Credit: Getty Images".
LABELLED_CREDIT = re.compile(
    r"\s*(?:[|•·—–-]\s*|(?<=[.!?”\"])\s+)(?P<credit>(?:Photo(?:graph)?|Image|Picture|Credit|Pic|Photo credit)"
    r"(?:\s+by)?\s*:?\s+[^|]{2,80})$",
    re.IGNORECASE,
)
#: Trailing agency-style credit without brackets: "… during a rally. REUTERS/Jane Doe".
AGENCY_SLASH_CREDIT = re.compile(
    rf"\s+(?P<credit>(?:{_AGENCY.upper()}|{_AGENCY})(?: Photo)?\s*/\s*[A-Z][^./]{{1,60}}(?:/[A-Z][^./]{{1,40}})?)$"
)
#: A line that is only a credit: "(AP Photo/Jane Doe)", "Photo: Reuters", "Getty Images", "REUTERS/Jane Doe".
CREDIT_ONLY = re.compile(
    rf"^(?:\((?P<paren>{_CREDIT_BODY})\)|(?P<label>(?:Photo(?:graph)?|Image|Picture|Credit|Photo credit)"
    rf"(?:\s+by)?\s*:?\s+.{{2,80}})|(?P<agency>(?:{_AGENCY})(?: Images| Photo)?(?:\s*/\s*[\w .'-]{{2,60}})*))$",
    re.IGNORECASE,
)
#: Captions that announce themselves: "FILE - …", "FILE PHOTO: …", "In this photo …", "Pictured: …".
CAPTION_LEAD = re.compile(
    r"^(?:FILE(?: PHOTO)?\s*[-:–—]|In this (?:file |handout )?(?:photo|image|picture)\b|Pictured\s*:|"
    r"(?:A |An )?(?:handout|file) (?:photo|picture|image)\b|Photo\s*:|Image\s*:|Caption\s*:|"
    r"[A-Z][^.]{0,80}\b(?:pictured|is seen|are seen|poses|pose for a photo)\b)",
)
#: Words of a picture description; with repetition they mark an uncredited caption.
PHOTO_WORDS = re.compile(
    r"\b(?:picture|photo|photograph|image|handout|pictured|shows?|seen|poses?|\((?:L|R|C|centre|center|"
    r"left|right|\d(?:st|nd|rd|th)-[LR])\))\b",
    re.IGNORECASE,
)
