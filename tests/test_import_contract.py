"""The import contract: which part of kroniek may import which, and only through its front door.

Every top-level package or module of ``src/kroniek`` is a part. A part may import another
only if ALLOWED says so, and only what that part's ``__init__`` offers: no module inside it
(``kroniek.store.access``) and no underscore name. Imports inside functions count too.
A new part, or a new edge, has to be declared here, where the architecture can be read, and in
docs/layout.md, which states it for readers; an edge no longer used is taken out of both.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "kroniek"
LAYOUT = Path(__file__).resolve().parents[1] / "docs" / "layout.md"

#: importable by every part: the shared records, errors, word sets and vocabularies
FOUNDATION = frozenset({"errors", "records", "words", "vocabulary"})

#: part -> the other parts it may import (besides FOUNDATION)
ALLOWED: dict[str, frozenset[str]] = {
    "errors": frozenset(),
    "records": frozenset(),
    "words": frozenset(),
    "vocabulary": frozenset(),
    "people": frozenset(),
    "nlp": frozenset(),
    # the HTML reader hands a page's parts to the layout part, which lays them out in the
    # printed layout the segmenter reads; neither stage imports the other
    "layout": frozenset({"time"}),
    "read": frozenset({"layout"}),
    "segment": frozenset({"layout"}),
    "time": frozenset({"people"}),
    "actors": frozenset({"people"}),
    "events": frozenset(),
    "stories": frozenset({"actors", "time"}),
    "dedup": frozenset(),
    # the store stores what it is given: records in, rows out; no stage's code
    "store": frozenset({"output"}),
    "output": frozenset(),
    "evaluate": frozenset(),
    "pipeline": frozenset(
        {
            "actors",
            "dedup",
            "events",
            "nlp",
            "read",
            "segment",
            "store",
            "stories",
            "time",
        }
    ),
    "cluster": frozenset({"pipeline", "read"}),
    "api": frozenset({"store"}),
    "rules": frozenset(),  # finds kroniek.<family>.checks by name, at run time
    "doctor": frozenset({"nlp", "rules"}),
    "cli": frozenset(
        {
            "actors",
            "api",
            "cluster",
            "doctor",
            "evaluate",
            "events",
            "output",
            "pipeline",
            "read",
            "rules",
            "store",
            "stories",
        }
    ),
    "__main__": frozenset({"cli"}),
}

#: (importing module, imported module): reaches into another part, pinned until it is undone
INTERNAL_EXCEPTIONS: set[tuple[str, str]] = set()


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, path))
    return found


def _part(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def _is_module(dotted: str) -> bool:
    relative = Path(*dotted.split(".")[1:])
    return (SRC / relative).with_suffix(".py").is_file() or (
        SRC / relative / "__init__.py"
    ).is_file()


def _offered(part: str) -> frozenset[str]:
    """The names a part's __init__ offers: its __all__ (or, without one, every name it binds)."""
    init = SRC / part / "__init__.py"
    if not init.is_file():
        return frozenset()
    tree = ast.parse(init.read_text(encoding="utf-8"))
    bound = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            getattr(t, "id", "") == "__all__" for t in node.targets
        ):
            return frozenset(ast.literal_eval(node.value))
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            bound |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.Assign):
            bound |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return frozenset(bound)


def _imports(path: Path) -> list[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every absolute kroniek import."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, None, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.module, alias.name, node.lineno) for alias in node.names]
    return [
        (module, name, line)
        for module, name, line in found
        if module == "kroniek" or module.startswith("kroniek.")
    ]


def contract_breaches() -> list[str]:
    """Every import in src/kroniek that the contract does not allow, as 'file:line: why'."""
    breaches = []
    for module, path in _modules():
        own = _part(module)
        if own and own not in ALLOWED:
            breaches.append(f"{path}: part {own!r} is not declared in ALLOWED")
            continue
        for target, name, line in _imports(path):
            other = _part(target)
            where = f"{path.relative_to(SRC.parents[1])}:{line}"
            if not other or other == own:
                continue
            if other not in FOUNDATION and other not in ALLOWED.get(own, frozenset()):
                breaches.append(f"{where}: {own} may not import {other} ({target})")
            inner = target if target.count(".") > 1 else None
            if (
                name
                and target.count(".") == 1
                and _is_module(f"{target}.{name}")
                and name not in _offered(other)
            ):
                inner = f"{target}.{name}"
            if inner and (module, inner) not in INTERNAL_EXCEPTIONS:
                breaches.append(
                    f"{where}: {own} imports {inner}, a module inside {other}; "
                    f"import from kroniek.{other} what its __init__ offers"
                )
            if name and name.startswith("_"):
                breaches.append(f"{where}: {own} imports the private name {name} of {target}")
    return breaches


def test_no_part_imports_another_parts_internals_or_undeclared_parts():
    assert contract_breaches() == []


#: the stages the pipeline runs (and the pipeline itself): the store never calls one
STAGES = frozenset(
    {"read", "segment", "nlp", "time", "actors", "events", "stories", "dedup", "pipeline"}
)


def test_the_store_only_stores():
    """The store imports no stage: which articles are new, repeats or versions is the dedup
    step's (they share only the plan records), and what a row holds comes in on the records
    (a claim's unit, an event's sentence index) or from the shared vocabulary."""
    assert "store" not in ALLOWED["dedup"]
    assert ALLOWED["store"] <= {"output"} and not ALLOWED["store"] & STAGES
    for module, path in _modules():
        if _part(module) == "store":
            imported = {_part(t) for t, _, _ in _imports(path)} - {"store"}
            assert imported <= FOUNDATION | {"output"}, (path, imported)


def _edges() -> dict[str, set[str]]:
    """part -> the other parts (foundation aside) it imports."""
    edges: dict[str, set[str]] = {part: set() for part in ALLOWED}
    for module, path in _modules():
        own = _part(module)
        for target, _, _ in _imports(path):
            other = _part(target)
            if other and other != own and other not in FOUNDATION:
                edges.setdefault(own, set()).add(other)
    return edges


def test_every_declared_import_is_used():
    """The contract says what the code does: an edge no longer used is taken out of it."""
    assert {part: set(allowed) for part, allowed in ALLOWED.items()} == _edges()


def test_the_layout_doc_states_the_contract():
    """docs/layout.md names every part in its tree and lists ALLOWED as it is."""
    text = LAYOUT.read_text(encoding="utf-8")
    tree = text.split("```")[1]
    for part in ALLOWED:
        assert f" {part}.py " in tree or f" {part}/ " in tree, part
    rows = re.findall(r"^\| `(\w+)` \| (.*?) \|$", text, flags=re.M)
    declared = {part: set() if edges == "—" else set(edges.split(", ")) for part, edges in rows}
    assert declared == {part: set(allowed) for part, allowed in ALLOWED.items()}


def test_the_pinned_exceptions_still_exist():
    """An exception that is no longer needed is taken out of the contract."""
    used = set()
    for module, path in _modules():
        for target, name, _ in _imports(path):
            used |= {
                (module, inner) for inner in (target, f"{target}.{name}")
            } & INTERNAL_EXCEPTIONS
    assert used == INTERNAL_EXCEPTIONS


def test_the_reader_and_the_segmenter_do_not_import_each_other():
    """Read lays a page out, segment splits it: they share the layout part, not each other."""
    for reader, other in (("read", "segment"), ("segment", "read")):
        for path in sorted((SRC / reader).rglob("*.py")):
            assert all(_part(target) != other for target, _, _ in _imports(path)), path


@pytest.mark.parametrize(
    ("source", "breach"),
    [
        ("from kroniek.store.access import open_store\n", "a module inside store"),
        ("from kroniek.store import open_store\n", None),
        ("from kroniek.actors import _private\n", "private name _private"),
        ("from kroniek.pipeline import run\n", "may not import pipeline"),
        ("from kroniek.store import browse\n", "kroniek.store.browse, a module inside store"),
    ],
)
def test_the_check_catches_what_it_should(tmp_path, monkeypatch, source, breach):
    """The checker itself, on a fictional part 'probe' that may import store and actors."""
    root = tmp_path / "kroniek"
    (root / "probe").mkdir(parents=True)
    for part in ("store", "actors"):
        (root / part).mkdir()
        (root / part / "__init__.py").write_text("", encoding="utf-8")
    (root / "store" / "access.py").write_text("", encoding="utf-8")
    (root / "store" / "browse.py").write_text("", encoding="utf-8")
    (root / "probe" / "__init__.py").write_text(source, encoding="utf-8")
    monkeypatch.setitem(globals(), "SRC", root)
    monkeypatch.setitem(ALLOWED, "probe", frozenset({"store", "actors"}))
    found = contract_breaches()
    if breach is None:
        assert found == []
    else:
        assert len(found) == 1 and breach in found[0]
