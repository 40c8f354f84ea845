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
#: "May 2, 2025", "2 May 2025", "19th, March 2024", "2025-05-02", "05/02/2025".
FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_MONTH},?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}/\d{1,2}/\d{4})\b",
    re.IGNORECASE,
)

# Page furniture that is never article text. Matched case-insensitively against the whole line.
_DEBRIS_PHRASES = [
    r"advert(?:isement|isment)?s?(?: hide ad)?",
    r"ads?|hide ads?",
    r"this advertisement has not loaded yet,? but your article continues below\.?",
    r"article (?:content(?: continued)?|sidebar)",
    r"sponsored(?: content| stories| links)?",
    r"promoted(?: content| stories)?",
    r"paid (?:content|post|partner content)",
    r"story continues(?: below)?(?: advertisement)?",
    r"(?:article |news |story )?continues (?:below|after (?:this |the )?(?:advertisement|ad|advert))",
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
    r"related(?: articles?| stories| story| content| coverage| topics| news| links?| posts?)?:?",
    r"(?:recommended|trending|most read|most popular|popular|latest|top stories|editor'?s picks|"
    r"more (?:from|on) [\w .'-]{1,40}|you may also like|you might also like|more (?:stories|news|articles)|"
    r"in other news|"
    r"don'?t miss|must read|related video|watch|video|watch now|play video|photos?|gallery|"
    r"view gallery|open gallery|image \d+ of \d+|\d+ of \d+|\d+ photos?)(?: ?:)?",
    r"(?:subscribe|sign up|signup|join|get|follow)\b.{0,80}(?:newsletter|updates|alerts|inbox|"
    r"subscription|briefing|us|free|now|today|here|daily|weekly)[.!]?",
    r"(?:subscribe|subscribe now|subscribe today|(?:e-?mail )?newsletter(?: sign[ -]?up)?|sign up|sign up now)[.!]?",
    r"(?:this|our) (?:site|website) uses cookies.*|we use cookies.*|.*\bcookies?\b.{0,60}"
    r"(?:accept|consent|settings|policy|preferences|experience).*|accept(?: all)?(?: cookies)?|"
    r"reject(?: all)?|manage (?:cookies|preferences|consent)|cookie (?:settings|policy|preferences)",
    r"(?:©|\(c\)|copyright)\s.*|all rights reserved\.?",
    r"(?:terms of (?:use|service)|privacy policy|contact us|about us)(?:[\s|·•]+.*)?",
    r"download (?:our|the) app.*|get (?:the|our) app.*",
    r"(?:follow|like) us on .*",
    r"(?:breaking(?: news)?|live|exclusive|analysis|opinion|updated|new)",
    r"accessibility links|media playback is (?:unsupported|not supported) on your device|source link",
    r"your browser does not support (?:the )?(?:video|audio|iframe)(?: tag| element)?\.?",
    r"#\w[\w &/'-]{0,30}",  # "#World News": a section tag
    r"(?:get|sign up|subscribe|receive)\b.{0,80}\b(?:inbox|newsletter)\b.*",
    r"(?:image|photo|video|caption) (?:source|caption)?:?",
    r"[•·|-]?\s*(?:published|updated|posted|last updated)\s*:?",  # a date label whose date is on the next line
    r"enlarge (?:this )?image|expand|toggle caption|hide caption|show caption",
]
DEBRIS = re.compile(r"^(?:" + "|".join(_DEBRIS_PHRASES) + r")$", re.IGNORECASE)
#: "Reuters logo": an image's name left behind. Case matters: "Council unveils new logo" is a headline.
LOGO = re.compile(r"^[A-Z][\w&'.-]*(?:\s[A-Z][\w&'.-]*){0,2}\slogo$")

#: Short tokens with no sentence in them: widget counters and glyph labels ("TT", "20", "A+", "1/12").
WIDGET = re.compile(r"^(?:[\W_]*[A-Za-z]{1,2}[\W_]*|[\W_]*\d{1,5}[\W_]*(?:/\s*\d{1,5})?[\W_]*|[\W_]+)$")

#: "READ MORE: headline", "Related: headline", "ALSO READ | headline" — links to other stories.
RELATED_LINK = re.compile(
    r"^(?:read more|read also|also read|related|see also|more|watch|listen|recommended|opinion|analysis|"
    r"explainer|live|latest|more on this story|related story|related article)\s*[:|>»\-–—]\s*\S.*$",
    re.IGNORECASE,
)
#: "READ ALSO  Headline", "SEE ALSO The Headline": the label with no separator, told from a sentence ("Read more
#: about …") by capitals: the label in capitals, or two spaces and a capitalised headline after it.
RELATED_LINK_BARE = re.compile(
    r"^(?:(?:READ MORE|READ ALSO|ALSO READ|SEE ALSO|RELATED|MORE ON THIS STORY)\s+(?=[A-Z][a-z]|[0-9“\"‘'])|"
    r"(?i:read more|read also|also read|see also|related)\s{2,}(?=[A-Z0-9“\"‘']))\S.*$"
)

#: "More News", "Related Stories", "You may also like": a heading over links to other stories.
RELATED_HEADING = re.compile(
    r"^(?:related(?: articles?| stories| story| content| coverage| news| links?| posts?)?|"
    r"more (?:news|stories|articles)|more (?:from|on) [\w .'-]{1,40}|you (?:may|might) also like|"
    r"recommended(?: for you| stories| articles)?|"
    r"read (?:more|also|next)|also read|see also|most (?:read|popular)|trending(?: now| stories)?|top stories|"
    r"latest (?:news|stories)|in other news|don'?t miss|must read)\s*:?$",
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
    r"(?:[\w,:.\s/|-]{0,40})?" + FULL_DATE.pattern + r"(?:[\w,:.\s/()+-]{0,40})$",
    re.IGNORECASE,
)
#: "Published May 2, 2024, in Local News, Sports": a blog's date line that goes on to list the post's categories.
DATED_CATEGORIES = re.compile(
    r"^(?:published|posted|filed)\s+(?:on\s+)?"
    + FULL_DATE.pattern
    + r",?\s+(?:in|under)\s+[\w&'’ -]+(?:,\s*[\w&'’ -]+)*$",
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
    rf"[^()]*/\s*(?:{_AGENCY})\b[^()]*|[^()]*\bvia (?:{_AGENCY})\b[^()]*)"
)
#: Trailing credit in parentheses: "… in Mexico City. (AP Photo/Marco Ugarte, File)".
TRAILING_CREDIT = re.compile(rf"\s*\((?P<credit>{_CREDIT_BODY})\)\s*$", re.IGNORECASE)
#: The same in square brackets: "… in Doha on June 8 [Jane Doe/Reuters]".
BRACKET_CREDIT = re.compile(r"\s*\[(?P<credit>" + _CREDIT_BODY.replace("[^()]", r"[^\[\]]") + r")\]\s*$", re.IGNORECASE)
#: Trailing labelled credit: "… in Lagos. Photo: Jane Doe/Reuters", "… | Credit: Getty Images".
#: The label is not part of the credit; inside brackets the whole bracket is (see TRAILING_CREDIT).
#: A scrape may glue the label to the caption's last word: "… question time today.Credit: Jane Doe".
LABELLED_CREDIT = re.compile(
    r"\s*(?:[|•·—–-]\s*|(?<=[.!?”\"])\s*)(?:Photo credit|Photo(?:graph)?|Image|Picture|Credit|Pic)"
    r"(?:\s+by\s+|\s*:\s*)(?P<credit>[^|]{2,80})$",  # a colon or "by": "Picture Archiving …" is no credit
    re.IGNORECASE,
)
#: A caption fragment closed by a bracketed name: "Ms Lindqvist defended the closure (Northvale Radio)".
#: Only without sentence punctuation before the bracket, which is how a body sentence would end.
#: Two to four capitalised words: a one-word bracket is more often an acronym ("(PACS)").
PAREN_NAME_CREDIT = re.compile(r"(?<=[^\s.!?,;:])\s+\((?P<credit>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){1,3})\)$")
#: Trailing agency-style credit without brackets: "… during a rally. REUTERS/Jane Doe".
AGENCY_SLASH_CREDIT = re.compile(
    rf"\s+(?P<credit>(?:{_AGENCY.upper()}|{_AGENCY})(?: Photo)?\s*/\s*[A-Z][^./]{{1,60}}(?:/[A-Z][^./]{{1,40}})?)$"
)
#: Photographer and agency after the caption's last sentence: "… in Gaza on May 15. JANE DOE / AFP"; an
#: agency we do not know is a short word in capitals ("Ann Roe / INPHO").
NAME_SLASH_CREDIT = re.compile(
    rf"(?<=[.!?”\"])\s+(?P<credit>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}\s*/\s*(?:{_AGENCY.upper()}|{_AGENCY}|"
    r"[A-Z]{2,10}(?:\s*/\s*[A-Z]{2,10})*)(?: Images| Photo| Pictures)?)$"
)
#: A line that is only a photographer and such an agency: "Ann Roe / INPHO / INPHO".
NAME_AGENCY_CREDIT = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s*/\s*[A-Z]{2,10}(?:\s*/\s*[A-Z]{2,10})*$")
#: A credit after a dash, "… emptied in Ouray County. - Ouray County Plaindealer": only a sign when the line
#: repeats (a caption shown twice), since a wire sign-off ends a paragraph the same way.
DASH_CREDIT = re.compile(
    r"(?<=[.!?”\"])\s+[-–—]\s+(?P<credit>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|de|the|and|for)){0,5})$"
)
#: "… - File photo", "(File image)": a label saying the picture is old, not a credit.
PHOTO_LABEL = re.compile(
    r"\s*(?:[-–—|]\s*(?P<dash>(?:file|archive|stock|representational|representative) (?:photo|image|picture|pic))|"
    r"\((?P<paren>(?:file|archive|stock|representational|representative) (?:photo|image|picture|pic))\))$",
    re.IGNORECASE,
)
#: A wire agency's sign-off at the end of a paragraph: "… anti-US sentiment. — Sapa-AFP".
_WIRE = (
    r"AP|AFP|Reuters|Xinhua|IANS|PTI|ANI|Sapa|Bernama|UPI|DPA|dpa|ANSA|EFE|Kyodo|Yonhap|TASS|Anadolu|WAM|QNA|KUNA|MENA"
)
SIGN_OFF = re.compile(rf"(?<=[.!?”\"’])\s+(?:—|–|--)\s*(?P<agency>(?:{_WIRE})(?:[-/](?:{_WIRE}))*)$")
#: A line that is only a credit: "(AP Photo/Jane Doe)", "Photo: Reuters", "Getty Images", "REUTERS/Jane Doe".
CREDIT_ONLY = re.compile(
    rf"^(?:\((?P<paren>{_CREDIT_BODY})\)|(?P<label>(?:Photo(?:graph)?|Image|Picture|Credit|Photo credit)"
    rf"(?:\s+by)?\s*:?\s+.{{2,80}})|(?P<agency>(?:{_AGENCY})(?: Images| Photo)?(?:\s*/\s*[\w .'-]{{2,60}})*)|"
    rf"(?P<slash>[A-Z][\w .'-]{{1,40}}(?:/[\w .'-]{{1,40}})*/\s*(?:{_AGENCY})(?: Images| Photo)?))$",
    re.IGNORECASE,
)
#: A credit glued to the dateline after it: "JANE DOE/AFP/Getty Images(PARIS) -- …".
#: A photographer's credit glued to the lede after it: "Ann Roe/FOXMira Holt, the teen who …".
GLUED_NAME_CREDIT = re.compile(
    rf"^(?P<credit>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{1,3}}\s*/\s*(?:{_AGENCY}|[A-Z]{{2,10}}))(?=[A-Z][a-z])"
)
GLUED_CREDIT = re.compile(rf"^(?P<credit>[^()\s][^()]{{1,80}}?/\s*(?:{_AGENCY})(?: Images| Photo)?)(?=\(\s*[A-Z])")
#: Captions that announce themselves: "FILE - …", "FILE PHOTO: …", "In this photo …", "Pictured: …".
CAPTION_LEAD = re.compile(
    r"^(?:FILE(?: PHOTO)?\s*[-:–—]|In this (?:file |handout )?(?:photo|image|picture)\b|Pictured\s*:|"
    r"(?:A |An )?(?:handout|file) (?:photo|picture|image)\b|Photo\s*:|Image\s*:|Caption\s*:|"
    # "Ada Roe (pictured) said …" is a sentence of the story, not a caption
    r"[A-Z][^.]{0,80}\b(?:(?<!\()pictured|is seen|are seen|poses|pose for a photo)\b)",
)
#: Words of a picture description; with repetition they mark an uncredited caption.
PHOTO_WORDS = re.compile(
    r"\b(?:picture|photo|photograph|image|handout|pictured|shows?|seen|poses?|\((?:L|R|C|centre|center|"
    r"left|right|\d(?:st|nd|rd|th)-[LR])\))\b",
    re.IGNORECASE,
)

#: A cookie banner: judged apart from other debris because it runs to several sentences.
COOKIE_NOTICE = re.compile(r"^(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b.*", re.IGNORECASE)

#: A navigation menu glued into one line: " date 2023-05-16 MarketsBusinessWorld…".
NAV_DATE_PREFIX = re.compile(r"^date \d{4}-\d{2}-\d{2}\b")
CAMEL_GLUE = re.compile(r"[a-z&][A-Z]")

#: Headers of archive pages that list several posts: each following headline opens a post.
ARCHIVE_HEADER = re.compile(
    r"^(?:showing posts (?:with label|for query) .*|(?:tag|category|author|monthly|daily) archives?\s*:.*|"
    r"entries (?:in|from|tagged) .{1,60}\(\d+\)|posts? (?:tagged|filed under|categori[sz]ed) .*|"
    r"archive for .{1,60}|browsing (?:tag|category)\s*:.*)$",
    re.IGNORECASE,
)

#: Lines that close an article: what follows them, up to the next article, is page furniture.
FOOTER = re.compile(
    r"^(?:posted by .{1,60}(?:\bat \d{1,2}[:.]\d{2}|\bcomments?\b).*|.*\b(?:no|\d+) comments?:?|"
    r"sign up to (?:read|continue)\b.*|subscribe to (?:read|continue)\b.*|"
    r"already (?:a member|a subscriber|have an account)\b.*|"
    r"leave a (?:comment|reply)|your email address will not be published\b.*|required fields are marked.*|"
    r"our standards\s*:.*|write (?:your|a) comments?|"
    # "…Read on and see a picture in this week's issue of the Journal!": the rest is in print.
    r"[….\s]*(?:read on|read more|read the (?:rest|full story)|for the (?:rest|full story))\b.{0,80}"
    r"\bin (?:this|next|the|our|today['’]s|this week['’]s|next week['’]s)(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:issue|edition|e-?edition)\b.*|"
    r"(?:(?:additional )?(?:reporting|writing|editing|compiled|production)(?: and \w+)? by\b.*"
    r"[;]\s*(?:additional )?(?:writing|editing|reporting) by\b.*))$",
    re.IGNORECASE,
)
#: "Writing by Jane Doe", "Editing by John Roe": wire credits, told from "Writing by candlelight, …" by the name.
WIRE_CREDIT = re.compile(
    r"^(?:[Ww]riting|[Ee]diting) by [A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}(?:\s*(?:;|,|and)\s.*)?$"
)

#: "(This story has been corrected to …)", "This version of the story was corrected …".
CORRECTION_NOTE = re.compile(
    r"^\(?\s*(?:this (?:version of the )?(?:story|article) (?:has been|was) (?:corrected|updated|amended|refiled)"
    r"|corrects?|correction\s*:|refiles?|updates? with)\b.*$",
    re.IGNORECASE,
)

#: "Reuters Staff", "AP Staff Writer": an agency byline without a person.
STAFF_BYLINE = re.compile(r"^(?:[A-Z][\w&.'-]*\s){1,3}(?:Staff|Staff Writers?|Newsroom|Wire Staff|Correspondents?)$")

#: A time alone on its line, the date being on another: "- 06:18", "0815 PM", "10:41 PM EDT".
TIME_ONLY = re.compile(
    r"^[-–—•|]?\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{3,4}\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,4})?$",
    re.IGNORECASE,
)

#: Picture labels of BBC-style pages: "Image caption," / "Media caption," precede the caption itself.
CAPTION_LABEL = re.compile(r"^(?P<kind>image|media|video|photo) caption\s*[,:]?$", re.IGNORECASE)
#: "Image source, Getty Images": the credit of the captioned picture that follows.
IMAGE_SOURCE = re.compile(r"^(?:image|picture|photo) source\s*[,:]\s*(?P<credit>\S.{0,80})$", re.IGNORECASE)

#: A one-sentence scene description under a headline: "A border police vehicle parked at a checkpoint …".
SCENE_CAPTION = re.compile(
    r"^(?:An?|The)\s+(?:[\w’'-]+\s+){0,5}?(?:(?:is|are|being)\s+)?[\w-]+(?:ed|en|ing)\s+"
    r"(?:at|in|on|near|outside|inside|during|from|after|by|as|with|into|onto|through|along|across)\b"
)
REPORTING_VERB = re.compile(
    r"\b(?:said|says|told|tells|reported|reports|according|announced|stated|added|warned|claimed)\b|[\"“”]",
    re.IGNORECASE,
)
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\b")

#: A line that ends on a closing quotation mark with no punctuation inside it: "… a “War Crime”".
BARE_QUOTE_END = re.compile(r"[\w’'][\"”’]$")
