"""GDELT and Parquet exports of a store."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from tests.store.store_records import analysed, event, page_result

from kroniek.pipeline import store_result
from kroniek.store import GDELT_COLUMNS, Store, export_gdelt, export_parquet
from kroniek.store.export import SIDECAR_COLUMNS, gdelt_actor

REFERENCE = (
    Path(__file__).resolve().parents[3] / "shared" / "reference" / "gdelt_events_columns.tsv"
)


def shared_brief_store(tmp_path) -> Store:
    """Three pages: a brief with two events carried by all three, one main event on page a."""
    brief_events = (
        event("USA", "UN", "REQUEST", cameo="1041", span=(0, 30), event_date="2026-01-27"),
        event(
            "---",
            "RUS",
            "PROTEST",
            cameo="141",
            src_sector="CVL",
            span=(31, 60),
            event_date="2026-01",
        ),
    )
    text = "Een bericht over een oproep en een betoging, in eigen woorden."
    store = Store(tmp_path / "g.duckdb")
    for n, doc in enumerate(("a", "b", "c")):
        main = (
            (
                analysed(
                    doc,
                    "main",
                    "Hoofdartikel over een treffen.",
                    (
                        event(
                            "NATO",
                            "RUS",
                            "CONSULT",
                            cameo="040",
                            field="headline",
                            src_sector="IGO",
                        ),
                    ),
                ),
            )
            if doc == "a"
            else ()
        )
        brief = analysed(
            doc,
            f"brief:{n}",
            text,
            brief_events,
            agencies=("ANP", "AFP"),
            ago=f"{n + 1} uur geleden",
        )
        store_result(store, page_result(doc, main + (brief,), url=f"https://example.org/{doc}"))
    return store


def read_rows(text: str) -> list[dict[str, str]]:
    return [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in text.splitlines()]


def test_columns_match_the_reference_file():
    if not REFERENCE.is_file():
        pytest.skip(f"{REFERENCE} is absent: the GDELT column list is read from ../shared")
    with open(REFERENCE, encoding="utf-8", newline="") as f:
        names = [row["name"] for row in csv.DictReader(f, delimiter="\t")]
    assert tuple(names) == GDELT_COLUMNS
    assert len(GDELT_COLUMNS) == 61


def test_gdelt_rows_count_each_event_once(tmp_path):
    with shared_brief_store(tmp_path) as store:
        buffer = io.StringIO()
        assert export_gdelt(store, buffer) == 3
    text = buffer.getvalue()
    assert all(line.count("\t") == len(GDELT_COLUMNS) - 1 for line in text.splitlines())
    rows = read_rows(text)
    assert len({r["GLOBALEVENTID"] for r in rows}) == 3
    by_code = {r["EventCode"]: r for r in rows}
    request = by_code["1041"]
    assert request["NumMentions"] == "3" and request["NumArticles"] == "3"
    assert request["NumSources"] == "2"
    assert request["SQLDATE"] == "20260127" and request["MonthYear"] == "202601"
    assert (
        request["Year"] == "2026" and request["FractionDate"] == "2026.1562"
    )  # 2026 + (1*30+27)/365
    assert request["Actor1Code"] == "USAGOV" and request["Actor1CountryCode"] == "USA"
    assert request["Actor2Code"] == "IGOUNOGOV" and request["Actor2KnownGroupCode"] == "UNO"
    assert request["Actor2CountryCode"] == ""
    assert request["Actor2Name"] == "de regering van UN"  # the tab in the surface text is gone
    assert request["EventBaseCode"] == "104" and request["EventRootCode"] == "10"
    assert request["IsRootEvent"] == "1" and request["QuadClass"] == "1"
    assert request["SOURCEURL"] == "https://example.org/a"
    assert len(request["DATEADDED"]) == 14 and request["DATEADDED"].isdigit()
    assert request["Actor1Geo_Type"] == "0"
    # no place in the sentence: the dateline city (DEN HAAG) from the gazetteer
    assert (
        request["ActionGeo_Type"],
        request["ActionGeo_FullName"],
        request["ActionGeo_CountryCode"],
    ) == ("4", "Den Haag", "NL")
    assert (request["ActionGeo_Lat"], request["ActionGeo_Long"]) == ("52.0705", "4.3007")
    protest = by_code["141"]
    assert protest["Actor1Code"] == "CVL" and protest["Actor1CountryCode"] == ""
    assert protest["IsRootEvent"] == "0"
    assert protest["SQLDATE"] == "20260129"  # month-precise date: the published day inside it
    assert protest["EventBaseCode"] == "141" and protest["EventRootCode"] == "14"
    consult = by_code["040"]
    assert consult["Actor1Code"] == "IGOWSTNAT" and consult["Actor1Type1Code"] == "IGO"
    assert consult["NumMentions"] == "1" and consult["IsRootEvent"] == "1"


def test_gdelt_to_a_file_is_stable(tmp_path):
    with shared_brief_store(tmp_path) as store:
        first, second = tmp_path / "one.tsv", tmp_path / "two.tsv"
        export_gdelt(store, first)
        export_gdelt(store, second)
    assert first.read_bytes() == second.read_bytes()
    assert len(first.read_text(encoding="utf-8").splitlines()) == 3


def test_gdelt_actor_codes():
    assert gdelt_actor("RUS", "MIL", "Russische troepen")["Code"] == "RUSMIL"
    assert gdelt_actor("EU", None, "de EU") == {
        "Code": "IGOEEC",
        "Name": "de EU",
        "CountryCode": "",
        "KnownGroupCode": "EEC",
        "Type1Code": "IGO",
    }
    assert gdelt_actor("WST", None, "het Westen")["CountryCode"] == "WST"
    assert gdelt_actor("---", None, "onbekenden")["Code"] == ""


def test_parquet_export_reads_back(tmp_path):
    with shared_brief_store(tmp_path) as store:
        counts = store.counts()
        paths = export_parquet(store, tmp_path / "parquet")
    names = {p.stem for p in paths}
    assert {"pages", "articles", "sightings", "mentions", "events"} <= names
    con = duckdb.connect()
    for path in paths:
        n = con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]
        assert n == counts[path.stem], path.stem
    agencies = con.execute(
        "SELECT DISTINCT agencies FROM read_parquet(?) WHERE len(agencies) = 2",
        [str(tmp_path / "parquet" / "articles.parquet")],
    ).fetchall()
    assert agencies == [(["ANP", "AFP"],)]


def _said(src, tgt, fact, span, sentence, cameo="057", type_="AGREE", event_date="2026-01-20"):
    made = event(src, tgt, type_, cameo=cameo, span=span, fact=fact, event_date=event_date)
    return replace(made, sentence=sentence)


def test_gdelt_writes_asserted_events_once_with_a_sidecar(tmp_path):
    """Negated, future and alleged events stay out by default; repeats are one row."""
    told = "Rusland en Iran tekenden in Genève een akkoord."
    events = (
        _said("RUS", "IRN", "asserted", (0, 40), told),
        _said(
            "RUS", "IRN", "asserted", (41, 80), "Het akkoord tussen Rusland en Iran is getekend."
        ),
        _said("RUS", "UKR", "negated", (81, 120), "Rusland en Oekraïne bereikten geen akkoord."),
        _said("USA", "CHN", "future", (121, 160), "De VS en China tekenen volgende week."),
    )
    with Store(tmp_path / "f.duckdb") as store:
        store_result(
            store,
            page_result(
                "p",
                (analysed("p", "main", "tekst", events, dateline="MOSKOU"),),
                url="https://example.org/p",
            ),
        )
        default, extra = io.StringIO(), io.StringIO()
        assert export_gdelt(store, default, sidecar=extra) == 1
        everything = io.StringIO()
        assert export_gdelt(store, everything, facts=("asserted", "negated", "future")) == 3
        with pytest.raises(ValueError, match="unknown fact"):
            export_gdelt(store, io.StringIO(), facts=("maybe",))
    (row,) = read_rows(default.getvalue())
    assert (row["Actor1Code"], row["Actor2Code"], row["EventCode"]) == ("RUSGOV", "IRNGOV", "057")
    assert row["NumMentions"] == "2"  # one article, the event told in two sentences
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("Genève", "SZ")
    header, line = extra.getvalue().splitlines()
    assert tuple(header.split("\t")) == SIDECAR_COLUMNS
    side = dict(zip(SIDECAR_COLUMNS, line.split("\t"), strict=True))
    assert side["GLOBALEVENTID"] == row["GLOBALEVENTID"]
    assert (side["fact"], side["sentence"], side["sentences"]) == ("asserted", told, "2")
    assert len(side["event_ids"].split(",")) == 2
    facts = {r["Actor2Code"]: r for r in read_rows(everything.getvalue())}
    assert set(facts) == {"IRNGOV", "UKRGOV", "CHNGOV"}
    assert facts["UKRGOV"]["ActionGeo_FullName"] == "Moskou"  # the dateline city


def test_gdelt_source_url_is_a_web_address_or_empty(tmp_path):
    with Store(tmp_path / "u.duckdb") as store:
        store_result(
            store, page_result("p", (analysed("p", "main", "tekst", (event("NLD", "BEL"),)),))
        )
        out = io.StringIO()
        export_gdelt(store, out)
    (row,) = read_rows(out.getvalue())
    assert row["SOURCEURL"] == ""  # the page came from a local file: no path in the URL column
