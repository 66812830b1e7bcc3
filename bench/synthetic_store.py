"""Write a store of synthetic events straight into a DuckDB file (no Frog), for API benchmarks.

    python bench/synthetic_store.py OUT.duckdb [--events 1000000] [--seed 7]

Every table the API reads is filled the way ``kroniek ingest`` fills it: pages, articles
(three events each), sightings (one article in ten is carried by a second page), sentences,
mentions, events and event_days. Actors follow a skewed distribution over 60 codes, dates spread over
five years (some events with only a month or no date of their own), facts are mostly
asserted. The values are random; only sizes and shapes matter.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb

from kroniek.store import Store
from kroniek.store.days import file_event_days

ACTORS = (
    "RUS",
    "UKR",
    "USA",
    "ISR",
    "PSE",
    "IRN",
    "CHN",
    "EU",
    "NATO",
    "UN",
    "DEU",
    "FRA",
    "GBR",
    "TUR",
    "SYR",
    "LBN",
    "PRK",
    "KOR",
    "JPN",
    "IND",
    "PAK",
    "AFG",
    "IRQ",
    "SAU",
    "QAT",
    "EGY",
    "NLD",
    "BEL",
    "POL",
    "HUN",
    "BLR",
    "GEO",
    "ARM",
    "AZE",
    "VEN",
    "CUB",
    "MEX",
    "CAN",
    "BRA",
    "ARG",
    "ZAF",
    "NGA",
    "ETH",
    "SDN",
    "YEM",
    "ARE",
    "JOR",
    "ICC",
    "IAEA",
    "WHO",
    "IMF",
    "G7",
    "AUS",
    "NZL",
    "IDN",
    "PHL",
    "VNM",
    "THA",
    "TWN",
    "---",
)
TYPES = (
    ("AGREE", "057", 1, 8.0),
    ("CONSULT", "040", 1, 1.0),
    ("SUPPORT", "051", 1, 3.4),
    ("CONCEDE", "080", 2, 5.0),
    ("COOPERATE", "060", 2, 6.0),
    ("AID", "070", 2, 7.0),
    ("RETREAT", "087", 2, 9.0),
    ("REQUEST", "020", 1, 3.0),
    ("ACCUSE", "112", 3, -2.0),
    ("REJECT", "120", 3, -4.0),
    ("THREATEN", "130", 3, -4.4),
    ("PROTEST", "141", 3, -6.5),
    ("SANCTION", "163", 4, -8.0),
    ("MOBILIZE", "150", 4, -7.2),
    ("COERCE", "170", 4, -7.0),
    ("ASSAULT", "190", 4, -10.0),
)


def _list(values) -> str:
    return "[" + ", ".join(f"'{v}'" if isinstance(v, str) else str(v) for v in values) + "]"


def generate(path: Path, events: int, seed: int) -> None:
    """Fill a new store at ``path`` with ``events`` synthetic events."""
    articles = max(1, (events + 2) // 3)
    pages = max(1, articles // 5)
    Store(path).close()  # the schema
    with duckdb.connect(str(path)) as con:
        con.execute(f"SELECT setseed({(seed % 1000) / 1000})")
        actor_list, n = _list(ACTORS), len(ACTORS)
        types = ", ".join(f"('{t}', '{c}', {q}, {g})" for t, c, q, g in TYPES)
        con.execute("BEGIN TRANSACTION")
        con.execute(f"""
            INSERT INTO pages SELECT
                sha256('page' || i), 'page' || i, 'synthetic/page' || i || '.html',
                'https://news.example.org/' || i,
                TIMESTAMP '2021-01-01' + to_minutes(CAST(i * 5 * 365 * 1440 // {pages} AS BIGINT)),
                'record', 'nl', 5, [], 'synthetic', TIMESTAMP '2026-01-01' + to_seconds(i)
            FROM range({pages}) t(i)""")
        con.execute(f"""
            INSERT INTO articles SELECT
                sha256('article' || i), 'Kop van bericht ' || i, 'MOSKOU', ['ANP'],
                'Tekst van bericht ' || i || ' over de betrekkingen.',
                CASE WHEN i % 20 = 0 THEN NULL ELSE
                    TIMESTAMP '2021-01-01' + to_minutes(CAST(i * 5 * 365 * 1440 // {articles} AS BIGINT)) END,
                'hour', TIMESTAMP '2026-01-01'
            FROM range({articles}) t(i)""")
        con.execute(f"""
            INSERT INTO sightings SELECT
                sha256('article' || i), sha256('page' || (i // 5 % {pages})),
                'page' || (i // 5 % {pages}), 'brief:' || i, NULL, NULL,
                TIMESTAMP '2021-01-01' + to_minutes(CAST((i // 5 % {pages}) * 5 * 365 * 1440 // {pages} AS BIGINT))
            FROM range({articles}) t(i)
            UNION ALL SELECT
                sha256('article' || i), sha256('page' || ((i // 5 + 1) % {pages})),
                'page' || ((i // 5 + 1) % {pages}), 'again:' || i, NULL, NULL, NULL
            FROM range({articles}) t(i) WHERE i % 10 = 3 AND {pages} > 1""")
        con.execute(f"""
            INSERT INTO sentences SELECT sha256('article' || i), 0, 'text', 0, 40,
                'Tekst van bericht ' || i || ' over de betrekkingen.', true
            FROM range({articles}) t(i)""")
        con.execute(f"""
            CREATE TEMP TABLE pick AS SELECT i,
                CAST(floor(pow(random(), 2.2) * {n}) AS INTEGER) + 1 AS s,
                CAST(floor(pow(random(), 2.2) * {n}) AS INTEGER) + 1 AS t,
                CAST(floor(random() * 16) AS INTEGER) + 1 AS k,
                random() AS f, random() AS d
            FROM range({events}) r(i)""")
        con.execute(f"""
            INSERT INTO events SELECT
                sha256('event' || i), sha256('article' || (i // 3)), i % 3,
                {actor_list}[s], 'GOV', 'actor ' || {actor_list}[s],
                {actor_list}[CASE WHEN t = s THEN t % {n} + 1 ELSE t END], 'GOV',
                'actor ' || {actor_list}[CASE WHEN t = s THEN t % {n} + 1 ELSE t END],
                ty.type, NULL, ty.cameo, ty.goldstein, ty.quad, fact,
                'Zin ' || i || ': ' || {actor_list}[s] || ' en de ander ' || lower(ty.type)
                    || ' elkaar volgens het bericht.',
                'text', 0, 40, lower(ty.type), 'synthetic.' || lower(ty.type), NULL,
                CASE WHEN d < 0.7 THEN strftime(day, '%Y-%m-%d')
                     WHEN d < 0.8 THEN strftime(day, '%Y-%m') END,
                CASE WHEN d < 0.7 THEN 'day' WHEN d < 0.8 THEN 'month' END,
                CASE WHEN d < 0.7 THEN day WHEN d < 0.8 THEN date_trunc('month', day)::DATE END,
                CASE WHEN d < 0.7 THEN day WHEN d < 0.8 THEN last_day(day) END,
                length('Zin ' || i || ': ' || {actor_list}[s] || ' en de ander '),
                length('Zin ' || i || ': ' || {actor_list}[s] || ' en de ander ' || ty.type),
                0, NULL, sha256('article' || (i // 3))
            FROM (SELECT *, CASE WHEN f < 0.8 THEN 'asserted' WHEN f < 0.9 THEN 'future'
                                 WHEN f < 0.95 THEN 'negated' ELSE 'alleged' END AS fact,
                         (DATE '2021-01-01' + CAST(i * 5 * 365 // {events} AS INTEGER)) AS day
                  FROM pick) p
            JOIN (SELECT * , row_number() OVER () AS k FROM (VALUES {types}) v(type, cameo, quad, goldstein)) ty
              USING (k)""")
        con.execute("""
            INSERT INTO mentions SELECT e.article_id, e.idx * 2 + side, code, 'GOV', 'actor ' || code,
                'text', 0, 5, 0, 1, 1, 'actor.state.' || code, NULL, NULL
            FROM (SELECT article_id, idx, src AS code, 0 AS side FROM events UNION ALL
                  SELECT article_id, idx, tgt, 1 FROM events) e""")
        file_event_days(con)
        con.execute("COMMIT")
    with Store(path, read_only=True) as store:
        counts = store.counts()
    print(" ".join(f"{k}={v}" for k, v in counts.items() if v))


def main() -> None:
    """Generate the store named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.out.exists():
        parser.error(f"{args.out} exists; give a new file")
    started = time.monotonic()
    generate(args.out, args.events, args.seed)
    print(f"{args.events} events -> {args.out} in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
