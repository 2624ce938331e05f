"""Score near-duplicate detection on lightly edited copies of PolNeAR articles, made at run time.

    .venv/bin/python benchmarks/neardup.py [--corpus DIR] [--split dev] [--seed 1] [--json] [--verbose]

Every article of the split is an original. For each one, the benchmark makes
(from its own text, never stored in the repository) one copy per kind of
light edit a syndicated or republished story shows:

- ``headline``: another headline (one of the split's other titles);
- ``dropped_paragraph``: one body paragraph left out;
- ``added_paragraph``: a paragraph of another article put in;
- ``boilerplate``: a wire dateline before the text and a copyright notice,
  a follow prompt and a related-link line after it;
- ``words_changed``: about one word in fifty replaced by another word;
- ``combined``: headline, boilerplate, words changed and a paragraph dropped.

The originals (in publication order), then the copies, are stored and linked
one at a time with the real linker in a temporary SQLite store (cleaned as
ingest cleans them; the statements are left out, near-duplicates do not
use them). Gold: two texts are copies when one was made from the other or
both from one original, or from two editions of one story (KNOWN_EDITIONS,
in train); every other pair is not, among them the split's own reports of
one event by different outlets. Pairwise precision and recall of
the linker's near-duplicate links are printed, recall per kind of edit, and
the similarities that decide (the lowest a found copy got, the highest two
distinct originals of the split get, linked or not).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wiretrace.analyze import headline
from wiretrace.clean import clean_text
from wiretrace.link import link_article, neardup
from wiretrace.model import Article, content_hash
from wiretrace.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "polnear"
# One word in this many is replaced in a "words_changed" copy.
WORDS_PER_CHANGE = 50
DATELINE = "WASHINGTON (AP) \u2014 "
# Real editions and versions of one story in PolNeAR train, judged by reading both (a day's two
# editions of a NYT or Washington Post article, two versions of one AP wire story or live blog):
# they are near-duplicates too. Dev has none (its closest two articles: 0.08).
KNOWN_EDITIONS = (
    ("wash-post_2015-12-22_as-spotlight-shines-on-trump-and", "wash-post_2015-12-23_as-spotlight-shines-on-trump-and"),
    ("wash-post_2015-12-12_misinformation-enters-mainstream", "wash-post_2015-12-13_misinformation-enters-mainstream"),
    ("nyt_2016-03-04_republicans-have-stake-in-a-deal", "nyt_2016-03-05_polls-suggest-possibility-of-dea"),
    ("nyt_2015-11-25_golf-courses-forced-to-reach-int", "nyt_2015-11-26_with-fewer-golfers-in-u-s-course"),
    ("nyt_2016-03-15_sanders-advances-agenda-via-side", "nyt_2016-03-16_via-legislative-side-doors-sande"),
    ("breitbart_2016-03-15_the-latest-kasich-scores-all-del", "breitbart_2016-03-15_the-latest-sanders-declares-revo"),
    ("usa-today_2016-04-06_sanders-says-he-s-riding-momentu", "usa-today_2016-04-06_sanders-winning-streak-continues"),
)
FOOTER = ("\n\nCopyright 2016 The Associated Press. All rights reserved. This material may not be published, "
          "broadcast, rewritten or redistributed.\n\nFollow us on Twitter and Facebook for the latest news.\n\n"
          "Read more: Five things to watch in the race this week")


@dataclass(frozen=True)
class Text:
    """One text of the benchmark: its words, and the original it was made from (itself for an original)."""

    name: str
    original: str
    kind: str
    raw: str
    pub_date: str | None


def paragraphs(raw: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n|\n", raw) if p.strip()]


def make_copies(original: Text, others: list[Text], rng: random.Random) -> list[Text]:
    """The edited copies of one original (see the module docstring)."""
    title, *body = paragraphs(original.raw)
    donor = rng.choice(others)
    donor_title, *donor_body = paragraphs(donor.raw)

    def edited(kind: str, parts: list[str]) -> Text:
        return Text(f"{original.name}~{kind}", original.name, kind, "\n\n".join(parts), original.pub_date)

    def dropped(parts: list[str]) -> list[str]:
        if len(parts) < 2:
            return parts
        gone = rng.randrange(1, len(parts))  # the lead paragraph stays
        return parts[:gone] + parts[gone + 1:]

    def reworded(parts: list[str]) -> list[str]:
        words = "\n\n".join(parts).split(" ")
        vocabulary = " ".join(donor_body).split()
        for at in rng.sample(range(len(words)), max(1, len(words) // WORDS_PER_CHANGE)):
            words[at] = rng.choice(vocabulary) if vocabulary else words[at]
        return " ".join(words).split("\n\n")

    def boilerplate(parts: list[str]) -> list[str]:
        return [DATELINE + parts[0], *parts[1:], FOOTER]

    inserted = list(body)
    inserted.insert(rng.randrange(0, len(body) + 1), rng.choice(donor_body or [donor_title]))
    return [
        edited("headline", [donor_title, *body]),
        edited("dropped_paragraph", [title, *dropped(body)]),
        edited("added_paragraph", [title, *inserted]),
        edited("boilerplate", [title, *boilerplate(body)]),
        edited("words_changed", [title, *reworded(body)]),
        edited("combined", [donor_title, *boilerplate(reworded(dropped(body)))]),
    ]


def read_originals(corpus: Path, split: str) -> list[Text]:
    with (corpus / "metadata.tsv").open(encoding="utf-8") as handle:
        dates = {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")}
    found = [Text(p.stem, p.stem, "original", p.read_text(encoding="utf-8"), dates.get(p.stem))
             for p in sorted((corpus / split / "text").glob("*.txt"))]
    return sorted(found, key=lambda t: (t.pub_date or "", t.name))


def as_article(text: Text) -> Article:
    """The text as ingest would store it before analysis: cleaned, titled, dated, no statements."""
    cleaned = clean_text(text.raw).text
    return Article(id=content_hash(text.raw), source=f"{text.name}.txt", raw=text.raw, text=cleaned,
                   title=headline(cleaned), outlet=None, pub_date=text.pub_date, statements=[])


def link_all(texts: list[Text], db: Path) -> tuple[set[frozenset[str]], dict[frozenset[str], float]]:
    """Store and link every text in order; the near-duplicate pairs found (by name) and their similarity."""
    names: dict[str, str] = {}
    with open_store(str(db)) as store:
        for text in texts:
            article = as_article(text)
            if store.add_article(article):
                link_article(store, article)
            names[article.id] = text.name
        rows = [r for r in store.link_records() if r["type"] == "near_duplicate"]
    found = {frozenset((names[r["article"]], names[r["original"]])): r["similarity"] for r in rows}
    return set(found), found


def score(texts: list[Text], found: set[frozenset[str]], similarity: dict[frozenset[str], float],
          verbose: bool) -> dict[str, Any]:
    by_name = {t.name: t for t in texts}
    story = {a: b for a, b in KNOWN_EDITIONS if a in by_name and b in by_name}  # an edition's family is its twin's
    family: dict[str, list[str]] = defaultdict(list)
    for t in texts:
        family[story.get(t.original, t.original)].append(t.name)
    gold = {frozenset((a, b)) for members in family.values() for i, a in enumerate(members) for b in members[i + 1:]}
    right = found & gold
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pair in gold:
        edits = [by_name[n].kind for n in pair if by_name[n].kind != "original"]
        kind = edits[0] if len(edits) == 1 else "copy_of_copy" if edits else "edition"
        per_kind[kind][0] += pair in found
        per_kind[kind][1] += 1
    wrong = sorted(found - gold, key=lambda p: -similarity[p])
    if verbose:
        for pair in wrong:
            print(f"wrongly linked ({similarity[pair]}): {' / '.join(sorted(pair))}", file=sys.stderr)
        for pair in sorted(gold - found, key=sorted):
            print(f"missed: {' / '.join(sorted(pair))}", file=sys.stderr)
    copies = [similarity[p] for p in right if any(by_name[n].kind == "original" for n in p)]
    return {
        "texts": len(texts), "originals": len({t.original for t in texts}), "stories": len(family),
        "gold_pairs": len(gold), "found_pairs": len(found),
        "precision": round(len(right) / len(found), 4) if found else 1.0,
        "recall": round(len(right) / len(gold), 4) if gold else 1.0,
        "recall_by_edit": {k: f"{n}/{total}" for k, (n, total) in sorted(per_kind.items())},
        "lowest_similarity_of_a_found_copy": min(copies) if copies else None,
        "wrong_links": len(wrong),
        "highest_similarity_of_a_wrong_link": similarity[wrong[0]] if wrong else None,
    }


def closest_originals(originals: list[Text]) -> tuple[float, str]:
    """The highest similarity two originals that are not editions of one story give, and the pair
    (the margin under the threshold that other outlets' reports of one event leave)."""
    signatures = [(t.name, neardup.signature(as_article(t).text)) for t in originals]
    editions = {frozenset(pair) for pair in KNOWN_EDITIONS}
    best = max(((neardup.similarity(a, b), f"{m} / {n}") for i, (m, a) in enumerate(signatures)
                for n, b in signatures[i + 1:] if frozenset((m, n)) not in editions), default=(0.0, ""))
    return round(best[0], 4), best[1]


def run(corpus: Path = CORPUS, split: str = "dev", seed: int = 1, verbose: bool = False) -> dict[str, Any]:
    rng = random.Random(seed)
    originals = read_originals(corpus, split)
    copies = [c for o in originals for c in make_copies(o, [x for x in originals if x is not o], rng)]
    texts = originals + copies
    with tempfile.TemporaryDirectory() as tmp:
        found, similarity = link_all(texts, Path(tmp) / "neardup.db")
    highest, pair = closest_originals(originals)
    return {**score(texts, found, similarity, verbose), "threshold": neardup.NEAR_DUPLICATE,
            "highest_similarity_between_distinct_originals": highest, "closest_originals": pair}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--seed", type=int, default=1, help="seed of the random edits")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="list every wrong and missed link")
    args = ap.parse_args()
    figures = run(args.corpus, args.split, args.seed, args.verbose)
    print(json.dumps(figures) if args.json else json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
