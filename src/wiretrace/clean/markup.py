"""Markup left in scraped text: embed tags, shortcodes, photo links, inline credits.

Only the markup goes; words an embed wraps (a tweet's text) stay, since they
can be a statement. A line left with nothing but punctuation goes whole.
"""

from __future__ import annotations

import re

from wiretrace.clean.lines import line_spans

Span = tuple[int, int]

# An HTML/XML tag with attributes; quoted values may hold line ends and curly quotes.
TAG = re.compile(
    r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|”[^”<>]*”|[^\s>]+))?)*\s*/?>"
)
# WordPress-style shortcodes around embeds: [embed]...[/embed], [caption id=...].
EMBED_CODES = r"(?:embed|caption|tweet|video|gallery|youtube|instagram|audio)"
SHORTCODE = re.compile(rf"\[/?{EMBED_CODES}\b[^\]\n]{{0,200}}\]", re.I)
# A shortcode pair with the address it wraps: [embed]https://...[/embed].
SHORTCODE_PAIR = re.compile(rf"\[({EMBED_CODES})\b[^\]\n]{{0,200}}\]\s*\S{{0,300}}?\s*\[/\1\]", re.I)
# Twitter's photo link and the attribution trailer an embedded tweet ends with.
PIC_LINK = re.compile(r"[ \t]?\bpic\.twitter\.com/\w+")
TWEET_TRAILER = re.compile(
    r"[ \t]?[—–-]{1,2}\s?[^\n()]{1,60}\(@\w{1,20}\)\s+(?:[A-Z][a-z]+\.?\s\d{1,2},\s\d{4}|\d{1,2}\s[A-Z][a-z]+\s\d{4})"
)
# "(Photo by Jane Roe/Getty Images)", "(Image: AP)", "[Picture: PA]" inside a line.
INLINE_CREDIT = re.compile(
    r"[ \t]?[(\[](?:photo|photograph|image|picture|pic|credit|illustration|video)s?"
    r"(?:\s(?:credit|by|courtesy(?:\sof)?))?\s*[:/]?\s[^()\[\]\n]{1,80}[)\]]",
    re.I,
)
INLINE = (TAG, SHORTCODE, SHORTCODE_PAIR, PIC_LINK, TWEET_TRAILER, INLINE_CREDIT)
# What may be left of a line whose markup is gone for the line to go whole.
LEFTOVER = re.compile(r"^[\s\W_]*$")


def markup_spans(text: str) -> list[Span]:
    """Spans of markup and inline credits in ``text``."""
    spans = [m.span() for pattern in INLINE for m in pattern.finditer(text)]
    return sorted(spans)


def emptied_lines(text: str, spans: list[Span]) -> list[Span]:
    """Whole lines (with line end) that hold markup and nothing else but punctuation."""
    out: list[Span] = []
    for start, end, full in line_spans(text):
        inside = [(max(s, start), min(e, end)) for s, e in spans if s < end and e > start]
        if not inside:
            continue
        rest = list(text[start:end])
        for s, e in inside:
            rest[s - start:e - start] = [" "] * (e - s)
        if LEFTOVER.match("".join(rest)):
            out.append((start, full))
    return out


def markup_debris(text: str) -> list[Span]:
    """Markup spans, widened to whole lines where nothing else is left."""
    spans = markup_spans(text)
    return spans + emptied_lines(text, spans)
