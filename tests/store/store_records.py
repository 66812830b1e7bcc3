"""Hand-built records for the store tests (own wording, no seed text)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from kroniek.records import AnalysedArticle, Article, Event, Mention, Page, PageResult, Sentence

FETCHED = datetime(2026, 1, 29, 10, 0, tzinfo=UTC)


def event(
    src: str,
    tgt: str,
    type_: str = "CONSULT",
    *,
    cameo: str = "040",
    span=(0, 40),
    fact: str = "asserted",
    field: str = "text",
    event_date: str | None = None,
    src_sector: str | None = "GOV",
    tgt_sector: str | None = "GOV",
    rule: str = "consult.meet",
) -> Event:
    """A coded event with sensible defaults."""
    return Event(
        src=src,
        src_sector=src_sector,
        src_text=f"de regering van {src}",
        tgt=tgt,
        tgt_sector=tgt_sector,
        tgt_text=f"de\tregering van {tgt}",
        type=type_,
        mode=None,
        cameo=cameo,
        goldstein=1.0,
        quad_class=1,
        fact=fact,
        sentence="Een zin over een ontmoeting.",
        field=field,
        span=span,
        trigger="ontmoette",
        rule=rule,
        event_date=event_date,
        event_date_precision={10: "day", 7: "month", 4: "year"}.get(len(event_date or "")),
    )


def analysed(
    doc: str,
    part: str,
    text: str,
    events: tuple[Event, ...] = (),
    *,
    headline: str | None = "Kop",
    dateline: str | None = "DEN HAAG",
    agencies: tuple[str, ...] = ("ANP",),
    ago: str | None = None,
    published: datetime | None = FETCHED,
) -> AnalysedArticle:
    """An analysed article with one sentence per field and one mention per event actor."""
    art = Article(
        doc=doc,
        part=part,
        headline=headline,
        dateline=dateline,
        agencies=agencies,
        ago=ago,
        text=text,
        published=published,
        published_precision="hour" if published else None,
    )
    sentences = (Sentence("text", 0, 0, len(text), text, (), False),)
    mentions = tuple(
        Mention(
            code=e.src,
            sector=e.src_sector,
            text=e.src_text,
            field="text",
            span=(0, 5),
            sentence=0,
            tokens=(1, 2),
            rule=f"actor.state.{e.src}",
        )
        for e in events
    )
    return AnalysedArticle(art, sentences, mentions, events)


def page_result(
    doc: str,
    articles: tuple[AnalysedArticle, ...],
    *,
    body: str | None = None,
    url: str | None = None,
) -> PageResult:
    """A PageResult whose content hash is that of ``body`` (default: derived from doc)."""
    body = body if body is not None else f"pagina {doc}"
    page = Page(
        doc=doc,
        source=f"pages/{doc}.txt",
        text=body,
        html=None,
        fetched_at=FETCHED,
        fetched_at_from="option",
        url=url,
    )
    digest = hashlib.sha256(body.encode()).hexdigest()
    return PageResult(page=page, language="nl", articles=articles, content_hash=digest)
