"""How an attack was carried out and who took part, when its trigger leaves it open.

- Weapons: "attack", "fire", "kill" say nothing of the means, and ACLED's sub-event type turns on it. The
  sentence of such a trigger often names it ("fired 82mm mortars at ...", "attacked the base with drones",
  "a drone strike ... killed"): the trigger takes the mode of the weapon named, by ACLED's precedence
  (a suicide bomber, a chemical agent, a drone or an aircraft, a planted explosive, a grenade, artillery).
  Small arms beside artillery or grenades are fighting, an armed clash (ACLED's rule for mixed fire); an
  explosion with no weapon named is shelling when there are several of them ("15 explosions near the
  front line"), fighting when gunfire is heard with them, and stays a bomb when there is one. A weapon
  that is another event's trigger outside this trigger's phrase is that event's ("gunmen killed two
  soldiers and a roadside bomb hit a convoy").
- Parties: an actor or a target no name was linked for is read from its head noun ("a man and a woman"
  are civilians, "a patrol" is armed, "a mob" and "villagers" are a crowd), so that the attack's ACLED
  type still follows who fought whom.

The words are data/packs/lexicon/violence.yaml (warlog.packs.lexicon.ViolenceWords).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from warlog.events.roles import (
    LIGHT_VERBS,
    objects_of,
    orphan_subject,
    participle_subject,
    passive_agents,
    with_conjuncts,
)
from warlog.packs.lexicon import ViolenceWords
from warlog.packs.ontology import Trigger

WORDS = ViolenceWords.builtin()
AIR = ("Explosions/Remote violence", "Air/drone strike")
CLASH = ("Battles", "Armed clash")
# weapon class -> (ASSAULT mode, ACLED pair or None when the parties decide)
MODES: dict[str, tuple[str, tuple[str, str] | None]] = {
    "suicide": ("suicide-attack", ("Explosions/Remote violence", "Suicide bomb")),
    "chemical": ("unconventional", ("Explosions/Remote violence", "Chemical weapon")),
    "drone": ("drone", AIR),
    "aerial": ("aerial", AIR),
    "explosive": ("explosives", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    "grenade": ("explosives", ("Explosions/Remote violence", "Grenade")),
    "artillery": ("heavy-weapons", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    "firearms": ("firearms", None),
    "blades": ("primitive", None),
}
REMOTE = ("suicide", "chemical", "drone", "aerial", "explosive", "grenade", "artillery")  # precedence
MIXED_WITH_FIRE = frozenset({"artillery", "grenade"})  # small arms with these: an armed clash
DIRECT = frozenset({"Battles", "Violence against civilians", "Riots"})
CLAUSES = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "cc"})
TARGET_PREPOSITIONS = frozenset({"on", "against", "of", "at", "upon", "between", "with"})
ARMED = "military"
MILITIA = "militia"
CIVILIAN = "civilians"

_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _class in WORDS.weapons.items():
    _split = tuple(_words.split())
    _PHRASES.setdefault(_split[0], []).append((_split, _class))
for _entries in _PHRASES.values():
    _entries.sort(key=lambda entry: -len(entry[0]))


def weapons_near(token: Token, triggers: frozenset[int]) -> dict[str, list[Token]]:
    """The weapon classes named in the trigger's sentence, each with the tokens that name it; a weapon
    that is another trigger, or lies in another trigger's phrase, outside this one's phrase is left to
    that trigger ("fired at and dropped grenades from a drone on ...": the drone is the dropping's)."""
    sentence = token.sent
    own = own_phrase(_clause_of(token))
    if token.pos_ == "VERB" and token.dep_ == "acl":
        own |= {token.head.i}  # "shells fired by the rebels": what a participle tells of is what was fired
    others = {i for t in sentence if t.i in triggers and t.i not in own for i in own_phrase(_clause_of(t))} - own
    found: dict[str, list[Token]] = {}
    i = sentence.start
    while i < sentence.end:
        matched = _weapon_at(sentence.doc, i, sentence.end)
        if matched is None:
            i += 1
            continue
        length, weapon = matched
        head = sentence.doc[i + length - 1]
        if weapon_topic(head):
            i += length
            continue
        named_by_other = head.head.i in triggers and head.head.i not in own  # "an earlier bomb blast"
        if head.i in own or (head.i not in triggers and head.i not in others and not named_by_other):
            found.setdefault(weapon, []).append(head)
        i += length
    return found


# prepositions of what something is about ("his record on guns", "a debate over guns")
TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning"})
# nouns of a policy or a public matter a weapon's name qualifies ("gun control", "gun laws", "gun violence")
POLICY_NOUNS = frozenset({
    "ban", "bill", "control", "culture", "debate", "industry", "law", "legislation", "lobby", "manufacturer",
    "measure", "owner", "ownership", "policy", "reform", "registry", "right", "safety", "sale", "show",
    "violence",
})  # fmt: skip


def weapon_topic(weapon: Token) -> bool:
    """A weapon named as what something is about, not one used: "his record on guns", "talked about
    guns", "hit her rival on guns", "gun control", "gun violence"."""
    if weapon.dep_ == "compound" and weapon.head.lemma_.lower() in POLICY_NOUNS:
        return True
    if weapon.dep_ != "pobj" or weapon.head.lower_ not in TOPIC_PREPOSITIONS:
        return False
    holder = weapon.head.head
    if holder.pos_ == "VERB" and any(c.dep_ == "dobj" for c in holder.children):
        return True  # "hit him on guns": the one struck is the object, guns what it was about
    return holder.pos_ in ("NOUN", "PROPN") or weapon.head.lower_ != "on"  # "fired on the convoy": a target


def _clause_of(token: Token) -> Token:
    """The verb a trigger noun is the object of ("dropped a grenade from a drone"), else the trigger."""
    if token.pos_ != "VERB" and token.dep_ == "dobj" and token.head.pos_ == "VERB":
        return token.head
    return token


def own_phrase(token: Token) -> frozenset[int]:
    """The tokens of a trigger's own phrase: a verb's clause without the clauses hung on it, a noun's
    phrase without its relative clauses."""
    skip = CLAUSES if token.pos_ == "VERB" else frozenset({"relcl"})
    tokens = {token.i}
    for child in token.children:
        if child.dep_ not in skip:
            tokens.update(t.i for t in child.subtree)
    return frozenset(tokens)


def _weapon_at(doc, i: int, end: int) -> tuple[int, str] | None:
    first = doc[i]
    for key in {first.lower_, first.lemma_.lower()}:
        for words, weapon in _PHRASES.get(key, ()):
            if i + len(words) > end:
                continue
            tokens = doc[i : i + len(words)]
            if all(_fits(t, w) for t, w in zip(tokens, words, strict=True)) and _is_noun(tokens[-1]):
                return len(words), weapon
    return None


def _fits(token: Token, word: str) -> bool:
    lower = token.lower_
    return word in (lower, token.lemma_.lower()) or lower in (word + "s", word + "es")


def _is_noun(token: Token) -> bool:
    """A common noun, or an acronym ("IED", "UAV"); not a name ("the Butovka Mine")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_upper)


def with_means(token: Token, trigger: Trigger, triggers: frozenset[int]) -> Trigger:
    """The trigger with the mode (and ACLED default) of the weapon its sentence names; unchanged when it
    says its own means or lies outside direct violence ("shot down", "excessive force"). A chemical weapon
    decides over whatever delivered it."""
    if trigger.type != "ASSAULT":
        return trigger
    blast = trigger.lemma in WORDS.blasts
    found = weapons_near(token, triggers)
    if (
        "chemical" in found
        and trigger.acled is not None
        and trigger.acled[0] in (*DIRECT, "Explosions/Remote violence")
    ):
        return _as(trigger, "chemical")  # ACLED: chlorine dropped from a helicopter is a chemical weapon
    if trigger.mode != "firearms" and (_reciprocal(trigger) or ((blast or trigger.mode is None) and _exchanged(token))):
        return _as(trigger, "firearms") if "firearms" in found else replace(trigger, mode=None, acled=CLASH)
    carried = [w for w in ("drone", "aerial") if w in found]
    if trigger.mode == "explosives" and not blast and carried:  # "dropped grenades from a drone": an air strike
        return _as(trigger, carried[0])
    if trigger.mode == "heavy-weapons" or (trigger.acled is not None and trigger.acled[1] == "Grenade"):
        return _as(trigger, "firearms") if "firearms" in found else trigger  # "fired mortars and small arms"
    if trigger.mode == "explosives" and not blast:
        return trigger
    struck_from_afar = [w for w in REMOTE if w in found and w in ("drone", "aerial", "artillery")]
    if trigger.mode == "destroy" and struck_from_afar:  # "jets destroyed weapon depots": an air strike
        return _as(trigger, struck_from_afar[0])
    if not blast and (trigger.mode is not None or (trigger.acled is not None and trigger.acled[0] not in DIRECT)):
        return trigger
    remote = [weapon for weapon in REMOTE if weapon in found and not (blast and weapon == "explosive")]
    if "firearms" in found and (not remote or remote[0] in MIXED_WITH_FIRE):
        return _as(trigger, "firearms")
    if remote:
        return _as(trigger, remote[0])
    if blast:
        several = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in token.children)
        return _as(trigger, "artillery") if several else trigger
    if "blades" in found:
        return _as(trigger, "blades")
    return trigger


def _reciprocal(trigger: Trigger) -> bool:
    """A word of fighting between sides ("clash", "battle": its partners come "with" or "between")."""
    return trigger.acled == CLASH and bool({"with", "between"} & set(trigger.recipient_preps))


def _exchanged(token: Token) -> bool:
    """The sentence says the fire went both ways ("in both directions", "at each other")."""
    words = " ".join(t.lower_ for t in token.sent)
    return any(f" {phrase} " in f" {words} " for phrase in WORDS.reciprocal)


def _as(trigger: Trigger, weapon: str) -> Trigger:
    mode, acled = MODES[weapon]
    if acled is None:
        acled = trigger.acled if trigger.acled is not None and trigger.acled[0] in DIRECT else None
    return replace(trigger, mode=mode, acled=acled)


FIRED_AT = frozenset({"on", "at", "into", "upon"})


def target_kinds(token: Token) -> tuple[str, ...]:
    """The kinds ("civilians", "military") of the targets a trigger names by a common noun (`target_heads`)."""
    kinds = [target_kind(head) for head in target_heads(token)]
    return tuple(dict.fromkeys(k for k in kinds if k is not None))


def off_duty_targets(token: Token) -> bool:
    """Every target a trigger names is a soldier or a police officer off duty (`target_kind`: "shot two constables
    at home"): civilians to ACLED, whatever armed force the words link them to."""
    heads = [h for h in target_heads(token) if h.ent_type_ not in ("DATE", "TIME")]  # "On 3 May, two officers"
    return bool(heads) and all(_off_duty(_group_member(head)) for head in heads)


def target_heads(token: Token) -> list[Token]:
    """The heads of a trigger's targets: a verb's objects or passive subject, a noun's "on"/"against"/"of"
    object, with their conjuncts."""
    if token.pos_ == "VERB" and not nominal_gerund(token):
        targets = objects_of(token) + [c for c in token.children if c.dep_ == "nsubjpass"]
        if not targets and any(c.dep_ == "auxpass" for c in token.children):
            targets = [orphan] if (orphan := orphan_subject(token)) is not None else []  # "..., a man was shot"
        # "opened fire on a teahouse", "fired at a bus": the phrase hangs on the verb or on its "fire"
        holders = [token, *(c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "fire")]
        targets += [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in FIRED_AT
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        targets = [t for t in targets if t.lemma_.lower() != "fire"]
    else:
        targets = [g for c in token.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS
                   for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return [head for target in targets for head in with_conjuncts(target)]


def _armed_men(token: Token) -> bool:
    return token.lemma_.lower() in WORDS.armed_men or token.lower_ in WORDS.armed_men


def nominal_gerund(token: Token) -> bool:
    """A gerund the parser called a verb where a noun stands: "carried out a drive-by shooting against a man"."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
        and not any(c.dep_ in ("dobj", "nsubj", "aux") for c in token.children)
    )


def target_kind(head: Token) -> str | None:
    """The kind of an unnamed target by its head noun, or None. Soldiers or police off duty, retired or
    former are civilians, as ACLED codes them ("an off-duty police officer")."""
    head = _group_member(head)
    armed_noun = head.lemma_.lower() in WORDS.armed_targets or head.lower_ in WORDS.armed_targets
    armed_noun = armed_noun or any(
        c.dep_ == "compound" and c.lemma_.lower() in WORDS.armed_targets for c in head.children
    )
    if _off_duty(head) and (armed_noun or head.lemma_.lower() in ("officer", "colonel", "general", "commander")):
        return CIVILIAN
    if any(c.dep_ in ("amod", "compound") and c.lower_ in ("armed", "military") for c in head.children):
        return ARMED  # "armed clan militiamen", "an armed military vehicle"
    if any(c.dep_ == "compound" and c.lemma_.lower() in WORDS.armed_targets for c in head.children):
        return ARMED  # "a police office", "militia camps", "army barracks": what armed men hold
    if head.ent_type_ == "PERSON":
        return "person"
    if any(c.dep_ == "amod" and c.lower_ == "residential" for c in head.children):
        return CIVILIAN  # "opened fire on residential areas", "shelled residential neighbourhoods"
    lemma = head.lemma_.lower()
    if lemma in WORDS.armed_targets or head.lower_ in WORDS.armed_targets:
        return ARMED
    if lemma in WORDS.civilian_targets or head.lower_ in WORDS.civilian_targets:
        return CIVILIAN
    if lemma == "member" and any(
        c.dep_ == "compound" and c.lemma_.lower() in WORDS.crowd_actors for c in head.children
    ):
        return CIVILIAN  # "party members", "community members"
    return None


OFF_DUTY = frozenset({"retired", "former", "ex", "demobilised", "demobilized"})


def _off_duty(head: Token) -> bool:
    """ "an off-duty policeman", "a police officer who was off duty", "a retired soldier", or one struck at his
    own home ("killed a police colonel outside his home", "an army officer near his residence")."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in OFF_DUTY for c in head.children):
        return True
    words = [t.lower_ for t in head.subtree if t.i > head.i - 4]
    if any(a == "off" and b in ("duty", "-") for a, b in zip(words, words[1:], strict=False)):
        return True
    holders = [head, head.head] if head.dep_ in ("dobj", "nsubjpass") else [head]
    return any(
        g.lemma_.lower() in HOMES and any(p.dep_ == "poss" for p in g.children)
        for holder in holders
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in AT_HOME
        for g in c.children
        if g.dep_ == "pobj"
    )


HOMES = frozenset({"home", "house", "residence", "compound", "farm"})
AT_HOME = frozenset({"at", "in", "near", "outside", "inside"})


def actor_kinds(token: Token) -> tuple[str, ...]:
    """The kinds of the actors a trigger names by a common noun (`actor_heads`): "a mob", "villagers" are a
    crowd; "armed men", "gunmen" are armed; "the invasion by northern forces"."""
    kinds = [actor_kind(head) for head in actor_heads(token)]
    return tuple(dict.fromkeys(k for k in kinds if k is not None))


def actor_heads(token: Token) -> list[Token]:
    """The heads of a trigger's actors, with their conjuncts: a verb's subject (or that of the verb it
    shares it with: "the police intervened to disperse them and arrested ten"), or the "by" object of the
    passive or of a noun; for a noun, also the sides it is "between" ("a clash between two groups of
    workers")."""
    if token.pos_ != "VERB" or nominal_gerund(token):
        agents = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "between")
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if not agents:  # "Gunmen attack and rape IDPs", a title the parser read as a compound noun
            agents = [c for c in token.children if c.dep_ == "compound" and c.tag_ == "NNS" and _armed_men(c)]
        if not agents and token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS:
            agents = [c for c in token.head.children if c.dep_ == "nsubj"]  # "the army launched an offensive"
        return [head for agent in agents for head in with_conjuncts(agent)]
    agents = [c for c in token.children if c.dep_ == "nsubj"]
    agents = agents or [c for c in token.children if c.dep_ == "compound" and c.tag_ == "NNS" and _armed_men(c)]
    agents += [participle_subject(c) for c in token.children if c.dep_ == "csubj" and c.tag_ == "VBG"]
    agents = [a for a in agents if a.dep_ != "csubj"]
    agents += passive_agents(token)
    if not agents and not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        agents = [orphan] if (orphan := orphan_subject(token)) is not None else []  # "armed men driving ... attacked"
    shared = token
    while not agents and shared.dep_ in ("xcomp", "conj") and shared.head.pos_ == "VERB" and shared.head != shared:
        shared = shared.head  # "the police intervened to disperse them and arrested ten": the police's
        agents = [c for c in shared.children if c.dep_ == "nsubj"]
    return [head for agent in agents for head in with_conjuncts(agent)]


# adjectives of a roused crowd: "angry depositors burnt the bank", "irate commuters stoned buses"
ANGRY = frozenset({"angry", "irate", "furious", "enraged", "incensed", "disgruntled", "aggrieved", "outraged"})


def actor_kind(head: Token) -> str | None:
    """The kind of an unnamed actor by its head noun ("armed men", "a mob", "community members"), or None."""
    group = head
    head = _group_member(head)
    if any(c.dep_ == "amod" and c.lower_ == "armed" for c in (*head.children, *group.children)):
        return ARMED  # "armed men", "two armed groups"
    if head.lemma_.lower() in WORDS.militia_actors or head.lower_ in WORDS.militia_actors:
        return MILITIA  # "party cadres", "hired thugs"
    if any(c.dep_ == "compound" and c.lemma_.lower() in WORDS.crowd_actors for c in head.children):
        return CIVILIAN  # "community members"
    lemma = head.lemma_.lower()
    if lemma in WORDS.armed_targets or head.lower_ in WORDS.armed_targets:
        return ARMED
    if lemma in WORDS.crowd_actors or head.lower_ in WORDS.crowd_actors:
        return CIVILIAN
    if group.lemma_.lower() == "group" and group.tag_ == "NNS":
        return CIVILIAN  # "two groups clashed", "two groups of neighbours": no armed group is named
    if (
        head.tag_ == "NNS"
        and head.ent_type_ == ""
        and any(c.dep_ == "amod" and c.lower_ in ANGRY for c in head.children)
    ):
        return CIVILIAN  # "angry depositors", "irate commuters": people roused, a crowd
    if group.lemma_.lower() in ("group", "crowd", "mob") and head is not group and head.ent_type_ == "NORP":
        return CIVILIAN  # "a group of Turks attacked the rally": people of a nation, a crowd
    return None


def _group_member(head: Token) -> Token:
    """What a group is of: "a group of people" -> people."""
    if head.lemma_.lower() in ("group", "number", "gang", "band", "crowd", "member") and not head.ent_type_:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                members = [g for g in child.children if g.dep_ == "pobj"]
                if members:
                    return members[0]
    return head
