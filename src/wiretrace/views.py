"""What the command line shows: tables, highlighted articles, who-said-what lists."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from wiretrace.model import Article, Statement, to_dict
from wiretrace.store import StatementHit

KIND_STYLE = {"direct": "bold green", "mixed": "yellow", "indirect": "cyan"}
EXCERPT_CHARS = 160


def excerpt(text: str, n: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def speaker_label(st: Statement) -> str:
    sp = st.speaker
    if sp is None or not sp.name:
        return "(unknown)"
    if sp.mention and sp.mention.lower() != sp.name.lower():
        return f"{sp.name} ({sp.mention})"
    return sp.name


def hit_record(hit: StatementHit) -> dict:
    record = to_dict(hit.statement)
    record.update(article=hit.article_id, title=hit.title, outlet=hit.outlet,
                  pub_date=hit.pub_date, source=hit.source)
    return record


def quotes_table(hits: list[StatementHit]) -> Table:
    table = Table("said", "speaker", "kind", "what", "outlet", "article")
    for hit in hits:
        st = hit.statement
        table.add_row(st.date or "?", speaker_label(st), Text(st.kind, KIND_STYLE[st.kind]),
                      excerpt(st.text), hit.outlet or "", hit.article_id[:8])
    return table


def article_view(article: Article) -> Group:
    """The article's original text with statements highlighted, then the list of them."""
    header = Text(f"{article.title or article.source}\n", style="bold")
    header.append(f"{article.id}  {article.outlet or 'outlet unknown'}  {article.pub_date or 'date unknown'}"
                  f" ({article.pub_date_source})\n", style="dim")
    body = Text(article.raw)
    for debris in article.debris:
        body.stylize("dim strike", debris.start, debris.end)
    for st in article.statements:
        for start, end in st.spans:
            body.stylize(KIND_STYLE[st.kind], start, end)
        if st.speaker and st.speaker.start is not None:
            body.stylize("bold underline", st.speaker.start, st.speaker.end)
        if st.cue:
            body.stylize("italic magenta", st.cue.start, st.cue.end)
    return Group(header, body, Text(""), statements_table(article.statements))


def statements_table(statements: list[Statement]) -> Table:
    table = Table("#", "said", "speaker", "kind", "cue", "what", "conf.")
    for n, st in enumerate(statements, 1):
        table.add_row(str(n), st.date or "?", speaker_label(st), Text(st.kind, KIND_STYLE[st.kind]),
                      st.cue.text if st.cue else "", excerpt(st.text, 90), f"{st.confidence:.2f}")
    return table


def who_said_what(article: Article) -> Group:
    """One article's statements as lines: when, who, what."""
    title = Text(f"\n{article.title or article.source}", style="bold")
    title.append(f"  ({article.outlet or 'outlet unknown'}, {article.pub_date or 'date unknown'})", style="dim")
    lines = [title]
    for st in article.statements:
        line = Text(f"  {st.date or '????-??-??'}  ")
        line.append(speaker_label(st), style="bold")
        line.append(f" [{st.kind}]: ", style=KIND_STYLE[st.kind])
        line.append(excerpt(st.text, 120))
        lines.append(line)
    if not article.statements:
        lines.append(Text("  (no statements found)", style="dim"))
    return Group(*lines)
