"""Unnamed people in an event's roles (events.parties): victims are civilians, who protests a protester,
unknown men who attack an armed group, all of the document's country; without a country, nobody."""

import pytest


def _event(report, event_type):
    events = [e for e in report.events if e.type == event_type]
    assert events, [(e.type, e.text) for e in report.events]
    return events[0]


def _mentions(report, actor_id):
    return [m.text for a in report.actors if a.id == actor_id for m in a.mentions]


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        (  # the victim of an attack is a civilian of the country; the attackers an armed group
            "On 3 June 2021, in Tijuana, Baja California, two armed men shot a shopkeeper in his store.",
            ("mex.uaf",),
            ("mex.cvl",),
        ),
        (  # "by" taken for a plain preposition still names who beat him
            "On 3 June 2021, in Manaus, Amazonas, a man was beaten to death in a market by 12 men.",
            ("bra.uaf",),
            ("bra.cvl",),
        ),
        (  # the subject the parser hung on a participle ("armed men driving ...") acts in the main verb
            "On 4 June 2021, in Celaya, Guanajuato, armed men driving a pickup attacked a police patrol.",
            ("mex.uaf",),
            ("mex.cop",),
        ),
    ],
)
def test_unnamed_people_of_an_attack(pipeline, text, actors, recipients):
    event = _event(pipeline.extract(text, published="2021-06-05"), "ASSAULT")
    assert (event.actors, event.recipients) == (actors, recipients)


def test_the_mention_keeps_the_words_of_the_text(pipeline):
    report = pipeline.extract(
        "On 3 June 2021, in Tijuana, Baja California, gunmen attacked a man and a woman.", published="2021-06-05"
    )
    assert _event(report, "ASSAULT").recipients == ("mex.cvl",)
    assert _mentions(report, "mex.cvl") == ["a man", "a woman"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 2 June 2021, hundreds of teachers protested in Lahore, Punjab, demanding their back pay.", "pak.opp"),
        ("On 2 June 2021, taxi drivers staged a protest in Batumi over fuel prices.", "geo.opp"),
    ],
)
def test_who_protests_is_the_protesters(pipeline, text, expected):
    report = pipeline.extract(text, published="2021-06-05")
    assert _event(report, "PROTEST").actors == (expected,)
    assert len(_mentions(report, expected)) == 1  # one mention, not one from the linker and one from the event


def test_without_a_country_nobody_is_named(pipeline):
    report = pipeline.extract("A man was shot dead by two men outside a bar.", published="2021-06-05")
    event = _event(report, "ASSAULT")
    assert (event.actors, event.recipients) == ((), ())
    assert not report.actors


def test_a_holder_the_tagger_missed_gives_the_country(pipeline):
    """ "(Nellore, AP)": a holder the tagger left out votes for the document's country."""
    report = pipeline.extract(
        "On 2 June 2021, farmers held a protest in Kothapalli (Nellore, AP) over crop prices.",
        published="2021-06-05",
    )
    assert _event(report, "PROTEST").actors == ("ind.opp",)


def test_a_named_actor_keeps_its_role(pipeline):
    report = pipeline.extract(
        "On 3 June 2021, in Mogadishu, Al Shabaab militants shot a trader near the market.", published="2021-06-05"
    )
    event = _event(report, "ASSAULT")
    assert "ind.opp" not in event.actors
    assert event.recipients == ("som.cvl",)
    assert not any(a.endswith(".uaf") for a in event.actors)


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        (  # a crowd that attacks is rioters (ACLED's "Rioters (X)", the protesters' id here)
            "On 5 June 2021, in Kisumu, community members stoned two police officers near the market.",
            ("ken.opp",),
            ("ken.cop",),
        ),
        (  # an unknown party that fires is an armed group, not a political party
            "On 5 June 2021, heavy artillery fire by an unknown party was reported in Benghazi.",
            ("lby.uaf",),
            (),
        ),
        (  # armed inmates are armed men, not a crowd
            "On 5 June 2021, in Recife, Pernambuco, a prisoner was stabbed to death by three armed inmates.",
            ("bra.uaf",),
            ("bra.cvl",),
        ),
    ],
)
def test_who_attacks_unnamed(pipeline, text, actors, recipients):
    event = _event(pipeline.extract(text, published="2021-06-06"), "ASSAULT")
    assert (event.actors, event.recipients) == (actors, recipients)


def test_civilians_who_protest_are_protesters(pipeline):
    report = pipeline.extract(
        "On 5 June 2021, in Maracay, Aragua state, a group of residents blocked the highway to demand fuel.",
        published="2021-06-06",
    )
    assert _event(report, "PROTEST").actors == ("ven.opp",)


def test_an_off_duty_officer_is_a_civilian(pipeline):
    text = "On 5 June 2021, in Puebla, gunmen in a car shot dead a police officer who was off-duty."
    report = pipeline.extract(text, published="2021-06-06")
    event = _event(report, "ASSAULT")
    assert dict(event.codes)["acled_event_type"] == "Violence against civilians"


def test_the_states_posts_are_its_forces(pipeline):
    """ "the governmental positions" are held by the state's forces: the attack's recipient is its army."""
    report = pipeline.extract(
        "On 5 June 2021, rebels fired mortars at governmental positions near Dhamar, Yemen.", published="2021-06-06"
    )
    assert _event(report, "ASSAULT").recipients == ("yem.mil",)


def test_unmarked_positions_are_nobodys(pipeline):
    report = pipeline.extract(
        "On 5 June 2021, rebels fired mortars at positions near Dhamar, Yemen.", published="2021-06-06"
    )
    assert _event(report, "ASSAULT").recipients == ()


def test_demonstrators_fired_on_are_the_protesters(pipeline):
    report = pipeline.extract(
        "On 5 June 2021, police in Cairo opened fire to disperse demonstrators, killing one person.",
        published="2021-06-06",
    )
    event = _event(report, "ASSAULT")
    assert event.recipients == ("egy.opp",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 5 June 2021, soldiers arrested 40 Palestinians near Hebron.", ["pse.cvl"]),
        ("On 5 June 2021, thousands of Afghans crossed into Pakistan.", ["afg.cvl"]),
        ("Illegal aliens kill Americans, the candidate claimed.", []),  # a bare plural names a kind
    ],
)
def test_a_counted_plural_demonym_is_the_people(pipeline, text, expected):
    report = pipeline.extract(text, published="2021-06-06")
    assert [a.id for a in report.actors if a.id.endswith(".cvl")] == expected


def test_the_acting_states_people_without_a_country_of_the_text(pipeline):
    """No place names a country, but the police are Egypt's: the demonstrators they fire on are Egyptian."""
    report = pipeline.extract(
        "Egyptian police opened fire to disperse demonstrators on Monday night, killing one person.",
        published="2001-01-01",
    )
    assert _event(report, "ASSAULT").recipients == ("egy.opp",)


def test_workers_of_a_firm_who_protest_are_protesters(pipeline):
    """ "80 workers of a cleaning company protested", parsed as a participle on "company": the workers protest."""
    report = pipeline.extract(
        "On 7 May 2021, about 80 workers of a cleaning company protested in Split, Croatia, over unpaid wages.",
        published="2021-05-09",
    )
    assert _event(report, "PROTEST").actors == ("hrv.opp",)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("On 2 June 2021, a sit-in was held in front of the town hall in Sfax.", "a sit-in"),
        ("On 2 June 2021, in Sfax, they protested against the rise of fuel prices.", "they"),
        ("On 2 June 2021, residents of a suburb of Sfax went to the streets to protest over water cuts.", None),
    ],
)
def test_a_protest_whose_crowd_is_unnamed_is_held_by_protesters(pipeline, text, mention):
    report = pipeline.extract(text, published="2021-06-05")
    event = _event(report, "PROTEST")
    assert event.status == "asserted"  # gathering to protest is protesting
    assert event.actors == ("tun.opp",)
    if mention is not None:
        assert mention in _mentions(report, "tun.opp")


@pytest.mark.parametrize(
    "text",
    [
        "On 2 June 2021, the minister spoke at a rally in Sfax about fuel prices.",  # a setting of a speech
        "On 2 June 2021, the mayor of Sfax resigned in protest over fuel prices.",  # a manner
    ],
)
def test_a_protest_that_sets_another_event_gets_no_crowd(pipeline, text):
    report = pipeline.extract(text, published="2021-06-05")
    assert not _mentions(report, "tun.opp"), [(e.type, e.actors, e.text) for e in report.events]


@pytest.mark.parametrize(
    ("text", "recipients"),
    [  # the dead the toll counts are the victims of a shelling or an attack when they are civilians
        ("On 3 June 2021, three shoppers died in a mortar attack on a market in Mogadishu.", ("som.cvl",)),
        ("On 3 June 2021, three soldiers died in a mortar attack on a base in Mogadishu.", ()),
    ],
)
def test_the_dead_a_toll_counts_are_the_victims(pipeline, text, recipients):
    event = _event(pipeline.extract(text, published="2021-06-05"), "ASSAULT")
    assert tuple(r for r in event.recipients if r.endswith(".cvl")) == recipients


def test_victims_are_of_the_country_where_it_happened_and_nobodys_where_that_is_unknown(pipeline):
    placed = pipeline.extract("Russian jets struck a school in Idlib on Tuesday, killing five children.")
    assert "syr.cvl" in _event(placed, "ASSAULT").recipients  # not Russian civilians
    unknown = pipeline.extract(
        "Russian jets struck a school in Qaryat Zuhra on Tuesday, killing five children. Russia denied it."
    )
    assert not any(r.endswith(".cvl") for r in _event(unknown, "ASSAULT").recipients)
