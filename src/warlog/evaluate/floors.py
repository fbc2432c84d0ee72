"""Floors: the scores an evaluation may not fall below (eval/baseline.json), pinned to the data's checksum.

Quality is a ratchet. Each dataset's entry holds the file's sha256, the rows used (and the `--limit`
that selected them) and a floor per metric. `check` fails when a metric is below its floor, when the
file is not the one the floors were set on (another checksum or row count), or when a floored metric
is no longer computed. Floors change only through `update` (`--update-floors`), which lists every
change and marks each lowered floor, so a floor is never lowered silently.

Ceilings: a metric whose name ends in one of CEILING_SUFFIXES ("_per_1000_words", a rate of false alarms;
"_wrong_country", a share of generic actor links, or of ACLED rows' places, in a country the text does not
involve) is lower-is-better, so its entry in `floors` is a ceiling: `check` fails when the metric is above
it, and `update` marks a RAISED ceiling the way it marks a LOWERED floor.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warlog.errors import InputError
from warlog.evaluate.metrics import Evaluation

TOLERANCE = 1e-9
CEILING_SUFFIXES = ("_per_1000_words", "_wrong_country")  # lower is better: the baseline holds a ceiling for these
ABOUT = (
    "Floors of `warlog eval` per dataset (scores may not fall below them); the ACLED, CASE and PolNeAR datasets "
    "live in ../shared/data/dev and are not part of the repository, the team's gold files in eval/gold. "
    "Change with `warlog eval ... --check eval/baseline.json --update-floors`."
)


def is_ceiling(metric: str) -> bool:
    """Whether a metric is lower-is-better, so that its baseline value is a ceiling, not a floor."""
    return metric.endswith(CEILING_SUFFIXES)


def file_sha256(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class DatasetFloors:
    """The floors of one dataset, and what identifies the data they were set on."""

    task: str
    sha256: str
    limit: int | None
    rows: int
    floors: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return {"task": self.task, "sha256": self.sha256, "limit": self.limit, "rows": self.rows,
                "floors": dict(self.floors)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Baseline:
    """Every dataset's floors, as read from (and written to) a baseline file."""

    datasets: dict[str, DatasetFloors] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"about": ABOUT, "datasets": {name: self.datasets[name].to_dict() for name in sorted(self.datasets)}}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What a floors check found: `problems` fail it; `notes` are for information (a floor to raise)."""

    problems: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def read_baseline(path: Path) -> Baseline:
    """Read a baseline file.

    Raises:
        InputError: the file cannot be read or is not a baseline.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        datasets = {
            name: DatasetFloors(
                task=str(entry["task"]),
                sha256=str(entry["sha256"]),
                limit=None if entry.get("limit") is None else int(entry["limit"]),
                rows=int(entry["rows"]),
                floors={str(k): float(v) for k, v in entry["floors"].items()},
            )
            for name, entry in data["datasets"].items()
        }
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"cannot read the baseline {path}: {e}") from e
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise InputError(
            f"{path} is not a warlog baseline: each entry of `datasets` needs task, sha256, rows and floors "
            f"({type(e).__name__}: {e})"
        ) from e
    return Baseline(datasets)


def write_baseline(baseline: Baseline, path: Path) -> None:
    """Write a baseline file (JSON, datasets sorted by name)."""
    Path(path).write_text(json.dumps(baseline.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def check(evaluation: Evaluation, baseline: Baseline, *, source: str = "the baseline") -> CheckResult:
    """Compare an evaluation with its dataset's floors."""
    entry = baseline.datasets.get(evaluation.dataset)
    if entry is None:
        return CheckResult((f"{source} has no floors for {evaluation.dataset}; set them with --update-floors",), ())
    identity = _identity_problems(evaluation, entry)
    if identity:
        return CheckResult(identity, ())
    problems, notes = [], []
    for name, floor in entry.floors.items():
        value = evaluation.metrics.get(name)
        if value is None:
            problems.append(f"{name} has a floor ({floor}) but is no longer computed")
        elif is_ceiling(name):
            if value > floor + TOLERANCE:
                problems.append(f"{name} = {value} is above its ceiling {floor}")
            elif value < floor - TOLERANCE:
                notes.append(f"{name} = {value} is below its ceiling {floor}: lower it with --update-floors")
        elif value < floor - TOLERANCE:
            problems.append(f"{name} = {value} is below its floor {floor}")
        elif value > floor + TOLERANCE:
            notes.append(f"{name} = {value} is above its floor {floor}: raise it with --update-floors")
    notes += [f"{name} = {v} has no floor yet" for name, v in evaluation.metrics.items() if name not in entry.floors]
    return CheckResult(tuple(problems), tuple(notes))


def _identity_problems(evaluation: Evaluation, entry: DatasetFloors) -> tuple[str, ...]:
    if entry.task != evaluation.task:
        return (f"the floors of {evaluation.dataset} are for `eval {entry.task}`, not `eval {evaluation.task}`",)
    if entry.sha256 != evaluation.sha256:
        return (
            f"{evaluation.dataset} has changed: its sha256 is {evaluation.sha256}, the floors were set on "
            f"{entry.sha256}; scores on other data say nothing about a regression. If the new file is meant, "
            "reset the floors explicitly with --update-floors (every change is listed)",
        )
    if entry.limit != evaluation.limit or entry.rows != evaluation.rows:
        return (
            f"the floors of {evaluation.dataset} were set on {entry.rows} rows (--limit {entry.limit}); this run "
            f"used {evaluation.rows} (--limit {evaluation.limit}); run with the baseline's limit",
        )
    return ()


def update(evaluation: Evaluation, baseline: Baseline) -> tuple[Baseline, tuple[str, ...]]:
    """The baseline with this dataset's floors set to the evaluation's scores, and the changes, one line
    each; a lowered floor says so in capitals."""
    old = baseline.datasets.get(evaluation.dataset)
    new = DatasetFloors(evaluation.task, evaluation.sha256, evaluation.limit, evaluation.rows,
                        dict(evaluation.metrics))  # fmt: skip
    changes: list[str] = []
    if old is None:
        changes.append(f"{evaluation.dataset}: new entry ({evaluation.rows} rows, sha256 {evaluation.sha256})")
    elif (old.sha256, old.rows, old.limit) != (new.sha256, new.rows, new.limit):
        changes.append(
            f"{evaluation.dataset}: data changed: sha256 {old.sha256} -> {new.sha256}, rows {old.rows} -> {new.rows}"
        )
    previous = old.floors if old is not None else {}
    for name, value in new.floors.items():
        before = previous.get(name)
        if before is None:
            changes.append(f"{name}: new {'ceiling' if is_ceiling(name) else 'floor'} {value}")
        elif is_ceiling(name):
            if value > before + TOLERANCE:
                changes.append(f"{name}: ceiling RAISED {before} -> {value}")
            elif value < before - TOLERANCE:
                changes.append(f"{name}: ceiling lowered {before} -> {value}")
        elif value < before - TOLERANCE:
            changes.append(f"{name}: LOWERED {before} -> {value}")
        elif value > before + TOLERANCE:
            changes.append(f"{name}: raised {before} -> {value}")
    changes += [f"{name}: floor {before} REMOVED" for name, before in previous.items() if name not in new.floors]
    return Baseline({**baseline.datasets, evaluation.dataset: new}), tuple(changes)
