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
# 32 bands of 4 rows: pairs at Jaccard 0.5 meet in a band with p = 0.87,
# at 0.8 with p > 0.9999; pairs under 0.2 rarely (p = 0.05).
BANDS = 32
ROWS = NUM_PERM // BANDS
# Words per shingle of an article's text.
ARTICLE_SHINGLE_WORDS = 5
# Estimated Jaccard of word 5-shingles at or above which two articles are copies:
# a wire story and its lightly edited reprint share most 5-word runs; two
# outlets' own reports of one event share few (under 0.2 on PolNeAR's same-day pairs).
NEAR_DUPLICATE = 0.5
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
