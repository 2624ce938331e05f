"""Words of a text for comparing wordings: folded tokens, content words, hashed word shingles."""

from __future__ import annotations

import hashlib
import re
import unicodedata

WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
# Words too common to say that two texts are about the same thing (closed-class English words).
STOP_WORDS = frozenset("""
a an the and or but if then than so as of at by for from in into on onto to with without about over under
is are was were be been being am do does did done have has had having will would shall should can could
may might must not no nor it its it's this that these those there here he she they we you i me him her
them us my your his their our who whom whose which what when where why how all any each both some such
very just also only too more most other same own s t up down out off again once said says say
""".split())
# Words per shingle; shorter texts are one shingle of all their words.
SHINGLE_WORDS = 3
# Shingle hashes are signed 63-bit integers (a BIGINT column on every backend).
HASH_BITS = 63


def fold(text: str) -> str:
    """Lower case, accents and curly apostrophes folded: "Zelenskiy’s" -> "zelenskiy's"."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def tokens(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return WORD.findall(fold(text))


def content_words(words: list[str]) -> list[str]:
    """The words that carry meaning (closed-class words and single letters out)."""
    return [w for w in words if w not in STOP_WORDS and len(w) > 1]


def stable_hash(text: str) -> int:
    """A hash that is the same in every process and on every backend (Python's hash() is not)."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - HASH_BITS)


def shingles(words: list[str], size: int = SHINGLE_WORDS) -> set[int]:
    """Hashes of every run of ``size`` words; a shorter text is one shingle of all its words."""
    if not words:
        return set()
    if len(words) <= size:
        return {stable_hash(" ".join(words))}
    return {stable_hash(" ".join(words[i:i + size])) for i in range(len(words) - size + 1)}
