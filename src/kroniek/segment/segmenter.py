"""Split a page's plain text into its main article and the briefs listed under it.

The layout this reads (the one ``kroniek.read`` produces for every input kind)::

    <site chrome, optional>
    Headline of the main article
    CITY (AGENCY/AGENCY) - First paragraph ...
    More paragraphs, short sub-headings allowed
    Meer uit <rubriek>
    [Brief headline]
    CITY (AGENCY) - Brief text ...
    <time>CITY (AGENCY) - Next brief ...      (the time may run into the next item)
    <time>

A time usually follows its brief; when the list starts with a time, times precede them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kroniek.layout import patterns as p
from kroniek.records import Article, Page


@dataclass(frozen=True)
class _Item:
    kind: str  # "start", "para", "time", "break"
    text: str = ""
    city: str | None = None
    agencies: tuple[str, ...] = ()


@dataclass
class _Draft:
    city: str | None
    agencies: tuple[str, ...]
    paragraphs: list[str]
    headline: str | None = None
    ago: str | None = None
    closed: bool = False


def segment(page: Page) -> list[Article]:
    """The main article ("main") and every complete brief ("brief:0", ...) of a page, in order."""
    lines = _lines(page.text or "")
    if not lines:
        return []
    start = next((i for i, line in enumerate(lines) if _dateline(line)), None)
    heading = next((i for i, line in enumerate(lines) if p.BRIEF_HEADING.fullmatch(line)), None)
    if start is not None and heading is not None and heading < start:
        start = None  # the main article has no dateline; the first one opens a brief
    if start is None:
        head_end, headline = _headline_without_dateline(lines)
        main_first = head_end
    else:
        head_end, headline = start, _headline(lines[:start])
        main_first = start
    main_ago = _page_time(lines[:head_end])
    opens_list = main_first < len(lines) and p.LIST_HEADING.fullmatch(lines[main_first])
    body_end = main_first if opens_list else _main_end(lines, main_first + 1)
    rest_from = body_end
    if body_end < len(lines) and not p.LIST_HEADING.fullmatch(lines[body_end]):
        while rest_from - 1 > main_first and _is_lead_in(lines[rest_from - 1]):
            rest_from -= 1
    body = [ln for ln in lines[main_first:rest_from] if not _is_chrome(ln)]
    city: str | None = None
    agencies: tuple[str, ...] = ()
    opening = _dateline(lines[main_first]) if start is not None else None
    if opening is not None and body and body[0] == lines[main_first]:
        city, agencies, body[0] = opening
    elif (
        opening is not None
    ):  # the dateline's line reads as chrome ("... - ©"): only its city counts
        city, agencies, _ = opening
    if rest_from >= len(lines):
        body = _trim_fragment(body)
    paragraphs = [ln for ln in body if not p.TIME_LINE.fullmatch(ln)]
    items = _items(lines[rest_from:])
    trailing = _leading_times(items)
    main_ago = main_ago or next((ln for ln in body if p.TIME_LINE.fullmatch(ln)), None)
    main_ago = main_ago or (trailing[-1].text if trailing else None)
    articles = []
    if paragraphs:
        articles.append(
            Article(page.doc, "main", headline, city, agencies, main_ago, "\n".join(paragraphs))
        )
    for n, draft in enumerate(_briefs(items[len(trailing) :])):
        articles.append(
            Article(
                page.doc,
                f"brief:{n}",
                draft.headline,
                draft.city,
                draft.agencies,
                draft.ago,
                "\n".join(draft.paragraphs),
            )
        )
    return articles


# ---------------------------------------------------------------- lines

_BULLET = re.compile(r"^[•·▪■►▸»*]\s*")


def _lines(text: str) -> list[str]:
    """Normalised non-blank lines, hard wraps joined, run-together briefs split apart."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u00a0\u2007\u202f]", " ", text)
    text = re.sub(r"[\u200b\u200c\u200d\u2060]", "", text)
    text = p.TIME_INLINE.sub(lambda m: "\n" + m.group("time") + "\n", text)
    text = p.DATELINE_INLINE.sub("\n", text)
    text = p.TIME_LEAD_SPACED.sub(lambda m: m.group("time") + "\n", text)
    out: list[str] = []
    blank_before = True
    for raw in text.split("\n"):
        line = _BULLET.sub("", re.sub(r"[ \t]+", " ", raw).strip())
        if not line:
            blank_before = True
            continue
        if out and not blank_before and _continues(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        elif not (out and line == out[-1] and not p.TIME_LINE.fullmatch(line)):
            out.append(line)
        blank_before = False
    return out


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line: the one before did not end a sentence and this starts lower-case."""
    return (
        line[0].islower()
        and not p.SENTENCE_END.search(previous[-3:])
        and not p.TIME_LINE.fullmatch(previous)
        and not p.TIME_TAIL.search(previous)
    )


def _is_chrome(line: str) -> bool:
    return bool(p.CHROME_LINE.fullmatch(line) or p.MENU_LINE.fullmatch(line))


def _ends_sentence(text: str) -> bool:
    return bool(p.SENTENCE_END.search(text.rstrip()[-3:]))


def _is_lead_in(line: str) -> bool:
    """A headline or time standing just before a brief's dateline."""
    return bool(p.TIME_LINE.fullmatch(line)) or (
        not _ends_sentence(line) and len(line.split()) <= 30 and not _is_chrome(line)
    )


# ---------------------------------------------------------------- datelines


def _dateline(line: str) -> tuple[str | None, tuple[str, ...], str] | None:
    """(city, agencies, text after the dateline) when the line opens with a dateline."""
    m = p.DATELINE.match(line)
    if m:
        printed = m.group("agencies")
        agencies = tuple(a.strip() for a in re.split(r"[/,]", printed)) if printed else ()
        city = m.group("city")
        capitals = city.upper() == city
        if capitals or (agencies and all(a.upper() in p.KNOWN_AGENCIES for a in agencies)):
            return city, agencies, line[m.end() :]
    m = p.DATELINE_BARE.match(line)
    if m and not (p.CALENDAR_WORD.fullmatch(m.group("city")) or p.TIME_LINE.fullmatch(line)):
        return m.group("city"), (), line[m.end() :]
    return None


# ---------------------------------------------------------------- main article


def _headline(head: list[str]) -> str | None:
    """The headline: the nearest line above the dateline that is not chrome, time or intro."""
    for line in reversed(head):
        if p.LIST_HEADING.fullmatch(line):
            return None
        if (
            p.TIME_LINE.fullmatch(line)
            or _labelled_time(line)
            or _is_chrome(line)
            or (line.endswith(".") and not line.endswith("..."))
        ):
            continue
        return line
    return None


def _headline_without_dateline(lines: list[str]) -> tuple[int, str | None]:
    """For a page without datelines: index where the body starts, and the headline."""
    for i, line in enumerate(lines):
        if _is_chrome(line) or p.TIME_LINE.fullmatch(line) or _labelled_time(line):
            continue
        if p.LIST_HEADING.fullmatch(line):
            return i, None
        if 2 <= len(line.split()) <= 25 and not line.endswith("."):
            j = i + 1
            while j < len(lines) and lines[j] == line:
                j += 1
            while j < len(lines) and (p.TIME_LINE.fullmatch(lines[j]) or _labelled_time(lines[j])):
                j += 1
            return j, line
        return i, None
    return len(lines), None


def _labelled_time(line: str) -> tuple[str, str] | None:
    m = p.TIME_LABEL.match(line)
    if m and p.TIME_LINE.fullmatch(line[m.end() :]):
        return m.group("label").lower(), line[m.end() :]
    return None


def _page_time(head: list[str]) -> str | None:
    """The main article's own time stamp from the lines above its text, if printed."""
    found: list[tuple[str, str]] = []
    for line in head:
        if p.TIME_LINE.fullmatch(line):
            found.append(("", line))
        elif labelled := _labelled_time(line):
            found.append(labelled)
    stamps = [t for label, t in found if label not in p.UPDATE_LABELS] or [t for _, t in found]
    return stamps[-1] if stamps else None


def _main_end(lines: list[str], i: int) -> int:
    """Index of the first line after the main article's body."""
    while i < len(lines):
        line = lines[i]
        if p.LIST_HEADING.fullmatch(line) or _dateline(line) or _lead_time(line):
            return i
        i += 1
    return i


def _lead_time(line: str) -> re.Match | None:
    """A time at the start of a line that runs straight into what follows."""
    return p.TIME_LEAD.match(line)


def _trim_fragment(paragraphs: list[str]) -> list[str]:
    """Cut an unfinished last sentence (a page cut off mid-text); drop what is left empty."""
    if not paragraphs or _ends_sentence(paragraphs[-1]) or p.TIME_LINE.fullmatch(paragraphs[-1]):
        return paragraphs
    last = paragraphs[-1]
    ends = list(p.SENTENCE_END.finditer(last))
    if ends:
        return paragraphs[:-1] + [last[: ends[-1].end()]]
    return paragraphs[:-1]


# ---------------------------------------------------------------- briefs


def _items(lines: list[str]) -> list[_Item]:
    """The brief list as a flat run of starts, paragraphs, times and breaks. The page's last
    line may be a time cut short by the end of the file ("1 uur ge"): it is kept as printed."""
    items: list[_Item] = []
    for n, line in enumerate(lines, start=1):
        if p.LIST_HEADING.fullmatch(line) or _is_chrome(line):
            items.append(_Item("break", line))
            continue
        if p.TIME_LINE.fullmatch(line) or (n == len(lines) and p.TIME_CUT.fullmatch(line)):
            items.append(_Item("time", line))
            continue
        lead = _lead_time(line)
        if lead:
            items.append(_Item("time", lead.group(0).strip()))
            line = line[lead.end() :].strip()
            if p.LIST_HEADING.fullmatch(line) or _is_chrome(line):
                items.append(_Item("break", line))
                continue
        tail = p.TIME_TAIL.search(line)
        if tail:
            line = line[: tail.start()].rstrip()
        opened = _dateline(line)
        if opened:
            items.append(_Item("start", opened[2], opened[0], opened[1]))
        elif line:
            items.append(_Item("para", line))
        if tail:
            items.append(_Item("time", tail.group("time")))
    return items


def _briefs(items: list[_Item]) -> list[_Draft]:
    """Group items into briefs; keep those with at least one complete sentence."""
    kinds = [it.kind for it in items]
    first_time = kinds.index("time") if "time" in kinds else len(kinds)
    first_start = kinds.index("start") if "start" in kinds else len(kinds)
    time_first = first_time < first_start
    drafts: list[_Draft] = []
    current: _Draft | None = None
    pending_head: str | None = None
    pending_time: str | None = None
    for n, item in enumerate(items):
        if item.kind == "start":
            if current is not None:
                current.closed = True
            current = _Draft(item.city, item.agencies, [item.text], pending_head)
            if time_first:
                current.ago = pending_time
            drafts.append(current)
            pending_head = pending_time = None
        elif item.kind == "time":
            if time_first:
                if current is not None:
                    current.closed = True
                pending_time = item.text
            elif current is not None and not current.closed:
                current.ago, current.closed = item.text, True
        elif item.kind == "para":
            if (
                current is not None
                and not current.closed
                and not (_leads_to_start(items, n) and not _ends_sentence(item.text))
            ):
                current.paragraphs.append(item.text)
            else:
                if current is not None:
                    current.closed = True
                pending_head = item.text
        else:  # break
            if current is not None:
                current.closed = True
            pending_head = None
    kept = []
    for draft in drafts:
        draft.paragraphs = _trim_fragment(draft.paragraphs)
        if draft.paragraphs and draft.paragraphs[0]:
            kept.append(draft)
    return kept


def _leading_times(items: list[_Item]) -> list[_Item]:
    """Times printed after the main article, before the heading of the brief list."""
    n = 0
    while n < len(items) and items[n].kind == "time":
        n += 1
    return items[:n] if n < len(items) and items[n].kind == "break" else []


def _leads_to_start(items: list[_Item], n: int) -> bool:
    """Whether the items after position n reach a brief's dateline before any text."""
    for item in items[n + 1 :]:
        if item.kind == "start":
            return True
        if item.kind != "time":
            return False
    return False
