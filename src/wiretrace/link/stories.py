"""Stories: articles that report one event, found by shared entities, close dates and shared words.

A new article joins the story of the most similar earlier article that names
one of its entities, was published within a few days of it, and shares
enough of its salient words; otherwise it starts a story of its own.
"""

from __future__ import annotations

from collections import Counter

from wiretrace.link.text import content_words, tokens

# Salient words kept per article: its most frequent content words.
SALIENT_WORDS = 40
# Articles published this many days apart can report one event (a meeting
# reported on its eve, its day and the day after).
STORY_WINDOW_DAYS = 3
# Jaccard of salient-word sets at or above which two dated articles sharing an
# entity and a time window report one event (seeds: the two reports of the
# Brussels meeting 0.14; articles of other days are out of the window anyway).
SAME_STORY = 0.12
# Where either article is undated the window cannot help: only a far closer
# wording joins them (seeds: the Brussels and Helsinki reports, both about
# Stoltenberg and NATO, 0.25; none of the seed pairs above 0.3).
SAME_STORY_UNDATED = 0.4
# Candidate articles looked at per shared entity: the most recent ones, so the
# cost of a new article does not grow with a prolific speaker's history.
CANDIDATES_PER_ENTITY = 50


def salient_terms(text: str, title: str | None = None) -> list[str]:
    """An article's most frequent content words (title words count twice), most frequent first."""
    counts = Counter(content_words(tokens(text)))
    counts.update(content_words(tokens(title or "")))
    return [word for word, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:SALIENT_WORDS]]


def term_similarity(one: list[str], other: list[str]) -> float:
    """Jaccard similarity of two articles' salient words."""
    a, b = set(one), set(other)
    return len(a & b) / len(a | b) if a and b else 0.0
