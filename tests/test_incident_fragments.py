"""One incident, one event: the toll, the means and the target told in a side phrase or the next sentence
belong to the attack (events.merge: merge_participles, merge_aftermath). Sentences written for these tests."""

import pytest


def _violent(report):
    return [e for e in report.events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen on motorbikes attacked a village patrol near Kadarko. Four guards died.", 4),
        ("Militants raided an army outpost in Gubio. Two were killed, one from each side.", 2),
        ("Bandits stormed a market in Tsafe. At least six traders were killed in the attack.", 6),
        ("Rebels clashed with soldiers in Beni, which resulted in eleven fighters dead.", 11),
        ("Nine dead and four hurt when herdsmen clashed with farmers in Agatu.", 9),
        ("Two armed men attacked a shopkeeper in Colonia Centro. The victim died.", 1),
        ("Soldiers stopped a taxi at a checkpoint near Bunia. The soldiers shot the driver and killed him.", 1),
    ],
)
def test_the_toll_told_after_an_attack_is_its_toll(pipeline, text, killed):
    report = pipeline.extract(text, published="2021-03-02")
    violent = _violent(report)
    assert len(violent) == 1, [(e.evidence.text, e.fatalities) for e in violent]
    assert violent[0].fatalities is not None and violent[0].fatalities.min == killed


def test_the_later_sentence_joins_the_evidence(pipeline):
    text = "Gunmen on motorbikes attacked a village patrol near Kadarko. Four guards died."
    (event,) = _violent(pipeline.extract(text, published="2021-03-02"))
    assert any(text[e.start : e.end] == e.text and "Four guards" in e.text for e in event.also)


def test_a_count_is_not_added_to_another_incident(pipeline):
    text = "Gunmen attacked a police station in Kauru, killing three officers. Two civilians died in the crossfire."
    tolls = [e.fatalities.min for e in _violent(pipeline.extract(text, published="2021-03-02")) if e.fatalities]
    assert 3 in tolls and 5 not in tolls


def test_a_killing_by_someone_else_stays_its_own_event(pipeline):
    text = "Militants attacked a convoy near Dikwa. Separately, soldiers killed two smugglers in Monguno."
    violent = _violent(pipeline.extract(text, published="2021-03-02"))
    assert len(violent) == 2


def test_a_name_or_a_thing_is_not_one_victim(pipeline):
    report = pipeline.extract("The army attacked the rebels in Goma and killed the ceasefire.", published="2021-03-02")
    assert all(e.fatalities is None for e in report.events)


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Gunmen attacked a police patrol using grenades and rifles in Celaya.", None),
        ("The air force conducted four airstrikes targeting rebel positions near Sirte.", "Air/drone strike"),
        ("A clash between two militias, involving heavy artillery fire, was reported in Tarhuna.", "Armed clash"),
    ],
)
def test_a_side_phrase_is_part_of_the_attack(pipeline, text, sub_type):
    violent = _violent(pipeline.extract(text, published="2021-03-02"))
    assert len(violent) == 1, [e.evidence.text for e in violent]
    if sub_type is not None:
        assert dict(violent[0].codes).get("acled_sub_event_type") == sub_type


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("A farmer was found dead near Korvan with gunshot wounds.", True),
        ("Two men were found dead in a ravine outside Tarvo. Both had been beheaded.", True),
        ("A woman was found dead in her flat in Tarvo. The victim had her hands tied.", True),
        ("An elderly man was found dead in his home in Korvan on Sunday. He lived alone.", False),
        ("A hiker was found dead in the mountains above Tarvo after a storm.", False),
        # a body disposed of, or a word of murder, is a mark as well
        ("A man was found dead on a dirt road near Korvan. His body had been wrapped in a tarpaulin.", True),
        ("A young woman was found dead in Tarvo. Police have not identified the perpetrators.", True),
    ],
)
def test_a_body_found_is_an_attack_only_with_a_mark_of_violence(pipeline, text, attack):
    violent = _violent(pipeline.extract(text, published="2021-03-02"))
    assert bool(violent) == attack, [e.evidence.text for e in violent]
    if attack:
        assert dict(violent[0].codes).get("acled_sub_event_type") == "Attack"


def test_a_sentence_that_opens_with_a_count_keeps_it(pipeline):
    text = "Troops clashed with rebels near Korvan (Tarvo district). 12 rebel fighters were killed in the fight."
    (event,) = _violent(pipeline.extract(text, published="2021-03-02"))
    assert event.fatalities is not None and event.fatalities.min == 12


def test_the_dead_told_after_an_abduction_are_the_fighting_s(pipeline):
    text = (
        "Soldiers clashed with militants near Korvan after the militants abducted a herder. Two militants were killed."
    )
    events = _violent(pipeline.extract(text, published="2021-03-02"))
    killed = {e.mode: e.fatalities.min for e in events if e.fatalities}
    assert killed and "abduct" not in killed


def test_a_wounding_told_after_the_attack_is_part_of_it(pipeline):
    text = "Gunmen attacked a bus near Tarvo. One passenger died and another was injured."
    (event,) = _violent(pipeline.extract(text, published="2021-03-02"))
    assert event.fatalities is not None and event.fatalities.min == 1


def test_bodies_found_with_marks_of_violence_are_an_attack_by_nobody_named(pipeline):
    text = "Soldiers found the bodies of three men in a field near Tarvo. They had been shot in the head."
    events = _violent(pipeline.extract(text, published="2021-03-02"))
    found = [e for e in events if e.fatalities is not None]
    assert len(found) == 1 and found[0].fatalities.min == 3 and found[0].actors == ()
    quiet = pipeline.extract("Rescuers recovered the bodies of two climbers on Mount Korvan.", published="2021-03-02")
    assert not _violent(quiet)


def test_a_subject_hung_on_the_dateline_is_still_the_victim(pipeline):
    text = "On 4 March 2021, in Tarvo, Korvan province, a man was beaten to death by a crowd."
    (event,) = _violent(pipeline.extract(text, published="2021-03-05"))
    assert event.fatalities is not None and event.fatalities.min == 1


def test_monitors_counting_fire_are_not_its_party(pipeline):
    text = "On 3 March 2021, the monitoring mission observed 40 shots involving small arms near Korvan."
    (event,) = _violent(pipeline.extract(text, published="2021-03-05"))
    assert event.actors == () and dict(event.codes).get("acled_sub_event_type") == "Armed clash"
    calm = pipeline.extract("The mission observed the ceasefire talks and recorded the vote.", published="2021-03-05")
    assert not _violent(calm)


def test_a_toll_told_before_its_circumstance_joins_the_attack(pipeline):
    text = "On Monday, three soldiers were killed and two were wounded when gunmen ambushed their patrol near Gao."
    report = pipeline.extract(text, published="2021-03-02")
    (attack,) = [e for e in report.events if e.type == "ASSAULT"]
    assert (attack.fatalities.min, attack.wounded.min) == (3, 2)
    assert "ambushed" in attack.evidence.text and len(attack.also) == 2


def _acled(report):
    return [e for e in report.events if dict(e.codes).get("acled_event_type")]


def test_a_bomb_that_went_off_targeting_a_patrol_is_one_attack(pipeline):
    text = "On 4 March 2021, a roadside bomb exploded targeting an army patrol near Kessa, wounding two soldiers."
    events = _acled(pipeline.extract(text, published="2021-03-05"))
    assert len(events) == 1, [e.evidence.text for e in events]
    assert dict(events[0].codes)["acled_event_type"] == "Explosions/Remote violence"


def test_ground_taken_after_clashes_with_the_other_side_is_one_battle(pipeline):
    text = "On 4 March 2021, Boko Haram took control of the village of Kessa after clashes with the army."
    events = _acled(pipeline.extract(text, published="2021-03-05"))
    assert len(events) == 1, [e.evidence.text for e in events]
    assert dict(events[0].codes)["acled_sub_event_type"] == "Non-state actor overtakes territory"


def test_clashes_told_at_another_place_are_another_event(pipeline):
    text = "Rebels seized the town of Kessa. Clashes between the army and militiamen were reported in Dera."
    assert len(_acled(pipeline.extract(text, published="2021-03-05"))) == 2


def test_arrests_made_during_raids_are_arrests(pipeline):
    text = "On 4 March 2021, soldiers arrested six men during raids in Kessa."
    events = _acled(pipeline.extract(text, published="2021-03-05"))
    assert [e.type for e in events] == ["COERCE"], [e.evidence.text for e in events]


@pytest.mark.parametrize(
    ("text", "riot"),
    [
        ("On 4 March 2021, dozens of youths threw stones at soldiers in Kessa.", True),
        ("On 4 March 2021, residents threw rocks and bottles at a police station in Kessa.", True),
        ("On 4 March 2021, the boy threw a ball at the window in Kessa.", False),
    ],
)
def test_stones_thrown_by_a_crowd_are_a_riot(pipeline, text, riot):
    events = _acled(pipeline.extract(text, published="2021-03-05"))
    assert any(dict(e.codes)["acled_event_type"] == "Riots" for e in events) is riot


def test_dead_told_with_also_add_to_the_attack(pipeline):
    text = (
        "On 4 March 2021, militants attacked an army post near Kessa, killing five soldiers. "
        "Three militants were also killed."
    )
    events = _acled(pipeline.extract(text, published="2021-03-05"))
    assert len(events) == 1 and events[0].fatalities is not None and events[0].fatalities.min == 8


def test_dead_of_a_separate_attack_are_not_added(pipeline):
    text = (
        "On 4 March 2021, gunmen attacked a village near Kessa, killing four residents. "
        "Two soldiers were killed in a separate attack in Dera."
    )
    events = _acled(pipeline.extract(text, published="2021-03-05"))
    assert sorted(e.fatalities.min for e in events if e.fatalities is not None) == [2, 4]


def test_fighting_an_agreement_aims_to_end_is_no_incident(pipeline):
    text = "On 4 March 2021, an agreement was reached between the army and local elders in Kessa to end the clashes."
    events = pipeline.extract(text, published="2021-03-05").events
    assert [e.type for e in events] == ["AGREE"], [e.evidence.text for e in events]


def test_an_offensive_launched_by_an_army_is_fighting(pipeline):
    text = "The army launched an offensive in Kessa on Monday."
    events = _acled(pipeline.extract(text, published="2021-03-05"))
    assert [dict(e.codes)["acled_event_type"] for e in events] == ["Battles"]


def test_who_fired_what_fell_is_the_perpetrator_of_the_shelling(pipeline):
    text = "On 6 May 2021, shells fired by the Arvatz Liberation Front fell on a market in Kessa."
    report = pipeline.extract(text, published="2021-05-06")
    (event,) = _violent(report)
    names = {a.id: a.name for a in report.actors}
    assert dict(event.codes)["acled_sub_event_type"] == "Shelling/artillery/missile attack"
    assert [names[a] for a in event.actors] == ["Arvatz Liberation Front"], [names.get(a) for a in event.actors]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "A policeman was killed and two guards injured in an IED blast near Kessa on Monday.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Three farmers died on Monday due to the explosion of a landmine near Kessa.",
            "Remote explosive/landmine/IED",
        ),
        ("Two traders died because of the shelling of the market in Kessa.", "Shelling/artillery/missile attack"),
        (
            "At least 30 militants were killed and 40 injured in Northern Air Force strikes near Kessa.",
            "Air/drone strike",
        ),
        ("A roadside bomb that hit a police truck killed four officers near Kessa.", "Remote explosive/landmine/IED"),
        (
            "Two guards were killed due to the detonation of a buried explosive device (IED) that struck their "
            "truck near Kessa.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_the_dead_told_before_their_cause_are_its_toll(pipeline, text, sub_type):
    report = pipeline.extract(text, published="2021-05-06")
    violent = _violent(report)
    assert len(violent) == 1, [(e.evidence.text, dict(e.codes)) for e in violent]
    assert dict(violent[0].codes)["acled_sub_event_type"] == sub_type
    assert violent[0].fatalities is not None


def test_what_was_burned_during_a_battle_is_an_act_of_its_own(pipeline):
    text = "On 7 May 2021, two villages were torched during a battle between rebels and soldiers near Kessa."
    codes = {dict(e.codes).get("acled_sub_event_type") for e in pipeline.extract(text, published="2021-05-07").events}
    assert {"Armed clash", "Looting/property destruction"} <= codes, codes
