"""Records (JSONL lines, API dicts) to Documents: the checks an input record must pass.

A record is ``{"source", "text", "pub_date", "title", "outlet", "url",
"language"}``; only ``text`` is required, other keys are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from wiretrace.errors import InputError
from wiretrace.ingest.complete import complete_document
from wiretrace.model import Document

# Optional string fields a record may carry, copied to the Document as they are.
OPTIONAL_FIELDS = ("title", "outlet", "url", "language")

# Longest pub_date string looked at: an ISO date-time with fraction and offset
# ("2023-02-14T10:05:00.123456+01:00" is 32); longer values are not dates.
MAX_DATE_CHARS = 40


class RecordError(ValueError):
    """What is wrong with one record; the caller adds where it came from."""


def record_to_document(record: Any, default_source: str) -> Document:
    """The Document a record describes; raises RecordError saying what is wrong."""
    if not isinstance(record, dict):
        raise RecordError(f"not a JSON object but {_json_type(record)}")
    text = _text_of(record)
    source = _optional_str(record, "source") or default_source
    fields = {key: _optional_str(record, key) for key in OPTIONAL_FIELDS}
    return Document(source=source, text=text, pub_date=normalize_date(record.get("pub_date")), **fields)


def _text_of(record: dict[str, Any]) -> str:
    if "text" not in record or record["text"] is None:
        raise RecordError('missing "text"')
    text = record["text"]
    if not isinstance(text, str):
        raise RecordError(f'"text" is not a string but {_json_type(text)}')
    if not text.strip():
        raise RecordError('"text" is empty')
    return _encodable(text, "text")


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RecordError(f'"{key}" is not a string but {_json_type(value)}')
    return _encodable(value, key)


def _encodable(value: str, key: str) -> str:
    """``value``, unless a JSON escape left half a surrogate pair in it (no UTF-8 can hold that)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise RecordError(f'"{key}" has an unpaired surrogate at character {err.start}') from None
    return value


def normalize_date(value: Any) -> str | None:
    """``"YYYY-MM-DD"`` for a date or ISO date-time (the date as written, no time-zone shift).

    ``None`` or ``""`` is no date; anything else that is not a date raises RecordError.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > MAX_DATE_CHARS:
        raise RecordError(f'"pub_date" is not a date: {_short(value)}')
    text = value.strip()
    try:
        if len(text) == len("YYYY-MM-DD"):
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        raise RecordError(f'"pub_date" is not a date: {_short(value)}') from None


def records_to_documents(
    records: Iterable[str | dict], source: str = "<api>"
) -> Iterator[Document | InputError]:
    """Documents from plain texts (source ``"<text N>"``) and JSONL-shaped dicts.

    A dict without a source gets ``"SOURCE:N"``; a bad item yields an
    InputError and the next items are still read. N counts from 1. Each
    Document has its outlet and language filled (``complete_document``).
    """
    for number, item in enumerate(records, start=1):
        if isinstance(item, str):
            found = _text_document(item, f"<text {number}>")
        else:
            try:
                found = record_to_document(item, f"{source}:{number}")
            except RecordError as err:
                found = InputError(source, str(err), line=number)
        yield complete_document(found) if isinstance(found, Document) else found


def _text_document(text: str, source: str) -> Document | InputError:
    if not text.strip():
        return InputError(source, "empty text")
    return Document(source=source, text=text)


def _json_type(value: Any) -> str:
    """How JSON would name the type of ``value``, for messages."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number" if isinstance(value, int | float) else type(value).__name__)


def _short(value: Any) -> str:
    """``value`` for a one-line message: repr, control characters escaped, cut at MAX_DATE_CHARS."""
    text = repr(value)
    return text if len(text) <= MAX_DATE_CHARS else text[: MAX_DATE_CHARS - 3] + "..."
