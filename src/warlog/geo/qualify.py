"""Qualified place phrases: "northern Syria", "20 km north-east of Aleppo", "near Kuweires airbase",
"the outskirts of Homs", "Rif Aleppo", "Aleppo province", "Aleppo City".

`parse_phrase` splits a phrase into a kind, a qualifier and the base place's name; the gazetteer looks
the base up and sets the ACLED precision (see `Gazetteer.resolve`). The geometry helpers give the point
of a direction: part of a country, or a distance and bearing from a town.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from warlog.geo.names import GeoName

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
    ("town", re.compile(r"^(?P<base>.+?) (?:city|town|village|municipality)$")),
    ("town", re.compile(r"^(?:the )?(?:city|town|village) of (?P<base>.+)$")),
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
