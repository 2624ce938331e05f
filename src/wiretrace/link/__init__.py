"""Across articles: entities, near-duplicates, stories and utterances, linked one article at a time.

    store.add_article(article)
    link_article(store, article)   # sets article.event, statements' utterance and canonical speaker

The batch ingest does this for every article it stores.
"""

from __future__ import annotations

from wiretrace.link.linker import link_in
from wiretrace.link.utterances import same_saying, wording_diff
from wiretrace.model import Article
from wiretrace.store import Store


def link_article(store: Store, article: Article) -> None:
    """Link a stored article to the rest of the store, in one transaction.

    On SQLite the transaction takes the write lock first (``Store.writing``):
    linking reads then writes, and two linkers must not interleave.
    """
    with store.writing() as conn:
        link_in(conn, article)


__all__ = ["link_article", "same_saying", "wording_diff"]
