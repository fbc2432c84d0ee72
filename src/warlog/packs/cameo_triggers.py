"""Translate a CAMEO verb dictionary into warlog trigger entries, and write them as a trigger pack.

PETRARCH matched its patterns against a constituency parse; warlog reads a dependency parse, so each
pattern is translated into what a trigger entry can say, or skipped (and counted) when it cannot:

    verb alone, with its own or its block's code      {lemma, pos: VERB}
    +CALL_OFF, * OUT, * UP                             particle
    WIRE_+TAP, +TAKE_PART                              a multiword lemma, matched word by word
    * SANCTIONS, * &CURRENCY                           objects: the direct object's lemmas
    * (WITH +), * TIES (WITH +), * (AGAINST)           recipient_preps (a bare preposition after the verb
                                                       is also its particle: it must be there)
    * (FROM $)                                         actor_preps

Skipped: words before the verb (a subject's lemma), a prepositional phrase with a noun of its own
("(FOR AID)"), noun phrases with modifiers ("{FINANCIAL AID}", the head alone would change the
meaning: "verbal attack" is no attack), several objects, markers other than `+`/`$` (`^`, `%`), the
null code `[---]` (patterns that block an event, which no entry can say), codes PLOVER dropped (CAMEO
01 statements, 02 appeals), transformations, and a pattern that repeats a word another code took first.

A CAMEO code becomes a PLOVER type and mode by the ontology where it gives that code (a type's default
code, else a mode's: plover.yaml codes 163 sanctions as SANCTION, the 2021 table as COERCE), else by the
CAMEO-to-PLOVER table (a code missing there by its parent, "0213" -> "021"), with the table's mode where
the ontology has it (the table uses some retired modes); the context is the table's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from warlog.packs.cameo_verbs import CameoBlock, CameoPattern, CameoVerb, CameoVerbDictionary, PloverCode
from warlog.packs.ontology import Ontology
from warlog.packs.triggers import TriggerModel

# words after the verb that are its particle, not its object ("set out", "look forward")
PARTICLES = frozenset(
    "up down out off over away back aside forward forth around about along apart together through".split()
)
PREPOSITIONS = frozenset(
    "to for with against into from on in at of by toward towards upon onto between among within under".split()
)
_WORD = re.compile(r"^[A-Z][A-Z'-]*$")


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a pattern says a verb needs, in trigger terms."""

    particle: str | None = None
    objects: tuple[str, ...] = ()
    recipient_preps: tuple[str, ...] = ()
    actor_preps: tuple[str, ...] = ()


@dataclass(slots=True)
class Translation:
    """The trigger entries of a dictionary; what could not be said, counted by reason (verb lines and
    patterns, each counted once); and the entries the caller's choices left out, by reason."""

    triggers: list[TriggerModel] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    left_out: Counter[str] = field(default_factory=Counter)
    patterns: int = 0
    verbs: int = 0
    converted: int = 0  # verb lines and patterns that gave at least one entry


def plover_of(code: str, table: dict[str, PloverCode], ontology: Ontology) -> tuple[str, str | None, str | None] | None:
    """(type, mode, context) of a CAMEO code, or None where PLOVER has no type for it."""
    for prefix in (code, code[:3], code[:2]):
        row = table.get(prefix)
        if row is not None:
            break
    else:
        return None
    try:
        event_type = ontology.type(row.type)
    except KeyError:
        return None
    own = _ontology_code(code, ontology)
    if own is not None:
        return (*own, next((c for c in row.contexts if c in ontology.contexts), None))
    mode = next((m.name for m in event_type.mode_table if m.cameo == code), None)
    if mode is None and row.mode in event_type.modes:
        mode = row.mode
    context = next((c for c in row.contexts if c in ontology.contexts), None)
    return event_type.name, mode, context


def _ontology_code(code: str, ontology: Ontology) -> tuple[str, str | None] | None:
    """(type, mode) where the ontology itself gives a code: a type's default, else a mode's (its first)."""
    for event_type in ontology.types:
        if event_type.cameo == code:
            return event_type.name, None
    for event_type in ontology.types:
        for mode in event_type.mode_table:
            if mode.cameo == code:
                return event_type.name, mode.name
    return None


def singular(word: str) -> str:
    """The regular singular of a lower-case plural noun ("sanctions" -> "sanction", "rallies" -> "rally")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _object_lemmas(item: str, synsets: dict[str, tuple[str, ...]]) -> tuple[str, ...] | str:
    """The lemmas a direct object may have, or the reason it cannot be said."""
    if item.startswith("&"):
        members = synsets.get(item[1:].rstrip("_").upper())
        if members is None:
            return "undefined synonym set"
        words = [m for m in members if " " not in m and re.fullmatch(r"[a-z][a-z'-]*", m)]
        if not words:
            return "noun phrase with modifiers"
        return tuple(dict.fromkeys(w for m in words for w in (m, singular(m))))
    if item.startswith("{"):
        return "noun phrase with modifiers"
    if not _WORD.match(item):
        return "marker other than + and $"
    word = item.lower()
    return tuple(dict.fromkeys((word, singular(word))))


def read_pattern(pattern: CameoPattern, synsets: dict[str, tuple[str, ...]]) -> _Reading | str:
    """What a pattern needs of its verb, or the reason a trigger entry cannot say it."""
    if pattern.before:
        return "words before the verb"
    items = list(pattern.after)
    particle: str | None = None
    objects: tuple[str, ...] = ()
    if items and items[0].lower() in PARTICLES:
        particle = items.pop(0).lower()
    if items and not items[0].startswith("(") and items[0].lower() not in PREPOSITIONS:
        item = items.pop(0)
        if item not in ("+", "$"):
            found = _object_lemmas(item, synsets)
            if isinstance(found, str):
                return found
            objects = found
        elif item == "$":
            return "source after the verb"
    recipients: list[str] = []
    actors: list[str] = []
    for item in items:
        words = item.strip("()").split() if item.startswith("(") else []
        if not words or words[0].lower() not in PREPOSITIONS:
            return "several objects" if _WORD.match(item) or item.startswith(("{", "&")) else "unsupported item"
        if len(words) > 2 or (len(words) == 2 and words[1] not in ("+", "$")):
            return "prepositional phrase with its own noun"
        (actors if words[-1] == "$" else recipients).append(words[0].lower())
    if len(recipients) + len(actors) > 1:
        return "several prepositional phrases"
    if not (particle or objects) and (recipients or actors):
        particle = (recipients or actors)[0]  # "rush to X": the preposition is what the pattern adds
    return _Reading(particle, objects, tuple(recipients), tuple(actors))


def _verb_forms(verb: CameoVerb) -> tuple[str, str | None] | str:
    """(lemma, particle) of a verb line, or why it cannot be said."""
    head = verb.words[verb.verb]
    rest = verb.words[verb.verb + 1 :]
    if verb.verb == 0 and len(rest) == 1 and (rest[0] in PARTICLES or rest[0] in PREPOSITIONS):
        return head, rest[0]
    if not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in verb.words):
        return "verb with digits or marks"
    return " ".join(verb.words), None


def translate(
    dictionary: CameoVerbDictionary,
    table: dict[str, PloverCode],
    ontology: Ontology,
    *,
    exclude: Collection[tuple[str, str | None]] = (),
    types: Collection[str] | None = None,
    bare: bool = True,
    stop_verbs: Collection[str] = (),
    origin: bool = False,
    nouns: Mapping[str, str] | None = None,
    noun_types: Collection[str] = (),
) -> Translation:
    """The trigger entries a dictionary's verbs and patterns can be said as, and the skipped counts.

    Args:
        dictionary: as read by `read_cameo_verbs`.
        table: the CAMEO-to-PLOVER table (`read_cameo_plover`).
        ontology: whose types, modes and contexts the entries use.
        exclude: (lemma, particle) pairs left out (words another pack defines: hand-written triggers win).
        types: only entries of these PLOVER types (None: all).
        bare: whether a verb alone (no particle, object or preposition) is an entry.
        stop_verbs: verbs too common to be a trigger without an object ("come to", "get out", "find out");
            they keep their entries with an object ("take hostages").
        origin: a pattern with a comment applies to the verbs of its block the comment names (the file's
            header: "the verb[s] where the pattern was originally found"), to none when it names none, and
            without a comment to the verb the block is named after; not to every synonym of the block.
        nouns: noun triggers another pack defines (lemma -> type): an object that such a noun codes as
            the entry's type is left to it ("launched a probe": the noun "probe" is the event).
        noun_types: types whose nouns keep every object, whatever the entry's type ("joined the protest",
            "carried out an operation": the protest, the operation is the event).
    """
    result = Translation()
    entries: dict[_Key, list[str]] = {}
    taken: set[tuple[str, str | None, str]] = set()  # (lemma, particle, object or "") already coded
    for block in dictionary.blocks:
        verbs = _block_verbs(block, result)
        for lemma, particle, code in verbs:
            problem = _code_problem(code, table, ontology)
            if problem is None and not _add(entries, taken, lemma, _Reading(particle), code):
                problem = "repeats a word another code took first"
            _count(result, problem, "verb line: ")
        for pattern in block.patterns:
            result.patterns += 1
            found = _code_problem(pattern.code, table, ontology) or read_pattern(pattern, dictionary.synsets)
            if isinstance(found, str):
                _count(result, found, "pattern: ")
                continue
            added = False
            for lemma, particle, _ in _pattern_verbs(verbs, pattern, block.name, origin=origin):
                if particle and found.particle and particle != found.particle:
                    continue  # "+CALL_OFF" with "* UP": no such verb
                reading = _Reading(particle or found.particle, found.objects, found.recipient_preps, found.actor_preps)
                added = _add(entries, taken, lemma, reading, pattern.code) or added
            _count(result, None if added else "repeats words other codes took first", "pattern: ")
    if dictionary.transformations:
        result.skipped["transformation (~ line)"] += dictionary.transformations
    for (lemma, particle, code, recipients, actors), objects in entries.items():
        coded = plover_of(code, table, ontology)
        assert coded is not None  # _code_problem let only coded ones in
        if nouns and objects:
            kept = {coded[0], *noun_types}
            objects = [o for o in objects if not kept & {nouns.get(o), nouns.get(singular(o))}]
            if not objects:
                result.left_out["objects another pack's nouns code (as the same type)"] += 1
                continue
        reason = _kept(lemma, particle, objects, coded[0], exclude=exclude, types=types, bare=bare, stop=stop_verbs)
        if reason is not None:
            result.left_out[reason] += 1
            continue
        result.triggers.append(_entry(lemma, particle, code, objects, recipients, actors, coded))
    return result


_Key = tuple[str, str | None, str, tuple[str, ...], tuple[str, ...]]


def _count(result: Translation, problem: str | None, what: str) -> None:
    if problem is None:
        result.converted += 1
    else:
        result.skipped[what + problem] += 1


def _code_problem(code: str | None, table: dict[str, PloverCode], ontology: Ontology) -> str | None:
    if code is None:
        return "null code [---] (no event)"
    if plover_of(code, table, ontology) is None:
        return "code without a PLOVER type (CAMEO 01 statements, 02 appeals)"
    return None


def _pattern_verbs(
    verbs: list[tuple[str, str | None, str | None]], pattern: CameoPattern, block: str, *, origin: bool
) -> list[tuple[str, str | None, str | None]]:
    """The verbs a pattern applies to: all of its block's, or with `origin` those its comment names (the
    block's name without a comment)."""
    if not origin:
        return verbs
    words = pattern.comment or tuple(block.split())
    named = {w.replace("_", " ").lower() for w in words}
    return [v for v in verbs if " ".join(filter(None, (v[0], v[1]))) in named or v[0] in named]


def _block_verbs(block: CameoBlock, result: Translation) -> list[tuple[str, str | None, str | None]]:
    verbs: list[tuple[str, str | None, str | None]] = []
    for verb in block.verbs:
        result.verbs += 1
        forms = _verb_forms(verb)
        if isinstance(forms, str):
            result.skipped["verb line: " + forms] += 1
            continue
        verbs.append((forms[0], forms[1], verb.code or block.code))
    return verbs


def _add(
    entries: dict[_Key, list[str]],
    taken: set[tuple[str, str | None, str]],
    lemma: str,
    reading: _Reading,
    code: str | None,
) -> bool:
    """Record one (verb, reading, code); a word another code took first keeps that code. Whether it added."""
    if code is None:
        return False
    words = reading.objects or ("",)
    fresh = [w for w in words if (lemma, reading.particle, w) not in taken]
    if not fresh:
        return False
    taken.update((lemma, reading.particle, w) for w in fresh)
    key = (lemma, reading.particle, code, reading.recipient_preps, reading.actor_preps)
    objects = entries.setdefault(key, [])
    objects.extend(w for w in fresh if w and w not in objects)
    return True


def _kept(
    lemma: str,
    particle: str | None,
    objects: list[str],
    event_type: str,
    *,
    exclude: Collection[tuple[str, str | None]],
    types: Collection[str] | None,
    bare: bool,
    stop: Collection[str],
) -> str | None:
    """Why an entry is left out by the caller's choice, or None when it is kept."""
    if (lemma, particle) in exclude:
        return "word of another pack (it wins)"
    if types is not None and event_type not in types:
        return f"type {event_type} not chosen"
    if not objects and not particle and not bare:
        return "verb alone, not chosen"
    if not objects and lemma in stop:
        return "common verb without an object"
    return None


def _entry(
    lemma: str,
    particle: str | None,
    code: str,
    objects: Iterable[str],
    recipients: tuple[str, ...],
    actors: tuple[str, ...],
    coded: tuple[str, str | None, str | None],
) -> TriggerModel:
    event_type, mode, context = coded
    return TriggerModel(
        lemma=lemma,
        pos="VERB",
        particle=particle,
        type=event_type,
        mode=mode,
        cameo=code,
        objects=list(objects),
        recipient_preps=list(recipients),
        actor_preps=list(actors),
        context=context,
    )
