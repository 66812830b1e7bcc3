"""The people book (data/people/people.yaml): office holders and their terms.

One book for two stages: the actors stage resolves a name to the code and sector of the
term covering the article's date; the time stage reads the terms with a title (given, or
read from the office's name) as evidence of when an undated article was written. Every person keeps a file:line source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from kroniek.errors import RulesError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "people"
PEOPLE_FILE = "people.yaml"


@dataclass(frozen=True)
class Tenure:
    """One term of one person in one office."""

    office: str  # as Dutch news names it: "premier", "minister van Buitenlandse Zaken"
    role: str  # role id in data/actors/roles.tsv
    code: str
    sector: str
    start: date
    end: date | None  # the first day out of office; None while in office
    title: str | None = None  # word family in data/time/facts.yaml ("president X"), if given
    elected: date | None = None  # the day the election result was known


@dataclass(frozen=True)
class OfficeHolder:
    """A person with the offices held, for resolving bare names and dating articles."""

    id: str
    name: str
    aliases: tuple[str, ...]
    out_of_office: str | None  # sector when no term covers the date
    terms: tuple[Tenure, ...]
    source: str  # file:line

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias, as printed in Dutch news."""
        return (self.name, *self.aliases)

    def term_on(self, on_date: date | None) -> Tenure | None:
        """The term covering `on_date` (latest start wins); the newest term when no date."""
        if on_date is None:
            return max(self.terms, key=lambda t: t.start) if self.terms else None
        covering = [
            t for t in self.terms if t.start <= on_date and (t.end is None or on_date < t.end)
        ]
        return max(covering, key=lambda t: t.start) if covering else None

    def home_code(self, on_date: date | None) -> str:
        """The code the person counts for on `on_date`, even out of office (last term before it)."""
        term = self.term_on(on_date)
        if term is not None:
            return term.code
        before = [t for t in self.terms if on_date is None or t.start <= on_date]
        if before:
            return max(before, key=lambda t: t.start).code
        return min(self.terms, key=lambda t: t.start).code


def _date(value, source: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as err:
        raise RulesError(source, f"not an ISO date: {value!r}") from err


def people_lines(path: Path) -> dict[str, int]:
    """Line number of each person id in the book (for file:line messages)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        found = re.search(r"\bid:\s*([\w.]+)", line)
        if found:
            lines.setdefault(found.group(1), number)
    return lines


def _tenure(raw: dict, source: str) -> Tenure:
    start = _date(raw["start"], source)
    if start is None:
        raise RulesError(source, "a term needs a start date")
    return Tenure(
        office=raw["office"],
        role=raw["role"],
        code=raw["code"],
        sector=raw["sector"],
        start=start,
        end=_date(raw.get("end"), source),
        title=raw.get("title"),
        elected=_date(raw.get("elected"), source),
    )


def load_people(data_dir: Path = DATA_DIR) -> tuple[OfficeHolder, ...]:
    """Every office holder of ``data_dir``/people.yaml with its terms."""
    path = Path(data_dir) / PEOPLE_FILE
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise RulesError(str(path), f"not valid YAML: {err}") from err
    lines = people_lines(path)
    people = []
    for raw in doc.get("people", []):
        source = f"{path}:{lines.get(raw.get('id'), 0)}"
        try:
            terms = tuple(_tenure(t, source) for t in raw["terms"])
            people.append(
                OfficeHolder(
                    raw["id"],
                    raw["name"],
                    tuple(raw.get("aliases") or ()),
                    raw.get("out_of_office"),
                    terms,
                    source,
                )
            )
        except (KeyError, TypeError) as err:
            raise RulesError(source, f"person entry lacks a field: {err}") from err
    return tuple(people)
