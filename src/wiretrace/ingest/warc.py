"""Web archives (WARC, WARC.gz) to Documents, streamed: HTML responses only, as Common Crawl tooling reads them.

warcio parses the records; the gzip layer is ours (``ArchiveStream``) so
that a cut-off archive is noticed: warcio alone stops quietly at a
truncated gzip member or a record cut short. What was complete before the
cut is yielded, then one InputError for the file.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from wiretrace.errors import InputError, first_line
from wiretrace.ingest.html import HTML_TYPES, read_html
from wiretrace.ingest.sizes import human_size, too_large
from wiretrace.model import Document

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
# Compressed bytes read at a time, and most bytes inflated per read: a
# gzip bomb is inflated a slice at a time, never all at once.
CHUNK_BYTES = 64 * 1024
# How every WARC record ends (WARC 1.1, section 4): two CRLFs after the block.
RECORD_END = b"\r\n\r\n"
TRUNCATED = "truncated WARC (the archive ends inside a record)"


class TruncatedRecord(Exception):
    """The archive ends before a record's declared length."""


class ArchiveStream:
    """The bytes of a WARC file, inflated when gzipped (any number of members).

    Never raises for bad data: ``broken`` says what was wrong and reading
    stops; ``tail`` holds the last bytes given, to check the file ends a record.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.pending = raw.read(CHUNK_BYTES)
        self.inflater = zlib.decompressobj(wbits=31) if self.pending.startswith(GZIP_MAGIC) else None
        self.in_member = False
        self.ahead = b""
        self.given = 0
        self.tail = b""
        self.broken: str | None = None

    def starts_a_record(self) -> bool:
        """Whether the (inflated) bytes begin with a WARC version line; what is looked at is read again."""
        while len(self.ahead) < len(WARC_MAGIC) and (data := self._next(CHUNK_BYTES)):
            self.ahead += data
        return self.ahead.startswith(WARC_MAGIC)

    def read(self, size: int = -1) -> bytes:
        size = size if 0 < size <= CHUNK_BYTES else CHUNK_BYTES
        if self.ahead:
            data, self.ahead = self.ahead[:size], self.ahead[size:]
        else:
            data = self._next(size)
        self.given += len(data)
        self.tail = (self.tail + data)[-len(RECORD_END):]
        return data

    def _next(self, size: int) -> bytes:
        return self._plain(size) if self.inflater is None else self._inflate(size)

    def _plain(self, size: int) -> bytes:
        if not self.pending:
            self.pending = self.raw.read(CHUNK_BYTES)
        data, self.pending = self.pending[:size], self.pending[size:]
        return data

    def _inflate(self, size: int) -> bytes:
        assert self.inflater is not None
        while self.broken is None:
            self.pending = self.pending or self.raw.read(CHUNK_BYTES)
            if not self.pending:
                if self.in_member:
                    self.broken = "truncated gzip data (the archive ends inside a record)"
                return b""
            try:
                data = self.inflater.decompress(self.pending, size)
            except zlib.error:
                self.broken = "corrupt gzip data" if self.given else "not gzip data"
                return b""
            self.in_member = not self.inflater.eof
            self.pending = self.inflater.unused_data if self.inflater.eof else self.inflater.unconsumed_tail
            if self.inflater.eof:
                self.inflater = zlib.decompressobj(wbits=31)
            if data:
                return data
        return b""


def read_warc(path: str, max_bytes: int) -> Iterator[Document | InputError]:
    """The HTML pages (status 200) archived in a WARC file, each with its target URI as url."""
    found = 0
    with open(path, "rb") as raw:
        stream = ArchiveStream(raw)
        if not stream.starts_a_record():
            yield InputError(path, _start_problem(stream))
            return
        try:
            for number, record in enumerate(ArchiveIterator(stream, arc2warc=False), start=1):
                item = record_document(record, f"{path}#{number}", max_bytes)
                if item is not None:
                    found += 1
                    yield item
        except TruncatedRecord:
            yield InputError(path, stream.broken or TRUNCATED)
            return
        except (ArchiveLoadFailed, ValueError, EOFError) as err:
            yield InputError(path, f"not a valid WARC file ({first_line(err)})")
            return
    problem = _end_problem(stream, found)
    if problem:
        yield InputError(path, problem)


def _start_problem(stream: ArchiveStream) -> str:
    if stream.broken:
        return stream.broken
    if not stream.ahead.strip():
        return "empty file"
    return "not a WARC file (it does not start with a WARC/1.x record header)"


def _end_problem(stream: ArchiveStream, found: int) -> str | None:
    """What is wrong with how the archive ended, if anything."""
    if stream.broken:
        return stream.broken
    if stream.tail != RECORD_END:
        return TRUNCATED
    return None if found else "no HTML pages in the archive (no response record with status 200 and text/html)"


def record_document(record: Any, source: str, max_bytes: int) -> Document | InputError | None:
    """The page in one record, None when it is not an HTML response; raises TruncatedRecord when cut short."""
    if not _is_html_response(record):
        return None
    if record.length > max_bytes:
        return InputError(source, f"record too large ({too_large(record.length, max_bytes)})")
    data = record.content_stream().read(max_bytes + 1)
    if record.raw_stream.limit > 0:  # the archive ended before the record's declared length
        raise TruncatedRecord(source)
    if len(data) > max_bytes:
        return InputError(source, f"page too large (over {human_size(max_bytes)} once decoded)")
    try:
        document = read_html(data, source)
    except InputError as err:
        return err
    document.url = record.rec_headers.get_header("WARC-Target-URI") or document.url
    return document


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return record.http_headers.get_statuscode() == "200" and content_type in HTML_TYPES
