"""Event dates: Dutch temporal expressions resolved against the article's publication time.

"gisteren", "dinsdagavond", "vorige week", "eind juni", "op 17 januari", "in juli vorig
jaar", "rond de jaarwisseling", "in de nacht van zaterdag op zondag", "drie jaar geleden".
Each becomes an ISO value with a precision: "YYYY-MM-DD" (day, or the Monday of a week
with precision "week"), "YYYY-MM" (month) or "YYYY" (year).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import overload
from zoneinfo import ZoneInfo

from kroniek.records import Event
from kroniek.time.rules import TimeRules, default_rules
from kroniek.words import word_set

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class TimeExpression:
    """One resolved temporal expression found in a sentence."""

    start: int
    end: int
    text: str
    value: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    precision: str  # "day", "week", "month" or "year"
    rule: str  # id of the cue entry that fired


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _phrases(name: str) -> str:
    """The word sequences of a word set as an alternation, longest first, any run of white
    space between their words."""
    return "|".join(
        r"\s+".join(re.escape(w) for w in phrase.split())
        for phrase in sorted(word_set(name), key=len, reverse=True)
    )


@functools.lru_cache(maxsize=4)
def _grammar(rules: TimeRules) -> dict[str, re.Pattern]:
    """The regular expressions of the temporal expression families, built from the rules."""
    month, abbr = _alt(rules.month_names), _alt(rules.months)
    wd, part = _alt(rules.weekdays), _alt(rules.day_parts)
    parts = _alt(rules.period_parts)
    shifts, units = _alt(rules.period_shifts), _alt(rules.period_units)
    mods = _alt(rules.weekday_modifiers)
    holidays = _alt(c for h in rules.holidays for c in h[3])
    reldays = _alt(rules.relative_days)
    ago_units = _alt(
        w for w, (u, _) in rules.ago_units.items() if u in ("day", "week", "month", "year")
    )
    year_shift = rf"(?P<ys>{_alt(rules.year_shifts)})\s+(?:{_phrases('year_words_after_shift')})"
    counts = rf"\d+|{_alt(rules.numbers.counts(fractions=True))}"
    night, joiner = _phrases("night_openers"), _phrases("night_joiners")
    on, ordinal = _phrases("date_preps"), _alt(word_set("day_ordinal_endings"))
    ago, ahead, week = _phrases("ago_words"), _phrases("ahead_words"), _phrases("week_words")
    in_month, in_year = _phrases("month_preps"), _phrases("year_preps")
    flags = re.IGNORECASE
    return {
        "night": re.compile(
            rf"\b(?:{night})\s+(?P<w1>{wd})\s+(?:{joiner})\s+(?P<wd>{wd})\b", flags
        ),
        "full": re.compile(
            rf"\b(?:(?P<wdname>{wd})(?:{part})?\s+)?(?:(?:{on})\s+)?(?P<d>[0-3]?\d)(?:{ordinal})?\s+"
            rf"(?P<m>{abbr})\.?(?:\s+(?P<y>(?:19|20)\d\d)\b)?(?![\w-])",
            flags,
        ),
        "week_day": re.compile(
            rf"\b(?P<shift>{shifts})\s+(?:{week})\s+(?P<wd>{wd})(?:{part})?\b", flags
        ),
        "weekday": re.compile(rf"\b(?:(?P<mod>{mods})\s+)?(?P<wd>{wd})(?:{part})?\b", flags),
        "relday": re.compile(rf"\b(?P<rel>{reldays})\b", flags),
        "ago": re.compile(
            rf"\b(?P<n>{counts})\s+(?P<u>{ago_units})\s+(?P<dir>{ago})\b"
            rf"|\b(?:{ahead})\s+(?P<n2>{counts})\s+(?P<u2>{ago_units})\b",
            flags,
        ),
        "month": re.compile(
            rf"\b(?:(?P<part>{parts})\s+)?(?:(?P<mmod>{mods})\s+)?(?:(?:{in_month})\s+)?"
            rf"(?P<m>{month})\b(?:\s+(?:(?P<y>(?:19|20)\d\d)\b|{year_shift}))?",
            flags,
        ),
        "period": re.compile(
            rf"\b(?:(?P<part>{parts})\s+)?(?P<shift>{shifts})\s+(?P<unit>{units})\b", flags
        ),
        "year": re.compile(
            rf"\b(?:(?P<part>{parts})\s+|(?:{in_year})\s+)(?P<y>(?:19|20)\d\d)\b", flags
        ),
        "holiday": re.compile(rf"\b(?P<h>{holidays})\b", flags),
        "since": re.compile(rf"\b(?:{_phrases('since_words')})\s*$", flags),
    }


@overload
def local_date(published: datetime | date) -> date: ...
@overload
def local_date(published: None) -> None: ...
def local_date(published: datetime | date | None) -> date | None:
    """The publication day in Dutch local time (naive datetimes are taken as UTC)."""
    if published is None or not isinstance(published, datetime):
        return published
    aware = published if published.tzinfo else published.replace(tzinfo=UTC)
    return aware.astimezone(AMSTERDAM).date()


def is_future(sentence: str, rules: TimeRules) -> bool:
    """True when the sentence speaks of what is still to come (and has no past-tense cue)."""
    low = f" {sentence.lower()} "

    def has(cues) -> bool:
        return any(re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", low) for c in cues)

    return not has(rules.past_cues) and has(rules.future_cues)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _year_for(p: date, month: int, day: int, direction: str) -> int:
    """The year of (month, day): most recent on/before p, next on/after, or strictly so."""
    here = (month, day)
    now = (p.month, p.day)
    if direction == "future":
        return p.year if here >= now else p.year + 1
    if direction == "future_strict":
        return p.year if here > now else p.year + 1
    if direction == "past_strict":
        return p.year if here < now else p.year - 1
    return p.year if here <= now else p.year - 1


def _weekday(p: date, wd: int, direction: str) -> date:
    if direction in ("future", "future_strict"):
        ahead = (wd - p.isoweekday()) % 7
        return p + timedelta(days=ahead or (7 if direction == "future_strict" else 0))
    back = (p.isoweekday() - wd) % 7
    return p - timedelta(days=back or (7 if direction == "past_strict" else 0))


def _number(word: str, rules: TimeRules) -> float:
    return (
        float(word) if word.isdigit() else float(rules.numbers.counts(fractions=True)[word.lower()])
    )


def _resolve(kind: str, m: re.Match, p: date | None, future: bool, rules: TimeRules):
    """(value, precision, rule) for one match, or None when it cannot be placed."""
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    direction = "future" if future else "past"
    if kind == "full":
        month, day = rules.months[g["m"]], int(g["d"])
        if not 1 <= day <= 31:
            return None
        year = int(g["y"]) if g["y"] else (_year_for(p, month, day, direction) if p else None)
        if year is None:
            return None
        try:
            return date(year, month, day).isoformat(), "day", "time.date.full"
        except ValueError:
            return None
    if kind == "year":
        return g["y"], "year", "time.year"
    if kind == "month" and g["y"]:
        return f"{g['y']}-{rules.months[g['m']]:02d}", "month", "time.month"
    if p is None:
        return None
    if kind in ("night", "weekday"):
        if g.get("mod"):
            direction = rules.weekday_modifiers[g["mod"]][0]
        rule = rules.weekday_modifiers[g["mod"]][1] if g.get("mod") else "time.weekday"
        return _weekday(p, rules.weekdays[g["wd"]], direction).isoformat(), "day", rule
    if kind == "week_day":
        offset, rule = rules.period_shifts[g["shift"]]
        monday = p - timedelta(days=p.isoweekday() - 1) + timedelta(weeks=offset)
        return (monday + timedelta(days=rules.weekdays[g["wd"]] - 1)).isoformat(), "day", rule
    if kind == "relday":
        offset, rule = rules.relative_days[g["rel"]]
        return (p + timedelta(days=offset)).isoformat(), "day", rule
    if kind == "holiday":
        hid, month, day, _ = next(h for h in rules.holidays if g["h"] in h[3])
        return date(_year_for(p, month, day, direction), month, day).isoformat(), "day", hid
    if kind == "ago":
        sign = 1 if g["n2"] else -1
        n, unit = _number(g["n"] or g["n2"], rules), rules.ago_units[g["u"] or g["u2"]][0]
        if unit == "day":
            return (p + timedelta(days=sign * round(n))).isoformat(), "day", "time.ago.day"
        if unit == "week":
            then = p + timedelta(days=sign * round(7 * n))
            return (
                (then - timedelta(days=then.isoweekday() - 1)).isoformat(),
                "week",
                "time.ago.week",
            )
        if unit == "month":
            y, mo = _shift_month(p.year, p.month, sign * round(n))
            return f"{y}-{mo:02d}", "month", "time.ago.month"
        return str(p.year + sign * int(n)), "year", "time.ago.year"
    if kind == "month":
        month = rules.months[g["m"]]
        if g["ys"]:
            year = p.year + rules.year_shifts[g["ys"]][0]
        else:
            if g["mmod"]:
                direction = rules.weekday_modifiers[g["mmod"]][0]
            year = _year_for(p, month, 1 if direction.startswith("past") else 28, direction)
            if direction.startswith("past") and month == p.month:
                year = p.year - 1 if direction == "past_strict" else p.year
        rule = rules.period_parts[g["part"]][1] if g["part"] else "time.month"
        return f"{year}-{month:02d}", "month", rule
    if kind == "period":
        offset, rule = rules.period_shifts[g["shift"]]
        unit = rules.period_units[g["unit"]][0]
        if unit == "year":
            return str(p.year + offset), "year", rule
        if unit == "month":
            y, mo = _shift_month(p.year, p.month, offset)
            return f"{y}-{mo:02d}", "month", rule
        monday = p - timedelta(days=p.isoweekday() - 1)
        if unit == "week":
            return (monday + timedelta(weeks=offset)).isoformat(), "week", rule
        in_weekend = p.isoweekday() >= 6
        saturday = monday + timedelta(days=5)
        if offset < 0 and not in_weekend:
            saturday -= timedelta(weeks=1)
        elif offset > 0 and in_weekend:
            saturday += timedelta(weeks=1)
        return saturday.isoformat(), "week", rule
    return None


def find_time_expressions(
    text: str,
    published: datetime | date | None,
    future: bool | None = None,
    rules: TimeRules | None = None,
) -> list[TimeExpression]:
    """Every temporal expression in text that can be placed, in text order (longest match wins)."""
    rules = rules or default_rules()
    grammar = _grammar(rules)
    p = local_date(published)
    ahead = is_future(text, rules) if future is None else future
    candidates = []
    for kind, pattern in grammar.items():
        if kind == "since":
            continue
        for m in pattern.finditer(text):
            if grammar["since"].search(text[: m.start()]):
                continue
            resolved = _resolve(kind, m, p, ahead, rules)
            if resolved:
                candidates.append(TimeExpression(m.start(), m.end(), m.group(0), *resolved))
    candidates.sort(key=lambda e: (e.start, -(e.end - e.start)))
    chosen: list[TimeExpression] = []
    for cand in sorted(candidates, key=lambda e: -(e.end - e.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda e: e.start)


def resolve_event_date(
    sentence_text: str,
    published: datetime | date | None,
    future: bool | None = None,
    anchor: int | None = None,
    rules: TimeRules | None = None,
) -> tuple[str | None, str | None]:
    """(ISO value, precision) of the temporal expression dating the sentence's event, or (None, None).

    With several expressions, the one nearest to anchor (e.g. the trigger's offset) wins,
    else the first. future=None guesses the tense from cue words in the sentence."""
    found = find_time_expressions(sentence_text, published, future, rules)
    if not found:
        return None, None
    if anchor is not None:
        found.sort(key=lambda e: _distance(sentence_text, e, anchor))
    return found[0].value, found[0].precision


def _distance(text: str, expr: TimeExpression, anchor: int) -> int:
    """Words between an expression and the anchor; a clause boundary (comma, "en", "maar") counts 10."""
    between = text[expr.end : anchor] if expr.end <= anchor else text[anchor : expr.start]
    words = between.split()
    boundaries = between.count(",") + sum(
        w.lower() in word_set("date_clause_boundaries") for w in words
    )
    return len(words) + 10 * boundaries


def date_events(
    events: Sequence[Event], published: datetime | date | None, rules: TimeRules | None = None
) -> tuple[Event, ...]:
    """Copies of the events with event_date/event_date_precision read from their sentences."""
    rules = rules or default_rules()
    dated = []
    for event in events:
        at = event.trigger_span[0] - event.span[0] if event.trigger_token else None
        value, precision = resolve_event_date(
            event.sentence,
            published,
            future=True if event.fact == "future" else None,
            anchor=at,
            rules=rules,
        )
        dated.append(replace(event, event_date=value, event_date_precision=precision))
    return tuple(dated)
