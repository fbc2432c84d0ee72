"""Words of violence that are not violence: rhetoric, dismissal, modifiers, kinds of events, causes.
Each case states an event an analyst would not accept; each has a twin that is violence. Sentences of our own."""

import pytest

from warlog.evaluate.alarms import is_violent
from warlog.model import HAPPENED


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


def _violent(pipeline, text):
    """The violent ACLED-scope events that took place (what the polnear-alarms eval counts)."""
    report = pipeline.extract(text, published="2021-03-02")
    return [e for e in report.events if is_violent(e) and e.status in HAPPENED]


@pytest.mark.parametrize(
    "text",
    [
        # a contest, speech or an outburst is where the words of violence happen
        "The senator beat her rival in the state's caucuses on Saturday.",
        "The governor beat out Tom Hale with 51 percent of the vote.",
        "The mayor attacked John Smith in an interview on Sunday.",
        "The congressman clashed with the mayor at the debate over taxes.",
        "The crowd exploded in applause when she finished.",
        "He is looking forward to a general election fight against the governor.",
        "The senator says he beat expectations in the state.",
        # an agent that wields no violence
        "A tweet attacking the actress was shared thousands of times.",
        "The state's prison population has exploded since 1980.",
        "The court struck the rules down in March.",
        # a state won in a vote
        "Jane Roe won the primary in Ohio. She also captured her home state of Texas.",
        # a person named as the only target of a figurative word
        "The mayor picked a fight with John Smith over the budget.",
        # a kind of event, not an incident
        "Advocates speak for families of Americans who have been killed by drunk drivers.",
        "Police shootings are changing the debate over policing.",
        "The lawyer defended people accused of rape or murder.",
        "Nearly 1,000 coal- and gas-fired plants emit most of the carbon.",
        "The new rules say little about veterans in combat.",  # a bare noun that qualifies another
        # a verb that happens to share a weapon's lemma signs no violence
        "Her aides say the mayor's critics are waging vicious attacks on her. She is sticking to her message.",
        # a retort, an office, a vote, a bill, a course, a habit, a share of deeds
        "Asked about the poll, the senator shot back that nobody had called him.",
        "Asked about the poll, she shot back, “I will not apologize.”",
        "He has been popular since taking over as speaker in the fall.",
        "Only the governor can beat Tom Hale in November, his aides argue.",
        "The mayor went on the offensive on Sunday.",
        "No trade agreement has ever been defeated in the chamber.",
        "The vice president hit the 2016 campaign trail with the governor on Monday.",
        "Victims are usually murdered by someone they know, experts say.",
        "About 80 percent of murders were committed by people the victims knew.",
        # a retort with its quote before it or a matter "over" which it is made; a rise
        '"He wants to look tough tonight," the senator shot back.',
        "The governor fired back at the mayor over the budget.",
        "The city's debt has shot up since the recession.",
        # a circumstance as the agent, a word named as a word, a feeling
        "When crisis strikes the capital, markets fall.",
        "The study describes the climate changes that wiped out ancient towns.",
        "The lawyer who coined the word genocide lived in New York.",
        "The rivalry grew into open hostility between the two campaigns.",
    ],
)
def test_no_violent_event_is_read(pipeline, text):
    assert not _violent(pipeline, text), [(e.evidence.text, e.status) for e in _violent(pipeline, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attack farmers near Kessa.",
        "Rebels won the battle for the hills near Sirte. They captured the town of Sirte on Monday.",
        "Militants attacked a polling station in Kessa during the election.",
        "Clashes continue in Kessa between the army and the rebels.",
        "Soldiers killed civilians in Kessa last week, residents said.",
        "Two men were accused of the murder of a trader in Kessa on Monday.",
        "The minister urged both sides to stop the shelling of Kessa.",
        "The UN urged donors to send aid amid heavy fighting in Kessa.",
        "Troops in the north have frequently been targeted by insurgents.",
        "Police shot back at the gunmen near Kessa.",
        "Gunmen beat John Hale in Kessa on Monday.",
        "Rebels took over the town of Kessa as the army withdrew.",
        "The story of the attack on the convoy near Sirte was told by survivors.",
        "Hostilities resumed near Kessa on Monday.",
        "Gunmen shot up a bar in Kessa on Monday.",
        "Police fired back at the gunmen in Kessa on Monday.",
        "Rebels were able to attack the army post near Kessa on Monday.",
    ],
)
def test_violent_event_still_happened(pipeline, text):
    assert _violent(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "One, defeat the militants in the north.",  # an imperative
        "The senator called on the army to step up the fight against the rebels.",  # asked for
        "The senator is calling for the army to step up its fight against the rebels.",
        "The navy simulated an attack on the island.",  # played
        "Gunmen with pistols would have been able to kill many more people.",  # "would" over "able to"
        "He told the unsubstantiated tale of a general halting rebel attacks in 1902.",  # a tale
        "Villagers repeated a rumor that rebels had killed ten soldiers.",  # a rumour
        "The president repeated his threats of airstrikes against the rebels.",  # what a threat holds out
        "It is one of few navies able to fire missiles from submarines.",  # an ability
    ],
)
def test_violence_not_done_is_hypothetical(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    statuses = [e.status for e in report.events if is_violent(e)]
    assert statuses and set(statuses) == {"hypothetical"}, statuses


def test_a_detention_told_of_a_noun_is_no_request(pipeline):
    report = pipeline.extract(
        "Activists called for the release of a journalist detained near Kessa.", published="2021-03-02"
    )
    detained = [e for e in report.events if "detained" in e.evidence.text and e.type == "COERCE"]
    assert detained and detained[-1].status in HAPPENED


@pytest.mark.parametrize(
    "text",
    [
        "It was not a terrorist attack, the mayor said.",  # a predicate noun of a negated copula
        "Bombs are not falling on the city any more.",  # the subject of a negated verb of occurrence
    ],
)
def test_an_event_noun_negated_by_its_verb(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    assert [e.status for e in report.events if is_violent(e)] == ["negated"]


def test_an_event_noun_whose_verb_is_negated_otherwise_stays(pipeline):
    report = pipeline.extract("The attack on the convoy near Kessa did not stop the aid.", published="2021-03-02")
    assert [e.status for e in report.events if is_violent(e)] == ["asserted"]


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


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("Peacekeepers were blamed for bringing cholera to the island, killing more than 9,000.", False),
        ("The epidemic has killed 300 people in the province.", False),
        ("Gunmen attacked the clinic, killing two nurses.", True),
    ],
)
def test_deaths_of_a_disease_are_no_attack(pipeline, text, attack):
    report = pipeline.extract(text, published="2021-03-02")
    assert any(e.type == "ASSAULT" for e in report.events) == attack


@pytest.mark.parametrize(
    "text",
    [
        "The minister resolved to fight the rebels in the north.",
        "The coalition, determined to defeat the rebels, met in Paris.",
        "What the general wants is to attack the rebels in the north.",
    ],
)
def test_violence_resolved_on_is_planned(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    statuses = [e.status for e in report.events if is_violent(e)]
    assert statuses and set(statuses) == {"planned"}, statuses


def test_a_party_that_fell_victim_took_no_ground(pipeline):
    report = pipeline.extract("Both parties fell victim to their own slogans.", published="2021-03-02")
    assert not [e for e in report.events if e.type == "COERCE"], report.events


def test_a_treaty_named_after_violence_is_no_event(pipeline):
    text = "The country signed the Convention against Torture in 1986."
    report = pipeline.extract(text, published="2021-03-02")
    assert not [e for e in report.events if is_violent(e)], [e.evidence.text for e in report.events]


@pytest.mark.parametrize(
    "text",
    [
        "A retired teacher shot himself at his home, his family said.",
        "Too many farmers are killing themselves, the charity warned.",
        "The club keeps shooting itself in the foot with its ticket prices.",
    ],
)
def test_self_harm_and_its_idioms_are_no_political_violence(pipeline, text):
    assert not _assaults(pipeline, text), [e.evidence.text for e in _assaults(pipeline, text)]


def test_a_suicide_bombing_stays_an_attack(pipeline):
    text = "A suicide bomber blew himself up at a checkpoint in Kessa on Monday, killing four soldiers."
    assert [e for e in _assaults(pipeline, text) if is_violent(e)]


@pytest.mark.parametrize(
    "text",
    [
        "The novel opens with the sound of gunfire.",
        "The senator said her plan would prepare the cities for the next attack.",
        "Hostilities resumed between the two trade negotiators.",
    ],
)
def test_a_bare_mention_of_violence_is_outside_acled_scope(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    assert not _violent(pipeline, text), [e.evidence.text for e in _violent(pipeline, text)]
    for event in report.events:  # still a PLOVER event of the report, only without ACLED codes
        assert "acled_event_type" not in dict(event.codes)


def test_a_bare_mention_of_an_incident_told_is_that_incident(pipeline):
    text = (
        "Gunmen shot and killed a driver in Kessa on Friday at a fuel station. "
        "The city council met on Monday. Prosecutors opened an inquiry into the shooting."
    )
    violent = _violent(pipeline, text)
    assert len(violent) == 1, [e.evidence.text for e in violent]
    told = [violent[0].evidence.text] + [a.text for a in violent[0].also]
    assert any("shooting" in span for span in told), told


def test_a_verb_with_its_parties_is_anchored_though_none_is_linked(pipeline):
    text = "A patrol was ambushed by bandits and a firefight followed."
    assert _violent(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The coach drew up a plan for the final and executed it perfectly.",
        "Critics say a global smuggling scheme is being executed by the same gangs.",
        "The governor said his opponent had personally attacked his wife and his father.",
        "The mayor called her a disgrace after she attacked firefighters and blamed the fires on neglect.",
        "Peace matters, because people fight over scarce water, she said.",
        "We fought the battle and she was a formidable opponent, the candidate said.",
        "He is the fourth person shot and killed by a city police officer.",
        "The minister's plane landed in Kessa on Monday.",
        "Prices fell on the Kessa exchange as snow fell on the port.",
        "The governor hit Senator Marlow on his record on guns and on gun control.",
        "Dalton beat Whitfield in the party's primary runoff.",
        "The host struck down assertions that the show favours the governor.",
        "Pruitt, who was fired on June 20, joined a television network.",
        "Jeb Marlow fired at Donald Dalton, Ted Whitfield and Marco Pruitt on Sunday.",
        "She has generally beaten Whitfield handily among older primary voters.",
        "Dalton beat Whitfield by 18 points in Ohio.",
    ],
)
def test_words_things_and_counts_are_no_violence(pipeline, text):
    violent = [e for e in pipeline.extract(text, published="2021-03-02").events if is_violent(e)]
    assert not violent, [e.evidence.text for e in violent]


@pytest.mark.parametrize(
    "text",
    [
        "Militants executed two prisoners in Kessa on Monday.",
        "Gunmen attacked his wife and his father at their farm near Kessa, killing both.",
        "Rebels attacked the army post near Kessa and blamed the government for the war.",
        "Troops fought a fierce battle with rebels near Kessa on Monday.",
        "Protesters fight with police in Kessa.",
        "He is the first person shot in Kessa on Monday, police said.",
    ],
)
def test_their_twins_stay_violence(pipeline, text):
    violent = [e for e in pipeline.extract(text, published="2021-03-02").events if is_violent(e)]
    assert violent


def test_a_total_over_a_period_is_no_acled_incident(pipeline):
    report = pipeline.extract("At least 300 people have been killed in clashes in Kessa so far this year.")
    assert report.events and not any(is_violent(e) for e in report.events)
    assert any(dict(e.codes).get("aggregate") == "true" for e in report.events)


def test_a_protest_called_peaceful_is_no_riot(pipeline):
    text = (
        "Officials praised the weekend marches in Kessa for being largely peaceful. "
        "The city had seen chaos and violence on its streets two nights before."
    )
    protests = [e for e in pipeline.extract(text, published="2021-03-02").events if e.type == "PROTEST"]
    assert protests and all(dict(e.codes).get("acled_event_type") == "Protests" for e in protests)


@pytest.mark.parametrize(
    "text",
    [
        "The militia has been waging a long war against the government.",
        "The minister used the occupation of the islands to rally his party.",
        "The army's campaign against the militia has lasted a decade.",
    ],
)
def test_a_state_of_conflict_is_no_incident(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    assert not [e for e in report.events if is_violent(e)], [e.evidence.text for e in report.events]


@pytest.mark.parametrize(
    "text",
    [
        "The war in Kessa killed 40 people on Monday.",
        "A naval battle near Kessa killed 12 sailors on Monday.",
    ],
)
def test_a_war_with_its_place_and_toll_or_a_battle_stays_an_incident(pipeline, text):
    assert [e for e in pipeline.extract(text, published="2021-03-02").events if is_violent(e)]


@pytest.mark.parametrize(
    "text",
    [
        "The governor's plan would eliminate the tax on fuel.",
        "The early primaries are eliminating urgency in the later states.",
        "The charter aims at eliminating the scourge of war.",
    ],
)
def test_a_burden_eliminated_is_no_violence(pipeline, text):
    assert not _assaults(pipeline, text), [e.evidence.text for e in _assaults(pipeline, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The crew shot a video of the rally in Tarvo on Monday.",
        "Fighter jets fired flares over the harbour of Kessa on Monday.",
        "The senator shot a glance at the governor.",
    ],
)
def test_a_thing_shot_is_no_violence(pipeline, text):
    assert not [e for e in pipeline.extract(text, published="2021-03-02").events if is_violent(e)]


def test_can_tells_an_ability_not_an_event(pipeline):
    events = pipeline.extract("The navy can fire missiles from its submarines.", published="2021-03-02").events
    assert events and all(e.status != "asserted" for e in events if e.type == "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Raids on border villages stepped up after the new governor took office.",
        "The debate turned to the gap between the parties as a result of police shootings.",
        "Civilians are being killed while the council argues, the senator said.",
        "Dozens of migrants are beaten and robbed on the road north.",
        "The second danger is a battle for land in the desert.",
        "The minister praised the army for the progress it has made in its battle against the militia.",
        "We have five years of fighting the rebels behind us, the general said.",
    ],
)
def test_violence_of_a_kind_or_a_campaign_is_no_incident(pipeline, text):
    violent = _violent(pipeline, text)
    assert not violent, [e.evidence.text for e in violent]


@pytest.mark.parametrize(
    "text",
    [
        "Raids on border villages near Kessa killed six herders.",
        "Airstrikes hit Kessa on Monday, killing nine.",
        "Civilians are being killed in Kessa this week, the monitor said.",
        "Protests broke out after the verdict.",
        "Troops fought a fierce battle against the rebels near Kessa on Monday.",
        "Soldiers have been fighting the rebels in Kessa since Monday.",
    ],
)
def test_incidents_told_with_a_place_a_date_or_a_toll_stay(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    kept = [e for e in report.events if dict(e.codes).get("acled_event_type") and e.status in HAPPENED]
    assert kept, [(e.type, e.evidence.text, e.status, dict(e.codes)) for e in report.events]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "On 3 May 2021, unidentified gunmen attacked Kessa village in Zamfara State, Nigeria.",
            "Violence against civilians",
        ),
        ("Unidentified gunmen attacked an army checkpoint in Kessa, Nigeria.", "Battles"),
        ("Unidentified gunmen attacked a base near Kessa, Nigeria.", "Battles"),
        ("Unidentified gunmen clashed with vigilantes in Kessa, Nigeria.", "Battles"),
        ("On 3 May 2021, militants attacked a village near Kessa.", "Violence against civilians"),
        ("On 3 May 2021, militants attacked an army post near Kessa.", "Battles"),
        ("On 3 May 2021, gunmen shot dead an army colonel outside his home in Kessa.", "Violence against civilians"),
        ("On 3 May 2021, gunmen killed two soldiers at their post in Kessa.", "Battles"),
        (
            "On 3 May 2021, two Nigerian police officers were shot dead inside their homes in Kessa.",
            "Violence against civilians",
        ),
        ("On 3 May 2021, two Nigerian police officers were shot dead at a checkpoint in Kessa.", "Battles"),
        ("Gunmen attack and loot traders in Kessa, 2km from the market.", "Violence against civilians"),
        # people of politics or office, unarmed
        ("On 3 May 2021, gunmen attacked two opposition candidates in Kessa.", "Violence against civilians"),
        ("On 3 May 2021, militants shot the mayor of Kessa in the market.", "Violence against civilians"),
    ],
)
def test_who_unnamed_gunmen_strike_decides_battle_or_violence_against_civilians(pipeline, text, event_type):
    report = pipeline.extract(text, published="2021-05-03")
    types = {dict(e.codes).get("acled_event_type") for e in report.events if e.type == "ASSAULT"}
    assert event_type in types, [(e.evidence.text, dict(e.codes)) for e in report.events]


@pytest.mark.parametrize(
    "text",
    [
        # a quarrel: one person on a side, an idea on a side, or over how to do something
        "The senator was seen clashing with Maria Lopez, a radio host who pressed him for answers.",
        "His views on taxes clashed with those of the former mayor.",
        "Two activists clashed over how to publish the leaked files.",
        "A budget rules clash erupts ahead of the convention.",
        # a word of violence named bare, with nothing violent told before it
        "Lawmakers argued for hours about the funding bill. The clash raised doubts about whether it will pass.",
        # a living patient wanted, only things given
        "The court struck down limits on donations by unions.",
        "The plan includes eliminating fees at state colleges.",
        "The city has eliminated all but a few of its annual parties.",
        "The senator was mathematically eliminated from winning the party's nomination in May.",
        "Should state funding for the clinics be eliminated?",
        # idioms, the vote, topics and tools of words
        "Traders made a killing on bonds last year.",
        "The talk show has beaten the drum for the candidate all spring.",
        "The mayor beat her 55% to 40% in the county.",
        "The senator hit her rival on trade, and she hit him on guns.",
        "The governor's team executed this flawlessly on his spring tour.",
        "The party's advertising onslaught will start in Ohio next month.",
        "Hackers who struck the party's servers last year were linked to a foreign agency.",
        # done to people for or on a matter, or to what a person holds
        "He hit the Boston developer on everything from his hair to his shoes.",
        "The group ran an ad last August hitting the governor for job losses in the state.",
        "She hit the blogger back by accusing him of lying about the budget.",
        "It came in response to the senator's attacks on her willingness to accept donations.",
        # a bout between two persons, words fired back or shot back in a text
        "He saw the Ali-Frazier fight in Manila in 1975.",
        "The mayor was filmed clashing with a well-known radio journalist over her questions.",
        "The governor went on the radio to fire back at Mary Jones.",
        "The magazine shot back in an article arguing that its list was right.",
        # missiles fired into the open sea strike no one (a test)
        "The north fired three missiles into the sea on Monday.",
        # a thing that falls takes no ground
        "The speech lasted an hour, with balloons falling in the Quicken Loans Arena.",
    ],
)
def test_quarrels_things_and_idioms_are_no_violence(pipeline, text):
    assert not _violent(pipeline, text), [(e.evidence.text, dict(e.codes)) for e in _violent(pipeline, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Militiamen clashed with soldiers near Kessa on Monday.",
        "Herders and farmers clashed over grazing land near Kessa, leaving four dead.",
        "Gunmen attacked a village near Kessa. The attack was the third this month.",
        "A bomb exploded near the camp in Kessa, killing a soldier. No group has claimed the blasts.",
        "Troops eliminated 12 militants near Kessa on Monday.",
        "The army said it had eliminated the insurgents who attacked the town of Kessa.",
        "A general was struck down in Kessa on Monday.",
        "Soldiers struck the rebels' positions near Kessa with artillery.",
        "A mob beat him on the head in the market in Kessa.",
        "Militants attacked his convoy on the highway near Kessa.",
        "Gunmen attacked her home in Kessa on Monday.",
        "Two men fought with knives outside a bar in Kessa, leaving one dead.",
        "Soldiers fired back at the gunmen in Kessa on Monday.",
        "A journalist clashed with police in Kessa on Monday.",
        "The navy fired missiles at ships in the sea off Kessa on Monday.",
        "The army fired rockets into the town of Kessa on Monday.",
    ],
)
def test_the_twins_of_quarrels_and_things_stay_violence(pipeline, text):
    assert _violent(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The man was tased and then shot by police in Kessa on Monday.",
        "Activists spoke on Tuesday about the shooting death of a farmer in Kessa.",
    ],
)
def test_a_shooting_told_with_a_mistagged_verb_or_by_its_outcome_is_read(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    assert [e for e in report.events if e.type == "ASSAULT" and e.mode == "firearms"], report.events


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("Investigators gathered evidence at the scene in Kessa.", False),
        ("Details of the crash are still being gathered by investigators.", False),
        ("The candidate rallied his supporters in Kessa on Monday.", False),
        ("Hundreds gathered outside the parliament in Kessa to demand his release.", True),
        ("Thousands rallied in Kessa against the law on Monday.", True),
    ],
)
def test_a_crowd_verb_is_a_protest_only_of_people_coming_together(pipeline, text, protest):
    report = pipeline.extract(text, published="2021-03-02")
    assert any(e.type == "PROTEST" for e in report.events) == protest, report.events


@pytest.mark.parametrize(
    ("text", "violent"),
    [
        # a way to do it is no deed; its twin tells how it was done
        ("No army has yet worked out how to stop a lone gunman in a crowd.", False),
        ("The colonel told reporters how the rebels ambushed a convoy near Kessa on Monday.", True),
        # a quarrel over words or texts; a clash over land stays one
        ("The governor and the newspaper clashed over leaked emails on Sunday.", False),
        ("Herders and farmers clashed over grazing land near Kessa on Sunday.", True),
        # a show is no agent of violence
        ("The night ended with fireworks shooting over the harbour.", False),
        ("Gunmen shooting from a car wounded two guards in Kessa on Sunday.", True),
    ],
)  # fmt: skip
def test_ways_quarrels_over_texts_and_shows_are_no_violence(pipeline, text, violent):
    found = _violent(pipeline, text)
    assert bool(found) is violent, [(e.type, e.status, e.evidence.text) for e in found]


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers retook the town of Kessa from the rebels on Monday.",
        "The town of Kessa was retaken by the army on Monday.",
    ],
)
def test_ground_retaken_told_with_a_mistagged_verb_is_regained(pipeline, text):
    """The tagger leaves "retook" and "retaken" unlemmatized; the trigger still reads them."""
    report = pipeline.extract(text, published="2021-03-02")
    codes = [dict(e.codes).get("acled_sub_event_type") for e in report.events]
    assert "Government regains territory" in codes, report.events
