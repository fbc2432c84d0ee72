"""The names of stored actors and places by id, for readers that show names where the rows hold ids."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import duckdb


@dataclass(frozen=True, slots=True)
class Names:
    """Actor and place names by id; an id the store does not know reads as itself."""

    actors: Mapping[str, str] = field(default_factory=dict)
    places: Mapping[str, str] = field(default_factory=dict)

    def actor(self, actor_id: str) -> str:
        return self.actors.get(actor_id, actor_id)

    def place(self, place_id: str) -> str:
        return self.places.get(place_id, place_id)


def read_names(con: duckdb.DuckDBPyConnection, actors: Iterable[str], places: Iterable[str]) -> Names:
    """The names of these actor and place ids that the store knows."""
    actor_ids, place_ids = sorted(set(actors)), sorted(set(places))
    sql = 'SELECT id, "name" FROM {table} WHERE list_contains($ids::VARCHAR[], id)'
    found_actors = con.execute(sql.format(table="actors"), {"ids": actor_ids}).fetchall() if actor_ids else []
    found_places = con.execute(sql.format(table="places"), {"ids": place_ids}).fetchall() if place_ids else []
    return Names(actors=dict(found_actors), places=dict(found_places))
