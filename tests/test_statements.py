"""Statements: one sentence (or a few) per construction, with the expected parts and speaker.

Texts are written for these tests; the real spaCy model parses them.
"""

from __future__ import annotations

import pytest

CASES = [
    # (id, text, words that must lie in one statement, kind, speaker name)
    ("colon-intro", 'Mayor Ann Holt said: "The bridge will reopen in May."',
     "The bridge will reopen in May.", "direct", "Ann Holt"),
    ("cue-after", '"We will not raise taxes," Governor Paul Brandt said on Monday.',
     "We will not raise taxes,", "direct", "Paul Brandt"),
    ("cue-after-inverted", '"The data is clear," said Dr Lena Fisch.',
     "The data is clear,", "direct", "Lena Fisch"),
    ("curly-marks", "Senator Maya Lund told reporters: \u201cThis bill is dead.\u201d",
     "This bill is dead.", "direct", "Maya Lund"),
    ("pronoun-after", 'Trade minister Omar Haddad spoke in Cairo. "Exports are rising," he said.',
     "Exports are rising,", "direct", "Omar Haddad"),
    ("mixed-fragment", 'Omar Haddad said the talks had reached "a decisive stage".',
     "a decisive stage", "mixed", "Omar Haddad"),
    ("indirect", "Police chief Karen Doyle said the road would stay closed until Friday.",
     "the road would stay closed until Friday", "indirect", "Karen Doyle"),
    ("according-to", "According to Karen Doyle, the road will stay closed until Friday.",
     "the road will stay closed until Friday", "indirect", "Karen Doyle"),
    ("inverted-cue", "The road will stay closed until Friday, police chief Karen Doyle said.",
     "The road will stay closed until Friday", "indirect", "Karen Doyle"),
    ("belief", "Karen Doyle believes the crash was caused by ice.",
     "the crash was caused by ice", "indirect", "Karen Doyle"),
    ("anonymous", "A senior official said the plan would be announced next week.",
     "the plan would be announced next week", "indirect", "senior official"),
    ("headline", "Haddad: exports will double by 2030\n\nTrade minister Omar Haddad spoke in Cairo.",
     "exports will double by 2030", "indirect", "Omar Haddad"),
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
    assert [text[s:e] for s, e in st.spans] == [
        "We played badly in the first half.", "The second half was better.", "We go again on Saturday."]
    assert st.speaker.name == "Rita Sand"


def test_interrupted_quote_is_one_statement_with_two_spans(pipe):
    text = '"The vote is close," Rita Sand said, "but we will win it."'
    st = pipe.analyze(text).statements[0]
    assert [text[s:e] for s, e in st.spans] == ["The vote is close,", "but we will win it."]
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


def test_quote_without_cue_takes_the_previous_speaker(pipe):
    text = '"The cracks are small," the engineer Tom Vale said.\n\n"Nobody is in danger."'
    statements = pipe.analyze(text).statements
    assert [s.speaker.name for s in statements] == ["Tom Vale", "Tom Vale"]
    assert statements[1].method == "quote+previous"


def test_scare_quotes_are_not_statements(pipe):
    text = 'The so-called "money pit" bridge reopened on Monday after repairs.'
    assert pipe.analyze(text).statements == []


def test_text_without_attribution_has_no_statements(pipe):
    assert pipe.analyze("The river rose two metres overnight. Roads were closed.").statements == []


def test_statement_text_and_offsets_agree(pipe):
    text = ('Mayor Ann Holt said: "The bridge will reopen in May."\n\n'
            "She said the repairs cost less than feared.")
    for st in pipe.analyze(text).statements:
        assert st.text == text[st.start:st.end]
        assert all(st.start <= s < e <= st.end for s, e in st.spans)
        assert 0 < st.confidence <= 1
