"""Statements: one sentence (or a few) per construction, with the expected parts and speaker.

Texts are written for these tests; the real spaCy model parses them.
"""

from __future__ import annotations

import pytest

CASES = [
    # (id, text, words that must lie in one statement, kind, speaker name)
    ("colon-intro", 'Mayor Ann Holt said: "The bridge will reopen in May."',
     '"The bridge will reopen in May."', "direct", "Ann Holt"),
    ("cue-after", '"We will not raise taxes," Governor Paul Brandt said on Monday.',
     '"We will not raise taxes,"', "direct", "Paul Brandt"),
    ("cue-after-inverted", '"The data is clear," said Dr Lena Fisch.',
     '"The data is clear,"', "direct", "Lena Fisch"),
    ("curly-marks", "Senator Maya Lund told reporters: \u201cThis bill is dead.\u201d",
     "\u201cThis bill is dead.\u201d", "direct", "Maya Lund"),
    ("nested-quotes", 'Omar Haddad said: "They called the plan \'a fantasy\' last year, and they were wrong."',
     "They called the plan 'a fantasy' last year", "direct", "Omar Haddad"),
    ("pronoun-after", 'Trade minister Omar Haddad spoke in Cairo. "Exports are rising," he said.',
     '"Exports are rising,"', "direct", "Omar Haddad"),
    ("mixed-fragment", 'Omar Haddad said the talks had reached "a decisive stage".',
     'the talks had reached "a decisive stage"', "mixed", "Omar Haddad"),
    ("indirect", "Police chief Karen Doyle said the road would stay closed until Friday.",
     "the road would stay closed until Friday", "indirect", "Karen Doyle"),
    ("indirect-that", "Karen Doyle said that the road would stay closed until Friday.",
     "that the road would stay closed until Friday", "indirect", "Karen Doyle"),
    ("according-to", "According to Karen Doyle, the road will stay closed until Friday.",
     "the road will stay closed until Friday", "indirect", "Karen Doyle"),
    ("told-listener", "Karen Doyle told local radio that the road would stay closed until Friday.",
     "that the road would stay closed until Friday", "indirect", "Karen Doyle"),
    ("in-a-statement", "The port authority said in a statement that the cranes were safe.",
     "that the cranes were safe", "indirect", "port authority"),
    ("on-social-media", 'Karen Doyle wrote on Twitter: "Roads reopen at noon."',
     '"Roads reopen at noon."', "direct", "Karen Doyle"),
    ("in-an-interview", "Karen Doyle said in an interview that she would not run again.",
     "that she would not run again", "indirect", "Karen Doyle"),
    ("inverted-cue", "The road will stay closed until Friday, police chief Karen Doyle said.",
     "The road will stay closed until Friday", "indirect", "Karen Doyle"),
    ("belief", "Karen Doyle believes the crash was caused by ice.",
     "the crash was caused by ice", "indirect", "Karen Doyle"),
    ("intention", "Karen Doyle wants to close the road for a week.",
     "to close the road for a week", "indirect", "Karen Doyle"),
    ("stance-object", "Karen Doyle criticized the new speed limits on the coast road.",
     "the new speed limits on the coast road", "indirect", "Karen Doyle"),
    ("called-fragment", 'Karen Doyle called the repair plan "a waste of money".',
     '"a waste of money"', "mixed", "Karen Doyle"),
    ("anonymous", "A senior official said the plan would be announced next week.",
     "the plan would be announced next week", "indirect", "senior official"),
    ("headline", "Haddad: exports will double by 2030\n\n"
     "Trade minister Omar Haddad told reporters in Cairo that the plan was ready.",
     "exports will double by 2030", "indirect", "Omar Haddad"),
    ("cue-conjoined-after-reported-clause", "Mayor Ann Holt said on Monday that the county was spending far more on "
     'roads than the state is paying, and called on them to "share the bill."',
     'to "share the bill."', "mixed", "Ann Holt"),
    ("headline-surname-tagged-a-noun", "Holmqvist: ferry fares will rise in spring\n\n"
     "Harbour chief Eva Holmqvist said on Tuesday that fares would rise by a tenth.",
     "ferry fares will rise in spring", "indirect", "Eva Holmqvist"),
    ("name-dash-line", "Ruth Ames \u2015 \u201cI came to hear the plan, and I liked it.\u201d",
     "\u201cI came to hear the plan, and I liked it.\u201d", "direct", "Ruth Ames"),
    ("doubled-apostrophes", "Ann Holt said, ''The bridge is safe,'' after the inspection.",
     "''The bridge is safe,''", "direct", "Ann Holt"),
    # Quotes with no cue verb next to them (statements/uncued.py).
    ("vox-pop-closing-mark-opens", "Voters gave their views.\n\u201dThe plan is a waste. Nobody asked us.\u201d \u2015 "
     "Maria Esteves\n\u201cI like the park.\u201d\u00a0\u2015 Tom Okafor.",
     "\u201dThe plan is a waste. Nobody asked us.\u201d", "direct", "Maria Esteves"),
    ("vox-pop-name-after-dash", "Voters gave their views.\n\u201cThe plan is a waste.\u201d \u2015 Maria Esteves\n"
     "\u201cI like the park.\u201d\u00a0\u2015 Tom Okafor.", "\u201cI like the park.\u201d", "direct", "Tom Okafor"),
    ("cue-past-a-long-apposition", "''The cracks are small,'' Ann Holt, the chief engineer of the harbour authority "
     "in Dunmore, said on Monday.", "''The cracks are small,''", "direct", "Ann Holt"),
    ("colon-paragraph-before", 'The Dunmore Herald reports:\n\n"The council voted to close the bridge."',
     '"The council voted to close the bridge."', "direct", "Dunmore Herald"),
    ("clause-before-the-quote", 'As Tom Vale put it in a letter to the council, "The bridge is older than the town."',
     '"The bridge is older than the town."', "direct", "Tom Vale"),
    ("any-verb-after-a-comma", '"We will not pay for it," an angry Ann Holt snapped.',
     '"We will not pay for it,"', "direct", "Ann Holt"),
    ("name-before-a-dash", "Mayors backed the plan, including the former senator Ann Holt -- \"It is the only way "
     "to keep the port open\" -- and two council members.", '"It is the only way to keep the port open"',
     "direct", "Ann Holt"),
    # Sources the parse gives in an odd shape (speakers.py).
    ("verb-parsed-into-the-name", 'Said Holt: "The cranes are safe."', '"The cranes are safe."', "direct", "Holt"),
    ("subject-of-a-preposition-s-verb", "The council checked the claim and published the results by announcing "
     'that the figure was "correct."', 'that the figure was "correct."', "mixed", "council"),
    ("speaker-after-the-verb-read-as-object", "\u201cIt was a long campaign, and a hard one,\u201d added an aide to "
     "the mayor.", "\u201cIt was a long campaign, and a hard one,\u201d", "direct", "aide"),
    ("two-subjects-the-nearer", "\u201cMy answer, that was a mistake,\u201d chairman Tom Vale said on Monday.",
     "\u201cMy answer, that was a mistake,\u201d", "direct", "Tom Vale"),
    ("pronoun-takes-the-later-subject", '"The vote was fair," Senator Paul Brandt said.\n\nIn a statement, Mayor '
     'Ann Holt was more cautious. Though she called the result "a surprise", Holt said little else.',
     'the result "a surprise"', "mixed", "Ann Holt"),
    ("pronoun-under-asking-is-the-person-asked", "Radio host Ann Holt asked Paul Brandt about remarks he had made "
     "on Monday, when he claimed the bridge was \u201cunsafe.\u201d", "the bridge was \u201cunsafe.\u201d", "mixed",
     "Paul Brandt"),
    ("report-nested-in-a-quotation", '"Mayor Ann Holt said the bridge was safe," Paul Brandt said. "She was wrong."',
     "the bridge was safe", "indirect", "Ann Holt"),
    ("as-clause-before-what-was-said", "As Mayor Ann Holt put it in a letter to the council, the bridge is "
     "\u201ca disgrace.\u201d", "the bridge is \u201ca disgrace.\u201d", "mixed", "Ann Holt"),
    ("scolded-with-a-colon", 'Senator Maya Lund scolded the minister: "Your figures are wrong."',
     '"Your figures are wrong."', "direct", "Maya Lund"),
    ("in-a-poll", "In a Gallup poll released Monday, 50 percent of voters chose Holt while 40 percent chose Brandt.",
     "50 percent of voters chose Holt while 40 percent chose Brandt", "indirect", "Gallup poll"),
    ("said-yes", "Asked whether the dam was safe, engineer Ann Holt said yes.", "yes", "indirect", "Ann Holt"),
    ("referring-to", '"We have to wake up the base," Ann Holt said, referring to young voters in the city.',
     "young voters in the city", "indirect", "Ann Holt"),
    ("spoke-out-against", "Prime Minister Ann Holt also spoke out sharply against the mayor's plan.",
     "the mayor's plan", "indirect", "Ann Holt"),
    ("did-not-respond-to", "Mayor Ann Holt did not respond to several questions about the bridge.",
     "several questions about the bridge", "indirect", "Ann Holt"),
    ("possessor-of-a-stance-noun", "Mayor Ann Holt's attacks on the council have grown sharper.",
     "the council", "indirect", "Ann Holt"),
    ("stance-noun-of-the-verb's-subject", "Senator Paul Brandt stepped up his attacks on the budget on Monday.",
     "his attacks on the budget", "indirect", "Paul Brandt"),
    ("stance-held-by-the-subject", "Senator Maya Lund has withheld her support for now.", "her support",
     "indirect", "Maya Lund"),
    ("support-thrown-behind", "Governor Paul Brandt threw his support behind Ann Holt on Monday.", "Ann Holt",
     "indirect", "Paul Brandt"),
    ("a-count-parsed-as-a-number", "About 4 in 10 say they want lower taxes.", "they want lower taxes", "indirect",
     "About 4 in 10"),
    ("said-the-same-parsed-as-subject", "Last month, 26 percent of voters said the same.", "the same", "indirect",
     "26 percent"),
    ("thinks-so", "Senator Paul Brandt thinks so, too.", "so", "indirect", "Paul Brandt"),
    ("a-survey-found", "A Gallup survey found broad support for the new bridge.",
     "broad support for the new bridge", "indirect", "Gallup survey"),
    ("encouraged-to", "Governor Paul Brandt encouraged residents to leave the coast before the storm.",
     "residents to leave the coast", "indirect", "Paul Brandt"),
    ("told-the-story-of", "Mayor Ann Holt told the story of a farmer who lost his land to the river.",
     "a farmer who lost his land to the river", "indirect", "Ann Holt"),
    ("pounding-an-object-as-a-quoted-label", "Senator Maya Lund, in particular, has been steadily pounding the mayor "
     "as a \u201ccon artist\u201d \u2015 just as she did in 2012.", "the mayor as a \u201ccon artist\u201d", "mixed",
     "Maya Lund"),
    ("waves-off-as-having-a-quoted-label", "For now, Mayor Ann Holt waves off the delay as having \u201cminimal\u201d "
     "impact.", "the delay as having \u201cminimal\u201d impact", "mixed", "Ann Holt"),
    ("for-a-source-to-portray-as", "It has been common for local papers to portray Mayor Ann Holt\u2019s campaign as "
     "a \u201cworking-class\u201d revolt against the council.",
     "Mayor Ann Holt\u2019s campaign as a \u201cworking-class\u201d revolt", "mixed", "local papers"),
    ("called-an-object-a-quoted-word", "Lund, a Brandt ally, called Ohio\u2019s schools \u201cstrong.\u201d",
     "Ohio\u2019s schools \u201cstrong.\u201d", "mixed", "Lund"),
    ("raised-concerns-that", "Senator Maya Lund raised concerns that the bridge would not open in time.",
     "that the bridge would not open in time", "indirect", "Maya Lund"),
    ("played-down-the-idea-that", "Mayor Ann Holt played down the idea that she would run for governor.",
     "that she would run for governor", "indirect", "Ann Holt"),
    ("cue-after-a-long-subject", '"We have to win this year!" Marcia Price, a state delegate from Norfolk and the '
     'niece of the mayor, shouted to the crowd.', '"We have to win this year!"', "direct", "Marcia Price"),
    ("quote-after-a-saying-of-its-own-sentence", '"The dam is safe," Ann Holt said. Holt added that the road would '
     'open in May. "We checked it twice."', 'open in May. "We checked it twice."', "mixed", "Ann Holt"),
    ("quote-after-going-on-with-an-object", '"The dam is safe," Ann Holt said, adding a word of thanks for the '
     'crews. "We checked it twice."', 'for the crews. "We checked it twice."', "mixed", "Ann Holt"),
    ("quote-after-a-fragment-told-in-passing", '"It is all on the table," Ann Holt told reporters after hinting that '
     '"big changes" could come. "We checked it twice."', '"It is all on the table," Ann Holt told reporters after '
     'hinting that "big changes" could come. "We checked it twice."', "direct", "Ann Holt"),
    ("quote-after-a-verb-coordinated-with-the-cue", '"We have work to do," Ann Holt told the crowd, then praised the '
     'road crews. "We checked it twice."', 'road crews. "We checked it twice."', "mixed", "Ann Holt"),
    ("quote-after-a-turn-taken", "\u201cTell her I sent you a card,\u201d Holt said, and her husband cut in. "
     "\u201cBring the children too.\u201d", "\u201cBring the children too.\u201d", "direct", "her husband"),
    ("quote-after-a-stance-of-its-own-sentence", '"Schools matter most," says Ann Holt, 32, of Troy. Holt supports '
     'Paul Brandt in the race. "I have student loans."', 'in the race. "I have student loans."', "mixed", "Ann Holt"),
    ("quote-after-a-fragment-of-a-participle-going-on", '"Absolutely not," Ann Holt responded, remarking that she is '
     '"looking for a team" this year. "We are not done."', 'this year. "We are not done."', "mixed", "Ann Holt"),
    ("participle-of-stance-after-a-statement", "Senator Maya Lund released a statement praising the road crews.",
     "the road crews", "indirect", "Maya Lund"),
    ("participle-of-stance-after-a-group", "Ann Holt met with a union urging a new contract.",
     "a new contract", "indirect", "union"),
    ("asked-someone-if", "Senator Maya Lund asked the mayor on Wednesday if the bridge was still in her plans.",
     "if the bridge was still in her plans", "indirect", "Maya Lund"),
    ("quote-after-the-title-of-a-show", '"We expect to be vetted," Ann Holt said in an interview airing Sunday on '
     'NBC\'s "Meet the Press." "But this is new."', '"But this is new."', "direct", "Ann Holt"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_construction(pipe, case):
    _, text, words, kind, speaker = case
    article = pipe.analyze(text)
    lo = text.index(words)
    hits = [s for s in article.statements if s.start <= lo and lo + len(words) <= s.end]
    assert hits, f"no statement covers {words!r}: {[s.text for s in article.statements]}"
    st = min(hits, key=lambda s: s.end - s.start)
    assert st.kind == kind
    assert st.speaker is not None and st.speaker.name == speaker
    assert text[st.speaker.start:st.speaker.end] == st.speaker.mention


def test_quote_over_paragraphs_is_one_statement(pipe):
    text = ('Coach Rita Sand said: "We played badly in the first half.\n\n'
            '"The second half was better.\n\n"We go again on Saturday."\n\nThe club is fourth.')
    article = pipe.analyze(text)
    direct = [s for s in article.statements if s.kind == "direct"]
    assert len(direct) == 1
    st = direct[0]
    assert len(st.spans) == 3
    assert [text[s:e] for s, e in st.spans] == [  # each part with its marks, as PolNeAR's Content spans
        '"We played badly in the first half.', '"The second half was better.', '"We go again on Saturday."']
    assert st.speaker.name == "Rita Sand"


def test_interrupted_quote_is_one_statement_with_two_spans(pipe):
    text = '"The vote is close," Rita Sand said, "but we will win it."'
    st = pipe.analyze(text).statements[0]
    assert [text[s:e] for s, e in st.spans] == ['"The vote is close,"', '"but we will win it."']
    assert st.cue.text == "said" and text[st.cue.start:st.cue.end] == "said"
    assert st.speaker.name == "Rita Sand"


def test_title_descriptor_names_the_person(pipe):
    text = ("Harbour director Maria Okafor opened the talks on Monday.\n\n"
            'The harbour director said: "We are close to a deal."')
    st = next(s for s in pipe.analyze(text).statements if s.kind == "direct")
    assert st.speaker.name == "Maria Okafor"
    assert st.speaker.mention == "The harbour director"


def test_anonymous_source_is_kept_anonymous_across_quotes(pipe):
    text = ('A Western official said the offensive had begun.\n\n'
            '"Our assessment is that it started last week," the official said.')
    statements = pipe.analyze(text).statements
    assert len(statements) == 2
    assert all(s.speaker.type == "anonymous" for s in statements)
    assert all("official" in s.speaker.name for s in statements)


def test_transcript_turns_are_quotes_of_their_own(pipe):
    text = ('Part of the interview follows:\n\n"HOST: Will the bridge open in May?\n\n'
            '"HOLT: Yes, it will. The steel is in place.\n\n"The paint is drying."')
    direct = [s for s in pipe.analyze(text).statements if s.kind == "direct"]
    assert [s.speaker.mention for s in direct] == ["HOST", "HOLT"]
    assert [text[a:b] for a, b in direct[1].spans] == [  # the label is the source, not the content
        "Yes, it will. The steel is in place.", '"The paint is drying."']


def test_relative_pronoun_source_names_its_noun(pipe):
    text = "The plan was backed by Ann Holt, the harbour director, who said the cranes were safe."
    st = next(s for s in pipe.analyze(text).statements if s.text == "the cranes were safe")
    assert st.speaker.mention == "who" and st.speaker.name == "Ann Holt"


def test_quote_without_cue_takes_the_previous_speaker(pipe):
    text = '"The cracks are small," the engineer Tom Vale said.\n\n"Nobody is in danger."'
    statements = pipe.analyze(text).statements
    assert [s.speaker.name for s in statements] == ["Tom Vale", "Tom Vale"]
    assert statements[1].method == "quote+previous"


def test_a_clause_noun_no_one_holds_is_not_a_statement(pipe):
    assert pipe.analyze("The fact that the bridge is closed worries drivers.").statements == []


def test_scare_quotes_are_not_statements(pipe):
    text = 'The so-called "money pit" bridge reopened on Monday after repairs.'
    assert pipe.analyze(text).statements == []


@pytest.mark.parametrize("text", ['"Mayor Ann Holt thinks the bridge is safe. She is wrong," Paul Brandt said.',
                                  '"Mayor Ann Holt should say the bridge is safe," Paul Brandt said.'])
def test_a_believed_or_supposed_saying_inside_a_quotation_is_not_reported(pipe, text):
    assert [s.speaker.name for s in pipe.analyze(text).statements] == ["Paul Brandt"]


def test_a_quote_handed_over_to_any_verb_is_not_joined_to_the_next_quote(pipe):
    text = ("\u201cWe will keep the school open,\u201d Ann Holt sings to the crowd before asking them, "
            "\u201cWho is with me?\u201d")
    statements = pipe.analyze(text).statements
    assert [(s.cue.text, s.text) for s in statements] == [
        ("sings", "\u201cWe will keep the school open,\u201d"), ("asking", "\u201cWho is with me?\u201d")]


def test_a_quote_after_an_added_clause_is_what_was_added(pipe):
    text = ('"The dam is safe," Ann Holt said, adding that the council had checked it twice. '
            '"We will open the road on Monday."')
    statements = pipe.analyze(text).statements
    assert [(s.cue.text, [text[a:b] for a, b in s.spans]) for s in statements] == [
        ("said", ['"The dam is safe,"']),
        ("adding", ["that the council had checked it twice", '"We will open the road on Monday."'])]


def test_a_second_cue_after_a_quote_tells_of_the_next_quote(pipe):
    text = 'On Monday, Ann Holt said "It is safe," she said. "We checked it twice."'
    statements = pipe.analyze(text).statements
    assert [(s.cue.start, [text[a:b] for a, b in s.spans]) for s in statements] == [
        (text.index("said"), ['"It is safe,"']), (text.index("she said") + 4, ['"We checked it twice."'])]
    assert {s.speaker.name for s in statements} == {"Ann Holt"}


def test_a_fragment_ends_before_an_aside_after_its_quote(pipe):
    text = 'Ann Holt said residents would pay "a little more" in taxes, a concession her rivals noticed.'
    assert [s.text for s in pipe.analyze(text).statements] == ['residents would pay "a little more" in taxes']


def test_a_name_before_a_participle_aside_is_the_subject_of_the_verb_after_it(pipe):
    text = ("De Blasio, speaking on WOR710, called Trump a \u201cblowhard,\u201d and said his remarks were priceless "
            "\u201cpropaganda\u201d for terrorist groups.")
    called = next(s for s in pipe.analyze(text).statements if s.text == "Trump a \u201cblowhard,\u201d")
    assert called.method == "fragment+cue" and called.speaker.name == "De Blasio"


def test_text_without_attribution_has_no_statements(pipe):
    assert pipe.analyze("The river rose two metres overnight. Roads were closed.").statements == []


def test_statement_text_and_offsets_agree(pipe):
    text = ('Mayor Ann Holt said: "The bridge will reopen in May."\n\n'
            "She said the repairs cost less than feared.")
    for st in pipe.analyze(text).statements:
        assert st.text == text[st.start:st.end]
        assert all(st.start <= s < e <= st.end for s, e in st.spans)
        assert 0 < st.confidence <= 1


def test_chain_keeps_who_passed_the_words_on(pipe):
    text = "A diplomatic source told Tass that the talks had stalled."
    st = pipe.analyze(text).statements[0]
    assert text[st.start:st.end] == "that the talks had stalled"
    assert st.speaker.type == "anonymous" and "source" in st.speaker.name
    assert st.speaker.via == ["Tass"]


def test_according_to_holds_the_statement_it_reports(pipe):
    # PolNeAR's Contents never overlap: "according to" around a whole attribution is the one annotated
    text = "A diplomatic source told Tass that the talks had stalled, according to US News."
    [st] = pipe.analyze(text).statements
    assert st.text == "A diplomatic source told Tass that the talks had stalled"
    assert st.speaker.name == "US News"


def test_pronouns_across_quotes_in_a_row(pipe):
    text = ('Coach Rita Sand spoke after the match.\n\n"We were slow," she said.\n\n'
            '"We will be faster next week," she added.')
    direct = [s for s in pipe.analyze(text).statements if s.kind == "direct"]
    assert [s.speaker.name for s in direct] == ["Rita Sand", "Rita Sand"]
    assert [s.speaker.mention for s in direct] == ["she", "she"]


def test_titles_in_quotation_marks_are_not_statements(pipe):
    text = 'The film "A Long Road Home" opened in forty cinemas on Friday.'
    assert pipe.analyze(text).statements == []


def test_quotes_in_debris_are_not_statements(pipe):
    text = ('Ann Holt said the bridge was safe.\n\n'
            'READ MORE: Holt "shuts up" critic who says bridge will fall\n\n'
            'The council meets on Friday to vote on the repairs.')
    statements = pipe.analyze(text).statements
    assert [s.text for s in statements] == ["the bridge was safe"]


def test_a_group_named_by_its_role_is_not_the_article_s_person(pipe):
    text = ("Fisheries minister Anna Lindqvist said the quotas would fall.\n\n"
            "Transport ministers from the region said the ferry routes would stay open.")
    last = pipe.analyze(text).statements[-1]
    assert last.speaker.name != "Anna Lindqvist" and last.speaker.type == "anonymous"


def test_a_name_inside_the_relative_clause_is_not_its_noun(pipe):
    for text, noun in [("The board met the families, who told Mayor John Smith that the pier was unsafe.", "families"),
                       ("He met with the parents of the victims, who accused John Smith of lying.", "victims")]:
        st = pipe.analyze(text).statements[0]
        assert st.speaker.name == noun and st.speaker.mention == "who"


def test_a_source_related_to_a_named_person_is_not_that_person(pipe):
    for sentence, name in [("A spokesman for John Smith said the pier was unsafe.", "spokesman for John Smith"),
                           ("The wife of John Smith said the pier was unsafe.", "wife of John Smith"),
                           ("A source close to John Smith said the pier was unsafe.", "source close to John Smith"),
                           ("The union, which John Smith founded, said the pier was unsafe.", "union")]:
        assert pipe.analyze(sentence).statements[0].speaker.name == name
    # The author of a document or a speech is its source.
    st = pipe.analyze("A speech by John Smith said the pier was unsafe.").statements[0]
    assert st.speaker.name == "John Smith"


def test_two_people_of_one_surname_stay_apart(pipe):
    text = ("Hillary Clinton said the plan would work.\n\nBill Clinton said the economy was strong.\n\n"
            "Hillary Clinton added that the race was close.\n\nClinton said the debate went well.")
    assert [s.speaker.name for s in pipe.analyze(text).statements] == [
        "Hillary Clinton", "Bill Clinton", "Hillary Clinton", "Hillary Clinton"]  # a bare surname: the most named


def test_a_surname_of_several_words_takes_its_full_name(pipe):
    text = ("Economy minister Ildefonso Guajardo Villarreal said the talks would resume.\n\n"
            "Mr. Guajardo Villarreal said the tariffs would fall.")
    assert pipe.analyze(text).statements[-1].speaker.name == "Ildefonso Guajardo Villarreal"
