"""Reported figures of one article, tied to the events and actors of their sentence.

``find_quantities`` reads the numbers; this module places each one in
its sentence, links it to the events coded from that sentence and to the actor mentions
there (nearest first), and falls back to the event's attribution for who reports it.
"""

from __future__ import annotations

from kroniek.records import Article, Claim, Event, Mention, Sentence
from kroniek.stories.quantities import find_quantities
from kroniek.time import TimeRules


def _sentence_at(sentences: tuple[Sentence, ...], field: str, pos: int) -> Sentence | None:
    for s in sentences:
        if s.field == field and s.start <= pos < max(s.end, s.start + 1):
            return s
    return None


def find_claims(
    article: Article,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    events: tuple[Event, ...],
    rules: TimeRules | None = None,
) -> tuple[Claim, ...]:
    """Every quantity in the article's headline and text as a Claim linked to its sentence."""
    claims: list[Claim] = []
    for field, text in (("headline", article.headline or ""), ("text", article.text)):
        for q in find_quantities(text, rules) if text else ():
            sentence = _sentence_at(sentences, field, q.span[0])
            index = sentence.index if sentence else -1
            own = [e for e in events if sentence is not None and e.sentence_index == sentence.index]
            near = sorted(
                (m for m in mentions if m.field == field and m.sentence == index),
                key=lambda m: min(abs(m.span[0] - q.span[1]), abs(q.span[0] - m.span[1])),
            )
            codes = tuple(dict.fromkeys(m.code for m in near))
            reporter = q.reported_by or next(
                (e.attributed_to for e in own if e.attributed_to), None
            )
            claims.append(
                Claim(
                    value=q.value,
                    unit=q.unit,
                    approx=q.approx,
                    low=q.low,
                    high=q.high,
                    text=q.text,
                    field=field,
                    span=q.span,
                    sentence=index,
                    reported_by=reporter,
                    events=tuple(e.key for e in own),
                    actors=codes,
                    rule=q.rule,
                )
            )
    return tuple(claims)
