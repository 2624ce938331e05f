"""The model's matrix products on numpy's OpenBLAS, held to one thread, instead of BLIS.

spaCy's networks (the tok2vec layers, the parser's and entity recognizer's
hidden layer) spend most of their time in ``gemm``, which thinc hands to BLIS
by default. On this kind of machine numpy's OpenBLAS does the same products
about three times faster on one core; thinc supports it (``NumpyOps(use_blis=False)``).
OpenBLAS would use every core: each product is held to one thread, as BLIS
is, so Wiretrace's speed is that of one process on one core, like bare spaCy's.
Tags, parses and entities were the same on all 69,668 tokens of PolNeAR dev
(rounding could in principle flip a near tie).
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController


@cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


class OneThreadOps(NumpyOps):
    """thinc's CPU operations with ``gemm`` on numpy's BLAS, one thread per product."""

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def gemm(self, x, y, *, out=None, trans1: bool = False, trans2: bool = False):
        with _blas().limit(limits=1, user_api="blas"):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


def use_one_thread_blas(nlp: Language) -> None:
    """Run every network of ``nlp`` on :class:`OneThreadOps` (the weights stay as they are)."""
    ops = OneThreadOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
