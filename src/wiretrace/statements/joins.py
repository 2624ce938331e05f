"""Joins of quotes: which quotes of a paragraph make one statement, and which go apart.

PolNeAR joins "A," X said. "B." into one Content (with any adjuncts in the cue
clause), and splits where something else is said between A and B: a
participle of going on, a verb coordinated with the cue, a sentence of its own
led by a cue, a turn taken by someone else. ``merge_interrupted`` makes the
joins, ``hand_on_quotes`` then hands a joined quote on to what was said in
between.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wiretrace.doctext import text_of
from wiretrace.statements.attribution import Draft, cue_source
from wiretrace.statements.cues import COGNITION_VERBS, is_cue_verb, participle_after_comma, verb_lemma
from wiretrace.statements.extents import paragraph_bounds, tokens_between
from wiretrace.statements.quotes import with_marks

# Participles by which a speaker goes on to a quote after the one their cue closes ("said, adding that
# ..."); PolNeAR gives that next quote to them. "emphasizing" and the like it leaves with the first.
GOING_ON_VERBS = frozenset({"add", "explain", "continue", "go"})
# Such a participle with an object only, made a statement to take the quote after it (2 on dev and train).
GOING_ON_METHOD = "going-on+object"
# A verb coordinated after a cue, with a subject of its own and nothing said, takes the quote after it as a
# turn of its own ("and her husband cut in": 1 on train, too rare to measure its confidence).
TURN_METHOD = "quote+turn-taken"
# The dependents by which a verb says something of its own (an object, a clause, a complement).
SAYING_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "prep", "dative"})


def merge_interrupted(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Join "A," he said, "B." (one cue) and "A," he said. "B." (B with no cue) into one, as
    PolNeAR does; so too a cue-less quote after a clause with a quoted fragment in its
    paragraph ("X is “A,” he said. “B.”"). A quote in the next paragraph stays apart (the seeds'
    gold counts it as a statement of its own; PolNeAR joins some)."""
    merged: list[Draft] = []
    for draft in drafts:
        prev = merged[-1] if merged else None
        if prev is not None and _title_of_the_occasion(doc, draft, prev):
            continue
        if prev is not None and draft.cue is None and (cue := _second_cue(doc, prev, draft)) is not None:
            draft.cue, draft.source, draft.method = cue, cue_source(cue), "quote+cue"
        if draft.cue is None and len(merged) > 1 and _told_in_passing(merged[-1], merged[-2]):
            prev = merged[-2]
        if prev is not None and draft.kind == "direct" and _same_paragraph(doc, prev, draft) and (
            (draft.cue is not None and draft.cue == prev.cue and _quote_led(doc, prev))
            or (draft.cue is None and prev.cue is not None)
        ):
            prev.parts += draft.parts
            prev.quotes += draft.quotes
            continue
        merged.append(draft)
    return merged


def _title_of_the_occasion(doc: Doc, draft: Draft, said: Draft) -> bool:
    """Whether a draft is a quoted name after a preposition, all its content, under the cue of the direct quote
    before it (“A,” he said on “Meet the Press.” “B.”; ... on NBC's “Meet the Press.”): a show's title, which
    the parse took for words said; the quote after it is the direct quote's."""
    if draft.kind == "direct" or said.kind != "direct" or draft.cue is None or draft.cue != said.cue \
            or len(draft.quotes) != 1 or draft.parts != with_marks(text_of(doc), draft.quotes[0]):
        return False
    words = tokens_between(doc, draft.start, draft.end)
    k = _word_before(doc, words[0].i) if words else -1
    if k >= 0 and doc[k].dep_ == "case":  # on NBC's “Meet the Press.”
        k = _word_before(doc, doc[k].head.left_edge.i)
    return k > said.cue.i and doc[k].dep_ == "prep"


def _word_before(doc: Doc, i: int) -> int:
    """Index of the last token before ``i`` that is not a space; -1 when there is none."""
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k


def _told_in_passing(fragment: Draft, said: Draft) -> bool:
    """Whether a quoted fragment's cue hangs on a direct quote's cue in an adjunct (“A,” Carson told the AP
    after hinting that “B” could come. “C.”): PolNeAR gives a cue-less quote after it to the quote; not after a
    participle set off by a comma (“A,” Clinton responded, remarking that she is “B.” “C.”), which goes on."""
    cue = fragment.cue
    return fragment.kind != "direct" and said.kind == "direct" and cue is not None and said.cue is not None \
        and said.cue in cue.ancestors and cue.sent == said.cue.sent and not participle_after_comma(cue)


def hand_on_quotes(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A quote joined to an earlier one goes instead to what the speaker is said to go on to say between
    them (“A,” Christie said, adding that X. “B.”: B is the one added, as PolNeAR has it; not “A,” she
    said, emphasizing why X. “B.”, which PolNeAR keeps with A); so too a verb coordinated with the cue
    (``_goes_on_to``) and a sentence of its own with a cue (``_says_apart``). A participle of going on with an
    object and no statement of its own ("Sanders said, going on to contrast X with Y. “B.”") becomes one, and
    so does a turn taken ("..., and her husband cut in. “B.”")."""
    added: list[Draft] = []
    for draft in drafts:
        for k in range(1, len(draft.parts)):
            lo, hi = draft.parts[k - 1][1], draft.parts[k][0]
            if not _opens_quote(doc, draft, hi):
                continue
            between = [d for d in drafts if (_going_on(d, draft) or _goes_on_to(d, draft) or _says_apart(d, draft, lo))
                       and lo <= d.start and d.end <= hi]
            if not between and (going := _going_on_with_object(draft, lo, hi) or _turn_taken(draft, lo, hi)):
                added.append(going)
                between = [going]
            if between:
                _move_parts(draft, between[-1], k)
                break
    return sorted(drafts + added, key=lambda d: d.start)


def _going_on_with_object(said: Draft, lo: int, hi: int) -> Draft | None:
    """A draft for a participle of going on that hangs on a cue between ``lo`` and ``hi``, its content
    what follows its verbs ("adding | a plug for himself", "going on to contrast | X with Y")."""
    if said.cue is None:
        return None
    for verb in said.cue.children:
        if verb.tag_ == "VBG" and verb_lemma(verb) in GOING_ON_VERBS and lo <= verb.idx < hi:
            last = verb
            while (more := next((c for c in last.children if c.dep_ == "xcomp" and c.i > last.i), None)):
                last = more
            words = [t for t in last.subtree if t.i > last.i]
            while words and (words[-1].is_punct or words[-1].is_space):
                words.pop()
            if words and words[-1].idx + len(words[-1]) <= hi:
                return Draft([(words[0].idx, words[-1].idx + len(words[-1]))], "indirect", verb, said.source,
                             GOING_ON_METHOD)
    return None


def _going_on(draft: Draft, said: Draft) -> bool:
    """Whether a draft's cue is a participle of going on that hangs on another's cue ("..., adding that"), or
    the verb it goes on to ("..., going on to compare X with Y")."""
    cue = draft.cue
    if cue is None or said.cue is None:
        return False
    while cue.dep_ == "xcomp" and cue.head.i != said.cue.i:
        cue = cue.head
    return cue.head.i == said.cue.i and cue.tag_ == "VBG" and verb_lemma(cue) in GOING_ON_VERBS


def _turn_taken(said: Draft, lo: int, hi: int) -> Draft | None:
    """A draft with no parts yet for a verb with a subject of its own and nothing said, coordinated after a cue
    between ``lo`` and ``hi`` (“A,” Ebeling said, and her husband cut in. “B.”): B will be the husband's."""
    if said.cue is None:
        return None
    for verb in said.cue.children:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.dep_ == "conj" and lo <= verb.idx < hi and subject is not None and subject.i > said.cue.i \
                and not any(c.dep_ in SAYING_DEPS for c in verb.children):
            return Draft([], "direct", verb, subject, TURN_METHOD)
    return None


def _goes_on_to(draft: Draft, said: Draft) -> bool:
    """Whether a draft's cue is a verb coordinated after another's cue, whose subject comes before it (“A,”
    she told the crowd, then referred to X. “B.”); not after an inverted cue ("said Fowler, who ... and has
    backed ...", where the parse hung a verb of the subject's relative clause on the cue)."""
    cue, head = draft.cue, said.cue
    if cue is None or head is None or cue.dep_ != "conj" or cue.head.i != head.i or cue.i < head.i:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i for c in head.children)


def _says_apart(draft: Draft, said: Draft, after: int) -> bool:
    """Whether a draft is a sentence of its own after another's quote and cue, led by a verb of saying or stance
    stated outright (“A,” she said. Greene added that X. “B.”; Roloson supports Clinton. “B.”): PolNeAR gives
    the quote after it to that verb; not to one of believing or intending ("She plans to vote for X. “B.”")."""
    cue = draft.cue
    if cue is None or said.cue is None or cue.dep_ != "ROOT" or verb_lemma(cue) in COGNITION_VERBS:
        return False
    return cue.sent.start_char >= after and cue.sent != said.cue.sent and not any(c.dep_ == "neg" for c in cue.children)


def _opens_quote(doc: Doc, draft: Draft, start: int) -> bool:
    return any(with_marks(text_of(doc), q)[0][0] == start for q in draft.quotes)


def _move_parts(giver: Draft, taker: Draft, k: int) -> None:
    """``giver``'s parts from the k-th on, and their quotes, go to ``taker``."""
    moved, giver.parts = giver.parts[k:], giver.parts[:k]
    taker.parts = sorted([*taker.parts, *moved])
    taker.quotes += [q for q in giver.quotes if q.start >= moved[0][0]]
    giver.quotes = [q for q in giver.quotes if q.start < moved[0][0]]


def _second_cue(doc: Doc, prev: Draft, draft: Draft) -> Token | None:
    """The cue that follows a direct quote whose own cue came before it, in a sentence of its own before a
    cue-less quote (Feinstein said “A,” she said. “B.”): PolNeAR gives it the quote after, not the one before."""
    if prev.kind != "direct" or prev.cue is None or prev.cue.idx > prev.start or prev.end >= draft.start \
            or not _same_paragraph(doc, prev, draft):
        return None
    words = [t for t in tokens_between(doc, prev.end, draft.start) if not t.is_punct and not t.is_space]
    if not words:
        return None
    cue = words[0].head if words[0].dep_ == "nsubj" else words[0]
    return cue if is_cue_verb(cue) and cue.i != prev.cue.i else None


def _quote_led(doc: Doc, draft: Draft) -> bool:
    """A direct quote, or a fragment that opens with its quote (“A” of the plan, she said. “B.”)."""
    return draft.kind == "direct" or _opens_quote(doc, draft, draft.start)


def _same_paragraph(doc: Doc, a: Draft, b: Draft) -> bool:
    return paragraph_bounds(text_of(doc), a.end) == paragraph_bounds(text_of(doc), b.start)
