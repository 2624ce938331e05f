"""What the command line shows: tables, highlighted articles, who-said-what lists."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from wiretrace.link import wording_diff
from wiretrace.model import Article, Statement, to_dict
from wiretrace.store import StatementHit
from wiretrace.store.links import EntityInfo, UtteranceInfo

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


def record(obj: EntityInfo | UtteranceInfo) -> dict:
    """An entity or utterance as JSON (with an utterance's outlets)."""
    data = to_dict(obj)
    if isinstance(obj, UtteranceInfo):
        data["outlets"] = obj.outlets
    return data


def timeline_table(hits: list[StatementHit]) -> Table:
    """Statements in the order said: when, who, what, and the outlet that reported it."""
    table = Table("said", "speaker", "kind", "what", "outlet", "published", "utterance")
    for hit in hits:
        st = hit.statement
        table.add_row(st.date or f"({hit.pub_date or '?'})", speaker_label(st), Text(st.kind, KIND_STYLE[st.kind]),
                      excerpt(st.text), hit.outlet or "", hit.pub_date or "?", (st.utterance or "")[:9])
    return table


def entities_table(found: list[EntityInfo]) -> Table:
    table = Table("entity", "name", "type", "statements", "seen", "aliases", "roles")
    for info in found:
        roles = "; ".join(f"{role} ({day or '?'})" for role, day in info.roles)
        seen = f"{info.first_date or '?'} .. {info.last_date or '?'}"
        table.add_row(info.id, info.name, info.type, str(info.statements), seen,
                      excerpt(", ".join(info.aliases), 80), excerpt(roles, 80))
    return table


def utterances_view(found: list[UtteranceInfo]) -> Group:
    """Each utterance: speaker, when said, earliest report, outlets, and every other wording as a diff."""
    parts = []
    for info in found:
        head = Text(f"\n{info.id}  ", style="dim")
        head.append(info.speaker_name or "(unknown)", style="bold")
        outlets = (f"in {len(info.outlets)} outlet(s): {', '.join(info.outlets)}" if info.outlets
                   else "(outlets not known)")
        head.append(f"  said {info.said_date or '?'}; {len(info.reports)} report(s) {outlets}")
        lines = [head, Text(f"  {excerpt(info.text, 300)}")]
        first = next((r for r in info.reports if r.article_id == info.first_article_id), None)
        if first is not None:
            lines.append(Text(f"  earliest report: {first.outlet or '?'} {first.pub_date or '?'} "
                              f"({first.article_id[:8]})", style="dim"))
        for report in info.reports:
            if report.text != info.text:
                line = Text(f"  {report.outlet or '?'} {report.pub_date or '?'} [{report.kind}]: ", style="dim")
                line.append(excerpt(wording_diff(info.text, report.text), 300))
                lines.append(line)
        parts.append(Group(*lines))
    return Group(*parts)
