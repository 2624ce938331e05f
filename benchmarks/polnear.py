"""Score the statement extractor on a PolNeAR folder, in process, with an error analysis.

    .venv/bin/python benchmarks/polnear.py [GOLD_DIR] [--cache DIR] [--misses N] [--calibration] [--verbose]

Loads the pipeline once, analyzes every ``text/*.txt`` of GOLD_DIR (default:
PolNeAR dev), writes the FORMAT.md export to a temporary file and runs
``score_attrib.py`` on it: the same figures as the CLI route
(``wiretrace ingest`` + ``export`` + the scorer). ``--cache DIR`` keeps the
spaCy parses (DocBin) between runs and runs the statements stage alone on
them, so a change to the rules is measured in seconds. ``--misses N`` lists
the N most common kinds of miss (gold attributions no statement matches, by
construction and cue lemma); ``--calibration`` prints
the share of statements that are right (match a gold attribution, with the
right source where the gold names one), by method and by confidence band.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

from spacy.tokens import Doc, DocBin

import wiretrace
from wiretrace.clean import clean_text
from wiretrace.model import Article, Document, content_hash
from wiretrace.prefilter import parse_text
from wiretrace.statements import extract_statements
from wiretrace.store.export import article_records

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "corpus" / "polnear" / "dev"
BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def scorer() -> ModuleType:
    """The shared scorer, imported from ../shared (its functions are used for the analysis)."""
    spec = importlib.util.spec_from_file_location("score_attrib", SHARED / "eval" / "score_attrib.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parses(pipe: wiretrace.Pipeline, docs: list[Document], cache: Path | None) -> list[Doc]:
    """The spaCy parse of each document's text as the pipeline parses it (masked, prefiltered),
    from the cache when it holds them."""
    masked = [parse_text(clean_text(d.text).masked) for d in docs]
    key = hashlib.sha256("\0".join(masked).encode("utf-8")).hexdigest()[:16]
    path = cache / f"{key}.spacy" if cache else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(pipe.nlp.vocab))
    parsed = list(pipe.nlp.pipe(masked))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=parsed).to_disk(path)
    return parsed


def statements_only(document: Document, doc: Doc) -> Article:
    """The article with its statements alone (the other stages are not what this measures)."""
    aid = content_hash(document.text)
    return Article(aid, document.source, document.text, document.text, statements=extract_statements(doc, aid))


def analyze_folder(gold_dir: Path, cache: Path | None) -> tuple[list[Article], dict[str, Doc]]:
    pipe = wiretrace.load()
    paths = sorted((gold_dir / "text").glob("*.txt"))
    docs = [Document(source=str(p), text=p.read_text(encoding="utf-8")) for p in paths]
    if cache is None:
        return list(pipe.analyze_many([{"source": d.source, "text": d.text} for d in docs])), {}
    parsed = parses(pipe, docs, cache)
    articles = [statements_only(d, p) for d, p in zip(docs, parsed, strict=True)]
    return articles, {Path(d.source).stem: p for d, p in zip(docs, parsed, strict=True)}


def score(gold_dir: Path, articles: list[Article], verbose: bool) -> tuple[dict, str]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for article in articles:
            for record in article_records(article):
                f.write(json.dumps(record) + "\n")
    args = [sys.executable, str(SHARED / "eval" / "score_attrib.py"), str(gold_dir), f.name, "--json"]
    out = subprocess.run([*args, "--verbose"] if verbose else args, capture_output=True, text=True, check=True)
    first, _, rest = out.stdout.partition("\n")
    Path(f.name).unlink()
    return json.loads(first), rest


def statement_dicts(article: Article) -> list[dict]:
    return [r for r in article_records(article) if r["type"] == "statement"]


def matches(sa: ModuleType, gold: dict, articles: list[Article]):
    """Per article: (gold atts, predicted statements, gold index -> predicted index)."""
    for article in articles:
        stem = Path(article.source).stem
        atts = [a for a in gold[stem]["atts"] if a["content"]]
        preds = statement_dicts(article)
        match = sa.greedy_match([sa.merge([tuple(p) for p in st["spans"]]) for st in preds],
                                [sa.merge(a["content"]) for a in atts], 0.5)
        yield stem, atts, preds, match


def miss_kind(sa: ModuleType, text: str, att: dict, doc: Doc | None) -> str:
    """A gold attribution's construction and cue lemma, for the error analysis."""
    content = sa.merge(att["content"])
    quoted = any(sa.has_quote_mark(text[s:e]) for s, e in content)
    cue_text = " ".join(text[s:e] for s, e in att["cue"] or []).strip()
    lemma, pos = cue_text.lower() or "(no cue)", "?"
    if doc is not None and att["cue"]:
        span = doc.char_span(att["cue"][0][0], att["cue"][-1][1], alignment_mode="expand")
        if span is not None and len(span):
            head = span.root
            lemma, pos = head.lemma_.lower(), head.pos_ if head.tag_ not in ("VBN", "VBG") else head.tag_
    if cue_text.startswith("according"):
        lemma, pos = "according to", "ADP"
    return f"{'quote' if quoted else 'no-quote'} cue={lemma}/{pos}"


def error_analysis(sa, gold, articles, parsed, top: int) -> None:
    kinds, partial = Counter(), 0
    for stem, atts, preds, match in matches(sa, gold, articles):
        text = gold[stem]["text"]
        for j, att in enumerate(atts):
            if j in match:
                continue
            content = sa.merge(att["content"])
            if any(sa.shared(sa.merge([tuple(p) for p in st["spans"]]), content) for st in preds):
                partial += 1
            kinds[miss_kind(sa, text, att, parsed.get(stem))] += 1
    print(f"\nmissed gold attributions: {sum(kinds.values())} ({partial} overlap a statement below the bar)")
    for kind, n in kinds.most_common(top):
        print(f"{n:5}  {kind}")


def calibration(sa, gold, articles) -> None:
    by_method, by_band = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    for stem, atts, preds, match in matches(sa, gold, articles):
        text = gold[stem]["text"]
        right = {i for j, i in match.items()
                 if not atts[j]["source"] or sa.source_ok(preds[i], atts[j]["source"], text)}
        for i, st in enumerate(preds):
            band = max(b for b in BANDS if b <= st["confidence"])
            for table, key in ((by_method, st["method"]), (by_band, band)):
                table[key][0] += i in right
                table[key][1] += 1
    print("\nmethod                              right/total  precision")
    for method, (ok, n) in sorted(by_method.items(), key=lambda kv: -kv[1][1]):
        print(f"{method:36} {ok:5}/{n:<5}  {ok / n:.3f}")
    print("\nconfidence  right/total  precision")
    for band, (ok, n) in sorted(by_band.items()):
        print(f">= {band:<7} {ok:5}/{n:<5}  {ok / n:.3f}")
    high = [by_band[b] for b in by_band if b >= 0.9]
    ok, n = sum(x[0] for x in high), sum(x[1] for x in high)
    print(f"share right at confidence >= 0.9: {ok}/{n} = {ok / max(n, 1):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", nargs="?", type=Path, default=DEV)
    ap.add_argument("--cache", type=Path, help="keep the parses here between runs")
    ap.add_argument("--misses", type=int, default=0, help="list the N most common kinds of miss")
    ap.add_argument("--calibration", action="store_true", help="precision by method and confidence band")
    ap.add_argument("--verbose", action="store_true", help="the scorer's list of every miss")
    a = ap.parse_args()
    articles, parsed = analyze_folder(a.gold_dir, a.cache)
    figures, listing = score(a.gold_dir, articles, a.verbose)
    for key, value in figures.items():
        print(f"{key:28} {value}")
    sa = scorer()
    gold, _ = sa.load_gold(str(a.gold_dir))
    if a.misses:
        error_analysis(sa, gold, articles, parsed, a.misses)
    if a.calibration:
        calibration(sa, gold, articles)
    if a.verbose:
        print(listing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
