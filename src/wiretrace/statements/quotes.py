"""Find quoted stretches in a text, at the character level, before any parse.

A quote is a list of parts (the words inside the marks, marks excluded). A
quote that runs over several paragraphs (each paragraph opening a mark, only
the last one closing it) is one quote with a part per paragraph, except in a
transcript, where a paragraph opening with a speaker's label ("WALLACE: ...")
starts a new turn: a quote of its own, whose label is kept apart from its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "\u201c\u201e\u00ab"  # “ „ «
CLOSERS = "\u201d\u00bb\u201f"  # ” » ‟
STRAIGHT = '"\uff02'
# Two apostrophes stand for a double mark in some wires' copy (''like this'').
DOUBLED = "''"
# A single mark closing a quotation inside a doubled one, then the doubled one (''... 'We'll win,''').
NESTED_CLOSE = re.compile(r"(?<=[^\s'])'''")
# A quote left open this far into a paragraph with no closing mark is a stray
# mark, not a quote (seen in PolNeAR train: ditto marks, inches).
MAX_UNCLOSED_PART = 3000
# A transcript turn's label: a name in capitals and a colon ("PENCE: ", "SEN. KAINE: ").
TURN_LABEL = re.compile(r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}:[ \t]+")
# Characters after which a straight mark opens a quote even with no space between.
OPENING_CONTEXT = "([{\u2014\u2013-/"
# Any quotation mark: where scanning a text for quotes stops to look (a linear regex scan, not a loop per character).
ANY_MARK = re.compile(f"[{OPENERS}{CLOSERS}{STRAIGHT}]")


class InParts:
    """Something made of (start, end) parts in text order: a quote, a statement in the making."""

    __slots__ = ()
    parts: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass(slots=True)
class Quote(InParts):
    """One quotation: its parts, inside the marks, as (start, end) offsets."""

    parts: list[tuple[int, int]]
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark, None when never closed
    label: tuple[int, int] | None = None  # a transcript turn's speaker label, colon excluded


def _paragraph_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` opens a quote: an opening mark, a straight mark not shaped as a
    closing one, or a closing mark typed at the start of a line before a word (vox-pop lines:
    ``”Fear. I am ...”``)."""
    ch = text[i]
    if ch in OPENERS:
        return True
    if ch in STRAIGHT:
        return not _closing_shaped(text, i)
    return ch in CLOSERS and (i == 0 or text[i - 1] == "\n") and i + 1 < len(text) and text[i + 1].isalnum()


def _closing_shaped(text: str, i: int) -> bool:
    """A straight mark glued to the word before it and followed by a space or a stop (``systems" and``,
    ``6'3" tall``): met where no quote is open, it closes one whose opening mark was never typed."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and before not in OPENING_CONTEXT and (after.isspace() or after in ".,;:!?)")


def _next_paragraph_opens(text: str, i: int) -> int | None:
    """Offset of the opening mark that starts the next paragraph, if it does."""
    j = i
    while j < len(text) and text[j] in "\r\n \t":
        j += 1
    if j < len(text) and _opens(text, j):
        return j
    return None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def with_marks(text: str, quote: Quote) -> list[tuple[int, int]]:
    """The quote's parts with their own quotation marks, as PolNeAR's Content spans take them."""
    marks = OPENERS + CLOSERS + STRAIGHT
    parts = []
    for start, end in quote.parts:
        before = start
        while before and text[before - 1].isspace():
            before -= 1
        if text[before - 2 : before] == DOUBLED:
            start = before - 2
        elif before and text[before - 1] in marks:
            start = before - 1
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        if text[after : after + 2] == DOUBLED:
            end = after + 2
        elif after < len(text) and text[after] in marks:
            end = after + 1
        parts.append((start, end))
    return parts


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted stretch of ``text``, paragraphs joined where a quote runs on."""
    text = NESTED_CLOSE.sub("'\" ", text).replace(DOUBLED, '" ')  # same length: offsets unchanged
    quotes: list[Quote] = []
    i = 0
    while (mark := ANY_MARK.search(text, i)) is not None:
        i = mark.start()
        if _opens(text, i):
            quote, i = _read_quote(text, i)
            if quote is not None:
                quotes.append(quote)
            continue
        i += 1
    return quotes


def _read_quote(text: str, open_at: int) -> tuple[Quote | None, int]:
    """Read the quote opened at ``open_at``; return it and where to go on scanning."""
    parts: list[tuple[int, int]] = []
    start = open_at + 1
    label = TURN_LABEL.match(text, start)
    if label is not None:
        start = label.end()
    while True:
        para_end = _paragraph_end(text, start)
        close = _find_close(text, start, para_end)
        if close is not None:
            parts.append(_strip(text, start, close))
            if text[close] in OPENERS:  # a new quote opens before this one closed
                if _marks_a_block(text, open_at, close, label):
                    return None, close
                return _make(parts, open_at, None, label), close
            return _make(parts, open_at, close, label), close + 1
        if _closes_on_next_line(text, para_end):  # a line break inside the quote, not a new paragraph
            parts.append(_strip(text, start, para_end))
            start = para_end + 1
            continue
        following = _next_paragraph_opens(text, para_end)
        if para_end - start > MAX_UNCLOSED_PART or (following is None and not parts):
            return None, open_at + 1
        parts.append(_strip(text, start, para_end))
        if following is None or TURN_LABEL.match(text, following + 1):
            return _make(parts, open_at, None, label), para_end
        start = following + 1


def _marks_a_block(text: str, open_at: int, curly_at: int, label: re.Match | None) -> bool:
    """A straight mark opening a paragraph, where a curly quote opens before anything closes and no
    straight mark follows in the paragraph (``"Trump walked on, chanting “U-S-A!”``): the mark sets off
    a passage quoted from another report, whose own curly quotes are read as the text's."""
    if label is not None or text[open_at] not in STRAIGHT or (open_at and text[open_at - 1] != "\n"):
        return False
    return not any(ch in STRAIGHT for ch in text[curly_at : _paragraph_end(text, curly_at)])


def _closes_on_next_line(text: str, line_end: int) -> bool:
    """Whether the line after a single line break closes the quote left open before it: its first
    quotation mark closes (a curly closing mark, or a straight one after a word), and no mark opens it."""
    start = line_end + 1
    if start >= len(text) or text[start] in "\r\n" or _opens(text, start):
        return False
    mark = ANY_MARK.search(text, start, _paragraph_end(text, start))
    if mark is None:
        return False
    at = mark.start()
    return text[at] in CLOSERS or (text[at] in STRAIGHT and not text[at - 1].isspace())


def _find_close(text: str, start: int, para_end: int) -> int | None:
    """The closing mark (or a premature new opening mark) before the paragraph end."""
    mark = ANY_MARK.search(text, start, para_end)
    if mark is not None and mark.start() == start and text[start] in OPENERS:
        mark = ANY_MARK.search(text, start + 1, para_end)
    return None if mark is None else mark.start()


def _make(parts: list[tuple[int, int]], open_at: int, close_at: int | None,
          label: re.Match | None) -> Quote | None:
    parts = [p for p in parts if p[1] > p[0]]
    if not parts:
        return None
    return Quote(parts, open_at, close_at, (label.start(), label.group().index(":") + label.start()) if label else None)
