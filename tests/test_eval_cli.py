"""`warlog eval acled|case` end to end through the Typer app, on invented rows in the ACLED and CASE formats."""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eval_samples import SAMPLES
from warlog.cli import evaluate as eval_cli

# the invented sample rows are written to this folder by the `samples` fixture, before any test runs
FIXTURES = Path(tempfile.mkdtemp(prefix="warlog-eval-samples-"))
ACLED_2020 = FIXTURES / "acled-2020-sample.csv"
ACLED_2016 = FIXTURES / "acled-2016-sample.csv"
CASE = FIXTURES / "case-sample.tsv"


@pytest.fixture(scope="module", autouse=True)
def samples():
    for name, text in SAMPLES.items():
        (FIXTURES / name).write_text(text, encoding="utf-8")
    yield FIXTURES
    shutil.rmtree(FIXTURES, ignore_errors=True)


@pytest.fixture
def run(pipeline, monkeypatch):
    monkeypatch.setattr(eval_cli, "load_pipeline", lambda model: pipeline)
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(eval_cli.eval_app, [str(a) for a in args])

    return invoke


def test_acled_2020_json(run):
    result = run("acled", ACLED_2020, "--format", "json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["task"] == "acled" and scores["dataset"] == ACLED_2020.name and len(scores["sha256"]) == 64
    assert scores["rows"] == 7  # eight rows, one without notes
    assert scores["details"]["skipped_no_notes"] == 1
    assert scores["details"]["failures"] == 1  # the Spanish notes
    assert scores["details"]["schema"] == "2020"
    metrics, counts = scores["metrics"], scores["counts"]
    assert {"coverage", "event_type", "sub_event_type", "actor1_exact", "actor1_lenient", "actor2_exact",
            "location_25km", "location_any_25km", "fatalities_exact"} <= set(metrics)  # fmt: skip
    assert all(0.0 <= value <= 1.0 for value in metrics.values())
    assert metrics["actor1_mapped"] == 1.0 and counts["actor1_mapped"] == 7
    assert counts["actor2_mapped"] == 5
    assert "fatalities_coded" not in metrics  # "fatalities coded as 10" is scored apart, without a floor
    assert scores["details"]["fatalities_coded_rows"] == 1
    assert counts["location_25km"] == 7


def test_acled_limit(run):
    scores = json.loads(run("acled", ACLED_2020, "--limit", "3", "--format", "json").stdout)
    assert scores["rows"] == 3 and scores["limit"] == 3


def test_acled_2016_schema(run):
    result = run("acled", ACLED_2016, "--format", "json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["details"]["schema"] == "2016" and scores["rows"] == 5
    assert "old_event_type" in scores["metrics"] and "sub_event_type" not in scores["metrics"]
    assert scores["metrics"]["actor1_mapped"] == 1.0


def test_acled_table(run):
    result = run("acled", ACLED_2020)
    assert result.exit_code == 0, result.output
    for name in ("coverage", "event_type", "actor1_lenient", "location_any_25km", "fatalities_exact"):
        assert name in result.stdout


def test_case(run):
    result = run("case", CASE)
    assert result.exit_code == 0, result.output
    assert "weighted_f1" in result.stdout and "per class" in result.stdout
    assert "best system at CASE-2021: 0.839 weighted F1" in result.stdout
    scores = json.loads(run("case", CASE, "--format", "json").stdout)
    assert scores["rows"] == 7 and set(scores["metrics"]) == {"accuracy", "weighted_f1", "macro_f1", "coverage"}
    assert sum(row["support"] for row in scores["details"]["per_class"]) == 7


def test_floors_check_fails_on_a_drop_and_on_other_data(run, tmp_path):
    data = tmp_path / ACLED_2020.name
    shutil.copy(ACLED_2020, data)
    baseline = tmp_path / "baseline.json"

    created = run("acled", data, "--check", baseline, "--update-floors")
    assert created.exit_code == 0, created.output
    assert "new entry" in created.stderr
    assert run("acled", data, "--check", baseline).exit_code == 0

    floors = json.loads(baseline.read_text())
    entry = floors["datasets"][data.name]
    entry["floors"]["actor1_mapped"] += 0.05  # as if the score had dropped below its floor
    baseline.write_text(json.dumps(floors))
    dropped = run("acled", data, "--check", baseline)
    assert dropped.exit_code == 1
    assert "actor1_mapped = 1.0 is below its floor 1.05" in dropped.stderr

    with data.open("a", encoding="utf-8") as handle:  # another version of the data
        handle.write(ACLED_2020.read_text(encoding="utf-8").splitlines()[1] + "\n")
    changed = run("acled", data, "--check", baseline)
    assert changed.exit_code == 1 and "has changed" in changed.stderr

    reset = run("acled", data, "--check", baseline, "--update-floors")
    assert reset.exit_code == 0 and "data changed" in reset.stderr and "LOWERED" in reset.stderr
    assert run("acled", data, "--check", baseline).exit_code == 0


def test_check_uses_the_baselines_limit(run, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run("case", CASE, "--limit", "4", "--check", baseline, "--update-floors").exit_code == 0
    result = run("case", CASE, "--check", baseline, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rows"] == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("acled", FIXTURES / "missing.csv"), "cannot read"),
        (("acled", CASE), "is not an ACLED export"),
        (("case", ACLED_2020), "is not a CASE-2021"),
        (("acled", ACLED_2020, "--format", "xml"), "--format 'xml'"),
        (("acled", ACLED_2020, "--update-floors"), "--update-floors needs --check"),
        (("acled", ACLED_2020, "--check", FIXTURES / "no-baseline.json"), "no baseline at"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(run, args, message):
    result = run(*args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
