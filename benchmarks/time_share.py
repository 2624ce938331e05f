"""The share of analysis time spent tagging temporal expressions, on PolNeAR dev texts.

    .venv/bin/python benchmarks/time_share.py [--limit N] [--with-dates]

Runs the whole per-article analysis (clean, parse, statements, time, dates)
on each text and times, inside it, every call to ``tag_timexes`` and to the
publication-date inference. Texts go in without a publication date unless
``--with-dates`` gives them metadata.tsv's (without one, an article whose date
is read off the text is tagged twice: the worst case).
"""

from __future__ import annotations

import argparse
import csv
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import wiretrace.analyze as analyze
from wiretrace.model import Document
from wiretrace.pipeline import load_model

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear"
spent: dict[str, float] = {"tag_timexes": 0.0, "infer_pub_date": 0.0}


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - t0

    return wrapper


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--with-dates", action="store_true")
    a = ap.parse_args()
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as f:
        dates = {r["filename"]: r["publication_date"] for r in csv.DictReader(f, delimiter="\t")}
    paths = sorted((POLNEAR / "dev" / "text").glob("*.txt"))[: a.limit or None]
    nlp = load_model()
    analyze.tag_timexes = timed("tag_timexes", analyze.tag_timexes)
    analyze.infer_pub_date = timed("infer_pub_date", analyze.infer_pub_date)
    total, words = 0.0, 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        pub = dates.get(path.stem) if a.with_dates else None
        t0 = time.perf_counter()
        analyze.analyze_document(nlp, Document(source=str(path), text=text, pub_date=pub))
        total += time.perf_counter() - t0
        words += len(text.split())
    print(f"articles            {len(paths)} ({words} words)")
    print(f"analysis            {total:.2f} s")
    for name, seconds in spent.items():
        print(f"{name:<19} {seconds:.2f} s = {100 * seconds / total:.1f}% of analysis")


if __name__ == "__main__":
    main()
