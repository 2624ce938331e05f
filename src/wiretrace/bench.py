"""The speed figure: Wiretrace's analysis against bare spaCy on the same texts.

Both run in the same process, alternating, best of N, so a noisy shared
machine slows both alike and the ratio stays meaningful.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

import spacy

from wiretrace.pipeline import BATCH_SIZE, Pipeline


@dataclass
class BenchResult:
    articles: int
    words: int
    repeat: int
    model: str
    reference_words_per_s: float
    wiretrace_words_per_s: float
    ratio: float  # Wiretrace's speed over bare spaCy's; above 1 is faster

    def to_dict(self) -> dict:
        return asdict(self)


def bench(pipe: Pipeline, texts: list[str], repeat: int = 3) -> BenchResult:
    """Time ``analyze_many`` and the bare model's ``nlp.pipe`` over ``texts``, alternating, best of ``repeat``.

    The reference is the model as shipped (all its components, none of
    Wiretrace's), loaded afresh: what a user would run without Wiretrace.
    """
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(pipe.model_name)
    reference = ours = float("inf")
    for _ in range(repeat):
        reference = min(reference, _timed(lambda: _drain(bare.pipe(texts, batch_size=BATCH_SIZE))))
        ours = min(ours, _timed(lambda: _drain(pipe.analyze_many(texts))))
    return BenchResult(
        articles=len(texts), words=words, repeat=repeat, model=pipe.model_name,
        reference_words_per_s=round(words / reference, 1),
        wiretrace_words_per_s=round(words / ours, 1),
        ratio=round(reference / ours, 3),
    )


def _timed(step) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def _drain(iterator) -> None:
    for _ in iterator:
        pass
