"""How sure a claim is, and what the author makes of it — from the stance pack (data/packs/claims/stance.yaml).

- Hedges: the hedging words of an attribution, in its source, cue and content ("Some reports say",
  "Russia seems to have inherited ...") or, for the author's own claim, in the sentence ("it seems").
- The author's stance towards an attributed claim: a marker in the attribution's own sentence outside
  what is said ("had written presciently", "what many officials had long known") or at the start of
  the next sentence of the same paragraph ("How true.", "It might even be true—though ...", "A
  surprise, then, when ..."). The cue-sentence marker wins; without one the stance is neutral. Scare
  quotes are the author keeping a term at a distance: they doubt it.

The words come from a StancePack (warlog.packs.stance) the caller passes: the pipeline's, which holds the
user's stance packs too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from warlog.doctext import doc_text, sentences_overlapping
from warlog.packs.stance import StancePack


@dataclass(frozen=True, slots=True)
class Stance:
    """The author's stance and the characters that show it (None when neutral)."""

    value: str = "neutral"
    evidence: tuple[int, int] | None = None


# -- hedges --------------------------------------------------------------------------------------


def hedges_in(pack: StancePack, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the pack's hedges among the tokens between `start` and `end`, in text order."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    found: list[tuple[int, int]] = []
    taken = -1
    first = pack.by_first_word
    for i in range(span.start, span.end):
        if i <= taken:
            continue
        token = doc[i]
        candidates = first.get(token.lower_, ()) + first.get(token.lemma_.lower(), ())
        for words in candidates:
            if _matches(pack, doc, i, words, span.end):
                last = doc[i + len(words) - 1]
                found.append((doc[i].idx, last.idx + len(last)))
                taken = i + len(words) - 1
                break
    return found


def _matches(pack: StancePack, doc: Doc, i: int, words: tuple[str, ...], end: int) -> bool:
    if i + len(words) > end:
        return False
    for offset, word in enumerate(words):
        token = doc[i + offset]
        if word not in (token.lower_, token.lemma_.lower()):
            return False
        if word in pack.modals and token.tag_ != "MD":
            return False
    return True


# -- stance --------------------------------------------------------------------------------------


def author_stance(pack: StancePack, doc: Doc, said: tuple[int, int], outside: tuple[int, int]) -> Stance:
    """The author's stance towards what is said at `said`, whose attribution spans `outside`.

    Looks for the pack's markers in the attribution's sentence(s) outside the content, then at the start
    of the next sentence of the same paragraph.
    """
    text = doc_text(doc)
    sentences = _sentences(doc, outside)
    if sentences:
        first, last = sentences[0].start_char, sentences[-1].end_char
        for lo, hi in ((first, said[0]), (said[1], last)):
            found = _marker(pack, text, lo, hi, "cue", anywhere=True)
            if found is not None:
                return found
        after = _next_sentence(doc, sentences[-1])
        if after is not None:
            found = _marker(pack, text, after.start_char, after.end_char, "next", anywhere=False)
            if found is not None:
                return found
    return Stance()


def _marker(pack: StancePack, text: str, lo: int, hi: int, where: str, *, anywhere: bool) -> Stance | None:
    if hi <= lo:
        return None
    window = text[lo:hi].lower()
    for marker in pack.markers:
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
    lead = _LEAD.match(window)  # always matches, if only the empty string
    return window[lead.end() :] if lead else window


def _sentences(doc: Doc, span: tuple[int, int]) -> list[Span]:
    """The sentences the span touches, and those after a sentence cut at a colon ("... wrote in ISIS:
    Inside the Army of Terror, and this was especially true ...")."""
    found = sentences_overlapping(doc, span[0], span[1])
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
    return None if "\n" in doc_text(doc)[end : doc[i].idx] else doc[i].sent
