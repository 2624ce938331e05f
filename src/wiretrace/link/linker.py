"""Linking one stored article to the rest: entities, near-duplicates, its story, its utterances.

Incremental: everything the article is compared with is found through the
store's indexes (see ``wiretrace.store.links``), so linking costs the same
in a small store and a large one, and nothing is ever rebuilt.
"""

from __future__ import annotations

import hashlib

from sqlalchemy.engine import Connection, Row

from wiretrace.link import neardup, stories
from wiretrace.link.entities import Resolved, resolve_speakers
from wiretrace.link.findings import source_key, source_keys_around
from wiretrace.link.text import shingles
from wiretrace.link.utterances import (
    REPORT_WINDOW_DAYS,
    Said,
    match_words,
    runs_on,
    said_date,
    same_occasion,
    same_saying,
    stretch_starts,
    wording_score,
)
from wiretrace.model import Article, Statement
from wiretrace.store import links


def link_in(conn: Connection, article: Article) -> None:
    """Resolve the article's speakers, find its copies and story, and give each statement an utterance.

    ``article`` must be stored already; its statements' ``utterance`` and
    speaker names, and its ``event``, are set here as in the store.
    """
    resolved = resolve_speakers(conn, article)
    for st in article.statements:
        if st.id in resolved:
            st.speaker.name = resolved[st.id].name
    story_id = link_story(conn, article, {r.entity_id for r in resolved.values()})
    article.event = story_id
    link_utterances(conn, article, resolved, story_id)


def link_story(conn: Connection, article: Article, entity_ids: set[str]) -> str:
    """Record the article's near-duplicates and join it to a story (or start one); the story id."""
    sig = neardup.signature(article.text)
    band_hashes = neardup.bands(sig)
    terms = stories.salient_terms(article.text, article.title)
    copies = _near_duplicates(conn, article, sig, band_hashes)
    story_id = copies[0].story_id if copies else _similar_story(conn, article, entity_ids, terms)
    story_id = story_id or "st" + article.id[:14]
    links.add_bands(conn, article.id, band_hashes)
    links.add_article_link(conn, {"article_id": article.id, "story_id": story_id, "signature": sig, "terms": terms})
    links.add_article_entities(conn, article.id, entity_ids, article.pub_date)
    links.join_story(conn, story_id, article.id, article.title, article.pub_date)
    return story_id


def _near_duplicates(conn: Connection, article: Article, sig: list[int],
                     band_hashes: list[tuple[int, int]]) -> list[Row]:
    """Stored articles this one is a copy of (most similar first), recorded as near-duplicates."""
    found = []
    for row in links.link_rows(conn, links.articles_sharing_bands(conn, band_hashes)):
        score = neardup.similarity(sig, row.signature)
        if score >= neardup.NEAR_DUPLICATE:
            found.append((score, row))
    found.sort(key=lambda pair: -pair[0])
    for score, row in found:
        links.add_near_duplicate(conn, article.id, row.article_id, round(score, 4))
    return [row for _, row in found]


def _similar_story(conn: Connection, article: Article, entity_ids: set[str], terms: list[str]) -> str | None:
    """The story of the most similar recent article sharing an entity, when similar enough."""
    candidates: set[str] = set()
    for entity_id in sorted(entity_ids):
        candidates.update(links.recent_articles_of(conn, entity_id, article.pub_date, stories.STORY_WINDOW_DAYS,
                                                   stories.CANDIDATES_PER_ENTITY))
    best, best_score = None, 0.0
    for row in links.link_rows(conn, candidates - {article.id}):
        floor = stories.SAME_STORY if article.pub_date and row.pub_date else stories.SAME_STORY_UNDATED
        score = stories.term_similarity(terms, row.terms)
        if score >= floor and score > best_score:
            best, best_score = row.story_id, score
    return best


def link_utterances(conn: Connection, article: Article, resolved: dict[str, Resolved], story_id: str) -> None:
    """Give every statement of the article an utterance: the one it reports again, or a new one.

    A statement that agrees with two utterances joins the one it agrees with
    most and does not merge them: a long quotation spanning two passages of a
    speech shows that both were said, not that they are one saying, unless it
    runs on from one passage into the other inside one pair of quotation
    marks (the passages were one, quoted apart). The article's longest
    statements go first, so that its partial quotes find the full quotation
    they were cut from.
    """
    earlier: list[tuple[Said, str]] = []  # this article's statements linked so far
    stored: dict[tuple[str, str], Said] = {}  # stored statements read so far, each tokenized once
    for st in sorted(article.statements, key=lambda st: -len(st.text)):
        entity = resolved.get(st.id)
        rule = st.date_evidence.rule if st.date_evidence else None
        said = Said(article.id, st.id, st.text, st.kind, entity.entity_id if entity else None,
                    said_date(st.date, rule), article.pub_date, story_id, st.speaker.name if st.speaker else None)
        runs = shingles(said.words)
        agreeing = _agreeing_utterances(conn, said, runs, earlier, stored)
        utterance_id = _closest(said, agreeing) or _new_utterance(conn, article, st, said, entity)
        for other in _run_on_passages(said, utterance_id, agreeing):
            _merge(conn, utterance_id, other, article, earlier)
        _add_member(conn, utterance_id, article, st, said, _index_keys(runs, said.entity_id, said.speaker,
                                                                       said.pub_date))
        st.utterance = utterance_id
        earlier.append((said, utterance_id))


def _agreeing_utterances(conn: Connection, said: Said, runs: set[int], earlier: list[tuple[Said, str]],
                         stored: dict[tuple[str, str], Said]) -> dict[str, list[Said]]:
    """The utterances whose reports this statement repeats, each with the reports it agrees with."""
    candidates = set(links.utterances_sharing_shingles(conn, runs))
    if said.entity_id:  # a retelling may share no run of three words with the words it retells
        candidates.update(links.utterances_of_entity(conn, said.entity_id, said.pub_date, REPORT_WINDOW_DAYS))
    else:  # nor a finding retold: its source's reports of the days around are indexed by the source's noun
        candidates.update(links.utterances_sharing_shingles(conn, source_keys_around(said.speaker, said.pub_date)))
    candidates.update(u for _, u in earlier)
    members: dict[str, list[Said]] = {}
    for row in links.utterance_members(conn, candidates):
        if (row.article_id, row.id) not in stored:
            rule = row.date_evidence["rule"] if row.date_evidence else None
            stored[row.article_id, row.id] = Said(row.article_id, row.id, row.text, row.kind, row.entity_id,
                                                  said_date(row.date, rule), row.pub_date, row.event,
                                                  row.speaker_name)
        members.setdefault(row.utterance, []).append(stored[row.article_id, row.id])
    found = {}
    for utterance_id, reports in members.items():
        agreeing = [other for other in reports if same_saying(said, other)]
        if agreeing and all(same_occasion(said, other) for other in reports if other.date):
            found[utterance_id] = agreeing
    return found


def _closest(said: Said, agreeing: dict[str, list[Said]]) -> str | None:
    """The agreeing utterance with the closest wording, then the most agreeing reports."""
    found = [(-max(wording_score(said.words, other.words) for other in reports), -len(reports), utterance_id)
             for utterance_id, reports in agreeing.items()]
    return min(found)[2] if found else None


def _run_on_passages(said: Said, chosen: str, agreeing: dict[str, list[Said]]) -> list[str]:
    """The other agreeing utterances that the statement's quotation joins to the chosen one, passage
    running straight into passage (see ``runs_on``), in the order found."""
    starts = stretch_starts(said.text, said.kind)
    group = [chosen] if starts and chosen in agreeing else []
    grew = bool(group)
    while grew:
        joined = [report for utterance_id in group for report in agreeing[utterance_id]]
        more = [utterance_id for utterance_id, reports in agreeing.items()
                if utterance_id not in group and _adjoin(said, starts, reports, joined)]
        group += more
        grew = bool(more)
    return group[1:]


def _adjoin(said: Said, starts: set[int], reports: list[Said], others: list[Said]) -> bool:
    """Whether the statement's quotation runs on from one of some reports into one of others, or back."""
    return any(runs_on(said.words, starts, one.words, two.words) or runs_on(said.words, starts, two.words, one.words)
               for one in reports for two in others)


def _index_keys(runs: set[int], entity_id: str | None, speaker: str | None, pub_date: str | None) -> set[int]:
    """What a report's utterance is found by: the shingles of its words, and a described source's key of the day."""
    key = None if entity_id else source_key(speaker, pub_date)
    return runs if key is None else runs | {key}


def _merge(conn: Connection, keep: str, gone: str, article: Article, earlier: list[tuple[Said, str]]) -> None:
    """Fold one utterance into another, in the store and in this article's statements linked so far."""
    keys = set()
    for row in links.utterance_members(conn, [gone]):
        keys |= _index_keys(shingles(match_words(row.text, row.kind)), row.entity_id, row.speaker_name, row.pub_date)
    links.merge_utterance(conn, keep, gone, keys)
    earlier[:] = [(said, keep if utterance_id == gone else utterance_id) for said, utterance_id in earlier]
    for st in article.statements:
        if st.utterance == gone:
            st.utterance = keep


def _new_utterance(conn: Connection, article: Article, st: Statement, said: Said, entity: Resolved | None) -> str:
    utterance_id = "u" + hashlib.sha256(f"{article.id}\x00{st.id}".encode()).hexdigest()[:15]
    links.insert_utterance(conn, {
        "id": utterance_id, "entity_id": said.entity_id,
        "speaker_name": entity.name if entity else (st.speaker.name if st.speaker else None),
        "text": st.text, "said_date": said.date, "first_article_id": article.id,
        "first_pub_date": article.pub_date, "statements": 0,
    })
    return utterance_id


def _add_member(conn: Connection, utterance_id: str, article: Article, st: Statement, said: Said,
                runs: set[int]) -> None:
    """Count a statement into its utterance: fuller wording, earlier report and said-date kept."""
    row = links.utterance_row(conn, utterance_id)
    values = links.fuller_and_earlier(row, st.text, said.date, article.id, article.pub_date)
    values["statements"] = row.statements + 1
    if row.entity_id is None and said.entity_id:
        values["entity_id"] = said.entity_id
    links.update_utterance(conn, utterance_id, values)
    links.add_shingles(conn, utterance_id, runs)
    links.set_statement_links(conn, article.id, st.id, {
        "utterance": utterance_id, "entity_id": said.entity_id,
        **({"speaker_name": st.speaker.name} if said.entity_id else {}),
    })
