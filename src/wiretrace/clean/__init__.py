"""Cleaning: take scraping debris out of an article's text, keeping the way back.

``clean_text(raw)`` runs before analysis on every article, so it uses only
regular expressions and simple counts, no parse. What it removes:

- whole boilerplate lines (follow/share prompts, photo credits, bylines,
  teasers, ads, sign-ups, cookie and copyright notices), see ``lines``;
- markup left by embeds (tweet tags, shortcodes, photo links), see ``markup``;
- related-article headlines glued into prose, see ``glued``.
"""

from __future__ import annotations

from wiretrace.clean.glued import glued_headlines
from wiretrace.clean.lines import boilerplate_lines
from wiretrace.clean.markup import markup_debris
from wiretrace.clean.spans import build
from wiretrace.model import Cleaned

__all__ = ["clean_text"]


def clean_text(raw: str) -> Cleaned:
    """``raw`` with its debris taken out; offsets in the result map back to ``raw``."""
    spans = boilerplate_lines(raw) + markup_debris(raw)
    spans += glued_headlines(raw)
    return build(raw, spans)
