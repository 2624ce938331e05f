"""The speed figure: Wiretrace's analysis against bare spaCy on the same texts.

Both run in the same process, alternating, best of N, so a noisy shared
machine slows both alike and the ratio stays meaningful.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

import spacy

from wiretrace.matmul import use_one_thread_blas
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
    # The same ratio in this process's CPU seconds: steadier where other work shares the machine.
    cpu_ratio: float
    # Against the bare model on Wiretrace's matrix-product backend (``wiretrace.matmul``): what the rest of
    # Wiretrace's work (prefilter, attribute component, entity recognizer spared inside quotes) gains alone.
    same_ops_ratio: float

    def to_dict(self) -> dict:
        return asdict(self)


def bench(pipe: Pipeline, texts: list[str], repeat: int = 3) -> BenchResult:
    """Time ``analyze_many`` and the bare model's ``nlp.pipe`` over ``texts``, alternating, best of ``repeat``.

    The reference is the model as shipped (all its components, none of
    Wiretrace's), loaded afresh: what a user would run without Wiretrace.
    ``same_ops_ratio`` compares with that model again on Wiretrace's matrix
    products, so that the gain of the backend and of the rest are told apart.
    """
    words = sum(len(t.split()) for t in texts)
    bare, bare_same_ops = spacy.load(pipe.model_name), spacy.load(pipe.model_name)
    use_one_thread_blas(bare_same_ops)
    reference = same_ops = ours = (float("inf"), float("inf"))
    for _ in range(repeat):
        reference = _best(reference, _timed(lambda: _drain(bare.pipe(texts, batch_size=BATCH_SIZE))))
        same_ops = _best(same_ops, _timed(lambda: _drain(bare_same_ops.pipe(texts, batch_size=BATCH_SIZE))))
        ours = _best(ours, _timed(lambda: _drain(pipe.analyze_many(texts))))
    return BenchResult(
        articles=len(texts), words=words, repeat=repeat, model=pipe.model_name,
        reference_words_per_s=round(words / reference[0], 1),
        wiretrace_words_per_s=round(words / ours[0], 1),
        ratio=round(reference[0] / ours[0], 3),
        cpu_ratio=round(reference[1] / ours[1], 3),
        same_ops_ratio=round(same_ops[0] / ours[0], 3),
    )


def _timed(step) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``step``."""
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - wall, time.process_time() - cpu


def _best(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The lower of each figure (best wall time and best CPU time, perhaps from different runs)."""
    return min(a[0], b[0]), min(a[1], b[1])


def _drain(iterator) -> None:
    for _ in iterator:
        pass
