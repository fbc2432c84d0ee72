"""GeoNames country dumps (https://download.geonames.org/export/dump/, CC BY 4.0) as place packs.

`download_dump` fetches `{base_url}/{CC}.zip` into the cache folder; `read_dump` parses its `{CC}.txt`
(tab-separated, 19 columns; see the dump's readme); `dump_to_pack` keeps the populated places (feature
class P), the administrative areas (class A, ADM1-ADM5) and the airfields and military sites of class S
(AIRB, AIRF, AIRP, MILB, INSM), the places war reporting names. Historical entries (codes ending in H)
are left out. Ids are `gn.<geonameid>`, the ids of the built-in GeoNames places, so a dump's fuller entry
replaces the built-in one.

The download is not held to public addresses (`allow_private_urls`, warlog.ingest.addresses): its URL
is the operator's (`--url`, $WARLOG_GEONAMES_URL, a local mirror as often as not), no input can name
another, and what answers is parsed as a zip, never shown.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warlog.errors import FetchError, PackError, SettingsError
from warlog.geo.geonames import CITY_POPULATION, usable_names
from warlog.packs.placenames import NEAR, REGION, TOWN, GeoName
from warlog.packs.places import PlacePack

DEFAULT_GEONAMES_URL = "https://download.geonames.org/export/dump"
URL_VARIABLE = "WARLOG_GEONAMES_URL"
COLUMNS = 19
SITES = {"AIRB": "airbase", "AIRF": "airfield", "AIRP": "airport", "MILB": "military_base", "INSM": "military_site"}
ADMIN = {"ADM1": ("province", REGION), "ADM2": ("district", NEAR), "ADM3": ("district", NEAR),
         "ADM4": ("district", NEAR), "ADM5": ("district", NEAR), "ADMD": ("district", NEAR)}  # fmt: skip
Progress = Callable[[int, int | None], None]  # bytes so far, total bytes (None when unknown)


@dataclass(frozen=True, slots=True)
class DumpRow:
    """One line of a GeoNames dump (the columns warlog uses)."""

    geonameid: str
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    population: int


def geonames_url(option: str | None = None) -> str:
    """The dump server: the option, else $WARLOG_GEONAMES_URL, else download.geonames.org."""
    return (option or os.environ.get(URL_VARIABLE) or DEFAULT_GEONAMES_URL).rstrip("/")


def default_dump_dir() -> Path:
    """Where downloaded dumps are kept: <cache>/geonames (e.g. ~/.cache/warlog/geonames)."""
    from warlog.geo.cache import default_cache_dir

    return default_cache_dir() / "geonames"


def country_code(text: str) -> str:
    """The ISO 3166 alpha-2 code of a country given by alpha-2, alpha-3 code or English name.

    Raises:
        SettingsError: no country has that code or name.
    """
    import pycountry

    value = text.strip()
    if value.upper() in ("XK", "XKX", "KOSOVO"):
        return "XK"  # GeoNames' code for Kosovo, which ISO 3166 has not assigned
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        pass
    try:
        matches = pycountry.countries.search_fuzzy(value)
    except LookupError:
        matches = []
    if len(matches) == 1:
        return matches[0].alpha_2
    hint = f"; did you mean {', '.join(m.name for m in matches[:4])}?" if matches else ""
    raise SettingsError(f"unknown country {text!r}: give an ISO 3166 code (SY or SYR) or an English name{hint}")


def download_dump(
    code: str,
    *,
    base_url: str | None = None,
    folder: Path | None = None,
    refresh: bool = False,
    timeout: float = 60.0,
    user_agent: str = "warlog",
    on_progress: Progress | None = None,
) -> Path:
    """Download `{base_url}/{code}.zip` into `folder` (default `default_dump_dir()`); returns its path.
    An already downloaded dump is reused unless `refresh`.

    Raises:
        FetchError: the server has no dump for the country, or cannot be reached.
    """
    import httpx

    url = f"{geonames_url(base_url)}/{code}.zip"
    path = (folder or default_dump_dir()) / f"{code}.zip"
    if path.is_file() and not refresh:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True, headers={"User-Agent": user_agent}) as r:
            if r.status_code == 404:
                raise FetchError(f"no GeoNames dump for {code} at {url}")
            if r.status_code >= 400:
                raise FetchError(f"cannot download {url}: HTTP {r.status_code} {r.reason_phrase}")
            total = int(r.headers["Content-Length"]) if r.headers.get("Content-Length", "").isdigit() else None
            done = 0
            with open(part, "wb") as f:
                for chunk in r.iter_bytes():
                    f.write(chunk)
                    done += len(chunk)
                    if on_progress is not None:
                        on_progress(done, total)
    except httpx.HTTPError as e:
        part.unlink(missing_ok=True)
        hint = f"check the connection, or the server (--url, {URL_VARIABLE})"
        raise FetchError(f"cannot download {url}: {e}; {hint}") from e
    except (FetchError, OSError):
        part.unlink(missing_ok=True)
        raise
    part.replace(path)
    return path


def read_dump(path: Path, code: str) -> Iterator[DumpRow]:
    """The rows of the `{code}.txt` file inside a dump zip.

    Raises:
        PackError: the file is not a zip, has no `{code}.txt`, or a line does not have 19 columns.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise PackError(f"{path}:1: not a GeoNames dump (a zip file): {e}; download it again with --refresh") from e
    with archive:
        member = f"{code}.txt"
        if member not in archive.namelist():
            raise PackError(f"{path}:1: the zip has no {member} (it has {', '.join(archive.namelist()) or 'nothing'})")
        with archive.open(member) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            for number, fields in enumerate(csv.reader(text, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
                if not fields:
                    continue
                yield _row(fields, f"{path}!{member}:{number}")


def _row(fields: list[str], where: str) -> DumpRow:
    if len(fields) != COLUMNS:
        raise PackError(f"{where}: a GeoNames dump line has {COLUMNS} tab-separated columns, this one {len(fields)}")
    try:
        return DumpRow(
            geonameid=fields[0],
            name=fields[1],
            asciiname=fields[2],
            alternatenames=tuple(n for n in fields[3].split(",") if n),
            lat=float(fields[4]),
            lon=float(fields[5]),
            feature_class=fields[6],
            feature_code=fields[7],
            country=fields[8],
            population=int(fields[14] or 0),
        )
    except ValueError as e:
        raise PackError(f"{where}: {e}") from e


def dump_to_pack(rows: Iterator[DumpRow], code: str, *, version: str) -> PlacePack:
    """The populated places, admin areas and military/air sites of a dump as a (non-curated) place pack."""
    iso3 = _iso3(code)
    places = []
    for row in rows:
        kind = _kind(row)
        if kind is None or not row.name:
            continue
        feature, precision = kind
        place = GeoName(
            id=f"gn.{row.geonameid}", name=row.name, country=iso3, lat=row.lat, lon=row.lon, feature=feature,
            precision=precision, population=max(row.population, 0), pack=f"geonames-{code.lower()}",
        )  # fmt: skip
        names = usable_names(row.name, (row.asciiname, *row.alternatenames))
        places.append((place, tuple(dict.fromkeys(names))))
    return PlacePack(f"geonames-{code.lower()}", version, None, tuple(places), (), curated=False)


def _kind(row: DumpRow) -> tuple[str, int] | None:
    code = row.feature_code
    if code.endswith("H"):
        return None  # historical: a former place or a former division
    if row.feature_class == "P":
        return ("city" if row.population >= CITY_POPULATION or code == "PPLC" else "town"), TOWN
    if row.feature_class == "A":
        return ADMIN.get(code)
    if row.feature_class == "S" and code in SITES:
        return SITES[code], NEAR
    return None


def _iso3(code: str) -> str | None:
    import pycountry

    if code == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=code)
    return country.alpha_3 if country is not None else None


def dump_version(path: Path, code: str) -> str:
    """The dump's date (of its `{code}.txt` inside the zip) as the pack version, e.g. 2026.11.20."""
    try:
        with zipfile.ZipFile(path) as archive:
            year, month, day, *_ = archive.getinfo(f"{code}.txt").date_time
    except (zipfile.BadZipFile, KeyError, OSError):
        return "1"
    return f"{year}.{month:02d}.{day:02d}"


@dataclass(frozen=True, slots=True)
class DumpImport:
    """What `import_geonames` did: the pack written, the dump it came from, and what it holds."""

    pack: Path
    dump: Path
    url: str
    places: int
    features: tuple[tuple[str, int], ...]  # (feature, count), most frequent first


def import_geonames(
    country: str,
    dest: Path,
    *,
    base_url: str | None = None,
    folder: Path | None = None,
    refresh: bool = False,
    timeout: float = 60.0,
    user_agent: str = "warlog",
    on_progress: Progress | None = None,
) -> DumpImport:
    """Download a country's GeoNames dump and write it as `dest/geonames-{CC}.yaml`.

    Args:
        country: ISO 3166 alpha-2 or alpha-3 code, or English name.
        dest: the folder of user place packs (`<packs_dir>/places`).
        base_url: the dump server (default $WARLOG_GEONAMES_URL, else download.geonames.org).
        folder: where dumps are kept (default `default_dump_dir()`).
        refresh: download again even when the dump is already there.

    Raises:
        SettingsError: the country is unknown.
        FetchError: the dump cannot be downloaded.
        PackError: the download is not a GeoNames dump.
    """
    from collections import Counter

    from warlog.packs.places import read_place_pack, write_place_pack

    code = country_code(country)
    url = f"{geonames_url(base_url)}/{code}.zip"
    dump = download_dump(
        code, base_url=base_url, folder=folder, refresh=refresh, timeout=timeout, user_agent=user_agent,
        on_progress=on_progress,
    )  # fmt: skip
    pack = dump_to_pack(read_dump(dump, code), code, version=dump_version(dump, code))
    header = (
        f"GeoNames places of {code} (CC BY 4.0, https://www.geonames.org), from {url},\n"
        "converted by `warlog gazetteer download`: populated places, admin areas, airfields and military sites."
    )
    path = write_place_pack(pack, dest, header=header, filename=f"geonames-{code}.yaml")
    read_place_pack(path)  # what was written must load
    counts = Counter(place.feature for place, _ in pack.places)
    return DumpImport(path, dump, url, len(pack.places), tuple(counts.most_common()))
