"""The Python API: load the model once, analyze one article or a stream of them."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wiretrace.analyze import analyze_document, analyze_parsed, text_to_parse
from wiretrace.attributes import use_cached_attributes
from wiretrace.clean import clean_text
from wiretrace.config import model_name
from wiretrace.errors import InputError, WiretraceError
from wiretrace.ingest import records_to_documents
from wiretrace.matmul import use_one_thread_blas
from wiretrace.model import Article, Document
from wiretrace.outside_quotes import use_ner_outside_quotes

# Articles handed to spaCy's nlp.pipe at once; 16-64 were equally fast on
# PolNeAR dev (articles of ~800 words), more only costs memory.
BATCH_SIZE = 32
# Articles a worker process takes at a time with n_process > 1.
POOL_CHUNK = 8

Item = Document | InputError
PARAGRAPHS = "wiretrace_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a news paragraph never shares a
    sentence with the next, but the parser, left alone, joins titles and datelines."""
    for i in numpy.flatnonzero(doc.to_array("IS_SPACE")[:-1]):  # a line break is always in a space token
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline by name, with a clear error when it is not installed."""
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise WiretraceError(f"cannot load the spaCy model {name!r}: is it installed? ({err})") from err
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    use_cached_attributes(nlp)
    use_one_thread_blas(nlp)
    use_ner_outside_quotes(nlp)
    return nlp


class Pipeline:
    """A loaded model and the analysis built on it."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.model_name = name

    def analyze(self, text: str, pub_date: str | None = None, **meta: str | None) -> Article:
        """One article; ``meta`` may give source, title, outlet, url."""
        record = {"text": text, "pub_date": pub_date, **meta}
        item = next(records_to_documents([record]))
        if isinstance(item, InputError):
            raise item
        return analyze_document(self.nlp, item)

    def analyze_many(
        self,
        items: Iterable[str | dict],
        n_process: int = 1,
        batch_size: int = BATCH_SIZE,
        on_error: Callable[[InputError], None] | None = None,
    ) -> Iterator[Article]:
        """Analyze texts or input records (FORMAT.md), streaming, in input order.

        A bad item raises its InputError, unless ``on_error`` is given: then
        it is passed there and the stream goes on.
        """
        for result in analyze_stream(self, records_to_documents(items), n_process, batch_size):
            if isinstance(result, InputError):
                if on_error is None:
                    raise result
                on_error(result)
            else:
                yield result


def load(model: str | None = None) -> Pipeline:
    """Load the model once; the returned pipeline analyzes any number of articles."""
    name = model_name(model)
    return Pipeline(load_model(name), name)


def analyze_stream(
    pipe: Pipeline, items: Iterable[Item], n_process: int = 1, batch_size: int = BATCH_SIZE
) -> Iterator[Article | InputError]:
    """Articles (or the errors met) for a stream of documents, in input order."""
    if n_process > 1:
        yield from _in_pool(pipe.model_name, items, n_process)
        return
    items = iter(items)
    while batch := list(islice(items, batch_size)):
        yield from _batch(pipe.nlp, batch)


def _batch(nlp: Language, batch: list[Item]) -> Iterator[Article | InputError]:
    docs = [item for item in batch if isinstance(item, Document)]
    cleaned = [clean_text(d.text) for d in docs]
    parsed = iter(nlp.pipe([text_to_parse(d, c) for d, c in zip(docs, cleaned, strict=True)]))
    by_doc = iter(zip(docs, cleaned, strict=True))
    for item in batch:
        if isinstance(item, InputError):
            yield item
            continue
        document, clean = next(by_doc)
        yield _guarded(lambda d=document, c=clean: analyze_parsed(d, c, next(parsed)), document)


def _guarded(step: Callable[[], Article], document: Document) -> Article | InputError:
    """Run one article's analysis; a failure becomes that article's error, not the batch's."""
    try:
        return step()
    except Exception as err:  # noqa: BLE001 - one broken article must never stop a batch
        return InputError(document.source, f"analysis failed: {type(err).__name__}: {err}")


# ---------------------------------------------------------------- process pool

_WORKER_NLP: Language | None = None


def _init_worker(name: str) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load_model(name)


def _work(item: Item) -> Article | InputError:
    if isinstance(item, InputError):
        return item
    assert _WORKER_NLP is not None
    return _guarded(lambda: analyze_document(_WORKER_NLP, item), item)


def _in_pool(name: str, items: Iterable[Item], n_process: int) -> Iterator[Article | InputError]:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(n_process, initializer=_init_worker, initargs=(name,)) as pool:
        yield from pool.imap(_work, items, chunksize=POOL_CHUNK)
