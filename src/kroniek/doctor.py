"""`kroniek doctor`: can this machine run kroniek? One verdict per check, with the exact fix.

Checks, in order: the Python packages import; Frog is found (and its version); the data
Frog reads (frogdata, and ucto's tokenizer rules in uctodata) is where that Frog looks;
each Frog mode (tag, parse) starts and answers a Dutch sentence; there is memory for the
pools; Chromium (only the UI tests use it); the database path is writable; the
dictionaries are valid (`kroniek rules check`). Every check returns a `Check`; the
command exits 0 only when all of them hold.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kroniek.errors import KroniekError

DEBIAN_PACKAGES = ("frog", "frogdata", "ucto", "uctodata")
SENTENCE = "Rusland en Iran tekenden gisteren in Moskou een verdrag."
# resident memory per Frog server, measured with Frog 0.20 (frogdata 0.18): tag mode
# 0.37 GiB, parse mode 1.4 GiB, plus the child Frog forks per connection and Python itself
TAG_GIB = 0.4
PARSE_GIB = 1.5
PYTHON_GIB = 0.3
# the modules every stage imports; importing them finds a missing dependency
# (e.g. jusText's lxml.html.clean) before a page does
STAGES = ("kroniek.pipeline", "kroniek.read", "kroniek.store", "kroniek.api", "kroniek.dedup")
NO_APT = "without apt, install Frog and its data as README.md says ('Without apt')"


@dataclass(frozen=True)
class Check:
    """One check's outcome: a one-line verdict and, when it fails, the exact fix."""

    name: str
    ok: bool
    verdict: str
    fix: str | None = None

    def lines(self) -> list[str]:
        """The check as printed: 'ok' or 'FAIL', its name and verdict, then the fix."""
        head = f"{'ok' if self.ok else 'FAIL':<5} {self.name:<9} {self.verdict}"
        return [head] if self.ok or not self.fix else [head, f"{'':<5} {'':<9} fix: {self.fix}"]


def _root() -> str:
    """'sudo ' unless we are root already."""
    return "" if os.geteuid() == 0 else "sudo "


def install_fix(packages: tuple[str, ...] = DEBIAN_PACKAGES) -> str:
    """The command that installs `packages` here (Debian/Ubuntu), or where to read how."""
    if Path("/etc/debian_version").exists():
        return f"{_root()}apt-get install --no-install-recommends {' '.join(packages)}"
    return NO_APT


def check_python() -> Check:
    """Every pipeline stage imports, so no declared (or undeclared) dependency is missing."""
    from importlib.metadata import PackageNotFoundError, version

    for module in STAGES:
        try:
            importlib.import_module(module)
        except ImportError as err:
            said = " ".join(str(err).split())
            return Check(
                "python",
                False,
                f"{module} does not import: {said}",
                "reinstall kroniek here (make python, or pip install .); if that does "
                "not help, pyproject.toml misses a dependency",
            )
    try:
        own = version("kroniek")
    except PackageNotFoundError:
        own = "from source"
    return Check(
        "python", True, f"kroniek {own} on Python {sys.version.split()[0]}; every stage imports"
    )


def frog_path(executable: str = "frog") -> str | None:
    """Where `executable` is found (on PATH unless it is a path), or None."""
    return shutil.which(executable)


def check_frog(executable: str = "frog") -> Check:
    """Frog is found and `frog --version` answers; the verdict names its version."""
    path = frog_path(executable)
    if path is None:
        return Check(
            "frog", False, f"Frog is not installed: no {executable!r} on PATH", install_fix()
        )
    with tempfile.TemporaryDirectory(prefix="kroniek-doctor-") as cwd:  # Frog writes debug files
        try:
            done = subprocess.run(
                [path, "--version"],
                cwd=cwd,
                capture_output=True,
                text=True,
                timeout=60,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as err:
            return Check("frog", False, f"{path} --version failed: {err}", install_fix())
    said = (done.stdout + done.stderr).strip().splitlines()
    first = next((line for line in said if line.lower().startswith("frog ")), "")
    if done.returncode != 0 or not first:
        tail = " | ".join(said[-2:]) or f"exit status {done.returncode}"
        return Check("frog", False, f"{path} --version failed: {tail}", install_fix())
    name = first.split(" (")[0].replace("frog", "Frog", 1)
    return Check("frog", True, f"{name} at {path}")


def data_dirs(executable: str = "frog") -> tuple[Path, Path] | None:
    """Where the Frog found reads its Dutch config and ucto's rules: <prefix>/share/...

    The prefix is the folder above Frog's bin/, as found on PATH or, when that is a link
    (Homebrew), as linked to; the first with frogdata in it wins. None without Frog.
    """
    path = frog_path(executable)
    if path is None:
        return None
    found = Path(path).absolute()
    shares = [found.parent.parent / "share", found.resolve().parent.parent / "share"]
    share = next((s for s in shares if (s / "frog" / "nld" / "frog.cfg").is_file()), shares[0])
    ucto = next(
        (s / "ucto" for s in shares if (s / "ucto" / "tokconfig-nld").is_file()), share / "ucto"
    )
    return share / "frog" / "nld", ucto


def check_data(executable: str = "frog") -> Check:
    """frogdata's Dutch config and uctodata's Dutch tokenizer rules are beside that Frog."""
    dirs = data_dirs(executable)
    if dirs is None:
        return Check("data", False, "not looked for: Frog is not installed", install_fix())
    frog_dir, ucto_dir = dirs
    wanted = {"frogdata": frog_dir / "frog.cfg", "uctodata": ucto_dir / "tokconfig-nld"}
    missing = [package for package, path in wanted.items() if not path.is_file()]
    if missing:
        where = ", ".join(f"{wanted[package]} ({package})" for package in missing)
        packages: tuple[str, ...] = ("frogdata",) if "frogdata" in missing else ()
        if "uctodata" in missing:
            packages += ("ucto", "uctodata")
        return Check("data", False, f"missing {where}", install_fix(packages))
    return Check("data", True, f"frogdata in {frog_dir}, uctodata in {ucto_dir}")


def check_mode(
    mode: str,
    executable: str = "frog",
    pool=None,
    sentence: str = SENTENCE,
    startup_timeout: float = 300.0,
) -> Check:
    """Frog in `mode` starts and answers a Dutch `sentence` (at least four words).

    With `pool` (a FrogPool of that mode) that pool is tried and left running; otherwise a
    one-process pool is started for the check and stopped again.
    """
    from kroniek.nlp import MODES, FrogPool

    if frog_path(executable) is None:
        return Check(mode, False, "not tried: Frog is not installed", install_fix())
    own = pool is None
    if own:
        pool = FrogPool(
            mode=mode, size=1, executable=executable, cache_size=0, startup_timeout=startup_timeout
        )
    t0 = time.monotonic()
    try:
        rows = pool.analyse_raw(sentence)
    except KroniekError as err:
        return Check(mode, False, err.problem, _mode_fix(mode, err.problem, executable))
    finally:
        if own:
            pool.close()
    seconds = time.monotonic() - t0
    tokens = [row for sentence in rows for row in sentence]
    words = sentence.split()
    if len(tokens) < len(words) or tokens[0][1:2] != (words[0],):
        return Check(
            mode,
            False,
            f"Frog ({mode} mode) answered, but not with the tokens of {sentence!r}: {tokens[:2]}",
            f"run Frog by hand to see its log: frog {MODES[mode]} -t FILE",
        )
    if mode == "parse" and not any("ROOT" in row[8:] for row in tokens):
        return Check(
            mode,
            False,
            "Frog (parse mode) answered without a dependency parse",
            f"run Frog by hand to see its log: frog {MODES[mode]} -t FILE",
        )
    return Check(
        mode,
        True,
        f"Frog ({mode} mode) started and answered a Dutch sentence "
        f"({len(tokens)} tokens) in {seconds:.1f} s",
    )


def _mode_fix(mode: str, problem: str, executable: str) -> str:
    """The fix for a Frog mode that did not start, from what Frog said."""
    from kroniek.nlp import MODES

    if "[tokenizer]" in problem:
        return f"Frog's tokenizer has no rules: {install_fix(('ucto', 'uctodata'))}"
    if "did not open port" in problem:
        return (
            f"give Frog more time or memory (parse mode needs ~{PARSE_GIB} GiB); "
            "see the memory check"
        )
    return f"{install_fix()}; to see Frog's whole log: {executable} {MODES[mode]} -t FILE"


def available_gib() -> float | None:
    """Memory available to new processes (MemAvailable), in GiB; None when unknown."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 2**20
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30
    except (ValueError, OSError, AttributeError):
        return None


def needed_gib(workers: int) -> float:
    """Memory `workers` tag + parse Frog servers and the Python process take, in GiB."""
    return workers * (TAG_GIB + PARSE_GIB) + PYTHON_GIB


def default_workers() -> int:
    """Pages analysed at once when --workers is not given (as Resources.load does)."""
    return min(2, os.cpu_count() or 1)


def check_memory(workers: int | None = None, available: float | None = None) -> Check:
    """Enough memory is available for one tag and one parse Frog per worker."""
    workers = workers or default_workers()
    have = available if available is not None else available_gib()
    need = needed_gib(workers)
    detail = (
        f"{workers} worker{'s' if workers != 1 else ''} need about {need:.1f} GiB "
        f"(per worker a tag Frog {TAG_GIB} + a parse Frog {PARSE_GIB} GiB)"
    )
    if have is None:
        return Check("memory", True, f"available memory unknown; {detail}")
    if have < need:
        fix = (
            f"run with --workers 1 (about {needed_gib(1):.1f} GiB)"
            if workers > 1
            else f"free memory: a parse Frog alone needs about {PARSE_GIB} GiB"
        )
        return Check("memory", False, f"{have:.1f} GiB available, but {detail}", fix)
    return Check("memory", True, f"{have:.1f} GiB available; {detail}")


def check_chromium() -> Check:
    """Chromium is installed, and Playwright's driver runs when it is (UI tests only)."""
    path = shutil.which("chromium")
    if path is None:
        return Check(
            "chromium",
            False,
            "Chromium is not installed (only the UI tests need it)",
            install_fix(("chromium",)) + "; or kroniek doctor --no-ui",
        )
    done, said = _run_version([path, "--version"])
    if done is None or done.returncode != 0:
        return Check(
            "chromium", False, f"{path} --version failed: {said}", install_fix(("chromium",))
        )
    browser = f"{said.splitlines()[0]} at {path}"
    if importlib.util.find_spec("playwright") is None:
        return Check("chromium", True, f"{browser} (UI tests; Playwright is not installed)")
    driver, words = _run_version([sys.executable, "-m", "playwright", "--version"])
    if driver is None or driver.returncode != 0:
        fix = (
            install_fix(("libatomic1",))
            if "libatomic" in words
            else "reinstall the test tools: pip install -e '.[test]' (make python)"
        )
        return Check(
            "chromium", False, f"{browser}, but Playwright's driver does not run: {words}", fix
        )
    return Check("chromium", True, f"{browser} (UI tests, Playwright {words.split()[-1]})")


def _run_version(argv: list[str]) -> tuple[subprocess.CompletedProcess | None, str]:
    """Run a `--version` command; its outcome (None if it could not run) and last words."""
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        return None, str(err)
    lines = (done.stdout.strip() or done.stderr.strip()).splitlines()
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or lines
        return done, " ".join(lines[-1:])[-300:]
    return done, "\n".join(lines)


def check_database(db: str | Path) -> Check:
    """The DuckDB file can be created or written, and so can its folder (for the WAL file)."""
    path = Path(db)
    folder = path.absolute().parent
    fix = f"choose a writable path with --db, or make {folder} writable"
    if path.exists() and not path.is_file():
        return Check("database", False, f"{path} exists and is not a file", fix)
    if not folder.is_dir():
        return Check(
            "database",
            False,
            f"{path}: the folder {folder} does not exist",
            f"mkdir -p {folder}, or choose another path with --db",
        )
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".kroniek-doctor-"):
            pass
    except OSError as err:
        return Check("database", False, f"{path}: cannot write in {folder}: {err.strerror}", fix)
    if path.exists():
        if not os.access(path, os.R_OK | os.W_OK):
            return Check("database", False, f"{path} exists but is not writable", fix)
        return Check("database", True, f"{path} exists and is writable")
    return Check("database", True, f"{path} can be created (it does not exist yet)")


def check_dictionaries(data_dir: str | Path | None = None) -> Check:
    """The dictionaries (default: the packaged ones) validate, as `kroniek rules check`."""
    from kroniek.rules import DATA_DIR, SUFFIXES, check_rules

    root = Path(data_dir) if data_dir is not None else DATA_DIR
    problems = check_rules(root)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return Check(
            "rules",
            False,
            f"{problems[0]}{more}".removeprefix("kroniek: "),
            "kroniek rules check lists every problem with file:line; fix those lines",
        )
    count = sum(1 for p in root.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    return Check("rules", True, f"{count} dictionary files valid")


def frog_checks(executable: str = "frog") -> Iterator[Check]:
    """The Frog checks alone: found, data, tag mode, parse mode (the test suite's gate)."""
    yield check_frog(executable)
    yield check_data(executable)
    for mode in ("tag", "parse"):
        yield check_mode(mode, executable)


def run_checks(
    db: str | Path = "kroniek.duckdb",
    workers: int | None = None,
    ui: bool = True,
    executable: str = "frog",
) -> Iterator[Check]:
    """Every check, in the order `kroniek doctor` prints them."""
    yield check_python()
    yield from frog_checks(executable)
    yield check_memory(workers)
    if ui:
        yield check_chromium()
    yield check_database(db)
    yield check_dictionaries()
