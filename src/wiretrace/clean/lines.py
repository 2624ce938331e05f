"""Whole boilerplate lines: follow/share prompts, credits, bylines, ads, sign-ups.

Each family is a pattern on the line's shape (an imperative to follow, share or
subscribe; a credit format; a teaser label), written generally, never a list
of strings seen in one corpus. A line is tested with its list bullet and
surrounding quote marks taken off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A boilerplate line is short; a longer one is prose that happens to start alike.
# 40 words: the longest sign-up blurb seen in PolNeAR train is 25 words.
MAX_LINE_WORDS = 40
# Credit and byline lines are a name or two and an agency: "Scott Olson via Getty Images".
MAX_CREDIT_WORDS = 10
# A teaser ("READ MORE: ...") carries one headline, 6-20 words, plus its label.
MAX_TEASER_WORDS = 30

SOCIAL = (
    r"(?:twitter|facebook|instagram|snapchat|tik\s?tok|youtube|linkedin|whatsapp|pinterest|reddit"
    r"|telegram|threads|flipboard|google\s?news|google\+|bluesky|mastodon|apple\s?news|x)"
)
AGENCY = (
    r"(?:getty(?:\s?images)?|reuters|ap|afp|epa(?:-efe)?|pa(?:\s(?:wire|images|media))?|shutterstock"
    r"|alamy|bloomberg|associated\spress|anadolu(?:\sagency)?|sipa(?:\susa)?|rex|xinhua|tass|ria\snovosti"
    r"|nurphoto|zuma(?:\swire)?|splash\snews|mediapunch|wireimage|filmmagic|pool|upi|ddp|dpa|imago)"
)
_I = re.IGNORECASE

FAMILIES: dict[str, list[re.Pattern[str]]] = {
    "follow": [
        re.compile(rf"^(?:follow|like|join|find|connect\swith|add|friend)\b.{{0,80}}\bon\s+{SOCIAL}\b", _I),
        re.compile(r"^follow\b.{0,60}@\w+\W*$", _I),
        re.compile(r"^follow\s+(?:us|me|him|her|them|@\w+)\b.{0,60}$", _I),
    ],
    "share": [
        re.compile(rf"^(?:(?:share|tweet|e-?mail|print|pin|save|comments?|copy\slink|messenger|sms|{SOCIAL})"
                   r"[\s,|•·/:]*){1,10}$", _I),
        re.compile(r"^(?:share|send|post)\s+(?:this|on|via|to|with)\b.{0,60}$", _I),
    ],
    "credit": [
        re.compile(r"^(?:photo|photograph|image|picture|pic|pictured|video|illustration|graphic|credit"
                   r"|main\simage|top\simage|file\sphoto|caption)s?(?:\s(?:credit|source|by))?"
                   r"\s*[:|/–—-]\s*.{1,80}$", _I),
        re.compile(r"^\(?(?:photo|photograph|image|picture)s?\s+(?:by|courtesy(?:\sof)?|credit)\b.{1,80}$", _I),
        re.compile(rf"^(?:[\w.'’ -]{{1,40}}?\s*(?:/|via|\|)\s*)?{AGENCY}"
                   r"(?:\s(?:images|photos?|pictures|wire|file|via\s.{1,30}))?\W*$", _I),
        re.compile(r"^(?:image|photo)\s+(?:source|copyright)\b.{0,60}$", _I),
        re.compile(rf"^{AGENCY}\s+(?:photo|pictures?|images?)\b.{{0,60}}$", _I),
    ],
    "byline": [
        re.compile(r"^(?:written|reported|posted|edited|compiled|produced|words|story|text|reporting"
                   r"|additional\sreporting|editing)(?:\sand\s\w+)?\sby\b.{0,60}$", _I),
        re.compile(r"^[Bb]y\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|der|la|da|bin))*"
                   r"\s*(?:[,|–—-]\s*.{0,40})?$"),
        re.compile(r"^(?:send|email|e-mail)\s+(?:us\s+)?(?:your\s+)?(?:news\s+)?tips\b.{0,120}$", _I),
        re.compile(r"^contact\s+(?:the\s+)?(?:author|reporter|writer|us)\b.{0,80}$", _I),
    ],
    "teaser": [
        re.compile(r"^(?:read\smore|read\salso|also\sread|read\snext|read|more|related(?:\s(?:articles?"
                   r"|stories|coverage|content|links?|news|video))?|see\salso|more\son\s(?:this|that)(?:\sstory)?"
                   r"|recommended(?:\sreading)?|most\s(?:read|popular|viewed)|don'?t\smiss|trending(?:\snow)?"
                   r"|top\sstories|latest(?:\snews)?|editor'?s\spicks?|you\s(?:may|might)\salso\slike|watch(?:\smore)?"
                   r"|listen|previously|further\sreading|more\sfrom\s[\w ]{1,30}|opinion|explainer)"
                   r"\s*[:|>»•–—-]+.{0,200}$", _I),
        re.compile(r"^(?:see|view|watch)\s+(?:more\s+|all\s+)?(?:the\s+)?(?:latest\s+)?(?:photos|pictures|images"
                   r"|videos?|gallery|clip|footage)\b.{0,80}$", _I),
        re.compile(r"^(?:read|watch|see|listen\sto)\s+(?:more|the\sfull|our|the\slatest|the\srest)\b.{0,80}$", _I),
    ],
    "advert": [
        re.compile(r"^(?:advertisement|advertisements|advertising|ad|ads|sponsored(?:\scontent)?|paid\scontent"
                   r"|promoted(?:\scontent)?|partner\scontent|(?:story|article)\scontinues\s(?:below|after)"
                   r"(?:\s(?:this\s)?(?:advertisement|ad))?|continue\sreading(?:\s.{0,30})?"
                   r"|scroll\s(?:down\s)?to\scontinue.{0,30}|skip\sadvert(?:isement)?|ad\sfeedback"
                   r"|report\sthis\sad|close\s(?:ad|advertisement))\W*$", _I),
    ],
    "interface": [
        re.compile(r"^(?:listen\sto\sthis\s(?:article|story)|print(?:\sthis)?(?:\s(?:page|article|story))?"
                   r"|e-?mail\sthis\s(?:article|story|page).{0,30}|most\s(?:popular|read|viewed|shared)"
                   r"|recommended(?:\sfor\syou)?|top\sstories|more\s(?:on\sthis\s(?:story|topic)|stories)"
                   r"|report\san?\s(?:error|typo|correction)|terms\sof\s(?:use|service).{0,60}|privacy\spolicy.{0,40}"
                   r"|(?:view|show|hide|load|read)\s(?:all\s)?(?:\d+\s)?comments?|(?:sign|log)\sin(?:\sto\s\w+)?"
                   r"|get\sthe\sapp|scroll\s(?:down\s)?for\s(?:video|more)|embedded\scontent|have\syour\ssay.{0,40}"
                   r"|do\syou\shave\sa\sstory.{0,80}|skip\sto\s(?:main\s)?content|back\sto\stop"
                   r"|(?:next|previous)\s(?:article|story)|image\scaption\b.{0,120})\W*$", _I),
        re.compile(r"^(?:published|updated|last\supdated|first\spublished|posted)(?:\son)?\s*(?::|\d).{0,80}$", _I),
        re.compile(r"^this\s(?:article|story|piece)\s(?:was\s|is\s)?(?:originally|first)"
                   r"\s(?:published|appeared)\b", _I),
    ],
    "player": [
        re.compile(r"\b(?:this\s)?(?:video|content|media|clip)\s(?:is\s)?(?:restricted|unavailable|not\savailable"
                   r"|cannot\sbe\splayed)\b", _I),
        re.compile(r"^(?:your\sbrowser|please\senable\sjavascript|javascript\sis\s(?:disabled|required))", _I),
    ],
    "copyright": [
        re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))", _I),
        re.compile(r"\ball\srights\sreserved\b|©\s*\d{4}|may\snot\sbe\s(?:published|reproduced),?"
                   r"\sbroadcast", _I),
    ],
    "cookie": [
        re.compile(r"\bcookies?\b.{0,80}\b(?:accept|consent|polic(?:y|ies)|settings|preferences|"
                   r"browsing\sexperience|(?:our|this)\s(?:site|website))\b", _I),
        re.compile(r"\b(?:our|this)\s(?:site|website)\suses\scookies\b|\bby\scontinuing\sto\s(?:use|browse)\b", _I),
        re.compile(r"^(?:accept|reject|manage|allow)\s(?:all\s)?cookies\b", _I),
    ],
}

# An imperative that opens a sentence of the line (sign-ups, click prompts).
IMPERATIVE = re.compile(
    r"(?:^|[.!?]\s+)(?:"
    r"sign\s?-?up\b|subscribe\b|register\s(?:now|here|today|for)|join\s(?:our|us|the\sconversation|\d[\d,]*)"
    r"|click\s(?:here|on|to|the|below|through|for)|tap\s(?:here|to|on|the)|get\s(?:our|the\slatest|the\sbest"
    r"|breaking|free)\b.{0,60}(?:newsletter|email|inbox|alerts|updates|briefing|app)|enter\syour\semail"
    r"|download\s(?:our|the)\b.{0,30}\bapp|(?:thank\syou|thanks)\sfor\s(?:signing\sup|subscribing|reading)"
    r"|want\s(?:more|to\sreceive|the\slatest)\b.{0,60}\?|don'?t\sforget\sto\s(?:follow|subscribe|like|share)"
    r"|(?:you\scan\s)?unsubscribe\sat\sany\stime|(?:our|free|daily|weekly|morning|evening)\s(?:\w+\s)?newsletter\b)",
    _I,
)
# Only the tags and addresses of social embeds: a line that is nothing else.
EMBED_LINE = re.compile(r"^(?:pic\.twitter\.com/\S+|https?://\S+|www\.\S+)(?:\s+\S+)?$", _I)
BULLET = re.compile(r"^[\s*•·▪►»>\-–—|]*")
QUOTES = "\"'“”‘’"


def line_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end without line end, end with line end) of every line."""
    at = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield at, at + len(body), at + len(line)
        at += len(line)


def core(line: str) -> str:
    """The line without list bullet, surrounding quote marks and whitespace."""
    line = BULLET.sub("", line).strip()
    if line.startswith("(") and line.endswith(")") and line.count("(") == 1:
        line = line[1:-1].strip()
    if len(line) > 1 and line[0] in QUOTES and line[-1] in QUOTES and sum(c in QUOTES for c in line) == 2:
        line = line[1:-1].strip()
    return line


def family(line: str) -> str | None:
    """The boilerplate family a line belongs to, or None for a line of prose."""
    text = core(line)
    words = len(text.split())
    if not text or words > MAX_LINE_WORDS:
        return None
    if EMBED_LINE.match(text):
        return "embed"
    for name, patterns in FAMILIES.items():
        if name in ("credit", "byline") and words > MAX_CREDIT_WORDS:
            continue
        if name == "teaser" and words > MAX_TEASER_WORDS:
            continue
        if any(p.search(text) for p in patterns):
            return name
    if text[0] not in QUOTES and IMPERATIVE.search(text):
        return "signup"
    return None


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the whole boilerplate lines in ``text``, each with its line end."""
    return [(start, full) for start, end, full in line_spans(text) if family(text[start:end])]
