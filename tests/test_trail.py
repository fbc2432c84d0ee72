"""The audit trail for people: before and after as short lines with actor names, in the library, the CLI
and the REST API alike; the JSON values stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from warlog.api import close_app, create_app
from warlog.cli import app
from warlog.model import Actor, Claim, Document, Event, Evidence, Report
from warlog.store import Store
from warlog.store.correction import Correction
from warlog.store.trail import describe

TEXT = "Dune Riders raided the Salt Road depot on 9 June. The Harbour Guard said the raiders were repelled."


def ev(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence(start, start + len(needle), needle, "test:1")


def report() -> Report:
    return Report(
        version="0.1.0",
        document=Document(id="doc-t", text=TEXT, published="2024-06-10"),
        actors=(
            Actor("riders", "Dune Riders", "armed_group", mentions=(ev("Dune Riders"),)),
            Actor("guard", "Harbour Guard", "military", "HRB", aliases=("the Guard",), mentions=(ev("Harbour Guard"),)),
        ),
        events=(Event("ev_raid", "ASSAULT", ev("raided"), actors=("riders",), recipients=("guard",)),),
        claims=(Claim("cl_said", "the raiders were repelled", ev("the raiders were repelled"), speaker="guard"),),
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "trail.duckdb"
    with Store.open(path) as store:
        store.save(report())
        store.correct(Correction.set_event_type("doc-t", "ev_raid", "ASSAULT", mode="aerial"))
        store.correct(Correction.set_event_actors("doc-t", "ev_raid", recipients=["riders"], actors=["guard"]))
        store.correct(Correction.reject("claim", "doc-t", "cl_said"))
        store.correct(Correction.add_alias("riders", "the Riders"))
    return path


EXPECTED = [
    ("ASSAULT", "ASSAULT/aerial"),
    ("actors: Dune Riders; recipients: Harbour Guard", "actors: Harbour Guard; recipients: Dune Riders"),
    ("Harbour Guard: “the raiders were repelled”", "rejected"),
    ("no aliases", "the Riders"),
]


def test_each_kind_reads_as_a_line_with_names(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        trail = store.corrections()
        names = store.names(actors=["riders", "guard"])
    lines = [(describe(c, c.before, before=True, name=names.actor), describe(c, c.after, before=False,
              name=names.actor)) for c in trail]  # fmt: skip
    assert lines == EXPECTED
    merge = Correction("merge_actors", "x", before={"name": "Riders", "kind": "armed_group", "country": None})
    assert describe(merge, merge.before, before=True) == "Riders (armed_group)"
    assert describe(merge, "riders", before=False, name=names.actor) == "Dune Riders"


def test_the_cli_trail_shows_lines_not_json(db: Path) -> None:
    result = CliRunner().invoke(app, ["corrections", "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "ASSAULT/aerial" in result.stdout and "Harbour Guard: “the raiders were repelled”" in result.stdout
    assert "{" not in result.stdout and "[" not in result.stdout
    made = CliRunner().invoke(app, ["correct", "event-status", "doc-t", "ev_raid", "negated", "--db", str(db)])
    assert made.exit_code == 0, made.output
    assert "before: asserted. after: negated" in made.stdout


def test_the_api_trail_has_the_lines_beside_the_values(db: Path) -> None:
    api = create_app(db, read_only=True)
    try:
        items = TestClient(api, base_url="http://127.0.0.1").get("/api/corrections").json()["items"]
    finally:
        close_app(api)
    assert [(i["before_text"], i["after_text"]) for i in items] == EXPECTED
    assert items[0]["after"] == {"type": "ASSAULT", "mode": "aerial"}  # the JSON value is kept
