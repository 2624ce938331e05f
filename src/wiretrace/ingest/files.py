"""Paths, folders and stdin to Documents: which reader a file gets, and the size cap.

Nothing here raises for a bad input: every problem is yielded as an
InputError naming the input, so one bad file never stops a batch.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO, TextIO

from wiretrace.errors import InputError
from wiretrace.ingest.decode import decode_bytes
from wiretrace.ingest.html import read_html
from wiretrace.ingest.jsonl import Line, iter_lines, looks_like_jsonl, read_json_file, read_jsonl
from wiretrace.ingest.sizes import MAX_FILE_BYTES, human_size, too_large
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
}

STDIN = "-"
STDIN_SOURCE = "<stdin>"


def read_inputs(
    inputs: Iterable[str], stdin: TextIO | BinaryIO | None = None, *, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[Result]:
    """Documents from files, folders (recursively) and ``-`` (stdin), in order; errors are yielded."""
    for item in inputs:
        if item == STDIN:
            yield from read_stdin(sys.stdin if stdin is None else stdin, max_bytes=max_bytes)
        else:
            yield from read_path(item, max_bytes=max_bytes)


def read_path(path: str, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Result]:
    """Documents from one file, or from every known file under a folder (sorted, hidden ones skipped)."""
    if os.path.isdir(path):
        for found in walk(path):
            if isinstance(found, InputError):
                yield found
            else:
                yield from read_file(found, max_bytes=max_bytes)
    elif not os.path.lexists(path):
        yield InputError(path, "no such file or directory")
    else:
        yield from read_file(path, max_bytes=max_bytes)


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
    return not name.startswith(".") and Path(name).suffix.lower() in KINDS


def read_file(path: str, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Result]:
    """The Documents of one file, read by its extension (text when it is unknown)."""
    kind = KINDS.get(Path(path).suffix.lower(), "text")
    try:
        if kind == "jsonl":
            with open(path, "rb") as stream:
                yield from read_jsonl(iter_lines(stream, max_bytes), path, max_bytes)
            return
        data = read_capped(path, max_bytes)
        if kind == "json":
            yield from read_json_file(data, path, max_bytes)
        elif kind == "html":
            yield read_html(data, path)
        else:
            yield Document(source=path, text=decode_bytes(data, path))
    except InputError as err:
        yield err
    except OSError as err:
        yield os_error(err, path)


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
