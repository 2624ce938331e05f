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
    CLAUSE_NOUNS,
    COGNITION_VERBS,
    CUE_NOUNS,
    CUE_POS,
    EVIDENCE_VERBS,
    FINDING_NOUNS,
    INFORMATION_NOUNS,
    OBJECT_CUE_VERBS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    STANCE_NOUN_PREPS,
    is_cue_verb,
    verb_lemma,
)
from wiretrace.statements.extents import (
    after_dateline,
    before_dashed_report,
    closed,
    content_bounds,
    paragraph_bounds,
    quote_end,
    subtree,
    tokens_between,
    trimmed,
    with_passive_subject,
    without_aside,
    without_other_cues,
)
from wiretrace.statements.quotes import InParts, Quote, with_marks
from wiretrace.statements.speakers import ASKING_VERBS, according_to_object, subject_of

# How far (in tokens) a cue may stand from the quote it introduces or closes:
# "he told the SANAK summit:" is 5; longer gaps were other clauses in PolNeAR train.
MAX_CUE_GAP_BEFORE = 12
MAX_CUE_GAP_AFTER = 8
# A name standing for its speaker before a colon ("Stoltenberg: ...") is at most this many tokens.
MAX_COLON_NAME_TOKENS = 4
# Verbs whose infinitive complement is a statement of intent: "X wants to ...".
INTENT_VERBS = frozenset({"want", "plan", "intend", "hope", "promise", "vow", "pledge", "threaten", "urge"})
# Verbs whose object is the addressee, not what was said ("told reporters").
LISTENER_VERBS = frozenset({"tell", "ask", "continue", "answer", "reply", "respond", "write", "scold"})
# Prepositions whose object is the content after a cue: "called for", "agreed with", "pointed to".
CONTENT_PREPS = frozenset({"for", "with", "to", "about", "on", "against", "of"})
# Prepositions whose object is what an adjective of stance is about: "critical of", "worried about".
STANCE_PREPS = frozenset({"of", "about", "over", "with"})
# Complements of a cue verb said of its object, which PolNeAR's Content takes with the object.
OBJECT_COMPLEMENT_DEPS = frozenset({"oprd", "prep", "xcomp"})
# What a cue before a quote may take before the mark that opens it: "says things such as, “...”".
LEAD_IN_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd"})
DASHES = "\u2015\u2014\u2013-"  # ― — – -
# Words that stand for a clause after a verb of saying ("said so", "said yes").
PRO_FORM_WORDS = frozenset({"so", "yes", "no", "otherwise"})
# Verbs of saying and believing that take one ("said so", "I think so", "never thought so", "I hope so").
PRO_FORM_VERBS = frozenset({"say", "think", "believe", "hope", "expect", "guess", "fear"})
SUBJECT_LIKE = ("nsubj", "nsubjpass", "csubj", "expl")
INVERTED_DEPS = ("conj", "parataxis", "ccomp", "advcl")
# Nouns of a stance held by the subject of the verb their pronoun possessor hangs on ("defended his position").
HELD_STANCE_NOUNS = frozenset({"support", "opposition", "endorsement", "criticism", "attack", "backing", "call",
                               "view", "position", "stance"})
# Those of them given to someone ("threw his support behind Cruz", "lent her backing to him").
GIVEN_STANCE_NOUNS = frozenset({"support", "backing", "endorsement"})
# Verbs by which one has or gets a stance another holds ("scored his first endorsement", "will need their support").
OBTAINING_VERBS = frozenset({"have", "get", "win", "score", "earn", "receive", "need", "gain", "lose", "seek",
                             "require"})


@dataclass
class Draft(InParts):
    """A statement before its speaker is resolved."""

    parts: list[tuple[int, int]]
    kind: str
    cue: Token | None
    source: Token | None
    method: str
    quotes: list[Quote] = field(default_factory=list)


def clause_prefix(text: str, open_at: int) -> str:
    """The text of the sentence before an opening mark, within its paragraph."""
    para_start, _ = paragraph_bounds(text, open_at)
    before = text[para_start:open_at]
    ends = [m.end() for m in re.finditer(r"[.!?][\"'\u201d\u2019)]?\s+", before)]
    return before[ends[-1] :] if ends else before


# ---------------------------------------------------------------- quotes


def attach_quote(doc: Doc, quote: Quote, inside: set[int]) -> Draft | None:
    """A quote as a statement: direct when it stands as a clause, mixed when embedded. A quote its
    sentence runs on after is a fragment, or where no clause holds it, a quote only with a cue of its own
    ("X, she said, ''is a perfect example'' of ...")."""
    if not _continues_after(doc, quote):
        return _attach_whole(doc, quote, inside)
    if (embedded := _embedded(doc, quote, inside)) is not None:
        return embedded
    whole = _attach_whole(doc, quote, inside)
    one_word = len(text_of(doc)[quote.start : quote.end].split()) == 1  # a scare quote: he calls it “hell” and ...
    return whole if whole is not None and whole.cue is not None and not one_word else None


def _attach_whole(doc: Doc, quote: Quote, inside: set[int]) -> Draft | None:
    text = text_of(doc)
    prefix = clause_prefix(text, quote.open_at).rstrip()
    if not prefix or prefix[-1] in ":," + DASHES:
        cue = _cue_before(doc, quote, prefix) or _cue_after(doc, quote)
        if cue is None and (named := _name_before_mark(doc, quote, prefix)) is not None:
            return Draft(with_marks(text, quote), "direct", named[1], named[0], "quote+name-colon", [quote])
        if cue is None and prefix and (embedded := _embedded(doc, quote, inside)) is not None:
            return embedded  # "used one of her quotes as its headline: “...”": the clause before holds its verb
        method = "quote+cue" if cue else "quote"
        parts, run_on = with_marks(text, quote), _run_on(doc, quote, cue)
        if run_on is not None:  # “You can't begin until you prove to people” that the border is safe, he said
            return Draft([*parts[:-1], (parts[-1][0], run_on)], "mixed", cue, cue_source(cue), method, [quote])
        if (lead := _lead_in(doc, quote, cue)) is not None:  # "still says things such as, “...”"
            return Draft([(lead.idx, parts[0][1]), *parts[1:]], "mixed", cue, cue_source(cue), method, [quote])
        return Draft(parts, "direct", cue, cue_source(cue), method, [quote])
    before = _token_before(doc, quote.open_at)
    if before is not None and is_cue_verb(before):
        return Draft(with_marks(text, quote), "direct", before, cue_source(before), "quote+cue", [quote])
    return _embedded(doc, quote, inside)


def _lead_in(doc: Doc, quote: Quote, cue: Token | None) -> Token | None:
    """The first word of what a cue before a quote takes as its own object or clause before the mark ("added
    the words, ''...''", "asked the crowd to welcome him - “...”"): PolNeAR's Content starts there. Not a
    listener ("told reporters: “...”"), a time ("said Tuesday, “...”"), nor one a clause with a subject of its
    own parts from the quote ("asked which was best, he demurred: “...”")."""
    if cue is None or cue.idx > quote.open_at:
        return None
    listener = verb_lemma(cue) in LISTENER_VERBS
    for child in cue.rights:
        if child.left_edge.idx >= quote.open_at or child.left_edge.is_punct:
            return None
        if child.dep_ in LEAD_IN_DEPS and not (listener and child.dep_ in ("dobj", "dative")) \
                and child.pos_ != "PRON" and not _dated(child):  # "put it this way: “...”"
            between = doc[child.right_edge.i + 1 : _token_at(doc, quote.open_at)]
            return None if any(_has_subject(t) for t in between) else child.left_edge  # "..., he demurred: “...”"
    return None


def _dated(phrase: Token) -> bool:
    """Whether a phrase says when ("Tuesday", "yesterday (Tues)"), not what."""
    return any(t.ent_type_ in ("DATE", "TIME") or "(" in t.text for t in phrase.subtree)


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
    ("thought “lazy” NATO would ..."), which makes the quote a fragment. Words after a comma
    inside the marks name the speaker ("''...,'' Ann Holt, an economist at ..., said")."""
    text = text_of(doc)
    if quote.close_at is None or _ends_sentence(text, quote):
        return False
    _, para_end = paragraph_bounds(text, quote.close_at)
    handed_over = text[quote.end - 1] == ","
    after = tokens_between(doc, quote.close_at + 1 if handed_over else with_marks(text, quote)[-1][1], para_end)
    if not after or after[0].is_punct:
        return False
    return not any(is_cue_verb(t) for t in after[:MAX_CUE_GAP_AFTER] if not t.is_sent_start)


def _run_on(doc: Doc, quote: Quote, cue: Token | None) -> int | None:
    """Where the words that carry a quote's sentence on after its closing mark end, before the
    comma that sets off a cue after them ("“...” before discussing specifics, he said"); None where
    the cue follows the mark, or comes before the quote."""
    if cue is None or quote.close_at is None or cue.idx < quote.close_at or text_of(doc)[quote.end - 1] == ",":
        return None  # “...,” another friend said: a comma inside the marks hands over to the cue
    source = cue_source(cue)
    first = source.left_edge if source is not None and source.idx > quote.close_at else cue
    between = [t for t in doc[_token_at(doc, quote.close_at) + 1 : min(first.i, cue.i)] if not t.is_space]
    if not between or not between[0].is_lower or between[-1].text != ",":  # lower case: not the speaker's name
        return None
    words = trimmed(between[:-1])
    return words[-1].idx + len(words[-1]) if words else None


def _token_at(doc: Doc, offset: int) -> int:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[-1].i if span is not None else len(doc)


def _ends_sentence(text: str, quote: Quote) -> bool:
    """Whether the quoted words end their sentence (“Big time.” For instance, ...): what follows
    the closing mark is a sentence of its own, not the rest of the quote's; a quotation closing inside
    it aside (“... to yell, ‘China bad.’” But ...)."""
    words = text[quote.start : quote.end].rstrip("'\u2019")
    return bool(words) and words[-1] in ".!?"


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
    if quote.close_at is None or text_of(doc)[quote.end - 1] == ".":
        return None  # “... in my opinion.” Reid said both ...: a quote closed by a full stop ends its sentence
    text = text_of(doc)
    _, para_end = paragraph_bounds(text, quote.close_at)
    after = tokens_between(doc, quote.close_at + 1, para_end)
    verb = _verb_of_subject_at(after[0]) if after else None
    if verb is not None and is_cue_verb(verb):
        return verb
    if verb is not None and verb.pos_ == "VERB" and text[quote.end - 1] in ",?!":
        return None  # “...,” Blige sings to Clinton before asking her: the quote's verb, no cue (uncued.py)
    for token in after[:MAX_CUE_GAP_AFTER]:
        if token.text in ("\u201c", '"', "\u201e") or token.text in (".", "!", "?"):
            return None
        if is_cue_verb(token):
            return token
    return None


def _verb_of_subject_at(first: Token) -> Token | None:
    """The verb whose subject opens right after a quote, however long the subject runs
    (“...!” Scott's niece, state Del. Marcia “Cia” Price (D-Newport News), shouted)."""
    subject = next((t for t in [first, *first.ancestors] if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i != first.i or subject.head.i < subject.i:
        return None
    return subject.head


def cue_source(cue: Token | None) -> Token | None:
    return subject_of(cue) if cue is not None else None


def labeller(verb: Token) -> Token | None:
    """Who labels: the subject of "for news accounts to portray ..."; the verb's subject; the noun before a
    verb the parse took for its participle ("Sanders’ campaign called AP’s report a “...”"); else the nearest
    subject before the verb in its sentence ("Beck, who has in the past described Trump as ...", parsed astray)."""
    infinitive = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    before = verb.doc[infinitive.i - 1] if infinitive is not None and infinitive.i > 0 else None
    if before is not None and before.dep_ == "pobj" and before.head.lower_ == "for":
        return before
    if (source := cue_source(verb)) is not None:
        return source
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        return verb.head
    return next((t for t in reversed(verb.doc[verb.sent.start : verb.i]) if t.dep_ == "nsubj"), None)


def _name_before_aside(verb: Token) -> Token | None:
    """"De Blasio, speaking on WOR710, called Trump a “blowhard,”": a past form after the comma that closes an
    aside of a person's name, which the parse took for a participle of the name; the name is its subject."""
    head = verb.head
    if verb.dep_ != "acl" or verb.i == 0 or verb.nbor(-1).text != "," or head.i > verb.i:
        return None
    return head if head.pos_ == "PROPN" and any(c.dep_ in ("dobj", "oprd") for c in verb.children) else None


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
    if objects:
        start = min([start, *(c.left_edge.idx for c in objects)])
    elif below.dep_ == "prep":  # "called for | a “cultural war”": the preposition goes with the cue
        start = max(start, _object_start(below).idx)
    marked = with_marks(text_of(doc), quote)
    start = min(start, marked[0][0])
    end = quote_end(doc, marked[-1][1], _before_aside(doc, start, marked[-1][1], max(end, marked[-1][1])))
    end = max(marked[-1][1], before_dashed_report(doc, start, end))
    parts = without_other_cues(doc, start, end, [below], fragment=True)
    if not any(s <= marked[0][0] and marked[-1][1] <= e for s, e in parts):
        parts = [(start, end)]
    source = cue_source(cue) or _name_before_aside(cue)
    return with_passive_subject(closed(Draft(parts, "mixed", cue, source, "fragment+cue", [quote])))


def _before_aside(doc: Doc, start: int, mark_end: int, end: int) -> int:
    """Where a fragment's content ends: before a comma after its quotation that opens an aside running to the
    end ("would pay "slightly more" in taxes, an acknowledgment that ..."): PolNeAR leaves the aside out."""
    words = without_aside(trimmed(tokens_between(doc, start, end)))
    last = words[-1].idx + len(words[-1]) if words else end
    return min(end, last) if last >= mark_end else end


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
        end = quote_end(doc, marked[-1][1], max(child.right_edge.idx + len(child.right_edge), marked[-1][1]))
        if _relative_set_off(doc, marked[-1][1]):
            end = marked[-1][1]
        start = min(first.idx, marked[0][0])
        while end > start + 1 and (text_of(doc)[end - 1] in ",;:" or text_of(doc)[end - 1].isspace()):
            end -= 1
        return with_passive_subject(closed(Draft([(start, end)], "mixed", verb, subject, "fragment+verb", [quote])))
    return None


def _relative_set_off(doc: Doc, mark_end: int) -> bool:
    """Whether a relative clause set off by a comma follows a quote under a verb that is no cue ("introduced the
    “War On Drugs,” which not only came with ..."): the writer's words about the thing named, not the content."""
    text = text_of(doc)
    after = re.match(r"[\s,\u201d\"']*(which|who)\b", text[mark_end : mark_end + 12])
    return after is not None and "," in text[mark_end - 3 : mark_end + after.start(1)]


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


def reported_clauses(doc: Doc, inside: set[int]) -> list[Draft]:
    """Indirect statements: cue verbs with a complement clause, cue nouns, "according to"."""
    drafts = []
    for token in doc:
        if token.i in inside:
            continue
        draft = (_from_cue_verb(token) or _from_cue_noun(token) or _from_according_to(token)
                 or _from_stance_adjective(token) or _from_as_clause(token) or _from_finding(token)
                 or _from_pro_form(token) or _from_stance_noun(token) or _from_held_stance(token))
        if draft is not None:
            drafts.append(closed(draft))
    return drafts


# Words that make a saying inside a quotation supposed, not reported: "if Hillary says", "Obama should ask".
HEDGING_WORDS = frozenset({"if", "when", "whether", "unless", "should", "would", "could", "might", "may", "must"})
# How a report nested in a quotation was found (its confidence: statements.CONFIDENCE).
NESTED_METHOD = "cue+clause-in-quote"


def nested_reports(doc: Doc, quotes: list[Quote]) -> list[Draft]:
    """Reports a speaker makes inside their own quotation, of words a named person said
    ("''Donald Trump said he has made a lot of sacrifices,'' Ms. Khan said"): the inner
    saying is a statement of its own, its content lying whole inside the quotation."""
    drafts = []
    for quote in quotes:
        for start, end in quote.parts:
            for token in tokens_between(doc, start, end):
                draft = _from_cue_verb(token) if _reports_a_named_person(token) else None
                if draft is not None and _quoted_whole(draft, start, end):
                    draft.method = NESTED_METHOD
                    drafts.append(closed(draft))
    return drafts


def _quoted_whole(draft: Draft, start: int, end: int) -> bool:
    """Whether a draft's source and content lie inside one quoted stretch (not "said Trump is “telling ...”")."""
    inside = draft.source is not None and start <= draft.source.idx
    return inside and all(start <= a and b <= end for a, b in draft.parts)


def _reports_a_named_person(verb: Token) -> bool:
    """Whether a verb inside a quotation tells what a named person said ("Donald Trump said"): a verb of
    saying (what someone "thinks" or "wants" is the speaker's own reading), with a name for its subject,
    stated outright (not "if Hillary says", "what Obama said", "should ask")."""
    if verb_lemma(verb) not in SPEECH_VERBS or verb.dep_ in ("relcl", "acl", "advcl", "csubj"):
        return False
    if any(c.dep_ in ("mark", "aux") and c.lower_ in HEDGING_WORDS for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.children)


def _from_cue_verb(token: Token) -> Draft | None:
    if not (is_cue_verb(token) or token.pos_ in CUE_POS and verb_lemma(token) in OBJECT_CUE_VERBS):
        return None
    lemma = verb_lemma(token)
    comps = [c for c in token.children if c.dep_ == "ccomp"
             or (c.dep_ == "xcomp" and lemma in INTENT_VERBS) or _clause_as_adjunct(token, c)]
    comps = comps or _clause_in_adjunct(token)
    if comps:
        comps += [c for c in token.rights if c.dep_ == "conj" and c.i > comps[0].i and _that_clause(c)]
        comps = _addressee_first(token, comps)
        start, end = content_bounds(comps[0])
        for extra in comps[1:]:
            end = max(end, content_bounds(extra)[1])
        parts = without_other_cues(token.doc, start, end, comps, token)
        source = cue_source(token)
        if not parts or not can_inform(token, source):
            return None
        return Draft(parts, "indirect", token, source, "cue+clause")
    return _inverted(token) or _parenthetical(token) or _clause_as_subject(token)


def _from_as_clause(verb: Token) -> Draft | None:
    """"As Ms. Simonyan put it, RT is ''providing a perspective ...''", "as Holt said in July, the bridge is
    safe": a verb of saying in an "as" clause before the clause it hangs on; that clause, the rest of the
    sentence, is what was said."""
    saying = is_cue_verb(verb) or verb.lemma_ == "put" and any(c.lower_ == "it" for c in verb.children)
    if not saying or verb.dep_ != "advcl" or verb.head.i < verb.i or cue_source(verb) is None:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    aside = {t.i for t in verb.subtree}
    tokens = trimmed([t for t in subtree(verb.head) if t.i not in aside and t.i > verb.i])
    if not tokens:
        return None
    parts = without_other_cues(verb.doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]), [verb.head], verb)
    return Draft(parts, "indirect", verb, cue_source(verb), "as-cue") if parts else None


def _clause_as_subject(token: Token) -> Draft | None:
    """"The rejection of the treaty signals “the end” for the EU, said Geert Wilders": a reported
    clause before ", said NAME", which the parse took for a second subject of the cue."""
    if not is_cue_verb(token) or token.i == 0 or token.nbor(-1).text != ",":
        return None
    after = next((c for c in token.rights if c.dep_ in ("nsubj", "nsubjpass")), None)
    before = next((c for c in token.lefts if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if after is None or before is None:
        return None
    tokens = trimmed(after_dateline([t for t in token.sent if t.i < token.i]))
    if not tokens:
        return None
    return Draft([(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))], "indirect", token, after, "inverted-cue")


def _addressee_first(verb: Token, comps: list[Token]) -> list[Token]:
    """"urged the council | to act": the person urged opens the content of an infinitive, as PolNeAR draws it;
    so does the question word the parse hung on the cue ("asked which of them | she was proud of"), and the
    subject of a clause taken for the cue's object ("admitted the dynamic | does not reflect ...")."""
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "dative") and c.i < comps[0].i]
    if _asks_whether(verb, comps[0]):
        return comps  # "asked Trump | if ...": PolNeAR's Content is the question alone
    if comps[0].dep_ == "ccomp" and _has_subject(comps[0]):
        objects = [c for c in objects if c.tag_ in ("WP", "WDT") or any(d.tag_ == "WDT" for d in c.children)]
    return objects[:1] + comps


def _clause_in_adjunct(verb: Token) -> list[Token]:
    """"said at a news conference that he may wait": a that-clause the parse hung on the noun of an adjunct
    as a relative clause, though its "that" fills no place in it."""
    return [r for p in verb.rights if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
            for r in o.rights if r.dep_ == "relcl" and r.left_edge.lower_ == "that"
            and r.left_edge.dep_ in ("mark", "advmod")][:1]


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_LIKE for c in verb.children)


def _that_clause(verb: Token) -> bool:
    """"said the plan would pass and that it would cost less": a second clause with its own "that",
    which the parse conjoins to the cue verb."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


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
    if child.dep_ != "advcl" or child.i < verb.i or not is_cue_verb(verb) \
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
        return False
    if _asks_whether(verb, child):
        return True
    return not any(c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" for c in child.children)


def _asks_whether(verb: Token, clause: Token) -> bool:
    """"Hannity asked Trump on Wednesday if the project was still on": the question asked, which the parse hung
    on the verb of asking as an adverbial clause of condition. Not "the actress was asked if ...", where the
    subject is the one asked and no asker is named."""
    asked = any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)
    return verb_lemma(verb) in ASKING_VERBS and not asked and any(
        c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children)


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
    tokens = after_dateline([t for t in head.subtree if t.i < subject.left_edge.i and t.dep_ != "cc"])
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
    clause = after_dateline(subtree(head))
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
    tokens = without_aside(trimmed(subtree(comps[0])))
    if not tokens:
        return None
    return Draft([(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))], "indirect", token, subject, "stance+clause")


def _from_cue_noun(token: Token) -> Draft | None:
    if token.pos_ != "NOUN" or token.lemma_.lower() not in CUE_NOUNS | CLAUSE_NOUNS:
        return None
    comps = [c for c in token.children if c.dep_ in ("acl", "relcl", "ccomp")
             and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
    if not comps:
        return None
    start, end = content_bounds(comps[0])
    for conj in comps[0].conjuncts:
        end = max(end, content_bounds(conj)[1])
    if token.lemma_.lower() not in CUE_NOUNS:
        return _from_clause_noun(token, start, end)
    owner = token.head if token.dep_ in ("dobj", "attr") else None
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in CUE_POS:
        owner = token.head.head  # "said in a statement that ...": the verb's subject is the source
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    if possessor is not None:  # "... supports Putin's claim that ...": the claim is Putin's
        return Draft([(start, end)], "indirect", token, possessor, "cue-noun+clause")
    source = cue_source(owner) if owner is not None else None
    return Draft([(start, end)], "indirect", owner if owner is not None and source is not None else token,
                 source, "cue-noun+clause")


def _from_clause_noun(noun: Token, start: int, end: int) -> Draft | None:
    """"Trump's suggestion that ...", "a New York Times report that ...", "raised concerns that ...": a noun of
    knowing, believing or hearsay with a that-clause, held by its possessor, the name before it or the subject of
    the verb whose object it is. A noun no one holds ("the fact that", "a sign that") is none: the nearest name
    seldom holds it (PolNeAR train); nor is the object of a verb of stance, which the object pass reads whole
    ("offered no proof that ...")."""
    if noun.dep_ == "dobj" and verb_lemma(noun.head) in OBJECT_CUE_VERBS:
        return None
    holder = next((c for c in noun.children if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if holder is not None:
        return Draft([(start, end)], "indirect", noun, holder, "cue-noun+clause")
    owner = noun.head if noun.dep_ == "dobj" else None  # not "it was a concern that", "there is no doubt that"
    source = cue_source(owner) if owner is not None else None
    return Draft([(start, end)], "indirect", owner, source, "cue-noun+clause") if source is not None else None


def _from_stance_noun(token: Token) -> Draft | None:
    """"His attacks on Mr. Clinton", "her criticism of the deal": a noun of stance with a possessor, the
    object of its preposition the content and the possessor the source."""
    preps = STANCE_NOUN_PREPS.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
    possessor = next((c for c in token.children if c.dep_ == "poss"), None) if preps else None
    if possessor is None:
        return None
    objects = [g for c in token.rights if c.dep_ == "prep" and c.lower_ in preps
               for g in c.children if g.dep_ in ("pobj", "pcomp")]
    tokens = without_aside(trimmed(subtree(objects[0]))) if objects else []
    if not tokens:
        return None
    if (verb := _verb_of_own_stance(token, possessor)) is not None:
        return _as_span(trimmed(subtree(token)), verb, cue_source(verb), "stance-noun+object")
    return _as_span(tokens, token, possessor, "stance-noun+object")


def _from_held_stance(token: Token) -> Draft | None:
    """"He defended his endorsement", "Walker threw his support behind Cruz": a noun of stance whose pronoun
    possessor is the subject of the verb it hangs on (`_verb_of_own_stance`); the noun phrase is the content,
    or the one it is given to ("behind Cruz", "to him")."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in HELD_STANCE_NOUNS:
        return None
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    verb = _verb_of_own_stance(token, possessor) if possessor is not None else None
    source = cue_source(verb) if verb is not None else None
    if source is None or not _agrees(possessor, source) or verb.lemma_ in OBTAINING_VERBS \
            or any(c.dep_ in ("dative", "dobj") and c.i != token.i for c in verb.children):
        return None
    given_to = [g for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("behind", "to") and c.i > token.i
                for g in c.children if g.dep_ == "pobj"] if token.lemma_ in GIVEN_STANCE_NOUNS else []
    return _as_span(trimmed(subtree(given_to[0] if given_to else token)), verb, source, "stance-noun+verb")


def _agrees(possessor: Token, subject: Token) -> bool:
    """Whether a possessive pronoun can stand for the subject: "their" for a plural or a group, "his" and "her"
    for one person ("He will need their support" is another's)."""
    plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we")
    if possessor.lower_ in ("his", "her"):
        return not plural and subject.lower_ != "it"
    return possessor.lower_ != "their" or plural or subject.ent_type_ in ("ORG", "NORP") or subject.lower_ == "who"


def _verb_of_own_stance(noun: Token, possessor: Token) -> Token | None:
    """The verb whose subject holds the stance a pronoun possessor stands for ("Trump ratcheted up his attacks
    on Rubio", "is doubling down on his attacks"): PolNeAR takes that verb for the cue, its subject for the
    source and the whole noun phrase for the content."""
    if possessor.pos_ != "PRON":
        return None
    verb = noun.head if noun.dep_ == "dobj" else None
    if noun.dep_ == "pobj" and noun.head.lower_ in ("on", "upon"):
        verb = noun.head.head
    return verb if verb is not None and verb.pos_ == "VERB" and cue_source(verb) is not None else None


def _as_span(tokens: list[Token], cue: Token, source: Token | None, method: str) -> Draft:
    return Draft([(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))], "indirect", cue, source, method)


def _from_according_to(token: Token) -> Draft | None:
    source = according_to_object(token)
    if source is None:
        return None
    if source.lemma_.lower() in CUE_NOUNS:  # "according to a statement from the port authority"
        source = next((g for c in source.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                       for g in c.children if g.dep_ == "pobj"), source)
    parts = _around_phrase(list(token.sent), {t.i for t in token.subtree})
    if not parts:  # "According to Rush Limbaugh, the move reeks of ...": the parse took the clause into the phrase
        comma = next((t for t in token.doc[source.i : token.sent.end] if t.text == ","), None)
        parts = _around_phrase(list(token.sent), set(range(token.i, comma.i + 1))) if comma is not None else []
    if not parts:
        return None
    return Draft(parts, "indirect", token, source, "according-to")


def _from_pro_form(verb: Token) -> Draft | None:
    """A verb of saying or believing whose content is a word standing for a clause ("half said so", "75 percent
    said yes", "Cruz apparently thinks so", "neither side would say so", "said the same of Sanders"): PolNeAR
    annotates that word as the Content."""
    if verb_lemma(verb) not in PRO_FORM_VERBS or not is_cue_verb(verb) or (source := subject_of(verb)) is None:
        return None
    word = next((c for c in verb.rights if _pro_form(c)), None)
    if word is None:
        return None
    return _as_span(trimmed(subtree(word)), verb, source, "cue+pro-form")


def _pro_form(token: Token) -> bool:
    if token.dep_ in ("advmod", "intj", "dobj") and token.lower_ in PRO_FORM_WORDS:
        return True
    after = token.dep_ == "dobj" or token.dep_ == "nsubj" and token.i > token.head.i  # "26 percent said the same"
    return after and token.lower_ in ("same", "opposite") and any(c.lower_ == "the" for c in token.lefts)


def _from_finding(token: Token) -> Draft | None:
    """A clause found "in" a poll or survey that opens its sentence ("In a CBS poll, she led him 56 percent to
    32"): the clause after the phrase, the poll its source. Inside a clause ("Clinton continues to lead in
    polls") the phrase is as often no attribution in PolNeAR (41 of 61 on train were wrong)."""
    if token.lower_ != "in" or token.i != token.sent.start or token.dep_ != "prep" \
            or token.head.pos_ not in ("VERB", "AUX"):
        return None
    finding = next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in FINDING_NOUNS), None)
    if finding is None:
        return None
    parts = _around_phrase(list(token.sent), {t.i for t in token.subtree})
    return Draft(parts, "indirect", token, finding, "in-finding") if parts else None


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


