"""The English word lists of warlog's rules as data (data/packs/lexicon/*.yaml), read with `file:line` errors
like the other packs:

    TollWords    tolls.yaml    the words that make a count of people a casualty toll (warlog.events.tolls)
    CountWords   counts.yaml   vague quantities and bounds of a count, ACLED's conventions (warlog.events.numbers)
    RoleWords    roles.yaml    the words that tell whether a name acts or locates (warlog.actors.roles), and
                               the targets that make a violent trigger no violence (warlog.events.extract)
    ViolenceWords violence.yaml the weapons, targets and crowds that code an attack its trigger leaves open
                               (warlog.events.means)
    HazardWords  hazards.yaml  the disasters, accidents and crimes that are no conflict events
                               (warlog.events.happenings)

Each has `read(path)` and `builtin()`, the built-in file read once. They are the grammar's vocabulary, not
knowledge a user extends, so there are no user lexicon packs: the rule modules take the built-in lists
when they are imported (when the pipeline loads), and nothing is read when `warlog` is imported. A word is
lower case; a list holds a word once, and a word has one kind in a list by kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from warlog.errors import PackError
from warlog.packs.files import line_of, read_pack

Word = Annotated[str, Field(pattern=r"^[a-z][a-z.' -]*$")]  # "no one", "vs.", "a total of"
Words = list[Word]
TollKind = Literal["killed", "wounded", "captured", "missing"]
TargetClass = Literal[
    "contest",
    "rival",
    "economy",
    "speech",
    "law",
    "course",
    "cause",
    "cyber",
    "undertaking",
    "picture",
    "burden",
    "open_water",
]
AgentClass = Literal["text", "quantity", "audience", "law", "circumstance", "cyber", "show"]
SettingClass = Literal["speech", "outburst", "contest"]
WeaponClass = Literal[
    "aerial", "drone", "artillery", "explosive", "grenade", "suicide", "chemical", "firearms", "blades"
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class _Lexicon(_Strict):
    pack: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)


class _TollsModel(_Lexicon):
    verbs: dict[TollKind, Words]
    intransitive: Words
    state_words: dict[TollKind, Words]
    nouns: dict[TollKind, Words]
    of_nouns: dict[TollKind, Words]
    life_verbs: Words
    hostage_words: Words
    hostage_verbs: Words
    toll_nouns: Words
    counting_nouns: Words
    toll_counted: Words
    collective: Words
    not_people: Words
    comparison_cues: Words
    period_starts: Words
    period_nouns: Words
    attempts: Words
    wars: Words
    one_person: Words = Field(default_factory=list)


class _VaguePhrase(_Strict):
    words: Word
    min: int = Field(ge=0)
    max: int | None = Field(default=None, ge=0)


class _CountsModel(_Lexicon):
    vague_plurals: dict[Word, Annotated[int, Field(ge=1)]]
    vague: dict[Word, Annotated[int, Field(ge=1)]]
    vague_phrases: list[_VaguePhrase]
    zero: Words
    one: Words
    lower: Words
    upper: Words
    approximate: Words


class _RolesModel(_Lexicon):
    actor_prepositions: Words
    locative_prepositions: Words
    geographic_nouns: Words
    place_feature_nouns: Words
    motion_verbs: Words
    non_violent_targets: dict[TargetClass, Words]
    non_violent_agents: dict[AgentClass, Words] = Field(default_factory=dict)


class _ViolenceModel(_Lexicon):
    weapons: dict[WeaponClass, Words]
    reciprocal: Words
    blasts: Words
    figurative: Words
    violent_modifiers: Words
    armed_men: Words
    civilian_targets: Words
    armed_targets: Words
    crowd_actors: Words
    militia_actors: Words = Field(default_factory=list)
    unknown_men: Words = Field(default_factory=list)
    death_signs: Words = Field(default_factory=list)
    burned_in_protest: Words = Field(default_factory=list)
    thrown_in_protest: Words = Field(default_factory=list)
    protesters: Words = Field(default_factory=list)
    wrecked_in_protest: Words = Field(default_factory=list)
    violent_turn: Words = Field(default_factory=list)
    suppressed_protest: Words = Field(default_factory=list)
    figurative_settings: dict[SettingClass, Words] = Field(default_factory=dict)
    figurative_modifiers: Words = Field(default_factory=list)
    vote_words: Words = Field(default_factory=list)
    kin: Words = Field(default_factory=list)
    words_of_blame: Words = Field(default_factory=list)
    killing_verbs: Words = Field(default_factory=list)
    carried_out: Words = Field(default_factory=list)
    peaceful: Words = Field(default_factory=list)
    living_patients: Words = Field(default_factory=list)
    quarrels: Words = Field(default_factory=list)
    idioms: Words = Field(default_factory=list)


class _NamesModel(_Lexicon):
    female: Words
    male: Words


class _HazardsModel(_Lexicon):
    natural: Words
    natural_verbs: Words
    diseases: Words = Field(default_factory=list)
    mishaps: Words
    things: Words
    vehicles: Words
    accidents: Words
    crimes: Words
    criminals: Words
    contraband: Words
    seizures: Words
    arrests: Words


@dataclass(frozen=True, slots=True)
class TollWords:
    """The words of tolls.yaml; a mapping by kind is word -> kind ("kill" -> "killed")."""

    version: str
    verbs: dict[str, str]
    intransitive: frozenset[str]
    state_words: dict[str, str]
    nouns: dict[str, str]
    of_nouns: dict[str, str]
    life_verbs: frozenset[str]
    hostage_words: frozenset[str]
    hostage_verbs: frozenset[str]
    toll_nouns: frozenset[str]
    counting_nouns: frozenset[str]
    toll_counted: frozenset[str]
    collective: frozenset[str]
    not_people: frozenset[str]
    comparison_cues: frozenset[str]
    period_starts: frozenset[str]
    period_nouns: frozenset[str]
    attempts: frozenset[str]
    wars: frozenset[str]
    one_person: frozenset[str]

    @classmethod
    def read(cls, path: Path) -> TollWords:
        """Read and validate a tolls lexicon.

        Raises:
            PackError: the file cannot be read, is not YAML, does not follow the schema, lists a word twice
                or under two kinds (`path:line:`).
        """
        model, text = read_pack(path, _TollsModel, "a tolls lexicon")
        _check_unique(path, text, model)
        return cls(
            version=f"{model.pack}@{model.version}",
            verbs=_by_word(model.verbs),
            intransitive=frozenset(model.intransitive),
            state_words=_by_word(model.state_words),
            nouns=_by_word(model.nouns),
            of_nouns=_by_word(model.of_nouns),
            life_verbs=frozenset(model.life_verbs),
            hostage_words=frozenset(model.hostage_words),
            hostage_verbs=frozenset(model.hostage_verbs),
            toll_nouns=frozenset(model.toll_nouns),
            counting_nouns=frozenset(model.counting_nouns),
            toll_counted=frozenset(model.toll_counted),
            collective=frozenset(model.collective),
            not_people=frozenset(model.not_people),
            comparison_cues=frozenset(model.comparison_cues),
            period_starts=frozenset(model.period_starts),
            period_nouns=frozenset(model.period_nouns),
            attempts=frozenset(model.attempts),
            wars=frozenset(model.wars),
            one_person=frozenset(model.one_person),
        )

    @classmethod
    def builtin(cls) -> TollWords:
        """The built-in tolls lexicon (read once)."""
        return _builtin_tolls()


@dataclass(frozen=True, slots=True)
class CountWords:
    """The words of counts.yaml; the phrase lists keep their order (the first that matches wins)."""

    version: str
    vague_plurals: dict[str, int]
    vague: dict[str, int]
    vague_phrases: tuple[tuple[str, int, int | None], ...]  # (words, min, max)
    zero: tuple[str, ...]
    one: tuple[str, ...]
    lower: tuple[str, ...]
    upper: tuple[str, ...]
    approximate: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> CountWords:
        """Read and validate a counts lexicon.

        Raises:
            PackError: as for `TollWords.read`.
        """
        model, text = read_pack(path, _CountsModel, "a counts lexicon")
        _check_unique(path, text, model)
        for index, phrase in enumerate(model.vague_phrases):
            if phrase.max is not None and phrase.max < phrase.min:
                where = line_of(text, ("vague_phrases", index, "max"))
                raise PackError(f"{path}:{where}: vague_phrases.{index}.max: {phrase.max} is less than min")
        return cls(
            version=f"{model.pack}@{model.version}",
            vague_plurals=dict(model.vague_plurals),
            vague=dict(model.vague),
            vague_phrases=tuple((p.words, p.min, p.max) for p in model.vague_phrases),
            zero=tuple(model.zero),
            one=tuple(model.one),
            lower=tuple(model.lower),
            upper=tuple(model.upper),
            approximate=tuple(model.approximate),
        )

    @classmethod
    def builtin(cls) -> CountWords:
        """The built-in counts lexicon (read once)."""
        return _builtin_counts()


@dataclass(frozen=True, slots=True)
class RoleWords:
    """The words of roles.yaml."""

    version: str
    actor_prepositions: frozenset[str]
    locative_prepositions: frozenset[str]
    geographic_nouns: frozenset[str]
    place_feature_nouns: frozenset[str]
    motion_verbs: frozenset[str]
    non_violent_targets: dict[str, str]  # word -> class ("opponent" -> "rival")
    non_violent_agents: dict[str, str]  # word -> class ("tweet" -> "text")

    @classmethod
    def read(cls, path: Path) -> RoleWords:
        """Read and validate a roles lexicon.

        Raises:
            PackError: as for `TollWords.read`.
        """
        model, text = read_pack(path, _RolesModel, "a roles lexicon")
        _check_unique(path, text, model)
        return cls(
            version=f"{model.pack}@{model.version}",
            actor_prepositions=frozenset(model.actor_prepositions),
            locative_prepositions=frozenset(model.locative_prepositions),
            geographic_nouns=frozenset(model.geographic_nouns),
            place_feature_nouns=frozenset(model.place_feature_nouns),
            motion_verbs=frozenset(model.motion_verbs),
            non_violent_targets=_by_word(model.non_violent_targets),
            non_violent_agents=_by_word(model.non_violent_agents),
        )

    @classmethod
    def builtin(cls) -> RoleWords:
        """The built-in roles lexicon (read once)."""
        return _builtin_roles()


@dataclass(frozen=True, slots=True)
class ViolenceWords:
    """The words of violence.yaml; `weapons` maps a word (or words, space-separated) to its class."""

    version: str
    weapons: dict[str, str]
    reciprocal: tuple[str, ...]
    blasts: frozenset[str]
    figurative: frozenset[str]
    violent_modifiers: frozenset[str]
    armed_men: frozenset[str]
    civilian_targets: frozenset[str]
    armed_targets: frozenset[str]
    crowd_actors: frozenset[str]
    militia_actors: frozenset[str]
    unknown_men: frozenset[str]
    death_signs: frozenset[str]
    burned_in_protest: frozenset[str]
    thrown_in_protest: frozenset[str]
    protesters: frozenset[str]
    wrecked_in_protest: frozenset[str]
    violent_turn: frozenset[str]
    suppressed_protest: frozenset[str]
    figurative_settings: dict[str, str]  # word -> class ("tweet" -> "speech")
    figurative_modifiers: frozenset[str]
    vote_words: frozenset[str]
    kin: frozenset[str] = frozenset()
    words_of_blame: frozenset[str] = frozenset()
    killing_verbs: frozenset[str] = frozenset()
    carried_out: frozenset[str] = frozenset()
    peaceful: frozenset[str] = frozenset()
    living_patients: frozenset[str] = frozenset()
    quarrels: frozenset[str] = frozenset()
    idioms: tuple[str, ...] = ()

    @classmethod
    def read(cls, path: Path) -> ViolenceWords:
        """Read and validate a violence lexicon.

        Raises:
            PackError: as for `TollWords.read`.
        """
        model, text = read_pack(path, _ViolenceModel, "a violence lexicon")
        _check_unique(path, text, model)
        return cls(
            version=f"{model.pack}@{model.version}",
            weapons=_by_word(model.weapons),
            reciprocal=tuple(model.reciprocal),
            blasts=frozenset(model.blasts),
            figurative=frozenset(model.figurative),
            violent_modifiers=frozenset(model.violent_modifiers),
            armed_men=frozenset(model.armed_men),
            civilian_targets=frozenset(model.civilian_targets),
            armed_targets=frozenset(model.armed_targets),
            crowd_actors=frozenset(model.crowd_actors),
            militia_actors=frozenset(model.militia_actors),
            unknown_men=frozenset(model.unknown_men),
            death_signs=frozenset(model.death_signs),
            burned_in_protest=frozenset(model.burned_in_protest),
            thrown_in_protest=frozenset(model.thrown_in_protest),
            protesters=frozenset(model.protesters),
            wrecked_in_protest=frozenset(model.wrecked_in_protest),
            violent_turn=frozenset(model.violent_turn),
            suppressed_protest=frozenset(model.suppressed_protest),
            figurative_settings=_by_word(model.figurative_settings),
            figurative_modifiers=frozenset(model.figurative_modifiers),
            vote_words=frozenset(model.vote_words),
            kin=frozenset(model.kin),
            words_of_blame=frozenset(model.words_of_blame),
            killing_verbs=frozenset(model.killing_verbs),
            carried_out=frozenset(model.carried_out),
            peaceful=frozenset(model.peaceful),
            living_patients=frozenset(model.living_patients),
            quarrels=frozenset(model.quarrels),
            idioms=tuple(model.idioms),
        )

    @classmethod
    def builtin(cls) -> ViolenceWords:
        """The built-in violence lexicon (read once)."""
        return _builtin_violence()


@dataclass(frozen=True, slots=True)
class HazardWords:
    """The words of hazards.yaml (each list explained there)."""

    version: str
    natural: frozenset[str]
    natural_verbs: frozenset[str]
    diseases: frozenset[str]
    mishaps: frozenset[str]
    things: frozenset[str]
    vehicles: frozenset[str]
    accidents: frozenset[str]
    crimes: frozenset[str]
    criminals: frozenset[str]
    contraband: frozenset[str]
    seizures: frozenset[str]
    arrests: frozenset[str]

    @classmethod
    def read(cls, path: Path) -> HazardWords:
        """Read and validate a hazards lexicon.

        Raises:
            PackError: as for `TollWords.read`.
        """
        model, text = read_pack(path, _HazardsModel, "a hazards lexicon")
        _check_unique(path, text, model)
        lists = {name: frozenset(value) for name, value in model if isinstance(value, list)}
        return cls(version=f"{model.pack}@{model.version}", **lists)

    @classmethod
    def builtin(cls) -> HazardWords:
        """The built-in hazards lexicon (read once)."""
        return _builtin_hazards()


@dataclass(frozen=True, slots=True)
class GivenNames:
    """The given names of given_names.yaml by the gender they are most often borne with."""

    version: str
    female: frozenset[str]
    male: frozenset[str]

    @classmethod
    def read(cls, path: Path) -> GivenNames:
        """Read and validate a given-names list.

        Raises:
            PackError: as for `TollWords.read`.
        """
        model, text = read_pack(path, _NamesModel, "a given-names list")
        _check_unique(path, text, model)
        return cls(f"{model.pack}@{model.version}", frozenset(model.female), frozenset(model.male))

    @classmethod
    def builtin(cls) -> GivenNames:
        """The built-in given names (read once)."""
        return _builtin_names()

    def gender(self, name: str) -> str | None:
        """ "female", "male" or None for a full name by its first word ("Jane Roe" -> female)."""
        first = name.split()[0].lower().strip(".,") if name.split() else ""
        return "female" if first in self.female else "male" if first in self.male else None


def _by_word(
    by_kind: dict[TollKind, list[str]]
    | dict[TargetClass, list[str]]
    | dict[AgentClass, list[str]]
    | dict[SettingClass, list[str]]
    | dict[WeaponClass, list[str]],
) -> dict[str, str]:
    return {word: kind for kind, words in by_kind.items() for word in words}


def _check_unique(path: Path, text: str, model: BaseModel) -> None:
    """A word is listed once in a list, and under one kind in a list by kind."""
    for name, value in model:
        lists = value.items() if isinstance(value, dict) else [(None, value)]
        seen: dict[str, str | None] = {}
        for key, words in lists:
            if not isinstance(words, list):
                continue
            for index, word in enumerate(words):
                if not isinstance(word, str):
                    continue
                if word in seen:
                    loc = (name, index) if key is None else (name, key, index)
                    also = "" if seen[word] is None or seen[word] == key else f" (also under {seen[word]})"
                    raise PackError(f"{path}:{line_of(text, loc)}: {name}: {word!r} is listed twice{also}")
                seen[word] = key


def _builtin_path(name: str) -> Path:
    return Path(str(resources.files("warlog") / "data" / "packs" / "lexicon" / name))


@cache
def _builtin_tolls() -> TollWords:
    return TollWords.read(_builtin_path("tolls.yaml"))


@cache
def _builtin_counts() -> CountWords:
    return CountWords.read(_builtin_path("counts.yaml"))


@cache
def _builtin_roles() -> RoleWords:
    return RoleWords.read(_builtin_path("roles.yaml"))


@cache
def _builtin_violence() -> ViolenceWords:
    return ViolenceWords.read(_builtin_path("violence.yaml"))


@cache
def _builtin_hazards() -> HazardWords:
    return HazardWords.read(_builtin_path("hazards.yaml"))


@cache
def _builtin_names() -> GivenNames:
    return GivenNames.read(_builtin_path("given_names.yaml"))
