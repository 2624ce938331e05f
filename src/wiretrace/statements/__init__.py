"""Statements: find what sources are reported to have said, and who they are.

Front door: ``extract_statements(doc, article_id)`` over a parsed spaCy Doc
whose text is the article's (masked) text, so every offset is an offset into
the original.
"""

from __future__ import annotations

from spacy.tokens import Doc

from wiretrace.doctext import text_of
from wiretrace.model import Mention, Speaker, Statement
from wiretrace.statements.attribution import (
    NESTED_METHOD,
    Draft,
    attach_quote,
    nested_reports,
    one_per_content,
    reported_clauses,
)
from wiretrace.statements.extents import tokens_between, with_relative_first
from wiretrace.statements.headlines import headline_attributions
from wiretrace.statements.joins import hand_on_quotes, merge_interrupted
from wiretrace.statements.objects import object_clauses
from wiretrace.statements.quotes import find_quotes
from wiretrace.statements.speakers import Context, build_context, nearest_name_before, reporting_chain, resolve
from wiretrace.statements.uncued import attribute_unattached, attribute_uncued

# Confidence of each way of finding a statement: the share of its statements on
# PolNeAR train that match a gold attribution and name its source (or the gold
# names none), measured with ``benchmarks/polnear.py ../shared/corpus/polnear/train
# --calibration`` (840 articles; every row again after the extent round).
# Dev is kept for checking it.
CONFIDENCE = {
    "quote+cue": 0.94,
    "cue+pro-form": 0.94,  # 16 of 17 on train, added after the extent round
    "quote+cue-far": 0.92,
    "according-to": 0.89,
    "fragment+cue": 0.89,
    "cue-inside": 0.87,
    "quote+cue-colon": 0.86,
    "cue+clause": 0.83,
    "in-finding": 0.79,  # 15 of 19 on train, added after the extent round
    "quote+clause-before": 0.73,
    "as-cue": 0.72,
    "stance+clause": 0.73,
    "quote+verb-after": 0.71,
    "cue+object": 0.70,
    "stance-noun+object": 0.68,  # 30 of 44 on train, round 7
    "stance-noun+verb": 0.65,  # 39 of 60 on train, round 7
    "naming-label": 0.67,  # 2 of 2 on train; with as-label, 8 of 12 (round 8)
    "as-label": 0.60,  # 6 of 10 on train, round 8
    "cue-noun+clause": 0.66,
    "headline": 0.61,
    "inverted-cue": 0.61,
    "fragment+cue+nearest-name": 0.59,
    "quote+cue+nearest-name": 0.58,
    "cue-noun+clause+nearest-name": 0.56,
    "cue+clause+nearest-name": 0.52,
    "quote+name-colon": 0.52,
    "fragment+cue-after": 0.52,
    "fragment+verb": 0.48,
    "quote+previous": 0.24,
}
# Any other way (too rare on train to measure): below every measured one.
NEAREST_NAME_CONFIDENCE = 0.2
# A quote with no cue of its own takes the speaker of a statement that ended
# at most this many characters before it (the paragraph before, in the seeds).
MAX_CARRY_GAP = 600

__all__ = ["extract_statements", "find_quotes"]


def extract_statements(doc: Doc, article_id: str) -> list[Statement]:
    """Every statement of one parsed article, in document order."""
    quotes = find_quotes(text_of(doc))
    inside = {t.i for q in quotes for s, e in q.parts for t in tokens_between(doc, s, e)}
    drafts = [d for q in quotes if (d := attach_quote(doc, q, inside) or attribute_unattached(doc, q, inside))]
    for draft in drafts:
        attribute_uncued(doc, draft, inside)
    drafts = merge_interrupted(doc, one_per_content(drafts))
    drafts = _add_apart(reported_clauses(doc, inside) + headline_attributions(doc, inside), drafts)
    drafts = _add_apart(object_clauses(doc, inside), drafts)
    drafts = sorted(map(with_relative_first, drafts + _new_cues(nested_reports(doc, quotes), drafts)),
                    key=lambda d: d.start)
    drafts = hand_on_quotes(doc, drafts)
    ctx = build_context(doc, inside)
    quoted = [p for q in quotes for p in q.parts]
    statements: list[Statement] = []
    for draft in drafts:
        speaker = _speaker(ctx, draft, statements)
        if speaker is None:
            continue
        if draft.cue is not None and draft.cue.is_alpha:
            speaker.via = reporting_chain(draft.cue, draft.source) or speaker.via
        sid = f"{article_id}-s{len(statements) + 1}"
        statements.append(_statement(doc, draft, speaker, sid, quoted))
    return statements


def _nests(outer: Draft, inner: Draft) -> bool:
    """Whether a statement holds another whole, its cue included ("said Clinton called on them to be
    “closely coordinated”", "Three in four say they would ..., according to a poll", "declined to say
    whether ..."): PolNeAR's Contents never overlap, and it annotates the outer one."""
    if inner.cue is None or outer.cue is None or inner.cue.i == outer.cue.i:
        return False
    run_on = outer.method == "according-to"  # “A,” she said, according to CNN. “B.”: B is CNN's report too
    within = [any(s <= a and b <= e for s, e in outer.parts) or run_on and a >= outer.end for a, b in inner.parts]
    return within[0] and all(within) and any(s <= inner.cue.idx < e for s, e in outer.parts)


def _taking_over(outer: Draft, nested: list[Draft]) -> Draft:
    """The outer statement with the parts of those it holds that run on after it (“A,” she said, according
    to CNN. “B.”: one statement, whose source is CNN)."""
    later = [p for d in nested for p in d.parts if p[0] >= outer.end]
    if later:
        outer.parts = sorted([*outer.parts, *later])
        outer.quotes = [q for d in nested for q in d.quotes] + outer.quotes
    return outer


def _add_apart(candidates: list[Draft], taken: list[Draft]) -> list[Draft]:
    """``taken`` with each candidate that overlaps none of them and has a cue of its own; a candidate
    that holds a statement whole (``_nests``) takes its place."""
    drafts = list(taken)
    for draft in candidates:
        nested = [d for d in drafts if _nests(draft, d)]
        rest = [d for d in drafts if not any(d is n for n in nested)]
        if draft.cue is not None and any(d.cue is not None and d.cue.i == draft.cue.i for d in rest):
            continue
        if any(s < draft.end and draft.start < e for d in rest for s, e in d.parts):
            continue
        drafts = [*rest, _taking_over(draft, nested)]
    return drafts


def _new_cues(candidates: list[Draft], taken: list[Draft]) -> list[Draft]:
    """The candidates whose cue no taken draft has."""
    cues = {d.cue.i for d in taken if d.cue is not None}
    return [d for d in candidates if d.cue is not None and d.cue.i not in cues]


def _speaker(ctx: Context, draft: Draft, done: list[Statement]) -> Speaker | None:
    if draft.source is not None:
        # A name inside a quotation is no speaker a later "he said" can stand for.
        return resolve(ctx, draft.source, remember=draft.method != NESTED_METHOD)
    if draft.cue is not None and (named := nearest_name_before(draft.cue)) is not None:
        draft.method += "+nearest-name"
        return resolve(ctx, named)
    if draft.cue is None and done and draft.start - done[-1].end <= MAX_CARRY_GAP and done[-1].speaker:
        draft.method = "quote+previous"
        prev = done[-1].speaker
        return Speaker(prev.name, prev.mention, prev.start, prev.end, prev.type, list(prev.via))
    return None


def _kind(draft: Draft, quoted: list[tuple[int, int]]) -> str:
    """direct: all inside marks; mixed: a quoted stretch inside; indirect: none."""
    if draft.kind == "direct":
        return "direct"
    inner = any(draft.start <= s and e <= draft.end for s, e in quoted)
    return "mixed" if inner else "indirect"


def _statement(doc: Doc, draft: Draft, speaker: Speaker, sid: str, quoted: list[tuple[int, int]]) -> Statement:
    start, end = draft.start, draft.end
    cue = None
    if draft.cue is not None:
        cue = Mention(draft.cue.idx, draft.cue.idx + len(draft.cue), draft.cue.text)
    return Statement(
        id=sid,
        text=text_of(doc)[start:end],
        start=start,
        end=end,
        spans=[tuple(p) for p in draft.parts],
        kind=_kind(draft, quoted),
        speaker=speaker,
        cue=cue,
        confidence=CONFIDENCE.get(draft.method, NEAREST_NAME_CONFIDENCE),
        method=draft.method,
    )
