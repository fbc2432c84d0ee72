"""Every CSV warlog writes neutralizes cells a spreadsheet would run as a formula (a leading `'`, OWASP),
and leaves numbers as numbers: the library's ACLED export, `warlog export`, `warlog query --format csv`
and GET /api/export, over a real store."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from warlog.api import close_app, create_app
from warlog.cli import app
from warlog.export import export
from warlog.export.csvsafe import FORMULA_STARTS, neutralize, neutralize_row
from warlog.store import Store

PAYLOAD = "cmd|' /C calc'!A0"
STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT = "Malian soldiers clashed with jihadist fighters in Bamako on 5 May 2023, killing 4 people, officials said."
BAMAKO = ("12.60915", "-7.97522")  # a negative longitude: written as the number it is


def test_the_formula_characters_are_owasps() -> None:
    assert set(FORMULA_STARTS) == set(STARTS)


@pytest.mark.parametrize("start", STARTS, ids=repr)
def test_a_string_that_starts_a_formula_gets_a_quote(start: str) -> None:
    assert neutralize(start + PAYLOAD) == "'" + start + PAYLOAD
    assert neutralize_row([start + PAYLOAD, 1]) == ["'" + start + PAYLOAD, 1]


@pytest.mark.parametrize("value", [-7.97522, -3, 0, 12.5, None, "", "Bamako", "a=b", "'=quoted"], ids=repr)
def test_numbers_and_other_values_are_unchanged(value: object) -> None:
    assert neutralize(value) == value and type(neutralize(value)) is type(value)


@pytest.fixture(scope="module")
def store_path(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A store of one report per formula character whose source and title begin with it; the document id
    of each. Ingest trims a tab or CR off the metadata of a text, but a store may hold such a value from
    elsewhere (a feed, an older version, an edited store), so the report is saved with it as it stands."""
    path = tmp_path_factory.mktemp("csv") / "store.duckdb"
    ids = {}
    with Store.open(path) as store:
        for number, start in enumerate(STARTS):
            report = pipeline.extract(TEXT, published="2023-05-06", url=f"https://example.org/{number}")
            hostile = start + PAYLOAD
            document = dataclasses.replace(report.document, source=hostile, title=hostile)
            store.save(dataclasses.replace(report, document=document))
            ids[start] = document.id
    return path, ids


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def acled_by_library(path: Path) -> str:
    out = io.BytesIO()
    with Store.open(path, read_only=True) as store:
        export(store, "acled-csv", out, per_event=True)  # one text told six times: one row per document
    return out.getvalue().decode("utf-8")


def acled_by_cli(path: Path) -> str:
    out = path.parent / "events.csv"
    result = CliRunner().invoke(
        app, ["export", "--db", str(path), "--format", "acled-csv", "--per-event", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out.read_bytes().decode("utf-8")


def acled_by_api(path: Path) -> str:
    api = create_app(path, read_only=True)
    try:
        response = TestClient(api, base_url="http://127.0.0.1").get("/api/export?format=acled-csv&per_event=true")
        assert response.status_code == 200, response.text
        return response.content.decode("utf-8")
    finally:
        close_app(api)


def query_csv(path: Path, what: str) -> str:
    result = CliRunner().invoke(app, ["query", what, "--db", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode("utf-8")


@pytest.fixture(scope="module", params=[acled_by_library, acled_by_cli, acled_by_api], ids=lambda f: f.__name__)
def acled(request: pytest.FixtureRequest, store_path: tuple[Path, dict[str, str]]) -> Iterator[list[dict]]:
    yield rows(request.param(store_path[0]))


@pytest.mark.parametrize("start", STARTS, ids=repr)
def test_acled_csv_neutralizes_a_source_that_starts_a_formula(acled: list[dict], store_path: tuple, start: str) -> None:
    row = next(row for row in acled if row["event_id_cnty"].startswith(store_path[1][start] + ":"))
    assert row["source"] == "'" + start + PAYLOAD
    assert (row["latitude"], row["longitude"], row["fatalities"], row["iso"]) == (*BAMAKO, "4", "466")
    assert row["notes"] == TEXT and row["location"] == "Bamako"


@pytest.fixture(scope="module")
def documents(store_path: tuple[Path, dict[str, str]]) -> list[dict]:
    return rows(query_csv(store_path[0], "documents"))


@pytest.mark.parametrize("start", STARTS, ids=repr)
def test_query_csv_neutralizes_text_that_starts_a_formula(documents: list[dict], store_path: tuple, start: str) -> None:
    row = next(row for row in documents if row["id"] == store_path[1][start])
    assert row["title"] == row["source"] == "'" + start + PAYLOAD
    assert row["published"] == "2023-05-06" and row["events"] == "1"


def test_query_csv_writes_negative_coordinates_as_numbers(store_path: tuple[Path, dict[str, str]]) -> None:
    bamako = next(row for row in rows(query_csv(store_path[0], "places")) if row["name"] == "Bamako")
    assert (bamako["lat"], bamako["lon"]) == BAMAKO
