"""The data model every stage shares: plain dataclasses, serialized as the export.

Offsets are always character offsets (Python ``str`` indices) into the
original decoded text of the source (for HTML: into the extracted text), so
every fact points back to the words it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

StatementKind = Literal["direct", "mixed", "indirect"]
SpeakerType = Literal["person", "organization", "anonymous", "media", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(slots=True)
class Mention:
    """A stretch of the source text: a cue, a name, a debris line."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Speaker:
    """Who a statement is attributed to.

    ``name`` is the canonical (fullest) form, ``mention`` the words in this
    article the attribution rests on ("he", "NATO chief"), with their offsets.
    """

    name: str | None
    mention: str | None = None
    start: int | None = None
    end: int | None = None
    type: SpeakerType = "unknown"
    via: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DateEvidence:
    """Why a date was chosen: the rule that chose it, the words it rests on, how sure it is."""

    rule: str
    mentions: list[Mention] = field(default_factory=list)
    confidence: float | None = None
    # The other article whose words gave the date, where it was borrowed (rule "same_event").
    article: str | None = None


@dataclass(slots=True)
class Statement:
    """What a source is reported to have said, written or believed."""

    id: str
    text: str
    start: int
    end: int
    spans: list[tuple[int, int]]
    kind: StatementKind
    speaker: Speaker | None
    cue: Mention | None
    confidence: float
    method: str
    date: str | None = None
    utterance: str | None = None
    date_evidence: DateEvidence | None = None


@dataclass(slots=True)
class Timex:
    """A temporal expression, normalized TIMEX3-style."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    rule: str = ""


@dataclass(slots=True)
class EventDay:
    """A named event (an event noun and a place its sentence names) and its day, where the text gives one.

    ``key`` is what another report of the event shares ("summit|lisbon");
    ``day`` is None for an event an undated article reports as its own news.
    """

    key: str
    day: str | None
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Document:
    """One input article as read, before cleaning: its source and decoded text."""

    source: str
    text: str
    pub_date: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(slots=True)
class Cleaned:
    """A text with its debris taken out, and the way back to the original.

    ``text`` is the concatenation of ``raw[s:e]`` for each kept segment, so a
    cleaned offset maps back exactly; ``masked`` is ``raw`` with every debris
    character but line ends turned into a space: same length, same offsets.
    """

    text: str
    masked: str
    debris: list[Mention]
    segments: list[tuple[int, int]]

    def to_original(self, offset: int) -> int:
        """The offset in the original text of a cleaned-text offset."""
        done = 0
        for start, end in self.segments:
            if offset < done + (end - start):
                return start + offset - done
            done += end - start
        return self.segments[-1][1] if self.segments else 0


@dataclass(slots=True)
class Article:
    """One analyzed article: the cleaned text, its statements and timexes.

    ``raw`` is the decoded source text every offset points into; ``text`` is
    the cleaned body (debris removed); ``debris`` lists what was removed.
    """

    id: str
    source: str
    raw: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    pub_date: str | None = None
    pub_date_source: Literal["metadata", "text", "none"] = "none"
    pub_date_evidence: DateEvidence | None = None
    language: str | None = None
    event: str | None = None
    debris: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[EventDay] = field(default_factory=list)


def document_of(article: Article) -> Document:
    """The document a stored article was read from: its raw text and input metadata (its date only
    where metadata gave it, so that a new analysis infers or borrows the rest again)."""
    return Document(source=article.source, text=article.raw, title=article.title, outlet=article.outlet,
                    url=article.url, language=article.language,
                    pub_date=article.pub_date if article.pub_date_source == "metadata" else None)


def content_hash(text: str) -> str:
    """The id of an article: a hash of its decoded text, so a rerun stores it once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def to_dict(obj: Any) -> dict[str, Any]:
    """A dataclass as a plain dict (for JSON and the store)."""
    return asdict(obj)
