"""The words that introduce a statement, and the words that name its source.

Lexicons are linguistic classes (verbs of saying, believing, reporting;
anonymous-source nouns; role titles), written from the PolNeAR annotation
guidelines' description of cues, not from any one article.
"""

from __future__ import annotations

# Verbs of saying and writing: a quote or a clause after them is a statement.
SPEECH_VERBS = frozenset("""
say tell add state declare announce claim assert insist maintain argue contend
warn caution urge explain note observe remark comment reply respond answer
ask write tweet post blog report confirm deny admit acknowledge concede reveal
disclose allege accuse charge complain lament boast brag vow promise pledge
predict forecast estimate suggest hint indicate imply stress emphasize
emphasise underscore reiterate repeat recall testify told mention point
describe call quip joke muse scoff counter retort rebut dismiss agree
propose recommend demand order cite concur conclude find
proclaim shout yell scream whisper mutter cry exclaim continue
""".split())

# Verbs of believing, knowing and intending (PolNeAR annotates them as cues).
COGNITION_VERBS = frozenset("""
believe think feel fear hope expect doubt suspect worry know consider assume
reckon wonder guess imagine understand realize realise want intend plan
""".split())

# Verbs of stance and evaluation whose object PolNeAR annotates as content:
# "Trump attacked Machado", "the poll shows Clinton ahead", "she called for a ban".
OBJECT_CUE_VERBS = frozenset("""
criticize criticise attack praise blame accuse cite mention discuss question support
oppose reject endorse condemn slam blast defend denounce applaud welcome hail laud decry
lambaste mock ridicule show reveal refuse decline decide offer highlight tout champion
compare liken label dub brand rate rule call vow threaten pledge demand propose
recommend acknowledge announce confirm deny dismiss describe predict
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
