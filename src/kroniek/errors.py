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
        line = f"kroniek: {printable(self.source)}: {printable(self.problem)}"
        return f"{line}; {printable(self.fix)}" if self.fix else line


def printable(text: str) -> str:
    """``text`` with every unprintable character (newline, escape, lone surrogate...) escaped.

    A file name may hold a newline or terminal escape codes; written raw they would break
    the one-line message or drive the terminal.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class ReadError(KroniekError):
    """An input page that cannot be read (binary, empty, undecodable, not Dutch, too large)."""


class RulesError(KroniekError):
    """A dictionary or pattern file that does not validate (source is file:line)."""


class FrogError(KroniekError):
    """Frog could not be started or did not answer in time."""
