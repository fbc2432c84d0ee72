"""The gazetteer's entry type and the key a place name is looked up by."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# ACLED geo-precision: 1 the town itself, 2 near a town or part of a region, 3 a larger region.
TOWN, NEAR, REGION = 1, 2, 3
GEONAMES = "geonames"  # GeoName.source of GeoNames data; anything else is a curated pack


@dataclass(frozen=True, slots=True)
class GeoName:
    """A gazetteer entry: a place with its coordinates and ACLED geo-precision.

    `source` is "geonames" for GeoNames data (cities, countries, admin areas, downloaded dumps) and the
    pack name for curated places; `pack` names the pack file's pack either way (None for built-in GeoNames).
    """

    id: str
    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    feature: str
    precision: int
    population: int = 0
    source: str = GEONAMES
    pack: str | None = None


_DROPPED = str.maketrans(dict.fromkeys("'’‘ʿʾʼʻ`´ʹ", None))
_SPACED = str.maketrans(dict.fromkeys("-‐‑‒–—_/", " "))
_SPACES = re.compile(r"\s+")


def normalize_place(text: str) -> str:
    """The lookup key of a place name: case-folded and accent-free, apostrophes and ayn/hamza marks
    dropped ("Mare'" = "Mare"), hyphens read as spaces, whitespace collapsed, a leading "the" dropped.

    >>> normalize_place("  The ‘Ayn al-‘Arab ")
    'ayn al arab'
    """
    text = unicodedata.normalize("NFKD", text.translate(_DROPPED).translate(_SPACED))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACES.sub(" ", text.casefold()).strip().rstrip(".,;:").strip()
    return text[4:] if text.startswith("the ") else text


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters (accents allowed): the only names English text uses."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).isascii()
