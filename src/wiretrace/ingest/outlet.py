"""Who published an article, when its metadata does not say: the URL's host, else the text's signature lines.

Signature lines are the ones agencies and papers put in their own copy: a
wire dateline ``WASHINGTON (Reuters) -``, a copyright line ``Copyright 2016
The Associated Press``, a byline ``Written by Jane Doe for The Guardian``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Subdomains that say how a site is served, not whose it is.
SERVING_PREFIXES = ("www.", "www2.", "m.", "mobile.", "amp.", "edition.")
# Signature lines sit at the top (datelines, bylines) or the bottom (copyright)
# of a text; only this many characters at each end are searched.
SIGNATURE_CHARS = 3000

# A name as outlets write theirs: capitalized words, "&", dots ("U.S. News").
_NAME = r"[A-Z][\w&.'’-]*(?:[ ][A-Z&][\w&.'’-]*){0,5}"
SIGNATURES = (
    # WASHINGTON (Reuters) -, KYIV, Ukraine (AP) —, (CNN) -
    re.compile(rf"^[ \t]*(?:[A-Z][\w .,'’/-]{{0,60}}?[ \t])?\((?P<name>{_NAME})\)[ \t]*[-–—]", re.M),
    # Copyright 2016 The Associated Press. All rights reserved. / © 2023 Reuters
    re.compile(rf"(?:Copyright|©)[ \t]*(?:©[ \t]*)?(?:\d{{4}}(?:[ \t]*[-–][ \t]*\d{{4}})?,?[ \t]+)(?P<name>{_NAME})"),
    # Written by Jane Doe for The Guardian
    re.compile(rf"\b(?:Written|Reported|Reporting|Story) by [^\n]{{1,80}}? for (?P<name>(?:the )?{_NAME})"),
)
# Words a copyright or byline match may run into that are not part of the name.
_TRAILING = re.compile(r"(?:[ .,]+(?:All|Inc|Ltd|LLC|and|or))*[ .,]*$")


def outlet_from_url(url: str | None) -> str | None:
    """The site's host name without its serving prefix: "www.theguardian.com" -> "theguardian.com"."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return None
    for prefix in SERVING_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
            break
    return host or None


def outlet_from_signature(text: str) -> str | None:
    """The outlet a text signs itself with, if it carries a wire dateline, copyright line or byline."""
    ends = text[:SIGNATURE_CHARS] + "\n" + text[-SIGNATURE_CHARS:]
    for pattern in SIGNATURES:
        match = pattern.search(ends)
        if match:
            name = _TRAILING.sub("", match.group("name"))
            if name:
                return name
    return None
