"""The store's tables as SQLAlchemy Core objects: the schema at the newest migration.

The migrations in ``migrations/versions`` create these tables; this module is
what the queries use. A test checks that the two agree (Alembic's
``compare_metadata`` finds no difference), so a change here needs a new
migration.

Search side tables are not described here: on SQLite an FTS5 table
(``statements_fts``) kept in step with ``statements`` by triggers; on
PostgreSQL a GIN index over a ``tsvector`` expression. Both are made by the
migrations (see ``search.py`` for how they are queried).
"""

from __future__ import annotations

import sqlalchemy as sa

# Ids are content hashes (16 hex digits today); room to grow without a migration.
ID_LENGTH = 64
# ISO dates and date-times ("2023-02-14", "2023-02-14T10:00:00+00:00").
DATE_LENGTH = 40
# Short labels: a statement kind, a speaker or timex type, a pub_date source.
LABEL_LENGTH = 16
# A method or rule name ("cue-verb+subject", "yesterday-rel").
NAME_LENGTH = 64

# Tables whose names start with this belong to the SQLite FTS5 index (the
# virtual table and its shadow tables): not part of this metadata.
FTS_TABLE = "statements_fts"
# PostgreSQL's GIN index over the statements' tsvector: not part of this metadata.
TSV_INDEX = "ix_statements_tsv"

# A surrogate key that is SQLite's rowid (the FTS5 content_rowid) and a
# BIGINT elsewhere: BIGINT PRIMARY KEY would not alias the rowid on SQLite.
SurrogateKey = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

metadata = sa.MetaData()


def is_search_object(name: str | None, type_: str) -> bool:
    """Whether a table or index is one of the per-dialect search objects the migrations make."""
    if name is None:
        return False
    return (type_ == "table" and name.startswith(FTS_TABLE)) or (type_ == "index" and name == TSV_INDEX)


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(ID_LENGTH), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("pub_date", sa.String(DATE_LENGTH)),
    sa.Column("pub_date_source", sa.String(LABEL_LENGTH), nullable=False),
    sa.Column("pub_date_evidence", sa.JSON(none_as_null=True)),
    sa.Column("language", sa.String(LABEL_LENGTH)),
    sa.Column("event", sa.Text),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("debris", sa.JSON, nullable=False),
    sa.Column("ingested_at", sa.String(DATE_LENGTH), nullable=False),
    # The analysis that made the article's statements and timexes (migration 0004; NULL: unknown).
    sa.Column("analyzed_by", sa.Text),
    sa.Index("ix_articles_pub_date", "pub_date", "id"),
    sa.Index("ix_articles_outlet", "outlet"),
)

article_sources = sa.Table(
    "article_sources",
    metadata,
    sa.Column("article_id", sa.String(ID_LENGTH), _article_fk(), primary_key=True),
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("added_at", sa.String(DATE_LENGTH), nullable=False),
    sa.Index("ix_article_sources_source", "source"),
)

statements = sa.Table(
    "statements",
    metadata,
    sa.Column("pk", SurrogateKey, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(ID_LENGTH), _article_fk(), nullable=False),
    sa.Column("id", sa.String(ID_LENGTH), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("spans", sa.JSON, nullable=False),
    sa.Column("kind", sa.String(LABEL_LENGTH), nullable=False),
    sa.Column("speaker_name", sa.Text),
    sa.Column("speaker_mention", sa.Text),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    # NULL exactly when the statement has no speaker at all (Speaker.type is never None).
    sa.Column("speaker_type", sa.String(LABEL_LENGTH)),
    sa.Column("speaker_via", sa.JSON(none_as_null=True)),
    sa.Column("cue_text", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("method", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("date", sa.String(DATE_LENGTH)),
    sa.Column("utterance", sa.String(ID_LENGTH)),
    sa.Column("date_evidence", sa.JSON(none_as_null=True)),
    # The speaker's entity across articles, set by the linker (migration 0003).
    sa.Column("entity_id", sa.String(ID_LENGTH)),
    sa.UniqueConstraint("article_id", "id", name="uq_statements_article_id_id"),
    sa.Index("ix_statements_date", "date"),
    sa.Index("ix_statements_speaker_name", "speaker_name"),
    sa.Index("ix_statements_utterance", "utterance"),
    sa.Index("ix_statements_entity_id", "entity_id"),
)

timexes = sa.Table(
    "timexes",
    metadata,
    sa.Column("pk", SurrogateKey, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(ID_LENGTH), _article_fk(), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("type", sa.String(LABEL_LENGTH), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("rule", sa.String(NAME_LENGTH), nullable=False),
    sa.Index("ix_timexes_article_id", "article_id"),
)

event_days = sa.Table(
    "event_days",
    metadata,
    # An article's named events (wiretrace.time.events), by key; ``day`` is NULL for an undated
    # article's own-day events, which look for a dated report of the same key.
    sa.Column("pk", SurrogateKey, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(ID_LENGTH), _article_fk(), nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("day", sa.String(DATE_LENGTH)),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Index("ix_event_days_key", "key"),
    sa.Index("ix_event_days_article_id", "article_id"),
)

errors = sa.Table(
    "errors",
    metadata,
    # A hash of (source, line, problem): one row per distinct bad input, even
    # where line is NULL (a UNIQUE over a NULL column would not dedupe).
    sa.Column("id", sa.String(ID_LENGTH), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("line", sa.Integer),
    sa.Column("problem", sa.Text, nullable=False),
    sa.Column("first_seen", sa.String(DATE_LENGTH), nullable=False),
    sa.Column("last_seen", sa.String(DATE_LENGTH), nullable=False),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Index("ix_errors_source", "source"),
)

# --- Across articles (migration 0003): entities, utterances, stories, near-duplicates.
# The linker (``wiretrace.link``) fills these incrementally, one article at a time;
# every lookup it makes is by an indexed key, so its cost does not grow with the store.

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(ID_LENGTH), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(LABEL_LENGTH), nullable=False),
    # Persons: folded given name ("" when only a surname was ever seen), the
    # folded surname's first letters (the index by which spelling variants
    # are found), the folded surname, and a generational suffix ("jr").
    sa.Column("given", sa.Text, nullable=False),
    sa.Column("surname_key", sa.Text, nullable=False),
    sa.Column("surname", sa.Text, nullable=False),
    sa.Column("suffix", sa.Text, nullable=False),
    sa.Column("statements", sa.Integer, nullable=False),
    sa.Column("first_date", sa.String(DATE_LENGTH)),
    sa.Column("last_date", sa.String(DATE_LENGTH)),
    sa.Index("ix_entities_surname_key_given", "surname_key", "given"),
    sa.Index("ix_entities_surname", "surname"),
)

entity_aliases = sa.Table(
    "entity_aliases",
    metadata,
    sa.Column("entity_id", sa.String(ID_LENGTH), sa.ForeignKey("entities.id", ondelete="CASCADE"),
              primary_key=True),
    # The folded form looked up; ``alias`` is the form as written.
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("alias", sa.Text, nullable=False),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Index("ix_entity_aliases_key", "key"),
)

entity_roles = sa.Table(
    "entity_roles",
    metadata,
    sa.Column("pk", SurrogateKey, primary_key=True, autoincrement=True),
    sa.Column("entity_id", sa.String(ID_LENGTH), sa.ForeignKey("entities.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("mention", sa.Text, nullable=False),
    sa.Column("article_id", sa.String(ID_LENGTH), _article_fk(), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("date", sa.String(DATE_LENGTH)),
    sa.Index("ix_entity_roles_role", "role", "date"),
    sa.Index("ix_entity_roles_entity_id", "entity_id"),
)

article_entities = sa.Table(
    "article_entities",
    metadata,
    sa.Column("entity_id", sa.String(ID_LENGTH), sa.ForeignKey("entities.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("article_id", sa.String(ID_LENGTH), _article_fk(), primary_key=True),
    sa.Column("pub_date", sa.String(DATE_LENGTH)),
    sa.Index("ix_article_entities_entity_date", "entity_id", "pub_date"),
    sa.Index("ix_article_entities_article_id", "article_id"),
)

utterances = sa.Table(
    "utterances",
    metadata,
    sa.Column("id", sa.String(ID_LENGTH), primary_key=True),
    sa.Column("entity_id", sa.String(ID_LENGTH)),
    sa.Column("speaker_name", sa.Text),
    # The fullest wording reported, the day it was said (else the earliest
    # report's pub_date), and the earliest report.
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("said_date", sa.String(DATE_LENGTH)),
    sa.Column("first_article_id", sa.String(ID_LENGTH), nullable=False),
    sa.Column("first_pub_date", sa.String(DATE_LENGTH)),
    sa.Column("statements", sa.Integer, nullable=False),
    sa.Index("ix_utterances_entity_id", "entity_id"),
)

utterance_shingles = sa.Table(
    "utterance_shingles",
    metadata,
    # A hash of a run of words (see link/text.py), or of a described source's
    # noun and day (link/findings.py): the index by which a new statement
    # finds the utterances that share its words, or its unnamed source's day.
    sa.Column("shingle", sa.BigInteger, primary_key=True),
    sa.Column("utterance_id", sa.String(ID_LENGTH), primary_key=True),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.String(ID_LENGTH), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("first_date", sa.String(DATE_LENGTH)),
    sa.Column("last_date", sa.String(DATE_LENGTH)),
    sa.Column("articles", sa.Integer, nullable=False),
)

article_links = sa.Table(
    "article_links",
    metadata,
    sa.Column("article_id", sa.String(ID_LENGTH), _article_fk(), primary_key=True),
    sa.Column("story_id", sa.String(ID_LENGTH), nullable=False),
    # The article's MinHash (near-duplicates) and its salient content words (stories).
    sa.Column("signature", sa.JSON, nullable=False),
    sa.Column("terms", sa.JSON, nullable=False),
    sa.Index("ix_article_links_story_id", "story_id"),
)

minhash_bands = sa.Table(
    "minhash_bands",
    metadata,
    # LSH persisted: one row per (band, hash of the band's rows) of an article's MinHash.
    sa.Column("band", sa.Integer, primary_key=True),
    sa.Column("hash", sa.BigInteger, primary_key=True),
    sa.Column("article_id", sa.String(ID_LENGTH), _article_fk(), primary_key=True),
)

near_duplicates = sa.Table(
    "near_duplicates",
    metadata,
    # ``article_id`` is a copy (syndicated or lightly edited) of ``original_id``, stored before it.
    sa.Column("article_id", sa.String(ID_LENGTH), _article_fk(), primary_key=True),
    sa.Column("original_id", sa.String(ID_LENGTH), _article_fk(), primary_key=True),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.Index("ix_near_duplicates_original_id", "original_id"),
)
