"""How a reported figure changed: the successive distinct values of claims rows in time order."""

from __future__ import annotations

from collections.abc import Sequence

from kroniek.stories.query import unit_words


def figure_changes(rows: list[dict], families: Sequence = ()) -> list[dict]:
    """Per unit (or unit family), the successive distinct values in time order.

    ``families`` (kroniek.stories.query.UnitFamily) put "militairen" and "soldaten" in one
    series; each series is {"unit": family id or unit, "steps": [{value, approx, day, ...}]}.
    """
    series: dict[str, list[dict]] = {}
    for row in rows:
        head = (row["unit"].split() or [""])[0]
        key = unit_words(head, tuple(families))[0] or row["unit"].lower()
        steps = series.setdefault(key, [])
        if not steps or steps[-1]["value"] != row["value"]:
            steps.append(
                {
                    "value": row["value"],
                    "approx": row["approx"],
                    "day": row["day"],
                    "unit": row["unit"],
                    "reported_by": row["reported_by"],
                }
            )
    return [{"unit": unit, "steps": steps} for unit, steps in series.items()]
