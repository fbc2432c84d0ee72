"""The report model: JSON round trips, the packaged JSON Schema, and the offsets invariant."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from warlog.model import (
    ACTOR_KINDS,
    EVENT_STATUSES,
    HAPPENING_KINDS,
    POLARITIES,
    STANCES,
    Actor,
    Claim,
    Contradiction,
    Document,
    Event,
    Evidence,
    Happening,
    ImpliedClaim,
    Place,
    Relation,
    Report,
    Toll,
    When,
    report_schema,
)

SCHEMA = report_schema()
VALIDATOR = Draft202012Validator(SCHEMA)
CONTRADICTION_KINDS = ("perpetrator", "recipient", "place", "date", "toll", "occurrence")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "ACCUSE", "THREATEN", "COERCE", "ASSAULT")

TEXT = (
    "Russian jets struck rebel positions near Kuweires airbase on Oct. 24, killing at least 12 fighters, "
    "wounding dozens and capturing three, "
    'the Syrian Observatory said. "We hit only terrorists," Moscow said. Gen. Hamedani was killed in Aleppo.'
)


def span(text: str, words: str, *, rule: str | None = None, confidence: float = 1.0, nth: int = 0) -> Evidence:
    """Evidence for the nth occurrence of `words` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Evidence(start, start + len(words), words, rule, confidence)


def full_report() -> Report:
    """A hand-built report that sets every field of every type at least once."""
    document = Document(
        id="d_c00ed4ead730b4ef",
        text=TEXT,
        title="Jets strike near Aleppo",
        author="A. Writer",
        source="Example News",
        url="https://example.org/a",
        published="2015-10-25",
        language="en",
    )
    strike = Event(
        id="e1",
        type="ASSAULT",
        mode="aerial",
        actors=("rus",),
        recipients=("syr.rebels",),
        place="syr.kuweires-airbase",
        date=When(value="2015-10-24", precision="day", text="Oct. 24"),
        fatalities=Toll(min=12, max=None, text="at least 12 fighters"),
        wounded=Toll(min=24, max=None, text="dozens"),
        captured=Toll(min=3, max=3, text="three"),
        status="reported",
        speaker="new.syrian-observatory",
        codes=(("acled", "Air/drone strike"), ("cameo", "195")),
        evidence=span(
            TEXT, "Russian jets struck rebel positions near Kuweires airbase", rule="event@1", confidence=0.8
        ),
        also=(span(TEXT, "We hit only terrorists", rule="event@1", confidence=0.6),),
        confidence=0.8,
    )
    killing = Event(id="e2", type="ASSAULT", evidence=span(TEXT, "Gen. Hamedani was killed in Aleppo"))
    return Report(
        version="0.1.0",
        document=document,
        actors=(
            Actor(
                id="rus",
                name="Russia",
                kind="state",
                country="RUS",
                aliases=("Russian", "Moscow"),
                mentions=(
                    span(TEXT, "Russian", rule="demonym@1", confidence=0.85),
                    span(TEXT, "Moscow", rule="metonym@1", confidence=0.9),
                ),
            ),
            Actor(
                id="new.hamedani",
                name="Hamedani",
                kind="person",
                parents=("irn.irgc",),
                mentions=(span(TEXT, "Gen. Hamedani", rule="ner@1", confidence=0.8),),
                origin="ner",
            ),
            Actor(id="irn.irgc", name="Islamic Revolutionary Guard Corps", kind="military", country="IRN"),
        ),
        places=(
            Place(
                id="syr.kuweires-airbase",
                name="Kuweires airbase",
                country="SYR",
                lat=36.1869,
                lon=37.5833,
                feature="airbase",
                precision=2,
                mentions=(span(TEXT, "Kuweires airbase", rule="place@1"),),
            ),
            Place(
                id="place.aleppo",
                name="Aleppo",
                mentions=(span(TEXT, "Aleppo", rule="place@1", confidence=0.6),),
            ),
        ),
        events=(strike, killing),
        claims=(
            Claim(
                id="c1",
                text="We hit only terrorists",
                evidence=span(TEXT, '"We hit only terrorists," Moscow said'),
                speaker="rus",
                speaker_text="Moscow",
                cue="said",
                direct=True,
                hedged=True,
                author_stance="doubts",
                events=("e1",),
                source_kind="named",
                co_speakers=("syr",),
                speaker_evidence=span(TEXT, "Moscow"),
                cue_evidence=span(TEXT, "said"),
                outlet="The Daily Beast",
                work="A Book",
                hedges=(span(TEXT, "said"),),
                stance_evidence=span(TEXT, "Moscow"),
            ),
        ),
        contradictions=(
            Contradiction(id="x1", kind="recipient", items=("e1", "c1"), explanation="Fighters or terrorists."),
            Contradiction(
                id="x2",
                kind="occurrence",
                items=("c1",),
                explanation="Moscow denies what only its denial tells.",
                implied=ImpliedClaim(
                    text="hit only terrorists",
                    evidence=span(TEXT, "hit only terrorists", rule="denial@1"),
                    speaker="rus",
                    speaker_text="Moscow",
                    speaker_evidence=span(TEXT, "Moscow"),
                ),
            ),
        ),
        relations=(
            Relation(source="rus", target="syr.rebels", polarity="hostile", weight=2.0, events=("e1",)),
            Relation(source="new.hamedani", target="irn.irgc", polarity="affiliation"),
        ),
        provenance=(("actors", "warlog-actors@1"), ("model", "en_core_web_sm@3.8.0"), ("warlog", "0.1.0")),
        happenings=(
            Happening(
                id="h1",
                kind="man_made_disaster",
                evidence=span(TEXT, "Hamedani was killed"),
                place="syr.aleppo",
                date=When(value="2015-10-24", precision="day", text="Oct. 24"),
                fatalities=Toll(min=1, max=1, text="Hamedani"),
                wounded=Toll(min=None, max=None, text=None),
            ),
        ),
    )


def evidences(report: Report) -> Iterator[Evidence]:
    """Every Evidence in the report."""
    for actor in report.actors:
        yield from actor.mentions
    for place in report.places:
        yield from place.mentions
    for event in report.events:
        yield event.evidence
        yield from event.also
    for happening in report.happenings:
        yield happening.evidence
    for claim in report.claims:
        yield claim.evidence


def assert_offsets(report: Report) -> None:
    text = report.document.text
    for evidence in evidences(report):
        assert 0 <= evidence.start < evidence.end <= len(text)
        assert text[evidence.start : evidence.end] == evidence.text


def assert_valid(data: dict[str, Any]) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert not errors, errors


def walk_objects(schema: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object with `properties`, and its path (not the conditions of an if/then, which
    constrain an object defined around them)."""
    if isinstance(schema, dict):
        if "properties" in schema:
            yield path, schema
        for key, value in schema.items():
            if key not in ("if", "then"):
                yield from walk_objects(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from walk_objects(value, f"{path}/{i}")


# -- the schema itself -------------------------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_report_schema_returns_a_fresh_copy() -> None:
    schema = report_schema()
    schema["properties"].clear()
    assert report_schema() == SCHEMA


def test_every_object_is_closed_and_every_field_described() -> None:
    for path, node in walk_objects(SCHEMA):
        assert node.get("additionalProperties") is False, path
        for name, prop in node["properties"].items():
            assert prop.get("description"), f"{path}/properties/{name} has no description"


@pytest.mark.parametrize(
    ("definition", "sample"),
    [
        ("document", Document(id="d", text="t")),
        ("actor", Actor(id="a", name="A", kind="other")),
        ("place", Place(id="p", name="P")),
        ("evidence", Evidence(0, 1, "t", "alias@1")),
        ("when", When(None, None, None)),
        ("toll", Toll(None, None, None)),
        ("event", Event(id="e", type="AID", evidence=Evidence(0, 1, "t"))),
        ("happening", Happening(id="h", kind="crime", evidence=Evidence(0, 1, "t"))),
        ("claim", Claim(id="c", text="t", evidence=Evidence(0, 1, "t"))),
        ("contradiction", Contradiction(id="x", kind="date", items=("a", "b"), explanation="e")),
        ("implied_claim", ImpliedClaim(text="t", evidence=Evidence(0, 1, "t"))),
        ("relation", Relation(source="a", target="b", polarity="hostile")),
    ],
)
def test_schema_fields_are_the_model_fields(definition: str, sample: Any) -> None:
    node = SCHEMA["$defs"][definition]
    assert set(node["properties"]) == set(sample.to_dict())
    optional: set[str] = set()
    assert set(node["required"]) == set(node["properties"]) - optional


def test_report_keys_are_the_model_keys() -> None:
    keys = set(Report(version="0", document=Document(id="d", text="t")).to_dict())
    assert set(SCHEMA["properties"]) == keys == set(SCHEMA["required"])


@pytest.mark.parametrize(
    ("definition", "field", "values"),
    [
        ("actor", "kind", ACTOR_KINDS),
        ("event", "status", EVENT_STATUSES),
        ("happening", "kind", HAPPENING_KINDS),
        ("claim", "author_stance", STANCES),
        ("relation", "polarity", POLARITIES),
        ("contradiction", "kind", CONTRADICTION_KINDS),
    ],
)
def test_schema_enums_are_the_model_enums(definition: str, field: str, values: tuple[str, ...]) -> None:
    assert tuple(SCHEMA["$defs"][definition]["properties"][field]["enum"]) == values


# -- a hand-built report -----------------------------------------------------------------------------------


def test_full_report_validates() -> None:
    assert_valid(full_report().to_dict())


def test_full_report_keeps_its_offsets() -> None:
    assert_offsets(full_report())


def test_full_report_round_trips() -> None:
    report = full_report()
    assert Report.from_dict(report.to_dict()) == report
    assert Report.from_dict(json.loads(json.dumps(report.to_dict()))) == report


def test_killed_wounded_and_captured_are_kept_apart() -> None:
    event = Event(
        id="e",
        type="ASSAULT",
        evidence=Evidence(0, 1, "t"),
        fatalities=Toll(2, 2, "two killed"),
        wounded=Toll(5, None, "at least five wounded"),
        captured=Toll(0, 0, "no one detained"),
    )
    data = event.to_dict()
    assert (data["fatalities"]["min"], data["wounded"]["min"], data["captured"]["min"]) == (2, 5, 0)
    assert Event.from_dict(data) == event
    bare = Event(id="e", type="ASSAULT", evidence=Evidence(0, 1, "t")).to_dict()
    assert bare["wounded"] is None and bare["captured"] is None
    # A report written before the two fields existed reads back with neither.
    del bare["wounded"], bare["captured"]
    assert Event.from_dict(bare).wounded is None and Event.from_dict(bare).captured is None


def test_minimal_report_validates_and_round_trips() -> None:
    report = Report(version="0.1.0", document=Document(id="d_0", text="Nothing happened."))
    assert_valid(report.to_dict())
    assert Report.from_dict(json.loads(json.dumps(report.to_dict()))) == report


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value
    return data


INVALID = {
    "actor kind not in ACTOR_KINDS": (("actors", 0, "kind"), "warlord"),
    "event status not in EVENT_STATUSES": (("events", 0, "status"), "rumoured"),
    "stance not in STANCES": (("claims", 0, "author_stance"), "agrees"),
    "polarity not in POLARITIES": (("relations", 0, "polarity"), "neutral"),
    "contradiction kind": (("contradictions", 0, "kind"), "weather"),
    "one contradicting item": (("contradictions", 0, "items"), ["e1"]),
    "no contradicting item beside an implied claim": (("contradictions", 1, "items"), []),
    "empty string for absent": (("document", "title"), ""),
    "published not a date": (("document", "published"), "24 October 2015"),
    "lowercase country": (("places", 0, "country"), "syr"),
    "latitude out of range": (("places", 0, "lat"), 91.0),
    "geo-precision 4": (("places", 0, "precision"), 4),
    "negative offset": (("actors", 0, "mentions", 0, "start"), -1),
    "confidence above 1": (("events", 0, "confidence"), 1.5),
    "rule without version": (("actors", 0, "mentions", 0, "rule"), "alias"),
    "negative toll": (("events", 0, "fatalities", "min"), -3),
    "negative wounded": (("events", 0, "wounded", "max"), -1),
    "captured not a toll": (("events", 0, "captured"), 3),
    "time precision": (("events", 0, "date", "precision"), "week"),
    "non-string code": (("events", 0, "codes", "cameo"), 195),
    "non-string provenance": (("provenance", "warlog"), None),
    "unknown key": (("actors", 0, "nickname"), "Ivan"),
}


@pytest.mark.parametrize("change", INVALID.values(), ids=INVALID.keys())
def test_invalid_report_fails_validation(change: tuple[tuple[Any, ...], Any]) -> None:
    data = full_report().to_dict()
    path, value = change
    _set(data, path, value)
    assert not VALIDATOR.is_valid(data)


@pytest.mark.parametrize(
    "path",
    [
        ("provenance",),
        ("document", "text"),
        ("document", "language"),
        ("actors", 0, "mentions"),
        ("places", 0, "lat"),
        ("events", 0, "evidence"),
        ("events", 1, "wounded"),
        ("events", 1, "captured"),
        ("claims", 0, "speaker"),
        ("actors", 0, "mentions", 0, "confidence"),
    ],
)
def test_missing_key_fails_validation(path: tuple[Any, ...]) -> None:
    data = copy.deepcopy(full_report().to_dict())
    del _set(data, path, None)[path[-1]]
    assert not VALIDATOR.is_valid(data)


def test_documented_example_is_a_valid_report() -> None:
    page = (Path(__file__).parents[1] / "docs" / "report.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", page, re.DOTALL)
    assert example is not None, "docs/report.md has no ```json example"
    data = json.loads(example.group(1))
    assert_valid(data)
    assert_offsets(Report.from_dict(data))
    assert Report.from_dict(data).to_dict() == data


# -- random reports ----------------------------------------------------------------------------------------

ids = st.from_regex(r"[a-z][a-z0-9_-]{0,6}(\.[a-z0-9-]{1,8}){0,2}", fullmatch=True)
words = st.text(min_size=1, max_size=12)
maybe_words = st.none() | words
countries = st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True)
confidences = st.floats(min_value=0, max_value=1)
rules = st.none() | st.sampled_from(["alias@1", "metonym@1", "demonym@1", "agent@1", "ner@1", "place@1"])
mappings = st.dictionaries(st.text(min_size=1, max_size=8), words, max_size=3).map(lambda d: tuple(sorted(d.items())))
id_lists = st.lists(ids, max_size=3).map(tuple)


@st.composite
def evidence_in(draw: st.DrawFn, text: str) -> Evidence:
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return Evidence(start, end, text[start:end], draw(rules), draw(confidences))


def spans_in(text: str) -> st.SearchStrategy[tuple[Evidence, ...]]:
    return st.lists(evidence_in(text), max_size=3).map(tuple)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    text = draw(st.text(min_size=1, max_size=120))
    document = Document(
        id=draw(ids),
        text=text,
        title=draw(maybe_words),
        author=draw(maybe_words),
        source=draw(maybe_words),
        url=draw(maybe_words),
        published=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
        language=draw(st.none() | st.just("en")),
    )
    actors = st.builds(
        Actor,
        id=ids,
        name=words,
        kind=st.sampled_from(ACTOR_KINDS),
        country=countries,
        parents=id_lists,
        aliases=st.lists(words, max_size=3).map(tuple),
        mentions=spans_in(text),
        origin=st.sampled_from(["kb", "ner"]),
    )
    places = st.builds(
        Place,
        id=ids,
        name=words,
        country=countries,
        lat=st.none() | st.floats(-90, 90),
        lon=st.none() | st.floats(-180, 180),
        feature=maybe_words,
        precision=st.none() | st.sampled_from([1, 2, 3]),
        mentions=spans_in(text),
    )
    counts = st.none() | st.integers(0, 10_000)
    events = st.builds(
        Event,
        id=ids,
        type=st.sampled_from(PLOVER_TYPES),
        evidence=evidence_in(text),
        mode=maybe_words,
        actors=id_lists,
        recipients=id_lists,
        place=st.none() | ids,
        date=st.none()
        | st.builds(When, maybe_words, st.none() | st.sampled_from(["day", "month", "year"]), maybe_words),
        fatalities=st.none() | st.builds(Toll, counts, counts, maybe_words),
        wounded=st.none() | st.builds(Toll, counts, counts, maybe_words),
        captured=st.none() | st.builds(Toll, counts, counts, maybe_words),
        status=st.sampled_from(EVENT_STATUSES),
        speaker=st.none() | ids,
        codes=mappings,
        confidence=confidences,
        also=spans_in(text),
    )
    happenings = st.builds(
        Happening,
        id=ids,
        kind=st.sampled_from(HAPPENING_KINDS),
        evidence=evidence_in(text),
        place=st.none() | ids,
        fatalities=st.none() | st.builds(Toll, counts, counts, maybe_words),
        wounded=st.none() | st.builds(Toll, counts, counts, maybe_words),
    )
    claims = st.builds(
        Claim,
        id=ids,
        text=words,
        evidence=evidence_in(text),
        speaker=st.none() | ids,
        speaker_text=maybe_words,
        cue=maybe_words,
        direct=st.booleans(),
        hedged=st.booleans(),
        author_stance=st.sampled_from(STANCES),
        events=id_lists,
    )
    contradictions = st.builds(
        Contradiction,
        id=ids,
        kind=st.sampled_from(CONTRADICTION_KINDS),
        items=st.lists(ids, min_size=2, max_size=4).map(tuple),
        explanation=words,
    )
    relations = st.builds(
        Relation,
        source=ids,
        target=ids,
        polarity=st.sampled_from(POLARITIES),
        weight=st.floats(min_value=0, max_value=1e6),
        events=id_lists,
    )
    return Report(
        version=draw(st.sampled_from(["0.1.0", "1.2.3rc1"])),
        document=document,
        actors=tuple(draw(st.lists(actors, max_size=3))),
        places=tuple(draw(st.lists(places, max_size=3))),
        events=tuple(draw(st.lists(events, max_size=2))),
        claims=tuple(draw(st.lists(claims, max_size=2))),
        contradictions=tuple(draw(st.lists(contradictions, max_size=2))),
        relations=tuple(draw(st.lists(relations, max_size=2))),
        provenance=draw(mappings),
        happenings=tuple(draw(st.lists(happenings, max_size=2))),
    )


@settings(max_examples=100, deadline=None)
@given(reports())
def test_random_reports_round_trip_validate_and_keep_offsets(report: Report) -> None:
    data = report.to_dict()
    assert Report.from_dict(data) == report
    assert Report.from_dict(json.loads(json.dumps(data))) == report
    assert_valid(json.loads(json.dumps(data)))
    assert_offsets(report)
