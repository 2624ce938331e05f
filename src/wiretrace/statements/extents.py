"""Where a statement's content starts and ends, as PolNeAR draws its Content spans.

A complement clause with its "that" and without the dateline, edge punctuation and linking
adverbs; a comma aside that holds a cue of its own left out; the cue's own words cut out of
the clause they interrupt ("which he said | had harmed"); another cue's clause cut out
("says Machado promised ... and said ..."); the closing marks of a quotation opened inside kept; an aside after a
quote's closing mark, and the words after a dash that hold a report of their own, left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from wiretrace.doctext import text_of
from wiretrace.statements.cues import (
    CUE_POS,
    OBJECT_CUE_VERBS,
    SPEECH_VERBS,
    is_cue_verb,
    participle_after_comma,
    verb_lemma,
)

if TYPE_CHECKING:
    from wiretrace.statements.attribution import Draft

# Adverbs that link a sentence to the one before, left out of the Content they open ("However, ...").
LINKING_ADVERBS = frozenset("""
however meanwhile moreover furthermore nonetheless nevertheless still yet also instead indeed
besides further additionally likewise similarly consequently thus hence therefore
""".split())
# Asides after a comma that PolNeAR leaves out of a Content: "..., who is 70", "..., a senator".
ASIDE_DEPS = frozenset({"relcl", "appos", "acl", "advcl"})
# A wire dateline opening a paragraph: "GENEVA, March 4, 2025 - ".
DATELINE = re.compile(
    r"[A-Z][A-Z.' ]+(?:, [A-Z][A-Za-z.]+)?(?:,? [A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?)?\s*[-\u2013\u2014]+\s"
)
# Punctuation then the marks that close a quotation: ",''", ".\u201d", "\u2019".
CLOSING_TAIL = re.compile(r"[.,!?]?(?:''|[\u201d\u2019\"'])")
# A straight single mark that opens a quotation (before a word, after a space) and one that closes
# it (after a word or punctuation, before none): "was an 'intentional act.'"
STRAIGHT_SINGLE_OPEN = re.compile(r"(?:^|(?<=\s))'(?=\w)")
STRAIGHT_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])'(?!\w)")
# Dashes that set off an aside ('a "hug" -- an image ...').
ASIDE_DASHES = frozenset({"--", "\u2014", "\u2013", "\u2015"})
# Words after which a participle tells what a speaker did next ("... before floating the idea that ...").
SEQUENCE_WORDS = frozenset({"before", "after"})
# How a clause after a dash goes on with the content before it ("no evidence that ... - only that she knew").
CONTINUING_DEPS = frozenset({"ccomp", "acl", "xcomp"})
# Marks that end a content span with the words they close (PolNeAR keeps them).
CLOSING_MARKS = ("\u201d", '"', ")", "''")
# Marks that open a quotation a content may start with (PolNeAR keeps them).
OPENING_MARKS = ("\u201c", '"', "``", "''")


def subtree(head: Token) -> list[Token]:
    """The head and its descendants in text order (spaCy yields a non-projective subtree out of order:
    "say who | she plans to vote for")."""
    return sorted(head.subtree, key=lambda t: t.i)


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def paragraph_bounds(text: str, i: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return start, len(text) if end < 0 else end


def after_dateline(tokens: list[Token]) -> list[Token]:
    dateline = DATELINE.match(text_of(tokens[0].doc), tokens[0].idx) if tokens else None
    return [t for t in tokens if t.idx >= dateline.end()] if dateline else tokens


def content_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of a complement clause, with its "that" (as PolNeAR's Content
    takes it), without a dateline or edge punctuation."""
    tokens = trimmed(after_dateline(subtree(head)))
    cut = without_aside(tokens)
    if any(map(_any_cue, tokens[len(cut) :])):
        tokens = cut  # the aside is a statement of its own: "..., which he said ..."
    if not tokens:
        return head.idx, head.idx + len(head)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _any_cue(token: Token) -> bool:
    """A verb of either pass's cues: of saying or believing, or of stance with an object."""
    return is_cue_verb(token) or token.pos_ in CUE_POS and verb_lemma(token) in OBJECT_CUE_VERBS


def closed(draft: Draft) -> Draft:
    """The draft with its last part run on over the marks that close a quotation opened inside it
    ("would ''learn nothing,''", "it’s ‘in their heads.’"): PolNeAR's Content keeps them."""
    text = text_of(draft.cue.doc) if draft.cue is not None else None
    if text is None:
        return draft
    start, end = draft.parts[-1]
    if _left_open(text[start:end]):
        tail = CLOSING_TAIL.match(text, end)
        if tail is not None:
            draft.parts[-1] = (start, tail.end())
    return draft


def _left_open(span: str) -> bool:
    """Whether a quotation opens in ``span`` and does not close there (an apostrophe inside a
    word is no closing mark)."""
    singles_closed = len(re.findall(r"\u2019(?!\w)", span))
    straight = span.replace("''", "")
    straight_open = len(STRAIGHT_SINGLE_OPEN.findall(straight)) > len(STRAIGHT_SINGLE_CLOSE.findall(straight))
    return (span.count("\u201c") > span.count("\u201d") or span.count("\u2018") > singles_closed
            or span.count("''") % 2 == 1 or span.count('"') % 2 == 1 or straight_open)


def without_other_cues(doc: Doc, start: int, end: int, comps: list[Token],
                        cue: Token | None = None, fragment: bool = False) -> list[tuple[int, int]]:
    """The parts of a content span left once a cue of its own statement is taken out: "says
    Machado promised to help and said she would stay" (a conjoined cue), "the bill levied by the
    EU, which contended that ..., is" (a relative one). PolNeAR's Contents never hold another's cue."""
    tokens = [t for t in tokens_between(doc, start, end) if not t.is_space]
    inner = {t.i for c in comps for t in c.subtree if _set_off(t) and _has_own_clause(t)
             or fragment and (_conjoined_stance(t) or _stance_participle(t)) for t in _with_lead(t)}
    if cue is not None:
        inner |= _own_words(cue, comps)
    if not inner:
        return [(start, end)]
    runs, run = [], []
    for t in tokens:
        if t.i in inner:
            runs.append(run)
            run = []
        else:
            run.append(t)
    runs.append(run)
    runs = [r for r in map(trimmed, runs) if r]
    if cue is not None and any(r[0].i > cue.i for r in runs):  # a clause after the cue, and words before it:
        runs = [r for r in runs if r[0].i > cue.i or _relative_word(r)]  # those are its content only as a relative
    return [(r[0].idx, r[-1].idx + len(r[-1])) for r in runs]


def passive_subject(verb: Token) -> list[tuple[int, int]]:
    """"Obama is expected | to veto it": the subject of a passive cue is a first part of its content."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    words = without_aside(trimmed(subtree(subject))) if subject is not None else []
    return [(words[0].idx, words[-1].idx + len(words[-1]))] if words else []


def with_passive_subject(draft: Draft) -> Draft:
    """A quoted fragment under a passive cue with its subject as a first part ("the island was known | as
    “the Poorhouse of the Caribbean”", "the park will be dubbed | the “Commons”")."""
    if draft.kind == "mixed" and draft.cue is not None and draft.cue.pos_ in CUE_POS:
        subject = passive_subject(draft.cue)
        if subject and subject[-1][1] <= draft.start:
            draft.parts = [*subject, *draft.parts]
    return draft


def with_relative_first(draft: Draft) -> Draft:
    """The draft with the relative word its cue takes as object before it as a first part ("what it calls |
    “psychographic” profiles", "whom he described | as “volatile”"): PolNeAR's Content opens with it."""
    cue = draft.cue
    word = next((c for c in cue.lefts if c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WP", "WDT")), None) \
        if cue is not None and cue.pos_ in CUE_POS else None
    if word is not None and draft.kind != "direct" and word.idx < draft.start:
        draft.parts = [(word.idx, word.idx + len(word)), *draft.parts]
    return draft


def _own_words(cue: Token, comps: list[Token]) -> set[int]:
    """The cue and its own dependents (subject, auxiliaries) where they stand inside the span of
    what it reports ("policies, which he said | had harmed the economy"): PolNeAR cuts them out."""
    content = {t.i for c in comps for t in c.subtree}
    before = [c for c in cue.children if c.i < comps[0].i and c.i not in content]
    return {cue.i} | {t.i for c in before for t in c.subtree if t.i not in content}


def _relative_word(tokens: list[Token]) -> bool:
    """"which" in "policies, which he said | had harmed the economy"."""
    return len(tokens) == 1 and (tokens[0].tag_ in ("WDT", "WP", "WP$", "WRB") or tokens[0].lower_ == "that")


def _set_off(verb: Token) -> bool:
    """A conjoined or relative verb, or a participle after a comma."""
    return verb.dep_ in ("conj", "relcl") or participle_after_comma(verb)


def _has_own_clause(verb: Token) -> bool:
    """A verb of saying with a complement of its own ("and said she would stay", "and urged them to stay", "and
    called him “a liar”"); a verb of thinking conjoined in a reported clause stays in it (PolNeAR train). A
    participle after a comma takes an object too ("..., describing the crew as skilled")."""
    if participle_after_comma(verb) and verb_lemma(verb) in OBJECT_CUE_VERBS | SPEECH_VERBS:
        return any(c.dep_ in ("ccomp", "xcomp", "oprd", "dobj") for c in verb.children)
    return is_cue_verb(verb) and verb_lemma(verb) in SPEECH_VERBS and any(
        c.dep_ in ("ccomp", "xcomp", "oprd") for c in verb.children)


def _conjoined_stance(verb: Token) -> bool:
    """A cue verb with a complement and no subject, joined by "and" to the copula of a reported clause ("said Mr.
    Trump was ''ignorant'' of Islam and criticized him for saying ..."): what the sayer did next, not what the
    subject of "was" is said to do (PolNeAR train). Verbs joined to other verbs share their subject too often
    ("heard Mateen talk of ... and mentioned ...")."""
    joined = verb.dep_ == "conj" and verb.head.lemma_ == "be" and verb.left_edge.i > 0 \
        and verb.doc[verb.left_edge.i - 1].lower_ == "and"
    return joined and _any_cue(verb) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ in ("ccomp", "xcomp", "oprd", "dobj") for c in verb.children)


def _stance_participle(verb: Token) -> bool:
    """A participle of stance with an object of its own, said of a noun in a quoted fragment's clause
    ("describing as “unhinged” a tweet | attacking a former Miss Universe"): the tweet's attack is a
    statement apart (PolNeAR), not part of what is said of the tweet. Not one in the clause's subject
    ("tweets accusing her of ... are “...”"), which PolNeAR keeps."""
    return participle_with_object(verb) and verb.head.dep_ in ("dobj", "pobj") and verb_lemma(verb) in OBJECT_CUE_VERBS


def participle_with_object(verb: Token) -> bool:
    """A participle that modifies a noun and has an object of its own ("a tweet attacking a former Miss Universe")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and any(c.dep_ == "dobj" for c in verb.children)


def _closes_quotation(token: Token) -> bool:
    return token.text in CLOSING_MARKS or token.text in ("\u2019", "'")


def _with_lead(verb: Token) -> list[Token]:
    """A conjoined or relative cue's clause with the conjunction or comma that opens it (a closing mark
    before it stays with the quotation it closes)."""
    tokens = list(verb.subtree)
    k = tokens[0].i
    doc = verb.doc
    while k > 0 and (doc[k - 1].dep_ == "cc" or doc[k - 1].is_punct and not _closes_quotation(doc[k - 1])):
        k -= 1
    return list(verb.doc[k : tokens[0].i]) + tokens


def quote_end(doc: Doc, mark_end: int, end: int) -> int:
    """Where a content that runs on past a quotation's closing mark ends: at that mark, where the words after it
    are set off by a comma or dash and hang on the quotation as an aside ("the “Charleston loophole,” a flaw in the
    system that ..."), or tell what the speaker did next ("“...” before floating the idea"); PolNeAR ends the Content
    with the quote."""
    tail = [t for t in tokens_between(doc, mark_end, end) if not t.is_space and t.idx >= mark_end]
    lead = 0
    while lead < len(tail) and tail[lead].is_punct:
        lead += 1
    words = tail[lead:]
    set_off = "," in text_of(doc)[mark_end - 3 : mark_end] or any(
        t.text == "," or t.text in ASIDE_DASHES for t in tail[:lead])
    if not words:
        return end
    ids = {t.i for t in words}
    tops = [t for t in words if t.head.i not in ids]
    if len(tops) == 1 and tops[0].left_edge.i == words[0].i and _later_act(tops[0]):
        return mark_end
    if not set_off:
        return end
    return mark_end if all(t.head.idx < mark_end and _quote_aside(t) for t in tops) else end


def _later_act(top: Token) -> bool:
    """"... that CNN “doesn’t treat me properly” before floating the idea that ...", "... against Republican efforts”
    before sketching out her own": a participle after "before" or "after" tells what the speaker did next, not what
    was said. Not a noun after them ("“accelerated” after the Iowa caucuses"): PolNeAR keeps that."""
    if top.lower_ in SEQUENCE_WORDS:
        return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in top.children)
    return top.tag_ == "VBG" and any(c.dep_ == "mark" and c.lower_ in SEQUENCE_WORDS for c in top.children)


def before_dashed_report(doc: Doc, start: int, end: int) -> int:
    """Where a content ends before a dash that sets off words holding a report of their own ("called on Obama to
    retaliate for interference in the election -- meddling the congressman said is designed to ...", "for
    “grabbing” at the candidate - although the photo Trump posted didn't show a grab"): PolNeAR's Content stops at
    the dash, and the report after it is a statement apart. Not a pair of dashes around an aside ("people --
    unnamed -- are"), nor a clause the content goes on with ("no evidence that ... - only that she knew ...")."""
    tokens = [t for t in tokens_between(doc, start, end) if not t.is_space]
    dashes = [k for k, t in enumerate(tokens) if 0 < k < len(tokens) - 1 and _is_dash(t)]
    if len(dashes) != 1 or not any(map(_reports, tokens[dashes[0] + 1 :])):
        return end
    tail = {t.i for t in tokens[dashes[0] + 1 :]}
    if any(t.head.i not in tail and t.dep_ in CONTINUING_DEPS for t in tokens[dashes[0] + 1 :]):
        return end
    words = trimmed(tokens[: dashes[0]])
    return words[-1].idx + len(words[-1]) if words else end


def _is_dash(token: Token) -> bool:
    return token.text in ASIDE_DASHES or token.text == "-" and bool(token.whitespace_)


def _reports(token: Token) -> bool:
    """A cue verb with a subject of its own, or joined to another verb ("- said at a rally that ..."); a clause
    with a subject of its own joined by "and" ("— and he singled out ...")."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    joined = token.dep_ == "conj" and token.pos_ in CUE_POS
    return _any_cue(token) and (subject or joined) or joined and subject and token.left_edge.i > 0 \
        and token.doc[token.left_edge.i - 1].lower_ == "and"


def _quote_aside(top: Token) -> bool:
    """An apposition ("the “Charleston loophole,” a flaw in ..."), or a relative clause with a cue of its own ("as
    “Spanish,” which is what some call ..."): PolNeAR train keeps the other relative clauses."""
    return top.dep_ == "appos" or top.dep_ == "relcl" and any(map(_any_cue, top.subtree))


def without_aside(tokens: list[Token]) -> list[Token]:
    """``tokens`` cut before a comma that opens a relative clause or an apposition at their end
    ("the health of Donald Trump, who is 70"): PolNeAR leaves such asides out of the Content."""
    for k, token in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if token.text == "," and any(t.dep_ in ASIDE_DEPS and t.left_edge.i == nxt.i
                                     and t.right_edge.i >= tokens[-1].i - 1 for t in tokens[k + 1 :]):
            return trimmed(tokens[:k])
    return tokens


def trimmed(tokens: list[Token], keep_leading_cc: bool = False) -> list[Token]:
    """``tokens`` without punctuation, spaces and conjunctions at either edge."""
    def edge(t: Token, lead: bool) -> bool:
        if lead and t.lower_ in LINKING_ADVERBS and t.dep_ == "advmod":
            return True
        return t.is_punct or t.is_space or (t.dep_ == "cc" and not (lead and keep_leading_cc))
    while tokens and edge(tokens[0], True) and not _opens_quotation(tokens):
        tokens = tokens[1:]
    while tokens and edge(tokens[-1], False) and tokens[-1].text not in CLOSING_MARKS:
        tokens = tokens[:-1]
    return tokens


def _opens_quotation(tokens: list[Token]) -> bool:
    """Whether ``tokens`` start with a quotation mark that a later one of them closes ("“I ask you ...,”
    Sanders said"): the content keeps it."""
    return tokens[0].text in OPENING_MARKS and any(t.text in CLOSING_MARKS for t in tokens[1:])
