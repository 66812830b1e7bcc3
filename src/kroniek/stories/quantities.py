"""Quantities in Dutch news text: numbers with what they count and who reports them.

"330 kilo cocaïne", "ongeveer 1 miljard roebel", "meer dan 2000 geverifieerde doden",
"bijna een half miljard dollar", "duizenden mensen": the value (Dutch separators: a point
groups thousands, a comma marks decimals), the approximation cue, a range when one is
given, the counted noun or unit, and the source when the sentence names one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kroniek.records import Event
from kroniek.time import NumberWords, TimeRules, default_rules
from kroniek.words import word_set

TOKEN = re.compile(r"\d[\d.,]*\d|\d|[€$£%]|[^\W\d_]+(?:['’-][^\W\d_]+)*")
DIGITS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[A-Z\"“'ÀÉÈÖÜ])")
RANGE_WORDS = word_set("range_words")
YEAR_WORDS = word_set("year_words")
NP_STOP_PUNCT = set(',.;:!?"“”()')
NP_STARTS = word_set("noun_phrase_starts")
NAME_LINKS = word_set("name_links")
PRONOUNS = word_set("reporter_pronouns")
PARTICIPLE_PREFIXES = tuple(word_set("participle_prefixes"))
PARTICIPLE_ENDINGS = tuple(word_set("participle_endings"))
PARTICIPLE = re.compile(
    rf"\w*(?:{'|'.join(map(re.escape, PARTICIPLE_PREFIXES))})\w+"
    rf"(?:{'|'.join(map(re.escape, PARTICIPLE_ENDINGS))})"
)


@dataclass(frozen=True)
class Quantity:
    """A number in text with what it counts, how exact it is and who reports it."""

    value: float  # the number itself (for a range: the middle; for "duizenden": the low end)
    unit: str  # what is counted or the unit: "militairen", "kilo cocaïne", "euro", "doden"
    approx: str | None  # the cue as printed, lower-cased: "ongeveer", "meer dan", "bijna", "zo'n"
    low: float | None  # range ends ("tussen 100 en 200", "tientallen")
    high: float | None
    span: tuple[int, int]  # offsets of the quantity (cue, number and unit) in the text
    text: str  # as printed
    reported_by: str | None = None  # "het Amerikaanse Pentagon" ("schat het Amerikaanse Pentagon")
    rule: str | None = None  # id of the approximation, magnitude, unit or currency entry


def _word_value(word: str, nw: NumberWords) -> float | None:
    """The value of one (possibly compound) Dutch number word: "tweeëntwintig", "tienduizend"."""
    if word in nw.units:
        return nw.units[word]
    if word in nw.tens:
        return nw.tens[word]
    if word in nw.fractions:
        return nw.fractions[word]
    for scale, (size, limit) in nw.inner_scales.items():
        i = word.rfind(scale)
        if i < 0:
            continue
        left, right = word[:i], word[i + len(scale) :]
        lv = 1 if left == "" else _word_value(left, nw)
        rv = 0 if right == "" else _word_value(right, nw)
        if lv is None or rv is None or lv >= limit or rv >= size:
            return None
        return lv * size + rv
    for ten, value in nw.tens.items():
        if word.endswith(ten) and len(word) > len(ten):
            head = word[: -len(ten)]
            for linker in nw.linkers:
                unit = nw.units.get(head[: -len(linker)]) if head.endswith(linker) else None
                if unit is not None and 1 <= unit <= 9:
                    return unit + value
    return None


def _digits_value(token: str) -> float | None:
    if not DIGITS.fullmatch(token):
        return None
    if re.fullmatch(r"\d+\.\d{1,2}", token):  # "1.5": a decimal point, not a thousands group
        return float(token)
    return float(token.replace(".", "").replace(",", "."))


def parse_dutch_number(text: str, rules: TimeRules | None = None) -> float | None:
    """The value of a Dutch number as written: "10.000", "1,2 miljard", "een half miljard",
    "tweeëntwintig", "anderhalf miljoen"; "duizenden" gives its low end (2000). None if not a number."""
    nw = (rules or default_rules()).numbers
    words = text.strip().lower().replace("’", "'").split()
    if not words:
        return None
    value, used = _read_number(words, nw, allow_article=True)
    return float(value) if value is not None and used == len(words) else None


def _is_article_one(word: str, nw: NumberWords) -> bool:
    """A number word for one ("een", "één"), which is also the indefinite article."""
    return nw.units.get(word) == 1


def _read_number(
    words: list[str], nw: NumberWords, allow_article: bool
) -> tuple[float | None, int]:
    """Read a number from the start of words; returns (value, words used) or (None, 0)."""
    first = words[0]
    if first in nw.magnitudes:
        return float(nw.magnitudes[first][1]), 1
    value = _digits_value(first)
    if value is None:
        value = _word_value(first, nw)
        if value is None:
            return None, 0
        nxt = words[1] if len(words) > 1 else ""
        if (
            _is_article_one(first, nw)
            and not allow_article
            and nxt not in nw.scales
            and nxt not in nw.fractions
            and _word_value(nxt, nw) is None
        ):
            return None, 0
    used = 1
    rest = words[used:]
    half, n_half = _match_cue(rest, 0, word_set("and_a_half"))
    if half:
        value, used = value + 0.5, used + n_half
    elif _is_article_one(first, nw) and rest[:1] and nw.fractions.get(rest[0], 1) < 1:
        value, used = nw.fractions[rest[0]], used + 1
    while used < len(words) and words[used] in nw.scales:
        value, used = value * nw.scales[words[used]], used + 1
    return value, used


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _match_cue(low: list[str], i: int, cues) -> tuple[str, int]:
    """The longest multi-word cue starting at token i: (cue, token count) or ("", 0)."""
    for n in (4, 3, 2, 1):
        phrase = " ".join(low[i : i + n])
        if len(low[i : i + n]) == n and phrase in cues:
            return phrase, n
    return "", 0


def _head(text: str, tokens, low, i: int, nw: NumberWords) -> tuple[str, int, str | None]:
    """What the number ending before token i counts: (unit text, tokens used, rule id)."""
    if (
        i >= len(tokens)
        or i == 0
        or any(ch in NP_STOP_PUNCT for ch in text[tokens[i - 1][2] : tokens[i][1]])
    ):
        return "", 0, None
    word = low[i]
    if word in nw.currencies:
        return nw.currencies[word][1], 1, nw.currencies[word][0]
    if word in nw.measures:
        unit = nw.signs.get(word, tokens[i][0].lower())
        nxt = low[i + 1] if i + 1 < len(tokens) else ""
        glued = i + 1 < len(tokens) and text[tokens[i][2] : tokens[i + 1][1]].isspace()
        if (
            glued
            and nxt.isalpha()
            and nxt not in nw.stop_words
            and tokens[i + 1][0].islower()
            and word not in nw.bare_measures
        ):
            return f"{unit} {tokens[i + 1][0]}", 2, nw.measures[word]
        return unit, 1, nw.measures[word]
    for j in range(i, min(i + 4, len(tokens))):
        word = tokens[j][0]
        if not word[0].isalpha() or low[j] in nw.stop_words:
            return "", 0, None
        last = (
            j + 1 >= len(tokens)
            or not tokens[j + 1][0][0].isalpha()
            or low[j + 1] in nw.stop_words
            or _clause_end_verb(text, tokens, low, j + 1, nw)
            or any(ch in NP_STOP_PUNCT for ch in text[tokens[j][2] : tokens[j + 1][1]])
        )
        participle = low[j].startswith(PARTICIPLE_PREFIXES) and low[j].endswith(PARTICIPLE_ENDINGS)
        if not (low[j].endswith("e") or participle) or last:
            return word, j - i + 1, None
    return "", 0, None


def _clause_end_verb(text: str, tokens, low, k: int, nw: NumberWords) -> bool:
    """A participle closing its clause ("... vrijgelaten."), so not part of the counted phrase."""
    if not PARTICIPLE.fullmatch(low[k]):
        return False
    return (
        k + 1 >= len(tokens)
        or low[k + 1] in nw.stop_words
        or any(ch in NP_STOP_PUNCT for ch in text[tokens[k][2] : tokens[k + 1][1]])
    )


def _aantal_head(text: str, before: int, nw: NumberWords) -> str:
    """For "het aantal soldaten ... op 10.000": the noun after "aantal" in the same sentence."""
    start = max(text.rfind(". ", 0, before), 0)
    matches = list(re.finditer(r"\baantal\s+((?:[\w-]+\s+){0,3})", text[start:before]))
    if not matches:
        return ""
    words = []
    for word in matches[-1].group(1).split():
        if word.lower() in nw.stop_words:
            break
        words.append(word)
    return words[-1] if words else ""


def _is_year_or_date(
    tokens, low, i: int, j: int, value: float, text: str, rules: TimeRules
) -> bool:
    token, start, end = tokens[i]
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/:"):
        return True  # G20, F-16, COVID-19
    if end < len(text) and (
        text[end].isalpha() or text[end] in ":/" and end + 1 < len(text) and text[end + 1].isdigit()
    ):
        return True  # 20e, 10:04, 3/4
    if j < len(tokens) and low[j] in rules.months:
        return True  # 17 januari
    if j > i + 1 or not re.fullmatch(r"1[89]\d\d|20\d\d", token):
        return False
    prev = low[i - 1] if i > 0 else ""
    nxt = tokens[j][0] if j < len(tokens) else ""
    return prev in YEAR_WORDS or prev in rules.months or not nxt[:1].isalpha()


def _reporter(sentence: str, nw: NumberWords) -> str | None:
    """Who reports what a sentence says: "volgens X", ", schat X", "Dat meldt X", "X meldt"."""
    tokens = _tokens(sentence)
    low = [t[0].lower() for t in tokens]
    for k, word in enumerate(low):
        kind = nw.reporting.get(word, ("", ""))[0]
        if not kind:
            continue
        before = sentence[: tokens[k][1]].rstrip()
        inverted = kind == "verb" and (
            before.endswith(",") or (k == 1 and low[0] in word_set("report_openers"))
        )
        if kind == "prep" or inverted:
            noun_phrase = _noun_phrase(sentence, tokens[k][2], nw)
            if noun_phrase[:1].isupper() or noun_phrase.split(" ")[0] in NP_STARTS:
                return noun_phrase
        if kind == "verb" and k > 0:
            clause = re.split(r"[;:]", sentence[: tokens[k][1]])[-1]
            subject = clause.split(",")[0].strip()
            if not subject[:1].isupper() or subject.lower() in PRONOUNS:
                continue
            if 0 < len(subject.split()) <= 6 and not DIGITS.search(subject):
                return subject
    return None


def _noun_phrase(sentence: str, pos: int, nw: NumberWords) -> str:
    """The noun phrase starting at pos, up to punctuation or a function word (max 10 words)."""
    words: list[str] = []
    for m in TOKEN.finditer(sentence, pos):
        gap = sentence[pos : m.start()]
        if any(ch in NP_STOP_PUNCT for ch in gap) or len(words) >= 10:
            break
        word, low = m.group(0), m.group(0).lower()
        article_ok = low in NP_STARTS and (not words or words[-1].lower() in NAME_LINKS)
        if (low in nw.stop_words and low not in NAME_LINKS and not article_ok) or word[0].isdigit():
            break
        words.append(word)
        pos = m.end()
    while words and words[-1].lower() in NP_STARTS | NAME_LINKS:
        words.pop()
    return " ".join(words)


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def find_quantities(text: str, rules: TimeRules | None = None) -> list[Quantity]:
    """Every counted quantity in text, with its approximation cue, unit and reporter."""
    rules = rules or default_rules()
    nw = rules.numbers
    tokens = _tokens(text)
    low = [t[0].lower().replace("’", "'") for t in tokens]
    sentences = _sentences(text)
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        cue, n_cue = _match_cue(low, i, nw.approximations)
        between = low[i] in word_set("range_openers")
        k = i + (n_cue or int(between))
        sign = low[k] if k < len(tokens) and low[k] in "€$£" and low[k] else ""
        k += bool(sign)
        value, used = (
            _read_number(low[k : k + 6], nw, allow_article=False) if k < len(tokens) else (None, 0)
        )
        if value is None:
            i += 1
            continue
        j = k + used
        lo: float | None = None
        hi: float | None = None
        rule = nw.approximations[cue][0] if cue else None
        if low[k] in nw.magnitudes:
            rule, lo, hi = nw.magnitudes[low[k]]
            cue = cue or low[k]
        if j + 1 < len(tokens) and (
            low[j] in RANGE_WORDS or (between and low[j] in word_set("range_joiners"))
        ):
            second, used2 = _read_number(low[j + 1 : j + 7], nw, allow_article=False)
            base = _read_number(low[j + 1 : j + 2], nw, allow_article=True)[0] if second else None
            first = value
            if (
                base and second is not None and low[j - 1] not in nw.scales
            ):  # "2 tot 3 miljoen": the scale is shared
                first = value * second / base
            if second is not None and second > first:
                lo, hi, j = first, second, j + 1 + used2
                value = (lo + hi) / 2
        if _is_year_or_date(tokens, low, k, j, value, text, rules):
            i = j
            continue
        unit_rule: str | None
        if sign:
            unit, n_unit, unit_rule = nw.currencies[sign][1], 0, nw.currencies[sign][0]
        else:
            unit, n_unit, unit_rule = _head(text, tokens, low, j, nw)
        if not unit:
            unit = _aantal_head(text, tokens[k][1], nw)
        last = tokens[j + n_unit - 1] if n_unit else tokens[j - 1]
        start = tokens[i][1] if (n_cue or between) else tokens[k - bool(sign)][1]
        span = (start, last[2])
        found.append(
            Quantity(
                value=float(value),
                unit=unit,
                approx=(cue or None) if not between else None,
                low=None if lo is None else float(lo),
                high=None if hi is None else float(hi),
                span=span,
                text=text[span[0] : span[1]],
                reported_by=_quantity_reporter(text, span[0], sentences, nw),
                rule=rule or unit_rule,
            )
        )
        i = j + n_unit
    return found


def _quantity_reporter(text: str, pos: int, sentences, nw: NumberWords) -> str | None:
    for n, (s, e) in enumerate(sentences):
        if s <= pos <= e:
            own = _reporter(text[s:e], nw)
            if own is None and n + 1 < len(sentences):
                nxt = text[sentences[n + 1][0] : sentences[n + 1][1]]
                opener = re.match(r"(\w+)\s", nxt)
                if (
                    opener
                    and opener[1].capitalize() == opener[1]
                    and opener[1].lower() in word_set("back_reporters")
                ):
                    own = _reporter(nxt, nw)
            return own
    return None


def event_quantities(event: Event, rules: TimeRules | None = None) -> tuple[Quantity, ...]:
    """The quantities in an event's sentence; the reporter falls back to the event's attribution."""
    found = find_quantities(event.sentence, rules)
    return tuple(
        q
        if q.reported_by or not event.attributed_to
        else Quantity(
            q.value, q.unit, q.approx, q.low, q.high, q.span, q.text, event.attributed_to, q.rule
        )
        for q in found
    )
