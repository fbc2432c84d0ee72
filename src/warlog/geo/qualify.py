"""Qualified place phrases: "northern Syria", "20 km north-east of Aleppo", "near Kuweires airbase",
"the outskirts of Homs", "Rif Aleppo", "Aleppo province", "Aleppo City".

`parse_phrase` splits a phrase into a kind, a qualifier and the base place's name; the gazetteer looks
the base up and sets the ACLED precision (see `Gazetteer.resolve`). The geometry helpers give the point
of a direction: part of a country, or a distance and bearing from a town.

A direction from a place ("north of Aleppo", "20 km north-east of Aleppo") is a place of its own in a
report, with a `qualified_id` ("gn.170063~north-of"); `read_qualified_id` gives back the
base id, the qualifier, the compass direction of "X of" and a stated distance.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from warlog.packs.placenames import GeoName

_COMPASS = {"n": 0, "ne": 45, "e": 90, "se": 135, "s": 180, "sw": 225, "w": 270, "nw": 315}
_ADJECTIVE = {
    "n": "northern", "s": "southern", "e": "eastern", "w": "western", "c": "central",
    "ne": "north-eastern", "nw": "north-western", "se": "south-eastern", "sw": "south-western",
}  # fmt: skip
_NOUN = {"n": "north", "s": "south", "e": "east", "w": "west", "ne": "north-east", "nw": "north-west",
         "se": "south-east", "sw": "south-west", "c": "centre"}  # fmt: skip

_DIR = r"(?:north|south)\s?(?:east|west)|north|south|east|west"
_DIR_ADJ = rf"(?:north|south)\s?(?:east|west)ern|northern|southern|eastern|western|central|{_DIR}"
_KM = r"(?P<km>\d+(?:[.,]\d+)?)\s*(?P<unit>km|kms|kilometers?|kilometres?|miles?|mi)\s+"
_NEAR = (
    r"near|nearby|outside|around|close to|next to|(?:in |on )?the (?:outskirts|suburbs|vicinity|environs|edges?"
    r"|surroundings|periphery) of|(?:outskirts|suburbs|vicinity|environs|surroundings) of|(?:the )?areas? (?:of|around"
    r"|near)|(?:the )?(?:villages|towns) (?:around|near)"
)
_AREA_NOUNS = r"province|governorate|oblast|region|state|prefecture|county|department|wilayah?|vilayet|muhafazat?"
_TOWN_NOUNS = (
    r"city|town|village|municipality|commune|township|settlement|locality|parish|neighbou?rhood|quarter|suburb"
)
_SITE_NOUNS = (
    r"air ?base|airfield|airport|military airport|military base|base|camp|checkpoint|(?:border )?crossing|dam"
    r"|refinery|oil ?field|prison|industrial (?:zone|city|area)|power (?:plant|station)|bridge"
)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A place phrase resolved: its base place, the ACLED precision of the phrase and how it qualifies the
    base ("northern", "north of", "near", "outskirts of", "countryside", "province"; None for the place
    itself). `lat`/`lon` is the point to map: the base's, or shifted toward the direction named."""

    place: GeoName
    precision: int
    qualifier: str | None = None
    lat: float | None = None
    lon: float | None = None
    km: float | None = None  # a stated distance from the base ("20 km north of"), already in lat/lon


@dataclass(frozen=True, slots=True)
class Phrase:
    """A parsed phrase. kind: part ("northern X"), of ("north of X"), near, countryside, province,
    district, town ("X City"), site ("X airbase")."""

    kind: str
    base: str
    qualifier: str | None
    direction: str | None = None  # compass code: n, ne, e, ..., c
    km: float | None = None


_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(rf"^the (?P<dir>{_DIR}|centre|center) of (?P<base>.+)$")),
    ("of", re.compile(rf"^(?:{_KM})?(?P<dir>{_DIR}) of (?P<base>.+)$")),
    ("part", re.compile(rf"^(?:the )?(?P<dir>{_DIR_ADJ}) (?P<base>.+)$")),
    ("near", re.compile(rf"^(?P<near>{_NEAR}) (?P<base>.+)$")),
    ("near", re.compile(r"^(?P<base>.+?)(?:'s?)? (?P<near>outskirts|suburbs|environs|surroundings|vicinity|area)$")),
    ("countryside", re.compile(r"^(?:rif|reef|rural|(?:the )?countryside (?:of|around)) (?P<base>.+)$")),
    ("countryside", re.compile(r"^(?P<base>.+?)(?:'s?)? (?:countryside|rural areas?|hinterland)$")),
    ("province", re.compile(rf"^(?P<base>.+?) (?:{_AREA_NOUNS})$")),
    ("province", re.compile(rf"^(?:the )?(?:{_AREA_NOUNS}) of (?P<base>.+)$")),
    ("district", re.compile(r"^(?P<base>.+?) (?:district|raion|rayon|sub ?district|nahiya)$")),
    ("town", re.compile(rf"^(?P<base>.+?) (?:{_TOWN_NOUNS})$")),
    ("town", re.compile(rf"^(?:the )?(?:{_TOWN_NOUNS}) of (?P<base>.+)$")),
    ("site", re.compile(rf"^(?P<base>.+?) (?:{_SITE_NOUNS})$")),
]
_LEADING = re.compile(r"^(?:in|at|into|inside|within|across|throughout|from|toward|towards)\s+")
_NEAR_QUALIFIER = {"outside": "outside", "around": "around", "outskirts": "outskirts of", "edge": "outskirts of",
                   "edges": "outskirts of", "periphery": "outskirts of", "suburbs": "suburbs of"}  # fmt: skip


def clean_phrase(text: str) -> str:
    """Lower case, straight apostrophes, hyphens as spaces, single spaces, no final punctuation."""
    text = text.replace("’", "'").replace("‘", "'").casefold()
    text = re.sub(r"[-‐‑‒–—_]", " ", text)
    return _LEADING.sub("", " ".join(text.split()).strip(" .,;:"))


def parse_phrase(text: str) -> Phrase | None:
    """The qualified form of a place phrase, or None when it has none."""
    text = clean_phrase(text)
    for kind, pattern in _RULES:
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        base = groups["base"].strip()
        if not base or base in ("the", "of"):
            continue
        direction = _direction(groups["dir"]) if groups.get("dir") else None
        if kind == "near":
            return Phrase(kind, base, _near_qualifier(groups["near"]))
        if kind == "part":
            return Phrase(kind, base, _ADJECTIVE[direction or "c"], direction)
        if kind == "of":
            return Phrase(kind, base, f"{_NOUN[direction or 'c']} of", direction, _kilometres(groups))
        if kind == "site":
            return Phrase(kind, base, "near")
        return Phrase(kind, base, None if kind == "town" else kind)
    return None


def _direction(word: str) -> str:
    word = word.replace(" ", "").removesuffix("ern")
    if word in ("central", "centre", "center"):
        return "c"
    return "".join(part[0] for part in re.findall(r"north|south|east|west", word))


def _near_qualifier(words: str) -> str:
    for word, qualifier in _NEAR_QUALIFIER.items():
        if word in words.split():
            return qualifier
    return "near"


def _kilometres(groups: dict[str, str | None]) -> float | None:
    if not groups.get("km"):
        return None
    value = float(str(groups["km"]).replace(",", "."))
    return value * 1.609344 if str(groups["unit"]).startswith("mi") else value


def shift_point(lat: float, lon: float, direction: str, km: float) -> tuple[float, float]:
    """The point `km` kilometres from (lat, lon) toward a compass direction (flat-earth, fine under 300 km)."""
    bearing = math.radians(_COMPASS.get(direction, 0))
    dlat = km * math.cos(bearing) / 111.32
    dlon = km * math.sin(bearing) / (111.32 * max(math.cos(math.radians(lat)), 0.01))
    return round(lat + dlat, 4), round(lon + dlon, 4)


def part_point(points: Sequence[tuple[float, float]], direction: str) -> tuple[float, float] | None:
    """The point of a direction's part of an area given its places: the mean of the places in that third
    of the area's extent ("northern": the northern third; "central": the middle third both ways; "north-
    eastern": northern and eastern thirds), or the middle of that third of the box when none lies there.

    The extent is taken between the 5th and 95th percentiles, so a remote island does not stretch it.
    """
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lat_lo, lat_hi = _span(lats)
    lon_lo, lon_hi = _span(lons)
    lat_band = _band(direction, "n", "s", lat_lo, lat_hi)
    lon_band = _band(direction, "e", "w", lon_lo, lon_hi)
    inside = [p for p in points if lat_band[0] <= p[0] <= lat_band[1] and lon_band[0] <= p[1] <= lon_band[1]]
    if inside:
        return round(sum(p[0] for p in inside) / len(inside), 4), round(sum(p[1] for p in inside) / len(inside), 4)
    lat = (max(lat_band[0], lat_lo) + min(lat_band[1], lat_hi)) / 2
    lon = (max(lon_band[0], lon_lo) + min(lon_band[1], lon_hi)) / 2
    return round(lat, 4), round(lon, 4)


def _span(values: list[float]) -> tuple[float, float]:
    n = len(values) - 1
    return values[round(0.05 * n)], values[round(0.95 * n)]


def _band(direction: str, high: str, low: str, lo: float, hi: float) -> tuple[float, float]:
    third = (hi - lo) / 3
    if high in direction:
        return lo + 2 * third, math.inf
    if low in direction:
        return -math.inf, lo + third
    if direction == "c":
        return lo + third, lo + 2 * third
    return -math.inf, math.inf


QUALIFIED_MARK = "~"
_QUALIFIED = re.compile(r"(?P<qualifier>[a-z][a-z-]*?)(?:-(?P<km>\d+(?:\.\d+)?)km)?")


def _slug(qualifier: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", qualifier.casefold()).strip("-")


_DIRECTION_OF = {_slug(f"{noun} of"): code for code, noun in _NOUN.items() if code != "c"}
_QUALIFIERS = {
    _slug(q): q
    for q in (*(f"{noun} of" for noun in _NOUN.values()), *_ADJECTIVE.values(), *_NEAR_QUALIFIER.values(), "near")
}


@dataclass(frozen=True, slots=True)
class Qualified:
    """What a qualified place id says: the base place's id, the qualifier ("north of", "near"), the
    compass code when the qualifier is a direction "of" the base, and a stated distance in km."""

    base: str
    qualifier: str
    direction: str | None = None
    km: float | None = None


def qualified_id(base_id: str, qualifier: str, km: float | None = None) -> str:
    """The id of a qualified place: "gn.170063~north-of", "gn.170063~north-east-of-20km"."""
    return f"{base_id}{QUALIFIED_MARK}{_slug(qualifier)}" + (f"-{round(km, 1):g}km" if km else "")


def qualified_name(base_name: str, qualifier: str, km: float | None = None) -> str:
    """The name of a qualified place: "north of Aleppo", "20 km north-east of Aleppo"."""
    return (f"{round(km, 1):g} km " if km else "") + f"{qualifier} {base_name}"


def direction_of(qualifier: str | None) -> str | None:
    """The compass code of a direction "of" a place ("north-east of": "ne"); None for any other qualifier."""
    return _DIRECTION_OF.get(_slug(qualifier)) if qualifier else None


def read_qualified_id(place_id: str) -> Qualified | None:
    """The parts of a `qualified_id`, or None for a place's own id."""
    base, mark, tail = place_id.rpartition(QUALIFIED_MARK)
    match = _QUALIFIED.fullmatch(tail) if mark and base else None
    if match is None:
        return None
    tail = match["qualifier"]
    km = float(match["km"]) if match["km"] else None
    return Qualified(base, _QUALIFIERS.get(tail, tail.replace("-", " ")), _DIRECTION_OF.get(tail), km)


def compass_noun(bearing: float) -> str:
    """The nearest of the eight compass points to a bearing in degrees: 92 is "east", 40 "north-east"."""
    code = min(_COMPASS, key=lambda c: angle_between(_COMPASS[c], bearing))
    return _NOUN[code]


def compass_bearing(direction: str) -> float | None:
    """The bearing in degrees of a compass code ("ne": 45), None for the centre or an unknown code."""
    return _COMPASS.get(direction)


def angle_between(a: float, b: float) -> float:
    """The smaller angle between two bearings, in degrees (0 to 180)."""
    return abs((a - b + 180) % 360 - 180)
