"""The document's geography: the countries a text is about (its focus), as geoparsers such as Mordecai
find them, and the choice of a place among same-named gazetteer candidates with that focus.

Focus: a country named in the text is a strong vote; each other place name votes for the countries
where the gazetteer has a place of that name, its one vote shared between them by how likely each
reading is (an admin area, a city, a curated place weighs more than a village). "Tijuana, Baja
California" is about Mexico although "California" is also a town in Colombia; "Tripoli" in a note that
names Lebanon is Lebanon's.

Choice (`choose`): a candidate in a focus country first (the likelier focus country first), then a
town or country before an admin area, a curated spelling, the most populous. A name that has no
candidate in the focus countries is taken abroad only when the place is prominent (a country, a curated
place, a city of a million); without any focus, only when one country's reading stands out (`_dominant`).
Otherwise the name stays unresolved, never the nearest homonym.

Nearness (`nearest`): among a focus country's several places of one name ("Kamianka", a dozen in
Ukraine), the one closest to the document's other, unambiguous places.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from warlog.packs.placenames import GEONAMES, GeoName, normalize_place

NAMED_COUNTRY = 3.0  # the vote of a country the text names as a place
NAMED_STATE = 0.25  # ... or as an actor ("Serbia's government", "Russia bombed"): breaks ties between places
CLUE = 0.5  # a leading score under this is no focus: the names are too ambiguous to tell ("San Antonio")
SHARE = 0.75  # a country with three quarters of the leading score or more is a focus country
PROMINENT_POPULATION = 1_000_000  # a city this large may be named from abroad ("protests in Paris")
NEAR_KM = 250.0  # nearness decides only between candidates this close to another place of the text
LEAD = 1.5  # a focus country this many times ahead of the next is the text's own (`Focus.leading`)
_FEATURE_WEIGHT = {"country": 1.0, "province": 1.0, "region": 1.0, "city": 1.0, "district": 0.6}


@dataclass(frozen=True, slots=True)
class Focus:
    """The countries a document is about: (ISO alpha-3, score), best first, and those it names."""

    scores: tuple[tuple[str, float], ...] = ()
    named: frozenset[str] = frozenset()

    @property
    def primary(self) -> str | None:
        """The likeliest country, or None when the text gives no clue (states acting alone are none:
        "Syria rejected the proposal" is not set in Syria)."""
        countries = self.countries
        return countries[0] if countries else None

    @property
    def countries(self) -> tuple[str, ...]:
        """The focus countries, likeliest first: `SHARE` of the leading score or more, or named in the text."""
        if not self.scores or self.scores[0][1] < CLUE:
            return ()
        top = self.scores[0][1]
        return tuple(code for code, score in self.scores if score >= SHARE * top or code in self.named)

    @property
    def leading(self) -> str | None:
        """The likeliest country when it clearly leads (`LEAD` times the next score or more): the country an
        unqualified "the government" or "the police" of the text belongs to. None when two countries share
        the text ("the U.S. and Mexico ..."): there a generic noun could be either's."""
        primary = self.primary
        if primary is None:
            return None
        others = [(code, score) for code, score in self.scores if code != primary]
        if not others or self.scores[0][1] >= LEAD * others[0][1]:
            return primary
        # a country the text names as a place leads one it only may hold a place of ("Mali Zvornik, Serbia")
        return primary if primary in self.named and others[0][0] not in self.named else None

    def rank(self, country: str | None) -> int:
        """0 for the likeliest focus countries (those tied for the lead), 1 for the next score...;
        len(countries) for any other country."""
        countries = self.countries
        if country not in countries:
            return len(countries)
        scores = dict(self.scores)
        return len({scores[c] for c in countries if scores[c] > scores[country]})


def weight(place: GeoName) -> float:
    """How likely a reading of a name is, before context: an area or a city 1, a town by its size."""
    if place.source != GEONAMES:
        return 1.0
    if place.feature in _FEATURE_WEIGHT:
        return _FEATURE_WEIGHT[place.feature]
    return 0.5 if place.population >= 10_000 else 0.25


def find_focus(candidates: Iterable[Sequence[GeoName]], named: Iterable[str] = (), states: Iterable[str] = ()) -> Focus:
    """The focus of a document from the candidates of each distinct place name it uses, the countries
    it names as places (`named`, ISO alpha-3) and the countries of the states it names as actors."""
    scores: defaultdict[str, float] = defaultdict(float)
    for code in named:
        scores[code] += NAMED_COUNTRY
    for code in states:
        scores[code] += NAMED_STATE
    for places in candidates:
        best: dict[str, float] = {}
        for place in places:
            if place.country and place.feature != "country":
                best[place.country] = max(best.get(place.country, 0.0), weight(place))
        total = sum(best.values())
        for code, value in best.items():
            scores[code] += value * value / total  # its share of the vote, by how likely its reading is
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return Focus(tuple((code, round(score, 3)) for code, score in ranked if score > 0), frozenset(named))


def prominent(place: GeoName, name: str) -> bool:
    """A place a text may name from abroad: a country, a curated place, a city of a million called by
    its own name (not "Colonia", Cologne's name in Spanish, nor "Victoria", a capital of 20,000)."""
    if place.feature == "country" or place.source != GEONAMES:
        return True
    return place.population >= PROMINENT_POPULATION and normalize_place(place.name) == normalize_place(name)


def choose(
    candidates: Sequence[GeoName], focus: Focus, name: str, preferred: Iterable[str] = (), *, holder: bool = False
) -> GeoName | None:
    """The candidate that a document with this focus means by `name` (see the module docstring), or None.

    A `holder` (a name given as the larger place around another: "..., Espirito Santo", "(..., Sindh)")
    is an admin area or a city before a town of the same name."""
    if not candidates:
        return None
    countries = focus.countries
    pool = [c for c in candidates if c.country in countries] if countries else list(candidates)
    if not pool:
        pool = [c for c in candidates if prominent(c, name)]
    if not pool or (not countries and not _dominant(pool, name)):
        return None
    ids = frozenset(preferred)

    def rank(place: GeoName) -> tuple[int, bool, bool, bool, int]:
        admin = place.feature in ("province", "district")
        large = holder and (place.feature in ("province", "region", "city"))
        curated = place.source != GEONAMES or place.id in ids
        return (-focus.rank(place.country), large, not admin, curated, place.population)

    return max(pool, key=rank)


def _dominant(candidates: Sequence[GeoName], name: str) -> bool:
    """Without a focus, whether one country's reading of a name stands out: the name is one country's
    only, or its likeliest reading outweighs every other country's (an area or a city against towns, a
    place ten times as populous, a world city by its own name). Otherwise it is a guess."""
    by_country: dict[str | None, GeoName] = {}
    for place in candidates:
        held = by_country.get(place.country)
        if held is None or (weight(place), place.population) > (weight(held), held.population):
            by_country[place.country] = place
    if len(by_country) < 2:
        return True
    ranked = sorted(by_country.values(), key=lambda p: (prominent(p, name), weight(p), p.population), reverse=True)
    first, second = ranked[0], ranked[1]
    if prominent(first, name) and not prominent(second, name):
        return True
    if weight(first) > weight(second):
        return True
    return weight(first) == weight(second) and first.population >= 10 * max(second.population, 1)


def nearest(place: GeoName, candidates: Sequence[GeoName], anchors: Sequence[tuple[float, float]]) -> GeoName | None:
    """Among the candidates of the same country and kind as `place`, the one closest to an anchor (a point
    of another place of the text), when it lies within `NEAR_KM` of it; None when anchors are given and
    none lies that close; else (no anchors, a single candidate) `place` itself."""
    kind = _kind(place)
    same = [
        c for c in candidates
        if c.country == place.country and _kind(c) == kind and c.lat is not None and c.lon is not None
    ]  # fmt: skip
    if len(same) < 2 or not anchors:
        return place
    scored = [(min(distance_km(c.lat, c.lon, *a) for a in anchors), c) for c in same]  # type: ignore[arg-type]
    best_km, best = min(scored, key=lambda item: item[0])
    return best if best_km <= NEAR_KM else None


def _kind(place: GeoName) -> str:
    return "settlement" if place.feature in ("city", "town", "village") else place.feature


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
