"""Regular expressions for the printed layout of Dutch wire pages.

These describe layout, not content: a dateline ``CITY (AGENCY/AGENCY) - ``, the time
stamps news sites print next to items ("3 uur geleden", "gisteren", "29 januari 2026
10:04"), the heading over a list of briefs ("Meer uit Buitenland") and site chrome
(menus, log-in links, cookie prompts, share buttons). The words come from
``data/segment/layout.yaml`` (see ``kroniek.layout.words``), number words from the time
stage's ``data/time/numbers.yaml``; the shapes are here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kroniek.layout.words import default_layout
from kroniek.time import default_rules

_WORDS = default_layout()
#: number words of a relative time: the ones the time stage reads ("drie", "twintig"), then vague ones
_COUNTS = (
    *sorted(default_rules().numbers.counts(), key=lambda w: (-len(w), w)),
    *_WORDS.vague_counts,
)


def _alt(words: Iterable[str]) -> str:
    """The words as a regex alternation, in the order given, metacharacters escaped."""
    return "|".join(re.sub(r"[.^$*+?{}\[\]\\|()]", lambda m: "\\" + m.group(), w) for w in words)


_UP = "A-ZÀ-ÖØ-Þ"  # upper-case letters, accented ones included
_LO = "a-zß-öø-ÿ"
_CAP_WORD = rf"[{_UP}'’][{_UP}{_LO}'’.]*"
_PLACE_CAPS = rf"'?[{_UP}][{_UP}'’.]*(?:[ \-][{_UP}][{_UP}'’.]*){{0,4}}"
_PLACE_TITLE = rf"{_CAP_WORD}(?:[ \-](?:{_CAP_WORD}|{_alt(_WORDS.place_particles)}))*"
_JOIN = r"\s?/\s?"  # places reported from together: "DUBAI/GAZA-STAD"
_CITY_CAPS = rf"{_PLACE_CAPS}(?:{_JOIN}{_PLACE_CAPS})*"
_CITY_TITLE = rf"{_PLACE_TITLE}(?:{_JOIN}{_PLACE_TITLE})*"
_AGENCY = r"[A-Z][A-Za-z]{1,14}"
_AGENCIES = rf"{_AGENCY}(?:\s*[/,]\s*{_AGENCY})*"
_DASH = r"\s*[-–—]\s*"
_NO_AGENCY = r"\(\s*(?:[-–—/,]\s*)*\)(?:\s*[-–—])?\s*"  # brackets left empty: "() -", "( - )"

#: a dateline with agencies: ``MOSKOU (ANP/AFP) - `` (title-case cities too: ``Den Haag (ANP) -``),
#: several places joined by slashes: ``MOSKOU/PARIJS (ANP) - ``, agency brackets left empty
#: (``MOSKOU () - ``, ``MOSKOU ( - ) ``, capitals only)
DATELINE = re.compile(
    rf"(?P<city>{_CITY_CAPS}|{_CITY_TITLE})\s*(?:\((?P<agencies>{_AGENCIES})\){_DASH}|{_NO_AGENCY})(?=\S)"
)
#: a dateline without agencies, accepted only in capitals: ``MOSKOU - ``
DATELINE_BARE = re.compile(
    rf"(?P<city>[{_UP}][{_UP}'’.]{{2,}}(?:[ \-][{_UP}][{_UP}'’.]*){{0,4}}(?:{_JOIN}{_PLACE_CAPS})*) [-–—] (?=\S)"
)
#: agencies accepted after a title-case city ("Den Haag (ANP) -") and in run-together lines
KNOWN_AGENCIES = frozenset(a.upper() for a in _WORDS.agencies)
_KNOWN = "|".join(sorted(KNOWN_AGENCIES, key=lambda a: (-len(a), a)))
#: a capitals dateline whose first agency is a known one (or none is printed), strict enough
#: to split a line on
DATELINE_STRICT = re.compile(
    rf"{_CITY_CAPS}\s*(?:\((?i:{_KNOWN})(?:\s*[/,]\s*{_AGENCY})*\){_DASH}|{_NO_AGENCY})(?=\S)"
)

_NUM = rf"\d+|{_alt(_COUNTS)}"
_UNIT = rf"(?:{_alt(_WORDS.time_units)})\.?"
_RELATIVE = rf"(?:(?:{_alt(_WORDS.approximations)})\s+)?(?:{_NUM})\s*(?:{_UNIT})\s+(?:{_alt(_WORDS.ago_words)})"
_CLOCK = rf"\d{{1,2}}[:.]\d{{2}}(?:\s*(?:{_alt(_WORDS.clock_suffixes)}))?"
_MONTH = _alt(_WORDS.months)
_SEP = (
    r"(?:,|\s*[-–—|·•])?\s+"  # between weekday, date and clock: "di, 21 okt", "21 okt 2025 | 10:04"
)
_WEEKDAY = rf"(?:{_alt(_WORDS.weekdays)})\.?{_SEP}"
_DAYWORD = _alt(_WORDS.day_words)
_AT = rf"(?:{_SEP}(?:(?:{_alt(_WORDS.clock_prepositions)})\s+)?{_CLOCK})"
_ABSOLUTE = (
    rf"(?:{_WEEKDAY})?\d{{1,2}}\s+(?:{_MONTH})\.?(?:\s+\d{{4}})?{_AT}?"
    rf"|\d{{1,2}}(?:-\d{{1,2}}-|/\d{{1,2}}/|\.\d{{1,2}}\.)\d{{4}}{_AT}?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[ T]{_CLOCK})?"
)
_TIME = rf"(?:{_RELATIVE}|(?:{_DAYWORD}){_AT}?|{_ABSOLUTE}|{_CLOCK})"

#: a whole line that is only a time stamp
TIME_LINE = re.compile(rf"(?i:{_TIME})")
#: a weekday, month or day word, which is no place even in capitals ("MAANDAG - 10:04")
CALENDAR_WORD = re.compile(rf"(?i:{_alt(_WORDS.weekdays + _WORDS.months + _WORDS.day_words)})")


def _beginnings(words: Iterable[str]) -> str:
    """Every non-empty beginning of the words ("g", "ge", ... "geleden") as an alternation."""
    found = {w[:n] for w in words for n in range(1, len(w) + 1)}
    return _alt(sorted(found, key=lambda b: (-len(b), b)))


_UNIT_CUT = (
    rf"\s*(?:{_beginnings(_WORDS.time_units)})\.?(?:\s+(?:{_beginnings(_WORDS.ago_words)}))?"
)
#: the beginning of a relative time cut off by the end of the file: "11 minuten geled", "1 uur ge",
#: "12"; a count in words needs the start of its unit ("twee da"), as a headline may begin "Twee"
TIME_CUT = re.compile(
    rf"(?i:(?:(?:{_alt(_WORDS.approximations)})\s+)?"
    rf"(?:\d+(?:{_UNIT_CUT})?|(?:{_alt(_COUNTS)}){_UNIT_CUT}))"
)
#: a time at the start of a line, running straight into what follows (``1 uur geledenWASHINGTON``)
TIME_LEAD = re.compile(rf"(?i:{_TIME})(?=[{_UP}'])")
#: a time at the start of a line, then a space (maybe a dash or bar) and a dateline
TIME_LEAD_SPACED = re.compile(
    rf"(?m:^[ \t]*(?P<time>(?i:{_TIME})){_SEP}(?={DATELINE_STRICT.pattern}))"
)
#: a time at the end of a line, after the end of a sentence
TIME_TAIL = re.compile(rf"(?<=[.!?…\"”’'])\s*(?P<time>(?i:{_TIME}))$")
#: a time in the middle of a run-together line, between a sentence end and a dateline
TIME_INLINE = re.compile(
    rf"(?<=[.!?…\"”’'])\s*(?P<time>(?i:{_TIME}))\s*(?={DATELINE_STRICT.pattern})"
)
#: a sentence end directly followed by a capitals dateline on the same line
DATELINE_INLINE = re.compile(
    rf"(?<=[.!?…])(?<![{_UP}]\.)\s*(?={DATELINE_STRICT.pattern})"  # not after "ST."
    rf"|(?<=[\"”’'])\s+(?={DATELINE_STRICT.pattern})"
    rf"|(?<=[{_LO}0-9])(?={DATELINE_STRICT.pattern})"  # a headline running into a dateline
)
#: the heading over the list of briefs itself
BRIEF_HEADING = re.compile(rf"(?i:{_alt(_WORDS.brief_headings)})\s+\S.{{0,40}}")

#: a label in front of a page's own time stamp ("Gepubliceerd op 29 januari 2026 10:04")
TIME_LABEL = re.compile(
    rf"(?i:(?P<label>{_alt(_WORDS.published_labels + _WORDS.updated_labels)})"
    rf"(?:\s+(?:{_alt(_WORDS.label_prepositions)}))?\s*:?\s*)"
)
#: labels of an update time, which gives way to a publication time printed with it
UPDATE_LABELS = frozenset(w.lower() for w in _WORDS.updated_labels)

#: the heading over a list of briefs or of other links
LIST_HEADING = re.compile(rf"(?i:{_alt(_WORDS.list_headings)})\b[^.!?]{{0,40}}")

#: a sentence has ended: terminal punctuation, maybe closing quotes or brackets
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?=\s|$)")

_CHROME_WORDS = "|".join([_alt(_WORDS.chrome_words), *_WORDS.chrome_patterns])
_COOKIE = rf"\b(?:{_alt(_WORDS.cookie_words)})\b"
#: a line that is site chrome, not news
CHROME_LINE = re.compile(
    rf"(?i:(?:{_CHROME_WORDS})[:.!]?"
    rf"|(?:{_alt(_WORDS.credit_labels)})\s*:.{{0,80}}"
    rf"|(?:{_alt(_WORDS.byline_words)})\s+\w[\w.'’-]*(?:\s+\w[\w.'’-]*){{0,4}}"
    rf"|(?:{_alt(_WORDS.reading_time_labels)})\b.{{0,30}}"
    rf"|.*©.*|(?:{_alt(_WORDS.copyright_words)})\b.*"
    rf"|.{{0,200}}\b(?:{_alt(_WORDS.photo_labels)})\s*:\s*[^.!?]{{0,60}}"
    rf"|.{{0,200}}\((?:{_alt(_WORDS.photo_notes)})\)"
    rf"|.*\b(?:{_alt(_WORDS.cookie_lead_ins)})\b.{{0,40}}{_COOKIE}.*"
    rf"|.*{_COOKIE}.{{0,60}}\b(?:{_alt(_WORDS.cookie_follow_ups)})\b.*)"
)
#: a menu row: short items separated by bars or bullets
MENU_LINE = re.compile(r"[^.!?]{1,30}(?:\s*[|•·»]\s*[^.!?|•·»]{1,30}){2,}")
