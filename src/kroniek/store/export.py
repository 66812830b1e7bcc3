"""Exports of a store: GDELT 2.0 event rows (TSV) and Parquet tables."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TextIO

from kroniek.store.geo import action_place
from kroniek.store.schema import TABLES
from kroniek.store.store import Store
from kroniek.vocabulary import FACTS

# The 61 columns of the GDELT 2.0 event table, in file order
# (from ../shared/reference/gdelt_events_columns.tsv, itself from the GDELT 2.0 codebook).
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)

# kroniek's intergovernmental codes -> (CAMEO known-group code, full CAMEO actor code), from
# the kroniek_code and cameo_code_manual columns of ../shared/reference/cameo_known_groups.tsv
# (NATO as petrarch2 and CAMEO manual ch. 7 write it; AU as the manual's AFU). G20 and BRICS
# have no CAMEO code and export as the generic "IGO".
IGO_CODES = MappingProxyType(
    {
        "EU": ("EEC", "IGOEEC"),
        "G7": ("GOS", "IGOGOS"),
        "IAEA": ("IAE", "IGOUNOIAE"),
        "ICC": ("ICC", "IGOICC"),
        "IMF": ("IMF", "IGOIMF"),
        "NATO": ("NAT", "IGOWSTNAT"),
        "OPEC": ("OPC", "IGOOPC"),
        "OSCE": ("SCE", "IGOSCE"),
        "UN": ("UNO", "IGOUNO"),
        "WB": ("WBK", "IGOUNOWBK"),
        "WHO": ("WHO", "IGOUNOWHO"),
        "AU": ("AFU", "IGOAFRAFU"),
        "G20": ("", "IGO"),
        "BRICS": ("", "IGO"),
    }
)

GEO_TYPE_COLUMNS = frozenset({"Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"})


# kroniek's own columns for each exported row, in the sidecar file beside the GDELT rows
SIDECAR_COLUMNS = (
    "GLOBALEVENTID",
    "fact",
    "attributed_to",
    "sentence",
    "trigger",
    "rule",
    "doc",
    "part",
    "sentences",
    "event_ids",
)

_GDELT_SQL = """
WITH seen AS (
    SELECT s.article_id,
           count(*) AS mentions,
           count(DISTINCT s.content_hash) AS pages,
           arg_min(p.url, (p.ingested_at, s.doc, s.part))
               FILTER (WHERE regexp_matches(p.url, '^https?://')) AS first_url,
           arg_min(s.doc, (p.ingested_at, s.doc, s.part)) AS first_doc,
           arg_min(s.part, (p.ingested_at, s.doc, s.part)) AS first_part,
           min(p.ingested_at) AS first_ingest,
           arg_min(p.fetched_at, (p.ingested_at, s.doc, s.part)) AS first_fetched
    FROM sightings s JOIN pages p USING (content_hash)
    GROUP BY s.article_id
), lead AS (
    SELECT article_id, min(span_start) AS first_start
    FROM sentences WHERE field = 'text' GROUP BY article_id
)
SELECT e.*, a.published, a.dateline, len(a.agencies) AS agencies, seen.mentions, seen.pages,
       seen.first_url, seen.first_doc, seen.first_part, seen.first_ingest, seen.first_fetched,
       coalesce(lead.first_start, 0) AS first_start
FROM events e
JOIN articles a USING (article_id)
JOIN seen USING (article_id)
LEFT JOIN lead USING (article_id)
WHERE list_contains(?, e.fact)
ORDER BY seen.first_ingest, e.article_id, e.idx
"""

# what makes two events of one article the same reported event (the place is the first one's)
_SAME_EVENT = ("Actor1Code", "Actor2Code", "EventCode", "SQLDATE")


def gdelt_actor(code: str, sector: str | None, name: str) -> dict[str, str]:
    """The GDELT actor columns (without the ActorN prefix) for one kroniek actor."""
    sector = sector or ""
    group, country = "", ""
    if code in IGO_CODES:
        group, base = IGO_CODES[code]
        full = base + (sector if sector and sector != "IGO" else "")
        sector = sector or "IGO"
    elif code == "---":
        full = sector
    else:
        country = code  # ISO alpha-3 is CAMEO's country code; WST is CAMEO's "West"
        full = code + sector
    return {
        "Code": full,
        "Name": _clean(name),
        "CountryCode": country,
        "KnownGroupCode": group,
        "Type1Code": sector,
    }


def gdelt_day(row: dict) -> date | None:
    """The day an event is filed under: its own date, else the published day, else fetch day."""
    published = row["published"].date() if row["published"] else None
    first, last = row["date_from"], row["date_to"]
    if first is not None and first == last:
        return first
    if first is not None:
        return published if published and first <= published <= last else first
    if published:
        return published
    return row["first_fetched"].date() if row["first_fetched"] else None


def gdelt_row(row: dict) -> dict[str, object]:
    """One GDELT 2.0 event record (column -> value) from a joined events row."""
    out: dict[str, object] = dict.fromkeys(GDELT_COLUMNS, "")
    for name in GEO_TYPE_COLUMNS:
        out[name] = 0  # GDELT writes 0 when no location was found
    out["GLOBALEVENTID"] = int(row["event_id"][:15], 16)
    day = gdelt_day(row)
    if day is not None:
        out["SQLDATE"] = day.strftime("%Y%m%d")
        out["MonthYear"] = day.strftime("%Y%m")
        out["Year"] = day.year
        out["FractionDate"] = f"{day.year + (day.month * 30 + day.day) / 365:.4f}"
    for n, side in ((1, "src"), (2, "tgt")):
        actor = gdelt_actor(row[side], row[f"{side}_sector"], row[f"{side}_text"])
        for key, value in actor.items():
            out[f"Actor{n}{key}"] = value
    cameo = row["cameo"]
    out["IsRootEvent"] = int(row["field"] == "headline" or row["span_start"] <= row["first_start"])
    out["EventCode"] = cameo
    out["EventBaseCode"] = cameo[:3] if len(cameo) > 3 else cameo
    out["EventRootCode"] = cameo[:2]
    out["QuadClass"] = row["quad_class"]
    out["GoldsteinScale"] = row["goldstein"]
    out["NumMentions"] = row["mentions"]
    out["NumSources"] = max(1, row["agencies"])  # the wire agencies credited on the item
    out["NumArticles"] = row["pages"]
    place = action_place(row["sentence"], row.get("dateline"))
    if place is not None:
        out["ActionGeo_Type"] = place.geo_type
        out["ActionGeo_FullName"] = place.name
        out["ActionGeo_CountryCode"] = place.country
        out["ActionGeo_ADM1Code"] = place.country  # the country, as GDELT writes it for no ADM1
        out["ActionGeo_Lat"] = place.lat
        out["ActionGeo_Long"] = place.lon
    out["DATEADDED"] = row["first_ingest"].strftime("%Y%m%d%H%M%S")
    out["SOURCEURL"] = row["first_url"] or ""  # a web address or nothing, never a local path
    return out


def _sidecar(record: dict, row: dict) -> dict[str, object]:
    return {
        "GLOBALEVENTID": record["GLOBALEVENTID"],
        "fact": row["fact"],
        "attributed_to": row["attributed_to"] or "",
        "sentence": _clean(row["sentence"]),
        "trigger": _clean(row["trigger"]),
        "rule": row["rule"],
        "doc": row["first_doc"],
        "part": row["first_part"],
        "sentences": 1,
        "event_ids": row["event_id"],
    }


def _merged(rows: list[dict]) -> Iterator[tuple[dict, dict]]:
    """One (GDELT record, sidecar row) per reported event of one article's events.

    Events of the article with the same actors, CAMEO code, fact and day are one
    reported event told in several sentences: the first one's record (and place), its mentions counted
    once per sentence.
    """
    events: dict[tuple, tuple[dict, dict]] = {}
    for row in rows:
        record = gdelt_row(row)
        key = (row["fact"], *(record[name] for name in _SAME_EVENT))
        if key not in events:
            events[key] = (record, _sidecar(record, row))
            continue
        first, extra = events[key]
        first["NumMentions"] += record["NumMentions"]
        first["IsRootEvent"] = max(first["IsRootEvent"], record["IsRootEvent"])
        extra["sentences"] += 1
        extra["event_ids"] += "," + row["event_id"]
    yield from events.values()


def gdelt_events(
    store: Store, facts: tuple[str, ...] = ("asserted",)
) -> Iterator[tuple[dict[str, object], dict[str, object]]]:
    """Each reported event of the given factualities once: (GDELT 2.0 record, sidecar row).

    Sightings of an article count as mentions, never as rows; events of one article that
    repeat one another (same actors, code, fact and day) are one row.
    """
    article = None
    rows: list[dict] = []
    for row in store.stream(_GDELT_SQL, [list(facts)]):
        if row["article_id"] != article and rows:
            yield from _merged(rows)
            rows = []
        article = row["article_id"]
        rows.append(row)
    yield from _merged(rows)


def gdelt_rows(store: Store, facts: tuple[str, ...] = ("asserted",)) -> Iterator[dict[str, object]]:
    """The GDELT 2.0 records of ``gdelt_events``."""
    for record, _extra in gdelt_events(store, facts):
        yield record


def export_gdelt(
    store: Store,
    out: Path | TextIO,
    facts: tuple[str, ...] = ("asserted",),
    sidecar: Path | TextIO | None = None,
) -> int:
    """Write the store's events as GDELT 2.0 event rows (TSV, no header); returns the count.

    Only events whose fact is in ``facts`` are written (asserted ones by default: a negated,
    future or alleged event did not happen as a GDELT reader would take it). ``sidecar``,
    when given, gets kroniek's own columns (SIDECAR_COLUMNS, with a header) per written row.
    """
    unknown = set(facts) - set(FACTS)
    if unknown:
        raise ValueError(f"unknown fact {sorted(unknown)}; facts are {', '.join(FACTS)}")
    written = 0
    with _text_out(out) as stream, _optional_out(sidecar) as extra_stream:
        if extra_stream is not None:
            extra_stream.write("\t".join(SIDECAR_COLUMNS) + "\n")
        for record, extra in gdelt_events(store, facts):
            stream.write("\t".join(_cell(record[name]) for name in GDELT_COLUMNS) + "\n")
            if extra_stream is not None:
                extra_stream.write("\t".join(_cell(extra[name]) for name in SIDECAR_COLUMNS) + "\n")
            written += 1
    return written


def export_parquet(store: Store, out_dir: Path) -> list[Path]:
    """Write every table of the store as ``<table>.parquet`` in ``out_dir``; returns the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        if table == "meta":
            continue
        target = out_dir / f"{table}.parquet"
        quoted = str(target).replace("'", "''")
        store.query(f"COPY {table} TO '{quoted}' (FORMAT parquet)")
        written.append(target)
    return written


@contextmanager
def _optional_out(out: Path | TextIO | None) -> Iterator[TextIO | None]:
    if out is None:
        yield None
    else:
        with _text_out(out) as stream:
            yield stream


@contextmanager
def _text_out(out: Path | TextIO) -> Iterator[TextIO]:
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
    else:
        yield out


def _clean(text: str | None) -> str:
    """Text safe for a TSV cell: no tabs or line breaks."""
    return " ".join((text or "").split())


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else f"{value:.1f}"
    if isinstance(value, datetime):
        return value.strftime("%Y%m%d%H%M%S")
    return str(value)
