"""Where ``wiretrace bench``'s time goes: CPU seconds per stage, Wiretrace's and bare spaCy's.

    .venv/bin/python benchmarks/speed_stages.py [--repeat N] [--limit N]

Over the PolNeAR dev texts, runs each stage of Wiretrace's analysis (input
records, cleaning, the prefilter, the tokenizer, each pipeline component,
the rules) and each component of the bare model on its own, and prints the
best CPU seconds of ``--repeat`` rounds for each. CPU time, not wall time: the
figures stay comparable on a machine other jobs share.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from wiretrace.analyze import analyze_parsed, text_to_parse
from wiretrace.clean import clean_text
from wiretrace.ingest import records_to_documents
from wiretrace.model import Document
from wiretrace.pipeline import BATCH_SIZE, load

DEV_TEXT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "dev" / "text"
best: dict[str, float] = defaultdict(lambda: float("inf"))


def stage(name: str, step: Callable[[], Any]) -> Any:
    start = time.process_time()
    result = step()
    best[name] = min(best[name], time.process_time() - start)
    return result


def components(prefix: str, nlp: Language, texts: list[str]) -> list:
    docs = stage(prefix + "tokenizer", lambda: [nlp.make_doc(t) for t in texts])
    for name, component in nlp.pipeline:
        run = (lambda c=component, d=docs: list(c.pipe(d, batch_size=BATCH_SIZE))) if hasattr(component, "pipe") else (
            lambda c=component, d=docs: [c(doc) for doc in d])
        docs = stage(prefix + name, run)
    return docs


def one_round(nlp: Language, bare: Language, texts: list[str]) -> None:
    documents = stage("records", lambda: [d for d in records_to_documents(texts) if isinstance(d, Document)])
    cleaned = stage("clean", lambda: [clean_text(d.text) for d in documents])
    to_parse = stage("prefilter", lambda: [text_to_parse(d, c) for d, c in zip(documents, cleaned, strict=True)])
    docs = components("", nlp, to_parse)
    stage("rules", lambda: [analyze_parsed(*args) for args in zip(documents, cleaned, docs, strict=True)])
    components("bare ", bare, texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV_TEXT.glob("*.txt"))][: args.limit]
    pipe = load()
    bare = spacy.load(pipe.model_name)
    list(pipe.analyze_many(texts))  # warm: the attribute cache fills on a first pass
    for _ in range(args.repeat):
        one_round(pipe.nlp, bare, texts)
    ours = sum(v for k, v in best.items() if not k.startswith("bare "))
    reference = sum(v for k, v in best.items() if k.startswith("bare "))
    for name, seconds in best.items():
        print(f"{name:32s} {seconds:6.2f}")
    print(f"{'wiretrace':32s} {ours:6.2f}\n{'bare':32s} {reference:6.2f}\nratio {reference / ours:.3f}")


if __name__ == "__main__":
    main()
