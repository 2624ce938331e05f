"""Who a statement is attributed to: the source mention, and the name it stands for.

Rules over spaCy's parse and entities (no coreference package works offline):
the subject of the cue verb is the mention; a name is completed to the
fullest form in the article, a pronoun takes the last fitting speaker or
person, a definite role ("the alliance's chief") the person the article names
with that role, else its main person, and an indefinite one ("a Western
official") stays anonymous.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from wiretrace.doctext import ents_in, text_of
from wiretrace.model import Speaker
from wiretrace.statements.cues import (
    ANONYMOUS_NOUNS,
    CUE_NOUNS,
    CUE_VERBS,
    HONORIFICS,
    INFORMATION_NOUNS,
    MEDIA_WORDS,
    PERSON_PRONOUNS,
    TITLE_NOUNS,
    participle_after_comma,
)

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Dependencies through which a cue verb inherits its head's subject:
# "he went on, adding that ...", "was forced to deny that ...".
INHERITING_DEPS = ("xcomp", "advcl", "conj", "acl", "pcomp", "ccomp")
# A participle after a comma finds the reported clause it hangs in within this many heads ("was | a
# “distortion,” describing": the noun, then the clause).
MAX_PARTICIPLE_CLIMB = 3
INDEFINITE_DETS = frozenset({"a", "an", "one", "some", "several", "two", "three", "many", "other"})
ORG_LABELS = ("ORG", "GPE", "NORP")
# A pronoun takes a speaker met within this many tokens (about two sentences)
# before any other person; past the far window nothing is taken (seeds, PolNeAR train).
PRONOUN_NEAR_TOKENS = 60
PRONOUN_FAR_TOKENS = 400
# Honorifics without their full stop, built once: strip_honorifics runs on every name.
HONORIFIC_WORDS = frozenset(w.rstrip(".") for w in HONORIFICS)
OBJECT_DEPS = frozenset({"pobj", "dobj", "iobj", "dative"})
ROLE_DEPS = frozenset({"compound", "amod", "poss", "case", "punct"})
MAX_ROLE_TOKENS = 5
# Quotation marks that close a quote ('' as some wires write one), after which a cue may come first.
CLOSING_MARKS = frozenset({"\u201d", '"', "''", "\u00bb"})
INVERTED_SUBJECT_DEPS = frozenset({"dobj", "attr", "npadvmod", "dative", "oprd"})
# The words of a speaker's noun phrase after an inverted cue, whatever the parse hung them on.
PHRASE_AFTER_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "nsubj", "nsubjpass", "flat"})
MENTION_LEFT_DEPS = frozenset({"compound", "amod", "det", "poss", "case", "nmod", "flat", "nummod", "quantmod",
                               "punct"})
# Verbs of putting a question to someone: a he/she in a clause under one, after the person asked, stands for
# that person, whose words the clause recounts ("Hewitt asked Trump about remarks he had made, when he claimed").
ASKING_VERBS = frozenset({"ask", "question", "press", "quiz", "grill", "interview"})


@dataclass
class Context:
    """What the article says about its people, for resolving mentions."""

    doc: Doc
    inside_quote: set[int]
    full_names: dict[str, str] = field(default_factory=dict)  # surname -> the fullest name a bare surname stands for
    people: dict[str, list[str]] = field(default_factory=dict)  # surname -> each person's fullest name
    person_counts: Counter = field(default_factory=Counter)
    titled: list[tuple[frozenset[str], str]] = field(default_factory=list)  # (role words, full name)
    persons: list[tuple[int, str, bool]] = field(default_factory=list)  # (token, full name, is subject)
    previous: list[tuple[int, Speaker]] = field(default_factory=list)  # resolved speakers so far


def build_context(doc: Doc, inside_quote: set[int]) -> Context:
    """Index the article's person names (outside quotes) and the roles given to them."""
    ctx = Context(doc, inside_quote)
    ents = [e for e in doc.ents if e.label_ == "PERSON" and e.start not in inside_quote]
    _index_people(ctx, [strip_honorifics(e) for e in ents])
    for ent in ents:
        name = full_name(ctx, strip_honorifics(ent))
        if not name:
            continue
        ctx.person_counts[name] += 1
        ctx.persons.append((ent.start, name, ent.root.dep_ in SUBJECT_DEPS))
        role = _role_before(doc, ent)
        if role:
            ctx.titled.append((role, name))
    _add_bare_surnames(ctx, {i for e in ents for i in range(e.start, e.end)})
    ctx.persons.sort()
    return ctx


def _index_people(ctx: Context, names: list[str]) -> None:
    """Who each surname names: one person per given name ("Hillary Clinton" and "Bill Clinton" are two), with
    the fullest form met ("Hillary Rodham Clinton"); a bare surname stands for the one named most often."""
    counts: Counter = Counter()
    for name in names:
        if len(name.split()) < 2:
            continue
        known = ctx.people.setdefault(surname(name), [])
        same = next((i for i, other in enumerate(known) if _same_person(name, other)), None)
        if same is None:
            known.append(name)
        elif len(name.split()) > len(known[same].split()):
            known[same] = name
        counts[surname(name), _given_name(name)] += 1
    for key, known in ctx.people.items():
        ctx.full_names[key] = max(known, key=lambda name: counts[key, _given_name(name)])  # first of equals
    for name in names:
        if name and surname(name) not in ctx.full_names:
            ctx.full_names[surname(name)] = name


def _given_name(name: str) -> str:
    return name.split()[0].lower().rstrip(".")


def _same_person(name: str, other: str) -> bool:
    """"Hillary Clinton" and "Hillary Rodham Clinton" are one person, and "H. Clinton" is Hillary too; so is a
    surname of several words with and without the given name ("Guajardo Villarreal", "De Blasio")."""
    a, b = _given_name(name), _given_name(other)
    if a == b or (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return True
    shorter, longer = sorted((name.lower().split(), other.lower().split()), key=len)
    return len(shorter) < len(longer) and longer[-len(shorter) :] == shorter


def _add_bare_surnames(ctx: Context, in_person_ents: set[int]) -> None:
    """Known surnames the entity recognizer missed ("Stoltenberg said" tagged ORG).

    Read off the doc's arrays of part of speech and lower-case form: a Token
    object for every word of the article cost more than the rest of this step.
    """
    if not ctx.full_names:
        return
    wanted = {get_string_id(key): name for key, name in ctx.full_names.items()}
    attrs = ctx.doc.to_array([POS, LOWER])
    for i in numpy.flatnonzero(attrs[:, 0] == PROPN).tolist():
        name = wanted.get(int(attrs[i, 1]))
        if name is not None and i not in in_person_ents and i not in ctx.inside_quote:
            ctx.person_counts[name] += 1
            ctx.persons.append((i, name, ctx.doc[i].dep_ in SUBJECT_DEPS))


def _role_before(doc: Doc, ent: Span) -> frozenset[str]:
    """Role words right before a name: "NATO chief Jens Stoltenberg" gives {nato, chief}."""
    words = set()
    i = ent.start - 1
    while i >= max(0, ent.start - MAX_ROLE_TOKENS) and doc[i].dep_ in ROLE_DEPS:
        if doc[i].is_alpha:
            words.add(doc[i].lower_)
        i -= 1
    return frozenset(words) if words & TITLE_NOUNS or words & {"general"} else frozenset()


def role_words(span: Span) -> frozenset[str]:
    """The words of a descriptor that must match a named person's role."""
    return frozenset(t.lower_ for t in span if t.is_alpha and t.dep_ not in ("det", "poss", "case")
                     and not (t.dep_ == "compound" and t.head.dep_ == "poss"))


def strip_honorifics(span: Span) -> str:
    tokens = list(span)
    while tokens and tokens[0].pos_ == "VERB":  # "Said Ellis" read as one name
        tokens = tokens[1:]
    words = [t.text for t in tokens if t.text not in ("'s", "’s")]
    while words and words[0].lower().rstrip(".") in HONORIFIC_WORDS:
        words = words[1:]
    return " ".join(words)


def surname(name: str) -> str:
    return name.split()[-1].lower() if name else ""


def full_name(ctx: Context, name: str) -> str:
    """The fullest form of a name in the article: a bare surname's person, the fuller form of the same
    given name ("Hillary Clinton" -> "Hillary Rodham Clinton", never "Bill Clinton"), or of the same
    surname of several words ("De Blasio" -> "Bill de Blasio")."""
    if not name:
        return name
    if len(name.split()) < 2:
        return ctx.full_names.get(surname(name), name)
    return next((other for other in ctx.people.get(surname(name), []) if _same_person(name, other)), name)


def subject_of(cue: Token) -> Token | None:
    """The subject of a cue verb, climbing to the governing verb where it has none
    ("by announcing", "recalled thinking"); "Said Ellis:" (the verb parsed into the name) the name."""
    if cue.dep_ == "compound" and cue.head.pos_ == "PROPN" and cue.head.i > cue.i:
        return cue.head
    if not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        if (sayer := _sayer_of_participle(cue)) is not None:
            return subject_of(sayer)
        named = inverted_subject(cue) or finite_acl_head(cue)
        if named is not None:
            return named
    token = cue
    for _ in range(4):
        agent = _agent(token)  # "was dubbed “the Commons” by the mayor": the agent, not the passive subject
        if agent is not None:
            return agent
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS or _count_as_subject(c)]
        if subjects:  # two where the parse took a quote's own subject too: the nearer is the verb's
            return min(subjects, key=lambda c: abs(c.i - token.i))
        if not _inherits(token) or token.head.i == token.i:
            return None
        token = token.head.head if _conjoined_to_reported_clause(token) else token.head
    return None


def _count_as_subject(child: Token) -> bool:
    """A count of people before the verb, which the parse hangs on it as a number ("About 4 in 10 say ...")."""
    return child.dep_ == "nummod" and child.i < child.head.i and child.head.pos_ == "VERB"


def _sayer_of_participle(verb: Token) -> Token | None:
    """"said the report was a “distortion,” describing the crew as ...": a participle after a comma that the
    parse hangs inside a reported clause is the sayer's; the verb of saying that clause hangs on."""
    if not participle_after_comma(verb):
        return None
    for token in list(verb.ancestors)[:MAX_PARTICIPLE_CLIMB]:
        if token.dep_ == "ccomp" and token.head.lemma_ in CUE_VERBS:
            return token.head
    return None


def _conjoined_to_reported_clause(verb: Token) -> bool:
    """"said that Ukraine was using more, and called on them to ...": the parse hangs the second cue
    on the reported clause, but a cue after ", and" coordinates with the saying: the sayer's."""
    clause, doc = verb.head, verb.doc
    return (verb.dep_ == "conj" and clause.dep_ == "ccomp" and clause.head.lemma_ in CUE_VERBS
            and verb.lemma_ in CUE_VERBS and verb.i >= 2
            and doc[verb.i - 1].lower_ in ("and", "but") and doc[verb.i - 2].text == ",")


def inverted_subject(cue: Token) -> Token | None:
    """"“...,” added a senior aide": right after a quote the speaker follows the verb, and the
    parse often takes it for the object."""
    before = cue.doc[cue.i - 1] if cue.i else None
    if before is None or before.text not in CLOSING_MARKS:
        return None
    named = next((c for c in cue.rights if c.dep_ in INVERTED_SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")), None)
    return named or noun_phrase_after(cue)


def noun_phrase_after(cue: Token) -> Token | None:
    """The head of the noun phrase right after a cue ("“...,” said retired surgeon Ben Carson, asked about ..."),
    where the parse hung it on a later verb."""
    doc, k, head = cue.doc, cue.i + 1, None
    while k < len(doc) and doc[k].dep_ in PHRASE_AFTER_DEPS:
        head = doc[k] if doc[k].pos_ in ("NOUN", "PROPN") else head
        k += 1
    return head if head is not None and k < len(doc) and doc[k].pos_ not in ("NOUN", "PROPN") else None


def finite_acl_head(cue: Token) -> Token | None:
    """"Murphy, the head of the group, Tweeted on Friday": a finite verb parsed as a clause
    on the name before it; the name is its subject. So too a past form the tagger took for a
    participle right after the comma that closes the name's apposition ("Kall, the director, compared")."""
    if cue.dep_ != "acl" or cue.head.pos_ != "PROPN":
        return None
    if cue.tag_ in ("VBD", "VBZ", "VBP"):
        return cue.head
    after_apposition = cue.tag_ == "VBN" and cue.i > 0 and cue.nbor(-1).text == "," and any(
        c.dep_ == "appos" for c in cue.head.children) and cue.head.ent_type_ == "PERSON"
    return cue.head if after_apposition else None


def _inherits(token: Token) -> bool:
    """Whether a verb takes its subject from its head: a clause under it, a preposition
    it hangs from ("by announcing"), or a gerund object ("recalled thinking")."""
    if token.dep_ in INHERITING_DEPS:
        return True
    if token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX"):
        return True
    return token.dep_ == "dobj" and token.tag_ == "VBG"


def _agent(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def mention_span(head: Token) -> Span:
    """The noun phrase of a source: the head with its left modifiers ("NATO chief Jens Stoltenberg")."""
    start = head.i
    for left in reversed(list(head.lefts)):
        if left.dep_ not in MENTION_LEFT_DEPS or left.pos_ == "VERB":  # "Said Ellis:"
            break
        start = left.left_edge.i
    doc = head.doc
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start : head.i + 1]


def resolve(ctx: Context, head: Token, remember: bool = True) -> Speaker:
    """The speaker a source mention stands for; remembered (unless told not to) for the pronouns after it."""
    span = mention_span(head)
    speaker = _resolve_span(ctx, span, head)
    speaker.mention, speaker.start, speaker.end = span.text, span.start_char, span.end_char
    if remember:
        ctx.previous.append((head.i, speaker))
    return speaker


# Prepositions that name the author on a source noun ("a speech by", "a statement from") or an example
# of it ("someone like"), not another person.
AUTHOR_PREPS = frozenset({"by", "from", "like", "including"})


def _resolve_span(ctx: Context, span: Span, head: Token, before: int | None = None) -> Speaker:
    """The speaker of a mention; a name is looked for in its noun phrase up to ``before`` (an antecedent's
    phrase holds the relative clause that refers back to it, and the names in that clause are not it)."""
    lower = head.lower_
    if lower in PERSON_PRONOUNS:
        return _pronoun(ctx, head)
    antecedent = _antecedent(head)
    if antecedent is not None:
        return _resolve_span(ctx, mention_span(antecedent), antecedent, before=head.i)
    person = _person_in(span) or _person_in_phrase(head, before)
    if person is not None:
        return Speaker(full_name(ctx, strip_honorifics(person)), type="person")
    # A surname the article names in full elsewhere; capitalized is enough (headlines tag "Lindqvist:" a noun).
    known = next((ctx.full_names[t.lower_] for t in span
                  if (t.pos_ == "PROPN" or t.is_title) and t.lower_ in ctx.full_names), None)
    if known:
        return Speaker(known, type="person")
    org = next(iter(ents_in(span, ORG_LABELS)), None)
    if org is not None and head.i in range(org.start, org.end):
        name = org.text.removeprefix("the ").removeprefix("The ")
        return Speaker(name, type="media" if _is_media(org.text) else "organization")
    if lower in ANONYMOUS_NOUNS or head.lemma_.lower() in ANONYMOUS_NOUNS:
        return _anonymous(ctx, span, head)
    if head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() in TITLE_NOUNS:
        return _anonymous(ctx, span, head)  # "health ministers": a group, never one named person
    if lower in TITLE_NOUNS or head.lemma_.lower() in TITLE_NOUNS:
        return _titled(ctx, span, head)
    if head.pos_ == "PROPN":
        return Speaker(span.text, type="media" if _is_media(span.text) else "organization")
    words = [t for t in span if t.dep_ != "det" and not t.is_punct] or [head]
    return Speaker(text_of(span.doc)[words[0].idx : _name_end(head)], type="unknown")


def _name_end(head: Token) -> int:
    """Where an unnamed source's name ends: after the person or body it is related to, if it names one ("a
    spokesman for John Smith", "the wife of John Smith", "sources close to the Kremlin"), else after its noun."""
    for child in head.rights:
        if child.dep_ not in ("prep", "amod") or not _relates(child):
            continue
        last = child.right_edge
        if ents_in(child.doc[child.i : last.i + 1], ("PERSON", *ORG_LABELS)):
            return last.idx + len(last)
    return head.idx + len(head)


def _antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Marc Morial, who said ..." gives Morial."""
    if head.tag_ not in ("WP", "WDT") or head.dep_ not in SUBJECT_DEPS:
        return None
    verb = head.head
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return verb.head


def _person_in(span: Span) -> Span | None:
    return next(iter(ents_in(span, ("PERSON",))), None)


def _relates(child: Token) -> bool:
    """Whether what hangs on a source noun relates it to another person: "the wife of", "a spokesman for",
    "a source close to", "the union, which X founded"."""
    if child.dep_ in ("relcl", "acl"):  # "a document filed by X", "a speech X delivered": its author
        noun = child.head.lemma_.lower()
        return noun not in CUE_NOUNS and noun not in INFORMATION_NOUNS and not any(
            c.dep_ == "agent" for c in child.children)
    if child.dep_ == "prep":
        return child.lower_ not in AUTHOR_PREPS
    return child.dep_ == "amod" and any(c.dep_ == "prep" for c in child.children)


def _person_in_phrase(head: Token, before: int | None) -> Span | None:
    """A name the mention's noun phrase gives it ("NATO's chief, Jens Stoltenberg,"), read up to ``before`` and
    not inside a phrase that relates it to someone else ("a lawyer for John Smith", "the union, which John
    Smith founded,")."""
    end = head.right_edge.i + 1 if before is None else min(head.right_edge.i + 1, before)
    other = {t.i for c in head.children if _relates(c) for t in c.subtree}
    doc = head.doc
    for ent in ents_in(doc[head.left_edge.i : end], ("PERSON",)):
        if not any(i in other for i in range(ent.start, ent.end)) or ent.start > 0 and doc[ent.start - 1].text == ",":
            return ent  # "His partner at Lenox, Lawrence B. Cummings,": a name set off by a comma is the noun's
    return None


def _is_media(name: str) -> bool:
    words = name.lower().replace(".", "").split()
    return bool(words) and (words[-1] in MEDIA_WORDS or any(w in ("news", "tass", "reuters") for w in words))


def _pronoun(ctx: Context, head: Token) -> Speaker:
    """He/she: with no person speaker close by, the last person named as a subject; else a
    person named as the main subject after that speaker, else the speaker; else the last
    speaker or person. They: the last speaker."""
    plural = head.lower_ in ("they", "we")
    asked = None if plural else _person_asked(ctx, head)
    if asked is not None:
        return Speaker(asked, type="person")
    recent = _previous_speaker(ctx, head, plural, PRONOUN_NEAR_TOKENS)
    if plural:
        return recent or _previous_speaker(ctx, head, plural, PRONOUN_FAR_TOKENS) or Speaker(None)
    subjects = [(index, name) for index, name, is_subject in ctx.persons
                if index < head.i and is_subject and head.i - index <= PRONOUN_FAR_TOKENS]
    spoke_at = _previous_speaker_index(ctx, head)
    main = [(index, name) for index, name in subjects if index > spoke_at and _main_subject(ctx.doc[index])]
    if recent is None and subjects:
        return Speaker(subjects[-1][1], type="person")
    if main:  # "..., Merkley said. Clinton was more circumspect. ... she called": the later subject
        return Speaker(main[-1][1], type="person")
    if recent is not None:
        return recent
    earlier = _previous_speaker(ctx, head, plural, PRONOUN_FAR_TOKENS)
    named = [name for index, name, _ in ctx.persons if index < head.i]
    return earlier or (Speaker(named[-1], type="person") if named else Speaker(None))


def _person_asked(ctx: Context, pronoun: Token) -> str | None:
    """The person a verb of asking names as its object, where the pronoun's clause hangs under that verb after
    the person: who is asked about words is the one who said them."""
    for verb in pronoun.ancestors:
        if verb.lemma_.lower() not in ASKING_VERBS:
            continue
        if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None  # "“...?” asked Mr. Manafort": the person after the verb is the asker
        asked = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < pronoun.i), None)
        person = _person_in(mention_span(asked)) if asked is not None else None
        return full_name(ctx, strip_honorifics(person)) if person is not None else None
    return None


def _main_subject(token: Token) -> bool:
    """Whether a name is the subject of its sentence's main verb (not of a reported clause)."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT"


def _previous_speaker_index(ctx: Context, head: Token) -> int:
    """Where the last person speaker before ``head`` was mentioned (-1: none)."""
    return next((index for index, prev in reversed(ctx.previous)
                 if index < head.i and prev.name and prev.type == "person"), -1)


def _previous_speaker(ctx: Context, head: Token, plural: bool, window: int) -> Speaker | None:
    for index, prev in reversed(ctx.previous):
        if head.i - index > window:
            return None
        if prev.name and (plural or prev.type == "person"):
            return Speaker(prev.name, type=prev.type, via=list(prev.via))
    return None


def _anonymous(ctx: Context, span: Span, head: Token) -> Speaker:
    """"a Western official" stays anonymous; "the official" is the anonymous source met before."""
    det = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
    if det in ("the", "this", "that"):
        for _, prev in reversed(ctx.previous):
            if prev.type == "anonymous":
                return Speaker(prev.name, type="anonymous", via=list(prev.via))
    words = [t for t in span if t.dep_ != "det" and not t.is_punct]
    name = text_of(span.doc)[words[0].idx : _name_end(head)] if words else head.text
    return Speaker(name, type="anonymous")


def _titled(ctx: Context, span: Span, head: Token) -> Speaker:
    """A role: the person named with that role, the last person speaker, or the main person."""
    wanted = role_words(span)
    named = [name for role, name in ctx.titled if wanted and wanted <= role]
    if named:
        return Speaker(Counter(named).most_common(1)[0][0], type="person")
    for index, prev in reversed(ctx.previous):
        if head.i - index < 120 and prev.type == "person" and prev.name:
            return Speaker(prev.name, type="person")
    if ctx.person_counts:
        return Speaker(ctx.person_counts.most_common(1)[0][0], type="person")
    return Speaker(None, type="unknown")


def reporting_chain(cue: Token, source: Token | None) -> list[str]:
    """Who passed the words on, nearest first: "a source told Tass, according to US News"
    gives ["Tass", "US News"] (the outlet told, then the one the sentence cites)."""
    chain = []
    if cue.lemma_.lower() == "tell":
        chain += [_name_of(c) for c in cue.children if c.dep_ in ("dobj", "dative") and _is_named(c)]
    for token in cue.sent:
        cited = according_to_object(token) if token.i != cue.i else None
        if cited is not None and cited is not source and _is_named(cited):
            chain.append(_name_of(cited))
    return chain


def according_to_object(token: Token) -> Token | None:
    """Who "according to" cites: the object of its "to" ("according to US News" gives "News")."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _is_named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ORG_LABELS


def _name_of(token: Token) -> str:
    span = mention_span(token)
    words = [t for t in span if t.dep_ != "det"] or [token]
    return text_of(span.doc)[words[0].idx : token.idx + len(token)]


def nearest_name_before(cue: Token) -> Token | None:
    """The head of the last person or organization named before a cue in its sentence."""
    ents = [e for e in ents_in(cue.sent, ("PERSON", *ORG_LABELS)) if e.end <= cue.i]
    persons = [e for e in ents if e.label_ == "PERSON"] or ents
    free = [e for e in persons if e.root.dep_ not in OBJECT_DEPS]
    chosen = (free or persons or [None])[-1]
    return chosen.root if chosen is not None else None
