"""The words that introduce a statement, and the words that name its source.

Lexicons are linguistic classes (verbs of saying, believing, reporting;
anonymous-source nouns; role titles), written from the PolNeAR annotation
guidelines' description of cues, not from any one article.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

# Verbs of saying and writing: a quote or a clause after them is a statement.
SPEECH_VERBS = frozenset("""
say tell add state declare announce claim assert insist maintain argue contend
warn caution urge explain note observe remark comment reply respond answer
ask write tweet post blog report confirm deny admit acknowledge concede reveal
disclose allege accuse charge complain lament boast brag vow promise pledge
predict forecast estimate suggest hint indicate imply stress emphasize
emphasise underscore reiterate repeat recall testify told mention point
describe call quip joke muse scoff counter retort rebut dismiss agree
propose recommend demand order cite concur conclude find encourage
proclaim shout yell scream whisper mutter cry exclaim continue scold
""".split())

# Verbs of believing, knowing and intending (PolNeAR annotates them as cues).
COGNITION_VERBS = frozenset("""
believe think feel fear hope expect doubt suspect worry know consider assume
reckon wonder guess imagine understand realize realise want intend plan
""".split())

# Verbs of stance and evaluation whose object PolNeAR annotates as content:
# "Trump attacked Machado", "the poll shows Clinton ahead", "she called for a ban".
# The lines from "express" on come from PolNeAR train: verbs whose object-pass
# statements there match a gold attribution at least 60% of the time over at least
# 5 ("said the same thing", "agreed to ..."); then 50-60% ("see ... publish, encourage", kept
# where PolNeAR dev agreed); then verbs of saying, knowing and intending ("pointed
# to", "knows the past", "wants policies that ...") at 50% or more over at least 4.
OBJECT_CUE_VERBS = frozenset("""
criticize criticise attack praise blame accuse cite mention discuss question support
oppose reject endorse condemn slam blast defend denounce applaud welcome hail laud decry
lambaste mock ridicule show reveal refuse decline decide offer highlight tout champion
compare liken label dub brand rate rule call vow threaten pledge demand propose
recommend acknowledge announce confirm deny dismiss describe predict
express voice issue share lay view remind press prefer embrace invoke knock identify
promote sound frame request remember list disavow rip thank talk
expect consider report claim tweet recall declare charge underscore explain believe
warn suggest promise order emphasize argue worry note reiterate stress fear urge lament say agree
see seek back challenge favor echo publish encourage
point disclose admit boast brag complain refer speak
know understand doubt realize
indicate estimate conclude comment testify counter want plan repeat concede state
""".split())

CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS

# Verbs that take a quote directly after them with a colon: "he went on:".
QUOTE_INTRODUCING_PHRASES = frozenset({"go on", "went on", "goes on"})

# Nouns that carry a statement: "a statement that ...", "his claim that ...".
CUE_NOUNS = frozenset("""
statement claim assertion warning announcement argument belief view
promise pledge suggestion allegation accusation admission denial insistence
remark comment comments message tweet post interview letter speech
""".split())

# Nouns of saying, knowing and believing whose that-clause PolNeAR annotates as content, beyond the cue nouns
# (which also mark a sentence for the parse, prefilter.py): these are read only where the sentence is parsed.
CLAUSE_NOUNS = frozenset("""
complaint assumption idea notion doubt assurance agreement recognition speculation rumor hope fear concern
prediction forecast suspicion conviction acknowledgment acknowledgement conclusion finding evidence fact news
theory impression expectation perception sign proof thought feeling realization understanding vow threat demand
hint confirmation revelation explanation testimony reassurance insinuation implication premise narrative
""".split())

# Nouns of stance whose object, after one of these prepositions, PolNeAR annotates as content, with the
# possessor for source ("his attacks on Mr. Clinton", "her criticism of the deal"). On train "support for",
# "opposition to", "call for" and "view of" were right less than half the time (money, poll findings).
STANCE_NOUN_PREPS = {"attack": ("on", "against"), "criticism": ("of",), "endorsement": ("of",)}

# Head nouns of sources that stay unnamed: "a Western official", "sources".
ANONYMOUS_NOUNS = frozenset("""
official officials source sources insider insiders aide aides person people
spokesman spokeswoman spokesperson diplomat diplomats analyst analysts
observer observers expert experts critic critics ally allies adviser advisers
advisor advisors staffer staffers member members resident residents witness
witnesses someone somebody one
""".split())

# Role words that, with a definite article or a possessive, point back to a
# person the article names elsewhere: "the alliance's chief".
TITLE_NOUNS = frozenset("""
chief president secretary-general secretary minister pm premier chancellor
leader head chairman chairwoman chair director spokesman spokeswoman governor
senator mayor king queen prince ambassador envoy general commander nominee
candidate ceo founder boss governor-general representative congressman
congresswoman judge justice attorney prosecutor tyrant dictator strongman
""".split())

# Words that begin a name but are not part of it ("Mr Stoltenberg").
HONORIFICS = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. professor
president vice prime minister premier secretary-general secretary sen sen.
senator rep rep. representative gov gov. governor mayor chancellor king queen
prince princess gen gen. general chief former then-president the
""".split())

PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "i": "s", "we": "p", "they": "p"}

# Outlets and agencies as sources: a name ending in one of these is media.
MEDIA_WORDS = frozenset("""
news times post journal tribune herald guardian telegraph mirror mail express
gazette chronicle reuters tass ap afp bloomberg cnn bbc nbc cbs abc fox msnbc
politico axios agency press wire newspaper magazine network channel television
radio
""".split())

# "show" reports something only with a source of information for subject ("the poll shows",
# "video showed"), not an event ("his visit shows support"); a person or a name is one too.
EVIDENCE_VERBS = frozenset({"show", "demonstrate", "prove", "illustrate"})
INFORMATION_NOUNS = frozenset("""
poll survey study analysis data video footage transcript slide document record report average
figure number result research chart map evidence tally count model forecast estimate projection
photo image picture email memo filing return statement letter review audit census test exam
simulation calculation breakdown table graph list book paper article story ad advertisement
datum website site page account tweet post
""".split())

# Things made to say something, whose maker is the source of what they say ("Gowdy released a statement
# highlighting ...", "a super PAC ran ads attacking ..."): not polls and data, which speak for themselves.
AUTHORED_NOUNS = frozenset("""
speech statement remark address ad advertisement spot commercial video report op-ed editorial column letter
memo resolution call rally tweet post book article interview email notice legislation bill message paper
document filing brief lawsuit suit complaint petition
""".split())

# Findings a clause is reported "in" ("In a CBS poll, she led him 56 to 32", "he trails in the average of
# polls"): PolNeAR annotates the phrase as the cue and source of the clause.
FINDING_NOUNS = frozenset({"poll", "survey", "average"})

# Adjectives of belief and stance whose clause or object PolNeAR annotates as content
# ("was sure that", "is determined to", "has been critical of").
STANCE_ADJECTIVES = frozenset("""
sure certain confident convinced afraid determined ready willing eager unwilling reluctant hopeful
optimistic pessimistic skeptical sceptical aware adamant frustrated worried concerned fearful anxious
critical supportive proud glad happy sorry disappointed angry upset furious unhappy
""".split())

# Past forms no suffix rule makes.
IRREGULAR_PAST = {
    "say": ("said",), "tell": ("told",), "think": ("thought",), "feel": ("felt",), "know": ("knew", "known"),
    "write": ("wrote", "written"), "find": ("found",), "understand": ("understood",), "go": ("went", "gone"),
    "cry": ("cried",), "forecast": ("forecast",), "repeat": ("repeated",), "hold": ("held",),
}


def inflections(verb: str) -> set[str]:
    """The forms a verb of saying can take in news text: say, says, saying, said."""
    forms = {verb, *IRREGULAR_PAST.get(verb, ())}
    stem = verb[:-1] if verb.endswith("e") else verb
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", stem + "ed", stem + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):  # admit -> admitted, vow stays
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


# Each form of a cue verb, to its verb: the lemmatizer takes "hopes" for "hop" and "rated" for "rat".
VERB_OF_FORM = {form: verb for verb in sorted(CUE_VERBS | OBJECT_CUE_VERBS) for form in inflections(verb)}


# ---------------------------------------------------------------- cue words on a parsed token

# Parts of speech a cue verb takes.
CUE_POS = ("VERB", "AUX")


def verb_lemma(token: Token) -> str:
    """The token's lemma, or the cue verb its form belongs to where the lemmatizer went astray."""
    lemma = token.lemma_.lower()
    if lemma in CUE_VERBS or lemma in OBJECT_CUE_VERBS or not token.tag_.startswith("VB"):
        return lemma
    return VERB_OF_FORM.get(token.lower_, lemma)


def is_cue_verb(token: Token) -> bool:
    return token.pos_ in CUE_POS and verb_lemma(token) in CUE_VERBS


def participle_after_comma(verb: Token) -> bool:
    """A participle clause set off by a comma, a closing mark aside ("the party,” claiming that ...",
    "..., describing the crew as ..."), which the parse hangs on the clause before it."""
    if verb.dep_ not in ("advcl", "acl") or verb.tag_ != "VBG":
        return False
    doc, start = verb.doc, verb.left_edge.i
    return any("," in doc[i].text for i in range(max(0, start - 2), start))
