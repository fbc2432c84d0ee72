"""A protest and what happened at it are one event, whose ACLED sub-event type says how it went
(warlog.events.protests). Sentences of our own."""

import pytest

PEACEFUL = ("Protests", "Peaceful protest")
INTERVENTION = ("Protests", "Protest with intervention")
FORCE = ("Protests", "Excessive force against protesters")
VIOLENT = ("Riots", "Violent demonstration")


def _coded(pipeline, text):
    """The ACLED event type and sub-event type of the text's one protest."""
    _, protests = _protests(pipeline, text)
    assert len(protests) == 1, [(e.mode, e.evidence.text) for e in protests]
    codes = dict(protests[0].codes)
    return codes["acled_event_type"], codes["acled_sub_event_type"]


def _protests(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    return report, [e for e in report.events if e.type == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("On Monday, hundreds of traders marched in Nairobi against new taxes. Kenyan police dispersed them "
         "with tear gas.", INTERVENTION),
        ("On Monday, residents protested in Nairobi over water cuts. They burned tyres and threw stones at "
         "passing cars.", VIOLENT),
        ("On Monday, students rallied in Nairobi over fees. Kenyan police shot dead two of the protesters.", FORCE),
        # protesters who fight the police, barricade a road or block it with stones demonstrate violently
        ("On Monday, workers staged a demonstration in Nairobi over unpaid wages. They clashed with Kenyan police "
         "who fired tear gas.", VIOLENT),
        ("On Monday, residents blocked roads with stones in Nairobi to demand water.", VIOLENT),
        ("On Monday, bus drivers barricaded the main road in Nairobi to denounce a new levy.", VIOLENT),
        ("On Monday, traders staged a sit-in and blocked the road in Nairobi over market fees.", PEACEFUL),
        # what a protest is about is no piece of it
        ("On Monday, students protested in Nairobi against the arrest of a lecturer.", PEACEFUL),
        ("On Monday, farmers protested in Nairobi, demanding justice for the killing of a farmer by unknown "
         "gunmen.", PEACEFUL),
    ],
)  # fmt: skip
def test_the_protest_is_coded_by_how_it_went(pipeline, text, acled):
    assert _coded(pipeline, text) == acled


def test_the_pieces_are_no_events_of_their_own(pipeline):
    text = "On Monday, hundreds of traders marched in Nairobi against new taxes. Kenyan police dispersed them."
    report, protests = _protests(pipeline, text)
    assert [e.type for e in report.events] == ["PROTEST"]
    assert [text[a.start : a.end] for a in protests[0].also] == ["Kenyan police dispersed them"]


def test_an_attack_by_other_people_stays_its_own_event(pipeline):
    text = (
        "On Monday, traders marched in Nairobi against new taxes. The same day, al-Shabaab militants attacked "
        "a police post in Mandera."
    )
    report, protests = _protests(pipeline, text)
    assert any(e.type == "ASSAULT" for e in report.events)
    assert dict(protests[0].codes)["acled_sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Teachers marched in Tarvo to demand higher pay. "
            "The police intervened to disperse the crowd and arrested ten.",
            "Protest with intervention",
        ),
        (
            "Youths blocked the main road into Korvan over power cuts. Police forces dispersed the crowd.",
            "Protest with intervention",
        ),
        (
            "Residents blocked the highway near Tarvo with burning tyres to protest against water shortages.",
            "Violent demonstration",
        ),
        (
            "Villagers protested in Korvan against the new quarry. They threw stones at the company's offices.",
            "Violent demonstration",
        ),
        ("Students marched peacefully through Tarvo. Police threw stones back at them.", "Peaceful protest"),
    ],
)
def test_what_happened_at_the_protest_types_it(pipeline, text, sub_type):
    report = pipeline.extract(text, published="2021-03-02")
    protests = [e for e in report.events if e.type == "PROTEST"]
    assert len(protests) == 1, [(e.type, e.evidence.text) for e in report.events]
    assert dict(protests[0].codes).get("acled_sub_event_type") == sub_type


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        # the words say the protest turned violent, with no event of their own
        ("Thousands of protesters marched in Manama on Wednesday. Clashes erupted between police and "
         "protesters near the ministry.", VIOLENT),
        ("Demonstrators rallied in Portland on Thursday. Some protesters smashed store windows and damaged "
         "cars.", VIOLENT),
        ("The protest in Hamburg turned violent on Saturday.", VIOLENT),
        ("A large number of demonstrators barricading the main roads gathered in Sikasso on Monday.", VIOLENT),
        ("Dozens were arrested during a demonstration in Bristol after projectiles were thrown at police.", VIOLENT),
        ("Protesters pulled down concrete walls during a demonstration in central Baghdad on Friday.", VIOLENT),
        # ... but not what the protest is against, nor the police's violence, nor a denial
        ("Hundreds marched in Denver on Sunday against gun violence.", PEACEFUL),
        ("Students protested in Addis Ababa on Monday. The march was peaceful and not violent.", PEACEFUL),
        # the authorities broke it up
        ("Police suppressed a student demonstration in Izmir on Monday.", INTERVENTION),
        ("Riot police broke up a rally of teachers in Lagos on Friday.", INTERVENTION),
    ],
)  # fmt: skip
def test_what_the_words_say_of_how_it_went(pipeline, text, acled):
    assert _coded(pipeline, text) == acled


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("Five protesters were killed when security forces opened fire on demonstrators in Basra.", FORCE),
        ("Dozens were injured as police fired tear gas and rubber bullets to disperse the protesters in "
         "Beirut.", FORCE),
        ("Soldiers fired on demonstrators who threw stones at them in Srinagar.", VIOLENT),
        ("Police clashed with rioters in Lafto on Tuesday.", VIOLENT),
    ],
)  # fmt: skip
def test_force_on_protesters_is_coded_as_a_protest_without_a_protest_event(pipeline, text, acled):
    report = pipeline.extract(text, published="2021-03-02")
    coded = {(dict(e.codes).get("acled_event_type"), dict(e.codes).get("acled_sub_event_type")) for e in report.events}
    assert acled in coded, [(e.type, e.mode, dict(e.codes), e.evidence.text) for e in report.events]
    assert ("Battles", "Armed clash") not in coded


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("At least two people were killed in a protest in Omdurman on Wednesday after security forces used tear "
         "gas to disperse the demonstrators.", FORCE),
        ("Several people were injured after police dispersed a protest in Tarvo on Friday.", FORCE),
        ("Two people were killed during a protest in Tarvo on Friday.", PEACEFUL),  # no force by anyone told
    ],
)  # fmt: skip
def test_casualties_of_a_protest_the_police_broke_up_are_excessive_force(pipeline, text, acled):
    assert _coded(pipeline, text) == acled


def test_whom_the_protesters_fought_is_the_other_side(pipeline):
    text = "On Monday, workers marched in Nairobi over unpaid wages. They clashed with Kenyan police."
    _, protests = _protests(pipeline, text)
    assert len(protests) == 1 and protests[0].recipients, [(e.evidence.text, e.recipients) for e in protests]


@pytest.mark.parametrize(
    "text",
    [
        "Police shot a taxi driver in Kessa on Monday, and the shooting sparked protests.",
        "The killing of a student by soldiers triggered protests in Kessa on Monday.",
        "Residents protested in Kessa on Monday after police shot a taxi driver.",
    ],
)
def test_what_caused_the_protest_stays_its_own_event(pipeline, text):
    """An attack told as what the protest answers ("sparked protests", "protested after police shot") is its
    cause, not force at it: both are events."""
    report, protests = _protests(pipeline, text)
    assert len(protests) == 1
    attacks = [e for e in report.events if e.type == "ASSAULT"]
    assert len(attacks) == 1, [(e.type, e.evidence.text) for e in report.events]
    assert dict(attacks[0].codes)["acled_event_type"] == "Violence against civilians"


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("Riot police fired rubber bullets and tear gas at a crowd in Kessa on Monday.", INTERVENTION),
        ("Twenty people were injured in Kessa on Monday as riot police fired rubber bullets to clear the square.",
         FORCE),
    ],
)  # fmt: skip
def test_means_of_crowd_control_fired_are_one_event(pipeline, text, acled):
    """The means a verb of firing fires is that firing's ("fired rubber bullets and tear gas"), and the
    wounded told with force on a crowd are its own: one event, force at a protest."""
    report = pipeline.extract(text, published="2021-03-02")
    assert len(report.events) == 1, [(e.type, e.mode, e.evidence.text) for e in report.events]
    codes = dict(report.events[0].codes)
    assert (codes["acled_event_type"], codes["acled_sub_event_type"]) == acled


def test_a_protest_told_with_its_pieces_is_no_bare_mention(pipeline):
    """A protest that names no place or actor of its own is still an incident when the text tells what
    happened at it."""
    text = "Crowds held an unlawful march as riot police fired tear gas, with some marchers hurling petrol bombs."
    _, protests = _protests(pipeline, text)
    assert len(protests) == 1
    assert dict(protests[0].codes).get("acled_event_type") == "Riots"


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("The senator attended a Mary Whitmore rally in Toledo on Tuesday.", False),
        ("Jim Garza spoke at Mary Whitmore's rally in Toledo on Tuesday.", False),
        ("After his rally in Toledo, the governor flew to Austin.", False),
        ("Mary Whitmore held rallies in Toledo and Akron on Tuesday.", False),
        # a rally of supporters, of a party or for a cause is a demonstration
        ("Trump supporters rallied in Toledo on Tuesday.", True),
        ("Opposition supporters held a rally in Dhaka against the government on Friday.", True),
        ("Nurses rallied in Toledo over pay on Tuesday.", True),
    ],
)
def test_a_candidates_own_rally_is_no_protest(pipeline, text, protest):
    """A rally one person holds is that person's campaign event, not a demonstration against anyone."""
    _, protests = _protests(pipeline, text)
    assert bool(protests) is protest, [(e.evidence.text, e.actors) for e in protests]


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("Bus drivers strike in Kessa over unpaid wages.", True),
        ("Nurses at the Kessa hospital struck on Monday to demand back pay.", True),
        ("Militants struck a police post in Kessa on Monday.", False),
    ],
)
def test_workers_who_strike_stop_work(pipeline, text, protest):
    """A verb of striking whose subject is people who work, with no object, is a stoppage of work."""
    _, protests = _protests(pipeline, text)
    assert bool(protests) is protest, [(e.type, e.mode, e.evidence.text) for e in protests]


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("Protesters blocking the main road into Kessa caused a long traffic jam on Monday.", True),
        ("A group of demonstrators sang and waved flags outside the radio station in Kessa on Monday.", True),
        # an act done to them tells its own event
        ("Police arrested twenty protesters in Kessa on Monday.", False),
        ("The protesters were mostly students from Kessa.", False),
    ],
)
def test_protesters_who_do_something_are_a_protest(pipeline, text, protest):
    """Protesters (or a group of them) as the subject of a clause tell a protest, whatever the verb: one event."""
    _, protests = _protests(pipeline, text)
    assert len(protests) == int(protest), [(e.type, e.evidence.text) for e in protests]
