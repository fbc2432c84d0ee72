"""`warlog query` and `warlog incidents` for people and for programs: names in tables and CSV cells, ids in
JSON and in id columns, a table that fits 100 columns without cutting an id."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warlog.cli import app
from warlog.cli.tables import fit_widths, period_text
from warlog.model import Actor, Claim, Document, Event, Evidence, Place, Report, Toll, When
from warlog.store import Store

TEXT = (
    "Northern Alliance and Lowland Republic forces shelled the villages north of Kessel on 4 May, killing "
    "between nine and eleven people. A spokesman for the Lowland Republic said the strikes were justified "
    "and would go on until the last position of the Highland Liberation Movement had been taken."
)


def ev(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence(start, start + len(needle), needle, "test:1")


def report() -> Report:
    return Report(
        version="0.1.0",
        document=Document(id="d_0123456789abcdef", text=TEXT, title="Shelling near Kessel", published="2024-05-05"),
        actors=(
            Actor("na", "Northern Alliance", "armed_group", mentions=(ev("Northern Alliance"),)),
            Actor("lr", "Lowland Republic", "state", "LRP", mentions=(ev("Lowland Republic"),)),
            Actor("hlm", "Highland Liberation Movement", "rebel_group", mentions=(ev("Highland Liberation"),)),
        ),
        places=(Place("gn.990001~north-of", "north of Kessel", "LRP", 1.0, 2.0, "town", 2, (ev("Kessel"),)),),
        events=(
            Event(
                "ev_0123456789ab",
                "ASSAULT",
                ev("shelled"),
                mode="heavy-weapons",
                actors=("na", "lr"),
                recipients=("hlm",),
                place="gn.990001~north-of",
                date=When("2024-05-04", "day", "4 May"),
                fatalities=Toll(9, 11, "between nine and eleven"),
            ),  # fmt: skip
        ),
        claims=(
            Claim("cl_0123456789ab", "the strikes were justified", ev("the strikes were justified"), speaker="lr"),
        ),
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tables") / "store.duckdb"
    with Store.open(path) as store:
        store.save(report())
    return path


def run(*args: object, columns: int = 100) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_an_events_table_shows_names_and_keeps_the_ids_whole(db: Path) -> None:
    out = run("query", "events", "--db", db)
    assert all(len(line) <= 100 for line in out.splitlines())
    assert "d_0123456789abcdef" in out and "ev_0123456789ab" in out  # what `warlog correct` needs, uncut
    assert "Northern Allian" in out and "north of Kessel" in out and "9-11" in out
    assert "gn.990001" not in out and "['" not in out and "hlm" not in out


def test_a_table_piped_to_another_program_is_100_columns_with_whole_ids(db: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    command = [sys.executable, "-c", "from warlog.cli import main; main()", "query", "events", "--db", str(db)]
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "d_0123456789abcdef  ev_0123456789ab" in out


def test_a_narrow_table_leaves_out_its_last_columns_but_no_id(db: Path) -> None:
    out = run("query", "events", "--db", db, columns=70)
    assert all(len(line) <= 70 for line in out.splitlines())
    assert out.splitlines()[0].split()[:3] == ["document", "id", "date"]
    assert "d_0123456789abcdef" in out and "ev_0123456789ab" in out


def test_columns_choose_what_a_table_shows_ids_included(db: Path) -> None:
    out = run("query", "events", "--db", db, "--columns", "id,actor_ids,place_id,mode")
    assert out.splitlines()[0].split() == ["id", "actor_ids", "place_id", "mode"]
    assert "na; lr" in out and "gn.990001~north-of" in out and "heavy-weapons" in out
    bad = CliRunner().invoke(app, ["query", "events", "--db", str(db), "--columns", "id,bogus"])
    assert bad.exit_code == 1 and "bogus" in bad.stderr and "valid choices" in bad.stderr and "actor_ids" in bad.stderr


def test_csv_cells_hold_joined_names_with_the_ids_beside_them(db: Path) -> None:
    (row,) = csv.DictReader(io.StringIO(run("query", "events", "--db", db, "--format", "csv")))
    assert (row["actors"], row["actor_ids"]) == ("Northern Alliance; Lowland Republic", "na; lr")
    assert (row["recipients"], row["recipient_ids"]) == ("Highland Liberation Movement", "hlm")
    assert (row["place"], row["place_id"]) == ("north of Kessel", "gn.990001~north-of")
    assert not any(value.startswith(("[", "(")) for value in row.values())
    (claim,) = csv.DictReader(io.StringIO(run("query", "claims", "--db", db, "--format", "csv")))
    assert (claim["speaker"], claim["speaker_id"], claim["events"]) == ("Lowland Republic", "lr", "")


def test_json_keeps_the_ids(db: Path) -> None:
    (row,) = json.loads(run("query", "events", "--db", db, "--format", "json"))
    assert (row["actors"], row["place"]) == (["na", "lr"], "gn.990001~north-of")
    (chosen,) = json.loads(run("query", "events", "--db", db, "--format", "json", "--columns", "id,actors"))
    assert chosen == {"id": "ev_0123456789ab", "actors": ["na", "lr"]}


def test_incidents_print_names(db: Path) -> None:
    out = run("incidents", "--db", db)
    assert "Northern Alliance; Lowland Republi" in out
    assert "north of Kessel" in out and "hlm" not in out and "2024-05-04" in out


def test_widths_cut_the_text_not_the_ids() -> None:
    headers, cells = ["id", "text", "who"], [["ev_" + "x" * 40, "y" * 80, "z" * 30]]
    widths = fit_widths(headers, cells, [True, False, False], 100)
    assert widths[0] == 43 and sum(widths) + 4 <= 100 and widths[1] >= widths[2] >= 10


@pytest.mark.parametrize(
    ("first", "last", "shown"),
    [
        ("2015-10-10", "2015-10-10", "2015-10-10"),
        ("2015-01-01", "2015-12-31", "2015"),
        ("2016-02-01", "2016-02-29", "2016-02"),
        ("2015-02-01", "2015-02-27", "2015-02-01/2015-02-27"),
        ("2015-10-08", "2015-10-10", "2015-10-08/2015-10-10"),
    ],
)
def test_a_period_is_shown_compactly(first: str, last: str, shown: str) -> None:
    assert period_text(first, last) == shown
