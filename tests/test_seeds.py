"""The five seed articles end to end: ingest, export, offsets, and the seed scorer's figures.

Reads ../shared (skipped where it is absent); the floors sit a little under
the measured figures so that an accuracy drop fails the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wiretrace.cli import app

FLOORS = {"statements_found": 59, "speaker_correct": 59, "kind_correct": 59, "statement_precision": 0.86,
          "debris_removed": 9, "real_text_kept": 5, "article_words_kept": 0.995, "said_dates_correct": 14,
          "pub_dates": 2}
CEILINGS = {"debris_quotes_extracted": 0}


@pytest.fixture(scope="module")
def export(shared_dir: Path, tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("seeds")
    db, out = str(tmp / "seeds.db"), tmp / "seeds.jsonl"
    runner = CliRunner()
    for _ in range(2):  # the second run must change nothing
        assert runner.invoke(app, ["ingest", str(shared_dir / "corpus/seeds"), "--db", db, "-q"]).exit_code == 0
    assert runner.invoke(app, ["export", "--db", db, "-o", str(out)]).exit_code == 0
    return out, shared_dir


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_five_articles_once_each(export):
    recs = records(export[0])
    articles = [r for r in recs if r["type"] == "article"]
    assert len(articles) == 5
    assert sum(r["type"] == "statement" for r in recs) >= 59
    assert sum(r["type"] == "timex" for r in recs) > 10


def test_every_offset_points_at_its_words(export):
    recs = records(export[0])
    raw = {r["id"]: Path(r["source"]).read_text(encoding="utf-8") for r in recs if r["type"] == "article"}
    for r in recs:
        if r["type"] == "timex":
            assert raw[r["article"]][r["start"]:r["end"]] == r["text"]
        elif r["type"] == "statement":
            text = raw[r["article"]]
            assert text[r["start"]:r["end"]] == r["text"]
            assert all(r["start"] <= s < e <= r["end"] for s, e in r["spans"])
            sp = r["speaker"]
            assert text[sp["start"]:sp["end"]] == sp["mention"]
            if r["cue"] is not None:  # a quote that carries on the previous speaker has none
                assert text[r["cue"]["start"]:r["cue"]["end"]] == r["cue"]["text"]


def test_seed_scorer_figures(export):
    out, shared = export
    result = subprocess.run([sys.executable, str(shared / "eval/score_seeds.py"), str(out), "--json"],
                            capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout)
    for key, floor in FLOORS.items():
        value = figures[key]
        got = int(value.split("/")[0]) if isinstance(value, str) else value
        assert got >= floor, (key, value)
    for key, ceiling in CEILINGS.items():
        assert figures[key] <= ceiling, (key, figures[key])


# --- across articles (wiretrace.link) ---------------------------------------------------------


def _seed_of(record: dict) -> str:
    return Path(record["source"]).name[:3]


def test_every_seed_statement_has_an_utterance_and_other_occasions_stay_apart(export):
    out, shared = export
    recs = records(out)
    assert all(r["utterance"] for r in recs if r["type"] == "statement")
    result = subprocess.run([sys.executable, str(shared / "eval/score_seeds.py"), str(out), "--json"],
                            capture_output=True, text=True, check=True)
    assert json.loads(result.stdout)["occasions_wrongly_merged"] == 0


def test_seed_speakers_are_one_entity_each(export):
    entities = {r["name"]: r for r in records(export[0]) if r["type"] == "entity"}
    assert entities["Jens Stoltenberg"]["statements"] >= 40
    assert "Mr Stoltenberg" in entities["Jens Stoltenberg"]["aliases"]
    assert not any(name != "Jens Stoltenberg" and "Stoltenberg" in name for name in entities)


def test_brussels_articles_are_one_story_and_the_others_three(export):
    articles = {_seed_of(r): r for r in records(export[0]) if r["type"] == "article"}
    if not (articles["000"]["pub_date"] and articles["003"]["pub_date"]):
        pytest.skip("the Brussels articles' pub_dates are not inferred yet: stories need them")
    events = {seed: article["event"] for seed, article in articles.items()}
    assert events["000"] == events["003"]
    assert len({events["000"], events["001"], events["002"], events["004"]}) == 4
