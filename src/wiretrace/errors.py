"""One base exception; input errors name the input and what was wrong with it."""

from __future__ import annotations


class WiretraceError(Exception):
    """Base of every error Wiretrace raises on purpose."""


class InputError(WiretraceError):
    """An input (file, URL, record) that cannot be read as an article.

    ``str(err)`` is one line: ``SOURCE[:LINE]: PROBLEM``.
    """

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


def first_line(err: Exception) -> str:
    """A library error's message cut to its first line (its type's name when it has none), for an InputError."""
    lines = str(err).strip().splitlines()
    return lines[0] if lines else type(err).__name__
