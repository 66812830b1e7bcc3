"""Records carry what later stages derive from them, computed once."""

from __future__ import annotations

import pickle
from dataclasses import replace

from kroniek.events.clause import windows
from kroniek.records import Sentence, Token


def _sentence() -> Sentence:
    words = [
        ("Zij", "zij", "VNW(pers,pron,nomin,vol,3,ev,fem)"),
        ("zegt", "zeggen", "WW(pv,tgw,met-t)"),
        ("dat", "dat", "VG(onder)"),
        ("hij", "hij", "VNW(pers,pron,nomin,vol,3,ev,masc)"),
        ("komt", "komen", "WW(pv,tgw,met-t)"),
        (".", ".", "LET()"),
    ]
    tokens, at = [], 0
    for n, (text, lemma, pos) in enumerate(words, start=1):
        tokens.append(Token(n, text, lemma, pos, at, at + len(text)))
        at += len(text) + 1
    return Sentence("text", 0, 0, at - 1, "Zij zegt dat hij komt .", tuple(tokens))


def test_clause_windows_are_computed_once_per_sentence():
    sentence = _sentence()
    first = windows(sentence)
    assert [(w.first, w.last, w.opener) for w in first] == [(1, 2, ""), (3, 6, "dat")]
    assert windows(sentence) is first


def test_a_parsed_copy_and_a_pickle_start_without_the_derived_values():
    sentence = _sentence()
    windows(sentence)
    parsed = replace(sentence, parsed=True)
    assert parsed.derived("windows", lambda: "fresh") == "fresh"
    back = pickle.loads(pickle.dumps(sentence))
    assert back == sentence
    assert back.derived("windows", lambda: "fresh") == "fresh"
