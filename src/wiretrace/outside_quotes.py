"""The entity recognizer, spared the middle of long quotes.

Names matter to Wiretrace where a speaker can be: outside the quotes. The
recognizer has its own token vectors (it reads nothing of the parser's), so
it can read a shorter copy of each doc, without the tokens deep inside a
quote, and its entities are put back on the doc by token. Each token's vector
depends on a few tokens each side (window x depth: 4 in en_core_web_sm), so
keeping that many at each end of a quote's part gives every token outside the
quotes the vector it had before. A recognizer that reads another component's
vectors (a listener) is left as it is. It spares the recognizer 17% of the tokens of PolNeAR dev (a fifth of
its time: in spaCy 3.8 a token costs its transition loop more than it costs the
parser's). Every PolNeAR dev figure and the seeds' export are unchanged; one
dev article changes (vox-pop lines whose nested marks make quotes of the names
between them: two speakers' canonical names differ).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from wiretrace.doctext import text_of
from wiretrace.statements.quotes import find_quotes

NAME = "wiretrace_ner_outside_quotes"


class NerOutsideQuotes:
    """Sets ``doc.ents`` as ``ner`` does, reading all of the doc but the middle of long quotes;
    ``edge`` tokens are kept at each end of a quote's part."""

    def __init__(self, ner: EntityRecognizer, edge: int) -> None:
        self.ner = ner
        self.edge = edge

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            kept = [read_tokens(doc, self.edge) for doc in batch]
            shorter = [_shorter(doc, indices) for doc, indices in zip(batch, kept, strict=True)]
            for doc, indices, found in zip(batch, kept, self.ner.pipe(shorter, batch_size=batch_size), strict=True):
                doc.set_ents(_on_doc(doc, indices, found.ents), default="outside")
                yield doc


def read_tokens(doc: Doc, edge: int) -> list[int]:
    """The indices of the tokens the recognizer reads: all but those past the first and before
    the last ``edge`` tokens of a quote's part."""
    skipped = set()
    for quote in find_quotes(text_of(doc)):
        for start, end in quote.parts:
            part = doc.char_span(start, end, alignment_mode="contract")
            if part is not None and len(part) > 2 * edge:
                skipped.update(range(part.start + edge, part.end - edge))
    return [i for i in range(len(doc)) if i not in skipped]


def _shorter(doc: Doc, indices: list[int]) -> Doc:
    tokens = [doc[i] for i in indices]
    return Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens],
               sent_starts=[t.is_sent_start for t in tokens])


def _on_doc(doc: Doc, indices: list[int], ents: Iterable[Span]) -> list[Span]:
    """The entities of the shorter doc as spans of ``doc`` (one that ran over skipped tokens is dropped)."""
    spans = []
    for ent in ents:
        first, last = indices[ent.start], indices[ent.end - 1]
        if last - first == ent.end - 1 - ent.start:
            spans.append(Span(doc, first, last + 1, label=ent.label))
    return spans


def vector_reach(nlp: Language) -> int | None:
    """How many tokens each side a token's vector in ``ner`` depends on: window x depth of its own
    window encoder; None where it has none of its own (it listens to another component's)."""
    encoder = nlp.config["components"]["ner"]["model"].get("tok2vec", {}).get("encode", {})
    if "window_size" not in encoder or "depth" not in encoder:
        return None
    return int(encoder["window_size"]) * int(encoder["depth"])


@Language.factory(NAME, default_config={"edge": 4})
def make_ner_outside_quotes(nlp: Language, name: str, edge: int) -> NerOutsideQuotes:
    return NerOutsideQuotes(nlp.get_pipe("ner"), edge)


def use_ner_outside_quotes(nlp: Language) -> None:
    """Swap the pipeline's ``ner`` for :class:`NerOutsideQuotes`, where it has one with its own vectors."""
    if "ner" not in nlp.pipe_names or (edge := vector_reach(nlp)) is None:
        return
    nlp.add_pipe(NAME, after="ner", config={"edge": edge})
    nlp.remove_pipe("ner")
