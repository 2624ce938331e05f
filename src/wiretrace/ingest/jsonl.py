"""JSON Lines (and .json) to Documents: one article a line, a bad line never stops the rest.

Lines come in as bytes so that a bad byte can be named by its offset in the
file; each line must be UTF-8 (a UTF-8 BOM before the first is allowed).
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from wiretrace.errors import InputError
from wiretrace.ingest.records import RecordError, record_to_document
from wiretrace.ingest.sizes import too_large
from wiretrace.model import Document

# An overlong line, given by iter_lines as its length in bytes instead of its bytes.
Line = bytes | int


def iter_lines(stream: BinaryIO, max_bytes: int) -> Iterator[Line]:
    """The lines of ``stream``; a line longer than ``max_bytes`` comes as its length, unread."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield len(line) + _skip_rest_of_line(stream, max_bytes)
        else:
            yield line


def _skip_rest_of_line(stream: BinaryIO, chunk: int) -> int:
    skipped = 0
    while True:
        part = stream.readline(chunk)
        skipped += len(part)
        if not part or part.endswith(b"\n"):
            return skipped


def read_jsonl(lines: Iterable[Line], source: str, max_bytes: int) -> Iterator[Document | InputError]:
    """One Document (or InputError) per non-blank line; a record without a source gets "SOURCE:LINE".

    A stream with no non-blank line at all is one InputError, "empty file".
    """
    offset = 0
    blank = True
    for number, line in enumerate(lines, start=1):
        start = offset
        offset += line if isinstance(line, int) else len(line)
        if isinstance(line, int):
            blank = False
            yield InputError(source, f"line too large ({too_large(line, max_bytes)})", line=number)
            continue
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line, start = line[len(codecs.BOM_UTF8) :], start + len(codecs.BOM_UTF8)
        if line.strip():
            blank = False
            yield _line_document(line, source, number, start)
    if blank:
        yield InputError(source, "empty file")


def _line_document(line: bytes, source: str, number: int, start: int) -> Document | InputError:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as err:
        return InputError(source, f"invalid UTF-8 at byte {start + err.start}", line=number)
    try:
        return record_to_document(parse_json(text), f"{source}:{number}")
    except RecordError as err:
        return InputError(source, str(err), line=number)


def parse_json(text: str) -> Any:
    """The JSON value of ``text``; raises RecordError with a one-line reason."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise RecordError(f"invalid JSON: {err.msg} at column {err.colno}") from None
    except RecursionError:
        raise RecordError("invalid JSON: nested too deeply") from None
    except ValueError as err:  # e.g. an integer past Python's digit limit
        raise RecordError(f"invalid JSON: {err}".splitlines()[0]) from None


def read_json_file(data: bytes, source: str, max_bytes: int) -> Iterator[Document | InputError]:
    """A .json file: one record, an array of records, or else JSON Lines."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # not one JSON value: read it line by line
        yield from read_jsonl(iter_lines(io.BytesIO(data), max_bytes), source, max_bytes)
        return
    items = value if isinstance(value, list) else [value]
    for number, item in enumerate(items, start=1):
        try:
            yield record_to_document(item, f"{source}#{number}")
        except RecordError as err:
            yield InputError(source, f"item {number}: {err}")


def looks_like_jsonl(first_line: bytes) -> bool:
    """Whether a stream starting with this (non-blank) line is JSON Lines: it is a JSON object."""
    try:
        return isinstance(json.loads(first_line.decode("utf-8-sig")), dict)
    except (ValueError, RecursionError):
        return False
