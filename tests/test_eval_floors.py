"""The quality ratchet: warlog's scores on the shared dev sets may not fall below eval/baseline.json.

The dev sets are not in the repository (their terms forbid it): CI clones it with shared/ beside it, and
this gate reads them from ../shared/data/dev. Without them a floor is skipped, except under CI (`CI` set),
where it fails: a gate that skipped its floors would pass by itself. To raise (or, explicitly, reset) a floor:
`warlog eval acled|case FILE --check eval/baseline.json --update-floors` (PolNeAR: `warlog eval polnear
../shared/data/dev/polnear/dev ...`, all 84 articles, dataset `polnear-dev`; PLOVER: `warlog eval plover
../shared/data/dev/plover-gsr/PLOVER_GSR_CAMEO.dev.json ...`; false alarms: `warlog eval polnear-alarms
../shared/data/dev/polnear/train --limit 50 ...`, dataset `polnear-train-alarms`, whose rates are ceilings,
and `... polnear-alarms ../shared/data/dev/polnear/dev --gold eval/gold/polnear-conflict-events.tsv ...`;
denials: `warlog eval denials eval/gold/polnear-denials.tsv --polnear ../shared/data/dev/polnear ...`; actor links:
`warlog eval actor-links eval/gold/polnear-actor-links.tsv --polnear ../shared/data/dev/polnear ...`).
The claims gold files are the team's own and live in eval/gold/, so their gate never skips (`warlog eval
claims eval/gold/reference-claims.yaml --check eval/baseline.json`).
"""

import os
from collections.abc import Mapping
from pathlib import Path

import pytest

from warlog.evaluate import (
    check,
    evaluate_acled,
    evaluate_case,
    evaluate_claims,
    read_acled,
    read_baseline,
    read_case,
    read_gold,
)
from warlog.evaluate.alarms import evaluate_conflict_gold, evaluate_false_alarms, read_conflict_gold
from warlog.evaluate.denials import evaluate_denial_gold, read_denial_gold
from warlog.evaluate.links import evaluate_link_gold, read_link_gold
from warlog.evaluate.plover import evaluate_plover, read_plover
from warlog.evaluate.polnear import evaluate_polnear, read_polnear

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "eval" / "baseline.json"
DEV = ROOT.parent / "shared" / "data" / "dev"
GOLD = ROOT / "eval" / "gold"
FLOORS = read_baseline(BASELINE)
TASKS = ("acled", "case", "plover", "polnear", "polnear-alarms", "denials", "actor-links", "claims")


def test_the_baseline_has_floors():
    assert FLOORS.datasets, f"{BASELINE} holds no dataset"
    for name, entry in FLOORS.datasets.items():
        assert entry.task in TASKS and len(entry.sha256) == 64 and entry.floors, name


@pytest.mark.parametrize("name", sorted(FLOORS.datasets))
def test_no_score_below_its_floor(pipeline, name):
    entry = FLOORS.datasets[name]
    if entry.task == "claims":
        evaluation = evaluate_claims(pipeline, read_gold(GOLD / name))
        result = check(evaluation, FLOORS, source=str(BASELINE))
        assert result.ok, "\n".join(result.problems)
        return
    path = DEV / "polnear" / name.removeprefix("polnear-") if entry.task == "polnear" else DEV / name
    if entry.task == "plover":
        path = DEV / "plover-gsr" / name
    if entry.task == "polnear-alarms":  # a split ("polnear-train-alarms") or a gold file's PolNeAR (*.tsv)
        split = name.removeprefix("polnear-").removesuffix("-alarms")
        path = DEV / "polnear" if name.endswith(".tsv") else DEV / "polnear" / split
    if entry.task in ("denials", "actor-links"):  # a gold file of denials or actor links in PolNeAR articles
        path = DEV / "polnear"
    if not path.exists():
        stop_for_missing(path, os.environ)
    if entry.task == "polnear":
        evaluation = evaluate_polnear(pipeline, read_polnear(path, limit=entry.limit))
    elif entry.task == "polnear-alarms" and name.endswith(".tsv"):
        evaluation = evaluate_conflict_gold(pipeline, read_conflict_gold(GOLD / name, path))
    elif entry.task == "polnear-alarms":
        evaluation = evaluate_false_alarms(pipeline, read_polnear(path, limit=entry.limit))
    elif entry.task == "denials":
        evaluation = evaluate_denial_gold(pipeline, read_denial_gold(GOLD / name, path))
    elif entry.task == "actor-links":
        evaluation = evaluate_link_gold(pipeline, read_link_gold(GOLD / name, path))
    elif entry.task == "plover":
        evaluation = evaluate_plover(pipeline, read_plover(path, limit=entry.limit))
    elif entry.task == "acled":
        evaluation = evaluate_acled(pipeline, read_acled(path, limit=entry.limit))
    else:
        evaluation = evaluate_case(pipeline, read_case(path, limit=entry.limit))
    result = check(evaluation, FLOORS, source=str(BASELINE))
    assert result.ok, "\n".join(result.problems)


def stop_for_missing(path: Path, env: Mapping[str, str]) -> None:
    """Stop a floor whose dataset is absent: a failure under CI (`CI` set), where a skipped floor would let
    the gate pass without checking anything; a skip elsewhere (a clone without shared/)."""
    if env.get("CI"):
        pytest.fail(
            f"{path} is absent, so its floors in {BASELINE.name} cannot be checked: CI must run with shared/ "
            "beside the clone (the dev sets are not in the repository)"
        )
    pytest.skip(f"{path} is absent: clone the repository with shared/ beside it to run the quality gate")


def outcome_of_missing(path: Path, env: Mapping[str, str]) -> tuple[str, str]:
    """("failed" or "skipped", the message) of a floor whose dataset is absent; caught here, since a skip
    raised inside a test would mark that test skipped, not failed."""
    try:
        stop_for_missing(path, env)
    except pytest.fail.Exception as e:
        return "failed", str(e)
    except pytest.skip.Exception as e:
        return "skipped", str(e)
    raise AssertionError("stop_for_missing returned: a floor without its dataset would pass")


def test_a_missing_dataset_fails_under_ci(tmp_path):
    verdict, message = outcome_of_missing(tmp_path / "absent.csv", {"CI": "true"})
    assert verdict == "failed" and "absent.csv" in message and "shared/" in message


def test_a_missing_dataset_is_skipped_outside_ci(tmp_path):
    verdict, message = outcome_of_missing(tmp_path / "absent.csv", {})
    assert verdict == "skipped" and "absent.csv" in message


def test_every_claims_gold_file_has_floors():
    """A gold file in eval/gold/ without floors would never be checked."""
    names = {p.name for p in GOLD.glob("*.yaml")}
    assert names and names <= {n for n, e in FLOORS.datasets.items() if e.task == "claims"}
    polnear_gold = {p.name for p in GOLD.glob("*.tsv")}
    assert polnear_gold <= {
        n for n, e in FLOORS.datasets.items() if e.task in ("polnear-alarms", "denials", "actor-links")
    }
