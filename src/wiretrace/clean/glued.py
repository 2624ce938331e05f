"""Related-article headlines glued into running prose.

A scraper that drops a "related story" box leaves its headline in the text
with nothing to mark it: ``...in stateLeaders from NATO meet``, ``...in
decade“We all agree``, ``...series No-one can tell``. We find a glue point
(where a new sentence starts with no space or punctuation before it), walk
back to the start of the stretch (paragraph start, or the end of the previous
sentence), and take that stretch out when it has the shape of a headline.
The real sentence after the glue point always stays.

The weaker the glue, the more headline shape the stretch must show: a
lowercase word run into a capital ("stateLeaders") is near proof by itself;
a space before "The" needs a stretch that reads like a headline, not prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntFlag

Span = tuple[int, int]

# Headline size in words: the seeds' four glued headlines run 12-16 words;
# headlines in PolNeAR's metadata run 4-22 (median 11); short ones ("Trump rips
# Scarborough") exist, and the glue, not the size, is the main proof.
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 24
# A no-space glue needs a lowercase left word this long: "iPhone", "eBay" are names.
MIN_LOWER_LEFT = 2
# A capitalized left word this long: "McCain", "LeBron", "DeSantis", "MacArthur" are names.
MIN_CAPITAL_LEFT = 4
# Before a sentence opener a shorter one will do ("Small FryThat's").
MIN_CAPITAL_LEFT_OPENER = 3
# After a number or capitals, the word glued on is this long: "NDAs", "IPOs" are plurals.
MIN_CAPITAL_RIGHT = 3
# Articles a headline keeps: headline style drops "the/a/an"; the seeds' glued
# headlines hold at most one; PolNeAR prose sentences of 12+ words mostly hold 2+.
MAX_HEADLINE_ARTICLES = 1
# Title Case: share of the longer words (4+ letters) that start with a capital.
# PolNeAR titles in Title Case score 0.9-1.0; prose with names mostly under 0.5.
TITLE_CASE_SHARE = 0.85
# Fewer longer words than this say too little about the case style.
TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_MIN_LETTERS = 4
# A headline's label colon ("Revealed: ...", "Sanders: ...") comes in its first words.
LABEL_COLON_WORDS = 3

# Words that open sentences and rarely stand capitalized mid-sentence. The
# first set opens sentences whatever follows; the second only before a
# lowercase word ("The war", not "The New York Times").
DAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June"
       r"|July|August|September|October|November|December|top|the|a|an)\b")
PURE_STARTERS = (
    r"No-one|Nobody|But|And|So|Still|However|Meanwhile|Yet|Just|Also|Instead"
    r"|Furthermore|Moreover|Perhaps|Indeed|Nonetheless|Nevertheless|Ultimately|Ironically|Unfortunately"
    r"|Fortunately|Why|Nothing|Every"
    rf"|(?:On|In|At|By|Since|Last|Earlier|Late|Early)\s{DAY}"
)
STARTERS = (
    r"It|He|She|They|We|You|This|These|Those|There|That|Our|His|Her|Their|The|An|Speaking|Asked|According"
    r"|While|When|After|Before|Although|Though|Despite|During|If|As|What|Why|How|Some|Many|Most|More|Several"
    r"|Both|Each|Others|One(?=\sof)|Yesterday|Today|Tonight|Officials|Critics|Supporters|Earlier|Later|Last|Now|Then|Here"
)
# A contraction a starter may carry: "It’s", "They’re".
CONTRACTION = r"(?:['’](?:s|re|ll|d|ve|m))?"
STARTER = re.compile(rf"(?:{PURE_STARTERS}){CONTRACTION}(?=[\s,])|(?:{STARTERS}){CONTRACTION}(?=\s[a-z“\"‘'(])")
PURE_STARTER = re.compile(rf"(?:{PURE_STARTERS})\b")
# A word of letters (a possessive or a number allowed), not inside an address or handle.
TOKEN = re.compile(r"(?<![\w@#/.&+'’-])[A-Za-z0-9]+(?:['’][a-z]{1,2})?(?![.@/]\w|[\u00c0-\u036f])")
# Where a word runs into a capital with no space: after a lowercase letter or
# digit ("stateLeaders", "2016It"), or between capitals and a capitalized word ("ISISWhat").
HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z]{2})(?=[A-Z][a-z])")
# What may follow the glue inside the word: "Leaders", "NEW", "I", "It’s".
RIGHT_WORD = re.compile(r"[A-Z](?:[a-z]+|[A-Z]+)?(?:['’][a-z]{1,2})?")
# No space before a quote mark: "decade“We", "events\"No"; or after one: "'d***head'They".
NOSPACE_QUOTE = re.compile(
    r"(?<=[a-z0-9…])(?=(?:[“‘]\s?|\"|'')[A-Z])|(?<=[a-z0-9…][’'”])(?=(?:[“‘]\s?|\"|'')[A-Z])"
    r"|(?<=[A-Za-z0-9…]{2}[’'”])(?=[A-Z][a-z])"
)
# With a space: a lowercase word, then a sentence opener.
SPACE_STARTER = re.compile(rf"(?<=[a-z0-9'’]) (?={STARTER.pattern})")
# A phrase in single quotes, the mark of headline style ("same 'actors' at").
SINGLE_QUOTED = re.compile(r"(?<!\w)['‘][^'‘’\s][^'‘’]{0,40}['’](?!\w)")
# The end of a sentence: final punctuation, closing quotes, then space.
SENTENCE_END = re.compile(r"[.!?][’'”\")\]]*\s+")
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|No|vs|Jr|Sr|Inc|Co|Rev|Prof|Gen))\.$"
)
ARTICLE = re.compile(r"\b(?:the|a|an)\b", re.I)
PROSE_VERB = re.compile(r"\b(?:said|told|was|were|had|did|would|could|am)\b", re.I)
PRONOUN_START = re.compile(r"^(?:[“\"‘']?\s?)(?:I|He|She|They|We|It|You|His|Her|Their|Our|My|This|That)\b")
# Words a headline does not end on: a stretch ending "...referring to" is prose
# with a space lost ("toObama"), not a headline.
OPEN_END = re.compile(
    r"\b(?:to|of|about|the|a|an|and|or|for|with|from|by|that|than|at|as|into|onto|his|her|their|its|our"
    r"|my|your|this|these|those|on|in)$",
    re.I,
)


class Proof(IntFlag):
    """What a stretch must show besides headline size: prose-free, styled, or both."""

    PLAIN = 0
    UNPROSY = 1  # few articles, no past-tense reporting, no pronoun start, no comma
    STYLED = 2  # Title Case or a phrase in single quotes
    EITHER = 4  # UNPROSY or STYLED will do


@dataclass(frozen=True, slots=True)
class Glue:
    """A point where a sentence starts with nothing before it.

    ``at`` ends the headline, ``cut`` ends the debris (past a gluing space),
    ``proof`` is what headline shape the stretch before must show.
    """

    at: int
    cut: int
    proof: Proof


def glue_points(text: str) -> list[Glue]:
    """Every candidate glue point, in text order."""
    found = list(nospace_glues(text))
    found += [Glue(m.start(), m.start(), Proof.PLAIN) for m in NOSPACE_QUOTE.finditer(text)]
    found += [Glue(m.start(), m.end(), space_proof(text, m.end())) for m in SPACE_STARTER.finditer(text)]
    return sorted(found, key=lambda g: g.at)


def space_proof(text: str, at: int) -> Proof:
    """A space glue asks for a prose-free stretch, or a styled one before a lowercase word.

    In a Title Case line every word is capitalized, "So You Don’t Have To"
    included, so a styled stretch alone does not prove a glue there.
    """
    if PURE_STARTER.match(text, at) and re.match(r"\S+\s[A-Z]", text[at:]):
        return Proof.UNPROSY
    return Proof.EITHER


def nospace_glues(text: str) -> Iterator[Glue]:
    """Glue points inside words: one hump where a word runs into the next."""
    for m in TOKEN.finditer(text):
        humps = [h.start() for h in HUMP.finditer(m.group())]
        if len(humps) != 1:
            continue  # none, or a name with several ("FiveThirtyEight")
        left, right = m.group()[: humps[0]], m.group()[humps[0]:]
        if not RIGHT_WORD.fullmatch(right):
            continue
        proof = nospace_proof(left, right, text, m.start() + humps[0])
        if proof is not None:
            yield Glue(m.start() + humps[0], m.start() + humps[0], proof)


def nospace_proof(left: str, right: str, text: str, at: int) -> Proof | None:
    """Proof a no-space glue needs, or None where the word is a name's shape.

    "stateLeaders" is a glue; "McCain", "iPhone", "BuzzFeed", "FBI" are not,
    so a capitalized, all-capital or numeric left word counts only before a
    sentence opener, or (capitalized) when the stretch is styled as a
    headline and the joined word occurs once.
    """
    base = re.sub(r"['’][a-z]{1,2}$", "", left)
    opener = bool(STARTER.match(text, at)) or right == "I"
    if base.islower():
        return Proof.PLAIN if len(base) >= MIN_LOWER_LEFT else None
    if base.isdigit() or base.isupper():  # "2016It’s", "ISISWhat"; not "NDAs", "IPOs"
        return Proof.EITHER if opener and len(right) >= MIN_CAPITAL_RIGHT else None
    if not (base[0].isupper() and base[1:].islower()):
        return None
    if opener and len(base) >= MIN_CAPITAL_LEFT_OPENER:
        return Proof.EITHER
    if len(base) < MIN_CAPITAL_LEFT or text.count(left + right) > 1:
        return None
    return Proof.EITHER if recurs(base, text) and recurs(right, text) else Proof.STYLED


def recurs(word: str, text: str) -> bool:
    """Whether ``word`` stands alone elsewhere in ``text``, as names in an article do.

    "...with Donald TrumpTrump continued" joins two words the article uses
    alone; "LinkedIn", "BuzzFeed", "NeverTrump" join parts that never stand alone.
    """
    return len(word) >= MIN_CAPITAL_RIGHT and re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def stretch_start(text: str, at: int) -> int:
    """Start of the stretch ending at ``at``: paragraph start or previous sentence end."""
    start = text.rfind("\n", 0, at) + 1
    for m in SENTENCE_END.finditer(text, start, at):
        if not ABBREVIATION.search(text[max(start, m.start() - 4):m.start() + 1]):
            start = m.end()
    while start < at and text[start] in " \t":
        start += 1
    return start


def sized(stretch: str) -> bool:
    """Headline size and outline: word count, capital start, balanced quotes, no open end."""
    words = stretch.split()
    if not MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    if not (stretch[0].isupper() or stretch[0].isdigit() or stretch[0] in "‘'"):
        return False
    if stretch.count("“") != stretch.count("”") or stretch.count('"') % 2:
        return False
    if ":" in " ".join(words[LABEL_COLON_WORDS:]):
        return False
    return not OPEN_END.search(stretch)


def unprosy(stretch: str) -> bool:
    """No mark of a prose sentence: articles, past-tense reporting, a pronoun start, a comma."""
    return (len(ARTICLE.findall(stretch)) <= MAX_HEADLINE_ARTICLES and not PROSE_VERB.search(stretch)
            and not PRONOUN_START.match(stretch) and "," not in stretch)


def styled(stretch: str) -> bool:
    """Headline typography: Title Case, or a phrase in single quotes."""
    if SINGLE_QUOTED.search(stretch):
        return True
    long_words = [w for w in re.findall(r"[A-Za-z]+", stretch) if len(w) >= TITLE_CASE_MIN_LETTERS]
    if len(long_words) < TITLE_CASE_MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in long_words) / len(long_words) >= TITLE_CASE_SHARE


def headline_like(stretch: str, proof: Proof) -> bool:
    """Whether ``stretch`` has the size and the shape of a headline that ``proof`` asks for."""
    if not sized(stretch):
        return False
    if proof & Proof.EITHER:
        return unprosy(stretch) or styled(stretch)
    if proof & Proof.UNPROSY and not unprosy(stretch):
        return False
    return not (proof & Proof.STYLED and not styled(stretch))


def glued_headlines(text: str) -> list[Span]:
    """Spans of headlines glued to the sentence after them."""
    spans: list[Span] = []
    first = len(text) - len(text.lstrip())
    taken = -1
    for glue in glue_points(text):
        start = stretch_start(text, glue.cut)
        if glue.at <= taken or start <= first or start >= glue.at:
            continue  # inside a stretch already taken, or the article's own title
        if headline_like(text[start:glue.at].rstrip(), glue.proof):
            spans.append((start, glue.cut))
            taken = glue.cut
    return spans
