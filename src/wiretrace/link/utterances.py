"""When two reported statements are one saying, and how their wordings differ.

Two statements report one utterance when their speakers can be one entity,
their words are one wording (a partial quote is contained in the full one it
was cut from, or runs of it are word for word in it; a retelling shares most
of its content words) and their occasions agree: said-dates where both are
known, else the reports' dates, else the story they belong to; a saying
dated after the other report was published is another occasion. The same
words said on two occasions stay two utterances. A long stretch of quoted
words shared word for word is one saying whatever speakers the two reports
were resolved to, since a wrongly found speaker is far likelier than two
people saying the same long sentence; so is a short quotation given whole
and alike where a speaker was not resolved. A long passage quoted again
word for word within a month, neither report dating it, is the earlier
saying quoted anew. Two retellings of one finding by a source that is no
named entity (a poll, a news agency) are one saying (see
``wiretrace.link.findings``). A quotation that runs on, inside one pair of
quotation marks, from the end of one reported passage into the start of
another shows the two to be one continuous passage that earlier reports
quoted apart.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from wiretrace.link.findings import FINDING_SHARE, FINDING_WINDOW_DAYS, contrasting, described_alike
from wiretrace.link.text import STOP_WORDS, WORD, content_words, fold, tokens

# Quotation marks: opening, closing, and the straight mark that is either (NYT's '' is one too).
OPENING_MARKS = "\u201c\u201e"
CLOSING_MARKS = "\u201d"
STRAIGHT_MARK = '"'
# A statement of this many words or fewer matches only as a run of the other's words
# (and only under the same named speaker): "lazy", "party to the conflict".
SHORT_WORDS = 4
# Share of the shorter statement's content words found in the longer one (tuned on
# the PolNeAR pairs in tests/data/utterance_pairs.jsonl, see benchmarks/utterances.py).
CONTAINMENT = 0.75
# At least this many shared content words for a long statement to match.
MIN_SHARED = 3
# A statement with fewer content words than this matches by a run of them, in order, in
# the other's content words: three shared words say little ("to leave the Democratic Party"
# is not the 'Leave' vote and the Democratic Party of a longer quote).
MIN_BAG_WORDS = 5
# Without a named speaker on one side, the wording must agree this much more.
UNNAMED_CONTAINMENT = 0.9
# Word for word: runs of at least VERBATIM_RUN words shared by the two quotations cover this
# share of the shorter one (a partial quote cut and rejoined: "fight BLM violence ... and
# Hillary Clinton's anti-firearm rhetoric" against "fight 'Black Lives Matter' violence ...").
VERBATIM_RUN = 4
VERBATIM_SHARE = 0.6
# Quoted words shared word for word over this many words are one saying even where the
# speakers were resolved apart or not at all: extraction gets a speaker wrong far more often
# than two people say the same twelve words (PolNeAR pairs: Obama's convention line put
# to the candidate it names).
SPEAKER_FREE_WORDS = 10
# A quotation of this many words or more, given whole and alike by two reports, is one saying even where
# a speaker was not resolved: the extractor misses a speaker far more often than two sources say the same
# four words in one week (PolNeAR pairs: "That makes me smart" put to "his tax returns", to "the spot");
# three are a slogan anyone repeats ("law and order": Reagan's and Trump's, PolNeAR train, July 2016),
# and capitalized words a title ("The Rachel Maddow Show", January 2016), not a saying.
EQUAL_QUOTE_WORDS = 4
# A cut the reporter marks inside a quotation: the words on either side were not said one after the other.
ELLIPSIS = re.compile(r"\u2026|\.\s?\.\s?\.")
# Said-dates this many days apart are one occasion (time zones, "late on Monday").
SAID_TOLERANCE_DAYS = 1
# Reports of one saying, with no said-date, come out within this many days of each other
# (PolNeAR pairs: a rally line quoted four days later, "last week").
REPORT_WINDOW_DAYS = 7
# A passage of this many words quoted word for word again, neither report dating it, is the first
# occasion quoted anew within REQUOTE_WINDOW_DAYS: a refrain said at two rallies is shorter (PolNeAR
# dev: the Trojan-horse line, ten words, four weeks apart), a debate remark quoted 13 days later is longer.
REQUOTE_WORDS = 15
# A month: past it, an undated long quotation is as likely said again as quoted again.
REQUOTE_WINDOW_DAYS = 31
# Date rules (wiretrace.time.said) that only copy the article's day: no evidence of the occasion.
FALLBACK_DATE_RULES = frozenset({"article_day"})


@dataclass(slots=True)
class Said:
    """A statement as the linker compares it: its words, speaker entity (and the speaker's name), occasion."""

    article_id: str
    statement_id: str
    text: str
    kind: str
    entity_id: str | None
    date: str | None
    pub_date: str | None
    story_id: str | None
    speaker: str | None = None
    words: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.words:
            self.words = match_words(self.text, self.kind)


def said_date(date_: str | None, rule: str | None) -> str | None:
    """A statement's said-date as evidence of its occasion: None where it was only the article's day."""
    return None if rule in FALLBACK_DATE_RULES else date_


def match_words(text: str, kind: str) -> list[str]:
    """The words compared: a quotation's quoted words (the speaker's own, not "he said"), else all."""
    if kind in ("direct", "mixed"):
        quoted = [w for part in quoted_parts(text) for w in tokens(part)]
        if quoted:
            return quoted
    return tokens(text)


def quoted_parts(text: str) -> list[str]:
    """The stretches of a text inside quotation marks.

    A quotation running over paragraphs opens each one again without closing
    the last; a straight mark at a line's start therefore opens, as a curly
    opening mark always does.
    """
    text = text.replace("''", STRAIGHT_MARK)
    parts, start, line_start = [], None, True
    for i, ch in enumerate(text):
        opens = ch in OPENING_MARKS or (ch == STRAIGHT_MARK and (start is None or line_start))
        if opens or (ch in CLOSING_MARKS or ch == STRAIGHT_MARK) and start is not None:
            if start is not None:
                parts.append(text[start:i])
            start = i + 1 if opens else None
        line_start = ch == "\n" or (line_start and ch.isspace())
    if start is not None:
        parts.append(text[start:])
    return [part for part in parts if part.strip()]


def stretch_starts(text: str, kind: str) -> set[int]:
    """Where, in a quotation's compared words, each stretch the reporter gives as said without a break
    begins: every pair of quotation marks, cut again at an ellipsis. Empty where nothing is quoted."""
    if kind not in ("direct", "mixed"):
        return set()
    starts, n = set(), 0
    for part in quoted_parts(text):
        for piece in ELLIPSIS.split(part):
            starts.add(n)
            n += len(tokens(piece))
    return starts if n else set()


def runs_on(quotation: list[str], starts: set[int], first: list[str], second: list[str]) -> bool:
    """Whether, inside one stretch of a quotation, the last VERBATIM_RUN words of one passage run straight
    into the first VERBATIM_RUN words of another: the two were said as one passage."""
    n = VERBATIM_RUN
    if not starts or len(first) < n or len(second) < n:
        return False
    joint = first[-n:] + second[:n]
    return any(quotation[i:i + 2 * n] == joint and i + n not in starts for i in range(len(quotation) - 2 * n + 1))


def same_saying(one: Said, other: Said) -> bool:
    """Whether two statements report one utterance (see the module docstring)."""
    if not (same_occasion(one, other) or quoted_anew(one, other)):
        return False
    if quotes(one) and quotes(other) and verbatim_words(one.words, other.words) >= SPEAKER_FREE_WORDS:
        return True
    if one.entity_id and other.entity_id and one.entity_id != other.entity_id:
        return False
    if same_whole_quotation(one, other) or same_finding(one, other):
        return True
    short, long_ = sorted((one, other), key=lambda said: len(said.words))
    return same_wording(short.words, long_.words, bool(one.entity_id and other.entity_id), quotes(short))


def same_whole_quotation(one: Said, other: Said) -> bool:
    """Two reports giving the same quotation whole, long enough to be a saying and not a title."""
    return (quotes(one) and quotes(other) and len(one.words) >= EQUAL_QUOTE_WORDS and one.words == other.words
            and not is_title(one.text))


def same_finding(one: Said, other: Said) -> bool:
    """Two reports of one finding by a source described alike that is no named entity, within a day, one of them
    retelling it (two quotations of one finding would share its words, and are compared as quotations)."""
    if one.entity_id or other.entity_id or (quotes(one) and quotes(other)):
        return False
    if not described_alike(one.speaker, other.speaker):
        return False
    if not (one.pub_date and other.pub_date and dates_agree(one.pub_date, other.pub_date, FINDING_WINDOW_DAYS)):
        return False
    mine, theirs = set(content_words(one.words)), set(content_words(other.words))
    fewest, shared = min(len(mine), len(theirs)), len(mine & theirs)
    if fewest < MIN_BAG_WORDS or shared < max(MIN_SHARED, FINDING_SHARE * fewest):
        return False
    return not contrasting(compared_text(one), compared_text(other))


def compared_text(said: Said) -> str:
    """The text whose words are compared: a quotation's quoted parts, else the whole text."""
    parts = quoted_parts(said.text) if quotes(said) else []
    return " ".join(parts) if parts else said.text


def is_title(text: str) -> bool:
    """Whether a text's quoted words are a name or a title: every word but the closed-class ones capitalized."""
    words = [w for part in quoted_parts(text) or [text] for w in WORD.findall(part) if fold(w) not in STOP_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def quoted_anew(one: Said, other: Said) -> bool:
    """A long passage quoted word for word by two undated reports within REQUOTE_WINDOW_DAYS: the later
    report quotes the earlier saying again ("in a debate in December, she said ...")."""
    if one.date or other.date or not (one.pub_date and other.pub_date and quotes(one) and quotes(other)):
        return False
    return (dates_agree(one.pub_date, other.pub_date, REQUOTE_WINDOW_DAYS)
            and verbatim_words(one.words, other.words) >= REQUOTE_WORDS)


def quotes(said: Said) -> bool:
    """Whether a statement gives the speaker's own words (a direct or mixed quotation)."""
    return said.kind in ("direct", "mixed")


def same_wording(short: list[str], long_: list[str], named: bool, short_quotes: bool = True) -> bool:
    """One wording: a short quotation as a run of the other's words, a long one word for word or by shared
    content words. A few words that are not a quotation ("Obama") match nothing but the same words."""
    if not short:
        return False
    if len(short) <= SHORT_WORDS:
        if not short_quotes:
            return short == long_
        # "a “loser,” a “liar” and a “whiner”": quoted words apart, each a content word of the other
        return named and (is_run_of(short, long_) or all(w not in STOP_WORDS and w in long_ for w in short))
    if named and verbatim_words(short, long_) >= VERBATIM_SHARE * len(short):
        return True
    mine = content_words(short)
    if len(set(mine)) < MIN_BAG_WORDS:
        return is_run_of(short, long_) or (named and is_run_of(mine, content_words(long_)))
    theirs = set(content_words(long_))
    shared = len(set(mine) & theirs)
    floor = CONTAINMENT if named else UNNAMED_CONTAINMENT
    return shared >= MIN_SHARED and shared / len(set(mine)) >= floor


def wording_score(one: list[str], other: list[str]) -> int:
    """How much two wordings share: the words in common word for word, or the content words in
    common, whichever is more (a long match says more than a short one)."""
    shared_content = len(set(content_words(one)) & set(content_words(other)))
    return max(verbatim_words(one, other), shared_content)


def verbatim_words(one: list[str], other: list[str]) -> int:
    """How many words of ``one`` lie in runs of at least VERBATIM_RUN words that ``other`` has too."""
    if min(len(one), len(other)) < VERBATIM_RUN:
        return 0
    blocks = difflib.SequenceMatcher(None, one, other, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks if block.size >= VERBATIM_RUN)


def is_run_of(short: list[str], long_: list[str]) -> bool:
    """Whether ``short`` occurs in ``long_`` as consecutive words."""
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def same_occasion(one: Said, other: Said) -> bool:
    """Said-dates agree; else the reports are close in time; else they share a story.

    A saying dated after the other report came out cannot be what that report
    told: the words were said again.
    """
    if one.article_id == other.article_id and not (one.date and other.date):
        return True
    if one.date and other.date:
        return dates_agree(one.date, other.date, SAID_TOLERANCE_DAYS)
    if said_after_report(one, other) or said_after_report(other, one):
        return False
    first, second = one.date or one.pub_date, other.date or other.pub_date
    if first and second:
        return dates_agree(first, second, REPORT_WINDOW_DAYS)
    return one.story_id is not None and one.story_id == other.story_id


def said_after_report(saying: Said, report: Said) -> bool:
    """Whether a statement's said-date falls after another statement's article was published."""
    if not saying.date or not report.pub_date or len(saying.date) < 10:
        return False
    try:
        gap = date.fromisoformat(saying.date[:10]) - date.fromisoformat(report.pub_date[:10])
    except ValueError:
        return False
    return gap.days > SAID_TOLERANCE_DAYS


def dates_agree(one: str, other: str, tolerance_days: int) -> bool:
    """ISO dates within a tolerance; a month ("2019-11") or year agrees with any day inside it."""
    if len(one) < 10 or len(other) < 10:
        n = min(len(one), len(other), 10)
        return one[:n] == other[:n]
    try:
        gap = date.fromisoformat(one[:10]) - date.fromisoformat(other[:10])
    except ValueError:
        return False
    return abs(gap.days) <= tolerance_days


def wording_diff(base: str, variant: str) -> str:
    """A word-level diff of a variant against the base wording: ``[-gone-]`` and ``{+new+}``.

    The base words before and after the part a partial quote was cut from show as "…".
    """
    base_words, variant_words = base.split(), variant.split()
    opcodes = difflib.SequenceMatcher(None, base_words, variant_words, autojunk=False).get_opcodes()
    parts = []
    if opcodes and opcodes[0][0] == "delete":
        opcodes, parts = opcodes[1:], ["\u2026"]
    tail = opcodes and opcodes[-1][0] == "delete"
    for op, a0, a1, b0, b1 in opcodes[:-1] if tail else opcodes:
        if op == "equal":
            parts.append(" ".join(base_words[a0:a1]))
            continue
        if a1 > a0:
            parts.append("[-" + " ".join(base_words[a0:a1]) + "-]")
        if b1 > b0:
            parts.append("{+" + " ".join(variant_words[b0:b1]) + "+}")
    return " ".join(parts + (["\u2026"] if tail else []))
