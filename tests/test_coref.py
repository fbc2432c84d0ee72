"""Pronouns resolved where a reader would resolve them, and left alone where a reader could not tell."""

import pytest


def _pronoun_links(report):
    """(pronoun text, actor id) for every pronoun mention linked to an actor."""
    pronouns = {"it", "its", "they", "them", "their", "he", "him", "his", "she", "her"}
    return sorted((m.text.lower(), a.id) for a in report.actors for m in a.mentions if m.text.lower() in pronouns)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the subject before "it" in its own sentence; "its" in the next sentence
            "Russia said it had struck Islamic State targets near Raqqa. Its jets also bombed a bridge.",
            [("it", "rus"), ("its", "rus")],
        ),
        (  # a plural group named as the subject before
            "The rebels withdrew from Idlib on Monday. They now claim to hold the road to Latakia.",
            [("they", "syr.reb")],
        ),
        (  # the subject of the sentence before, not the nearer name
            "Putin met Obama in Moscow. He said the talks were useful.",
            [("he", "person.vladimir-putin")],
        ),
    ],
)
def test_resolved_where_a_reader_would(pipeline, text, expected):
    assert _pronoun_links(pipeline.extract(text, published="2015-10-10")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Iran met in Tehran. They agreed to cooperate.",  # they: both, not one actor
        "Putin and Obama met in Moscow. He said the talks were useful.",  # he: either
        "It is clear that the army will attack. It was reported that shelling continued.",  # "it" of no one
        "Russia bombed the town and shelled it again.",  # an object "it" is a thing here
        "The army clashed with the militants after they entered the village.",  # either side could be meant
        "The talks in Geneva ended on Friday. They failed to agree on a ceasefire.",  # no fitting subject
    ],
)
def test_left_alone_where_a_reader_could_not_tell(pipeline, text):
    assert _pronoun_links(pipeline.extract(text, published="2015-10-10")) == []


def test_a_resolved_possessive_owns_its_agent(pipeline):
    """ "Its jets": Russia's armed forces, not the armed forces of the country the text is set in."""
    report = pipeline.extract(
        "Russia said it had struck targets near Raqqa, Syria. Its jets also bombed a bridge.", published="2015-10-10"
    )
    bombing = next(e for e in report.events if "bombed" in e.evidence.text)
    assert bombing.actors == ("rus.mil",)


def test_a_resolved_pronoun_acts_in_an_event(pipeline):
    report = pipeline.extract(
        "The Taliban seized two districts in Helmand. On Tuesday they attacked a police checkpoint near Lashkar Gah.",
        published="2016-05-10",
    )
    attack = next(e for e in report.events if "afg.cop" in e.recipients)  # told as one incident with the seizure
    assert attack.actors == ("afg.taliban",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "she" is the woman the name or the title shows, not the nearer man
        ("Jane Roe met John Doe in Ohio. She said the meeting went well.", [("she", "new.jane-roe")]),
        ("Mrs. Kowalczyk met Mr. Nowak in Ohio. She said the meeting went well.", [("she", "new.kowalczyk")]),
        # "he" never stands for a woman: the one man named is who "he" is
        ("Jane Roe criticized John Doe in Ohio. He said nothing.", [("he", "new.john-doe")]),
    ],
)
def test_gender_from_names_and_titles(pipeline, text, expected):
    assert _pronoun_links(pipeline.extract(text, published="2016-09-10")) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a nearer actor in the pronoun's own sentence could be meant: left alone
        "The militants took the town. Since Russia's campaign began, it has bombed the bridges.",
        # "it's" with a curly apostrophe is the copula: no one
        "The rebels hold the hills. You look to the left, it’s the army.",
    ],
)
def test_left_alone_when_a_nearer_actor_or_no_one_is_meant(pipeline, text):
    assert not [link for link in _pronoun_links(pipeline.extract(text, published="2015-10-10")) if link[0] == "it"]
