"""The named word sets of data/words: loading, strict validation, use by the coder, and no
Dutch word lists left in the Python code."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path

import pytest

from kroniek.errors import RulesError
from kroniek.words import load_word_sets, word_set, word_sets
from kroniek.words.checks import check


def test_sets_load_and_carry_ids():
    sets = word_sets()
    assert "dat" in word_set("subordinators")
    assert sets["subordinators"].id == "words.subordinators"
    assert sets["subordinators"].source.split(":")[-1].isdigit()


def test_unknown_set_names_the_folder():
    with pytest.raises(KeyError, match="no word set 'nonexistent'"):
        word_set("nonexistent")


def test_bad_files_are_reported_with_file_and_line(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "# Sources: test\ngood:\n  words: [een]\nBad Name:\n  words: [x]\n"
    )
    (tmp_path / "b.yaml").write_text(
        "# Sources: test\nempty:\n  words: []\ntypo:\n  wrods: [x]\ngood:\n  words: [twee]\n"
    )
    problems = [str(p) for p in check(tmp_path)]
    assert any("a.yaml:4" in p and "Bad Name" in p for p in problems)
    assert any("b.yaml:2" in p and "non-empty" in p for p in problems)
    assert any("b.yaml:4" in p and "typo" in p for p in problems)
    assert any("b.yaml:6" in p and "defined twice" in p for p in problems)
    with pytest.raises(RulesError):
        load_word_sets(tmp_path)


# --- Dutch stays in data: no Dutch word lists in the Python code

SRC = Path(__file__).resolve().parents[1] / "src" / "kroniek"
WORDLIKE = re.compile(r"[a-zà-ÿ][a-zà-ÿ' -]*")
ALTERNATION = re.compile(r"[a-zà-ÿ' ]+(?:\|[a-zà-ÿ' ]+){2,}")


def _dutch_words() -> set[str]:
    """Every word and phrase of the word sets and of the time stage's word lists."""
    from kroniek.time.rules import default_rules

    known = {w for ws in word_sets().values() for w in ws.words}
    rules = default_rules()
    for table in (rules, rules.numbers):
        for f in fields(table):
            value = getattr(table, f.name)
            if isinstance(value, (Mapping, tuple, frozenset)):
                known |= {w for w in value if isinstance(w, str)}
    return known


def _string_lists(tree: ast.AST):
    """(line, strings) of every set, tuple or list literal, dict's keys, ``"a b c".split()`` and
    regex alternation ``a|b|c`` outside docstrings in the tree."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            yield node.lineno, node.func.value.value.split()
            continue
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            for run in ALTERNATION.findall(node.value):
                yield node.lineno, run.split("|")
            continue
        else:
            continue
        yield (
            node.lineno,
            [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)],
        )


def dutch_lists(source: str, known: set[str]) -> list[tuple[int, list[str]]]:
    """(line, words) of every literal in ``source`` that lists three or more lower-case words of
    which two, or half, are Dutch words the dictionaries know (code words such as kind names and
    units are not, so they pass)."""
    found = []
    for line, strings in _string_lists(ast.parse(source)):
        words = [s for s in strings if WORDLIKE.fullmatch(s)]
        dutch = [w for w in words if w in known]
        if len(words) >= 3 and (len(dutch) >= 2 or 2 * len(dutch) >= len(words)):
            found.append((line, words))
    return found


def test_the_scan_tells_dutch_lists_from_code_words():
    source = (
        '"""Docstring: [van|in|uit place]."""\n'
        'KINDS = ("name", "adj", "people", "capital")\n'
        'UNITS = {"second": "minute", "hour": "hour", "week": "week"}\n'
        'ok = word in ("namens", "uit", "van")\n'
        'SHIFT = r"(?P<ys>dit|vorig|verleden)\\s+jaar"\n'
        'STOP = "de het een in op".split()\n'
    )
    assert sorted(line for line, _ in dutch_lists(source, _dutch_words())) == [4, 5, 6]


def test_no_dutch_word_lists_in_python():
    """Dutch belongs in data: no Dutch word list in src/kroniek (data excluded). Move such a list
    to data/words/*.yaml and read it with ``word_set``."""
    known = _dutch_words()
    found = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).parts
        if "data" in parts:
            continue
        for line, words in dutch_lists(path.read_text(encoding="utf-8"), known):
            found.append(f"{path.relative_to(SRC.parents[1])}:{line}: {', '.join(words)}")
    assert not found, "Dutch word lists in Python (move them to data/words):\n" + "\n".join(found)
