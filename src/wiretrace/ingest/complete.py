"""What every reader leaves to one place: the outlet where metadata gave none, and the language."""

from __future__ import annotations

from wiretrace.ingest.language import article_language
from wiretrace.ingest.outlet import outlet_from_signature, outlet_from_url
from wiretrace.model import Document

URL_SCHEMES = ("http://", "https://")


def complete_document(document: Document) -> Document:
    """``document`` with its outlet filled (metadata, else URL host, else signature) and its language set."""
    url = document.url or (document.source if document.source.startswith(URL_SCHEMES) else None)
    document.outlet = document.outlet or outlet_from_url(url) or outlet_from_signature(document.text)
    document.language = article_language(document.text, document.language)
    return document
