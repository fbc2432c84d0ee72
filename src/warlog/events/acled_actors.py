"""An event's actors as ACLED codes them: actor1, assoc_actor_1, actor2, assoc_actor_2, as actor ids.

The event keeps its PLOVER roles (a beaten journalist stays the target, the journalists' union that marched
stays the source); this is the ACLED export's reading of them, shared by `warlog export --format acled-csv` and
`warlog eval acled` so that the evaluation scores what the CSV says. ACLED's codebook names unarmed people
by what they are in the event, in the country where it happened, and moves the group they belong to into the
associated actor:

- in violence against civilians the victims are Civilians (X): "a journalist was beaten" is Civilians (X)
  with the journalists as assoc_actor_2, "a party member was stabbed" Civilians (X) with the party; so are
  the people arrested who are no party's activists ("police arrested a blogger");
- in a protest or a riot the crowd is Protesters (X) or Rioters (X) when its first actor is unarmed
  (people, a party, a union, the press): "journalists protested" is Protesters (X) with the journalists as
  assoc_actor_1. Armed actors (the police, a militia) keep their own name;
- a protest the authorities broke up, or one that turned violent (ACLED's Protest with intervention,
  Excessive force against protesters, Violent demonstration), is the protesters' (actor1) against the
  forces who intervened (actor2): when the event names no other side, the police or army named in the
  sentences that tell it (its own and those of the pieces folded into it, `Event.also`: "Police dispersed
  them") are actor2;
- crowds that fight each other (a Mob violence the event codes as a fight, CAMEO 19x: "two groups clashed")
  are Rioters (X) on both sides, unless an armed side is named ("a mob clashed with the police").

X is the event's country: that of its place, else the one country all the report's places lie in, else the
one country of the event's parties. Without a country the roles stay as the event has them. The ids are
those of the knowledge base's generic agents of a country (data/packs/actors/agents.yaml): `{iso3}.cvl`
for civilians, `{iso3}.opp` for protesters and rioters (ACLED's "Protesters (X)" and "Rioters (X)").
"""

from __future__ import annotations

from dataclasses import dataclass

from warlog.events.codes import ARMED_KINDS, CIVILIAN_KINDS
from warlog.model import Event, Report

CIVILIANS, PROTESTERS, RIOTERS = "Civilians", "Protesters", "Rioters"
# the suffixes of the generic agents (agents.yaml) that stand for each ACLED category
SUFFIXES = {CIVILIANS: "cvl", PROTESTERS: "opp", RIOTERS: "opp"}
VICTIMS_TYPE = "Violence against civilians"
ARRESTS = "Arrests"
# the arrested who are civilians: people, the press, a civic group (not a party's activists, who may be
# protesters)
ARRESTED_CIVILIANS = frozenset({"civilians", "person", "media", "ngo", "organization"})
CROWD_TYPES = {"Protests": PROTESTERS, "Riots": RIOTERS}
# the sub-event types of a protest at which the state's forces stepped in, who are its actor2
INTERVENED = frozenset({"Protest with intervention", "Excessive force against protesters", "Violent demonstration"})
FORCES = frozenset({"police", "military"})
MOB_VIOLENCE = "Mob violence"
FIGHT_CAMEO = "19"  # CAMEO's fight: "clashed", "fought"
SENTENCE_ENDS = (". ", ".\n", "? ", "! ", "?\n", "!\n")


@dataclass(frozen=True, slots=True)
class CountryGroup:
    """An actor the ACLED coding names by its category and country: Civilians (Mexico) is ("mex.cvl",
    "Civilians", "MEX")."""

    id: str
    category: str
    country: str  # ISO alpha-3, upper case


@dataclass(frozen=True, slots=True)
class AcledActors:
    """The actor columns of an event's ACLED row, as actor ids; `groups` are the ids the coding named by
    category (not the event's own actors, or one of them renamed: "ind.opp" as Protesters (India))."""

    actor1: str | None = None
    assoc_actor_1: tuple[str, ...] = ()
    actor2: str | None = None
    assoc_actor_2: tuple[str, ...] = ()
    groups: tuple[CountryGroup, ...] = ()

    @property
    def side1(self) -> tuple[str, ...]:
        """actor1 and its associated actors."""
        return ((self.actor1,) if self.actor1 else ()) + self.assoc_actor_1

    @property
    def side2(self) -> tuple[str, ...]:
        """actor2 and its associated actors."""
        return ((self.actor2,) if self.actor2 else ()) + self.assoc_actor_2


def code_acled_actors(
    report: Report, event: Event, event_type: str | None, sub_event_type: str | None = None
) -> AcledActors:
    """The ACLED actor columns of `event`, coded as an event of this ACLED type (see the module docstring)."""
    kinds = {a.id: a.kind for a in report.actors}
    country = event_country(report, event)
    groups: list[CountryGroup] = []
    side1, side2 = list(event.actors), list(event.recipients)
    crowd = CROWD_TYPES.get(event_type or "")
    if country and crowd and side1 and _unarmed(kinds.get(side1[0])):
        side1 = _lead(side1, CountryGroup(f"{country.lower()}.{SUFFIXES[crowd]}", crowd, country), groups)
    victims = event_type == VICTIMS_TYPE or (
        sub_event_type == ARRESTS and bool(side2) and kinds.get(side2[0]) in ARRESTED_CIVILIANS
    )
    if country and victims:
        side2 = _lead(side2, CountryGroup(f"{country.lower()}.{SUFFIXES[CIVILIANS]}", CIVILIANS, country), groups)
    side2 = [r for r in side2 if r not in side1]
    if not side2 and sub_event_type in INTERVENED:
        side2 = _intervening(report, event, side1)
    if _crowds_fought(event, sub_event_type, groups) and not any(kinds.get(r) in ARMED_KINDS for r in side2):
        side2 = [side1[0], *side2]  # the other crowd: Rioters (X) against Rioters (X)
    return AcledActors(
        actor1=side1[0] if side1 else None,
        assoc_actor_1=tuple(side1[1:]),
        actor2=side2[0] if side2 else None,
        assoc_actor_2=tuple(side2[1:]),
        groups=tuple(groups),
    )


def event_country(report: Report, event: Event) -> str | None:
    """Where the event happened, as an ISO alpha-3 code: its place's country, else the one country of the
    report's places, else the one country of the event's parties; None when none of them tells."""
    countries = {p.id: p.country for p in report.places if p.country}
    if event.place in countries:
        return countries[event.place].upper()
    placed = set(countries.values())
    if len(placed) == 1:
        return placed.pop().upper()
    parties = {a.country for a in report.actors if a.country and a.id in (*event.actors, *event.recipients)}
    return parties.pop().upper() if len(parties) == 1 else None


def _intervening(report: Report, event: Event, side1: list[str]) -> list[str]:
    """The police or army named in the sentences that tell the event, its own and its pieces'."""
    text = report.document.text
    spans = [_sentence_span(text, e.start, e.end) for e in (event.evidence, *event.also)]
    return [
        a.id for a in report.actors
        if a.kind in FORCES and a.id not in side1
        and any(start <= m.start and m.end <= end for m in a.mentions for start, end in spans)
    ]  # fmt: skip


def _crowds_fought(event: Event, sub_event_type: str | None, groups: list[CountryGroup]) -> bool:
    """A riot of crowds that fought each other: mob violence coded as a fight, its actor1 the rioters."""
    cameo = dict(event.codes).get("cameo") or ""
    rioters = any(g.category == RIOTERS for g in groups)
    return sub_event_type == MOB_VIOLENCE and cameo.startswith(FIGHT_CAMEO) and rioters


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence(s) around text[start:end]."""
    before = [i + len(mark) for mark in SENTENCE_ENDS if (i := text.rfind(mark, 0, start)) >= 0]
    after = [i + 1 for mark in SENTENCE_ENDS if (i := text.find(mark, end)) >= 0]
    return max(before, default=0), min(after, default=len(text))


def _unarmed(kind: str | None) -> bool:
    """Unarmed people: a crowd, a person, a party, a union, the press (or an actor of no known kind)."""
    return kind is None or (kind in CIVILIAN_KINDS and kind not in ARMED_KINDS)


def _lead(side: list[str], group: CountryGroup, groups: list[CountryGroup]) -> list[str]:
    """The side led by the group, its other actors after it."""
    groups.append(group)
    return [group.id, *(a for a in side if a != group.id)]
