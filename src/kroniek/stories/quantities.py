"""Quantities in Dutch news sentences: numbers with what they count and who reports them.

"330 kilo cocaïne", "ongeveer 1 miljard roebel", "meer dan 2000 geverifieerde doden",
"bijna een half miljard dollar", "duizenden mensen": the value (Dutch separators: a point
groups thousands, a comma marks decimals), the approximation cue, a range when one is
given, the counted noun or unit, and the source when the sentence names one.

They are read once from the Frog tokens of an analysed sentence, and each quantity says
which tokens it spans. A token that glues a number to other word parts ("G20", "F-16",
"20-jarige") is read part by part, as printed; number words come from the time stage's
``data/time/numbers.yaml``, function words from ``data/words/quantities.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kroniek.records import Sentence
from kroniek.time import NumberWords, TimeRules, default_rules
from kroniek.words import word_set

#: the word parts of one token: a number, a currency or percent sign, or letters (with inner
#: apostrophes and hyphens); what lies between them (a hyphen, a colon) is no word
WORD_PART = re.compile(r"\d[\d.,]*\d|\d|[€$£%]|[^\W\d_]+(?:['’-][^\W\d_]+)*")
DIGITS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}")
RANGE_WORDS = word_set("range_words")
YEAR_WORDS = word_set("year_words")
NP_STOP_PUNCT = set(',.;:!?"“”()')
NP_STARTS = word_set("noun_phrase_starts")
NAME_LINKS = word_set("name_links")
PRONOUNS = word_set("reporter_pronouns")
COUNT_HEADS = word_set("count_heads")
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
    span: tuple[int, int]  # offsets of the quantity (cue, number and unit) in the field
    text: str  # as printed
    reported_by: str | None = None  # "het Amerikaanse Pentagon" ("schat het Amerikaanse Pentagon")
    rule: str | None = None  # id of the approximation, magnitude, unit or currency entry
    tokens: tuple[int, int] = (0, 0)  # first and last Frog token (1-based) of the sentence


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


def _words(sentence: Sentence) -> list[tuple[str, int, int, int]]:
    """The sentence's words as (text, start, end, token index), offsets in the sentence text:
    its Frog tokens, a token of several word parts part by part, punctuation left out."""
    words = []
    for token in sentence.tokens:
        at = token.start - sentence.start
        for m in WORD_PART.finditer(token.text):
            words.append((m.group(0), at + m.start(), at + m.end(), token.index))
    return words


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


def _counted_after_head(text: str, words, k: int, nw: NumberWords) -> str:
    """For "het aantal soldaten ... op 10.000": the noun after a count head ("aantal") before
    word k, in the same sentence: the last of up to three words that follow it, space-separated,
    before a function word."""
    before = words[k][1]
    start = max(text.rfind(". ", 0, before), 0)

    def spaced(n: int) -> bool:  # the word ends before the number, a space after it
        return words[n][2] < before and text[words[n][2]].isspace()

    heads = [
        n
        for n in range(k)
        if words[n][1] >= start
        and words[n][0] in COUNT_HEADS
        and (words[n][1] == 0 or not text[words[n][1] - 1].isalnum())
        and spaced(n)
    ]
    if not heads:
        return ""
    found: list[str] = []
    for n in range(heads[-1] + 1, min(heads[-1] + 4, k)):
        if not (re.fullmatch(r"[\w-]+", words[n][0]) and spaced(n)):
            break
        if not text[words[n - 1][2] : words[n][1]].isspace():
            break
        if words[n][0].lower() in nw.stop_words:
            break
        found.append(words[n][0])
    return found[-1] if found else ""


def _is_year_or_date(
    tokens, low, i: int, j: int, value: float, text: str, rules: TimeRules
) -> bool:
    token, start, end, _ = tokens[i]
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


def _reporter(sentence: Sentence, nw: NumberWords) -> str | None:
    """Who reports what a sentence says: "volgens X", ", schat X", "Dat meldt X", "X meldt"."""
    text, tokens = sentence.text, _words(sentence)
    low = [t[0].lower() for t in tokens]
    for k, word in enumerate(low):
        kind = nw.reporting.get(word, ("", ""))[0]
        if not kind:
            continue
        before = text[: tokens[k][1]].rstrip()
        inverted = kind == "verb" and (
            before.endswith(",") or (k == 1 and low[0] in word_set("report_openers"))
        )
        if kind == "prep" or inverted:
            noun_phrase = _noun_phrase(text, tokens[k + 1 :], tokens[k][2], nw)
            if noun_phrase[:1].isupper() or noun_phrase.split(" ")[0] in NP_STARTS:
                return noun_phrase
        if kind == "verb" and k > 0:
            clause = re.split(r"[;:]", before)[-1]
            subject = clause.split(",")[0].strip()
            if not subject[:1].isupper() or subject.lower() in PRONOUNS:
                continue
            if 0 < len(subject.split()) <= 6 and not DIGITS.search(subject):
                return subject
    return None


def _noun_phrase(text: str, after, pos: int, nw: NumberWords) -> str:
    """The noun phrase of the words ``after`` (from offset pos on), up to punctuation or a
    function word (max 10 words)."""
    words: list[str] = []
    for word, start, end, _ in after:
        gap = text[pos:start]
        if any(ch in NP_STOP_PUNCT for ch in gap) or len(words) >= 10:
            break
        low = word.lower()
        article_ok = low in NP_STARTS and (not words or words[-1].lower() in NAME_LINKS)
        if (low in nw.stop_words and low not in NAME_LINKS and not article_ok) or word[0].isdigit():
            break
        words.append(word)
        pos = end
    while words and words[-1].lower() in NP_STARTS | NAME_LINKS:
        words.pop()
    return " ".join(words)


def find_quantities(
    sentence: Sentence, following: Sentence | None = None, rules: TimeRules | None = None
) -> list[Quantity]:
    """Every counted quantity in an analysed sentence, with its approximation cue, unit and
    reporter (named in the sentence, or in ``following`` when that opens "Dat meldt ...")."""
    rules = rules or default_rules()
    nw = rules.numbers
    text = sentence.text
    tokens = _words(sentence)
    low = [t[0].lower().replace("’", "'") for t in tokens]
    reporter: list[str | None] = []  # read on the first quantity, then kept
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
            unit = _counted_after_head(text, tokens, k, nw)
        last = tokens[j + n_unit - 1] if n_unit else tokens[j - 1]
        first_word = tokens[i] if (n_cue or between) else tokens[k - bool(sign)]
        if not reporter:
            reporter.append(_sentence_reporter(sentence, following, nw))
        found.append(
            Quantity(
                value=float(value),
                unit=unit,
                approx=(cue or None) if not between else None,
                low=None if lo is None else float(lo),
                high=None if hi is None else float(hi),
                span=(sentence.start + first_word[1], sentence.start + last[2]),
                text=text[first_word[1] : last[2]],
                reported_by=reporter[0],
                rule=rule or unit_rule,
                tokens=(first_word[3], last[3]),
            )
        )
        i = j + n_unit
    return found


def _sentence_reporter(
    sentence: Sentence, following: Sentence | None, nw: NumberWords
) -> str | None:
    """Who the sentence names as reporting it, else who the next one names when it opens
    with a word pointing back ("Dat meldt X")."""
    own = _reporter(sentence, nw)
    if own is None and following is not None and following.tokens:
        opener = following.tokens[0].text
        spaced = following.text[len(opener) : len(opener) + 1].isspace()
        if (
            spaced
            and re.fullmatch(r"\w+", opener)
            and opener.capitalize() == opener
            and opener.lower() in word_set("back_reporters")
        ):
            own = _reporter(following, nw)
    return own
