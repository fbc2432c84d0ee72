"""Exports: ACLED CSV, PLOVER JSON Lines, report JSON Lines, Parquet, GraphML and GEXF from a small store."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import networkx as nx
import pytest
from typer.testing import CliRunner

from warlog.cli import app
from warlog.errors import StoreError
from warlog.export import ACLED_COLUMNS, EXPORT_FORMATS, export
from warlog.model import Report
from warlog.store import Store
from warlog.store.correction import Correction

TEXTS = (
    (
        "Israeli aircraft struck a building in Rafah on 3 March 2024, killing 12 people, the Gaza health ministry "
        "said. Hamas fighters fired rockets at Sderot.",
        "2024-03-04",
    ),
    (
        "Russian forces shelled Kharkiv on Tuesday, killing three civilians and wounding 10, Ukrainian officials "
        "said. The Ukrainian army denied that it had withdrawn from Avdiivka.",
        "2024-02-15",
    ),
    ("Protesters marched in Khartoum on 5 May 2023 against the army. Police arrested 20 demonstrators.", "2023-05-06"),
)

# ACLED's export columns, in ACLED's order (the 2023 codebook's 31 columns)
ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)


@pytest.fixture(scope="module")
def reports(pipeline):
    return [pipeline.extract(text, published=published, source="Test Wire") for text, published in TEXTS]


@pytest.fixture(scope="module")
def db(reports, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "store.duckdb"
    with Store.open(path) as store:
        for report in reports:
            store.save(report)
    return path


@pytest.fixture
def store(db):
    with Store.open(db, read_only=True) as opened:
        yield opened


def exported(store: Store, format: str, **filters: str | float) -> tuple[int, str]:
    out = io.BytesIO()
    written = export(store, format, out, **filters)
    return written, out.getvalue().decode("utf-8")


def test_acled_csv_has_acleds_header_and_one_row_per_event_in_scope(store):
    written, text = exported(store, "acled-csv")
    assert text.splitlines()[0] == ACLED_HEADER == ",".join(ACLED_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == written >= 4
    assert all(row["event_type"] and row["sub_event_type"] and row["event_date"] for row in rows)
    kharkiv = next(row for row in rows if row["location"] == "Kharkiv")
    assert (kharkiv["event_date"], kharkiv["year"], kharkiv["time_precision"]) == ("2024-02-13", "2024", "1")
    assert (kharkiv["event_type"], kharkiv["disorder_type"]) == ("Explosions/Remote violence", "Political violence")
    assert (kharkiv["inter1"], kharkiv["inter2"], kharkiv["interaction"]) == ("1", "7", "17")
    assert (kharkiv["country"], kharkiv["iso"], kharkiv["fatalities"]) == ("Ukraine", "804", "3")
    assert kharkiv["civilian_targeting"] == "Civilian targeting" and kharkiv["source"] == "Test Wire"
    assert kharkiv["notes"].startswith("Russian forces shelled Kharkiv") and kharkiv["notes"].endswith("said.")
    assert float(kharkiv["latitude"]) == pytest.approx(49.98, abs=0.01)
    protest = next(row for row in rows if row["event_type"] == "Protests")
    assert (protest["disorder_type"], protest["inter1"]) == ("Demonstrations", "6")


def test_event_exports_take_the_query_filters(store):
    assert exported(store, "acled-csv", type="PROTEST")[0] == 1
    assert exported(store, "acled-csv", since="2024-01-01", until="2024-02-28")[0] == 1
    everything = exported(store, "plover-json", status="any")[0]
    happened = exported(store, "plover-json")[0]
    assert everything == happened + 1  # the denied withdrawal
    assert exported(store, "plover-json", status="denied")[0] == 1


def test_event_exports_take_a_minimum_confidence(store):
    every = [json.loads(line) for line in exported(store, "plover-json")[1].splitlines()]
    confidences = sorted({record["confidence"] for record in every})
    assert len(confidences) >= 2  # the texts give events of several confidences
    threshold = confidences[1]  # leaves out the least confident, keeps one exactly at the threshold
    written, text = exported(store, "plover-json", min_confidence=threshold)
    kept = [json.loads(line) for line in text.splitlines()]
    assert written == len(kept) == sum(record["confidence"] >= threshold for record in every) < len(every)
    assert {record["id"] for record in kept} == {r["id"] for r in every if r["confidence"] >= threshold}
    assert exported(store, "plover-json", min_confidence=0)[0] == len(every)
    assert exported(store, "plover-json", min_confidence=1.0)[0] == sum(r["confidence"] == 1.0 for r in every)
    acled_every = exported(store, "acled-csv")[0]
    assert 0 < exported(store, "acled-csv", min_confidence=threshold)[0] < acled_every


# two wires tell one shelling (same day, town and attacker) with different tolls; a third story is apart
WIRES = (
    ("Russian forces shelled Kharkiv on 4 March 2024, killing five civilians, regional officials said.",
     "2024-03-05", "Wire A"),
    ("Russian artillery shelled Kharkiv on 4 March 2024, killing seven civilians and wounding 12.", "2024-03-06",
     "Wire B"),
    ("Police arrested 20 demonstrators in Khartoum on 5 May 2023.", "2023-05-06", "Wire C"),
)  # fmt: skip


def test_acled_csv_writes_one_row_per_incident(pipeline, tmp_path):
    with Store.open(tmp_path / "wires.duckdb") as wires:
        for text, published, source in WIRES:
            wires.save(pipeline.extract(text, published=published, source=source))
        written, text = exported(wires, "acled-csv")
        out = io.BytesIO()
        per_event = export(wires, "acled-csv", out, per_event=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert written == len(rows) == 2 and per_event == 3
    shelling = next(row for row in rows if row["sub_event_type"] == "Shelling/artillery/missile attack")
    assert sorted(shelling["source"].split("; ")) == ["Wire A", "Wire B"]
    assert shelling["fatalities"] == "5"  # the most conservative figure of the two
    assert "warlog reports=2" in shelling["tags"] and shelling["actor1"]
    each = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
    tolls = sorted(row["fatalities"] for row in each if row["sub_event_type"] == shelling["sub_event_type"])
    assert tolls == ["5", "7"]


def test_plover_json_lines_follow_the_manual(store):
    written, text = exported(store, "plover-json", actor="Russia")
    records = [json.loads(line) for line in text.splitlines()]
    assert len(records) == written == 1
    record = records[0]
    assert record["event"] == ["ASSAULT"] and record["mode"] == ["heavy-weapons"] and record["quad_code"] == 4
    assert record["date"] == "2024-02-13"
    assert record["actor"][0]["code"] == "RUS" and record["actor"][0]["sector"] == "MIL"
    assert record["recipient"][0]["sector"] == "CVL"
    assert record["event_loc"]["resolved_place"] == "Kharkiv" and record["event_loc"]["country_code"] == "UKR"
    assert record["size"] == {"dead": 3, "injured": 10, "arrested": None}
    assert record["id"] == f"{record['document']}:{record['event_id']}"


def test_jsonl_round_trips_to_reports(store):
    written, text = exported(store, "jsonl")
    assert written == 3
    for line in text.splitlines():
        report = Report.from_dict(json.loads(line))
        assert store.report(report.document.id) == report
    assert exported(store, "jsonl", since="2024-01-01")[0] == 2


def test_parquet_writes_one_file_per_table_that_duckdb_reads_back(store, tmp_path):
    written = export(store, "parquet", tmp_path / "tables")
    total = 0
    with duckdb.connect() as con:
        for table in ("documents", "actors", "events", "claims", "places", "contradictions", "relations"):
            rows = con.execute(
                "SELECT count(*) FROM read_parquet($p)", {"p": str(tmp_path / "tables" / f"{table}.parquet")}
            )
            count = rows.fetchone()[0]
            assert count == store.count(table), table
            total += count
        aliases = con.execute(f"SELECT aliases FROM '{tmp_path / 'tables' / 'actors.parquet'}' LIMIT 1").fetchone()
    assert written == total + store.count("corrections") and isinstance(aliases[0], list)
    one = export(store, "parquet", tmp_path / "one", actor="Russia")
    assert 0 < one < written


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_graph_formats_parse_with_networkx(store, tmp_path, format):
    path = tmp_path / f"graph.{format}"
    ties = export(store, format, path)
    graph = nx.read_graphml(path) if format == "graphml" else nx.read_gexf(path)
    assert ties == graph.number_of_edges() > 0
    assert "rus.mil" in graph.nodes


def test_exports_show_the_corrected_store(reports):
    with Store.open(None) as store:
        for report in reports:
            store.save(report)
        kharkiv = next(r for r in store.query("events").to_dicts() if "Kharkiv" in r["text"])
        before = exported(store, "acled-csv")[0]
        store.correct(Correction.reject("event", kharkiv["document"], kharkiv["id"]))
        assert exported(store, "acled-csv")[0] == before - 1
        protest = next(r for r in store.query("events").to_dicts() if r["type"] == "PROTEST")
        store.correct(Correction.set_event_status(protest["document"], protest["id"], "planned"))
        assert exported(store, "acled-csv", type="PROTEST")[0] == 0
        assert '"status": "planned"' in exported(store, "plover-json", status="planned")[1]


@pytest.mark.parametrize(
    ("format", "filters", "message"),
    [
        ("shapefile", {}, "unknown export format 'shapefile'; valid choices: acled-csv"),
        ("jsonl", {"type": "ASSAULT"}, "filter 'type' does not apply to jsonl"),
        ("acled-csv", {"status": "rumoured"}, "unknown event status"),
        ("acled-csv", {"since": "March"}, "since must be an ISO date"),
        ("parquet", {}, "give a folder path"),
        ("plover-json", {"min_confidence": 1.5}, "min_confidence must be a number from 0 to 1, not 1.5"),
        ("acled-csv", {"min_confidence": -0.1}, "min_confidence must be a number from 0 to 1"),
        ("acled-csv", {"min_confidence": float("nan")}, "min_confidence must be a number from 0 to 1"),
        ("graphml", {"min_confidence": 0.5}, "filter 'min_confidence' does not apply to graphml"),
        ("jsonl", {"min_confidence": 0.5}, "filter 'min_confidence' does not apply to jsonl"),
        ("plover-json", {"per_event": True}, "per_event applies to acled-csv only"),
    ],
)
def test_bad_exports_are_one_line_errors(store, format, filters, message):
    with pytest.raises(StoreError, match=message) as raised:
        export(store, format, io.BytesIO(), **filters)
    assert "\n" not in str(raised.value)


def test_cli_export(db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "acled-csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[0] == ACLED_HEADER
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0 and len(result.output.splitlines()) == 3
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "xls"])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and ", ".join(EXPORT_FORMATS) in result.output
    result = runner.invoke(
        app, ["export", "--db", str(db), "--format", "acled-csv", "--out", str(tmp_path / "no" / "x")]
    )
    assert result.exit_code == 1 and "cannot write" in result.output
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 1 and "--out" in result.output
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "acled-csv", "--per-event"])
    assert result.exit_code == 0 and result.output.splitlines()[0] == ACLED_HEADER
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--per-event"])
    assert result.exit_code == 1 and "per_event applies to acled-csv only" in result.output


def test_cli_export_min_confidence(db, tmp_path):
    runner = CliRunner()
    every = runner.invoke(app, ["export", "--db", str(db), "--format", "plover-json"])
    assert every.exit_code == 0, every.output
    confidences = sorted({json.loads(line)["confidence"] for line in every.output.splitlines()})
    threshold = str(confidences[1])
    kept = runner.invoke(app, ["export", "--db", str(db), "--format", "plover-json", "--min-confidence", threshold])
    assert kept.exit_code == 0, kept.output
    records = [json.loads(line) for line in kept.output.splitlines()]
    assert 0 < len(records) < len(every.output.splitlines())
    assert all(record["confidence"] >= confidences[1] for record in records)
    out = tmp_path / "never.csv"
    for value in ("1.5", "-0.2"):
        result = runner.invoke(
            app, ["export", "--db", str(db), "--format", "acled-csv", "--min-confidence", value, "--out", str(out)]
        )
        assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
        assert "min_confidence must be a number from 0 to 1" in result.output
    assert not out.exists()  # refused before the file is opened
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gexf", "--min-confidence", "0.5"])
    assert result.exit_code == 1 and "does not apply to gexf" in result.output
