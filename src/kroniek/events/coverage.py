"""`kroniek rules coverage`: which CAMEO codes have Dutch triggers, which have a recorded reason
not to (no_trigger.yaml), which have neither; and how large the lexicon is."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import yaml

from kroniek.errors import RulesError
from kroniek.events.patterns import DATA_DIR, load_patterns
from kroniek.words import word_sets


@dataclass(frozen=True)
class Coverage:
    """CAMEO codes by status, and counts of the lexicon's entries."""

    covered: tuple[str, ...]  # codes some pattern codes
    excused: dict[str, str]  # code -> why Dutch news gives no wording for it
    missing: tuple[tuple[str, str], ...]  # (code, label) with neither
    untyped: int  # codes without a PLOVER type (not coded by kroniek)
    sizes: dict[str, int]


def load_no_trigger(path: Path, codes: set[str]) -> dict[str, str]:
    """no_trigger.yaml: CAMEO code -> reason; RulesError naming the file for a bad entry."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []
    found: dict[str, str] = {}
    for entry in raw or []:
        code, reason = str((entry or {}).get("cameo", "")), (entry or {}).get("reason")
        if code not in codes or not reason or set(entry) - {"cameo", "reason"}:
            raise RulesError(
                str(path), f"bad entry {entry!r}: needs a CAMEO code of cameo.tsv and a reason"
            )
        if code in found:
            raise RulesError(str(path), f"CAMEO {code} is listed twice")
        found[code] = str(reason)
    return found


def coverage(data_dir: Path | None = None) -> Coverage:
    """Coverage of the CAMEO codes of cameo.tsv by the patterns and no_trigger.yaml under ``data_dir``."""
    base = Path(data_dir) if data_dir else DATA_DIR
    patterns = load_patterns(base)
    with (base / "cameo.tsv").open(encoding="utf-8") as handle:
        rows = list(
            csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        )
    typed = {row["code"]: row["label"] for row in rows if row.get("plover_type")}
    excused = load_no_trigger(base / "no_trigger.yaml", {row["code"] for row in rows})
    coded = {p.cameo for p in patterns.patterns}
    roots = {
        code[:2] for code in coded
    }  # a root code (a heading, "18 ASSAULT") is covered by its family
    covered = sorted(coded | (roots & set(typed)))
    missing = tuple(
        (code, label)
        for code, label in sorted(typed.items())
        if code not in covered and code not in excused
    )
    sets = word_sets()
    sizes = {
        "patterns": len(patterns.patterns),
        "verb lemmas": len({v for p in patterns.patterns for v in p.verbs}),
        "noun lemmas": len({n for p in patterns.patterns for n in p.nouns}),
        "phrases (with)": len({w for p in patterns.patterns for w in p.with_}),
        "object words": len({o for p in patterns.patterns for o in p.objects}),
        "trigger entries": sum(
            len(p.verbs) + len(p.nouns) + len(p.with_) + len(p.objects) for p in patterns.patterns
        ),
        "cue entries": sum(len(c) for c in patterns.cues.values()),
        "word sets": len(sets),
        "words in sets": sum(len(s.words) for s in sets.values()),
    }
    return Coverage(tuple(covered), excused, missing, len(rows) - len(typed), sizes)
