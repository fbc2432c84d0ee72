"""Quotes a colon introduces with no reporting verb: "Here is the senator in 1992: “...”", "The mayor's
answer: “...”", "Pollster Jane Roe: “...”".

A quote right after a colon (on its line or opening the next paragraph) whose words before the colon,
back to the start of their sentence or line (or a dash), are a noun phrase naming someone who speaks (see
`warlog.claims.headlines.speaks`) or owning a noun of saying, is that speaker's. "Here is" before the
phrase and a prepositional phrase after its noun ("in 1992") are left out of the source. The cue is the
colon; after a possessive and a noun of saying ("the mayor's answer") it is the noun of saying.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from warlog.claims.headlines import speaks
from warlog.claims.spans import Attribution, Context, end_of, make_attribution
from warlog.claims.speakers import describe_source

MAX_WORDS = 8
PHRASE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "NUM", "ADP", "PUNCT", "SPACE"})
SAYING_NOUNS = frozenset({
    "answer", "response", "reply", "word", "words", "message", "statement", "verdict", "view", "take",
    "explanation", "advice", "warning", "comment", "retort", "reaction", "assessment", "conclusion",
    "argument", "position", "pitch", "promise", "pledge", "prediction", "plea", "defense", "defence",
    "rebuttal", "summary", "diagnosis", "testimony", "version",
})  # fmt: skip
_HERE = re.compile(r"(?:here|there)(?: is|'s|’s| was| are| were)\s+", re.IGNORECASE)
_DASHES = (" - ", " – ", " — ", "--")


def find_colon_quotes(context: Context) -> list[Attribution]:
    """The attributions of quotes that a colon after a speaker's noun phrase introduces, in text order."""
    found = []
    for quote in context.quotes:
        if context.in_headline(quote[0]):
            continue
        colon = quote[0] - 1
        while colon >= 0 and context.text[colon].isspace():
            colon -= 1
        if colon <= 0 or context.text[colon] != ":":
            continue
        attribution = _colon_quote(context, colon, quote)
        if attribution is not None:
            found.append(attribution)
    return found


def _colon_quote(context: Context, colon: int, quote: tuple[int, int]) -> Attribution | None:
    text = context.text
    start = context.line_of(colon)[0]
    at = context.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if at is None or not len(at):
        return None
    start = max(start, at[0].sent.start_char)
    for dash in _DASHES:
        cut = text.rfind(dash, start, colon)
        start = cut + len(dash) if cut >= 0 else start
    while start < colon and text[start].isspace():
        start += 1
    here = _HERE.match(text, start, colon)
    start = here.end() if here is not None else start
    phrase = context.doc.char_span(start, colon, alignment_mode="contract")
    if phrase is None or not 1 <= len(phrase) <= MAX_WORDS or any(t.pos_ not in PHRASE_POS for t in phrase):
        return None
    return _attribute(context, phrase, (colon, colon + 1), quote)


def _attribute(context: Context, phrase: Span, cue: tuple[int, int], quote: tuple[int, int]) -> Attribution | None:
    """The source of a noun phrase before a colon: up to its first preposition, and before "'s" when a
    noun of saying follows that ("the mayor's answer"), which is then the cue. A phrase that owns a noun of
    saying names a speaker by that noun; any other must name one itself ("Here is the problem:" does not)."""
    words = [t for t in phrase if not t.is_space]
    first_prep = next((k for k, t in enumerate(words) if t.pos_ == "ADP"), len(words))
    words, framed = words[:first_prep], False
    owner = next((k for k, t in enumerate(words) if t.tag_ == "POS"), None)
    if owner is not None:
        said = words[owner + 1 :]
        if not said or said[-1].lower_ not in SAYING_NOUNS:
            return None
        cue, words, framed = (said[-1].idx, end_of(said[-1])), words[:owner], True
    if not words or not any(t.pos_ in ("PROPN", "NOUN") for t in words):
        return None
    source_span = (words[0].idx, end_of(words[-1]))
    if not framed and not speaks(context, source_span):
        return None
    head = next(t for t in reversed(words) if t.pos_ in ("PROPN", "NOUN"))
    source = describe_source(context.doc, head, source_span, context.index, context.pack)
    return make_attribution(context, quote, source, cue, "say", None, None)
