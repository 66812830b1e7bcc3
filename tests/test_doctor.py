"""`kroniek doctor` and the test session's Frog gate, as a user meets them.

The failure cases are real failures: an empty PATH (no Frog at all), and a `frog` earlier on
PATH that exits at startup the way Frog does when ucto's rules are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.frog_gate import EXIT_CODE

from kroniek import doctor
from kroniek.nlp.pool import MODES

REPO = Path(__file__).resolve().parents[1]
KRONIEK = [sys.executable, "-m", "kroniek"]
# what Frog 0.20 prints when /usr/share/ucto/tokconfig-nld (uctodata) is missing
FROG_INIT_FAILED = (
    "frog-:Initialization failed for: [tokenizer] \nfrog-:fatal error: Frog init failed\n"
)


def fake_frog(prefix: Path, failing: str = "tag parse", data: bool = False) -> Path:
    """A `frog` under prefix/bin that exits at startup in the `failing` modes.

    Modes not failing run the real Frog. With `data`, prefix/share links to the real data.
    """
    real = doctor.frog_path()
    skips = MODES
    bin_dir = prefix / "bin"
    bin_dir.mkdir(parents=True)
    cases = "".join(
        f'  *"{skips[mode]} "*) printf "{FROG_INIT_FAILED}" >&2; exit 1;;\n'
        for mode in failing.split()
    )
    script = bin_dir / "frog"
    script.write_text(
        "#!/bin/sh\n"
        'case "$*" in\n'
        '  *--version*) echo "frog 0.20 (c) CLTS, ILK 1998 - 2020"; exit 0;;\n'
        f"{cases}"
        "esac\n"
        f'exec {real or "false"} "$@"\n'
    )
    script.chmod(0o755)
    if data:
        frog_dir, ucto_dir = doctor.data_dirs()
        (prefix / "share" / "frog").mkdir(parents=True)
        (prefix / "share" / "frog" / "nld").symlink_to(frog_dir)
        (prefix / "share" / "ucto").symlink_to(ucto_dir)
    return bin_dir


def run_doctor(tmp_path: Path, path: str, *args: str) -> subprocess.CompletedProcess:
    """`kroniek doctor` with PATH set to `path`, checking a database in tmp_path."""
    env = dict(os.environ, PATH=path, PYTHONPATH=str(REPO / "src"))
    return subprocess.run(
        [*KRONIEK, "doctor", "--db", str(tmp_path / "k.duckdb"), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def verdicts(done: subprocess.CompletedProcess) -> dict[str, str]:
    """Each check's printed line (without its name column) and fix, by check name."""
    found: dict[str, str] = {}
    name = ""
    for line in done.stdout.splitlines():
        if line.startswith(("ok ", "FAIL ")):
            status, name, verdict = line.split(None, 2)
            found[name] = f"{status} {verdict}"
        else:
            found[name] += "\n" + line.strip()
    return found


def test_all_checks_hold_on_this_machine(frog_ready, tmp_path):
    done = run_doctor(tmp_path, os.environ["PATH"])
    assert done.returncode == 0, done.stdout + done.stderr
    seen = verdicts(done)
    assert list(seen) == [
        "python",
        "frog",
        "data",
        "tag",
        "parse",
        "memory",
        "chromium",
        "database",
        "rules",
    ]
    assert all(line.startswith("ok ") for line in seen.values()), done.stdout
    assert seen["frog"].startswith("ok Frog 0.")
    assert "answered a Dutch sentence" in seen["parse"]
    assert done.stderr.strip() == "kroniek doctor: all 9 checks hold"


def test_frog_missing_says_so_and_how_to_install(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_doctor(tmp_path, str(empty), "--no-ui")
    assert done.returncode == 1
    seen = verdicts(done)
    fix = doctor.install_fix()
    assert "frog frogdata ucto uctodata" in fix or fix == doctor.NO_APT
    assert seen["frog"] == f"FAIL Frog is not installed: no 'frog' on PATH\nfix: {fix}"
    assert seen["data"] == f"FAIL not looked for: Frog is not installed\nfix: {fix}"
    assert seen["tag"] == f"FAIL not tried: Frog is not installed\nfix: {fix}"
    assert seen["parse"] == f"FAIL not tried: Frog is not installed\nfix: {fix}"
    assert seen["python"].startswith("ok ") and seen["rules"].startswith("ok ")
    assert "chromium" not in seen
    assert done.stderr.strip() == "kroniek doctor: 4 of 8 checks failed (frog, data, tag, parse)"


def test_a_mode_that_exits_at_start_shows_frogs_words_and_the_fix(tmp_path):
    bin_dir = fake_frog(tmp_path / "prefix")
    done = run_doctor(tmp_path, f"{bin_dir}:{os.environ['PATH']}", "--no-ui")
    assert done.returncode == 1
    seen = verdicts(done)
    assert seen["frog"] == f"ok Frog 0.20 at {bin_dir / 'frog'}"
    share = tmp_path / "prefix" / "share"
    assert seen["data"] == (
        f"FAIL missing {share}/frog/nld/frog.cfg (frogdata), {share}/ucto/tokconfig-nld "
        f"(uctodata)\nfix: {doctor.install_fix(('frogdata', 'ucto', 'uctodata'))}"
    )
    for mode in ("tag", "parse"):
        assert seen[mode] == (
            f"FAIL Frog ({mode} mode) exited during startup: frog-:Initialization failed for: "
            "[tokenizer]  | frog-:fatal error: Frog init failed\n"
            f"fix: Frog's tokenizer has no rules: {doctor.install_fix(('ucto', 'uctodata'))}"
        )
    assert done.stderr.strip() == "kroniek doctor: 3 of 8 checks failed (data, tag, parse)"


def test_only_the_mode_that_fails_is_reported(frog_ready, tmp_path):
    bin_dir = fake_frog(tmp_path / "prefix", failing="parse", data=True)
    done = run_doctor(tmp_path, f"{bin_dir}:{os.environ['PATH']}", "--no-ui")
    assert done.returncode == 1
    seen = verdicts(done)
    assert seen["data"].startswith("ok frogdata in ")
    assert seen["tag"].startswith("ok Frog (tag mode) started and answered a Dutch sentence")
    assert seen["parse"].startswith("FAIL Frog (parse mode) exited during startup: ")
    assert done.stderr.strip() == "kroniek doctor: 1 of 8 checks failed (parse)"


def test_the_test_session_stops_at_the_first_frog_that_cannot_start(tmp_path):
    bin_dir = fake_frog(tmp_path / "prefix")
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    env.pop("KRONIEK_SKIP_FROG_TESTS", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "tests/nlp",
            "tests/test_cli.py",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = done.stdout + done.stderr
    assert done.returncode == EXIT_CODE, out
    assert out.count("Frog cannot run here") == 1
    assert out.count("exited during startup: frog-:Initialization failed for: [tokenizer]") == 1
    assert "fix: Frog's tokenizer has no rules" in out
    assert "Traceback" not in out and "FAILED" not in out and "ERROR" not in out


def test_memory_verdicts():
    enough = doctor.check_memory(workers=2, available=8.0)
    assert enough.ok and enough.verdict.startswith("8.0 GiB available; 2 workers need about 4.1")
    short = doctor.check_memory(workers=2, available=3.0)
    assert not short.ok
    assert short.verdict.startswith("3.0 GiB available, but 2 workers need about 4.1 GiB")
    assert short.fix == "run with --workers 1 (about 2.2 GiB)"
    assert not doctor.check_memory(workers=1, available=1.0).ok


def test_database_verdicts(tmp_path):
    assert doctor.check_database(tmp_path / "k.duckdb").verdict.endswith(
        "can be created (it does not exist yet)"
    )
    missing = doctor.check_database(tmp_path / "nowhere" / "k.duckdb")
    assert not missing.ok and missing.verdict.endswith(
        f"the folder {tmp_path / 'nowhere'} does not exist"
    )
    folder = doctor.check_database(tmp_path)
    assert not folder.ok and folder.verdict == f"{tmp_path} exists and is not a file"
    if Path("/proc/version").is_file():  # a read-only folder even for root
        proc = doctor.check_database("/proc/k.duckdb")
        assert not proc.ok and proc.verdict.startswith("/proc/k.duckdb: cannot write in /proc")


def test_dictionary_verdicts(tmp_path):
    assert doctor.check_dictionaries().ok
    (tmp_path / "broken.yaml").write_text("# Sources: none\nkey: [unclosed\n", encoding="utf-8")
    broken = doctor.check_dictionaries(tmp_path)
    assert not broken.ok and broken.verdict.startswith(f"{tmp_path / 'broken.yaml'}:")
    assert "not valid YAML" in broken.verdict
    assert broken.fix.startswith("kroniek rules check lists every problem")


def test_a_chromium_that_does_not_run_is_reported(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "chromium"
    script.write_text(
        "#!/bin/sh\necho 'chromium: error while loading shared libraries' >&2\nexit 127\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    check = doctor.check_chromium()
    assert not check.ok
    assert check.verdict == (
        f"{script} --version failed: chromium: error while loading shared libraries"
    )
    assert check.fix == doctor.install_fix(("chromium",))


@pytest.mark.parametrize("name", ["chromium", "python"])
def test_other_checks_hold_here(name):
    check = {"chromium": doctor.check_chromium, "python": doctor.check_python}[name]()
    if name == "chromium" and shutil.which("chromium") is None:
        assert not check.ok and "only the UI tests need it" in check.verdict
    else:
        assert check.ok, check.verdict
