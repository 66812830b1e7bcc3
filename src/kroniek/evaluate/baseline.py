"""The quality gate: metric floors pinned in a YAML file, checked against fresh scores.

A baseline file looks like::

    # floors for kroniek eval on the seed gold; lowering one is a deliberate act
    floors:
      events.f1: 0.40
      events_fact.f1: 0.35
      dyads: {f1: 0.50}
      segmentation.share: 1.0
      per_type.AGREE.recall: 0.5

Keys are dotted paths into ``scores_to_dict`` (nested mappings are flattened the same way).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from kroniek.errors import KroniekError
from kroniek.evaluate.score import Scores, scores_to_dict

TOLERANCE = 1e-9


@dataclass(frozen=True)
class Baseline:
    """Metric floors (dotted metric name -> lowest acceptable value) read from one file."""

    path: str
    floors: Mapping[str, float]


def _flatten(prefix: str, value: object, out: dict[str, object]) -> None:
    if isinstance(value, Mapping):
        for key, inner in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), inner, out)
    else:
        out[prefix] = value


def load_baseline(path: Path) -> Baseline:
    """Read a baseline YAML file; a missing file or a bad floor is a KroniekError naming it."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise KroniekError(str(path), f"cannot read the baseline ({err.strerror})") from err
    except yaml.YAMLError as err:
        raise KroniekError(str(path), f"not valid YAML ({err})") from err
    if not isinstance(data, Mapping) or not isinstance(data.get("floors"), Mapping):
        raise KroniekError(str(path), "no 'floors:' mapping", "see kroniek.evaluate.baseline")
    flat: dict[str, object] = {}
    _flatten("", data["floors"], flat)
    floors: dict[str, float] = {}
    for name, value in flat.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise KroniekError(str(path), f"floor {name}: {value!r} is not a number in [0, 1]")
        floors[name] = float(value)
    return Baseline(str(path), MappingProxyType(floors))


def metric(scores: Scores | Mapping, name: str) -> float | None:
    """The value of a dotted metric (``events.f1``, ``per_type.AGREE.recall``), None if unknown.

    A type that neither gold nor predictions contain scores 0.0.
    """
    node: object = scores_to_dict(scores, None) if isinstance(scores, Scores) else scores
    parts = name.split(".")
    for i, part in enumerate(parts):
        if not isinstance(node, Mapping) or part not in node:
            if parts[0] == "per_type" and i == 1 and len(parts) == 3:
                return 0.0
            return None
        node = node[part]
    if isinstance(node, bool) or not isinstance(node, int | float):
        return None
    return float(node)


def check_baseline(scores: Scores, baseline: Baseline) -> list[str]:
    """One message per floor the scores fall below or that names no metric ([] passes).

    Messages do not name the file; the caller adds it (``baseline.path``).
    """
    values = scores_to_dict(scores, digits=None)
    problems = []
    for name, floor in baseline.floors.items():
        value = metric(values, name)
        if value is None:
            problems.append(f"{name}: no such metric")
        elif value + TOLERANCE < floor:
            problems.append(f"{name} is {value:.4f}, below the floor {floor:g}")
    return problems
