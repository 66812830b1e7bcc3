"""Segment stage: a page's text -> its main article and the briefs listed under it."""

from kroniek.segment.segmenter import segment

__all__ = ["segment"]
