"""`warlog gazetteer add` and `warlog gazetteer download`, end to end through the Typer app.

The download tests serve a small zip, built here from a few hand-written GeoNames-format lines, from a
local http.server on 127.0.0.1; no real dump is fetched.
"""

from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from warlog.cli.gazetteer import gazetteer_app
from warlog.errors import SettingsError
from warlog.geo import Gazetteer
from warlog.geo.download import country_code, dump_to_pack, read_dump
from warlog.geo.index import PlaceIndex


def dump_line(*fields: str) -> str:
    assert len(fields) == 19
    return "\t".join(fields)


# geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1-4, population, elevation,
# dem, timezone, modified
DUMP = "\n".join(
    [
        dump_line("9900001", "Khirbat at-Test", "Khirbat at-Test", "Khirbet Test,khrbt,خربة", "35.1", "38.1", "P",
                  "PPL", "SY", "", "11", "", "", "", "120", "", "400", "Asia/Damascus", "2024-01-01"),
        dump_line("9900002", "Muhafazat Test", "Muhafazat Test", "Test Governorate", "35.0", "38.0", "A", "ADM1", "SY",
                  "", "99", "", "", "", "0", "", "", "Asia/Damascus", "2024-01-01"),
        dump_line("9900003", "Mintaqat Test", "Mintaqat Test", "", "35.05", "38.05", "A", "ADM2", "SY", "", "99", "01",
                  "", "", "0", "", "", "Asia/Damascus", "2024-01-01"),
        dump_line("9900004", "Test Air Base", "Test Air Base", "", "35.2", "38.2", "S", "AIRB", "SY", "", "11", "", "",
                  "", "0", "", "", "Asia/Damascus", "2024-01-01"),
        dump_line("9900005", "Jabal Test", "Jabal Test", "", "35.3", "38.3", "T", "MT", "SY", "", "11", "", "", "", "0",
                  "", "", "Asia/Damascus", "2024-01-01"),
        dump_line("9900006", "Old Test", "Old Test", "", "35.3", "38.3", "P", "PPLH", "SY", "", "11", "", "", "", "0",
                  "", "", "Asia/Damascus", "2024-01-01"),
    ]
)  # fmt: skip


def make_dump(folder: Path, code: str = "SY", text: str = DUMP) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{code}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo(f"{code}.txt", date_time=(2026, 11, 20, 0, 0, 0)), text + "\n")
        archive.writestr("readme.txt", "test dump")
    return path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def server(tmp_path) -> Iterator[tuple[str, Path]]:
    """A file server on 127.0.0.1 (a free port) over a folder; yields (base URL, folder)."""
    root = tmp_path / "www"
    root.mkdir()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/export/dump", root / "export" / "dump"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def env(tmp_path, monkeypatch) -> Path:
    """A clean environment: packs_dir and the cache under tmp_path, no warlog.toml around."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WARLOG_PACKS_DIR", str(tmp_path / "packs"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("WARLOG_GEONAMES_URL", raising=False)
    monkeypatch.delenv("WARLOG_CONFIG", raising=False)
    return tmp_path / "packs" / "places"


@pytest.fixture
def warlog_app() -> typer.Typer:
    """The sub-app registered as the main CLI registers it."""
    app = typer.Typer()
    app.add_typer(gazetteer_app, name="gazetteer")
    return app


@pytest.fixture
def tiny_base(monkeypatch):
    """A GeoNames base without the real data, so loading the gazetteer in these tests is instant."""
    monkeypatch.setattr("warlog.geo.gazetteer.build_index", lambda **_: PlaceIndex())


def run(app: typer.Typer, *args: str):
    return CliRunner().invoke(app, list(args))


def test_download_end_to_end(server, env, warlog_app, tiny_base):
    url, folder = server
    make_dump(folder)
    result = run(warlog_app, "gazetteer", "download", "Syria", "--url", url)
    assert result.exit_code == 0, result.output
    pack_path = env / "geonames-SY.yaml"
    assert f"wrote {pack_path}: 4 places" in result.stdout and f"{url}/SY.zip" in result.stdout
    assert (env.parent.parent / "cache" / "warlog" / "geonames" / "SY.zip").is_file()  # the dump is kept

    gazetteer = Gazetteer.load(extra_packs=sorted(env.glob("*.yaml")), use_cache=False)
    assert gazetteer.version.endswith("+geonames-sy@2026.11.20")
    village = gazetteer.best("Khirbet Test")
    assert (village.id, village.country, village.feature, village.precision) == ("gn.9900001", "SYR", "town", 1)
    assert village.source == "geonames" and village.pack == "geonames-sy"  # GeoNames data, not curated
    assert gazetteer.best("Test Governorate").precision == 3
    assert gazetteer.best("Mintaqat Test").feature == "district"
    assert gazetteer.resolve("near Test Air Base").precision == 2
    assert gazetteer.best("Jabal Test") is None and gazetteer.best("Old Test") is None  # class T, historical
    assert gazetteer.best("khrbt") is None  # a lower-case transliteration is not a name


def test_download_url_from_the_environment_and_iso3(server, env, warlog_app, tiny_base, monkeypatch):
    url, folder = server
    make_dump(folder)
    monkeypatch.setenv("WARLOG_GEONAMES_URL", url)
    result = run(warlog_app, "gazetteer", "download", "SYR")
    assert result.exit_code == 0, result.output
    assert (env / "geonames-SY.yaml").is_file()


def test_download_404_is_one_line(server, env, warlog_app):
    url, _ = server
    result = run(warlog_app, "gazetteer", "download", "YE", "--url", url)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: no GeoNames dump for YE at {url}/YE.zip"


def test_download_unreachable_server(env, warlog_app):
    result = run(warlog_app, "gazetteer", "download", "SY", "--url", "http://127.0.0.1:9")
    assert result.exit_code == 1 and result.stderr.startswith("error: cannot download http://127.0.0.1:9/SY.zip")
    assert len(result.stderr.strip().splitlines()) == 1


def test_download_unknown_country(env, warlog_app):
    result = run(warlog_app, "gazetteer", "download", "Narnia")
    assert result.exit_code == 1 and "unknown country 'Narnia'" in result.stderr


def test_download_refuses_a_bad_dump(server, env, warlog_app):
    url, folder = server
    folder.mkdir(parents=True)
    (folder / "SY.zip").write_bytes(b"<html>not a zip</html>")
    result = run(warlog_app, "gazetteer", "download", "SY", "--url", url)
    assert result.exit_code == 1 and "not a GeoNames dump" in result.stderr


def test_cached_dump_is_reused_unless_refreshed(server, env, warlog_app, tiny_base):
    url, folder = server
    make_dump(folder)
    assert run(warlog_app, "gazetteer", "download", "SY", "--url", url).exit_code == 0
    (folder / "SY.zip").unlink()
    assert run(warlog_app, "gazetteer", "download", "SY", "--url", url).exit_code == 0  # from the cache
    result = run(warlog_app, "gazetteer", "download", "SY", "--url", url, "--refresh")
    assert result.exit_code == 1 and "no GeoNames dump for SY" in result.stderr


def test_add_csv(env, warlog_app, tmp_path, tiny_base):
    table = tmp_path / "field notes.csv"
    table.write_text("name,lat,lon,country,feature,aliases\nKhan Test,35.5,38.5,SYR,village,Khan Testo\n")
    result = run(warlog_app, "gazetteer", "add", str(table))
    assert result.exit_code == 0, result.output
    assert f"wrote {env / 'field-notes.yaml'}: 1 places" in result.stdout
    gazetteer = Gazetteer.load(extra_packs=[env / "field-notes.yaml"], use_cache=False)
    assert gazetteer.best("Khan Testo").id == "user.khan-test"


def test_add_yaml_to_a_folder_with_a_pack_name(env, warlog_app, tmp_path):
    table = tmp_path / "places.yaml"
    table.write_text("- {name: Tell Test, lat: 36, lon: 40, country: SYR}\n")
    result = run(warlog_app, "gazetteer", "add", str(table), "--pack", "notes", "--dest", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "notes.yaml").is_file()


def test_add_hints_at_packs_dir_when_unset(tmp_path, monkeypatch, warlog_app):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WARLOG_PACKS_DIR", raising=False)
    monkeypatch.delenv("WARLOG_CONFIG", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    table = tmp_path / "notes.csv"
    table.write_text("name,lat,lon\nTell Test,36,40\n")
    result = run(warlog_app, "gazetteer", "add", str(table))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "warlog" / "packs" / "places" / "notes.yaml").is_file()
    assert "set packs_dir" in result.stdout


def test_add_invalid_table_is_one_line(env, warlog_app, tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("name,lat,lon\nTell Test,91,40\n")
    result = run(warlog_app, "gazetteer", "add", str(table))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {table}:2: lat:") and len(result.stderr.strip().splitlines()) == 1
    assert not env.exists()


def test_missing_user_pack_is_a_pack_error(tmp_path, tiny_base):
    from warlog.errors import PackError

    with pytest.raises(PackError, match="cannot read the place pack"):
        Gazetteer.load(extra_packs=[tmp_path / "missing.yaml"], use_cache=False)


@pytest.mark.parametrize(
    ("text", "code"), [("SY", "SY"), ("syr", "SY"), ("Syria", "SY"), ("Ukraine", "UA"), ("XK", "XK")]
)
def test_country_code(text, code):
    assert country_code(text) == code


def test_country_code_unknown():
    with pytest.raises(SettingsError, match="ISO 3166"):
        country_code("Atlantis")


def test_dump_lines_must_have_19_columns(tmp_path):
    from warlog.errors import PackError

    path = make_dump(tmp_path, text="1\tToo\tFew")
    with pytest.raises(PackError, match=r"SY\.txt:1: a GeoNames dump line has 19"):
        list(read_dump(path, "SY"))


def test_dump_to_pack_counts(tmp_path):
    pack = dump_to_pack(read_dump(make_dump(tmp_path), "SY"), "SY", version="1")
    assert [place.feature for place, _ in pack.places] == ["town", "province", "district", "airbase"]
    assert not pack.curated
