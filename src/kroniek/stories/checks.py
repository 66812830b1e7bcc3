"""`kroniek rules check` for data/stories: the unit families of `kroniek claims`."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kroniek.errors import RulesError

ID = re.compile(r"^unit\.[a-z_]+$")


def _line(lines: list[str], needle: str) -> int:
    return next((n for n, line in enumerate(lines, start=1) if needle in line), 1)


def check(folder: Path) -> list[RulesError]:
    """Unit families need a unique unit.* id and a non-empty list of lower-case words."""
    path = folder / "units.yaml"
    if not path.is_file():
        return [RulesError(str(path), "missing", "kroniek claims reads its unit families here")]
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    data = yaml.safe_load(text)
    families = data.get("families") if isinstance(data, dict) else None
    if not isinstance(families, list):
        return [RulesError(f"{path}:1", "no 'families' list")]
    problems: list[RulesError] = []
    seen: set[str] = set()
    owner: dict[str, str] = {}
    for family in families:
        fid = str(family.get("id", "")) if isinstance(family, dict) else ""
        where = f"{path}:{_line(lines, fid) if fid else 1}"
        if not ID.match(fid):
            problems.append(RulesError(where, f"bad family id {fid!r}", "use unit.<name>"))
            continue
        if fid in seen:
            problems.append(RulesError(where, f"duplicate family id {fid}"))
        seen.add(fid)
        words = family.get("words")
        if not isinstance(words, list) or not words:
            problems.append(RulesError(where, f"{fid}: no words"))
            continue
        for word in words:
            if not isinstance(word, str) or word != word.lower() or not word.strip():
                problems.append(RulesError(where, f"{fid}: word {word!r} must be lower-case text"))
            elif word in owner:
                problems.append(RulesError(where, f"{fid}: word {word!r} is also in {owner[word]}"))
            else:
                owner[word] = fid
    return problems
