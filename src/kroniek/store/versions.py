"""Rows for reported figures, of a new article or of a version of a stored item.

Which figures those are (a version adds only those the item does not hold) is the plan's
decision (kroniek.dedup); here each figure the plan lists becomes a ``quantities`` row that
points at the stored events of its sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from kroniek.records import AnalysedArticle, Claim


def quantity_row(
    aid: str,
    version_id: str,
    idx: int,
    claim: Claim,
    analysed: AnalysedArticle,
    event_ids: list[str],
    published: datetime | None,
) -> tuple:
    """One ``quantities`` row (columns in table order)."""
    sentence = next((s.text for s in analysed.sentences if s.index == claim.sentence), "")
    return (
        aid,
        version_id,
        idx,
        event_ids,
        claim.value,
        claim.low,
        claim.high,
        claim.unit,
        claim.approx,
        claim.text,
        claim.field,
        claim.span[0],
        claim.span[1],
        claim.sentence,
        sentence,
        claim.reported_by,
        list(claim.actors),
        claim.rule,
        published,
    )


def quantity_rows(
    aid: str,
    version_id: str,
    analysed: AnalysedArticle,
    event_ids: Mapping[str, str],
    published: datetime | None,
    figures: tuple[int, ...],
) -> list[tuple]:
    """Rows for the figures at positions ``figures`` of ``analysed.claims``, filed under
    article ``aid`` as read from the text ``version_id``.

    ``event_ids`` maps the Event.key of each of ``analysed.events`` to its stored id.
    """
    rows = []
    for idx in figures:
        claim = analysed.claims[idx]
        ids = list(dict.fromkeys(event_ids[key] for key in claim.events if key in event_ids))
        rows.append(quantity_row(aid, version_id, idx, claim, analysed, ids, published))
    return rows
