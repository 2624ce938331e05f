"""Names of people and organizations: their parts, their keys, and when two name one entity.

A person's name splits into a given name, a surname and a generational
suffix ("Donald Trump Jr."). Two person names name one entity when their
suffixes agree, their surnames are spelling or transliteration variants of
each other (Zelensky / Zelenskiy / Zelenskyy) and their given names agree,
or one of them has no given name ("Stoltenberg") and the surnames are equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from wiretrace.link.text import fold, tokens
from wiretrace.statements.cues import HONORIFICS, TITLE_NOUNS

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Letters of a folded surname that index the entities table: variants share
# their first letters far more often than their endings (Zelensk-y/-iy/-yy).
SURNAME_KEY_LETTERS = 4
# Two surnames with this SequenceMatcher ratio or more are one name spelled
# two ways (zelensky/zelenskiy 0.94, zelensky/zelenskyy 0.94; trump/trumps
# 0.91; clinton/clifton 0.86 is kept apart by the given name).
SURNAME_SIMILARITY = 0.85
HONORIFIC_WORDS = frozenset(w.rstrip(".") for w in HONORIFICS)
# Words that make a speaker's "name" a role rather than a name ("NATO chief").
ROLE_WORDS = TITLE_NOUNS | {"secretary-general", "prime", "general"}
ROLE_DROP_WORDS = frozenset({"the", "a", "an", "s", "his", "her", "its", "their"})


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split into folded parts; ``given`` is "" for a surname alone."""

    given: str
    middle: tuple[str, ...]
    surname: str
    suffix: str

    @property
    def surname_key(self) -> str:
        return self.surname[:SURNAME_KEY_LETTERS]


def parse_person(name: str) -> PersonName | None:
    """The parts of a person's name (honorifics dropped); None when no word is left."""
    words = [w for w in tokens(name.replace(".", " ")) if w != "s"]
    while words and words[0] in HONORIFIC_WORDS:
        words = words[1:]
    suffix = words.pop() if len(words) > 1 and words[-1] in SUFFIXES else ""
    if not words:
        return None
    if len(words) == 1:
        return PersonName("", (), words[0], suffix)
    return PersonName(words[0], tuple(words[1:-1]), words[-1], suffix)


def similar_surnames(one: str, other: str) -> bool:
    """One surname spelled two ways (a string-similarity rule; equal names trivially)."""
    return one == other or SequenceMatcher(None, one, other).ratio() >= SURNAME_SIMILARITY


def same_person(one: PersonName, other: PersonName) -> bool:
    """Whether two names can name one person (see the module docstring)."""
    if one.suffix != other.suffix:
        return False
    if not one.given or not other.given:  # a surname alone: spelled alike, or it is another person
        return one.surname == other.surname
    return similar_surnames(one.surname, other.surname) and given_names_agree(one.given, other.given)


def given_names_agree(one: str, other: str) -> bool:
    """Equal given names, or an initial and a name it starts ("J" and "jens")."""
    if len(one) == 1 or len(other) == 1:
        return one[0] == other[0]
    return one == other


def name_weight(name: str) -> int:
    """How full a name is: its words less honorifics (the canonical name is the fullest)."""
    person = parse_person(name)
    if person is None:
        return 0
    return (person.given != "") + len(person.middle) + 1 + (person.suffix != "")


def alias_key(name: str) -> str:
    """The folded form of a name that aliases are looked up by ("The Kremlin" -> "kremlin")."""
    words = tokens(name)
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def role_key(mention: str) -> str:
    """A role's folded words without articles and possessives: "the alliance's Chief" -> "alliance chief"."""
    words = [w.removesuffix("'s") for w in fold(mention).replace("'s ", " ").split()]
    words = [w.strip(",.;:()\"'") for w in words]
    return " ".join(w for w in words if w and w not in ROLE_DROP_WORDS)


def is_role(mention: str) -> bool:
    """Whether a mention is a role ("NATO chief", "the French President"), not a name."""
    words = role_key(mention).split()
    return bool(words) and words[-1] in ROLE_WORDS
