"""What a query of the store asks and answers, and what each filter means: one meaning for `warlog query`,
the REST API's lists, the actor graph, the incidents and the exports.

A query names what it lists (QUERY_KINDS) and its `Filters`; `Store.find` answers a `Page`: the columns,
the rows, and the total the filters keep. The SQL of each listing is in warlog.store.listings.

Rules:
- `actor` is an actor id, or part of an actor's name or alias, any case (ACTOR_IDS): for events an actor
  or a recipient; for claims the speaker (or part of the speaker's words); for documents and places the
  documents that mention the actor; for actors the actor itself.
- `place` is a place id, or part of a place's name, any case (PLACE_IDS): an event's place; for
  documents, actors and claims the documents that mention the place; for places the place itself.
- `document` is a document id or the start of one (a prefix, not a pattern).
- `text` is text contained, any case, in an actor's or place's id, name or alias, or in a document's
  title or text.
- `since`/`until` are ISO dates (YYYY-MM-DD, YYYY-MM or YYYY) compared by overlap: an item dated
  "2024-03" (or the period "2024-03-01/2024-03-05") matches `since="2024-03-10"` because part of it lies
  on or after that day. The date is an event's own, a failure's time, else the publication date of the
  item's document. An item whose date is unknown or not ISO never matches a date filter.
- `country` is an ISO country code: an actor's or place's country, and for events their place's (any case).
- `min_confidence` is a number from 0 to 1 (events only): the events whose confidence is at least it.
- `reviewed` (events and claims) is True for the items an analyst accepted in the review queue (an
  `accept` correction in the audit trail: warlog.store.review), False for those nobody has decided on
  yet; rejected items are gone from every listing, as every rejected fact is.
- Actors and places are listed once each, with the number of documents that name them and of their
  mentions in those documents. The filters on documents (since, until, document, and place for actors,
  actor for places) choose which documents count: the actors of `since="2024-04"` are those named in
  documents published since April 2024, with their numbers in those documents.
- The other filters (`type`, `status`, `stance`, `source_kind`, `country`, and the exact ids `as_actor`,
  `as_recipient`, `speaker_id`) are equalities; `type` is an actor's kind, an event's type, a
  contradiction's kind or a failure's reason. `speaker` is `actor` for claims (both given, both hold).
- `sort` is one name of the listing's (warlog.store.listings.sort_choices), `-name` for descending;
  unknown values sort last either way, and a fixed key breaks ties, so that pages never overlap or skip.
- `total` counts every row the filters keep, whatever the limit and offset.
- Every value travels as a named parameter; the SQL text is assembled only from fixed fragments, and a
  sort is looked up in a whitelist, never pasted in.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal, get_args

QueryKind = Literal["documents", "actors", "events", "claims", "places", "failures", "contradictions"]
QUERY_KINDS: tuple[str, ...] = get_args(QueryKind)

# Ids of the actors (places) whose id equals the filter or whose name or alias contains it, any case; shared
# with the graph and the incidents, so that an actor filter means one thing everywhere.
ACTOR_IDS = """(SELECT id FROM actors WHERE id = $actor OR contains(lower("name"), lower($actor))
    UNION SELECT actor_id FROM actor_aliases WHERE contains(lower(alias), lower($actor)))"""
PLACE_IDS = """(SELECT id FROM places WHERE id = $place OR contains(lower("name"), lower($place)))"""


def date_overlaps(value: str, filters: set[str]) -> list[str]:
    """Conditions on an ISO date expression (a date, a partial date or a start/end period)."""
    conditions = [f"regexp_matches({value}, '^[0-9]{{4}}')"]
    if "since" in filters:
        end = f"left(CASE WHEN contains({value}, '/') THEN split_part({value}, '/', 2) ELSE {value} END, 10)"
        conditions.append(f"{end} || '~' >= $since")
    if "until" in filters:
        conditions.append(f"left(split_part({value}, '/', 1), 10) <= $until || '~'")
    return conditions


@dataclass(frozen=True, slots=True)
class Filters:
    """What a query keeps; None is no filter. Each listing takes some of them (the rules above)."""

    actor: str | None = None
    as_actor: str | None = None
    as_recipient: str | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    text: str | None = None
    type: str | None = None
    status: str | None = None
    stance: str | None = None
    source_kind: str | None = None
    country: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    document: str | None = None
    min_confidence: float | None = None
    reviewed: bool | None = None

    def given(self) -> dict[str, Any]:
        """The filters that are set, by name."""
        return {f.name: value for f in fields(self) if (value := getattr(self, f.name)) is not None}


FILTER_NAMES = tuple(f.name for f in fields(Filters))
NUMBER_FILTERS = ("min_confidence",)  # the filters that take a number
FLAG_FILTERS = ("reviewed",)  # the filters that take True or False (the others take a non-empty string)


def confidence_problem(value: object) -> str | None:
    """Why `value` is no valid `min_confidence` (a number from 0 to 1), or None when it is one."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        return f"min_confidence must be a number from 0 to 1, not {value!r}"
    return None


@dataclass(frozen=True, slots=True)
class Page:
    """The rows a query found (one page of them), with the names of their columns and how many the
    filters keep in all; `limit` None is no limit."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    total: int
    limit: int | None = None
    offset: int = 0

    def to_dicts(self) -> list[dict[str, Any]]:
        """One dict per row, keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_dict(self) -> dict[str, Any]:
        """`{"items", "total", "limit", "offset"}`, as the REST API lists it."""
        return {"items": self.to_dicts(), "total": self.total, "limit": self.limit, "offset": self.offset}


QueryResult = Page  # its name before Store.find answered pages with their totals


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """A stored actor with its parents and aliases, its number of documents, and a first page of its
    events as actor and as recipient, its claims as speaker and its relations, each with its total."""

    id: str
    name: str
    kind: str
    country: str | None
    origin: str
    parents: tuple[str, ...]
    aliases: tuple[str, ...]
    documents: int
    events_as_actor: Page
    events_as_recipient: Page
    claims: Page
    relations: Page

    def to_dict(self) -> dict[str, Any]:
        """`{"actor": {id, name, kind, country, origin, parents, aliases}, "documents", and a page each of
        "events_as_actor", "events_as_recipient", "claims", "relations"}`."""
        actor = {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
                 "origin": self.origin, "parents": list(self.parents), "aliases": list(self.aliases)}  # fmt: skip
        return {
            "actor": actor,
            "documents": self.documents,
            "events_as_actor": self.events_as_actor.to_dict(),
            "events_as_recipient": self.events_as_recipient.to_dict(),
            "claims": self.claims.to_dict(),
            "relations": self.relations.to_dict(),
        }
