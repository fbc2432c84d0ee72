"""The corpus actor graph: edges from stored events, filters, and GraphML/GEXF/JSON read back with networkx."""

import io
import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from warlog.cli import app
from warlog.errors import StoreError
from warlog.model import Actor, Document, Event, Evidence, Place, Report, When
from warlog.store import Store

ACTORS = {
    a.id: a
    for a in (
        Actor("rus", "Russia", "state", "RUS"),
        Actor("syr", "Syria", "state", "SYR"),
        Actor("syr.gov", "Government of Syria", "government", "SYR", parents=("syr",)),
        Actor("syr.reb", "Syrian rebels", "rebel_group", "SYR", parents=("syr",)),
        Actor("isil", "Islamic State", "armed_group"),
        Actor("usa", "United States", "state", "USA"),
        Actor("syr.cvl", "Syrian civilians", "civilians", "SYR", parents=("syr",)),
    )
}
ALEPPO = Place("aleppo", "Aleppo", "SYR", 36.20124, 37.16117, "city", 1)


def event(event_id, type, actors, recipients, date=None, status="asserted"):
    return Event(
        id=event_id,
        type=type,
        evidence=Evidence(0, 4, "text"),
        actors=tuple(actors),
        recipients=tuple(recipients),
        date=When(date, "day", date) if date else None,
        status=status,
    )


def report(document_id, published, actor_ids, events):
    return Report(
        version="test",
        document=Document(id=document_id, text="text", source=f"outlet {document_id}", published=published),
        actors=tuple(ACTORS[a] for a in actor_ids),
        places=(ALEPPO,),
        events=tuple(events),
    )


REPORTS = (
    report(
        "d1",
        "2015-10-10",
        ["rus", "syr.gov", "syr.reb", "isil", "syr"],
        [
            event("e1", "AID", ["rus"], ["syr.gov"], "2015-10-01"),
            event("e2", "ASSAULT", ["rus"], ["syr.reb"], "2015-10-08"),
            event("e3", "ASSAULT", ["rus"], ["syr.reb"], "2015-10-09", status="hypothetical"),
            event("e4", "ASSAULT", ["isil"], ["syr.reb"]),  # undated: the document's date
            event("e5", "ASSAULT", ["syr.reb"], ["syr.reb"], "2015-10-08"),  # a self-tie
        ],
    ),
    report(
        "d2",
        "2016-02-01",
        ["rus", "syr.reb", "usa", "syr.cvl", "syr"],
        [
            event("e1", "ASSAULT", ["rus", "rus"], ["syr.reb"], "2016-01-20"),
            event("e2", "CONSULT", ["usa"], ["rus"], "2016-01-25"),
            event("e3", "ASSAULT", ["usa"], ["syr.cvl"], "2016-01-26", status="denied"),
        ],
    ),
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("graph") / "corpus.duckdb"
    with Store.open(path) as store:
        for r in REPORTS:
            store.save(r)
    return path


@pytest.fixture
def store(db):
    with Store.open(db, read_only=True) as store:
        yield store


def ties(graph):
    return {(e.source, e.target, e.polarity): e for e in graph.edges}


def test_edges_aggregate_events_across_documents(store):
    edges = ties(store.graph())
    assert set(edges) == {
        ("rus", "syr.gov", "cooperative"),
        ("rus", "syr.reb", "hostile"),
        ("isil", "syr.reb", "hostile"),
        ("usa", "rus", "cooperative"),
        ("syr.gov", "syr", "affiliation"),
        ("syr.reb", "syr", "affiliation"),
    }
    hostile = edges["rus", "syr.reb", "hostile"]
    assert (hostile.weight, hostile.documents, hostile.first, hostile.last) == (2.0, 2, "2015-10-08", "2016-01-20")
    assert hostile.events == (("d1", "e2"), ("d2", "e1")) and hostile.types == ("ASSAULT",)
    undated = edges["isil", "syr.reb", "hostile"]
    assert (undated.first, undated.last) == ("2015-10-10", "2015-10-10")
    assert edges["syr.gov", "syr", "affiliation"].events == ()


def test_nodes_are_the_actors_of_the_edges_and_their_parents(store):
    graph = store.graph()
    assert [n.id for n in graph.nodes] == ["isil", "rus", "syr", "syr.gov", "syr.reb", "usa"]
    assert next(n for n in graph.nodes if n.id == "rus").to_dict() == {
        "id": "rus",
        "name": "Russia",
        "kind": "state",
        "country": "RUS",
    }
    assert [n.id for n in store.graph(affiliations=False).nodes] == ["isil", "rus", "syr.gov", "syr.reb", "usa"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"since": "2016-01-01", "affiliations": False}, {("rus", "syr.reb"), ("usa", "rus")}),
        ({"until": "2015-10-08", "affiliations": False}, {("rus", "syr.gov"), ("rus", "syr.reb")}),
        (
            {"since": "2015-10", "until": "2015-10", "affiliations": False},
            {("rus", "syr.gov"), ("rus", "syr.reb"), ("isil", "syr.reb")},
        ),
        ({"type": "AID", "affiliations": False}, {("rus", "syr.gov")}),
        ({"actor": "isil"}, {("isil", "syr.reb"), ("syr.reb", "syr")}),
        ({"actor": "united states", "affiliations": False}, {("usa", "rus")}),  # part of a name, any case
        ({"statuses": ("denied",)}, {("usa", "syr.cvl"), ("syr.cvl", "syr")}),
        ({"statuses": ("hypothetical",), "affiliations": False}, {("rus", "syr.reb")}),
    ],
)
def test_filters(store, filters, expected):
    graph = store.graph(**filters)
    assert {(e.source, e.target) for e in graph.edges} == expected


def test_filtered_weight_counts_only_kept_events(store):
    edge = ties(store.graph(since="2016-01-01"))["rus", "syr.reb", "hostile"]
    assert (edge.weight, edge.events, edge.first) == (1.0, (("d2", "e1"),), "2016-01-20")


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"type": "BOMB"}, "ASSAULT"),
        ({"statuses": ("maybe",)}, "asserted"),
        ({"since": "yesterday"}, "ISO date"),
        ({"actor": "zzyzx"}, "no actor"),
    ],
)
def test_bad_filters(store, filters, message):
    with pytest.raises(StoreError, match=message):
        store.graph(**filters)


def by_polarity(graph):
    return {(u, v, d["polarity"]): d for u, v, d in graph.edges(data=True)}


def test_graphml_reads_back(store):
    graph = nx.read_graphml(io.BytesIO(store.graph().render("graphml").encode()))
    assert graph.is_directed()
    assert graph.nodes["rus"]["name"] == "Russia" and "country" not in graph.nodes["isil"]
    data = by_polarity(graph)["rus", "syr.reb", "hostile"]
    assert data["weight"] == 2.0 and data["documents"] == 2 and data["first"] == "2015-10-08"
    assert json.loads(data["events"]) == [["d1", "e2"], ["d2", "e1"]]
    assert json.loads(data["types"]) == ["ASSAULT"]
    assert graph.number_of_edges() == 6


def test_gexf_reads_back(store):
    graph = nx.read_gexf(io.BytesIO(store.graph().render("gexf").encode()))
    assert graph.nodes["syr.reb"]["label"] == "Syrian rebels"
    edges = by_polarity(graph)
    assert edges["rus", "syr.reb", "hostile"]["weight"] == 2.0
    assert json.loads(edges["rus", "syr.reb", "hostile"]["events"]) == [["d1", "e2"], ["d2", "e1"]]
    assert ("syr.gov", "syr", "affiliation") in edges


def test_both_polarities_between_two_actors_stay_apart(tmp_path):
    both = report("d3", "2015-01-01", ["rus", "usa"], [
        event("e1", "CONSULT", ["usa"], ["rus"], "2015-01-01"),
        event("e2", "ACCUSE", ["usa"], ["rus"], "2015-01-01"),
    ])  # fmt: skip
    with Store.open(tmp_path / "both.duckdb") as store:
        store.save(both)
        graph = nx.read_graphml(io.BytesIO(store.graph().render("graphml").encode()))
    assert set(graph.get_edge_data("usa", "rus")) == {"cooperative", "hostile"}


def test_json(store):
    data = json.loads(store.graph(type="AID").render("json"))
    assert set(data) == {"nodes", "edges"}
    assert data["edges"][0]["events"] == [{"document": "d1", "event": "e1"}]


def test_unknown_format(store):
    with pytest.raises(StoreError, match="graphml, gexf, json"):
        store.graph().render("dot")


def test_empty_store_gives_an_empty_graph(tmp_path):
    with Store.open(tmp_path / "empty.duckdb") as store:
        graph = store.graph()
    assert graph.nodes == () and graph.edges == ()
    assert nx.read_graphml(io.BytesIO(graph.render("graphml").encode())).number_of_nodes() == 0


# the command


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_cli_writes_a_file(db, tmp_path):
    out = tmp_path / "graph.gexf"
    result = run("graph", "--db", db, "--format", "gexf", "--out", out, "--type", "ASSAULT")
    assert result.exit_code == 0, result.output
    graph = nx.read_gexf(out)
    assert {(u, v) for u, v, d in graph.edges(data=True) if d["polarity"] == "hostile"} == {
        ("rus", "syr.reb"),
        ("isil", "syr.reb"),
    }


def test_cli_json_to_stdout_with_filters(db):
    result = run("graph", "--db", db, "--format", "json", "--since", "2016", "--no-affiliations")
    assert result.exit_code == 0, result.output
    assert {(e["source"], e["target"]) for e in json.loads(result.stdout)["edges"]} == {
        ("rus", "syr.reb"),
        ("usa", "rus"),
    }
    denied = json.loads(run("graph", "--db", db, "-f", "json", "--status", "denied", "--status", "negated").stdout)
    assert [e["target"] for e in denied["edges"] if e["polarity"] == "hostile"] == ["syr.cvl"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "dot"], "graphml, gexf, json"),
        (["--since", "someday"], "--since"),
        (["--type", "BOMB"], "ASSAULT"),
        (["--actor", "zzyzx"], "no actor"),
    ],
)
def test_cli_errors_are_one_line(db, args, message):
    result = run("graph", "--db", db, *args)
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_store(tmp_path):
    result = run("graph", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 1 and "no store" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()
