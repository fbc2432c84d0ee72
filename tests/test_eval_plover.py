"""`warlog eval plover`: reading PLOVER gold-standard records, the metrics through the real pipeline, the CLI.

The records below are in the PLOVER_GSR_CAMEO format (Open Event Data Alliance) but their sentences are the
team's own, written for this test; no record of the PLOVER gold standard is copied here.
"""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warlog.cli import evaluate as eval_cli
from warlog.errors import InputError
from warlog.evaluate.plover import evaluate_plover, read_plover


def _actors(*names):
    return [{"actorText": name, "code": "XXX"} for name in names]


RECORDS = [
    {"id": "TEST-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation of this file, not an event"},
    {"id": "TEST-COERCE-0001", "date": "2021-03-01", "event": "COERCE", "mode": "arrest",
     "source": _actors("Israeli soldiers"), "target": "",
     "text": "Israeli soldiers arrested twelve Palestinians in Hebron on Sunday."},
    {"id": "TEST-FIGHT-0001", "date": "2021-03-01", "event": "FIGHT", "mode": "heavy-weapons",
     "source": _actors("Russian forces"), "target": _actors("Ukrainian"),
     "text": "Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing four civilians."},
    {"id": "TEST-DISAPPROVE-0001", "date": "2021-03-01", "event": "DISAPPROVE",
     "source": _actors("Turkey"), "target": _actors("Greece", "Athens"),
     "text": "Turkey accused Greece of violating its airspace on Friday."},
    {"id": "TEST-AGREE-0001", "date": "2021-03-01", "event": "AGREE", "mode": "",
     "source": _actors("Ukraine", "Poland"), "target": None,
     "text": "Ukraine and Poland agreed on Tuesday to reopen a border crossing."},
    {"id": "TEST-SANCTION-0001", "date": "not a date", "event": "SANCTION",
     "source": _actors("The committee"), "target": _actors("Somebody not in the text"),
     "text": "The committee published its annual report on river levels on Thursday."},
]  # fmt: skip


@pytest.fixture
def gold(tmp_path) -> Path:
    path = tmp_path / "plover-sample.json"
    path.write_text(json.dumps(RECORDS, indent=1), encoding="utf-8")
    return path


def test_read_skips_the_document_record_and_maps_plover_05_types(gold):
    dataset = read_plover(gold)
    assert dataset.name == "plover-sample.json" and len(dataset.sha256) == 64 and dataset.limit is None
    assert [r.type for r in dataset.records] == ["COERCE", "ASSAULT", "ACCUSE", "AGREE", "SANCTION"]
    assert [r.original_type for r in dataset.records][1:3] == ["FIGHT", "DISAPPROVE"]
    first, _, third, fourth, fifth = dataset.records
    assert first.mode == "arrest" and first.sources == ("Israeli soldiers",) and first.targets == ()
    assert third.targets == ("Greece", "Athens") and fourth.mode is None and fourth.targets == ()
    assert first.published == "2021-03-01" and fifth.published is None


def test_read_limit_counts_scored_records(gold):
    dataset = read_plover(gold, limit=2)
    assert [r.id for r in dataset.records] == ["TEST-COERCE-0001", "TEST-FIGHT-0001"] and dataset.limit == 2


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('[{"event": "AGREE", "text": "x"', "not JSON"),
        ('{"event": "AGREE"}', "JSON list"),
        ('[{"text": "A sentence without an event type."}]', "record 0"),
        ('[{"event": "DOCUMENT"}, {"id": "X-1", "event": "AGREE"}]', "record 1 (X-1): no `text`"),
        ('[{"event": "AGREE", "text": "Two states agreed.", "source": "oops", "target": [1]}]', "list of actors"),
    ],
)
def test_a_malformed_file_is_one_input_error_naming_it(tmp_path, content, problem):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_plover(path)
    message = str(caught.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="absent.json"):
        read_plover(tmp_path / "absent.json")


def test_metrics_through_the_pipeline(pipeline, gold):
    evaluation = evaluate_plover(pipeline, read_plover(gold))
    assert evaluation.task == "plover" and evaluation.rows == 5
    metrics, counts = evaluation.metrics, evaluation.counts
    assert set(metrics) == {"coverage", "type", "type_any", "source", "target"}
    # the report on river levels holds no event; the four others are coded with the gold's type
    assert metrics["coverage"] == 0.8 and metrics["type"] == 0.8 and metrics["type_any"] == 0.8
    assert counts["coverage"] == counts["type"] == 5
    # sources: all five are in their texts; targets: only those of the shelling and the accusation
    # (an actor text not in the sentence is not counted)
    assert counts["source"] == 5 and metrics["source"] == 0.8
    assert counts["target"] == 2 and metrics["target"] == 1.0
    details = evaluation.details
    assert details["failures"] == 0 and details["no_event_rate"] == 0.2
    assert details["mode_where_gold_has_one"] == "2/2"
    assert details["gold_types_0.5"]["FIGHT"] == 1
    per_class = {row["label"]: row for row in details["per_class"]}
    assert per_class["NONE"]["predicted"] == 1 and per_class["SANCTION"]["recall"] == 0.0
    assert "CC BY-SA" in details["attribution"]


@pytest.fixture
def run(pipeline, monkeypatch):
    monkeypatch.setattr(eval_cli, "load_pipeline", lambda model: pipeline)
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(eval_cli.eval_app, [str(a) for a in args])

    return invoke


def test_cli_json_and_floors(run, gold, tmp_path):
    result = run("plover", gold, "--format", "json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["task"] == "plover" and scores["rows"] == 5 and scores["metrics"]["type"] == 0.8

    baseline = tmp_path / "baseline.json"
    result = run("plover", gold, "--check", baseline, "--update-floors")
    assert result.exit_code == 0, result.output
    entry = json.loads(baseline.read_text())["datasets"]["plover-sample.json"]
    assert entry["task"] == "plover" and entry["rows"] == 5 and entry["floors"]["type"] == 0.8

    result = run("plover", gold, "--check", baseline)
    assert result.exit_code == 0, result.output
    assert "per class" in result.stdout and "ok" in result.stderr


def test_cli_malformed_file_is_one_line(run, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("[{", encoding="utf-8")
    result = run("plover", path)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "broken.json" in lines[0] and lines[0].startswith("error:")
