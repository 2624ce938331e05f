"""Near-duplicate articles: MinHash over word shingles (datasketch), banded for a persisted LSH.

Each article's MinHash is cut into bands; articles sharing one band's hash
are candidates, and a candidate whose estimated Jaccard similarity passes
the threshold is a copy (syndicated, or lightly edited). The bands live in
the store (``minhash_bands``), so finding the candidates of a new article is
one indexed lookup per band however large the store grows.
"""

from __future__ import annotations

from datasketch import MinHash

from wiretrace.link.text import stable_hash, tokens

NUM_PERM = 128
# 42 bands of 3 rows (126 of the 128 hash values): pairs at Jaccard 0.4 meet in a band with
# p = 0.94, at 0.5 with p = 0.996; pairs at 0.1 rarely (p = 0.04), at 0.01 almost never.
ROWS = 3
BANDS = NUM_PERM // ROWS
# Words per shingle of an article's text.
ARTICLE_SHINGLE_WORDS = 5
# Estimated Jaccard of word 5-shingles at or above which two articles are copies. On PolNeAR
# train, two editions or versions of one story give 0.46 to 1.0 and distinct articles at most
# 0.11, even one event's reports by two outlets; a short wire story with a new headline, a
# paragraph dropped or added, gives 0.4 to 0.5 (benchmarks/neardup.py).
NEAR_DUPLICATE = 0.4
SEED = 1


def signature(text: str) -> list[int]:
    """The MinHash of an article's word 5-shingles, as plain integers (JSON-safe)."""
    words = tokens(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    runs = [" ".join(words[i:i + ARTICLE_SHINGLE_WORDS])
            for i in range(max(1, len(words) - ARTICLE_SHINGLE_WORDS + 1))]
    minhash.update_batch([run.encode("utf-8") for run in runs])
    return [int(v) for v in minhash.hashvalues]


def bands(sig: list[int]) -> list[tuple[int, int]]:
    """(band number, hash of the band's rows) for each band of a signature."""
    return [(b, stable_hash(",".join(map(str, sig[b * ROWS:(b + 1) * ROWS])))) for b in range(BANDS)]


def similarity(one: list[int], other: list[int]) -> float:
    """The Jaccard similarity two signatures estimate."""
    return sum(a == b for a, b in zip(one, other, strict=True)) / len(one)
