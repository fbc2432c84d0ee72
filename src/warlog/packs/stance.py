"""The stance pack: hedges and the author's stance markers as data (data/packs/claims/stance.yaml), read
with `file:line` errors like the other packs. What the claim finder does with them is warlog.claims.stance.

    StancePack.load(packs_dir=...)   the built-in pack, extended by the user's `packs_dir/stance/*.yaml`
    StancePack.read(path)            one pack file
    pack.hedges / pack.modals        hedging words and phrases; the modals count only as modal verbs
    pack.markers                     phrases that show the author endorsing, doubting or disputing
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from warlog.errors import PackError
from warlog.packs.files import read_pack

_PHRASE = r"^[a-z][a-z' -]*[a-z]$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class _MarkerModel(_Strict):
    stance: Literal["endorses", "doubts", "disputes"]
    where: Literal["cue", "next"]
    phrase: str = Field(pattern=_PHRASE)


class _PackModel(_Strict):
    pack: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    modals: list[str] = []
    hedges: list[str] = Field(min_length=1)
    markers: list[_MarkerModel] = []


@dataclass(frozen=True, slots=True)
class Marker:
    """A stance marker: the stance it shows, where it is looked for (`cue`: the attribution's sentence,
    `next`: the start of the next sentence), its phrase and the pattern that finds the phrase."""

    stance: str
    where: str
    phrase: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class StancePack:
    """The hedges and stance markers of one or more pack files."""

    version: str
    modals: frozenset[str]
    hedges: tuple[tuple[str, ...], ...]
    markers: tuple[Marker, ...]
    by_first_word: dict[str, tuple[tuple[str, ...], ...]]  # the hedges by their first word, longest first

    @classmethod
    def load(cls, *, packs_dir: Path | None = None) -> StancePack:
        """The built-in pack, then the user's stance packs in `packs_dir/stance/*.yaml` (name order),
        whose modals, hedges and markers are added to the built-in ones (markers after them).

        Raises:
            PackError: a pack is malformed (`path:line:`).
        """
        pack = _builtin()
        if packs_dir is not None:
            for path in sorted((Path(packs_dir) / "stance").glob("*.yaml")):
                pack = pack.extended(cls.read(path))
        return pack

    @classmethod
    def read(cls, path: Path) -> StancePack:
        """Read and validate a stance pack; a mistake raises PackError with `path:line:`."""
        model, _ = read_pack(path, _PackModel, "a stance pack")
        hedges = tuple(tuple(h.lower().split()) for h in model.hedges)
        if any(not words for words in hedges):
            raise PackError(f"{path}:1: hedges: an empty hedge")
        return cls._build(
            f"{model.pack}@{model.version}",
            frozenset(m.lower() for m in model.modals),
            hedges,
            tuple(Marker(m.stance, m.where, m.phrase, _pattern(m.phrase)) for m in model.markers),
        )

    def extended(self, other: StancePack) -> StancePack:
        """This pack with the modals, hedges and markers of `other` added (its version joined with `+`)."""
        hedges = self.hedges + tuple(words for words in other.hedges if words not in self.hedges)
        return self._build(
            f"{self.version}+{other.version}", self.modals | other.modals, hedges, self.markers + other.markers
        )

    @classmethod
    def _build(
        cls, version: str, modals: frozenset[str], hedges: tuple[tuple[str, ...], ...], markers: Iterable[Marker]
    ) -> StancePack:
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted(hedges, key=len, reverse=True):
            grouped.setdefault(words[0], []).append(words)
        return cls(
            version=version,
            modals=modals,
            hedges=hedges,
            markers=tuple(markers),
            by_first_word={word: tuple(group) for word, group in grouped.items()},
        )


def _pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"\b" + r"[\s,]+".join(words) + r"\b")


@cache
def _builtin() -> StancePack:
    """The built-in stance pack, read once: the default that `load` extends with the user's packs."""
    return StancePack.read(Path(str(resources.files("warlog") / "data" / "packs" / "claims" / "stance.yaml")))
