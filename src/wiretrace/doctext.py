"""A parsed article's text, built once.

spaCy's ``Doc.text`` joins every token's text on each call; code that reads
it once per statement turns an article's analysis quadratic.
"""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "wiretrace_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined on the first call and kept in the doc's user data."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text
