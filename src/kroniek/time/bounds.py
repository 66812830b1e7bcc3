"""Publication bounds for an article printed without a time (a page captured long after).

The capture time is an upper bound only. Lower (and tighter upper) bounds come from the
text: office holders named with their role ("verkozen president Joe Biden" dates the text
between the election and the inauguration; "NAVO-chef Mark Rutte" after 1 October 2024),
well-known events ("de Russische invasie ... bijna drie jaar geleden"), and dates and years
the text names as past. The evidence is intersected; conflicting evidence is dropped and
reported.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, timedelta

from kroniek.people import OfficeHolder, Tenure
from kroniek.records import Article, Bounds, Evidence, Interval
from kroniek.time.eventdate import _alt, _phrases, find_time_expressions, is_future, local_date
from kroniek.time.published import at_local
from kroniek.time.rules import Facts, TimeRules, default_rules
from kroniek.words import word_set

FIRM = {"tenure", "elected", "former", "dated_event", "date_named", "year_named"}
SENTENCE = re.compile(r"[^.!?]+[.!?]?")
# approximation cues (data/time/numbers.yaml) read before "N jaar geleden": fewer, more, about
NEARLY, OVER, ABOUT = "quantity.approx.nearly", "quantity.approx.over", "quantity.approx.about"


def _person_evidence(text: str, person: OfficeHolder, facts: Facts) -> list[Evidence]:
    dated = tuple(t for t in person.terms if t.title)
    roles = {cue: title for title, cues in facts.titles.items() for cue in cues}
    role_re = _alt(roles)
    former, elect = _alt(facts.former_modifiers), _alt(facts.elect_modifiers)
    the = _alt(word_set("definite_articles"))
    before_re = re.compile(rf"(?:(?P<mod>{former}|{elect})\s*)?(?P<role>{role_re})\s+$", re.I)
    after_re = re.compile(
        rf"^,\s+(?:{the})\s+(?:[\w-]+e\s+)?(?:(?P<mod>{former}|{elect})\s*)?(?P<role>{role_re})\b",
        re.I,
    )
    gov_re = re.compile(
        rf"(?:{_alt(facts.elect_government)})\s+(?:(?:{_phrases('elect_government_fillers')})\s+)?$",
        re.I,
    )
    office_re = re.compile(rf"(?:{_alt(facts.in_office_cues)})\s+$", re.I)
    found: dict[tuple[str, str], Evidence] = {}
    taken: list[tuple[int, int]] = []
    for name in sorted(person.names, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            before = re.split(r"[.!?]\s", text[max(0, m.start() - 90) : m.start()])[-1]
            hit = before_re.search(before) or after_re.search(text[m.end() : m.end() + 90])
            terms: tuple[Tenure, ...] = ()
            kind = ""
            if gov_re.search(before):
                terms, kind = tuple(t for t in dated if t.elected), "elected"
            elif hit:
                office_terms = _office_terms(person, hit["role"].lower(), facts)
                mod = (hit["mod"] or "").lower()
                kind = (
                    "tenure"
                    if not mod
                    else ("elected" if mod in facts.elect_modifiers else "former")
                )
                if mod in facts.then_modifiers:
                    kind = "tenure_then"
                terms = office_terms
            elif office_re.search(before):
                terms, kind = dated, "tenure"
            else:
                terms, kind = _article_role_terms(text, dated, facts), "tenure_article"
            intervals = _term_intervals(terms, kind, timedelta(days=facts.tenure_grace_days))
            if intervals:
                label = "tenure" if kind == "tenure_then" else kind
                found[(person.id, label)] = Evidence(
                    label, person.id, (before[-40:] + m.group(0)).strip(), intervals
                )
    direct = [e for e in found.values() if e.kind != "tenure_article"]
    return direct or list(found.values())


def _office_terms(person: OfficeHolder, role: str, facts: Facts) -> tuple[Tenure, ...]:
    """The person's terms the role word before or after the name may name: those whose title
    has that word, and those of an office the word begins ("minister" also names a term as
    "minister van Financiën", which dates nothing by itself but must not be ruled out)."""
    return tuple(
        t
        for t in person.terms
        if role in [c.lower() for c in facts.titles.get(t.title or "", ())]
        or re.match(rf"{re.escape(role)}(?![\w-])", t.office.lower())
    )


def _article_role_terms(text: str, dated: tuple[Tenure, ...], facts: Facts) -> tuple[Tenure, ...]:
    """Terms whose specific role (several words, or a compound like "navo-chef") the article
    names somewhere, also in the plural ("de ministers van Buitenlandse Zaken")."""
    low = text.lower()
    terms = []
    for term in dated:
        for cue in facts.titles[term.title or ""]:
            if " " not in cue and "-" not in cue:
                continue
            first, _, rest = cue.partition(" ")
            pattern = rf"(?<![\w-]){re.escape(first)}(?:s|en)?{(' ' + re.escape(rest)) if rest else ''}(?![\w-])"
            if re.search(pattern, low):
                terms.append(term)
                break
    return tuple(terms)


def _term_intervals(terms, kind: str, grace: timedelta) -> tuple[Interval, ...]:
    if kind in ("tenure", "tenure_article"):
        return tuple((t.start, t.end + grace if t.end else None) for t in terms)
    if kind == "tenure_then":
        return tuple((t.start, None) for t in terms)
    if kind == "elected":
        return tuple((t.elected, t.start) for t in terms if t.elected)
    if kind == "former":
        return tuple((t.end, None) for t in terms if t.end)
    return ()


def _add_years(day: date, years: float) -> date:
    return day + timedelta(days=round(365.25 * years))


@functools.lru_cache(maxsize=4)
def _ago(rules: TimeRules) -> re.Pattern:
    """'(bijna) drie jaar geleden': an approximation cue, a count, months or years, 'geleden'."""
    nw = rules.numbers
    cues = _alt(c for c, (ident, _) in nw.approximations.items() if ident in (NEARLY, OVER, ABOUT))
    units = _alt(w for w, (unit, _) in rules.ago_units.items() if unit in ("month", "year"))
    return re.compile(
        rf"\b(?P<q>{cues})?\s*(?P<n>\d+|{_alt(nw.counts())})\s+(?P<u>{units})\s+(?:{_phrases('ago_words')})\b",
        re.I,
    )


def _event_evidence(text: str, rules: TimeRules) -> list[Evidence]:
    found = []
    counts = rules.numbers.counts()
    for sentence in SENTENCE.findall(text):
        low = sentence.lower()
        for event in rules.facts.events:
            cue = next(
                (c for c in event.cues if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", low)),
                None,
            )
            if cue is None:
                continue
            found.append(Evidence("dated_event", event.id, cue, ((event.date, None),)))
            ago = _ago(rules).search(sentence)
            if ago:
                n = int(ago["n"]) if ago["n"].isdigit() else counts[ago["n"].lower()]
                in_years = rules.ago_units[ago["u"].lower()][0] == "year"
                years, step = (n, 1) if in_years else (n / 12, 1 / 12)
                cue = rules.numbers.approximations[ago["q"].lower()][0] if ago["q"] else ABOUT
                lo, hi = (
                    (years - step / 2, years)
                    if cue == NEARLY
                    else (years, years + step)
                    if cue == OVER
                    else (years - step / 2, years + step)
                )
                found.append(
                    Evidence(
                        "years_ago",
                        event.id,
                        ago.group(0).strip(),
                        ((_add_years(event.date, lo), _add_years(event.date, hi)),),
                    )
                )
    return found


def _named_dates(text: str, rules: TimeRules, capture: date | None) -> list[Evidence]:
    """Dates and years the text names as past: the text is not older than the latest of them."""
    best: tuple[date, str, str] | None = None
    preps = _alt(word_set("past_year_preps") | set(rules.month_names))
    for sentence in SENTENCE.findall(text):
        if is_future(sentence, rules):
            continue
        for expr in find_time_expressions(sentence, None, False, rules):
            start = date(*(int(x) for x in (expr.value + "-01-01")[:10].split("-")))
            kind = "date_named" if expr.precision != "year" else "year_named"
            if (capture is None or start <= capture) and (best is None or start > best[0]):
                best = (start, kind, expr.text)
        for m in re.finditer(rf"\b(?:{preps})\s+((?:19|20)\d\d)\b(?![\w-])", sentence, re.I):
            start = date(int(m.group(1)), 1, 1)
            if (capture is None or start <= capture) and (best is None or start > best[0]):
                best = (start, "year_named", m.group(0))
    if best is None:
        return []
    return [Evidence(best[1], f"time.{best[1]}", best[2], ((best[0], None),))]


def _intersect(current: list[Interval], allowed: tuple[Interval, ...]) -> list[Interval]:
    out = []
    for a0, a1 in current:
        for b0, b1 in allowed:
            lo = max((d for d in (a0, b0) if d), default=None)
            hi = min((d for d in (a1, b1) if d), default=None)
            if lo is None or hi is None or lo <= hi:
                out.append((lo, hi))
    return out


def publication_bounds(
    article: Article, fetched_at: datetime | None, rules: TimeRules | None = None
) -> Bounds:
    """Bounds on when an article without a printed time was published, with the evidence."""
    rules = rules or default_rules()
    facts = rules.facts
    text = f"{article.headline or ''}. {article.text}"
    capture = local_date(fetched_at) if fetched_at else None
    evidence: list[Evidence] = []
    for person in facts.people:
        evidence += _person_evidence(text, person, facts)
    evidence += _event_evidence(text, rules)
    evidence += _named_dates(text, rules, capture)
    evidence.sort(key=lambda e: e.kind not in FIRM)
    current: list[Interval] = [(None, capture)]
    used: list[Evidence] = []
    dropped: list[Evidence] = []
    for ev in evidence:
        narrowed = _intersect(current, ev.intervals)
        if narrowed:
            current, used = narrowed, used + [ev]
        else:
            dropped.append(ev)
    starts = [a for a, _ in current if a is not None]
    ends = [b for _, b in current if b is not None]
    lo = min(starts) if len(starts) == len(current) else None
    hi = max(ends) if len(ends) == len(current) else None
    earliest = at_local(lo, 0, 0) if lo else None
    latest = None
    if hi is not None:
        latest = at_local(hi, 23, 59)
        if fetched_at is not None and hi == capture:
            latest = fetched_at.astimezone(UTC)
    return Bounds(
        earliest, latest, _how_sure(lo, hi, used), _reason(used, dropped, fetched_at), tuple(used)
    )


def _how_sure(lo: date | None, hi: date | None, used: list[Evidence]) -> str:
    if lo is None or hi is None or not used:
        return "low"
    firm = all(e.kind in FIRM for e in used)
    return "high" if firm and (hi - lo).days <= 400 else "medium"


def _reason(used: list[Evidence], dropped: list[Evidence], fetched_at: datetime | None) -> str:
    parts = []
    for ev in used:
        spans = ", ".join(f"{a or '…'}..{b or '…'}" for a, b in ev.intervals)
        parts.append(f"{ev.kind} {ev.rule} from {ev.text!r}: {spans}")
    if fetched_at is not None:
        parts.append(f"not after the capture time {fetched_at.astimezone(UTC):%Y-%m-%dT%H:%MZ}")
    if not used:
        parts.append("the text names no dated office holder, event or date")
    if dropped:
        parts.append(
            "ignored as conflicting: " + ", ".join(f"{e.rule} ({e.text!r})" for e in dropped)
        )
    return "; ".join(parts)
