"""Which sentences need a parse: the cheap test that lets Wiretrace skip the rest.

A statement needs a quote mark, a cue word ("said", "claims", "according
to") or a colon (a headline attribution); a bare weekday or month needs the
verb's tense. A sentence with none of these is blanked (every character but
line ends turned into a space) before spaCy sees the text, so offsets stay
the same and the tagger, parser and entity recognizer skip it. (Keeping the
sentence before each kept one too, for the names a "he" points back to, cost
6% more words and changed no PolNeAR dev figure: names that matter sit in
sentences with cues.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wiretrace.statements.cues import CUE_NOUNS, STANCE_ADJECTIVES, VERB_OF_FORM
from wiretrace.statements.quotes import CLOSERS, OPENERS, STRAIGHT, find_quotes
from wiretrace.time.lexicon import MONTHS, WEEKDAYS

# Phrases that carry a statement with no cue verb.
CUE_PHRASES = ("according to", "in a statement", "in an interview")
# A sentence ends at a line end, or at . ! ? (and any closing marks) before a space and a capital,
# a digit or an opening mark, unless the full stop ends an abbreviation ("U.S.", "J.", "Mr.", "Sen.").
SENTENCE_END = re.compile(
    r"\n|(?<!\b[A-Za-z])(?<!\.[A-Za-z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Mt|Lt|No|vs))(?<!\b(?:Mrs|Gen|Sen|Rep|Rev|Gov|Col|Sgt|Inc|Ltd))"
    r"(?<!\b(?:Capt|Prof|Corp))[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[A-Z0-9\"'\u201c\u2018(])"
)
SINGLE_OPENER = re.compile(r"(?:^|(?<=[\s(\[]))['\u2018]")


# Every form of a cue verb or noun, and the stance adjectives. Cue words count in lower case only
# ("States" and "Post" are names), date words capitalized only ("May" is a month, "may" is not).
CUE_WORDS = frozenset(VERB_OF_FORM) | {form for noun in CUE_NOUNS for form in (noun, noun + "s")} | STANCE_ADJECTIVES
DATE_WORDS = frozenset(w.capitalize() for w in (*MONTHS, *WEEKDAYS))
WORD = re.compile(r"[A-Za-z]+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (line ends and full stops); good enough to choose what to parse."""
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.end() > start:
            bounds.append((start, match.end()))
            start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def needs_parse(sentence: str) -> bool:
    """Whether a sentence holds a quote mark, a cue word or phrase, a colon, or a bare date word."""
    if any(ch in OPENERS or ch in CLOSERS or ch in STRAIGHT for ch in sentence) or ":" in sentence:
        return True
    if SINGLE_OPENER.search(sentence):
        return True
    if any(phrase in sentence.lower() for phrase in CUE_PHRASES):
        return True
    return any(word in CUE_WORDS or word in DATE_WORDS for word in WORD.findall(sentence))


def parse_text(text: str) -> str:
    """``text`` with every sentence that needs no parse blanked; same length, same line ends.

    The first line (a title: headline attributions) and every sentence a
    quote touches are always kept.
    """
    bounds = sentence_bounds(text)
    quoted = [(q.open_at, q.end) for q in find_quotes(text)]
    keep = [
        i == 0 or needs_parse(text[s:e]) or any(qs < e and s < qe for qs, qe in quoted)
        for i, (s, e) in enumerate(bounds)
    ]
    return _blank(text, (b for b, k in zip(bounds, keep, strict=True) if not k))


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
