"""An agent noun with its modifier can name another actor than the noun alone: the pack lists the pair
whole ("moderate opposition" and "armed opposition" are rebels; "the opposition" stays political)."""

import pytest


def mention_of(report, words):
    return next((a.id, m.text) for a in report.actors for m in a.mentions if words in m.text)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Russian jets bombed the moderate opposition near Aleppo in Syria on Monday.", "opposition", "syr.reb"),
        ("The armed opposition shelled an army post in Idlib, Syria, on Monday.", "opposition", "syr.reb"),
        ("The opposition called for new talks in Damascus, Syria, on Monday.", "opposition", "syr.opp"),
    ],
)
def test_the_modifier_decides_which_opposition(pipeline, text, words, expected):
    actor, said = mention_of(pipeline.extract(text, published="2015-10-10"), words)
    assert actor == expected, said


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Gunmen killed three Nigerian farmers near Kaduna, Nigeria, on Monday.", "farmers"),
        ("Soldiers beat two traders at a market in Kano, Nigeria, on Monday.", "traders"),
        ("Bandits robbed the passengers of a bus near Zaria, Nigeria, on Monday.", "passengers"),
    ],
)
def test_people_at_their_trades_are_civilians(pipeline, text, words):
    actor, said = mention_of(pipeline.extract(text, published="2020-05-04"), words)
    assert actor == "nga.cvl", said
