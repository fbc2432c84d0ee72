"""The dead, the wounded and the captured of an event are counted apart."""

import pytest


@pytest.mark.parametrize(
    ("text", "killed", "wounded", "captured"),
    [
        ("Two people were killed and 18 were wounded during a mortar attack against Baidoa.", 2, 18, None),
        ("Police arrested 30 protesters in Harare on Monday.", None, None, 30),
        ("Gunmen killed four soldiers and abducted two officers near Maiduguri.", 4, None, 2),
    ],
)
def test_tolls_stay_apart(pipeline, text, killed, wounded, captured):
    report = pipeline.extract(text, published="2016-07-05")
    found = {
        "killed": [e.fatalities.min for e in report.events if e.fatalities],
        "wounded": [e.wounded.min for e in report.events if e.wounded],
        "captured": [e.captured.min for e in report.events if e.captured],
    }
    for kind, value in (("killed", killed), ("wounded", wounded), ("captured", captured)):
        assert found[kind] == ([value] if value is not None else []), (kind, found)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the fighting told once more with its toll in the next sentence is the same incident
        (
            "Gunmen attacked a police post in Kadugli. After an exchange of fire, the gunmen claimed to have "
            "killed three officers.",
            3,
        ),
        ("Rebels shelled army positions in Kadugli. Stray shells also hit a market, killing four civilians.", 4),
        # a count told by a misparsed state after "resulting in", and one before a clash told as its circumstance
        ("Herders clashed with farmers near Kadugli, resulting in 3 killed and 10 wounded.", 3),
        ("At least six people are feared dead following a clash between two clans near Kadugli.", 6),
    ],
)
def test_one_incident_takes_its_toll(pipeline, text, killed):
    report = pipeline.extract(text, published="2016-07-05")
    violent = [e for e in report.events if e.type == "ASSAULT"]
    assert len(violent) == 1, [e.evidence.text for e in violent]
    assert violent[0].fatalities is not None and violent[0].fatalities.min == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # another incident: set apart by "separate", or the earlier clash the police came to break up
        ("Rebels shelled army positions in Kadugli. In a separate attack, shells hit Dilling, killing four.", None),
        (
            "Gunmen clashed with police officers who had come to break up an earlier clash between gangs in "
            "Kadugli. Three men died.",
            3,
        ),
    ],
)
def test_the_first_incident_keeps_its_own_toll(pipeline, text, killed):
    report = pipeline.extract(text, published="2016-07-05")
    first = min((e for e in report.events if e.type == "ASSAULT"), key=lambda e: e.evidence.start)
    assert (first.fatalities.min if first.fatalities else None) == killed


@pytest.mark.parametrize(
    ("text", "killed", "acled"),
    [
        # a killing told before the fighting that is its circumstance is that fighting's toll, and the dead tell
        # whom an attack struck when it names no one
        ("On 7 May, in Baidoa, a man was killed after exchanging fire with police officers.", 1, "Armed clash"),
        ("Eight soldiers were killed following a rebel ambush on the outskirts of Baidoa.", 8, "Armed clash"),
        ("Two rebels were killed and one was wounded when soldiers repulsed their attack near Baidoa.", 2, None),
        (
            "On 9 May, a police commander was killed when he was hit by a landmine in Kandahar.",
            1,
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_a_killing_before_its_fighting_is_its_toll(pipeline, text, killed, acled):
    report = pipeline.extract(text, published="2020-05-08")
    first = min((e for e in report.events if e.type == "ASSAULT"), key=lambda e: e.evidence.start)
    assert first.fatalities is not None and first.fatalities.min == killed
    if acled is not None:
        assert dict(first.codes).get("acled_sub_event_type") == acled
