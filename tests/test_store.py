"""The store on a real SQLite file (and a real PostgreSQL server when one is named).

The backend-neutral tests run on PostgreSQL too: on a throwaway server the
tests start (``pg_admin_url`` in conftest.py) or on the one WIRETRACE_TEST_PG
names (a URL the user may create databases from); each test gets a fresh
database.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from wiretrace.model import Article, DateEvidence, Mention, Speaker, Statement, Timex, content_hash
from wiretrace.store import (
    AmbiguousKeyError,
    ExportError,
    Store,
    default_db_path,
    export_records,
    migrate,
    open_store,
    read,
    rows,
    write_export,
)
from wiretrace.store.export import TABLE_COLUMNS, table_row
from wiretrace.store.schema import is_search_object, metadata

RAW = (
    "BRUSSELS (Reuters) - NATO's chief spoke.\n"
    "Jens Stoltenberg said: \"We meet at a critical time for our security.\" "
    "He added that allies must do more, Share this article. "
    "A Western official said yesterday the talks were hard."
)


def _at(text: str, part: str) -> tuple[int, int]:
    start = RAW.index(part)
    return start, start + len(part)


def make_article(raw: str = RAW, source: str = "wires/one.txt", **fields: object) -> Article:
    """A small article with one statement of each shape (full, no speaker and no cue)."""
    quote = _at(raw, "We meet at a critical time for our security.")
    said = _at(raw, "said")
    name = _at(raw, "Jens Stoltenberg")
    debris = _at(raw, " Share this article.")
    yesterday = _at(raw, "yesterday")
    first = Statement(
        id="s1", text=raw[quote[0]:quote[1]], start=quote[0], end=quote[1], spans=[quote],
        kind="direct", speaker=Speaker("Jens Stoltenberg", "Jens Stoltenberg", *name, "person", ["title"]),
        cue=Mention(*said, "said"), confidence=0.93, method="cue-verb", date="2023-02-14", utterance="u17",
        date_evidence=DateEvidence("cue-timex", [Mention(*yesterday, "yesterday")], 0.9),
    )
    second = Statement(
        id="s2", text="the talks were hard", start=raw.index("the talks"), end=len(raw) - 1,
        spans=[(raw.index("the talks"), raw.index("the talks") + 9), (raw.index("were"), len(raw) - 1)],
        kind="indirect", speaker=None, cue=None, confidence=0.4, method="fallback",
    )
    defaults: dict[str, object] = dict(
        id=content_hash(raw), source=source, raw=raw, text=raw.replace(" Share this article.", ""),
        title="NATO meets", outlet="Reuters", url="https://example.org/a", pub_date="2023-02-15",
        pub_date_source="metadata", pub_date_evidence=DateEvidence("metadata"), language="en", event="e1",
        debris=[Mention(*debris, raw[debris[0]:debris[1]])], statements=[first, second],
        timexes=[Timex(*yesterday, "yesterday", "DATE", "2023-02-14", "yesterday-rel")],
    )
    defaults.update(fields)
    return Article(**defaults)  # type: ignore[arg-type]


def variant(n: int, **fields: object) -> Article:
    """Another article (other text, so another id), with some fields changed."""
    return make_article(RAW + f" ({n})", source=f"wires/{n}.txt", **fields)


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "deep" / "dir" / "w.db")) as store:
        yield store


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    with open_store(pg_url) as store:
        yield store


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> Store:
    """The store on each backend: SQLite always, PostgreSQL when a server can be had (conftest.py)."""
    return request.getfixturevalue(f"{request.param.replace('postgresql', 'pg')}_store")


# --- opening, schema, settings -------------------------------------------------------------


def test_schema_comes_from_alembic_at_head(store: Store) -> None:
    with store.engine.connect() as conn:
        assert migrate.current_revisions(conn) == migrate.head_revisions()
        assert sa.inspect(conn).has_table("alembic_version")


def test_migrations_match_schema_module(store: Store) -> None:
    """schema.py (what queries use) and the migrations (what made the tables) agree."""
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _not_fts})
        assert compare_metadata(context, metadata) == []


def _not_fts(name: str | None, type_: str, _parents: object) -> bool:
    return not is_search_object(name, type_)


def test_reopening_at_head_runs_no_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "w.db")
    open_store(db).close()

    def refuse(*_args: object) -> None:
        raise AssertionError("upgrade ran on a store at head")

    monkeypatch.setattr(migrate.command, "upgrade", refuse)
    with open_store(db) as store:
        assert store.counts()["articles"] == 0


def test_sqlite_wal_foreign_keys_busy_timeout(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_open_store_takes_a_url(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'u' / 'w.db'}") as store:
        assert store.add_article(make_article())
    assert (tmp_path / "u" / "w.db").is_file()


def test_default_db_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRETRACE_DB", "postgresql+psycopg://u@h/db")
    assert default_db_path() == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("WIRETRACE_DB")
    path = Path(default_db_path())
    assert path.name == "wiretrace.db" and "wiretrace" in path.parent.as_posix().lower()


# --- writing ---------------------------------------------------------------------------------


def test_round_trip_keeps_every_field(store: Store) -> None:
    article = make_article()
    assert store.add_article(article)
    assert store.get_article(article.id) == article


def test_speaker_without_name_and_empty_lists_round_trip(store: Store) -> None:
    st = make_article().statements[0]
    st.speaker = Speaker(None, "a Western official", 5, 23, "anonymous")
    article = make_article(statements=[st], timexes=[], debris=[])
    store.add_article(article)
    assert store.get_article(article.id) == article


def test_same_article_twice_is_stored_once(store: Store) -> None:
    article = make_article()
    assert store.add_article(article) is True
    before = store.counts()
    assert store.add_article(article) is False
    assert store.counts() == before == {"articles": 1, "statements": 2, "timexes": 1, "errors": 0}


def test_second_source_of_the_same_text_is_linked(store: Store) -> None:
    article = make_article()
    store.add_article(article)
    assert store.add_article(make_article(source="mirror/copy.html")) is False
    found = store.get_article("mirror/copy.html")
    assert found is not None and found.id == article.id and found.source == "wires/one.txt"
    assert store.counts()["articles"] == 1


def test_failure_half_way_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> dict:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(rows, "timex_row", broken)
    article = make_article()
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.add_article(article)
    assert store.counts() == {"articles": 0, "statements": 0, "timexes": 0, "errors": 0}
    assert store.get_article(article.source) is None
    assert store.search_statements(text="critical") == []
    monkeypatch.undo()
    assert store.add_article(article) is True


def test_errors_recorded_twice_make_one_row(store: Store) -> None:
    store.record_error("feed.jsonl", "not JSON", line=3)
    store.record_error("feed.jsonl", "not JSON", line=3)
    store.record_error("feed.jsonl", "not JSON", line=4)
    store.record_error("bad.txt", "cannot decode")
    store.record_error("bad.txt", "cannot decode")
    found = store.errors()
    assert [(e["source"], e["line"], e["count"]) for e in found] == [
        ("bad.txt", None, 2), ("feed.jsonl", 3, 2), ("feed.jsonl", 4, 1),
    ]
    assert found[0]["problem"] == "cannot decode" and found[0]["first_seen"] <= found[0]["last_seen"]
    assert store.counts()["errors"] == 3


# --- reading ---------------------------------------------------------------------------------


def test_get_article_by_id_prefix_and_source(store: Store) -> None:
    one, two = make_article(id="abc111"), variant(2, id="abc222")
    store.add_article(one)
    store.add_article(two)
    assert store.get_article("abc111") == one
    assert store.get_article("abc2") == two
    assert store.get_article("wires/2.txt") == two
    assert store.get_article("nope") is None
    assert store.get_article("") is None
    with pytest.raises(AmbiguousKeyError, match="abc"):
        store.get_article("abc")


def test_iter_articles_by_pub_date_then_id_undated_last(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "ARTICLE_BATCH", 3)  # four articles: two batches
    dates = {1: "2023-03-01", 2: None, 3: "2023-01-05", 4: "2023-03-01"}
    for n, date in dates.items():
        store.add_article(variant(n, pub_date=date))
    found = [(a.pub_date, a.id) for a in store.iter_articles()]
    dated = sorted((d, a) for d, a in found if d is not None)
    assert found[:3] == dated and found[3][0] is None
    assert all(len(a.statements) == 2 and len(a.timexes) == 1 for a in store.iter_articles())


# --- search ----------------------------------------------------------------------------------


@pytest.fixture
def searchable(store: Store) -> Store:
    store.add_article(make_article())
    store.add_article(variant(2, outlet="Daily Mirror", pub_date="2023-06-01", statements=[
        Statement("s1", "Peace talks must go on.", 0, 10, [(0, 10)], "direct",
                  Speaker("Emmanuel Macron", "The French President", 0, 20, "person"),
                  Mention(21, 25, "said"), 0.8, "cue-verb"),
    ]))
    return store


def test_search_finds_a_statement_by_a_word(searchable: Store) -> None:
    hits = searchable.search_statements(text="critical")
    assert [(h.statement.id, h.source, h.outlet) for h in hits] == [("s1", "wires/one.txt", "Reuters")]
    assert hits[0].statement.speaker.name == "Jens Stoltenberg"
    assert hits[0].title == "NATO meets" and hits[0].pub_date == "2023-02-15"


def test_search_by_words_phrase_prefix_and_speaker_name(searchable: Store) -> None:
    assert len(searchable.search_statements(text="CRITICAL security")) == 1
    assert len(searchable.search_statements(text='"critical time"')) == 1
    assert searchable.search_statements(text='"time critical"') == []
    assert len(searchable.search_statements(text="critic*")) == 1
    assert [h.statement.id for h in searchable.search_statements(text="macron")] == ["s1"]


@pytest.mark.parametrize(
    "query", ['"NATO\'s', "-", "NATO's", "AND", "OR NOT", '"', "a:b", "(x", "*", "NEAR(a b)", "%_\\"]
)
def test_search_survives_punctuation(searchable: Store, query: str) -> None:
    assert isinstance(searchable.search_statements(text=query), list)


def test_search_ignores_blank_words_and_matches_none_for_pure_punctuation(searchable: Store) -> None:
    assert len(searchable.search_statements(text="  ")) == 3
    assert searchable.search_statements(text="- ;") == []


def test_search_by_speaker_name_or_mention(searchable: Store) -> None:
    assert [h.statement.text for h in searchable.search_statements(speaker="stoltenberg")] == [
        "We meet at a critical time for our security."
    ]
    assert len(searchable.search_statements(speaker="french PRESIDENT")) == 1
    assert searchable.search_statements(speaker="%") == []


def test_search_by_outlet_and_dates(searchable: Store) -> None:
    assert len(searchable.search_statements(outlet="mirror")) == 1
    assert len(searchable.search_statements(outlet="reuters")) == 2
    # s1 of the first article has its own date (2023-02-14); s2 falls back to pub_date (2023-02-15).
    assert [h.statement.id for h in searchable.search_statements(until="2023-02-14")] == ["s1"]
    assert [h.statement.id for h in searchable.search_statements(since="2023-02-15", until="2023-02")] == [
        "s2"
    ]
    assert len(searchable.search_statements(since="2023-06-01")) == 1
    assert len(searchable.search_statements(until="2023")) == 3


def test_search_orders_by_date_and_limits(searchable: Store) -> None:
    hits = searchable.search_statements()
    assert [h.statement.date or h.pub_date for h in hits] == ["2023-02-14", "2023-02-15", "2023-06-01"]
    assert len(searchable.search_statements(limit=2)) == 2


def test_fts_index_follows_statement_changes(sqlite_store: Store) -> None:
    article = make_article()
    sqlite_store.add_article(article)
    with sqlite_store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE statements SET text = 'fresh words' WHERE id = 's1'")
    assert sqlite_store.search_statements(text="critical") == []
    assert len(sqlite_store.search_statements(text="fresh")) == 1
    with sqlite_store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM articles")
        conn.exec_driver_sql("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
    assert sqlite_store.search_statements(text="fresh") == []
    assert sqlite_store.counts()["statements"] == 0


# --- export ----------------------------------------------------------------------------------


def test_export_records_follow_format_md(store: Store) -> None:
    article = make_article()
    store.add_article(article)
    records = list(export_records(store))
    assert [r["type"] for r in records] == ["article", "statement", "statement", "timex"]
    art, full, bare, timex = records
    assert art == {
        "type": "article", "id": article.id, "source": "wires/one.txt", "title": "NATO meets",
        "text": article.text, "pub_date": "2023-02-15", "pub_date_source": "metadata",
        "pub_date_evidence": {"rule": "metadata", "mentions": [], "confidence": None}, "outlet": "Reuters",
        "event": "e1", "url": "https://example.org/a", "language": "en",
    }
    st = article.statements[0]
    assert full == {
        "type": "statement", "article": article.id, "id": "s1", "text": st.text,
        "start": st.start, "end": st.end, "spans": [[st.start, st.end]], "kind": "direct",
        "speaker": {"name": "Jens Stoltenberg", "mention": "Jens Stoltenberg", "start": st.speaker.start,
                    "end": st.speaker.end, "type": "person", "via": ["title"]},
        "cue": {"text": "said", "start": st.cue.start, "end": st.cue.end},
        "date": "2023-02-14", "confidence": 0.93, "utterance": "u17", "method": "cue-verb",
        "date_evidence": {"rule": "cue-timex", "confidence": 0.9, "mentions": [
            {"start": RAW.index("yesterday"), "end": RAW.index("yesterday") + 9, "text": "yesterday"}]},
    }
    assert bare["speaker"] is None and bare["cue"] is None and bare["date"] is None
    assert timex == {
        "type": "timex", "article": article.id, "start": RAW.index("yesterday"),
        "end": RAW.index("yesterday") + 9, "text": "yesterday", "timex_type": "DATE",
        "value": "2023-02-14", "rule": "yesterday-rel",
    }
    assert RAW[full["start"]:full["end"]] == full["text"]


def test_write_jsonl_to_file_and_stdout(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    store.add_article(make_article())
    out = tmp_path / "x" / "out.jsonl"
    assert write_export(store, "jsonl", out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(export_records(store))
    assert write_export(store, "jsonl", "-") == 4
    assert capsys.readouterr().out.splitlines() == lines


def test_csv_and_parquet_read_back(store: Store, tmp_path: Path) -> None:
    store.add_article(make_article())
    store.add_article(variant(2))
    assert write_export(store, "csv", tmp_path / "s.csv") == 4
    with (tmp_path / "s.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == 4 and table[0]["article_outlet"] == "Reuters"
    assert json.loads(table[0]["spans"]) == [list(make_article().statements[0].spans[0])]
    assert write_export(store, "parquet", tmp_path / "s.parquet") == 4
    read = pq.read_table(tmp_path / "s.parquet")
    assert read.num_rows == 4
    first = read.to_pylist()[0]
    assert first["speaker_name"] == "Jens Stoltenberg" and first["statement_id"] == "s1"
    assert read.to_pylist()[1]["speaker_name"] is None and read.to_pylist()[1]["spans"][1][1] > 0


def test_table_rows_have_exactly_the_table_columns() -> None:
    article = make_article()
    for st in article.statements:
        assert set(table_row(article, st)) == set(TABLE_COLUMNS)


def test_export_rejects_unknown_format_and_parquet_to_stdout(store: Store) -> None:
    with pytest.raises(ExportError, match="xml"):
        write_export(store, "xml", "-")
    with pytest.raises(ExportError, match="parquet"):
        write_export(store, "parquet", "-")


# --- several processes at once -------------------------------------------------------------

WRITERS = 4


def _open_and_add(db: str, n: int) -> bool:
    """In a child process: open (maybe migrating) the store and add one article."""
    with open_store(db) as store:
        store.record_error("shared.jsonl", "bad line", line=1)
        return store.add_article(variant(n))


def test_processes_opening_a_new_store_at_once(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    # fork where there is one: a spawned child would import the whole package again.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(WRITERS, mp_context=context) as pool:
        stored = list(pool.map(_open_and_add, [db] * WRITERS, range(WRITERS)))
    assert stored == [True] * WRITERS
    with open_store(db) as store:
        assert store.counts() == {"articles": WRITERS, "statements": 2 * WRITERS,
                                  "timexes": WRITERS, "errors": 1}
        assert store.errors()[0]["count"] == WRITERS
