"""Dutch numbers (separators, words, scales) and quantities with what they count, read from
the Frog tokens of analysed sentences."""

import pytest

from kroniek.nlp import analyse
from kroniek.records import Event
from kroniek.stories import find_claims, find_quantities, parse_dutch_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("10.000", 10_000),
        ("1.000.000", 1_000_000),
        ("2000", 2000),
        ("1,2 miljard", 1.2e9),
        ("2,5", 2.5),
        ("418 miljoen", 418e6),
        ("10 duizend", 10_000),
        ("een", 1),
        ("één", 1),
        ("zeven", 7),
        ("twaalf", 12),
        ("twintig", 20),
        ("tweeëntwintig", 22),
        ("eenenveertig", 41),
        ("honderd", 100),
        ("driehonderdvijftig", 350),
        ("duizend", 1000),
        ("tienduizend", 10_000),
        ("vijfhonderdduizend", 500_000),
        ("een half miljard", 5e8),
        ("anderhalf miljoen", 1.5e6),
        ("twee en een half miljoen", 2.5e6),
        ("drie miljoen", 3e6),
        ("tientallen", 20),
        ("duizenden", 2000),
    ],
)
def test_parse_dutch_number(text, value):
    assert parse_dutch_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "veel", "derde", "twee appels", "honderdhonderd", "januari"])
def test_parse_dutch_number_rejects_non_numbers(text):
    assert parse_dutch_number(text) is None


def _found(tagger, text: str):
    """The quantities of every sentence of ``text`` as Frog analyses it."""
    sentences = analyse(tagger, "text", text)
    return sentences, [q for s in sentences for q in find_quantities(s)]


def _one(tagger, text: str):
    sentences, found = _found(tagger, text)
    assert len(found) == 1, found
    return sentences, found[0]


@pytest.mark.parametrize(
    "text, value, unit, approx",
    [
        ("Het leger stuurde 12.000 militairen naar de grens.", 12_000, "militairen", None),
        ("De douane vond 250 kilo heroïne in een container.", 250, "kilo heroïne", None),
        ("De schade bedraagt ongeveer 2 miljard roebel.", 2e9, "roebel", "ongeveer"),
        ("Het pakket is meer dan 40 miljoen euro waard.", 40e6, "euro", "meer dan"),
        ("Bij de aardbeving vielen 1500 doden.", 1500, "doden", None),
        ("De bouw kostte bijna een half miljard dollar.", 5e8, "dollar", "bijna"),
        ("Er zijn zo'n 300 betogers opgepakt.", 300, "betogers", "zo'n"),
        ("Er zijn minstens vijftig gewonde burgers.", 50, "burgers", "minstens"),
        ("De rebellen hielden ruim twintig gijzelaars vast.", 20, "gijzelaars", "ruim"),
        ("Duizenden inwoners ontvluchtten de stad.", 2000, "inwoners", "duizenden"),
        ("De inflatie steeg tot 7,5 procent.", 7.5, "procent", "tot"),
        ("De steun groeide met 12% onder jonge kiezers.", 12, "procent", None),
        ("Het land kreeg €3 miljoen aan noodhulp.", 3e6, "euro", None),
        ("Het verdrag geldt voor twintig jaar.", 20, "jaar", None),
    ],
)
def test_find_quantities(frog_tagger, text, value, unit, approx):
    [sentence], q = _one(frog_tagger, text)
    assert (q.value, q.unit, q.approx) == (pytest.approx(value), unit, approx)
    assert text[q.span[0] : q.span[1]] == q.text
    first, last = (sentence.tokens[n - 1] for n in q.tokens)
    assert (first.start, last.end) == q.span  # the quantity points at the tokens it spans


def test_ranges(frog_tagger):
    _, q = _one(frog_tagger, "Tussen 100 en 250 soldaten raakten vermist.")
    assert (q.low, q.high, q.unit) == (100, 250, "soldaten")
    _, q = _one(frog_tagger, "Het gaat om 2 tot 3 miljoen vaten olie.")
    assert (q.low, q.high, q.unit) == (2e6, 3e6, "vaten olie")
    _, q = _one(frog_tagger, "Bij de ramp vielen tientallen doden.")
    assert (q.low, q.high) == (20, 99)


def test_dates_years_times_and_names_are_not_quantities(frog_tagger):
    text = (
        "Op 17 januari 2025 om 10:04 sprak de G20 in 2019 over de F-16 en de presidentsverkiezingen "
        "van 2020, tijdens de 3e ronde. Een delegatie reisde af."
    )
    assert _found(frog_tagger, text)[1] == []


def test_counted_noun_after_het_aantal(frog_tagger):
    _, q = _one(frog_tagger, "Het aantal gevangen strijders wordt nu geschat op 4000.")
    assert (q.value, q.unit) == (4000, "strijders")


def test_reported_by_the_sentence_or_the_next_one(frog_tagger):
    sentences = analyse(
        frog_tagger,
        "text",
        "Het land heeft 8000 soldaten gestuurd, schat het Britse ministerie van Defensie. "
        "Volgens de VN zijn 1200 burgers omgekomen. "
        "Een waakhond, gevestigd in Londen, meldt meer dan 900 arrestaties. "
        "De operatie kostte 70 miljoen pond. Dat becijferde de nationale rekenkamer.",
    )
    claims = find_claims(sentences, (), ())
    assert [(c.value, c.reported_by, c.sentence) for c in claims] == [
        (8000, "het Britse ministerie van Defensie", 0),
        (1200, "de VN", 1),
        (900, "Een waakhond", 2),
        (70e6, "de nationale rekenkamer", 3),
    ]


def test_a_paragraph_break_ends_the_counted_phrase_and_the_reporter(frog_tagger):
    """A subheading without a full stop is a sentence of its own: neither the unit nor the
    reporter of a figure is read across the line break."""
    sentences = analyse(
        frog_tagger,
        "text",
        "Het fonds kreeg 40 miljoen\nNieuwe plannen\nDe minister zei dat 300 boeren protesteerden.",
    )
    claims = find_claims(sentences, (), ())
    assert [(c.value, c.unit, c.reported_by) for c in claims] == [
        (40e6, "", None),
        (300, "boeren", "De minister"),
    ]


def test_a_claim_falls_back_to_the_attribution_of_its_sentences_event(frog_tagger):
    [sentence] = analyse(frog_tagger, "text", "Het leger nam 40 ton wapens in beslag.")
    event = Event(
        src="AAA",
        src_sector="MIL",
        src_text="Het leger",
        tgt="---",
        tgt_sector="REB",
        tgt_text="x",
        type="COERCE",
        mode=None,
        cameo="17",
        goldstein=-5.0,
        quad_class=4,
        fact="asserted",
        sentence=sentence.text,
        field="text",
        span=(sentence.start, sentence.end),
        trigger="nam",
        rule="r",
        attributed_to="GBR",
        sentence_index=sentence.index,
    )
    (claim,) = find_claims((sentence,), (), (event,))
    assert (claim.value, claim.unit, claim.reported_by) == (40, "ton wapens", "GBR")
    assert claim.events == (event.key,)
    assert claim.tokens == (4, 6)  # "40 ton wapens": the fourth to the sixth token
