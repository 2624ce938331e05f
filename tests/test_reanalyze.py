"""Articles met again are not analyzed again; an older analysis is found and `reanalyze` brings it up to date."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

import wiretrace.batch
import wiretrace.reanalyze
from wiretrace.batch import ingest
from wiretrace.cli import app
from wiretrace.reanalyze import plan_reanalysis, reanalyze
from wiretrace.store import Store, open_store, write_export
from wiretrace.store.schema import articles
from wiretrace.version import analysis_version

ARTICLES = [
    {"source": "harbour-1", "pub_date": "2025-03-03", "outlet": "Harbour Wire",
     "text": "Quay repairs\n\nHarbour master Lena Brandt said on Monday that the quay would reopen in May. "
             '"The repairs are ahead of schedule," she told reporters.\n'},
    {"source": "harbour-2", "pub_date": "2025-03-04", "outlet": "Coast Daily",
     "text": "Quay to reopen\n\nLena Brandt, the harbour master, said the repairs were ahead of schedule. "
             '"The repairs are ahead of schedule," Brandt said on Monday.\n'},
    {"source": "ferry-1", "pub_date": "2025-03-05", "outlet": "Harbour Wire",
     "text": "Ferry fares\n\nThe ferry company said fares would rise by a tenth in April.\n"},
]


@pytest.fixture()
def wire(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in ARTICLES), encoding="utf-8")
    return path


def export_lines(store: Store, path: Path) -> list[str]:
    write_export(store, "jsonl", str(path))
    return path.read_text(encoding="utf-8").splitlines()


def mark_outdated(store: Store, source: str | None = None) -> None:
    """Pretend an older Wiretrace analyzed one article (or all of them)."""
    query = sa.update(articles).values(analyzed_by="wiretrace 0.0.1")
    with store.writing() as conn:
        conn.execute(query if source is None else query.where(articles.c.source == source))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on SQLite, and on PostgreSQL when a server can be had (conftest.py; else skipped)."""
    url = str(tmp_path / "w.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with open_store(url) as opened:
        yield opened


def test_a_rerun_analyzes_nothing_again_and_counts_what_an_older_version_made(
        pipe, wire: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    analyzed: list[str] = []
    real_stream = wiretrace.batch.analyze_stream

    def counting_stream(pipe, items, n_process=1):
        for item in real_stream(pipe, items, n_process):
            analyzed.append(item.source)
            yield item

    monkeypatch.setattr(wiretrace.batch, "analyze_stream", counting_stream)
    with open_store(str(tmp_path / "w.db")) as store:
        first = ingest(pipe, store, [str(wire)])
        assert (first.stored, first.duplicates, first.outdated) == (3, 0, 0)
        assert len(analyzed) == 3
        mark_outdated(store, "ferry-1")
        (wire.parent / "copy.txt").write_text(ARTICLES[0]["text"], encoding="utf-8")
        second = ingest(pipe, store, [str(wire), str(wire.parent / "copy.txt")])
        assert len(analyzed) == 3  # nothing analyzed twice
        assert (second.stored, second.duplicates, second.outdated) == (0, 4, 1)
        assert sorted(second.article_ids) == sorted([*first.article_ids, first.article_ids[0]])
        (harbour,) = [a for a in store.iter_articles() if a.source == "harbour-1"]
        assert store.get_article(str(wire.parent / "copy.txt")).id == harbour.id  # the new source is noted


def test_reanalyze_rebuilds_what_a_fresh_ingest_gives(pipe, wire: Path, tmp_path: Path, store: Store):
    with store:
        ingest(pipe, store, [str(wire)])
        fresh = export_lines(store, tmp_path / "fresh.jsonl")
        assert plan_reanalysis(pipe, store).todo == []
        mark_outdated(store, "harbour-2")
        plan = plan_reanalysis(pipe, store)
        assert (plan.articles, plan.outdated, plan.relink_all, len(plan.todo)) == (3, 1, True, 3)
        report = reanalyze(pipe, store)
        assert report.reanalyzed == 3 and not report.errors
        assert export_lines(store, tmp_path / "again.jsonl") == fresh
        version = analysis_version(pipe.nlp, pipe.model_name)
        assert {s.analyzed_by for s in store.analysis_states()} == {version}
        assert plan_reanalysis(pipe, store).todo == []


def test_an_interrupted_reanalyze_is_finished_by_a_rerun(pipe, wire: Path, tmp_path: Path):
    with open_store(str(tmp_path / "w.db")) as store:
        ingest(pipe, store, [str(wire)])
        fresh = export_lines(store, tmp_path / "fresh.jsonl")
        mark_outdated(store)

        def stop_after_first(_item) -> None:
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            reanalyze(pipe, store, on_item=stop_after_first)
        plan = plan_reanalysis(pipe, store)
        assert (plan.outdated, plan.relink_all, len(plan.todo)) == (2, False, 2)
        assert reanalyze(pipe, store, plan).reanalyzed == 2
        assert export_lines(store, tmp_path / "again.jsonl") == fresh


def test_an_article_that_fails_keeps_its_old_analysis_and_the_rest_go_on(
        pipe, wire: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    real_link = wiretrace.reanalyze.link_article

    def link_unless_ferry(store, article):
        if article.source == "ferry-1":
            raise RuntimeError("disk full")
        real_link(store, article)

    with open_store(str(tmp_path / "w.db")) as store:
        ingest(pipe, store, [str(wire)])
        fresh = export_lines(store, tmp_path / "fresh.jsonl")
        mark_outdated(store)
        monkeypatch.setattr(wiretrace.reanalyze, "link_article", link_unless_ferry)
        report = reanalyze(pipe, store)
        assert report.reanalyzed == 2
        assert [str(e) for e in report.errors] == [
            "ferry-1: could not be re-analyzed and relinked: RuntimeError: disk full"]
        assert store.errors()[0]["source"] == "ferry-1"
        monkeypatch.setattr(wiretrace.reanalyze, "link_article", real_link)
        assert len(plan_reanalysis(pipe, store).todo) == 1
        assert reanalyze(pipe, store).reanalyzed == 1
        assert export_lines(store, tmp_path / "again.jsonl") == fresh


def test_the_cli_says_what_is_outdated_and_reanalyze_updates_it(wire: Path, tmp_path: Path):
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(wire), "--db", db, "--quiet"])
    with open_store(db) as store:
        mark_outdated(store, "harbour-1")
    again = runner.invoke(app, ["ingest", str(wire), "--db", db])
    assert "0 stored, 3 already stored, 0 failed" in again.stderr
    assert "1 of the articles already stored were analyzed by another version" in again.stderr
    result = runner.invoke(app, ["reanalyze", "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 of 3 articles were outdated; 3 re-analyzed and relinked, 0 failed" in result.stderr
    result = runner.invoke(app, ["reanalyze", "--db", db])
    assert "0 of 3 articles were outdated; 0 re-analyzed and relinked, 0 failed" in result.stderr
