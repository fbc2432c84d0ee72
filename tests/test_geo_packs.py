"""Place packs and user tables: the schema, `file:line` errors, round trips, overrides by id; the cache."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from warlog.errors import PackError
from warlog.geo import Gazetteer, GeoName, PlacePack, read_place_pack, write_place_pack
from warlog.geo.cache import cached, default_cache_dir
from warlog.geo.index import PlaceIndex
from warlog.packs.places import add_place_table, read_place_table


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


PACK = """
    pack: field-notes
    version: 2026.1
    places:
      - {id: syr.test-village, name: Test Village, country: SYR, lat: 36.1, lon: 37.2, feature: village,
         aliases: [Testville]}
      - {id: syr.test-base, name: Test Base, country: SYR, lat: 36.2, lon: 37.3, feature: airbase, precision: 2}
    aliases:
      syr.test-village: [Qaryat al-Test]
"""


def test_read_place_pack(tmp_path):
    pack = read_place_pack(write(tmp_path, "notes.yaml", PACK))
    assert pack.label == "field-notes@2026.1" and pack.curated
    (village, names), (base, _) = pack.places
    assert village == GeoName(
        "syr.test-village", "Test Village", "SYR", 36.1, 37.2, "village", 1, source="field-notes", pack="field-notes"
    )
    assert names == ("Test Village", "Testville") and base.precision == 2
    assert pack.aliases == (("syr.test-village", ("Qaryat al-Test",)),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("pack: x\nversion: 1\nplaces:\n  - {id: a, name: A, lat: 95, lon: 1}\n", "notes.yaml:4: places.0.lat:"),
        ("pack: x\nversion: 1\nplaces:\n  - {id: a, name: A, lat: 1}\n", "notes.yaml:4: places.0.lon: required key"),
        ("pack: x\nversion: 1\nplaces:\n  - {id: a, name: A, lat: 1, lon: 1, country: Syria}\n", "ISO 3166-1 alpha-3"),
        ("pack: x\nversion: 1\nplaces:\n  - {id: a, name: A, lat: 1, lon: 1, precision: 4}\n", "places.0.precision"),
        ("pack: x\nversion: 1\nplaces:\n  - {id: A B, name: A, lat: 1, lon: 1}\n", "places.0.id"),
        ("pack: x\nversion: 1\nplaces:\n  - {id: a, name: A, lat: 1, lon: 1, colour: red}\n", "unknown key"),
        ("pack: x\nversion: 1\nplaces: [\n", "invalid YAML"),
        ("- just a list\n", "notes.yaml:1: a place pack is a mapping"),
    ],
)
def test_pack_errors_say_file_and_line(tmp_path, text, message):
    with pytest.raises(PackError, match=message.replace(".", r"\.").replace("(", r"\(")):
        read_place_pack(write(tmp_path, "notes.yaml", text))


def test_write_then_read_round_trip(tmp_path):
    pack = read_place_pack(write(tmp_path, "notes.yaml", PACK))
    path = write_place_pack(pack, tmp_path / "out", header="a test pack")
    again = read_place_pack(path)
    assert path.name == "field-notes.yaml" and path.read_text().startswith("# a test pack\n")
    assert (again.label, again.places, again.aliases) == (pack.label, pack.places, pack.aliases)


def test_csv_table(tmp_path):
    path = write(
        tmp_path,
        "My Places.csv",
        """
        name,lat,lon,country,feature,precision,aliases
        Khan Test,35.5,38.5,SYR,village,1,Khan Testo|Khan al-Test
        Test Checkpoint,35.6,38.6,,checkpoint,2,
        """,
    )
    pack = read_place_table(path)
    assert pack.label == "my-places@1"
    (khan, names), (checkpoint, _) = pack.places
    assert (khan.id, khan.country, names) == ("user.khan-test", "SYR", ("Khan Test", "Khan Testo", "Khan al-Test"))
    assert (checkpoint.id, checkpoint.country, checkpoint.precision) == ("user.test-checkpoint", None, 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,lat\nA,1\n", r"places\.csv:1: missing columns lon"),
        ("name,lat,lon,colour\nA,1,2,red\n", "unknown columns colour"),
        ("name,lat,lon\nA,1,2\nB,north,2\n", r"places\.csv:3: lat:"),
    ],
)
def test_csv_errors(tmp_path, text, message):
    with pytest.raises(PackError, match=message):
        read_place_table(write(tmp_path, "places.csv", text))


def test_yaml_list_table(tmp_path):
    path = write(tmp_path, "list.yml", "- {name: Tell Test, lat: 36, lon: 40, country: SYR}\n")
    pack = read_place_table(path, pack="notes")
    assert pack.label == "notes@1" and pack.places[0][0].id == "user.tell-test"


def test_other_formats_are_refused(tmp_path):
    with pytest.raises(PackError, match=r"use \.csv, \.yaml or \.yml"):
        read_place_table(write(tmp_path, "places.txt", "Aleppo\n"))


def test_add_place_table_writes_a_loadable_pack(tmp_path):
    table = write(tmp_path, "notes.csv", "name,lat,lon,country\nKhan Test,35.5,38.5,SYR\n")
    path, pack = add_place_table(table, tmp_path / "places")
    assert path == tmp_path / "places" / "notes.yaml" and len(pack.places) == 1
    with pytest.raises(PackError, match="no places"):
        add_place_table(write(tmp_path, "empty.csv", "name,lat,lon\n"), tmp_path / "places")


# -- merging packs into a gazetteer ---------------------------------------------------------------------------


def small_gazetteer() -> Gazetteer:
    places = [
        GeoName("gn.1", "Aleppo", "SYR", 36.2, 37.16, "city", 1, 2_000_000),
        GeoName("gn.2", "Aleppo", "USA", 40.0, -80.0, "town", 1, 3_000_000),
        GeoName("adm1.sy.aleppo", "Aleppo", "SYR", 36.4, 37.4, "province", 3, 9_000_000),
    ]
    return Gazetteer([(p.name, p) for p in places], version="test@1")


def test_ranking_context_then_kind_then_curation_then_population():
    gazetteer = small_gazetteer()
    assert gazetteer.best("Aleppo").id == "gn.2"  # no context: the most populous town
    assert gazetteer.best("Aleppo", country="SYR").id == "gn.1"  # the city before its province
    gazetteer.add_places([], [("gn.1", ["Aleppo"])])  # a curated spelling prefers the Syrian city
    assert gazetteer.best("Aleppo").id == "gn.1"
    assert [p.id for p in gazetteer.lookup("Aleppo")] == ["gn.1", "gn.2", "adm1.sy.aleppo"]


def test_a_pack_place_with_a_known_id_replaces_it(tmp_path):
    gazetteer = small_gazetteer()
    moved = GeoName("gn.1", "Aleppo", "SYR", 36.21, 37.17, "city", 1, 2_000_000, source="mine", pack="mine")
    gazetteer.add_places([(moved, ("Halab",))])
    assert gazetteer.get("gn.1") == moved and gazetteer.best("Halab") == moved
    assert len(gazetteer) == 3


def test_unknown_alias_targets_are_reported():
    gazetteer = small_gazetteer()
    assert gazetteer.add_places([], [("gn.404", ["Nowhere"]), ("gn.1", ["Halab"])]) == ("gn.404",)
    assert gazetteer.best("Nowhere") is None and gazetteer.best("Halab").id == "gn.1"


def test_load_reads_extra_packs_and_records_their_versions(tmp_path, monkeypatch):
    monkeypatch.setattr("warlog.geo.gazetteer.build_index", lambda **_: PlaceIndex())
    pack = write(tmp_path, "notes.yaml", PACK)
    gazetteer = Gazetteer.load(extra_packs=[pack], use_cache=False)
    assert gazetteer.version.endswith("+field-notes@2026.1")
    assert gazetteer.best("Qaryat al-Test").id == "syr.test-village"
    assert gazetteer.resolve("near Test Base").precision == 2


def test_load_keeps_its_index_in_the_cache(tmp_path, monkeypatch):
    calls = []

    def build(**options):
        calls.append(options)
        index = PlaceIndex()
        index.add(GeoName("gn.1", "Aleppo", "SYR", 36.2, 37.16, "city", 1, 2_000_000), ["Aleppo", "Halab"])
        return index

    monkeypatch.setattr("warlog.geo.gazetteer.build_index", build)
    first = Gazetteer.load(cache_dir=tmp_path)
    second = Gazetteer.load(cache_dir=tmp_path)
    assert len(calls) == 1 and second.best("Halab") == first.best("Halab")
    assert list((tmp_path / "gazetteer").glob("geonames-*.marshal"))
    Gazetteer.load(cache_dir=tmp_path, min_population=5000)  # other options: another cache file
    assert len(calls) == 2


def test_cached(tmp_path):
    path = tmp_path / "sub" / "value.marshal"
    assert cached(path, "k1", lambda: {"a": (1, 2)}) == {"a": (1, 2)}
    assert cached(path, "k1", lambda: pytest.fail("not rebuilt")) == {"a": (1, 2)}
    assert cached(path, "k2", lambda: [3]) == [3]  # another key: rebuilt
    path.write_bytes(b"garbage")
    assert cached(path, "k2", lambda: [4]) == [4]  # a damaged file: rebuilt
    assert cached(None, "k", lambda: 5) == 5


def test_an_unwritable_cache_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert cached(blocker / "value.marshal", "k", lambda: 1) == 1


def test_default_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setattr("os.name", "posix")
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "warlog"


def test_placepack_is_public():
    assert PlacePack("p", "1", None, (), ()).label == "p@1"
