"""Stories and claims: figures tied to their events, and events linked across documents."""

from kroniek.stories.claims import find_claims

__all__ = ["find_claims"]
