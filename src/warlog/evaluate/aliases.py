"""ACLED's actor names to knowledge-base ids, through the data pack `packs/eval/acled_actors.yaml`.

ACLED writes actors in normalised forms: "Military Forces of Ukraine (2019-)", "Protesters (India)",
"QSD: Syrian Democratic Forces", "Islamic State (West Africa) and/or Boko Haram - ...". A name
resolves, first hit wins, through:

1. the pack's exact `names`;
2. its `rules`, regular expressions tried in order: `{iso3}` in an id stands for the lower-case ISO
   alpha-3 code of the group `country` of the match, or of the row's country when the pattern has
   no such group;
3. the knowledge base's own aliases, tried on the full name ("Al Shabaab"), on the name without its
   trailing parentheses and on the two halves of "ABBR: Full Name"; hits in the row's country are
   preferred.

"A and/or B" resolves to the union of A and B. Only ids the knowledge base knows are returned, so a
rule that names an id no pack defines leaves the name unmapped rather than scoring against nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from warlog.actors.kb import KnowledgeBase
from warlog.errors import PackError
from warlog.packs.files import SafeLoader, line_of
from warlog.packs.validators import ID_PATTERN

TEMPLATE_ID = r"^(\{iso3\}|[a-z0-9][a-z0-9-]*)(\.[a-z0-9][a-z0-9-]*)*$"
_TRAILING_PARENS = re.compile(r"(\s*\([^()]*\))+\s*$")
_ABBREVIATED = re.compile(r"^(?P<abbr>[^:]{1,30}):\s+(?P<full>.+)$")


def builtin_alias_pack() -> Path:
    """The built-in ACLED actor alias pack."""
    return Path(str(resources.files("warlog") / "data" / "packs" / "eval" / "acled_actors.yaml"))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleModel(_Strict):
    pattern: str
    ids: list[str] = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as e:
            raise ValueError(f"not a regular expression: {e}") from e
        return value

    @field_validator("ids")
    @classmethod
    def _templates(cls, value: list[str]) -> list[str]:
        for item in value:
            if not re.match(TEMPLATE_ID, item):
                raise ValueError(f"{item!r} is not an actor id or an `{{iso3}}.suffix` template")
        return value


class AliasPackModel(_Strict):
    pack: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    description: str | None = None
    countries: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    rules: list[RuleModel] = []

    @field_validator("countries")
    @classmethod
    def _codes(cls, value: dict[str, str]) -> dict[str, str]:
        for name, code in value.items():
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise ValueError(f"country {name!r}: {code!r} is not an ISO alpha-3 code (e.g. COD)")
        return value

    @field_validator("names")
    @classmethod
    def _ids(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, ids in value.items():
            bad = [i for i in ids if not re.match(ID_PATTERN, i)]
            if bad or not ids:
                raise ValueError(f"name {name!r}: {bad or ids!r} is not a non-empty list of actor ids")
        return value


def read_alias_pack(path: Path) -> AliasPackModel:
    """Read and validate an alias pack.

    Raises:
        PackError: the file cannot be read or does not follow the schema; the message starts with
            `path:line:`.
    """
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise PackError(f"{path}:1: cannot read the alias pack: {' '.join(str(e).split())}") from e
    if not isinstance(data, dict):
        raise PackError(f"{path}:1: an alias pack is a mapping with keys pack, version, countries, names, rules")
    try:
        return AliasPackModel.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        loc = tuple(first["loc"])
        where = ".".join(str(p) for p in loc)
        message = first["msg"].removeprefix("Value error, ")
        raise PackError(f"{path}:{line_of(text, loc)}: {where}: {message}") from e


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    ids: tuple[str, ...]


class AliasTable:
    """Resolves ACLED actor names to knowledge-base ids."""

    def __init__(self, model: AliasPackModel, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.version = f"{model.pack}@{model.version}"
        self._countries = {name.casefold(): code.lower() for name, code in model.countries.items()}
        self._names = {name.casefold(): tuple(ids) for name, ids in model.names.items()}
        self._rules = tuple(_Rule(re.compile(rule.pattern), tuple(rule.ids)) for rule in model.rules)
        self._cache: dict[tuple[str, str | None], tuple[str, ...]] = {}

    @classmethod
    def load(cls, kb: KnowledgeBase, path: Path | None = None) -> AliasTable:
        """The table of the pack at `path` (default: the built-in pack) over `kb`.

        Raises:
            PackError: the pack is malformed.
        """
        return cls(read_alias_pack(path or builtin_alias_pack()), kb)

    def resolve(self, name: str, *, country: str | None = None) -> tuple[str, ...]:
        """The KB ids an ACLED actor name stands for (empty when unknown); `country` is the row's."""
        name = " ".join(name.split())
        if not name:
            return ()
        key = (name, country)
        if key not in self._cache:
            parts = [p.strip() for p in name.split(" and/or ")]
            found: dict[str, None] = {}
            for part in parts:
                found.update(dict.fromkeys(self._resolve_one(part, country)))
            self._cache[key] = tuple(found)
        return self._cache[key]

    def iso3(self, country: str | None) -> str | None:
        """The lower-case ISO alpha-3 code of a country name as ACLED writes it, or None."""
        if not country:
            return None
        name = re.sub(r"^the\s+", "", country.strip(), flags=re.IGNORECASE)
        if name.casefold() in self._countries:
            return self._countries[name.casefold()]
        for hit in self.kb.lookup(name):
            actor = self.kb.get(hit.actor_id)
            if actor is not None and actor.kind == "state":
                return actor.id
        try:
            return pycountry.countries.lookup(name).alpha_3.lower()
        except LookupError:
            return None

    def _resolve_one(self, name: str, country: str | None) -> tuple[str, ...]:
        exact = self._names.get(name.casefold())
        if exact is not None:
            return self._known(exact)
        for rule in self._rules:
            match = rule.pattern.search(name)
            if match is None:
                continue
            code = self.iso3(match.group("country") if "country" in rule.pattern.groupindex else country)
            ids = tuple(i.replace("{iso3}", code) if code else i for i in rule.ids if code or "{iso3}" not in i)
            return self._known(ids)
        return self._from_kb(name, self.iso3(country))

    def _from_kb(self, name: str, iso3: str | None) -> tuple[str, ...]:
        bare = _TRAILING_PARENS.sub("", name)
        candidates = [name, bare]
        abbreviated = _ABBREVIATED.match(bare)
        if abbreviated:
            candidates += [abbreviated["full"], abbreviated["abbr"]]
        for candidate in candidates:
            hits = [h.actor_id for h in self.kb.lookup(candidate)]
            if not hits:
                continue
            local = [i for i in hits if iso3 and (actor := self.kb.get(i)) and (actor.country or "").lower() == iso3]
            return tuple(local or hits[:3])
        return ()

    def _known(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(i for i in ids if self.kb.get(i) is not None)
