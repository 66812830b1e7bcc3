"""The one place that chains kroniek's stages, top to bottom.

Per page (`process_page`): read (capture time) -> segment -> time (publication times,
bounds and the moment each article speaks from) -> the sentence chain `analyse_text`: nlp
(tag) -> actors -> nlp (parse where needed) -> events; then stories (claims) -> time (event
dates, from the moment kept on each article). `explain`, the ``actors`` command and the case
tests run the same `analyse_text`. ``kroniek extract`` calls `run` in this process;
``kroniek ingest`` calls `ingest_pages`, which plans what each batch of results adds
(dedup: new, repeated or a version of a stored article), stores that plan and then links the
new events into stories (the HTTP API stores pages by running ``kroniek ingest`` in a child
process, see kroniek.api.watch); with ``--dask`` the workers of a Dask cluster call
`process_page` (see kroniek.cluster). No stage imports the store; which package may import
which is pinned by tests/test_import_contract.py.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from kroniek.actors import ActorBooks, find_mentions, load_books
from kroniek.dedup import VersionPlanner, content_hash
from kroniek.errors import KroniekError, ReadError, printable
from kroniek.events import (
    Patterns,
    SentenceTrace,
    code_events,
    explain_lines,
    load_patterns,
    needs_parse,
)
from kroniek.nlp import FrogPool, analyse, parse
from kroniek.read import Limits, read_paths
from kroniek.records import AnalysedArticle, Article, Event, Mention, Page, PageResult, Sentence
from kroniek.segment import segment
from kroniek.store import AddOutcome, BatchWriter, Store, open_store, write_intent
from kroniek.stories import find_claims, link_new_events
from kroniek.time import TimeRules, date_articles, date_found_events, load_time_rules

DATA_DIR = Path(__file__).parent / "data"


def rules_fingerprint(data_dir: Path = DATA_DIR) -> str:
    """SHA-256 over every dictionary file, recorded with each run so output can be traced."""
    digest = hashlib.sha256()
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path.suffix in {".yaml", ".yml", ".tsv"}:
            digest.update(str(path.relative_to(data_dir)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class Resources:
    """Dictionaries and Frog pools, loaded once and handed to every stage."""

    books: ActorBooks
    patterns: Patterns
    time_rules: TimeRules
    tagger: FrogPool
    parser: FrogPool
    rules_sha256: str
    workers: int = 1
    _analysed: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(
        cls, data_dir: Path = DATA_DIR, workers: int | None = None, frog_timeout: float = 120.0
    ) -> Resources:
        """Load the dictionaries under ``data_dir`` (actors/, events/, time/); Frog pools start
        lazily on first use."""
        workers = workers or min(2, os.cpu_count() or 1)
        return cls.with_pools(
            FrogPool(mode="tag", size=workers, timeout=frog_timeout),
            FrogPool(mode="parse", size=workers, timeout=frog_timeout),
            data_dir=data_dir,
            workers=workers,
        )

    @classmethod
    def with_pools(
        cls, tagger: FrogPool, parser: FrogPool, data_dir: Path = DATA_DIR, workers: int = 1
    ) -> Resources:
        """The dictionaries under ``data_dir`` with Frog pools the caller owns (tests share theirs)."""
        data_dir = Path(data_dir)
        return cls(
            books=load_books(data_dir / "actors"),
            patterns=load_patterns(data_dir / "events"),
            time_rules=load_time_rules(data_dir / "time"),
            tagger=tagger,
            parser=parser,
            rules_sha256=rules_fingerprint(data_dir),
            workers=workers,
        )

    def close(self) -> None:
        """Stop the Frog processes."""
        self.tagger.close()
        self.parser.close()

    def __enter__(self) -> Resources:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def cached(self, key: str) -> AnalysedArticle | None:
        """An article analysed before under the same content key (the same wire brief)."""
        with self._lock:
            hit = self._analysed.get(key)
            if hit is not None:
                self._analysed.move_to_end(key)
            return hit

    def remember(self, key: str, analysed: AnalysedArticle, limit: int = 20_000) -> None:
        """Keep an analysed article for reuse by later pages carrying the same text."""
        with self._lock:
            self._analysed[key] = analysed
            while len(self._analysed) > limit:
                self._analysed.popitem(last=False)


def _article_key(article: Article, on_date: date | None) -> str:
    parts = [
        article.headline or "",
        article.dateline or "",
        article.text,
        on_date.isoformat() if on_date else "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AnalysedText:
    """What the sentence chain found in one text: Frog's sentences, actor mentions, events."""

    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...] = ()


def analyse_text(
    text: str,
    res: Resources,
    *,
    headline: str | None = None,
    dateline: str | None = None,
    on_date: date | None = None,
    period: tuple[date | None, date | None] | None = None,
    code: bool = True,
    trace: list[SentenceTrace] | None = None,
) -> AnalysedText:
    """The sentence chain: tag the headline and text with Frog, find the actors, parse the
    sentences that need it and code their events.

    ``on_date`` is the day the text speaks from; ``dateline`` places unplaced authorities.
    ``period`` is (earliest, latest) when that day is not sure (the page prints no date).
    ``code=False`` stops after the actors (no parse, no events). ``trace``, when given,
    receives how each sentence was coded (see `explain`).
    """
    sentences: tuple[Sentence, ...] = ()
    if headline:
        sentences = analyse(res.tagger, "headline", headline)
    sentences += analyse(res.tagger, "text", text, first_index=len(sentences))
    mentions = find_mentions(sentences, res.books, on_date, dateline=dateline, period=period)
    if not code:
        return AnalysedText(sentences, mentions)
    # parse() keeps the tagged tokens, so the mentions found on them stay valid. The text's
    # parses are one Frog document: what Frog learns from them never reaches another text.
    with res.parser.document():
        sentences = tuple(
            parse(res.parser, s) if needs_parse(s, mentions, res.patterns) else s for s in sentences
        )
    events = code_events(sentences, mentions, res.patterns, on_date, trace=trace)
    return AnalysedText(sentences, mentions, events)


def explain(text: str, res: Resources, on_date: date | None = None) -> list[str]:
    """How the chain reads ``text``: Frog's analysis, the actors, every rule tried and why."""
    trace: list[SentenceTrace] = []
    analyse_text(text, res, on_date=on_date, trace=trace)
    return explain_lines(trace)


def _open_period(article: Article) -> tuple[date | None, date | None] | None:
    """(earliest, latest) day of an article printed without a date: its text's bounds, and at
    the latest its speaks-from day (the capture); None when the article prints its date."""
    if article.published is not None:
        return None
    bounds, latest = article.bounds, article.speaks_from
    first = bounds.earliest.date() if bounds and bounds.earliest else None
    last = bounds.latest if bounds and bounds.latest else latest
    return first, last.date() if last else None


def analyse_article(article: Article, res: Resources) -> AnalysedArticle:
    """Find the actors, events and claims of one article the time stage has dated (its
    events are dated after, from the moment the article speaks from)."""
    speaks_from = article.speaks_from
    on_date = speaks_from.date() if speaks_from else None
    period = _open_period(article)
    key = _article_key(article, on_date) + f"|{period}"
    known = res.cached(key)
    if known is None:
        found = analyse_text(
            article.text,
            res,
            headline=article.headline,
            dateline=article.dateline,
            on_date=on_date,
            period=period,
        )
        claims = find_claims(found.sentences, found.mentions, found.events, res.time_rules)
        known = AnalysedArticle(article, found.sentences, found.mentions, found.events, claims)
        res.remember(key, known)
    return replace(known, article=article)


def process_page(page: Page, res: Resources) -> PageResult:
    """Run every stage over one page; a stage failure becomes the page's error.

    The error names the page, also when a stage (Frog) reports it under its own name. An
    unexpected exception is a bug, but it too fails only this page, so a batch goes on.
    """
    digest = content_hash(page)
    try:
        articles = date_articles(segment(page), page.fetched_at, rules=res.time_rules)
        found = [analyse_article(article, res) for article in articles]
        analysed = date_found_events(found, res.time_rules)
    except KroniekError as err:
        if err.source != page.source:
            err = KroniekError(page.source, f"{err.source}: {err.problem}", err.fix)
        return PageResult(page, "nl", error=str(err), content_hash=digest)
    except Exception as err:  # a bug, but it must not end the batch
        problem = KroniekError(
            page.source,
            f"internal error ({type(err).__name__}: {err})",
            "please report it with this page",
        )
        return PageResult(page, "nl", error=str(problem), content_hash=digest)
    if not analysed:
        problem = KroniekError(page.source, "no article found on the page")
        return PageResult(page, "nl", error=str(problem), content_hash=digest)
    return PageResult(page, "nl", articles=analysed, content_hash=digest)


def run(
    paths: Iterable[str | Path],
    res: Resources,
    fetched_at: datetime | None = None,
    skip: Callable[[Page], bool] | None = None,
    captures: Mapping[str, datetime] | None = None,
    limits: Limits | None = None,
) -> Iterator[PageResult | ReadError]:
    """Process every page under ``paths`` in input order, ``res.workers`` pages at a time.

    Yields a PageResult per page and a ReadError per unreadable input. ``skip(page)``
    may say a page is already known (for idempotent ingest); such pages are not analysed.
    It is asked in input order, one page at a time, so a page that comes twice in one
    batch is known by the time its copy is read. ``captures`` maps file names to capture
    times for pages whose time would otherwise come from the file's mtime. ``limits``
    bound the inputs (see read.Limits).
    """

    def work(item: Page | ReadError) -> PageResult | ReadError:
        return item if isinstance(item, ReadError) else process_page(item, res)

    window: deque[Future] = deque()
    with ThreadPoolExecutor(max_workers=res.workers) as pool:
        for item in read_paths(paths, fetched_at=fetched_at, limits=limits, captures=captures):
            if isinstance(item, Page) and skip is not None and skip(item):
                continue
            window.append(pool.submit(work, item))
            if len(window) > 2 * res.workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


@dataclass
class IngestSummary:
    """What one ingest stored and skipped."""

    pages: int = 0  # new pages stored
    known: int = 0  # pages stored by an earlier ingest, not analysed again
    copies: int = 0  # pages read twice in this batch
    failed: int = 0  # inputs that could not be read or analysed (recorded as failures)
    articles: int = 0  # new articles
    duplicates: int = 0  # articles seen before (only a sighting stored)
    near: int = 0  # of those, edited versions of a stored article
    events: int = 0  # new events
    stories: int = 0  # stories the new events started


def ingest_pages(
    paths: Iterable[str | Path],
    db: str | Path,
    analyse_pages: Callable[..., Iterable[PageResult | ReadError]],
    rules_sha256: str,
    fetched_at: datetime | None = None,
    captures: Mapping[str, datetime] | None = None,
    limits: Limits | None = None,
    on_outcome: Callable[[PageResult | ReadError, str | None], None] | None = None,
) -> IngestSummary:
    """Analyse the pages under ``paths`` not stored yet, store them in short batches, then
    link the new events into stories (once, so the stories do not depend on when batches
    closed).

    ``analyse_pages(paths, fetched_at=, skip=, captures=, limits=)`` yields the outcomes in
    input order: `run` with the Resources bound, or the cluster's `run_on_cluster`.
    ``on_outcome(outcome, problem)`` is told of each outcome (``problem``: why it failed).
    """
    summary = IngestSummary()
    seen: set[str] = set()  # content hashes read in this batch
    with BatchWriter(db, VersionPlanner(), rules_sha256=rules_sha256) as writer:

        def known(page: Page) -> bool:
            digest = content_hash(page)
            if digest in seen:
                summary.copies += 1
                return True
            seen.add(digest)
            if digest in writer.stored:
                summary.known += 1
                return True
            return False

        for outcome in analyse_pages(
            paths, fetched_at=fetched_at, skip=known, captures=captures, limits=limits
        ):
            problem = str(outcome) if isinstance(outcome, ReadError) else outcome.error
            if on_outcome is not None:
                on_outcome(outcome, problem)
            if isinstance(outcome, PageResult) and problem is None:
                writer.add(outcome)
                continue
            source = outcome.source if isinstance(outcome, ReadError) else outcome.page.source
            summary.failed += 1
            writer.record_failure(printable(source), problem or "")
    for name, count in writer.totals.items():
        setattr(summary, name, count)
    with write_intent(Path(db)), open_store(Path(db), wait=writer.wait) as store:
        summary.stories = link_new_events(store)["stories"]
    return summary


def store_results(
    store: Store,
    results: list[PageResult],
    planner: VersionPlanner | None = None,
    rules_sha256: str = "",
) -> list[AddOutcome]:
    """Plan what ``results`` add to ``store`` (dedup) and store that plan in one transaction.

    ``planner`` keeps its index of the store between calls; without one a fresh one reads
    the store's signatures again. `ingest_pages` does the same in short write sessions.
    """
    planner = planner if planner is not None else VersionPlanner()
    plan = planner.plan(results, store)
    try:
        return store.add_many(results, plan, rules_sha256=rules_sha256)
    except BaseException:
        planner.forget()
        raise


def store_result(
    store: Store, result: PageResult, planner: VersionPlanner | None = None, rules_sha256: str = ""
) -> AddOutcome:
    """`store_results` of one page's result."""
    return store_results(store, [result], planner, rules_sha256)[0]
