"""The time stage's dictionaries: calendar words, temporal cues, number words, dated facts.

Everything is read from the YAML files in ``kroniek/data/time`` into frozen records once
(``load_time_rules``) and passed to the functions that need them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from kroniek.errors import RulesError
from kroniek.people import OfficeHolder, load_people

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "time"
FILES = ("calendar.yaml", "expressions.yaml", "numbers.yaml", "facts.yaml")


@dataclass(frozen=True)
class DatedEvent:
    """A widely known event with its date and the Dutch phrases that name it."""

    id: str
    date: date
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    """Dated evidence for publication bounds: office holders, title words, known events."""

    titles: Mapping[str, tuple[str, ...]]  # title id -> the words that name the office
    in_office_cues: tuple[str, ...]
    former_modifiers: tuple[str, ...]
    then_modifiers: tuple[
        str, ...
    ]  # former modifiers that date the office to the text's time ("toenmalig")
    elect_modifiers: tuple[str, ...]
    elect_government: tuple[str, ...]
    people: tuple[
        OfficeHolder, ...
    ]  # those with a titled term, its own or read from its office (the others do not date)
    events: tuple[DatedEvent, ...]
    tenure_grace_days: int = 0


@dataclass(frozen=True)
class NumberWords:
    """Dutch number words, scales, magnitudes, approximation cues and counted units."""

    units: Mapping[str, int]
    tens: Mapping[str, int]
    fractions: Mapping[str, float]
    scales: Mapping[str, int]
    inner_scales: Mapping[str, tuple[int, int]]  # word -> (value, bound of the number before it)
    linkers: tuple[str, ...]  # unit + linker + ten: "twee" "ën" "twintig"
    magnitudes: Mapping[str, tuple[str, int, int]]  # word -> (id, low, high)
    approximations: Mapping[str, tuple[str, str]]  # cue -> (id, label)
    measures: Mapping[str, str]  # word -> id
    signs: Mapping[str, str]  # a measure written as a sign ("%") -> the word it stands for
    bare_measures: frozenset[str]  # measures after which nothing counted is named ("procent")
    currencies: Mapping[str, tuple[str, str]]  # word or sign -> (id, unit)
    stop_words: frozenset[str]
    reporting: Mapping[str, tuple[str, str]]  # word -> (kind "prep" or "verb", id)

    def counts(self, fractions: bool = False) -> dict[str, float]:
        """Single number words that count on their own, with their values: the units and tens
        ("drie", "twintig") and, with ``fractions``, the fractions above one ("anderhalf")."""
        words: dict[str, float] = {**self.units, **self.tens}
        if fractions:
            words.update((w, v) for w, v in self.fractions.items() if v > 1)
        return words


@dataclass(frozen=True, eq=False)
class TimeRules:
    """All word lists of the time stage, keyed for lookup (hashed by identity)."""

    months: Mapping[str, int]
    month_names: Mapping[str, int]  # the full names only (the first name of each month)
    weekdays: Mapping[str, int]
    day_parts: tuple[str, ...]
    holidays: tuple[tuple[str, int, int, tuple[str, ...]], ...]  # (id, month, day, cues)
    ago_units: Mapping[str, tuple[str, str]]  # word -> (unit, id)
    just_now: tuple[str, ...]
    relative_days: Mapping[str, tuple[int, str]]  # word -> (offset, id)
    period_shifts: Mapping[str, tuple[int, str]]
    year_shifts: Mapping[str, tuple[int, str]]  # word before "jaar" -> (offset in years, id)
    period_units: Mapping[str, tuple[str, str]]  # word -> (unit, id)
    period_parts: Mapping[str, tuple[str, str]]  # word -> (part, id)
    weekday_modifiers: Mapping[str, tuple[str, str]]  # word -> (direction, id)
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]
    future_year_preps: tuple[str, ...]
    numbers: NumberWords
    facts: Facts


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise RulesError(str(path), f"cannot read the file: {err}") from err
    if not isinstance(data, dict):
        raise RulesError(str(path), "expected a mapping at the top level")
    return data


def _need(data: Mapping[str, Any], key: str, path: Path, where: str = "") -> Any:
    if key not in data:
        raise RulesError(str(path), f"missing key {key!r}{' in ' + where if where else ''}")
    return data[key]


def _words(entries: list[dict], path: Path, value) -> dict[str, Any]:
    """Map every word of every entry to value(entry), checking ids are present and unique."""
    seen: set[str] = set()
    out: dict[str, Any] = {}
    for entry in entries:
        ident = _need(entry, "id", path, str(entry))
        if ident in seen:
            raise RulesError(str(path), f"duplicate id {ident!r}")
        seen.add(ident)
        for word in _need(entry, "words" if "words" in entry else "names", path, ident):
            out[str(word).lower()] = value(entry)
    return out


def _frozen(mapping: dict) -> Mapping:
    return MappingProxyType(dict(mapping))


def _date(value: Any, path: Path, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    raise RulesError(str(path), f"{where}: expected a date YYYY-MM-DD, got {value!r}")


def _day(value: Any, path: Path, where: str) -> date:
    """A required date (YYYY-MM-DD)."""
    day = _date(value, path, where)
    if day is None:
        raise RulesError(str(path), f"{where}: a date is required")
    return day


def _facts(data: dict, path: Path, people: tuple[OfficeHolder, ...]) -> Facts:
    titles = _need(data, "titles", path)
    for person in people:
        for term in person.terms:
            if term.title is not None and term.title not in titles:
                raise RulesError(
                    person.source, f"unknown title {term.title!r} (the titles are in {path})"
                )
    events = tuple(
        DatedEvent(
            e["id"],
            _day(_need(e, "date", path, e["id"]), path, e["id"]),
            tuple(c.lower() for c in _need(e, "cues", path, e["id"])),
        )
        for e in _need(data, "events", path)
    )
    return Facts(
        titles=_frozen({k: tuple(v) for k, v in titles.items()}),
        in_office_cues=tuple(data.get("in_office_cues", ())),
        former_modifiers=tuple(data.get("former_modifiers", ())),
        then_modifiers=tuple(data.get("then_modifiers", ())),
        elect_modifiers=tuple(data.get("elect_modifiers", ())),
        elect_government=tuple(data.get("elect_government", ())),
        people=_titled(people, titles),
        events=events,
        tenure_grace_days=int(data.get("tenure_grace_days", 0)),
    )


def _titled(
    people: tuple[OfficeHolder, ...], titles: Mapping[str, Sequence[str]]
) -> tuple[OfficeHolder, ...]:
    """The people with a term that dates: a term without a title takes the title whose words
    include its office as Dutch news names it ("president", "minister van Defensie"), since
    that word before the name is what names the office."""
    by_word: dict[str, str] = {}
    for title, words in titles.items():
        for word in words:
            by_word.setdefault(word.lower(), title)
    titled = []
    for person in people:
        terms = tuple(
            t if t.title else replace(t, title=by_word.get(t.office.lower())) for t in person.terms
        )
        if any(t.title for t in terms):
            titled.append(replace(person, terms=terms))
    return tuple(titled)


def _numbers(data: dict, path: Path) -> NumberWords:
    return NumberWords(
        units=_frozen(_need(data, "units", path)),
        tens=_frozen(_need(data, "tens", path)),
        fractions=_frozen(_need(data, "fractions", path)),
        scales=_frozen(_need(data, "scales", path)),
        inner_scales=_frozen(
            {
                w: (int(e["value"]), int(e["before"]))
                for w, e in _need(data, "inner_scales", path).items()
            }
        ),
        linkers=tuple(_need(data, "linkers", path)),
        magnitudes=_frozen(
            _words(data["magnitudes"], path, lambda e: (e["id"], e["low"], e["high"]))
        ),
        approximations=_frozen(
            _words(data["approximations"], path, lambda e: (e["id"], e["label"]))
        ),
        measures=_frozen(_words(data["measures"], path, lambda e: e["id"])),
        signs=_frozen(
            {
                str(w): str(e["words"][0])
                for e in data["measures"]
                for w in e["words"]
                if not any(c.isalpha() for c in str(w))
            }
        ),
        bare_measures=frozenset(
            str(w).lower() for e in data["measures"] for w in e.get("bare", ())
        ),
        currencies=_frozen(_words(data["currencies"], path, lambda e: (e["id"], e["unit"]))),
        stop_words=frozenset(_need(data, "stop_words", path)),
        reporting=_frozen(
            _words(_need(data, "reporting", path), path, lambda e: (e["kind"], e["id"]))
        ),
    )


def load_time_rules(data_dir: Path = DATA_DIR) -> TimeRules:
    """Read and check the time stage's YAML files and the people book beside them
    (data/people for data/time); raises RulesError naming the file."""
    cal, expr, num, facts = (_read(data_dir / name) for name in FILES)
    cal_path, expr_path = data_dir / FILES[0], data_dir / FILES[1]
    holidays = tuple(
        (h["id"], int(h["month"]), int(h["day"]), tuple(c.lower() for c in h["cues"]))
        for h in _need(cal, "holidays", cal_path)
    )
    return TimeRules(
        months=_frozen(_words(_need(cal, "months", cal_path), cal_path, lambda e: e["n"])),
        month_names=_frozen({str(e["names"][0]).lower(): e["n"] for e in cal["months"]}),
        weekdays=_frozen(_words(_need(cal, "weekdays", cal_path), cal_path, lambda e: e["n"])),
        day_parts=tuple(_need(cal, "day_parts", cal_path)),
        holidays=holidays,
        ago_units=_frozen(
            _words(_need(expr, "ago_units", expr_path), expr_path, lambda e: (e["unit"], e["id"]))
        ),
        just_now=tuple(_need(expr, "just_now", expr_path)),
        relative_days=_frozen(
            _words(expr["relative_days"], expr_path, lambda e: (e["offset"], e["id"]))
        ),
        period_shifts=_frozen(
            _words(expr["period_shifts"], expr_path, lambda e: (e["offset"], e["id"]))
        ),
        year_shifts=_frozen(
            _words(
                _need(expr, "year_shifts", expr_path), expr_path, lambda e: (e["offset"], e["id"])
            )
        ),
        period_units=_frozen(
            _words(expr["period_units"], expr_path, lambda e: (e["unit"], e["id"]))
        ),
        period_parts=_frozen(
            _words(expr["period_parts"], expr_path, lambda e: (e["id"].rsplit(".", 1)[1], e["id"]))
        ),
        weekday_modifiers=_frozen(
            _words(expr["weekday_modifiers"], expr_path, lambda e: (e["direction"], e["id"]))
        ),
        future_cues=tuple(_need(expr, "future_cues", expr_path)),
        past_cues=tuple(_need(expr, "past_cues", expr_path)),
        future_year_preps=tuple(_need(expr, "future_year_preps", expr_path)),
        numbers=_numbers(num, data_dir / FILES[2]),
        facts=_facts(facts, data_dir / FILES[3], load_people(data_dir.parent / "people")),
    )


@functools.lru_cache(maxsize=1)
def default_rules() -> TimeRules:
    """The packaged rules, read once per process (the result is immutable)."""
    return load_time_rules()
