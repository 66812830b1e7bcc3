"""Explain the coding of one sentence: Frog's analysis, the actors, every rule tried and why."""

from __future__ import annotations

from datetime import date

from kroniek.events.coder import Context, code_in_context, main_sides, needs_parse
from kroniek.events.patterns import Patterns
from kroniek.records import Mention, Sentence


def explain_lines(sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], patterns: Patterns,
                  on_date: date | None = None) -> list[str]:
    """Readable lines: tokens (index, word, lemma, POS, head, rel), actors, rules tried, events."""
    lines: list[str] = []
    ctx = Context(year=on_date.year if on_date else None, sides=main_sides(mentions))
    for sentence in sentences:
        here = [m for m in mentions if m.field == sentence.field and m.sentence == sentence.index]
        lines.append(f"sentence {sentence.index} ({sentence.field} {sentence.start}-{sentence.end}, "
                     f"parsed={sentence.parsed}): {sentence.text}")
        for tok in sentence.tokens:
            lines.append(
                f"  {tok.index:>3} {tok.text:<20} {tok.lemma:<20} {tok.pos:<32} {tok.head!s:>4} {tok.rel or ''}"
            )
        lines.append("  actors:" if here else "  actors: none (no event can be coded)")
        for m in here:
            lines.append(f"    {m.text!r} -> {m.code} {m.sector or '-'} tokens {m.tokens[0]}-{m.tokens[1]} ({m.rule})")
        trace: list[str] = []
        events, ctx = code_in_context(sentence, here, patterns, ctx, trace)
        lines.append("  rules tried:" if trace else "  rules tried: none (no trigger word)")
        lines.extend(f"    {t}" for t in trace)
        for ev in events:
            lines.append(f"  EVENT {ev.src}/{ev.src_sector} -> {ev.tgt}/{ev.tgt_sector} {ev.type} {ev.cameo} "
                         f"fact={ev.fact} trigger={ev.trigger!r} rule={ev.rule} attributed_to={ev.attributed_to}")
    return lines


def explain(sentence_text: str, tagger, parser, books, patterns: Patterns, on_date: date | None = None) -> list[str]:
    """Analyse ``sentence_text`` with Frog (tag, then parse where needed) and explain its coding."""
    from kroniek.actors import find_mentions
    from kroniek.nlp import analyse, parse

    sentences = analyse(tagger, "text", sentence_text)
    mentions = find_mentions(sentences, books, on_date)
    sentences = tuple(parse(parser, s) if needs_parse(s, mentions, patterns) else s for s in sentences)
    mentions = find_mentions(sentences, books, on_date)
    return explain_lines(sentences, mentions, patterns, on_date)
