"""From a warlog Report to the labels gold sets use: the row's event, its ACLED types, its CASE label.

Which event stands for a row. An ACLED row (and a CASE snippet) codes one event, while a report may
hold several. The choice never looks at the gold, so a score is what a user reading "the report's
main event" gets: the first event in this order

1. status: asserted, reported or claimed before denied, negated, hypothetical or planned;
2. events that carry an ACLED code before those that do not;
3. material conflict (ASSAULT, PROTEST, COERCE, MOBILIZE, SANCTION) before the other PLOVER types;
4. where there was fighting (an armed clash), ground taken (ACLED's territory sub-event types) first;
5. first stated (evidence offset).

An event so chosen that its sentence tells as the background of another (the `background` code: "after
clashes", "the plane that was shot down", "blamed Israel for the bombing") gives way to the first, in
the same order, of the events that sentence tells in its main clause.

ACLED types of an event. The events component writes `("acled_event_type", ...)` and
`("acled_sub_event_type", ...)` into `Event.codes`; an event without them is mapped here from its
PLOVER type and mode (`PLOVER_TO_ACLED`), so that an evaluation of the events work in progress does not
read 0 for a coding it states in PLOVER only. The `acled_coded` metric says how often the codes were
there.
"""

from __future__ import annotations

from warlog.model import Event, Report

ACLED_SUB_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

# CASE-2021 task 2 labels of the ACLED sub-event types (case2021-task2-event-types.txt)
SUB_TYPE_TO_CASE: dict[str, str] = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}

# PLOVER (type, mode) -> ACLED sub-event type, for events without ACLED codes; mode None: any mode.
# ASSAULT with firearms or no mode is a clash, or an attack when every recipient is a civilian.
PLOVER_TO_ACLED: dict[tuple[str, str | None], str] = {
    ("PROTEST", "riot"): "Violent demonstration",
    ("PROTEST", "vandalize"): "Violent demonstration",
    ("PROTEST", None): "Peaceful protest",
    ("ASSAULT", "aerial"): "Air/drone strike",
    ("ASSAULT", "drone"): "Air/drone strike",
    ("ASSAULT", "heavy-weapons"): "Shelling/artillery/missile attack",
    ("ASSAULT", "explosives"): "Remote explosive/landmine/IED",
    ("ASSAULT", "suicide-attack"): "Suicide bomb",
    ("ASSAULT", "unconventional"): "Chemical weapon",
    ("ASSAULT", "sexual"): "Sexual violence",
    ("ASSAULT", "abduct"): "Abduction/forced disappearance",
    ("ASSAULT", "beat"): "Attack",
    ("ASSAULT", "torture"): "Attack",
    ("ASSAULT", "targeted"): "Attack",
    ("ASSAULT", "primitive"): "Attack",
    ("ASSAULT", "destroy"): "Looting/property destruction",
    ("ASSAULT", "crowd-control"): "Excessive force against protesters",
    ("COERCE", "arrest"): "Arrests",
    ("COERCE", "seize"): "Looting/property destruction",
    ("AGREE", None): "Agreement",
    ("MOBILIZE", None): "Change to group/activity",
}

# the 2016 schema's event types of a current (event type, sub-event type)
OLD_TYPES_BY_SUB: dict[str, str] = {
    "Armed clash": "Battle-No change of territory",
    "Government regains territory": "Battle-Government regains territory",
    "Non-state actor overtakes territory": "Battle-Non-state actor overtakes territory",
    "Headquarters or base established": "Headquarters or base established",
    "Non-violent transfer of territory": "Non-violent transfer of territory",
    # before 2019 ACLED coded lethal force on protesters as violence against civilians; its 2019 codebook
    # made it this sub-event type of Protests
    "Excessive force against protesters": "Violence against civilians",
}
OLD_TYPES: dict[str, str] = {
    "Battles": "Battle-No change of territory",
    "Explosions/Remote violence": "Remote violence",
    "Violence against civilians": "Violence against civilians",
    "Protests": "Riots/Protests",
    "Riots": "Riots/Protests",
    "Strategic developments": "Strategic development",
}

CLAIMED = ("asserted", "reported", "claimed")
# ground that changed hands is what ACLED codes of a battle that took it ("clashed with X, retook Y")
TERRITORY_SUB_TYPES = ("Government regains territory", "Non-state actor overtakes territory")
MATERIAL_CONFLICT = ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "SANCTION")
NO_EVENT_LABEL = "OTHER"  # the CASE label of a snippet in which warlog finds no event
# CASE's classes beyond ACLED's: a happening that is no conflict event (model.Happening) by its kind; a claim
# of (or a denial of, or a blame for) responsibility is an attribution; sanctions, expulsions and the requests
# one government makes of another, when no ACLED category takes them, are diplomacy
HAPPENING_TO_CASE: dict[str, str] = {
    "natural_disaster": "NATURAL_DISASTER",
    "man_made_disaster": "MAN_MADE_DISASTER",
    "crime": "ORG_CRIME",
}
ATTRIBUTION_LABEL, DIPLOMACY_LABEL = "ATTRIB", "DIPLO"
ATTRIBUTED = (
    "responsibility",
    "involvement",
)  # the first word of a claim of responsibility ("claimed responsibility for")
BLAME_CUES = ("blame", "blamed", "blaming", "blames")
DENIAL_CUES = ("deny", "denied", "denies", "denying", "rejected", "dismissed", "refuted")
DIPLOMATIC_TYPES = ("SANCTION", "REQUEST")
VIOLENT_TYPES = ("ASSAULT", "PROTEST")


def label_key(value: str | None) -> str | None:
    """A label compared without regard to case and spacing ("Armed  clash" == "armed clash")."""
    return " ".join(value.split()).casefold() if value else None


_TYPE_BY_SUB = {label_key(k): v for k, v in ACLED_SUB_TYPES.items()}
_CASE_BY_SUB = {label_key(k): v for k, v in SUB_TYPE_TO_CASE.items()}
_OLD_BY_SUB = {label_key(k): v for k, v in OLD_TYPES_BY_SUB.items()}
_OLD_BY_TYPE = {label_key(k): v for k, v in OLD_TYPES.items()}


def choose_event(report: Report) -> Event | None:
    """The event that stands for the document (see the module docstring), or None when there is none."""
    if not report.events:
        return None

    clash = any(dict(e.codes).get("acled_sub_event_type") == "Armed clash" for e in report.events)

    def rank(event: Event) -> tuple[int, int, int, int, int]:
        codes = dict(event.codes)
        return (
            event.status not in CLAIMED,
            "acled_event_type" not in codes and "acled_sub_event_type" not in codes,
            event.type not in MATERIAL_CONFLICT,
            not (clash and codes.get("acled_sub_event_type") in TERRITORY_SUB_TYPES),
            event.evidence.start,
        )

    best = min(report.events, key=rank)
    sentence = _sentence_of_background(best)
    if sentence is None or best.status not in CLAIMED:
        return best
    main = [e for e in report.events if _sentence_of_background(e) is None and e.status in CLAIMED
            and sentence[0] <= e.evidence.start < sentence[1]]  # fmt: skip
    return min(main, key=rank) if main else best


def _sentence_of_background(event: Event) -> tuple[int, int] | None:
    """The character offsets of the sentence in whose main clause another event is told, when this event
    is told as its background (events.clauses)."""
    value = dict(event.codes).get("background")
    if value is None:
        return None
    start, _, end = value.partition("-")
    return (int(start), int(end)) if start.isdigit() and end.isdigit() else None


def acled_coding(event: Event, report: Report) -> tuple[str | None, str | None]:
    """(ACLED event type, sub-event type) of an event: its codes, else mapped from PLOVER."""
    codes = dict(event.codes)
    event_type, sub_type = codes.get("acled_event_type"), codes.get("acled_sub_event_type")
    if event_type or sub_type:
        return event_type or _type_of(sub_type), sub_type
    sub_type = _plover_sub_type(event, report)
    return _type_of(sub_type), sub_type


def old_event_type(event_type: str | None, sub_type: str | None) -> str | None:
    """The 2016 schema's event type ("Remote violence", "Battle-No change of territory", ...)."""
    return _OLD_BY_SUB.get(label_key(sub_type)) or _OLD_BY_TYPE.get(label_key(event_type))


def case_label(event: Event | None, report: Report | None) -> str:
    """The CASE-2021 label of a snippet: ATTRIB when the event is the content of a claim of responsibility;
    else the event's ("case", LABEL) code; else the kind of a happening when no violence took place; else
    ATTRIB for a claim of responsibility, or for a denial when there is no event; else the event's ACLED sub-event
    type's label, or DIPLO for a sanction or a request outside ACLED's categories; else NO_EVENT_LABEL."""
    if report is None:
        return NO_EVENT_LABEL
    codes = dict(event.codes) if event is not None else {}
    responsibility = [c for c in report.claims if _attribution(c.text, c.cue)]
    if event is not None and any(event.id in c.events for c in responsibility):
        return ATTRIBUTION_LABEL  # the event is what a claim of responsibility is about: "X claimed the attack"
    if codes.get("case"):
        return codes["case"].strip().upper()
    violent = event is not None and event.type in VIOLENT_TYPES and event.status in CLAIMED
    if report.happenings and not violent:
        return HAPPENING_TO_CASE.get(report.happenings[0].kind, NO_EVENT_LABEL)
    if responsibility:
        return ATTRIBUTION_LABEL
    if event is None and any((claim.cue or "").casefold() in DENIAL_CUES for claim in report.claims):
        return ATTRIBUTION_LABEL  # "the Kremlin denied a report that ...": a denial, and no event of its own
    if event is None:
        return NO_EVENT_LABEL
    _, sub_type = acled_coding(event, report)
    label = _CASE_BY_SUB.get(label_key(sub_type))
    if label is None and event.type in DIPLOMATIC_TYPES:
        return DIPLOMACY_LABEL
    return label or NO_EVENT_LABEL


def _attribution(text: str, cue: str | None) -> bool:
    """ "claimed responsibility for the attack", "denied involvement in", "blamed X for"."""
    words = text.split(maxsplit=1)
    return bool(words) and (words[0].casefold() in ATTRIBUTED or (cue or "").casefold() in BLAME_CUES)


def _type_of(sub_type: str | None) -> str | None:
    return _TYPE_BY_SUB.get(label_key(sub_type))


def _plover_sub_type(event: Event, report: Report) -> str | None:
    found = PLOVER_TO_ACLED.get((event.type, event.mode)) or PLOVER_TO_ACLED.get((event.type, None))
    if found or event.type != "ASSAULT":
        return found
    kinds = [actor.kind if (actor := report.actor(r)) else None for r in event.recipients]
    civilians = bool(kinds) and all(kind == "civilians" for kind in kinds)
    return "Attack" if civilians else "Armed clash"
