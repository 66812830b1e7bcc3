"""The printed layout of Dutch news pages, shared by the stages that write and read it.

The HTML reader (kroniek.read) hands the parts of an HTML page to `lay_out`, which lays
them out as text in this layout; the segmenter (kroniek.segment) splits text in it into the
main article and its briefs. The layout's
words are read from ``data/segment/layout.yaml`` (`load_layout`), their shapes compiled
into the regular expressions of `patterns`: datelines, printed times, the heading over a
list of briefs, site chrome.
"""

from kroniek.layout import patterns
from kroniek.layout.compose import lay_out
from kroniek.layout.words import Layout, default_layout, load_layout

__all__ = ["Layout", "default_layout", "lay_out", "load_layout", "patterns"]
