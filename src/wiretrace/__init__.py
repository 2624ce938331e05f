"""Wiretrace: who said what, when, and who reported it.

    import wiretrace
    pipe = wiretrace.load()
    article = pipe.analyze("text ...", pub_date="2023-02-14")
    for article in pipe.analyze_many(texts_or_records): ...
"""

from wiretrace.errors import InputError, WiretraceError
from wiretrace.model import Article, Mention, Speaker, Statement, Timex
from wiretrace.pipeline import Pipeline, load

__version__ = "0.1.0"
__all__ = [
    "Article", "InputError", "Mention", "Pipeline", "Speaker", "Statement", "Timex",
    "WiretraceError", "load",
]
