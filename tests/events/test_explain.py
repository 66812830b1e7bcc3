"""The explain trace names the actors, the rules tried and why they fired or not."""

from __future__ import annotations


def test_explain_shows_tokens_actors_and_rules(resources):
    from kroniek.pipeline import explain

    lines = explain("Rusland heeft Oekraïne aangevallen.", resources)
    text = "\n".join(lines)
    assert "aanvallen" in text  # the lemma column
    assert "-> RUS" in text and "-> UKR" in text
    assert "assault.attack @ 'aangevallen': FIRED ASSAULT" in text
    assert "EVENT RUS/" in text


def test_explain_says_why_nothing_fired(resources):
    from kroniek.pipeline import explain

    text = "\n".join(explain("Rusland heeft veel olie.", resources))
    assert "EVENT" not in text
