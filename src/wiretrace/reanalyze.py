"""Bring a store up to this version's analysis: re-analyze its outdated articles, then relink.

The linker is incremental: it folds each article into entities, stories and
utterances, and renames statements' speakers to canonical names as it goes,
so one article's links cannot be taken back alone. When any linked article
is outdated, every link is therefore cleared and every article re-analyzed
from its raw text and linked again, in publication order (as ingest would
have met them). Each article is replaced and linked in its own
transactions, so an interrupted run leaves a store that a rerun finishes:
the articles already done are current and linked, and only the others
(outdated, or not yet relinked) are done again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from wiretrace.errors import InputError
from wiretrace.link import link_article
from wiretrace.link.event_dates import redate
from wiretrace.model import Article, Document, document_of
from wiretrace.pipeline import Pipeline, analyze_stream
from wiretrace.store import Store
from wiretrace.version import analysis_version


@dataclass
class Plan:
    """What a reanalyze run will do: of the store's ``articles``, ``outdated`` ones were made by another
    analysis; ``todo`` is what is re-analyzed and relinked, after every link is cleared when ``relink_all``."""

    version: str
    articles: int
    outdated: int
    relink_all: bool
    todo: list[str]


@dataclass
class ReanalyzeReport:
    """What one reanalyze run did: its plan, the articles re-analyzed (each also relinked), and the
    articles that failed (they keep their old analysis, and a rerun tries them again)."""

    plan: Plan
    reanalyzed: int = 0
    errors: list[InputError] = field(default_factory=list)


def plan_reanalysis(pipe: Pipeline, store: Store) -> Plan:
    """Which articles an older analysis (another Wiretrace or model) left, and what bringing them up to date takes."""
    version = analysis_version(pipe.nlp, pipe.model_name)
    states = store.analysis_states()
    outdated = sum(s.analyzed_by != version for s in states)
    if any(s.analyzed_by != version and s.linked for s in states):
        return Plan(version, len(states), outdated, True, [s.id for s in states])
    todo = [s.id for s in states if s.analyzed_by != version or not s.linked]
    return Plan(version, len(states), outdated, False, todo)


def reanalyze(pipe: Pipeline, store: Store, plan: Plan | None = None, n_process: int = 1,
              on_item: Callable[[Article | InputError], None] | None = None) -> ReanalyzeReport:
    """Carry out a plan (by default ``plan_reanalysis``'s): clear the links if it says so, then
    re-analyze each article to do from its raw text, store the new analysis and link it."""
    plan = plan or plan_reanalysis(pipe, store)
    report = ReanalyzeReport(plan)
    if plan.relink_all:
        store.clear_links()
    for item in analyze_stream(pipe, _stored_documents(store, plan.todo), n_process):
        if isinstance(item, Article):
            item = _replace(pipe, store, item, plan.version, report)
        if isinstance(item, InputError):
            report.errors.append(item)
            store.record_error(item.source, item.problem, item.line)
        if on_item is not None:
            on_item(item)
    return report


def _stored_documents(store: Store, article_ids: list[str]) -> Iterator[Document]:
    """Each stored article as the document it was read from: raw text and input metadata."""
    for article_id in article_ids:
        article = store.get_article(article_id)
        if article is not None:
            yield document_of(article)


def _replace(pipe: Pipeline, store: Store, article: Article, version: str,
             report: ReanalyzeReport) -> Article | InputError:
    """Store the new analysis and link it; an undated article first borrows the day of another report of
    its event, as at ingest (articles go by date, undated last, so those reports are current)."""
    try:
        store.replace_analysis(article, version)
        if article.pub_date is None:
            article = redate(pipe, store, article, version)
        link_article(store, article)
    except Exception as err:  # noqa: BLE001 - a failed article is reported, the run goes on
        return InputError(article.source, f"could not be re-analyzed and relinked: {type(err).__name__}: {err}")
    report.reanalyzed += 1
    return article
