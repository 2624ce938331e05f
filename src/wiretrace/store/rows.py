"""The model's dataclasses to table rows and back.

Every field of an Article, its Statements and Timexes survives the trip,
offsets included; a statement with no speaker (or no cue) comes back as
``None``, not as an empty object.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wiretrace.model import Article, DateEvidence, Mention, Speaker, Statement, Timex, to_dict

Row = Mapping[str, Any]


def article_row(article: Article, ingested_at: str, analyzed_by: str | None = None) -> dict[str, Any]:
    """The ``articles`` row of an article (its statements and timexes go elsewhere)."""
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "pub_date": article.pub_date,
        "pub_date_source": article.pub_date_source,
        "pub_date_evidence": evidence_dict(article.pub_date_evidence),
        "language": article.language,
        "event": article.event,
        "raw": article.raw,
        "text": article.text,
        "debris": [_mention_dict(m) for m in article.debris],
        "ingested_at": ingested_at,
        "analyzed_by": analyzed_by,
    }


def statement_row(article_id: str, st: Statement) -> dict[str, Any]:
    """The ``statements`` row of one statement."""
    return {
        "article_id": article_id,
        "id": st.id,
        "text": st.text,
        "start": st.start,
        "end": st.end,
        "spans": [[start, end] for start, end in st.spans],
        "kind": st.kind,
        **_speaker_columns(st.speaker),
        **_cue_columns(st.cue),
        "confidence": st.confidence,
        "method": st.method,
        "date": st.date,
        "utterance": st.utterance,
        "date_evidence": evidence_dict(st.date_evidence),
    }


def timex_row(article_id: str, tx: Timex) -> dict[str, Any]:
    """The ``timexes`` row of one temporal expression."""
    return {
        "article_id": article_id,
        "start": tx.start,
        "end": tx.end,
        "text": tx.text,
        "type": tx.type,
        "value": tx.value,
        "rule": tx.rule,
    }


def evidence_dict(evidence: DateEvidence | None) -> dict[str, Any] | None:
    """A date's evidence as JSON (None stays None; ``article`` only where the date was borrowed)."""
    if evidence is None:
        return None
    data = to_dict(evidence)
    if data["article"] is None:
        del data["article"]
    return data


def _evidence_from_json(data: Mapping[str, Any] | None) -> DateEvidence | None:
    if data is None:
        return None
    mentions = [Mention(m["start"], m["end"], m["text"]) for m in data["mentions"]]
    return DateEvidence(rule=data["rule"], mentions=mentions, confidence=data["confidence"],
                        article=data.get("article"))


def _mention_dict(mention: Mention) -> dict[str, Any]:
    return {"start": mention.start, "end": mention.end, "text": mention.text}


def _speaker_columns(speaker: Speaker | None) -> dict[str, Any]:
    if speaker is None:
        return dict.fromkeys(
            ("speaker_name", "speaker_mention", "speaker_start", "speaker_end", "speaker_type", "speaker_via")
        )
    return {
        "speaker_name": speaker.name,
        "speaker_mention": speaker.mention,
        "speaker_start": speaker.start,
        "speaker_end": speaker.end,
        "speaker_type": speaker.type,
        "speaker_via": list(speaker.via),
    }


def _cue_columns(cue: Mention | None) -> dict[str, Any]:
    if cue is None:
        return {"cue_text": None, "cue_start": None, "cue_end": None}
    return {"cue_text": cue.text, "cue_start": cue.start, "cue_end": cue.end}


def article_from_row(row: Row, statements: list[Statement], timexes: list[Timex]) -> Article:
    """An Article rebuilt from its row and its already rebuilt statements and timexes."""
    return Article(
        id=row["id"],
        source=row["source"],
        raw=row["raw"],
        text=row["text"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        pub_date=row["pub_date"],
        pub_date_source=row["pub_date_source"],
        pub_date_evidence=_evidence_from_json(row["pub_date_evidence"]),
        language=row["language"],
        event=row["event"],
        debris=[Mention(d["start"], d["end"], d["text"]) for d in row["debris"]],
        statements=statements,
        timexes=timexes,
    )


def statement_from_row(row: Row) -> Statement:
    """A Statement rebuilt from its ``statements`` row."""
    return Statement(
        id=row["id"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        spans=[(start, end) for start, end in row["spans"]],
        kind=row["kind"],
        speaker=_speaker_from_row(row),
        cue=_cue_from_row(row),
        confidence=row["confidence"],
        method=row["method"],
        date=row["date"],
        utterance=row["utterance"],
        date_evidence=_evidence_from_json(row["date_evidence"]),
    )


def _speaker_from_row(row: Row) -> Speaker | None:
    if row["speaker_type"] is None:
        return None
    return Speaker(
        name=row["speaker_name"],
        mention=row["speaker_mention"],
        start=row["speaker_start"],
        end=row["speaker_end"],
        type=row["speaker_type"],
        via=list(row["speaker_via"] or []),
    )


def _cue_from_row(row: Row) -> Mention | None:
    if row["cue_start"] is None:
        return None
    return Mention(start=row["cue_start"], end=row["cue_end"], text=row["cue_text"])


def timex_from_row(row: Row) -> Timex:
    """A Timex rebuilt from its ``timexes`` row."""
    return Timex(
        start=row["start"],
        end=row["end"],
        text=row["text"],
        type=row["type"],
        value=row["value"],
        rule=row["rule"],
    )
