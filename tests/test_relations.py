"""Per-document relations: the rules on hand-built events, and the acceptance ties of the reference document."""

import pytest

from warlog.events.relations import build_relations, polarity_types
from warlog.model import Actor, Event, Evidence, Relation
from warlog.packs.ontology import builtin_ontology

ONTOLOGY = builtin_ontology()


def event(event_id, type, actors=(), recipients=(), status="asserted"):
    return Event(
        id=event_id,
        type=type,
        evidence=Evidence(0, 1, "x"),
        actors=tuple(actors),
        recipients=tuple(recipients),
        status=status,
    )


def test_quads_give_polarity():
    relations = build_relations(
        [event("e1", "AID", ["rus"], ["syr.gov"]), event("e2", "ASSAULT", ["rus"], ["syr.reb"])], [], ONTOLOGY
    )
    assert relations == (
        Relation("rus", "syr.gov", "cooperative", 1.0, ("e1",)),
        Relation("rus", "syr.reb", "hostile", 1.0, ("e2",)),
    )


@pytest.mark.parametrize(
    ("type", "polarity"),
    [("CONSULT", "cooperative"), ("COOPERATE", "cooperative"), ("ACCUSE", "hostile"), ("COERCE", "hostile")],
)
def test_verbal_and_material_quads(type, polarity):
    (relation,) = build_relations([event("e1", type, ["a"], ["b"])], [], ONTOLOGY)
    assert relation.polarity == polarity


def test_weight_counts_events_and_keeps_their_ids_in_order():
    events = [
        event("e1", "ASSAULT", ["rus"], ["syr.reb"]),
        event("e2", "AID", ["rus"], ["syr.gov"]),
        event("e3", "COERCE", ["rus"], ["syr.reb"]),
    ]
    relations = build_relations(events, [], ONTOLOGY)
    hostile = next(r for r in relations if r.polarity == "hostile")
    assert (hostile.weight, hostile.events) == (2.0, ("e1", "e3"))


@pytest.mark.parametrize("status", ["negated", "denied", "hypothetical", "planned"])
def test_events_that_did_not_happen_tie_no_one(status):
    assert build_relations([event("e1", "ASSAULT", ["rus"], ["syr.reb"], status=status)], [], ONTOLOGY) == ()


@pytest.mark.parametrize("status", ["asserted", "reported", "claimed"])
def test_events_that_happened_tie(status):
    assert len(build_relations([event("e1", "ASSAULT", ["rus"], ["syr.reb"], status=status)], [], ONTOLOGY)) == 1


def test_every_actor_to_every_recipient_without_self_edges_or_repeats():
    relations = build_relations([event("e1", "ASSAULT", ["a", "b", "a"], ["b", "c"])], [], ONTOLOGY)
    assert [(r.source, r.target) for r in relations] == [("a", "b"), ("a", "c"), ("b", "c")]
    assert all(r.events == ("e1",) for r in relations)


def test_one_sided_and_unknown_type_events_tie_no_one():
    events = [
        event("e1", "ASSAULT", ["a"], []),
        event("e2", "ASSAULT", [], ["b"]),
        event("e3", "NO_SUCH", ["a"], ["b"]),
    ]
    assert build_relations(events, [], ONTOLOGY) == ()


def test_affiliations_from_parents():
    actors = [
        Actor("syr.ndf", "National Defence Forces", "militia", parents=("syr.gov", "irn.irgc")),
        Actor("syr.gov", "Government of Syria", "government", parents=("syr",)),
        Actor("odd", "Odd", "other", parents=("odd",)),
    ]
    relations = build_relations([], actors, ONTOLOGY)
    assert [(r.source, r.target, r.polarity, r.events) for r in relations] == [
        ("syr.gov", "syr", "affiliation", ()),
        ("syr.ndf", "irn.irgc", "affiliation", ()),
        ("syr.ndf", "syr.gov", "affiliation", ()),
    ]


def test_order_does_not_depend_on_input_order():
    events = [event("e1", "ASSAULT", ["z"], ["a"]), event("e2", "AID", ["a"], ["z"]), event("e3", "AID", ["z"], ["a"])]
    actors = [Actor("z", "Z", "state", parents=("a",))]
    forward = build_relations(events, actors, ONTOLOGY)
    assert [(r.source, r.target, r.polarity) for r in forward] == [
        ("a", "z", "cooperative"),
        ("z", "a", "cooperative"),
        ("z", "a", "hostile"),
        ("z", "a", "affiliation"),
    ]
    assert [(r.source, r.target, r.polarity) for r in build_relations(events[::-1], actors, ONTOLOGY)] == [
        (r.source, r.target, r.polarity) for r in forward
    ]


def test_polarity_types_cover_every_type_once():
    types = polarity_types(ONTOLOGY)
    assert "AID" in types["cooperative"] and "ASSAULT" in types["hostile"]
    assert sorted(types["cooperative"] + types["hostile"]) == sorted(t.name for t in ONTOLOGY.types)


@pytest.fixture(scope="module")
def reference_relations(reference_report, pipeline):
    return build_relations(reference_report.events, reference_report.actors, pipeline.ontology)


def _tie(relations, source, target, polarity):
    return next((r for r in relations if (r.source, r.target, r.polarity) == (source, target, polarity)), None)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("source", "target", "polarity"),
    [
        ("rus", "syr.gov", "cooperative"),  # "Russia has helped the Assad regime with military-intelligence ..."
        ("rus", "syr.reb", "hostile"),  # "Moscow has consistently targeted the moderate rebels"
        ("isil", "syr.reb", "hostile"),  # "specifically targeting one of the bastions of the rebellion in Marea"
        ("usa", "kurds", "cooperative"),  # "bolstering the Kurds and some Arab detachments against I.S."
    ],
)
def test_reference_ties(reference_relations, reference_report, source, target, polarity):
    relation = _tie(reference_relations, source, target, polarity)
    assert relation is not None, f"no {polarity} tie {source} -> {target}"
    events = {e.id: e for e in reference_report.events}
    assert relation.weight == len(relation.events) >= 1
    assert all(events[event_id].status in ("asserted", "reported", "claimed") for event_id in relation.events)


@pytest.mark.slow
def test_reference_affiliations(reference_relations):
    assert _tie(reference_relations, "syr.gov", "syr", "affiliation") is not None
    assert _tie(reference_relations, "irn.irgc", "irn", "affiliation") is not None
