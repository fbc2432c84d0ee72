"""An attack's means and parties read off its sentence when the trigger leaves them open (warlog.events.means).

Sentences of our own; the ACLED sub-event type follows the weapon named, and the event type who was hit.
"""

import pytest

from warlog.errors import PackError
from warlog.packs.lexicon import ViolenceWords

SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
AIR = ("Explosions/Remote violence", "Air/drone strike")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")
MOB = ("Riots", "Mob violence")


def _acled(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    assaults = [e for e in report.events if e.type == "ASSAULT"]
    assert assaults, f"no attack in {text!r}: {[(e.type, e.evidence.text) for e in report.events]}"
    codes = dict(assaults[0].codes)
    return assaults[0].mode, (codes.get("acled_event_type"), codes.get("acled_sub_event_type"))


@pytest.mark.parametrize(
    ("text", "mode", "acled"),
    [
        # the weapon fired decides, wherever the count or calibre sits between verb and noun
        ("Rebels fired three 120mm mortars at an army base near Kessa.", "heavy-weapons", SHELLING),
        ("Militants attacked a checkpoint near Kessa with two drones.", "drone", AIR),
        ("The village of Kessa was attacked by helicopter gunships on Monday.", "aerial", AIR),
        # small arms beside heavier weapons: fighting, an armed clash
        ("Troops fired mortars, grenade launchers and small arms at rebel positions near Kessa.", "firearms", CLASH),
        # explosions with no weapon named: several are shelling, with gunfire they are fighting, one is a bomb
        ("Monitors recorded twelve explosions near Kessa on Monday.", "heavy-weapons", SHELLING),
        ("Monitors recorded explosions and small arms fire near Kessa on Monday.", "firearms", CLASH),
        ("An explosion hit a bus station in Kessa on Monday.", "explosives", IED),
    ],
)
def test_the_weapon_named_sets_the_mode(pipeline, text, mode, acled):
    assert _acled(pipeline, text) == (mode, acled)


def test_a_weapon_that_is_another_event_is_left_to_it(pipeline):
    report = pipeline.extract(
        "Gunmen killed two soldiers in Kessa, while a landmine was found near the road.", published="2021-03-02"
    )
    killing = next(e for e in report.events if "killed" in e.evidence.text)
    assert killing.mode != "explosives"


def test_a_company_called_mine_is_no_landmine(pipeline):
    text = "Monitors recorded five explosions near the Kessa Mine on Monday."
    assert _acled(pipeline, text) == ("heavy-weapons", SHELLING)


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("Armed men attacked a farmer and his wife in Kessa on Monday.", ATTACK),
        ("Armed men attacked the village of Kessa on Monday.", ATTACK),
        ("Armed men attacked a police patrol near Kessa on Monday.", CLASH),
        ("A group of villagers attacked two men with sticks in Kessa on Monday.", MOB),
        # workers, inmates or migrants fighting are rioters, and so are the sides a clash is "between"
        ("Two groups of seasonal workers clashed at the bus depot in Kessa on Monday.", MOB),
        ("Inmates attacked two guards with metal bars in the Kessa prison on Monday.", MOB),
        ("A man died in a clash between two groups of neighbours in Kessa on Monday.", MOB),
        # people roused: an angry crowd that burns or stones is a mob
        ("A post office in Kessa was burnt by angry pensioners on Monday.", MOB),
        ("Irate commuters stoned two buses in Kessa on Monday.", MOB),
        ("A soldier died in a clash between armed men and the army in Kessa on Monday.", CLASH),
        # a party's cadres are its militia: their attack on civilians is violence against civilians
        ("Ruling party cadres beat residents of a suburb of Lusaka on Monday.", ATTACK),
        ("Opposition cadres attacked two ruling party members in Lusaka on Monday.", ATTACK),
        ("Supporters of the ruling party clashed with opposition supporters in Lusaka on Monday.", MOB),
        # a party's forces are its armed men: on homes they attack civilians, on the army they fight it
        ("Opposition forces fired on a residential quarter of Kessa on Monday.", ATTACK),
        ("Opposition forces attacked an army base near Wau on Monday.", CLASH),
        # what armed men hold is armed: "militia camps", "army barracks"
        ("Young men from Kessa attacked two militia camps near Tripoli on Monday.", CLASH),
    ],
)
def test_unnamed_parties_set_the_event_type(pipeline, text, acled):
    assert _acled(pipeline, text)[1] == acled


def test_a_clash_takes_no_victims_side_from_its_dead(pipeline):
    text = "Police clashed with a member of a youth wing in Kessa on Monday, killing the man."
    assert _acled(pipeline, text)[1] == CLASH


def test_an_organization_named_a_militia_is_armed(pipeline):
    report = pipeline.extract(
        "Government troops fired at the positions of the Northern People's Militia in the area of Kessa.",
        published="2021-03-02",
    )
    kinds = {a.name: a.kind for a in report.actors}
    assert kinds.get("Northern People's Militia") == "militia"


def test_the_violence_lexicon_refuses_a_word_listed_twice(tmp_path):
    path = tmp_path / "violence.yaml"
    path.write_text(
        "pack: violence\nversion: '1'\nweapons:\n  aerial: [jet]\n  drone: [jet]\nreciprocal: [each other]\n"
        "blasts: [blast]\nfigurative: [attack]\nviolent_modifiers: [deadly]\narmed_men: [gunman]\n"
        "civilian_targets: [farmer]\narmed_targets: [soldier]\ncrowd_actors: [mob]\n"
    )
    with pytest.raises(PackError, match=r"violence.yaml:5: weapons: 'jet' is listed twice \(also under aerial\)"):
        ViolenceWords.read(path)


def test_the_builtin_violence_lexicon_reads():
    words = ViolenceWords.builtin()
    assert words.weapons["mortar"] == "artillery" and "villager" in words.civilian_targets


def test_attacks_told_by_coordinated_verbs_are_one_incident(pipeline):
    report = pipeline.extract(
        "Rebels fired mortars at and dropped grenades from a drone on army positions near Kessa on Monday.",
        published="2021-03-02",
    )
    assaults = [e for e in report.events if e.type == "ASSAULT"]
    assert len(assaults) == 1, [(e.mode, e.evidence.text) for e in assaults]
    assert assaults[0].mode == "drone" and assaults[0].also
    assert dict(assaults[0].codes)["acled_sub_event_type"] == "Air/drone strike"


@pytest.mark.parametrize(
    "text",
    [
        "Government forces fired anti-aircraft guns at rebel positions near Kessa on Monday.",
        "Government forces fired mortars, anti-aircraft guns and grenade launchers at rebel positions near Kessa.",
        # what a participle tells of is what was fired; a shell that fell took no ground
        "On Monday, shells fired by rebel forces fell in a village near Tripoli.",
    ],
)
def test_heavy_weapons_make_a_shelling(pipeline, text):
    assert _acled(pipeline, text) == ("heavy-weapons", SHELLING)


def test_a_shell_that_fell_takes_no_ground(pipeline):
    report = pipeline.extract(
        "On Monday, shells fired by rebel forces fell in a village near Tripoli.", published="2021-03-02"
    )
    assert not [e for e in report.events if e.type == "COERCE"]
