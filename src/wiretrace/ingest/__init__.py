"""Ingest: files, folders, feeds, web archives, URLs, stdin and records in; Documents (or InputErrors) out.

Readers yield errors instead of raising them, so one bad input never stops a
batch: ``for item in read_inputs(paths): if isinstance(item, InputError): ...``
"""

from __future__ import annotations

from wiretrace.ingest.complete import URL_SCHEMES, complete_document
from wiretrace.ingest.decode import decode_bytes
from wiretrace.ingest.fetch import FetchOptions, fetch_url
from wiretrace.ingest.files import STDIN, kind_of, read_inputs, read_path, walk
from wiretrace.ingest.language import detect_language, is_english
from wiretrace.ingest.records import records_to_documents
from wiretrace.ingest.sizes import MAX_FILE_BYTES

__all__ = [
    "MAX_FILE_BYTES",
    "STDIN",
    "URL_SCHEMES",
    "FetchOptions",
    "complete_document",
    "decode_bytes",
    "detect_language",
    "fetch_url",
    "is_english",
    "kind_of",
    "read_inputs",
    "read_path",
    "records_to_documents",
    "walk",
]
