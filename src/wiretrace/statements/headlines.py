"""Headline and transcript lines "Name: what they said" (PolNeAR annotates the colon as the cue)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wiretrace.doctext import text_of
from wiretrace.statements.attribution import MAX_COLON_NAME_TOKENS, Draft
from wiretrace.statements.extents import closed, tokens_between

# What a headline attribution says is at most this many tokens (a longer line with a colon is prose).
MAX_HEADLINE_TOKENS = 30
# Labels that open a line with a colon and name no one ("Correction: ...", "Date: ...").
LINE_LABELS = frozenset({"correction", "update", "date", "note", "watch", "read", "video", "photo", "photos",
                         "source", "sources", "byline", "dateline", "length", "section", "related",
                         "twitter", "email", "facebook", "instagram", "follow", "contact"})


def headline_attributions(doc: Doc, inside: set[int]) -> list[Draft]:
    """Lines of the shape "Stoltenberg: Ukraine will join NATO"."""
    drafts = []
    text = text_of(doc)
    start = 0
    for line in text.split("\n"):
        draft = _headline(doc, start, line, inside)
        if draft is not None:
            drafts.append(closed(draft))
        start += len(line) + 1
    return drafts


def _name_like(token: Token) -> bool:
    """A proper noun, or a capitalized noun the tagger took for a common one in a headline ("Sanders", "Poll")."""
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.text[:1].isupper()


def _headline(doc: Doc, start: int, line: str, inside: set[int]) -> Draft | None:
    colon = line.find(":")
    if colon <= 0 or not line[colon + 1 :].strip():
        return None
    name = tokens_between(doc, start, start + colon)
    rest = tokens_between(doc, start + colon + 1, start + len(line.rstrip()))
    if not name or not rest or len(name) > MAX_COLON_NAME_TOKENS or len(rest) > MAX_HEADLINE_TOKENS:
        return None
    if any(t.i in inside or t.lower_ in LINE_LABELS for t in name):
        return None
    if not all(_name_like(t) or t.is_punct for t in name):
        return None
    while rest and rest[-1].is_punct:
        rest = rest[:-1]
    if not any(t.is_alpha for t in rest):
        return None  # "Clinton: 547", a tally
    cue = doc.char_span(start + colon, start + colon + 1, alignment_mode="expand")
    return Draft([(rest[0].idx, rest[-1].idx + len(rest[-1]))], "indirect", cue[0] if cue else None,
                 name[-1], "headline")
