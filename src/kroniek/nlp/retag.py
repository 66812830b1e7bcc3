"""Corrections to Frog's tags where the tagger is known to go wrong in the verb slot."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kroniek.records import Token
from kroniek.words import word_set

_PAST_PLURAL = "WW(pv,verl,mv)"


@cache
def _past_plurals() -> dict[str, str]:
    """Form -> verb lemma of the past plurals Frog tags as nouns (word set, "form lemma")."""
    pairs = (w.split() for w in word_set("past_plurals_tagged_as_nouns"))
    return {p[0]: p[1] for p in pairs if len(p) == 2}


def retag(tokens: Sequence[Token]) -> list[Token]:
    """The tokens of one sentence with past plurals read as nouns in the verb slot made verbs.

    A listed form tagged as a noun is the finite verb when it follows a noun or a name (the end
    of the subject: two nouns do not stand side by side in a Dutch noun phrase) and no finite
    verb stands before it or after it up to the next punctuation or conjunction
    ("De ministers wezen het voorstel af"; not "de afgelopen weken", "de leden van ...").
    """
    fixed = list(tokens)
    forms = _past_plurals()
    for pos, tok in enumerate(tokens):
        lemma = forms.get(tok.text.lower())
        if (
            lemma is None
            or tok.pos.split("(", 1)[0] != "N"
            or pos == 0
            or tokens[pos - 1].pos.split("(", 1)[0] not in ("N", "SPEC")
            or any(t.pos.startswith("WW(pv") for t in tokens[:pos])
            or _finite_follows(tokens, pos)
        ):
            continue
        fixed[pos] = replace(tok, lemma=lemma, pos=_PAST_PLURAL)
    return fixed


def _finite_follows(tokens: Sequence[Token], pos: int) -> bool:
    for tok in tokens[pos + 1 :]:
        tag = tok.pos.split("(", 1)[0]
        if tag in ("LET", "VG"):
            return False
        if tok.pos.startswith("WW(pv"):
            return True
    return False
