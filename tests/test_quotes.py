"""The quote finder, on text alone (no parse): which stretches are quotations."""

from __future__ import annotations

import pytest

from wiretrace.statements.quotes import find_quotes

QUOTES = [
    # (id, text, the quoted stretches, in order)
    ("curly", "She said \u201cwe will win\u201d on Monday.", ["we will win"]),
    ("straight", 'She said "we will win" on Monday.', ["we will win"]),
    ("doubled-apostrophes", "She said ''we will win'' on Monday.", ["we will win"]),
    ("over-two-paragraphs", "\u201cWe will win.\n\n\u201cAnd we will govern.\u201d",
     ["We will win.", "And we will govern."]),
    ("stray-closing-mark", 'He reviewed the systems" with care. The only "records" were a letter that said '
     "\u201cthe healthiest ever.\u201d", ["records", "the healthiest ever."]),
    ("inch-mark", "He is 6'3\" tall and the note calls him \"fit.\"", ["fit."]),
    ("block-quote-paragraph", 'The report goes on:\n\n"The mayor walked in, chanting \u201cfour more years!\u201d',
     ["four more years!"]),
    ("block-quote-closed", '"The mayor came in. \u201cWe won,\u201d she said to the crowd."',
     ["The mayor came in.", "We won,"]),
    ("straight-after-dash", 'Her answer \u2014"never"\u2014 was plain.', ["never"]),
]


@pytest.mark.parametrize("case", QUOTES, ids=[c[0] for c in QUOTES])
def test_find_quotes(case):
    _, text, expected = case
    assert [text[s:e] for q in find_quotes(text) for s, e in q.parts] == expected
