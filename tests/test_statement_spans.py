"""Statement extents drawn as PolNeAR draws its Content spans: one sentence per construction.

Texts are written for these tests; the real spaCy model parses them. Each case gives the exact
parts one statement must have (the exact-span measure of ``score_attrib.py`` compares these).
"""

from __future__ import annotations

import pytest

SPANS = [
    # (id, text, the parts of one statement, speaker name)
    ("according-to-inside", "The bridge will reopen in May, according to the city engineer, and the ferry will stop.",
     ["The bridge will reopen in May", "the ferry will stop"], "city engineer"),
    ("according-to-after", "The bridge will reopen in May, according to the city engineer.",
     ["The bridge will reopen in May"], "city engineer"),
    ("according-to-around-a-saying", "Most voters say the bridge should reopen, according to a new poll.",
     ["Most voters say the bridge should reopen"], "new poll"),
    ("according-to-around-a-quote", "\u201cWe will reopen the bridge,\u201d Ann Holt said, according to the Courier. "
     "\u201cIt is safe.\u201d",
     ["\u201cWe will reopen the bridge,\u201d Ann Holt said", "\u201cIt is safe.\u201d"], "the Courier"),
    ("outer-cue-holds-inner", "Mayor Ann Holt declined to say whether the bridge would reopen.",
     ["to say whether the bridge would reopen"], "Ann Holt"),
    ("cue-inside-clause", "The repairs, the engineer said, would take two years.",
     ["The repairs", "would take two years"], "engineer"),
    ("object-with-complement", "Mayor Ann Holt likened the new tower to a lighthouse.",
     ["the new tower to a lighthouse"], "Ann Holt"),
    ("object-as", "Senator Tom Reyes attacked the housing plan as a giveaway to developers.",
     ["the housing plan as a giveaway to developers"], "Tom Reyes"),
    ("object-without-aside", "Mayor Ann Holt praised the new library, which opened in March.",
     ["the new library"], "Ann Holt"),
    ("conjoined-cue-outer", "Ann Holt says the governor promised to fix the roads and said the budget would grow.",
     ["the governor promised to fix the roads"], "Ann Holt"),
    ("conjoined-cue-inner", "Ann Holt says the governor promised to fix the roads and said the budget would grow.",
     ["the budget would grow"], "Ann Holt"),
    ("conjoined-cue-with-infinitive", "Mayor Ann Holt said on Monday that the county was spending far more on roads "
     'than the state is paying, and called on them to "share the bill."',
     ["that the county was spending far more on roads than the state is paying"], "Ann Holt"),
    ("relative-after-a-quoted-name", 'Mayor Ann Holt launched the "Clean River Plan," which runs until May.',
     ['the "Clean River Plan,"'], "Ann Holt"),
    ("participle-of-stance-after-a-quoted-label", 'Ann Holt is describing as "reckless" a council plan criticizing '
     "the ferry service.", ['"reckless" a council plan'], "Ann Holt"),
    ("participle-of-stance-apart", 'Ann Holt is describing as "reckless" a council plan criticizing the ferry '
     "service.", ["the ferry service"], "council plan"),
    ("passive-with-agent", "The housing plan was endorsed by the city council.",
     ["The housing plan"], "city council"),
    ("stance-adjective", "Mayor Ann Holt is confident that the bridge will open in May.",
     ["that the bridge will open in May"], "Ann Holt"),
    ("evidence-clause", "A new poll shows that Ann Holt leads by ten points.",
     ["that Ann Holt leads by ten points"], "new poll"),
    ("listener-and-infinitive", "Mayor Ann Holt told her staff to prepare a new budget.",
     ["her staff to prepare a new budget"], "Ann Holt"),
    ("title-beside-clause", 'Mayor Ann Holt said on "Morning Report" that the bridge was safe.',
     ["that the bridge was safe"], "Ann Holt"),
    ("called-object-fragment", 'Senator Tom Reyes called the mayor a "liar".',
     ['the mayor a "liar"'], "Tom Reyes"),
    ("hope-infinitive", "Ann Holt hopes to win the vote in May.",
     ["to win the vote in May"], "Ann Holt"),
    ("closing-marks-kept", "Ann Holt said the plan was \u2018a mess.\u2019 Nobody replied.",
     ["the plan was \u2018a mess.\u2019"], "Ann Holt"),
    ("straight-single-marks-kept", "Mayor Ann Holt said the fire was an 'intentional act.' Nobody replied.",
     ["the fire was an 'intentional act.'"], "Ann Holt"),
    ("quote-ends-its-sentence", "\u201cThe repairs are taxing on the city budget,\u201d Ann Holt said. "
     "\u201cBig time.\u201d For instance, the bridge crew works nights.",
     ["\u201cThe repairs are taxing on the city budget,\u201d", "\u201cBig time.\u201d"], "Ann Holt"),
    ("quote-after-fragment-clause", "The new tower is \u201ctoo tall,\u201d Ann Holt said. "
     "\u201cIt blocks the light for everyone on the hill.\u201d",
     ["The new tower is \u201ctoo tall,\u201d", "\u201cIt blocks the light for everyone on the hill.\u201d"],
     "Ann Holt"),
    ("fragment-closing-marks-kept", "Mayor Ann Holt called the councillors \u201clazy\u201d and \u201cslow.\u201d",
     ["the councillors \u201clazy\u201d and \u201cslow.\u201d"], "Ann Holt"),
    ("fragment-with-its-object", "Senator Tom Reyes described the mayor as \u201ca menace to the city.\u201d",
     ["the mayor as \u201ca menace to the city.\u201d"], "Tom Reyes"),
    ("fragment-under-prepositional-verb",
     "Mayor Ann Holt refers to the new tower as ''the lighthouse.'' It opened in May.",
     ["the new tower as ''the lighthouse.''"], "Ann Holt"),
    ("fragment-under-its-own-verb", "Mayor Ann Holt denounced the plan as \u201ca giveaway,\u201d telling reporters "
     "she would vote against it.",
     ["the plan as \u201ca giveaway,\u201d"], "Ann Holt"),
    ("own-cue-cut-from-relative", "Critics attacked the new tax, which Ann Holt said would hurt small shops.",
     ["which", "would hurt small shops"], "Ann Holt"),
    ("words-before-the-cue-left-out", "Not only is the bridge late, Ann Holt said the repairs would cost more.",
     ["the repairs would cost more"], "Ann Holt"),
    ("quote-ending-its-sentence-takes-no-later-cue", "\u201cThe repairs took too long,\u201d Ann Holt said. "
     "\u201cIt shows a lack of judgment.\u201d Tom Reyes said the council had done its best.",
     ["\u201cThe repairs took too long,\u201d", "\u201cIt shows a lack of judgment.\u201d"], "Ann Holt"),
    ("quote-run-on-before-its-cue", '"You can\'t fix a bridge in a week" without more money, Ann Holt said.',
     ['"You can\'t fix a bridge in a week" without more money'], "Ann Holt"),
    ("second-that-clause",
     "Ann Holt said she was the only one punished for the delay, and that her firing was improper.",
     ["she was the only one punished for the delay, and that her firing was improper"], "Ann Holt"),
    ("object-before-occasion", "Mayor Ann Holt attacked the budget in an interview.", ["the budget"], "Ann Holt"),
    ("object-before-adjunct", "Senator Tom Reyes praised the housing plan during the debate.",
     ["the housing plan"], "Tom Reyes"),
    ("according-to-phrase-misparsed", "According to talk radio host Ann Holt, the move reeks of fear and desperation.",
     ["the move reeks of fear and desperation"], "Ann Holt"),
    ("participle-tagged-cue-after-apposition", "Ann Holt, the director of debate at the University of Oslo, compared "
     'Trump to a coach at a basketball game who is "working the referees."',
     ['Trump to a coach at a basketball game who is "working the referees."'], "Ann Holt"),
    ("clause-before-said-name", 'The closure of the bridge signals "the end" for the ferry, said Ann Holt, the mayor '
     "of the town.", ['The closure of the bridge signals "the end" for the ferry'], "Ann Holt"),
    ("outer-clause-over-inner-fragment", 'Ann Holt said Tom Reyes called on the council to be "more careful."',
     ['Tom Reyes called on the council to be "more careful."'], "Ann Holt"),
    ("conjoined-fragment-cue-cut", 'Ann Holt said the plan was late, and called the mayor "a liar."',
     ["the plan was late"], "Ann Holt"),
    ("quote-over-a-line-break", "\u201cSupporters of some other candidates,\u201d Ann Holt added, \u201chave spent "
     "their money on advertising\nin newspapers and on radio.\u201d\n\nThe vote is in May.",
     ["\u201cSupporters of some other candidates,\u201d", "\u201chave spent their money on advertising",
      "in newspapers and on radio.\u201d"], "Ann Holt"),
    ("speaker-phrase-after-inverted-cue", '"I am not going to call it a mistake, so forget about it," said retired '
     "surgeon Ann Holt, asked about her claims that she had received an offer.",
     ['"I am not going to call it a mistake, so forget about it,"'], "Ann Holt"),
    ("any-verb-before-speaker-after-quote", '"Drivers should leave their cars at home," reacted Ann Holt.',
     ['"Drivers should leave their cars at home,"'], "Ann Holt"),
    ("fragment-after-prepositional-cue", 'Senator Tom Reyes called for a "cultural war" against the developers.',
     ['a "cultural war" against the developers'], "Tom Reyes"),
    ("question-word-object-opens-clause", "Ann Holt once asked which of her rivals she feared most.",
     ["which of her rivals she feared most"], "Ann Holt"),
    ("non-projective-clause-in-order", "Ann Holt declined to say who she plans to vote for.",
     ["who she plans to vote for"], "Ann Holt"),
    ("person-urged-opens-infinitive", "Ann Holt urged the council to close the bridge.",
     ["the council to close the bridge"], "Ann Holt"),
    ("object-with-as-complement", "Many voters see Ann Holt as most likely to win the race.",
     ["Ann Holt as most likely to win the race"], "Many voters"),
    ("relative-word-first", 'The council built what Ann Holt calls "psychographic" profiles of voters.',
     ["what", '"psychographic" profiles of voters'], "Ann Holt"),
    ("passive-subject-first-agent-speaks", 'The old bridge is called "the Iron Lady" by Ann Holt.',
     ["The old bridge", '"the Iron Lady"'], "Ann Holt"),
    ("that-clause-hung-on-adjunct", 'Tom Reyes said following a vote in 2001 that he had "very serious concerns" '
     "about the bridge.", ['that he had "very serious concerns" about the bridge'], "Tom Reyes"),
    ("clause-subject-taken-for-object",
     "Ann Holt admitted the dynamic between the two of them most likely does not reflect the voters.",
     ["the dynamic between the two of them most likely does not reflect the voters"], "Ann Holt"),
    ("thinking-verb-stays-in-reported-clause",
     "Ann Holt said she was alarmed by the images and wanted to see the bridge for herself.",
     ["she was alarmed by the images and wanted to see the bridge for herself"], "Ann Holt"),
    ("participle-cue-cut-from-content", "Mayor Ann Holt insisted that the bridge has \u201cnever been safer,\u201d "
     "claiming that the repairs had made it stronger.", ["that the bridge has \u201cnever been safer,\u201d"],
     "Ann Holt"),
    ("participle-cue-own-statement", "Mayor Ann Holt insisted that the bridge has \u201cnever been safer,\u201d "
     "claiming that the repairs had made it stronger.", ["that the repairs had made it stronger"], "Ann Holt"),
    ("participle-object-cue-is-the-sayers", 'Tom Reyes said the report was a "distortion," describing the repair crew '
     "as highly skilled.", ["the repair crew as highly skilled"], "Tom Reyes"),
    ("single-mark-closing-before-doubled", "Ann Holt said, ''Most voters will not accept 'We will fix it later,''' "
     "and left the hall.", ["''Most voters will not accept 'We will fix it later,'''"], "Ann Holt"),
    ("doubled-marks-quote-run-on", "Ann Holt said, ''We should have seen'' it coming.",
     ["''We should have seen'' it coming"], "Ann Holt"),
    ("quote-led-run-on-joins-next-quote", "''I have admiration for the design'' of the new bridge over the river, "
     "Ann Holt said. ''It is more modern than the old one.''",
     ["''I have admiration for the design'' of the new bridge over the river",
      "''It is more modern than the old one.''"], "Ann Holt"),
    ("nested-mark-ends-the-sentence", "Ann Holt laughed, saying at one point, ''The answer is not simply to yell, "
     "'Bridge bad, ferry bad.''' But Tom Reyes did not respond.",
     ["''The answer is not simply to yell, 'Bridge bad, ferry bad.'''"], "Ann Holt"),
    ("run-on-quote-no-clause-holds-keeps-its-cue", "The design of the bridge, Ann Holt said, ''is a perfect example "
     "of adapting'' to the changing economics of transport.", ["''is a perfect example of adapting''"], "Ann Holt"),
    ("object-leads-into-quote", 'Ann Holt still says things such as, "We are not all meant to be equal."',
     ['things such as, "We are not all meant to be equal."'], "Ann Holt"),
    ("clause-leads-into-quote", 'Ann Holt said the mayor has the one quality the job needs: "Steadiness, and a cool '
     'head."', ['the mayor has the one quality the job needs: "Steadiness, and a cool head."'], "Ann Holt"),
    ("listener-before-quote-left-out", 'Ann Holt told reporters, "We are not all meant to be equal."',
     ['"We are not all meant to be equal."'], "Ann Holt"),
    ("time-before-quote-left-out", 'Ann Holt said Tuesday, "We are not all meant to be equal."',
     ['"We are not all meant to be equal."'], "Ann Holt"),
    ("attitude-noun-in-cue-clause", "Ann Holt expressed concern that the bridge would close.",
     ["that the bridge would close"], "Ann Holt"),
    ("attitude-noun-in-cue-topic", "Ann Holt voiced concerns about the budget.", ["the budget"], "Ann Holt"),
    ("quote-then-apposition", "Mayor Ann Holt also mentioned the \u201charbour levy,\u201d a charge on every ship that "
     "docks in the port.", ["the \u201charbour levy,\u201d"], "Ann Holt"),
    ("dash-before-a-report-of-its-own", "Senator Tom Reyes called on the mayor to close the bridge to trucks -- a "
     "step the engineers said would cost millions.", ["the mayor to close the bridge to trucks"], "Tom Reyes"),
    ("cue-joined-to-the-copula-of-a-fragment", "Ann Holt said the mayor was ''careless'' with money and criticized "
     "him for selling the port.", ["the mayor was ''careless'' with money"], "Ann Holt"),
    ("conjoined-cue-of-urging-after-a-fragment", "Ann Holt said the plan was \u201ca mess,\u201d and encouraged "
     "residents to \u201cspeak up\u201d at the meeting.", ["the plan was \u201ca mess,\u201d"], "Ann Holt"),
    ("dash-before-a-clause-of-its-own", "Ann Holt said the mayor had been misled by \u201cadvisers\u201d on the board "
     "\u2014 and she named the treasurer as the culprit.",
     ["the mayor had been misled by \u201cadvisers\u201d on the board"], "Ann Holt"),
    ("quote-then-what-the-speaker-did-next", "Mayor Ann Holt told the crowd that the bridge was \u201ca disgrace\u201d "
     "before leaving the hall.", ["that the bridge was \u201ca disgrace\u201d"], "Ann Holt"),
    ("quote-then-relative-with-a-cue", "Mayor Ann Holt described the tower as \u201cGothic,\u201d which is what some "
     "critics call anything with arches.", ["the tower as \u201cGothic,\u201d"], "Ann Holt"),
]

NOT_STATEMENTS = [
    # (id, text): nothing here is anyone's statement
    ("event-shows", "The mayor's visit shows growing support for the bridge."),
    ("purpose-infinitive", "The ministers meet in Oslo on Friday to discuss the budget."),
    ("line-label", "Correction: An earlier version of this story misspelled a name."),
    ("show-title", 'Ann Holt spoke on her "Morning Drive" radio show on Monday.'),
    ("though-clause", "The bridge reopened on Monday, though the mayor was away."),
    ("tally-line", "Ann Holt: 547\nTom Reyes: 312"),
    ("contact-line", "Twitter: @annholt"),
]


@pytest.mark.parametrize("case", SPANS, ids=[c[0] for c in SPANS])
def test_statement_parts(pipe, case):
    _, text, parts, speaker = case
    statements = pipe.analyze(text).statements
    drawn = [[text[s:e] for s, e in st.spans] for st in statements]
    assert parts in drawn, drawn
    st = statements[drawn.index(parts)]
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize("case", NOT_STATEMENTS, ids=[c[0] for c in NOT_STATEMENTS])
def test_not_a_statement(pipe, case):
    _, text = case
    assert [st.text for st in pipe.analyze(text).statements] == []


@pytest.mark.parametrize("text", ['Senator Tom Reyes called the mayor a "liar" and a "bully" at the meeting.',
                                  'Senator Tom Reyes called the mayor a "liar" and a "bully."'])
def test_fragments_of_one_clause_make_one_statement(pipe, text):
    statements = pipe.analyze(text).statements
    assert len(statements) == 1
    assert statements[0].kind == "mixed"
