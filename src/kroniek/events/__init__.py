"""Events stage: Dutch PLOVER/CAMEO coding of who did what to whom, with factuality and evidence."""

from kroniek.events.coder import code_events, needs_parse
from kroniek.events.coverage import coverage
from kroniek.events.explain import explain
from kroniek.events.patterns import Pattern, Patterns, load_patterns

__all__ = ["Pattern", "Patterns", "code_events", "coverage", "explain", "load_patterns", "needs_parse"]
