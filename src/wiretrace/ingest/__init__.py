"""Ingest: files, folders, stdin and records in; Documents (or InputErrors) out.

Readers yield errors instead of raising them, so one bad input never stops a
batch: ``for item in read_inputs(paths): if isinstance(item, InputError): ...``
"""

from __future__ import annotations

from wiretrace.ingest.decode import decode_bytes
from wiretrace.ingest.files import read_inputs, read_path
from wiretrace.ingest.records import records_to_documents
from wiretrace.ingest.sizes import MAX_FILE_BYTES

__all__ = ["MAX_FILE_BYTES", "decode_bytes", "read_inputs", "read_path", "records_to_documents"]
