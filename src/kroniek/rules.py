"""`kroniek rules check`: validate every dictionary family under data/, with file:line sources.

Each folder data/<family>/ is checked by the function `check(folder) -> list[RulesError]`
of the module `kroniek.<family>.checks` (kroniek.actors.checks for data/actors,
kroniek.events.checks for data/events, ...). A family adds its checks by defining that
module (a folder without one gets the generic checks only); nothing is registered at
import time. Generic checks every file gets here: the
comment header naming sources, and readable YAML/TSV.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import yaml

from kroniek.errors import RulesError

DATA_DIR = Path(__file__).parent / "data"
SUFFIXES = (".yaml", ".yml", ".tsv")


def check_header(path: Path) -> list[RulesError]:
    """A dictionary file must start with a '#' comment header that names its sources."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    if not header:
        return [
            RulesError(
                f"{path}:1",
                "no comment header",
                "start the file with '# ...' lines naming its sources",
            )
        ]
    if not any("source" in line.lower() for line in header):
        return [
            RulesError(
                f"{path}:1", "the header does not name its sources", "add a '# Sources: ...' line"
            )
        ]
    return []


def check_syntax(path: Path) -> list[RulesError]:
    """YAML files must parse; TSV files must be UTF-8 with no stray carriage returns."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return [RulesError(str(path), f"not UTF-8: {err}")]
    if path.suffix in (".yaml", ".yml"):
        try:
            yaml.safe_load(text)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark else str(path)
            return [RulesError(where, f"not valid YAML: {getattr(err, 'problem', err)}")]
    for number, line in enumerate(text.split("\n"), start=1):
        if line.endswith("\r"):
            return [
                RulesError(
                    f"{path}:{number}", "carriage return in line", "save with Unix line ends"
                )
            ]
    return []


def check_family(folder: Path) -> list[RulesError]:
    """Run kroniek.<family>.checks.check(folder) for one data folder."""
    module_name = f"kroniek.{folder.name}.checks"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name not in (module_name, f"kroniek.{folder.name}"):
            raise
        return []
    return list(module.check(folder))


def check_rules(data_dir: Path | None = None) -> list[RulesError]:
    """Every problem found in the dictionary files under `data_dir`; an empty list means valid."""
    root = Path(data_dir) if data_dir is not None else DATA_DIR
    if not root.is_dir():
        return [RulesError(str(root), "not a directory")]
    problems: list[RulesError] = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in SUFFIXES:
            problems.extend(check_syntax(path) or check_header(path))
    for folder in sorted(
        p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
    ):
        problems.extend(check_family(folder))
    return problems
