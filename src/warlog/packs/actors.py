"""Actor data packs: the YAML schema, reading with `file:line` errors, and what an alias string means.

A pack is validated with pydantic when it is read. The happy path parses with libyaml's fast loader;
only when something is wrong is the file composed again to find the line of the faulty node, so a
large pack costs no more than its parse.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from warlog.errors import PackError
from warlog.model import ACTOR_KINDS
from warlog.packs.files import SafeLoader, describe, line_of, parse_yaml, read_text
from warlog.packs.validators import ID_PATTERN, check_country

__all__ = ["SafeLoader", "line_of"]  # re-exported for the readers of other YAML files

SUFFIX_PATTERN = r"^[a-z][a-z0-9-]*$"
NAME_FIELDS = ("demonym", "country")


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from e
    if len(value) != 10:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return value


def _check_kind(value: str) -> str:
    if value not in ACTOR_KINDS:
        raise ValueError(f"unknown kind {value!r}; valid kinds: {', '.join(ACTOR_KINDS)}")
    return value


def _check_surface_form(value: str) -> str:
    if not normalize_alias(value):
        raise ValueError(f"{value!r} is not a usable name (empty after normalization)")
    return value


SurfaceForm = Annotated[str, AfterValidator(_check_surface_form)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class AffiliationModel(_Strict):
    """A parent actor, optionally bounded in time."""

    id: str = Field(pattern=ID_PATTERN)
    valid_from: str | None = None
    valid_to: str | None = None

    _dates = field_validator("valid_from", "valid_to")(_check_date)

    @model_validator(mode="after")
    def _ordered(self) -> AffiliationModel:
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError(f"valid_from {self.valid_from} is after valid_to {self.valid_to}")
        return self


class ActorModel(_Strict):
    """One actor of a pack."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    kind: str
    country: str | None = None
    cameo: str | None = Field(default=None, pattern=r"^[A-Z0-9~-]+$")
    aliases: list[SurfaceForm] = []
    demonyms: list[SurfaceForm] = []
    metonyms: list[SurfaceForm] = []
    parents: list[AffiliationModel] = []

    _kind = field_validator("kind")(_check_kind)

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        return check_country(value)


class AgentModel(_Strict):
    """Generic nouns ("rebels", "troops") that denote an actor once scoped to a country."""

    nouns: list[SurfaceForm] = Field(min_length=1)
    kind: str
    suffix: str = Field(pattern=SUFFIX_PATTERN)
    name: str = Field(min_length=1)
    parent: str | None = Field(default=None, pattern=SUFFIX_PATTERN)

    _kind = field_validator("kind")(_check_kind)

    @field_validator("name")
    @classmethod
    def _template(cls, value: str) -> str:
        try:
            value.format(**{f: "x" for f in NAME_FIELDS})
        except (KeyError, IndexError, ValueError) as e:
            raise ValueError(f"name template {value!r} is invalid ({e}); it may use {{demonym}} and {{country}}") from e
        return value


class PackModel(_Strict):
    """A whole pack file."""

    pack: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    license: str | None = None
    source: str | None = None
    description: str | None = None
    actors: list[ActorModel] = []
    agents: list[AgentModel] = []


@dataclass(frozen=True, slots=True)
class RawPack:
    """A validated pack and the file it came from; `where(...)` gives the `file:line` of a node."""

    path: Path
    model: PackModel

    def where(self, *loc: str | int) -> str:
        """`path:line` of the node at `loc` (e.g. ("actors", 3, "parents", 0)), for error messages."""
        return f"{self.path}:{line_of(self.path.read_text(encoding='utf-8'), loc)}"


def read_pack(path: Path) -> RawPack:
    """Read and validate one pack file.

    Raises:
        PackError: the file cannot be read, is not YAML, or does not follow the pack schema;
            the message starts with `path:line:`.
    """
    text = read_text(path)
    data = parse_yaml(path, text)
    if not isinstance(data, dict):
        raise PackError(f"{path}:1: a pack is a mapping with keys pack, version, actors, agents")
    try:
        model = PackModel.model_validate(data)
    except ValidationError as e:
        raise PackError(describe(path, text, e)) from e
    return RawPack(path, model)


_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"',
        "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ", "-": " ", "_": " ",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _SPACES.sub(" ", text).strip()
    return _LEADING_THE.sub("", text).rstrip(".").strip()


def normalize_alias(text: str) -> str:
    """The key a surface form is looked up by: case-folded, "the " and a final "." dropped,
    curly quotes straightened, hyphens, dashes and underscores read as spaces, whitespace collapsed.

    >>> normalize_alias("  The  Islamic\u2013State.")
    'islamic state'
    """
    return _clean(text).casefold()


def acronym_key(text: str) -> str:
    """The case-sensitive key of a short all-caps form: dots dropped, case kept ("I.S." -> "IS")."""
    return _SPACES.sub(" ", _clean(text).replace(".", "")).strip()


def is_case_sensitive(alias: str) -> bool:
    """Whether an alias is an acronym that must match case-sensitively: letters all upper case and at
    most five of them ("IS", "U.S.", "NDF", "ISWAP"), so that "is" and "us" never match."""
    return alias.isupper() and sum(c.isalpha() for c in alias) <= 5


try:
    from yaml import CSafeDumper as SafeDumper
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper  # type: ignore[assignment]  # the pure-Python class of the same interface


def dump_pack(model: PackModel, *, header: str = "") -> str:
    """YAML text of a pack (absent fields left out, lists of names on one line), after `header`
    written as comment lines."""
    data = model.model_dump(exclude_defaults=True)
    data = {"pack": model.pack, "version": model.version, **data}
    comments = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    body = yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
    return comments + body
