"""analyse() and parse() against real Frog: offsets, sentence splitting, dependencies."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.errors import FrogError
from kroniek.nlp import analyse, parse
from kroniek.records import Sentence

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def _assert_offsets(text: str, sentences: tuple[Sentence, ...]) -> None:
    for s in sentences:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text, (t, text[t.start : t.end])
            assert s.start <= t.start <= t.end <= s.end


def test_offsets_with_quotes_ellipsis_and_hyphenated_names(tag_pool):
    text = (
        "De premier zei: “Wij gaan niet onderhandelen.” Volgens Anne-Marie van der Berg-Smit "
        'was dat "een vergissing"... Het ministerie in ’s-Gravenhage zweeg (voorlopig).'
    )
    sentences = analyse(tag_pool, "text", text)
    _assert_offsets(text, sentences)
    words = [t.text for s in sentences for t in s.tokens]
    assert "“" in words and "”" in words and '"' in words
    assert "Anne-Marie" in words
    assert "’s-Gravenhage" in words


def test_headline_line_and_paragraphs_become_separate_sentences(tag_pool):
    text = (
        "Minister opent nieuwe brug\n"
        "De minister van Verkeer heeft dinsdag een brug over de rivier geopend. "
        "Zij knipte een lint door.\n"
        "\n"
        "  Daarna reed de eerste bus over de brug\n"
    )
    sentences = analyse(tag_pool, "text", text, first_index=3)
    _assert_offsets(text, sentences)
    assert [s.index for s in sentences] == [3, 4, 5, 6]
    assert sentences[0].text == "Minister opent nieuwe brug"
    assert sentences[1].text.startswith("De minister") and sentences[1].text.endswith("geopend.")
    assert sentences[3].text == "Daarna reed de eerste bus over de brug"
    assert all("\n" not in s.text for s in sentences)
    assert all(s.field == "text" and not s.parsed for s in sentences)
    assert all(t.head is None for s in sentences for t in s.tokens)


def test_empty_text_gives_no_sentences(tag_pool):
    assert analyse(tag_pool, "headline", " \n\n \t") == ()


def test_parse_pool_gives_subject_and_object(parse_pool):
    text = "De minister tekende gisteren het verdrag."
    [sentence] = analyse(parse_pool, "text", text)
    assert sentence.parsed
    by_word = {t.text: t for t in sentence.tokens}
    verb = by_word["tekende"]
    assert by_word["minister"].rel == "su" and by_word["minister"].head == verb.index
    assert by_word["verdrag"].rel == "obj1" and by_word["verdrag"].head == verb.index
    assert verb.head == 0


def test_parse_pool_joins_a_name_and_parses_it_as_one_subject(parse_pool):
    text = "Angela Merkel reisde naar Parijs."
    [sentence] = analyse(parse_pool, "text", text)
    _assert_offsets(text, (sentence,))
    by_word = {t.text: t for t in sentence.tokens}
    assert by_word["Angela Merkel"].rel == "su"
    assert by_word["Angela Merkel"].head == by_word["reisde"].index


def test_parse_keeps_the_sentence_and_its_field_offsets(tag_pool, parse_pool):
    text = "Kop\nDe boeren blokkeerden gisteren de snelweg bij de grens."
    tagged = analyse(tag_pool, "text", text)[1]
    parsed = parse(parse_pool, tagged)
    assert (parsed.field, parsed.index, parsed.start, parsed.end, parsed.text) == (
        tagged.field,
        tagged.index,
        tagged.start,
        tagged.end,
        tagged.text,
    )
    assert parsed.parsed
    _assert_offsets(text, (parsed,))
    by_word = {t.text: t for t in parsed.tokens}
    assert by_word["boeren"].rel == "su"
    assert by_word["snelweg"].rel == "obj1"


def test_parse_merges_a_sentence_frog_splits(parse_pool):
    text = "Hij kwam binnen. Zij ging weg."
    sentence = Sentence("text", 7, 0, len(text), text, tokens=())
    parsed = parse(parse_pool, sentence)
    assert parsed.index == 7 and parsed.text == text
    assert [t.index for t in parsed.tokens] == list(range(1, len(parsed.tokens) + 1))
    assert all(0 <= t.head <= len(parsed.tokens) for t in parsed.tokens)
    roots = [t for t in parsed.tokens if t.head == 0]
    assert [t.text for t in roots] == ["kwam"]
    ging = next(t for t in parsed.tokens if t.text == "ging")
    assert ging.head == roots[0].index and ging.rel == "ROOT"
    zij = next(t for t in parsed.tokens if t.text == "Zij")
    assert zij.head == ging.index


def test_parse_needs_a_parse_pool(tag_pool):
    sentence = analyse(tag_pool, "text", "Een korte zin.")[0]
    with pytest.raises(FrogError, match="parse"):
        parse(tag_pool, sentence)


def test_seed_pages_align(tag_pool):
    pages = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not pages:
        pytest.skip(f"no seed pages at {SEEDS}")
    for page in pages:
        text = page.read_text(encoding="utf-8")
        sentences = analyse(tag_pool, "text", text)
        assert sentences, page
        _assert_offsets(text, sentences)


@pytest.mark.parametrize("pool_name", ["tag_pool", "parse_pool"])
def test_closing_quote_stays_with_its_sentence(pool_name, request):
    pool = request.getfixturevalue(pool_name)
    text = 'De burgemeester zei: "Wij bouwen de brug opnieuw." Daarna ging de raad naar huis.'
    first, second = analyse(pool, "text", text)
    _assert_offsets(text, (first, second))
    assert first.text.endswith('opnieuw."')
    assert second.text == "Daarna ging de raad naar huis."
    for sentence in (first, second):
        assert [t.index for t in sentence.tokens] == list(range(1, len(sentence.tokens) + 1))
        if sentence.parsed:
            assert all(0 <= t.head <= len(sentence.tokens) for t in sentence.tokens)
            assert any(t.head == 0 for t in sentence.tokens)


TARGET = "Moskou heeft met de Verenigde Staten een netwerk opgerold."
EARLIER = "Volgens Kim hebben de Verenigde Staten de aanval op de haven beraamd."


def _tree(sentences) -> list[tuple]:
    return [(t.text, t.head, t.rel) for t in sentences[0].tokens]


def test_outside_a_document_a_parse_does_not_depend_on_earlier_texts(parse_pool):
    # Frog's child learns glued names from the texts it serves; each call gets a fresh one
    first = analyse(parse_pool, "text", TARGET)
    analyse(parse_pool, "text", EARLIER)
    again = analyse(parse_pool, "text", TARGET + " ")  # another cache key, same sentence
    assert _tree(first) == _tree(again)


def test_a_document_parse_hears_the_documents_earlier_calls_also_from_the_cache(parse_pool):
    alone = _tree(analyse(parse_pool, "text", TARGET + "  "))
    with parse_pool.document():
        analyse(parse_pool, "text", EARLIER)
        heard = _tree(analyse(parse_pool, "text", TARGET + "  "))
    assert heard != alone  # the name learned from the earlier call is joined
    misses = parse_pool.stats().cache_misses
    with parse_pool.document():
        analyse(parse_pool, "text", EARLIER)  # answered by the cache: Frog did not hear it
        replayed = _tree(analyse(parse_pool, "text", TARGET + "   "))
    assert parse_pool.stats().cache_misses == misses + 1
    assert replayed == heard  # the earlier call was replayed to the document's child


def test_repeated_field_text_is_served_from_the_cache(tag_pool):
    text = "Kop van een bericht\nDe bakker opende om zes uur zijn winkel."
    first = analyse(tag_pool, "text", text)
    hits = tag_pool.stats().cache_hits
    second = analyse(tag_pool, "text", text, first_index=1)
    assert tag_pool.stats().cache_hits == hits + 1
    assert [s.text for s in first] == [s.text for s in second]
    assert [s.index for s in second] == [1, 2]


def test_parse_keeps_the_tagged_tokens_of_a_multiword_unit(tag_pool, parse_pool):
    text = "De Verenigde Staten spraken met Den Haag over sancties."
    (tagged,) = analyse(tag_pool, "text", text)
    parsed = parse(parse_pool, tagged)
    assert [t.text for t in parsed.tokens] == [t.text for t in tagged.tokens]
    assert [(t.start, t.end) for t in parsed.tokens] == [(t.start, t.end) for t in tagged.tokens]
    by_word = {t.text: t for t in parsed.tokens}
    assert by_word["Staten"].rel == "mwp" and by_word["Staten"].head == by_word["Verenigde"].index
    assert by_word["Haag"].rel == "mwp" and by_word["Haag"].head == by_word["Den"].index
    assert by_word["Den"].rel == "obj1" and by_word["Den"].head == by_word["met"].index
