"""What two tellings of one event disagree on: perpetrator, recipient, place, date, toll or occurrence.

Used across documents (the contradictions inside an incident, warlog.incidents) and inside one
document. Only contradictions count, never a telling that says less: an empty role, an unknown place,
date or toll, a country against a town in it, "June 2015" against "2015-06-03" differ from nothing.
Dates are the intervals their ISO values denote (`date_interval`); distances are haversine kilometres.

Two places contradict when they cannot both be right (`place_difference`):

- places in different countries;
- two points more than `place_km` apart (default 10 km);
- never an area (country, province, region, district, precision 3) and a point of its country;
- a direction without a distance ("north of Aleppo": the town's point, the qualifier kept in the id,
  see `warlog.geo.qualify.qualified_id`) and a point: they contradict when the point lies more than
  `place_km` from the town and either beyond DIRECTION_KM (how far "north of X" plausibly reaches) or
  outside the 90° sector around the direction (Kuweires airbase, 38 km east of Aleppo, is not "north of
  Aleppo"). Two directions from one town contradict when they are more than 90° apart ("north of" vs
  "south of"); from two towns, when the towns are more than twice DIRECTION_KM apart;
- a bare town name that also names its province ("in Aleppo": city and governorate; Idlib, Homs, Raqqa,
  Deir ez-Zor, see `warlog.geo.Gazetteer.province_named`) is read as the province, in a document that
  says which (`provinces`): it contradicts no point within PROVINCE_KM of the province's point, unless
  that point is a town naming another province. The gazetteer has a province's point, not its outline,
  so the radius stands in for containment: 60 km holds Aleppo governorate's towns (Kuweires 28 km,
  Azaz 38 km, Manbij 55 km, Afrin 47 km from its point) but misses its edge (Jarabulus 76 km), and it
  is too wide for a city-province (Damascus). "Aleppo City", a name the text made explicit, is another place and
  stays a point.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeGuard

from warlog.geo.qualify import angle_between, compass_bearing, compass_noun, read_qualified_id
from warlog.model import HAPPENED, REFUTED, Actor, Event, Place, Toll

DIFFERENCE_KINDS = ("perpetrator", "recipient", "place", "date", "toll", "occurrence")
# the kinds of actor that are a state or one of its organs: "Russian jets" and "Russia's defence ministry"
# are one side, not two perpetrators
STATE_KINDS = frozenset({"state", "government", "military", "police", "intelligence"})
AREA_FEATURES = frozenset({"country", "province", "region", "district"})
EARTH_RADIUS_KM = 6371.0088
DIRECTION_KM = 60.0  # how far from its town a place "north of X" (no distance stated) plausibly lies
PROVINCE_KM = 60.0  # how far from a province's point a place may lie and be read as inside it
SECTOR_DEGREES = 90.0  # the sector around a direction ("north of X": bearings 315° to 45° from X)

Interval = tuple[date, date]


@dataclass(frozen=True, slots=True)
class Difference:
    """What two tellings of one event disagree on: a kind (DIFFERENCE_KINDS) and one line saying how."""

    kind: str
    explanation: str


_UNIT = re.compile(r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?")


def _unit(text: str) -> Interval | None:
    match = _UNIT.fullmatch(text.strip())
    if match is None:
        return None
    year, week, month, day = match.groups()
    try:
        if week:
            first = date.fromisocalendar(int(year), int(week), 1)
            return first, first + timedelta(days=6)
        if day:
            one = date(int(year), int(month), int(day))
            return one, one
        if month:
            first = date(int(year), int(month), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        return date(int(year), 1, 1), date(int(year), 12, 31)
    except ValueError:
        return None


def date_interval(value: str | None) -> Interval | None:
    """The first and last day an ISO 8601 value may denote: a day, week, month, year or a start/end period
    ("2014-06/2014-08"; ".." for an open end). None when the value is absent or not understood."""
    if not value:
        return None
    start, slash, end = value.partition("/")
    if not slash:
        return _unit(value)
    first, last = _unit(start), _unit(end)
    if first is None and last is None:
        return None
    return (first[0] if first else date.min), (last[1] if last else date.max)


def days_apart(a: Interval, b: Interval) -> int:
    """Days between two intervals; 0 when they overlap."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def is_area(place: Place) -> bool:
    """Whether a place is an area (country, province, region, district) rather than a point."""
    return place.feature in AREA_FEATURES or place.precision == 3


def place_distance(a: Place, b: Place) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _names(ids: Iterable[str], actors: Mapping[str, Actor]) -> str:
    return ", ".join(actors[i].name if i in actors else i for i in ids)


def _counted(toll: Toll | None) -> TypeGuard[Toll]:
    return toll is not None and (toll.min is not None or toll.max is not None)


def _toll_range(toll: Toll) -> tuple[int, float]:
    return (toll.min or 0), (toll.max if toll.max is not None else math.inf)


def _show_toll(toll: Toll) -> str:
    low, high = _toll_range(toll)
    if high == math.inf:
        return f"{low}+"
    if toll.min is None:
        return f"up to {toll.max}"
    return str(low) if low == high else f"{low}-{int(high)}"


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The initial great-circle bearing from one point to another, in degrees from north (0 to 360)."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360


def place_difference(
    a: Place | None, b: Place | None, *, place_km: float = 10.0, provinces: Mapping[str, Place] | None = None
) -> str | None:
    """How two places contradict (see the module docstring), or None when both can be right.

    Args:
        a, b: the places (None: unknown, which contradicts nothing).
        place_km: how far apart two points must be to contradict each other.
        provinces: by a bare town's place id, the province the same name also names ("Aleppo").
    """
    if a is None or b is None or a.id == b.id:
        return None
    found = None
    if not (is_area(a) or is_area(b) or _in_named_province(a, b, provinces or {})):
        found = _point_difference(a, b, place_km)
    if found is None and a.country and b.country and a.country != b.country:
        return f"{a.name} ({a.country}) vs {b.name} ({b.country})"
    return found


def _in_named_province(a: Place, b: Place, provinces: Mapping[str, Place]) -> bool:
    """Whether one place is a bare town name read as its province and the other lies within it."""
    for town, other in ((a, b), (b, a)):
        province = provinces.get(town.id)
        own = provinces.get(other.id)
        if province is None or (own is not None and own.id != province.id):
            continue
        if other.country and province.country and other.country != province.country:
            continue
        distance = place_distance(province, other)
        if distance is not None and distance <= PROVINCE_KM:
            return True
    return False


def _direction(place: Place) -> float | None:
    """The bearing of a place "north of X" with no distance stated (a stated distance makes a point)."""
    qualified = read_qualified_id(place.id)
    if qualified is None or qualified.direction is None or qualified.km is not None:
        return None
    return compass_bearing(qualified.direction)


def _point_difference(a: Place, b: Place, place_km: float) -> str | None:
    distance = place_distance(a, b)
    if distance is None:
        return None
    da, db = _direction(a), _direction(b)
    if da is not None and db is not None:
        return _directions_difference(a, da, b, db, distance)
    if da is not None or db is not None:
        return _direction_difference(a, b, distance, place_km)
    if distance > place_km:
        return f"{a.name} vs {b.name} ({distance:.0f} km apart)"
    return None


def _directions_difference(a: Place, da: float, b: Place, db: float, distance: float) -> str | None:
    """Two directions: from one town ("north of X" vs "south of X"), or from towns far apart."""
    base_a, base_b = read_qualified_id(a.id), read_qualified_id(b.id)
    if base_a is not None and base_b is not None and base_a.base == base_b.base:
        return f"{a.name} vs {b.name}" if angle_between(da, db) > SECTOR_DEGREES else None
    if distance > 2 * DIRECTION_KM:
        return f"{a.name} vs {b.name} ({distance:.0f} km apart)"
    return None


def _direction_difference(a: Place, b: Place, distance: float, place_km: float) -> str | None:
    """A direction from a town ("north of Aleppo", at the town's point) and a point."""
    directed, point = (a, b) if _direction(a) is not None else (b, a)
    qualified, degrees = read_qualified_id(directed.id), _direction(directed)
    if qualified is None or degrees is None or distance <= place_km:
        return None
    if directed.lat is None or directed.lon is None or point.lat is None or point.lon is None:
        return None  # never: `distance` was measured between their points
    town = directed.name.removeprefix(f"{qualified.qualifier} ")
    heading = bearing(directed.lat, directed.lon, point.lat, point.lon)
    if distance <= DIRECTION_KM and angle_between(heading, degrees) <= SECTOR_DEGREES / 2:
        return None
    return f"{a.name} vs {b.name} ({point.name} is {distance:.0f} km {compass_noun(heading)} of {town})"


def differences(
    a: Event,
    b: Event,
    places: Mapping[str, Place],
    *,
    actors: Mapping[str, Actor] | None = None,
    place_km: float = 10.0,
    provinces: Mapping[str, Place] | None = None,
) -> list[Difference]:
    """What two tellings of the same event disagree on, in the order of DIFFERENCE_KINDS.

    - perpetrator / recipient: both name actors for the role, none in common, and no state in common (a
      state and its organs, its government, army, police, intelligence, are one side: "Russian jets" and
      "Russia's defence ministry" name no other perpetrator; this needs `actors`);
    - place: places that cannot both be right (`place_difference`): points more than `place_km` apart,
      places in different countries, a point outside the direction of "north of X";
    - date: date intervals that do not overlap;
    - toll: killed, wounded or captured counts whose ranges do not overlap ("at least 100" is 100+);
    - occurrence: one says it happened (asserted, reported, claimed), the other denies or negates it.

    Args:
        a, b: the two events (from one document or from two).
        places: places by id, for the events' places.
        actors: actors by id, to write names rather than ids in the explanations.
        place_km: how far apart two points must be to contradict each other.
        provinces: by a bare town's place id, the province the same name also names (see the module).
    """
    names = actors or {}
    found = _role_differences(a, b, names)
    place = place_difference(event_place(a, places), event_place(b, places), place_km=place_km, provinces=provinces)
    if place:
        found.append(Difference("place", f"place: {place}"))
    found += _date_differences(a, b) + _toll_differences(a, b)
    statuses = {a.status, b.status}
    if statuses & set(HAPPENED) and statuses & set(REFUTED):
        found.append(Difference("occurrence", f"occurrence: {_status(a, names)} vs {_status(b, names)}"))
    return found


def _role_differences(a: Event, b: Event, names: Mapping[str, Actor]) -> list[Difference]:
    found = []
    for kind, x, y in (("perpetrator", a.actors, b.actors), ("recipient", a.recipients, b.recipients)):
        if x and y and not set(x) & set(y) and not _states(x, names) & _states(y, names):
            found.append(Difference(kind, f"{kind}: {_names(x, names)} vs {_names(y, names)}"))
    return found


def _states(ids: Iterable[str], actors: Mapping[str, Actor]) -> set[str]:
    """The countries whose state the actors are or serve (a state, its government, army, police, ...)."""
    return {a.country for i in ids if (a := actors.get(i)) is not None and a.kind in STATE_KINDS and a.country}


def _date_differences(a: Event, b: Event) -> list[Difference]:
    if a.date is None or b.date is None:
        return []
    x, y = date_interval(a.date.value), date_interval(b.date.value)
    gap = days_apart(x, y) if x and y else 0
    if not gap:
        return []
    return [Difference("date", f"date: {a.date.value} vs {b.date.value} ({gap} day{'s' * (gap != 1)} apart)")]


def _toll_differences(a: Event, b: Event) -> list[Difference]:
    found = []
    for label, x, y in (
        ("killed", a.fatalities, b.fatalities),
        ("wounded", a.wounded, b.wounded),
        ("captured", a.captured, b.captured),
    ):
        if not (_counted(x) and _counted(y)):
            continue
        (x_low, x_high), (y_low, y_high) = _toll_range(x), _toll_range(y)
        if x_high < y_low or y_high < x_low:
            found.append(Difference("toll", f"toll: {_show_toll(x)} vs {_show_toll(y)} {label}"))
    return found


def _status(event: Event, names: Mapping[str, Actor]) -> str:
    return f"{event.status} by {_names([event.speaker], names)}" if event.speaker else event.status


def event_place(event: Event, places: Mapping[str, Place]) -> Place | None:
    """The place an event names, from `places` by id; None when it names none or an unknown id."""
    return places.get(event.place) if event.place else None
