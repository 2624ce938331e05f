"""RSS and Atom feeds to Documents with feedparser: one article per item.

An item's text is its full content where the feed carries it, else its
summary, markup reduced to text (offsets point into that text). With
``follow`` set, each item's link is downloaded and read as an HTML page
instead, the item's title and date filling what the page lacks.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from wiretrace.errors import InputError
from wiretrace.ingest.fetch import FetchOptions, fetch_url
from wiretrace.ingest.html import HTML_TYPES, read_html
from wiretrace.ingest.markup import fragment_text
from wiretrace.model import Document

# How far into a file its root element is looked for: an XML declaration,
# a stylesheet instruction and a comment or two come before it.
SNIFF_BYTES = 2048
# The closing tag of a feed's root element, which a complete feed ends with.
_ROOT_END = re.compile(rb"</(?:rss|feed|rdf:RDF)\s*>\s*(?:<!--.*?-->\s*)*\Z", re.DOTALL | re.IGNORECASE)

_FEED_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b",
    re.DOTALL | re.IGNORECASE,
)


def looks_like_feed(data: bytes) -> bool:
    """Whether the bytes start like an RSS, Atom or RSS 1.0 (RDF) document."""
    return _FEED_ROOT.match(data[:SNIFF_BYTES]) is not None


def read_feed(data: bytes, source: str, follow: FetchOptions | None = None) -> Iterator[Document | InputError]:
    """The items of a feed; a feed that cannot be read is one InputError, a bad item another."""
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        yield InputError(source, _why_no_items(parsed))
        return
    entries = parsed.entries
    truncated = not _ROOT_END.search(data[-SNIFF_BYTES:])
    if truncated:  # the last item may be cut anywhere: leave it out rather than store half of it
        entries = entries[:-1]
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(entries, start=1):
        try:
            if follow is None:
                yield item_document(entry, f"{source}#{number}", outlet)
            else:
                yield linked_document(entry, outlet, follow)
        except InputError as err:
            yield err if follow is not None else InputError(source, f"item {number}: {err.problem}")
    if truncated:
        yield InputError(source, "truncated feed (it ends before its closing tag; the last item was left out)")


def _why_no_items(parsed: Any) -> str:
    if parsed.get("version"):
        return "feed has no items"
    problem = str(parsed.get("bozo_exception", "")).strip().splitlines() if parsed.get("bozo") else []
    return f"not an RSS or Atom feed ({problem[0]})" if problem else "not an RSS or Atom feed"


def item_document(entry: Any, source: str, outlet: str | None) -> Document:
    """A feed item as a Document: its content (else summary) as text."""
    text = _item_text(entry)
    if not text.strip():
        raise InputError(source, "no text (neither content nor summary)")
    return Document(
        source=source,
        text=text,
        title=_clean(entry.get("title")),
        url=entry.get("link") or None,
        pub_date=item_date(entry),
        outlet=outlet,
        language=_item_language(entry),
    )


def linked_document(entry: Any, outlet: str | None, follow: FetchOptions) -> Document:
    """The page an item links to, read as HTML; the item fills the title, date and outlet it lacks."""
    link = entry.get("link")
    if not link:
        raise InputError(_clean(entry.get("title")) or "<feed item>", "no link to fetch")
    page = fetch_url(link, follow)
    document = read_html(page.data, link)
    document.url = document.url or page.url
    document.title = document.title or _clean(entry.get("title"))
    document.pub_date = document.pub_date or item_date(entry)
    document.outlet = document.outlet or outlet
    return document


def _item_text(entry: Any) -> str:
    """The longest of the item's contents and summary, as text."""
    parts = [*entry.get("content", []), entry.get("summary_detail") or {}]
    best = max(parts, key=lambda part: len(part.get("value") or ""), default={})
    value = best.get("value") or ""
    return fragment_text(value) if best.get("type", "text/html") in HTML_TYPES else value.strip()


def item_date(entry: Any) -> str | None:
    """The item's publication date (else its update date) as "YYYY-MM-DD", the day as the feed writes it.

    feedparser's own parse is shifted to UTC ("Tue, 05 Mar 2024 23:30 -0500"
    would be the 6th), so the written value is read first; feedparser's parse
    is the fallback for the many other date formats it knows.
    """
    for key in ("published", "updated"):
        written = _written_date(entry.get(key) or "")
        if written:
            return written
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(*parsed[:3]).isoformat() if parsed else None


def _written_date(value: str) -> str | None:
    """The date of an RFC 822 (RSS) or ISO 8601 (Atom) date-time, in its own time zone."""
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def _item_language(entry: Any) -> str | None:
    detail = entry.get("content", [{}])[0] if entry.get("content") else entry.get("summary_detail") or {}
    return detail.get("language") or None


def _clean(value: str | None) -> str | None:
    """A title as one line of text, or None when blank."""
    text = " ".join((value or "").split())
    return text or None
