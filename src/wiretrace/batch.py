"""Ingest a batch: read inputs, analyze them, store them; bad inputs noted, never fatal."""

from __future__ import annotations

import gzip
import os
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from wiretrace.errors import InputError
from wiretrace.ingest import STDIN, URL_SCHEMES, FetchOptions, kind_of, read_inputs, walk
from wiretrace.link import link_article
from wiretrace.link.event_dates import redate
from wiretrace.model import Article, Document, content_hash
from wiretrace.pipeline import Pipeline, analyze_stream
from wiretrace.store import Store
from wiretrace.version import analysis_version

OnItem = Callable[[Article | Document | InputError], None]
# Files whose number of articles is only known once they are read.
UNCOUNTED_KINDS = ("feed", "warc")


@dataclass
class IngestReport:
    """What one ingest run did. ``outdated``: articles met again that an older analysis made
    (``wiretrace reanalyze`` brings them up to date)."""

    stored: int = 0
    duplicates: int = 0
    outdated: int = 0
    errors: list[InputError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    # Undated articles stored in this run, linked at its end (``_link_undated``).
    undated: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.stored + self.duplicates


def ingest(
    pipe: Pipeline,
    store: Store,
    inputs: Iterable[str],
    n_process: int = 1,
    on_item: OnItem | None = None,
    *,
    follow_links: bool = False,
    fetch: FetchOptions | None = None,
) -> IngestReport:
    """Analyze and store every input; each bad one is recorded in the store and the report.

    URLs are downloaded with ``fetch``; with ``follow_links`` a feed's items are
    read from the pages they link to (see ``wiretrace.ingest.read_inputs``).
    An input whose text is stored already is not analyzed again (``on_item``
    gets its Document): a rerun over a growing folder costs only the new files.
    Undated articles are linked last, once every dated article of the run is
    stored, so that one of them can lend its day to the same event's undated
    report (``wiretrace.link.event_dates``).
    """
    report = IngestReport()
    version = analysis_version(pipe.nlp, pipe.model_name)
    known: deque[tuple[Document, str | None]] = deque()
    documents = _unless_stored(store, read_inputs(inputs, fetch=fetch, follow_links=follow_links), known)
    for item in analyze_stream(pipe, documents, n_process):
        _meet_known(store, known, version, report, on_item)
        if isinstance(item, Article):
            item = _store(store, item, version, report)
        _finish(store, item, report, on_item)
    _meet_known(store, known, version, report, on_item)
    _link_undated(pipe, store, version, report, on_item)
    return report


def _unless_stored(store: Store, items: Iterable[Document | InputError],
                   known: deque[tuple[Document, str | None]]) -> Iterator[Document | InputError]:
    """The items to analyze; documents already stored go to ``known`` (with the analysis that made them).

    With worker processes the pool reads this in its own thread, so the
    stored ones are only queued here (a deque is thread-safe) and dealt with
    by ``_meet_known`` in the ingest loop.
    """
    for item in items:
        if isinstance(item, Document):
            stored = store.analyses([content_hash(item.text)])
            if stored:
                known.append((item, *stored.values()))
                continue
        yield item


def _meet_known(store: Store, known: deque[tuple[Document, str | None]], version: str, report: IngestReport,
                on_item: OnItem | None) -> None:
    while known:
        document, analyzed_by = known.popleft()
        report.outdated += analyzed_by != version
        _finish(store, _meet_again(store, document, report), report, on_item)


def _meet_again(store: Store, document: Document, report: IngestReport) -> Document | InputError:
    """A document whose text is stored already: its source noted, and the article linked if a link failed."""
    article_id = content_hash(document.text)
    try:
        store.add_source(article_id, document.source)
    except Exception as err:  # noqa: BLE001 - a failed article is reported, the batch goes on
        return InputError(document.source, f"could not be stored: {type(err).__name__}: {err}")
    report.article_ids.append(article_id)
    report.duplicates += 1
    article = None if store.is_linked(article_id) else store.get_article(article_id)
    if article is not None and article.pub_date is None:
        report.undated.append(article_id)
        return document
    return (article and _link(store, article, document.source)) or document


def _finish(store: Store, item: Article | Document | InputError, report: IngestReport,
            on_item: OnItem | None) -> None:
    if isinstance(item, InputError):
        report.errors.append(item)
        store.record_error(item.source, item.problem, item.line)
    if on_item is not None:
        on_item(item)


def _store(store: Store, article: Article, version: str, report: IngestReport) -> Article | InputError:
    """Store the article, then link it; a failure of either is an error that names which step failed.

    An article stored earlier but never linked (its linking failed) is linked
    when it is met again, so a rerun repairs what a failed link left.
    """
    try:
        stored = store.add_article(article, version)
    except Exception as err:  # noqa: BLE001 - a failed article is reported, the batch goes on
        return InputError(article.source, f"could not be stored: {type(err).__name__}: {err}")
    report.article_ids.append(article.id)
    if stored:
        report.stored += 1
    else:
        report.duplicates += 1
    if not stored and store.is_linked(article.id):
        return article
    if article.pub_date is None:
        report.undated.append(article.id)
        return article
    return _link(store, article, article.source) or article


def _link_undated(pipe: Pipeline, store: Store, version: str, report: IngestReport,
                  on_item: OnItem | None) -> None:
    """Link the run's undated articles, each first given the day another report of its event names
    (re-analyzed with it, so its timexes and said-dates follow), where one does."""
    for article_id in dict.fromkeys(report.undated):
        article = store.get_article(article_id)
        if article is None:
            continue
        try:
            article = redate(pipe, store, article, version)
        except Exception as err:  # noqa: BLE001 - the article stays stored as it was; it is still linked
            _finish(store, InputError(article.source, f"could not be dated from other reports: "
                                                      f"{type(err).__name__}: {err}"), report, on_item)
        error = _link(store, article, article.source)
        if error is not None:
            _finish(store, error, report, on_item)


def _link(store: Store, article: Article, source: str) -> InputError | None:
    """Link a stored article (entities, near-duplicates, story, utterances: ``wiretrace.link``); the
    error if that fails (the article stays stored and a rerun retries)."""
    try:
        link_article(store, article)
    except Exception as err:  # noqa: BLE001 - the article stays stored; a rerun links it
        return InputError(source, f"stored, but could not be linked to other articles "
                                  f"(a rerun retries): {type(err).__name__}: {err}")
    return None


def count_inputs(inputs: Iterable[str]) -> int | None:
    """How many articles the inputs hold (for a progress bar); None when unknowable (stdin, URLs, feeds, WARCs)."""
    total = 0
    for name in inputs:
        if name == STDIN or name.lower().startswith(URL_SCHEMES):
            return None
        files = [f for f in walk(name) if isinstance(f, str)] if os.path.isdir(name) else [name]
        for path in files:
            kind, gzipped = kind_of(path)
            if kind in UNCOUNTED_KINDS:
                return None
            total += _lines_in(path, gzipped) if kind == "jsonl" else 1
    return total


def _lines_in(path: str, gzipped: bool) -> int:
    """Non-blank lines of a JSONL file (inflated first when gzipped); 1 when it cannot be read (one error)."""
    try:
        with gzip.open(path, "rb") if gzipped else open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except (OSError, EOFError, zlib.error):
        return 1
