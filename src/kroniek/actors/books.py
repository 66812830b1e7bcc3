"""Load the actor dictionaries (data/actors/*.tsv, data/people) into one immutable ActorBooks.

Every entry keeps its stable id and its file:line source. The lookup tables (first token ->
candidate patterns) are built here once, so matching a sentence is one pass over its tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kroniek.errors import RulesError
from kroniek.people import PEOPLE_FILE, OfficeHolder, load_people
from kroniek.vocabulary import SECTORS

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
ENTITY_FILES = (
    "states.tsv",
    "bodies.tsv",
    "groups.tsv",
    "agencies.tsv",
    "organisations.tsv",
    "cities.tsv",
)
REFERENCE_FILE = "references.tsv"
COLLECTIVE_FILE = "collectives.tsv"
SECTOR_CHANGE_FILE = "sector_changes.tsv"
ROLE_FILE = "roles.tsv"
ENTITY_KINDS = (
    "name",
    "adj",
    "people",
    "capital",
    "seat",
    "body",
    "group",
    "agency",
    "org",
    "city",
    "ref",
    "bloc",
)
ROLE_KINDS = ("role", "modifier", "former", "counterpart", "pair")
PLACE_KINDS = ("capital", "city", "seat", "name", "ref")
_LETTERS_DIGITS = re.compile(r"\b([A-Z]+)(\d+)\b")
_DOUBLE_VOWEL = re.compile(r"^(.*)([aeou])\2([^aeiou])$")


@dataclass(frozen=True)
class Entry:
    """One actor or place entry: a state's name/adjective/..., a body, group, agency, city."""

    id: str
    kind: str
    code: str
    sector: str
    terms: tuple[str, ...]
    source: str  # file:line
    refers: tuple[
        str, ...
    ] = ()  # kind "ref": the codes it may point back to ("het bondgenootschap" -> NATO)
    members: tuple[
        str, ...
    ] = ()  # kind "bloc": the states it stands for ("de Baltische staten" -> EST, LVA, LTU)
    book: str = ""  # the file it is in, without suffix: "states", "bodies", "cities", ...
    sector_changes: tuple[
        tuple[date, str], ...
    ] = ()  # (first day, sector from then on), oldest first

    def sector_on(self, day: date | None) -> str:
        """The entry's sector on ``day``: its file's sector before its first dated change, the
        latest change when the day is unknown (sector_changes.tsv)."""
        sector = self.sector
        for since, changed in self.sector_changes:
            if day is None or day >= since:
                sector = changed
        return sector


@dataclass(frozen=True)
class RoleWords:
    """A role word family ("president", "leger"), a modifier, a 'former' word or 'ambtgenoot'."""

    id: str
    kind: str
    sector: str | None  # None for modifiers and counterparts ("-" in the file)
    terms: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class NamePattern:
    """A term as a token sequence with its case rule, pointing at the entry it stands for."""

    words: tuple[str, ...]  # lower-cased tokens
    case: tuple[str, ...]  # per token: "exact" (acronyms), "cap" (capitalised) or "any"
    originals: tuple[str, ...]
    target: str  # entry, role or person id
    kind: str  # entry/role kind, or "person"
    inflected: bool = False  # an adjective's generated "-e" form (base forms need an ADJ tag)


@dataclass(frozen=True)
class ActorBooks:
    """All actor dictionaries, loaded once; plain frozen data, picklable for Dask workers."""

    entries: dict[str, Entry]
    roles: dict[str, RoleWords]
    people: dict[str, OfficeHolder]
    by_first: dict[
        str, tuple[NamePattern, ...]
    ]  # first token lower-cased -> patterns, longest first
    name_stops: frozenset[str]  # capitalised words of role terms ("Buitenlandse", "Zaken")
    sha256: str
    places: dict[str, str] = field(
        default_factory=dict
    )  # folded place term -> state code (datelines)


def case_rule(word: str) -> str:
    """'exact' for words with two capitals or more, 'cap' for capitalised words, else 'any'."""
    capitals = sum(1 for ch in word if ch.isupper())
    if capitals >= 2:
        return "exact"
    return "cap" if word[:1].isupper() else "any"


def inflect(base: str) -> str:
    """The attributive '-e' form of a Dutch adjective base: Russisch -> Russische, Chinees -> Chinese."""
    last = base.split("-")[-1]
    head = base[: len(base) - len(last)]
    match = _DOUBLE_VOWEL.match(last)
    if match:
        return head + match.group(1) + match.group(2) + match.group(3) + "e"
    return base + "e"


def make_pattern(term: str, target: str, kind: str, inflected: bool = False) -> NamePattern:
    """Split a term into tokens the way Frog does (on spaces) and record each token's case rule."""
    words = tuple(term.replace("\u2019", "'").split())
    return NamePattern(
        words=tuple(w.lower() for w in words),
        case=tuple(case_rule(w) for w in words),
        originals=words,
        target=target,
        kind=kind,
        inflected=inflected,
    )


def entry_patterns(entry: Entry) -> list[NamePattern]:
    """All surface patterns of one entry (adjectives also in their inflected form)."""
    patterns = []
    for term in entry.terms:
        patterns.append(make_pattern(term, entry.id, entry.kind))
        split = _LETTERS_DIGITS.sub(r"\1 \2", term)
        if (
            split != term
        ):  # Frog's tokenizer cuts "M23" and "G7" into a letter token and a number token
            patterns.append(make_pattern(split, entry.id, entry.kind))
        if entry.kind == "adj":
            patterns.append(make_pattern(inflect(term), entry.id, entry.kind, inflected=True))
    return patterns


def read_tsv(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """Rows of a dictionary TSV with their line numbers; '#' lines and blank lines skipped."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < columns - 1 or len(cells) > columns:
            raise RulesError(
                f"{path}:{number}", f"expected {columns} tab-separated columns, got {len(cells)}"
            )
        rows.append((number, cells + [""] * (columns - len(cells))))
    return rows


def _terms(cell: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in cell.split("|") if t.strip())


def load_entries(data_dir: Path) -> list[Entry]:
    """Entries of every entity file, in file order."""
    entries = []
    for name in ENTITY_FILES:
        path = data_dir / name
        for number, cells in read_tsv(path, 6):
            entries.append(
                Entry(
                    cells[0],
                    cells[1],
                    cells[2],
                    cells[3],
                    _terms(cells[4]),
                    f"{path}:{number}",
                    book=path.stem,
                )
            )
    # two more columns: what a reference may point back to, what states a bloc stands for
    for name in (REFERENCE_FILE, COLLECTIVE_FILE):
        path = data_dir / name
        if not path.exists() and name == COLLECTIVE_FILE:
            continue
        for number, cells in read_tsv(path, 7):
            entries.append(
                Entry(
                    cells[0],
                    cells[1],
                    cells[2],
                    cells[3],
                    _terms(cells[4]),
                    f"{path}:{number}",
                    book=path.stem,
                    refers=_terms(cells[5]) if name == REFERENCE_FILE else (),
                    members=_terms(cells[5]) if name == COLLECTIVE_FILE else (),
                )
            )
    return entries


def fold(text: str) -> str:
    """Lower case without diacritics and with single spaces: 'CAÏRO' and 'Caïro' -> 'cairo'."""
    plain = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in plain if not unicodedata.combining(ch)).lower().split())


def place_codes(entries: list[Entry]) -> dict[str, str]:
    """Folded capital, city, seat and state names -> state code, for reading datelines. A place that
    also stands for international bodies (Brussel: the EU and NATO) lends no state: the ministers
    and envoys a Brussels dateline reports on are seldom Belgian."""
    places: dict[str, str] = {}
    for entry in entries:
        if (
            entry.kind in PLACE_KINDS
            and len(entry.code) == 3
            and entry.code.isalpha()
            and not entry.refers
        ):
            for term in entry.terms:
                places.setdefault(fold(term), entry.code)
    return places


def load_roles(data_dir: Path) -> list[RoleWords]:
    """Role, modifier, former and counterpart entries of roles.tsv."""
    path = data_dir / ROLE_FILE
    return [
        RoleWords(
            cells[0],
            cells[1],
            None if cells[2] == "-" else cells[2],
            _terms(cells[3]),
            f"{path}:{number}",
        )
        for number, cells in read_tsv(path, 5)
    ]


def build_index(
    entries: list[Entry], roles: list[RoleWords], people: Sequence[OfficeHolder]
) -> dict[str, tuple[NamePattern, ...]]:
    """First token (lower case) -> every pattern starting with it, longest first."""
    index: dict[str, list[NamePattern]] = {}
    patterns: list[NamePattern] = []
    for entry in entries:
        patterns.extend(entry_patterns(entry))
    for role in roles:
        patterns.extend(make_pattern(term, role.id, role.kind) for term in role.terms)
    for person in people:
        for term in (person.name, *person.aliases):
            patterns.append(make_pattern(term, person.id, "person"))
    for pattern in patterns:
        if pattern.words:
            index.setdefault(pattern.words[0], []).append(pattern)
    return {key: tuple(sorted(group, key=lambda p: -len(p.words))) for key, group in index.items()}


def people_dir(actors_dir: Path) -> Path:
    """The people book beside an actors folder: data/people for data/actors."""
    return actors_dir.parent / "people"


def with_sector_changes(entries: list[Entry], data_dir: Path) -> list[Entry]:
    """The entries with the dated sector changes of sector_changes.tsv attached (RulesError with
    file:line for an unknown id, a bad date or an unknown sector)."""
    path = data_dir / SECTOR_CHANGE_FILE
    if not path.exists():
        return entries
    by_id = {e.id: e for e in entries}
    changes: dict[str, list[tuple[date, str]]] = {}
    for number, cells in read_tsv(path, 4):
        where = f"{path}:{number}"
        if cells[0] not in by_id:
            raise RulesError(where, f"unknown entry id {cells[0]!r}")
        if cells[2] not in SECTORS:
            raise RulesError(where, f"unknown sector {cells[2]!r}; allowed: {', '.join(SECTORS)}")
        try:
            since = date.fromisoformat(cells[1])
        except ValueError:
            raise RulesError(where, f"bad date {cells[1]!r}, expected YYYY-MM-DD") from None
        changes.setdefault(cells[0], []).append((since, cells[2]))
    return [
        replace(e, sector_changes=tuple(sorted(changes[e.id]))) if e.id in changes else e
        for e in entries
    ]


def load_books(data_dir: Path | None = None) -> ActorBooks:
    """Load every actor dictionary once into an immutable, picklable ActorBooks."""
    import hashlib

    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    entries = with_sector_changes(load_entries(folder), folder)
    roles = load_roles(folder)
    people = load_people(people_dir(folder))
    digest = hashlib.sha256()
    for path in (
        *(
            folder / name
            for name in (
                *ENTITY_FILES,
                REFERENCE_FILE,
                COLLECTIVE_FILE,
                ROLE_FILE,
                SECTOR_CHANGE_FILE,
            )
        ),
        people_dir(folder) / PEOPLE_FILE,
    ):
        if path.exists():
            digest.update(path.read_bytes())
    stops = frozenset(
        word.lower()
        for role in roles
        for term in role.terms
        for word in term.split()[1:]
        if word[:1].isupper()
    )
    return ActorBooks(
        entries={e.id: e for e in entries},
        roles={r.id: r for r in roles},
        people={p.id: p for p in people},
        by_first=build_index(entries, roles, people),
        name_stops=stops,
        sha256=digest.hexdigest(),
        places=place_codes(entries),
    )
