"""The event ontology and its trigger lexicon, read from data packs.

The ontology pack (`data/packs/events/plover.yaml`) defines the PLOVER event types and modes with their
CAMEO defaults, the ACLED taxonomy and the CASE-2021 labels. Trigger packs (`triggers.yaml`, and user
packs in `packs_dir/events/*.yaml`) map lemmas to event types; a user trigger overrides a built-in one
with the same (lemma, pos, particle). Packs are validated when read and fail with `file:line: problem`.

Event types, modes and the code tables come from the built-in ontology pack alone: a user pack adds or
overrides triggers, never types. So `builtin_ontology()` (the built-in packs, read once) is the default
of whatever has no pipeline at hand (the code tables of warlog.events.codes, the store's checks of a
correction, the API's list of types); the pipeline passes its own loaded Ontology to its components.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypedDict

from warlog.errors import PackError
from warlog.packs.triggers import (
    OntologyPackModel,
    PackSource,
    TriggerModel,
    TriggerPackModel,
    TypeModel,
    read_events_pack,
)

POS = ("VERB", "NOUN")
Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Mode:
    """A mode of an event type: how it happened (ASSAULT aerial) or what it is about (THREATEN arrest)."""

    name: str
    description: str
    cameo: str
    acled: tuple[Pair, ...] = ()  # ACLED sub-event types it codes to, the default first


@dataclass(frozen=True, slots=True)
class EventType:
    """A PLOVER event type."""

    name: str
    quad: str
    description: str
    modes: tuple[str, ...]
    cameo: str  # the default CAMEO code
    cameo_roots: tuple[str, ...] = ()
    requires_recipient: bool = False
    acled: tuple[Pair, ...] = ()
    mode_table: tuple[Mode, ...] = ()

    def mode(self, name: str) -> Mode:
        """The mode called `name`.

        Raises:
            KeyError: this type has no such mode; the message lists its modes.
        """
        for mode in self.mode_table:
            if mode.name == name:
                return mode
        valid = ", ".join(self.modes) or "none"
        raise KeyError(f"{name!r} is not a mode of {self.name}; its modes: {valid}")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word (or multiword lemma) that reports an event of a type."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    acled: Pair | None
    cameo: str | None
    particle: str | None
    recipient_preps: tuple[str, ...]
    words: int
    actor_preps: tuple[str, ...] = ()
    needs_object: bool = False
    objects: tuple[str, ...] = ()  # lemmas; when given, the trigger counts only with such an object
    subjects: tuple[str, ...] = ()  # lemmas; when given, the trigger counts only with such a subject
    attributive: bool = False  # only as a hyphenated participle before its recipient: "Iran-backed militias"
    context: str | None = None
    pack: str | None = None

    @property
    def key(self) -> tuple[str, str, str | None, bool]:
        """The word family a trigger reads: (lemma, pos, particle, attributive). A user pack's triggers of
        a family replace all the built-in ones of that family."""
        return (self.lemma, self.pos, self.particle, self.attributive)

    @property
    def identity(self) -> tuple[str, str, str | None, bool, tuple[str, ...]]:
        """What makes a trigger unique in a pack level: its family and its object and subject lemmas (a verb
        may code one type with some objects and another with others, as the CAMEO verb dictionary has it)."""
        return (*self.key, tuple(sorted(self.objects + self.subjects)))

    @property
    def is_phrase(self) -> bool:
        """Whether the lemma is several tokens: several words, or a hyphenated word."""
        return self.words > 1 or "-" in self.lemma


@dataclass(frozen=True, slots=True)
class AcledCode:
    """An ACLED event type and sub-event type, with its CASE-2021 task 2 label."""

    event_type: str
    sub_event_type: str
    case: str


@dataclass(frozen=True, slots=True)
class LegacyAcled:
    """An ACLED event type of the pre-2019 exports and what it became."""

    name: str
    event_types: tuple[str, ...]
    sub_event_type: str | None


def builtin_packs_dir() -> Path:
    """The folder of warlog's built-in event packs."""
    return Path(str(resources.files("warlog") / "data" / "packs" / "events"))


class Ontology:
    """Event types, ACLED and CASE code tables, and the trigger lexicon."""

    __slots__ = (
        "version",
        "types",
        "quads",
        "contexts",
        "acled",
        "acled_legacy",
        "case_unseen",
        "lexicon",
        "_types",
        "_index",
        "_phrases",
    )

    def __init__(
        self,
        *,
        version: str,
        types: Iterable[EventType],
        quads: Iterable[str],
        contexts: Iterable[str],
        acled: Iterable[AcledCode],
        acled_legacy: Iterable[LegacyAcled],
        case_unseen: Iterable[str],
        triggers: Iterable[Trigger],
    ) -> None:
        self.version = version
        self.types: tuple[EventType, ...] = tuple(types)
        self.quads: tuple[str, ...] = tuple(quads)
        self.contexts: tuple[str, ...] = tuple(contexts)
        self.acled: tuple[AcledCode, ...] = tuple(acled)
        self.acled_legacy: tuple[LegacyAcled, ...] = tuple(acled_legacy)
        self.case_unseen: tuple[str, ...] = tuple(case_unseen)
        self.lexicon: tuple[Trigger, ...] = tuple(triggers)
        self._types = {t.name: t for t in self.types}
        index: dict[tuple[str, str], list[Trigger]] = {}
        for trigger in self.lexicon:
            if not trigger.is_phrase:
                index.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
        # with a particle last (the extractor prefers one that is there); with objects before without
        # (the specific reading first: "sign" + agreement before a bare "sign")
        self._index = {
            key: tuple(sorted(ts, key=lambda t: (t.particle or "", not (t.objects or t.subjects))))
            for key, ts in index.items()
        }
        phrases = (t for t in self.lexicon if t.is_phrase)
        self._phrases = tuple(sorted(phrases, key=lambda t: (-t.words, t.lemma, not (t.objects or t.subjects))))

    @classmethod
    def load(cls, *, packs_dir: Path | None = None) -> Ontology:
        """The built-in packs, then the trigger packs in `packs_dir/events/*.yaml`, whose triggers
        extend the lexicon or override built-in ones with the same (lemma, pos, particle).

        Raises:
            PackError: a pack is malformed, names an unknown type, mode, ACLED pair or context,
                defines a trigger twice at the same level, or a user pack defines event types;
                the message starts with `file:line:`.
        """
        levels = [sorted(builtin_packs_dir().glob("*.yaml"))]
        if packs_dir is not None:
            levels.append(sorted((Path(packs_dir) / "events").glob("*.yaml")))
        return cls._assemble(levels)

    @classmethod
    def from_packs(cls, paths: Iterable[Path]) -> Ontology:
        """An ontology of exactly these pack files (no built-ins): one ontology pack (with `types`)
        and any trigger packs, whose triggers must be unique across them.

        Raises:
            PackError: as for `load`, or there is not exactly one ontology pack.
        """
        return cls._assemble([[Path(p) for p in paths]])

    @classmethod
    def _assemble(cls, levels: list[list[Path]]) -> Ontology:
        read = [[read_events_pack(path, types=not number) for path in level] for number, level in enumerate(levels)]
        ontologies = [
            (source, model) for level in read for source, model in level if isinstance(model, OntologyPackModel)
        ]
        if len(ontologies) != 1:
            where = ", ".join(str(source.path) for source, _ in ontologies) or "none of the packs read"
            raise PackError(
                f"{where}:1: exactly one pack must define the event types (`types`), found {len(ontologies)}"
            )
        source, model = ontologies[0]
        tables = _Tables(source, model)
        chosen: dict[tuple[str, str, str | None, bool], list[Trigger]] = {}
        for level in read:
            defined: dict[tuple[str, str, str | None, bool, tuple[str, ...]], tuple[PackSource, int]] = {}
            families: dict[tuple[str, str, str | None, bool], list[Trigger]] = {}
            for pack_source, pack in level:
                if not isinstance(pack, TriggerPackModel):
                    continue
                for index, entry in enumerate(pack.triggers):
                    trigger = tables.trigger(pack_source, index, entry, pack.pack)
                    if trigger.identity in defined:
                        first, first_index = defined[trigger.identity]
                        raise PackError(
                            f"{pack_source.where('triggers', index, 'lemma')}: trigger {_show(trigger)} is already "
                            f"defined at {first.where('triggers', first_index, 'lemma')}; a trigger is unique by "
                            "(lemma, pos, particle, objects) (a user pack may override a built-in one)"
                        )
                    defined[trigger.identity] = (pack_source, index)
                    families.setdefault(trigger.key, []).append(trigger)
            chosen.update(families)  # a user pack's family replaces the built-in one, whatever its objects
        version = "+".join(f"{pack.pack}@{pack.version}" for level in read for _, pack in level)
        triggers = [trigger for family in chosen.values() for trigger in family]
        return cls(version=version, triggers=triggers, **tables.fields())

    def __len__(self) -> int:
        return len(self.lexicon)

    def type(self, name: str) -> EventType:
        """The event type called `name` (upper case, e.g. ASSAULT).

        Raises:
            KeyError: no such type; the message lists the valid names.
        """
        try:
            return self._types[name]
        except KeyError:
            raise KeyError(f"unknown event type {name!r}; valid types: {', '.join(self._types)}") from None

    def quad(self, type_name: str) -> str:
        """The quad class of an event type (verbal_cooperation, ..., material_conflict)."""
        return self.type(type_name).quad

    def triggers(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        """The single-word triggers of a lemma (matched lower-case) as a VERB or NOUN; those without a
        particle first, then those that apply only with their particle."""
        return self._index.get((lemma.lower(), pos), ())

    def phrases(self) -> tuple[Trigger, ...]:
        """The multiword (and hyphenated) triggers, longest first, for a phrase matcher over lemmas."""
        return self._phrases


@cache
def builtin_ontology() -> Ontology:
    """The built-in ontology, read once: the default where no pipeline is at hand. Types, modes and code
    tables do not change with user packs, so code mapping (warlog.events.codes) and the store's checks
    use this one; a pipeline uses the Ontology it loaded (`Pipeline.ontology`), with the user's triggers."""
    return Ontology.load()


def _show(trigger: Trigger | TriggerModel) -> str:
    particle = f" + {trigger.particle!r}" if trigger.particle else ""
    return f"{trigger.lemma!r} {trigger.pos}{particle}"


class _TableFields(TypedDict):
    """The Ontology constructor's table arguments."""

    types: list[EventType]
    quads: list[str]
    contexts: list[str]
    acled: list[AcledCode]
    acled_legacy: list[LegacyAcled]
    case_unseen: list[str]


class _Tables:
    """The ontology pack's tables, and checks of triggers against them."""

    def __init__(self, source: PackSource, model: OntologyPackModel) -> None:
        self.source = source
        self.model = model
        self.pairs = {(t.event_type, s.name) for t in model.acled for s in t.sub_event_types}
        self.subtypes = {t.event_type: [s.name for s in t.sub_event_types] for t in model.acled}
        self._check()
        self.types = {t.name: t for t in model.types}

    def fields(self) -> _TableFields:
        """The Ontology constructor's table arguments."""
        model = self.model
        return {
            "types": [_event_type(t) for t in model.types],
            "quads": model.quads,
            "contexts": model.contexts,
            "acled": [AcledCode(t.event_type, s.name, s.case) for t in model.acled for s in t.sub_event_types],
            "acled_legacy": [LegacyAcled(x.name, tuple(x.event_types), x.sub_event_type) for x in model.acled_legacy],
            "case_unseen": model.case_unseen,
        }

    def _fail(self, loc: tuple[str | int, ...], message: str) -> PackError:
        return PackError(f"{self.source.where(*loc)}: {message}")

    def pair_problem(self, pair: Pair) -> str | None:
        """Why an ACLED pair is invalid, or None."""
        event_type, sub_event_type = pair
        if event_type not in self.subtypes:
            return f"unknown ACLED event type {event_type!r}; valid: {', '.join(self.subtypes)}"
        if pair not in self.pairs:
            valid = ", ".join(self.subtypes[event_type])
            return f"{sub_event_type!r} is not a sub-event type of {event_type!r}; valid: {valid}"
        return None

    def _check(self) -> None:
        model = self.model
        cases: dict[str, tuple[str | int, ...]] = {}
        for t_index, acled in enumerate(model.acled):
            for s_index, sub in enumerate(acled.sub_event_types):
                loc = ("acled", t_index, "sub_event_types", s_index, "case")
                if sub.case in cases or sub.case in model.case_unseen:
                    raise self._fail(loc, f"CASE label {sub.case!r} is used twice")
                cases[sub.case] = loc
        for l_index, legacy in enumerate(model.acled_legacy):
            for legacy_type in legacy.event_types:
                if legacy_type not in self.subtypes:
                    raise self._fail(
                        ("acled_legacy", l_index, "event_types"), f"unknown ACLED event type {legacy_type!r}"
                    )
            if legacy.sub_event_type and (legacy.event_types[0], legacy.sub_event_type) not in self.pairs:
                raise self._fail(
                    ("acled_legacy", l_index, "sub_event_type"),
                    f"{legacy.sub_event_type!r} is not a sub-event type of {legacy.event_types[0]!r}",
                )
        names: set[str] = set()
        for index, event_type in enumerate(model.types):
            if event_type.name in names:
                raise self._fail(("types", index, "name"), f"event type {event_type.name!r} is defined twice")
            names.add(event_type.name)
            if event_type.quad not in model.quads:
                raise self._fail(
                    ("types", index, "quad"), f"unknown quad class {event_type.quad!r}; valid: {', '.join(model.quads)}"
                )
            self._check_pairs(("types", index, "acled"), event_type.acled)
            modes: set[str] = set()
            for m_index, mode in enumerate(event_type.modes):
                if mode.name in modes:
                    raise self._fail(("types", index, "modes", m_index, "name"), f"mode {mode.name!r} is defined twice")
                modes.add(mode.name)
                self._check_pairs(("types", index, "modes", m_index, "acled"), mode.acled)

    def _check_pairs(self, loc: tuple[str | int, ...], pairs: Iterable[Pair]) -> None:
        for p_index, pair in enumerate(pairs):
            problem = self.pair_problem(pair)
            if problem:
                raise self._fail((*loc, p_index), problem)

    def trigger(self, source: PackSource, index: int, entry: TriggerModel, pack: str) -> Trigger:
        """A validated Trigger from a pack entry."""

        def fail(key: str, message: str) -> PackError:
            return PackError(f"{source.where('triggers', index, key)}: {_show(entry)}: {message}")

        event_type = self.types.get(entry.type)
        if event_type is None:
            raise fail("type", f"unknown event type {entry.type!r}; valid types: {', '.join(self.types)}")
        modes = [m.name for m in event_type.modes]
        if entry.mode is not None and entry.mode not in modes:
            valid = ", ".join(modes) if modes else "none (leave mode out)"
            raise fail("mode", f"{entry.mode!r} is not a mode of {entry.type}; its modes: {valid}")
        if entry.acled is not None and (problem := self.pair_problem(entry.acled)):
            raise fail("acled", problem)
        if entry.context is not None and entry.context not in self.model.contexts:
            raise fail("context", f"unknown context {entry.context!r}; valid: {', '.join(self.model.contexts)}")
        if entry.particle is not None and entry.pos != "VERB":
            raise fail("particle", "only a VERB takes a particle")
        return Trigger(
            lemma=entry.lemma,
            pos=entry.pos,
            type=entry.type,
            mode=entry.mode,
            acled=entry.acled,
            cameo=entry.cameo,
            particle=entry.particle,
            recipient_preps=tuple(entry.recipient_preps),
            words=len(entry.lemma.split()),
            actor_preps=tuple(entry.actor_preps),
            needs_object=entry.needs_object or bool(entry.objects),
            objects=tuple(entry.objects),
            subjects=tuple(entry.subjects),
            attributive=entry.attributive,
            context=entry.context,
            pack=pack,
        )


def _event_type(model: TypeModel) -> EventType:
    modes = tuple(Mode(m.name, m.description, m.cameo, tuple(m.acled)) for m in model.modes)
    return EventType(
        name=model.name,
        quad=model.quad,
        description=model.description,
        modes=tuple(m.name for m in modes),
        cameo=model.cameo,
        cameo_roots=tuple(model.cameo_roots),
        requires_recipient=model.requires_recipient,
        acled=tuple(model.acled),
        mode_table=modes,
    )
