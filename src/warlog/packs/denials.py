"""The denial pack: the words that deny, dismiss or rebut, as data (data/packs/claims/denials.yaml), read
with `file:line` errors like the other packs. What the claim finder does with them is
warlog.claims.denials.

    DenialPack.load(packs_dir=...)   the built-in pack, extended by the user's `packs_dir/denials/*.yaml`
    DenialPack.read(path)            one pack file
    pack.denying_verbs, ...          one frozenset of lemmas per list (see the pack file's header)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from warlog.errors import PackError
from warlog.packs.files import line_of, read_pack

_LEMMA = re.compile(r"[a-z][a-z'-]*")


class _PackModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    pack: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    denying_verbs: list[str] = []
    clausal: list[str] = []
    account_nouns: list[str] = []
    part_nouns: list[str] = []
    event_nouns: list[str] = []
    false_words: list[str] = []
    strong: list[str] = []
    calling_verbs: list[str] = []
    spreading_verbs: list[str] = []
    retracted: list[str] = []
    existence_nouns: list[str] = []
    partitives: list[str] = []
    judging: list[str] = []


@dataclass(frozen=True, slots=True)
class DenialPack:
    """The denial words of one or more pack files, each list a set of lemmas."""

    version: str
    denying_verbs: frozenset[str] = frozenset()
    clausal: frozenset[str] = frozenset()
    account_nouns: frozenset[str] = frozenset()
    part_nouns: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    false_words: frozenset[str] = frozenset()
    strong: frozenset[str] = frozenset()
    calling_verbs: frozenset[str] = frozenset()
    spreading_verbs: frozenset[str] = frozenset()
    retracted: frozenset[str] = frozenset()
    existence_nouns: frozenset[str] = frozenset()
    partitives: frozenset[str] = frozenset()
    judging: frozenset[str] = frozenset()

    @classmethod
    def load(cls, *, packs_dir: Path | None = None) -> DenialPack:
        """The built-in pack, then the user's denial packs in `packs_dir/denials/*.yaml` (name order),
        whose words are added to the built-in ones.

        Raises:
            PackError: a pack is malformed (`path:line:`).
        """
        pack = _builtin()
        if packs_dir is not None:
            for path in sorted((Path(packs_dir) / "denials").glob("*.yaml")):
                pack = pack.extended(cls.read(path))
        return pack

    @classmethod
    def read(cls, path: Path) -> DenialPack:
        """Read and validate a denial pack; a mistake raises PackError with `path:line:`."""
        model, text = read_pack(path, _PackModel, "a denial pack")
        words: dict[str, frozenset[str]] = {}
        for name in _LISTS:
            values: list[str] = getattr(model, name)
            for i, value in enumerate(values):
                if _LEMMA.fullmatch(value) is None:
                    raise PackError(
                        f"{path}:{line_of(text, (name, i))}: {name}: {value!r} is not one lower-case word "
                        "(a lemma such as 'deny'; phrases are not allowed)"
                    )
            words[name] = frozenset(values)
        for subset, superset in (("clausal", "denying_verbs"), ("strong", "false_words"), ("judging", "false_words")):
            extra = sorted(words[subset] - words[superset])
            if extra:
                raise PackError(
                    f"{path}:{line_of(text, (subset,))}: {subset}: {', '.join(extra)} not among the {superset}; "
                    f"add them there too"
                )
        return cls(version=f"{model.pack}@{model.version}", **words)

    def extended(self, other: DenialPack) -> DenialPack:
        """This pack with the words of `other` added (its version joined with `+`)."""
        joined = {name: getattr(self, name) | getattr(other, name) for name in _LISTS}
        return DenialPack(version=f"{self.version}+{other.version}", **joined)


_LISTS = tuple(f.name for f in fields(DenialPack) if f.name != "version")


@cache
def _builtin() -> DenialPack:
    """The built-in denial pack, read once: the default that `load` extends with the user's packs."""
    return DenialPack.read(Path(str(resources.files("warlog") / "data" / "packs" / "claims" / "denials.yaml")))
