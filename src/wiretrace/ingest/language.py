"""The language of an article, detected offline (py3langid, whose model ships inside the package).

A page's declared language (``<html lang>``, a feed's, a record's) is often a
site-wide template value, so the text decides when the detector is sure of
it; the declared value stays where the text is too short to tell, or where
both agree (keeping its region: "en-GB").
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Characters of the text the detector reads: a few paragraphs settle the
# language, and a 20 MB text costs no more than a short one.
DETECT_CHARS = 5000
# Normalized probability at which the detector's answer is taken. English
# sentences of a dozen words score above 0.95; a three-word headline or a line
# of names scores 0.2-0.5 and is left undecided.
MIN_CONFIDENCE = 0.9
ENGLISH = "en"


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language ("en", "fr"), or None when the detector is unsure."""
    code, confidence = _identifier().classify(text[:DETECT_CHARS])
    return str(code) if confidence >= MIN_CONFIDENCE else None


def article_language(text: str, declared: str | None) -> str | None:
    """The detected language, or the declared one where the detector is unsure or agrees with it."""
    detected = detect_language(text)
    if detected is None or (declared and primary_subtag(declared) == detected):
        return declared
    return detected


def primary_subtag(language: str) -> str:
    """"en" of "en-GB" or "en_US", lower case."""
    return language.replace("_", "-").split("-")[0].lower()


def is_english(language: str | None) -> bool:
    """Whether an article in ``language`` is analyzed as English; an unknown language is taken to be."""
    return language is None or primary_subtag(language) == ENGLISH
