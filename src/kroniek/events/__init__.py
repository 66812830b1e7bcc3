"""Events stage: Dutch PLOVER/CAMEO coding of who did what to whom, with factuality and evidence."""

from kroniek.events.coder import SentenceTrace, code_events, needs_parse
from kroniek.events.coverage import coverage
from kroniek.events.explain import explain_lines
from kroniek.events.patterns import Pattern, Patterns, load_patterns

__all__ = [
    "Pattern",
    "Patterns",
    "SentenceTrace",
    "code_events",
    "coverage",
    "explain_lines",
    "load_patterns",
    "needs_parse",
]
