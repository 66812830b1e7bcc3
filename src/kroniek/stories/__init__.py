"""Stories and claims: figures tied to their events, and events linked across documents."""

from kroniek.stories.claims import find_claims
from kroniek.stories.figures import figure_changes
from kroniek.stories.link import WINDOW_DAYS, Story, family, link, link_new_events, placed
from kroniek.stories.quantities import (
    Quantity,
    find_quantities,
    parse_dutch_number,
)
from kroniek.stories.query import (
    UNITS_FILE,
    ClaimQuery,
    UnitFamily,
    load_unit_families,
    parse_claim_query,
    unit_words,
)

__all__ = [
    "UNITS_FILE",
    "WINDOW_DAYS",
    "ClaimQuery",
    "Quantity",
    "Story",
    "UnitFamily",
    "family",
    "figure_changes",
    "find_claims",
    "find_quantities",
    "link",
    "link_new_events",
    "load_unit_families",
    "parse_claim_query",
    "parse_dutch_number",
    "placed",
    "unit_words",
]
