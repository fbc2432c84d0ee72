"""The cue pack: reporting verbs and cue phrases as data (data/packs/claims/cues.yaml), read with
`file:line` errors like the other packs.

    CuePack.load(packs_dir=...)   the built-in pack, extended by the user's `packs_dir/cues/*.yaml`
    CuePack.read(path)            one pack file
    pack.verb(lemma)          the CueVerb of a reporting verb, or None
    pack.nouns                nouns that attribute what their preposition governs to their owner
    pack.adjectives           adjectives of attitude that attribute their complement to the subject
    pack.phrases              cue phrases whose object is the source ("according to", "in the words of")
    pack.unnamed / channels   head nouns of unnamed sources ("officials") and of channels ("account")
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from warlog.errors import PackError
from warlog.packs.files import line_of, read_pack, read_text

Kind = Literal["report", "claim", "deny"]
_WORDS = r"^[a-z][a-z' -]*[a-z]$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class _VerbModel(_Strict):
    lemma: str = Field(pattern=r"^[a-z]+$")
    kind: Kind
    headline: bool = False
    object: bool = False
    preps: list[str] = []
    factive: bool = False
    complement: bool = False
    belief: bool = False
    raising: bool = False
    act: bool = False
    forms: list[str] = []


class _PhraseModel(_Strict):
    words: str = Field(pattern=_WORDS)
    kind: Kind


class _NounModel(_Strict):
    word: str = Field(pattern=r"^[a-z]+$")
    kind: Kind
    preps: list[str] = []


class _PackModel(_Strict):
    pack: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    verbs: list[_VerbModel] = Field(min_length=1)
    phrases: list[_PhraseModel] = []
    nouns: list[_NounModel] = []
    adjectives: list[_NounModel] = []
    unnamed: list[str] = []
    channels: list[str] = []


@dataclass(frozen=True, slots=True)
class CueVerb:
    """A reporting verb: its lemma, kind (report, claim, deny), whether it cuts headlines, whether its
    direct object may be what is said, and the prepositions whose object is ("called for")."""

    lemma: str
    kind: str
    headline: bool
    object: bool
    preps: tuple[str, ...] = ()
    factive: bool = False  # presents what is said as a fact ("noted", "confirmed")
    complement: bool = False  # what it governs after it is what is said ("praised her effort")
    belief: bool = False  # a verb of belief or intention: only a clause, and only with a speaker as subject
    raising: bool = False  # "X seems to Y": its subject and infinitive are what is said, and no one says it
    act: bool = False  # an act of taking sides ("backed", "voted for"): only what it governs, by a speaker

    @property
    def third_person(self) -> tuple[str, ...]:
        """The forms a headline uses: "says", "claims", "denies", "accuses"."""
        lemma = self.lemma
        if lemma == "say":
            return ("says", "say")
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            return (lemma[:-1] + "ies", lemma)
        if re.search(r"(s|sh|ch|x|z)$", lemma):
            return (lemma + "es", lemma)
        return (lemma + "s", lemma)


@dataclass(frozen=True, slots=True)
class CuePack:
    """The reporting cues of one pack file."""

    version: str
    verbs: dict[str, CueVerb]
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (words, kind)
    unnamed: frozenset[str]
    channels: frozenset[str]
    forms: dict[str, CueVerb] = field(default_factory=dict)  # word forms a tagger may lemmatize wrongly
    nouns: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # noun: (kind, prepositions)
    adjectives: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # the same for adjectives

    def verb(self, lemma: str, *, form: str | None = None) -> CueVerb | None:
        """The reporting verb of this lemma, or of this word form ("hoping", which a tagger may take for a
        form of "hop"), or None."""
        found = self.forms.get(form.lower()) if form is not None else None
        return found or self.verbs.get(lemma.lower())

    def headline_forms(self) -> dict[str, CueVerb]:
        """Headline verb forms ("says", "claims") to their verbs."""
        return {form: verb for verb in self.verbs.values() if verb.headline for form in verb.third_person}

    @classmethod
    def load(cls, *, packs_dir: Path | None = None) -> CuePack:
        """The built-in pack, then the user's cue packs in `packs_dir/cues/*.yaml` (name order): a user
        verb replaces the built-in verb with its lemma, a user phrase sets the kind of the built-in phrase
        with its words, and phrases, unnamed and channel nouns are added.

        Raises:
            PackError: a pack is malformed, or two user packs define the same verb (`path:line:`).
        """
        pack = _builtin()
        if packs_dir is None:
            return pack
        defined: dict[str, Path] = {}
        for path in sorted((Path(packs_dir) / "cues").glob("*.yaml")):
            user = cls.read(path)
            for index, lemma in enumerate(user.verbs):
                if lemma in defined:
                    where = f"{path}:{line_of(read_text(path), ('verbs', index, 'lemma'))}"
                    raise PackError(
                        f"{where}: verbs: {lemma!r} is already defined in {defined[lemma]}; a user verb is "
                        "defined once (it may override a built-in one)"
                    )
                defined[lemma] = path
            pack = pack.extended(user)
        return pack

    def extended(self, other: CuePack) -> CuePack:
        """This pack with the cues of `other` added or overriding (its version joined with `+`)."""
        phrases = dict(self.phrases)
        phrases.update(other.phrases)
        return CuePack(
            version=f"{self.version}+{other.version}",
            verbs={**self.verbs, **other.verbs},
            phrases=tuple(phrases.items()),
            unnamed=self.unnamed | other.unnamed,
            channels=self.channels | other.channels,
            forms={**self.forms, **other.forms},
            nouns={**self.nouns, **other.nouns},
            adjectives={**self.adjectives, **other.adjectives},
        )

    @classmethod
    def read(cls, path: Path) -> CuePack:
        """Read and validate a cue pack.

        Raises:
            PackError: the file cannot be read, is not YAML or does not follow the schema (`path:line:`).
        """
        model, text = read_pack(path, _PackModel, "a cue pack")
        lemmas = [v.lemma for v in model.verbs]
        twice = sorted({lemma for lemma in lemmas if lemmas.count(lemma) > 1})
        if twice:
            raise PackError(f"{path}:{line_of(text, ('verbs',))}: verbs: listed twice: {', '.join(twice)}")
        verbs = {
            v.lemma: CueVerb(
                v.lemma,
                v.kind,
                v.headline,
                v.object,
                tuple(v.preps),
                v.factive,
                v.complement,
                v.belief,
                v.raising,
                v.act,
            )  # fmt: skip
            for v in model.verbs
        }
        return cls(
            version=f"{model.pack}@{model.version}",
            verbs=verbs,
            forms={form.lower(): verbs[v.lemma] for v in model.verbs for form in v.forms},
            nouns={n.word: (n.kind, tuple(n.preps)) for n in model.nouns},
            adjectives={a.word: (a.kind, tuple(a.preps)) for a in model.adjectives},
            phrases=tuple((tuple(p.words.split()), p.kind) for p in model.phrases),
            unnamed=frozenset(w.lower() for w in model.unnamed),
            channels=frozenset(w.lower() for w in model.channels),
        )


@cache
def _builtin() -> CuePack:
    """The built-in cue pack, read once: the default that `load` extends with the user's packs."""
    return CuePack.read(Path(str(resources.files("warlog") / "data" / "packs" / "claims" / "cues.yaml")))
