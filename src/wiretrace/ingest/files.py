"""Paths, folders and stdin to Documents: which reader a file gets, and the size cap.

Nothing here raises for a bad input: every problem is yielded as an
InputError naming the input, so one bad file never stops a batch.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO, TextIO

from wiretrace.errors import InputError
from wiretrace.ingest.complete import URL_SCHEMES, complete_document
from wiretrace.ingest.decode import decode_bytes
from wiretrace.ingest.feeds import looks_like_feed, read_feed
from wiretrace.ingest.fetch import FetchOptions, fetch_url
from wiretrace.ingest.html import HTML_TYPES, read_html
from wiretrace.ingest.jsonl import Line, iter_lines, looks_like_jsonl, read_json_file, read_jsonl
from wiretrace.ingest.sizes import MAX_FILE_BYTES, human_size, too_large
from wiretrace.ingest.warc import read_warc
from wiretrace.model import Document

Result = Document | InputError

# File kinds by extension (lower case). In a folder only these are read; a
# file named explicitly with another extension is read as text.
KINDS = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}
# A known kind with this suffix added is read through gzip (".warc.gz", ".jsonl.gz").
GZIP_SUFFIX = ".gz"
# Inflated bytes read at a time: a gzip bomb is stopped within one slice of the cap.
GZIP_CHUNK_BYTES = 64 * 1024

STDIN = "-"
STDIN_SOURCE = "<stdin>"


def read_inputs(
    inputs: Iterable[str],
    stdin: TextIO | BinaryIO | None = None,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    fetch: FetchOptions | None = None,
    follow_links: bool = False,
) -> Iterator[Result]:
    """Documents from files, folders (recursively), URLs and ``-`` (stdin), in order; errors are yielded.

    Each Document has its outlet and language filled (``complete_document``).
    URLs are downloaded with ``fetch`` (defaults: FetchOptions()); with
    ``follow_links``, a feed's items are read from the pages they link to.
    """
    fetch = fetch or FetchOptions(max_bytes=max_bytes)
    follow = fetch if follow_links else None
    for item in inputs:
        if item == STDIN:
            found = read_stdin(sys.stdin if stdin is None else stdin, max_bytes=max_bytes)
        elif item.lower().startswith(URL_SCHEMES):
            found = read_url(item, fetch, follow)
        else:
            found = read_path(item, max_bytes=max_bytes, follow=follow)
        for result in found:
            yield complete_document(result) if isinstance(result, Document) else result


def read_path(path: str, *, max_bytes: int = MAX_FILE_BYTES, follow: FetchOptions | None = None) -> Iterator[Result]:
    """Documents from one file, or from every known file under a folder (sorted, hidden ones skipped)."""
    if os.path.isdir(path):
        for found in walk(path):
            if isinstance(found, InputError):
                yield found
            else:
                yield from read_file(found, max_bytes=max_bytes, follow=follow)
    elif not os.path.lexists(path):
        yield InputError(path, "no such file or directory")
    else:
        yield from read_file(path, max_bytes=max_bytes, follow=follow)


def read_url(url: str, fetch: FetchOptions, follow: FetchOptions | None = None) -> Iterator[Result]:
    """The article (or the feed's items) at ``url``, read by what the page holds."""
    try:
        page = fetch_url(url, fetch)
        content_type, _, params = page.content_type.partition(";")
        kind = "html" if content_type.strip().lower() in HTML_TYPES else "text"
        for item in read_data(page.data, url, kind, fetch.max_bytes, follow, _charset(params)):
            if isinstance(item, Document):
                item.url = item.url or page.url
            yield item
    except InputError as err:
        yield err


def _charset(params: str) -> str | None:
    """The charset parameter of a Content-Type header's parameters ("charset=ISO-8859-1")."""
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip()
    return None


def walk(folder: str) -> list[str | InputError]:
    """The known files under ``folder``, sorted by path; hidden files and folders are skipped.

    A folder that cannot be listed comes as an InputError in the list.
    """
    found: list[str] = []
    errors: list[InputError] = []
    for root, dirs, files in os.walk(folder, onerror=lambda err: errors.append(os_error(err))):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        found += [os.path.join(root, name) for name in files if _wanted(name)]
    return [*errors, *sorted(found, key=lambda name: Path(name).parts)]


def _wanted(name: str) -> bool:
    return not name.startswith(".") and kind_of(name)[0] is not None


def kind_of(path: str) -> tuple[str | None, bool]:
    """The kind of file a name says (None when unknown), and whether it is gzipped."""
    name = path.lower()
    gzipped = name.endswith(GZIP_SUFFIX)
    return KINDS.get(Path(name.removesuffix(GZIP_SUFFIX)).suffix), gzipped


def read_file(path: str, *, max_bytes: int = MAX_FILE_BYTES, follow: FetchOptions | None = None) -> Iterator[Result]:
    """The Documents of one file, read by its extension (text when it is unknown) and its first bytes."""
    kind, gzipped = kind_of(path)
    try:
        if kind == "warc":
            yield from read_warc(path, max_bytes)
        elif kind == "jsonl":
            with gzip.open(path, "rb") if gzipped else open(path, "rb") as stream:
                yield from read_jsonl(iter_lines(stream, max_bytes), path, max_bytes)
        else:
            data = read_gunzipped(path, max_bytes) if gzipped else read_capped(path, max_bytes)
            yield from read_data(data, path, kind or "text", max_bytes, follow)
    except InputError as err:
        yield err
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        yield InputError(path, gzip_problem(err))
    except OSError as err:
        yield os_error(err, path)


def read_data(
    data: bytes, source: str, kind: str, max_bytes: int, follow: FetchOptions | None = None,
    charset: str | None = None,
) -> Iterator[Result]:
    """The Documents in a file's (or a page's) bytes: a feed wherever the bytes start like one.

    ``charset`` is the one a server declared for a page (HTML only).
    """
    if kind == "json":
        yield from read_json_file(data, source, max_bytes)
    elif kind == "feed" or looks_like_feed(data):
        yield from read_feed(data, source, follow)
    elif kind == "html":
        yield read_html(data, source, charset)
    else:
        yield Document(source=source, text=decode_bytes(data, source))


def read_gunzipped(path: str, max_bytes: int) -> bytes:
    """The inflated bytes of a gzipped file; raises InputError once they pass ``max_bytes`` (a gzip bomb)."""
    data = bytearray()
    with gzip.open(path, "rb") as stream:
        while len(data) <= max_bytes and (chunk := stream.read(GZIP_CHUNK_BYTES)):
            data += chunk
    if len(data) > max_bytes:
        raise InputError(path, f"too large once decompressed (over {human_size(max_bytes)})")
    return bytes(data)


def gzip_problem(err: Exception) -> str:
    """What a gzip error means for the reader: not gzip, cut off, or damaged."""
    if isinstance(err, gzip.BadGzipFile) and str(err).startswith("Not a gzipped file"):
        return "not gzip data"
    if isinstance(err, EOFError):
        return "truncated gzip data"
    return f"corrupt gzip data ({str(err).splitlines()[0] if str(err) else type(err).__name__})"


def read_capped(path: str, max_bytes: int) -> bytes:
    """The bytes of ``path``; raises InputError without reading it all when it is over ``max_bytes``."""
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > max_bytes:
            raise InputError(path, f"file too large ({too_large(size, max_bytes)})")
        data = stream.read(max_bytes + 1)  # a pipe or a growing file has no honest size
    if len(data) > max_bytes:
        raise InputError(path, f"file too large (over {human_size(max_bytes)})")
    return data


def os_error(err: OSError, path: str | None = None) -> InputError:
    """An OSError as an InputError: "no such file or directory", "permission denied"."""
    problem = (err.strerror or str(err)).lower()
    return InputError(path or str(err.filename), problem)


def read_stdin(stream: TextIO | BinaryIO, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Result]:
    """stdin as JSON Lines when its first non-blank line is a JSON object, else as one article."""
    lines = iter_lines(_binary(stream), max_bytes)
    head = _head(lines)
    if head and isinstance(head[-1], bytes) and looks_like_jsonl(head[-1]):
        yield from read_jsonl(chain(head, lines), STDIN_SOURCE, max_bytes)
        return
    try:
        data = _join(chain(head, lines), max_bytes)
        yield Document(source=STDIN_SOURCE, text=decode_bytes(data, STDIN_SOURCE))
    except InputError as err:
        yield err


def _binary(stream: TextIO | BinaryIO) -> BinaryIO:
    """A byte stream of ``stream``: so CRLF survives and the bytes are decoded the same way as a file's."""
    if not isinstance(stream, io.TextIOBase) and not hasattr(stream, "encoding"):
        return stream  # type: ignore[return-value]
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(stream.read().encode("utf-8"))


def _head(lines: Iterator[Line]) -> list[Line]:
    """The leading blank lines and the first non-blank one."""
    head: list[Line] = []
    for line in lines:
        head.append(line)
        if isinstance(line, int) or line.strip():
            break
    return head


def _join(lines: Iterable[Line], max_bytes: int) -> bytes:
    """The lines as one text; raises InputError once they pass ``max_bytes``."""
    parts: list[bytes] = []
    size = 0
    for line in lines:
        size += line if isinstance(line, int) else len(line)
        if isinstance(line, int) or size > max_bytes:
            raise InputError(STDIN_SOURCE, f"input too large (over {human_size(max_bytes)})")
        parts.append(line)
    return b"".join(parts)
