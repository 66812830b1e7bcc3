"""retag() on real Frog tags: past plurals Frog reads as nouns in the verb slot."""

from __future__ import annotations

from kroniek.nlp import analyse


def _tags(tag_pool, text: str) -> dict[str, tuple[str, str]]:
    (sentence,) = analyse(tag_pool, "text", text)
    return {t.text: (t.tag, t.lemma) for t in sentence.tokens}


def test_past_plural_after_the_subject_becomes_the_verb(tag_pool):
    assert _tags(tag_pool, "De ministers wezen het voorstel af.")["wezen"] == ("WW", "wijzen")
    assert _tags(tag_pool, "De Russen weken uit naar het zuiden.")["weken"] == ("WW", "wijken")


def test_the_same_forms_stay_nouns_where_they_are_nouns(tag_pool):
    assert _tags(tag_pool, "De afgelopen weken vielen er doden.")["weken"][0] == "N"
    assert _tags(tag_pool, "De leden van de raad kwamen bijeen.")["leden"][0] == "N"
    assert _tags(tag_pool, "Om die reden stopte de hulp.")["reden"][0] == "N"
