"""What a clause points back to: the claim a denial answers ("X ontkent dat", "verwierp die beschuldiging"),
the act a reaction judges ("steunden de operatie", "veroordeelde de aanvallen") and "de twee".

A denial whose object is an anaphor or a claim noun is aimed at whoever made the claim: the
accuser of an ACCUSE event, the source of a "volgens X" or the subject of the clause before
it (earlier in the same sentence, else in the previous sentence). A reaction whose object is a
definite act noun without an actor in it is aimed at the doers of the last coded events. A
first-person pronoun in a quote stands for the quote's speaker; every such stand-in cites the
mention it points back to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kroniek.events.clause import (
    Window,
    clause_subjects,
    lemma,
    preposition,
    roles_in_window,
    windows,
)
from kroniek.records import GUESSED, Event, Mention, Sentence, Token
from kroniek.words import word_set

ANAPHORS = word_set("anaphors")
CLAIM_NOUNS = word_set("claim_nouns")
AFTER_ANAPHOR = word_set("after_anaphor")
CLAIM_PREPS = word_set("claim_preps")
POLITICAL = frozenset({"GOV", "OPP", "REB", "JUD", "LEG", "COP", "MIL", "SPY", "IGO"})


def refers_back(sentence: Sentence, win: Window, trigger: int) -> bool:
    """True when the trigger's object is "dat"/"dit"/"het" on its own or a claim noun like "die beschuldiging"."""
    toks = sentence.tokens
    for tok in toks[trigger : trigger + 3]:
        if tok.text.lower() in ANAPHORS:
            nxt = toks[tok.index] if tok.index < len(toks) else None
            if nxt is None or nxt.tag == "LET" or lemma(nxt) in AFTER_ANAPHOR:
                return True
    before = toks[trigger - 2] if trigger >= 2 else None
    if (
        before is not None
        and before.index >= win.first
        and before.text.lower() in word_set("demonstratives")
        and before.tag == "VNW"
    ):
        return True  # verb-final: "... dat altijd ontkend", "omdat zij dat ontkennen"
    for tok in toks[win.first - 1 : win.last]:
        if tok.tag == "N" and any(lemma(tok).replace(" ", "").endswith(w) for w in CLAIM_NOUNS):
            prev = toks[tok.index - 2] if tok.index >= 2 else None
            if (
                prev is not None
                and (prev.tag in ("VNW", "LID") or prev.pos.startswith("LID"))
                and preposition(sentence, tok.index) is None
            ):
                return True
    return False


def _claim_sources(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """Mentions after "volgens"/"aldus" in a sentence, with those coordinated to them."""
    found = []
    for win in windows(sentence):
        for r in roles_in_window(sentence, win, mentions, win.first, False):
            if r.role in CLAIM_PREPS and r.mention not in found:
                found.append(r.mention)
    return found


def claimers_before(sentence: Sentence, win: Window, mentions: list[Mention]) -> list[Mention]:
    """Who made a claim earlier in the same sentence, before the clause ``win`` ("X zegt ...; Y spreekt dat tegen")."""
    earlier = [w for w in windows(sentence) if w.last < win.first]
    here = [m for m in mentions if m.tokens[1] < win.first]
    said = _claim_sources(sentence, here)
    if said:
        return said
    for w in reversed(earlier):
        if not w.subordinate:
            found = clause_subjects(sentence, w, here)
            if found:
                return found
    return []


def claimers(
    sentence: Sentence, mentions: list[Mention], events: list[Event], memory: list[Mention]
) -> list[Mention]:
    """Who made the claims of a sentence, for a denial in the next one: accusers, "volgens X", else the subject."""
    accusers = [
        m
        for m in mentions
        if any(e.type == "ACCUSE" and e.src == m.code and e.src_text == m.text for e in events)
    ]
    if accusers:
        return accusers
    said = _claim_sources(sentence, mentions)
    if said:
        return said
    wins = windows(sentence)
    if not wins:
        return []
    subjects = clause_subjects(sentence, wins[0], mentions)
    if subjects:
        return subjects
    first = sentence.tokens[wins[0].first - 1] if sentence.tokens else None
    if (
        first is not None
        and first.text.lower() in word_set("third_person_subjects")
        and first.tag == "VNW"
    ):
        return list(memory)
    return []


def denied(claims: list[Mention], sources: list[Mention]) -> list[Mention]:
    """The claimers a denial by ``sources`` answers; a claimer of the denier's own country counts only
    when it is a political actor (an opposition party against its government)."""
    own = {m.code for m in sources}
    return [
        m
        for m in claims
        if m not in sources and m.code != "---" and (m.code not in own or m.sector in POLITICAL)
    ]


PAIR_WORDS = word_set("pair_words")
PAIR_NUMERALS = word_set("pair_numerals")
PAIR_DETERMINERS = word_set("pair_determiners")


def the_pair(mentions: list[Mention]) -> list[Mention]:
    """The two sides a sentence names (one mention per code), when it names exactly two."""
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.code != "---":
            first.setdefault(m.code, m)
    return list(first.values()) if len(first) == 2 else []


def pair_reference(sentence: Sentence, win: Window, pair: list[Mention]) -> list[Mention]:
    """The two sides named before, for "de twee (leiders)", "beide landen", "beiden" in the clause."""
    if not pair:
        return []
    toks = sentence.tokens[win.first - 1 : win.last]
    for n, tok in enumerate(toks):
        low = tok.text.lower()
        before = toks[n - 1] if n else None
        if low in PAIR_NUMERALS and before is not None and before.text.lower() in PAIR_DETERMINERS:
            start = before
        elif low in PAIR_WORDS:
            start = tok
        else:
            continue
        ahead = toks[max(0, toks.index(start) - 1)] if toks.index(start) else None
        if ahead is not None and ahead.tag == "VZ":
            continue  # "tussen de twee landen", "met beide kanten": not the doers
        return list(pair)
    return []


ACT_NOUNS = word_set("act_nouns")
DEFINITE = word_set("definite")


def act_noun(
    sentence: Sentence, win: Window, trigger: int, mentions: list[Mention]
) -> Token | None:
    """The definite act noun with no actor in its phrase that the clause is about ("steunden de
    operatie", "ongenoegen over de lancering"), or None."""
    toks = sentence.tokens
    for tok in toks[win.first - 1 : win.last]:
        if tok.tag != "N" or tok.index == trigger:
            continue
        word = lemma(tok).replace(" ", "")
        if not any(word == w or (len(word) > len(w) + 2 and word.endswith(w)) for w in ACT_NOUNS):
            continue
        first = tok.index
        while first > 1 and toks[first - 2].tag in ("ADJ", "TW"):
            first -= 1
        det = toks[first - 2] if first >= 2 else None
        prep = preposition(sentence, first)
        if (
            det is None
            or det.text.lower() not in DEFINITE
            or prep is not None
            and prep[0] not in word_set("act_aim_preps")
        ):
            continue
        after = toks[tok.index] if tok.index < len(toks) else None
        owned = (
            after is not None and after.tag == "VZ" and lemma(after) in word_set("act_owner_preps")
        )
        if not owned and not any(first - 1 <= m.tokens[0] <= tok.index for m in mentions):
            return tok
    return None


def deed_subject(sentence: Sentence, win: Window) -> Token | None:
    """The subject of the clause when it points back to the act told before: "dit" or "dat"
    standing on its own (word set deed_pronouns) before the finite verb ("Dit is een schandalige
    daad") or first in a dat-clause ("zei dat dit een misdadige daad is"), or a demonstrative
    with a general act noun before the finite verb ("deze daad is ..."; deed_determiners,
    deed_nouns); None otherwise (not "het", whose clause may follow: "het is schandalig dat")."""
    toks = [t for t in sentence.tokens[win.first - 1 : win.last] if t.tag != "LET"]
    if toks and win.subordinate and toks[0].tag == "VG":
        toks = toks[1:]  # "dat dit ... is": the subject comes right after the conjunction
    if len(toks) < 2:
        return None
    first, second = toks[0], toks[1]
    if (
        first.pos.startswith("VNW(aanw,pron")
        and first.text.lower() in word_set("deed_pronouns")
        and (second.pos.startswith("WW(pv") or win.subordinate)
    ):
        return first
    if (
        first.text.lower() in word_set("deed_determiners")
        and second.tag == "N"
        and lemma(second) in word_set("deed_nouns")
        and len(toks) > 2
        and toks[2].pos.startswith("WW(pv")
    ):
        return second
    return None


def deed_doers(
    sentence: Sentence, subject: Token, firsts: Sequence[tuple[str, Mention]]
) -> list[Mention]:
    """Who did the act a clause subject like "dit" points back to: the doers of the article's
    first coded act (``firsts``, in the order the types first came up; the lead tells the act
    that draws such outrage), not an accusation, call or talk (NO_DEED_TYPES and ACCUSE: only
    the type of the first events is known), each cited at the subject (rule "coref.deed<...>")."""
    kinds = [kind for kind, _ in firsts if kind not in NO_DEED_TYPES | {"ACCUSE"}]
    return [
        pointing(m, "coref.deed", sentence, subject)
        for kind, m in firsts
        if kinds and kind == kinds[0]
    ]


#: the event type whose first doers a typed act noun points to, and the word set of those nouns
ACT_NOUN_TYPES = (
    ("ASSAULT", "act_nouns_assault"),
    ("MOBILIZE", "act_nouns_mobilize"),
    ("COERCE", "act_nouns_coerce"),
    ("SANCTION", "act_nouns_sanction"),
    ("REQUEST", "act_nouns_request"),
)


def act_doers(
    sentence: Sentence,
    noun: Token,
    acts: Sequence[Mention],
    firsts: Sequence[tuple[str, Mention]],
) -> list[Mention]:
    """Who did the act a definite act noun points back to, each cited (rule "coref.act<...>"): for a
    noun of one type ("de aanval", "de lancering"; word sets act_nouns_<type>) the doers of the
    article's first coded event of that type (``firsts``: (type, doer) pairs; the lead tells the
    act the article is about), none when there is none; for another act noun ("het besluit") the
    doers of the last coded events (``acts``)."""
    word = lemma(noun).replace(" ", "")
    types = [
        kind
        for kind, name in ACT_NOUN_TYPES
        if any(word == w or (len(word) > len(w) + 2 and word.endswith(w)) for w in word_set(name))
    ]
    pointed = [m for kind, m in firsts if kind in types] if types else list(acts)
    return [pointing(m, "coref.act", sentence, noun) for m in pointed]


def first_doers(
    firsts: Sequence[tuple[str, Mention]], events: list[Event], mentions: list[Mention]
) -> tuple[tuple[str, Mention], ...]:
    """``firsts`` with the doers of this sentence's events of a type it has none for yet."""
    known = {kind for kind, _ in firsts}
    added = [
        (ev.type, m)
        for ev in events
        if ev.type not in known and ev.src != "---"
        for m in mentions
        if ev.src == m.code and ev.src_text == m.text
    ]
    return tuple(firsts) + tuple(dict.fromkeys(added))


#: types of events that only protest, ask or talk, and CAMEO codes of words of disapproval or
#: accusation (110, 111, 112; a formal step such as an arrest warrant, 1121, is an act): their
#: doers did no act that "het besluit" or "deze daad" in a later sentence stands for
NO_DEED_TYPES = frozenset({"PROTEST", "REQUEST", "CONSULT"})
NO_DEED_CAMEO = frozenset({"110", "111", "112"})


def is_deed(event: Event) -> bool:
    """The event is an act a later "het besluit" or "deze daad" can stand for, not mere words of
    judgement, a call or talks (NO_DEED_TYPES, NO_DEED_CAMEO)."""
    return event.type not in NO_DEED_TYPES and event.cameo not in NO_DEED_CAMEO


def doers(sentence_events: list[Event], mentions: list[Mention]) -> list[Mention]:
    """The mentions that were the sources of a sentence's coded events, leaving out those of
    events that only judge, ask or talk (is_deed): "X vuurde een raket af. Y protesteerde.
    Z veroordeelde het besluit" aims at X, not Y."""
    acts = [e for e in sentence_events if is_deed(e)]
    return [m for m in mentions if any(e.src == m.code and e.src_text == m.text for e in acts)]


QUOTE_MARKS = frozenset('"“”„«»')


def quoted_tokens(sentence: Sentence) -> set[int]:
    """Indexes of the tokens between quotation marks (a quote left open runs to the sentence end)."""
    inside, found = False, set()
    for tok in sentence.tokens:
        if tok.text in QUOTE_MARKS:
            inside = not inside
        elif inside:
            found.add(tok.index)
    return found


def pointing(
    antecedent: Mention,
    rule: str,
    sentence: Sentence | None = None,
    token: Token | None = None,
    found: str = "coref",
) -> Mention:
    """A stand-in for a word that points back to ``antecedent``: the antecedent's code and sector, at
    ``token`` of ``sentence`` when given (else at the antecedent's place), with a text and rule that
    cite what it points back to ("wij [= de Franse minister]", rule "coref.speaker<actor.state.FRA.adj>")."""
    cited = replace(
        antecedent, text=f"[= {antecedent.text}]", rule=f"{rule}<{antecedent.rule}>", found=found
    )
    if sentence is None or token is None:
        return cited
    return replace(
        cited,
        text=f"{token.text} {cited.text}",
        field=sentence.field,
        span=(token.start, token.end),
        sentence=sentence.index,
        tokens=(token.index, token.index),
    )


def speaker_mentions(
    sentence: Sentence, mentions: list[Mention], memory: list[Mention]
) -> list[Mention]:
    """First-person pronouns inside a quote ("wij", "ik", "ons") as mentions of the quote's speaker:
    the actor named outside the quotes in the same sentence (", zei X"; "X zei: ..."), else the
    previous sentence's subject."""
    inside = quoted_tokens(sentence)
    pronouns = [
        t
        for t in sentence.tokens
        if t.index in inside and t.tag == "VNW" and t.text.lower() in word_set("first_person")
    ]
    if not pronouns:
        return []
    outside = [
        m for m in mentions if not any(i in inside for i in range(m.tokens[0], m.tokens[1] + 1))
    ]
    speaker = outside[0] if outside else (memory[0] if memory else None)
    if speaker is None:
        return []
    found = []
    for tok in pronouns:
        if any(m.tokens[0] <= tok.index <= m.tokens[1] for m in mentions):
            continue
        found.append(pointing(speaker, "coref.speaker", sentence, tok))
    return found


def bare_quotation(sentence: Sentence) -> bool:
    """The sentence is only a quotation: it opens with a quote mark and every word is quoted
    (no speaker of its own, as in '"...", zei X.')."""
    toks = sentence.tokens
    if not toks or toks[0].text not in QUOTE_MARKS:
        return False
    inside = quoted_tokens(sentence)
    return all(t.index in inside or t.tag == "LET" for t in toks)


def quote_speaker(sentence: Sentence, win: Window, memory: list[Mention]) -> list[Mention]:
    """Who speaks a sentence that is only a quotation ("... zei X. 'Y schendt het recht.'"): the
    previous sentence's subject (cited as coref.quote_speaker), for a main clause of the quote."""
    if win.subordinate or not bare_quotation(sentence):
        return []
    return [pointing(m, "coref.quote_speaker") for m in memory]


COUNTRY_ANAPHORS = word_set("country_anaphors")
COUNTRY_NOUNS = word_set("country_nouns")
COUNTRY_DEMONSTRATIVES = word_set("country_demonstratives")
COUNTRY_PLACE_PREPS = word_set("country_place_preps")
NOT_FOUND_BY_WORDS = GUESSED | {"implied", "implied-at-place", "claim", "ahead"}


def named_state(m: Mention) -> bool:
    """A mention that names a state acting as such (its name, capital, adjective, government), found
    by its own words or by pointing back: what "het land" or "dat land" can stand for."""
    return (
        len(m.code) == 3
        and m.code != "WST"
        and m.sector in (None, "GOV")
        and m.found not in NOT_FOUND_BY_WORDS
        and m.kind != "pair"
    )


def country_references(
    sentence: Sentence,
    mentions: list[Mention],
    memory: list[Mention],
    previous: list[Mention],
) -> list[Mention]:
    """Stand-ins for "het land", "dat land", "dit buurland" (word sets country_anaphors and
    country_nouns) that are actors, not places ("in het land"): each the state it points back to,
    citing it (rule "coref.country<...>"). A demonstrative ("dat land") stands for the state named
    last before it: earlier in the sentence, else in ``previous`` (the states the sentence before
    named). "het land" stands for the topic: a state that is the subject of a clause before it
    (or of its own clause when it is no bare argument there), else the first state named earlier in
    the sentence, else a state among ``memory`` (the subjects before), else the first of
    ``previous``. A bare argument never stands for a side of its own clause ("X viel het land
    binnen")."""
    toks = sentence.tokens
    wins = windows(sentence)
    found = []
    for noun in toks:
        if noun.tag != "N" or noun.index < 2 or lemma(noun) not in COUNTRY_NOUNS:
            continue
        det = toks[noun.index - 2]
        low = det.text.lower()
        demonstrative = low in COUNTRY_DEMONSTRATIVES and det.tag == "VNW"
        if low not in COUNTRY_ANAPHORS or not (demonstrative or det.tag == "LID"):
            continue
        if any(m.tokens[0] <= noun.index <= m.tokens[1] for m in mentions):
            continue
        prep = toks[det.index - 2] if det.index >= 2 else None
        if prep is not None and prep.tag == "VZ" and lemma(prep) in COUNTRY_PLACE_PREPS:
            continue
        win = next((w for w in wins if det.index in w), None)
        own = (
            {m.code for m in mentions if m.tokens[0] in win}
            if win is not None and (prep is None or prep.tag != "VZ")
            else set()
        )  # a bare argument: never a side of its own clause

        earlier = [
            m for m in mentions if m.tokens[1] < det.index and named_state(m) and m.code not in own
        ]
        before = [m for m in previous if named_state(m) and m.code not in own]
        if demonstrative:
            pointed = (earlier or before)[-1:]
        else:
            subjects = [
                m
                for w in wins
                if w.first <= det.index
                for m in clause_subjects(sentence, w, mentions)
                if m in earlier
            ]
            pointed = (
                subjects[:1]
                or earlier[:1]
                or [m for m in memory if named_state(m) and m.code not in own][:1]
                or before[:1]
            )
        found += [_stand_in(m, "coref.country", sentence, det, noun) for m in pointed]
    return found


def _stand_in(
    m: Mention, rule: str, sentence: Sentence, det: Token, noun: Token, kind: str | None = None
) -> Mention:
    """A mention of the state ``m`` on the words "det noun" ("dat land", "de landen"), citing
    ``m`` under ``rule``: the state's government, as the words name it."""
    cited = pointing(m, rule, sentence, noun)
    return replace(
        cited,
        text=f"{det.text} {cited.text}",
        span=(det.start, noun.end),
        tokens=(det.index, noun.index),
        sector="GOV",
        person=None,
        role=None,
        kind=kind or cited.kind,
    )


def pair_plural_references(
    sentence: Sentence, mentions: list[Mention], pair: list[Mention]
) -> list[Mention]:
    """Stand-ins for "de landen", "de regeringen" (word set pair_plurals after pair_determiners)
    when ``pair`` (the sides the sentence before named) is two named states: one per state, each
    citing it (rule "coref.pair<...>"). Not after a preposition ("tussen de landen", "in de
    landen"), nor with a phrase or relative clause after it ("de landen van de EU", "de landen
    die ..."), which pick out other states."""
    if len(pair) != 2 or not all(named_state(m) for m in pair):
        return []
    toks = sentence.tokens
    found = []
    for noun in toks:
        if noun.tag != "N" or noun.index < 2 or noun.text.lower() not in word_set("pair_plurals"):
            continue
        det = toks[noun.index - 2]
        if det.text.lower() not in PAIR_DETERMINERS or det.tag != "LID":
            continue
        before = toks[det.index - 2] if det.index >= 2 else None
        after = toks[noun.index] if noun.index < len(toks) else None
        if (before is not None and before.tag == "VZ") or (
            after is not None and (after.tag == "VZ" or after.pos.startswith("VNW(betr"))
        ):
            continue
        if any(m.tokens[0] <= noun.index <= m.tokens[1] for m in mentions):
            continue
        found += [_stand_in(m, "coref.pair", sentence, det, noun, "pair") for m in pair]
    return found
