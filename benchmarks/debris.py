"""Debris benchmark: inject scraping debris into PolNeAR train texts and clean them.

Usage:
    .venv/bin/python benchmarks/debris.py [--shared DIR] [--limit N] [--per-article K]
                                          [--seed S] [--show N]

The texts are read at run time from ``SHARED/corpus/polnear/train/text``
(never copied). Every debris string is made here, from templates in this
file and from OTHER articles' titles (``metadata.tsv``) and first sentences
reshaped as headlines, with a fixed random seed. Figures:

- debris removed, per kind: an injected stretch counts as removed when at
  least ``REMOVED_SHARE`` of its non-space characters are masked;
- real words kept: words of the original article outside every injected
  stretch that are not masked. PolNeAR already holds some debris (tweet
  tags, photo credits, "Follow X on Twitter" lines); removing it is fine, so
  words on lines that ``ORIGINAL_DEBRIS`` (a loose shape test written here,
  independent of the cleaner) flags are left out of this figure. The figure
  over every word is printed beside it.

A quick seeds check runs too: the five seeds, scored like the cleaning part
of ``shared/eval/score_seeds.py`` (whose ``norm`` and gold it imports).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wiretrace.clean import clean_text

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = 20240611
# Injections per article: three keeps glued stretches apart in short articles.
PER_ARTICLE = 3
# A stretch is removed when this share of its characters is masked (a space or bullet may stay).
REMOVED_SHARE = 0.9
# Headline size, in words, for the ones reshaped from first sentences (seeds: 12-16).
HEADLINE_WORDS = (6, 16)

# Lines of the original article that already look like debris (see the module docstring).
ORIGINAL_DEBRIS = re.compile(
    r"<[a-z/][^>\n]*(?:>|$)|^[^<\n]*\">|pic\.twitter\.com|https?://|ecode|©"
    r"|^\W*follow\b.*(?:twitter|@)|\bvia getty\b|^[\w .'/-]{0,40}(?:getty|reuters|associated press)(?: images)?\W*$"
    r"|\bsign up\b|\bsubscribe\b|enter your email|^\W*(?:send|email) (?:us )?tips"
    r"|^\W*related\W*$|^\W*previously\W*$|^\W*(?:watch|read|see)\s+(?:the|more|our|photos|video)\b"
    r"|^\W*(?:additional )?reporting by|^\W*story by|\bproduced by\b",
    re.I,
)

NAMES = ["Dana Whitfield", "Omar Castellanos", "Priya Natarajan", "Tom Ekwueme", "Lena Brandt",
         "Marcus Hale", "Ines Duarte", "Kofi Mensah", "Sofia Lindqvist", "Ray Okafor"]
OUTLETS = ["Daily Courier", "The Evening Ledger", "Metro Politics", "Capitol Wire", "News Sentinel",
           "Herald Online", "The Morning Post", "Globe Politics"]
AGENCIES = ["AP", "Reuters", "Getty Images", "AFP", "EPA", "PA Wire", "Shutterstock", "Alamy"]
SOCIAL = ["Twitter", "Facebook", "Instagram", "Snapchat", "TikTok", "YouTube", "LinkedIn"]

BOILERPLATE: dict[str, list[str]] = {
    "follow": ["* Follow {outlet} on {socials}", "Follow {outlet} on {social}", "Follow us on {social}",
               "Like {outlet} on Facebook", "Follow {name} on Twitter @{handle}",
               "Join {outlet} on {social} for the latest updates", "Follow us on {socials}"],
    "credit": ["Photo: {agency}", "Photo: {agency} (Fair Use)", "Image: {agency}", "{name} / {agency}",
               "Image credit: {agency}", "Photograph: {name}/{agency}", "{name} via Getty Images",
               "Picture: {agency}", "Photo by {name}/{agency}", "Credit: {name}/{agency}"],
    "byline": ["Written by staff", "Written by {name}", "By {name}", "Reporting by {name}; Editing by {name2}",
               "By {name} and {name2}", "Posted by {name}", "Edited by {name}"],
    "teaser": ["READ MORE: {headline}", "Read more: {headline}", "Related: {headline}",
               "RELATED: {headline}", "MORE: {headline}", "Read More: {headline}", "See also: {headline}",
               "Don't miss: {headline}", "Most read: {headline}"],
    "advert": ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Sponsored content",
               "Continue reading below", "Article continues below"],
    "share": ["Share this article", "Share on Facebook", "Share", "Share via Email", "Facebook Twitter Email",
              "Share this story"],
    "signup": ["Sign up for our {topic} newsletter", "Sign up to our free {topic} email",
               "Get the latest {topic} news sent straight to your inbox. Sign up here.",
               "Subscribe to our {topic} newsletter", "Enter your email address to subscribe",
               "Want more stories like this? Sign up for the {outlet} newsletter."],
    "cookie": ["We use cookies to improve your experience. By continuing to use this site you accept our "
               "cookie policy.", "This website uses cookies.", "Manage cookie settings"],
    "copyright": ["© {year} {outlet}", "© {year} {outlet}. All rights reserved.", "All rights reserved.",
                  "Copyright {year} {outlet}", "Copyright © {year} {outlet}. All Rights Reserved."],
    "click": ["Click here to read the full story", "Click here to sign up", "Click here for more {topic} news",
              "Tap here to follow our live coverage"],
    "embed": ['<tweet tweet-id="{digits}"><tweet/>', "pic.twitter.com/{token}",
              '<blockquote class="twitter-tweet"></blockquote>', "[embed]https://www.youtube.com/watch?v={token}[/embed]",
              '<iframe src="https://player.example.com/{token}"></iframe>'],
}
FUNCTION_WORDS = {"to", "of", "about", "the", "a", "an", "and", "or", "for", "with", "from", "by", "that",
                  "than", "at", "as", "into", "on", "in", "is", "are", "was", "were", "this", "his", "her",
                  "their", "its", "who", "which", "but", "if", "be", "has", "had", "will", "would"}
TOPICS = ["politics", "daily", "morning", "election", "world news", "breaking news"]


@dataclass
class Injected:
    """One injected stretch: its kind and its offsets in the new text."""

    kind: str
    start: int
    end: int


@dataclass
class Article:
    """An article with debris injected, and the offsets of its own words."""

    text: str
    injected: list[Injected]


def load_gold_module(shared: Path, name: str):
    """A module from shared/eval, imported at run time (never copied)."""
    spec = importlib.util.spec_from_file_location(name, shared / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_corpus(shared: Path) -> tuple[list[str], list[str]]:
    """The train texts (sorted by name) and every title in metadata.tsv."""
    root = shared / "corpus" / "polnear"
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "train" / "text").glob("*.txt"))]
    with open(root / "metadata.tsv", encoding="utf-8") as f:
        titles = [row["title"] for row in csv.DictReader(f, delimiter="\t") if row.get("title")]
    return texts, titles


# --- headlines -------------------------------------------------------------------------------

def headline_from_title(title: str, rng: random.Random) -> str:
    """A metadata title as a related-story headline: no end stop, quotes made single."""
    head = title.strip().rstrip(".!?;:").replace("“", "'").replace("”", "'").replace('"', "'")
    if rng.random() < 0.5:  # sentence case, as tabloids print them
        head = head[0] + " ".join(w if w.isupper() or i == 0 else w.lower() for i, w in enumerate(head.split()))[1:]
    return head


def headline_from_sentence(text: str, rng: random.Random) -> str | None:
    """An article's first body sentence, cut down to headline shape."""
    paras = [p for p in text.split("\n") if len(p.split()) > 8]
    if len(paras) < 2:
        return None
    sentence = re.split(r"(?<=[.!?])\s", paras[1])[0]
    words = [w for w in sentence.rstrip(".!?").split() if w.lower() not in ("the", "a", "an")]
    words = [{"said": "says", "has": "", "have": ""}.get(w, w) for w in words if w]
    words = [w for w in words if w][: rng.randint(*HEADLINE_WORDS)]
    while words and (words[-1].lower() in FUNCTION_WORDS or not words[-1][-1].isalnum()):
        words.pop()  # a headline ends on a content word
    head = " ".join(words).replace("“", "'").replace("”", "'").replace('"', "'")
    return head[:1].upper() + head[1:] if len(words) >= HEADLINE_WORDS[0] - 2 else None


def make_headline(texts: list[str], titles: list[str], own: int, rng: random.Random) -> str:
    """A headline from another article's title or first sentence."""
    while True:
        other = rng.randrange(len(texts))
        if other == own:
            continue
        if rng.random() < 0.5:
            head = headline_from_title(rng.choice(titles), rng)
        else:
            head = headline_from_sentence(texts[other], rng)
        if head and len(head.split()) >= HEADLINE_WORDS[0] - 2:
            return head


# --- injection -------------------------------------------------------------------------------

def fill(template: str, rng: random.Random, headline: str) -> str:
    """A boilerplate template with its slots filled at random."""
    socials = rng.sample(SOCIAL, rng.randint(2, 4))
    return template.format(
        outlet=rng.choice(OUTLETS), social=rng.choice(SOCIAL), socials=", ".join(socials[:-1]) + " and " + socials[-1],
        name=rng.choice(NAMES), name2=rng.choice(NAMES), handle="".join(rng.choice(NAMES).split()),
        agency=rng.choice(AGENCIES), topic=rng.choice(TOPICS), year=rng.randint(2015, 2024),
        digits=rng.randrange(10**17, 10**18), token="".join(rng.choices("abcdefXYZ0123", k=10)),
        headline=headline,
    )


def paragraph_starts(text: str) -> list[int]:
    """Offsets where a paragraph of prose (not the title) starts."""
    starts = [m.start() for m in re.finditer(r"(?<=\n)(?=\S)", text)]
    return [s for s in starts if len(text[s:text.find("\n", s) if "\n" in text[s:] else len(text)].split()) > 6]


def sentence_starts(text: str) -> list[int]:
    """Offsets inside a paragraph where a sentence starts after another (not after "Gov.")."""
    ends = re.finditer(r"(?<=[a-z0-9]{4}[.!?]) (?=[A-Z“])|(?<=[a-z0-9][.!?][”\"]) (?=[A-Z“])", text)
    return [m.end() for m in ends if text.rfind("\n", 0, m.end()) > 0]


GLUES: dict[str, Callable[[str], list[int]]] = {
    "glued_space": sentence_starts,        # "... peace. HEADLINE No-one can tell ..."
    "glued_nospace": sentence_starts,      # "... peace. HEADLINELeaders from ..."
    "glued_para_quote": lambda t: [s for s in paragraph_starts(t) if t[s] in "“\""],  # "HEADLINE“We all"
    "glued_para": paragraph_starts,        # paragraph start, glued with no space
}


def insert(text: str, at: int, piece: str, mark: tuple[int, int], kind: str, marks: list[Injected]) -> str:
    """``piece`` put into ``text`` at ``at``, ``piece[mark[0]:mark[1]]`` marked as ``kind``."""
    for m in marks:
        if m.start >= at:
            m.start += len(piece)
            m.end += len(piece)
    marks.append(Injected(kind, at + mark[0], at + mark[1]))
    return text[:at] + piece + text[at:]


def inject_glued(text: str, marks: list[Injected], kind: str, headline: str, rng: random.Random) -> str:
    """A headline glued before a sentence or paragraph, away from other injections."""
    places = [p for p in GLUES[kind](text) if all(abs(p - m.start) > 200 for m in marks)]
    if not places:
        return text
    piece = headline + (" " if kind == "glued_space" else "")
    return insert(text, rng.choice(places), piece, (0, len(piece)), kind, marks)


def inject_line(text: str, marks: list[Injected], kind: str, headline: str, rng: random.Random) -> str:
    """A boilerplate line before a paragraph, or at the end of the article."""
    line = fill(rng.choice(BOILERPLATE[kind]), rng, headline)
    sep = "\n\n" if "\n\n" in text else "\n"
    taken = {m.start for m in marks}
    places = [s for s in paragraph_starts(text) if s not in taken]
    if places and rng.random() < 0.85:
        return insert(text, rng.choice(places), line + sep, (0, len(line)), kind, marks)
    text = text.rstrip("\n")
    return insert(text, len(text), sep + line, (len(sep), len(sep) + len(line)), kind, marks)


def inject(texts: list[str], titles: list[str], own: int, per_article: int, rng: random.Random) -> Article:
    """Article ``own`` with ``per_article`` stretches of debris of random kinds."""
    text, marks = texts[own], []
    kinds = list(GLUES) + list(BOILERPLATE)
    for _ in range(per_article):
        kind = rng.choice(kinds)
        headline = make_headline(texts, titles, own, rng)
        step = inject_glued if kind in GLUES else inject_line
        text = step(text, marks, kind, headline, rng)
    return Article(text, marks)


# --- scoring ---------------------------------------------------------------------------------

@dataclass
class Tally:
    """Counts over the run: per kind injected/removed, and real words kept."""

    injected: dict[str, int]
    removed: dict[str, int]
    words: int = 0
    kept: int = 0
    all_words: int = 0
    all_kept: int = 0


def new_tally() -> Tally:
    return Tally(defaultdict(int), defaultdict(int))


def removed_share(masked: str, text: str, start: int, end: int) -> float:
    """Share of the non-space characters of ``text[start:end]`` that are masked."""
    chars = [i for i in range(start, end) if not text[i].isspace()]
    return sum(masked[i] == " " for i in chars) / max(1, len(chars))


def original_debris_lines(text: str, marks: list[Injected]) -> list[tuple[int, int]]:
    """Lines of the article's own text that already look like debris."""
    blanked = list(text)
    for m in marks:
        blanked[m.start:m.end] = " " * (m.end - m.start)
    plain, out, at = "".join(blanked), [], 0
    for line in plain.split("\n"):
        if ORIGINAL_DEBRIS.search(line.strip()):
            out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def score(article: Article, masked: str, tally: Tally, misses: list[str], losses: list[str]) -> None:
    """Add one cleaned article's figures to ``tally``; note misses and lost words."""
    text = article.text
    for m in article.injected:
        tally.injected[m.kind] += 1
        if removed_share(masked, text, m.start, m.end) >= REMOVED_SHARE:
            tally.removed[m.kind] += 1
        else:
            misses.append(f"{m.kind}: {text[max(0, m.start - 30):m.end + 30]!r}")
    skip = [(m.start, m.end) for m in article.injected]
    known = original_debris_lines(text, article.injected)
    for w in re.finditer(r"\w+", text):
        if any(s <= w.start() < e for s, e in skip):
            continue
        kept = masked[w.start():w.end()] == w.group()
        tally.all_words += 1
        tally.all_kept += kept
        if not any(s <= w.start() < e for s, e in known):
            tally.words += 1
            tally.kept += kept
            if not kept:
                losses.append(f"{w.group()!r} in {text[max(0, w.start() - 60):w.end() + 60]!r}")


def report(tally: Tally, seconds: float, n: int) -> None:
    """Print the per-kind table and the word figures."""
    total_in, total_out = sum(tally.injected.values()), sum(tally.removed.values())
    print(f"{'kind':18} {'removed':>9} {'share':>7}")
    for kind in sorted(tally.injected):
        share = tally.removed[kind] / tally.injected[kind]
        print(f"{kind:18} {tally.removed[kind]:>4}/{tally.injected[kind]:<4} {share:7.3f}")
    print(f"{'all debris':18} {total_out:>4}/{total_in:<4} {total_out / max(1, total_in):7.3f}")
    print(f"real words kept    {tally.kept}/{tally.words} = {tally.kept / max(1, tally.words):.4f}"
          f"  (over every word, original debris included: {tally.all_kept / max(1, tally.all_words):.4f})")
    print(f"speed              {1000 * seconds / max(1, n):.2f} ms per article ({n} articles)")


def seeds_check(shared: Path) -> None:
    """The cleaning figures of score_seeds.py on the five seeds, computed its way."""
    scorer, gold = load_gold_module(shared, "score_seeds"), load_gold_module(shared, "seeds_gold")
    norm, removed, total, kept, keep_total, recalls = scorer.norm, 0, 0, 0, 0, []
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        doc, raw = path.name[:3], path.read_text(encoding="utf-8")
        clean = norm(clean_text(raw).text)
        debris = [norm(x) for x in gold.BOILERPLATE.get(doc, [])]
        total += len(debris)
        removed += sum(x not in clean for x in debris)
        keep_total += len(gold.MUST_KEEP.get(doc, []))
        kept += sum(norm(x) in clean for x in gold.MUST_KEEP.get(doc, []))
        recalls.append(word_recall(norm(raw), debris, clean))
    print(f"seeds: debris_removed {removed}/{total}  real_text_kept {kept}/{keep_total}"
          f"  article_words_kept {sum(recalls) / len(recalls):.4f}")


def word_recall(body: str, debris: list[str], clean: str) -> float:
    """Share of the article's words (debris taken out) found in the cleaned text, as score_seeds counts."""
    for x in debris:
        body = body.replace(x, " ")
    have: dict[str, int] = defaultdict(int)
    for w in re.findall(r"\w+", clean.lower()):
        have[w] += 1
    want, got = re.findall(r"\w+", body.lower()), 0
    for w in want:
        if have[w] > 0:
            have[w] -= 1
            got += 1
    return got / max(1, len(want))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--limit", type=int, default=0, help="articles to use (0: all)")
    ap.add_argument("--per-article", type=int, default=PER_ARTICLE)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--show", type=int, default=0, help="print this many misses and lost words")
    args = ap.parse_args()
    seeds_check(args.shared)
    texts, titles = read_corpus(args.shared)
    rng, tally, misses, losses, seconds = random.Random(args.seed), new_tally(), [], [], 0.0
    chosen = range(len(texts))[: args.limit or None]
    for own in chosen:
        article = inject(texts, titles, own, args.per_article, rng)
        began = time.perf_counter()
        cleaned = clean_text(article.text)
        seconds += time.perf_counter() - began
        score(article, cleaned.masked, tally, misses, losses)
    report(tally, seconds, len(chosen))
    for line in (misses[: args.show] + ["--- lost words"] + losses[: args.show]) if args.show else []:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
