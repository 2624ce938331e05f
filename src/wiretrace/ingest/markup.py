"""A fragment of HTML (a feed item's content) reduced to text: one paragraph a line.

trafilatura looks for the main text of a whole page and drops short
fragments as boilerplate; a feed item is all main text, so it is flattened
here instead: block elements become line breaks, scripts and styles go.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

# Elements that end a line of text: paragraphs, headings, list items, breaks, cells.
BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article header footer figure figcaption"
    " dd dt dl hr".split()
)
DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment, one block a line, spaces collapsed; "" when there is none."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
