"""`warlog eval plover`: the main event's PLOVER type, source and target on the PLOVER gold-standard records.

The PLOVER gold-standard records (PLOVER_GSR_CAMEO, Open Event Data Alliance, CC BY-SA 4.0) are a JSON
list. Each record is one sentence (`text`) with one gold event: `event` (a PLOVER 0.5 type), `mode`
(optional), and `source` and `target`, each a list of actors (`actorText`, a CAMEO `code`) or empty. A
record whose `event` is DOCUMENT is the file's own documentation: it is skipped and not counted. PLOVER
0.5 names are mapped to PLOVER 2.0, the types warlog codes: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE (the other twelve are unchanged). `--limit N` takes the first N
scored records. The data is read where it lies and never copied.

Each sentence is analyzed alone, with `published` = the record's date. Its main event is the one
`coding.choose_event` picks, without looking at the gold (as for ACLED and CASE). Metrics, each over
the sentences it applies to (`counts`):

    coverage      sentences where warlog finds at least one event (the no-event rate, 1 - coverage,
                  is in the details)
    type          the main event's PLOVER type equals the gold type
    type_any      some event of the sentence has the gold type
    source        over sentences whose gold source is found in the text: one of the main event's
                  actors has a mention overlapping a gold source's `actorText` (its first occurrence,
                  case ignored). A compound source ("Hungarian and Romanian officials") is matched by
                  either of its actors.
    target        the same for the gold target against the main event's recipients

The comparison of actors is by text, not by CAMEO code: the gold codes are CAMEO's (country + sector,
"ISRMIL"), warlog's actors are knowledge-base ids, and a mention overlap asks the fairer question (did
warlog put the gold's actor in that role?) without a code table. Modes are PLOVER 0.5's ("demo-org",
"strike-hun") and warlog's are PLOVER 2.0's, so the mode agreement where the gold has one is reported
in the details, without a floor. `details["per_class"]` has precision and recall per gold type (a
sentence without an event is predicted NONE).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from warlog.errors import InputError
from warlog.evaluate.coding import choose_event
from warlog.evaluate.floors import file_sha256
from warlog.evaluate.metrics import Evaluation, Tally, class_scores, tallies_to_scores
from warlog.evaluate.reports import analyze
from warlog.model import Event, Report
from warlog.pipeline import Pipeline

ATTRIBUTION = (
    "PLOVER gold-standard records (PLOVER_GSR_CAMEO 0.5b1), (c) 2016 Open Event Data Alliance, CC BY-SA 4.0; "
    "scored where they lie, never copied"
)
PLOVER_05_TO_2: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}
DOCUMENT = "DOCUMENT"
NO_EVENT = "NONE"  # the predicted type of a sentence without an event


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One gold sentence: its event type (PLOVER 2.0), the 0.5 type as written, mode and actor texts."""

    position: int  # 0-based among the scored records (ids are not unique in the full file)
    id: str
    text: str
    published: str | None
    type: str
    original_type: str
    mode: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PloverDataset:
    """The scored records among the first `limit` (all without a limit) of a PLOVER GSR file."""

    name: str
    sha256: str
    records: tuple[PloverRecord, ...]
    limit: int | None


def read_plover(path: Path, *, limit: int | None = None) -> PloverDataset:
    """Read a PLOVER gold-standard JSON file (a list of records).

    Raises:
        InputError: the file cannot be read, is not JSON, or holds a record without `event` or `text`.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read {path}: {e}") from e
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{e.lineno}: not JSON: {e.msg}") from e
    if not isinstance(data, list):
        raise InputError(f"{path} is not a PLOVER gold-standard file: it must be a JSON list of records")
    records: list[PloverRecord] = []
    for index, item in enumerate(data):
        if limit is not None and len(records) >= limit:
            break
        record = _record(path, index, item, len(records))
        if record is not None:
            records.append(record)
    return PloverDataset(path.name, file_sha256(path), tuple(records), limit)


def evaluate_plover(pipeline: Pipeline, dataset: PloverDataset) -> Evaluation:
    """Code every sentence and score its main event (see the module docstring)."""
    tallies = {name: Tally() for name in ("coverage", "type", "type_any", "source", "target")}
    mode = Tally()
    failures = 0
    gold_types: list[str] = []
    predicted: list[str] = []
    for record, report in zip(dataset.records, analyze(pipeline, ((r.text, r.published) for r in dataset.records)),
                              strict=True):  # fmt: skip
        failures += report is None
        event = choose_event(report) if report is not None else None
        tallies["coverage"].add(event is not None)
        tallies["type"].add(event is not None and event.type == record.type)
        tallies["type_any"].add(report is not None and any(e.type == record.type for e in report.events))
        gold_types.append(record.type)
        predicted.append(event.type if event is not None else NO_EVENT)
        for role, names in (("source", record.sources), ("target", record.targets)):
            spans = _spans(record.text, names)
            if spans:
                tallies[role].add(event is not None and report is not None and _matches(event, report, role, spans))
        if record.mode:
            mode.add(event is not None and event.type == record.type and event.mode == record.mode)
    metrics, counts = tallies_to_scores(tallies.items())
    details: dict[str, Any] = {
        "failures": failures,
        "no_event_rate": round(1.0 - metrics["coverage"], 4) if dataset.records else 0.0,
        "mode_where_gold_has_one": f"{mode.hits}/{mode.total}",
        "gold_types_0.5": dict(sorted(Counter(r.original_type for r in dataset.records).items())),
        "per_class": [asdict(score) for score in class_scores(gold_types, predicted)],
        "attribution": ATTRIBUTION,
    }
    return Evaluation("plover", dataset.name, dataset.sha256, dataset.limit, len(dataset.records), metrics, counts,
                      details)  # fmt: skip


def _record(path: Path, index: int, item: object, position: int) -> PloverRecord | None:
    where = f"{path}: record {index}"
    if not isinstance(item, dict) or not isinstance(item.get("event"), str) or not item["event"].strip():
        raise InputError(f"{where} is not a PLOVER record: it needs an `event` (a PLOVER type)")
    original = item["event"].strip().upper()
    if original == DOCUMENT:
        return None
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where} ({item.get('id', 'no id')}): no `text` to code")
    mode = item.get("mode")
    return PloverRecord(
        position=position,
        id=str(item.get("id", "")),
        text=text,
        published=_date(item.get("date")),
        type=PLOVER_05_TO_2.get(original, original),
        original_type=original,
        mode=mode.strip() if isinstance(mode, str) and mode.strip() else None,
        sources=_actor_texts(where, item.get("source")),
        targets=_actor_texts(where, item.get("target")),
    )


def _actor_texts(where: str, value: object) -> tuple[str, ...]:
    """The `actorText`s of a source or target: a list of actors; "" or null when there is none."""
    if value is None or isinstance(value, str):
        return ()
    if not isinstance(value, list) or not all(isinstance(a, dict) for a in value):
        raise InputError(f"{where}: a source or target must be a list of actors (actorText, code)")
    return tuple(str(a["actorText"]).strip() for a in value if str(a.get("actorText") or "").strip())


def _date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _spans(text: str, names: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Where each gold actor text first occurs in the sentence (case ignored); those not found are left out."""
    folded = text.casefold()
    spans = []
    for name in names:
        start = folded.find(name.casefold())
        if start >= 0:
            spans.append((start, start + len(name)))
    return tuple(spans)


def _matches(event: Event, report: Report, role: str, spans: Sequence[tuple[int, int]]) -> bool:
    """An actor of the event in this role (actors for source, recipients for target) has a mention that
    overlaps one of the gold spans."""
    for actor_id in event.actors if role == "source" else event.recipients:
        actor = report.actor(actor_id)
        mentions = actor.mentions if actor is not None else ()
        if any(m.start < end and start < m.end for m in mentions for start, end in spans):
            return True
    return False
