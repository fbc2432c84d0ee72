"""Event packs: the YAML schema of the ontology pack and of trigger packs, read with `file:line` errors.

A pack with a `types` key is the ontology pack (plover.yaml); any other is a trigger pack. Fields are
checked here; names that refer to the ontology (types, modes, ACLED pairs, contexts) are checked by
`warlog.packs.ontology` once the ontology pack is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from warlog.errors import PackError
from warlog.packs.files import describe, line_of, parse_yaml, read_text

CAMEO_PATTERN = r"^[0-9]{2,4}$"
PACK_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_WORD = re.compile(r"^[a-z][a-z'-]*$")
_LEMMA = re.compile(r"^[a-z0-9]([a-z0-9' -]*[a-z0-9])?$")
_SPACES = re.compile(r"\s+")


def _check_word(value: str) -> str:
    if not _WORD.match(value):
        raise ValueError(f"{value!r} is not a lower-case word")
    return value


Word = Annotated[str, AfterValidator(_check_word)]
Pair = tuple[str, str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class _Header(_Strict):
    pack: str = Field(pattern=PACK_PATTERN)
    version: str = Field(min_length=1)
    license: str | None = None
    source: str | None = None
    description: str | None = None


class ModeModel(_Strict):
    """A mode of an event type."""

    name: str = Field(pattern=r"^[a-z][a-z-]*$")
    description: str = Field(min_length=1)
    cameo: str = Field(pattern=CAMEO_PATTERN)
    acled: list[Pair] = []


class TypeModel(_Strict):
    """An event type."""

    name: str = Field(pattern=r"^[A-Z][A-Z_]*$")
    quad: str
    description: str = Field(min_length=1)
    cameo_roots: list[Annotated[str, Field(pattern=r"^[0-9]{2}$")]] = Field(min_length=1)
    cameo: str = Field(pattern=CAMEO_PATTERN)
    requires_recipient: bool = False
    acled: list[Pair] = []
    modes: list[ModeModel] = []


class SubEventTypeModel(_Strict):
    """An ACLED sub-event type with its CASE-2021 label."""

    name: str = Field(min_length=1)
    case: str = Field(pattern=r"^[A-Z][A-Z_]*$")


class AcledTypeModel(_Strict):
    """An ACLED event type."""

    event_type: str = Field(min_length=1)
    sub_event_types: list[SubEventTypeModel] = Field(min_length=1)


class LegacyModel(_Strict):
    """An ACLED event type of the pre-2019 exports."""

    name: str = Field(min_length=1)
    event_types: list[str] = Field(min_length=1)
    sub_event_type: str | None = None


class OntologyPackModel(_Header):
    """The ontology pack."""

    quads: list[str] = Field(min_length=1)
    contexts: list[str] = []
    types: list[TypeModel] = Field(min_length=1)
    acled: list[AcledTypeModel] = []
    acled_legacy: list[LegacyModel] = []
    case_unseen: list[Annotated[str, Field(pattern=r"^[A-Z][A-Z_]*$")]] = []


class TriggerModel(_Strict):
    """One trigger of a trigger pack."""

    lemma: str
    pos: Literal["VERB", "NOUN"]
    particle: Word | None = None
    type: str
    mode: str | None = None
    acled: Pair | None = None
    cameo: str | None = Field(default=None, pattern=CAMEO_PATTERN)
    recipient_preps: list[Word] = []
    actor_preps: list[Word] = []
    needs_object: bool = False
    objects: list[Word] = []
    subjects: list[Word] = []
    attributive: bool = False
    context: str | None = None
    note: str | None = None

    @field_validator("lemma")
    @classmethod
    def _lemma(cls, value: str) -> str:
        lemma = _SPACES.sub(" ", value.strip().lower())
        if not _LEMMA.match(lemma):
            raise ValueError(f"{value!r} is not a lemma (letters, digits, spaces, hyphens and apostrophes)")
        return lemma


class TriggerPackModel(_Header):
    """A trigger pack."""

    triggers: list[TriggerModel] = []


@dataclass(frozen=True, slots=True)
class PackSource:
    """A pack file and its text; `where(...)` gives the `file:line` of a node, for error messages."""

    path: Path
    text: str

    def where(self, *loc: str | int) -> str:
        """`path:line` of the node at `loc` (e.g. "triggers", 3, "mode"), or of its nearest ancestor."""
        return f"{self.path}:{line_of(self.text, loc)}"


def read_events_pack(path: Path, *, types: bool = True) -> tuple[PackSource, OntologyPackModel | TriggerPackModel]:
    """Read and validate one event pack file (ontology or triggers, by whether it has `types`);
    with `types` False, only a trigger pack is accepted.

    Raises:
        PackError: the file cannot be read, is not YAML, or does not follow its schema; the message
            starts with `path:line:`.
    """
    text = read_text(path)
    data = parse_yaml(path, text)
    if not isinstance(data, dict):
        raise PackError(f"{path}:1: an event pack is a mapping with keys pack, version and triggers (or types)")
    source = PackSource(path, text)
    if "types" in data and not types:
        raise PackError(
            f"{source.where('types')}: only the built-in ontology defines event types; "
            "a user pack holds `triggers` only"
        )
    schema = OntologyPackModel if "types" in data else TriggerPackModel
    try:
        return source, schema.model_validate(data)
    except ValidationError as e:
        raise PackError(describe(path, text, e)) from e
