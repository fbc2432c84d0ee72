"""The attribution finder's position tests give what reading the text between the positions gave."""

import re
from types import SimpleNamespace

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.claims.attribution import _sentences_between, _splits
from warlog.claims.spans import Attribution
from warlog.claims.spans import adjacent_quote as _adjacent_quote

texts = st.text(alphabet=' ,:;.aAsSſx\n\t\u00a0"', min_size=1, max_size=40)


def _old_adjacent(text: str, quotes: list, start: int, end: int):
    for quote in quotes:
        if quote[0] >= end and not text[end : quote[0]].strip(" ,:\u00a0"):
            return quote
        full_stop = text[quote[0] : quote[1]].rstrip("\"”’'").endswith(".")  # a sentence of its own
        if quote[1] <= start and re.fullmatch(r"[\s,]*(?:as\s+)?", text[quote[1] : start], re.I) and not full_stop:
            return quote
    return None


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_adjacent_quote(text: str, data) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=8)))
    quotes = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    context = SimpleNamespace(text=text, quotes=quotes)
    assert _adjacent_quote(context, start, end) == _old_adjacent(text, quotes, start, end)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_splits(text: str, data) -> None:
    points = sorted(data.draw(st.lists(st.integers(1, len(text)), min_size=5, max_size=5)))
    content, cue, quote = (points[0] - 1, points[0]), (points[1], points[2]), (points[3], points[4])
    attribution = Attribution(content, None, cue, "say", True, (), "named")
    after = cue[1]
    old = after <= quote[0] and not text[after : quote[0]].strip(" ,.;:\u00a0") and text[content[1] - 1] in "\"”’'"
    assert _splits(text, attribution, quote) == old


def test_sentences_between() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("One. Two words here. Three! And four? Five.")
    for start in range(len(doc.text) + 1):
        for end in range(len(doc.text) + 1):
            old = sum(1 for s in doc.sents if start <= s.start_char and s.end_char <= end)
            assert _sentences_between(doc, start, end) == old
