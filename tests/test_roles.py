"""The acting-or-place tests on hand-built parses (no model needed)."""

import pytest
import spacy
from spacy.tokens import Doc

from warlog.actors.roles import is_acting, is_locative

NLP = spacy.blank("en")


def parse(words, heads, deps, pos=None):
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos or ["PROPN"] * len(words))


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "target", "acting"),
    [
        # Moscow targeted rebels
        (["Moscow", "targeted", "rebels"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "NOUN"], 0, True),
        # fighting in Moscow
        (["fighting", "in", "Moscow"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["NOUN", "ADP", "PROPN"], 2, False),
        # Moscow 's intervention
        (["Moscow", "'s", "intervention"], [2, 0, 2], ["poss", "case", "ROOT"], ["PROPN", "PART", "NOUN"], 0, True),
        # Syria 's corridor
        (["Syria", "'s", "corridor"], [2, 0, 2], ["poss", "case", "ROOT"], ["PROPN", "PART", "NOUN"], 0, False),
        # sanctions against Russia
        (["sanctions", "against", "Russia"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["NOUN", "ADP", "PROPN"], 2, True),
        # Iran and Russia worked
        (
            ["Iran", "and", "Russia", "worked"],
            [3, 0, 0, 3],
            ["nsubj", "cc", "conj", "ROOT"],
            ["PROPN", "CCONJ", "PROPN", "VERB"],
            2,
            True,
        ),
        # north of Aleppo
        (["north", "of", "Aleppo"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["NOUN", "ADP", "PROPN"], 2, False),
        # the dictatorship of Assad (of + a non-geographic head: not a place)
        (["dictatorship", "of", "Assad"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["NOUN", "ADP", "PROPN"], 2, False),
    ],
)
def test_acting_or_place(words, heads, deps, pos, target, acting):
    doc = parse(words, heads, deps, pos)
    span = doc[target : target + 1]
    assert is_acting(span) is acting


def test_northern_syria_is_a_place():
    doc = parse(["in", "northern", "Syria"], [0, 2, 0], ["ROOT", "amod", "pobj"], ["ADP", "ADJ", "PROPN"])
    assert is_locative(doc[2:3])
    assert not is_acting(doc[2:3])


def test_the_object_of_a_verb_of_movement_is_a_place():
    words, heads, deps = ["troops", "entered", "Syria"], [1, 1, 1], ["nsubj", "ROOT", "dobj"]
    pos, lemmas = ["NOUN", "VERB", "PROPN"], ["troop", "enter", "Syria"]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert is_locative(doc[2:3]) and not is_acting(doc[2:3])
