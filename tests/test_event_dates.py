"""An undated article dated by another outlet's report of the same event (wiretrace.link.event_dates).

Real model, real SQLite store; the articles are written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from wiretrace.batch import ingest
from wiretrace.prefilter import parse_text
from wiretrace.reanalyze import plan_reanalysis, reanalyze
from wiretrace.store import open_store, write_export
from wiretrace.time import tag_timexes
from wiretrace.time.events import event_days

# Scraped with no date: the lead reports the summit as the day's news.
UNDATED = (
    "Coastal states will share the cost of dredging the silted harbour channels, the water council's chief "
    "said today.\n"
    "Opening a two-day summit of harbour ministers in Lisbon, council director Maria Okafor said: "
    "\u201cThe silt will not wait for us, and neither will the ports.\u201d\n"
    "The harbour ministers are expected to sign the dredging treaty before the summit closes, she said. "
    "Fishing crews and port traders have warned that the silted channels cost them every week.\n"
)
# The day before, another outlet named the summit's day.
DATED = (
    "date 2025-03-02\n"
    "Harbour ministers of six coastal states will gather at a summit in Lisbon on March 3 to sign a dredging "
    "treaty, the water council said.\n"
    "Council director Maria Okafor said the silted harbour channels had cost fishing crews and port traders "
    "dearly, and that the dredging treaty would share the cost among the coastal states.\n"
)
# Another summit in Lisbon, another story: its words are not the harbour story's.
OTHER = (
    "Orchestra players walked out of the concert hall rehearsal, the musicians' union said today.\n"
    "Speaking at a summit of arts funders in Lisbon, union secretary Paulo Reis said: "
    "\u201cNo violinist can live on these fees.\u201d\n"
)


def write_articles(folder: Path, **texts: str) -> Path:
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def events_of(pipe, text: str, pub_date: str | None):
    doc = pipe.nlp(parse_text(text))
    return event_days(text, doc, tag_timexes(text, pub_date, doc), pub_date)


def test_a_dated_sentence_gives_its_events_the_day_it_names(pipe):
    found = events_of(pipe, DATED[16:], "2025-03-02")
    assert {(e.key, e.day) for e in found} == {("summit|lisbon", "2025-03-03")}
    assert DATED[16:][found[0].start:found[0].end] == "summit"


def test_an_undated_lead_reports_its_events_without_a_day(pipe):
    found = events_of(pipe, UNDATED, None)
    assert {(e.key, e.day) for e in found} == {("summit|lisbon", None)}


def test_a_future_event_or_one_past_the_lead_is_not_the_articles_day(pipe):
    future = "The ministers will open a summit in Lisbon, the council said.\n"
    assert events_of(pipe, future, None) == []
    late = ("The council said the silt was rising.\n\nIt said so again.\n\nFishers said so too.\n\n"
            "Okafor said she opened a summit in Lisbon.\n")
    assert events_of(pipe, late, None) == []


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh SQLite file, and a fresh PostgreSQL database when a server can be had (else skipped)."""
    return str(tmp_path / "w.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")


def test_the_undated_report_takes_the_day_of_the_dated_one_and_joins_its_story(pipe, tmp_path: Path, db: str):
    folder = write_articles(tmp_path / "in", a_undated=UNDATED, b_dated=DATED, c_other=OTHER)
    with open_store(db) as store:
        report = ingest(pipe, store, [str(folder)])
        assert report.stored == 3 and not report.errors
        articles = {Path(a.source).stem: a for a in store.iter_articles()}
        undated = articles["a_undated"]
        assert undated.pub_date == "2025-03-03" and undated.pub_date_source == "text"
        evidence = undated.pub_date_evidence
        assert (evidence.rule, evidence.article) == ("same_event", articles["b_dated"].id)
        assert [UNDATED[m.start:m.end] for m in evidence.mentions] == ["summit"]
        assert {st.date for st in undated.statements} == {"2025-03-03"}
        assert undated.event == articles["b_dated"].event
        assert articles["c_other"].pub_date is None  # same key, another story: not dated by it
        assert articles["c_other"].event != undated.event
        again = ingest(pipe, store, [str(folder)])
        assert again.stored == 0 and again.duplicates == 3
        with store.engine.connect() as conn:
            rows = conn.execute(sa.text("select article_id, key, day from event_days")).all()
        assert sorted(map(tuple, rows)) == sorted([(articles["b_dated"].id, "summit|lisbon", "2025-03-03"),
                                                   (undated.id, "summit|lisbon", "2025-03-03"),
                                                   (articles["c_other"].id, "summit|lisbon", None)])


def test_reanalyze_dates_it_again(pipe, tmp_path: Path):
    folder = write_articles(tmp_path / "in", a_undated=UNDATED, b_dated=DATED)
    with open_store(str(tmp_path / "w.db")) as store:
        ingest(pipe, store, [str(folder)])
        write_export(store, "jsonl", tmp_path / "fresh.jsonl")
        with store.writing() as conn:
            conn.execute(sa.text("update articles set analyzed_by = 'old'"))
        assert reanalyze(pipe, store, plan_reanalysis(pipe, store)).reanalyzed == 2
        write_export(store, "jsonl", tmp_path / "again.jsonl")
    fresh, again = ((tmp_path / f"{n}.jsonl").read_text().splitlines() for n in ("fresh", "again"))
    dated = [json.loads(line) for line in again if '"type": "article"' in line]
    assert {a["pub_date"] for a in dated} == {"2025-03-02", "2025-03-03"}
    assert again == fresh


def test_an_undated_article_whose_link_failed_is_dated_and_linked_by_a_rerun(pipe, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch):
    import wiretrace.batch

    folder = write_articles(tmp_path / "in", a_undated=UNDATED, b_dated=DATED)
    real_link = wiretrace.batch.link_article

    def fail_on_undated(store, article):
        if article.source.endswith("a_undated.txt"):
            raise RuntimeError("disk full")
        real_link(store, article)

    with open_store(str(tmp_path / "w.db")) as store:
        monkeypatch.setattr(wiretrace.batch, "link_article", fail_on_undated)
        first = ingest(pipe, store, [str(folder)])
        assert [e.source for e in first.errors] == [str(folder / "a_undated.txt")]
        monkeypatch.setattr(wiretrace.batch, "link_article", real_link)
        again = ingest(pipe, store, [str(folder)])
        assert not again.errors and again.duplicates == 2
        undated = store.get_article(str(folder / "a_undated.txt"))
        assert undated.pub_date == "2025-03-03" and store.is_linked(undated.id)
