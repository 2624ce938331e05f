"""Shared fixtures: the real spaCy pipeline (loaded once), and ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared corpora and scorers beside the checkout; skips the test when absent."""
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not here (a user's machine)")
    return SHARED


@pytest.fixture(scope="session")
def pipe():
    """The real pipeline with the real spaCy model, loaded once for the session."""
    import wiretrace

    return wiretrace.load()
