"""A kroniek store: finished PageResults in one DuckDB file, queried back as plain dicts."""

from __future__ import annotations

import calendar
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import overload

import duckdb
import pyarrow as pa

from kroniek.errors import KroniekError
from kroniek.output import iso_utc
from kroniek.records import AnalysedArticle, ArticlePlan, Event, PagePlan, PageResult, StorePlan
from kroniek.store.claims import claim_rows
from kroniek.store.days import day_rows, file_event_days
from kroniek.store.schema import DDL, SCHEMA_VERSION, TABLES, UPGRADABLE, UPGRADE
from kroniek.store.stories import save_links, stories_with_keys, story_rows, unlinked_events
from kroniek.store.versions import quantity_rows

EVENT_FIELDS = (
    "src",
    "src_sector",
    "src_text",
    "tgt",
    "tgt_sector",
    "tgt_text",
    "type",
    "mode",
    "cameo",
    "goldstein",
    "quad_class",
    "fact",
    "sentence",
    "field",
    "span",
    "trigger",
    "rule",
    "attributed_to",
    "event_date",
    "event_date_precision",
)


@dataclass(frozen=True)
class AddOutcome:
    """What ``Store.add_many`` stored for one page."""

    new_page: bool
    new_articles: int
    duplicate_articles: int  # articles already stored (another page carried them): sighting only
    new_events: int
    near_duplicates: int = 0  # of duplicate_articles: edited versions of a stored item


def date_bounds(value: str | None) -> tuple[date | None, date | None]:
    """First and last day covered by an ISO date, year-month or year; (None, None) if unreadable."""
    if not value:
        return None, None
    try:
        bits = [int(b) for b in value.split("-")]
        if len(bits) == 3:
            day = date(*bits)
            return day, day
        if len(bits) == 2:
            last = calendar.monthrange(bits[0], bits[1])[1]
            return date(bits[0], bits[1], 1), date(bits[0], bits[1], last)
        if len(bits) == 1:
            return date(bits[0], 1, 1), date(bits[0], 12, 31)
    except ValueError:
        pass
    return None, None


@overload
def _utc(moment: datetime) -> datetime: ...
@overload
def _utc(moment: None) -> None: ...
def _utc(moment: datetime | None) -> datetime | None:
    """An aware datetime as naive UTC (how the store keeps times); naive input is taken as UTC."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None else None


def _open_problem(message: str) -> tuple[str, str]:
    """What went wrong opening a store, and the fix, from DuckDB's error message."""
    if "Conflicting lock" in message:
        holder = re.search(r"\(PID (\d+)\)", message)
        who = f" (PID {holder.group(1)})" if holder else ""
        return (
            f"the store is in use by another process{who}",
            "wait until it is done: one process may write a store, and none may read it meanwhile",
        )
    if "not a valid DuckDB database" in message:
        return "not a kroniek store (not a DuckDB file at all)", "choose another --db path"
    return f"cannot open the store: {message.splitlines()[0]}", "check the --db path"


class Store:
    """A DuckDB file holding pages, articles, sightings, sentences, mentions, events, failures.

    Use as a context manager. The schema is created when missing; a file written by a
    different schema version is refused with a clear error (an older one is upgraded when
    opened for writing). One writer per file (DuckDB); within a process the store may be
    shared between threads. What is new, a repeat or a version of a stored article is
    decided before storing (kroniek.dedup, from what this class lets it read); the store
    writes what that plan says.
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise KroniekError(str(self.path), "no such store", "run `kroniek ingest` first")
        if self.path.is_dir():
            raise KroniekError(
                str(self.path),
                "a directory, not a store file",
                "give --db a file path, e.g. kroniek.duckdb",
            )
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as err:
            raise KroniekError(str(self.path), *_open_problem(str(err))) from err
        self._lock = threading.RLock()
        tables = {
            r[0] for r in self._con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if tables and "meta" not in tables:
            self.close()
            raise KroniekError(
                str(self.path),
                "a DuckDB file that is not a kroniek store",
                "choose another --db path",
            )
        if not read_only:
            self._con.execute(DDL)
            if "events" in tables and self._found_version() in UPGRADABLE:
                self._con.execute(UPGRADE)
            if "events" in tables and "event_days" not in tables:  # upgrading a version 1 or 2
                file_event_days(self._con)
            self._con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?), ('created_at', ?) "
                "ON CONFLICT DO NOTHING",
                [str(SCHEMA_VERSION), iso_utc(datetime.now(UTC))],
            )
            self._con.execute(  # older versions lack what DDL and UPGRADE have just added
                "UPDATE meta SET value = ? WHERE key = 'schema_version' AND list_contains(?, value)",
                [str(SCHEMA_VERSION), list(UPGRADABLE)],
            )
        self._check_version()

    def _found_version(self) -> str | None:
        """The schema version the file records, or None."""
        try:
            row = self._con.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
        except duckdb.Error:
            row = None
        return row[0] if row else None

    def _check_version(self) -> None:
        found = self._found_version()
        if found != str(SCHEMA_VERSION):
            self.close()
            raise KroniekError(
                str(self.path),
                f"store schema version {found or 'missing'}, this kroniek writes version {SCHEMA_VERSION}",
                "open it once for writing (kroniek ingest) to upgrade it"
                if found in UPGRADABLE
                else "ingest into a new store file",
            )

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the file."""
        return int(self._fetch("SELECT value FROM meta WHERE key = 'schema_version'")[0][0])

    def close(self) -> None:
        """Close the DuckDB connection (a view from ``cursor()``: only its cursor)."""
        self._con.close()

    @classmethod
    def over(cls, path: str | Path, con: duckdb.DuckDBPyConnection) -> Store:
        """A read-only view of the store at ``path`` over an open connection (the HTTP server
        gives each request a cursor of its shared read-only handle); closing it closes ``con``."""
        store = cls.__new__(cls)
        store.path = Path(path)
        store._con = con
        store._lock = threading.RLock()
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _fetch(self, sql: str, params: list | None = None) -> list[tuple]:
        with self._lock:
            return self._con.execute(sql, params or []).fetchall()

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        """Run one SQL statement on the store and return its rows as dicts (column -> value)."""
        with self._lock:
            cur = self._con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        """Like ``query`` but each row a tuple (cheaper for many rows)."""
        return self._fetch(sql, params)

    def stream(self, sql: str, params: list | None = None, batch: int = 5000) -> Iterator[dict]:
        """Like ``query`` but yields rows in batches from a cursor of its own (large exports)."""
        with self._lock:
            cur = self._con.cursor()
        try:
            cur.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            while rows := cur.fetchmany(batch):
                for row in rows:
                    yield dict(zip(names, row, strict=True))
        finally:
            cur.close()

    # -- writing ---------------------------------------------------------------------------

    def has_page(self, content_hash: str) -> bool:
        """True when a page with this content hash is stored (its NLP can be skipped)."""
        return bool(self._fetch("SELECT 1 FROM pages WHERE content_hash = ?", [content_hash]))

    def record_failure(self, source: str, reason: str) -> None:
        """Remember that an input failed and why; the same source and reason are kept once."""
        now = _utc(datetime.now(UTC))
        with self._lock:
            self._con.execute(
                "INSERT INTO failures VALUES (?, ?, ?, ?, 1) ON CONFLICT (source, reason) "
                "DO UPDATE SET last_seen_at = excluded.last_seen_at, times = failures.times + 1",
                [source, reason, now, now],
            )

    def add_many(
        self, results: list[PageResult], plan: StorePlan, rules_sha256: str = ""
    ) -> list[AddOutcome]:
        """Store pages' results as ``plan`` says (one PagePlan per result, see kroniek.dedup),
        in one transaction, in order, with one insert per table for all of them.

        A page the plan marks as known adds nothing; a "stored" article only gets a sighting
        (its sentences, mentions and events are stored already); a "version" gets a sighting
        of the article it repeats and a version row. Of a new article's or a version's events
        and figures, those the plan lists are stored. A failed result is recorded as a
        failure. On an error nothing is stored.
        """
        outcomes: list[AddOutcome] = []
        for result in results:
            if result.error is not None:
                self.record_failure(result.page.source, result.error)
        with self._lock:
            self._con.execute("BEGIN TRANSACTION")
            try:
                rows = _Rows()
                rows.signatures += [(aid, list(values)) for aid, values in plan.signatures]
                for result, page_plan in zip(results, plan.pages, strict=True):
                    if result.error is not None or page_plan is None or not page_plan.new:
                        outcomes.append(AddOutcome(False, 0, 0, 0))
                        continue
                    outcomes.append(self._add_page(result, page_plan, rules_sha256, rows))
                for table in (
                    "pages",
                    "articles",
                    "versions",
                    "signatures",
                    "sentences",
                    "mentions",
                    "events",
                    "quantities",
                    "sightings",
                ):
                    self._bulk(table, getattr(rows, table))
                self._bulk("event_days", day_rows(rows.events, *self._event_articles(rows)))
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            self._con.execute("COMMIT")
        return outcomes

    def _event_articles(self, rows: _Rows) -> tuple[dict, dict]:
        """Published time and sightings (ingested_at, doc, part, url, fetched_at) of the articles
        the batch's events belong to: new ones from ``rows``, stored ones (a version's new
        events) by key from the tables, which already hold the batch's rows."""
        pages = {row[0]: row for row in rows.pages}
        published = {row[0]: row[5] for row in rows.articles}
        seen: dict[str, list[tuple]] = {}
        for target, digest, doc, part, _ago, _published, fetched_at in rows.sightings:
            if target in rows.article_ids:
                page = pages[digest]
                seen.setdefault(target, []).append((page[10], doc, part, page[3], fetched_at))
        for aid in {row[1] for row in rows.events} - rows.article_ids:
            found = self._con.execute(
                "SELECT published FROM articles WHERE article_id = ?", [aid]
            ).fetchone()
            published[aid] = found[0] if found else None
            seen[aid] = self._con.execute(
                "SELECT p.ingested_at, s.doc, s.part, p.url, s.fetched_at FROM sightings s "
                "JOIN pages p USING (content_hash) WHERE s.article_id = ?",
                [aid],
            ).fetchall()
        return published, seen

    def _add_page(
        self, result: PageResult, plan: PagePlan, rules_sha256: str, rows: _Rows
    ) -> AddOutcome:
        """Collect in ``rows`` what one new page adds, article by article as ``plan`` says;
        ``rows`` may hold earlier pages of a batch."""
        page = result.page
        now = _utc(datetime.now(UTC))
        rows.pages.append(
            (
                plan.content_hash,
                page.doc,
                page.source,
                page.url,
                _utc(page.fetched_at),
                page.fetched_at_from,
                result.language,
                len(result.articles),
                list(result.warnings),
                rules_sha256,
                now,
            )
        )
        before = len(rows.articles), len(rows.events)
        parts: set[str] = set()
        duplicates = near = 0
        for item, analysed in zip(plan.articles, result.articles, strict=True):
            art = analysed.article
            if item.kind == "new":
                rows.add_article(item, analysed, now)
            else:
                duplicates += 1
            if item.kind == "version":
                near += 1
                rows.versions.append(
                    (
                        item.article_id,
                        item.target,
                        item.similarity,
                        art.headline,
                        art.dateline,
                        art.text,
                        _utc(art.published),
                        plan.content_hash,
                        art.part,
                        now,
                    )
                )
                rows.add_analysis(item, analysed)
            if item.signature:
                rows.signatures.append((item.article_id, list(item.signature)))
            if art.part not in parts:
                parts.add(art.part)
                rows.sightings.append(
                    (
                        item.target,
                        plan.content_hash,
                        art.doc,
                        art.part,
                        art.ago,
                        _utc(art.published),
                        _utc(page.fetched_at),
                    )
                )
        return AddOutcome(
            True, len(rows.articles) - before[0], duplicates, len(rows.events) - before[1], near
        )

    # -- what the dedup step reads (kroniek.dedup.Stored) ------------------------------------

    def stored_pages(self, digests: list[str]) -> set[str]:
        """Which of these page content hashes are stored."""
        sql = "SELECT content_hash FROM pages WHERE list_contains(?, content_hash)"
        return {row[0] for row in self._fetch(sql, [digests])}

    def stored_articles(self, ids: list[str]) -> set[str]:
        """Which of these article ids are stored as articles."""
        sql = "SELECT article_id FROM articles WHERE list_contains(?, article_id)"
        return {row[0] for row in self._fetch(sql, [ids])}

    def stored_versions(self, ids: list[str]) -> dict[str, str]:
        """Version id -> stored article id, for those of these ids stored as versions."""
        sql = "SELECT version_id, article_id FROM versions WHERE list_contains(?, version_id)"
        return dict(self._fetch(sql, [ids]))

    def signatures(self) -> list[tuple[str, list[int]]]:
        """(article or version id, MinHash values) of every stored signature."""
        return self._fetch("SELECT article_id, hashvalues FROM signatures")

    def unsigned_articles(self) -> list[tuple[str, str | None, str]]:
        """(article id, headline, text) of stored articles without a signature (a store
        written before signatures were kept)."""
        return self._fetch(
            "SELECT article_id, headline, text FROM articles "
            "WHERE article_id NOT IN (SELECT article_id FROM signatures)"
        )

    def item_texts(self, ids: list[str]) -> list[tuple[str, str, str | None, str]]:
        """(id, article id it is filed under, headline, text) of these stored articles and
        versions."""
        return self._fetch(
            "SELECT article_id, article_id, headline, text FROM articles "
            "WHERE list_contains(?, article_id) UNION ALL "
            "SELECT version_id, article_id, headline, text FROM versions "
            "WHERE list_contains(?, version_id)",
            [ids, ids],
        )

    def item_events(self, article_id: str) -> list[tuple[str, str, str, str, str, str, str, int]]:
        """(src, tgt, type, cameo, fact, trigger, event id, idx) of the events stored under
        this article (its own and its versions'), in idx order."""
        return self._fetch(
            "SELECT src, tgt, type, cameo, fact, trigger, event_id, idx FROM events "
            "WHERE article_id = ? ORDER BY idx",
            [article_id],
        )

    def item_figures(self, article_id: str) -> list[tuple[float, str, str | None]]:
        """(value, unit, approx) of the figures stored under this article (its own and its
        versions')."""
        return self._fetch(
            "SELECT value, unit, approx FROM quantities WHERE article_id = ?", [article_id]
        )

    def _bulk(self, table: str, rows: list[tuple]) -> None:
        """Insert many rows at once through an Arrow table (far faster than executemany)."""
        if not rows:
            return
        names = [f"c{i}" for i in range(len(rows[0]))]
        batch = pa.table(
            dict(zip(names, (list(col) for col in zip(*rows, strict=True)), strict=True))
        )
        self._con.register("kroniek_batch", batch)
        try:
            self._con.execute(f"INSERT INTO {table} SELECT * FROM kroniek_batch")
        finally:
            self._con.unregister("kroniek_batch")

    # -- reading ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Number of rows in each table (meta excluded)."""
        return {t: self._fetch(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES if t != "meta"}

    def events(
        self,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        type: str | None = None,  # the contract's field name
        fact: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict]:
        """Stored events, oldest first, each with its first sighting's doc, part and source.

        ``actor`` matches src or tgt; ``dyad`` is (src, tgt). Dates compare the period the
        event_date covers, or else the article's published day, with [since, until].
        """
        where, params = _filters(actor, dyad, type, fact, since, until)
        sql = (
            f"SELECT * FROM ({EVENTS_SQL}) {where} ORDER BY day NULLS LAST, "
            "published NULLS LAST, article_id, field, span_start, idx"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        elif offset:
            sql += " OFFSET ?"
            params.append(int(offset))
        return [_event_dict(row) for row in self.query(sql, params)]

    def dyads(
        self,
        actor: str | None = None,
        type: str | None = None,  # the contract's field name
        fact: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[dict]:
        """Event counts per (src, tgt), most events first: the edges of an actor graph.

        Each dict: src, tgt, events, cooperation (QuadClass 1-2), conflict (3-4), goldstein
        (mean), types (type -> count). Filters as in ``events``.
        """
        where, params = _filters(actor, None, type, fact, since, until)
        rows = self.query(
            f"SELECT src, tgt, count(*) AS events, "
            f"count(*) FILTER (WHERE quad_class <= 2) AS cooperation, "
            f"count(*) FILTER (WHERE quad_class >= 3) AS conflict, "
            f"round(avg(goldstein), 2) AS goldstein, histogram(type) AS types "
            f"FROM ({EVENTS_SQL}) {where} GROUP BY src, tgt ORDER BY events DESC, src, tgt",
            params,
        )
        for row in rows:
            row["types"] = dict(sorted(row["types"].items()))
        return rows

    def daily(
        self,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        type: str | None = None,  # the contract's field name
        fact: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[dict]:
        """Event counts per day, oldest first, for a timeline.

        An event is filed under its own date; a month or year date under the published day
        when that falls inside it, else under the period's first day; no date: published day.

        Each dict: day (date), events, cooperation, conflict, goldstein (mean).
        """
        where, params = _filters(actor, dyad, type, fact, since, until)
        where = f"{where} AND day IS NOT NULL" if where else "WHERE day IS NOT NULL"
        return self.query(
            f"SELECT day, count(*) AS events, "
            f"count(*) FILTER (WHERE quad_class <= 2) AS cooperation, "
            f"count(*) FILTER (WHERE quad_class >= 3) AS conflict, "
            f"round(avg(goldstein), 2) AS goldstein "
            f"FROM ({EVENTS_SQL}) {where} GROUP BY day ORDER BY day",
            params,
        )

    def article(self, article_id: str) -> dict | None:
        """One stored article with its sightings, mentions and events, or None; each event
        with ``sentence_row``, the field and span of the stored sentence it was coded from
        (None: a version of the article told it, or it was stored by schema 3 or older)."""
        found = self.query("SELECT * FROM articles WHERE article_id = ?", [article_id])
        if not found:
            return None
        art = found[0]
        art["published"] = iso_utc(_aware(art["published"]))
        art["first_seen"] = iso_utc(_aware(art["first_seen"]))
        art["sightings"] = [
            {
                **s,
                "published": iso_utc(_aware(s["published"])),
                "fetched_at": iso_utc(_aware(s["fetched_at"])),
            }
            for s in self.query(
                "SELECT s.doc, s.part, s.ago, s.published, s.fetched_at, s.content_hash, "
                "p.source, p.url FROM sightings s JOIN pages p USING (content_hash) "
                "WHERE article_id = ? ORDER BY p.ingested_at, s.doc, s.part",
                [article_id],
            )
        ]
        mentions = self.query(
            "SELECT code, sector, text, field, span_start, span_end, person, rule, role, sentence "
            "FROM mentions WHERE article_id = ? ORDER BY idx",
            [article_id],
        )
        for m in mentions:
            m["span"] = [m.pop("span_start"), m.pop("span_end")]
        art["mentions"] = mentions
        art["events"] = [
            {
                **_event_dict(r),
                "sentence_row": (  # its stored sentence, joined by index (see ARTICLE_EVENTS_SQL)
                    {"field": r["row_field"], "span": [r["row_start"], r["row_end"]]}
                    if r["row_field"] is not None
                    else None
                ),
            }
            for r in self.query(ARTICLE_EVENTS_SQL, [article_id])
        ]
        return art

    def claims(
        self,
        actors: tuple[str, ...] | list[str] = (),
        units: tuple[str, ...] | list[str] = (),
        words: tuple[str, ...] | list[str] = (),
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        skip_units: tuple[str, ...] | list[str] = (),
    ) -> list[dict]:
        """Reported figures, oldest first: value, approx, unit, reported_by, doc, part, sentence.

        ``actors``: codes that must all be among the figure's sentence or event actors;
        ``units``: unit words, any of which the unit must contain (see
        ``kroniek.stories.query.parse_claim_query`` to read a free-text query);
        ``words``: words the sentence must contain; ``skip_units``: unit words to leave out.
        """
        return claim_rows(self, actors, units, words, since, until, limit, skip_units=skip_units)

    def unlinked_events(self) -> list[tuple]:
        """(event id, src, src sector, tgt, tgt sector, type, day) of every event not yet in
        a story, with the day it is filed under, else the day its page was captured."""
        with self._lock:
            return unlinked_events(self, EVENTS_SQL)

    def stories_with_keys(self, keys: list[tuple[str, str, str]]) -> list[tuple]:
        """(story id, side a, side b, family, first day, last day) of the stories keyed by
        (side a, side b, family) in ``keys``."""
        with self._lock:
            return stories_with_keys(self, keys)

    def next_story_id(self) -> int:
        """The id a new story gets."""
        return self._fetch("SELECT coalesce(max(story_id), 0) + 1 FROM stories")[0][0]

    def save_story_links(
        self, assigned: dict[str, int], merged: dict[int, int], stories: list, days: dict
    ) -> None:
        """Keep what story linking decided (see store.stories.save_links)."""
        with self._lock:
            save_links(self, assigned, merged, stories, days)

    def stories(
        self, actor: str | None = None, limit: int | None = None, min_events: int = 1
    ) -> list[dict]:
        """Stories, most recent first, each with side_a, side_b, family, days and timeline."""
        return story_rows(self, EVENTS_SQL, actor, limit, min_events)

    def story(self, story_id: int) -> dict | None:
        """One story with its timeline and the figures reported in its events, or None."""
        found = story_rows(self, EVENTS_SQL, story_id=int(story_id))
        if not found:
            return None
        found[0]["claims"] = claim_rows(self, story_id=int(story_id))
        return found[0]

    def failures(self) -> list[dict]:
        """Recorded failures, most recent first."""
        rows = self.query("SELECT * FROM failures ORDER BY last_seen_at DESC, source")
        for r in rows:
            r["seen_at"] = iso_utc(_aware(r["seen_at"]))
            r["last_seen_at"] = iso_utc(_aware(r["last_seen_at"]))
        return rows


class _Rows:
    """The rows one or more pages add, per table, collected before one bulk insert per table."""

    def __init__(self) -> None:
        self.pages: list[tuple] = []
        self.article_ids: set[str] = set()  # of self.articles
        self.articles: list[tuple] = []
        self.sightings: list[tuple] = []
        self.sentences: list[tuple] = []
        self.mentions: list[tuple] = []
        self.events: list[tuple] = []
        self.versions: list[tuple] = []
        self.signatures: list[tuple] = []
        self.quantities: list[tuple] = []

    def add_article(self, item: ArticlePlan, analysed: AnalysedArticle, now: datetime) -> None:
        """Rows for a new article with its sentences, mentions, and the events and figures
        ``item`` lists."""
        aid, art = item.article_id, analysed.article
        self.article_ids.add(aid)
        self.articles.append(
            (
                aid,
                art.headline,
                art.dateline,
                list(art.agencies),
                art.text,
                _utc(art.published),
                art.published_precision,
                now,
            )
        )
        self.sentences += [
            (aid, s.index, s.field, s.start, s.end, s.text, s.parsed) for s in analysed.sentences
        ]
        self.mentions += [
            (
                aid,
                i,
                m.code,
                m.sector,
                m.text,
                m.field,
                m.span[0],
                m.span[1],
                m.sentence,
                m.tokens[0],
                m.tokens[1],
                m.rule,
                m.person,
                m.role,
            )
            for i, m in enumerate(analysed.mentions)
        ]
        self.add_analysis(item, analysed)

    def add_analysis(self, item: ArticlePlan, analysed: AnalysedArticle) -> None:
        """Rows for the events and figures ``item`` lists of an article's or a version's
        analysis, filed under ``item.target``."""
        target, text_id, events = item.target, item.article_id, analysed.events
        self.events += [
            _event_row(item.event_ids[i], target, idx, events[i], text_id)
            for i, idx in item.new_events
        ]
        by_key = {e.key: eid for e, eid in zip(events, item.event_ids, strict=True)}
        published = _utc(analysed.article.published)
        self.quantities += quantity_rows(
            target, text_id, analysed, by_key, published, item.new_figures
        )


def _event_row(eid: str, aid: str, idx: int, e: Event, text_id: str) -> tuple:
    """One ``events`` row (columns in table order) of an event coded from the text
    ``text_id`` (the article's own, or a version's); an empty trigger span and a sentence
    index or trigger token below 0 or 1 (an Event made without them) are stored as not known."""
    date_from, date_to = date_bounds(e.event_date)
    return (
        eid,
        aid,
        idx,
        e.src,
        e.src_sector,
        e.src_text,
        e.tgt,
        e.tgt_sector,
        e.tgt_text,
        e.type,
        e.mode,
        e.cameo,
        e.goldstein,
        e.quad_class,
        e.fact,
        e.sentence,
        e.field,
        e.span[0],
        e.span[1],
        e.trigger,
        e.rule,
        e.attributed_to,
        e.event_date,
        e.event_date_precision,
        date_from,
        date_to,
        *(e.trigger_span if e.trigger_span[0] < e.trigger_span[1] else (None, None)),
        e.sentence_index if e.sentence_index >= 0 else None,
        e.trigger_token if e.trigger_token >= 1 else None,
        text_id,
    )


EVENTS_SQL = """
WITH seen AS (
    SELECT s.article_id, s.doc, s.part, p.source, p.url,
           count(*) OVER (PARTITION BY s.article_id) AS sightings,
           row_number() OVER (PARTITION BY s.article_id
                              ORDER BY p.ingested_at, s.doc, s.part) AS seen_rank
    FROM sightings s JOIN pages p USING (content_hash)
)
SELECT e.*, seen.doc, seen.part, seen.source, seen.url, seen.sightings,
       a.headline, a.published, se.story_id,
       coalesce(e.date_from, CAST(a.published AS DATE)) AS day_from,
       coalesce(e.date_to, CAST(a.published AS DATE)) AS day_to,
       CASE WHEN e.date_from IS NULL OR e.date_from = e.date_to
            THEN coalesce(e.date_from, CAST(a.published AS DATE))
            WHEN CAST(a.published AS DATE) BETWEEN e.date_from AND e.date_to
            THEN CAST(a.published AS DATE)
            ELSE e.date_from END AS day              -- the one day a timeline files it under
FROM events e
JOIN articles a USING (article_id)
JOIN seen ON seen.article_id = e.article_id AND seen.seen_rank = 1
LEFT JOIN story_events se ON se.event_id = e.event_id
"""

# one article's events with the stored sentence each was coded from, joined by its index; an
# event a version of the article added (its sentence is in the version's text, which has no
# sentence rows) or one stored by schema 3 or older (no index) joins none
ARTICLE_EVENTS_SQL = f"""
SELECT ev.*, s.field AS row_field, s.span_start AS row_start, s.span_end AS row_end
FROM ({EVENTS_SQL}) ev
LEFT JOIN sentences s ON s.article_id = ev.article_id AND s.idx = ev.sentence_idx
                     AND ev.version_id = ev.article_id
WHERE ev.article_id = ?
ORDER BY ev.idx
"""


def _filters(actor, dyad, type_, fact, since, until) -> tuple[str, list]:
    """A WHERE clause (or "") and its parameters over EVENTS_SQL's columns."""
    where, params = [], []
    if actor:
        where.append("(src = ? OR tgt = ?)")
        params += [actor, actor]
    if dyad:
        where.append("src = ? AND tgt = ?")
        params += list(dyad)
    if type_:
        where.append("type = ?")
        params.append(type_.upper())
    if fact:
        where.append("fact = ?")
        params.append(fact.lower())
    if since:
        where.append("day_to >= ?")
        params.append(since)
    if until:
        where.append("day_from <= ?")
        params.append(until)
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


def _event_dict(row: dict) -> dict:
    """A joined events row as the contract's event fields plus where it was seen and where its
    trigger stands."""
    out = {name: row[name] for name in EVENT_FIELDS if name != "span"}
    out["span"] = [row["span_start"], row["span_end"]]
    out = {name: out[name] for name in EVENT_FIELDS}
    out.update(
        event_id=row["event_id"],
        article_id=row["article_id"],
        doc=row["doc"],
        part=row["part"],
        headline=row["headline"],
        published=iso_utc(_aware(row["published"])),
        day=row["day"].isoformat() if row["day"] else None,
        source=row["source"],
        url=row["url"],
        sightings=row["sightings"],
        story_id=row["story_id"],
        trigger_start=row["trigger_start"],  # offsets of the trigger token in the field, or None
        trigger_end=row["trigger_end"],
        sentence_idx=row["sentence_idx"],  # Sentence.index in the text it was coded from, or None
        trigger_token=row["trigger_token"],  # 1-based trigger token in that sentence, or None
    )
    return out
