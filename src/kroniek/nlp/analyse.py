"""Text -> Sentences with Frog's Tokens, offsets relative to the field the text came from."""

from __future__ import annotations

import re
from dataclasses import replace

from kroniek.errors import FrogError
from kroniek.nlp.align import align
from kroniek.nlp.pool import FrogPool
from kroniek.nlp.retag import retag
from kroniek.records import Sentence, Token

_QUOTES = frozenset("\"'`´‘’‚‛“”„‟′″«»‹›")

# The line boundaries of str.splitlines(): a headline never runs into the next line.
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def _sentence(field: str, index: int, text: str, tokens: list[Token], parsed: bool) -> Sentence:
    start, end = tokens[0].start, max(t.end for t in tokens)
    return Sentence(field, index, start, end, text[start:end], tuple(tokens), parsed)


def _closing_quotes_back(sentences: list[list[Token]]) -> list[list[Token]]:
    """Give a quote that Frog put at the start of a sentence back to the previous one.

    Frog ends a sentence at `."` and starts the next with the closing quote. A quote token
    glued to the end of the previous sentence (no space between) is moved back: it gets
    the next index there, and in a parse it hangs under that sentence's root as "punct".
    """
    fixed: list[list[Token]] = []
    for tokens in sentences:
        moved = 0
        while (
            fixed
            and moved < len(tokens)
            and set(tokens[moved].text) <= _QUOTES
            and tokens[moved].start == fixed[-1][-1].end
        ):
            previous = fixed[-1]
            token = tokens[moved]
            head = rel = None
            if token.head is not None:
                roots = [t.index for t in previous if t.head == 0]
                head, rel = (roots[0] if roots else previous[-1].index), "punct"
            previous.append(replace(token, index=len(previous) + 1, head=head, rel=rel))
            moved += 1
        if moved == len(tokens):
            continue
        fixed.append([_renumber(t, moved) for t in tokens[moved:]])
    return fixed


def _renumber(token: Token, removed: int) -> Token:
    """A token after `removed` tokens were taken from the front of its sentence."""
    if removed == 0:
        return token
    head = token.head
    if head is not None and head > 0:
        head = head - removed if head > removed else 0
    return replace(token, index=token.index - removed, head=head)


def analyse(pool: FrogPool, field: str, text: str, first_index: int = 0) -> tuple[Sentence, ...]:
    """Analyse `text` line by line with Frog; offsets of sentences and tokens are into `text`.

    The lines go to Frog as one document (one request per line, so a headline never
    runs into the next line); the answer is cached by the whole text.
    With a "parse" pool the tokens carry heads and relations (parsed=True).
    Sentences are numbered from `first_index` (so a headline can come first).
    """
    parsed = pool.mode == "parse"
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    answers = pool.analyse_lines([m.group() for m in lines])
    sentences: list[Sentence] = []
    for line, rows in zip(lines, answers, strict=True):
        offset = line.start()
        for tokens in _closing_quotes_back(align(line.group(), rows, parsed)):
            moved = [replace(t, start=t.start + offset, end=t.end + offset) for t in retag(tokens)]
            sentences.append(_sentence(field, first_index + len(sentences), text, moved, parsed))
    return tuple(sentences)


def _merge(parts: list[list[Token]]) -> list[Token]:
    """One token list from several Frog sentences, renumbered 1..n.

    Heads of later parts are shifted by the tokens before them; the root of a later part
    is attached to the root of the first part (its relation stays "ROOT"), so the result
    is one tree whose second clause hangs under the first clause's root.
    """
    merged: list[Token] = []
    first_root: int | None = None
    for part in parts:
        shift = len(merged)
        local = {t.index: i for i, t in enumerate(part, start=1)}
        for position, token in enumerate(part, start=1):
            head = token.head
            if head is not None and head > 0:
                head = local.get(head, head) + shift
            elif head == 0 and first_root is not None:
                head = first_root
            merged.append(replace(token, index=position + shift, head=head))
        if first_root is None:
            roots = [t.index for t in merged if t.head == 0]
            first_root = roots[0] if roots else None
    return merged


def parse(pool: FrogPool, sentence: Sentence) -> Sentence:
    """Re-analyse one tagged sentence with a "parse" pool: same sentence, parsed tokens.

    Offsets stay relative to the sentence's field. When Frog splits the sentence in two,
    the parts are merged into one (see `_merge` for how the trees are joined).
    """
    if pool.mode != "parse":
        raise FrogError(
            "frog",
            f"parse() needs a pool in 'parse' mode, got {pool.mode!r}",
            'create it with FrogPool(mode="parse")',
        )
    # Newlines would be read as separate lines; same length keeps the offsets.
    flat = re.sub(r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]", " ", sentence.text)
    parts = align(flat, pool.analyse_lines([flat])[0], parsed=True)
    if not parts:
        return replace(sentence, parsed=True)
    parsed = [
        replace(t, start=t.start + sentence.start, end=t.end + sentence.start)
        for t in _merge(parts)
    ]
    return replace(sentence, tokens=_project(sentence.tokens, parsed), parsed=True)


def _project(tagged: tuple[Token, ...], parsed: list[Token]) -> tuple[Token, ...]:
    """The tagged tokens with the parse's heads and relations laid over them.

    The parser's Frog joins multi-word units ("Verenigde Staten") into one token; the
    tagger does not. Keeping the tagged tokens means the actors found before parsing keep
    their token numbers. A unit's first part takes the unit's head and relation, its other
    parts hang under the first part as "mwp" (as Alpino marks multi-word parts). A tagged
    token the parse does not cover keeps head and relation None. Without tagged tokens
    the parse's own tokens are returned.
    """
    if not tagged:
        return tuple(parsed)
    first_of: dict[int, int] = {}  # parsed token index -> first tagged token it covers
    cover: dict[int, Token] = {}  # tagged token index -> parsed token covering it
    for token in tagged:
        for candidate in parsed:
            if candidate.start <= token.start < max(candidate.end, candidate.start + 1):
                cover[token.index] = candidate
                first_of.setdefault(candidate.index, token.index)
                break
    projected = []
    for token in tagged:
        unit = cover.get(token.index)
        if unit is None:
            projected.append(replace(token, head=None, rel=None))
        elif first_of[unit.index] != token.index:
            projected.append(replace(token, head=first_of[unit.index], rel="mwp"))
        else:
            head = unit.head
            if head is not None and head > 0:
                head = first_of.get(head)
            projected.append(replace(token, head=head, rel=unit.rel))
    return tuple(projected)
