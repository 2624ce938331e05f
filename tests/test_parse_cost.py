"""What Wiretrace does to parse less and faster: the cached attribute component, the matrix products
on one thread of OpenBLAS, the entity recognizer spared the middle of long quotes, the sentence prefilter."""

from __future__ import annotations

import spacy
from thinc.api import NumpyOps

from wiretrace.attributes import NAME, use_cached_attributes
from wiretrace.config import model_name
from wiretrace.matmul import OneThreadOps, use_one_thread_blas
from wiretrace.outside_quotes import NAME as NER_OUTSIDE_QUOTES
from wiretrace.outside_quotes import read_tokens, vector_reach
from wiretrace.pipeline import load_model
from wiretrace.prefilter import needs_parse, parse_text
from wiretrace.statements.cues import inflections

TEXTS = [
    "There is a plan, and there were doubts. I gave it to you; you said it was gonna rain.\n\n"
    "Let's see what they're doing. Y'all ain't ready, she told him.",
    "The minister, who had been travelling since Monday, denied that talks had stalled. "
    "Its 12 members have met twice. That was what the spokesman's aides called \"a setback\".",
    "  Prices rose 3.5% in May.\tWhich one? Ms. Okafor stated   that she would run again in 2024 .",
]


def test_cached_attributes_give_exactly_what_the_ruler_and_lemmatizer_give():
    reference = spacy.load(model_name(None), exclude=["ner"])
    cached = spacy.load(model_name(None), exclude=["ner"])
    use_cached_attributes(cached)
    assert NAME in cached.pipe_names and "lemmatizer" not in cached.pipe_names
    for _ in range(2):  # the second pass answers from the cache
        for ref, ours in zip(reference.pipe(TEXTS), cached.pipe(TEXTS), strict=True):
            expected = [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in ref]
            assert [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in ours] == expected


def _analysis(doc: spacy.tokens.Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_one_thread_blas_gives_what_blis_gives():
    reference = spacy.load(model_name(None))
    ours = spacy.load(model_name(None))
    use_one_thread_blas(ours)
    assert all(isinstance(node.ops, OneThreadOps) for node in ours.get_pipe("ner").model.walk())
    assert not isinstance(reference.get_pipe("ner").model.ops, OneThreadOps)  # the reference keeps BLIS
    for ref, doc in zip(reference.pipe(TEXTS), ours.pipe(TEXTS), strict=True):
        assert _analysis(doc) == _analysis(ref)


def test_one_thread_ops_multiply_like_numpy():
    ops = OneThreadOps()
    x, y = ops.xp.arange(6, dtype="f").reshape(2, 3), ops.xp.arange(12, dtype="f").reshape(3, 4)
    assert (ops.gemm(x, y) == NumpyOps().gemm(x, y)).all()
    assert (ops.gemm(y, x, trans1=True, trans2=True) == (x @ y).T).all()


def test_vector_reach_of_the_recognizer():
    assert vector_reach(spacy.load(model_name(None), exclude=["parser", "tagger"])) == 4  # window 1, depth 4


def test_entities_outside_quotes_are_the_recognizers_own():
    nlp = load_model()
    component = nlp.get_pipe(NER_OUTSIDE_QUOTES)
    text = ("Senator Mara Quill of Ohio said on Tuesday in Columbus: “We met with Daniel Ortiz, Ana Ruiz and the "
            "mayor of Dayton in March, and the talks with Boeing and General Motors went on until late.” "
            "Quill spoke to Reuters.")
    with nlp.select_pipes(disable=[NER_OUTSIDE_QUOTES]):
        parsed = nlp(text)
    expected = component.ner(parsed.copy())
    assert component.edge == 4  # en_core_web_sm's recognizer: window 1, depth 4
    kept = set(read_tokens(parsed, component.edge))
    skipped = [t.text for t in parsed if t.i not in kept]
    assert "Boeing" in skipped and "Daniel" not in skipped and "late" not in skipped  # four tokens kept at each end
    ours = component(parsed)
    opening, closing = text.index("“"), text.index("”")

    def outside(doc: spacy.tokens.Doc) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents if not opening < e.start_char < closing]

    assert outside(ours) == outside(expected)
    assert ("Mara Quill", "PERSON") in [(e.text, e.label_) for e in ours.ents]
    assert not any(e.text == "Boeing" for e in ours.ents)


def test_inflections_of_verbs_of_saying():
    assert {"say", "says", "saying", "said"} <= inflections("say")
    assert {"admit", "admits", "admitted", "admitting"} <= inflections("admit")
    assert {"deny", "denies", "denied", "denying"} <= inflections("deny")
    assert {"stress", "stresses", "stressed"} <= inflections("stress")
    assert {"write", "wrote", "written", "writing"} <= inflections("write")


def test_needs_parse_on_cues_marks_and_dates():
    assert needs_parse("The senator denied it.")
    assert needs_parse("Talks resume on Tuesday.")  # a bare weekday needs the verb's tense
    assert needs_parse("It was “a disaster”.")
    assert needs_parse("Lindqvist: the port will open")
    assert needs_parse("According to the ministry, prices fell.")
    assert not needs_parse("The United States and the Washington Post may differ.")  # names and a modal
    assert not needs_parse("Prices rose sharply in the third quarter.")


def test_parse_text_blanks_only_what_needs_no_parse():
    text = ("Harbour reopens\n"
            "The harbour was closed for a week. Ships waited outside. "
            "Crews cleared the wreck. The mayor said it would reopen.\n"
            "Fishing boats returned first. Trade resumed.")
    kept = parse_text(text)
    assert len(kept) == len(text) and kept.count("\n") == text.count("\n")
    assert kept.startswith("Harbour reopens\n")  # the title line always stays
    assert "The mayor said it would reopen." in kept
    assert "Ships waited outside." not in kept and "Trade resumed." not in kept
    assert "Crews cleared the wreck." not in kept
    assert kept[text.index("Ships")] == " "


def test_parse_text_keeps_every_sentence_a_quote_runs_through():
    text = "Intro line\nNothing here. “We will build. We will hire. We will stay,” the chief executive told staff."
    kept = parse_text(text)
    assert "We will hire." in kept and "Nothing here." not in kept
