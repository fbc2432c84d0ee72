"""The event ontology and trigger packs: loading, validation errors, lookups and code mapping."""

import re
from pathlib import Path

import pytest

from warlog.errors import PackError
from warlog.events import codes
from warlog.events.codes import acled_code, acled_to_case, cameo_code, case_to_acled, legacy_acled, quad_class
from warlog.packs.ontology import Ontology, builtin_ontology, builtin_packs_dir

PLOVER = builtin_packs_dir() / "plover.yaml"

BATTLE = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")
MOB = ("Riots", "Mob violence")
AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
GRENADE = ("Explosions/Remote violence", "Grenade")
SUICIDE = ("Explosions/Remote violence", "Suicide bomb")
CHEMICAL = ("Explosions/Remote violence", "Chemical weapon")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
SEXUAL = ("Violence against civilians", "Sexual violence")
INTERVENTION = ("Protests", "Protest with intervention")
GOV = ("Battles", "Government regains territory")
NSA = ("Battles", "Non-state actor overtakes territory")
AGREEMENT = ("Strategic developments", "Agreement")
ARRESTS = ("Strategic developments", "Arrests")
LOOTING = ("Strategic developments", "Looting/property destruction")
DISRUPTED = ("Strategic developments", "Disrupted weapons use")
HQ = ("Strategic developments", "Headquarters or base established")
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")

# The manual's modes per type (ONTOLOGIES.md), in the manual's order.
MODES = {
    "AGREE": (), "SUPPORT": (), "CONCEDE": (), "COOPERATE": (), "AID": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
                "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"),
}  # fmt: skip
QUADS = {
    "verbal_cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material_cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal_conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material_conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}


@pytest.fixture(scope="module")
def ontology():
    return builtin_ontology()


# -- the built-in packs ------------------------------------------------------------------------------


def test_builtin_packs_load_with_their_versions():  # speed is the benchmarks' business, not a test's
    ontology = Ontology.load()
    assert ontology.version == "warlog-cameo-verbs@2026.11.0+warlog-plover@2026.11.0+warlog-triggers@2026.11.0"


def test_types_modes_and_quads_are_the_manuals(ontology):
    assert {t.name: t.modes for t in ontology.types} == MODES
    for quad, names in QUADS.items():
        assert all(ontology.quad(name) == quad for name in names)
    assert quad_class("SANCTION") == "material_conflict"
    assert ontology.quads == tuple(QUADS)
    assert len(ontology.contexts) == 37


def test_every_type_and_mode_has_a_cameo_default(ontology):
    for event_type in ontology.types:
        assert re.fullmatch(r"[0-9]{2,4}", event_type.cameo) and event_type.cameo_roots
        assert event_type.cameo.startswith(event_type.cameo_roots)
        for mode in event_type.mode_table:
            assert re.fullmatch(r"[0-9]{2,4}", mode.cameo), (event_type.name, mode.name)


def test_acled_taxonomy_has_25_sub_event_types_and_the_2016_types(ontology):
    assert len(ontology.acled) == 25
    assert len({c.case for c in ontology.acled}) == 25
    assert {c.event_type for c in ontology.acled} == {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    }
    assert legacy_acled("Battle-Government regains territory").sub_event_type == "Government regains territory"
    assert legacy_acled("Remote violence").event_types == ("Explosions/Remote violence",)
    assert legacy_acled("Riots/Protests").event_types == ("Protests", "Riots")
    with pytest.raises(KeyError, match="Strategic development"):
        legacy_acled("Battles")


def test_lexicon_is_large_and_every_trigger_codes(ontology):
    assert len(ontology) >= 300
    for trigger in ontology.lexicon:
        cameo_code(trigger.type, trigger.mode, trigger.cameo)
        acled_code(trigger.type, trigger.mode, default=trigger.acled)
        if trigger.mode and trigger.acled:  # a default the mode would overrule is a mistake in the pack
            allowed = ontology.type(trigger.type).mode(trigger.mode).acled
            assert not allowed or trigger.acled in allowed, trigger


# -- lookups -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lemma", "pos", "particle", "event_type", "mode"),
    [
        ("strike", "VERB", None, "ASSAULT", None),
        ("strike", "VERB", "down", "ASSAULT", "targeted"),
        ("sweep", "VERB", "through", "COERCE", "seize"),
        ("take", "VERB", "over", "COERCE", "seize"),
        ("bomb", "VERB", None, "ASSAULT", "aerial"),
        ("target", "VERB", None, "ASSAULT", None),
        ("shell", "VERB", None, "ASSAULT", "heavy-weapons"),
        ("capture", "VERB", None, "COERCE", "seize"),
        ("conquer", "VERB", None, "COERCE", "seize"),
        ("offensive", "NOUN", None, "ASSAULT", None),
        ("airstrike", "NOUN", None, "ASSAULT", "aerial"),
        ("intervention", "NOUN", None, "MOBILIZE", "troops"),
        ("help", "VERB", None, "AID", None),
        ("send", "VERB", None, "AID", None),
        ("bolster", "VERB", None, "AID", None),
        ("accuse", "VERB", None, "ACCUSE", "allege"),
        ("push", "VERB", "out", "COERCE", "seize"),
        ("prop", "VERB", "up", "AID", None),
        ("kill", "VERB", None, "ASSAULT", None),
        ("protest", "VERB", None, "PROTEST", "demo"),
        ("arrest", "NOUN", None, "COERCE", "arrest"),
    ],
)
def test_lookup(ontology, lemma, pos, particle, event_type, mode):
    (trigger,) = [t for t in ontology.triggers(lemma, pos) if t.particle == particle and not t.subjects]
    assert (trigger.type, trigger.mode) == (event_type, mode)
    assert trigger.words == 1 and trigger.pack == "warlog-triggers"


def test_lookup_details(ontology):
    assert ontology.triggers("Strike", "VERB") == ontology.triggers("strike", "VERB")
    # the bare verb first, the sense its subjects pick (workers who strike stop work) before the general one
    assert [(t.particle, t.type) for t in ontology.triggers("strike", "VERB")] == [
        (None, "PROTEST"),
        (None, "ASSAULT"),
        ("down", "ASSAULT"),
    ]
    assert ontology.triggers("strike", "ADJ") == () and ontology.triggers("jet", "NOUN") == ()
    assert set(ontology.triggers("offensive", "NOUN")[0].recipient_preps) >= {"against", "on"}
    assert "to" in ontology.triggers("send", "VERB")[0].recipient_preps
    assert "fighter" in ontology.triggers("send", "VERB")[0].objects
    assert ontology.triggers("send", "VERB")[0].needs_object
    (airstrike,) = ontology.triggers("airstrike", "NOUN")
    assert airstrike.acled == AIR and airstrike.cameo is None and "on" in airstrike.recipient_preps
    shells, fall = ontology.triggers("fall", "VERB")  # a trigger that lists subjects is tried first
    assert fall.actor_preps == ("to",) and not fall.subjects
    assert shells.type == "ASSAULT" and "shell" in shells.subjects


def test_phrases_are_the_multiword_and_hyphenated_triggers(ontology):
    phrases = ontology.phrases()
    lemmas = {t.lemma for t in phrases}
    assert {"car bomb", "air strike", "suicide bombing", "roadside bomb", "sit-in", "take control"} <= lemmas
    assert all(t.is_phrase for t in phrases) and not any(t.is_phrase for t in ontology.triggers("ied", "NOUN"))
    assert [t.words for t in phrases] == sorted((t.words for t in phrases), reverse=True)
    (car_bomb,) = [t for t in phrases if t.lemma == "car bomb"]
    assert (car_bomb.pos, car_bomb.mode, car_bomb.words, car_bomb.cameo) == ("NOUN", "explosives", 2, "1832")
    assert ontology.triggers("car bomb", "NOUN") == ()


def test_unknown_names_list_the_valid_ones(ontology):
    with pytest.raises(KeyError, match="valid types: AGREE, CONSULT"):
        ontology.type("FIGHT")
    with pytest.raises(KeyError, match="its modes: abduct, beat"):
        ontology.type("ASSAULT").mode("bombing")
    assert ontology.type("ASSAULT").mode("aerial").cameo == "195"


# -- validation ------------------------------------------------------------------------------------


def user_pack(tmp_path: Path, body: str, name: str = "mine.yaml") -> Path:
    folder = tmp_path / "events"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(f"pack: mine\nversion: '1'\ntriggers:\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("{lemma: zap, pos: VERB, type: FIGHT}", "unknown event type 'FIGHT'; valid types: AGREE"),
        ("{lemma: zap, pos: VERB, type: ASSAULT, mode: laser}", "'laser' is not a mode of ASSAULT; its modes: abduct"),
        ("{lemma: zap, pos: VERB, type: AID, mode: troops}", "its modes: none"),
        ("{lemma: zap, pos: VERB, type: ASSAULT, acled: [Battle, Armed clash]}", "unknown ACLED event type 'Battle'"),
        (
            "{lemma: zap, pos: VERB, type: ASSAULT, acled: [Battles, Attack]}",
            "'Attack' is not a sub-event type of 'Battles'; valid: Armed clash",
        ),
        ("{lemma: zap, pos: ADJ, type: ASSAULT}", "pos: Input should be 'VERB' or 'NOUN'"),
        ("{lemma: zap, pos: VERB, type: ASSAULT, colour: red}", "colour: unknown key"),
        ("{lemma: zap, pos: NOUN, particle: up, type: ASSAULT}", "only a VERB takes a particle"),
        ("{lemma: zap, pos: VERB, type: ASSAULT, context: war}", "unknown context 'war'"),
        ("{lemma: zap, pos: VERB, type: ASSAULT, cameo: 19x}", "cameo: String should match pattern"),
        ("{lemma: 'zap!', pos: VERB, type: ASSAULT}", "is not a lemma"),
        ("{lemma: zap, pos: VERB, type: ASSAULT, recipient_preps: [On]}", "'On' is not a lower-case word"),
        ("{lemma: zap, pos: VERB}", "type: required key is missing"),
    ],
)
def test_a_malformed_trigger_fails_with_file_and_line(tmp_path, entry, problem):
    path = user_pack(tmp_path, f"  - {{lemma: strike, pos: NOUN, type: ASSAULT}}\n  - {entry}\n")
    with pytest.raises(PackError) as caught:
        Ontology.load(packs_dir=tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}:5: "), message
    assert problem in message


def test_a_trigger_defined_twice_fails_with_both_places(tmp_path):
    path = user_pack(tmp_path, "  - {lemma: zap, pos: VERB, type: ASSAULT}\n  - {lemma: Zap, pos: VERB, type: AID}\n")
    with pytest.raises(
        PackError,
        match=rf"^{re.escape(str(path))}:5: trigger 'zap' VERB is already defined at "
        rf"{re.escape(str(path))}:4",
    ):
        Ontology.load(packs_dir=tmp_path)
    other = user_pack(tmp_path, "  - {lemma: zap, pos: VERB, type: AID}\n", name="other.yaml")
    path.write_text("pack: mine\nversion: '1'\ntriggers:\n  - {lemma: zap, pos: VERB, type: ASSAULT}\n")
    with pytest.raises(PackError, match=rf"^{re.escape(str(other))}:4: .* already defined at {re.escape(str(path))}:4"):
        Ontology.load(packs_dir=tmp_path)


def test_invalid_yaml_and_user_types_fail(tmp_path):
    path = user_pack(tmp_path, "  - {lemma: zap, pos: VERB\n")
    with pytest.raises(PackError, match=rf"^{re.escape(str(path))}:\d+: invalid YAML"):
        Ontology.load(packs_dir=tmp_path)
    path.write_text("pack: mine\nversion: '1'\ntypes:\n  - name: FIGHT\n", encoding="utf-8")
    with pytest.raises(PackError, match=rf"^{re.escape(str(path))}:4: only the built-in ontology defines event types"):
        Ontology.load(packs_dir=tmp_path)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "    quad: verbal_conflict\n    description: All rejections",
            "    quad: verbal\n    description: All rejections",
            "unknown quad class 'verbal'; valid: verbal_cooperation",
        ),
        (
            "[[Strategic developments, Change to group/activity]]",
            "[[Strategic developments, Regroup]]",
            "'Regroup' is not a sub-event type of 'Strategic developments'",
        ),
        (
            "{name: Grenade, case: GRENADE}",
            "{name: Grenade, case: AIR_STRIKE}",
            "CASE label 'AIR_STRIKE' is used twice",
        ),
        ("      - {name: phone,", "      - {name: visit,", "mode 'visit' is defined twice"),
        ('    cameo: "150"\n', '    cameo: "15O"\n', "cameo: String should match pattern"),
    ],
)
def test_a_malformed_ontology_pack_fails_with_file_and_line(tmp_path, old, new, problem):
    text = PLOVER.read_text(encoding="utf-8")
    assert text.count(old) == 1
    broken = text.replace(old, new)
    line = text[: text.index(old)].count("\n") + 1
    path = tmp_path / "plover.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        Ontology.from_packs([path])
    assert str(caught.value).startswith(f"{path}:{line}: ") and problem in str(caught.value), str(caught.value)


def test_from_packs_needs_exactly_one_ontology_pack(tmp_path):
    triggers = user_pack(tmp_path, "  - {lemma: zap, pos: VERB, type: ASSAULT}\n")
    with pytest.raises(PackError, match="exactly one pack must define the event types"):
        Ontology.from_packs([triggers])
    ontology = Ontology.from_packs([PLOVER, triggers])
    assert len(ontology) == 1 and ontology.version == "warlog-plover@2026.11.0+mine@1"


# -- user packs --------------------------------------------------------------------------------------


def test_a_user_pack_overrides_and_extends_the_lexicon(tmp_path, ontology):
    user_pack(
        tmp_path,
        "  - {lemma: strike, pos: VERB, type: PROTEST, mode: strike, acled: [Protests, Peaceful protest]}\n"
        "  - {lemma: zap, pos: VERB, type: ASSAULT, mode: unconventional}\n"
        "  - {lemma: death ray, pos: NOUN, type: ASSAULT, mode: unconventional, recipient_preps: [on]}\n",
    )
    mine = Ontology.load(packs_dir=tmp_path)
    assert mine.version == ontology.version + "+mine@1"
    assert len(mine) == len(ontology) + 1  # the user's "strike" stands for both built-in senses of the bare verb
    bare, down = mine.triggers("strike", "VERB")
    assert (bare.type, bare.mode, bare.pack) == ("PROTEST", "strike", "mine")
    assert (down.type, down.particle, down.pack) == ("ASSAULT", "down", "warlog-triggers")
    assert mine.triggers("zap", "VERB")[0].mode == "unconventional"
    assert "death ray" in {t.lemma for t in mine.phrases()}
    assert Ontology.load(packs_dir=tmp_path / "nowhere").version == ontology.version


# -- codes -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_type", "mode", "default", "actors", "recipients", "territory", "expected"),
    [
        # direct violence: the parties decide
        ("ASSAULT", None, BATTLE, ("military",), ("civilians",), False, ATTACK),
        ("ASSAULT", "firearms", None, ("rebel_group",), ("military",), False, BATTLE),
        ("ASSAULT", None, ATTACK, ("armed_group",), ("militia",), False, BATTLE),
        ("ASSAULT", None, ATTACK, (), ("police",), False, BATTLE),
        ("ASSAULT", "targeted", ATTACK, (), ("person",), False, ATTACK),
        ("ASSAULT", None, ATTACK, ("military",), (), False, ATTACK),
        ("ASSAULT", None, None, (), (), False, BATTLE),
        ("ASSAULT", "beat", None, ("civilians",), ("person",), False, MOB),
        ("ASSAULT", "beat", MOB, (), ("person",), False, MOB),
        ("ASSAULT", "beat", MOB, ("police",), ("civilians",), False, ATTACK),
        # one person with a gun is no mob; a crowd is
        ("ASSAULT", "firearms", None, ("person",), ("person",), False, ATTACK),
        ("ASSAULT", "firearms", None, ("person",), (), False, ATTACK),
        ("ASSAULT", "firearms", None, ("civilians",), ("person",), False, MOB),
        # remote violence stays remote whoever the victims are
        ("ASSAULT", "aerial", AIR, ("state",), ("civilians",), False, AIR),
        ("ASSAULT", "drone", None, ("military",), ("rebel_group",), False, AIR),
        ("ASSAULT", "aerial", BATTLE, ("military",), ("rebel_group",), False, AIR),
        ("ASSAULT", "heavy-weapons", None, ("military",), ("civilians",), False, SHELLING),
        ("ASSAULT", "explosives", None, (), ("civilians",), False, IED),
        ("ASSAULT", "explosives", GRENADE, (), ("civilians",), False, GRENADE),
        ("ASSAULT", "explosives", AIR, (), (), False, IED),
        ("ASSAULT", "suicide-attack", None, (), ("military",), False, SUICIDE),
        ("ASSAULT", "unconventional", None, ("state",), ("civilians",), False, CHEMICAL),
        # violence ACLED names by its form
        ("ASSAULT", "abduct", None, ("rebel_group",), ("civilians",), False, ABDUCTION),
        ("ASSAULT", "sexual", None, ("military",), ("civilians",), False, SEXUAL),
        ("ASSAULT", "destroy", None, ("militia",), (), False, LOOTING),
        ("ASSAULT", "crowd-control", None, ("police",), ("civilians",), False, INTERVENTION),
        ("ASSAULT", None, DISRUPTED, ("military",), (), False, DISRUPTED),
        # territory
        ("COERCE", "seize", NSA, ("military",), (), True, GOV),
        ("COERCE", "seize", GOV, ("rebel_group",), (), True, NSA),
        ("COERCE", "seize", None, ("armed_group",), ("military",), True, NSA),
        ("COERCE", "seize", GOV, (), (), True, GOV),
        ("COERCE", "seize", None, (), (), True, None),
        ("COERCE", "seize", NSA, ("rebel_group",), (), False, None),
        ("COERCE", "seize", LOOTING, ("militia",), (), False, LOOTING),
        ("RETREAT", "withdraw", None, ("military",), (), True, TRANSFER),
        ("RETREAT", "withdraw", None, ("military",), (), False, None),
        # the rest
        ("COERCE", "arrest", None, ("police",), ("civilians",), False, ARRESTS),
        ("COERCE", "curfew", None, ("government",), (), False, None),
        ("PROTEST", "demo", None, ("civilians",), (), False, ("Protests", "Peaceful protest")),
        ("PROTEST", "riot", None, ("civilians",), (), False, ("Riots", "Violent demonstration")),
        ("PROTEST", "riot", MOB, ("civilians",), (), False, MOB),
        ("PROTEST", "boycott", None, ("civilians",), (), False, None),
        ("AGREE", None, None, ("state",), ("rebel_group",), False, AGREEMENT),
        ("RETREAT", "ceasefire", None, ("military",), (), False, AGREEMENT),
        ("RETREAT", "resign", None, ("person",), (), False, ("Strategic developments", "Change to group/activity")),
        ("MOBILIZE", "troops", HQ, ("military",), (), False, HQ),
        ("MOBILIZE", "troops", None, ("military",), (), False, None),
        ("CONSULT", None, None, ("state",), ("state",), False, None),
        ("CONSULT", None, AGREEMENT, ("state",), ("rebel_group",), False, AGREEMENT),
        ("ACCUSE", "allege", None, ("state",), ("state",), False, None),
        ("AID", None, None, ("state",), ("government",), False, None),
        ("SANCTION", "discontinue", None, ("igo",), ("state",), False, None),
    ],
)
def test_acled_code(event_type, mode, default, actors, recipients, territory, expected):
    code = acled_code(
        event_type, mode, default=default, actor_kinds=actors, recipient_kinds=recipients, territory=territory
    )
    assert code == expected


@pytest.mark.parametrize(("unnamed", "expected"), [(True, ATTACK), (False, BATTLE)])
def test_an_attack_by_unnamed_gunmen_on_no_armed_party_is_violence_against_civilians(unnamed, expected):
    assert acled_code("ASSAULT", None, default=BATTLE, actor_kinds=("armed_group",), unnamed=unnamed) == expected
    mutual = acled_code("ASSAULT", None, default=BATTLE, actor_kinds=("armed_group",), unnamed=unnamed, mutual=True)
    assert mutual == BATTLE  # "gunmen clashed with ..." takes two sides


def test_a_foreign_state_taking_territory_is_a_non_state_actor_overtaking_it():
    assert acled_code("COERCE", "seize", default=None, actor_kinds=("state",), territory=True, foreign=True) == NSA


def test_acled_code_rejects_bad_input():
    with pytest.raises(ValueError, match="unknown actor kind 'protesters'; valid kinds: state"):
        acled_code("ASSAULT", None, actor_kinds=("protesters",))
    with pytest.raises(ValueError, match="is not an ACLED"):
        acled_code("ASSAULT", None, default=("Battles", "Attack"))
    with pytest.raises(KeyError, match="unknown event type 'FIGHT'"):
        acled_code("FIGHT", None)
    with pytest.raises(KeyError, match="'laser' is not a mode of ASSAULT"):
        acled_code("ASSAULT", "laser")


def test_code_constants_are_in_the_taxonomy(ontology):
    pairs = {(c.event_type, c.sub_event_type) for c in ontology.acled}
    constants = [
        codes.BATTLE,
        codes.ATTACK,
        codes.MOB,
        codes.GOVERNMENT_REGAINS,
        codes.NON_STATE_OVERTAKES,
        codes.NON_VIOLENT_TRANSFER,
    ]
    assert set(constants) <= pairs
    assert {p[0] for p in pairs} >= set(codes.DIRECT_VIOLENCE)


@pytest.mark.parametrize(
    ("event_type", "mode", "trigger_cameo", "expected"),
    [
        ("ASSAULT", "aerial", None, "195"),
        ("ASSAULT", "drone", None, "195"),
        ("ASSAULT", "heavy-weapons", None, "194"),
        ("ASSAULT", "firearms", None, "193"),
        ("ASSAULT", None, None, "190"),
        ("ASSAULT", "explosives", "1832", "1832"),
        ("COERCE", "seize", None, "171"),
        ("COERCE", "seize", "192", "192"),
        ("COERCE", "arrest", None, "173"),
        ("AGREE", None, None, "030"),
        ("RETREAT", "release", None, "0841"),
        ("PROTEST", "riot", None, "145"),
    ],
)
def test_cameo_code(event_type, mode, trigger_cameo, expected):
    assert cameo_code(event_type, mode, trigger_cameo) == expected


def test_case_labels_round_trip_for_all_25_sub_event_types(ontology):
    for code in ontology.acled:
        label = acled_to_case(code.event_type, code.sub_event_type)
        assert label == code.case and case_to_acled(label) == (code.event_type, code.sub_event_type)
    assert acled_to_case("Battles", "Government regains territory") == "GOV_REGAINS_TERIT"
    assert case_to_acled("PROPERTY_DISTRUCT") == LOOTING
    for label in ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"):
        assert case_to_acled(label) is None
    with pytest.raises(KeyError, match="unknown CASE-2021 label 'BATTLE'"):
        case_to_acled("BATTLE")
    with pytest.raises(KeyError, match="'Attack' is not a sub-event type of 'Battles'; valid: Armed clash"):
        acled_to_case("Battles", "Attack")
    with pytest.raises(KeyError, match="unknown ACLED event type 'Remote violence'"):
        acled_to_case("Remote violence", "Grenade")
