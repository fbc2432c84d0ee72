"""What attribution rules share: the Attribution they make, the context they read and span helpers.

Spans are (start, end) character offsets into the doc's text. `snap` cuts a content to its cue's line
and widens it to the quotes it opens or closes; `trim` strips spaces and edge punctuation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from warlog.claims.speakers import Source
from warlog.events.roles import MentionIndex
from warlog.packs.cues import CuePack

ALNUM = re.compile(r"\w")
_SPACE = " \t\u00a0"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says what: character spans of content, source and cue, and the source's actors."""

    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    cue_lemma: str | None
    direct: bool
    speakers: tuple[str, ...]
    source_kind: str
    outlet: str | None = None
    work: str | None = None
    headline: bool = False
    more: tuple[tuple[int, int], ...] = ()  # the content's further parts: “A,” she said. “B.” has B
    cue_words: tuple[int, int] | None = None  # the cue with its auxiliaries and phrase: "has also said"


@dataclass
class Context:
    """What the rules read: the doc, its text, quotes, actor mentions, cue pack, headlines and line breaks."""

    doc: Doc
    text: str
    quotes: list[tuple[int, int]]
    index: MentionIndex
    pack: CuePack
    headlines: list[tuple[int, int]]
    breaks: list[int] = field(default_factory=list)  # the offsets of the text's line breaks

    def in_headline(self, char: int) -> bool:
        at = bisect_right(self.headlines, (char, len(self.text))) - 1  # the last headline starting at or before
        return at >= 0 and char < self.headlines[at][1]

    def line_of(self, char: int) -> tuple[int, int]:
        """The line (paragraph) holding `char`: the parse may join paragraphs into one sentence."""
        at = bisect_right(self.breaks, char - 1)
        start = self.breaks[at - 1] + 1 if at else 0
        return start, self.breaks[at] if at < len(self.breaks) else len(self.text)

    def clip(self, span: tuple[int, int], anchor: int) -> tuple[int, int]:
        """A content cut to the line of its cue."""
        start, end = self.line_of(anchor)
        return max(span[0], start), min(span[1], end)


def make_attribution(context, content, source: Source | None, cue, lemma, outlet, work) -> Attribution | None:
    content = trim(context.text, content)
    if content is None:
        return None
    direct = any(overlaps(q, content) for q in context.quotes)
    if source is None:
        return Attribution(content, None, cue, lemma, direct, (), "unnamed", outlet, work)
    span = trim(context.text, source.span)
    return Attribution(content, span, cue, lemma, direct, source.speakers, source.kind, outlet, work)


def snap(context: Context, span: tuple[int, int], anchor: int) -> tuple[int, int]:
    """Cut a content to the line of its cue at `anchor`, then widen it to the quotes it opens or closes
    (see the module docstring)."""
    start, end = context.clip(span, anchor)
    text = context.text
    for q_start, q_end in context.quotes:
        if q_start <= start < q_end and not ALNUM.search(text[q_start:start]):
            start, end = q_start, max(end, q_end)
        elif start <= q_start < end < q_end:
            end = q_end
    return start, end


def trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    start, end = span
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return (start, end) if ALNUM.search(text[start:end]) else None


def edges(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, end_of(token.right_edge)


def end_of(token: Token) -> int:
    return token.idx + len(token.text)


def overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def clause_end(context: Context, cue: Token) -> Token:
    """The last word of a cue's own phrase: its adverbs, objects and prepositions right after it
    ("noted", "said to The New York Times", "put it at the time"), up to punctuation, a quote or a clause."""
    accepted = {cue.i}
    last = cue
    for token in cue.doc[cue.i + 1 : cue.sent.end]:
        if token.is_punct or token.is_space or token.dep_ in ("ccomp", "conj", "cc", "parataxis", "mark"):
            break
        if token.head.i not in accepted and not any(a in accepted for a in (t.i for t in token.ancestors)):
            break
        accepted.add(token.i)
        last = token
    return last


def after_colon(context: Context, colon: Token) -> tuple[int, int] | None:
    """What follows a colon: the quote that opens there, else the rest of the sentence; a colon that ends
    its line introduces the quote that opens the next paragraph."""
    text = context.text
    start = colon.idx + 1
    while start < len(text) and text[start] in _SPACE:
        start += 1
    if start < len(text) and text[start] == "\n":
        while start < len(text) and text[start].isspace():
            start += 1
        quote = next((q for q in context.quotes if q[0] == start), None)
        return quote
    quote = next((q for q in context.quotes if q[0] == start), None)
    if quote is not None:
        return quote
    sentence = colon.sent
    return snap(context, (start, end_of(sentence[-1])), colon.idx) if sentence.end > colon.i + 1 else None


def adjacent_quote(context: Context, start: int, end: int) -> tuple[int, int] | None:
    """A quote right after the cue's clause ("noted, “...”") or right before it ("“...,” as X wrote")."""
    text = context.text
    run = _GAP.match(text, end)  # the spaces, commas and colons right after the clause (always matches)
    gap = run.end() if run is not None else end
    lo = start  # no quote ending before the run of spaces, commas and "as" before the clause is adjacent
    while lo > 0 and (text[lo - 1].isspace() or text[lo - 1] in ",aAsS\u017f"):
        lo -= 1
    for quote in context.quotes:  # integer tests first: reading the text to every quote is quadratic
        if end <= quote[0] <= gap:
            return quote
        if lo <= quote[1] <= start and _AS.fullmatch(text, quote[1], start) and not _full_stop(text, quote):
            return quote
    return None


def _full_stop(text: str, quote: tuple[int, int]) -> bool:
    """Whether a quote ends its own sentence with a full stop inside its closing marks ("... “reckless.”"):
    what follows is a new sentence, whose cue does not reach back to it ("“We won,” she said" does)."""
    end = quote[1]
    while end > quote[0] and text[end - 1] in "\"”’'":
        end -= 1
    return end > quote[0] and text[end - 1] == "."


_GAP = re.compile("[ ,:\u00a0]*")
_AS = re.compile(r"[\s,]*(?:as\s+)?", re.I)
