"""When two tellings are one incident: the one rule, with a preset for each scope that uses it.

Three places ask whether two tellings tell one happening, and each needs its own strictness:

- `IN_DOCUMENT` (warlog.events.merge): one text tells one event twice ("Boko Haram attacked Maiduguri
  on Sunday. ... The Sunday attack on Maiduguri by Boko Haram ..."); the two become one event with both
  evidence spans.
- `BETWEEN_CLAIMS` (warlog.incidents.contradictions): two sources of one document (two claims, not both
  the author's) tell one incident; what they disagree on is a contradiction.
- `ACROSS_DOCUMENTS` (warlog.incidents.cluster): reports in different documents tell one incident; they
  are grouped, and what they disagree on is a contradiction. `warlog incidents`, `Store.incidents` and
  `GET /api/incidents` use it; the last two take `max_km` and `max_days`, which override its fields.

A `Telling` holds what the rule reads of an event (its type, mode, participants, place, date, tolls).
Each check says True (positive evidence: an *anchor*), None (compatible, says nothing) or False (the
tellings cannot be one incident). Two tellings are one incident (`IncidentPolicy.same_incident`) when:

1. their types are the same and their modes agree (a mode on one side only is compatible: ASSAULT and
   ASSAULT aerial; ASSAULT aerial and ASSAULT explosives are not); with `same_status`, their statuses
   are the same too;
2. their participants are not ruled out (`participants`, below);
3. with `same_clause`, the second telling begins inside the first one's span: the same clause read
   twice (a verb and its nominal) is one event whatever else is said, and checks 4 and 5 are skipped;
4. no check says False: participants, places, dates, tolls, persons;
5. at least `min_anchors` checks say True. Because an unknown is compatible, two thinly told events
   (no place, no date, nobody named) would always match and chain unrelated reports together; an
   anchor beyond the participants keeps them apart.

The checks (the presets' rule for each in brackets):

- participants: "same" [IN_DOCUMENT] the same actors, in the same order, at least one (a text that tells
  its event again names its perpetrator again), and the same recipients where both name some: True,
  else False. "shared" [BETWEEN_CLAIMS] an actor or recipient in common, in whichever role (sources
  disagree on who did what to whom: that is the contradiction): True, else False. "by_role"
  [ACROSS_DOCUMENTS] a shared actor or a shared recipient: True; roles known on both sides and disjoint
  in every one: False ("Russia struck the rebels" and "I.S. struck the Kurds"); perpetrators of one
  state (a state and its government, army, police, intelligence: `Telling.states`, known when the
  clustering has the actors) are a shared actor ("Russia" and "Russian jets"); else None (an empty role
  is compatible, so "Russia struck the rebels" and "I.S. struck the rebels" can be one incident with a
  perpetrator contradiction).
- places: "same" [IN_DOCUMENT] the same place id: True; another: False (a text that moves its own event
  tells another event). "near" [ACROSS_DOCUMENTS] two points (a town, a base) within `max_km`
  (haversine; or the same place id): True; farther: False; an area (country, province, region,
  district, ACLED precision 3) holds any place of its own country and is never an anchor; an unknown
  place or unknown coordinates: None. None [BETWEEN_CLAIMS] not compared: where sources place one
  incident differently, that is the contradiction to report.
- dates: "same" [IN_DOCUMENT] the same resolved ISO value: True ("on Sunday" told twice resolves to one
  day); another: False. "near" [BETWEEN_CLAIMS, ACROSS_DOCUMENTS] on date intervals (the days an ISO
  value and its precision denote: "2015-10" is the month, so "in October" is compatible with "on
  October 8th" but is no anchor): at most `max_days` apart, each ending fewer than `precise_days` days
  after it begins: True; more than `max_days` apart: False when `far_dates_split`, else None;
  otherwise None.
- tolls: "same" [IN_DOCUMENT] the same killed count on both sides: True. "counted" [BETWEEN_CLAIMS] a
  killed or wounded count on both sides: True (two sources counting the dead of one attack tell one
  incident, whatever the numbers). None [ACROSS_DOCUMENTS] not compared.
- persons [BETWEEN_CLAIMS]: a recipient both name who is a person (a man is killed once): True.

The presets' fields, and why they hold their values (a field no rule of a preset reads is not listed
for it):

- same_status: yes IN_DOCUMENT ("attacked" and "denied attacking" in one text are a telling and a
  denial, two events); no BETWEEN_CLAIMS and ACROSS_DOCUMENTS (a denial of another's telling is an
  occurrence contradiction of one incident).
- same_clause: yes IN_DOCUMENT (check 3); no elsewhere, where spans lie in different claims or texts.
- own_denials: yes ACROSS_DOCUMENTS: a denial is of the denier's own deed ("denied that its jets
  struck"), so a denial and another telling (or denial) whose perpetrators are named, with no actor and no
  state in common
  (a state and its government, army, police, intelligence are one: `Telling.states`, read when the
  clustering has the actors), are not one incident: the denial says nothing of the other perpetrator's
  deed. No elsewhere (inside a document the denial's links say what it denies, warlog.claims.rebuttals).
- max_km: 50 ACROSS_DOCUMENTS: reports of one strike may name its town or a place near it (Kuweires
  airbase lies 37 km from Aleppo); lower it for dense fronts, where the next town is another incident.
- max_days: 0 BETWEEN_CLAIMS (the same days: intervals that overlap); 3 ACROSS_DOCUMENTS (reports of one
  attack may date it a day or two apart: the day it happened, the day it was reported).
- precise_days: 3 BETWEEN_CLAIMS (a date known to the day, or to two or three days, "over the weekend");
  8 ACROSS_DOCUMENTS (a day or a week anchors a match; a month or a year does not).
- far_dates_split: no BETWEEN_CLAIMS (a source's other date is a contradiction to report, not another
  incident); yes ACROSS_DOCUMENTS (dates days apart are two incidents).
- lag_days: 7 ACROSS_DOCUMENTS: a report without a date of its own tells what happened in the week
  before its publication. The clustering reads it when it builds an undated report's `Telling`.
- min_anchors: 2 in every preset, the participants being one of them: IN_DOCUMENT the same actors and
  the incident's place, date or killed count ("Moscow has targeted the rebels" is not the day "Russia
  killed hundreds in Aleppo"); BETWEEN_CLAIMS a shared participant and a person, counts or a day;
  ACROSS_DOCUMENTS two of participants, place and date (the same victims on the same day, the same town
  on the same day, the same perpetrator in the same town).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from warlog.incidents.differences import STATE_KINDS, Interval, date_interval, days_apart, is_area, place_distance
from warlog.model import REFUTED, Actor, Event, Place, Toll, When

__all__ = [
    "ACROSS_DOCUMENTS",
    "BETWEEN_CLAIMS",
    "IN_DOCUMENT",
    "PERSON_KINDS",
    "Agreement",
    "IncidentPolicy",
    "Telling",
]

Agreement = bool | None  # True: an anchor; None: compatible, says nothing; False: not one incident
Range = tuple[int | None, int | None]  # a count's (min, max)
PERSON_KINDS = frozenset({"person"})


@dataclass(frozen=True, slots=True)
class Telling:
    """What the rule reads of one telling of an event; a field left empty is unknown."""

    type: str
    mode: str | None = None
    status: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    people: frozenset[str] = frozenset()  # the recipients that are persons
    place: str | None = None  # the place id
    located: Place | None = None  # the place with its kind and coordinates, when known
    date: When | None = None  # the date as resolved (ISO value)
    interval: Interval | None = None  # the first and last day it may have happened
    killed: Range | None = None
    wounded: Range | None = None
    span: tuple[int, int] | None = None  # character offsets of its evidence in the document
    states: frozenset[str] = frozenset()  # the countries whose state or state organs its actors are

    @classmethod
    def of_event(
        cls,
        event: Event,
        *,
        located: Place | None = None,
        interval: Interval | None = None,
        actors: Mapping[str, Actor] | None = None,
    ) -> Telling:
        """An event's telling. `interval`, when given, stands for the days its date denotes (the clustering
        dates an undated report to the week before its publication); `actors` tells which recipients are
        persons and which actors are a state's organs."""
        people = frozenset(r for r in event.recipients if actors and r in actors and actors[r].kind in PERSON_KINDS)
        states = frozenset(
            a.country for i in event.actors if actors and (a := actors.get(i)) and a.kind in STATE_KINDS and a.country
        )  # fmt: skip
        return cls(
            type=event.type,
            mode=event.mode,
            status=event.status,
            actors=event.actors,
            recipients=event.recipients,
            people=people,
            place=event.place,
            located=located,
            date=event.date,
            interval=interval if interval is not None else date_interval(event.date.value if event.date else None),
            killed=_range(event.fatalities),
            wounded=_range(event.wounded),
            span=(event.evidence.start, event.evidence.end),
            states=states,
        )


def _range(toll: Toll | None) -> Range | None:
    return None if toll is None else (toll.min, toll.max)


# --- the checks --------------------------------------------------------------------------------------------


def types_agree(a: Telling, b: Telling) -> bool:
    return a.type == b.type and (a.mode is None or b.mode is None or a.mode == b.mode)


def same_participants(a: Telling, b: Telling) -> bool:
    """The same actors, at least one, and the same recipients where both name some."""
    if not a.actors or a.actors != b.actors:
        return False
    return not (a.recipients and b.recipients and a.recipients != b.recipients)


def shared_participant(a: Telling, b: Telling) -> bool:
    """An actor or a recipient in common, in whichever role."""
    return bool((set(a.actors) | set(a.recipients)) & (set(b.actors) | set(b.recipients)))


def participants_by_role(a: Telling, b: Telling) -> Agreement:
    """True: a shared actor or recipient (or perpetrators of one state: "Russia" and "Russian jets");
    None: nothing to compare; False: disjoint where known."""
    # membership in the other's tuple of one or two ids: no sets built for the millions of candidate pairs
    if any(x in b.actors for x in a.actors) or any(x in b.recipients for x in a.recipients):
        return True
    if a.states and not a.states.isdisjoint(b.states):
        return True
    return False if (a.actors and b.actors) or (a.recipients and b.recipients) else None


def same_place(a: Telling, b: Telling) -> Agreement:
    """True: the same place id; False: two different ones; None: unknown on a side."""
    return a.place == b.place if a.place and b.place else None


def places_within(a: Place | None, b: Place | None, max_km: float) -> Agreement:
    """True: the same point or points within max_km; None: cannot tell; False: too far apart."""
    if a is None or b is None:
        return None
    if is_area(a) or is_area(b):
        return False if a.country and b.country and a.country != b.country else None
    if a.id == b.id:
        return True
    distance = place_distance(a, b)
    return None if distance is None else distance <= max_km


def same_date(a: Telling, b: Telling) -> Agreement:
    """True: the same known ISO value; False: different values; None: undated on a side."""
    if a.date is None or b.date is None:
        return None
    if a.date.value != b.date.value:
        return False
    return True if a.date.value else None


def dates_within(a: Interval | None, b: Interval | None, max_days: int, precise_days: int) -> Agreement:
    """True: intervals shorter than precise_days, at most max_days apart; False: farther apart; None:
    unknown, or too coarse to anchor."""
    if a is None or b is None:
        return None
    if days_apart(a, b) > max_days:
        return False
    precise = all((i[1] - i[0]).days < precise_days for i in (a, b))
    return True if precise else None


def same_toll(a: Telling, b: Telling) -> Agreement:
    """True: the same killed count on both sides."""
    return True if a.killed is not None and b.killed is not None and a.killed == b.killed else None


def both_counted(a: Telling, b: Telling) -> Agreement:
    """True: a killed or wounded count on both sides."""
    return True if _counted(a) and _counted(b) else None


def _counted(telling: Telling) -> bool:
    return any(r is not None and (r[0] is not None or r[1] is not None) for r in (telling.killed, telling.wounded))


def shared_person(a: Telling, b: Telling) -> Agreement:
    """True: a recipient both name who is a person."""
    return True if a.people & b.people else None


def denial_of_another(a: Telling, b: Telling) -> bool:
    """Whether a denial is of the deed of other perpetrators than the other telling names: both name
    actors, one (or both) denies or negates, and they share no actor and no state ("Israel denied its
    jets struck the hospital" says nothing of Russian jets striking it, nor of Russia's denial)."""
    if not (a.actors and b.actors) or not (a.status in REFUTED or b.status in REFUTED):
        return False
    return not (set(a.actors) & set(b.actors) or a.states & b.states)


def same_clause(a: Telling, b: Telling) -> bool:
    """Whether `b` begins inside `a`'s span: one clause read twice."""
    return a.span is not None and b.span is not None and a.span[0] <= b.span[0] < a.span[1]


PARTICIPANTS: Mapping[str, Callable[[Telling, Telling], Agreement]] = {
    "same": same_participants,
    "shared": shared_participant,
    "by_role": participants_by_role,
}


# --- the policy -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IncidentPolicy:
    """How strictly two tellings must agree to be one incident (fields and presets: the module docstring)."""

    participants: Literal["same", "shared", "by_role"] = "by_role"
    places: Literal["same", "near"] | None = "near"
    dates: Literal["same", "near"] = "near"
    tolls: Literal["same", "counted"] | None = None
    persons: bool = False
    same_status: bool = False
    same_clause: bool = False
    own_denials: bool = False
    max_km: float = 50.0
    max_days: int = 3
    precise_days: int = 8
    far_dates_split: bool = True
    lag_days: int = 7
    min_anchors: int = 2

    def same_incident(self, a: Telling, b: Telling) -> bool:
        """Whether two tellings can be one incident under this policy."""
        if not types_agree(a, b) or (self.same_status and a.status != b.status):
            return False
        if self.same_clause and PARTICIPANTS[self.participants](a, b) is not False and same_clause(a, b):
            return True
        checks = self._checks(a, b)
        if False in checks:
            return False
        return sum(1 for check in checks if check) >= self.min_anchors

    def compatible(self, a: Telling, b: Telling) -> bool:
        """Whether nothing rules out that two tellings are one incident: rule 1 holds and no check says
        False (no anchor needed). Every two accounts of an incident are compatible (warlog.incidents.linkage)."""
        if not types_agree(a, b) or (self.same_status and a.status != b.status):
            return False
        return False not in self._checks(a, b)

    def anchors(self, a: Telling, b: Telling) -> int:
        """How many checks say True: how strongly two matching tellings agree."""
        return sum(1 for check in self._checks(a, b) if check)

    def _checks(self, a: Telling, b: Telling) -> tuple[Agreement, ...]:
        participants = PARTICIPANTS[self.participants](a, b)
        if participants is not False and self.own_denials and denial_of_another(a, b):
            participants = False
        if participants is False:  # the cheapest check that rules out; the others are not needed
            return (False,)
        person = shared_person(a, b) if self.persons else None
        return (participants, self._places(a, b), self._dates(a, b), self._tolls(a, b), person)

    def _places(self, a: Telling, b: Telling) -> Agreement:
        if self.places == "same":
            return same_place(a, b)
        if self.places == "near":
            return places_within(a.located, b.located, self.max_km)
        return None

    def _dates(self, a: Telling, b: Telling) -> Agreement:
        if self.dates == "same":
            return same_date(a, b)
        agree = dates_within(a.interval, b.interval, self.max_days, self.precise_days)
        return None if agree is False and not self.far_dates_split else agree

    def _tolls(self, a: Telling, b: Telling) -> Agreement:
        if self.tolls == "same":
            return same_toll(a, b)
        if self.tolls == "counted":
            return both_counted(a, b)
        return None


IN_DOCUMENT = IncidentPolicy(
    participants="same", places="same", dates="same", tolls="same", same_status=True, same_clause=True
)
BETWEEN_CLAIMS = IncidentPolicy(
    participants="shared", places=None, dates="near", tolls="counted", persons=True,
    max_days=0, precise_days=3, far_dates_split=False,
)  # fmt: skip
ACROSS_DOCUMENTS = IncidentPolicy(
    participants="by_role", places="near", dates="near", tolls=None, own_denials=True,
    max_km=50.0, max_days=3, precise_days=8, far_dates_split=True, lag_days=7, min_anchors=2,
)  # fmt: skip
