"""The arithmetic of `warlog eval`: accuracy, per-class and weighted F1 against a hand-worked example, haversine."""

import math

import pytest

from warlog.evaluate.metrics import Tally, accuracy, class_scores, haversine_km, macro_f1, weighted_f1

# A: 2 right of 3 gold, 2 predicted -> P 1, R 2/3, F1 0.8
# B: 1 right of 2 gold, 2 predicted -> P .5, R .5, F1 .5
# C: 1 right of 1 gold, 2 predicted -> P .5, R 1, F1 2/3
GOLD = ["A", "A", "A", "B", "B", "C"]
PREDICTED = ["A", "A", "B", "B", "C", "C"]


def test_accuracy():
    assert accuracy(GOLD, PREDICTED) == round(4 / 6, 4)
    assert accuracy([], []) == 0.0
    with pytest.raises(ValueError):
        accuracy(["A"], [])


def test_class_scores_by_hand():
    scores = {s.label: s for s in class_scores(GOLD, PREDICTED)}
    assert (scores["A"].precision, scores["A"].recall, scores["A"].f1, scores["A"].support) == (1.0, 0.6667, 0.8, 3)
    assert (scores["B"].precision, scores["B"].recall, scores["B"].f1) == (0.5, 0.5, 0.5)
    assert (scores["C"].precision, scores["C"].recall, scores["C"].f1, scores["C"].predicted) == (0.5, 1.0, 0.6667, 2)


def test_weighted_and_macro_f1_by_hand():
    assert weighted_f1(GOLD, PREDICTED) == round((3 * 0.8 + 2 * 0.5 + 1 * 2 / 3) / 6, 4) == 0.6778
    assert macro_f1(GOLD, PREDICTED) == round((0.8 + 0.5 + 2 / 3) / 3, 4) == 0.6556


def test_a_label_only_predicted_weighs_nothing_but_costs_precision():
    gold, predicted = ["A", "A", "B"], ["A", "X", "B"]
    scores = {s.label: s for s in class_scores(gold, predicted)}
    assert scores["X"].support == 0 and scores["X"].precision == 0.0
    # A: P 1, R .5, F1 2/3 (weight 2); B: F1 1 (weight 1)
    assert weighted_f1(gold, predicted) == round((2 * 2 / 3 + 1) / 3, 4)


def test_perfect_and_empty():
    assert weighted_f1(["A", "B"], ["A", "B"]) == 1.0
    assert weighted_f1([], []) == 0.0 and macro_f1([], []) == 0.0


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((0.0, 0.0), (0.0, 0.0), 0.0),
        ((0.0, 0.0), (1.0, 0.0), 2 * math.pi * 6371.0088 / 360),  # one degree of latitude
        ((48.8566, 2.3522), (51.5074, -0.1278), 343.6),  # Paris - London
        ((36.2021, 37.1343), (33.5138, 36.2765), 309.0),  # Aleppo - Damascus
    ],
)
def test_haversine(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.5)
    assert haversine_km(*a, *b) == pytest.approx(haversine_km(*b, *a))


def test_tally():
    tally = Tally()
    assert tally.value == 0.0  # nothing scored does not pass
    for hit in (True, False, True):
        tally.add(hit)
    assert (tally.hits, tally.total, tally.value) == (2, 3, 0.6667)


def test_foreign_places_are_those_in_a_country_neither_the_row_nor_the_text_names():
    from warlog.evaluate.acled import foreign_places
    from warlog.model import Actor, Document, Place, Report

    def report(*places, actors=()):
        return Report("test", Document("d", "text"), actors=tuple(actors), places=tuple(places))

    town = Place("gn.1", "Hyderabad", country="PAK", feature="city")
    assert foreign_places(report(town), "ind") == ["gn.1"]  # a homonym abroad
    assert foreign_places(report(town), "pak") == []
    named = Place("gn.2", "Pakistan", country="PAK", feature="country")
    assert foreign_places(report(town, named), "ind") == []  # the text names the country
    army = Actor("pak.mil", "Pakistani Army", "military", country="PAK")
    assert foreign_places(report(town, actors=[army]), "ind") == []  # or an actor of it
    assert foreign_places(report(Place("p.x", "somewhere")), "ind") == []  # no country: nothing to judge
    assert foreign_places(None, "ind") == [] and foreign_places(report(town), None) == []
