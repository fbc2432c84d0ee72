"""Which event stands for a row, and its ACLED and CASE labels: hand-built reports, no pipeline."""

import pytest

from warlog.evaluate.acled import fatalities_coded, parse_acled_date, states_number
from warlog.evaluate.coding import acled_coding, case_label, choose_event, old_event_type
from warlog.model import Actor, Claim, Document, Event, Evidence, Happening, Report

DOCUMENT = Document(id="d_test", text="x" * 200)


def event(start, type="ASSAULT", mode=None, status="asserted", codes=(), recipients=(), event_id=None):
    return Event(
        id=event_id or f"e{start}", type=type, mode=mode, status=status, codes=tuple(codes), recipients=recipients,
        evidence=Evidence(start, start + 5, "x" * 5),
    )  # fmt: skip


def report(*events, actors=()):
    return Report(version="test", document=DOCUMENT, events=events, actors=actors)


def test_no_event():
    assert choose_event(report()) is None
    assert case_label(None, report()) == "OTHER"


def test_choice_prefers_asserted_then_coded_then_material_conflict_then_first():
    denied = event(0, status="denied", codes=[("acled_event_type", "Battles")])
    consult = event(10, type="CONSULT")
    later_assault = event(50, type="ASSAULT")
    early_assault = event(20, type="ASSAULT")
    assert choose_event(report(denied, consult, later_assault, early_assault)) is early_assault
    coded = event(90, type="ACCUSE", codes=[("acled_event_type", "Protests")])
    assert choose_event(report(denied, consult, early_assault, coded)) is coded
    assert choose_event(report(denied)) is denied  # a denied event is still better than none


def test_codes_win_over_the_plover_mapping():
    coded = event(0, type="ASSAULT", mode="aerial", codes=[("acled_sub_event_type", "Grenade")])
    assert acled_coding(coded, report(coded)) == ("Explosions/Remote violence", "Grenade")


@pytest.mark.parametrize(
    ("type", "mode", "expected"),
    [
        ("ASSAULT", "aerial", ("Explosions/Remote violence", "Air/drone strike")),
        ("ASSAULT", "heavy-weapons", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("PROTEST", "demo", ("Protests", "Peaceful protest")),
        ("PROTEST", "riot", ("Riots", "Violent demonstration")),
        ("COERCE", "arrest", ("Strategic developments", "Arrests")),
        ("ASSAULT", "firearms", ("Battles", "Armed clash")),
        ("ACCUSE", None, (None, None)),
    ],
)
def test_plover_fallback(type, mode, expected):
    found = event(0, type=type, mode=mode)
    assert acled_coding(found, report(found)) == expected


def test_an_assault_on_civilians_only_is_an_attack():
    civilians = Actor(id="mex.cvl", name="Mexican civilians", kind="civilians")
    found = event(0, type="ASSAULT", mode="firearms", recipients=("mex.cvl",))
    assert acled_coding(found, report(found, actors=(civilians,))) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("event_type", "sub_type", "old"),
    [
        ("Battles", "Armed clash", "Battle-No change of territory"),
        ("Battles", "Government regains territory", "Battle-Government regains territory"),
        ("Explosions/Remote violence", "Air/drone strike", "Remote violence"),
        ("Riots", None, "Riots/Protests"),
        ("Strategic developments", "Non-violent transfer of territory", "Non-violent transfer of territory"),
        (None, None, None),
    ],
)
def test_old_event_types(event_type, sub_type, old):
    assert old_event_type(event_type, sub_type) == old


def test_case_label_from_code_then_sub_type():
    with_code = event(0, codes=[("case", "diplo"), ("acled_sub_event_type", "Armed clash")])
    assert case_label(with_code, report(with_code)) == "DIPLO"
    with_sub = event(0, codes=[("acled_sub_event_type", "Suicide bomb")])
    assert case_label(with_sub, report(with_sub)) == "SUIC_BOMB"
    uncoded = event(0, type="CONSULT")
    assert case_label(uncoded, report(uncoded)) == "OTHER"


@pytest.mark.parametrize(
    ("kind", "label"),
    [("natural_disaster", "NATURAL_DISASTER"), ("man_made_disaster", "MAN_MADE_DISASTER"), ("crime", "ORG_CRIME")],
)
def test_a_happening_without_violence_labels_the_snippet(kind, label):
    happening = Happening(id="h", kind=kind, evidence=Evidence(0, 5, "x" * 5))
    alone = Report(version="test", document=DOCUMENT, happenings=(happening,))
    assert case_label(None, alone) == label
    arrest = event(0, type="COERCE", mode="arrest")
    with_arrest = Report(version="test", document=DOCUMENT, events=(arrest,), happenings=(happening,))
    assert case_label(arrest, with_arrest) == label
    attack = event(0, codes=[("acled_sub_event_type", "Suicide bomb")])
    with_attack = Report(version="test", document=DOCUMENT, events=(attack,), happenings=(happening,))
    assert case_label(attack, with_attack) == "SUIC_BOMB"


def test_a_claim_of_responsibility_is_an_attribution():
    attack = event(0, codes=[("acled_sub_event_type", "Remote explosive/landmine/IED")])
    claim = Claim(id="c", text="responsibility for the bombing", evidence=Evidence(0, 5, "x" * 5), cue="claimed")
    claimed = Report(version="test", document=DOCUMENT, events=(attack,), claims=(claim,))
    assert case_label(attack, claimed) == "ATTRIB"
    said = Claim(id="c", text="the bombing killed two", evidence=Evidence(0, 5, "x" * 5), cue="said")
    assert (
        case_label(attack, Report(version="test", document=DOCUMENT, events=(attack,), claims=(said,))) == "REM_EXPLOS"
    )


def test_an_event_claimed_by_a_claim_of_responsibility_is_an_attribution():
    attack = event(0, codes=[("acled_sub_event_type", "Armed clash"), ("case", "ARMED_CLASH")])
    claim = Claim(id="c", text="responsibility for the attack", evidence=Evidence(0, 5, "x" * 5), cue="claimed",
                  events=(attack.id,))  # fmt: skip
    assert case_label(attack, Report(version="test", document=DOCUMENT, events=(attack,), claims=(claim,))) == "ATTRIB"
    other = Claim(id="c", text="responsibility for the attack", evidence=Evidence(0, 5, "x" * 5), cue="claimed")
    assert (
        case_label(attack, Report(version="test", document=DOCUMENT, events=(attack,), claims=(other,)))
        == "ARMED_CLASH"  # the code wins when the claim is about something else
    )


@pytest.mark.parametrize(("type", "mode"), [("SANCTION", "expel"), ("SANCTION", "discontinue"), ("REQUEST", None)])
def test_sanctions_and_requests_outside_acled_are_diplomacy(type, mode):
    diplomacy = event(0, type=type, mode=mode)
    assert case_label(diplomacy, report(diplomacy)) == "DIPLO"
    agreement = event(0, type="AGREE")
    assert case_label(agreement, report(agreement)) == "AGREEMENT"


@pytest.mark.parametrize(
    ("value", "iso"),
    [("9-May-20", "2020-05-09"), ("2016-07-02", "2016-07-02"), ("09 May 2020", "2020-05-09"), ("soon", None)],
)
def test_acled_dates(value, iso):
    assert parse_acled_date(value) == iso


@pytest.mark.parametrize(
    ("notes", "stated"),
    [
        ("On 3 May 2020, two soldiers were killed near the town.", True),
        ("Gunmen killed 4 people in a market.", True),
        ("The clash left 12 wounded.", True),
        ("On 3 May 2020, a man was killed in the town.", False),  # the date is not a count
        ("On 3 May 2020, 300 people marched peacefully.", False),
    ],
)
def test_notes_that_state_a_count(notes, stated):
    assert states_number(notes) is stated


def test_coded_fatalities():
    assert fatalities_coded("Several were killed; fatalities coded as 10.")
    assert fatalities_coded("Fatalities coded as 3 for each of the three events.")
    assert not fatalities_coded("Three people were killed.")


def test_a_denial_without_an_event_is_an_attribution():
    denial = Claim(id="c", text="a report that it armed the rebels", evidence=Evidence(0, 5, "x" * 5), cue="denied")
    assert case_label(None, Report(version="test", document=DOCUMENT, claims=(denial,))) == "ATTRIB"
    said = Claim(id="c", text="the talks went well", evidence=Evidence(0, 5, "x" * 5), cue="said")
    assert case_label(None, Report(version="test", document=DOCUMENT, claims=(said,))) == "OTHER"
