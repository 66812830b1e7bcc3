"""Reported figures of one article, tied to the events and actors of their sentence.

``find_quantities`` reads the numbers of each analysed sentence from its tokens; this module
links each one to the events coded from that sentence and to the actor mentions there
(nearest first), and falls back to the event's attribution for who reports it.
"""

from __future__ import annotations

from kroniek.records import Claim, Event, Mention, Sentence
from kroniek.stories.quantities import find_quantities
from kroniek.time import TimeRules


def find_claims(
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    events: tuple[Event, ...],
    rules: TimeRules | None = None,
) -> tuple[Claim, ...]:
    """Every quantity in the analysed sentences (headline and text) as a Claim of its sentence."""
    claims: list[Claim] = []
    for n, sentence in enumerate(sentences):
        following = sentences[n + 1] if n + 1 < len(sentences) else None
        if following is not None and following.field != sentence.field:
            following = None
        found = find_quantities(sentence, following, rules)
        own = [e for e in events if e.sentence_index == sentence.index]
        for q in found:
            near = sorted(
                (m for m in mentions if m.sentence == sentence.index),
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
                    field=sentence.field,
                    span=q.span,
                    sentence=sentence.index,
                    tokens=q.tokens,
                    reported_by=reporter,
                    events=tuple(e.key for e in own),
                    actors=codes,
                    rule=q.rule,
                )
            )
    return tuple(claims)
