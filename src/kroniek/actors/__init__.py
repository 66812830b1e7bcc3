"""Actors stage: find and resolve states, bodies, groups and officials in Dutch sentences.

`load_books()` reads the dictionaries in data/actors once; `find_mentions()` turns one
article's Frog-analysed sentences into Mentions with codes, sectors and the id of the
dictionary entry that matched.
"""

from kroniek.actors.atoms import lookup_word
from kroniek.actors.books import ActorBooks, load_books
from kroniek.actors.mentions import find_mentions

__all__ = ["ActorBooks", "find_mentions", "load_books", "lookup_word"]
