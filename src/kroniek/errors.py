"""Errors from one place, shaped ``kroniek: <source>: <problem>[; fix]``."""

from __future__ import annotations


class KroniekError(Exception):
    """A problem with one input or one setting, reported to the user as one line."""

    def __init__(self, source: str, problem: str, fix: str | None = None):
        super().__init__(problem)
        self.source = source
        self.problem = problem
        self.fix = fix

    def __str__(self) -> str:
        line = f"kroniek: {self.source}: {self.problem}"
        return f"{line}; {self.fix}" if self.fix else line


class ReadError(KroniekError):
    """An input page that cannot be read (binary, empty, undecodable, not Dutch, too large)."""


class RulesError(KroniekError):
    """A dictionary or pattern file that does not validate (source is file:line)."""


class FrogError(KroniekError):
    """Frog could not be started or did not answer in time."""
