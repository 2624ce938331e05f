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
from wiretrace.statements.cues import (
    COGNITION_VERBS,
    CUE_NOUNS,
    CUE_VERBS,
    EVIDENCE_VERBS,
    INFORMATION_NOUNS,
    OBJECT_CUE_VERBS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    VERB_OF_FORM,
)
from wiretrace.statements.quotes import InParts, Quote, with_marks
from wiretrace.statements.speakers import according_to_object, subject_of

# How far (in tokens) a cue may stand from the quote it introduces or closes:
# "he told the SANAK summit:" is 5; longer gaps were other clauses in PolNeAR train.
MAX_CUE_GAP_BEFORE = 12
MAX_CUE_GAP_AFTER = 8
# A name standing for its speaker before a colon ("Stoltenberg: ...") is at most this many tokens.
MAX_COLON_NAME_TOKENS = 4
# Verbs whose infinitive complement is a statement of intent: "X wants to ...".
INTENT_VERBS = frozenset({"want", "plan", "intend", "hope", "promise", "vow", "pledge", "threaten", "urge"})
# Verbs whose object is the addressee, not what was said ("told reporters").
LISTENER_VERBS = frozenset({"tell", "ask", "continue", "answer", "reply", "respond", "write"})
# Prepositions whose object is the content after a cue: "called for", "agreed with", "pointed to".
CONTENT_PREPS = frozenset({"for", "with", "to", "about", "on", "against", "of"})
# Prepositions whose object is what an adjective of stance is about: "critical of", "worried about".
STANCE_PREPS = frozenset({"of", "about", "over", "with"})
# Adverbs that link a sentence to the one before, left out of the Content they open ("However, ...").
LINKING_ADVERBS = frozenset("""
however meanwhile moreover furthermore nonetheless nevertheless still yet also instead indeed
besides further additionally likewise similarly consequently thus hence therefore
""".split())
# Complements of a cue verb said of its object, which PolNeAR's Content takes with the object.
OBJECT_COMPLEMENT_DEPS = frozenset({"oprd", "prep", "xcomp"})
# Asides after a comma that PolNeAR leaves out of a Content: "..., who is 70", "..., a senator".
ASIDE_DEPS = frozenset({"relcl", "appos", "acl", "advcl"})
# A wire dateline opening a paragraph: "GENEVA, March 4, 2025 - ".
DATELINE = re.compile(
    r"[A-Z][A-Z.' ]+(?:, [A-Z][A-Za-z.]+)?(?:,? [A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?)?\s*[-\u2013\u2014]+\s"
)
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+$")
# Punctuation then the marks that close a quotation: ",''", ".\u201d", "\u2019".
CLOSING_TAIL = re.compile(r"[.,!?]?(?:''|[\u201d\u2019\"'])")
# A straight single mark that opens a quotation (before a word, after a space) and one that closes
# it (after a word or punctuation, before none): "was an 'intentional act.'"
STRAIGHT_SINGLE_OPEN = re.compile(r"(?:^|(?<=\s))'(?=\w)")
STRAIGHT_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])'(?!\w)")
# Marks that end a content span with the words they close (PolNeAR keeps them).
CLOSING_MARKS = ("\u201d", '"', ")", "''")
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


def verb_lemma(token: Token) -> str:
    """The token's lemma, or the cue verb its form belongs to where the lemmatizer went astray."""
    lemma = token.lemma_.lower()
    if lemma in CUE_VERBS or lemma in OBJECT_CUE_VERBS or not token.tag_.startswith("VB"):
        return lemma
    return VERB_OF_FORM.get(token.lower_, lemma)


def is_cue_verb(token: Token) -> bool:
    return token.pos_ in CUE_POS and verb_lemma(token) in CUE_VERBS


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
        if cue is None and prefix and (embedded := _embedded(doc, quote, inside)) is not None:
            return embedded  # "used one of her quotes as its headline: “...”": the clause before holds its verb
        method = "quote+cue" if cue else "quote"
        return Draft(with_marks(text, quote), "direct", cue, cue_source(cue), method, [quote])
    before = _token_before(doc, quote.open_at)
    if before is not None and is_cue_verb(before):
        return Draft(with_marks(text, quote), "direct", before, cue_source(before), "quote+cue", [quote])
    return _embedded(doc, quote, inside)


def one_per_content(drafts: list[Draft]) -> list[Draft]:
    """Drafts of one clause made one: a clause holding several quoted fragments ("called him a
    “liar” and a “bully”") is found once per fragment, with the same parts or, each drawn out to
    its own fragment's marks, overlapping ones."""
    merged: list[Draft] = []
    for draft in drafts:
        same = next((d for d in merged if _same_clause(d, draft)), None)
        if same is None:
            merged.append(draft)
            continue
        if same.parts != draft.parts and len(same.parts) == len(draft.parts) == 1:
            same.parts = [(min(same.start, draft.start), max(same.end, draft.end))]
        same.quotes += draft.quotes
    return merged


def _same_clause(a: Draft, b: Draft) -> bool:
    if a.cue is None or b.cue is None or a.cue.i != b.cue.i:
        return False
    return a.parts == b.parts or (a.kind == b.kind == "mixed" and a.start < b.end and b.start < a.end)


def _name_before_mark(doc: Doc, quote: Quote, prefix: str) -> tuple[Token, Token] | None:
    """(source, cue) of "Name: “...”" or "Name ― “...”", a line giving a speaker then their words."""
    if not prefix or prefix[-1] not in ":" + DASHES:
        return None
    start = quote.open_at - len(clause_prefix(text_of(doc), quote.open_at))
    name = tokens_between(doc, start, start + len(prefix) - 1)
    mark = tokens_between(doc, start + len(prefix) - 1, start + len(prefix))
    if not name or not mark or len(name) > MAX_COLON_NAME_TOKENS + 2:
        return None
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in name):
        return None
    words = [t for t in name if not t.is_punct]
    return (words[-1], mark[0]) if words else None


def _continues_after(doc: Doc, quote: Quote) -> bool:
    """Whether the sentence goes on after the closing mark with words of its own
    ("thought “lazy” NATO would ..."), which makes the quote a fragment."""
    if quote.close_at is None or _ends_sentence(text_of(doc), quote):
        return False
    _, para_end = paragraph_bounds(text_of(doc), quote.close_at)
    after = tokens_between(doc, quote.close_at + 1, para_end)
    if not after or after[0].is_punct:
        return False
    return not any(is_cue_verb(t) for t in after[:MAX_CUE_GAP_AFTER] if not t.is_sent_start)


def _ends_sentence(text: str, quote: Quote) -> bool:
    """Whether the quoted words end their sentence (“Big time.” For instance, ...): what follows
    the closing mark is a sentence of its own, not the rest of the quote's."""
    return quote.end > quote.start and text[quote.end - 1] in ".!?"


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


def cue_source(cue: Token | None) -> Token | None:
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
        # "Hollande denounced X as “...,” telling reporters": the verb it hangs on, before a cue after it
        under = _under_verb(doc, quote, path, inside)
        cue = _cue_after(doc, quote)
        if under is not None or cue is None or cue.i in inside or cue.dep_ in ("relcl", "acl"):
            return under  # "... a show who said ...": a relative is not the fragment's cue
        marked = with_marks(text_of(doc), quote)
        start = doc[cue.sent.start].idx if cue.sent.start < root.i else marked[0][0]
        return Draft([(start, marked[-1][1])], "mixed", cue, cue_source(cue), "fragment+cue-after", [quote])
    cue, below = path[cue_at], path[cue_at - 1] if cue_at > 0 else root
    if _beside_content(cue, below):
        return None
    start, end = content_bounds(below)
    # "called Trump a “con artist”", "described him as “...”", "accused her of ...", "asked them to “...”":
    # the object the quoted complement is said of belongs to the content
    objects = [c for c in cue.rights if c.dep_ == "dobj" and c.i < below.i and below.dep_ in OBJECT_COMPLEMENT_DEPS]
    start = min([start, *(c.left_edge.idx for c in objects)])
    marked = with_marks(text_of(doc), quote)
    start, end = min(start, marked[0][0]), max(end, marked[-1][1])
    parts = _without_other_cues(doc, start, end, [below])
    if not any(s <= marked[0][0] and marked[-1][1] <= e for s, e in parts):
        parts = [(start, end)]
    return closed(Draft(parts, "mixed", cue, cue_source(cue), "fragment+cue", [quote]))


def _beside_content(cue: Token, below: Token) -> bool:
    """Whether a quoted fragment sits in a part of the cue's clause that is not what was said:
    its subject ("as “The Wall Street Journal” wrote"), an adjunct ("said on “Fox News Sunday”"),
    or the listener ("told “Morning Joe”"); such quotes are titles."""
    if below.dep_ in SUBJECT_LIKE or below.dep_ in ("npadvmod", "agent"):
        return True
    if below.dep_ == "prep" and (below.lower_ not in CONTENT_PREPS | {"as"}
                                 or any(c.dep_ in ("ccomp", "xcomp") and c.i != below.i for c in cue.children)):
        return True
    return below.dep_ in ("dobj", "dative") and verb_lemma(cue) in LISTENER_VERBS


def _under_verb(doc: Doc, quote: Quote, path: list[Token], inside: set[int]) -> Draft | None:
    """A fragment in the object of a verb with a subject ("Reid has called Trump a “con artist”"):
    PolNeAR reads the verb as the cue and its complements as the content. A quote in a
    subject, or under no verb with a subject, is a scare quote or a title: nothing; so is one
    that names a noun's kind (his “Keepin' It Real” radio program)."""
    if path[0].dep_ in ("compound", "amod", "nmod"):
        return None
    for k, verb in enumerate(path[1:], 1):
        if verb.pos_ not in CUE_POS or verb.i in inside:
            continue
        child = path[k - 1]
        subject = subject_of(verb)
        if child.i < verb.i or child.dep_ in SUBJECT_LIKE or subject is None or subject.i in inside:
            return None
        right = [c for c in verb.rights if not c.is_punct and c.dep_ not in ("cc", "conj", "prt")]
        first = _object_start(right[0]) if right else child.left_edge
        marked = with_marks(text_of(doc), quote)
        end = max(child.right_edge.idx + len(child.right_edge), marked[-1][1])
        start = min(first.idx, marked[0][0])
        while end > start + 1 and (text_of(doc)[end - 1] in ",;:" or text_of(doc)[end - 1].isspace()):
            end -= 1
        return closed(Draft([(start, end)], "mixed", verb, subject, "fragment+verb", [quote]))
    return None


def _object_start(first: Token) -> Token:
    """Where a verb's complement starts as PolNeAR draws it: at the object of a preposition that
    opens it ("referred to | him as ...", "focuses on | the ..."), else at its first word."""
    objects = [c for c in first.children if c.dep_ in ("pobj", "pcomp")] if first.dep_ == "prep" else []
    return objects[0].left_edge if objects else first.left_edge


def _outermost_cue(path: list[Token], inside: set[int]) -> int | None:
    """Index in ``path`` of the cue governing a fragment: the nearest verb of saying
    (the quoted words are the sayer's, even under "X thought"), else of believing."""
    speech = [k for k, t in enumerate(path) if k and t.i not in inside and is_cue_verb(t)
              and verb_lemma(t) in SPEECH_VERBS]
    if speech:
        return speech[0]
    for k, t in enumerate(path):
        if k and t.i not in inside and (is_cue_verb(t) and verb_lemma(t) in COGNITION_VERBS):
            return k
    return None


# ---------------------------------------------------------------- reported clauses


def _after_dateline(tokens: list[Token]) -> list[Token]:
    dateline = DATELINE.match(text_of(tokens[0].doc), tokens[0].idx) if tokens else None
    return [t for t in tokens if t.idx >= dateline.end()] if dateline else tokens


def content_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of a complement clause, with its "that" (as PolNeAR's Content
    takes it), without a dateline or edge punctuation."""
    tokens = trimmed(_after_dateline(list(head.subtree)))
    cut = without_aside(tokens)
    if any(is_cue_verb(t) or t.pos_ in CUE_POS and verb_lemma(t) in OBJECT_CUE_VERBS for t in tokens[len(cut) :]):
        tokens = cut  # the aside is a statement of its own: "..., which he said ..."
    if not tokens:
        return head.idx, head.idx + len(head)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def reported_clauses(doc: Doc, inside: set[int]) -> list[Draft]:
    """Indirect statements: cue verbs with a complement clause, cue nouns, "according to"."""
    drafts = []
    for token in doc:
        if token.i in inside:
            continue
        draft = (_from_cue_verb(token) or _from_cue_noun(token) or _from_according_to(token)
                 or _from_stance_adjective(token))
        if draft is not None:
            drafts.append(closed(draft))
    return drafts


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


def _from_cue_verb(token: Token) -> Draft | None:
    if not (is_cue_verb(token) or token.pos_ in CUE_POS and verb_lemma(token) in OBJECT_CUE_VERBS):
        return None
    lemma = verb_lemma(token)
    comps = [c for c in token.children if c.dep_ == "ccomp"
             or (c.dep_ == "xcomp" and lemma in INTENT_VERBS) or _clause_as_adjunct(token, c)]
    if comps:
        start, end = content_bounds(comps[0])
        for extra in comps[1:]:
            end = max(end, content_bounds(extra)[1])
        parts = _without_other_cues(token.doc, start, end, comps)
        source = cue_source(token)
        if not parts or not can_inform(token, source):
            return None
        return Draft(parts, "indirect", token, source, "cue+clause")
    return _inverted(token) or _parenthetical(token)


def can_inform(verb: Token, source: Token | None) -> bool:
    """Whether the subject of "show" is a source of information ("the poll shows"), not an event
    ("his visit shows support")."""
    if source is None or verb_lemma(verb) not in EVIDENCE_VERBS or source.pos_ != "NOUN":
        return True
    named = source.text[:1].isupper() and not source.is_sent_start  # a name the tagger took for a noun
    return named or source.lemma_.lower() in INFORMATION_NOUNS


def _clause_as_adjunct(verb: Token, child: Token) -> bool:
    """"Trump said after the convention he would not accept it": a clause with its own subject and
    no conjunction after a verb of saying, which the parse hung on it as an adverbial clause."""
    return (child.dep_ == "advcl" and child.i > verb.i and is_cue_verb(verb)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            and not any(c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" for c in child.children))


def _without_other_cues(doc: Doc, start: int, end: int, comps: list[Token]) -> list[tuple[int, int]]:
    """The parts of a content span left once a cue of its own statement is taken out: "says
    Machado promised to help and said she would stay" (a conjoined cue), "the bill levied by the
    EU, which contended that ..., is" (a relative one). PolNeAR's Contents never hold another's cue."""
    tokens = [t for t in tokens_between(doc, start, end) if not t.is_space]
    inner = {t.i for c in comps for t in c.subtree if t.dep_ in ("conj", "relcl") and _has_own_clause(t)
             for t in _with_lead(t)}
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
    return [(r[0].idx, r[-1].idx + len(r[-1])) for r in map(trimmed, runs) if r]


def _has_own_clause(verb: Token) -> bool:
    """A cue verb with a complement clause of its own ("and said she would stay", "and urged them to stay")."""
    return is_cue_verb(verb) and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _with_lead(verb: Token) -> list[Token]:
    """A conjoined or relative cue's clause with the conjunction or comma that opens it."""
    tokens = list(verb.subtree)
    k = tokens[0].i
    while k > 0 and (verb.doc[k - 1].dep_ == "cc" or verb.doc[k - 1].is_punct):
        k -= 1
    return list(verb.doc[k : tokens[0].i]) + tokens


def without_aside(tokens: list[Token]) -> list[Token]:
    """``tokens`` cut before a comma that opens a relative clause or an apposition at their end
    ("the health of Donald Trump, who is 70"): PolNeAR leaves such asides out of the Content."""
    for k, token in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if token.text == "," and any(t.dep_ in ASIDE_DEPS and t.left_edge.i == nxt.i
                                     and t.right_edge.i >= tokens[-1].i - 1 for t in tokens[k + 1 :]):
            return trimmed(tokens[:k])
    return tokens


def _inverted(token: Token) -> Draft | None:
    """"Ukraine will join NATO, the alliance's chief confirmed": the cue parsed as a
    conjunct or complement of the reported clause, its subject after a comma."""
    head = token.head
    if token.dep_ not in INVERTED_DEPS or head.i > token.i or head.pos_ not in CUE_POS:
        return None
    if any(c.dep_ == "mark" for c in token.children):  # "..., though the campaign declined": an adverbial clause
        return None
    listener = verb_lemma(token) in LISTENER_VERBS  # "..., she told reporters": the object is the listener
    if not is_cue_verb(token) or any(c.dep_ == "xcomp" or c.dep_ == "dobj" and not listener for c in token.children):
        return None  # "..., and the court declined to step in": the verb has content of its own
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


def _parenthetical(token: Token) -> Draft | None:
    """"The museum, he said, would make visitors face hard truths": a cue with its subject set
    off by commas inside the clause it reports; the content is that clause around it, in two parts."""
    head = token.head
    if token.dep_ not in ("parataxis", "advcl") or head.i < token.i or head.pos_ not in CUE_POS:
        return None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    aside = list(token.subtree)
    words = trimmed(aside)
    doc = token.doc
    if subject is None or not words or words[0].i == 0 or words[-1].i + 1 >= len(doc):
        return None
    if doc[words[0].i - 1].text != "," or doc[words[-1].i + 1].text != ",":
        return None
    clause = _after_dateline(list(head.subtree))
    parts = [trimmed([t for t in clause if t.i < aside[0].i]), trimmed([t for t in clause if t.i > aside[-1].i])]
    if not all(parts):
        return None
    return Draft([(p[0].idx, p[-1].idx + len(p[-1])) for p in parts], "indirect", token, subject, "cue-inside")


def _from_stance_adjective(token: Token) -> Draft | None:
    """"She was sure Trump would win", "he is determined to run", "she is critical of the deal":
    an adjective of belief or stance after a copula, its clause (or object) the content."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp" or token.lemma_.lower() not in STANCE_ADJECTIVES:
        return None
    verb = token.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    comps = [c for c in (*token.children, *verb.rights) if c.dep_ in ("ccomp", "xcomp") and c.i > token.i]
    if not comps:
        comps = [g for c in token.children if c.dep_ == "prep" and c.lower_ in STANCE_PREPS
                 for g in c.children if g.dep_ in ("pobj", "pcomp")]
    if subject is None or not comps:
        return None
    tokens = without_aside(trimmed(list(comps[0].subtree)))
    if not tokens:
        return None
    return Draft([(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))], "indirect", token, subject, "stance+clause")


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
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    if possessor is not None:  # "... supports Putin's claim that ...": the claim is Putin's
        return Draft([(start, end)], "indirect", token, possessor, "cue-noun+clause")
    source = cue_source(owner) if owner is not None else None
    return Draft([(start, end)], "indirect", owner if owner is not None and source is not None else token,
                 source, "cue-noun+clause")


def _from_according_to(token: Token) -> Draft | None:
    source = according_to_object(token)
    if source is None:
        return None
    if source.lemma_.lower() in CUE_NOUNS:  # "according to a statement from the port authority"
        source = next((g for c in source.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                       for g in c.children if g.dep_ == "pobj"), source)
    parts = _around_phrase(list(token.sent), {t.i for t in token.subtree})
    if not parts:
        return None
    return Draft(parts, "indirect", token, source, "according-to")


def _around_phrase(sent: list[Token], phrase: set[int]) -> list[tuple[int, int]]:
    """The parts of a sentence around an inserted attribution phrase ("X, according to Y, and Z"):
    the words before it, and after it only where a conjunction carries the clause on; edge
    punctuation, conjunctions and line ends left out (as PolNeAR draws the Content)."""
    first = min(phrase)
    before = [t for t in sent if t.i < first and t.i not in phrase]
    after = [t for t in sent if t.i > first and t.i not in phrase]
    runs = [trimmed(before)]
    rest = trimmed(after, keep_leading_cc=True)
    if not runs[0] or rest and rest[0].dep_ == "cc":
        runs.append(trimmed(rest))
    return [(r[0].idx, r[-1].idx + len(r[-1])) for r in runs if r]


def trimmed(tokens: list[Token], keep_leading_cc: bool = False) -> list[Token]:
    """``tokens`` without punctuation, spaces and conjunctions at either edge."""
    def edge(t: Token, lead: bool) -> bool:
        if lead and t.lower_ in LINKING_ADVERBS and t.dep_ == "advmod":
            return True
        return t.is_punct or t.is_space or (t.dep_ == "cc" and not (lead and keep_leading_cc))
    while tokens and edge(tokens[0], True):
        tokens = tokens[1:]
    while tokens and edge(tokens[-1], False) and tokens[-1].text not in CLOSING_MARKS:
        tokens = tokens[:-1]
    return tokens
