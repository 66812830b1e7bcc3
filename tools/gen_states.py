"""Maintenance script: write the first draft of data/actors/states.tsv from CLDR.

Run once by hand (``python tools/gen_states.py OUT``); the output is then
edited by hand (variants, adjectives, inhabitants, capitals) and the edited file is the
source of truth. Never imported by the library.
"""

from __future__ import annotations

import sys
from pathlib import Path

import babel
import pycountry

# Territories with no permanent population or no place in the news.
SKIP = {"ATA", "BVT", "HMD", "SGS", "UMI", "IOT", "ATF", "CCK", "CXR", "NFK", "PCN", "ALA"}

HEADER = """\
# kroniek actor dictionary: states and territories.
# Sources: country names from CLDR (Unicode Common Locale Data Repository) Dutch territory
#   names via Babel (babel.Locale('nl').territories), codes from ISO 3166-1 alpha-3 via
#   pycountry; variants, adjectives, inhabitants, capitals and seats of power added by hand
#   by the kroniek authors (common Dutch usage, Taalunie country-name list conventions).
# Columns: id, kind, code, sector, terms ("|"-separated), note.
#   kind name|adj|people|capital: adj terms are base forms, the "-e" form is generated.
"""


def draft_rows() -> list[str]:
    """One name row per ISO country, with the CLDR Dutch name."""
    names = babel.Locale("nl").territories
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        if country.alpha_3 in SKIP or country.alpha_2 not in names:
            continue
        code = country.alpha_3
        rows.append(f"actor.state.{code}.name\tname\t{code}\tGOV\t{names[country.alpha_2]}\t")
    return rows


def main(out: str) -> None:
    """Write the draft file to OUT."""
    Path(out).write_text(HEADER + "\n".join(draft_rows()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
