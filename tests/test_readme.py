"""Every command the README shows exists: each `kroniek ...` command and option, each `make` target.

The commands are read from the README's code blocks and inline code. A `kroniek` command must
name a command of the real command group (``kroniek.cli.main``) and only options that command
has; a `make` target must be a target of the Makefile. The cheap ones (no Frog, no store, no
network) are run for real.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kroniek.cli import main

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
MAKEFILE = REPO / "Makefile"
#: the README commands that need neither Frog, a store, gold from ../shared nor the network
CHEAP = ("kroniek rules check", "kroniek rules coverage")


def _shown_lines() -> list[str]:
    """Lines of the README's code blocks, and inline code spans, that start with kroniek or make."""
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M)
    joined = [line for block in blocks for line in block.replace("\\\n", " ").splitlines()]
    inline = re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", text, flags=re.S | re.M))
    return [
        line.strip() for line in joined + inline if line.strip().startswith(("kroniek ", "make "))
    ]


def _words(line: str) -> list[str]:
    """The command's words, without the comment, the output redirection and what follows them."""
    words = shlex.split(line.split(" #", 1)[0])
    for stop in (">", "|", "&", "&&"):
        if stop in words:
            words = words[: words.index(stop)]
    return words


def kroniek_commands() -> list[list[str]]:
    """Every `kroniek ...` command shown, as its words after `kroniek` (output such as
    "kroniek doctor: all 9 checks hold" is no command)."""
    commands = [_words(line)[1:] for line in _shown_lines() if line.startswith("kroniek ")]
    return [words for words in commands if words and not words[0].endswith(":")]


def make_targets() -> list[str]:
    """Every target named after `make` in the README."""
    found = []
    for line in _shown_lines():
        if line.startswith("make "):
            found += [w for w in _words(line)[1:] if not w.startswith("-") and "=" not in w]
    return found


def _resolve(words: list[str]) -> tuple[click.Command, list[str]]:
    """The (sub)command the words name, and the words after it."""
    command: click.Command = main
    rest = list(words)
    while isinstance(command, click.Group) and rest and not rest[0].startswith("-"):
        found = command.get_command(click.Context(command), rest[0])
        if found is None:
            raise AssertionError(
                f"README shows 'kroniek {' '.join(words)}': no command {rest[0]!r}"
            )
        command, rest = found, rest[1:]
    return command, rest


def test_the_readme_shows_commands_of_both_kinds():
    assert len(kroniek_commands()) >= 10 and len(make_targets()) >= 5


@pytest.mark.parametrize("words", kroniek_commands(), ids=" ".join)
def test_every_readme_kroniek_command_and_option_exists(words):
    command, rest = _resolve(words)
    options = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    shown = {word.split("=", 1)[0] for word in rest if word.startswith("--")}
    assert shown <= options, f"kroniek {' '.join(words)}: no option {sorted(shown - options)}"


def test_every_readme_make_target_exists():
    targets = set(re.findall(r"^([\w-]+):", MAKEFILE.read_text(encoding="utf-8"), flags=re.M))
    assert set(make_targets()) - targets == set()


def test_the_check_catches_a_missing_command_and_option():
    with pytest.raises(AssertionError, match="no command 'nosuch'"):
        _resolve(["nosuch"])
    command, rest = _resolve(["rules", "check", "--data-dir", "x"])
    assert command.name == "check" and rest == ["--data-dir", "x"]
    assert "--nosuch" not in {o for p in _resolve(["events"])[0].params for o in p.opts}


@pytest.mark.parametrize("line", CHEAP)
def test_the_cheap_readme_commands_run(line):
    assert any(shown.startswith(line) for shown in _shown_lines()), (
        f"the README no longer shows {line!r}"
    )
    result = CliRunner().invoke(main, _words(line)[1:])
    assert result.exit_code == 0, result.output
    assert result.output.strip()
