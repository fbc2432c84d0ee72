"""ACLED, CAMEO, quad class and CASE-2021 codes of an event.

A trigger carries default codes (warlog.packs.ontology); `acled_code` refines the ACLED one with what
the trigger cannot know: who acted on whom, and whether territory changed hands. The code tables come
from the built-in ontology pack, which user packs do not change.
"""

from __future__ import annotations

from collections.abc import Iterable

from warlog.model import ACTOR_KINDS
from warlog.packs.ontology import EventType, LegacyAcled, Mode, Ontology, builtin_ontology

Pair = tuple[str, str]

# Who fights whom. The ACLED categories behind these sets: state forces, rebels and militias are armed;
# civilians (with their organizations, parties and the press) are not; a crowd acting violently is
# ACLED's rioters. Identity groups (ethnic_group, religious_group) are victims as recipients but say
# nothing as actors (a communal militia or a mob); igo and other say nothing either way.
STATE_KINDS = frozenset({"state", "government", "military", "police", "intelligence"})
ARMED_KINDS = STATE_KINDS | {"armed_group", "rebel_group", "militia"}
CIVILIAN_KINDS = frozenset(
    {"civilians", "person", "media", "ngo", "political_party", "organization", "ethnic_group", "religious_group"}
)
CROWD_KINDS = frozenset({"civilians", "person"})
PERSON_KINDS = frozenset({"person"})
ARMED_MODES = frozenset({"firearms"})  # modes of a weapon one person may carry that ACLED names no sub-type for
PARTISAN_KINDS = CROWD_KINDS | {"political_party"}  # party members in a brawl are rioters, not an armed group

BATTLE: Pair = ("Battles", "Armed clash")
ATTACK: Pair = ("Violence against civilians", "Attack")
MOB: Pair = ("Riots", "Mob violence")
VIOLENT_DEMONSTRATION: Pair = ("Riots", "Violent demonstration")
GOVERNMENT_REGAINS: Pair = ("Battles", "Government regains territory")
NON_STATE_OVERTAKES: Pair = ("Battles", "Non-state actor overtakes territory")
NON_VIOLENT_TRANSFER: Pair = ("Strategic developments", "Non-violent transfer of territory")
TERRITORY_CODES = frozenset({GOVERNMENT_REGAINS, NON_STATE_OVERTAKES, NON_VIOLENT_TRANSFER})
# ACLED event types of direct violence, where the parties decide among BATTLE, ATTACK and MOB
DIRECT_VIOLENCE = ("Battles", "Violence against civilians", "Riots")
# ACLED event types of violence (direct or remote)
VIOLENT_TYPES = (*DIRECT_VIOLENCE, "Explosions/Remote violence")


def acled_code(
    event_type: str,
    mode: str | None,
    *,
    default: Pair | None = None,
    actor_kinds: Iterable[str] = (),
    recipient_kinds: Iterable[str] = (),
    territory: bool = False,
    foreign: bool = False,
    mutual: bool = False,
    unnamed: bool = False,
) -> Pair | None:
    """The ACLED (event type, sub-event type) of an event, or None when ACLED does not code it.

    Args:
        event_type: the PLOVER type (ASSAULT, ...).
        mode: its mode, or None.
        default: the trigger's ACLED default.
        actor_kinds: warlog actor kinds (warlog.model.ACTOR_KINDS) of the actors.
        recipient_kinds: actor kinds of the recipients.
        territory: the event takes or hands over ground (a place is its object).
        foreign: a state actor takes territory outside its own country, which ACLED codes as a
            non-state actor overtaking territory.
        mutual: the word is one of fighting between sides ("clashed with"): the other side is a party
            to a battle, not a victim, whoever it is (a crowd on the one side still makes it a riot).
        unnamed: the perpetrators are armed men the text does not name ("unidentified gunmen", "armed men").

    Raises:
        KeyError: unknown event type or mode.
        ValueError: an unknown actor kind, or a default that is not an ACLED pair.
    """
    ontology = builtin_ontology()
    etype = ontology.type(event_type)
    details = etype.mode(mode) if mode is not None else None
    actors, recipients = _kinds(actor_kinds), _kinds(recipient_kinds)
    if default is not None:
        _check_pair(ontology, tuple(default))
        default = (default[0], default[1])
    if event_type == "ASSAULT":
        return _assault(etype, details, default, actors, recipients, mutual, unnamed)
    if territory and event_type == "COERCE" and mode in (None, "seize"):
        return _territory_taken(default, actors, foreign)
    if territory and event_type == "RETREAT" and mode in (None, "withdraw"):
        return NON_VIOLENT_TRANSFER
    code = _pick(default, details.acled if details else (), etype.acled)
    return None if code in TERRITORY_CODES and not territory else code


def _pick(default: Pair | None, mode_codes: tuple[Pair, ...], type_codes: tuple[Pair, ...]) -> Pair | None:
    """The default if the mode allows it, else the mode's first code; with no mode codes, the
    default, else the type's first code."""
    if mode_codes:
        return default if default in mode_codes else mode_codes[0]
    if default is not None:
        return default
    return type_codes[0] if type_codes else None


def _assault(
    etype: EventType,
    details: Mode | None,
    default: Pair | None,
    actors: frozenset[str],
    recipients: frozenset[str],
    mutual: bool = False,
    unnamed: bool = False,
) -> Pair | None:
    if details is not None and details.name == "destroy" and actors and actors <= {"civilians", "political_party"}:
        # a crowd burning or wrecking property is rioting: protesters (ACLED's "Protesters (X)", linked as
        # the opposition) a violent demonstration, residents, students or villagers mob violence
        return VIOLENT_DEMONSTRATION if "political_party" in actors else MOB
    if details is not None and details.acled:  # a weapon or a form of violence ACLED names
        return _pick(default, details.acled, ())
    if default is not None and default[0] not in DIRECT_VIOLENCE:  # "shoot down", "excessive force"
        return default
    base = default or etype.acled[0]
    if actors and actors <= PERSON_KINDS and details is not None and details.name in ARMED_MODES:
        # one person with a gun is no mob ("an officer who shot and killed a man"): an attack when the victims
        # are civilians (below), else the trigger's own type
        return ATTACK if not recipients or recipients <= CIVILIAN_KINDS else base
    if actors and actors <= CROWD_KINDS:
        return MOB
    if actors and actors <= PARTISAN_KINDS and not recipients & ARMED_KINDS:
        return MOB  # supporters of rival parties fighting each other
    if recipients & ARMED_KINDS:
        return BATTLE
    if recipients and recipients <= CIVILIAN_KINDS and not mutual:
        return ATTACK if actors & ARMED_KINDS or base not in (ATTACK, MOB) else base
    if unnamed and not recipients and not mutual and base == BATTLE:
        # gunmen no one names, attacking no armed party told: ACLED codes such attacks (on a village, a road,
        # a camp) as violence against civilians; a battle needs two organised armed sides
        return ATTACK
    return base


def _territory_taken(default: Pair | None, actors: frozenset[str], foreign: bool) -> Pair | None:
    if actors & STATE_KINDS and not foreign:
        return GOVERNMENT_REGAINS
    if actors:
        return NON_STATE_OVERTAKES
    return default if default in (GOVERNMENT_REGAINS, NON_STATE_OVERTAKES) else None


def _kinds(kinds: Iterable[str]) -> frozenset[str]:
    found = frozenset(kinds)
    unknown = sorted(found - set(ACTOR_KINDS))
    if unknown:
        raise ValueError(f"unknown actor kind {unknown[0]!r}; valid kinds: {', '.join(ACTOR_KINDS)}")
    return found


def _check_pair(ontology: Ontology, pair: tuple[str, ...]) -> None:
    if len(pair) != 2 or not any((c.event_type, c.sub_event_type) == pair for c in ontology.acled):
        raise ValueError(f"{pair!r} is not an ACLED (event type, sub-event type); see Ontology.acled")


def cameo_code(event_type: str, mode: str | None = None, trigger_cameo: str | None = None) -> str:
    """The CAMEO code of an event: the trigger's own, else its mode's default, else its type's.

    Raises:
        KeyError: unknown event type or mode.
    """
    etype = builtin_ontology().type(event_type)
    details = etype.mode(mode) if mode is not None else None
    return trigger_cameo or (details.cameo if details else etype.cameo)


def quad_class(event_type: str) -> str:
    """The PLOVER quad class of an event type: verbal_cooperation, material_cooperation,
    verbal_conflict or material_conflict.

    Raises:
        KeyError: unknown event type.
    """
    return builtin_ontology().quad(event_type)


def acled_to_case(event_type: str, sub_event_type: str) -> str:
    """The CASE-2021 task 2 label of an ACLED sub-event type ("Battles", "Armed clash" -> ARMED_CLASH).

    Raises:
        KeyError: not an ACLED pair; the message lists the valid sub-event types.
    """
    acled = builtin_ontology().acled
    for code in acled:
        if (code.event_type, code.sub_event_type) == (event_type, sub_event_type):
            return code.case
    valid = [c.sub_event_type for c in acled if c.event_type == event_type]
    if not valid:
        known = dict.fromkeys(c.event_type for c in acled)
        raise KeyError(f"unknown ACLED event type {event_type!r}; valid: {', '.join(known)}")
    raise KeyError(f"{sub_event_type!r} is not a sub-event type of {event_type!r}; valid: {', '.join(valid)}")


def case_to_acled(label: str) -> Pair | None:
    """The ACLED (event type, sub-event type) of a CASE-2021 label; None for the labels outside
    ACLED's taxonomy (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB).

    Raises:
        KeyError: unknown label; the message lists the valid ones.
    """
    ontology = builtin_ontology()
    for code in ontology.acled:
        if code.case == label:
            return (code.event_type, code.sub_event_type)
    if label in ontology.case_unseen:
        return None
    valid = [c.case for c in ontology.acled] + list(ontology.case_unseen)
    raise KeyError(f"unknown CASE-2021 label {label!r}; valid: {', '.join(valid)}")


def legacy_acled(event_type: str) -> LegacyAcled:
    """What an event type of the pre-2019 ACLED exports ("Remote violence", "Battle-No change of
    territory", ...) became: the current event types and, where it is implied, the sub-event type.

    Raises:
        KeyError: not a pre-2019 event type; the message lists them.
    """
    legacy = builtin_ontology().acled_legacy
    for entry in legacy:
        if entry.name == event_type:
            return entry
    raise KeyError(f"unknown pre-2019 ACLED event type {event_type!r}; valid: {', '.join(e.name for e in legacy)}")
