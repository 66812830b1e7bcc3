"""Load and validate the event patterns, cue words and CAMEO table (data/events/).

Pattern keys (one YAML list entry each):
  id, type, cameo          stable dotted id, PLOVER type, CAMEO code (Goldstein/QuadClass from cameo.tsv)
  mode, note               optional PLOVER mode; free text for people
  verbs                    verb lemmas; "op|rollen" is a separable verb (particle|base), the
                           particle may be several words joined by "_" ("in_beslag|nemen")
  nouns                    noun lemmas, also matched as the last part of a compound
  objects                  one of these noun lemmas (or compound ends) must be in the clause
  with / without           lemma sequences of which one must / none may occur in the clause
  source                   where the doer is, steps tried in order (SOURCE_STEPS: su, door, obj, own =
                           the event noun's own phrase, accused, light = the subject of a light verb, speaker
                           = who says the dat-clause the trigger stands in (talks and deals only), holder =
                           whose view the clause is ("volgens X", "X vindt dat ..."), relative = the phrase a
                           relative clause hangs on ("de minister, die met Y sprak"),
                           controller, elided, antecedent, pair, memory, meeting (for "ze": the
                           hosts of the meeting named last, facing each who joined it since), or a preposition: the
                           phrase it heads, "van" for "krijgt wapens van X"); default: linking.yaml
  target                   where the other side is: obj, obj2, sub (subject of a dat-clause),
                           cond (subject/object of an als-condition after it), claim (who made
                           the claim a denial of "dat" or "die beschuldiging" answers), act
                           (the doers of the last coded events, for "steunden de operatie"),
                           deed (the doers of the article's first coded act, when the clause
                           subject is "dit"/"dat"/"deze daad": "Dit is een schandalige daad"),
                           quoted (the subject of the clause a trailing ", eist X" reports),
                           su (the clause subject, for "X rukt op met steun van Y": Y backs X),
                           answers (who a reaction answers: "testte raketten als reactie op X"),
                           controller (the subject an om-te clause depends on: "X krijgt raketten
                           om zich tegen aanvallen te verdedigen"),
                           meeting (the sides of the meeting named last, for "ook X schoof aan"),
                           pair (the two sides the sentence before named, for "X, die bemiddelde"),
                           or a preposition lemma (met, tegen, aan, naar, op, ...)
  symmetric                the predicate holds both ways (emitted once per direction)
  priority                 a higher priority wins on the same trigger word (default 1)
  target_sectors           only targets of these sectors count
  implied_source           sector of the unnamed doer when the text names none: the country of
                           a place in the clause ("in Londen opgepakt")
  ignores                  fact kinds the pattern's own wording carries, not the event's: negated for
                           "niet blij met", "geen wraak nemen"; future for a vow ("zal terugslaan")
  about                    PLOVER types: the pattern is a claim verb ("X stelt dat Y ...") that fires
                           only when its dat-clause reports an event of these types; the other side
                           is that event's doer (X ACCUSE Y for "X zegt dat Y burgers doodde")
  intent                   set from linking.yaml: "act" when an intent cue (cues.yaml `intent`) is what
                           the event is (fact stays asserted), "skip" when the event under such a cue
                           is not coded (the intent patterns code the intent)
  needs_light_verb         a noun for a state or relation (oorlog, samenwerking): it codes an event only
                           when a support verb of cues.yaml governs it ("voeren oorlog", "gaan samenwerking aan")
  reciprocal               also coded in the reverse direction (default: the type is listed in
                           linking.yaml's reciprocal_types)
  keeps_trigger            when it fires, other patterns may still fire on the same word
                           ("zei tegen X dat Y moet": telling X and a demand on Y)
  implied_from             target sectors whose country also stands in for that unnamed doer
                           (protesters against ICE are American: [GOV, COP, ...])
  implied_target           sector of the unnamed undergoer when the text names none: the country
                           of a place in the clause, else the doer's own country (domestic, only
                           for GOV/COP/SPY/JUD doers); "---" for an unknown party
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kroniek.errors import RulesError
from kroniek.vocabulary import FACT_KINDS, SECTORS, TYPES
from kroniek.words import word_set

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"
_PATTERN_KEYS = {
    "id",
    "type",
    "cameo",
    "mode",
    "note",
    "verbs",
    "nouns",
    "objects",
    "with",
    "without",
    "target",
    "symmetric",
    "priority",
    "target_sectors",
    "implied_source",
    "implied_target",
    "implied_from",
    "keeps_trigger",
    "reciprocal",
    "needs_light_verb",
    "source",
    "about",
    "ignores",
}
#: the steps a source chain may name, tried in order until one finds a doer (see coder._source_step)
SOURCE_STEPS = (
    "su",
    "door",
    "obj",
    "own",
    "accused",
    "light",
    "speaker",
    "holder",
    "controller",
    "elided",
    "antecedent",
    "relative",
    "pair",
    "memory",
    "meeting",
)
_CUE_KINDS = (
    "future",
    "negated",
    "alleged",
    "attribution",
    "background",
    "pronouns",
    "support_verbs",
    "undergo_verbs",
    "demand_verbs",
    "unreal",
)
_CUE_KEYS = {
    "id",
    "lemmas",
    "seq",
    "pos",
    "scope",
    "needs_infinitive",
    "nominal_only",
    "preps",
    "verbs",
    "note",
    "third_party",
    "overrides",
    "verbs_too",
    "past_year",
    "present_tense",
    "not_after",
    "intent",
    "relative_past",
    "terms_past",
    "before_noun",
    "when_negated",
    "spares",
    "unless",
    "pluperfect_main",
    "governed_by",
}
_SCOPES = ("clause", "govern", "sentence", "opener", "head")


@dataclass(frozen=True)
class Pattern:
    """One verb or noun pattern that codes an event."""

    id: str
    type: str
    cameo: str
    goldstein: float
    quad_class: int
    mode: str | None = None
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    with_: tuple[tuple[str, ...], ...] = ()
    without: tuple[tuple[str, ...], ...] = ()
    target: tuple[str, ...] = ("obj",)
    symmetric: bool = False
    priority: int = 1
    target_sectors: tuple[str, ...] = ()
    implied_source: str | None = None
    implied_target: str | None = None
    implied_from: tuple[str, ...] = ()
    keeps_trigger: bool = False
    other_side: bool = False  # a missing side may be the article's other main side
    needs_light_verb: bool = (
        False  # a noun for a state or relation: an event only when a light verb makes it happen
    )
    about: tuple[
        str, ...
    ] = ()  # a claim verb: fires on what its dat-clause reports, events of these types
    ignores: tuple[
        str, ...
    ] = ()  # fact kinds its own wording carries ("niet blij met": negated; a threat: future)
    intent: str = ""  # "act" or "skip" under an intent cue (willen, bereid); see linking.yaml
    reciprocal: bool = False  # also coded in the reverse direction (a visit is also being received)
    source_chain: tuple[
        str, ...
    ] = ()  # where the doer stands, tried in order ("" = the default of linking.yaml)
    default_source: dict = field(
        default_factory=dict, repr=False, compare=False
    )  # trigger kind -> chain
    source: str = ""  # file:line

    @property
    def specificity(self) -> int:
        """Higher for patterns with more conditions; used to order competing patterns."""
        return self.priority * 10 + bool(self.objects) + bool(self.with_)


@dataclass(frozen=True)
class Cue:
    """A cue word entry for factuality, attribution, background, pronouns or light verbs."""

    id: str
    kind: str
    lemmas: frozenset[str] = frozenset()
    seqs: tuple[tuple[str, ...], ...] = ()
    pos: str | None = None
    scope: str = "clause"  # clause | govern | sentence | opener | head (noun before om-te)
    needs_infinitive: bool = False
    nominal_only: bool = False
    preps: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    third_party: bool = (
        False  # fires only when an actor that is neither side follows the cue ("volgens X")
    )
    overrides: bool = (
        False  # a sentence-wide alleged cue that wins over negation ("nog niet bevestigd")
    )
    verbs_too: bool = False  # a background cue that also dates verb triggers, not only event nouns
    past_year: bool = False  # a background cue: a year before the article's, told in the past tense
    present_tense: bool = (
        False  # the cue counts only in a clause whose finite verb is in the present
    )
    # a seq cue does not count with one of these words one or two words before it ("zoveel
    # mogelijk", "zo snel mogelijk": a degree, not a hedge)
    not_after: frozenset[str] = frozenset()
    when_negated: bool = False  # an unreal cue that counts only in a negated clause
    unless: frozenset[str] = frozenset()  # lemmas in the clause that make the cue not count
    pluperfect_main: bool = False  # a background cue: a main clause in the pluperfect
    relative_past: bool = False  # a background cue: a relative clause told in the past or perfect
    # a background cue: a dat-clause with "zou" under one of the cue's verbs of stipulation told in
    # the past ("daarin werd vastgelegd dat X zich zou terugtrekken"): the terms of an earlier text
    terms_past: bool = False
    before_noun: bool = False  # a fact cue whose seq stands right before the event noun's phrase
    intent: bool = False  # a future cue of will or willingness ("wil", "bereid"): an intent
    spares: tuple[str, ...] = ()  # an unreal cue: PLOVER types whose events it leaves coded
    # an opener cue that counts only when a governing clause holds one of these lemmas in the
    # present tense ("X zal terugslaan als Y aanvalt": a consequence promised for a hypothesis)
    governed_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Patterns:
    """Every pattern and cue, indexed by lemma; built once by load_patterns and passed in."""

    patterns: tuple[Pattern, ...]
    cues: dict[str, tuple[Cue, ...]]
    by_verb: dict[str, tuple[tuple[Pattern, str], ...]] = field(repr=False)
    by_noun: dict[str, tuple[Pattern, ...]] = field(repr=False)
    cameo: dict[str, tuple[str, float, int]] = field(repr=False)
    sha256: str = ""

    def cue(self, kind: str) -> tuple[Cue, ...]:
        """The cue entries of one kind (future, negated, alleged, ...)."""
        return self.cues.get(kind, ())

    def ids(self) -> tuple[str, ...]:
        """Every pattern and cue id."""
        return tuple(p.id for p in self.patterns) + tuple(
            c.id for cs in self.cues.values() for c in cs
        )


def _seq(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.lower().replace("_", " ").split() if part)


def _lines(path: Path) -> dict[str, int]:
    """Line number of each ``id:`` in a YAML file, for error messages."""
    found: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip().lstrip("- ").strip()
        if stripped.startswith("id:"):
            found.setdefault(stripped[3:].strip(), number)
    return found


def load_cameo(path: Path) -> dict[str, tuple[str, float, int]]:
    """CAMEO code -> (label, Goldstein value, QuadClass) from cameo.tsv."""
    table: dict[str, tuple[str, float, int]] = {}
    with path.open(encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    for number, row in enumerate(csv.DictReader(rows, delimiter="\t"), start=2):
        try:
            table[row["code"]] = (row["label"], float(row["goldstein"]), int(row["quad_class"]))
        except (KeyError, TypeError, ValueError) as err:
            raise RulesError(f"{path}:{number}", f"bad CAMEO row: {err}") from err
    return table


def load_modes(path: Path) -> dict[str, tuple[str, ...]]:
    """PLOVER type -> the modes a pattern of that type may name (modes.yaml)."""
    raw = _read_yaml(path) or {}
    if not isinstance(raw, dict) or any(
        t not in TYPES or not isinstance(v, list) for t, v in raw.items()
    ):
        raise RulesError(str(path), "must map PLOVER types to lists of modes")
    return {t: tuple(str(m) for m in v) for t, v in raw.items()}


LINKING_TYPE_KEYS = (
    "reciprocal_types",
    "other_side_types",
    "future_content_types",
    "intent_act_types",
    "intent_skip_types",
)
LINKING_CHAIN_KEYS = ("verb_source", "passive_source", "noun_source")
LINKING_TARGET_KEYS = ("verb_target", "noun_target")


def load_linking(path: Path) -> dict:
    """The linking settings of linking.yaml: types per setting, default source chains and target places."""
    raw = _read_yaml(path) or {}
    keys = LINKING_TYPE_KEYS + LINKING_CHAIN_KEYS + LINKING_TARGET_KEYS
    if (
        not isinstance(raw, dict)
        or set(raw) - set(keys)
        or not set(LINKING_CHAIN_KEYS + LINKING_TARGET_KEYS) <= set(raw)
    ):
        raise RulesError(
            str(path),
            f"needs the keys {', '.join(LINKING_CHAIN_KEYS + LINKING_TARGET_KEYS)}; "
            f"may have {', '.join(LINKING_TYPE_KEYS)}",
        )
    found: dict = {key: frozenset(raw.get(key) or ()) for key in LINKING_TYPE_KEYS}
    for key in LINKING_TYPE_KEYS:
        if found[key] - set(TYPES):
            raise RulesError(str(path), f"{key}: unknown types {sorted(found[key] - set(TYPES))}")
    found["source"] = {
        key.split("_")[0]: _strings(raw[key], str(path), key) for key in LINKING_CHAIN_KEYS
    }
    for key, chain in found["source"].items():
        if not chain or set(chain) - set(SOURCE_STEPS):
            raise RulesError(
                str(path), f"{key}_source: steps must be among {', '.join(SOURCE_STEPS)}"
            )
    for key in LINKING_TARGET_KEYS:
        found[key] = _strings(raw[key], str(path), key)
    return found


def _strings(value, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulesError(where, f"'{key}' must be a list of strings")
    return tuple(v.strip().lower() for v in value)


TARGET_PLACES = (
    "obj",
    "obj2",
    "sub",
    "cond",
    "claim",
    "act",
    "deed",
    "quoted",
    "su",
    "meeting",
    "controller",
    "answers",
    "pair",
)


def _pattern(
    entry: dict, where: str, cameo: dict, modes: dict[str, tuple[str, ...]], linking: dict
) -> Pattern:
    if not isinstance(entry, dict):
        raise RulesError(where, "each entry must be a mapping")
    unknown = set(entry) - _PATTERN_KEYS
    if unknown:
        raise RulesError(
            where, f"unknown keys {sorted(unknown)}", f"allowed: {sorted(_PATTERN_KEYS)}"
        )
    pid, ptype, code = entry.get("id"), entry.get("type"), str(entry.get("cameo", ""))
    if not pid or ptype not in TYPES:
        raise RulesError(where, f"entry needs an id and a PLOVER type, got {pid!r} / {ptype!r}")
    if code not in cameo:
        raise RulesError(where, f"{pid}: CAMEO code {code!r} is not in cameo.tsv")
    verbs, nouns = (
        _strings(entry.get("verbs"), where, "verbs"),
        _strings(entry.get("nouns"), where, "nouns"),
    )
    if not verbs and not nouns:
        raise RulesError(where, f"{pid}: needs verbs or nouns")
    target = (
        _strings(entry.get("target"), where, "target")
        or linking["verb_target" if verbs else "noun_target"]
    )
    chain = _strings(entry.get("source"), where, "source")
    if set(chain) - set(SOURCE_STEPS) - word_set("prepositions"):
        raise RulesError(
            where,
            f"{pid}: unknown source steps {sorted(set(chain) - set(SOURCE_STEPS))}",
            f"use {', '.join(SOURCE_STEPS)} or a preposition of data/words (words.prepositions)",
        )
    bad = [t for t in target if t not in TARGET_PLACES and t not in word_set("prepositions")]
    if bad:
        raise RulesError(
            where,
            f"{pid}: unknown target place {bad}",
            f"use {', '.join(TARGET_PLACES)} or a preposition of data/words (words.prepositions)",
        )
    mode = entry.get("mode")
    if mode is not None and mode not in modes.get(ptype, ()):
        raise RulesError(
            where,
            f"{pid}: mode {mode!r} is not a PLOVER mode of {ptype}",
            f"allowed: {', '.join(modes.get(ptype, ())) or 'none'} (data/events/modes.yaml)",
        )
    _, goldstein, quad = cameo[code]
    return Pattern(
        id=pid,
        type=ptype,
        cameo=code,
        goldstein=goldstein,
        quad_class=quad,
        mode=mode,
        verbs=verbs,
        nouns=nouns,
        objects=_strings(entry.get("objects"), where, "objects"),
        with_=tuple(_seq(s) for s in _strings(entry.get("with"), where, "with")),
        without=tuple(_seq(s) for s in _strings(entry.get("without"), where, "without")),
        target=target,
        symmetric=bool(entry.get("symmetric", False)),
        priority=int(entry.get("priority", 1)),
        target_sectors=tuple(
            s.upper() for s in _strings(entry.get("target_sectors"), where, "target_sectors")
        ),
        implied_source=_sector(entry.get("implied_source"), where, "implied_source"),
        implied_target=_sector(entry.get("implied_target"), where, "implied_target"),
        implied_from=tuple(
            s.upper() for s in _strings(entry.get("implied_from"), where, "implied_from")
        ),
        keeps_trigger=bool(entry.get("keeps_trigger", False)),
        reciprocal=_flag(entry, "reciprocal", where)
        if "reciprocal" in entry
        else ptype in linking.get("reciprocal_types", ()),
        other_side=ptype in linking.get("other_side_types", ()),
        needs_light_verb=_flag(entry, "needs_light_verb", where),
        source_chain=chain,
        default_source=linking["source"],
        about=_types(entry.get("about"), where, "about"),
        ignores=_fact_kinds(entry, ptype, linking, where),
        intent=_intent(ptype, linking),
        source=where,
    )


def _intent(ptype: str, linking: dict) -> str:
    """How an event of type ``ptype`` reads an intent cue (linking.yaml): "act", "skip" or ""."""
    if ptype in linking.get("intent_act_types", ()):
        return "act"
    return "skip" if ptype in linking.get("intent_skip_types", ()) else ""


def _sector(value, where: str, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or (value.upper() not in SECTORS and value != "---"):
        raise RulesError(
            where, f"'{key}' must be a sector code ({', '.join(SECTORS)}) or '---', got {value!r}"
        )
    return value.upper()


def _cue(kind: str, entry: dict, where: str) -> Cue:
    if not isinstance(entry, dict) or "id" not in entry:
        raise RulesError(where, f"each {kind} cue needs an id")
    unknown = set(entry) - _CUE_KEYS
    if unknown:
        raise RulesError(where, f"unknown keys {sorted(unknown)}", f"allowed: {sorted(_CUE_KEYS)}")
    if entry.get("scope", "clause") not in _SCOPES:
        raise RulesError(
            where, f"{entry['id']}: scope {entry.get('scope')!r} is not one of {', '.join(_SCOPES)}"
        )
    return Cue(
        id=entry["id"],
        kind=kind,
        lemmas=frozenset(
            s.replace(" ", "") for s in _strings(entry.get("lemmas"), where, "lemmas")
        ),
        seqs=tuple(_seq(s) for s in _strings(entry.get("seq"), where, "seq")),
        pos=entry.get("pos"),
        scope=entry.get("scope", "clause"),
        needs_infinitive=bool(entry.get("needs_infinitive", False)),
        nominal_only=bool(entry.get("nominal_only", False)),
        preps=frozenset(_strings(entry.get("preps"), where, "preps")),
        verbs=frozenset(s.replace(" ", "") for s in _strings(entry.get("verbs"), where, "verbs")),
        third_party=_flag(entry, "third_party", where),
        overrides=_flag(entry, "overrides", where),
        verbs_too=_flag(entry, "verbs_too", where),
        past_year=_flag(entry, "past_year", where),
        present_tense=_flag(entry, "present_tense", where),
        not_after=frozenset(_strings(entry.get("not_after"), where, "not_after")),
        intent=_flag(entry, "intent", where),
        relative_past=_flag(entry, "relative_past", where),
        terms_past=_flag(entry, "terms_past", where),
        before_noun=_flag(entry, "before_noun", where),
        pluperfect_main=_flag(entry, "pluperfect_main", where),
        when_negated=_flag(entry, "when_negated", where),
        unless=frozenset(_strings(entry.get("unless"), where, "unless")),
        spares=_types(entry.get("spares"), where, "spares"),
        governed_by=frozenset(_strings(entry.get("governed_by"), where, "governed_by")),
    )


def _fact_kinds(entry: dict, ptype: str, linking: dict, where: str) -> tuple[str, ...]:
    """The fact kinds a pattern ignores: its own `ignores`, and "future" for types whose events are
    always about the future (linking.yaml's future_content_types: a threat is made now)."""
    found = _strings(entry.get("ignores"), where, "ignores")
    if set(found) - set(FACT_KINDS):
        raise RulesError(
            where, f"'ignores': fact kinds are {', '.join(FACT_KINDS)}, got {list(found)}"
        )
    if ptype in linking.get("future_content_types", ()) and "future" not in found:
        found += ("future",)
    return found


def _types(value, where: str, key: str) -> tuple[str, ...]:
    found = tuple(s.upper() for s in _strings(value, where, key))
    if set(found) - set(TYPES):
        raise RulesError(where, f"'{key}': unknown PLOVER types {sorted(set(found) - set(TYPES))}")
    return found


def _flag(entry: dict, key: str, where: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise RulesError(where, f"'{key}' must be true or false, got {value!r}")
    return value


def _read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise RulesError(
            f"{path}{line}", f"not valid YAML: {getattr(err, 'problem', err)}"
        ) from err


def load_patterns(data_dir: Path | None = None) -> Patterns:
    """Read patterns/*.yaml, cues.yaml and cameo.tsv under ``data_dir`` (default: the package data)."""
    base = Path(data_dir) if data_dir else DATA_DIR
    digest = hashlib.sha256()
    cameo = load_cameo(base / "cameo.tsv")
    modes = load_modes(base / "modes.yaml")
    linking = load_linking(base / "linking.yaml")
    patterns: list[Pattern] = []
    seen: dict[str, str] = {}
    for path in sorted((base / "patterns").glob("*.yaml")):
        digest.update(path.read_bytes())
        entries = _read_yaml(path) or []
        if not isinstance(entries, list):
            raise RulesError(str(path), "a pattern file must be a YAML list")
        lines = _lines(path)
        for entry in entries:
            where = (
                f"{path}:{lines.get(str(entry.get('id')) if isinstance(entry, dict) else '', 1)}"
            )
            pattern = _pattern(entry, where, cameo, modes, linking)
            if pattern.id in seen:
                raise RulesError(where, f"duplicate id {pattern.id} (first at {seen[pattern.id]})")
            seen[pattern.id] = where
            patterns.append(pattern)
    cue_path = base / "cues.yaml"
    digest.update(cue_path.read_bytes())
    digest.update((base / "linking.yaml").read_bytes())
    digest.update((base / "modes.yaml").read_bytes())
    raw = _read_yaml(cue_path) or {}
    lines = _lines(cue_path)
    cues: dict[str, tuple[Cue, ...]] = {}
    for kind in _CUE_KINDS:
        entries = raw.get(kind) or []
        cues[kind] = tuple(
            _cue(kind, e, f"{cue_path}:{lines.get(str(e.get('id')), 1)}") for e in entries
        )
    by_verb: dict[str, list[tuple[Pattern, str]]] = {}
    by_noun: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        for verb in pattern.verbs:
            particle, _, stem = verb.rpartition("|")
            keys = [(stem, particle)]
            if particle and "_" not in particle:
                keys.append((particle + stem, ""))
            for key, part in keys:
                if (pattern, part) not in by_verb.setdefault(key, []):
                    by_verb[key].append((pattern, part))
        for noun in pattern.nouns:
            by_noun.setdefault(noun, []).append(pattern)
    return Patterns(
        patterns=tuple(patterns),
        cues=cues,
        by_verb={k: tuple(v) for k, v in by_verb.items()},
        by_noun={k: tuple(v) for k, v in by_noun.items()},
        cameo=cameo,
        sha256=digest.hexdigest(),
    )
