"""Alignment of Frog rows to offsets, on rows written by hand (no Frog needed)."""

from __future__ import annotations

from kroniek.nlp.align import align


def _row(i: int, word: str, lemma: str | None = None, pos: str = "N(soort)") -> tuple[str, ...]:
    return (str(i), word, lemma or word, "", pos, "0.9", "O", "", "", "0", "ROOT")


def _check_exact(text: str, sentences) -> None:
    for tokens in sentences:
        for t in tokens:
            assert text[t.start : t.end] == t.text


def test_exact_tokens_get_their_offsets():
    text = "Zij  zei: nee."
    rows = [[_row(1, "Zij"), _row(2, "zei"), _row(3, ":"), _row(4, "nee"), _row(5, ".")]]
    [tokens] = align(text, rows, parsed=False)
    assert [(t.start, t.end) for t in tokens] == [(0, 3), (5, 8), (8, 9), (10, 13), (13, 14)]
    assert all(t.head is None and t.rel is None for t in tokens)


def test_normalised_quote_keeps_the_original_spelling():
    text = "Naar ’s-Hertogenbosch en „terug”."
    rows = [
        [
            _row(1, "Naar"),
            _row(2, "'s-Hertogenbosch"),
            _row(3, "en"),
            _row(4, '"'),
            _row(5, "terug"),
            _row(6, '"'),
            _row(7, "."),
        ]
    ]
    [tokens] = align(text, rows, parsed=False)
    _check_exact(text, [tokens])
    assert tokens[1].text == "’s-Hertogenbosch"
    assert tokens[3].text == "„" and tokens[5].text == "”"


def test_multiword_unit_spans_the_words_and_lemma_gets_spaces():
    text = "Zij reisde naar Den   Haag."
    rows = [
        [
            _row(1, "Zij"),
            _row(2, "reisde"),
            _row(3, "naar"),
            _row(4, "Den_Haag", pos="SPEC(deeleigen)_SPEC(deeleigen)"),
            _row(5, "."),
        ]
    ]
    [tokens] = align(text, rows, parsed=True)
    assert tokens[3].text == "Den   Haag"
    assert tokens[3].lemma == "Den Haag"
    assert tokens[3].head == 0 and tokens[3].rel == "ROOT"
    assert tokens[4].start == len(text) - 1


def test_dropped_character_resyncs_on_the_next_token():
    text = "Ja \u2603 nee."
    rows = [[_row(1, "Ja"), _row(2, "nee"), _row(3, ".")]]
    [tokens] = align(text, rows, parsed=False)
    _check_exact(text, [tokens])
    assert tokens[1].start == text.index("nee")


def test_unknown_token_gets_a_best_effort_span_and_later_tokens_still_align():
    text = "Een twee drie."
    rows = [[_row(1, "Een"), _row(2, "XYZ"), _row(3, "drie"), _row(4, ".")]]
    [tokens] = align(text, rows, parsed=False)
    assert tokens[1].text == "XYZ"
    assert 0 <= tokens[1].start <= tokens[1].end <= len(text)
    assert text[tokens[2].start : tokens[2].end] == "drie"


def test_accent_and_case_differences_align():
    text = "Cafe\u0301 OPEN"  # decomposed accent in the text
    rows = [[_row(1, "Café"), _row(2, "open")]]
    [tokens] = align(text, rows, parsed=False)
    assert (tokens[0].start, tokens[0].end) == (0, 5)
    assert (tokens[1].start, tokens[1].end) == (6, 10)


def test_stray_accent_before_a_word_is_left_out_of_its_token():
    text = "tegen \u0301Russische elites"
    rows = [[_row(1, "tegen"), _row(2, "\u0301Russische", "\u0301russisch"), _row(3, "elites")]]
    [tokens] = align(text, rows, parsed=False)
    _check_exact(text, [tokens])
    assert (tokens[1].text, tokens[1].lemma, tokens[1].start) == ("Russische", "russisch", 7)
