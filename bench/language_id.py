"""False-accept and false-reject rates of the language check on tests/data/languages.

    python bench/language_id.py [--chars N ...]

Each file there is a short news page we wrote ourselves, named <code>-<n>.txt: nl (Dutch)
and vls (Flemish, also Dutch) must be kept; every other language must be refused as
"not Dutch (looks like <code>)". Prints, for the whole pages and for their first N
characters (default 60, 120 and 250), how many Dutch pages were refused (false reject),
how many others were kept (false accept) and how many of the refused were named right.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from kroniek.read.language import LanguageCheck

SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "languages"
DUTCH = {"nl": "nl", "vls": "nl"}  # file prefix -> the code the check should give


@dataclass(frozen=True)
class Rates:
    """Outcome of the language check over the set."""

    dutch: int
    rejected: int  # Dutch pages refused
    foreign: int
    accepted: int  # non-Dutch pages kept
    misnamed: list[str]  # non-Dutch pages refused under another language's code

    def line(self, label: str) -> str:
        """One printable line of figures."""
        return (
            f"{label}: false reject {self.rejected}/{self.dutch} "
            f"({self.rejected / self.dutch:.0%}), false accept {self.accepted}/{self.foreign} "
            f"({self.accepted / self.foreign:.0%}), named wrong {len(self.misnamed)} "
            f"{' '.join(self.misnamed)}".rstrip()
        )


def language_set() -> list[tuple[str, str]]:
    """(expected code, text) for every page of the set."""
    pages = []
    for path in sorted(SET.glob("*.txt")):
        prefix = path.stem.split("-")[0]
        pages.append((DUTCH.get(prefix, prefix), path.read_text(encoding="utf-8")))
    return pages


def measure(check: LanguageCheck, chars: int | None = None) -> Rates:
    """Run the check over the set (each text cut to ``chars`` when given)."""
    dutch = rejected = foreign = accepted = 0
    misnamed = []
    for code, text in language_set():
        verdict = check.verdict(text[:chars] if chars else text)
        if code == "nl":
            dutch += 1
            rejected += not verdict.dutch
        else:
            foreign += 1
            accepted += verdict.dutch
            if not verdict.dutch and verdict.code != code:
                misnamed.append(f"{code}->{verdict.code}")
    return Rates(dutch, rejected, foreign, accepted, misnamed)


def main() -> None:
    """Print the rates."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, nargs="*", default=[60, 120, 250])
    args = parser.parse_args()
    check = LanguageCheck()
    print(measure(check).line("whole pages"))
    for chars in args.chars:
        print(measure(check, chars).line(f"first {chars} characters"))


if __name__ == "__main__":
    main()
