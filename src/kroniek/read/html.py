"""HTML page -> plain text in the layout the segmenter reads.

This module says what the HTML's structure gives (`HtmlParts`): the first <h1> (else the
page's title), the main article as trafilatura finds it, and every block of visible text in
document order. trafilatura usually drops the "Meer uit <rubriek>" list of briefs, so the
layout part (`kroniek.layout.lay_out`) takes that list from the blocks and lays the page out,
one block per line (a brief's headline, its "CITY (AGENCY) - text" line, its time)::

    Headline
    [time of the article, when printed near the headline]
    CITY (AGENCY/AGENCY) - first paragraph
    more paragraphs
    Meer uit Buitenland
    CITY (AGENCY) - brief text
    1 uur geleden
    ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from kroniek.layout import lay_out
from kroniek.records import HtmlParts

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure h1 h2 h3 h4 h5 h6 "
    "header hgroup li main ol p pre section summary table tbody td tfoot th thead time tr ul".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template svg canvas iframe object embed form button select "
    "input textarea nav footer head meta link".split()
)


@dataclass(frozen=True)
class Extracted:
    """What an HTML page yields: its text in the segmenter's layout, and its canonical URL."""

    text: str
    url: str | None


class TooDeep(Exception):
    """An HTML page whose elements nest deeper than the reader's limit."""

    def __init__(self, depth: int):
        super().__init__(f"HTML nested {depth} levels deep")
        self.depth = depth


def extract_html(html: str, max_depth: int | None = None) -> Extracted:
    """The page's text: headline, main article, then the brief list, one block per line.

    With ``max_depth``, a page whose elements nest deeper raises TooDeep instead: libxml2
    (under trafilatura) drops everything past 255 levels without a word.
    """
    root = _parse(html)
    if max_depth is not None and root is not None:
        depth = nesting_depth(root)
        if depth > max_depth:
            raise TooDeep(depth)
    blocks = html_blocks(root)
    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        as_dict=False,
    )
    extracted = found if isinstance(found, Document) else None
    parts = HtmlParts(
        headline=_first_heading(root) or (extracted.title if extracted is not None else None),
        main=tuple(_lines(extracted.text)) if extracted is not None and extracted.text else (),
        blocks=tuple(blocks),
    )
    url = extracted.url if extracted is not None else None
    return Extracted(lay_out(parts), url or None)


def _parse(html: str):
    try:
        # huge_tree parses past libxml2's 255 levels, so the depth check sees how deep it goes
        return lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None


def nesting_depth(root) -> int:
    """How many elements deep the tree goes (the root is level 1)."""
    depth = deepest = 0
    for event, _element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def html_blocks(root) -> list[str]:
    """Every block of visible text in document order (scripts, menus and footers left out)."""
    if root is None:
        return []
    body = root.find("body")
    out: list[str] = []
    _walk(body if body is not None else root, out)
    return out


def _walk(element, out: list[str]) -> None:
    buffer: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else None
        if tag is None or tag in SKIP_TAGS:
            pass
        elif tag == "br":
            buffer.append("\n")
        elif tag in BLOCK_TAGS or _holds_blocks(child):
            _flush(buffer, out)
            _walk(child, out)
        else:
            buffer.append(_inline_text(child))
        buffer.append(child.tail or "")
    _flush(buffer, out)


def _holds_blocks(element) -> bool:
    return any(
        isinstance(d.tag, str) and d.tag.lower() in BLOCK_TAGS for d in element.iterdescendants()
    )


def _inline_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag.lower() not in SKIP_TAGS:
            parts.append("\n" if child.tag.lower() == "br" else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _flush(buffer: list[str], out: list[str]) -> None:
    for piece in "".join(buffer).split("\n"):
        line = re.sub(r"\s+", " ", piece).strip()
        if line:
            out.append(line)
    buffer.clear()


def _lines(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


def _first_heading(root) -> str | None:
    if root is None:
        return None
    for h1 in root.iter("h1"):
        text = re.sub(r"\s+", " ", h1.text_content()).strip()
        if text:
            return text
    return None
