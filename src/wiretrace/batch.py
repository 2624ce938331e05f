"""Ingest a batch: read inputs, analyze them, store them; bad inputs noted, never fatal."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wiretrace.errors import InputError
from wiretrace.ingest import read_inputs
from wiretrace.model import Article
from wiretrace.pipeline import Pipeline, analyze_stream
from wiretrace.store import Store

JSONL_SUFFIXES = (".jsonl", ".ndjson")
INPUT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".json", *JSONL_SUFFIXES)


@dataclass
class IngestReport:
    """What one ingest run did."""

    stored: int = 0
    duplicates: int = 0
    errors: list[InputError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.stored + self.duplicates


def ingest(
    pipe: Pipeline,
    store: Store,
    inputs: Iterable[str],
    n_process: int = 1,
    on_item: Callable[[Article | InputError], None] | None = None,
) -> IngestReport:
    """Analyze and store every input; each bad one is recorded in the store and the report."""
    report = IngestReport()
    for item in analyze_stream(pipe, read_inputs(inputs), n_process):
        if isinstance(item, Article):
            item = _store(store, item, report)
        if isinstance(item, InputError):
            report.errors.append(item)
            store.record_error(item.source, item.problem, item.line)
        if on_item is not None:
            on_item(item)
    return report


def _store(store: Store, article: Article, report: IngestReport) -> Article | InputError:
    try:
        if store.add_article(article):
            report.stored += 1
        else:
            report.duplicates += 1
        report.article_ids.append(article.id)
    except Exception as err:  # noqa: BLE001 - a failed article is reported, the batch goes on
        return InputError(article.source, f"could not be stored: {type(err).__name__}: {err}")
    return article


def count_inputs(inputs: Iterable[str]) -> int | None:
    """How many articles the inputs hold (for a progress bar); None when unknowable (stdin)."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        files = list(_walk(path)) if path.is_dir() else [path]
        total += sum(_articles_in(f) for f in files)
    return total


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.lower().endswith(INPUT_SUFFIXES):
                yield Path(root) / name


def _articles_in(path: Path) -> int:
    if not path.name.lower().endswith(JSONL_SUFFIXES):
        return 1
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
