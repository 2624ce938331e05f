"""The size cap on one input, and how sizes read in messages."""

from __future__ import annotations

# Largest file read as one article (and longest JSONL line). The longest news
# articles are a few hundred kB of HTML; 20 MB leaves room for bloated pages
# while keeping a stray video or database dump out of memory.
MAX_FILE_BYTES = 20 * 1024 * 1024

# Bytes in the units sizes are written in (binary units, as `ls -lh` uses).
_UNITS = ((1024 * 1024, "MB"), (1024, "kB"))


def human_size(size: int) -> str:
    """``size`` bytes as "25.3 MB", "12 kB" or "300 bytes"."""
    for unit, name in _UNITS:
        if size >= unit:
            return f"{size / unit:.1f}".removesuffix(".0") + f" {name}"
    return f"{size} bytes"


def too_large(size: int, cap: int) -> str:
    """The inside of a "too large" message: "25.3 MB > 20 MB"."""
    shown, limit = human_size(size), human_size(cap)
    if shown == limit:  # just over the cap: rounding would print "20 MB > 20 MB"
        shown, limit = f"{size} bytes", f"{cap} bytes"
    return f"{shown} > {limit}"
