"""The busy rate `warlog batch` and bench/scale.py report: documents per second while every worker
was busy, without start-up or tail."""

from __future__ import annotations

import pytest

from warlog.batch import busy_rate


def batch(pid: int, started: float, finished: float, records: int = 10) -> dict:
    return {"pid": pid, "started": started, "finished": finished, "records": records}


def test_the_window_runs_from_the_last_worker_up_to_the_first_worker_done() -> None:
    early = [batch(1, 0, 1), batch(1, 1, 2), batch(1, 2, 3)]
    late = [batch(2, 1.5, 2.5), batch(2, 2.5, 3.5)]  # loaded its model half a second later
    # window 1.5-3.0: half of (1, 1-2), all of (1, 2-3) and (2, 1.5-2.5), half of (2, 2.5-3.5)
    assert busy_rate(early + late) == pytest.approx((5 + 10 + 10 + 5) / 1.5)


def test_one_worker_is_busy_from_its_first_batch_to_its_last() -> None:
    assert busy_rate([batch(7, 10, 12, records=25), batch(7, 12.5, 14, records=15)]) == pytest.approx(40 / 4)


def test_no_rate_when_the_workers_were_never_busy_together_or_left_no_times() -> None:
    assert busy_rate([batch(1, 0, 1), batch(2, 2, 3)]) is None
    assert busy_rate([{"pid": 1, "records": 10}]) is None
    assert busy_rate([]) is None
