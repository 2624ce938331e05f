"""The command line: each command parses its options, calls the Python API, and prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from wiretrace import views
from wiretrace.batch import IngestReport, count_inputs, ingest
from wiretrace.bench import bench
from wiretrace.config import DB_ENV, MODEL_ENV
from wiretrace.errors import WiretraceError
from wiretrace.ingest import read_inputs
from wiretrace.model import Document
from wiretrace.pipeline import load
from wiretrace.reanalyze import plan_reanalysis, reanalyze
from wiretrace.store import default_db_path, open_store, write_export

app = typer.Typer(help="Wiretrace: who said what, when, and who reported it.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
out = Console()
err = Console(stderr=True)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DbOption = Annotated[str | None, typer.Option("--db", envvar=DB_ENV, help="Database path or SQLAlchemy URL.")]
ModelOption = Annotated[str | None, typer.Option("--model", envvar=MODEL_ENV, help="spaCy pipeline to load.")]


def _db(db: str | None) -> str:
    return db or default_db_path()


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(2)


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "- articles/s")


@contextmanager
def _progress(label: str, quiet: bool, total: int | None) -> Iterator[Callable[[object], None] | None]:
    """A progress bar on stderr, advanced by the callable yielded; none (None) when quiet."""
    if quiet:
        yield None
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda _: progress.advance(task)


def _run_ingest(
    inputs: list[str], db: str, model: str | None, quiet: bool, n_process: int, follow_links: bool = False
) -> IngestReport:
    pipe = load(model)
    with open_store(db) as store, _progress("ingest", quiet, None if quiet else count_inputs(inputs)) as advance:
        return ingest(pipe, store, inputs, n_process, on_item=advance, follow_links=follow_links)


def _print_report(report: IngestReport, db: str, quiet: bool) -> None:
    for error in report.errors:
        err.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
    if quiet:
        return
    err.print(f"{report.stored} stored, {report.duplicates} already stored, "
              f"{len(report.errors)} failed -> {db}", highlight=False)
    if report.outdated:
        err.print(f"{report.outdated} of the articles already stored were analyzed by another version of "
                  f"Wiretrace or another model; `wiretrace reanalyze --db {db}` brings them up to date",
                  highlight=False)


@app.command("ingest")
def ingest_command(
    inputs: Annotated[list[str], typer.Argument(
        help="Files (txt, JSONL, JSON, HTML, RSS/Atom, WARC; .gz too), folders (recursive), http(s) URLs, "
             "or - for stdin.")],
    db: DbOption = None,
    model: ModelOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    n_process: Annotated[int, typer.Option("--n-process", "-j", help="Worker processes.")] = 1,
    fetch: Annotated[bool, typer.Option("--fetch", help="Read each feed item from the page it links to.")] = False,
) -> None:
    """Read, analyze and store articles. Exit status 1 when any input failed."""
    try:
        report = _run_ingest(inputs, _db(db), model, quiet, n_process, follow_links=fetch)
    except WiretraceError as error:
        _fail(str(error))
    _print_report(report, _db(db), quiet)
    if report.errors:
        raise typer.Exit(1)


@app.command("reanalyze")
def reanalyze_command(
    db: DbOption = None,
    model: ModelOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    n_process: Annotated[int, typer.Option("--n-process", "-j", help="Worker processes.")] = 1,
) -> None:
    """Re-analyze the stored articles that another version of Wiretrace (or another model) analyzed,
    from their raw text, and rebuild the links between articles. Exit status 1 when any failed."""
    try:
        pipe = load(model)
        with open_store(_db(db)) as store:
            plan = plan_reanalysis(pipe, store)
            with _progress("reanalyze", quiet, len(plan.todo)) as advance:
                report = reanalyze(pipe, store, plan, n_process, on_item=advance)
    except WiretraceError as error:
        _fail(str(error))
    for error in report.errors:
        err.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
    if not quiet:
        err.print(f"{plan.outdated} of {plan.articles} articles were outdated; {report.reanalyzed} re-analyzed "
                  f"and relinked, {len(report.errors)} failed -> {_db(db)}", highlight=False)
    if report.errors:
        raise typer.Exit(1)


@app.command("export")
def export_command(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; - for stdout.")] = "-",
) -> None:
    """Write the store as JSONL (eval/FORMAT.md), CSV or Parquet."""
    try:
        with open_store(_db(db)) as store:
            written = write_export(store, fmt, output)
    except WiretraceError as error:
        _fail(str(error))
    if output != "-":
        err.print(f"{written} records -> {output}", highlight=False)


@app.command("quotes")
def quotes_command(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker name or mention contains this.")] = None,
    text: Annotated[str | None, typer.Option(help="Full-text search over what was said.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet contains this.")] = None,
    since: Annotated[str | None, typer.Option(help="Said (or published) on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Said (or published) on or before YYYY-MM-DD.")] = None,
    said_since: Annotated[str | None, typer.Option(help="Said-date known and on or after YYYY-MM[-DD].")] = None,
    said_until: Annotated[str | None, typer.Option(help="Said-date known and on or before YYYY-MM[-DD].")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
) -> None:
    """Search statements."""
    with open_store(_db(db)) as store:
        hits = store.search_statements(
            speaker, text, outlet, since, until, limit, said_since=said_since, said_until=said_until
        )
    if as_json:
        _print_json_lines(map(views.hit_record, hits))
        return
    out.print(views.quotes_table(hits) if hits else "no statements match")


@app.command("show")
def show_command(
    article: Annotated[str, typer.Argument(help="Article id, id prefix, or source path.")],
    db: DbOption = None,
) -> None:
    """An article with its statements highlighted and their speakers named."""
    try:
        with open_store(_db(db)) as store:
            found = store.get_article(article)
    except WiretraceError as error:
        _fail(str(error))
    if found is None:
        _fail(f"{article}: no such article in {_db(db)}")
    out.print(views.article_view(found))


@app.command("bench")
def bench_command(
    path: Annotated[str | None, typer.Argument(help="Files or folder of articles (default: examples/).")] = None,
    model: ModelOption = None,
    repeat: Annotated[int, typer.Option(help="Best of this many runs.")] = 3,
    limit: Annotated[int | None, typer.Option(help="Use at most this many articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Words/s of Wiretrace's analysis against bare spaCy on the same texts, and the ratio."""
    texts = [d.text for d in read_inputs([path or str(EXAMPLES)]) if isinstance(d, Document)][:limit]
    if not texts:
        _fail(f"{path or EXAMPLES}: no articles to time")
    result = bench(load(model), texts, repeat)
    if as_json:
        print(json.dumps(result.to_dict()))
        return
    table = Table("figure", "value", title=f"{result.articles} articles, {result.words} words, best of {repeat}")
    for key, value in result.to_dict().items():
        table.add_row(key, str(value))
    out.print(table)


@app.command("demo")
def demo_command(
    path: Annotated[Path, typer.Option(help="Folder of articles to ingest.")] = EXAMPLES,
    db: DbOption = None,
    model: ModelOption = None,
) -> None:
    """Ingest the example articles and print who said what, when."""
    if not path.is_dir():
        _fail(f"{path}: no such folder")
    report = _run_ingest([str(path)], _db(db), model, quiet=False, n_process=1)
    _print_report(report, _db(db), quiet=True)
    with open_store(_db(db)) as store:
        for article_id in dict.fromkeys(report.article_ids):
            out.print(views.who_said_what(store.get_article(article_id)))
    err.print(f"stored in {_db(db)}; try: wiretrace quotes --db {_db(db)} --speaker NAME", highlight=False)


@app.command("timeline")
def timeline_command(
    entity: Annotated[str | None, typer.Argument(help="Entity: a name or alias it is known by, or its id.")] = None,
    story: Annotated[str | None, typer.Option("--story", help="A story id (the articles' event).")] = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
) -> None:
    """An entity's or a story's dated statements in the order they were said, with their outlets."""
    if entity is None and story is None:
        _fail("name an ENTITY or a --story ID")
    with open_store(_db(db)) as store:
        hits = store.timeline(entity, story, limit)
    if as_json:
        _print_json_lines(map(views.hit_record, hits))
        return
    out.print(views.timeline_table(hits) if hits else "no statements")


@app.command("entities")
def entities_command(
    query: Annotated[str | None, typer.Argument(help="Name, alias or id contains this (all when left out).")] = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
) -> None:
    """People and organizations across articles: canonical name, aliases, roles with their dates."""
    with open_store(_db(db)) as store:
        found = store.entities(query, limit)
    if as_json:
        _print_json_lines(map(views.record, found))
        return
    out.print(views.entities_table(found) if found else "no entities match")


@app.command("utterances")
def utterances_command(
    query: Annotated[str | None, typer.Argument(help="Wording, speaker or id contains this (all when left out).")]
    = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
) -> None:
    """Sayings reported by one or more articles: earliest report, outlets, wording variants as a diff."""
    with open_store(_db(db)) as store:
        found = store.utterances(query, limit)
    if as_json:
        _print_json_lines(map(views.record, found))
        return
    out.print(views.utterances_view(found) if found else "no utterances match")


def _print_json_lines(records: Iterable[dict]) -> None:
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    app()
