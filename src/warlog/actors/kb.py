"""The actor knowledge base: actors, their names and affiliations, loaded from validated data packs.

Built-in packs (warlog/data/packs/actors/*.yaml) load first, then the user's packs, which override
built-in actors with the same id. An id `<iso3>.<suffix>` that no pack defines but whose country is a
state and whose suffix is an agent's ("syr.reb", "fra.cop") names a scoped agent, synthesized on demand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from warlog.errors import PackError
from warlog.packs.actors import (
    ActorModel,
    AgentModel,
    RawPack,
    acronym_key,
    is_case_sensitive,
    normalize_alias,
    read_pack,
)

__all__ = [
    "AgentSpec",
    "AliasHit",
    "Affiliation",
    "Explanation",
    "KBActor",
    "KnowledgeBase",
    "PackInfo",
    "builtin_packs_dir",
    "normalize_alias",
]

FORMS = ("name", "alias", "demonym", "metonym")


@dataclass(frozen=True, slots=True)
class Affiliation:
    """Membership of an actor in a parent actor, optionally bounded by ISO dates (inclusive)."""

    parent: str
    valid_from: str | None = None
    valid_to: str | None = None

    def holds_on(self, on: str | None) -> bool:
        """Whether the affiliation holds on ISO date `on` (always, when `on` is None)."""
        if on is None:
            return True
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True, slots=True)
class KBActor:
    """An actor of the knowledge base."""

    id: str
    name: str
    kind: str
    country: str | None
    cameo: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]
    parents: tuple[Affiliation, ...]
    pack: str


@dataclass(frozen=True, slots=True)
class AgentSpec:
    """Generic nouns that denote an actor once scoped to a country: "rebels" in Syria is `syr.reb`."""

    nouns: tuple[str, ...]
    kind: str
    suffix: str
    name: str  # template with {demonym} and {country}, e.g. "{demonym} rebels"
    pack: str
    parent: str | None = None  # suffix of the scoped parent ("gov"); None: the country's state


@dataclass(frozen=True, slots=True)
class AliasHit:
    """A surface form of an actor: its name, an alias, a demonym or a metonym."""

    actor_id: str
    alias: str
    form: str  # one of FORMS
    case_sensitive: bool
    pack: str


@dataclass(frozen=True, slots=True)
class PackInfo:
    """A loaded pack."""

    name: str
    version: str
    path: Path
    actors: int


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a name resolves to an actor: the form that matched, where the actor comes from, its ancestry."""

    actor: KBActor
    alias: str
    form: str  # one of FORMS, or "id" when the name is the actor's id
    pack: str
    path: Path | None
    ancestors: tuple[str, ...]


def builtin_packs_dir() -> Path:
    """The folder of warlog's built-in actor packs."""
    return Path(str(resources.files("warlog") / "data" / "packs" / "actors"))


def _pack_files(folder: Path) -> list[Path]:
    actors = folder / "actors"
    return sorted((actors if actors.is_dir() else folder).glob("*.yaml"))


class KnowledgeBase:
    """Actors, agents and their surface forms, from one or more packs."""

    __slots__ = ("packs", "version", "_actors", "_agents", "_agent_cache", "_suffixes", "_folded", "_exact", "_paths")

    def __init__(self, actors: Iterable[KBActor], agents: Iterable[AgentSpec], packs: Iterable[PackInfo]):
        self.packs: tuple[PackInfo, ...] = tuple(packs)
        self.version = "+".join(f"{p.name}@{p.version}" for p in self.packs)
        self._paths = {p.name: p.path for p in self.packs}
        self._actors = {a.id: a for a in actors}
        self._agents: dict[str, AgentSpec] = {}
        self._agent_cache: dict[str, AgentSpec | None] = {}
        self._suffixes: dict[str, AgentSpec] = {}
        for spec in agents:
            self._suffixes[spec.suffix] = spec  # a later pack's spec replaces an earlier one
        for spec in self._suffixes.values():
            for noun in spec.nouns:
                self._agents[normalize_alias(noun)] = spec
        self._folded: dict[str, list[AliasHit]] = {}
        self._exact: dict[str, list[AliasHit]] = {}
        for hit, key in self._surface_forms():
            (self._exact if hit.case_sensitive else self._folded).setdefault(key, []).append(hit)

    @classmethod
    def load(cls, *, packs_dir: Path | None = None, builtin: bool = True) -> KnowledgeBase:
        """The built-in packs (unless `builtin` is False), then the packs in `packs_dir`
        (`packs_dir/actors/*.yaml`, or `packs_dir/*.yaml`), whose actors override built-ins by id.

        Raises:
            PackError: a pack is malformed, an id is defined twice at the same level, or a parent
                is unknown; the message starts with `file:line:`.
        """
        levels = [_pack_files(builtin_packs_dir())] if builtin else []
        if packs_dir is not None:
            levels.append(_pack_files(Path(packs_dir)))
        return cls._assemble(levels)

    @classmethod
    def from_packs(cls, paths: Iterable[Path]) -> KnowledgeBase:
        """A knowledge base of exactly these pack files (no built-ins); ids must be unique across them.

        Raises:
            PackError: as for `load`.
        """
        return cls._assemble([[Path(p) for p in paths]])

    @classmethod
    def _assemble(cls, levels: list[list[Path]]) -> KnowledgeBase:
        raws = [[read_pack(path) for path in level] for level in levels]
        chosen: dict[str, tuple[RawPack, int]] = {}
        agents: list[AgentSpec] = []
        for level in raws:
            defined: dict[str, tuple[RawPack, int]] = {}
            for raw in level:
                for index, actor in enumerate(raw.model.actors):
                    if actor.id in defined:
                        first, first_index = defined[actor.id]
                        raise PackError(
                            f"{raw.where('actors', index, 'id')}: actor id {actor.id!r} is already "
                            f"defined at {first.where('actors', first_index, 'id')}; ids must be unique "
                            "(a user pack may override a built-in id)"
                        )
                    defined[actor.id] = (raw, index)
                agents.extend(_agent(a, raw.model.pack) for a in raw.model.agents)
            chosen.update(defined)
        actors = [_actor(raw.model.actors[index], raw.model.pack) for raw, index in chosen.values()]
        packs = [
            PackInfo(raw.model.pack, raw.model.version, raw.path, len(raw.model.actors))
            for level in raws
            for raw in level
        ]
        kb = cls(actors, agents, packs)
        for raw, index in chosen.values():
            for p_index, parent in enumerate(raw.model.actors[index].parents):
                if kb.get(parent.id) is None:
                    raise PackError(
                        f"{raw.where('actors', index, 'parents', p_index)}: unknown parent "
                        f"{parent.id!r} of {raw.model.actors[index].id!r}: no loaded pack defines it"
                    )
        return kb

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[KBActor]:
        return iter(self._actors.values())

    def get(self, actor_id: str) -> KBActor | None:
        """The actor with this id (a scoped agent id such as "fra.reb" is synthesized), or None."""
        actor = self._actors.get(actor_id)
        if actor is not None:
            return actor
        iso3, _, suffix = actor_id.partition(".")
        spec = self._suffixes.get(suffix)
        if spec is not None and self.state(iso3) is not None:
            return self.scoped_agent(spec, iso3)
        return None

    def state(self, iso3: str) -> KBActor | None:
        """The state actor of an ISO 3166 alpha-3 code (either case), or None."""
        actor = self._actors.get(iso3.lower())
        return actor if actor is not None and actor.kind == "state" else None

    def lookup(self, text: str) -> tuple[AliasHit, ...]:
        """The actors a surface form may name, best form first (name, alias, demonym, metonym).

        Matching ignores case, a leading "the", quote styles, hyphens and spacing; acronyms of up to
        five capitals ("IS", "U.S.") match only in capitals, with or without dots.
        """
        hits = self._folded.get(normalize_alias(text), []) + self._exact.get(acronym_key(text), [])
        best: dict[str, AliasHit] = {}
        for hit in sorted(hits, key=lambda h: FORMS.index(h.form)):
            best.setdefault(hit.actor_id, hit)
        return tuple(sorted(best.values(), key=lambda h: (FORMS.index(h.form), h.actor_id)))

    def aliases(self) -> Iterator[AliasHit]:
        """Every (surface form, actor) pair: the input of a phrase matcher. Variants that look up
        alike ("IS" and "I.S.") are all listed, since they tokenize differently."""
        return (hit for hit, _ in self._surface_forms())

    def _surface_forms(self) -> Iterator[tuple[AliasHit, str]]:
        for actor in self._actors.values():
            seen: set[str] = set()
            forms = [(actor.name, "name")]
            forms += [(a, "alias") for a in actor.aliases]
            forms += [(d, "demonym") for d in actor.demonyms]
            forms += [(m, "metonym") for m in actor.metonyms]
            for text, form in forms:
                sensitive = is_case_sensitive(text)
                key = acronym_key(text) if sensitive else normalize_alias(text)
                if text not in seen:
                    seen.add(text)
                    yield AliasHit(actor.id, text, form, sensitive, actor.pack), key

    def agent(self, noun: str) -> AgentSpec | None:
        """The agent spec of a generic noun, singular or plural ("rebel", "Rebels"), or None."""
        try:
            return self._agent_cache[noun]
        except KeyError:  # the linker asks for every noun of every document: remember the answers
            found = self._agent_cache[noun] = self._agents.get(normalize_alias(noun))
            return found

    def agents(self) -> tuple[AgentSpec, ...]:
        """Every agent spec, one per suffix."""
        return tuple(self._suffixes.values())

    def scoped_agent(self, spec: AgentSpec, country: str) -> KBActor:
        """The actor `spec` denotes in `country` (ISO alpha-3): a pack's own actor with the id
        `<iso3>.<suffix>` when there is one (e.g. syr.reb), else one synthesized from the template.

        Raises:
            ValueError: no state actor has this country code.
        """
        iso = country.lower()
        actor_id = f"{iso}.{spec.suffix}"
        if actor_id in self._actors:
            return self._actors[actor_id]
        state = self.state(iso)
        if state is None:
            raise ValueError(f"unknown country {country!r}: no state actor has this ISO 3166 alpha-3 code")
        demonym = state.demonyms[0] if state.demonyms else state.name
        name = spec.name.format(demonym=demonym, country=state.name)
        parent = iso if spec.parent is None else f"{iso}.{spec.parent}"
        return KBActor(actor_id, name, spec.kind, iso.upper(), None, (), (), (), (Affiliation(parent),), spec.pack)

    def ancestors(self, actor_id: str, *, on: str | None = None) -> tuple[str, ...]:
        """The actor's parents, their parents and so on, nearest first, without repeats or cycles;
        only affiliations that hold on ISO date `on` when it is given."""
        found: list[str] = []
        frontier = [actor_id]
        seen = {actor_id}
        while frontier:
            following = []
            for current in frontier:
                actor = self.get(current)
                for link in actor.parents if actor is not None else ():
                    if link.parent not in seen and link.holds_on(on):
                        seen.add(link.parent)
                        found.append(link.parent)
                        following.append(link.parent)
            frontier = following
        return tuple(found)

    def explain(self, name: str) -> list[Explanation]:
        """Every actor `name` may denote (as an id or a surface form), with the form that matched,
        its pack and file, and its ancestors: what `warlog kb show NAME` prints."""
        found: list[Explanation] = []
        by_id = self.get(name.strip())
        if by_id is not None:
            found.append(self._explanation(by_id, name.strip(), "id"))
        for hit in self.lookup(name):
            if by_id is None or hit.actor_id != by_id.id:
                found.append(self._explanation(self._actors[hit.actor_id], hit.alias, hit.form))
        return found

    def _explanation(self, actor: KBActor, alias: str, form: str) -> Explanation:
        return Explanation(actor, alias, form, actor.pack, self._paths.get(actor.pack), self.ancestors(actor.id))


def _actor(model: ActorModel, pack: str) -> KBActor:
    return KBActor(
        id=model.id,
        name=model.name,
        kind=model.kind,
        country=model.country,
        cameo=model.cameo,
        aliases=tuple(model.aliases),
        demonyms=tuple(model.demonyms),
        metonyms=tuple(model.metonyms),
        parents=tuple(Affiliation(p.id, p.valid_from, p.valid_to) for p in model.parents),
        pack=pack,
    )


def _agent(model: AgentModel, pack: str) -> AgentSpec:
    return AgentSpec(tuple(model.nouns), model.kind, model.suffix, model.name, pack, model.parent)
