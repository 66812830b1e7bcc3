"""Stories and claims in a real DuckDB store, from hand-built records on several pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from click.testing import CliRunner
from tests.store.store_records import analysed, event, page_result

from kroniek.actors import load_books
from kroniek.cli.stories import claims, stories, story
from kroniek.pipeline import store_result
from kroniek.records import Claim
from kroniek.store import Store
from kroniek.stories import link_new_events
from kroniek.stories.query import load_unit_families, parse_claim_query

T0 = datetime(2024, 10, 1, 9, 0, tzinfo=UTC)


def treaty_pages():
    """A treaty expected, then signed, then a meeting, on three pages; plus unrelated fighting."""
    expected = replace(
        event("PRK", "RUS", "AGREE", cameo="057", fact="future"),
        trigger="zal getekend worden",
        rule="agree.sign_agreement",
    )
    signed = replace(
        event("RUS", "PRK", "AGREE", cameo="057"), trigger="tekenden", rule="agree.sign_agreement"
    )
    meeting = replace(event("PRK", "RUS", "CONSULT", cameo="040"), trigger="spraken")
    shelling = replace(event("RUS", "UKR", "ASSAULT", cameo="190"), trigger="beschoten")
    return [
        page_result(
            "p1",
            (
                analysed(
                    "p1",
                    "main",
                    "Een verdrag tussen Moskou en Pyongyang zal binnenkort worden getekend.",
                    (expected,),
                    published=T0,
                ),
            ),
        ),
        page_result(
            "p2",
            (
                analysed(
                    "p2",
                    "brief:2",
                    "De leiders tekenden het verdrag in Pyongyang.",
                    (signed, shelling),
                    published=T0 + timedelta(days=20),
                ),
            ),
        ),
        page_result(
            "p3",
            (
                analysed(
                    "p3",
                    "main",
                    "Ministers van beide landen spraken over de uitvoering.",
                    (meeting,),
                    published=T0 + timedelta(days=70),
                ),
            ),
        ),
    ]


def test_events_link_into_stories_across_pages(tmp_path):
    pages = treaty_pages()
    with Store(tmp_path / "k.duckdb") as store:
        for page in pages[:2]:
            store_result(store, page)
        assert link_new_events(store) == {"events": 3, "stories": 2, "merged": 0}
        treaty = next(s for s in store.stories() if s["family"] == "cooperation")
        assert (treaty["side_a"], treaty["side_b"], treaty["events"], treaty["articles"]) == (
            "PRK",
            "RUS",
            2,
            2,
        )
        assert [(e["fact"], e["trigger"]) for e in treaty["timeline"]] == [
            ("future", "zal getekend worden"),
            ("asserted", "tekenden"),
        ]
        store_result(store, pages[2])  # 50 days after the signing: chained into the same story
        assert link_new_events(store)["events"] == 1
        again = store.story(treaty["story_id"])
        assert (
            again["events"] == 3
            and again["last_day"] == (T0 + timedelta(days=70)).date().isoformat()
        )
        by_trigger = {e["trigger"]: e["story_id"] for e in store.events()}
        assert by_trigger["spraken"] == by_trigger["tekenden"] == treaty["story_id"]
        assert by_trigger["beschoten"] != treaty["story_id"]
        assert link_new_events(store) == {"events": 0, "stories": 0, "merged": 0}
        assert store.stories(actor="UKR")[0]["family"] == "conflict"


def troop_figure(value: float, approx: str | None, reporter: str) -> Claim:
    return Claim(
        value=value,
        unit="militairen",
        approx=approx,
        low=None,
        high=None,
        text=f"{value:g} militairen",
        field="text",
        span=(20, 40),
        sentence=0,
        reported_by=reporter,
        events=(event("PRK", "RUS", "AID", cameo="074").key,),
        actors=("PRK", "RUS"),
    )


def figure_pages():
    """Two pages with a troop estimate and its revision, and one with an unrelated toll."""
    send = replace(event("PRK", "RUS", "AID", cameo="074"), trigger="gestuurd")
    first = analysed(
        "f1",
        "main",
        "Noord-Korea heeft ongeveer 3000 militairen naar Rusland gestuurd.",
        (send,),
        published=T0,
    )
    later = analysed(
        "f2",
        "brief:1",
        "Pyongyang heeft inmiddels zo'n 10.000 soldaten naar Rusland gestuurd.",
        (send,),
        published=T0 + timedelta(days=14),
        headline="Meer troepen",
    )
    toll = analysed(
        "f3",
        "main",
        "Bij beschietingen in Oekraïne vielen 12 doden.",
        (),
        published=T0,
        headline="Beschietingen",
    )
    deaths = Claim(
        value=12,
        unit="doden",
        approx=None,
        low=None,
        high=None,
        text="12 doden",
        field="text",
        span=(30, 38),
        sentence=0,
        actors=("UKR",),
    )
    return [
        page_result("f1", (replace(first, claims=(troop_figure(3000, "ongeveer", "Seoul"),)),)),
        page_result(
            "f2",
            (
                replace(
                    later,
                    claims=(
                        replace(troop_figure(10_000, "zo'n", "het Pentagon"), unit="soldaten"),
                    ),
                ),
            ),
        ),
        page_result("f3", (replace(toll, claims=(deaths,)),)),
    ]


def test_claims_timeline_shows_a_revised_figure(tmp_path):
    with Store(tmp_path / "k.duckdb") as store:
        for page in figure_pages():
            store_result(store, page)
        query = parse_claim_query(
            "Noord-Koreaanse militairen in Rusland", load_books(), load_unit_families()
        )
        assert query.actors == ("PRK", "RUS") and query.families == ("unit.troops",)
        rows = store.claims(actors=query.actors, units=query.units, words=query.words)
        assert [(r["value"], r["approx"], r["reported_by"], r["doc"]) for r in rows] == [
            (3000, "ongeveer", "Seoul", "f1"),
            (10_000, "zo'n", "het Pentagon", "f2"),
        ]
        assert rows[0]["sentence"].startswith("Noord-Korea heeft")
        assert store.claims(actors=["UKR"])[0]["unit"] == "doden"
        assert store.claims(words=["Pyongyang"])[0]["value"] == 10_000
        link_new_events(store)
        (aid_story,) = [s for s in store.stories() if s["side_a"] == "PRK"]
        assert [c["value"] for c in store.story(aid_story["story_id"])["claims"]] == [3000, 10_000]


def test_cli_claims_stories_and_story(tmp_path):
    db = str(tmp_path / "k.duckdb")
    with Store(db) as store:
        for page in figure_pages() + treaty_pages():
            store_result(store, page)
    runner = CliRunner()
    out = runner.invoke(claims, ["Noord-Koreaanse militairen in Rusland", "--db", db])
    assert out.exit_code == 0, out.output
    assert "ongeveer 3.000" in out.output and "zo'n 10.000" in out.output
    assert (
        "unit.troops: ongeveer 3.000 militairen (2024-10-01, Seoul) -> zo'n 10.000 soldaten"
        in out.output
    )
    listed = runner.invoke(stories, ["--db", db])
    assert listed.exit_code == 0, listed.output
    assert "zal getekend worden" in listed.output and "tekenden" in listed.output
    first_id = listed.output.split("\t", 1)[0].split()[1]
    shown = runner.invoke(story, [first_id, "--db", db])
    assert shown.exit_code == 0 and f"story {first_id}" in shown.output
    missing = runner.invoke(story, ["999", "--db", db])
    assert missing.exit_code != 0 and "no story 999" in missing.output


def test_durations_are_left_out_unless_asked_for(tmp_path):
    books, families = load_books(), load_unit_families()
    toll = analysed(
        "d1", "main", "Het is de eerste aanval in 24 jaar; er vielen 12 doden.", (), published=T0
    )
    years = Claim(
        value=24,
        unit="jaar",
        approx=None,
        low=None,
        high=None,
        text="24 jaar",
        field="text",
        span=(28, 35),
        sentence=0,
        actors=("UKR",),
    )
    deaths = replace(years, value=12, unit="doden", text="12 doden", span=(46, 54))
    with Store(tmp_path / "k.duckdb") as store:
        store_result(store, page_result("d1", (replace(toll, claims=(years, deaths)),)))
        plain = parse_claim_query("Oekraïne", books, families)
        assert "jaar" in plain.skip_units
        shown = store.claims(actors=plain.actors, skip_units=plain.skip_units)
        assert [r["unit"] for r in shown] == ["doden"]
        asked = parse_claim_query("Oekraïne", books, families, kind="jaar")
        assert asked.skip_units == () and [
            r["unit"]
            for r in store.claims(
                actors=asked.actors, units=asked.units, skip_units=asked.skip_units
            )
        ] == ["jaar"]
