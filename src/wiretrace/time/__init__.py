"""Wiretrace's TIMEX3 tagger and normalizer: regex-driven, pure, anchored to the document date.

    tag_timexes(text, pub_date, doc=None) -> list[Timex]

Offsets are ``str`` indices into ``text``; values follow TimeML (``2023-02-14``,
``2023-W07``, ``P3Y``, ``PRESENT_REF``, ``XXXX-WXX-1``). Without a ``pub_date``
relative expressions get underspecified values, never a guessed date.
"""

from __future__ import annotations

from typing import Any

from wiretrace.model import Timex
from wiretrace.time.tagger import tag


def tag_timexes(text: str, pub_date: str | None, doc: Any = None) -> list[Timex]:
    """Every temporal expression in ``text``, typed and valued against ``pub_date``.

    ``doc`` (an optional spaCy Doc over the same text) lends verb tense to bare
    weekdays and months; without it a light cue search in the clause does.
    """
    return tag(text, pub_date, doc)


__all__ = ["tag_timexes"]
