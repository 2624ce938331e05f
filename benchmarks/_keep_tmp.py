"""Days borrowed from other reports of the same event, measured on PolNeAR with half its dates hidden.

    .venv/bin/python benchmarks/event_dates.py [--split dev|train] [--share 0.5] [--seed 0] [--verbose]

Ingests the split's texts (as JSON records, through ``wiretrace.batch.ingest``
into a temporary SQLite store) with metadata.tsv's publication date given to
a random share of them and hidden from the rest, as a crawl of pages with and
without dates would be. Reports how many of the undated articles borrowed a
day from another report of their event (``wiretrace.link.event_dates``, rule
``same_event``), and how many of those days are within 1 and 3 days of the
truth. The true dates of the undated half are read only to score.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from wiretrace.batch import ingest
from wiretrace.pipeline import load
from wiretrace.store import open_store
from wiretrace.store.schema import event_days

sys.path.insert(0, str(Path(__file__).parent))
from pubdate import POLNEAR, true_dates  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--share", type=float, default=0.5, help="share of articles given their date")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    truth = true_dates(a.split)
    names = sorted(truth)
    dated = set(random.Random(a.seed).sample(names, round(a.share * len(names))))
    with tempfile.TemporaryDirectory() as _t:
        tmp = "/tmp/evkeep"; Path(tmp).mkdir(exist_ok=True); Path(tmp, "store.db").unlink(missing_ok=True)
        records = Path(tmp) / "articles.jsonl"
        with records.open("w", encoding="utf-8") as f:
            for name in names:
                text = (POLNEAR / a.split / "text" / f"{name}.txt").read_text(encoding="utf-8")
                date = truth[name].isoformat() if name in dated else None
                f.write(json.dumps({"source": name, "text": text, "pub_date": date}) + "\n")
        with open_store(str(Path(tmp) / "store.db")) as store:
            ingest(load(), store, [str(records)])
            articles = list(store.iter_articles())
            with store.engine.connect() as conn:
                rows = conn.execute(sa.select(event_days.c.article_id, event_days.c.day)).all()
    with_events = {r.article_id for r in rows if r.day is None}
    counts: Counter[str] = Counter()
    for article in articles:
        if article.source in dated:
            continue
        counts["undated"] += 1
        counts["with_own_day_events"] += article.id in with_events
        rule = article.pub_date_evidence.rule if article.pub_date_evidence else "none"
        if rule != "same_event":
            continue
        off = abs((dt.date.fromisoformat(article.pub_date) - truth[article.source]).days)
        counts.update({"borrowed": 1, "within_1": off <= 1, "within_3": off <= 3})
        if a.verbose:
            words = ", ".join(m.text for m in article.pub_date_evidence.mentions)
            print(f"  {article.source}: {article.pub_date} (off by {off}; {words})")
    n = max(counts["undated"], 1)
    print(f"articles given their date    {len(dated)} of {len(names)}")
    print(f"undated articles             {counts['undated']}")
    print(f"event rows with a day        {sum(r.day is not None for r in rows)}")
    print(f"undated with lead events     {counts['with_own_day_events']}")
    print(f"borrowed a day               {counts['borrowed']} ({counts['borrowed'] / n:.3f})")
    for k in ("within_1", "within_3"):
        print(f"{k + ' (of borrowed)':<28} {counts[k]} ({counts[k] / max(counts['borrowed'], 1):.3f})")


if __name__ == "__main__":
    main()
