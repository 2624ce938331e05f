"""Time linking one article into a store that already holds 100,000 statements.

    .venv/bin/python benchmarks/incremental.py [--statements 100000] [--new 20] [--db PATH] [--json]

The large store is synthetic, built by bulk inserts (no analysis): articles
of ten statements each, random sentences over a 5,000-word vocabulary said by
2,000 made-up people, with every linker table filled as the linker would
fill it (entities and aliases, one utterance per statement with its word
shingles, each article's MinHash bands and salient words, its story and its
entities by date). Then ``--new`` articles are added one at a time with
``Store.add_article`` + ``link_article``, half of their statements repeating
stored sayings (so utterance candidates are found and compared), and the time
of each add + link is reported (median and max), beside the same on a store
of 1,000 statements to show that the cost does not grow with the store.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from wiretrace.link import link_article, neardup, stories
from wiretrace.link.names import alias_key, parse_person
from wiretrace.link.text import shingles
from wiretrace.link.utterances import match_words
from wiretrace.model import Article, Speaker, Statement, content_hash
from wiretrace.store import Store, open_store
from wiretrace.store import schema as t

STATEMENTS_PER_ARTICLE = 10
PEOPLE = 2_000
VOCABULARY = 5_000
INSERT_BATCH = 2_000
START_DAY = 19_000  # days since 1970-01-01 (2022-01-08): the synthetic articles span the following 1,000 days


def words(rng: random.Random, n: int) -> str:
    return " ".join(f"w{rng.randrange(VOCABULARY)}" for _ in range(n))


def day(n: int) -> str:
    return (date(1970, 1, 1) + timedelta(days=START_DAY + n)).isoformat()


SYLLABLES = ("ka", "lo", "mi", "ber", "san", "tor", "vik", "an", "del", "ros", "ten", "mar", "ul", "fen", "gra")


def person(n: int) -> str:
    """A made-up name: given and surname built from syllables, so they spread as real ones do."""
    rng = random.Random(n)
    given = "".join(rng.choice(SYLLABLES) for _ in range(2)).title()
    return f"{given} {''.join(rng.choice(SYLLABLES) for _ in range(3)).title()}{n}"


class Rows:
    """Rows of every table, flushed in batches."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn, self.pending = conn, {}

    def add(self, table: sa.Table, row: dict[str, Any]) -> None:
        rows = self.pending.setdefault(table, [])
        rows.append(row)
        if len(rows) >= INSERT_BATCH:
            self.flush()

    def flush(self) -> None:
        """Every pending row, parents (articles, entities) before the rows that refer to them."""
        for table in t.metadata.sorted_tables:
            if self.pending.get(table):
                self.conn.execute(sa.insert(table), self.pending[table])
                self.pending[table] = []


def build(store: Store, n_statements: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """Fill the store; returns some (speaker, text, date) sayings for the new articles to repeat."""
    rng = random.Random(seed)
    sayings = []
    with store.engine.begin() as conn:
        rows = Rows(conn)
        for p in range(PEOPLE):
            name, parts = person(p), parse_person(person(p))
            rows.add(t.entities, {"id": f"e{p}", "name": name, "type": "person", "given": parts.given,
                                  "surname_key": parts.surname_key, "surname": parts.surname, "suffix": "",
                                  "statements": 0, "first_date": day(0), "last_date": day(999)})
            rows.add(t.entity_aliases, {"entity_id": f"e{p}", "key": alias_key(name), "alias": name, "count": 1})
        rows.flush()
        for a in range(n_statements // STATEMENTS_PER_ARTICLE):
            _article_rows(rows, rng, a, sayings)
        rows.flush()
    return sayings


def _article_rows(rows: Rows, rng: random.Random, a: int, sayings: list) -> None:
    article_id, pub = f"a{a:08d}", day(a * 1000 // 10_000 % 1000)
    said = [(rng.randrange(PEOPLE), words(rng, rng.randint(8, 25))) for _ in range(STATEMENTS_PER_ARTICLE)]
    text = " ".join(f"{person(p)} said: \u201c{s}.\u201d" for p, s in said)
    rows.add(t.articles, {"id": article_id, "source": f"synthetic/{a}.txt", "title": None, "outlet": f"outlet{a % 50}",
                          "url": None, "pub_date": pub, "pub_date_source": "metadata", "pub_date_evidence": None,
                          "language": "en", "event": f"st{a}", "raw": text, "text": text, "debris": [],
                          "ingested_at": "2026-01-01T00:00:00+00:00"})
    sig = neardup.signature(text)
    rows.add(t.article_links, {"article_id": article_id, "story_id": f"st{a}", "signature": sig,
                               "terms": stories.salient_terms(text)})
    for band, value in neardup.bands(sig):
        rows.add(t.minhash_bands, {"band": band, "hash": value, "article_id": article_id})
    rows.add(t.stories, {"id": f"st{a}", "title": None, "first_date": pub, "last_date": pub, "articles": 1})
    for n, (p, sentence) in enumerate(said):
        _statement_rows(rows, article_id, n, p, sentence, text, pub)
        if a % 500 == 0:
            sayings.append((person(p), sentence, pub))
    for p in sorted({p for p, _ in said}):
        rows.add(t.article_entities, {"entity_id": f"e{p}", "article_id": article_id, "pub_date": pub})


def _statement_rows(rows: Rows, article_id: str, n: int, p: int, sentence: str, text: str, pub: str) -> None:
    quote = f"\u201c{sentence}.\u201d"
    start = text.index(quote)
    utterance = f"u{article_id}{n}"
    rows.add(t.statements, {"article_id": article_id, "id": f"s{n + 1}", "text": quote, "start": start,
                            "end": start + len(quote), "spans": [[start, start + len(quote)]], "kind": "direct",
                            "speaker_name": person(p), "speaker_mention": person(p), "speaker_start": 0,
                            "speaker_end": 1, "speaker_type": "person", "speaker_via": [], "cue_text": "said",
                            "cue_start": 0, "cue_end": 1, "confidence": 0.9, "method": "synthetic", "date": pub,
                            "utterance": utterance, "date_evidence": None, "entity_id": f"e{p}"})
    rows.add(t.utterances, {"id": utterance, "entity_id": f"e{p}", "speaker_name": person(p), "text": quote,
                            "said_date": pub, "first_article_id": article_id, "first_pub_date": pub, "statements": 1})
    for shingle in shingles(match_words(quote, "direct")):
        rows.add(t.utterance_shingles, {"shingle": shingle, "utterance_id": utterance})


def new_article(rng: random.Random, n: int, sayings: list[tuple[str, str, str]]) -> Article:
    """A new article: five statements repeating stored sayings, five new ones."""
    parts = []
    for k in range(STATEMENTS_PER_ARTICLE):
        fresh = (person(rng.randrange(PEOPLE)), words(rng, 15), None)
        name, sentence, pub = rng.choice(sayings) if k % 2 == 0 else fresh
        parts.append((name, f"\u201c{sentence}.\u201d", pub))
    raw = f"New report {n}. " + " ".join(f"{name} said: {quote}" for name, quote, _ in parts)
    statements = []
    for k, (name, quote, _) in enumerate(parts):
        start, at = raw.index(quote), raw.index(name)
        speaker = Speaker(name, name, at, at + len(name), "person")
        statements.append(Statement(f"s{k + 1}", quote, start, start + len(quote), [(start, start + len(quote))],
                                    "direct", speaker, None, 0.9, "synthetic"))
    pub = next((p for _, _, p in parts if p), day(500))
    return Article(content_hash(raw), f"new/{n}.txt", raw, raw, outlet="new outlet", pub_date=pub,
                   statements=statements)


def time_adds(store: Store, sayings: list, n_new: int) -> list[float]:
    rng, timings = random.Random(11), []
    for n in range(n_new):
        article = new_article(rng, n, sayings)
        started = time.perf_counter()
        store.add_article(article)
        link_article(store, article)
        timings.append(time.perf_counter() - started)
    return timings


def run(n_statements: int, n_new: int, db: Path) -> dict[str, Any]:
    with open_store(str(db)) as store:
        started = time.perf_counter()
        sayings = build(store, n_statements)
        built = time.perf_counter() - started
        timings = time_adds(store, sayings, n_new)
        counts = store.counts()
    return {"statements_in_store": counts["statements"] - n_new * STATEMENTS_PER_ARTICLE,
            "build_s": round(built, 1), "new_articles": n_new,
            "add_and_link_median_s": round(statistics.median(timings), 4),
            "add_and_link_max_s": round(max(timings), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--new", type=int, default=20)
    ap.add_argument("--db", type=Path, help="Store to build (default: a temporary SQLite file).")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = run(1_000, args.new, Path(tmp) / "small.db")
        large = run(args.statements, args.new, args.db or Path(tmp) / "large.db")
    result = {"small": small, "large": large}
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
