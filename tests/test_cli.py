"""The command line, run in-process on a real SQLite file, as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from wiretrace.cli import EXAMPLES, app
from wiretrace.store import open_store

GOOD = 'Mayor Ann Holt said on Monday: "The bridge will reopen in May."\n'


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    """A folder of good articles and one of each kind of bad input."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "broken-utf8.txt").write_bytes("\ufeffCaf\u00e9 owner said: ".encode() + b"\xff\xfe ok\n")
    (folder / "records.jsonl").write_text(
        json.dumps({"source": "r1", "text": "Coach Rita Sand said the team was tired.", "pub_date": "2025-01-02"})
        + "\n{not json\n"
        + json.dumps({"source": "r3", "text": "The club is fourth."}) + "\n", encoding="utf-8")
    return folder


def test_ingest_bad_inputs_each_get_one_line_and_the_batch_goes_on(batch: Path, tmp_path: Path):
    db = str(tmp_path / "w.db")
    result = run("ingest", str(batch), str(tmp_path / "missing.txt"), "--db", db, "--quiet")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 5, result.stderr
    expected = [("empty.txt", "empty file"), ("binary.txt", "binary file"),
                ("broken-utf8.txt", "invalid UTF-8 at byte"), ("records.jsonl:2", "invalid JSON"),
                ("missing.txt", "no such file or directory")]
    for name, problem in expected:
        assert any(name in line and problem in line for line in errors), (name, errors)
    with open_store(db) as store:
        assert store.counts()["articles"] == 3
        assert len(store.errors()) == 5


def test_rerun_stores_nothing_twice(batch: Path, tmp_path: Path):
    db = str(tmp_path / "w.db")
    run("ingest", str(batch), "--db", db, "--quiet")
    with open_store(db) as store:
        first = store.counts()
    again = run("ingest", str(batch), "--db", db)
    assert "0 stored, 3 already stored, 4 failed" in again.stderr
    with open_store(db) as store:
        assert store.counts() == first


def test_stdin_and_env_db(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("WIRETRACE_DB", str(tmp_path / "env.db"))
    result = run("ingest", "-", "--quiet", input=GOOD)
    assert result.exit_code == 0, result.output
    with open_store(str(tmp_path / "env.db")) as store:
        assert store.counts()["articles"] == 1


@pytest.fixture()
def filled(batch: Path, tmp_path: Path) -> str:
    db = str(tmp_path / "w.db")
    run("ingest", str(batch), "--db", db, "--quiet")
    return db


def test_export_jsonl_is_the_format(filled: str, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    assert run("export", "--db", filled, "--format", "jsonl", "-o", str(out)).exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    types = {r["type"] for r in records}
    assert {"article", "statement", "timex"} <= types <= {"article", "statement", "timex", "entity", "utterance",
                                                           "story", "near_duplicate"}
    article = next(r for r in records if r["type"] == "article" and r["source"].endswith("good.txt"))
    assert {"id", "source", "title", "text", "pub_date", "pub_date_source", "outlet", "event"} <= set(article)
    st = next(r for r in records if r["type"] == "statement" and r["article"] == article["id"])
    assert {"id", "text", "start", "end", "spans", "kind", "speaker", "cue", "date", "confidence",
            "utterance"} <= set(st)
    assert st["speaker"]["name"] == "Ann Holt" and GOOD[st["start"]:st["end"]] == st["text"]
    timex = next(r for r in records if r["type"] == "timex" and r["article"] == article["id"])
    assert GOOD[timex["start"]:timex["end"]] == timex["text"] == "Monday"


def test_export_csv_and_parquet(filled: str, tmp_path: Path):
    assert run("export", "--db", filled, "-f", "csv", "-o", str(tmp_path / "s.csv")).exit_code == 0
    assert run("export", "--db", filled, "-f", "parquet", "-o", str(tmp_path / "s.parquet")).exit_code == 0
    rows = (tmp_path / "s.csv").read_text(encoding="utf-8").splitlines()
    table = pq.read_table(tmp_path / "s.parquet")
    assert table.num_rows == len(rows) - 1 >= 2


def test_export_unknown_format_is_a_clear_error(filled: str):
    result = run("export", "--db", filled, "-f", "xml")
    assert result.exit_code == 2 and "xml" in result.stderr


def test_quotes_search(filled: str):
    result = run("quotes", "--db", filled, "--speaker", "holt", "--json")
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(hits) == 1 and hits[0]["speaker"]["name"] == "Ann Holt"
    assert run("quotes", "--db", filled, "--text", "bridge").stdout.count("Ann Holt") == 1
    assert "no statements match" in run("quotes", "--db", filled, "--text", "volcano").stdout


def test_show_highlights_an_article(filled: str, batch: Path):
    result = run("show", str(batch / "good.txt"), "--db", filled)
    assert result.exit_code == 0
    assert "Ann Holt" in result.stdout and "The bridge will reopen in May." in result.stdout
    assert run("show", "nope", "--db", filled).exit_code == 2


def test_bench_prints_the_ratio(tmp_path: Path):
    result = run("bench", str(EXAMPLES), "--repeat", "1", "--json")
    figures = json.loads(result.stdout)
    assert figures["articles"] >= 5 and figures["ratio"] > 0 and figures["same_ops_ratio"] > 0
    assert figures["wiretrace_words_per_s"] > 0 and figures["reference_words_per_s"] > 0


def test_demo_prints_who_said_what(tmp_path: Path):
    result = run("demo", "--db", str(tmp_path / "demo.db"))
    assert result.exit_code == 0, result.output
    assert "Maria Okafor" in result.stdout and "[direct]" in result.stdout
    # The undated Lisbon page borrows the day the Geneva report gives its talks.
    assert "still unsettled (outlet unknown, 2025-03-11)" in " ".join(result.stdout.split())


def test_a_failed_link_keeps_the_article_and_a_rerun_links_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import wiretrace.batch

    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    db = str(tmp_path / "wire.db")
    real_link = wiretrace.batch.link_article

    def broken_link(store, article):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(wiretrace.batch, "link_article", broken_link)
    first = run("ingest", str(tmp_path / "good.txt"), "--db", db, "--quiet")
    assert "stored, but could not be linked to other articles (a rerun retries): RuntimeError" in first.output
    assert "could not be stored" not in first.output
    with open_store(db) as store:
        assert store.counts()["articles"] == 1
        (article,) = store.iter_articles()
        assert all(st.utterance is None for st in article.statements)
    monkeypatch.setattr(wiretrace.batch, "link_article", real_link)
    run("ingest", str(tmp_path / "good.txt"), "--db", db, "--quiet")
    with open_store(db) as store:
        assert store.counts()["articles"] == 1
        (article,) = store.iter_articles()
        assert article.statements and all(st.utterance for st in article.statements)


def test_the_progress_total_counts_records_of_plain_and_gzipped_jsonl(tmp_path: Path):
    import gzip

    from wiretrace.batch import count_inputs

    lines = "".join(json.dumps({"text": f"Mayor Ann Holt said {n}."}) + "\n" for n in range(40))
    (tmp_path / "plain.jsonl").write_text(lines + "\n", encoding="utf-8")
    (tmp_path / "packed.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (tmp_path / "one.txt").write_text(GOOD, encoding="utf-8")
    assert count_inputs([str(tmp_path)]) == 40 + 40 + 1
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(lines.encode())[:30])
    assert count_inputs([str(tmp_path)]) == 40 + 40 + 1 + 1  # a broken file is one (failed) item
