"""The second pass: statements whose content is a cue's object, not a clause.

"Trump attacked Machado", "she called for a moratorium", "told his staff to
...", "was criticized by the union": verbs of stance or saying with a nominal
(or prepositional) object, an addressee and what they were told, or an agent.
Run only where the first pass (``attribution.reported_clauses``) found nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wiretrace.statements.attribution import CONTENT_PREPS, LISTENER_VERBS, Draft, can_inform, cue_source, labeller
from wiretrace.statements.cues import AUTHORED_NOUNS, CUE_POS, INFORMATION_NOUNS, OBJECT_CUE_VERBS, verb_lemma
from wiretrace.statements.extents import (
    OPENING_MARKS,
    before_dashed_report,
    closed,
    participle_with_object,
    passive_subject,
    subtree,
    trimmed,
    without_aside,
)
from wiretrace.statements.speakers import finite_acl_head

OBJECT_CONTENT_DEPS = ("dobj", "oprd")
# Verbs whose content is only what they are about or against ("spoke about how ...", "spoke out against his
# plan"), not the listener or the occasion ("spoke to reporters", "spoke on condition of anonymity": with "on",
# train F1 0.7741, without 0.7745).
TOPIC_PREPS = {"speak": frozenset({"about", "against"})}
# Verbs whose object is a finding only with a source of information for subject ("A CNN survey found 90 percent
# support for ...", not "Levine found comic relief in it").
FINDING_VERBS = frozenset({"find"})
OBJECT_PASS_VERBS = OBJECT_CUE_VERBS | LISTENER_VERBS | FINDING_VERBS
# Verbs of saying whose object is the person addressed: "told his staff to ...", "asked her about ...".
ADDRESSEE_VERBS = frozenset({"tell", "ask"})
# Verbs of answering whose content is what they answer or answer with ("did not respond to requests for
# comment", "responded with a lawsuit").
ANSWER_VERBS = frozenset({"respond", "reply"})
# Complements after an object cue's first object that still belong to its content.
OBJECT_CONTINUE_DEPS = frozenset({"dobj", "dative", "oprd", "prep", "xcomp", "acomp", "ccomp"})
# Prepositions that open an adjunct of the cue verb ("praised her during the debate"), not part of its content:
# PolNeAR train leaves them out of an object's Content more often than it keeps them ("at", "on": even).
ADJUNCT_PREPS = frozenset({"during", "after", "before", "through", "despite", "following", "until", "across", "near",
                           "amid"})
# Nouns of an attitude a light verb expresses ("expressed concern that", "offered his thoughts on"): PolNeAR
# train puts them in the cue 23 times to 6.
ATTITUDE_NOUNS = frozenset({"concern", "thought", "opinion", "doubt", "confidence", "skepticism", "misgiving",
                            "reservation"})
ATTITUDE_PREPS = frozenset({"about", "on", "over", "regarding"})
# Nouns of the occasions words are said at or in ("in an interview", "at a rally"): PolNeAR train leaves a
# phrase of these after an object out of its Content.
OCCASION_NOUNS = frozenset({"interview", "conference", "rally", "speech", "appearance", "tweet", "post", "event",
                            "hearing", "briefing", "broadcast", "podcast", "op-ed", "editorial", "remarks"})


# Verbs of naming whose object and the quoted words it is named with PolNeAR annotates as content ("called Trump
# a “blowhard,”", "called Florida’s standards “strong.”").
NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "name", "term", "deem"})
# Words that may stand between "as" (or a naming verb's object) and the mark opening the quoted label.
LABEL_LEAD_WORDS = frozenset({"being", "having"})
LABEL_LEAD_POS = ("DET", "ADV")
# The longest object a label is said of ("Donald Trump’s candidacy as a “...”": 4 tokens; train has none over 8).
MAX_LABELLED_TOKENS = 8
# Words that make "as" compare, not label ("such as", "the same thing as").
COMPARING_WORDS = frozenset({"such", "same"})
# Parts of speech an object a label is said of is made of.
LABELLED_POS = frozenset({"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM", "PART", "ADP"})


def object_clauses(doc: Doc, inside: set[int]) -> list[Draft]:
    """The second pass: cues whose content is a noun phrase, where no clause was found; then quoted labels."""
    objects = [closed(d) for t in doc if t.i not in inside and t.pos_ in CUE_POS
               and verb_lemma(t) in OBJECT_PASS_VERBS and (d := _from_object(t))]
    return objects + [closed(d) for t in doc if _opens_label(t, inside) and (d := _from_label(t, inside))]


def _opens_label(mark: Token, inside: set[int]) -> bool:
    return mark.text in OPENING_MARKS and mark.i not in inside and mark.i + 1 in inside


def _from_label(mark: Token, inside: set[int]) -> Draft | None:
    """"pounding Trump as a “con artist”", "portray Donald Trump’s candidacy as a “working-class” rebellion",
    "called Trump a “blowhard,”": a verb that labels its object with quoted words; PolNeAR takes the object and
    the label as the Content, the labeller as the Source. The parse of these is often astray (the label hung on a
    dash, the verb taken for a participle of the noun before it), so the shape is read off the words."""
    doc, k = mark.doc, mark.i - 1
    while k > mark.i - 3 and k > mark.sent.start and _leads_label(doc[k]):
        k -= 1
    as_word = doc[k] if doc[k].lower_ == "as" else None
    first = k if as_word is not None else k + 1
    k = k - 1 if as_word is not None else k
    while k >= mark.sent.start and first - k <= MAX_LABELLED_TOKENS and _in_labelled(doc[k]):
        k -= 1
    verb = doc[k]
    if verb.pos_ != "VERB" or verb.i in inside or verb.lemma_ == "be":
        return None
    labelled = [t for t in doc[k + 1 : first] if not (t.i == k + 1 and t.pos_ == "ADP")]
    if as_word is None and (verb_lemma(verb) not in NAMING_VERBS or not labelled):
        return None
    if any(t.lower_ in COMPARING_WORDS for t in labelled):
        return None  # "words such as “...”", "not the same thing as “...”": a comparison, no label
    start = labelled[0] if labelled else as_word
    end = _label_end(mark, inside)
    source = labeller(verb)
    method = "as-label" if as_word is not None else "naming-label"
    return Draft([(start.idx, end.idx + len(end))], "mixed", verb, source, method)


def _leads_label(token: Token) -> bool:
    return token.pos_ in LABEL_LEAD_POS or token.lower_ in LABEL_LEAD_WORDS


def _in_labelled(token: Token) -> bool:
    return token.pos_ in LABELLED_POS and token.lower_ != "as" and token.tag_ not in ("WP", "WDT")


def _label_end(mark: Token, inside: set[int]) -> Token:
    """The last token of a quoted label: its closing mark, or the noun the quoted words modify right after it
    ("as having “minimal” impact")."""
    doc, j = mark.doc, mark.i + 1
    while j in inside:
        j += 1
    end = doc[j] if j < len(doc) and doc[j].is_punct else doc[j - 1]
    heads = [t.head for t in doc[mark.i + 1 : j] if t.head.i > end.i]
    noun = next((h for h in heads if h.i == end.i + 1 and h.pos_ in ("NOUN", "PROPN")), None)
    return noun if noun is not None else end


def _from_object(token: Token) -> Draft | None:
    """"Trump attacked Machado", "she called for a moratorium": a verb of stance or saying
    with a nominal object (or a prepositional one, "called for"), and a subject."""
    if verb_lemma(token) in LISTENER_VERBS:
        return _from_listener(token)
    parts = [c for c in token.rights if c.dep_ in OBJECT_CONTENT_DEPS
             or (c.dep_ == "xcomp" and verb_lemma(token) in OBJECT_CUE_VERBS)]
    content_preps = TOPIC_PREPS.get(verb_lemma(token), CONTENT_PREPS)
    preps = [c for c in token.rights if c.dep_ == "prep" and c.lower_ in content_preps]
    if not parts and preps:
        parts = [g for g in preps[0].children if g.dep_ in ("pobj", "pcomp")]
    source = cue_source(token) or _noun_of_participle(token)
    agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if not parts and agent is not None:
        return _passive_object(token, agent)
    if agent is None and _bare_participle(token):
        return None
    if not parts or source is None or not can_inform(token, source):
        return None
    if verb_lemma(token) in FINDING_VERBS and source.lemma_.lower() not in INFORMATION_NOUNS:
        return None
    if _purpose_infinitive(token):
        return None
    tokens = without_aside(_object_extent(token, parts))
    if tokens:
        end = before_dashed_report(token.doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        tokens = [t for t in tokens if t.idx < end]
    if not tokens or tokens[-1].dep_ == "prep" and not any(tokens[-1].children):
        return None  # "..., which Russia may seek to capitalize on": the content is the noun before
    if tokens[0].i < token.i:
        return None  # an "object" before its verb is a misparse ("They backed ..." read backwards)
    return Draft(passive_subject(token) + [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))], "indirect",
                 token, source, "cue+object")


def _from_listener(verb: Token) -> Draft | None:
    """"Obama told his advisers to find a way" (the listener and the infinitive are the content),
    "she asked him about his taxes" (the topic is)."""
    source = cue_source(verb)
    xcomp = [c for c in verb.rights if c.dep_ == "xcomp"]
    listener = [c for c in verb.rights if c.dep_ in ("dobj", "dative") and (not xcomp or c.i < xcomp[0].i)]
    if verb_lemma(verb) in ANSWER_VERBS:
        parts = [g for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("to", "with") for g in c.children
                 if g.dep_ == "pobj"]
    elif verb_lemma(verb) not in ADDRESSEE_VERBS:
        return None  # "continued to supply arms": no one is told anything
    elif xcomp and listener:
        parts = listener + xcomp
    elif verb_lemma(verb) == "tell" and (told := _story_told(listener)):
        parts = told
    else:
        parts = [g for c in verb.rights if c.dep_ == "prep" and c.lower_ == "about" for g in c.children
                 if g.dep_ == "pobj"]
    if not parts or source is None:
        return None
    first, last = min(p.left_edge.i for p in parts), max(p.right_edge.i for p in parts)
    tokens = without_aside(trimmed(list(verb.doc[first : last + 1])))
    if not tokens:
        return None
    return Draft([(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))], "indirect", verb, source, "cue+object")


# Nouns of what is told whose "of" object is what it tells ("told the story of an older supporter").
STORY_NOUNS = frozenset({"story", "tale", "anecdote"})


def _story_told(objects: list[Token]) -> list[Token]:
    """What a story told is of ("she tells the story of how he wooed her"): PolNeAR's Content."""
    stories = [o for o in objects if o.dep_ == "dobj" and o.lemma_.lower() in STORY_NOUNS]
    return [g for o in stories for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ in ("pobj", "pcomp")]


def _noun_of_participle(verb: Token) -> Token | None:
    """"a speech denouncing Trump", "polls showing Cruz ahead", "Democrats urging him to run": the noun a
    participle of stance with an object hangs on is its source (PolNeAR train: 169 of 212 such objects lie in
    a gold Content)."""
    noun = verb.head
    if not participle_with_object(verb) or noun.i > verb.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return _author(noun) or noun if noun.lemma_.lower() in AUTHORED_NOUNS else noun


def _author(work: Token) -> Token | None:
    """Who made a speech, statement or ad: its possessor ("his speech"), or the subject of the verb it is the
    object of ("Gowdy released a statement", "a super PAC ran ads"). Not after a preposition: "in a statement
    announcing ...", "spent on ads attacking ..." (PolNeAR's source is the statement, the ads)."""
    owner = next((c for c in work.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    return cue_source(work.head) if work.dep_ == "dobj" and work.head.pos_ in ("VERB", "AUX") else None


def _bare_participle(verb: Token) -> bool:
    """"..., compared with 32 percent": a participle with no subject or agent; no one speaks."""
    return verb.tag_ == "VBN" and verb.dep_ in ("prep", "advcl", "acl") and finite_acl_head(verb) is None and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _passive_object(verb: Token, agent: Token) -> Draft | None:
    """"Clinton was endorsed by dozens of papers": the passive subject is the content, the
    agent the source."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    tokens = without_aside(trimmed(subtree(subject))) if subject is not None else []
    if not tokens:
        return None
    return Draft([(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))], "indirect", verb, agent, "cue+object")


def _purpose_infinitive(verb: Token) -> bool:
    """"leaders meet next week to discuss the bids", "he toured Europe to help defend Ukraine": an
    infinitive of purpose (an adverbial clause, not a verb's complement) says what someone means
    to do, not what they said or think."""
    if verb.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    clause = verb
    while clause.dep_ in ("xcomp", "conj") and clause.head.tag_ == "VB" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "advcl" and any(c.lower_ == "to" for c in clause.children)


def _object_extent(verb: Token, parts: list[Token]) -> list[Token]:
    """The content of an object cue, in order: from its first object (or the object of a
    preposition before it, "called on Obama to act") through the complements that follow it
    ("likened RT to the BBC", "attacked her as a fraud"), up to a comma, a conjunction or an adjunct."""
    first = min(parts, key=lambda t: t.i)
    lead = [g for c in verb.rights if c.dep_ == "prep" and c.i < first.i and c.lower_ in CONTENT_PREPS
            for g in c.children if g.dep_ == "pobj"]
    start = min([first.left_edge.i, *(g.left_edge.i for g in lead)])
    if (topic := _attitude_topic(first)) is not None:
        start = topic.i
    end = max(c.right_edge.i for c in parts)
    for child in verb.rights:
        if child.i <= end:
            continue
        if (child.dep_ not in OBJECT_CONTINUE_DEPS and not _as_complement(child)) or _is_time_phrase(child) \
                or _is_occasion(child):
            break
        end = child.right_edge.i
    return trimmed(list(verb.doc[start : end + 1]))


def _attitude_topic(noun: Token) -> Token | None:
    """"expressed concern | that ...", "offered his thoughts on | ...": an object naming an attitude is part of
    the cue in PolNeAR; the content starts at what it is about (its clause's "that", its preposition's object)."""
    if noun.lemma_.lower() not in ATTITUDE_NOUNS:
        return None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ATTITUDE_PREPS:
            return next((g.left_edge for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
        if child.dep_ in ("acl", "ccomp", "relcl") and child.left_edge.lower_ == "that":
            return child.left_edge
    return None


def _as_complement(child: Token) -> bool:
    """"sees Trump | as most likely to win", "described the country | as beset by ...": a complement opened by
    "as" that the parse took for an adverbial."""
    return child.left_edge.lower_ == "as" and child.dep_ in ("advcl", "advmod", "acomp")


def _is_occasion(prep: Token) -> bool:
    """"during the debate", "in an interview", "at a rally": where or when the words were said."""
    if prep.lower_ in ADJUNCT_PREPS:
        return True
    return any(c.dep_ == "pobj" and c.lemma_.lower() in OCCASION_NOUNS for c in prep.children)


def _is_time_phrase(token: Token) -> bool:
    """"on Monday", "in 2015": a phrase of time after an object is an adjunct, not content."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree if t.dep_ == "pobj")
