"""Explain the coding of sentences: Frog's analysis, the actors, every rule tried and why."""

from __future__ import annotations

from collections.abc import Sequence

from kroniek.events.coder import SentenceTrace


def explain_lines(trace: Sequence[SentenceTrace]) -> list[str]:
    """Readable lines: tokens (index, word, lemma, POS, head, rel), actors, rules tried, events."""
    lines: list[str] = []
    for step in trace:
        sentence = step.sentence
        lines.append(
            f"sentence {sentence.index} ({sentence.field} {sentence.start}-{sentence.end}, "
            f"parsed={sentence.parsed}): {sentence.text}"
        )
        for tok in sentence.tokens:
            lines.append(
                f"  {tok.index:>3} {tok.text:<20} {tok.lemma:<20} {tok.pos:<32} {tok.head!s:>4} {tok.rel or ''}"
            )
        lines.append("  actors:" if step.mentions else "  actors: none (no event can be coded)")
        for m in step.mentions:
            lines.append(
                f"    {m.text!r} -> {m.code} {m.sector or '-'} tokens {m.tokens[0]}-{m.tokens[1]} ({m.rule})"
            )
        lines.append("  rules tried:" if step.tried else "  rules tried: none (no trigger word)")
        lines.extend(f"    {t}" for t in step.tried)
        for ev in step.events:
            lines.append(
                f"  EVENT {ev.src}/{ev.src_sector} -> {ev.tgt}/{ev.tgt_sector} {ev.type} {ev.cameo} "
                f"fact={ev.fact} trigger={ev.trigger!r} rule={ev.rule} attributed_to={ev.attributed_to}"
            )
    return lines
