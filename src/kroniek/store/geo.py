"""Places for the GDELT ActionGeo columns: a small gazetteer read from data/geo/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"


@dataclass(frozen=True)
class Place:
    """One gazetteer place: the name as listed first, FIPS country code, GDELT type, coordinates."""

    name: str
    country: str
    geo_type: int
    lat: float
    lon: float


def _lines(path: Path) -> list[str]:
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Every listed name, upper-cased, to its place."""
    places: dict[str, Place] = {}
    for line in _lines(DATA_DIR / "places.tsv"):
        names, country, geo_type, lat, lon = line.split("\t")
        variants = names.split("|")
        place = Place(variants[0], country, int(geo_type), float(lat), float(lon))
        for variant in variants:
            places[variant.upper()] = place
    return places


@lru_cache(maxsize=1)
def _locative_pattern() -> re.Pattern:
    words = "|".join(re.escape(w.strip()) for w in _lines(DATA_DIR / "locatives.txt"))
    names = sorted(gazetteer(), key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"\b(?:{words})\s+({alternatives})\b", re.IGNORECASE)


def sentence_place(sentence: str | None) -> Place | None:
    """The first gazetteer place the sentence puts an action in ("in Genève"), or None."""
    if not sentence:
        return None
    for found in _locative_pattern().finditer(sentence):
        name = found.group(1)
        if not name[0].islower():  # a name, not a common word that spells the same
            return gazetteer()[name.upper()]
    return None


def dateline_place(dateline: str | None) -> Place | None:
    """The gazetteer place of a dateline such as "MOSKOU" or "DEN HAAG", or None."""
    if not dateline:
        return None
    return gazetteer().get(" ".join(dateline.split()).upper())


def action_place(sentence: str | None, dateline: str | None) -> Place | None:
    """Where an event happened: the place its sentence names, else the dateline city."""
    return sentence_place(sentence) or dateline_place(dateline)
