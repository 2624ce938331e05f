"""The linker's side of the store: indexed lookups and writes for entities, utterances and stories.

Every lookup goes through an index (a surname's first letters, an alias, a
role, word shingles, MinHash bands, an entity with a date range), so linking
one article costs the same however many the store holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from wiretrace.store.schema import (
    article_entities,
    article_links,
    articles,
    entities,
    entity_aliases,
    entity_roles,
    event_days,
    minhash_bands,
    near_duplicates,
    statements,
    stories,
    utterance_shingles,
    utterances,
)
from wiretrace.store.search import StatementHit, statement_date, statement_hit
from wiretrace.store.write import UPSERT_INSERTS, insert_ignore

T = TypeVar("T")
# Utterances a new statement's shingles may point to that are looked at (the most shared first).
MAX_UTTERANCE_CANDIDATES = 50
# Rows per INSERT of many small rows (shingles, bands): under SQLite's bound-parameter limit.
INSERT_CHUNK = 500


def insert_many_ignore(conn: Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows, skipping those whose primary key is already there."""
    make_insert = UPSERT_INSERTS.get(conn.dialect.name)
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[start:start + INSERT_CHUNK]
        if make_insert is not None:
            conn.execute(make_insert(table).values(chunk).on_conflict_do_nothing())
            continue
        for row in chunk:
            insert_ignore(conn, table, row)


def day_range(day: str, days: int) -> tuple[str, str]:
    """ISO bounds ``days`` either side of a date (a month or year stands for its first day): the
    first day, and the day after the last (exclusive, so that date-times on the last day are in)."""
    base = date.fromisoformat((day + "-01-01")[:10] if len(day) < 10 else day[:10])
    return (base - timedelta(days=days)).isoformat(), (base + timedelta(days=days + 1)).isoformat()


# --- entities ---------------------------------------------------------------------------------


def persons_named(conn: Connection, surname_key: str, surname: str, given: str) -> list[Row]:
    """Person entities that may bear a name: a surname alone looks for that surname exactly; a
    full name for surnames with the same first letters and the same given name (or its
    initial, or none)."""
    query = sa.select(entities).where(entities.c.type == "person")
    if not given:
        return list(conn.execute(query.where(entities.c.surname == surname)))
    givens = sorted({given, given[0], ""})
    return list(conn.execute(query.where(entities.c.surname_key == surname_key, entities.c.given.in_(givens))))


def entities_by_alias(conn: Connection, key: str, type_: str) -> list[Row]:
    query = (sa.select(entities).join(entity_aliases, entity_aliases.c.entity_id == entities.c.id)
             .where(entity_aliases.c.key == key, entities.c.type == type_)
             .order_by(entities.c.statements.desc()))
    return list(conn.execute(query))


def role_holders(conn: Connection, role: str, day: str | None, span_days: int) -> list[Row]:
    """Who was named with a role (entity_id, date), nearest the day first when a day is given."""
    query = sa.select(entity_roles.c.entity_id, entity_roles.c.date).where(entity_roles.c.role == role)
    if day:
        low, high = day_range(day, span_days)
        query = query.where(entity_roles.c.date >= low, entity_roles.c.date < high)
    return list(conn.execute(query.order_by(entity_roles.c.date.desc().nulls_last()).limit(100)))


def entity_row(conn: Connection, entity_id: str) -> Row:
    return conn.execute(sa.select(entities).where(entities.c.id == entity_id)).one()


def insert_entity(conn: Connection, row: dict[str, Any]) -> None:
    conn.execute(sa.insert(entities).values(**row))


def update_entity(conn: Connection, entity_id: str, values: dict[str, Any]) -> None:
    conn.execute(sa.update(entities).where(entities.c.id == entity_id).values(**values))


def rename_entity(conn: Connection, entity_id: str, name: str) -> None:
    """A fuller name for an entity: its statements and utterances follow."""
    conn.execute(sa.update(entities).where(entities.c.id == entity_id).values(name=name))
    conn.execute(sa.update(statements).where(statements.c.entity_id == entity_id).values(speaker_name=name))
    conn.execute(sa.update(utterances).where(utterances.c.entity_id == entity_id).values(speaker_name=name))


def add_alias(conn: Connection, entity_id: str, key: str, alias: str) -> None:
    bump = conn.execute(sa.update(entity_aliases)
                        .where(entity_aliases.c.entity_id == entity_id, entity_aliases.c.key == key)
                        .values(count=entity_aliases.c.count + 1))
    if bump.rowcount == 0:
        conn.execute(sa.insert(entity_aliases).values(entity_id=entity_id, key=key, alias=alias, count=1))


def add_roles(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(sa.insert(entity_roles), rows)


def add_article_entities(conn: Connection, article_id: str, entity_ids: Iterable[str], pub_date: str | None) -> None:
    rows = [{"entity_id": e, "article_id": article_id, "pub_date": pub_date} for e in sorted(set(entity_ids))]
    insert_many_ignore(conn, article_entities, rows)


def set_statement_links(conn: Connection, article_id: str, statement_id: str, values: dict[str, Any]) -> None:
    conn.execute(sa.update(statements)
                 .where(statements.c.article_id == article_id, statements.c.id == statement_id).values(**values))


# --- near-duplicates and stories ---------------------------------------------------------------


def articles_sharing_bands(conn: Connection, band_hashes: list[tuple[int, int]]) -> list[str]:
    if not band_hashes:
        return []
    pairs = sa.tuple_(minhash_bands.c.band, minhash_bands.c.hash).in_(band_hashes)
    return list(conn.execute(sa.select(minhash_bands.c.article_id).where(pairs).distinct()).scalars())


def add_bands(conn: Connection, article_id: str, band_hashes: list[tuple[int, int]]) -> None:
    insert_many_ignore(conn, minhash_bands, [{"band": b, "hash": h, "article_id": article_id}
                                             for b, h in band_hashes])


def is_linked(conn: Connection, article_id: str) -> bool:
    """Whether an article has been linked (its story and signature recorded)."""
    query = sa.select(sa.literal(1)).select_from(article_links).where(article_links.c.article_id == article_id)
    return conn.execute(query).first() is not None


def own_day_events(conn: Connection, article_id: str) -> list[Row]:
    """An article's events of its own (unknown) day: ``key``, ``start``, ``end``, ``text``."""
    query = sa.select(event_days).where(event_days.c.article_id == article_id, event_days.c.day.is_(None))
    return list(conn.execute(query.order_by(event_days.c.start)))


def dated_reports(conn: Connection, keys: Iterable[str], article_id: str) -> list[Row]:
    """Other linked articles' events with a day under these keys: ``key``, ``day``, ``article_id``,
    and the article's salient ``terms`` (so that a caller can tell whether it is the same story)."""
    query = (
        sa.select(event_days.c.key, event_days.c.day, event_days.c.article_id, article_links.c.terms)
        .join(article_links, article_links.c.article_id == event_days.c.article_id)
        .where(event_days.c.key.in_(sorted(set(keys))), event_days.c.day.is_not(None),
               event_days.c.article_id != article_id)
        .order_by(event_days.c.article_id, event_days.c.start)
    )
    return list(conn.execute(query))


# Every table the linker fills, children before the tables they point to.
LINK_TABLES = (near_duplicates, minhash_bands, article_links, stories, utterance_shingles, utterances,
               article_entities, entity_roles, entity_aliases, entities)


def clear_links(conn: Connection) -> None:
    """Forget every link (entities, utterances, stories, near-duplicates): the start of a relink of all articles."""
    for table in LINK_TABLES:
        conn.execute(sa.delete(table))
    conn.execute(sa.update(statements).values(utterance=None, entity_id=None))
    conn.execute(sa.update(articles).values(event=None))


def link_rows(conn: Connection, article_ids: Iterable[str]) -> list[Row]:
    """Signature, terms, story and pub_date of some linked articles."""
    ids = list(article_ids)
    if not ids:
        return []
    query = (sa.select(article_links, articles.c.pub_date)
             .join(articles, articles.c.id == article_links.c.article_id)
             .where(article_links.c.article_id.in_(ids)))
    return list(conn.execute(query))


def add_near_duplicate(conn: Connection, copy_id: str, original_id: str, similarity: float) -> None:
    insert_ignore(conn, near_duplicates, {"article_id": copy_id, "original_id": original_id, "similarity": similarity})


def recent_articles_of(conn: Connection, entity_id: str, day: str | None, window_days: int, limit: int) -> list[str]:
    """Articles naming an entity, published within a window of a day (or its latest, undated)."""
    query = sa.select(article_entities.c.article_id).where(article_entities.c.entity_id == entity_id)
    if day:
        low, high = day_range(day, window_days)
        query = query.where(article_entities.c.pub_date >= low, article_entities.c.pub_date < high)
    query = query.order_by(article_entities.c.pub_date.desc().nulls_first()).limit(limit)
    return list(conn.execute(query).scalars())


def add_article_link(conn: Connection, row: dict[str, Any]) -> None:
    conn.execute(sa.insert(article_links).values(**row))


def date_range(row: Any, day: str | None) -> dict[str, str | None]:
    """A stored row's ``first_date``/``last_date`` widened to take in ``day`` (None: no date)."""
    days = [d for d in (row.first_date, row.last_date, day) if d]
    return {"first_date": min(days) if days else None, "last_date": max(days) if days else None}


def join_story(conn: Connection, story_id: str, article_id: str, title: str | None, day: str | None) -> None:
    """Count an article into its story (made when new), widen the story's dates, name the article's event."""
    found = conn.execute(sa.select(stories).where(stories.c.id == story_id)).first()
    if found is None:
        conn.execute(sa.insert(stories).values(id=story_id, title=title, first_date=day, last_date=day, articles=1))
    else:
        conn.execute(sa.update(stories).where(stories.c.id == story_id).values(
            articles=found.articles + 1, title=found.title or title, **date_range(found, day)))
    conn.execute(sa.update(articles).where(articles.c.id == article_id).values(event=story_id))


# --- utterances -------------------------------------------------------------------------------


def utterances_sharing_shingles(conn: Connection, shingles: set[int]) -> list[str]:
    """Utterances with any of these shingles, those sharing the most first."""
    if not shingles:
        return []
    shared = sa.func.count().label("shared")
    query = (sa.select(utterance_shingles.c.utterance_id, shared)
             .where(utterance_shingles.c.shingle.in_(sorted(shingles)))
             .group_by(utterance_shingles.c.utterance_id)
             .order_by(shared.desc(), utterance_shingles.c.utterance_id).limit(MAX_UTTERANCE_CANDIDATES))
    return [row.utterance_id for row in conn.execute(query)]


def utterances_of_entity(conn: Connection, entity_id: str, day: str | None, window_days: int) -> list[str]:
    """Utterances an entity's statements belong to, in articles published within a window of a day
    (the latest ones when the day is unknown), the most recently reported first."""
    mentioned = article_entities.c.pub_date
    query = (sa.select(statements.c.utterance)
             .join(article_entities, sa.and_(article_entities.c.article_id == statements.c.article_id,
                                             article_entities.c.entity_id == entity_id))
             .where(statements.c.entity_id == entity_id, statements.c.utterance.is_not(None))
             .group_by(statements.c.utterance)
             .order_by(sa.func.max(mentioned).desc(), statements.c.utterance).limit(MAX_UTTERANCE_CANDIDATES))
    if day:
        low, high = day_range(day, window_days)
        query = query.where(mentioned >= low, mentioned < high)
    return list(conn.execute(query).scalars())


def utterance_members(conn: Connection, utterance_ids: Iterable[str]) -> list[Row]:
    """The statements of some utterances (speaker name included), with their article's pub_date and story."""
    ids = list(utterance_ids)
    if not ids:
        return []
    query = (sa.select(statements.c.article_id, statements.c.id, statements.c.text, statements.c.kind,
                       statements.c.entity_id, statements.c.speaker_name, statements.c.date, statements.c.date_evidence,
                       statements.c.utterance, articles.c.pub_date, articles.c.event)
             .join(articles, articles.c.id == statements.c.article_id)
             .where(statements.c.utterance.in_(ids)))
    return list(conn.execute(query))


def add_shingles(conn: Connection, utterance_id: str, shingles: set[int]) -> None:
    insert_many_ignore(conn, utterance_shingles, [{"shingle": s, "utterance_id": utterance_id}
                                                  for s in sorted(shingles)])


def fuller_and_earlier(
    row: Row, text: str, said_date: str | None, article_id: str | None, pub_date: str | None
) -> dict[str, Any]:
    """The changes to an utterance row that a new report brings: a fuller wording, an earlier said-date or report."""
    values: dict[str, Any] = {}
    if len(text) > len(row.text):
        values["text"] = text
    if said_date and (row.said_date is None or said_date < row.said_date):
        values["said_date"] = said_date
    if pub_date and (row.first_pub_date is None or pub_date < row.first_pub_date):
        values.update(first_article_id=article_id, first_pub_date=pub_date)
    return values


def utterance_row(conn: Connection, utterance_id: str) -> Row | None:
    return conn.execute(sa.select(utterances).where(utterances.c.id == utterance_id)).first()


def insert_utterance(conn: Connection, row: dict[str, Any]) -> None:
    conn.execute(sa.insert(utterances).values(**row))


def update_utterance(conn: Connection, utterance_id: str, values: dict[str, Any]) -> None:
    conn.execute(sa.update(utterances).where(utterances.c.id == utterance_id).values(**values))


def merge_utterance(conn: Connection, keep_id: str, gone_id: str, gone_shingles: set[int]) -> None:
    """Fold one utterance into another: its statements and the shingles of their words (given, since the
    shingle index is not keyed by utterance), its fuller wording and earlier dates; then drop it."""
    keep, gone = utterance_row(conn, keep_id), utterance_row(conn, gone_id)
    values = fuller_and_earlier(keep, gone.text, gone.said_date, gone.first_article_id, gone.first_pub_date)
    values["statements"] = keep.statements + gone.statements
    if keep.entity_id is None and gone.entity_id:
        values.update(entity_id=gone.entity_id, speaker_name=gone.speaker_name)
    update_utterance(conn, keep_id, values)
    conn.execute(sa.update(statements).where(statements.c.utterance == gone_id).values(utterance=keep_id))
    add_shingles(conn, keep_id, gone_shingles)
    ordered, owned = sorted(gone_shingles), utterance_shingles.c.utterance_id == gone_id
    for start in range(0, len(ordered), INSERT_CHUNK):
        chunk = ordered[start:start + INSERT_CHUNK]
        conn.execute(sa.delete(utterance_shingles).where(owned, utterance_shingles.c.shingle.in_(chunk)))
    conn.execute(sa.delete(utterances).where(utterances.c.id == gone_id))


# --- reading: entities, utterances, timelines -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """An entity as a reader sees it: its canonical name, the names and roles the press gives it."""

    id: str
    name: str
    type: str
    statements: int
    first_date: str | None
    last_date: str | None
    aliases: list[str]
    roles: list[tuple[str, str | None]]  # (role as written, date of the article that gives it)


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of an utterance."""

    article_id: str
    statement_id: str
    outlet: str | None
    pub_date: str | None
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class UtteranceInfo:
    """One saying: who, its fullest wording, when it was said, its reports (earliest first)."""

    id: str
    speaker_name: str | None
    text: str
    said_date: str | None
    first_article_id: str
    first_pub_date: str | None
    reports: list[Report]

    @property
    def outlets(self) -> list[str]:
        return sorted({r.outlet for r in self.reports if r.outlet})


def find_entities(conn: Connection, query: str | None, limit: int) -> list[EntityInfo]:
    """Entities whose name or an alias contains ``query`` (all when None), most quoted first."""
    select = sa.select(entities).order_by(entities.c.statements.desc(), entities.c.name).limit(limit)
    if query:
        aliased = sa.select(entity_aliases.c.entity_id).where(
            entity_aliases.c.alias.icontains(query, autoescape=True))
        select = select.where(sa.or_(entities.c.name.icontains(query, autoescape=True),
                                     entities.c.id == query, entities.c.id.in_(aliased)))
    return [_entity_info(conn, row) for row in conn.execute(select)]


def _entity_info(conn: Connection, row: Row) -> EntityInfo:
    aliases = conn.execute(sa.select(entity_aliases.c.alias).where(entity_aliases.c.entity_id == row.id)
                           .order_by(entity_aliases.c.count.desc(), entity_aliases.c.alias)).scalars()
    roles = conn.execute(sa.select(entity_roles.c.mention, entity_roles.c.date)
                         .where(entity_roles.c.entity_id == row.id)
                         .order_by(entity_roles.c.date.asc().nulls_last(), entity_roles.c.pk))
    seen: dict[str, str | None] = {}
    for mention, day in roles:
        seen.setdefault(mention, day)
    return EntityInfo(row.id, row.name, row.type, row.statements, row.first_date, row.last_date,
                      list(aliases), list(seen.items()))


def timeline(conn: Connection, entity: str | None, story_id: str | None, limit: int) -> list[StatementHit]:
    """The statements of the entity best matching ``entity`` (and/or of a story), in the order said.

    No entity matching ``entity``: no statements.
    """
    entity_id = None
    if entity is not None:
        found = find_entities(conn, entity, 1)
        if not found:
            return []
        entity_id = found[0].id
    when = statement_date()
    query = (sa.select(statements, articles.c.title, articles.c.outlet, articles.c.pub_date,
                       articles.c.source.label("article_source"))
             .join(articles, articles.c.id == statements.c.article_id)
             .order_by(when.asc().nulls_last(), statements.c.article_id, statements.c.start).limit(limit))
    if entity_id is not None:
        query = query.where(statements.c.entity_id == entity_id)
    if story_id is not None:
        query = query.where(articles.c.event == story_id)
    return [statement_hit(row) for row in conn.execute(query)]


def find_utterances(conn: Connection, query: str | None, limit: int) -> list[UtteranceInfo]:
    """Utterances whose wording, speaker or id contains ``query`` (all when None), most reported first."""
    select = (sa.select(utterances).order_by(utterances.c.statements.desc(),
                                             utterances.c.first_pub_date.asc().nulls_last(), utterances.c.id)
              .limit(limit))
    if query:
        reported = sa.select(statements.c.utterance).where(statements.c.text.icontains(query, autoescape=True))
        select = select.where(sa.or_(utterances.c.id == query,
                                     utterances.c.speaker_name.icontains(query, autoescape=True),
                                     utterances.c.id.in_(reported)))
    return _utterance_infos(conn, list(conn.execute(select)))


def _utterance_infos(conn: Connection, rows: list[Row]) -> list[UtteranceInfo]:
    reports = _reports(conn, [row.id for row in rows])
    return [UtteranceInfo(row.id, row.speaker_name, row.text, row.said_date, row.first_article_id,
                          row.first_pub_date, reports.get(row.id, [])) for row in rows]


def _reports(conn: Connection, utterance_ids: list[str]) -> dict[str, list[Report]]:
    if not utterance_ids:
        return {}
    query = (sa.select(statements.c.utterance, statements.c.article_id, statements.c.id, statements.c.kind,
                       statements.c.text, articles.c.outlet, articles.c.pub_date)
             .join(articles, articles.c.id == statements.c.article_id)
             .where(statements.c.utterance.in_(utterance_ids))
             .order_by(articles.c.pub_date.asc().nulls_last(), statements.c.article_id, statements.c.start))
    found: dict[str, list[Report]] = {}
    for row in conn.execute(query):
        found.setdefault(row.utterance, []).append(
            Report(row.article_id, row.id, row.outlet, row.pub_date, row.kind, row.text))
    return found


def story_rows(conn: Connection) -> list[Row]:
    """Every story with its articles' ids, by first date."""
    return list(conn.execute(sa.select(stories).order_by(stories.c.first_date.asc().nulls_last(), stories.c.id)))


def near_duplicate_rows(conn: Connection) -> list[Row]:
    return list(conn.execute(sa.select(near_duplicates).order_by(near_duplicates.c.original_id,
                                                                 near_duplicates.c.article_id)))


# --- export ----------------------------------------------------------------------------------------

# Entities or utterances read per round trip when exporting.
EXPORT_BATCH = 1000


def link_records(conn: Connection) -> Iterator[dict[str, Any]]:
    """The linker's records for the JSONL export: entities, utterances, stories, near-duplicates."""
    for info in _batched(conn, entities.c.id, lambda ids: _entities_by_id(conn, ids)):
        yield {"type": "entity", "id": info.id, "name": info.name, "entity_type": info.type,
               "statements": info.statements, "first_date": info.first_date, "last_date": info.last_date,
               "aliases": info.aliases, "roles": [{"role": r, "date": d} for r, d in info.roles]}
    for info in _batched(conn, utterances.c.id, lambda ids: _utterances_by_id(conn, ids)):
        yield {"type": "utterance", "id": info.id, "speaker": info.speaker_name, "text": info.text,
               "said_date": info.said_date, "first_article": info.first_article_id,
               "first_pub_date": info.first_pub_date, "outlets": info.outlets,
               "statements": [{"article": r.article_id, "id": r.statement_id} for r in info.reports]}
    for row in story_rows(conn):
        yield {"type": "story", "id": row.id, "title": row.title, "first_date": row.first_date,
               "last_date": row.last_date, "articles": row.articles}
    for row in near_duplicate_rows(conn):
        yield {"type": "near_duplicate", "article": row.article_id, "original": row.original_id,
               "similarity": row.similarity}


def _batched(conn: Connection, key: sa.Column, load: Callable[[list[str]], list[T]]) -> Iterator[T]:
    """Rows of a table in key order, loaded EXPORT_BATCH keys at a time."""
    after = ""
    while True:
        ids = list(conn.execute(sa.select(key).where(key > after).order_by(key).limit(EXPORT_BATCH)).scalars())
        if not ids:
            return
        yield from load(ids)
        after = ids[-1]


def _entities_by_id(conn: Connection, ids: list[str]) -> list[EntityInfo]:
    rows = conn.execute(sa.select(entities).where(entities.c.id.in_(ids)).order_by(entities.c.id))
    return [_entity_info(conn, row) for row in rows]


def _utterances_by_id(conn: Connection, ids: list[str]) -> list[UtteranceInfo]:
    rows = list(conn.execute(sa.select(utterances).where(utterances.c.id.in_(ids)).order_by(utterances.c.id)))
    return _utterance_infos(conn, rows)
