"""Factuality (asserted, future, negated, alleged), attribution and background history cues."""

from __future__ import annotations

from collections.abc import Sequence

from kroniek.events.clause import Window, clause_verbs, lemma, np_start, words
from kroniek.events.patterns import Cue, Patterns
from kroniek.records import Mention, Sentence, Token
from kroniek.words import word_set

ORDER = ("negated", "alleged", "future")


def _conjunct_end(sentence: Sentence, win: Window, trigger: int) -> int:
    """Last token of the trigger verb's conjunct: a coordinator after the verb that a finite verb
    follows opens a clause of its own ("X heeft Y verslagen en wil het gebied innemen": the will
    is not the defeat's)."""
    toks = sentence.tokens[trigger : win.last]
    for k, tok in enumerate(toks):
        if tok.pos.startswith("VG(neven") and any(t.pos.startswith("WW(pv") for t in toks[k + 1 :]):
            return tok.index - 1
    return win.last


def lemma_seq(sentence: Sentence, first: int, last: int) -> list[tuple[int, str]]:
    """(token index, lemma word) pairs for tokens first..last, multi-word units split."""
    out: list[tuple[int, str]] = []
    for tok in sentence.tokens[first - 1 : last]:
        out.extend((tok.index, w) for w in words(tok))
    return out


def has_seq(
    seq: list[tuple[int, str]], wanted: tuple[str, ...], texts: dict[int, str] | None = None
) -> int | None:
    """Token index where the lemma (or word) sequence ``wanted`` starts, or None."""
    n = len(wanted)
    for k in range(len(seq) - n + 1):
        if all(
            seq[k + j][1] == wanted[j] or (texts and texts.get(seq[k + j][0]) == wanted[j])
            for j in range(n)
        ):
            return seq[k][0]
    return None


def _cue_hits(
    cue: Cue, sentence: Sentence, first: int, last: int, texts: dict[int, str], skip: int = 0
) -> bool:
    if cue.present_tense and not _present(sentence.tokens[first - 1 : last]):
        return False
    for tok in sentence.tokens[first - 1 : last]:
        if _noun_read_as_verb(sentence, tok):
            continue
        if (
            tok.index != skip
            and lemma(tok).replace(" ", "") in cue.lemmas
            and (cue.pos is None or tok.pos.startswith(cue.pos))
        ):
            if cue.needs_infinitive and not _governs_infinitive(sentence, tok.index, last):
                continue
            return True
    if cue.seqs and any(_seq_hit(sentence, cue, first, last, s, texts) for s in cue.seqs):
        return True
    if not cue.lemmas:
        return False
    joined = clause_verbs(sentence, Window(first, last, ""), skip) - {
        lemma(t).replace(" ", "") for t in sentence.tokens
    }
    return bool(
        cue.lemmas & joined
    )  # a separable verb split in the clause: "spraken ... af" is afspreken


def _seq_hit(
    sentence: Sentence, cue: Cue, first: int, last: int, wanted: tuple[str, ...], texts: dict
) -> bool:
    """The word sequence ``wanted`` of a cue stands in tokens [first, last], not right after one of
    the cue's ``not_after`` words ("zoveel mogelijk")."""
    seq = lemma_seq(sentence, first, last)
    at = has_seq(seq, wanted, texts)
    while at is not None:
        before = {sentence.tokens[i - 1].text.lower() for i in (at - 1, at - 2) if i >= 1}
        if not before & cue.not_after:
            return True
        seq = [(i, w) for i, w in seq if i > at]
        at = has_seq(seq, wanted, texts)
    return False


def _noun_read_as_verb(sentence: Sentence, tok: Token) -> bool:
    """An infinitive right after an article or a prenominal adjective is a plural noun Frog read
    as a verb ("de Turkse plannen"); a finite verb right after another finite verb is a noun of a
    headline with no article ("betreurt besluit X")."""
    if tok.index < 2:
        return False
    before = sentence.tokens[tok.index - 2]
    if tok.pos.startswith("WW(pv") and before.pos.startswith("WW(pv"):
        return True
    if not tok.pos.startswith("WW(inf"):
        return False
    return before.tag == "LID" or (before.tag == "ADJ" and "prenom" in before.pos)


def _present(toks) -> bool:
    """The clause is told in the present: a present finite verb (or none, as in a headline), no past
    one, no participle (perfect)."""
    return not any(t.pos.startswith(("WW(pv,verl", "WW(vd")) for t in toks)


def _past_year(sentence: Sentence, win: Window, trigger: int, noun: bool, year: int) -> bool:
    """The clause names a year before ``year`` and tells it in the past tense (or, for an event
    noun, the year stands in the noun's own phrase: "het akkoord van 2015")."""
    toks = list(sentence.tokens[win.first - 1 : win.last])
    if noun:
        toks += [t for t in sentence.tokens[trigger : trigger + 3] if t not in toks]
    years = [
        t for t in toks if t.text.isdigit() and len(t.text) == 4 and 1900 <= int(t.text) < year
    ]
    if not years:
        return False
    if noun and any(trigger < t.index <= trigger + 3 for t in years):
        return True
    past = any(t.pos.startswith("WW(pv,verl") for t in toks)
    perfect = any(t.pos.startswith("WW(vd") for t in toks) and any(
        lemma(t) in word_set("perfect_auxiliaries") and t.pos.startswith("WW(pv,tgw") for t in toks
    )
    return past or perfect


def _on_known_thing(sentence: Sentence, win: Window, actors: Sequence[Mention]) -> bool:
    """The relative clause hangs on a thing named as known before (a definite noun phrase or a
    name: "het verdrag, waarin ..."), not on an actor ("de minister, die met Y sprak" tells what he
    did) nor on a statement ("een verklaring, waarin X Y beschuldigde" tells what it says)."""
    at = win.first - 1
    if at >= 1 and sentence.tokens[at - 1].text == ",":
        at -= 1
    if at < 1 or any(m.tokens[0] <= at <= m.tokens[1] for m in actors):
        return False
    head = sentence.tokens[at - 1]
    word = lemma(head).replace(" ", "")
    if any(word == w or word.endswith(w) for w in word_set("statement_nouns")):
        return False
    first = sentence.tokens[np_start(sentence, at) - 1]
    definite = (first.tag == "LID" and "bep" in first.pos) or (
        first.tag == "VNW" and "aanw" in first.pos
    )
    return definite or head.tag == "SPEC"


def _dated_by_first_conjunct(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, year: int
) -> bool:
    """A conjunct that shares the subject of the clause before it ("en heeft ..."), told in the
    past like it, takes that clause's earlier year ("X sloot in 2016 een akkoord en legde de
    wapens neer")."""
    if win not in wins or win.subordinate or wins.index(win) == 0 or win.last <= win.first:
        return False
    first, nxt = sentence.tokens[win.first - 1], sentence.tokens[win.first]
    if lemma(first) not in word_set("clause_coordinators") or not nxt.pos.startswith("WW(pv"):
        return False
    before = wins[wins.index(win) - 1]
    return _told_past(sentence, win) and _past_year(sentence, before, 0, False, year)


def _earlier_terms(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, verbs: frozenset[str]
) -> bool:
    """A dat-clause with "zou" (a future in the past) under a clause told in the past whose verb is
    one of ``verbs`` of stipulation ("de akkoorden bepaalden dat X zich zou terugtrekken"): it
    states the terms of an earlier text, not an act the news reports."""
    if win not in wins or win.opener not in word_set("complement_openers"):
        return False
    if not any(
        lemma(t) in word_set("future_auxiliaries") and t.pos.startswith("WW(pv,verl")
        for t in sentence.tokens[win.first - 1 : win.last]
    ):
        return False
    above = governing(wins, win)
    if not above or not _told_past(sentence, above[0]):
        return False
    return bool(verbs & clause_verbs(sentence, above[0]))


def _dated_by_governing(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, year: int
) -> bool:
    """A toen- or nadat-clause hanging on a clause that names a year before ``year`` in the past
    tense ("de grens is in 2000 vastgelegd, toen X zich terugtrok"): the act is as old."""
    if win not in wins or win.opener not in (
        word_set("past_time_openers") | word_set("dated_complement_openers")
    ):
        return False
    above = governing(wins, win)
    return bool(above) and _past_year(sentence, above[0], 0, False, year)


def _pluperfect(sentence: Sentence, win: Window) -> bool:
    """The clause is told in the pluperfect: a past perfect auxiliary and a participle ("hadden
    gesloten", "was vertrokken")."""
    toks = sentence.tokens[win.first - 1 : win.last]
    return any(t.pos.startswith("WW(vd") for t in toks) and any(
        lemma(t) in word_set("perfect_auxiliaries") and t.pos.startswith("WW(pv,verl") for t in toks
    )


def _told_past(sentence: Sentence, win: Window) -> bool:
    """The clause is told in the past tense or the perfect ("dat werd gesloten", "waarin X en Y
    hebben afgesproken")."""
    toks = sentence.tokens[win.first - 1 : win.last]
    if any(t.pos.startswith("WW(pv,verl") for t in toks):
        return True
    return any(t.pos.startswith("WW(vd") for t in toks) and any(
        lemma(t) in word_set("perfect_auxiliaries") and t.pos.startswith("WW(pv,tgw") for t in toks
    )


def _governs_infinitive(sentence: Sentence, verb: int, last: int) -> bool:
    """gaan + infinitive ("gaan samenwerken"), not "gaat door met"."""
    toks = sentence.tokens
    for tok in toks[verb:last]:
        if lemma(tok) in word_set("non_infinitive_particles") and tok.tag == "VZ":
            return False
        if tok.pos.startswith("WW(inf"):
            return True
        head = sentence.tokens[verb - 1].pos
        if tok.pos.startswith("WW(pv,tgw,mv") and head.startswith("WW(pv") and ",mv" not in head:
            return True  # "China gaat oefeningen houden": Frog may tag the infinitive as the plural it looks like
    return False


def governing(wins: tuple[Window, ...], win: Window) -> list[Window]:
    """The windows before a subordinate window, nearest first, up to the main clause."""
    out: list[Window] = []
    at = wins.index(win)
    cur = win
    while cur.subordinate and at > 0:
        at -= 1
        cur = wins[at]
        out.append(cur)
    return out


def factuality(
    patterns: Patterns,
    sentence: Sentence,
    wins: tuple[Window, ...],
    win: Window,
    trigger: int,
    noun: bool,
    parties: set[str],
    mentions: list[Mention],
    ignores: tuple[str, ...] = (),
    intent_act: bool = False,
) -> tuple[str, str | None]:
    """The fact value of an event at ``trigger`` and the id of the cue that decided it; the fact
    kinds in ``ignores`` are not considered (a pattern whose idiom holds its own negation), nor
    intent cues when ``intent_act`` (an expressed intent happens now: "is bereid met Y te praten")."""
    texts = {t.index: t.text.lower() for t in sentence.tokens}
    above = governing(wins, win)
    found: dict[str, str] = {}
    answered = noun and _answered(sentence, trigger, texts)
    own_end = win.last if noun else _conjunct_end(sentence, win, trigger)
    at = wins.index(win)  # the trigger's window is always one of the sentence's
    for kind in ORDER:
        if kind in ignores or (answered and kind != "alleged"):
            continue
        for cue in patterns.cue(kind):
            if kind in found:
                break
            if (cue.intent and intent_act) or any(
                lemma(t) in cue.unless for t in sentence.tokens[win.first - 1 : win.last]
            ):
                continue
            if cue.third_party:
                if _third_party_source(sentence, mentions, parties):
                    found[kind] = cue.id
                continue
            if cue.before_noun:
                start = np_start(sentence, trigger)
                if noun and _cue_hits(cue, sentence, max(1, start - 3), start - 1, texts):
                    found[kind] = cue.id
                continue
            if cue.nominal_only:
                if noun and _cue_hits(cue, sentence, np_start(sentence, trigger), trigger, texts):
                    found[kind] = cue.id
                continue
            spans = [(win.first, own_end)]
            if noun and at + 1 < len(wins) and wins[at + 1].opener == "rel" and kind == "future":
                spans.append((wins[at + 1].first, wins[at + 1].last))
            if cue.scope == "opener":  # the trigger's clause is a condition: "als X Y aanvalt"
                if win.subordinate and lemma(sentence.tokens[win.first - 1]) in cue.lemmas:
                    found[kind] = cue.id
                continue
            if cue.scope == "govern":
                spans += [(w.first, w.last) for w in above]
            elif cue.scope == "sentence":
                spans = [(1, len(sentence.tokens))]
            if kind == "negated" and cue.scope != "govern":
                spans = _negation_scope(sentence, win, trigger, noun, cue.lemmas)
                spans += [(w.first, w.last) for w in above if _confirms(sentence, w)]
            if any(_cue_hits(cue, sentence, a, b, texts, trigger) for a, b in spans if a <= b):
                found[kind] = cue.id
    strong = [
        c for c in patterns.cue("alleged") if c.scope == "sentence" and c.seqs and c.overrides
    ]
    for cue in strong:
        if any(
            has_seq(lemma_seq(sentence, 1, len(sentence.tokens)), s, texts) is not None
            for s in cue.seqs
        ):
            return "alleged", cue.id
    for kind in ORDER:
        if kind in found:
            return kind, found[kind]
    return "asserted", None


def unreal(
    patterns: Patterns,
    sentence: Sentence,
    wins: tuple[Window, ...],
    win: Window,
    trigger: int,
    fact: str,
    ptype: str,
) -> str | None:
    """Id of the cue that makes an event of type ``ptype`` unreal, so not coded: a hypothetical
    condition ("als X Y zou aanvallen") or a negated modal of ability or permission ("mag geen
    raketten lanceren"); a cue's ``spares`` types stay coded."""
    for cue in patterns.cue("unreal"):
        if ptype in cue.spares:
            continue
        toks = sentence.tokens[win.first - 1 : win.last]
        if (cue.when_negated and fact != "negated") or any(lemma(t) in cue.unless for t in toks):
            continue
        if cue.scope == "head":  # "meer tijd om te onderhandelen": a chance, not an act
            head = sentence.tokens[win.first - 2] if win.first >= 2 else None
            if (
                win.opener in word_set("purpose_openers")
                and head is not None
                and head.tag == "N"
                and lemma(head) in cue.lemmas
            ):
                return cue.id
            continue
        if cue.scope == "opener":
            opener = sentence.tokens[win.first - 1]
            if (
                win.subordinate
                and lemma(opener) in cue.lemmas
                and (cue.pos is None or opener.pos.startswith(cue.pos))
                and (not cue.governed_by or _governed_by(sentence, wins, win, cue.governed_by))
            ):
                return cue.id
            continue
        if any(t.tag == "WW" and t.index != trigger and lemma(t) in cue.lemmas for t in toks):
            return cue.id
    return None


def _governed_by(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, wanted: frozenset[str]
) -> bool:
    """A clause governing ``win`` holds a present-tense verb of the lemmas ``wanted``."""
    if win not in wins:
        return False
    return any(
        t.pos.startswith("WW(pv,tgw") and lemma(t) in wanted
        for above in governing(wins, win)
        for t in sentence.tokens[above.first - 1 : above.last]
    )


def after_reaction_phrase(
    sentence: Sentence, start: int, texts: dict[int, str], multiword: bool = False
) -> bool:
    """A reaction preposition ends right before token ``start`` ("als reactie op", "na");
    with ``multiword``, only one of two words or more ("als antwoord op", not "na")."""
    before = lemma_seq(sentence, max(1, start - 4), start - 1)
    for words_ in word_set("reaction_preps"):
        wanted = tuple(words_.split())
        if multiword and len(wanted) < 2:
            continue
        tail = before[-len(wanted) :] if len(before) >= len(wanted) else []
        if tail and has_seq(tail, wanted, texts) is not None:
            return True
    return False


def _answered(sentence: Sentence, trigger: int, texts: dict[int, str]) -> bool:
    """The event noun is what a reaction answers ("als reactie op de wapenverkoop"): an earlier act."""
    start = np_start(sentence, trigger)
    return after_reaction_phrase(sentence, start, texts) or answered_conjunct(
        sentence, start, texts
    )


def answered_conjunct(sentence: Sentence, start: int, texts: dict[int, str]) -> bool:
    """A later conjunct of the noun phrase a multi-word reaction preposition heads ("als vergelding
    voor de misdaden en de agressie"): back over the list, no verb between, to the preposition."""
    if start < 2 or lemma(sentence.tokens[start - 2]) not in word_set("and_words"):
        return False
    first = start - 1
    while first > 1 and start - first < 16:
        tok = sentence.tokens[first - 2]
        if tok.tag == "WW" or tok.text in (".", ";", ":") or tok.pos.startswith("VG(onder"):
            break
        first -= 1
    seq = lemma_seq(sentence, first, start - 1)
    wanted = [tuple(w.split()) for w in word_set("reaction_preps")]
    return any(len(w) > 1 and has_seq(seq, w, texts) is not None for w in wanted)


def _negation_scope(
    sentence: Sentence, win: Window, trigger: int, noun: bool, negations: frozenset[str]
) -> list[tuple[int, int]]:
    """Where a negation counts: for nouns only right before the noun ("geen akkoord"); for verbs
    the clause, but not a negation inside a nominalised verb ("wegens het niet nakomen") nor one
    after the trigger that opens a te-infinitive ("roept Y op geen sancties te nemen")."""
    if noun:
        return [(np_start(sentence, trigger), trigger)]
    spans: list[tuple[int, int]] = []
    start, last = win.first, win.last
    for tok in sentence.tokens[win.first - 1 : win.last]:
        if lemma(tok) not in negations:
            continue
        if tok.index > trigger and _opens_infinitive(sentence, tok.index, win.last, trigger):
            last = tok.index - 1
            break
        if tok.index > 1 and sentence.tokens[tok.index - 2].tag == "LID":
            spans.append((start, tok.index - 1))
            start = tok.index + 1
    spans.append((start, last))
    return spans


def _opens_infinitive(sentence: Sentence, at: int, last: int, trigger: int) -> bool:
    """The words after token ``at`` reach "te" + infinitive (not the trigger) before any other verb
    or separated particle: the negation belongs to that infinitive phrase."""
    toks = sentence.tokens
    for tok in toks[at:last]:
        if lemma(tok) in word_set("infinitive_markers") and tok.index < last:
            after = toks[tok.index]
            return after.pos.startswith("WW(inf") and after.index != trigger
        if tok.tag == "WW" or tok.pos.startswith("VZ(fin"):
            return False
    return False


def _confirms(sentence: Sentence, win: Window) -> bool:
    """A governing clause with a verb of confirming or saying ("bevestigden niet dat ...")."""
    return any(
        lemma(t) in word_set("report_verbs") for t in sentence.tokens[win.first - 1 : win.last]
    )


def _third_party_source(sentence: Sentence, mentions: list[Mention], parties: set[str]) -> bool:
    """True when "volgens X" names someone who is neither side of the event."""
    for m in mentions:
        prev = m.tokens[0] - 1
        while prev >= 1 and sentence.tokens[prev - 1].tag in ("LID", "ADJ"):
            prev -= 1
        if prev >= 1 and lemma(sentence.tokens[prev - 1]) == "volgens":
            return m.code not in parties
    return False


def attribution(
    patterns: Patterns,
    sentence: Sentence,
    wins: tuple[Window, ...],
    win: Window,
    mentions: list[Mention],
) -> tuple[Mention | None, str | None]:
    """Who reports the event ("volgens het Pentagon", "meldt de FSB", "zei Lavrov") and the cue id."""
    for cue in patterns.cue("attribution"):
        for m in mentions:
            prev = m.tokens[0] - 1
            while prev >= 1 and sentence.tokens[prev - 1].tag in ("LID", "ADJ"):
                prev -= 1
            if cue.preps and prev >= 1 and lemma(sentence.tokens[prev - 1]) in cue.preps:
                return m, cue.id
        if not cue.verbs:
            continue
        for other in wins:
            if other == win or win.first < other.first and other.opener != "comma":
                continue
            verbs = [
                t
                for t in sentence.tokens[other.first - 1 : other.last]
                if t.tag == "WW" and lemma(t).replace(" ", "") in cue.verbs
            ]
            if not verbs:
                continue
            speakers = [m for m in mentions if m.tokens[0] in other]
            if speakers:
                return speakers[0], cue.id
    return None, None


def background(
    patterns: Patterns,
    sentence: Sentence,
    win: Window,
    trigger: int,
    noun: bool,
    year: int | None = None,
    actors: Sequence[Mention] = (),
    wins: tuple[Window, ...] = (),
) -> str | None:
    """Id of the background cue when the event is told as history ("sinds de invasie ... geleden",
    "in 2015 sloten ..."); ``year`` is the year the article speaks from, when known; ``actors``
    the sentence's mentions (a relative clause on an actor tells what the actor did); ``wins`` the
    sentence's clauses (a toen-clause takes the year of the clause it hangs on)."""
    texts = {t.index: t.text.lower() for t in sentence.tokens}
    start = np_start(sentence, trigger)
    before = sentence.tokens[start - 2] if start >= 2 else None
    for cue in patterns.cue("background"):
        if cue.terms_past:
            if _earlier_terms(sentence, wins, win, cue.lemmas):
                return cue.id
            continue
        if cue.pluperfect_main:
            if (
                not win.subordinate
                and _pluperfect(sentence, win)
                and any(
                    has_seq(lemma_seq(sentence, win.first, win.last), s, texts) is not None
                    for s in cue.seqs
                )
            ):
                return cue.id
            continue
        if cue.preps and noun and before is not None and lemma(before) in cue.preps:
            return cue.id
        if cue.seqs and noun:
            tail = lemma_seq(sentence, trigger, win.last)
            if any(has_seq(tail, s, texts) is not None for s in cue.seqs):
                return cue.id
        if (
            cue.past_year
            and year is not None
            and (
                _past_year(sentence, win, trigger, noun, year)
                or _dated_by_governing(sentence, wins, win, year)
                or _dated_by_first_conjunct(sentence, wins, win, year)
            )
        ):
            return cue.id
        if cue.lemmas and any(
            lemma(t) in cue.lemmas and (cue.pos is None or t.pos.startswith(cue.pos))
            for t in sentence.tokens[win.first : win.last]
        ):  # not the clause's first word: "Toen viel X aan" is a narrative "then"
            return cue.id
        if (
            cue.relative_past
            and win.opener == "rel"
            and _told_past(sentence, win)
            and _on_known_thing(sentence, win, actors)
        ):
            return cue.id
        if (
            cue.seqs
            and not noun
            and cue.verbs_too
            and any(
                has_seq(lemma_seq(sentence, win.first, win.last), s, texts) is not None
                for s in cue.seqs
            )
        ):
            return cue.id
    return None
