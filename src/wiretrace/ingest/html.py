"""HTML pages to Documents with trafilatura: the main text and the page's metadata.

Offsets of later stages point into the extracted text, which is what the
Document carries; the markup is not kept.
"""

from __future__ import annotations

import codecs
import re

import trafilatura

from wiretrace.errors import InputError
from wiretrace.ingest.decode import decode_bytes, split_bom
from wiretrace.ingest.records import RecordError, normalize_date
from wiretrace.model import Document

# Media types of an HTML page (a download's Content-Type, a WARC record's, a feed entry's content type).
HTML_TYPES = ("text/html", "application/xhtml+xml")
# How far into a page a <meta charset> is looked for: the HTML standard's
# encoding prescan reads the first 1024 bytes.
CHARSET_PRESCAN_BYTES = 1024

# Tables in news pages are mostly scores, prices and listings, not reported
# speech; leaving them out keeps that noise from the statement finder.
INCLUDE_TABLES = False

# How far into the decoded page the <html lang> tag is looked for: it follows
# at most a doctype and a comment or two.
LANG_PRESCAN_CHARS = 4096

# Charset labels the HTML standard reads as another encoding (WHATWG Encoding
# spec): latin-1 and ASCII labels mean windows-1252; a UTF-16 label in a page
# that was read as bytes can only be wrong, so it means UTF-8.
CHARSET_ALIASES = {
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "utf_16": "utf-8",
    "utf_16_le": "utf-8",
    "utf_16_be": "utf-8",
}

# Fewer words than this is not an article: where a page has no main text,
# trafilatura falls back to whatever is left, a menu's "Home" or stray markup.
MIN_ARTICLE_WORDS = 5
_WORD = re.compile(r"[^\W\d_]{2,}")

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)""", re.I)


def read_html(data: bytes, source: str, http_charset: str | None = None) -> Document:
    """The article in an HTML page; raises InputError naming ``source`` when there is none.

    ``http_charset`` is the charset of a downloaded page's Content-Type header.
    """
    markup = decode_html(data, source, http_charset)
    try:
        found = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=INCLUDE_TABLES
        )
    except Exception as err:  # a third-party parser on untrusted markup: never stop the batch
        raise InputError(source, f"HTML could not be parsed ({type(err).__name__})") from err
    text = (found.text or "") if found is not None else ""
    if len(_WORD.findall(text)) < MIN_ARTICLE_WORDS:
        raise InputError(source, "no article text found in HTML")
    return Document(
        source=source,
        text=text,
        pub_date=_date_or_none(found.date),
        title=found.title or None,
        outlet=found.sitename or None,
        url=found.url or None,
        language=found.language or _page_language(markup),
    )


def decode_html(data: bytes, source: str, http_charset: str | None = None) -> str:
    """The page's text: a BOM first, then the HTTP charset, then its <meta charset>, then what decode_bytes finds.

    That is the HTML standard's order of precedence.
    """
    charset = (codec_name(http_charset) or meta_charset(data)) if split_bom(data)[1] is None else None
    if charset:
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            pass  # the label lies; let the bytes speak
    return decode_bytes(data, source)


def meta_charset(data: bytes) -> str | None:
    """The Python codec named by the page's <meta charset> (or http-equiv), if it names a known one."""
    match = _META_CHARSET.search(data[:CHARSET_PRESCAN_BYTES])
    return codec_name(match.group(1).decode("ascii")) if match else None


def codec_name(label: str | None) -> str | None:
    """The Python codec an encoding label names, as the HTML standard reads labels; None if unknown."""
    try:
        name = codecs.lookup((label or "").strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None
    return CHARSET_ALIASES.get(name, name)


def _page_language(markup: str) -> str | None:
    match = _HTML_LANG.search(markup[:LANG_PRESCAN_CHARS])
    return match.group(1) if match else None


def _date_or_none(value: str | None) -> str | None:
    """htmldate's date as "YYYY-MM-DD"; a value it cannot vouch for is dropped, not an error."""
    try:
        return normalize_date(value)
    except RecordError:
        return None
