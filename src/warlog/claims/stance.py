"""How sure a claim is, and what the author makes of it — from the stance pack (data/packs/claims/stance.yaml).

- Hedges: the hedging words of an attribution, in its source, cue and content ("Some reports say",
  "Russia seems to have inherited ...") or, for the author's own claim, in the sentence ("it seems").
- The author's stance towards an attributed claim: a marker in the attribution's own sentence outside
  what is said ("had written presciently", "what many officials had long known") or at the start of
  the next sentence of the same paragraph ("How true.", "It might even be true—though ...", "A
  surprise, then, when ..."). The cue-sentence marker wins; without one the stance is neutral. Scare
  quotes are the author keeping a term at a distance: they doubt it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span

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
    stance: str
    where: str
    phrase: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Stance:
    """The author's stance and the characters that show it (None when neutral)."""

    value: str = "neutral"
    evidence: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class StancePack:
    version: str
    modals: frozenset[str]
    hedges: tuple[tuple[str, ...], ...]
    markers: tuple[Marker, ...]
    by_first_word: dict[str, tuple[tuple[str, ...], ...]]  # the hedges by their first word, longest first

    @classmethod
    def load(cls) -> StancePack:
        """The built-in stance pack (read once)."""
        return _builtin()

    @classmethod
    def read(cls, path: Path) -> StancePack:
        """Read and validate a stance pack; a mistake raises PackError with `path:line:`."""
        model, _ = read_pack(path, _PackModel, "a stance pack")
        hedges = tuple(tuple(h.lower().split()) for h in model.hedges)
        if any(not words for words in hedges):
            raise PackError(f"{path}:1: hedges: an empty hedge")
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted(hedges, key=len, reverse=True):
            grouped.setdefault(words[0], []).append(words)
        return cls(
            version=f"{model.pack}@{model.version}",
            modals=frozenset(m.lower() for m in model.modals),
            hedges=hedges,
            by_first_word={word: tuple(group) for word, group in grouped.items()},
            markers=tuple(Marker(m.stance, m.where, m.phrase, _pattern(m.phrase)) for m in model.markers),
        )

    # -- hedges ----------------------------------------------------------------------------------

    def hedges_in(self, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        """Character spans of the hedges among the tokens between `start` and `end`, in text order."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        found: list[tuple[int, int]] = []
        taken = -1
        first = self.by_first_word
        for i in range(span.start, span.end):
            if i <= taken:
                continue
            token = doc[i]
            candidates = first.get(token.lower_, ()) + first.get(token.lemma_.lower(), ())
            for words in candidates:
                if self._matches(doc, i, words, span.end):
                    last = doc[i + len(words) - 1]
                    found.append((doc[i].idx, last.idx + len(last)))
                    taken = i + len(words) - 1
                    break
        return found

    def _matches(self, doc: Doc, i: int, words: tuple[str, ...], end: int) -> bool:
        if i + len(words) > end:
            return False
        for offset, word in enumerate(words):
            token = doc[i + offset]
            if word not in (token.lower_, token.lemma_.lower()):
                return False
            if word in self.modals and token.tag_ != "MD":
                return False
        return True

    # -- stance ----------------------------------------------------------------------------------

    def stance(self, doc: Doc, said: tuple[int, int], outside: tuple[int, int]) -> Stance:
        """The author's stance towards what is said at `said`, whose attribution spans `outside`.

        Looks in the attribution's sentence(s) outside the content, then at the start of the next
        sentence of the same paragraph.
        """
        text = doc.text
        sentences = _sentences(doc, outside)
        if sentences:
            first, last = sentences[0].start_char, sentences[-1].end_char
            for lo, hi in ((first, said[0]), (said[1], last)):
                found = self._marker(text, lo, hi, "cue", anywhere=True)
                if found is not None:
                    return found
            after = _next_sentence(doc, sentences[-1])
            if after is not None:
                found = self._marker(text, after.start_char, after.end_char, "next", anywhere=False)
                if found is not None:
                    return found
        return Stance()

    def _marker(self, text: str, lo: int, hi: int, where: str, *, anywhere: bool) -> Stance | None:
        if hi <= lo:
            return None
        window = text[lo:hi].lower()
        for marker in self.markers:
            if marker.where != where:
                continue
            match = marker.pattern.search(window) if anywhere else marker.pattern.match(_lead(window))
            if match is not None:
                shift = 0 if anywhere else len(window) - len(_lead(window))
                return Stance(marker.stance, (lo + shift + match.start(), lo + shift + match.end()))
        return None


_LEAD = re.compile(r"^[\s\"'“”‘’(—–-]*(?:(?:but|and|so|still|yet)\b[\s,]*)?")


def _lead(window: str) -> str:
    """The sentence without its opening quote marks and conjunction ("But, ...", "And ...")."""
    return window[_LEAD.match(window).end() :]  # type: ignore[union-attr]


def _pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"\b" + r"[\s,]+".join(words) + r"\b")


def _sentences(doc: Doc, span: tuple[int, int]) -> list[Span]:
    """The sentences the span touches, and those after a sentence cut at a colon ("... wrote in ISIS:
    Inside the Army of Terror, and this was especially true ...")."""
    found = [s for s in doc.sents if s.start_char < span[1] and s.end_char > span[0]]
    while found and found[-1].text.rstrip().endswith(":") and found[-1].end < len(doc):
        found.append(doc[found[-1].end].sent)
    return found


def _next_sentence(doc: Doc, sentence: Span) -> Span | None:
    """The sentence after `sentence`, when no line break (a new paragraph) lies between them."""
    i = sentence.end
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc):
        return None
    end = sentence.start_char + len(sentence.text.rstrip())
    return None if "\n" in doc.text[end : doc[i].idx] else doc[i].sent


@cache
def _builtin() -> StancePack:
    return StancePack.read(Path(str(resources.files("warlog") / "data" / "packs" / "claims" / "stance.yaml")))
