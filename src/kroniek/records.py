"""The records that flow between kroniek's stages.

Every stage is a plain function from some of these records to others; none of them
knows about storage, processes or the CLI. All records are frozen dataclasses, so they
can be hashed, pickled to Dask workers and compared in tests.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal


@dataclass(frozen=True)
class Page:
    """One input page as read from disk: a text file, an HTML file or a JSONL record."""

    doc: str  # file stem, or the record's own id
    source: str  # path as given (plus "#<line>" for a JSONL record)
    text: str | None  # plain text (for .txt pages and records with "text")
    html: str | None  # raw HTML (for .html pages and records with "html")
    fetched_at: datetime | None  # capture time (aware, UTC)
    fetched_at_from: (
        str  # "option", "record", "captures", "mtime" or "none": where fetched_at came from
    )
    url: str | None = None


@dataclass(frozen=True)
class HtmlParts:
    """What an HTML page's structure gives, before any layout is read into it."""

    headline: str | None  # the first <h1>, else the page's title
    main: tuple[str, ...]  # the main article's paragraphs as trafilatura finds them
    blocks: tuple[str, ...]  # every block of visible text, in document order


#: a period of dates (None = open end)
Interval = tuple[date | None, date | None]


@dataclass(frozen=True)
class Evidence:
    """One clue about when a text was written: the periods it allows."""

    kind: str  # tenure, tenure_article, elected, former, dated_event, years_ago, date_named, year_named
    rule: str  # id of the fact or cue entry
    text: str  # the words in the article that gave it
    intervals: tuple[Interval, ...]  # allowed periods


@dataclass(frozen=True)
class Bounds:
    """When an article was published at the earliest and the latest, and how sure that is."""

    earliest: datetime | None
    latest: datetime | None
    how_sure: (
        str  # "high" (narrow, firm evidence), "medium" (wide or approximate), "low" (capture only)
    )
    reason: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def estimate(self) -> datetime | None:
        """The middle of the bounds when both are known (a stand-in date for dictionaries)."""
        if self.earliest is None or self.latest is None:
            return None
        return self.earliest + (self.latest - self.earliest) / 2


@dataclass(frozen=True)
class Article:
    """One news item on a page: the main article or one brief of the 'Meer uit' list."""

    doc: str
    part: str  # "main", "brief:0", "brief:1", ...
    headline: str | None
    dateline: str | None  # as printed, e.g. "MOSKOU"; None when absent
    agencies: tuple[str, ...]  # e.g. ("ANP", "AFP")
    ago: str | None  # relative time as printed, e.g. "3 uur geleden"
    text: str  # body text without dateline prefix
    published: datetime | None = None  # absolute publication time (UTC), filled by the time stage
    published_precision: str | None = None  # "minute", "hour", "day", "bounds" or None
    # filled by the time stage too: when published_precision is "bounds", the bounds the text
    # gives; and the moment the article speaks from, which dates its events and dictionaries
    bounds: Bounds | None = None
    speaks_from: datetime | None = None


@dataclass(frozen=True)
class Token:
    """One Frog token with its analysis; start/end are offsets in the sentence's field."""

    index: int  # 1-based position in the sentence, as Frog numbers it
    text: str
    lemma: str
    pos: str  # full Frog/CGN tag, e.g. "WW(pv,verl,mv)"
    start: int
    end: int
    head: int | None = None  # 1-based head index, 0 for root; None when not parsed
    rel: str | None = None  # dependency relation (su, obj1, obj2, vc, mod, ...)

    @property
    def tag(self) -> str:
        """The coarse part of speech: "WW", "N", "ADJ", "SPEC", ..."""
        return self.pos.split("(", 1)[0]


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article's headline or text, with Frog's tokens."""

    field: str  # "headline" or "text"
    index: int  # 0-based position within the article (headline sentence first)
    start: int  # offsets of the sentence in its field
    end: int
    text: str
    tokens: tuple[Token, ...]
    parsed: bool = False  # True when the tokens carry dependency relations
    # what later stages derive from this sentence alone (clause windows, grammatical roles),
    # computed once and kept here; a parsed copy starts empty, and pickles leave it behind
    _derived: dict = dataclasses.field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The value kept under ``key``, computed by ``compute()`` the first time it is asked."""
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_derived": {}}


#: how a mention was found when its code was guessed from the context (earlier text, dateline, main state)
GUESSED = frozenset({"context", "dateline", "main"})


@dataclass(frozen=True)
class Mention:
    """An actor reference resolved to a code, found in one sentence."""

    code: str  # ISO alpha-3, IGO code, "WST" or "---"
    sector: str | None  # GOV MIL SPY COP JUD LEG OPP REB CVL BUS MED HRI IGO
    text: str  # surface text as printed
    field: str  # "headline" or "text"
    span: tuple[int, int]  # offsets in the field
    sentence: int  # Sentence.index
    tokens: tuple[int, int]  # first and last token index (1-based, inclusive)
    rule: str  # id of the dictionary entry that matched, e.g. "actor.state.RUS.adj"
    person: str | None = None  # full name when the mention is a person
    role: str | None = None  # role entry id when a role word was part of it
    # what the entry ``rule`` names is: an entry kind of data/actors ("name", "adj", "people",
    # "capital", "city", "body", "ref", "bloc", ...), "person", or a role kind ("role", "pair", ...)
    kind: str = ""
    book: str = ""  # the dictionary that entry is in: "states", "bodies", ..., "roles", "people"
    # how it was found: "dictionary" (its words), guessed from the text ("court", or one of
    # GUESSED), "ahead" (a pair the next sentences name), "coref" (a word pointing back),
    # "implied" (a side the pattern implies), "claim" (the doer of a claimed act), "against"
    # (an "anti-X" word: only the target of a protest)
    found: str = "dictionary"


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, how sure, and where the text says so."""

    src: str
    src_sector: str | None
    src_text: str
    tgt: str
    tgt_sector: str | None
    tgt_text: str
    type: str  # one of the 16 PLOVER types
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    fact: str  # asserted | future | negated | alleged
    sentence: str
    field: str
    span: tuple[int, int]
    trigger: str
    rule: str
    attributed_to: str | None = None
    event_date: str | None = None  # ISO date (or YYYY-MM / YYYY) when the text says
    event_date_precision: str | None = None  # "day", "month", "year" or None
    sentence_index: int = -1  # Sentence.index of the sentence it was coded from
    trigger_token: int = 0  # 1-based index of the trigger token in that sentence
    trigger_span: tuple[int, int] = (0, 0)  # offsets of the trigger token in the field

    @property
    def key(self) -> str:
        """The event's identity within its article: where it stands, its type and its sides
        (an article codes each at most once; claims point at events by it)."""
        return (
            f"{self.field}:{self.span[0]}-{self.span[1]}:{self.type}:"
            f"{self.src}/{self.src_sector or ''}>{self.tgt}/{self.tgt_sector or ''}"
        )


@dataclass(frozen=True)
class Claim:
    """A reported figure (a number with what it counts) in one sentence, tied to its events."""

    value: float
    unit: str  # what is counted: "militairen", "kilo cocaïne", "euro"
    approx: str | None  # approximation cue as printed: "ongeveer", "meer dan", "bijna"
    low: float | None  # range ends when the text gives a range
    high: float | None
    text: str  # the quantity as printed
    field: str  # "headline" or "text"
    span: tuple[int, int]  # offsets of the quantity in the field
    sentence: int  # Sentence.index
    tokens: tuple[int, int] = (0, 0)  # first and last token of the quantity there (1-based)
    reported_by: str | None = (
        None  # who gives the figure ("het Pentagon"), else the event's attribution
    )
    events: tuple[str, ...] = ()  # Event.key of each event coded from the sentence
    actors: tuple[str, ...] = ()  # actor codes of the sentence, nearest mention first
    rule: str | None = None  # id of the cue/unit entry that matched


@dataclass(frozen=True)
class AnalysedArticle:
    """An article with everything the pipeline found in it."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class PageResult:
    """The pipeline's outcome for one page: its articles, or the reason it failed."""

    page: Page
    language: str | None
    articles: tuple[AnalysedArticle, ...] = ()
    error: str | None = None
    content_hash: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ArticlePlan:
    """What storing does with one article of a page, as the dedup step decided it.

    ``kind`` is "new" (store it with its analysis), "stored" (its text is stored already:
    only a sighting of ``target``) or "version" (a lightly edited version of stored article
    ``target``: a sighting, a version row with ``similarity`` and what the edit adds).
    What a new article or a version adds to ``target`` is listed by position in its
    AnalysedArticle: the events to store (each with the idx it is stored under) and the
    figures to store; ``event_ids`` links its figures to the stored events.
    """

    article_id: str  # the id of this article's own text
    kind: Literal["new", "stored", "version"]
    target: str  # the stored article it is filed under (a new one: itself)
    similarity: float | None = None  # a version's word 3-gram Jaccard with the target
    signature: tuple[int, ...] = ()  # MinHash values to keep (new articles and versions)
    # one per event of the analysis: the id of the stored event it is (the target holds it
    # already) or of the event stored for it
    event_ids: tuple[str, ...] = ()
    new_events: tuple[tuple[int, int], ...] = ()  # (event position, idx) of the events to store
    new_figures: tuple[int, ...] = ()  # positions of the Claims to store


@dataclass(frozen=True)
class PagePlan:
    """What storing does with one page: nothing when it is stored already, else its articles."""

    content_hash: str
    new: bool  # False: stored before, or earlier in the same batch
    articles: tuple[ArticlePlan, ...] = ()  # one per PageResult.articles, in order


@dataclass(frozen=True)
class StorePlan:
    """The dedup step's plan for a batch of PageResults: what the store writes, row by row."""

    pages: tuple[PagePlan | None, ...]  # one per result; None for a failed one
    signatures: tuple[tuple[str, tuple[int, ...]], ...] = ()  # stored articles that had none
