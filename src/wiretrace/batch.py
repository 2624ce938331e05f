"""Ingest a batch: read inputs, analyze them, store them; bad inputs noted, never fatal."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from wiretrace.errors import InputError
from wiretrace.ingest import STDIN, URL_SCHEMES, FetchOptions, kind_of, read_inputs, walk
from wiretrace.link import link_article
from wiretrace.model import Article
from wiretrace.pipeline import Pipeline, analyze_stream
from wiretrace.store import Store, links

# Files whose number of articles is only known once they are read.
UNCOUNTED_KINDS = ("feed", "warc")


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
    *,
    follow_links: bool = False,
    fetch: FetchOptions | None = None,
) -> IngestReport:
    """Analyze and store every input; each bad one is recorded in the store and the report.

    URLs are downloaded with ``fetch``; with ``follow_links`` a feed's items are
    read from the pages they link to (see ``wiretrace.ingest.read_inputs``).
    """
    report = IngestReport()
    documents = read_inputs(inputs, fetch=fetch, follow_links=follow_links)
    for item in analyze_stream(pipe, documents, n_process):
        if isinstance(item, Article):
            item = _store(store, item, report)
        if isinstance(item, InputError):
            report.errors.append(item)
            store.record_error(item.source, item.problem, item.line)
        if on_item is not None:
            on_item(item)
    return report


def _store(store: Store, article: Article, report: IngestReport) -> Article | InputError:
    """Store the article, then link it; a failure of either is an error that names which step failed.

    An article stored earlier but never linked (its linking failed) is linked
    when it is met again, so a rerun repairs what a failed link left.
    """
    try:
        stored = store.add_article(article)
    except Exception as err:  # noqa: BLE001 - a failed article is reported, the batch goes on
        return InputError(article.source, f"could not be stored: {type(err).__name__}: {err}")
    report.article_ids.append(article.id)
    if stored:
        report.stored += 1
    else:
        report.duplicates += 1
    if stored or not _is_linked(store, article.id):
        try:
            link_article(store, article)  # entities, near-duplicates, story, utterances (wiretrace.link)
        except Exception as err:  # noqa: BLE001 - the article stays stored; a rerun links it
            return InputError(article.source, f"stored, but could not be linked to other articles "
                                              f"(a rerun retries): {type(err).__name__}: {err}")
    return article


def _is_linked(store: Store, article_id: str) -> bool:
    with store.engine.connect() as conn:
        return links.is_linked(conn, article_id)


def count_inputs(inputs: Iterable[str]) -> int | None:
    """How many articles the inputs hold (for a progress bar); None when unknowable (stdin, URLs, feeds, WARCs)."""
    total = 0
    for name in inputs:
        if name == STDIN or name.lower().startswith(URL_SCHEMES):
            return None
        files = [f for f in walk(name) if isinstance(f, str)] if os.path.isdir(name) else [name]
        for path in files:
            kind = kind_of(path)[0]
            if kind in UNCOUNTED_KINDS:
                return None
            total += _lines_in(path) if kind == "jsonl" else 1
    return total


def _lines_in(path: str) -> int:
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
