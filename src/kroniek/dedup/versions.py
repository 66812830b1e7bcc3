"""The dedup step of ingest: which pages and articles of a batch are new, and which repeat.

A page whose content hash is stored (or came earlier in the batch) is left out. An article
whose text is stored (as an article or as a version) is a repeat: only a sighting. An
article whose word 3-grams are near enough to a stored one's (or to one earlier in the
batch) is a version of it. Everything else is new. What a new article or a version adds
to the item it is filed under, event by event and figure by figure, is planned too
(dedup/adds.py). The answer is a `StorePlan` that the store writes without deciding anything
itself; what a plan reads of the store is `Stored`.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from kroniek.dedup.adds import Adds, Held, new_article, version
from kroniek.dedup.near import (
    THRESHOLD,
    NearIndex,
    best_match,
    from_hashvalues,
    shingles,
    signature,
)
from kroniek.records import (
    AnalysedArticle,
    Article,
    ArticlePlan,
    Page,
    PagePlan,
    PageResult,
    StorePlan,
)


class Stored(Protocol):
    """What planning reads of a store (kroniek.store.Store offers it)."""

    def stored_pages(self, digests: list[str]) -> set[str]:
        """Which of these page content hashes are stored."""
        ...

    def stored_articles(self, ids: list[str]) -> set[str]:
        """Which of these article ids are stored as articles."""
        ...

    def stored_versions(self, ids: list[str]) -> dict[str, str]:
        """Version id -> stored article id, for those of these ids stored as versions."""
        ...

    def signatures(self) -> list[tuple[str, list[int]]]:
        """(article or version id, MinHash values) of every stored signature."""
        ...

    def unsigned_articles(self) -> list[tuple[str, str | None, str]]:
        """(article id, headline, text) of stored articles without a signature."""
        ...

    def item_texts(self, ids: list[str]) -> list[tuple[str, str, str | None, str]]:
        """(id, article id it is filed under, headline, text) of these stored articles and
        versions."""
        ...

    def item_events(self, article_id: str) -> list[tuple[str, str, str, str, str, str, str, int]]:
        """(src, tgt, type, cameo, fact, trigger, event id, idx) of the events stored under
        this article (its own and its versions'), in idx order."""
        ...

    def item_figures(self, article_id: str) -> list[tuple[float, str, str | None]]:
        """(value, unit, approx) of the figures stored under this article (its own and its
        versions')."""
        ...


def _normalise(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def article_id(article: Article) -> str:
    """SHA-256 of the normalised headline, dateline and text: one id per news item, any page."""
    parts = (_normalise(article.headline), _normalise(article.dateline), _normalise(article.text))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def content_hash(page: Page) -> str:
    """SHA-256 of a page's text (or HTML), the key that makes ingest idempotent."""
    body = page.text if page.text is not None else (page.html or "")
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class VersionPlanner:
    """Plans batches for one store, one after another; keeps the LSH index of the store's
    signatures between batches (call `forget` when a plan was not stored)."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold  # word 3-gram Jaccard at which an article is a version
        self._index: NearIndex | None = None

    def forget(self) -> None:
        """Drop the index (it may hold signatures of a plan that was not stored)."""
        self._index = None

    def plan(self, results: Sequence[PageResult], stored: Stored) -> StorePlan:
        """The plan for storing ``results`` in order, one after another, into ``stored``."""
        live = [i for i, result in enumerate(results) if result.error is None]
        digests = {i: results[i].content_hash or content_hash(results[i].page) for i in live}
        ids = {i: [article_id(a.article) for a in results[i].articles] for i in live}
        every_id = sorted({aid for i in live for aid in ids[i]})
        batch = _Batch(
            stored.stored_pages(list(digests.values())),
            stored.stored_articles(every_id),
            stored.stored_versions(every_id),
        )
        pages: list[PagePlan | None] = [None] * len(results)
        unsigned: tuple[tuple[str, tuple[int, ...]], ...] = ()
        for i in live:
            if digests[i] in batch.pages:
                pages[i] = PagePlan(digests[i], False)
                continue
            batch.pages.add(digests[i])
            if self._index is None:
                self._index, unsigned = _index_of(stored)
            items = tuple(
                self._article(aid, analysed, stored, batch, self._index)
                for aid, analysed in zip(ids[i], results[i].articles, strict=True)
            )
            pages[i] = PagePlan(digests[i], True, items)
        return StorePlan(tuple(pages), unsigned)

    def _article(
        self, aid: str, analysed: AnalysedArticle, stored: Stored, batch: _Batch, index: NearIndex
    ) -> ArticlePlan:
        """The plan for one article, given what is stored and what the batch planned so far."""
        art = analysed.article
        if aid in batch.versions:
            return ArticlePlan(aid, "stored", batch.versions[aid])
        if aid in batch.articles:
            return ArticlePlan(aid, "stored", aid)
        grams = shingles(art.headline, art.text)
        sig = signature(grams)
        values = tuple(int(v) for v in sig.hashvalues)
        match = self._near_match(grams, index.candidates(sig), stored, batch.grams)
        if match is None:
            batch.articles.add(aid)
            adds, batch.held[aid] = new_article(aid, analysed)
            item = _with(ArticlePlan(aid, "new", aid, signature=values), adds)
        else:
            target = match[0]
            batch.versions[aid] = target
            if target not in batch.held:
                batch.held[target] = Held.from_rows(
                    stored.item_events(target), stored.item_figures(target)
                )
            adds = version(aid, analysed, batch.held[target])
            item = _with(ArticlePlan(aid, "version", target, match[1], values), adds)
        batch.grams[aid] = (grams, item.target)
        index.add(aid, sig)
        return item

    def _near_match(
        self, grams: frozenset[str], candidates: list[str], stored: Stored, pending: dict
    ) -> tuple[str, float] | None:
        """(stored article id, similarity) of the item a text is a version of, among the
        index's ``candidates``, or None.

        ``pending`` maps ids planned in this batch (not yet stored) to (shingles, article id).
        """
        if not candidates:
            return None
        texts = {k: pending[k][0] for k in candidates if k in pending}
        owner = {k: pending[k][1] for k in candidates if k in pending}
        for key, canon, headline, text in stored.item_texts(
            [k for k in candidates if k not in pending]
        ):
            texts[key] = shingles(headline, text)
            owner[key] = canon
        found = best_match(grams, texts, self.threshold)
        return (owner[found[0]], found[1]) if found else None


class _Batch:
    """What a plan knows while it goes: the stored pages, articles and versions among the
    batch's, plus what it has planned so far (new articles, versions, their shingles, what
    the items they are filed under hold)."""

    def __init__(self, pages: set[str], articles: set[str], versions: dict[str, str]) -> None:
        self.pages = pages  # content hashes stored or planned
        self.articles = articles  # article ids stored or planned as new
        self.versions = versions  # version id -> article id, stored or planned
        self.grams: dict[str, tuple[frozenset[str], str]] = {}  # planned id -> (shingles, target)
        self.held: dict[str, Held] = {}  # article id -> what it holds: stored, and planned so far


def _with(item: ArticlePlan, adds: Adds) -> ArticlePlan:
    """``item`` with what its analysis adds."""
    return replace(
        item, event_ids=adds.event_ids, new_events=adds.new_events, new_figures=adds.new_figures
    )


def _index_of(stored: Stored) -> tuple[NearIndex, tuple[tuple[str, tuple[int, ...]], ...]]:
    """An LSH index of the stored signatures, and the signatures of stored articles that had
    none (computed from their text here, for the plan to store)."""
    index = NearIndex()
    for key, values in stored.signatures():
        index.add(key, from_hashvalues(values))
    missing = []
    for aid, headline, text in stored.unsigned_articles():
        sig = signature(shingles(headline, text))
        index.add(aid, sig)
        missing.append((aid, tuple(int(v) for v in sig.hashvalues)))
    return index, tuple(missing)
