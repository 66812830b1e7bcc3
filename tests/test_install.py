"""A user's install: `python3 -m venv v && v/bin/pip install . && v/bin/kroniek extract PAGE`.

With the pip that Python bundles (23.x for Python 3.11, not upgraded), which does not
resolve jusText's `lxml[html_clean]` extra: every import must be declared by kroniek itself.
The wheels come from a folder in pytest's cache (filled from PyPI the first time, offline
afterwards), so the install itself runs offline.
"""

from __future__ import annotations

import ensurepip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.contract import contract_problems

REPO = Path(__file__).resolve().parents[1]
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1", "PIP_CONFIG_FILE": os.devnull}
BUILD = ["setuptools>=68", "wheel"]  # pyproject's build requirements


def _project_copy(folder: Path) -> Path:
    """The files `pip install .` reads, copied, so no build runs inside the working tree."""
    shutil.copytree(
        REPO / "src", folder / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, folder / name)
    return folder


def _run(argv: list[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess:
    env = dict(os.environ, **PIP_ENV)
    env.pop("PYTHONPATH", None)
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project as `pip install .` sees it."""
    return _project_copy(tmp_path_factory.mktemp("kroniek-src"))


@pytest.fixture(scope="module")
def wheels(request, project) -> Path:
    """Wheels of everything `pip install .` needs, kept in pytest's cache between runs."""
    folder = Path(request.config.cache.mkdir("kroniek-wheels"))
    fill = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--wheel-dir",
        str(folder),
        "--find-links",
        str(folder),
        str(project),
        *BUILD,
    ]
    done = _run([*fill[:4], "--no-index", *fill[4:]], cwd=project)  # offline when it can
    if done.returncode != 0:
        done = _run(fill, cwd=project)
    assert done.returncode == 0, f"could not fill {folder}:\n{done.stderr[-3000:]}"
    for built in folder.glob("kroniek-*.whl"):
        built.unlink()  # the test installs the source, not a wheel of an older copy
    return folder


def test_fresh_venv_with_bundled_pip_installs_and_extracts(
    frog_ready, project, wheels, tmp_path, shared_dir
):
    venv = tmp_path / "v"
    done = _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pip_version = _run([str(venv / "bin" / "pip"), "--version"], cwd=tmp_path).stdout
    assert pip_version.startswith(f"pip {ensurepip.version()} "), pip_version

    done = _run(
        [str(venv / "bin" / "pip"), "install", "--no-index", "--find-links", str(wheels), "."],
        cwd=project,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]

    page = sorted((shared_dir / "seeds").glob("*.txt"))[0]
    done = _run(
        [
            str(venv / "bin" / "kroniek"),
            "extract",
            str(page),
            "--workers",
            "1",
            "--fetched-at",
            "2026-01-29T10:00:00Z",
        ],
        cwd=tmp_path,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    [line] = done.stdout.splitlines()
    result = json.loads(line)
    assert result["doc"] == page.stem and result["language"] == "nl"
    assert contract_problems(result) == [] and result["articles"]
