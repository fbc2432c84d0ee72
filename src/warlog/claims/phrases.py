"""Cue phrases: "according to X", "in the words of X" and "as X put it".

The source is the phrase's object ("X"); the content is the colon or quote after the phrase, the quote
before it, else the rest of the sentence on the other side of it. A source glued to "put" by a typo
("one rebel commanderput it") is cut at "put".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from warlog.claims.spans import (
    Attribution,
    Context,
    adjacent_quote,
    after_colon,
    clause_end,
    end_of,
    make_attribution,
    snap,
)
from warlog.claims.speakers import describe_source

_PUT = "put"
RECORDS = frozenset({"poll", "survey", "study", "report"})  # "In the new poll, ...": what it holds
_BREAKS = frozenset({":", ";", "—", "--"})  # "the numbers tell: according to X, ..." opens its clause there


def phrase_cue(context: Context, token: Token) -> Attribution | None:
    """ "according to X, ..." / "..., according to X." / "in the words of X, “...”"."""
    doc = context.doc
    for words, _kind in context.pack.phrases:
        end = token.i + len(words)
        if end > len(doc) or tuple(t.lower_ for t in doc[token.i : end]) != words:
            continue
        last = doc[end - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"] or ([doc[end]] if end < len(doc) else [])
        if not objects:
            return None
        head = objects[0]
        source_end = _clip_at_comma(doc, head.left_edge.i, head.right_edge.i)
        source_span = (doc[head.left_edge.i].idx, end_of(doc[source_end]))
        source = describe_source(doc, head, source_span, context.index, context.pack)
        content = _side_content(context, token, doc[source_end])
        if content is None:
            return None
        return make_attribution(context, content, source, (token.idx, end_of(last)), " ".join(words), None, None)
    return None


def in_record(context: Context, token: Token) -> Attribution | None:
    """ "In a new poll, the senator leads by six points": a fronted "in" with a poll, survey, study or
    report attributes the rest of its sentence to it, unless a reporting verb there has a source of its own."""
    doc = context.doc
    if token.lower_ != "in" or token.dep_ != "prep" or token.i != token.sent.start:
        return None
    objects = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in RECORDS]
    if not objects or context.pack.verb(token.head.lemma_) is not None:
        return None
    end = objects[0].right_edge
    if end.i + 1 >= len(doc) or doc[end.i + 1].text != ",":
        return None
    source = describe_source(doc, objects[0], (doc[token.i + 1].idx, end_of(end)), context.index, context.pack)
    content = _side_content(context, token, end)
    if content is None:
        return None
    return make_attribution(context, content, source, (token.idx, end_of(token)), "in", None, None)


def put_it(context: Context, token: Token) -> Attribution | None:
    """ "as X put it"; a source glued to "put" by a typo ("one rebel commanderput it") is cut at "put"."""
    doc = context.doc
    if token.lower_ != "it" or token.i < 2:
        return None
    put = doc[token.i - 1]
    glued = put.lower_.endswith(_PUT) and len(put) > len(_PUT) + 2 and put.is_alpha
    if put.lower_ != _PUT and not glued:
        return None
    sentence = token.sent
    first = next((t for t in reversed(doc[max(sentence.start, put.i - 8) : put.i]) if t.lower_ == "as"), None)
    if first is None or (first.i + 1 == put.i and not glued):
        return None
    cut = put.idx + len(put) - len(_PUT)
    source_span = (doc[first.i + 1].idx, cut if glued else end_of(doc[put.i - 1]))
    head = put if glued else doc[first.i + 1 : put.i].root
    word = put.lower_[: -len(_PUT)] if glued else None
    source = describe_source(doc, head, source_span, context.index, context.pack, head_word=word)
    content = _side_content(context, first, clause_end(context, put), colon=True)
    if content is None:
        return None
    return make_attribution(context, content, source, (cut, end_of(token)), "put it", None, None)


def _side_content(context: Context, first: Token, last: Token, *, colon: bool = False) -> tuple[int, int] | None:
    """The content around a cue phrase spanning `first`..`last`: a colon or quote after it, the quote
    before it, else the rest of the sentence on the other side of it."""
    doc = context.doc
    if colon and last.i + 1 < len(doc) and doc[last.i + 1].text == ":":
        return after_colon(context, doc[last.i + 1])
    quote = adjacent_quote(context, first.idx, end_of(last))
    if quote is not None:
        return quote
    sentence = first.sent
    start = max((t.i + 1 for t in doc[sentence.start : first.i] if t.text in _BREAKS), default=sentence.start)
    before = [t for t in doc[start : first.i] if not (t.is_punct or t.is_space or t.pos_ == "CCONJ")]
    if len(before) <= 1:  # "According to X, ...": the rest of the sentence
        rest = [t for t in doc[last.i + 1 : sentence.end] if not (t.is_punct or t.is_space)]
        return snap(context, (rest[0].idx, end_of(rest[-1])), first.idx) if rest else None
    return snap(context, (before[0].idx, end_of(before[-1])), first.idx)


def _clip_at_comma(doc: Doc, first: int, last: int) -> int:
    for i in range(first, last + 1):
        if doc[i].text in (",", ":", ";"):
            return max(first, i - 1)
    return last
