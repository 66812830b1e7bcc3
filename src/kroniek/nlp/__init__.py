"""The NLP stage: Frog server processes -> Sentences with Tokens (lemma, POS, heads and relations)."""

from kroniek.nlp.analyse import analyse, parse
from kroniek.nlp.pool import MODES, FrogPool, FrogStats

__all__ = ["MODES", "FrogPool", "FrogStats", "analyse", "parse"]
