"""Second pass of the actor matcher: atoms -> actor phrases -> Mentions, with coreference.

A phrase is: [determiner] [modifiers] [state adjectives] [role] [body/agency] [van|in|uit
place] [person name] ["(" acronym ")"], or a standalone head (state name, inhabitants,
capital, seat, body, group, agency, organisation, known person). People named with a role
or nationality are remembered for the rest of the article, so a later bare surname resolves
to them; "zijn Iraanse ambtgenoot" takes the role of the person mentioned before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from kroniek.actors.atoms import Atom, find_atoms
from kroniek.actors.books import ActorBooks, Entry, RoleWords, fold
from kroniek.people import OfficeHolder
from kroniek.records import GUESSED, Mention, Sentence
from kroniek.words import word_set

DETERMINERS = word_set("actor_determiners")
POSSESSIVES = word_set("possessives")
DEFINITE = word_set("definite_articles")
PLACE_PREPOSITIONS = word_set("place_prepositions")
OWNER_PREPOSITIONS = word_set("owner_prepositions")
AND_WORDS = word_set("and_words")
LOCATIVES = word_set("locatives")
NAME_PARTICLES = word_set("name_particles")
NAME_PREFIXES = tuple(word_set("name_prefixes"))
ADJ_JOINERS = word_set("adjective_joiners")
HEAD_KINDS = frozenset(
    {"name", "people", "capital", "seat", "body", "group", "agency", "org", "ref", "bloc"}
)
ATTACHED_KINDS = frozenset({"body", "group", "agency", "seat", "org", "ref"})
NOT_STATES = frozenset({"---", "ICC", "WHO", "WST"})  # three-letter codes that are no state
# Roles that say nothing about whose they are: no country is taken from the context for them.
NO_CONTEXT_ROLES = frozenset(
    {"role.media", "role.business", "role.human_rights", "role.chair", "role.diplomat"}
)
PLACE_KINDS = frozenset({"name", "capital", "city", "bloc"})
# Organisations a government-sector role word acts for when it is theirs ("een woordvoerder van
# de beweging", "een delegatie van de partij"): the phrase takes the organisation's sector.
ACTS_FOR_KINDS = frozenset({"group", "org", "body"})
RESIDENCE_PREPOSITIONS = word_set("residence_prepositions")


@dataclass
class _Phrase:
    """The parts of one actor phrase, collected left to right (working state of one match)."""

    first: int
    last: int = -1
    det: int | None = None
    former: bool = False
    adjs: list[Atom] = field(default_factory=list)
    role: Atom | None = None
    entity: Atom | None = None
    head: Atom | None = None
    place: Atom | None = None
    paren: Atom | None = None
    person: Atom | None = None
    name: tuple[int, int] | None = None
    resident: bool = False  # inhabitants followed by where they live: "de Nederlanders in Congo"


@dataclass
class _Article:
    """Per-call coreference memory: mentions so far and the people named in this article."""

    books: ActorBooks
    on_date: date | None
    dateline: str | None = None  # the state code of the article's dateline place
    mentions: list[Mention] = field(default_factory=list)
    places: list[tuple[int, int, str]] = field(
        default_factory=list
    )  # (sentence, token, code) of cities
    names: dict[str, Mention | None] = field(default_factory=dict)  # None = ambiguous
    plural: set[tuple[str, int, int]] = field(
        default_factory=set
    )  # (field, sentence, first token) of mentions whose role word is plural ("de ministers")
    # the (earliest, latest) days the article may date from when its date is not sure, else None
    open_period: tuple[date | None, date | None] | None = None
    held_back: frozenset[str] = frozenset()  # entries that keep their sector before any change
    # "anti-X" words: whom a protest is against; kept apart, so they are no context or antecedent
    against: list[Mention] = field(default_factory=list)
    turned: dict[tuple[str, int, int], str] = field(
        default_factory=dict
    )  # (field, sentence, first token) -> entry id of mentions whose sector is a dated change

    def sector_of(self, entry: Entry) -> str:
        """The entry's sector on the article's date; an entry held back keeps its first one."""
        return entry.sector if entry.id in self.held_back else entry.sector_on(self.on_date)

    def remember(self, mention: Mention) -> None:
        """Let later bare mentions of this person's name tokens resolve to the mention."""
        if not mention.person or mention.code == "---":
            return
        for word in {mention.person, *mention.person.split()}:
            if len(word) < 3 or not word[:1].isupper():
                continue
            known = self.names.get(word)
            same = known is not None and known.person == mention.person
            self.names[word] = mention if (word not in self.names or same) else None

    def antecedent(
        self,
        sentence: int,
        same_sentence: bool,
        role: str | None = None,
        court: bool = False,
        singular: bool = False,
    ) -> Mention | None:
        """The latest coded mention (with a role when `role` is '*', with that role if given);
        with `court`, none when a court body was named after the last such mention (then "het
        hof" points back to that court, as _guess finds); with `singular`, not one whose role
        word is plural ("de bewindsman" is not "de ministers" named before)."""
        for mention in reversed(self.mentions):
            if same_sentence and mention.sentence != sentence:
                return None
            if mention.code == "---":
                continue
            if singular and (mention.field, mention.sentence, mention.tokens[0]) in self.plural:
                continue
            if court and mention.sector == "JUD" and mention.kind in ("body", "ref"):
                return None
            if (
                role is None
                or (role == "*" and (mention.role or mention.person))
                or mention.role == role
            ):
                return mention
        return None

    def states(self) -> list[Mention]:
        """Mentions so far that name a state explicitly (not guessed from the context)."""
        return [
            m
            for m in self.mentions
            if len(m.code) == 3
            and m.code not in NOT_STATES
            and m.found not in GUESSED
            and m.kind != "pair"
        ]

    def context_state(self, sentence: int, token: int) -> tuple[str, str] | None:
        """(code, how) for an actor word with no country: nearest named state, dateline, main state.

        The states named earlier in the same sentence count, else those of the previous
        sentence, else a city later in the same sentence: the dateline's state if among them,
        else the first place (city, "in Moskou"), else the first state. Then the dateline's
        state; then the state named most often so far in the article.
        """
        states = self.states()
        named = sorted(
            [(m.sentence, m.tokens[0], m.code, m.sector is None) for m in states]
            + [(s, t, code, True) for s, t, code in self.places]
        )
        near = [(code, place) for s, t, code, place in named if s == sentence and t < token]
        near = near or [(code, place) for s, _, code, place in named if s == sentence - 1]
        near = near or [(code, place) for s, _, code, place in named if s == sentence]
        if near:
            if self.dateline is not None and any(code == self.dateline for code, _ in near):
                return self.dateline, "dateline"
            return next((code for code, place in near if place), near[0][0]), "context"
        if self.dateline is not None:
            return self.dateline, "dateline"
        if states:
            counts: dict[str, int] = {}
            for m in states:
                counts[m.code] = counts.get(m.code, 0) + 1
            return max(counts, key=lambda code: counts[code]), "main"
        return None

    def last_two_states(self) -> list[Mention]:
        """The latest mentions of the last two different states named by name (older first)."""
        found: list[Mention] = []
        for mention in reversed([m for m in self.states() if m.book == "states"]):
            if all(m.code != mention.code for m in found):
                found.append(mention)
            if len(found) == 2:
                return found[::-1]
        return []

    def body_before(self, codes: tuple[str, ...], sector: str | None = None) -> Mention | None:
        """The latest mention with one of `codes` (and `sector`, if given)."""
        for mention in reversed(self.mentions):
            if mention.code in codes and (sector is None or mention.sector == sector):
                return mention
        return None


def _at(
    atoms: dict[int, list[Atom]], j: int, kinds: frozenset[str] | tuple[str, ...]
) -> Atom | None:
    group = atoms.get(j, [])
    return group[0] if len(group) == 1 and group[0].kind in kinds else None


def _name_run(
    books: ActorBooks, sentence: Sentence, atoms: dict[int, list[Atom]], j: int
) -> tuple[int, int] | None:
    """Tokens j.. that read as a person's name: capitalised proper nouns, particles inside."""
    tokens, last, k = sentence.tokens, None, j
    while k < len(tokens) and k - j < 6 and k not in atoms:
        text = tokens[k].text
        proper = (
            text[:1].isupper()
            and tokens[k].tag in ("SPEC", "N")
            and text.lower() not in books.name_stops
        )
        inner = text.lower() in NAME_PARTICLES or text.lower().startswith(NAME_PREFIXES)
        if proper or (inner and last is not None and text[:1].islower()):
            if proper or text.lower().startswith(NAME_PREFIXES):
                last = k
            k += 1
            continue
        break
    return (j, last) if last is not None else None


def _collect(
    article: _Article, sentence: Sentence, atoms: dict[int, list[Atom]], i: int
) -> _Phrase | None:
    """Read one phrase starting at token i, or None when no actor starts there."""
    tokens, books = sentence.tokens, article.books
    phrase, j = _Phrase(first=i), i
    if (
        tokens[j].text.lower() in DETERMINERS
        and not tokens[j].pos.startswith("VNW(pers")  # "dat het Oekraïne aanvalt": a pronoun
        and j + 1 < len(tokens)
    ):
        phrase.det, j = j, j + 1
    while j < len(tokens):
        mod = _at(atoms, j, ("modifier", "former"))
        if mod is not None:
            phrase.former |= mod.kind == "former"
            j = mod.last + 1
        elif j not in atoms and tokens[j].tag == "TW":
            j += 1
        elif atoms.get(j) and all(a.kind == "adj" for a in atoms[j]):
            phrase.adjs.extend(atoms[j])
            j = atoms[j][0].last + 1
            if (
                j + 1 < len(tokens)
                and tokens[j].text in ADJ_JOINERS
                and atoms.get(j + 1, [None])[0] is not None
                and all(a.kind == "adj" for a in atoms[j + 1])
            ):
                j += 1
        else:
            break
    role = _at(atoms, j, ("role", "counterpart", "pair"))
    if role is not None:
        phrase.role, j = role, role.last + 1
        phrase.former |= role.former
    entity = _at(atoms, j, ATTACHED_KINDS)
    if entity is not None:
        phrase.entity, j = entity, entity.last + 1
    elif not phrase.adjs and not phrase.role:
        head = _at(atoms, j, HEAD_KINDS | {"person"})
        if head is not None and head.kind == "person":
            phrase.person, j = head, head.last + 1
        elif head is not None:
            phrase.head, j = head, head.last + 1
            phrase.resident = head.kind == "people" and _residence(tokens, atoms, j)
    if phrase.role and not phrase.adjs:
        j = _past_portfolios(tokens, atoms, j)
    if (
        (phrase.role or phrase.entity)
        and not phrase.adjs
        and j + 1 < len(tokens)
        and tokens[j].text.lower() in PLACE_PREPOSITIONS
    ):
        k = j + 2 if tokens[j + 1].text.lower() in DEFINITE else j + 1
        while (
            k + 1 < len(tokens)
            and k < j + 4
            and tokens[k].tag == "ADJ"
            and _at(atoms, k, PLACE_KINDS | ATTACHED_KINDS) is None
        ):
            k += 1  # "de president van het West-Afrikaanse Niger": a plain adjective before the state
        owners = tokens[j].text.lower() in word_set("owner_prepositions")
        kinds = PLACE_KINDS | (ATTACHED_KINDS if owners else frozenset())
        place = _at(atoms, k, kinds)
        if place is not None:
            phrase.place, j = place, place.last + 1
    if phrase.role and not (phrase.adjs or phrase.entity or phrase.place):
        served = _served(tokens, atoms, j)
        if served is not None:  # "mensen die voor de VN werken": whom they serve owns them
            phrase.place = served
    if phrase.adjs or phrase.role or (phrase.entity and phrase.entity.role):
        if j + 1 < len(tokens) and tokens[j].text == "," and _at(atoms, j + 1, ("person",)):
            j += 1
        person = _at(atoms, j, ("person",))
        if person is not None:
            phrase.person, j = person, person.last + 1
        elif phrase.person is None:
            phrase.name = _name_run(books, sentence, atoms, j)
            j = phrase.name[1] + 1 if phrase.name else j
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
        paren = _at(atoms, j + 1, ATTACHED_KINDS | {"name"})
        if paren is not None:
            phrase.paren, j = paren, j + 3
    if not (phrase.adjs or phrase.role or phrase.entity or phrase.head or phrase.person):
        return None
    phrase.last = j - 1
    return phrase


def _served(tokens: Sequence, atoms: dict[int, list[Atom]], j: int) -> Atom | None:
    """The body, organisation or state a relative clause at token j says the role's people
    work for: "die voor|bij [de] X" (serving_pronouns, serving_prepositions); else None."""
    if j + 2 >= len(tokens) or tokens[j].text.lower() not in word_set("serving_pronouns"):
        return None
    if tokens[j + 1].text.lower() not in word_set("serving_prepositions"):
        return None
    k = j + 3 if tokens[j + 2].text.lower() in DEFINITE else j + 2
    return _at(atoms, k, ATTACHED_KINDS | {"name"}) if k < len(tokens) else None


def _plural_role(sentence: Sentence, phrase: _Phrase) -> bool:
    """The phrase's role word is a plural noun ("de ministers")."""
    return phrase.role is not None and ",mv," in sentence.tokens[phrase.role.first].pos


def _past_portfolios(tokens: Sequence, atoms: dict[int, list[Atom]], j: int) -> int:
    """Where the owner phrase of a role starts after the names of its portfolios ("de ministers
    van Justitie en Buitenlandse Zaken van X", "de minister van Defensie en Veiligheid van
    Y"): the "van" after a run of capitalised words and "en" that names no actor; else ``j``."""
    if j >= len(tokens) or tokens[j].text.lower() not in OWNER_PREPOSITIONS | AND_WORDS:
        return j
    k, named = j + 1, False
    while k < len(tokens) and k < j + 8 and k not in atoms:
        word = tokens[k].text
        if word[:1].isupper() and word[:1].isalpha():
            named = True
        elif word.lower() not in AND_WORDS:
            break
        k += 1
    if named and k + 1 < len(tokens) and tokens[k].text.lower() in OWNER_PREPOSITIONS:
        return k
    return j


def _span_text(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start : end - sentence.start]


def _mention(sentence: Sentence, first: int, last: int, span: tuple[int, int], **values) -> Mention:
    return Mention(
        text=_span_text(sentence, *span),
        field=sentence.field,
        span=span,
        sentence=sentence.index,
        tokens=(sentence.tokens[first].index, sentence.tokens[last].index),
        **values,
    )


def _what(named_by: Entry | RoleWords | OfficeHolder | None) -> dict[str, str]:
    """The kind and book of what a mention's rule names (a Mention's ``kind`` and ``book``)."""
    if isinstance(named_by, Entry):
        return {"kind": named_by.kind, "book": named_by.book}
    if isinstance(named_by, RoleWords):
        return {"kind": named_by.kind, "book": "roles"}
    if isinstance(named_by, OfficeHolder):
        return {"kind": "person", "book": "people"}
    return {"kind": "", "book": ""}


def _resolve(article: _Article, sentence: Sentence, phrase: _Phrase) -> list[Mention]:
    """Codes, sector, rule, role and person of a collected phrase -> one mention per code."""
    books, on_date = article.books, article.on_date
    person: OfficeHolder | None = books.people[phrase.person.target] if phrase.person else None
    term = person.term_on(on_date) if person else None
    if (
        person is not None
        and phrase.role is not None
        and (term is None or term.role != phrase.role.target)
    ):
        # "voorzitter Von der Leyen", "premier Rutte": the office the text names picks the term
        named = [t for t in person.terms if t.role == phrase.role.target]
        term = max(named, key=lambda t: t.start) if named and not phrase.former else term
    role_id = phrase.role.target if phrase.role else (phrase.entity.role if phrase.entity else None)
    role = books.roles.get(role_id) if role_id else None
    entity = books.entries[phrase.entity.target] if phrase.entity else None
    head = books.entries[phrase.head.target] if phrase.head else None
    sentence_tokens = sentence.tokens
    det_word = sentence_tokens[phrase.det].text.lower() if phrase.det is not None else None
    antecedent = None
    spokesman = None  # "de zegsman": the spokesman named before, whose organisation it speaks for
    if det_word in DEFINITE and role is not None and _spokesman(sentence, phrase):
        spokesman = next((m for m in reversed(article.mentions) if _spokesman_mention(m)), None)
    if spokesman is not None and not (phrase.adjs or entity or person or phrase.name):
        antecedent = spokesman
    elif role is not None and role.kind == "counterpart":
        antecedent = article.antecedent(sentence.index, same_sentence=False, role="*")
    elif det_word in POSSESSIVES and role is not None:
        antecedent = article.antecedent(sentence.index, same_sentence=True)
    elif (
        det_word in DEFINITE
        and role is not None
        and not (phrase.adjs or entity or person or phrase.name)
    ):
        antecedent = article.antecedent(
            sentence.index,
            same_sentence=False,
            role=role.id,
            court=role.sector == "JUD",
            singular=role.id in word_set("person_roles") and not _plural_role(sentence, phrase),
        )
    elif (
        phrase.det is None
        and role is not None
        and _plural_role(sentence, phrase)
        and not (phrase.adjs or entity or person or phrase.name)
    ):  # "... Russische diplomaten uit te zetten. X zette diplomaten uit": the ones just named
        antecedent = article.antecedent(sentence.index, same_sentence=False, role=role.id)
        if antecedent is not None and (
            antecedent.field != sentence.field or antecedent.sentence < sentence.index - 1
        ):
            antecedent = None
    codes = [books.entries[a.target].code for a in phrase.adjs]
    if person is not None and (term is not None or not codes):
        codes = [term.code if term is not None else person.home_code(on_date)]
    elif entity is not None and (not codes or entity.kind == "body"):
        codes = [entity.code]
    origin = (
        None  # the entry whose code the phrase takes from a head or place (a bloc expands below)
    )
    for extra in (head, phrase.place, phrase.paren, antecedent):
        if not codes and extra is not None:
            origin = books.entries[extra.target] if isinstance(extra, Atom) else extra
            codes = [origin.code]
    codes = codes or ["---"]
    turned: Entry | None = None  # the entry whose dated sector change gave the sector
    if phrase.former:
        sector = books.roles["role.former"].sector if "role.former" in books.roles else "OPP"
    elif term is not None:
        sector = term.sector
    elif entity is not None and (entity.kind != "name"):
        sector = article.sector_of(entity)
        turned = entity if sector != entity.sector else None
    elif (
        role is not None
        and role.sector == "GOV"
        and phrase.place is not None
        and isinstance(origin, Entry)
        and origin.id == phrase.place.target
        and origin.kind in ACTS_FOR_KINDS
    ):
        sector = article.sector_of(origin)  # the spokesman or delegation of an organisation
        turned = origin if sector != origin.sector else None
    elif role is not None and role.sector:
        sector = role.sector
    elif role is not None and role.kind == "counterpart" and antecedent is not None:
        sector = antecedent.sector
    elif person is not None and not phrase.adjs:
        sector = person.out_of_office
    elif (
        phrase.head is not None
        and head is not None
        and head.kind == "capital"
        and _locative(sentence, phrase.head.first)
    ):
        sector = None
    elif phrase.head is not None and head is not None and head.kind == "people":
        sector = _people_sector(sentence, phrase, phrase.head.first, head.sector)
    else:
        sector = head.sector if head is not None else "GOV"
    if (
        sector == "GOV"
        and phrase.adjs
        and all(books.entries[a.target].sector == "IGO" for a in phrase.adjs)
    ):
        sector = "IGO"  # "de Europese regeringsleiders" act for the EU
    if role is not None and role.kind == "counterpart" and antecedent is not None:
        role_id = antecedent.role
    elif role_id is None and term is not None:
        role_id = term.role
    name = person.name if person else None
    if name is None and phrase.name is not None:
        name = " ".join(t.text for t in sentence_tokens[phrase.name[0] : phrase.name[1] + 1])
    if (
        name is None
        and antecedent is not None
        and role is not None
        and role.kind != "counterpart"
        and det_word in DEFINITE
    ):
        name = antecedent.person
    named_by = (
        person
        if person
        else entity
        if entity
        else books.entries[phrase.adjs[-1].target]
        if phrase.adjs
        else head
        if head
        else role
        if role
        else None
    )
    rule = named_by.id if named_by is not None else "actor.unknown"
    what = _what(named_by)
    if antecedent is not None and antecedent is spokesman:
        rule, sector, what["found"] = (
            f"coref.spokesman<{spokesman.rule}>",
            spokesman.sector,
            "coref",
        )
    has_head = bool(role or entity or head or person or phrase.name)
    start_tok = (
        phrase.det
        if (phrase.det is not None and has_head)
        else phrase.first + (phrase.det is not None)
    )
    if not has_head:
        start_tok = phrase.adjs[0].first
    if turned is not None:
        article.turned[(sentence.field, sentence.index, sentence_tokens[start_tok].index)] = (
            turned.id
        )
    start = sentence_tokens[start_tok].start
    end = _phrase_end(sentence, phrase) if has_head else phrase.adjs[-1].end
    last_tok = phrase.last if has_head else phrase.adjs[-1].last
    ref = next((e for e in (entity, head) if e is not None and e.kind == "ref"), None)
    if ref is not None and not phrase.adjs and _locative(sentence, phrase.first):
        sector = None  # "in Brussel": a place, as capitals after a locative
    elif ref is not None and not phrase.adjs:
        owner = books.entries[phrase.place.target] if phrase.place is not None else None
        back = article.body_before(ref.refers, "JUD" if ref.sector == "JUD" else None)
        if owner is not None and owner.code in ref.refers:
            codes = [owner.code]  # "de lidstaten van de NAVO"
        elif back is not None:
            codes, sector = [back.code], back.sector
    elif (
        codes == ["---"]
        and role is not None
        and not (phrase.adjs or entity or head or person or phrase.place)
    ):
        if role.kind == "pair":
            pair = article.last_two_states()
            return [
                _mention(
                    sentence,
                    start_tok,
                    last_tok,
                    (start, end),
                    code=m.code,
                    sector=role.sector,
                    rule=role.id,
                    person=None,
                    role=role.id,
                    **_what(role),
                )
                for m in pair
            ] or [
                _mention(
                    sentence,
                    start_tok,
                    last_tok,
                    (start, end),
                    code="---",
                    sector=role.sector,
                    rule=role.id,
                    person=None,
                    role=role.id,
                    **_what(role),
                )
            ]
        guess = _guess(article, sentence, phrase, role, name)
        if guess is not None:
            codes, rule, what["found"] = [guess[0]], guess[1], guess[2]
    if isinstance(origin, Entry) and origin.members and not phrase.adjs and person is None:
        return [
            _mention(
                sentence,
                start_tok,
                last_tok,
                (start, end),
                code=code,
                sector=sector,
                rule=origin.id,
                person=name,
                role=role_id,
                **_what(origin),
            )
            for code in origin.members
        ]
    if len(phrase.adjs) <= 1 or len(set(codes)) == 1 or person is not None:
        values = {
            "code": codes[0],
            "sector": sector,
            "rule": rule,
            "person": name,
            "role": role_id,
            **what,
        }
        return [_mention(sentence, start_tok, last_tok, (start, end), **values)]
    mentions = []
    for n, adj in enumerate(phrase.adjs):
        first_tok = start_tok if n == 0 else adj.first
        span_start = start if n == 0 else adj.start
        is_last = n == len(phrase.adjs) - 1
        span = (span_start, end if is_last else adj.end)
        rule_n = books.entries[adj.target].id if not (entity or person) else rule
        what_n = _what(books.entries[adj.target]) if not (entity or person) else what
        values = {
            "code": books.entries[adj.target].code,
            "sector": sector,
            "rule": rule_n,
            "person": name,
            "role": role_id,
            **what_n,
        }
        mentions.append(
            _mention(sentence, first_tok, last_tok if is_last else adj.last, span, **values)
        )
    return mentions


def _phrase_end(sentence: Sentence, phrase: _Phrase) -> int:
    """Where the phrase's text ends: its last atom's end (which leaves out a full stop Frog
    kept on a closing abbreviation), else its last token's."""
    for atom in (phrase.place, phrase.person, phrase.entity, phrase.head, phrase.role):
        if atom is not None and atom.last == phrase.last:
            return atom.end
    return sentence.tokens[phrase.last].end


def _guess(
    article: _Article, sentence: Sentence, phrase: _Phrase, role, name: str | None
) -> tuple[str, str, str] | None:
    """(code, rule, how) for a role word with no country: an earlier court, else the context's state."""
    if role.kind != "role" or role.id in NO_CONTEXT_ROLES or (role.sector == "CVL" and name):
        return None
    if _predicative(sentence, phrase, role, name):
        return None
    indefinite = phrase.det is not None and sentence.tokens[phrase.det].text.lower() in word_set(
        "indefinite_articles"
    )
    if role.sector == "JUD" and not indefinite:  # "een rechtbank" after the ICC is a national court
        court = next(
            (
                m
                for m in reversed(article.mentions)
                if m.sector == "JUD" and m.kind in ("body", "ref")
            ),
            None,
        )
        if court is not None:
            return court.code, f"{role.id}.court", "court"
    found = article.context_state(sentence.index, _before_attributive(sentence, phrase.first))
    return (found[0], f"{role.id}.{found[1]}", found[1]) if found else None


def _spokesman(sentence: Sentence, phrase: _Phrase) -> bool:
    """The phrase is a spokesman word ("de woordvoerder", "de zegsman")."""
    words = sentence.tokens[phrase.first : phrase.last + 1]
    return any(t.text.lower() in word_set("spokesman_words") for t in words)


def _spokesman_mention(m: Mention) -> bool:
    """A mention of a spokesman with a known organisation ("een woordvoerder van de rebellen")."""
    return m.code != "---" and any(
        w.lower().strip(",.") in word_set("spokesman_words") for w in m.text.split()
    )


def _before_attributive(sentence: Sentence, first: int) -> int:
    """Token index (1-based) the context of a role word is read before: the role word itself, or the
    "door" that opens an attributive phrase before it ("de door de VS gesteunde oppositie": the VS
    back the opposition, they do not own it)."""
    tokens = sentence.tokens
    if (
        first == 0
        or "prenom" not in tokens[first - 1].pos
        or not tokens[first - 1].pos.startswith("WW")
    ):
        return tokens[first].index
    for k in range(first - 2, max(-1, first - 8), -1):
        if tokens[k].text.lower() == "door" and tokens[k].pos.startswith("VZ"):
            return tokens[k].index
    return tokens[first].index


def _predicative(sentence: Sentence, phrase: _Phrase, role, name: str | None) -> bool:
    """A bare singular role word inside running text ("sinds hij koning werd", "onder leiding van",
    "geld voor defensie"): no one in particular, so no country is guessed for it. Headlines drop
    articles and a sentence may open with one ("Politie grijpt in"), so those still count."""
    if (
        sentence.field == "headline"
        or phrase.det is not None
        or name
        or phrase.role is None
        or phrase.first == 0
    ):
        return False
    if "prenom" in sentence.tokens[phrase.first - 1].pos:
        return False  # "de door de VS gesteunde oppositie": an attributive phrase stands between article and noun
    before = sentence.tokens[phrase.first - 1].text.lower()
    return ",ev" in sentence.tokens[phrase.role.last].pos and before not in word_set(
        "demonstrative_determiners"
    )


def _residence(tokens, atoms: dict[int, list[Atom]], j: int) -> bool:
    """Tokens j.. read "in/uit/op [de] <place>" (a state, capital, city, region or bloc)."""
    if j + 1 >= len(tokens) or tokens[j].text.lower() not in RESIDENCE_PREPOSITIONS:
        return False
    k = j + 2 if tokens[j + 1].text.lower() in DEFINITE else j + 1
    return _at(atoms, k, PLACE_KINDS) is not None


def _people_sector(sentence: Sentence, phrase: _Phrase, first: int, default: str) -> str:
    """Sector of inhabitants ("Russen", "de Britten"): the state as a side, or its citizens.

    "de Russen" with nothing between article and noun, and a bare "Russen" in a headline
    (headlines drop articles), are the state acting as a side: `default` (GOV). Everything
    else is people of that country, CVL: a bare plural in running text ("Russen mogen niet
    meer reizen"), a number or quantity before it ("honderd Nederlanders", "duizenden
    Georgiërs"), an indefinite article ("een Nederlander"), and any inhabitants followed by
    where they live ("de Nederlanders in Congo").
    """
    tokens = sentence.tokens
    if phrase.resident:
        return "CVL"
    if (
        phrase.det is not None
        and phrase.det == first - 1
        and tokens[phrase.det].text.lower() in DEFINITE
    ):
        return default
    if sentence.field == "headline" and phrase.det is None and phrase.first == first:
        return default
    return "CVL"


def _locative(sentence: Sentence, position: int) -> bool:
    return position > 0 and sentence.tokens[position - 1].text.lower() in LOCATIVES


def _bare_name(
    article: _Article, sentence: Sentence, atoms: dict[int, list[Atom]], i: int
) -> tuple[Mention, int] | None:
    """A name token of a person introduced earlier in the article ("Choe", "Pezeshkians")."""
    token = sentence.tokens[i]
    if i in atoms or not token.text[:1].isupper():
        return None
    text = token.text.replace("\u2019", "'")
    for key in (
        text,
        text[:-2] if text.endswith("'s") else None,
        text[:-1] if text.endswith("s") else None,
    ):
        known = article.names.get(key) if key else None
        if known is not None:
            last = i
            while (
                last + 1 < len(sentence.tokens)
                and article.names.get(sentence.tokens[last + 1].text) is known
            ):
                last += 1
            span = (token.start, sentence.tokens[last].end)
            found = _mention(
                sentence,
                i,
                last,
                span,
                code=known.code,
                sector=known.sector,
                rule=known.rule,
                person=known.person,
                role=known.role,
                kind=known.kind,
                book=known.book,
                found=known.found,
            )
            return found, last
    return None


def find_mentions(
    sentences: Sequence[Sentence],
    books: ActorBooks,
    on_date: date | None = None,
    dateline: str | None = None,
    period: tuple[date | None, date | None] | None = None,
) -> tuple[Mention, ...]:
    """Every actor mention in one article's sentences (headline first), in text order.

    `dateline` is the place printed before the agencies ("MOSKOU", "DEN HAAG"); its state is
    the default country of police, crowds and authorities the text does not place. `period`
    is (earliest, latest) when the article's date is not sure (None: open end); an undated
    call (no `on_date`) has an open period. A dated sector change inside it is read from the
    text (`_rivalled`).
    """
    place = books.places.get(fold(dateline)) if dateline else None
    window = (None, None) if period is None and on_date is None else period
    article = _read(
        sentences, _Article(books=books, on_date=on_date, dateline=place, open_period=window)
    )
    rivals = _rivalled(article)
    if rivals:
        held = _Article(
            books=books, on_date=on_date, dateline=place, open_period=window, held_back=rivals
        )
        article = _read(sentences, held)
    found = _pairs_ahead(article)
    if article.against:
        found = sorted(found + article.against, key=lambda m: (m.sentence, m.tokens[0]))
    return tuple(found)


def _against(books: ActorBooks, sentence: Sentence, atom: Atom) -> Mention:
    """The mention of an "anti-X" word: the government of X, found "against" (only a protest's
    target, see events.coder.code_events)."""
    entry = books.entries[atom.target]
    return _mention(
        sentence,
        atom.first,
        atom.last,
        (atom.start, atom.end),
        code=entry.code,
        sector="GOV",
        rule=entry.id,
        kind="against",
        book=entry.book,
        found="against",
    )


def _read(sentences: Sequence[Sentence], article: _Article) -> _Article:
    """Collect the mentions of every sentence into ``article`` (its coreference memory)."""
    for sentence in sentences:
        atoms: dict[int, list[Atom]] = {}
        for atom in find_atoms(article.books, sentence.tokens):
            atoms.setdefault(atom.first, []).append(atom)
            if atom.kind == "city":
                article.places.append(
                    (
                        sentence.index,
                        sentence.tokens[atom.first].index,
                        article.books.entries[atom.target].code,
                    )
                )
        i = 0
        while i < len(sentence.tokens):
            against = _at(atoms, i, ("against",))
            if against is not None:
                article.against.append(_against(article.books, sentence, against))
                i += 1
                continue
            phrase = _collect(article, sentence, atoms, i)
            if phrase is not None:
                for mention in _resolve(article, sentence, phrase):
                    if _plural_role(sentence, phrase):
                        article.plural.add((mention.field, mention.sentence, mention.tokens[0]))
                    article.mentions.append(mention)
                    article.remember(mention)
                i = phrase.last + 1
                continue
            bare = _bare_name(article, sentence, atoms, i)
            if bare is not None:
                article.mentions.append(bare[0])
                i = bare[1] + 1
                continue
            i += 1
        _on_behalf(article, sentence)
    return article


def _rivalled(article: _Article) -> frozenset[str]:
    """Entries to read with their sector before any dated change: on an undated page, a movement
    that later took power (sector_changes.tsv) is still in its old role when the article also
    names an office of its state apart from it ("de regering" set against "de Taliban")."""
    if not article.turned or article.open_period is None:
        return frozenset()
    first, last = article.open_period
    held = set()
    for entry_id in set(article.turned.values()):
        entry = article.books.entries[entry_id]
        since = entry.sector_changes[0][0]
        if (first is not None and since <= first) or (last is not None and since > last):
            continue  # the change is before the earliest or after the latest date it can have
        changed = entry.sector_on(last)
        if any(
            m.code == entry.code
            and m.sector == changed
            and m.found != "coref"
            and (m.role is not None or m.kind == "person")  # an office, not the state's name
            and (m.field, m.sentence, m.tokens[0]) not in article.turned
            for m in article.mentions
        ):
            held.add(entry_id)
    return frozenset(held)


def _pairs_ahead(article: _Article) -> list[Mention]:
    """An unplaced 'buurlanden' in a headline: the first two states named in later sentences.

    States of the pair's own sentence are left out ("buurlanden en China": not China).
    """
    result: list[Mention] = []
    states = article.states()
    for mention in article.mentions:
        if mention.kind != "pair" or mention.code != "---":
            result.append(mention)
            continue
        own = {m.code for m in states if m.sentence == mention.sentence}
        codes: list[str] = []
        for m in states:
            if (
                m.book == "states"
                and m.sentence > mention.sentence
                and m.code not in own
                and m.code not in codes
            ):
                codes.append(m.code)
        if len(codes) < 2:
            result.append(mention)
            continue
        result.extend(
            replace(mention, code=code, rule="role.pair.ahead", found="ahead") for code in codes[:2]
        )
    return result


def _on_behalf(article: _Article, sentence: Sentence) -> None:
    """'een delegatie namens de Afghaanse regering', 'de regering van premier X': a guessed code
    yields to the actor named right after it."""
    ours = [n for n, m in enumerate(article.mentions) if m.sentence == sentence.index]
    for n in ours:
        mention = article.mentions[n]
        after = mention.tokens[1] + 1
        if (
            mention.found not in GUESSED
            or after > len(sentence.tokens)
            or sentence.tokens[after - 1].text.lower() not in word_set("on_behalf_preps")
        ):
            continue
        principal = next(
            (
                article.mentions[k]
                for k in ours
                if after < article.mentions[k].tokens[0] <= after + 2
            ),
            None,
        )
        if principal is not None and principal.code != "---":
            rule = f"{mention.role}.context"  # the role word's guess, now from the context
            article.mentions[n] = replace(mention, code=principal.code, rule=rule, found="context")
