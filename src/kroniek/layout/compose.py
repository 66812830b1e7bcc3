"""An HTML page's parts laid out as text in the printed layout the segmenter reads.

The HTML reader says what the page's structure gives (`HtmlParts`); this module decides
which of it is the page: the main article cut at the heading over a list, without site
chrome; the list of briefs taken from the page's blocks (trafilatura usually drops it); the
article's own time when it is printed between the headline and the first paragraph.
"""

from __future__ import annotations

from kroniek.layout import patterns as p
from kroniek.records import HtmlParts


def lay_out(parts: HtmlParts) -> str:
    """The page as text: headline, the article's own time, main article, then the brief
    list, one block per line."""
    blocks, headline = list(parts.blocks), parts.headline
    start = _brief_list_start(blocks)
    briefs = blocks[start:] if start is not None else []
    main = list(parts.main)
    cut = next((i for i, line in enumerate(main) if p.LIST_HEADING.fullmatch(line)), len(main))
    in_list = set(briefs[1:])
    main = [line for line in main[:cut] if line not in in_list and not _is_chrome(line)]
    if not main:
        fallback = blocks[:start] if start is not None else blocks
        main = [line for line in fallback if not _is_chrome(line)]
    if headline and main and main[0] == headline:
        main = main[1:]
    out = [headline] if headline else []
    stamp = _article_time(blocks, headline, main)
    if stamp:
        out.append(stamp)
    return "\n".join(out + main + briefs).strip()


def _is_chrome(line: str) -> bool:
    return bool(p.CHROME_LINE.fullmatch(line) or p.MENU_LINE.fullmatch(line))


def _brief_list_start(blocks: list[str]) -> int | None:
    """Index of the heading over the brief list: "Meer uit ..." first, else any list heading
    whose items open with a dateline."""
    headings = [i for i, line in enumerate(blocks) if p.LIST_HEADING.fullmatch(line)]
    for want_meer_uit in (True, False):
        for n, i in enumerate(headings):
            if want_meer_uit and not p.BRIEF_HEADING.fullmatch(blocks[i]):
                continue
            end = headings[n + 1] if n + 1 < len(headings) else len(blocks)
            if any(p.DATELINE_STRICT.search(line[:60]) for line in blocks[i + 1 : end]):
                return i
    return None


def _article_time(blocks: list[str], headline: str | None, main: list[str]) -> str | None:
    """A time printed between the headline and the first paragraph of the article."""
    if not headline or not main or headline not in blocks:
        return None
    top = blocks.index(headline)
    first = main[0]
    for line in blocks[top + 1 : top + 8]:
        if line == first:
            return None
        if p.TIME_LINE.fullmatch(line):
            return line
        labelled = p.TIME_LABEL.match(line)
        if labelled and p.TIME_LINE.fullmatch(line[labelled.end() :]):
            return line
    return None
