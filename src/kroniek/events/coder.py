"""The event coder: triggers by lemma, conditions, who did it to whom, factuality, evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from kroniek.events.clause import (
    SUBJECT_PRONOUNS,
    Role,
    Window,
    antecedent,
    attributive_door,
    clause_subjects,
    clause_verbs,
    demonstrative_subject,
    is_finite,
    is_np_inner,
    lemma,
    neuter_subject,
    np_start,
    preposition,
    pronoun_subject,
    relative_after_first,
    roles_in_window,
    window_of,
    windows,
)
from kroniek.events.discourse import (
    act_doers,
    act_noun,
    bare_quotation,
    claimers,
    claimers_before,
    country_references,
    deed_doers,
    deed_subject,
    denied,
    doers,
    first_doers,
    named_state,
    pair_plural_references,
    pair_reference,
    pointing,
    quote_speaker,
    refers_back,
    speaker_mentions,
    the_pair,
)
from kroniek.events.factuality import (
    after_reaction_phrase,
    answered_conjunct,
    attribution,
    background,
    factuality,
    governing,
    has_seq,
    lemma_seq,
    unreal,
)
from kroniek.events.patterns import Cue, Pattern, Patterns
from kroniek.records import GUESSED, Event, Mention, Sentence, Token
from kroniek.words import word_set

ACCUSE_VERBS = word_set("accuse_verbs")


@dataclass(frozen=True)
class Candidate:
    """A pattern whose trigger word occurs in a sentence."""

    pattern: Pattern
    trigger: int  # token index
    particle: str  # required separable particle ("" when none)
    noun: bool


def noun_patterns(patterns: Patterns, token: Token) -> tuple[Pattern, ...]:
    """Noun patterns for a noun token, also via the last part of a compound (cyberaanval -> aanval)."""
    word = lemma(token).replace(" ", "")
    found = patterns.by_noun.get(word, ())
    if found:
        return found
    for cut in range(3, len(word) - 3):
        tail = word[cut:]
        if tail in patterns.by_noun:
            return patterns.by_noun[tail]
        if word[cut - 1] == "s" and tail in patterns.by_noun:
            return patterns.by_noun[tail]
    return ()


def _verb_patterns(patterns: Patterns, tok: Token) -> tuple[tuple[Pattern, str], ...]:
    """Verb patterns for a verb token; a finite verb Frog left as it stands ("vecht", lemma "vecht")
    is looked up by the infinitives its stem can have (vechten, zetten, maken, leven, reizen)."""
    word = lemma(tok).replace(" ", "")
    found = patterns.by_verb.get(word, ())
    if found or not tok.pos.startswith("WW(pv") or word != tok.text.lower() or word.endswith("en"):
        return found
    stem = (
        word[:-1]
        if word.endswith("t") and not word.endswith(("cht", "st")) and len(word) > 3
        else word
    )
    guesses = [stem + "en", stem + stem[-1:] + "en"]
    if len(stem) > 2 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        guesses.append(stem[:-2] + stem[-1] + "en")  # maak -> maken
    if stem.endswith(("f", "s")):
        guesses.append(
            stem[:-1] + {"f": "v", "s": "z"}[stem[-1]] + "en"
        )  # leef -> leven, reis -> reizen
    return next((patterns.by_verb[g] for g in guesses if g in patterns.by_verb), ())


def candidates(patterns: Patterns, sentence: Sentence) -> list[Candidate]:
    """Every (pattern, trigger) pair whose trigger lemma is in the sentence."""
    found: list[Candidate] = []
    for tok in sentence.tokens:
        if tok.tag == "WW":
            for pattern, particle in _verb_patterns(patterns, tok):
                found.append(Candidate(pattern, tok.index, particle, False))
        elif tok.tag == "N":
            found.extend(Candidate(p, tok.index, "", True) for p in noun_patterns(patterns, tok))
    found.sort(key=lambda c: (c.trigger, -c.pattern.specificity))
    return found


def needs_parse(sentence: Sentence, mentions: Sequence[Mention], patterns: Patterns) -> bool:
    """True when a sentence has two actors and a verb trigger whose conditions (particle, objects,
    idiom words) hold on the tagged words: only then is the parser worth its time.

    The parser costs half of Frog's time; with one actor (or none) the clause rules on the
    tagged words decide as well (measured on the dev gold: parsing those too gained nothing).
    The parse gives a verb its subject and objects; a noun trigger ("de aanval van X op Y")
    takes its sides from its own phrase and prepositions, on the tagged words (on the dev
    pages, leaving the 63 sentences whose only triggers are nouns unparsed changed no event).
    """
    here = sum(1 for m in mentions if m.field == sentence.field and m.sentence == sentence.index)
    if here < 2:
        return False
    wins = windows(sentence)
    return any(
        not c.noun and check(c, sentence, window_of(wins, c.trigger), wins) is None
        for c in candidates(patterns, sentence)
    )


def _noun_ok(tokens: Sequence[Token], wanted: tuple[str, ...]) -> bool:
    for tok in tokens:
        if tok.tag not in ("N", "SPEC", "ADJ", "WW"):
            continue
        word = lemma(tok).replace(" ", "")
        if any(word == w or (len(word) > len(w) + 2 and word.endswith(w)) for w in wanted):
            return True
    return False


def check(c: Candidate, sentence: Sentence, win: Window, wins: tuple[Window, ...]) -> str | None:
    """Why the pattern does not apply in this clause (one of the sentence's ``wins``), or None when its
    conditions hold."""
    p = c.pattern
    toks = sentence.tokens[win.first - 1 : win.last]
    seq = lemma_seq(sentence, win.first, win.last)
    wide = seq + (_embedded_seq(wins, sentence, win) if {"sub", "cond"} & set(p.target) else [])
    quoted = _quoted_window(wins, sentence, win) if "quoted" in p.target else None
    if quoted is not None:  # "Y moet ..., eist X": the words of what is said count
        wide = lemma_seq(sentence, quoted.first, quoted.last) + wide
    texts = {t.index: t.text.lower() for t in sentence.tokens}
    if c.particle:
        parts = tuple(c.particle.split("_"))
        reach = toks
        for later in (
            wins[wins.index(win) + 1 :] if win in wins else ()
        ):  # "raden hun burgers die ... zijn aan om"
            if later.opener != "rel":
                break
            reach = reach + sentence.tokens[later.first - 1 : later.last]
        if len(parts) == 1:
            if not any(
                (
                    lemma(t) == parts[0]
                    and t.tag in ("VZ", "BW", "ADJ", "N")
                    or _participle_particle(t, parts[0])
                )
                and t.index != c.trigger
                and (
                    t.rel == "svp" or not _heads_phrase(sentence, t)
                )  # "in aanwezigheid van": no particle
                for t in reach
                if t.index > c.trigger or t.rel == "svp" or _particle_before(sentence, t, c.trigger)
            ):
                return f"separable particle '{c.particle}' not found"
        elif has_seq(seq, parts, texts) is None:
            return f"fixed part '{' '.join(parts)}' not found"
    head = antecedent(
        sentence, win
    )  # "het verdrag dat X en Y tekenden": the object is the antecedent
    if p.objects and not _noun_ok(
        [t for t in toks if t.index != c.trigger] + ([head] if head else []), p.objects
    ):
        return f"none of the objects {list(p.objects)} in the clause"
    if p.with_ and not any(
        has_seq(wide, w, texts) is not None or _before_om(sentence, wins, win, w, texts)
        for w in p.with_
    ):
        return f"none of {[' '.join(w) for w in p.with_]} in the clause"
    for w in p.without:
        if has_seq(seq, w, texts) is not None:
            return f"blocked by '{' '.join(w)}'"
    return None


def _before_om(
    sentence: Sentence,
    wins: tuple[Window, ...],
    win: Window,
    wanted: tuple[str, ...],
    texts: dict[int, str],
) -> bool:
    """An om-te clause right after ``wanted`` ("is bereid om Y aan te vallen", "zal niet aarzelen
    om ..."): the words the clause above ends on govern the infinitive."""
    at = wins.index(win) if win in wins else 0
    if win.opener != "om" or at == 0:
        return False
    start = max(wins[at - 1].first, win.first - len(wanted))
    tail = lemma_seq(sentence, start, win.first - 1)[-len(wanted) :]
    return len(tail) == len(wanted) and has_seq(tail, wanted, texts) is not None


def _answers(sentence: Sentence, role: Role) -> bool:
    """The mention stands in a phrase that names what a reaction answers ("als reactie op X",
    "als antwoord op X"; reaction_preps of two words or more), also in a later conjunct of it
    ("als vergelding voor de aanslagen en de Amerikaanse agressie")."""
    start = np_start(sentence, role.mention.tokens[1])
    texts = {t.index: t.text.lower() for t in sentence.tokens}
    return after_reaction_phrase(sentence, start, texts, multiword=True) or answered_conjunct(
        sentence, start, texts
    )


def _participle_particle(tok: Token, particle: str) -> bool:
    """A particle that is itself a past participle ("gevangen houden"): Frog tags it as a verb
    with the verb's lemma (vangen), so its own form is what counts."""
    return tok.pos.startswith("WW(vd") and tok.text.lower() == particle


def _in_pp(sentence: Sentence, c: Candidate) -> bool:
    """The event noun stands in a prepositional phrase ("een einde aan de aanvallen")."""
    start = np_start(sentence, c.trigger)
    return start >= 2 and sentence.tokens[start - 2].tag == "VZ"


def _linked_to(sentence: Sentence, trigger: int) -> bool:
    """The event noun stands in the phrase of a noun of involvement ("betrokkenheid bij de aanslag")."""
    start = np_start(sentence, trigger)
    if start < 3 or sentence.tokens[start - 2].tag != "VZ":
        return False
    head = lemma(sentence.tokens[start - 3]).replace(" ", "")
    return any(head == w or head.endswith(w) for w in word_set("involvement_nouns"))


def _heads_phrase(sentence: Sentence, token: Token) -> bool:
    """A preposition with its noun phrase right after it ("in aanwezigheid"), so not a verb particle.
    A word that opens a relative clause is no part of its phrase ("vallen schepen aan die ...")."""
    nxt = sentence.tokens[token.index] if token.index < len(sentence.tokens) else None
    if (
        not token.pos.startswith("VZ(init")
        or nxt is None
        or not (is_np_inner(nxt) or nxt.tag == "N")
        or any(w.first == nxt.index and w.opener == "rel" for w in windows(sentence))
    ):
        return False
    ahead = sentence.tokens[
        token.index : token.index + 5
    ]  # "roept X op geen sancties te nemen": an infinitive follows
    return not any(
        lemma(a) in word_set("infinitive_markers") and b.pos.startswith("WW(inf")
        for a, b in zip(ahead, ahead[1:], strict=False)
    )


def _particle_before(sentence: Sentence, particle: Token, trigger: int) -> bool:
    """A separated particle right before its verb, or before "te" and the verb ("terug te slaan")."""
    if particle.index == trigger - 1:
        return True
    between = sentence.tokens[particle.index : trigger - 1]
    return (
        particle.index == trigger - 2
        and len(between) == 1
        and lemma(between[0]) in word_set("infinitive_markers")
    )


def _quoted_window(wins: tuple[Window, ...], sentence: Sentence, win: Window) -> Window | None:
    """The clause a trailing attribution reports (", eist X" after "Y moet ..."): the clause before
    a comma clause that opens with its finite verb."""
    at = wins.index(win) if win in wins else 0
    if at == 0 or win.opener != "comma" or wins[at - 1].subordinate:
        return None
    first = next((t for t in sentence.tokens[win.first - 1 : win.last] if t.tag != "LET"), None)
    return wins[at - 1] if first is not None and first.pos.startswith("WW(pv") else None


def _embedded_seq(
    wins: tuple[Window, ...], sentence: Sentence, win: Window
) -> list[tuple[int, str]]:
    """Lemmas of the dat-clause that follows a clause ("zei dat X moet ...") and of a condition
    after it ("... als Y ..."), for conditions on them."""
    at = wins.index(win) if win in wins else -1
    found: list[tuple[int, str]] = []
    for nxt in wins[at + 1 : at + 3] if at >= 0 else ():
        if nxt.opener not in COMPLEMENTS | CONDITIONS and not (found and nxt.opener == "rel"):
            break  # a relative clause on the dat-clause's subject carries the rest of it
        found += lemma_seq(sentence, nxt.first, nxt.last)
    return found


def _source_step(
    step: str,
    c: Candidate,
    sentence: Sentence,
    wins: tuple[Window, ...],
    win: Window,
    mentions: list[Mention],
    memory: list[Mention],
    light: set[str],
    pair: Sequence[Mention],
    roles: list[Role],
    by_role: dict[str, list[Mention]],
) -> list[Mention]:
    """The doers one step of a pattern's source chain finds (steps: patterns.SOURCE_STEPS)."""
    if step in ("su", "door", "obj"):
        return by_role.get(step, [])
    if step in word_set(
        "prepositions"
    ):  # "krijgt raketten van Nederland", "de overgave van X aan Y"
        return [r.mention for r in roles if r.role == step and (not c.noun or _after(r, c.trigger))]
    if (
        step == "own"
    ):  # an event noun's own phrase: "de Russische aanval", "de aanval van X", "... door Y"
        found = [r.mention for r in roles if r.role == "np"]
        if "van" not in c.pattern.target:  # its own van-phrase, not "in het noorden van Y"
            found += [r.mention for r in roles if r.role == "van" and _own_phrase(sentence, c, r)]
        elif c.noun:  # "de aanval van X op Y": a van-phrase followed by the aim names the doer
            found += [r.mention for r in roles if r.role == "van" and _doer_of(sentence, c, r)]
        if not _passive_clause(
            sentence, win
        ):  # "de arrestatie van X door Y", not "het offensief werd veroordeeld door Y"
            found += [r.mention for r in roles if r.role == "door" and _after(r, c.trigger)]
        return found
    if step == "accused":  # "beschuldigde Rusland van een aanval": the accused did it
        if any(lemma(t) in ACCUSE_VERBS for t in sentence.tokens[win.first - 1 : c.trigger - 1]):
            return by_role.get("obj", []) or by_role.get("su", [])
        return []
    if (
        step == "light"
    ):  # "X voerde een aanval uit": the clause's doer, when a light verb governs the noun
        if not _governed_by_light_verb(sentence, win, c, light):
            return []
        return (
            _helped_in(sentence, c, by_role)
            or by_role.get("su", [])
            or _source_step(
                "controller", c, sentence, wins, win, mentions, memory, light, pair, roles, by_role
            )
            or _elided_subject(sentence, wins, win, mentions)
            or pair_reference(sentence, win, list(pair))
            or _reference(sentence, win, memory)
        )
    if (
        step == "speaker"
    ):  # "X zei dat de gesprekken met Y goed verlopen": who reports talks or a deal takes part
        if not (c.pattern.symmetric or c.pattern.reciprocal):
            return []
        return (
            _speaker(sentence, wins, win, mentions)
            if win.opener in COMPLEMENTS
            else _trailing_speaker(sentence, wins, win, mentions)
            or quote_speaker(sentence, win, memory)
        )
    if (
        step == "holder"
    ):  # "volgens X schiet Y tekort", "X vindt dat Y te weinig doet": whose view the clause is
        return (
            by_role.get("volgens", [])
            or _holder(sentence, wins, win, mentions)
            or quote_speaker(sentence, win, memory)
        )
    if step == "controller":
        return _om_controller(sentence, wins, win, mentions)
    if step == "elided":
        return _elided_subject(sentence, wins, win, mentions)
    if step == "antecedent":
        return _pronoun_antecedent(sentence, wins, win, mentions)
    if step == "relative":
        return _relative_head(sentence, win, mentions)
    if step == "pair":
        return pair_reference(sentence, win, list(pair))
    return _reference(
        sentence, win, memory
    )  # "memory": the previous sentence's subject for "hij", "het land"


def _right_after(sentence: Sentence, c: Candidate, role: Role) -> bool:
    """The phrase follows the event noun directly: only its preposition, perhaps an article, lies
    between ("de aanval van X", "de aanval van de X")."""
    between = sentence.tokens[c.trigger : role.mention.tokens[0] - 1]
    return 1 <= len(between) <= 2 and all(t.tag == "LID" for t in between[1:])


def _own_phrase(sentence: Sentence, c: Candidate, role: Role) -> bool:
    """The phrase hangs on the event noun: after it, with no verb, punctuation or other preposition
    between ("een lening van 90 miljard van X", not "aanvallen uit op gebied in het noorden van X"),
    or right after the verbs that end the clause on the noun ("dat Y steun krijgt van X": a
    phrase placed after the final verbs)."""
    between = sentence.tokens[c.trigger : role.mention.tokens[0] - 1]
    verbs = 0
    while verbs < len(between) and between[verbs].tag == "WW":
        verbs += 1
    if verbs and len(between) == verbs + 1 and lemma(between[verbs]) == role.role:
        return True
    return bool(between) and not any(
        t.tag in ("WW", "LET") or (t.pos.startswith("VZ(init") and lemma(t) != role.role)
        for t in between
    )


def _doer_of(sentence: Sentence, c: Candidate, role: Role) -> bool:
    """The van-phrase right after an event noun is followed by what the act is aimed at
    ("een aanval van X op Y"), so it names the doer, not the undergoer ("de invasie van X")."""
    last = role.mention.tokens[1]
    if not _right_after(sentence, c, role):
        return False
    after = sentence.tokens[last] if last < len(sentence.tokens) else None
    return (
        after is not None
        and lemma(after) in word_set("aimed_preps")
        and lemma(after) in c.pattern.target
    )


def _passive_clause(sentence: Sentence, win: Window) -> bool:
    """The clause is passive: a form of "worden" with a participle."""
    toks = sentence.tokens[win.first - 1 : win.last]
    auxiliaries = [t for t in toks if lemma(t) in word_set("passive_auxiliaries")]
    return bool(auxiliaries) and any(
        t.tag == "WW" and t not in auxiliaries for t in toks
    )  # Frog may tag the participle as finite


def _passive(sentence: Sentence, win: Window, trigger: int, transitive: bool) -> bool:
    """A participle with worden, with door, or (for a transitive trigger) with zijn: "is opgepakt"."""
    tok = sentence.tokens[trigger - 1]
    if not tok.pos.startswith("WW(vd"):
        return False
    head = sentence.tokens[tok.head - 1] if tok.head else None
    if head is not None and tok.rel == "vc" and lemma(head) in word_set("active_auxiliaries"):
        return False  # "heeft ... gemaakt" is active, even with a passive in a later clause
    toks = sentence.tokens[win.first - 1 : win.last]
    if any(lemma(t) in word_set("passive_auxiliaries") for t in toks):
        return True
    if transitive and any(lemma(t) == "zijn" and t.pos.startswith("WW(pv") for t in toks):
        return True
    return any(
        lemma(t) == "door" and t.tag == "VZ" and not attributive_door(sentence, t.index)
        for t in toks
        if t.index > trigger - 3
    )


def _reference(sentence: Sentence, win: Window, memory: list[Mention]) -> list[Mention]:
    """Resolve a subject pronoun or "het land" in the clause to the previous sentence's subject."""
    if not memory:
        return []
    toks = sentence.tokens[win.first - 1 : win.last]
    verb = demonstrative_subject(sentence, win)
    if verb is not None:  # "Die verzetten zich": all named last; "Deze zei": the last one
        pointed = list(memory) if ",mv" in verb.pos else list(memory[-1:])
        return [pointing(m, "coref.demonstrative", sentence, toks[0]) for m in pointed]
    for n, tok in enumerate(toks):
        low = tok.text.lower()
        if low in SUBJECT_PRONOUNS and tok.tag == "VNW":
            if _singular_clause(toks) and low in word_set("personal_pronouns"):
                return [
                    m for m in memory if not _country_name(m)
                ]  # "ze brengt een bezoek": a person, never "China"
            return list(memory)
        if (
            low in word_set("country_anaphors")
            and n + 1 < len(toks)
            and lemma(toks[n + 1]) == "land"
        ):
            states = [m for m in memory if len(m.code) == 3 and m.sector in (None, "GOV")]
            return states[:1]
    return []


def _singular_clause(toks: Sequence[Token]) -> bool:
    """The clause's finite verb is singular ("ze brengt", "hij zei")."""
    finite = next((t for t in toks if t.pos.startswith("WW(pv")), None)
    return finite is not None and ",mv" not in finite.pos


def _country_name(m: Mention) -> bool:
    """A mention that is the name of a state, capital or city: neuter in Dutch, never "hij" or "zij"."""
    return m.found == "dictionary" and m.kind in ("name", "capital", "city")


@dataclass
class Outcome:
    """Sources, targets and the trace of one candidate."""

    sources: list[Mention]
    targets: list[Mention]
    symmetric: bool
    why: str
    joined: bool = False  # the targets are the meeting named before, which the sources join
    authors: list[Mention] = field(default_factory=list)  # one-way targets besides: a plan's author


def assign(
    c: Candidate,
    sentence: Sentence,
    wins: tuple[Window, ...],
    win: Window,
    mentions: list[Mention],
    memory: list[Mention],
    light: set[str],
    patterns_undergo: tuple[Cue, ...] = (),
    claims: Sequence[Mention] = (),
    pair: Sequence[Mention] = (),
    acts: Sequence[Mention] = (),
    meeting: Sequence[Mention] = (),
    guests: Sequence[Mention] = (),
    firsts: Sequence[tuple[str, Mention]] = (),
) -> Outcome:
    """Who did it to whom, for one candidate in its clause; ``meeting`` holds the sides of the
    meeting named last (for "X schoof ook aan"), ``guests`` those who joined it since, ``firsts``
    the doers of the article's first event of each type (for "de aanval")."""
    p = c.pattern
    things = [t.index for t in sentence.tokens if p.objects and _noun_ok([t], p.objects)]
    roles = roles_in_window(sentence, win, mentions, c.trigger, c.noun)
    by_role: dict[str, list[Mention]] = {}
    for r in roles:
        by_role.setdefault(r.role, []).append(r.mention)
    passive = not c.noun and _passive(
        sentence, win, c.trigger, p.target[0] == "obj" and not p.symmetric
    )
    if _prenominal(sentence, c):
        sources, targets = _attributive(sentence, c.trigger, mentions)
        why = f"attributive participle: door {[m.text for m in sources]}, head {[m.text for m in targets]}"
        return Outcome(sources, [m for m in targets if m not in sources], False, why)
    chain = (
        p.source_chain or p.default_source["noun" if c.noun else "passive" if passive else "verb"]
    )
    sources = []
    hosted = joined = False
    for step in chain:
        if step == "meeting":  # "Ook stemmen ze hun acties af": those at the meeting named before
            hosted = bool(meeting) and _plural_pronoun_subject(sentence, win)
            sources = [pointing(m, "coref.meeting") for m in meeting] if hosted else []
        else:
            sources = _source_step(
                step, c, sentence, wins, win, mentions, memory, light, pair, roles, by_role
            )
        if sources:
            break
    if (
        p.symmetric
        and sources
        and all(m.text.lower().startswith(("de twee ", "beide ")) for m in sources)
    ):
        sources = (
            pair_reference(sentence, win, list(pair)) or sources
        )  # "de twee leiders": both sides named before
    targets = []
    used = ""
    for key in p.target:
        if targets:
            break
        used = key
        if key in ("obj", "obj2"):
            targets += (
                by_role.get("su", [])
                if passive
                else by_role.get(key, []) + by_role.get("obj" if key == "obj2" else "", [])
            )
        elif key == "sub":
            own = {
                m.code for m in sources
            }  # "X zegt dat X zal ...": the speaker's own side is no target
            subjects = _embedded_subjects(sentence, wins, win, mentions)
            if any(m.kind == "pair" and m.code in own for m in subjects):
                break  # "X zegt (tegen Y) dat de twee landen ... moeten": the speaker is one of them
            targets += [m for m in subjects if m.code not in own]
        elif key == "act":
            noun = act_noun(sentence, win, c.trigger, mentions)
            if noun is not None:  # "steunden de operatie": aimed at its doers
                own = {m.code for m in sources}
                targets += [
                    m
                    for m in act_doers(sentence, noun, acts, firsts)
                    if m.code not in own and m.code != "---"
                ]
        elif key == "deed":  # "Dit is een schandalige daad": aimed at who did the act told before
            subject = deed_subject(sentence, win)
            if subject is not None:
                own = {m.code for m in sources}
                targets += [
                    m
                    for m in deed_doers(sentence, subject, firsts)
                    if m.code not in own and m.code != "---"
                ]
        elif key == "meeting":  # "X schoof ook aan": joins the meeting named before
            own = {m.code for m in sources}
            targets += [pointing(m, "coref.meeting") for m in meeting if m.code not in own]
            joined = bool(targets)
        elif key == "pair":  # "X, die bemiddelde": between the two sides the sentence before named
            own = {m.code for m in sources}
            if sources and len(pair) == 2 and not own & {m.code for m in pair}:
                targets += [pointing(m, "coref.pair") for m in pair]
        elif key == "su":  # "met steun van Y rukt X op": the one backed is the clause subject
            targets += [m for m in by_role.get("su", []) if m not in sources]
        elif key == "answers":  # "testte raketten als reactie op X": a show of force answers X
            own = {m.code for m in sources}
            targets += [
                r.mention for r in roles if _answers(sentence, r) and r.mention.code not in own
            ]
        elif key == "controller":  # "X krijgt raketten om zich tegen aanvallen te verdedigen"
            own = {m.code for m in sources}
            targets += [
                m for m in _om_controller(sentence, wins, win, mentions) if m.code not in own
            ]
        elif (
            key == "quoted"
        ):  # "Kosovo moet zijn plannen opschorten, eist de EU": the subject of what is said
            front = _quoted_window(wins, sentence, win)
            own = {m.code for m in sources}
            if front is not None:
                subjects = (
                    clause_subjects(sentence, front, mentions)
                    or _interrupted_subject(sentence, wins, wins.index(front), mentions)
                )  # "Y, dat ..., moet ... opschorten, eist X": the subject a relative clause cut off
                targets += [m for m in subjects if m.code not in own]
        elif key == "cond":
            own = {m.code for m in sources}
            targets += [
                m for m in _conditional_actors(sentence, wins, win, mentions) if m.code not in own
            ]
        elif key == "claim":
            if refers_back(
                sentence, win, c.trigger
            ):  # "X ontkent dat": aimed at who made the claim
                targets += denied(claimers_before(sentence, win, mentions) or list(claims), sources)
        elif c.noun:
            targets += [
                r.mention
                for r in roles
                if r.role == key and _after(r, c.trigger) and _attached(r, c, things)
            ]
        else:
            targets += [r.mention for r in roles if r.role == key and _attached(r, c, things)]
    authors = (
        []
        if targets or c.noun
        else [m for m in _authors(sentence, roles, p.target) if m not in sources]
    )  # "stemden in met een door X opgesteld plan": toward X, one way
    if not targets and not c.noun and not passive and {"obj", "obj2"} & set(p.target):
        own = {m.code for m in sources}
        targets = [
            m for m in _tied_to(sentence, wins, win, mentions) if m.code not in own | {"---"}
        ]  # "viel schepen aan die banden hebben met Y": the act is aimed at Y
    if passive and not targets and {"obj", "obj2"} & set(p.target):
        targets = [
            m
            for m in _relative_head(sentence, win, mentions, RELATIVE_TARGET_SECTORS)
            if m not in sources
        ]  # "X, die door Y wordt gesteund": the subject of the passive is the phrase "die" stands for
    if not targets and sources and not hosted:  # "sprak met hem": who "hem" points back to
        own = {m.code for m in sources}
        targets = [
            m for m in _object_pronoun(sentence, win, c, memory) if m.code not in own | {"---"}
        ]
        used = "pronoun" if targets else used
    if hosted and not targets:  # the meeting's hosts with each who joined it, not among the guests
        targets = [pointing(m, "coref.meeting") for m in guests]
    if p.symmetric and any(
        lemma(t) in word_set("reciprocal_pronouns")
        for t in sentence.tokens[win.first - 1 : win.last]
    ):
        targets = [m for m in targets if m not in sources]
    each_other = (
        not targets and len({m.code for m in sources}) > 1 and _reciprocal(sentence, win, c)
    )  # "X en Y beschuldigen elkaar": each side does it to the others
    between = by_role.get("tussen", [])
    close = (
        bool(between) and c.trigger < between[0].tokens[0] <= c.trigger + 4
    )  # "onderhandelingen tussen X en Y"
    if (
        c.noun
        and p.symmetric
        and between
        and (not sources or len(between) >= 2 and close and not targets)
    ):
        sources = list(
            between
        )  # "gesprekken tussen X en Y" names both parties, whoever speaks of them
    undergoes = (
        _undergoes(patterns_undergo, sentence, win) if c.noun and sources and not targets else None
    )
    if undergoes:
        targets = [
            m for m in by_role.get("su", []) if m not in sources
        ]  # "X kampt met westerse sancties"
    symmetric = p.symmetric and not (
        c.noun and targets and used == "tegen"
    )  # "oorlog tegen X" has a direction
    symmetric = symmetric or (p.reciprocal and bool(targets)) or each_other
    nested = {
        r.mention.tokens
        for r in roles
        if r.how == "np-of" and not (p.reciprocal and r.host in things)
    }
    if symmetric and targets and all(m.tokens in nested for m in targets):
        symmetric = False  # "stemde in met de toetreding van X": X is what was agreed to, not a
        # partner; but contact (a reciprocal type) at "het overleg van X", one of the pattern's
        # objects, is contact with X
    if (
        not sources
        and len(by_role.get("tussen", [])) >= 2
        and (
            (c.noun and all(_after(r, c.trigger) for r in roles if r.role == "tussen"))
            or (used == "tussen" and len({m.code for m in targets}) > 1)
        )
    ):  # not "het akkoord tussen X en Y leidde tot onvrede": that phrase is the agreement's
        sources, targets, symmetric = (
            by_role["tussen"],
            [],
            True,
        )  # "aanvallen over en weer tussen X en Y"; "de banden tussen X en Y werden bevroren"
    if (
        symmetric
        and not targets
        and sources == by_role.get("tussen")
        and _centred(sentence, sources)
    ):
        sources, targets = (
            sources[:1],
            sources[1:],
        )  # "tussen Iran en Rusland, China en Frankrijk": Iran faces the rest
    if p.target_sectors:
        targets = [m for m in targets if m.sector in p.target_sectors]
    why = f"roles: {', '.join(f'{r.mention.text}={r.role}({r.how})' for r in roles) or 'none'}"
    if passive:
        why += "; passive"
    if each_other:
        why += "; each side to the others (reciprocal pronoun)"
    if undergoes and targets:
        why += f"; the subject undergoes it ({undergoes})"
    companions = [] if p.symmetric or not sources else _companions(sentence, roles, sources)
    if companions:  # "X gaat samen met Y naar Z": Y does it too
        sources = sources + companions
        targets = [m for m in targets if m not in companions]
        why += f"; companions {[m.text for m in companions]}"
    sources, targets, note = implied(p, sentence, c.trigger, roles, sources, targets)
    sources = [
        m for m in sources if not any(m.tokens[0] <= i <= m.tokens[1] for i in things)
    ]  # "de ambassadeur" is what is done, not who
    return Outcome(
        _unique(sources),
        _unique([m for m in targets if m not in sources]),
        symmetric,
        why + note + (f"; authors {[m.text for m in authors]}" if authors else ""),
        joined,
        [m for m in authors if m not in sources],
    )


def _object_pronoun(
    sentence: Sentence, win: Window, c: Candidate, memory: Sequence[Mention]
) -> list[Mention]:
    """Stand-ins for a personal object pronoun ("hem", "hen") where the pattern takes its other
    side, bare or after one of its prepositions ("ging met hem in gesprek"): the previous
    sentence's subjects, each cited."""
    for tok in sentence.tokens[win.first - 1 : win.last]:
        if tok.text.lower() not in word_set("object_pronouns") or not tok.pos.startswith(
            "VNW(pers"
        ):
            continue
        before = sentence.tokens[tok.index - 2] if tok.index > 1 else None
        takes = (
            lemma(before) in c.pattern.target
            if before is not None and before.tag == "VZ"
            else bool({"obj", "obj2"} & set(c.pattern.target))
        )
        if takes:
            return [pointing(m, "coref.object", sentence, tok) for m in memory]
    return []


def _tied_to(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, mentions: list[Mention]
) -> list[Mention]:
    """The side a thing the act is aimed at is tied to, in the clause right after the trigger's
    ("schepen die een link hebben met Y", "een tanker, omdat die banden heeft met Y"): a tie noun
    (word set tie_nouns) followed by a preposition of tie_prepositions and a mention. Not in the
    trigger's own clause, where the ties may be what is acted on ("bracht de banden met Y terug")."""
    for w in [w for w in wins if w.first == win.last + 1 and w.subordinate]:
        for tok in sentence.tokens[w.first - 1 : w.last]:
            if lemma(tok) not in word_set("tie_nouns"):
                continue
            for m in mentions:
                between = sentence.tokens[tok.index : m.tokens[0] - 1]
                if (
                    w.first <= m.tokens[0] <= w.last
                    and 1 <= len(between) <= 4
                    and lemma(between[-1]) in word_set("tie_prepositions")
                    and not any(t.tag in ("N", "SPEC", "LET") for t in between)
                ):
                    return [m]
    return []


def _plural_pronoun_subject(sentence: Sentence, win: Window) -> bool:
    """The clause's subject is a third-person plural pronoun ("ze", "zij" with a plural verb)."""
    toks = sentence.tokens[win.first - 1 : win.last]
    return not _singular_clause(toks) and any(
        t.tag == "VNW" and t.text.lower() in word_set("third_person_subjects") and "mv" in t.pos
        for t in toks
    )


def _reciprocal(sentence: Sentence, win: Window, c: Candidate) -> bool:
    """The trigger's other side is "elkaar" in its clause: a bare object when the pattern takes one
    ("beschuldigen elkaar"), or after a preposition the pattern takes its other side from
    ("wijzen naar elkaar"); not "kort na elkaar"."""
    for tok in sentence.tokens[win.first - 1 : win.last]:
        if lemma(tok) not in word_set("reciprocal_pronouns") or tok.index == c.trigger:
            continue
        before = sentence.tokens[tok.index - 2] if tok.index > 1 else None
        if before is not None and before.tag == "VZ":
            if lemma(before) in c.pattern.target:
                return True
        elif {"obj", "obj2"} & set(c.pattern.target):
            return True
    return False


def _centred(sentence: Sentence, members: list[Mention]) -> bool:
    """A list "A en B, C(, ...) en D": the first member joined by "en", the others by commas, so A
    stands against a group (three members or more)."""
    if len(members) < 3:
        return False
    gaps = [
        [t.text.lower() for t in sentence.tokens[a.tokens[1] : b.tokens[0] - 1]]
        for a, b in zip(members, members[1:], strict=False)
    ]
    return len(gaps[0]) == 1 and gaps[0][0] in word_set("and_words") and gaps[1] == [","]


def _prenominal(sentence: Sentence, c: Candidate) -> bool:
    """The trigger is a participle used as an adjective before a noun ("de door X gesteunde rebellen")."""
    if c.noun:
        return False
    if _misread_attribute(sentence, c.trigger):
        return True
    if "prenom" not in sentence.tokens[c.trigger - 1].pos or _misread_finite(sentence, c.trigger):
        return False
    # Frog also tags a finite past ("Hamas ontvoerde burgers") so; an attribute is never the only verb
    return any(t.pos.startswith("WW(pv") for t in sentence.tokens if t.index != c.trigger)


def _misread_finite(sentence: Sentence, trigger: int) -> bool:
    """A "prenominal participle" right after a name and before an article (or an adverb and an
    article) is a finite past Frog misread ("Brussel verminderde eerder de hulp aan Y"): an
    attribute stands before its noun, never before an article."""
    toks = sentence.tokens
    if trigger < 2 or toks[trigger - 2].tag not in ("SPEC", "N"):
        return False
    after = [t for t in toks[trigger:] if t.tag != "BW"][:1]
    return bool(after) and (after[0].tag == "LID" or "bez" in after[0].pos)


def _misread_attribute(sentence: Sentence, trigger: int) -> bool:
    """A "finite past" right after an article and before a noun is a participle Frog misread
    ("de belegerde stad", "de ontvoerde journalisten"): no finite verb stands there in Dutch."""
    toks = sentence.tokens
    tok = toks[trigger - 1]
    if not tok.pos.startswith("WW(pv,verl") or trigger < 2 or trigger >= len(toks):
        return False
    return toks[trigger - 2].tag == "LID" and toks[trigger].tag in ("N", "SPEC")


def _attributive(
    sentence: Sentence, trigger: int, mentions: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """Doers and undergoer of an attributive participle: the door-phrase between the article and the
    participle, and the noun phrase it modifies right after it."""
    door = []
    for i in range(
        trigger - 1, max(trigger - 9, 0), -1
    ):  # back over the door-phrase, not past a verb or a comma
        tok = sentence.tokens[i - 1]
        if tok.tag == "WW" or tok.text in (",", ";", ":"):
            break
        if lemma(tok) == "door" and tok.tag == "VZ":
            door = [i]
            break
    sources = [m for m in mentions if door and door[0] < m.tokens[0] and m.tokens[1] < trigger]
    head_end = trigger
    while head_end < len(sentence.tokens) and is_np_inner(sentence.tokens[head_end]):
        head_end += 1
    targets = [
        m
        for m in mentions
        if trigger < m.tokens[0] <= head_end + 1
        and m.tokens[1] <= head_end + 1
        and m.code != "---"
        and not (m.found in GUESSED and m.sector in ARMED_SECTORS)
    ]  # "de door X gesteunde oppositie" whose country is unknown names no side, nor do "de door X
    # gesteunde troepen" whose country only the context suggests: armed proxies are not placed by it
    return sources, targets


DOMESTIC_DOERS = ("GOV", "COP", "SPY", "JUD")
OFFICIAL_SECTORS = ("GOV", "IGO", "MIL", "LEG", "JUD", "SPY", "COP")
RELATIVE_TARGET_SECTORS = OFFICIAL_SECTORS + ("OPP", "REB", "PTY")
ARMED_SECTORS = ("MIL", "REB")  # forces a bare role word names ("troepen", "strijders")
TOPIC_PREPS = word_set("topic_preps")


def _place(roles: list[Role]) -> Mention | None:
    """A place the clause locates the event in ("in Londen", "in Iran"), not an actor of it."""
    for r in roles:
        m = r.mention
        if r.role == "in" and (m.sector is None or _country_name(m)):
            return m
    return None


def _companions(sentence: Sentence, roles: list[Role], sources: list[Mention]) -> list[Mention]:
    """Mentions in a met-phrase led by a companion word ("samen met Y", word set companion_words):
    they share the doer's part."""
    found = []
    for r in roles:
        if r.role != "met" or r.mention in sources:
            continue
        prep = preposition(sentence, r.mention.tokens[0])
        if (
            prep is not None
            and prep[1] > 1
            and lemma(sentence.tokens[prep[1] - 2]) in word_set("companion_words")
        ):
            found.append(r.mention)
    return found


def _attached(role: Role, c: Candidate, things: list[int]) -> bool:
    """A phrase nested under another noun's phrase counts for the trigger only when that noun is the
    trigger or one of the pattern's objects ("dreigt met sancties tegen X"), not for "overleg ... te
    midden van spanningen met X"."""
    return role.how != "nested" or role.host == c.trigger or role.host in things


#: how implied sides are found (Mention.found): read off the clause, or the source read off a place
AGAINST_TYPES = frozenset({"PROTEST"})  # types whose target an "anti-X" word names
IMPLIED_AT_PLACE = "implied-at-place"
IMPLIED = frozenset({"implied", IMPLIED_AT_PLACE})


def _stand_in(
    base: Mention,
    code: str,
    sector: str,
    rule: str,
    tokens: tuple[int, int] | None = None,
    found: str = "implied",
) -> Mention:
    return replace(
        base,
        code=code,
        sector=sector,
        rule=rule,
        person=None,
        role=None,
        tokens=tokens or base.tokens,
        found=found,
    )


def _state(m: Mention) -> bool:
    return m.code not in ("---", "WST") and m.sector != "IGO"


def implied(
    p: Pattern,
    sentence: Sentence,
    trigger: int,
    roles: list[Role],
    sources: list[Mention],
    targets: list[Mention],
) -> tuple[list[Mention], list[Mention], str]:
    """Unnamed doers and undergoers a pattern implies: the police of the place of an arrest,
    protesters of the place or of the government they protest against, the population of the
    doer's own country for a domestic measure. Returns sources, targets and a trace note."""
    place = _place(roles)
    note = ""
    at = (trigger, trigger)
    if p.implied_source and (not sources or all(m.code == "---" for m in sources)):
        country = (
            place
            if place is not None
            else next((m for m in targets if _state(m) and m.sector in p.implied_from), None)
        )
        if country is not None:
            base = sources[0] if sources else country
            sources = [
                _stand_in(
                    base,
                    country.code,
                    p.implied_source,
                    "implied.source." + ("place" if country is place else "target"),
                    (0, 0),
                    found=IMPLIED_AT_PLACE if country is place else "implied",
                )
            ]
            note += f"; implied source {country.code}/{p.implied_source}"
    placed = (
        preposition(sentence, trigger) is None
    )  # "in X braken protesten uit", not "praatten over de protesten in X"
    if (
        p.implied_target
        and not targets
        and sources
        and not all(
            m.found in IMPLIED and not (m.found == IMPLIED_AT_PLACE and placed) for m in sources
        )
    ):
        doer = sources[0]
        if p.implied_target == "---":
            targets = [_stand_in(doer, "---", "CVL", "implied.target.unknown", at)]
        elif place is not None and place.code != doer.code:
            targets = [_stand_in(place, place.code, p.implied_target, "implied.target.place", at)]
        elif _state(doer) and (
            doer.sector in DOMESTIC_DOERS or doer.sector == p.implied_source or place is not None
        ):
            targets = [_stand_in(doer, doer.code, p.implied_target, "implied.target.domestic", at)]
        if targets:
            note += f"; implied target {targets[0].code}/{targets[0].sector}"
    return sources, targets, note


def _undergoes(cues: tuple[Cue, ...], sentence: Sentence, win: Window) -> str | None:
    """Id of the cue by which the clause subject undergoes a nominal event ("heeft te maken met",
    "lijdt onder", "kwamen om bij"), or None."""
    texts = {t.index: t.text.lower() for t in sentence.tokens}
    seq = lemma_seq(sentence, win.first, win.last)
    for cue in cues:
        if any(
            lemma(t).replace(" ", "") in cue.lemmas
            for t in sentence.tokens[win.first - 1 : win.last]
            if t.tag == "WW"
        ):
            return cue.id
        if any(has_seq(seq, w, texts) is not None for w in cue.seqs):
            return cue.id
    return None


def _after(role: Role, trigger: int) -> bool:
    return role.mention.tokens[0] > trigger


def _helped_in(
    sentence: Sentence, c: Candidate, by_role: dict[str, list[Mention]]
) -> list[Mention]:
    """The object the clause's verb helps in the act the noun names, when the noun stands in a
    phrase of helped_in_preps after it ("X steunt Y in de gevechten met Z": Y fights, not X)."""
    start = np_start(sentence, c.trigger)
    prep = sentence.tokens[start - 2] if start >= 2 else None
    if prep is None or prep.tag != "VZ" or lemma(prep) not in word_set("helped_in_preps"):
        return []
    return [m for m in by_role.get("obj", []) if m.tokens[1] < prep.index]


def _governed_by_light_verb(sentence: Sentence, win: Window, c: Candidate, light: set[str]) -> bool:
    """A noun event takes the clause subject as its source when a light verb or a PP holds it."""
    before = (
        sentence.tokens[np_start(sentence, c.trigger) - 2]
        if np_start(sentence, c.trigger) > 1
        else None
    )
    if before is not None and lemma(before) in TOPIC_PREPS and c.pattern.quad_class >= 3:
        return False  # "praten over de oorlog", "sinds de oorlog": the subject is not its doer (conflict only;
        # "spraken over nauwere samenwerking" is a plan of the speakers)
    if clause_verbs(sentence, win) & light:
        return True
    meeting = c.pattern.type in ("CONSULT", "COOPERATE", "AGREE")
    symmetric_or_visit = (
        c.pattern.symmetric or c.pattern.type == "CONSULT"
    )  # "tijdens zijn bezoek aan X"
    return meeting and symmetric_or_visit and before is not None and before.tag == "VZ"


def _speaker(
    sentence: Sentence,
    wins: tuple[Window, ...],
    win: Window,
    mentions: list[Mention],
    verbs: frozenset[str] | None = None,
) -> list[Mention]:
    """Subject of the clause a dat-clause depends on, when that clause's verb is one of ``verbs``
    (default: the verbs of saying)."""
    above = governing(wins, win)
    if not above or not clause_verbs(sentence, above[0]) & (verbs or word_set("saying_verbs")):
        return []
    return clause_subjects(sentence, above[0], mentions)


def _holder(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, mentions: list[Mention]
) -> list[Mention]:
    """Subject of the clause a dat-clause depends on, when its verb says or holds a view (word sets
    saying_verbs and opinion_verbs), else the teller of a trailing report clause."""
    if win.opener not in COMPLEMENTS:
        return _trailing_speaker(sentence, wins, win, mentions)
    return _speaker(
        sentence, wins, win, mentions, word_set("saying_verbs") | word_set("opinion_verbs")
    )


def _trailing_speaker(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, mentions: list[Mention]
) -> list[Mention]:
    """Subject of a trailing report clause after the trigger's clause ("De gesprekken met Y zijn goed,
    schrijft X"): a comma clause that opens with a finite verb of saying; or the actor of a
    trailing ", aldus X" (word set claim_preps)."""
    for later in wins[wins.index(win) + 1 :] if win in wins else ():
        first = next(
            (t for t in sentence.tokens[later.first - 1 : later.last] if t.tag != "LET"), None
        )
        if later.opener != "comma" or first is None:
            continue
        if first.pos.startswith("WW(pv") and lemma(first) in word_set("saying_verbs"):
            return clause_subjects(sentence, later, mentions)
        if first.text.lower() in word_set("claim_preps") and first.index > win.last:
            return [
                m
                for m in mentions
                if m.tokens[0] == first.index + 1
                or (m.tokens[0] == first.index + 2 and sentence.tokens[first.index].tag == "LID")
            ]
    return []


def _om_controller(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, mentions: list[Mention]
) -> list[Mention]:
    """The subject an om-te clause depends on; none for a clause of another kind."""
    return _controller(sentence, wins, win, mentions) if win.opener == "om" else []


def _controller(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, mentions: list[Mention]
) -> list[Mention]:
    """Subject of the clause an om-te infinitive depends on (subject control); when that subject
    is a pronoun, the main-clause subject it stands for ("X zegt dat ze bereid zijn om ...")."""
    at = wins.index(win)
    if at == 0:
        return []
    prev = wins[at - 1]
    return [
        r.mention
        for r in roles_in_window(sentence, prev, mentions, prev.first, False)
        if r.role == "su"
    ] or _pronoun_antecedent(sentence, wins, prev, mentions)


def _elided_subject(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, mentions: list[Mention]
) -> list[Mention]:
    """Subject shared by coordinated main clauses: "X en Y ontkennen ..., maar spreken over ..."; or
    the subject a relative clause interrupts: "China, dat het hof niet erkent, heeft ... veroordeeld"."""
    at = wins.index(win)
    resumed = _interrupted_subject(sentence, wins, at, mentions)
    if resumed:
        return resumed
    first = sentence.tokens[win.first - 1]
    nxt = sentence.tokens[win.first] if win.first < len(sentence.tokens) else None
    if (
        at == 0
        or win.subordinate
        or lemma(first) not in word_set("main_clause_joiners")
        or nxt is None
        or not nxt.pos.startswith("WW(pv")
    ):
        return []
    main = next((w for w in reversed(wins[:at]) if not w.subordinate), None)
    return clause_subjects(sentence, main, mentions) if main is not None else []


def _interrupted_subject(
    sentence: Sentence, wins: tuple[Window, ...], at: int, mentions: list[Mention]
) -> list[Mention]:
    """The mentions of a verbless first clause when a relative clause follows it and window ``at``
    resumes with a finite verb ("X, die ..., heeft Y ...")."""
    if at != 2 or not relative_after_first(sentence, wins) or wins[at].subordinate:
        return []
    first = next(
        (t for t in sentence.tokens[wins[at].first - 1 : wins[at].last] if t.tag != "LET"), None
    )
    head = wins[0]
    if (
        first is None
        or not first.pos.startswith("WW(pv")
        or any(is_finite(t) for t in sentence.tokens[head.first - 1 : head.last])
    ):
        return []
    return [m for m in mentions if head.first <= m.tokens[0] and m.tokens[1] <= head.last]


def _pronoun_antecedent(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, mentions: list[Mention]
) -> list[Mention]:
    """The main-clause subject a subordinate clause's pronoun subject refers to ("X zei dat hij Y ontmoet")."""
    if not pronoun_subject(sentence, win):
        return []
    main = next((w for w in reversed(wins[: wins.index(win)]) if not w.subordinate), None)
    subjects = clause_subjects(sentence, main, mentions) if main is not None else []
    if neuter_subject(
        sentence, win
    ):  # "het" takes only a neuter antecedent: a country's name, "het ministerie"
        subjects = [m for m in subjects if _country_name(m) or _neuter_phrase(m)]
    return subjects


def _neuter_phrase(m: Mention) -> bool:
    """A mention whose phrase opens with a neuter determiner ("het ministerie", "dat land")."""
    return m.text.lower().split(" ", 1)[0] in word_set("neuter_determiners")


def _authors(sentence: Sentence, roles: list[Role], keys: Sequence[str]) -> list[Mention]:
    """Doers of an attributive participle inside a phrase the pattern takes its other side from:
    "stemde in met een door X opgesteld plan" is aimed at X, the plan's author."""
    found = []
    for r in roles:
        if r.role != "attr":
            continue
        door = preposition(sentence, r.mention.tokens[0])
        i = door[1] - 1 if door else 0
        while i >= 1 and sentence.tokens[i - 1].tag in ("LID", "ADJ", "TW"):
            i -= 1
        if i >= 1 and sentence.tokens[i - 1].tag == "VZ" and lemma(sentence.tokens[i - 1]) in keys:
            found.append(r.mention)
    return found


def _relative_head(
    sentence: Sentence, win: Window, mentions: list[Mention], sectors: Sequence[str] | None = None
) -> list[Mention]:
    """The phrase a subject relative clause hangs on ("de Amerikaanse minister, die met Y sprak"):
    the mention that ends right before the relative pronoun, a comma between allowed; by default
    only office holders and bodies ("Afghanen die met de VS samenwerkten" tells a background),
    ``sectors`` names others."""
    if win.opener != "rel" or win.first < 2:
        return []
    end = win.first - 1
    if sentence.tokens[end - 1].text == "," and end > 1:
        end -= 1
    allowed = OFFICIAL_SECTORS if sectors is None else sectors
    return [m for m in mentions if m.tokens[1] == end and m.sector in allowed and m.code != "---"]


def _embedded_subjects(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, mentions: list[Mention]
) -> list[Mention]:
    """Subjects of the dat-clause right after the trigger's clause; when none is an actor and the
    clause opens on an act noun, its doer ("dat een bezoek van X aan Y ... zal leiden")."""
    at = wins.index(win)
    for nxt in wins[at + 1 : at + 3]:
        if nxt.opener in COMPLEMENTS or nxt.opener == "rel":
            found = [
                r.mention
                for r in roles_in_window(sentence, nxt, mentions, nxt.last, False)
                if r.role == "su"
            ] or _opening_act_doers(sentence, nxt, mentions)
            rel = wins[wins.index(nxt) + 1] if wins.index(nxt) + 1 < len(wins) else None
            if not found and rel is not None and rel.opener == "rel" and rel.first == nxt.last + 1:
                found = [  # "dat de tarieven die X heeft ingesteld ...": X owns the subject
                    r.mention
                    for r in roles_in_window(sentence, rel, mentions, rel.last, False)
                    if r.role == "su"
                ]
            return found
    return []


def _opening_act_doers(sentence: Sentence, win: Window, mentions: list[Mention]) -> list[Mention]:
    """The actor in the van/door-phrase right after the act noun a dat-clause opens with ("dat
    een bezoek van X ...", "dat de aanval door X ..."), or none."""
    toks = sentence.tokens
    pos = win.first  # 0-based position of the token after the opener
    while pos < win.last and (
        toks[pos].tag in ("LID", "ADJ", "TW") or toks[pos].tag == "VNW" and "det" in toks[pos].pos
    ):
        pos += 1
    noun = toks[pos] if pos < win.last else None
    if noun is None or noun.tag != "N" or lemma(noun) not in word_set("clause_opening_acts"):
        return []
    prep = toks[pos + 1] if pos + 1 < win.last else None
    if prep is None or prep.text.lower() not in word_set("act_owner_preps"):
        return []
    return [m for m in mentions if m.tokens[0] == prep.index + 1 and m.code != "---"]


CONDITIONS = word_set("conditions")
PAST_TIME_OPENERS = word_set("past_time_openers")
COMPLEMENTS = word_set("complement_openers")


def _conditional_actors(
    sentence: Sentence, wins: tuple[Window, ...], win: Window, mentions: list[Mention]
) -> list[Mention]:
    """Subjects and objects of the condition a threat hangs on ("dreigt met ... als X Y ontmoet")."""
    at = wins.index(win)
    for nxt in wins[at + 1 : at + 4]:
        if nxt.opener in CONDITIONS:
            return [
                r.mention
                for r in roles_in_window(sentence, nxt, mentions, nxt.last, False)
                if r.role in ("su", "obj")
            ]
    return []


def _unique(ms: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in ms:
        if m not in out:
            out.append(m)
    return out


def _pairs(out: Outcome) -> list[tuple[Mention, Mention]]:
    """The (source, target) pairs an outcome codes; not a pair of one actor with itself, nor of
    two members of one phrase unless it stands for a pair ("de landen"), nor one where neither
    side is identifiable (annotation.md codes no such event)."""
    pairs: list[tuple[Mention, Mention]] = []
    if out.symmetric:
        if out.targets:
            for s in out.sources:
                for t in out.targets:
                    pairs += [(s, t), (t, s)]
        else:
            for s in out.sources:
                pairs += [(s, t) for t in out.sources if t is not s]
    else:
        pairs = [(s, t) for s in out.sources for t in out.targets]
    pairs += [(s, a) for s in out.sources for a in out.authors]
    pairs = [
        (s, t)
        for s, t in pairs
        if (s.code, s.sector) != (t.code, t.sector)
        and ((s.sentence, s.tokens) != (t.sentence, t.tokens) or s.kind == t.kind == "pair")
        and not s.code == t.code == "---"
    ]
    return [
        (s, t) for s, t in pairs if not (out.symmetric and s.code == t.code and not _rivals(s, t))
    ]


def _rivals(s: Mention, t: Mention) -> bool:
    """Two sides of one country that face each other in its politics: its government and the
    opposition or rebels ("de oppositie ging in overleg met de regering" is a domestic event)."""
    return {s.sector, t.sector} in ({"GOV", "OPP"}, {"GOV", "REB"})


def trigger_text(sentence: Sentence, c: Candidate) -> str:
    """The trigger word(s) as printed, with a separated particle or fixed part."""
    tok = sentence.tokens[c.trigger - 1]
    text = tok.text
    if c.particle and "_" not in c.particle:
        for t in sentence.tokens[c.trigger :]:
            if lemma(t) == c.particle:
                return f"{text} ... {t.text}"
    return text


def code_sentence(
    sentence: Sentence,
    mentions: list[Mention],
    patterns: Patterns,
    memory: list[Mention],
    trace: list[str] | None = None,
    claims: Sequence[Mention] = (),
    pair: Sequence[Mention] = (),
    acts: Sequence[Mention] = (),
    year: int | None = None,
    sides: Sequence[Mention] = (),
    meeting: Sequence[Mention] = (),
    met: list[Mention] | None = None,
    guests: Sequence[Mention] = (),
    joined: list[Mention] | None = None,
    firsts: Sequence[tuple[str, Mention]] = (),
) -> list[Event]:
    """Events of one sentence; ``memory`` holds the previous subjects, ``claims`` who made the
    previous sentence's claims (for a denial), ``pair`` the two sides it named ("de twee"),
    ``acts`` the doers of the last coded events, ``year`` the year the article speaks from (older
    years told in the past are background), ``sides`` the article's two main sides (first mention
    of each), ``meeting`` the sides of the meeting named last and ``guests`` who joined it since;
    ``met`` receives the sides of the meetings this sentence names, ``joined`` who joins the one
    named before; ``trace`` collects why each candidate fired or not."""
    wins = windows(sentence)
    light = set().union(*(cue.lemmas for cue in patterns.cue("support_verbs")))
    mentions = mentions + speaker_mentions(sentence, mentions, memory)
    taken: set[int] = set()
    claims_made: list[
        Candidate
    ] = []  # claim verbs, coded once what their dat-clause reports is known
    told: list[tuple[int, Event]] = []  # (trigger token, event) of this sentence
    for c in candidates(patterns, sentence):
        p = c.pattern
        note = f"{p.id} @ '{sentence.tokens[c.trigger - 1].text}'"
        if p.about:
            claims_made.append(c)
            continue
        if c.trigger in taken:
            _say(trace, f"{note}: skipped, a more specific pattern fired on this word")
            continue
        win = window_of(wins, c.trigger)
        if c.noun and any(m.tokens[0] <= c.trigger <= m.tokens[1] for m in mentions):
            _say(trace, f"{note}: no (the word is part of an actor's name)")
            continue
        reason = check(c, sentence, win, wins)
        if not reason and c.noun and _linked_to(sentence, c.trigger):
            reason = "an act someone is linked to (betrokkenheid bij, link met), not done here"
        if not reason and p.needs_light_verb and not clause_verbs(sentence, win) & light:
            reason = "a state noun with no light verb making it happen"
        if reason:
            _say(trace, f"{note}: no ({reason})")
            continue
        bg = background(patterns, sentence, win, c.trigger, c.noun, year, mentions, wins)
        if bg:
            taken.add(c.trigger)
            _say(trace, f"{note}: no (background history, {bg})")
            continue
        asked = (
            _demanded(patterns, sentence, wins, win)
            if not c.noun or (clause_verbs(sentence, win) & light and not _in_pp(sentence, c))
            else None
        )  # the attacks a demand names did happen ("eist dat X een einde maakt aan de aanvallen");
        # a noun a light verb of the asked clause makes happen is asked ("wil dat X en Y een akkoord sluiten")
        if not asked and _asked_infinitive(sentence, win, c.trigger, told):
            asked = "te-infinitive after a request or expulsion"
        if asked:
            _say(trace, f"{note}: no (what a demand asks for, {asked})")
            continue
        out = assign(
            c,
            sentence,
            wins,
            win,
            mentions,
            memory,
            light,
            patterns.cue("undergo_verbs"),
            claims,
            pair,
            acts,
            meeting,
            guests,
            firsts,
        )
        if met is not None and c.noun and _names_meeting(p):
            met += [m for m in out.sources + out.targets if m.code != "---" and m not in met]
        if joined is not None and out.joined:
            joined += [m for m in out.sources if m.code != "---" and m not in joined]
        if (
            p.other_side
            and sides
            and bool(out.sources) != bool(out.targets)
            and not out.authors
            and not _passive_clause(sentence, win)
        ):
            out = _other_side(out, sides)
        if (
            p.other_side
            and len(sides) == 2
            and not out.sources
            and not out.targets
            and _mutual(sentence, win)
        ):
            out = _both_sides(out, sides)
        pairs = _pairs(out)
        if not pairs:
            _say(
                trace,
                f"{note}: no actor pair ({out.why}; sources={[m.code for m in out.sources]}, "
                f"targets={[m.code for m in out.targets]})",
            )
            continue
        if not p.keeps_trigger:
            taken.add(c.trigger)
        parties = {m.code for m in out.sources + out.targets}
        fact, cue = factuality(
            patterns,
            sentence,
            wins,
            win,
            c.trigger,
            c.noun,
            parties,
            mentions,
            p.ignores,
            p.intent == "act",
        )
        not_real = unreal(patterns, sentence, wins, win, c.trigger, fact, p.type)
        if not_real:
            _say(trace, f"{note}: no (not an event, {not_real})")
            continue
        if p.intent == "skip" and _intent_cue(patterns, cue):
            _say(trace, f"{note}: no (an intent, {cue}: the intent patterns code it as AGREE)")
            continue
        if (
            p.intent == "act"
            and out.symmetric
            and out.targets
            and _willed(patterns, sentence, wins, win, c, parties, mentions)
        ):
            pairs = [
                (s, t) for s, t in pairs if any(s is m for m in out.sources)
            ]  # "X wil tot een akkoord komen met Y": the will is X's alone
        teller, said = attribution(
            patterns,
            sentence,
            wins,
            win,
            [m for m in mentions if m not in out.sources + out.targets],
        )
        if teller is None:  # a bare quotation: told by the speaker named before
            teller = next(iter(quote_speaker(sentence, win, memory)), None)
        reporter = teller.code if teller else None
        _say(
            trace,
            f"{note}: FIRED {p.type} {p.cameo} fact={fact}{f' ({cue})' if cue else ''} "
            f"pairs={[(s.code, t.code) for s, t in pairs]}"
            f"{f'; attributed to {reporter} ({said})' if reporter else ''}; {out.why}",
        )
        for s, t in pairs:
            told.append((c.trigger, _event(patterns, c, sentence, s, t, fact, reporter)))
        if (
            teller is not None and win.opener not in PAST_TIME_OPENERS
        ):  # "X zei dat ..., nadat Y X aanviel": the act the statement follows is not X's account
            told += _victim_account(patterns, c, sentence, teller, pairs, trace)
    for c in claims_made:
        told += _claimed(c, sentence, wins, mentions, memory, light, patterns, told, trace)
    return [ev for _, ev in told]


def _intent_cue(patterns: Patterns, cue: str | None) -> bool:
    """The fact cue is one of will or willingness ("wil", "bereid"; cues.yaml ``intent``)."""
    return cue in {k.id for k in patterns.cue("future") if k.intent}


def _willed(
    patterns: Patterns,
    sentence: Sentence,
    wins: tuple[Window, ...],
    win: Window,
    c: Candidate,
    parties: set[str],
    mentions: list[Mention],
) -> bool:
    """A cue of will or willingness governs the trigger ("X wil ... met Y", "X is bereid ..."):
    the future cue factuality finds when nothing else counts is an intent cue."""
    _, cue = factuality(
        patterns, sentence, wins, win, c.trigger, c.noun, parties, mentions, ("negated", "alleged")
    )
    return _intent_cue(patterns, cue)


def _names_meeting(p: Pattern) -> bool:
    """A pattern for a meeting or talks between sides (a symmetric CONSULT pattern that takes no
    meeting named before): the sides its noun finds ("het beraad van de EU-ministers") are the
    meeting a later "schoof ook aan" joins."""
    return p.type == "CONSULT" and p.symmetric and "meeting" not in p.target


def _event(
    patterns: Patterns,
    c: Candidate,
    sentence: Sentence,
    s: Mention,
    t: Mention,
    fact: str,
    reporter: str | None,
) -> Event:
    """The Event one candidate codes for one (source, target) pair."""
    p = c.pattern
    _, goldstein, quad = patterns.cameo[p.cameo]
    return Event(
        src=s.code,
        src_sector=s.sector,
        src_text=s.text,
        tgt=t.code,
        tgt_sector=t.sector,
        tgt_text=t.text,
        type=p.type,
        mode=p.mode,
        cameo=p.cameo,
        goldstein=goldstein,
        quad_class=quad,
        fact=fact,
        sentence=sentence.text,
        field=sentence.field,
        span=(sentence.start, sentence.end),
        trigger=trigger_text(sentence, c),
        rule=p.id,
        attributed_to=reporter if reporter not in (s.code, None) or reporter != s.code else None,
        sentence_index=sentence.index,
        trigger_token=c.trigger,
        trigger_span=(sentence.tokens[c.trigger - 1].start, sentence.tokens[c.trigger - 1].end),
    )


def _claimed(
    c: Candidate,
    sentence: Sentence,
    wins: tuple[Window, ...],
    mentions: list[Mention],
    memory: list[Mention],
    light: set[str],
    patterns: Patterns,
    told: list[tuple[int, Event]],
    trace: list[str] | None,
) -> list[tuple[int, Event]]:
    """A claim verb whose dat-clause reports an act of the pattern's ``about`` types: the claimer
    accuses the act's doer ("Polen stelt dat Belarus migranten over de grens duwt")."""
    p = c.pattern
    note = f"{p.id} @ '{sentence.tokens[c.trigger - 1].text}'"
    win = window_of(wins, c.trigger)
    at = wins.index(win)
    reported = [w for w in wins[at + 1 : at + 3] if _reports(sentence, w)][:1]
    acts = [ev for i, ev in told if reported and i in reported[0] and ev.type in p.about]
    if not acts or check(c, sentence, win, wins):
        _say(trace, f"{note}: no (its dat-clause reports no {'/'.join(p.about)} act)")
        return []
    out = assign(c, sentence, wins, win, mentions, memory, light)
    claimers = [m for m in out.sources if m.code not in {ev.src for ev in acts}]
    doers = {(ev.src, ev.src_sector): ev.src_text for ev in acts if ev.src != "---"}
    found = []
    parties = {m.code for m in claimers} | {code for code, _ in doers}
    fact, _ = factuality(patterns, sentence, wins, win, c.trigger, False, parties, mentions)
    for s in claimers:
        for (code, sector), text in doers.items():
            t = replace(s, code=code, sector=sector, text=text, rule="claim.doer", found="claim")
            found.append((c.trigger, _event(patterns, c, sentence, s, t, fact, None)))
    if found:  # what an adversary claims the other side did is its allegation, not a reported fact
        told[:] = [
            (i, replace(ev, fact="alleged") if ev in acts and ev.fact == "asserted" else ev)
            for i, ev in told
        ]
    _say(
        trace,
        f"{note}: {'FIRED' if found else 'no actor pair'} {p.type} {p.cameo} fact={fact} "
        f"pairs={[(e.src, e.tgt) for _, e in found]}; claims {[ev.rule for ev in acts]}",
    )
    return found


def _reports(sentence: Sentence, win: Window) -> bool:
    """The clause is what a claim verb reports: it opens with a complementiser, also one Frog
    tagged as a relative pronoun (the "dat" of "beweerde, zonder bewijs, dat Y ...")."""
    if win.opener in COMPLEMENTS:
        return True
    return win.opener == "rel" and lemma(sentence.tokens[win.first - 1]) in COMPLEMENTS


def _victim_account(
    patterns: Patterns,
    c: Candidate,
    sentence: Sentence,
    teller: Mention,
    pairs: list[tuple[Mention, Mention]],
    trace: list[str] | None,
) -> list[tuple[int, Event]]:
    """The side that suffered an act and tells it ("volgens China drongen Filipijnse boten de wateren
    binnen") accuses its doer: the claim pattern whose ``about`` names the act's type codes it."""
    claim = next((p for p in patterns.patterns if p.about and c.pattern.type in p.about), None)
    if claim is None:
        return []
    doers = {
        (s.code, s.sector): s
        for s, t in pairs
        if t.code == teller.code and s.code not in (teller.code, "---")
    }
    if not doers:
        return []
    said = replace(c, pattern=claim)
    found = [
        (c.trigger, _event(patterns, said, sentence, teller, doer, "asserted", None))
        for doer in doers.values()
    ]
    _say(
        trace,
        f"{claim.id} @ '{sentence.tokens[c.trigger - 1].text}': FIRED {claim.type} {claim.cameo} "
        f"pairs={[(e.src, e.tgt) for _, e in found]}; {teller.code} tells what it suffered",
    )
    return found


def _other_side(out: Outcome, sides: Sequence[Mention]) -> Outcome:
    """Fill the missing side of a one-sided event with the article's other main side, when the side
    named is one of the two ("Hamas dreigde met vergelding" in an article about Israel and Hamas)."""
    named = {m.code for m in out.sources or out.targets}
    if (
        len(named) != 1
        or not named <= {m.code for m in sides}
        or any(m.found in GUESSED for m in out.sources or out.targets)
    ):
        return out  # not built on a side that was itself only guessed from the dateline or context
    other = [
        pointing(m, "implied.other_side", found="implied") for m in sides if m.code not in named
    ]
    why = out.why + f"; other main side {other[0].code} ({other[0].text!r})"
    if out.sources:
        return Outcome(out.sources, other, out.symmetric, why)
    return Outcome(other, out.targets, out.symmetric, why)


def _mutual(sentence: Sentence, win: Window) -> bool:
    """The clause says an act went both ways (word set mutual_phrases: "beschietingen over en
    weer")."""
    texts = {t.index: t.text.lower() for t in sentence.tokens}
    seq = lemma_seq(sentence, win.first, win.last)
    return any(
        has_seq(seq, tuple(w.split()), texts) is not None for w in word_set("mutual_phrases")
    )


def _both_sides(out: Outcome, sides: Sequence[Mention]) -> Outcome:
    """An act that went both ways with no side named ("er zijn beschietingen over en weer") is
    between the article's two main sides."""
    both = [pointing(m, "implied.both_sides", found="implied") for m in sides]
    why = out.why + f"; both main sides {[m.code for m in both]} (mutual act, no side named)"
    return Outcome(both[:1], both[1:], True, why)


def main_sides(mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """The article's two main sides: the two codes it names most, each at least twice (first mention of each)."""
    counts: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.code != "---":
            counts.setdefault(m.code, []).append(m)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if (
        len(ranked) < 2
        or len(ranked[1]) < 2
        or (len(ranked) > 2 and len(ranked[2]) == len(ranked[1]))
    ):
        return ()
    return (ranked[0][0], ranked[1][0])


def _asked_infinitive(
    sentence: Sentence, win: Window, trigger: int, told: list[tuple[int, Event]]
) -> bool:
    """The trigger is a te-infinitive in the clause of a request or expulsion coded before it: what
    is asked ("roept Y op zijn troepen terug te trekken", "vraagt de missie te vertrekken"), not an
    act that happened."""
    toks = sentence.tokens
    if (
        trigger < 2
        or not toks[trigger - 1].pos.startswith("WW(inf")
        or lemma(toks[trigger - 2]) != "te"
    ):
        return False
    return any(
        (ev.type == "REQUEST" or ev.mode == "expel") and at < trigger and at in win
        for at, ev in told
    )


def _demanded(
    patterns: Patterns, sentence: Sentence, wins: tuple[Window, ...], win: Window
) -> str | None:
    """Id of the demand cue when the clause is what a demand asks for ("eist dat X zich terugtrekt",
    "ziet liever dat X ...")."""
    if win.opener not in COMPLEMENTS:
        return None
    above = governing(wins, win)
    if not above:
        return None
    verbs = clause_verbs(sentence, above[0])  # "riep ... op": oproepen
    seq = lemma_seq(sentence, above[0].first, above[0].last)
    for cue in patterns.cue("demand_verbs"):
        if verbs & cue.lemmas or any(has_seq(seq, w) is not None for w in cue.seqs):
            return cue.id
    return None


def _say(trace: list[str] | None, line: str) -> None:
    if trace is not None:
        trace.append(line)


def sentence_subjects(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """The main-clause subject mentions of a sentence (memory for pronouns in the next one); when
    they are all names of countries, also the person who tells the sentence (", zei X"), else the
    last person it names ("China eist dat het bezoek van X wordt afgelast. Ze ..." = X): "hij"
    and a singular "ze" never stand for a country's name."""
    wins = windows(sentence)
    if not wins:
        return []
    subjects = clause_subjects(sentence, wins[0], mentions)
    if all(
        _country_name(m) for m in subjects
    ):  # "Rusland erkent het hof niet, zei Peskov. Hij ...": the teller
        tellers = [
            m for m in _trailing_speaker(sentence, wins, wins[0], mentions) if not _country_name(m)
        ]
        named = [m for m in mentions if m.person and m.code != "---"]
        subjects += tellers or named[-1:]
    return subjects


@dataclass(frozen=True)
class Context:
    """What earlier sentences of the article left for the next one to refer back to."""

    memory: tuple[Mention, ...] = ()  # main-clause subjects, for "hij", "het land"
    claims: tuple[Mention, ...] = ()  # who made the claims, for "X ontkent dat"
    pair: tuple[Mention, ...] = ()  # the two sides named, for "de twee"
    acts: tuple[Mention, ...] = ()  # doers of the last coded events, for "steunden de operatie"
    year: int | None = None  # the year the article speaks from
    sides: tuple[Mention, ...] = ()  # the article's two main sides, for events that name only one
    meeting: tuple[Mention, ...] = ()  # the sides of the meeting named last, for "X schoof aan"
    guests: tuple[Mention, ...] = ()  # who joined that meeting since, for "ze" at the meeting
    states: tuple[
        Mention, ...
    ] = ()  # the states the last sentence naming one named, for "dat land"
    firsts: tuple[
        tuple[str, Mention], ...
    ] = ()  # (type, doer) of each type's first event, for "de aanval"


def code_in_context(
    sentence: Sentence,
    here: list[Mention],
    patterns: Patterns,
    ctx: Context,
    trace: list[str] | None = None,
) -> tuple[list[Event], Context]:
    """Events of one sentence given what came before, and the context for the next sentence."""
    coded: list[Event] = []
    text = sentence.field == "text"
    met: list[Mention] = []
    joined: list[Mention] = []
    if text:  # "het land", "dat land": the state pointed back to, cited
        refs = country_references(sentence, here, list(ctx.memory), list(ctx.states))
        refs += pair_plural_references(sentence, here, list(ctx.pair))
        if refs:
            here = sorted(here + refs, key=lambda m: m.tokens)
    if here or ctx.memory:
        use = ctx if text else Context(year=ctx.year, sides=ctx.sides)
        coded = code_sentence(
            sentence,
            here,
            patterns,
            list(use.memory),
            trace,
            claims=use.claims,
            pair=use.pair,
            acts=use.acts,
            year=use.year,
            sides=use.sides,
            meeting=use.meeting,
            met=met,
            guests=use.guests,
            joined=joined,
            firsts=use.firsts,
        )
    if not text:  # the headline's events are the article's first of their types
        return coded, replace(ctx, firsts=first_doers(ctx.firsts, coded, here))
    subjects = sentence_subjects(sentence, here) if here and not bare_quotation(sentence) else []
    return coded, Context(
        memory=tuple(subjects or ctx.memory),
        claims=tuple(claimers(sentence, here, coded, list(ctx.memory))),
        pair=tuple(the_pair(here) or (ctx.pair if not here else ())),
        acts=tuple(doers(coded, here) or ctx.acts),
        year=ctx.year,
        sides=ctx.sides,
        meeting=tuple(met or ctx.meeting),
        guests=() if met else ctx.guests + tuple(m for m in joined if m not in ctx.guests),
        states=tuple(m for m in here if named_state(m)) or ctx.states,
        firsts=first_doers(ctx.firsts, coded, here),
    )


@dataclass(frozen=True)
class SentenceTrace:
    """How the coder read one sentence: its mentions, the rules tried and every event coded."""

    sentence: Sentence
    mentions: tuple[Mention, ...]
    tried: tuple[str, ...]  # one line per rule tried and why it fired or not
    events: tuple[Event, ...]  # before duplicates across sentences are dropped


def _protested(coded: list[Event], here: list[Mention], against: list[Mention]) -> list[Event]:
    """A protest whose target the pattern only implied (the doer's own or the place's government)
    is against the state of an "anti-X" word in its sentence ("scandeerden anti-Franse leuzen")."""
    if not against:
        return coded
    named = {(m.code, m.sector, m.text) for m in here}
    out: list[Event] = []
    for ev in coded:
        foes = [m for m in against if m.code != ev.src]
        if foes and ev.type in AGAINST_TYPES and (ev.tgt, ev.tgt_sector, ev.tgt_text) not in named:
            out.extend(replace(ev, tgt=m.code, tgt_sector=m.sector, tgt_text=m.text) for m in foes)
        else:
            out.append(ev)
    return out


def code_events(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    patterns: Patterns,
    on_date: date | None = None,
    trace: list[SentenceTrace] | None = None,
) -> tuple[Event, ...]:
    """Code the events of one article's sentences (headline first), one Event per direction;
    ``on_date`` is the day the article speaks from, when known. ``trace``, when given,
    receives a SentenceTrace per sentence (what ``kroniek explain`` prints)."""
    events: list[Event] = []
    seen: set[str] = set()
    ctx = Context(year=on_date.year if on_date else None, sides=main_sides(mentions))
    for sentence in sentences:
        here = [m for m in mentions if m.field == sentence.field and m.sentence == sentence.index]
        against = [m for m in here if m.found == "against"]
        here = [m for m in here if m.found != "against"]
        tried: list[str] | None = [] if trace is not None else None
        coded, ctx = code_in_context(sentence, here, patterns, ctx, tried)
        coded = _protested(coded, here, against)
        if trace is not None:
            trace.append(SentenceTrace(sentence, tuple(here), tuple(tried or ()), tuple(coded)))
        for ev in coded:
            if ev.key not in seen:
                seen.add(ev.key)
                events.append(ev)
    return tuple(events)
