"""The read-once document state gives what spaCy's own accessors give."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from warlog.actors.roles import _entity_ending
from warlog.doctext import doc_text, sentence_number, sentence_starts, sentences, sentences_overlapping

TEXT = "Rebels shelled the town. Two people died.\n\nThe army denied it on Monday. Nobody else spoke."


@pytest.fixture(scope="module")
def doc() -> Doc:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(TEXT)


def test_text_and_sentences_match_spacy(doc: Doc) -> None:
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # built once
    assert [s.start_char for s in sentences(doc)] == [s.start_char for s in doc.sents] == sentence_starts(doc)


@pytest.mark.parametrize("start", range(0, len(TEXT) + 1, 3))
@pytest.mark.parametrize("width", [0, 1, 7, 30, len(TEXT)])
def test_sentences_overlapping_is_the_scan(doc: Doc, start: int, width: int) -> None:
    end = start + width
    scan = [s for s in doc.sents if s.start_char < end and s.end_char > start]
    assert [(s.start, s.end) for s in sentences_overlapping(doc, start, end)] == [(s.start, s.end) for s in scan]


def test_text_of_a_reused_doc_is_rebuilt() -> None:
    nlp = spacy.blank("en")
    doc = nlp("short text")
    doc.user_data["warlog.text"] = "stale"
    assert doc_text(doc) == "short text"


def test_entity_ending_is_what_span_ents_finds() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Fighting near New Delhi , Ghazni and the Red Cross said Kabul .")
    doc.ents = [Span(doc, 2, 4, "GPE"), Span(doc, 5, 6, "GPE"), Span(doc, 8, 10, "ORG"), Span(doc, 11, 12, "GPE")]
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            head = doc[start:end]
            expected = next(((e.start, e.end, e.label_) for e in head.ents if e.end == head.end), None)
            found = _entity_ending(head)
            assert (None if found is None else (found.start, found.end, found.label_)) == expected


def test_sentence_number_is_the_sentence_holding_the_character(doc: Doc) -> None:
    every = list(doc.sents)
    for token in doc:
        assert every[sentence_number(doc, token.idx)] == token.sent


def test_killed_tolls_are_the_scan_of_every_toll() -> None:
    """KilledTolls.stated_by gives what reading every toll for the trigger gave (hand-built parse)."""
    from warlog.events.extract import KilledTolls, _verb_of
    from warlog.events.tolls import TollMention

    words = ["Gunmen", "killed", "two", "and", "troops", "shot", "three", "dead", ";", "five", "died", "."]
    heads = [1, 1, 1, 1, 5, 1, 7, 5, 1, 10, 1, 1]
    pos = ["NOUN", "VERB", "NUM", "CCONJ", "NOUN", "VERB", "NUM", "ADJ", "PUNCT", "NUM", "VERB", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, pos=pos, deps=["dep"] * len(words))
    at = [t.idx for t in doc]

    def toll(i: int, trigger: int | None, kind: str = "killed") -> TollMention:
        return TollMention(at[i], at[i] + len(doc[i]), doc[i].text, kind, 1, 1, None, False, trigger)

    tolls = [toll(2, None), toll(6, 7), toll(9, None, "wounded"), toll(9, None), toll(6, 5), toll(2, 1)]
    for token in doc:
        killed = [t for t in tolls if t.kind == "killed"]
        own = [t for t in killed if t.trigger is not None and _verb_of(doc[t.trigger]).i == token.i]
        subtree = range(token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
        old = own[0] if own else next((t for t in killed if t.start in subtree and t.trigger is None), None)
        assert KilledTolls(doc, tolls).stated_by(token) == old
