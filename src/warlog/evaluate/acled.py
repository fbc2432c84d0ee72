"""`warlog eval acled`: score warlog against ACLED rows, running it on each row's `notes`.

Reads both ACLED export schemas: the current one (31 columns, `event_date` like `9-May-20`,
`sub_event_type`) and the pre-2019 one (ISO `event_date`, old event types such as "Remote violence",
`ally_actor_*`, no `sub_event_type`). The data stays where it is: nothing of it is written anywhere.

Each row's notes are analyzed with `published` = its event date; rows without notes are skipped, and
notes that fail validation (too short, not English) count as misses and as failures. The row's event
is chosen by `coding.choose_event` (without looking at the gold). Metrics, each over the rows it
applies to (`counts`):

    coverage               rows where warlog finds at least one event
    event_type             the chosen event's ACLED event type (current schema)
    event_type_any         any event of the report has the row's event type
    sub_event_type         the chosen event's sub-event type (current schema)
    old_event_type(_any)   the same against the 2016 types, through `coding.old_event_type`
    actor1_mapped          actor1 names the alias table maps to knowledge-base ids (likewise actor2)
    actor1_exact           over mapped actor1: one of its ids is the chosen event's actor1 or one of its
                           assoc_actor_1, as the ACLED export codes them (warlog.events.acled_actors: the
                           event's actors, with a crowd of unarmed people named Protesters/Rioters (X))
    actor1_lenient         ... or an ancestor or descendant of one in the knowledge base
    actor1_in_report       ... leniently, among all the report's actors (the linker alone)
    actor2_*               the same for actor2 against actor2 and assoc_actor_2 (the event's recipients,
                           with the victims of violence against civilians named Civilians (X))
    location_25km          the chosen event's place lies within 25 km of the row's coordinates
    location_any_25km      any place of the report does
    place_wrong_country    over rows with coordinates: some place of the report lies in a country that is
                           neither the row's nor one the notes name (a country, or an actor of one); the
                           share of rows where a homonym abroad was chosen (lower is better: a ceiling)
    fatalities_exact       over rows whose notes state a number near a casualty word: the event's
                           toll (its minimum; no toll reads 0) equals the row's fatalities

Rows whose notes say the count was "coded as" (ACLED's 10 for unknown, or 0 where a claim was not
believed) are scored apart, in `details["fatalities_coded"]`, and hold no floor: there the gold departs
from the text on purpose, so a better reading of the text can lower that score.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from warlog.actors.kb import KnowledgeBase
from warlog.errors import InputError
from warlog.evaluate.aliases import AliasTable
from warlog.evaluate.coding import acled_coding, choose_event, label_key, old_event_type
from warlog.evaluate.floors import file_sha256
from warlog.evaluate.metrics import Evaluation, Tally, haversine_km, tallies_to_scores
from warlog.evaluate.reports import analyze
from warlog.events.acled_actors import AcledActors, code_acled_actors
from warlog.model import Actor, Event, Report
from warlog.pipeline import Pipeline

ATTRIBUTION = (
    "ACLED data (acleddata.com), scored where it lies, never copied; cite Raleigh, Linke, Hegre & Karlsen (2010), "
    "Introducing ACLED, Journal of Peace Research 47(5)"
)
REQUIRED = ("event_date", "event_type", "actor1", "actor2", "notes", "fatalities", "latitude", "longitude")
RADIUS_KM = 25.0
_DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%y", "%d-%B-%y", "%d %B %Y", "%d-%b-%Y", "%d/%m/%Y")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATES = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}\b|\b(?:19|20)\d\d\b", re.I)
_NUMBER = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|hundreds|dozen|dozens|thousands?)$"
)
_CASUALTY = re.compile(
    r"^(?:kill(?:ed|ing|s)?|dead|died|dies|death|deaths|fatalit(?:y|ies)|bod(?:y|ies)|corpses?|murder(?:ed|s)?|"
    r"wounded|wounding|injur(?:ed|ies|y|ing)|casualt(?:y|ies)|lives)$"
)
_CODED = re.compile(r"coded as \d+|fatalities (?:are |were )?coded", re.I)
NEAR = 5  # words between a number and a casualty word


@dataclass(frozen=True, slots=True)
class AcledRow:
    """One ACLED row, as far as the evaluation reads it."""

    line: int  # 1-based data row number in the file
    event_date: str | None  # ISO
    event_type: str
    sub_event_type: str | None  # None in the 2016 schema
    actor1: str
    actor2: str
    country: str | None
    latitude: float | None
    longitude: float | None
    notes: str
    fatalities: int | None


@dataclass(frozen=True, slots=True)
class AcledDataset:
    """The rows of an ACLED file that have notes, the first `limit` rows of it at most."""

    name: str
    sha256: str
    schema: str  # "2020" (with sub_event_type) or "2016"
    rows: tuple[AcledRow, ...]
    skipped: int  # rows without notes
    limit: int | None


def read_acled(path: Path, *, limit: int | None = None) -> AcledDataset:
    """Read an ACLED CSV export, either schema.

    Raises:
        InputError: the file cannot be read or lacks a column the evaluation needs.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            missing = [c for c in REQUIRED if c not in columns]
            if missing:
                raise InputError(
                    f"{path} is not an ACLED export: it lacks the column(s) {', '.join(missing)} "
                    f"(needed: {', '.join(REQUIRED)})"
                )
            rows, skipped = _rows(reader, limit)
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise InputError(f"cannot read {path} as an ACLED CSV export: {e}") from e
    schema = "2020" if "sub_event_type" in columns else "2016"
    return AcledDataset(path.name, file_sha256(path), schema, tuple(rows), skipped, limit)


def _rows(reader: csv.DictReader, limit: int | None) -> tuple[list[AcledRow], int]:
    rows: list[AcledRow] = []
    skipped = 0
    for line, record in enumerate(reader, start=1):
        if limit is not None and line > limit:
            break
        notes = (record.get("notes") or "").strip()
        if not notes:
            skipped += 1
            continue
        rows.append(
            AcledRow(
                line=line,
                event_date=parse_acled_date(record.get("event_date") or ""),
                event_type=(record.get("event_type") or "").strip(),
                sub_event_type=(record.get("sub_event_type") or "").strip() or None,
                actor1=(record.get("actor1") or "").strip(),
                actor2=(record.get("actor2") or "").strip(),
                country=(record.get("country") or "").strip() or None,
                latitude=_number(record.get("latitude")),
                longitude=_number(record.get("longitude")),
                notes=notes,
                fatalities=_integer(record.get("fatalities")),
            )
        )
    return rows, skipped


def parse_acled_date(value: str) -> str | None:
    """An ACLED event date ("9-May-20", "2016-07-02", "09 May 2020") as ISO, or None."""
    value = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _integer(value: str | None) -> int | None:
    number = _number(value)
    return int(number) if number is not None else None


def states_number(notes: str) -> bool:
    """Whether the notes state a count near a casualty word ("3 people were killed", "two dead")."""
    words = re.findall(r"[a-z]+|\d+", _DATES.sub(" ", notes.lower()))
    numbers = [i for i, w in enumerate(words) if _NUMBER.match(w)]
    casualties = [i for i, w in enumerate(words) if _CASUALTY.match(w)]
    return any(abs(i - j) <= NEAR for i in numbers for j in casualties)


def fatalities_coded(notes: str) -> bool:
    """Whether the notes say the count was coded by convention ("fatalities coded as 10")."""
    return _CODED.search(notes) is not None


def foreign_places(report: Report | None, country: str | None) -> list[str]:
    """The ids of the report's places in a country that is neither `country` (the row's, ISO alpha-3) nor
    one the text names: a country among its places, or the country of one of its actors."""
    if report is None or country is None:
        return []
    named = {country.lower()}
    named.update(p.country.lower() for p in report.places if p.feature == "country" and p.country)
    named.update(a.country.lower() for a in report.actors if a.country and not _placed_people(a))
    return [p.id for p in report.places if p.country and p.country.lower() not in named]


def _placed_people(actor: Actor) -> bool:
    """Unnamed people that warlog put in a country because of where an event happened (events.parties):
    they do not name the country, the places do."""
    return bool(actor.mentions) and all((m.rule or "").startswith(PEOPLE_RULE) for m in actor.mentions)


PEOPLE_RULE = "people@"


def evaluate_acled(pipeline: Pipeline, dataset: AcledDataset, *, aliases: AliasTable | None = None) -> Evaluation:
    """Run warlog on every row's notes and score it against the row (see the module docstring)."""
    aliases = aliases or AliasTable.load(pipeline.kb)
    scorer = _Scorer(aliases, dataset.schema)
    failures = 0
    for row, report in zip(dataset.rows, _reports(pipeline, dataset.rows), strict=True):
        failures += report is None
        scorer.score(row, report)
    metrics, counts = tallies_to_scores(scorer.tallies())
    details = {
        "schema": dataset.schema,
        "failures": failures,
        "skipped_no_notes": dataset.skipped,
        "acled_coded": scorer.coded.value,
        "fatalities_coded": scorer.coded_fatalities.value,
        "fatalities_coded_rows": scorer.coded_fatalities.total,
        "alias_pack": aliases.version,
        "unmapped_actors": scorer.unmapped.most_common(10),
        "attribution": ATTRIBUTION,
    }
    return Evaluation("acled", dataset.name, dataset.sha256, dataset.limit, len(dataset.rows), metrics, counts, details)


def _reports(pipeline: Pipeline, rows: Sequence[AcledRow]) -> Iterator[Report | None]:
    return analyze(pipeline, ((row.notes, row.event_date) for row in rows))


class _Scorer:
    """The tallies of one ACLED run, fed one (row, report) at a time."""

    def __init__(self, aliases: AliasTable, schema: str) -> None:
        self.aliases = aliases
        self.kb: KnowledgeBase = aliases.kb
        self.schema = schema
        self.coded = Tally()
        self.coded_fatalities = Tally()  # scored apart: see the module docstring
        self.unmapped: Counter[str] = Counter()
        self._ancestors: dict[str, frozenset[str]] = {}
        names = ["coverage"]
        names += ["event_type", "event_type_any", "sub_event_type"] if schema == "2020" else []
        names += ["old_event_type", "old_event_type_any"] if schema == "2016" else []
        for role in ("actor1", "actor2"):
            names += [f"{role}_{kind}" for kind in ("mapped", "exact", "lenient", "in_report")]
        names += ["location_25km", "location_any_25km", "place_wrong_country", "fatalities_exact"]
        self._tallies = {name: Tally() for name in names}

    def tallies(self) -> list[tuple[str, Tally]]:
        return list(self._tallies.items())

    def score(self, row: AcledRow, report: Report | None) -> None:
        event = choose_event(report) if report is not None else None
        self._tallies["coverage"].add(event is not None)
        if event is not None:
            codes = dict(event.codes)
            self.coded.add("acled_event_type" in codes or "acled_sub_event_type" in codes)
        self._score_types(row, report, event)
        coded = code_acled_actors(report, event, *acled_coding(event, report)) if event and report else AcledActors()
        self._score_actor(row.actor1, row, report, coded.side1, "actor1")
        self._score_actor(row.actor2, row, report, coded.side2, "actor2")
        self._score_location(row, report, event)
        self._score_fatalities(row, event)

    def _score_types(self, row: AcledRow, report: Report | None, event: Event | None) -> None:
        events = report.events if report is not None else ()
        codings = [acled_coding(e, report) for e in events] if report is not None else []
        chosen = acled_coding(event, report) if event is not None and report is not None else (None, None)
        gold_type = label_key(row.event_type)
        if gold_type is None:
            return
        if self.schema == "2020":
            self._tallies["event_type"].add(label_key(chosen[0]) == gold_type)
            self._tallies["event_type_any"].add(any(label_key(c[0]) == gold_type for c in codings))
            if row.sub_event_type:
                self._tallies["sub_event_type"].add(label_key(chosen[1]) == label_key(row.sub_event_type))
        else:
            old = label_key(old_event_type(*chosen))
            self._tallies["old_event_type"].add(old == gold_type)
            any_old = any(label_key(old_event_type(*c)) == gold_type for c in codings)
            self._tallies["old_event_type_any"].add(any_old)

    def _score_actor(self, name: str, row: AcledRow, report: Report | None, found: Sequence[str], role: str) -> None:
        if not name:
            return
        gold = self.aliases.resolve(name, country=row.country)
        self._tallies[f"{role}_mapped"].add(bool(gold))
        if not gold:
            self.unmapped[name] += 1
            return
        in_report = [a.id for a in report.actors] if report is not None else []
        self._tallies[f"{role}_exact"].add(any(g in found for g in gold))
        self._tallies[f"{role}_lenient"].add(any(self._related(g, a) for g in gold for a in found))
        self._tallies[f"{role}_in_report"].add(any(self._related(g, a) for g in gold for a in in_report))

    def _related(self, one: str, other: str) -> bool:
        return one == other or one in self._lineage(other) or other in self._lineage(one)

    def _lineage(self, actor_id: str) -> frozenset[str]:
        if actor_id not in self._ancestors:
            self._ancestors[actor_id] = frozenset(self.kb.ancestors(actor_id))
        return self._ancestors[actor_id]

    def _score_location(self, row: AcledRow, report: Report | None, event: Event | None) -> None:
        lat, lon = row.latitude, row.longitude
        if lat is None or lon is None:
            return
        known = report.places if report else ()
        places = {p.id: (p.lat, p.lon) for p in known if p.lat is not None and p.lon is not None}

        def near(place_id: str | None) -> bool:
            place = places.get(place_id) if place_id else None
            return place is not None and haversine_km(lat, lon, *place) <= RADIUS_KM

        self._tallies["location_25km"].add(event is not None and near(event.place))
        self._tallies["location_any_25km"].add(any(near(place_id) for place_id in places))
        self._tallies["place_wrong_country"].add(bool(foreign_places(report, self.aliases.iso3(row.country))))

    def _score_fatalities(self, row: AcledRow, event: Event | None) -> None:
        if row.fatalities is None:
            return
        toll = event.fatalities if event is not None else None
        predicted = (toll.min if toll.min is not None else toll.max) if toll is not None else None
        hit = (predicted or 0) == row.fatalities
        if fatalities_coded(row.notes):
            self.coded_fatalities.add(hit)
        elif states_number(row.notes):
            self._tallies["fatalities_exact"].add(hit)
