"""Attach cues and source mentions to quotes and reported clauses, over spaCy's parse.

Each finder returns ``Draft``s: the statement's parts, its kind, its cue and
the token its source mention rests on, and which rule answered (the
confidence says how it was found).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from wiretrace.doctext import text_of
from wiretrace.statements.cues import COGNITION_VERBS, CUE_NOUNS, CUE_VERBS, OBJECT_CUE_VERBS, SPEECH_VERBS
from wiretrace.statements.quotes import InParts, Quote, with_marks
from wiretrace.statements.speakers import subject_of

# How far (in tokens) a cue may stand from the quote it introduces or closes:
# "he told the SANAK summit:" is 5; longer gaps were other clauses in PolNeAR train.
MAX_CUE_GAP_BEFORE = 12
MAX_CUE_GAP_AFTER = 8
# Verbs whose infinitive complement is a statement of intent: "X wants to ...".
INTENT_VERBS = frozenset({"want", "plan", "intend", "hope", "promise", "vow", "pledge", "threaten", "urge"})
# Verbs whose object is the addressee, not what was said ("told reporters").
LISTENER_VERBS = frozenset({"tell", "ask", "say", "continue", "answer", "reply", "respond", "write"})
OBJECT_CONTENT_DEPS = ("dobj", "oprd")
# Prepositions whose object is the content after a cue: "called for", "agreed with", "pointed to".
CONTENT_PREPS = frozenset({"for", "with", "to", "about", "on", "against", "of"})
# A wire dateline opening a paragraph: "GENEVA, March 4, 2025 - ".
DATELINE = re.compile(
    r"[A-Z][A-Z.' ]+(?:, [A-Z][A-Za-z.]+)?(?:,? [A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?)?\s*[-\u2013\u2014]+\s"
)
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+$")
CUE_POS = ("VERB", "AUX")
DASHES = "\u2015\u2014\u2013-"  # ― — – -
SUBJECT_LIKE = ("nsubj", "nsubjpass", "csubj", "expl")
INVERTED_DEPS = ("conj", "parataxis", "ccomp", "advcl")


@dataclass
class Draft(InParts):
    """A statement before its speaker is resolved."""

    parts: list[tuple[int, int]]
    kind: str
    cue: Token | None
    source: Token | None
    method: str
    quotes: list[Quote] = field(default_factory=list)


def is_cue_verb(token: Token) -> bool:
    return token.pos_ in CUE_POS and token.lemma_.lower() in CUE_VERBS


def paragraph_bounds(text: str, i: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return start, len(text) if end < 0 else end


def clause_prefix(text: str, open_at: int) -> str:
    """The text of the sentence before an opening mark, within its paragraph."""
    para_start, _ = paragraph_bounds(text, open_at)
    before = text[para_start:open_at]
    ends = [m.end() for m in re.finditer(r"[.!?][\"'\u201d\u2019)]?\s+", before)]
    return before[ends[-1] :] if ends else before


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


# ---------------------------------------------------------------- quotes


def attach_quote(doc: Doc, quote: Quote, inside: set[int]) -> Draft | None:
    """A quote as a statement: direct when it stands as a clause, mixed when embedded."""
    text = text_of(doc)
    prefix = clause_prefix(text, quote.open_at).rstrip()
    if _continues_after(doc, quote):
        return _embedded(doc, quote, inside)
    if not prefix or prefix[-1] in ":," + DASHES:
        cue = _cue_before(doc, quote, prefix) or _cue_after(doc, quote)
        if cue is None and (named := _name_before_mark(doc, quote, prefix)) is not None:
            return Draft(with_marks(text, quote), "direct", named[1], named[0], "quote+name-colon", [quote])
        method = "quote+cue" if cue else "quote"
        return Draft(with_marks(text, quote), "direct", cue, _source(cue), method, [quote])
    before = _token_before(doc, quote.open_at)
    if before is not None and is_cue_verb(before):
        return Draft(with_marks(text, quote), "direct", before, _source(before), "quote+cue", [quote])
    return _embedded(doc, quote, inside)


def _name_before_mark(doc: Doc, quote: Quote, prefix: str) -> tuple[Token, Token] | None:
    """(source, cue) of "Name: “...”" or "Name ― “...”", a line giving a speaker then their words."""
    if not prefix or prefix[-1] not in ":" + DASHES:
        return None
    start = quote.open_at - len(clause_prefix(text_of(doc), quote.open_at))
    name = tokens_between(doc, start, start + len(prefix) - 1)
    mark = tokens_between(doc, start + len(prefix) - 1, start + len(prefix))
    if not name or not mark or len(name) > MAX_HEADLINE_NAME_TOKENS + 2:
        return None
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in name):
        return None
    words = [t for t in name if not t.is_punct]
    return (words[-1], mark[0]) if words else None


def _continues_after(doc: Doc, quote: Quote) -> bool:
    """Whether the sentence goes on after the closing mark with words of its own
    ("thought “lazy” NATO would ..."), which makes the quote a fragment."""
    if quote.close_at is None:
        return False
    _, para_end = paragraph_bounds(text_of(doc), quote.close_at)
    after = tokens_between(doc, quote.close_at + 1, para_end)
    if not after or after[0].is_punct:
        return False
    return not any(is_cue_verb(t) for t in after[:MAX_CUE_GAP_AFTER] if not t.is_sent_start)


def _token_before(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(0, offset, alignment_mode="contract")
    return span[-1] if span is not None and len(span) else None


def _cue_before(doc: Doc, quote: Quote, prefix: str) -> Token | None:
    if not prefix:
        return None
    candidates = tokens_between(doc, quote.open_at - len(prefix), quote.open_at)[-MAX_CUE_GAP_BEFORE:]
    for token in reversed(candidates):
        if is_cue_verb(token) or (token.lower_ == "on" and token.head.lemma_ == "go"):
            return token if is_cue_verb(token) else token.head
    return None


def _cue_after(doc: Doc, quote: Quote) -> Token | None:
    if quote.close_at is None:
        return None
    text = text_of(doc)
    _, para_end = paragraph_bounds(text, quote.close_at)
    rest = tokens_between(doc, quote.close_at + 1, para_end)[:MAX_CUE_GAP_AFTER]
    for token in rest:
        if token.text in ("\u201c", '"', "\u201e") or token.text in (".", "!", "?"):
            return None
        if is_cue_verb(token):
            return token
    return None


def _source(cue: Token | None) -> Token | None:
    return subject_of(cue) if cue is not None else None


def _quote_root(doc: Doc, quote: Quote) -> Token | None:
    """The token of the quote whose head lies outside it."""
    tokens = [t for s, e in quote.parts for t in tokens_between(doc, s, e)]
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return roots[0] if roots else None


def _embedded(doc: Doc, quote: Quote, inside: set[int]) -> Draft | None:
    """A quoted fragment in reported speech: the clause around it is the statement."""
    root = _quote_root(doc, quote)
    if root is None:
        return None
    path = [root, *root.ancestors]
    cue_at = _outermost_cue(path, inside)
    if cue_at is None:
        cue = _cue_after(doc, quote)
        if cue is None or cue.i in inside:
            return _under_verb(doc, quote, path, inside)
        start = doc[cue.sent.start].idx if cue.sent.start < root.i else quote.start
        return Draft([(start, quote.end)], "mixed", cue, _source(cue), "fragment+cue-after", [quote])
    cue, below = path[cue_at], path[cue_at - 1] if cue_at > 0 else root
    start, end = content_bounds(below)
    marked = with_marks(text_of(doc), quote)
    start, end = min(start, marked[0][0]), max(end, marked[-1][1])
    return Draft([(start, end)], "mixed", cue, _source(cue), "fragment+cue", [quote])


def _under_verb(doc: Doc, quote: Quote, path: list[Token], inside: set[int]) -> Draft | None:
    """A fragment in the object of a verb with a subject ("Reid has called Trump a “con artist”"):
    PolNeAR reads the verb as the cue and its complements as the content. A quote in a
    subject, or under no verb with a subject, is a scare quote or a title: nothing."""
    for k, verb in enumerate(path[1:], 1):
        if verb.pos_ not in CUE_POS or verb.i in inside:
            continue
        child = path[k - 1]
        subject = subject_of(verb)
        if child.i < verb.i or child.dep_ in SUBJECT_LIKE or subject is None or subject.i in inside:
            return None
        right = [c for c in verb.rights if not c.is_punct and c.dep_ not in ("cc", "conj")]
        first = right[0].left_edge if right else child.left_edge
        end = max(child.right_edge.idx + len(child.right_edge), quote.end)
        if quote.close_at is not None and quote.close_at >= end - 1:
            end = quote.close_at + 1
        start = min(first.idx, quote.open_at)
        while end > start + 1 and (text_of(doc)[end - 1] in ",;:" or text_of(doc)[end - 1].isspace()):
            end -= 1
        return Draft([(start, end)], "mixed", verb, subject, "fragment+verb", [quote])
    return None


def _outermost_cue(path: list[Token], inside: set[int]) -> int | None:
    """Index in ``path`` of the cue governing a fragment: the nearest verb of saying
    (the quoted words are the sayer's, even under "X thought"), else of believing."""
    speech = [k for k, t in enumerate(path) if k and t.i not in inside and is_cue_verb(t)
              and t.lemma_.lower() in SPEECH_VERBS]
    if speech:
        return speech[0]
    for k, t in enumerate(path):
        if k and t.i not in inside and (is_cue_verb(t) and t.lemma_.lower() in COGNITION_VERBS):
            return k
    return None


# ---------------------------------------------------------------- reported clauses


def _after_dateline(tokens: list[Token]) -> list[Token]:
    dateline = DATELINE.match(text_of(tokens[0].doc), tokens[0].idx) if tokens else None
    return [t for t in tokens if t.idx >= dateline.end()] if dateline else tokens


def content_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of a complement clause, with its "that" (as PolNeAR's Content
    takes it), without a dateline or edge punctuation."""
    tokens = _after_dateline(list(head.subtree))
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].is_punct and tokens[-1].text not in ("\u201d", '"', ")")):
        tokens = tokens[:-1]
    if not tokens:
        return head.idx, head.idx + len(head)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def reported_clauses(doc: Doc, inside: set[int]) -> list[Draft]:
    """Indirect statements: cue verbs with a complement clause, cue nouns, "according to"."""
    drafts = []
    for token in doc:
        if token.i in inside:
            continue
        draft = _from_cue_verb(token) or _from_cue_noun(token) or _from_according_to(token)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _from_cue_verb(token: Token) -> Draft | None:
    if not is_cue_verb(token):
        return None
    lemma = token.lemma_.lower()
    comps = [c for c in token.children if c.dep_ == "ccomp"
             or (c.dep_ == "xcomp" and lemma in INTENT_VERBS)]
    if comps:
        start, end = content_bounds(comps[0])
        for extra in comps[1:]:
            end = max(end, content_bounds(extra)[1])
        return Draft([(start, end)], "indirect", token, _source(token), "cue+clause")
    return _inverted(token)


def object_clauses(doc: Doc, inside: set[int]) -> list[Draft]:
    """The second pass: cues whose content is a noun phrase, where no clause was found."""
    return [d for t in doc if t.i not in inside and t.pos_ in CUE_POS
            and t.lemma_.lower() in OBJECT_CUE_VERBS and (d := _from_object(t))]


def _from_object(token: Token) -> Draft | None:
    """"Trump attacked Machado", "she called for a moratorium": a verb of stance or saying
    with a nominal object (or a prepositional one, "called for"), and a subject."""
    if token.lemma_.lower() in LISTENER_VERBS:
        return None
    parts = [c for c in token.rights if c.dep_ in OBJECT_CONTENT_DEPS
             or (c.dep_ == "xcomp" and token.lemma_.lower() in OBJECT_CUE_VERBS)]
    preps = [c for c in token.rights if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS]
    if not parts and preps:
        parts = [g for g in preps[0].children if g.dep_ in ("pobj", "pcomp")]
    source = _source(token)
    if not parts or source is None:
        return None
    tokens = [t for c in parts for t in c.subtree]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return Draft([(first.idx, last.idx + len(last))], "indirect", token, source, "cue+object")


def _inverted(token: Token) -> Draft | None:
    """"Ukraine will join NATO, the alliance's chief confirmed": the cue parsed as a
    conjunct or complement of the reported clause, its subject after a comma."""
    head = token.head
    if token.dep_ not in INVERTED_DEPS or head.i > token.i or head.pos_ not in CUE_POS:
        return None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.i > 0 and token.nbor(-1).pos_ in ("NOUN", "PROPN"):
        subject = token.nbor(-1)  # "..., a senior official said": the parse hung the noun elsewhere
    if subject is None or subject.i < head.i or not any(t.text == "," for t in head.doc[head.i : subject.i]):
        return None
    tokens = _after_dateline([t for t in head.subtree if t.i < subject.left_edge.i and t.dep_ != "cc"])
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    return Draft([(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))], "indirect", token,
                 subject, "inverted-cue")


def _from_cue_noun(token: Token) -> Draft | None:
    if token.pos_ != "NOUN" or token.lemma_.lower() not in CUE_NOUNS:
        return None
    comps = [c for c in token.children if c.dep_ in ("acl", "relcl", "ccomp")
             and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
    if not comps:
        return None
    start, end = content_bounds(comps[0])
    for conj in comps[0].conjuncts:
        end = max(end, content_bounds(conj)[1])
    owner = token.head if token.dep_ in ("dobj", "attr") else None
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in CUE_POS:
        owner = token.head.head  # "said in a statement that ...": the verb's subject is the source
    source = _source(owner) if owner is not None else None
    if source is None:
        source = next((c for c in token.children if c.dep_ == "poss"), None)
    return Draft([(start, end)], "indirect", owner if owner is not None and source is not None else token,
                 source, "cue-noun+clause")


def _from_according_to(token: Token) -> Draft | None:
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    if source.lemma_.lower() in CUE_NOUNS:  # "according to a statement from the port authority"
        source = next((g for c in source.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                       for g in c.children if g.dep_ == "pobj"), source)
    sent = token.sent
    phrase = {t.i for t in token.subtree}
    rest = [t for t in sent if t.i not in phrase]
    while rest and rest[0].is_punct:
        rest = rest[1:]
    while rest and rest[-1].is_punct:
        rest = rest[:-1]
    if not rest:
        return None
    parts = [(rest[0].idx, rest[-1].idx + len(rest[-1]))]
    return Draft(parts, "indirect", token, source, "according-to")


# A headline or transcript line "Name: what they said" (PolNeAR annotates the
# colon as the cue); the name part is at most this many tokens.
MAX_HEADLINE_NAME_TOKENS = 4
MAX_HEADLINE_TOKENS = 30


def headline_attributions(doc: Doc, inside: set[int]) -> list[Draft]:
    """Lines of the shape "Stoltenberg: Ukraine will join NATO"."""
    drafts = []
    text = text_of(doc)
    start = 0
    for line in text.split("\n"):
        draft = _headline(doc, start, line, inside)
        if draft is not None:
            drafts.append(draft)
        start += len(line) + 1
    return drafts


def _headline(doc: Doc, start: int, line: str, inside: set[int]) -> Draft | None:
    colon = line.find(":")
    if colon <= 0 or not line[colon + 1 :].strip():
        return None
    name = tokens_between(doc, start, start + colon)
    rest = tokens_between(doc, start + colon + 1, start + len(line.rstrip()))
    if not name or not rest or len(name) > MAX_HEADLINE_NAME_TOKENS or len(rest) > MAX_HEADLINE_TOKENS:
        return None
    if any(t.i in inside for t in name) or not all(t.pos_ == "PROPN" or t.is_punct for t in name):
        return None
    while rest and rest[-1].is_punct:
        rest = rest[:-1]
    if not rest:
        return None
    cue = doc.char_span(start + colon, start + colon + 1, alignment_mode="expand")
    return Draft([(rest[0].idx, rest[-1].idx + len(rest[-1]))], "indirect", cue[0] if cue else None,
                 name[-1], "headline")
