"""warlog's evaluation: scores on gold sets, held to floors (quality is a ratchet).

    read_acled(path) / evaluate_acled(pipeline, dataset)   ACLED rows: types, actors, places, tolls
    read_case(path) / evaluate_case(pipeline, dataset)     CASE-2021 task 2: one label per snippet
    read_plover(path) / evaluate_plover(pipeline, dataset) PLOVER gold-standard records: type, source, target
    read_gold(path) / evaluate_claims(pipeline, gold)      a document's claims, contradictions, relations
    alarms.evaluate_false_alarms / evaluate_conflict_gold  violent events per 1,000 words of PolNeAR news
    read_baseline / check / update / write_baseline         eval/baseline.json floors, pinned by sha256

Modules, bottom-up: metrics (stdlib arithmetic), floors, aliases (ACLED actor names to KB ids, a data
pack), coding (a report's event and its ACLED/CASE labels), reports (batched analysis), acled, case,
plover, polnear, alarms, claims; cli is the `warlog eval` shell. The shared gold sets (ACLED, CASE, PLOVER,
PolNeAR) are read where they lie and never copied; the claims gold files and the conflict-events
gold (eval/gold/) are the team's own, written by hand.
"""

from warlog.evaluate.acled import evaluate_acled, read_acled
from warlog.evaluate.case import evaluate_case, read_case
from warlog.evaluate.claims import evaluate_claims, read_gold
from warlog.evaluate.floors import check, read_baseline, update, write_baseline
from warlog.evaluate.metrics import Evaluation

__all__ = [
    "Evaluation",
    "check",
    "evaluate_acled",
    "evaluate_case",
    "evaluate_claims",
    "read_acled",
    "read_baseline",
    "read_case",
    "read_gold",
    "update",
    "write_baseline",
]
