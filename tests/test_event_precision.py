"""Words of violence that are not violence: rhetoric, dismissal, modifiers, kinds of events, causes.
Each case states an event an analyst would not accept; each has a twin that is violence. Sentences of our own."""

import pytest


def _assaults(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    return [e for e in report.events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The senator attacked her rival in a string of late-night tweets.",
        "A new campaign ad hits the governor over his tax returns.",
        "The mayor has been targeting the council chairman since the debate.",
        "The bank fired 5,300 employees for opening fake accounts.",
        "Managers who missed their targets could be fired.",
        "Coal-fired power plants emit most of the state's carbon.",
        "Every shooting leaves a family behind, the mayor said.",
        "Activists vowed to fight racism and corruption in the city.",
        "Investigators say hackers broke in and hacked into the party's email servers.",
        "The city has seen thousands of shootings since January, the mayor said.",
        "Police counted 2,400 shooting incidents in the city last year.",
        "You walk down the street and you get shot, the candidate said.",
        "The candidate doubled down on his attacks on a former beauty queen.",
        "Forces of political correctness are pushing women into combat roles, the candidate said.",
    ],
)
def test_no_violence_is_read(pipeline, text):
    assert not _assaults(pipeline, text), [e.evidence.text for e in _assaults(pipeline, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a bus near Kessa on Monday.",
        "Soldiers fired on the crowd in Kessa on Monday.",
        "Troops fired warning shots in Kessa on Monday.",
        "A deadly attack shook the capital on Monday.",
        "The battle for the airport lasted three days.",
        "Villagers said the attackers hit the market twice.",
    ],
)
def test_violence_is_still_read(pipeline, text):
    assert _assaults(pipeline, text)


def test_the_attack_told_again_is_kept(pipeline):
    text = "Militants attacked the embassy compound in Benghazi. The ambassador was awake all night after the attack."
    assaults = _assaults(pipeline, text)
    spans = [e.evidence.text for e in assaults] + [text[a.start : a.end] for e in assaults for a in e.also]
    assert any("after the attack" in span or span == "the attack" for span in spans), spans


@pytest.mark.parametrize(
    "text",
    [
        "Teachers in Nairobi are on strike over unpaid salaries.",
        "Nurses at the main hospital in Nairobi began a 48-hour strike on Monday.",
        "Dock workers in Mombasa started a strike to demand higher wages.",
    ],
)
def test_a_labour_strike_is_a_protest(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    assert not [e for e in report.events if e.type == "ASSAULT"]
    assert [e.mode for e in report.events if e.type == "PROTEST"] == ["strike"]


def test_an_air_strike_on_a_town_is_no_labour_strike(pipeline):
    assert _assaults(pipeline, "The coalition carried out strikes on Raqqa on Monday.")


def test_weapons_found_are_disrupted_weapons_use(pipeline):
    report = pipeline.extract(
        "Kenyan police found a cache of rifles and grenades near Garissa.", published="2021-03-02"
    )
    codes = [dict(e.codes).get("acled_sub_event_type") for e in report.events]
    assert codes == ["Disrupted weapons use"]


@pytest.mark.parametrize(
    "text",
    [
        "Explosive devices were found at a school in Tarvo, police said.",  # the kind in the modifier
        "An improvised explosive device was found near the airport and defused.",
        "The army cleared more than 2,000 landmines across the province.",
        "IEDs, mortars and rifles were found in the liberated villages.",  # conjuncts
        "Customs officers intercepted 12 locally made guns at the border.",
        "Two caches containing weapons and ammunition were discovered near the border.",  # what holds them
        "Police found a stash of grenades in a house in Mombasa.",
    ],
)
def test_weapons_taken_out_of_use_are_no_explosion(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    codes = [dict(e.codes).get("acled_sub_event_type") for e in report.events]
    assert codes == ["Disrupted weapons use"], [(e.type, e.evidence.text) for e in report.events]


@pytest.mark.parametrize("text", ["Soldiers cleared the town of Dhubab.", "Police found the owner of the shop dead."])
def test_a_place_or_a_person_is_no_weapon_found(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    assert "Disrupted weapons use" not in [dict(e.codes).get("acled_sub_event_type") for e in report.events]


def test_what_a_number_of_things_are_decides_the_trigger(pipeline):
    report = pipeline.extract("Turkish troops established a number of barracks near Kessa.", published="2021-03-02")
    codes = [dict(e.codes).get("acled_sub_event_type") for e in report.events]
    assert codes == ["Headquarters or base established"]


def test_a_bomb_of_another_event_sets_no_mode(pipeline):
    text = "A soldier hurt in an earlier bomb blast was wounded again when militants ambushed his convoy near Kessa."
    ambush = [e for e in _assaults(pipeline, text) if "ambushed" in e.evidence.text]
    assert ambush and ambush[0].mode != "explosives"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Ugandan troops withdrew from the base in Bunia on Tuesday.", "Non-violent transfer of territory"),
        ("A swathe of territory was handed over by Armenian forces to Azerbaijani control.",
         "Non-violent transfer of territory"),
        ("The senator withdrew from the race on Monday.", None),  # no ground given up
        ("About 400 fighters defected to the army in Tarvo district on Monday.", None),  # no handover
    ],
)  # fmt: skip
def test_ground_given_up_is_a_non_violent_transfer(pipeline, text, sub_type):
    report = pipeline.extract(text, published="2021-03-02")
    found = [dict(e.codes).get("acled_sub_event_type") for e in report.events if e.type == "RETREAT"]
    assert (sub_type in found) if sub_type else "Non-violent transfer of territory" not in found, found


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Gunmen opened fire on a teahouse in Tarvo on Friday.", "Attack"),  # the target hangs on "fire"
        ("Armed men attacked a hotel in Tarvo on Sunday.", "Attack"),  # a place where civilians gather
        ("Gunmen fired at a bus near Tarvo on Sunday.", "Attack"),
        ("Armed men attacked a police office in Tarvo on Sunday.", "Armed clash"),  # the compound is armed
    ],
)
def test_gunmen_firing_on_civilian_places_attack_civilians(pipeline, text, sub_type):
    report = pipeline.extract(text, published="2021-03-02")
    found = [dict(e.codes).get("acled_sub_event_type") for e in report.events if e.type == "ASSAULT"]
    assert found == [sub_type], [(e.evidence.text, dict(e.codes)) for e in report.events]


@pytest.mark.parametrize(
    "text",
    [
        "A government helicopter dropped a chlorine bomb on a residential neighbourhood of Tarvo on Monday.",
        "Rebels fired 150 mortar rounds containing poisonous gas at army positions near Tarvo.",
        "Civilians near Tarvo were attacked on Tuesday with suspected poison gas.",
    ],
)
def test_a_chemical_weapon_decides_over_what_delivered_it(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    assert [dict(e.codes).get("acled_sub_event_type") for e in report.events] == ["Chemical weapon"]


def test_destruction_from_the_air_is_an_air_strike(pipeline):
    report = pipeline.extract(
        "Turkish jets destroyed weapon depots used by militants in Tarvo.", published="2021-03-02"
    )
    assert [dict(e.codes).get("acled_sub_event_type") for e in report.events] == ["Air/drone strike"]
