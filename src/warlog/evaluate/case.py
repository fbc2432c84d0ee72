"""`warlog eval case`: CASE-2021 shared task 2, one event type per news snippet.

The file is a TSV with the columns id, EventSnippet and SubType (ACLED sub-event types as codes,
plus DIPLO, ATTRIB, NATURAL_DISASTER, MAN_MADE_DISASTER, ORG_CRIME and OTHER). Each snippet is
analyzed without a publication date; its label is `coding.case_label` of the event
`coding.choose_event` picks: the event's ("case", LABEL) code, else its ACLED sub-event type's label.
A happening (a disaster, an accident, a crime) with no violence labels a snippet NATURAL_DISASTER,
MAN_MADE_DISASTER or ORG_CRIME, a claim of responsibility ATTRIB, a sanction or a request DIPLO (see
`coding.case_label`); a happening counts as coverage. A snippet with no event, or one that fails validation,
is labelled OTHER (a fixed label, not the most
frequent class of the gold, which the prediction must not see).

Metrics: accuracy, weighted F1 (the shared task's ranking measure), macro F1, and coverage (snippets
with an event). The best system of the shared task reached 0.839 weighted F1 (ANCHOR).
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from pathlib import Path

from warlog.errors import InputError
from warlog.evaluate.coding import case_label, choose_event
from warlog.evaluate.floors import file_sha256
from warlog.evaluate.metrics import Evaluation, Tally, accuracy, class_scores, macro_f1, weighted_f1
from warlog.evaluate.reports import analyze
from warlog.pipeline import Pipeline

COLUMNS = ("id", "EventSnippet", "SubType")
ANCHOR = "best system at CASE-2021: 0.839 weighted F1"


@dataclass(frozen=True, slots=True)
class CaseSnippet:
    """One labelled snippet."""

    id: str
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class CaseDataset:
    """The labelled snippets among the first `limit` rows of a CASE task-2 file (all rows without a limit)."""

    name: str
    sha256: str
    snippets: tuple[CaseSnippet, ...]
    limit: int | None


def read_case(path: Path, *, limit: int | None = None) -> CaseDataset:
    """Read a CASE-2021 task-2 TSV.

    Raises:
        InputError: the file cannot be read or lacks the columns id, EventSnippet, SubType.
    """
    path = Path(path)
    snippets: list[CaseSnippet] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(f"{path} is not a CASE-2021 task-2 file: it lacks the column(s) {', '.join(missing)}")
            for line, record in enumerate(reader, start=1):
                if limit is not None and line > limit:
                    break
                text, label = (record["EventSnippet"] or "").strip(), (record["SubType"] or "").strip()
                if text and label:
                    snippets.append(CaseSnippet(record["id"], text, label.upper()))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise InputError(f"cannot read {path} as a CASE-2021 task-2 TSV: {e}") from e
    return CaseDataset(path.name, file_sha256(path), tuple(snippets), limit)


def evaluate_case(pipeline: Pipeline, dataset: CaseDataset) -> Evaluation:
    """Label every snippet and score the labels (see the module docstring)."""
    gold = [s.label for s in dataset.snippets]
    predicted: list[str] = []
    coverage = Tally()
    failures = 0
    for report in analyze(pipeline, ((s.text, None) for s in dataset.snippets)):
        failures += report is None
        event = choose_event(report) if report is not None else None
        coverage.add(event is not None or (report is not None and bool(report.happenings)))
        predicted.append(case_label(event, report))
    metrics = {
        "accuracy": accuracy(gold, predicted),
        "weighted_f1": weighted_f1(gold, predicted),
        "macro_f1": macro_f1(gold, predicted),
        "coverage": coverage.value,
    }
    counts = dict.fromkeys(metrics, len(gold))
    details = {
        "failures": failures,
        "anchor": ANCHOR,
        "per_class": [asdict(score) for score in class_scores(gold, predicted)],
    }
    return Evaluation("case", dataset.name, dataset.sha256, dataset.limit, len(gold), metrics, counts, details)
