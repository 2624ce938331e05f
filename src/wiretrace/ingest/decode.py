"""Bytes to text: BOMs, UTF-8, damaged UTF-8, legacy encodings, binary files.

The decoded text is what every offset points into, so nothing here
translates newlines: a CRLF file keeps its "\\r\\n". A byte order mark is
not part of the text and is dropped.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from wiretrace.errors import InputError

# Byte order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Where "damaged UTF-8" ends and "legacy encoding" begins. Legacy single-byte
# text (cp1252, latin-1) almost never forms a valid UTF-8 multi-byte sequence
# by chance: its high bytes stand alone (a curly quote 0x93, "é" 0xE9 before a
# plain letter), so only a few percent of them pair up. Damaged UTF-8 is the
# other way round: its non-ASCII characters are valid sequences, with a few
# stray bytes (a truncated file, a pasted cp1252 fragment). A file whose
# non-ASCII stretches are at least this share valid UTF-8 is taken as damaged
# UTF-8; a half-way cut leaves a wide margin on both sides.
DAMAGED_UTF8_MIN_VALID_SHARE = 0.5

# The legacy encoding chosen when charset-normalizer finds it as good as its
# first guess: short English text with curly quotes ties cp1250 with cp1252,
# and cp1252 is by far the commoner for Western news (WHATWG reads "latin-1"
# labels as cp1252 too).
PREFERRED_LEGACY = "cp1252"

# Guesses whose chaos (charset-normalizer's mess ratio, 0..1) is within this
# of the best one count as ties.
CHAOS_TIE = 0.01

# Above this share of control characters (other than tab, newlines, form
# feed) a decoded file is not text. Real articles have next to none.
BINARY_CONTROL_SHARE = 0.05

# One valid UTF-8 sequence of two to four bytes (RFC 3629, Table 3-7 of Unicode).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
# C0 and C1 control characters but tab, line feed, vertical tab, form feed, carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes, source: str) -> str:
    """The text of a file's bytes; raises InputError naming ``source`` when it is not text.

    Order: a BOM decides; then NUL bytes mean binary; then valid UTF-8 is
    UTF-8; then damaged UTF-8 is an error; then charset-normalizer guesses.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    bom, encoding = split_bom(data)
    if encoding:
        text = _decode_strict(data, bom, encoding, source)
    elif b"\x00" in data:
        raise InputError(source, "binary file, not text")
    else:
        text = _decode_without_bom(data, source)
    return _check_text(text, source)


def split_bom(data: bytes) -> tuple[int, str | None]:
    """The length of the byte order mark at the start of ``data`` and its encoding."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return len(bom), encoding
    return 0, None


def _decode_strict(data: bytes, skip: int, encoding: str, source: str) -> str:
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as err:
        name = "UTF-8" if encoding == "utf-8" else encoding.upper()
        raise InputError(source, f"invalid {name} at byte {skip + err.start}") from None


def _decode_without_bom(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if looks_like_damaged_utf8(data):
            raise InputError(source, f"invalid UTF-8 at byte {err.start}") from None
    return _decode_legacy(data, source)


def looks_like_damaged_utf8(data: bytes) -> bool:
    """Whether ``data``, not valid UTF-8, is UTF-8 with a few bad bytes rather than a legacy encoding."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    valid = _UTF8_MULTIBYTE.findall(data)
    in_valid = sum(len(seq) for seq in valid)
    stray = high - in_valid
    return bool(valid) and len(valid) / (len(valid) + stray) >= DAMAGED_UTF8_MIN_VALID_SHARE


def _decode_legacy(data: bytes, source: str) -> str:
    """charset-normalizer's best guess, preferring cp1252 where it ties."""
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(source, "binary file, not text")
    best = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best + CHAOS_TIE]
    if any(PREFERRED_LEGACY in m.could_be_from_charset for m in tied):
        try:
            return data.decode(PREFERRED_LEGACY)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(tied[0].encoding)
    except UnicodeDecodeError:  # charset-normalizer only sampled the file
        raise InputError(source, "binary file, not text") from None


def _check_text(text: str, source: str) -> str:
    """The decoded text, unless it is blank or mostly control characters."""
    if not text.strip():
        raise InputError(source, "empty file")
    if len(_CONTROL.findall(text)) > BINARY_CONTROL_SHARE * len(text):
        raise InputError(source, "binary file, not text")
    return text
