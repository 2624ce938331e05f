"""Who speaks a quote that has no cue verb next to it.

Layered, the precise ways first, each recorded as the statement's method: a
transcript turn's label ("PENCE: ..."); a name after the dash that ends a
vox-pop line ("”...” ― Ana Ruiz"); a verb of saying later in the quote's
sentence ("“...,” Ana Ruiz, a nurse at the clinic, said of the plan"); any
main verb whose subject follows a quote that ends in a comma ("“...,” an angry
Ana Ruiz retorted"); the verb that ends the paragraph before with a colon
("The Times reports:"); a name just before the dash that opens the quote
("the former candidate Ana Ruiz -- “...”"); the clause that leads into the
quote in its sentence ("As Ana Ruiz put it, “...”"). A quote none of these
answers takes the speaker of the statement before it (``statements.__init__``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from wiretrace.doctext import text_of
from wiretrace.statements.attribution import DASHES, Draft
from wiretrace.statements.cues import is_cue_verb
from wiretrace.statements.extents import paragraph_bounds, tokens_between
from wiretrace.statements.quotes import Quote, with_marks
from wiretrace.statements.speakers import SUBJECT_DEPS, according_to_object, noun_phrase_after, subject_of

# A name after a dash ends the line: at most this many tokens ("Julie A. Diaz Martinez").
MAX_NAME_TOKENS = 6
NAME_AFTER_DASH = re.compile(rf"[ \t\u00a0]*[{DASHES}]+[ \t\u00a0]*(?=\w)")
# The last character inside the marks of a quote that is a whole sentence, not a title.
SENTENCE_CLOSERS = ",.?!"
# Between a quote and the subject of its cue verb: nothing but a comma or space.
AFTER_CLOSE_GAP = re.compile(r"[ \t\u00a0,']*")


def attribute_uncued(doc: Doc, draft: Draft, inside: set[int]) -> None:
    """Give a cue-less direct quote the cue and source that the ways above find, if any."""
    quote = draft.quotes[0] if draft.quotes else None
    if quote is None or draft.cue is not None:
        return
    for finder, method in _FOR_CUELESS:
        found = finder(doc, quote, inside)
        if found is not None:
            draft.source, draft.cue = found
            draft.method = method
            return


def attribute_unattached(doc: Doc, quote: Quote, inside: set[int]) -> Draft | None:
    """A whole quoted sentence the attacher left (its speaker too far after it, past the
    words it reads as the sentence going on): a statement where a label, a name after a
    dash or a subject right after it with a verb of saying names the speaker."""
    text = text_of(doc)
    if quote.close_at is None or not _ends_with(text, quote, SENTENCE_CLOSERS):
        return None
    for finder, method in _FOR_UNATTACHED:
        found = finder(doc, quote, inside)
        if found is not None:
            return Draft(with_marks(text, quote), "direct", found[1], found[0], method, [quote])
    return None


def _ends_with(text: str, quote: Quote, marks: str) -> bool:
    """Whether the words inside a quote end with one of ``marks`` (a nested quote's mark aside)."""
    inner = text[: quote.close_at].rstrip("'\u2019 ")
    return bool(inner) and inner[-1] in marks


def _turn_label(doc: Doc, quote: Quote, inside: set[int]) -> tuple[Token, Token] | None:
    """"PENCE: Well, look, ...": the label names the speaker, its colon is the cue."""
    if quote.label is None:
        return None
    name = [t for t in tokens_between(doc, *quote.label) if not t.is_punct]
    colon = tokens_between(doc, quote.label[1], quote.label[1] + 1)
    return (name[-1], colon[0]) if name and colon else None


def _name_after_dash(doc: Doc, quote: Quote, inside: set[int]) -> tuple[Token, Token] | None:
    """“...” ― Ana Ruiz (the rest of the line is a name, capitalized, short)."""
    if quote.close_at is None:
        return None
    text = text_of(doc)
    dash = NAME_AFTER_DASH.match(text, quote.close_at + 1)
    if dash is None:
        return None
    _, line_end = paragraph_bounds(text, dash.end())
    name = [t for t in tokens_between(doc, dash.end(), line_end) if not (t.is_punct or t.is_space)]
    if not name or len(name) > MAX_NAME_TOKENS or not all(t.text[0].isupper() for t in name):
        return None
    mark = tokens_between(doc, dash.end() - len(dash.group().lstrip()), dash.end())
    return (name[-1], mark[0]) if mark else None


def _first_after(doc: Doc, quote: Quote, inside: set[int]) -> Token | None:
    """The first word after a quote's closing mark, where the quote's sentence goes on."""
    if quote.close_at is None:
        return None
    first_at = AFTER_CLOSE_GAP.match(text_of(doc), quote.close_at + 1).end()
    after = tokens_between(doc, first_at, first_at + 1)
    if not after or after[0].i in inside or after[0].is_punct or after[0].is_space:
        return None
    same_sentence = after[0].sent.start_char <= quote.close_at or _ends_with(text_of(doc), quote, ",")
    return after[0] if same_sentence else None  # a comma inside the marks carries the sentence on


def _subject_after(doc: Doc, quote: Quote, inside: set[int]) -> tuple[Token, Token] | None:
    """Only where the subject of the verb of saying starts right after the quote."""
    found = _cue_later_in_sentence(doc, quote, inside)
    first = _first_after(doc, quote, inside)
    return found if found is not None and first is not None and found[0].left_edge.i == first.i else None


def _cue_later_in_sentence(doc: Doc, quote: Quote, inside: set[int]) -> tuple[Token, Token] | None:
    """“...,” Ana Ruiz, a nurse at the clinic, said of the plan: the subject right after the
    quote (or the sentence's main verb of saying), past the few tokens the attacher looks at."""
    first = _first_after(doc, quote, inside)
    if first is None:
        return None
    for token in doc[first.i : first.sent.end]:
        if token.i in inside or token.text in ('"', "\u201c", "\u201e"):
            return None
        if is_cue_verb(token):
            subject = subject_of(token)
            if subject is None or subject.i in inside or subject.i < first.i or _cue_of_an_aside(token, subject):
                return None
            return (subject, token) if subject.left_edge.i == first.i or token.dep_ == "ROOT" else None
    return None


def _cue_of_an_aside(cue: Token, subject: Token) -> bool:
    """“...,” Blige sings to Clinton before asking her, “...”: a cue in an adjunct of the subject's own verb,
    which is no cue, tells of the next quote; the quote before has that verb (``_verb_after_comma``)."""
    verb = subject.head
    return cue.dep_ in ("pcomp", "advcl") and verb.i < cue.i and verb.pos_ == "VERB" and not is_cue_verb(verb)


def _verb_after_comma(doc: Doc, quote: Quote, inside: set[int]) -> tuple[Token, Token] | None:
    """“...,” an angry Ana Ruiz retorted / a sign on the door reads: a quote ending in a comma
    (or ? !) and then subject and main verb, whatever the verb (the shape is the cue)."""
    first = _first_after(doc, quote, inside)
    if first is None or not _ends_with(text_of(doc), quote, ",?!"):
        return None
    if first.pos_ == "VERB" and first.tag_ in ("VBD", "VBZ"):  # “...,” opined the Plain Dealer
        subject = next((c for c in first.rights if c.dep_ in SUBJECT_DEPS), None) or noun_phrase_after(first)
        return (subject, first) if subject is not None else None
    verb = first.sent.root
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i >= first.i), None)
    if verb.pos_ not in ("VERB", "AUX") or subject is None or subject.left_edge.i != first.i:
        return None
    return subject, verb


def _colon_paragraph_before(doc: Doc, quote: Quote, inside: set[int]) -> tuple[Token, Token] | None:
    """A quote opening its paragraph after one that ends "... reports:" or "He said:" (else
    "Ana Ruiz released this statement:", the named subject of its last verb)."""
    text = text_of(doc)
    para_start, _ = paragraph_bounds(text, quote.open_at)
    if text[para_start : quote.open_at].strip():
        return None
    before = text[:para_start].rstrip()
    if not before.endswith(":"):
        return None
    prev_start, _ = paragraph_bounds(text, len(before) - 1)
    tokens = [t for t in tokens_between(doc, prev_start, len(before)) if t.i not in inside]
    for token in reversed(tokens):
        if is_cue_verb(token):
            subject = subject_of(token)
            return (subject, token) if subject is not None and subject.i not in inside else None
    return _last_named_subject(tokens)  # "Ana Ruiz released the following statement:"


def _name_before_mark(doc: Doc, quote: Quote, inside: set[int]) -> tuple[Token, Token] | None:
    """"... including the former candidate Ana Ruiz -- “...”": a person named right before the
    dash that opens the quote (the dash stands in for the cue; before a colon, the subject of
    the clause is the speaker: ``_clause_before``)."""
    text = text_of(doc)
    before = text[: quote.open_at].rstrip()
    if not before or before[-1] not in DASHES:
        return None
    name_end = len(before.rstrip(DASHES).rstrip())
    cue = tokens_between(doc, len(before.rstrip(DASHES)), len(before))
    words = tokens_between(doc, max(0, name_end - 1), name_end)
    if not cue or not words:
        return None
    head = words[-1]
    if head.i in inside or head.ent_type_ != "PERSON" or head.dep_ not in (*SUBJECT_DEPS, "pobj", "appos", "ROOT"):
        return None
    return head, cue[0]


def _clause_before(doc: Doc, quote: Quote, inside: set[int]) -> tuple[Token, Token] | None:
    """The clause that leads into the quote in its sentence: "She added that ..., because, “...”"
    (a verb of saying, however far), "According to Ana Ruiz, “...”", "as The Times put it, “...”"
    (the named or pronoun subject of the last verb before the mark)."""
    first = tokens_between(doc, quote.open_at, quote.open_at + 1)
    if not first:
        return None
    lead = [t for t in doc[first[0].sent.start : first[0].i] if t.i not in inside]
    for token in reversed(lead):
        if is_cue_verb(token):
            subject = subject_of(token)
            return (subject, token) if subject is not None and subject.i not in inside else None
        if (named := according_to_object(token)) is not None:
            return named, token
    return _last_named_subject(lead)


def _last_named_subject(tokens: list[Token]) -> tuple[Token, Token] | None:
    """(subject, verb) of the last verb among ``tokens`` whose subject names someone."""
    for verb in reversed(tokens):
        subject = _named_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            return subject, verb
    return None


def _named_subject(verb: Token) -> Token | None:
    """The verb's own subject where it names someone: a name or a personal pronoun."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG") or subject.lower_ in ("he", "she", "they"):
        return subject
    return None



Finder = Callable[[Doc, Quote, set[int]], "tuple[Token, Token] | None"]
# The ways, in the order they are tried, with the method each records.
_FOR_CUELESS: tuple[tuple[Finder, str], ...] = (
    (_turn_label, "quote+turn-label"), (_name_after_dash, "quote+name-after"),
    (_cue_later_in_sentence, "quote+cue-far"), (_verb_after_comma, "quote+verb-after"),
    (_colon_paragraph_before, "quote+cue-colon"), (_name_before_mark, "quote+name-before"),
    (_clause_before, "quote+clause-before"),
)
# A quote the attacher left is taken only on the surest evidence.
_FOR_UNATTACHED: tuple[tuple[Finder, str], ...] = (
    (_turn_label, "quote+turn-label"), (_name_after_dash, "quote+name-after"),
    (_subject_after, "quote+cue-far"), (_verb_after_comma, "quote+verb-after"),
)
