"""Floors: a drop below a floor, another checksum, another row count fail; only --update-floors moves them."""

import json

import pytest

from warlog.errors import InputError
from warlog.evaluate.floors import Baseline, DatasetFloors, check, read_baseline, update, write_baseline
from warlog.evaluate.metrics import Evaluation


def evaluation(sha="a" * 64, rows=100, limit=100, **metrics):
    metrics = metrics or {"coverage": 0.5, "event_type": 0.25}
    return Evaluation("acled", "acled.csv", sha, limit, rows, metrics, dict.fromkeys(metrics, rows))


def baseline(sha="a" * 64, rows=100, limit=100, **floors):
    floors = floors or {"coverage": 0.5, "event_type": 0.25}
    return Baseline({"acled.csv": DatasetFloors("acled", sha, limit, rows, floors)})


def test_equal_scores_pass():
    result = check(evaluation(), baseline())
    assert result.ok and result.problems == ()


def test_a_score_below_its_floor_fails_and_is_named():
    result = check(evaluation(coverage=0.5, event_type=0.2), baseline())
    assert not result.ok
    assert result.problems == ("event_type = 0.2 is below its floor 0.25",)


def test_a_score_above_its_floor_passes_with_a_note():
    result = check(evaluation(coverage=0.6, event_type=0.25), baseline())
    assert result.ok and any("coverage" in note and "raise" in note for note in result.notes)


def test_another_checksum_fails_whatever_the_scores():
    result = check(evaluation(sha="b" * 64, coverage=1.0, event_type=1.0), baseline())
    assert not result.ok and "has changed" in result.problems[0] and "--update-floors" in result.problems[0]


def test_another_row_count_fails():
    assert not check(evaluation(rows=50, limit=50), baseline()).ok


def test_a_floored_metric_that_disappears_fails():
    result = check(evaluation(coverage=0.5), baseline())
    assert result.problems == ("event_type has a floor (0.25) but is no longer computed",)


def test_no_entry_fails():
    assert "no floors for acled.csv" in check(evaluation(), Baseline()).problems[0]


def test_update_lists_every_change_and_shouts_a_lowered_floor():
    new, changes = update(evaluation(coverage=0.7, event_type=0.2), baseline())
    assert new.datasets["acled.csv"].floors == {"coverage": 0.7, "event_type": 0.2}
    assert "coverage: raised 0.5 -> 0.7" in changes
    assert "event_type: LOWERED 0.25 -> 0.2" in changes


def test_update_after_a_data_change_says_so():
    _, changes = update(evaluation(sha="b" * 64), baseline())
    assert any("data changed" in line for line in changes)


def test_round_trip(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(baseline(), path)
    assert read_baseline(path) == baseline()
    assert json.loads(path.read_text())["datasets"]["acled.csv"]["sha256"] == "a" * 64


@pytest.mark.parametrize("text", ["not json", '{"datasets": {"x.csv": {"task": "acled"}}}', "[]"])
def test_a_malformed_baseline_is_an_input_error(tmp_path, text):
    path = tmp_path / "baseline.json"
    path.write_text(text)
    with pytest.raises(InputError):
        read_baseline(path)
