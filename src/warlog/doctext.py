"""Read-once state of a parsed document, shared by warlog's components.

spaCy's `Doc.text` joins every token's text each time it is read, and `Doc.sents` and `Span.sent` walk
the token array: read once per claim, toll or mention, they make the analysis quadratic in the length of
a document. These accessors compute each value once per `Doc` and keep it in `doc.user_data`.

Only for components that run after the parser: the sentence index is built on its first use and
assumes the sentence boundaries no longer change.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TEXT = "warlog.text"
_SENTENCES = "warlog.sentences"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document."""
    text = doc.user_data.get(_TEXT)
    if text is None or len(text) != _length(doc):  # a Doc reused for another text (never in the pipeline)
        text = doc.user_data[_TEXT] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    """`list(doc.sents)`, built once per document."""
    found = doc.user_data.get(_SENTENCES)
    if found is None:
        found = doc.user_data[_SENTENCES] = list(doc.sents)
    return found


def sentence_starts(doc: Doc) -> list[int]:
    """The character offset where each sentence starts, in order (for `bisect`)."""
    key = _SENTENCES + ".starts"
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = [sentence.start_char for sentence in sentences(doc)]
    return found


def sentences_overlapping(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences that overlap the characters [start, end), in order: `[s for s in doc.sents if
    s.start_char < end and s.end_char > start]` without walking every sentence."""
    every, starts = sentences(doc), sentence_starts(doc)
    first = max(bisect_right(starts, start) - 1, 0)
    found = []
    for sentence in every[first:]:
        if sentence.start_char >= end:
            break
        if sentence.end_char > start:
            found.append(sentence)
    return found


def _length(doc: Doc) -> int:
    """len(doc.text) without building the text."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def sentence_number(doc: Doc, char: int) -> int:
    """The position in `sentences(doc)` of the sentence that holds the character `char`."""
    return bisect_right(sentence_starts(doc), char) - 1
