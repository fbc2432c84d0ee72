"""What was done, what was set out to be done, and what an actor declares it will do (events.status,
extract._declared), and ground taken in a fight as one battle (events.merge.merge_ground). Sentences of our own."""

import pytest


def _events(pipeline, text):
    return pipeline.extract(text, published="2021-03-02").events


def test_a_purpose_is_planned(pipeline):
    events = _events(pipeline, "Nigerian troops repelled a counterattack by Boko Haram to retake Bama on Monday.")
    retake = [e for e in events if "retake" in e.evidence.text and e.type == "COERCE"]
    assert retake and retake[0].status == "planned"


def test_an_attempt_is_an_attack_made(pipeline):
    events = _events(pipeline, "Boko Haram fighters made two attempts to attack an army post near Bama on Monday.")
    assert [e.status for e in events if e.type == "ASSAULT"] == ["asserted"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # the next three adapted from PLOVER gold-standard records (© 2016 Open Event Data Alliance, CC BY-SA 4.0)
        ("Libya has offered to hand over two suspects to Britain.", "AGREE"),
        ("Syria says it is willing to withdraw its troops from Lebanon.", "AGREE"),
        ("Palestinian leaders said they would boycott all official contact with the United States.", "THREATEN"),
        ("Nigeria said it will withdraw its peacekeepers from Chad unless a ceasefire is agreed.", "THREATEN"),
    ],
)
def test_a_declared_intent_is_the_declaration(pipeline, text, plover):
    events = _events(pipeline, text)
    assert [e.type for e in events][:1] == [plover]
    assert "acled_event_type" not in dict(events[0].codes)  # ACLED codes what was done, not what was offered


def test_an_expected_attack_stays_a_planned_attack(pipeline):
    events = _events(pipeline, "The Nigerian army is expected to attack Bama next week.")
    assert [(e.type, e.status) for e in events] == [("ASSAULT", "planned")]


def test_the_fighting_for_ground_is_one_battle(pipeline):
    text = (
        "Three Libyan government troops were killed on 2 July in clashes with Islamic State fighters in Sirte, "
        "after taking control of the city center."
    )
    events = [e for e in _events(pipeline, text) if e.type in ("ASSAULT", "COERCE")]
    assert len(events) == 1 and events[0].also
    assert dict(events[0].codes)["acled_sub_event_type"] == "Government regains territory"
    assert events[0].fatalities is not None and events[0].fatalities.min == 3


def test_a_crowd_burning_property_is_rioting(pipeline):
    events = _events(pipeline, "Residents burned the offices of the ruling party in Kano.")
    codes = [dict(e.codes).get("acled_event_type") for e in events if e.type == "ASSAULT"]
    assert codes == ["Riots"]  # mob violence: a crowd, not an armed group


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The region is full of militants bent on attacking the capital.", "planned"),
        ("A cell intent on killing the governor was broken up in Kessa.", "planned"),
        ("The army took Kessa without a shot being fired.", "negated"),
        ("The mayor of Kessa was reportedly shot by gunmen on Monday.", "reported"),
        ("Guards allegedly beat a detainee in Kessa on Monday.", "claimed"),
        ("The mayor, who was reportedly shot by a rival gang in 2012, spoke on Monday.", "reported"),
        ("Militants attacked a post in Kessa and reportedly wounded a guard.", "asserted"),
        ("Gunmen attack and loot traders in Kessa, 2km from the market.", "asserted"),
        ("Gunmen attacked Kessa without warning on Monday.", "asserted"),
        ("Militants bent the rules and attacked Kessa on Monday.", "asserted"),
    ],
)
def test_intent_without_and_hearsay_set_the_status(pipeline, text, status):
    violent = [e for e in _events(pipeline, text) if e.type == "ASSAULT"]
    assert violent and violent[0].status == status, [(e.evidence.text, e.status) for e in violent]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Relatives called for more details about the fatal shooting of a trader in Kessa.", "reported"),
        ("The senator called for airstrikes on the camps near Kessa.", "hypothetical"),
        ("Rebels urged their allies to attack the town of Kessa.", "hypothetical"),
    ],
)
def test_an_event_named_inside_what_is_asked_for_is_not_asked_for(pipeline, text, status):
    violent = [e for e in _events(pipeline, text) if e.type == "ASSAULT"]
    assert violent and violent[0].status == status, [(e.evidence.text, e.status) for e in violent]


@pytest.mark.parametrize(
    "text",
    [
        "The sheriff has no plan to publish the two videos of the shooting of a farmer in Kessa.",
        "The governor promised to publish a report on the massacre in Kessa.",
    ],
)
def test_an_event_a_record_is_of_took_place(pipeline, text):
    violent = [e for e in _events(pipeline, text) if e.type == "ASSAULT"]
    assert violent and violent[0].status in ("asserted", "reported", "claimed"), [
        (e.evidence.text, e.status) for e in violent
    ]
