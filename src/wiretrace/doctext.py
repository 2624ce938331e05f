"""A parsed article's text and entities, built once.

spaCy's ``Doc.text`` joins every token's text on each call, and ``Span.ents``
walks (and builds a Span for) every entity of the whole doc on each call: code
that reads them once per statement turns an article's analysis quadratic.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection

from spacy.tokens import Doc, Span

KEY = "wiretrace_text"
# The doc's entities as (start token, end token, label) triples: plain values, so a
# DocBin that stores user data can still serialize the doc.
ENTS_KEY = "wiretrace_ents"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined on the first call and kept in the doc's user data."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text


def ents_in(span: Span, labels: Collection[str]) -> list[Span]:
    """``span.ents`` with one of ``labels``: the entities wholly inside the span, by bisection."""
    doc = span.doc
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = [(e.start, e.end, e.label_) for e in doc.ents]
    found = []
    for start, end, label in ents[bisect_left(ents, (span.start,)) :]:
        if start >= span.end:
            break
        if end <= span.end and label in labels:
            found.append(Span(doc, start, end, label=label))
    return found
