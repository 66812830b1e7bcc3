"""Align Frog's token rows to character offsets in the original text.

Frog (its tokenizer ucto) may change a token's characters (quotes, accents, invisible
characters), join several words into one multi-word unit ("Den_Haag") or drop characters.
Alignment walks the text left to right: exact match at the cursor, then a match modulo
normalisation (quotes, dashes, accents, case, invisible characters), then a multi-word unit
with "_" standing for whitespace, then a search a little further ahead; when all fail the
token gets a best-effort span at the cursor and keeps Frog's spelling.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kroniek.records import Token

_QUOTES = "\"'`´‘’‚‛“”„‟′″«»‹›"
_DASHES = "‐‑‒–—―−"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LOOKAHEAD = 200  # characters searched ahead when the cursor does not match


def _norm_char(ch: str) -> str:
    """One character as compared: quotes, dashes, spaces unified; accents, case dropped."""
    if ch.isspace():
        return " "
    if ch in _QUOTES:
        return "'"
    if ch in _DASHES:
        return "-"
    if ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cf", "Mn"):
        return ""
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class _Normalised:
    """A string after _norm_char, with each character's offset in the original."""

    original: str
    text: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> _Normalised:
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(original):
            for n in _norm_char(ch):
                chars.append(n)
                origin.append(i)
        return cls(original, "".join(chars), tuple(origin))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of normalised [start, end), with trailing combining marks."""
        last = self.origin[end - 1] + 1
        while last < len(self.original) and unicodedata.combining(self.original[last]):
            last += 1
        return self.origin[start], last

    def position(self, original_offset: int) -> int:
        """First normalised index at or after an original offset."""
        lo, hi = 0, len(self.origin)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.origin[mid] < original_offset:
                lo = mid + 1
            else:
                hi = mid
        return lo


def _locate(text: str, norm: _Normalised, cursor: int, word: str) -> tuple[int, int, bool] | None:
    """Span of `word` at or shortly after `cursor` and whether it matched as a multi-word unit."""
    while cursor < len(text) and text[cursor].isspace():
        cursor += 1
    if word and text.startswith(word, cursor):
        return cursor, cursor + len(word), False
    target = "".join(_norm_char(ch) for ch in word)
    if not target.strip():
        return None
    pos = norm.position(cursor)
    while pos < len(norm.text) and norm.text[pos] == " ":
        pos += 1
    if norm.text.startswith(target, pos):
        return (*norm.span(pos, pos + len(target)), False)
    parts = [p for p in target.split("_") if p]
    mwu = len(parts) > 1
    pattern = re.compile(r"\s*".join(re.escape(p) for p in parts)) if mwu else None
    if pattern is not None:
        found = pattern.match(norm.text, pos)
        if found:
            return (*norm.span(found.start(), found.end()), True)
    window_end = min(len(norm.text), pos + _LOOKAHEAD + len(target))
    if pattern is not None:
        found = pattern.search(norm.text, pos, window_end)
        if found:
            return (*norm.span(found.start(), found.end()), True)
        return None
    ahead = norm.text.find(target, pos, window_end)
    if ahead >= 0:
        return (*norm.span(ahead, ahead + len(target)), False)
    return None


def _fallback(text: str, cursor: int, word: str) -> tuple[int, int]:
    """Best-effort span: the start of the next non-space run, at most len(word) long."""
    while cursor < len(text) and text[cursor].isspace():
        cursor += 1
    end = cursor
    while end < len(text) and not text[end].isspace() and end - cursor < max(1, len(word)):
        end += 1
    return cursor, end


def _column(row: tuple[str, ...], i: int) -> str:
    return row[i] if len(row) > i else ""


def _without_leading_marks(word: str) -> str:
    """A word without the combining marks before its first letter (a stray accent in wire copy)."""
    i = 0
    while i < len(word) and unicodedata.combining(word[i]):
        i += 1
    return word[i:]


def row_token(
    row: tuple[str, ...], position: int, span: tuple[int, int], text: str, mwu: bool, parsed: bool
) -> Token:
    """A Token from one Frog row; `text` is the token's surface form in the original."""
    index = int(row[0]) if row and row[0].isdigit() else position
    stray = len(text) - len(_without_leading_marks(text))
    if stray < len(text):  # a stray accent before a word belongs to no letter of it
        text, span = text[stray:], (span[0] + stray, span[1])
    lemma = _without_leading_marks(_column(row, 2)) or text
    if mwu:
        lemma = lemma.replace("_", " ")
    head, rel = None, None
    if parsed and len(row) >= 11:  # head and relation are Frog's last two columns
        head = int(row[-2]) if row[-2].isdigit() else None
        rel = row[-1] or None
    return Token(
        index=index,
        text=text,
        lemma=lemma,
        pos=_column(row, 4),
        start=span[0],
        end=span[1],
        head=head,
        rel=rel,
    )


def align(text: str, rows: list[list[tuple[str, ...]]], parsed: bool) -> list[list[Token]]:
    """Frog's sentences of rows as Tokens with offsets into `text` (the string sent)."""
    norm = _Normalised.of(text)
    cursor = 0
    sentences: list[list[Token]] = []
    for sentence_rows in rows:
        tokens: list[Token] = []
        for position, row in enumerate(sentence_rows, start=1):
            word = _column(row, 1)
            located = _locate(text, norm, cursor, word)
            if located is None:
                start, end = _fallback(text, cursor, word)
                surface, mwu = word.replace("_", " "), "_" in word
            else:
                start, end, mwu = located
                surface = text[start:end]
            tokens.append(row_token(row, position, (start, end), surface, mwu, parsed))
            cursor = max(cursor, end)
        if tokens:
            sentences.append(tokens)
    return sentences
