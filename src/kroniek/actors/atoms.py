"""First pass of the actor matcher: dictionary atoms over one sentence's Frog tokens.

An atom is the longest dictionary term found at a token position (a state name, an
adjective, a role word, a body, a person's name, ...), with its character span. Hyphenated
compounds Frog keeps as one token ("NAVO-chef", "Russisch-Iraanse", "oud-president") and
genitives ("Poetins") are split here. Phrases are built from atoms in mentions.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kroniek.actors.books import ActorBooks, NamePattern
from kroniek.records import Token
from kroniek.words import word_set

PREFIX_KINDS = ("name", "body", "group", "agency", "seat", "org", "person")
GENITIVE_KINDS = ("name", "person", "group", "body", "seat", "agency")
NOT_ACTOR_PREFIXES = word_set("not_actor_prefixes")
REGION_PREFIXES = word_set("region_prefixes")
AGAINST_PREFIXES = word_set("against_prefixes")


@dataclass(frozen=True)
class Atom:
    """One dictionary hit: tokens first..last (0-based positions), kind and entry id."""

    first: int
    last: int
    kind: str  # entry kind (name, adj, ...), role kind (role, modifier, ...), "person" or
    # "against" (an "anti-" adjective: whom a protest is against)
    target: str  # entry, role or person id
    start: int  # character offsets in the field
    end: int
    role: str | None = None  # role id carried by a compound ("NAVO-chef" -> role.chair)
    former: bool = False  # "oud-president", "ex-premier"


def _norm(text: str) -> str:
    return text.replace("\u2019", "'")


def _word_fits(word: str, pattern: NamePattern, k: int) -> bool:
    if word.lower() != pattern.words[k]:
        return False
    rule = pattern.case[k]
    if rule == "exact":
        return word == pattern.originals[k]
    return word[:1].isupper() if rule == "cap" else True


def _fits(pattern: NamePattern, tokens: Sequence[Token], i: int) -> bool:
    size = len(pattern.words)
    if i + size > len(tokens):
        return False
    if not all(_word_fits(_norm(tokens[i + k].text), pattern, k) for k in range(size)):
        return False
    tag = tokens[i + size - 1].tag
    if pattern.kind == "adj" and not pattern.inflected:
        return tag == "ADJ"
    if pattern.kind in ("role", "counterpart", "pair"):
        if i > 0 and pattern.case[0] == "any" and tokens[i].text[:1].isupper() and tag == "SPEC":
            return False  # a lower-case office word capitalised inside a name: "Marine Le Pen"
        return tag in ("N", "SPEC")
    return True


def lookup_word(books: ActorBooks, word: str, kinds: Sequence[str]) -> NamePattern | None:
    """The one-token pattern of one of `kinds` that `word` spells, honouring case rules."""
    for pattern in books.by_first.get(_norm(word).lower(), ()):
        if (
            len(pattern.words) == 1
            and pattern.kind in kinds
            and _word_fits(_norm(word), pattern, 0)
        ):
            return pattern
    return None


def _compound(books: ActorBooks, token: Token, i: int) -> list[Atom]:
    """Atoms inside a hyphenated token: 'NAVO-chef', 'oud-president', 'Russisch-Iraanse', and
    a region of a state ('Oost-Oekraïne') as a place (kind city) of that state."""
    text = token.text
    parts = text.split("-")
    if len(parts) < 2 or not all(parts):
        return []
    head, rest = parts[0], "-".join(parts[1:])
    if head.lower() in REGION_PREFIXES:
        state = lookup_word(
            books, rest, ("name",)
        )  # "Oost-Oekraïne": a place in the state, not its government
        return [Atom(i, i, "city", state.target, token.start, token.end)] if state else []
    if head.lower() in AGAINST_PREFIXES:
        against = lookup_word(books, rest, ("adj",))  # "anti-Franse leuzen": against France
        return [Atom(i, i, "against", against.target, token.start, token.end)] if against else []
    if head.lower() in NOT_ACTOR_PREFIXES:
        return []
    former = lookup_word(books, head, ("former",))
    if former is not None:
        role = lookup_word(books, rest, ("role",))
        return (
            [Atom(i, i, "role", role.target, token.start, token.end, former=True)] if role else []
        )
    prefix = lookup_word(books, head, PREFIX_KINDS)
    if prefix is not None:
        role = lookup_word(books, rest, ("role",))
        return [
            Atom(
                i,
                i,
                prefix.kind,
                prefix.target,
                token.start,
                token.end,
                role=role.target if role else None,
            )
        ]
    atoms, offset = [], token.start
    for part in parts:
        adjective = lookup_word(books, part, ("adj",))
        if adjective is None:
            return []
        atoms.append(Atom(i, i, "adj", adjective.target, offset, offset + len(part)))
        offset += len(part) + 1
    return atoms


def _genitive(books: ActorBooks, token: Token, i: int) -> list[Atom]:
    """'Poetins', 'Ruslands', 'Pezeshkian's' -> the name without the genitive s."""
    text = _norm(token.text)
    for stem in (
        text[:-2] if text.endswith("'s") else None,
        text[:-1] if text.endswith("s") else None,
    ):
        if stem and len(stem) > 2:
            found = lookup_word(books, stem, GENITIVE_KINDS)
            if found is not None:
                return [Atom(i, i, found.kind, found.target, token.start, token.end)]
    return []


def without_final_stop(tokens: Sequence[Token]) -> Sequence[Token]:
    """The sentence's tokens with the full stop Frog leaves on a closing abbreviation ("de
    VS.") taken off its last token; the tokens themselves when there is none."""
    last = tokens[-1] if tokens else None
    if last is None or len(last.text) < 3 or not last.text.endswith(".") or last.text[-2] == ".":
        return tokens
    return [*tokens[:-1], replace(last, text=last.text[:-1], end=last.end - 1)]


def _hit(books: ActorBooks, tokens: Sequence[Token], i: int) -> NamePattern | None:
    return next(
        (p for p in books.by_first.get(_norm(tokens[i].text).lower(), ()) if _fits(p, tokens, i)),
        None,
    )


def find_atoms(books: ActorBooks, tokens: Sequence[Token]) -> list[Atom]:
    """Longest-match dictionary atoms of one sentence, left to right, never overlapping. A
    closing abbreviation is read with and then without the full stop Frog left on it."""
    atoms: list[Atom] = []
    plain = without_final_stop(tokens)
    i = 0
    while i < len(tokens):
        hit = _hit(books, tokens, i)
        if hit is None and plain is not tokens:
            hit = _hit(books, plain, i)
            if hit is not None:
                tokens = plain
        if hit is not None:
            last = i + len(hit.words) - 1
            atoms.append(Atom(i, last, hit.kind, hit.target, tokens[i].start, tokens[last].end))
            i = last + 1
            continue
        if tokens[i].text[:1].isupper() or "-" in tokens[i].text:
            atoms.extend(_compound(books, tokens[i], i) or _genitive(books, tokens[i], i))
        i += 1
    return atoms
