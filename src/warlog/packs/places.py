"""Place packs: the YAML schema, reading with `file:line` errors, writing, and user place tables.

A pack is YAML (`pack`, `version`, `places`, optional `aliases`); see docs/places.md. The same loader
reads the built-in packs (src/warlog/data/packs/places/), `warlog gazetteer add` output and converted
GeoNames dumps. A user table (CSV, or YAML without the pack header) becomes a pack with `table_to_pack`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from warlog.errors import PackError
from warlog.packs.files import describe, parse_yaml, read_text
from warlog.packs.placenames import GEONAMES, TOWN, GeoName, normalize_place
from warlog.packs.slugs import slug
from warlog.packs.validators import ID_PATTERN, check_country

try:  # libyaml writes a large converted dump an order of magnitude faster
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]  # the pure-Python class of the same interface

FEATURE_PATTERN = r"^[a-z][a-z_]*$"
PACK_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class PlaceModel(_Strict):
    """One place of a pack."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    country: str | None = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    feature: str = Field(default="place", pattern=FEATURE_PATTERN)
    precision: int = Field(default=TOWN, ge=1, le=3)
    population: int = Field(default=0, ge=0)
    aliases: list[str] = []
    ref: str | None = None  # where the coordinates come from, e.g. "geonames:163808"

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        return check_country(value)

    @field_validator("aliases")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        for name in value:
            if not normalize_place(name):
                raise ValueError(f"{name!r} is not a usable name (empty after normalization)")
        return value


class PlacePackModel(_Strict):
    """A whole place pack file."""

    pack: str = Field(pattern=PACK_PATTERN)
    version: str = Field(min_length=1)
    license: str | None = None
    source: str | None = None
    description: str | None = None
    curated: bool = True  # false: bulk GeoNames data, ranked like GeoNames and not trusted out of context
    places: list[PlaceModel] = []
    aliases: dict[str, list[str]] = {}  # more names for places defined elsewhere, by id ("gn.170063": [Hims])


@dataclass(frozen=True, slots=True)
class PlacePack:
    """A validated pack: its places with their names, and extra names for places by id."""

    pack: str
    version: str
    path: Path | None
    places: tuple[tuple[GeoName, tuple[str, ...]], ...]
    aliases: tuple[tuple[str, tuple[str, ...]], ...]
    curated: bool = True

    @property
    def label(self) -> str:
        """`pack@version`, as recorded in a report's provenance."""
        return f"{self.pack}@{self.version}"


def read_place_pack(path: Path) -> PlacePack:
    """Read and validate one place pack.

    Raises:
        PackError: the file cannot be read, is not YAML or does not follow the schema; the message
            starts with `path:line:`.
    """
    path = Path(path)
    text = read_text(path, "place pack")
    data = parse_yaml(path, text)
    if not isinstance(data, dict) or "places" not in data and "aliases" not in data:
        raise PackError(f"{path}:1: a place pack is a mapping with keys pack, version, places (and aliases)")
    return pack_from_data(data, path=path, text=text)


def pack_from_data(data: dict[str, Any], *, path: Path | None = None, text: str = "") -> PlacePack:
    """A PlacePack from parsed YAML (or a dict built in code).

    Raises:
        PackError: the data does not follow the schema.
    """
    try:
        model = PlacePackModel.model_validate(data)
    except ValidationError as e:
        raise PackError(describe(path if path is not None else "place pack", text, e)) from e
    return _pack(model, path)


def _pack(model: PlacePackModel, path: Path | None) -> PlacePack:
    source = model.pack if model.curated else GEONAMES
    places = tuple(
        (
            GeoName(
                id=p.id,
                name=p.name,
                country=p.country,
                lat=p.lat,
                lon=p.lon,
                feature=p.feature,
                precision=p.precision,
                population=p.population,
                source=source,
                pack=model.pack,
            ),  # fmt: skip
            (p.name, *p.aliases),
        )
        for p in model.places
    )
    aliases = tuple((target, tuple(names)) for target, names in model.aliases.items())
    return PlacePack(model.pack, model.version, path, places, aliases, model.curated)


# -- user tables: `warlog gazetteer add` --------------------------------------------------------------

TABLE_COLUMNS = ("id", "name", "country", "lat", "lon", "feature", "precision", "population", "aliases", "ref")


def read_place_table(path: Path, *, pack: str | None = None, version: str = "1") -> PlacePack:
    """A user's places as a pack: a CSV table (columns name, lat, lon and optionally id, country, feature,
    precision, population, ref, and aliases separated by "|"), a YAML list of places, or a whole pack.

    Rows without an id get `user.<slug of the name>`; the pack name defaults to the file name's slug.

    Raises:
        PackError: the file cannot be read or a row is invalid (`path:line: problem`).
    """
    path = Path(path)
    name = pack or slug(path.stem)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(f"{path}:1: cannot read the place table: {e}") from e
    if path.suffix.lower() in (".yaml", ".yml"):
        data = parse_yaml(path, text)
        if isinstance(data, list):
            data = {"pack": name, "version": version, "places": [_with_id(item) for item in data]}
        elif isinstance(data, dict) and "pack" not in data:
            data = {"pack": name, "version": version, **data}
        if not isinstance(data, dict):
            raise PackError(f"{path}:1: expected a list of places or a place pack")
        return pack_from_data(data, path=path, text=text)
    if path.suffix.lower() != ".csv":
        suffix = path.suffix or "(no extension)"
        raise PackError(f"{path}:1: unsupported place table {suffix}; use .csv, .yaml or .yml")
    return _csv_pack(path, text, name, version)


def _csv_pack(path: Path, text: str, name: str, version: str) -> PlacePack:
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or ()]
    missing = [c for c in ("name", "lat", "lon") if c not in columns]
    unknown = [c for c in columns if c not in TABLE_COLUMNS]
    if missing or unknown:
        problem = f"missing columns {', '.join(missing)}" if missing else f"unknown columns {', '.join(unknown)}"
        raise PackError(f"{path}:1: {problem}; columns are {', '.join(TABLE_COLUMNS)} (name, lat, lon required)")
    reader.fieldnames = columns
    places = []
    for number, row in enumerate(reader, start=2):
        item = {k: v.strip() for k, v in row.items() if k is not None and v is not None and v.strip()}
        if "aliases" in item:
            item["aliases"] = [a.strip() for a in item["aliases"].split("|") if a.strip()]
        try:
            places.append(PlaceModel.model_validate(_with_id(item)))
        except ValidationError as e:
            first = e.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise PackError(f"{path}:{number}: {field}: {first['msg'].removeprefix('Value error, ')}") from e
    try:
        model = PlacePackModel(pack=name, version=version, places=places)
    except ValidationError as e:
        raise PackError(f"{path}:1: {e.errors()[0]['msg']} (pack name {name!r}; choose one with --pack)") from e
    return _pack(model, path)


def _with_id(item: Any) -> Any:
    if isinstance(item, dict) and not item.get("id") and item.get("name"):
        return {**item, "id": f"user.{slug(str(item['name']))}"}
    return item


def write_place_pack(pack: PlacePack, folder: Path, *, header: str = "", filename: str | None = None) -> Path:
    """Write `pack` as `folder/<pack>.yaml` (or `filename`), one place a line; returns the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (filename or f"{pack.pack}.yaml")
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += [f"pack: {pack.pack}", f"version: {_scalar(pack.version)}"]
    if not pack.curated:
        lines.append("curated: false")
    lines.append("places:" if pack.places else "places: []")
    lines += [f"  - {_flow(_place_dict(place, names))}" for place, names in pack.places]
    if pack.aliases:
        lines.append("aliases:")
        lines += [f"  {_scalar(target)}: {_flow(list(names))}" for target, names in pack.aliases]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def _place_dict(place: GeoName, names: tuple[str, ...]) -> dict[str, Any]:
    item: dict[str, Any] = {"id": place.id, "name": place.name, "country": place.country}
    item |= {"lat": place.lat, "lon": place.lon, "feature": place.feature, "precision": place.precision}
    if place.population:
        item["population"] = place.population
    aliases = [n for n in dict.fromkeys(names) if n != place.name]
    if aliases:
        item["aliases"] = aliases
    return item


def _flow(value: Any) -> str:
    return yaml.dump(
        value, Dumper=_Dumper, default_flow_style=True, allow_unicode=True, width=1_000_000, sort_keys=False
    ).strip()


def _scalar(value: str) -> str:
    return _flow(value).removesuffix("...").strip()


def add_place_table(path: Path, dest: Path, *, pack: str | None = None) -> tuple[Path, PlacePack]:
    """Validate a user's place table (see `read_place_table`) and write it as a pack in `dest`.

    Raises:
        PackError: the table is invalid.
    """
    places = read_place_table(path, pack=pack)
    if not places.places and not places.aliases:
        raise PackError(f"{path}:1: no places in the table")
    written = write_place_pack(places, dest, header=f"Places added with `warlog gazetteer add {Path(path).name}`.")
    return written, read_place_pack(written)
