"""An actor's ties: one row per tie over the corpus, and a corrected event stops tying its actors for every
reader (the actor summary, the REST actor page, the graph and the stored report)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warlog.api import close_app, create_app
from warlog.events.relations import build_relations
from warlog.model import Actor, Document, Event, Evidence, Report
from warlog.packs.ontology import builtin_ontology
from warlog.store import Store
from warlog.store.correction import Correction

TEXT = (
    "The Vizier backed the Red Banner militia in Qadir. The Red Banner militia shelled Harran on 2 May. "
    "Officials of the Eastern Ministry visited Qadir."
)


def ev(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence(start, start + len(needle), needle, "test:1")


def report(doc_id: str) -> Report:
    """A hand-built report: a person backs a militia that attacks a town; a ministry belongs to its state."""
    actors = (
        Actor("vizier", "The Vizier", "person", "EST", mentions=(ev("The Vizier"),)),
        Actor("red", "Red Banner militia", "militia", "EST", mentions=(ev("the Red Banner militia"),)),
        Actor("harran", "Harran residents", "civilians", "EST", mentions=(ev("Harran"),)),
        Actor("est.gov", "Eastern Ministry", "government", "EST", parents=("est",), mentions=(ev("Eastern Ministry"),)),
        Actor("est", "Eastern State", "state", "EST", mentions=(ev("Eastern"),)),
    )
    events = (
        Event("ev_back", "SUPPORT", ev("backed"), actors=("vizier",), recipients=("red",)),
        Event("ev_shell", "ASSAULT", ev("shelled"), actors=("red",), recipients=("harran",)),
    )
    return Report(
        version="0.1.0",
        document=Document(id=doc_id, text=TEXT, source="Wire", published="2024-05-03"),
        actors=actors,
        events=events,
        relations=build_relations(events, actors, builtin_ontology()),
    )


def ties(store: Store, actor: str) -> list[tuple[str, str, str, float, int]]:
    summary = store.actor_summary(actor)
    assert summary is not None
    rows = summary.relations.to_dicts()
    return [(r["source"], r["target"], r["polarity"], r["weight"], r["documents"]) for r in rows]


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(None) as opened:
        for doc_id in ("doc-1", "doc-2", "doc-3"):
            opened.save(report(doc_id))
        yield opened


def test_a_tie_told_by_several_documents_is_one_row_with_their_count(store: Store) -> None:
    assert ties(store, "red") == [
        ("vizier", "red", "cooperative", 3.0, 3),
        ("red", "harran", "hostile", 3.0, 3),
    ]
    assert ties(store, "est") == [("est.gov", "est", "affiliation", 3.0, 3)]  # not three rows
    assert store.actor_summary("est").relations.total == 1


@pytest.mark.parametrize(
    "correction",
    [
        Correction.set_event_status("doc-1", "ev_back", "negated"),
        Correction.set_event_type("doc-1", "ev_back", "ACCUSE"),  # now a hostile tie, not a cooperative one
        Correction.set_event_actors("doc-1", "ev_back", actors=[]),
        Correction.reject("event", "doc-1", "ev_back"),
    ],
    ids=["negated", "retyped", "no-actor", "rejected"],
)
def test_a_corrected_event_stops_tying_its_actors_for_every_reader(store: Store, correction: Correction) -> None:
    for doc_id in ("doc-2", "doc-3"):
        store.correct(Correction.reject("event", doc_id, "ev_back"))
    store.correct(correction)
    assert not [t for t in ties(store, "red") if t[2] == "cooperative"]
    assert not [t for t in ties(store, "vizier") if t[2] == "cooperative"]
    assert not [e for e in store.graph().edges if e.polarity == "cooperative"]
    assert not [r for r in store.report("doc-1").relations if r.polarity == "cooperative"]
    assert ("red", "harran", "hostile", 3.0, 3) in ties(store, "red")  # the other tie stays


def test_a_re_analysis_keeps_the_corrected_ties(store: Store) -> None:
    store.correct(Correction.set_event_status("doc-1", "ev_back", "negated"))
    store.replace(report("doc-1"))
    assert [r.polarity for r in store.report("doc-1").relations] == ["affiliation", "hostile"]
    assert ("vizier", "red", "cooperative", 2.0, 2) in ties(store, "red")  # doc-2 and doc-3 still tell it


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    path = tmp_path / "ties.duckdb"
    with Store.open(path) as opened:
        opened.save(report("doc-1"))
        opened.save(report("doc-2"))
    app = create_app(path)
    yield TestClient(app, base_url="http://127.0.0.1")
    close_app(app)


def test_the_api_actor_page_drops_a_negated_tie_as_the_graph_does(client: TestClient) -> None:
    for doc_id in ("doc-1", "doc-2"):
        body = {"kind": "set_event_status", "document": doc_id, "target": "ev_back", "after": "negated"}
        assert client.post("/api/corrections", json=body).status_code == 201
    relations = client.get("/api/actors/red").json()["relations"]
    assert [(r["source"], r["polarity"], r["documents"]) for r in relations["items"]] == [("red", "hostile", 2)]
    graph = client.get("/api/graph?actor=red").json()
    assert [e["polarity"] for e in graph["edges"] if "vizier" in (e["source"], e["target"])] == []
    est = client.get("/api/actors/est").json()["relations"]
    assert (est["total"], est["items"][0]["documents"]) == (1, 2)
