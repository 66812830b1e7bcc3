"""Clauses and grammatical roles of actor mentions, from Frog's tags and (when parsed) dependencies.

A sentence is cut into clause windows at subordinators, relative pronouns, "maar", colons,
semicolons and commas before a verb. Inside a window a mention's role is its preposition
(read off the tags, which are reliable) or, for a bare noun phrase, subject or object: taken
from the dependency parse when it links the mention to the trigger's verb chain, otherwise
from Dutch word order (V2 main clause, verb-final subordinate clause) as a fallback.
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.records import Mention, Sentence, Token
from kroniek.words import word_set

SUBORDINATORS = word_set("subordinators")
NP_INNER = ("LID", "ADJ", "TW", "SPEC")
COORD = word_set("coordinators")
SUBJECT_PRONOUNS = word_set("subject_pronouns")
FOCUS = word_set("focus")
ROLE_CONJUNCTIONS = word_set("role_conjunctions")
CORRELATIVE_OPENERS = word_set("correlative_openers")
COMPLEMENTIZERS = word_set("complementizers")
CLAUSE_TAKING_VERBS = word_set("clause_taking_verbs")
PURPOSE_OPENERS = word_set("purpose_openers")
CLUSTER_AUXILIARIES = word_set("cluster_auxiliaries")
INFINITIVE_MARKERS = word_set("infinitive_markers")
CONTRAST_CONJUNCTIONS = word_set("contrast_conjunctions")
CLAUSE_COORDINATORS = word_set("clause_coordinators")
EXPLETIVES = word_set("expletives")


def lemma(token: Token) -> str:
    """Lower-cased lemma with multi-word units joined by spaces."""
    return token.lemma.lower().replace("_", " ")


def words(token: Token) -> list[str]:
    """The lemma parts of one token (a multi-word unit gives several)."""
    return lemma(token).split()


def is_finite(token: Token) -> bool:
    """True for a finite verb form."""
    return token.pos.startswith("WW(pv")


def is_np_inner(token: Token) -> bool:
    """Tokens that can stand inside a noun phrase before its head."""
    if token.tag in NP_INNER or token.pos.startswith("LID"):
        return True
    if token.tag == "VNW" and (
        "bez" in token.pos or "aanw" in token.pos or "det" in token.pos or "grad" in token.pos
    ):
        return True  # possessives, demonstratives, determiners, degree words ("de meest recente")
    if token.tag == "WW" and "prenom" in token.pos:
        return True
    return token.tag == "LET" and token.text in {'"', "'", "“", "”", "‘", "’"}


def clause_verbs(sentence: Sentence, win: Window, skip: int = 0) -> set[str]:
    """The verb lemmas of a clause, with separated particles joined to them ("legde ... op": opleggen);
    the verb at token ``skip`` left out."""
    toks = sentence.tokens[win.first - 1 : win.last]
    verbs = {lemma(t).replace(" ", "") for t in toks if t.tag == "WW" and t.index != skip}
    particles = {
        lemma(t) for t in toks if t.tag == "VZ" and (t.pos.startswith("VZ(fin") or t.rel == "svp")
    }
    return verbs | {p + v for v in verbs for p in particles}


@dataclass(frozen=True)
class Window:
    """One clause: tokens [first, last] (1-based, inclusive) and how it starts."""

    first: int
    last: int
    opener: str  # lemma of the subordinator, "rel", "om", "comma" or "" for a main clause

    @property
    def subordinate(self) -> bool:
        """True for a clause that starts with a subordinator or relative pronoun."""
        return self.opener not in ("", "comma")

    def __contains__(self, index: int) -> bool:
        return self.first <= index <= self.last


def windows(sentence: Sentence) -> tuple[Window, ...]:
    """Cut a sentence into clause windows (once per sentence; kept on the record)."""
    return sentence.derived("windows", lambda: _cut(sentence))


def _cut(sentence: Sentence) -> tuple[Window, ...]:
    toks = sentence.tokens
    cuts: list[tuple[int, str]] = [(1, "")]
    for pos, tok in enumerate(toks):
        i = tok.index
        low = tok.text.lower()
        nxt = toks[pos + 1] if pos + 1 < len(toks) else None
        role = low in ROLE_CONJUNCTIONS
        zowel = role and any(
            t.text.lower() in CORRELATIVE_OPENERS for t in toks[max(0, pos - 8) : pos]
        )
        predicative = role and (_predicative_als(toks, pos) or _bare_role_phrase(toks, pos))
        if (
            tok.pos.startswith("VG(onder")
            and lemma(tok) in SUBORDINATORS
            and not zowel
            and not predicative
        ):
            cuts.append((i, lemma(tok)))  # also first: "Als X en Y ..., komt ..."
        elif (
            role
            and tok.tag == "VZ"
            and i > 1
            and not zowel
            and not predicative
            and _finite_follows(toks, pos)
        ):
            cuts.append((i, low))  # a condition Frog tagged as a preposition: "als X Y ontmoet"
        elif (
            low in COMPLEMENTIZERS
            and pos > 0
            and toks[pos - 1].tag == "WW"
            and (is_finite(toks[pos - 1]) or _clause_taking_tail(toks[pos - 1]))
            and _opens_clause(toks, pos)
        ):
            cuts.append(
                (i, low)
            )  # "vindt dat ...": a complementizer Frog tagged as a demonstrative
        elif tok.tag == "VNW" and "betr" in tok.pos and i > 1:
            cuts.append((i, "rel"))
        elif (
            low in word_set("relatives_after_noun")
            and tok.tag == "VNW"
            and _after_noun(toks, pos)
            and _verb_of_its_own(toks, pos)
        ):
            cuts.append((i, "rel"))  # "vallen schepen aan die banden hebben met X"
        elif tok.tag == "BW" and lemma(tok) in word_set("relative_adverbs") and i > 1:
            cuts.append((i, "rel"))  # "protesten, waarop de politie ingreep": a relative clause
        elif (
            pos > 0
            and toks[pos - 1].text == ","
            and low in word_set("relative_openers")
            and _finite_before_comma(toks, pos)
        ):
            cuts.append((i, "rel"))  # ", waarin X en Y ... afspraken": Frog tagged an adverb
        elif low in PURPOSE_OPENERS and _om_te(toks, pos):
            cuts.append((i, low))
        elif low in CONTRAST_CONJUNCTIONS and i > 1:
            cuts.append((i, ""))
        elif low in {";", ":"} and i > 1:
            cuts.append((i + 1, ""))
        elif (
            low in CLAUSE_COORDINATORS
            and i > 1
            and nxt is not None
            and (
                is_finite(nxt)
                or (
                    nxt.text.lower() in EXPLETIVES
                    and pos + 2 < len(toks)
                    and is_finite(toks[pos + 2])
                )
            )
        ):
            cuts.append((i, ""))  # a coordinated main clause: "..., en er zijn ..."
        elif (
            low in CLAUSE_COORDINATORS
            and i > 1
            and _finite_since(toks, pos, cuts[-1][0])
            and _subject_then_finite(toks, pos)
        ):
            cuts.append(
                (i, "")
            )  # "X vecht tegen Y en een einde lijkt niet in zicht": a new subject and verb
        elif (
            low == ","
            and nxt is not None
            and (is_finite(nxt) or nxt.text.lower() in word_set("clause_joiners"))
        ):
            cuts.append((i + 1, "comma"))
    result = []
    cuts = sorted(dict(cuts).items())
    for n, (start, opener) in enumerate(cuts):
        end = cuts[n + 1][0] - 1 if n + 1 < len(cuts) else len(toks)
        if start <= end:
            result.append(Window(start, end, opener))
    return tuple(result)


def _after_noun(toks: list[Token] | tuple[Token, ...], pos: int) -> bool:
    """The word before ``pos`` is a noun, or a separated particle right after a noun
    ("schepen aan")."""
    if pos == 0:
        return False
    before = toks[pos - 1]
    if before.tag == "VZ" and pos > 1:
        before = toks[pos - 2]
    return before.tag == "N"


def _verb_of_its_own(toks: list[Token] | tuple[Token, ...], pos: int) -> bool:
    """A finite verb (or one Frog read as an infinitive, same form as the plural: "hebben"),
    not after "te", follows ``pos`` before the next punctuation, conjunction or relative word.
    An infinitive counts only when the finite verb before ``pos`` is no auxiliary or modal
    ("wil de soldaten die wapens geven": the infinitive is the main clause's)."""
    finite = next((t for t in reversed(toks[:pos]) if is_finite(t)), None)
    waits = finite is not None and lemma(finite) in CLUSTER_AUXILIARIES
    for n in range(pos + 1, len(toks)):
        tok = toks[n]
        if tok.tag in ("LET", "VG") or (
            tok.tag == "VNW" and ("betr" in tok.pos or "vb" in tok.pos)
        ):
            return False
        if tok.tag == "WW" and (
            is_finite(tok)
            or (
                not waits
                and tok.pos.startswith("WW(inf")
                and lemma(toks[n - 1]) not in INFINITIVE_MARKERS
            )
        ):
            return True
    return False


def _om_te(toks: list[Token] | tuple[Token, ...], pos: int) -> bool:
    """The "om" at ``pos`` opens an om-te infinitive: "te" follows within a few words with no finite
    verb before it ("om een nieuw akkoord te sluiten"; not "tijdens gevechten om de stad meldde X ... te")."""
    for tok in toks[pos + 1 : pos + 12]:
        if tok.text.lower() in INFINITIVE_MARKERS:
            return True
        if is_finite(tok):
            return False
    return False


def _finite_since(toks: list[Token] | tuple[Token, ...], pos: int, start: int) -> bool:
    """A finite verb stands between token index ``start`` and position ``pos``."""
    return any(is_finite(t) for t in toks[start - 1 : pos])


def _subject_then_finite(toks: list[Token] | tuple[Token, ...], pos: int) -> bool:
    """After "en" at ``pos``: a noun phrase (article or determiner first) and then a finite verb."""
    rest = toks[pos + 1 : pos + 7]
    if not rest or not (
        rest[0].pos.startswith("LID") or (rest[0].tag == "VNW" and "aanw" in rest[0].pos)
    ):
        return False
    for n, tok in enumerate(rest[1:], 1):
        if is_finite(tok):
            return n >= 2
        if not (is_np_inner(tok) or tok.tag == "N"):
            return False
    return False


def _predicative_als(toks: list[Token] | tuple[Token, ...], pos: int) -> bool:
    """An "als" with no verb up to the next comma, stop, "om" or subordinator marks a role
    ("ziet X als een provocatie", "wijst Y aan als de schuldige"), not a clause."""
    for tok in toks[pos + 1 :]:
        if (
            tok.text in {",", ".", ";", ":"}
            or tok.pos.startswith("VG(onder")
            or (tok.tag == "VNW" and "betr" in tok.pos)
            or tok.text.lower() in PURPOSE_OPENERS
        ):
            return True
        if tok.tag == "WW" and "prenom" not in tok.pos and "nom," not in tok.pos:
            return False  # a verb, finite or not ("als X en Y het eens worden, ...")
    return True


def _relational(token: Token) -> bool:
    """A noun of a relation between two parties ("bondgenoten", "handelspartners")."""
    word = lemma(token).replace(" ", "")
    return token.tag == "N" and any(word.endswith(w) for w in word_set("relational_nouns"))


def _bare_role_phrase(toks: list[Token] | tuple[Token, ...], pos: int) -> bool:
    """An "als" inside a clause before a bare noun phrase (no article, name or pronoun) and then only
    the clause-final verbs marks a role ("door X als wettige president wordt erkend", "Y als
    onafhankelijk heeft erkend"); a condition's subject is a name, pronoun or phrase with an article."""
    if pos == 0 or toks[pos - 1].tag in ("LET", "VG"):
        return False
    for tok in reversed(toks[:pos]):  # back to the clause start: its verbs wait for the final ones
        if tok.tag in ("LET", "VG") or (tok.tag == "VNW" and "betr" in tok.pos):
            break
        if tok.tag == "WW" and not (is_finite(tok) and lemma(tok) in CLUSTER_AUXILIARIES):
            return False  # "zal terugslaan als westerse wapens worden gebruikt": a condition
    rest = toks[pos + 1 :]
    bare = 0
    while bare < len(rest) and (rest[bare].tag == "ADJ" or rest[bare].pos.startswith("N(soort")):
        bare += 1
    verbs = bare
    while verbs < len(rest) and rest[verbs].tag == "WW":
        verbs += 1
    return bare > 0 and verbs > bare and (verbs == len(rest) or rest[verbs].tag == "LET")


def _finite_follows(toks: list[Token] | tuple[Token, ...], pos: int) -> bool:
    """A finite verb follows before the next comma, relative pronoun or subordinator (verb-final
    clause); a finite verb with a noun phrase right after it is a main clause's second position
    ("als president legde X ...": a role phrase fronted before the verb and its subject)."""
    for tok in toks[pos + 1 :]:
        if tok.tag in ("LET", "VG") or (tok.tag == "VNW" and "betr" in tok.pos):
            return False
        if is_finite(tok):
            nxt = toks[tok.index] if tok.index < len(toks) else None
            return nxt is None or nxt.tag not in ("LID", "N", "SPEC")
        if tok.tag == "WW" and tok.index < len(toks) and toks[tok.index].tag == "LET":
            # a clause-final verb (Frog may read "ontmoet" as a participle), unless it is the
            # participle or infinitive an auxiliary before "als" waits for ("heeft als eerste
            # vorst de Bondsdag toegesproken")
            return is_finite(tok) or not _auxiliary_waits(toks, pos)
    return False


def _auxiliary_waits(toks: list[Token] | tuple[Token, ...], pos: int) -> bool:
    """Before position ``pos``, back to the clause start, a finite auxiliary (cluster_auxiliaries)
    stands with no verb after it: its infinitive or participle is still to come."""
    for tok in reversed(toks[:pos]):
        if tok.tag in ("LET", "VG") or (tok.tag == "VNW" and "betr" in tok.pos):
            return False
        if tok.tag == "WW":
            return is_finite(tok) and lemma(tok) in CLUSTER_AUXILIARIES
    return False


def _finite_before_comma(toks: list[Token] | tuple[Token, ...], pos: int) -> bool:
    """A finite verb follows before the next punctuation mark (a list with "en" may stand between)."""
    for tok in toks[pos + 1 :]:
        if tok.tag == "LET":
            return False
        if is_finite(tok):
            return True
    return False


def _clause_taking_tail(tok: Token) -> bool:
    """A participle or infinitive of a verb of saying or knowing ends its clause before "dat"
    ("heeft gewaarschuwd dat ...", "liet weten dat ...")."""
    return ("vd" in tok.pos or "inf" in tok.pos) and lemma(tok) in CLAUSE_TAKING_VERBS


def _opens_clause(toks: list[Token] | tuple[Token, ...], pos: int) -> bool:
    """A "dat" after a finite verb opens a clause only when a verb follows before the next break;
    "ontkent dat met klem", "spreekt dat tegen" use it as a pronoun object."""
    for tok in toks[pos + 1 :]:
        if tok.tag == "LET" or tok.text.lower() in word_set("main_clause_joiners"):
            return False
        if tok.tag == "WW":
            return True
    return False


def window_of(wins: tuple[Window, ...], index: int) -> Window:
    """The window holding a token index."""
    for win in wins:
        if index in win:
            return win
    return wins[-1]


def _tok(sentence: Sentence, index: int) -> Token:
    return sentence.tokens[index - 1]


def antecedent(sentence: Sentence, win: Window) -> Token | None:
    """The noun a relative clause hangs on ("het verdrag dat X tekende" -> verdrag)."""
    if win.opener not in ("rel", "dat") or win.first < 2:
        return None
    for i in range(win.first - 1, max(0, win.first - 5), -1):
        tok = _tok(sentence, i)
        if tok.tag == "N":
            return tok
        if tok.tag not in ("LET", "ADJ") and tok.text not in {'"', "'", "“", "”"}:
            return None
    return None


def np_start(sentence: Sentence, first: int) -> int:
    """Index where the noun phrase ending at or containing ``first`` begins (left over articles etc.)."""
    i = first
    while i > 1 and is_np_inner(_tok(sentence, i - 1)):
        if (
            _tok(sentence, i - 1).tag == "WW"
            and i > 2
            and _tok(sentence, i - 2).tag in ("N", "SPEC")
        ):
            break  # "Hamas ontvoerde burgers": a verb read as a participle, not part of the phrase
        if _tok(sentence, i).pos.startswith("LID") and _tok(sentence, i - 1).tag in ("N", "SPEC"):
            break  # "in Brussel de Belgische premier": an article opens a new phrase after a noun
        i -= 1
    return i


def preposition(sentence: Sentence, first: int, hops: int = 3) -> tuple[str, int] | None:
    """The preposition governing the noun phrase that starts at or before ``first`` and its index;
    a later member of a list takes the preposition before its first ("tegen de aanklager en drie rechters")."""
    i = np_start(sentence, first) - 1
    if (
        hops
        and i > 1
        and _tok(sentence, i).text.lower() in word_set("and_words")
        and _tok(sentence, i - 1).tag == "N"
    ):
        return preposition(sentence, i - 1, hops - 1)
    while i >= 1:
        if lemma(_tok(sentence, i)) in FOCUS:
            i -= 1
        elif (
            i + 1 <= first and f"{lemma(_tok(sentence, i))} {lemma(_tok(sentence, i + 1))}" in FOCUS
        ):
            i -= 1  # "onder anderen X": a two-word focus phrase (the phrase may have taken "anderen")
        elif i >= 2 and f"{lemma(_tok(sentence, i - 1))} {lemma(_tok(sentence, i))}" in FOCUS:
            i -= 2
        else:
            break
    if i >= 1 and _tok(sentence, i).pos.startswith("VZ"):
        parts = lemma(_tok(sentence, i)).split()
        if len(parts) == 1 or all(w in word_set("articles") for w in parts[1:]):
            return parts[0], i
    return None


def verb_chain(sentence: Sentence, trigger: int) -> set[int]:
    """The trigger's verb and the auxiliaries, modals and control verbs above it (dependency)."""
    chain = {trigger}
    if not sentence.parsed:
        return chain
    cur = _tok(sentence, trigger)
    while (
        cur.head
        and cur.rel in ("vc", "body", "svp", None)
        and _tok(sentence, cur.head).tag in ("WW", "VZ", "VG")
    ):
        nxt = _tok(sentence, cur.head)
        chain.add(nxt.index)
        cur = nxt
    for tok in sentence.tokens:
        if tok.head in chain and tok.rel == "vc" and tok.tag == "WW":
            chain.add(tok.index)
    return chain


def dependency_role(sentence: Sentence, mention: Mention, chain: set[int]) -> str | None:
    """su/obj1/obj2 of a verb in the chain, following coordination and appositions; else None."""
    if not sentence.parsed:
        return None
    first, last = mention.tokens
    inside = set(range(first, last + 1))
    anchor = next((i for i in inside if (_tok(sentence, i).head or 0) not in inside), first)
    cur = _tok(sentence, anchor)
    for _ in range(8):
        if not cur.head:
            return None
        head = _tok(sentence, cur.head)
        if cur.rel in ("su", "obj1", "obj2") and head.tag == "WW":
            return (
                {"su": "su", "obj1": "obj", "obj2": "obj2"}[cur.rel]
                if head.index in chain
                else None
            )
        if head.tag in ("VZ", "WW"):
            return None
        cur = head
    return None


def linear_roles(sentence: Sentence, win: Window, bare: list[Mention]) -> dict[int, str]:
    """Subject/object for bare mentions from word order (index of mention in ``bare`` -> role)."""
    roles: dict[int, str] = {}
    if not bare:
        return roles
    if win.opener == "om":
        return dict.fromkeys(range(len(bare)), "obj")  # om ... te: the subject is the controller's
    finite = next((i for i in range(win.first, win.last + 1) if is_finite(_tok(sentence, i))), None)
    groups = _coordinated_groups(sentence, bare)
    subject_group: int | None
    if win.subordinate or finite is None:
        subject_group = 0
    else:
        first_group = groups[0]
        starts_clause = np_start(sentence, bare[first_group[0]].tokens[0]) <= win.first + 1
        before = bare[first_group[-1]].tokens[1] < finite
        subject_group = (
            0
            if (before and starts_clause)
            else next(
                (g for g, members in enumerate(groups) if bare[members[0]].tokens[0] > finite), None
            )
        )
    for g, members in enumerate(groups):
        for m in members:
            roles[m] = "su" if g == subject_group else "obj"
    return roles


def _coordinated_groups(sentence: Sentence, bare: list[Mention]) -> list[list[int]]:
    """Group bare mentions joined by "en", "of", commas (X, Y en Z)."""
    groups: list[list[int]] = []
    for n, mention in enumerate(bare):
        if groups:
            prev = bare[groups[-1][-1]]
            gap = [
                _tok(sentence, i)
                for i in range(prev.tokens[1] + 1, np_start(sentence, mention.tokens[0]))
            ]
            if gap and all(
                t.text.lower() in COORD or t.text.lower() in word_set("list_focus") for t in gap
            ):
                groups[-1].append(n)
                continue
            if not gap and _tok(sentence, prev.tokens[1]).tag not in ("N", "SPEC"):
                groups[-1].append(n)  # a bare adjective mention runs on into the next one
                continue
        groups.append([n])
    return groups


@dataclass(frozen=True)
class Role:
    """Where a mention stands relative to a trigger: su, obj, obj2, a preposition, np (inside the trigger's NP)."""

    mention: Mention
    role: str
    how: str  # "dep", "order", "prep", "coord", "np", "nested" (a phrase after a noun that has a phrase of its own)
    # for "nested" and "np-of": the noun the phrase follows ("spanningen" in "te midden van
    # spanningen met X", "overleg" in "bij het overleg van de NAVO")
    host: int | None = None


def roles_in_window(
    sentence: Sentence, win: Window, mentions: list[Mention], trigger: int, noun: bool
) -> list[Role]:
    """The role of every mention inside the trigger's window (once per sentence and question;
    kept on the record)."""
    key = ("roles", win, tuple(mentions), trigger, noun)
    return list(
        sentence.derived(key, lambda: tuple(_roles(sentence, win, mentions, trigger, noun)))
    )


def _bare_name_before_adjective(sentence: Sentence, last: int) -> bool:
    """A name (or a name ending in a number) right before an adjective stands outside the noun
    phrase that adjective opens: "dat Rusland militaire steun krijgt" (Dutch puts no bare name
    before the adjectives of a phrase; an owner is an adjective, "de Russische militaire steun")."""
    tok = _tok(sentence, last)
    return (
        last < len(sentence.tokens)
        and (tok.pos.startswith("SPEC") or tok.tag == "TW")
        and _tok(sentence, last + 1).tag == "ADJ"
    )


def _roles(
    sentence: Sentence, win: Window, mentions: list[Mention], trigger: int, noun: bool
) -> list[Role]:
    chain = verb_chain(sentence, trigger)
    inside = sorted((m for m in mentions if m.tokens[0] in win), key=lambda m: m.tokens[0])
    result: dict[int, Role] = {}
    bare: list[Mention] = []
    owned: dict[int, int] = {}  # mention -> the bare mention whose noun its van/uit phrase follows
    trig_np = np_start(sentence, trigger)
    for n, m in enumerate(inside):
        first, last = m.tokens
        prep = preposition(sentence, first)
        if (
            noun
            and trig_np <= first
            and last < trigger
            and not (
                prep is not None
                and prep[1] >= win.first
                and _tok(sentence, last).tag in ("N", "SPEC")
            )
            and not _bare_name_before_adjective(sentence, last)
        ):
            result[n] = Role(
                m, "np", "np"
            )  # "de Russische aanval"; not "in het Witte Huis akkoorden"
            continue
        if prep is not None and win.opener in ("om", "als") and prep[1] == win.first:
            prep = None  # "om X te bekritiseren": om opens the clause, it governs no noun phrase
        if prep is not None and prep[1] >= win.first:
            word, at = prep
            before = _tok(sentence, at - 1) if at > 1 else None
            if before is not None and word == "van":
                before = _past_amount(sentence, before)
            if word == "van" and before is not None and _relational(before):
                continue  # "de bondgenoten van X": not X, and X is no side of the act
            if (
                before is not None
                and before.index != trigger
                and before.tag in ("N", "SPEC")
                and word in ("van", "uit")
            ):
                owner = _owner(inside, before.index)
                if owner is not None and owner in result:
                    result[n] = Role(m, result[owner].role, "coord")
                    continue
                if owner is not None:
                    owned[n] = owner  # "de regering van X": X goes with its owner, once placed
                    continue
                role = _noun_role(sentence, win, before.index, chain, noun, trigger)
                if role:
                    result[n] = Role(m, role, "np-of", before.index)
                continue
            if (
                before is not None
                and before.index != trigger
                and before.tag == "N"
                and _owner(inside, before.index) is None
                and _nested_in_phrase(sentence, win, before.index)
            ):
                result[n] = Role(
                    m, word, "nested", before.index
                )  # "te midden van spanningen met Iran"
                continue
            if word == "door" and attributive_door(sentence, at):
                word = "attr"  # "een door de EU opgesteld plan": the door-phrase belongs to the participle
            result[n] = Role(m, word, "prep")
            continue
        coord_with = _coordinated_with(sentence, inside, n)
        if coord_with is not None and coord_with in result:
            result[n] = Role(m, result[coord_with].role, "coord")
            continue
        head = first - 1
        if (
            head >= win.first
            and head != trigger
            and _tok(sentence, first).tag == "SPEC"
            and _tok(sentence, head).tag == "N"
            and _tok(sentence, head).rel != "mwp"
            and _owner(inside, head) is None
        ):
            prep = preposition(sentence, head)  # apposition: "tegen buurland Oekraïne"
            if prep is not None and prep[1] >= win.first:
                result[n] = Role(m, prep[0], "apposition")
                continue
        if not noun and fronted_subject(sentence, win, m, chain):
            result[n] = Role(m, "su", "order")
            continue
        role = None if noun else dependency_role(sentence, m, chain)
        if role == "su" and (
            _subject_taken(sentence, win, m.tokens[0])
            or _pronoun_holds_subject(sentence, win, m.tokens[0])
        ):
            role = "obj"
        if role:
            result[n] = Role(m, role, "dep")
        else:
            bare.append(m)
    order = linear_roles(sentence, win, bare)
    parsed_subject = any(r.role == "su" and r.how == "dep" for r in result.values())
    for b, m in enumerate(bare):
        n = inside.index(m)
        role = order.get(b, "obj")
        demoted = role == "su" and (
            parsed_subject or _pronoun_holds_subject(sentence, win, m.tokens[0])
        )
        result[n] = Role(m, "obj" if demoted else role, "order")
    for n, owner in owned.items():
        if owner in result:
            result[n] = Role(inside[n], result[owner].role, "coord")
    # coordination after the fact: a mention joined by "en" to one with a role takes that role
    for n in range(len(inside)):
        c = _coordinated_with(sentence, inside, n)
        if c is not None and c in result and result[n].how == "order":
            result[n] = Role(inside[n], result[c].role, "coord")
        elif c is not None and c in result and result[c].how == "order" and result[n].how == "dep":
            result[c] = Role(
                inside[c], result[n].role, "coord"
            )  # "Rusland en Noord-Korea": the parse linked only the last
    _unify_chains(sentence, inside, result)
    _one_subject(sentence, win, inside, result)
    if shared_subject(sentence, win):  # "X wil ... en zet Y onder druk": Y is no subject
        for n, r in result.items():
            if r.role == "su" and r.how in ("dep", "order", "coord"):
                result[n] = Role(r.mention, "obj", r.how)
    return [result[n] for n in sorted(result)]


def fronted_subject(sentence: Sentence, win: Window, mention: Mention, chain: set[int]) -> bool:
    """A bare phrase that opens a main clause right before the clause's verb is its subject
    ("De minister heeft X opgeroepen ...", "De rebellen vallen X aan"), whatever the parse says:
    Frog's parser at times makes it an object, or leaves it unattached, and moves the subject to
    a later phrase. Only with a parse (the word-order fallback reads such a phrase so already)."""
    first, last = mention.tokens
    if not sentence.parsed or win.subordinate or win.opener or last >= len(sentence.tokens):
        return False
    verb = _tok(sentence, last + 1)
    return (
        verb.index in chain
        and verb.tag == "WW"
        and not verb.pos.startswith("WW(vd")
        and np_start(sentence, first) <= win.first + 1
        and _tok(sentence, np_start(sentence, first)).tag != "LET"
    )


def shared_subject(sentence: Sentence, win: Window) -> bool:
    """A main clause that opens with a coordinator and then its finite verb ("..., en zet Y onder
    druk"): its subject is the one of the clause before it, left out; a phrase after the verb is
    an object."""
    if win.subordinate or win.first < 2 or win.first >= len(sentence.tokens):
        return False
    first, nxt = _tok(sentence, win.first), _tok(sentence, win.first + 1)
    return lemma(first) in word_set("main_clause_joiners") and is_finite(nxt)


def _past_amount(sentence: Sentence, before: Token) -> Token:
    """The noun an amount phrase hangs on, when ``before`` ends one ("een lening van 3 miljard dollar van
    de EU": the second van-phrase belongs to "lening", not to "dollar"); else ``before`` itself."""
    i = before.index
    while i > 1 and _tok(sentence, i).tag == "N" and _tok(sentence, i - 1).tag in ("N", "TW"):
        i -= 1
    if _tok(sentence, i).tag != "TW" or i < 3 or lemma(_tok(sentence, i - 1)) != "van":
        return before
    return _tok(sentence, i - 2)


def _nested_in_phrase(sentence: Sentence, win: Window, noun_index: int) -> bool:
    """The noun ending at ``noun_index`` stands in a phrase of time, cause or setting ("na de aanval",
    "te midden van de spanningen"; word set circumstance_preps), so a phrase after it modifies that
    noun, not the clause's verb."""
    start = np_start(sentence, noun_index)
    prep = preposition(sentence, start)
    if prep is None or prep[1] < win.first:
        return False
    circumstance = word_set("circumstance_preps")
    return any(
        " ".join(lemma(_tok(sentence, i)) for i in range(first, prep[1] + 1)) in circumstance
        for first in range(max(win.first, prep[1] - 3), prep[1] + 1)
    )


def attributive_door(sentence: Sentence, door: int) -> bool:
    """The door-phrase at token ``door`` stands before a participle used as an adjective
    ("een door de EU opgesteld plan"), so it names that participle's doer, not the clause's."""
    nxt = door + 1
    while nxt <= len(sentence.tokens) and _tok(sentence, nxt).tag in (
        "LID",
        "ADJ",
        "N",
        "SPEC",
        "TW",
    ):
        nxt += 1
    if nxt > len(sentence.tokens) or _tok(sentence, nxt).tag != "WW":
        return False
    participle = _tok(sentence, nxt)
    after = _tok(sentence, nxt + 1) if nxt < len(sentence.tokens) else None
    return (
        "prenom" in participle.pos
        or participle.pos.startswith("WW(vd")
        and after is not None
        and after.tag == "N"
    )


def _one_subject(
    sentence: Sentence, win: Window, inside: list[Mention], result: dict[int, Role]
) -> None:
    """A clause has one subject: when the parse gives it two (not joined by "en"), the first keeps
    it and the later ones become objects ("Wij roepen X op", "dat Israël het consulaat bombardeerde")."""
    verbs = [t for t in sentence.tokens[win.first - 1 : win.last] if t.tag == "WW"]
    finite = next(
        (t.index for t in verbs if is_finite(t)), verbs[0].index if verbs else None
    )  # Frog may miss it
    front = [
        n
        for n in sorted(result)
        if result[n].role == "obj"
        and result[n].how == "dep"
        and not win.subordinate
        and finite is not None
        and inside[n].tokens[1] < finite
    ]
    guessed = [
        n
        for n in sorted(result)
        if result[n].role == "su"
        and result[n].how == "order"
        and finite is not None
        and inside[n].tokens[0] > finite
    ]
    if (
        front and guessed
    ):  # "De Baltische staten bekritiseren Rusland": the phrase before the finite verb is the subject
        for n in front:
            result[n] = Role(inside[n], "su", "order")
        for n in guessed:
            result[n] = Role(inside[n], "obj", "order")
    subjects = [
        n for n in sorted(result) if result[n].role == "su" and result[n].how in ("dep", "order")
    ]
    if len(subjects) < 2:
        _second_owner(sentence, inside, result, subjects)
        return
    keep = {subjects[0]}
    for n in subjects[1:]:
        if _coordinated_with(sentence, inside, n) in keep or any(
            inside[n].tokens == inside[k].tokens for k in keep
        ):
            keep.add(
                n
            )  # joined by "en", or one phrase standing for several ("de Baltische staten")
        else:
            result[n] = Role(inside[n], "obj", result[n].how)
    _second_owner(sentence, inside, result, subjects)


def _second_owner(
    sentence: Sentence, inside: list[Mention], result: dict[int, Role], subjects: list[int]
) -> None:
    """A van-phrase read as subject through the noun it follows, after the clause's subject, belongs
    to an object ("nadat X doelen van Y bestookte"), unless that noun is joined to the subject by
    "en" ("de president van X en de leider van Y")."""
    first = result[subjects[0]] if subjects else None
    for n in sorted(result):
        r = result[n]
        if (
            first is not None
            and r.role == "su"
            and r.how == "np-of"
            and r.host is not None
            and inside[n].tokens[0] > first.mention.tokens[1]
            and not _joined_phrase(sentence, r.host)
        ):
            result[n] = Role(r.mention, "obj", r.how, r.host)


def _joined_phrase(sentence: Sentence, noun_index: int) -> bool:
    """The noun phrase ending at ``noun_index`` follows a coordinator ("... en de leider van Y"):
    back over its article, adjectives and numbers only (a name before it is another phrase)."""
    start = noun_index
    while start > 1 and _tok(sentence, start - 1).tag in ("LID", "ADJ", "TW", "VNW"):
        start -= 1
    return start > 1 and _tok(sentence, start - 1).text.lower() in COORD


def _unify_chains(sentence: Sentence, inside: list[Mention], result: dict[int, Role]) -> None:
    """A list "X, Y, Z en W" is one phrase: when its members got both subject and object, all are subject."""
    chain: list[int] = []
    for n in range(len(inside) + 1):
        if n < len(inside) and chain and _coordinated_with(sentence, inside, n) == chain[-1]:
            chain.append(n)
            continue
        bare = [
            result[k].role for k in chain if k in result and result[k].role in ("su", "obj", "obj2")
        ]
        if len(bare) == len(chain) > 1 and "su" in bare and len(set(bare)) > 1:
            for k in chain:
                result[k] = Role(inside[k], "su", "coord")
        chain = [n]


def _noun_role(
    sentence: Sentence, win: Window, noun_index: int, chain: set[int], noun: bool, trigger: int
) -> str | None:
    """Role of a plain noun phrase (no actor in it) that an actor modifies ("diplomaten uit Frankrijk")."""
    start = np_start(sentence, noun_index)
    prep = preposition(sentence, start)
    if prep is not None and prep[1] >= win.first:
        return prep[0]
    if noun and start <= trigger <= noun_index:
        return None
    if sentence.parsed:
        tok = _tok(sentence, noun_index)
        if tok.rel in ("su", "obj1", "obj2") and tok.head in chain:
            role = {"su": "su", "obj1": "obj", "obj2": "obj2"}[tok.rel]
            return "obj" if role == "su" and _subject_taken(sentence, win, start) else role
    finite = next((i for i in range(win.first, win.last + 1) if is_finite(_tok(sentence, i))), None)
    if finite is None:
        return None
    if not win.subordinate and start <= win.first + 1 and noun_index < finite:
        return "su"
    fronted = any(_tok(sentence, i).tag in ("N", "SPEC") for i in range(win.first, finite)) or (
        win.opener == "comma" and _resumes_after_relative(sentence, win, finite)
    )  # "X, die ..., heeft doelen van Y aangevallen": the subject stands before the relative
    if (
        not noun
        and not win.subordinate
        and fronted
        and finite < start
        and noun_index < trigger
        and _tok(sentence, trigger).pos.startswith(("WW(vd", "WW(inf"))
    ):
        return "obj"  # "X hebben doelen van Y aangevallen": a bare phrase before the final verb, subject in front
    return None


def _resumes_after_relative(sentence: Sentence, win: Window, finite: int) -> bool:
    """Window ``win`` starts with its finite verb right after a relative clause that follows the
    sentence's verbless first clause ("X, die ..., heeft ...")."""
    if any(_tok(sentence, i).tag not in ("LET",) for i in range(win.first, finite)):
        return False
    wins = windows(sentence)
    at = wins.index(win) if win in wins else -1
    return (
        at == 2
        and relative_after_first(sentence, wins)
        and not any(is_finite(_tok(sentence, i)) for i in range(wins[0].first, wins[0].last + 1))
    )


def relative_after_first(sentence: Sentence, wins: tuple[Window, ...]) -> bool:
    """The second window is a relative clause on the first one's last noun: a relative opener,
    or a "dat" Frog tagged as a complementizer right after a noun or name ("X dat ... erkent,
    heeft ..."; with no verb before it, a "dat" can only hang on that noun)."""
    if len(wins) < 2:
        return False
    if wins[1].opener == "rel":
        return True
    return (
        wins[1].opener in COMPLEMENTIZERS
        and wins[1].first == wins[0].last + 1
        and _tok(sentence, wins[0].last).tag in ("N", "SPEC")
    )


def _subject_taken(sentence: Sentence, win: Window, first: int) -> bool:
    """A main clause that opens with a noun phrase before its finite verb has its subject there."""
    if win.subordinate:
        return False
    finite = next((i for i in range(win.first, win.last + 1) if is_finite(_tok(sentence, i))), None)
    if finite is None or first < finite:
        return False
    if win.opener == "comma" and _resumes_after_relative(sentence, win, finite):
        return True  # "China, dat het hof niet erkent, heeft de uitspraak veroordeeld": the subject stands before
    opener = _tok(sentence, win.first)
    return (
        opener.tag in ("LID", "N", "SPEC")
        and not is_day_adverb(opener)
        and all(
            _tok(sentence, i).tag in ("LID", "N", "SPEC", "ADJ", "TW", "WW")
            or lemma(_tok(sentence, i)) in word_set("act_owner_preps")
            and _tok(sentence, i).tag == "VZ"
            for i in range(win.first, finite)
        )
        and finite - win.first <= 8
    )  # "Het Hof van Justitie van de EU heeft ...": of-phrases stay in the subject


def is_day_adverb(tok: Token) -> bool:
    """A day word that opens a clause as an adverbial ("Vrijdag", "dinsdagavond"), never its subject."""
    word = tok.text.lower()
    days = word_set("day_adverbs")
    return word in days or any(
        word.startswith(d) and word[len(d) :] in word_set("day_parts") for d in days
    )


def _pronoun_holds_subject(sentence: Sentence, win: Window, before: int) -> bool:
    """A nominative pronoun before token ``before`` is the clause's subject: anywhere in a subordinate
    clause, and in a main clause before its finite verb or right after it ("Hij stelde Israël ...",
    "Daarna belde hij Rusland")."""
    if win.subordinate:
        return pronoun_subject(sentence, win, before)
    if demonstrative_subject(sentence, win) is not None:
        return True
    finite = next((i for i in range(win.first, win.last + 1) if is_finite(_tok(sentence, i))), None)
    if finite is None:
        return False
    return any(
        _tok(sentence, i).tag == "VNW"
        and ("nomin" in _tok(sentence, i).pos or _tok(sentence, i).rel == "su")  # "dat ze ..."
        and _tok(sentence, i).text.lower() in SUBJECT_PRONOUNS
        for i in range(win.first, min(finite + 1, before - 1) + 1)
        if i != finite
    )


def demonstrative_subject(sentence: Sentence, win: Window) -> Token | None:
    """The finite verb of a sentence that opens with a bare "die"/"deze" as its subject ("Die
    verzetten zich", "Deze zei"), else None."""
    toks = sentence.tokens
    if win.first != 1 or win.subordinate or len(toks) < 2:
        return None
    first, verb = toks[0], toks[1]
    if first.text.lower() not in word_set("demonstrative_subjects") or first.tag != "VNW":
        return None
    return verb if is_finite(verb) else None


def pronoun_subject(sentence: Sentence, win: Window, before: int | None = None) -> bool:
    """A subordinate clause whose subject is a nominative pronoun ("nadat hij X had ontmoet")
    standing before token ``before`` (anywhere in the clause when None)."""
    if not win.subordinate:
        return False
    end = win.last if before is None else before - 1
    return neuter_subject(sentence, win) or any(
        _tok(sentence, i).tag == "VNW"
        and ("nomin" in _tok(sentence, i).pos or _tok(sentence, i).rel == "su")  # "dat ze ..."
        and _tok(sentence, i).text.lower() in SUBJECT_PRONOUNS
        for i in range(win.first, end + 1)
    )


def neuter_subject(sentence: Sentence, win: Window) -> bool:
    """A subordinate clause opening with a neuter personal pronoun as its subject ("zegt dat het
    tegenmaatregelen zal nemen"): it stands for a neuter antecedent (a country's name, "het ministerie")."""
    first = win.first + 1 if win.opener != "comma" else win.first
    if not win.subordinate or first > win.last:
        return False
    tok = _tok(sentence, first)
    if tok.text.lower() not in word_set("neuter_pronouns"):
        return False
    if tok.pos.startswith("VNW(pers"):
        return True
    # the article "het" never stands before a plural noun: in "dat het "harde maatregelen" zal nemen" it is the pronoun
    head = next(
        (t for t in sentence.tokens[first : win.last] if not is_np_inner(t) and t.tag != "LET"),
        None,
    )
    return (
        tok.pos.startswith("LID")
        and head is not None
        and head.tag == "N"
        and ",mv," in head.pos + ","
    )


def _owner(inside: list[Mention], noun_index: int) -> int | None:
    for n, m in enumerate(inside):
        if m.tokens[0] <= noun_index <= m.tokens[1]:
            return n
    return None


def _coordinated_with(sentence: Sentence, inside: list[Mention], n: int) -> int | None:
    """Index of the mention this one is coordinated with ("X en Y", "X, Y en Z"), if any."""
    if n == 0:
        return None
    m, prev = inside[n], inside[n - 1]
    if m.tokens == prev.tokens and m.kind == prev.kind == "pair":
        return n - 1  # one phrase standing for a pair ("de landen" = both states named before)
    gap = [_tok(sentence, i) for i in range(prev.tokens[1] + 1, np_start(sentence, m.tokens[0]))]
    if gap and len(gap) <= 2 and all(t.text.lower() in COORD for t in gap):
        return n - 1
    if _late_member(gap):
        return n - 1  # "X en Y schoven aan, evenals Z": Z joins the list after the clause closed it
    if (
        3 <= len(gap) <= 4
        and gap[-1].text.lower() in word_set("list_conjunctions")
        and gap[0].tag == "VZ"
        and all(t.tag in ("VZ", "TW", "LID", "N", "SPEC") for t in gap[:-1])
    ):
        return n - 1  # "Egypte in 1979 en Jordanië in 1994": each member with its own short phrase
    return None


def _late_member(gap: list[Token]) -> bool:
    """The words between two mentions add the second to the first's list after the clause has
    closed it: the clause's verb, an adverb and a particle at most, a comma, then a word of
    late_list_words ("X schoof aan, evenals Y"; "A en B schoven digitaal aan, evenals C")."""
    words = [lemma(t) for t in gap]
    if "," not in words:
        return False
    comma = words.index(",")
    return (
        comma <= 3
        and all(t.tag in ("WW", "VZ", "BW", "ADJ") for t in gap[:comma])
        and (" ".join(words[comma + 1 :]) in word_set("late_list_words"))
    )


def clause_subjects(sentence: Sentence, win: Window, mentions: list[Mention]) -> list[Mention]:
    """The subject mentions of one clause, read from its finite verb (its first word when none)."""
    finite = next(
        (t.index for t in sentence.tokens[win.first - 1 : win.last] if t.pos.startswith("WW(pv")),
        win.first,
    )
    return [
        r.mention for r in roles_in_window(sentence, win, mentions, finite, False) if r.role == "su"
    ]
