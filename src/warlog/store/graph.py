"""The corpus actor graph: who cooperates with whom, who fights whom, and who belongs to whom.

Edges come from the stored events, not from the per-document relations, so that every filter applies to
the events behind an edge:
- an event ties each of its actors to each of its recipients (never an actor to itself), `cooperative`
  for a type of the cooperation quads, `hostile` for the conflict quads (warlog.events.relations);
- only events with the chosen statuses count (default: those that happened: asserted, reported,
  claimed);
- an event's date is its own date, or its document's publication date when it has none; `since` and
  `until` keep events whose date overlaps the period, and an edge's `first` and `last` are the first
  and last day its events cover;
- `type` keeps one PLOVER event type; `actor` keeps the edges that touch the actor (an id, or part of a
  name or alias when no actor has that id).
An edge's `weight` is the number of events behind it, `documents` the number of documents that tell
them, `events` the (document id, event id) pairs.

Nodes are the actors at either end of an edge, and, following `actor_parents`, their parents: each node
has an `affiliation` edge (weight 1, no events) to each of its parents, which join the graph in turn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb

from warlog.errors import StoreError
from warlog.events.relations import polarity_types
from warlog.incidents.differences import date_interval
from warlog.model import EVENT_STATUSES, HAPPENED
from warlog.store.query import ACTOR_IDS, date_overlaps

if TYPE_CHECKING:
    import networkx as nx

    from warlog.packs.ontology import Ontology

GRAPH_FORMATS = ("graphml", "gexf", "json")


@dataclass(frozen=True, slots=True)
class GraphNode:
    """An actor of the graph."""

    id: str
    name: str
    kind: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country}


@dataclass(frozen=True, slots=True)
class GraphEdge:
    """A tie between two actors over the corpus, with the events behind it."""

    source: str
    target: str
    polarity: str
    weight: float = 1.0
    documents: int = 0
    first: str | None = None
    last: str | None = None
    types: tuple[str, ...] = ()
    events: tuple[tuple[str, str], ...] = ()  # (document id, event id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "polarity": self.polarity,
            "weight": self.weight,
            "documents": self.documents,
            "first": self.first,
            "last": self.last,
            "types": list(self.types),
            "events": [{"document": d, "event": e} for d, e in self.events],
        }


@dataclass(frozen=True, slots=True)
class ActorGraph:
    """Actors and their ties; `render()` writes it as GraphML, GEXF or JSON."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": [n.to_dict() for n in self.nodes], "edges": [e.to_dict() for e in self.edges]}

    def to_networkx(self) -> nx.MultiDiGraph:
        """A networkx MultiDiGraph keyed by polarity, with scalar attributes only (lists as JSON strings)
        and no None values, as GraphML and GEXF require."""
        import networkx as nx

        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        for node in self.nodes:
            attributes: dict[str, object] = {
                "label": node.name,
                "name": node.name,
                "kind": node.kind,
                "country": node.country,
            }
            graph.add_node(node.id, **{k: v for k, v in attributes.items() if v is not None})
        for edge in self.edges:
            attributes = {
                "polarity": edge.polarity,
                "weight": edge.weight,
                "documents": edge.documents,
                "first": edge.first,
                "last": edge.last,
                "types": json.dumps(list(edge.types)),
                "events": json.dumps([list(pair) for pair in edge.events]),
            }
            graph.add_edge(
                edge.source, edge.target, key=edge.polarity, **{k: v for k, v in attributes.items() if v is not None}
            )
        return graph

    def render(self, format: str) -> str:
        """The graph as text in one of GRAPH_FORMATS.

        Raises:
            StoreError: an unknown format; the message lists the valid ones.
        """
        if format == "json":
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        if format not in GRAPH_FORMATS:
            raise StoreError(f"unknown graph format {format!r}; valid choices: {', '.join(GRAPH_FORMATS)}")
        import networkx as nx

        generate = nx.generate_graphml if format == "graphml" else nx.generate_gexf
        return "\n".join(generate(self.to_networkx())) + "\n"


EVENT_WHEN = 'coalesce(e."date"."value", d.published)'  # an event's date, or its document's when it has none

# One row per (actor, recipient, polarity) tie of the kept events; the WHERE clause is built only from
# fixed fragments, every value is a parameter.
_TIES = """
WITH kept AS (
    SELECT e.document_id, e.seq, e.id, e."type",
        {when} AS "when",
        CASE WHEN list_contains($cooperative, e."type") THEN 'cooperative' ELSE 'hostile' END AS polarity,
        list_distinct(e.actors) AS actors, list_distinct(e.recipients) AS recipients
    FROM events e JOIN documents d ON d.id = e.document_id
    WHERE list_contains($statuses, e.status) AND list_contains($types, e."type") {dates}
),
sources AS (SELECT *, unnest(actors) AS source FROM kept),
ties AS (SELECT *, unnest(recipients) AS target FROM sources)
SELECT source, target, polarity, count(*) AS weight, count(DISTINCT document_id) AS documents,
    list(DISTINCT "when") FILTER (WHERE "when" IS NOT NULL) AS whens,
    list(DISTINCT "type" ORDER BY "type") AS types,
    list([document_id, id] ORDER BY document_id, seq) AS events
FROM ties
WHERE source <> target {actor}
GROUP BY source, target, polarity
ORDER BY source, target, polarity
"""


def check_filters(
    ontology: Ontology, type: str | None, statuses: tuple[str, ...], since: str | None, until: str | None
) -> None:
    """Raise StoreError for an unknown event type or status, or a date that is not ISO 8601."""
    if type is not None:
        try:
            ontology.type(type)
        except KeyError as e:
            raise StoreError(str(e.args[0])) from None
    for status in statuses:
        if status not in EVENT_STATUSES:
            raise StoreError(f"unknown event status {status!r}; valid choices: {', '.join(EVENT_STATUSES)}")
    for name, value in (("since", since), ("until", until)):
        if value is not None and date_interval(value) is None:
            raise StoreError(f"{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not {value!r}")


def actor_ids(con: duckdb.DuckDBPyConnection, actor: str) -> list[str]:
    """The actor with this id, or else those whose name or alias contains it (any case)."""
    if con.execute("SELECT 1 FROM actors WHERE id = $actor", {"actor": actor}).fetchone():
        return [actor]
    ids = [row[0] for row in con.execute(f"SELECT id FROM {ACTOR_IDS} ORDER BY id", {"actor": actor}).fetchall()]
    if not ids:
        raise StoreError(f"no actor {actor!r} in the store; give an actor id or name (see `warlog query actors`)")
    return ids


def _period(whens: list[str] | None) -> tuple[str | None, str | None]:
    intervals = [i for i in map(date_interval, whens or ()) if i is not None]
    if not intervals:
        return None, None
    first, last = min(i[0] for i in intervals), max(i[1] for i in intervals)
    return (None if first.year == 1 else first.isoformat()), (None if last.year == 9999 else last.isoformat())


def build_graph(
    con: duckdb.DuckDBPyConnection,
    *,
    ontology: Ontology,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    type: str | None = None,
    statuses: tuple[str, ...] = HAPPENED,
    affiliations: bool = True,
) -> ActorGraph:
    """The actor graph of the stored events that pass the filters (the rules are in the module docstring)."""
    check_filters(ontology, type, statuses, since, until)
    polarities = polarity_types(ontology)
    filters = {name for name, value in (("since", since), ("until", until)) if value is not None}
    dates = "".join(f" AND {c}" for c in date_overlaps(EVENT_WHEN, filters)) if filters else ""
    params: dict[str, Any] = {
        "cooperative": list(polarities["cooperative"]),
        "statuses": list(statuses),
        "types": [type] if type else [*polarities["cooperative"], *polarities["hostile"]],
        **{name: value for name, value in (("since", since), ("until", until)) if value is not None},
    }
    wanted: list[str] = []
    if actor is not None:
        wanted = actor_ids(con, actor)
        params["wanted"] = wanted
    sql = _TIES.format(
        when=EVENT_WHEN,
        dates=dates,
        actor="AND (list_contains($wanted, source) OR list_contains($wanted, target))" if actor else "",
    )
    edges = []
    for source, target, polarity, weight, documents, whens, types, events in con.execute(sql, params).fetchall():
        first, last = _period(whens)
        pairs = tuple((d, e) for d, e in events)
        edges.append(GraphEdge(source, target, polarity, float(weight), documents, first, last, tuple(types), pairs))
    members = list(dict.fromkeys([*wanted, *(x for e in edges for x in (e.source, e.target))]))
    if affiliations:
        edges += _affiliations(con, members)
        members = list(dict.fromkeys([*members, *(e.target for e in edges if e.polarity == "affiliation")]))
    return ActorGraph(nodes=_nodes(con, members), edges=tuple(edges))


def _affiliations(con: duckdb.DuckDBPyConnection, members: list[str]) -> list[GraphEdge]:
    """Affiliation edges from the members to their parents, and on up from the parents."""
    parents: dict[str, list[str]] = {}
    for child, parent in con.execute("SELECT actor_id, parent_id FROM actor_parents ORDER BY actor_id, seq").fetchall():
        parents.setdefault(child, []).append(parent)
    edges: list[GraphEdge] = []
    seen, queue = set(members), list(members)
    while queue:
        child = queue.pop(0)
        for parent in parents.get(child, ()):
            if parent != child:
                edges.append(GraphEdge(child, parent, "affiliation"))
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return sorted(edges, key=lambda e: (e.source, e.target))


def _nodes(con: duckdb.DuckDBPyConnection, ids: list[str]) -> tuple[GraphNode, ...]:
    rows = con.execute(
        'SELECT id, "name", kind, country FROM actors WHERE list_contains($ids, id) ORDER BY id', {"ids": ids}
    ).fetchall()
    known = {row[0]: GraphNode(*row) for row in rows}
    return tuple(known.get(actor_id, GraphNode(actor_id, actor_id)) for actor_id in sorted(ids))
