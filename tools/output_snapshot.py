"""Snapshot of kroniek's extract output: one SHA-256 per page of a fixed page set.

A refactoring must not change what kroniek extracts. This tool runs the pipeline over the
bundled samples and, when ``../shared`` is beside the repo, the seeds and the real-dev pages,
normalises each page's output (the extract JSON plus each article's reported figures, which
the store keeps; paths made relative to its set, run ids and timings dropped) and hashes it.
Only the hashes are committed (``tests/snapshot/extract_sha256.json``), never the text of
``../shared``; ``tests/test_output_snapshot.py`` compares a fresh run with them.

When the output is meant to change (a new rule, a fixed bug), regenerate the snapshot
deliberately, with ../shared present and from the repo root::

    PYTHONPATH=src python tools/output_snapshot.py          # rewrite the snapshot
    PYTHONPATH=src python tools/output_snapshot.py --check  # list the pages that differ
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from kroniek.errors import ReadError
from kroniek.output import page_to_json
from kroniek.pipeline import Resources, run
from kroniek.read import load_captures
from kroniek.records import PageResult

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SNAPSHOT = REPO / "tests" / "snapshot" / "extract_sha256.json"
#: keys whose values change from run to run, dropped wherever they occur in a page's output
VOLATILE_KEYS = frozenset(
    {"run_id", "elapsed", "elapsed_s", "seconds", "took", "timing", "timings"}
)
#: the capture time given to pages that carry none (a file's mtime changes with every copy)
FIXED_CAPTURE = datetime(2026, 1, 29, 10, 0, tzinfo=UTC)


@dataclass(frozen=True)
class PageSet:
    """A named group of inputs, read from under ``root`` as ``kroniek extract`` would."""

    name: str
    root: Path
    inputs: tuple[str, ...]
    captures: str | None = None  # a TSV of capture times under root
    fetched_at: datetime | None = FIXED_CAPTURE  # None: the records carry their own
    shared: bool = False  # read from ../shared, skipped when it is absent

    def present(self) -> bool:
        """Whether every input of the set is on this machine."""
        return all((self.root / given).exists() for given in self.inputs)


PAGE_SETS = (
    PageSet("samples", REPO / "samples", ("pages", "html"), captures="fetched_at.tsv"),
    PageSet("samples-records", REPO / "samples", ("records",), fetched_at=None),
    PageSet("seeds", SHARED, ("seeds",), shared=True),
    PageSet("real-dev", SHARED, ("corpus/real-dev/pages",), shared=True),
)


def normalised(value, root: Path):
    """``value`` with volatile keys dropped and ``root`` cut from every path it names."""
    if isinstance(value, dict):
        return {k: normalised(v, root) for k, v in value.items() if k not in VOLATILE_KEYS}
    if isinstance(value, list):
        return [normalised(v, root) for v in value]
    if isinstance(value, str):
        return value.replace(f"{root}/", "")
    return value


def with_claims(output: dict, result: PageResult) -> dict:
    """The page's JSON with each article's reported figures (stored, not in the contract)."""
    for article, analysed in zip(output["articles"], result.articles, strict=True):
        position = {event.key: n for n, event in enumerate(analysed.events)}
        article["claims"] = [
            {**asdict(claim), "events": [position[key] for key in claim.events]}
            for claim in analysed.claims
        ]
    return output


def page_outputs(page_set: PageSet, res: Resources) -> Iterator[tuple[str, dict]]:
    """(page key, normalised output) for every page of ``page_set``, errors included."""
    paths = [page_set.root / given for given in page_set.inputs]
    if page_set.captures:
        outcomes = run(paths, res, captures=load_captures(page_set.root / page_set.captures))
    else:
        outcomes = run(paths, res, fetched_at=page_set.fetched_at)
    for outcome in outcomes:
        if isinstance(outcome, ReadError):
            output, source = {"read_error": str(outcome)}, outcome.source
        elif outcome.error:
            output, source = {"error": outcome.error}, outcome.page.source
        else:
            output, source = with_claims(page_to_json(outcome), outcome), outcome.page.source
        yield normalised(str(source), page_set.root), normalised(output, page_set.root)


def sha256_of(output: dict) -> str:
    """SHA-256 of one page's normalised output, keys sorted."""
    text = json.dumps(output, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def page_hashes(page_set: PageSet, res: Resources) -> dict[str, str]:
    """Page key -> SHA-256 of its output, for every page of ``page_set``."""
    return {key: sha256_of(output) for key, output in page_outputs(page_set, res)}


def load_snapshot(path: Path = SNAPSHOT) -> dict[str, dict[str, str]]:
    """The committed snapshot: set name -> page key -> SHA-256."""
    return json.loads(path.read_text(encoding="utf-8"))


def differences(expected: dict[str, str], got: dict[str, str]) -> list[str]:
    """One line per page whose output changed, appeared or disappeared."""
    lines = [f"changed: {k}" for k in sorted(expected.keys() & got.keys()) if expected[k] != got[k]]
    lines += [f"missing: {k}" for k in sorted(expected.keys() - got.keys())]
    lines += [f"new: {k}" for k in sorted(got.keys() - expected.keys())]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Rewrite the snapshot, or with --check list the pages whose output differs from it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the snapshot, write nothing"
    )
    args = parser.parse_args(argv)
    absent = [s.name for s in PAGE_SETS if not s.present()]
    if absent and not args.check:
        print(
            f"output_snapshot: {', '.join(absent)} absent ({SHARED}); the snapshot needs every set",
            file=sys.stderr,
        )
        return 2
    old = load_snapshot() if SNAPSHOT.exists() else {}
    snapshot, changed = {}, 0
    # as many workers as extract uses: each text's parses are a Frog document of their own
    # (FrogPool.document), so a page's output does not depend on which pages ran beside it
    with Resources.load() as res:
        for page_set in PAGE_SETS:
            if page_set.name in absent:
                print(f"{page_set.name}: skipped, {page_set.root} is absent", file=sys.stderr)
                continue
            snapshot[page_set.name] = page_hashes(page_set, res)
            lines = differences(old.get(page_set.name, {}), snapshot[page_set.name])
            changed += len(lines)
            print(
                f"{page_set.name}: {len(snapshot[page_set.name])} pages, {len(lines)} differ",
                file=sys.stderr,
            )
            for line in lines:
                print(f"  {line}", file=sys.stderr)
    if args.check:
        return 1 if changed else 0
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snapshot, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"output_snapshot: wrote {SNAPSHOT.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
