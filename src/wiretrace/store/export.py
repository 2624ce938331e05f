"""Exports: the JSONL interchange records (eval/FORMAT.md), and statement tables.

JSONL is the contract the scorers read: for each article its ``article``
record, then its ``statement`` records, then its ``timex`` records (then,
once, the linker's ``entity``, ``utterance``, ``story`` and ``near_duplicate``
records, which the scorers skip), with the
contract's keys in its order (a few extra keys ride along: ``url``,
``language``, ``method``, speaker ``via``, timex ``rule``). CSV and Parquet
hold one row per statement joined with its article's columns. Every format
is written while the store is read: nothing is built whole in memory.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from wiretrace.errors import WiretraceError
from wiretrace.model import Article, Statement, Timex
from wiretrace.store import rows

if TYPE_CHECKING:
    from wiretrace.store.store import Store

FORMATS = ("jsonl", "csv", "parquet")
STDOUT = "-"
# Statement rows per Parquet row group: bounds memory, keeps groups a useful size.
PARQUET_BATCH_ROWS = 10_000

_INT = pa.int64()
_STR = pa.string()
TABLE_SCHEMA = pa.schema([
    ("article_id", _STR), ("article_source", _STR), ("article_title", _STR),
    ("article_outlet", _STR), ("article_url", _STR), ("article_pub_date", _STR),
    ("article_pub_date_source", _STR), ("article_event", _STR),
    ("statement_id", _STR), ("text", _STR), ("start", _INT), ("end", _INT),
    ("spans", pa.list_(pa.list_(_INT))), ("kind", _STR),
    ("speaker_name", _STR), ("speaker_mention", _STR), ("speaker_start", _INT),
    ("speaker_end", _INT), ("speaker_type", _STR), ("speaker_via", pa.list_(_STR)),
    ("cue_text", _STR), ("cue_start", _INT), ("cue_end", _INT),
    ("date", _STR), ("confidence", pa.float64()), ("method", _STR), ("utterance", _STR),
    ("date_rule", _STR),
])
TABLE_COLUMNS = tuple(TABLE_SCHEMA.names)


class ExportError(WiretraceError):
    """An export that cannot be written as asked (unknown format, no path)."""


def article_record(article: Article) -> dict[str, Any]:
    """The ``article`` record of FORMAT.md (``text`` is the cleaned text)."""
    return {
        "type": "article", "id": article.id, "source": article.source, "title": article.title,
        "text": article.text, "pub_date": article.pub_date, "pub_date_source": article.pub_date_source,
        "pub_date_evidence": rows.evidence_dict(article.pub_date_evidence),
        "outlet": article.outlet, "event": article.event,
        "url": article.url, "language": article.language,
    }


def statement_record(article_id: str, st: Statement) -> dict[str, Any]:
    """The ``statement`` record of FORMAT.md."""
    speaker = None
    if st.speaker is not None:
        sp = st.speaker
        speaker = {"name": sp.name, "mention": sp.mention, "start": sp.start, "end": sp.end,
                   "type": sp.type, "via": list(sp.via)}
    cue = None if st.cue is None else {"text": st.cue.text, "start": st.cue.start, "end": st.cue.end}
    return {
        "type": "statement", "article": article_id, "id": st.id, "text": st.text,
        "start": st.start, "end": st.end, "spans": [[s, e] for s, e in st.spans], "kind": st.kind,
        "speaker": speaker, "cue": cue, "date": st.date, "confidence": st.confidence,
        "utterance": st.utterance, "method": st.method, "date_evidence": rows.evidence_dict(st.date_evidence),
    }


def timex_record(article_id: str, tx: Timex) -> dict[str, Any]:
    """The ``timex`` record of FORMAT.md (the model's ``type`` is ``timex_type`` here)."""
    return {
        "type": "timex", "article": article_id, "start": tx.start, "end": tx.end, "text": tx.text,
        "timex_type": tx.type, "value": tx.value, "rule": tx.rule,
    }


def article_records(article: Article) -> Iterator[dict[str, Any]]:
    """One article's records: the article, its statements, its timexes."""
    yield article_record(article)
    for st in article.statements:
        yield statement_record(article.id, st)
    for tx in article.timexes:
        yield timex_record(article.id, tx)


def export_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record of the store, article by article in pub_date order, then the linker's records, streamed."""
    for article in store.iter_articles():
        yield from article_records(article)
    yield from store.link_records()


def statement_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One flat row per statement, with its article's columns (the CSV / Parquet table)."""
    for article in store.iter_articles():
        for st in article.statements:
            yield table_row(article, st)


def table_row(article: Article, st: Statement) -> dict[str, Any]:
    """A statement and its article as one row of TABLE_COLUMNS."""
    row = rows.statement_row(article.id, st)
    row["statement_id"] = row.pop("id")
    evidence = row.pop("date_evidence")
    row["date_rule"] = None if evidence is None else evidence["rule"]
    return {
        "article_source": article.source, "article_title": article.title,
        "article_outlet": article.outlet, "article_url": article.url,
        "article_pub_date": article.pub_date, "article_pub_date_source": article.pub_date_source,
        "article_event": article.event, **row,
    }


def write_export(store: Store, fmt: str, out: str | Path) -> int:
    """Write the store as jsonl, csv or parquet to ``out`` ("-": stdout, not for parquet).

    Returns how many records (jsonl) or rows (csv, parquet) were written.
    """
    if fmt not in FORMATS:
        raise ExportError(f"{fmt}: unknown export format (one of {', '.join(FORMATS)})")
    if fmt == "parquet":
        if str(out) == STDOUT:
            raise ExportError("parquet: needs a file path, not stdout")
        return write_parquet(statement_rows(store), Path(out))
    with _open_text(out) as handle:
        if fmt == "jsonl":
            return write_jsonl(export_records(store), handle)
        return write_csv(statement_rows(store), handle)


@contextlib.contextmanager
def _open_text(out: str | Path) -> Iterator[IO[str]]:
    if str(out) == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def write_jsonl(records: Iterator[dict[str, Any]], handle: IO[str]) -> int:
    """One JSON object a line (UTF-8, not escaped); returns the count."""
    count = 0
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterator[dict[str, Any]], handle: IO[str]) -> int:
    """The statement table as CSV: lists as JSON, missing values empty."""
    writer = csv.DictWriter(handle, fieldnames=TABLE_COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: _csv_cell(value) for key, value in row.items()})
        count += 1
    return count


def _csv_cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def write_parquet(rows: Iterator[dict[str, Any]], path: Path) -> int:
    """The statement table as Parquet, one row group per PARQUET_BATCH_ROWS rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with pq.ParquetWriter(path, TABLE_SCHEMA) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == PARQUET_BATCH_ROWS:
                count += _write_batch(writer, batch)
        count += _write_batch(writer, batch)
    return count


def _write_batch(writer: pq.ParquetWriter, batch: list[dict[str, Any]]) -> int:
    """Write and empty a batch; an empty one writes nothing."""
    size = len(batch)
    if size:
        writer.write_table(pa.Table.from_pylist(batch, schema=TABLE_SCHEMA))
        batch.clear()
    return size
