"""Turning a list of debris stretches into a ``Cleaned``: merge, keep, mask."""

from __future__ import annotations

from wiretrace.model import Cleaned, Mention

Span = tuple[int, int]


def merge(spans: list[Span]) -> list[Span]:
    """Sorted, non-overlapping, non-empty spans (touching ones joined)."""
    out: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def kept_segments(length: int, debris: list[Span]) -> list[Span]:
    """The stretches of ``[0, length)`` between the (merged) debris spans."""
    segments: list[Span] = []
    at = 0
    for start, end in debris:
        if start > at:
            segments.append((at, start))
        at = end
    if at < length:
        segments.append((at, length))
    return segments


def mask(raw: str, debris: list[Span]) -> str:
    """``raw`` with every debris character but line ends turned into a space."""
    parts: list[str] = []
    at = 0
    for start, end in debris:
        parts.append(raw[at:start])
        parts.append("".join(c if c in "\r\n" else " " for c in raw[start:end]))
        at = end
    parts.append(raw[at:])
    return "".join(parts)


def build(raw: str, spans: list[Span]) -> Cleaned:
    """The ``Cleaned`` record for ``raw`` with ``spans`` taken out."""
    debris = merge(spans)
    segments = kept_segments(len(raw), debris)
    return Cleaned(
        text="".join(raw[s:e] for s, e in segments),
        masked=mask(raw, debris),
        debris=[Mention(s, e, raw[s:e]) for s, e in debris],
        segments=segments,
    )
