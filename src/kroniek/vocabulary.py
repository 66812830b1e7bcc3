"""The closed vocabularies every stage shares: PLOVER event types, factuality, actor sectors,
and how a unit word matches a figure's unit.

One place for the values the output contract allows (shared/spec/output.md), so the coder,
the dictionary checks, the store's exports, the API and the command line all accept and
offer the same ones.
"""

from __future__ import annotations

import re

#: PLOVER event types, cooperation first (verbal, then material), then conflict
TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
#: story families: events of one family between the same two actors may form one story
COOPERATION = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
CONFLICT = frozenset(
    {
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "SANCTION",
        "PROTEST",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)
#: an event's factuality: what the text asserts, announces, denies or reports as a claim
FACTS = ("asserted", "future", "negated", "alleged")
#: the factualities a cue can set (an event without one is asserted)
FACT_KINDS = ("negated", "alleged", "future")
#: actor sectors (CAMEO agent codes), as the output's src_sector / tgt_sector print them
SECTORS = (
    "GOV",
    "MIL",
    "SPY",
    "COP",
    "JUD",
    "LEG",
    "OPP",
    "REB",
    "CVL",
    "BUS",
    "MED",
    "HRI",
    "IGO",
)


def unit_pattern(word: str) -> str:
    """A regular expression for one lower-case unit word: a prefix when long ("militair"
    matches "militairen"), else the word or its plural. Reading a claims query into unit
    families and the store's filter on stored units both match with it."""
    return rf"\b{re.escape(word)}\w*" if len(word) >= 4 else rf"\b{re.escape(word)}(en|s)?\b"
